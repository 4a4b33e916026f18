import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { getRetrySites } from '../analysis';
import { isMathCall } from '../analysis/ast';
import { createRule } from '../utils/create-rule';
import { describeDelay, jitterFunctionFix, libraryFix, localDelayOf, operandText, replaceExpression } from '../utils/fixes';
import { growthFix, reportsConstantDelay, reportsNoJitter } from '../utils/wait-judgements';

type Options = [];
type MessageIds = 'noJitter' | 'addJitter' | 'addJitterWithGrowth' | 'addJitterAfterServerWait' | 'applyLibraryFix';

export default createRule<Options, MessageIds>({
  name: 'require-jitter',
  meta: {
    type: 'suggestion',
    hasSuggestions: true,
    docs: { description: 'Require retry delays to have a random component (jitter)', recommended: true },
    messages: {
      noJitter:
        'This retry uses {{delay}} with no random component (jitter). Clients that failed together retry together and hit the recovering service in waves. Add jitter: AWS\'s analysis of backoff found "full jitter" (a random wait between 0 and the computed delay) does the least total work.',
      addJitter: 'Use full jitter: wait `Math.random() * delay`.',
      addJitterWithGrowth: 'Use full jitter, and double the wait after each attempt, capped (it does not grow either).',
      addJitterAfterServerWait: 'Add up to 1 s of jitter after the wait the server asked for: `delay + Math.random() * 1000`.',
      applyLibraryFix: '{{description}}.',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      'Program:exit'(): void {
        const seen = new Set<string>();
        for (const site of getRetrySites(context)) {
          // PRODUCT: a token refresh and replay is judged by no-unbounded-retry alone.
          if (site.purpose === 'refresh-replay') continue;
          for (const wait of site.waits) {
            // Not when a random wait taken on every attempt beside this one (a start-up stagger) makes the attempt's whole wait random.
            if (!reportsNoJitter(wait, site, context.sourceCode.visitorKeys)) continue;
            // Keyed by where it is reported: two waits reported at one timer are one finding.
            const at = wait.at ?? wait.node;
            const key = `${at.range[0]}:${at.range[1]}`;
            if (seen.has(key)) continue;
            seen.add(key);
            const suggest: TSESLint.ReportSuggestionArray<MessageIds> = [];
            const arg = localDelayOf(wait);
            // A step of a table keyed by the attempt count (`tiered`) is jittered like any wait: the
            // analysis counts a jittered step by its upper bound, so the table still grows (run both:
            // behaviour.test.ts 'loop whose wait is stepped by the attempt count').
            // A library reads its delay option when it is configured: a value jittered there is drawn
            // once and the same on every attempt (and a shorthand `{ retryDelay }` cannot take an
            // expression). Only a delay computed inside a function of the retry's call is drawn per attempt.
            // So is a repeating timer's (`setInterval(fn, ms)`): its delay is drawn once when it is armed,
            // and a small draw would make every tick come at once.
            // A wait derived from the server's Retry-After is the least the server asked for: full
            // jitter would come back before that time and be refused again, so the jitter is added
            // after it (RFC 9110 §10.2.3: the client waits at least that long).
            // A capped one keeps its cap: the jitter goes inside `Math.min(wait, cap)`; capped another
            // way, or close to the longest wait allowed, no edit (adding after it could pass the limit and
            // trade this finding for require-max-delay); an uncapped one is already past any limit.
            if (arg && !wait.repeating && (site.kind !== 'library' || insideFunctionOf(arg, site.node))) {
              // A wait require-backoff also reports gets its growth in the same edit (the edit
              // require-backoff offers there): the two replace the same delay, so applied together
              // (fix all) one would be dropped.
              const grow = wait.delay.retryAfter ? undefined : reportsConstantDelay(wait, site, context.sourceCode.visitorKeys) ? growthFix(context.sourceCode, context.filename, site, wait, true) : undefined;
              if (grow) {
                suggest.push({ messageId: 'addJitterWithGrowth', fix: grow });
              } else if (wait.delay.retryAfter !== 'derived') {
                suggest.push({ messageId: 'addJitter', fix: (fixer) => replaceExpression(fixer, arg, `Math.random() * ${operandText(context.sourceCode, arg)}`) });
              } else {
                const longest = wait.delay.maxMs;
                const inner = cappedOperand(arg) ?? (wait.delay.capMs === undefined && (!Number.isFinite(longest) || longest + 1000 <= DEFAULT_MAX_DELAY_MS) ? arg : undefined);
                if (inner) suggest.push({ messageId: 'addJitterAfterServerWait', fix: (fixer) => replaceExpression(fixer, inner, `${operandText(context.sourceCode, inner)} + Math.random() * 1000`) });
              }
            }
            // A library's delay function (`retryDelay: (n) => …`): jitter what it returns.
            const fnFix = !arg && site.kind === 'library' ? jitterFunctionFix(context.sourceCode, wait.delay.node) : undefined;
            if (fnFix) suggest.push({ messageId: 'addJitter', fix: fnFix });
            for (const s of site.suggestions?.['require-jitter'] ?? []) {
              suggest.push({ messageId: 'applyLibraryFix', data: { description: s.description }, fix: libraryFix(s) });
            }
            context.report({ node: wait.at ?? wait.node, messageId: 'noJitter', data: { delay: describeDelay(wait.delay, context.sourceCode) }, suggest });
          }
        }
      },
    };
  },
});

/** Whether `node` lies in a function written inside `call` (a delay callback, run on each attempt). */
function insideFunctionOf(node: TSESTree.Node, call: TSESTree.Node): boolean {
  for (let n = node.parent; n && n !== call; n = n.parent) {
    if (n.type === 'ArrowFunctionExpression' || n.type === 'FunctionExpression') return call.range[0] <= n.range[0] && n.range[1] <= call.range[1];
  }
  return false;
}

/** require-max-delay's default `maxDelayMs`: a jittered server wait must not pass it where it did not. */
const DEFAULT_MAX_DELAY_MS = 60_000;

/** In `Math.min(wait, cap)` (either order, one side a number), the wait; undefined for any other shape. */
function cappedOperand(node: TSESTree.Node): TSESTree.Node | undefined {
  if (node.type !== 'CallExpression' || node.arguments.length !== 2 || !isMathCall(node, 'min')) return undefined;
  const [a, b] = node.arguments;
  const isNumber = (n: TSESTree.Node | undefined): boolean => n?.type === 'Literal' && typeof n.value === 'number';
  if (isNumber(b) && a && a.type !== 'SpreadElement') return a;
  if (isNumber(a) && b && b.type !== 'SpreadElement') return b;
  return undefined;
}
