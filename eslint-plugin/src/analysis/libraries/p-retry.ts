import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { normalPath, type Origin } from '../scope';
import type { RetrySite } from '../types';
import type { LibraryDocs } from './docs';
import { acceptsEverything, judgeCondition, optionState, propertyOf } from './option-state';
import { acceptsAll } from './status-set';
import { judgeRetriedFunction } from './retried-operation';
import { retryOptionsSite, typedRetryOptionsSite } from './retry-options';
import type { LibraryAdapter, LibraryContext } from './types';

export const docs: LibraryDocs = {
  package: 'p-retry',
  api: '`pRetry(fn, options)` (default export) and `makeRetriable(fn, options)`; also the same-API forks `@n8n/p-retry` and `@fullstax/p-retry` (forks of p-retry 6.2)',
  versionAssumed: 'p-retry 7.x (same defaults since 4.x; `forever` was removed in 6, so it is honoured as in 4.x and 5.x)',
  defaults: [
    '`retries: 10` (11 attempts)',
    'exponential: `minTimeout: 1000` ms, `factor: 2`, `maxTimeout: Infinity` (the 10th wait is 512 s)',
    '`randomize: false`: no jitter',
    'Retry-After: not read',
    '`shouldRetry`: every error except `AbortError` (and non-network `TypeError`s)',
  ],
  checks: [
    { rule: 'require-jitter', when: '`randomize` is false or left at its default; suggests `randomize: true`.' },
    { rule: 'require-backoff', when: '`factor: 1` (a constant wait) or `minTimeout: 0` (no wait).' },
    { rule: 'require-max-delay', when: 'the largest wait (`minTimeout * factor ** (retries - 1)`, doubled by `randomize`, capped by `maxTimeout`) exceeds `maxDelayMs`, or grows without a cap with unbounded retries or a written count that is not known (an environment value, a parameter); suggests `maxTimeout`.' },
    { rule: 'no-unbounded-retry', when: '`retries: Infinity` or `forever: true` with no finite `maxRetryTime`; suggests a bounded count.' },
    { rule: 'require-idempotency-key', when: 'the retried function (inline or a same-file function) sends a POST or PATCH without an idempotency key, or creates the key inside the function.' },
    { rule: 'no-retry-on-client-error', when: 'the retried function calls an HTTP client that throws on 4xx (axios, got, ky, ofetch, superagent) and neither it nor a `shouldRetry`/`onFailedAttempt` option tells errors apart.' },
  ],
  notModelled: ['`shouldConsumeRetry` (it only changes which failures count towards `retries`).'],
};

/** p-retry: `pRetry(input, options)`, `makeRetriable(fn, options)`. */
export const pRetryAdapter: LibraryAdapter = {
  packages: ['p-retry', '@n8n/p-retry', '@fullstax/p-retry'],
  docs,
  analyze(node, origin, ctx) {
    if (node.type !== T.CallExpression) return [];
    const path = normalPath(origin);
    if (path.length === 0 || (path.length === 1 && (path[0] === 'pRetry' || path[0] === 'makeRetriable'))) {
      return [analyzeCall(ctx, node, origin)];
    }
    return [];
  },
  typed: { types: [['Options']], analyze: (literal, ctx) => typedRetryOptionsSite(ctx, literal, DEFAULTS) },
};

const DEFAULTS = { library: 'p-retry', retries: 10, randomize: false, forever: true };

function analyzeCall(ctx: LibraryContext, call: TSESTree.CallExpression, _origin: Origin): RetrySite {
  const [fn, optionsArg] = call.arguments;
  const { site, options } = retryOptionsSite(ctx, call, optionsArg, fn, DEFAULTS);
  if (options.kind === 'unknown') return site;
  const shouldRetry = optionState(ctx, options, 'shouldRetry');
  const onFailed = optionState(ctx, options, 'onFailedAttempt');
  // `shouldRetry(error)` (p-retry 6) or `shouldRetry({ error, attemptNumber, retriesLeft })` (7),
  // judged by what it accepts (K8). `() => true` is the default written out: it classifies nothing.
  const set = judgeCondition(ctx, site, shouldRetry, { positional: ['error'], named: { error: 'error' } });
  const accepting = acceptsEverything(ctx, shouldRetry) || (set !== undefined && acceptsAll(set));
  const classified = (shouldRetry.state !== 'absent' && !accepting) || onFailed.state !== 'absent';
  judgeRetriedFunction(ctx, site, fn, { conditionNode: propertyOf(shouldRetry) ?? call.callee, hasCondition: classified, abortErrorStops: true });
  return site;
}
