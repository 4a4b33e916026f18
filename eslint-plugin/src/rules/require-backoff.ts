import type { TSESLint } from '@typescript-eslint/utils';
import { getRetrySites } from '../analysis';
import { createRule } from '../utils/create-rule';
import { asWait } from '../analysis/waits';
import { readSettings } from '../utils/settings';
import { addWaitFix, awaitWaitFix, describeDelay, libraryFix } from '../utils/fixes';
import { growthFix, reportsConstantDelay, reportsNoJitter } from '../utils/wait-judgements';

type Options = [];
type MessageIds = 'noWait' | 'noWaitOnPath' | 'delayDropped' | 'constantDelay' | 'growDelay' | 'growDelayWithJitter' | 'addWait' | 'awaitWait' | 'applyLibraryFix';

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
      delayDropped:
        'This call starts the next attempt without passing `{{parameter}}`, the wait before it. From the second retry on, that wait is `undefined`, so the attempts run at once. Pass the delay on, growing (exponential backoff: double it, capped).',
      growDelay: 'Double the wait after each attempt (exponential backoff), capped.',
      growDelayWithJitter: 'Double the wait after each attempt (exponential backoff), capped, with full jitter (this wait has none either).',
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
          // The self-call drops the wait's parameter: only the first retry waits.
          if (site.delayDropped && once(site.delayDropped.call)) context.report({ node: site.delayDropped.call, messageId: 'delayDropped', data: { parameter: site.delayDropped.parameter } });
          for (const wait of site.waits) {
            const d = wait.delay;
            if (!reportsConstantDelay(wait, site, context.sourceCode.visitorKeys)) continue;
            // No growth edit where no attempt count reaches the wait: a reconnect rescheduled by
            // handing the function itself to a timer (`setTimeout(begin, 4000)`) has none (see
            // no-unbounded-retry), and a library whose growth could pass maxDelayMs (BullMQ `fixed`
            // with unknown attempts) would trade this finding for a require-max-delay one.
            // A wait require-jitter also reports gets its jitter in the same edit: the two edits
            // replace the same delay, so applied together (fix all) one would be dropped.
            const jitter = reportsNoJitter(wait, site, context.sourceCode.visitorKeys) && !wait.repeating && !d.retryAfter;
            const grow = growthFix(context.sourceCode, context.filename, site, wait, jitter);
            const own = grow ? [{ messageId: jitter ? ('growDelayWithJitter' as const) : ('growDelay' as const), fix: grow }] : [];
            if (once(wait.node)) context.report({ node: wait.at ?? wait.node, messageId: 'constantDelay', data: { delay: describeDelay(d, context.sourceCode) }, suggest: [...own, ...suggest] });
          }
        }
      },
    };
  },
});
