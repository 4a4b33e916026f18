import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { T } from './node-types';
import { calleeName, isFunction, eventName, isRejectionHandlerSlot, propertyName, stringValue, unwrap, walk } from './ast';
import { sameFileFunction } from './delay';
import { fileMemo } from './memo';
import { originOf, variableOf } from './scope';
import type { Node } from './types';
import { COLLECTION_MODULE_RE, ERROR_NAME, FAILURE_CALLBACK_RE, FAILURE_EVENTS, isFailureEvent } from './vocabulary';

type Variable = TSESLint.Scope.Variable;

/**
 * Which values are a failure's error, known by where they come from, not by what they are called:
 * a `catch` parameter; the first parameter of a failure handler (`.catch(h)`, `.then(ok, h)`,
 * `on('error', h)`); the first parameter of a Node-style callback (the error-first convention is a
 * POSITION: the callback handed last to an operation); the parameter of a same-file function every
 * caller hands an error; a variable the code writes an error into. A name (`err`, `error`) is
 * consulted only for a value whose origin the analysis cannot see (an undeclared global).
 */

/**
 * Methods whose callbacks are not error-first: promise continuations (a `then`'s first callback
 * receives the value), array and string iteration, timers, stream and observable plumbing, and
 * event registration (whose listener receives the event's payload; see {@link listenerOfFailure}).
 */
const VALUE_CALLBACK_METHODS: ReadonlySet<string> = new Set([
  'then', 'finally', 'map', 'filter', 'forEach', 'reduce', 'reduceRight', 'some', 'every', 'find', 'findIndex', 'findLast', 'findLastIndex', 'flatMap', 'sort', 'toSorted',
  'replace', 'replaceAll', 'from', 'subscribe', 'pipe', 'tap', 'setTimeout', 'setInterval', 'setImmediate', 'queueMicrotask', 'nextTick', 'requestAnimationFrame', 'requestIdleCallback',
  'on', 'once', 'addListener', 'addEventListener', 'prependListener', 'prependOnceListener', 'off', 'removeListener', 'removeEventListener', 'emit',
  'use', 'get', 'post', 'put', 'patch', 'delete', 'all', 'listen', 'describe', 'it', 'test', 'beforeEach', 'afterEach', 'beforeAll', 'afterAll',
]);

/** Global functions whose callbacks receive no error first. */
const VALUE_CALLBACK_GLOBALS: ReadonlySet<string> = new Set(['setTimeout', 'setInterval', 'setImmediate', 'queueMicrotask', 'requestAnimationFrame', 'requestIdleCallback']);

const memo = fileMemo<Variable, boolean>();

/**
 * Whether the identifier holds a failure's error value (see the module comment). Used where a
 * test `if (err)` / `if (err != null)` / `err.config` must mean "the attempt failed".
 */
export function holdsError(id: TSESTree.Identifier, sourceCode: TSESLint.SourceCode): boolean {
  const v = variableOf(sourceCode, id);
  // An undeclared global: its origin is out of sight, the name is all there is.
  if (!v || v.defs.length === 0) return ERROR_NAME.test(id.name);
  return variableHoldsError(v, sourceCode, 0);
}

function variableHoldsError(v: Variable, sourceCode: TSESLint.SourceCode, depth: number): boolean {
  const hit = memo.get(v);
  if (hit !== undefined) return hit;
  memo.set(v, false); // a cycle (a parameter handed back to its own function) proves nothing
  const out = computeHoldsError(v, sourceCode, depth);
  memo.set(v, out);
  return out;
}

function computeHoldsError(v: Variable, sourceCode: TSESLint.SourceCode, depth: number): boolean {
  const def = v.defs[0];
  if (!def) return false;
  if (def.type === 'CatchClause') return true;
  if (def.type === 'Parameter') {
    const fn = def.node as Node;
    if (!isFunction(fn) || fn.params[0] !== def.name) return false;
    return firstParamIsError(fn, sourceCode, depth);
  }
  if (def.type === 'Variable') {
    // `lastErr = e` in a catch, `let failure = err` from a callback's error: written from an error.
    const init = (def.node as TSESTree.VariableDeclarator).init;
    if (init && isErrorExpression(init, sourceCode, depth)) return true;
    return v.references.some((r) => {
      if (!r.isWrite() || r.identifier === def.name) return false;
      const w = r.writeExpr as Node | undefined;
      if (w && isErrorExpression(w, sourceCode, depth)) return true;
      // `lastError = wrap(e)` in a catch: a value made from the caught error.
      for (let p: Node | undefined = r.identifier.parent; p && !isFunction(p); p = p.parent) {
        if (p.type === T.CatchClause) return !!w && !!p.param && p.param.type === T.Identifier && readsName(w, p.param.name, sourceCode);
      }
      return false;
    });
  }
  return false;
}

function readsName(e: Node, name: string, sourceCode: TSESLint.SourceCode): boolean {
  let found = false;
  walk(e, sourceCode.visitorKeys, (m) => {
    if (m.type === T.Identifier && m.name === name) found = true;
    return found ? false : undefined;
  });
  return found;
}

/**
 * Whether the expression makes a new error object on the spot (`new Error('no items')`, `new
 * TimeoutError()`): code that writes one says itself that the path it is on is a failure.
 */
export function makesError(e: Node): boolean {
  const u = unwrap(e);
  return u.type === T.NewExpression && unwrap(u.callee).type === T.Identifier && /Error$/.test((unwrap(u.callee) as TSESTree.Identifier).name);
}

/** An expression whose value is an error value: a reference to one, `new XError(…)`. */
function isErrorExpression(e: Node, sourceCode: TSESLint.SourceCode, depth: number): boolean {
  const u = unwrap(e);
  if (u.type === T.Identifier) {
    const v = variableOf(sourceCode, u);
    return !!v && v.defs.length > 0 && depth < 4 && variableHoldsError(v, sourceCode, depth + 1);
  }
  return makesError(u);
}

/**
 * Whether a function's first parameter receives an error: the function (or a reference to it) is
 * handed to a failure hook or as a Node-style callback, or every same-file call of it passes an
 * error first.
 */
function firstParamIsError(fn: TSESTree.FunctionLike, sourceCode: TSESLint.SourceCode, depth: number): boolean {
  const uses: Node[] = [fn];
  // A named function or a `const f = (…) => …`: the places it is referenced; `exports.f = (…) => …`
  // / `obj.f = …`: the places the same member is read.
  let variable: Variable | undefined;
  if (fn.type === T.FunctionDeclaration && fn.id) variable = variableOf(sourceCode, fn.id);
  else if (fn.parent?.type === T.VariableDeclarator && fn.parent.init === fn && fn.parent.id.type === T.Identifier) variable = variableOf(sourceCode, fn.parent.id);
  if (variable) for (const r of variable.references) if (r.identifier !== (fn as TSESTree.FunctionDeclaration).id) uses.push(r.identifier as Node);
  let calledDirectly: TSESTree.CallExpression[] = [];
  if (fn.parent?.type === T.AssignmentExpression && fn.parent.right === fn && fn.parent.left.type === T.MemberExpression) {
    const left = fn.parent.left;
    const text = sourceCode.getText(left);
    walk(sourceCode.ast as Node, sourceCode.visitorKeys, (n) => {
      if (n.type === T.MemberExpression && n !== left && sourceCode.getText(n) === text) {
        if (n.parent?.type === T.CallExpression && n.parent.callee === n) calledDirectly.push(n.parent);
        else uses.push(n);
      }
      return undefined;
    });
  }
  // `client.connect({ done(err, session) {…} })`, `{ onError: (e) => … }`: a callback option of an
  // operation out of sight. The option's key is the library's API: one for failures hands the
  // error; a completion callback taking more than one value follows Node's convention (error first).
  const prop = fn.parent;
  if (prop?.type === T.Property && prop.value === fn && prop.parent?.type === T.ObjectExpression) {
    const call = prop.parent.parent;
    if (call?.type === T.CallExpression && call.arguments.includes(prop.parent) && !sameFileCallee(unwrap(call.callee), sourceCode)) {
      const key = propertyName(prop) ?? '';
      if (FAILURE_CALLBACK_RE.test(key)) return true;
      if (fn.params.length >= 2 && !/^(success|ok|then|map|transform|on[A-Z]?\w*)$/.test(key)) return true;
    }
  }
  for (const u of uses) {
    const host = u.parent;
    if (host?.type === T.CallExpression && host.callee === u) { calledDirectly.push(host); continue; }
    if (host?.type === T.CallExpression && host.arguments.includes(u as TSESTree.CallExpressionArgument)) {
      if (receivesErrorFirst(host, host.arguments.indexOf(u as TSESTree.CallExpressionArgument), fn, sourceCode)) return true;
    }
    // `socket.onerror = h`, `ws.onclose = h`: an assigned failure handler.
    if (host?.type === T.AssignmentExpression && host.right === u && host.left.type === T.MemberExpression) {
      const prop = propertyName(host.left) ?? '';
      if (/^on/.test(prop) && FAILURE_EVENTS.has(prop.slice(2).toLowerCase())) return true;
    }
  }
  if (variable) calledDirectly = calledDirectly.concat(variable.references.map((r) => r.identifier.parent as Node).filter((p): p is TSESTree.CallExpression => p?.type === T.CallExpression && variable!.references.some((r) => r.identifier === p.callee)));
  // A function only this file calls: its first parameter is an error when every call passes one.
  const calls = [...new Set(calledDirectly)];
  return calls.length > 0 && depth < 4 && calls.every((c) => c.arguments[0] !== undefined && isErrorExpression(c.arguments[0], sourceCode, depth + 1));
}

/** Whether `call` hands its argument at `index` (the function `fn`) an error first. */
function receivesErrorFirst(call: TSESTree.CallExpression, index: number, fn: TSESTree.FunctionLike, sourceCode: TSESLint.SourceCode): boolean {
  const callee = unwrap(call.callee);
  const name = calleeName(call);
  const member = callee.type === T.MemberExpression;
  // Promise failure handlers.
  if (member && isRejectionHandlerSlot(call, index)) return true;
  // Event listeners: the payload of a failure event is the error (or the close's reason).
  const registration = member && (name === 'on' || name === 'once' || name === 'addListener' || name === 'addEventListener' || name === 'prependListener' || name === 'prependOnceListener');
  if (registration) return index === 1 && listenerOfFailure(call);
  if (member && name && VALUE_CALLBACK_METHODS.has(name)) return false;
  if (!member && callee.type === T.Identifier && VALUE_CALLBACK_GLOBALS.has(callee.name) && !variableOf(sourceCode, callee)?.defs.length) return false;
  if (call.parent?.type === T.NewExpression) return false;
  // `map(list, (node) => …)` from lodash, `_.each(items, …)`: a collection utility's callback gets values.
  const from = originOf(sourceCode, callee);
  if (from && COLLECTION_MODULE_RE.test(from.module)) return false;
  // A same-file callee: read what it hands its callback parameter.
  const target = sameFileCallee(callee, sourceCode);
  if (target) return handsErrorTo(target, index, sourceCode);
  // An operation out of sight: Node's convention hands the callback, its last argument, the error first.
  return index === call.arguments.length - 1 && fn.params.length > 0;
}

/** Node's and the DOM's listener registrations (the event name first, the listener second). */
export const LISTEN_NAMES: ReadonlySet<string> = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener', 'addEventListener']);

/**
 * A handler registered for a failure or a lost connection, in any of the forms emitters take:
 * `emitter.on('close', h)` (and `once`, `addEventListener`, …), a registration method named for the
 * event (`hub.onclose(h)`, `link.onDisconnect(h)`, `byMethod`), or an assignment (`ws.onclose = h`,
 * `source.onerror = () => …`). The emitter and the handler as written (the handler may be a name).
 */
export function failureRegistration(n: Node): { emitter: Node; handler: Node; byMethod: boolean } | undefined {
  if (n.type === T.AssignmentExpression) {
    if (n.left.type !== T.MemberExpression) return undefined;
    const prop = propertyName(n.left) ?? '';
    if (!/^on./i.test(prop) || !isFailureEvent(prop.slice(2).replace(/^_/, '').toLowerCase())) return undefined;
    return { emitter: unwrap(n.left.object), handler: n.right, byMethod: false };
  }
  if (n.type !== T.CallExpression) return undefined;
  const name = calleeName(n);
  const named = name !== undefined && /^on[A-Z_]?/.test(name) && name.length > 2 ? name.slice(2).replace(/^_/, '').toLowerCase() : undefined;
  const byMethod = named !== undefined && (FAILURE_EVENTS.has(named) || /^disconnect(ed)?$/.test(named));
  if (!LISTEN_NAMES.has(name ?? '') && !byMethod) return undefined;
  if (!byMethod && !isFailureEvent(eventName(n.arguments[0]) ?? '')) return undefined;
  const handler = n.arguments[byMethod ? 0 : 1];
  const callee = unwrap(n.callee);
  if (!handler || handler.type === T.SpreadElement || callee.type !== T.MemberExpression) return undefined;
  return { emitter: unwrap(callee.object), handler, byMethod };
}

/** `on('error', h)`, `once('close', h)`: a registration for a failure event. */
function listenerOfFailure(call: TSESTree.CallExpression): boolean {
  return FAILURE_EVENTS.has(eventName(call.arguments[0]) ?? '');
}

/**
 * A function declared in this file that `callee` names (delay.ts' resolver): a plain name, or a
 * method of this file's classes or objects called through `this` (`this._getNextChunk(cb)`).
 */
function sameFileCallee(callee: Node, sourceCode: TSESLint.SourceCode): TSESTree.FunctionLike | undefined {
  if (callee.type === T.Identifier) return sameFileFunction(callee, { sourceCode });
  return callee.type === T.MemberExpression && unwrap(callee.object).type === T.ThisExpression ? sameFileFunction(callee, { sourceCode }) : undefined;
}

/**
 * Whether the same-file function hands its parameter at `index` an error first: some call of that
 * parameter passes `null` first with more after it (`done(null, sock)`), or an error value.
 */
function handsErrorTo(target: TSESTree.FunctionLike, index: number, sourceCode: TSESLint.SourceCode): boolean {
  const param = target.params[index];
  if (param?.type !== T.Identifier) return false;
  const v = variableOf(sourceCode, param);
  if (!v) return false;
  let errorFirst = false;
  for (const r of v.references) {
    const call = r.identifier.parent;
    if (call?.type !== T.CallExpression || call.callee !== r.identifier) continue;
    const first = call.arguments[0] && unwrap(call.arguments[0]);
    if (!first) continue;
    if ((first.type === T.Literal && first.value === null && call.arguments.length > 1) || isErrorExpression(first, sourceCode, 1)) errorFirst = true;
  }
  return errorFirst;
}

/**
 * Whether an argument of the call is, or is made from, a failure's error value
 * (`request._beforeError(error)`, `report(normalize(err))`): the error handed on to be dealt with.
 */
export function handsOnError(call: TSESTree.CallExpression, sourceCode: TSESLint.SourceCode): boolean {
  let found = false;
  for (const a of call.arguments) {
    walk(a, sourceCode.visitorKeys, (m) => {
      if (found || isFunction(m)) return false;
      if (m.type === T.Identifier && holdsError(m, sourceCode)) found = true;
      return undefined;
    });
  }
  return found;
}
