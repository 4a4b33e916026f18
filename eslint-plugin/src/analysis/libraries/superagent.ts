import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { unwrap } from '../ast';
import { describeHttpCall } from '../http';
import { normalPath } from '../scope';
import type { Node, RetrySite } from '../types';
import type { LibraryDocs } from './docs';
import { alwaysTrue, resolveFunction } from './option-state';
import { judgeResent } from './retried-operation';
import type { LibraryAdapter, LibraryContext } from './types';
import { librarySite, staticValueOf } from './util';

export const docs: LibraryDocs = {
  package: 'superagent',
  api: '`.retry(count, callback)` on a request (`superagent.get(url).retry(3)`) or an agent',
  versionAssumed: 'superagent 10.x (the same since 3.5, when `.retry()` appeared)',
  defaults: [
    '`.retry()` with no count: 1 retry',
    'no wait at all between attempts, so no backoff, jitter or cap either',
    'every method is retried, POST included',
    'statuses 408, 413, 429, 500, 502, 503, 504, 521, 522, 524 and network error codes; Retry-After is not read',
  ],
  checks: [
    { rule: 'require-backoff', when: 'always: superagent retries at once.' },
    { rule: 'no-unbounded-retry', when: '`.retry(Infinity)`.' },
    { rule: 'require-idempotency-key', when: 'the retried request is a POST or PATCH with no `Idempotency-Key` set in the chain.' },
    { rule: 'no-retry-on-client-error', when: 'the callback returns true for every error.' },
  ],
  notModelled: ['the requests of an agent configured with `.retry()` (each request is judged only when `.retry()` is in its own chain).'],
};

/** superagent: `request.post(url).send(body).retry(3, cb)`. */
export const superagentAdapter: LibraryAdapter = {
  packages: ['superagent'],
  docs,
  analyze(node, origin, ctx) {
    if (node.type !== T.CallExpression) return [];
    const path = normalPath(origin);
    if (path[path.length - 1] !== 'retry' || path.length < 2) return [];
    return [analyzeRetry(ctx, node)];
  },
};

function analyzeRetry(ctx: LibraryContext, call: TSESTree.CallExpression): RetrySite {
  const callee = unwrap(call.callee) as TSESTree.MemberExpression;
  const anchor: Node = callee.property;
  const [countArg, callback] = call.arguments;
  const site = librarySite('superagent', call, { node: anchor });
  let count: number | undefined = 1;
  if (countArg) {
    const v = staticValueOf(ctx, countArg)?.value;
    count = v === true ? 1 : typeof v === 'number' ? Math.max(0, v) : undefined;
  }
  if (count === 0) return site;
  if (count === Infinity) site.bound = { kind: 'unbounded', maxAttempts: undefined, node: countArg ?? anchor };
  else site.bound = { kind: count === undefined ? 'unknown' : 'bounded', maxAttempts: count === undefined ? undefined : count + 1, node: countArg ?? anchor };
  site.noWait = anchor;
  const fn = resolveFunction(ctx, callback);
  if (fn && alwaysTrue(fn)) site.clientErrorRetries.push({ node: callback!, reason: 'condition' });
  // The request the chain starts with: `superagent.post(url)`.
  let n: Node = unwrap(callee.object);
  for (let i = 0; i < 20; i++) {
    if (n.type !== T.CallExpression) break;
    const http = describeHttpCall(ctx.sourceCode, n, ctx.settings);
    if (http && http.client === 'superagent' && http.methodNode) {
      judgeResent(ctx, site, http);
      break;
    }
    const c = unwrap(n.callee);
    if (c.type !== T.MemberExpression) break;
    n = unwrap(c.object);
  }
  return site;
}
