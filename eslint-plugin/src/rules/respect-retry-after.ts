import type { TSESTree } from '@typescript-eslint/utils';
import { getRetrySites, type RetrySite } from '../analysis';
import { createRule } from '../utils/create-rule';
import { libraryFix, retryAfterFix } from '../utils/fixes';

type Options = [];
type MessageIds = 'ignoresRetryAfter' | 'readRetryAfter' | 'applyLibraryFix';

export default createRule<Options, MessageIds>({
  name: 'respect-retry-after',
  meta: {
    type: 'suggestion',
    hasSuggestions: true,
    docs: { description: 'Require retries of 429 and 503 responses to honour the Retry-After header', recommended: true },
    messages: {
      ignoresRetryAfter:
        'This retry handles 429/503 but its wait does not follow Retry-After. The server said when to come back (RFC 9110 §10.2.3, RFC 6585 §4), and retrying sooner is likely to be refused again. Wait at least the Retry-After delay (capped) when the response carries one.',
      readRetryAfter: "Wait at least the server's Retry-After (seconds or HTTP-date); give up when it asks for more than 60000 ms.",
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
          if (honours(site)) continue;
          // One finding per retry: the try's `if (TRANSIENT.includes(s)) continue` and the catch's
          // `if (!TRANSIENT.includes(s)) throw` are one handling of 429/503. It goes on the check that
          // names the status by equality (`status === 429`, the handling itself) when there is one,
          // else on the first check in the source.
          const rank = (n: TSESTree.Node): number => (namesStatusByEquality(n) ? 0 : 1);
          const first = [...site.rateLimitChecks].sort((a, b) => rank(a) - rank(b) || a.range[0] - b.range[0]).slice(0, 1);
          for (const node of first) {
            // One finding per status list: 429 and 503 of `[408, 429, 502, 503]` are one handling.
            const group = node.parent?.type === 'ArrayExpression' ? node.parent : node;
            const key = `${group.range[0]}:${group.range[1]}`;
            if (seen.has(key)) continue;
            seen.add(key);
            const fix = retryAfterFix(context.sourceCode, node, site.waits, 60_000);
            const library = (site.suggestions?.['respect-retry-after'] ?? []).map((s) => ({ messageId: 'applyLibraryFix' as const, data: { description: s.description }, fix: libraryFix(s) }));
            context.report({ node, messageId: 'ignoresRetryAfter', suggest: [...(fix ? [{ messageId: 'readRetryAfter' as const, fix }] : []), ...library] });
          }
        }
      },
    };
  },
});

/**
 * Whether a site honours Retry-After: its library does, or the header's value flows into a wait
 * (a hand-written site that reads the header but waits a fixed or computed time regardless does
 * not). A wait whose delay cannot be resolved may carry it, so it counts. A wait whose delay is
 * read from the caught error (the server's delay in the error's body) honours the server too.
 */
export function honours(site: RetrySite): boolean {
  // The wait is a delay the server sent in the error itself (a rate-limit error's body or fields).
  if (site.waits.some((w) => w.delay.fromFailure)) return true;
  if (!site.honoursRetryAfter) return false;
  if (site.kind === 'library' || site.waits.length === 0) return true;
  return site.waits.some((w) => w.delay.retryAfter !== undefined || w.delay.opaque || w.delay.maxReason === 'opaque');
}

/** Whether a check compares a status with `===`/`==`, alone or as an operand of `&&`/`||` (`res.status === 429 && hook`). */
function namesStatusByEquality(n: TSESTree.Node): boolean {
  if (n.type === 'LogicalExpression') return namesStatusByEquality(n.left) || namesStatusByEquality(n.right);
  return n.type === 'BinaryExpression' && (n.operator === '===' || n.operator === '==');
}
