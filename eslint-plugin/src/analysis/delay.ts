import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { ASTUtils } from '@typescript-eslint/utils';
import { T } from './node-types';
import { alwaysExits, calleeName, chainRoot, contains, invokedThrough, isFunction, isMathCall, propertyName, stringValue, unwrap, walk } from './ast';
import { bindingOf, constantNumber, constantValue, thisAliasDeclarator, fieldOf, fieldStart, instanceClassOf, laterWrites, memberWritten, refCellOf, resolveObject, variableOf, isReferenceTo } from './scope';
import type { DelayFacts, Node } from './types';
import { ATTEMPT_NAME_RE, CALLBACK_HOOKS, CLAMP_RE, FAILURE_EVENTS, RANDOM_CALL_RE, isRetryAfterName } from './vocabulary';
import { fileMemo } from './memo';
import { sameFileCallers } from './http';
import { isHook } from './react-state';
import { fileIndex } from './file-index';

export { isRetryAfterName } from './vocabulary';

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
  /**
   * The Retry-After part is bounded (a refusal guard or a cap) and the unbounded top comes from another
   * part (`Math.max(backoffOutOfSight(n), guardedRetryAfter)`): no uncapped server delay.
   */
  retryAfterBounded?: boolean;
  /** It is `Date.now()` or similar: subtracting it converts an HTTP-date to a delay. */
  now: boolean;
  /** The smallest explicit cap applied (`Math.min`, clamp, ternary), in ms. */
  cap: number | undefined;
  /** A cap is applied, possibly of unknown size (`Math.min(x, options.maxDelayMs)`). */
  capped: boolean;
  /** One branch is the server's Retry-After and another a backoff with no randomness (`header ? ra : 500 * 2 ** n`). */
  unjitteredBranch?: boolean;
  /** One branch is the server's Retry-After and another a fixed wait the code chose (`header ? ra * 1000 : 12_000`). */
  fixedBranch?: boolean;
  /** Where the interesting part comes from (a binding's initialiser): provenance only; findings go on the wait. */
  source: Node | undefined;
  /**
   * The value is the fallback of an option the code does not show (`config.retryDelay || 1`,
   * `opts.gap ?? 500`): its number holds only when the option is not set. The expression that says so.
   */
  defaulted?: Node;
  /**
   * Some number in it is an option's fallback (`(cfg.waitMax || 30) * 1000`, a cap read from
   * `opts.max ?? 30000`): `lo`/`hi` hold when the options are left at their defaults, and a message
   * says so rather than stating the number as fixed.
   */
  byDefault?: boolean;
  /**
   * The write that puts an uncapped Retry-After in place of a delay the code chose (`if (header)
   * delayMs = seconds * 1000` after a capped backoff): where that path's missing cap is reported.
   */
  serverAt?: Node;
  /**
   * The argument of a recursive call that grows the delay from itself (`self(url, wait * 2)`) with
   * no cap: `require-max-delay` reports there, where a cap would go (as `serverAt` for Retry-After).
   */
  growthAt?: Node;
  /**
   * The same on every attempt of the retry, whether its number is known or not: built only from
   * literals, constants, and parameters, fields or options that nothing in the retry region
   * writes. False as soon as it reads an attempt counter, something written in the retry, the
   * attempt's error or response, the clock or a random source, or a call we cannot see.
   */
  invariant: boolean;
  /** An operator or function the evaluator does not model produced the number (`a ^ b`): `lo`/`hi` are unknown, the other facts hold. */
  unmodelled?: boolean;
  /**
   * Part of it is what a function out of sight returns on each call (`serverDelay + strategy(n)`, a
   * caller's strategy): that part may draw randomness, so "no random component" cannot be said.
   */
  unseenDraw?: boolean;
  /**
   * It grows with an attempt counter whose limit is defined in another module (`attempt <
   * MAX_RETRIES` with `MAX_RETRIES` imported): bounded, by a number the file does not show.
   * PRODUCT: about what cannot be seen, stay silent; such growth is not reported as unbounded.
   */
  unseenBound?: boolean;
  /**
   * An object literal's members, by key, when every property has a plain key and there is no spread
   * (`{ attempt: i + 1, interval }` handed to a helper): `info.interval` in the helper reads the value
   * the caller wrote. Undefined for anything else.
   */
  members?: ReadonlyMap<string, Value>;
}

/**
 * The code that runs again on each attempt. A value is invariant only when nothing in it writes
 * the value's parts.
 */
export interface RetryRegion {
  /** The loop statement, or the function that calls itself. */
  node: Node;
  /** For recursion: the calls that start the next attempt; a parameter is invariant only when each passes it on unchanged. */
  selfCalls?: TSESTree.CallExpression[];
}

/** The counter of a retry: its variable and the interval of values it takes while a delay is computed. */
export interface AttemptVar {
  variable: Variable;
  lo: number;
  /** Largest value; `Infinity` when the bound is unknown or absent. */
  hi: number;
  /** The update that carries it to the next attempt has a random component (`gap * (1 + Math.random())`). */
  random?: boolean;
  /** `hi` is infinite only because the limit it is compared with is imported from another module. */
  unseenBound?: boolean;
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
  /** The retry's region, when known: needed to tell that a value is invariant across attempts. */
  region: RetryRegion | undefined;
  /**
   * An attempt counter kept on an object (`config.__retryCount`, found by data flow by the site's
   * analysis): the interval it takes at the wait, or undefined for any other member.
   */
  attemptMember?: (n: TSESTree.MemberExpression) => { lo: number; hi: number } | undefined;
  /**
   * The values a member is known to hold from configuration set apart (an axios request config's
   * option read back from the instance's defaults: `config.retryDelay`), or undefined.
   */
  memberValues?: (n: TSESTree.MemberExpression) => Node[] | undefined;
  /** A value a member is pinned to while probing an update of the cell it names (see {@link writeCeiling}). */
  pinnedMember?: (n: TSESTree.MemberExpression) => Value | undefined;
}

const NUM = (n: number): Value => ({ lo: n, hi: n, random: false, attempt: false, unboundedGrowth: false, opaque: false, retryAfter: undefined, now: false, cap: undefined, capped: false, source: undefined, invariant: true });
const OPAQUE = (): Value => ({ lo: 0, hi: Infinity, random: false, attempt: false, unboundedGrowth: false, opaque: true, retryAfter: undefined, now: false, cap: undefined, capped: false, source: undefined, invariant: false });
/** A value we cannot compute that is nevertheless the same on every attempt (an untouched parameter, field or option). */
const INVARIANT = (): Value => ({ ...OPAQUE(), invariant: true });
const RETRY_AFTER = (): Value => ({ lo: 0, hi: Infinity, random: false, attempt: false, unboundedGrowth: false, opaque: false, retryAfter: 'exact', now: false, cap: undefined, capped: false, source: undefined, invariant: false });

/**
 * Creates an evaluation environment.
 *
 * @param attempts The retry's counters and the values they take.
 * @param iterations How many attempts the retry makes at most, when known.
 * @param region The code that runs again on each attempt; without it nothing unknown is invariant.
 */
export function makeEnv(sourceCode: TSESLint.SourceCode, attempts: AttemptVar[] = [], iterations?: number, region?: RetryRegion): Env {
  return { sourceCode, attempts, params: new Map(), visiting: new Set(), depth: 0, iterations, region };
}

/** The truth value of a value, when it is a known constant. */
function truthOf(v: Value): boolean | undefined {
  return isConst(v) ? v.lo !== 0 && !Number.isNaN(v.lo) : undefined;
}

function join(a: Value, b: Value): Value {
  const backoffBeside = (x: Value, y: Value): boolean => x.retryAfter === 'exact' && !y.retryAfter && y.attempt && !y.random;
  // The fallback when the header is missing or refused is a constant: not the server's time, and it never grows.
  const fixedBeside = (x: Value, y: Value): boolean => !!x.retryAfter && !y.retryAfter && !y.attempt && !y.random && !y.opaque && y.lo === y.hi && y.hi > 0;
  const fixed = fixedBeside(a, b) || fixedBeside(b, a);
  return {
    unjitteredBranch: a.unjitteredBranch || b.unjitteredBranch || backoffBeside(a, b) || backoffBeside(b, a),
    fixedBranch: ((a.fixedBranch || b.fixedBranch) && !a.attempt && !b.attempt) || fixed,
    lo: Math.min(a.lo, b.lo),
    hi: Math.max(a.hi, b.hi),
    // A random value on some path counts: the code offers jitter (see evalFunctionCall).
    random: a.random || b.random,
    attempt: a.attempt || b.attempt,
    unboundedGrowth: a.unboundedGrowth || b.unboundedGrowth,
    opaque: a.opaque || b.opaque,
    retryAfter: a.retryAfter === 'derived' || b.retryAfter === 'derived' ? 'derived' : (a.retryAfter ?? b.retryAfter),
    now: a.now && b.now,
    invariant: a.invariant && b.invariant,
    unmodelled: a.unmodelled || b.unmodelled,
    unseenDraw: a.unseenDraw || b.unseenDraw,
    unseenBound: a.unseenBound || b.unseenBound,
    ...(a.byDefault || b.byDefault ? { byDefault: true } : {}),
    cap: a.cap !== undefined && b.cap !== undefined ? Math.max(a.cap, b.cap) : undefined,
    capped: (a.capped || !a.retryAfter) && (b.capped || !b.retryAfter) && (a.capped || b.capped),
    source: a.source ?? b.source,
    serverAt: a.serverAt ?? b.serverAt,
    growthAt: a.growthAt ?? b.growthAt,
  };
}

function combine(a: Value, b: Value, lo: number, hi: number): Value {
  const unjitteredBranch = (a.unjitteredBranch || b.unjitteredBranch) && !a.random && !b.random;
  // An infinite end that comes from the server's Retry-After, not from the growth, is no unbounded growth.
  // A factor of unknown size that is the same on every attempt (`cfg.delayMs * 2 ** n`) still grows
  // without bound when the growing side does (an attempt with no known last value).
  const steady = (v: Value): boolean => v.invariant && !v.attempt && !v.retryAfter;
  const growsAlone = (g: Value, other: Value): boolean => g.attempt && g.hi === Infinity && !g.opaque && !g.retryAfter && steady(other);
  const unboundedGrowth = (a.unboundedGrowth || b.unboundedGrowth || ((a.attempt || b.attempt) && hi === Infinity && !a.opaque && !b.opaque && !a.retryAfter && !b.retryAfter) || growsAlone(a, b) || growsAlone(b, a)) && hi === Infinity;
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
    fixedBranch: (a.fixedBranch || b.fixedBranch) && !a.attempt && !b.attempt,
    source: a.source ?? b.source,
    serverAt: a.serverAt ?? b.serverAt,
    growthAt: a.growthAt ?? b.growthAt,
    invariant: a.invariant && b.invariant,
    unmodelled: a.unmodelled || b.unmodelled,
    unseenDraw: a.unseenDraw || b.unseenDraw,
    unseenBound: a.unseenBound || b.unseenBound,
    ...(a.byDefault || b.byDefault ? { byDefault: true } : {}),
  };
}

function isConst(v: Value, n?: number): boolean {
  return !v.random && !v.attempt && !v.opaque && !v.retryAfter && v.lo === v.hi && (n === undefined || v.lo === n);
}

function safe(n: number): number {
  return Number.isNaN(n) ? Infinity : n;
}

/** Evaluates an expression to an abstract value (a fault is left to the construct's guard, `./guard`). */
export function evaluate(node: Node | null | undefined, env: Env): Value {
  if (!node || env.depth > 40) return OPAQUE();
  env.depth++;
  try {
    return evalInner(unwrap(node), env);
  } finally {
    env.depth--;
  }
}

function evalInner(n: Node, env: Env): Value {
  if (n.type === T.Identifier || n.type === T.MemberExpression) {
    const v = n.type === T.Identifier ? evalIdentifier(n, env) : evalMember(n, env);
    // Not for the attempt counter itself (its interval is the loop's business), but for values made from it.
    const counter = n.type === T.Identifier ? !!attemptOf(env, variableOf(env.sourceCode, n)) : !!env.attemptMember?.(n);
    if (counter || Number.isFinite(v.hi)) return v;
    const note = { unseen: false };
    const bound = exitGuardBound(n, env, note);
    // Capped by a limit the file does not show: bounded, by an unknown number (silent, PRODUCT).
    if (bound === undefined && note.unseen) return { ...v, capped: true };
    return bound === undefined ? v : minOf(v, NUM(bound));
  }
  switch (n.type) {
    case T.Literal: {
      if (typeof n.value === 'number') return NUM(n.value);
      // Booleans are values too, so a known condition folds (`USE_JITTER ? … : …`).
      if (typeof n.value === 'boolean') return NUM(n.value ? 1 : 0);
      if (typeof n.value === 'string') {
        const num = Number(n.value);
        return n.value.trim() !== '' && Number.isFinite(num) ? NUM(num) : INVARIANT();
      }
      if (typeof n.value === 'bigint') return NUM(Number(n.value));
      return INVARIANT();
    }
    case T.ObjectExpression: {
      // An options object handed to a helper: its members, read back there (see `Value.members`).
      const members = new Map<string, Value>();
      for (const prop of n.properties) {
        const key = prop.type === T.Property && !prop.computed ? propertyName(prop) : undefined;
        if (prop.type !== T.Property || key === undefined || prop.kind !== 'init') return OPAQUE();
        members.set(key, evaluate(prop.value, env));
      }
      return { ...OPAQUE(), members };
    }
    case T.CallExpression:
      return evalCall(n, env);
    case T.BinaryExpression:
      return evalBinary(n, env);
    case T.LogicalExpression: {
      const left = evaluate(n.left, env);
      const truth = truthOf(left);
      if (n.operator === '&&') {
        if (truth === false) return left;
        const right = evaluate(n.right, env);
        return truth === true ? right : { ...right, invariant: right.invariant && left.invariant };
      }
      if (n.operator === '||' && truth === true) return left;
      if (n.operator === '??' && isConst(left)) return left;
      const right = evaluate(n.right, env);
      if (n.operator === '||' && truth === false) return right;
      // `options.retries ?? 3`: an unknown option with a known default counts as the default.
      // A value read from the caught error (a delay the server sent) is no option: it has no default.
      if (left.opaque && !left.attempt && !left.retryAfter && !right.opaque && !readsEnvironment(n.left, env) && !readsFailure(n.left, env.sourceCode)) return { ...right, invariant: right.invariant && left.invariant, defaulted: n, byDefault: true };
      return join(left, right);
    }
    case T.ConditionalExpression:
      return evalConditional(n, env);
    case T.UnaryExpression: {
      const v = evaluate(n.argument, env);
      if (n.operator === '-') return { ...v, lo: -v.hi, hi: -v.lo };
      if (n.operator === '+' || n.operator === '~') return v;
      if (n.operator === '!') {
        const t = truthOf(v);
        return t === undefined ? { ...OPAQUE(), invariant: v.invariant } : NUM(t ? 0 : 1);
      }
      return { ...OPAQUE(), invariant: v.invariant };
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
  if (n.name === 'undefined') return INVARIANT();
  const variable = variableOf(env.sourceCode, n);
  if (!variable) return OPAQUE();
  const bound = env.params.get(variable);
  if (bound) return rebound(n, variable, bound, env);
  const attempt = attemptOf(env, variable);
  if (attempt) {
    return { ...NUM(0), lo: attempt.lo, hi: attempt.hi, attempt: true, unboundedGrowth: attempt.hi === Infinity, random: attempt.random === true, invariant: false, unseenBound: attempt.unseenBound };
  }
  const v = evalBinding(variable, env);
  if (!v.opaque) return v;
  // A value the server chose, known by where it comes from: a parameter every visible caller may
  // hand the Retry-After header (`this.later(chunk, left, res.headers.get('retry-after'))`), a
  // destructured field of that name (`const { retry_after: wait } = body`). Only a value whose
  // origin is out of sight (a parameter no code of this file passes) goes by its own name.
  const callers = retryAfterFromCallers(variable, env);
  if (callers === true || (callers === undefined && (isRetryAfterName(n.name) || isRetryAfterName(destructuredKey(variable))) && !destructuredFromSettings(variable, env))) return { ...RETRY_AFTER(), source: undefined };
  return v;
}

/** Whether a variable is destructured, before the retry began, from settings fixed for all of it (`const { retryAfterMs } = settings`). */
function destructuredFromSettings(variable: Variable, env: Env): boolean {
  const def = variable.defs[0];
  if (def?.type !== 'Variable' || def.node.id.type !== T.ObjectPattern || !def.node.init) return false;
  const init = unwrap(def.node.init);
  const holder = init.type === T.Identifier ? variableOf(env.sourceCode, init) : undefined;
  return declaredOncePerRetry(def.node, env) && !!holder && fixedBeforeRetry(holder, env);
}

/**
 * The values every same-file caller puts in the field `name` of the object it hands the parameter
 * `holder`, when every call of the function is in sight: a `private` (or `#`) method called only
 * as `this.m(…)`, or a function that is not exported and whose name is only ever called, and all
 * of them hand the same value; undefined when a caller hands something else.
 */
function valuesFromCallers(holder: TSESTree.Identifier, name: string, env: Env): Value | undefined {
  const variable = variableOf(env.sourceCode, holder);
  if (!variable || variable.references.some((r) => r.isWrite())) return undefined;
  const out = joinedAtCalls(variable, env, (a) => {
    const obj = a ? unwrap(a) : undefined;
    if (obj?.type !== T.ObjectExpression || obj.properties.some((q) => q.type === T.SpreadElement)) return undefined;
    const prop = obj.properties.find((q): q is TSESTree.Property => q.type === T.Property && propertyName(q) === name);
    if (!prop) return undefined;
    const v = evaluate(prop.value as Node, env);
    return v.opaque ? undefined : v;
  });
  // One value (a range would be judged per caller, which the limit tests that read it do not do).
  return out && out.lo === out.hi ? { ...out, invariant: true } : undefined;
}

/**
 * The values a positional parameter with a default takes over every call of its function, when all
 * are in sight ({@link callsInSight}) and each passes a known number or leaves it out (the
 * default, `byDefault`); undefined otherwise.
 */
function valuesFromCallersAt(variable: Variable, byDefault: Value, env: Env): Value | undefined {
  const out = joinedAtCalls(variable, env, (a) => {
    const v = a ? evaluate(a, env) : { ...byDefault, byDefault: true };
    return v.opaque || v.attempt || v.retryAfter || v.random ? undefined : v;
  });
  return out ? { ...out, invariant: true } : undefined;
}

/**
 * What every call of a parameter's function passes at its position, each read by `read` (given the
 * argument, or undefined where the call leaves it out) and joined; undefined when a call's value
 * cannot be read, a call spreads its arguments up to there, or not every call is in sight.
 * The arguments are read in the callers' own context (no parameter bindings).
 */
function joinedAtCalls(variable: Variable, env: Env, read: (arg: Node | undefined) => Value | undefined): Value | undefined {
  const def = variable.defs[0];
  const fn = def?.node as Node | undefined;
  if (def?.type !== 'Parameter' || !fn || !isFunction(fn)) return undefined;
  const index = fn.params.findIndex((p) => p === def.name || (p.type === T.AssignmentPattern && p.left === def.name));
  if (index < 0) return undefined;
  const calls = callsInSight(fn, env.sourceCode);
  if (!calls || calls.length === 0) return undefined;
  let out: Value | undefined;
  const saved = env.params;
  env.params = new Map();
  try {
    for (const c of calls) {
      if (c.arguments.slice(0, index + 1).some((a) => a.type === T.SpreadElement)) return undefined;
      const v = read(c.arguments[index] as Node | undefined);
      if (!v) return undefined;
      out = out ? join(out, v) : v;
    }
  } finally {
    env.params = saved;
  }
  return out;
}

/** Every call of `fn` when all are in this file and it is used no other way (see {@link valuesFromCallers}); undefined otherwise. */
function callsInSight(fn: Node, sourceCode: TSESLint.SourceCode): TSESTree.CallExpression[] | undefined {
  const p = fn.parent;
  if (p?.type === T.MethodDefinition) {
    const priv = p.accessibility === 'private' || p.key.type === T.PrivateIdentifier;
    const name = propertyName(p);
    const body = p.parent;
    if (!priv || !name || !body) return undefined;
    const calls: TSESTree.CallExpression[] = [];
    let other = false;
    walk(body, sourceCode.visitorKeys, (m) => {
      if (m.type === T.MemberExpression && unwrap(m.object).type === T.ThisExpression && propertyName(m) === name) {
        const c = m.parent;
        if (c?.type === T.CallExpression && c.callee === m) calls.push(c);
        else other = true;
      }
      return undefined;
    });
    return other ? undefined : calls;
  }
  let id: TSESTree.Identifier | undefined;
  if (fn.type === T.FunctionDeclaration && fn.id) id = fn.id;
  else if (p?.type === T.VariableDeclarator && p.init === fn && p.id.type === T.Identifier) id = p.id;
  if (!id) return undefined;
  const v = variableOf(sourceCode, id);
  if (!v || isExported(id)) return undefined;
  const calls: TSESTree.CallExpression[] = [];
  for (const r of v.references) {
    const c = r.identifier.parent;
    if (c?.type === T.CallExpression && c.callee === r.identifier) calls.push(c);
    else return undefined;
  }
  return calls;
}

/** Whether a declared name is exported where it is declared (`export function f`, `export const f = …`). */
function isExported(id: Node): boolean {
  for (let p = id.parent; p; p = p.parent) {
    if (p.type === T.ExportNamedDeclaration || p.type === T.ExportDefaultDeclaration) return true;
    if (p.type === T.Program || p.type === T.BlockStatement) return false;
  }
  return false;
}

/** The key a destructured variable is read from (`retryAfter` of `const { retryAfter: wait } = body`). */
function destructuredKey(variable: Variable): string | undefined {
  const id = variable.defs[0]?.name as Node | undefined;
  let p = id?.parent;
  if (p?.type === T.AssignmentPattern && p.left === id) p = p.parent;
  return p?.type === T.Property && p.parent?.type === T.ObjectPattern ? propertyName(p) : undefined;
}

const retryAfterCallers = fileMemo<Variable, boolean | null>();

/**
 * Whether a parameter receives the Retry-After value: true when some call of its function in this
 * file passes one at its position, false when calls are seen and none does, undefined when no call
 * is seen (the function is exported or handed elsewhere, or the variable is no parameter).
 */
function retryAfterFromCallers(variable: Variable, env: Env): boolean | undefined {
  const hit = retryAfterCallers.get(variable);
  if (hit !== undefined) return hit ?? undefined;
  retryAfterCallers.set(variable, false); // a call from inside its own chain proves nothing
  const out = computeRetryAfterFromCallers(variable, env);
  retryAfterCallers.set(variable, out ?? null);
  return out;
}

function computeRetryAfterFromCallers(variable: Variable, env: Env): boolean | undefined {
  const def = variable.defs[0];
  if (def?.type !== 'Parameter') return undefined;
  const fn = def.node as Node;
  if (!isFunction(fn)) return undefined;
  const index = fn.params.findIndex((p) => contains(p, def.name as Node));
  const param = fn.params[index];
  if (index < 0 || !param || (param.type !== T.Identifier && param.type !== T.AssignmentPattern)) return undefined;
  const calls: TSESTree.CallExpression[] = [];
  let id: TSESTree.Identifier | undefined;
  if (fn.type === T.FunctionDeclaration && fn.id) id = fn.id;
  else if (fn.parent?.type === T.VariableDeclarator && fn.parent.id.type === T.Identifier) id = fn.parent.id;
  if (id) {
    for (const r of variableOf(env.sourceCode, id)?.references ?? []) {
      const c = r.identifier.parent;
      if (c?.type === T.CallExpression && c.callee === r.identifier) calls.push(c);
      else if (r.identifier !== id) return undefined; // handed elsewhere: other callers out of sight
    }
  } else if (fn.parent?.type === T.MethodDefinition || fn.parent?.type === T.PropertyDefinition) {
    // `this.later(…)` within the class.
    const name = propertyName(fn.parent);
    const body = fn.parent.parent;
    if (!name || !body) return undefined;
    walk(body, env.sourceCode.visitorKeys, (m) => {
      if (m.type === T.CallExpression) {
        const c = unwrap(m.callee);
        if (c.type === T.MemberExpression && unwrap(c.object).type === T.ThisExpression && propertyName(c) === name) calls.push(m);
      }
      return undefined;
    });
  } else return undefined;
  if (calls.length === 0) return undefined;
  const local = makeEnv(env.sourceCode);
  return calls.some((c) => {
    const a = c.arguments[index];
    return !!a && a.type !== T.SpreadElement && !!evaluate(a, local).retryAfter;
  });
}

/** The function (or the program) a node belongs to. */
function ownerOf(n: Node): Node {
  let p = n.parent;
  while (p && !isFunction(p) && p.type !== T.Program) p = p.parent;
  return p ?? n;
}

/**
 * Whether a declaration runs once for the whole retry, not once per attempt: it belongs to a
 * function that encloses the retry region (so it is evaluated before the retry starts), and it
 * is not itself inside the region.
 */
function declaredOncePerRetry(decl: Node, env: Env): boolean {
  const region = env.region;
  if (!region || contains(region.node, decl)) return false;
  const owner = ownerOf(decl);
  return contains(owner, region.node);
}

/**
 * Whether a parameter keeps its value across attempts: its function runs once for the whole retry,
 * or it is the recursive function's parameter and every call that starts the next attempt passes
 * it on unchanged.
 */
function paramKeepsValue(variable: Variable, env: Env): boolean {
  const region = env.region;
  const def = variable.defs[0];
  if (!region || !def || def.type !== 'Parameter') return false;
  const fn = def.node as Node;
  if (fn !== region.node) return !contains(region.node, fn) && contains(fn, region.node);
  const calls = region.selfCalls ?? [];
  if (calls.length === 0 || !isFunction(fn)) return false;
  const index = fn.params.findIndex((p) => contains(p, def.name));
  if (index < 0) return false;
  const top = fn.params[index]!;
  const hasDefault = top.type === T.AssignmentPattern;
  return calls.every((call) => {
    const arg = argumentsPassed(call, fn, env.sourceCode)[index];
    if (!arg) return hasDefault && def.name === (top.type === T.AssignmentPattern ? top.left : top);
    const a = unwrap(arg);
    const isSelf = (x: Node | undefined): boolean => !!x && unwrap(x).type === T.Identifier && isReferenceTo(variable, unwrap(x));
    if (isSelf(a)) return true;
    // `f({ ...opts, tries: tries - 1 })`, `f({ gap, tries: tries - 1 })` for a destructured parameter.
    if (a.type === T.ObjectExpression) {
      const key = bindingOf(variable)?.path[0] ?? variable.name;
      const prop = a.properties.find((p): p is TSESTree.Property => p.type === T.Property && propertyName(p) === key);
      return !!prop && isSelf(prop.value);
    }
    return false;
  });
}

/**
 * The arguments a call that starts the next attempt hands `fn`: its own, or, when it schedules a
 * bound copy (`setTimeout(connect.bind(null, interval, cb), interval)`), the ones bound after `this`.
 */
export function argumentsPassed(call: TSESTree.CallExpression, fn: Node, sourceCode: TSESLint.SourceCode): readonly TSESTree.CallExpressionArgument[] {
  if (sameFileFunction(call.callee, { sourceCode }) === fn) return call.arguments;
  // `fn.call(self, a, b)` passes `a, b`; `fn.apply(self, [a, b])` the array's elements (another array: unknown, none).
  const invoked = invokedThrough(call.callee);
  if (invoked && sameFileFunction(invoked, { sourceCode }) === fn) {
    if (calleeName(call) === 'call') return call.arguments.slice(1);
    const list = call.arguments[1] ? unwrap(call.arguments[1] as Node) : undefined;
    return list?.type === T.ArrayExpression && list.elements.every((e) => !!e) ? (list.elements as TSESTree.CallExpressionArgument[]) : [];
  }
  for (const a of call.arguments) {
    const u = unwrap(a);
    if (u.type !== T.CallExpression || calleeName(u) !== 'bind') continue;
    const c = unwrap(u.callee);
    if (c.type === T.MemberExpression && sameFileFunction(c.object, { sourceCode }) === fn) return u.arguments.slice(1);
  }
  return call.arguments;
}

/**
 * The values a recursive function's parameter takes over the retry when the calls that start the
 * next attempt pass it values of their own (`signIn(client, token, 30)` for `seconds = 3`): the
 * default joined with each passed value, growing when a later attempt can wait longer than the
 * first. Undefined when a call derives the value from the parameter itself (a counter or a
 * doubling, which the attempt analysis models) or when the region is not this function.
 */
function valuesPassedOn(variable: Variable, first: Value, env: Env): Value | undefined {
  const region = env.region;
  const def = variable.defs[0];
  const fn = def?.node as Node | undefined;
  if (!region || !def || def.type !== 'Parameter' || fn !== region.node || !isFunction(fn)) return undefined;
  const calls = region.selfCalls ?? [];
  // The parameter itself (`waitMs = 0`) or one property of a destructured options parameter
  // (`{ waitMs = 0 } = {}`), which the self-call passes as `{ waitMs: … }`.
  const index = fn.params.findIndex((p) => contains(p, def.name));
  const top = index < 0 ? undefined : fn.params[index]!;
  const positional = !!top && top.type === T.AssignmentPattern && top.left === def.name;
  const key = !positional && top ? bindingOf(variable)?.path : undefined;
  if (index < 0 || calls.length === 0 || (!positional && (!key || key.length !== 1))) return undefined;
  let out = first;
  for (const call of calls) {
    let arg: Node | undefined = argumentsPassed(call, fn, env.sourceCode)[index];
    if (arg && !positional) {
      const o = unwrap(arg);
      if (o.type !== T.ObjectExpression || o.properties.some((p) => p.type === T.SpreadElement)) return undefined;
      const prop = o.properties.find((p): p is TSESTree.Property => p.type === T.Property && propertyName(p) === key![0]);
      arg = prop?.value;
    }
    if (!arg) continue;
    if (arg.type === T.SpreadElement) return undefined;
    if (refersTo(arg, variable, env.sourceCode)) {
      const grown = grownFromItself(arg, variable, first, env);
      if (!grown) return undefined;
      out = join(out, grown);
      out = { ...out, attempt: true, unboundedGrowth: out.unboundedGrowth || grown.unboundedGrowth, capped: out.capped || grown.capped };
      continue;
    }
    const v = evaluate(arg, env);
    if (!Number.isFinite(v.hi) || v.opaque) return undefined;
    out = { ...join(out, v), attempt: out.attempt || v.attempt || v.hi > first.hi };
  }
  return out === first ? undefined : { ...out, invariant: false, source: undefined };
}

/**
 * The values a recursive function's delay parameter takes when the self-call passes it on grown from
 * itself (`self(url, wait * 2)`, `self({ waitMs: (waitMs || 2000) * 2 })`, `Math.min(wait * 2, cap)`):
 * probed with the parameter standing for 1, a result above 1 grows with the attempt, up to a cap in
 * the update or, with a known number of attempts, the value the last one reaches; randomness in the
 * update is kept. Undefined when the update does not grow (a countdown, a random factor at most 1).
 */
function grownFromItself(arg: Node, variable: Variable, first: Value, env: Env): Value | undefined {
  const probe = probeUpdate(arg, variable, env);
  if (probe.opaque || !(probe.hi > 1)) return undefined;
  const factor = Math.min(probe.hi, 16);
  // The second attempt's value: the update applied to the first.
  const saved = env.params.get(variable);
  env.params.set(variable, first);
  let second: Value;
  try {
    second = evaluate(arg, env);
  } finally {
    if (saved) env.params.set(variable, saved);
    else env.params.delete(variable);
  }
  const cap = capOf(arg, env);
  const reach = env.iterations !== undefined && Number.isFinite(second.hi) ? second.hi * factor ** Math.max(0, env.iterations - 2) : Infinity;
  const hi = Math.min(cap ?? Infinity, Math.max(second.hi, reach));
  const unbounded = !Number.isFinite(hi);
  return { ...second, lo: Math.min(first.lo, second.lo), hi, random: probe.random || second.random, attempt: true, unboundedGrowth: unbounded, capped: cap !== undefined, cap: cap ?? second.cap, opaque: false, source: undefined, invariant: false, ...(unbounded && cap === undefined ? { growthAt: arg } : {}) };
}

function evalBinding(variable: Variable, env: Env): Value {
  if (env.visiting.has(variable)) return OPAQUE();
  const b = bindingOf(variable);
  if (!b) return OPAQUE();
  env.visiting.add(variable);
  try {
    if (b.kind === 'import') return INVARIANT();
    if (b.kind === 'param-default') {
      const v = evaluate(b.node, env);
      if (!b.stable) {
        // Written in the function (`time = 100` once a connection opens) and handed on grown by the
        // call that starts the next attempt (`open(url, time * 1.2)`): both sets of values.
        const written = evalGrowingVariable(variable, b.node!, v, env);
        const passed = valuesPassedOn(variable, v, env);
        return passed ? join(written, passed) : written;
      }
      // A destructured option's default (`const { waitMs = readEnv() || 5000 } = opts`) read once
      // before the retry keeps its value like a parameter the retry does not change.
      const def = variable.defs[0];
      const keeps = paramKeepsValue(variable, env) || (def?.type === 'Variable' && declaredOncePerRetry(def.node, env));
      const passed = keeps ? undefined : valuesPassedOn(variable, v, env);
      if (passed) return passed;
      // A positional parameter's default is the value only where a call leaves it out: with every
      // call in sight (`retry(fn, 4, 3000)`), what they pass; otherwise the default, said as such.
      if (keeps && def?.type === 'Parameter' && !v.opaque && !v.attempt && !v.retryAfter) {
        const given = valuesFromCallersAt(variable, v, env);
        if (given) return given;
        return { ...v, invariant: v.invariant && keeps, byDefault: true };
      }
      return { ...v, invariant: v.invariant && keeps };
    }
    if (b.kind === 'init' && !b.node && !b.stable) {
      // `let timeoutMs; if (…) timeoutMs = a; else timeoutMs = b;`: the values it is given.
      return evalGrowingVariable(variable, variable.defs[0]!.name, { ...OPAQUE(), hi: -Infinity, lo: Infinity, opaque: false, random: false, invariant: true }, env, true);
    }
    if (b.kind === 'init' && b.node) {
      const init = evaluate(b.node, env);
      // A `const` evaluated once before the retry starts is the same on every attempt, known or not.
      const once = declaredOncePerRetry(variable.defs[0]!.node, env);
      const v = once && !init.random && !init.attempt ? { ...init, invariant: true } : init;
      if (!b.stable) return evalGrowingVariable(variable, b.node, v, env);
      return v.attempt || v.retryAfter || v.unboundedGrowth ? { ...v, source: b.node } : v;
    }
    if (b.kind === 'param' && (ATTEMPT_NAME_RE.test(variable.name) || relayedCounter(variable, env.sourceCode))) return { ...OPAQUE(), attempt: true };
    if (b.kind === 'param' && b.stable && paramKeepsValue(variable, env)) return INVARIANT();
    if (b.kind === 'destructured' && b.stable && b.node && declaredOncePerRetry(variable.defs[0]!.node, env)) return INVARIANT();
    // `const { reconnectTimeout } = this.options` read on each attempt: a member of an object the
    // retry never changes (a field set only at construction, a parameter passed on unchanged), that
    // nothing writes under that name, keeps its value as the member read in place would.
    if (b.kind === 'destructured' && b.stable && b.node && b.path.length > 0) {
      const source = evaluate(b.node, env);
      if (source.invariant && !source.attempt && !source.retryAfter && !source.random && !memberPathWritten(b.node, b.path[0]!, env.sourceCode)) return INVARIANT();
    }
    if (b.kind === 'destructured' && !b.stable && b.node) {
      // `let { delayMs } = opts; delayMs = delayMs || 250;`: the destructured value, then its writes,
      // as for a plain `let` (evalGrowingVariable decides whether the retry changes it).
      const init = declaredOncePerRetry(variable.defs[0]!.node, env) ? INVARIANT() : OPAQUE();
      return evalGrowingVariable(variable, b.node, init, env);
    }
    return OPAQUE();
  } finally {
    env.visiting.delete(variable);
  }
}

/**
 * A parameter that carries a recursion's counter around a relay, whatever its name: every same-file
 * caller hands it its own counter, as it is or by arithmetic (`this.retry(path, retriesLeft, res)`,
 * `onServerError(url, retries, 3 - retries + 1)` in `platformFetch`), and the function hands that
 * counter back to the caller stepped by one (`platformFetch(url, retries - 1)`): a count of attempts.
 */
export function relayedCounter(variable: Variable, sourceCode: TSESLint.SourceCode): boolean {
  const env = { sourceCode };
  const def = variable.defs[0];
  const fn = def?.node as Node | undefined;
  if (!def || def.type !== 'Parameter' || !fn || !isFunction(fn)) return false;
  const indexOf = (f: TSESTree.FunctionLike, name: Node): number => f.params.findIndex((p) => p === name || (p.type === T.AssignmentPattern && p.left === name));
  const index = indexOf(fn, def.name);
  if (index < 0) return false;
  const callers = sameFileCallers(env.sourceCode, fn);
  if (callers.length === 0) return false;
  const stepOf = (x: Node | undefined, v: Variable): boolean => {
    const u = x && unwrap(x);
    if (u?.type !== T.BinaryExpression || (u.operator !== '+' && u.operator !== '-')) return false;
    const self = (y: Node): boolean => unwrap(y).type === T.Identifier && isReferenceTo(v, unwrap(y) as TSESTree.Identifier);
    return (self(u.left as Node) && constantValue(env.sourceCode, u.right)?.value === 1) || (u.operator === '+' && self(u.right) && constantValue(env.sourceCode, u.left as Node)?.value === 1);
  };
  return callers.every((call) => {
    const a = call.arguments[index];
    if (!a || a.type === T.SpreadElement) return false;
    // The caller's parameters the argument reads, by arithmetic only.
    const read: TSESLint.Scope.Definition[] = [];
    let plain = true;
    walk(a, env.sourceCode.visitorKeys, (m) => {
      if (!plain) return false;
      if (m.type === T.Identifier) {
        const d = variableOf(env.sourceCode, m)?.defs[0];
        if (d?.type === 'Parameter') read.push(d);
        return undefined;
      }
      if (m.type !== T.BinaryExpression && m.type !== T.UnaryExpression && m.type !== T.Literal) plain = false;
      return undefined;
    });
    if (!plain || read.length !== 1) return false;
    const h = read[0]!;
    const g = h.node as Node;
    if (!isFunction(g) || g === fn) return false;
    const hi = indexOf(g, h.name);
    // The parameter of `fn` the caller hands that counter to as it is, stepped on the way back to the caller.
    const r = call.arguments.findIndex((x) => unwrap(x).type === T.Identifier && variableOf(env.sourceCode, unwrap(x) as TSESTree.Identifier)?.defs[0] === h);
    const rv = r >= 0 ? fn.params[r] : undefined;
    const rid = rv && (rv.type === T.AssignmentPattern ? rv.left : rv);
    const rVar = rid?.type === T.Identifier ? variableOf(env.sourceCode, rid) : undefined;
    return hi >= 0 && !!rVar && sameFileCallers(env.sourceCode, g).some((back) => contains(fn, back) && stepOf(back.arguments[hi], rVar));
  });
}

/** Whether a write runs at most once per evaluation of its variable's declaration: same function, no loop in between. */
function straightLine(write: Node, decl: Node): boolean {
  const owner = ownerOf(decl);
  for (let p = write.parent; p && p !== owner; p = p.parent) {
    if (isFunction(p)) return false;
    if (p.type === T.ForStatement || p.type === T.WhileStatement || p.type === T.DoWhileStatement || p.type === T.ForOfStatement || p.type === T.ForInStatement) {
      if (!contains(p, decl)) return false;
      // `for (let a = 1, pause = 750; …; a++, pause *= 1.5)`: declared once in the init, written on every turn.
      if (p.type === T.ForStatement && p.init && contains(p.init, decl) && !contains(p.init, write)) return false;
    }
  }
  return ownerOf(write) === owner;
}

const NEGATE: Record<string, string> = { '<': '>=', '<=': '>', '>': '<=', '>=': '<', '===': '!==', '!==': '===', '==': '!=', '!=': '==' };
const FLIP: Record<string, string> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=' };

/**
 * An upper bound a test puts on a variable when the test has the given truth value:
 * `d < 60_000` true, `d >= 60_000` false, `!(d && d < 60_000)` false, `a || d > C` false.
 */
function upperBoundWhen(test: Node, variable: Variable | ((x: Node) => boolean), truth: boolean, env: Env, depth = 0, note?: { unseen: boolean }): number | undefined {
  const t = unwrap(test);
  if (depth > 8) return undefined;
  if (t.type === T.UnaryExpression && t.operator === '!') return upperBoundWhen(t.argument, variable, !truth, env, depth + 1, note);
  const isV = (x: Node): boolean => {
    const u = unwrap(x);
    return typeof variable === 'function' ? variable(u) : u.type === T.Identifier && isReferenceTo(variable, u);
  };
  if (t.type === T.LogicalExpression) {
    if ((t.operator === '&&' && truth) || (t.operator === '||' && !truth)) {
      const bounds = [t.left, t.right].map((x) => upperBoundWhen(x, variable, truth, env, depth + 1, note)).filter((b): b is number => b !== undefined);
      return bounds.length > 0 ? Math.min(...bounds) : undefined;
    }
    // `!(v !== undefined && v > C)`: either there is no value (no number to wait) or it is at most C.
    if ((t.operator === '&&' && !truth) || (t.operator === '||' && truth)) {
      const presence = (x: Node, present: boolean): boolean => {
        const u = unwrap(x);
        if (isV(u)) return present;
        if (u.type === T.UnaryExpression && u.operator === '!') return presence(u.argument, !present);
        if (u.type !== T.BinaryExpression || u.left.type === T.PrivateIdentifier) return false;
        const absentLit = (y: Node): boolean => { const w = unwrap(y); return (w.type === T.Identifier && w.name === 'undefined') || (w.type === T.Literal && w.value === null); };
        const onV = (isV(u.left) && absentLit(u.right)) || (isV(u.right) && absentLit(u.left));
        if (!onV) return false;
        return present ? u.operator === '!==' || u.operator === '!=' : u.operator === '===' || u.operator === '==';
      };
      // `&&` false: some conjunct is false; with the other a presence test, the value is absent or bounded.
      const want = truth; // `||` true: `v === undefined || v <= C`
      const [a, b] = [t.left, t.right];
      if (presence(a, !want)) return upperBoundWhen(b, variable, truth, env, depth + 1, note);
      if (presence(b, !want)) return upperBoundWhen(a, variable, truth, env, depth + 1, note);
      // `cfg.maxWaitMs === 0 || waitMs <= cfg.maxWaitMs`: a side that does not read the value and
      // is known not to hold (a setting's "no limit" switch, off at its default) leaves the other.
      const settled = (x: Node): boolean => {
        let reads = false;
        walk(x, env.sourceCode.visitorKeys, (m) => {
          if (reads) return false;
          if (isV(m)) reads = true;
          return undefined;
        });
        if (reads) return false;
        const v = evaluate(x, env);
        return isConst(v) && (v.lo === 0) === want;
      };
      if (settled(a)) return upperBoundWhen(b, variable, truth, env, depth + 1, note);
      if (settled(b)) return upperBoundWhen(a, variable, truth, env, depth + 1, note);
    }
    return undefined;
  }
  if (t.type !== T.BinaryExpression || t.left.type === T.PrivateIdentifier) return undefined;
  let op: string = t.operator;
  let other: Node;
  // `seconds * 1000 > limit`: the value scaled by a positive constant (a unit conversion).
  let scale = 1;
  const scaled = (x: Node): number | undefined => {
    const u = unwrap(x);
    if (isV(u)) return 1;
    if (u.type !== T.BinaryExpression || (u.operator !== '*' && u.operator !== '/')) return undefined;
    const left = u.left as Node;
    const k = isV(left) ? constantValue(env.sourceCode, u.right)?.value : u.operator === '*' && isV(u.right) ? constantValue(env.sourceCode, left)?.value : undefined;
    if (typeof k !== 'number' || !(k > 0)) return undefined;
    return u.operator === '*' ? k : 1 / k;
  };
  const sl = scaled(t.left);
  const sr = sl === undefined ? scaled(t.right) : undefined;
  if (sl !== undefined) {
    other = t.right;
    scale = sl;
  } else if (sr !== undefined) {
    other = t.left;
    scale = sr;
    op = FLIP[op] ?? op;
  } else return undefined;
  if (!truth) op = NEGATE[op] ?? '';
  if (op !== '<' && op !== '<=') return undefined;
  const c = evaluate(other, env);
  if (isConst(c)) return c.lo / scale;
  // `if (waitMs > budgetLeft) throw` with a budget that only shrinks from a known start: the value
  // is at most the largest the other side can be.
  if (!c.opaque && !c.random && Number.isFinite(c.hi)) return c.hi / scale;
  // `if (waitMs > config.maxRetryWaitMs) break` with a limit imported from another module: bounded by a
  // number the file does not show (PRODUCT: stay silent about what cannot be seen). A caller's
  // parameter with no default is no ceiling (s18: the caller may pass anything).
  if (note && !c.random && !c.attempt && !c.retryAfter && importedValue(other, env)) note.unseen = true;
  return undefined;
}

/** Whether an expression reads a binding imported from another module (`limits.longestWaitMs`, `MAX_WAIT`). */
function importedValue(x: Node, env: Env): boolean {
  let root = unwrap(x);
  while (root.type === T.MemberExpression) root = unwrap(root.object);
  if (root.type !== T.Identifier) return false;
  const v = variableOf(env.sourceCode, root);
  return !!v && bindingOf(v)?.kind === 'import';
}

/**
 * An upper bound that the tests on the way to a reference put on its value: a test before it in
 * the same function that leaves when the value is too large (`if (ms > MAX) throw …`, `if (s !==
 * undefined && s > MAX) return`), or the branch of an `if`/ternary/`&&` the reference sits in. A
 * cap anywhere on the path from the value to the wait counts, whatever form it takes. Only for a
 * value that nothing writes between (a binding without later writes, or a member that no
 * assignment in the function changes).
 */
function exitGuardBound(ref: TSESTree.Identifier | TSESTree.MemberExpression, env: Env, note?: { unseen: boolean }): number | undefined {
  const sc = env.sourceCode;
  let same: (x: Node) => boolean;
  if (ref.type === T.Identifier) {
    const variable = variableOf(sc, ref);
    if (!variable || laterWrites(variable).length > 0) return undefined;
    same = (x) => x.type === T.Identifier && isReferenceTo(variable, x);
  } else {
    if (ref.computed || ref.object.type === T.Super) return undefined;
    const text = sc.getText(ref);
    same = (x) => x.type === T.MemberExpression && !x.computed && sc.getText(x) === text;
  }
  let best: number | undefined;
  const take = (b: number | undefined): void => {
    if (b !== undefined && (best === undefined || b < best)) best = b;
  };
  let owner: Node | undefined;
  for (let child: Node = ref, p: Node | undefined = ref.parent; p; child = p, p = p.parent) {
    if (isFunction(p)) {
      owner = p;
      // A closure made after the test reads the same binding (it has no later writes): go on out to
      // the function that declares it.
      if (ref.type !== T.Identifier || contains(p, variableOf(sc, ref)?.defs[0]?.name ?? p)) break;
      continue;
    }
    if (p.type === T.IfStatement && child !== p.test) take(upperBoundWhen(p.test, same, child === p.consequent, env, 0, note));
    if (p.type === T.ConditionalExpression && child !== p.test) take(upperBoundWhen(p.test, same, child === p.consequent, env, 0, note));
    if (p.type === T.LogicalExpression && child === p.right && p.operator !== '??') take(upperBoundWhen(p.left, same, p.operator === '&&', env, 0, note));
    const list = p.type === T.BlockStatement || p.type === T.Program || p.type === T.StaticBlock ? p.body : p.type === T.SwitchCase ? p.consequent : undefined;
    if (list) {
      for (const s of list as Node[]) {
        if (s === child) break;
        if (s.type === T.IfStatement && !s.alternate && alwaysExits(s.consequent)) take(upperBoundWhen(s.test, same, false, env, 0, note));
      }
    }
  }
  if (best === undefined || ref.type === T.Identifier) return best;
  // The member keeps its value: nothing in the function assigns to it.
  let written = false;
  if (owner) {
    walk(owner, sc.visitorKeys, (m) => {
      if (written) return false;
      if ((m.type === T.AssignmentExpression && same(unwrap(m.left))) || (m.type === T.UpdateExpression && same(unwrap(m.argument)))) written = true;
      return undefined;
    });
  }
  return written ? undefined : best;
}

/** The value a variable keeps on the path where a conditional write does not happen, bounded by the guard around the write. */
function guardedPrior(write: Node, decl: Node, variable: Variable, prior: Value, env: Env): Value {
  const block = decl.parent;
  for (let p: Node | undefined = write.parent; p && p !== block && !isFunction(p); p = p.parent) {
    if (p.type === T.IfStatement) {
      const inConsequent = contains(p.consequent, write);
      const bound = upperBoundWhen(p.test, variable, !inConsequent, env);
      return bound === undefined ? prior : minOf(prior, NUM(bound));
    }
  }
  return prior;
}

/** Whether a write is conditional relative to its variable's declaration (an `if`, a ternary, a `catch`, a short-circuit). */
function conditional(write: Node, decl: Node): boolean {
  const block = declarationBlock(decl);
  for (let p = write.parent; p && p !== block && !isFunction(p); p = p.parent) {
    if (p.type === T.IfStatement || p.type === T.ConditionalExpression || p.type === T.LogicalExpression || p.type === T.SwitchCase || p.type === T.CatchClause) return true;
  }
  return false;
}

/**
 * The statement list a declaration sits in (its block, `case`, or the program): the scope within
 * which a later write is straight-line unless a branch comes between. `decl` may be the declared
 * name (an identifier inside its declarator) or a parameter.
 */
function declarationBlock(decl: Node): Node | undefined {
  for (let p = decl.parent; p; p = p.parent) {
    if (p.type === T.BlockStatement || p.type === T.Program || p.type === T.SwitchCase || p.type === T.StaticBlock) return p;
    if (isFunction(p)) return p;
  }
  return undefined;
}

/** A known, finite value with nothing unresolved in it. */
function isKnown(v: Value): boolean {
  return !v.opaque && !v.retryAfter && Number.isFinite(v.hi) && Number.isFinite(v.lo);
}

/** Whether a conditional write is chosen by a test on an attempt count: an `if`, `?:` or `switch` between it and `decl` whose test reads one. */
function chosenByAttempt(write: Node, decl: Node, env: Env): boolean {
  const block = declarationBlock(decl);
  for (let p = write.parent; p && p !== block && !isFunction(p); p = p.parent) {
    if (p.type === T.SwitchCase && evaluate((p.parent as TSESTree.SwitchStatement).discriminant, env).attempt) return true;
    if (p.type !== T.IfStatement && p.type !== T.ConditionalExpression) continue;
    let reads = false;
    walk(p.test, env.sourceCode.visitorKeys, (n) => {
      if (reads || isFunction(n)) return false;
      if (n.type === T.BinaryExpression && /^(<|<=|>|>=|===|==|!==|!=)$/.test(n.operator) && n.left.type !== T.PrivateIdentifier && (evaluate(n.left, env).attempt || evaluate(n.right, env).attempt)) reads = true;
      return undefined;
    });
    if (reads) return true;
  }
  return false;
}

/**
 * A `let` reassigned after its initialiser. A write that runs once in straight-line code
 * (`let s = base; s *= 0.5 + Math.random() / 2;`) updates its one value in place. Writes
 * repeated by a loop or a callback make a sequence: a doubling variable (`d *= 2`,
 * `d = Math.min(d * 2, cap)`) grows with the attempt; a random factor or a bounded random amount
 * is jitter, not growth; other writes are joined with the initial value.
 *
 * @param fromNothing The variable has no initialiser: the first unconditional write replaces `init`.
 */
function evalGrowingVariable(variable: Variable, initNode: Node, init: Value, env: Env, fromNothing = false): Value {
  let result = init;
  let grows = false;
  let cap: number | undefined;
  let factor = 2;
  let anyRandom = false;
  let writtenInRegion = false;
  let cappedUnknown = false;
  // A write that grows the value with nothing bounding it; a clamp written apart (`if (d > C) d = C`,
  // `d = Math.min(d, C)`) bounds every growth.
  let uncapped = false;
  let clamp: number | undefined;
  let stepped = false;
  const decl = variable.defs[0]!.name as Node;
  const isSelf = (x: Node): boolean => {
    const u = unwrap(x);
    return u.type === T.Identifier && isReferenceTo(variable, u);
  };
  const pin = (v: Value, run: () => Value): Value => withParam(variable, v, env, run);
  const widen = (c: number | undefined, by: number): number => (c === undefined ? by : Math.max(c, by));
  const writes = [...laterWrites(variable)].sort((a, b) => a.identifier.range[0] - b.identifier.range[0]);
  for (const ref of writes) {
    const id = ref.identifier as TSESTree.Identifier;
    const parent = id.parent;
    if (env.region && contains(env.region.node, id)) writtenInRegion = true;
    else if (!env.region || !declaredOncePerRetry(id, env)) writtenInRegion = true;
    const once = straightLine(id, decl) && !(env.region && contains(env.region.node, id) && !contains(env.region.node, decl));
    if (once && parent?.type === T.AssignmentExpression && parent.left === id) {
      // Straight-line code: the write updates the one value the variable holds.
      const saved = env.params.get(variable);
      env.params.set(variable, result);
      let next: Value;
      try {
        next = parent.operator === '=' ? evaluate(parent.right, env) : binaryValue(parent.operator.slice(0, -1), result, evaluate(parent.right, env));
      } finally {
        if (saved) env.params.set(variable, saved);
        else env.params.delete(variable);
      }
      const cond = conditional(id, decl);
      // `if (n < 3) wait = 1000; else if (n < 6) wait = 5000;`: known values chosen by tests on the attempt step it.
      if (cond && isKnown(next) && isKnown(result) && (next.lo !== result.lo || next.hi !== result.hi) && chosenByAttempt(id, decl, env)) stepped = true;
      // `if (header) delayMs = seconds * 1000`: the server's value replaces the code's own, uncapped.
      // Only over a value the code set and bounded itself (`let delayMs = Math.min(…)`), not a first write.
      if (cond && !fromNothing && next.retryAfter && next.hi === Infinity && !next.capped && !next.unboundedGrowth && !result.retryAfter && !result.opaque && Number.isFinite(result.hi) && !next.serverAt) next = { ...next, serverAt: parent.right };
      // `if (!(d < 60_000)) d = fallback`: where the old value survives, the guard bounds it.
      const kept = cond ? guardedPrior(id, decl, variable, result, env) : result;
      result = !cond ? next : fromNothing && result.lo > result.hi ? next : join(kept, next);
      if (cond && next.random) anyRandom = true;
      continue;
    }
    if (parent?.type === T.UpdateExpression) {
      grows = true;
      uncapped = true;
      continue;
    }
    if (parent?.type !== T.AssignmentExpression) return { ...OPAQUE(), source: initNode };
    if (parent.operator === '*=' || parent.operator === '+=' || parent.operator === '<<=' || parent.operator === '**=') {
      const k = evaluate(parent.right, env);
      if (k.random) anyRandom = true;
      // A factor of at most 1, or a bounded random amount added, is not growth.
      if (parent.operator === '*=' && !k.opaque && k.hi <= 1) continue;
      if (parent.operator === '+=' && k.random && !k.attempt && Number.isFinite(k.hi)) continue;
      grows = true;
      if (parent.operator === '*=' && Number.isFinite(k.hi)) factor = Math.max(factor, k.hi);
      if (parent.operator === '+=' && Number.isFinite(k.hi) && Number.isFinite(init.hi) && init.hi > 0) factor = Math.max(factor, 1 + k.hi / init.hi);
      // `if (d < MAX) d *= 2`: the growth stops under a limit.
      const ceiling = writeCeiling(parent, isSelf, pin, env);
      if (ceiling === undefined) uncapped = true;
      else cap = widen(cap, ceiling);
      continue;
    }
    // `left -= waitMs` with a wait that is never negative: a budget that only shrinks keeps its
    // first value as its largest.
    if (parent.operator === '-=') {
      const k = evaluate(parent.right, env);
      if (k.lo >= 0) {
        result = { ...result, lo: Math.min(result.lo, 0), invariant: false };
        continue;
      }
      return { ...OPAQUE(), source: initNode };
    }
    if (parent.operator === '=') {
      // `d = d * 2`, `d = Math.min(d * 2, cap)`, `d = d * (1 + Math.random())`: probe the update
      // with `d` standing for 1 (below any cap): a result above 1 grows; randomness is kept.
      const refsSelf = refersTo(parent.right, variable, env.sourceCode);
      const probe = refsSelf ? probeUpdate(parent.right, variable, env) : undefined;
      if (probe?.random) anyRandom = true;
      // `d = nextDelay(d)` with a helper from another module: the next value is unknown, not growth.
      const rhs = unwrap(parent.right);
      if (probe?.opaque && !probe.random && rhs.type === T.CallExpression && !isMathMember(rhs) && !sameFileFunction(rhs.callee, env)) return { ...OPAQUE(), source: initNode };
      if (probe && !(probe.hi > 1) && !probe.opaque) {
        // `d = Math.random() * d` (on some path): jitter, not growth; `d = Math.min(d, MAX)`: a clamp.
        const ceiling = writeCeiling(parent, isSelf, pin, env);
        if (ceiling !== undefined) clamp = widen(clamp, ceiling);
        continue;
      }
      if (refsSelf) {
        grows = true;
        if (probe && !probe.opaque && Number.isFinite(probe.hi) && probe.hi > factor && probe.hi <= 16) factor = probe.hi;
        // `Math.min(d * 2, C)`, `d * 2 > C ? C : d * 2`, `grow(d)` with a helper that clamps.
        const capped = capOf(parent.right, env) ?? writeCeiling(parent, isSelf, pin, env);
        if (capped !== undefined) cap = widen(cap, capped);
        // `d = Math.min(d, options.ceilingMs)`: a cap of unknown size still caps.
        else if (capsWithUnknown(parent.right, variable, env)) cappedUnknown = true;
        else uncapped = true;
      } else {
        const v = evaluate(parent.right, env);
        // `if (gap >= 90) gap = 90`: a cap written as a guarded reset to the limit.
        const at = clampedAt(parent, isSelf, v, env);
        if (at !== undefined) clamp = widen(clamp, at);
        result = join(result, v);
      }
      continue;
    }
    return { ...OPAQUE(), source: initNode };
  }
  if (writtenInRegion) result = { ...result, invariant: false };
  // A random component on one path (`if (options.jitter) d = Math.random() * d`) counts: the code has jitter.
  if (anyRandom) result = { ...result, random: true, invariant: false };
  // Values stepped by the attempt take several sizes as it goes: the delay changes with it, up to the largest.
  if (stepped && !grows && !result.opaque && Number.isFinite(result.hi)) return { ...result, attempt: true, unboundedGrowth: false, source: undefined, invariant: false };
  if (!grows) return result;
  const growthCap = uncapped ? undefined : cap;
  const bound = clamp !== undefined ? Math.min(clamp, growthCap ?? Infinity) : growthCap;
  if (bound === undefined && cappedUnknown) return { ...result, hi: Infinity, attempt: true, unboundedGrowth: false, capped: true, source: undefined, invariant: false };
  const reach = env.iterations !== undefined && Number.isFinite(result.hi) ? result.hi * factor ** Math.max(0, env.iterations - 1) : Infinity;
  const hi = Math.min(bound ?? Infinity, reach);
  return { ...result, hi: Math.max(result.hi, hi), attempt: true, unboundedGrowth: !Number.isFinite(hi), cap: bound ?? result.cap, source: undefined, invariant: false };
}

/**
 * The limit of a clamp written as a guarded assignment, `if (d >= LIMIT) d = LIMIT` (or `>`, or the
 * comparison reversed): the assigned constant when the guard compares the variable against the same
 * value from above. Undefined for any other assignment.
 */
function clampedAt(assign: TSESTree.AssignmentExpression, isVar: (x: Node) => boolean, value: Value, env: Env): number | undefined {
  if (!isConst(value)) return undefined;
  let stmt: Node | undefined = assign.parent;
  if (stmt?.type === T.ExpressionStatement) stmt = stmt.parent;
  if (stmt?.type === T.BlockStatement && stmt.body.length === 1) stmt = stmt.parent;
  if (stmt?.type !== T.IfStatement || !contains(stmt.consequent, assign)) return undefined;
  const t = unwrap(stmt.test);
  if (t.type !== T.BinaryExpression || t.left.type === T.PrivateIdentifier) return undefined;
  let limit: Node | undefined;
  if ((t.operator === '>=' || t.operator === '>') && isVar(t.left)) limit = t.right;
  else if ((t.operator === '<=' || t.operator === '<') && isVar(t.right)) limit = t.left;
  if (!limit) return undefined;
  const l = evaluate(limit, env);
  return isConst(l) && l.lo === value.lo ? value.lo : undefined;
}

/** Evaluates a self-referencing update (`d * (1 + Math.random())`) with the variable standing for 1. */
function probeUpdate(rhs: Node, variable: Variable, env: Env): Value {
  return withParam(variable, NUM(1), env, () => evaluate(rhs, env));
}

/** A call of a `Math` function (`Math.min(…)`, `Math.round(…)`): arithmetic the evaluator reads. */
function isMathMember(call: TSESTree.CallExpression): boolean {
  const c = unwrap(call.callee);
  return c.type === T.MemberExpression && unwrap(c.object).type === T.Identifier && (unwrap(c.object) as TSESTree.Identifier).name === 'Math';
}

/** Runs an evaluation with a variable bound to a value (as a same-file call binds its parameters). */
/**
 * The value of a bound parameter at a read, after the plain statements of its function that write it
 * before the read (`n = Math.min(MAX_EXPONENT, n)` at the top of a wait helper): each is evaluated with
 * the value before it. A write under a test or in a loop leaves the value unknown no more than the
 * helper's own code says: it is not followed (the bound value stands).
 */
function rebound(read: TSESTree.Identifier, variable: Variable, value: Value, env: Env): Value {
  const fn = variable.defs[0]?.node;
  if (!fn || !isFunction(fn) || fn.body.type !== T.BlockStatement) return value;
  const top = fn.body.body;
  let v = value;
  for (const r of [...variable.references].sort((x, y) => x.identifier.range[0] - y.identifier.range[0])) {
    const a = r.identifier.parent;
    if (!r.isWrite() || r.init || !a || a.range[1] > read.range[0]) continue;
    if (a?.type !== T.AssignmentExpression || a.left !== r.identifier || a.parent?.type !== T.ExpressionStatement || !top.includes(a.parent)) return value;
    const before = v;
    v = withParam(variable, before, env, () => (a.operator === '=' ? evaluate(a.right, env) : binaryValue(a.operator.slice(0, -1), before, evaluate(a.right, env))));
  }
  return v;
}

function withParam(variable: Variable, v: Value, env: Env, run: () => Value): Value {
  const saved = env.params.get(variable);
  env.params.set(variable, v);
  try {
    return run();
  } finally {
    if (saved) env.params.set(variable, saved);
    else env.params.delete(variable);
  }
}

/**
 * The most a write can leave in the cell it updates (a variable or a field), whatever form the cap
 * takes: `Math.min(d * 2, C)`, `d * 2 > C ? C : d * 2`, `grow(d)` with a same-file helper that
 * clamps, `if (d < C) d *= 2`. The write is evaluated with the cell at the most it can hold there:
 * the bound the tests on the way to the write put on it, or Infinity. `pin` runs an evaluation
 * with the cell bound to a value. Undefined when nothing caps the write.
 */
function writeCeiling(write: TSESTree.AssignmentExpression, isSelf: (x: Node) => boolean, pin: (v: Value, run: () => Value) => Value, env: Env): number | undefined {
  const before = NUM(boundOnTheWay(write, isSelf, env) ?? Infinity);
  const v = pin(before, () => (write.operator === '=' ? evaluate(write.right, env) : binaryValue(write.operator.slice(0, -1), before, evaluate(write.right, env))));
  return !v.opaque && Number.isFinite(v.hi) ? v.hi : undefined;
}

/** The upper bound the enclosing tests (`if`, `?:`, `&&`/`||`) put on a cell where a node runs, up to its function. */
function boundOnTheWay(node: Node, isSelf: (x: Node) => boolean, env: Env): number | undefined {
  let best: number | undefined;
  for (let child: Node = node, p = node.parent; p && !isFunction(p); child = p, p = p.parent) {
    let b: number | undefined;
    if ((p.type === T.IfStatement || p.type === T.ConditionalExpression) && child !== p.test) b = upperBoundWhen(p.test, isSelf, child === p.consequent, env);
    else if (p.type === T.LogicalExpression && child === p.right && p.operator !== '??') b = upperBoundWhen(p.left, isSelf, p.operator === '&&', env);
    if (b !== undefined && (best === undefined || b < best)) best = b;
  }
  return best;
}

function refersTo(node: Node, variable: Variable, sourceCode: TSESLint.SourceCode): boolean {
  let found = false;
  walk(node, sourceCode.visitorKeys, (n) => {
    if (found) return false;
    if (n.type === T.Identifier && isReferenceTo(variable, n)) found = true;
    return undefined;
  });
  return found;
}

/** The cap a `Math.min(…, C)` at the top of an expression applies, if any (`Math.min(x)` alone is `x`: no cap). */
function capOf(node: Node, env: Env): number | undefined {
  const n = unwrap(node);
  if (n.type === T.CallExpression && isMathCall(n, 'min') && n.arguments.length >= 2) {
    const caps = n.arguments.map((a) => evaluate(a, env)).filter((v) => !v.attempt && !v.opaque && Number.isFinite(v.hi));
    if (caps.length > 0) return Math.min(...caps.map((c) => c.hi));
  }
  return undefined;
}

/** Whether an update is `Math.min(…)` with a bound that is not the variable itself, an attempt counter or a server delay. */
function capsWithUnknown(node: Node, variable: Variable, env: Env): boolean {
  const n = unwrap(node);
  if (n.type !== T.CallExpression || !isMathCall(n, 'min') || n.arguments.length < 2) return false;
  return n.arguments.some((a) => {
    if (a.type === T.SpreadElement || refersTo(a, variable, env.sourceCode)) return false;
    const v = evaluate(a, env);
    return !v.attempt && !v.retryAfter;
  });
}

/**
 * Whether the object a member is read from keeps the member across attempts: a `this` field or
 * an untouched parameter, option, import or once-evaluated constant, whose member path nothing
 * writes and that is not handed to a call inside the retry (which could change it).
 */
/** The constructor of the class whose method holds `node` (a `this` member read there), if any. */
function constructorOf(node: Node): TSESTree.MethodDefinition | undefined {
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === T.ClassBody) return p.body.find((m): m is TSESTree.MethodDefinition => m.type === T.MethodDefinition && m.kind === 'constructor');
  }
  return undefined;
}

function objectKeepsMembers(member: TSESTree.MemberExpression, env: Env): boolean {
  const region = env.region;
  if (!region) return false;
  let root: Node = member;
  while (root.type === T.MemberExpression) {
    if (root.computed && root !== member) return false;
    root = unwrap(root.object);
  }
  if (root.type === T.ThisExpression) {
    // `this.options.gap`: the first field must itself be left alone after construction.
    let first: Node = member;
    while (first.type === T.MemberExpression && unwrap(first.object).type !== T.ThisExpression) first = unwrap(first.object);
    const f = first.type === T.MemberExpression ? fieldOf(first) : undefined;
    if (!f || f.otherWrites.length > 0) return false;
  } else if (root.type === T.MetaProperty || (root.type === T.Identifier && root.name === 'process' && !variableOf(env.sourceCode, root)?.defs.length)) {
    // `process.env.RETRY_DELAY_MS`, `import.meta.env.X`: the deployment's configuration.
    if (!/\.env\b/.test(env.sourceCode.getText(member))) return false;
  } else if (root.type === T.Identifier) {
    const v = variableOf(env.sourceCode, root);
    const b = v && bindingOf(v);
    if (!v || !b || !b.stable) return false;
    const ok =
      b.kind === 'import' ||
      ((b.kind === 'param' || b.kind === 'param-default') && paramKeepsValue(v, env)) ||
      ((b.kind === 'init' || b.kind === 'destructured') && declaredOncePerRetry(v.defs[0]!.node, env));
    if (!ok) return false;
  } else {
    return false;
  }
  const scopeRoot = env.sourceCode.ast as Node;
  // `this.config.retryDelay ??= 30_000` in the constructor sets the member before any retry runs.
  const ctor = root.type === T.ThisExpression ? constructorOf(member) : undefined;
  if (memberWritten(env.sourceCode, member, scopeRoot, ctor ? (n) => n === ctor : undefined)) return false;
  // Handed to a call inside the retry (`op(state)`): the callee may change it.
  const prefixes = new Set<string>();
  for (let m: Node = unwrap(member.object); ; m = unwrap((m as TSESTree.MemberExpression).object)) {
    prefixes.add(env.sourceCode.getText(m));
    if (m.type !== T.MemberExpression) break;
  }
  let handed = false;
  walk(region.node, env.sourceCode.visitorKeys, (n) => {
    if (handed) return false;
    if ((n.type === T.CallExpression || n.type === T.NewExpression) && n.arguments.some((a) => prefixes.has(env.sourceCode.getText(unwrap(a))))) handed = true;
    return undefined;
  });
  return !handed;
}

/**
 * Whether a member is read from an object fixed before the first attempt (`options.retryAfter` of
 * the retry's own parameter, handed on unchanged): what it holds was chosen before any answer came,
 * so it is a setting, not the server's answer to an attempt.
 */
function heldInSettings(n: TSESTree.MemberExpression, env: Env): boolean {
  const holder = unwrap(n.object);
  const v = holder.type === T.Identifier ? variableOf(env.sourceCode, holder) : undefined;
  return !!v && fixedBeforeRetry(v, env);
}

/** A variable that keeps one value for the whole retry and was set before it began (see {@link paramKeepsValue}, {@link declaredOncePerRetry}). */
function fixedBeforeRetry(v: Variable, env: Env): boolean {
  const def = v.defs[0];
  if (!def || v.references.some((r) => r.isWrite() && !r.init)) return false;
  if (def.type === 'Parameter') return paramKeepsValue(v, env);
  return def.type === 'Variable' && declaredOncePerRetry(def.node, env);
}

/** A header or field name written as a string, or held in a constant (`const RESET = 'X-RateLimit-Reset'`). */
function headerName(node: Node | undefined, env: Env): string | undefined {
  if (!node) return undefined;
  const literal = stringValue(node);
  if (literal !== undefined) return literal;
  const v = constantValue(env.sourceCode, node)?.value;
  return typeof v === 'string' ? v : undefined;
}

function evalMember(n: TSESTree.MemberExpression, env: Env): Value {
  const name = propertyName(n) ?? (n.computed ? headerName(n.property, env) : undefined);
  // `err.retryAfter`, `res.headers['retry-after']`: the server's delay. `options.retryAfter` of
  // options fixed before the first attempt is the caller's setting, evaluated as any other field.
  if (isRetryAfterName(name) && !heldInSettings(n, env)) return RETRY_AFTER();
  const pinned = env.pinnedMember?.(n);
  if (pinned) return pinned;
  const counter = env.attemptMember?.(n);
  if (counter) return { ...NUM(0), lo: counter.lo, hi: counter.hi, attempt: true, unboundedGrowth: counter.hi === Infinity, invariant: false };
  // `info.interval` of a parameter bound to an object literal (`pauseBetween({ interval, attempt })`).
  const holder = unwrap(n.object);
  if (!n.computed && name !== undefined && holder.type === T.Identifier) {
    const v = variableOf(env.sourceCode, holder);
    const bound = v ? env.params.get(v) : undefined;
    const members = bound?.members;
    if (members) return members.get(name) ?? OPAQUE();
    // A member of a parameter handed a value the retry never changes (`cfg.retryWaitSeconds` in
    // the operation the loop calls with its own `cfg`), written nowhere: the same on every attempt.
    if (bound?.invariant && !bound.attempt && !bound.retryAfter && !memberWrittenThroughRoot(n, env.sourceCode)) return INVARIANT();
  }
  const configured = env.memberValues?.(n);
  if (configured && configured.length > 0) {
    let out: Value | undefined;
    for (const c of configured) out = out ? join(out, evaluate(c, env)) : evaluate(c, env);
    if (out) return out;
  }
  // Lookup table: `SCHEDULE[attempt]`.
  if (n.computed) {
    const index = evaluate(n.property, env);
    const fixed = arrayValues(n.object, env);
    // `delays[attempt - 1]` with `{ delays = [30000, 60000, 120000] } = {}`: the table by default.
    const byDefault = fixed ? undefined : defaultArray(n.object, env);
    const table = fixed ?? byDefault;
    if (table && table.length > 0) {
      // Only the entries the index can reach are read (`WAITS[Math.min(made - 1, 2)]` with
      // `made` 1..2 reads the first two): an index past the end reads no delay at all.
      const first = index.opaque ? 0 : Math.max(0, Math.ceil(index.lo));
      const last = index.opaque || !Number.isFinite(index.hi) ? table.length - 1 : Math.min(table.length - 1, Math.floor(index.hi));
      const reached = first <= last ? table.slice(first, last + 1) : table;
      const v = { ...NUM(0), lo: Math.min(...reached), hi: Math.max(...reached), ...(byDefault ? { byDefault: true } : {}) };
      return index.attempt ? { ...v, attempt: true, source: undefined, invariant: false } : { ...v, invariant: index.invariant && isConst(index) };
    }
    // `schedule[attempt]` from a table the retry never writes (a parameter, a field): each entry is
    // a number fixed before the retry starts, so no randomness is added; its values stay unknown.
    if (index.attempt && !index.random && objectKeepsMembers(n, env)) return { ...OPAQUE(), attempt: true };
  }
  // `state.waitMs` of `const state = { waitMs: 200 }` that some code writes (`state.waitMs *= 2` in
  // a callback): its initial value is not the value the wait reads.
  const writtenLocal = !n.computed && memberWrittenThroughRoot(n, env.sourceCode);
  const stat = writtenLocal ? undefined : staticNumber(n, env);
  if (stat !== undefined) return NUM(stat);
  // `syncConfig.maxRetries` of a parameter of a function only this file calls (a private method, a
  // module function never exported or handed on), every caller handing an object literal: what they put there.
  if (!writtenLocal && !n.computed && name !== undefined && holder.type === T.Identifier) {
    const passed = valuesFromCallers(holder, name, env);
    if (passed) return passed;
  }
  // `{ ...DEFAULTS, ...options }` held in a local const, `options` the function's parameter: the
  // value is a default the caller may replace before the first attempt (PRODUCT: a default counts as
  // known, "by default"), a setting whatever its name (`s.tries`), not a count kept on an object.
  const held = holder.type === T.Identifier ? variableOf(env.sourceCode, holder)?.defs[0] : undefined;
  if (!n.computed && name !== undefined && held?.type === 'Variable' && held.parent.kind === 'const' && !writtenLocal) {
    const local = resolveObject(env.sourceCode, n.object);
    const p = local?.properties.get(name);
    if (local && p && p.overridable && overriddenOnlyByParameters(local.node, env.sourceCode)) {
      const v = evaluate(p.value, env);
      return v.attempt || v.retryAfter || v.opaque ? v : { ...v, byDefault: true, invariant: true };
    }
  }
  // `this.cooldownMs`: a field nothing writes after construction is its initialiser (or the constructor's value).
  const field = fieldOf(n);
  // `config.__retryCount`, `this.attempts`: an attempt counter kept on an object. Not a field that
  // only construction sets (`this.#retries = retries`): that one holds a setting, never a count.
  // Nor a member of the caller's options (`opts.attempts ?? 4`, `options.retries`) that nothing in
  // the file writes: the caller chose it before the retry started, a setting as well.
  if (name !== undefined && ATTEMPT_NAME_RE.test(name) && !(field && field.otherWrites.length === 0) && !callerSetting(n, name, env.sourceCode)) return { ...OPAQUE(), attempt: true };
  if (field) {
    if (field.otherWrites.length > 0) return grownField(field, env) ?? OPAQUE();
    const start = fieldStart(field);
    // Read inside its own constructor write (`this.maxRetries = options.maxRetries ?? this.maxRetries`):
    // the value it had until then, its initialiser.
    if (fieldsBeingSet.has(field)) return start ? evaluate(start, env) : OPAQUE();
    const values = [...(start && field.constructorWrites.length === 0 ? [start] : []), ...field.constructorWrites];
    let out: Value | undefined;
    const saved = env.params;
    env.params = new Map();
    fieldsBeingSet.add(field);
    try {
      for (const e of values) out = out ? join(out, evaluate(e, env)) : evaluate(e, env);
    } finally {
      env.params = saved;
      fieldsBeingSet.delete(field);
    }
    // Set once per instance (its initialiser, the constructor, a parameter property) and written
    // nowhere else in the class: the same on every attempt, whatever it is, even where the retry's
    // region is not known (a relay's or a hook's timer).
    if (!out || out.attempt || out.retryAfter) return INVARIANT();
    return { ...out, invariant: true };
  }
  // `ref.current` of a React ref: its initialiser, or grown by the writes the retry makes.
  const cell = refCellOf(n, env.sourceCode);
  if (cell) {
    if (cell.writes.length > 0) return grownCell(cell.initializer ? [cell.initializer] : [], cell.writes, cell.same, env) ?? OPAQUE();
    if (!cell.initializer) return OPAQUE();
    const v = evaluate(cell.initializer, env);
    return v.attempt || v.retryAfter ? v : { ...v, invariant: true };
  }
  // `opts.retries` where `opts` resolves to an object literal (a const, a parameter's default,
  // a destructured option; same-file spreads merged, the last write wins).
  const literal = name !== undefined && !n.computed ? resolveObject(env.sourceCode, n.object) : undefined;
  const prop = name !== undefined ? literal?.properties.get(name) : undefined;
  if (prop && !prop.overridable && !writtenLocal) return evaluate(prop.value, env);
  if (name === 'length') {
    const arr = arrayValues(n.object, env);
    if (arr) return NUM(arr.length);
  }
  if (!n.computed && objectKeepsMembers(n, env)) return INVARIANT();
  return OPAQUE();
}

/** Fields whose constructor writes are being evaluated (a read of one inside them is its initialiser). */
const fieldsBeingSet = new Set<object>();

/**
 * Whether every spread of `obj` that is no same-file object is a parameter of a function (or a
 * member of one, `...opts.retry`), optionally defaulted (`...(options ?? {})`): options the caller
 * hands in, applied over the defaults written before them.
 */
function overriddenOnlyByParameters(obj: TSESTree.ObjectExpression, sourceCode: TSESLint.SourceCode): boolean {
  return obj.properties.every((p) => {
    if (p.type !== T.SpreadElement || resolveObject(sourceCode, p.argument)) return true;
    const given = unwrap(p.argument);
    const a = chainRoot(given.type === T.LogicalExpression && (given.operator === '??' || given.operator === '||') ? given.left : given);
    const def = a.type === T.Identifier ? variableOf(sourceCode, a)?.defs[0] : undefined;
    return def?.type === 'Parameter';
  });
}

/**
 * A field that the retry grows (`this.wait = Math.min(this.wait * 2, 30000)`, `this.gap *= 2`,
 * `this.delay++`), starting from its initialiser or constructor value: a growing delay, capped
 * when every update caps it; random when an update is. Resets to a constant (`this.wait = 1000`
 * on success) join the start value. Undefined when some write is none of these.
 */
function grownField(field: NonNullable<ReturnType<typeof fieldOf>>, env: Env): Value | undefined {
  const isField = (m: Node): boolean => {
    if (m.type !== T.MemberExpression) return false;
    const f = fieldOf(m);
    return !!f && f.owner === field.owner && f.name === field.name;
  };
  return grownCell([...(field.initializer ? [field.initializer] : []), ...field.constructorWrites], field.otherWrites, isField, env);
}

/**
 * A mutable cell (a class field, a React ref's `current`) that the retry grows from its start
 * values by `writes`; `isCell` tells a read of the same cell. A local `const` initialised from the
 * cell (`const wait = ref.current; ref.current = Math.min(wait * 2, cap)`) reads it too. See
 * {@link grownField}.
 */
function grownCell(start: readonly Node[], writes: readonly Node[], isCell: (m: Node) => boolean, env: Env): Value | undefined {
  const isField = (m: Node): boolean => {
    if (isCell(m)) return true;
    if (m.type !== T.Identifier) return false;
    const d = variableOf(env.sourceCode, m)?.defs[0]?.node;
    return d?.type === T.VariableDeclarator && d.parent?.type === T.VariableDeclaration && d.parent.kind === 'const' && !!d.init && isCell(unwrap(d.init));
  };
  if (start.length === 0) return undefined;
  let base: Value | undefined;
  const saved = env.params;
  env.params = new Map();
  try {
    for (const e of start) base = base ? join(base, evaluate(e, env)) : evaluate(e, env);
  } finally {
    env.params = saved;
  }
  if (!base || base.attempt) return undefined;
  // A start set out of sight (`this.delay = opts.reconnectInterval`) still grows by the updates: the
  // growth, its cap and its randomness are read from them; the start is taken as at most the cap.
  const unknownStart = base.opaque || !Number.isFinite(base.hi);
  if (unknownStart) base = { ...NUM(0), random: base.random };
  let grows = false;
  let random = false;
  let cap: number | undefined;
  let uncapped = false;
  let clamp: number | undefined;
  const widen = (c: number | undefined, by: number): number => (c === undefined ? by : Math.max(c, by));
  // The cell, and a local const read from it, stand for the value being probed.
  const pin = (v: Value, run: () => Value): Value => {
    const hook = env.pinnedMember;
    const visiting = env.visiting;
    env.pinnedMember = (m) => (isCell(m) ? v : hook?.(m));
    env.visiting = new Set();
    try {
      return run();
    } finally {
      env.pinnedMember = hook;
      env.visiting = visiting;
    }
  };
  for (const w of writes) {
    if (w.type === T.UpdateExpression) {
      grows = true;
      uncapped = true;
      continue;
    }
    if (w.type !== T.AssignmentExpression) return undefined;
    if (w.operator === '*=' || w.operator === '+=') {
      const k = evaluate(w.right, env);
      if (k.opaque) return undefined;
      random ||= k.random;
      if ((w.operator === '*=' && k.hi > 1) || (w.operator === '+=' && k.hi > 0 && !k.random)) {
        grows = true;
        // `if (this.delay < MAX) this.delay *= 2`: the growth stops under a limit.
        const ceiling = writeCeiling(w, isField, pin, env);
        if (ceiling === undefined) uncapped = true;
        else cap = widen(cap, ceiling);
      }
      continue;
    }
    if (w.operator !== '=') return undefined;
    let selfRef = false;
    walk(w.right, env.sourceCode.visitorKeys, (m) => {
      if ((m.type === T.MemberExpression || m.type === T.Identifier) && isField(m)) selfRef = true;
      return undefined;
    });
    if (!selfRef) {
      const v = evaluate(w.right, env);
      if (v.opaque || v.attempt) return undefined;
      random ||= v.random;
      // `if (this.delay > MAX) this.delay = MAX`: a clamp, not a start value.
      const at = clampedAt(w, isField, v, env);
      if (at !== undefined) clamp = widen(clamp, at);
      else base = join(base, v);
      continue;
    }
    // The update with the field standing for 1: above 1 it grows.
    const hook = env.attemptMember;
    env.attemptMember = (m) => (isCell(m) ? { lo: 1, hi: 1 } : hook?.(m));
    // A local read of the cell (`const wait = ref.current`) may be the value being evaluated: the
    // probe starts its own walk, and the hook stops it at the cell.
    const visiting = env.visiting;
    env.visiting = new Set();
    let probe: Value;
    try {
      probe = evaluate(w.right, env);
    } finally {
      env.attemptMember = hook;
      env.visiting = visiting;
    }
    if (probe.opaque && !probe.random) return undefined;
    random ||= probe.random;
    if (!(probe.hi > 1)) {
      // `this.delay = Math.min(this.delay, MAX)` after the growth: a clamp.
      const ceiling = writeCeiling(w, isField, pin, env);
      if (ceiling !== undefined) clamp = widen(clamp, ceiling);
      continue;
    }
    grows = true;
    // `Math.min(d * 2, C)`, a clamping ternary, a same-file helper that clamps.
    const c = capOf(w.right, env) ?? writeCeiling(w, isField, pin, env);
    if (c === undefined) uncapped = true;
    else cap = widen(cap, c);
  }
  if (!grows) return undefined;
  const bound = clamp !== undefined ? Math.min(clamp, uncapped ? Infinity : cap ?? Infinity) : uncapped ? undefined : cap;
  if (unknownStart && bound === undefined && !uncapped) return undefined;
  const hi = bound === undefined ? Infinity : Math.max(base.hi, bound);
  return { ...base, hi, random: base.random || random, attempt: true, unboundedGrowth: !Number.isFinite(hi), cap: bound, source: undefined, invariant: false };
}

function arrayValues(node: Node, env: Env): number[] | undefined {
  // `this.steps`: a field set once, by its initialiser, is that table.
  const u = unwrap(node);
  const field = u.type === T.MemberExpression ? fieldOf(u) : undefined;
  if (field) {
    if (field.otherWrites.length > 0) return undefined;
    // `this.delays = [1, 1, 2, 3, 5]` once in the constructor, the only write: that table.
    if (field.constructorWrites.length > 0) {
      const only = field.constructorWrites.length === 1 && !field.initializer && !field.parameterProperty ? unwrap(field.constructorWrites[0]) : undefined;
      return only?.type === T.ArrayExpression ? arrayValues(only, env) : undefined;
    }
    // `constructor(private readonly steps = [0, 2000, 5000])`: the default counts as known (PRODUCT).
    const init = fieldStart(field);
    return init ? arrayValues(init, env) : undefined;
  }
  try {
    const r = ASTUtils.getStaticValue(unwrap(node) as TSESTree.Node, env.sourceCode.getScope(node));
    if (r && Array.isArray(r.value) && r.value.every((x) => typeof x === 'number')) return r.value as number[];
  } catch {
    return undefined;
  }
  return undefined;
}

/**
 * The table a parameter (or a destructured option) holds by default when the function never writes
 * it: `delays = [30000, 60000, 120000]`. PRODUCT counts a default as known; a caller may pass another.
 */
function defaultArray(node: Node, env: Env): number[] | undefined {
  const u = unwrap(node);
  const v = u.type === T.Identifier ? variableOf(env.sourceCode, u) : undefined;
  const b = v ? bindingOf(v) : undefined;
  if (!b || b.kind !== 'param-default' || !b.stable || !b.node) return undefined;
  return arrayValues(b.node, env);
}

/**
 * Whether a member path read from a local object (`state.waitMs`) is written through any reference
 * to that object (an assignment, compound assignment or update of the path or a prefix of it).
 * Follows the root variable's references only, not the whole file.
 */
function memberWrittenThroughRoot(member: TSESTree.MemberExpression, sourceCode: TSESLint.SourceCode): boolean {
  let root: Node = member;
  while (root.type === T.MemberExpression) root = unwrap(root.object);
  if (root.type !== T.Identifier) return false;
  const v = variableOf(sourceCode, root);
  if (!v || v.defs.length === 0) return false;
  const text = sourceCode.getText(member);
  for (const r of v.references) {
    let top: Node = r.identifier;
    while (top.parent?.type === T.MemberExpression && top.parent.object === top) top = top.parent;
    if (top === r.identifier) continue;
    const p = top.parent;
    const written = (p?.type === T.AssignmentExpression && p.left === top) || (p?.type === T.UpdateExpression && p.argument === top);
    if (!written) continue;
    const w = sourceCode.getText(top);
    // The same path, a prefix of it, or a member under it.
    if (w === text || text.startsWith(`${w}.`) || w.startsWith(`${text}.`) || w.startsWith(`${text}[`)) return true;
  }
  return false;
}

/**
 * Whether the file writes the member `key` of the object `source` stands for, or a member under it,
 * or hands `source` to `Object.assign`: `this.options.timeout = 5`, `opts.delay *= 2` for `const {
 * delay } = opts`. Matched by source text, as {@link memberWrittenThroughRoot} does.
 */
function memberPathWritten(source: Node, key: string, sourceCode: TSESLint.SourceCode): boolean {
  const base = sourceCode.getText(unwrap(source));
  const text = `${base}.${key}`;
  const index = fileIndex(sourceCode);
  for (const w of index.writes) {
    const target = unwrap(w.type === T.AssignmentExpression ? w.left : w.argument);
    if (target.type !== T.MemberExpression) continue;
    const t = sourceCode.getText(target);
    if (t === text || t.startsWith(`${text}.`) || t.startsWith(`${text}[`) || (target.computed && sourceCode.getText(unwrap(target.object)) === base)) return true;
  }
  return index.calls.some((c) => {
    const callee = unwrap(c.callee);
    return callee.type === T.MemberExpression && propertyName(callee) === 'assign' && sourceCode.getText(unwrap(callee.object)) === 'Object' && !!c.arguments[0] && sourceCode.getText(unwrap(c.arguments[0])) === base;
  });
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
  // `random()` with `const { random = Math.random } = opts` (an injectable source, by default
  // `Math.random`): a draw, whatever the name it is held in.
  if (callee.type === T.Identifier && n.arguments.length === 0) {
    const v = variableOf(env.sourceCode, callee);
    const b = v ? bindingOf(v) : undefined;
    let held = b && (b.kind === 'param-default' || b.kind === 'init') && b.node ? unwrap(b.node) : undefined;
    // `const random = opts.random ?? Math.random`: the same source, by default.
    if (held?.type === T.LogicalExpression && (held.operator === '??' || held.operator === '||')) held = unwrap(held.right);
    if (held?.type === T.MemberExpression && propertyName(held) === 'random' && unwrap(held.object).type === T.Identifier && (unwrap(held.object) as TSESTree.Identifier).name === 'Math') return { ...NUM(0), lo: 0, hi: 1, random: true, invariant: true };
  }
  const name = calleeName(n);
  const objName = callee.type === T.MemberExpression ? (unwrap(callee.object).type === T.Identifier ? (unwrap(callee.object) as TSESTree.Identifier).name : undefined) : undefined;
  const args = n.arguments.map((a) => (a.type === T.SpreadElement ? OPAQUE() : evaluate(a, env)));
  if (objName === 'Math' || objName === 'Number') {
    switch (name) {
      // A fresh draw from the same range on every attempt: invariant as a range (a Delay is
      // invariant only without randomness; `steady` names the random case).
      case 'random':
        return { ...NUM(0), lo: 0, hi: 1, random: true, invariant: true };
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
      // Increasing functions map a range's ends to the result's ends, and a draw stays a draw
      // (`0.5 + Math.sqrt(Math.random()) / 2` is a random factor between 0.5 and 1).
      case 'exp':
      case 'expm1':
      case 'sqrt':
      case 'cbrt':
      case 'log':
      case 'log2':
      case 'log10':
      case 'log1p': {
        const f = Math[name] as (x: number) => number;
        if (!args[0]) return OPAQUE();
        return args[0].opaque ? args[0] : { ...args[0], lo: f(args[0].lo), hi: f(args[0].hi) };
      }
      default:
        return OPAQUE();
    }
  }
  if (objName === 'Date' && name === 'parse') return args[0]?.retryAfter ? args[0] : OPAQUE();
  if ((objName === 'Date' || objName === 'performance') && name === 'now') return { ...OPAQUE(), now: true, opaque: false };
  if (callee.type === T.Identifier && (name === 'Number' || name === 'String' || name === 'parseInt' || name === 'parseFloat')) return args[0] ?? OPAQUE();
  // `header.trim()`: the same text, so a Retry-After value keeps its provenance.
  if (callee.type === T.MemberExpression && name === 'trim' && n.arguments.length === 0) return evaluate(callee.object, env);
  // `headers.get('Retry-After')`, `getHeader('retry-after')`.
  if ((name === 'get' || name === 'getHeader' || name === 'header') && isRetryAfterName(headerName(n.arguments[0], env))) return RETRY_AFTER();
  if (name && CLAMP_RE.test(name) && args.length >= 2) {
    const value = args[0]!;
    const hiArg = args[args.length - 1]!;
    return minOf(value, hiArg);
  }
  if (name && RANDOM_CALL_RE.test(name)) {
    // A helper out of sight handed the attempt number (`exponentialBackoffWithJitter(numAttempts)`):
    // its name says it draws, not on what scale; the attempt is no delay in ms. Random, of unknown size.
    if (args.some((a) => a.attempt) && !sameFileFunction(callee, env)) return { ...OPAQUE(), random: true };
    const hi = args.length > 0 ? Math.max(...args.map((a) => a.hi)) : 1;
    const base = args.reduce<Value | undefined>((acc, a) => (acc ? combine(acc, a, 0, hi) : a), undefined) ?? NUM(0);
    return { ...base, lo: 0, hi, random: true, invariant: base.invariant, retryAfter: base.retryAfter ? 'derived' : undefined };
  }
  // Same-file function: evaluate its returned expressions with the parameters bound.
  // A `const` that falls back to a same-file function (`opts.delayFor ?? ((n) => n * 1000)`) runs
  // that default when the caller gives none: the one resolver the waits use too.
  // A method of a same-file class the object is an instance of (`policy.waitFor(n)`,
  // `this.strategy.delayFor(n)`): its returned value is the delay.
  const fn = sameFileFunction(callee, env) ?? defaultedFunction(callee, env.sourceCode) ?? (unwrap(callee).type === T.MemberExpression ? instanceMethod(unwrap(callee) as TSESTree.MemberExpression, env.sourceCode) : undefined);
  if (fn) return evalFunctionCall(fn as FunctionNode, args, env);
  // `strategy(cap)(attempt)`: a same-file function that returns a function (curried); the inner one
  // runs with the outer call's parameters still bound.
  // `const delayFor = linear(400); … delayFor(n)`: the function made once, held in a const.
  let inner = unwrap(callee);
  if (inner.type === T.Identifier) {
    const v = variableOf(env.sourceCode, inner);
    const b = v && bindingOf(v);
    const init = b && b.kind === 'init' && b.stable && b.node ? unwrap(b.node) : undefined;
    if (init?.type === T.CallExpression) inner = init;
  }
  if (inner.type === T.CallExpression) {
    const maker = sameFileFunction(inner.callee, env) ?? defaultedFunction(inner.callee, env.sourceCode);
    const made = maker ? returnedExpressions(maker as FunctionNode, env.sourceCode) : [];
    const madeFn = made.length === 1 && made[0] ? unwrap(made[0]) : undefined;
    if (maker && madeFn && isFunction(madeFn)) {
      const innerArgs = inner.arguments.map((a) => (a.type === T.SpreadElement ? OPAQUE() : evaluate(a, env)));
      const saved = env.params;
      env.params = bindParams(maker as FunctionNode, innerArgs, env);
      try {
        return evalFunctionCall(madeFn as FunctionNode, args, env);
      } finally {
        env.params = saved;
      }
    }
  }
  // A helper out of sight named for Retry-After returns the server's delay: axios-retry's exported
  // `retryAfter(error)` (ms, 0 when absent), a project's `retryAfterMs(res)`.
  if (isRetryAfterName(name)) return RETRY_AFTER();
  if (args.some((a) => a.retryAfter)) {
    // A helper given the Retry-After header (`parseRetryAfter(res.headers.get('retry-after'))`) converts it.
    return RETRY_AFTER();
  }
  return { ...OPAQUE(), unseenDraw: true };
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
    fixedBranch: (a.fixedBranch || b.fixedBranch) && !a.attempt && !b.attempt,
    source: a.source ?? b.source,
    invariant: a.invariant && b.invariant,
    unmodelled: a.unmodelled || b.unmodelled,
    unseenDraw: a.unseenDraw || b.unseenDraw,
    ...(a.byDefault || b.byDefault ? { byDefault: true } : {}),
  };
}

function maxOf(a: Value, b: Value): Value {
  const raBounded = (x: Value): boolean => !x.retryAfter || Number.isFinite(x.hi) || x.capped || !!x.retryAfterBounded;
  return {
    ...((a.retryAfter || b.retryAfter) && raBounded(a) && raBounded(b) ? { retryAfterBounded: true } : {}),
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
    invariant: a.invariant && b.invariant,
    unmodelled: a.unmodelled || b.unmodelled,
    unseenDraw: a.unseenDraw || b.unseenDraw,
    ...(a.byDefault || b.byDefault ? { byDefault: true } : {}),
  };
}

function power(base: Value, exp: Value): Value {
  const cands = [base.lo ** exp.lo, base.lo ** exp.hi, base.hi ** exp.lo, base.hi ** exp.hi].map(safe);
  return combine(base, exp, Math.min(...cands), Math.max(...cands));
}

function evalBinary(n: TSESTree.BinaryExpression, env: Env): Value {
  if (n.left.type === T.PrivateIdentifier) return OPAQUE();
  return binaryValue(n.operator, evaluate(n.left, env), evaluate(n.right, env));
}

const COMPARE: Record<string, (x: number, y: number) => boolean> = {
  '<': (x, y) => x < y,
  '<=': (x, y) => x <= y,
  '>': (x, y) => x > y,
  '>=': (x, y) => x >= y,
  '===': (x, y) => x === y,
  '==': (x, y) => x === y,
  '!==': (x, y) => x !== y,
  '!=': (x, y) => x !== y,
};

/**
 * Applies a binary operator (also the operator of a compound assignment) to two values. An
 * operator the evaluator does not model (`^`, `%`) blanks only the number: randomness, attempt
 * dependence, invariance and Retry-After provenance still come from the operands.
 */
/** One known integer (a constant, or an attempt number fixed to one value): not random, not opaque. */
function knownInteger(v: Value): boolean {
  return !v.random && !v.opaque && !v.retryAfter && v.lo === v.hi && Number.isInteger(v.lo);
}

/** The exact result of an integer operator on two known integers, keeping whether it depends on the attempt. */
function exactInteger(operator: string, a: Value, b: Value): Value {
  const n = integerOp(operator, a.lo, b.lo);
  return { ...NUM(n), attempt: a.attempt || b.attempt, invariant: a.invariant && b.invariant };
}

/** JavaScript's integer operators on two integers (ECMA-262 §13.12, §13.15: 32-bit for the bitwise ones). */
function integerOp(operator: string, x: number, y: number): number {
  switch (operator) {
    case '^':
      return x ^ y;
    case '|':
      return x | y;
    case '&':
      return x & y;
    case '>>':
      return x >> y;
    case '>>>':
      return x >>> y;
    case '%':
      return x % y;
    default:
      return NaN;
  }
}

function binaryValue(operator: string, a: Value, b: Value): Value {
  const compare = COMPARE[operator];
  if (compare) {
    if (isConst(a) && isConst(b)) return NUM(compare(a.lo, b.lo) ? 1 : 0);
    return { ...OPAQUE(), invariant: a.invariant && b.invariant };
  }
  switch (operator) {
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
      // Two known integers: the exact value (`x | 0` truncation of a known number included).
      if (knownInteger(a) && knownInteger(b)) return exactInteger(operator, a, b);
      return { ...a, random: a.random || b.random, invariant: a.invariant && b.invariant };
    case '^':
    case '%':
      // Two known integers: the exact value; otherwise the number is unknown (below).
      if (knownInteger(a) && knownInteger(b) && !(operator === '%' && b.lo === 0)) return exactInteger(operator, a, b);
      {
        const v = combine(a, b, 0, Infinity);
        return { ...v, lo: 0, hi: Infinity, opaque: true, unboundedGrowth: false, unmodelled: true, cap: undefined, capped: a.capped && b.capped };
      }
    case '??':
      return isConst(a) ? a : join(a, b);
    case '||':
      return truthOf(a) === true ? a : truthOf(a) === false ? b : join(a, b);
    case '&&':
      return truthOf(a) === false ? a : truthOf(a) === true ? b : join(a, b);
    default: {
      // Unknown number, known facts.
      const v = combine(a, b, 0, Infinity);
      return { ...v, lo: 0, hi: Infinity, opaque: true, unboundedGrowth: false, unmodelled: true, cap: undefined, capped: a.capped && b.capped };
    }
  }
}

/** Member names some assignment or update in the file writes (`x.retries = …`, `cfg.attempt++`, `o['n'] += 1`). */
const writtenMemberNames = fileMemo<TSESTree.Program, Set<string>>();

function membersWrittenInFile(sourceCode: TSESLint.SourceCode): Set<string> {
  const program = sourceCode.ast as TSESTree.Program;
  const hit = writtenMemberNames.get(program);
  if (hit) return hit;
  const names = new Set<string>();
  walk(program, sourceCode.visitorKeys, (n) => {
    const target = n.type === T.AssignmentExpression ? n.left : n.type === T.UpdateExpression ? n.argument : undefined;
    const u = target && unwrap(target);
    // A field of the class itself (`this.tries = options.tries ?? 4`) is not a member of the options.
    if (u && u.type === T.MemberExpression && unwrap(u.object).type !== T.ThisExpression) names.add(propertyName(u) ?? '');
    // `{ ...opts, tries: opts.tries + 1 }` handed to the next attempt writes `tries` too.
    // A constant (`{ retries: MAX_RETRIES }`) is a setting, like a literal.
    if (n.type === T.Property && n.parent?.type === T.ObjectExpression && unwrap(n.value as Node).type !== T.Literal && constantValue(sourceCode, n.value as Node) === undefined) names.add(propertyName(n) ?? '');
    return undefined;
  });
  writtenMemberNames.set(program, names);
  return names;
}

/**
 * A member (`opts.attempts`, `options.retry.retries`) of a parameter of a function the code calls
 * by name (a declaration, a `const` function or a class's constructor: not a method or callback a library calls with its
 * own counters, such as SignalR's `retryContext.previousRetryCount`), not the failure (a catch
 * binding, an error callback's argument), and whose name nothing in the file writes (an
 * assignment, an update, an object literal's computed property): a value the caller chose before
 * the retry started, however it is named.
 */
function callerSetting(member: TSESTree.MemberExpression, name: string, sourceCode: TSESLint.SourceCode): boolean {
  let root = unwrap(member.object);
  while (root.type === T.MemberExpression) root = unwrap(root.object);
  if (root.type !== T.Identifier) return false;
  const def = variableOf(sourceCode, root)?.defs[0];
  if (!def || def.type !== 'Parameter' || readsFailure(root, sourceCode)) return false;
  const fn = def.node as Node;
  // A constructor is called by the code that makes the instance (`new Mailer({ tries: 5 })`), as a
  // function it names is.
  const ctor = fn.type === T.FunctionExpression && fn.parent?.type === T.MethodDefinition && fn.parent.kind === 'constructor';
  const named = ctor || fn.type === T.FunctionDeclaration || ((fn.type === T.ArrowFunctionExpression || fn.type === T.FunctionExpression) && fn.parent?.type === T.VariableDeclarator);
  if (!named) return false;
  return !membersWrittenInFile(sourceCode).has(name);
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
    // Compared by text, or by value for constants (`n < MAX_A ? n : MAX_B` with both 8).
    const txt = (x: Node): string => {
      const k = constantNumber(env.sourceCode, x);
      return k !== undefined ? `=${k}` : env.sourceCode.getText(x);
    };
    const [l, r, c, alt] = [txt(t.left), txt(t.right), txt(n.consequent), txt(n.alternate)];
    const greater = t.operator === '>' || t.operator === '>=';
    if ((greater && c === r && alt === l) || (!greater && c === l && alt === r)) return minOf(evaluate(t.left, env), evaluate(t.right, env));
    if ((greater && c === l && alt === r) || (!greater && c === r && alt === l)) return maxOf(evaluate(t.left, env), evaluate(t.right, env));
  }
  // `x !== undefined ? x : 1000`, `(_a = x) != null ? _a : 1000` (what TypeScript and esbuild emit for
  // `??`): the option with its default, read as `x ?? 1000`.
  const fallback = nullishDefault(n, env.sourceCode);
  if (fallback) {
    const left = evaluate(fallback.value, env);
    const right = evaluate(fallback.otherwise, env);
    if (isConst(left)) return left;
    if (left.opaque && !left.attempt && !left.retryAfter && !right.opaque && !readsEnvironment(fallback.value, env) && !readsFailure(fallback.value, env.sourceCode)) return { ...right, invariant: right.invariant && left.invariant, defaulted: n, byDefault: true };
    return join(left, right);
  }
  // A known condition folds; an unknown one joins both branches (a random branch counts as jitter).
  const test = evaluate(n.test, env);
  const truth = truthOf(test);
  if (truth !== undefined) return evaluate(truth ? n.consequent : n.alternate, env);
  const v = join(evaluate(n.consequent, env), evaluate(n.alternate, env));
  return { ...v, invariant: v.invariant && test.invariant };
}

/**
 * The value and default of a ternary that is `value ?? otherwise` written out: `x !== undefined ? x :
 * d`, `x != null ? x : d`, `x === undefined ? d : x`, and the compiled `(_a = x) !== null && _a !==
 * void 0 ? _a : d` / `(_a = x) != null ? _a : d`. Undefined for any other ternary.
 */
function nullishDefault(n: TSESTree.ConditionalExpression, sourceCode: TSESLint.SourceCode): { value: Node; otherwise: Node } | undefined {
  const text = (x: Node): string => sourceCode.getText(unwrap(x));
  const isNothing = (x: Node): boolean => {
    const u = unwrap(x);
    return (u.type === T.Literal && u.value === null) || (u.type === T.Identifier && u.name === 'undefined') || (u.type === T.UnaryExpression && u.operator === 'void');
  };
  // The tested operand: `x`, or `(_a = x)` whose temporary stands for `x` in the branch.
  const operand = (x: Node): { tested: Node; reads: string } | undefined => {
    const u = unwrap(x);
    if (u.type === T.AssignmentExpression && u.operator === '=' && u.left.type === T.Identifier) return { tested: u.right, reads: u.left.name };
    return { tested: u, reads: text(u) };
  };
  /** `a !== undefined` (present when `present`), `a != null`, and `a !== null && a !== void 0`. */
  const presence = (t: Node): { side: Node; present: boolean } | undefined => {
    const u = unwrap(t);
    if (u.type === T.LogicalExpression && u.operator === '&&') {
      const l = presence(u.left);
      const r = presence(u.right);
      return l && r && l.present && r.present ? l : undefined;
    }
    if (u.type !== T.BinaryExpression || u.left.type === T.PrivateIdentifier || !['!==', '!=', '===', '=='].includes(u.operator)) return undefined;
    const present = u.operator === '!==' || u.operator === '!=';
    if (isNothing(u.right)) return { side: u.left, present };
    if (isNothing(u.left)) return { side: u.right, present };
    return undefined;
  };
  const p = presence(n.test);
  if (!p) return undefined;
  const o = operand(p.side);
  if (!o) return undefined;
  const [used, other] = p.present ? [n.consequent, n.alternate] : [n.alternate, n.consequent];
  const usedText = text(used);
  if (usedText !== o.reads && usedText !== text(o.tested)) return undefined;
  return { value: o.tested, otherwise: other };
}

type FunctionNode = TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression;

const sameFileFunctions = fileMemo<Node, FunctionNode | null>();

/**
 * Resolves a callee to a function defined in this file (declaration, `const f = () => …`, `this.method`).
 * Memoised per callee: each loop around a call asks about it again (a loop nesting d others scans its nested loops' calls).
 */
export function sameFileFunction(callee: Node, env: { sourceCode: TSESLint.SourceCode }): FunctionNode | undefined {
  const hit = sameFileFunctions.get(callee);
  if (hit !== undefined) return hit ?? undefined;
  const fn = resolveSameFileFunction(callee, env);
  sameFileFunctions.set(callee, fn ?? null);
  return fn;
}

/**
 * The same-file function a `const` falls back to, chooses by default or copies: `const sleep = opts.sleep ?? realSleep`,
 * `const onFail = custom ? opts.onFail : pauseBetween`,
 * `const wait = options.wait || ((ms) => new Promise((r) => setTimeout(r, ms)))`, `const pause = realSleep`.
 */
export function defaultedFunction(callee: Node, sourceCode: TSESLint.SourceCode, depth = 0): TSESTree.FunctionLike | undefined {
  const c = unwrap(callee);
  if (c.type !== T.Identifier || depth > 3) return undefined;
  const v = variableOf(sourceCode, c);
  const def = v?.defs[0];
  if (!v || def?.type !== 'Variable' || def.parent.kind !== 'const') return undefined;
  const init = (def.node as TSESTree.VariableDeclarator).init;
  if (!init) return undefined;
  let e = unwrap(init);
  if (e.type === T.LogicalExpression && (e.operator === '??' || e.operator === '||')) e = unwrap(e.right);
  // `const onFail = custom ? options.onFail : pauseBetween`: the branch that is a same-file function
  // is the default, the other the caller's own.
  if (e.type === T.ConditionalExpression) {
    const own = [e.consequent, e.alternate].map((b) => unwrap(b)).filter((b) => isFunction(b) || !!sameFileFunction(b, { sourceCode }));
    if (own.length !== 1) return undefined;
    e = own[0]!;
  }
  if (isFunction(e)) return e;
  return sameFileFunction(e, { sourceCode }) ?? defaultedFunction(e, sourceCode, depth + 1);
}

function resolveSameFileFunction(callee: Node, env: { sourceCode: TSESLint.SourceCode }): FunctionNode | undefined {
  const c = unwrap(callee);
  if (isFunction(c)) return c;
  // `this.execute.bind(this)`: the function bound is the one that runs, with its own parameters (a
  // partial application, `run.bind(null, job)`, shifts them and is left to its callers).
  if (c.type === T.CallExpression && c.callee.type === T.MemberExpression && propertyName(c.callee) === 'bind' && !c.callee.computed && c.arguments.length <= 1) return sameFileFunction(c.callee.object, env);
  const own = resolveOwnFunction(c, env);
  if (own) return own;
  // `openRef.current?.()` with `openRef.current = open`, `this.onDrop()` with `this.onDrop = this.reconnect.bind(this)`:
  // a slot every write of which stores the same same-file function.
  return c.type === T.MemberExpression ? heldFunction(c, env) : undefined;
}

/**
 * The same-file function a member slot holds when every write to it in the file stores that one
 * function (or nothing: `null`, `undefined`): `ref.current = open` (a React ref), `this.onDrop =
 * this.reconnect.bind(this)` (a field set in the constructor), `state.retry = schedule`. The slot is
 * the same object (the same variable, or `this` in the same class or function) and property name.
 * Undefined when any write stores something else, or there is none.
 */
function heldFunction(member: TSESTree.MemberExpression, env: { sourceCode: TSESLint.SourceCode }): FunctionNode | undefined {
  const name = member.computed ? undefined : propertyName(member);
  if (!name) return undefined;
  const { sourceCode } = env;
  const obj = unwrap(member.object);
  const owner = thisOwner;
  let same: (o: Node) => boolean;
  if (obj.type === T.ThisExpression) {
    const home = owner(member);
    same = (o) => o.type === T.ThisExpression && owner(o) === home;
  } else if (obj.type === T.Identifier) {
    const v = variableOf(sourceCode, obj);
    if (!v || v.defs.length === 0) return undefined;
    same = (o) => o.type === T.Identifier && variableOf(sourceCode, o) === v;
  } else return undefined;
  if (heldSeen.has(member)) return undefined;
  heldSeen.add(member);
  try {
    let found: FunctionNode | undefined;
    for (const a of memberAssignmentsNamed(sourceCode, name)) {
      const left = a.left as TSESTree.MemberExpression;
      if (!same(unwrap(left.object))) continue;
      if (a.operator !== '=') return undefined;
      const right = unwrap(a.right);
      if (isAbsent(right)) continue;
      const fn = sameFileFunction(right, env);
      if (!fn || (found && found !== fn)) return undefined;
      found = fn;
    }
    return found;
  } finally {
    heldSeen.delete(member);
  }
}

/**
 * What `this` at `n` is bound to, as a node: the class body for code in a class's methods and field
 * initialisers (every instance method shares the instance), else the nearest non-arrow function.
 */
function thisOwner(n: Node): Node | undefined {
  let p: Node | undefined = n.parent;
  while (p && !(p.type === T.ClassBody || (isFunction(p) && p.type !== T.ArrowFunctionExpression))) p = p.parent;
  if (p && isFunction(p) && p.parent?.type === T.MethodDefinition && !p.parent.static) return p.parent.parent;
  return p;
}

/**
 * Whether something other than `fn` is stored in `this.name` in the class `body` (`if (hooks.onLost)
 * this.onLost = hooks.onLost`): the member then does not always run `fn`.
 */
export function overwrittenMember(body: TSESTree.ClassBody, name: string, fn: FunctionNode, sourceCode: TSESLint.SourceCode): boolean {
  for (const a of memberAssignmentsNamed(sourceCode, name)) {
    const left = a.left as TSESTree.MemberExpression;
    if (unwrap(left.object).type !== T.ThisExpression || thisOwner(left) !== body) continue;
    const right = unwrap(a.right);
    if (right === fn) continue;
    if (a.operator !== '=' || heldSeen.has(left) || sameFileFunction(right, { sourceCode }) !== fn) return true;
  }
  return false;
}

const memberAssignmentsByName = fileMemo<TSESLint.SourceCode, Map<string, TSESTree.AssignmentExpression[]>>();

/** The file's assignments to a member of that (not computed) name, `x.name = …`: one pass per file. */
function memberAssignmentsNamed(sourceCode: TSESLint.SourceCode, name: string): readonly TSESTree.AssignmentExpression[] {
  let byName = memberAssignmentsByName.get(sourceCode);
  if (!byName) {
    byName = new Map();
    for (const a of fileIndex(sourceCode).memberAssignments) {
      const left = a.left as TSESTree.MemberExpression;
      const n = left.computed ? undefined : propertyName(left);
      if (n === undefined) continue;
      const list = byName.get(n) ?? [];
      list.push(a);
      byName.set(n, list);
    }
    memberAssignmentsByName.set(sourceCode, byName);
  }
  return byName.get(name) ?? [];
}

/** Slots being resolved ({@link heldFunction}): a slot that stores itself resolves to nothing. */
const heldSeen = new Set<Node>();

function resolveOwnFunction(c: Node, env: { sourceCode: TSESLint.SourceCode }): FunctionNode | undefined {
  if (c.type === T.Identifier) {
    const v = variableOf(env.sourceCode, c);
    const b = v && bindingOf(v);
    if (!b) return undefined;
    if (b.kind === 'function' && b.node && b.node.type === T.FunctionDeclaration) return b.node;
    // `const f = () => …`, or an option whose default is a function (`{ retryWait = async (n) => … } = {}`):
    // PRODUCT counts a default as known.
    if ((b.kind === 'init' || b.kind === 'param-default') && b.stable && b.node) {
      const init = unwrap(b.node);
      if (isFunction(init)) return init;
      // `{ retryStrategy = doubling } = options`: the same-file function named as the default.
      if (b.kind === 'param-default' && init.type === T.Identifier && init !== c) return sameFileFunction(init, env);
      // `const connect = useCallback(() => …, deps)`: the hook returns the callback it is given.
      if (init.type === T.CallExpression && isHook(env.sourceCode, init.callee, CALLBACK_HOOKS)) {
        const fn = init.arguments[0] && unwrap(init.arguments[0]);
        if (fn && isFunction(fn)) return fn;
      }
    }
    return undefined;
  }
  // `self.open()` with `const self = this` (ES5 code, TypeScript's ES5 output): a method of the class, as `this.open()`.
  const alias = c.type === T.MemberExpression ? thisAliasDeclarator(env.sourceCode, unwrap(c.object)) : undefined;
  if (alias) return classMethod(alias, propertyName(c as TSESTree.MemberExpression), env.sourceCode);
  const exported = c.type === T.MemberExpression ? commonJsExport(c, env.sourceCode) : undefined;
  if (exported) return exported;
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
  if (c.type === T.MemberExpression && unwrap(c.object).type === T.ThisExpression) return classMethod(c, propertyName(c), env.sourceCode);
  return undefined;
}

/**
 * The function a CommonJS module exports as `member`'s property (`module.exports.reconnect()`,
 * `exports.reconnect()`): the one stored by `exports.reconnect = …` or `module.exports.reconnect = …`,
 * or named in `module.exports = { reconnect }` in this file. `exports` is `module.exports` (Node's
 * module wrapper) unless the file declares its own `exports` or `module`.
 */
export function commonJsExport(member: TSESTree.MemberExpression, sourceCode: TSESLint.SourceCode): FunctionNode | undefined {
  const name = propertyName(member);
  return name !== undefined && isExportsObject(member.object, sourceCode) ? commonJsExports(sourceCode).get(name) : undefined;
}

/** The property name under which the file's CommonJS exports hold `fn` ({@link commonJsExport}), if any. */
export function commonJsExportName(fn: Node, sourceCode: TSESLint.SourceCode): string | undefined {
  for (const [name, f] of commonJsExports(sourceCode)) if (f === fn) return name;
  return undefined;
}

const commonJsExportsMemo = fileMemo<TSESLint.SourceCode, Map<string, FunctionNode>>();

/** The same-file functions of the module's CommonJS exports, by property name (the first assignment wins). */
function commonJsExports(sourceCode: TSESLint.SourceCode): Map<string, FunctionNode> {
  let out = commonJsExportsMemo.get(sourceCode);
  if (out) return out;
  out = new Map();
  const put = (name: string | undefined, value: Node | undefined): void => {
    const fn = value && (isFunction(value) ? value : value.type === T.Identifier ? sameFileFunction(value, { sourceCode }) : undefined);
    if (name !== undefined && fn && !out!.has(name)) out!.set(name, fn);
  };
  for (const a of fileIndex(sourceCode).memberAssignments) {
    const left = a.left as TSESTree.MemberExpression;
    const right = unwrap(a.right);
    if (isExportsObject(left.object, sourceCode)) put(propertyName(left), right);
    else if (isExportsObject(left, sourceCode) && right.type === T.ObjectExpression) {
      for (const p of right.properties) if (p.type === T.Property) put(propertyName(p), unwrap(p.value));
    }
  }
  commonJsExportsMemo.set(sourceCode, out);
  return out;
}

/** `exports` or `module.exports`, neither declared in the file. */
function isExportsObject(n: Node, sourceCode: TSESLint.SourceCode): boolean {
  const u = unwrap(n);
  const undeclared = (id: Node, name: string): boolean => id.type === T.Identifier && id.name === name && !variableOf(sourceCode, id)?.defs.length;
  if (u.type === T.Identifier) return undeclared(u, 'exports');
  return u.type === T.MemberExpression && propertyName(u) === 'exports' && undeclared(unwrap(u.object), 'module');
}

/**
 * For `this` in a function stored on a constructor's prototype (`Client.prototype.open = function
 * () { … this.name … }`, or a method of `Client.prototype = { … }`), the function stored as
 * `Client.prototype.name` in this file (ES5 classes, compiled code). Arrow functions on the way keep
 * the outer `this`.
 */
function prototypeMethod(at: Node, name: string, sourceCode: TSESLint.SourceCode): FunctionNode | undefined {
  let fn: Node | undefined = at.parent;
  while (fn && (!isFunction(fn) || fn.type === T.ArrowFunctionExpression)) fn = fn.parent;
  if (!fn || fn.type !== T.FunctionExpression) return undefined;
  // The prototype object's text: `Client.prototype` from `Client.prototype.open = function`, or from `Client.prototype = { open() {} }`.
  const prototypeOf = (m: Node): string | undefined => {
    const u = unwrap(m);
    return u.type === T.MemberExpression && propertyName(u) === 'prototype' ? sourceCode.getText(u) : undefined;
  };
  const holder = fn.parent;
  let proto: string | undefined;
  if (holder?.type === T.AssignmentExpression && holder.right === fn && holder.left.type === T.MemberExpression) proto = prototypeOf(holder.left.object);
  else if (holder?.type === T.Property && holder.parent?.type === T.ObjectExpression && holder.parent.parent?.type === T.AssignmentExpression) proto = prototypeOf(holder.parent.parent.left);
  if (!proto) return undefined;
  for (const a of fileIndex(sourceCode).memberAssignments) {
    const left = a.left as TSESTree.MemberExpression;
    const right = unwrap(a.right);
    if (propertyName(left) === name && prototypeOf(left.object) === proto && isFunction(right)) return right;
    if (prototypeOf(left) === proto && right.type === T.ObjectExpression) {
      const prop = right.properties.find((q): q is TSESTree.Property => q.type === T.Property && propertyName(q) === name);
      const value = prop ? unwrap(prop.value) : undefined;
      if (value && isFunction(value)) return value;
    }
  }
  return undefined;
}

/** The method or function-valued field `name` of the class whose body holds `at`. */
function classMethod(at: Node, name: string | undefined, sourceCode: TSESLint.SourceCode): FunctionNode | undefined {
  let p: Node | undefined = at.parent;
  while (p && p.type !== T.ClassBody) p = p.parent;
  if (!p) return name ? prototypeMethod(at, name, sourceCode) : undefined;
  if (!name) return undefined;
  for (const m of p.body) {
    if ((m.type === T.MethodDefinition || m.type === T.PropertyDefinition) && propertyName(m) === name) {
      const value = m.value ? unwrap(m.value) : undefined;
      // `private readonly retryLater = this.open.bind(this)`: the method bound.
      const fn = value && isFunction(value) ? value : value?.type === T.CallExpression ? sameFileFunction(value, { sourceCode }) : undefined;
      // A field a method or the constructor may give another function (`this.onLost = hooks.onLost`) is not known to run it.
      if (fn && !(m.type === T.PropertyDefinition && !m.static && overwrittenMember(p, name, fn, sourceCode))) return fn;
      if (fn) return undefined;
    }
  }
  return undefined;
}

/** The instance method `obj.name` calls, when `obj` is an instance of a same-file class ({@link instanceClassOf}). */
export function instanceMethod(member: TSESTree.MemberExpression, sourceCode: TSESLint.SourceCode): FunctionNode | undefined {
  const name = propertyName(member);
  if (!name || member.computed) return undefined;
  const cls = instanceClassOf(sourceCode, member.object);
  for (const m of cls?.body.body ?? []) {
    if ((m.type === T.MethodDefinition && m.kind === 'method') || m.type === T.PropertyDefinition) {
      if (m.static || propertyName(m) !== name || !m.value) continue;
      const value = unwrap(m.value);
      if (isFunction(value)) return value;
    }
  }
  return undefined;
}

/** Whether an expression is `null` or `undefined`, the "no value" a parser returns. */
function isAbsent(n: Node): boolean {
  const u = unwrap(n);
  return (u.type === T.Literal && u.value === null && !('regex' in u && u.regex)) || (u.type === T.Identifier && u.name === 'undefined');
}

/** A returned expression without its absent arms: `undefined` when it is absent, the other arm of `c ? x : null`. */
function presentArm(n: Node): Node | undefined {
  const u = unwrap(n);
  if (isAbsent(u)) return undefined;
  if (u.type === T.ConditionalExpression) {
    if (isAbsent(u.alternate)) return presentArm(u.consequent);
    if (isAbsent(u.consequent)) return presentArm(u.alternate);
  }
  return n;
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

/** The parameters of `fn` bound to a call's argument values (defaults for those left out), over the bindings in scope. */
function bindParams(fn: FunctionNode, args: Value[], env: Env): Map<Variable, Value> {
  const next = new Map(env.params);
  fn.params.forEach((p, i) => {
    const id = p.type === T.AssignmentPattern ? p.left : p;
    const arg = args[i];
    if (id.type === T.ObjectPattern) {
      // `function pause({ interval, factor = 2 })` called with `{ interval: gap }`: each name the member it reads.
      for (const prop of id.properties) {
        if (prop.type !== T.Property || prop.computed) continue;
        const key = propertyName(prop);
        const target = prop.value.type === T.AssignmentPattern ? prop.value.left : prop.value;
        const v = target.type === T.Identifier ? variableOf(env.sourceCode, target) : undefined;
        if (!v || key === undefined) continue;
        const member = arg?.members?.get(key);
        if (member) next.set(v, member);
        else if (arg?.members && prop.value.type === T.AssignmentPattern) next.set(v, evaluate(prop.value.right, env));
      }
      return;
    }
    if (id.type !== T.Identifier) return;
    const v = variableOf(env.sourceCode, id);
    if (!v) return;
    if (arg) next.set(v, arg);
    else if (p.type === T.AssignmentPattern) next.set(v, evaluate(p.right, env));
  });
  return next;
}

function evalFunctionCall(fn: FunctionNode, args: Value[], env: Env): Value {
  if (env.depth > 30) return OPAQUE();
  const next = bindParams(fn, args, env);
  // Parameters the call leaves out, with no default: `undefined` in the body, so a branch that
  // needs one (`if (retryAfter) return secs * 1000`) is not taken by this call.
  const absent = new Set<Variable>();
  fn.params.forEach((p, i) => {
    if (p.type === T.Identifier && args[i] === undefined) {
      const v = variableOf(env.sourceCode, p);
      if (v) absent.add(v);
    }
  });
  const unreachable = (ret: Node): boolean => {
    if (absent.size === 0) return false;
    for (let child: Node = ret, q = ret.parent; q && q !== fn; child = q, q = q.parent) {
      if (q.type !== T.IfStatement || child !== q.consequent) continue;
      const t = unwrap(q.test);
      const needs = (x: Node): boolean => {
        const u = unwrap(x);
        return u.type === T.Identifier && [...absent].some((v) => isReferenceTo(v, u));
      };
      if (needs(t) || (t.type === T.LogicalExpression && t.operator === '&&' && (needs(t.left) || needs(t.right)))) return true;
    }
    return false;
  };
  const saved = env.params;
  env.params = next;
  try {
    const rets = returnedExpressions(fn, env.sourceCode).filter((r) => !unreachable(r));
    if (rets.length === 0) return OPAQUE();
    let out: Value | undefined;
    let anyRandom = false;
    for (const ret of rets) {
      // `return undefined` / `return null` paths of parsers (`if (!header) return null`) do not
      // count, nor an absent arm of a returned conditional (`ok ? Math.min(n, 120) : null`):
      // they mean "no value", which the caller handles apart.
      const r = presentArm(ret);
      if (!r) continue;
      const v = evaluate(r, env);
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

/**
 * Turns an abstract value into the facts the rules read. `node` is where require-max-delay
 * reports; `expression` is the delay as written, which messages name when its number is unknown.
 */
export function toDelayFacts(v: Value, node: Node, expression?: Node): DelayFacts {
  const retryAfterUncapped = v.retryAfter !== undefined && !Number.isFinite(v.hi) && !v.unboundedGrowth && !v.capped && !v.retryAfterBounded;
  let maxReason: DelayFacts['maxReason'];
  if (retryAfterUncapped) maxReason = 'retry-after';
  // Growth bounded by an imported limit: bounded, by a number this file does not show (opaque).
  else if (v.unboundedGrowth && !v.unseenBound) maxReason = 'growth';
  else if (Number.isFinite(v.hi)) maxReason = 'known';
  else maxReason = 'opaque';
  return {
    // PRODUCT: reported on the delay expression given to the wait, where the cap suggestion applies;
    // an uncapped Retry-After written over the code's own delay is reported where it is written.
    node: retryAfterUncapped && v.serverAt ? v.serverAt : maxReason === 'growth' && v.growthAt ? v.growthAt : node,
    random: v.random,
    growing: v.attempt,
    maxMs: v.hi,
    maxReason,
    capMs: v.cap,
    retryAfter: v.retryAfter === 'exact' && v.unjitteredBranch ? 'derived' : v.retryAfter,
    fixedFallback: v.retryAfter !== undefined && v.fixedBranch && !v.attempt ? true : undefined,
    // A part drawn by a call out of sight beside a known growth or Retry-After: its randomness is unknown.
    opaque: (v.opaque && !v.attempt && !v.retryAfter) || (!!v.unseenDraw && !v.random),
    invariant: v.invariant && !v.random && !v.attempt && !v.retryAfter && !v.now,
    ...(v.invariant && v.random && !v.attempt && !v.retryAfter && !v.now ? { steady: true } : {}),
    expression,
    // Named by messages only when the delay is that very expression (a product of it has its own number).
    ...(v.defaulted && (v.defaulted === unwrap(node) || (expression && v.defaulted === unwrap(expression))) && !v.attempt ? { defaulted: v.defaulted } : {}),
    ...(v.byDefault && !v.opaque && !v.retryAfter ? { byDefault: true } : {}),
  };
}

/**
 * Whether the update that carries `variable` to the next attempt has a random component
 * (`gap * (1 + Math.random())`, or that property of an options object passed on:
 * `{ tries: tries - 1, gap: gap * (1 + Math.random()) }`). Used for values a recursive call
 * carries: their randomness must survive the call (F1).
 */
export function carriesRandomness(arg: Node, variable: Variable, sourceCode: TSESLint.SourceCode): boolean {
  let expr = unwrap(arg);
  if (expr.type === T.ObjectExpression) {
    const prop = expr.properties.find((p): p is TSESTree.Property => p.type === T.Property && refersTo(p.value, variable, sourceCode));
    if (!prop) return false;
    expr = unwrap(prop.value);
  }
  return evaluate(expr, makeEnv(sourceCode, [{ variable, lo: 1, hi: 1 }])).random;
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
  // The library calls `f` again for each attempt: `f` is the code that runs again, and what it reads
  // from outside that nothing writes is the same on every attempt.
  const env = makeEnv(sourceCode, [], undefined, { node: f });
  const first = f.params[0];
  const id = first && (first.type === T.AssignmentPattern ? first.left : first);
  if (id && id.type === T.Identifier) {
    const v = variableOf(sourceCode, id);
    if (v) env.attempts.push({ variable: v, lo: 0, hi: maxAttempts ?? Infinity });
  }
  const rets = returnedExpressions(f, sourceCode);
  const run = (): Value | undefined => {
    let out: Value | undefined;
    for (const r of rets) {
      const v = evaluate(r, env);
      out = out ? join(out, v) : v;
    }
    return out;
  };
  let out = run();
  // An operator the evaluator cannot bound over a range (`(n - 1) ^ 2`) with a small known number of
  // attempts: the function run once per attempt number, each with known operands, and the runs joined.
  const counter = env.attempts[env.attempts.length - 1];
  if (out?.unmodelled && counter && maxAttempts !== undefined && maxAttempts <= MAX_ENUMERATED_ATTEMPTS) {
    let each: Value | undefined;
    for (let k = 0; k <= maxAttempts; k++) {
      counter.lo = k;
      counter.hi = k;
      const v = run();
      if (!v) continue;
      each = each ? join(each, v) : v;
    }
    counter.lo = 0;
    counter.hi = maxAttempts;
    if (each && !each.unmodelled) out = each;
  }
  return toDelayFacts(out ?? OPAQUE(), fn);
}

/** At most this many attempt numbers are tried one by one (see delayOfFunction). */
const MAX_ENUMERATED_ATTEMPTS = 20;

/**
 * Whether an identifier holds a success flag: every value written to it (other than a literal
 * initialiser) is the result of a same-file helper that returns `true` after its operation and
 * `false` only from a `catch` (`loaded = await tryRefresh(cache)`). The flag is then the
 * attempt's outcome: true exactly when the operation succeeded (K7, b13).
 */
export function isSuccessFlag(id: TSESTree.Identifier, sourceCode: TSESLint.SourceCode): boolean {
  const v = variableOf(sourceCode, id);
  if (!v || v.defs.length === 0) return false;
  let helperWrites = 0;
  for (const r of v.references) {
    if (!r.isWrite()) continue;
    const w = r.writeExpr as Node | null | undefined;
    if (!w) return false;
    const u = unwrap(w);
    if (r.init && u.type === T.Literal && typeof u.value === 'boolean') continue;
    const call = u.type === T.AwaitExpression ? unwrap(u.argument) : u;
    if (call.type !== T.CallExpression) return false;
    const fn = sameFileFunction(call.callee, { sourceCode });
    if (!fn || !reportsSuccess(fn, sourceCode)) return false;
    helperWrites++;
  }
  return helperWrites > 0;
}

/** Calls that only read (a probe): their result thrown away, they change nothing. */
const READ_CALLS = new Set(['fetch', 'get', 'head', 'ping', 'exists', 'stat', 'access']);

/**
 * Whether the helper's success path does something besides probing (F5): it stores a result
 * (`cache.manifest = …`, an outer variable) or makes a call for its effect (`await store.push()`),
 * other than a read whose result is dropped or logging.
 */
function hasEffect(fn: FunctionNode, sourceCode: TSESLint.SourceCode): boolean {
  let effect = false;
  walk(fn.body, sourceCode.visitorKeys, (n) => {
    if (effect || (n !== fn.body && isFunction(n)) || n.type === T.CatchClause) return false;
    if (n.type === T.AssignmentExpression) {
      const left = unwrap(n.left);
      if (left.type === T.MemberExpression) effect = true;
      else if (left.type === T.Identifier) {
        const v = variableOf(sourceCode, left);
        const decl = v?.defs[0]?.name;
        if (!decl || !contains(fn, decl)) effect = true;
      }
    }
    if (n.type === T.ExpressionStatement) {
      const e = unwrap(n.expression);
      const call = e.type === T.AwaitExpression ? unwrap(e.argument) : e;
      if (call.type === T.CallExpression) {
        const c = unwrap(call.callee);
        const logging = c.type === T.MemberExpression && unwrap(c.object).type === T.Identifier && (unwrap(c.object) as TSESTree.Identifier).name === 'console';
        const name = calleeName(call);
        const read = name !== undefined && READ_CALLS.has(name) && !(name === 'fetch' && call.arguments.length > 1);
        if (!logging && !read) effect = true;
      }
    }
    return undefined;
  });
  return effect;
}

/**
 * A helper whose results are boolean literals, `false` only on a failure path and `true` elsewhere,
 * both present, and whose success path has an effect (not a probe). Its results are its returns,
 * and for a returned `new Promise((resolve) => …)` the values it resolves with. A failure path is a
 * `catch`, a handler of a failure event (`socket.on('error', () => resolve(false))`), or the branch
 * of a test on a failed answer (`if (!res.ok) return false`).
 */
function reportsSuccess(fn: FunctionNode, sourceCode: TSESLint.SourceCode): boolean {
  const results: Node[] = [];
  let effect = hasEffect(fn, sourceCode);
  for (const r of returnedExpressions(fn, sourceCode)) {
    const u = r && unwrap(r);
    if (u && u.type === T.NewExpression && unwrap(u.callee).type === T.Identifier && (unwrap(u.callee) as TSESTree.Identifier).name === 'Promise') {
      const executor = u.arguments[0] && unwrap(u.arguments[0]);
      const resolve = executor && isFunction(executor) ? executor.params[0] : undefined;
      const rv = resolve?.type === T.Identifier ? variableOf(sourceCode, resolve) : undefined;
      if (!rv || !executor || !isFunction(executor)) return false;
      effect ||= hasEffect(executor, sourceCode) || callbacksHaveEffect(executor, sourceCode);
      for (const ref of rv.references) {
        const call = ref.identifier.parent;
        if (call?.type !== T.CallExpression || call.callee !== ref.identifier || call.arguments.length !== 1) return false;
        results.push(call.arguments[0] as Node);
      }
      continue;
    }
    if (!u) return false;
    results.push(u);
  }
  if (!effect) return false;
  let sawTrue = false;
  let sawFalse = false;
  for (const r of results) {
    const u = unwrap(r);
    if (u.type !== T.Literal || typeof u.value !== 'boolean') return false;
    const failure = onFailurePath(u, fn);
    if (u.value === failure) return false;
    if (u.value) sawTrue = true;
    else sawFalse = true;
  }
  return sawTrue && sawFalse;
}

/** Whether a callback the function registers (`socket.on('open', () => { ws = socket })`) has an effect. */
function callbacksHaveEffect(fn: FunctionNode, sourceCode: TSESLint.SourceCode): boolean {
  let effect = false;
  walk(fn.body, sourceCode.visitorKeys, (n) => {
    if (effect) return false;
    if (n !== fn.body && isFunction(n)) {
      effect = hasEffect(n as FunctionNode, sourceCode);
      return false;
    }
    return undefined;
  });
  return effect;
}

/** Whether `node` runs only after a failure, within `fn`: see {@link reportsSuccess}. */
function onFailurePath(node: Node, fn: Node): boolean {
  let child: Node = node;
  for (let p: Node | undefined = node.parent; p && p !== fn; child = p, p = p.parent) {
    if (p.type === T.CatchClause) return true;
    if (isFunction(p)) {
      // `x.on('error', () => resolve(false))`, `x.addEventListener('close', …)`, `x.onerror = …`
      const reg = p.parent;
      if (reg?.type === T.CallExpression && reg.arguments[1] === p && FAILURE_EVENTS.has(String(stringValue(reg.arguments[0]) ?? ''))) return true;
      if (reg?.type === T.AssignmentExpression && reg.right === p && /^on(error|close|timeout)$/i.test(reg.left.type === T.MemberExpression ? (propertyName(reg.left) ?? '') : '')) return true;
    }
    if (p.type === T.IfStatement && p.consequent === child && testsFailure(p.test)) return true;
  }
  return false;
}

/** `!res.ok`, `!res.success`, `res.error`: a test that is true when an answer failed. */
function testsFailure(test: Node): boolean {
  const u = unwrap(test);
  if (u.type === T.LogicalExpression && u.operator === '||') return testsFailure(u.left) || testsFailure(u.right);
  if (u.type === T.UnaryExpression && u.operator === '!') {
    const a = unwrap(u.argument);
    return a.type === T.MemberExpression && /^(ok|success|succeeded)$/.test(propertyName(a) ?? '');
  }
  return u.type === T.MemberExpression && /^(error|err|failed)$/.test(propertyName(u) ?? '');
}

/**
 * Whether a call's result is a success flag: a same-file helper that reports whether its operation
 * worked ({@link reportsSuccess}), awaited or not (`if (await connectOnce()) return;`).
 */
export function callReportsSuccess(call: Node, sourceCode: TSESLint.SourceCode): boolean {
  let u = unwrap(call);
  if (u.type === T.AwaitExpression) u = unwrap(u.argument);
  if (u.type !== T.CallExpression) return false;
  const fn = sameFileFunction(u.callee, { sourceCode });
  return !!fn && reportsSuccess(fn, sourceCode);
}

/**
 * Whether a value comes from the failure the retry caught: it reads, in a value position, a catch
 * clause's error or a `.catch(cb)` / `.then(_, cb)` callback's parameter, directly or through
 * `const` locals (`const err = e as …; const text = err.description; /after (\d+)/.exec(text)`).
 * A test on the error (`err.isNetwork ? 500 : 1000`) picks between values the code chose, so only
 * the branches of a conditional are followed, never its test; status and code members are a
 * classification, not a value the server sent.
 */
export function readsFailure(node: Node, sourceCode: TSESLint.SourceCode, depth = 0): boolean {
  if (depth > 6) return false;
  const n = unwrap(node);
  switch (n.type) {
    case T.Identifier: {
      const v = variableOf(sourceCode, n);
      const def = v?.defs[0];
      if (!v || !def) return false;
      if (def.type === 'CatchClause') return true;
      if (def.type === 'Parameter' && isFailureCallback(def.node as Node)) return true;
      if (def.type === 'Variable' && def.parent.kind === 'const' && def.node.init && def.node.id.type === T.Identifier) return readsFailure(def.node.init, sourceCode, depth + 1);
      return false;
    }
    case T.MemberExpression:
      if (!n.computed && /^(status|statusCode|code|error_code|errorCode|name)$/i.test(propertyName(n) ?? '')) return false;
      return readsFailure(n.object, sourceCode, depth);
    case T.ChainExpression:
      return readsFailure(n.expression, sourceCode, depth);
    case T.ConditionalExpression:
      return readsFailure(n.consequent, sourceCode, depth) || readsFailure(n.alternate, sourceCode, depth);
    case T.LogicalExpression:
    case T.BinaryExpression:
      return (n.left.type !== T.PrivateIdentifier && readsFailure(n.left, sourceCode, depth)) || readsFailure(n.right, sourceCode, depth);
    case T.CallExpression: {
      // `Number(x)`, `parseInt(x)`, `/re/.exec(x)`, `Math.min(x, cap)`: the value flows through the arguments.
      return n.arguments.some((a) => a.type !== T.SpreadElement && readsFailure(a, sourceCode, depth));
    }
    case T.UnaryExpression:
      return readsFailure(n.argument, sourceCode, depth);
    default:
      return false;
  }
}

/** A function passed as `.catch(cb)` or as the rejection handler of `.then(ok, cb)`. */
function isFailureCallback(fn: Node): boolean {
  const host = fn.parent;
  if (host?.type !== T.CallExpression) return false;
  const name = calleeName(host);
  const i = host.arguments.indexOf(fn as TSESTree.CallExpressionArgument);
  return (name === 'catch' && i === 0) || (name === 'then' && i === 1);
}
