import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { calleeName, unwrap } from '../ast';
import type { Node } from '../types';
import { normalPath } from '../scope';
import type { LibraryDocs } from './docs';
import { callsThrough, judgeRetriedFunction } from './retried-operation';
import { retryOptionsSite, typedRetryOptionsSite } from './retry-options';
import type { LibraryAdapter } from './types';

export const docs: LibraryDocs = {
  package: 'retry',
  api: '`retry.operation(options)` with the function given to `operation.attempt(fn)`',
  versionAssumed: 'retry (node-retry) 0.13.x (0.12 has the same defaults; `retries: Infinity` means `forever` since 0.13)',
  defaults: [
    '`retries: 10` (11 attempts)',
    'exponential: `minTimeout: 1000` ms, `factor: 2`, `maxTimeout: Infinity`',
    '`randomize: false`: no jitter',
    'Retry-After: not read',
    'a failure is retried when the attempt function calls `operation.retry(err)` with an error',
  ],
  checks: [
    { rule: 'require-jitter', when: '`randomize` is false or left at its default; suggests `randomize: true`.' },
    { rule: 'require-backoff', when: '`factor: 1` or `minTimeout: 0`.' },
    { rule: 'require-max-delay', when: 'the largest wait exceeds `maxDelayMs` (the defaults reach 512 s), or grows without a cap with unbounded retries or a written count that is not known (an environment value, a parameter); suggests `maxTimeout`.' },
    { rule: 'no-unbounded-retry', when: '`forever: true` or `retries: Infinity` with no finite `maxRetryTime`.' },
    { rule: 'require-idempotency-key', when: 'the attempt function sends a POST or PATCH without an idempotency key, or creates the key inside the function.' },
    { rule: 'no-retry-on-client-error', when: 'the attempt function calls an HTTP client that throws on 4xx and retries every error without classifying it.' },
  ],
  notModelled: ['`retry.timeouts()` and `retry.createTimeout()` (they compute delays; the code that waits on them is judged as hand-written code).', '`retry.wrap(obj, options)` (it retries every method of an object, which cannot be judged from the call).'],
};

/** node-retry: `const op = retry.operation(options); op.attempt((n) => …)`. */
export const retryAdapter: LibraryAdapter = {
  packages: ['retry'],
  docs,
  analyze(node, origin, ctx) {
    if (node.type !== T.CallExpression) return [];
    const path = normalPath(origin);
    if (path.length !== 1 || path[0] !== 'operation') return [];
    const optionsArg = node.arguments[0];
    const { site, options } = retryOptionsSite(ctx, node, optionsArg, undefined, DEFAULTS);
    if (options.kind === 'unknown') return [site];
    const through = callsThrough(ctx, node);
    // `operation.retry(err)`: the attempt function asks for another attempt (node-retry `lib/retry_operation.js`).
    const retryCall = (c: Node): boolean => through.includes(c as TSESTree.CallExpression) && calleeName(c as TSESTree.CallExpression) === 'retry';
    for (const call of through) {
      const callee = unwrap(call.callee);
      if (callee.type === T.MemberExpression && !callee.computed && callee.property.type === T.Identifier && callee.property.name === 'attempt') {
        judgeRetriedFunction(ctx, site, call.arguments[0], { conditionNode: node.callee, hasCondition: false, retryCall });
      }
    }
    return [site];
  },
  typed: { types: [['OperationOptions'], ['WrapOptions'], ['TimeoutsOptions'], ['CreateTimeoutsOptions']], analyze: (literal, ctx) => typedRetryOptionsSite(ctx, literal, DEFAULTS) },
};

const DEFAULTS = { library: 'retry', retries: 10, randomize: false, forever: true };
