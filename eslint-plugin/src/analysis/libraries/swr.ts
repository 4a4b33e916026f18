import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { alwaysExits, calleeName, enclosingFunction, propertyName, unwrap, walk } from '../ast';
import { evaluate, makeEnv, toDelayFacts } from '../delay';
import { constInit, normalPath, variableOf } from '../scope';
import { RETRY_AFTER_STATUSES } from '../statuses';
import type { Node, RetrySite } from '../types';
import type { LibraryDocs } from './docs';
import { booleanValue, delayFacts, optionState, propertyOf, readsRetryAfter, resolveFunction, valueNode, valueOf, type Options } from './option-state';
import { acceptsAll, countLimit, evaluateCondition, firstStatusCheck, handlesRateLimit, retriedClientError, type Roles } from './status-set';
import type { LibraryAdapter, LibraryContext } from './types';
import { librarySite, resolveObject, scheduleWithUnknownBase, type FunctionNode, type OptionsObject } from './util';

/**
 * SWR's `onErrorRetry(error, key, config, revalidate, { retryCount })` (swr 1.x / 2.x): a retry
 * callback the code writes by hand. SWR calls it after each failed fetch with `retryCount` 1, 2, …
 * (`revalidateOpts.retryCount = (opts.retryCount || 0) + 1` in `use-swr`), and the fetch runs
 * again only when the callback calls `revalidate` (usually in a `setTimeout`). A written callback
 * replaces the default (`_internal/utils/config.ts`: `~~((Math.random() + 0.5) * (1 << min(retryCount, 8))) * errorRetryInterval`,
 * stopping past `errorRetryCount`), so neither `errorRetryCount` nor the default jitter applies
 * to it: its wait is the `setTimeout` delay, its bound the count test it writes, and the failures
 * it retries are those it does not `return` on.
 */

export const swrDocs: LibraryDocs = {
  package: 'swr',
  api: 'a written `onErrorRetry(error, key, config, revalidate, opts)` in any SWR configuration (`useSWR` options, `<SWRConfig value>`, an object typed `SWRConfiguration`, or a configuration object recognised by the callback\'s own signature)',
  versionAssumed: 'swr 2.x (`_internal/utils/config.ts`; the same callback in 1.x)',
  defaults: [
    'the default `onErrorRetry`: `errorRetryInterval` (5000 ms) × 2^min(retryCount, 8) × a random 0.5–1.5, retrying until `errorRetryCount` (unset: no limit)',
    'a written `onErrorRetry` replaces it: no jitter, no limit and no backoff unless the callback writes them',
  ],
  checks: [
    { rule: 'require-jitter', when: 'the `setTimeout` delay before `revalidate` has no random component.' },
    { rule: 'require-backoff', when: 'the delay is a constant, or `revalidate` is called with no wait.' },
    { rule: 'require-max-delay', when: 'the delay grows with `retryCount` and the callback neither caps it nor stops on the count.' },
    { rule: 'no-unbounded-retry', when: 'the callback never stops on `retryCount` (SWR\'s `errorRetryCount` applies only to the default callback).' },
    { rule: 'no-retry-on-client-error', when: 'the callback stops on some statuses but still revalidates after another 4xx (it returns on 404 only), reported at its status check.' },
    { rule: 'respect-retry-after', when: 'the callback names 429 or 503, retries it, and never reads `Retry-After`.' },
  ],
  notModelled: [
    'The default `onErrorRetry` left wholly untouched (no `errorRetryInterval` / `errorRetryCount` written): not reported.',
    'Slow connections, where SWR doubles the default `errorRetryInterval` to 10000 ms: the 5000 ms default is assumed.',
    '`refreshInterval`: polling on success, not a retry (PRODUCT).',
  ],
};

/** `src/_internal/utils/config.ts` of swr 2.5.1: `errorRetryInterval: slowConnection ? 10000 : 5000`. */
const SWR_DEFAULT_INTERVAL_MS = 5000;
/** The default callback's growth stops at `1 << 8` (`currentRetryCount < 8 ? currentRetryCount : 8`). */
const SWR_MAX_DOUBLINGS = 8;

/**
 * The default `onErrorRetry` as a configuration tunes it (swr 2.5.1 `_internal/utils/config.ts`):
 * after failure `retryCount` (1, 2, …) it waits `~~((Math.random() + 0.5) * (1 << min(retryCount, 8))) * errorRetryInterval`
 * ms and gives up once `retryCount > errorRetryCount`; with no `errorRetryCount` it never gives up.
 * Judged only when the configuration writes `errorRetryInterval` or `errorRetryCount` (the
 * retry is then the code's choice), does not write its own `onErrorRetry` (judged by
 * {@link callbackSite}) and does not turn `shouldRetryOnError` off. Reported at the interval
 * written, else at the count. The worst wait is `1.5 × 2^min(count, 8) × interval` ms.
 */
function defaultCallbackSite(ctx: LibraryContext, obj: OptionsObject): RetrySite[] {
  const options: Options = { kind: 'object', obj };
  if (optionState(ctx, options, 'onErrorRetry').state !== 'absent') return [];
  const intervalS = optionState(ctx, options, 'errorRetryInterval');
  const countS = optionState(ctx, options, 'errorRetryCount');
  if (intervalS.state !== 'set' && countS.state !== 'set') return [];
  if (booleanValue(optionState(ctx, options, 'shouldRetryOnError'), true) === false) return [];
  const at = propertyOf(intervalS) ?? propertyOf(countS)!;
  const site = librarySite('swr', obj.node, { node: at });
  const count = valueOf(countS, undefined);
  let retries: number | undefined;
  if (!count.known || (count.value !== undefined && typeof count.value !== 'number')) site.bound = { kind: 'unknown', maxAttempts: undefined, node: at };
  else if (count.value === undefined || !Number.isFinite(count.value)) site.bound = { kind: 'unbounded', maxAttempts: undefined, node: at, ...(count.value === undefined && countS.state === 'absent' ? { defaultSetting: '`errorRetryCount` is not set (default: no limit)' } : {}) };
  else {
    retries = count.value as number;
    if (retries <= 0) return [];
    site.bound = { kind: 'bounded', maxAttempts: retries + 1, node: at };
  }
  const doublings = Math.min(retries ?? SWR_MAX_DOUBLINGS, SWR_MAX_DOUBLINGS);
  const interval = valueOf(intervalS, SWR_DEFAULT_INTERVAL_MS);
  if (!interval.known || typeof interval.value !== 'number') {
    site.waits.push({ node: at, argument: undefined, delay: scheduleWithUnknownBase(at, { factor: doublings > 1 ? 2 : 1, random: true, baseExpr: valueNode(intervalS) }) });
    return [site];
  }
  if (interval.value <= 0) {
    site.noWait = at;
    return [site];
  }
  const maxMs = Math.floor(1.5 * 2 ** doublings) * interval.value;
  site.waits.push({ node: at, argument: undefined, delay: delayFacts(at, { maxMs, growing: doublings > 1, random: true, maxReason: 'known' }) });
  return [site];
}

/** The object of `<SWRConfig value={…}>` when `SWRConfig` is imported from `swr` in this file. */
function providerValue(ctx: LibraryContext, el: TSESTree.JSXOpeningElement): Node | undefined {
  if (el.name.type !== T.JSXIdentifier) return undefined;
  const local = el.name.name;
  const imported = ctx.sourceCode.ast.body.some(
    (st) =>
      st.type === T.ImportDeclaration &&
      st.source.value === 'swr' &&
      st.specifiers.some((sp) => sp.type === T.ImportSpecifier && sp.local.name === local && (sp.imported.type === T.Identifier ? sp.imported.name : sp.imported.value) === 'SWRConfig'),
  );
  if (!imported) return undefined;
  for (const a of el.attributes) {
    if (a.type === T.JSXAttribute && a.name.type === T.JSXIdentifier && a.name.name === 'value' && a.value?.type === T.JSXExpressionContainer && a.value.expression.type !== T.JSXEmptyExpression) return a.value.expression;
  }
  return undefined;
}

/** The parameters of `onErrorRetry` by position; `retryCount` is read from the fifth (1 after the first failure). */
const ROLES: Roles = { positional: ['error', 'other', 'other', 'other', 'count-options'], named: { retryCount: 'count' }, firstCount: 1, procedure: true };

export const swrAdapter: LibraryAdapter = {
  packages: ['swr'],
  docs: swrDocs,
  /** `useSWR(key, fetcher, config)` (also `useSWRInfinite`, `useSWRImmutable`): the default callback as its config tunes it. */
  analyze(node, origin, ctx) {
    if (node.type !== T.CallExpression) return [];
    const p = normalPath(origin);
    if (!(p.length === 0 || (p.length === 1 && /^(default|useSWR|useSWRInfinite|useSWRImmutable|useSWRSubscription)$/.test(p[0]!)))) return [];
    const config = node.arguments.length >= 3 ? node.arguments[2] : node.arguments[1];
    const obj = resolveObject(ctx, config);
    return obj ? defaultCallbackSite(ctx, obj) : [];
  },
  typed: {
    types: [['SWRConfiguration']],
    analyze(literal, ctx) {
      const obj = resolveObject(ctx, literal);
      return obj ? defaultCallbackSite(ctx, obj) : [];
    },
  },
  byShape: ['onErrorRetry'],
  /**
   * Every `onErrorRetry` property whose value is a same-file function of SWR's signature (a
   * fourth parameter, `revalidate`, that the function calls or hands to `setTimeout`): the
   * callback's shape is SWR's own, and configuration files often do not import `swr`.
   */
  unregistered(ctx) {
    const out: RetrySite[] = [];
    walk(ctx.sourceCode.ast, ctx.sourceCode.visitorKeys, (n) => {
      if (n.type !== T.Property || propertyName(n) !== 'onErrorRetry' || n.parent?.type !== T.ObjectExpression) return undefined;
      const fn = resolveFunction(ctx, n.value);
      if (fn) out.push(...callbackSite(ctx, n, fn));
      return undefined;
    });
    walk(ctx.sourceCode.ast, ctx.sourceCode.visitorKeys, (n) => {
      if (n.type !== T.JSXOpeningElement) return undefined;
      const value = providerValue(ctx, n);
      const obj = value ? resolveObject(ctx, value) : undefined;
      if (obj) out.push(...defaultCallbackSite(ctx, obj));
      return undefined;
    });
    return out;
  },
};

/** A place the callback runs the fetch again: the `setTimeout` that calls `revalidate` (with its delay), or a direct call. */
interface Revalidation {
  call: TSESTree.CallExpression;
  delay: Node | undefined;
}

function revalidations(ctx: LibraryContext, fn: FunctionNode): Revalidation[] {
  const p = fn.params[3];
  const id = p && (p.type === T.AssignmentPattern ? p.left : p);
  if (!id || id.type !== T.Identifier) return [];
  const v = variableOf(ctx.sourceCode, id);
  if (!v) return [];
  const out: Revalidation[] = [];
  for (const r of v.references) {
    const ident = r.identifier as Node;
    const parent = ident.parent;
    if (parent?.type !== T.CallExpression) continue;
    if (parent.callee === ident) {
      // `revalidate(opts)`: in a `setTimeout(() => revalidate(…), ms)` callback, or directly.
      const inner = enclosingFunction(parent);
      const timer = inner && inner !== fn && inner.parent?.type === T.CallExpression ? inner.parent : undefined;
      if (timer && timer.arguments[0] === inner && isTimer(timer)) out.push({ call: timer, delay: timer.arguments[1] });
      else if (inner === fn) out.push({ call: parent, delay: undefined });
    } else if (parent.arguments[0] === ident && isTimer(parent)) {
      // `setTimeout(revalidate, ms, opts)`.
      out.push({ call: parent, delay: parent.arguments[1] });
    }
  }
  return out;
}

function isTimer(call: TSESTree.CallExpression): boolean {
  return calleeName(call) === 'setTimeout';
}

/** The retry site of one written `onErrorRetry`; none when the callback never revalidates. */
function callbackSite(ctx: LibraryContext, prop: TSESTree.Property, fn: FunctionNode): RetrySite[] {
  const again = revalidations(ctx, fn);
  if (again.length === 0) return [];
  const first = again[0]!;
  const site = librarySite('swr', prop, { kind: 'unknown', node: first.call });
  const limit = countLimit(fn, ROLES, ctx.sourceCode, 1);
  // The count SWR passes: a destructured `{ retryCount }`, or `opts.retryCount`.
  const opts = fn.params[4];
  const countVar = opts?.type === T.ObjectPattern ? countVariable(ctx, opts) : undefined;
  const optsVar = opts?.type === T.Identifier ? variableOf(ctx.sourceCode, opts) : undefined;
  // The limit bounds the callback only when every revalidation is behind a test of the count: one
  // made in a branch of its own (`if (status === 401) { if (retryCount > 1) return }`) leaves the others free.
  if (!again.every((r) => countGuards(ctx, fn, r.call, countVar, optsVar))) site.bound = { kind: 'unbounded', maxAttempts: undefined, node: first.call };
  else if (limit !== undefined) site.bound = { kind: 'bounded', maxAttempts: limit, node: first.call };
  // `retryCount` when it revalidates: 1 up to the last count it lets through.
  const hi = limit !== undefined ? Math.max(1, limit - 1) : Infinity;
  for (const r of again) {
    if (!r.delay) {
      site.noWait = r.call;
      continue;
    }
    const env = makeEnv(ctx.sourceCode, countVar ? [{ variable: countVar, lo: 1, hi }] : [], limit);
    if (optsVar) {
      env.attemptMember = (m) => (unwrap(m.object).type === T.Identifier && variableOf(ctx.sourceCode, unwrap(m.object) as TSESTree.Identifier) === optsVar && propertyName(m) === 'retryCount' ? { lo: 1, hi } : undefined);
    }
    const delay = toDelayFacts(evaluate(r.delay, env), r.call, r.delay);
    if (!delay.opaque && !delay.growing && delay.maxReason === 'known' && delay.maxMs <= 0) site.noWait = r.call;
    else site.waits.push({ node: r.call, argument: r.delay as TSESTree.Expression, delay });
  }
  // The statuses it retries: those it does not `return` on (judged only when it names a status).
  const set = evaluateCondition(fn, ROLES, ctx.sourceCode);
  if (set && set.named.size > 0) {
    if (retriedClientError(set) !== undefined && !acceptsAll(set)) site.clientErrorRetries.push({ node: firstStatusCheck(fn, ctx.sourceCode) ?? prop, reason: 'client-status' });
    if (handlesRateLimit(set)) site.rateLimitChecks.push(firstStatusCheck(fn, ctx.sourceCode, RETRY_AFTER_STATUSES) ?? prop);
  }
  site.honoursRetryAfter = readsRetryAfter(ctx, fn);
  return [site];
}

/**
 * Whether a test of the count stands between the callback's start and a revalidation: a condition
 * around it (`if (retryCount < 5) setTimeout(…)`, `n < 5 ? setTimeout(…) : …`, `n < 5 && …`) or an
 * earlier statement of an enclosing block that leaves on it (`if (retryCount >= 5) return;`).
 */
function countGuards(ctx: LibraryContext, fn: FunctionNode, call: Node, countVar: ReturnType<typeof variableOf>, optsVar: ReturnType<typeof variableOf>): boolean {
  // Directly, or through a `const` that holds it (`const tooMany = retryCount >= 3`).
  const readsCountIn = (test: Node, depth = 0): boolean => {
    let found = false;
    walk(test, ctx.sourceCode.visitorKeys, (m) => {
      if (found) return false;
      if (m.type === T.MemberExpression && /^(retryCount|errorRetryCount)$/.test(propertyName(m) ?? '')) found = true;
      if (m.type === T.Identifier) {
        const v = variableOf(ctx.sourceCode, m);
        if (v && (v === countVar || v === optsVar)) found = true;
        const init = found || depth >= 2 ? undefined : constInit(ctx.sourceCode, m);
        if (init && readsCountIn(init, depth + 1)) found = true;
      }
      return undefined;
    });
    return found;
  };
  let child: Node = call;
  for (let p = call.parent; p && p !== fn; child = p, p = p.parent) {
    if (p.type === T.IfStatement && child !== p.test && readsCountIn(p.test)) return true;
    if (p.type === T.ConditionalExpression && child !== p.test && readsCountIn(p.test)) return true;
    if (p.type === T.LogicalExpression && child === p.right && readsCountIn(p.left)) return true;
    if (p.type === T.BlockStatement) {
      for (const st of p.body) {
        if (st === child) break;
        if (st.type === T.IfStatement && readsCountIn(st.test) && alwaysExits(st.consequent)) return true;
      }
    }
  }
  return false;
}

function countVariable(ctx: LibraryContext, pattern: TSESTree.ObjectPattern): ReturnType<typeof variableOf> {
  for (const p of pattern.properties) {
    if (p.type !== T.Property || propertyName(p) !== 'retryCount') continue;
    const value = p.value.type === T.AssignmentPattern ? p.value.left : p.value;
    if (value.type === T.Identifier) return variableOf(ctx.sourceCode, value);
  }
  return undefined;
}

