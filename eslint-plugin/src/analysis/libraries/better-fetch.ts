import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { normalPath } from '../scope';
import type { Node, RetrySite } from '../types';
import type { LibraryDocs } from './docs';
import { scheduleSite, type ScheduleSpec } from './schedules';
import type { LibraryAdapter, LibraryContext } from './types';
import { readOption, resolveObject, staticValueOf } from './util';

/**
 * @better-fetch/fetch: the `retry` option of `createFetch(config)` and `betterFetch(url, options)`.
 * Facts from @better-fetch/fetch 1.3 (`dist/index.js`, `createRetryStrategy`): a number is that
 * many retries 1000 ms apart; `{ type: 'linear', attempts, delay }` waits `delay` every time;
 * `{ type: 'exponential', attempts, baseDelay, maxDelay }` waits `min(maxDelay, baseDelay × 2^n)`.
 * Neither adds jitter. Every answer that is not OK goes round (4xx included) unless `shouldRetry`
 * says otherwise, whatever the method.
 */
export const betterFetchDocs: LibraryDocs = {
  package: '@better-fetch/fetch',
  api: 'the `retry` option of `createFetch(config)` and `betterFetch(url, options)`: a number, `{ type: "linear", attempts, delay }` or `{ type: "exponential", attempts, baseDelay, maxDelay }`',
  versionAssumed: '@better-fetch/fetch 1.3 (`createRetryStrategy` in `dist/index.js`)',
  defaults: ['`retry: n`: n retries, 1000 ms apart', 'linear: `delay` ms every time', 'exponential: `min(maxDelay, baseDelay × 2^n)` ms', 'no jitter', 'every answer that is not OK is retried unless `shouldRetry(response)` refuses it'],
  checks: [
    { rule: 'require-jitter', when: 'any written `retry`: neither strategy randomises its wait.' },
    { rule: 'require-backoff', when: 'a number or a linear strategy: the same wait every time.' },
    { rule: 'require-max-delay', when: 'an exponential strategy whose `maxDelay` is above `maxDelayMs`.' },
    { rule: 'no-unbounded-retry', when: '`attempts` of 1,000 or more.' },
    { rule: 'no-retry-on-client-error', when: 'no `shouldRetry`: 4xx answers are retried like 5xx.' },
  ],
  notModelled: ['A `retry` whose `type` is not written as a literal.'],
};

const BASE = { library: '@better-fetch/fetch', packages: ['@better-fetch/fetch'], docs: betterFetchDocs, entry: () => undefined } as const;
const CONDITION = { name: 'shouldRetry', roles: { positional: ['response' as const] } };

/** `retry: { type: 'linear', attempts, delay }` (and `retry: n`, with a delay of 1000 ms). */
const linearSpec: ScheduleSpec = {
  ...BASE,
  count: { name: 'attempts', means: 'retries', default: 0 },
  base: { name: 'delay', default: 1000 },
  growth: { kind: 'constant' },
  jitter: { kind: 'none' },
  condition: CONDITION,
};

/** `retry: { type: 'exponential', attempts, baseDelay, maxDelay }`. */
const exponentialSpec: ScheduleSpec = {
  ...BASE,
  count: { name: 'attempts', means: 'retries', default: 0 },
  base: { name: 'baseDelay', default: 0 },
  growth: { kind: 'factor', default: 2 },
  cap: { name: 'maxDelay', default: undefined },
  jitter: { kind: 'none' },
  condition: CONDITION,
};

export const betterFetchAdapter: LibraryAdapter = {
  packages: ['@better-fetch/fetch'],
  docs: betterFetchDocs,
  analyze(node, origin, ctx) {
    if (node.type !== T.CallExpression) return [];
    const p = normalPath(origin);
    const at = p.length === 1 && p[0] === 'createFetch' ? 0 : p.length === 1 && p[0] === 'betterFetch' ? 1 : undefined;
    if (at === undefined) return [];
    const options = resolveObject(ctx, node.arguments[at]);
    const retry = options ? readOption(ctx, options, 'retry') : undefined;
    return retry ? retrySite(ctx, node, retry.property, retry.value) : [];
  },
};

/** The site of one written `retry` option. */
function retrySite(ctx: LibraryContext, call: TSESTree.CallExpression, property: TSESTree.Property, value: Node): RetrySite[] {
  const obj = resolveObject(ctx, value);
  if (!obj) {
    // `retry: 3`: that many retries, 1000 ms apart.
    const n = staticValueOf(ctx, value)?.value;
    if (typeof n !== 'number' || n <= 0) return [];
    const site = scheduleSite(ctx, call, { options: 'none', count: value, at: property, everyHttpFailure: true }, linearSpec);
    return site ? [site] : [];
  }
  const type = readOption(ctx, obj, 'type');
  const kind = type ? staticValueOf(ctx, type.value)?.value : undefined;
  const spec = kind === 'linear' ? linearSpec : kind === 'exponential' ? exponentialSpec : undefined;
  if (!spec) return [];
  const site = scheduleSite(ctx, call, { options: value, at: property, everyHttpFailure: !readOption(ctx, obj, 'shouldRetry') }, spec);
  return site ? [site] : [];
}
