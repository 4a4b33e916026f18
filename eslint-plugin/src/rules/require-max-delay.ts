import type { TSESLint } from '@typescript-eslint/utils';
import { getRetrySites, type DelayFacts } from '../analysis';
import { createRule } from '../utils/create-rule';
import { argumentText, formatMs, libraryFix, localDelayOf, replaceExpression } from '../utils/fixes';
import { SUGGESTED_CAP_MS } from '../analysis/libraries/retry-options';

type Options = [{ maxDelayMs?: number }];
type MessageIds = 'uncappedDelay' | 'uncappedLibraryDelay' | 'uncappedStoredDelay' | 'uncappedRetryAfter' | 'uncappedRetryAfterWithGrowth' | 'delayTooLong' | 'timerOverflow' | 'capDelay' | 'applyLibraryFix';

/** Node's timers store the delay in a signed 32-bit integer; past this many ms they fire at once (Node.js docs, `setTimeout`). */
export const MAX_TIMER_DELAY_MS = 2_147_483_647;

export default createRule<Options, MessageIds>({
  name: 'require-max-delay',
  meta: {
    type: 'problem',
    hasSuggestions: true,
    docs: { description: 'Require growing or server-supplied retry delays to be capped', recommended: true },
    messages: {
      uncappedDelay:
        'This retry delay grows with every attempt and nothing caps it: one wait can exceed {{maxDelayMs}} ms. Past 2147483647 ms Node\'s timers fire at once. Cap it, e.g. `Math.min(delay, {{maxDelayMs}})`.',
      uncappedLibraryDelay:
        'This retry delay grows with every attempt and nothing caps it: one wait can exceed {{maxDelayMs}} ms. Set the library\'s maximum delay to at most {{maxDelayMs}} ms.',
      uncappedStoredDelay:
        'This retry delay grows with every attempt and nothing caps it: one wait can exceed {{maxDelayMs}} ms. Cap it at {{maxDelayMs}} ms.',
      uncappedRetryAfter:
        'This retry waits as long as the server says (Retry-After), with no cap the code shows. A wrong or hostile value can stall it for hours. Clamp the wait to at most {{maxDelay}}.',
      uncappedRetryAfterWithGrowth:
        'This retry\'s wait uses the server\'s delay (Retry-After), which nothing caps, and a delay that grows with the attempt. A wrong or hostile value can stall it for hours. Clamp the whole wait to at most {{maxDelay}}.',
      delayTooLong:
        'This retry can wait up to {{worstMs}} ms{{byDefault}} at once, more than the {{maxDelayMs}} ms allowed. Cap the delay at {{maxDelayMs}} ms, or make fewer attempts.',
      timerOverflow:
        'This retry can wait up to {{worstMs}} ms{{byDefault}} at once, past Node\'s timer limit. Beyond 2147483647 ms (about 24.8 days) timers overflow and fire at once, turning the backoff into a tight loop. Cap the delay at {{maxDelayMs}} ms.',
      capDelay: 'Cap the delay: `Math.min(delay, {{maxDelayMs}})`.',
      applyLibraryFix: '{{description}}.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          maxDelayMs: { type: 'integer', minimum: 1, description: 'Longest wait, in milliseconds, one retry may use. Default 60000.' },
        },
      },
    ],
  },
  defaultOptions: [{ maxDelayMs: 60_000 }],
  create(context, [options]) {
    const maxDelayMs = options.maxDelayMs ?? 60_000;
    return {
      'Program:exit'(): void {
        const seen = new Set<string>();
        for (const site of getRetrySites(context)) {
          // PRODUCT: a token refresh and replay is judged by no-unbounded-retry alone.
          if (site.purpose === 'refresh-replay') continue;
          for (const wait of site.waits) {
            const d = wait.delay;
            const verdict = judge(d, maxDelayMs, site.waitsKeptBy === 'store', site.kind === 'library');
            if (!verdict) continue;
            const key = `${d.node.range[0]}:${d.node.range[1]}`;
            if (seen.has(key)) continue;
            seen.add(key);
            const suggest: TSESLint.ReportSuggestionArray<MessageIds> = [];
            const arg = localDelayOf(wait);
            if (arg) {
              suggest.push({
                messageId: 'capDelay',
                data: { maxDelayMs: String(maxDelayMs) },
                fix: (fixer) => replaceExpression(fixer, arg, `Math.min(${argumentText(context.sourceCode, arg)}, ${maxDelayMs})`),
              });
            }
            // The libraries' cap edits write SUGGESTED_CAP_MS: offered only under this rule's limit,
            // and said to be (a message about 60000 ms beside an edit writing 30000 ms reads as a mismatch).
            // Not for a wait written in the code (the retried function's own `await pause(ms)`): the
            // library's maximum does not bound it.
            if (SUGGESTED_CAP_MS <= maxDelayMs && !arg) {
              for (const s of site.suggestions?.['require-max-delay'] ?? []) {
                suggest.push({ messageId: 'applyLibraryFix', data: { description: `${s.description}, under the ${maxDelayMs} ms limit` }, fix: libraryFix(s) });
              }
            }
            context.report({
              node: d.node,
              messageId: verdict,
              data: { maxDelayMs: String(maxDelayMs), maxDelay: inSecondsAndMs(maxDelayMs), worstMs: formatMs(d.maxMs), byDefault: d.byDefault ? ' by default' : '' },
              suggest,
            });
          }
        }
      },
    };
  },
});

/**
 * A limit written for a reader who may hold the delay in seconds (a server's Retry-After is in
 * seconds, RFC 9110 §10.2.3): `60 s (60000 ms)`.
 */
function inSecondsAndMs(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s (${ms} ms)` : `${ms} ms`;
}

/**
 * The finding for a delay, if any. `stored`: the wait is kept by a job store, not a Node timer, so
 * the timer limit is not stated. `library`: a library computes the wait, so the cap goes in its
 * options, not around a delay expression.
 */
function judge(d: DelayFacts, maxDelayMs: number, stored: boolean, library: boolean): MessageIds | undefined {
  // `retryAfterMs + base * 2 ** attempt`: the message names both parts, not only the header.
  if (d.maxReason === 'retry-after') return d.growing ? 'uncappedRetryAfterWithGrowth' : 'uncappedRetryAfter';
  if (d.maxReason === 'growth') return stored ? 'uncappedStoredDelay' : library ? 'uncappedLibraryDelay' : 'uncappedDelay';
  if (d.maxReason === 'known' && d.maxMs > maxDelayMs) return d.maxMs > MAX_TIMER_DELAY_MS && !stored ? 'timerOverflow' : 'delayTooLong';
  return undefined;
}

