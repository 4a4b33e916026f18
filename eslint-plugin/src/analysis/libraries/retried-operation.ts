import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { calleeName, contains, isFunction, propertyName, stringValue, unwrap, walk } from '../ast';
import { waitOf, waitsBeforeFailure } from '../waits';
import { sameFileFunction } from '../delay';
import { describeHttpCall, judgeIdempotencyAll, makesFreshId, possibleMethods, sameFileCallers, type HttpCall } from '../http';
import { analyzeOperation, classifiesStatus, clientRangeGuard, instanceofClassifies, isClassifierCall, okCheck, readsRetryAfter, statusesTested } from '../operation';
import { fieldOf, normalPath, variableOf } from '../scope';
import { isRetryAfterStatus, REFUSED_STATUSES } from '../statuses';
import { throwsNotYet } from '../probe';
import { evalTest } from '../flow';
import type { ClientErrorRetry, Node, RetrySite } from '../types';
import { resolveFunction } from './option-state';
import type { LibraryContext } from './types';
import { propertiesOf, resolveObject, type FunctionNode } from './util';
import { isIdempotencyKeyName } from '../vocabulary';

/**
 * For retry libraries that run a function again (p-retry, async-retry, promise-retry,
 * exponential-backoff, retry): judges the HTTP calls inside the retried function.
 *
 * - a POST/PATCH without a stable idempotency key is a non-idempotent retry (a key created inside
 *   the function is created anew on every attempt);
 * - an HTTP client that throws on 4xx (axios, got, ky, ofetch, superagent), called in a function
 *   that classifies nothing (no `try`, `throw`, status or error-code test, no `bail`/`AbortError`),
 *   with no retry condition option, retries 4xx like an outage (reported at `conditionNode`).
 *
 * A function that cannot be resolved (a parameter, an import) is opaque: nothing is reported.
 */
export function judgeRetriedFunction(
  ctx: LibraryContext,
  site: RetrySite,
  fnArg: Node | null | undefined,
  opts: { conditionNode: Node; hasCondition: boolean; firstParamBails?: boolean; abortErrorStops?: boolean; retryCall?: (n: Node) => boolean },
): void {
  const fn = resolveFunction(ctx, fnArg);
  const passed = unwrap(fnArg);
  // `if (!answer.token) throw new Error('No token found yet')`: the library asks again until the
  // work is done, success path included: polling (PRODUCT, "Retry or not"), not a retry.
  if (fn && throwsNotYetIn(ctx, fn)) site.polls = true;
  // `const id = nanoid(); if (!(await exists(id))) return id; throw new Error('taken')`: each attempt
  // draws a new candidate and fails on purpose when it is taken: a walk over inputs, not a retry.
  if (fn && drawsFreshCandidate(ctx, fn)) site.polls = true;
  if (passed) site.retried = { fn: passed, classified: opts.hasCondition || (fn !== undefined && classifies(ctx, fn, opts.firstParamBails === true)) };
  if (!fn) return;
  const calls = httpCallsIn(ctx, fn, true);
  // The shared operation analysis: requests (also in same-file helpers), GraphQL mutations and SDK
  // `create`/`charge` calls, each judged for a stable idempotency key.
  site.nonIdempotent.push(...analyzeOperation(fn.body, [], { sourceCode: ctx.sourceCode, settings: ctx.settings }, () => true).nonIdempotent);
  const stops = (st: Node): boolean => stopsRetry(ctx, fn, st, opts.firstParamBails === true, opts.abortErrorStops === true);
  if (site.retriedStatuses === undefined && (opts.abortErrorStops || opts.firstParamBails)) {
    const refused = onlyRefusedRetried(ctx, fn, calls, stops);
    if (refused) site.retriedStatuses = refused;
  }
  // `await wait(Number(res.headers.get('retry-after')) * 1000); throw new Error('rate limited')`: the
  // attempt itself waits what the server said before it reports the failure, and the library's own
  // delay follows. That wait is the retry's too: a server's delay used with no cap is judged there.
  site.waits.push(...serverWaitsBeforeFailure(ctx, fn));
  // A function that reads Retry-After itself (to wait, or to hand the delay on) is judged by that reading.
  if (!opts.hasCondition && !readsRetryAfter(fn.body, ctx.sourceCode)) site.rateLimitChecks.push(...rateLimitGoesRound(ctx, fn, stops, opts.retryCall));
  if (!opts.hasCondition && calls.some((c) => c.throwsOnHttpError) && !classifies(ctx, fn, opts.firstParamBails === true)) {
    // A catch around the request that passes every error on is where the classification is missing.
    const passing = calls.filter((c) => c.throwsOnHttpError).map((c) => enclosingPassThrough(c.node, fn, ctx)).find((h) => h !== undefined);
    site.clientErrorRetries.push(passing ? { node: passing, reason: 'catch-all' } : { node: opts.conditionNode, reason: 'condition' });
  } else if (!opts.hasCondition) {
    site.clientErrorRetries.push(...nonOkThrows(ctx, fn, stops));
    if (calls.some((c) => c.throwsOnHttpError)) site.clientErrorRetries.push(...fewClientErrorsStop(ctx, fn, opts.firstParamBails === true));
  }
}

/**
 * Whether a retried function draws a fresh candidate on each attempt and fails on purpose when the
 * candidate will not do: a `const` at the top of its body made by an id factory ({@link makesFreshId})
 * and handed as a direct argument to a call (not inside an options or headers object, where it would
 * be a key), and a `throw` of the function's own at its top level (`throw new Error('id taken')`).
 * The library then asks again with a new input (PRODUCT, "Retry or not": walks over different inputs).
 */
function drawsFreshCandidate(ctx: LibraryContext, fn: FunctionNode): boolean {
  if (fn.body.type !== T.BlockStatement) return false;
  const { sourceCode } = ctx;
  const drawn = new Set<TSESLint.Scope.Variable>();
  for (const st of fn.body.body) {
    if (st.type !== T.VariableDeclaration || st.kind !== 'const') continue;
    for (const d of st.declarations) {
      const init = d.init && unwrap(d.init);
      if (d.id.type !== T.Identifier || !init || (init.type !== T.CallExpression && init.type !== T.NewExpression) || !makesFreshId(init, sourceCode)) continue;
      const v = variableOf(sourceCode, d.id);
      if (v) drawn.add(v);
    }
  }
  if (drawn.size === 0) return false;
  const ownThrow = fn.body.body.some((st) => st.type === T.ThrowStatement);
  if (!ownThrow) return false;
  let handed = false;
  walk(fn.body, sourceCode.visitorKeys, (n) => {
    if (handed || (n !== fn.body && isFunction(n))) return false;
    if (n.type === T.CallExpression && n.arguments.some((a) => a.type === T.Identifier && [...drawn].some((v) => v.references.some((r) => r.identifier === a)))) handed = true;
    return undefined;
  });
  return handed;
}

/**
 * Whether a retried function (or a same-file function it calls, two levels deep) throws an error
 * whose message says the work is not done yet ({@link throwsNotYet}).
 */
function throwsNotYetIn(ctx: LibraryContext, fn: FunctionNode, depth = 0, seen: Set<Node> = new Set()): boolean {
  if (depth > 2 || seen.has(fn)) return false;
  seen.add(fn);
  let found = false;
  walk(fn.body, ctx.sourceCode.visitorKeys, (n) => {
    if (found) return false;
    if (throwsNotYet(n)) found = true;
    if (n.type === T.CallExpression) {
      const inner = sameFileFunction(n.callee, { sourceCode: ctx.sourceCode });
      if (inner && inner !== fn && throwsNotYetIn(ctx, inner, depth + 1, seen)) found = true;
    }
    return undefined;
  });
  return found;
}


/**
 * Around a client that throws on 4xx, a retried function whose only ways to stop the retry
 * (`throw new AbortError(…)`, `bail(…)`) are taken on one or two named 4xx statuses (`status === 404`)
 * still retries every other 4xx (PRODUCT: lists that skip only one or two 4xx codes). Reported at
 * the status test. Nothing when a stop covers a range (`status < 500`), a classifier decides, or
 * some stop is taken on a test that is not a status comparison.
 */
function fewClientErrorsStop(ctx: LibraryContext, fn: FunctionNode, firstParamBails: boolean): ClientErrorRetry[] {
  const first = fn.params[0];
  const bail = firstParamBails && first?.type === T.Identifier ? first.name : undefined;
  const stops = (st: Node): boolean => {
    let found = false;
    walk(st, ctx.sourceCode.visitorKeys, (n) => {
      if (found) return false;
      if (n.type === T.ThrowStatement && n.argument && unwrap(n.argument).type === T.NewExpression && /(AbortError|UnrecoverableError)$/.test(ctx.sourceCode.getText((unwrap(n.argument) as TSESTree.NewExpression).callee))) found = true;
      if (bail !== undefined && n.type === T.CallExpression && unwrap(n.callee).type === T.Identifier && (unwrap(n.callee) as TSESTree.Identifier).name === bail) found = true;
      return undefined;
    });
    return found;
  };
  const tests: Node[] = [];
  const codes = new Set<number>();
  let other = false;
  walk(fn.body, ctx.sourceCode.visitorKeys, (n) => {
    if (other) return false;
    if (n.type !== T.IfStatement || !stops(n.consequent)) return undefined;
    const tested = statusesTested(n.test, ctx.sourceCode);
    if (tested.length === 0 || !tested.every((t) => (t.op === '===' || t.op === '==' || t.op === 'in') && t.code >= 400 && t.code < 500)) other = true;
    else {
      tests.push(n.test);
      for (const t of tested) codes.add(t.code);
    }
    return undefined;
  });
  // A stop outside such a test (an unconditional abort, a `switch`) classifies in a way not read here.
  let stopsElsewhere = false;
  walk(fn.body, ctx.sourceCode.visitorKeys, (n) => {
    if (stopsElsewhere || tests.some((t) => t.parent && contains(t.parent, n))) return false;
    if ((n.type === T.ThrowStatement || n.type === T.CallExpression) && stops(n)) stopsElsewhere = true;
    return undefined;
  });
  if (other || stopsElsewhere || tests.length === 0 || codes.size > 2 || classifiesOtherwise(ctx, fn)) return [];
  return tests.map((t) => ({ node: t, reason: 'client-status' as const }));
}

/**
 * Whether a statement stops the library's retry: a `throw new AbortError(…)` of p-retry's own
 * `AbortError` (when `abortErrorStops`), or a call of async-retry's `bail`, the retried function's
 * first parameter (when `firstParamBails`). Nested functions are not read.
 */
function stopsRetry(ctx: LibraryContext, fn: FunctionNode, st: Node, firstParamBails: boolean, abortErrorStops: boolean): boolean {
  const first = fn.params[0];
  const bail = firstParamBails && first?.type === T.Identifier ? variableOf(ctx.sourceCode, first) : undefined;
  let found = false;
  walk(st, ctx.sourceCode.visitorKeys, (n) => {
    if (found || (n !== st && isFunction(n))) return false;
    const arg = n.type === T.ThrowStatement ? unwrap(n.argument) : undefined;
    const origin = arg?.type === T.NewExpression ? ctx.originOf(arg.callee) : undefined;
    // p-retry's `AbortError`; BullMQ's `UnrecoverableError` (a job that throws it is not retried).
    if (abortErrorStops && origin && ((/(^|\/)p-retry$/.test(origin.module) && normalPath(origin).join('.') === 'AbortError') || (origin.module === 'bullmq' && normalPath(origin).join('.') === 'UnrecoverableError'))) found = true;
    const callee = n.type === T.CallExpression ? unwrap(n.callee) : undefined;
    if (bail && callee?.type === T.Identifier && variableOf(ctx.sourceCode, callee) === bail) found = true;
    return undefined;
  });
  return found;
}

/**
 * The statuses a retried function lets the library retry, when it lets through only refusals
 * (REFUSED_STATUSES: 429, RFC 6585 §4, the request was not processed): every `throw` in it that
 * does not stop the retry (`stops`: p-retry's `AbortError`, async-retry's `bail`) sits under an
 * `if` that tests the response status for equality with a refused status only, and every HTTP
 * call, written in the function itself, sits in a `try` whose `catch` stops (a failure in flight
 * may have been applied, so it must not be retried either). Undefined otherwise (anything else may
 * be retried), and when nothing at all is let through. `require-idempotency-key` then knows a
 * non-idempotent request is re-sent only after the server refused it.
 */
function onlyRefusedRetried(ctx: LibraryContext, fn: FunctionNode, calls: readonly HttpCall[], stops: (st: Node) => boolean): number[] | undefined {
  const codes = new Set<number>();
  let other = false;
  walk(fn.body, ctx.sourceCode.visitorKeys, (n) => {
    if (other || (n !== fn.body && isFunction(n))) return false;
    if (n.type !== T.ThrowStatement || stops(n)) return undefined;
    // A throw after a stop in the same block (`bail(e); throw e;`) rethrows into a retry already stopped.
    const block = n.parent?.type === T.BlockStatement ? n.parent.body : [];
    if (block.slice(0, block.indexOf(n)).some((st) => stops(st))) return undefined;
    let refused: number[] | undefined;
    for (let a: Node | undefined = n.parent, child: Node = n; a && a !== fn; child = a, a = a.parent) {
      if (a.type === T.IfStatement && a.consequent === child) {
        const tested = statusesTested(a.test, ctx.sourceCode);
        if (tested.length > 0 && tested.every((t) => (t.op === '===' || t.op === '==') && REFUSED_STATUSES.has(t.code))) refused = tested.map((t) => t.code);
      }
      if (a.type === T.CatchClause) break;
    }
    if (!refused) other = true;
    else for (const c of refused) codes.add(c);
    return undefined;
  });
  if (other || codes.size === 0 || calls.length === 0) return undefined;
  for (const c of calls) {
    let guarded = false;
    for (let a: Node | undefined = c.node.parent, child: Node = c.node; a && a !== fn; child = a, a = a.parent) {
      if (a.type === T.TryStatement && a.block === child && a.handler && a.handler.body.body.some((st: Node) => stops(st))) guarded = true;
    }
    if (!guarded) return undefined;
  }
  return [...codes];
}

/**
 * The status tests in a retried function that send 429 or 503 round again (RFC 6585 §4, RFC 9110
 * §15.6.4: the answers that may carry Retry-After), for a library that does not read the header:
 * an `if` whose test holds on that status and whose branch throws without stopping the retry
 * (`if (res.status === 429) throw new Error('busy')`), or one whose test fails on it while its
 * branch stops the retry and the function throws on another path (`if (![429, 503].includes(status))
 * throw new AbortError(…); throw err;`). `stops` says which statements stop the retry (p-retry's
 * `AbortError`, async-retry's `bail`). Nested functions are not read.
 */
function rateLimitGoesRound(ctx: LibraryContext, fn: FunctionNode, stops: (st: Node) => boolean, retryCall?: (n: Node) => boolean): Node[] {
  const out: Node[] = [];
  /** The branch asks the library for another attempt itself (`setTimeout(() => operation.retry(err), ms)`). */
  const asksAgain = (root: Node): boolean => {
    if (!retryCall) return false;
    let found = false;
    walk(root, ctx.sourceCode.visitorKeys, (n) => {
      if (found) return false;
      if (n.type === T.CallExpression && retryCall(n)) found = true;
      return undefined;
    });
    return found;
  };
  const throwsWithoutStop = (root: Node): boolean => {
    let found = false;
    walk(root, ctx.sourceCode.visitorKeys, (n) => {
      if (found || (n !== root && isFunction(n))) return false;
      if (n.type === T.ThrowStatement && !stops(n)) found = true;
      return undefined;
    });
    return found;
  };
  const allStop = (root: Node): boolean => stops(root) || (root.type === T.BlockStatement && root.body.some((st) => stops(st)));
  walk(fn.body, ctx.sourceCode.visitorKeys, (n) => {
    if (n !== fn.body && isFunction(n)) return false;
    if (n.type !== T.IfStatement) return undefined;
    const tested = statusesTested(n.test, ctx.sourceCode);
    // `status >= 400 && status < 500 && status !== 429`: 429 carved out of a fail-fast client range goes
    // round with every other failure; it is not handled apart (as for hand-written loops, ../operation).
    if (clientRangeGuard(tested)) return undefined;
    const codes = tested.map((t) => t.code).filter(isRetryAfterStatus);
    for (const code of new Set(codes)) {
      const holds = evalTest(n.test, { kind: 'status', code }, ctx.sourceCode);
      const sendsRound =
        (holds === true && ((throwsWithoutStop(n.consequent) && !allStop(n.consequent)) || asksAgain(n.consequent))) ||
        (holds === false && allStop(n.consequent) && !n.alternate && throwsOutside(ctx, fn.body, n.consequent, stops));
      if (sendsRound) {
        out.push(n.test);
        break;
      }
    }
    return undefined;
  });
  return out;
}

/** Whether a function body throws without stopping the retry somewhere outside `except`. */
function throwsOutside(ctx: LibraryContext, body: Node, except: Node, stops: (st: Node) => boolean): boolean {
  let found = false;
  walk(body, ctx.sourceCode.visitorKeys, (n) => {
    if (found || n === except || (n !== body && isFunction(n))) return false;
    if (n.type === T.ThrowStatement && !stops(n)) found = true;
    return undefined;
  });
  return found;
}

/** A classifier call or a status range anywhere in the function (`isRetryable(err)`, `status >= 500`). */
function classifiesOtherwise(ctx: LibraryContext, fn: FunctionNode): boolean {
  let found = false;
  walk(fn.body, ctx.sourceCode.visitorKeys, (n) => {
    if (found) return false;
    if (n.type === T.CallExpression && isClassifierCall(n, ctx.sourceCode)) found = true;
    if (n.type === T.BinaryExpression && ['<', '<=', '>', '>='].includes(n.operator) && statusesTested(n, ctx.sourceCode).length > 0) found = true;
    return undefined;
  });
  return found;
}

/** Describes a call as an HTTP request; undefined when it is none (a fault is left to the call's guard, `../guard`). */
export function safeDescribe(ctx: LibraryContext, call: TSESTree.CallExpression): HttpCall | undefined {
  return describeHttpCall(ctx.sourceCode, call, ctx.settings);
}

/**
 * The HTTP calls in a function's body. With `intoNested` false, calls inside nested `function`s
 * are left out (arrow callbacks, as in promise chains, are still read).
 */
export function httpCallsIn(ctx: LibraryContext, fn: FunctionNode, intoNested: boolean): HttpCall[] {
  const out: HttpCall[] = [];
  walk(fn.body, ctx.sourceCode.visitorKeys, (n) => {
    if (!intoNested && n !== fn.body && (n.type === T.FunctionDeclaration || n.type === T.FunctionExpression)) return false;
    if (n.type === T.CallExpression) {
      const http = safeDescribe(ctx, n);
      if (http) out.push(http);
    }
    return true;
  });
  return out;
}

/** Names whose test in a condition means the failure is classified (status, error code, error type). */
const CLASSIFYING = /^(status|statusCode|code|response|name|message|ok|errno|AbortError|isAxiosError|HTTPError|FetchError)$/;

/**
 * Whether a retried function tells failures apart (and so may stop on 4xx) instead of retrying all
 * of them. What cannot tell a request's failures apart does not count: a catch that passes every
 * error on (`catch (e) { log(e); throw e }`, see {@link passesEverythingOn}), a `throw` that runs
 * before any request (`if (!id) throw new Error('no id')`, a precondition), and a conditional that
 * only picks a value for a declaration (`const code = isAxiosError(e) ? e.response?.status : undefined`:
 * what the value is used for decides, not the pick), nor a default (`e.response?.status ?? null`).
 */
function classifies(ctx: LibraryContext, fn: FunctionNode, firstParamBails: boolean): boolean {
  const first = fn.params[0];
  const bail = firstParamBails && first?.type === T.Identifier ? first.name : undefined;
  const firstRequest = Math.min(...httpCallsIn(ctx, fn, true).map((c) => c.node.range[0]));
  const passing = new Set<TSESTree.CatchClause>();
  let found = false;
  walk(fn.body, ctx.sourceCode.visitorKeys, (n) => {
    if (found) return false;
    if (n.type === T.TryStatement) {
      if (n.handler && passesEverythingOn(n.handler, ctx)) passing.add(n.handler);
      else found = true;
    } else if (n.type === T.ThrowStatement) {
      if (!rethrowsCaught(n, passing) && n.range[0] > firstRequest) found = true;
    } else if (n.type === T.Identifier && (n.name === 'AbortError' || (bail !== undefined && n.name === bail && n !== first))) found = true;
    else if (n.type === T.ConditionalExpression && n.parent?.type === T.VariableDeclarator && n.parent.init === n) return false;
    else if (n.type === T.LogicalExpression && n.operator === '??') return undefined;
    else if (n.type === T.IfStatement || n.type === T.ConditionalExpression || n.type === T.SwitchStatement || n.type === T.LogicalExpression) {
      const test = n.type === T.IfStatement || n.type === T.ConditionalExpression ? n.test : n.type === T.SwitchStatement ? n.discriminant : n;
      walk(test, ctx.sourceCode.visitorKeys, (m) => {
        if (m.type === T.Identifier && CLASSIFYING.test(m.name)) found = true;
        if (m.type === T.BinaryExpression && instanceofClassifies(m)) found = true;
      });
    }
    return undefined;
  });
  return found;
}

/**
 * Whether a catch clause passes every error on unchanged: it ends with `throw <its parameter>` and
 * has no other way out (no `return`, no other `throw`, no `break`/`continue`), so what it does
 * before (a log, a counter, a status read for a record) decides nothing.
 */
export function passesEverythingOn(handler: TSESTree.CatchClause, ctx: LibraryContext): boolean {
  const param = handler.param;
  const last = handler.body.body.at(-1);
  if (param?.type !== T.Identifier || last?.type !== T.ThrowStatement || !isCaught(last, handler)) return false;
  let other = false;
  walk(handler.body, ctx.sourceCode.visitorKeys, (n) => {
    if (other || isFunction(n)) return false;
    if (n.type === T.ReturnStatement || n.type === T.BreakStatement || n.type === T.ContinueStatement || (n.type === T.ThrowStatement && !isCaught(n, handler))) other = true;
    return undefined;
  });
  return !other;
}

/** The catch clause of a `try` around `call` (inside `fn`, not in a nested function) that passes every error on. */
function enclosingPassThrough(call: Node, fn: FunctionNode, ctx: LibraryContext): TSESTree.CatchClause | undefined {
  let child: Node = call;
  for (let p = call.parent; p && p !== fn; child = p, p = p.parent) {
    if (isFunction(p)) return undefined;
    if (p.type === T.TryStatement && child === p.block && p.handler) return passesEverythingOn(p.handler, ctx) ? p.handler : undefined;
  }
  return undefined;
}

/** Whether a `throw` throws the parameter of `handler` (`throw e` in `catch (e)`). */
function isCaught(st: TSESTree.ThrowStatement, handler: TSESTree.CatchClause): boolean {
  const arg = unwrap(st.argument);
  return arg.type === T.Identifier && handler.param?.type === T.Identifier && arg.name === handler.param.name;
}

/** Whether a `throw` passes on the error of one of the pass-through catches `passing`. */
function rethrowsCaught(st: TSESTree.ThrowStatement, passing: ReadonlySet<TSESTree.CatchClause>): boolean {
  for (const h of passing) if (st.range[0] >= h.range[0] && st.range[1] <= h.range[1] && isCaught(st, h)) return true;
  return false;
}

/**
 * The calls made through an instance: `inst(…)` and `inst.method(…)`, where `inst` is the variable
 * `creation` is assigned to (`const inst = factory(…)`) or, for an identifier, the variable itself.
 */
export function callsThrough(ctx: LibraryContext, instance: Node, depth = 0): TSESTree.CallExpression[] {
  // Made and called at once (`fetchRetry(fetch)(url, init)`): that call is the one through it.
  let outer: Node = instance;
  while (outer.parent && (outer.parent.type === T.TSAsExpression || outer.parent.type === T.TSNonNullExpression)) outer = outer.parent;
  if (outer.parent?.type === T.CallExpression && outer.parent.callee === outer) return [outer.parent];
  const field = unwrap(instance);
  // `axiosRetry(this.http, …)` in a class: the calls its methods make through `this.http`, when
  // nothing but the constructor (or the field's initialiser) gives the field its value.
  if (field.type === T.MemberExpression && unwrap(field.object).type === T.ThisExpression) {
    const info = fieldOf(field);
    const name = propertyName(field);
    if (!info || !name || info.otherWrites.length > 0) return [];
    const out: TSESTree.CallExpression[] = [];
    walk(info.owner.body, ctx.sourceCode.visitorKeys, (n) => {
      if (n.type !== T.CallExpression) return undefined;
      const callee = unwrap(n.callee);
      const target = callee.type === T.MemberExpression && unwrap(callee.object).type === T.MemberExpression ? (unwrap(callee.object) as TSESTree.MemberExpression) : callee;
      if (target.type === T.MemberExpression && unwrap(target.object).type === T.ThisExpression && propertyName(target) === name && fieldOf(target)?.owner === info.owner && target !== field) out.push(n);
      return undefined;
    });
    return out;
  }
  const variable = instanceVariable(ctx, instance);
  if (!variable) return [];
  const out: TSESTree.CallExpression[] = [];
  // A set-up helper handed the instance (`const installRetry = (instance) => { axiosRetry(instance, …) }`,
  // `installRetry(staffClient)`): the instances its same-file callers pass, and their calls.
  const def = variable.defs[0];
  if (def?.type === 'Parameter' && variable.defs.length === 1 && depth < 2 && variable.references.every((r) => !r.isWrite())) {
    const fn = def.node as TSESTree.FunctionLike;
    const index = fn.params.indexOf(def.name as TSESTree.Parameter);
    if (index >= 0) {
      for (const call of sameFileCallers(ctx.sourceCode, fn)) {
        const arg = call.arguments[index];
        if (arg && arg.type !== T.SpreadElement) out.push(...callsThrough(ctx, arg, depth + 1));
      }
    }
  }
  for (const ref of variable.references) {
    const id = ref.identifier as Node;
    const parent = id.parent;
    if (!parent) continue;
    if (parent.type === T.CallExpression && parent.callee === id) out.push(parent);
    else if (parent.type === T.MemberExpression && parent.object === id && parent.parent.type === T.CallExpression && parent.parent.callee === parent) out.push(parent.parent);
  }
  return out;
}

function instanceVariable(ctx: LibraryContext, instance: Node): TSESLint.Scope.Variable | undefined {
  const n = unwrap(instance);
  if (n.type === T.Identifier) return variableOf(ctx.sourceCode, n);
  let p: Node | undefined = n.parent;
  while (p && (p.type === T.TSAsExpression || p.type === T.TSSatisfiesExpression || p.type === T.TSNonNullExpression || p.type === T.AwaitExpression)) p = p.parent;
  if (p && p.type === T.VariableDeclarator && p.id.type === T.Identifier) {
    return ctx.sourceCode.getDeclaredVariables(p).find((v) => v.name === (p.id as TSESTree.Identifier).name);
  }
  return undefined;
}

/**
 * Describes a call to a `fetch`-shaped function (`(input, init) => Promise<Response>`) such as a
 * fetch-retry instance: its method and idempotency key, read from `init`.
 */
export function describeFetchLike(ctx: LibraryContext, call: TSESTree.CallExpression): HttpCall {
  const init = unwrap(call.arguments[1]);
  const base: HttpCall = { node: call, client: 'fetch', method: 'GET', methodNode: undefined, throwsOnHttpError: false, keyValue: undefined, keyUnknown: false };
  if (!init) return base;
  const obj = resolveObject(ctx, init);
  if (!obj) return { ...base, method: undefined, keyUnknown: true };
  let method: string | undefined = 'GET';
  let methodNode: Node | undefined;
  let keyValue: Node | undefined;
  let keyUnknown = obj.spread;
  let possibleMethodsOf: string[] | undefined;
  for (const p of propertiesOf(obj)) {
    const name = propertyName(p);
    if (name === undefined) {
      keyUnknown = true;
      continue;
    }
    if (name === 'method') {
      // A method held in a parameter (`method: verb` with `verb: 'GET' | 'POST'`, or what same-file
      // callers pass): the set of methods it may be, a non-idempotent one standing for it.
      const possible = stringValue(p.value) === undefined ? possibleMethods(ctx.sourceCode, p.value) : [];
      method = stringValue(p.value)?.toUpperCase() ?? (possible.find((m) => ctx.settings.nonIdempotentMethods.includes(m.value)) ?? (possible.length === 1 ? possible[0] : undefined))?.value;
      if (possible.length > 1) possibleMethodsOf = possible.map((m) => m.value);
      methodNode = p;
    } else if (name === 'headers') {
      const found = headerKey(ctx, p.value);
      keyValue = found.value ?? keyValue;
      keyUnknown ||= found.unknown;
    } else if (isKeyName(ctx, name)) {
      keyValue = p.value;
    }
  }
  if (obj.spread && !methodNode) method = undefined;
  return { ...base, method, methodNode, keyValue, keyUnknown: keyValue ? false : keyUnknown, ...(possibleMethodsOf ? { possibleMethods: possibleMethodsOf } : {}) };
}

function headerKey(ctx: LibraryContext, value: Node): { value: Node | undefined; unknown: boolean } {
  let n = unwrap(value);
  if (n.type === T.NewExpression && n.arguments[0]) n = unwrap(n.arguments[0]);
  const obj = resolveObject(ctx, n);
  if (!obj) return { value: undefined, unknown: true };
  for (const p of propertiesOf(obj)) {
    const name = propertyName(p);
    if (name && isKeyName(ctx, name)) return { value: p.value, unknown: false };
  }
  return { value: undefined, unknown: obj.spread || propertiesOf(obj).some((p) => propertyName(p) === undefined) };
}

function isKeyName(ctx: LibraryContext, name: string): boolean {
  return isIdempotencyKeyName(name, ctx.settings.idempotencyKeyHeaders);
}

/** Judges a request a library retries by re-sending the same request (the key, if any, is the same on every attempt). */
export function judgeResent(ctx: LibraryContext, site: RetrySite, http: HttpCall): void {
  // The region is the site's anchor, which never contains the request: a key built for the
  // request is built once and re-sent unchanged by the library, so it is stable.
  for (const req of judgeIdempotencyAll(ctx.sourceCode, http, site.node.type === T.CallExpression ? site.node.callee : site.node, ctx.settings)) if (req.key === 'none') site.nonIdempotent.push(req);
}

/**
 * A retried function that throws on every non-OK response (`if (!res.ok) throw …`, `status !==
 * 200`) of a request it makes, and tells no statuses apart, makes the library retry 4xx like an
 * outage (PRODUCT: retries on any non-OK status). The check may sit in the function, in a callback
 * of its promise chain (`fetch(u).then((r) => { if (!r.ok) throw … })`), or in a same-file helper
 * it calls or hands on (`.then(asJson)`, `await load(id)`), two levels deep: wherever it is, every
 * non-OK status becomes a retried error. Reported at the check. Nothing when no HTTP request is
 * visible in that code, or when any of it classifies statuses (a 5xx range, a status list, a
 * classifier call).
 */
export function nonOkThrows(ctx: LibraryContext, fn: FunctionNode, stops: (st: Node) => boolean = () => false): ClientErrorRetry[] {
  const scopes = reachedFunctions(ctx, fn, 2);
  if (!scopes.some((s) => httpCallsIn(ctx, s, true).length > 0) || scopes.some((s) => classifiesStatus(s.body, ctx.sourceCode))) return [];
  const out: ClientErrorRetry[] = [];
  for (const s of scopes) {
    walk(s.body, ctx.sourceCode.visitorKeys, (n) => {
      if (n !== s.body && n.type === T.FunctionDeclaration) return false;
      if (n.type === T.IfStatement && okCheck(n.test, ctx.sourceCode) === 'failure' && throwsAlways(n.consequent) && !stops(n.consequent) && !out.some((o) => o.node === n.test)) out.push({ node: n.test, reason: 'non-ok' });
      return undefined;
    });
  }
  return out;
}

/**
 * A function and the same-file functions its attempt runs: those it calls and those it hands on as
 * callbacks (`.then(check)`), followed `depth` levels. Inline callbacks are part of the function.
 */
export function reachedFunctions(ctx: LibraryContext, fn: FunctionNode, depth: number): FunctionNode[] {
  const out: FunctionNode[] = [fn];
  let frontier: FunctionNode[] = [fn];
  for (let d = 0; d < depth && frontier.length > 0; d++) {
    const next: FunctionNode[] = [];
    for (const f of frontier) {
      walk(f.body, ctx.sourceCode.visitorKeys, (n) => {
        if (n !== f.body && n.type === T.FunctionDeclaration) return false;
        if (n.type !== T.CallExpression) return undefined;
        const candidates = [n.callee, ...n.arguments.filter((a) => { const u = unwrap(a); return u.type === T.Identifier || u.type === T.MemberExpression; })];
        for (const c of candidates) {
          const g = sameFileFunction(c, { sourceCode: ctx.sourceCode });
          if (g && !out.includes(g) && !contains(g, fn)) {
            out.push(g);
            next.push(g);
          }
        }
        return undefined;
      });
    }
    frontier = next;
  }
  return out;
}

function throwsAlways(st: Node): boolean {
  if (st.type === T.ThrowStatement) return true;
  if (st.type === T.BlockStatement) return st.body.some((x) => x.type === T.ThrowStatement);
  return false;
}

/**
 * Waits a retried function takes for the server's Retry-After right before it throws (the failure
 * the library retries): awaited waits whose delay is derived from the header, followed by a `throw`.
 */
function serverWaitsBeforeFailure(ctx: LibraryContext, fn: FunctionNode): RetrySite['waits'] {
  return waitsBeforeFailure(fn, ctx.sourceCode, ctx.settings, (next) => next?.type === T.ThrowStatement)
    .map((w) => waitOf(w, ctx.sourceCode, [], undefined, { node: fn }))
    .filter((w) => !!w.delay.retryAfter);
}
