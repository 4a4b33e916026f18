import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { ASTUtils, AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { calleeName, isFunction, propertyName, stringValue, unwrap, walk } from './ast';
import { bindingOf, laterWrites, variableOf } from './scope';
import type { DelayFacts, Node } from './types';

type Variable = TSESLint.Scope.Variable;

/**
 * An abstract value: the interval a number can take over every attempt of a retry, and what it
 * is made of. Durations are in milliseconds once they reach a wait.
 */
export interface Value {
  lo: number;
  hi: number;
  /** Has a random component. For joins (`a ?? b`, ternaries): every branch is random. */
  random: boolean;
  /** Depends on the attempt number (grows with it). */
  attempt: boolean;
  /** `hi` is infinite because it grows with an attempt number that has no known bound. */
  unboundedGrowth: boolean;
  /** Part of it could not be resolved. */
  opaque: boolean;
  /** It is the server's Retry-After (converted), or computed from it. */
  retryAfter: 'exact' | 'derived' | undefined;
  /** It is `Date.now()` or similar: subtracting it converts an HTTP-date to a delay. */
  now: boolean;
  /** The smallest explicit cap applied (`Math.min`, clamp, ternary), in ms. */
  cap: number | undefined;
  /** A cap is applied, possibly of unknown size (`Math.min(x, options.maxDelayMs)`). */
  capped: boolean;
  /** One branch is the server's Retry-After and another a backoff with no randomness (`header ? ra : 500 * 2 ** n`). */
  unjitteredBranch?: boolean;
  /** Where the interesting part comes from (a binding's initialiser), for reporting. */
  source: Node | undefined;
}

/** The counter of a retry: its variable and the interval of values it takes while a delay is computed. */
export interface AttemptVar {
  variable: Variable;
  lo: number;
  /** Largest value; `Infinity` when the bound is unknown or absent. */
  hi: number;
}

/** What the evaluator knows about the retry around the expression. */
export interface Env {
  sourceCode: TSESLint.SourceCode;
  attempts: AttemptVar[];
  /** Values bound to parameters while evaluating a same-file function's body. */
  params: Map<Variable, Value>;
  /** Variables being evaluated (breaks cycles). */
  visiting: Set<Variable>;
  depth: number;
  /** How many attempts the retry makes at most, when known (bounds a doubling variable). */
  iterations: number | undefined;
  /**
   * An attempt counter kept on an object (`config.__retryCount`, found by data flow by the site's
   * analysis): the interval it takes at the wait, or undefined for any other member.
   */
  attemptMember?: (n: TSESTree.MemberExpression) => { lo: number; hi: number } | undefined;
}

const NUM = (n: number): Value => ({ lo: n, hi: n, random: false, attempt: false, unboundedGrowth: false, opaque: false, retryAfter: undefined, now: false, cap: undefined, capped: false, source: undefined });
const OPAQUE = (): Value => ({ lo: 0, hi: Infinity, random: false, attempt: false, unboundedGrowth: false, opaque: true, retryAfter: undefined, now: false, cap: undefined, capped: false, source: undefined });
const RETRY_AFTER = (): Value => ({ lo: 0, hi: Infinity, random: false, attempt: false, unboundedGrowth: false, opaque: false, retryAfter: 'exact', now: false, cap: undefined, capped: false, source: undefined });

/** Header and property names that carry a server-chosen delay. */
const RETRY_AFTER_RE = /^(retry[-_]?after(ms|seconds|sec|s)?|x-ratelimit-reset(-after)?|ratelimit-reset|x-rate-limit-reset)$/i;

/** Names of attempt counters (`attempt`, `retryCount`, `__retryCount`, `tries`). */
const ATTEMPT_NAME_RE = /^_*(n|retry|retries|tries)$|attempts?(Count|Number|No|Index|Left|Remaining)?$|retr(y|ies)(Count|Number|No|Index|Left|Remaining)$|^(num|n)Retries$|tryCount$|failures?Count$|^_*failures$|^(tries|retries)(Left|Remaining)$/i;

/** Names of helpers that return a random number. */
const RANDOM_CALL_RE = /random|jitter/i;
/** Names of clamp helpers: `clamp(x, lo, hi)`, `cap(x, max)`. */
const CLAMP_RE = /^(clamp|cap|capped|limit|bound|bounded|clampDelay|capDelay)$/i;

/** Creates an evaluation environment. */
export function makeEnv(sourceCode: TSESLint.SourceCode, attempts: AttemptVar[] = [], iterations?: number): Env {
  return { sourceCode, attempts, params: new Map(), visiting: new Set(), depth: 0, iterations };
}

/** Whether a name or string literal names Retry-After (or a rate-limit reset header). */
export function isRetryAfterName(name: string | undefined): boolean {
  return name !== undefined && RETRY_AFTER_RE.test(name);
}

function join(a: Value, b: Value): Value {
  const backoffBeside = (x: Value, y: Value): boolean => x.retryAfter === 'exact' && !y.retryAfter && y.attempt && !y.random;
  return {
    unjitteredBranch: a.unjitteredBranch || b.unjitteredBranch || backoffBeside(a, b) || backoffBeside(b, a),
    lo: Math.min(a.lo, b.lo),
    hi: Math.max(a.hi, b.hi),
    random: a.random && b.random,
    attempt: a.attempt || b.attempt,
    unboundedGrowth: a.unboundedGrowth || b.unboundedGrowth,
    opaque: a.opaque || b.opaque,
    retryAfter: a.retryAfter === 'derived' || b.retryAfter === 'derived' ? 'derived' : (a.retryAfter ?? b.retryAfter),
    now: a.now && b.now,
    cap: a.cap !== undefined && b.cap !== undefined ? Math.max(a.cap, b.cap) : undefined,
    capped: (a.capped || !a.retryAfter) && (b.capped || !b.retryAfter) && (a.capped || b.capped),
    source: a.source ?? b.source,
  };
}

function combine(a: Value, b: Value, lo: number, hi: number): Value {
  const unjitteredBranch = (a.unjitteredBranch || b.unjitteredBranch) && !a.random && !b.random;
  const unboundedGrowth = (a.unboundedGrowth || b.unboundedGrowth || ((a.attempt || b.attempt) && hi === Infinity && !a.opaque && !b.opaque)) && hi === Infinity;
  return {
    lo,
    hi,
    random: a.random || b.random,
    attempt: a.attempt || b.attempt,
    unboundedGrowth,
    opaque: a.opaque || b.opaque,
    retryAfter: a.retryAfter || b.retryAfter ? 'derived' : undefined,
    now: false,
    cap: a.cap ?? b.cap,
    capped: (a.capped || !a.retryAfter) && (b.capped || !b.retryAfter) && (a.capped || b.capped),
    unjitteredBranch,
    source: a.source ?? b.source,
  };
}

function isConst(v: Value, n?: number): boolean {
  return !v.random && !v.attempt && !v.opaque && !v.retryAfter && v.lo === v.hi && (n === undefined || v.lo === n);
}

function safe(n: number): number {
  return Number.isNaN(n) ? Infinity : n;
}

/** Evaluates an expression to an abstract value. Never throws. */
export function evaluate(node: Node | null | undefined, env: Env): Value {
  if (!node || env.depth > 40) return OPAQUE();
  env.depth++;
  try {
    return evalInner(unwrap(node), env);
  } catch {
    return OPAQUE();
  } finally {
    env.depth--;
  }
}

function evalInner(n: Node, env: Env): Value {
  switch (n.type) {
    case T.Literal: {
      if (typeof n.value === 'number') return NUM(n.value);
      if (typeof n.value === 'string') {
        const num = Number(n.value);
        return n.value.trim() !== '' && Number.isFinite(num) ? NUM(num) : OPAQUE();
      }
      if (typeof n.value === 'bigint') return NUM(Number(n.value));
      return OPAQUE();
    }
    case T.Identifier:
      return evalIdentifier(n, env);
    case T.MemberExpression:
      return evalMember(n, env);
    case T.CallExpression:
      return evalCall(n, env);
    case T.BinaryExpression:
      return evalBinary(n, env);
    case T.LogicalExpression: {
      if (n.operator === '&&') return evaluate(n.right, env);
      const left = evaluate(n.left, env);
      const right = evaluate(n.right, env);
      // `options.retries ?? 3`: an unknown option with a known default counts as the default.
      if (left.opaque && !left.attempt && !left.retryAfter && !right.opaque && !readsEnvironment(n.left, env)) return right;
      return join(left, right);
    }
    case T.ConditionalExpression:
      return evalConditional(n, env);
    case T.UnaryExpression: {
      const v = evaluate(n.argument, env);
      if (n.operator === '-') return { ...v, lo: -v.hi, hi: -v.lo };
      if (n.operator === '+' || n.operator === '~') return v;
      return OPAQUE();
    }
    case T.UpdateExpression:
      return evaluate(n.argument, env);
    case T.AwaitExpression:
      return evaluate(n.argument, env);
    case T.AssignmentExpression:
      return n.operator === '=' ? evaluate(n.right, env) : evaluate(n.left, env);
    case T.SequenceExpression:
      return evaluate(n.expressions[n.expressions.length - 1], env);
    case T.TemplateLiteral:
      return n.expressions.length === 0 ? evalInner({ ...n, type: T.Literal, value: n.quasis[0]?.value.cooked ?? '', raw: '' } as unknown as Node, env) : OPAQUE();
    default:
      return OPAQUE();
  }
}

function attemptOf(env: Env, variable: Variable | undefined): AttemptVar | undefined {
  return variable ? env.attempts.find((a) => a.variable === variable) : undefined;
}

function evalIdentifier(n: TSESTree.Identifier, env: Env): Value {
  if (n.name === 'Infinity') return NUM(Infinity);
  if (n.name === 'undefined') return OPAQUE();
  const variable = variableOf(env.sourceCode, n);
  if (!variable) return OPAQUE();
  const bound = env.params.get(variable);
  if (bound) return bound;
  const attempt = attemptOf(env, variable);
  if (attempt) {
    return { ...NUM(0), lo: attempt.lo, hi: attempt.hi, attempt: true, unboundedGrowth: attempt.hi === Infinity };
  }
  if (isRetryAfterName(n.name)) {
    // `retryAfter`, `retryAfterMs`: a value the server chose; still resolve it if we can.
    const v = evalBinding(variable, env);
    return v.opaque ? { ...RETRY_AFTER(), source: undefined } : v;
  }
  return evalBinding(variable, env);
}

function evalBinding(variable: Variable, env: Env): Value {
  if (env.visiting.has(variable)) return OPAQUE();
  const b = bindingOf(variable);
  if (!b) return OPAQUE();
  env.visiting.add(variable);
  try {
    if (b.kind === 'param-default') return evaluate(b.node, env);
    if (b.kind === 'init' && !b.node && !b.stable) {
      // `let timeoutMs; if (…) timeoutMs = a; else timeoutMs = b;`: the values it is given.
      return evalGrowingVariable(variable, variable.defs[0]!.name, { ...OPAQUE(), hi: -Infinity, lo: Infinity, opaque: false, random: true }, env);
    }
    if (b.kind === 'init' && b.node) {
      const init = evaluate(b.node, env);
      if (!b.stable) return evalGrowingVariable(variable, b.node, init, env);
      return init.attempt || init.retryAfter || init.unboundedGrowth ? { ...init, source: b.node } : init;
    }
    if (b.kind === 'param' && ATTEMPT_NAME_RE.test(variable.name)) return { ...OPAQUE(), attempt: true };
    return OPAQUE();
  } finally {
    env.visiting.delete(variable);
  }
}

/**
 * A `let` reassigned after its initialiser: a doubling variable (`d *= 2`, `d = Math.min(d * 2, cap)`)
 * grows with the attempt; other writes are joined with the initial value.
 */
function evalGrowingVariable(variable: Variable, initNode: Node, init: Value, env: Env): Value {
  let result = init;
  let grows = false;
  let cap: number | undefined;
  let factor = 2;
  let anyRandom = false;
  for (const ref of laterWrites(variable)) {
    const id = ref.identifier as TSESTree.Identifier;
    const parent = id.parent;
    if (parent?.type === T.UpdateExpression) {
      grows = true;
      continue;
    }
    if (parent?.type !== T.AssignmentExpression) return { ...OPAQUE(), source: initNode };
    if (parent.operator === '*=' || parent.operator === '+=' || parent.operator === '<<=' || parent.operator === '**=') {
      const k = evaluate(parent.right, env);
      if (parent.operator === '*=' && isConst(k) && k.lo <= 1) continue;
      grows = true;
      if (parent.operator === '*=' && Number.isFinite(k.hi)) factor = Math.max(factor, k.hi);
      if (parent.operator === '+=' && Number.isFinite(k.hi) && Number.isFinite(init.hi) && init.hi > 0) factor = Math.max(factor, 1 + k.hi / init.hi);
      if (k.random) result = { ...result, random: result.random };
      continue;
    }
    if (parent.operator === '=') {
      // `d = d * 2`, `d = Math.min(d * 2, cap)`: evaluate with `d` standing for its initial value.
      const refsSelf = refersTo(parent.right, variable, env.sourceCode);
      const rhs = refsSelf ? evaluate(parent.right, env) : undefined;
      if (rhs?.random) {
        // `d = Math.random() * d` (on some path): jitter, not growth.
        anyRandom = true;
        continue;
      }
      if (refsSelf) {
        grows = true;
        const capped = capOf(parent.right, env);
        if (capped !== undefined) cap = cap === undefined ? capped : Math.max(cap, capped);
      } else {
        // `if (opts.jitter) d = Math.random() * base`: a random value on one path is jitter the
        // caller's options choose (F1); the join alone would keep only what every path shares.
        const v = evaluate(parent.right, env);
        if (v.random) anyRandom = true;
        result = join(result, v);
      }
      continue;
    }
    return { ...OPAQUE(), source: initNode };
  }
  // A random component on one path (`if (options.jitter) d = Math.random() * d`) counts: the code has jitter.
  if (anyRandom) result = { ...result, random: true };
  if (!grows) return result;
  const reach = env.iterations !== undefined && Number.isFinite(result.hi) ? result.hi * factor ** Math.max(0, env.iterations - 1) : Infinity;
  const hi = Math.min(cap ?? Infinity, reach);
  return { ...result, hi: Math.max(result.hi, hi), attempt: true, unboundedGrowth: !Number.isFinite(hi), cap: cap ?? result.cap, source: undefined };
}

function refersTo(node: Node, variable: Variable, sourceCode: TSESLint.SourceCode): boolean {
  let found = false;
  walk(node, sourceCode.visitorKeys, (n) => {
    if (found) return false;
    if (n.type === T.Identifier && variable.references.some((r) => r.identifier === n)) found = true;
    return undefined;
  });
  return found;
}

/** The cap a `Math.min(…, C)` at the top of an expression applies, if any. */
function capOf(node: Node, env: Env): number | undefined {
  const n = unwrap(node);
  if (n.type === T.CallExpression && isMathCall(n, 'min')) {
    const caps = n.arguments.map((a) => evaluate(a, env)).filter((v) => !v.attempt && !v.opaque && Number.isFinite(v.hi));
    if (caps.length > 0) return Math.min(...caps.map((c) => c.hi));
  }
  return undefined;
}

function isMathCall(call: TSESTree.CallExpression, name: string): boolean {
  const c = unwrap(call.callee);
  return c.type === T.MemberExpression && !c.computed && propertyName(c) === name && unwrap(c.object).type === T.Identifier && (unwrap(c.object) as TSESTree.Identifier).name === 'Math';
}

function evalMember(n: TSESTree.MemberExpression, env: Env): Value {
  const name = propertyName(n);
  if (isRetryAfterName(name)) return RETRY_AFTER();
  const counter = env.attemptMember?.(n);
  if (counter) return { ...NUM(0), lo: counter.lo, hi: counter.hi, attempt: true, unboundedGrowth: counter.hi === Infinity };
  // Lookup table: `SCHEDULE[attempt]`.
  if (n.computed) {
    const index = evaluate(n.property, env);
    const table = arrayValues(n.object, env);
    if (table && table.length > 0) {
      const v = { ...NUM(0), lo: Math.min(...table), hi: Math.max(...table) };
      return index.attempt ? { ...v, attempt: true, source: undefined } : index.opaque ? v : v;
    }
  }
  const stat = staticNumber(n, env);
  if (stat !== undefined) return NUM(stat);
  // `config.__retryCount`, `this.attempts`: an attempt counter kept on an object.
  if (name !== undefined && ATTEMPT_NAME_RE.test(name)) return { ...OPAQUE(), attempt: true };
  // `opts.retries` where `opts` is bound to an object literal (a const, or a parameter's default).
  const literal = objectBinding(n.object, env);
  if (literal && name !== undefined) {
    const prop = literal.properties.find((p): p is TSESTree.Property => p.type === T.Property && propertyName(p) === name);
    if (prop) return evaluate(prop.value, env);
  }
  if (name === 'length') {
    const arr = arrayValues(n.object, env);
    if (arr) return NUM(arr.length);
  }
  return OPAQUE();
}

function objectBinding(node: Node, env: Env): TSESTree.ObjectExpression | undefined {
  const o = unwrap(node);
  if (o.type === T.ObjectExpression) return o;
  if (o.type !== T.Identifier) return undefined;
  const v = variableOf(env.sourceCode, o);
  const b = v && bindingOf(v);
  if (!b || !b.node || !b.stable || (b.kind !== 'init' && b.kind !== 'param-default')) return undefined;
  const init = unwrap(b.node);
  return init.type === T.ObjectExpression ? init : undefined;
}

function arrayValues(node: Node, env: Env): number[] | undefined {
  try {
    const r = ASTUtils.getStaticValue(unwrap(node) as TSESTree.Node, env.sourceCode.getScope(node));
    if (r && Array.isArray(r.value) && r.value.every((x) => typeof x === 'number')) return r.value as number[];
  } catch {
    return undefined;
  }
  return undefined;
}

function staticNumber(node: Node, env: Env): number | undefined {
  try {
    const r = ASTUtils.getStaticValue(node as TSESTree.Node, env.sourceCode.getScope(node));
    if (r && typeof r.value === 'number') return r.value;
  } catch {
    return undefined;
  }
  return undefined;
}

function evalCall(n: TSESTree.CallExpression, env: Env): Value {
  const callee = unwrap(n.callee);
  const name = calleeName(n);
  const objName = callee.type === T.MemberExpression ? (unwrap(callee.object).type === T.Identifier ? (unwrap(callee.object) as TSESTree.Identifier).name : undefined) : undefined;
  const args = n.arguments.map((a) => (a.type === T.SpreadElement ? OPAQUE() : evaluate(a, env)));
  if (objName === 'Math' || objName === 'Number') {
    switch (name) {
      case 'random':
        return { ...NUM(0), lo: 0, hi: 1, random: true };
      case 'min': {
        if (args.length === 0) return OPAQUE();
        let out = args[0]!;
        for (const a of args.slice(1)) out = minOf(out, a);
        return out;
      }
      case 'max': {
        if (args.length === 0) return OPAQUE();
        let out = args[0]!;
        for (const a of args.slice(1)) out = maxOf(out, a);
        return out;
      }
      case 'pow':
        return args.length === 2 ? power(args[0]!, args[1]!) : OPAQUE();
      case 'floor':
      case 'ceil':
      case 'round':
      case 'trunc':
      case 'abs':
      case 'parseInt':
      case 'parseFloat':
        return args[0] ?? OPAQUE();
      case 'exp':
        return args[0] ? { ...args[0], lo: Math.exp(args[0].lo), hi: Math.exp(args[0].hi) } : OPAQUE();
      default:
        return OPAQUE();
    }
  }
  if (objName === 'Date' && name === 'parse') return args[0]?.retryAfter ? args[0] : OPAQUE();
  if ((objName === 'Date' || objName === 'performance') && name === 'now') return { ...OPAQUE(), now: true, opaque: false };
  if (callee.type === T.Identifier && (name === 'Number' || name === 'parseInt' || name === 'parseFloat')) return args[0] ?? OPAQUE();
  // `headers.get('Retry-After')`, `getHeader('retry-after')`.
  if ((name === 'get' || name === 'getHeader' || name === 'header') && isRetryAfterName(stringValue(n.arguments[0]))) return RETRY_AFTER();
  if (name && CLAMP_RE.test(name) && args.length >= 2) {
    const value = args[0]!;
    const hiArg = args[args.length - 1]!;
    return minOf(value, hiArg);
  }
  if (name && RANDOM_CALL_RE.test(name)) {
    const hi = args.length > 0 ? Math.max(...args.map((a) => a.hi)) : 1;
    const base = args.reduce<Value | undefined>((acc, a) => (acc ? combine(acc, a, 0, hi) : a), undefined) ?? NUM(0);
    return { ...base, lo: 0, hi, random: true, retryAfter: base.retryAfter ? 'derived' : undefined };
  }
  // Same-file function: evaluate its returned expressions with the parameters bound.
  const fn = sameFileFunction(callee, env);
  if (fn) return evalFunctionCall(fn, args, env);
  if (args.some((a) => a.retryAfter)) {
    // A helper given the Retry-After header (`parseRetryAfter(res.headers.get('retry-after'))`) converts it.
    return RETRY_AFTER();
  }
  return OPAQUE();
}

function minOf(a: Value, b: Value): Value {
  const capA = !a.attempt && !a.opaque && !a.retryAfter && Number.isFinite(a.hi) ? a.hi : undefined;
  const capB = !b.attempt && !b.opaque && !b.retryAfter && Number.isFinite(b.hi) ? b.hi : undefined;
  const cap = capA !== undefined && capB !== undefined ? Math.min(capA, capB) : (capA ?? capB);
  const hi = Math.min(a.hi, b.hi);
  // A cap of unknown size (an option) still caps: growth or Retry-After under it is not unbounded.
  const capLike = (v: Value): boolean => !v.attempt && !v.retryAfter;
  const bounded = Number.isFinite(hi) || capLike(a) || capLike(b);
  return {
    lo: Math.min(a.lo, b.lo),
    hi,
    random: a.random || b.random,
    attempt: a.attempt || b.attempt,
    unboundedGrowth: bounded ? false : a.unboundedGrowth && b.unboundedGrowth,
    opaque: a.opaque || b.opaque,
    retryAfter: a.retryAfter ?? b.retryAfter,
    now: false,
    cap: cap ?? a.cap ?? b.cap,
    capped: true,
    unjitteredBranch: (a.unjitteredBranch || b.unjitteredBranch) && !a.random && !b.random,
    source: a.source ?? b.source,
  };
}

function maxOf(a: Value, b: Value): Value {
  return {
    lo: Math.max(a.lo, b.lo),
    hi: Math.max(a.hi, b.hi),
    random: a.random || b.random,
    attempt: a.attempt || b.attempt,
    unboundedGrowth: a.unboundedGrowth || b.unboundedGrowth,
    opaque: a.opaque || b.opaque,
    retryAfter: a.retryAfter ?? b.retryAfter,
    now: false,
    cap: a.cap !== undefined && b.cap !== undefined ? Math.max(a.cap, b.cap) : undefined,
    capped: a.capped && b.capped,
    unjitteredBranch: a.unjitteredBranch || b.unjitteredBranch,
    source: a.source ?? b.source,
  };
}

function power(base: Value, exp: Value): Value {
  const cands = [base.lo ** exp.lo, base.lo ** exp.hi, base.hi ** exp.lo, base.hi ** exp.hi].map(safe);
  return combine(base, exp, Math.min(...cands), Math.max(...cands));
}

function evalBinary(n: TSESTree.BinaryExpression, env: Env): Value {
  if (n.left.type === T.PrivateIdentifier) return OPAQUE();
  const a = evaluate(n.left, env);
  const b = evaluate(n.right, env);
  switch (n.operator) {
    case '*': {
      const c = [a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi].map((x) => (Number.isNaN(x) ? 0 : x));
      const v = combine(a, b, Math.min(...c), Math.max(...c));
      // `seconds * 1000` converts Retry-After from seconds to ms: still exact.
      if (a.retryAfter === 'exact' && isConst(b, 1000)) return { ...v, retryAfter: 'exact' };
      if (b.retryAfter === 'exact' && isConst(a, 1000)) return { ...v, retryAfter: 'exact' };
      if (a.retryAfter && isConst(b) && b.lo === 1) return { ...v, retryAfter: a.retryAfter };
      return v;
    }
    case '+': {
      const v = combine(a, b, a.lo + b.lo, safe(a.hi + b.hi));
      if (a.retryAfter === 'exact' && isConst(b, 0)) return { ...v, retryAfter: 'exact' };
      return v;
    }
    case '-': {
      if (b.now && a.retryAfter) return a;
      const v = combine(a, b, safe(a.lo - b.hi), safe(a.hi - b.lo));
      return v;
    }
    case '/': {
      if (isConst(b) && b.lo > 0) return combine(a, b, a.lo / b.lo, a.hi / b.lo);
      return combine(a, b, 0, Infinity);
    }
    case '**':
      return power(a, b);
    case '<<': {
      const e = { ...b };
      return combine(a, b, a.lo * 2 ** e.lo, safe(a.hi * 2 ** e.hi));
    }
    case '>>':
    case '>>>':
    case '|':
    case '&':
      return a;
    default:
      return OPAQUE();
  }
}

/** Whether an expression reads the environment (`process.env.X`, `import.meta.env.X`): a value the deployer chooses. */
function readsEnvironment(node: Node, env: Env): boolean {
  let found = false;
  walk(node, env.sourceCode.visitorKeys, (n) => {
    if (found) return false;
    if (n.type === T.MemberExpression && propertyName(n) === 'env') found = true;
    return undefined;
  });
  return found;
}

function evalConditional(n: TSESTree.ConditionalExpression, env: Env): Value {
  // Clamp written as a ternary: `x > C ? C : x`, `x < C ? x : C`.
  const t = unwrap(n.test);
  if (t.type === T.BinaryExpression && ['<', '<=', '>', '>='].includes(t.operator) && t.left.type !== T.PrivateIdentifier) {
    const txt = (x: Node): string => env.sourceCode.getText(x);
    const [l, r, c, alt] = [txt(t.left), txt(t.right), txt(n.consequent), txt(n.alternate)];
    const greater = t.operator === '>' || t.operator === '>=';
    if ((greater && c === r && alt === l) || (!greater && c === l && alt === r)) return minOf(evaluate(t.left, env), evaluate(t.right, env));
    if ((greater && c === l && alt === r) || (!greater && c === r && alt === l)) return maxOf(evaluate(t.left, env), evaluate(t.right, env));
  }
  const a = evaluate(n.consequent, env);
  const b = evaluate(n.alternate, env);
  const out = join(a, b);
  // `options.randomize ? Math.random() + 1 : 1`, `spread > 0 ? Math.random() * spread : 0`: randomness
  // on a branch chosen by configuration is jitter the caller can have (F1). A branch chosen by the
  // response (`retryAfter ? ra : 500 * 2 ** n`) keeps its own verdict.
  if ((a.random || b.random) && !a.retryAfter && !b.retryAfter && !readsOutcome(n.test, env)) return { ...out, random: true, unjitteredBranch: false };
  return out;
}

/** Names of values an attempt's outcome gives: a response, a status, an error, a server-given delay. */
const OUTCOME_NAME_RE = /^(res|resp|response|status|statusCode|code|err|error|e|ex|headers?|body|result|retryAfter.*)$/i;

/** Whether a test reads the attempt's outcome (a response, status, error or header) rather than configuration. */
function readsOutcome(test: Node, env: Env): boolean {
  let found = false;
  walk(test, env.sourceCode.visitorKeys, (m) => {
    if (found) return false;
    if (m.type === T.Identifier && (OUTCOME_NAME_RE.test(m.name) || isRetryAfterName(m.name))) found = true;
    if (m.type === T.CallExpression && calleeName(m) === 'get') found = true; // headers.get(…)
    return undefined;
  });
  return found;
}

type FunctionNode = TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression;

/** Resolves a callee to a function defined in this file (declaration, `const f = () => …`, `this.method`). */
export function sameFileFunction(callee: Node, env: { sourceCode: TSESLint.SourceCode }): FunctionNode | undefined {
  const c = unwrap(callee);
  if (isFunction(c)) return c;
  if (c.type === T.Identifier) {
    const v = variableOf(env.sourceCode, c);
    const b = v && bindingOf(v);
    if (!b) return undefined;
    if (b.kind === 'function' && b.node && b.node.type === T.FunctionDeclaration) return b.node;
    if (b.kind === 'init' && b.stable && b.node) {
      const init = unwrap(b.node);
      if (isFunction(init)) return init;
    }
    return undefined;
  }
  if (c.type === T.MemberExpression && unwrap(c.object).type === T.Identifier) {
    // `Timing.linger(ms)` (a static method of a same-file class), `timing.linger(ms)` (a const object's method).
    const name = propertyName(c);
    const v = variableOf(env.sourceCode, unwrap(c.object) as TSESTree.Identifier);
    const b = v && bindingOf(v);
    const def = v?.defs[0]?.node;
    let members: Node[] = [];
    if (def && def.type === T.ClassDeclaration) members = def.body.body.filter((m) => (m.type === T.MethodDefinition || m.type === T.PropertyDefinition) && m.static);
    else if (b && b.kind === 'init' && b.stable && b.node && unwrap(b.node).type === T.ObjectExpression) members = (unwrap(b.node) as TSESTree.ObjectExpression).properties;
    for (const m of members) {
      if ((m.type === T.MethodDefinition || m.type === T.PropertyDefinition || m.type === T.Property) && propertyName(m) === name && m.value) {
        const value = unwrap(m.value);
        if (isFunction(value)) return value;
      }
    }
    return undefined;
  }
  if (c.type === T.MemberExpression && unwrap(c.object).type === T.ThisExpression) {
    const name = propertyName(c);
    let p: Node | undefined = c.parent;
    while (p && p.type !== T.ClassBody) p = p.parent;
    if (!p || !name) return undefined;
    for (const m of p.body) {
      if ((m.type === T.MethodDefinition || m.type === T.PropertyDefinition) && propertyName(m) === name) {
        const value = m.value ? unwrap(m.value) : undefined;
        if (value && isFunction(value)) return value;
      }
    }
  }
  return undefined;
}

/** The expressions a function returns (its expression body, or each `return` not inside a nested function). */
export function returnedExpressions(fn: FunctionNode, sourceCode: TSESLint.SourceCode): Node[] {
  if (fn.body.type !== T.BlockStatement) return [fn.body];
  const out: Node[] = [];
  walk(fn.body, sourceCode.visitorKeys, (n) => {
    if (n !== fn.body && isFunction(n)) return false;
    if (n.type === T.ReturnStatement && n.argument) out.push(n.argument);
    return undefined;
  });
  return out;
}

function evalFunctionCall(fn: FunctionNode, args: Value[], env: Env): Value {
  if (env.depth > 30) return OPAQUE();
  const next = new Map(env.params);
  fn.params.forEach((p, i) => {
    const id = p.type === T.AssignmentPattern ? p.left : p;
    if (id.type !== T.Identifier) return;
    const v = variableOf(env.sourceCode, id);
    if (!v) return;
    const arg = args[i];
    if (arg) next.set(v, arg);
    else if (p.type === T.AssignmentPattern) next.set(v, evaluate(p.right, env));
  });
  const saved = env.params;
  env.params = next;
  try {
    const rets = returnedExpressions(fn, env.sourceCode);
    if (rets.length === 0) return OPAQUE();
    let out: Value | undefined;
    let anyRandom = false;
    for (const r of rets) {
      const v = evaluate(r, env);
      // `return undefined` paths of parsers (`if (!header) return undefined`) do not count.
      if (v.opaque && !v.attempt && !v.retryAfter && unwrap(r).type === T.Identifier && (unwrap(r) as TSESTree.Identifier).name === 'undefined') continue;
      anyRandom ||= v.random;
      out = out ? join(out, v) : v;
    }
    // A helper with a random return on some path (`switch (options.jitter)`) offers jitter: the
    // caller's options choose it, so "no random component" would not be defensible.
    if (out && anyRandom) out = { ...out, random: true, unjitteredBranch: false };
    return out ?? OPAQUE();
  } finally {
    env.params = saved;
  }
}

/** Turns an abstract value into the facts the rules read. `node` is where require-max-delay reports. */
export function toDelayFacts(v: Value, node: Node): DelayFacts {
  const retryAfterUncapped = v.retryAfter !== undefined && !Number.isFinite(v.hi) && !v.unboundedGrowth && !v.capped;
  let maxReason: DelayFacts['maxReason'];
  if (retryAfterUncapped) maxReason = 'retry-after';
  else if (v.unboundedGrowth) maxReason = 'growth';
  else if (Number.isFinite(v.hi)) maxReason = 'known';
  else maxReason = 'opaque';
  return {
    node: v.source && (v.attempt || v.retryAfter) ? v.source : node,
    random: v.random,
    growing: v.attempt,
    maxMs: v.hi,
    maxReason,
    capMs: v.cap,
    retryAfter: v.retryAfter === 'exact' && v.unjitteredBranch ? 'derived' : v.retryAfter,
    opaque: v.opaque && !v.attempt && !v.retryAfter,
  };
}

/**
 * Evaluates a delay function (`(attempt) => Math.random() * 300 * 2 ** attempt`) whose first
 * parameter is the attempt number, over attempts `0..maxAttempts` (unknown: unbounded). Returns
 * opaque facts when the function cannot be resolved to a same-file function.
 *
 * @param fn A function expression, an identifier bound to one, or a same-file function name.
 * @param maxAttempts The largest attempt number the library passes, when known.
 */
export function delayOfFunction(sourceCode: TSESLint.SourceCode, fn: Node, maxAttempts: number | undefined): DelayFacts {
  const f = sameFileFunction(fn, { sourceCode });
  if (!f) return toDelayFacts(OPAQUE(), fn);
  const env = makeEnv(sourceCode);
  const first = f.params[0];
  const id = first && (first.type === T.AssignmentPattern ? first.left : first);
  if (id && id.type === T.Identifier) {
    const v = variableOf(sourceCode, id);
    if (v) env.attempts.push({ variable: v, lo: 0, hi: maxAttempts ?? Infinity });
  }
  const rets = returnedExpressions(f, sourceCode);
  let out: Value | undefined;
  for (const r of rets) {
    const v = evaluate(r, env);
    out = out ? join(out, v) : v;
  }
  return toDelayFacts(out ?? OPAQUE(), fn);
}
