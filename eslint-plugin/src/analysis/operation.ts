import { fileMemo } from './memo';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { T } from './node-types';
import type { RetrySettings } from '../utils/settings';
import { alwaysExits, calleeName, contains, findProperty, isFunction, isLogCallee, isReportingCall, logicalTerms, negatedWithin, propertyName, readsEnvironment, stringValue, unwrap, walk } from './ast';
import { isRetryAfterName, returnedExpressions, sameFileFunction } from './delay';
import { isCredentialRefresh } from './credentials';
import { describeHttpCall, describeHttpCallAt, judgeIdempotencyAll, keyCreatedInside, sameFileCallers, testsOnlySuccessfulAnswers, type HttpCall } from './http';
import { bindingOf, constantValue, heldArray, originOf, resolveExpression, variableOf, isReferenceTo } from './scope';
import { evalTest, FAILURES, isNullish, mayGoOn, outcomeKind, reachesCall, type Outcome } from './flow';
import { isClientErrorStatus, isRetryAfterStatus, RETRIABLE_4XX, statusByName } from './statuses';
import type { ClientErrorRetry, Node, NonIdempotentRequest } from './types';
import { CLASSIFIER_RE, DEADLINE_RE, PROCESS_MODULE_RE, RATE_LIMIT_HEADER_RE, isIdempotencyKeyName, MODEL_SDK_MODULES, MODEL_SDK_STORED, REFRESH_RE } from './vocabulary';
import { nodesWithin, summarise, type Run } from './summaries';
import { fileIndex } from './file-index';
import { passedFunctions } from './input-change';
import { createdRecord, isLocalApi, keyInCallOptions, recordKey, runsHookMutation, sentMessage, sentMessageKey } from './state-changing';
import { holdsStatus } from './status-flow';
import { evaluateTest } from './libraries/status-set';

/**
 * Client errors probed to decide whether a retry goes round on "every non-OK status": skipping one
 * or two of them (a 404 returned as null) still retries the others, as PRODUCT says of status lists.
 */
const CLIENT_ERRORS = [400, 401, 403, 404, 409, 422];

/** Shared inputs of the hand-written analyses. */
export interface Ctx {
  sourceCode: TSESLint.SourceCode;
  settings: RetrySettings;
}

/** A place that catches a failed attempt and lets the retry go on. */
export interface RetryCatch {
  /** The catch clause or `.catch` callback; `no-retry-on-client-error` reports a catch-all here. */
  node: Node;
  /** The caught error's binding, when named. */
  param: TSESTree.Identifier | undefined;
  /** The handler's body. */
  body: Node;
  /** What the handler guards (a try block, or the promise chain's operation), for finding HTTP calls. */
  guarded: Node | undefined;
}

/** What the retried operation does: the findings that do not depend on how the retry loops. */
export interface OperationFacts {
  nonIdempotent: NonIdempotentRequest[];
  rateLimitChecks: Node[];
  honoursRetryAfter: boolean;
  clientErrorRetries: ClientErrorRetry[];
  http: HttpCall[];
  /** The statuses after which the catches let a failure go round, when they decide it by a guard on the caught error ({@link caughtStatuses}). */
  caughtStatuses?: number[];
}

/** Walks `root`, calling `visit` on every node, without entering functions other than `root` itself unless `intoFunctions`. */
export function walkRegion(root: Node, sourceCode: TSESLint.SourceCode, visit: (n: Node) => boolean | void, intoFunctions = true): void {
  walk(root, sourceCode.visitorKeys, (n) => {
    // A function called where it is written (`void (async () => { await sleep(ms); … })()`) runs in place.
    if (!intoFunctions && n !== root && isFunction(n) && !isInvokedInPlace(n)) return false;
    return visit(n);
  });
}

/** Whether a function expression is called where it is written (an IIFE: `(async () => { … })()`). */
export function isInvokedInPlace(fn: Node): boolean {
  let c: Node = fn;
  while (c.parent && (c.parent.type === T.TSAsExpression || c.parent.type === T.TSNonNullExpression)) c = c.parent;
  return c.parent?.type === T.CallExpression && c.parent.callee === c;
}

export { alwaysExits } from './ast';


/**
 * Whether a test limits the retry by time or cancellation: a deadline-like name, `Date.now()`,
 * `performance.now()`, `process.hrtime`, `signal.aborted`.
 */
export function hasDeadline(test: Node, sourceCode: TSESLint.SourceCode): boolean {
  let found = false;
  walk(test, sourceCode.visitorKeys, (n) => {
    if (found) return false;
    // A slot holding a pending timer's handle (`g.retryTimeout = setTimeout(…)`) is no deadline,
    // whatever it is called: testing it asks whether a timer is already set.
    if (n.type === T.Identifier && DEADLINE_RE.test(n.name) && !timerHandleNames(sourceCode).has(n.name)) found = true;
    if (n.type === T.MemberExpression && ['now', 'hrtime'].includes(propertyName(n) ?? '')) found = true;
    // `signal.aborted` is a deadline only for a signal that times out; a stop switch (the caller's
    // signal, a shutdown controller, a `this.aborted` flag) ends the retry on request, not in an outage.
    if (n.type === T.MemberExpression && propertyName(n) === 'aborted' && timedSignal(unwrap(n.object), sourceCode)) found = true;
    // `const wait = this.nextDelay(); if (wait <= 0) throw e`: compared, a value from a same-file
    // helper that reads the clock (the time left of a budget).
    if (n.type === T.BinaryExpression && ['<', '<=', '>', '>='].includes(n.operator) && [n.left, n.right].some((x) => fromClockHelper(x as Node, sourceCode))) found = true;
    return undefined;
  });
  return found;
}

/**
 * Whether an `AbortSignal` expression times out: `AbortSignal.timeout(ms)` (or `AbortSignal.any`
 * over one), the `signal` of a controller the file aborts from a timer (`setTimeout(() =>
 * c.abort(), ms)`), or one whose name says so (`timeoutSignal`, `deadlineController.signal`).
 */
export function timedSignal(expr: Node, sourceCode: TSESLint.SourceCode, depth = 0): boolean {
  const u = unwrap(expr);
  if (depth > 3) return false;
  if (/deadline|timeout|expire|budget/i.test(sourceCode.getText(u))) return true;
  if (u.type === T.CallExpression) {
    const c = unwrap(u.callee);
    const name = calleeName(u);
    if (c.type !== T.MemberExpression || sourceCode.getText(unwrap(c.object)) !== 'AbortSignal') return false;
    if (name === 'timeout') return true;
    const list = name === 'any' ? unwrap(u.arguments[0] as Node | undefined) : undefined;
    return list?.type === T.ArrayExpression && list.elements.some((e) => !!e && e.type !== T.SpreadElement && timedSignal(e, sourceCode, depth + 1));
  }
  if (u.type === T.MemberExpression && propertyName(u) === 'signal') return abortedByTimer(unwrap(u.object), sourceCode);
  if (u.type === T.Identifier) {
    const v = variableOf(sourceCode, u);
    const b = v && bindingOf(v);
    if (b?.stable && b.kind === 'init' && b.node && b.path.length === 0) return timedSignal(b.node, sourceCode, depth + 1);
  }
  return false;
}

/** Whether the file aborts the controller `controller` (by its text) inside a timer's callback. */
function abortedByTimer(controller: Node, sourceCode: TSESLint.SourceCode): boolean {
  const text = sourceCode.getText(controller);
  return fileIndex(sourceCode).calls.some((call) => {
    const c = unwrap(call.callee);
    if (c.type !== T.MemberExpression || propertyName(c) !== 'abort' || sourceCode.getText(unwrap(c.object)) !== text) return false;
    for (let p: Node | undefined = call.parent; p; p = p.parent) {
      if (!isFunction(p)) continue;
      const host = p.parent;
      return host?.type === T.CallExpression && host.arguments[0] === p && /^(setTimeout|setInterval)$/.test(calleeName(host) ?? '');
    }
    return false;
  });
}

const timerHandles = fileMemo<object, ReadonlySet<string>>();

/**
 * The names of the slots (variables and members) the file stores a timer's handle in: written
 * only with `setTimeout(…)` / `setInterval(…)` results, or cleared (`= undefined`, `= null`).
 */
function timerHandleNames(sourceCode: TSESLint.SourceCode): ReadonlySet<string> {
  const hit = timerHandles.get(sourceCode.ast);
  if (hit) return hit;
  const computed = ((): ReadonlySet<string> => {
    const timer = new Set<string>();
    const other = new Set<string>();
    walk(sourceCode.ast as Node, sourceCode.visitorKeys, (n) => {
      if (n.type !== T.AssignmentExpression || n.operator !== '=') return undefined;
      const left = unwrap(n.left);
      const name = left.type === T.Identifier ? left.name : left.type === T.MemberExpression && !left.computed ? propertyName(left) : undefined;
      if (!name) return undefined;
      const right = unwrap(n.right);
      const cleared = isNullish(right);
      if (right.type === T.CallExpression && /^(setTimeout|setInterval)$/.test(calleeName(right) ?? '')) timer.add(name);
      else if (!cleared) other.add(name);
      return undefined;
    });
    return new Set([...timer].filter((x) => !other.has(x)));
  })();
  timerHandles.set(sourceCode.ast, computed);
  return computed;
}

/** A `const` initialised by (awaiting) a call to a same-file function whose body reads the clock (`Date.now()`, `performance.now()`). */
function fromClockHelper(x: Node, sourceCode: TSESLint.SourceCode): boolean {
  const u = unwrap(x);
  if (u.type !== T.Identifier) return false;
  const def = variableOf(sourceCode, u)?.defs[0];
  let init = def?.type === 'Variable' && def.parent.kind === 'const' && def.node.init ? unwrap(def.node.init) : undefined;
  if (init?.type === T.AwaitExpression) init = unwrap(init.argument);
  if (init?.type !== T.CallExpression) return false;
  const helper = sameFileFunction(init.callee, { sourceCode });
  if (!helper) return false;
  let clock = false;
  walk(helper.body ?? helper, sourceCode.visitorKeys, (m) => {
    if (clock) return false;
    if (m.type === T.CallExpression && unwrap(m.callee).type === T.MemberExpression && ['now', 'hrtime'].includes(propertyName(unwrap(m.callee) as TSESTree.MemberExpression) ?? '')) clock = true;
    return undefined;
  });
  return clock;
}

/**
 * Status-like expressions: `res.status`, `err.response?.status`, `statusCode`, a variable named
 * `status`. Given the file's `sourceCode`, also a variable of any name that holds a status by data
 * flow (`const rc = await send()` with `send` returning `res.status`; see {@link holdsStatus}).
 */
export function isStatusLike(node: Node, sourceCode?: TSESLint.SourceCode): boolean {
  const n = unwrap(node);
  if (n.type === T.MemberExpression) {
    const name = propertyName(n);
    // Also the HTTP-like code a JSON error body carries (Telegram's `error_code`, `status_code`).
    return name === 'status' || name === 'statusCode' || name === 'status_code' || name === 'error_code' || name === 'httpStatus' || name === 'httpStatusCode';
  }
  if (n.type === T.Identifier) {
    if ((/^(status|statusCode|httpStatus|code)$/i.test(n.name) || /status$/i.test(n.name)) && !charCodeVariables(n).has(n.name)) return true;
    return !!sourceCode && holdsStatus(n, sourceCode);
  }
  // `getHttpStatus(error)`, `statusOf(err)`, `getStatusCode(e)`: an accessor that reads the HTTP
  // status out of what it is handed (tRPC's client errors, wrapped SDK errors).
  if (n.type === T.CallExpression && n.arguments.length === 1) return STATUS_ACCESSOR_RE.test(calleeName(n) ?? '');
  return false;
}

/** Names of a function that reads the HTTP status out of an error or a response. */
const STATUS_ACCESSOR_RE = /^(?:get)?(?:http|response)Status(?:Code)?$|^(?:http)?[sS]tatus(?:Code)?(?:Of|From)$|^getStatusCode$/;

/** Calls whose result is a character code: a number that is never an HTTP status or an error code. */
const CHAR_CODE_CALL = /^(charCodeAt|codePointAt)$/;
const charCodeCache = fileMemo<Node, Set<string>>();

/**
 * Names the function around `id` (or the program) declares or assigns from `charCodeAt`/`codePointAt`:
 * in `const code = s.charCodeAt(i); if (code > 0x7e) …` the variable is a character, not a status, so a
 * scanning loop is not read as a retry (N). Syntactic, so it works where no scope manager is at hand.
 */
function charCodeVariables(id: TSESTree.Identifier): Set<string> {
  let root: Node = id;
  while (root.parent && !isFunction(root)) root = root.parent;
  const cached = charCodeCache.get(root);
  if (cached) return cached;
  const names = new Set<string>();
  const isCharCode = (e: Node | null | undefined): boolean => {
    const u = unwrap(e);
    return !!u && u.type === T.CallExpression && CHAR_CODE_CALL.test(calleeName(u) ?? '');
  };
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const x = stack.pop();
    if (!x || typeof x !== 'object') continue;
    if (Array.isArray(x)) {
      stack.push(...x);
      continue;
    }
    const node = x as Node;
    if (node !== root && 'type' in node && isFunction(node)) continue; // its own variables
    if (node.type === T.VariableDeclarator && node.id.type === T.Identifier && isCharCode(node.init)) names.add(node.id.name);
    if (node.type === T.AssignmentExpression && node.left.type === T.Identifier && isCharCode(node.right)) names.add(node.left.name);
    for (const [key, value] of Object.entries(node)) if (key !== 'parent' && value && typeof value === 'object') stack.push(value);
  }
  charCodeCache.set(root, names);
  return names;
}


/**
 * The status code an expression stands for: a number, a `const` holding one, a member of a
 * same-file enum or `const` object, or a standard name on an imported constant table
 * (`StatusCodes.TOO_MANY_REQUESTS`, `HttpStatusCode.ServiceUnavailable`, `HttpStatus.BAD_GATEWAY`).
 */
export function statusCode(node: Node, sourceCode: TSESLint.SourceCode, depth = 0): number | undefined {
  const n = unwrap(node);
  if (n.type === T.Literal) return typeof n.value === 'number' ? n.value : undefined;
  if (depth > 3) return undefined;
  if (n.type === T.Identifier) {
    const v = variableOf(sourceCode, n);
    const b = v && bindingOf(v);
    return b && b.kind === 'init' && b.stable && b.node ? statusCode(b.node, sourceCode, depth + 1) : undefined;
  }
  if (n.type !== T.MemberExpression) return undefined;
  const name = propertyName(n);
  if (!name) return undefined;
  const obj = unwrap(n.object);
  if (obj.type === T.Identifier) {
    const v = variableOf(sourceCode, obj);
    const def = v?.defs[0]?.node;
    if (def?.type === T.TSEnumDeclaration) {
      const members = 'members' in def ? (def as unknown as { members: TSESTree.TSEnumMember[] }).members : (def as unknown as { body: { members: TSESTree.TSEnumMember[] } }).body.members;
      const m = members.find((x) => (x.id.type === T.Identifier ? x.id.name : String((x.id as TSESTree.Literal).value)) === name);
      return m?.initializer ? statusCode(m.initializer, sourceCode, depth + 1) : undefined;
    }
    const b = v && bindingOf(v);
    if (b && b.kind === 'init' && b.stable && b.node && unwrap(b.node).type === T.ObjectExpression) {
      const p = findProperty(unwrap(b.node) as TSESTree.ObjectExpression, name);
      return p ? statusCode(p.value as Node, sourceCode, depth + 1) : undefined;
    }
  }
  return originOf(sourceCode, obj) ? statusByName(name) : undefined;
}

/** Numbers listed in an array literal or a `const` array / `new Set([...])`, e.g. retryable status lists. */
function listedNumbers(node: Node, sourceCode: TSESLint.SourceCode): number[] | undefined {
  // PRODUCT: a default counts as known, so an option's default list is the list the code states.
  const list = heldArray(sourceCode, node);
  return list?.elements.map((e) => (e && e.type !== T.SpreadElement ? statusCode(e, sourceCode) : undefined)).filter((x): x is number => x !== undefined);
}

/**
 * Where a status list an identifier names is written down when it is an option's default
 * (`const { retryOn = [429, 503] } = options`, `function f(codes = [503])`): the default, which is
 * what a user changes, like a library option. Undefined for a local or module list and anything else.
 */
function defaultListOf(node: Node, sourceCode: TSESLint.SourceCode): Node | undefined {
  const note = { byDefault: false };
  const list = heldArray(sourceCode, node, 0, note);
  return note.byDefault ? list : undefined;
}

/**
 * The test a boolean name stands for (`const transient = res.status === 429 || res.status >= 500;
 * if (!transient) …`): a name written once, from a comparison or a logical expression.
 */
export function aliasedTest(node: Node, sourceCode: TSESLint.SourceCode): Node | undefined {
  const n = unwrap(node);
  if (n.type !== T.Identifier) return undefined;
  const v = variableOf(sourceCode, n);
  const b = v && bindingOf(v);
  if (!b || b.kind !== 'init' || !b.stable || !b.node) return undefined;
  const init = unwrap(b.node);
  if (init.type === T.LogicalExpression || (init.type === T.UnaryExpression && init.operator === '!')) return init;
  if (init.type === T.BinaryExpression && ['===', '==', '!==', '!=', '<', '<=', '>', '>='].includes(init.operator)) return init;
  if (init.type === T.CallExpression && (calleeName(init) === 'includes' || calleeName(init) === 'has')) return init;
  return undefined;
}

/** A status a test compares against, how, and where. */
export interface StatusTested {
  code: number;
  op: string;
  /** The comparison or membership call. */
  node: Node;
  /**
   * Where the check is written when it is not in the test itself: the test a boolean name holds,
   * or a status list given as an option's default.
   */
  origin?: Node;
}

/**
 * An error's `code` member compared with a 4xx/5xx number (`err?.code === 429`): SDKs that put the
 * HTTP status there (twitter-api-v2's `ApiResponseError.code`, gRPC-web bridges). Codes of other
 * kinds are strings (`'ECONNRESET'`) or numbers out of that range (MySQL 1062, MongoDB 11000).
 */
function errorStatusCode(side: Node, code: number): boolean {
  const u = unwrap(side);
  return u.type === T.MemberExpression && !u.computed && propertyName(u) === 'code' && code >= 400 && code <= 599;
}

/** Status codes a test compares against (`status === 429`, `[429, 503].includes(status)`, `RETRY.has(status)`). */
export function statusesTested(test: Node, sourceCode: TSESLint.SourceCode, depth = 0): StatusTested[] {
  const out: StatusTested[] = [];
  walk(test, sourceCode.visitorKeys, (n) => {
    if (isFunction(n)) return false;
    // A name that holds a status test (`const transient = status === 429 || status >= 500`) tests what it holds.
    if (n.type === T.Identifier && depth < 2) {
      const p = n.parent;
      const isProperty = p && ((p.type === T.MemberExpression && p.property === n && !p.computed) || (p.type === T.Property && p.key === n && !p.computed));
      const aliased = isProperty ? undefined : aliasedTest(n, sourceCode);
      if (aliased) for (const s of statusesTested(aliased, sourceCode, depth + 1)) out.push({ ...s, origin: s.origin ?? aliased });
      return undefined;
    }
    if (n.type === T.BinaryExpression && n.left.type !== T.PrivateIdentifier) {
      const l = statusCode(n.left, sourceCode);
      const r = statusCode(n.right, sourceCode);
      if (r !== undefined && (isStatusLike(n.left, sourceCode) || errorStatusCode(n.left, r))) out.push({ code: r, op: n.operator, node: n });
      else if (l !== undefined && (isStatusLike(n.right, sourceCode) || errorStatusCode(n.right, l))) out.push({ code: l, op: flip(n.operator), node: n });
    }
    // `err.message.includes('429')`: the error's message names the status it was made from (`throw new
    // Error(`HTTP ${res.status}`)`), so the test picks that status.
    if (n.type === T.CallExpression && calleeName(n) === 'includes' && n.arguments.length === 1) {
      const c = unwrap(n.callee);
      const arg = unwrap(n.arguments[0] as Node);
      const code = arg.type === T.Literal && typeof arg.value === 'string' && /^[45]\d\d$/.test(arg.value) ? Number(arg.value) : undefined;
      if (code !== undefined && c.type === T.MemberExpression && unwrap(c.object).type === T.MemberExpression && propertyName(unwrap(c.object) as TSESTree.MemberExpression) === 'message') out.push({ code, op: '===', node: n });
    }
    if (n.type === T.CallExpression && (calleeName(n) === 'includes' || calleeName(n) === 'has') && n.arguments[0] && isStatusLike(n.arguments[0], sourceCode)) {
      const c = unwrap(n.callee);
      if (c.type === T.MemberExpression) {
        const list = listedNumbers(c.object, sourceCode);
        const origin = defaultListOf(c.object, sourceCode);
        for (const code of list ?? []) out.push({ code, op: 'in', node: n, ...(origin ? { origin } : {}) });
      }
    }
    return undefined;
  });
  return out;
}

function flip(op: string): string {
  return ({ '<': '>', '>': '<', '<=': '>=', '>=': '<=' } as Record<string, string>)[op] ?? op;
}

/**
 * Whether an exit test lets `code` through: none of its `||` parts holds for it, and a part that
 * tests statuses is false for it (`!transient || attempt >= max` when `transient` holds 429).
 */
function letsThrough(test: Node, code: number, sourceCode: TSESLint.SourceCode): boolean {
  const parts = logicalTerms(test, '||');
  const outcome: Outcome = { kind: 'status', code };
  const values = parts.map((p) => evalTest(p, outcome, sourceCode));
  // A part that tests the status and does not hold for it: false, or unknown only because of another
  // condition beside the status (`!(status === 409 && body.pending)`) while it holds for other statuses.
  const passes = (p: Node, i: number): boolean => values[i] === false || (values[i] === undefined && FAILURES.some((o) => o.kind === 'status' && o.code !== code && evalTest(p, o, sourceCode) === true));
  return values.every((v) => v !== true) && parts.some((p, i) => passes(p, i) && statusesTested(p, sourceCode).some((s) => s.code === code && (s.op === '===' || s.op === '==' || s.op === 'in' || s.op === '!==' || s.op === '!=')));
}

/**
 * Where a test's handling of 429/503 is reported: the check a boolean name holds or the status
 * list an option defaults to, when that is where 429/503 is written, else the test itself.
 */
function rateLimitAt(test: Node, tested: StatusTested[]): Node {
  return tested.find((s) => isRetryAfterStatus(s.code))?.origin ?? test;
}

/** `res.ok`, `!res.ok`, `status === 200`, `status < 400`: a success check (true) or a failure check (false). */
export function okCheck(test: Node, sourceCode: TSESLint.SourceCode): 'success' | 'failure' | undefined {
  const t = unwrap(test);
  if (t.type === T.UnaryExpression && t.operator === '!') {
    const inner = okCheck(t.argument, sourceCode);
    return inner === 'success' ? 'failure' : inner === 'failure' ? 'success' : undefined;
  }
  if (t.type === T.MemberExpression && propertyName(t) === 'ok') return 'success';
  if (t.type === T.LogicalExpression && t.operator === '&&') {
    const a = okCheck(t.left, sourceCode);
    const b = okCheck(t.right, sourceCode);
    if (a === 'success' && (b === 'success' || b === undefined)) return 'success';
    return undefined;
  }
  const tested = statusesTested(t, sourceCode);
  if (tested.length !== 1 || t.type !== T.BinaryExpression) return undefined;
  const { code, op } = tested[0]!;
  if ((op === '===' || op === '==') && code >= 200 && code < 300) return 'success';
  if ((op === '!==' || op === '!=') && code >= 200 && code < 300) return 'failure';
  if ((op === '<' && (code === 300 || code === 400)) || (op === '<=' && (code === 299 || code === 399))) return 'success';
  if ((op === '>=' && (code === 300 || code === 400)) || (op === '>' && (code === 299 || code === 399))) return 'failure';
  return undefined;
}

/**
 * What a compound test says about the response when its other operands do not read it: `!res.ok &&
 * tries < 3` is a failure test (the attempt count only decides whether attempts remain, not which
 * outcomes go round), `res.ok || attempt >= max` a success test. The operands joined by the chain's
 * operator (`&&` for failure, `||` for success) that test neither `.ok` nor a status are set aside;
 * the rest must agree. Undefined when no operand tests the response, or when they disagree.
 */
export function gatedOkCheck(test: Node, sourceCode: TSESLint.SourceCode): 'success' | 'failure' | undefined {
  const t = unwrap(test);
  if (t.type !== T.LogicalExpression || t.operator === '??') return undefined;
  const operands = (n: Node): Node[] => {
    const u = unwrap(n);
    return u.type === T.LogicalExpression && u.operator === t.operator ? [...operands(u.left), ...operands(u.right)] : [u];
  };
  const relevant = operands(t).filter((o) => okCheck(o, sourceCode) !== undefined || statusesTested(o, sourceCode).length > 0 || readsOk(o, sourceCode));
  if (relevant.length === 0) return undefined;
  // Beside an `.ok` or 2xx test, an operand that only classifies the status (`!shouldRetry(res.status)`,
  // `res.status >= 500`, `res.status === 404`) narrows which failures go round; it does not turn the
  // test around: `res.ok || !retryable(res.status)` still leaves on success.
  const decided = relevant.filter((o) => okCheck(o, sourceCode) !== undefined);
  // `!res.ok || data.ok === false`: true on every failed response, whatever else makes it true (a flag
  // in the body): a failure test. `res.ok && data.ok !== false` is false on every failed response: a
  // success test.
  if (t.operator === '||' && decided.some((o) => okCheck(o, sourceCode) === 'failure')) return 'failure';
  if (t.operator === '&&' && decided.some((o) => okCheck(o, sourceCode) === 'success')) return 'success';
  const undecidedOk = relevant.some((o) => okCheck(o, sourceCode) === undefined && readsOk(o, sourceCode));
  const kinds = new Set((decided.length > 0 && !undecidedOk ? decided : relevant).map((o) => okCheck(o, sourceCode)));
  if (kinds.size !== 1) return undefined;
  const kind = [...kinds][0];
  // `&&` keeps a failure test a failure test; `||` keeps a success test a success test.
  return (t.operator === '&&' && kind === 'failure') || (t.operator === '||' && kind === 'success') ? kind : undefined;
}

/**
 * Whether a compound OK test also classifies the status (`res.ok || !retryable.includes(res.status)`,
 * `!res.ok && shouldRetry(res.status)`): an operand that is no OK test reads the status, so which
 * non-OK statuses go round is that operand's answer, not "all of them".
 */
function classifiesBesideOk(test: Node, sourceCode: TSESLint.SourceCode): boolean {
  const t = unwrap(test);
  if (t.type !== T.LogicalExpression || t.operator === '??') return false;
  // The answers the OK test reads (`res` in `!res.ok`).
  const answers = new Set<string>();
  walk(t, sourceCode.visitorKeys, (m) => {
    if (m.type === T.MemberExpression && propertyName(m) === 'ok') answers.add(sourceCode.getText(unwrap(m.object)));
  });
  return logicalTerms(t, t.operator).some((o) => {
    if (okCheck(o, sourceCode) !== undefined) return false;
    // A predicate handed the answer itself (`isHttpStatus(500, res)`, `retryable(res)`): it decides
    // which failed answers go round.
    const u = unwrap(o.type === T.UnaryExpression && o.operator === '!' ? o.argument : o);
    if (u.type === T.CallExpression && u.arguments.some((a) => a.type !== T.SpreadElement && answers.has(sourceCode.getText(unwrap(a))))) return true;
    const tested = statusesTested(o, sourceCode);
    // A bound of the 2xx range (`res.status >= 200 && res.status < 300`) is part of the OK test.
    if (tested.length > 0) return !tested.every((x) => x.code >= 199 && x.code <= 300);
    let reads = false;
    walk(o, sourceCode.visitorKeys, (m) => {
      if (m.type === T.MemberExpression && /^(status|statusCode)$/.test(propertyName(m) ?? '')) reads = true;
    });
    return reads;
  });
}

/** Whether a test reads an `.ok` member anywhere. */
function readsOk(n: Node, sourceCode: TSESLint.SourceCode): boolean {
  let found = false;
  walk(n, sourceCode.visitorKeys, (m) => {
    if (m.type === T.MemberExpression && propertyName(m) === 'ok') found = true;
  });
  return found;
}

/**
 * Whether tests tell 4xx from transient failures: a 5xx comparison or range, a classifier call, a
 * switch on the status, a status list without client errors, or at least three specific 4xx codes
 * singled out (skipping only one or two 4xx codes still retries the others).
 */
function classifiesTests(tests: Node[], sourceCode: TSESLint.SourceCode): boolean {
  const specific = new Set<number>();
  for (const test of tests) {
    for (const s of statusesTested(test, sourceCode)) {
      if (s.op === 'in') {
        if (s.code >= 500) return true;
        continue;
      }
      if (s.code >= 499) return true;
      // `if (res.status !== 429) throw …`: only the rate limit goes round again.
      if (RETRIABLE_4XX.has(s.code) && (s.op === '!==' || s.op === '!=')) return true;
      if (isClientErrorStatus(s.code)) {
        if (s.op === '===' || s.op === '==' || s.op === '!==' || s.op === '!=') specific.add(s.code);
        // `status >= 400` / `> 399` is "any error", not a split between 4xx and 5xx.
        else if (s.code !== 400 && s.code !== 399) return true;
      }
    }
    let classifier = false;
    walk(test, sourceCode.visitorKeys, (t) => {
      if (t.type === T.CallExpression && isClassifierCall(t, sourceCode)) classifier = true;
      // `const verdict = shouldRetry(res, attempt); if (verdict.retry) …`: the local holds what a
      // same-file classifier answered, in whatever shape (`{ retry: true, delay }`).
      if (t.type === T.Identifier) {
        const def = variableOf(sourceCode, t)?.defs[0];
        let init = def?.type === 'Variable' && def.parent.kind === 'const' && def.node.init ? unwrap(def.node.init) : undefined;
        if (init?.type === T.AwaitExpression) init = unwrap(init.argument);
        if (init?.type === T.CallExpression && isClassifierCall(init, sourceCode, 0, true)) classifier = true;
      }
    });
    if (classifier) return true;
  }
  return specific.size >= 3;
}

const classifierFunctions = fileMemo<Node, boolean>();
/** Functions whose answer, of any shape, is chosen by status tests (see isClassifierCall's `anyAnswer`). */
const verdictFunctions = fileMemo<Node, boolean>();

/**
 * Whether a call classifies a failure (tells transient failures from permanent ones). A function
 * of this file is read by its body: it compares something it reads from a value (`res.status ===
 * 429`, `e.code === 'ECONNRESET'`, `[502, 503].includes(r.status)`), tests `instanceof`, or calls
 * such a function. Only a function out of sight (imported, a member of an unknown object) is
 * judged by its name ({@link CLASSIFIER_RE}). With `anyAnswer`, a function whose answer is not a
 * truth value (`{ retry: true, delay }`, held in a local the test reads) is read the same way.
 */
export function isClassifierCall(call: TSESTree.CallExpression, sourceCode: TSESLint.SourceCode, depth = 0, anyAnswer = false): boolean {
  const fn = sameFileFunction(call.callee, { sourceCode });
  if (!fn) return CLASSIFIER_RE.test(calleeName(call) ?? '');
  if (!fn.body || depth > 3) return false;
  const memo = anyAnswer ? verdictFunctions : classifierFunctions;
  const hit = memo.get(fn);
  if (hit !== undefined) return hit;
  memo.set(fn, false);
  // A predicate: every value it returns is a truth value (a comparison, `!x`, `a && b`, a boolean,
  // a membership or classifier call). A helper that acts on the failure (`return again()`) is not one.
  const returned = returnedExpressions(fn, sourceCode);
  const truthValue = (e: Node): boolean => {
    const u = unwrap(e);
    if (u.type === T.Literal) return typeof u.value === 'boolean';
    if (u.type === T.BinaryExpression) return ['===', '==', '!==', '!=', '<', '<=', '>', '>=', 'instanceof', 'in'].includes(u.operator);
    if (u.type === T.UnaryExpression) return u.operator === '!';
    if (u.type === T.LogicalExpression) return truthValue(u.left) && truthValue(u.right);
    if (u.type === T.ConditionalExpression) return truthValue(u.consequent) && truthValue(u.alternate);
    if (u.type === T.CallExpression) return ['includes', 'has', 'some', 'every', 'test', 'Boolean'].includes(calleeName(u) ?? '') || !!sameFileFunction(u.callee, { sourceCode });
    return false;
  };
  // With `anyAnswer`, the answer may be of any shape (`{ retry: true, delay }`): what counts is
  // that the tests choosing it compare the status.
  if (returned.length === 0 || (!anyAnswer && !returned.every(truthValue))) {
    memo.set(fn, false);
    return false;
  }
  let found = false;
  const readsMember = (x: Node): boolean => {
    const u = unwrap(x);
    if (u.type === T.MemberExpression) return propertyName(u) !== 'length';
    return u.type === T.Identifier && isStatusLike(u, sourceCode);
  };
  // A status test classifies when it singles out transient answers (5xx, 408, 429, a range); a
  // test of an error's code or name (`e.code === 'ECONNRESET'`) tells network failures apart.
  const transientStatus = (n: Node): boolean => statusesTested(n, sourceCode).some((t) => t.code >= 500 || t.code === 408 || t.code === 429 || !['===', '==', '!==', '!=', 'in'].includes(t.op));
  // `process.env.NODE_ENV === 'development'` names a deployment, not a failure.
  const namesFailure = (x: Node, y: Node): boolean => unwrap(x).type !== T.Literal && !readsEnvironment(x) && unwrap(y).type === T.Literal && typeof (unwrap(y) as TSESTree.Literal).value === 'string';
  // Only what decides the answer: the returned values and the tests that choose among returns.
  const deciding: Node[] = [...returned];
  walk(fn.body, sourceCode.visitorKeys, (n) => {
    if (n !== fn.body && isFunction(n)) return false;
    if (n.type === T.IfStatement || n.type === T.ConditionalExpression) deciding.push(n.test);
    return undefined;
  });
  for (const d of deciding) walk(d, sourceCode.visitorKeys, (n) => {
    if (found) return false;
    if (n.type === T.BinaryExpression && n.operator === 'instanceof') found ||= instanceofClassifies(n);
    else if (n.type === T.BinaryExpression && ['===', '==', '!==', '!='].includes(n.operator) && (namesFailure(n.left as Node, n.right) || namesFailure(n.right, n.left as Node))) found = true;
    else if ((n.type === T.BinaryExpression || n.type === T.CallExpression) && transientStatus(n)) found = true;
    else if (n.type === T.CallExpression && n !== call && isClassifierCall(n, sourceCode, depth + 1)) found = true;
    return undefined;
  });
  memo.set(fn, found);
  return found;
}

/** A region's tests (`if`, `?:` and outermost `&&`/`||`, in source order) and whether it switches on a status or calls a classifier. */
interface StatusTests {
  tests: Node[];
  switched: boolean;
}

const statusTests = fileMemo<Node, StatusTests>();

/** Whether the region distinguishes 4xx from transient failures (see {@link classifiesTests}). */
export function classifiesStatus(region: Node, sourceCode: TSESLint.SourceCode): boolean {
  // Summarised bottom-up: a loop's tests are its own plus its nested loops' (summaries.ts).
  const { tests, switched } = summarise<StatusTests>(region, sourceCode, {
    memo: statusTests,
    make: () => ({ tests: [], switched: false }),
    visit: (n, acc) => {
      if (n.type === T.IfStatement || n.type === T.ConditionalExpression) acc.tests.push(n.test);
      else if (n.type === T.LogicalExpression && n.parent?.type !== T.LogicalExpression) acc.tests.push(n);
      else if (n.type === T.SwitchStatement && isStatusLike(n.discriminant, sourceCode)) acc.switched = true;
      else if (n.type === T.CallExpression && isClassifierCall(n, sourceCode)) acc.switched = true;
    },
    merge: (acc, inner) => {
      for (const t of inner.tests) acc.tests.push(t);
      acc.switched ||= inner.switched;
    },
  });
  return switched || classifiesTests(tests, sourceCode);
}

/** Whether a catch handler looks at the error before retrying (a test on it, `instanceof`, a classifier call). */
export function catchClassifies(c: RetryCatch, sourceCode: TSESLint.SourceCode): boolean {
  return judgeCatch(c, sourceCode).classifies;
}

/**
 * Whether a catch that does not classify still names one or two 4xx of its own (`if (err.response &&
 * err.response.status === 404) return false`): it lets the other client errors go round, which a
 * message can say exactly ("includes 4xx client errors") rather than "every error".
 */
export function catchSinglesOutClientErrors(c: RetryCatch, sourceCode: TSESLint.SourceCode): boolean {
  const j = judgeCatch(c, sourceCode);
  return !j.classifies && j.singledOut;
}

function judgeCatch(c: RetryCatch, sourceCode: TSESLint.SourceCode): { classifies: boolean; singledOut: boolean } {
  const errVars = new Set<TSESLint.Scope.Variable>();
  if (c.param) {
    const v = variableOf(sourceCode, c.param);
    if (v) errVars.add(v);
  }
  // Variables derived from the error: `const status = err.response?.status`, and the names a
  // pattern takes from it (`const { config, response } = error`).
  walkRegion(c.body, sourceCode, (n) => {
    if (n.type === T.VariableDeclarator && n.init && refersToAny(n.init, errVars, sourceCode)) {
      for (const v of sourceCode.scopeManager?.getDeclaredVariables(n) ?? []) errVars.add(v);
    }
  });
  const errTests: Node[] = [];
  let strong = false;
  walkRegion(c.body, sourceCode, (n) => {
    if (strong) return false;
    let test: Node | undefined;
    if (n.type === T.IfStatement) {
      // `if (err && err.message) notes.push(err.message)`: a test that only decides what is reported
      // decides nothing about going round.
      if (onlyReports(n.consequent) && (!n.alternate || onlyReports(n.alternate))) return undefined;
      // `if (e.name === 'AbortError') last = new Error('timeout'); else last = e`: a test that only
      // picks what is remembered of the failure (a value no test reads) decides nothing either.
      if (onlyRemembers(n.consequent, sourceCode) && (!n.alternate || onlyRemembers(n.alternate, sourceCode))) return undefined;
      test = n.test;
    } else if (n.type === T.ConditionalExpression) {
      // A conditional that only picks a value (`e instanceof Error ? e.message : 'unknown'` in a
      // message) decides nothing about going round; one whose value is kept (`const transient = …`)
      // reaches a later test through the derived variable.
      if (picksValueOnly(n)) return undefined;
      test = n.test;
    } else if (n.type === T.SwitchStatement) test = n.discriminant;
    else if (n.type === T.LogicalExpression && n.parent?.type === T.ExpressionStatement) test = n.left;
    else if (n.type === T.ReturnStatement && n.argument && unwrap(n.argument).type === T.LogicalExpression) test = (unwrap(n.argument) as TSESTree.LogicalExpression).left;
    if (!test) return undefined;
    // `if (!err.isAxiosError) throw err`, `err instanceof HTTPError`: asking whether the failure is
    // the HTTP client's error lets every answered status through, 4xx included: no classification.
    if (asksHttpErrorKindOnly(test, errVars, sourceCode)) return undefined;
    // `if (err instanceof ThrottleGaveUp) throw err`: only the attempt's own signal is let out.
    const u = unwrap(test);
    if (u.type === T.BinaryExpression && ownSignalClass(u, c, sourceCode)) return undefined;
    walk(test, sourceCode.visitorKeys, (t) => {
      if (t.type === T.BinaryExpression && instanceofClassifies(t)) strong = true;
      if (t.type === T.CallExpression && isClassifierCall(t, sourceCode)) strong = true;
    });
    // `if (error && tries < 3)`: asking whether there is an error at all tells no failure from another.
    if (!readsIntoError(test, errVars, c.param ? variableOf(sourceCode, c.param) : undefined, sourceCode)) return undefined;
    const tested = statusesTested(test, sourceCode);
    // A test on the error that singles out one or two 4xx codes still retries the other 4xx.
    // A term that only asks whether the error carries an answer (`err.response && err.response.status === 404`)
    // is a guard for reading the status, not another question about the failure.
    const presence = logicalTerms(test, '&&').filter((t) => {
      const u = unwrap(t);
      return u.type === T.Identifier || u.type === T.MemberExpression;
    });
    // So does one that singles out 408/429 for a wait of their own (`if (status === 429) { await
    // sleep(ra); continue }`): every other answer, 4xx included, still goes round (classifiesTests
    // judges `status !== 429`, which lets only the rate limit through).
    const namesRetriable = tested.some((s) => RETRIABLE_4XX.has(s.code));
    if (tested.length > 0 && tested.every((s) => (isClientErrorStatus(s.code) || RETRIABLE_4XX.has(s.code)) && ['===', '==', '!==', '!='].includes(s.op)) && (!namesRetriable || sideBranch(n)) && !refersOutside(test, [...tested.map((s) => s.node), ...presence], errVars, sourceCode)) {
      errTests.push(test);
      return undefined;
    }
    strong = true;
    return undefined;
  });
  // The error handed to a same-file function that tests its status (`.catch((e) => decide(e, again))`
  // with `decide` checking `err.response.status`): the classification is that function's, judged there.
  if (!strong) {
    walkRegion(c.body, sourceCode, (n) => {
      if (strong || n.type !== T.CallExpression) return undefined;
      const i = n.arguments.findIndex((a) => a.type !== T.SpreadElement && refersToAny(a, errVars, sourceCode));
      const fn = i >= 0 ? sameFileFunction(n.callee, { sourceCode }) : undefined;
      const param = fn?.params[i];
      const pv = param?.type === T.Identifier ? variableOf(sourceCode, param) : undefined;
      if (!fn || !pv) return undefined;
      const own = new Set([pv]);
      // …and its locals read from the error (`const status = err?.response?.status`).
      walk(fn.body, sourceCode.visitorKeys, (m) => {
        if (m.type === T.VariableDeclarator && m.init && m.id.type === T.Identifier && refersToAny(m.init, own, sourceCode)) {
          const v = variableOf(sourceCode, m.id);
          if (v) own.add(v);
        }
        return undefined;
      });
      walk(fn.body, sourceCode.visitorKeys, (m) => {
        if (!strong && m.type === T.IfStatement && refersToAny(m.test, own, sourceCode) && statusesTested(m.test, sourceCode).length > 0) strong = true;
        return undefined;
      });
      return undefined;
    });
  }
  return { classifies: strong || classifiesTests(errTests, sourceCode), singledOut: errTests.length > 0 };
}

/**
 * Whether an `if` is a side branch of a catch: it has no `else`, and the statements after it do not
 * always leave (`if (status === 429) { await sleep(ra); continue } … await sleep(backoff)`), so the
 * failures it does not name go on to the catch's own retry.
 */
function sideBranch(n: Node): boolean {
  if (n.type !== T.IfStatement || n.alternate) return false;
  const list = n.parent?.type === T.BlockStatement ? n.parent.body : undefined;
  if (!list) return false;
  return !list.slice(list.indexOf(n as TSESTree.Statement) + 1).some((st) => alwaysExits(st));
}

/**
 * `err instanceof RateLimitExhausted` where the file declares that class and only the tried code
 * throws it: the test lets out the attempt's own signal (it gave up on one path), and tells no
 * failure of the operation from another.
 */
function ownSignalClass(t: TSESTree.BinaryExpression, c: RetryCatch, sourceCode: TSESLint.SourceCode): boolean {
  const right = unwrap(t.right);
  if (right.type !== T.Identifier || !c.guarded) return false;
  const v = variableOf(sourceCode, right);
  const def = v?.defs[0];
  if (!v || def?.type !== 'ClassName') return false;
  const made = v.references.filter((r) => r.identifier.parent?.type === T.NewExpression && (r.identifier.parent as TSESTree.NewExpression).callee === r.identifier);
  return made.length > 0 && made.every((r) => contains(c.guarded!, r.identifier as Node));
}

/** The error classes HTTP clients reject with for any error status (axios, got/ky, Angular, ofetch, node-fetch). */
const HTTP_ERROR_CLASSES = new Set(['AxiosError', 'HTTPError', 'HttpError', 'HttpErrorResponse', 'FetchError', 'ResponseError', 'RequestError']);

/**
 * Whether an `instanceof` test can tell one failure from another. `e instanceof Error` holds for
 * nearly every failure (it normalises a value: `e instanceof Error ? e : new Error(String(e))`), and
 * an HTTP client's error class holds for every answered status, 4xx and 5xx alike: neither classifies.
 * Any other class (`TimeoutError`, `TypeError`, a project's `RetryableError`) does.
 */
export function instanceofClassifies(n: TSESTree.BinaryExpression): boolean {
  if (n.operator !== 'instanceof') return false;
  const c = unwrap(n.right);
  const name = c.type === T.Identifier ? c.name : c.type === T.MemberExpression ? propertyName(c) : undefined;
  return !(name === 'Error' || (name !== undefined && HTTP_ERROR_CLASSES.has(name)));
}

/**
 * Whether every read of the error in a test only asks what kind of object it is, where every failure
 * is of that kind (`err.isAxiosError`, `axios.isAxiosError(err)`, `err instanceof HTTPError`,
 * `err instanceof Error`): true for a 4xx as for a 5xx, so such a test tells no status from another.
 */
function asksHttpErrorKindOnly(test: Node, errVars: ReadonlySet<TSESLint.Scope.Variable>, sourceCode: TSESLint.SourceCode): boolean {
  let kindChecks = 0;
  let other = false;
  walk(test, sourceCode.visitorKeys, (n) => {
    if (other) return false;
    const isErr = (x: Node): boolean => {
      const u = unwrap(x);
      return u.type === T.Identifier && errVars.has(variableOf(sourceCode, u) as TSESLint.Scope.Variable);
    };
    if (n.type === T.MemberExpression && propertyName(n) === 'isAxiosError' && isErr(n.object)) {
      kindChecks++;
      return false;
    }
    if (n.type === T.CallExpression && calleeName(n) === 'isAxiosError' && n.arguments.length === 1 && isErr(n.arguments[0] as Node)) {
      kindChecks++;
      return false;
    }
    if (n.type === T.BinaryExpression && n.operator === 'instanceof' && isErr(n.left)) {
      if (!instanceofClassifies(n)) {
        kindChecks++;
        return false;
      }
      other = true;
      return false;
    }
    if (isErr(n)) other = true;
    return undefined;
  });
  return kindChecks > 0 && !other;
}

/** Whether a statement only reports: reporting calls ({@link isReportingCall}), in blocks or not. */
/**
 * Whether a branch only remembers something of the failure: assignments (and reports) to names
 * that no test reads (`lastError = caught`), so which branch runs changes nothing about going round.
 */
function onlyRemembers(st: Node, sourceCode: TSESLint.SourceCode): boolean {
  if (st.type === T.BlockStatement) return st.body.length > 0 && st.body.every((x) => onlyRemembers(x, sourceCode));
  if (st.type === T.IfStatement) return onlyRemembers(st.consequent, sourceCode) && (!st.alternate || onlyRemembers(st.alternate, sourceCode));
  if (onlyReports(st)) return true;
  if (st.type !== T.ExpressionStatement) return false;
  const e = unwrap(st.expression);
  if (e.type !== T.AssignmentExpression || e.left.type !== T.Identifier) return false;
  const v = variableOf(sourceCode, e.left);
  return !!v && v.references.every((r) => !inTest(r.identifier as Node));
}

/** Whether a name is read in a test (an `if`, a loop's, a conditional's, a `&&`/`||` operand; `??` only picks a value). */
function inTest(id: Node): boolean {
  for (let c: Node = id, p = id.parent; p && !isFunction(p); c = p, p = p.parent) {
    if ((p.type === T.IfStatement || p.type === T.WhileStatement || p.type === T.DoWhileStatement || p.type === T.ForStatement || p.type === T.ConditionalExpression) && (p as { test?: Node | null }).test === c) return true;
    if (p.type === T.LogicalExpression && p.operator !== '??') return true;
    if (p.type === T.ExpressionStatement || p.type === T.VariableDeclaration || p.type === T.ReturnStatement || p.type === T.ThrowStatement) return false;
  }
  return false;
}

function onlyReports(st: Node): boolean {
  if (st.type === T.BlockStatement) return st.body.every(onlyReports);
  if (st.type !== T.ExpressionStatement) return false;
  const e = unwrap(st.expression);
  return isReportingCall(e.type === T.AwaitExpression ? unwrap(e.argument) : e);
}

/**
 * A conditional expression that only chooses a value to show: both branches are plain values
 * (literals, names, member reads, templates of them, `String(x)`), and the chosen value goes into
 * a thrown error, a message or a call argument, never into a variable, a return or an await.
 */
function picksValueOnly(c: TSESTree.ConditionalExpression): boolean {
  // Whatever the branches build (`status ? { status, url } : err`), a value that only goes to a
  // report (`logger.error('failed', …)`) decides nothing about going round.
  if (reportedOnly(c)) return true;
  const plain = (e: Node): boolean => {
    const u = unwrap(e);
    if (u.type === T.Literal || u.type === T.Identifier || u.type === T.MemberExpression) return true;
    if (u.type === T.TemplateLiteral) return u.expressions.every(plain);
    if (u.type === T.CallExpression && u.callee.type === T.Identifier && u.callee.name === 'String') return u.arguments.every(plain);
    return false;
  };
  if (!plain(c.consequent) || !plain(c.alternate)) return false;
  let child: Node = c;
  let p = c.parent;
  while (p && (p.type === T.TemplateLiteral || p.type === T.BinaryExpression || p.type === T.TSAsExpression)) {
    child = p;
    p = p.parent;
  }
  if (!p) return false;
  if (p.type === T.CallExpression || p.type === T.NewExpression) return p.callee !== child;
  return p.type === T.ThrowStatement;
}

/** Whether an expression's value only reaches a reporting call's arguments (through objects, arrays, templates and spreads). */
function reportedOnly(e: Node): boolean {
  let child: Node = e;
  let p = e.parent;
  while (p && (p.type === T.ObjectExpression || p.type === T.Property || p.type === T.ArrayExpression || p.type === T.SpreadElement || p.type === T.TemplateLiteral || p.type === T.TSAsExpression || (p.type === T.BinaryExpression && p.operator === '+'))) {
    if (p.type === T.Property && p.value !== child) return false;
    child = p;
    p = p.parent;
  }
  return p?.type === T.CallExpression && p.callee !== child && isReportingCall(p);
}

/** Whether `test` refers to the error outside the given sub-nodes. */
function refersOutside(test: Node, inside: Node[], vars: Set<TSESLint.Scope.Variable>, sourceCode: TSESLint.SourceCode): boolean {
  let found = false;
  walk(test, sourceCode.visitorKeys, (n) => {
    if (found || inside.includes(n)) return false;
    if (n.type === T.Identifier) for (const v of vars) if (isReferenceTo(v, n)) found = true;
    return undefined;
  });
  return found;
}

/** A read of a response's body (`res.text()`, `res.json()`, `res.arrayBuffer()`, `res.blob()`). */
function readsBody(n: Node): boolean {
  const u = unwrap(n);
  return u.type === T.CallExpression && u.arguments.length === 0 && unwrap(u.callee).type === T.MemberExpression && /^(text|json|arrayBuffer|blob|formData)$/.test(calleeName(u) ?? '');
}

/**
 * A branch that only observes what it tested: it does not leave, goes round by no `continue`, awaits
 * nothing, arms no timer and holds no retry call (`if (status === 429) countRefusal()`, a log line).
 */
function observesOnly(branch: Node, retryCallIn: ((n: Node) => boolean) | undefined, sourceCode: TSESLint.SourceCode): boolean {
  if (alwaysExits(branch) || retryCallIn?.(branch)) return false;
  let acts = false;
  walk(branch, sourceCode.visitorKeys, (n) => {
    if (acts || isFunction(n)) return false;
    // Reading the answer's body (`detail = await res.text()`) only looks at what came back.
    if (n.type === T.AwaitExpression && readsBody(n.argument)) return false;
    if (n.type === T.AwaitExpression || n.type === T.ContinueStatement || n.type === T.BreakStatement || n.type === T.YieldExpression || n.type === T.ThrowStatement || n.type === T.ReturnStatement) acts = true;
    else if (n.type === T.CallExpression && /^(setTimeout|setInterval|sleep|delay|wait)$/i.test(calleeName(n) ?? '')) acts = true;
    return undefined;
  });
  return !acts;
}

/**
 * Whether a test reads something of the error or of a value derived from it (a member, a
 * comparison with a value, a call taking it), not only whether there is an error at all (the
 * caught error itself as `err`, `!err`, `err != null`). A derived value (`transient`) is a judgement
 * of the error whatever the form of the test.
 */
function readsIntoError(test: Node, vars: Set<TSESLint.Scope.Variable>, caught: TSESLint.Scope.Variable | undefined, sourceCode: TSESLint.SourceCode): boolean {
  if (vars.size === 0) return false;
  let found = false;
  walk(test, sourceCode.visitorKeys, (n) => {
    if (found) return false;
    if (n.type !== T.Identifier || ![...vars].some((v) => isReferenceTo(v, n))) return undefined;
    if (!caught || !isReferenceTo(caught, n)) {
      found = true;
      return undefined;
    }
    let x: Node = n;
    while (x.parent && (x.parent.type === T.TSNonNullExpression || x.parent.type === T.TSAsExpression)) x = x.parent;
    const p = x.parent;
    const nullish = (y: Node): boolean => {
      const u = unwrap(y);
      return (u.type === T.Literal && u.value === null) || (u.type === T.Identifier && u.name === 'undefined');
    };
    const presenceOnly =
      x === test ||
      (p?.type === T.UnaryExpression && p.operator === '!') ||
      (p?.type === T.LogicalExpression && p.operator !== '??') ||
      (p?.type === T.BinaryExpression && ['==', '!=', '===', '!=='].includes(p.operator) && nullish(p.left === x ? p.right : (p.left as Node)));
    if (!presenceOnly) found = true;
    return undefined;
  });
  return found;
}

/** Whether `node` reads any of `vars`. */
export function refersToAny(node: Node, vars: Set<TSESLint.Scope.Variable>, sourceCode: TSESLint.SourceCode): boolean {
  if (vars.size === 0) return false;
  let found = false;
  walk(node, sourceCode.visitorKeys, (n) => {
    if (found) return false;
    if (n.type === T.Identifier) {
      for (const v of vars) if (isReferenceTo(v, n)) found = true;
    }
    return undefined;
  });
  return found;
}

/** What {@link analyzeOperation}'s scan needs to know of a call whatever the region it scans (see {@link callPlan}). */
interface CallPlan {
  /** Whether {@link nonIdempotentOperation} can find an operation in the call (for some region). */
  operation: boolean;
  /** The same-file function the call runs. */
  fn: ReturnType<typeof sameFileFunction>;
  /** The same-file function handed by name to `.then` (`.then(checked)`). */
  thenCallback: ReturnType<typeof sameFileFunction>;
}

const callPlans = fileMemo<TSESTree.CallExpression, CallPlan>();

/**
 * The facts about a call that do not depend on the region scanned, memoised per call: every loop
 * around a call scans it again (a loop nesting d others scans its nested loops' calls), and only
 * whether a key is created inside depends on that loop.
 */
function callPlan(call: TSESTree.CallExpression, sourceCode: TSESLint.SourceCode): CallPlan {
  const hit = callPlans.get(call);
  if (hit) return hit;
  // `nonIdempotentOperation`'s own first tests, which do not read the region.
  const operation = runsHookMutation(sourceCode, call) || !!sentMessage(sourceCode, call) || (!!calleeName(call) && unwrap(call.callee).type === T.MemberExpression) || requestsGraphqlMutation(sourceCode, call) || handsObjectLiteral(call);
  const fn = sameFileFunction(call.callee, { sourceCode });
  const thenCallback = calleeName(call) === 'then' && call.arguments[0] && unwrap(call.arguments[0]).type === T.Identifier ? sameFileFunction(call.arguments[0], { sourceCode }) : undefined;
  const plan = { operation, fn, thenCallback };
  callPlans.set(call, plan);
  return plan;
}

/**
 * Whether a status test sits in `test` in a position that makes the test hold for the status: an
 * equality or list membership under no `!` (`a && [401, 429].includes(s)`, `s === 429 || s < 500`).
 */
function namesToExit(test: Node, s: StatusTested): boolean {
  if (s.op !== 'in' && s.op !== '===' && s.op !== '==') return false;
  if (!s.node || !contains(test, s.node)) return false;
  for (let p: Node | undefined = s.node.parent; p && p !== test.parent; p = p.parent) {
    if (p.type === T.UnaryExpression && p.operator === '!') return false;
  }
  return true;
}

/**
 * Whether a statement is followed, in its block, by a `return` of a value at hand (`return res`,
 * `return`): what passes it is handed back, not retried. (`return save(url, left - 1)` is the retry.)
 */
function returnsAfter(st: Node): boolean {
  const block = st.parent;
  if (block?.type !== T.BlockStatement) return false;
  const i = block.body.indexOf(st as TSESTree.Statement);
  return i >= 0 && block.body.slice(i + 1).some((x) => x.type === T.ReturnStatement && (!x.argument || [T.Identifier, T.MemberExpression, T.Literal].includes(unwrap(x.argument).type)));
}

/**
 * Whether a call in the retried code runs only in failure handling whose own failure leaves the
 * retry: it sits in a catch clause or `finally` block with no enclosing `try` block (inside
 * `region`) to catch what it throws. Such a request (an alert posted when an attempt fails, an
 * incident report before giving up) is never sent again because it failed: it is no retried
 * request, whatever its method.
 */
function failureLeavesRetry(call: Node, region: Node): boolean {
  let leaves = false;
  for (let child: Node = call, parent = call.parent; parent && child !== region; child = parent, parent = parent.parent) {
    if (isFunction(parent)) return false;
    if (parent.type === T.CatchClause && child === parent.body) leaves = true;
    else if (parent.type === T.TryStatement && child === parent.finalizer) leaves = true;
    else if (parent.type === T.TryStatement && child === parent.block && parent.handler) leaves = false;
  }
  return leaves;
}

/** Whether a call is given an object literal (where an idempotency key may be handed, see {@link mintedKeyArgument}). */
function handsObjectLiteral(call: TSESTree.CallExpression): boolean {
  return call.arguments.some((a) => a.type !== T.SpreadElement && unwrap(a).type === T.ObjectExpression);
}


/** How many different calls a helper is scanned for (each binds its parameters anew); a bound on the work, not a judgement. */
const MAX_BINDINGS = 8;

const callsInRegion = fileMemo<Node, Run<TSESTree.CallExpression>>();
const branchesInRegion = fileMemo<Node, Run<TSESTree.IfStatement | TSESTree.ConditionalExpression | TSESTree.SwitchStatement>>();
const isCall = (n: Node): n is TSESTree.CallExpression => n.type === T.CallExpression;
const isBranch = (n: Node): n is TSESTree.IfStatement | TSESTree.ConditionalExpression | TSESTree.SwitchStatement => n.type === T.IfStatement || n.type === T.ConditionalExpression || n.type === T.SwitchStatement;

/**
 * Analyses the retried operation in `region`: the requests it makes, how it treats 429/503,
 * Retry-After and client errors.
 *
 * @param region The retried code (loop body, recursive function body, handler).
 * @param catches The catch clauses / callbacks that let the retry go on.
 * @param leadsToRetry Whether control leaving a given statement by `throw` or falling through goes on to another attempt.
 * @param retryReached Whether the retry (a self-call, a loop's back-edge) is reached when an attempt ends with the
 *   given outcome (see `flow.ts`); when given, it decides whether a success exit leaves every failure to the retry.
 */
export function analyzeOperation(region: Node, catches: RetryCatch[], ctx: Ctx, leadsToRetry: (stmt: TSESTree.IfStatement) => boolean, retryReached?: (outcome: Outcome) => boolean, endsRetry: (stmt: Node) => boolean = alwaysExits, retryCallIn?: (n: Node) => boolean): OperationFacts {
  const { sourceCode, settings } = ctx;
  const http: HttpCall[] = [];
  const nonIdempotent: NonIdempotentRequest[] = [];
  const rateLimitChecks: Node[] = [];
  const clientErrorRetries: ClientErrorRetry[] = [];
  // The retried code, and the same-file functions it calls (two levels): a request made in a
  // helper called on every attempt is retried too, and a key it creates is new every attempt.
  // Each scope once per call that binds its parameters (the same helper called with 'GET' by one
  // caller and 'POST' by another makes both requests), at most MAX_BINDINGS times.
  const scannedWith = new Map<Node, Set<Node | undefined>>();
  const scanned = {
    has: (scope: Node, call?: Node): boolean => {
      const seen = scannedWith.get(scope);
      return !!seen && (seen.has(call) || seen.size >= MAX_BINDINGS);
    },
    add: (scope: Node, call?: Node): void => {
      const seen = scannedWith.get(scope) ?? new Set<Node | undefined>();
      seen.add(call);
      scannedWith.set(scope, seen);
    },
  };
  /** Calls (in the region) of helpers that throw on any non-OK status without classifying. */
  const throwingHelperCalls: { via: Node; test: Node }[] = [];
  // `repeated`: whether the calls scanned are sent again when they fail (false under a catch clause
  // whose own failure leaves the retry, see failureLeavesRetry).
  const scan = (scope: Node, keyRegion: Node, depth: number, via?: Node, bound: ReadonlyMap<TSESTree.FunctionLike, readonly TSESTree.CallExpression[]> = new Map(), repeated = true): void => {
    const binding = bound.get(scope as TSESTree.FunctionLike)?.[0];
    if (scanned.has(scope, binding)) return;
    scanned.add(scope, binding);
    if (via && depth > 0) {
      let throwsOnNonOk: Node | undefined;
      if (!classifiesStatus(scope, sourceCode)) {
        walkRegion(scope, sourceCode, (n) => {
          if (!throwsOnNonOk && n.type === T.IfStatement && okCheck(n.test, sourceCode) === 'failure' && alwaysExits(n.consequent) && lastIsThrow(n.consequent)) throwsOnNonOk = n.test;
        });
      }
      // A helper that tests statuses but throws on nearly every 4xx as well (`if (status >= 500) throw …;
      // if (!ok) throw …`): what it classifies, it throws all the same.
      if (!throwsOnNonOk && isFunction(scope)) throwsOnNonOk = throwsClientErrors(scope as TSESTree.FunctionLike, sourceCode);
      // Reported at the helper's check: that is where every non-OK status becomes a retried error.
      if (throwsOnNonOk) throwingHelperCalls.push({ via, test: throwsOnNonOk });
    }
    // The calls of the scope in walk order, summarised bottom-up over nested loops.
    for (const n of nodesWithin(scope, sourceCode, callsInRegion, isCall, true)) {
      // In a helper the retried code calls, its parameters hold that call's arguments.
      const h = bound.size > 0 && describeHttpCall(sourceCode, n, settings) ? describeHttpCallAt(sourceCode, n, settings, bound) : describeHttpCall(sourceCode, n, settings);
      const sentAgain = repeated && (depth > 0 || !failureLeavesRetry(n, region));
      if (h) {
        http.push(h);
        if (!sentAgain) continue;
        // A GraphQL request: its document, not its method, says whether it changes state.
        if (h.client === 'graphql-request') {
          const j = nonIdempotentOperation(n, keyRegion, ctx);
          if (j) nonIdempotent.push(j);
        } else nonIdempotent.push(...judgeIdempotencyAll(sourceCode, h, keyRegion, settings));
        continue;
      }
      const plan = callPlan(n, sourceCode);
      const op = plan.operation && sentAgain ? nonIdempotentOperation(n, keyRegion, ctx) : undefined;
      if (op) {
        nonIdempotent.push(op);
        continue;
      }
      if (depth < 2) {
        const { fn, thenCallback: cb } = plan;
        // A helper scanned before (called again, or from a nested loop) is passed over, as `scan` would.
        if (fn && !scanned.has(fn, n) && !contains(fn, region) && !contains(region, fn)) scan(fn, fn, depth + 1, depth === 0 ? n : via, new Map([...bound, [fn, [n]]]), sentAgain);
        // A helper handed to `.then` by name (`.then(checked)`) runs on every attempt's result too.
        if (cb && !scanned.has(cb) && !contains(cb, region) && !contains(region, cb)) scan(cb, cb, depth + 1, depth === 0 ? n : via, bound, sentAgain);
        // `requestFn()` where the retry's function was given `requestFn`: the functions its same-file
        // callers pass (`this.executeWithRetry(() => this.performRequest(…))`) run on every attempt.
        for (const passed of depth === 0 ? passedFunctions(n, sourceCode) : []) {
          if (!scanned.has(passed) && !contains(passed, region) && !contains(region, passed)) scan(passed, passed, depth + 1, n, bound, sentAgain);
        }
      }
    }
  };
  scan(region, region, 0);

  const honoursRetryAfter = readsRetryAfter(region, sourceCode);
  const classified = classifiesStatus(region, sourceCode);
  // No catch of the retry classifies what it caught (each goes round on whatever reached it).
  const unclassifiedCatches = catches.length > 0 && catches.every((c) => !catchClassifies(c, sourceCode));
  let goRound: boolean | undefined;
  /** Whether nearly every 4xx reaches the next attempt by the retry's own flow (memoised). */
  const clientErrorsGoRound = (): boolean => (goRound ??= !!retryReached && CLIENT_ERRORS.filter((code) => retryReached({ kind: 'status', code })).length >= CLIENT_ERRORS.length - 2);

  // PRODUCT: a token refresh and replay on 401 is judged by no-unbounded-retry alone. Without any
  // credential refresh in the retried code or its handlers, a 401/403 sent again unchanged is a
  // client error retried like any other (the same stale credential fails the same way).
  // Looked for only when a test names 401 or 403 (memoised).
  let refreshes: boolean | undefined;
  const refreshed = (): boolean => {
    if (refreshes !== undefined) return refreshes;
    refreshes = false;
    for (const root of [region, ...catches.map((c) => c.body)]) {
      walk(root, sourceCode.visitorKeys, (m) => {
        if (refreshes) return false;
        // By what it does, or by its name (a same-file stub `refreshToken() {}` still says what the code means).
        if (m.type === T.CallExpression && (isCredentialRefresh(m, sourceCode) || REFRESH_RE.test(calleeName(m) ?? ''))) refreshes = true;
        return undefined;
      });
    }
    return refreshes;
  };
  /** A 4xx the attempt does not send again as it was: a 401/403 after a credential refresh, a 409/412 after a re-read. */
  const notRetriedAsIs = (code: number): boolean => ((code === 401 || code === 403) && refreshed()) || conflictExempt(code);
  // 409 Conflict and 412 Precondition Failed answer a write made against a stale version (optimistic
  // concurrency, RFC 9110 §15.5.10 and §15.5.13): an attempt that reads the resource again before it
  // writes sends a corrected request, not the same one (PRODUCT: not a retry of the same input).
  let rereads: boolean | undefined;
  function conflictExempt(code: number): boolean {
    if (code !== 409 && code !== 412) return false;
    rereads ??= http.some((h) => h.method === 'GET' || h.method === 'HEAD') && http.some((h) => h.method !== undefined && h.method !== 'GET' && h.method !== 'HEAD');
    return rereads;
  }
  /**
   * Whether a branch entered on a client error leaves the retry for nearly all of them by a nested
   * decision (`if (status >= 400 && status < 500) { if (status !== 408 && status !== 429) break; }`):
   * evaluated per status, the branch goes on for at most two 4xx (those it carves out as retriable).
   * A branch that holds the retry call itself (recursion) is not judged here.
   */
  const exitsForClientErrors = (branch: Node): boolean => {
    if (retryCallIn?.(branch)) return false;
    const goOn = CLIENT_ERRORS.filter((code) => mayGoOn(branch, { kind: 'status', code }, sourceCode));
    return goOn.length <= 2;
  };
  // The `if`s, `?:`s and `switch`es of the region in walk order, summarised bottom-up over nested loops.
  for (const n of nodesWithin(region, sourceCode, branchesInRegion, isBranch, true)) {
    if (n.type === T.IfStatement) {
      const tested = statusesTested(n.test, sourceCode);
      // `status >= 400 && status < 500 && ![408, 429].includes(status)`: 429 is an exception carved out of
      // a fail-fast range of client errors; it goes round with every other failure, not handled apart.
      const carvedFromClientRange = clientRangeGuard(tested);
      // `if (status === 401 || status === 403 || status === 429) countRefusal()`: a branch that only
      // observes the status and falls through handles none of it (the rest of the attempt does).
      const observes = observesOnly(n.consequent, retryCallIn, sourceCode);
      if (observes) {
        // judged where the attempt goes on
      } else if (tested.some((s) => isRetryAfterStatus(s.code) && (s.op === '==='|| s.op === '==' || s.op === 'in' || s.op === '>=')) && leadsToRetry(n)) {
        rateLimitChecks.push(rateLimitAt(n.test, tested));
      } else if (carvedFromClientRange) {
        // see above: no handling of 429/503 of its own
      } else if (tested.some((s) => isRetryAfterStatus(s.code) && (s.op === '!==' || s.op === '!=') && !(alwaysExits(n.consequent) && evalTest(n.test, { kind: 'status', code: s.code }, sourceCode) === true))) {
        // `if (res.status !== 429) throw err`: only 429 goes round. (`status >= 500 && status !== 503`
        // held in a name and then `if (!retriable) return`: 503 is the one status that leaves.)
        rateLimitChecks.push(rateLimitAt(n.test, tested));
      } else if (alwaysExits(n.consequent) && tested.some((s) => isRetryAfterStatus(s.code) && (s.op === '===' || s.op === '==' || s.op === 'in') && letsThrough(n.test, s.code, sourceCode))) {
        // `if (!transient || attempt >= max) return res;` with `transient = status === 429 || …`: the exit
        // leaves the other statuses, and 429 falls through to the wait and the next attempt.
        rateLimitChecks.push(rateLimitAt(n.test, tested));
      } else if (retryReached && tested.some((s) => isRetryAfterStatus(s.code) && retryReached({ kind: 'status', code: s.code }) && !(alwaysExits(n.consequent) && namesToExit(n.test, s)))) {
        // (Not `if (err instanceof HttpError && [401, 404, 429].includes(err.status)) throw err`: a list
        // that sends 429 to the exit names it only to say no to it, whatever the flow cannot tell of the guard beside it.)
        // `if (![503].includes(res.status) || left <= 0) return res;`: the test sends 503 round again.
        rateLimitChecks.push(rateLimitAt(n.test, tested));
      }
      // A same-file predicate that says yes to 429/503 (`if (!isThrottled(err)) throw err`,
      // `if (isRateLimited(res)) { wait; continue; }`): its check is where the status is handled.
      rateLimitChecks.push(...predicateRateLimitChecks(n, sourceCode, leadsToRetry(n)));
      // A test that cannot hold for the status (`!ignored && (status === 502 || …)` with `ignored` naming 404)
      // does not take it into the branch.
      // (`forbidden && quotaGone` with `quotaGone = headers['x-ratelimit-remaining'] === '0'`: a 403 that is
      // the server's rate-limit refusal, sent again once the quota resets.)
      const clientHit = (tested.some((s) => !notRetriedAsIs(s.code) && isClientErrorStatus(s.code) && (s.op === 'in' || s.op === '===' || s.op === '==') && evalTest(n.test, { kind: 'status', code: s.code }, sourceCode) !== false) || clientRangeGuard(tested)) && !besideRateLimitHeader(n.test, sourceCode);
      // A same-file predicate in the retry condition (`if (this.shouldRetry(res)) …`) that says yes to a 4xx.
      if (leadsToRetry(n)) clientErrorRetries.push(...predicateClientChecks(n.test, sourceCode));
      // `if (res.ok || !worthAnother(res.status)) return res`: a no from the predicate leaves, a yes goes round.
      else if (alwaysExits(n.consequent)) clientErrorRetries.push(...predicateClientChecks(n.test, sourceCode, true));
      // `if (![400, 500, 503].includes(status)) throw err`: the list is what goes round again.
      const negatedList = unwrap(n.test).type === T.UnaryExpression && tested.some((s) => s.op === 'in' && isClientErrorStatus(s.code)) && tested.every((s) => s.op === 'in') && alwaysExits(n.consequent);
      // `if (!conflict || attempt === max) throw err` with `conflict = err.status === 409`: the exit leaves
      // every other failure, and the client error it tests falls through to the wait and the next attempt.
      // (Not where what falls through is returned: past `if (!ignored && status >= 400) throw res` with
      // `ignored` naming 404 comes `return res`, the answer handed back.)
      const passedClient = alwaysExits(n.consequent) && !besideRateLimitHeader(n.test, sourceCode) ? tested.find((s) => !notRetriedAsIs(s.code) && isClientErrorStatus(s.code) && s.op !== '<' && s.op !== '>' && s.op !== '<=' && s.op !== '>=' && letsThrough(n.test, s.code, sourceCode) && !returnsAfter(n)) : undefined;
      if (negatedList) {
        clientErrorRetries.push({ node: n.test, reason: 'client-status' });
      } else if (passedClient) {
        clientErrorRetries.push({ node: passedClient.origin ?? n.test, reason: 'client-status' });
      } else if (clientHit && leadsToRetry(n) && !observes && !exitsForClientErrors(n.consequent)) {
        // (A branch that only observes the status is not where it is retried: the rest of the attempt
        // is judged where it goes round.)
        clientErrorRetries.push({ node: n.test, reason: 'client-status' });
      } else if (!classified || (unclassifiedCatches && catches.some((c) => c.guarded !== undefined && contains(c.guarded, n) && throwsAfter(c.guarded, n, sourceCode)) && clientErrorsGoRound())) {
        // Only a response's status says which statuses go round (a success flag does not). A status
        // test elsewhere in the attempt classifies nothing when the 4xx it lets past are thrown into
        // a catch that retries them (`if (res.status >= 500) { wait; continue } throw new Error(…)`
        // inside the try): the loop's flow says which statuses go round.
        const kind = okCheck(n.test, sourceCode) ?? gatedOkCheck(n.test, sourceCode) ?? (tested.length > 0 ? outcomeKind(n.test, sourceCode) : undefined);
        // `if (res.ok) return …`: every other status goes round only if a client error reaches the retry.
        const nonOkRetried = retryReached ? CLIENT_ERRORS.filter((code) => retryReached({ kind: 'status', code })).length >= CLIENT_ERRORS.length - 2 : !nextStatementExits(n);
        // A test of an answer that rejects its 4xx/5xx (axios, got) only sees 2xx: the non-OK ones went to a catch.
        // Or `if (res.status === 200 || failures > 10) keepGoing = false; else { wait }`: the success
        // branch ends the retry (endsRetry: a loop's flag set to its stopping value) and the other goes round.
        const elseGoesRound = !!n.alternate && !alwaysExits(n.alternate) && !alwaysExits(n.consequent) && endsRetry(n.consequent);
        if (kind === 'success' && endsRetry(n.consequent) && nonOkRetried && (!n.alternate || elseGoesRound) && !okIsHelperFlag(n.test, sourceCode) && !testsOnlySuccessfulAnswers(sourceCode, n.test, settings) && !classifiesBesideOk(n.test, sourceCode)) {
          // The attempt classifies statuses (`if (status >= 500) { wait; continue }`) and throws the others
          // into its own catch, which takes every failure: that catch is where the 4xx are let through.
          const into = unclassifiedCatches && classified ? catches.find((c) => c.guarded !== undefined && contains(c.guarded, n) && throwsAfter(c.guarded, n, sourceCode)) : undefined;
          if (into) {
            if (!clientErrorRetries.some((r) => r.node === into.node)) clientErrorRetries.push({ node: into.node, reason: 'catch-all' });
          } else clientErrorRetries.push({ node: n.test, reason: 'non-ok' });
        } else if (kind === 'failure' && leadsToRetry(n) && (!retryReached || nonOkRetried) && !thrownToClassifyingCatch(n, catches, sourceCode) && !okIsHelperFlag(n.test, sourceCode) && !classifiesBesideOk(n.test, sourceCode)) {
          // (`if (!res.ok) { if (res.status === 429) { wait; return self() } }`: the branch goes round
          // only for the statuses a test inside it lets through; the flow says whether 4xx are among them.)
          clientErrorRetries.push({ node: n.test, reason: 'non-ok' });
        }
      }
    }
    // `r.status === 503 ? delay(ms).then(() => self()) : r.json()`: a ternary handles the status too.
    if (n.type === T.ConditionalExpression && statusesTested(n.test, sourceCode).some((s) => isRetryAfterStatus(s.code))) {
      rateLimitChecks.push(n.test);
    }
    // `res.ok ? res : await self(url, n - 1)`: the failing side of an OK test runs the retry, so
    // every non-OK status goes round, 4xx included (the ternary form of `if (!res.ok) return self()`).
    if (n.type === T.ConditionalExpression && retryCallIn && !classified) {
      const kind = okCheck(n.test, sourceCode) ?? gatedOkCheck(n.test, sourceCode);
      const failing = kind === 'success' ? n.alternate : kind === 'failure' ? n.consequent : undefined;
      const passing = kind === 'success' ? n.consequent : kind === 'failure' ? n.alternate : undefined;
      if (failing && passing && retryCallIn(failing) && !retryCallIn(passing) && !okIsHelperFlag(n.test, sourceCode) && !testsOnlySuccessfulAnswers(sourceCode, n.test, settings) && !clientErrorRetries.some((r) => r.node === n.test)) {
        clientErrorRetries.push({ node: n.test, reason: 'non-ok' });
      }
    }
    // `.then((r) => (r.ok ? r.json() : Promise.reject(new Error(…))))`: the failing side of an OK test
    // rejects into a catch of the retry that takes whatever reaches it, so every non-OK status goes round
    // (the expression form of `if (!res.ok) throw …`).
    if (n.type === T.ConditionalExpression && !classified && !clientErrorRetries.some((r) => r.node === n.test)) {
      const kind = okCheck(n.test, sourceCode) ?? gatedOkCheck(n.test, sourceCode);
      const failing = kind === 'success' ? n.alternate : kind === 'failure' ? n.consequent : undefined;
      if (failing && isRejection(failing) && valueLeaves(n) && catches.some((c) => c.guarded !== undefined && contains(c.guarded, n) && !catchClassifies(c, sourceCode)) && !okIsHelperFlag(n.test, sourceCode) && !testsOnlySuccessfulAnswers(sourceCode, n.test, settings)) {
        clientErrorRetries.push({ node: n.test, reason: 'non-ok' });
      }
    }
    if (n.type === T.SwitchStatement && isStatusLike(n.discriminant, sourceCode)) {
      // `case 429: case 503: …` is one handling: one report, on the first case.
      const first = n.cases.find((c) => {
        const code = c.test ? statusCode(c.test, sourceCode) : undefined;
        return code !== undefined && isRetryAfterStatus(code);
      });
      if (first?.test) {
        const i = n.cases.indexOf(first);
        const body = n.cases.slice(i).find((c) => c.consequent.length > 0)?.consequent ?? [];
        if (!body.some((st) => st.type === T.ReturnStatement)) rateLimitChecks.push(first.test);
      }
    }
  }

  for (const c of catches) {
    const guarded = c.guarded ?? region;
    // The catch hands the error and the retry to a same-file helper (`recoverOrFail(err, () => self(), reject)`):
    // the helper's test on the error decides which failures go round.
    const decided = helperDecides(c, sourceCode);
    if (decided) {
      if (decided.retriesClientErrors && !classified) clientErrorRetries.push({ node: decided.test, reason: 'client-status' });
      continue;
    }
    const throwing = http.some((h) => h.throwsOnHttpError && (contains(guarded, h.node) || !contains(region, h.node)));
    if (throwing && !catchClassifies(c, sourceCode) && !classified) clientErrorRetries.push({ node: c.node, reason: catchSinglesOutClientErrors(c, sourceCode) ? 'client-status' : 'catch-all' });
    else if (classified && c.guarded !== undefined && !catchClassifies(c, sourceCode) && http.some((h) => contains(guarded, h.node)) && throwsAfter(guarded, guarded, sourceCode, true) && !clientErrorRetries.some((r) => contains(guarded, r.node)) && clientErrorsGoRound()) {
      // The attempt classifies some statuses (`if (status >= 500) { wait; continue }`) and throws on the
      // others into its own catch, which goes round on whatever it caught: the 4xx are retried there.
      clientErrorRetries.push({ node: c.node, reason: 'catch-all' });
    }
    else if (!catchClassifies(c, sourceCode) && !classified) {
      const h = throwingHelperCalls.find((x) => contains(guarded, x.via));
      if (h && !clientErrorRetries.some((r) => r.node === h.test)) clientErrorRetries.push({ node: h.test, reason: 'non-ok' });
    }
  }
  const caught = caughtStatuses(region, catches, sourceCode);
  // A request seen under several bindings is one request: its first judgement stands.
  const requests = nonIdempotent.filter((r, i) => nonIdempotent.findIndex((o) => o.node === r.node) === i);
  return { nonIdempotent: requests, rateLimitChecks, honoursRetryAfter, clientErrorRetries, http, ...(caught ? { caughtStatuses: caught } : {}) };
}

/**
 * The statuses after which the catches let a failure go round, when each catch decides it with
 * guards that throw on the caught error (`if (!err.response || err.response.status !== 429) throw
 * err;`, a same-file predicate, a `const` read from the error): the probed statuses no guard surely
 * throws for (the status-set evaluator). Undefined when a failure with no response (a network
 * error, a timeout: the request may have been processed) may go round, when a catch names no
 * error or has no such guard, or when the retried code tests a status outside its catches (an
 * answer may go round that way too).
 */
function caughtStatuses(region: Node, catches: readonly RetryCatch[], sourceCode: TSESLint.SourceCode): number[] | undefined {
  if (catches.length === 0) return undefined;
  // An `if` or `?:` of the region outside the catches' bodies that tests a status: from the
  // region's branches (listed once for it and its nested loops), not a walk of the region per loop.
  const testedOutside = nodesWithin(region, sourceCode, branchesInRegion, isBranch, true).some(
    (n) => (n.type === T.IfStatement || n.type === T.ConditionalExpression) && !catches.some((c) => contains(c.body, n)) && (statusesTested(n.test, sourceCode).length > 0 || okCheck(n.test, sourceCode) !== undefined),
  );
  if (testedOutside) return undefined;
  const going = new Set<number>();
  for (const c of catches) {
    const errVar = c.param ? variableOf(sourceCode, c.param) : undefined;
    if (!errVar || c.body.type !== T.BlockStatement) return undefined;
    const guards = c.body.body.filter((st): st is TSESTree.IfStatement => st.type === T.IfStatement && alwaysExits(st.consequent) && lastIsThrow(st.consequent));
    if (guards.length === 0) return undefined;
    const isStatus = (n: Node): boolean => {
      const u = unwrap(n);
      if (u.type !== T.MemberExpression || !['status', 'statusCode'].includes(propertyName(u) ?? '')) return false;
      let o = unwrap(u.object);
      while (o.type === T.MemberExpression && propertyName(o) === 'response') o = unwrap(o.object);
      return o.type === T.Identifier && variableOf(sourceCode, o) === errVar;
    };
    const sets = guards.map((g) => evaluateTest(g.test, isStatus, sourceCode, [errVar]));
    for (const v of sets[0]!.verdicts) {
      const status = v.outcome.status;
      // `retried` here is the guard's truth: true means it surely throws.
      if (sets.some((set) => set.verdicts.some((w) => w.outcome.status === status && w.retried === true))) continue;
      if (status === undefined) return undefined;
      going.add(status);
    }
  }
  return [...going];
}

/**
 * The statuses for which a catch reaches `target` (the call that starts the next attempt) through
 * the `if`s around it (`if (body?.error_code === 429) { …; return send(…) }`): the probed statuses
 * every such test lets through, read from the caught error, its `response`, or a `const` taken from
 * them (`const body = error.response?.body`). Undefined when an error with no status may reach it,
 * when no test on the way reads a status, or when nothing narrows the set.
 */
export function statusesOnWayTo(target: Node, catchBody: Node, errVar: TSESLint.Scope.Variable, sourceCode: TSESLint.SourceCode): number[] | undefined {
  const tests: { test: Node; holds: boolean }[] = [];
  for (let child: Node = target, p = target.parent; p && child !== catchBody; child = p, p = p.parent) {
    if (isFunction(p)) return undefined;
    if (p.type === T.IfStatement && child !== p.test) tests.push({ test: p.test, holds: child === p.consequent });
  }
  if (tests.length === 0) return undefined;
  const fromError = (n: Node, depth = 0): boolean => {
    const u = unwrap(n);
    if (u.type === T.MemberExpression) return fromError(u.object, depth);
    if (u.type !== T.Identifier || depth > 3) return false;
    const v = variableOf(sourceCode, u);
    if (v === errVar) return true;
    const b = v && bindingOf(v);
    return !!b && b.kind === 'init' && b.stable && !!b.node && fromError(b.node, depth + 1);
  };
  const isStatus = (n: Node): boolean => {
    const u = unwrap(n);
    return u.type === T.MemberExpression && isStatusLike(u) && fromError(u.object);
  };
  let going: Set<number | undefined> | undefined;
  let readsStatus = false;
  for (const { test, holds } of tests) {
    const set = evaluateTest(test, isStatus, sourceCode, [errVar]);
    if (set.named.size > 0) readsStatus = true;
    const here = new Set(set.verdicts.filter((v) => v.retried === holds || v.retried === undefined).map((v) => v.outcome.status));
    going = going ? new Set([...going].filter((x) => here.has(x))) : here;
  }
  if (!going || !readsStatus || going.has(undefined)) return undefined;
  return [...going].filter((x): x is number => x !== undefined);
}

/**
 * The `ok` a test reads is a flag a same-file helper builds (`return { ok: false, error }`), or the
 * outcome of a process run ({@link PROCESS_MODULE_RE}), not a response's status: it says nothing
 * about which HTTP statuses go round.
 */
function okIsHelperFlag(test: Node, sourceCode: TSESLint.SourceCode): boolean {
  let found = false;
  walk(test, sourceCode.visitorKeys, (m) => {
    if (found || m.type !== T.MemberExpression || propertyName(m) !== 'ok') return undefined;
    const o = unwrap(m.object);
    if (o.type !== T.Identifier) return undefined;
    const v = variableOf(sourceCode, o);
    if (!v) return undefined;
    const values: Node[] = [];
    for (const r of v.references) {
      const w = r.writeExpr;
      if (r.isWrite() && w) values.push(w as Node);
    }
    found = values.some((w) => {
      let x = unwrap(w);
      if (x.type === T.AwaitExpression) x = unwrap(x.argument);
      if (x.type !== T.CallExpression) return false;
      // What a process run answers, or a wrapper made of one (`asResult(execa('ctl', ['push']))`).
      const runsProcess = (c: Node): boolean => c.type === T.CallExpression && PROCESS_MODULE_RE.test(originOf(sourceCode, c.callee)?.module ?? '');
      if (runsProcess(x) || x.arguments.some((a) => runsProcess(unwrap(a)))) return true;
      const fn = sameFileFunction(x.callee, { sourceCode });
      if (!fn) return false;
      const rets = returnedExpressions(fn, sourceCode);
      return rets.length > 0 && rets.some((e) => {
        const u = unwrap(e);
        return u.type === T.ObjectExpression && !!findProperty(u, 'ok');
      });
    });
    return undefined;
  });
  return found;
}

/** Checks in same-file predicates called by a retry condition that return true for a 4xx client error. */
export function predicateClientChecks(test: Node, sourceCode: TSESLint.SourceCode, negatedOnly = false, plainOnly = false): ClientErrorRetry[] {
  const out: ClientErrorRetry[] = [];
  walk(test, sourceCode.visitorKeys, (n) => {
    if (n.type !== T.CallExpression) return undefined;
    const fn = sameFileFunction(n.callee, { sourceCode });
    if (!fn) return undefined;
    // `negatedOnly`: a yes from the predicate goes round only through a `!` (`if (!pred(e)) throw e`);
    // `plainOnly`: only without one (`pred(e) ? timer(ms) : throwError(…)`).
    const negated = negatedWithin(n, test.parent);
    if ((negatedOnly && !negated) || (plainOnly && negated)) return undefined;
    if (fn.body.type === T.BlockStatement) walkRegion(fn.body, sourceCode, (m) => {
      if (m.type !== T.IfStatement) return;
      const returnsTrue = (x: Node): boolean => {
        const stmts = x.type === T.BlockStatement ? x.body : [x];
        const last = stmts[stmts.length - 1];
        return last?.type === T.ReturnStatement && !!last.argument && unwrap(last.argument).type === T.Literal && (unwrap(last.argument) as TSESTree.Literal).value === true;
      };
      if (returnsTrue(m.consequent) && statusesTested(m.test, sourceCode).some((x) => isClientErrorStatus(x.code) && (x.op === '===' || x.op === '==' || x.op === 'in'))) {
        out.push({ node: m.test, reason: 'client-status' });
      }
    }, false);
    // A returned answer whose status tests say yes to client errors: a list of statuses to give up
    // on that leaves most 4xx out (`!GIVE_UP_ON.includes(status) && sent <= max`, the list holding
    // 400, 401, 403 and 429). Tests of anything but the status (the count) are left aside: they
    // decide when, not which statuses.
    for (const r of returnedExpressions(fn, sourceCode)) {
      if (r && saysYesToClientErrors(r, sourceCode)) out.push({ node: r, reason: 'client-status' });
    }
    return undefined;
  });
  return out;
}

/**
 * The status tests among a returned answer's top-level `&&` terms are all true for at least two
 * of the common client errors (400, 401, 403, 404, 409, 422; RFC 9110 §15.5): it answers yes to
 * 4xx in general, not to one status the code handles on purpose.
 */
function saysYesToClientErrors(answer: Node, sourceCode: TSESLint.SourceCode): boolean {
  const terms = logicalTerms(answer, '&&');
  const onStatus = terms.filter((t) => statusesTested(t, sourceCode).length > 0);
  if (onStatus.length === 0) return false;
  const yes = FAILURES.filter((o) => o.kind === 'status' && isClientErrorStatus(o.code) && onStatus.every((t) => evalTest(t, o, sourceCode) === true));
  return yes.length >= 2;
}

/**
 * The 429/503 checks inside same-file predicates called in an `if` test, when a yes from the
 * predicate goes round again: the call is not negated and the `if` leads to the retry
 * (`retriedWhenTrue`), or it is negated and the `if` leaves (`if (!pred(e) || n >= max) throw e`).
 * A check counts when the predicate returns it (`return res.status === 429`, an arrow body) or
 * returns `true` under it, and tests no status but 429/503.
 */
function predicateRateLimitChecks(ifStmt: TSESTree.IfStatement, sourceCode: TSESLint.SourceCode, retriedWhenTrue: boolean): Node[] {
  return predicateRateLimitTests(ifStmt.test, sourceCode, retriedWhenTrue, alwaysExits(ifStmt.consequent));
}

/**
 * The 429/503 checks inside same-file predicates called in a test that decides whether a failure
 * goes round: the test sends it round when true (`retriedWhenTrue`) and the call is not negated,
 * or the call is negated and a true test leaves (`exitsWhenTrue`: `if (!pred(e)) throw e`, a delay
 * function's `if (!this.transient(err)) throw err`). Used by every retry form that decides by a test.
 */
export function predicateRateLimitTests(test: Node, sourceCode: TSESLint.SourceCode, retriedWhenTrue: boolean, exitsWhenTrue: boolean): Node[] {
  const out: Node[] = [];
  // A predicate handles 429/503 explicitly when it names one of them, in a comparison or a status
  // list (PRODUCT: "a status check or a status list"), as an inline test does; one that lets them
  // through only inside a range (`status >= 500`) is a catch-all judged by the other rules.
  // A test that names 429 only to say no to it (`!GIVE_UP_ON.includes(status)`, the list holding 429) does not handle it.
  const positive = (t: Node): boolean => statusesTested(t, sourceCode).some((x) => isRetryAfterStatus(x.code) && (x.op === '===' || x.op === '==' || x.op === 'in') && evalTest(t, { kind: 'status', code: x.code }, sourceCode) !== false);
  const visit = (root: Node, flipped: boolean, depth: number): void => {
    walk(root, sourceCode.visitorKeys, (n) => {
      if (isFunction(n)) return false;
      // A name holding the answer (`const again = opts.shouldRetry?.(err) ?? this.isRateLimited(err)`;
      // `if (!again) throw err`): the calls it was made from answer for it, a default included.
      if (n.type === T.Identifier && depth < 2 && n.parent?.type !== T.MemberExpression) {
        const def = variableOf(sourceCode, n)?.defs[0];
        let init = def?.type === 'Variable' && def.parent.kind === 'const' && def.node.init ? unwrap(def.node.init) : undefined;
        if (init?.type === T.AwaitExpression) init = unwrap(init.argument);
        if (init && (init.type === T.CallExpression || init.type === T.LogicalExpression) && !contains(init, test)) visit(init, flipped !== negatedWithin(n, root.parent), depth + 1);
        return undefined;
      }
      if (n.type !== T.CallExpression) return undefined;
      const fn = sameFileFunction(n.callee, { sourceCode });
      if (!fn || contains(fn, test)) return undefined;
      const negated = flipped !== negatedWithin(n, root.parent);
      const retried = negated ? exitsWhenTrue && !retriedWhenTrue : retriedWhenTrue;
      if (!retried) return undefined;
      out.push(...yesChecks(fn, sourceCode, positive, 0));
      return undefined;
    });
  };
  visit(test, false, 0);
  return out;
}

/**
 * The tests in a same-file predicate `fn` that say yes to a 429/503 (`positive`): a returned test, an
 * `if` whose branch returns `true`, or the same in a predicate the returned expression calls without
 * negating it (`wantsRetry = (r) => isRetryStatus(r.response) || …`), two levels deep at most.
 */
function yesChecks(fn: NonNullable<ReturnType<typeof sameFileFunction>>, sourceCode: TSESLint.SourceCode, positive: (test: Node) => boolean, depth: number): Node[] {
  const out: Node[] = [];
  for (const r of returnedExpressions(fn, sourceCode)) {
    if (positive(r)) {
      out.push(r);
      continue;
    }
    if (depth >= 1) continue;
    walk(r, sourceCode.visitorKeys, (m) => {
      if (isFunction(m) || (m.type === T.UnaryExpression && m.operator === '!')) return false;
      if (m.type !== T.CallExpression) return undefined;
      const inner = sameFileFunction(m.callee, { sourceCode });
      if (inner && inner !== fn) out.push(...yesChecks(inner, sourceCode, positive, depth + 1));
      return false;
    });
  }
  if (fn.body?.type === T.BlockStatement) {
    walkRegion(fn.body, sourceCode, (m) => {
      if (m.type !== T.IfStatement) return;
      const stmts = m.consequent.type === T.BlockStatement ? m.consequent.body : [m.consequent];
      const last = stmts[stmts.length - 1];
      const yes = last?.type === T.ReturnStatement && !!last.argument && unwrap(last.argument).type === T.Literal && (unwrap(last.argument) as TSESTree.Literal).value === true;
      if (yes && positive(m.test)) out.push(m.test);
    }, false);
  }
  return out;
}

/**
 * A catch that hands its error, with a function that runs the retry, to a same-file helper
 * (`.catch((e) => recoverOrFail(e, () => load(id), reject))`), where an `if` on the error's status
 * picks between calling that function and not: the helper decides. Returns that test, and whether
 * client errors reach the retry (RFC 9110 §15.5: all but one or two of the common 4xx, as a list
 * of statuses to give up on that names only a couple of them does). Undefined otherwise.
 */
function helperDecides(c: RetryCatch, sourceCode: TSESLint.SourceCode): { test: Node; retriesClientErrors: boolean } | undefined {
  const errVar = c.param ? variableOf(sourceCode, c.param) : undefined;
  if (!errVar) return undefined;
  let out: { test: Node; retriesClientErrors: boolean } | undefined;
  walk(c.body, sourceCode.visitorKeys, (n) => {
    if (out || n.type !== T.CallExpression) return undefined;
    const errAt = n.arguments.findIndex((a) => unwrap(a).type === T.Identifier && isReferenceTo(errVar, unwrap(a)));
    const runAt = n.arguments.findIndex((a) => isFunction(unwrap(a)));
    if (errAt < 0 || runAt < 0) return undefined;
    const helper = sameFileFunction(n.callee, { sourceCode });
    if (!helper || contains(helper, n) || !helper.body) return undefined;
    const errParam = helper.params[errAt];
    const runParam = helper.params[runAt];
    if (errParam?.type !== T.Identifier || runParam?.type !== T.Identifier) return undefined;
    const run = variableOf(sourceCode, runParam);
    const err = variableOf(sourceCode, errParam);
    if (!run || !err) return undefined;
    const callsRun = (x: Node | null | undefined): boolean => {
      if (!x) return false;
      let found = false;
      walk(x, sourceCode.visitorKeys, (m) => {
        if (found) return false;
        if (m.type === T.CallExpression && unwrap(m.callee).type === T.Identifier && isReferenceTo(run, unwrap(m.callee))) found = true;
        return undefined;
      });
      return found;
    };
    walk(helper.body, sourceCode.visitorKeys, (m) => {
      if (out || m.type !== T.IfStatement) return undefined;
      if (!refersToAny(m.test, new Set([err]), sourceCode) || statusesTested(m.test, sourceCode).length === 0) return undefined;
      const inThen = callsRun(m.consequent);
      // No `else`: after a consequent that leaves, the rest of the block is the other branch.
      const rest = !m.alternate && alwaysExits(m.consequent) && m.parent?.type === T.BlockStatement ? m.parent.body.slice(m.parent.body.indexOf(m as TSESTree.Statement) + 1) : [];
      const inElse = callsRun(m.alternate) || rest.some((st) => callsRun(st));
      if (inThen === inElse) return undefined;
      const reached = CLIENT_ERRORS.filter((code) => {
        const v = evalTest(m.test, { kind: 'status', code }, sourceCode);
        return v === undefined || (v === true) === inThen;
      });
      out = { test: m.test, retriesClientErrors: reached.length >= CLIENT_ERRORS.length - 2 };
      return false;
    });
    return out ? false : undefined;
  });
  return out;
}

/** `if (!res.ok) throw …` inside a try whose catch tells errors apart: the catch decides, not this check. */
/** Whether `block` throws (a `throw` outside nested functions) after `n`: an error its own catch receives. */
function throwsAfter(block: Node, n: Node, sourceCode: TSESLint.SourceCode, anywhere = false): boolean {
  let found = false;
  walk(block, sourceCode.visitorKeys, (m) => {
    if (found || isFunction(m)) return false;
    if (m.type === T.ThrowStatement && (anywhere || m.range[0] >= n.range[1])) found = true;
    return undefined;
  });
  return found;
}

/** `Promise.reject(…)`: an expression that fails the chain it is returned into. */
function isRejection(e: Node): boolean {
  const u = unwrap(e);
  if (u.type !== T.CallExpression) return false;
  const c = unwrap(u.callee);
  return c.type === T.MemberExpression && propertyName(c) === 'reject' && unwrap(c.object).type === T.Identifier && (unwrap(c.object) as TSESTree.Identifier).name === 'Promise';
}

/** Whether an expression's value leaves its function: returned, awaited, or an arrow's concise body. */
function valueLeaves(e: Node): boolean {
  let c: Node = e;
  let p = e.parent;
  while (p && (p.type === T.ConditionalExpression || p.type === T.LogicalExpression || p.type === T.TSAsExpression || p.type === T.TSNonNullExpression) && c !== (p as { test?: Node }).test) {
    c = p;
    p = p.parent;
  }
  if (!p) return false;
  return p.type === T.ReturnStatement || p.type === T.AwaitExpression || (p.type === T.ArrowFunctionExpression && p.body === c);
}

const clientErrorThrows = fileMemo<Node, Node | null>();

/**
 * The test at which a function throws when a response carries a client error, if it throws on nearly
 * every one of them (all of CLIENT_ERRORS but at most two): an `if` reached under that status whose
 * test holds for it and whose branch ends in `throw`. Undefined when some 4xx do not throw.
 */
function throwsClientErrors(fn: TSESTree.FunctionLike, sourceCode: TSESLint.SourceCode): Node | undefined {
  const hit = clientErrorThrows.get(fn);
  if (hit !== undefined) return hit ?? undefined;
  const throwing: TSESTree.IfStatement[] = [];
  walkRegion(fn, sourceCode, (n) => {
    if (n.type === T.IfStatement && lastIsThrow(n.consequent) && statusesOrOkTested(n.test, sourceCode)) throwing.push(n);
  });
  let first: Node | undefined;
  let thrown = 0;
  if (throwing.length > 0) {
    for (const code of CLIENT_ERRORS) {
      const outcome: Outcome = { kind: 'status', code };
      const at = throwing.find((n) => evalTest(n.test, outcome, sourceCode) === true && reachesCall(fn, n.test, outcome, sourceCode));
      if (!at) continue;
      thrown++;
      first ??= at.test;
    }
  }
  const out = thrown >= CLIENT_ERRORS.length - 2 ? first : undefined;
  clientErrorThrows.set(fn, out ?? null);
  return out;
}

/** Whether a test reads a status or an `ok` flag. */
function statusesOrOkTested(test: Node, sourceCode: TSESLint.SourceCode): boolean {
  return okCheck(test, sourceCode) !== undefined || statusesTested(test, sourceCode).length > 0 || readsOk(test, sourceCode);
}

function thrownToClassifyingCatch(n: TSESTree.IfStatement, catches: RetryCatch[], sourceCode: TSESLint.SourceCode): boolean {
  if (!lastIsThrow(n.consequent)) return false;
  return catches.some((c) => c.guarded !== undefined && contains(c.guarded, n) && catchClassifies(c, sourceCode));
}

/** Whether a statement (or a block's last statement) is a `throw`. */
export function lastIsThrow(c: Node): boolean {
  const stmts = c.type === T.BlockStatement ? c.body : [c];
  return stmts[stmts.length - 1]?.type === T.ThrowStatement;
}


/** After `if (res.ok) return …`, whether the next statement leaves without retrying (`throw` not caught by the retry). */
function nextStatementExits(ifStmt: TSESTree.IfStatement): boolean {
  const parent = ifStmt.parent;
  if (!parent || parent.type !== T.BlockStatement) return false;
  const i = parent.body.indexOf(ifStmt);
  for (const s of parent.body.slice(i + 1)) {
    if (s.type === T.ReturnStatement) return true;
    if (s.type === T.ThrowStatement) return !insideTry(s);
    if (s.type === T.BreakStatement) return true;
  }
  return false;
}

function insideTry(n: Node): boolean {
  let p = n.parent;
  let child: Node = n;
  while (p && !isFunction(p)) {
    if (p.type === T.TryStatement && p.block === child && p.handler) return true;
    child = p;
    p = p.parent;
  }
  return false;
}

/**
 * What a region says of Retry-After: whether it names the header (or a rate-limit reset header)
 * itself, and the same-file functions it calls, each once, in the order first called.
 */
interface RetryAfterReads {
  names: boolean;
  callees: Set<Node>;
}

const retryAfterReads = fileMemo<Node, RetryAfterReads>();
const readsRetryAfterAt = [fileMemo<Node, boolean>(), fileMemo<Node, boolean>(), fileMemo<Node, boolean>()];

/** An identifier handed to a call or used as a computed key whose constant value names Retry-After. */
function namesRetryAfterHeader(id: TSESTree.Identifier, sourceCode: TSESLint.SourceCode): boolean {
  const p = id.parent;
  const used = (p?.type === T.CallExpression && p.arguments.includes(id)) || (p?.type === T.MemberExpression && p.computed && p.property === id);
  if (!used) return false;
  const v = constantValue(sourceCode, id)?.value;
  return typeof v === 'string' && /retry[-_]?after/i.test(v);
}

/** Whether the region (or a same-file function it calls) reads Retry-After (a rate-limit reset header alone does not count). */
export function readsRetryAfter(region: Node, sourceCode: TSESLint.SourceCode, depth = 0): boolean {
  const memo = readsRetryAfterAt[depth];
  const hit = memo?.get(region);
  if (hit !== undefined) return hit;
  // Summarised bottom-up: a loop's names and callees are its own plus its nested loops' (summaries.ts).
  const { names, callees } = summarise<RetryAfterReads>(region, sourceCode, {
    memo: retryAfterReads,
    make: () => ({ names: false, callees: new Set() }),
    visit: (n, acc) => {
      // Retry-After itself (any unit spelling): PRODUCT's respect-retry-after asks for it. A rate-limit reset
      // header (`X-RateLimit-Reset`) says when a quota window ends, not when to retry: it does not count.
      // A read whose value goes nowhere (`const retryAfter = err.response?.headers['retry-after']` never
      // read again, or only logged) honours nothing.
      if (n.type === T.Literal && typeof n.value === 'string' && /retry[-_]?after/i.test(n.value)) acc.names ||= !unusedRead(n, sourceCode);
      else if (n.type === T.Identifier && /retry_?after/i.test(n.name)) acc.names ||= !unusedRead(n, sourceCode);
      // The header's name held in a constant (`const WAIT_HEADER = 'retry-after'`; `headers.get(WAIT_HEADER)`, `headers[WAIT_HEADER]`).
      else if (n.type === T.Identifier && namesRetryAfterHeader(n, sourceCode)) acc.names ||= !unusedRead(n, sourceCode);
      else if (n.type === T.CallExpression) {
        const fn = sameFileFunction(n.callee, { sourceCode });
        if (fn) acc.callees.add(fn);
      }
      return undefined;
    },
    merge: (acc, inner) => {
      acc.names ||= inner.names;
      for (const fn of inner.callees) acc.callees.add(fn);
    },
  });
  let found = names;
  if (!found && depth < 2) {
    for (const fn of callees) {
      if (!contains(fn, region) && readsRetryAfter(fn, sourceCode, depth + 1)) {
        found = true;
        break;
      }
    }
  }
  memo?.set(region, found);
  return found;
}

/**
 * A Retry-After read whose value goes nowhere: the local it is held in (the expression's declarator, or
 * the variable the identifier names) is never read, or read only by log lines. Such a read does not
 * decide the wait (h22-31: the header read, then the computed backoff waited instead).
 */
function unusedRead(n: Node, sourceCode: TSESLint.SourceCode): boolean {
  const unread = (v: TSESLint.Scope.Variable | undefined): boolean => !!v && v.defs.length === 1 && v.defs[0]!.type === 'Variable' && v.references.every((r) => !r.isRead() || onlyLogged(r.identifier as Node));
  if (n.type === T.Identifier) {
    const v = variableOf(sourceCode, n);
    if (v) return unread(v);
  }
  let c: Node = n;
  let p = n.parent;
  while (p && (p.type === T.MemberExpression || p.type === T.ChainExpression || p.type === T.AwaitExpression || p.type === T.TSAsExpression || p.type === T.TSNonNullExpression || (p.type === T.CallExpression && (p.callee === c || p.arguments.includes(c as TSESTree.CallExpressionArgument)) && !isFunction(p)) || (p.type === T.LogicalExpression && p.operator !== '&&'))) {
    c = p;
    p = p.parent;
  }
  return p?.type === T.VariableDeclarator && p.init === c && p.id.type === T.Identifier && unread(variableOf(sourceCode, p.id));
}

/** A read that only reaches a log line (directly, or in a template it prints). */
function onlyLogged(id: Node): boolean {
  let c: Node = id;
  let p = id.parent;
  while (p && (p.type === T.TemplateLiteral || (p.type === T.BinaryExpression && p.operator === '+'))) {
    c = p;
    p = p.parent;
  }
  return p?.type === T.CallExpression && p.arguments.includes(c as TSESTree.CallExpressionArgument) && isLogCallee(p.callee);
}

/** SDK resources whose `create` generates output (completions, embeddings) rather than a persistent object. */
const GENERATION_RESOURCES = new Set(['completions', 'embeddings', 'moderations', 'responses', 'chatCompletions']);

/** The property names along a member chain (`a.b.c` → `['b', 'c']`). */
function memberNames(node: Node): string[] {
  const out: string[] = [];
  let n = unwrap(node);
  while (n.type === T.MemberExpression) {
    const name = propertyName(n);
    if (name) out.unshift(name);
    n = unwrap(n.object);
  }
  return out;
}

const SDK_CREATE = new Set(['create', 'charge', 'capture', 'transfer', 'createPayment', 'createCharge', 'createOrder']);

/**
 * A GraphQL mutation or an SDK `create`/`charge` call in the retried region, with no idempotency key option.
 * Its tests before the region is read are also {@link callPlan}'s `operation`: keep the two alike.
 */
function nonIdempotentOperation(call: TSESTree.CallExpression, region: Node, ctx: Ctx): NonIdempotentRequest | undefined {
  const name = calleeName(call);
  const callee = unwrap(call.callee);
  // The function a mutation hook returned (`const [save] = useMutation(DOC)`; `save({ variables })`).
  if (runsHookMutation(ctx.sourceCode, call)) {
    const k = keyInCallOptions(ctx.sourceCode, call.arguments[0], region, ctx.settings);
    if (k.kind === 'none') return { node: call, method: 'GraphQL mutation', key: 'none', keyNode: undefined };
    if (k.kind === 'per-attempt') return { node: call, method: 'GraphQL mutation', key: 'per-attempt', keyNode: k.node };
    return undefined;
  }
  // A message or mail sent through a messaging SDK (`transporter.sendMail`, `channel.send`, `bot.sendMessage`).
  const sent = sentMessage(ctx.sourceCode, call);
  if (sent) {
    const key = sentMessageKey(sent, ctx.settings);
    const fresh = key && keyCreatedInside(ctx.sourceCode, key, region);
    if (!key) return { node: call, method: `\`${sent.method}\` call (a message sent)`, key: 'none', keyNode: undefined };
    return fresh ? { node: call, method: `\`${sent.method}\` call`, key: 'per-attempt', keyNode: fresh } : undefined;
  }
  if (name === 'request' || name === 'query' || name === 'rawRequest') {
    // graphql-request `client.request(DOC, vars)` / `request(url, DOC)`, the document inline or defined apart.
    const docs = call.arguments.slice(0, 2).map((a) => graphqlDocumentText(ctx.sourceCode, a));
    if (docs.some((text) => text !== undefined && isMutationDocument(text))) return { node: call, method: 'GraphQL mutation', key: 'none', keyNode: undefined };
    return undefined;
  }
  // Any call the code hands an idempotency key (`createCharge({ …, idempotencyKey })`): the code says
  // the operation needs one. A key minted inside the retried code is new on every attempt (PRODUCT).
  const minted = mintedKeyArgument(call, region, ctx);
  if (minted) return { node: call, method: name ? `\`${name}\` call` : 'call', key: 'per-attempt', keyNode: minted };
  // An SDK call named for creating a persistent object (`exchange.createOrder(…)`, `intent.createRoom(…)`).
  const record = createdRecord(ctx.sourceCode, call);
  if (record) {
    const k = recordKey(ctx.sourceCode, call, region, ctx.settings);
    if (k.kind === 'none') return { node: call, method: `\`${record}\` call`, key: 'none', keyNode: undefined };
    if (k.kind === 'per-attempt') return { node: call, method: `\`${record}\` call`, key: 'per-attempt', keyNode: k.node };
    return undefined;
  }
  if (!name || callee.type !== T.MemberExpression) return undefined;
  const obj = unwrap(callee.object);
  const keyIn = (arg: Node | undefined): 'stable' | 'per-attempt' | 'none' | 'unknown' => {
    const a = arg && unwrap(arg);
    if (!a) return 'none';
    if (a.type !== T.ObjectExpression) return 'unknown';
    for (const p of a.properties) {
      if (p.type === T.SpreadElement) return 'unknown';
      const pn = propertyName(p);
      if (pn && isIdempotencyKeyName(pn, ctx.settings.idempotencyKeyHeaders)) {
        return keyCreatedInside(ctx.sourceCode, p.value, region) ? 'per-attempt' : 'stable';
      }
    }
    const headers = findProperty(a, 'headers');
    if (headers) return keyIn(headers.value);
    return 'none';
  };
  if (name === 'mutate') {
    const k = keyInCallOptions(ctx.sourceCode, call.arguments[0], region, ctx.settings);
    if (k.kind === 'none') return { node: call, method: 'GraphQL mutation', key: 'none', keyNode: undefined };
    if (k.kind === 'per-attempt') return { node: call, method: 'GraphQL mutation', key: 'per-attempt', keyNode: k.node };
    return undefined;
  }
  if (SDK_CREATE.has(name) && obj.type === T.MemberExpression) {
    if (isLocalApi(ctx.sourceCode, obj)) return undefined;
    // PRODUCT: an LLM completion or embedding changes no state and needs no key (`openai.chat.completions.create`).
    if (memberNames(obj).some((m) => GENERATION_RESOURCES.has(m))) return undefined;
    // An SDK client (`stripe.paymentIntents.create`), not a factory of a local module (`require('../client').default.create`).
    const origin = originOf(ctx.sourceCode, obj);
    if (origin && (origin.module.startsWith('.') || origin.module.startsWith('/') || origin.module.startsWith('node:'))) return undefined;
    // A model provider's SDK (`anthropic.messages.create`): generation, unless through a stored resource (`openai.files.create`).
    if (origin && MODEL_SDK_MODULES.has(origin.module) && !memberNames(obj).some((m) => MODEL_SDK_STORED.has(m))) return undefined;
    const opts = call.arguments.length >= 2 ? call.arguments[call.arguments.length - 1] : undefined;
    const k = keyIn(opts);
    if (k === 'none') return { node: call, method: `\`${name}\` call`, key: 'none', keyNode: undefined };
    if (k === 'per-attempt') {
      const a = unwrap(opts!) as TSESTree.ObjectExpression;
      const p = a.properties.find((x): x is TSESTree.Property => x.type === T.Property && isIdempotencyKeyName(propertyName(x) ?? '', ctx.settings.idempotencyKeyHeaders));
      const fresh = p ? keyCreatedInside(ctx.sourceCode, p.value, region) : undefined;
      return { node: call, method: `\`${name}\` call`, key: 'per-attempt', keyNode: fresh };
    }
  }
  return undefined;
}

/**
 * The key creation a call is handed when it is made inside the retried code: an object-literal
 * argument (or its `headers`) with an idempotency-key member (`idempotencyKey`, a configured key
 * header) whose value is created in `region` (`crypto.randomUUID()`, directly or through a local).
 */
function mintedKeyArgument(call: TSESTree.CallExpression, region: Node, ctx: Ctx): Node | undefined {
  const keyName = (pn: string | undefined): boolean => !!pn && isIdempotencyKeyName(pn, ctx.settings.idempotencyKeyHeaders);
  const inObject = (arg: Node | undefined, depth: number): Node | undefined => {
    const a = arg && unwrap(arg);
    if (!a || a.type !== T.ObjectExpression || depth > 1) return undefined;
    for (const p of a.properties) {
      if (p.type !== T.Property) continue;
      const pn = propertyName(p);
      if (keyName(pn)) {
        const fresh = keyCreatedInside(ctx.sourceCode, p.value, region);
        if (fresh) return fresh;
      } else if (pn === 'headers') {
        const inner = inObject(p.value, depth + 1);
        if (inner) return inner;
      }
    }
    return undefined;
  };
  for (const a of call.arguments) {
    const found = a.type === T.SpreadElement ? undefined : inObject(a, 0);
    if (found) return found;
  }
  return undefined;
}

/**
 * The text of a GraphQL document: a string, a template (its static parts), a tagged template
 * (`gql\`…\``, `graphql\`…\``) or a `gql(…)` / `graphql(…)` call (GraphQL Code Generator's client
 * preset), inline or held in a same-file binding the resolver follows (`const CREATE = gql\`…\``).
 * Undefined when the argument is none of these (a document imported from another file).
 */
export function graphqlDocumentText(sourceCode: TSESLint.SourceCode, arg: Node | undefined): string | undefined {
  if (!arg || arg.type === T.SpreadElement) return undefined;
  const r = resolveExpression(sourceCode, arg);
  const n = r.kind === 'value' ? unwrap(r.node) : unwrap(arg);
  if (n.type === T.TaggedTemplateExpression) return n.quasi.quasis.map((q) => q.value.raw).join(' ');
  if (n.type === T.TemplateLiteral) return n.quasis.map((q) => q.value.raw).join(' ');
  if (n.type === T.CallExpression && /^(?:gql|graphql|parse)$/.test(calleeName(n) ?? '') && n.arguments[0]) return graphqlDocumentText(sourceCode, n.arguments[0]);
  return stringValue(n);
}

/** graphql-request's `request(url, DOC, vars)` / `rawRequest(…)` (a free function) with a mutation document. */
function requestsGraphqlMutation(sourceCode: TSESLint.SourceCode, call: TSESTree.CallExpression): boolean {
  if (!/^(?:request|rawRequest)$/.test(calleeName(call) ?? '')) return false;
  return call.arguments.slice(0, 2).some((a) => {
    const text = graphqlDocumentText(sourceCode, a);
    return text !== undefined && isMutationDocument(text);
  });
}

/**
 * Whether a GraphQL document holds a mutation operation (the GraphQL spec's `mutation` keyword
 * opening an operation definition, outside any selection set), after comments and any fragment
 * definitions before it. A text that does not open as a GraphQL document (SQL, prose) holds none.
 */
export function isMutationDocument(text: string): boolean {
  // Operation keywords count only outside selection sets (brace depth 0).
  let depth = 0;
  let first = true;
  for (const m of text.replace(/#[^\n]*/g, ' ').matchAll(/[{}]|[_A-Za-z][_0-9A-Za-z]*/g)) {
    // A GraphQL document opens with an operation, a fragment or a bare selection set (not SQL, not prose).
    if (first && !/^(?:\{|query|mutation|subscription|fragment)$/.test(m[0])) return false;
    first = false;
    if (m[0] === '{') depth++;
    else if (m[0] === '}') depth = Math.max(0, depth - 1);
    else if (depth === 0 && m[0] === 'mutation') return true;
  }
  return false;
}

/** Whether a test bounds the status to the 4xx range (`>= 400` and `< 500`): a client-error guard. */
export function clientRangeGuard(tested: ReadonlyArray<{ code: number; op: string }>): boolean {
  return tested.some((s) => s.code === 400 && s.op === '>=') && tested.some((s) => s.code === 500 && s.op === '<');
}

/**
 * Whether a test joins its status check with a read of a rate-limit header ({@link RATE_LIMIT_HEADER_RE}),
 * in place or through a `const` it reads (`forbidden && quotaGone`): the status is a rate-limit refusal.
 */
function besideRateLimitHeader(test: Node, sourceCode: TSESLint.SourceCode): boolean {
  const namesHeader = (x: Node): boolean => {
    let found = false;
    walk(x, sourceCode.visitorKeys, (m) => {
      if (found || isFunction(m)) return false;
      const text = m.type === T.Literal ? stringValue(m) : m.type === T.MemberExpression && !m.computed ? propertyName(m) : undefined;
      if (typeof text === 'string' && RATE_LIMIT_HEADER_RE.test(text)) found = true;
      return undefined;
    });
    return found;
  };
  const joined = (x: Node, depth: number): boolean => {
    let t = unwrap(x);
    while (t.type === T.UnaryExpression && t.operator === '!') t = unwrap(t.argument);
    return logicalTerms(t, '&&').some((term) => {
      const u = unwrap(term);
      if (namesHeader(u)) return true;
      if (u.type !== T.Identifier || depth > 1) return false;
      const v = variableOf(sourceCode, u);
      const b = v ? bindingOf(v) : undefined;
      return !!b && b.kind === 'init' && b.stable && !!b.node && joined(b.node, depth + 1);
    });
  };
  return joined(test, 0);
}
