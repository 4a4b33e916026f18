import { T } from '../node-types';
import { isFunction, unwrap } from '../ast';
import { normalPath } from '../scope';
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
    const { site } = retryOptionsSite(ctx, node, optionsArg, fn, DEFAULTS);
    // No option classifies errors (the function's own `retry(err)` calls decide), so the retried
    // function is judged even when the options are unknown (a parameter, `opts ?? { … }`).
    judgeRetriedFunction(ctx, site, fn, { conditionNode: node.callee, hasCondition: false });
    return [site];
  },
  typed: { types: [['Options'], ['OperationOptions']], analyze: (literal, ctx) => typedRetryOptionsSite(ctx, literal, DEFAULTS) },
};

const DEFAULTS = { library: 'promise-retry', retries: 10, randomize: false, forever: true };
