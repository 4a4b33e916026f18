import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
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
import { countLimit } from './status-set';
import type { LibraryAdapter, LibraryContext } from './types';
import { firstWrittenOption, librarySite, opaqueDelay, type FunctionNode } from './util';

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
  notModelled: ['per-request `retries`/`retryDelay`/`retryOn` overrides of an instance made with defaults (`fetchRetry(fetch, defaults)`), other than `retries: 0`: the instance defaults are judged once, at the factory call. An instance made without defaults (`fetchRetry(fetch)`) has each request that sets retry options judged as its own site.'],
};

/** fetch-retry: `const f = fetchRetry(fetch, defaults)`, then `f(url, init)`. */
export const fetchRetryAdapter: LibraryAdapter = {
  packages: ['fetch-retry', '@vercel/fetch-retry', 'fetch-retry-ts'],
  docs,
  analyze(node, origin, ctx) {
    if (node.type !== T.CallExpression || normalPath(origin).length !== 0) return [];
    if (origin.module === '@vercel/fetch-retry') return [];
    const fork = origin.module === 'fetch-retry-ts';
    // `fetchRetry(fetch)` with no defaults, the retry options set on each request
    // (`f(url, { retryOn, retryDelay, retries })`): each such request is its own retry site,
    // judged by its options over the library's defaults; the factory's defaults are judged only
    // when some request leaves them in force.
    if (node.arguments.length === 1) {
      const direct = callsThrough(ctx, node).filter((c) => unwrapCallee(c) === 'direct');
      const own = direct.filter((c) => setsRetryOption(ctx, c.arguments[1]));
      if (own.length > 0) {
        const sites = own.map((c) => analyzeFactory(ctx, node, fork, c));
        if (own.length < direct.length) sites.push(analyzeFactory(ctx, node, fork));
        return sites;
      }
    }
    return [analyzeFactory(ctx, node, fork)];
  },
};

/** Whether a request's init object sets one of fetch-retry's retry options. */
function setsRetryOption(ctx: LibraryContext, init: Node | undefined): boolean {
  const o = resolveOptions(ctx, init);
  return o.kind === 'object' && ['retries', 'retryDelay', 'retryOn'].some((n) => optionState(ctx, o, n).state === 'set');
}

const JITTERED = '(attempt) => Math.random() * Math.min(1000 * 2 ** attempt, 30000)';

/**
 * The retry site of a factory call's defaults or, with `request`, of one request through the
 * instance that sets its own retry options (its init object, over the library's defaults).
 */
function analyzeFactory(ctx: LibraryContext, call: TSESTree.CallExpression, fork: boolean, request?: TSESTree.CallExpression): RetrySite {
  const fetchArg = call.arguments[0];
  const optionsArg = request ? request.arguments[1] : call.arguments[1];
  const options = resolveOptions(ctx, optionsArg);
  // A default left in force is reported on the first retry option the code writes (PRODUCT: "the
  // library option"), on the call only when it writes none; a wait the default leaves unjittered
  // goes on the call ("the library option or call").
  const callAt: Node = request ? request.callee : call.callee;
  const anchor: Node = (options.kind === 'object' ? firstWrittenOption(options.obj, ['retries', 'retryDelay', 'retryOn']) : undefined) ?? callAt;
  const site = librarySite('fetch-retry', request ?? call, { node: anchor });
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
    else {
      // `attempt` is 0 on the first failure: `attempt >= 3` stopping is four attempts.
      const limit = countLimit(retryOnFn, { positional: fork ? ['count', 'other', 'network-error', 'response'] : ['count', 'network-error', 'response'] }, ctx.sourceCode, 0);
      site.bound = { kind: 'bounded', maxAttempts: limit, node: onS.option.property };
    }
    // `retryOn(attempt, error, response)`: judged by what it accepts (K8).
    // fetch-retry-ts (a fork with the same options) passes `retryOn(attempt, retries, error, response)`.
    // Its attempt argument is 0 on the first failure: a test of it (`if (attempt > 3) return false`) is the
    // attempt limit, read with the first failure's count, not a reason to give up on the condition.
    judgeCondition(ctx, site, onS, { positional: fork ? ['count', 'other', 'network-error', 'response'] : ['count', 'network-error', 'response'], firstCount: 0 });
  }
  const effectiveRetries = retryOnFn ? (site.bound.kind === 'unbounded' ? Infinity : site.bound.maxAttempts !== undefined ? site.bound.maxAttempts - 1 : undefined) : retries;
  if (effectiveRetries === 0) return site;

  // Delay.
  const fix = setOption(options, 'retryDelay', JITTERED, 'Use a jittered exponential delay capped at 30000 ms', fetchArg);
  let delayFn: Node | undefined;
  if (delayS.state === 'unknown') site.waits.push({ node: anchor, argument: undefined, delay: opaqueDelay(anchor) });
  else {
    const node = propertyOf(delayS) ?? callAt;
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
  for (const c of request ? [request] : callsThrough(ctx, call)) {
    if (unwrapCallee(c) !== 'direct') continue;
    if (!request && call.arguments.length === 1 && setsRetryOption(ctx, c.arguments[1])) continue; // judged as its own site
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
