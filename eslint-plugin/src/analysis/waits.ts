import { fileMemo } from './memo';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { T } from './node-types';
import type { RetrySettings } from '../utils/settings';
import { calleeName, contains, enclosingFunction, isComputedValue, isDeterministicCall, isFunction, isLogCallee, isReportingCall, propertyName, statementInList, unwrap, walk } from './ast';
import { defaultedFunction, evaluate, makeEnv, readsFailure, sameFileFunction, toDelayFacts, type AttemptVar, type Env, type RetryRegion, type Value } from './delay';
import { bindingOf, isExport, originOf, resolveExpression, variableOf, isReferenceTo } from './scope';
import { holdsError } from './error-values';
import { describeHttpCall } from './http';
import type { Node, RetrySite, Wait } from './types';
import { EXECUTOR_REJECT_INDEX, EXECUTOR_RESOLVE_INDEX, GLOBAL_OBJECTS, LIBRARY_WAITS, OPAQUE_WAIT_RE, RUNTIME_WAITS, TIMER_PROMISE_MODULES, WAIT_METHODS, WAIT_NAME_RE, isNotAWaitModule } from './vocabulary';

const TIMER_MODULES = TIMER_PROMISE_MODULES;

/** The callee with compiled-code wrappers removed: `(0, _timing.wait)` is `_timing.wait`. */
function plainCallee(call: TSESTree.CallExpression | TSESTree.NewExpression): Node {
  let c = unwrap(call.callee);
  while (c.type === T.SequenceExpression && c.expressions.length > 0) c = unwrap(c.expressions[c.expressions.length - 1]!);
  return c;
}

/** The name a call's callee ends with, through compiled call forms (`(0, _x.wait)(ms)` is `wait`). */
function waitCalleeName(call: TSESTree.CallExpression | TSESTree.NewExpression): string | undefined {
  const c = plainCallee(call);
  if (c.type === T.Identifier) return c.name;
  if (c.type === T.MemberExpression) return propertyName(c);
  return undefined;
}

/** A wait call found in code, and how to compute its delay. */
export interface WaitCall {
  call: TSESTree.CallExpression | TSESTree.NewExpression;
  /** The delay expression, evaluated with `bindings`; undefined when unknown. */
  delayExpr: Node | undefined;
  /** Parameters of a same-file wait helper bound to the call's arguments. */
  bindings: { param: TSESTree.Identifier; arg: Node }[];
  /** The argument that is the delay as written at the call (for suggestions), when it is one. */
  argument: TSESTree.Expression | undefined;
  /** The wait's delay is computed by code we cannot see. */
  opaque: boolean;
  /**
   * The wait was recognised by its name only (`utils.sleep(3)` from another module): its argument
   * is taken as milliseconds, but the helper's unit is not seen (it may take seconds).
   */
  unitAssumed?: boolean;
  /**
   * For a promise wrapped around a timer (`new Promise((r) => setTimeout(r, ms))`): the timer, the
   * wait call findings about this wait are reported on (PRODUCT: "the delay expression or wait
   * call") when it is written on another line than the promise.
   */
  timer?: TSESTree.CallExpression | TSESTree.NewExpression;
  /**
   * A library wait that picks a random time between two bounds (`rangeDelay(min, max)`): the
   * smallest wait is the first bound, `delayExpr` the largest.
   */
  randomFrom?: Node;
}

/**
 * The wait of a global timer (`setTimeout(fn, ms)`): its second argument is the delay, in ms.
 * Undefined when the timer is given no delay.
 */
export function timerWaitCall(timer: TSESTree.CallExpression): WaitCall | undefined {
  const ms = timer.arguments[1];
  return ms && ms.type !== T.SpreadElement ? { call: timer, delayExpr: ms, bindings: [], argument: ms, opaque: false } : undefined;
}

/** Whether `call` is the global `setTimeout` (not a local or imported function of that name). */
export function isGlobalTimer(sourceCode: TSESLint.SourceCode, call: TSESTree.CallExpression): boolean {
  const c = unwrap(call.callee);
  let id: TSESTree.Identifier | undefined;
  if (c.type === T.Identifier) id = c;
  else if (c.type === T.MemberExpression && unwrap(c.object).type === T.Identifier && GLOBAL_OBJECTS.includes((unwrap(c.object) as TSESTree.Identifier).name) && calleeName(call) === 'setTimeout') return true;
  // `this.setTimeoutFn(cb, ms)` (engine.io installs the global one, bound, under that name), `host.setTimeout(cb, ms)`.
  else if (c.type === T.MemberExpression && /^setTimeout(?![a-z])/.test(calleeName(call) ?? '') && isHostTimer(sourceCode, call)) return true;
  if (!id || id.name !== 'setTimeout') return false;
  const v = variableOf(sourceCode, id);
  if (v && v.defs.length > 0) {
    const o = originOf(sourceCode, id);
    if (!o) return false;
    if (o.module === 'timers' || o.module === 'node:timers') return true;
    // `import { setTimeout } from '@sentry/browser-utils'` (a zone-safe copy of the native timer):
    // imported under the timer's own name and handed a callback first, it is the timer. The
    // promise form (`timers/promises`, `setTimeout(ms, value)`) takes no callback.
    const first = call.arguments[0] ? unwrap(call.arguments[0]) : undefined;
    return !/timers\/promises$/.test(o.module) && o.path[o.path.length - 1] === 'setTimeout' && !!first && isFunction(first);
  }
  return true;
}

/**
 * Whether `call` is the global `setInterval` (or `timers`' one): a timer that runs its callback
 * every `ms` until cleared. Armed on a failure path with the failed function as its callback, each
 * tick is an attempt after a fixed wait, as `setTimeout` re-armed each time would be.
 */
export function isGlobalInterval(sourceCode: TSESLint.SourceCode, call: TSESTree.CallExpression): boolean {
  const c = unwrap(call.callee);
  if (c.type === T.MemberExpression) return unwrap(c.object).type === T.Identifier && GLOBAL_OBJECTS.includes((unwrap(c.object) as TSESTree.Identifier).name) && calleeName(call) === 'setInterval';
  if (c.type !== T.Identifier || c.name !== 'setInterval') return false;
  const v = variableOf(sourceCode, c);
  if (v && v.defs.length > 0) {
    const o = originOf(sourceCode, c);
    return !!o && (o.module === 'timers' || o.module === 'node:timers');
  }
  return true;
}

/**
 * A host object's timer with the global timer's signature, `host.setTimeout(callback, ms)` (a bot
 * client's or a framework's managed timer): the callback comes first and is a function (inline or a
 * same-file function passed by name), and the delay after it is not one. Node's
 * `socket.setTimeout(ms, onIdle)` (delay first) is an idle timeout, not a timer.
 */
function isHostTimer(sourceCode: TSESLint.SourceCode, call: TSESTree.CallExpression): boolean {
  const [cb, ms] = call.arguments;
  if (!cb || !ms || cb.type === T.SpreadElement || ms.type === T.SpreadElement) return false;
  if (isFunction(unwrap(ms))) return false;
  const f = unwrap(cb);
  return isFunction(f) || (f.type === T.Identifier && (sameFileFunction(f, { sourceCode }) !== undefined || isExecutorSettle(f, call, sourceCode)));
}

/**
 * Whether `id` is a settle function of the promise executor around `call`
 * (`new Promise((r) => host.setTimeout(r, ms))`): a function by construction, though a parameter.
 */
function isExecutorSettle(id: TSESTree.Identifier, call: TSESTree.CallExpression, sourceCode: TSESLint.SourceCode): boolean {
  const found = enclosingExecutor(call, sourceCode.ast);
  if (!found) return false;
  const v = variableOf(sourceCode, id);
  return !!v && found.executor.params.slice(0, 2).some((p) => p.type === T.Identifier && v.defs.some((d) => d.name === p));
}

/**
 * The timer a same-file function is handed to by name (`const again = () => run(); setTimeout(again,
 * ms)`, `function reopen() {…} … setTimeout(reopen, ms)`): the first call to a timer whose callback
 * argument reads the function's (never reassigned) binding. Undefined when it is given to none.
 * `within` limits the search to timers inside that node.
 */
export function timerOfNamed(fn: Node, sourceCode: TSESLint.SourceCode, within?: Node): TSESTree.CallExpression | undefined {
  let id: TSESTree.Identifier | undefined;
  if (fn.type === T.FunctionDeclaration && fn.id) id = fn.id;
  else if (fn.parent?.type === T.VariableDeclarator && fn.parent.init === fn && fn.parent.id.type === T.Identifier) id = fn.parent.id;
  if (!id) return undefined;
  const v = variableOf(sourceCode, id);
  if (!v || v.references.some((r) => r.isWrite() && r.writeExpr !== fn)) return undefined;
  for (const r of v.references) {
    const host = r.identifier.parent;
    if (host?.type !== T.CallExpression || host.arguments[0] !== r.identifier || !isGlobalTimer(sourceCode, host)) continue;
    if (within && !contains(within, host)) continue;
    return host;
  }
  return undefined;
}

/**
 * Recognises a wait: `new Promise(r => setTimeout(r, ms))`, `setTimeout` from
 * `node:timers/promises`, a same-file function whose body waits, a common helper name
 * (`sleep`, `delay`, `wait`, …) or a name in `settings.retry.sleepFunctions`.
 * Does not decide whether the wait is awaited (see {@link isAwaited}).
 */
export function asWait(node: Node, sourceCode: TSESLint.SourceCode, settings: RetrySettings, depth = 0): WaitCall | undefined {
  if (depth > 0) return waitOfCall(node, sourceCode, settings, depth);
  // Memoised per node and settings: every enclosing loop of a nested retry asks again.
  const hit = waitsOf.get(node);
  if (hit && hit.settings === settings) return hit.wait;
  const wait = waitOfCall(node, sourceCode, settings, 0);
  waitsOf.set(node, { settings, wait });
  return wait;
}

/** {@link asWait}'s answers at depth 0, per node (with the settings they were given for). */
const waitsOf = fileMemo<Node, { settings: RetrySettings; wait: WaitCall | undefined }>();

function waitOfCall(node: Node, sourceCode: TSESLint.SourceCode, settings: RetrySettings, depth: number): WaitCall | undefined {
  const n = unwrap(node);
  if (depth > 4) return undefined;
  if (n.type === T.NewExpression) {
    const c = unwrap(n.callee);
    if (c.type !== T.Identifier || c.name !== 'Promise') return undefined;
    const exec = n.arguments[0] && unwrap(n.arguments[0]);
    if (!exec || !isFunction(exec)) return undefined;
    const inner = findInnerWait(exec, sourceCode, settings, depth);
    if (!inner) return undefined;
    const timer = inner.timer ?? inner.call;
    return { ...inner, call: n, argument: undefined, timer: timer.loc.start.line !== n.loc.start.line ? timer : undefined };
  }
  if (n.type !== T.CallExpression) return undefined;
  const name = waitCalleeName(n);
  const arg0 = n.arguments[0] && n.arguments[0].type !== T.SpreadElement ? n.arguments[0] : undefined;
  // `import { setTimeout as sleep } from 'node:timers/promises'`
  const origin = originOf(sourceCode, n.callee);
  // A library or runtime export documented to wait (`import pause from 'delay'`, `import { sleep } from 'bun'`).
  const libraryWait = origin && LIBRARY_WAITS.find((w) => isExport(origin, w.module, w.export));
  if (libraryWait) {
    if (libraryWait.range) {
      const hi = n.arguments[1] && n.arguments[1].type !== T.SpreadElement ? n.arguments[1] : undefined;
      return { call: n, delayExpr: hi, bindings: [], argument: undefined, opaque: hi === undefined || arg0 === undefined, randomFrom: arg0 };
    }
    return { call: n, delayExpr: arg0, bindings: [], argument: arg0, opaque: arg0 === undefined };
  }
  // A method documented to wait (`page.waitForTimeout(ms)`) or a runtime's (`Bun.sleep(ms)`).
  if (arg0 && isWaitMethod(n, sourceCode)) return { call: n, delayExpr: arg0, bindings: [], argument: arg0, opaque: false };
  if (origin && TIMER_MODULES.includes(origin.module)) {
    if (isExport(origin, TIMER_MODULES, 'setTimeout') || (origin.path.length === 2 && origin.path[0] === 'scheduler' && origin.path[1] === 'wait')) {
      return { call: n, delayExpr: arg0, bindings: [], argument: arg0, opaque: arg0 === undefined };
    }
    return undefined;
  }
  // `const later = promisify(setTimeout)`
  const c0 = unwrap(n.callee);
  if (c0.type === T.Identifier) {
    const v = variableOf(sourceCode, c0);
    const b = v?.defs[0]?.node;
    if (b && b.type === T.VariableDeclarator && b.init) {
      const init = unwrap(b.init);
      if (init.type === T.CallExpression && calleeName(init) === 'promisify' && init.arguments[0] && unwrap(init.arguments[0]).type === T.Identifier && (unwrap(init.arguments[0]) as TSESTree.Identifier).name === 'setTimeout') {
        return { call: n, delayExpr: arg0, bindings: [], argument: arg0, opaque: arg0 === undefined };
      }
    }
  }
  // Same-file function whose body is a wait (returns one, or is little more than awaiting one); also
  // the default of an injectable one (`const sleep = opts.sleep ?? realSleep`): PRODUCT counts a
  // default as known, and a stand-in passed by a test has the same job.
  const fn = sameFileFunction(n.callee, { sourceCode }) ?? defaultedFunction(n.callee, sourceCode);
  if (fn) {
    if (!isWaitHelperShape(fn, n, sourceCode, settings)) return undefined;
    const inner = findInnerWait(fn, sourceCode, settings, depth + 1);
    // `if (this.running) { this.controller.abort(); await pause(20) }`: a pause that lets an aborted
    // call unwind is that helper's own business, not a wait of every call.
    if (inner && pausesAfterAbort(inner.call, fn, sourceCode)) return undefined;
    if (!inner) {
      // A helper named for a wait (`applyDelay`, `backoff`) that awaits or returns a call it cannot
      // see into (`await delay.apply()` on an object built in another module): it may well wait,
      // for an unknown time. Anything else named so is judged by its body (no wait).
      if (name && (WAIT_NAME_RE.test(name) || OPAQUE_WAIT_RE.test(name) || settings.sleepFunctions.includes(name)) && awaitsUnseenCall(fn, sourceCode)) {
        return { call: n, delayExpr: undefined, bindings: [], argument: undefined, opaque: true };
      }
      return undefined;
    }
    const bindings = [...inner.bindings];
    let argument: TSESTree.Expression | undefined;
    fn.params.forEach((p, i) => {
      const id = p.type === T.AssignmentPattern ? p.left : p;
      const a = n.arguments[i];
      // `pause({ interval, factor })` for `function pause({ interval, factor = 2 })`: each name its member.
      const obj = a && a.type !== T.SpreadElement ? unwrap(a) : undefined;
      if (id.type === T.ObjectPattern && obj?.type === T.ObjectExpression && obj.properties.every((q) => q.type === T.Property && !q.computed)) {
        for (const prop of id.properties) {
          if (prop.type !== T.Property || prop.computed) continue;
          const target = prop.value.type === T.AssignmentPattern ? prop.value.left : prop.value;
          const given = obj.properties.find((q) => q.type === T.Property && propertyName(q) === propertyName(prop)) as TSESTree.Property | undefined;
          const value = given?.value ?? (prop.value.type === T.AssignmentPattern ? prop.value.right : undefined);
          if (target.type === T.Identifier && value) bindings.push({ param: target, arg: value });
        }
      }
      if (id.type === T.Identifier && a && a.type !== T.SpreadElement) {
        bindings.push({ param: id, arg: a });
        const d = inner.delayExpr && unwrap(inner.delayExpr);
        if (d && d.type === T.Identifier && d.name === id.name) argument = a;
      }
    });
    return { call: n, delayExpr: inner.delayExpr, bindings, argument, opaque: inner.opaque, unitAssumed: inner.unitAssumed, randomFrom: inner.randomFrom };
  }
  if (!name) return undefined;
  // `Atomics.wait(cell, index, value, ms)` blocks the thread: a synchronous wait.
  if (isAtomicsWait(n)) {
    const ms = n.arguments[3] && n.arguments[3].type !== T.SpreadElement ? n.arguments[3] : undefined;
    return { call: n, delayExpr: ms, bindings: [], argument: ms, opaque: ms === undefined };
  }
  // `AbortSignal.timeout(ms)` makes a request option, never a wait.
  const c = plainCallee(n);
  if (c.type === T.MemberExpression && unwrap(c.object).type === T.Identifier && (unwrap(c.object) as TSESTree.Identifier).name === 'AbortSignal') return undefined;
  // A leading `_` or `$` marks a private or framework member (`this._exponentialBackoff(…)`), not another verb.
  const bare = name.replace(/^[_$]+(?=[A-Za-z])/, '');
  if (settings.sleepFunctions.includes(name) || WAIT_NAME_RE.test(bare)) {
    if (/^timeout$/i.test(bare) && n.arguments.length !== 1) return undefined;
    // `request().timeout(2000)`, `Promise.resolve(p).timeout(ms)`: a link of a promise chain (Bluebird,
    // superagent) that bounds the promise before it, a deadline, not a pause (`this.timeout(ms)` may be one).
    if (/^timeout$/i.test(bare) && c.type === T.MemberExpression && unwrap(c.object).type === T.CallExpression) return undefined;
    // `this.backoff.wait(retries++)` with `backoff = new ExponentialBackoff('FullJitter')` from
    // another module: the instance computes its own wait from what it is given (an attempt number,
    // its own jitter): a wait of unknown length, not the argument's milliseconds.
    if (onUnseenInstance(n, sourceCode)) return { call: n, delayExpr: undefined, bindings: [], argument: undefined, opaque: true };
    if (origin && !TIMER_MODULES.includes(origin.module) && isNotAWaitModule(origin.module)) return undefined;
    // `await pacer.wait(attempt)`, `backoff.delay(tries)`: handed the attempt number itself, a helper
    // out of sight computes its own wait from it; nobody waits `attempt` milliseconds.
    if (n.arguments.length === 1 && arg0 && !settings.sleepFunctions.includes(name) && handedIn(c, sourceCode) && isBareCount(arg0, sourceCode)) return { call: n, delayExpr: undefined, bindings: [], argument: undefined, opaque: true };
    return { call: n, delayExpr: arg0, bindings: [], argument: arg0, opaque: arg0 === undefined, unitAssumed: !settings.sleepFunctions.includes(name) };
  }
  if (OPAQUE_WAIT_RE.test(bare)) return { call: n, delayExpr: undefined, bindings: [], argument: undefined, opaque: true };
  // A wait object from another module called with a time in an options object, awaited on its own:
  // `await wait.until({ date: new Date(Date.now() + ms) })`, `await wait.for({ seconds: 5 })`.
  const timed = origin ? timedWaitOption(n, sourceCode) : undefined;
  if (timed) return timed;
  // A helper from another module, judged by how it is used: awaited on its own, its result
  // dropped, given one duration (a number, a growing or random expression).
  if (origin && arg0 && n.arguments.length === 1 && !origin.path.includes('()') && !origin.path.includes('new') && !isNotAWaitModule(origin.module) && awaitedAlone(n)) {
    const v = evaluate(arg0, makeEnv(sourceCode));
    if (!v.opaque || v.attempt || v.random) return { call: n, delayExpr: arg0, bindings: [], argument: arg0, opaque: false, unitAssumed: true };
  }
  return undefined;
}

/**
 * `page.waitForTimeout(ms)` (Puppeteer, Playwright) on any receiver, or a runtime global's wait
 * (`Bun.sleep(ms)`, where `Bun` is not a local binding).
 */
function isWaitMethod(call: TSESTree.CallExpression, sourceCode: TSESLint.SourceCode): boolean {
  const c = plainCallee(call);
  if (c.type !== T.MemberExpression) return false;
  const method = propertyName(c);
  if (!method) return false;
  if (WAIT_METHODS.has(method)) return true;
  const obj = unwrap(c.object);
  if (obj.type !== T.Identifier) return false;
  if (!RUNTIME_WAITS.some((w) => w.global === obj.name && w.method === method)) return false;
  const v = variableOf(sourceCode, obj);
  return !v || v.defs.length === 0;
}

/** The function awaits or returns a call that is not to a same-file function (its callee cannot be seen into). */
function awaitsUnseenCall(fn: TSESTree.FunctionLike, sourceCode: TSESLint.SourceCode): boolean {
  if (!fn.body) return false;
  // `Promise.resolve(x)` / `Promise.reject(e)` are seen: they settle at once, whatever they are given.
  const unseen = (c: TSESTree.CallExpression): boolean => !sameFileFunction(c.callee, { sourceCode }) && !settlesAtOnce(c);
  let found = false;
  walk(fn.body, sourceCode.visitorKeys, (n) => {
    if (found || (n !== fn.body && isFunction(n))) return false;
    const awaited = n.type === T.AwaitExpression ? unwrap(n.argument) : n.type === T.ReturnStatement && n.argument ? unwrap(n.argument) : undefined;
    if (awaited?.type === T.CallExpression && unseen(awaited)) found = true;
    return undefined;
  });
  if (!found && fn.body.type !== T.BlockStatement) {
    const b = unwrap(fn.body);
    found = b.type === T.CallExpression && unseen(b);
  }
  return found;
}

/** `Promise.resolve(…)`, `Promise.reject(…)`: a promise already settled, no wait. */
function settlesAtOnce(c: TSESTree.CallExpression): boolean {
  const callee = unwrap(c.callee);
  return callee.type === T.MemberExpression && unwrap(callee.object).type === T.Identifier && (unwrap(callee.object) as TSESTree.Identifier).name === 'Promise' && ['resolve', 'reject'].includes(propertyName(callee) ?? '');
}

/**
 * A call to a same-file function (or method) that blocks the thread in its own body
 * (`Atomics.wait(…)`, or a call to another such function): like `Atomics.wait` itself, the
 * caller waits without an `await`.
 */
function blocksThread(call: Node, sourceCode: TSESLint.SourceCode, depth: number): boolean {
  if (call.type !== T.CallExpression || depth > 3) return false;
  const fn = sameFileFunction((call as TSESTree.CallExpression).callee, { sourceCode });
  if (!fn?.body || contains(fn, call)) return false;
  return bodyBlocks(fn, sourceCode, depth);
}

/**
 * Whether `fn`'s own body (nested functions left out) calls `Atomics.wait` or a function that
 * blocks, following calls down to depth 3. It depends only on the function and the depth, so it is
 * memoised per function: a call graph asks it of the same callee from every caller (without the
 * memo, each call re-walked its callees' bodies three levels down).
 */
function bodyBlocks(fn: TSESTree.FunctionLike, sourceCode: TSESLint.SourceCode, depth: number): boolean {
  let byDepth = blocksAt.get(fn);
  const hit = byDepth?.[depth];
  if (hit !== undefined) return hit;
  let found = false;
  walk(fn.body!, sourceCode.visitorKeys, (n) => {
    if (found || (n !== fn.body && isFunction(n))) return false;
    if (n.type === T.CallExpression && (isAtomicsWait(n) || blocksThread(n, sourceCode, depth + 1))) found = true;
    return undefined;
  });
  if (!byDepth) blocksAt.set(fn, (byDepth = []));
  byDepth[depth] = found;
  return found;
}

/** {@link bodyBlocks}' answers per function, indexed by depth (0–3). */
const blocksAt = fileMemo<Node, boolean[]>();

/** `Atomics.wait(…)`: a wait that blocks, so it needs no `await`. */
function isAtomicsWait(call: Node): boolean {
  if (call.type !== T.CallExpression) return false;
  const c = plainCallee(call as TSESTree.CallExpression);
  return c.type === T.MemberExpression && propertyName(c) === 'wait' && unwrap(c.object).type === T.Identifier && (unwrap(c.object) as TSESTree.Identifier).name === 'Atomics';
}

/** `await helper(ms);` as a statement of its own: the call is made for its time, not its result. */
/**
 * `wait.until({ date })`, `wait.for({ seconds })`: a call on an object named like a wait
 * ({@link WAIT_NAME_RE}), awaited on its own, whose one argument is an options object holding a
 * time. The delay is the milliseconds given (`ms`, `milliseconds`), the offset from now of a date
 * (`new Date(Date.now() + ms)`); any other time (`seconds`, a date computed elsewhere) is a wait
 * of unknown length. Undefined for anything else.
 */
function timedWaitOption(n: TSESTree.CallExpression, sourceCode: TSESLint.SourceCode): WaitCall | undefined {
  const c = plainCallee(n);
  if (c.type !== T.MemberExpression || n.arguments.length !== 1 || !awaitedAlone(n)) return undefined;
  let root = unwrap(c.object);
  while (root.type === T.MemberExpression) root = unwrap(root.property);
  if (root.type !== T.Identifier || !WAIT_NAME_RE.test(root.name)) return undefined;
  const opts = unwrap(n.arguments[0] as Node);
  if (opts.type !== T.ObjectExpression) return undefined;
  const time = opts.properties.find((p): p is TSESTree.Property => p.type === T.Property && /^(ms|milliseconds|delayMs|seconds|minutes|date|until|at)$/.test(propertyName(p) ?? ''));
  if (!time) return undefined;
  const key = propertyName(time)!;
  const value = unwrap(time.value as Node);
  if (key === 'ms' || key === 'milliseconds' || key === 'delayMs') return { call: n, delayExpr: value, bindings: [], argument: value as TSESTree.Expression, opaque: false };
  // `new Date(Date.now() + ms)`: the wait is `ms`.
  if (value.type === T.NewExpression && unwrap(value.callee).type === T.Identifier && (unwrap(value.callee) as TSESTree.Identifier).name === 'Date' && value.arguments.length === 1) {
    const sum = unwrap(value.arguments[0] as Node);
    if (sum.type === T.BinaryExpression && sum.operator === '+') {
      const left = unwrap(sum.left as Node);
      const now = left.type === T.CallExpression && sourceCode.getText(left.callee).replace(/\s/g, '') === 'Date.now';
      if (now) return { call: n, delayExpr: sum.right, bindings: [], argument: sum.right as TSESTree.Expression, opaque: false };
    }
  }
  return { call: n, delayExpr: undefined, bindings: [], argument: undefined, opaque: true };
}

/**
 * A method call whose receiver resolves to an instance of a class this file does not define
 * (`new ExponentialBackoff(…)` imported, held in a `const` or a `this` field).
 */
function onUnseenInstance(n: TSESTree.CallExpression, sourceCode: TSESLint.SourceCode): boolean {
  const c = plainCallee(n);
  if (c.type !== T.MemberExpression) return false;
  // The resolver stops at a `new` (its value is made at run time) and names it.
  const r = resolveExpression(sourceCode, c.object);
  if (r.kind === 'choice') return false;
  const made = unwrap(r.node);
  if (made.type !== T.NewExpression) return false;
  const cls = unwrap(made.callee);
  if (cls.type !== T.Identifier) return false;
  const def = variableOf(sourceCode, cls)?.defs[0];
  return def?.type === 'ImportBinding';
}

/** Whether a callee comes from outside the file's code: its root is a parameter or an import. */
function handedIn(callee: Node, sourceCode: TSESLint.SourceCode): boolean {
  let root = unwrap(callee);
  while (root.type === T.MemberExpression) root = unwrap(root.object);
  if (root.type !== T.Identifier) return false;
  const def = variableOf(sourceCode, root)?.defs[0];
  return def?.type === 'Parameter' || def?.type === 'ImportBinding';
}

/**
 * Whether an expression is a count and nothing else: a variable whose every write after its
 * initialiser steps it by one (`attempt++`, `tries += 1`, `n = n + 1`).
 */
function isBareCount(arg: Node, sourceCode: TSESLint.SourceCode): boolean {
  const u = unwrap(arg);
  if (u.type !== T.Identifier) return false;
  const v = variableOf(sourceCode, u);
  if (!v || v.defs[0]?.type !== 'Variable') return false;
  let steps = 0;
  for (const r of v.references) {
    if (!r.isWrite() || r.init) continue;
    const w = r.identifier.parent;
    if (w?.type === T.UpdateExpression) steps++;
    else if (w?.type === T.AssignmentExpression && (w.operator === '+=' || w.operator === '-=') && unwrap(w.right).type === T.Literal && (unwrap(w.right) as TSESTree.Literal).value === 1) steps++;
    else if (w?.type === T.AssignmentExpression && w.operator === '=' && unwrap(w.right).type === T.BinaryExpression) {
      const b = unwrap(w.right) as TSESTree.BinaryExpression;
      const one = (x: Node): boolean => unwrap(x).type === T.Literal && (unwrap(x) as TSESTree.Literal).value === 1;
      const self = (x: Node): boolean => unwrap(x).type === T.Identifier && variableOf(sourceCode, unwrap(x) as TSESTree.Identifier) === v;
      if ((b.operator === '+' || b.operator === '-') && ((self(b.left) && one(b.right)) || (b.operator === '+' && one(b.left) && self(b.right)))) steps++;
      else return false;
    } else return false;
  }
  return steps > 0;
}

function awaitedAlone(call: Node): boolean {
  const p = call.parent;
  return p?.type === T.AwaitExpression && p.parent?.type === T.ExpressionStatement;
}

/**
 * Whether a helper's wait follows, in the same block, an abort of something in flight
 * (`this.controller.abort(); await pause(20)`): it lets the aborted call unwind, a pause of that
 * helper's own (cancelling what runs), not the wait between attempts.
 */
function pausesAfterAbort(wait: Node, fn: TSESTree.FunctionLike, sourceCode: TSESLint.SourceCode): boolean {
  let child: Node = wait;
  for (let p = wait.parent; p && p !== fn; child = p, p = p.parent) {
    // The statement list holding the wait in the helper (not the body of a callback around it).
    if (p.type !== T.BlockStatement || (p.parent && p.parent !== fn && isFunction(p.parent))) continue;
    const before = p.body.slice(0, p.body.indexOf(child as TSESTree.Statement));
    return before.some((st) => {
      let aborts = false;
      walk(st, sourceCode.visitorKeys, (m) => {
        if (aborts || isFunction(m)) return false;
        if (m.type === T.CallExpression && unwrap(m.callee).type === T.MemberExpression && /^(abort|cancel)$/.test(calleeName(m) ?? '')) aborts = true;
        return undefined;
      });
      return aborts;
    });
  }
  return false;
}

/**
 * A helper that is a wait: an expression body or at most three statements, or a larger helper that
 * decides and then waits (p-retry's `onAttemptFailure`) — one with no loop, not enclosing the call.
 * Never one that sends an HTTP request of its own: that helper is the operation, which may pause
 * before it reports its failure (`const res = await fetch(u); if (!res.ok) { await sleep(ms); throw … }`).
 */
function isWaitHelperShape(fn: TSESTree.FunctionLike, call: Node, sourceCode: TSESLint.SourceCode, settings: RetrySettings): boolean {
  if (!fn.body) return false;
  let requests = false;
  walk(fn.body, sourceCode.visitorKeys, (n) => {
    if (requests || (n !== fn.body && isFunction(n))) return false;
    if (n.type === T.CallExpression && describeHttpCall(sourceCode, n, settings)) requests = true;
    return undefined;
  });
  if (requests) return false;
  if (fn.body.type !== T.BlockStatement) return true;
  if (fn.body.body.length <= 3) return true;
  if (call.range[0] >= fn.range[0] && call.range[1] <= fn.range[1]) return false;
  let loops = false;
  walk(fn.body, sourceCode.visitorKeys, (n) => {
    if (loops) return false;
    if (n.type === T.ForStatement || n.type === T.WhileStatement || n.type === T.DoWhileStatement || n.type === T.ForOfStatement || n.type === T.ForInStatement) loops = true;
    return undefined;
  });
  return !loops;
}

/**
 * A timer that bounds an operation rather than waits: its callback aborts, rejects or throws
 * (`setTimeout(() => controller.abort(), 120_000)`).
 */
function isTimeoutTimer(timer: TSESTree.CallExpression, sourceCode: TSESLint.SourceCode): boolean {
  const cb = timer.arguments[0] && unwrap(timer.arguments[0]);
  if (!cb || !isFunction(cb)) return false;
  // The reject function of an enclosing `new Promise((ok, no) => …)`, whatever its name.
  const rejects = new Set<string>();
  for (let p: Node | undefined = timer.parent; p; p = p.parent) {
    if (isFunction(p) && p.parent?.type === T.NewExpression && calleeName(p.parent) === 'Promise') {
      const second = p.params[1];
      if (second?.type === T.Identifier) rejects.add(second.name);
      break;
    }
  }
  let aborts = false;
  walk(cb, sourceCode.visitorKeys, (n) => {
    if (aborts) return false;
    if (n.type === T.ThrowStatement) aborts = true;
    if (n.type === T.CallExpression && unwrap(n.callee).type === T.Identifier && rejects.has((unwrap(n.callee) as TSESTree.Identifier).name)) aborts = true;
    if (n.type === T.CallExpression && /^(abort|reject|cancel|destroy|kill|close|end|fail)$/i.test(calleeName(n) ?? '')) aborts = true;
    return undefined;
  });
  return aborts;
}

/** The executor of the `new Promise(…)` a node lies in (within `limit`), and that promise. */
function enclosingExecutor(node: Node, limit: Node): { executor: TSESTree.FunctionLike; promise: TSESTree.NewExpression } | undefined {
  for (let p = node.parent; p; p = p.parent) {
    if (isFunction(p) && p.parent?.type === T.NewExpression && p.parent.arguments[0] === p) {
      const callee = unwrap(p.parent.callee);
      if (callee.type === T.Identifier && callee.name === 'Promise') return { executor: p, promise: p.parent };
    }
    if (p === limit) return undefined;
  }
  return undefined;
}

/**
 * How a timer inside a promise executor settles that promise, judged by data flow rather than
 * names: `resolve` when its callback is (or calls) the executor's first parameter, `reject` when it
 * is (or calls) the second one or throws, `other` otherwise.
 */
function timerSettles(timer: TSESTree.CallExpression, executor: TSESTree.FunctionLike, sourceCode: TSESLint.SourceCode): 'resolve' | 'reject' | 'other' {
  const paramVar = (i: number): TSESLint.Scope.Variable | undefined => {
    const p = executor.params[i];
    return p && p.type === T.Identifier ? variableOf(sourceCode, p) : undefined;
  };
  const resolveVar = paramVar(EXECUTOR_RESOLVE_INDEX);
  const rejectVar = paramVar(EXECUTOR_REJECT_INDEX);
  const refs = (v: TSESLint.Scope.Variable | undefined, x: Node): boolean => !!v && isReferenceTo(v, x);
  const cb = timer.arguments[0] && unwrap(timer.arguments[0]);
  if (!cb) return 'other';
  // `setTimeout(resolve, ms)`, `setTimeout(giveUp, ms)`, `setTimeout(resolve.bind(null, x), ms)`.
  const direct = cb.type === T.CallExpression && calleeName(cb) === 'bind' && unwrap(cb.callee).type === T.MemberExpression ? unwrap((unwrap(cb.callee) as TSESTree.MemberExpression).object) : cb;
  if (refs(rejectVar, direct)) return 'reject';
  if (refs(resolveVar, direct)) return 'resolve';
  if (!isFunction(cb)) return 'other';
  let result: 'resolve' | 'reject' | 'other' = 'other';
  walk(cb, sourceCode.visitorKeys, (n) => {
    if (result === 'reject') return false;
    if (n.type === T.ThrowStatement) result = 'reject';
    if (n.type === T.CallExpression) {
      const callee = unwrap(n.callee);
      if (refs(rejectVar, callee)) result = 'reject';
      else if (refs(resolveVar, callee) && result === 'other') result = 'resolve';
    }
    return undefined;
  });
  return result;
}

/**
 * The wait inside a function body: a timer that resolves a promise the body awaits or returns
 * (`new Promise((r) => setTimeout(r, ms))`), or a nested wait call the body awaits or returns.
 * A timer that rejects or aborts bounds an operation (a timeout) and is no wait; a wait promise the
 * body only hands to a request (`signal: AbortSignal.timeout(ms)`) is no wait either.
 */
function findInnerWait(fn: Node, sourceCode: TSESLint.SourceCode, settings: RetrySettings, depth: number): WaitCall | undefined {
  // Memoised per function, settings and depth: the answer is about the helper's body alone, and a
  // call graph asks it of the same helper from every call site.
  let entry = innerWaits.get(fn);
  if (!entry || entry.settings !== settings) innerWaits.set(fn, (entry = { settings, at: [] }));
  const hit = entry.at[depth];
  if (hit !== undefined) return hit ?? undefined;
  const found = searchInnerWait(fn, sourceCode, settings, depth);
  entry.at[depth] = found ?? null;
  return found;
}

/** {@link findInnerWait}'s answers per function (null: no wait), for the settings they were given for. */
const innerWaits = fileMemo<Node, { settings: RetrySettings; at: Array<WaitCall | null> }>();

function searchInnerWait(fn: Node, sourceCode: TSESLint.SourceCode, settings: RetrySettings, depth: number): WaitCall | undefined {
  let found: WaitCall | undefined;
  walk(fn, sourceCode.visitorKeys, (n) => {
    if (found) return false;
    if (n.type === T.CallExpression && isGlobalTimer(sourceCode, n)) {
      const inExecutor = enclosingExecutor(n, fn);
      if (inExecutor) {
        const settles = timerSettles(n, inExecutor.executor, sourceCode);
        if (settles === 'reject' || (settles === 'other' && isTimeoutTimer(n, sourceCode))) return false;
        // A timer that settles nothing and sits in a callback inside the executor (a keep-alive ping
        // set from a socket listener) runs on its own: it is not what the promise waits for.
        if (settles === 'other' && enclosingFunction(n) !== inExecutor.executor) return false;
        // The promise the timer resolves must be what the body waits for.
        if (!contains(inExecutor.promise, fn) && !waitedWithin(inExecutor.promise, fn, sourceCode)) return false;
      } else if (isTimeoutTimer(n, sourceCode)) {
        return false;
      } else if (isFunction(fn) && enclosingFunction(n) !== fn) {
        // Likewise a timer set in a callback inside the helper (a listener) is not the helper's wait.
        return false;
      }
      const ms = n.arguments[1];
      found = { call: n, delayExpr: ms && ms.type !== T.SpreadElement ? ms : undefined, bindings: [], argument: undefined, opaque: false };
      if (!ms) found.delayExpr = { type: T.Literal, value: 0, raw: '0', range: n.range, loc: n.loc } as unknown as Node;
      return false;
    }
    if ((n.type === T.CallExpression || n.type === T.NewExpression) && n !== fn) {
      const inner = asWait(n, sourceCode, settings, depth + 1);
      if (inner && waitedWithin(n, fn, sourceCode)) {
        found = inner;
        return false;
      }
    }
    return undefined;
  });
  return found;
}

/** Whether a promise made inside a helper is what the helper waits for: awaited, returned, chained into one of these, or the arrow's body. */
function waitedWithin(promise: Node, fn: Node, sourceCode: TSESLint.SourceCode): boolean {
  return isAwaited(promise, sourceCode) && contains(fn, promise);
}

/**
 * Whether a wait's promise is waited for: awaited, yielded, returned, chained with `.then` into
 * something that is, or kept in a variable that is later awaited or chained (`const gap =
 * sleep(ms); return gap.then(retry)`, `pending = sleep(ms)` awaited at the top of the next turn).
 * A wait promise created and dropped is no wait; one raced against an operation
 * (`Promise.race([op(), sleep(ms)])`) bounds the operation, so it is a timeout, not a wait.
 */
export function isAwaited(call: Node, sourceCode?: TSESLint.SourceCode, depth = 0): boolean {
  let n: Node = call;
  if (depth > 3) return false;
  if (isAtomicsWait(call)) return true;
  if (sourceCode && blocksThread(call, sourceCode, depth)) return true;
  for (let i = 0; i < 12; i++) {
    const p = n.parent;
    if (!p) return false;
    switch (p.type) {
      case T.AwaitExpression:
      case T.YieldExpression:
      case T.ReturnStatement:
        return true;
      case T.ArrowFunctionExpression:
        return p.body === n;
      case T.TSAsExpression:
      case T.TSNonNullExpression:
      case T.TSSatisfiesExpression:
      case T.ChainExpression:
        n = p;
        continue;
      case T.MemberExpression:
        if (p.object === n && p.parent?.type === T.CallExpression && ['then', 'finally', 'catch'].includes(String((p.property as TSESTree.Identifier).name))) {
          n = p.parent;
          continue;
        }
        return false;
      case T.CallExpression:
        // `Promise.all([sleep(ms), …])`: awaited when the outer call is.
        if (p.arguments.includes(n as TSESTree.CallExpressionArgument)) {
          const c = unwrap(p.callee);
          if (c.type === T.MemberExpression && unwrap(c.object).type === T.Identifier && (unwrap(c.object) as TSESTree.Identifier).name === 'Promise') {
            if (racedAgainstOperation(p, n)) return false;
            n = p;
            continue;
          }
        }
        return false;
      case T.ArrayExpression:
        n = p;
        continue;
      // `return { promise, cancel }`: a cancellable wait hands its promise back in a handle (the
      // caller waits for `handle.promise`); the object must itself be returned or waited for.
      case T.Property:
        if (p.value !== n || p.parent?.type !== T.ObjectExpression) return false;
        n = p.parent;
        continue;
      case T.VariableDeclarator: {
        // `const pause = sleep(ms); …; await pause;`
        if (p.init !== n || p.id.type !== T.Identifier || !sourceCode) return false;
        return storedAndAwaited(p.id, sourceCode, depth);
      }
      case T.AssignmentExpression: {
        // `pending = sleep(ms)`, awaited later (at the top of the next turn).
        if (p.right !== n || p.operator !== '=' || p.left.type !== T.Identifier || !sourceCode) return false;
        return storedAndAwaited(p.left, sourceCode, depth);
      }
      default:
        return false;
    }
  }
  return false;
}

/** Whether a variable holding a wait promise is read somewhere that waits for it. */
function storedAndAwaited(id: TSESTree.Identifier, sourceCode: TSESLint.SourceCode, depth: number): boolean {
  const v = variableOf(sourceCode, id);
  return !!v && v.references.some((r) => r.isRead() && r.identifier !== id && isAwaited(r.identifier, sourceCode, depth + 1));
}

/**
 * `Promise.race([op(), sleep(ms)])`, `timer = timeout(ms); Promise.race([pending, timer])`: another
 * racer is an operation (a call, or a promise held in a variable or field), so the wait is its timeout.
 */
function racedAgainstOperation(promiseCall: TSESTree.CallExpression, member: Node): boolean {
  const method = calleeName(promiseCall);
  if (method !== 'race' && method !== 'any') return false;
  // `catch (e) { await Promise.race([delay(ms), conn.closed()]) }`: a race whose answer is dropped,
  // run after the attempt failed, is the pause between attempts, cut short by a signal (a close, an
  // abort); a timeout's race hands on the operation's answer.
  // (`yield` in TypeScript's ES2015 output of an async function, run by its `__awaiter`)
  const awaited = promiseCall.parent?.type === T.AwaitExpression || promiseCall.parent?.type === T.YieldExpression ? promiseCall.parent : undefined;
  if (awaited?.parent?.type === T.ExpressionStatement) {
    for (let p: Node | undefined = awaited.parent; p && !isFunction(p); p = p.parent) if (p.type === T.CatchClause) return false;
  }
  const list = promiseCall.arguments[0] && unwrap(promiseCall.arguments[0]);
  if (!list || list.type !== T.ArrayExpression) return false;
  return list.elements.some((e) => {
    if (!e || e === member || e.type === T.SpreadElement) return false;
    const x = unwrap(e.type === T.AwaitExpression ? e.argument : e);
    return x.type === T.CallExpression || x.type === T.Identifier || x.type === T.MemberExpression;
  });
}

/**
 * Evaluates a wait's delay into the facts the rules read.
 *
 * @param attempts The retry's counters.
 * @param iterations How many attempts the retry makes at most, when known.
 * @param scope The code that runs again on each attempt (the loop, or the recursive function and
 *   its self-calls): with it, a delay nothing in the region changes is known to be invariant. For
 *   compatibility, an attempt-member resolver may be passed here instead (interceptors).
 * @param attemptMember An attempt counter kept on an object (`config.__retryCount`), found by the site's analysis.
 * @param memberValues Values a member holds from configuration set apart (`config.retryDelay` from the instance's defaults).
 */
export function waitOf(w: WaitCall, sourceCode: TSESLint.SourceCode, attempts: AttemptVar[], iterations?: number, scope?: RetryRegion | Env['attemptMember'], attemptMember?: Env['attemptMember'], memberValues?: Env['memberValues']): Wait {
  const region = typeof scope === 'function' ? undefined : scope;
  const member = typeof scope === 'function' ? scope : attemptMember;
  const env: Env = makeEnv(sourceCode, attempts, iterations, region);
  if (member) env.attemptMember = member;
  if (memberValues) env.memberValues = memberValues;
  let value: Value;
  if (w.opaque || !w.delayExpr) {
    value = evaluate(undefined, env);
  } else {
    // The outermost call's arguments first: an inner helper's argument reads the outer helper's parameters.
    for (const b of [...w.bindings].reverse()) {
      const v = variableOf(sourceCode, b.param);
      if (!v) continue;
      const value = evaluate(b.arg, env);
      env.params.set(v, value);
    }
    value = evaluate(w.delayExpr, env);
    // `rangeDelay(min, max)`: a random time from the first bound up to the second.
    if (w.randomFrom) value = { ...value, lo: Math.min(value.lo, evaluate(w.randomFrom, env).lo), random: true, invariant: false };
  }
  // The delay as written: the argument of the wait, or the timer's delay when no helper parameter stands in between.
  const expression = w.argument ?? (w.bindings.length === 0 ? w.delayExpr : undefined);
  // Inside a promise wrapper, the delay written at its timer is the delay expression (`require-max-delay` reports there).
  const delay = toDelayFacts(value, w.argument ?? (w.timer && w.bindings.length === 0 && w.delayExpr && w.delayExpr.range !== w.timer.range ? w.delayExpr : w.call), expression);
  if ((w.argument && readsFailure(w.argument, sourceCode)) || (w.bindings.length === 0 && w.delayExpr && readsFailure(w.delayExpr, sourceCode))) delay.fromFailure = true;
  if (w.unitAssumed) delay.unitAssumed = w.call;
  const wait: Wait = { node: w.call, argument: w.argument, delay };
  if (w.timer) wait.at = w.timer;
  if (w.call.type === T.CallExpression && isGlobalInterval(sourceCode, w.call)) wait.repeating = true;
  return wait;
}

/**
 * Whether a wait promise heads a chain that runs `call` (`sleep(ms).then(log).then(() => retry())`):
 * the wait happens before the call whatever the links in between do.
 */
export function chainedBefore(wait: Node, call: Node): boolean {
  let n: Node = wait;
  for (let i = 0; i < 12; i++) {
    let p = n.parent;
    while (p && (p.type === T.TSAsExpression || p.type === T.TSNonNullExpression || p.type === T.ChainExpression)) {
      n = p;
      p = p.parent;
    }
    if (p?.type !== T.MemberExpression || p.object !== n || p.parent?.type !== T.CallExpression || p.parent.callee !== p) return false;
    const name = propertyName(p);
    if (name !== 'then' && name !== 'finally') return false;
    const link = p.parent;
    // `.then(() => retry())`, or the link that hands the function itself on (`.delay(ms).then(retry)`).
    if (link === call || link.arguments.some((a) => contains(a, call))) return true;
    n = link;
  }
  return false;
}

/**
 * Whether the re-run is handed to code the analysis cannot see before it runs: `call` sits in a
 * function inside the failure path `fn` (not the failure handler itself, which runs on failure
 * anyway) that is given, directly or through a variable or an object property, to
 * a call that is not a same-file function, a promise link or a timer (`handleError({ error,
 * again: () => upload() })` with `handleError` imported). That code may wait, so "runs the next
 * attempt at once" would state more than is known.
 */
export function retryHandedToUnknown(call: Node, fn: Node, sourceCode: TSESLint.SourceCode): boolean {
  for (let f: Node | undefined = call.parent; f && f !== fn; f = f.parent) {
    if (!isFunction(f)) continue;
    // The operation's own completion callback (`send(msg, (err, info) => { … again() })`): it runs when
    // the attempt has failed, not later at another's choosing.
    const first = f.params[0];
    if (first?.type === T.Identifier && holdsError(first, sourceCode)) continue;
    const uses: Node[] = [f];
    if (f.parent?.type === T.VariableDeclarator && f.parent.init === f && f.parent.id.type === T.Identifier) {
      const v = variableOf(sourceCode, f.parent.id);
      for (const r of v?.references ?? []) if (r.isRead()) uses.push(r.identifier);
    }
    for (const u of uses) {
      let holder: Node = u;
      // `{ again }`, `{ again: () => … }`: the object is what is handed over.
      if (holder.parent?.type === T.Property && holder.parent.value === holder && holder.parent.parent?.type === T.ObjectExpression) holder = holder.parent.parent;
      const consumer = holder.parent;
      if (consumer?.type !== T.CallExpression && consumer?.type !== T.NewExpression) continue;
      if (!consumer.arguments.includes(holder as TSESTree.CallExpressionArgument)) continue;
      const name = waitCalleeName(consumer);
      if (name === 'then' || name === 'catch' || name === 'finally') continue;
      if (consumer.type === T.CallExpression && isGlobalTimer(sourceCode, consumer)) continue;
      if (sameFileFunction(plainCallee(consumer), { sourceCode })) continue;
      return true;
    }
  }
  return false;
}

/** Global functions that only compute a value from their arguments. */
const PURE_GLOBALS: ReadonlySet<string> = new Set(['Math', 'Number', 'String', 'Boolean', 'parseInt', 'parseFloat', 'BigInt', 'JSON']);

/**
 * Whether a call that receives a counter is (part of) the operation the loop runs, so the counter
 * is the operation's input (`listen(port)`, `getPage(page)`): not arithmetic (`Math.pow(2, n)`), a
 * log line, a call in a catch handler (what to do about the failure: the delay, the message), or a
 * call whose result only feeds the wait (`const ms = delayFor(err, n); await sleep(ms)`). An
 * attempt number handed to those numbers the attempts; it changes no input.
 */
export function isOperationCall(call: TSESTree.CallExpression, body: Node, ctx: { sourceCode: TSESLint.SourceCode; settings: RetrySettings }): boolean {
  const callee = unwrap(call.callee);
  const root = callee.type === T.MemberExpression ? unwrap(callee.object) : callee;
  if (root.type === T.Identifier && PURE_GLOBALS.has(root.name) && !variableOf(ctx.sourceCode, root)?.defs.length) return false;
  if (isLogCallee(callee)) return false;
  for (let p: Node | undefined = call.parent; p && p !== body; p = p.parent) if (p.type === T.CatchClause) return false;
  // Handed the attempt's outcome (its error, or what an earlier call of this pass returned):
  // `handleFailure(res, n)` deals with the failure; it is not the operation.
  const outcome = call.arguments.some((a) => {
    const u = unwrap(a);
    if (u.type !== T.Identifier) return false;
    if (holdsError(u, ctx.sourceCode)) return true;
    const def = variableOf(ctx.sourceCode, u)?.defs[0];
    if (def?.type !== 'Variable' || !contains(body, def.name as Node)) return false;
    let init = (def.node as TSESTree.VariableDeclarator).init;
    if (init && unwrap(init).type === T.AwaitExpression) init = (unwrap(init) as TSESTree.AwaitExpression).argument;
    // A value computed from the pass's own data (`const path = parts.slice(0, n).join('/')`) is no answer.
    return !!init && unwrap(init).type === T.CallExpression && init.range[1] <= call.range[0] && !isComputedValue(init, ctx.sourceCode);
  });
  if (outcome) return false;
  return !pacesOnly(call, body, ctx);
}

/**
 * Whether what a call answers only sets a wait's delay: handed to the wait (`sleep(intervalFor(n))`,
 * through arithmetic, choices and pure calls), or kept in a local read only by waits and log lines,
 * directly or through the locals it is added into (`const ms = delayFor(n)`; `const extra = fib(step) *
 * 500; wait = wait + extra; await sleep(wait)`). Such a call paces the attempts; it is not the operation,
 * and what it is handed (the count) is no input. `body` bounds the search (the retry's body).
 */
export function pacesOnly(call: TSESTree.CallExpression, body: Node, ctx: { sourceCode: TSESLint.SourceCode; settings: RetrySettings }): boolean {
  let e: Node = call;
  while (e.parent && (e.parent.type === T.AwaitExpression || e.parent.type === T.BinaryExpression || e.parent.type === T.ConditionalExpression || e.parent.type === T.LogicalExpression || (e.parent.type === T.CallExpression && e.parent.callee !== e && isDeterministicCall(e.parent)))) e = e.parent;
  const p = e.parent;
  if ((p?.type === T.CallExpression || p?.type === T.NewExpression) && p.arguments.includes(e) && asWait(p, ctx.sourceCode, ctx.settings)) return true;
  if (p?.type === T.VariableDeclarator && p.init === e && p.id.type === T.Identifier) {
    const v = variableOf(ctx.sourceCode, p.id);
    if (v && onlyPaces(v, body, ctx)) return true;
  }
  return false;
}

/**
 * Whether every read of a value goes to a wait's delay or a report line, directly or through the
 * locals it is written into (`wait = wait + extra`, `const ms = base * k`), and at least one reaches a
 * wait: the value paces the attempts (a delay, a step of it); it is nothing the operation takes.
 */
function onlyPaces(start: TSESLint.Scope.Variable, body: Node, ctx: { sourceCode: TSESLint.SourceCode; settings: RetrySettings }): boolean {
  const seen = new Set<TSESLint.Scope.Variable>([start]);
  const queue: TSESLint.Scope.Variable[] = [start];
  let waited = false;
  const inWait = (n: Node): boolean => { for (let q: Node | undefined = n.parent; q && q !== body; q = q.parent) { if ((q.type === T.CallExpression || q.type === T.NewExpression) && asWait(q, ctx.sourceCode, ctx.settings)) return true; } return false; };
  const inReport = (n: Node): boolean => { for (let q: Node | undefined = n.parent; q && q !== body && !isFunction(q); q = q.parent) { if (isReportingCall(q)) return true; } return false; };
  /** The local a read is written into (`x = … v …`, `const x = … v …`), through arithmetic and choices only. */
  const writtenInto = (n: Node): TSESLint.Scope.Variable | undefined => {
    let q: Node = n;
    // Through arithmetic, choices and pure calls (`Math.min(wait * k, cap)`).
    while (q.parent && (q.parent.type === T.BinaryExpression || q.parent.type === T.ConditionalExpression || q.parent.type === T.LogicalExpression || q.parent.type === T.AwaitExpression || q.parent.type === T.TSAsExpression || q.parent.type === T.TSNonNullExpression || (q.parent.type === T.CallExpression && q.parent.callee !== q && isDeterministicCall(q.parent)))) q = q.parent;
    const p = q.parent;
    if (p?.type === T.VariableDeclarator && p.init === q && p.id.type === T.Identifier) return variableOf(ctx.sourceCode, p.id) ?? undefined;
    if (p?.type === T.AssignmentExpression && p.right === q && p.left.type === T.Identifier) return variableOf(ctx.sourceCode, p.left) ?? undefined;
    return undefined;
  };
  while (queue.length > 0 && seen.size <= 8) {
    const v = queue.shift()!;
    for (const r of v.references) {
      if (!r.isRead() || !contains(body, r.identifier)) continue;
      if (inWait(r.identifier)) { waited = true; continue; }
      if (inReport(r.identifier)) continue;
      const into = writtenInto(r.identifier);
      if (!into) return false;
      if (!seen.has(into)) { seen.add(into); queue.push(into); }
    }
  }
  return waited && queue.length === 0;
}

/**
 * The waits a function takes right before it reports a failure: awaited wait calls in its own body
 * (not in nested functions) whose next statement `reportsFailure` accepts (a `throw`, or a return of
 * nothing), as the retried operation's own pause before the retry goes round.
 */
export function waitsBeforeFailure(fn: TSESTree.FunctionLike, sourceCode: TSESLint.SourceCode, settings: RetrySettings, reportsFailure: (next: Node | undefined) => boolean): WaitCall[] {
  const out: WaitCall[] = [];
  if (fn.body?.type !== T.BlockStatement) return out;
  const body = fn.body;
  walk(body, sourceCode.visitorKeys, (m) => {
    if (m !== body && isFunction(m)) return false;
    if ((m.type !== T.CallExpression && m.type !== T.NewExpression) || !isAwaited(m, sourceCode)) return undefined;
    const w = asWait(m, sourceCode, settings);
    if (!w) return undefined;
    const stmt = statementInList(m);
    const list = stmt?.parent?.type === T.BlockStatement ? stmt.parent.body : undefined;
    const next = list ? list[list.indexOf(stmt as TSESTree.Statement) + 1] : undefined;
    if (reportsFailure(next)) out.push(w);
    return false;
  });
  return out;
}

/**
 * A wait that is a known 0 ms (`setTimeout(start)`, `setTimeout(() => again(), 0)`, a library
 * delay of 0) re-runs on the next turn of the event loop: it does not wait at all (PRODUCT: a retry
 * that does not wait is `require-backoff`'s only, there is no delay to randomise). Such waits are
 * dropped, and the site is reported where the first deferred the re-run: as a retry that never
 * waits when every wait is one, as a path that goes round at once when others wait.
 */
export function withoutZeroWaits(site: RetrySite, sourceCode: TSESLint.SourceCode): RetrySite {
  // Written as no wait: the delay left out of a timer, a literal 0 or a `const` holding one. A 0
  // reached through a parameter's default or a fallback (`pauseMs = 0`, `cfg.delay || 0`) is a
  // setting callers change.
  const writtenZero = (w: Wait): boolean => {
    if (w.argument) {
      const a = unwrap(w.argument);
      if (a.type === T.Identifier) {
        const v = variableOf(sourceCode, a);
        const b = v ? bindingOf(v) : undefined;
        return !!b && b.kind === 'init' && b.stable && !!b.node && unwrap(b.node).type === T.Literal && (unwrap(b.node) as TSESTree.Literal).value === 0;
      }
      return a.type === T.Literal && a.value === 0;
    }
    // `setTimeout(start)`: a timer given no delay.
    const call = unwrap(w.node);
    return call.type === T.CallExpression && call.arguments.length < 2 && isGlobalTimer(sourceCode, call);
  };
  const zero = (w: Wait): boolean => {
    const d = w.delay;
    return d.maxReason === 'known' && d.maxMs === 0 && !d.random && !d.growing && !d.opaque && !d.retryAfter && writtenZero(w);
  };
  const zeros = site.waits.filter(zero);
  if (zeros.length === 0) return site;
  const first = zeros[0]!;
  // Some paths wait 0 and others a real delay (`handle = timedOut ? wait(0) : wait(5000)`): those
  // paths go round at once, beside the wait the others take.
  return { ...site, waits: site.waits.filter((w) => !zero(w)), noWait: site.noWait ?? first.at ?? first.node };
}
