import { isEffectivelyUnbounded } from '../limits';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { calleeName, isFunction, propertyName, unwrap, walk } from '../ast';
import { bindingOf, constantNumber, normalPath, originOf, staticValues, variableOf } from '../scope';
import { isClientErrorStatus, RETRY_AFTER_STATUSES, statusByName } from '../statuses';
import type { Node } from '../types';
import type { FunctionNode } from './util';

/**
 * One status-set evaluator (K8, design principle 5): runs a "shall I retry?" condition (a library
 * predicate option such as axios-retry `retryCondition`, ky `shouldRetry`, fetch-retry `retryOn`,
 * p-retry `shouldRetry`, or a hand-written guard given as an expression) over a set of probe
 * outcomes (no response, and each interesting status, for an idempotent and a non-idempotent
 * method) and records, for each, whether the condition retries it: `true`, `false`, or unknown.
 *
 * The evaluator is an abstract interpreter over a small subset of JavaScript: literals, `const`
 * bindings (lists, sets), member access on the error / response / request config, comparisons,
 * `!`, `&&`, `||`, `??`, `?:`, `includes` / `has`, `Boolean(…)`, string case changes, and block
 * bodies made of `const`, `if` and `return`. Anything else is unknown and stays local: a test
 * that cannot be read makes only the outcomes it decides unknown.
 */

/** What a parameter (or a destructured property of it) of a condition holds. */
export type Role =
  /** The failure: always present; `.response` is the response (absent on a network error), `.status` / `.statusCode` its status, `.config` / `.request` the request. */
  | 'error'
  /** An error that is present only when no response came (fetch-retry's `error`). */
  | 'network-error'
  /** The response: absent on a network error; `.status`, `.statusCode`, `.ok`. */
  | 'response'
  /** The request config: `.method`. */
  | 'config'
  /** The status itself. */
  | 'status'
  /** The attempt (or failure) count: a number when probed by {@link countLimit}, unknown otherwise. */
  | 'count'
  /** An options object whose `retryCount` is the count (SWR's `onErrorRetry` fifth parameter). */
  | 'count-options'
  /** An attempt count or anything else: unknown. */
  | 'other';

/**
 * How a condition's parameters are read: by position, and for a destructured parameter by
 * property name (`({ error, retryCount }) => …` with `{ error: 'error' }`).
 */
export interface Roles {
  positional: readonly Role[];
  named?: Readonly<Record<string, Role>>;
  /** The condition answers "done?" rather than "retry?" (wretch `until`): its verdicts are flipped. */
  negated?: boolean;
  /**
   * The count passed with the first failure (TanStack `failureCount` 0, SWR `retryCount` 1): the
   * probes of {@link evaluateCondition} pass it, so a count test (`count < 3 && status !== 404`)
   * does not hide what the condition does with each status on the first retry.
   */
  firstCount?: number;
  /**
   * The function is a retry callback, not a predicate (SWR `onErrorRetry`): it retries by reaching
   * its end (where it schedules the retry) and stops by any `return`.
   */
  procedure?: boolean;
}

/** One probed outcome. */
export interface Outcome {
  /** The response status; undefined for a failure with no response (network error, timeout). */
  status: number | undefined;
  /** The request method, lower-case as axios reports it. */
  method: 'get' | 'post';
  /** The attempt count passed to the condition, when probed. */
  count?: number;
}

/** What a condition does with each probed outcome. */
export interface OutcomeSet {
  verdicts: { outcome: Outcome; retried: boolean | undefined }[];
  /** Statuses written as literals in the condition (429 and 503 named explicitly count as rate-limit handling). */
  named: Set<number>;
  /** The condition reads the request method. */
  readsMethod: boolean;
}

const PROBE_STATUSES = [200, 201, 204, 301, 304, 400, 401, 403, 404, 405, 408, 409, 410, 413, 421, 422, 425, 429, 499, 500, 501, 502, 503, 504, 599];


/**
 * Evaluates a condition function over the probe outcomes. Returns undefined when the function's
 * shape cannot be read at all (a rest parameter, a generator).
 */
export function evaluateCondition(fn: FunctionNode, roles: Roles, sourceCode: TSESLint.SourceCode, assume?: boolean): OutcomeSet | undefined {
  if (fn.generator) return undefined;
  const named = literalStatuses(fn, sourceCode);
  const readsMethod = readsMember(fn, sourceCode, 'method') || callsMethodPredicate(fn, sourceCode);
  const statuses = [...new Set([undefined, ...PROBE_STATUSES, ...named])];
  const methods: Outcome['method'][] = readsMethod ? ['get', 'post'] : ['post'];
  const verdicts: OutcomeSet['verdicts'] = [];
  for (const method of methods) {
    for (const status of statuses) {
      const outcome: Outcome = { status, method, ...(roles.firstCount !== undefined ? { count: roles.firstCount } : {}) };
      const env = new Map<TSESLint.Scope.Variable, Value>();
      let ok = true;
      fn.params.forEach((p, i) => {
        if (!bindParam(p, roles.positional[i] ?? 'other', roles, outcome, env, sourceCode)) ok = false;
      });
      if (!ok) return undefined;
      const result = truth(runBody(fn, { env, sourceCode, outcome, depth: 0, failureVars: failureParams(fn, roles, sourceCode), ...(assume !== undefined ? { assume } : {}) }, roles.procedure));
      verdicts.push({ outcome, retried: result === undefined ? undefined : roles.negated ? !result : result });
    }
  }
  if (!readsMethod) {
    // The method does not matter: every verdict holds for GET as well.
    for (const v of [...verdicts]) verdicts.push({ outcome: { ...v.outcome, method: 'get' }, retried: v.retried });
  }
  return { verdicts, named, readsMethod };
}

/**
 * Evaluates a test expression (a hand-written guard) with `status` standing for the outcome's
 * status wherever `isStatus(node)` says so; for guards in `if` statements and loop tests.
 */
export function evaluateTest(test: Node, isStatus: (n: Node) => boolean, sourceCode: TSESLint.SourceCode, errors: readonly TSESLint.Scope.Variable[] = []): OutcomeSet {
  // Statuses named in the test or in a list it reads (`RETRYABLE.has(status)`, the list defined apart).
  const named = literalStatusesIn(test, sourceCode);
  const verdicts: OutcomeSet['verdicts'] = [];
  for (const status of [...new Set([undefined, ...PROBE_STATUSES, ...named])]) {
    const outcome: Outcome = { status, method: 'post' };
    // `errors`: variables that hold the failure itself (its `.status`, `.response` are the outcome's).
    const env = new Map<TSESLint.Scope.Variable, Value>(errors.map((v) => [v, { ref: 'error' } satisfies Ref]));
    const st: State = { env, sourceCode, outcome, depth: 0, isStatus };
    verdicts.push({ outcome, retried: truth(evaluate(test, st)) });
  }
  return { verdicts, named, readsMethod: false };
}

/**
 * The attempt limit a condition writes on its count parameter (`count < 3`, `failureCount <= 2`):
 * the smallest count, from `first` (the value passed after the first failure), at which it surely
 * refuses every probed failure (a network error, 500, 503, for GET and POST). Returns the number
 * of attempts that allows (`stop − first + 1`), or undefined when no such count is found within
 * 1,000 (the limit is unknown, or absent); Infinity when the limit in force by default is an
 * option's fallback of 1,000 or more (`ctx.maxAttempts || 10000`).
 */
export function countLimit(fn: FunctionNode, roles: Roles, sourceCode: TSESLint.SourceCode, first: number): number | undefined {
  if (fn.generator || !roles.positional.some((r) => r === 'count' || r === 'count-options') && !Object.values(roles.named ?? {}).includes('count')) return undefined;
  const fallback = { taken: false };
  const refuses = (count: number): boolean => {
    for (const method of ['get', 'post'] as const) {
      // Every kind of failure a condition may retry alone (a condition that retries only 429 is
      // no refusal at count 0): network errors, 408, 429 and the 5xx gateways.
      for (const status of [undefined, 408, 429, 500, 502, 503, 504]) {
        const outcome: Outcome = { status, method, count };
        const env = new Map<TSESLint.Scope.Variable, Value>();
        let ok = true;
        fn.params.forEach((p, i) => {
          if (!bindParam(p, roles.positional[i] ?? 'other', roles, outcome, env, sourceCode)) ok = false;
        });
        if (!ok) return false;
        const t = truth(runBody(fn, { env, sourceCode, outcome, depth: 0, worstFallback: fallback }, roles.procedure));
        if ((roles.negated ? t === undefined ? undefined : !t : t) !== false) return false;
      }
    }
    return true;
  };
  // Linear over small limits, then a bisection up to 1,000 (a limit of 1,000 or more is no limit)
  // for a condition that, once it refuses, keeps refusing (a count compared with a constant).
  for (let k = first; k < first + 64; k++) if (refuses(k)) return k - first + 1;
  let lo = first + 63;
  let hi = first + 1000;
  // Not stopped by 1,000 attempts through a limit's fallback that means forever: no limit by default.
  if (!refuses(hi)) return fallback.taken ? Infinity : undefined;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (refuses(mid)) hi = mid;
    else lo = mid;
  }
  return hi - first + 1;
}

/** Whether the set retries, for sure, a 4xx a retry cannot fix. Returns the first such status. */
export function retriedClientError(set: OutcomeSet): number | undefined {
  return set.verdicts.find((v) => v.retried === true && v.outcome.status !== undefined && isClientErrorStatus(v.outcome.status))?.outcome.status;
}

/**
 * A 4xx a condition retries for some requests: with each test that reads only which request failed
 * taken true, then false (`searchUrls.has(error.config?.url)` lets every failure of those requests
 * through). Undefined when no such status is retried either way.
 */
export function retriedClientErrorForSome(fn: FunctionNode, roles: Roles, sourceCode: TSESLint.SourceCode): number | undefined {
  for (const assume of [true, false]) {
    const set = evaluateCondition(fn, roles, sourceCode, assume);
    const status = set ? retriedClientError(set) : undefined;
    if (status !== undefined) return status;
  }
  return undefined;
}

/** Whether the set may retry a request of `method` (some outcome retried, or unknown). */
export function mayRetryMethod(set: OutcomeSet, method: Outcome['method']): boolean {
  return set.verdicts.some((v) => v.outcome.method === method && v.retried !== false);
}

/** Whether the set surely retries some outcome of a request of `method`. */
export function retriesMethod(set: OutcomeSet, method: Outcome['method']): boolean {
  return set.verdicts.some((v) => v.outcome.method === method && v.retried === true);
}

/** Whether the condition names 429 or 503 explicitly and may retry it (a count may still stop it): rate-limit handling (`respect-retry-after`). */
export function handlesRateLimit(set: OutcomeSet): boolean {
  return RETRY_AFTER_STATUSES.some((s) => set.named.has(s) && set.verdicts.some((v) => v.outcome.status === s && v.retried !== false));
}

/**
 * Whether the statuses a test lets go round are the ones it names (an allow-list: `RETRYABLE.has(status)`,
 * `status === 503`), not every status but a few it names (a deny-list: `status >= 400 && status < 500 &&
 * status !== 429 ? stop : retry`). A deny-list that spares 429 merely includes it (PRODUCT: a catch-all
 * retry is judged by the other rules); no status outside the named ones is surely retried by an allow-list.
 */
export function retriesOnlyNamed(set: OutcomeSet): boolean {
  return !set.verdicts.some((v) => v.retried === true && v.outcome.status !== undefined && !set.named.has(v.outcome.status));
}

/** Whether every outcome is retried (the condition accepts everything). */
export function acceptsAll(set: OutcomeSet): boolean {
  return set.verdicts.every((v) => v.retried === true);
}

// ---------------------------------------------------------------------------------------------
// The interpreter.

const UNKNOWN: unique symbol = Symbol('unknown');

/** An abstract object: the error, response or config of the probed outcome. */
interface Ref {
  ref: 'error' | 'response' | 'config' | 'count-options' | 'error-data';
}

type Value = unknown;

interface State {
  env: Map<TSESLint.Scope.Variable, Value>;
  sourceCode: TSESLint.SourceCode;
  outcome: Outcome;
  depth: number;
  isStatus?: (n: Node) => boolean;
  /** The function is a procedure (see {@link Roles.procedure}). */
  procedure?: boolean;
  /** Unreadable tests followed both ways so far (bounded). */
  forks?: number;
  /**
   * The variables that hold the failure or what follows from it (the error, response, status,
   * request, count parameters and names declared from them). A test that reads none of them is
   * independent of the failure (the SWR key, a module flag): when one of its ways retries a
   * status, the condition retries that status (for some value of what the test reads). Undefined:
   * such tests stay unknown.
   */
  failureVars?: Set<TSESLint.Scope.Variable>;
  /**
   * Reading an attempt limit: an unknown option with a fallback that means forever
   * (`ctx.maxAttempts || 10000`, `opts.limit ?? Infinity`) is judged by that fallback, the value in
   * force when the option is not given (PRODUCT: a limit of 1,000 or more is no limit).
   */
  worstFallback?: { taken: boolean };
  /**
   * The value taken by a test that cannot be read and does not depend on the outcome (it reads only
   * which request failed: `searchUrls.has(error.config?.url)`); see
   * {@link retriedClientErrorForSome}. Undefined: such tests stay unknown.
   */
  assume?: boolean;
}

/**
 * Whether a test reads which request failed and nothing of the outcome: failure variables only
 * through the request they describe (`error.config.url`, `err.request.path`; the method is probed
 * and so not counted).
 */
function independentOfOutcome(node: Node, st: State): boolean {
  if (!st.failureVars) return false;
  let depends = false;
  let readsRequest = false;
  walk(node, st.sourceCode.visitorKeys, (n) => {
    if (depends) return false;
    if (n.type === T.Identifier) {
      const v = variableOf(st.sourceCode, n);
      if (!v || !st.failureVars!.has(v)) return undefined;
      let p = n.parent;
      while (p && (p.type === T.ChainExpression || p.type === T.TSNonNullExpression)) p = p.parent;
      const first = p?.type === T.MemberExpression && p.object === n ? propertyName(p) : undefined;
      let q: Node | undefined = p?.parent;
      while (q && (q.type === T.ChainExpression || q.type === T.TSNonNullExpression)) q = q.parent;
      const second = q?.type === T.MemberExpression && p && q.object === p ? propertyName(q) : undefined;
      if ((first === 'config' || first === 'request') && second !== 'method') readsRequest = true;
      else depends = true;
    }
    return undefined;
  });
  // A test of the request only: a flag or an option of the caller's (`opts.retryAll`) is not read
  // this way, its default decides (PRODUCT).
  return readsRequest && !depends;
}

/** Positions where a value is used as a truth: tests of `if`/`?:` and the returned answer, through `&&`/`||`/`!`. */
function inTestPosition(n: Node): boolean {
  let c: Node = n;
  let p = n.parent;
  while (p && ((p.type === T.LogicalExpression && p.operator !== '??') || (p.type === T.UnaryExpression && p.operator === '!') || p.type === T.ChainExpression || p.type === T.TSAsExpression || p.type === T.TSNonNullExpression)) {
    c = p;
    p = p.parent;
  }
  if (!p) return false;
  if ((p.type === T.IfStatement || p.type === T.ConditionalExpression) && p.test === c) return true;
  // What the condition answers: its returned value, or an arrow's expression body.
  return p.type === T.ReturnStatement || (p.type === T.ArrowFunctionExpression && p.body === c);
}

/** The parameters of a condition that hold the failure (see {@link State.failureVars}): every one with a role but `other`. */
function failureParams(fn: FunctionNode, roles: Roles, sourceCode: TSESLint.SourceCode): Set<TSESLint.Scope.Variable> {
  const out = new Set<TSESLint.Scope.Variable>();
  fn.params.forEach((p, i) => {
    const role = roles.positional[i] ?? 'other';
    walk(p, sourceCode.visitorKeys, (n) => {
      if (n.type !== T.Identifier) return undefined;
      // A destructured name takes its own role (`{ retryCount }`), else the parameter's.
      const prop = n.parent?.type === T.Property && n.parent.value === n ? n.parent : n.parent?.type === T.AssignmentPattern && n.parent.left === n && n.parent.parent?.type === T.Property ? n.parent.parent : undefined;
      const own = prop && roles.named ? roles.named[propertyName(prop) ?? ''] : undefined;
      if ((own ?? role) === 'other' && !(role === 'error' && prop)) return undefined;
      const v = variableOf(sourceCode, n);
      if (v) out.add(v);
      return undefined;
    });
  });
  return out;
}

/** Whether a node reads a variable that holds the failure (see {@link State.failureVars}); true when that is not tracked. */
function readsFailure(node: Node, st: State): boolean {
  if (!st.failureVars) return true;
  let found = false;
  walk(node, st.sourceCode.visitorKeys, (n) => {
    if (found) return false;
    if (n.type === T.Identifier) {
      const v = variableOf(st.sourceCode, n);
      if (v && st.failureVars!.has(v)) found = true;
    }
    return undefined;
  });
  return found;
}

function isRef(v: Value): v is Ref {
  return typeof v === 'object' && v !== null && 'ref' in v && !Array.isArray(v);
}

function roleValue(role: Role, o: Outcome): Value {
  switch (role) {
    case 'error':
      return { ref: 'error' } satisfies Ref;
    case 'network-error':
      return o.status === undefined ? ({ ref: 'error' } satisfies Ref) : null;
    case 'response':
      return o.status === undefined ? undefined : ({ ref: 'response' } satisfies Ref);
    case 'config':
      return { ref: 'config' } satisfies Ref;
    case 'status':
      return o.status;
    case 'count':
      return o.count ?? UNKNOWN;
    case 'count-options':
      return { ref: 'count-options' } satisfies Ref;
    default:
      return UNKNOWN;
  }
}

function bindParam(p: TSESTree.Parameter, role: Role, roles: Roles, o: Outcome, env: State['env'], sourceCode: TSESLint.SourceCode): boolean {
  const target = p.type === T.AssignmentPattern ? p.left : p;
  if (target.type === T.Identifier) {
    const v = variableOf(sourceCode, target);
    if (v) env.set(v, roleValue(role, o));
    return true;
  }
  if (target.type === T.ObjectPattern) {
    for (const prop of target.properties) {
      if (prop.type !== T.Property) continue;
      const name = propertyName(prop);
      const value = prop.value.type === T.AssignmentPattern ? prop.value.left : prop.value;
      if (value.type !== T.Identifier) continue;
      const v = variableOf(sourceCode, value);
      // A destructured error: `({ response }) => …` reads the error's members.
      const r: Value = name && roles.named?.[name] ? roleValue(roles.named[name]!, o) : role === 'error' && name ? member({ ref: 'error' }, name, o) : UNKNOWN;
      if (v) env.set(v, r);
    }
    return true;
  }
  return target.type !== T.RestElement;
}

function member(obj: Value, name: string, o: Outcome): Value {
  if (obj === undefined || obj === null) return undefined; // `a?.b`; a plain `a.b` would throw, which no retry follows either
  if (isRef(obj)) {
    if (obj.ref === 'error') {
      // A context object around the error (p-retry 7 `{ error, attemptNumber }`, ky `{ error, retryCount }`).
      if (name === 'error') return obj;
      if (name === 'response') return o.status === undefined ? undefined : ({ ref: 'response' } satisfies Ref);
      if (name === 'status' || name === 'statusCode' || name === 'httpStatus') return o.status;
      if (name === 'config' || name === 'request' || name === 'options') return { ref: 'config' } satisfies Ref;
      // tRPC's client error carries the HTTP status in its data (`error.data?.httpStatus`, @trpc/client 10/11
      // `TRPCClientError.data`, also under `shape.data`).
      if (name === 'data' || name === 'shape') return o.status === undefined ? undefined : ({ ref: 'error-data' } satisfies Ref);
      return UNKNOWN;
    }
    if (obj.ref === 'error-data') {
      if (name === 'httpStatus') return o.status;
      if (name === 'data') return obj;
      return UNKNOWN;
    }
    if (obj.ref === 'count-options') return name === 'retryCount' ? o.count ?? UNKNOWN : UNKNOWN;
    if (obj.ref === 'response') {
      if (name === 'status' || name === 'statusCode') return o.status;
      if (name === 'ok') return o.status !== undefined && o.status >= 200 && o.status < 300;
      return UNKNOWN;
    }
    if (name === 'method') return o.method;
    // axios's `error.request` in a browser is the XMLHttpRequest: its `status` is the answer's.
    if (obj.ref === 'config' && name === 'status') return o.status;
    return UNKNOWN;
  }
  if (Array.isArray(obj) && name === 'length') return obj.length;
  if (typeof obj === 'string' && name === 'length') return obj.length;
  return UNKNOWN;
}

/**
 * An imported class named for an HTTP client's answered failure (`TRPCClientError`, ky/got
 * `HTTPError`, `ResponseError`): thrown for an answer with a status. Not `AxiosError`, which axios
 * also throws when no answer came.
 */
function answeredErrorClass(cls: Node, sourceCode: TSESLint.SourceCode): boolean {
  const u = unwrap(cls);
  const name = u.type === T.Identifier ? u.name : u.type === T.MemberExpression ? propertyName(u) : undefined;
  return !!name && /(?:HTTP|Http|Client|Response)Error$/.test(name) && name !== 'AxiosError' && !!originOf(sourceCode, u);
}

function truth(v: Value): boolean | undefined {
  if (v === UNKNOWN) return undefined;
  if (isRef(v)) return true;
  return Boolean(v);
}

/** Runs a function body; for a `procedure` (see {@link Roles.procedure}) reaching the end is "retried" and any `return` is "stopped". */
function runBody(fn: FunctionNode, st: State, procedure = false): Value {
  st.procedure = procedure;
  if (fn.body.type !== T.BlockStatement) return procedure ? true : evaluate(fn.body, st);
  const r = runStatements(fn.body.body, st);
  if (procedure) return r === NO_RETURN ? true : r === UNKNOWN ? UNKNOWN : false;
  return r === NO_RETURN ? undefined : r;
}

const NO_RETURN: unique symbol = Symbol('falls through');

function runStatements(list: readonly TSESTree.Statement[], st: State): Value | typeof NO_RETURN {
  for (let i = 0; i < list.length; i++) {
    const s = list[i]!;
    if (s.type === T.IfStatement && (st.forks ?? 0) < 6) {
      const t = truth(evaluate(s.test, st));
      if (t === undefined) {
        // A test that cannot be read: follow both ways to the end; when they agree (both stop, both
        // go on), so does the condition (`if (err instanceof X && …) return; if (count >= 3) return;`).
        st.forks = (st.forks ?? 0) + 1;
        const rest = list.slice(i + 1);
        const a = runStatements([s.consequent, ...rest], st);
        const b = runStatements(s.alternate ? [s.alternate, ...rest] : rest, st);
        const ka = outcomeKey(a, st);
        const kb = outcomeKey(b, st);
        // A test independent of the failure (`key === '/api/me'`): a way that retries this outcome
        // means the condition retries it, for some value of what the test reads.
        if (!readsFailure(s.test, st)) {
          if (ka === true) return a;
          if (kb === true) return b;
        }
        return ka !== undefined && ka === kb ? a : UNKNOWN;
      }
    }
    const r = runStatement(s, st);
    if (r !== NO_RETURN) return r;
  }
  return NO_RETURN;
}

/** What a path's end means: retried or not (for a procedure, reaching the end retries and any return stops); undefined when unknown. */
function outcomeKey(r: Value | typeof NO_RETURN, st: State): boolean | undefined {
  if (r === UNKNOWN) return undefined;
  if (st.procedure) return r === NO_RETURN;
  return r === NO_RETURN ? false : truth(r);
}

function runStatement(s: TSESTree.Statement, st: State): Value | typeof NO_RETURN {
  switch (s.type) {
    case T.ReturnStatement:
      return s.argument ? evaluate(s.argument, st) : undefined;
    case T.ThrowStatement:
      return false; // a condition that throws stops retrying
    case T.VariableDeclaration:
      for (const d of s.declarations) {
        if (d.init && st.failureVars && readsFailure(d.init, st)) {
          // Names declared from the failure hold it too.
          walk(d.id, st.sourceCode.visitorKeys, (n) => {
            const v = n.type === T.Identifier ? variableOf(st.sourceCode, n) : undefined;
            if (v) st.failureVars!.add(v);
          });
        }
        if (d.id.type === T.Identifier && d.init) {
          const v = variableOf(st.sourceCode, d.id);
          if (v) st.env.set(v, evaluate(d.init, st));
        } else if (d.id.type === T.ObjectPattern && d.init) {
          // `const { status } = error.response`: each name holds the member it reads.
          const obj = evaluate(d.init, st);
          for (const prop of d.id.properties) {
            if (prop.type !== T.Property) continue;
            const name = propertyName(prop);
            const target = prop.value.type === T.AssignmentPattern ? prop.value.left : prop.value;
            if (target.type !== T.Identifier) continue;
            const v = variableOf(st.sourceCode, target);
            if (v) st.env.set(v, name === undefined || obj === UNKNOWN ? UNKNOWN : member(obj, name, st.outcome));
          }
        }
      }
      return NO_RETURN;
    case T.ExpressionStatement:
    case T.EmptyStatement:
    case T.FunctionDeclaration:
      return NO_RETURN;
    case T.BlockStatement:
      return runStatements(s.body, st);
    case T.IfStatement: {
      const t = truth(evaluate(s.test, st));
      if (t === true) return runStatement(s.consequent, st);
      if (t === false) return s.alternate ? runStatement(s.alternate, st) : NO_RETURN;
      return UNKNOWN;
    }
    case T.SwitchStatement:
      return runSwitch(s, st);
    default:
      return UNKNOWN;
  }
}

/**
 * `switch (status) { case 404: return false; default: break; }`: the case whose test equals the
 * discriminant (`===`), else `default`, run with fall-through until a `return` or an unlabelled
 * `break` (which ends the switch). Unknown when the discriminant or a case test cannot be read
 * before the match, or when a `break` sits inside a nested statement.
 */
function runSwitch(s: TSESTree.SwitchStatement, st: State): Value | typeof NO_RETURN {
  const d = evaluate(s.discriminant, st);
  if (d === UNKNOWN || isRef(d)) return UNKNOWN;
  let start = -1;
  for (let i = 0; i < s.cases.length; i++) {
    const c = s.cases[i]!;
    if (!c.test) continue;
    const v = evaluate(c.test, st);
    if (v === UNKNOWN || isRef(v)) return UNKNOWN;
    if (v === d) {
      start = i;
      break;
    }
  }
  if (start < 0) start = s.cases.findIndex((c) => !c.test);
  if (start < 0) return NO_RETURN;
  for (const c of s.cases.slice(start)) {
    for (const stmt of c.consequent) {
      if (stmt.type === T.BreakStatement && !stmt.label) return NO_RETURN;
      const r = runStatement(stmt, st);
      if (r !== NO_RETURN) return r;
    }
  }
  return NO_RETURN;
}

function evaluate(node: Node, st: State): Value {
  if (st.depth > 40) return UNKNOWN;
  st.depth++;
  try {
    const v = evaluateInner(unwrap(node), st);
    if (v === UNKNOWN && st.assume !== undefined && inTestPosition(node) && independentOfOutcome(node, st)) return st.assume;
    return v;
  } finally {
    st.depth--;
  }
}

function evaluateInner(n: Node, st: State): Value {
  if (st.isStatus?.(n)) return st.outcome.status;
  switch (n.type) {
    case T.Literal:
      return n.value;
    case T.TemplateLiteral:
      return n.expressions.length === 0 ? n.quasis[0]?.value.cooked : UNKNOWN;
    case T.Identifier: {
      if (n.name === 'undefined') return undefined;
      const v = variableOf(st.sourceCode, n);
      if (!v) return n.name === 'Infinity' ? Infinity : UNKNOWN;
      if (st.env.has(v)) return st.env.get(v);
      const b = bindingOf(v);
      if (b && b.stable && b.kind === 'init' && b.node && b.path.length === 0) return evaluate(b.node, st);
      return UNKNOWN;
    }
    case T.ArrayExpression: {
      const out: Value[] = [];
      for (const e of n.elements) {
        if (!e || e.type === T.SpreadElement) return UNKNOWN;
        const v = evaluate(e, st);
        if (v === UNKNOWN) return UNKNOWN;
        out.push(v);
      }
      return out;
    }
    case T.NewExpression:
      if (calleeName(n) === 'Set') {
        const list = n.arguments[0] ? evaluate(n.arguments[0], st) : [];
        return Array.isArray(list) ? new Set(list) : UNKNOWN;
      }
      return UNKNOWN;
    case T.MemberExpression: {
      const obj = evaluate(n.object, st);
      // `StatusCodes.NOT_FOUND`, `HttpStatusCode.TooManyRequests`: a status named by its reason phrase.
      if (obj === UNKNOWN) return !n.computed ? namedStatus(n) ?? UNKNOWN : UNKNOWN;
      const name = n.computed ? evaluate(n.property, st) : n.property.type === T.Identifier ? n.property.name : UNKNOWN;
      if (typeof name !== 'string') return UNKNOWN;
      return member(obj, name, st.outcome);
    }
    case T.UnaryExpression: {
      const v = evaluate(n.argument, st);
      if (n.operator === '!') {
        const t = truth(v);
        return t === undefined ? UNKNOWN : !t;
      }
      if (v === UNKNOWN) return UNKNOWN;
      if (n.operator === '-' && typeof v === 'number') return -v;
      if (n.operator === 'typeof') return isRef(v) ? 'object' : typeof v;
      if (n.operator === 'void') return undefined;
      return UNKNOWN;
    }
    case T.BinaryExpression: {
      if (n.left.type === T.PrivateIdentifier) return UNKNOWN;
      // `error instanceof TRPCClientError`, `err instanceof HTTPError`: an imported class of an HTTP
      // client's answered failures is the error of every outcome with a status.
      if (n.operator === 'instanceof') {
        const e = evaluate(n.left, st);
        return isRef(e) && e.ref === 'error' && answeredErrorClass(n.right, st.sourceCode) ? st.outcome.status !== undefined : UNKNOWN;
      }
      const l = evaluate(n.left, st);
      const r = evaluate(n.right, st);
      if (l === UNKNOWN || r === UNKNOWN) return UNKNOWN;
      // `'response' in error`: whether the member is there.
      if (n.operator === 'in' && typeof l === 'string' && isRef(r)) return member(r, l, st.outcome) !== undefined;
      if (n.operator === 'in') return UNKNOWN;
      if (isRef(l) || isRef(r)) {
        if (n.operator === '===' || n.operator === '==') return l === r || (isRef(l) && isRef(r) && l.ref === r.ref) ? UNKNOWN : false;
        if (n.operator === '!==' || n.operator === '!=') return isRef(l) && isRef(r) ? UNKNOWN : true;
        return UNKNOWN;
      }
      return binary(n.operator, l, r);
    }
    case T.LogicalExpression: {
      const l = evaluate(n.left, st);
      if (st.worstFallback && l === UNKNOWN && (n.operator === '??' || n.operator === '||')) {
        const r = evaluate(n.right, st);
        if (typeof r === 'number' && isEffectivelyUnbounded(r)) {
          st.worstFallback.taken = true;
          return r;
        }
      }
      if (n.operator === '??') {
        if (l === UNKNOWN) return UNKNOWN;
        return l === undefined || l === null ? evaluate(n.right, st) : l;
      }
      const t = truth(l);
      if (n.operator === '&&') {
        if (t === false) return l;
        const r = evaluate(n.right, st);
        if (t === true) return r;
        return truth(r) === false ? false : UNKNOWN;
      }
      if (t === true) return l;
      const r = evaluate(n.right, st);
      if (t === false) return r;
      return truth(r) === true ? true : UNKNOWN;
    }
    case T.ConditionalExpression: {
      const t = truth(evaluate(n.test, st));
      if (t === true) return evaluate(n.consequent, st);
      if (t === false) return evaluate(n.alternate, st);
      const a = truth(evaluate(n.consequent, st));
      const b = truth(evaluate(n.alternate, st));
      return a !== undefined && a === b ? a : UNKNOWN;
    }
    case T.CallExpression:
      return call(n, st);
    case T.ArrowFunctionExpression:
    case T.FunctionExpression:
      return UNKNOWN;
    default:
      return UNKNOWN;
  }
}

function binary(op: string, l: Value, r: Value): Value {
  switch (op) {
    case '===':
      return l === r;
    case '!==':
      return l !== r;
    case '==':
      // eslint-disable-next-line eqeqeq
      return l == r;
    case '!=':
      // eslint-disable-next-line eqeqeq
      return l != r;
    case '<':
    case '<=':
    case '>':
    case '>=': {
      if (typeof l !== 'number' && l !== undefined) return UNKNOWN;
      if (typeof r !== 'number' && r !== undefined) return UNKNOWN;
      if (l === undefined || r === undefined) return false; // comparisons with undefined are false
      return op === '<' ? l < r : op === '<=' ? l <= r : op === '>' ? l > r : l >= r;
    }
    case '+':
      return typeof l === 'number' && typeof r === 'number' ? l + r : UNKNOWN;
    case '-':
      return typeof l === 'number' && typeof r === 'number' ? l - r : UNKNOWN;
    case '%':
      return typeof l === 'number' && typeof r === 'number' ? l % r : UNKNOWN;
    case '/':
      return typeof l === 'number' && typeof r === 'number' ? l / r : UNKNOWN;
    default:
      return UNKNOWN;
  }
}

function call(n: TSESTree.CallExpression, st: State): Value {
  const callee = unwrap(n.callee);
  if (callee.type === T.Identifier && callee.name === 'Boolean' && n.arguments[0]) {
    const t = truth(evaluate(n.arguments[0], st));
    return t === undefined ? UNKNOWN : t;
  }
  if (callee.type === T.Identifier && callee.name === 'Number' && n.arguments[0]) {
    const v = evaluate(n.arguments[0], st);
    return v === UNKNOWN || isRef(v) ? UNKNOWN : Number(v);
  }
  const predicate = libraryPredicate(callee, st.sourceCode);
  if (predicate && n.arguments[0] && isRef(evaluate(n.arguments[0], st))) return predicate(st.outcome);
  const helper = objectHelper(callee, st.sourceCode);
  if (helper) return callObjectHelper(helper, n, st);
  if (callee.type === T.Identifier) return callLocal(callee, n, st);
  if (callee.type !== T.MemberExpression) return UNKNOWN;
  const name = propertyName(callee);
  const obj = evaluate(callee.object, st);
  if (obj === UNKNOWN || name === undefined) return UNKNOWN;
  const arg = n.arguments[0] ? evaluate(n.arguments[0], st) : undefined;
  if (name === 'includes' && (Array.isArray(obj) || typeof obj === 'string')) {
    if (arg === UNKNOWN) return UNKNOWN;
    return Array.isArray(obj) ? obj.includes(arg) : typeof arg === 'string' ? obj.includes(arg) : UNKNOWN;
  }
  // `error.hasOwnProperty('response')`: whether the member is there.
  if (name === 'hasOwnProperty' && isRef(obj) && typeof arg === 'string') return member(obj, arg, st.outcome) !== undefined;
  if (name === 'has' && obj instanceof Set) return arg === UNKNOWN ? UNKNOWN : obj.has(arg);
  if (name === 'indexOf' && Array.isArray(obj)) return arg === UNKNOWN ? UNKNOWN : obj.indexOf(arg);
  if (typeof obj === 'string' && (name === 'toLowerCase' || name === 'toUpperCase')) return name === 'toLowerCase' ? obj.toLowerCase() : obj.toUpperCase();
  if (typeof obj === 'number' && name === 'toString') return String(obj);
  if (typeof obj === 'string' && name === 'startsWith' && typeof arg === 'string') return obj.startsWith(arg);
  return UNKNOWN;
}

/**
 * The ways code asks whether an object has a member, or reads a member by a path, without writing
 * `obj.member`: `Object.hasOwn(o, k)`, `Reflect.has(o, k)`, `Object.prototype.hasOwnProperty.call(o, k)`
 * (also `{}.hasOwnProperty.call`), and lodash's `has(o, path)` / `get(o, path, fallback)` (a dotted
 * string or an array of keys; lodash 4 `has.js`, `get.js`). All are judged as the member reads they
 * stand for, so a guard written with them decides what it decides with `'response' in error`.
 */
type ObjectHelper = 'has-own' | 'has-path' | 'get-path';

function objectHelper(callee: Node, sourceCode: TSESLint.SourceCode): ObjectHelper | undefined {
  if (callee.type === T.MemberExpression && !callee.computed) {
    const name = propertyName(callee);
    const obj = unwrap(callee.object);
    // `Object.prototype.hasOwnProperty.call(o, k)`, `{}.hasOwnProperty.call(o, k)`.
    if (name === 'call' && obj.type === T.MemberExpression && propertyName(obj) === 'hasOwnProperty') return 'has-own';
    if (obj.type === T.Identifier && !(variableOf(sourceCode, obj)?.defs.length)) {
      // The global (typescript-eslint declares lib globals as variables without definitions).
      if (obj.name === 'Object' && name === 'hasOwn') return 'has-own';
      if (obj.name === 'Reflect' && name === 'has') return 'has-own';
    }
  }
  const origin = originOf(sourceCode, callee);
  if (!origin || !/^lodash(?:-es|\.(?:get|has))?$|^lodash\/(?:get|has)$/.test(origin.module)) return undefined;
  const path = normalPath(origin);
  const last = path.length === 0 ? origin.module.replace(/^lodash[./]/, '') : path[path.length - 1];
  return last === 'get' ? 'get-path' : last === 'has' ? 'has-path' : undefined;
}

function callObjectHelper(helper: ObjectHelper, n: TSESTree.CallExpression, st: State): Value {
  const [objArg, keyArg, fallbackArg] = n.arguments;
  if (!objArg || !keyArg || objArg.type === T.SpreadElement || keyArg.type === T.SpreadElement) return UNKNOWN;
  let obj = evaluate(objArg, st);
  const key = evaluate(keyArg, st);
  const keys = typeof key === 'string' ? (helper === 'has-own' ? [key] : key.split('.')) : Array.isArray(key) && key.every((k) => typeof k === 'string') ? key : undefined;
  if (!keys || keys.length === 0 || (helper === 'has-own' && keys.length !== 1)) return UNKNOWN;
  for (const k of keys) {
    if (obj === UNKNOWN) return UNKNOWN;
    obj = obj === undefined || obj === null ? undefined : member(obj, k, st.outcome);
  }
  if (obj === UNKNOWN) return UNKNOWN;
  if (helper !== 'get-path') return obj !== undefined;
  if (obj !== undefined) return obj;
  return fallbackArg && fallbackArg.type !== T.SpreadElement ? evaluate(fallbackArg, st) : undefined;
}

/**
 * The function a callee names in this file, when it is one the code cannot replace: a function
 * declaration or a `const` bound to a function expression, never reassigned.
 */
function localFunction(sourceCode: TSESLint.SourceCode, callee: TSESTree.Identifier): FunctionNode | undefined {
  const v = variableOf(sourceCode, callee);
  const b = v ? bindingOf(v) : undefined;
  if (!b || !b.stable || b.path.length > 0 || !b.node) return undefined;
  const fn = b.kind === 'function' || b.kind === 'init' ? unwrap(b.node) : undefined;
  return fn && (fn.type === T.FunctionDeclaration || fn.type === T.FunctionExpression || fn.type === T.ArrowFunctionExpression) && !fn.async && !fn.generator ? fn : undefined;
}

/**
 * A call to a predicate of this file (`isThrottled(error)`, `isRetriable(status)`): its body run
 * with its parameters bound to the values of the arguments, so a test written apart is judged as
 * if written in place. Unknown past a small depth (recursion) or when a parameter is a pattern.
 */
function callLocal(callee: TSESTree.Identifier, n: TSESTree.CallExpression, st: State): Value {
  const fn = localFunction(st.sourceCode, callee);
  if (!fn || st.depth > 30) return UNKNOWN;
  const env = new Map(st.env);
  const failureVars = st.failureVars ? new Set(st.failureVars) : undefined;
  for (let i = 0; i < fn.params.length; i++) {
    const p = fn.params[i]!;
    const target = p.type === T.AssignmentPattern ? p.left : p;
    if (target.type !== T.Identifier) return UNKNOWN;
    const arg = n.arguments[i];
    const v = variableOf(st.sourceCode, target);
    if (!v) return UNKNOWN;
    env.set(v, arg === undefined ? (p.type === T.AssignmentPattern ? evaluate(p.right, st) : undefined) : arg.type === T.SpreadElement ? UNKNOWN : evaluate(arg, st));
    if (failureVars && (!arg || readsFailure(arg, st))) failureVars.add(v);
  }
  const inner: State = { ...st, env, procedure: false, forks: st.forks, failureVars };
  const r = fn.body.type === T.BlockStatement ? runStatements(fn.body.body, inner) : evaluate(fn.body, inner);
  return r === NO_RETURN ? undefined : r;
}

/** Status-like numbers written as literals in a function (100–599), or in the `const` lists and sets it reads. */
function literalStatuses(fn: FunctionNode, sourceCode: TSESLint.SourceCode): Set<number> {
  return literalStatusesIn(fn.body, sourceCode);
}

/** Status-like numbers written as literals in a node (100–599), or in the `const` lists and sets it reads. */
function literalStatusesIn(root: Node, sourceCode: TSESLint.SourceCode): Set<number> {
  const out = new Set<number>();
  const visit = (root: Node, depth: number): void => {
    walk(root, sourceCode.visitorKeys, (n) => {
      if (n.type === T.Literal && typeof n.value === 'number' && Number.isInteger(n.value) && n.value >= 100 && n.value <= 599) out.add(n.value);
      const named = n.type === T.MemberExpression && !n.computed ? namedStatus(n) : undefined;
      if (named !== undefined) out.add(named);
      if (n.type === T.Identifier && depth < 3) {
        const v = variableOf(sourceCode, n);
        const b = v && bindingOf(v);
        if (b && b.kind === 'init' && b.node && !isFunction(b.node)) visit(b.node, depth + 1);
        // A predicate of this file called here: the statuses it names are the condition's too.
        if (n.parent?.type === T.CallExpression && n.parent.callee === n) {
          const fn = localFunction(sourceCode, n);
          if (fn) visit(fn.body, depth + 1);
        }
      }
      return undefined;
    });
  };
  visit(root, 0);
  return out;
}

/**
 * axios-retry's exported predicates, by what they accept (axios-retry 4.x `src/index.ts`): a network
 * error is a failure with no response; `isRetryableError` adds 429 and 5xx; `isSafeRequestError` /
 * `isIdempotentRequestError` keep those for GET, HEAD, OPTIONS (and PUT, DELETE); and
 * `isNetworkOrIdempotentRequestError` is a network error of any method or an idempotent one's.
 * (The probes' methods are GET and POST; the codes it excludes, `ECONNABORTED` and `ERR_CANCELED`,
 * are not probed.)
 */
const AXIOS_RETRY_PREDICATES: Readonly<Record<string, (o: Outcome) => boolean>> = {
  isNetworkError: (o) => o.status === undefined,
  isRetryableError: (o) => o.status === undefined || o.status === 429 || (o.status >= 500 && o.status <= 599),
  isSafeRequestError: (o) => o.method === 'get' && AXIOS_RETRY_PREDICATES.isRetryableError!(o),
  isIdempotentRequestError: (o) => o.method === 'get' && AXIOS_RETRY_PREDICATES.isRetryableError!(o),
  isNetworkOrIdempotentRequestError: (o) => o.status === undefined || AXIOS_RETRY_PREDICATES.isIdempotentRequestError!(o),
};

/** The library predicate a callee names (see {@link AXIOS_RETRY_PREDICATES}), if any. */
function libraryPredicate(callee: Node, sourceCode: TSESLint.SourceCode): ((o: Outcome) => boolean) | undefined {
  const origin = originOf(sourceCode, callee);
  if (!origin || origin.module !== 'axios-retry') return undefined;
  const path = normalPath(origin);
  const name = path[path.length - 1];
  return name !== undefined && Object.hasOwn(AXIOS_RETRY_PREDICATES, name) ? AXIOS_RETRY_PREDICATES[name] : undefined;
}

/** Whether the condition calls a library predicate whose answer depends on the request's method. */
function callsMethodPredicate(fn: FunctionNode, sourceCode: TSESLint.SourceCode): boolean {
  let found = false;
  walk(fn.body, sourceCode.visitorKeys, (n) => {
    if (found) return false;
    if (n.type === T.CallExpression) {
      const p = libraryPredicate(unwrap(n.callee), sourceCode);
      if (p && p !== AXIOS_RETRY_PREDICATES.isNetworkError && p !== AXIOS_RETRY_PREDICATES.isRetryableError) found = true;
    }
    return undefined;
  });
  return found;
}

function readsMember(fn: FunctionNode, sourceCode: TSESLint.SourceCode, name: string): boolean {
  let found = false;
  walk(fn.body, sourceCode.visitorKeys, (n) => {
    if (n.type === T.MemberExpression && propertyName(n) === name) found = true;
    if (n.type === T.Property && n.parent?.type === T.ObjectPattern && propertyName(n) === name) found = true;
    return !found;
  });
  for (const p of fn.params) {
    walk(p, sourceCode.visitorKeys, (n) => {
      if (n.type === T.Property && propertyName(n) === name) found = true;
    });
  }
  return found;
}

/**
 * A status named by its reason phrase on a constants object (`StatusCodes.NOT_FOUND`,
 * `HttpStatus.TOO_MANY_REQUESTS`, `HttpStatusCode.NotFound`, `StatusCode.ClientErrorNotFound`).
 * Only a member of a plain name (an imported or global constants object) counts.
 */
function namedStatus(n: TSESTree.MemberExpression): number | undefined {
  const obj = unwrap(n.object);
  if (obj.type !== T.Identifier || n.property.type !== T.Identifier) return undefined;
  return statusByName(n.property.name);
}

/**
 * The first status check of a condition, in source order: an equality test with a status (a
 * literal 100–599 or a named status; a range such as `>= 400` is the condition itself), or a list look-up (`includes`, `has`, `indexOf`) of one. Where
 * `no-retry-on-client-error` reports a condition that lets some 4xx through (PRODUCT: "the status
 * check"); undefined when the condition names no status itself. With `only`, the first equality
 * test with one of those statuses (where `respect-retry-after` reports a 429 / 503 check).
 */
export function firstStatusCheck(fn: FunctionNode, sourceCode: TSESLint.SourceCode, only?: readonly number[]): Node | undefined {
  return statusCheckIn(fn.body, sourceCode, only);
}

/**
 * As {@link firstStatusCheck}, in any node (a test): the first status check in evaluation order,
 * looking into the predicates of this file it calls (`isThrottled(error)`), where the check is written.
 */
export function statusCheckIn(root: Node, sourceCode: TSESLint.SourceCode, only?: readonly number[], depth = 0): Node | undefined {
  let found: Node | undefined;
  const isStatus = (x: Node): boolean => {
    const u = unwrap(x);
    const c = constantNumber(sourceCode, u);
    const code = c !== undefined && Number.isInteger(c) && c >= 100 && c <= 599 ? c : u.type === T.MemberExpression && !u.computed ? namedStatus(u) : undefined;
    return code !== undefined && (!only || only.includes(code));
  };
  walk(root, sourceCode.visitorKeys, (n) => {
    if (found) return false;
    if (depth < 3 && n.type === T.CallExpression && n.callee.type === T.Identifier) {
      const callee = localFunction(sourceCode, n.callee);
      const inner = callee ? statusCheckIn(callee.body, sourceCode, only, depth + 1) : undefined;
      if (inner) {
        found = inner;
        return false;
      }
    }
    if (n.type === T.BinaryExpression && /^[!=]==?$/.test(n.operator) && n.left.type !== T.PrivateIdentifier && (isStatus(n.left) || isStatus(n.right))) found = n;
    // `response.status > 400`, `status >= 400`: a range check, when its other side reads a status.
    else if (!only && n.type === T.BinaryExpression && /^[<>]=?$/.test(n.operator) && n.left.type !== T.PrivateIdentifier && ((isStatus(n.right) && readsStatusMember(n.left, sourceCode)) || (isStatus(n.left) && readsStatusMember(n.right, sourceCode)))) found = n;
    else if (n.type === T.CallExpression && /^(includes|has|indexOf)$/.test(calleeName(n) ?? '') && n.arguments.length === 1) {
      const args = n.arguments[0]!;
      const callee = unwrap(n.callee);
      // With statuses asked for, a list that holds one of them (`RETRYABLE.includes(status)`, 429 in `RETRYABLE`).
      const listed = (): boolean => {
        const values = callee.type === T.MemberExpression ? staticValues(sourceCode, callee.object) : undefined;
        return !!values?.flat().some((v) => typeof v === 'number' && only!.includes(v));
      };
      if (readsStatusMember(args, sourceCode) && (!only || listed())) found = n;
    }
    return found ? false : undefined;
  });
  return found;
}

function readsStatusMember(n: Node, sourceCode: TSESLint.SourceCode, depth = 0): boolean {
  let yes = false;
  walk(n, sourceCode.visitorKeys, (m) => {
    if (m.type === T.MemberExpression && /^(status|statusCode)$/.test(propertyName(m) ?? '')) yes = true;
    if (m.type === T.Identifier && /^(status|statusCode|code)$/i.test(m.name)) yes = true;
    // A local read from a status member, whatever its name (`const s = error?.response?.status`).
    if (!yes && m.type === T.Identifier && depth < 2) {
      const def = variableOf(sourceCode, m)?.defs[0];
      const init = def?.type === 'Variable' ? (def.node as TSESTree.VariableDeclarator).init : undefined;
      if (init && readsStatusMember(init, sourceCode, depth + 1)) yes = true;
    }
    return yes ? false : undefined;
  });
  return yes;
}
