import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import type { RetrySettings } from '../utils/settings';
import { calleeName, isFunction, unwrap, walk } from './ast';
import { evaluate, makeEnv, sameFileFunction, toDelayFacts, type AttemptVar, type Env, type Value } from './delay';
import { isExport, originOf, variableOf } from './scope';
import type { Node, Wait } from './types';

/**
 * Common names of wait helpers (first argument: the delay in ms). `backoff` helpers are waits whose
 * delay we cannot see (they compute it themselves), so they count as waiting with an opaque delay.
 */
const WAIT_NAME_RE = /^(sleep|delay|wait|pause|nap|hold|snooze|rest|timeout|setTimeoutAsync|setTimeoutPromise|promiseTimeout)(Ms|For|Async|Millis)?$|sleep|delay|pause|snooze|^wait(?!For|Until|Until|ForElement|Until)[A-Z]/i;
const OPAQUE_WAIT_RE = /^(backoff|backOff|waitBackoff|backoffDelay|exponentialBackoff|jitteredBackoff|sleepWithBackoff|waitForRetry|waitBeforeRetry|retryDelay)$/i;
const TIMER_MODULES = ['timers/promises', 'node:timers/promises'];

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
}

/** Whether `call` is the global `setTimeout` (not a local or imported function of that name). */
export function isGlobalTimer(sourceCode: TSESLint.SourceCode, call: TSESTree.CallExpression): boolean {
  const c = unwrap(call.callee);
  let id: TSESTree.Identifier | undefined;
  if (c.type === T.Identifier) id = c;
  else if (c.type === T.MemberExpression && unwrap(c.object).type === T.Identifier && ['window', 'globalThis', 'global', 'self'].includes((unwrap(c.object) as TSESTree.Identifier).name) && calleeName(call) === 'setTimeout') return true;
  if (!id || id.name !== 'setTimeout') return false;
  const v = variableOf(sourceCode, id);
  if (v && v.defs.length > 0) {
    const o = originOf(sourceCode, id);
    return !!o && (o.module === 'timers' || o.module === 'node:timers');
  }
  return true;
}

/**
 * Recognises a wait: `new Promise(r => setTimeout(r, ms))`, `setTimeout` from
 * `node:timers/promises`, a same-file function whose body waits, a common helper name
 * (`sleep`, `delay`, `wait`, …) or a name in `settings.retry.sleepFunctions`.
 * Does not decide whether the wait is awaited (see {@link isAwaited}).
 */
export function asWait(node: Node, sourceCode: TSESLint.SourceCode, settings: RetrySettings, depth = 0): WaitCall | undefined {
  const n = unwrap(node);
  if (depth > 4) return undefined;
  if (n.type === T.NewExpression) {
    const c = unwrap(n.callee);
    if (c.type !== T.Identifier || c.name !== 'Promise') return undefined;
    const exec = n.arguments[0] && unwrap(n.arguments[0]);
    if (!exec || !isFunction(exec)) return undefined;
    const inner = findInnerWait(exec, sourceCode, settings, depth);
    return inner ? { ...inner, call: n, argument: undefined } : undefined;
  }
  if (n.type !== T.CallExpression) return undefined;
  const name = calleeName(n);
  const arg0 = n.arguments[0] && n.arguments[0].type !== T.SpreadElement ? n.arguments[0] : undefined;
  // `import { setTimeout as sleep } from 'node:timers/promises'`
  const origin = originOf(sourceCode, n.callee);
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
  // Same-file function whose body is a wait (returns one, or is little more than awaiting one).
  const fn = sameFileFunction(n.callee, { sourceCode });
  if (fn) {
    if (!isWaitHelperShape(fn, n, sourceCode)) return undefined;
    const inner = findInnerWait(fn, sourceCode, settings, depth + 1);
    if (!inner) return undefined;
    const bindings = [...inner.bindings];
    let argument: TSESTree.Expression | undefined;
    fn.params.forEach((p, i) => {
      const id = p.type === T.AssignmentPattern ? p.left : p;
      const a = n.arguments[i];
      if (id.type === T.Identifier && a && a.type !== T.SpreadElement) {
        bindings.push({ param: id, arg: a });
        const d = inner.delayExpr && unwrap(inner.delayExpr);
        if (d && d.type === T.Identifier && d.name === id.name) argument = a;
      }
    });
    return { call: n, delayExpr: inner.delayExpr, bindings, argument, opaque: inner.opaque };
  }
  if (!name) return undefined;
  if (settings.sleepFunctions.includes(name) || WAIT_NAME_RE.test(name)) {
    if (/^timeout$/i.test(name) && n.arguments.length !== 1) return undefined;
    if (origin && !TIMER_MODULES.includes(origin.module) && isNotAWaitModule(origin.module)) return undefined;
    return { call: n, delayExpr: arg0, bindings: [], argument: arg0, opaque: arg0 === undefined };
  }
  if (OPAQUE_WAIT_RE.test(name)) return { call: n, delayExpr: undefined, bindings: [], argument: undefined, opaque: true };
  return undefined;
}

/**
 * A helper that is a wait: an expression body or at most three statements, or a larger helper that
 * decides and then waits (p-retry's `onAttemptFailure`) — one with no loop, not enclosing the call.
 */
function isWaitHelperShape(fn: TSESTree.FunctionLike, call: Node, sourceCode: TSESLint.SourceCode): boolean {
  if (!fn.body) return false;
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

/** Packages whose `delay`/`timeout` exports are not plain waits (rxjs operators, promise timeouts). */
function isNotAWaitModule(module: string): boolean {
  return module === 'rxjs' || module === 'rxjs/operators' || module === 'p-timeout' || module.startsWith('@reduxjs');
}

/** The wait inside a function body (`setTimeout(resolve, ms)` in an executor, or a nested helper call). */
function findInnerWait(fn: Node, sourceCode: TSESLint.SourceCode, settings: RetrySettings, depth: number): WaitCall | undefined {
  let found: WaitCall | undefined;
  walk(fn, sourceCode.visitorKeys, (n) => {
    if (found) return false;
    if (n.type === T.CallExpression && isGlobalTimer(sourceCode, n) && !isTimeoutTimer(n, sourceCode)) {
      const ms = n.arguments[1];
      found = { call: n, delayExpr: ms && ms.type !== T.SpreadElement ? ms : undefined, bindings: [], argument: undefined, opaque: false };
      if (!ms) found.delayExpr = { type: T.Literal, value: 0, raw: '0', range: n.range, loc: n.loc } as unknown as Node;
      return false;
    }
    if ((n.type === T.CallExpression || n.type === T.NewExpression) && n !== fn) {
      const inner = asWait(n, sourceCode, settings, depth + 1);
      if (inner) {
        found = inner;
        return false;
      }
    }
    return undefined;
  });
  return found;
}

/**
 * Whether a wait's promise is waited for: awaited, yielded, returned, or chained with `.then`
 * into something that is. A wait promise created and dropped is no wait.
 */
export function isAwaited(call: Node, sourceCode?: TSESLint.SourceCode): boolean {
  let n: Node = call;
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
        // `Promise.all([sleep(ms), …])`, `Promise.race`: awaited when the outer call is.
        if (p.arguments.includes(n as TSESTree.CallExpressionArgument)) {
          const c = unwrap(p.callee);
          if (c.type === T.MemberExpression && unwrap(c.object).type === T.Identifier && (unwrap(c.object) as TSESTree.Identifier).name === 'Promise') {
            n = p;
            continue;
          }
        }
        return false;
      case T.ArrayExpression:
        n = p;
        continue;
      case T.VariableDeclarator: {
        // `const pause = sleep(ms); …; await pause;`
        if (p.init !== n || p.id.type !== T.Identifier || !sourceCode) return false;
        const v = variableOf(sourceCode, p.id);
        return !!v && v.references.some((r) => r.identifier.parent?.type === T.AwaitExpression);
      }
      default:
        return false;
    }
  }
  return false;
}

/** Evaluates a wait's delay into the facts the rules read. */
export function waitOf(w: WaitCall, sourceCode: TSESLint.SourceCode, attempts: AttemptVar[], iterations?: number, attemptMember?: Env['attemptMember']): Wait {
  const env: Env = makeEnv(sourceCode, attempts, iterations);
  if (attemptMember) env.attemptMember = attemptMember;
  let value: Value;
  if (w.opaque || !w.delayExpr) {
    value = evaluate(undefined, env);
  } else {
    for (const b of w.bindings) {
      const v = variableOf(sourceCode, b.param);
      if (!v) continue;
      const value = evaluate(b.arg, env);
      env.params.set(v, value);
    }
    value = evaluate(w.delayExpr, env);
  }
  const at = w.argument ?? (w.call.type === T.CallExpression && w.call.arguments.length === 0 ? undefined : undefined);
  return { node: w.call, argument: at, delay: toDelayFacts(value, w.argument ?? w.call) };
}
