import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { delayOfFunction } from '../delay';
import { normalPath } from '../scope';
import type { Node, RetrySite } from '../types';
import type { LibraryDocs } from './docs';
import {
  judgeCondition,
  delayFacts,
  judgeStatusList,
  numberValue,
  optionState,
  propertyOf,
  readsRetryAfter,
  resolveFunction,
  resolveOptions,
  setOption,
  suggest,
  unknownOptionsSite,
  usesParameter,
} from './option-state';
import { callsThrough, describeFetchLike, judgeResent } from './retried-operation';
import type { LibraryAdapter, LibraryContext } from './types';
import { librarySite, opaqueDelay, type FunctionNode } from './util';

export const docs: LibraryDocs = {
  package: 'fetch-retry',
  api: '`fetchRetry(fetch, defaults)` and the requests made through the function it returns',
  versionAssumed: 'fetch-retry 6.x (5.x has the same defaults); the fork fetch-retry-ts has the same options (its `retryOn` function takes `(attempt, retries, error, response)`)',
  defaults: [
    '`retries: 3`',
    '`retryDelay: 1000` ms, constant, no jitter',
    '`retryOn: []`: network errors only, for every method (POST included)',
    'Retry-After: not read',
    'a `retryOn` function replaces `retries`: it alone decides whether to retry',
  ],
  checks: [
    { rule: 'require-jitter', when: 'a number `retryDelay` (or the default), or a delay function without randomness; suggests a jittered exponential `retryDelay`.' },
    { rule: 'require-backoff', when: 'a constant `retryDelay` (or the default), or `retryDelay: 0`.' },
    { rule: 'require-max-delay', when: 'a delay function whose largest wait within `retries` exceeds `maxDelayMs`, or a constant above it.' },
    { rule: 'no-unbounded-retry', when: 'a `retryOn` function that never reads its attempt argument (fetch-retry then ignores `retries`).' },
    { rule: 'require-idempotency-key', when: 'a request through the instance uses POST or PATCH without an idempotency key (reported at the request).' },
    { rule: 'respect-retry-after', when: '`retryOn` lists 429 or 503 and the `retryDelay` function does not read Retry-After.' },
    { rule: 'no-retry-on-client-error', when: '`retryOn` includes a 4xx other than 408, 425 and 429, or is a function returning true for everything.' },
  ],
  notModelled: ['per-request `retries`/`retryDelay`/`retryOn` overrides other than `retries: 0` (the instance defaults are judged once, at the factory call).'],
};

/** fetch-retry: `const f = fetchRetry(fetch, defaults)`, then `f(url, init)`. */
export const fetchRetryAdapter: LibraryAdapter = {
  packages: ['fetch-retry', '@vercel/fetch-retry', 'fetch-retry-ts'],
  docs,
  analyze(node, origin, ctx) {
    if (node.type !== T.CallExpression || normalPath(origin).length !== 0) return [];
    if (origin.module === '@vercel/fetch-retry') return [];
    return [analyzeFactory(ctx, node, origin.module === 'fetch-retry-ts')];
  },
};

const JITTERED = '(attempt) => Math.random() * Math.min(1000 * 2 ** attempt, 30000)';

function analyzeFactory(ctx: LibraryContext, call: TSESTree.CallExpression, fork: boolean): RetrySite {
  const [fetchArg, optionsArg] = call.arguments;
  const anchor: Node = call.callee;
  const options = resolveOptions(ctx, optionsArg);
  const site = librarySite('fetch-retry', call, { node: anchor });
  if (options.kind === 'unknown') return unknownOptionsSite(site, anchor);
  const retriesS = optionState(ctx, options, 'retries');
  const delayS = optionState(ctx, options, 'retryDelay');
  const onS = optionState(ctx, options, 'retryOn');
  const retries = numberValue(retriesS, 3);
  site.bound = { kind: retries === undefined ? 'unknown' : 'bounded', maxAttempts: retries === undefined ? undefined : retries + 1, node: propertyOf(retriesS) ?? anchor };

  const retryOnFn = onS.state === 'set' ? resolveFunction(ctx, onS.option.value) : undefined;
  if (retryOnFn && onS.state === 'set') {
    // A `retryOn` function replaces `retries` (fetch-retry `index.js`): only a test on the attempt bounds it.
    if (!comparesParameter(ctx, retryOnFn, 0)) site.bound = { kind: 'unbounded', maxAttempts: undefined, node: onS.option.property };
    else site.bound = { kind: 'bounded', maxAttempts: undefined, node: onS.option.property };
    // `retryOn(attempt, error, response)`: judged by what it accepts (K8).
    // fetch-retry-ts (a fork with the same options) passes `retryOn(attempt, retries, error, response)`.
    judgeCondition(ctx, site, onS, { positional: fork ? ['other', 'other', 'network-error', 'response'] : ['other', 'network-error', 'response'] });
  }
  const effectiveRetries = retryOnFn ? (site.bound.kind === 'unbounded' ? Infinity : undefined) : retries;
  if (effectiveRetries === 0) return site;

  // Delay.
  const fix = setOption(options, 'retryDelay', JITTERED, 'Use a jittered exponential delay capped at 30000 ms', fetchArg);
  let delayFn: Node | undefined;
  if (delayS.state === 'unknown') site.waits.push({ node: anchor, argument: undefined, delay: opaqueDelay(anchor) });
  else {
    const node = propertyOf(delayS) ?? anchor;
    const ms = numberValue(delayS, 1000);
    const fn = delayS.state === 'set' ? resolveFunction(ctx, delayS.option.value) : undefined;
    if (ms === 0) {
      site.noWait = node;
      suggest(site, 'require-backoff', fix);
    } else if (ms !== undefined) {
      site.waits.push({ node, argument: undefined, delay: delayFacts(node, { maxMs: ms, growing: false }) });
      suggest(site, 'require-jitter', fix);
      suggest(site, 'require-backoff', fix);
    } else if (fn) {
      delayFn = fn;
      const d = { ...delayOfFunction(ctx.sourceCode, fn, effectiveRetries === Infinity ? undefined : effectiveRetries), node };
      site.waits.push({ node, argument: undefined, delay: d });
      if (!d.opaque && !d.random) suggest(site, 'require-jitter', fix);
      if (!d.opaque && !d.growing) suggest(site, 'require-backoff', fix);
      if (d.maxReason !== 'opaque') suggest(site, 'require-max-delay', fix);
    } else site.waits.push({ node, argument: undefined, delay: opaqueDelay(node) });
  }
  site.honoursRetryAfter = readsRetryAfter(ctx, delayFn);

  // Statuses.
  if (onS.state === 'set' && !retryOnFn) judgeStatusList(ctx, site, onS.option.value);

  // Requests through the instance: network errors are retried for every method.
  for (const c of callsThrough(ctx, call)) {
    if (unwrapCallee(c) !== 'direct') continue;
    const init = resolveOptions(ctx, c.arguments[1]);
    if (numberValue(optionState(ctx, init, 'retries'), 1) === 0) continue;
    judgeResent(ctx, site, describeFetchLike(ctx, c));
  }
  return site;
}

function unwrapCallee(c: TSESTree.CallExpression): 'direct' | 'member' {
  return c.callee.type === T.MemberExpression ? 'member' : 'direct';
}

/** Whether a function compares its parameter at `index` (`attempt < 3`, `if (attempt >= max)`): a count that can stop it. Logging it does not. */
function comparesParameter(ctx: LibraryContext, fn: FunctionNode, index: number): boolean {
  const p = fn.params[index];
  if (!p) return false;
  if (p.type !== T.Identifier) return true; // destructured: assume it is tested
  const v = ctx.sourceCode.getDeclaredVariables(fn).find((x) => x.name === p.name);
  return !!v && v.references.some((r) => {
    const parent = r.identifier.parent;
    return parent?.type === T.BinaryExpression && ['<', '<=', '>', '>=', '===', '!==', '==', '!='].includes(parent.operator);
  });
}
