import { fileMemo } from './memo';
import { continuesIn, goesOnOnlyOnConflict } from './conflict';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { ASTUtils } from '@typescript-eslint/utils';
import { T } from './node-types';
import { failureRegistration, handsOnError, LISTEN_NAMES } from './error-values';
import { fileIndex, indexedWithin } from './file-index';
import { guarded } from './guard';
import { calleeName, chainRoot, contains, endsProcess, findAll, hasSpread, isClockRead, isComputedValue, isDeterministicCall, isFunction, isLogCallee, isRejectionHandlerSlot, isReportingCall, logicalTerms, neededFlags, ownerOf, propertyName, stringValue, unwrap, walk } from './ast';
import { evaluate, makeEnv, returnedExpressions, sameFileFunction, type AttemptVar } from './delay';
import { asksUnseenPredicate, booleanComparison, evalTest, failuresIn, handsBackNothing, isFalsyConstant, isNullish, testsMissing, impliedComparisons, mayGoOn, type Outcome, pathFacts, type PathFact, predicateCompares, reachesBackEdge, reachesInBlock, reentryBlocked, SUCCESS, waitlessBackEdge } from './flow';
import { describeHttpCall, isTypedResponse, rejectsErrorStatuses, sameFileCallers } from './http';
import { describeHugeLimit, isEffectivelyUnbounded } from './limits';
import { aliasedTest, alwaysExits, analyzeOperation, classifiesStatus, gatedOkCheck, hasDeadline, isStatusLike, lastIsThrow, okCheck, statusesTested, timedSignal, walkRegion, type Ctx, type RetryCatch } from './operation';
import { bindingOf, constInit, constantNumber, constantValue, fieldIn, fieldOf, holdsImport, isHeldPromise, originOf, variableOf, type FieldInfo, isReferenceTo } from './scope';
import { containedIn, flatSummary, nodesWithin, sortedByStart, type Run } from './summaries';
import type { AttemptBound, Node, RetrySite, Wait } from './types';
import { ACTION_CALL_RE, FS_REMOVE_RE, ASKING_CALL_RE, ASKING_EFFECT_WORD_RE, BOOKKEEPING_NAME_RE, READING_CALL_RE, CLASSIFIER_RE, DELIBERATE_CLOSE_REASONS, FAILED_PART_RE, FS_MODULE_RE, FS_READ_RE, PREDICATE_RE, REFRESH_RE, UNREGISTER_METHODS } from './vocabulary';
import { advancesIterator, correctsRequest, drawsInputAtRandom, inputWrites, readsVariable, isWorkingCall, onlyBookkeeping, operationTakes, parameterHandedTo, readsFromPerson, rerunChangesInput, slotOf } from './input-change';
import { onFailurePath } from './requeue';
import { confinedResource, waitsOnPendingAnswer, isDroppedProbeRead, isProbeFunction, isProbeRegion, OPEN_CHECK_RE, RELEASE_RE } from './probe';
import { computesOnly, putsBackIn, refersTo } from './recursion';
import { isRetryAfterStatus, statusByName } from './statuses';
import { asWait, isAwaited, isGlobalTimer, isOperationCall, timerOfNamed, timerWaitCall, waitOf, waitsBeforeFailure } from './waits';

type Loop = TSESTree.ForStatement | TSESTree.WhileStatement | TSESTree.DoWhileStatement | TSESTree.ForOfStatement;
type Variable = TSESLint.Scope.Variable;


/**
 * Finds retry loops: a `for`/`while`/`do…while` that runs an operation again after it failed,
 * either through a try/catch whose catch lets the loop go on while success leaves it, or through
 * a status check whose failure branch goes round again. Polling (re-checking a state until done)
 * and ordinary loops are not retries.
 */
export function analyzeLoops(ctx: Ctx): RetrySite[] {
  const sites: RetrySite[] = [];
  for (const n of fileIndex(ctx.sourceCode).loopsAndCalls) {
    const site = n.type === T.CallExpression ? guarded(n, () => analyzeInterval(n, ctx) ?? analyzeRecurringTimer(n, ctx) ?? analyzeEventRestart(n, ctx)) : guarded(n, () => (mayHoldRetry(n, ctx) ? analyzeLoop(n, ctx) : undefined));
    if (site) sites.push(site);
  }
  for (const a of fileIndex(ctx.sourceCode).memberAssignments) {
    const site = guarded(a, () => analyzeEventRestart(a, ctx));
    if (site) sites.push(site);
  }
  return sites;
}

/** Methods that (re)start a connection, a session or a poller. */
const RESTART_RE = /^(open|connect|reconnect|restart|listen|subscribe|login|start[A-Z]?\w*)$/;

/**
 * A failure-event handler that starts the emitter's connection again (`socket.on('disconnect', () =>
 * setTimeout(() => socket.open(), 1500))`, `bot.on('polling_error', () => bot.startPolling())`,
 * `mongoose.connection.on('error', () => setTimeout(connectDb, 5000))` with `connectDb` calling
 * `mongoose.connect`): a retry written as an event handler (R6). Each failure of the restarted
 * connection is reported on the same emitter, so the handler runs again: a cycle through a failure edge.
 *
 * The registration takes any form (`on`/`once`/`addEventListener`, `hub.onclose(h)`, `ws.onclose = h`),
 * the handler may be written inline or named, and the restart may sit in the handler, in a timer's
 * callback or in a same-file function the handler reaches (called, scheduled, bound). The restart is a
 * method that (re)starts a connection ({@link RESTART_RE}) on the emitter itself or on the object that
 * owns it (`mongoose` for `mongoose.connection`, `this` for `this.ws`). A restart of the function that
 * registers the handler is the recursion analysis' (a cycle through that function), not this one's.
 */
function analyzeEventRestart(registration: TSESTree.CallExpression | TSESTree.AssignmentExpression, ctx: Ctx): RetrySite | undefined {
  const r = failureRegistration(registration);
  if (!r || answersOwnClose(registration, r.emitter, ctx)) return undefined;
  return eventRestartSite(registration, r.emitter, r.handler, ctx);
}

/**
 * Whether a handler, on the way to a restart, removes a file the restart is handed (the same
 * expression as one of its arguments): `try { fs.unlinkSync(sock) } catch {} server.listen(sock)`.
 */
function removesRestartTarget(handler: TSESTree.FunctionLike, restart: TSESTree.CallExpression, ctx: Ctx): boolean {
  const args = new Set(restart.arguments.filter((a) => a.type !== T.SpreadElement).map((a) => ctx.sourceCode.getText(unwrap(a))));
  if (args.size === 0 || !handler.body) return false;
  let found = false;
  walk(handler.body, ctx.sourceCode.visitorKeys, (n) => {
    if (found) return false;
    if (n.type !== T.CallExpression || n.range[0] >= restart.range[0]) return undefined;
    const first = n.arguments[0];
    if (FS_REMOVE_RE.test(calleeName(n) ?? '') && first && first.type !== T.SpreadElement && args.has(ctx.sourceCode.getText(unwrap(first)))) found = true;
    return undefined;
  });
  return found;
}

/**
 * A one-shot handler registered right after the code closes the same emitter itself
 * (`server.close(); server.once('close', () => setTimeout(() => server.listen(port), 50))`): the
 * close it answers is the code's own, a planned restart, not a failure; and being `once`, a later
 * failure does not run it again.
 */
function answersOwnClose(registration: TSESTree.CallExpression | TSESTree.AssignmentExpression, emitter: Node, ctx: Ctx): boolean {
  if (registration.type !== T.CallExpression || calleeName(registration) !== 'once') return false;
  const stmt = registration.parent;
  const block = stmt?.type === T.ExpressionStatement ? stmt.parent : undefined;
  if (!stmt || (block?.type !== T.BlockStatement && block?.type !== T.Program)) return false;
  const list = block.body as Node[];
  const before = list.slice(0, list.indexOf(stmt));
  const emitterText = ownerText(emitter, ctx);
  return before.some((st) => {
    if (st.type !== T.ExpressionStatement) return false;
    let e = unwrap(st.expression);
    if (e.type === T.AwaitExpression) e = unwrap(e.argument);
    if (e.type !== T.CallExpression) return false;
    const c = unwrap(e.callee);
    return c.type === T.MemberExpression && RELEASE_RE.test(propertyName(c) ?? '') && ownerText(unwrap(c.object), ctx) === emitterText;
  });
}

/** Emitter methods that are not an operation that can fail and be run again: listeners, teardown, accessors. */
const NOT_AN_OPERATION_RE = /^(?:on|once|off|pipe|unpipe|resume|addListener|removeListener|removeAllListeners|prependListener|prependOnceListener|addEventListener|removeEventListener|emit|listeners|listenerCount|destroy|dispose|release|free|cancel|unsubscribe|detach|close|end|terminate|abort|stop|disconnect|hangup|hangUp|shutdown|leave|logout|logOut|signOut|pause|unref|ref|kill|quit|exit|reset|clear\w*|set\w*|get\w*|has\w*|is\w*|log|warn|info|debug|trace|report\w*|notify\w*|toString|toJSON)$/;

/**
 * Whether a call is made for its effect (an operation), not for its value: a statement of its own,
 * awaited, `void`ed or chained with `.then`/`.catch`/`.finally` only, or a concise arrow's body
 * (`autoUpdater.checkForUpdates().catch(log)`); a call whose value feeds a test or an argument
 * (`this.isTimedOut() ? a : b`) reads state.
 */
function runForEffect(call: TSESTree.CallExpression): boolean {
  let n: Node = call;
  for (;;) {
    const p: Node | undefined = n.parent;
    if (!p) return false;
    if (p.type === T.AwaitExpression || p.type === T.ChainExpression || (p.type === T.UnaryExpression && p.operator === 'void')) n = p;
    else if (p.type === T.MemberExpression && p.object === n && /^(?:then|catch|finally)$/.test(propertyName(p) ?? '') && p.parent?.type === T.CallExpression && p.parent.callee === p) n = p.parent;
    else return p.type === T.ExpressionStatement || (p.type === T.ArrowFunctionExpression && p.body === n);
  }
}

/**
 * Whether a same-file function is run (called, scheduled or handed on by name) somewhere outside
 * `handler`: the code runs it as its ordinary operation, not only from the failure handler.
 */
function calledOutside(fn: TSESTree.FunctionLike, handler: TSESTree.FunctionLike, ctx: Ctx): boolean {
  const id = fn.type === T.FunctionDeclaration ? fn.id : fn.parent?.type === T.VariableDeclarator && fn.parent.id.type === T.Identifier ? fn.parent.id : undefined;
  const v = id ? variableOf(ctx.sourceCode, id) : undefined;
  if (!v) return false;
  return v.references.some((r) => r.identifier !== id && !contains(handler, r.identifier) && !contains(fn, r.identifier) && r.isRead());
}

/**
 * Whether the file makes the same call (the same method of the same object, by text) for its effect
 * outside `handler` and `fn`: the operation the handler runs again is also the code's ordinary one
 * (`void autoUpdater.checkForUpdates()` at start, and again from a timer the error handler arms).
 */
function sameCallOutside(call: TSESTree.CallExpression, handler: TSESTree.FunctionLike, fn: TSESTree.FunctionLike, ctx: Ctx): boolean {
  const text = ctx.sourceCode.getText(unwrap(call.callee));
  let found = false;
  walk(ctx.sourceCode.ast as Node, ctx.sourceCode.visitorKeys, (n) => {
    if (found || n === handler || n === fn) return false;
    if (n.type === T.CallExpression && n !== call && ctx.sourceCode.getText(unwrap(n.callee)) === text && !constantArgumentsDiffer(n, call, ctx) && runForEffect(n)) found = true;
    return undefined;
  });
  return found;
}

/**
 * Whether two calls of the same method are handed different constants in one position
 * (`query('UNLISTEN x')` and `query('LISTEN x')`, `send('unsubscribe', t)` and `send('subscribe', t)`):
 * different operations, though the callee is the same. Positions whose value is not a constant on
 * both sides say nothing.
 */
function constantArgumentsDiffer(a: TSESTree.CallExpression, b: TSESTree.CallExpression, ctx: Ctx): boolean {
  const n = Math.min(a.arguments.length, b.arguments.length);
  for (let i = 0; i < n; i++) {
    const x = constantValue(ctx.sourceCode, a.arguments[i] as Node);
    const y = constantValue(ctx.sourceCode, b.arguments[i] as Node);
    if (x && y && x.value !== y.value) return true;
  }
  return false;
}

/** Whether `call` runs in a callback that `fn` hands to a global timer (`setTimeout(() => call, ms)`), at any depth below `fn`. */
function armedByTimer(call: Node, fn: TSESTree.FunctionLike, ctx: Ctx): boolean {
  for (let p: Node | undefined = call.parent; p && p !== fn; p = p.parent) if (timerOfCallback(p, ctx)) return true;
  return false;
}

/** The global timer call a function is handed to as its callback (`setTimeout(() => …, ms)`), or undefined. */
function timerOfCallback(f: Node, ctx: Ctx): TSESTree.CallExpression | undefined {
  const host = f.parent;
  return isFunction(f) && host?.type === T.CallExpression && host.arguments[0] === f && isGlobalTimer(ctx.sourceCode, host) ? host : undefined;
}

/** `this`, or a local that holds it (`const self = this`): the enclosing class or object itself. */
function isThisLike(expr: Node, ctx: Ctx): boolean {
  const u = unwrap(expr);
  if (u.type === T.ThisExpression) return true;
  if (u.type !== T.Identifier) return false;
  const def = variableOf(ctx.sourceCode, u)?.defs[0]?.node;
  return def?.type === T.VariableDeclarator && !!def.init && unwrap(def.init).type === T.ThisExpression;
}

/** Listener registrations that return their emitter (Node's `EventEmitter`, socket.io, ws). */

/** Max depth of same-file functions followed from a failure handler to the restart. */
const RESTART_DEPTH = 3;

/** One step from the failure handler to the restart: the function and the call in it that leads on (or restarts). */
interface RestartStep {
  fn: TSESTree.FunctionLike;
  at: TSESTree.CallExpression;
}

function eventRestartSite(registration: TSESTree.CallExpression | TSESTree.AssignmentExpression, emitter: Node, handlerArg: Node, ctx: Ctx): RetrySite | undefined {
  const handlerNode = unwrap(handlerArg);
  const handler = isFunction(handlerNode) ? handlerNode : sameFileFunction(handlerNode, ctx);
  if (!handler || !handler.body) return undefined;
  // A handler that the registration's own function holds, or that runs that function again, is a
  // cycle through that function: the recursion analysis' site.
  const registeredIn = enclosingFunctions(registration);
  const owners = emitterOwners(emitter, ctx);
  // The connection the event hands its listener (`manager.on('nodeDisconnect', (node) => node.connect())`,
  // Lavalink and cluster clients): reopening it reopens what failed.
  const handed = new Set(handler.params.flatMap((p) => (p.type === T.Identifier ? [variableOf(ctx.sourceCode, p)] : [])).filter((v): v is NonNullable<typeof v> => !!v));
  type Var = NonNullable<ReturnType<typeof variableOf>>;
  /** Whether `o` is the emitter: by its text, or a parameter the path handed it to (`this.again(group, link)`). */
  const isEmitter = (o: Node, held: ReadonlySet<Var>): boolean => owners.has(ownerText(o, ctx)) || (o.type === T.Identifier && held.has(variableOf(ctx.sourceCode, o) as Var));
  const isRestart = (n: TSESTree.CallExpression, held: ReadonlySet<Var>): boolean => {
    const c = unwrap(n.callee);
    if (c.type !== T.MemberExpression || !RESTART_RE.test(propertyName(c) ?? '')) return false;
    const o = unwrap(c.object);
    return isEmitter(o, held) || (o.type === T.Identifier && handed.has(variableOf(ctx.sourceCode, o) as Var));
  };
  /** The parameters of `target` a call hands the emitter to (by position). */
  const heldIn = (call: TSESTree.CallExpression, target: TSESTree.FunctionLike, held: ReadonlySet<Var>): Set<Var> => {
    const out = new Set<Var>();
    call.arguments.forEach((a, i) => {
      const p = target.params[i];
      const id = p && (p.type === T.AssignmentPattern ? p.left : p);
      if (a.type === T.SpreadElement || id?.type !== T.Identifier || !isEmitter(unwrap(a), held)) return;
      const v = variableOf(ctx.sourceCode, id);
      if (v) out.add(v);
    });
    return out;
  };
  // Or the emitter's own operation run again: a method of the emitter (not a listener, teardown or
  // accessor call) made by a same-file function the file also runs outside the handler (at start,
  // on an interval), or made outside the handler too: `autoUpdater.on('error', () => setTimeout(runCheck, ms))`
  // with `runCheck` calling `autoUpdater.checkForUpdates()` and also called at start. Its failures are reported on
  // the same event, so the handler runs again.
  const rerunsOperation = (n: TSESTree.CallExpression, fn: TSESTree.FunctionLike): boolean => {
    const c = unwrap(n.callee);
    if (c.type !== T.MemberExpression || !owners.has(ownerText(unwrap(c.object), ctx))) return false;
    if (NOT_AN_OPERATION_RE.test(propertyName(c) ?? '') || isReportingCall(n)) return false;
    // Handed the failure's error (`request._beforeError(error)`, `this.fail(normalize(err))`): the error is
    // passed on to be dealt with, not the operation run again (PRODUCT: handing an error on is no retry).
    if (handsOnError(n, ctx.sourceCode)) return false;
    // Made by the handler itself (or a timer it arms): only when the file makes that same call
    // outside too (`kioskWindow.loadURL(url)` at start and again after 'did-fail-load').
    // Or armed on a timer by the handler (`on('close', () => setTimeout(() => link.negotiate(), ms))`):
    // waiting before running the closed emitter's own operation is waiting for the failure to pass.
    if (fn === handler) return runForEffect(n) && !isThisLike(c.object, ctx) && (armedByTimer(n, handler, ctx) || sameCallOutside(n, handler, fn, ctx));
    // The same call made outside counts for the emitter's methods and its holder's
    // (`kioskWindow.loadURL(url)` for `kioskWindow.webContents`), not the enclosing class's: on
    // `this`, a method called from several places (`this._handshakeResolver()`) is the class's bookkeeping.
    return runForEffect(n) && (calledOutside(fn, handler, ctx) || (!isThisLike(c.object, ctx) && sameCallOutside(n, handler, fn, ctx)));
  };
  // Breadth-first from the handler through the same-file functions it calls, schedules or binds.
  const seen = new Set<Node>([handler]);
  let frontier: { fn: TSESTree.FunctionLike; path: RestartStep[]; held: ReadonlySet<Var> }[] = [{ fn: handler, path: [], held: new Set() }];
  let path: RestartStep[] | undefined;
  let cycle = false;
  for (let depth = 0; depth <= RESTART_DEPTH && !path && !cycle && frontier.length > 0; depth++) {
    const next: typeof frontier = [];
    for (const { fn, path: before, held } of frontier) {
      walk(fn.body!, ctx.sourceCode.visitorKeys, (n) => {
        if (path || cycle) return false;
        if (n.type !== T.CallExpression) return undefined;
        const targets = reachedFunctions(n, ctx);
        if (targets.some((t) => registeredIn.includes(t))) {
          cycle = true;
          return false;
        }
        // A call into the file's own code is followed; only a call the file does not define restarts.
        if (!sameFileFunction(n.callee, ctx) && (isRestart(n, held) || rerunsOperation(n, fn))) {
          path = [...before, { fn, at: n }];
          return false;
        }
        for (const target of targets) {
          if (seen.has(target)) continue;
          seen.add(target);
          next.push({ fn: target, path: [...before, { fn, at: n }], held: heldIn(n, target, held) });
        }
        return undefined;
      });
      if (path || cycle) break;
    }
    frontier = next;
  }
  if (!path || cycle) return undefined;
  const steps: RestartStep[] = path;
  const restart = steps[steps.length - 1]!.at;
  // A restart inside a loop of its own function is that loop's attempt (`while (true) { try { await
  // bot.startPolling(); break } catch { … } }` called from the handler): the loop is the retry site.
  // Likewise a function on the way that runs itself again (`start()` whose catch schedules `start`):
  // that recursion is the retry site, and the handler only starts it.
  const last = steps[steps.length - 1]!;
  if (last.fn !== handler && insideLoop(restart, last.fn)) return undefined;
  if (steps.some((s) => s.fn !== handler && runsItself(s.fn, ctx))) return undefined;
  if (onlyOnDeliberateClose(restart, handler, ctx)) return undefined;
  // The restart takes another input than the failed start (input-change.ts): the handler wrote a
  // new value to what the restart is handed (`preferred += 1; server.listen(preferred)`), or the
  // restart derives its argument from the first start's (`listen(PORT + 1)` after `listen(PORT)`):
  // the next port, a fallback, not a retry (R2).
  if (rerunChangesInput(handler.body, restart, ctx) || derivedFromFirstStart(restart, handler, ctx)) return undefined;
  // The handler removes what the restart is handed before it (`fs.unlinkSync(path); server.listen(path)`
  // after EADDRINUSE on a stale socket file): the cause is cleared, a correction, not the same start again.
  if (removesRestartTarget(handler, restart, ctx)) return undefined;
  // An emitter made only to be opened and given back (`socket.connect(port, () => socket.end())`):
  // each error schedules another look at the port, a readiness wait (probe.ts), not a reconnect.
  const emitterVar = emitter.type === T.Identifier ? variableOf(ctx.sourceCode, emitter) : undefined;
  if (emitterVar && confinedResource(emitterVar, ctx)) return undefined;
  const waits: RetrySite['waits'] = [];
  let scheduler: TSESTree.CallExpression | undefined;
  const timerWait = (host: TSESTree.CallExpression): void => {
    scheduler ??= host;
    const w = timerWaitCall(host);
    if (w) waits.push(waitOf(w, ctx.sourceCode, []));
  };
  let guarded = false;
  const written = writtenIn(steps.map((s) => s.fn), ctx);
  for (const { fn, at } of steps) {
    // `setTimeout(helper, ms)`: the step itself is the timer.
    if (at !== restart && isGlobalTimer(ctx.sourceCode, at)) timerWait(at);
    // `setTimeout(() => helper(), ms)`, or a named function handed to a timer in this function.
    for (let p: Node | undefined = at.parent; p && p !== fn; p = p.parent) {
      const host = timerOfCallback(p, ctx);
      if (host) {
        timerWait(host);
        break;
      }
      const byName = isFunction(p) ? timerOfNamed(p, ctx.sourceCode, fn) : undefined;
      if (byName) {
        timerWait(byName);
        break;
      }
    }
    // An awaited wait before the step (`await delay(5000); await connect()`).
    walkRegion(fn.body!, ctx.sourceCode, (n) => {
      if (n.type !== T.CallExpression && n.type !== T.NewExpression) return undefined;
      const w = asWait(n, ctx.sourceCode, ctx.settings);
      if (w && isAwaited(n, ctx.sourceCode) && n.range[1] <= at.range[0]) {
        waits.push(waitOf(w, ctx.sourceCode, []));
        return false;
      }
      return undefined;
    }, false);
    // A test on the way bounds the reconnect only when it reads what the reconnect itself changes
    // (a counter, a flag it sets) or a clock: a test of the failure (its code, its message) or of
    // a stop switch set elsewhere passes on every failure alike.
    if (pathFacts(at, fn.body!).some((f) => hasDeadline(f.test, ctx.sourceCode) || readsKeyed(f.test, written, ctx))) guarded = true;
  }
  // A restart handed to a timer is re-run by that timer: the site is reported there; otherwise at
  // the handler's call that leads to the restart.
  const anchor: Node = scheduler ?? steps[0]!.at;
  return {
    kind: 'loop',
    node: anchor,
    bound: { kind: guarded ? 'unknown' : 'unbounded', maxAttempts: undefined, node: anchor },
    waits,
    noWait: waits.length === 0 ? anchor : undefined,
    nonIdempotent: [],
    rateLimitChecks: [],
    honoursRetryAfter: false,
    clientErrorRetries: [],
  };
}

/** The functions enclosing a node, innermost first. */
function enclosingFunctions(node: Node): Node[] {
  const out: Node[] = [];
  for (let p: Node | undefined = node.parent; p; p = p.parent) if (isFunction(p)) out.push(p);
  return out;
}

/**
 * The texts an emitter's connection is restarted through: the emitter itself, what a stable binding
 * holds (`const db = mongoose.connection`, `const { connection } = mongoose`) and the object that owns
 * each of them (`mongoose`, `this` for `this.ws`).
 */
/**
 * The text an emitter or its owner is compared by, with a local that holds `this` written as `this`
 * (`const link = this; … link.port.on('close', …)` is `this.port`).
 */
function ownerText(n: Node, ctx: Ctx): string {
  let root: Node = n;
  while (root.type === T.MemberExpression) root = unwrap(root.object);
  if (root.type !== T.Identifier || !isThisLike(root, ctx)) return ctx.sourceCode.getText(n);
  return 'this' + ctx.sourceCode.text.slice(root.range[1], n.range[1]);
}

function emitterOwners(emitter: Node, ctx: Ctx): Set<string> {
  const out = new Set<string>();
  const add = (n: Node, depth: number): void => {
    let u = unwrap(n);
    // `conn.on('connected', f).on('disconnected', g)`: a registration returns its emitter.
    while (u.type === T.CallExpression && LISTEN_NAMES.has(calleeName(u) ?? '') && unwrap(u.callee).type === T.MemberExpression) u = unwrap((unwrap(u.callee) as TSESTree.MemberExpression).object);
    out.add(ownerText(u, ctx));
    if (u.type === T.MemberExpression) out.add(ownerText(unwrap(u.object), ctx));
    if (u.type === T.Identifier && depth < 3) {
      const v = variableOf(ctx.sourceCode, u);
      const b = v && bindingOf(v);
      if (b && b.stable && b.node && (b.kind === 'init' || b.kind === 'destructured')) {
        if (b.kind === 'init' || b.path.length === 0) add(b.node, depth + 1);
        // `const { connection } = mongoose`: the owner is `mongoose`.
        else out.add(ctx.sourceCode.getText(unwrap(b.node)));
      }
    }
  };
  add(emitter, 0);
  return out;
}

/** The same-file functions a call runs or hands on: its callee, a function argument (`setTimeout(f, ms)`), a bound one (`f.bind(x)`). */
function reachedFunctions(call: TSESTree.CallExpression, ctx: Ctx): TSESTree.FunctionLike[] {
  const out: TSESTree.FunctionLike[] = [];
  const add = (n: Node | undefined): void => {
    if (!n) return;
    let u = unwrap(n);
    if (u.type === T.CallExpression && calleeName(u) === 'bind' && unwrap(u.callee).type === T.MemberExpression) u = unwrap((unwrap(u.callee) as TSESTree.MemberExpression).object);
    if (isFunction(u)) return; // inline functions are walked as part of the caller's body
    const f = sameFileFunction(u, ctx);
    if (f && f.body) out.push(f);
  };
  add(call.callee);
  // A function taken off an emitter (`socket.off('drain', onDrain)`) is not run or handed on.
  if (UNREGISTER_METHODS.has(calleeName(call) ?? '')) return out;
  for (const a of call.arguments) if (a.type !== T.SpreadElement) add(a);
  return out;
}

/** Whether a function calls, schedules or binds itself somewhere in its body. */
function runsItself(fn: TSESTree.FunctionLike, ctx: Ctx): boolean {
  let found = false;
  walk(fn.body!, ctx.sourceCode.visitorKeys, (n) => {
    if (found) return false;
    if (n.type === T.CallExpression && reachedFunctions(n, ctx).includes(fn) && !reentryBlocked(n, fn, ctx.sourceCode)) found = true;
    return undefined;
  });
  return found;
}

/** Whether a node lies in a loop of the function `fn` (not of a function nested in it). */
function insideLoop(node: Node, fn: Node): boolean {
  for (let p: Node | undefined = node.parent; p && p !== fn; p = p.parent) {
    if (isFunction(p)) return false;
    if (p.type === T.ForStatement || p.type === T.WhileStatement || p.type === T.DoWhileStatement || p.type === T.ForOfStatement || p.type === T.ForInStatement) return true;
  }
  return false;
}

/** The variables and `this` fields the functions assign or update, keyed as {@link resourceKey} keys them. */
function writtenIn(fns: readonly TSESTree.FunctionLike[], ctx: Ctx): Set<string> {
  const out = new Set<string>();
  for (const fn of fns) {
    walk(fn.body!, ctx.sourceCode.visitorKeys, (n) => {
      // An entry of a keyed collection written (`this.reconnects.set(id, used + 1)`): the collection is.
      const callee = n.type === T.CallExpression ? unwrap(n.callee) : undefined;
      const entry = callee?.type === T.MemberExpression && /^(set|add|delete)$/.test(propertyName(callee) ?? '') ? callee.object : undefined;
      const target = n.type === T.AssignmentExpression ? n.left : n.type === T.UpdateExpression ? n.argument : entry;
      const key = target ? stateKey(target, ctx) : undefined;
      if (key) out.add(key);
      return undefined;
    });
  }
  return out;
}

/**
 * The key of a variable, a field, or a member of a record held in a variable (`info.attempts` with
 * `info` the client's record handed to each step): what a reconnect may count or flag on.
 */
function stateKey(node: Node, ctx: Ctx): string | undefined {
  const own = resourceKey(node, ctx);
  if (own) return own;
  const u = unwrap(node);
  if (u.type !== T.MemberExpression || u.computed) return undefined;
  const holder = resourceKey(u.object, ctx);
  const name = propertyName(u);
  return holder && holder.startsWith('var@') && name ? `${holder}.${name}` : undefined;
}

/**
 * Whether a test reads one of the keyed variables or fields, directly or through a `const` that
 * holds a read of one (`const used = this.reconnects.get(id) || 0; if (used >= MAX) …`).
 */
function readsKeyed(test: Node, keys: Set<string>, ctx: Ctx, depth = 0): boolean {
  if (keys.size === 0) return false;
  let found = false;
  walk(test, ctx.sourceCode.visitorKeys, (m) => {
    if (found || isFunction(m)) return false;
    const key = m.type === T.Identifier || m.type === T.MemberExpression ? stateKey(m, ctx) : undefined;
    if (key && keys.has(key)) found = true;
    else if (m.type === T.Identifier && depth < 2) {
      const init = constInit(ctx.sourceCode, m);
      if (init && readsKeyed(init, keys, ctx, depth + 1)) found = true;
    }
    return undefined;
  });
  return found;
}

/**
 * Whether every name `expr` reads is imported from another module (`MAX_RETRIES`, `MAX_RETRIES - 1`,
 * `limits.MAX`): a value this file cannot see.
 */
function readsOnlyImports(expr: Node, ctx: Ctx): boolean {
  let names = 0;
  let other = false;
  walk(expr, ctx.sourceCode.visitorKeys, (m) => {
    if (other) return false;
    if (m.type === T.MemberExpression && !m.computed) {
      const root = unwrap(m.object);
      if (root.type === T.Identifier) {
        names++;
        if (!holdsImport(root, ctx.sourceCode)) other = true;
        return false;
      }
    }
    if (m.type === T.Identifier) {
      // `MAX_RETRIES - ONE` with `const ONE = 1`: a known number, as a literal would be.
      if (constantValue(ctx.sourceCode, m)) return undefined;
      names++;
      if (!holdsImport(m, ctx.sourceCode)) other = true;
    }
    if (m.type === T.CallExpression || m.type === T.ThisExpression) other = true;
    return undefined;
  });
  return names > 0 && !other;
}

/**
 * The restart hands an argument derived from the one the first start had: the same emitter's same
 * method is called outside the handler (`server.listen(PORT, host)`), and at some position where
 * both pass a value the restart passes an expression built on the first start's
 * (`server.listen(PORT + 1, host)`, `` open(`${name}.bak`) ``, `connect(next(url))`).
 */
function derivedFromFirstStart(restart: TSESTree.CallExpression, handler: TSESTree.FunctionLike, ctx: Ctx): boolean {
  const callee = unwrap(restart.callee);
  if (callee.type !== T.MemberExpression) return false;
  const method = propertyName(callee);
  const emitter = ctx.sourceCode.getText(unwrap(callee.object));
  const text = (n: Node): string => ctx.sourceCode.getText(unwrap(n));
  let derived = false;
  walk(ctx.sourceCode.ast as Node, ctx.sourceCode.visitorKeys, (n) => {
    if (derived || n === handler) return false;
    if (n.type !== T.CallExpression || n === restart) return undefined;
    const c = unwrap(n.callee);
    if (c.type !== T.MemberExpression || propertyName(c) !== method || ctx.sourceCode.getText(unwrap(c.object)) !== emitter) return undefined;
    n.arguments.forEach((first, i) => {
      const again = restart.arguments[i];
      if (!again || isFunction(unwrap(first)) || isFunction(unwrap(again)) || first.type === T.SpreadElement || again.type === T.SpreadElement) return;
      const u = unwrap(again);
      const parts: Node[] = u.type === T.BinaryExpression ? [u.left as Node, u.right] : u.type === T.TemplateLiteral ? u.expressions : u.type === T.CallExpression ? u.arguments : [];
      if (parts.some((p) => text(p) === text(first))) derived = true;
    });
    return undefined;
  });
  return derived;
}

/**
 * Every path to the restart establishes that the handler's reason argument is a deliberate close
 * ({@link DELIBERATE_CLOSE_REASONS}): `if (reason === 'io server disconnect') socket.connect()`.
 * A restart of a session the peer ended on purpose is not a retry of a failure.
 */
function onlyOnDeliberateClose(restart: Node, handler: TSESTree.FunctionLike, ctx: Ctx): boolean {
  const params = handler.params.filter((p): p is TSESTree.Identifier => p.type === T.Identifier).map((p) => variableOf(ctx.sourceCode, p));
  if (params.length === 0 || !handler.body) return false;
  const isReason = (n: Node): boolean => {
    const u = unwrap(n);
    if (u.type !== T.Identifier) return false;
    const v = variableOf(ctx.sourceCode, u);
    return !!v && params.includes(v);
  };
  const deliberate = (n: Node): boolean => {
    const u = unwrap(n);
    return u.type === T.Literal && typeof u.value === 'string' && DELIBERATE_CLOSE_REASONS.has(u.value);
  };
  return pathFacts(restart, handler.body).some((fact) =>
    impliedComparisons(fact).some(({ cmp, holds }) => {
      const equal = cmp.operator === '===' || cmp.operator === '==' ? holds : cmp.operator === '!==' || cmp.operator === '!=' ? !holds : false;
      return equal && ((isReason(cmp.left) && deliberate(cmp.right)) || (isReason(cmp.right) && deliberate(cmp.left)));
    }),
  );
}

/** The operation whose failure handler (`.catch` callback, `.then` rejection callback) contains `node`. */
function failedOperation(node: Node): Node | undefined {
  for (let p: Node | undefined = node.parent; p; p = p.parent) {
    if (!isFunction(p)) continue;
    const host = p.parent;
    if (host?.type !== T.CallExpression) return undefined;
    const name = calleeName(host);
    const idx = host.arguments.indexOf(p as TSESTree.CallExpressionArgument);
    if ((name === 'catch' && idx === 0) || (name === 'then' && idx === 1)) {
      const callee = unwrap(host.callee);
      if (callee.type !== T.MemberExpression) return undefined;
      // The chain's head is the operation: `op().then(onDone).catch(…)` handles op's failure too.
      let head: Node = callee.object;
      for (let link = unwrap(head); link.type === T.CallExpression && (calleeName(link) === 'then' || calleeName(link) === 'finally'); link = unwrap(head)) {
        const c = unwrap(link.callee);
        if (c.type !== T.MemberExpression) break;
        head = c.object;
      }
      return head;
    }
    return undefined;
  }
  return undefined;
}

/**
 * Whether a try block only makes HTTP requests whose client answers error statuses without throwing
 * (`fetch`), and throws nothing itself: an answered failure leaves the block normally.
 */
function answersWithoutThrowing(block: Node, ctx: Ctx): boolean {
  let requests = 0;
  let other = false;
  walk(block, ctx.sourceCode.visitorKeys, (m) => {
    if (other || isFunction(m)) return false;
    if (m.type === T.ThrowStatement) other = true;
    if (m.type === T.CallExpression) {
      const http = describeHttpCall(ctx.sourceCode, m, ctx.settings);
      if (http) {
        if (http.throwsOnHttpError) other = true;
        else requests++;
      }
    }
    return undefined;
  });
  return requests > 0 && !other;
}

/** Properties that report a resource as failed: exited, killed, closed, disconnected, not open. */
const FAILED_STATE_RE = /^(exitCode|signalCode|killed|exited|closed|isClosed|destroyed|connected|isConnected|disconnected|isDisconnected|readyState|isOpen|isReady|alive|isAlive|dead|broken|failed|errored|ended|writable|readable)$/;

/**
 * A key for a resource a watchdog keeps: a variable (`feed`) or an instance field (`this.socket`).
 * Undefined for anything else.
 */
function resourceKey(node: Node, ctx: Ctx): string | undefined {
  const u = unwrap(node);
  if (u.type === T.Identifier) {
    const def = variableOf(ctx.sourceCode, u)?.defs[0];
    return def ? `var@${def.name.range[0]}` : undefined;
  }
  if (u.type === T.MemberExpression && unwrap(u.object).type === T.ThisExpression) {
    const name = propertyName(u);
    return name ? `this.${name}` : undefined;
  }
  return undefined;
}

/** The resources whose failed state a test reads (`feed.readyState === WebSocket.CLOSED`, `!link.connected`). */
function failedStateResources(test: Node, ctx: Ctx): Set<string> {
  const out = new Set<string>();
  walk(test, ctx.sourceCode.visitorKeys, (m) => {
    if (isFunction(m)) return false;
    if (m.type === T.MemberExpression && FAILED_STATE_RE.test(propertyName(m) ?? '')) {
      const key = resourceKey(m.object, ctx);
      if (key) out.add(key);
    }
    return undefined;
  });
  return out;
}

/** Whether `expr` creates a resource: a call or `new` (possibly awaited). */
function isCreation(expr: Node): boolean {
  let e = unwrap(expr);
  if (e.type === T.AwaitExpression) e = unwrap(e.argument);
  return e.type === T.CallExpression || e.type === T.NewExpression;
}

/**
 * The resources `fn` (a same-file function or method) creates anew: assigns a variable or an
 * instance field a call or `new` (`feed = new WebSocket(url)`, `this.conn = net.connect(port)`),
 * in its own body or one same-file call further.
 */
function resourcesCreatedBy(fn: TSESTree.FunctionLike, ctx: Ctx, depth = 0): Set<string> {
  const out = new Set<string>();
  if (!fn.body) return out;
  walk(fn.body, ctx.sourceCode.visitorKeys, (n) => {
    if (n !== fn.body && isFunction(n)) return false;
    if (n.type === T.AssignmentExpression && n.operator === '=' && isCreation(n.right)) {
      const key = resourceKey(n.left, ctx);
      if (key) out.add(key);
    }
    if (n.type === T.CallExpression && depth < 1) {
      const target = sameFileFunction(n.callee, ctx);
      if (target && target !== fn && !contains(target, fn)) for (const k of resourcesCreatedBy(target, ctx, depth + 1)) out.add(k);
    }
    return undefined;
  });
  return out;
}

/**
 * The same-file function a call runs, directly (`open()`, `this.connect()`) or handed to a timer
 * (`setTimeout(open, ms)`, `setTimeout(() => this.open(), ms)`).
 */
function runsFunction(call: TSESTree.CallExpression, ctx: Ctx): TSESTree.FunctionLike | undefined {
  const direct = sameFileFunction(call.callee, ctx);
  if (direct) return direct;
  if (!isGlobalTimer(ctx.sourceCode, call) || !call.arguments[0]) return undefined;
  const cb = unwrap(call.arguments[0]);
  if (!isFunction(cb)) return sameFileFunction(cb, ctx);
  const body = cb.body.type === T.BlockStatement && cb.body.body.length === 1 && cb.body.body[0]!.type === T.ExpressionStatement ? cb.body.body[0]!.expression : cb.body;
  const inner = unwrap(body);
  return inner.type === T.CallExpression ? sameFileFunction(inner.callee, ctx) : undefined;
}

/**
 * The function a timer runs on each tick: an inline function, a same-file function or method
 * handed by name (`setInterval(check, ms)`, `setInterval(this.check.bind(this), ms)`), and, for a
 * tick that only calls one same-file function (`() => this.check()`), that function too.
 */
function tickFunctions(arg: Node, ctx: Ctx): TSESTree.FunctionLike[] {
  let a = unwrap(arg);
  if (a.type === T.CallExpression && calleeName(a) === 'bind' && unwrap(a.callee).type === T.MemberExpression) a = unwrap((unwrap(a.callee) as TSESTree.MemberExpression).object);
  const fn = isFunction(a) ? a : sameFileFunction(a, ctx);
  if (!fn) return [];
  const out: TSESTree.FunctionLike[] = [fn];
  const body = fn.body.type === T.BlockStatement && fn.body.body.length === 1 && fn.body.body[0]!.type === T.ExpressionStatement ? fn.body.body[0]!.expression : fn.body.type === T.BlockStatement ? undefined : fn.body;
  const inner = body && unwrap(body);
  if (inner?.type === T.CallExpression) {
    const target = sameFileFunction(inner.callee, ctx);
    if (target && target !== fn) out.push(target);
  }
  return out;
}

/**
 * Whether a tick re-creates a resource it finds failed (K10): under a test that reads the
 * resource's failed state (`if (!link.connected)`, or after `if (ws.readyState !== CLOSED) return`),
 * it assigns the resource a new one, calls a same-file function that does (directly or from a
 * timer), or restarts it (`client.connect()`).
 */
function recreatesFailed(tick: TSESTree.FunctionLike, ctx: Ctx): boolean {
  if (!tick.body) return false;
  const body = tick.body;
  let found = false;
  const guardedBy = (node: Node, keys: Set<string>): boolean => pathFacts(node, body).some((f) => [...failedStateResources(f.test, ctx)].some((k) => keys.has(k)));
  walk(body, ctx.sourceCode.visitorKeys, (n) => {
    if (found || (n !== body && isFunction(n))) return false;
    if (n.type === T.AssignmentExpression && n.operator === '=' && isCreation(n.right)) {
      const key = resourceKey(n.left, ctx);
      if (key && guardedBy(n, new Set([key]))) found = true;
    }
    if (n.type !== T.CallExpression) return undefined;
    const c = unwrap(n.callee);
    if (c.type === T.MemberExpression && RESTART_RE.test(propertyName(c) ?? '')) {
      const key = resourceKey(c.object, ctx);
      if (key && guardedBy(n, new Set([key]))) found = true;
    }
    const target = runsFunction(n, ctx);
    if (target && target !== tick && !contains(target, n)) {
      const created = resourcesCreatedBy(target, ctx);
      if (created.size > 0 && guardedBy(n, created)) found = true;
    }
    return undefined;
  });
  return found;
}

/**
 * A `setInterval` watchdog that re-creates a failed resource (K10): its tick tests the
 * resource's state (`worker.exitCode !== null`, `!link.connected`, `this.socket.readyState`) and
 * creates it again, or restarts it. It is a retry loop written as a timer: fixed interval, and no
 * bound unless something clears the interval.
 */
function analyzeInterval(call: TSESTree.CallExpression, ctx: Ctx): RetrySite | undefined {
  const c = unwrap(call.callee);
  const isInterval = (c.type === T.Identifier && c.name === 'setInterval' && !variableOf(ctx.sourceCode, c)?.defs.length) || (c.type === T.MemberExpression && propertyName(c) === 'setInterval' && unwrap(c.object).type === T.Identifier && ['window', 'globalThis', 'global', 'self'].includes((unwrap(c.object) as TSESTree.Identifier).name));
  if (!isInterval) return undefined;
  const cb = call.arguments[0] && unwrap(call.arguments[0]);
  const ms = call.arguments[1];
  if (!cb || !ms || ms.type === T.SpreadElement) return undefined;
  const ticks = tickFunctions(cb, ctx);
  if (ticks.length === 0) return undefined;
  let clears = false;
  for (const t of ticks) {
    walk(t.body!, ctx.sourceCode.visitorKeys, (n) => {
      if (n.type === T.CallExpression && calleeName(n) === 'clearInterval') clears = true;
      return undefined;
    });
  }
  const recreates = ticks.some((t) => recreatesFailed(t, ctx));
  // An interval started by a failure handler that runs the failed operation again until it works
  // (`op().catch(() => { const t = setInterval(() => op().then(() => clearInterval(t)), ms) })`).
  let repeatsFailed = false;
  let clearsOnlyOnSuccess = true;
  if (!recreates && isFunction(cb)) {
    const failed = failedOperation(call);
    if (failed) {
      // Compared token by token: the same call laid out over several lines is the same call.
      const tokens = (n: Node): string => ctx.sourceCode.getTokens(n).map((t) => t.value).join(' ');
      const text = tokens(unwrap(failed));
      walk(cb.body, ctx.sourceCode.visitorKeys, (n) => {
        if (n.type === T.CallExpression && tokens(n) === text) repeatsFailed = true;
        if (n.type === T.CallExpression && calleeName(n) === 'clearInterval') {
          const f = enclosing(n);
          const host = f?.parent;
          if (!(host?.type === T.CallExpression && calleeName(host) === 'then' && host.arguments[0] === f)) clearsOnlyOnSuccess = false;
        }
        return undefined;
      });
    }
  }
  // A tick that runs an operation and clears the interval once it succeeded (`await db.connect();
  // clearInterval(timer)` in its try, `op().then(() => clearInterval(t))`): the interval runs it
  // again after every failure until it works, a retry (PRODUCT: an interval that re-runs it until it
  // succeeds). Not a look at a dependency (a probe: waiting until ready is polling).
  const untilSuccess = !recreates && !repeatsFailed && isFunction(cb) && clearsOnceSucceeded(cb, ctx) && !isProbeFunction(cb, ctx);
  if (!recreates && !repeatsFailed && !untilSuccess) return undefined;
  if ((repeatsFailed && clearsOnlyOnSuccess) || untilSuccess) clears = false;
  const wait = waitOf({ call, delayExpr: ms, bindings: [], argument: ms, opaque: false }, ctx.sourceCode, []);
  return timerLoopSite(call, wait, clears);
}

/**
 * The tick clears the interval right after an operation succeeded, and only then: a `clearInterval`
 * directly in a `try` block after an awaited call (with no `clearInterval` in its catch), or the
 * whole body of a fulfilment handler (`op().then(() => clearInterval(t))`). Not under a test of the
 * answer (clearing once a job reports done is polling).
 */
function clearsOnceSucceeded(tick: TSESTree.FunctionLike, ctx: Ctx): boolean {
  let found = false;
  if (!tick.body) return false;
  walk(tick.body, ctx.sourceCode.visitorKeys, (n) => {
    if (found) return false;
    if (n.type === T.TryStatement) {
      const list = n.block.body;
      const i = list.findIndex((st) => st.type === T.ExpressionStatement && unwrap(st.expression).type === T.CallExpression && calleeName(unwrap(st.expression) as TSESTree.CallExpression) === 'clearInterval');
      const awaited = i > 0 ? list.slice(0, i).flatMap((st) => findAll(st, ctx.sourceCode.visitorKeys, (m): m is TSESTree.AwaitExpression => m.type === T.AwaitExpression)) : [];
      // Only looks whose answers are dropped (`await fetch(health)`, `await redis.ping()`): waiting until ready.
      const awaitedBefore = awaited.length > 0 && !awaited.every((a) => isDroppedProbeRead(unwrap(a.argument), ctx));
      const catchClears = !!n.handler && findAll(n.handler.body, ctx.sourceCode.visitorKeys, (m): m is TSESTree.CallExpression => m.type === T.CallExpression && calleeName(m) === 'clearInterval').length > 0;
      if (awaitedBefore && !catchClears) found = true;
    }
    if (n.type === T.CallExpression && calleeName(n) === 'then' && n.arguments[0]) {
      const f = unwrap(n.arguments[0]);
      const body = isFunction(f) ? f.body : undefined;
      const only = body && (body.type === T.BlockStatement ? (body.body.length === 1 && body.body[0]!.type === T.ExpressionStatement ? unwrap(body.body[0]!.expression) : undefined) : unwrap(body));
      if (only?.type === T.CallExpression && calleeName(only) === 'clearInterval') found = true;
    }
    return undefined;
  });
  return found;
}

/**
 * A watchdog written as a recurring timer (K10): a function that re-creates a failed resource and
 * schedules itself again whatever it found (`function watch() { if (conn.destroyed) dial();
 * setTimeout(watch, 3000) }`). Each run is a tick of an interval; the re-creation is the retry.
 */
function analyzeRecurringTimer(call: TSESTree.CallExpression, ctx: Ctx): RetrySite | undefined {
  if (!isGlobalTimer(ctx.sourceCode, call) || calleeName(call) === 'setInterval') return undefined;
  const ms = call.arguments[1];
  if (!call.arguments[0] || !ms || ms.type === T.SpreadElement) return undefined;
  const tick = enclosing(call);
  if (!tick || !isFunction(tick) || !tick.body) return undefined;
  // The timer runs the enclosing function again (by name, or through a one-call arrow).
  const runs = tickFunctions(call.arguments[0], ctx);
  if (!runs.includes(tick)) return undefined;
  // Scheduled on every run, not only when the resource was found failed (that is a retry chain
  // the recursion analysis judges), nor after a test of anything else (a stop flag may end it).
  const facts = pathFacts(call, tick.body);
  if (facts.some((f) => failedStateResources(f.test, ctx).size > 0)) return undefined;
  if (!recreatesFailed(tick, ctx)) return undefined;
  const wait = waitOf({ call, delayExpr: ms, bindings: [], argument: ms, opaque: false }, ctx.sourceCode, []);
  return timerLoopSite(call, wait, facts.length > 0);
}

const ownNodesMemo = new WeakMap<Loop, Node[]>();

/**
 * Visits the nodes of the loop body that belong to this loop (not nested functions or nested loops),
 * in source order. The list is walked once per loop and shared by the loop's checks (about ten
 * of them each walked the whole body again).
 */
function ownNodes(loop: Loop, ctx: Ctx, visit: (n: Node) => void): void {
  let nodes = ownNodesMemo.get(loop);
  if (!nodes) {
    const list: Node[] = [];
    walk(loop.body, ctx.sourceCode.visitorKeys, (n) => {
      if (n !== loop.body && (isFunction(n) || n.type === T.ForStatement || n.type === T.WhileStatement || n.type === T.DoWhileStatement || n.type === T.ForOfStatement || n.type === T.ForInStatement)) return false;
      list.push(n);
      return undefined;
    });
    ownNodesMemo.set(loop, list);
    nodes = list;
  }
  for (const n of nodes) visit(n);
}

function hasCall(node: Node, ctx: Ctx, region?: Node): boolean {
  let found = false;
  walk(node, ctx.sourceCode.visitorKeys, (n) => {
    if (found || isFunction(n)) return false;
    // `await this.opened`: a promise held from before the loop re-reads one result; it runs nothing.
    if (n.type === T.AwaitExpression && !(region && isHeldPromise(n.argument, region, ctx.sourceCode))) found = true;
    if ((n.type === T.CallExpression || n.type === T.NewExpression) && !isDeterministicCall(n)) found = true;
    return undefined;
  });
  return found;
}

/** Whether the block leaves the loop on success: a `return`/`break`, or sets a flag the loop test reads. */
function leavesLoop(block: Node, loop: Loop, ctx: Ctx): boolean {
  let found = false;
  const testVars = new Set<Variable>();
  const test = loop.type === T.ForOfStatement ? undefined : loop.test;
  if (test) {
    walk(test, ctx.sourceCode.visitorKeys, (t) => {
      if (t.type === T.Identifier) {
        const v = variableOf(ctx.sourceCode, t);
        if (v) testVars.add(v);
      }
    });
  }
  walk(block, ctx.sourceCode.visitorKeys, (n) => {
    if (found || isFunction(n)) return false;
    if (n.type === T.ReturnStatement) found = true;
    if (n.type === T.BreakStatement && !n.label && !insideInnerBreakable(n, loop)) found = true;
    if (n.type === T.BreakStatement && n.label) found = true;
    if (n.type === T.AssignmentExpression && n.left.type === T.Identifier) {
      const v = variableOf(ctx.sourceCode, n.left);
      if (v && testVars.has(v)) found = true;
    }
    return undefined;
  });
  return found;
}

/** Whether a status comparison reads a variable the loop assigns from an (awaited) call's answer. */
function testsAnswerOfLoopCall(cmp: Node, loop: Loop, ctx: Ctx): boolean {
  let root: Node | undefined;
  // A same-file predicate's call (`isRetryStatus(response)`, `wantsRetry({ response, error })`): what it is handed.
  if (cmp.type === T.CallExpression) {
    walk(cmp, ctx.sourceCode.visitorKeys, (m) => {
      if (root || (m !== cmp && isFunction(m))) return false;
      if (m.type === T.Identifier && m !== cmp.callee && !(m.parent?.type === T.MemberExpression && m.parent.property === m)) {
        const v = variableOf(ctx.sourceCode, m);
        if (v && answeredInLoop(v, loop)) root = m;
      }
      return undefined;
    });
    return !!root;
  }
  walk(cmp, ctx.sourceCode.visitorKeys, (m) => {
    if (root) return false;
    if (m.type === T.MemberExpression) {
      let o: Node = m;
      while (o.type === T.MemberExpression) o = unwrap(o.object);
      if (o.type === T.Identifier) root = o;
      return false;
    }
    return undefined;
  });
  if (!root || root.type !== T.Identifier) return false;
  const v = variableOf(ctx.sourceCode, root);
  return !!v && answeredInLoop(v, loop);
}

/** Whether the loop writes the variable with what a call answered (`res = await send()`, `const { response } = await sendOnce()`). */
function answeredInLoop(v: Variable, loop: Loop): boolean {
  return v.references.some((r) => {
    if (!r.isWrite() || !contains(loop, r.identifier)) return false;
    const value = r.writeExpr && unwrap(r.writeExpr as Node);
    const answer = value?.type === T.AwaitExpression ? unwrap(value.argument) : value;
    return answer?.type === T.CallExpression;
  });
}


/**
 * Whether the loop sends again the part of a batch the last attempt reported as failed: a variable
 * the loop's own test (or a leaving test) reads is written in the body from a member of that kind of
 * an awaited answer (`pending = out.UnprocessedItems?.[table] ?? []`), and a call in the body takes it.
 */
function resendsFailedPart(loop: Loop, ctx: Ctx): boolean {
  if (loop.type === T.ForOfStatement) return false;
  const tests = exitTests(loop as Exclude<Loop, TSESTree.ForOfStatement>, ctx).map((t) => t.test);
  let found = false;
  ownNodes(loop, ctx, (n) => {
    if (found || n.type !== T.AssignmentExpression || n.operator !== '=' || n.left.type !== T.Identifier) return;
    let failedPart = false;
    walk(n.right, ctx.sourceCode.visitorKeys, (m) => {
      if (failedPart || isFunction(m)) return false;
      if (m.type === T.MemberExpression && FAILED_PART_RE.test(propertyName(m) ?? '')) failedPart = true;
      return undefined;
    });
    if (!failedPart) return;
    const v = variableOf(ctx.sourceCode, n.left);
    if (!v) return;
    const read = (t: Node): boolean => {
      let hit = false;
      walk(t, ctx.sourceCode.visitorKeys, (m) => {
        if (hit) return false;
        if (m.type === T.Identifier && v.references.some((r) => r.identifier === m)) hit = true;
        return undefined;
      });
      return hit;
    };
    if (!tests.some(read)) return;
    const slot = slotOf(n.left, ctx);
    if (slot && operationTakes(loop.body, slot, ctx)) found = true;
  });
  return found;
}

function insideInnerBreakable(n: Node, loop: Loop): boolean {
  let p = n.parent;
  while (p && p !== loop) {
    if (p.type === T.SwitchStatement || p.type === T.ForStatement || p.type === T.WhileStatement || p.type === T.DoWhileStatement || p.type === T.ForOfStatement || p.type === T.ForInStatement) return true;
    p = p.parent;
  }
  return false;
}

/** Most statements the reachability of flow.ts runs through in one loop body before it gives up (its `steps`). */
const FLOW_STEPS = 20_000;

/**
 * The cheap first pass of the loop analysis: whether {@link analyzeLoop} can find a site in `loop`
 * at all. It finds one only on retry evidence (its step 1), and each kind of evidence needs
 * something in the loop that tells a failed attempt from a successful one:
 * - a `try` with a catch, the loop's own or a round's (`retryTries`, `roundTries`);
 * - a status retry on a test: an `if` whose test reads a status, `ok` or a retry predicate
 *   (`statusIfs`), a `switch` on a status (`switchRetry`), or a loop test that does (`testRetry`);
 * - the failed part of a batch sent again: a variable set from such a member (`resendsFailedPart`);
 * - a back edge that some failure reaches and success does not (`flowRetry`, flow.ts). Without a
 *   `try`, the reachability takes the same path for every outcome except at the tests it can
 *   decide by the outcome (`evalTest`) and where a call throws under the error outcome, which only
 *   cuts paths short; so it needs an `if` or loop test that some outcome decides otherwise than
 *   success, a `new …Error` statement (the cut of `successGoesRoundOnlyAsFailure`), a labelled
 *   `continue` (which that function does not count as going round), or a body longer than the
 *   reachability's step budget (which then answers "reached" for every outcome).
 * A loop with none of these has no site; the deep analysis (counters, walks over inputs, waits,
 * bounds, operations) runs only on the others. Nodes in nested functions are counted too (a superset).
 */
function mayHoldRetry(loop: Loop, ctx: Ctx): boolean {
  const { sourceCode } = ctx;
  // The body's statements are fewer than its characters.
  if (loop.range[1] - loop.range[0] >= FLOW_STEPS) return true;
  const index = fileIndex(sourceCode);
  const points = indexedWithin(index.branchPoints, loop, sourceCode);
  const writes = indexedWithin(index.writes, loop, sourceCode);
  if (!points || !writes) return true;
  // The checks by the node's kind first; the tests' reasoning (statuses, outcomes) last.
  const ifs: TSESTree.IfStatement[] = [];
  for (const n of points) {
    switch (n.type) {
      case T.TryStatement:
      case T.ContinueStatement:
        return true;
      case T.NewExpression:
        if (/(?:Error|Exception)$/.test(calleeName(n) ?? '')) return true;
        break;
      case T.SwitchStatement:
        if (isStatusLike(n.discriminant, sourceCode)) return true;
        break;
      case T.IfStatement:
        ifs.push(n);
        break;
      default:
    }
  }
  for (const w of writes) {
    if (w.type !== T.AssignmentExpression || w.operator !== '=' || w.left.type !== T.Identifier) continue;
    let failedPart = false as boolean;
    walk(w.right, sourceCode.visitorKeys, (m) => {
      if (failedPart || isFunction(m)) return false;
      if (m.type === T.MemberExpression && FAILED_PART_RE.test(propertyName(m) ?? '')) failedPart = true;
      return undefined;
    });
    if (failedPart) return true;
  }
  const test = loop.type !== T.ForOfStatement ? loop.test : undefined;
  if (test && (okCheck(test, sourceCode) === 'failure' || statusesTested(test, sourceCode).length > 0 || hasNotOk(test))) return true;
  if (ifs.some((n) => isStatusTest(n.test, sourceCode))) return true;
  // A pass that hands a function a copy of a list (`const again = [...failed]`): see resendsFailedStore.
  if (loop.type !== T.ForOfStatement && resendsFailedStore(loop, ctx)) return true;
  // A test decided otherwise than on success by some outcome the reachability tries (flow.ts' `failuresIn`).
  const outcomes = failuresIn(loop, sourceCode);
  const decidedByOutcome = (t: Node): boolean => {
    const onSuccess = evalTest(t, SUCCESS, sourceCode);
    return outcomes.some((o) => evalTest(t, o, sourceCode) !== onSuccess);
  };
  return (!!test && decidedByOutcome(test)) || ifs.some((n) => decidedByOutcome(n.test));
}

function analyzeLoop(loop: Loop, ctx: Ctx): RetrySite | undefined {
  const { sourceCode } = ctx;
  // `for (const ms of [200, 400, 800])`: a delay schedule drives the retry; any other for…of walks items.
  let schedule: number[] | undefined;
  if (loop.type === T.ForOfStatement) {
    const values = evaluateArray(loop.right, ctx);
    if (!values || values.length === 0) return undefined;
    schedule = values;
  }
  // 1. Retry evidence.
  const retryTries: TSESTree.TryStatement[] = [];
  const statusIfs: TSESTree.IfStatement[] = [];
  /** Failure branches that rebuild the request before going round: no evidence of a retry, and the outcomes they take go round corrected. */
  const corrected: TSESTree.IfStatement[] = [];
  const loopCounters = counters(loop, ctx);
  // Trying the next item of a list each round (`hosts[i]`) is failover or iteration, not a retry.
  if (indexesByCounter(loop.body, loopCounters, ctx) || passesInputCounter(loop.body, loopCounters, ctx) || passesDerivedInput(loop.body, loopCounters, ctx) || advancesIterator(loop.body, ctx) || retargetsRequest(loop, loopCounters, ctx) || drainsList(loop, ctx)) {
    // A walk over inputs; unless a failure branch in it goes round on the same input (see retriesWithinWalk).
    const ifs: TSESTree.IfStatement[] = [];
    ownNodes(loop, ctx, (n) => {
      if (n.type === T.IfStatement && isStatusTest(n.test, sourceCode)) ifs.push(n);
    });
    if (!retriesWithinWalk(loop, ifs, ctx)) return undefined;
  }
  ownNodes(loop, ctx, (n) => {
    // The catch lets the loop go on: it completes or continues on some path (`if (i < 3) { …; continue; } throw err;`).
    if (n.type === T.TryStatement && n.handler && hasCall(n.block, ctx, loop) && !onOnePassOnly(n, loop, loopCounters, ctx) && mayGoOn(n.handler.body, { kind: 'error' }, sourceCode) && (leavesLoop(n.block, loop, ctx) || retriesItemOnFailure(n, loop, ctx) || retriesUntilSet(n, loop, ctx) || catchSetsLoopFlag(n, loop, ctx)) && (!leavesOnlyOnState(n.block, ctx) || waitsOnlyOnFailure(n, loop, ctx)) && !setsStateFlag(n.block, loop, ctx) && !nextPassDiffers(n, loop, loopCounters, ctx) && !failureLeaves(n, loop, loopCounters, ctx) && !correctsBeforeGoingRound(n, ctx) && !goesOnOnlyOnConflict(n.handler.body, continuesIn(n.handler.body, sourceCode.visitorKeys), alwaysExits, (id) => constantValue(sourceCode, id), (callee) => predicateReturns(callee, sourceCode))) retryTries.push(n);
    // A failure branch that rebuilds the request before it goes round (`if (res.status === 400) { fields = core; continue }`)
    // sends a corrected request, not the same one again.
    if (n.type === T.IfStatement && isStatusTest(n.test, sourceCode)) {
      if (failureBranch(n, sourceCode) && correctsRequest(n.consequent, loop.body, loop.body, ctx)) corrected.push(n);
      else statusIfs.push(n);
    }
  });
  // Rounds over a walk of alternatives (hosts, mirrors, nodes): a round where every one failed goes round again.
  const rounds = retryTries.length === 0 && statusIfs.length === 0 && (loop.type !== T.ForOfStatement || schedule) ? roundTries(loop, ctx) : [];
  for (const r of rounds) retryTries.push(...r.tries);
  // An outcome goes round when it reaches the loop's back edge, and, in rounds over a walk, when it
  // sends the walk on to its next alternative (the walk's list may be empty: that is no outcome).
  const goesRound = (o: Outcome): boolean => reachesBackEdge(loop, o, sourceCode) && (rounds.length === 0 || rounds.some((r) => reachesBackEdge(r.walk, o, sourceCode)));
  let statusRetry = false;
  let request = false;
  ownNodes(loop, ctx, (n) => {
    if (n.type === T.CallExpression && describeHttpCall(sourceCode, n, ctx.settings)) request = true;
  });
  // An HTTP status tested on what a call of the loop answered (`res = await wrapRequest(client.post, …)`;
  // `if (res.full.status === 200)`): a request, whatever helper makes it.
  if (!request) request = statusIfs.some((s) => statusesTested(s.test, sourceCode).some((t) => testsAnswerOfLoopCall(t.node, loop, ctx)));
  // Or a same-file predicate that tests statuses, handed that answer (`if (wantsRetry({ response, error }))`).
  if (!request) request = statusIfs.some((s) => findAll(s.test, sourceCode.visitorKeys, (n): n is TSESTree.CallExpression => n.type === T.CallExpression).some((c) => saysYesToFailure(c, sourceCode) && testsAnswerOfLoopCall(c, loop, ctx)));
  /** The loop sends again the failed part of a batch (see resendsFailedPart). */
  let partial = false;
  if (retryTries.length === 0) {
    // The loop goes round only after a failed outcome (`if (r.status < 500) return r; …`, a helper's
    // `{ ok }` result): a retry whatever makes the request (K2, K7).
    // A try the checks above turned down (the next pass works on a different input, the failure
    // leaves) keeps its verdict.
    // A try whose block does not leave the loop (`let res; try { res = await fetch(u) } catch (e) { last = e }`
    // with `if (res?.ok) return res` after it) was not judged as an attempt: the loop's flow judges it.
    let turnedDown = false;
    ownNodes(loop, ctx, (n) => {
      // A catch that leaves on a thrown error says nothing of answered statuses when the try only
      // makes requests that answer them without throwing (`try { res = await fetch(u) } catch {
      // return undefined }`, then `if (res.status !== 429) break`): the loop's flow judges those.
      if (n.type === T.TryStatement && n.handler && hasCall(n.block, ctx, loop) && !mayGoOn(n.handler.body, { kind: 'error' }, sourceCode) && answersWithoutThrowing(n.block, ctx)) return;
      if (n.type === T.TryStatement && n.handler && !(hasCall(n.block, ctx, loop) && mayGoOn(n.handler.body, { kind: 'error' }, sourceCode) && !leavesLoop(n.block, loop, ctx) && findAll(n.block, sourceCode.visitorKeys, (m): m is Node => endsProcess(m)).length === 0 && !retriesItemOnFailure(n, loop, ctx))) turnedDown = true;
      // A catch that corrects what failed before the loop goes round (`await reader.fill(); continue`).
      else if (n.type === T.TryStatement && n.handler && correctsBeforeGoingRound(n, ctx)) turnedDown = true;
    });
    // Only 2xx answers reach the loop's tests: going round on one (202, "not done yet") is polling.
    if (!turnedDown && request && onlySuccessArrives(loop, ctx)) return undefined;
    // A for…of over a delay schedule goes round like a counted loop: one attempt per entry.
    // Each pass works on a new value of what the operation takes (`el = el.parentElement` with
    // `getComputedStyle(el)`): a walk over inputs, not a retry (PRODUCT, "Retry or not").
    // The loop's test is part of the pass: an operation called there (`while (i < s.length && isSpace(s.charCodeAt(i))) i += 1`)
    // handed what the body writes works on a new input each pass (a scan, not a retry).
    const testTakesNewInput = (): boolean => loop.type !== T.ForOfStatement && !!loop.test && (rerunChangesInput(loop.body, loop.test, ctx) || (loop.type === T.ForStatement && !!loop.update && rerunChangesInput(loop.update, loop.test, ctx)));
    const flowRetry = !turnedDown && (loop.type !== T.ForOfStatement || !!schedule) && !rerunChangesInput(loop.body, loop.body, ctx) && !testTakesNewInput() && (!reachesBackEdge(loop, SUCCESS, sourceCode) || (loop.type !== T.ForOfStatement && successGoesRoundOnlyAsFailure(loop, sourceCode))) && failuresIn(loop, sourceCode).some((o) => !corrected.some((c) => evalTest(c.test, o, sourceCode) !== false) && reachesBackEdge(loop, o, sourceCode)) && leavesLoop(loop.body, loop, ctx);
    if (flowRetry) statusRetry = true;
    // `pending = out.UnprocessedItems?.[table] ?? []` with `while (pending.length > 0 …)`: the failed
    // part of a batch sent again, a retry of what failed (DynamoDB, Kinesis, SQS batch answers).
    partial = !turnedDown && (resendsFailedPart(loop, ctx) || resendsFailedStore(loop, ctx));
    if (partial) statusRetry = true;
    // A walk over pages (or any inputs) whose failure branch goes round on the same one
    // (`if (res.status === 429) { await sleep(ms); continue; }` before `next = page.next`): that
    // branch re-sends the failed request, a retry inside the walk.
    if (!turnedDown && request && retriesWithinWalk(loop, statusIfs, ctx)) statusRetry = true;
    if (!request && !flowRetry && !partial && !statusRetry) return undefined;
    // `switch (res.status) { case 503: …; continue; }`
    let switchRetry = false;
    ownNodes(loop, ctx, (n) => {
      if (n.type === T.SwitchStatement && isStatusLike(n.discriminant, sourceCode) && n.cases.some((c) => c.consequent.some(containsContinue))) switchRetry = true;
    });
    // A status check whose failure branch goes round again (continue / falls through), while success leaves.
    // `while (res.status !== 200 && ++n < 3)`, `do { … } while (!res.ok && …)`: the loop test is the failure check.
    const testRetry = loop.type !== T.ForOfStatement && !!loop.test && (okCheck(loop.test, sourceCode) === 'failure' || statusesTested(loop.test, sourceCode).some((t) => (t.op === '!==' || t.op === '!=') && t.code < 300) || hasNotOk(loop.test));
    // A success branch ends the loop by leaving it, or by setting a flag the loop's test reads to a
    // constant (`keepGoing = false`, `done = true`): the test ends the loop right after.
    const flags = testFlags(loop, ctx);
    const ends = (st: Node): boolean => alwaysExits(st) || (!containsContinue(st) && setsFlagToConstant(st, flags, ctx));
    statusRetry ||= switchRetry || testRetry || statusIfs.some((s) => (okCheck(s.test, sourceCode) ?? gatedOkCheck(s.test, sourceCode)) === 'success' && ends(s.consequent) && !containsContinue(s.consequent)) || statusIfs.some((s) => (isOkTest(s.test) && alwaysExits(s.consequent) && !isNegated(s.test)) || (!alwaysExits(s.consequent) || containsContinue(s.consequent)) && failureBranch(s, sourceCode)) && leavesLoop(loop.body, loop, ctx);
    if (!statusRetry) return undefined;
  }

  // A "wait until ready" probe produces nothing: polling, not a retry (F5).
  if (isProbeLoop(loop, ctx) || waitsOnPendingAnswer(loop.body, ctx)) return undefined;
  // Asking until there is an answer, or going round after a success on purpose: polling.
  if (pollsAnswer(loop, ctx) || waitsForAssertions(loop, ctx) || waitsForLocalFile(loop, ctx)) return undefined;

  // 2. The attempt bound.
  const found = schedule ? scheduleBound(loop as TSESTree.ForOfStatement, schedule, ctx) : loopBound(loop as Exclude<Loop, TSESTree.ForOfStatement>, ctx);
  const { attempts } = found;
  // A test of what is left to send is the failure itself, no limit: with no count or deadline beside it, nothing ends the retry.
  // Same for a worklist's size when the retry goes round on the same item (the list unchanged).
  const itemRetry = retryTries.some((t) => !leavesLoop(t.block, loop, ctx) && !comparesCount(t.handler!.body, loop, ctx));
  const bound = (partial || (itemRetry && testsOnlyWorklists(loop, ctx))) && found.bound.kind === 'unknown' ? { ...found.bound, kind: 'unbounded' as const } : found.bound;

  // 3. Waits.
  const waits = collectLoopWaits(loop, ctx, attempts, bound.maxAttempts);

  // 4. The operation.
  const catches: RetryCatch[] = retryTries.map((t) => ({ node: t.handler!, param: t.handler!.param?.type === T.Identifier ? t.handler!.param : undefined, body: t.handler!.body, guarded: t.block }));
  const stopFlags = testFlags(loop, ctx);
  const op = analyzeOperation(loop.body, catches, ctx, (ifStmt) => ifLeadsToRetry(ifStmt, retryTries), goesRound, (st) => alwaysExits(st) || (!containsContinue(st) && setsFlagToConstant(st, stopFlags, ctx)));
  // `for (…; i < 3 && res.status === 503; …)`: the loop condition itself handles 429/503.
  if (loop.type !== T.ForOfStatement && loop.test && statusesTested(loop.test, sourceCode).some((t) => isRetryAfterStatus(t.code) && (t.op === '===' || t.op === '==' || t.op === 'in'))) {
    op.rateLimitChecks.push(loop.test);
  }
  // `do { … } while (!res.ok && …)`: the loop condition itself retries every non-OK status.
  if ((request || (loop.type !== T.ForOfStatement && !!loop.test && readsTypedResponse(loop.test, sourceCode))) && loop.type !== T.ForOfStatement && loop.test && (conjuncts(loop.test).some((c) => okCheck(c, sourceCode) === 'failure') || hasNotOk(loop.test) || statusesTested(loop.test, sourceCode).some((t) => (t.op === '!==' || t.op === '!=') && t.code >= 200 && t.code < 300)) && !classifiesStatus(loop, sourceCode)) {
    op.clientErrorRetries.push({ node: loop.test, reason: 'non-ok' });
  }
  return {
    kind: 'loop',
    node: loop,
    bound,
    waits,
    // A loop whose only waits sit in a loop of their own (a countdown: `for (s = wait; s > 0; s -= 5)
    // await sleep(5000)`) does wait between attempts, by an amount this analysis does not add up: it is
    // not said to go round at once.
    noWait: waits.length === 0 ? (waitsInNestedLoop(loop, ctx) ? undefined : headOf(loop)) : waitlessRetry(loop, loopCounters, ctx),
    nonIdempotent: op.nonIdempotent,
    rateLimitChecks: op.rateLimitChecks,
    honoursRetryAfter: op.honoursRetryAfter,
    clientErrorRetries: op.clientErrorRetries,
    retriedStatuses: retryTries.length === 0 ? statusesGoingRound(loop, ctx) : op.caughtStatuses,
  };
}

/** Error codes of failures that may pass on their own (network, busy resource): a gate on them asks "is it transient?". */
const TRANSIENT_CODE_RE = /^(ECONNRESET|ECONNREFUSED|ECONNABORTED|ETIMEDOUT|ESOCKETTIMEDOUT|EPIPE|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|ENETDOWN|EBUSY|EAGAIN|EMFILE|ENFILE|UND_ERR_\w+)$/;

/**
 * A catch that lets one kind of failure go round, and corrects what failed before it does:
 * `if (!String(err.message).startsWith('NOGROUP')) throw err; await redis.xgroup('CREATE', …)`,
 * `if (!isNonFastForward(err)) throw err; run('git pull --rebase origin main')`,
 * `if (e.code !== 'ENOENT') throw e; await mkdir(dir)`. The next pass works on a corrected state,
 * not the same input again (PRODUCT, "Retry or not": a request corrected before it is re-sent).
 * A gate that asks whether the failure is transient (a status, a network error code, a retry
 * predicate such as `isRetryable(err)`) keeps the retry, and so does a correction that renews a
 * credential or reconnects (judged as a refresh-and-replay or a retry elsewhere).
 */
function correctsBeforeGoingRound(tryStmt: TSESTree.TryStatement, ctx: Ctx): boolean {
  const handler = tryStmt.handler;
  if (!handler) return false;
  if (correctsInCatch(handler.body, handler.param, tryStmt.block, undefined, ctx)) return true;
  // Goes round only from the branch of a test for one kind of failure (`if (e instanceof ShortInput)
  // { await reader.fill(); continue } throw e`): that branch's `continue` is the re-run, and what
  // the branch does before it is judged as a correction, as for a recursion's re-call.
  const goes = continuesIn(handler.body, ctx.sourceCode.visitorKeys).filter((c) => !c.label);
  // Every other failure leaves: the catch ends in a throw or a return.
  const last = handler.body.body[handler.body.body.length - 1];
  return !!last && alwaysExits(last) && goes.length > 0 && goes.every((c) => correctsInCatch(handler.body, handler.param, tryStmt.block, c, ctx) && branchTouchesTried(c, handler.body, tryStmt.block, ctx));
}

/**
 * Whether the statements before `goOn` in its branch make a call on, or with, a binding the tried
 * code also uses (`await reader.fill()` with `readHeader(reader.bytes)` tried): a correction of
 * what the attempt works on, not a message or a metric about it (`print('again')`).
 */
function branchTouchesTried(goOn: Node, body: Node, tried: Node, ctx: Ctx): boolean {
  const sc = ctx.sourceCode;
  const used = new Set<TSESLint.Scope.Variable>();
  let usesThis = false;
  walk(tried, sc.visitorKeys, (n) => {
    if (n.type === T.ThisExpression) usesThis = true;
    if (n.type === T.Identifier) {
      const v = variableOf(sc, n);
      if (v) used.add(v);
    }
    return undefined;
  });
  const touches = (e: Node): boolean => {
    const r = chainRoot(e);
    if (r.type === T.ThisExpression) return usesThis;
    const v = r.type === T.Identifier ? variableOf(sc, r) : undefined;
    return !!v && used.has(v);
  };
  for (let c: Node = goOn, p: Node | undefined = goOn.parent; p && c !== body; c = p, p = p.parent) {
    if (p.type !== T.BlockStatement) continue;
    const before = p.body.filter((s) => s.range[1] <= goOn.range[0]);
    let hit = false;
    for (const st of before) {
      walk(st, sc.visitorKeys, (n) => {
        if (hit || isFunction(n)) return false;
        if (n.type !== T.CallExpression || asWait(n, sc, ctx.settings) || isReportingCall(n)) return undefined;
        const callee = unwrap(n.callee);
        if ((callee.type === T.MemberExpression && touches(callee.object)) || n.arguments.some((a) => a.type !== T.SpreadElement && touches(a))) hit = true;
        return undefined;
      });
    }
    if (hit) return true;
  }
  return false;
}

/**
 * The rule of {@link correctsBeforeGoingRound} for any catch: `body` (with its error `paramNode`)
 * lets one kind of failure go on and corrects what failed first, either after a gate that throws
 * the others (`if (e.code !== 'ENOENT') throw e; await mkdir(dir)`) or inside the branch of a test
 * for that kind that holds `rerun` (`if (err.code === 85) { await dropIndex(name); return create(spec) }`,
 * a recursion's re-call). `tried` is the code whose calls, made again as they are, are the retry.
 */
export function correctsInCatch(body: TSESTree.BlockStatement, paramNode: Node | null | undefined, tried: Node, rerun: Node | undefined, ctx: Ctx): boolean {
  const { sourceCode } = ctx;
  const param = paramNode?.type === T.Identifier ? variableOf(sourceCode, paramNode) : undefined;
  if (!param) return false;
  // Asks whether the failure may pass on its own: a status, a network error code, a response read,
  // or a predicate that does (a same-file one by its body, one out of sight by its name).
  const asksTransient = (test: Node, depth = 0): boolean => {
    if (statusesTested(test, sourceCode).length > 0 || isStatusLike(test, sourceCode)) return true;
    let hit = false;
    walk(test, sourceCode.visitorKeys, (n) => {
      if (hit) return false;
      if (n.type === T.CallExpression) {
        const f = depth < 2 ? sameFileFunction(n.callee, ctx) : undefined;
        if (f ? asksTransient(f.body ?? f, depth + 1) : CLASSIFIER_RE.test(calleeName(n) ?? '')) hit = true;
      }
      if (n.type === T.Literal && typeof n.value === 'string' && TRANSIENT_CODE_RE.test(n.value)) hit = true;
      if (n.type === T.MemberExpression && /^(response|status|statusCode)$/.test(propertyName(n) ?? '')) hit = true;
      return undefined;
    });
    return hit;
  };
  // The calls the try makes: made again as they are in the catch, they are the retry itself, not a correction.
  const triedTexts = new Set<string>();
  walk(tried, sourceCode.visitorKeys, (n) => {
    if (isFunction(n)) return false;
    if (n.type === T.CallExpression) triedTexts.add(sourceCode.getText(n));
    return undefined;
  });
  // The values the try hands its calls (`envelope` in `transport.send(envelope)`).
  const triedInputs = new Set<string>();
  walk(tried, sourceCode.visitorKeys, (n) => {
    if (isFunction(n)) return false;
    if (n.type === T.CallExpression) for (const a of n.arguments) if (unwrap(a).type === T.Identifier) triedInputs.add(sourceCode.getText(unwrap(a)));
    return undefined;
  });
  let region: Node[] | undefined;
  const gate = body.body.findIndex((st) => st.type === T.IfStatement && !st.alternate && st.consequent && throwsOnly(st.consequent) && refersTo(st.test, param, ctx) && !asksTransient(st.test));
  if (gate >= 0) region = body.body.slice(gate + 1);
  else if (rerun) {
    // The re-run sits in the branch of a test for one kind of failure: what that branch does before it.
    for (let c: Node = rerun, p: Node | undefined = rerun.parent; p && c !== body; c = p, p = p.parent) {
      if (p.type !== T.IfStatement || c !== p.consequent || !refersTo(p.test, param, ctx) || asksTransient(p.test)) continue;
      const stmts = c.type === T.BlockStatement ? c.body : [c];
      region = stmts.filter((s) => s.range[1] <= rerun.range[0] || contains(s, rerun));
      break;
    }
  }
  if (!region) return false;
  let corrects = false;
  for (const st of region) {
    walk(st, sourceCode.visitorKeys, (n) => {
      if (corrects || isFunction(n)) return false;
      // Every failure after the gate goes round: a correction only some take (in a branch, a nested
      // try that may fail first) leaves the others re-running the same failed work.
      if (!rerun && n !== st && isConditionalPart(n)) return false;
      // With the re-run: only what leads to it. A branch beside it that does not hold it (`if (prod)
      // panic(e); else { await sleep(ms); return self(op) }`) ends the attempt another way; it corrects nothing.
      if (rerun && n !== st && isConditionalPart(n) && !contains(n, rerun) && (n.parent?.type === T.IfStatement || n.parent?.type === T.SwitchCase || n.parent?.type === T.ConditionalExpression) && contains(n.parent, rerun)) return false;
      if (n.type !== T.CallExpression) return undefined;
      // A wait and what computes its delay (`sleep(backoffDelay(attempt))`) correct nothing.
      if (asWait(n, sourceCode, ctx.settings)) return false;
      // Nor does reading the clock for a deadline (`if (Date.now() - started > limit) throw …`).
      if (isDeterministicCall(n) || isClockRead(n) || computesOnly(sameFileFunction(n.callee, ctx), ctx)) return undefined;
      const name = calleeName(n) ?? '';
      if (n === rerun) return false;
      // A report to the caller's hook (`opts.onRetry?.(attempt, err)`) or a metric corrects nothing either.
      if ((rerun && contains(n, rerun)) || triedTexts.has(sourceCode.getText(n)) || !isWorkingCall(n, ctx) || isLogCallee(unwrap(n.callee)) || isReportingCall(n) || REFRESH_RE.test(name) || /connect/i.test(name)) return undefined;
      // The failed work put back in a queue for the re-run (`store.unshift(envelope)` with `send(envelope)`
      // tried): kept as it is, not corrected.
      if (KEEP_METHOD_RE.test(name) && n.arguments.some((a) => triedInputs.has(sourceCode.getText(unwrap(a))))) return undefined;
      corrects = true;
      return false;
    });
  }
  return corrects;
}

/** A part of a statement that runs only on some paths: an `if`'s branch, a `switch` case, a loop body, a try block or handler, the right side of `&&`/`||`/`??`, a branch of `?:`. */
function isConditionalPart(n: Node): boolean {
  const p = n.parent;
  if (!p) return false;
  switch (p.type) {
    case T.IfStatement:
      return n !== p.test;
    case T.ConditionalExpression:
      return n !== p.test;
    case T.LogicalExpression:
      return n === p.right;
    case T.SwitchCase:
      return true;
    case T.TryStatement:
      return n === p.block || n === p.handler;
    case T.ForStatement:
    case T.ForInStatement:
    case T.ForOfStatement:
    case T.WhileStatement:
    case T.DoWhileStatement:
      return n === p.body;
    default:
      return false;
  }
}

/** Methods that put an item in a queue or collection (`push`, `unshift`, `enqueue`, `add`, `append`). */
const KEEP_METHOD_RE = /^(push|unshift|enqueue|add|append)$/;

/** A statement that can only throw (`throw err`, `{ log(e); throw e; }`). */
function throwsOnly(st: Node): boolean {
  if (st.type === T.ThrowStatement) return true;
  if (st.type !== T.BlockStatement) return false;
  const last = st.body[st.body.length - 1];
  return !!last && last.type === T.ThrowStatement;
}

/**
 * Rounds over a walk: the loop's body walks alternatives (hosts, mirrors, cluster nodes), trying
 * each once and leaving the function on the first success; a round where every one failed falls
 * through to the loop, which goes round again over the same list. One pass is failover, a walk over
 * inputs (PRODUCT, "Retry or not"), but the round itself is re-run after it failed with the same
 * input: a retry whose attempt is the round.
 *
 * @returns The walk's tries that let it go on to the next alternative after a failure (the retry's
 *   catches), or none when the loop is not such a round.
 */
function roundTries(loop: Loop, ctx: Ctx): { walk: Loop; tries: TSESTree.TryStatement[] }[] {
  const { sourceCode } = ctx;
  const body = loop.body.type === T.BlockStatement ? loop.body.body : [loop.body];
  const out: { walk: Loop; tries: TSESTree.TryStatement[] }[] = [];
  body.forEach((st, i) => {
    if (st.type !== T.ForStatement && st.type !== T.ForOfStatement && st.type !== T.WhileStatement && st.type !== T.DoWhileStatement) return;
    // A round that fails falls through to the loop's next pass: nothing after the walk leaves on every path.
    if (body.slice(i + 1).some((s) => alwaysExits(s))) return;
    if (!walksFixedList(st, loop, ctx)) return;
    const tries: TSESTree.TryStatement[] = [];
    ownNodes(st, ctx, (n) => {
      if (n.type === T.TryStatement && n.handler && hasCall(n.block, ctx) && returnsFrom(n.block, ctx) && mayGoOn(n.handler.body, { kind: 'error' }, sourceCode)) tries.push(n);
    });
    if (tries.length > 0) out.push({ walk: st, tries });
  });
  return out;
}

/** Whether a `return` in the block (outside nested functions) leaves the function from it. */
function returnsFrom(block: Node, ctx: Ctx): boolean {
  let found = false;
  walk(block, ctx.sourceCode.visitorKeys, (n) => {
    if (found || isFunction(n)) return false;
    if (n.type === T.ReturnStatement) found = true;
    return undefined;
  });
  return found;
}

/**
 * Whether `inner` walks a list that the passes of `outer` do not change: a for…of over a list read
 * from a name or member (no call), or a counted walk that picks elements by its counter and whose
 * test reads such names, none of them written or declared in `outer`'s body outside the walk.
 * A for…of over a delay schedule is a retry of its own, not a walk.
 */
function walksFixedList(inner: Loop, outer: Loop, ctx: Ctx): boolean {
  const { sourceCode } = ctx;
  let list: Node | undefined;
  if (inner.type === T.ForOfStatement) {
    if (evaluateArray(inner.right, ctx)) return false;
    list = inner.right;
  } else if (inner.type === T.ForStatement && inner.test && indexesByCounter(inner.body, counters(inner, ctx), ctx)) {
    list = inner.test;
  }
  if (!list) return false;
  let computed = false;
  walk(list, sourceCode.visitorKeys, (n) => {
    if (n.type === T.CallExpression || n.type === T.AwaitExpression || n.type === T.NewExpression || isFunction(n)) computed = true;
    return computed ? false : undefined;
  });
  if (computed) return false;
  // The names the list is read through, and the fields (`this.hosts`).
  const own = inner.type === T.ForStatement && inner.init ? inner.init : undefined;
  const vars = new Set<Variable>();
  const fields = new Set<string>();
  walk(list, sourceCode.visitorKeys, (n) => {
    if (n.type === T.Identifier) {
      const v = variableOf(sourceCode, n);
      if (v && !(own && v.defs.some((d) => contains(own, d.name as Node)))) vars.add(v);
    }
    if (n.type === T.MemberExpression && unwrap(n.object).type === T.ThisExpression) {
      const name = propertyName(n);
      if (name) fields.add(name);
    }
    return undefined;
  });
  // A name written (or declared) in the outer pass outside the walk: the scope's write references say so.
  const outside = (id: Node): boolean => contains(outer.body, id) && !contains(inner, id);
  if ([...vars].some((v) => v.references.some((r) => r.isWrite() && outside(r.identifier as Node)) || v.defs.some((d) => outside(d.name as Node)))) return false;
  if (fields.size === 0) return true;
  let written = false;
  walk(outer.body, sourceCode.visitorKeys, (n) => {
    if (written || n === inner) return false;
    const target = n.type === T.AssignmentExpression ? n.left : n.type === T.UpdateExpression ? n.argument : undefined;
    if (!target) return undefined;
    walk(target, sourceCode.visitorKeys, (m) => {
      if (m.type === T.MemberExpression && unwrap(m.object).type === T.ThisExpression && fields.has(propertyName(m) ?? '')) written = true;
      return undefined;
    });
    return undefined;
  });
  return !written;
}

/**
 * The HTTP statuses after which the loop goes round again, when a thrown error (no response) does
 * not and some statuses do not either (`if (res.status === 429) { …; continue; } return res;`);
 * undefined when every failure may go round or the loop's tests do not tell.
 */
function statusesGoingRound(loop: Loop, ctx: Ctx): number[] | undefined {
  if (loop.type === T.ForOfStatement) return undefined;
  const { sourceCode } = ctx;
  if (reachesBackEdge(loop, { kind: 'error' }, sourceCode)) return undefined;
  const going: number[] = [];
  let some = false;
  for (const o of failuresIn(loop, sourceCode)) {
    if (o.kind !== 'status') continue;
    if (reachesBackEdge(loop, o, sourceCode)) going.push(o.code);
    else some = true;
  }
  return some && going.length > 0 ? going : undefined;
}

/**
 * A failure path that goes round again without waiting, in a loop that waits on its other paths
 * (`if (!retryAfter) continue; await sleep(ms)`): the `continue` it takes, or the loop head when it
 * falls off the end of the body. Undefined when every failure path waits.
 *
 * A statement that waits ends the traced path, and so does one that awaits any call other than an
 * HTTP request outside the attempt's `try` block (it may wait for all we know). A test of the
 * attempt counter or a deadline that only decides whether to wait (`if (i < max - 1) await
 * sleep(d)`: no wait after the last attempt) follows its waiting branch.
 */
function waitlessRetry(loop: Loop, cs: CounterInfo[], ctx: Ctx): Node | undefined {
  const { sourceCode } = ctx;
  const waitNodes = awaitedWaits(loop, ctx);
  const sorted = sortedByStart(waitNodes);
  // The waits that `s` contains (the first `limit` of them), in source order: found by a binary
  // search when the list is sorted by start (as a walk lists them), not a scan of every nested
  // loop's waits per statement traced.
  const waitsWithin = (s: Node, limit: number): readonly Node[] => (sorted ? containedIn(waitNodes, s, limit) : [...waitNodes].filter((w) => contains(s, w)).slice(0, limit));
  const waitsIn = (s: Node): boolean => waitsWithin(s, 1).length > 0;
  // A wait in the loop's own head (`while (await backoff())`) runs on every path.
  if (waitNodes.length === 0 || waitsWithin(loop.body, Infinity).length < waitNodes.length) return undefined;
  // The attempts' try blocks: an awaited call in one may be the operation failing at once. A try of
  // its own inside a catch (`catch (e) { try { await fs.unlink(lock); continue } catch {} … }`) is a
  // step the failure path takes: reaching its `continue`, the awaited call in it has run.
  const tryBlocks: Node[] = [];
  ownNodes(loop, ctx, (n) => {
    if (n.type === T.TryStatement && !inCatchWithin(n, loop)) tryBlocks.push(n.block);
  });
  const cut = (s: Node): boolean => {
    if (waitsIn(s)) return true;
    if (tryBlocks.some((b) => contains(b, s))) return false;
    let awaits = false;
    walk(s, sourceCode.visitorKeys, (m) => {
      if (awaits || isFunction(m)) return false;
      if (m.type === T.AwaitExpression) {
        const a = unwrap(m.argument);
        if ((a.type === T.CallExpression && !describeHttpCall(sourceCode, a, ctx.settings)) || a.type === T.NewExpression) awaits = true;
      }
      return undefined;
    });
    return awaits;
  };
  // The variables a wait's delay reads (`backoff` in `await delay(backoff)`).
  const delayVars = (w: Node): Set<Variable> => {
    const out = new Set<Variable>();
    // The delay the wait is given, wherever it sits (`new Promise((r) => setTimeout(r, ms))` holds it in its executor).
    const wc = w.type === T.CallExpression || w.type === T.NewExpression ? asWait(w, sourceCode, ctx.settings) : undefined;
    const given = wc?.argument ?? (wc?.delayExpr && contains(w, wc.delayExpr) ? wc.delayExpr : undefined);
    const args = [...(given ? [given] : []), ...(w.type === T.CallExpression || w.type === T.NewExpression ? w.arguments : [])];
    for (const a of args) {
      walk(a, sourceCode.visitorKeys, (m) => {
        if (isFunction(m)) return false;
        const v = m.type === T.Identifier ? variableOf(sourceCode, m) : undefined;
        if (v) out.add(v);
        return undefined;
      });
    }
    return out;
  };
  // A for…of's own variable steps with the passes like a counter (`for (const pause of [0, 250, 750])`).
  const ownVariables = new Set<Variable>(loop.type === T.ForOfStatement ? ctx.sourceCode.getDeclaredVariables(loop.left) : []);
  const readsAny = (test: Node, vars: Set<Variable>): boolean => {
    let found = false;
    walk(test, sourceCode.visitorKeys, (m) => {
      if (found) return false;
      const v = m.type === T.Identifier ? variableOf(sourceCode, m) : undefined;
      if (v && vars.has(v)) found = true;
      return undefined;
    });
    return found;
  };
  const branch = (s: TSESTree.IfStatement): Node | null | undefined => {
    // A test of the attempt count or a deadline, or of the delay itself (`if (backoff > 0) await
    // delay(backoff)`: a zero delay is the policy's own choice), only decides whether to wait.
    const inIf = waitsWithin(s, Infinity);
    const counted = refsAnyCounter(s.test, cs, ctx) || hasDeadline(s.test, sourceCode) || inIf.some((w) => readsAny(s.test, delayVars(w))) || readsAny(s.test, ownVariables);
    if (!counted) return undefined;
    const a = waitsIn(s.consequent);
    const b = !!s.alternate && waitsIn(s.alternate);
    if (a === b) return undefined;
    return a ? s.consequent : s.alternate;
  };
  // Only where the outcome decides: when a success is not seen to leave either (a flag the loop
  // test reads, `while (token === null)`), the traced paths say nothing about failures.
  if (waitlessBackEdge(loop, SUCCESS, sourceCode, cut, branch)) return undefined;
  for (const o of failuresIn(loop, sourceCode)) {
    // A 401/403 that goes round is a re-authentication and replay, judged apart (PRODUCT).
    if (o.kind === 'status' && (o.code === 401 || o.code === 403)) continue;
    const reached = waitlessBackEdge(loop, o, sourceCode, cut, branch);
    if (reached) return reached[0] ?? headOf(loop);
  }
  return undefined;
}

/** Whether `n` sits in a catch clause inside `loop`. */
function inCatchWithin(n: Node, loop: Node): boolean {
  for (let p = n.parent; p && p !== loop; p = p.parent) if (p.type === T.CatchClause) return true;
  return false;
}

/** The awaited waits of each region (outside nested functions), per settings. */
const awaitedWaitsBySettings = fileMemo<Ctx['settings'], Map<Node, Run<Node>>>();

/**
 * The awaited wait calls in `region` (not in nested functions), in source order: one walk for a
 * region and its nested loops, a loop's waits are its own plus its nested loops' (summaries.ts).
 */
function awaitedWaits(region: Node, ctx: Ctx): Run<Node> {
  const { sourceCode, settings } = ctx;
  let memo = awaitedWaitsBySettings.get(settings);
  if (!memo) {
    memo = new Map();
    awaitedWaitsBySettings.set(settings, memo);
  }
  return flatSummary<Node>(region, sourceCode, memo, (n, out) => {
    if (isFunction(n)) return false;
    if (n.type !== T.CallExpression && n.type !== T.NewExpression) return undefined;
    if (asWait(n, sourceCode, settings) && isAwaited(n, sourceCode)) out.push(n);
    return undefined;
  });
}

/**
 * Every request in the loop rejects its 4xx/5xx answers ({@link rejectsErrorStatuses}) and is
 * awaited as it is, and nothing in the loop catches a rejection (no `.catch`, no rejection handler):
 * a failed request leaves the loop, and the code after it only ever sees a 2xx answer.
 */
function onlySuccessArrives(loop: Loop, ctx: Ctx): boolean {
  let requests = 0;
  let caught = false;
  ownNodes(loop, ctx, (n) => {
    if (caught || n.type !== T.CallExpression) return;
    const name = calleeName(n);
    if (name === 'catch' || name === 'finally' || (name === 'then' && n.arguments.length > 1)) caught = true;
    const h = describeHttpCall(ctx.sourceCode, n, ctx.settings);
    if (!h) return;
    requests++;
    let p: Node | undefined = n.parent;
    while (p && (p.type === T.TSAsExpression || p.type === T.TSNonNullExpression || p.type === T.ChainExpression || p.type === T.TSTypeAssertion)) p = p.parent;
    if (p?.type !== T.AwaitExpression || !rejectsErrorStatuses(ctx.sourceCode, h)) caught = true;
  });
  return requests > 0 && !caught;
}

/**
 * Polling written as "ask, and leave once there is an answer", or as a loop meant to go round
 * after a success (PRODUCT: polling re-checks until done, success path included):
 * - every way out of the loop with a result is under a test that the answer of a call that only
 *   reads is there (`connection = await getConnection(…)` … `if (connection) return connection`):
 *   an empty answer, a success, goes round. A call named for doing work (`send(…)`, `graphql(…)`)
 *   that answers nothing failed: that stays a retry;
 * - or a try that only reads (binds a reading call's answer) resets, after the read, the count of
 *   failures its catch keeps (`consecutiveErrors = 0` in the try, `consecutiveErrors += 1` in the
 *   catch): the count is of failures in a row, so the loop asks the same again after successes. A
 *   try that also moves on (`pending.splice(0, 1)`) walks a worklist: its failures stay retries.
 */
function pollsAnswer(loop: Loop, ctx: Ctx): boolean {
  const sc = ctx.sourceCode;
  const answers = new Set<Variable>();
  const exits: Node[] = [];
  const resetTries: TSESTree.TryStatement[] = [];
  walk(loop.body, sc.visitorKeys, (n) => {
    if (isFunction(n)) return false;
    const bound = n.type === T.VariableDeclarator && n.id.type === T.Identifier ? { id: n.id, value: n.init } : n.type === T.AssignmentExpression && n.operator === '=' && n.left.type === T.Identifier ? { id: n.left, value: n.right } : undefined;
    if (bound?.value) {
      const v = unwrap(bound.value);
      let call = v.type === T.AwaitExpression ? unwrap(v.argument) : v;
      // `(await api.readKeys(id)).publishable`: a part of the answer.
      while (call.type === T.MemberExpression) call = unwrap(call.object);
      if (call.type === T.AwaitExpression) call = unwrap(call.argument);
      const name = call.type === T.CallExpression ? calleeName(call) ?? '' : '';
      const variable = variableOf(sc, bound.id);
      if (variable && (ASKING_CALL_RE.test(name) || READING_CALL_RE.test(name)) && !ASKING_EFFECT_WORD_RE.test(name)) answers.add(variable);
    }
    if (n.type === T.ReturnStatement || (n.type === T.BreakStatement && !n.label && !insideInnerBreakable(n, loop))) exits.push(n);
    if (n.type === T.TryStatement && n.handler && resetsCountOfCatch(n, sc)) resetTries.push(n);
    return undefined;
  });
  // The try only reads (binds a reading call's answer) besides the reset: the next pass asks the same again.
  const onlyReads = (t: TSESTree.TryStatement): boolean =>
    t.block.body.every((st) => {
      if (st.type === T.ExpressionStatement && st.expression.type === T.CallExpression && isLogCallee(unwrap(st.expression.callee))) return true;
      if (st.type === T.ExpressionStatement && st.expression.type === T.AssignmentExpression && st.expression.left.type === T.Identifier) {
        const v = variableOf(sc, st.expression.left);
        return !!v && (answers.has(v) || unwrap(st.expression.right).type === T.Literal);
      }
      if (st.type === T.VariableDeclaration) return st.declarations.every((d) => d.id.type === T.Identifier && answers.has(variableOf(sc, d.id)!));
      return false;
    });
  if (resetTries.some(onlyReads)) return true;
  if (answers.size === 0 || exits.length === 0) return false;
  return exits.every((e) => {
    for (let p: Node | undefined = e.parent; p && p !== loop; p = p.parent) {
      if (p.type === T.IfStatement && contains(p.consequent, e)) {
        const tested = presenceTested(p.test);
        const v = tested && variableOf(sc, tested);
        if (v && answers.has(v)) return true;
      }
    }
    return false;
  });
}

/**
 * A wait for a file another process writes (`return decode(await fs.readFile(path))` until a
 * deadline): every operation of the pass reads the local file system, and the rest only decodes what
 * was read (a function the caller handed in, `JSON.parse`). What fails is a state not reached yet
 * (the file is not there, or not whole): polling (PRODUCT, "Retry or not"), not a retry of a service.
 */
function waitsForLocalFile(loop: Loop, ctx: Ctx): boolean {
  const sc = ctx.sourceCode;
  let reads = 0;
  let other = false;
  walk(loop.body, sc.visitorKeys, (n) => {
    if (other || isFunction(n)) return false;
    if (n.type === T.NewExpression) {
      const c = unwrap(n.callee);
      if (!(c.type === T.Identifier && c.name.endsWith("Error")) && !asWait(n, sc, ctx.settings)) other = true;
      return undefined;
    }
    if (n.type !== T.CallExpression) return undefined;
    const callee = unwrap(n.callee);
    const name = calleeName(n) ?? '';
    if (FS_READ_RE.test(name) && FS_MODULE_RE.test(originOf(sc, callee)?.module ?? '')) {
      reads++;
      return undefined;
    }
    if (asWait(n, sc, ctx.settings) || isGlobalTimer(sc, n) || isLogCallee(callee) || isDeterministicCall(n) || isReportingCall(n)) return undefined;
    // `Date.now()`, `JSON.parse(text)`, `String(e)`: the clock and decoding.
    if (callee.type === T.MemberExpression && unwrap(callee.object).type === T.Identifier && /^(Date|JSON|performance)$/.test((unwrap(callee.object) as TSESTree.Identifier).name)) return undefined;
    // A decoder the caller handed in (`decode(text)`), applied to what was read.
    const v = callee.type === T.Identifier ? variableOf(sc, callee) : undefined;
    if (v && v.defs.length === 1 && v.defs[0]!.type === 'Parameter') return undefined;
    other = true;
    return undefined;
  });
  return reads > 0 && !other;
}

/**
 * A wait for assertions to hold (a test helper, `waitForAsync(() => expect(spy).toHaveBeenCalled())`):
 * the loop re-runs a function its enclosing function is handed, and every same-file caller hands one
 * that ends in an assertion (`expect(…)…`, `assert…(…)`). Its failure says a state is not reached yet:
 * polling (PRODUCT), whatever the helper is called.
 */
function waitsForAssertions(loop: Loop, ctx: Ctx): boolean {
  let fn: Node | undefined = loop.parent;
  while (fn && !isFunction(fn)) fn = fn.parent;
  if (!fn || !isFunction(fn)) return false;
  const params = new Map<Variable, number>();
  fn.params.forEach((p, i) => {
    const id = p.type === T.AssignmentPattern ? p.left : p;
    const v = id.type === T.Identifier ? variableOf(ctx.sourceCode, id) : undefined;
    if (v) params.set(v, i);
  });
  const called = new Set<number>();
  walk(loop.body, ctx.sourceCode.visitorKeys, (n) => {
    if (isFunction(n)) return false;
    if (n.type === T.CallExpression && unwrap(n.callee).type === T.Identifier) {
      const v = variableOf(ctx.sourceCode, unwrap(n.callee) as TSESTree.Identifier);
      const i = v ? params.get(v) : undefined;
      if (i !== undefined) called.add(i);
    }
    return undefined;
  });
  if (called.size === 0) return false;
  const callers = sameFileCallers(ctx.sourceCode, fn);
  return callers.length > 0 && [...called].every((i) => callers.every((c) => {
    const a = c.arguments[i] ? unwrap(c.arguments[i] as Node) : undefined;
    if (!a || !isFunction(a)) return false;
    const last = a.body.type === T.BlockStatement ? a.body.body[a.body.body.length - 1] : a.body;
    const e = last?.type === T.ExpressionStatement ? unwrap(last.expression) : last ? unwrap(last as Node) : undefined;
    return !!e && isAssertion(e.type === T.AwaitExpression ? unwrap(e.argument) : e);
  }));
}

/** `expect(x).toBe(y)`, `expect(p).resolves.toEqual(v)`, `assert.equal(a, b)`, `assert(ok)`: a test's assertion. */
function isAssertion(e: Node): boolean {
  if (e.type !== T.CallExpression) return false;
  let c: Node = unwrap(e.callee);
  while (c.type === T.MemberExpression || c.type === T.CallExpression) c = unwrap(c.type === T.MemberExpression ? c.object : c.callee);
  return c.type === T.Identifier && /^(expect|assert)$/.test(c.name);
}

/** The name a test checks is there: `x`, `x != null`, `x !== null`, `x !== undefined`, `Boolean(x)`. */
function presenceTested(test: Node): TSESTree.Identifier | undefined {
  const t = unwrap(test);
  if (t.type === T.Identifier) return t;
  if (t.type === T.CallExpression && calleeName(t) === 'Boolean' && t.arguments[0]) return presenceTested(t.arguments[0]);
  if (t.type === T.BinaryExpression && (t.operator === '!=' || t.operator === '!==')) {
    const [a, b] = [unwrap(t.left), unwrap(t.right)];
    if (a.type === T.Identifier && isNullish(b)) return a;
    if (b.type === T.Identifier && isNullish(a)) return b;
  }
  return undefined;
}

/** Whether a try sets to 0 a count its catch adds to (`errors = 0` after the call; `errors += 1` in the catch). */
function resetsCountOfCatch(tryStmt: TSESTree.TryStatement, sc: TSESLint.SourceCode): boolean {
  const counted = new Set<Variable>();
  walk(tryStmt.handler!.body, sc.visitorKeys, (n) => {
    if (isFunction(n)) return false;
    const target = n.type === T.UpdateExpression && n.operator === '++' ? n.argument : n.type === T.AssignmentExpression && n.operator === '+=' ? n.left : undefined;
    const v = target && target.type === T.Identifier ? variableOf(sc, target) : undefined;
    if (v) counted.add(v);
    return undefined;
  });
  if (counted.size === 0) return false;
  let resets = false;
  walk(tryStmt.block, sc.visitorKeys, (n) => {
    if (resets || isFunction(n)) return false;
    if (n.type === T.AssignmentExpression && n.operator === '=' && n.left.type === T.Identifier && unwrap(n.right).type === T.Literal && (unwrap(n.right) as TSESTree.Literal).value === 0) {
      const v = variableOf(sc, n.left);
      if (v && counted.has(v)) resets = true;
    }
    return undefined;
  });
  return resets;
}

/**
 * A readiness probe: every request is a read (GET/HEAD), the loop returns nothing (`if (res.ok) return;`)
 * and writes nothing outside itself, so a success yields no value and no effect.
 */
function isProbeLoop(loop: Loop, ctx: Ctx): boolean {
  let requests = 0;
  let produces = false;
  // Variables bound to a request's answer (`const { data } = await axios.get(u)`, `const res = await fetch(u)`).
  const answers = new Set<Variable>();
  walk(loop.body, ctx.sourceCode.visitorKeys, (n) => {
    if (produces || isFunction(n)) return false;
    if (n.type === T.CallExpression) {
      const h = describeHttpCall(ctx.sourceCode, n, ctx.settings);
      if (h) {
        requests++;
        if (h.method !== 'GET' && h.method !== 'HEAD') produces = true;
        for (const v of boundFrom(n, ctx)) answers.add(v);
      } else if (answers.size > 0 && !isLogCallee(unwrap(n.callee)) && !asWait(n, ctx.sourceCode, ctx.settings) && n.arguments.some((a) => readsVariable(a, answers, ctx))) {
        // The answer handed on (`setText(data.message)`, `dispatch(loaded(res.data))`): the caller gets it.
        produces = true;
      }
    }
    if (n.type === T.ReturnStatement && n.argument) produces = true;
    if (n.type === T.BreakStatement) produces = true;
    if (n.type === T.AssignmentExpression) {
      const left = unwrap(n.left);
      if (left.type !== T.Identifier) produces = true;
      else {
        const v = variableOf(ctx.sourceCode, left);
        const decl = v?.defs[0]?.name;
        if (!decl || !contains(loop.body, decl)) produces = true;
      }
    }
    return undefined;
  });
  if ((requests > 0 && !produces) || readsOnlyToProbe(loop, ctx) || opensAndClosesOnly(loop, ctx)) return true;
  // The general judgement (probe.ts): one look at a dependency, what it yields kept to itself; the
  // loop's own counter is the only thing outside it the pass may write.
  const own = counters(loop, ctx);
  return isProbeRegion(loop.body, ctx, { mayWrite: (v) => own.some((c) => c.variable === v) });
}

/** The variables a `while`/`do…while` loop's test reads (`while (!ready)`, `while (state !== 'up')`). */
/**
 * Whether a statement sets one of `flags` (the variables a loop's test reads) to a literal of the
 * other truthiness than the flag starts with (`let keepGoing = true` … `keepGoing = false`, `let
 * done = false` … `done = true`), outside nested functions: the loop's test ends the loop next.
 */
function setsFlagToConstant(st: Node, flags: ReadonlySet<Variable>, ctx: Ctx): boolean {
  if (flags.size === 0) return false;
  let found = false;
  walk(st, ctx.sourceCode.visitorKeys, (n) => {
    if (found || isFunction(n)) return false;
    const value = n.type === T.AssignmentExpression && n.operator === '=' ? unwrap(n.right) : undefined;
    if (value && n.type === T.AssignmentExpression && n.left.type === T.Identifier) {
      const v = variableOf(ctx.sourceCode, n.left);
      const def = v?.defs[0]?.node;
      const init = def?.type === T.VariableDeclarator && def.init ? unwrap(def.init) : undefined;
      const truth = truthOfValue(value, ctx);
      // `let failure; … failure = err` with `while (!failure)`: an error, an object, is truthy; no initialiser is `undefined`.
      const initTruth = def?.type === T.VariableDeclarator && !def.init ? false : init ? truthOfValue(init, ctx) : undefined;
      if (v && flags.has(v) && truth !== undefined && initTruth !== undefined && truth !== initTruth) found = true;
    }
    return undefined;
  });
  return found;
}

/** Whether a value is truthy: a literal's truthiness; an object, array, `new …` or a caught error is truthy; else unknown. */
function truthOfValue(value: Node, ctx: Ctx): boolean | undefined {
  const u = unwrap(value);
  if (u.type === T.Literal) return !!u.value;
  if (u.type === T.Identifier && u.name === 'undefined' && !variableOf(ctx.sourceCode, u)?.defs.length) return false;
  if (u.type === T.ObjectExpression || u.type === T.ArrayExpression || u.type === T.NewExpression) return true;
  if (u.type === T.Identifier) return variableOf(ctx.sourceCode, u)?.defs[0]?.type === 'CatchClause' ? true : undefined;
  return undefined;
}

function testFlags(loop: Loop, ctx: Ctx): Set<Variable> {
  const out = new Set<Variable>();
  if ((loop.type !== T.WhileStatement && loop.type !== T.DoWhileStatement) || !loop.test) return out;
  walk(loop.test, ctx.sourceCode.visitorKeys, (n) => {
    if (n.type === T.Identifier) {
      const v = variableOf(ctx.sourceCode, n);
      if (v) out.add(v);
    }
    return undefined;
  });
  return out;
}

/**
 * The variables a declaration binds from a request's answer: the request heads its initialiser,
 * awaited or not, read further or not (`const { data } = await axios.get(u)`, `const body = await got(u).json()`).
 */
function boundFrom(request: TSESTree.CallExpression, ctx: Ctx): Variable[] {
  let p: Node | undefined = request.parent;
  let child: Node = request;
  while (p && (p.type === T.AwaitExpression || p.type === T.TSAsExpression || p.type === T.TSNonNullExpression || p.type === T.ChainExpression || (p.type === T.MemberExpression && p.object === child) || (p.type === T.CallExpression && p.callee === child))) {
    child = p;
    p = p.parent;
  }
  if (p?.type !== T.VariableDeclarator) return [];
  return ctx.sourceCode.scopeManager?.getDeclaredVariables(p) ?? [];
}


/**
 * "Wait until the dependency answers" without HTTP (F5): the loop's only work is a read that checks
 * the dependency ({@link isDroppedProbeRead}); every other statement-level call waits, logs or ends
 * the process, and nothing the attempt produced leaves the loop (no value returned, no `break`,
 * nothing written outside). PRODUCT: health checks waiting until a dependency is ready are
 * polling, even with a constant pause and no deadline.
 */
function readsOnlyToProbe(loop: Loop, ctx: Ctx): boolean {
  let reads = 0;
  let other = false;
  const own = counters(loop, ctx);
  walk(loop.body, ctx.sourceCode.visitorKeys, (n) => {
    if (other || isFunction(n)) return false;
    if ((n.type === T.CallExpression || n.type === T.TaggedTemplateExpression) && isDroppedProbeRead(n, ctx)) {
      reads++;
      return false;
    }
    if (n.type === T.ExpressionStatement) {
      let e = unwrap(n.expression);
      if (e.type === T.AwaitExpression) e = unwrap(e.argument);
      if (e.type === T.TaggedTemplateExpression) {
        if (!isDroppedProbeRead(e, ctx)) other = true;
      } else if (e.type === T.CallExpression || e.type === T.NewExpression) {
        const c = unwrap(e.callee);
        if (isDroppedProbeRead(e, ctx)) return undefined;
        const exits = c.type === T.MemberExpression && propertyName(c) === 'exit';
        if (!isLogCallee(c) && !exits && !asWait(e, ctx.sourceCode, ctx.settings)) other = true;
      } else if (e.type !== T.AssignmentExpression && e.type !== T.UpdateExpression) other = true;
    }
    // A value handed back (even `true`) is what the caller asked for, as in the HTTP probe above.
    if ((n.type === T.ReturnStatement && n.argument && !(unwrap(n.argument).type === T.Identifier && (unwrap(n.argument) as TSESTree.Identifier).name === 'undefined')) || n.type === T.BreakStatement) other = true;
    if (n.type === T.AssignmentExpression || n.type === T.UpdateExpression) {
      const left = unwrap(n.type === T.AssignmentExpression ? n.left : n.argument);
      const v = left.type === T.Identifier ? variableOf(ctx.sourceCode, left) : undefined;
      const decl = v?.defs[0]?.name;
      // A counter of the loop's own, or a local of the pass; anything else is written for the caller.
      if (!v || !decl || !(contains(loop, decl) || own.some((c) => c.variable === v))) other = true;
    }
    return undefined;
  });
  return reads > 0 && !other;
}

/**
 * "Wait until it opens" (F5): the only work of the loop's try is to acquire a resource (in the try,
 * or made in the pass just before it: `const c = new Client(url)`), open or check it (`connect()`,
 * `ping()`, a `SELECT` whose rows are dropped), release it at once and report a constant
 * (`await fd.close(); return true;`). Nothing the attempt produced leaves the loop: a readiness
 * probe, not a retry of an operation. A write through the resource, or the resource handed back,
 * makes it an operation again.
 */
function opensAndClosesOnly(loop: Loop, ctx: Ctx): boolean {
  let probes = 0;
  let other = false;
  const sc = ctx.sourceCode;
  const resourceOf = (st: Node): Variable | undefined => {
    if (st.type !== T.VariableDeclaration || st.declarations.length !== 1) return undefined;
    const d = st.declarations[0]!;
    let init = unwrap(d.init);
    if (init?.type === T.AwaitExpression) init = unwrap(init.argument);
    if (d.id.type !== T.Identifier || (init?.type !== T.CallExpression && init?.type !== T.NewExpression)) return undefined;
    return variableOf(sc, d.id);
  };
  /** `r.m(…)` (awaited, or with a `.catch(…)` after it) as a whole statement: the method's name. */
  const droppedMethodCall = (e: Node, resource: Variable): string | undefined => {
    let x = unwrap(e);
    if (x.type === T.AwaitExpression) x = unwrap(x.argument);
    if (x.type === T.CallExpression && calleeName(x) === 'catch' && unwrap(x.callee).type === T.MemberExpression) x = unwrap((unwrap(x.callee) as TSESTree.MemberExpression).object);
    const c = x.type === T.CallExpression ? unwrap(x.callee) : undefined;
    if (c?.type !== T.MemberExpression || unwrap(c.object).type !== T.Identifier || variableOf(sc, unwrap(c.object) as TSESTree.Identifier) !== resource) return undefined;
    const name = propertyName(c) ?? '';
    if (RELEASE_RE.test(name) || OPEN_CHECK_RE.test(name) || isDroppedProbeRead(x, ctx)) return name;
    return undefined;
  };
  ownNodes(loop, ctx, (n) => {
    if (n.type !== T.TryStatement) return;
    // A resource made in the pass just before the try.
    let resource: Variable | undefined;
    const list = n.parent && (n.parent.type === T.BlockStatement ? n.parent.body : undefined);
    const before = list ? list[list.indexOf(n) - 1] : undefined;
    const outer = before && n.parent === loop.body ? resourceOf(before) : undefined;
    if (outer) resource = outer;
    let released = false;
    const ok = n.block.body.every((st) => {
      if (!resource) {
        resource = resourceOf(st);
        if (resource) return true;
      }
      if (st.type === T.ExpressionStatement) {
        const name = resource ? droppedMethodCall(st.expression, resource) : undefined;
        if (name !== undefined) {
          if (RELEASE_RE.test(name)) released = true;
          return true;
        }
        const e = unwrap(st.expression);
        return e.type === T.CallExpression && isLogCallee(unwrap(e.callee));
      }
      if (st.type === T.ReturnStatement) {
        const a = unwrap(st.argument);
        return !a || a.type === T.Literal || (a.type === T.Identifier && a.name === 'undefined');
      }
      return st.type === T.BreakStatement;
    });
    // The resource is read only to open, check or release it (in the try or its catch).
    const onlyProbed = !!resource && resource.references.every((r) => {
      if (r.init) return true;
      let s: Node | undefined = r.identifier.parent;
      while (s && s.type !== T.ExpressionStatement && !isFunction(s)) s = s.parent;
      return s?.type === T.ExpressionStatement && droppedMethodCall(s.expression, resource!) !== undefined;
    });
    if (ok && released && onlyProbed) probes++;
    else other = true;
  });
  return probes > 0 && !other;
}

/**
 * Whether a call's arguments (or callee) index a collection by a loop counter: `send(items[i])`,
 * `hosts[i % n].get()`, or read a variable the pass took from the collection first
 * (`const node = nodes[i]; probe(node)`, `const { host } = endpoints[k]`): each pass works on
 * another element (failover, iteration), so nothing is retried (R2).
 */
/**
 * A walk over a worklist: each pass takes an item out of a collection (`const next = queue.shift()`,
 * `list.pop()`, declared in the loop body, so a new binding each pass), the loop runs only while the
 * collection has items or the item exists (the loop test or an early exit reads `queue.length` or
 * the item), and the item is never put back. Every pass then works on another input (the next
 * candidate, the next host, the next file): a search or a failover, not a retry (R2). Putting the
 * taken item back (`queue.unshift(job)`) makes the next pass run the same item: still a retry.
 */
function drainsList(loop: Loop, ctx: Ctx): boolean {
  if (loop.body.type !== T.BlockStatement) return false;
  const taken = new Set<Variable>();
  const lists = new Set<string>();
  const takenFrom = (v: Variable | undefined | null, init: TSESTree.Expression | null | undefined): void => {
    const list = takenList(init, ctx);
    if (!v || list === undefined) return;
    taken.add(v);
    lists.add(list);
  };
  const exitTests: Node[] = [];
  if (loop.type !== T.ForOfStatement && loop.test) exitTests.push(loop.test);
  for (const st of loop.body.body) {
    if (st.type === T.VariableDeclaration) {
      for (const d of st.declarations) if (d.id.type === T.Identifier) takenFrom(variableOf(ctx.sourceCode, d.id), d.init);
      continue;
    }
    if (taken.size === 0) continue;
    // `if (!next) continue;` / `if (file === undefined) break;` right after the take.
    if (st.type === T.IfStatement && !st.alternate && (alwaysExits(st.consequent) || containsContinue(st.consequent))) {
      exitTests.push(st.test);
      continue;
    }
    break;
  }
  if (taken.size === 0) return false;
  let readsList = false;
  for (const t of exitTests) {
    walk(t, ctx.sourceCode.visitorKeys, (m) => {
      if (m.type === T.Identifier) {
        const v = variableOf(ctx.sourceCode, m);
        if (v && taken.has(v)) readsList = true;
      }
      if (m.type === T.MemberExpression && propertyName(m) === 'length' && lists.has(ctx.sourceCode.getText(m.object))) readsList = true;
    });
  }
  return readsList && !putsBackIn(loop.body, taken, ctx);
}

function indexesByCounter(body: Node, cs: CounterInfo[], ctx: Ctx): boolean {
  if (cs.length === 0) return false;
  // Only a computed member whose property reads a counter picks an element (below, in a call or
  // in a variable's initialiser): with none, the walks below find nothing.
  if (!indexesSomeCounter(body, cs, ctx)) return false;
  const indexed = (root: Node): boolean => {
    let hit = false;
    walk(root, ctx.sourceCode.visitorKeys, (m) => {
      if (hit || isFunction(m)) return false;
      if (m.type === T.MemberExpression && m.computed && keyReadsCounter(m.property, cs, ctx)) hit = true;
      return undefined;
    });
    return hit;
  };
  // Variables declared in this pass from an element of a collection picked by a counter.
  const elements = new Set<Variable>();
  walk(body, ctx.sourceCode.visitorKeys, (n) => {
    if (isFunction(n)) return false;
    if (n.type === T.VariableDeclarator && n.init && indexed(n.init)) {
      // `const pause = delays[attempt]`: a delay schedule read by the attempt number is no input.
      const init = unwrap(n.init);
      if (init.type === T.MemberExpression && evaluateArray(init.object, ctx)) return undefined;
      for (const v of ctx.sourceCode.scopeManager?.getDeclaredVariables(n) ?? []) elements.add(v);
    }
    return undefined;
  });
  // …nor is a value the loop waits on (`await sleep(pause)`, `await new Promise((r) => setTimeout(r, pause))`).
  walk(body, ctx.sourceCode.visitorKeys, (n) => {
    if (isFunction(n) || elements.size === 0) return false;
    if ((n.type === T.CallExpression || n.type === T.NewExpression) && asWait(n, ctx.sourceCode, ctx.settings)) {
      walk(n, ctx.sourceCode.visitorKeys, (m) => {
        const v = m.type === T.Identifier ? variableOf(ctx.sourceCode, m) : undefined;
        if (v) elements.delete(v);
      });
      return false;
    }
    return undefined;
  });
  let found = false;
  walk(body, ctx.sourceCode.visitorKeys, (n) => {
    if (found || isFunction(n)) return false;
    if ((n.type === T.CallExpression || n.type === T.NewExpression) && asWait(n, ctx.sourceCode, ctx.settings)) return false;
    // A log line that names the element (`log(`next in ${pause} ms`)`) works on nothing.
    if (n.type === T.CallExpression && isReportingCall(n)) return false;
    if (n.type === T.CallExpression) {
      walk(n, ctx.sourceCode.visitorKeys, (m) => {
        if (found || isFunction(m)) return false;
        if (m.type === T.MemberExpression && m.computed && keyReadsCounter(m.property, cs, ctx)) {
          found = true;
        }
        if (m.type === T.Identifier && elements.size > 0) {
          const v = variableOf(ctx.sourceCode, m);
          if (v && elements.has(v)) found = true;
        }
        return undefined;
      });
    }
    return undefined;
  });
  return found;
}

/**
 * Whether the loop's only wait is in this try's catch: a pass that succeeds goes round at once (the
 * next batch of a drain), one that fails pauses first (`catch { failed++; …; await sleep(1000) }`)
 * and runs the same pass again: a backoff retry of that pass, whatever ends the walk. A `for…of`
 * moves on to its next item instead.
 */
function waitsOnlyOnFailure(tryStmt: TSESTree.TryStatement, loop: Loop, ctx: Ctx): boolean {
  if (loop.type === T.ForOfStatement || !tryStmt.handler) return false;
  const handler = tryStmt.handler;
  let inCatch = false;
  let elsewhere = false;
  walk(loop.body, ctx.sourceCode.visitorKeys, (n) => {
    if (elsewhere || isFunction(n)) return false;
    if ((n.type === T.CallExpression || n.type === T.NewExpression) && asWait(n, ctx.sourceCode, ctx.settings)) {
      if (contains(handler, n)) inCatch = true;
      else elsewhere = true;
      return false;
    }
    return undefined;
  });
  return inCatch && !elsewhere;
}

/**
 * Polling that tolerates errors: the try leaves the loop only when a state check says done
 * (`if (job.done) return job`), not when the operation succeeds. A status check (`res.ok`,
 * `status === 200`) is a success check, so it still makes a retry.
 */
function leavesOnlyOnState(block: TSESTree.BlockStatement, ctx: Ctx): boolean {
  const exits: Node[] = [];
  walk(block, ctx.sourceCode.visitorKeys, (n) => {
    if (isFunction(n)) return false;
    if (n.type === T.ReturnStatement || n.type === T.BreakStatement) exits.push(n);
    return undefined;
  });
  if (exits.length === 0) return false;
  return exits.every((e) => {
    for (let p: Node | undefined = e.parent; p && p !== block; p = p.parent) {
      if (p.type === T.IfStatement && (contains(p.consequent, e) || (p.alternate && contains(p.alternate, e)))) {
        // `if (live) { pipe(res); return; } else { return res.json(); }`: both branches leave, so
        // the test only picks how the success leaves, not whether it does.
        if (leavesOnEveryPath(p.consequent) && leavesOnEveryPath(p.alternate)) continue;
        // Also a test the answer decides (`res.ok || !transient(res.status)` with a same-file predicate).
        const statusCheck = okCheck(p.test, ctx.sourceCode) !== undefined || statusesTested(p.test, ctx.sourceCode).length > 0 || isRetryPredicate(p.test) || reportsItsWork(p.test) || decidedByAnswer(p.test, ctx.sourceCode) || resultOrThrow(p, block, ctx);
        if (!statusCheck) return !repairsAfter(p, ctx);
      }
      // `switch (run.status) { case Status.Failed: return run; … }`: a case of the answer's state
      // (not of an HTTP status) leaves; the other states go round.
      if (p.type === T.SwitchCase && p.test && statesCase(p.test, ctx)) return true;
    }
    return false;
  });
}

/** A `case` that names a state, not a number: `case 'done':`, `case RunStatus.Failure:` (a string or enum member). */
function statesCase(test: Node, ctx: Ctx): boolean {
  const u = unwrap(test);
  if (constantNumber(ctx.sourceCode, u) !== undefined) return false;
  if (u.type === T.Literal) return typeof u.value === 'string';
  // (`case HttpStatus.TOO_MANY_REQUESTS:` names a status.)
  return u.type === T.MemberExpression && !u.computed && unwrap(u.object).type === T.Identifier && statusByName(propertyName(u) ?? '') === undefined;
}

/**
 * `const id = await upload(buf); if (id) return id; throw new Error('upload returned nothing')`: the
 * test reads what an awaited call of the attempt gave, and the other way throws (the next statement,
 * or the `else`): the code raises its own failure for an empty result, and the catch takes it. The
 * test is the attempt's success check, not a state the loop waits for.
 */
function resultOrThrow(ifStmt: TSESTree.IfStatement, block: TSESTree.BlockStatement, ctx: Ctx): boolean {
  const parent = ifStmt.parent;
  const next = parent?.type === T.BlockStatement ? parent.body[parent.body.indexOf(ifStmt) + 1] : undefined;
  const throwsOtherwise = ifStmt.alternate ? lastIsThrow(ifStmt.alternate) : next?.type === T.ThrowStatement;
  if (!throwsOtherwise) return false;
  let reads = false;
  walk(ifStmt.test, ctx.sourceCode.visitorKeys, (m) => {
    if (reads || isFunction(m)) return false;
    if (m.type !== T.Identifier) return undefined;
    const v = variableOf(ctx.sourceCode, m);
    const def = v?.defs.length === 1 ? v.defs[0] : undefined;
    const decl = def?.type === 'Variable' ? (def.node as TSESTree.VariableDeclarator) : undefined;
    const init = decl?.init ? unwrap(decl.init) : undefined;
    if (decl && contains(block, decl) && init?.type === T.AwaitExpression && unwrap(init.argument).type === T.CallExpression) reads = true;
    return undefined;
  });
  return reads;
}

/** Whether a test's value on a success differs from its value on some failed answer (flow.ts' outcomes). */
function decidedByAnswer(test: Node, sourceCode: TSESLint.SourceCode): boolean {
  const onSuccess = evalTest(test, SUCCESS, sourceCode);
  if (onSuccess === undefined) return false;
  return failuresIn(test, sourceCode).some((o) => {
    if (o.kind !== 'status') return false;
    const v = evalTest(test, o, sourceCode);
    return v !== undefined && v !== onSuccess;
  });
}

/**
 * Whether the statements after a state check that leaves (`if (await svc.healthy()) return`) run
 * an operation of their own: an awaited call made for its effect, not a wait or a log, that does not
 * hand on what the check read (`await svc.restart()`, `await tunnel.open(endpoint)`). The loop then
 * repairs and goes round to verify: the check is the success test of that operation, which is run
 * again after each failure (a retry), not a look at a state something else changes (polling).
 */
function repairsAfter(check: TSESTree.IfStatement, ctx: Ctx): boolean {
  const holder = check.parent;
  if (holder?.type !== T.BlockStatement) return false;
  const read = new Set<Variable>();
  walk(check.test, ctx.sourceCode.visitorKeys, (m) => {
    if (m.type === T.Identifier) {
      const v = variableOf(ctx.sourceCode, m);
      if (v) read.add(v);
    }
    return undefined;
  });
  return holder.body.slice(holder.body.indexOf(check) + 1).some((st) => {
    if (st.type !== T.ExpressionStatement) return false;
    const e = unwrap(st.expression);
    const call = e.type === T.AwaitExpression ? unwrap(e.argument) : undefined;
    if (call?.type !== T.CallExpression || isLogCallee(unwrap(call.callee)) || asWait(call, ctx.sourceCode, ctx.settings)) return false;
    return !call.arguments.some((a) => readsVariable(a, read, ctx));
  });
}

/**
 * A test that is the yes or no of a call named for doing work (`await provider.sendEmail(…)`,
 * `!(await client.connect())`): the operation's own success, not a polled state.
 */
function reportsItsWork(test: Node): boolean {
  let t = unwrap(test);
  while (t.type === T.UnaryExpression && t.operator === '!') t = unwrap(t.argument);
  if (t.type === T.AwaitExpression) t = unwrap(t.argument);
  return t.type === T.CallExpression && ACTION_CALL_RE.test(calleeName(t) ?? '');
}

/**
 * Polling written with a state flag: the try does not leave the loop; it sets a variable the loop's
 * test reads to what a call answered (`while (!healthy) { try { healthy = await check(url); … }
 * catch { … } }`), so a call that succeeds but answers "not yet" goes round too. A flag set to a
 * constant (`done = true` after the operation) marks success and makes a retry; a status test
 * (`while (res.status !== 200)`) is a success check and does too.
 */
function setsStateFlag(block: TSESTree.BlockStatement, loop: Loop, ctx: Ctx): boolean {
  if ((loop.type !== T.WhileStatement && loop.type !== T.DoWhileStatement) || !loop.test) return false;
  if (okCheck(loop.test, ctx.sourceCode) !== undefined || statusesTested(loop.test, ctx.sourceCode).length > 0 || hasNotOk(loop.test)) return false;
  const flags = testFlags(loop, ctx);
  let leaves = false;
  let sets = false;
  walk(block, ctx.sourceCode.visitorKeys, (n) => {
    if (isFunction(n)) return false;
    if (n.type === T.ReturnStatement || (n.type === T.BreakStatement && !insideInnerBreakable(n, loop))) leaves = true;
    if (n.type === T.AssignmentExpression && n.operator === '=' && n.left.type === T.Identifier) {
      const v = variableOf(ctx.sourceCode, n.left);
      let value = unwrap(n.right);
      if (value.type === T.AwaitExpression) value = unwrap(value.argument);
      if (v && flags.has(v) && (value.type === T.CallExpression || value.type === T.MemberExpression)) sets = true;
    }
    return undefined;
  });
  if (!sets || leaves) return false;
  // …and the answer "not yet" is expected: a wait outside the catch (in the try, or after it) is taken
  // when the call succeeded, before going round. Without one, a success is meant to end the loop.
  const handler = block.parent?.type === T.TryStatement ? block.parent.handler : undefined;
  let waitsOnSuccess = false;
  walk(loop.body, ctx.sourceCode.visitorKeys, (n) => {
    if (waitsOnSuccess || isFunction(n) || n === handler) return false;
    if ((n.type === T.CallExpression || n.type === T.NewExpression) && asWait(n, ctx.sourceCode, ctx.settings) && isAwaited(n, ctx.sourceCode)) waitsOnSuccess = true;
    return undefined;
  });
  return waitsOnSuccess;
}

/**
 * Whether every path through the statement leaves by `return` or `break` (a `throw` or `continue`
 * on some path does not count): an if/else both of whose branches leave, a block with such a
 * statement, a plain `return`.
 */
function leavesOnEveryPath(stmt: Node | null | undefined): boolean {
  if (!stmt) return false;
  switch (stmt.type) {
    case T.ReturnStatement:
    case T.BreakStatement:
      return true;
    case T.BlockStatement:
      return stmt.body.some((s) => leavesOnEveryPath(s)) && !stmt.body.some((s) => containsContinue(s));
    case T.IfStatement:
      return leavesOnEveryPath(stmt.consequent) && leavesOnEveryPath(stmt.alternate);
    default:
      return false;
  }
}

/**
 * The loop moves on to something else after a failure: a variable the try's operation reads is
 * reassigned (`current = path.dirname(current)`), or a field it reads is replaced
 * (`this.cursor = this.open(token)`, in the catch or in a same-file method the catch calls), so
 * the next pass is a different operation (walking up a tree, trying the next candidate, reading
 * from a resumed cursor), not a retry of the failed one.
 */
function nextPassDiffers(tryStmt: TSESTree.TryStatement, loop: Loop, cs: CounterInfo[], ctx: Ctx): boolean {
  const reassigned = new Set<Variable>();
  // The body's assignments (not in nested functions) from its summary, those in the try's block left out.
  for (const n of assignmentsAndCalls(loop.body, ctx)) {
    if (n.type === T.AssignmentExpression && n.left.type === T.Identifier && !contains(tryStmt.block, n) && !besideWaitingPath(n, loop, ctx)) {
      const v = variableOf(ctx.sourceCode, n.left);
      if (v && !cs.some((c) => c.variable === v) && !holdsFailureOnly(v, ctx)) reassigned.add(v);
    }
  }
  if (tryStmt.handler && advancesInputSource(tryStmt, ctx)) return true;
  // Each pass draws a new candidate the operation takes (a random port, a port finder's free port): a walk over candidates.
  if (drawsInputAtRandom(loop.body, ctx)) return true;
  // The shared data-flow rule (input-change.ts): the pass writes a new value to something the try's
  // operation takes (`port += 1` with `listen(port)`), or the operation takes a value the pass got
  // from a same-file function that moves its state on (`const url = this.nextEndpoint()` with
  // `this.index = (this.index + 1) % n` in it): the next pass works on another input.
  const changed = inputWrites(loop.body, ctx, loop.body).filter((w) => operationTakes(tryStmt.block, w.slot, ctx));
  if (changed.some((w) => !besideWaitingPath(w.node, loop, ctx)) || takesAdvancedValue(tryStmt.block, loop, ctx)) return true;
  // The pass asks a person again (`answer = await rl.question(…)`): a re-prompt, on a new answer.
  if (readsFromPerson(tryStmt.block, ctx)) return true;
  const fields = replacedFields(loop.body, tryStmt.block, ctx);
  if (reassigned.size === 0 && fields.size === 0) return false;
  // What a pass derives from them before the try (`const client = pick(remaining)` with `remaining`
  // narrowed in the catch): the operation then runs on another target.
  if (reassigned.size > 0) {
    walk(loop.body, ctx.sourceCode.visitorKeys, (n) => {
      if (isFunction(n) || n === tryStmt) return false;
      if (n.type === T.VariableDeclarator && n.id.type === T.Identifier && n.init && readsVariable(n.init, reassigned, ctx)) {
        const v = variableOf(ctx.sourceCode, n.id);
        if (v) reassigned.add(v);
      }
      return undefined;
    });
  }
  let reads = false;
  walk(tryStmt.block, ctx.sourceCode.visitorKeys, (n) => {
    if (reads || isFunction(n)) return false;
    // Arithmetic, logging, a wait or a timer reading it (`pause = Math.min(pause * 2, cap)`) is no operation on it,
    // nor a report to the caller's hook (`opts.onRetry?.(attempt + 1, lastErr)`).
    if (n.type === T.CallExpression && isWorkingCall(n, ctx) && !isReportingCall(n)) {
      for (const part of [n.callee, ...n.arguments]) {
        walk(part, ctx.sourceCode.visitorKeys, (m) => {
          if (m.type === T.Identifier) {
            const v = variableOf(ctx.sourceCode, m);
            if (v && reassigned.has(v)) reads = true;
          }
          if (m.type === T.MemberExpression && unwrap(m.object).type === T.ThisExpression && fields.has(propertyName(m) ?? '')) reads = true;
        });
      }
    }
    return undefined;
  });
  return reads;
}

/**
 * Whether a write that corrects the next pass's input is on some paths only: it sits in a branch of
 * an `if` chain beside another branch that waits and goes round without that write
 * (`if (allowancePending) await sleep(15_000); else if (slippage) slip += 25; else break;`). The
 * waiting branch re-runs the same operation after a pause: that path is a retry, whatever the
 * corrected one is.
 */
function besideWaitingPath(write: Node, loop: Loop, ctx: Ctx): boolean {
  const target = write.type === T.AssignmentExpression ? write.left : write.type === T.UpdateExpression ? write.argument : undefined;
  if (!target) return false;
  const text = ctx.sourceCode.getText(target);
  const waits = awaitedWaits(loop.body, ctx);
  const writesSame = (b: Node): boolean => {
    let found = false;
    walk(b, ctx.sourceCode.visitorKeys, (n) => {
      if (found || isFunction(n)) return false;
      const t = n.type === T.AssignmentExpression ? n.left : n.type === T.UpdateExpression ? n.argument : undefined;
      if (t && ctx.sourceCode.getText(t) === text) found = true;
      return undefined;
    });
    return found;
  };
  for (let child: Node = write, p = write.parent; p && p !== loop; child = p, p = p.parent) {
    if (isFunction(p)) return false;
    if (p.type !== T.IfStatement || child === p.test) continue;
    let top: TSESTree.IfStatement = p;
    while (top.parent?.type === T.IfStatement && top.parent.alternate === top) top = top.parent;
    const branches: Node[] = [];
    for (let s: TSESTree.IfStatement | undefined = top; s; ) {
      branches.push(s.consequent);
      const alt: TSESTree.Statement | null = s.alternate;
      if (alt?.type === T.IfStatement) s = alt;
      else {
        if (alt) branches.push(alt);
        s = undefined;
      }
    }
    if (branches.some((b) => !contains(b, write) && !alwaysExits(b) && waits.some((w) => contains(b, w)) && !writesSame(b))) return true;
  }
  return false;
}

/**
 * Whether every value a variable is given is the failure: the caught error (`lastErr = err`,
 * `lastErr = err instanceof Error ? err : new Error(String(err))`) or an error made for it
 * (`problem = new Error(\`status ${res.status}\`)`). Such a variable records what went wrong; it is
 * no input a later pass works on, whatever a hook is handed it.
 */
function holdsFailureOnly(v: Variable, ctx: Ctx): boolean {
  const writes = v.references.filter((r) => r.isWrite() && r.writeExpr);
  if (writes.length === 0) return false;
  return writes.every((r) => {
    const e = unwrap(r.writeExpr as Node);
    if (e.type === T.Literal && e.value === null) return true;
    if (e.type === T.Identifier && e.name === 'undefined') return true;
    if (e.type === T.NewExpression && /(?:Error|Exception)$/.test(calleeName(e) ?? '')) return true;
    let caught = false;
    walk(e, ctx.sourceCode.visitorKeys, (m) => {
      if (caught || isFunction(m)) return false;
      if (m.type === T.Identifier) {
        const def = variableOf(ctx.sourceCode, m)?.defs[0];
        if (def?.type === 'CatchClause') caught = true;
      }
      return undefined;
    });
    return caught;
  });
}

/**
 * The try's operation takes a value declared in the loop body from a call of a same-file function
 * or method that writes its own state to a new value (input-change.ts `inputWrites`: a cursor or an
 * index moved on), so each pass is handed the next value of a moving source.
 */
function takesAdvancedValue(block: Node, loop: Loop, ctx: Ctx): boolean {
  for (const n of nodesWithin(loop.body, ctx.sourceCode, declaratorsMemo, isCallDeclarator, false)) {
    let init = unwrap(n.init!);
    if (init.type === T.AwaitExpression) init = unwrap(init.argument);
    if (init.type !== T.CallExpression) continue;
    const target = sameFileFunction(init.callee, ctx);
    if (!target || contains(target, loop) || inputWrites(target.body, ctx, target).length === 0) continue;
    const v = variableOf(ctx.sourceCode, n.id);
    if (v && operationTakes(block, { kind: 'variable', variable: v }, ctx)) return true;
  }
  return false;
}

const declaratorsMemo = fileMemo<Node, Run<TSESTree.VariableDeclarator & { id: TSESTree.Identifier }>>();

/** `const name = <init>` with a plain name and an initialiser (the candidates {@link takesAdvancedValue} reads). */
function isCallDeclarator(n: Node): n is TSESTree.VariableDeclarator & { id: TSESTree.Identifier } {
  return n.type === T.VariableDeclarator && n.id.type === T.Identifier && !!n.init;
}

/**
 * The request's target moves on between passes: the address a request goes to (an HTTP call's
 * first argument) reads a variable from outside the loop body that the body reassigns from what
 * the pass produced (`target = new URL(reply.headers.get('location'), target).href`, `endpoint =
 * backup` with `const backup = res.headers.get(…)`). The next pass asks another target (a redirect
 * followed, a fallback endpoint): a walk over different inputs, not a retry (R2). A target re-read
 * from the same unchanged source each pass (`url = config.url`) is the same request again.
 */
function retargetsRequest(loop: Loop, cs: CounterInfo[], ctx: Ctx): boolean {
  const sc = ctx.sourceCode;
  const moved = new Set<Variable>();
  const passLocal = (root: Node, self: Variable): boolean => {
    let hit = false;
    walk(root, sc.visitorKeys, (m) => {
      if (hit) return false;
      if (m.type === T.Identifier) {
        const v = variableOf(sc, m);
        const decl = v?.defs[0]?.name;
        if (v && (v === self || (decl && contains(loop.body, decl) && !cs.some((c) => c.variable === v)))) hit = true;
      }
      return undefined;
    });
    return hit;
  };
  for (const n of assignmentsAndCalls(loop.body, ctx)) {
    if (n.type !== T.AssignmentExpression || n.left.type !== T.Identifier) continue;
    const v = variableOf(sc, n.left);
    const decl = v?.defs[0]?.name;
    if (!v || !decl || contains(loop.body, decl) || cs.some((c) => c.variable === v)) continue;
    const rhs = unwrap(n.right);
    if (rhs.type === T.Identifier && variableOf(sc, rhs) === v) continue;
    if (passLocal(n.right, v)) moved.add(v);
  }
  if (moved.size === 0) return false;
  let retargets = false;
  ownNodes(loop, ctx, (n) => {
    if (retargets || n.type !== T.CallExpression || !n.arguments[0] || !(describeHttpCall(sc, n, ctx.settings) || requestsInside(n, ctx))) return;
    walk(n.arguments[0], sc.visitorKeys, (m) => {
      if (m.type === T.Identifier) {
        const v = variableOf(sc, m);
        if (v && moved.has(v)) retargets = true;
      }
      return undefined;
    });
  });
  return retargets;
}

/** A call of a same-file function that makes an HTTP request itself (`const probe = (u) => fetch(u).then(…)`). */
function requestsInside(call: TSESTree.CallExpression, ctx: Ctx): boolean {
  const fn = sameFileFunction(call.callee, { sourceCode: ctx.sourceCode });
  if (!fn) return false;
  let found = false;
  walk(fn.body, ctx.sourceCode.visitorKeys, (m) => {
    if (found) return false;
    if (m.type === T.CallExpression && describeHttpCall(ctx.sourceCode, m, ctx.settings)) found = true;
    return undefined;
  });
  return found;
}

/**
 * The `this` fields replaced by a new object (`this.x = open()`, `this.x = await connect(…)`, not
 * a count or a flag) in `region` outside `skip`, directly or in a same-file function or method it
 * calls (two calls deep).
 */
/**
 * Where a call's value comes from, as a key two calls can share: the module of an imported function
 * (`import { current, advance } from './hosts'`), the object of a method (`mirrors.current()` and
 * `mirrors.next()`), or, for a same-file function, each outer variable it reads (`writes`: writes).
 */
function sourceKeys(call: TSESTree.CallExpression, ctx: Ctx, writes = false): { keys: Set<string>; name: string } | undefined {
  const callee = unwrap(call.callee);
  const keys = new Set<string>();
  if (callee.type === T.MemberExpression && !callee.computed) {
    const object = unwrap(callee.object);
    if (object.type === T.ThisExpression) {
      // A method of the class: the fields it reads (`writes`: assigns or steps).
      const method = sameFileFunction(callee, ctx);
      if (method) {
        walk(method.body, ctx.sourceCode.visitorKeys, (m) => {
          if (m.type !== T.MemberExpression || unwrap(m.object).type !== T.ThisExpression) return undefined;
          const p = m.parent;
          const written = (p?.type === T.AssignmentExpression && p.left === m) || (p?.type === T.UpdateExpression && p.argument === m);
          if (!writes || written) keys.add(`field:${propertyName(m) ?? ''}`);
          return undefined;
        });
      }
    } else if (object.type === T.Identifier || object.type === T.MemberExpression) keys.add(`object:${ctx.sourceCode.getText(object)}`);
    return keys.size > 0 ? { keys, name: propertyName(callee) ?? '' } : undefined;
  }
  if (callee.type !== T.Identifier) return undefined;
  const fn = sameFileFunction(callee, ctx);
  if (fn) {
    walk(fn.body, ctx.sourceCode.visitorKeys, (m) => {
      if (m.type !== T.Identifier) return undefined;
      const v = variableOf(ctx.sourceCode, m);
      const decl = v?.defs[0];
      const written = !writes || v?.references.some((r) => r.identifier === m && r.isWrite());
      if (v && decl && written && decl.type === 'Variable' && !contains(fn, decl.name) && !(decl.node.init && isFunction(decl.node.init))) keys.add(`var:${v.name}:${decl.name.range[0]}`);
      return undefined;
    });
  } else {
    const v = variableOf(ctx.sourceCode, callee);
    const def = v?.defs[0];
    if (def?.type === 'ImportBinding' && def.parent?.type === T.ImportDeclaration) keys.add(`module:${def.parent.source.value}`);
  }
  return keys.size > 0 ? { keys, name: callee.name } : undefined;
}

/**
 * The catch moves on a source the attempt's input is read from: the input is a call made afresh
 * on every pass (`work(activeHost())`, `send(pool.current(), msg)`) and the catch makes a call of
 * its own for effect on the same source (`advanceHost()` from the same module, `pool.next()` on the
 * same object, a same-file function that writes a variable the getter reads). The next pass works
 * on another input: failover, not a retry (PRODUCT: "failover to another node").
 */
function advancesInputSource(tryStmt: TSESTree.TryStatement, ctx: Ctx): boolean {
  const getters: { keys: Set<string>; name: string }[] = [];
  walk(tryStmt.block, ctx.sourceCode.visitorKeys, (n) => {
    if (isFunction(n)) return false;
    if (n.type !== T.CallExpression) return undefined;
    for (const a of n.arguments) {
      const u = unwrap(a);
      const inner = u.type === T.AwaitExpression ? unwrap(u.argument) : u;
      if (inner.type !== T.CallExpression || asWait(inner, ctx.sourceCode, ctx.settings)) continue;
      const k = sourceKeys(inner, ctx);
      if (k) getters.push(k);
    }
    return undefined;
  });
  if (getters.length === 0) return false;
  let advances = false;
  for (const st of tryStmt.handler!.body.body) {
    if (st.type !== T.ExpressionStatement) continue;
    let e = unwrap(st.expression);
    if (e.type === T.AwaitExpression) e = unwrap(e.argument);
    if (e.type !== T.CallExpression || e.arguments.length > 0 || isLogCallee(unwrap(e.callee)) || asWait(e, ctx.sourceCode, ctx.settings)) continue;
    const k = sourceKeys(e, ctx, true);
    // Reconnecting or resetting the same source and going again is a retry (PRODUCT: a reconnect).
    if (k && (RESTART_RE.test(k.name) || /re(set|fresh|connect|init)/i.test(k.name))) continue;
    if (k && getters.some((g) => g.name !== k.name && [...g.keys].some((key) => k.keys.has(key)))) advances = true;
  }
  return advances;
}

function replacedFields(region: Node, skip: Node, ctx: Ctx, depth = 0, seen = new Set<Node>()): Set<string> {
  const out = new Set<string>();
  const visit = (n: Node): void => {
    if (n.type === T.AssignmentExpression && n.operator === '=') {
      const left = unwrap(n.left);
      let right = unwrap(n.right);
      if (right.type === T.AwaitExpression) right = unwrap(right.argument);
      const name = left.type === T.MemberExpression && unwrap(left.object).type === T.ThisExpression ? propertyName(left) : undefined;
      if (name && (right.type === T.CallExpression || right.type === T.NewExpression)) out.add(name);
    }
    if (n.type === T.CallExpression && depth < 2) {
      const target = sameFileFunction(n.callee, ctx);
      if (target && !seen.has(target) && !contains(target, region)) {
        seen.add(target);
        for (const f of replacedFields(target.body, skip, ctx, depth + 1, seen)) out.add(f);
      }
    }
  };
  if (depth === 0 && contains(region, skip)) {
    // The region's assignments and calls from its summary, in walk order, those in `skip` left out.
    for (const n of assignmentsAndCalls(region, ctx)) if (!contains(skip, n)) visit(n);
  } else {
    walk(region, ctx.sourceCode.visitorKeys, (n) => {
      if (n === skip || (n !== region && isFunction(n))) return false;
      visit(n);
      return undefined;
    });
  }
  return out;
}

const assignmentsAndCallsMemo = fileMemo<Node, Run<TSESTree.AssignmentExpression | TSESTree.CallExpression>>();
const isAssignmentOrCall = (n: Node): n is TSESTree.AssignmentExpression | TSESTree.CallExpression => (n.type === T.AssignmentExpression && n.operator === '=') || n.type === T.CallExpression;

/** The `=` assignments and the calls of a region (not in nested functions), in walk order, summarised bottom-up over nested loops. */
function assignmentsAndCalls(region: Node, ctx: Ctx): Run<TSESTree.AssignmentExpression | TSESTree.CallExpression> {
  return nodesWithin(region, ctx.sourceCode, assignmentsAndCallsMemo, isAssignmentOrCall, false);
}

const computedMembersMemo = fileMemo<Node, Run<TSESTree.MemberExpression>>();
const isComputedMember = (n: Node): n is TSESTree.MemberExpression => n.type === T.MemberExpression && n.computed;

/**
 * Whether some computed member of the region (`items[i]`, not in nested functions) has a
 * property that reads one of the counters: the computed members come from the region's summary.
 */
function indexesSomeCounter(region: Node, cs: readonly CounterInfo[], ctx: Ctx): boolean {
  return nodesWithin(region, ctx.sourceCode, computedMembersMemo, isComputedMember, false).some((m) => keyReadsCounter(m.property, cs, ctx));
}

const identifierArgumentsMemo = fileMemo<Node, Run<TSESTree.Identifier>>();
const isIdentifierArgument = (n: Node): n is TSESTree.Identifier => n.type === T.Identifier && isCallArgument(n);

/** Whether the identifier is a call's argument (through the wrappers `unwrap` strips). */
function isCallArgument(id: Node): boolean {
  let cur = id;
  while (cur.parent && unwrap(cur.parent) !== cur.parent && (cur.parent as { expression?: Node }).expression === cur) cur = cur.parent;
  const p = cur.parent;
  return p?.type === T.CallExpression && p.arguments.includes(cur as TSESTree.CallExpressionArgument);
}

/**
 * Whether the try runs on one pass of the loop only: it sits in the branch of a test that the pass
 * counter equals a constant (`if (i === 0) { try { … } catch { /* parse it another way *\/ } }`), so
 * the next pass cannot run it again (a parser's first-key special case, not a retry).
 */
function onOnePassOnly(tryStmt: TSESTree.TryStatement, loop: Loop, cs: readonly CounterInfo[], ctx: Ctx): boolean {
  if (cs.length === 0) return false;
  for (let c: Node = tryStmt, p: Node | undefined = tryStmt.parent; p && p !== loop; c = p, p = p.parent) {
    if (p.type !== T.IfStatement || c !== p.consequent) continue;
    const t = unwrap(p.test);
    const terms = t.type === T.LogicalExpression && t.operator === '&&' ? logicalTerms(t, '&&') : [t];
    for (const term of terms) {
      if (term.type !== T.BinaryExpression || (term.operator !== '===' && term.operator !== '==')) continue;
      const sides = [unwrap(term.left as Node), unwrap(term.right)];
      if (sides.some((s) => cs.some((k) => isCounter(s, k, ctx))) && sides.some((s) => constantNumber(ctx.sourceCode, s) !== undefined || s.type === T.Literal)) return true;
    }
  }
  return false;
}

/**
 * After a failure the loop always leaves: the catch sets a flag (or stores the error) that an `if`
 * after the try tests before returning, throwing or breaking, or sets a flag the loop test reads to the
 * value that ends the loop (`catch { reading = false }` with `while (reading)`): a stream read loop, not a retry.
 */
function failureLeaves(tryStmt: TSESTree.TryStatement, loop: Loop, cs: CounterInfo[], ctx: Ctx): boolean {
  const handler = tryStmt.handler;
  if (!handler) return false;
  // `catch { reading = false }` with `while (reading)`: every failure ends the loop through its test.
  const flags = testFlags(loop, ctx);
  if (handler.body.body.some((st) => st.type === T.ExpressionStatement && setsFlagToConstant(st, flags, ctx))) return true;
  const set = new Set<Variable>();
  walk(handler.body, ctx.sourceCode.visitorKeys, (n) => {
    if (isFunction(n)) return false;
    if (n.type === T.AssignmentExpression && n.operator === '=' && n.left.type === T.Identifier) {
      const v = variableOf(ctx.sourceCode, n.left);
      if (v) set.add(v);
    }
    return undefined;
  });
  if (set.size === 0 || tryStmt.parent !== loop.body || loop.body.type !== T.BlockStatement) return false;
  const after = loop.body.body.slice(loop.body.body.indexOf(tryStmt) + 1);
  return after.some((st) => {
    if (st.type !== T.IfStatement || !alwaysExits(st.consequent) || containsContinue(st.consequent)) return false;
    let flag = false;
    let counter = false;
    walk(st.test, ctx.sourceCode.visitorKeys, (m) => {
      if (m.type === T.Identifier) {
        const v = variableOf(ctx.sourceCode, m);
        if (v && set.has(v)) flag = true;
        if (countersRead(m, cs, ctx).length > 0) counter = true;
      }
    });
    return flag && !counter;
  });
}

/** A counter that is not an attempt number (`port`, `page`) passed to the operation: each pass tries a new input. */
function passesInputCounter(body: Node, cs: CounterInfo[], ctx: Ctx): boolean {
  // An input is a counter handed to a call as an argument (below): a body whose calls take no
  // variable as an argument (from its summary) passes none.
  if (nodesWithin(body, ctx.sourceCode, identifierArgumentsMemo, isIdentifierArgument, true).length === 0) return false;
  // Which counter is an input is read from where its value goes (below), not from its name.
  const named = cs.filter((c) => c.variable);
  if (named.length === 0) return false;
  // An input is a counter handed to a call as an argument (below): when no reference of these
  // counters in the body is one, the walks below find nothing.
  if (!named.some((c) => c.variable!.references.some((r) => contains(body, r.identifier) && isCallArgument(r.identifier)))) return false;
  // A counter the loop's wait is computed from (`sleep(waits[round - 1])`) numbers the attempts: no input.
  const timesWaits = new Set<CounterInfo>();
  walk(body, ctx.sourceCode.visitorKeys, (n) => {
    if (isFunction(n)) return false;
    if ((n.type === T.CallExpression || n.type === T.NewExpression) && asWait(n, ctx.sourceCode, ctx.settings)) {
      walk(n, ctx.sourceCode.visitorKeys, (m) => {
        for (const c of countersRead(m, named, ctx)) timesWaits.add(c);
      });
      return false;
    }
    return undefined;
  });
  const inputs = named.filter((c) => !timesWaits.has(c));
  if (inputs.length === 0) return false;
  // Every input counter has a variable: an argument is one when it is a reference to any of them
  // (one set for all, not one scan per counter: nested loops bring one counter each).
  const refs = new Set<Node>(inputs.flatMap((c) => c.variable!.references.map((r) => r.identifier as Node)));
  let found = false;
  walk(body, ctx.sourceCode.visitorKeys, (n) => {
    // A promise executor runs at once, in the pass (`new Promise((ok, fail) => probe.listen(port, ok))`).
    const executor = isFunction(n) && n.parent?.type === T.NewExpression && unwrap(n.parent.callee).type === T.Identifier && (unwrap(n.parent.callee) as TSESTree.Identifier).name === 'Promise';
    if (found || (isFunction(n) && !executor)) return false;
    // A counter handed to the delay computation of a wait (`pause(spread(level, 300))`) is no input.
    if ((n.type === T.CallExpression || n.type === T.NewExpression) && asWait(n, ctx.sourceCode, ctx.settings)) return false;
    // A same-file operation that never reads the number it is handed, or only compares, logs or
    // counts with it (`attemptOnce(n, cfg)` reading `n > 1`), runs the same input on every pass.
    const handedInput = (a: Node): boolean => {
      const u = unwrap(a);
      if (u.type !== T.Identifier || !refs.has(u)) return false;
      const param = parameterHandedTo(u, ctx);
      return !param || (param.references.some((r) => r.isRead()) && !onlyBookkeeping(param, ctx));
    };
    // A count of runs (starting at -1, 0 or 1) handed to an operation the caller supplied numbers its runs.
    const runCount = (a: Node): boolean => {
      const u = unwrap(a);
      const def = u.type === T.Identifier ? variableOf(ctx.sourceCode, u)?.defs[0] : undefined;
      const init = def?.node.type === T.VariableDeclarator ? def.node.init : undefined;
      const start = init ? constantNumber(ctx.sourceCode, init) : undefined;
      return start !== undefined && Math.abs(start) <= 1;
    };
    const input = (a: Node): boolean => handedInput(a) && !(runCount(a) && callerSuppliedOperation(n as TSESTree.CallExpression, ctx));
    if (n.type === T.CallExpression && n.arguments.some(input) && !isReportingCall(n) && isOperationCall(n, body, ctx)) found = true;
    return undefined;
  });
  return found;
}

/**
 * A call of a function the caller handed in (`op(attempt)` with `op` a parameter): a helper that runs
 * what it is given again and again and tells it the count (as p-retry hands its `attemptNumber`) cannot
 * mean that number as an input of its own; it numbers the runs.
 */
function callerSuppliedOperation(call: TSESTree.CallExpression, ctx: Ctx): boolean {
  const c = unwrap(call.callee);
  if (c.type !== T.Identifier) return false;
  const v = variableOf(ctx.sourceCode, c);
  return !!v && v.defs.length === 1 && v.defs[0]!.type === 'Parameter' && !v.references.some((r) => r.isWrite() && !r.init);
}


/** The one expression a same-file function called as `callee` returns (a predicate's test), or undefined. */
export function predicateReturns(callee: Node, sourceCode: TSESLint.SourceCode): Node | undefined {
  const f = sameFileFunction(callee, { sourceCode });
  const r = f ? returnedExpressions(f, sourceCode) : [];
  return r.length === 1 ? r[0] : undefined;
}

/**
 * Whether an operation of the pass is handed a value built from the pass counter: a local made from it
 * (`const suffix = attempt === 0 ? '' : `-${attempt + 1}``) put into a field or a string it sends
 * (`create({ slug: `${base}${suffix}` })`). Each pass sends another candidate (the next free name):
 * a walk over inputs (PRODUCT, "Retry or not"). A value kept as bookkeeping (a field, local or query
 * parameter named for the attempt: `{ attempt }`, `?try=${n}`) is not an input.
 */
function passesDerivedInput(body: Node, cs: CounterInfo[], ctx: Ctx): boolean {
  const named = cs.filter((c) => c.variable);
  if (named.length === 0) return false;
  const sc = ctx.sourceCode;
  const tainted = new Set<Variable>(named.map((c) => c.variable!));
  const reads = (x: Node): boolean => readsVariable(x, tainted, ctx);
  // Made by computing (arithmetic, templates, `Math.random()`, string methods), not an answer a call gave for it.
  const computedOnly = (x: Node): boolean => isComputedValue(x, sc);
  /** Whether a write sits in a branch of a test of a counter (`if (attempt > 0) …`, `attempt ? a : b`). */
  const underCounterTest = (w: Node): boolean => {
    for (let c: Node = w, p = w.parent; p && p !== body && !isFunction(p); c = p, p = p.parent) {
      if ((p.type === T.IfStatement || p.type === T.ConditionalExpression) && c !== p.test && refsAnyCounter(p.test, named, ctx)) return true;
    }
    return false;
  };
  // Locals of the pass made from the counter (two steps: `const n = attempt + 1; const slug = `${base}-${n}``).
  for (let round = 0; round < 2; round++) {
    walk(body, sc.visitorKeys, (n) => {
      if (isFunction(n)) return false;
      // Computed from it (`attempt === 0 ? '' : `-${attempt + 1}``), not an answer a call gave for it.
      if (n.type === T.VariableDeclarator && n.id.type === T.Identifier && n.init && !BOOKKEEPING_NAME_RE.test(n.id.name) && reads(n.init) && computedOnly(n.init)) {
        const v = variableOf(sc, n.id);
        if (v) tainted.add(v);
      }
      // `if (attempt > 0) name = `${base}-${suffix()}``: a local of the pass written under a test of
      // the counter, or from a value made from it; `body.name = name`: the object then holds it.
      if (n.type === T.AssignmentExpression && n.operator === '=') {
        const left = unwrap(n.left);
        const target = left.type === T.Identifier ? left : left.type === T.MemberExpression && unwrap(left.object).type === T.Identifier ? (unwrap(left.object) as TSESTree.Identifier) : undefined;
        const v = target && variableOf(sc, target);
        const local = !!v && v.defs.length === 1 && contains(body, v.defs[0]!.name as Node) && !BOOKKEEPING_NAME_RE.test(target!.name);
        if (local && left.type === T.Identifier && !reads(left) && ((reads(n.right) && computedOnly(n.right)) || underCounterTest(n))) tainted.add(v!);
        else if (local && left.type === T.MemberExpression && reads(n.right)) tainted.add(v!);
      }
      return undefined;
    });
  }
  // Only a value made from the counter counts: the counter itself in an id (`${task}:${attempt}`) tags the attempt.
  const derived = new Set([...tainted].filter((v) => !named.some((c) => c.variable === v)));
  /** A value sent as (part of) an input: not a bookkeeping field, nor a bookkeeping query parameter. */
  // `address`: the operation's first argument, what it acts on (a path, a URL, a name). Built there from
  // the count itself (`${base}-${i}`, `base + i`, `path.join(dir, String(i))`, `parts.slice(0,
  // parts.length - i)`), it names another resource each pass, as a local made from the count does.
  const inputIn = (x: Node, key?: string, address = false): boolean => {
    const u = unwrap(x);
    if (key !== undefined && BOOKKEEPING_NAME_RE.test(key)) return false;
    const values = address ? tainted : derived;
    if (u.type === T.ObjectExpression) return u.properties.some((p) => p.type === T.Property && inputIn(p.value, propertyName(p)));
    if (u.type === T.TemplateLiteral) return u.expressions.some((e, i) => !/(attempt|retry|try|tries)\w*=$/i.test(u.quasis[i]?.value.cooked ?? '') && readsVariable(e, values, ctx));
    if (address && (u.type === T.BinaryExpression || u.type === T.CallExpression) && computedOnly(u) && readsVariable(u, tainted, ctx)) return true;
    if (u.type === T.Identifier) {
      const v = variableOf(sc, u);
      return !!v && derived.has(v);
    }
    return false;
  };
  let found = false;
  walk(body, sc.visitorKeys, (n) => {
    if (found || isFunction(n)) return false;
    if ((n.type === T.CallExpression || n.type === T.NewExpression) && asWait(n, sc, ctx.settings)) return false;
    if (n.type === T.CallExpression && !isReportingCall(n) && n.arguments.some((a, i) => a.type !== T.SpreadElement && inputIn(a, undefined, i === 0)) && isOperationCall(n, body, ctx)) found = true;
    return undefined;
  });
  return found;
}

/** A test of the answer's status: a status compared, an `.ok` test (alone or with other operands), or a retry predicate. */
function isStatusTest(test: Node, sourceCode: TSESLint.SourceCode): boolean {
  return statusesTested(test, sourceCode).length > 0 || isOkTest(test) || gatedOkCheck(test, sourceCode) !== undefined || isRetryPredicate(test, sourceCode);
}

function isOkTest(test: Node): boolean {
  const t = unwrap(test);
  if (t.type === T.UnaryExpression && t.operator === '!') return isOkTest(t.argument);
  return t.type === T.MemberExpression && propertyName(t) === 'ok';
}

function isNegated(test: Node): boolean {
  const t = unwrap(test);
  return t.type === T.UnaryExpression && t.operator === '!';
}

function containsContinue(n: Node): boolean {
  if (n.type === T.ContinueStatement) return true;
  if (n.type === T.BlockStatement) return n.body.some(containsContinue);
  if (n.type === T.IfStatement) return containsContinue(n.consequent) || (!!n.alternate && containsContinue(n.alternate));
  return false;
}

/**
 * Whether a test reads `ok` or `status` of a value its types declare an HTTP response (see
 * {@link isTypedResponse}): the request may be made out of sight, by a caller's callback.
 */
function readsTypedResponse(test: Node, sourceCode: TSESLint.SourceCode): boolean {
  let found = false;
  walk(test, sourceCode.visitorKeys, (n) => {
    if (found || isFunction(n)) return false;
    if (n.type === T.MemberExpression && (propertyName(n) === 'ok' || propertyName(n) === 'status') && isTypedResponse(sourceCode, n.object)) found = true;
    return undefined;
  });
  return found;
}

/**
 * Whether an answer the request reports as successful goes round again only after the code has
 * judged it a failure: every path on which a 2xx outcome reaches the back edge passes a statement
 * that creates an error (`lastError = new Error('no audio in the answer')`). Such an answer is a
 * failed attempt (unusable content), not a state being polled until done (PRODUCT.md: polling
 * re-checks a job or status, success path included).
 */
function successGoesRoundOnlyAsFailure(loop: Exclude<Loop, TSESTree.ForOfStatement>, sourceCode: TSESLint.SourceCode): boolean {
  const createsError = (st: Node): boolean => {
    if (st.type !== T.ExpressionStatement && st.type !== T.VariableDeclaration) return false;
    let found = false;
    walk(st, sourceCode.visitorKeys, (n) => {
      if (isFunction(n)) return false;
      if (n.type === T.NewExpression && /(?:Error|Exception)$/.test(calleeName(n) ?? '')) found = true;
      return undefined;
    });
    return found;
  };
  return waitlessBackEdge(loop, SUCCESS, sourceCode, createsError, () => undefined) === undefined;
}

/** The operands of a chain of `&&` (`a && b && c`), or the test itself. */
function conjuncts(test: Node): Node[] {
  const t = unwrap(test);
  return logicalTerms(t, '&&');
}

/** A `!res.ok` anywhere in a (compound) test. */
function hasNotOk(test: Node): boolean {
  const t = unwrap(test);
  if (t.type === T.LogicalExpression) return hasNotOk(t.left) || hasNotOk(t.right);
  return isOkTest(t) && isNegated(t);
}

/** `shouldRetry(res)`, `isRetryable(response)`: a predicate deciding to retry. */
/**
 * Whether a test is a call to a retry predicate: one named for it (`shouldRetry(err)`), or a
 * same-file function that returns a check for a failure status (`return res.status === 429`).
 */
function isRetryPredicate(test: Node, sourceCode?: TSESLint.SourceCode): boolean {
  const t = unwrap(test);
  // `shouldResend(res) && tries < 3`: a predicate joined with a bound is still the test.
  if (t.type === T.LogicalExpression && t.operator === '&&') return logicalTerms(t, '&&').some((c) => isRetryPredicate(c, sourceCode));
  // `!shouldRetry(res)`, `shouldRetry(res) !== true`: the same predicate, asked the other way round.
  if (t.type === T.UnaryExpression && t.operator === '!') return isRetryPredicate(t.argument, sourceCode);
  const flag = booleanComparison(t);
  if (flag) return isRetryPredicate(flag.operand, sourceCode);
  if (t.type !== T.CallExpression) return false;
  if (PREDICATE_RE.test(calleeNameOf(t) ?? '')) return true;
  return !!sourceCode && saysYesToFailure(t, sourceCode);
}

/**
 * A same-file predicate that says yes to a failed status (429, 5xx, any ≥ 400), in what it returns
 * or through a predicate it calls (`wantsRetry({ response, error })` → `isRetryStatus(response)`).
 */
function saysYesToFailure(call: TSESTree.CallExpression, sourceCode: TSESLint.SourceCode, depth = 0): boolean {
  const fn = sameFileFunction(call.callee, { sourceCode });
  if (!fn || depth > 1 || contains(fn, call)) return false;
  return returnedExpressions(fn, sourceCode).some(
    (r) =>
      statusesTested(r, sourceCode).some((x) => x.code >= 400 && (x.op === '===' || x.op === '==' || x.op === 'in' || x.op === '>=')) ||
      logicalTerms(r, '||').some((c) => c.type === T.CallExpression && saysYesToFailure(c, sourceCode, depth + 1)),
  );
}

function calleeNameOf(call: TSESTree.CallExpression): string | undefined {
  const c = unwrap(call.callee);
  return c.type === T.Identifier ? c.name : c.type === T.MemberExpression ? propertyName(c) : undefined;
}

/** The branch is taken on a failed response (`!res.ok`, `status === 429`, `status >= 500`). */
/**
 * The loop walks over inputs (its body writes a new value to something its request takes, the
 * next page's URL or cursor) and a failure branch goes round without that write, by `continue`:
 * the same input again. The branch must test a failure status or call it one.
 */
function retriesWithinWalk(loop: Loop, statusIfs: readonly TSESTree.IfStatement[], ctx: Ctx): boolean {
  // The walk's steps: writes in the body (not in nested functions) to something the request takes
  // (`pageUrl = page.next`, `cursor = body.cursor`, `index += 1`).
  const writes: Node[] = [];
  walk(loop.body, ctx.sourceCode.visitorKeys, (n) => {
    if (isFunction(n)) return false;
    const target = n.type === T.AssignmentExpression ? n.left : n.type === T.UpdateExpression ? n.argument : undefined;
    const slot = target && slotOf(target, ctx);
    if (slot && operationTakes(loop.body, slot, ctx)) writes.push(n);
    return undefined;
  });
  if (writes.length === 0) return false;
  return statusIfs.some((s) => failureBranch(s, ctx.sourceCode) && containsContinue(s.consequent) && writes.every((w) => !contains(s.consequent, w) && w.range[0] > s.range[1]));
}

/**
 * Items the loop body takes off a list before `before` (`const job = this.jobs.shift()!`, `.pop()`),
 * each with the list's text.
 */
function takenItems(loop: Loop, ctx: Ctx, before?: Node): Map<Variable, string> {
  const taken = new Map<Variable, string>();
  if (loop.body.type !== T.BlockStatement) return taken;
  for (const st of loop.body.body) {
    if (st.type !== T.VariableDeclaration || (before && st.range[0] > before.range[0])) continue;
    for (const d of st.declarations) {
      const v = d.id.type === T.Identifier ? variableOf(ctx.sourceCode, d.id) : undefined;
      const list = takenList(d.init, ctx);
      if (v && list !== undefined) taken.set(v, list);
    }
  }
  return taken;
}

/** The list an initialiser takes an item off (`queue.shift()`, `this.jobs.pop()!`), by its text. */
function takenList(init: Node | null | undefined, ctx: Ctx): string | undefined {
  let call = init ? unwrap(init) : undefined;
  if (call?.type === T.TSNonNullExpression) call = unwrap(call.expression);
  if (call?.type !== T.CallExpression || call.arguments.length > 0) return undefined;
  const callee = unwrap(call.callee);
  return callee.type === T.MemberExpression && ['shift', 'pop'].includes(propertyName(callee) ?? '') ? ctx.sourceCode.getText(callee.object) : undefined;
}

/** The lists a loop reads or takes an item of (`pending[0]`, `queue.at(0)`, `jobs.shift()`), outside nested functions, by their text. */
function itemLists(loop: Loop, ctx: Ctx): Set<string> {
  const lists = new Set<string>(takenItems(loop, ctx).values());
  walk(loop.body, ctx.sourceCode.visitorKeys, (n) => {
    if (isFunction(n)) return false;
    if (n.type === T.MemberExpression && n.computed && !n.optional) lists.add(ctx.sourceCode.getText(n.object));
    if (n.type === T.CallExpression && calleeName(n) === 'at' && unwrap(n.callee).type === T.MemberExpression) lists.add(ctx.sourceCode.getText((unwrap(n.callee) as TSESTree.MemberExpression).object));
    return undefined;
  });
  return lists;
}

/**
 * The loop's test reads nothing but how many items its worklists hold (`pending.length > 0`): a
 * retry of the same item leaves them as they are, so the test never ends it.
 */
function testsOnlyWorklists(loop: Loop, ctx: Ctx): boolean {
  if (loop.type === T.ForOfStatement || !loop.test) return false;
  const lists = itemLists(loop, ctx);
  let ok = true;
  let sawList = false;
  walk(loop.test, ctx.sourceCode.visitorKeys, (n) => {
    if (!ok) return false;
    if (n.type === T.MemberExpression) {
      if (propertyName(n) === 'length' && lists.has(ctx.sourceCode.getText(n.object))) sawList = true;
      else ok = false;
      return false;
    }
    // A constant by any name (`pending.length > NONE`) is a literal.
    if (n.type === T.Identifier && constantValue(ctx.sourceCode, n)) return undefined;
    if (n.type === T.Identifier || n.type === T.CallExpression) ok = false;
    return undefined;
  });
  return ok && sawList;
}

/**
 * The catch compares a count the loop steps (`job.tries >= this.maxTries` with `job.tries++`): a
 * limit on the retries of one item, whatever the counter is kept on (the item, a map, a field).
 */
function comparesCount(handler: Node, loop: Loop, ctx: Ctx): boolean {
  const stepped = new Set<string>();
  walk(loop.body, ctx.sourceCode.visitorKeys, (n) => {
    if (isFunction(n)) return false;
    if (n.type === T.UpdateExpression) stepped.add(ctx.sourceCode.getText(n.argument));
    if (n.type === T.AssignmentExpression && (n.operator === '+=' || n.operator === '-=')) stepped.add(ctx.sourceCode.getText(n.left));
    return undefined;
  });
  let found = false;
  walk(handler, ctx.sourceCode.visitorKeys, (n) => {
    if (found || isFunction(n)) return false;
    if (n.type === T.BinaryExpression && /^[<>]=?$/.test(n.operator) && n.left.type !== T.PrivateIdentifier) {
      const side = (x: Node): boolean => {
        const u = unwrap(x);
        return stepped.has(ctx.sourceCode.getText(u.type === T.UpdateExpression ? u.argument : u));
      };
      if (side(n.left) || side(n.right)) found = true;
    }
    return undefined;
  });
  return found;
}

/**
 * A loop that does other work each pass and (re)opens what that work needs only while it is
 * missing: the try sits under a test of a slot (`if (reader == null)`, `if (!this.session ||
 * this.session.dead)`), its block writes that slot (`reader = await open()`), and its catch leaves
 * the slot as it was and goes round by `continue`. After a failure the next pass finds the slot
 * still missing and makes the same call again: a reconnect retry inside a read or supervise loop.
 */
function retriesUntilSet(t: TSESTree.TryStatement, loop: Loop, ctx: Ctx): boolean {
  const { sourceCode } = ctx;
  if (!t.handler || continuesIn(t.handler.body, sourceCode.visitorKeys).length === 0) return false;
  const key = (n: Node): string | undefined => {
    const u = unwrap(n);
    if (u.type === T.Identifier) return `id:${variableOf(sourceCode, u)?.defs[0]?.name.range[0] ?? u.name}`;
    if (u.type === T.MemberExpression && unwrap(u.object).type === T.ThisExpression && !u.computed) return `this.${propertyName(u) ?? ''}`;
    return undefined;
  };
  // The slots the try block gives a value.
  const set = new Set<string>();
  walk(t.block, sourceCode.visitorKeys, (m) => {
    if (isFunction(m)) return false;
    if (m.type === T.AssignmentExpression && m.operator === '=') {
      const k = key(m.left);
      if (k) set.add(k);
    }
    return undefined;
  });
  if (set.size === 0) return false;
  // The catch leaves them alone.
  let rewrites = false;
  walk(t.handler.body, sourceCode.visitorKeys, (m) => {
    if (rewrites || isFunction(m)) return false;
    if (m.type === T.AssignmentExpression) {
      const k = key(m.left);
      if (k && set.has(k)) rewrites = true;
    }
    return undefined;
  });
  if (rewrites) return false;
  // An enclosing `if` (inside the loop) whose test asks whether one of them is missing.
  for (let c: Node = t, p: Node | undefined = t.parent; p && p !== loop; c = p, p = p.parent) {
    if (isFunction(p)) return false;
    if (p.type !== T.IfStatement || p.consequent !== c) continue;
    if (testsMissing(p.test, (x) => {
      const k = key(x);
      return !!k && set.has(k);
    })) return true;
  }
  return false;
}

/**
 * A loop whose test needs a flag that only the catch turns on (`let busy = false; do { try { await
 * run() } catch (e) { if (e.code === 'EAGAIN') busy = true; else throw e } } while (busy && n <= 3)`):
 * it goes round only after a failure, on the same work.
 */
function catchSetsLoopFlag(t: TSESTree.TryStatement, loop: Loop, ctx: Ctx): boolean {
  const { sourceCode } = ctx;
  if (!t.handler || loop.type === T.ForOfStatement || !loop.test) return false;
  for (const term of logicalTerms(loop.test, '&&')) {
    const u = unwrap(term);
    if (u.type !== T.Identifier) continue;
    const v = variableOf(sourceCode, u);
    const def = v?.defs[0];
    if (!v || def?.type !== 'Variable' || def.node.type !== T.VariableDeclarator || contains(loop, def.node)) continue;
    if (def.node.init && !isFalsyConstant(def.node.init)) continue;
    // Every truthy write is in this catch; any other write only turns it off.
    const writes = v.references.filter((r) => r.isWrite() && r.identifier !== def.node.id);
    const truthy = writes.filter((r) => {
      const w = r.identifier.parent;
      return w?.type !== T.AssignmentExpression || w.operator !== '=' || !isFalsyConstant(w.right);
    });
    if (truthy.length > 0 && truthy.every((r) => contains(t.handler!.body, r.identifier))) return true;
  }
  return false;
}

/**
 * Whether each pass hands a same-file function the items that failed last time: it is given the
 * contents of a list (`const again = [...failed]; failed.length = 0; await sendAll(again)`) that the
 * file adds to only on failure paths (`.catch((e) => failed.push(i))`, the else of an OK test, a
 * catch, or a function called only from such paths). A round of retries of the failed items.
 */
function resendsFailedStore(loop: Loop, ctx: Ctx): boolean {
  const { sourceCode } = ctx;
  const copyOf = (e: Node): Variable | undefined => {
    let u = unwrap(e);
    if (u.type === T.ArrayExpression && u.elements.length === 1 && u.elements[0]?.type === T.SpreadElement) u = unwrap(u.elements[0].argument);
    else if (u.type === T.CallExpression && unwrap(u.callee).type === T.MemberExpression && /^(slice|concat|splice)$/.test(calleeName(u) ?? '')) u = unwrap((unwrap(u.callee) as TSESTree.MemberExpression).object);
    else if (u.type === T.CallExpression && calleeName(u) === 'from' && u.arguments[0] && u.arguments[0].type !== T.SpreadElement) u = unwrap(u.arguments[0]);
    else return undefined;
    return u.type === T.Identifier ? variableOf(sourceCode, u) : undefined;
  };
  let found = false;
  ownNodes(loop, ctx, (n) => {
    if (found || n.type !== T.CallExpression || !sameFileFunction(n.callee, ctx)) return;
    for (const a of n.arguments) {
      if (a.type === T.SpreadElement) continue;
      const u = unwrap(a);
      let store = copyOf(u);
      if (!store && u.type === T.Identifier) {
        const def = variableOf(sourceCode, u)?.defs[0];
        if (def?.type === 'Variable' && def.node.type === T.VariableDeclarator && def.node.init && contains(loop, def.node)) store = copyOf(def.node.init);
      }
      if (store && addedOnlyOnFailure(store, ctx)) found = true;
    }
  });
  return found;
}

/** Whether every addition to a list (`push`, `unshift`) is on a failure path, and there is one. */
function addedOnlyOnFailure(store: Variable, ctx: Ctx): boolean {
  const adds = store.references.filter((r) => {
    const m = r.identifier.parent;
    return m?.type === T.MemberExpression && m.object === r.identifier && /^(push|unshift)$/.test(propertyName(m) ?? '') && m.parent?.type === T.CallExpression;
  });
  return adds.length > 0 && adds.every((r) => onFailureSide(r.identifier as Node, ctx, 0));
}

/**
 * Whether a node runs only after a failure: in a catch, on the failing side of an answer's test, in a
 * promise's rejection handler, or in a same-file function every call of which is on such a path.
 */
function onFailureSide(n: Node, ctx: Ctx, depth: number): boolean {
  const fn = enclosing(n);
  if (!fn || !isFunction(fn)) return false;
  if (onFailurePath(n, fn as TSESTree.FunctionLike, ctx.sourceCode)) return true;
  // Only the enclosing function's own position remains: a rejection handler, or a function called only on failure.
  for (let p: Node | undefined = n.parent; p && p !== fn; p = p.parent) if (p.type === T.TryStatement) return false;
  const host = fn.parent;
  if (host?.type === T.CallExpression && host.arguments.includes(fn as TSESTree.CallExpressionArgument) && isRejectionHandlerSlot(host, host.arguments.indexOf(fn as TSESTree.CallExpressionArgument))) return true;
  if (depth >= 2) return false;
  const callers = sameFileCallers(ctx.sourceCode, fn as TSESTree.FunctionLike);
  return callers.length > 0 && callers.every((c) => onFailureSide(c, ctx, depth + 1));
}

/** Calls that take the head item off a worklist, or an item out of it. */
const TAKE_METHOD_RE = /^(shift|pop|splice|delete|remove)$/;

/**
 * A worklist loop that moves past its item only once done with it: the try block, after its
 * operation, takes the item off the list the operation reads it from (`id = pending[0]` …
 * `pending.shift()`) or steps what the operation takes (`cursor = page.next`), and a path of the
 * catch goes round by `continue` before any such step: the same item again after a failure, a retry
 * inside the walk (a rate-limited import that waits and asks for the same record).
 */
function retriesItemOnFailure(t: TSESTree.TryStatement, loop: Loop, ctx: Ctx): boolean {
  const handler = t.handler;
  if (!handler || loop.body.type !== T.BlockStatement) return false;
  // `const job = this.jobs.shift()` before the try, `this.jobs.unshift(job)` in its catch: the next
  // pass (or a later one) takes the same job again.
  const taken = takenItems(loop, ctx, t);
  let putBack = false;
  walk(handler.body, ctx.sourceCode.visitorKeys, (n) => {
    if (putBack || isFunction(n)) return false;
    const callee = n.type === T.CallExpression ? unwrap(n.callee) : undefined;
    if (callee?.type !== T.MemberExpression || !KEEP_METHOD_RE.test(propertyName(callee) ?? '')) return undefined;
    const list = ctx.sourceCode.getText(callee.object);
    for (const a of (n as TSESTree.CallExpression).arguments) {
      const u = unwrap(a);
      const v = u.type === T.Identifier ? variableOf(ctx.sourceCode, u) : undefined;
      if (v && taken.get(v) === list) putBack = true;
    }
    return undefined;
  });
  if (putBack) return true;
  const lists = itemLists(loop, ctx);
  const isStep = (n: Node): boolean => {
    if (n.type === T.CallExpression) {
      const callee = unwrap(n.callee);
      return callee.type === T.MemberExpression && TAKE_METHOD_RE.test(propertyName(callee) ?? '') && lists.has(ctx.sourceCode.getText(callee.object));
    }
    const target = n.type === T.AssignmentExpression ? n.left : n.type === T.UpdateExpression ? n.argument : undefined;
    const slot = target && slotOf(target, ctx);
    return !!slot && operationTakes(t.block, slot, ctx);
  };
  const hasStep = (root: Node): boolean => {
    let found = false;
    walk(root, ctx.sourceCode.visitorKeys, (n) => {
      if (found || isFunction(n)) return false;
      if (isStep(n)) found = true;
      return undefined;
    });
    return found;
  };
  if (!hasStep(t.block)) return false;
  // A `continue` of this loop in the catch reached with no step before it on its way.
  let retries = false;
  walk(handler.body, ctx.sourceCode.visitorKeys, (n) => {
    if (retries || isFunction(n) || (n !== handler.body && (n.type === T.ForStatement || n.type === T.WhileStatement || n.type === T.DoWhileStatement || n.type === T.ForOfStatement || n.type === T.ForInStatement))) return false;
    if (n.type !== T.ContinueStatement || n.label) return undefined;
    let clean = true;
    for (let c: Node = n, p: Node | undefined = n.parent; p && c !== handler.body; c = p, p = p.parent) {
      if (p.type !== T.BlockStatement) continue;
      for (const before of p.body.slice(0, p.body.indexOf(c as TSESTree.Statement))) if (hasStep(before)) clean = false;
    }
    if (clean) retries = true;
    return undefined;
  });
  return retries;
}

function failureBranch(s: TSESTree.IfStatement, sourceCode: TSESLint.SourceCode): boolean {
  if (isRetryPredicate(s.test, sourceCode)) return true;
  if (isOkTest(s.test)) return isNegated(s.test);
  return statusesTested(s.test, sourceCode).some((t) => t.code >= 400 || ((t.op === '!==' || t.op === '!=') && t.code < 300));
}

/** Whether leaving an `if` (its consequent) goes on to another attempt of this loop. */
function ifLeadsToRetry(ifStmt: TSESTree.IfStatement, retryTries: TSESTree.TryStatement[]): boolean {
  const c = ifStmt.consequent;
  if (containsContinue(c)) return true;
  const stmts = c.type === T.BlockStatement ? c.body : [c];
  const last = stmts[stmts.length - 1];
  if (!last) return true;
  if (last.type === T.ReturnStatement || last.type === T.BreakStatement) return false;
  if (last.type === T.ThrowStatement) return retryTries.some((t) => contains(t.block, ifStmt));
  return true;
}

/** Where the loop head is: the test of a `while`/`for`, or the loop keyword when there is none. */
function headOf(loop: Loop): Node {
  if (loop.type === T.DoWhileStatement) return loop;
  if (loop.type === T.ForOfStatement) return loop.right;
  return loop.test ?? loop;
}

/** A statically known array of numbers (`[200, 400, 800]`, a const of one). */
function evaluateArray(node: Node, ctx: Ctx): number[] | undefined {
  const v = staticValueOf(node, ctx) ?? staticValueOf(throughDefault(node, ctx), ctx);
  return Array.isArray(v) && v.every((x) => typeof x === 'number') ? (v as number[]) : undefined;
}

/**
 * `plan.waitsMs` where `plan` is a parameter with a default (`plan = STANDARD_PLAN`): the same path
 * read from the default, the value the code runs with unless a caller says otherwise (PRODUCT: a
 * default parameter value counts as known). The node itself when there is no such default.
 */
function throughDefault(node: Node, ctx: Ctx): Node {
  const path: string[] = [];
  let base = unwrap(node);
  while (base.type === T.MemberExpression && !base.computed && base.property.type === T.Identifier) {
    path.unshift(base.property.name);
    base = unwrap(base.object);
  }
  if (base.type !== T.Identifier) return node;
  const def = variableOf(ctx.sourceCode, base)?.defs[0];
  const param = def?.type === 'Parameter' ? def.name.parent : undefined;
  if (param?.type !== T.AssignmentPattern || param.left !== def?.name) return node;
  let out: Node = param.right;
  for (const name of path) out = { type: T.MemberExpression, object: out, property: { type: T.Identifier, name }, computed: false, optional: false, parent: param, range: param.right.range, loc: param.right.loc } as unknown as Node;
  return out;
}

function staticValueOf(node: Node, ctx: Ctx): unknown {
  try {
    return ASTUtils.getStaticValue(unwrap(node) as TSESTree.Node, ctx.sourceCode.getScope(node))?.value;
  } catch {
    return undefined;
  }
}

/** A schedule loop makes one attempt per entry; its variable takes the schedule's values. */
function scheduleBound(loop: TSESTree.ForOfStatement, schedule: number[], ctx: Ctx): { bound: AttemptBound; attempts: AttemptVar[] } {
  const attempts: AttemptVar[] = [];
  const left = loop.left.type === T.VariableDeclaration ? loop.left.declarations[0]?.id : loop.left;
  if (left && left.type === T.Identifier) {
    const v = variableOf(ctx.sourceCode, left);
    if (v) attempts.push({ variable: v, lo: Math.min(...schedule), hi: Math.max(...schedule) });
  }
  return { bound: { kind: 'bounded', maxAttempts: schedule.length + 1, node: loop.right }, attempts };
}

interface CounterInfo {
  /** The counter's variable, for a plain local counter; undefined for `this.attempts`, `state.n`. */
  variable: Variable | undefined;
  /** Source text of the counter (`attempt`, `this.attempts`). */
  text: string;
  direction: 1 | -1;
  /** Every change is by one (`++`, `+= 1`, `n = n - 1`): the counter counts passes. */
  unit: boolean;
}

const counterIndexes = fileMemo<readonly CounterInfo[], { byId: Map<Node, CounterInfo[]>; byText: Map<string, CounterInfo[]> }>();
const NO_COUNTERS: readonly CounterInfo[] = [];

/**
 * The counters among `cs` that `node` is a read of: `cs.filter((c) => isCounter(node, c, ctx))`
 * from one lookup (by reference identifier, or by text for a field counter) instead of a scan of
 * the counters. A loop nesting d others has d counters, asked about at every node of its body.
 */
function countersRead(node: Node, cs: readonly CounterInfo[], ctx: Ctx): readonly CounterInfo[] {
  if (cs.length === 0) return NO_COUNTERS;
  let index = counterIndexes.get(cs);
  if (!index) {
    index = { byId: new Map(), byText: new Map() };
    for (const c of cs) {
      if (c.variable) {
        for (const r of c.variable.references) {
          const list = index.byId.get(r.identifier);
          if (!list) index.byId.set(r.identifier, [c]);
          else if (!list.includes(c)) list.push(c);
        }
      } else {
        const list = index.byText.get(c.text);
        if (list) list.push(c);
        else index.byText.set(c.text, [c]);
      }
    }
    counterIndexes.set(cs, index);
  }
  const n = unwrap(node);
  if (n.type === T.Identifier) return index.byId.get(n) ?? NO_COUNTERS;
  if (n.type === T.MemberExpression && index.byText.size > 0) return index.byText.get(ctx.sourceCode.getText(n)) ?? NO_COUNTERS;
  return NO_COUNTERS;
}

/** Whether `node`'s subtree reads any of the counters: `cs.some((c) => refsCounter(node, c, ctx))` in one walk. */
/**
 * Whether a computed member's key takes its value from a counter (`hosts[attempt]`,
 * `` env[`TOKEN_${n + 1}`] ``): a counter only tested to choose between keys
 * (`log[attempt === 0 ? 'warn' : 'debug']`) picks one of those keys, not an element by number.
 */
function keyReadsCounter(key: Node, cs: readonly CounterInfo[], ctx: Ctx): boolean {
  const k = unwrap(key);
  if (k.type === T.ConditionalExpression) return keyReadsCounter(k.consequent, cs, ctx) || keyReadsCounter(k.alternate, cs, ctx);
  return refsAnyCounter(k, cs, ctx);
}

function refsAnyCounter(node: Node, cs: readonly CounterInfo[], ctx: Ctx, depth = 0): boolean {
  if (cs.length === 0) return false;
  let found = false;
  walk(node, ctx.sourceCode.visitorKeys, (n) => {
    if (found) return false;
    if (countersRead(n, cs, ctx).length > 0) found = true;
    // A name that holds a test of the counter (`const isLast = attempt >= max; if (isLast) …`) reads it.
    else if (n.type === T.Identifier && depth < 2) {
      const aliased = aliasedTest(n, ctx.sourceCode);
      if (aliased && refsAnyCounter(aliased, cs, ctx, depth + 1)) found = true;
    }
    return undefined;
  });
  return found;
}

/** Whether `node` is a read of the counter. */
function isCounter(node: Node, c: CounterInfo, ctx: Ctx, depth = 0): boolean {
  const n = unwrap(node);
  if (c.variable && n.type === T.Identifier && isReferenceTo(c.variable, n)) return true;
  if (!c.variable && n.type === T.MemberExpression && ctx.sourceCode.getText(n) === c.text) return true;
  // `const left = --attemptsLeft` (or `infra ? --infraLeft : --otherLeft`): a `const` holding the
  // counter's value, on some path, is the counter where it is tested.
  if (n.type === T.Identifier && depth < 2) {
    const v = variableOf(ctx.sourceCode, n);
    const def = v?.defs[0];
    if (v && v !== c.variable && def?.type === 'Variable' && def.parent.kind === 'const' && def.node.init) return holdsCounter(def.node.init, c, ctx, depth + 1);
  }
  return false;
}

/** The value is the counter (read or stepped), or a conditional one of whose branches is. */
function holdsCounter(init: Node, c: CounterInfo, ctx: Ctx, depth: number): boolean {
  const u = unwrap(init);
  if (u.type === T.UpdateExpression) return isCounter(u.argument, c, ctx, depth);
  if (u.type === T.ConditionalExpression) return holdsCounter(u.consequent, c, ctx, depth) || holdsCounter(u.alternate, c, ctx, depth);
  return isCounter(u, c, ctx, depth);
}

const countersCache = fileMemo<Loop, CounterInfo[]>();

/**
 * Variables the loop increments or decrements (`i++`, `n += 1`, `left--`, `attempt = attempt + 1`,
 * `this.tries++`), nested loops' included. Memoised per loop (the list is shared: do not change it).
 */
function counters(loop: Loop, ctx: Ctx): CounterInfo[] {
  let cs = countersCache.get(loop);
  if (!cs) {
    cs = collectCounters(loop, ctx);
    countersCache.set(loop, cs);
  }
  return cs;
}

/** One counting step (`i++`, `n += 1`, `this.tries--`): its counter's key (name or field text), variable, direction and whether it is by one. */
interface CountingStep {
  key: string;
  variable: Variable | undefined;
  /** Whether the step can name its counter: a field, or an identifier that resolves to a variable. */
  named: boolean;
  direction: 1 | -1;
  unit: boolean;
}

/**
 * The counting steps of a function (or the program), in the order a walk of it finds them (not
 * into nested functions), and where each loop's steps start in that list: a loop's steps are a
 * run of the list (its subtree is a run of the walk), so each loop reads its own run instead of
 * merging copies of its nested loops' steps.
 */
interface OwnerSteps {
  steps: CountingStep[];
  nodes: Node[];
  loopStart: Map<Node, number>;
}

const ownerSteps = fileMemo<Node, OwnerSteps>();

/** The counting step that `n` is, if any. */
function countingStep(n: Node, ctx: Ctx): CountingStep | undefined {
  let target: Node | undefined;
  let dir: 1 | -1 | undefined;
  let unit = false;
  const one = (x: Node): boolean => constantNumber(ctx.sourceCode, x) === 1;
  if (n.type === T.UpdateExpression) {
    target = n.argument;
    dir = n.operator === '++' ? 1 : -1;
    unit = true;
  } else if (n.type === T.AssignmentExpression && (n.operator === '+=' || n.operator === '-=')) {
    target = n.left;
    dir = n.operator === '+=' ? 1 : -1;
    unit = one(n.right);
  } else if (n.type === T.AssignmentExpression && n.operator === '=') {
    const r = unwrap(n.right);
    const same = (x: Node): boolean => ctx.sourceCode.getText(unwrap(x)) === ctx.sourceCode.getText(n.left);
    if (r.type === T.BinaryExpression && (r.operator === '+' || r.operator === '-') && (same(r.left) || (r.operator === '+' && same(r.right)))) {
      target = n.left;
      dir = r.operator === '+' ? 1 : -1;
      unit = one(same(r.left) ? r.right : r.left);
    }
  }
  if (!target || !dir) return undefined;
  const t = unwrap(target);
  if (t.type === T.Identifier) {
    const v = variableOf(ctx.sourceCode, t);
    return { key: t.name, variable: v, named: !!v, direction: dir, unit };
  }
  if (t.type === T.MemberExpression) return { key: ctx.sourceCode.getText(t), variable: undefined, named: true, direction: dir, unit };
  return undefined;
}

/** The counting steps of the function around `loop` (or the program), with each loop's start; one walk per function, memoised. */
function stepsOfOwner(loop: Loop, ctx: Ctx): OwnerSteps {
  const owner = ownerOf(loop);
  let hit = ownerSteps.get(owner);
  if (hit) return hit;
  hit = { steps: [], nodes: [], loopStart: new Map() };
  const out = hit;
  walk(owner, ctx.sourceCode.visitorKeys, (n) => {
    if (n !== owner && isFunction(n)) return false;
    switch (n.type) {
      case T.ForStatement:
      case T.ForInStatement:
      case T.ForOfStatement:
      case T.WhileStatement:
      case T.DoWhileStatement:
        out.loopStart.set(n, out.steps.length);
        return undefined;
      default: {
        const step = countingStep(n, ctx);
        if (step) {
          out.steps.push(step);
          out.nodes.push(n);
        }
        return undefined;
      }
    }
  });
  ownerSteps.set(owner, out);
  return out;
}

/**
 * The counters a walk of the loop (head and body, not nested functions) finds: for each counter
 * (name or field text), the first step that names it, with whether every step from it on is by
 * one, in the order counters are first named. A name first named by a variable declared inside
 * the loop (a nested loop's `let i`) keeps a later step of an outer variable of the same name
 * from naming it (`while (…) { for (let i …) {…} i++ }`), and is then dropped with it.
 */
function collectCounters(loop: Loop, ctx: Ctx): CounterInfo[] {
  let { steps, nodes, loopStart } = stepsOfOwner(loop, ctx);
  if (!loopStart.has(loop)) {
    // Not reached from its function (under a node with no visitor keys): the loop's own walk.
    steps = [];
    nodes = [];
    loopStart = new Map([[loop, 0]]);
    walk(loop, ctx.sourceCode.visitorKeys, (n) => {
      if (isFunction(n)) return false;
      const step = countingStep(n, ctx);
      if (step) {
        steps.push(step);
        nodes.push(n);
      }
      return undefined;
    });
  }
  // By name, the counter its first naming step defines; `null` when that step's variable is
  // declared in the pass: such a variable starts afresh on every pass (`let d = base; d += jitter`)
  // and counts nothing, but its name still keeps a later step of an outer variable from naming it.
  const defs = new Map<string, CounterInfo | null>();
  for (let k = loopStart.get(loop) ?? steps.length; k < steps.length; k++) {
    const s = steps[k];
    const node = nodes[k];
    if (!s || !node || !contains(loop, node)) break;
    const seen = defs.get(s.key);
    if (seen) seen.unit &&= s.unit;
    else if (seen === null || !s.named) continue;
    else {
      const decl = s.variable?.defs[0]?.name;
      defs.set(s.key, decl && contains(loop.body, decl) ? null : { variable: s.variable, text: s.key, direction: s.direction, unit: s.unit });
    }
  }
  // `await new Promise((r) => setTimeout(() => { retries++; r(); }, ms))`: a step made by the wait the
  // loop awaits runs once per pass, before the loop goes on, like a step in the body.
  for (const w of awaitedWaits(loop, ctx)) {
    if (w.type !== T.NewExpression || !contains(loop, w)) continue;
    walk(w, ctx.sourceCode.visitorKeys, (n) => {
      const step = countingStep(n, ctx);
      if (!step || !step.named || defs.has(step.key)) return undefined;
      const decl = step.variable?.defs[0]?.name;
      if (decl && contains(loop.body, decl)) return undefined;
      defs.set(step.key, { variable: step.variable, text: step.key, direction: step.direction, unit: step.unit });
      return undefined;
    });
  }
  const out: CounterInfo[] = [];
  for (const c of defs.values()) if (c) out.push(c);
  return out;
}

/** Tests that can end the loop: the loop condition and every `if` in the body whose consequent leaves. */
/**
 * A test of an iterator's `done`: `step.done` or a `done` destructured from `it.next()`, where the
 * value read comes from a `.next()` call.
 */
function readsIteratorDone(test: Node, ctx: Ctx): boolean {
  let found = false;
  const fromNext = (init: Node | null | undefined): boolean => {
    let u = init ? unwrap(init) : undefined;
    if (u?.type === T.AwaitExpression) u = unwrap(u.argument);
    return u?.type === T.CallExpression && calleeName(u) === 'next';
  };
  walk(test, ctx.sourceCode.visitorKeys, (n) => {
    if (found || isFunction(n)) return false;
    if (n.type === T.MemberExpression && propertyName(n) === 'done' && unwrap(n.object).type === T.Identifier) {
      const def = variableOf(ctx.sourceCode, unwrap(n.object) as TSESTree.Identifier)?.defs[0];
      const v = variableOf(ctx.sourceCode, unwrap(n.object) as TSESTree.Identifier);
      if (def?.type === 'Variable' && (fromNext(def.node.init) || v?.references.some((r) => r.writeExpr && fromNext(r.writeExpr as Node)))) found = true;
    }
    // `const { done, value } = it.next()` (or `{ done: finished }`): the binding of the `done` key.
    if (n.type === T.Identifier && !(n.parent?.type === T.MemberExpression && n.parent.property === n)) {
      const def = variableOf(ctx.sourceCode, n)?.defs[0];
      if (def?.type === 'Variable' && def.node.id.type === T.ObjectPattern && fromNext(def.node.init)) {
        const prop = def.node.id.properties.find((p) => p.type === T.Property && unwrap(p.value as Node) === def.name);
        if (prop?.type === T.Property && propertyName(prop) === 'done') found = true;
      }
    }
    return undefined;
  });
  return found;
}

/**
 * Whether an exit test reads a delay a call drew in the loop and the loop then waits
 * (`const delay = strategy.nextBackoff(); if (Number.isNaN(delay)) break; await waitFor(delay)`):
 * the policy object that sizes each wait ends the retries with a value of its own.
 */
function readsPolicyDelay(test: Node, loop: Exclude<Loop, TSESTree.ForOfStatement>, ctx: Ctx): boolean {
  const waits = awaitedWaits(loop, ctx);
  if (waits.length === 0) return false;
  let found = false;
  walk(test, ctx.sourceCode.visitorKeys, (n) => {
    if (found || isFunction(n)) return false;
    if (n.type !== T.Identifier) return undefined;
    const v = variableOf(ctx.sourceCode, n);
    const def = v?.defs[0];
    if (!v || def?.type !== 'Variable' || def.node.id.type !== T.Identifier || !contains(loop.body, def.node)) return undefined;
    let init = def.node.init ? unwrap(def.node.init) : undefined;
    if (init?.type === T.AwaitExpression) init = unwrap(init.argument);
    if (init?.type !== T.CallExpression || unwrap(init.callee).type !== T.MemberExpression || v.references.some((r) => r.isWrite() && !r.init)) return undefined;
    if (waits.some((w) => (w.type === T.CallExpression || w.type === T.NewExpression) && w.arguments.some((a) => v.references.some((r) => contains(a, r.identifier as Node))))) found = true;
    return undefined;
  });
  return found;
}

function exitTests(loop: Exclude<Loop, TSESTree.ForOfStatement>, ctx: Ctx): { test: Node; inLoopTest: boolean }[] {
  const out: { test: Node; inLoopTest: boolean }[] = [];
  const leavesAfter = (n: Node): boolean => {
    const next = statementAfter(n, loop);
    return !!next && alwaysExits(next) && !containsContinue(next);
  };
  if (loop.test) out.push({ test: loop.test, inLoopTest: true });
  const flags = testFlags(loop, ctx);
  ownNodes(loop, ctx, (n) => {
    if (n.type === T.IfStatement) {
      // A branch leaves by an exit, or by setting the loop test's flag to its stopping value.
      const leaves = (s: Node | null | undefined): boolean => !!s && !containsContinue(s) && (alwaysExits(s) || setsFlagToConstant(s, flags, ctx));
      // Leaving from the `else` (`if (again) { … } else { failure = err }`): the test says when to go on, as a loop test does.
      if (leaves(n.consequent)) out.push({ test: n.test, inLoopTest: false });
      else if (leaves(n.alternate)) out.push({ test: n.test, inLoopTest: true });
      // `if (attempt < max) continue; throw err;`: the test says when to go round, and the statement
      // after it leaves, so it ends the loop like a loop condition does (R5).
      // Sound only when no other path goes round: the check is in the catch of the body's last
      // statement, a try whose block always leaves (`return await fn()`).
      else if (!n.alternate && containsContinue(n.consequent) && alwaysExits(n.consequent) && onlyWayRound(n, loop, ctx) && leavesAfter(n)) {
        out.push({ test: n.test, inLoopTest: true });
      }
      // `if (res.status >= 500 && attempt < 3) { attempt++; continue; }` with every other path
      // leaving: the loop goes round only when the test holds, so each `&&` operand of it bounds
      // the loop like a loop condition does, wherever the test sits.
      // The same guard in a catch of a loop that also goes round after a success (the next page):
      // every way round from the failure passes the guard, so the retries are bounded by it.
      else if (!n.alternate && containsContinue(n.consequent) && alwaysExits(n.consequent) && leavesAfter(n) && onlyFailureWayRound(n, loop, ctx)) {
        out.push({ test: n.test, inLoopTest: true });
      }
      else if (containsContinue(n.consequent) && alwaysExits(n.consequent) && onlyGuardedWayRound(n, loop, ctx)) {
        // Only plain comparisons and predicate calls: inside a `||` or a `!` a count test bounds nothing.
        for (const c of conjuncts(n.test)) if (c.type === T.BinaryExpression || c.type === T.CallExpression) out.push({ test: c, inLoopTest: true });
      }
    }
    if (n.type === T.ConditionalExpression && n.parent?.type === T.ThrowStatement) out.push({ test: n.test, inLoopTest: false });
  });
  // `const exhausted = attempt >= max; const late = Date.now() - began >= budget;
  // if (exhausted || late) throw err;`: a leaving test that names a condition held in a variable
  // tests that condition; each one a `||` joins ends the loop on its own.
  // Likewise a going-on test (`const again = n < max && retryable(e); if (again) … else failure = e`),
  // each `&&` operand of which bounds the loop. The loop's own test is read as it is.
  for (const { test, inLoopTest } of [...out]) {
    if (test === loop.test) continue;
    for (const d of inLoopTest ? logicalTerms(unwrap(test), '&&') : disjuncts(test)) {
      const init = heldCondition(d, loop, ctx);
      if (init) out.push({ test: init, inLoopTest });
    }
  }
  return out;
}

/** The operands of a `||` chain (the expression itself when it is none). */
function disjuncts(test: Node): Node[] {
  const t = unwrap(test);
  return logicalTerms(t, '||');
}

/**
 * The comparison a variable holds when `id` names one: a `const` (or a `let` never written again)
 * declared in the loop body with a comparison or deadline test as its value.
 */
function heldCondition(id: Node, loop: Loop, ctx: Ctx): Node | undefined {
  if (id.type !== T.Identifier) return undefined;
  const v = variableOf(ctx.sourceCode, id);
  const decl = v && v.defs.length === 1 ? v.defs[0]?.node : undefined;
  if (!v || !decl) return undefined;
  if (decl.type !== T.VariableDeclarator || decl.id.type !== T.Identifier || !decl.init || !contains(loop.body, decl)) return undefined;
  if (v.references.some((r) => r.isWrite() && r.identifier !== decl.id)) return undefined;
  const init = unwrap(decl.init);
  return init.type === T.BinaryExpression || init.type === T.LogicalExpression || init.type === T.CallExpression ? init : undefined;
}

/** `s` is in the catch of a try that ends the loop body and whose block always leaves: the catch is the only way round. */
function onlyWayRound(s: Node, loop: Loop, ctx: Ctx): boolean {
  for (let p: Node | undefined = s.parent; p && p !== loop.body; p = p.parent) {
    if (p.type !== T.CatchClause) continue;
    const t = p.parent;
    const body = loop.body;
    if (t?.type !== T.TryStatement || t.parent !== body || body.type !== T.BlockStatement || body.body[body.body.length - 1] !== t) return false;
    let goesOn = false;
    walk(t.block, ctx.sourceCode.visitorKeys, (m) => {
      if (isFunction(m)) return false;
      if (m.type === T.ContinueStatement) goesOn = true;
      return undefined;
    });
    return !goesOn && alwaysExits(t.block);
  }
  return false;
}

/**
 * Whether `guard` (an `if` of a catch clause in `loop`) holds every way round the loop from that catch:
 * each `continue` of the loop inside the catch is in the guard's consequent (the statement after the
 * guard leaves, checked by the caller). Ways round from the try block are the success path's.
 */
function onlyFailureWayRound(guard: TSESTree.IfStatement, loop: Loop, ctx: Ctx): boolean {
  let clause: TSESTree.CatchClause | undefined;
  for (let p: Node | undefined = guard.parent; p && p !== loop.body; p = p.parent) {
    if (isFunction(p)) return false;
    if (p.type === T.CatchClause) {
      clause = p;
      break;
    }
  }
  if (!clause) return false;
  let ok = true;
  walk(clause.body, ctx.sourceCode.visitorKeys, (m) => {
    if (!ok || isFunction(m)) return false;
    if (m.type === T.ContinueStatement && continuesLoop(m, loop) && !contains(guard.consequent, m)) ok = false;
    return undefined;
  });
  return ok;
}

/** Whether a `continue` goes round `loop` (not a loop nested in it). */
function continuesLoop(c: TSESTree.ContinueStatement, loop: Loop): boolean {
  for (let p: Node | undefined = c.parent; p; p = p.parent) {
    if (c.label) {
      if (p.type === T.LabeledStatement && p.label.name === c.label.name) return p.body === loop;
    } else if (p.type === T.ForStatement || p.type === T.WhileStatement || p.type === T.DoWhileStatement || p.type === T.ForOfStatement || p.type === T.ForInStatement) return p === loop;
    if (isFunction(p)) return false;
  }
  return false;
}

/**
 * Whether `guard`'s consequent holds every way round `loop`: each `continue` of the loop is inside
 * it, or inside another guard of the same kind (a count test whose consequent steps that count and
 * goes round: `if (timeouts < max) { timeouts++; …; continue; }` next to `if (serverErrors < max5xx)
 * { serverErrors++; …; continue; }`, each failure kind with its own budget), and the end of the body
 * is never reached (every other path returns, throws or breaks).
 */
function onlyGuardedWayRound(guard: TSESTree.IfStatement, loop: Loop, ctx: Ctx): boolean {
  if (loop.body.type !== T.BlockStatement || !alwaysExits(loop.body)) return false;
  let ok = true;
  walk(loop.body, ctx.sourceCode.visitorKeys, (m) => {
    if (!ok || isFunction(m)) return false;
    if (m.type === T.ContinueStatement && continuesLoop(m, loop) && !contains(guard.consequent, m) && !inCountingGuard(m, loop, ctx)) ok = false;
    return undefined;
  });
  return ok;
}

/**
 * Whether the `continue` `c` sits in the consequent of an `if` inside `loop` whose test compares a
 * count (a `&&` operand) that the consequent steps before going round.
 */
function inCountingGuard(c: TSESTree.ContinueStatement, loop: Loop, ctx: Ctx): boolean {
  for (let p: Node | undefined = c.parent; p && p !== loop; p = p.parent) {
    if (p.type !== T.IfStatement || !contains(p.consequent, c) || !alwaysExits(p.consequent)) continue;
    const consequent = p.consequent;
    const stepped = counters(loop, ctx).filter((k) => {
      let found = false;
      walk(consequent, ctx.sourceCode.visitorKeys, (n) => {
        if (found || isFunction(n)) return false;
        const target = n.type === T.UpdateExpression ? n.argument : n.type === T.AssignmentExpression && (n.operator === '+=' || n.operator === '-=') ? n.left : undefined;
        if (target && isCounter(unwrap(target), k, ctx)) found = true;
        return undefined;
      });
      return found;
    });
    if (stepped.length > 0 && conjuncts(p.test).some((t) => t.type === T.BinaryExpression && stepped.some((k) => refsCounter(t, k, ctx)))) return true;
  }
  return false;
}

/**
 * The statement run after `s` when it completes normally, within the loop body: its next sibling,
 * or, when it ends a block that is an `if`'s consequent (with no else), the statement after that `if`.
 */
function statementAfter(s: Node, loop: Loop): Node | undefined {
  let cur: Node = s;
  while (cur !== loop.body) {
    const block = cur.parent;
    if (block?.type !== T.BlockStatement) return undefined;
    const i = block.body.indexOf(cur as TSESTree.Statement);
    if (i < block.body.length - 1) return block.body[i + 1];
    if (block === loop.body) return undefined;
    const owner = block.parent;
    if (owner?.type !== T.IfStatement || owner.consequent !== block || owner.alternate) return undefined;
    cur = owner;
  }
  return undefined;
}

function refsCounter(node: Node, c: CounterInfo, ctx: Ctx): boolean {
  let found = false;
  walk(node, ctx.sourceCode.visitorKeys, (n) => {
    if (found) return false;
    if (isCounter(n, c, ctx)) found = true;
    return undefined;
  });
  return found;
}

/** Numeric comparisons of a counter in a test: the bound value and the comparison. */
/** A comparison's operator negated (`!(a < b)` is `a >= b`). */
const FLIPPED_OP: Readonly<Record<string, string>> = { '<': '>=', '<=': '>', '>': '<=', '>=': '<', '===': '!==', '==': '!=', '!==': '===', '!=': '==' };

function counterLimit(test: Node, c: CounterInfo, ctx: Ctx, depth = 0): { limit: number; op: string; offset: number } | 'unknown' | 'unseen' | 'truthy' | undefined {
  const t = unwrap(test);
  // `while (retries--)`, `while (left)`
  if (c.direction === -1 && ((t.type === T.UpdateExpression && refsCounter(t, c, ctx)) || isCounter(t, c, ctx))) return 'truthy';
  let result: { limit: number; op: string; offset: number } | 'unknown' | 'unseen' | 'truthy' | undefined;
  walk(t, ctx.sourceCode.visitorKeys, (n) => {
    if (result || isFunction(n)) return false;
    // `if (tooMany(n++)) throw e`, `if (!shouldRetry(res, tries, max))`: a same-file predicate compares the counter.
    const counts = (a: Node): boolean => isCounter(a, c, ctx) || (unwrap(a).type === T.UpdateExpression && refsCounter(a, c, ctx));
    if (n.type === T.CallExpression && (predicateCompares(n, counts, ctx.sourceCode) || asksUnseenPredicate(n, counts, ctx.sourceCode))) {
      result = 'unknown';
      return false;
    }
    // `const waitMs = nextWait(failure, opts, counter); if (waitMs == null) return failure`: the test
    // reads what such a function answered, and that function compares the counter it is handed.
    if (n.type === T.Identifier && depth < 2) {
      const def = variableOf(ctx.sourceCode, n)?.defs[0];
      const init = def?.type === 'Variable' && def.parent.kind === 'const' && def.node.init ? unwrap(def.node.init) : undefined;
      const call = init?.type === T.AwaitExpression ? unwrap(init.argument) : init;
      // (Or a function out of sight handed the counter, `calculateRetryBackoff(err, count)` from another
      // module, as when it is asked in the test itself.)
      if (call?.type === T.CallExpression && (predicateCompares(call, counts, ctx.sourceCode) || asksUnseenPredicate(call, counts, ctx.sourceCode))) {
        result = 'unknown';
        return false;
      }
    }
    // `const shouldRetry = attempt <= opts.retries && …; if (!shouldRetry) throw err`: the test held in a
    // name, read as if written here (under the test's own `!`s).
    if (n.type === T.Identifier && depth < 2) {
      const aliased = aliasedTest(n, ctx.sourceCode);
      const inner = aliased && refsCounter(aliased, c, ctx) ? counterLimit(aliased, c, ctx, depth + 1) : undefined;
      if (inner !== undefined) {
        let flips = 0;
        for (let p: Node | undefined = n.parent; p && p !== t; p = p.parent) if (p.type === T.UnaryExpression && p.operator === '!') flips++;
        result = inner === 'truthy' ? 'unknown' : typeof inner === 'object' && flips % 2 === 1 ? { ...inner, op: FLIPPED_OP[inner.op] ?? inner.op } : inner;
        return false;
      }
    }
    // `if (!worthAnother(res.status)) return res` with `const worthAnother = (s) => … && sent < 4`:
    // a same-file predicate that reads the counter from the enclosing scope and compares it.
    if (n.type === T.CallExpression && depth < 2) {
      const f = sameFileFunction(n.callee, ctx);
      const inner = f ? returnedExpressions(f, ctx.sourceCode).map((r) => (r && refsCounter(r, c, ctx) ? counterLimit(r, c, ctx, depth + 1) : undefined)).find((x) => x !== undefined) : undefined;
      if (inner !== undefined) {
        // The predicate's comparison, as if written in the test (under the test's own `!`s).
        let flips = 0;
        for (let p: Node | undefined = n.parent; p && p !== t; p = p.parent) if (p.type === T.UnaryExpression && p.operator === '!') flips++;
        result = inner === 'truthy' ? 'unknown' : typeof inner === 'object' && flips % 2 === 1 ? { ...inner, op: FLIPPED_OP[inner.op] ?? inner.op } : inner;
        return false;
      }
    }
    if (n.type !== T.BinaryExpression || n.left.type === T.PrivateIdentifier) return undefined;
    if (!['<', '<=', '>', '>=', '===', '==', '!==', '!='].includes(n.operator)) return undefined;
    const sideOf = (side: Node): number | undefined => {
      const s = unwrap(side);
      if (isCounter(s, c, ctx)) return 0;
      if ((s.type === T.UpdateExpression) && refsCounter(s, c, ctx)) return s.prefix ? (s.operator === '++' ? 1 : -1) : 0;
      if (s.type === T.BinaryExpression && (s.operator === '+' || s.operator === '-')) {
        const l = unwrap(s.left);
        if (isCounter(l, c, ctx)) {
          const k = evaluate(s.right, makeEnv(ctx.sourceCode));
          if (!k.opaque && k.lo === k.hi) return s.operator === '+' ? k.lo : -k.lo;
        }
      }
      return undefined;
    };
    let offset = sideOf(n.left);
    let other: Node = n.right;
    let op: string = n.operator;
    if (offset === undefined) {
      offset = sideOf(n.right);
      other = n.left;
      op = ({ '<': '>', '>': '<', '<=': '>=', '>=': '<=' } as Record<string, string>)[op] ?? op;
    }
    if (offset === undefined) return undefined;
    // Under an odd number of `!` (`!(sent < 4)`), the comparison says the opposite.
    let flips = 0;
    for (let p: Node | undefined = n.parent; p && p !== t; p = p.parent) if (p.type === T.UnaryExpression && p.operator === '!') flips++;
    if (flips % 2 === 1) op = ({ '<': '>=', '<=': '>', '>': '<=', '>=': '<', '===': '!==', '==': '!=', '!==': '===', '!=': '==' } as Record<string, string>)[op] ?? op;
    const v = evaluate(other, makeEnv(ctx.sourceCode));
    if (v.opaque || v.attempt || v.lo !== v.hi) {
      const given = limitFromCallers(other, ctx);
      result = given !== undefined ? { limit: given, op, offset } : v.opaque && !v.attempt && readsOnlyImports(other, ctx) ? 'unseen' : 'unknown';
      return false;
    }
    result = { limit: v.lo, op, offset };
    return false;
  });
  return result;
}

/**
 * A limit held in a parameter (`i < tries`) of a function that only this file calls, every call
 * handing a number there (`getJson('/a', 3)`): the largest of them (PRODUCT: a bound the code shows
 * is known). Undefined when the function is exported, handed elsewhere, the parameter is written or
 * has a default (judged as such), or a call passes anything else.
 */
function limitFromCallers(other: Node, ctx: Ctx): number | undefined {
  const u = unwrap(other);
  if (u.type !== T.Identifier) return undefined;
  const v = variableOf(ctx.sourceCode, u);
  const def = v?.defs[0];
  if (!v || def?.type !== 'Parameter' || v.references.some((r) => r.isWrite())) return undefined;
  const fn = def.node as Node;
  if (!isFunction(fn)) return undefined;
  const index = fn.params.indexOf(def.name as TSESTree.Parameter);
  if (index < 0) return undefined;
  const holder = fn.type === T.FunctionDeclaration ? fn.id : fn.parent?.type === T.VariableDeclarator && fn.parent.id.type === T.Identifier ? fn.parent.id : undefined;
  const own = holder ? variableOf(ctx.sourceCode, holder) : undefined;
  if (!own || !own.references.some((r) => !r.init)) return undefined;
  // Exported (`export function`, `export const`, `export { f }`, `module.exports = f`): callers out of sight.
  const decl = fn.type === T.FunctionDeclaration ? fn : fn.parent?.parent;
  if (decl?.parent?.type === T.ExportNamedDeclaration || decl?.parent?.type === T.ExportDefaultDeclaration) return undefined;
  let largest = -Infinity;
  for (const r of own.references) {
    if (r.init) continue; // `const getJson = async (…) => …`: the declaration itself
    const call = r.identifier.parent;
    if (call?.type !== T.CallExpression || call.callee !== r.identifier) return undefined;
    const arg = call.arguments[index];
    const n = arg && arg.type !== T.SpreadElement ? constantNumber(ctx.sourceCode, arg) : undefined;
    if (n === undefined || !Number.isFinite(n)) return undefined;
    largest = Math.max(largest, n);
  }
  return largest;
}


/**
 * Whether a part of a counter test that does not read the counter takes the comparison's say away:
 * in a keep-going test joined by `||` (`!limit || i < limit`), a part true under the values in force
 * (defaults included: `!limit` with `limit = 0`); in an exit test joined by `&&` (`limit && i === 1`), a
 * part false under them. 'always' when such a part is known so, 'maybe' when a part is not known,
 * 'never' otherwise.
 */
function otherWayOn(test: Node, c: CounterInfo, ctx: Ctx, joiner: '||' | '&&'): 'always' | 'maybe' | 'never' {
  let verdict: 'always' | 'maybe' | 'never' = 'never';
  // An exit test (`&&`) is blocked by a part known false; a keep-going test (`||`) kept by one known true.
  const blocking = joiner === '||';
  const whole = unwrap(test);
  if (whole.type !== T.LogicalExpression || whole.operator !== joiner) return 'never';
  for (const d of logicalTerms(whole, joiner)) {
    if (refsCounter(d, c, ctx)) continue;
    let u = unwrap(d);
    let negated = false;
    while (u.type === T.UnaryExpression && u.operator === '!') {
      negated = !negated;
      u = unwrap(u.argument);
    }
    const v = evaluate(u, makeEnv(ctx.sourceCode));
    const known = !v.opaque && v.lo === v.hi && Number.isFinite(v.lo);
    if (known && ((v.lo === 0) === negated) === blocking) return 'always';
    if (!known) verdict = 'maybe';
  }
  return verdict;
}

function loopBound(loop: Exclude<Loop, TSESTree.ForOfStatement>, ctx: Ctx): { bound: AttemptBound; attempts: AttemptVar[] } {
  const head = headOf(loop);
  const cs = counters(loop, ctx);
  const tests = exitTests(loop, ctx);
  const attempts: AttemptVar[] = [];
  let bounded = false;
  /** A counter test whose limit is unknown: `maxAttempts` may overstate the bound. */
  let vague = false;
  let maxAttempts: number | undefined;
  for (const c of cs) {
    const start = c.variable ? initialValue(c.variable, ctx) : undefined;
    let hi = Infinity;
    let lo = start ?? 0;
    let compared = false;
    // Every limit the counter is compared with is imported (`attempt < MAX_RETRIES`): bounded by
    // a number the file does not show.
    let unseen: boolean | undefined;
    for (const { test, inLoopTest } of tests) {
      const lim = counterLimit(test, c, ctx);
      if (!lim) continue;
      // `for (let i = 0; !limit || i < limit; )`: another way to keep going beside the comparison.
      // True under the values in force (`limit = 0` by default), the comparison bounds nothing; not
      // known, it bounds by an unknown amount.
      // Likewise `if (limit && i === 1) throw e`: an exit that needs another part true (`&&`).
      const keepsGoing = otherWayOn(test, c, ctx, inLoopTest ? '||' : '&&');
      if (keepsGoing === 'always') continue;
      if (keepsGoing === 'maybe') {
        compared = true;
        vague = true;
        continue;
      }
      compared = true;
      if (lim === 'unknown' || lim === 'unseen' || lim === 'truthy' || !c.unit) vague = true;
      unseen = (unseen ?? true) && lim === 'unseen';
      if (lim === 'unknown' || lim === 'unseen') continue;
      if (lim === 'truthy') {
        if (c.direction === -1 && start !== undefined) {
          hi = Math.min(hi, start);
          lo = 0;
          maxAttempts = start;
        }
        continue;
      }
      // The counter's value is `counter + offset` in the comparison.
      const { limit, op, offset } = lim;
      if (c.direction === 1) {
        let last: number | undefined;
        if (inLoopTest) {
          if (op === '<') last = limit - offset - 1;
          else if (op === '<=') last = limit - offset;
          else if (op === '!==' || op === '!=') last = limit - offset - 1;
        } else {
          if (op === '>=' || op === '===' || op === '==') last = limit - offset;
          else if (op === '>') last = limit - offset + 1;
        }
        if (last !== undefined) {
          hi = Math.min(hi, last);
          const n = last - (start ?? 0) + 1;
          maxAttempts = maxAttempts === undefined ? n : Math.min(maxAttempts, n);
        }
      } else {
        if (start !== undefined) {
          hi = Math.min(hi, start);
          lo = Math.min(lo, limit);
          const n = start - limit + 1;
          maxAttempts = maxAttempts === undefined ? n : Math.min(maxAttempts, n);
        }
      }
    }
    if (compared) bounded = true;
    // `if (step < maxSteps) step++`: a count stepped only below a limit saturates there (F6); it
    // bounds the delay computed from it, not the loop.
    const ceiling = c.variable && c.direction === 1 ? saturation(loop, c.variable, ctx) : undefined;
    let top = Math.min(compared ? hi : Infinity, ceiling ?? Infinity);
    // A count (or budget) that only goes down never passes its start (`left -= waitMs` from `budget`);
    // with no limit tested, how low it goes is unknown, at least down to 0.
    if (c.direction === -1 && start !== undefined) {
      top = Math.min(top, start);
      if (!compared) lo = Math.min(lo, 0);
    }
    if (c.variable) attempts.push({ variable: c.variable, lo: Math.min(lo, hi, top), hi: top, ...(unseen && top === Infinity ? { unseenBound: true } : {}) });
  }
  if (!bounded && tests.some((t) => hasDeadline(t.test, ctx.sourceCode))) bounded = true;
  // `const { done, value } = delays.next(); if (done) throw …`: the attempts end with the iterator
  // of delays (or tries) the loop draws from, however many it holds.
  if (!bounded && tests.some((t) => readsIteratorDone(t.test, ctx))) bounded = true;
  // `const delay = strategy.nextBackoff(); if (Number.isNaN(delay)) break; await wait(delay)`: the
  // backoff policy that gives each wait also says when to stop, however many it allows.
  if (!bounded && tests.some((t) => !t.inLoopTest && readsPolicyDelay(t.test, loop, ctx))) bounded = true;
  // `retryOrThrow(err)`, `this.giveUpIfExhausted(err)`: a same-file function that throws out of the
  // loop once a count it reads reaches a limit (F2). The limit is not known here.
  if (!bounded) {
    const counted = throwsOnCount(loop, ctx);
    if (counted) return { bound: { kind: 'bounded', maxAttempts: undefined, node: head }, attempts: [...attempts, ...counted] };
  }
  // `attempt < Number.MAX_SAFE_INTEGER` with no deadline: a limit that means forever (PRODUCT).
  const forever = bounded && !vague && isEffectivelyUnbounded(maxAttempts) && !tests.some((t) => hasDeadline(t.test, ctx.sourceCode));
  if (forever) return { bound: { kind: 'unbounded', maxAttempts: undefined, node: head, defaultSetting: describeHugeLimit(maxAttempts!) }, attempts };
  if (bounded) return { bound: { kind: 'bounded', maxAttempts, node: head }, attempts };

  // No counter or deadline ends the loop.
  const test = loop.test ? unwrap(loop.test) : undefined;
  // `setTimeout(() => { expired = true }, 60_000)` and `while (!expired)`: a deadline, whatever its name.
  if (test && setByTimer(test, ctx)) return { bound: { kind: 'bounded', maxAttempts: undefined, node: head }, attempts };
  const literalTrue = !test || (test.type === T.Literal && !!test.value) || (test.type === T.UnaryExpression && test.operator === '!' && unwrap(test.argument).type === T.Literal && !(unwrap(test.argument) as TSESTree.Literal).value);
  if (literalTrue) return { bound: { kind: 'unbounded', maxAttempts: undefined, node: head }, attempts };
  // `while (attempt < 3)` with `attempt` never changed; `while (!done)` with `done` set only on success.
  if (test && onlyLocalStateInTest(test, loop, ctx)) return { bound: { kind: 'unbounded', maxAttempts: undefined, node: head }, attempts };
  // `while (!stopped)`, `while (!this.closed)` with the flag set only by `close()`: a cancellation, no limit.
  if (test && onlyCancellationFlags(test, loop, ctx)) return { bound: { kind: 'unbounded', maxAttempts: undefined, node: head }, attempts };
  return { bound: { kind: 'unknown', maxAttempts: undefined, node: head }, attempts };
}

/**
 * Whether a loop's test reads only lifecycle flags (`!stopped`, `!this.closed`, `closing === false`,
 * a keep-going `this.running`, a cancellation token's `!this.stop.requested` whose class is in this
 * file, joined by `&&`) that nothing in the loop writes and that other code sets only to a boolean literal
 * (`close() { this.closed = true }`, a signal handler): the loop ends when its owner cancels it, not
 * after some number of attempts or some time. A flag a timer sets (`setTimeout(() => expired = true,
 * 60_000)`) is a deadline, and a flag nothing sets, or set to a computed value, is not judged here.
 */
function onlyCancellationFlags(test: Node, loop: Loop, ctx: Ctx): boolean {
  const flags: Node[] = [];
  const collect = (t: Node): boolean => {
    const u = unwrap(t);
    if (u.type === T.LogicalExpression && u.operator === '&&') return collect(u.left) && collect(u.right);
    if (u.type === T.UnaryExpression && u.operator === '!') return flag(u.argument);
    if (u.type === T.BinaryExpression && (u.operator === '===' || u.operator === '==')) {
      const r = unwrap(u.right);
      return r.type === T.Literal && r.value === false && flag(u.left);
    }
    // `while (this.running && …)`: a keep-going flag that only stop code clears.
    if (u.type === T.Identifier || u.type === T.MemberExpression) return flag(u);
    return false;
  };
  const flag = (t: Node): boolean => {
    const u = unwrap(t);
    if (u.type !== T.Identifier && !(u.type === T.MemberExpression && !u.computed && (unwrap(u.object).type === T.ThisExpression || propertyName(u) === 'aborted' || !!tokenField(u, ctx)))) return false;
    flags.push(u);
    return true;
  };
  if (!collect(test) || flags.length === 0) return false;
  return flags.every((f) => {
    // `!signal.aborted` with a signal that does not time out (the caller's, a shutdown controller's): aborted on request.
    if (f.type === T.MemberExpression && propertyName(f) === 'aborted') return !timedSignal(unwrap(f.object), ctx.sourceCode);
    const writes = flagWrites(f, ctx);
    return !!writes && writes.length > 0 && writes.every((w) => !contains(loop, w) && booleanWrite(w) && !inTimerCallback(w, ctx));
  });
}

/** The writes of a flag after its declaration (assignments, updates), or undefined when they cannot be listed. */
function flagWrites(flag: Node, ctx: Ctx): Node[] | undefined {
  if (flag.type === T.Identifier) {
    const v = variableOf(ctx.sourceCode, flag);
    if (!v || v.defs.length !== 1 || v.defs[0]!.type !== 'Variable') return undefined;
    return v.references.filter((r) => r.isWrite() && !r.init).map((r) => r.identifier.parent as Node);
  }
  const field = flag.type === T.MemberExpression ? (fieldOf(flag) ?? tokenField(flag, ctx)) : undefined;
  if (!field) return undefined;
  // The constructor's own start value (`this.closed = false`) is where the flag starts, not a write that ends the loop.
  return field.otherWrites;
}

/**
 * The field a cancellation token's flag is (`this.stop.requested`, `token.cancelled`): the object is
 * only ever an instance of one class of this file (`new StopFlag()`, or nothing yet), held in a
 * field or a variable, and the flag is that class's field (its `stop()` sets it).
 */
function tokenField(member: TSESTree.MemberExpression, ctx: Ctx): FieldInfo | undefined {
  const name = propertyName(member);
  const holder = unwrap(member.object);
  if (!name || member.computed) return undefined;
  let values: (Node | null | undefined)[];
  if (holder.type === T.MemberExpression && unwrap(holder.object).type === T.ThisExpression) {
    const f = fieldOf(holder);
    if (!f) return undefined;
    values = [f.initializer, ...f.constructorWrites, ...f.otherWrites.map((w) => (w.type === T.AssignmentExpression && w.operator === '=' ? w.right : w))];
  } else if (holder.type === T.Identifier) {
    const v = variableOf(ctx.sourceCode, holder);
    if (!v || v.defs.length !== 1 || v.defs[0]!.type !== 'Variable') return undefined;
    values = v.references.filter((r) => r.isWrite()).map((r) => (r.writeExpr as Node | null) ?? null);
  } else return undefined;
  let cls: TSESTree.ClassDeclaration | undefined;
  for (const value of values) {
    const u = value ? unwrap(value) : undefined;
    if (!u || (u.type === T.Identifier && u.name === 'undefined') || (u.type === T.Literal && u.value === null)) continue;
    if (u.type !== T.NewExpression || unwrap(u.callee).type !== T.Identifier) return undefined;
    const def = variableOf(ctx.sourceCode, unwrap(u.callee) as TSESTree.Identifier)?.defs[0];
    if (!def || def.type !== 'ClassName' || def.node.type !== T.ClassDeclaration || (cls && cls !== def.node)) return undefined;
    cls = def.node;
  }
  return cls ? fieldIn(cls, name) : undefined;
}

/** Whether a loop test reads a flag (a variable or `this` field) that a timer's callback writes: a deadline. */
function setByTimer(test: Node, ctx: Ctx): boolean {
  let found = false;
  walk(test, ctx.sourceCode.visitorKeys, (n) => {
    if (found || isFunction(n)) return false;
    if (n.type === T.Identifier || (n.type === T.MemberExpression && unwrap(n.object).type === T.ThisExpression && !n.computed)) {
      if (flagWrites(n, ctx)?.some((w) => inTimerCallback(w, ctx))) found = true;
      return n.type === T.Identifier ? undefined : false;
    }
    return undefined;
  });
  return found;
}

/** `x = true` / `this.x = false`: an assignment of a boolean literal. */
function booleanWrite(w: Node): boolean {
  if (w.type !== T.AssignmentExpression || w.operator !== '=') return false;
  const r = unwrap(w.right);
  return r.type === T.Literal && typeof r.value === 'boolean';
}

/** Whether a node runs in a function handed to a timer (`setTimeout(() => { expired = true }, ms)`). */
function inTimerCallback(n: Node, ctx: Ctx): boolean {
  for (let p = n.parent; p; p = p.parent) {
    if (!isFunction(p)) continue;
    const call = p.parent;
    if (call?.type === T.CallExpression && call.arguments.includes(p as TSESTree.CallExpressionArgument) && isGlobalTimer(ctx.sourceCode, call)) return true;
  }
  return false;
}

/**
 * A call in the loop (outside nested functions) to a same-file function or method that throws
 * when a count reaches a limit: `if (retries >= max) throw err`, `if (++this.failures > 5) throw e`,
 * where the count is a variable or `this` field stepped by `++`/`+=`/`-=` somewhere (one or two calls
 * deep). The throw must leave the loop: no try inside the loop around the call catches it and goes on.
 */
function throwsOnCount(loop: Loop, ctx: Ctx): AttemptVar[] | undefined {
  let found: AttemptVar[] | undefined;
  ownNodes(loop, ctx, (n) => {
    if (found || n.type !== T.CallExpression) return;
    const target = sameFileFunction(n.callee, ctx);
    if (!target || contains(target, loop) || !throwLeavesLoop(n, loop)) return;
    found = countGuardsThrow(target, ctx, 0);
  });
  return found;
}

/** Every try inside the loop whose block holds `call` has a catch that leaves (or only a finally). */
function throwLeavesLoop(call: Node, loop: Loop): boolean {
  for (let p: Node | undefined = call.parent; p && p !== loop; p = p.parent) {
    const t = p.parent;
    if (t?.type === T.TryStatement && t.block === p && t.handler && !alwaysExits(t.handler.body)) return false;
  }
  return true;
}

/**
 * `fn` (or a same-file function it calls) throws under a test of a stepped count. Returns the
 * counts it tests with their ranges (a variable counting up to a known limit gets that limit as
 * its largest value, so a delay growing with it is bounded), or undefined.
 */
function countGuardsThrow(fn: NonNullable<ReturnType<typeof sameFileFunction>>, ctx: Ctx, depth: number): AttemptVar[] | undefined {
  let found: AttemptVar[] | undefined;
  walk(fn.body, ctx.sourceCode.visitorKeys, (n) => {
    if (found || (n !== fn.body && isFunction(n))) return false;
    if (n.type === T.IfStatement && throwsAlways(n.consequent)) found = testsStepped(n.test, ctx);
    if (!found && n.type === T.CallExpression && depth < 1) {
      const inner = sameFileFunction(n.callee, ctx);
      if (inner && inner !== fn && !contains(inner, n)) found = countGuardsThrow(inner, ctx, depth + 1);
    }
    return undefined;
  });
  return found;
}

function throwsAlways(s: Node): boolean {
  if (s.type === T.ThrowStatement) return true;
  return s.type === T.BlockStatement && s.body.length > 0 && s.body[s.body.length - 1]!.type === T.ThrowStatement;
}

/**
 * The test compares a stepped count (`retries >= max`, `++this.failures > 5`) with something:
 * the counted variables with their ranges (`retries >= max` with `max` known: at most `max`), an
 * empty list for a field or an update, undefined when no stepped count is tested.
 */
function testsStepped(test: Node, ctx: Ctx): AttemptVar[] | undefined {
  let found: AttemptVar[] | undefined;
  walk(test, ctx.sourceCode.visitorKeys, (n) => {
    if (isFunction(n)) return false;
    if (n.type !== T.BinaryExpression || !['<', '<=', '>', '>=', '===', '==', '!==', '!='].includes(n.operator)) return undefined;
    for (const [side, other] of [[n.left, n.right], [n.right, n.left]] as const) {
      const u = unwrap(side as Node);
      if (u.type === T.UpdateExpression) {
        found ??= [];
      } else if (u.type === T.Identifier) {
        const v = variableOf(ctx.sourceCode, u);
        if (v && v.references.some((r) => isStep(r.identifier.parent, r.identifier))) {
          const limit = evaluate(other as Node, makeEnv(ctx.sourceCode));
          const hi = !limit.opaque && limit.lo === limit.hi && Number.isFinite(limit.hi) ? limit.hi : Infinity;
          found = [...(found ?? []), { variable: v, lo: 0, hi }];
        }
      } else if (u.type === T.MemberExpression && unwrap(u.object).type === T.ThisExpression) {
        const f = fieldOf(u);
        if (f && f.otherWrites.some((w) => isStep(w, undefined))) found ??= [];
      }
    }
    return undefined;
  });
  return found;
}

/** `x++`, `--x`, `x += k`, `x -= k` (with `x` the given identifier when one is given). */
function isStep(n: Node | undefined, id: Node | undefined): boolean {
  if (!n) return false;
  if (n.type === T.UpdateExpression) return !id || n.argument === id;
  return n.type === T.AssignmentExpression && (n.operator === '+=' || n.operator === '-=') && (!id || n.left === id);
}

const variableStepsCache = fileMemo<Variable, { node: Node; fn: Node | undefined }[]>();

/**
 * The updates and assignments that write `v` (`v++`, `v += k`, `v = …`), each with its nearest
 * enclosing function, found from the variable's references and memoised per variable: a loop
 * asks for the steps of each of its counters, and a loop nesting d others has d of them, so a walk
 * of the loop's body per loop (or per counter) cost O(d²) (or O(d³)) in the depth.
 */
function stepsOfVariable(v: Variable, ctx: Ctx): { node: Node; fn: Node | undefined }[] {
  let steps = variableStepsCache.get(v);
  if (!steps) {
    steps = [];
    for (const r of v.references) {
      // The written expression, through the wrappers `unwrap` strips (`(x as number)++`).
      let target: Node = r.identifier as Node;
      while (target.parent && unwrap(target.parent) !== target.parent && (target.parent as { expression?: Node }).expression === target) target = target.parent;
      const n = target.parent;
      const writes = n?.type === T.UpdateExpression ? n.argument === target : n?.type === T.AssignmentExpression && n.left === target;
      if (!n || !writes || r.identifier.type !== T.Identifier || variableOf(ctx.sourceCode, r.identifier) !== v) continue;
      const owner = n.parent && ownerOf(n.parent);
      const fn = owner && isFunction(owner) ? owner : undefined;
      steps.push({ node: n, fn });
    }
    variableStepsCache.set(v, steps);
  }
  return steps;
}

/**
 * The updates and assignments of `v` in the loop's body, not in nested functions (their order
 * does not matter to {@link saturation}).
 */
function stepsIn(loop: Loop, v: Variable, ctx: Ctx): Node[] {
  return stepsOfVariable(v, ctx).filter((s) => contains(loop.body, s.node) && !(s.fn && contains(loop.body, s.fn))).map((s) => s.node);
}

const stepFactsCache = fileMemo<Node, PathFact[]>();

/**
 * The path facts of a step up to the top of the file, memoised per step: those of an enclosing
 * loop's body are the ones established within it (`pathFacts(step, loop.body)`, in the same
 * order), so a step inside d nested loops climbs its ancestors once rather than once per loop.
 */
function stepFacts(step: Node, ctx: Ctx): PathFact[] {
  let facts = stepFactsCache.get(step);
  if (!facts) {
    facts = pathFacts(step, ctx.sourceCode.ast);
    stepFactsCache.set(step, facts);
  }
  return facts;
}

/**
 * The largest value of a count that the loop steps up by one only under a test that it is below a
 * known limit (`if (n < max) n++`, `if (n <= max - 1) { n += 1; }`): the limit. Undefined when
 * some step is not so guarded or the limit is unknown.
 */
function saturation(loop: Loop, v: Variable, ctx: Ctx): number | undefined {
  const steps = stepsIn(loop, v, ctx);
  if (steps.length === 0) return undefined;
  let ceiling = -Infinity;
  for (const step of steps) {
    const one = step.type === T.UpdateExpression ? step.operator === '++' : step.type === T.AssignmentExpression && step.operator === '+=' && constantNumber(ctx.sourceCode, step.right) === 1;
    if (!one) return undefined;
    let limit: number | undefined;
    for (const fact of stepFacts(step, ctx)) {
      if (!contains(loop.body, fact.at)) continue;
      for (const { cmp, holds } of impliedComparisons(fact)) {
        const isV = (x: Node): boolean => { const u = unwrap(x); return u.type === T.Identifier && variableOf(ctx.sourceCode, u) === v; };
        let op = cmp.operator as string;
        let other: Node | undefined;
        if (cmp.left.type !== T.PrivateIdentifier && isV(cmp.left)) other = cmp.right;
        else if (isV(cmp.right)) {
          other = cmp.left;
          op = ({ '<': '>', '>': '<', '<=': '>=', '>=': '<=' } as Record<string, string>)[op] ?? op;
        }
        if (!other) continue;
        if (!holds) op = ({ '<': '>=', '<=': '>', '>': '<=', '>=': '<' } as Record<string, string>)[op] ?? '';
        const k = evaluate(other, makeEnv(ctx.sourceCode));
        if (k.opaque || k.lo !== k.hi || !Number.isFinite(k.lo)) continue;
        // Below the limit before the step: at most the limit after it.
        const max = op === '<' ? k.lo : op === '<=' ? k.lo + 1 : undefined;
        if (max !== undefined) limit = limit === undefined ? max : Math.min(limit, max);
      }
    }
    if (limit === undefined) return undefined;
    ceiling = Math.max(ceiling, limit);
  }
  return ceiling;
}

/**
 * The test reads only local variables of the enclosing function that the loop never counts with (a
 * success flag, a counter never changed), or a flag field of a local result object that is only ever
 * given object literals with a literal for that field (`while (!result.ok)` with `result = { ok:
 * true, value }` on success).
 */
function onlyLocalStateInTest(test: Node, loop: Loop, ctx: Ctx): boolean {
  let ok = true;
  let sawVar = false;
  walk(test, ctx.sourceCode.visitorKeys, (n) => {
    if (!ok) return false;
    if (n.type === T.MemberExpression && !n.computed && unwrap(n.object).type === T.Identifier) {
      const v = variableOf(ctx.sourceCode, unwrap(n.object) as TSESTree.Identifier);
      const decl = v?.defs[0]?.node;
      const literalOnly = !!v && decl?.type === T.VariableDeclarator && enclosing(decl) === enclosing(loop) && v.references.every((r) => {
        if (!r.isWrite()) return (r.identifier as Node).parent?.type === T.MemberExpression && ((r.identifier as Node).parent as TSESTree.MemberExpression).object === r.identifier && !isWrittenMember((r.identifier as Node).parent as Node);
        const w = r.writeExpr ? unwrap(r.writeExpr as Node) : undefined;
        if (w?.type !== T.ObjectExpression || hasSpread(w)) return false;
        // The field tested is a flag: a literal (`ok: true`) wherever it is given.
        const field = w.properties.find((q): q is TSESTree.Property => q.type === T.Property && propertyName(q) === propertyName(n));
        return !field || unwrap(field.value).type === T.Literal;
      });
      // The catch asks a call whether to go round (`const next = await decide(err); if (next ===
      // 'again') continue; throw err`): the bound may live there, unseen.
      if (!literalOnly || catchAsksCall(loop, ctx)) ok = false;
      else sawVar = true;
      return false;
    }
    if (n.type === T.MemberExpression || n.type === T.CallExpression) {
      ok = false;
      return false;
    }
    if (n.type === T.Identifier) {
      const v = variableOf(ctx.sourceCode, n);
      const b = v && bindingOf(v);
      // `while (attempts < MAX)` with `const MAX = 5` outside the function: a literal by another name.
      if (v?.defs[0] && enclosing(v.defs[0].node) !== enclosing(loop) && constantValue(ctx.sourceCode, n)) return undefined;
      if (!v || !b || (b.kind !== 'init' && b.kind !== 'param-default') || v.defs[0]?.node.type !== T.VariableDeclarator) {
        ok = false;
        return false;
      }
      // Declared in the same function as the loop.
      const decl = v.defs[0].node;
      if (enclosing(decl) !== enclosing(loop)) ok = false;
      // `next = policy.nextDelay(n)` in the catch: a call decides whether the loop goes on (a policy
      // returning null, F2); the bound lives there, unseen.
      if (decidedInCatch(v, loop)) ok = false;
      sawVar = true;
    }
    return undefined;
  });
  return ok && sawVar;
}

/**
 * Whether a catch clause of the loop decides whether to go round by a call's answer: an `if` of the
 * catch tests a variable the catch gave a call's (awaited) result (`const next = await decide(err)`).
 */
function catchAsksCall(loop: Loop, ctx: Ctx): boolean {
  let asks = false;
  walk(loop.body, ctx.sourceCode.visitorKeys, (n) => {
    if (asks || isFunction(n)) return false;
    if (n.type !== T.CatchClause) return undefined;
    const fromCall = new Set<Variable>();
    walk(n.body, ctx.sourceCode.visitorKeys, (m) => {
      if (isFunction(m)) return false;
      if (m.type === T.VariableDeclarator && m.id.type === T.Identifier && m.init) {
        let init = unwrap(m.init);
        if (init.type === T.AwaitExpression) init = unwrap(init.argument);
        const v = variableOf(ctx.sourceCode, m.id);
        if (init.type === T.CallExpression && v) fromCall.add(v);
      }
      if (m.type === T.IfStatement && fromCall.size > 0 && readsVariable(m.test, fromCall, ctx)) asks = true;
      return undefined;
    });
    return false;
  });
  return asks;
}

/** Whether a member expression is written (`o.p = x`, `o.p++`, `o.p += 1`). */
function isWrittenMember(m: Node): boolean {
  const p = m.parent;
  return (p?.type === T.AssignmentExpression && p.left === m) || (p?.type === T.UpdateExpression && p.argument === m);
}

/** The variable is given a call's result inside a catch clause of the loop (the failure path asks someone whether to go on). */
function decidedInCatch(v: Variable, loop: Loop): boolean {
  return v.references.some((r) => {
    if (!r.isWrite() || !contains(loop, r.identifier)) return false;
    const a = r.identifier.parent;
    if (a?.type !== T.AssignmentExpression || a.left !== r.identifier) return false;
    let rhs = unwrap(a.right);
    if (rhs.type === T.AwaitExpression) rhs = unwrap(rhs.argument);
    if (rhs.type !== T.CallExpression) return false;
    for (let p: Node | undefined = a.parent; p && p !== loop; p = p.parent) if (p.type === T.CatchClause) return true;
    return false;
  });
}

function enclosing(n: Node): Node | undefined {
  let p = n.parent;
  while (p && !isFunction(p)) p = p.parent;
  return p;
}

/** The counter's value before the loop: the `for` init or the declaration's initialiser. */
function initialValue(v: Variable, ctx: Ctx): number | undefined {
  const b = bindingOf(v);
  if (!b || !b.node) return undefined;
  if (b.kind !== 'init' && b.kind !== 'param-default') return undefined;
  const val = evaluate(b.node, makeEnv(ctx.sourceCode));
  return !val.opaque && val.lo === val.hi ? val.lo : undefined;
}

/**
 * The counters' ranges on the path to `node`: a wait guarded by `n < 4` (or after `if (n >= 4) throw`,
 * or `if (n === 4) throw` where 4 is its largest value) runs only while the counter is below 4,
 * whatever bounds the loop as a whole (S1).
 */
function attemptsOnPath(node: Node, loop: Loop, attempts: AttemptVar[], ctx: Ctx): AttemptVar[] {
  if (attempts.length === 0) return attempts;
  // A counter stepped on the way (`tries++; await sleep(500 * tries)`) holds one more at the wait
  // than where it was tested: the loop's own test (`while (tries < 3)`) and each test on the path.
  const stepped = attempts.map((a) => {
    const testsIt = loop.type !== T.ForOfStatement && !!loop.test && refersTo(loop.test, a.variable, ctx);
    const k = testsIt ? stepsBefore(node, loop.body, a.variable, undefined, ctx) : 0;
    return k === 0 ? a : { ...a, lo: a.lo + k, hi: a.hi + k };
  });
  const facts = pathFacts(node, loop.body).flatMap((f) => impliedComparisons(f, { sourceCode: ctx.sourceCode, within: loop.body }).map((c) => ({ ...c, at: f.test })));
  if (facts.length === 0) return stepped;
  return stepped.map((a) => {
    // The counter's range came from a test; stepped after that test on the way to the wait (`if (n <
    // 3) { n++; await sleep(1000 * n) }`), it holds one more at the wait than the test let through.
    let base = a.hi;
    for (const { cmp, holds, at } of facts) {
      const k = stepsBefore(node, loop.body, a.variable, at.range[1], ctx);
      if (k === 0 || cmp.left.type === T.PrivateIdentifier) continue;
      const u = unwrap(cmp.left);
      const w = unwrap(cmp.right);
      const onLeft = u.type === T.Identifier && isReferenceTo(a.variable, u);
      const onRight = w.type === T.Identifier && isReferenceTo(a.variable, w);
      if (!onLeft && !onRight) continue;
      let op: string = onLeft ? cmp.operator : (({ '<': '>', '>': '<', '<=': '>=', '>=': '<=' } as Record<string, string>)[cmp.operator] ?? cmp.operator);
      if (!holds) op = ({ '<': '>=', '<=': '>', '>': '<=', '>=': '<' } as Record<string, string>)[op] ?? '';
      const lim = evaluate(onLeft ? cmp.right : cmp.left, makeEnv(ctx.sourceCode));
      if (lim.opaque || lim.lo !== lim.hi) continue;
      const atTest = op === '<' ? lim.lo - 1 : op === '<=' ? lim.lo : undefined;
      if (atTest !== undefined && atTest === a.hi) base = Math.max(base, atTest + k);
    }
    let hi = base;
    for (const { cmp, holds, at } of facts) {
      const k = stepsBefore(node, loop.body, a.variable, at.range[1], ctx);
      if (cmp.left.type === T.PrivateIdentifier) continue;
      let op: string = cmp.operator;
      let other: Node;
      const isV = (x: Node): boolean => {
        const u = unwrap(x);
        return u.type === T.Identifier && isReferenceTo(a.variable, u);
      };
      if (isV(cmp.left)) other = cmp.right;
      else if (isV(cmp.right)) {
        other = cmp.left;
        op = ({ '<': '>', '>': '<', '<=': '>=', '>=': '<=' } as Record<string, string>)[op] ?? op;
      } else continue;
      if (!holds) op = ({ '<': '>=', '<=': '>', '>': '<=', '>=': '<', '===': '!==', '==': '!=', '!==': '===', '!=': '==' } as Record<string, string>)[op] ?? '';
      const lim = evaluate(other, makeEnv(ctx.sourceCode));
      if (lim.opaque || lim.lo !== lim.hi) continue;
      // The bound holds where the test is; `k` steps after it raise it at the wait.
      if (op === '<') hi = Math.min(hi, lim.lo - 1 + k);
      else if (op === '<=' || op === '===' || op === '==') hi = Math.min(hi, lim.lo + k);
      // Past `if (attempt === last) throw err;` the counter is not its largest value: the last
      // attempt leaves before it waits, so the longest wait taken is the one before it.
      else if ((op === '!==' || op === '!=') && lim.lo + k === hi) hi -= 1;
    }
    return hi === a.hi ? a : { ...a, hi: Math.max(a.lo, hi) };
  });
}

/**
 * How many statements step `v` by one (`v++`, `++v`, `v += 1`, `v = v + 1`) on every path from the
 * start of `body` to `node`, before it (and after position `after`, when given): statements earlier
 * in the blocks that enclose `node`.
 */
function stepsBefore(node: Node, body: Node, v: Variable, after: number | undefined, ctx: Ctx): number {
  let count = 0;
  for (let child: Node = node, p = node.parent; p; child = p, p = p.parent) {
    if (isFunction(p)) break;
    const list: readonly Node[] | undefined = p.type === T.BlockStatement ? p.body : p.type === T.SwitchCase ? p.consequent : undefined;
    if (list) {
      for (const st of list) {
        if (st === child) break;
        if (after !== undefined && st.range[0] < after) continue;
        if (st.type === T.ExpressionStatement && stepsByOne(st.expression, v, ctx)) count++;
      }
    }
    if (p === body) break;
  }
  return count;
}

function stepsByOne(e: Node, v: Variable, ctx: Ctx): boolean {
  const u = unwrap(e);
  const isV = (x: Node): boolean => {
    const w = unwrap(x);
    return w.type === T.Identifier && isReferenceTo(v, w);
  };
  if (u.type === T.UpdateExpression) return u.operator === '++' && isV(u.argument);
  if (u.type !== T.AssignmentExpression || !isV(u.left)) return false;
  const r = unwrap(u.right);
  // One however it is written: `1`, or a constant holding it (`const STEP = 1`).
  const one = (x: Node): boolean => {
    const k = evaluate(x, makeEnv(ctx.sourceCode));
    return !k.opaque && k.lo === 1 && k.hi === 1;
  };
  if (u.operator === '+=') return one(u.right);
  return u.operator === '=' && r.type === T.BinaryExpression && r.operator === '+' && ((isV(r.left as Node) && one(r.right)) || (one(r.left as Node) && isV(r.right)));
}

/** Whether an awaited wait of the loop sits in a loop nested in it (a countdown of ticks). */
function waitsInNestedLoop(loop: Loop, ctx: Ctx): boolean {
  return awaitedWaits(loop.body, ctx).some((w) => {
    for (let p = w.parent; p && p !== loop; p = p.parent) {
      if (p.type === T.ForStatement || p.type === T.WhileStatement || p.type === T.DoWhileStatement || p.type === T.ForOfStatement || p.type === T.ForInStatement) return true;
    }
    return false;
  });
}

/** Waits in the loop that are awaited (a dropped wait promise is no wait). */
function collectLoopWaits(loop: Loop, ctx: Ctx, attempts: AttemptVar[], iterations: number | undefined): RetrySite['waits'] {
  const waits: RetrySite['waits'] = [];
  walkRegion(loop.body, ctx.sourceCode, (n) => {
    if (n !== loop.body && (n.type === T.ForStatement || n.type === T.WhileStatement || n.type === T.DoWhileStatement)) return false;
    if (n.type !== T.CallExpression && n.type !== T.NewExpression) return undefined;
    const w = asWait(n, ctx.sourceCode, ctx.settings);
    if (!w || !isAwaited(n, ctx.sourceCode)) return undefined;
    waits.push(waitOf(w, ctx.sourceCode, attemptsOnPath(n, loop, attempts, ctx), iterations, { node: loop }));
    return false;
  }, false);
  const kept = withoutSuccessPause(withoutPacing(loop, waits), attempts, ctx).filter((w) => !leavesAfterWait(w.node, loop, ctx));
  return kept.length > 0 ? kept : failureWaitsInOperation(loop, ctx, iterations);
}

/**
 * Waits the retried operation takes itself before it reports the failure: a same-file function
 * awaited in the pass (or the callback of an awaited `.then`) whose body waits and then throws
 * (`await sleep(cfg.retryWaitMs); throw new Error(…)`) or hands back nothing (`await pause(ms);
 * return null` with `while (!answer)`), so the loop goes round after that wait. Taken only when the
 * loop has no wait of its own; the wait is judged where it is written.
 */
function failureWaitsInOperation(loop: Loop, ctx: Ctx, iterations: number | undefined): RetrySite['waits'] {
  const out: RetrySite['waits'] = [];
  const seen = new Set<Node>();
  const reportsFailure = (st: Node | undefined): boolean => st?.type === T.ThrowStatement || handsBackNothing(st);
  walkRegion(loop.body, ctx.sourceCode, (c) => {
    if (isFunction(c)) return false;
    if (c.type !== T.CallExpression || !isAwaited(c, ctx.sourceCode)) return undefined;
    const callee = unwrap(c.callee);
    const cb = callee.type === T.MemberExpression && propertyName(callee) === 'then' && c.arguments[0] ? unwrap(c.arguments[0]) : undefined;
    const fn = cb && isFunction(cb) ? cb : sameFileFunction(c.callee, ctx);
    if (!fn?.body || fn.body.type !== T.BlockStatement || seen.has(fn) || contains(fn, loop)) return undefined;
    seen.add(fn);
    // The operation's parameters read as what the loop hands it (`attemptOnce(n, cfg)`).
    const outer = fn === cb ? [] : fn.params.flatMap((p, i) => {
      const arg = c.arguments[i];
      return p.type === T.Identifier && arg && arg.type !== T.SpreadElement ? [{ param: p, arg: arg }] : [];
    });
    for (const w of waitsBeforeFailure(fn, ctx.sourceCode, ctx.settings, reportsFailure)) out.push(waitOf({ ...w, bindings: [...w.bindings, ...outer] }, ctx.sourceCode, [], iterations, { node: loop }));
    return undefined;
  }, false);
  return out;
}

/**
 * Whether every path from a wait leaves the loop before another attempt: a later statement of its
 * block, or of an enclosing block up to the loop body, returns, throws or breaks out, with no
 * `continue` before it (`catch (e) { if (upgraded(e)) { await sleep(1000); return ready() } }`, a
 * settle pause before handing the result back). Such a wait is between the last attempt and the
 * caller, not between attempts. A wait inside a `try` block is kept: what follows it may throw
 * into a catch that goes round (`try { await sleep(d); return await op() } catch {}`).
 */
function leavesAfterWait(wait: Node, loop: Loop, ctx: Ctx): boolean {
  for (let c: Node = wait, p = c.parent; p && c !== loop.body; c = p, p = p.parent) {
    if (isFunction(p) || p.type === T.SwitchCase || (p.type === T.TryStatement && p.block === c)) return false;
  }
  let cur: Node = wait;
  for (let p = cur.parent; p && cur !== loop.body; cur = p, p = p.parent) {
    if (p.type !== T.BlockStatement) continue;
    for (const later of p.body.slice(p.body.indexOf(cur as TSESTree.Statement) + 1)) {
      let goesRound = false;
      walk(later, ctx.sourceCode.visitorKeys, (st) => {
        if (goesRound || isFunction(st)) return false;
        if (st.type === T.ContinueStatement) goesRound = true;
        return undefined;
      });
      if (goesRound) return false;
      if (leavesFor(later) || endsLoopByFlag(later, loop, ctx)) return true;
    }
  }
  return false;
}

/**
 * A statement that sets a flag the loop's test needs to the value that fails it (`done = true` under
 * `while (n <= max && !done)`): the pass it ends is the loop's last, whatever the flag is called.
 */
function endsLoopByFlag(st: Node, loop: Loop, ctx: Ctx): boolean {
  const test = loop.type === T.ForOfStatement ? undefined : loop.test;
  if (!test || st.type !== T.ExpressionStatement || st.expression.type !== T.AssignmentExpression || st.expression.operator !== '=') return false;
  const right = unwrap(st.expression.right);
  if (right.type !== T.Literal) return false;
  const target = ctx.sourceCode.getText(unwrap(st.expression.left));
  return neededFlags(test).some(({ flag, want }) => ctx.sourceCode.getText(flag) === target && !!right.value !== want);
}

/** A statement that always returns, throws or breaks (not `continue`): every path through it leaves. */
function leavesFor(st: Node): boolean {
  switch (st.type) {
    case T.ThrowStatement:
    case T.ReturnStatement:
      return true;
    case T.BreakStatement:
      return !st.label;
    case T.BlockStatement:
      return st.body.some((x) => leavesFor(x));
    case T.IfStatement:
      return !!st.alternate && leavesFor(st.consequent) && leavesFor(st.alternate);
    default:
      return false;
  }
}


/**
 * The loop's waits less a pause on the success path: a wait in a `try` block, under a test that is
 * no failure check (`if (hasMore) await sleep(pageGapMs)` after a page is stored), when that try's
 * catch waits on its own before the next attempt. The pause spaces the work the loop does after a
 * success (the next page); the waits between a failure and its retry are the catch's. A test of
 * the attempt counter (`if (attempt > 0) await sleep(backoff(attempt))`) skips the wait on the
 * first attempt only: the wait before each later attempt, kept.
 */
function withoutSuccessPause(waits: RetrySite['waits'], attempts: AttemptVar[], ctx: Ctx): RetrySite['waits'] {
  if (waits.length < 2) return waits;
  const { sourceCode } = ctx;
  const inCatch = (w: RetrySite['waits'][number], t: TSESTree.TryStatement): boolean => !!t.handler && contains(t.handler.body, w.node);
  const failureTest = (test: Node): boolean => okCheck(test, sourceCode) === 'failure' || gatedOkCheck(test, sourceCode) === 'failure' || statusesTested(test, sourceCode).length > 0 || isRetryPredicate(test, sourceCode) || hasNotOk(test);
  const kept = waits.filter((w) => {
    let child: Node = w.node;
    let underOtherTest = false;
    for (let p: Node | undefined = w.node.parent; p; child = p, p = p.parent) {
      if (isFunction(p)) return true;
      if (p.type === T.IfStatement && child !== p.test) {
        if (failureTest(p.test) || testsAttempt(p.test, attempts, ctx)) return true;
        underOtherTest = true;
      }
      // A wait in the attempt itself, under no failure test (a pause between the steps of the
      // operation, run on the way to success too), is pacing when the catch waits on its own.
      if (p.type === T.TryStatement && child === p.block) {
        // A try of its own inside the attempt (`ok = true; try { await sleep(500); await verify() } catch {}`)
        // is not the attempt's: the try whose catch waits is further out.
        if (!waits.some((o) => inCatch(o, p as TSESTree.TryStatement))) continue;
        // Past an early exit on success (`if (res.ok) return res; … await wait(backoff)`), the wait
        // is on the failure path: kept.
        return underOtherTest ? false : !reachesInBlock(p.block, w.node, SUCCESS, sourceCode);
      }
    }
    return true;
  });
  return kept.length > 0 ? kept : waits;
}

/**
 * The loop's waits less a pacing wait: one that a statement of the body runs before the `try` of
 * every attempt, the first included (`await throttle(); try { … } catch { await sleep(backoff) }`),
 * when the failure paths after it wait on their own. Such a wait spaces all calls (a rate limiter);
 * the waits between a failure and its retry are the later ones.
 */
function withoutPacing(loop: Loop, waits: RetrySite['waits']): RetrySite['waits'] {
  if (waits.length < 2 || loop.body.type !== T.BlockStatement) return waits;
  const body = loop.body.body;
  const firstTry = body.findIndex((st) => st.type === T.TryStatement);
  if (firstTry < 0) return waits;
  const topIndex = (n: Node): number => {
    let c: Node = n;
    while (c.parent && c.parent !== loop.body) c = c.parent;
    return body.indexOf(c as TSESTree.Statement);
  };
  const leading = waits.filter((w) => { const i = topIndex(w.node); return i >= 0 && i < firstTry; });
  const later = waits.filter((w) => topIndex(w.node) >= firstTry);
  return leading.length > 0 && later.length > 0 ? later : waits;
}

/** Whether a test reads an attempt counter (`attempt > 0`, `tries !== 0`, `n`). */
function testsAttempt(test: Node, attempts: AttemptVar[], ctx: Ctx): boolean {
  return attempts.some((a) => refersTo(test, a.variable, ctx));
}

/**
 * The site of a timer that re-runs a connect on its own (an interval or a self-rescheduling timer):
 * one wait, nothing classified, and a bound that is unknown when something may stop the timer
 * (`stoppable`) and absent otherwise.
 */
function timerLoopSite(call: TSESTree.CallExpression, wait: Wait, stoppable: boolean): RetrySite {
  return {
    kind: 'loop',
    node: call,
    bound: { kind: stoppable ? 'unknown' : 'unbounded', maxAttempts: undefined, node: call },
    waits: [wait],
    noWait: undefined,
    nonIdempotent: [],
    rateLimitChecks: [],
    honoursRetryAfter: false,
    clientErrorRetries: [],
  };
}
