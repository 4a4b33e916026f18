import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { isFunction, walk } from '../ast';
import { normalPath, variableOf } from '../scope';
import type { Node, RetrySite } from '../types';
import { addFunctionDelay, functionDelay } from './delay-function';
import type { LibraryDocs } from './docs';
import { alwaysTrue, booleanValue, optionState, propertyOf, resolveFunction, resolveOptions, valueOf, type Options, type OptionState } from './option-state';
import type { LibraryAdapter, LibraryContext } from './types';
import { librarySite, opaqueDelay, resolveObject, scheduleDelay, type FunctionNode } from './util';

/**
 * Front-end transports that reconnect a WebSocket or an event stream by options (R8): the
 * reconnect interval is a number (the same wait before every reconnect) or a function of the
 * attempt number, and the attempt limit a number whose default the library fixes
 * (react-use-websocket, @vueuse/core); or a callback that says, per failure, whether and when to
 * retry (@microsoft/fetch-event-source `onerror`). Each is modelled from its source, cited in its
 * adapter's docs.
 */

/**
 * The wait a hook applies before reconnect `n`: `state` is the interval option (a number of ms,
 * a function `(attempt) => ms`, or absent: `defaultMs`, a constant). `attempts` is the reconnect
 * limit (`Infinity` for none, `undefined` when unknown). Returns the site, or nothing when the
 * interval function returns no delay at all.
 */
function intervalSite(ctx: LibraryContext, site: RetrySite, state: OptionState, defaultMs: number, anchor: Node, attempts: number | undefined): RetrySite[] {
  if (state.state === 'unknown') {
    site.waits.push({ node: anchor, argument: undefined, delay: opaqueDelay(anchor) });
    return [site];
  }
  const at = propertyOf(state) ?? anchor;
  const known = valueOf(state, defaultMs);
  if (known.known && typeof known.value === 'number') {
    if (known.value <= 0) site.noWait = at;
    else site.waits.push({ node: at, argument: undefined, delay: scheduleDelay({ node: at, baseMs: known.value, factor: 1, capMs: undefined, retries: attempts, random: false }) });
    return [site];
  }
  const fn = state.state === 'set' ? resolveFunction(ctx, state.option.value) : undefined;
  if (!fn) {
    site.waits.push({ node: at, argument: undefined, delay: opaqueDelay(at) });
    return [site];
  }
  const d = functionDelay(ctx, fn, at, { lo: 0, hi: attempts ?? Infinity });
  if (d.none) return [];
  addFunctionDelay(site, d);
  return [site];
}

/** A numeric reconnect limit: `negative` values mean "no limit" for libraries that say so. */
function attemptBound(site: RetrySite, state: OptionState, fallback: number, at: Node, negativeIsInfinite: boolean): number | undefined {
  const v = valueOf(state, fallback);
  if (!v.known || typeof v.value !== 'number') {
    site.bound = { kind: 'unknown', maxAttempts: undefined, node: at };
    return undefined;
  }
  const n = v.value < 0 && negativeIsInfinite ? Infinity : v.value;
  site.bound = Number.isFinite(n) ? { kind: 'bounded', maxAttempts: n + 1, node: at } : { kind: 'unbounded', maxAttempts: undefined, node: at };
  return n;
}

// --- react-use-websocket -------------------------------------------------------------------------

/** `src/lib/constants.ts` of react-use-websocket 4.13.0: `DEFAULT_RECONNECT_LIMIT`, `DEFAULT_RECONNECT_INTERVAL_MS`. */
const RUW_DEFAULT_LIMIT = 20;
const RUW_DEFAULT_INTERVAL_MS = 5000;

export const reactUseWebsocketDocs: LibraryDocs = {
  package: 'react-use-websocket',
  api: '`shouldReconnect`, `retryOnError`, `reconnectAttempts` and `reconnectInterval` in `useWebSocket(url, options)` / `useEventSource(url, options)` (options inline or held in a `const`)',
  versionAssumed: 'react-use-websocket 4.x (`src/lib/attach-listener.ts`: reconnects only when `shouldReconnect(event)` returns true or `retryOnError` is set, at most `reconnectAttempts` times (default 20), waiting `reconnectInterval` ms, a number or `(attemptNumber) => ms` (default 5000))',
  defaults: ['no reconnect unless `shouldReconnect` or `retryOnError` is given', '`reconnectAttempts: 20`', '`reconnectInterval: 5000` ms, the same before every reconnect, no jitter'],
  checks: [
    { rule: 'require-backoff', when: 'a reconnecting hook whose `reconnectInterval` is a number (or left at 5000 ms), or a function returning a constant.' },
    { rule: 'require-jitter', when: 'a reconnecting hook whose interval has no random component.' },
    { rule: 'require-max-delay', when: 'an interval function whose growth is not capped.' },
    { rule: 'no-unbounded-retry', when: '`reconnectAttempts: Infinity` (or 1,000 or more).' },
  ],
  notModelled: ['What `shouldReconnect` accepts (close codes) is not judged.'],
};

export const reactUseWebsocketAdapter: LibraryAdapter = {
  packages: ['react-use-websocket'],
  docs: reactUseWebsocketDocs,
  analyze(node, origin, ctx) {
    if (node.type !== T.CallExpression) return [];
    const p = normalPath(origin);
    const hook = p.length === 0 || (p.length === 1 && (p[0] === 'default' || p[0] === 'useWebSocket' || p[0] === 'useEventSource' || p[0] === 'useSocketIO'));
    if (!hook) return [];
    const options = resolveOptions(ctx, node.arguments[1]);
    if (options.kind !== 'object') return [];
    const should = optionState(ctx, options, 'shouldReconnect');
    const onError = optionState(ctx, options, 'retryOnError');
    if (!reconnects(ctx, should) && booleanValue(onError, false) !== true) return [];
    const attemptsS = optionState(ctx, options, 'reconnectAttempts');
    const intervalS = optionState(ctx, options, 'reconnectInterval');
    const anchor = propertyOf(intervalS) ?? propertyOf(attemptsS) ?? propertyOf(should) ?? propertyOf(onError) ?? node.callee;
    const site = librarySite('react-use-websocket', node, { node: anchor });
    const attempts = attemptBound(site, attemptsS, RUW_DEFAULT_LIMIT, propertyOf(attemptsS) ?? anchor, false);
    if (attempts === 0) return [];
    return intervalSite(ctx, site, intervalS, RUW_DEFAULT_INTERVAL_MS, anchor, attempts);
  },
};

/** Whether a `shouldReconnect` option may ask for a reconnect: a function that is not `() => false`. */
function reconnects(ctx: LibraryContext, state: OptionState): boolean {
  if (state.state !== 'set') return false;
  const fn = resolveFunction(ctx, state.option.value);
  if (!fn) return state.option.known?.value !== false;
  if (fn.body.type !== T.BlockStatement) {
    const b = fn.body as TSESTree.Expression;
    if (b.type === T.Literal && b.value === false) return false;
  }
  return true;
}

// --- @vueuse/core --------------------------------------------------------------------------------

export const vueuseDocs: LibraryDocs = {
  package: '@vueuse/core',
  api: '`autoReconnect` in `useWebSocket(url, options)` and `useEventSource(url, events, options)`: `true` or `{ retries, delay }`',
  versionAssumed: '@vueuse/core 14.x (`packages/core/useWebSocket/index.ts`, `useEventSource/index.ts`: `autoReconnect: true` means `retries = -1` (no limit) and `delay = 1000` ms; `delay` a number or `(retries) => ms`; `retries` a number, negative for no limit, or a function)',
  defaults: ['`autoReconnect` off', '`autoReconnect: true`: reconnect for ever, 1000 ms apart, no jitter'],
  checks: [
    { rule: 'require-backoff', when: '`autoReconnect: true`, or a `delay` that is a number or a function returning a constant.' },
    { rule: 'require-jitter', when: 'a reconnect delay with no random component.' },
    { rule: 'require-max-delay', when: 'a `delay` function whose growth is not capped.' },
    { rule: 'no-unbounded-retry', when: '`autoReconnect: true`, or `retries` left out, negative or `Infinity`.' },
  ],
  notModelled: ['A `retries` function: its bound is not judged.'],
};

export const vueuseAdapter: LibraryAdapter = {
  packages: ['@vueuse/core'],
  docs: vueuseDocs,
  analyze(node, origin, ctx) {
    if (node.type !== T.CallExpression) return [];
    const p = normalPath(origin);
    if (!(p.length === 1 && (p[0] === 'useWebSocket' || p[0] === 'useEventSource'))) return [];
    const options = resolveOptions(ctx, node.arguments[p[0] === 'useWebSocket' ? 1 : 2]);
    if (options.kind !== 'object') return [];
    const auto = optionState(ctx, options, 'autoReconnect');
    if (auto.state !== 'set') return [];
    const anchor = auto.option.property;
    const site = librarySite('@vueuse/core', node, { node: anchor });
    if (auto.option.known?.value === true) {
      site.bound = { kind: 'unbounded', maxAttempts: undefined, node: anchor };
      return intervalSite(ctx, site, { state: 'absent' }, 1000, anchor, Infinity);
    }
    const nested = resolveObject(ctx, auto.option.value);
    if (!nested) return [];
    const inner: Options = { kind: 'object', obj: nested };
    const retriesS = optionState(ctx, inner, 'retries');
    const delayS = optionState(ctx, inner, 'delay');
    const at = propertyOf(delayS) ?? propertyOf(retriesS) ?? anchor;
    site.bound.node = at;
    let attempts: number | undefined;
    const rf = retriesS.state === 'set' ? resolveFunction(ctx, retriesS.option.value) : undefined;
    if (rf) site.bound = alwaysTrue(rf) ? { kind: 'unbounded', maxAttempts: undefined, node: propertyOf(retriesS)! } : { kind: 'unknown', maxAttempts: undefined, node: at };
    else attempts = attemptBound(site, retriesS, -1, propertyOf(retriesS) ?? at, true);
    if (attempts === 0) return [];
    return intervalSite(ctx, site, delayS, 1000, at, attempts);
  },
};

// --- @microsoft/fetch-event-source ----------------------------------------------------------------

/** `src/fetch.ts` of @microsoft/fetch-event-source 2.0.1: `DefaultRetryInterval`. */
const FES_DEFAULT_INTERVAL_MS = 1000;

export const fetchEventSourceDocs: LibraryDocs = {
  package: '@microsoft/fetch-event-source',
  api: '`onerror(err)` in `fetchEventSource(url, options)`: throwing stops, returning a number waits that many ms, returning nothing waits the current interval (1000 ms, or the stream\'s `retry:` field)',
  versionAssumed: '@microsoft/fetch-event-source 2.0.1 (`src/fetch.ts`: `onerror?.(err) ?? retryInterval`, `DefaultRetryInterval = 1000`; only a throw from `onerror` ends the retries)',
  defaults: ['`onerror` absent: reconnect for ever every 1000 ms (not reported: the untouched default)', 'a written `onerror` that returns nothing: the same 1000 ms constant'],
  checks: [
    { rule: 'require-backoff', when: 'a written `onerror` that returns no delay (the 1000 ms constant) or a constant one.' },
    { rule: 'require-jitter', when: 'a written `onerror` whose wait has no random component.' },
    { rule: 'require-max-delay', when: 'a returned delay whose growth is not capped.' },
    { rule: 'no-unbounded-retry', when: 'a written `onerror` that throws only on a test with no comparison (an error class, a status), never on a count or a deadline.' },
  ],
  notModelled: ['The `retry:` field a server sends (it changes the interval at run time).', 'An `AbortSignal` the caller may fire: not a bound.'],
};

export const fetchEventSourceAdapter: LibraryAdapter = {
  packages: ['@microsoft/fetch-event-source'],
  docs: fetchEventSourceDocs,
  analyze(node, origin, ctx) {
    if (node.type !== T.CallExpression) return [];
    const p = normalPath(origin);
    if (!(p.length === 1 && p[0] === 'fetchEventSource')) return [];
    const options = resolveOptions(ctx, node.arguments[1]);
    if (options.kind !== 'object') return [];
    const onerror = optionState(ctx, options, 'onerror');
    if (onerror.state !== 'set') return [];
    const at = onerror.option.property;
    const site = librarySite('@microsoft/fetch-event-source', node, { node: at });
    const fn = resolveFunction(ctx, onerror.option.value);
    if (!fn) {
      site.bound = { kind: 'unknown', maxAttempts: undefined, node: at };
      site.waits.push({ node: at, argument: undefined, delay: opaqueDelay(at) });
      return [site];
    }
    const stop = throwStop(ctx, fn);
    if (stop === 'always') return [];
    site.bound = { kind: stop === 'bounded' ? 'bounded' : 'unbounded', maxAttempts: undefined, node: at };
    const d = functionDelay(ctx, fn, at);
    if (d.none) {
      site.waits.push({ node: at, argument: undefined, delay: scheduleDelay({ node: at, baseMs: FES_DEFAULT_INTERVAL_MS, factor: 1, capMs: undefined, retries: undefined, random: false }) });
      return [site];
    }
    addFunctionDelay(site, d);
    return [site];
  },
};

/**
 * How an error callback whose only way to stop is a `throw` ends: `always` (a throw on every
 * path: no retry), `bounded` (a throw guarded by a comparison: an attempt count or a deadline,
 * `++tries > 5`, `Date.now() - start > limit`), or `never` (no throw, or throws only on tests that
 * compare nothing: an error class, a flag — the retries of every other failure never end).
 */
function throwStop(ctx: LibraryContext, fn: FunctionNode): 'always' | 'bounded' | 'never' {
  if (fn.body.type === T.BlockStatement && fn.body.body.some((st: Node) => st.type === T.ThrowStatement)) return 'always';
  let bounded = false;
  walk(fn.body, ctx.sourceCode.visitorKeys, (n) => {
    if (n !== fn.body && isFunction(n)) return false;
    if (n.type !== T.ThrowStatement) return undefined;
    for (let a: Node | undefined = n.parent; a && a !== fn; a = a.parent) {
      const test = a.type === T.IfStatement || a.type === T.ConditionalExpression || a.type === T.WhileStatement ? a.test : undefined;
      if (test && comparesNumbers(ctx, test, fn)) bounded = true;
    }
    return undefined;
  });
  return bounded ? 'bounded' : 'never';
}

/**
 * Whether a test compares magnitudes (`<`, `<=`, `>`, `>=`) that do not come from the failure
 * itself (the callback's parameters): a count or a time kept across calls, not a kind of error
 * (`err.status >= 500` classifies one failure; it bounds nothing).
 */
function comparesNumbers(ctx: LibraryContext, test: Node, fn: FunctionNode): boolean {
  const params = new Set(fn.params.map((p) => (p.type === T.Identifier ? variableOf(ctx.sourceCode, p) : undefined)).filter((v) => v !== undefined));
  const readsParam = (root: Node): boolean => {
    let hit = false;
    walk(root, ctx.sourceCode.visitorKeys, (n) => {
      if (n.type === T.Identifier && params.has(variableOf(ctx.sourceCode, n)!)) hit = true;
      return !hit;
    });
    return hit;
  };
  let found = false;
  walk(test, ctx.sourceCode.visitorKeys, (n) => {
    if (n.type === T.BinaryExpression && (n.operator === '<' || n.operator === '<=' || n.operator === '>' || n.operator === '>=') && !readsParam(n)) found = true;
    return !found;
  });
  return found;
}
