import { importedName, isProbeFunction, waitsOnPendingAnswer } from './probe';
import { advancesIterator, drawsInputAtRandom, selectsOperand, feedsOnlyWaits, inputWrites, isWorkingCall, onlyBookkeeping, operationTakes, readsFromPerson, readsFromPersonBefore, readsVariable } from './input-change';
import { goesOnOnlyOnConflict } from './conflict';
import { fileMemo } from './memo';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { T } from './node-types';
import { callsWithin, fileIndex, memberAssignmentsWithin } from './file-index';
import { guarded } from './guard';
import { calleeName, chainRoot, contains, enclosingFunction, eventName, findAll, invokedThrough, isDeterministicCall, isFunction, isLogCallee, isRejectionHandlerSlot, isReportingCall, logicalTerms, neededFlags, memberKey, propertyName, statementInList, stringValue, unwrap, walk } from './ast';
import { argumentsPassed, carriesRandomness, commonJsExport, commonJsExportName, evaluate, instanceMethod, makeEnv, overwrittenMember, relayedCounter, returnedExpressions, sameFileFunction, toDelayFacts, type AttemptVar, type RetryRegion } from './delay';
import { asksUnseenPredicate, dominatingTests, evalTest, failuresIn, isFalsyConstant, onFailurePathOnly, predicateCompares, reachesCall, reentryBlocked, SUCCESS, testsMissing, type Outcome } from './flow';
import { alwaysExits, analyzeOperation, hasDeadline, statusesOnWayTo, statusesTested, walkRegion, type Ctx, type RetryCatch } from './operation';
import { describeHugeLimit, isEffectivelyUnbounded } from './limits';
import { bindingOf, constInit, constantNumber, stepTarget, thisAliasDeclarator, constantValue, fieldOf, fieldStart, holdsImport, isHeldPromise, isReferenceTo, normalPath, originOf, settlesEnclosingPromise, variableOf } from './scope';
import type { AttemptBound, Node, RetrySite, Wait } from './types';
import { BOOKKEEPING_NAME_RE, CLEAN_END_EVENTS, FAILURE_CALLBACK_RE, FAILURE_EVENTS, FAILURE_STATE_RE, isFailureEvent, LOST_CONNECTION_STATE_RE, SESSION_MAKER_RE, UNREGISTER_METHODS, USER_EVENTS } from './vocabulary';
import { isCredentialRefresh, renewsBefore } from './credentials';
import { asWait, chainedBefore, isAwaited, isGlobalInterval, isGlobalTimer as isOneShotTimer, isOperationCall, retryHandedToUnknown, timerOfNamed, waitOf, waitOf as waitOfCall, type WaitCall } from './waits';
import { holdsError, LISTEN_NAMES, makesError } from './error-values';
import { changesEachTime, effectReruns, memoisedDeclarator, setterStep, type EffectRerun } from './react-state';
import { correctsInCatch, predicateReturns } from './loops';
import { sameFileCallers } from './http';

type Fn = TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression;
type Variable = TSESLint.Scope.Variable;

const HANDLER_PROPS = /^on(close|error|disconnect|end|timeout)$/i;
/** Calls that close a connection or stream on purpose. */
const CLOSE_CALL_RE = /^(destroy|end|close|disconnect|terminate)$/;

/**
 * A timer that runs a function later: `setTimeout`, or a `setInterval` (each of its ticks runs the
 * function again after the same wait, until something clears it).
 */
function isGlobalTimer(sourceCode: TSESLint.SourceCode, call: TSESTree.CallExpression): boolean {
  return isOneShotTimer(sourceCode, call) || isGlobalInterval(sourceCode, call);
}

/**
 * Whether a test holds when a reported state names a failure: an `===`/`==` comparison with a
 * string naming an error, a failure or a time-out ({@link FAILURE_STATE_RE}) or a lost connection
 * ({@link LOST_CONNECTION_STATE_RE}), not under `!`.
 */
function namesFailureState(test: Node): boolean {
  const t = unwrap(test);
  if (t.type === T.LogicalExpression) return namesFailureState(t.left) || (t.operator === '||' && namesFailureState(t.right)) || (t.operator === '&&' && namesFailureState(t.right));
  if (t.type !== T.BinaryExpression || (t.operator !== '===' && t.operator !== '==')) return false;
  return [t.left, t.right].some((x) => {
    const u = unwrap(x as Node);
    return u.type === T.Literal && typeof u.value === 'string' && (FAILURE_STATE_RE.test(u.value) || LOST_CONNECTION_STATE_RE.test(u.value));
  });
}

/** Why a self-call is a retry: where the failure is handled. */
interface FailureContext {
  kind: 'catch' | 'promise-catch' | 'event' | 'status';
  /** The catch clause / callback, when the failure is an exception. */
  handler: RetryCatch | undefined;
  /** The node whose subtree is the failure path (catch body, callback, if-consequent). */
  path: Node;
  /** `setTimeout(() => self(), ms)` around the call. */
  timer: TSESTree.CallExpression | undefined;
  /** For a same-file scheduler (`schedule(self, ms)`): its timer's delay and the scheduler's parameters bound to the call's arguments. */
  scheduled?: { delay: Node; bindings: { param: TSESTree.Identifier; arg: Node }[] };
  /** A 401/refresh-then-replay rather than a retry of a transient failure. */
  replay: boolean;
  /** Found by the failure-path reachability (after early exits), not by nesting. */
  flow?: boolean;
  /** For `flow`: the statuses after which the call runs again, when a thrown error does not and some statuses do not either. */
  retried?: number[];
}

/**
 * A failure handler chained on a promise held from before the function (`pending.then(ok).catch(() =>
 * setTimeout(() => attempt(left - 1), gap))`, `pending` handed in): each run chains on the same
 * settled promise again; nothing is sent again, so the re-run retries nothing (ANALYSIS-GAPS R1).
 */
function rereadsHeldPromise(fc: FailureContext, fn: Fn, ctx: Ctx): boolean {
  if (fc.kind !== 'promise-catch' || !fc.handler) return false;
  const link: Node | undefined = fc.handler.node.parent;
  if (link?.type !== T.CallExpression) return false;
  let base: Node = link;
  while (base.type === T.CallExpression) {
    const c: Node = unwrap((base).callee);
    if (c.type !== T.MemberExpression || !/^(then|catch|finally)$/.test(propertyName(c) ?? '')) return false;
    base = unwrap(c.object);
  }
  return isHeldPromise(base, fn, ctx.sourceCode);
}

/**
 * Whether a call sits under a test, inside `fn`, of what a callback nested in `fn` was handed
 * (`checkInternet((online) => { if (!online) setTimeout(self, 2000) })`): the callback's answer
 * decides the re-run.
 */
function underCallbackAnswerTest(call: Node, fn: Fn, ctx: Ctx): boolean {
  for (let c: Node = call, p: Node | undefined = call.parent; p && p !== fn; c = p, p = p.parent) {
    if (p.type !== T.IfStatement || c === p.test) continue;
    let reads = false;
    walk(p.test, ctx.sourceCode.visitorKeys, (n) => {
      if (reads || isFunction(n)) return false;
      if (n.type !== T.Identifier) return undefined;
      const def = variableOf(ctx.sourceCode, n)?.defs[0];
      if (def?.type === 'Parameter' && def.node !== fn && contains(fn, def.node)) reads = true;
      return undefined;
    });
    if (reads) return true;
  }
  return false;
}

/** For a call back made from a catch: the statuses the `if`s on the way let through (see {@link statusesOnWayTo}). */
function statusesInCatch(fc: FailureContext, call: Node, ctx: Ctx): number[] | undefined {
  if (fc.kind !== 'catch' && fc.kind !== 'status') return undefined;
  let clause: TSESTree.CatchClause | undefined;
  for (let p = call.parent; p && !isFunction(p); p = p.parent) if (p.type === T.CatchClause) { clause = p; break; }
  const errVar = clause?.param?.type === T.Identifier ? variableOf(ctx.sourceCode, clause.param) : undefined;
  return clause && errVar ? statusesOnWayTo(call, clause.body, errVar, ctx.sourceCode) : undefined;
}

/**
 * Finds retries written as recursion: a function that calls itself again after a failure
 * (in a catch clause, a `.catch`/`.then(_, onRejected)` callback, a close/error handler, a
 * failed-status branch), directly or through `setTimeout`, promise chains and `new Promise`
 * executors.
 */
export function analyzeRecursion(ctx: Ctx): RetrySite[] {
  const sites: RetrySite[] = [];
  for (const n of fileIndex(ctx.sourceCode).functions) {
    if (mayBeCalledAgain(n, ctx)) sites.push(...(guarded(n, () => analyzeFunction(n, ctx)) ?? []));
  }
  return sites;
}

/** What a function is called by: its variable, or its method name (and the object holding the method). */
interface SelfName {
  variable: Variable | undefined;
  methodName: string | undefined;
  /** `client` for a method of `const client = { … }`. */
  ownerText: string | undefined;
  /** For an effect callback: the state setters whose calls run it again (`react-state.ts`). */
  reruns: EffectRerun[];
}

const selfNames = fileMemo<Fn, SelfName>();

/** The name a call to `fn` uses (see {@link selfCalls}), memoised per function (every relay search asks again). */
function selfName(fn: Fn, ctx: Ctx): SelfName {
  let hit = selfNames.get(fn);
  if (!hit) {
    hit = findSelfName(fn, ctx);
    selfNames.set(fn, hit);
  }
  return hit;
}

function findSelfName(fn: Fn, ctx: Ctx): SelfName {
  let variable: Variable | undefined;
  let methodName: string | undefined;
  if (fn.type === T.FunctionDeclaration && fn.id) variable = variableOf(ctx.sourceCode, fn.id);
  else if (fn.type === T.FunctionExpression && fn.id) variable = variableOf(ctx.sourceCode, fn.id);
  let ownerText: string | undefined;
  if (!variable) {
    const p = fn.parent;
    const memo = memoisedDeclarator(fn, ctx.sourceCode);
    if (p?.type === T.VariableDeclarator && p.init === fn && p.id.type === T.Identifier) variable = variableOf(ctx.sourceCode, p.id);
    // `const connect = useCallback(() => { … setTimeout(connect, ms) }, deps)`.
    else if (memo) variable = variableOf(ctx.sourceCode, memo.id as TSESTree.Identifier);
    // A field the constructor or a method may give another function (`this.onLost = hooks.onLost`) is not this function's name.
    else if (p?.type === T.MethodDefinition || (p?.type === T.PropertyDefinition && (p.static || !overwrittenMember(p.parent, propertyName(p) ?? '', fn, ctx.sourceCode)))) methodName = memberKey(p);
    else if (p?.type === T.AssignmentExpression && p.left.type === T.Identifier) variable = variableOf(ctx.sourceCode, p.left);
    else if (p?.type === T.AssignmentExpression && p.operator === '=' && p.left.type === T.MemberExpression && !p.left.computed) {
      // `exports.open = (err) => { … setTimeout(exports.open, ms) }`, `db.link = async () => { … db.link() }`:
      // the function is known by the property it was stored in, read back through the same object.
      methodName = propertyName(p.left);
      ownerText = ctx.sourceCode.getText(unwrap(p.left.object));
    } else if (p?.type === T.Property && p.value === fn) {
      // `const client = { async get(u) { … return client.get(u) } }`
      methodName = propertyName(p);
      const obj = p.parent;
      if (obj?.type === T.ObjectExpression && obj.parent?.type === T.VariableDeclarator && obj.parent.id.type === T.Identifier) ownerText = obj.parent.id.name;
    }
  }
  // `Client.prototype.connect = function connect() {…}`: a named function stored in a member is known
  // by that member too (`this.connect()` from another prototype method), not only by its own name.
  const holder = fn.parent;
  if (variable && methodName === undefined && fn.type === T.FunctionExpression && holder?.type === T.AssignmentExpression && holder.operator === '=' && holder.right === fn && holder.left.type === T.MemberExpression && !holder.left.computed) {
    methodName = propertyName(holder.left);
    ownerText = ctx.sourceCode.getText(unwrap(holder.left.object));
  }
  // A function the module exports (`module.exports = { open }`, `module.exports.listen = function listen() {…}`)
  // is known by its export too: `module.exports.open()`, `exports.listen()`.
  const exported = methodName === undefined ? commonJsExportName(fn, ctx.sourceCode) : undefined;
  if (exported !== undefined) {
    methodName = exported;
    ownerText = 'module.exports';
  }
  return { variable, methodName, ownerText, reruns: variable || methodName ? [] : effectReruns(fn, ctx.sourceCode) };
}

/**
 * The cheap first pass of the recursion analysis: whether anything in the file can call `fn` again.
 * A re-run, direct or through a relay, is a call (or a hand-over) of `fn` by its name
 * ({@link selfCalls}), or a callable made by a factory `fn` was handed to ({@link relayCalls}). So
 * a function whose variable is never read, whose method name no call reaches (the file index's
 * `memberNamesAtCalls`), which is bound to no read variable, and which is no call's argument but a
 * factory's whose result a variable holds, has no re-run: the deep analysis (relays, failure paths,
 * bounds) is skipped. The answer is exact for
 * that question, never a guess: a function it keeps may still have no site.
 */
function mayBeCalledAgain(fn: Fn, ctx: Ctx): boolean {
  const readVariable = (v: Variable | undefined): boolean => !v || v.references.some((r) => r.isRead());
  const memberNames = fileIndex(ctx.sourceCode).memberNamesAtCalls;
  const { variable, methodName, reruns } = selfName(fn, ctx);
  if (variable && readVariable(variable)) return true;
  if (reruns.some((r) => r.setter.references.some((ref) => ref.isRead()))) return true;
  if (methodName !== undefined && memberNames.has(methodName)) return true;
  // Stored in a slot the code calls through (`this.redial = this.dial.bind(this)`, `ref.current = open`).
  if (heldSlotNames(fn, ctx).size > 0) return true;
  // Where a same-file function reference resolves to `fn` (`sameFileFunction`): `fn` written as an
  // argument, the value of a variable or default, or a method or property, under type wrappers.
  let child: Node = fn;
  let p: Node | undefined = fn.parent;
  while (p && (p.type === T.TSAsExpression || p.type === T.TSSatisfiesExpression || p.type === T.TSNonNullExpression || p.type === T.TSTypeAssertion || p.type === T.TSInstantiationExpression || p.type === T.ChainExpression)) {
    child = p;
    p = p.parent;
  }
  if (!p) return false;
  switch (p.type) {
    case T.CallExpression:
      // A function handed to a call and named by nothing (neither variable nor method, above) is
      // found again only as a factory's argument whose callable a variable holds (`const later =
      // debounce(() => { … later() … }, ms)`: `relayCalls` takes the variable's initialiser as the
      // factory call). Any other callback (`items.map((x) => …)`, `.then((r) => …)`, `new Promise(…)`)
      // has no call of itself for the analysis to find.
      return p.arguments.includes(child as TSESTree.CallExpressionArgument) && initialisesVariable(p);
    case T.NewExpression:
      return false;
    case T.VariableDeclarator:
      return p.init === child && (p.id.type !== T.Identifier || readVariable(variableOf(ctx.sourceCode, p.id)));
    case T.AssignmentExpression:
      return p.right === child && (p.left.type !== T.Identifier || readVariable(variableOf(ctx.sourceCode, p.left)));
    case T.AssignmentPattern:
      return p.right === child;
    case T.Property:
    case T.MethodDefinition:
    case T.PropertyDefinition: {
      const name = propertyName(p);
      return name === undefined || memberNames.has(name);
    }
    default:
      return false;
  }
}

/** Whether `call`, under type wrappers (as `unwrap` strips them), is the initialiser of a variable declarator. */
function initialisesVariable(call: TSESTree.CallExpression): boolean {
  let child: Node = call;
  let p: Node | undefined = call.parent;
  while (p && (p.type === T.TSAsExpression || p.type === T.TSSatisfiesExpression || p.type === T.TSNonNullExpression || p.type === T.TSTypeAssertion || p.type === T.TSInstantiationExpression || p.type === T.ChainExpression)) {
    child = p;
    p = p.parent;
  }
  return p?.type === T.VariableDeclarator && p.init === child;
}

/**
 * Whether two owner texts name the same object: equal, or both a CommonJS module's exports
 * (`exports` is `module.exports` unless reassigned, Node's module wrapper).
 */
function sameOwner(a: string, b: string): boolean {
  const exportsObject = (t: string): boolean => t === 'exports' || t === 'module.exports';
  return a === b || (exportsObject(a) && exportsObject(b));
}

/** Calls inside `fn` that call `fn` itself. */
function selfCalls(fn: Fn, ctx: Ctx, within: Node = fn.body): TSESTree.CallExpression[] {
  const out: TSESTree.CallExpression[] = [];
  const { variable, methodName, ownerText, reruns } = selfName(fn, ctx);
  // An effect callback runs again through a state setter listed in its dependencies, when the
  // setter changes the state each time it is called.
  if (reruns.length > 0) return callsIn(within, ctx).filter((n) => reruns.some((r) => isReferenceTo(r.setter, unwrap(n.callee)) && changesEachTime(n, r, ctx.sourceCode)));
  // A relay given `fn` as an argument calls it through its parameter (`reconnect(connect, sse)`,
  // `const reconnect = async (connect, sse) => { …; return connect(sse); }`).
  const handedIn = within !== fn.body ? paramsBoundTo(fn, within, ctx) : [];
  // Slots that hold `fn` (`openRef.current = open`, `this.onDrop = this.reconnect.bind(this)`): a call
  // through one is a call of `fn` when every write to it stores `fn` (delay.ts heldFunction).
  const slots = heldSlotNames(fn, ctx);
  if (!variable && !methodName && handedIn.length === 0 && slots.size === 0) return out;
  // A call of `fn` by its variable is one of the variable's references: none inside `within`, no self-call there.
  if (variable && !methodName && handedIn.length === 0 && slots.size === 0 && !variable.references.some((r) => contains(within, r.identifier as Node))) return out;
  // `connect.bind(this)`: the function bound (a plain `bind(fn, ctx)` call, lodash's, is not this).
  const boundSelf = (a: Node): boolean => {
    const u = unwrap(a);
    if (u.type !== T.CallExpression || calleeName(u) !== 'bind') return false;
    const callee = unwrap(u.callee);
    return callee.type === T.MemberExpression && isSelf(callee.object);
  };
  const isSelf = (x: Node): boolean => {
    const c = unwrap(x);
    if (variable && c.type === T.Identifier && isReferenceTo(variable, c)) return true;
    // `module.exports.open(…)` in `function open` that the module exports.
    if (c.type === T.MemberExpression && commonJsExport(c, ctx.sourceCode) === fn) return true;
    if (c.type === T.MemberExpression && memberKey(c) !== methodName && callsThroughSlot(c, fn, ctx)) return true;
    if (!methodName || c.type !== T.MemberExpression || memberKey(c) !== methodName) return false;
    const o = unwrap(c.object);
    return o.type === T.ThisExpression || holdsThisOf(o, fn, ctx) || namesOwnClass(o, fn, ctx) || (ownerText !== undefined && (o.type === T.Identifier || o.type === T.MemberExpression) && sameOwner(ctx.sourceCode.getText(o), ownerText));
  };
  // `self.apply(obj, args)`, `self.call(this, url)`: the function run with a given receiver.
  const invokes = (callee: Node): boolean => {
    const f = invokedThrough(callee);
    return !!f && isSelf(f);
  };
  for (const n of callsIn(within, ctx)) {
    if (insidePersonRun(n, fn, ctx)) continue;
    if (isSelf(n.callee) || invokes(n.callee)) out.push(n);
    // Called through the parameter it was handed in as (not handed on again: a scheduler's own timer is judged as the scheduler's).
    else if (handedIn.length > 0 && unwrap(n.callee).type === T.Identifier && handedIn.some((v) => isReferenceTo(v, unwrap(n.callee) as TSESTree.Identifier))) out.push(n);
    // The function itself handed over as a callback: `setTimeout(connect, ms)`, `.catch(retry)`, `.on('close', connect)`.
    // Taking it off an emitter (`socket.off('error', onFinished)`) does not run it.
    else if (!UNREGISTER_METHODS.has(calleeName(n) ?? '') && n.arguments.some((a) => isSelf(a) || boundSelf(a))) out.push(n);
  }
  return out;
}

const heldSlotsMemo = fileMemo<TSESLint.SourceCode, Map<Fn, Set<string>>>();

/**
 * The property names of the member slots a write stores `fn` in (`ref.current = fn`, `this.onDrop =
 * this.fn.bind(this)`, a class field `resume = this.open.bind(this)`); one pass per file.
 */
function heldSlotNames(fn: Fn, ctx: Ctx): ReadonlySet<string> {
  let byFn = heldSlotsMemo.get(ctx.sourceCode);
  if (!byFn) {
    const map = new Map<Fn, Set<string>>();
    const put = (name: string | undefined, value: Node): void => {
      const right = unwrap(value);
      if (name === undefined || (right.type !== T.Identifier && right.type !== T.MemberExpression && right.type !== T.CallExpression)) return;
      const f = sameFileFunction(right, ctx) as Fn | undefined;
      if (!f) return;
      const names = map.get(f) ?? new Set<string>();
      names.add(name);
      map.set(f, names);
    };
    for (const a of fileIndex(ctx.sourceCode).memberAssignments) {
      const left = a.left as TSESTree.MemberExpression;
      if (!left.computed && a.operator === '=') put(propertyName(left), a.right);
    }
    const bodies = new Set<Node>();
    for (const f of fileIndex(ctx.sourceCode).functions) if (f.parent?.type === T.MethodDefinition && f.parent.parent) bodies.add(f.parent.parent);
    for (const body of bodies) {
      for (const m of (body as TSESTree.ClassBody).body) {
        if (m.type === T.PropertyDefinition && !m.computed && m.value && !isFunction(unwrap(m.value))) put(propertyName(m), m.value);
      }
    }
    byFn = map;
    heldSlotsMemo.set(ctx.sourceCode, byFn);
  }
  return byFn.get(fn) ?? EMPTY_NAMES;
}

const EMPTY_NAMES: ReadonlySet<string> = new Set();

/** Whether a callee is a slot every write of which stores `fn` (`openRef.current`, `this.resume`; delay.ts heldFunction). */
function callsThroughSlot(callee: Node, fn: Fn, ctx: Ctx): boolean {
  const c = unwrap(callee);
  return c.type === T.MemberExpression && heldSlotNames(fn, ctx).has(propertyName(c) ?? '') && sameFileFunction(c, ctx) === fn;
}

/**
 * Whether `call` sits in a function nested in `fn` that a person runs: one handed to an element as an
 * event prop (`<ErrorBox onRetry={handleRetry} />`, `onClick={() => load(id)}`), directly or through
 * a `const` every read of which is such a prop. A "Retry" button re-runs the work when someone
 * presses it, like a re-prompt (PRODUCT, "Retry or not"): no automatic re-run, no storm.
 */
function insidePersonRun(call: Node, fn: Fn, ctx: Ctx): boolean {
  const eventProp = (e: Node): boolean => {
    const box = e.parent;
    const attr = box?.type === T.JSXExpressionContainer ? box.parent : undefined;
    return attr?.type === T.JSXAttribute && attr.name.type === T.JSXIdentifier && /^on[A-Z]/.test(attr.name.name);
  };
  for (let p = call.parent; p && p !== fn; p = p.parent) {
    if (!isFunction(p)) continue;
    if (eventProp(p)) return true;
    const holder =
      p.type === T.FunctionDeclaration && p.id ? variableOf(ctx.sourceCode, p.id)
      : p.parent?.type === T.VariableDeclarator && p.parent.init === p && p.parent.id.type === T.Identifier ? variableOf(ctx.sourceCode, p.parent.id)
      : undefined;
    const reads = holder?.references.filter((r) => !r.init) ?? [];
    if (reads.length > 0 && reads.every((r) => eventProp(r.identifier as Node))) return true;
  }
  return false;
}

const callsCache = fileMemo<Node, TSESTree.CallExpression[]>();

/**
 * Every call expression in the subtree of `root`, in walk (source) order, memoised per node: each
 * function's body used to be walked once for its self-calls and twice for its relays, and every
 * relay target's body again per caller (the AST does not change during a lint).
 */
function callsIn(root: Node, ctx: Ctx): TSESTree.CallExpression[] {
  let calls = callsCache.get(root);
  if (!calls) {
    calls = callsWithin(root, ctx.sourceCode);
    callsCache.set(root, calls);
  }
  return calls;
}

function analyzeFunction(fn: Fn, ctx: Ctx): RetrySite[] {
  const direct = selfCalls(fn, ctx);
  // Through a same-file relay: `makeRequest` → `retryRequest` (waits) → `makeRequest` (SDK clients).
  // A relay reached both from the failure path (`.catch(() => schedule())`) and as a failure hook
  // (`conn.on('close', schedule)`) is one retry: the hook's, anchored at its call back.
  const relays = relayCalls(fn, ctx).filter((r, _, all) => r.hook || !all.some((q) => q.hook && q.back === r.back));
  const calls = [...direct, ...relays.map((r) => r.call)];
  if (calls.length === 0) return [];
  // The function is one look at a dependency (probe.ts): re-running it until it answers is polling.
  if (isProbeFunction(fn, ctx) || waitsOnPendingAnswer(fn.body, ctx)) return [];
  // The function only looks at the program's own state: re-running it waits for that state (polling).
  if (looksAtStateOnly(fn, calls, ctx)) return [];
  const sites: RetrySite[] = [];
  // Re-runs the outside or an orderly end starts (R7, R6): not retries, and not the success-path
  // reschedule of a periodic job either (the other calls are judged on their own).
  const notAfterFailure = new Set(calls.filter((c) => waitsOnOutsideEvent(c, fn, ctx) || onlyAfterCleanEnd(c, fn, ctx)));
  const contexts = calls
    .filter((c) => !direct.includes(c) || !(newInput(c, fn, ctx) || removesGuardedField(c, fn, ctx)))
    // A relay that asks a person again before calling back (`retryPassword` → `prompt.get(…)`): a re-prompt.
    .filter((c) => {
      const r = relays.find((q) => q.call === c);
      return !r || !r.relay.body || !readsFromPerson(r.relay.body, ctx, r.relay);
    })
    .filter((c) => !takesNextItem(fn, ctx) && !advancesIterator(fn.body, ctx, { call: c, fn }))
    .filter((c) => !notAfterFailure.has(c))
    .map((c) => {
      const own = failureContext(c, fn, ctx, relays.find((r) => r.call === c && r.hook)?.relay, relays.some((r) => r.call === c && !r.hook));
      return own ? { call: c, fc: own, inRelay: false } : { call: c, fc: relayFailureContext(c, relays, ctx), inRelay: true };
    })
    .filter((x): x is { call: TSESTree.CallExpression; fc: FailureContext; inRelay: boolean } => !!x.fc && !handsOffError(x.call, x.fc, fn, ctx) && !exitsOnHandedFailure(x.call, fn, ctx) && !rereadsHeldPromise(x.fc, fn, ctx))
    // The catch corrects what failed before it runs the function again (`if (err.code === 85) { await
    // dropIndex(name); return createIndex(spec) }`): another state, not the same input (loops.ts).
    .filter((x) => {
      const h = x.fc.handler;
      return !(h && h.body.type === T.BlockStatement && h.guarded && correctsInCatch(h.body, h.param, h.guarded, x.call, ctx));
    });
  // A re-run made by a function handed as both outcomes' handler (`work().then(settle, settle)`) runs
  // after a success too: periodic work, such as a heartbeat (PRODUCT, "Retry or not"), not a retry.
  for (let i = contexts.length - 1; i >= 0; i--) if (handedForBothOutcomes(contexts[i]!.call, fn, ctx)) contexts.splice(i, 1);
  if (contexts.length === 0) return [];
  // Rescheduled after a success too (`try { await renew(); schedule(refresh, 45 min) } catch { schedule(refresh, d) }`):
  // a periodic job, not a retry (R4).
  // A registration of the function as its own failure handler (`.catch(self)`) is reached on every
  // path, but runs it only on a failure.
  const registersSelfForFailure = (c: TSESTree.CallExpression): boolean => {
    const h = (c as Node).type === T.CallExpression ? failureHandlerArg(c, ctx) : undefined;
    return !!h && isSelfArg(h, fn, ctx);
  };
  // A self-call re-armed on a timer (`setTimeout(() => this.poll(), ms)` in the try after the work)
  // counts too, and so does one with the same input after a wait every path to it takes (`await
  // sleep(ms)` heading the function, then `if (!tx.validated) return waitFor(client, hash)`: asked
  // again while the answer is not final, a status poll; not under a test of a failure the answer
  // carries, `if (body.error === 500)`); one made at once is the next step of a walk, judged on its own.
  // (Not one under a test of what a callback of the function was handed, `if (!online) setTimeout(self, ms)`
  // in `checkInternet((online) => …)`: the answer decides it, not the success of the pass.)
  if (direct.some((c) => (!selfCallee(c, fn, ctx) || rearmedOnTimer(c, fn, ctx.sourceCode) || (!newInput(c, fn, ctx) && waitedBefore(c, fn, ctx) && !underFailureTest(c, fn, ctx))) && !underCallbackAnswerTest(c, fn, ctx) && !notAfterFailure.has(c) && !contexts.some((x) => x.call === c) && !registersSelfForFailure(c) && reachesCall(fn, c, SUCCESS, ctx.sourceCode))) return [];
  // The promise-chain form: `work().then((next) => { …; setTimeout(() => self(), next) }).catch((e) => {
  // …; setTimeout(() => self(), guard) })`: a re-run from the fulfilment handler, under no failure test.
  if (contexts.some((x) => x.fc.kind === 'promise-catch') && direct.some((c) => !notAfterFailure.has(c) && !contexts.some((x) => x.call === c) && !registersSelfForFailure(c) && inFulfilmentHandler(c, fn, ctx.sourceCode))) return [];
  // The very same re-call runs after a success too (`.then(() => again(x), () => again(x))` under one
  // state check, `if (gen !== store.gen) return again(x)` in the try and in the catch): the re-run
  // follows from state the failure does not decide, not from the failure (R2).
  // Both calls must sit under the same state check: a failure path that re-queues the item and
  // takes it again (`queue.unshift(job); next()`) is still decided by the failure.
  const text = (c: Node): string => ctx.sourceCode.getText(c);
  // The guard is the one inside each outcome's own code (its handler, its try block or catch), not a
  // precondition both share (`if (!job) return done();` before the call).
  const outcomeRoot = (c: Node): Node => {
    let p: Node | undefined = c.parent;
    while (p && p !== fn.body && !isFunction(p) && !(p.parent?.type === T.TryStatement && p.parent.block === p) && p.type !== T.CatchClause) p = p.parent;
    return p ?? fn.body;
  };
  const guards = (c: Node): Set<string> => new Set(dominatingTests(c, outcomeRoot(c)).map(text));
  const sameGuard = (a: Node, b: Node): boolean => {
    const ga = guards(a);
    return [...guards(b)].some((g) => ga.has(g));
  };
  if (contexts.every((x) => direct.some((c) => c !== x.call && !contexts.some((y) => y.call === c) && text(c) === text(x.call) && sameGuard(c, x.call) && reachesCall(fn, c, SUCCESS, ctx.sourceCode)))) return [];
  // The same scheduling relay runs after a success too (`this.plan()` after the try, `this.plan(true)` in its catch).
  if (relays.some((r) => !contexts.some((x) => x.call === r.call) && contexts.some((x) => relays.some((q) => q.call === x.call && q.relay === r.relay)) && reachesCall(fn, r.call, SUCCESS, ctx.sourceCode))) return [];
  // A waiting relay runs it again after a success (`this.scheduleRefresh(token)` once the refresh
  // worked) while the failure path re-arms it on its own timer: the function runs on a schedule
  // whatever the outcome, periodic work such as a token refresher (PRODUCT, "Retry or not").
  // The relay call is in the function's own code: one inside a listener (`ws.onclose = () =>
  // this.scheduleReconnect()`) runs on that event, not after the success.
  // The relay calls back whatever happens (`setTimeout(() => this.refresh(), delay)`), not only when
  // something it watches fails (a heartbeat's `if (!alive) this.reconnect()`).
  // A fulfilment handler of a chain `fn` starts (`api.renew(t).then((res) => this.renewed(res), …)`) is
  // that success path too.
  if (relays.some((r) => {
    if (r.hook || contexts.some((x) => x.call === r.call)) return false;
    const own = enclosingFunction(r.call) === fn;
    return (own ? reachesCall(fn, r.call, SUCCESS, ctx.sourceCode) : onFulfilment(r.call, fn, ctx.sourceCode)) && callsBackOnTimer(r, ctx.sourceCode, !own);
  })) return [];
  const catches = contexts.map((x) => x.fc.handler).filter((h): h is RetryCatch => !!h);
  // The re-calls, and the calls of local functions of `fn` that hold them (`return again(res.status)`).
  const entries = contexts.flatMap((x) => entryCalls(fn, x.call, ctx));
  const op = analyzeOperation(fn.body, catches, ctx, (ifStmt) => {
    if (entries.some((c) => contains(ifStmt.consequent, c))) return true;
    if (alwaysExits(ifStmt.consequent)) {
      const c = ifStmt.consequent;
      const stmts = c.type === T.BlockStatement ? c.body : [c];
      const last = stmts[stmts.length - 1];
      if (last?.type === T.ThrowStatement) return catches.some((h) => h.guarded && contains(h.guarded, ifStmt));
      return false;
    }
    return true;
  }, (o) => contexts.some((x) => reachesRetry(fn, x.call, o, ctx)), alwaysExits, (n) => entries.some((c) => contains(n, c)));
  // Several failure paths into one relay (`on('close', () => this.reconnect())` and the connect's
  // `catch { this.reconnect() }`) are one retry, as a hook and a path are (see `relays`): it is
  // reported once, at the call back that both paths share.
  const sharedBack = new Set<Node>();
  const seenBack = new Set<Node>();
  for (const { call } of contexts) {
    const r = relays.find((q) => q.call === call);
    if (r && seenBack.has(r.back)) sharedBack.add(r.back);
    if (r) seenBack.add(r.back);
  }
  const reported = new Set<Node>();
  for (const { call, fc, inRelay } of contexts) {
    // "Wait until ready": a read whose result is thrown away, re-run until it succeeds, is polling.
    if (fc.flow && isProbe(fn, call, op.http, ctx)) continue;
    const relay = relays.find((r) => r.call === call);
    const shared = !!relay && sharedBack.has(relay.back);
    if (shared && reported.has(relay.back)) {
      // One retry, reported once; but a path into it that no test stops (a catch calling the relay
      // directly, beside a close handler that checks the count first) leaves the whole retry unbounded.
      const site = sites.find((x) => x.node === relay.back);
      if (site && site.bound.kind === 'bounded' && relayBound(fn, relay, ctx).bound.kind === 'unbounded') site.bound = { ...site.bound, kind: 'unbounded', maxAttempts: undefined };
      continue;
    }
    if (shared) reported.add(relay.back);
    const computed = relay ? relayBound(fn, relay, ctx) : recursionBound(fn, call, ctx);
    const { attempts, once } = computed;
    // Decided inside the relay (its failure test leads to the call back): reported there, as for a hook.
    const atBack = !!relay && (relay.hook || shared || inRelay);
    const anchor = atBack ? relay!.back : call;
    let bound = atBack ? { ...computed.bound, node: anchor } : computed.bound;
    // Handed to a same-file scheduler that counts its own runs and stops (`if (this.n >= 5) return
    // false` before its timer): the scheduler's limit bounds the cycle.
    if (!relay && bound.kind === 'unbounded' && fc.timer && fc.scheduled && schedulerCounts(fc.timer, fc.scheduled.delay, ctx) === 'bounded') bound = { ...bound, kind: 'bounded' };
    // A hook on what a successful attempt yielded (`const conn = await amqp.connect(url); conn.on('close',
    // () => setTimeout(reconnect, ms))`): a failed re-run throws before it registers the hook again,
    // so this path makes one attempt per drop of a working connection, not an endless series. Unless
    // the function's own failure path re-runs it (`catch { setTimeout(self, ms) }`): then a failed
    // re-run goes on from there, and the retry the hook starts never ends.
    if (bound.kind === 'unbounded' && fc.kind === 'event' && hookOnAwaitedResult(fc, fn, ctx) && contexts.every((y) => y.fc.kind === 'event' && hookOnAwaitedResult(y.fc, fn, ctx))) bound = { ...bound, kind: 'bounded', maxAttempts: 1 };
    // `const { shouldRetry } = await getRetryConfig(err)`: a helper we cannot see decides (and may count and wait).
    const opaque = decidedElsewhere(call, fc, ctx);
    if (opaque && bound.kind === 'unbounded') bound = { ...bound, kind: 'unknown' };
    const replay = fc.replay || once;
    // The region that runs again: a parameter is invariant when the self-call passes it on unchanged.
    const passesArgs = direct.includes(call) && !call.arguments.some((a) => sameFileFunction(a, ctx) === fn);
    const region: RetryRegion = { node: fn, selfCalls: passesArgs ? [call] : [] };
    const counterFields = computed.counterFields;
    // A handler a helper registers (`this.open()` → `ws.onclose = () => reconnect(url)`) is outside `fn`:
    // the cycle's waits are the relay's.
    const waits = replay || !contains(fn, call) ? [] : recursionWaits(fn, call, fc, ctx, attempts, bound.maxAttempts, region, counterFields);
    if (relay && !replay) waits.push(...relayWaits(relay, ctx, { node: fn, selfCalls: [] }, counterFields));
    sites.push({
      kind: replay ? 'interceptor' : 'recursion',
      node: anchor,
      rerun: fn,
      bound,
      waits,
      // Handed to code we cannot see (an imported error handler), the re-run may be waited for there.
      noWait: !replay && !opaque && waits.length === 0 && !retryHandedToUnknown(call, fc.path, ctx.sourceCode) ? anchor : undefined,
      nonIdempotent: once ? [] : op.nonIdempotent.filter((r) => !madeOnlyAfterFailure(fn, r.node, ctx)),
      rateLimitChecks: replay ? [] : op.rateLimitChecks.filter((c) => !checkOfOtherCall(c, call, contexts.map((x) => x.call))),
      honoursRetryAfter: op.honoursRetryAfter,
      clientErrorRetries: replay ? [] : op.clientErrorRetries,
      purpose: fc.replay ? 'refresh-replay' : once ? 'once-only-replay' : 'backoff-retry',
      ...((fc.retried ?? op.caughtStatuses ?? statusesInCatch(fc, call, ctx)) ? { retriedStatuses: fc.retried ?? op.caughtStatuses ?? statusesInCatch(fc, call, ctx) } : {}),
      ...(replay ? {} : delayDroppedBy(fn, call, waits, ctx)),
    });
  }
  markTieredWaits(sites, ctx);
  return sites;
}

/**
 * The fact {@link RetrySite.delayDropped}: a wait whose delay is a parameter of `fn` with no default,
 * which the self-call does not pass (it has fewer arguments than the parameter's position, and no spread).
 */
function delayDroppedBy(fn: Fn, call: TSESTree.CallExpression, waits: readonly Wait[], ctx: Ctx): { delayDropped: { call: Node; parameter: string } } | undefined {
  if (call.type !== T.CallExpression || call.arguments.some((a) => a.type === T.SpreadElement) || sameFileFunction(call.callee, ctx) !== fn) return undefined;
  for (const w of waits) {
    const expr = w.argument ?? w.delay.expression;
    const u = expr && unwrap(expr);
    if (!u || u.type !== T.Identifier) continue;
    const v = variableOf(ctx.sourceCode, u);
    const def = v?.defs[0];
    if (!v || !def || def.type !== 'Parameter' || def.node !== fn || v.references.some((r) => r.isWrite() && !r.init)) continue;
    const index = fn.params.indexOf(def.name as TSESTree.Parameter);
    if (index >= 0 && call.arguments.length <= index) return { delayDropped: { call, parameter: u.name } };
  }
  return undefined;
}

/**
 * Waits picked by the attempt count (`if (attempts < 10) setTimeout(f, 1000); else if (attempts < 20)
 * setTimeout(f, 2000); …`): each branch's wait is fixed, but the wait of the retry grows with the
 * attempt, as a table keyed by the count does. Marks them growing when the branches of one `if`
 * chain testing a counter wait different known times (for a jittered step, its upper bound), in the
 * order the count grows.
 */
function markTieredWaits(sites: RetrySite[], ctx: Ctx): void {
  const chains = new Map<Node, { site: RetrySite; branch: number; ms: number }[]>();
  for (const site of sites) {
    if (site.waits.length !== 1) continue;
    const w = site.waits[0]!;
    // A step may be jittered (`Math.random() * 1000`): its known upper bound is the step's size.
    if (w.delay.growing || w.delay.maxReason !== 'known' || !Number.isFinite(w.delay.maxMs)) continue;
    // The `if` chain the wait sits in, and the branch (0 for the first consequent, then each `else`).
    let child: Node = w.node;
    let head: TSESTree.IfStatement | undefined;
    let branch = 0;
    for (let p: Node | undefined = w.node.parent; p && !isFunction(p); child = p, p = p.parent) {
      if (p.type !== T.IfStatement) continue;
      if (child === p.consequent) branch = 0;
      else if (child === p.alternate) branch += 1;
      else continue;
      head = p;
      // Up the chain: `else if` links count one branch each.
      while (head.parent?.type === T.IfStatement && head.parent.alternate === head) {
        head = head.parent;
        branch += 1;
      }
      break;
    }
    if (!head) continue;
    const list = chains.get(head) ?? [];
    list.push({ site, branch, ms: w.delay.maxMs });
    chains.set(head, list);
  }
  for (const [head, list] of chains) {
    if (new Set(list.map((x) => x.ms)).size < 2) continue;
    const direction = countDirection((head as TSESTree.IfStatement).test, ctx);
    if (!direction) continue;
    const ordered = [...list].sort((a, b) => a.branch - b.branch);
    const monotone = ordered.every((x, i) => i === 0 || (direction === 1 ? x.ms >= ordered[i - 1]!.ms : x.ms <= ordered[i - 1]!.ms));
    if (!monotone) continue;
    for (const { site } of list) site.waits = site.waits.map((w) => ({ ...w, delay: { ...w.delay, growing: true, tiered: true } }));
  }
}

/**
 * Which way the attempt count grows along an `if` chain whose first test compares it with a limit:
 * 1 when the first branch takes the low counts (`attempts < 10`), -1 when it takes the high ones
 * (`attempts >= 20`), undefined when the test is no such comparison. The counter is the side the
 * enclosing function increments (`drops += 1`, `n++`), whatever its name; a named attempt counter
 * (`failures`, `retryCount`) is taken when no increment is seen.
 */
function countDirection(test: Node, ctx: Ctx): 1 | -1 | undefined {
  const t = unwrap(test);
  if (t.type !== T.BinaryExpression || t.left.type === T.PrivateIdentifier) return undefined;
  const low = t.operator === '<' || t.operator === '<=';
  const high = t.operator === '>' || t.operator === '>=';
  if (!low && !high) return undefined;
  const text = (n: Node) => ctx.sourceCode.getText(unwrap(n));
  const sides = [text(t.left as Node), text(t.right as Node)];
  let scope: Node | undefined = t.parent;
  while (scope && !isFunction(scope)) scope = scope.parent;
  const incremented = new Set<string>();
  if (scope) {
    walk(scope, ctx.sourceCode.visitorKeys, (n) => {
      if (n.type === T.UpdateExpression && n.operator === '++') incremented.add(text(n.argument));
      else if (n.type === T.AssignmentExpression && n.operator === '+=') incremented.add(text(n.left));
      return undefined;
    });
  }
  let counterLeft: boolean | undefined;
  if (incremented.has(sides[0]!) !== incremented.has(sides[1]!)) counterLeft = incremented.has(sides[0]!);
  else if (comparesCounter(t, ctx)) counterLeft = /attempt|retr(y|ies)|tries|failures/i.test(sides[0]!);
  if (counterLeft === undefined) return undefined;
  return low === counterLeft ? 1 : -1;
}

/**
 * Whether an event hook's registration (`conn.on('close', h)`, `conn.onclose = h`) is made, in
 * `fn`'s own code, on a variable that holds the awaited result of a call made earlier in `fn` on
 * every path to it (`const conn = await amqp.connect(url)`; `try { conn = await connect(url) }
 * catch { …; return; }`): the hook exists only once that call succeeded.
 */
function hookOnAwaitedResult(fc: FailureContext, fn: Fn, ctx: Ctx): boolean {
  const host: Node | undefined = isFunction(fc.path) ? fc.path.parent : fc.path;
  let target: Node | undefined;
  if (host?.type === T.CallExpression) {
    const c = unwrap(host.callee);
    if (c.type === T.MemberExpression && failureRegistration(host, ctx) !== undefined) target = unwrap(c.object);
  } else if (host?.type === T.AssignmentExpression && host.left.type === T.MemberExpression) target = unwrap(host.left.object);
  if (target?.type !== T.Identifier || !host || enclosingFunction(host) !== fn) return false;
  const v = variableOf(ctx.sourceCode, target);
  if (!v) return false;
  // The last write of the variable before the registration, in `fn`'s own code.
  let last: { node: Node; value: Node | null | undefined } | undefined;
  for (const r of v.references) {
    if (!r.isWrite() || r.identifier.range[1] > host.range[0]) continue;
    const w = r.identifier.parent;
    const value = w?.type === T.VariableDeclarator ? w.init : w?.type === T.AssignmentExpression && w.operator === '=' ? w.right : undefined;
    if (!w || enclosingFunction(w) !== fn) return false;
    if (!last || r.identifier.range[0] > last.node.range[0]) last = { node: w, value };
  }
  if (!last || unwrap(last.value)?.type !== T.AwaitExpression) return false;
  // No other write between it and the registration, and it runs on every path to the registration.
  if (v.references.some((r) => r.isWrite() && r.identifier.range[0] > last!.node.range[1] && r.identifier.range[1] <= host.range[0])) return false;
  return precedesOnEveryPath(last.node, host);
}

/**
 * Whether `call` sits in the branch an `if` takes when its test says the answer failed: a failure
 * test (`!res.ok`, a status, an error value), a failure state (`state === 'failed'`), or an error
 * field of the answer (`body.error === 500`, `res.errcode`).
 */
function underFailureTest(call: Node, fn: Fn, ctx: Ctx): boolean {
  for (let c: Node = call, p: Node | undefined = call.parent; p && c !== fn.body; c = p, p = p.parent) {
    if (p.type !== T.IfStatement || c !== p.consequent) continue;
    if (testsFailure(p.test, ctx.sourceCode) || namesFailureState(p.test)) return true;
    let errorField = false;
    walk(p.test, ctx.sourceCode.visitorKeys, (n) => {
      if (n.type === T.MemberExpression && !n.computed && ERROR_FIELD_RE.test(propertyName(n) ?? '')) errorField = true;
      return errorField ? false : undefined;
    });
    if (errorField) return true;
  }
  return false;
}

/** Fields of an answer that carry its failure (`body.error`, `res.errcode`, `data.failure`). */
const ERROR_FIELD_RE = /^(error|errors|err|errcode|errorCode|error_code|fault|failure|failed)$/i;

/** Whether an awaited wait of `fn`'s own body runs before `call` on every path to it. */
function waitedBefore(call: Node, fn: Fn, ctx: Ctx): boolean {
  let found = false;
  walk(fn.body, ctx.sourceCode.visitorKeys, (n) => {
    if (found || (n !== fn.body && isFunction(n))) return false;
    if ((n.type === T.CallExpression || n.type === T.NewExpression) && n.range[1] <= call.range[0] && asWait(n, ctx.sourceCode, ctx.settings) && isAwaited(n, ctx.sourceCode) && precedesOnEveryPath(n, call)) found = true;
    return undefined;
  });
  return found;
}

/**
 * Whether statement-level `node` runs before `later` on every path that reaches `later`: it sits
 * earlier in a statement list that holds `later`, or in a `try` block whose `catch` always leaves
 * (so that passing the `try` means its block completed).
 */
function precedesOnEveryPath(node: Node, later: Node): boolean {
  let s = statementInList(node);
  while (s && s.parent) {
    const list = s.parent;
    if (contains(list, later) && !contains(s, later) && s.range[1] <= later.range[0]) return true;
    const tryStmt = list.parent;
    if (list.type === T.BlockStatement && tryStmt?.type === T.TryStatement && tryStmt.block === list && (!tryStmt.handler || alwaysExits(tryStmt.handler.body))) {
      s = statementInList(tryStmt);
      continue;
    }
    return false;
  }
  return false;
}

/**
 * A probe: every request is a read (GET/HEAD), and the function returns nothing but the retry
 * (`if (res?.ok) return; await sleep(ms); return waitHealthy(url)`): the attempt produces nothing.
 */
function isProbe(fn: Fn, call: Node, http: { method: string | undefined; node: Node }[], ctx: Ctx): boolean {
  if (http.length === 0 || !http.every((h) => (h.method === 'GET' || h.method === 'HEAD') && contains(fn, h.node))) return false;
  if (fn.body.type !== T.BlockStatement) return false;
  let produces = false;
  walkRegion(fn.body, ctx.sourceCode, (n) => {
    if (produces) return false;
    if (n.type === T.ReturnStatement && n.argument) {
      let a = unwrap(n.argument);
      if (a.type === T.AwaitExpression) a = unwrap(a.argument);
      if (a !== call && !(a.type === T.Identifier && a.name === 'undefined')) produces = true;
    }
    if (n.type === T.AssignmentExpression && unwrap(n.left).type === T.MemberExpression) produces = true;
    return undefined;
  }, false);
  return !produces;
}

/**
 * A request made only after the attempt failed (a token refresh before the replay, a failure report)
 * is not the operation that is run again: the failure-path notion of flow.ts does not reach it when
 * the attempt succeeds (judged for the request itself or, for a request in a same-file helper, for
 * every call of that helper in `fn`). A request no outcome reaches is not run again either. Faults
 * go to the analysis' one guard (guard.ts), which drops the construct.
 */
function madeOnlyAfterFailure(fn: Fn, request: Node, ctx: Ctx): boolean {
  if (contains(fn, request)) return !reachesCall(fn, request, SUCCESS, ctx.sourceCode);
  const callers: Node[] = [];
  walk(fn.body, ctx.sourceCode.visitorKeys, (n) => {
    if (n.type !== T.CallExpression) return undefined;
    const target = sameFileFunction(n.callee, ctx);
    if (target && contains(target, request)) callers.push(n);
    return undefined;
  });
  return callers.length > 0 && callers.every((c) => !reachesCall(fn, c, SUCCESS, ctx.sourceCode));
}

/** Whether an argument is the function itself (`.then(ok, self)`). */
function isSelfArg(arg: Node, fn: Fn, ctx: Ctx): boolean {
  const a = unwrap(arg);
  // `.catch(exports.open)` inside `exports.open = (err) => { … }`.
  const fp = fn.parent;
  if (a.type === T.MemberExpression && fp?.type === T.AssignmentExpression && fp.right === fn && fp.left.type === T.MemberExpression) return propertyName(a) === propertyName(fp.left) && ctx.sourceCode.getText(unwrap(a.object)) === ctx.sourceCode.getText(unwrap(fp.left.object));
  if (a.type !== T.Identifier) return false;
  const v = variableOf(ctx.sourceCode, a);
  const def = v?.defs[0];
  return !!def && (def.node === fn || (def.node.type === T.VariableDeclarator && (def.node.init === fn || def.node === memoisedDeclarator(fn, ctx.sourceCode))));
}

/** Whether the call's callee is the function itself (rather than a host it is passed to). */
/**
 * Whether `o` is a local that holds `this` of `fn` (`var self = this`, `const _this = this`, as ES5
 * code and TypeScript's ES5 output write it), declared in `fn` itself and never written again: a
 * call through it (`_this.makeRequest(options)` in a nested `function`) is a call on `this`.
 */
function holdsThisOf(o: Node, fn: Fn, ctx: Ctx): boolean {
  if (isThisDefaultParam(o, fn, ctx)) return true;
  const decl = thisAliasDeclarator(ctx.sourceCode, o);
  let owner: Node | undefined = decl?.parent;
  while (owner && !(isFunction(owner) && owner.type !== T.ArrowFunctionExpression)) owner = owner.parent;
  return !!decl && !!owner && (owner === fn || sameThisObject(owner, fn, ctx));
}

/**
 * Whether `o` is a parameter of `fn` whose default is `this` (`send(url, tries, owner = this)`) and
 * that nothing writes: the method's own object unless a caller hands another, and a call through it
 * (`owner.send(url, tries - 1, owner)`) runs the same method.
 */
function isThisDefaultParam(o: Node, fn: Fn, ctx: Ctx): boolean {
  if (o.type !== T.Identifier) return false;
  const v = variableOf(ctx.sourceCode, o);
  const def = v?.defs.length === 1 ? v.defs[0] : undefined;
  if (!v || def?.type !== 'Parameter' || def.node !== fn) return false;
  const pattern = fn.params.find((p) => p.type === T.AssignmentPattern && p.left === def.name);
  return pattern?.type === T.AssignmentPattern && unwrap(pattern.right).type === T.ThisExpression && v.references.every((r) => !r.isWrite() || r.init === true);
}

/**
 * Whether `o` names the class whose static method `fn` is (`Remover.purge(…)` inside `static
 * purge`): the call runs the same method, as `this.purge(…)` does there.
 */
function namesOwnClass(o: Node, fn: Fn, ctx: Ctx): boolean {
  const m = fn.parent;
  if (o.type !== T.Identifier || m?.type !== T.MethodDefinition || !m.static) return false;
  const cls = m.parent?.parent;
  const def = variableOf(ctx.sourceCode, o)?.defs[0]?.node;
  return !!cls && (def === cls || (def?.type === T.VariableDeclarator && !!def.init && unwrap(def.init) === cls));
}

/**
 * Whether two functions are methods of one class or one constructor's prototype, so that `this`
 * (or `const self = this`) in one is the object the other runs on: methods of the same class body,
 * or functions stored on the same `Ctor.prototype` (`Relay.prototype.open = function () {…}`).
 */
function sameThisObject(a: Node, b: Node, ctx: Ctx): boolean {
  const home = (f: Node): Node | string | undefined => {
    const p = f.parent;
    if (p?.type === T.MethodDefinition || p?.type === T.PropertyDefinition) return p.parent;
    if (p?.type === T.AssignmentExpression && p.right === f && p.left.type === T.MemberExpression) {
      const o = unwrap(p.left.object);
      if (o.type === T.MemberExpression && propertyName(o) === 'prototype') return ctx.sourceCode.getText(o);
    }
    return undefined;
  };
  const ha = home(a);
  return ha !== undefined && ha === home(b);
}

function selfCallee(call: TSESTree.CallExpression, fn: Fn, ctx: Ctx): boolean {
  const callee = unwrap(call.callee);
  if (calleeIsSelf(callee, fn, ctx)) return true;
  // `self.call(this, url)`, `self.apply(obj, args)`: judged by the function invoked.
  const invoked = invokedThrough(callee);
  return !!invoked && calleeIsSelf(invoked, fn, ctx);
}

function calleeIsSelf(c: Node, fn: Fn, ctx: Ctx): boolean {
  // `openRef.current?.()`, `this.resume()` with every write of the slot storing `fn`.
  if (callsThroughSlot(c, fn, ctx)) return true;
  // `this.start()` inside the method `start`; not `this.later(this.start)`, which hands it on.
  if (c.type === T.MemberExpression && (unwrap(c.object).type === T.ThisExpression || holdsThisOf(unwrap(c.object), fn, ctx) || namesOwnClass(unwrap(c.object), fn, ctx))) {
    const own = fn.parent?.type === T.MethodDefinition || fn.parent?.type === T.Property || fn.parent?.type === T.PropertyDefinition ? propertyName(fn.parent) : undefined;
    return own === undefined || propertyName(c) === own;
  }
  if (c.type === T.MemberExpression && fn.parent?.type === T.Property && propertyName(c) === propertyName(fn.parent)) return true;
  // `exports.open = () => { … exports.open() }`: called through the property it was stored in.
  const fp = fn.parent;
  if (c.type === T.MemberExpression && fp?.type === T.AssignmentExpression && fp.left.type === T.MemberExpression && propertyName(c) === propertyName(fp.left) && sameOwner(ctx.sourceCode.getText(unwrap(c.object)), ctx.sourceCode.getText(unwrap(fp.left.object)))) return true;
  if (c.type === T.MemberExpression && commonJsExport(c, ctx.sourceCode) === fn) return true;
  if (c.type !== T.Identifier) return false;
  const v = variableOf(ctx.sourceCode, c);
  const def = v?.defs[0];
  if (!def) return false;
  // A state setter that re-runs the effect `fn` (`react-state.ts`).
  if (selfName(fn, ctx).reruns.some((r) => r.setter === v)) return true;
  // TypeScript overloads declare the name once per signature; the implementation is one of the definitions.
  if (v!.defs.some((d) => d.type === 'FunctionName' && d.node === fn)) return true;
  if (def.node === fn || (def.node.type === T.VariableDeclarator && (def.node.init === fn || def.node === memoisedDeclarator(fn, ctx.sourceCode)))) return true;
  // `let f; f = async function () { … f() … }`
  return fn.parent?.type === T.AssignmentExpression && fn.parent.left.type === T.Identifier && isReferenceTo(v!, (fn.parent as TSESTree.AssignmentExpression).left);
}

/**
 * The parameters of the function whose body is `within` that every same-file call of it binds to
 * `fn` itself (`reconnect(connect, sse)` binds `reconnect`'s first parameter to `connect`).
 */
function paramsBoundTo(fn: Fn, within: Node, ctx: Ctx): Variable[] {
  const owner = within.parent;
  if (!owner || !isFunction(owner) || (owner as Fn).body !== within) return [];
  const f = owner as Fn;
  const id = f.type === T.FunctionDeclaration ? f.id : f.parent?.type === T.VariableDeclarator && f.parent.init === f && f.parent.id.type === T.Identifier ? f.parent.id : undefined;
  const fv = id ? variableOf(ctx.sourceCode, id) : undefined;
  if (!fv) return [];
  const calls = fv.references.flatMap((r) => {
    const c = r.identifier.parent;
    return c?.type === T.CallExpression && c.callee === r.identifier ? [c] : [];
  });
  if (calls.length === 0) return [];
  const out: Variable[] = [];
  f.params.forEach((p, k) => {
    if (p.type !== T.Identifier) return;
    // The argument names `fn` itself: its function name or the variable it is stored in (a
    // parameter's definition also points at its function, so parameters are left out).
    const names = (a: Node | undefined): boolean => {
      const u = a && unwrap(a);
      if (u?.type !== T.Identifier) return false;
      const def = variableOf(ctx.sourceCode, u)?.defs[0];
      return !!def && def.type !== 'Parameter' && isSelfArg(u, fn, ctx);
    };
    if (!calls.every((c) => names(c.arguments[k]))) return;
    const v = variableOf(ctx.sourceCode, p);
    if (v && v.references.every((r) => !r.isWrite())) out.push(v);
  });
  return out;
}

interface Relay {
  /** The call in `fn` to the relay function. */
  call: TSESTree.CallExpression;
  /** The relay function, which calls `fn` back. */
  relay: Fn;
  /** The relay is a failure handler passed by name; the site is anchored at its call back. */
  hook?: boolean;
  /** The relay's call back to `fn`. */
  back: TSESTree.CallExpression;
  /** The relay is run by a same-file factory's timer (`const later = debounce(() => fn(), ms)`): that timer's wait. */
  factoryWait?: Wait;
}

/** The failure handlers `f`'s own code (not a nested function) assigns to a handler property (`ws.onclose = …`). */
function assignedHandlers(f: Fn, ctx: Ctx): TSESTree.AssignmentExpression[] {
  if (!f.body) return [];
  return memberAssignmentsWithin(f.body, ctx.sourceCode).filter((a) => {
    let owner = enclosingFunction(a);
    // A promise executor runs at once, as part of `f` (`return new Promise((resolve, reject) => {
    // this.ws = new WebSocket(url); this.ws.onclose = this.onClose.bind(this) })`).
    while (owner && owner !== f && isFunction(owner) && owner.parent?.type === T.NewExpression && calleeName(owner.parent) === 'Promise' && owner.parent.arguments[0] === owner) owner = enclosingFunction(owner.parent);
    return (owner === f || owner === f.body) && HANDLER_PROPS.test(propertyName(a.left as TSESTree.MemberExpression) ?? '');
  });
}

/** A test of a failure: an error value, a not-OK answer, or a status. */
function testsFailure(test: Node, sourceCode: TSESLint.SourceCode): boolean {
  return isErrorValue(test, sourceCode) || isNotOk(test) || statusesTested(test, sourceCode).length > 0;
}

/**
 * Whether a relay re-arms `fn` on a timer whenever it runs: its call back sits in a callback handed
 * to `setTimeout` and under no test between the relay and it (an early `if (stopped) return;`
 * before it is no branch it sits in). A relay that calls `fn` directly (mutual recursion) is not one.
 */
function callsBackOnTimer(r: Relay, sourceCode: TSESLint.SourceCode, onSuccess = false): boolean {
  // Called back through a further function (`startHeartbeat` → `reconnect` → `connect`): not followed.
  if (!contains(r.relay, r.back)) return false;
  let timer = false;
  for (let c: Node = r.back, p: Node | undefined = c.parent; p && c !== r.relay; c = p, p = p.parent) {
    if (p.type === T.CallExpression && isGlobalTimer(sourceCode, p) && p.arguments[0] === c) timer = true;
    // Handed a success's answer (`onSuccess`), a test of it (`if (result.expires)`) picks when to
    // renew; only a test of a failure makes the re-arm a retry.
    if ((p.type === T.IfStatement || p.type === T.ConditionalExpression) && c !== p.test && (!onSuccess || testsFailure(p.test, sourceCode))) return false;
    if (p.type === T.LogicalExpression && c === p.right) return false;
    if (p.type === T.SwitchCase || p.type === T.CatchClause) return false;
  }
  return timer;
}

/** Calls from `fn` to a same-file function (or method) that calls `fn` back. */
function relayCalls(fn: Fn, ctx: Ctx): Relay[] {
  const out: Relay[] = [];
  const calls = callsIn(fn.body, ctx);
  for (const n of calls) {
    const target = calledFunction(n, ctx);
    if (!target || target === fn || contains(target, n) || contains(fn, target)) continue;
    const found = backCalls(fn, target, ctx);
    const back = found.length > 0 ? found : dispatchedBack(fn, target, n, ctx);
    // Only a relay that waits before calling back is a retry (a scheduler, a retry method); one
    // that just hands over (a queue drain, a success-path restart) is not.
    if (back[0] && (relayWaitsAtAll({ call: n, relay: target, back: back[0] }, ctx) || restartsSameInputOnFailure(fn, n, target, back[0], ctx))) out.push({ call: n, relay: target, back: back[0] });
  }
  // A failure handler passed by name (`.catch(onFail)`, `.then(ok, later)`, `on('close', onDrop)`,
  // `this.ws.onclose = this.handleClose`) that schedules `fn` again: a cycle through a failure edge (K6).
  const hooks: { host: TSESTree.CallExpression; handler: Node; fromHelper?: boolean }[] = [];
  for (const n of calls) {
    const handler = failureHandlerArg(n, ctx);
    if (handler) hooks.push({ host: n, handler });
  }
  // Handlers assigned in `fn`'s own code (not in a nested function; a concise body that is itself a
  // function counts as own code). The assignment stands for the registration call (see `failureContext`).
  for (const a of assignedHandlers(fn, ctx)) hooks.push({ host: a as unknown as TSESTree.CallExpression, handler: a.right });
  // Handlers a same-file function registers when `fn` calls it from its own code (`connect()` →
  // `this.open()`, which sets `this.ws.onclose = this.onClose.bind(this)`): `fn`'s registration too.
  for (const n of calls) {
    if (enclosingFunction(n) !== fn) continue;
    const helper = calledFunction(n, ctx);
    if (!helper?.body || helper === fn || contains(helper, n) || contains(fn, helper)) continue;
    for (const a of assignedHandlers(helper, ctx)) hooks.push({ host: a as unknown as TSESTree.CallExpression, handler: a.right, fromHelper: true });
    for (const m of callsIn(helper.body, ctx)) {
      if (enclosingFunction(m) !== helper) continue;
      const handler = failureHandlerArg(m, ctx);
      if (handler) hooks.push({ host: m, handler, fromHelper: true });
    }
  }
  for (const { host: n, handler: registered, fromHelper } of hooks) {
    // `this.onClose.bind(this)` registers `this.onClose`.
    const handler = unbound(registered);
    const h = unwrap(handler);
    // A handler written inline in the helper (`socket.on('connect_error', () => setTimeout(this.reconnect, ms))`)
    // is itself the relay: `fn`'s own inline handlers are its nested code, judged as such.
    const inline = fromHelper && isFunction(h);
    if (!inline && h.type !== T.Identifier && !(h.type === T.MemberExpression && unwrap(h.object).type === T.ThisExpression)) continue;
    const target = inline ? (h as Fn) : sameFileFunction(handler, ctx);
    if (!target || target === fn || contains(target, n) || contains(fn, target)) continue;
    const back = backCalls(fn, target, ctx);
    if (back[0] && relayWaitsAtAll({ call: n, relay: target, back: back[0] }, ctx)) out.push({ call: n, relay: target, back: back[0], hook: true });
  }
  // A callable made by a same-file factory that runs its function argument from a timer
  // (`const reopenLater = debounce(() => open(), () => gap * 1000)`, `const soon = later(open, 5000)`).
  for (const n of calls) {
    const made = factoryMade(n.callee, ctx);
    if (!made) continue;
    made.init.arguments.forEach((a, idx) => {
      if (a.type === T.SpreadElement) return;
      const cb = sameFileFunction(a, ctx);
      const self = cb === fn;
      if (!cb || (!self && contains(cb, n))) return;
      const back = self ? made.init : selfCalls(fn, ctx, cb.body)[0];
      if (!back || (!self && contains(fn, cb))) return;
      // lodash's `debounce(fn, wait)` / `throttle(fn, wait)` run `fn` after `wait` ms.
      const scheduled = made.factory ? schedulerAt(made.init, made.factory, idx, ctx) : idx === 0 && made.init.arguments[1] && made.init.arguments[1].type !== T.SpreadElement ? { delay: made.init.arguments[1], bindings: [] } : undefined;
      if (!scheduled) return;
      out.push({ call: n, relay: self ? (made.factory ?? fn) : cb, back, factoryWait: factoryWait(scheduled, made.init, ctx) });
    });
  }
  return out;
}

/**
 * The call back of a relay that runs a method by the name it is handed (`function retry(method, args)
 * { setTimeout(() => exchange[method].apply(exchange, args), ms) }` called as `retry('getBalance',
 * args)` from the method `getBalance` of `exchange`): the call of `obj[param]` (or its `.apply` /
 * `.call`) where `call` hands the parameter `fn`'s own method name and `obj` is the object `fn` is
 * a method of.
 */
function dispatchedBack(fn: Fn, relay: Fn, call: TSESTree.CallExpression, ctx: Ctx): TSESTree.CallExpression[] {
  const { methodName, ownerText } = selfName(fn, ctx);
  if (!methodName || !relay.body) return [];
  const k = call.arguments.findIndex((a) => a.type === T.Literal && a.value === methodName);
  const param = k >= 0 ? relay.params[k] : undefined;
  const pv = param?.type === T.Identifier ? variableOf(ctx.sourceCode, param) : undefined;
  if (!pv) return [];
  const out: TSESTree.CallExpression[] = [];
  for (const m of callsIn(relay.body, ctx)) {
    const c = invokedThrough(m.callee) ?? unwrap(m.callee);
    if (c.type !== T.MemberExpression || !c.computed || unwrap(c.property).type !== T.Identifier || !isReferenceTo(pv, unwrap(c.property) as TSESTree.Identifier)) continue;
    const o = unwrap(c.object);
    if (o.type === T.ThisExpression || (ownerText !== undefined && (o.type === T.Identifier || o.type === T.MemberExpression) && sameOwner(ctx.sourceCode.getText(o), ownerText))) out.push(m);
  }
  return out;
}

/**
 * A relay that waits nothing but is called only on `fn`'s failure path and calls `fn` back with the
 * input `fn` was given (`send(data, count++)` from a failed send, where `send(data)` starts the send
 * again): a re-run of the same operation after a failure, through an intermediary. A relay that
 * hands `fn` other input (the next item of a queue) is not one.
 */
function restartsSameInputOnFailure(fn: Fn, call: TSESTree.CallExpression, relay: Fn, back: TSESTree.CallExpression, ctx: Ctx): boolean {
  const ownVar = (i: number): Variable | undefined => {
    const own = fn.params[i];
    const id = own && (own.type === T.AssignmentPattern ? own.left : own);
    return id && id.type === T.Identifier ? variableOf(ctx.sourceCode, id) : undefined;
  };
  let passedOn = false;
  // Every argument of the call back is `fn`'s own input at that position (handed through the relay
  // as is, or its count stepped), or a literal (a count started over).
  const same = back.arguments.every((b, i) => {
    const bu = unwrap(b);
    if (constantValue(ctx.sourceCode, bu)) return true;
    if (bu.type !== T.Identifier) return false;
    const k = relay.params.findIndex((p) => {
      const id = p.type === T.AssignmentPattern ? p.left : p;
      return id.type === T.Identifier && id.name === bu.name;
    });
    const given = k >= 0 ? call.arguments[k] : undefined;
    const v = ownVar(i);
    if (!given || given.type === T.SpreadElement || !v) return false;
    const g = unwrap(given);
    if (g.type === T.Identifier && isReferenceTo(v, g)) {
      passedOn = true;
      return true;
    }
    return changeIn(given, v, ctx) !== undefined;
  });
  return same && passedOn && failureContext(call, fn, ctx, undefined, true) !== undefined;
}

const calledFunctions = fileMemo<Node, Fn | null>();

/**
 * The same-file function a call calls (`sameFileFunction` of its callee), memoised per call: every
 * enclosing function's relay search asks again for the calls of its nested functions.
 */
/**
 * The same-file function a callee runs: a function or method of this file, or a method of a
 * same-file class the object is an instance of (`this.redial.schedule(…)` with `redial = new
 * Redialer()`), so a relay or scheduler held in a field is followed like any other.
 */
function calleeFunction(callee: Node, ctx: Ctx): Fn | undefined {
  const c = unwrap(callee);
  return sameFileFunction(callee, ctx) ?? (c.type === T.MemberExpression ? instanceMethod(c, ctx.sourceCode) : undefined);
}

function calledFunction(call: TSESTree.CallExpression, ctx: Ctx): Fn | undefined {
  let hit = calledFunctions.get(call);
  if (hit === undefined) {
    hit = calleeFunction(call.callee, ctx) ?? null;
    calledFunctions.set(call, hit);
  }
  return hit ?? undefined;
}

/** The function a `.bind(…)` call wraps (`this.onClose.bind(this)` → `this.onClose`); anything else as it is. */
function unbound(node: Node): Node {
  const u = unwrap(node);
  if (u.type === T.CallExpression && calleeName(u) === 'bind') {
    const c = unwrap(u.callee);
    if (c.type === T.MemberExpression) return c.object;
  }
  return node;
}

/**
 * The calls back to `fn` in a relay: in its own body, or one same-file call further
 * (`handleClose` → `this.scheduleReconnect()` → `setTimeout(() => this.connect(), ms)`).
 */
function backCalls(fn: Fn, target: Fn, ctx: Ctx): readonly TSESTree.CallExpression[] {
  // Memoised per pair: a function that calls the same relay at several places asks once.
  let byTarget = backCallsMemo.get(fn);
  if (!byTarget) {
    byTarget = new Map();
    backCallsMemo.set(fn, byTarget);
  }
  let hit = byTarget.get(target);
  if (!hit) {
    hit = findBackCalls(fn, target, ctx);
    byTarget.set(target, hit);
  }
  return hit;
}

const backCallsMemo = fileMemo<Fn, Map<Fn, readonly TSESTree.CallExpression[]>>();

function findBackCalls(fn: Fn, target: Fn, ctx: Ctx): TSESTree.CallExpression[] {
  const own = selfCalls(fn, ctx, target.body);
  if (own.length > 0) return own;
  for (const m of callsIn(target.body, ctx)) {
    // What the call runs: its callee, or a same-file function it is handed by reference to run later
    // (`setTimeout(this.reconnect.bind(this), ms)`, `emitter.once('drain', this.flush)`).
    const handed = m.arguments.map((a) => (a.type === T.SpreadElement ? undefined : unbound(a))).filter((a): a is Node => !!a && (unwrap(a).type === T.Identifier || unwrap(a).type === T.MemberExpression));
    for (const next of [calledFunction(m, ctx), ...handed.map((a) => calleeFunction(a, ctx))]) {
      if (!next || next === fn || next === target || contains(next, m) || contains(fn, next) || contains(target, next)) continue;
      const back = selfCalls(fn, ctx, next.body);
      if (back.length > 0) return back;
    }
  }
  return [];
}

/** Packages whose `debounce` / `throttle` run the function they wrap after a delay. */
const DEBOUNCE_MODULES = /^(lodash|lodash-es|lodash\/(debounce|throttle)|lodash\.(debounce|throttle)|underscore|es-toolkit(\/compat)?)$/;

/**
 * The factory call a callee was made by: `reopenLater` in `reopenLater()` is a `const` bound to
 * `debounce(…)`, a same-file function that returns a function.
 */
function factoryMade(callee: Node, ctx: Ctx): { init: TSESTree.CallExpression; factory: Fn | undefined } | undefined {
  const c = unwrap(callee);
  if (c.type !== T.Identifier) return undefined;
  const v = variableOf(ctx.sourceCode, c);
  const d = v?.defs[0]?.node;
  if (!v || d?.type !== T.VariableDeclarator || !d.init || v.references.some((r) => r.isWrite() && r.writeExpr !== d.init)) return undefined;
  const init = unwrap(d.init);
  if (init.type !== T.CallExpression) return undefined;
  const origin = originOf(ctx.sourceCode, init.callee);
  if (origin && DEBOUNCE_MODULES.test(origin.module) && /^(debounce|throttle)$/.test(normalPath(origin).join('.') || origin.module.replace(/^.*[.\/]/, ''))) return { init, factory: undefined };
  const factory = sameFileFunction(init.callee, ctx);
  if (!factory || !returnedExpressions(factory, ctx.sourceCode).some((r) => isFunction(unwrap(r)))) return undefined;
  return { init, factory };
}

/**
 * The wait of a factory's timer, reported where the code that uses the factory sets it: the
 * argument its delay parameter is bound to (`debounce(open, 2500)`), or the function argument the
 * factory calls for each delay (`debounce(open, () => gap * 1000)`, judged by what it returns).
 */
function factoryWait(scheduled: NonNullable<FailureContext['scheduled']>, init: TSESTree.CallExpression, ctx: Ctx): Wait {
  const d = unwrap(scheduled.delay);
  const boundTo = (id: Node): Node | undefined => (id.type === T.Identifier ? scheduled.bindings.find((b) => b.param.name === id.name)?.arg : undefined);
  const env = makeEnv(ctx.sourceCode, [], undefined, { node: init });
  if (d.type === T.CallExpression && d.arguments.length === 0) {
    const arg = boundTo(unwrap(d.callee));
    const fn = arg ? sameFileFunction(arg, ctx) : undefined;
    const returned = fn ? returnedExpressions(fn, ctx.sourceCode) : [];
    if (arg && returned.length === 1) {
      const expr = returned[0]!;
      return { node: arg, argument: undefined, delay: toDelayFacts(evaluate(expr, env), arg, expr) };
    }
  }
  const arg = boundTo(d);
  if (arg && arg.type !== T.SpreadElement) return { node: arg, argument: arg as TSESTree.Expression, delay: toDelayFacts(evaluate(arg, env), arg, arg) };
  for (const b of scheduled.bindings) {
    const v = variableOf(ctx.sourceCode, b.param);
    if (v) env.params.set(v, evaluate(b.arg, env));
  }
  const own = scheduled.delay.type === T.SpreadElement ? undefined : (scheduled.delay as TSESTree.Expression);
  return { node: scheduled.delay, argument: own, delay: toDelayFacts(evaluate(scheduled.delay, env), scheduled.delay, scheduled.delay) };
}

/**
 * Where a call registers a failure handler: `on('close', h)` / `once` / `addEventListener` (index 1),
 * a registration method named for a failure event (`hub.onclose(h)`, `link.onDisconnect(h)`, index 0),
 * or `addListener` on an event object named for one (index 0): the WebExtensions `events.Event`
 * shape, `port.onDisconnect.addListener(h)` (chrome.runtime.Port, `browser.runtime.Port`).
 */
function failureRegistration(call: TSESTree.CallExpression, ctx?: Ctx): number | undefined {
  const name = calleeName(call);
  if (!name) return undefined;
  // `close`, `error`, and any event named for a failure or a lost connection (`disconnected`, `polling_error`).
  if ((name === 'on' || name === 'once' || name === 'addEventListener') && isFailureEvent(eventName(call.arguments[0]) ?? '')) return 1;
  if (ctx && (name === 'on' || name === 'once') && stringValue(call.arguments[0]) === 'end' && sessionEmitter(call, ctx)) return 1;
  const callee = unwrap(call.callee);
  if (name === 'addListener' && callee.type === T.MemberExpression && unwrap(callee.object).type === T.MemberExpression) {
    const eventObject = propertyName(unwrap(callee.object) as TSESTree.MemberExpression) ?? '';
    const event = /^on[A-Z]/.test(eventObject) ? eventObject.slice(2).toLowerCase() : undefined;
    return event !== undefined && (FAILURE_EVENTS.has(event) || event === 'disconnected') ? 0 : undefined;
  }
  const event = /^on[A-Z_]/.test(name) || /^on(close|error|disconnect|disconnected|end|timeout|offline)$/.test(name) ? name.slice(2).replace(/^_/, '').toLowerCase() : undefined;
  return event !== undefined && (FAILURE_EVENTS.has(event) || event === 'disconnected') && unwrap(call.callee).type === T.MemberExpression ? 0 : undefined;
}

/**
 * Whether the emitter of `emitter.on(…)` is a session the code opened to keep: every value the
 * variable or `this` field holds is made by a call or `new` named for one (SESSION_MAKER_RE, not a
 * stream). Its `end` then reports the session lost (a bot kicked, a socket the peer ended), not
 * the orderly end of a data stream.
 */
function sessionEmitter(call: TSESTree.CallExpression, ctx: Ctx): boolean {
  const callee = unwrap(call.callee);
  if (callee.type !== T.MemberExpression) return false;
  const target = unwrap(callee.object);
  let values: Node[] = [];
  if (target.type === T.Identifier) {
    const v = variableOf(ctx.sourceCode, target);
    if (!v || v.defs.some((d) => d.type !== 'Variable')) return false;
    for (const d of v.defs) if (d.node.type === T.VariableDeclarator && d.node.init) values.push(d.node.init);
    for (const r of v.references) if (r.isWrite() && !r.init && r.writeExpr) values.push(r.writeExpr as Node);
  } else if (target.type === T.MemberExpression) {
    const f = fieldOf(target);
    if (!f) return false;
    const first = fieldStart(f);
    values = [...(first ? [first] : []), ...f.constructorWrites, ...f.otherWrites.map((w) => (w.type === T.AssignmentExpression && w.operator === '=' ? w.right : w))];
  }
  const makers = values.map((x) => {
    let e = unwrap(x);
    if (e.type === T.AwaitExpression) e = unwrap(e.argument);
    // By the name it is called by here, or the name its module exports it under (`const { Client: Pg } = require('pg')`).
    return e.type === T.CallExpression || e.type === T.NewExpression ? [calleeName(e) ?? '', importedName(e.callee, ctx) ?? ''] : undefined;
  });
  return makers.length > 0 && makers.every((m) => m !== undefined && m.some((name) => SESSION_MAKER_RE.test(name) && !/stream/i.test(name)));
}

/** The argument of a failure hook that is the failure handler: `.catch(h)`, `.then(_, h)`, `.on('close', h)`. */
function failureHandlerArg(call: TSESTree.CallExpression, ctx?: Ctx): Node | undefined {
  const name = calleeName(call);
  if (name === 'catch' || name === 'caught') return call.arguments[call.arguments.length - 1];
  if (name === 'then' && call.arguments.length >= 2) return call.arguments[1];
  const index = failureRegistration(call, ctx);
  if (index !== undefined) return call.arguments[index];
  return undefined;
}

/** The bound of a relayed retry: the relay calls back with a changed argument that `fn` tests. */
function relayBound(fn: Fn, r: Relay, ctx: Ctx): { bound: AttemptBound; attempts: AttemptVar[]; once: boolean; counterFields?: CounterFields } {
  const tests = testsOf(fn, ctx);
  let bounded = false;
  r.back.arguments.forEach((arg, i) => {
    const param = fn.params[i];
    const id = param && (param.type === T.AssignmentPattern ? param.left : param);
    if (!id || id.type !== T.Identifier) return;
    const v = variableOf(ctx.sourceCode, id);
    if (!v || !tests.some((t) => refersTo(t, v, ctx) && limitIn(t, v, ctx) !== undefined)) return;
    const changed = paramVars(r.relay, ctx).some((p) => changeIn(arg, p.variable, ctx) !== undefined);
    if (changed) bounded = true;
  });
  // The relay may hold the bound itself: `if (this.attempt >= 10) return this.giveUp(err)`. Only a
  // test that decides whether the cycle goes on counts: one that picks a value (the step of a delay
  // table, `tries < DELAYS.length ? tries : DELAYS.length - 1`) lets every path call back.
  // A parameter of `fn` that the cycle hands back unchanged or not at all (the relay drops it and
  // calls back with its default, or is given `count++`, the old value): a test of it never stops the cycle.
  const stale = fn.params
    .map((param, i) => {
      const id = param && (param.type === T.AssignmentPattern ? param.left : param);
      if (!id || id.type !== T.Identifier) return undefined;
      const v = variableOf(ctx.sourceCode, id);
      if (!v) return undefined;
      const arg = r.back.arguments[i];
      if (!arg) return v;
      if (changeIn(arg, v, ctx) !== undefined) return undefined;
      // The relay hands back (or steps) one of its own parameters, given `fn`'s count stepped at the call to it.
      const grows = r.relay.params.some((rp, k) => {
        const rid = rp.type === T.AssignmentPattern ? rp.left : rp;
        const rv = rid.type === T.Identifier ? variableOf(ctx.sourceCode, rid) : undefined;
        const given = r.call.arguments[k];
        return !!rv && !!given && given.type !== T.SpreadElement && refersTo(arg, rv, ctx) && changeIn(given, v, ctx) !== undefined;
      });
      if (grows && tests.some((t) => refersTo(t, v, ctx))) bounded = true;
      return grows ? undefined : v;
    })
    .filter((v): v is Variable => v !== undefined);
  const relayTests = testsOf(r.relay, ctx);
  // A same-file scheduler the call back is handed to (`this.redial.schedule(() => this.open())`) may
  // hold the bound itself: `if (this.attempt >= this.max) return false` before its timer.
  const sched = schedulerHandoff(r, ctx);
  const schedulerStops = sched ? testsOf(sched.fn, ctx).filter((t) => decidesCall(t, [sched.timer])) : [];
  // The call back one function further (`onclose` → `handleClose()` → `handleReconnect()` holding
  // `if (this.attempts < this.max) setTimeout(() => this.connect(), …)`): that function's tests decide it too.
  const further = furtherHolder(fn, r);
  const furtherStops = further ? testsOf(further, ctx).filter((t) => decidesCall(t, [r.back])) : [];
  // The relay's calls into that further function (`handleDisconnect` → `if (this.attempts < this.max)
  // this.scheduleReconnect()`): a test of the relay that decides them decides the call back.
  const handedOn = timerRunningBack(r, ctx);
  const intoFurther = further ? [...callsIn(r.relay.body, ctx).filter((c) => calledFunction(c, ctx) === further), ...(handedOn ? [handedOn] : [])] : [];
  const stopping = [...tests, ...relayTests].filter((t) => decidesCall(t, [r.call, r.back, ...intoFurther]) && !stale.some((v) => refersTo(t, v, ctx))).concat(schedulerStops, furtherStops);
  if (!bounded && stopping.some((t) => hasDeadline(t, ctx.sourceCode) || comparesCounter(t, ctx))) bounded = true;
  // A relay's parameter that its call back steps (`run(tries + 1)`) and that a stopping test compares
  // (`if (tries >= 5) throw …`): a count, whatever its name.
  if (!bounded) {
    for (const p of paramVars(r.relay, ctx)) {
      const stepped = r.back.arguments.some((a) => a.type !== T.SpreadElement && changeIn(a, p.variable, ctx) !== undefined);
      if (!stepped) continue;
      if (stopping.some((t) => limitIn(t, p.variable, ctx) !== undefined)) bounded = true;
    }
  }
  /** Whether the relay's own stopping tests (not a changed argument) are what bound it. */
  const byStoppingTest = bounded && !r.back.arguments.length;
  // …or in its own loop around the call back: `for (let attempt = 1; attempt <= this.maxRetries; attempt++)`
  // in a reconnect method a close handler starts (F2).
  for (let p: Node | undefined = r.back.parent; !bounded && p && p !== r.relay; p = p.parent) {
    if ((p.type === T.ForStatement || p.type === T.WhileStatement || p.type === T.DoWhileStatement) && p.test && (hasDeadline(p.test, ctx.sourceCode) || comparesCounter(p.test, ctx))) bounded = true;
  }
  // A field the cycle counts with (`this.count++` … `if (this.count >= this.limit) return`).
  const fields = new Set<string>();
  for (const body of [fn.body, r.relay.body, ...(sched?.fn.body ? [sched.fn.body] : []), ...(further?.body ? [further.body] : [])]) {
    walk(body, ctx.sourceCode.visitorKeys, (n) => {
      const target = n.type === T.UpdateExpression ? n.argument : n.type === T.AssignmentExpression && (n.operator === '+=' || n.operator === '-=') ? n.left : undefined;
      const t = target && unwrap(target);
      if (t?.type === T.MemberExpression && unwrap(t.object).type === T.ThisExpression) fields.add(ctx.sourceCode.getText(t));
      return undefined;
    });
  }
  // `if (this.retries >= this.options.maxRetries) return` with the limit set once to
  // `options.maxRetries || Infinity`: a limit of 1,000 or more in force by default is no limit (PRODUCT).
  const forever = (): boolean => {
    if (fields.size === 0 || stopping.some((t) => hasDeadline(t, ctx.sourceCode))) return false;
    const counting = stopping.filter((t) => comparesText(t, fields, ctx));
    if (counting.length === 0 || counting.length !== stopping.filter((t) => comparesCounter(t, ctx) || comparesText(t, fields, ctx)).length) return false;
    const limits = fieldLimits(counting, fields, ctx);
    return !!limits && limits.every((n) => isEffectivelyUnbounded(n));
  };
  // Reported at the relay's call back: the relay holds the limit that never stops it and re-arms the cycle there.
  if (byStoppingTest && forever()) return { bound: { kind: 'unbounded', maxAttempts: undefined, node: r.back }, attempts: [], once: false };
  // Stepped and compared with a known limit (`if (this.tries >= this.maxTries) return; this.tries++`), the
  // field is the attempt count whatever its name: a wait computed from it grows with the attempt, up to
  // the limit (as for a direct recursion, recursionBound).
  const countingTests = fields.size > 0 ? stopping.filter((t) => comparesText(t, fields, ctx)) : [];
  const countLimits = countingTests.length > 0 ? fieldLimits(countingTests, fields, ctx) : undefined;
  const counterFields = countLimits && countLimits.length > 0 && countLimits.every((n) => Number.isFinite(n)) ? { texts: fields, hi: Math.max(...countLimits) } : undefined;
  const withFields = counterFields ? { counterFields } : {};
  if (!bounded) {
    if (fields.size > 0 && stopping.some((t) => comparesText(t, fields, ctx))) {
      if (forever()) return { bound: { kind: 'unbounded', maxAttempts: undefined, node: r.back }, attempts: [], once: false };
      bounded = true;
    }
    const outside = (o: Node): boolean => {
      const u = unwrap(o);
      const def = u.type === T.Identifier ? variableOf(ctx.sourceCode, u)?.defs[0] : undefined;
      return !!def && !contains(fn, def.name) && !contains(r.relay, def.name);
    };
    if (!bounded && [fn.body, r.relay.body].some((b) => boundedByCountingObject(b, stopping, outside, ctx))) bounded = true;
  }
  // The relay turns off the switch its call back needs (`if (status === 502 && retry) { retry = false; return go(url) }`).
  if (!bounded && turnsOffTestedSwitch(r.relay, r.back, ctx, fn)) return { bound: { kind: 'bounded', maxAttempts: 2, node: r.call }, attempts: [], once: true };
  return { bound: { kind: bounded ? 'bounded' : 'unbounded', maxAttempts: undefined, node: r.call }, attempts: [], once: false, ...(bounded ? withFields : {}) };
}

/**
 * Whether a status check belongs to another re-call of the function: the `if` (or conditional) it
 * tests holds another of `calls` and not `call` (`if (status === 429) { …; return again() }` beside
 * `if (status >= 500) { …; return again(n + 1) }`). Each re-call is its own site, judged by the
 * checks on its own way.
 */
function checkOfOtherCall(check: Node, call: Node, calls: readonly Node[]): boolean {
  for (let p = check.parent; p; p = p.parent) {
    if (isFunction(p)) return false;
    if (p.type === T.IfStatement || p.type === T.ConditionalExpression) {
      if (!contains(p.test, check)) return false;
      const others = (n: Node | null | undefined): boolean => !!n && calls.some((c) => c !== call && contains(n, c));
      return !contains(p, call) && (others(p.consequent) || others(p.alternate));
    }
  }
  return false;
}

/**
 * Whether a test decides if one of `calls` runs: a branch of its `if` holds one of them or always
 * leaves (`if (tries >= max) return;`), a branch of its conditional or the right side of its `&&` /
 * `||` holds one, or it is a loop's test. A test that only chooses a value on the way (a step of a
 * delay table, `if (n < 3) wait = 1000; else wait = 5000;`) lets every path reach the calls.
 */
function decidesCall(test: Node, calls: readonly Node[]): boolean {
  const owner = test.parent;
  const holds = (n: Node | null | undefined): boolean => !!n && calls.some((c) => contains(n, c));
  if (!owner) return true;
  if (owner.type === T.IfStatement) return holds(owner.consequent) || holds(owner.alternate) || alwaysExits(owner.consequent) || alwaysExits(owner.alternate);
  if (owner.type === T.ConditionalExpression) return holds(owner.consequent) || holds(owner.alternate);
  if (owner.type === T.LogicalExpression) return holds(owner.right);
  return true;
}

/** A comparison of an attempt counter (`attempt >= 10`, `this.retries < max`) with a limit. */
function comparesCounter(test: Node, ctx: Ctx, depth = 0): boolean {
  let found = false;
  walk(test, ctx.sourceCode.visitorKeys, (n) => {
    if (found) return false;
    if (n.type === T.BinaryExpression && ['<', '<=', '>', '>=', '===', '=='].includes(n.operator) && n.left.type !== T.PrivateIdentifier) {
      const sides = [n.left, n.right].map((x) => {
        const u = unwrap(x);
        return u.type === T.UpdateExpression ? unwrap(u.argument) : u;
      });
      const names = sides.map((u) => (u.type === T.Identifier ? u.name : u.type === T.MemberExpression ? (propertyName(u) ?? '') : ''));
      if (names.some((x) => /attempt|retr(y|ies)|tries|failures/i.test(x) && !/after|delay/i.test(x))) found = true;
      // By what it does, whatever its name: a variable stepped by one (`sent += 1`, `n++`) and compared.
      else if (sides.some((u) => u.type === T.Identifier && countedVariable(u, ctx))) found = true;
    }
    // `if (mayRetry(res.status)) again()`: a same-file predicate whose answer compares a counter.
    if (n.type === T.CallExpression && depth < 2) {
      const f = sameFileFunction(n.callee, ctx);
      if (f && returnedExpressions(f, ctx.sourceCode).some((r) => !!r && comparesCounter(r, ctx, depth + 1))) found = true;
    }
    return undefined;
  });
  return found;
}

/** The test calls a same-file predicate whose answer compares an attempt count ({@link comparesCounter}). */
function askedOfCountingPredicate(test: Node, ctx: Ctx): boolean {
  return findAll(test, ctx.sourceCode.visitorKeys, (n): n is TSESTree.CallExpression => n.type === T.CallExpression).some((c) => {
    const f = sameFileFunction(c.callee, ctx);
    return !!f && returnedExpressions(f, ctx.sourceCode).some((r) => !!r && comparesCounter(r, ctx, 1));
  });
}

/** The variable is stepped by one somewhere (`n++`, `--left`, `sent += 1`): a count. */
function countedVariable(id: TSESTree.Identifier, ctx: Ctx): boolean {
  const v = variableOf(ctx.sourceCode, id);
  // A relay's parameter that carries the cycle's count (handed it, and handing it back stepped).
  if (v && relayedCounter(v, ctx.sourceCode)) return true;
  return !!v && v.references.some((r) => {
    const p = r.identifier.parent;
    if (p?.type === T.UpdateExpression) return true;
    if (p?.type === T.AssignmentExpression && p.left === r.identifier && (p.operator === '+=' || p.operator === '-=')) return constantNumber(ctx.sourceCode, p.right) === 1;
    return false;
  });
}

function relayWaitsAtAll(r: Relay, ctx: Ctx): boolean {
  // The same answer as `relayWaits(r, ctx).length > 0`, without building the waits (their delays):
  // asked for every same-file cycle, most of which are no retry.
  if (r.factoryWait) return true;
  if (isGlobalTimer(ctx.sourceCode, r.back) && r.back.arguments[1] && r.back.arguments[1].type !== T.SpreadElement) return true;
  for (let p: Node | undefined = r.back.parent; p && p !== r.relay; p = p.parent) {
    const host: Node | undefined = p.parent;
    if (isFunction(p) && host?.type === T.CallExpression && host.arguments[0] === p && isGlobalTimer(ctx.sourceCode, host)) {
      const ms = host.arguments[1];
      if (ms && ms.type !== T.SpreadElement) return true;
      break;
    }
    if (isFunction(p) && handedToScheduler(p, ctx)) return true;
  }
  if (timerRunningBack(r, ctx)) return true;
  let found = false;
  walkRegion(r.relay.body, ctx.sourceCode, (n) => {
    if (found) return false;
    if (n.type !== T.CallExpression && n.type !== T.NewExpression) return undefined;
    if (n === r.back && calleeName(n) !== 'then') return false;
    if (leadsToBack(n, r, ctx)) return false;
    const w = asWait(n, ctx.sourceCode, ctx.settings);
    if (w && (isAwaited(n, ctx.sourceCode) || chainsInto(n, r.back) || storedWaitConsumed(n, r, ctx))) {
      found = true;
      return false;
    }
    return undefined;
  }, false);
  return found;
}

/**
 * A wait promise the relay stores (`this.pause = new Promise((r) => setTimeout(r, ms))`) that the
 * function it calls back waits for before its operation: awaited, chained on (`.then`), or handed
 * to `Promise.resolve` / `Promise.all` in its own code. PRODUCT: a wait created but never waited
 * for is no wait; one waited for on the next attempt is this retry's wait.
 */
function storedWaitConsumed(wait: Node, r: Relay, ctx: Ctx): boolean {
  const fn = calleeFunction(r.back.callee, ctx);
  const assign = wait.parent;
  if (assign?.type !== T.AssignmentExpression || assign.right !== wait) return false;
  const target = unwrap(assign.left);
  if (!fn?.body || target.type !== T.MemberExpression || unwrap(target.object).type !== T.ThisExpression) return false;
  const text = ctx.sourceCode.getText(target);
  let consumed = false;
  walk(fn.body, ctx.sourceCode.visitorKeys, (n) => {
    if (consumed || (n !== fn.body && isFunction(n))) return false;
    if (n.type !== T.MemberExpression || ctx.sourceCode.getText(n) !== text) return undefined;
    const p = n.parent;
    if (p?.type === T.AwaitExpression) consumed = true;
    else if (p?.type === T.MemberExpression && p.object === n && propertyName(p) === 'then') consumed = true;
    else if (p?.type === T.CallExpression && p.arguments.includes(n) && ['resolve', 'all', 'allSettled', 'race'].includes(calleeName(p) ?? '')) consumed = true;
    else if (p?.type === T.ArrayExpression && p.parent?.type === T.CallExpression && ['all', 'allSettled'].includes(calleeName(p.parent) ?? '')) consumed = true;
    return undefined;
  });
  return consumed;
}

/**
 * Waits in the relay before it calls back: awaited waits, or a timer whose callback calls back.
 * `region` is the retried function: a value nothing in it or the relay changes (a parameter of a
 * function around both, never written) is the same on every attempt.
 */
function relayWaits(r: Relay, ctx: Ctx, region?: RetryRegion, counterFields?: CounterFields): Wait[] {
  if (r.factoryWait) return [r.factoryWait];
  // The attempt count kept in a field (relayBound): its value runs from 0 to the limit.
  const member = counterMember(counterFields, ctx);
  const waitOf = (w: Parameters<typeof waitOfCall>[0], sc: TSESLint.SourceCode, a: AttemptVar[], it: number | undefined, rg: RetryRegion | undefined): Wait => waitOfCall(w, sc, a, it, rg, member);
  const waits: Wait[] = [];
  // The relay's parameters as this call of it fills them (`scheduleFlush(1000)` for
  // `function scheduleFlush(delay = FLUSH_INTERVAL)`): a delay handed in is this cycle's.
  const bindings: { param: TSESTree.Identifier; arg: Node }[] = [];
  if (r.call.type === T.CallExpression && !r.call.arguments.some((a) => a.type === T.SpreadElement)) {
    r.relay.params.forEach((p, i) => {
      const id = p.type === T.AssignmentPattern ? p.left : p;
      const a = r.call.arguments[i];
      if (id.type === T.Identifier && a && a.type !== T.SpreadElement) bindings.push({ param: id, arg: a });
    });
  }
  // A wait whose delay this call hands in is reported at this call, where that delay is written
  // (the relay's timer serves its other callers too).
  const bound = bindings.map((b) => variableOf(ctx.sourceCode, b.param)).filter((v): v is Variable => !!v);
  const handedDelay = (expr: Node, w: Wait): Wait => (bound.some((v) => refersTo(expr, v, ctx)) ? { ...w, node: r.call } : w);
  // `setTimeout(open, ms)` in the relay: the call back is the timer itself.
  if (isGlobalTimer(ctx.sourceCode, r.back) && r.back.arguments[1] && r.back.arguments[1].type !== T.SpreadElement) {
    const expr = r.back.arguments[1];
    waits.push(handedDelay(expr, waitOf({ call: r.back, delayExpr: expr, bindings, argument: expr, opaque: false }, ctx.sourceCode, [], undefined, region)));
  }
  for (let p: Node | undefined = r.back.parent; p && p !== r.relay; p = p.parent) {
    const host: Node | undefined = p.parent;
    if (isFunction(p) && host?.type === T.CallExpression && host.arguments[0] === p && isGlobalTimer(ctx.sourceCode, host)) {
      const ms = host.arguments[1];
      const expr = ms && ms.type !== T.SpreadElement ? ms : undefined;
      if (expr) waits.push(handedDelay(expr, waitOf({ call: host, delayExpr: expr, bindings, argument: expr, opaque: false }, ctx.sourceCode, [], undefined, region)));
      break;
    }
    // Handed to a same-file scheduler (`this.redial.schedule(() => this.open())`): its timer's delay.
    const scheduled = isFunction(p) ? handedToScheduler(p, ctx) : undefined;
    if (scheduled) {
      waits.push(factoryWait(scheduled, host as TSESTree.CallExpression, ctx));
      break;
    }
  }
  // `setTimeout(this.reconnect.bind(this), ms)` in the relay, the call back one function further.
  const timer = timerRunningBack(r, ctx);
  const ms = timer?.arguments[1];
  if (timer && ms && ms.type !== T.SpreadElement) waits.push(waitOf({ call: timer, delayExpr: ms, bindings: [], argument: ms, opaque: false }, ctx.sourceCode, [], undefined, region));
  walkRegion(r.relay.body, ctx.sourceCode, (n) => {
    if (n.type !== T.CallExpression && n.type !== T.NewExpression) return undefined;
    if (n === r.back && calleeName(n) !== 'then') return false;
    if (leadsToBack(n, r, ctx)) return false;
    const w = asWait(n, ctx.sourceCode, ctx.settings);
    if (w && (isAwaited(n, ctx.sourceCode) || chainsInto(n, r.back) || storedWaitConsumed(n, r, ctx))) {
      waits.push(waitOf(w, ctx.sourceCode, [], undefined, region));
      return false;
    }
    return undefined;
  }, false);
  return waits;
}

/**
 * Whether a call of the relay runs the function that holds the call back (`reconnect(url)` in
 * `ws.onclose = () => reconnect(url)`, the timer being in `reconnect`): the way to the call back,
 * whose own timer is its wait, not a wait of its own before it.
 */
function leadsToBack(n: Node, r: Relay, ctx: Ctx): boolean {
  if (n.type !== T.CallExpression || contains(r.relay, r.back)) return false;
  const f = calledFunction(n, ctx);
  return !!f && contains(f, r.back);
}

/**
 * For a call back one function further than the relay: a global timer of the relay (with a delay)
 * that runs the function holding it, handed by reference (`setTimeout(this.reconnect.bind(this), ms)`)
 * or called from the timer's callback (`setTimeout(() => this.reconnect(), ms)`).
 */
function timerRunningBack(r: Relay, ctx: Ctx): TSESTree.CallExpression | undefined {
  if (contains(r.relay, r.back)) return undefined;
  // A call back made inside a loop of the function holding it (`while (!stopped) { await connectOnce() … }`)
  // is that loop's attempt: the loop is the retry, judged on its own.
  for (let p: Node | undefined = r.back.parent; p && !isFunction(p); p = p.parent) {
    if (p.type === T.WhileStatement || p.type === T.DoWhileStatement || p.type === T.ForStatement || p.type === T.ForOfStatement) return undefined;
  }
  const holds = (f: Fn | undefined): boolean => !!f && contains(f, r.back);
  let hit: TSESTree.CallExpression | undefined;
  walkRegion(r.relay.body, ctx.sourceCode, (n) => {
    if (hit) return false;
    if (n.type !== T.CallExpression || !isGlobalTimer(ctx.sourceCode, n) || !n.arguments[0] || n.arguments[0].type === T.SpreadElement || !n.arguments[1]) return undefined;
    const run = unwrap(unbound(n.arguments[0]));
    if (isFunction(run) ? callsIn(run.body, ctx).some((c) => holds(calledFunction(c, ctx))) : holds(calleeFunction(run, ctx))) hit = n;
    return undefined;
  }, false);
  return hit;
}

/**
 * Whether a same-file scheduler (called by `call`, whose timer takes `delay`) bounds the runs it
 * schedules by a count of its own: a field or outer variable it steps, compared by a test that
 * decides its timer. `'forever'` when every such limit is 1,000 or more (PRODUCT: no limit).
 */
function schedulerCounts(call: Node, delay: Node, ctx: Ctx): 'bounded' | 'forever' | undefined {
  const fn = call.type === T.CallExpression ? calleeFunction(call.callee, ctx) : undefined;
  const timer = delay.parent;
  if (!fn?.body || !timer) return undefined;
  const stepped = new Set<string>();
  walk(fn.body, ctx.sourceCode.visitorKeys, (n) => {
    const target = n.type === T.UpdateExpression ? n.argument : n.type === T.AssignmentExpression && (n.operator === '+=' || n.operator === '-=') ? n.left : undefined;
    const t = target && unwrap(target);
    if (t && (t.type === T.Identifier || (t.type === T.MemberExpression && unwrap(t.object).type === T.ThisExpression))) stepped.add(ctx.sourceCode.getText(t));
    return undefined;
  });
  if (stepped.size === 0) return undefined;
  const counting = testsOf(fn, ctx).filter((t) => decidesCall(t, [timer]) && comparesText(t, stepped, ctx));
  if (counting.length === 0) return undefined;
  const limits = fieldLimits(counting, stepped, ctx);
  return limits && limits.every((n) => isEffectivelyUnbounded(n)) ? 'forever' : 'bounded';
}

/** The function one call further than the relay that holds its call back (see findBackCalls), when there is one. */
function furtherHolder(fn: Fn, r: Relay): Fn | undefined {
  if (contains(r.relay, r.back)) return undefined;
  for (let p: Node | undefined = r.back.parent; p; p = p.parent) {
    if (isFunction(p) && (p.parent?.type === T.MethodDefinition || p.parent?.type === T.PropertyDefinition || p.parent?.type === T.VariableDeclarator || p.type === T.FunctionDeclaration)) return p === fn ? undefined : (p as Fn);
  }
  return undefined;
}

/** The same-file scheduler a relay's call back is handed to, and the timer call in it that runs the call back. */
function schedulerHandoff(r: Relay, ctx: Ctx): { fn: Fn; timer: Node } | undefined {
  for (let p: Node | undefined = r.back.parent; p && p !== r.relay; p = p.parent) {
    if (!isFunction(p)) continue;
    const scheduled = handedToScheduler(p, ctx);
    const host = p.parent as TSESTree.CallExpression;
    const fn = scheduled ? calleeFunction(host.callee, ctx) : undefined;
    const timer = scheduled?.delay.parent;
    return fn && timer ? { fn, timer } : undefined;
  }
  return undefined;
}

/**
 * A callback handed to a same-file scheduler that runs it from a timer (`redial.schedule(() => open())`
 * with `schedule(run) { …; setTimeout(run, wait) }`): the scheduler's delay, with its parameters bound.
 */
function handedToScheduler(cb: Node, ctx: Ctx): FailureContext['scheduled'] {
  const host = cb.parent;
  if (host?.type !== T.CallExpression || isGlobalTimer(ctx.sourceCode, host)) return undefined;
  const idx = host.arguments.indexOf(cb as TSESTree.CallExpressionArgument);
  const scheduler = idx >= 0 ? calleeFunction(host.callee, ctx) : undefined;
  return scheduler && !contains(scheduler, host) ? schedulerAt(host, scheduler, idx, ctx) : undefined;
}

/**
 * The self-call is guarded by a value an unresolvable call returned on the failure path: awaited
 * (`const { shouldRetry } = await getRetryConfig(err); if (shouldRetry) return f(opts)`), or handed
 * the count the path steps (`obj.attempts += 1; const wait = this.retryAlgorithm(ev, obj.attempts);
 * if (wait === -1) giveUp(); else setTimeout(again, wait)`). That call may stop at any count.
 */
function decidedElsewhere(call: TSESTree.CallExpression, fc: FailureContext, ctx: Ctx): boolean {
  // Awaited answers decide the branch that holds the re-call; answers of a helper handed the count
  // decide either branch (the re-run may sit in the `else` of its give-up test).
  const awaited = new Set<Variable>();
  const counted = new Set<Variable>();
  // The counts the failure path steps (`obj.attempts += 1`): a helper handed one decides by the count.
  const stepped = new Set<string>();
  walk(fc.path, ctx.sourceCode.visitorKeys, (n) => {
    const t = stepTarget(n, ctx.sourceCode)?.target;
    if (t) stepped.add(ctx.sourceCode.getText(unwrap(t)));
    return undefined;
  });
  walk(fc.path, ctx.sourceCode.visitorKeys, (n) => {
    if (n.type !== T.VariableDeclarator || !n.init) return undefined;
    const init = unwrap(n.init);
    const inner = init.type === T.AwaitExpression ? unwrap(init.argument) : init;
    if (inner.type !== T.CallExpression || sameFileFunction(inner.callee, ctx)) return undefined;
    const handedCount = inner.arguments.some((a) => a.type !== T.SpreadElement && stepped.has(ctx.sourceCode.getText(unwrap(a))));
    const into = handedCount ? counted : init.type === T.AwaitExpression ? awaited : undefined;
    if (!into) return undefined;
    walk(n.id, ctx.sourceCode.visitorKeys, (id) => {
      if (id.type === T.Identifier) {
        const v = variableOf(ctx.sourceCode, id);
        if (v) into.add(v);
      }
    });
    return undefined;
  });
  if (awaited.size === 0 && counted.size === 0) return false;
  for (let p: Node | undefined = call.parent; p && p !== fc.path; p = p.parent) {
    if (p.type !== T.IfStatement && p.type !== T.ConditionalExpression) continue;
    const inConsequent = contains(p.consequent, call);
    const inAlternate = !!p.alternate && contains(p.alternate, call);
    for (const v of awaited) if (inConsequent && refersTo(p.test, v, ctx)) return true;
    for (const v of counted) if ((inConsequent || inAlternate) && refersTo(p.test, v, ctx)) return true;
  }
  return false;
}

/**
 * The self-call passes a value computed inside the function (`const parent = path.dirname(dir);
 * return findUp(parent)`): it works on a new input (walking a tree), it does not retry.
 */
function newInput(call: TSESTree.CallExpression, fn: Fn, ctx: Ctx): boolean {
  if (!selfCallee(call, fn, ctx)) return false;
  if (walksParameter(call, fn, ctx)) return true;
  if (stepsOuterInput(fn, ctx)) return true;
  if (call.arguments.some((a) => readFromResult(a, fn, ctx))) return true;
  // Each run asks a person again (`askUntilValid(readLine, check)`): a re-prompt, on a new answer.
  if (readsFromPersonBefore(fn, call, ctx)) return true;
  // The shared data-flow rule (input-change.ts): between the failure and this call, the function
  // writes a new value to something its operation takes (`port++` in the error listener with
  // `listen(port)`, `this.history = this.history.slice(k)` with `complete(this.history)`), or it
  // draws its candidate at random on every call.
  const others = selfCalls(fn, ctx);
  const self = (c: Node): boolean => c === call || others.includes(c as TSESTree.CallExpression);
  if (inputWrites(fn.body, ctx, fn).some((w) => (enclosingFunction(w.node) !== fn || (w.node.range[0] < call.range[0] && mayReach(w.node, call, ctx.sourceCode.visitorKeys))) && operationTakes(fn.body, w.slot, ctx, self))) return true;
  // The count handed on also picks what the operation works on (`fetcher(vars, env[`PAT_${tries + 1}`])`
  // with `tries++` before the self-call): the next token, host or key, a failover.
  if (call.arguments.some((a) => handedIdentifiers(a).some((u) => {
    const v = variableOf(ctx.sourceCode, u);
    if (!v || v.defs[0]?.type !== 'Parameter' || !contains(fn, v.defs[0].name) || !selectsOperand(v, ctx)) return false;
    return unwrap(a) !== u || v.references.some((r) => r.isWrite() && !r.init && contains(fn.body, r.identifier) && r.identifier.range[0] < call.range[0]);
  }))) return true;
  if (drawsInputAtRandom(fn, ctx, self)) return true;
  if (dropsInputToDefault(call, fn, ctx, self)) return true;
  if (handsFreshValue(call, fn, ctx, self)) return true;
  if (rewritesHandedMember(call, fn, ctx)) return true;
  if (clearsWayIn(call, fn, ctx)) return true;
  // The call meets a re-entry guard the function set on the way in: it returns at once.
  if (reentryBlocked(call, fn, ctx.sourceCode)) return true;
  return call.arguments.some((a, i) => handedIdentifiers(a).some((u) => {
    const v = variableOf(ctx.sourceCode, u);
    const def = v?.defs[0];
    return !!def && def.type === 'Variable' && contains(fn.body, def.name) && !ATTEMPTISH.test(u.name) && !onlyBookkeeping(v, ctx) && !isCopy(def.node, ctx) && !isCounterStep(u, fn, ctx) && !handedBackInPlace(u, def.node, fn.params[i], ctx) && !readBackStored(def.node, fn, ctx);
  }));
}

/**
 * Whether the failure path, before the self-call, clears something (`tab.doc.ctx = undefined`,
 * `this.session = null`) that an early exit at the top of the function tests (`const ctx =
 * tab.doc.ctx; if (!ctx) { askWhereToSave(); return }`): the re-run leaves by that exit, before the
 * operation, a change of course, not the same attempt again.
 */
function clearsWayIn(call: TSESTree.CallExpression, fn: Fn, ctx: Ctx): boolean {
  if (fn.body?.type !== T.BlockStatement) return false;
  const text = (n: Node): string => ctx.sourceCode.getText(unwrap(n));
  // Slots written a falsy constant on the way to the call, in the statements before it.
  const cleared = new Set<string>();
  for (let c: Node = call, p: Node | undefined = call.parent; p && p !== fn; c = p, p = p.parent) {
    if (p.type !== T.BlockStatement) continue;
    for (const st of p.body.slice(0, p.body.indexOf(c as TSESTree.Statement))) {
      if (st.type !== T.ExpressionStatement || st.expression.type !== T.AssignmentExpression || st.expression.operator !== '=') continue;
      if (isFalsyConstant(st.expression.right) && unwrap(st.expression.left).type === T.MemberExpression) cleared.add(text(st.expression.left));
    }
  }
  if (cleared.size === 0) return false;
  // A local holding one of them (`const ctx = tab.value.doc.ctx`).
  const holders = new Set<TSESLint.Scope.Variable>();
  const reads = (n: Node): boolean => {
    const u = unwrap(n);
    if (cleared.has(text(u))) return true;
    const v = u.type === T.Identifier ? variableOf(ctx.sourceCode, u) : undefined;
    return !!v && holders.has(v);
  };
  for (const st of fn.body.body) {
    if (contains(st, call)) break;
    if (st.type === T.VariableDeclaration && st.kind === 'const') {
      for (const d of st.declarations) if (d.id.type === T.Identifier && d.init && cleared.has(text(d.init))) {
        const v = variableOf(ctx.sourceCode, d.id);
        if (v) holders.add(v);
      }
    }
    if (st.type !== T.IfStatement || !alwaysExits(st.consequent)) continue;
    // Taken when the slot is missing: `!x`, `x == null`, `x === undefined`, or one of `||`'s terms.
    if (testsMissing(st.test, reads)) return true;
  }
  return false;
}

/**
 * Whether control may go from `from` on to `to` (later in the same function) without leaving: no
 * statement list holding `from` but not `to` ends, after it, in a `return` or `throw` (a correction
 * in one branch, `if (badPassword) { this.password = decode(this.password); return this.login() }`,
 * does not reach the catch's `return this.login()`). A `throw` in a try whose catch holds `to` goes there.
 */
function mayReach(from: Node, to: Node, keys: TSESLint.SourceCode.VisitorKeys): boolean {
  for (let a: Node = from, p = from.parent; p && !contains(p, to); a = p, p = p.parent) {
    const list = p.type === T.BlockStatement || p.type === T.Program ? p.body : p.type === T.SwitchCase ? p.consequent : undefined;
    if (!list) continue;
    const after = list.slice(list.indexOf(a as TSESTree.Statement) + 1);
    // Out of the function: a `break` or `continue` stays in it.
    const exit = after.find((st) => alwaysExits(st) && findAll(st, keys, (n): n is Node => n.type === T.BreakStatement || n.type === T.ContinueStatement).length === 0);
    if (!exit) continue;
    if (exit.type === T.ThrowStatement) {
      const tryOf = p.parent?.type === T.TryStatement && p.parent.block === p ? p.parent : undefined;
      if (tryOf?.handler && contains(tryOf.handler, to)) continue;
    }
    return false;
  }
  return true;
}

/**
 * A local read from an option of a parameter and handed back at that same option of it, unchanged
 * (`const left = options.retries ?? 3` … `self(report, { ...options, retries: left })`): a copy of
 * the same input (PRODUCT: a local copy of the same options is the same input).
 */
function handedBackInPlace(u: TSESTree.Identifier, decl: Node, param: TSESTree.Parameter | undefined, ctx: Ctx): boolean {
  const prop = u.parent;
  if (prop?.type !== T.Property || prop.value !== u || prop.parent?.type !== T.ObjectExpression || !param) return false;
  const key = propertyName(prop);
  const id = param.type === T.AssignmentPattern ? param.left : param;
  if (!key || id.type !== T.Identifier || decl.type !== T.VariableDeclarator || !decl.init) return false;
  const pv = variableOf(ctx.sourceCode, id);
  // `const { pauseMs: wait = 100 } = opts` … `self({ pauseMs: wait })`.
  if (decl.id.type === T.ObjectPattern) {
    const source = unwrap(decl.init);
    const own = decl.id.properties.find((q): q is TSESTree.Property => q.type === T.Property && ((q.value.type === T.Identifier && q.value.name === u.name) || (q.value.type === T.AssignmentPattern && q.value.left.type === T.Identifier && q.value.left.name === u.name)));
    return !!own && propertyName(own) === key && source.type === T.Identifier && !!pv && isReferenceTo(pv, source);
  }
  let read = unwrap(decl.init);
  if (read.type === T.LogicalExpression && (read.operator === '??' || read.operator === '||')) read = unwrap(read.left);
  if (read.type === T.ChainExpression) read = unwrap(read.expression);
  return read.type === T.MemberExpression && propertyName(read) === key && unwrap(read.object).type === T.Identifier && !!pv && isReferenceTo(pv, unwrap(read.object) as TSESTree.Identifier);
}

/**
 * Whether an object the self-call hands on had a member rewritten on the way to the call, a member the
 * function's operation reads as an argument (`attachment.url = await askForUrl(attachment.url); return
 * fetchAttachment(attachment, tab)` with `request('GET', attachment.url)`): the object now names another
 * resource, a request corrected before it is re-sent (PRODUCT, "Retry or not"), as handing the new
 * value itself would be. A bookkeeping member (`opts.attempt = n + 1`) changes no input.
 */
function rewritesHandedMember(call: TSESTree.CallExpression, fn: Fn, ctx: Ctx): boolean {
  const sc = ctx.sourceCode;
  const memberOf = (id: Node): TSESTree.MemberExpression | undefined => {
    const m = id.parent;
    return m?.type === T.MemberExpression && m.object === id && !m.computed ? m : undefined;
  };
  for (const a of call.arguments) {
    const u = unwrap(a as Node);
    if (u.type !== T.Identifier) continue;
    const v = variableOf(sc, u);
    if (!v) continue;
    for (const r of v.references) {
      const m = memberOf(r.identifier as Node);
      const w = m?.parent;
      if (!m || w?.type !== T.AssignmentExpression || w.left !== m || w.operator !== '=') continue;
      const prop = propertyName(m);
      if (!prop || BOOKKEEPING_NAME_RE.test(prop) || sc.getText(unwrap(w.right)) === sc.getText(m)) continue;
      if (!contains(fn.body, w) || w.range[0] >= call.range[0] || !mayReach(w, call, sc.visitorKeys)) continue;
      // The operation reads that member: handed to a call that is not a log line or a self-call.
      const read = v.references.some((q) => {
        const qm = q !== r ? memberOf(q.identifier as Node) : undefined;
        const host = qm?.parent;
        return !!qm && propertyName(qm) === prop && contains(fn.body, qm) && host?.type === T.CallExpression && host.arguments.includes(qm) && !isReportingCall(host) && !selfCallee(host, fn, ctx) && host !== w.right && !contains(w.right, host);
      });
      if (read) return true;
    }
  }
  return false;
}

/**
 * The call hands a parameter the operation takes a value obtained afresh by another call
 * (`untilValid(await ask('try again:'), validate)` where the attempt runs `validate(answer)`): the
 * next run works on what that call returned, a new input, like a local holding it would be. A
 * refreshed credential (`self(req, await refreshToken())`) is the same request re-sent, and a wait
 * or arithmetic is no input.
 */
function handsFreshValue(call: TSESTree.CallExpression, fn: Fn, ctx: Ctx, skip: (c: Node) => boolean): boolean {
  const params = paramVars(fn, ctx);
  return call.arguments.some((a, i) => {
    let u = unwrap(a);
    if (u.type === T.AwaitExpression) u = unwrap(u.argument);
    if (u.type !== T.CallExpression || skip(u) || asWait(u, ctx.sourceCode, ctx.settings)) return false;
    if (isCredentialRefresh(u, ctx.sourceCode) || isLogCallee(unwrap(u.callee), ['Math', 'JSON', 'Object', 'Number', 'String'])) return false;
    const p = params.find((q) => q.index === i && fn.params[i]?.type !== T.ObjectPattern);
    return !!p && !ATTEMPTISH.test(p.variable.name) && !onlyBookkeeping(p.variable, ctx) && !paramVars(fn, ctx).some((q) => refersTo(u, q.variable, ctx)) && operationTakes(fn.body, { kind: 'variable', variable: p.variable }, ctx, skip);
  });
}

/**
 * The names an argument hands on as values: the argument itself, or the values of an object or
 * array literal (`{ lockFile, deps: widened }`, `[...base, extra]`), one level deep.
 */
function handedIdentifiers(arg: Node): TSESTree.Identifier[] {
  const u = unwrap(arg);
  if (u.type === T.Identifier) return [u];
  const out: TSESTree.Identifier[] = [];
  const add = (x: Node | null | undefined): void => {
    const w = x && unwrap(x);
    if (w?.type === T.Identifier) out.push(w);
  };
  if (u.type === T.ObjectExpression) for (const p of u.properties) add(p.type === T.Property ? p.value : p.argument);
  if (u.type === T.ArrayExpression) for (const e of u.elements) add(e && e.type === T.SpreadElement ? e.argument : e);
  return out;
}

/**
 * The call leaves out an argument whose parameter has a default (`authHeaders(host, repo)` for
 * `authHeaders(host, repo, probeUrl = \`${host}/v2/\`)`) and the operation takes that parameter
 * (`http.get(probeUrl)`): the next call sends the request with the default instead, a corrected
 * request (R2). A count or a delay left to its default (`attempt = 0`) is bookkeeping, not an input.
 */
function dropsInputToDefault(call: TSESTree.CallExpression, fn: Fn, ctx: Ctx, skip: (c: Node) => boolean): boolean {
  if (call.arguments.some((a) => a.type === T.SpreadElement)) return false;
  return paramVars(fn, ctx).some((p) => {
    if (!p.defaultValue || p.index < call.arguments.length || fn.params[p.index]?.type !== T.AssignmentPattern) return false;
    if (ATTEMPTISH.test(p.variable.name) || onlyBookkeeping(p.variable, ctx)) return false;
    return operationTakes(fn.body, { kind: 'variable', variable: p.variable }, ctx, skip);
  });
}

/**
 * The argument is read from a value this call of the function obtained (`reply.headers.location`,
 * `page.body.next`): a member of a local or of a callback parameter declared inside `fn`, other
 * than the error a failure hands over (a catch parameter, or one named like an error, whose
 * `config` is the same request again). The next call works on what the last attempt returned (a
 * redirect followed, a next page), a new input rather than the same request again (R2).
 */
function readFromResult(arg: Node, fn: Fn, ctx: Ctx): boolean {
  let u = unwrap(arg);
  if (u.type === T.CallExpression && unwrap(u.callee).type === T.MemberExpression) u = unwrap(u.callee);
  if (u.type !== T.MemberExpression) return false;
  let root: Node = u;
  while (root.type === T.MemberExpression || root.type === T.CallExpression) root = unwrap(root.type === T.MemberExpression ? root.object : root.callee);
  if (root.type !== T.Identifier || holdsError(root, ctx.sourceCode) || ATTEMPTISH.test(root.name)) return false;
  const def = variableOf(ctx.sourceCode, root)?.defs[0];
  if (!def || !contains(fn.body, def.name)) return false;
  if (def.type === 'CatchClause') return false;
  if (def.type === 'Parameter') {
    // A callback's parameter: the first of a Node-style `(err, res)` callback is the error.
    const owner = def.node as Fn;
    const index = owner.params.findIndex((q) => contains(q, def.name));
    const errorFirst = index === 0 && owner.params.length > 1;
    return !errorFirst;
  }
  if (def.type !== 'Variable') return false;
  // A local copied from the error (`const cfg = err.config`) is the same request again.
  let init: Node | null | undefined = (def.node as TSESTree.VariableDeclarator).init;
  while (init && (init.type === T.MemberExpression || init.type === T.AwaitExpression || init.type === T.TSAsExpression || init.type === T.TSNonNullExpression)) init = init.type === T.MemberExpression ? init.object : init.type === T.AwaitExpression ? init.argument : init.expression;
  return !(init?.type === T.Identifier && holdsError(init, ctx.sourceCode));
}


const COMPARISON = new Set(['<', '<=', '>', '>=', '===', '==', '!==', '!=']);

/**
 * The function steps a variable declared outside it (`port += 1`, `seq++`) that is no attempt
 * count (never compared, not named like one) and hands it to a call that is not a log line
 * (`listen(port)`, `open(\`tmp-${seq}\`)`, directly or through a local): each call works on a
 * new input (the next port, the next name), a walk over candidates rather than a retry (R2).
 */
function stepsOuterInput(fn: Fn, ctx: Ctx): boolean {
  const keys = ctx.sourceCode.visitorKeys;
  const carriers = new Set<TSESLint.Scope.Variable>();
  // A call that does the work: neither a log line nor a wait (`setTimeout(again, PAUSES[step])`).
  const worker = (c: TSESTree.CallExpression): boolean => !isLogCallee(unwrap(c.callee)) && !asWait(c, ctx.sourceCode, ctx.settings);
  // `hosts[index]` inside a working call's arguments: the value picks the target of the operation.
  const picksTarget = (v: TSESLint.Scope.Variable): boolean =>
    v.references.some((r) => {
      const m = r.identifier.parent;
      if (m?.type !== T.MemberExpression || !m.computed || m.property !== r.identifier || !contains(fn, m)) return false;
      for (let p: Node | undefined = m.parent; p && p !== fn; p = p.parent) {
        if (isFunction(p)) return false;
        if (p.type === T.CallExpression) return p.arguments.some((a) => contains(a, m)) && worker(p);
      }
      return false;
    });
  walk(fn.body, keys, (n) => {
    const target = n.type === T.UpdateExpression ? n.argument : n.type === T.AssignmentExpression && (n.operator === '+=' || n.operator === '-=') ? n.left : undefined;
    const u = target && unwrap(target);
    if (u?.type !== T.Identifier || ATTEMPTISH.test(u.name)) return undefined;
    const v = variableOf(ctx.sourceCode, u);
    const def = v?.defs[0];
    if (!v || !def || def.type !== 'Variable' || contains(fn, def.name)) return undefined;
    const compared = v.references.some((r) => {
      const p = r.identifier.parent;
      return p?.type === T.BinaryExpression && COMPARISON.has(p.operator);
    });
    // Compared (against the list's length) but picking the element the request goes to: the next
    // candidate, not a count of attempts at the same one.
    // A step in a callback of the function counts only for such a pick.
    let nested = false;
    for (let p = n.parent; p && p !== fn; p = p.parent) if (isFunction(p)) nested = true;
    // A count that only paces the wait (`setTimeout(again, 1000 * failures)`) is bookkeeping, not an input.
    if (((!compared && !nested) || picksTarget(v)) && !onlyBookkeeping(v, ctx)) carriers.add(v);
    return undefined;
  });
  if (carriers.size === 0) return false;
  const reads = (root: Node): boolean => {
    let found = false;
    walk(root, keys, (m) => {
      if (found) return false;
      if (m.type === T.Identifier) {
        const v = variableOf(ctx.sourceCode, m);
        if (v && carriers.has(v)) found = true;
      }
      return undefined;
    });
    return found;
  };
  let handed = false;
  walk(fn.body, keys, (n) => {
    if (handed) return false;
    // `const file = path.join(dir, \`tmp-${seq}\`)`: the local carries the stepped value on.
    if (n.type === T.VariableDeclarator && n.id.type === T.Identifier && n.init && reads(n.init)) {
      const v = variableOf(ctx.sourceCode, n.id);
      if (v) carriers.add(v);
    }
    if (n.type === T.CallExpression) {
      const c = unwrap(n.callee);
      if (worker(n) && n.arguments.some((a) => reads(a))) handed = true;
    }
    return undefined;
  });
  return handed;
}

/**
 * The initialiser of a `const` declared in `fn` (`const next = attempt + 1`), which the argument
 * `arg` stands for; undefined for anything else.
 */
function localConstInit(arg: Node, fn: Fn, ctx: Ctx): Node | undefined {
  const u = unwrap(arg);
  if (u.type !== T.Identifier) return undefined;
  const def = variableOf(ctx.sourceCode, u)?.defs[0];
  if (!def || def.type !== 'Variable' || def.parent.kind !== 'const' || !contains(fn.body, def.name)) return undefined;
  return def.node.init ?? undefined;
}

/** `next` in `self(next)` with `const next = attempt + 1`: a parameter stepped by a constant, the attempt counter (not a new input). */
function isCounterStep(arg: Node, fn: Fn, ctx: Ctx): boolean {
  const init = localConstInit(arg, fn, ctx);
  const u = init && unwrap(init);
  if (u?.type !== T.BinaryExpression || (u.operator !== '+' && u.operator !== '-')) return false;
  const num = (x: Node): boolean => constantNumber(ctx.sourceCode, x) !== undefined;
  if (!num(u.right) && !(u.operator === '+' && num(u.left))) return false;
  return paramVars(fn, ctx).some((p) => refersTo(u, p.variable, ctx));
}

/**
 * A corrected request: the self-call removes a field (`{ ...data, auditLogId: undefined }`) that the
 * branch leading to it requires (`if (err.code === 'ER_DUP_ENTRY' && data.auditLogId)`). The next
 * call is a different input and cannot take the branch again: a correction, not a retry (R2).
 */
function removesGuardedField(call: TSESTree.CallExpression, fn: Fn, ctx: Ctx): boolean {
  const removed = new Set<string>();
  for (const a of call.arguments) {
    const u = unwrap(a);
    if (u.type !== T.ObjectExpression || !u.properties.some((p) => p.type === T.SpreadElement)) continue;
    for (const p of u.properties) {
      if (p.type !== T.Property || p.computed) continue;
      const v = unwrap(p.value);
      const cleared = (v.type === T.Literal && v.value === null) || (v.type === T.Identifier && v.name === 'undefined');
      const name = propertyName(p);
      if (cleared && name) removed.add(name);
    }
  }
  if (removed.size === 0) return false;
  for (let p: Node | undefined = call.parent; p && p !== fn; p = p.parent) {
    if ((p.type === T.IfStatement || p.type === T.ConditionalExpression) && contains(p.consequent, call)) {
      let tested = false;
      walk(p.test, ctx.sourceCode.visitorKeys, (m) => {
        if (m.type === T.MemberExpression && removed.has(propertyName(m) ?? '')) tested = true;
      });
      if (tested) return true;
    }
  }
  return false;
}

/**
 * A walk over a shared list: the function starts by taking the next item (`const spec = queue.shift()`)
 * and leaves when there is none (`if (!spec) return done()`), so every call of itself works on the
 * next item (creating indexes one by one, trying the next host): not a retry (R2).
 */
function takesNextItem(fn: Fn, ctx: Ctx): boolean {
  if (fn.body.type !== T.BlockStatement) return false;
  const taken = new Set<TSESLint.Scope.Variable>();
  const lists = new Set<string>();
  for (const st of fn.body.body) {
    if (st.type === T.VariableDeclaration) {
      for (const d of st.declarations) {
        const init = unwrap(d.init);
        if (d.id.type !== T.Identifier || init?.type !== T.CallExpression || !['shift', 'pop'].includes(calleeName(init) ?? '') || init.arguments.length > 0) continue;
        const v = variableOf(ctx.sourceCode, d.id);
        if (v) taken.add(v);
        lists.add(ctx.sourceCode.getText((unwrap(init.callee) as TSESTree.MemberExpression).object));
      }
      continue;
    }
    if (st.type !== T.IfStatement || taken.size === 0 || !alwaysExits(st.consequent)) continue;
    let readsItem = false;
    walk(st.test, ctx.sourceCode.visitorKeys, (m) => {
      if (m.type === T.Identifier) {
        const v = variableOf(ctx.sourceCode, m);
        if (v && taken.has(v)) readsItem = true;
      }
      if (m.type === T.MemberExpression && propertyName(m) === 'length' && lists.has(ctx.sourceCode.getText(m.object))) readsItem = true;
    });
    if (readsItem) return !putsBack(fn, taken, ctx);
  }
  return false;
}

/** The function puts a taken item back (`queue.unshift(job)`, `queue.push(job)`): the same item runs again. */
function putsBack(fn: Fn, taken: Set<TSESLint.Scope.Variable>, ctx: Ctx): boolean {
  return putsBackIn(fn.body, taken, ctx);
}

/**
 * Whether a catch puts back items the function took off a store before its attempt (`const batch =
 * queue.splice(0, 25)` … `catch { batch.forEach((e) => queue.unshift(e)) }`, `const job = jobs.shift()`
 * … `jobs.unshift(job)`), so that a later run of the function takes them again.
 */
function catchPutsBackTaken(handler: TSESTree.CatchClause, fn: Fn, ctx: Ctx): boolean {
  const taken = new Set<TSESLint.Scope.Variable>();
  walk(fn.body as Node, ctx.sourceCode.visitorKeys, (n) => {
    if (n !== fn.body && isFunction(n)) return false;
    if (n.type === T.VariableDeclarator && n.id.type === T.Identifier && n.init) {
      const init = unwrap(n.init);
      if (init.type === T.CallExpression && ['splice', 'shift', 'pop'].includes(calleeName(init) ?? '') && unwrap(init.callee).type === T.MemberExpression && n.range[1] <= handler.range[0]) {
        const v = variableOf(ctx.sourceCode, n.id);
        if (v) taken.add(v);
      }
    }
    return undefined;
  });
  if (taken.size === 0) return false;
  // The items of a taken batch, as a callback over it receives them (`batch.reverse().forEach((e) => …)`).
  walk(handler.body, ctx.sourceCode.visitorKeys, (n) => {
    if (n.type !== T.CallExpression || unwrap(n.callee).type !== T.MemberExpression) return undefined;
    // Through calls that hand the same items on (`batch.reverse().forEach(…)`, `batch.slice().map(…)`).
    let root = unwrap(n.callee);
    while (root.type === T.MemberExpression || (root.type === T.CallExpression && unwrap(root.callee).type === T.MemberExpression)) root = unwrap(root.type === T.MemberExpression ? root.object : root.callee);
    const rv = root.type === T.Identifier ? variableOf(ctx.sourceCode, root) : undefined;
    if (!rv || !taken.has(rv)) return undefined;
    for (const a of n.arguments) {
      const f = unwrap(a as Node);
      const first = isFunction(f) ? f.params[0] : undefined;
      const pv = first?.type === T.Identifier ? variableOf(ctx.sourceCode, first) : undefined;
      if (pv) taken.add(pv);
    }
    return undefined;
  });
  return putsBackIn(handler.body, taken, ctx);
}

/**
 * Whether the region puts one of the taken items back into a collection (`queue.unshift(job)`,
 * `queue.push(job)`, `set.add(job)`), so that the same item is taken and run again.
 */
export function putsBackIn(region: Node, taken: Set<TSESLint.Scope.Variable>, ctx: Pick<Ctx, 'sourceCode'>): boolean {
  let found = false;
  walk(region, ctx.sourceCode.visitorKeys, (n) => {
    if (found) return false;
    if (n.type === T.CallExpression && ['unshift', 'push', 'splice', 'add', 'enqueue'].includes(calleeName(n) ?? '')) {
      for (const a of n.arguments) {
        // `queue.unshift(...batch)` puts back each item of a taken batch.
        const u = unwrap(a.type === T.SpreadElement ? a.argument : a);
        const v = u.type === T.Identifier ? variableOf(ctx.sourceCode, u) : undefined;
        if (v && taken.has(v)) found = true;
      }
    }
    return undefined;
  });
  return found;
}

/**
 * The call hands a parameter a new value derived from itself: `findUp(path.dirname(dir))`,
 * `tryExts(exts.slice(1))`, or an index into an input moved on (`load(urls, i + 1)` with
 * `urls[i]`). The next call works on a different input: a walk or a failover, not a retry (R2).
 */
function walksParameter(call: TSESTree.CallExpression, fn: Fn, ctx: Ctx): boolean {
  if (handsElementOfInput(call, fn, ctx)) return true;
  return paramVars(fn, ctx).some((p) => {
    const arg = argumentsPassed(call, fn, ctx.sourceCode)[p.index];
    if (!arg || fn.params[p.index]?.type === T.ObjectPattern) return false;
    const u = unwrap(arg);
    const refs = (n: Node): boolean => refersTo(n, p.variable, ctx);
    // `Math.min(wait * 2, cap)`: arithmetic on the value (a growing delay), not a step to another input.
    const arithmetic = u.type === T.CallExpression && unwrap(u.callee).type === T.MemberExpression && unwrap((unwrap(u.callee) as TSESTree.MemberExpression).object).type === T.Identifier && ((unwrap((unwrap(u.callee) as TSESTree.MemberExpression).object) as TSESTree.Identifier).name === 'Math');
    if ((u.type === T.CallExpression || u.type === T.NewExpression) && refs(u) && !arithmetic && !asWait(u, ctx.sourceCode, ctx.settings)) return true;
    // Text added to the value (`name + '.json'`, `${name}.default`): another name, a fallback.
    if (extendsText(u, refs)) return true;
    // A part of the value (`err.cause`, `node.parent`, `config.fallback`, `list[1]`): a walk into
    // or along the input, another input each time.
    if (u.type === T.MemberExpression && refs(chainRoot(u))) return true;
    const dir = changeIn(arg, p.variable, ctx);
    if (dir) {
      // Counted down to a limit (`retry(handler, times - 1)` after `if (times < 1) reject(e)`): what
      // is left of a budget of tries, whatever the operation is handed; walks go up to the next
      // port, page or index.
      if (dir === -1 && testsOf(fn, ctx).some((t) => limitIn(t, p.variable, ctx) !== undefined)) return false;
      // A stepped value the operation takes (`listen(port)` with `self(port + 1)`), not named like a
      // count: the next port, page or id, a walk over candidates.
      if (steppedByOne(u, ctx) && handsSteppedOn(fn, p.variable, call, ctx)) return true;
      // An index: the parameter selects an element of another input (`urls[i]`, `hosts[i % n]`); an
      // entry of a delay table only paces the wait (`sleep(DELAYS[n])`).
      let indexes = false;
      walk(fn.body, ctx.sourceCode.visitorKeys, (n) => {
        if (indexes) return false;
        if (n.type === T.MemberExpression && n.computed && refs(n.property) && !feedsOnlyWaits(n, ctx)) indexes = true;
        return undefined;
      });
      return indexes;
    }
    return false;
  });
}

/**
 * Whether the self-call is handed (a part of) what a callback in `fn` receives from a call that was
 * given `fn`'s own input: `forEachItem(root.childNodes, (child) => … self(child))`, `each(list,
 * (node) => self(node.children))`, `get(url, (err, res) => self(res.headers.location))`. Each run
 * gets an element of, or a value derived from, the input it was handed: a walk, not the same input again.
 */
function handsElementOfInput(call: TSESTree.CallExpression, fn: Fn, ctx: Ctx): boolean {
  const params = paramVars(fn, ctx);
  const passed = argumentsPassed(call, fn, ctx.sourceCode);
  return params.some((p) => {
    const a = passed[p.index];
    if (!a) return false;
    const u = unwrap(chainRoot(unwrap(a)));
    if (u.type !== T.Identifier) return false;
    const def = variableOf(ctx.sourceCode, u)?.defs[0];
    const cb = def?.type === 'Parameter' ? (def.node as Node) : undefined;
    if (!cb || cb === fn || !isFunction(cb) || !contains(fn, cb)) return false;
    const host = cb.parent;
    if (host?.type !== T.CallExpression || !host.arguments.includes(cb as TSESTree.CallExpressionArgument)) return false;
    // The host was given this same input (`root.childNodes` for the slot `root` is handed back in):
    // what the callback gets comes from it. A failure handed on in another slot (`lastErr`) is not.
    const givenInput = (n: Node): boolean => refersTo(n, p.variable, ctx);
    const callee = unwrap(host.callee);
    return host.arguments.some((x) => x !== cb && x.type !== T.SpreadElement && givenInput(x)) || (callee.type === T.MemberExpression && givenInput(callee.object));
  });
}

/** `x + 1`, `x - 1`, `++x`: a step by one (to the next port, page or id), not a growing delay (`gap * 2`). */
function steppedByOne(arg: Node, ctx: Ctx): boolean {
  const u = unwrap(arg);
  if (u.type === T.UpdateExpression) return true;
  if (u.type !== T.BinaryExpression || (u.operator !== '+' && u.operator !== '-')) return false;
  const one = (x: Node): boolean => constantNumber(ctx.sourceCode, x) === 1;
  return one(u.right) || (u.operator === '+' && one(u.left as Node));
}

/**
 * The parameter `v`, not named like a count, is handed as is to a call in `fn` (also inside the
 * callbacks there, such as a promise executor) that is neither a wait, a log line nor the self-call
 * `skip`: the function works on it (`server.listen(port)`).
 */
function handsSteppedOn(fn: Fn, v: Variable, skip: Node, ctx: Ctx): boolean {
  let handed = false;
  walk(fn.body, ctx.sourceCode.visitorKeys, (n) => {
    if (handed || n === skip) return false;
    if (n.type !== T.CallExpression && n.type !== T.NewExpression) return undefined;
    if (asWait(n, ctx.sourceCode, ctx.settings) || (n.type === T.CallExpression && isGlobalTimer(ctx.sourceCode, n))) return false;
    const c = unwrap(n.callee);
    const logLine = isLogCallee(c, ['console', 'Math']);
    // Handed to the operation itself, not to what the code does about a failure (a delay helper, a
    // call in a catch handler): an attempt number handed to those is no input, whatever its name.
    // A same-file function that only computes (`decide(res, attempt)` returning `{ retry, delay }`)
    // decides about the attempt; it is not the operation the count would feed.
    const computes = n.type === T.CallExpression && (computesOnly(sameFileFunction(n.callee, ctx), ctx) || feedsOnlyWaits(n, ctx));
    if (!logLine && !computes && n.arguments.some((a) => unwrap(a).type === T.Identifier && isReferenceTo(v, unwrap(a) as TSESTree.Identifier)) && (n.type === T.NewExpression || isOperationCall(n, fn.body ?? fn, ctx))) handed = true;
    return undefined;
  });
  return handed;
}

/**
 * Whether a same-file function only computes a value: it awaits nothing, and every call it makes is
 * a deterministic built-in (`Math.min`, `JSON.parse`, string methods) or `Math.random`.
 */
export function computesOnly(f: Fn | undefined, ctx: Pick<Ctx, 'sourceCode'>): boolean {
  if (!f || f.async || f.generator || !f.body) return false;
  let io = false;
  walk(f.body, ctx.sourceCode.visitorKeys, (n) => {
    if (io) return false;
    if (n.type === T.AwaitExpression || n.type === T.YieldExpression) io = true;
    if ((n.type === T.CallExpression || n.type === T.NewExpression) && !isDeterministicCall(n) && !(n.type === T.CallExpression && ARRAY_PASS_RE.test(calleeName(n) ?? '') && unwrap(n.callee).type === T.MemberExpression)) io = true;
    return undefined;
  });
  return !io;
}

/**
 * Array methods that call a callback over the receiver's items (`xs.filter(Boolean)`,
 * `rows.map((r) => r.id)`): they compute when the callback does, and the walk of the function
 * judges the callback's own calls where it is written.
 */
const ARRAY_PASS_RE = /^(filter|map|flatMap|flat|some|every|find|findIndex|reduce|sort)$/;

/**
 * Whether a same-file function only looks at the program's own state: it awaits nothing, writes
 * nothing but its own locals, and calls only deterministic built-ins, `Promise.resolve` /
 * `Promise.reject` (a settled answer) and other such functions (`ready() { return this.up ?
 * Promise.resolve(this.ch) : Promise.reject(new Error('down')) }`). Running it again gives another
 * answer only once other code has changed that state.
 */
function looksOnly(f: Fn | undefined, ctx: Pick<Ctx, 'sourceCode'>, depth = 0): boolean {
  if (!f || f.async || f.generator || !f.body || depth > 2) return false;
  let io = false;
  walk(f.body, ctx.sourceCode.visitorKeys, (n) => {
    if (io) return false;
    if (n.type === T.AwaitExpression || n.type === T.YieldExpression) io = true;
    else if (n.type === T.NewExpression) io = !isDeterministicCall(n) && !/Error$/.test(calleeName(n) ?? '');
    else if (n.type === T.CallExpression) {
      const callee = unwrap(n.callee);
      const settled = callee.type === T.MemberExpression && unwrap(callee.object).type === T.Identifier && (unwrap(callee.object) as TSESTree.Identifier).name === 'Promise' && /^(resolve|reject)$/.test(propertyName(callee) ?? '');
      if (!settled && !isDeterministicCall(n) && !looksOnly(sameFileFunction(n.callee, ctx) as Fn | undefined, ctx, depth + 1)) io = true;
    } else if (n.type === T.AssignmentExpression || n.type === T.UpdateExpression) {
      const target = unwrap(n.type === T.AssignmentExpression ? n.left : n.argument);
      const v = target.type === T.Identifier ? variableOf(ctx.sourceCode, target) : undefined;
      if (!v || !v.defs.every((d) => contains(f, d.node))) io = true;
    }
    return undefined;
  });
  return !io;
}

/**
 * Whether the attempt of `fn` only looks at the program's own state (a wait for state, PRODUCT
 * "Retry or not": polling): apart from the calls that run it again, its waits, log lines and
 * promise plumbing (`.then`, `.catch`, the enclosing promise's `resolve` / `reject`), every call it
 * makes (in its handlers too) is of a same-file function that {@link looksOnly}, and there is at
 * least one (`const look = () => this.ready().then(resolve, () => setTimeout(look, 500))`).
 * Such a repeat waits until other code changes what it reads; nothing failed that running it again
 * could do better.
 */
/**
 * Whether `call` sits in a function (below `fn`) that one `.then` is handed for both its fulfilment
 * and its rejection (`.then(settle, settle)`, by the same name or the same function): it runs
 * whatever the outcome.
 */
function handedForBothOutcomes(call: Node, fn: Fn, ctx: Ctx): boolean {
  const sc = ctx.sourceCode;
  for (let f: Node | undefined = call.parent; f && f !== fn; f = f.parent) {
    if (!isFunction(f)) continue;
    const d = f.parent;
    const variable = d?.type === T.VariableDeclarator && d.init === f && d.id.type === T.Identifier ? variableOf(sc, d.id) : undefined;
    const isF = (a: Node | undefined): boolean => {
      if (!a || a.type === T.SpreadElement) return false;
      const u = unwrap(a);
      return u === f || (!!variable && u.type === T.Identifier && variableOf(sc, u) === variable);
    };
    const handedTo = (n: Node): boolean => n.type === T.CallExpression && calleeName(n) === 'then' && n.arguments.length >= 2 && isF(n.arguments[0]) && isF(n.arguments[1]);
    if (f.parent && handedTo(f.parent)) return true;
    if (variable && variable.references.some((r) => r.identifier.parent && handedTo(r.identifier.parent))) return true;
  }
  return false;
}

function looksAtStateOnly(fn: Fn, again: readonly Node[], ctx: Ctx): boolean {
  let looks = 0;
  let work = false;
  walk(fn.body ?? fn, ctx.sourceCode.visitorKeys, (n) => {
    if (work) return false;
    if (n.type !== T.CallExpression && n.type !== T.NewExpression) return undefined;
    if (again.includes(n) || !isWorkingCall(n, ctx)) return undefined;
    const callee = unwrap(n.callee);
    if (n.type === T.CallExpression && callee.type === T.MemberExpression && /^(then|catch|finally)$/.test(propertyName(callee) ?? '')) return undefined;
    if (n.type === T.NewExpression && /Error$/.test(calleeName(n) ?? '')) return undefined;
    if (callee.type === T.Identifier && settlesEnclosingPromise(callee, ctx.sourceCode)) return undefined;
    if (n.type === T.CallExpression && looksOnly(sameFileFunction(n.callee, ctx) as Fn | undefined, ctx)) {
      looks++;
      return undefined;
    }
    work = true;
    return false;
  });
  return !work && looks > 0;
}


/**
 * The expression adds text to a value `refs` recognises: `name + '.json'`, `'v2/' + path`,
 * `` `${name}.default` ``. Text is no count: the result is another name.
 */
function extendsText(expr: Node, refs: (n: Node) => boolean): boolean {
  const u = unwrap(expr);
  const text = (x: Node): boolean => {
    const w = unwrap(x);
    return (w.type === T.Literal && typeof w.value === 'string' && w.value !== '') || (w.type === T.TemplateLiteral && w.expressions.length === 0 && w.quasis.some((q) => q.value.cooked !== ''));
  };
  if (u.type === T.BinaryExpression && u.operator === '+') {
    const left = u.left as Node;
    return (refs(left) && text(u.right)) || (text(left) && refs(u.right)) || ((left.type === T.BinaryExpression || left.type === T.TemplateLiteral) && extendsText(left, refs) && !refs(u.right));
  }
  if (u.type === T.TemplateLiteral) return u.expressions.some((e) => refs(e)) && u.quasis.some((q) => q.value.cooked !== '');
  return false;
}

/** A copy of the enclosing function's `arguments` (`[].slice.call(arguments)`, `Array.from(arguments)`, `[...arguments]`, `arguments` itself). */
function copiesArguments(n: Node): boolean {
  const isArgs = (x: Node | undefined): boolean => !!x && unwrap(x).type === T.Identifier && (unwrap(x) as TSESTree.Identifier).name === 'arguments';
  if (isArgs(n)) return true;
  if (n.type === T.ArrayExpression) return n.elements.length === 1 && n.elements[0]?.type === T.SpreadElement && isArgs(n.elements[0].argument);
  if (n.type !== T.CallExpression) return false;
  const name = calleeName(n);
  if (name === 'from') return isArgs(n.arguments[0] as Node | undefined);
  if (name === 'call' || name === 'apply') {
    const c = unwrap(n.callee);
    const o = c.type === T.MemberExpression ? unwrap(c.object) : undefined;
    return o?.type === T.MemberExpression && propertyName(o) === 'slice' && isArgs(n.arguments[0] as Node | undefined);
  }
  return false;
}

/**
 * A local copy of the inputs (`const init = { ...opts, headers }`): an object or array literal
 * that calls nothing, so the next call works on the same input (R7).
 */
function isCopy(decl: Node, ctx: Ctx): boolean {
  if (decl.type !== T.VariableDeclarator || !decl.init) return false;
  const init = unwrap(decl.init);
  // `[].slice.call(arguments)`, `Array.prototype.slice.call(arguments)`, `Array.from(arguments)`,
  // `[...arguments]`: the function's own arguments, copied.
  if (copiesArguments(init)) return true;
  if (init.type !== T.ObjectExpression && init.type !== T.ArrayExpression) return false;
  let calls = false;
  walk(init, ctx.sourceCode.visitorKeys, (n) => {
    if (n.type === T.CallExpression || n.type === T.NewExpression || n.type === T.AwaitExpression) calls = true;
    return calls ? false : undefined;
  });
  return !calls;
}

/**
 * A local read back from a store under the key the function stores its own parameter at
 * (`const again = this.configs.get(config.username)` with `this.configs.set(config.username, config)`
 * in the file): the same input, fetched again (PRODUCT: a local copy of the same options is the
 * same input). Without the store's write in sight, what it holds is unknown.
 */
function readBackStored(decl: Node, fn: Fn, ctx: Ctx): boolean {
  if (decl.type !== T.VariableDeclarator || !decl.init) return false;
  let read = unwrap(decl.init);
  if (read.type === T.AwaitExpression) read = unwrap(read.argument);
  if (read.type !== T.CallExpression || read.arguments.length !== 1 || !['get'].includes(calleeName(read) ?? '')) return false;
  const store = unwrap(read.callee);
  if (store.type !== T.MemberExpression) return false;
  const text = (n: Node): string => ctx.sourceCode.getText(unwrap(n));
  const storeText = text(store.object);
  const keyText = text(read.arguments[0] as Node);
  const params = new Set(paramVars(fn, ctx).map((p) => p.variable));
  return fileIndex(ctx.sourceCode).calls.some((n) => {
    if (calleeName(n) !== 'set' || n.arguments.length !== 2) return false;
    const c = unwrap(n.callee);
    const value = unwrap(n.arguments[1] as Node);
    if (c.type !== T.MemberExpression || text(c.object) !== storeText || text(n.arguments[0] as Node) !== keyText || value.type !== T.Identifier) return false;
    const v = variableOf(ctx.sourceCode, value);
    return !!v && params.has(v);
  });
}

/**
 * The call hands the caught error on (`(error) => run(gen, 'throw', error)`, `next(err)`) without
 * counting an attempt: it delivers the failure, it re-runs nothing (R1).
 */
function handsOffError(call: TSESTree.CallExpression, fc: FailureContext, fn: Fn, ctx: Ctx): boolean {
  const param = fc.handler?.param;
  const v = param && variableOf(ctx.sourceCode, param);
  if (!v) return false;
  const passes = call.arguments.some((a) => {
    const u = unwrap(a);
    return u.type === T.Identifier && isReferenceTo(v, u);
  });
  if (!passes) return false;
  // A relay that only logs the error it is handed (`retry('getBalance', args, err)` with
  // `console.warn(method, err.message)`) and runs `fn` again: the error is reported, not handed on.
  const relay = calledFunction(call, ctx);
  if (relay && relay !== fn && onlyLogsError(relay, call, v, ctx)) return false;
  return !paramVars(fn, ctx).some((p) => argumentsPassed(call, fn, ctx.sourceCode)[p.index] && changeIn(argumentsPassed(call, fn, ctx.sourceCode)[p.index]!, p.variable, ctx));
}

/** Whether every parameter of `relay` that `call` hands the caught error `v` is read only in log lines. */
function onlyLogsError(relay: Fn, call: TSESTree.CallExpression, v: Variable, ctx: Ctx): boolean {
  const at = call.arguments.flatMap((a, i) => (unwrap(a).type === T.Identifier && isReferenceTo(v, unwrap(a) as TSESTree.Identifier) ? [i] : []));
  return at.every((i) => {
    const p = relay.params[i];
    const pv = p?.type === T.Identifier ? variableOf(ctx.sourceCode, p) : undefined;
    if (!pv) return false;
    return pv.references.every((r) => {
      for (let n: Node | undefined = r.identifier.parent; n && n !== relay; n = n.parent) {
        if (n.type === T.CallExpression) return isLogCallee(unwrap(n.callee));
        if (isFunction(n)) return false;
      }
      return false;
    });
  });
}

/**
 * The function is itself the failure handler (`p.then(ok, step)`, `.catch(step)`, `.on('error', step)`)
 * and its first statement with an effect leaves when it is given a value (`if (!item || err) { done(err);
 * return; }`): the failure it receives ends the run, it re-runs nothing. Only a call without an error
 * (the success path, the next element of a walk) goes on (R8).
 */
function exitsOnHandedFailure(call: TSESTree.CallExpression, fn: Fn, ctx: Ctx): boolean {
  // A handler registered by assignment (`x.onclose = handler`) stands in the call's place.
  if ((call as Node).type !== T.CallExpression || selfCallee(call, fn, ctx)) return false;
  const handler = failureHandlerArg(call, ctx);
  if (!handler || !isSelfArg(handler, fn, ctx)) return false;
  const first = fn.params[0];
  const id = first?.type === T.AssignmentPattern ? first.left : first;
  if (id?.type !== T.Identifier || fn.body.type !== T.BlockStatement) return false;
  const v = variableOf(ctx.sourceCode, id);
  if (!v) return false;
  /** The test is true whenever the parameter holds a value: `err`, `err != null`, `!x || err`. */
  const setWhenGiven = (test: Node): boolean => {
    const t = unwrap(test);
    if (t.type === T.Identifier) return isReferenceTo(v, t);
    if (t.type === T.LogicalExpression && t.operator === '||') return setWhenGiven(t.left) || setWhenGiven(t.right);
    if (t.type === T.BinaryExpression && (t.operator === '!=' || t.operator === '!==')) {
      const [a, b] = [unwrap(t.left as Node), unwrap(t.right)];
      const empty = (x: Node): boolean => (x.type === T.Literal && x.value === null) || (x.type === T.Identifier && x.name === 'undefined');
      return (a.type === T.Identifier && isReferenceTo(v, a) && empty(b)) || (b.type === T.Identifier && isReferenceTo(v, b) && empty(a));
    }
    return false;
  };
  const calls = (n: Node): boolean => callsIn(n, ctx).length > 0 || findAll(n, ctx.sourceCode.visitorKeys, (m): m is TSESTree.NewExpression => m.type === T.NewExpression).length > 0;
  for (const st of fn.body.body) {
    // Given a failure, it leaves: with no re-call (the failure ends there), or by scheduling itself
    // again (`if (err) return setTimeout(open, ms)`), which is the retry, judged as its own site.
    if (st.type === T.IfStatement && setWhenGiven(st.test)) return alwaysExits(st.consequent);
    // `if (err && err.message !== 'closing') return setTimeout(open, ms)`: most failures reschedule.
    const t = st.type === T.IfStatement ? unwrap(st.test) : undefined;
    if (st.type === T.IfStatement && t?.type === T.LogicalExpression && t.operator === '&&' && setWhenGiven(t.left) && alwaysExits(st.consequent) && selfCalls(fn, ctx, st.consequent).length > 0) return true;
    if (calls(st)) return false;
  }
  return false;
}

/** `onclick`, `onPress`, `onSubmit`: a handler slot named for an event a person causes ({@link USER_EVENTS}). */
function namesUserEvent(prop: string | undefined): boolean {
  return !!prop && /^on/.test(prop) && USER_EVENTS.has(prop.slice(2).toLowerCase());
}

/**
 * The re-call runs only when something outside hands the function's work back (R7): it sits in a
 * listener of a user event (`.on('click', …)`, `addEventListener('submit', …)`, `onclick = …`: the
 * next attempt waits for the user), or in a callback option of an opaque call (`editor.open({ done(text)
 * { … } })`) whose first parameter is the input the callback works on and below which the failure is
 * handled (a callback or catch clause inside it). Each pass then works on what the outside delivers,
 * when it delivers it: a form or editor shown again after a failed save, not a retry.
 */
function waitsOnOutsideEvent(call: TSESTree.CallExpression, fn: Fn, ctx: Ctx): boolean {
  let nested = false;
  for (let p: Node | undefined = call.parent; p && p !== fn; p = p.parent) {
    if (p.type === T.CatchClause) nested = true;
    if (!isFunction(p)) continue;
    const host: Node | undefined = p.parent;
    if (host?.type === T.CallExpression && host.arguments.includes(p as TSESTree.CallExpressionArgument) && unwrap(host.callee).type === T.MemberExpression) {
      const name = calleeName(host) ?? '';
      const event = stringValue(host.arguments[0]);
      if (['on', 'once', 'one', 'addEventListener'].includes(name) && event !== undefined && USER_EVENTS.has(event) && host.arguments[0] !== p) return true;
      // jQuery's shorthand: `$(button).click(handler)`.
      if (USER_EVENTS.has(name) && host.arguments[0] === p) return true;
      // A registration method named for a user event: `ui.onRetryClick(handler)`, `form.onSubmit(handler)`.
      const last = /^on(?:[A-Z][a-z]*)*?([A-Z][a-z]+)$/.exec(name)?.[1]?.toLowerCase();
      if (last !== undefined && USER_EVENTS.has(last) && host.arguments[0] === p) return true;
    }
    if (host?.type === T.AssignmentExpression && host.right === p && host.left.type === T.MemberExpression && namesUserEvent(propertyName(host.left))) return true;
    // A handler given as a user-event option or prop: a dialog's button (`Alert.alert(t, m, [{ text:
    // 'Retry', onPress: () => self() }])`, `toast({ action: { onClick: … } })`) or `onClick={() => self()}`.
    if (host?.type === T.Property && host.value === p && namesUserEvent(propertyName(host))) return true;
    if (host?.type === T.JSXExpressionContainer && host.parent?.type === T.JSXAttribute && host.parent.name.type === T.JSXIdentifier && namesUserEvent(host.parent.name.name)) return true;
    if (nested && host?.type === T.Property && host.value === p && host.parent?.type === T.ObjectExpression) {
      const opts = host.parent;
      const c = opts.parent;
      if (c?.type === T.CallExpression && c.arguments.includes(opts) && !isGlobalTimer(ctx.sourceCode, c) && !sameFileFunction(c.callee, ctx) && !FAILURE_CALLBACK_RE.test(propertyName(host) ?? '') && handsFirstParamOn(p, call, ctx)) return true;
    }
    nested = true;
  }
  return false;
}

/**
 * The callback's first parameter (not an error) is handed to a call in it (`save(text)`,
 * `request({ body: text })`, directly or through a local made from it), other than a log line or
 * `skip`: the callback works on the value it is given.
 */
function handsFirstParamOn(cb: Fn, skip: Node, ctx: Ctx): boolean {
  const first = cb.params[0];
  if (first?.type !== T.Identifier || holdsError(first, ctx.sourceCode)) return false;
  const v = variableOf(ctx.sourceCode, first);
  if (!v) return false;
  const carriers = new Set<Variable>([v]);
  const reads = (root: Node): boolean => readsVariable(root, carriers, ctx);
  let handed = false;
  walk(cb.body, ctx.sourceCode.visitorKeys, (n) => {
    if (handed || n === skip) return false;
    if (n.type === T.VariableDeclarator && n.id.type === T.Identifier && n.init && reads(n.init)) {
      const w = variableOf(ctx.sourceCode, n.id);
      if (w) carriers.add(w);
    }
    if (n.type === T.CallExpression) {
      const c = unwrap(n.callee);
      const logLine = isLogCallee(c);
      if (!logLine && n.arguments.some((a) => reads(a))) handed = true;
    }
    return undefined;
  });
  return handed;
}

/**
 * The re-call sits under `if (flag)` where the flag is only ever made true by a listener of an
 * orderly end (`sock.on('end', () => { if (got) flag = true })`), or never: the branch runs after a
 * session the peer finished (a batch server that closes after each batch), or not at all. Like a
 * restart after a deliberate close (R6), it is no retry of a failure.
 */
function onlyAfterCleanEnd(call: TSESTree.CallExpression, fn: Fn, ctx: Ctx): boolean {
  let child: Node = call;
  for (let p: Node | undefined = call.parent; p && p !== fn; child = p, p = p.parent) {
    if (p.type !== T.IfStatement || child !== p.consequent) continue;
    const test = unwrap(p.test);
    const flag = test.type === T.Identifier ? variableOf(ctx.sourceCode, test) : undefined;
    if (!flag || flag.defs[0]?.type !== 'Variable') continue;
    const falsy = (x: Node | null | undefined): boolean => {
      const u = x && unwrap(x);
      return !!u && ((u.type === T.Literal && !u.value) || (u.type === T.Identifier && u.name === 'undefined'));
    };
    const cleanEndListener = (at: Node): boolean => {
      let f: Node | undefined = at.parent;
      while (f && !isFunction(f)) f = f.parent;
      const host = f?.parent;
      if (host?.type !== T.CallExpression || !host.arguments.includes(f as TSESTree.CallExpressionArgument)) return false;
      const name = calleeName(host) ?? '';
      return ['on', 'once', 'addListener', 'addEventListener'].includes(name) && CLEAN_END_EVENTS.has(stringValue(host.arguments[0]) ?? '');
    };
    // `ownClose = true; sock.destroy();`: raised where the code closes the connection itself, not on a failure path.
    const ownClose = (at: Node): boolean => {
      // Raised to a constant (`ownClose = true`): a value the code chose for the switch, not data
      // (`activeRoom = room` beside the close of an earlier socket holds what to reconnect to).
      const raised = at.parent?.type === T.AssignmentExpression ? unwrap(at.parent.right) : undefined;
      if (raised?.type !== T.Literal) return false;
      const stmt = at.parent?.parent;
      const block = stmt?.parent;
      if (stmt?.type !== T.ExpressionStatement || (block?.type !== T.BlockStatement && block?.type !== T.Program)) return false;
      const closes = block.body.some((st) => st !== stmt && callsIn(st, ctx).some((c) => CLOSE_CALL_RE.test(calleeName(c) ?? '')));
      for (let q: Node | undefined = block; q && q !== fn.parent; q = q.parent) {
        if (q.type === T.CatchClause) return false;
        if (isFunction(q) && q.parent?.type === T.CallExpression && failureRegistration(q.parent, ctx) !== undefined) return false;
        if (isFunction(q) && q.parent?.type === T.AssignmentExpression && q.parent.left.type === T.MemberExpression && HANDLER_PROPS.test(propertyName(q.parent.left) ?? '')) return false;
      }
      return closes;
    };
    const writes = flag.references.filter((r) => r.isWrite());
    const declaredFalsy = flag.defs.every((d) => d.node.type === T.VariableDeclarator && (!d.node.init || falsy(d.node.init)));
    if (declaredFalsy && writes.every((r) => r.init || (r.identifier.parent?.type === T.AssignmentExpression && r.identifier.parent.operator === '=' && (falsy(r.writeExpr as Node | null) || cleanEndListener(r.identifier) || ownClose(r.identifier))))) return true;
  }
  return false;
}

const ATTEMPTISH = BOOKKEEPING_NAME_RE;

/** Decides whether a self-call happens after a failure, and how. */
/**
 * Where the retry call sits on a failure path. `relayCall`: the call goes to a relay that calls `fn`
 * back (a same-file function, or a callable a same-file factory made): it is positioned like a
 * direct self-call.
 */
/**
 * A timer whose handle is kept (`const timer = setTimeout(cb, ms)`, `this.timer = …`) and cleared
 * by the settle handlers (`.then`, `.catch`, `.finally`) of an operation started after it in `fn`
 * (`fetch(uri).then((res) => { clearTimeout(timer); … })`): a watchdog that fires only when the
 * attempt did not settle in time. A handle cleared elsewhere (before re-arming, in a cleanup) is
 * a schedule, not a watchdog.
 */
function clearedWatchdog(timerCall: TSESTree.CallExpression, fn: Fn, ctx: Ctx): boolean {
  const holder = timerCall.parent;
  let handle: Node | undefined;
  if (holder?.type === T.VariableDeclarator && holder.init === timerCall) handle = holder.id;
  else if (holder?.type === T.AssignmentExpression && holder.right === timerCall) handle = holder.left;
  if (!handle || (handle.type !== T.Identifier && handle.type !== T.MemberExpression)) return false;
  const text = ctx.sourceCode.getText(handle);
  return callsIn(fn.body, ctx).some((c) => {
    if (calleeName(c) !== 'clearTimeout' || c.arguments.length === 0 || ctx.sourceCode.getText(unwrap(c.arguments[0] as Node)) !== text) return false;
    const handler = enclosingFunction(c);
    const settle = handler?.parent;
    if (settle?.type !== T.CallExpression || !/^(then|catch|finally)$/.test(calleeName(settle) ?? '')) return false;
    // The chain's first call (the operation) starts after the timer is armed.
    let root: Node = settle;
    while (root.type === T.CallExpression && unwrap(root.callee).type === T.MemberExpression) root = unwrap((unwrap(root.callee) as TSESTree.MemberExpression).object);
    return root.range[0] > timerCall.range[1] && contains(fn.body, root);
  });
}

/** The node sits in the body of a catch clause of `fn` (not in a nested function). */
function insideCatchOf(node: Node, fn: Fn): boolean {
  for (let q: Node | undefined = node.parent; q && q !== fn; q = q.parent) {
    if (q.type === T.CatchClause) return true;
    if (isFunction(q)) return false;
  }
  return false;
}

function failureContext(call: TSESTree.CallExpression, fn: Fn, ctx: Ctx, handlerFn?: Fn, relayCall = false): FailureContext | undefined {
  let timer: TSESTree.CallExpression | undefined;
  let child: Node = call;
  let p: Node | undefined = call.parent;
  let found: FailureContext | undefined;
  let replay = false;
  let scheduledBy: FailureContext['scheduled'];
  /** The call to the same-file scheduler `scheduledBy` describes. */
  let schedulerCall: Node | undefined;
  if ((call as Node).type === T.AssignmentExpression) {
    // `x.onclose = handler`: a failure handler registered by assignment (see `relayCalls`).
    found = { kind: 'event', handler: undefined, path: call, timer, replay };
  } else if (!selfCallee(call, fn, ctx) && !relayCall) {
    // `setTimeout(self, ms)`, `.catch(self)`, `.on('close', self)`: the call is the host.
    const name = calleeName(call);
    const scheduled = isGlobalTimer(ctx.sourceCode, call) ? undefined : schedulerOf(call, fn, ctx);
    if (isGlobalTimer(ctx.sourceCode, call)) timer = call;
    else if (scheduled) {
      timer = call;
      scheduledBy = scheduled;
      schedulerCall = call;
    }
    // `.then(poll, poll)`: the same function on fulfilment and on rejection runs after every outcome,
    // success included: a poll, not a failure path.
    else if (name === 'then' && call.arguments.length >= 2 && sameHandler(call.arguments[0]!, call.arguments[1]!)) return undefined;
    else if (name === 'catch' || (name === 'then' && call.arguments.length >= 2 && (isSelfArg(call.arguments[1]!, fn, ctx) || (!!handlerFn && sameFileFunction(call.arguments[1]!, ctx) === handlerFn)))) {
      const callee = unwrap(call.callee) as TSESTree.MemberExpression;
      // A named handler (`.catch(onFailure)`): its own parameter and body are what decide, as for an inline one.
      const first = handlerFn?.params[0];
      found = { kind: 'promise-catch', handler: { node: call, param: first?.type === T.Identifier ? first : undefined, body: handlerFn ? handlerFn.body : call, guarded: callee.object }, path: call, timer, replay };
    } else if (failureRegistration(call, ctx) !== undefined) {
      found = { kind: 'event', handler: undefined, path: call, timer, replay };
    }
    // `return Promise.delay(ms).then(tryOp)`: run once the chain before it settles well, as
    // `.then(() => tryOp())` would be; where that chain is written (a catch, a failure branch) decides.
    else if (!(name === 'then' && call.arguments[0] !== undefined && isSelfArg(call.arguments[0], fn, ctx))) return undefined;
  }
  // A call of a same-file function handed an error made on the spot (`return retryLater(new
  // Error('no items'))`, `this.onFailure(new Error(data.status))`): the code names the path a failure
  // itself, whatever test led there (a body shape, a state field).
  if (!found && relayCall && call.arguments.length > 0 && makesError(call.arguments[0]!)) found = { kind: 'event', handler: undefined, path: call, timer, replay };
  while (p && p !== fn) {
    if (p.type === T.CatchClause && child === p.body) {
      found ??= { kind: 'catch', handler: { node: p, param: p.param?.type === T.Identifier ? p.param : undefined, body: p.body, guarded: (p.parent as TSESTree.TryStatement).block }, path: p.body, timer, replay };
    }
    // `finally { if (queue.length) schedule(1000) }` after a catch that puts the taken items back
    // (`batch.forEach((e) => queue.unshift(e))`): on a failure, the next run takes the same items
    // again, a retry of them; on a success it goes on to the next ones.
    if (p.type === T.TryStatement && child === p.finalizer && p.handler && catchPutsBackTaken(p.handler, fn, ctx)) {
      found ??= { kind: 'catch', handler: { node: p.handler, param: p.handler.param?.type === T.Identifier ? p.handler.param : undefined, body: p.handler.body, guarded: p.block }, path: p.handler.body, timer, replay };
    }
    if (isFunction(p)) {
      let host: Node | undefined = p.parent;
      // A handler wrapped by a helper (`.catch(unlessStopped((err) => …))`): the wrapper's result is the handler.
      const outer: Node | undefined = host?.parent;
      if (host?.type === T.CallExpression && host.arguments.includes(p as TSESTree.CallExpressionArgument) && outer?.type === T.CallExpression && !isGlobalTimer(ctx.sourceCode, host) && isRejectionHandlerSlot(outer, outer.arguments.indexOf(host as TSESTree.CallExpressionArgument))) {
        const callee = unwrap(outer.callee) as TSESTree.MemberExpression;
        found ??= { kind: 'promise-catch', handler: { node: p, param: p.params[0]?.type === T.Identifier ? p.params[0] : undefined, body: p.body, guarded: callee.object }, path: p, timer, replay };
        host = undefined;
      }
      if (host?.type === T.CallExpression && host.arguments.includes(p as TSESTree.CallExpressionArgument)) {
        const name = calleeName(host);
        const idx = host.arguments.indexOf(p as TSESTree.CallExpressionArgument);
        if (host.type === T.CallExpression && isGlobalTimer(ctx.sourceCode, host) && idx === 0) {
          // A watchdog (`const timer = setTimeout(onTimeout, ms)`, cleared when the operation
          // settles): its callback runs only when the attempt took too long, a failure; its delay
          // is the attempt's timeout, not a pause before the next one.
          if (clearedWatchdog(host, fn, ctx)) found ??= { kind: 'event', handler: undefined, path: p, timer, replay };
          else timer ??= host;
        }
        else if (isRejectionHandlerSlot(host, idx)) {
          const callee = unwrap(host.callee) as TSESTree.MemberExpression;
          const first = p.params[0];
          found ??= { kind: 'promise-catch', handler: { node: p, param: first?.type === T.Identifier ? first : undefined, body: p.body, guarded: callee.object }, path: p, timer, replay };
        } else if (failureRegistration(host, ctx) === idx) {
          found ??= { kind: 'event', handler: undefined, path: p, timer, replay };
        } else if (!timer && !scheduledBy) {
          // `later(() => self(next), ms)` where the same-file `later` runs its callback from a timer.
          const scheduler = calleeFunction(host.callee, ctx);
          const scheduled = scheduler && scheduler !== fn ? schedulerAt(host, scheduler, idx, ctx) : undefined;
          if (scheduled) {
            timer = host;
            scheduledBy = scheduled;
            schedulerCall = host;
          }
        }
      }
      // A function passed to a timer by name (`const again = () => self(); setTimeout(again, ms)`).
      if (!timer && !scheduledBy && p !== handlerFn) {
        const named = timerOfNamed(p, ctx.sourceCode, fn);
        if (named) timer = named;
      }
      if (host?.type === T.AssignmentExpression && host.right === p && host.left.type === T.MemberExpression && HANDLER_PROPS.test(propertyName(host.left) ?? '')) {
        found ??= { kind: 'event', handler: undefined, path: p, timer, replay };
      }
      // A function of `fn` passed by name as its failure handler (`function onError(err) {…}` …
      // `.catch(onError)`, `const later = (e) => …; .then(ok, later)`): its body is the failure path (K6).
      if (!found && p !== handlerFn) {
        const hook = namedFailureHook(p, fn, ctx);
        if (hook?.kind === 'catch') {
          const callee = unwrap(hook.host.callee) as TSESTree.MemberExpression;
          const first = p.params[0];
          found = { kind: 'promise-catch', handler: { node: hook.host, param: first?.type === T.Identifier ? first : undefined, body: p.body, guarded: callee.object }, path: p, timer, replay };
        } else if (hook) found = { kind: 'event', handler: undefined, path: p, timer, replay };
      }
      // A function of `fn` called only from its failure paths (`function handleFailure(reason) { …
      // self() }` called from `.catch((e) => handleFailure(e))` and after `if (res.ok) return …`):
      // its body is a failure path too, as that of a handler passed by name is.
      if (!found && p !== handlerFn) {
        const via = calledOnlyOnFailure(p, fn, ctx);
        if (via) found = { ...via, path: p, timer, replay };
      }
    }
    // Error-first callbacks: `connect((err) => { if (err) setTimeout(() => connect(), 1000) })`.
    // (Inside a catch clause the catch is the failure path: `catch (error) { if (error && n < 3) … }`.)
    // `if (err || !conn.isOpen())`: the branch runs on every error, whatever else takes it there too.
    if (p.type === T.IfStatement && !insideCatchOf(p, fn) && ((child === p.consequent && logicalTerms(p.test, '||').some((t) => isErrorValue(t, ctx.sourceCode))) || (child === p.alternate && logicalTerms(p.test, '&&').some((t) => isNegatedErrorValue(t, ctx.sourceCode))))) {
      found ??= { kind: 'event', handler: undefined, path: child, timer, replay };
    }
    if (p.type === T.IfStatement && child === p.consequent) {
      const tested = statusesTested(p.test, ctx.sourceCode);
      const failing = tested.some((t) => (t.code >= 400 && ['===', '==', '>=', '>', 'in'].includes(t.op)) || ((t.op === '!==' || t.op === '!=') && t.code < 300)) || isNotOk(p.test);
      if (failing) {
        if (tested.length > 0 && tested.every((t) => t.code === 401 || t.code === 403)) replay = true;
        // The statuses the test lets through, when it names them one by one (`res.status === 429`):
        // the only answers re-sent (a refusal before processing needs no key, PRODUCT).
        const exact = tested.length > 0 && tested.every((t) => t.op === '===' || t.op === '==' || t.op === 'in');
        const test = p.test;
        const through = exact ? [...new Set(tested.map((t) => t.code))].filter((code) => evalTest(test, { kind: 'status', code }, ctx.sourceCode) !== false) : [];
        found ??= { kind: 'status', handler: undefined, path: p.consequent, timer, replay, ...(through.length > 0 ? { retried: through } : {}) };
      }
      // A state reported by name (`status === 'CHANNEL_ERROR' || status === 'TIMED_OUT'`, a
      // subscription's or job's state): its failing branch is a failure path like a 5xx's.
      if (!failing && namesFailureState(p.test)) found ??= { kind: 'event', handler: undefined, path: p.consequent, timer, replay };
    }
    child = p;
    p = p.parent;
  }
  // Reached only after an early exit that takes every other outcome (`if (r.status < 500) return r;
  // … return self()`), or on the failing side of a test written as a ternary or `&&`.
  if (!found && !replay && onFailurePathOnly(fn, call, ctx.sourceCode)) {
    // Only 401/403 go round: a re-authentication and replay, not a retry of a transient failure.
    const failures = failuresIn(fn, ctx.sourceCode);
    const reaching = failures.filter((o) => o.kind === 'status' && reachesCall(fn, call, o, ctx.sourceCode));
    const authOnly = reaching.length > 0 && reaching.every((o) => o.kind === 'status' && (o.code === 401 || o.code === 403));
    const statuses = failures.filter((o) => o.kind === 'status').length;
    const retried = reaching.length > 0 && reaching.length < statuses && !reachesCall(fn, call, { kind: 'error' }, ctx.sourceCode) ? reaching.map((o) => (o as { code: number }).code) : undefined;
    found = { kind: 'status', handler: undefined, path: fn.body, timer, replay: authOnly, flow: true, ...(retried ? { retried } : {}) };
  }
  if (!found) return undefined;
  if (found.kind === 'catch' && failsInHandedOutFunction(call, found.path, fn)) return undefined;
  // Re-run only when the database refused the write as a duplicate: another input, not a retry.
  const handlerBody = found.handler?.body;
  if (handlerBody?.type === T.BlockStatement && goesOnOnlyOnConflict(handlerBody, [call], alwaysExits, (id) => constantValue(ctx.sourceCode, id), (callee) => predicateReturns(callee, ctx.sourceCode))) return undefined;
  // A refresh before the replay marks a re-authentication, not a retry of a transient failure.
  let refresh = false;
  walk(found.path, ctx.sourceCode.visitorKeys, (n) => {
    if (n.type === T.CallExpression && n.range[0] < call.range[0] && isCredentialRefresh(n, ctx.sourceCode)) refresh = true;
  });
  // Only 401/403 reaching the call is a re-authentication only when something on the way renews the
  // credential (renewsBefore): re-sent after a pause alone, the same credential is refused again.
  const reauthenticates = (found.replay || replay) && renewsBefore(call, [found.path], ctx);
  return { ...found, timer: found.timer ?? timer, scheduled: found.timer && found.timer !== schedulerCall ? undefined : scheduledBy, replay: reauthenticates || refresh };
}

/**
 * For a call of a relay that `fn` makes on no failure path of its own (`sock.ev.on('connection.update',
 * (u) => this.onUpdate(u))`): the failure path inside the relay that leads to its call back
 * (`if (connection === 'close') setTimeout(() => this.connect(), 3000)` in `onUpdate`). The relay decides
 * on the failure, so the cycle through it is a re-run after that failure. Event-kind contexts only
 * (a state or failure test, an error value): a catch inside the relay guards the relay's own work.
 */
function relayFailureContext(call: TSESTree.CallExpression, relays: readonly Relay[], ctx: Ctx): FailureContext | undefined {
  const r = relays.find((q) => q.call === call && !q.hook);
  if (!r || !contains(r.relay, r.back) || !inListener(call)) return undefined;
  const fc = failureContext(r.back, r.relay, ctx, undefined, true);
  return fc && (fc.kind === 'event' || fc.kind === 'status') && !fc.flow ? fc : undefined;
}

/**
 * Whether `call` runs in a listener: its nearest enclosing function is handed to `on`/`once`/
 * `addEventListener`… (`ev.on('connection.update', (u) => this.onUpdate(u))`). A call made in the
 * function's own code is judged from the relay's side instead (the same cycle, seen once).
 */
function inListener(call: Node): boolean {
  const f = enclosingFunction(call);
  const host = f?.parent;
  return !!host && host.type === T.CallExpression && host.arguments.includes(f as TSESTree.CallExpressionArgument) && LISTEN_NAMES.has(calleeName(host) ?? '');
}

/**
 * Whether `call` is re-armed on a timer from the fulfilment handler of a promise chain of `fn`
 * (`.then(cb)`'s first argument, or `.finally(cb)`), and not in a failure branch there: it runs
 * after a success.
 */
function inFulfilmentHandler(call: Node, fn: Fn, sourceCode: TSESLint.SourceCode): boolean {
  let rearmed = false;
  for (let p: Node | undefined = call.parent; p && p !== fn; p = p.parent) {
    if (p.type === T.IfStatement && contains(p.consequent, call) && testsFailure(p.test, sourceCode)) return false;
    if (!isFunction(p)) continue;
    const host = p.parent;
    if (host?.type === T.CallExpression && host.arguments[0] === p && (calleeName(host) === 'then' || calleeName(host) === 'finally')) return rearmed;
    // Re-armed on a timer after the success (`setTimeout(() => self(), next)`): periodic work. A
    // re-call made at once from the fulfilment handler is the next step of a walk (the next page,
    // the next job), judged on its own.
    if (host?.type === T.CallExpression && host.arguments[0] === p && isOneShotTimer(sourceCode, host)) rearmed = true;
  }
  return false;
}

/**
 * Whether `call` runs only once a promise chain started in `fn` succeeded: every function between it
 * and `fn` is the first handler of a `.then(…)`, and no test of an error or failed status leads to it.
 */
function onFulfilment(call: Node, fn: Fn, sourceCode: TSESLint.SourceCode): boolean {
  let handler = false;
  for (let p: Node | undefined = call.parent; p && p !== fn; p = p.parent) {
    if (p.type === T.IfStatement && contains(p.consequent, call) && testsFailure(p.test, sourceCode)) return false;
    if (!isFunction(p)) continue;
    const host = p.parent;
    if (host?.type !== T.CallExpression || host.arguments[0] !== p || calleeName(host) !== 'then') return false;
    handler = true;
  }
  return handler;
}

/** Whether `call` runs from a one-shot timer's callback inside `fn` (`setTimeout(() => self(), ms)`). */
function rearmedOnTimer(call: Node, fn: Fn, sourceCode: TSESLint.SourceCode): boolean {
  for (let p: Node | undefined = call.parent; p && p !== fn; p = p.parent) {
    if (!isFunction(p)) continue;
    const host = p.parent;
    return host?.type === T.CallExpression && host.arguments[0] === p && isOneShotTimer(sourceCode, host);
  }
  return false;
}

/**
 * The failure caught at `path` (a catch block) is one of a function `fn` hands out rather than runs:
 * between the catch and `fn` lies a function `fn` returns (`return (...args) => { try { … } catch
 * { return wrap(target) } }`, a proxy trap's result). Calling `fn` again builds another such
 * function; it does not re-run what failed. Unless the self-call's result is called at once
 * (`withRetry(op, n - 1)(...args)`), which does re-run it.
 */
function failsInHandedOutFunction(call: TSESTree.CallExpression, path: Node, fn: Fn): boolean {
  if (call.parent?.type === T.CallExpression && call.parent.callee === call) return false;
  for (let p: Node | undefined = path.parent; p && p !== fn; p = p.parent) {
    if (!isFunction(p)) continue;
    const host = p.parent;
    if (host?.type === T.ReturnStatement) return true;
    if (host && isFunction(host) && (host as TSESTree.ArrowFunctionExpression).body === p) return true;
  }
  return false;
}

/**
 * Where `handler`, a function declared inside `fn`, is registered by name as a failure handler
 * in `fn`: `.catch(handler)` or `.then(ok, handler)` (kind `catch`), or a failure event
 * (`.on('close', handler)`, `x.onerror = handler`; kind `event`).
 */
function namedFailureHook(handler: Fn, fn: Fn, ctx: Ctx): { host: TSESTree.CallExpression; kind: 'catch' | 'event' } | undefined {
  let id: TSESTree.Identifier | undefined;
  if (handler.type === T.FunctionDeclaration && handler.id) id = handler.id;
  else if (handler.parent?.type === T.VariableDeclarator && handler.parent.init === handler && handler.parent.id.type === T.Identifier) id = handler.parent.id;
  const v = id && variableOf(ctx.sourceCode, id);
  if (!v) return undefined;
  for (const r of v.references) {
    const ref = r.identifier as Node;
    const host = ref.parent;
    if (!contains(fn, ref) || contains(handler, ref)) continue;
    if (host?.type === T.CallExpression && host.arguments.includes(ref as TSESTree.CallExpressionArgument)) {
      const name = calleeName(host);
      const idx = host.arguments.indexOf(ref as TSESTree.CallExpressionArgument);
      if (unwrap(host.callee).type === T.MemberExpression && isRejectionHandlerSlot(host, idx)) return { host, kind: 'catch' };
      if (failureRegistration(host, ctx) === idx) return { host, kind: 'event' };
    }
    if (host?.type === T.AssignmentExpression && host.right === ref && host.left.type === T.MemberExpression && HANDLER_PROPS.test(propertyName(host.left) ?? '')) return { host: host as unknown as TSESTree.CallExpression, kind: 'event' };
  }
  return undefined;
}

/**
 * A same-file scheduler the function is handed to (`schedule(refresh, ms)` where `schedule` does
 * `setTimeout(fn, ms)`): it is a timer; its delay is the scheduler's, with its parameters bound.
 */
function schedulerOf(call: TSESTree.CallExpression, fn: Fn, ctx: Ctx): FailureContext['scheduled'] {
  const host = calleeFunction(call.callee, ctx);
  if (!host || host === fn) return undefined;
  const methodName = fn.parent?.type === T.MethodDefinition || fn.parent?.type === T.Property ? memberKey(fn.parent) : undefined;
  const idx = call.arguments.findIndex((a) => {
    const u = unwrap(a);
    return isSelfArg(a, fn, ctx) || (u.type === T.MemberExpression && unwrap(u.object).type === T.ThisExpression && methodName !== undefined && memberKey(u) === methodName);
  });
  return idx >= 0 ? schedulerAt(call, host, idx, ctx) : undefined;
}

/**
 * The scheduler `host`, called by `call`, runs its parameter at `idx` from a timer: handed to it
 * (`setTimeout(fn, ms)`) or called in the timer's callback (`setTimeout(() => resolve(fn()), ms)`).
 * Returns the timer's delay and the parameters bound to the call's arguments.
 */
function schedulerAt(call: TSESTree.CallExpression, host: Fn, idx: number, ctx: Ctx): FailureContext['scheduled'] {
  const param = host.params[idx];
  if (!param || param.type !== T.Identifier) return undefined;
  const callsParam = (cb: Node): boolean => {
    let called = false;
    walk(cb, ctx.sourceCode.visitorKeys, (m) => {
      if (called) return false;
      if (m.type === T.CallExpression && unwrap(m.callee).type === T.Identifier && (unwrap(m.callee) as TSESTree.Identifier).name === param.name) called = true;
      // `fn.apply(self, args)`, `fn.call(this)`.
      const mc = m.type === T.CallExpression ? unwrap(m.callee) : undefined;
      if (mc?.type === T.MemberExpression && (propertyName(mc) === 'apply' || propertyName(mc) === 'call') && unwrap(mc.object).type === T.Identifier && (unwrap(mc.object) as TSESTree.Identifier).name === param.name) called = true;
      return undefined;
    });
    return called;
  };
  let delay: Node | undefined;
  walk(host.body ?? host, ctx.sourceCode.visitorKeys, (n) => {
    if (delay || n.type !== T.CallExpression || !isGlobalTimer(ctx.sourceCode, n)) return undefined;
    const cb = n.arguments[0] && unwrap(n.arguments[0]);
    const runs = cb?.type === T.Identifier ? cb.name === param.name : !!cb && isFunction(cb) && callsParam(cb);
    if (runs && n.arguments[1] && n.arguments[1].type !== T.SpreadElement) delay = n.arguments[1];
    return undefined;
  });
  if (!delay) return undefined;
  const bindings: { param: TSESTree.Identifier; arg: Node }[] = [];
  host.params.forEach((p, i) => {
    const a = call.arguments[i];
    if (p.type === T.Identifier && a && a.type !== T.SpreadElement) bindings.push({ param: p, arg: a });
  });
  return { delay, bindings };
}


/**
 * The calls of a function declared inside another (`function handleFailure(r) {…}`, `const fail =
 * (r) => …`), none inside itself; undefined when it is used any other way (handed on by name, which
 * is `namedFailureHook`'s case, or stored) or has no name.
 */
function localCalls(local: Fn, ctx: Ctx): TSESTree.CallExpression[] | undefined {
  let id: TSESTree.Identifier | undefined;
  if (local.type === T.FunctionDeclaration && local.id) id = local.id;
  else if (local.parent?.type === T.VariableDeclarator && local.parent.init === local && local.parent.id.type === T.Identifier) id = local.parent.id;
  const v = id && variableOf(ctx.sourceCode, id);
  if (!v) return undefined;
  const calls: TSESTree.CallExpression[] = [];
  for (const r of v.references) {
    if (r.isWrite()) continue;
    const host = r.identifier.parent;
    if (host?.type !== T.CallExpression || host.callee !== r.identifier || contains(local, host)) return undefined;
    calls.push(host);
  }
  return calls;
}

/**
 * Whether the re-call is reached when an attempt ends with `outcome`: directly in `fn`'s flow, or
 * through the calls of a local function of `fn` that holds it (`.then((r) => r.ok ? r.json() :
 * handleFailure(r.status))` with the re-call in `handleFailure`).
 */
function reachesRetry(fn: Fn, call: Node, outcome: Outcome, ctx: Ctx, depth = 0): boolean {
  if (reachesCall(fn, call, outcome, ctx.sourceCode)) return true;
  if (depth > 2) return false;
  for (let p: Node | undefined = call.parent; p && p !== fn; p = p.parent) {
    if (!isFunction(p) || !contains(fn, p)) continue;
    const calls = localCalls(p, ctx);
    if (calls?.some((c) => reachesRetry(fn, c, outcome, ctx, depth + 1))) return true;
  }
  return false;
}

/** The call, and the calls of the local functions of `fn` that hold it (two levels). */
function entryCalls(fn: Fn, call: Node, ctx: Ctx, depth = 0): Node[] {
  const out: Node[] = [call];
  if (depth > 2) return out;
  for (let p: Node | undefined = call.parent; p && p !== fn; p = p.parent) {
    if (!isFunction(p) || !contains(fn, p)) continue;
    for (const c of localCalls(p, ctx) ?? []) out.push(...entryCalls(fn, c, ctx, depth + 1));
  }
  return out;
}

/** Local functions whose callers' failure contexts are being computed (a guard against cycles). */
const callersInProgress = new Set<Node>();

/**
 * The failure context of a function declared inside `fn` whose every call (one or more, all inside
 * `fn`, none inside itself) sits on a failure path of `fn`: a catch, a `.catch` callback, a failed
 * status branch or the failing side of an early exit. Undefined otherwise.
 */
function calledOnlyOnFailure(local: Fn, fn: Fn, ctx: Ctx): FailureContext | undefined {
  if (local === fn || !contains(fn, local) || callersInProgress.has(local)) return undefined;
  let id: TSESTree.Identifier | undefined;
  if (local.type === T.FunctionDeclaration && local.id) id = local.id;
  else if (local.parent?.type === T.VariableDeclarator && local.parent.init === local && local.parent.id.type === T.Identifier) id = local.parent.id;
  const v = id && variableOf(ctx.sourceCode, id);
  if (!v) return undefined;
  const calls = localCalls(local, ctx);
  if (!calls || calls.length === 0) return undefined;
  callersInProgress.add(local);
  try {
    const contexts: FailureContext[] = [];
    for (const c of calls) {
      const fc = failureContext(c, fn, ctx, undefined, true);
      if (!fc || fc.replay) return undefined;
      contexts.push(fc);
    }
    return contexts.find((c) => c.kind === 'promise-catch' || c.kind === 'catch') ?? contexts[0];
  } finally {
    callersInProgress.delete(local);
  }
}

/** `if (err)`, `if (error != null)`: the error a failure hands over is set (known by its origin: {@link holdsError}). */
function isErrorValue(test: Node, sourceCode: TSESLint.SourceCode): boolean {
  const t = unwrap(test);
  if (t.type === T.Identifier) return holdsError(t, sourceCode);
  if (t.type === T.BinaryExpression && (t.operator === '!=' || t.operator === '!==') && t.left.type === T.Identifier) return holdsError(t.left, sourceCode);
  // `if (err && err.message !== 'Connection closing')`: taken only when there is an error.
  if (t.type === T.LogicalExpression && t.operator === '&&') return isErrorValue(t.left, sourceCode);
  return false;
}

/** `if (!err) … else retry()`. */
function isNegatedErrorValue(test: Node, sourceCode: TSESLint.SourceCode): boolean {
  const t = unwrap(test);
  return t.type === T.UnaryExpression && t.operator === '!' && isErrorValue(t.argument, sourceCode);
}

function isNotOk(test: Node): boolean {
  const t = unwrap(test);
  if (t.type === T.UnaryExpression && t.operator === '!') {
    const a = unwrap(t.argument);
    return a.type === T.MemberExpression && propertyName(a) === 'ok';
  }
  if (t.type === T.LogicalExpression) return isNotOk(t.left) || isNotOk(t.right);
  return false;
}

/** Identifiers a function's parameters bind (including destructured ones), with their default values. */
function paramVars(fn: Fn, ctx: Ctx): { variable: Variable; defaultValue: Node | undefined; index: number }[] {
  const out: { variable: Variable; defaultValue: Node | undefined; index: number }[] = [];
  fn.params.forEach((param, index) => {
    walk(param, ctx.sourceCode.visitorKeys, (n) => {
      if (n.type === T.AssignmentPattern && n.left.type === T.Identifier) {
        const v = variableOf(ctx.sourceCode, n.left);
        if (v) out.push({ variable: v, defaultValue: n.right, index });
        return false;
      }
      if (n.type === T.Identifier && (n.parent?.type !== T.Property || n.parent.value === n) && n.parent?.type !== T.TSTypeAnnotation) {
        const v = variableOf(ctx.sourceCode, n);
        if (v && v.defs.some((d) => d.type === 'Parameter')) out.push({ variable: v, defaultValue: undefined, index });
      }
      return n.type === T.TSTypeAnnotation ? false : undefined;
    });
  });
  // `const { retry = 0, src } = arg` at the top of the body, `arg` a whole parameter: each name is a
  // property of that parameter, as if destructured in the parameter list (`self({ ...arg, retry: retry + 1 })`).
  if (fn.body.type === T.BlockStatement) {
    for (const st of fn.body.body) {
      if (st.type !== T.VariableDeclaration || st.kind !== 'const') continue;
      for (const d of st.declarations) {
        const init = d.init && unwrap(d.init);
        if (d.id.type !== T.ObjectPattern || init?.type !== T.Identifier) continue;
        const holder = variableOf(ctx.sourceCode, init);
        const index = fn.params.findIndex((q) => q.type === T.Identifier && holder?.defs.some((def) => def.name === q));
        if (index < 0) continue;
        for (const prop of d.id.properties) {
          if (prop.type !== T.Property || prop.computed) continue;
          const target = prop.value.type === T.AssignmentPattern ? prop.value.left : prop.value;
          const v = target.type === T.Identifier ? variableOf(ctx.sourceCode, target) : undefined;
          if (v) out.push({ variable: v, defaultValue: prop.value.type === T.AssignmentPattern ? prop.value.right : undefined, index });
        }
      }
    }
  }
  return out;
}

/** How an argument changes a parameter: +1 (`n + 1`, `++n`, `wait * 2`), -1 (`n - 1`), or undefined. */
/** The constant a carried value is capped at: `Math.min(x * 2, 30_000)` gives 30000. */
function carriedCap(arg: Node, v: Variable, ctx: Ctx): number | undefined {
  const u = unwrap(arg);
  if (u.type !== T.CallExpression) return undefined;
  const c = unwrap(u.callee);
  if (c.type !== T.MemberExpression || propertyName(c) !== 'min' || unwrap(c.object).type !== T.Identifier || (unwrap(c.object) as TSESTree.Identifier).name !== 'Math') return undefined;
  const caps = u.arguments.map((a) => (a.type === T.SpreadElement || refersTo(a, v, ctx) ? undefined : constant(a, ctx))).filter((x): x is number => x !== undefined);
  return caps.length > 0 ? Math.min(...caps) : undefined;
}

export function changeIn(arg: Node, v: Variable, ctx: Ctx): 1 | -1 | undefined {
  let dir: 1 | -1 | undefined;
  const isV = (x: Node): boolean => {
    const u = unwrap(x);
    if (u.type === T.MemberExpression) return isV(u.object);
    // A count stepped from its fallback: `(opts.attempt ?? 0) + 1`, `(tries || 1) + 1` (a delay's
    // starting value, `(waitMs || 2000) * 2`, is the growth the wait judgement reads at the call).
    if (u.type === T.LogicalExpression && (u.operator === '??' || u.operator === '||')) {
      const start = constantNumber(ctx.sourceCode, u.right);
      return start !== undefined && start >= 0 && start <= 1 && isV(u.left);
    }
    return u.type === T.Identifier && isReferenceTo(v, u);
  };
  // `count++` as the value handed on is the old count: the callee gets no change.
  const whole = unwrap(arg);
  if (whole.type === T.UpdateExpression && !whole.prefix && isV(whole.argument)) return undefined;
  walk(arg, ctx.sourceCode.visitorKeys, (n) => {
    if (dir || isFunction(n)) return false;
    if (n.type === T.BinaryExpression && n.left.type !== T.PrivateIdentifier) {
      if ((n.operator === '+' || n.operator === '*') && (isV(n.left) || isV(n.right))) dir = 1;
      else if (n.operator === '-' && isV(n.left)) dir = -1;
    }
    if (n.type === T.UpdateExpression && isV(n.argument)) dir = n.operator === '++' ? 1 : -1;
    return undefined;
  });
  return dir;
}

/** The attempt limit of a recursive retry: a counter parameter that changes on each call and is checked. */
/** The range of an attempt count kept in a field (`this.failures`), for the evaluator: 0 up to the limit. */
function counterMember(counterFields: CounterFields | undefined, ctx: Ctx): ((m: TSESTree.MemberExpression) => { lo: number; hi: number } | undefined) | undefined {
  return counterFields ? (m) => (counterFields.texts.has(ctx.sourceCode.getText(m)) ? { lo: 0, hi: counterFields.hi } : undefined) : undefined;
}

/** A counter kept on an object (`this.tries`, `attemptsRef.current`), as the delay evaluator reads it: the members' texts and the largest value a test lets through. */
interface CounterFields {
  texts: Set<string>;
  hi: number;
}

function recursionBound(fn: Fn, call: TSESTree.CallExpression, ctx: Ctx): { bound: AttemptBound; attempts: AttemptVar[]; once: boolean; counterFields?: CounterFields } {
  /** An object declared outside the function (a module-level store). */
  const outsideFn = (o: Node): boolean => {
    const u = unwrap(o);
    const def = u.type === T.Identifier ? variableOf(ctx.sourceCode, u)?.defs[0] : undefined;
    return !!def && !contains(fn, def.name);
  };
  /** `store.get(key)` or `store[key]`. */
  const keyedRead = (x: Node): { store: Node; key: Node } | undefined => {
    if (x.type === T.CallExpression && calleeName(x) === 'get' && x.arguments.length === 1 && unwrap(x.callee).type === T.MemberExpression) return { store: (unwrap(x.callee) as TSESTree.MemberExpression).object, key: x.arguments[0] as Node };
    if (x.type === T.MemberExpression && x.computed) return { store: x.object, key: x.property };
    return undefined;
  };
  const attempts: AttemptVar[] = [];
  let counterFields: CounterFields | undefined;
  let bounded = false;
  /** A one-off replay or failover (a switch turned off, state dropped, the next item of a list), not a backoff retry. */
  let once = false;
  let maxAttempts: number | undefined;
  /** Every attempt count a counter test gives; `vague` once a test's limit or step is unknown. */
  const counted: { all: number[]; vague: boolean } = { all: [], vague: false };
  const allTests = testsOf(fn, ctx);
  // Only a test on every path to the call bounds it (a check on another path, or one that only
  // decides whether to log, does not).
  const tests = dominatingTests(call, fn);
  /** Whether a change is by one (`n + 1`, `left - 1`, `++n`): the counter counts attempts. */
  const byOne = (x: Node): boolean => {
    const u = unwrap(x);
    const one = (y: Node): boolean => constantNumber(ctx.sourceCode, y) === 1;
    if (u.type === T.UpdateExpression) return true;
    if (u.type === T.AssignmentExpression && (u.operator === '+=' || u.operator === '-=')) return one(u.right);
    return u.type === T.BinaryExpression && (u.operator === '+' || u.operator === '-') && (one(u.right) || (u.operator === '+' && one(u.left)));
  };
  const consider = (v: Variable, dir: 1 | -1, start: number | undefined, unit: boolean): void => {
    if (!unit) counted.vague = true;
    let lo = start ?? 0;
    let hi = Infinity;
    let compared = false;
    /** Every limit not known is one another module holds (`retries = MAX_TRIES` imported): unseen, not absent. */
    let unseen: boolean | undefined;
    for (const t of tests) {
      const lim = limitIn(t, v, ctx);
      if (!lim) continue;
      compared = true;
      if (lim === 'unknown') counted.vague = true;
      if (lim === 'unknown') unseen = (unseen ?? true) && comparedWithImport(t, v, ctx);
      if (lim === 'unknown') continue;
      if (dir === 1) {
        hi = Math.min(hi, lim.op === '>' || lim.op === '<=' ? lim.limit : lim.limit - 1);
        maxAttempts = Math.max(1, hi - (start ?? 0) + 1);
        counted.all.push(maxAttempts);
      } else if (start !== undefined) {
        hi = start;
        lo = Math.min(lo, lim.limit);
        maxAttempts = Math.max(1, start - lim.limit + 1);
        counted.all.push(maxAttempts);
      } else counted.vague = true;
    }
    if (compared) bounded = true;
    attempts.push({ variable: v, lo: Math.min(lo, hi), hi: compared ? hi : Infinity, ...(unseen && hi === Infinity ? { unseenBound: true } : {}) });
  };
  // Parameters the self-call changes: positional (`f(n + 1)`), in an options object (`f({ retries: retries - 1 })`).
  for (const p of paramVars(fn, ctx)) {
    let passed: Node | undefined = argumentsPassed(call, fn, ctx.sourceCode)[p.index];
    if (!passed) continue;
    // A property of a destructured options parameter (`{ waitMs = 0 } = {}`) is the same property
    // of the object handed on (`self({ ...opts, waitMs: waitMs * 2 })`); absent, it keeps its value.
    const key = bindingOf(p.variable)?.path;
    const handed = unwrap(passed);
    // `if (res.status === 401 && !opts.refreshed) { …; return self(url, { ...opts, refreshed: true }) }`:
    // the options handed on turn off the switch a test on the way needs (a once-only replay).
    if (handed.type === T.ObjectExpression && switchesOffOption(handed, p.variable, tests, ctx, call)) {
      bounded = true;
      once = true;
      maxAttempts = 2;
      continue;
    }
    if (key && key.length === 1 && handed.type === T.ObjectExpression) {
      passed = handed.properties.find((x): x is TSESTree.Property => x.type === T.Property && propertyName(x) === key[0])?.value;
      if (!passed) continue;
    }
    // `doubling ? gap * 2 : gap` with `doubling = false` handed back as it is and given by no caller in
    // the file: the default picks the branch, as a default gives the count's start.
    passed = branchByDefault(passed, fn, call, ctx);
    // `const next = attempt + 1; … self(next)`: the step is the local's initialiser.
    // Likewise `const delayS = lastDelayS * 2; … self(delayS)`: a local `const` carries the update.
    const init = localConstInit(passed, fn, ctx);
    const arg = init && (isCounterStep(passed, fn, ctx) || changeIn(init, p.variable, ctx)) ? init : passed;
    const dir = changeIn(arg, p.variable, ctx);
    if (dir) {
      consider(p.variable, dir, p.defaultValue ? constant(p.defaultValue, ctx) : undefined, byOne(arg));
      // `gap * (1 + Math.random())`: the carried value keeps its random component.
      attempts[attempts.length - 1]!.random = carriesRandomness(arg, p.variable, ctx.sourceCode);
      // `Math.min(wait * 2, 30_000)`: the carried value never passes the cap (nor its first value).
      const cap = carriedCap(arg, p.variable, ctx);
      const last = attempts[attempts.length - 1]!;
      if (cap !== undefined && dir === 1) last.hi = Math.max(last.lo, Math.min(last.hi, Math.max(cap, p.defaultValue ? (constant(p.defaultValue, ctx) ?? cap) : cap)));
      continue;
    }
    // `tries++; … self(url, tries)`: the parameter itself is stepped in the body and handed back as it is.
    const self = steppedParameter(arg, p.variable, fn, call, ctx);
    if (self) {
      consider(p.variable, self.dir, p.defaultValue ? constant(p.defaultValue, ctx) : undefined, self.unit);
      continue;
    }
    // `let left = tries; … left -= 1; … self({ url, tries: left })`, `const left = opts.retries ?? 3;
    // … self(x, { ...opts, retries: left - 1 })`: a local taken from the parameter counts, and goes
    // back in its place (F2).
    const carried = carriedLocal(arg, p.variable, fn, ctx);
    if (carried && !attempts.some((x) => x.variable === carried.variable)) {
      const init = carried.init && unwrap(carried.init);
      const start = init && !(init.type === T.Identifier && isReferenceTo(p.variable, init)) ? constant(init, ctx) : p.defaultValue ? constant(p.defaultValue, ctx) : undefined;
      consider(carried.variable, carried.dir, start, carried.unit);
      continue;
    }
    // A once-only switch: `api(url, true)` for a tested `retried = false`, `upsert(body, undefined)`
    // for a tested `existing`: a constant (other than the default) that turns the retry path off.
    const a = unwrap(arg);
    const given = constantValue(ctx.sourceCode, a);
    const literal = given !== undefined;
    const byDefault = p.defaultValue !== undefined ? constantValue(ctx.sourceCode, p.defaultValue) : undefined;
    const sameAsDefault = given !== undefined && byDefault !== undefined && byDefault.value === given.value;
    // The test must be able to stop the re-run: in `fn` itself or in the callback that holds the
    // call, not in another callback (`ws.onopen = () => { if (isReconnect) notify() }` beside
    // `ws.onclose = () => open(url, true)` switches nothing off).
    const onTheWay = (t: Node): boolean => {
      const host = enclosingFunction(t);
      return host === fn || (!!host && contains(host, call));
    };
    if (literal && !sameAsDefault && allTests.some((t) => onTheWay(t) && refersTo(t, p.variable, ctx))) {
      bounded = true;
      once = true;
      maxAttempts = 2;
    }
  }
  // A state counter of an effect re-run by its setter (`setAttempt((n) => n + 1)` with `attempt`
  // in the dependencies): the state is the counter, `useState`'s argument its first value.
  const rerun = selfName(fn, ctx).reruns.find((r) => unwrap(call.callee).type === T.Identifier && isReferenceTo(r.setter, unwrap(call.callee) as TSESTree.Identifier));
  const step = rerun && setterStep(call);
  if (rerun && step) {
    const over = step.param ? variableOf(ctx.sourceCode, step.param) : rerun.state;
    const dir = over ? changeIn(step.value, over, ctx) : undefined;
    if (dir) consider(rerun.state, dir, rerun.initial ? constant(rerun.initial, ctx) : undefined, byOne(step.value));
  }
  // A counter kept outside the function (`let attempts = 0; … attempts++`).
  walk(fn.body, ctx.sourceCode.visitorKeys, (n) => {
    if (n.type !== T.UpdateExpression && !(n.type === T.AssignmentExpression && (n.operator === '+=' || n.operator === '-='))) return undefined;
    const target = unwrap(n.type === T.UpdateExpression ? n.argument : n.left);
    if (target.type !== T.Identifier) return undefined;
    const v = variableOf(ctx.sourceCode, target);
    if (!v || !v.defs[0] || contains(fn, v.defs[0].name) || attempts.some((a) => a.variable === v)) return undefined;
    if (tests.some((t) => limitIn(t, v, ctx))) {
      const def = v.defs[0].node;
      const start = def.type === T.VariableDeclarator && def.init ? constant(def.init, ctx) : undefined;
      const dir = n.type === T.UpdateExpression ? (n.operator === '++' ? 1 : -1) : n.operator === '+=' ? 1 : -1;
      consider(v, dir, start, byOne(n));
    }
    return undefined;
  });
  // A count kept per key in a store outside the function (`const n = tries.get(id) ?? 0` …
  // `tries.set(id, n + 1)`, `const n = failures[id] || 0` … `failures[id] = n + 1`): the same
  // counter as an outer variable, one per input.
  walk(fn.body, ctx.sourceCode.visitorKeys, (n) => {
    if (n.type !== T.VariableDeclarator || n.id.type !== T.Identifier || !n.init) return undefined;
    const v = variableOf(ctx.sourceCode, n.id);
    if (!v || attempts.some((a) => a.variable === v)) return undefined;
    let init = unwrap(n.init);
    if (init.type === T.LogicalExpression && (init.operator === '??' || init.operator === '||') && constant(init.right, ctx) === 0) init = unwrap(init.left);
    const read = keyedRead(init);
    if (!read || !outsideFn(read.store)) return undefined;
    const text = (x: Node): string => ctx.sourceCode.getText(x);
    let written = false;
    walk(fn.body, ctx.sourceCode.visitorKeys, (m) => {
      if (written) return false;
      let store: Node | undefined;
      let key: Node | undefined;
      let value: Node | undefined;
      if (m.type === T.CallExpression && calleeName(m) === 'set' && unwrap(m.callee).type === T.MemberExpression && m.arguments.length === 2) {
        store = (unwrap(m.callee) as TSESTree.MemberExpression).object;
        [key, value] = m.arguments as Node[];
      } else if (m.type === T.AssignmentExpression && m.operator === '=' && unwrap(m.left).type === T.MemberExpression && (unwrap(m.left) as TSESTree.MemberExpression).computed) {
        store = (unwrap(m.left) as TSESTree.MemberExpression).object;
        key = (unwrap(m.left) as TSESTree.MemberExpression).property;
        value = m.right;
      }
      if (store && key && value && text(store) === text(read.store) && text(key) === text(read.key) && refersTo(value, v, ctx) && byOne(value)) written = true;
      return undefined;
    });
    if (written && tests.some((t) => limitIn(t, v, ctx))) consider(v, 1, 0, true);
    return undefined;
  });
  // `get(url, retries - 1, delay * 2)` with `retries = 4`: the doubling delay stops with the count.
  if (maxAttempts !== undefined) {
    for (const p of paramVars(fn, ctx)) {
      const a = attempts.find((x) => x.variable === p.variable);
      const handed = argumentsPassed(call, fn, ctx.sourceCode)[p.index];
      let arg = handed && unwrap(branchByDefault(handed, fn, call, ctx));
      // `grow ? gap * 2 : gap`: at most the growing branch.
      if (arg?.type === T.ConditionalExpression) {
        const same = (x: Node): boolean => unwrap(x).type === T.Identifier && isReferenceTo(p.variable, unwrap(x));
        arg = same(arg.alternate) ? unwrap(arg.consequent) : same(arg.consequent) ? unwrap(arg.alternate) : arg;
      }
      if (!a || Number.isFinite(a.hi) || !arg || arg.type !== T.BinaryExpression) continue;
      const k = constant(arg.right as Node, ctx);
      if (k === undefined || !Number.isFinite(a.lo)) continue;
      // A wait comes before every attempt but the first, computed in the attempt before: the longest
      // is made in attempt `maxAttempts - 1`, whose value has been stepped `maxAttempts - 2` times.
      const steps = Math.max(0, maxAttempts - 2);
      a.hi = arg.operator === '*' ? a.lo * k ** steps : arg.operator === '+' ? a.lo + k * steps : a.hi;
    }
  }
  // A counter kept on the instance (`this.attempt++` … `if (this.attempt >= 6) throw`), or on an
  // object that outlives the call: one declared outside it, or a parameter the retry passes back as
  // it is (`state.failures += 1; … return sync(id, state)`).
  if (!bounded) {
    const fields = new Set<string>();
    const outlives = (o: Node): boolean => {
      const u = unwrap(o);
      // `this`, or `const that = this`: the instance outlives the call.
      if (u.type === T.ThisExpression || thisAliasDeclarator(ctx.sourceCode, u)) return true;
      if (u.type !== T.Identifier) return false;
      const v = variableOf(ctx.sourceCode, u);
      const def = v?.defs[0];
      if (!v || !def) return false;
      if (!contains(fn, def.name)) return true;
      // `const st = this.state` (or `this.consumer.ordered!`): a local name for an object the instance holds.
      const init = constInit(ctx.sourceCode, u);
      if (init) {
        let root = unwrap(init);
        while (root.type === T.MemberExpression && !root.computed) root = unwrap(root.object);
        if (root.type === T.ThisExpression && root !== unwrap(init)) return true;
      }
      return def.type === 'Parameter' && fn.params.some((param, i) => (param === def.name || (param.type === T.AssignmentPattern && param.left === def.name)) && argumentsPassed(call, fn, ctx.sourceCode)[i] !== undefined && unwrap(argumentsPassed(call, fn, ctx.sourceCode)[i]!).type === T.Identifier && isReferenceTo(v, unwrap(argumentsPassed(call, fn, ctx.sourceCode)[i]!) as TSESTree.Identifier));
    };
    walk(fn.body, ctx.sourceCode.visitorKeys, (n) => {
      const target = stepTarget(n, ctx.sourceCode)?.target;
      const t = target && unwrap(target);
      if (t?.type === T.MemberExpression && outlives(t.object)) fields.add(ctx.sourceCode.getText(t));
      return undefined;
    });
    if (fields.size > 0 && tests.some((t) => comparesText(t, fields, ctx))) {
      bounded = true;
      // `if (this.retries >= this.options.maxRetries) return` with the limit set once to
      // `options.maxRetries || Infinity`: the value in force by default is the limit judged.
      const limits = fieldLimits(tests, fields, ctx);
      if (limits) counted.all.push(...limits);
      else counted.vague = true;
      // Stepped and compared, the member is the attempt count whatever its name
      // (`reconnectAttempts.current` of a React ref): a wait computed from it grows with the attempt.
      if (limits) counterFields = { texts: fields, hi: Math.max(...limits) };
    }
    if (!bounded && boundedByCountingObject(fn.body, tests, outlives, ctx)) bounded = true;
    // Stepped up by one and compared nowhere on the way (`this.failures += 1; this.relink()`): the
    // count of failures, with no limit: a wait computed from it grows without end.
    const upByOne = new Set<string>();
    walk(fn.body, ctx.sourceCode.visitorKeys, (n) => {
      const step = stepTarget(n, ctx.sourceCode);
      const t = step && unwrap(step.target);
      if (step?.dir === 1 && t?.type === T.MemberExpression && fields.has(ctx.sourceCode.getText(t)) && (n.type === T.UpdateExpression || constantNumber(ctx.sourceCode, (n as TSESTree.AssignmentExpression).right) === 1)) upByOne.add(ctx.sourceCode.getText(t));
      return undefined;
    });
    if (!bounded && upByOne.size > 0) counterFields = { texts: upByOne, hi: Infinity };
  }
  // A switch the branch turns off before re-running makes it once-only, a time test beside it
  // included (`if (route && route.until > Date.now()) { … route = null; return self() }`).
  if (!bounded && (consumesList(fn, call, allTests, ctx) || dropsTestedState(fn, call, ctx) || turnsOffTestedSwitch(fn, call, ctx) || handsSwitchOff(fn, call, ctx))) {
    bounded = true;
    once = true;
  }
  if (!bounded && allTests.some((t) => hasDeadline(t, ctx.sourceCode))) bounded = true;
  // `if (stillAllowed()) setTimeout(open, ms)` with `const stillAllowed = () => rounds <= 5`: a
  // same-file predicate on the way that compares a count (its limit is not followed: unknown size).
  if (!bounded && tests.some((t) => askedOfCountingPredicate(t, ctx))) bounded = true;
  // `if (attempt >= 1e9) throw err` with no deadline: a limit that means forever (PRODUCT).
  if (bounded && !once && !counted.vague && counted.all.length > 0 && counted.all.every((n) => isEffectivelyUnbounded(n)) && !allTests.some((t) => hasDeadline(t, ctx.sourceCode))) {
    return { bound: { kind: 'unbounded', maxAttempts: undefined, node: call, defaultSetting: describeHugeLimit(Math.min(...counted.all)) }, attempts, once };
  }
  // `if (attempt >= limit) throw err; return send(cfg, attempt + 1, limit)` with the parameters
  // swapped (`limit` gets `attempt + 1`): a test on parameters that the call hands other values
  // gives another answer on the next attempt, which this analysis does not follow: not known to be endless.
  if (!bounded && tests.some((t) => isComparison(t) && readsRepassedParameter(t, fn, call, ctx))) return { bound: { kind: 'unknown', maxAttempts: undefined, node: call }, attempts, once };
  return { bound: { kind: bounded ? 'bounded' : 'unbounded', maxAttempts, node: call }, attempts, once, ...(counterFields ? { counterFields } : {}) };
}

/** `a >= b`, `a < b`, `a === b`: a comparison that can end the retry once its operands change. */
function isComparison(test: Node): boolean {
  const u = unwrap(test);
  return u.type === T.BinaryExpression && /^(<|<=|>|>=|===|==|!==|!=)$/.test(u.operator);
}

/** Whether a test reads a parameter of `fn` that `call` passes a value other than the parameter itself. */
function readsRepassedParameter(test: Node, fn: Fn, call: TSESTree.CallExpression, ctx: Ctx): boolean {
  let found = false;
  walk(test, ctx.sourceCode.visitorKeys, (n) => {
    if (found || isFunction(n)) return false;
    if (n.type !== T.Identifier) return undefined;
    const v = variableOf(ctx.sourceCode, n);
    const def = v?.defs[0];
    if (!v || !def || def.type !== 'Parameter' || def.node !== fn) return undefined;
    const index = fn.params.findIndex((p) => p === def.name || (p.type === T.AssignmentPattern && p.left === def.name));
    if (index < 0) return undefined;
    const arg = argumentsPassed(call, fn, ctx.sourceCode)[index];
    const a = arg && arg.type !== T.SpreadElement ? unwrap(arg) : undefined;
    // `send(cfg, tries++)` hands on the old value, as `send(cfg, tries)` does.
    const same = (x: Node | undefined): boolean => !!x && ((x.type === T.Identifier && isReferenceTo(v, x)) || (x.type === T.UpdateExpression && !x.prefix && same(unwrap(x.argument))));
    if (!same(a)) found = true;
    return undefined;
  });
  return found;
}

/** The same-file class an object was made from (`const backoff = new Backoff(500)`), when known. */
function classOfObject(o: Node, ctx: Ctx): TSESTree.ClassDeclaration | TSESTree.ClassExpression | undefined {
  const u = unwrap(o);
  if (u.type !== T.Identifier) return undefined;
  const def = variableOf(ctx.sourceCode, u)?.defs[0];
  const init = def?.type === 'Variable' ? unwrap(def.node.init) : undefined;
  if (init?.type !== T.NewExpression || init.callee.type !== T.Identifier) return undefined;
  const cdef = variableOf(ctx.sourceCode, init.callee)?.defs[0];
  if (cdef?.type === 'ClassName' && (cdef.node.type === T.ClassDeclaration || cdef.node.type === T.ClassExpression)) return cdef.node;
  const cinit = cdef?.type === 'Variable' ? unwrap(cdef.node.init) : undefined;
  return cinit?.type === T.ClassExpression ? cinit : undefined;
}

/**
 * A bound held by an object the cycle keeps (a backoff or budget instance made outside it): a
 * method the cycle calls on it steps one of its fields (`this.count++`), and a test on the way to
 * the call reads that count back, through the field or a getter returning it (`if (backoff.attempts
 * >= MAX) return`), or tests for the stop value of a method that gives null, false or nothing once
 * such a field is past a limit (`const d = backoff.next(); if (d === null) return`). A test on a
 * value the retry path steps, that ends the retry path, is a bound whatever object holds the count.
 */
function boundedByCountingObject(body: Node, tests: Node[], outlives: (o: Node) => boolean, ctx: Ctx): boolean {
  const sc = ctx.sourceCode;
  const readsBack = new Set<string>();
  const stopCalls = new Set<string>();
  const fieldStep = (n: Node): string | undefined => {
    let target: Node | undefined;
    if (n.type === T.UpdateExpression) target = n.argument;
    else if (n.type === T.AssignmentExpression && (n.operator === '+=' || n.operator === '-=')) target = n.left;
    else if (n.type === T.AssignmentExpression && n.operator === '=' && unwrap(n.right).type === T.BinaryExpression) target = n.left;
    const t = target && unwrap(target);
    if (t?.type !== T.MemberExpression || unwrap(t.object).type !== T.ThisExpression) return undefined;
    if (n.type === T.AssignmentExpression && n.operator === '=' && !sc.getText(n.right).includes(sc.getText(t))) return undefined;
    return propertyName(t);
  };
  const readsField = (root: Node, fields: Set<string>): boolean => {
    let hit = false;
    walk(root, sc.visitorKeys, (m) => {
      if (hit) return false;
      if (m.type === T.MemberExpression && unwrap(m.object).type === T.ThisExpression && fields.has(propertyName(m) ?? '')) hit = true;
      return undefined;
    });
    return hit;
  };
  walk(body, sc.visitorKeys, (n) => {
    if (n.type !== T.CallExpression) return undefined;
    const callee = unwrap(n.callee);
    if (callee.type !== T.MemberExpression || callee.computed || !outlives(callee.object)) return undefined;
    const cls = classOfObject(callee.object, ctx);
    const name = propertyName(callee);
    const method = cls?.body.body.find((m): m is TSESTree.MethodDefinition => m.type === T.MethodDefinition && m.kind === 'method' && propertyName(m) === name);
    if (!cls || !method) return undefined;
    const stepped = new Set<string>();
    walk(method.value.body ?? method.value, sc.visitorKeys, (m) => {
      const f = fieldStep(m);
      if (f) stepped.add(f);
      return undefined;
    });
    if (stepped.size === 0) return undefined;
    const obj = sc.getText(callee.object);
    for (const f of stepped) readsBack.add(`${obj}.${f}`);
    for (const m of cls.body.body) {
      if (m.type !== T.MethodDefinition || !m.value.body) continue;
      const mName = propertyName(m);
      if (!mName) continue;
      // A getter that hands the count back (`get attempts() { return this.count; }`).
      if (m.kind === 'get' && m.value.body.body.some((s) => s.type === T.ReturnStatement && !!s.argument && readsField(s.argument, stepped))) readsBack.add(`${obj}.${mName}`);
      // A method that gives a stop value once the count is past a limit (`if (this.n >= this.max) return null;`).
      if (m.kind === 'method') {
        let stops = false;
        walk(m.value.body, sc.visitorKeys, (s) => {
          if (stops || (s !== m.value.body && isFunction(s))) return false;
          if (s.type === T.IfStatement && readsField(s.test, stepped)) {
            const c = s.consequent.type === T.BlockStatement ? s.consequent.body[s.consequent.body.length - 1] : s.consequent;
            const arg = c?.type === T.ReturnStatement ? unwrap(c.argument) : undefined;
            if (c?.type === T.ReturnStatement && (!arg || (arg.type === T.Literal && (arg.value === null || arg.value === false)) || (arg.type === T.Identifier && arg.name === 'undefined'))) stops = true;
          }
          return undefined;
        });
        if (stops) stopCalls.add(`${obj}.${mName}`);
      }
    }
    return undefined;
  });
  if (readsBack.size > 0 && tests.some((t) => comparesText(t, readsBack, ctx))) return true;
  if (stopCalls.size === 0) return false;
  // The result of a stop-value call, tested for that value (`d === null`, `!d`, `d == null`, `d === false`).
  const isStopResult = (x: Node): boolean => {
    let u = unwrap(x);
    if (u.type === T.Identifier) {
      const def = variableOf(sc, u)?.defs[0];
      const init = def?.type === 'Variable' ? unwrap(def.node.init) : undefined;
      if (!init) return false;
      u = init;
    }
    return u.type === T.CallExpression && stopCalls.has(sc.getText(unwrap(u.callee)));
  };
  return tests.some((t) => {
    let hit = false;
    walk(t, sc.visitorKeys, (n) => {
      if (hit) return false;
      if (n.type === T.UnaryExpression && n.operator === '!' && isStopResult(n.argument)) hit = true;
      if (n.type === T.BinaryExpression && ['===', '==', '!==', '!='].includes(n.operator) && n.left.type !== T.PrivateIdentifier) {
        const stopLit = (y: Node): boolean => { const w = unwrap(y); return (w.type === T.Literal && (w.value === null || w.value === false)) || (w.type === T.Identifier && w.name === 'undefined'); };
        if ((isStopResult(n.left) && stopLit(n.right)) || (isStopResult(n.right) && stopLit(n.left))) hit = true;
      }
      return undefined;
    });
    return hit;
  });
}

/**
 * Whether the statement holding `step` runs before `call` on every path to it: a statement of a block
 * (or of the function body) that also holds the call, ending before it. A step written in another
 * re-call's arguments (`self(x, ++tries)` beside `self(x, tries)`) or on another branch does not.
 */
function stepPrecedes(step: Node, call: Node): boolean {
  // In the test that decides the call (`if (++tries < max) { … self(tries) }`, `++n < 3 ? self(n) : …`,
  // `++n < 3 && self(n)`): the step runs before the call on its one path.
  for (let c: Node = step, p = step.parent; p && !isFunction(p); c = p, p = p.parent) {
    if ((p.type === T.IfStatement || p.type === T.ConditionalExpression) && c === p.test) return contains(p.consequent, call) || (!!p.alternate && contains(p.alternate, call));
    if (p.type === T.LogicalExpression && c === p.left) return contains(p.right, call);
  }
  const s = statementInList(step);
  if (!s || s.type !== T.ExpressionStatement) return false;
  if (contains(s.parent, call) && s.range[1] <= call.range[0]) return true;
  // `try { tries--; const res = await fetch(u); … } catch { return self(tries) }`: the step opens the
  // tried block, before anything in it can throw, so every path into the catch has taken it.
  const block = s.parent;
  const tryStmt = block?.parent;
  if (block?.type !== T.BlockStatement || tryStmt?.type !== T.TryStatement || tryStmt.block !== block || !tryStmt.handler || !contains(tryStmt.handler, call)) return false;
  const before = block.body.slice(0, block.body.indexOf(s));
  return before.every((st) => st.type === T.VariableDeclaration && st.declarations.every((d) => !d.init || unwrap(d.init).type === T.Literal || unwrap(d.init).type === T.Identifier));
}

/**
 * The branch of a choice handed to the re-run (`doubling ? gap * 2 : gap`) that a switch parameter's
 * literal default picks (`doubling = false`), when the re-run hands the switch back as it is (or
 * leaves it out) and no call of the function in the file gives it: every run in sight takes that
 * branch. Otherwise the choice itself.
 */
function branchByDefault(arg: Node, fn: Fn, call: TSESTree.CallExpression, ctx: Ctx): Node {
  const u = unwrap(arg);
  if (u.type !== T.ConditionalExpression) return arg;
  let test = unwrap(u.test);
  let negated = false;
  while (test.type === T.UnaryExpression && test.operator === '!') {
    negated = !negated;
    test = unwrap(test.argument);
  }
  if (test.type !== T.Identifier) return arg;
  const p = paramVars(fn, ctx).find((q) => isReferenceTo(q.variable, test));
  const d = p?.defaultValue && unwrap(p.defaultValue);
  if (!p || d?.type !== T.Literal || fn.params[p.index]?.type !== T.AssignmentPattern) return arg;
  const back = argumentsPassed(call, fn, ctx.sourceCode)[p.index];
  if (back && !(unwrap(back).type === T.Identifier && isReferenceTo(p.variable, unwrap(back)))) return arg;
  if (p.variable.references.some((r) => r.isWrite() && !r.init)) return arg;
  if (sameFileCallers(ctx.sourceCode, fn).some((c) => c !== call && !contains(fn, c) && c.arguments.length > p.index)) return arg;
  return !!d.value !== negated ? u.consequent : u.alternate;
}

/**
 * The parameter `param` is passed back as it is (`self(url, tries)`) after the body stepped it
 * (`tries++`, `tries += 1`, `budget -= 1`) on every path to that call: its direction, and whether
 * every step is by one.
 */
function steppedParameter(arg: Node, param: Variable, fn: Fn, call: Node, ctx: Ctx): { dir: 1 | -1; unit: boolean } | undefined {
  const a = unwrap(arg);
  if (a.type !== T.Identifier || !isReferenceTo(param, a)) return undefined;
  let dir: 1 | -1 | undefined;
  let unit = true;
  let precedes = false;
  for (const r of param.references) {
    const w = r.identifier.parent as Node | undefined;
    if (!contains(fn.body, r.identifier)) continue;
    let d: 1 | -1 | undefined;
    if (w?.type === T.UpdateExpression) d = w.operator === '++' ? 1 : -1;
    else if (w?.type === T.AssignmentExpression && w.left === r.identifier && (w.operator === '+=' || w.operator === '-=')) {
      d = w.operator === '+=' ? 1 : -1;
      const k = unwrap(w.right);
      if (constantNumber(ctx.sourceCode, k) !== 1) unit = false;
    } else if (w?.type === T.AssignmentExpression && w.left === r.identifier) return undefined;
    if (d === undefined) continue;
    if (dir !== undefined && dir !== d) return undefined;
    dir = d;
    if (w && stepPrecedes(w, call)) precedes = true;
  }
  return dir && precedes ? { dir, unit } : undefined;
}

/**
 * Whether an options object handed to the re-run sets a property of the parameter `param` to a
 * literal that fails a test on the way to that re-run: the test needs `param.key` falsy (`!opts.refreshed`)
 * and the object sets it truthy (`{ ...opts, refreshed: true }`), or the other way round.
 */
function switchesOffOption(handed: TSESTree.ObjectExpression, param: Variable, tests: readonly Node[], ctx: Ctx, call?: Node): boolean {
  const needs = new Map<string, boolean>();
  // A test before the call whose branch leaves (`if (opts.noRetry) throw err;`) is needed false.
  const needed = (t: Node): ReturnType<typeof neededFlags> => {
    const s = t.parent;
    const exitBefore = !!call && s?.type === T.IfStatement && s.test === t && !contains(s, call);
    // Each `||` part must then be false; a part that is itself a conjunction says nothing of each flag.
    return exitBefore ? logicalTerms(unwrap(t), '||').flatMap((term) => (logicalTerms(unwrap(term), '&&').length === 1 ? neededFlags(term).map((f) => ({ ...f, want: !f.want })) : [])) : neededFlags(t);
  };
  for (const { flag, want } of tests.flatMap(needed)) {
    if (flag.type !== T.MemberExpression || unwrap(flag.object).type !== T.Identifier || !isReferenceTo(param, unwrap(flag.object) as TSESTree.Identifier)) continue;
    const name = propertyName(flag);
    if (name) needs.set(name, want);
  }
  return handed.properties.some((q) => {
    if (q.type !== T.Property) return false;
    const want = needs.get(propertyName(q) ?? '');
    const v = unwrap(q.value);
    return want !== undefined && v.type === T.Literal && !!v.value !== want;
  });
}


/**
 * A local counter that carries a parameter's value to the next call: a variable declared in `fn`
 * whose initialiser reads the parameter `param`, stepped in `fn` (`left -= 1`) and passed back
 * as it is, or passed back stepped (`left - 1`), at the parameter's place: the argument itself,
 * or a property of an object literal given there (`{ ...opts, retries: left - 1 }`).
 */
function carriedLocal(arg: Node, param: Variable, fn: Fn, ctx: Ctx): { variable: Variable; dir: 1 | -1; unit: boolean; init: Node | undefined } | undefined {
  const a = unwrap(arg);
  const values: Node[] = a.type === T.ObjectExpression ? a.properties.filter((p): p is TSESTree.Property => p.type === T.Property).map((p) => p.value as Node) : [a];
  const one = (y: Node): boolean => constantNumber(ctx.sourceCode, y) === 1;
  for (const value of values) {
    const locals = new Set<Variable>();
    walk(value, ctx.sourceCode.visitorKeys, (n) => {
      if (isFunction(n)) return false;
      if (n.type !== T.Identifier) return undefined;
      const v = variableOf(ctx.sourceCode, n);
      const def = v?.defs[0];
      if (v && def?.type === 'Variable' && def.node.id.type === T.Identifier && contains(fn.body, def.name) && def.node.init && refersTo(def.node.init, param, ctx)) locals.add(v);
      return undefined;
    });
    for (const v of locals) {
      const init = (v.defs[0]!.node as TSESTree.VariableDeclarator).init ?? undefined;
      const stepped = changeIn(value, v, ctx);
      if (stepped) {
        const u = unwrap(value);
        return { variable: v, dir: stepped, unit: u.type === T.BinaryExpression && one(u.right), init };
      }
      if (unwrap(value).type !== T.Identifier) continue;
      for (const r of v.references) {
        const w = r.identifier.parent as Node | undefined;
        if (w?.type === T.UpdateExpression) return { variable: v, dir: w.operator === '++' ? 1 : -1, unit: true, init };
        if (w?.type === T.AssignmentExpression && w.left === r.identifier && (w.operator === '+=' || w.operator === '-=')) return { variable: v, dir: w.operator === '+=' ? 1 : -1, unit: one(w.right), init };
        // `left = left ? left - 1 : 0`, `left = Math.max(0, left - 1)`: rewritten from itself by a step.
        if (w?.type === T.AssignmentExpression && w.left === r.identifier && w.operator === '=') {
          const d = changeIn(w.right, v, ctx);
          if (!d) continue;
          let unit = false;
          walk(w.right, ctx.sourceCode.visitorKeys, (m) => {
            if (m.type === T.BinaryExpression && (m.operator === '+' || m.operator === '-') && one(m.right as Node)) unit = true;
            return undefined;
          });
          return { variable: v, dir: d, unit, init };
        }
      }
    }
  }
  return undefined;
}

/**
 * Failover through a list: `host = queue.shift()` with a test of `queue.length` ends when the list does.
 * Only the code that runs on the way to the re-run counts: a list drained in a function that does
 * not hold the call (an `open` handler flushing an outbox, a `send` method) is not its input.
 */
function consumesList(fn: Fn, call: Node, tests: Node[], ctx: Ctx): boolean {
  const lists = new Set<string>();
  /** Whether `n` lies in a function nested in `fn` that does not hold the call. */
  const elsewhere = (n: Node): boolean => {
    for (let p: Node | undefined = n; p && p !== fn; p = p.parent as Node | undefined) if (isFunction(p) && !contains(p, call)) return true;
    return false;
  };
  walk(fn.body, ctx.sourceCode.visitorKeys, (n) => {
    if (isFunction(n) && !contains(n, call)) return false;
    if (n.type === T.CallExpression && ['shift', 'pop', 'splice'].includes(calleeName(n) ?? '')) {
      const c = unwrap(n.callee);
      if (c.type === T.MemberExpression) lists.add(ctx.sourceCode.getText(c.object));
    }
  });
  if (lists.size === 0) return false;
  return tests.some((t) => {
    if (elsewhere(t)) return false;
    let found = false;
    walk(t, ctx.sourceCode.visitorKeys, (m) => {
      if (m.type === T.MemberExpression && propertyName(m) === 'length' && lists.has(ctx.sourceCode.getText(m.object))) found = true;
    });
    return found;
  });
}

/**
 * A once-only switch turned off on the way: the re-run sits under a test that needs a flag
 * (`if (status === 502 && retry)`, `if (!retried)`), and before the re-run the branch sets that flag
 * to the value that fails the test (`retry = false`, `retried = true`). The next failure takes the
 * other branch, so the re-run happens at most once per time something else turns the switch back on
 * (a success).
 */
function turnsOffTestedSwitch(fn: Fn, call: TSESTree.CallExpression, ctx: Ctx, retried: Fn = fn): boolean {
  const text = (n: Node): string => ctx.sourceCode.getText(n);
  // The switch outlives a run of the retried function: a field, or a variable declared outside it
  // (a local of the run starts afresh with each re-run, `let broken = false` in it).
  const outlives = (n: Node): boolean => {
    if (n.type !== T.Identifier) return true;
    const def = variableOf(ctx.sourceCode, n)?.defs[0];
    return !!def && !contains(retried, def.name);
  };
  // A local copy of a cell that outlives the run (`const fb = this.client.currentFallback; if (fb) …`)
  // is that cell where the test reads it: clearing the cell turns the switch off.
  const cellOf = (flag: Node): { key: string; outlives: boolean } => {
    if (flag.type === T.Identifier) {
      const def = variableOf(ctx.sourceCode, flag)?.defs[0];
      const init = def?.type === 'Variable' && def.parent.kind === 'const' && def.node.init ? unwrap(def.node.init) : undefined;
      if (init && init.type === T.MemberExpression && contains(retried, def!.name)) return { key: text(init), outlives: true };
    }
    return { key: text(flag), outlives: outlives(flag) };
  };
  // `a` with the cell `key` read as `value` is `b`, TypeScript's wrappers aside.
  const sameWith = (a: Node, b: Node, key: string, value: Node): boolean => {
    const x = unwrap(a);
    const y = unwrap(b);
    if (text(x) === key) return text(unwrap(value)) === text(y);
    if (x.type !== y.type) return false;
    if (x.type === T.CallExpression && y.type === T.CallExpression) return x.arguments.length === y.arguments.length && sameWith(x.callee, y.callee, key, value) && x.arguments.every((arg, i) => sameWith(arg, y.arguments[i]!, key, value));
    if (x.type === T.MemberExpression && y.type === T.MemberExpression) return x.computed === y.computed && sameWith(x.object, y.object, key, value) && sameWith(x.property, y.property, key, value);
    if (x.type === T.UnaryExpression && y.type === T.UnaryExpression) return x.operator === y.operator && sameWith(x.argument, y.argument, key, value);
    return text(x) === text(y);
  };
  for (let c: Node = call, p: Node | undefined = call.parent; p && p !== fn; c = p, p = p.parent) {
    if (p.type !== T.IfStatement || c !== p.consequent) continue;
    // The flags the test needs: `x` (truthy) or `!x` (falsy), as `&&` operands.
    const needs = new Map<string, boolean>();
    for (const { flag, want } of neededFlags(p.test)) {
      const cell = cellOf(flag);
      if (cell.outlives) needs.set(cell.key, want);
    }
    // A remembered failure: `!(this.lastError && isTokenErr(this.lastError))` beside `isTokenErr(err)`,
    // and the branch stores `this.lastError = err`. The next such failure finds it remembered.
    const termsOf = logicalTerms(unwrap(p.test), '&&');
    const remembered = new Map<string, Node>();
    for (const term of logicalTerms(unwrap(p.test), '&&')) {
      const u = unwrap(term);
      if (u.type !== T.UnaryExpression || u.operator !== '!') continue;
      const inner = unwrap(u.argument);
      if (inner.type !== T.LogicalExpression || inner.operator !== '&&') continue;
      const cell = unwrap(inner.left);
      if ((cell.type === T.MemberExpression || cell.type === T.Identifier) && outlives(cell)) remembered.set(text(cell), inner.right);
    }
    if (needs.size === 0 && remembered.size === 0) continue;
    let off = false;
    let offAt = 0;
    walk(p.consequent, ctx.sourceCode.visitorKeys, (n) => {
      if (off || (n !== p.consequent && isFunction(n)) || n.range[0] >= call.range[0]) return false;
      if (n.type !== T.AssignmentExpression || n.operator !== '=') return undefined;
      const key = text(unwrap(n.left));
      const right = unwrap(n.right);
      const want = needs.get(key);
      // The failure itself is stored (a caught error is never falsy): a `!x` switch is turned off.
      const stored = right.type === T.Identifier && holdsError(right, ctx.sourceCode);
      if (want !== undefined && ((right.type === T.Literal && !!right.value !== want) || (want === false && stored))) off = true;
      // The stored value passes the remembered test because another term of the same test asked it
      // of the value (`isTokenErr(wrapped.error)` beside `!(this.reason && isTokenErr(this.reason as Info))`).
      const rest = remembered.get(key);
      if (rest && termsOf.some((t) => sameWith(rest, t, key, right))) off = true;
      if (off) offAt = n.range[1];
      return undefined;
    });
    // `this.reconnecting = true; setTimeout(() => { this.reconnecting = false; this.connect() }, ms)`:
    // turned back on just before the re-run, the flag only keeps two re-runs from overlapping.
    if (off) {
      let rearmed = false;
      walk(p.consequent, ctx.sourceCode.visitorKeys, (n) => {
        if (rearmed) return false;
        if (n.type === T.AssignmentExpression && n.operator === '=' && unwrap(n.right).type === T.Literal && n.range[0] > offAt && n.range[1] <= call.range[0] && enclosingFunction(n) === enclosingFunction(call)) {
          const want = needs.get(text(unwrap(n.left)));
          if (want !== undefined && !!(unwrap(n.right) as TSESTree.Literal).value === want) rearmed = true;
        }
        return undefined;
      });
      if (rearmed) off = false;
    }
    if (off && [...needs].every(([flag, want]) => !rearmedOnFailure(flag, want, p as TSESTree.IfStatement))) return true;
  }
  return false;

  /** Whether a failure turns the switch back on: a write of `want` to it in a catch, a `.catch` callback or a failure event's listener. */
  function rearmedOnFailure(flag: string, want: boolean, guard: TSESTree.IfStatement): boolean {
    let found = false;
    walk(ctx.sourceCode.ast as Node, ctx.sourceCode.visitorKeys, (n) => {
      if (found) return false;
      if (n.type !== T.AssignmentExpression || n.operator !== '=' || text(unwrap(n.left)) !== flag || contains(guard, n)) return undefined;
      const r = unwrap(n.right);
      if (r.type === T.Literal && !!r.value !== want) return undefined;
      for (let q: Node | undefined = n.parent; q; q = q.parent) {
        if (q.type === T.CatchClause) found = true;
        if (isFunction(q) && q.parent?.type === T.CallExpression) {
          const host = q.parent;
          const name = calleeName(host) ?? '';
          const i = host.arguments.indexOf(q as TSESTree.CallExpressionArgument);
          if (isRejectionHandlerSlot(host, i) || (/^(on|once|addEventListener|addListener)$/.test(name) && i === 1 && FAILURE_EVENTS.has(eventName(host.arguments[0] as Node) ?? ''))) found = true;
        }
        if (found) break;
      }
      return undefined;
    });
    return found;
  }
}

/**
 * The re-run hands a parameter its test needs the value that fails that test: the call sits under
 * `if (!isSync && …)` and leaves `isSync` out (its default, `true`, applies), or passes a literal
 * (`send(batch, false)` under `if (canRetry)`). The re-run cannot take this branch again, so it
 * happens at most once per outside call (audit-30a homebridge getDevices, audit-30b LaunchDarkly).
 */
function handsSwitchOff(fn: Fn, call: TSESTree.CallExpression, ctx: Ctx): boolean {
  if (!selfCallee(call, fn, ctx)) return false;
  const passed = argumentsPassed(call, fn, ctx.sourceCode);
  // The truthiness of the value the re-run's parameter `i` gets, when it is a literal (or absent).
  const truthOf = (i: number): boolean | undefined => {
    const param = fn.params[i];
    const arg = passed[i];
    let value: Node | undefined = arg ? unwrap(arg) : param?.type === T.AssignmentPattern ? unwrap(param.right) : undefined;
    if (!arg && !value) return false; // left out, no default: undefined
    if (value?.type === T.Identifier && value.name === 'undefined') return false;
    if (value?.type === T.Literal && !('regex' in value && value.regex)) return Boolean(value.value);
    return undefined;
  };
  for (let c: Node = call, p: Node | undefined = call.parent; p && p !== fn; c = p, p = p.parent) {
    if (p.type !== T.IfStatement || c !== p.consequent) continue;
    for (const { flag, want } of neededFlags(p.test)) {
      if (flag.type !== T.Identifier) continue;
      const v = variableOf(ctx.sourceCode, flag);
      const i = fn.params.findIndex((q) => {
        const id = q.type === T.AssignmentPattern ? q.left : q;
        return id.type === T.Identifier && !!v && v.defs.some((d) => d.name === id);
      });
      // A parameter nothing in the function writes, handed a value that fails the test.
      if (i < 0 || !v || v.references.some((r) => r.isWrite() && !r.init)) continue;
      const truth = truthOf(i);
      if (truth !== undefined && truth !== want) return true;
    }
  }
  return false;
}

/**
 * Start over after dropping the state that led here: `if (cache.has()) { try … catch { cache.remove();
 * return login() } }` — the second run takes the branch without the retry, so it happens at most once.
 */
function dropsTestedState(fn: Fn, call: TSESTree.CallExpression, ctx: Ctx): boolean {
  const dropped = new Set<string>();
  walk(fn.body, ctx.sourceCode.visitorKeys, (n) => {
    if (n.type === T.CallExpression && n.range[1] <= call.range[0] && /^(remove|delete|clear|invalidate|reset|evict|drop|forget)/i.test(calleeName(n) ?? '')) {
      const c = unwrap(n.callee);
      if (c.type === T.MemberExpression) dropped.add(ctx.sourceCode.getText(c.object));
    }
  });
  if (dropped.size === 0) return false;
  for (let p: Node | undefined = call.parent; p && p !== fn; p = p.parent) {
    if (p.type === T.IfStatement && contains(p.consequent, call)) {
      let found = false;
      walk(p.test, ctx.sourceCode.visitorKeys, (m) => {
        if (m.type === T.MemberExpression && dropped.has(ctx.sourceCode.getText(m.object))) found = true;
      });
      if (found) return true;
    }
  }
  return false;
}

/**
 * Whether `x` reads one of the member counters named by `texts`: the member itself, stepped in place
 * (`this.tries++ > 3`), or read with its fallback (`(req.attempt || 0) >= 3`, `?? 0`).
 */
function readsCounterMember(x: Node, texts: ReadonlySet<string>, ctx: Ctx): boolean {
  const u = unwrap(x);
  if (u.type === T.UpdateExpression) return readsCounterMember(u.argument, texts, ctx);
  if (u.type === T.LogicalExpression && (u.operator === '||' || u.operator === '??')) return readsCounterMember(u.left, texts, ctx);
  return u.type === T.MemberExpression && texts.has(ctx.sourceCode.getText(u));
}

/**
 * The limits a member counter (`this.retries`) is compared with in `tests`, each evaluated to a
 * known number (a literal, a constant, a field set once to an option with a fallback); undefined
 * when some comparison's limit is not a known number.
 */
function fieldLimits(tests: readonly Node[], texts: Set<string>, ctx: Ctx): number[] | undefined {
  const isC = (x: Node): boolean => readsCounterMember(x, texts, ctx);
  const out: number[] = [];
  let unknown = false;
  for (const test of tests) {
    walk(test, ctx.sourceCode.visitorKeys, (n) => {
      if (unknown || isFunction(n)) return false;
      if (n.type === T.CallExpression && (predicateCompares(n, isC, ctx.sourceCode) || asksUnseenPredicate(n, isC, ctx.sourceCode))) unknown = true;
      if (n.type !== T.BinaryExpression || n.left.type === T.PrivateIdentifier || !['<', '<=', '>', '>=', '===', '=='].includes(n.operator)) return undefined;
      const other = isC(n.left) ? n.right : isC(n.right) ? n.left : undefined;
      if (!other) return undefined;
      const k = constant(other as Node, ctx);
      if (k === undefined) unknown = true;
      else out.push(k);
      return undefined;
    });
  }
  return unknown || out.length === 0 ? undefined : out;
}

/** A comparison (or a same-file predicate call) in `test` that reads one of the given member counters. */
function comparesText(test: Node, texts: Set<string>, ctx: Ctx): boolean {
  const isC = (x: Node): boolean => readsCounterMember(x, texts, ctx);
  let found = false;
  // A truthiness test (`if (!opts.retries) return reject(err)`, `if (this.left) …`) compares the count with 0.
  if (isC(test)) return true;
  walk(test, ctx.sourceCode.visitorKeys, (n) => {
    if (found || isFunction(n)) return false;
    if (n.type === T.UnaryExpression && n.operator === '!' && isC(n.argument)) found = true;
    if (n.type === T.BinaryExpression && n.left.type !== T.PrivateIdentifier && ['<', '<=', '>', '>=', '===', '=='].includes(n.operator) && (isC(n.left) || isC(n.right))) found = true;
    if (n.type === T.CallExpression && (predicateCompares(n, isC, ctx.sourceCode) || asksUnseenPredicate(n, isC, ctx.sourceCode))) found = true;
    return undefined;
  });
  return found;
}

/** Whether `node` reads or writes the variable `v` anywhere inside it. */
export function refersTo(node: Node, v: Variable, ctx: Pick<Ctx, 'sourceCode'>): boolean {
  let found = false;
  walk(node, ctx.sourceCode.visitorKeys, (n) => {
    if (found) return false;
    if (n.type === T.Identifier && isReferenceTo(v, n)) found = true;
    return undefined;
  });
  return found;
}

function constant(node: Node, ctx: Ctx): number | undefined {
  const v = evaluate(node, makeEnv(ctx.sourceCode));
  return !v.opaque && v.lo === v.hi ? v.lo : undefined;
}

/** Every test in the function: if, ternary, logical, loop conditions. */
function testsOf(fn: Fn, ctx: Ctx): Node[] {
  const out: Node[] = [];
  walk(fn.body, ctx.sourceCode.visitorKeys, (n) => {
    if (n.type === T.IfStatement || n.type === T.ConditionalExpression || n.type === T.WhileStatement) out.push(n.test);
    if (n.type === T.LogicalExpression) out.push(n.left);
    return undefined;
  });
  return out;
}

export function limitIn(test: Node, v: Variable, ctx: Ctx, seen: Set<Node> = new Set()): { limit: number; op: string } | 'unknown' | undefined {
  let result: { limit: number; op: string } | 'unknown' | undefined;
  // A local's initialiser is followed once: `const status = e?.status || …` reads a member named like
  // the local, and a chain of locals may lead back to one already followed.
  if (seen.has(test)) return undefined;
  seen.add(test);
  const isV = (x: Node): boolean => {
    const u = unwrap(x);
    if (u.type === T.Identifier) return isReferenceTo(v, u);
    if (u.type === T.BinaryExpression && (u.operator === '+' || u.operator === '-')) return isV(u.left);
    if (u.type === T.UpdateExpression) return isV(u.argument);
    if (u.type === T.MemberExpression) return isV(u.object);
    // Read with its fallback: `(opts.attempt ?? 0) < 3`, `(tries || 0) >= max`.
    if (u.type === T.LogicalExpression && (u.operator === '??' || u.operator === '||')) return isV(u.left);
    return false;
  };
  const t = unwrap(test);
  if (isV(t) || (t.type === T.UnaryExpression && t.operator === '!' && isV(t.argument))) return { limit: 0, op: '<=' };
  /** A side that reads no `v` and is known to be `truthy` (a comparison of constants and defaults). */
  const settledSide = (side: Node, truthy: boolean): boolean => {
    if (refersTo(side, v, ctx) || unwrap(side).type !== T.BinaryExpression) return false;
    const c = constant(side, ctx);
    return c !== undefined && (c !== 0) === truthy;
  };
  walk(t, ctx.sourceCode.visitorKeys, (n) => {
    if (result || isFunction(n)) return false;
    // `maxRetries === 0 || count < maxRetries` with `maxRetries = 0` by default: the switch that
    // turns the limit off holds, so the comparison beside it limits nothing (while the default holds).
    if (n.type === T.LogicalExpression && (n.operator === '||' || n.operator === '&&') && [n.left, n.right].some((side) => settledSide(side, n.operator === '||'))) return false;
    // `if (tooMany(attempt)) throw e`: a same-file predicate compares it.
    if (n.type === T.CallExpression && (predicateCompares(n, isV, ctx.sourceCode) || asksUnseenPredicate(n, isV, ctx.sourceCode))) {
      result = 'unknown';
      return false;
    }
    // `const handled = await handleErrors(res, retries); if (handled === null) …`: the tested local
    // holds what such a predicate returned (F2).
    // A member's or key's name (`e.status`, `{ status: 1 }`) is no variable.
    const named = n.parent && ((n.parent.type === T.MemberExpression && n.parent.property === n && !n.parent.computed) || (n.parent.type === T.Property && n.parent.key === n && !n.parent.computed && n.parent.value !== n));
    if (n.type === T.Identifier && !named && !isV(n)) {
      const def = variableOf(ctx.sourceCode, n)?.defs[0];
      let init = def?.type === 'Variable' && def.parent.kind === 'const' && def.node.init ? unwrap(def.node.init) : undefined;
      if (init?.type === T.AwaitExpression) init = unwrap(init.argument);
      if (init?.type === T.CallExpression && (predicateCompares(init, isV, ctx.sourceCode) || asksUnseenPredicate(init, isV, ctx.sourceCode))) {
        result = 'unknown';
        return false;
      }
      // `const again = failures < limit || …; if (!again) return`: the local holds the comparison (F2).
      if (init && init.type !== T.CallExpression && init.type !== T.AwaitExpression && !isFunction(init)) {
        // Which way the local's test goes is not followed through `!` and `||`: the limit counts as unknown.
        if (limitIn(init, v, ctx, seen)) {
          result = 'unknown';
          return false;
        }
      }
    }
    if (n.type !== T.BinaryExpression || n.left.type === T.PrivateIdentifier) return undefined;
    if (!['<', '<=', '>', '>=', '===', '==', '!==', '!='].includes(n.operator)) return undefined;
    let other: Node | undefined;
    let op = n.operator as string;
    if (isV(n.left)) other = n.right;
    else if (isV(n.right)) {
      other = n.left;
      op = ({ '<': '>', '>': '<', '<=': '>=', '>=': '<=' } as Record<string, string>)[op] ?? op;
    }
    if (!other) return undefined;
    const c = constant(other, ctx);
    result = c === undefined ? 'unknown' : { limit: c, op: op === '<' ? '>=' : op === '<=' ? '>' : op };
    return false;
  });
  return result;
}


/**
 * Whether `test` compares `v` with a value another module holds: an imported binding (or a member of
 * one), or a parameter nothing reassigns whose default is one (`{ retries = MAX_TRIES }` with
 * `MAX_TRIES` imported). Without cross-file resolution the limit is unseen (PRODUCT: stay silent
 * about what cannot be seen), not absent.
 */
function comparedWithImport(test: Node, v: Variable, ctx: Ctx): boolean {
  const imported = (expr: Node): boolean => {
    let u = unwrap(expr);
    while (u.type === T.MemberExpression && !u.computed) u = unwrap(u.object);
    return u.type === T.Identifier && variableOf(ctx.sourceCode, u) !== v && holdsImport(u, ctx.sourceCode);
  };
  let found = false;
  walk(test, ctx.sourceCode.visitorKeys, (n) => {
    if (found || isFunction(n)) return false;
    if (n.type !== T.BinaryExpression || n.left.type === T.PrivateIdentifier || !['<', '<=', '>', '>='].includes(n.operator)) return undefined;
    const sides = [n.left, n.right];
    if (sides.some((x) => refersTo(x, v, ctx)) && sides.some((x) => !refersTo(x, v, ctx) && imported(x))) found = true;
    return undefined;
  });
  return found;
}

/** Waits before the self-call: the timer around it, awaited waits on the failure path, `delay(ms).then(() => self())`. */
function recursionWaits(fn: Fn, call: TSESTree.CallExpression, fc: FailureContext, ctx: Ctx, attempts: AttemptVar[], iterations: number | undefined, region: RetryRegion, counterFields?: CounterFields): Wait[] {
  const waits: Wait[] = [];
  const member = counterMember(counterFields, ctx);
  const waitOf = (w: Parameters<typeof waitOfCall>[0], sc: TSESLint.SourceCode, a: AttemptVar[], it: number | undefined, r: RetryRegion): Wait => waitOfCall(w, sc, a, it, r, member);
  // A wait at the top of the function, before the request, runs before every attempt after the first.
  if (fn.body.type === T.BlockStatement && fc.path !== fn.body) {
    for (const st of fn.body.body) {
      if (st.range[1] > call.range[0] || contains(st, fc.path)) break;
      // `if (n > 0) await pause(backoff(n))`: skipped on the first attempt only, by a test of the attempt.
      const afterFirst = st.type === T.IfStatement && !st.alternate && attempts.some((a) => refersTo(st.test, a.variable, ctx));
      if (st.type !== T.ExpressionStatement && st.type !== T.VariableDeclaration && !afterFirst) continue;
      walkRegion(afterFirst ? (st as TSESTree.IfStatement).consequent : st, ctx.sourceCode, (n) => {
        if (n.type !== T.CallExpression && n.type !== T.NewExpression) return undefined;
        const w = asWait(n, ctx.sourceCode, ctx.settings);
        if (!w) return undefined;
        if (isAwaited(n, ctx.sourceCode)) waits.push(waitOf(w, ctx.sourceCode, attempts, iterations, region));
        return false;
      }, false);
    }
  }
  if (fc.timer && fc.scheduled) {
    const arg = fc.scheduled.bindings.find((b) => unwrap(fc.scheduled!.delay).type === T.Identifier && b.param.name === (unwrap(fc.scheduled!.delay) as TSESTree.Identifier).name)?.arg;
    waits.push(waitOf({ call: fc.timer, delayExpr: fc.scheduled.delay, bindings: fc.scheduled.bindings as { param: TSESTree.Identifier; arg: Node }[], argument: arg as TSESTree.Expression | undefined, opaque: false }, ctx.sourceCode, attempts, iterations, region));
  } else if (fc.timer) {
    const ms = fc.timer.arguments[1];
    const expr = ms && ms.type !== T.SpreadElement ? ms : undefined;
    // A countdown: an interval whose tick clears the interval before it makes the call (`if (--left === 0)
    // { clearInterval(t); connect(); }`) runs the call once, after an unknown number of ticks.
    const countdown = isGlobalInterval(ctx.sourceCode, fc.timer) && clearsItselfBeforeCall(fc.timer, call);
    waits.push(waitOf({ call: fc.timer, delayExpr: expr ?? ({ type: T.Literal, value: 0, raw: '0', range: fc.timer.range, loc: fc.timer.loc, parent: fc.timer } as unknown as Node), bindings: [], argument: expr, opaque: countdown }, ctx.sourceCode, attempts, iterations, region));
  }
  // `pause(ms).then(() => send()).catch(() => self())`, `new Promise((r) => setTimeout(() =>
  // r(send()), ms)).catch(() => self())`: the handler runs only once the chain before it settled,
  // after the wait at its head.
  if (fc.kind === 'promise-catch' && waits.length === 0) {
    // The handler inline (`.catch(() => self())`: its host call), or passed by name (`.catch(self)`: the call itself).
    const host = isFunction(fc.path) ? fc.path.parent : fc.path.type === T.CallExpression ? fc.path : undefined;
    /** The wait at the head of the chain `start`'s callee continues (`sleep(ms).then(…).catch(…)`). */
    const chainWait = (start: Node | undefined): WaitCall | undefined => {
      let link: Node | undefined = start?.type === T.CallExpression ? unwrap(start.callee) : undefined;
      for (let i = 0; link?.type === T.MemberExpression && i < 8; i++) {
        const receiver: Node = unwrap(link.object);
        const w = asWait(receiver, ctx.sourceCode, ctx.settings);
        if (w) return w;
        link = receiver.type === T.CallExpression ? unwrap(receiver.callee) : undefined;
      }
      return undefined;
    };
    let w = chainWait(host);
    // The chain sits in a callback that runs once a wait is over (`sleep(ms).then(() => work().then(ok, self))`).
    for (let p: Node | undefined = host?.parent; !w && p && p !== fn; p = p.parent) {
      const outer = p.parent;
      if (isFunction(p) && outer?.type === T.CallExpression && outer.arguments[0] === p && /^(then|finally)$/.test(calleeName(outer) ?? '')) w = chainWait(outer);
    }
    if (w) waits.push(waitOf(w, ctx.sourceCode, attempts, iterations, region));
  }
  walkRegion(fc.path, ctx.sourceCode, (n) => {
    if (n.type !== T.CallExpression && n.type !== T.NewExpression) return undefined;
    if (fc.timer && contains(n, fc.timer)) return false;
    // The link that hands `fn` itself on (`Promise.delay(ms).then(tryOp)`) holds its wait in its callee.
    if (n === call) return calleeName(call) === 'then' && call.arguments.some((a) => isSelfArg(a, fn, ctx)) ? undefined : false;
    // Only a wait on the path to this call: not one after it, nor one in a branch that leaves
    // before it (another retry path's wait helper, `if (a) return this.later(…)`).
    if (!contains(n, call) && (n.range[0] >= call.range[1] || inLeavingBranch(n, call, fc.path))) return false;
    const w = asWait(n, ctx.sourceCode, ctx.settings);
    if (!w) return undefined;
    // `delay(ms).then(() => self())` chains the call; otherwise the wait must be awaited.
    if (isAwaited(n, ctx.sourceCode) || chainsInto(n, call) || heldWaitChainsInto(n, call, fc.path, ctx)) waits.push(waitOf(w, ctx.sourceCode, attempts, iterations, region));
    return false;
  });
  return waits;
}

/**
 * A wait kept in a local or a field, then waited for on the way to `call`: `const handle = wait(ms);
 * return handle.promise.then(() => this.connect())`, `this.timer = delay(ms); await this.timer;` (a
 * cancellable wait helper that returns `{ promise, cancel }`, or the promise itself).
 */
function heldWaitChainsInto(wait: Node, call: Node, root: Node, ctx: Ctx): boolean {
  const p = wait.parent;
  let holder: string | undefined;
  if (p?.type === T.AssignmentExpression && p.right === wait && p.operator === '=') holder = ctx.sourceCode.getText(unwrap(p.left));
  else if (p?.type === T.VariableDeclarator && p.init === wait && p.id.type === T.Identifier) holder = p.id.name;
  if (!holder) return false;
  let found = false;
  walk(root, ctx.sourceCode.visitorKeys, (n) => {
    if (found || n.range[0] < wait.range[1] || n.range[0] > call.range[0]) return undefined;
    if (n.type !== T.Identifier && n.type !== T.MemberExpression) return undefined;
    const text = ctx.sourceCode.getText(n);
    // The holder, or one field of it (`handle.promise`).
    const m = n.parent;
    const read = text === holder ? (m?.type === T.MemberExpression && m.object === n && propertyName(m) !== 'then' ? m : n) : undefined;
    if (!read) return undefined;
    const q = read.parent;
    if (q?.type === T.AwaitExpression) found = true;
    else if (q?.type === T.MemberExpression && q.object === read && propertyName(q) === 'then' && q.parent?.type === T.CallExpression && contains(q.parent, call)) found = true;
    return undefined;
  });
  return found;
}

function chainsInto(wait: Node, call: Node): boolean {
  const p = wait.parent;
  if (p?.type === T.MemberExpression && p.object === wait && p.parent?.type === T.CallExpression && contains(p.parent, call)) return true;
  // `sleep(ms).then(log).then(() => run())`: a longer chain (values helper, waits.ts).
  return chainedBefore(wait, call);
}


/**
 * Whether `n` sits in a branch (an `if` consequent or alternate) that does not hold `call` and
 * always leaves: whatever runs there, control never goes on from it to `call`.
 */
function inLeavingBranch(n: Node, call: Node, root: Node): boolean {
  for (let child: Node = n, p = n.parent; p && child !== root; child = p, p = p.parent) {
    if (contains(p, call)) return false;
    if (p.type === T.IfStatement && child !== p.test && alwaysExits(child)) return true;
  }
  return false;
}

/** Two handler arguments naming the same function (`.then(poll, poll)`). */
function sameHandler(a: Node, b: Node): boolean {
  const x = unwrap(a);
  const y = unwrap(b);
  return x.type === T.Identifier && y.type === T.Identifier && x.name === y.name;
}

/**
 * Whether the callback of the interval `timer` clears an interval in the statement list that holds
 * `call`, before it: the tick that makes the call is the interval's last.
 */
function clearsItselfBeforeCall(timer: TSESTree.CallExpression, call: Node): boolean {
  const cb = timer.arguments[0] && unwrap(timer.arguments[0]);
  if (!cb || !isFunction(cb) || !contains(cb, call)) return false;
  const s = statementInList(call);
  const block = s?.parent;
  // The statement must be the tick's own: a concise callback (`() => connect()`) has none, and the
  // statement around the whole interval (`clearInterval(t); t = setInterval(() => connect(), ms)`,
  // a reconnect that re-arms its timer) clears the previous interval, not this one.
  if (!s || block?.type !== T.BlockStatement || !contains(cb, block)) return false;
  return block.body.some((st) => st.range[1] <= s.range[0] && st.type === T.ExpressionStatement && st.expression.type === T.CallExpression && calleeName(st.expression) === 'clearInterval');
}
