import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { isFunction, unwrap } from '../ast';
import { dominatingTests, evalTest, failuresIn } from '../flow';
import { normalPath, variableOf } from '../scope';
import type { Node } from '../types';
import type { LibraryDocs } from './docs';
import { resolveFunction } from './option-state';
import { judgeRetriedFunction } from './retried-operation';
import { retryOptionsSite, typedRetryOptionsSite } from './retry-options';
import type { LibraryAdapter } from './types';

export const docs: LibraryDocs = {
  package: 'promise-retry',
  api: '`promiseRetry(fn, options)` and `promiseRetry(options, fn)`; also npm\'s fork `@gar/promise-retry` (same defaults, `lib/index.js`)',
  versionAssumed: 'promise-retry 2.0.x (node-retry 0.12 underneath)',
  defaults: [
    '`retries: 10` (11 attempts)',
    'exponential: `minTimeout: 1000` ms, `factor: 2`, `maxTimeout: Infinity`',
    '`randomize: false`: no jitter',
    'Retry-After: not read',
    'a failure is retried when the function calls its `retry(err)` argument (`.catch(retry)` retries every error)',
  ],
  checks: [
    { rule: 'require-jitter', when: '`randomize` is false or left at its default; suggests `randomize: true`.' },
    { rule: 'require-backoff', when: '`factor: 1` or `minTimeout: 0`.' },
    { rule: 'require-max-delay', when: 'the largest wait exceeds `maxDelayMs` (the defaults reach 512 s), or grows without a cap with unbounded retries or a written count that is not known (an environment value, a parameter); suggests `maxTimeout`.' },
    { rule: 'no-unbounded-retry', when: '`retries: Infinity` or `forever: true` with no finite `maxRetryTime`.' },
    { rule: 'require-idempotency-key', when: 'the retried function sends a POST or PATCH without an idempotency key, or creates the key inside the function.' },
    { rule: 'no-retry-on-client-error', when: 'the retried function calls an HTTP client that throws on 4xx and retries without classifying the error (`.catch(retry)`).' },
    { rule: 'respect-retry-after', when: 'the retried function asks for another attempt (`retry(err)`) on a 429/503 branch that reads no Retry-After.' },
  ],
};

/** promise-retry: `promiseRetry((retry, attempt) => …, options)`, also with the arguments swapped. */
export const promiseRetryAdapter: LibraryAdapter = {
  packages: ['promise-retry', '@gar/promise-retry'],
  docs,
  analyze(node, origin, ctx) {
    if (node.type !== T.CallExpression || normalPath(origin).length !== 0) return [];
    let [fn, optionsArg] = node.arguments;
    const first = unwrap(fn);
    if (first && !isFunction(first) && !resolveFunction(ctx, first) && optionsArg && (isFunction(unwrap(optionsArg)) || resolveFunction(ctx, optionsArg))) {
      [fn, optionsArg] = [optionsArg, fn];
    }
    // PRODUCT: polling is not a retry. `if (res.statusCode === 202) retry(err)`: every call of `retry`
    // is on a path only a successful answer takes (202 Accepted: "still processing", RFC 9110 §15.3.3).
    const work = fn ? resolveFunction(ctx, fn) : undefined;
    if (work && retriesOnlyOnSuccess(work, ctx.sourceCode)) return [];
    const { site } = retryOptionsSite(ctx, node, optionsArg, fn, DEFAULTS);
    // No option classifies errors (the function's own `retry(err)` calls decide), so the retried
    // function is judged even when the options are unknown (a parameter, `opts ?? { … }`).
    // `return again(new Error(`status ${res.status}`))`: a call of the function's first parameter asks
    // for another attempt (a 429 branch that does is where Retry-After goes unread).
    const retryParam = work?.params[0]?.type === T.Identifier ? variableOf(ctx.sourceCode, work.params[0]) : undefined;
    const retryCall = (c: Node): boolean => c.type === T.CallExpression && unwrap(c.callee).type === T.Identifier && !!retryParam && retryParam.references.some((r) => r.identifier === unwrap((c).callee));
    judgeRetriedFunction(ctx, site, fn, { conditionNode: node.callee, hasCondition: false, retryCall });
    return [site];
  },
  typed: { types: [['Options'], ['OperationOptions']], analyze: (literal, ctx) => typedRetryOptionsSite(ctx, literal, DEFAULTS) },
};

const DEFAULTS = { library: 'promise-retry', retries: 10, randomize: false, forever: true };

/** 2xx statuses an answer may carry while the work it reports is not done (202 Accepted, 206 Partial Content) or done. */
const SUCCESS_CODES = [200, 201, 202, 204, 206];

/**
 * Whether every use of the function's `retry` argument is a call on a path that only a successful
 * answer takes: each call sits under a test true for some 2xx status and for no failure (an error,
 * a 4xx/5xx status). A `retry` handed on (`.catch(retry)`) or called on a failure path is a retry.
 */
function retriesOnlyOnSuccess(fn: TSESTree.FunctionLike, sourceCode: TSESLint.SourceCode): boolean {
  const param = fn.params[0];
  const v = param?.type === T.Identifier ? variableOf(sourceCode, param) : undefined;
  if (!v || !fn.body) return false;
  const uses = v.references.filter((r) => r.identifier !== param);
  if (uses.length === 0) return false;
  const failures = failuresIn(fn, sourceCode);
  return uses.every((r) => {
    const call = r.identifier.parent;
    if (call?.type !== T.CallExpression || call.callee !== r.identifier) return false;
    return dominatingTests(call as Node, fn as Node).some((t) => {
      // The test as it decides the call: `if (x) retry()` needs x, `if (!x) return; retry()` needs not-x.
      const holds = (o: Parameters<typeof evalTest>[1]): boolean | undefined => {
        const value = evalTest(t, o, sourceCode);
        const ifs = t.parent;
        const negated = ifs?.type === T.IfStatement && ifs.test === t && !containsNode(ifs.consequent, call as Node);
        return value === undefined ? undefined : negated ? !value : value;
      };
      // An error outcome has no answer to test: a status test is not true for it.
      return SUCCESS_CODES.some((code) => holds({ kind: 'status', code }) === true) && failures.every((o) => (o.kind === 'error' ? holds(o) !== true : holds(o) === false));
    });
  });
}

function containsNode(outer: Node, inner: Node): boolean {
  return inner.range[0] >= outer.range[0] && inner.range[1] <= outer.range[1];
}
