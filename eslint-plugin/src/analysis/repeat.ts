// Retries written out instead of looped: the operation made again in its own failure handler.
//
//   try { return await send(); } catch { await delay(1000); return await send(); }
//   send().catch(() => delay(1000).then(() => send()))
//   let ws = new WebSocket(url); ws.onclose = () => { ws = new WebSocket(url); };
//
// PRODUCT: code that re-runs an operation after it failed, with the same input, is a retry. Each
// repetition is one more attempt, so the retry is bounded; its waits, requests and failure
// classification are judged as a loop's are. Only a pure "wait, then the same call again" counts:
// a handler that does other work before the repeat (creates a missing directory, refreshes a token,
// reconnects, changes an argument) corrects the request or hands the failure on, and is left alone.
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { T } from './node-types';
import { alwaysExits, calleeName, contains, isDeterministicCall, isFunction, isLogCallee, propertyName, unwrap, walk } from './ast';
import { failureRegistration, handsOnError } from './error-values';
import { isWorkingCall, readsVariable, rerunChangesInput } from './input-change';
import { analyzeOperation, okCheck, statusesTested, type Ctx, type RetryCatch } from './operation';
import { importedName, RELEASE_RE } from './probe';
import { sameFileFunction } from './delay';
import { computesOnly as functionComputesOnly } from './recursion';
import { fileIndex } from './file-index';
import type { Node, RetrySite, Wait } from './types';
import { originOf, settlesEnclosingPromise, variableOf } from './scope';
import { CLEANUP_RE, FS_MODULE_RE, PROCESS_MODULE_RE } from './vocabulary';
import { asWait, chainedBefore, isAwaited, isGlobalTimer, timerWaitCall, waitOf, type WaitCall } from './waits';

/** An operation: a call, or a `new` that opens something (`new WebSocket(url)`). */
type Made = TSESTree.CallExpression | TSESTree.NewExpression;

/** One failure handler and the code whose failure it handles. */
interface Handler {
  /** The catch clause, the `.catch(…)` / `.then(…, …)` call, the failed answer's `if`, or a failure event's registration. */
  node: Node;
  /** What runs on failure: the catch body, or the rejection callback's body. */
  body: Node;
  /** The code whose failure reaches the handler: the try block, the promise before `.catch`, the statement making the answer, or the emitter's creation. */
  guarded: Node;
  param: TSESTree.Identifier | undefined;
}

/**
 * The written-out retries of the file: one site per repeated call, bounded at one more attempt than
 * the handlers it sits in. Calls already inside a site of `found` (a loop, a recursion) are theirs.
 */
export function analyzeRepeats(ctx: Ctx, found: readonly RetrySite[]): RetrySite[] {
  const { sourceCode } = ctx;
  const handlers: Handler[] = [];
  let listener: ReturnType<typeof failureListener>;
  // The file index lists every node that can be a handler below, in the order of a walk of the file.
  for (const n of fileIndex(sourceCode).handlerCandidates) {
    if (n.type === T.TryStatement && n.handler) {
      handlers.push({ node: n.handler, body: n.handler.body, guarded: n.block, param: n.handler.param?.type === T.Identifier ? n.handler.param : undefined });
    } else if (n.type === T.IfStatement) {
      // `res = await fetch(u); if (!res.ok) res = await fetch(u);`: the failed answer's branch makes it
      // again. The statement before the `if` must make the answer its test reads: asked first, it
      // spares the status reasoning of `failureTest` on every other `if` of the file.
      const guarded = answeringStatement(n, ctx);
      if (guarded && failureTest(n.test, ctx)) handlers.push({ node: n, body: n.consequent, guarded, param: undefined });
    } else if ((listener = failureListener(n))) {
      // `ws.onclose = () => { ws = new WebSocket(url) }`, `sink.on('error', …)`: the emitter made again when it fails.
      const made = creationOf(listener.emitter, ctx);
      if (made && listener.fn.body) handlers.push({ node: n, body: listener.fn.body, guarded: made, param: undefined });
    } else if (n.type === T.CallExpression && unwrap(n.callee).type === T.MemberExpression) {
      const name = calleeName(n);
      const cb = name === 'catch' ? n.arguments[0] : name === 'then' ? n.arguments[1] : undefined;
      const fn = cb && unwrap(cb);
      if (fn && isFunction(fn) && fn.body) {
        const first = fn.params[0];
        handlers.push({ node: n, body: fn.body, guarded: (unwrap(n.callee) as TSESTree.MemberExpression).object, param: first?.type === T.Identifier ? first : undefined });
      }
    }
  }
  const sites: RetrySite[] = [];
  const repeats = new Map<Handler, ReturnType<typeof repeatedCall>>();
  const repeatOf = (h: Handler): ReturnType<typeof repeatedCall> => {
    if (!repeats.has(h)) repeats.set(h, repeatedCall(h, ctx));
    return repeats.get(h);
  };
  for (const h of handlers) {
    const repeat = repeatOf(h);
    if (!repeat) continue;
    const { original, again } = repeat;
    if (found.some((s) => contains(s.node, again) || contains(s.node, h.node)) || sites.some((s) => s.node === again)) continue;
    // The handler writes something the operation takes (`url = mirror`, `port++`): another input.
    if (rerunChangesInput(h.body, original, ctx)) continue;
    // After the call it answers with the failure (`return sendError(res, …, err)`, `throw wrap(err)`):
    // the call fetched what the report needs (`const { log, sendError } = getGlobals()`), nothing was tried again.
    if (h.param && answersWithFailureAfter(h.body, again, h.param, ctx)) continue;
    // The handler points the call at another receiver (`storage = window.sessionStorage` before
    // `storage.setItem(…)` again): a fallback to another backend, not the same call again.
    if (rebindsReceiver(h.body, original, again, ctx)) continue;
    // Handlers around this one (a repeat inside a repeat's own catch) add an attempt each.
    const depth = handlers.filter((o) => o !== h && contains(o.body, h.node) && repeatOf(o)).length;
    const waits: Wait[] = [];
    for (const w of waitsBefore(h.body, again, ctx)) waits.push(waitOf(w, sourceCode, [], 2 + depth, { node: h.body }));
    const catches: RetryCatch[] = [{ node: h.node, param: h.param, body: h.body, guarded: h.guarded }];
    // The attempt and its handler together: the handler's tests say which failures are tried again.
    const region = h.node.type === T.CatchClause && h.node.parent ? h.node.parent : h.node;
    const op = analyzeOperation(region, catches, ctx, (ifStmt) => contains(ifStmt.consequent, again) || !contains(h.guarded, ifStmt));
    sites.push({
      kind: 'repeat',
      node: again,
      bound: { kind: 'bounded', maxAttempts: 2 + depth, node: again },
      waits,
      noWait: waits.length === 0 ? again : undefined,
      // The request of the attempt, not its copy in the handler (one finding for one retried request).
      // A failed answer's branch (`if (!res.ok)`) is analysed alone: its copy stands for the attempt's request.
      nonIdempotent: h.node.type === T.IfStatement ? op.nonIdempotent.map((r) => (r.node === again ? { ...r, node: original } : r)) : op.nonIdempotent.filter((r) => !contains(h.body, r.node)),
      rateLimitChecks: op.rateLimitChecks,
      honoursRetryAfter: op.honoursRetryAfter,
      clientErrorRetries: op.clientErrorRetries,
      purpose: 'backoff-retry',
      ...(op.caughtStatuses ? { retriedStatuses: op.caughtStatuses } : {}),
    });
  }
  return sites;
}

/**
 * Whether the handler, once `after` has run, reaches a `return` or `throw` (outside nested functions)
 * whose expression reads the caught error: the handler ends by reporting the failure. Only statements
 * that follow the one holding `after` in an enclosing block count, and only while nothing on the way
 * always leaves (`if (timedOut) return await again(); throw err;` never reaches its `throw` after the call).
 */
function answersWithFailureAfter(body: Node, after: Node, param: TSESTree.Identifier, ctx: Ctx): boolean {
  const v = variableOf(ctx.sourceCode, param);
  if (!v) return false;
  const readsError = (n: Node): boolean => {
    let found = false;
    walk(n, ctx.sourceCode.visitorKeys, (m) => {
      if (found || (m !== n && isFunction(m))) return false;
      if ((m.type === T.ReturnStatement || m.type === T.ThrowStatement) && m.argument) {
        walk(m.argument, ctx.sourceCode.visitorKeys, (k) => {
          if (k.type === T.Identifier && variableOf(ctx.sourceCode, k) === v) found = true;
          return found ? false : undefined;
        });
      }
      return undefined;
    });
    return found;
  };
  for (let c: Node = after, p = after.parent; p && c !== body; c = p, p = p.parent) {
    if (isFunction(p)) return false;
    if (p.type !== T.BlockStatement || !(p.body as Node[]).includes(c)) continue;
    if (alwaysExits(c)) return false;
    const later = (p.body as Node[]).slice((p.body as Node[]).indexOf(c) + 1);
    for (const st of later) {
      if (readsError(st)) return true;
      if (alwaysExits(st)) return false;
    }
  }
  return false;
}

/**
 * A failure event's handler written inline and its emitter, a plain variable (`ws.onclose = () => …`,
 * `sink.on('error', (e) => …)`; the forms {@link failureRegistration} reads).
 */
function failureListener(n: Node): { emitter: TSESTree.Identifier; fn: TSESTree.FunctionLike } | undefined {
  const r = n.type === T.AssignmentExpression || n.type === T.CallExpression ? failureRegistration(n) : undefined;
  const fn = r && unwrap(r.handler);
  return fn && isFunction(fn) && r.emitter.type === T.Identifier ? { emitter: r.emitter, fn: fn as TSESTree.FunctionLike } : undefined;
}

/**
 * The expression that made the emitter the listener is registered on: the initialiser of its
 * variable (`let ws = new WebSocket(url)`), when it is a call or a `new` and the variable is a local one.
 */
function creationOf(emitter: TSESTree.Identifier, ctx: Ctx): Node | undefined {
  const v = variableOf(ctx.sourceCode, emitter);
  const def = v?.defs.length === 1 ? v.defs[0] : undefined;
  if (def?.node.type !== T.VariableDeclarator || !def.node.init) return undefined;
  const init = unwrap(def.node.init);
  const made = init.type === T.AwaitExpression ? unwrap(init.argument) : init;
  return made.type === T.NewExpression || made.type === T.CallExpression ? made : undefined;
}

/**
 * A test that is true on a failed answer: `!res.ok`, `res.status !== 200`, `res.status >= 500`,
 * `res.status === 503` (statuses of 400 and up compared for equality or from below).
 */
function failureTest(test: Node, ctx: Ctx): boolean {
  if (okCheck(test, ctx.sourceCode) === 'failure') return true;
  const t = unwrap(test);
  // Taken only when both hold (`!res.ok && res.status === 500`): either one saying the answer failed
  // is enough. Taken when either holds: both must.
  if (t.type === T.LogicalExpression && t.operator === '&&') return failureTest(t.left, ctx) || failureTest(t.right, ctx);
  if (t.type === T.LogicalExpression && t.operator === '||') return failureTest(t.left, ctx) && failureTest(t.right, ctx);
  const tested = statusesTested(test, ctx.sourceCode);
  return t.type === T.BinaryExpression && tested.length === 1 && tested[0]!.code >= 400 && ['===', '==', '>=', '>'].includes(tested[0]!.op);
}

/**
 * The statement just before an `if` that gives the answer its test reads (`res = await fetch(u)`,
 * `const res = await fetch(u)`): the attempt whose failure the branch handles. Undefined when the
 * statement before it is not one, or the `if` is not in a block.
 */
function answeringStatement(ifStmt: TSESTree.IfStatement, ctx: Ctx): Node | undefined {
  const block = ifStmt.parent;
  if (!block || (block.type !== T.BlockStatement && block.type !== T.Program)) return undefined;
  const body = block.body as Node[];
  const prev = body[body.indexOf(ifStmt) - 1];
  if (!prev) return undefined;
  const written = new Set<string>();
  if (prev.type === T.VariableDeclaration) for (const d of prev.declarations) if (d.id.type === T.Identifier && d.init) written.add(d.id.name);
  if (prev.type === T.ExpressionStatement && prev.expression.type === T.AssignmentExpression && prev.expression.left.type === T.Identifier) written.add(prev.expression.left.name);
  if (written.size === 0) return undefined;
  let reads = false;
  walk(ifStmt.test, ctx.sourceCode.visitorKeys, (m) => {
    if (m.type === T.Identifier && written.has(m.name)) reads = true;
    return undefined;
  });
  return reads ? prev : undefined;
}

/**
 * The call of the guarded code that the handler makes again, with the same callee and the same
 * arguments (by text), when everything else the handler runs before it is a wait, a log line or a
 * test: the handler only waits and tries again.
 */
function repeatedCall(h: Handler, ctx: Ctx): { original: Made; again: Made } | undefined {
  const { sourceCode } = ctx;
  // Compared token by token, so the same call laid out or indented differently is the same call.
  const text = (c: Made): string => `${c.type}\u0000${[unwrap(c.callee), ...c.arguments].map((a) => sourceCode.getTokens(a).map((t) => t.value).join(' ')).join('\u0000')}`;
  // The operation whose failure reaches the handler: the guarded code's first working call (the one
  // that completes first). A call made after it (`this.unpin()`, `reader.releaseLock()`) and again in
  // the handler is cleanup on both paths; a first call made inside a test or an argument
  // (`isEnumType(t) ? t.parse(v) : …`) is no operation made for itself, so there is none.
  let first: Made | undefined;
  walk(h.guarded, sourceCode.visitorKeys, (n) => {
    if (n !== h.guarded && isFunction(n)) return false;
    // A `new` is the operation only as the emitter's own creation (`new WebSocket(url)`); elsewhere
    // (`new AbortController()`, `new URL(s)`) it prepares the call that follows.
    // A same-file function that only computes (`this.categorize(items)`) cannot fail the way a
    // retry addresses: making it again in the handler builds a fallback answer, not another attempt.
    if (n.type === T.CallExpression && (functionComputesOnly(sameFileFunction(n.callee, ctx), ctx) || checksOrComputes(n))) return undefined;
    if ((n.type === T.CallExpression || (n.type === T.NewExpression && n === h.guarded)) && isCandidate(n, ctx) && (!first || n.range[1] < first.range[1])) first = n;
    return undefined;
  });
  if (!first || !isOperation(first, ctx) || conditionalIn(first, h.guarded)) return undefined;
  const original: Made = first;
  if (h.node.type === T.CatchClause && throwsOnlyInPlace(original, ctx)) return undefined;
  const wanted = text(original);
  let again: Made | undefined;
  let other = false;
  walk(h.body, sourceCode.visitorKeys, (n) => {
    if (again || other) return false;
    if (n.type !== T.CallExpression && n.type !== T.NewExpression) return undefined;
    if (text(n) === wanted && isOperation(n, ctx)) {
      again = n;
      return false;
    }
    // Waits, log lines, arithmetic and the promise plumbing around them are no other work.
    if (asWait(n, sourceCode, ctx.settings) || !isWorkingCall(n, ctx) || (n.type === T.CallExpression && (isPlumbing(n) || computesOnly(n, ctx)))) return undefined;
    // Giving back what the failed attempt held (`release(slot)`, `clearTimeout(timer)`) is cleanup, not another correction.
    if (isCleanup(n, ctx)) return undefined;
    other = true;
    return false;
  });
  if (!again || other) return undefined;
  // The guarded code goes on to other work after the operation (`setup(); await loadButtons(); await
  // loadStatus()`), which the handler does not make again: the failure that reaches it may be that
  // work's, and making the first step again after it is a fallback or a set-up, not another attempt
  // of what failed (audit-30a: a catch that calls the try's first step again "in case").
  const repeated = new Set<string>();
  walk(h.body, sourceCode.visitorKeys, (n) => {
    if (n !== h.body && isFunction(n)) return false;
    if (n.type === T.CallExpression || n.type === T.NewExpression) repeated.add(text(n));
    return undefined;
  });
  // What reads the operation's answer (`res.json()` with `const res = await fetch(…)`) finishes it:
  // the handler's own copy may name it differently.
  const answers = new Set<TSESLint.Scope.Variable>();
  for (let p: Node | undefined = original.parent; p && p !== h.guarded; p = p.parent) {
    if (p.type === T.VariableDeclarator) {
      for (const v of sourceCode.getDeclaredVariables(p)) answers.add(v);
      break;
    }
    if (p.type !== T.AwaitExpression && p.type !== T.TSAsExpression && p.type !== T.TSNonNullExpression && p.type !== T.ChainExpression) break;
  }
  let unrepeated = false;
  walk(h.guarded, sourceCode.visitorKeys, (n) => {
    if (unrepeated || (n !== h.guarded && isFunction(n))) return false;
    if ((n.type !== T.CallExpression && n.type !== T.NewExpression) || n.range[0] <= original.range[1] || contains(original, n)) return undefined;
    if (readsVariable(n, answers, ctx)) return undefined;
    if (n.type === T.CallExpression && (functionComputesOnly(sameFileFunction(n.callee, ctx), ctx) || checksOrComputes(n) || isPlumbing(n) || computesOnly(n, ctx))) return undefined;
    if (isCandidate(n, ctx) && isOperation(n, ctx) && !conditionalIn(n, h.guarded) && !repeated.has(text(n)) && !CLEANUP_RE.test(calleeName(n) ?? '')) unrepeated = true;
    return undefined;
  });
  if (unrepeated) return undefined;
  // Handing the caught error on (`report(err)`, `next(err)`) is no attempt.
  if (again.type === T.CallExpression && handsOnError(again, sourceCode)) return undefined;
  return { original, again };
}

/**
 * Whether `body` gives the repeated call's receiver (the variable at the root of its callee, `storage`
 * in `storage.setItem(k, v)`) a value unlike any it had when the original call ran: the repeat then
 * works on another object (sessionStorage after localStorage). A receiver made again the same way
 * (`client = createClient(cfg)` twice) is the same input: a reconnect, still a retry.
 */
function rebindsReceiver(body: Node, original: Made, again: Made, ctx: Ctx): boolean {
  let root = unwrap(again.callee);
  while (root.type === T.MemberExpression) root = unwrap(root.object);
  if (root.type !== T.Identifier || root === unwrap(again.callee)) return false;
  const v = variableOf(ctx.sourceCode, root);
  if (!v) return false;
  const text = (n: Node): string => ctx.sourceCode.getText(n);
  const before: string[] = [];
  const inHandler: string[] = [];
  for (const r of v.references) {
    const w = r.writeExpr as Node | null | undefined;
    if (!r.isWrite() || !w) continue;
    if (contains(body, r.identifier) && r.identifier.range[0] < again.range[0]) inHandler.push(text(w));
    else if (r.identifier.range[0] < original.range[0]) before.push(text(w));
  }
  return inHandler.length > 0 && before.length > 0 && inHandler.every((t) => !before.includes(t));
}

/**
 * Whether `c` runs only on some paths through `guarded` (under an `if`, a `switch` case, `?:`, `&&`/`||`/`??`):
 * then its failure is not what reaches the handler on every path (`try { const u = new URL(s); if (bad(u))
 * report(…) } catch { report(…) }` reports in both places, it does not try again).
 */
function conditionalIn(c: Node, guarded: Node): boolean {
  for (let n: Node = c; n !== guarded && n.parent; n = n.parent) {
    const p: Node = n.parent;
    if (p.type === T.IfStatement && p.test !== n) return true;
    if (p.type === T.SwitchCase || (p.type === T.ConditionalExpression && p.test !== n)) return true;
    if (p.type === T.LogicalExpression && p.right === n) return true;
  }
  return false;
}

/** A call that does some work: not a log line, not `Math`/`JSON` arithmetic, not a wait, not promise plumbing. */
function isCandidate(c: Made, ctx: Ctx): boolean {
  if (!isWorkingCall(c, ctx) || (c.type === T.CallExpression && isPlumbing(c))) return false;
  // Settling the promise the code is wrapped in (`resolve()` in the try and the catch) hands a result on.
  const callee = unwrap(c.callee);
  if (callee.type === T.Identifier && settlesEnclosingPromise(callee, ctx.sourceCode)) return false;
  if (isLogCallee(unwrap(c.callee))) return false;
  return !asWait(c, ctx.sourceCode, ctx.settings);
}

/** Calls that check state and throw, doing no work: an abort signal's `throwIfAborted()`, assertions. */
const CHECK_CALL_RE = /^(throwIfAborted|assert\w*|invariant)$/;

/**
 * Lookups in memory the page or the program already holds: DOM queries (`document.getElementById`,
 * `querySelector`, `closest`) and array searches and passes given a callback (`findIndex`, `filter`).
 * They read what is there; nothing transient makes them fail, so made again in a handler they fetch
 * an element or an index to report or fall back with, they do not try the failed work again.
 */
const DOM_QUERY_RE = /^(getElementById|getElementsByClassName|getElementsByTagName|getElementsByName|querySelector|querySelectorAll|closest)$/;
/** Array passes that take a callback (`find` and `sort` left out: database cursors and models have them too). */
const ARRAY_PASS_RE = /^(findIndex|findLast|findLastIndex|filter|some|every|map|flatMap|reduce|reduceRight|forEach)$/;

/** A built-in computation from its arguments ({@link isDeterministicCall}), a check of state ({@link CHECK_CALL_RE}) or a lookup in memory. */
function checksOrComputes(c: Made): boolean {
  const name = calleeName(c) ?? '';
  if (isDeterministicCall(c) || CHECK_CALL_RE.test(name)) return true;
  if (c.type !== T.CallExpression || unwrap(c.callee).type !== T.MemberExpression) return false;
  return DOM_QUERY_RE.test(name) || (ARRAY_PASS_RE.test(name) && c.arguments.some((a) => isFunction(unwrap(a as Node))));
}

/** A call made for the operation: a candidate whose result is what the code is after, not cleanup, not per item. */
function isOperation(c: Made, ctx: Ctx): boolean {
  if (!isCandidate(c, ctx)) return false;
  const callee = unwrap(c.callee);
  // Releasing a resource on both paths (`client.end()` in the try and the catch, `clearTimeout(id)`,
  // `release(id)`) is cleanup.
  if (isCleanup(c, ctx)) return false;
  // A value read inside a larger expression (`s.substring(a, b) === '-'`, `new URL(String(a))`) is no operation made for itself.
  if (!madeForItself(c)) return false;
  // A computation from its arguments (`phone.replace('@x', '')`) fails the same way each time, and a
  // check of state (`signal.throwIfAborted()`, `assert(ok)`) throws, it does no work: made again in the
  // handler, neither is another attempt (a fallback value, a cancellation passed on).
  if (checksOrComputes(c)) return false;
  // Made for each item of a loop in the handler or the try: a walk over the items, not one operation.
  for (let p: Node | undefined = c.parent; p && !isFunction(p); p = p.parent) {
    if (p.type === T.ForStatement || p.type === T.ForOfStatement || p.type === T.ForInStatement || p.type === T.WhileStatement || p.type === T.DoWhileStatement) return false;
    if (p.type === T.TryStatement || p.type === T.CatchClause) break;
  }
  // A call of the function the handler sits in is recursion's (analysed there, with its own tests).
  const own = sameFileFunction(callee, ctx);
  return !(own && contains(own, c));
}

/**
 * Whether a call in a `try` is made for a value computed in memory, which only a synchronous throw
 * can fail: its function is neither async nor a generator (so the catch sees no rejection), its
 * answer is used (not a statement made for its effect, as a stream's `sink.write(…)` is), and it is
 * no blocking input or output (a `…Sync` call, `fs`, `child_process`). Such a throw comes from the
 * value or the arguments, and the same call made again in the catch builds a fallback answer (`try {
 * … item.label() … } catch { return item.label() }`): nothing transient to wait out.
 */
function throwsOnlyInPlace(call: Made, ctx: Ctx): boolean {
  for (let p: Node | undefined = call.parent; p; p = p.parent) {
    if (isFunction(p)) {
      if (p.async || p.generator) return false;
      break;
    }
  }
  let top: Node = call;
  while (top.parent && (top.parent.type === T.ChainExpression || top.parent.type === T.TSAsExpression || top.parent.type === T.TSNonNullExpression)) top = top.parent;
  if (top.parent?.type === T.ExpressionStatement) return false;
  const callee = unwrap(call.callee);
  const name = callee.type === T.MemberExpression ? propertyName(callee) : callee.type === T.Identifier ? (importedName(callee, ctx) ?? callee.name) : undefined;
  if (name !== undefined && /Sync$/.test(name)) return false;
  const from = originOf(ctx.sourceCode, callee);
  return !(from && (FS_MODULE_RE.test(from.module) || PROCESS_MODULE_RE.test(from.module)));
}

/** A call that releases or stops something (`client.end()`, `clearTimeout(id)`, `release(slot)`): cleanup, by its name. */
function isCleanup(c: Made, ctx: Ctx): boolean {
  const callee = unwrap(c.callee);
  // An imported function by the name its module exports it under (`const { release: free } = require(…)`).
  const name = callee.type === T.MemberExpression ? propertyName(callee) : callee.type === T.Identifier ? (importedName(callee, ctx) ?? callee.name) : undefined;
  return name !== undefined && (RELEASE_RE.test(name) || CLEANUP_RE.test(name));
}

/**
 * Whether the call's result is what the code is after: awaited, returned, stored, a statement of its
 * own, chained with `.then`/`.catch`, or read through a member (`(await send()).body`); not an
 * operand or an argument of another expression.
 */
function madeForItself(c: Node): boolean {
  let n: Node = c;
  for (;;) {
    const p: Node | undefined = n.parent;
    if (!p) return false;
    if (p.type === T.AwaitExpression || p.type === T.ChainExpression || p.type === T.TSAsExpression || p.type === T.TSNonNullExpression || (p.type === T.UnaryExpression && p.operator === 'void')) {
      n = p;
      continue;
    }
    if (p.type === T.MemberExpression && p.object === n) {
      const name = propertyName(p) ?? '';
      if (/^(then|catch|finally)$/.test(name) && p.parent?.type === T.CallExpression && p.parent.callee === p) {
        n = p.parent;
        continue;
      }
      // `(await send()).body`, `(await res).json()`: the awaited answer read.
      if (n.type === T.AwaitExpression) {
        n = p.parent?.type === T.CallExpression && p.parent.callee === p ? p.parent : p;
        continue;
      }
      return false;
    }
    return p.type === T.ExpressionStatement || p.type === T.ReturnStatement || (p.type === T.VariableDeclarator && p.init === n) || (p.type === T.AssignmentExpression && p.right === n) || (p.type === T.ArrowFunctionExpression && p.body === n);
  }
}

/** Global functions of the language that only convert or test a value. */
const PURE_GLOBALS: ReadonlySet<string> = new Set(['Number', 'String', 'Boolean', 'parseInt', 'parseFloat', 'isNaN', 'isFinite']);

/** A callee that is one of {@link PURE_GLOBALS}, not shadowed in this file. */
function isPureGlobal(callee: Node, ctx: Ctx): boolean {
  return callee.type === T.Identifier && PURE_GLOBALS.has(callee.name) && !variableOf(ctx.sourceCode, callee)?.defs.length;
}

/**
 * A call of a same-file function that only computes a value from its arguments (`between(lo, hi)`,
 * `toMs(s)`): its body calls nothing but `Math`/`Number`/`String`/`JSON` and writes only its own
 * locals. No work of its own, as arithmetic written inline is none.
 */
function computesOnly(c: TSESTree.CallExpression, ctx: Ctx): boolean {
  // `Number(h['retry-after'])`, `parseInt(s, 10)`: a conversion of the language's own, not shadowed here.
  const callee = unwrap(c.callee);
  if (isPureGlobal(callee, ctx)) return true;
  const fn = sameFileFunction(callee, ctx);
  if (!fn?.body) return false;
  let pure = true;
  walk(fn.body, ctx.sourceCode.visitorKeys, (n) => {
    if (!pure) return false;
    if (n.type === T.CallExpression || n.type === T.NewExpression) {
      const inner = unwrap(n.callee);
      if (!isPureGlobal(inner, ctx) && (inner.type === T.Identifier || !isLogCallee(inner, ['Math', 'Number', 'String', 'JSON']))) pure = false;
    } else if (n.type === T.AwaitExpression || n.type === T.YieldExpression || n.type === T.ThisExpression) {
      pure = false;
    } else if (n.type === T.AssignmentExpression || n.type === T.UpdateExpression) {
      const target = unwrap(n.type === T.AssignmentExpression ? n.left : n.argument);
      const v = target.type === T.Identifier ? variableOf(ctx.sourceCode, target) : undefined;
      if (!v || !v.defs.every((d) => contains(fn, d.node))) pure = false;
    }
    return undefined;
  });
  return pure;
}

/** `.then`, `.catch`, `.finally`, `Promise.resolve/reject/all…`, `new Promise` plumbing. */
function isPlumbing(c: TSESTree.CallExpression): boolean {
  const callee = unwrap(c.callee);
  if (callee.type !== T.MemberExpression) return false;
  const name = propertyName(callee) ?? '';
  if (/^(then|catch|finally)$/.test(name)) return true;
  const obj = unwrap(callee.object);
  return obj.type === T.Identifier && obj.name === 'Promise';
}

/**
 * The waits of the handler that run before `again`: awaited before it, heading the chain that makes
 * it, or a timer whose callback makes it (`setTimeout(() => send(), ms)`).
 */
function waitsBefore(body: Node, again: Node, ctx: Ctx): WaitCall[] {
  const out: WaitCall[] = [];
  walk(body, ctx.sourceCode.visitorKeys, (n) => {
    if ((n.type !== T.CallExpression && n.type !== T.NewExpression) || n.range[0] >= again.range[0]) return undefined;
    const cb = n.type === T.CallExpression && n.arguments[0] ? unwrap(n.arguments[0]) : undefined;
    if (n.type === T.CallExpression && cb && isFunction(cb) && contains(cb, again) && isGlobalTimer(ctx.sourceCode, n)) {
      const w = timerWaitCall(n);
      if (w) out.push(w);
      return undefined;
    }
    const w = asWait(n, ctx.sourceCode, ctx.settings);
    if (!w) return undefined;
    if (isAwaited(n, ctx.sourceCode) || chainedBefore(n, again)) out.push(w);
    return false;
  });
  return out;
}
