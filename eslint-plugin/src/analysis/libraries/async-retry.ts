import { T } from '../node-types';
import { normalPath } from '../scope';
import type { LibraryDocs } from './docs';
import { judgeRetriedFunction } from './retried-operation';
import { retryOptionsSite, typedRetryOptionsSite } from './retry-options';
import type { LibraryAdapter } from './types';

export const docs: LibraryDocs = {
  package: 'async-retry',
  api: '`retry(fn, options)` (default export / `module.exports`); also its fork `async-retry-ng`',
  versionAssumed: 'async-retry 1.3.x (node-retry 0.13 underneath)',
  defaults: [
    '`retries: 10` (11 attempts)',
    'exponential: `minTimeout: 1000` ms, `factor: 2`, `maxTimeout: Infinity`',
    '`randomize: true` (async-retry turns it on): each wait is multiplied by a random factor in [1, 2), so the 10th wait can reach about 17 minutes',
    'Retry-After: not read',
    'every error is retried unless the function calls `bail(err)`',
  ],
  checks: [
    { rule: 'require-jitter', when: '`randomize: false`; suggests `randomize: true`.' },
    { rule: 'require-backoff', when: '`factor: 1` or `minTimeout: 0`.' },
    { rule: 'require-max-delay', when: 'the largest wait exceeds `maxDelayMs` (the defaults do: about 1,024,000 ms), or grows without a cap with unbounded retries or a written count that is not known (an environment value, a parameter); suggests `maxTimeout`.' },
    { rule: 'no-unbounded-retry', when: '`retries: Infinity` or `forever: true` with no finite `maxRetryTime`.' },
    { rule: 'require-idempotency-key', when: 'the retried function sends a POST or PATCH without an idempotency key, or creates the key inside the function.' },
    { rule: 'no-retry-on-client-error', when: 'the retried function calls an HTTP client that throws on 4xx and never classifies the error (no `bail`, `throw`, `try` or status test).' },
  ],
};

/** async-retry: `retry(async (bail, attempt) => …, options)`. */
export const asyncRetryAdapter: LibraryAdapter = {
  packages: ['async-retry', 'async-retry-ng'],
  docs,
  analyze(node, origin, ctx) {
    if (node.type !== T.CallExpression || normalPath(origin).length !== 0) return [];
    const [fn, optionsArg] = node.arguments;
    const { site } = retryOptionsSite(ctx, node, optionsArg, fn, DEFAULTS);
    // async-retry has no option that classifies errors (only `bail` inside the function decides),
    // so the retried function is judged even when the options are unknown (`opts ?? { … }`).
    judgeRetriedFunction(ctx, site, fn, { conditionNode: node.callee, hasCondition: false, firstParamBails: true });
    return [site];
  },
  typed: { types: [['Options']], analyze: (literal, ctx) => typedRetryOptionsSite(ctx, literal, DEFAULTS) },
};

const DEFAULTS = { library: 'async-retry', retries: 10, randomize: true, forever: true };
