import type { TSESLint } from '@typescript-eslint/utils';
import { getRetrySites, type RetrySite } from '../analysis';
import { createRule } from '../utils/create-rule';
import { boundBranchRecursionFix, boundLoopFix, boundRecursionFix, libraryFix, onceOnlyReplayFix } from '../utils/fixes';

/** Attempts the suggested limit allows (the first one included). */
const SUGGESTED_ATTEMPTS = 5;

type Options = [];
type MessageIds = 'unboundedRetry' | 'unboundedByDefault' | 'unguardedReplay' | 'addLimit' | 'addHandledLimit' | 'addBranchLimit' | 'replayOnce' | 'applyLibraryFix';

export default createRule<Options, MessageIds>({
  name: 'no-unbounded-retry',
  meta: {
    type: 'problem',
    hasSuggestions: true,
    docs: { description: 'Disallow retries with no attempt limit and no deadline', recommended: true },
    messages: {
      unboundedRetry:
        'This retry has no attempt limit and no deadline. During an outage it never gives up, holding resources and adding load forever. Stop after a fixed number of attempts or a deadline.',
      unboundedByDefault:
        'This retry has no attempt limit: {{setting}}. During an outage it never gives up, holding resources and adding load forever. Set a limit.',
      unguardedReplay:
        'This handler replays the failed request with no once-only guard. If the replay fails the same way, it replays again, without end. Mark the request as retried (e.g. `config._retry = true`) and replay only once.',
      addLimit: 'Stop after {{attempts}} attempts, rethrowing the last error.',
      addHandledLimit: 'Stop after {{attempts}} attempts, then handle the last failure as one that is not retried.',
      addBranchLimit: 'Stop after {{attempts}} attempts, then handle the response as one that is not retried.',
      replayOnce: 'Replay the request once: mark it (`_retry`) and reject it when it fails again.',
      applyLibraryFix: '{{description}}.',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      'Program:exit'(): void {
        const seen = new Set<string>();
        // The waits of the recursions reported, with the function each re-runs: a cycle found again
        // from another of its functions waits on the same timers, and is one retry with one finding.
        const reportedWaits = new Map<unknown, unknown>();
        // Of one cycle's sites, the one anchored at the re-run inside its wait (`setTimeout(() =>
        // this.start(), ms)`) is reported: the recursive call, not a relay's call on the way.
        const atWait = (site: RetrySite): number => (site.waits.some((w) => w.node.range[0] <= site.bound.node.range[0] && site.bound.node.range[1] <= w.node.range[1]) ? 0 : 1);
        const sites = getRetrySites(context).map((site, i) => ({ site, i })).sort((a, b) => (a.site.rerun ? atWait(a.site) : 1) - (b.site.rerun ? atWait(b.site) : 1) || a.i - b.i).map((x) => x.site);
        for (const site of sites) {
          if (site.bound.kind !== 'unbounded') continue;
          const node = site.bound.node;
          const key = `${node.range[0]}:${node.range[1]}`;
          if (seen.has(key)) continue;
          seen.add(key);
          if (site.rerun && site.waits.length > 0 && site.waits.every((w) => reportedWaits.has(w.node) && reportedWaits.get(w.node) !== site.rerun)) continue;
          if (site.rerun) for (const w of site.waits) if (!reportedWaits.has(w.node)) reportedWaits.set(w.node, site.rerun);
          // No edit, on purpose, for a retry rescheduled by handing the function itself to a timer
          // or an event (`setTimeout(open, gap)` from a socket's `close` handler or a catch): the call
          // passes no attempt to count from, and where a count should restart (after a connection that
          // worked) is the program's own knowledge; a limit guessed here would silently stop a
          // reconnect for good. Nor for an unknown library option (a spread, a value from elsewhere).
          // The limit counts with the retry's own attempt counter when it keeps one, and its last
          // failure ends the way the code ends a failure it does not retry (a catch that logs and
          // returns keeps doing so); only a catch that retries every failure rethrows.
          const limit = site.kind === 'loop' ? boundLoopFix(context.sourceCode, site.node, SUGGESTED_ATTEMPTS, site.waits.map((w) => w.node)) : site.kind === 'recursion' ? boundRecursionFix(context.sourceCode, site.node, SUGGESTED_ATTEMPTS, site.waits.map((w) => w.node)) : undefined;
          const branchLimit = !limit && site.kind === 'recursion' ? boundBranchRecursionFix(context.sourceCode, site.node, SUGGESTED_ATTEMPTS) : undefined;
          const once = site.kind === 'interceptor' ? onceOnlyReplayFix(context.sourceCode, node, /\.(c|m)?tsx?$/.test(context.filename)) : undefined;
          // A wrapper that refreshes a token and calls itself again from its 401 branch: replayed
          // once (two attempts), a second refusal is handled as a response that is not retried
          // (PRODUCT: a refresh and replay needs a once-only guard).
          const replayLimit = !once && site.kind === 'interceptor' && site.purpose === 'refresh-replay' ? boundBranchRecursionFix(context.sourceCode, site.node, 2) : undefined;
          context.report({
            node,
            messageId: site.kind === 'interceptor' ? 'unguardedReplay' : site.bound.defaultSetting ? 'unboundedByDefault' : 'unboundedRetry',
            ...(site.bound.defaultSetting ? { data: { setting: site.bound.defaultSetting } } : {}),
            suggest: [
              ...(limit ? [{ messageId: limit.ending === 'rethrow' ? ('addLimit' as const) : ('addHandledLimit' as const), data: { attempts: String(SUGGESTED_ATTEMPTS) }, fix: limit.fix }] : []),
              ...(branchLimit ? [{ messageId: 'addBranchLimit' as const, data: { attempts: String(SUGGESTED_ATTEMPTS) }, fix: branchLimit }] : []),
              ...(once ? [{ messageId: 'replayOnce' as const, fix: once }] : []),
              ...(replayLimit ? [{ messageId: 'addBranchLimit' as const, data: { attempts: '2' }, fix: replayLimit }] : []),
              ...(site.suggestions?.['no-unbounded-retry'] ?? []).map((s) => ({
                messageId: 'applyLibraryFix' as const,
                data: { description: s.description },
                fix: libraryFix(s),
              })),
            ],
          });
        }
      },
    };
  },
});
