import type { TSESLint } from '@typescript-eslint/utils';
import { getRetrySites } from '../analysis';
import { createRule } from '../utils/create-rule';
import { clientErrorFix, libraryFix } from '../utils/fixes';

type Options = [];
type MessageIds = 'retriesNonOk' | 'catchAll' | 'libraryCatchAll' | 'handlerCatchAll' | 'retriesEverything' | 'retriesClientStatus' | 'failFast' | 'applyLibraryFix';

export default createRule<Options, MessageIds>({
  name: 'no-retry-on-client-error',
  meta: {
    type: 'problem',
    hasSuggestions: true,
    docs: { description: 'Disallow retrying 4xx client errors and unclassified failures of HTTP calls', recommended: true },
    messages: {
      retriesNonOk:
        'This retry runs again on non-OK statuses, client errors (4xx) included. A client error (4xx other than 408 and 429) fails the same way every time (RFC 9110 §15.5): retrying only adds load and delay. Retry 408, 429 and 5xx; fail fast on other 4xx.',
      catchAll:
        'This catch retries every error, 4xx included: a client error is retried like an outage. The HTTP client throws on 4xx responses; check the error (network error, 408, 429, 5xx) and rethrow the rest.',
      libraryCatchAll:
        'This retry runs again on every error, 4xx included: a client error is retried like an outage. The HTTP client throws on 4xx responses; give the retry a condition that lets only network errors, 408, 429 and 5xx through.',
      handlerCatchAll:
        'This error interceptor replays every failed request, 4xx included: a client error is replayed like an outage. The HTTP client rejects on 4xx responses; check the error (network error, 408, 429, 5xx) and reject the rest.',
      retriesEverything:
        'This retry condition accepts every failure, 4xx client errors included, which cannot succeed on retry (RFC 9110 §15.5). Retry only network errors, 408, 429 and 5xx.',
      retriesClientStatus:
        'This retry includes 4xx client errors other than 408 and 429, which cannot succeed on retry (RFC 9110 §15.5). Retry only network errors, 408, 429 and 5xx.',
      failFast: 'Fail fast on 4xx client errors (retry only network errors, 408, 429 and 5xx).',
      applyLibraryFix: '{{description}}.',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const ids = { 'non-ok': 'retriesNonOk', 'catch-all': 'catchAll', condition: 'retriesEverything', 'client-status': 'retriesClientStatus' } as const;
    return {
      'Program:exit'(): void {
        const seen = new Set<string>();
        for (const site of getRetrySites(context)) {
          // PRODUCT: a token refresh and replay is judged by no-unbounded-retry alone.
          if (site.purpose === 'refresh-replay') continue;
          for (const r of site.clientErrorRetries) {
            const key = `${r.node.range[0]}:${r.node.range[1]}`;
            if (seen.has(key)) continue;
            seen.add(key);
            // A status check (`if (!res.ok)`, `res.status !== 200`), an error interceptor or an rxjs
            // condition that fails fast on 4xx must single 429 out, which then needs Retry-After
            // (respect-retry-after): no edit is offered there, as it would trade one finding for
            // another. Only the catch clause's guard is offered (it rethrows the caught error and
            // trades nothing). Nor is one offered where the thrown error carries no status
            // (`throw new Error(\`bad status ${r.status}\`)`): nothing after the throw can tell a 4xx.
            // In a function a library retries, rethrowing is what retries: the guard would change nothing.
            const guard = r.node.type !== 'CatchClause' || site.kind === 'library' ? undefined : clientErrorFix(context.sourceCode, r.node, site.node, /\.(c|m)?tsx?$/.test(context.filename));
            context.report({
              node: r.node,
              messageId: r.reason !== 'catch-all' ? ids[r.reason] : site.kind === 'interceptor' ? 'handlerCatchAll' : site.kind === 'library' ? 'libraryCatchAll' : 'catchAll',
              suggest: [
                ...(guard ? [{ messageId: 'failFast' as const, fix: guard }] : []),
                ...(site.suggestions?.['no-retry-on-client-error'] ?? []).map((s) => ({
                  messageId: 'applyLibraryFix' as const,
                  data: { description: s.description },
                  fix: libraryFix(s),
                })),
              ],
            });
          }
        }
      },
    };
  },
});
