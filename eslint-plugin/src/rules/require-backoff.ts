import type { TSESLint } from '@typescript-eslint/utils';
import { getRetrySites } from '../analysis';
import { createRule } from '../utils/create-rule';
import { asWait } from '../analysis/waits';
import { readSettings } from '../utils/settings';
import { addWaitFix, awaitWaitFix, describeDelay, growDelayFix, growInterceptorFix, growRecursionFix, libraryFix, localDelayOf } from '../utils/fixes';

type Options = [];
type MessageIds = 'noWait' | 'noWaitOnPath' | 'constantDelay' | 'growDelay' | 'addWait' | 'awaitWait' | 'applyLibraryFix';

export default createRule<Options, MessageIds>({
  name: 'require-backoff',
  meta: {
    type: 'suggestion',
    hasSuggestions: true,
    docs: { description: 'Require retries to wait, and to wait longer after each failed attempt', recommended: true },
    messages: {
      noWait:
        'This retry runs the next attempt at once. Retrying without waiting multiplies the load on a service that is already failing. Wait between attempts, with a delay that grows (exponential backoff).',
      noWaitOnPath:
        'This path goes round to the next attempt at once, without the wait the retry takes on its other paths. Retrying without waiting multiplies the load on a service that is already failing. Wait here too, with a delay that grows (exponential backoff).',
      constantDelay:
        "This retry's wait does not grow from one attempt to the next ({{delay}}). A delay that does not grow keeps the pressure on a struggling service; make it grow with the attempt (exponential backoff: base delay × 2^attempt, capped).",
      growDelay: 'Double the wait after each attempt (exponential backoff), capped.',
      addWait: 'Wait between attempts: a random wait that doubles after each attempt, up to 10 s.',
      awaitWait: 'Await the wait (with full jitter), so the next attempt starts after it.',
      applyLibraryFix: '{{description}}.',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      'Program:exit'(): void {
        const seen = new Set<string>();
        const once = (n: { range: [number, number] }): boolean => {
          const key = `${n.range[0]}:${n.range[1]}`;
          if (seen.has(key)) return false;
          seen.add(key);
          return true;
        };
        for (const site of getRetrySites(context)) {
          // PRODUCT: a token refresh and replay is judged by no-unbounded-retry alone.
          if (site.purpose === 'refresh-replay') continue;
          const suggest = (site.suggestions?.['require-backoff'] ?? []).map((s) => ({
            messageId: 'applyLibraryFix' as const,
            data: { description: s.description },
            fix: libraryFix(s),
          }));
          if (site.noWait && site.waits.length === 0) {
            const settings = readSettings(context.settings);
            const add = site.kind === 'loop' ? addWaitFix(context.sourceCode, site.node) : undefined;
            const awaitIt = site.kind === 'loop' && !add ? awaitWaitFix(context.sourceCode, site.node, (c) => !!asWait(c, context.sourceCode, settings)) : undefined;
            const own = add ? [{ messageId: 'addWait' as const, fix: add }] : awaitIt ? [{ messageId: 'awaitWait' as const, fix: awaitIt }] : [];
            if (once(site.noWait)) context.report({ node: site.noWait, messageId: 'noWait', suggest: [...own, ...suggest] });
            continue;
          }
          // A path that skips the waits the other paths take (`if (!retryAfter) continue;`).
          if (site.noWait && once(site.noWait)) context.report({ node: site.noWait, messageId: 'noWaitOnPath' });
          for (const wait of site.waits) {
            const d = wait.delay;
            // An unknown delay is skipped unless it is known to be the same on every attempt.
            // A Retry-After wait is the server's choice; the fixed fallback beside it of a retry that
            // never stops hits the server at the same pace forever.
            if (d.growing || (d.retryAfter && !(d.fixedFallback && site.bound.kind === 'unbounded')) || (d.opaque && !d.invariant)) continue;
            // Taken on every attempt beside a wait that grows or is unknown (a start-up stagger before a
            // backoff timer): the attempt's whole wait is their sum, which this one alone does not decide.
            if (wait.everyAttempt && site.waits.some((o) => o !== wait && (o.delay.growing || o.delay.retryAfter || (o.delay.opaque && !o.delay.invariant)))) continue;
            // No growth edit where no attempt count reaches the wait: a reconnect rescheduled by
            // handing the function itself to a timer (`setTimeout(begin, 4000)`) has none (see
            // no-unbounded-retry), and a library whose growth could pass maxDelayMs (BullMQ `fixed`
            // with unknown attempts) would trade this finding for a require-max-delay one.
            const local = localDelayOf(wait);
            const constant = d.opaque ? undefined : d.maxMs;
            const grow = !local
              ? undefined
              : site.kind === 'loop'
                ? growDelayFix(context.sourceCode, site.node, wait.node, local, constant)
                : site.kind === 'recursion'
                  ? growRecursionFix(context.sourceCode, site.node, local, constant)
                  : site.kind === 'interceptor'
                    ? growInterceptorFix(context.sourceCode, site.node, wait.node, local, constant, /\.(c|m)?tsx?$/.test(context.filename))
                    : undefined;
            if (once(wait.node)) context.report({ node: wait.at ?? wait.node, messageId: 'constantDelay', data: { delay: describeDelay(d, context.sourceCode) }, suggest: grow ? [{ messageId: 'growDelay' as const, fix: grow }, ...suggest] : suggest });
          }
        }
      },
    };
  },
});
