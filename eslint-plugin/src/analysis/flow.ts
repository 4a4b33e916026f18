import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { T } from './node-types';
import { alwaysExits, calleeName, contains, endsProcess, isFunction, isLogCallee, isRejectionHandlerSlot, logicalTerms, propertyName, unwrap, walk } from './ast';
import { callReportsSuccess, isSuccessFlag as helperSuccessFlag, returnedExpressions, sameFileFunction } from './delay';
import { aliasedTest, isStatusLike, statusCode } from './operation';
import { bindingOf, heldArray, isExport, originOf, variableOf, isReferenceTo } from './scope';
import { fileIndex, indexedWithin } from './file-index';
import type { Node } from './types';
import { ACTION_CALL_RE, FAILURE_EVENTS, PREDICATE_RE, REFUSAL_WAIT_RE, STATE_QUESTION_RE } from './vocabulary';
import { holdsError } from './error-values';
import { isAnswerStatus } from './probe';

/**
 * One notion of the failure path, shared by loops, recursion and promise chains.
 *
 * An attempt ends in one of a few abstract outcomes: it succeeded (a 2xx response, no error), it
 * answered with a failing status, or it threw (no response, an error value set). A call or a loop's
 * back-edge is a retry when it cannot be reached after a success and can be reached after some
 * failure. Reachability is computed by a small abstract interpreter over statements: each test is
 * evaluated in three-valued logic against the outcome (`res.ok`, `status === 429`, `[…].includes(status)`,
 * an error value, a retry predicate); tests it cannot judge take both branches. Falling off the end of a
 * function is leaving; `continue` and the end of a loop body go round again.
 */

/** An abstract attempt outcome: success, a failing HTTP status, or a thrown error / missing response. */
export type Outcome = { kind: 'success' } | { kind: 'status'; code: number } | { kind: 'error' };

/** The success outcome. */
export const SUCCESS: Outcome = { kind: 'success' };
/** Failure outcomes tried when asking "can some failure reach this?". */
export const FAILURES: readonly Outcome[] = [
  { kind: 'error' },
  ...[400, 401, 403, 404, 408, 409, 422, 429, 500, 502, 503, 504].map((code) => ({ kind: 'status' as const, code })),
];

const extraFailures = new WeakMap<Node, readonly Outcome[]>();

/**
 * The failures to try on `root`: FAILURES, plus every other 4xx/5xx status `root` compares a status
 * with (`res.status !== 423`, `[410, 507].includes(status)`), so that a retry of a status outside
 * the usual set is still seen to go round on it.
 */
export function failuresIn(root: Node, sourceCode: TSESLint.SourceCode): readonly Outcome[] {
  let out = extraFailures.get(root);
  if (out) return out;
  const known = new Set(FAILURES.flatMap((o) => (o.kind === 'status' ? [o.code] : [])));
  const extra = new Set<number>();
  const visit = (n: Node): undefined => {
    if (n.type === T.BinaryExpression && n.left.type !== T.PrivateIdentifier && /^(===|==|!==|!=)$/.test(n.operator)) {
      const l = statusCode(n.left, sourceCode);
      const r = statusCode(n.right, sourceCode);
      const code = r !== undefined && isStatusLike(n.left, sourceCode) ? r : l !== undefined && isStatusLike(n.right, sourceCode) ? l : undefined;
      if (code !== undefined && code >= 400 && code < 600 && !known.has(code)) extra.add(code);
    }
    return undefined;
  };
  // The file index lists the comparisons of the file: those in `root`'s subtree, without a walk of it.
  const compared = indexedWithin(fileIndex(sourceCode).equalities, root, sourceCode);
  if (compared) for (const n of compared) visit(n);
  else walk(root, sourceCode.visitorKeys, visit);
  out = extra.size === 0 ? FAILURES : [...FAILURES, ...[...extra].sort((a, b) => a - b).map((code) => ({ kind: 'status' as const, code }))];
  extraFailures.set(root, out);
  return out;
}

type TV = boolean | undefined;

/** Keys a result object carries only when its attempt failed (`{ retryable: true }`, `{ error }`). */
const FAILURE_KEY_RE = /^(retryable|retry|shouldRetry|error|err|failure|failed|errorCode)$/;

/** Names of a success flag an attempt returns. */
const SUCCESS_FLAG = /^(ok|success|succeeded|isOk|isSuccess|delivered|sent|saved|accepted)$/;

function not(a: TV): TV {
  return a === undefined ? undefined : !a;
}
function and(a: TV, b: TV): TV {
  if (a === false || b === false) return false;
  if (a === true && b === true) return true;
  return undefined;
}
function or(a: TV, b: TV): TV {
  if (a === true || b === true) return true;
  if (a === false && b === false) return false;
  return undefined;
}

function numberOf(node: Node, sourceCode: TSESLint.SourceCode): number | undefined {
  return statusCode(node, sourceCode);
}

/** The numbers of a status list, wherever it is held (see {@link heldArray}); undefined if any is not a number. */
function numberList(node: Node, sourceCode: TSESLint.SourceCode): number[] | undefined {
  const list = heldArray(sourceCode, node);
  if (!list) return undefined;
  const out: number[] = [];
  for (const e of list.elements) {
    const v = e && e.type !== T.SpreadElement ? numberOf(e, sourceCode) : undefined;
    if (v === undefined) return undefined;
    out.push(v);
  }
  return out;
}

function compare(op: string, a: number, b: number): TV {
  switch (op) {
    case '===':
    case '==':
      return a === b;
    case '!==':
    case '!=':
      return a !== b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    default:
      return undefined;
  }
}

const FLIP: Record<string, string> = { '<': '>', '>': '<', '<=': '>=', '>=': '<=' };

/** How many boolean names deep the evaluation is (a name holding a test that names another). */
let aliasDepth = 0;

function withAliasDepth<R>(f: () => R): R {
  aliasDepth++;
  try {
    return f();
  } finally {
    aliasDepth--;
  }
}

/**
 * The tests a flag is given, when it is a variable declared with no value or a constant and every
 * later write gives it a test of something (`ok = res.ok`, `done = status === 200 || status === 204`,
 * `!failed`): what the flag says after an attempt. Undefined when any write is something else.
 */
function writtenTests(id: TSESTree.Identifier, sourceCode: TSESLint.SourceCode): Node[] | undefined {
  const v = variableOf(sourceCode, id);
  const def = v?.defs[0];
  if (!v || v.defs.length !== 1 || def?.type !== 'Variable') return undefined;
  const init = (def.node as TSESTree.VariableDeclarator).init;
  if (init && unwrap(init).type !== T.Literal && !(unwrap(init).type === T.Identifier && (unwrap(init) as TSESTree.Identifier).name === 'undefined')) return undefined;
  const isTest = (e: Node): boolean => {
    const u = unwrap(e);
    if (u.type === T.LogicalExpression || (u.type === T.UnaryExpression && u.operator === '!')) return true;
    if (u.type === T.BinaryExpression) return ['===', '==', '!==', '!=', '<', '<=', '>', '>='].includes(u.operator);
    return u.type === T.MemberExpression && !u.computed;
  };
  const out: Node[] = [];
  for (const r of v.references) {
    if (!r.isWrite() || r.init) continue;
    const a = r.identifier.parent;
    if (a?.type !== T.AssignmentExpression || a.operator !== '=' || a.left !== r.identifier || !isTest(a.right)) return undefined;
    out.push(a.right);
  }
  return out.length > 0 ? out : undefined;
}

/**
 * A comparison of a value with a boolean literal (`accepted !== true`, `false == done`): the
 * value compared, and whether the comparison is true exactly when the value is (`=== true`,
 * `!== false`) rather than when it is not.
 */
export function booleanComparison(t: Node): { operand: Node; same: boolean } | undefined {
  if (t.type !== T.BinaryExpression || !['===', '==', '!==', '!='].includes(t.operator) || t.left.type === T.PrivateIdentifier) return undefined;
  const bool = (n: Node): boolean | undefined => {
    const u = unwrap(n);
    return u.type === T.Literal && typeof u.value === 'boolean' ? u.value : undefined;
  };
  const lit = bool(t.right) ?? bool(t.left);
  if (lit === undefined) return undefined;
  const operand = bool(t.right) !== undefined ? t.left : t.right;
  const equal = t.operator === '===' || t.operator === '==';
  return { operand, same: equal === lit };
}

/**
 * Evaluates a test against an attempt outcome, in three-valued logic: `true`/`false` when the
 * outcome decides it, `undefined` when it depends on something else (a counter, a flag).
 */
export function evalTest(test: Node, outcome: Outcome, sourceCode: TSESLint.SourceCode): TV {
  const t = unwrap(test);
  switch (t.type) {
    case T.UnaryExpression:
      return t.operator === '!' ? not(evalTest(t.argument, outcome, sourceCode)) : undefined;
    case T.LogicalExpression: {
      const a = evalTest(t.left, outcome, sourceCode);
      const b = evalTest(t.right, outcome, sourceCode);
      if (t.operator === '&&') return and(a, b);
      if (t.operator === '||') return or(a, b);
      return undefined;
    }
    case T.AwaitExpression: {
      // `if (await connectOnce()) return;`: the helper's own flag, read where it is returned.
      if (callReportsSuccess(t, sourceCode)) return outcome.kind === 'success' ? true : outcome.kind === 'error' ? false : undefined;
      // `if (await sendReport(url, body)) return;` where the helper returns only whether its request
      // was answered well (`return res.ok`): the same flag as when it is first held in a variable.
      const call = unwrap(t.argument);
      const fn = call.type === T.CallExpression ? sameFileFunction(call.callee, { sourceCode }) : undefined;
      if (fn && returnsAnswerStatus(fn, sourceCode)) return outcome.kind === 'success' ? true : outcome.kind === 'status' ? false : undefined;
      return undefined;
    }
    case T.MemberExpression: {
      const name = propertyName(t);
      // `outcome[0]` / `outcome[1]` of a failure pair: the failure, or the value.
      const slot = pairSlot(t, sourceCode);
      if (slot === 0) return outcome.kind === 'error' ? true : outcome.kind === 'success' ? false : undefined;
      if (slot === 1) return outcome.kind === 'error' ? false : outcome.kind === 'success' ? true : undefined;
      { const rw = refusalWait(t, sourceCode); if (rw) return refusalWaitPresent(rw, outcome, readsCaughtError(t, sourceCode)); }
      // `outcome.error`: set only when the attempt failed.
      if (isFailureField(t, sourceCode)) return outcome.kind === 'error' ? true : outcome.kind === 'success' ? false : undefined;
      if (name === 'ok' || name === 'success' || name === 'succeeded') {
        if (outcome.kind === 'success') return true;
        // `result = { ok: true, value: await task() }`: the code's own record of the attempt, not an
        // answer's flag; it says the call returned, whatever the answer's status.
        const own = recordFlag(t, name, sourceCode);
        if (own) return outcome.kind !== 'error';
        if (outcome.kind === 'status') return outcome.code >= 200 && outcome.code < 300;
        return t.optional || isOptionalChain(t) ? false : undefined;
      }
      return undefined;
    }
    case T.Identifier: {
      { const rw = refusalWait(t, sourceCode); if (rw) return refusalWaitPresent(rw, outcome, readsCaughtError(t, sourceCode)); }
      if (isErrorValue(t, sourceCode)) return outcome.kind === 'error' ? true : outcome.kind === 'success' ? false : undefined;
      // `const [, data] = await settle(p); if (data) …`: the value, present unless the work failed.
      if (pairSlot(t, sourceCode) === 1) return outcome.kind === 'error' ? false : outcome.kind === 'success' ? true : undefined;
      // `loaded = await tryRefresh()`: a same-file helper's flag, true after its operation and false
      // only from its catch, decided by data flow (values helper, delay.ts).
      if (helperSuccessFlag(t, sourceCode)) return outcome.kind === 'success' ? true : outcome.kind === 'error' ? false : undefined;
      // `answer = await once(url)` (or `await fetch(u).then(check)`) where the helper hands back the
      // answer, or nothing when its status test failed: there exactly when the attempt succeeded.
      if (aliasDepth < 2 && holdsAnswerOrNothing(t, sourceCode)) return outcome.kind === 'success' ? true : outcome.kind === 'status' ? (outcome.code >= 200 && outcome.code < 300 ? undefined : false) : undefined;
      // `let res; try { res = await fetch(u) } catch (e) { … }; if (res && res.ok) …`: the answer, there
      // unless the attempt threw.
      if (heldAnswer(t, sourceCode)) return outcome.kind !== 'error';
      // A success flag the attempt returned (`const ok = await trySend(msg); if (ok) return;`).
      if (isSuccessFlag(t, sourceCode)) return outcome.kind === 'success' ? true : outcome.kind === 'status' ? false : undefined;
      // `const transient = res.status === 429 || res.status >= 500`: the name holds a test of the outcome.
      const aliased = aliasedTest(t, sourceCode);
      if (aliased) return aliasDepth < 2 ? withAliasDepth(() => evalTest(aliased, outcome, sourceCode)) : undefined;
      // `ok = res.ok`, `freed = res.status === 200 || res.status === 204` written in the pass, then
      // `while (!ok && i < 10)`: the flag holds the test last written, decided when every such test agrees.
      const written = aliasDepth < 2 ? writtenTests(t, sourceCode) : undefined;
      if (!written) return undefined;
      const answers = written.map((w) => withAliasDepth(() => evalTest(w, outcome, sourceCode)));
      return answers.every((a) => a !== undefined && a === answers[0]) ? answers[0] : undefined;
    }
    case T.BinaryExpression: {
      if (t.left.type === T.PrivateIdentifier) return undefined;
      // `'retryable' in result`, `'error' in outcome`: the attempt's result names its failure by a key
      // it carries only then (a result object resolved instead of a rejection).
      if (t.operator === 'in') {
        const key = unwrap(t.left);
        if (key.type === T.Literal && typeof key.value === 'string' && FAILURE_KEY_RE.test(key.value) && holdsCallResult(t.right, sourceCode)) return outcome.kind === 'success' ? false : true;
        return undefined;
      }
      // `result instanceof Error` (`const result = await send().catch((e) => e)`): an attempt that
      // succeeded produced no error object; one that threw did, when the class is `Error` itself.
      if (t.operator === 'instanceof') {
        // Only a value an attempt produced (every write is a call's result): `current instanceof
        // Error` over `current = current.cause` walks a chain of causes, it asks nothing of an attempt.
        if (!holdsCallResult(t.left, sourceCode)) return undefined;
        const cls = unwrap(t.right);
        const clsName = cls.type === T.Identifier ? cls.name : cls.type === T.MemberExpression ? propertyName(cls) : undefined;
        if (!clsName || !/Error$/.test(clsName)) return undefined;
        if (outcome.kind === 'success') return false;
        return outcome.kind === 'error' && clsName === 'Error' ? true : undefined;
      }
      // `shouldRetry !== true`, `ok === false`: the other side's own truth, or its negation.
      {
        const flag = booleanComparison(t);
        if (flag) return flag.same ? evalTest(flag.operand, outcome, sourceCode) : not(evalTest(flag.operand, outcome, sourceCode));
      }
      if ((t.operator === '!=' || t.operator === '!==' || t.operator === '==' || t.operator === '===') && unwrap(t.left).type === T.Identifier && isErrorValue(unwrap(t.left) as TSESTree.Identifier, sourceCode) && isNullish(t.right)) {
        const set = outcome.kind === 'error' ? true : outcome.kind === 'success' ? false : undefined;
        return t.operator.startsWith('!') ? set : not(set);
      }
      // `exitCode !== 0`, `result.exitCode === 0`: a process's exit status, 0 on success (POSIX).
      {
        const exitOther = isExitStatus(t.left, sourceCode) ? t.right : isExitStatus(t.right, sourceCode) ? t.left : undefined;
        if (exitOther && numberOf(exitOther, sourceCode) === 0 && /^[!=]==?$/.test(t.operator)) {
          const zero = outcome.kind === 'success' ? true : outcome.kind === 'error' ? false : undefined;
          return t.operator.startsWith('!') ? not(zero) : zero;
        }
      }
      // `status != null`: an answer with that status has one (a network error may have none).
      if ((t.operator === '!=' || t.operator === '!==' || t.operator === '==' || t.operator === '===') && ((isStatusLike(t.left, sourceCode) && isNullish(t.right)) || (isStatusLike(t.right, sourceCode) && isNullish(t.left)))) {
        if (outcome.kind !== 'status' && outcome.kind !== 'success') return undefined;
        return t.operator.startsWith('!');
      }
      let code: number | undefined;
      let other: Node | undefined;
      let op = t.operator as string;
      if (isStatusLike(t.left, sourceCode)) {
        other = t.right;
      } else if (isStatusLike(t.right, sourceCode)) {
        other = t.left;
        op = FLIP[op] ?? op;
      }
      if (!other) return undefined;
      const k = numberOf(other, sourceCode);
      if (k === undefined) return undefined;
      if (outcome.kind === 'success') code = 200;
      else if (outcome.kind === 'status') code = outcome.code;
      else return undefined;
      return compare(op, code, k);
    }
    case T.CallExpression: {
      const name = calleeName(t);
      { const rw = refusalWait(t, sourceCode); if (rw) return refusalWaitPresent(rw, outcome, readsCaughtError(t, sourceCode)); }
      if (callReportsSuccess(t, sourceCode)) return outcome.kind === 'success' ? true : outcome.kind === 'error' ? false : undefined;
      if ((name === 'includes' || name === 'has') && t.arguments[0] && isStatusLike(t.arguments[0], sourceCode)) {
        const c = unwrap(t.callee);
        const list = c.type === T.MemberExpression ? numberList(c.object, sourceCode) : undefined;
        if (!list) return undefined;
        if (outcome.kind === 'success') return list.includes(200);
        if (outcome.kind === 'status') return list.includes(outcome.code);
        return undefined;
      }
      // `const shouldRetry = opts.retryOn === false ? () => false : opts.retryOn ?? serverFailed`:
      // every same-file function the name may hold (a caller's own option is unseen; PRODUCT counts
      // a default as known), each read by its one returned test: decided when they all agree.
      const held = aliasDepth < 2 ? heldPredicates(t.callee, sourceCode) : undefined;
      if (held) {
        const answers = held.map((only) => {
          const u = unwrap(only);
          return u.type === T.Literal && typeof u.value === 'boolean' ? u.value : withAliasDepth(() => evalTest(only, outcome, sourceCode));
        });
        if (answers.every((a) => a !== undefined && a === answers[0])) return answers[0];
      }
      // `shouldRetry(res)`, `isRetryable(err)`: says yes only to failures.
      if (PREDICATE_RE.test(name ?? '')) return outcome.kind === 'success' ? false : undefined;
      // `transient(res.status)` with a same-file `transient(status) { return status === 429 || … }`:
      // the test it returns, read with its parameter holding the answer's status (status-flow.ts).
      const fn = aliasDepth < 2 ? sameFileFunction(t.callee, { sourceCode }) : undefined;
      const returned = fn ? returnedExpressions(fn, sourceCode) : [];
      if (fn && returned.length === 1 && returned[0] && t.arguments.some((a) => a.type !== T.SpreadElement && isStatusLike(a, sourceCode))) {
        const only = returned[0];
        return withAliasDepth(() => evalTest(only, outcome, sourceCode));
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

/**
 * The returned tests of the same-file functions a `const` callee may hold, through conditionals and
 * defaults (`a ? () => false : opts.pred ?? serverFailed` → `false`, `response.status >= 500`); a
 * member of options (the caller's own) is left out. Undefined unless there are several choices or a
 * function literal among them (a plain same-file function is read by the caller below) and each
 * returns one expression.
 */
function heldPredicates(callee: Node, sourceCode: TSESLint.SourceCode): Node[] | undefined {
  const c = unwrap(callee);
  if (c.type !== T.Identifier) return undefined;
  const v = variableOf(sourceCode, c);
  const def = v?.defs.length === 1 ? v.defs[0] : undefined;
  if (def?.type !== 'Variable' || def.parent.kind !== 'const' || !def.node.init) return undefined;
  const fns: Node[] = [];
  let literal = false;
  const collect = (e: Node, depth: number): boolean => {
    const u = unwrap(e);
    if (depth > 3) return false;
    if (u.type === T.ConditionalExpression) return collect(u.consequent, depth + 1) && collect(u.alternate, depth + 1);
    if (u.type === T.LogicalExpression && (u.operator === '??' || u.operator === '||')) {
      const left = unwrap(u.left);
      return (left.type === T.MemberExpression || collect(left, depth + 1)) && collect(u.right, depth + 1);
    }
    if (isFunction(u)) {
      literal = true;
      fns.push(u);
      return true;
    }
    const fn = u.type === T.Identifier ? sameFileFunction(u, { sourceCode }) : undefined;
    if (!fn) return false;
    fns.push(fn);
    return true;
  };
  if (!collect(def.node.init, 0) || (fns.length < 2 && !literal)) return undefined;
  const tests: Node[] = [];
  for (const fn of fns) {
    const returned = returnedExpressions(fn as TSESTree.FunctionLike & { body: TSESTree.BlockStatement | TSESTree.Expression }, sourceCode);
    if (returned.length !== 1 || !returned[0]) return undefined;
    tests.push(returned[0]);
  }
  return tests;
}

/**
 * A read of the answer's Retry-After ({@link REFUSAL_WAIT_RE}), or a `const` holding one: `'header'`
 * for the header (`res.headers.get('retry-after')`, `headers['Retry-After']`), `'body'` for a field of
 * a JSON body (`body.retry_after`, Discord's and Telegram's rate-limit answers). Undefined otherwise.
 */
function refusalWait(n: Node, sourceCode: TSESLint.SourceCode, depth = 0): 'header' | 'body' | undefined {
  const u = unwrap(n);
  if (u.type === T.MemberExpression) {
    const key = u.computed ? (u.property.type === T.Literal && typeof u.property.value === 'string' ? u.property.value : undefined) : propertyName(u);
    if (!key || !REFUSAL_WAIT_RE.test(key)) return undefined;
    const obj = unwrap(u.object);
    return obj.type === T.MemberExpression && /^headers?$/i.test(propertyName(obj) ?? '') ? 'header' : obj.type === T.Identifier && /^headers?$/i.test(obj.name) ? 'header' : 'body';
  }
  if (u.type === T.CallExpression) {
    const name = calleeName(u);
    const arg = u.arguments[0] && unwrap(u.arguments[0]);
    return (name === 'get' || name === 'getHeader' || name === 'header') && arg?.type === T.Literal && typeof arg.value === 'string' && REFUSAL_WAIT_RE.test(arg.value) ? 'header' : undefined;
  }
  if (u.type === T.Identifier && depth < 2) {
    const v = variableOf(sourceCode, u);
    const b = v && bindingOf(v);
    return b && b.kind === 'init' && b.stable && b.node ? refusalWait(b.node, sourceCode, depth + 1) : undefined;
  }
  return undefined;
}

/**
 * Whether an answer carries Retry-After: never with a success or without an answer; the header may
 * come with 429 (RFC 6585 §4) or 503 (RFC 9110 §10.2.3), a body's `retry_after` with 429 (the
 * rate-limit answer that carries it).
 */
function refusalWaitPresent(where: 'header' | 'body', outcome: Outcome, fromError = false): TV {
  // Read off a caught error (`err.response?.headers['retry-after']`): an error may carry a refused
  // answer (axios, got, ky errors), so whether it holds the header is not known.
  if (outcome.kind === 'error' && fromError) return undefined;
  if (outcome.kind !== 'status') return false;
  return outcome.code === 429 || (where === 'header' && outcome.code === 503) ? undefined : false;
}

/** Whether a read (or the `const` holding it) starts from an error value (`err.response?.headers[…]`). */
function readsCaughtError(n: Node, sourceCode: TSESLint.SourceCode, depth = 0): boolean {
  let u = unwrap(n);
  if (u.type === T.Identifier && depth < 2) {
    const v = variableOf(sourceCode, u);
    const b = v && bindingOf(v);
    if (b && b.kind === 'init' && b.stable && b.node) return readsCaughtError(b.node, sourceCode, depth + 1);
    return isErrorValue(u, sourceCode);
  }
  while (u.type === T.MemberExpression || u.type === T.CallExpression || u.type === T.ChainExpression) u = unwrap(u.type === T.MemberExpression ? u.object : u.type === T.CallExpression ? u.callee : u.expression);
  return u.type === T.Identifier && isErrorValue(u, sourceCode);
}

/** An error value, known by where it comes from (see {@link holdsError}). */
function isErrorValue(id: TSESTree.Identifier, sourceCode: TSESLint.SourceCode): boolean {
  // A failure handed back as a value (`const [problem] = await settle(p)`, `{ error }`), or an error by
  // where it comes from (catch parameter, error-first position, …).
  if (isHandedBackFailure(id, sourceCode)) return true;
  return holdsError(id, sourceCode);
}

/** The fields a result object hands a failure back in (`{ data, error }`: supabase-js, fetch wrappers). */
const FAILURE_FIELDS: ReadonlySet<string> = new Set(['error', 'err']);

/** Modules whose export turns a promise into an `[error, value]` pair (await-to-js's `to`). */
const ERROR_PAIR_MODULES: readonly { module: string; export: string }[] = [
  { module: 'await-to-js', export: 'default' },
  { module: 'await-to-js', export: 'to' },
];

/**
 * A failure handed back as a value, judged by data flow whatever the local is called: the first
 * element of the pair a failure-pair helper resolves to (`const [problem] = await settle(p)`), or
 * the `error` field of an awaited result (`const { error: failed } = await query`). Set only when
 * the attempt failed.
 */
function isHandedBackFailure(id: TSESTree.Identifier, sourceCode: TSESLint.SourceCode): boolean {
  const v = variableOf(sourceCode, id);
  const def = v?.defs[0];
  if (!v || !def || def.type !== 'Variable' || v.defs.length !== 1) return false;
  const decl = def.node as TSESTree.VariableDeclarator;
  if (!decl.init || v.references.some((r) => r.isWrite() && r.writeExpr !== decl.init)) return false;
  const init = unwrap(decl.init);
  if (init.type !== T.AwaitExpression) return false;
  const call = unwrap(init.argument);
  // `const { error } = await …`, `{ error: failed }`: the field, whatever the local name.
  const prop = def.name.parent;
  if (prop?.type === T.Property && prop.value === def.name && prop.parent === decl.id && decl.id.type === T.ObjectPattern) {
    const key = propertyName(prop);
    return key !== undefined && FAILURE_FIELDS.has(key);
  }
  // `const [problem, value] = await settle(work)`.
  if (decl.id.type !== T.ArrayPattern || decl.id.elements[0] !== def.name) return false;
  return call.type === T.CallExpression && makesFailurePair(call, sourceCode);
}

/**
 * The slot of an `[error, value]` pair a node reads: `0` for the failure (set only when the attempt
 * failed), `1` for the value (set only when it did not). The pair is what a failure-pair helper
 * ({@link makesFailurePair}) resolved to: destructured (`const [err, data] = await settle(p)`) or
 * indexed (`outcome[1]`, with every value written to `outcome` such a pair).
 */
function pairSlot(n: Node, sourceCode: TSESLint.SourceCode): 0 | 1 | undefined {
  const u = unwrap(n);
  const isPair = (w: Node | null | undefined): boolean => {
    const a = w && unwrap(w);
    const call = a?.type === T.AwaitExpression ? unwrap(a.argument) : undefined;
    return call?.type === T.CallExpression && makesFailurePair(call, sourceCode);
  };
  if (u.type === T.Identifier) {
    const v = variableOf(sourceCode, u);
    const def = v?.defs.length === 1 ? v.defs[0] : undefined;
    if (!v || def?.type !== 'Variable') return undefined;
    const decl = def.node as TSESTree.VariableDeclarator;
    if (decl.id.type !== T.ArrayPattern || !decl.init || v.references.some((r) => r.isWrite() && r.writeExpr !== decl.init)) return undefined;
    const i = decl.id.elements.indexOf(def.name as TSESTree.DestructuringPattern);
    return (i === 0 || i === 1) && isPair(decl.init) ? i : undefined;
  }
  if (u.type === T.MemberExpression && u.computed && u.property.type === T.Literal && (u.property.value === 0 || u.property.value === 1)) {
    const o = unwrap(u.object);
    const v = o.type === T.Identifier ? variableOf(sourceCode, o) : undefined;
    const writes = v ? v.references.filter((r) => r.isWrite()) : [];
    // Written only with pairs (an initial placeholder `[null, null]` aside, which no attempt produced).
    const made = writes.filter((r) => !(r.writeExpr && unwrap(r.writeExpr as Node).type === T.ArrayExpression));
    return made.length > 0 && made.every((r) => isPair(r.writeExpr as Node)) ? (u.property.value as 0 | 1) : undefined;
  }
  return undefined;
}

/**
 * A result field that hands the failure back (`outcome.error`), read from a variable holding an
 * awaited call's result.
 */
function isFailureField(m: TSESTree.MemberExpression, sourceCode: TSESLint.SourceCode): boolean {
  const key = propertyName(m);
  if (!key || !FAILURE_FIELDS.has(key)) return false;
  const obj = unwrap(m.object);
  if (obj.type !== T.Identifier) return false;
  const v = variableOf(sourceCode, obj);
  const b = v && bindingOf(v);
  if (!b || b.kind !== 'init' || !b.node) return false;
  return unwrap(b.node).type === T.AwaitExpression;
}

/**
 * Whether a call resolves to an `[error, value]` pair: await-to-js's `to`, or a same-file function
 * that turns its work's rejection into a pair with the reason first (`catch (e) { return [e, undefined] }`,
 * `p.then((v) => [null, v]).catch((e) => [e, null])`).
 */
function makesFailurePair(call: TSESTree.CallExpression, sourceCode: TSESLint.SourceCode): boolean {
  const origin = originOf(sourceCode, call.callee);
  if (origin) return ERROR_PAIR_MODULES.some((m) => isExport(origin, m.module, m.export));
  const fn = sameFileFunction(call.callee, { sourceCode });
  if (!fn?.body) return false;
  let pair = false;
  const firstIs = (arr: Node | null | undefined, param: Node | null | undefined): boolean => {
    const a = arr && unwrap(arr);
    if (!a || a.type !== T.ArrayExpression || !param || param.type !== T.Identifier) return false;
    const first = a.elements[0] && a.elements[0].type !== T.SpreadElement ? unwrap(a.elements[0]) : undefined;
    return !!first && first.type === T.Identifier && first.name === param.name;
  };
  walk(fn.body, sourceCode.visitorKeys, (n) => {
    if (pair) return false;
    // `catch (e) { return [e, undefined]; }`
    if (n.type === T.CatchClause && n.param) {
      const param = n.param;
      walk(n.body, sourceCode.visitorKeys, (r) => {
        if (pair || isFunction(r)) return false;
        if (r.type === T.ReturnStatement && firstIs(r.argument, param)) pair = true;
        return undefined;
      });
    }
    // `.catch((e) => [e, null])`
    if (n.type === T.CallExpression && calleeName(n) === 'catch' && n.arguments[0]) {
      const h = unwrap(n.arguments[0]);
      if (isFunction(h)) {
        const param = h.params[0];
        if (h.body.type !== T.BlockStatement) pair ||= firstIs(h.body, param);
        else for (const st of h.body.body) if (st.type === T.ReturnStatement && firstIs(st.argument, param)) pair = true;
      }
    }
    return undefined;
  });
  return pair;
}

/** A success flag: named like one and holding what an attempt (a call) returned. */
function isSuccessFlag(id: TSESTree.Identifier, sourceCode: TSESLint.SourceCode): boolean {
  const v = variableOf(sourceCode, id);
  if (!v) return false;
  // Whatever its name: every value written to it is what a same-file function returns, and that is
  // only whether its request was answered well (`return res.ok`).
  const writes = v.references.filter((r) => r.isWrite());
  if (writes.length > 0 && writes.every((r) => {
    let w = r.writeExpr ? unwrap(r.writeExpr as Node) : undefined;
    if (w?.type === T.AwaitExpression) w = unwrap(w.argument);
    const fn = w?.type === T.CallExpression ? sameFileFunction(w.callee, { sourceCode }) : undefined;
    return !!fn && returnsAnswerStatus(fn, sourceCode);
  })) return true;
  // Whatever its name: every value written to it is a constant or the answer of a call named for
  // doing a piece of work (`armed = await this.trySetMode(…)`, `done = await sender.deliver(…)`):
  // that yes or no says whether the work succeeded (vocabulary's ACTION_CALL_RE).
  const called = writes.map((r) => {
    let w = r.writeExpr ? unwrap(r.writeExpr as Node) : undefined;
    if (w?.type === T.AwaitExpression) w = unwrap(w.argument);
    return w;
  });
  // The whole answer, not a part destructured from it (`const { eof } = await cdp.send(…)` is a field of the data read).
  const whole = writes.every((r) => {
    const p = r.identifier.parent;
    return (p?.type === T.VariableDeclarator && p.id === r.identifier) || (p?.type === T.AssignmentExpression && p.left === r.identifier);
  });
  if (whole && called.some((w) => w?.type === T.CallExpression) && called.every((w) => w && (w.type === T.Literal || (w.type === T.CallExpression && ACTION_CALL_RE.test(calleeName(w) ?? '') && !STATE_QUESTION_RE.test(calleeName(w) ?? ''))))) return true;
  if (!SUCCESS_FLAG.test(id.name)) return false;
  return v.references.some((r) => {
    let w = r.writeExpr ? unwrap(r.writeExpr as Node) : undefined;
    if (w?.type === T.AwaitExpression) w = unwrap(w.argument);
    return w?.type === T.CallExpression;
  });
}

/** Names of a process's exit status. */
const EXIT_STATUS_RE = /^(exitCode|exit_code|exitStatus|returnCode|retCode|rc)$/;

/**
 * A process's exit status an attempt produced: a member named for it ({@link EXIT_STATUS_RE}) of
 * a call's result (`result.exitCode` with `result = await execa(…)`, `(await run()).exitCode`). A
 * local's own name is not read (findings do not depend on how the code spells its bindings).
 */
function isExitStatus(n: Node, sourceCode: TSESLint.SourceCode): boolean {
  const u = unwrap(n);
  if (u.type === T.MemberExpression && !u.computed && EXIT_STATUS_RE.test(propertyName(u) ?? '')) {
    const o = unwrap(u.object);
    return o.type === T.AwaitExpression || o.type === T.CallExpression || holdsCallResult(o, sourceCode);
  }
  return false;
}


/** Whether a variable holds only what calls returned: each value written to it is a call's result (awaited or not). */
function holdsCallResult(n: Node, sourceCode: TSESLint.SourceCode): boolean {
  const u = unwrap(n);
  if (u.type !== T.Identifier) return false;
  const v = variableOf(sourceCode, u);
  if (!v) return false;
  const writes = v.references.filter((r) => r.writeExpr);
  return writes.length > 0 && writes.every((r) => {
    let w = unwrap(r.writeExpr as Node);
    if (w.type === T.AwaitExpression) w = unwrap(w.argument);
    return w.type === T.CallExpression || w.type === T.NewExpression;
  });
}

/**
 * A variable that holds an attempt's answer or nothing: declared with no value (or `null`/`undefined`),
 * written with an awaited call's result, and otherwise only cleared (`res = undefined` in a catch).
 * It is set when the call returned (an answer object, truthy) and empty when it threw.
 */
function heldAnswer(id: TSESTree.Identifier, sourceCode: TSESLint.SourceCode): boolean {
  const v = variableOf(sourceCode, id);
  const def = v?.defs.length === 1 ? v.defs[0] : undefined;
  if (!v || def?.type !== 'Variable') return false;
  const decl = def.node as TSESTree.VariableDeclarator;
  if (decl.id.type !== T.Identifier || (decl.init && !isNullish(decl.init))) return false;
  let answers = 0;
  for (const r of v.references) {
    if (!r.isWrite() || r.init) continue;
    const w = r.writeExpr ? unwrap(r.writeExpr as Node) : undefined;
    if (!w || r.identifier.parent?.type !== T.AssignmentExpression || (r.identifier.parent as TSESTree.AssignmentExpression).operator !== '=') return false;
    if (isNullish(w)) continue;
    if (w.type !== T.AwaitExpression) return false;
    const call = unwrap(w.argument);
    if (call.type !== T.CallExpression && call.type !== T.NewExpression) return false;
    answers++;
  }
  return answers > 0;
}

/**
 * Whether `x.ok` reads a record the code builds itself around the attempt: every write of `x` is an
 * object literal whose `ok` is a boolean literal, and each write with `ok: true` holds the attempt's
 * awaited result in the same literal (`{ ok: true, value: await task() }`), so the flag is true
 * exactly when the call returned.
 */
function recordFlag(t: TSESTree.MemberExpression, name: string, sourceCode: TSESLint.SourceCode): boolean {
  const o = unwrap(t.object);
  if (o.type !== T.Identifier) return false;
  const v = variableOf(sourceCode, o);
  if (!v) return false;
  const writes = v.references.filter((r) => r.writeExpr).map((r) => unwrap(r.writeExpr as Node));
  let returned = false;
  for (const w of writes) {
    if (w.type !== T.ObjectExpression) return false;
    const p = w.properties.find((q): q is TSESTree.Property => q.type === T.Property && !q.computed && propertyName(q) === name);
    const value = p && unwrap(p.value);
    if (!value || value.type !== T.Literal || typeof value.value !== 'boolean') return false;
    if (!value.value) continue;
    if (!w.properties.some((q) => q.type === T.Property && unwrap(q.value).type === T.AwaitExpression)) return false;
    returned = true;
  }
  return returned;
}

/** Whether every value a function returns is an answer's status only ({@link isAnswerStatus}: `return res.ok`). */
function returnsAnswerStatus(fn: NonNullable<ReturnType<typeof sameFileFunction>>, sourceCode: TSESLint.SourceCode): boolean {
  const returned = returnedExpressions(fn, sourceCode);
  return returned.length > 0 && returned.every((r) => !!r && isAnswerStatus(r, sourceCode, (o) => o.type === T.Identifier));
}

/**
 * Whether a variable holds what a same-file helper (or a `.then` callback) hands back, where that is the
 * answer of its request or nothing: every value written is nullish, or the awaited result of such a
 * function (see {@link returnsAnswerOrNothing}).
 */
function holdsAnswerOrNothing(id: TSESTree.Identifier, sourceCode: TSESLint.SourceCode): boolean {
  const v = variableOf(sourceCode, id);
  if (!v) return false;
  let helpers = 0;
  const ok = v.references.filter((r) => r.isWrite()).every((r) => {
    let w = r.writeExpr ? unwrap(r.writeExpr) : undefined;
    if (!w) return true;
    if (isNullish(w)) return true;
    if (w.type !== T.AwaitExpression) return false;
    w = unwrap(w.argument);
    if (w.type !== T.CallExpression) return false;
    const callee = unwrap(w.callee);
    // `fetch(u).then(check)`: the callback gets the answer.
    const cb = callee.type === T.MemberExpression && propertyName(callee) === 'then' && w.arguments.length === 1 ? unwrap(w.arguments[0] as Node) : undefined;
    const fn = cb && isFunction(cb) ? cb : sameFileFunction(w.callee, { sourceCode });
    if (!fn || !returnsAnswerOrNothing(fn, sourceCode, cb ? fn.params[0] : undefined)) return false;
    helpers++;
    return true;
  });
  return ok && helpers > 0;
}

/**
 * Whether a function hands back the answer of its request, or nothing (`null`, `undefined`, `false`)
 * only on a path its status test sends away from success (`if (!res.ok) { …; return null } return res`).
 * `answerParam` is the parameter that receives the answer (a `.then` callback's).
 */
function returnsAnswerOrNothing(fn: NonNullable<ReturnType<typeof sameFileFunction>>, sourceCode: TSESLint.SourceCode, answerParam?: Node): boolean {
  if (fn.body.type !== T.BlockStatement) return false;
  let answers = 0;
  let nothings = 0;
  const isAnswer = (x: Node): boolean => {
    const u = unwrap(x);
    if (u.type !== T.Identifier) return false;
    if (answerParam?.type === T.Identifier && answerParam.name === u.name && variableOf(sourceCode, u)?.defs[0]?.name === answerParam) return true;
    const def = variableOf(sourceCode, u)?.defs[0];
    const init = def?.type === 'Variable' ? (def.node).init : undefined;
    const call = init && unwrap(init).type === T.AwaitExpression ? unwrap((unwrap(init) as TSESTree.AwaitExpression).argument) : undefined;
    return call?.type === T.CallExpression;
  };
  let bad = false;
  walk(fn.body, sourceCode.visitorKeys, (n) => {
    if (bad || isFunction(n)) return false;
    if (n.type !== T.ReturnStatement) return undefined;
    if (handsBackNothing(n)) {
      // Only where a test that a success does not pass leads.
      let onFailure = false;
      for (let c: Node = n, p: Node | undefined = n.parent; p && p !== fn; c = p, p = p.parent) {
        if (p.type === T.IfStatement && c === p.consequent && evalTest(p.test, SUCCESS, sourceCode) === false) onFailure = true;
        if (p.type === T.IfStatement && c === p.alternate && evalTest(p.test, SUCCESS, sourceCode) === true) onFailure = true;
        if (p.type === T.CatchClause) onFailure = true;
      }
      if (!onFailure) bad = true;
      nothings++;
    } else if (n.argument && isAnswer(n.argument)) answers++;
    else bad = true;
    return false;
  });
  return !bad && answers > 0 && nothings > 0;
}

function isOptionalChain(n: Node): boolean {
  for (let p: Node | undefined = n; p && p.type === T.MemberExpression; p = p.object) if (p.optional) return true;
  return n.parent?.type === T.ChainExpression;
}

/** `return`, `return null`, `return undefined`, `return false`: a return that hands back nothing. */
export function handsBackNothing(st: Node | undefined): boolean {
  if (st?.type !== T.ReturnStatement) return false;
  const a = st.argument ? unwrap(st.argument) : undefined;
  return !a || isNullish(a) || (a.type === T.Literal && a.value === false);
}

/** `null` or `undefined`. */
export function isNullish(n: Node): boolean {
  const u = unwrap(n);
  return (u.type === T.Literal && u.value === null) || (u.type === T.Identifier && u.name === 'undefined');
}

/** `null`, `undefined`, `false`, `0` or `''`: a constant that is falsy. */
export function isFalsyConstant(n: Node): boolean {
  const u = unwrap(n);
  return isNullish(u) || (u.type === T.Literal && !u.value && !('regex' in u && u.regex));
}

/**
 * Whether a test holds when something `reads` names is missing: one of its `||` terms is `!x`,
 * `x == null` or `x === undefined` (either side) with `reads(x)`.
 */
export function testsMissing(test: Node, reads: (x: Node) => boolean): boolean {
  return logicalTerms(test, '||').some((term) => {
    const u = unwrap(term);
    if (u.type === T.UnaryExpression && u.operator === '!') return reads(u.argument);
    if (u.type !== T.BinaryExpression || !/^(==|===)$/.test(u.operator) || u.left.type === T.PrivateIdentifier) return false;
    return (isNullish(u.right) && reads(u.left)) || (isNullish(u.left) && reads(u.right));
  });
}

/** Whether the test reads the attempt's outcome at all (some outcome decides it). */
export function isOutcomeTest(test: Node, sourceCode: TSESLint.SourceCode): boolean {
  return [SUCCESS, ...FAILURES].some((o) => evalTest(test, o, sourceCode) !== undefined);
}

// ---------------------------------------------------------------------------------------------
// Reachability

const NORMAL = 1;
const RETURN = 2;
const THROW = 4;
const BREAK = 8;
const CONTINUE = 16;

interface Run {
  outcome: Outcome;
  sourceCode: TSESLint.SourceCode;
  /** The node whose evaluation counts as reaching (a call), when the target is a node. */
  target: Node | undefined;
  hit: boolean;
  /** Budget against pathological inputs. */
  steps: number;
  /** The failure has been delivered (inside a catch handler or a callback): calls no longer throw. */
  failed?: boolean;
  /** A statement (or an `if` test, a `switch` discriminant) that ends the path being traced (it waits): nothing after it is reached. */
  cut?: (s: Node) => boolean;
  /** For an `if`, the only branch to follow (a test that only skips a wait on the last attempt). */
  branch?: (s: TSESTree.IfStatement) => Node | null | undefined;
  /** The `continue` statements reached. */
  continues?: Node[];
}

function visitExpr(e: Node | null | undefined, run: Run): void {
  if (!e || run.hit || !run.target) return;
  if (!contains(e, run.target)) {
    byName(e, run);
    return;
  }
  if (--run.steps < 0) {
    run.hit = true;
    return;
  }
  if (e === run.target) {
    run.hit = true;
    return;
  }
  const u = e;
  if (u.type === T.ConditionalExpression) {
    visitExpr(u.test, run);
    const v = evalTest(u.test, run.outcome, run.sourceCode);
    if (v !== false) visitExpr(u.consequent, run);
    if (v !== true) visitExpr(u.alternate, run);
    return;
  }
  if (u.type === T.LogicalExpression) {
    visitExpr(u.left, run);
    const v = evalTest(u.left, run.outcome, run.sourceCode);
    if (u.operator === '&&' ? v !== false : u.operator === '||' ? v !== true : true) visitExpr(u.right, run);
    return;
  }
  if (isFunction(u)) {
    const host = u.parent;
    // A rejection handler runs only after a failure.
    if (host?.type === T.CallExpression && host.arguments.includes(u as TSESTree.CallExpressionArgument)) {
      const name = calleeName(host);
      const idx = host.arguments.indexOf(u as TSESTree.CallExpressionArgument);
      if (isRejectionHandlerSlot(host, idx)) {
        if (run.outcome.kind === 'success') return;
        run.hit = true;
        return;
      }
    }
    const failed = run.failed;
    run.failed = true;
    if (u.body.type === T.BlockStatement) execList(u.body.body, run);
    else visitExpr(u.body, run);
    run.failed = failed;
    return;
  }
  // Any other expression: its sub-expressions are evaluated (in order, unconditionally).
  walkChildren(u, run);
}

/**
 * A function that holds the target, passed by name (`.then(parse, later)`, `setTimeout(open, ms)`):
 * it runs when its host calls it, only after a failure for a rejection or failure-event handler.
 */
function byName(e: Node, run: Run): void {
  walk(e, run.sourceCode.visitorKeys, (n) => {
    if (run.hit) return false;
    if (n.type !== T.CallExpression) return undefined;
    n.arguments.forEach((a, i) => {
      if (run.hit || unwrap(a).type !== T.Identifier) return;
      const fn = sameFileFunction(a, { sourceCode: run.sourceCode });
      if (!fn || !contains(fn, run.target!)) return;
      const name = calleeName(n);
      const failureHook = isRejectionHandlerSlot(n, i) || ((name === 'on' || name === 'once' || name === 'addEventListener') && i === 1 && FAILURE_EVENTS.has(stringOf(n.arguments[0])));
      if (!failureHook || run.outcome.kind !== 'success') run.hit = true;
    });
    return undefined;
  });
}

function stringOf(n: Node | undefined): string {
  const u = n && unwrap(n);
  return u && u.type === T.Literal && typeof u.value === 'string' ? u.value : '';
}

function walkChildren(n: Node, run: Run): void {
  const keys = run.sourceCode.visitorKeys[n.type] ?? [];
  for (const key of keys) {
    const value = (n as unknown as Record<string, unknown>)[key];
    const list = Array.isArray(value) ? value : [value];
    for (const v of list) if (v && typeof v === 'object' && 'type' in v) visitExpr(v as Node, run);
  }
}

function execList(stmts: readonly Node[], run: Run): number {
  let out = 0;
  for (const s of stmts) {
    const c = exec(s, run);
    out |= c & ~NORMAL;
    if (!(c & NORMAL)) return out;
  }
  return out | NORMAL;
}

/** The possible completions of a statement under the run's outcome; records whether the target is reached. */
function exec(s: Node, run: Run): number {
  if (--run.steps < 0) {
    run.hit = true;
    return NORMAL;
  }
  switch (s.type) {
    case T.BlockStatement:
      return execList(s.body, run);
    case T.ExpressionStatement:
      if (run.cut?.(s)) return 0;
      visitExpr(s.expression, run);
      // `process.exit(1)`, `reporter.panic(err)`: nothing after it runs.
      if (endsProcess(s.expression)) return RETURN;
      return mayThrowHere(s, run) ? THROW : NORMAL;
    case T.VariableDeclaration:
      if (run.cut?.(s)) return 0;
      for (const d of s.declarations) visitExpr(d.init, run);
      return mayThrowHere(s, run) ? THROW : NORMAL;
    case T.ReturnStatement:
      visitExpr(s.argument, run);
      // `return await send()` under the error outcome: the attempt throws before anything returns.
      return mayThrowHere(s, run) ? THROW : RETURN;
    case T.ThrowStatement:
      visitExpr(s.argument, run);
      return THROW;
    case T.BreakStatement:
      return BREAK;
    case T.ContinueStatement:
      run.continues?.push(s);
      return CONTINUE;
    case T.IfStatement: {
      // `if (await backoff(err, n)) …`: the test itself waits.
      if (run.cut?.(s.test)) return 0;
      visitExpr(s.test, run);
      const only = run.branch?.(s);
      if (only !== undefined) return only ? exec(only, run) : NORMAL;
      const v = evalTest(s.test, run.outcome, run.sourceCode);
      let c = 0;
      if (v !== false) c |= exec(s.consequent, run);
      if (v !== true) c |= s.alternate ? exec(s.alternate, run) : NORMAL;
      return c;
    }
    case T.TryStatement: {
      let c = exec(s.block, run);
      if (s.handler && (c & THROW)) {
        run.failed = true;
        c = (c & ~THROW) | exec(s.handler.body, run);
      }
      if (s.finalizer) {
        const f = exec(s.finalizer, run);
        if (!(f & NORMAL)) return f;
        c |= f & ~NORMAL;
      }
      return c;
    }
    case T.ForStatement:
    case T.WhileStatement:
    case T.DoWhileStatement:
    case T.ForOfStatement:
    case T.ForInStatement: {
      if (s.type === T.ForStatement) visitExpr(s.init, run);
      if (s.type === T.ForOfStatement || s.type === T.ForInStatement) visitExpr(s.right, run);
      const test = s.type === T.ForStatement || s.type === T.WhileStatement ? s.test : undefined;
      if (test) visitExpr(test, run);
      const b = exec(s.body, run);
      if (s.type === T.DoWhileStatement) visitExpr(s.test, run);
      // A nested loop absorbs its own break/continue; it may run zero times.
      return (b & (RETURN | THROW)) | NORMAL;
    }
    case T.SwitchStatement: {
      if (run.cut?.(s.discriminant)) return 0;
      visitExpr(s.discriminant, run);
      let c = 0;
      let hasDefault = false;
      for (const k of s.cases) {
        if (!k.test) hasDefault = true;
        c |= execList(k.consequent, run);
      }
      if (!hasDefault) c |= NORMAL;
      return (c & ~BREAK) | (c & BREAK ? NORMAL : 0);
    }
    case T.LabeledStatement:
      return exec(s.body, run) | NORMAL;
    case T.FunctionDeclaration:
      return NORMAL;
    default:
      return NORMAL;
  }
}

/**
 * Under the error outcome, a statement that makes a call throws (the attempt failed there), unless
 * the failure is caught on the spot (`await fetch(u).catch(() => null)`): what follows it is not reached.
 * A statement whose only calls write a log line (`console.log(`waiting ${ms}`)`) is no step of the
 * attempt: it does not fail.
 */
function mayThrowHere(s: Node, run: Run): boolean {
  if (run.outcome.kind !== 'error' || run.failed || !hasCall(s, run.sourceCode.visitorKeys) || cannotFail(s, run.sourceCode.visitorKeys)) return false;
  let caught = false;
  walk(s, run.sourceCode.visitorKeys, (m) => {
    if (caught || (m !== s && isFunction(m))) return false;
    if (m.type === T.CallExpression && (calleeName(m) === 'catch' || (calleeName(m) === 'then' && m.arguments.length >= 2))) caught = true;
    return undefined;
  });
  return !caught;
}

/** Global functions that only convert a value (`Number(x)`, `parseInt(s, 10)`). */
const PURE_FUNCTION_RE = /^(Number|String|Boolean|parseInt|parseFloat)$/;

/**
 * Whether every call in a statement (outside nested functions) writes a log line or computes a
 * number or string (`Math.min`, `Number(x)`, `Date.now()`), and nothing awaits: nothing in it fails.
 */
function cannotFail(n: Node, keys: TSESLint.SourceCode.VisitorKeys): boolean {
  let other = false;
  walk(n, keys, (m) => {
    if (other || (m !== n && isFunction(m))) return false;
    if (m.type === T.AwaitExpression || m.type === T.NewExpression || (m.type === T.CallExpression && !isLogCallee(m.callee, ['console', 'Math', 'Date']) && !(m.callee.type === T.Identifier && PURE_FUNCTION_RE.test(m.callee.name)))) other = true;
    return undefined;
  });
  return !other;
}

function hasCall(n: Node, keys: TSESLint.SourceCode.VisitorKeys): boolean {
  let found = false;
  walk(n, keys, (m) => {
    if (found || (m !== n && isFunction(m))) return false;
    if (m.type === T.CallExpression || m.type === T.AwaitExpression || m.type === T.NewExpression) found = true;
    return undefined;
  });
  return found;
}


/**
 * Whether `target` (a call inside `fn`, possibly inside callbacks of `fn`) is reached when the
 * attempt ends with `outcome`.
 */
export function reachesCall(fn: TSESTree.FunctionLike, target: Node, outcome: Outcome, sourceCode: TSESLint.SourceCode): boolean {
  const run: Run = { outcome, sourceCode, target, hit: false, steps: 20_000 };
  if (!fn.body) return false;
  if (fn.body.type === T.BlockStatement) execList(fn.body.body, run);
  else visitExpr(fn.body, run);
  return run.hit;
}

/** Whether running the statements of `block` after an attempt that ended with `outcome` reaches `target`. */
export function reachesInBlock(block: TSESTree.BlockStatement, target: Node, outcome: Outcome, sourceCode: TSESLint.SourceCode): boolean {
  const run: Run = { outcome, sourceCode, target, hit: false, steps: 20_000 };
  execList(block.body, run);
  return run.hit;
}

/**
 * Whether the loop goes round again (its back-edge: the end of the body or a `continue`, with a loop
 * test that does not say stop) when the attempt ends with `outcome`.
 */
export function reachesBackEdge(loop: TSESTree.ForStatement | TSESTree.WhileStatement | TSESTree.DoWhileStatement | TSESTree.ForOfStatement, outcome: Outcome, sourceCode: TSESLint.SourceCode, from?: Node): boolean {
  const run: Run = { outcome, sourceCode, target: undefined, hit: false, steps: 20_000 };
  const c = exec(from ?? loop.body, run);
  if (run.hit) return true;
  if (!(c & (NORMAL | CONTINUE))) return false;
  const test = loop.type === T.ForOfStatement ? undefined : loop.test;
  return !test || evalTest(test, outcome, sourceCode) !== false;
}

/**
 * Whether the loop goes round again after an attempt that ended with `outcome` along a path that
 * passes no statement `cut` accepts (no wait): the `continue` statements such paths reach, or
 * `[]` when one falls off the end of the body. Undefined when no such path exists. `branch`
 * picks the one branch of an `if` to follow, when it decides (see {@link Run}).
 */
export function waitlessBackEdge(loop: TSESTree.ForStatement | TSESTree.WhileStatement | TSESTree.DoWhileStatement | TSESTree.ForOfStatement, outcome: Outcome, sourceCode: TSESLint.SourceCode, cut: (s: Node) => boolean, branch: (s: TSESTree.IfStatement) => Node | null | undefined): Node[] | undefined {
  const run: Run = { outcome, sourceCode, target: undefined, hit: false, steps: 20_000, cut, branch, continues: [] };
  const c = exec(loop.body, run);
  if (run.steps < 0 || !(c & (NORMAL | CONTINUE))) return undefined;
  const test = loop.type === T.ForOfStatement ? undefined : loop.test;
  if (test && evalTest(test, outcome, sourceCode) === false) return undefined;
  const own = run.continues!.filter((k) => {
    const label = (k as TSESTree.ContinueStatement).label;
    if (label) return loop.parent?.type === T.LabeledStatement && loop.parent.label.name === label.name;
    for (let p = k.parent; p; p = p.parent) {
      if (p === loop) return true;
      if (isFunction(p) || p.type === T.ForStatement || p.type === T.WhileStatement || p.type === T.DoWhileStatement || p.type === T.ForOfStatement || p.type === T.ForInStatement) return false;
    }
    return false;
  });
  if (c & NORMAL) return own;
  return own.length > 0 ? own : undefined;
}

/** Whether a statement (a catch body, a branch) can complete normally or by `continue` (so a loop goes on). */
export function mayGoOn(stmt: Node, outcome: Outcome, sourceCode: TSESLint.SourceCode): boolean {
  const run: Run = { outcome, sourceCode, target: undefined, hit: false, steps: 20_000, failed: true };
  const c = exec(stmt, run);
  return (c & (NORMAL | CONTINUE)) !== 0;
}

/** Whether the call is a retry by the failure path: unreached after a success, reached after some failure. */
export function onFailurePathOnly(fn: TSESTree.FunctionLike, call: Node, sourceCode: TSESLint.SourceCode): boolean {
  if (reachesCall(fn, call, SUCCESS, sourceCode)) return false;
  return failuresIn(fn, sourceCode).some((o) => reachesCall(fn, call, o, sourceCode));
}

// ---------------------------------------------------------------------------------------------
// Domination

/**
 * The tests that decide whether `node` runs, from `node` up to `root`: the tests of enclosing
 * `if`s, ternaries, `&&`/`||` and loops, and of earlier `if`s in enclosing blocks whose branch
 * leaves (`if (attempt >= 3) throw err;`). A bound counts for a retry call only if it is here.
 */
export function dominatingTests(node: Node, root: Node): Node[] {
  const out: Node[] = [];
  let child: Node = node;
  for (let p: Node | undefined = node.parent; p && child !== root; child = p, p = p.parent) {
    if ((p.type === T.IfStatement || p.type === T.ConditionalExpression) && child !== p.test) out.push(p.test);
    else if (p.type === T.LogicalExpression && child === p.right) out.push(p.left);
    else if ((p.type === T.WhileStatement || p.type === T.DoWhileStatement || p.type === T.ForStatement) && p.test && child === p.body) out.push(p.test);
    if (p.type === T.BlockStatement || p.type === T.Program || p.type === T.SwitchCase) {
      const list: readonly Node[] = p.type === T.SwitchCase ? p.consequent : p.body;
      const i = list.indexOf(child);
      for (const s of list.slice(0, Math.max(0, i))) {
        if (s.type === T.IfStatement && (leaves(s.consequent) || leaves(s.alternate))) out.push(s.test);
      }
    }
    if (p === root) break;
  }
  return out;
}

function leaves(s: Node | null | undefined): boolean {
  if (!s) return false;
  switch (s.type) {
    case T.ReturnStatement:
    case T.ThrowStatement:
    case T.BreakStatement:
      return true;
    case T.BlockStatement:
      return s.body.some((x) => leaves(x));
    case T.IfStatement:
      return leaves(s.consequent) && leaves(s.alternate);
    default:
      return false;
  }
}

/**
 * A call in a test passes the counter to a same-file predicate that compares the corresponding
 * parameter (`if (tooMany(n++)) throw e`, `if (!shouldRetry(res, tries, max)) return`).
 */
export function predicateCompares(call: TSESTree.CallExpression, isCounter: (arg: Node) => boolean, sourceCode: TSESLint.SourceCode): boolean {
  const fn = sameFileFunction(call.callee, { sourceCode });
  if (!fn) return false;
  return call.arguments.some((arg, i) => {
    if (!isCounter(arg)) return false;
    let p = fn.params[i];
    if (p?.type === T.AssignmentPattern) p = p.left;
    if (!p || p.type !== T.Identifier) return false;
    const v = variableOf(sourceCode, p);
    if (!v) return false;
    let compared = false;
    walk(fn.body ?? fn, sourceCode.visitorKeys, (n) => {
      if (compared) return false;
      if (n.type === T.BinaryExpression && ['<', '<=', '>', '>=', '===', '==', '!==', '!='].includes(n.operator)) {
        for (const side of [n.left, n.right]) {
          const u = unwrap(side as Node);
          if (u.type === T.Identifier && isReferenceTo(v, u)) compared = true;
        }
      }
      return undefined;
    });
    return compared;
  });
}

/** Globals whose calls compute a value from their arguments and decide nothing about a retry. */
const VALUE_GLOBALS = new Set(['Math', 'Number', 'String', 'Boolean', 'Object', 'Array', 'JSON', 'Date', 'BigInt', 'console', 'parseInt', 'parseFloat', 'isNaN', 'isFinite']);

/**
 * A test's yes/no comes from a call that is handed the counter and whose body this file does not
 * hold (`if (!policy.shouldRetry(err, attempt)) throw err`, `if (!(await this.limiter.allows(n)))`,
 * an injected or imported predicate, a callback parameter): the call may end the retry at any
 * count, which the analysis cannot see, so the bound is unknown (PRODUCT: stay silent about what
 * cannot be seen). The call must decide the test (under `!`, `&&`, `||`, `await`, or compared with
 * `true`/`false`); a same-file function is judged by its body (`predicateCompares`).
 */
export function asksUnseenPredicate(call: TSESTree.CallExpression, isCounter: (arg: Node) => boolean, sourceCode: TSESLint.SourceCode): boolean {
  if (!call.arguments.some((a) => a.type !== T.SpreadElement && isCounter(a as Node))) return false;
  let root: Node = unwrap(call.callee);
  while (root.type === T.MemberExpression) root = unwrap(root.object);
  if (root.type === T.Identifier && VALUE_GLOBALS.has(root.name) && !variableOf(sourceCode, root)?.defs.length) return false;
  if (sameFileFunction(call.callee, { sourceCode })) return false;
  // The call's value is the test's (through `!`, `&&`, `||`, `await`, `=== false`).
  let cur: Node = call;
  for (let p = cur.parent; p; cur = p, p = p.parent) {
    if (p.type === T.UnaryExpression && p.operator === '!') continue;
    if (p.type === T.LogicalExpression || p.type === T.AwaitExpression || p.type === T.ChainExpression || p.type === T.TSNonNullExpression || p.type === T.TSAsExpression) continue;
    if (p.type === T.BinaryExpression && ['===', '!==', '==', '!='].includes(p.operator)) {
      const other = unwrap((p.left === cur ? p.right : p.left) as Node);
      if (other.type === T.Literal && typeof other.value === 'boolean') continue;
      return false;
    }
    // `const again = await policy.allows(n); if (!again) …`: the local holds the answer.
    if (p.type === T.VariableDeclarator) return p.init === cur;
    return p.type === T.IfStatement || p.type === T.WhileStatement || p.type === T.DoWhileStatement || p.type === T.ForStatement || p.type === T.ConditionalExpression ? (p as { test?: Node }).test === cur : false;
  }
  return false;
}

/** A test that is true exactly on success (`status === 200 || status === 204`) or exactly on failure. */
export function outcomeKind(test: Node, sourceCode: TSESLint.SourceCode): 'success' | 'failure' | undefined {
  const onSuccess = evalTest(test, SUCCESS, sourceCode);
  if (onSuccess === undefined) return undefined;
  const statuses = FAILURES.filter((o) => o.kind === 'status');
  if (statuses.every((o) => evalTest(test, o, sourceCode) === !onSuccess)) return onSuccess ? 'success' : 'failure';
  return undefined;
}

/** A test known to hold (or not) on every path from `root` to a node. */
export interface PathFact {
  test: Node;
  holds: boolean;
  /** The ancestor of the node whose branch or block establishes the fact. */
  at: Node;
}

/**
 * The facts every path from `root` to `node` establishes: the enclosing branches' tests (true in a
 * consequent, false in an alternate), `&&`/`||` left operands, and earlier `if`s whose branch leaves.
 */
export function pathFacts(node: Node, root: Node): PathFact[] {
  const out: PathFact[] = [];
  let child: Node = node;
  for (let p: Node | undefined = node.parent; p && child !== root; child = p, p = p.parent) {
    if ((p.type === T.IfStatement || p.type === T.ConditionalExpression) && child !== p.test) out.push({ test: p.test, holds: child === p.consequent, at: p });
    else if (p.type === T.LogicalExpression && child === p.right && p.operator !== '??') out.push({ test: p.left, holds: p.operator === '&&', at: p });
    if (p.type === T.BlockStatement || p.type === T.SwitchCase) {
      const list: readonly Node[] = p.type === T.SwitchCase ? p.consequent : p.body;
      const i = list.indexOf(child);
      for (const s of list.slice(0, Math.max(0, i))) {
        if (s.type !== T.IfStatement) continue;
        if (leaves(s.consequent) && !leaves(s.alternate)) out.push({ test: s.test, holds: false, at: p });
        else if (leaves(s.alternate) && !leaves(s.consequent)) out.push({ test: s.test, holds: true, at: p });
      }
    }
    if (p === root) break;
  }
  return out;
}

/** The comparisons a fact implies, as conjuncts: `a && b` holding gives a and b; `a || b` failing gives !a and !b. */
export function impliedComparisons(fact: PathFact, alias?: { sourceCode: TSESLint.SourceCode; within: Node }, depth = 0): { cmp: TSESTree.BinaryExpression; holds: boolean }[] {
  const t = unwrap(fact.test);
  if (t.type === T.UnaryExpression && t.operator === '!') return impliedComparisons({ test: t.argument, holds: !fact.holds, at: fact.at }, alias, depth);
  if (t.type === T.LogicalExpression && ((t.operator === '&&' && fact.holds) || (t.operator === '||' && !fact.holds))) {
    return [...impliedComparisons({ test: t.left, holds: fact.holds, at: fact.at }, alias, depth), ...impliedComparisons({ test: t.right, holds: fact.holds, at: fact.at }, alias, depth)];
  }
  if (t.type === T.BinaryExpression) return [{ cmp: t, holds: fact.holds }];
  // `const isLast = r >= max; if (!isLast) …`: a name for a test made in the same pass (declared
  // within `alias.within`, never written again) stands for that test.
  if (t.type === T.Identifier && alias && depth < 2) {
    const v = variableOf(alias.sourceCode, t);
    const def = v?.defs.length === 1 ? v.defs[0] : undefined;
    const decl = def?.type === 'Variable' ? (def.node as TSESTree.VariableDeclarator) : undefined;
    if (decl?.init && decl.parent?.type === T.VariableDeclaration && decl.parent.kind === 'const' && contains(alias.within, decl) && decl.range[1] <= t.range[0]) {
      return impliedComparisons({ test: decl.init, holds: fact.holds, at: fact.at }, alias, depth + 1);
    }
  }
  return [];
}

/**
 * Whether a call of the function itself runs into a re-entry guard: the function leaves at its top
 * while a mark is set (`if (this.rejoining.has(id)) return;`, `if (busy) return;`), sets that mark
 * before the call (`this.rejoining.add(id)`, `busy = true`, a statement of its own body), and clears
 * it only after the call (in a `finally`, or later): the call returns at once, no second attempt.
 * Marks are compared by their text (`this.rejoining` and `id`).
 */
export function reentryBlocked(call: Node, fn: TSESTree.FunctionLike, sourceCode: TSESLint.SourceCode): boolean {
  if (fn.body?.type !== T.BlockStatement) return false;
  const text = (n: Node): string => sourceCode.getText(unwrap(n));
  const body = fn.body.body;
  const at = body.findIndex((st) => contains(st, call));
  if (at < 0) return false;
  // The guards at the top, and the statement that sets each one's mark.
  const sets: { mark: string; clears: (n: Node) => boolean; from: number }[] = [];
  const guards: { mark: string; isSet: (st: Node) => boolean; clears: (n: Node) => boolean }[] = [];
  for (const st of body.slice(0, at)) {
    if (st.type === T.IfStatement && !st.alternate && alwaysExits(st.consequent)) {
      const t = unwrap(st.test);
      if (t.type === T.CallExpression && calleeName(t) === 'has' && t.arguments.length === 1 && unwrap(t.callee).type === T.MemberExpression) {
        const coll = text((unwrap(t.callee) as TSESTree.MemberExpression).object);
        const key = text(t.arguments[0]!);
        const onColl = (n: Node, name: RegExp): n is TSESTree.CallExpression => n.type === T.CallExpression && name.test(calleeName(n) ?? '') && unwrap(n.callee).type === T.MemberExpression && text((unwrap(n.callee) as TSESTree.MemberExpression).object) === coll;
        guards.push({
          mark: `${coll}:${key}`,
          isSet: (x) => {
            const e = x.type === T.ExpressionStatement ? unwrap(x.expression) : undefined;
            return !!e && onColl(e, /^add$/) && !!e.arguments[0] && text(e.arguments[0]) === key;
          },
          clears: (n) => onColl(n, /^(delete|clear)$/),
        });
      } else if (t.type === T.Identifier || (t.type === T.MemberExpression && !t.computed)) {
        const slot = text(t);
        const assigns = (n: Node, truthy: boolean): boolean => n.type === T.AssignmentExpression && n.operator === '=' && text(n.left) === slot && (truthy ? unwrap(n.right).type === T.Literal && (unwrap(n.right) as TSESTree.Literal).value === true : !(unwrap(n.right).type === T.Literal && (unwrap(n.right) as TSESTree.Literal).value === true));
        guards.push({ mark: slot, isSet: (x) => x.type === T.ExpressionStatement && assigns(unwrap(x.expression), true), clears: (n) => assigns(n, false) });
      }
      continue;
    }
    for (const g of guards) if (g.isSet(st)) sets.push({ mark: g.mark, clears: g.clears, from: st.range[1] });
  }
  // A mark set before the call and not cleared on the way to it: a clear written between the two,
  // nested functions included (the call may run in a callback after a clear there: `busy = false;
  // if (err) again()`), but not in the `finally` of a try around the call (it runs after the call).
  return sets.some((s) => {
    let cleared = false;
    const scan = (root: Node): void =>
      walk(root, sourceCode.visitorKeys, (n) => {
        if (cleared) return false;
        if (n.type === T.TryStatement && n.finalizer && contains(n, call) && !contains(n.finalizer, call)) {
          scan(n.block);
          if (n.handler) scan(n.handler);
          return false;
        }
        if (s.clears(n) && n.range[0] > s.from && n.range[1] <= call.range[0]) cleared = true;
        return undefined;
      });
    scan(fn.body!);
    return !cleared;
  });
}
