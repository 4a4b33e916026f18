import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { isFunction, propertyName, unwrap, walk } from '../ast';
import { evaluate, makeEnv, sameFileFunction, toDelayFacts } from '../delay';
import { constantNumber, constantValue, variableOf } from '../scope';
import type { DelayFacts, Node, RetrySite } from '../types';
import { returnedExpressions } from './inspect';
import type { LibraryContext } from './types';
import { opaqueDelay, staticValueOf, type FunctionNode } from './util';

type Variable = TSESLint.Scope.Variable;

/**
 * Delay functions a library calls between attempts (R8): ioredis `retryStrategy`, node-redis
 * `reconnectStrategy`, SignalR `nextRetryDelayInMilliseconds`, BullMQ `backoffStrategy` and Bull
 * `backoffStrategies`, … Such a function is judged by what it returns: each returned expression
 * that may be a delay (a "leaf": conditionals and `??` / `||` flattened, values that stop the
 * retry dropped) goes through the shared delay evaluator with the function's first parameter as
 * the attempt number. Table lookups, same-file helpers and locals are followed by the evaluator.
 */

/** Which returned numbers stop the retry rather than wait: none, negative ones (BullMQ's `-1` fails the job), or 0 (got's `calculateDelay`). */
export type StopValues = 'none' | 'negative' | 'zero';

/** The values the attempt parameter takes while the function is called (`hi` Infinity: unknown). */
export interface AttemptRange {
  lo: number;
  hi: number;
}

/** `-1`, or a same-file constant holding a negative number (`const STOP = -1`). */
function isNegativeNumber(ctx: LibraryContext, u: Node): boolean {
  const v = constantNumber(ctx.sourceCode, u);
  return v !== undefined && v < 0;
}

/** `null` or `false`, written or named by a same-file constant: a value that stops. */
function isStopLiteral(ctx: LibraryContext, u: Node): boolean {
  const c = constantValue(ctx.sourceCode, u);
  return !!c && (c.value === null || c.value === false);
}

/**
 * Where a finding about a delay leaf is reported: the leaf itself, or, when the leaf only hands
 * the attempt to a same-file helper (`(n) => stepBackoff(n)`), the delay expression that helper
 * returns (followed while each helper has a single delay leaf): the expression that computes the
 * delay, which a fix would change.
 */
export function delayLocation(ctx: LibraryContext, leaf: Node, stops: StopValues = 'none'): Node {
  let at = unwrap(leaf);
  for (let i = 0; i < 4 && at.type === T.CallExpression; i++) {
    const callee = unwrap(at.callee);
    if (callee.type === T.MemberExpression && unwrap(callee.object).type === T.Identifier && /^(Math|Number)$/.test((unwrap(callee.object) as TSESTree.Identifier).name)) break;
    const fn = sameFileFunction(callee, { sourceCode: ctx.sourceCode });
    if (!fn) break;
    const inner = leaves(ctx, returnedExpressions(fn, ctx.sourceCode.visitorKeys), stops);
    if (inner.length !== 1) break;
    at = inner[0]!;
  }
  return at;
}

/** What a delay function tells about the retry that calls it. */
export interface FunctionDelay {
  /** Where findings about the delay go: the single leaf (see {@link delayLocation}), else `fallback`. */
  at: Node;
  /** The joined delay of every leaf. */
  delay: DelayFacts;
  /** The function returns no delay at all (every path stops): no retry. */
  none: boolean;
  /** Some path returns a value that stops the retry. */
  mayStop: boolean;
  /** Every leaf is a known 0: the retry does not wait. */
  noWait: boolean;
}

/**
 * Judges a delay function by what it returns (see the module comment). Findings go to the
 * function's single returned delay expression, whether the function is written inline in the
 * option or defined apart in the same file (`reconnectStrategy: nextWait`): that is where the
 * delay is computed and where a fix applies (a returned call to a same-file helper is followed, see
 * {@link delayLocation}); one definition named by several options is one finding. `fallback`
 * (usually the option that names the function) is where findings go when the function has several
 * delay leaves.
 */
export function functionDelay(ctx: LibraryContext, fn: FunctionNode, fallback: Node, attempt: AttemptRange = { lo: 0, hi: Infinity }, stops: StopValues = 'none'): FunctionDelay {
  const returns = returnedExpressions(fn, ctx.sourceCode.visitorKeys);
  const numeric = leaves(ctx, returns, stops);
  // The function is in this file (inline in the option, or defined apart and named by it): its
  // single returned delay is the expression that computes the delay, which a fix changes and a
  // reader looks at; one definition used by several options is one finding there.
  const at = numeric.length === 1 ? delayLocation(ctx, numeric[0]!, stops) : fallback;
  const delay = { ...leafDelay(ctx, fn, returns, attempt, stops), node: at };
  const noWait = numeric.length > 0 && !delay.opaque && !delay.growing && delay.maxReason === 'known' && delay.maxMs <= 0;
  return { at, delay, none: numeric.length === 0, mayStop: mayStop(ctx, returns, stops), noWait };
}

/** Records a function's delay on a site: a wait, or the place the retry waits nothing. */
export function addFunctionDelay(site: RetrySite, d: FunctionDelay): void {
  if (d.noWait) site.noWait = d.at;
  else site.waits.push({ node: d.at, argument: undefined, delay: d.delay });
}

/** Whether a strategy's tests read its attempt count or elapsed time (the first parameter, or its `attempt` / `total_retry_time` / … members). */
export function countsOrTimes(ctx: LibraryContext, fn: FunctionNode): boolean {
  const first = fn.params[0];
  const v = first && first.type === T.Identifier ? variableOf(ctx.sourceCode, first) : undefined;
  let found = false;
  walk(fn.body, ctx.sourceCode.visitorKeys, (n) => {
    if (found) return false;
    const test = n.type === T.IfStatement || n.type === T.ConditionalExpression ? n.test : undefined;
    if (!test) return undefined;
    walk(test, ctx.sourceCode.visitorKeys, (n0) => {
      // A local holding the count (`const n = ctx.previousRetryCount`) counts as the count.
      const m = n0.type === T.Identifier && !(n0.parent?.type === T.MemberExpression && n0.parent.object !== n0) ? localValue(ctx, n0) : n0;
      if (m.type === T.MemberExpression && /^(attempt|attempts|times|retries|retryCount|previousRetryCount|total_retry_time|elapsedMilliseconds|times_connected)$/.test(propertyName(m) ?? '')) found = true;
      else if (m.type === T.Identifier && v && variableOf(ctx.sourceCode, m) === v && !(m.parent?.type === T.MemberExpression && m.parent.object === m)) found = true;
    });
    return undefined;
  });
  return found;
}

/** Whether a returned expression may be a delay (not `null`, `undefined`, `false`, an `Error`). */
function isNumeric(ctx: LibraryContext, n: Node, stops: StopValues = 'none'): boolean {
  const u = unwrap(n);
  if (stops === 'negative' && isNegativeNumber(ctx, u)) return false;
  if (stops === 'zero' && constantNumber(ctx.sourceCode, u) === 0) return false;
  const constant = constantValue(ctx.sourceCode, u);
  if (constant) return typeof constant.value === 'number';
  if (u.type === T.Identifier && u.name === 'undefined') return false;
  if (u.type === T.NewExpression) return false;
  if (u.type === T.UnaryExpression && u.operator === 'void') return false;
  if (u.type === T.Identifier) return staticValueOf(ctx, u)?.value !== null;
  return true;
}

/**
 * The values a returned `let` of the strategy may hold: its initialiser (kept unless a write
 * replaces it on every path: a statement of the declaration's own block) and the right side of each
 * plain `=` written to it (`let wait = null; if (n < 10) wait = 1000; else if (n < 20) wait = 2000;
 * return wait`). Undefined when it is no such variable or a write is of another kind (`+=`, `++`,
 * in a nested function). `init` is null for a `let` declared without a value (it holds `undefined`).
 */
export function localValues(ctx: LibraryContext, n: Node): { values: Node[]; undefinedInit: boolean } | undefined {
  const u = unwrap(n);
  if (u.type !== T.Identifier) return undefined;
  const v = variableOf(ctx.sourceCode, u);
  const d = v && v.defs.length === 1 ? v.defs[0]!.node : undefined;
  if (!v || !d || d.type !== T.VariableDeclarator || d.parent?.type !== T.VariableDeclaration || d.parent.kind !== 'let') return undefined;
  const scope = v.scope.variableScope.block as Node;
  if (!isFunction(scope)) return undefined;
  const writes = v.references.filter((r) => r.isWrite() && r.writeExpr !== d.init);
  if (writes.length === 0) return undefined;
  const values: Node[] = [];
  let replaced = false;
  const declBlock = d.parent.parent;
  for (const r of writes) {
    const w = r.identifier.parent as Node | undefined;
    if (w?.type !== T.AssignmentExpression || w.operator !== '=' || w.left !== r.identifier) return undefined;
    for (let p: Node | undefined = w.parent; p && p !== scope; p = p.parent) if (isFunction(p)) return undefined;
    if (w.parent?.type === T.ExpressionStatement && w.parent.parent === declBlock) replaced = true;
    values.push(w.right);
  }
  // The first value stays where no branch writes: the fallback of a ladder, taken last.
  if (!replaced && d.init) values.push(d.init);
  return { values, undefinedInit: !replaced && !d.init };
}

/** The returned expressions that may be a delay: conditionals flattened, `null`, `false`, `undefined` and errors (which stop) dropped. */
export function leaves(ctx: LibraryContext, returns: readonly (Node | null)[], stops: StopValues = 'none'): Node[] {
  const out: Node[] = [];
  const visit = (n: Node): void => {
    const several = localValues(ctx, n);
    if (several) {
      for (const x of several.values) visit(x);
      return;
    }
    const u = localValue(ctx, n);
    if (u.type === T.ConditionalExpression) {
      visit(u.consequent);
      visit(u.alternate);
    } else if (u.type === T.LogicalExpression && u.operator !== '&&') {
      visit(u.left);
      visit(u.right);
    } else if (isNumeric(ctx, u, stops) && !isStopLiteral(ctx, u)) out.push(u);
  };
  for (const r of returns) if (r) visit(r);
  return out;
}

/**
 * What a returned local names: a variable declared in the strategy itself with an initializer and
 * never written again stands for that initializer (`const wait = a ? 0 : null; … return wait`),
 * so its leaves are judged and reported where the delay is computed. Anything else is itself.
 */
export function localValue(ctx: LibraryContext, n: Node): Node {
  let u = unwrap(n);
  for (let i = 0; u.type === T.Identifier && i < 4; i++) {
    const v = variableOf(ctx.sourceCode, u);
    const d = v && v.defs.length === 1 ? v.defs[0]!.node : undefined;
    if (!d || d.type !== T.VariableDeclarator || !d.init || !v!.references.every((r) => !r.isWrite() || r.writeExpr === d.init)) break;
    if (!isFunction(v!.scope.variableScope.block as Node)) break;
    u = unwrap(d.init);
  }
  return u;
}

/** Whether a function may return a value that stops (`null`, `undefined`, `false`, an error, a bare `return`). */
export function mayStop(ctx: LibraryContext, returns: readonly (Node | null)[], stops: StopValues = 'none'): boolean {
  const all: Node[] = [];
  let undefinedInit = false;
  const visit = (n: Node): void => {
    const several = localValues(ctx, n);
    if (several) {
      undefinedInit ||= several.undefinedInit;
      for (const x of several.values) visit(x);
      return;
    }
    const u = localValue(ctx, n);
    if (u.type === T.ConditionalExpression) {
      visit(u.consequent);
      visit(u.alternate);
    } else if (u.type === T.LogicalExpression && (u.operator === '??' || u.operator === '||')) {
      // `next ?? null`: the right side is returned when the left is missing.
      visit(u.left);
      visit(u.right);
    } else all.push(u);
  };
  for (const r of returns) {
    if (r === null) return true;
    visit(r);
  }
  return undefinedInit || all.some((u) => !isNumeric(ctx, u, stops) || isStopLiteral(ctx, u));
}

/**
 * The delay of a strategy function: each numeric leaf through the shared delay evaluator, the
 * first parameter being the attempt (for SignalR's `retryContext`, its members count too). The
 * leaves are joined: random only if every leaf is, growing if one is.
 */
export function leafDelay(ctx: LibraryContext, fn: FunctionNode, returns: readonly (Node | null)[], attempt: AttemptRange = { lo: 0, hi: Infinity }, stops: StopValues = 'none'): DelayFacts {
  // The library calls the function again for each attempt: it is the code that runs again, so a
  // value it reads from outside and nothing writes (an enclosing function's parameter or option,
  // a module constant) is the same on every attempt (PRODUCT: an unchanged value is a constant delay).
  const env = makeEnv(ctx.sourceCode, [], undefined, { node: fn });
  const first = fn.params[0];
  const id = first && (first.type === T.AssignmentPattern ? first.left : first);
  if (id && id.type === T.Identifier) {
    const v = variableOf(ctx.sourceCode, id);
    if (v) env.attempts.push({ variable: v, lo: attempt.lo, hi: Math.min(attempt.hi, stopGuardLimit(ctx, fn, returns, v, stops)) });
  }
  let facts: DelayFacts | undefined;
  const context = id && id.type === T.Identifier ? variableOf(ctx.sourceCode, id) : undefined;
  let deterministic = true;
  let anyRandom = false;
  let plain = false;
  // Known delays chosen by tests on the attempt (`n < 3 ? 500 : n < 8 ? 3000 : …`) step up: a schedule, not a constant.
  const stepped = countsOrTimes(ctx, fn);
  for (const r of leaves(ctx, returns, stops)) {
    const f = toDelayFacts(evaluate(r, env), r);
    const leafDeterministic = !f.random && isDeterministic(ctx, r, context, 0);
    deterministic &&= leafDeterministic;
    anyRandom ||= f.random;
    // A leaf chosen without randomness by the code (known, growing, invariant or computed from the
    // retry context) needs jitter; an unresolved leaf (the server's delay read from the error, an
    // unknown call) is not known to, and does not make a random sibling's path unjittered.
    plain ||= !f.random && f.retryAfter !== 'exact' && (!f.opaque || f.growing || !!f.invariant || leafDeterministic);
    const stepsUp = stepped && !!facts && facts.maxReason === 'known' && f.maxReason === 'known' && f.maxMs > facts.maxMs;
    facts = facts
      ? { ...facts, random: facts.random && f.random, growing: facts.growing || f.growing || stepsUp, maxMs: Math.max(facts.maxMs, f.maxMs), opaque: facts.opaque || f.opaque, maxReason: facts.maxReason === 'known' ? f.maxReason : facts.maxReason, capMs: facts.capMs ?? f.capMs }
      : f;
  }
  if (!facts) return opaqueDelay(fn);
  if (anyRandom && !plain) facts = { ...facts, random: true };
  return facts.opaque && deterministic ? { ...facts, deterministic: true } : facts;
}

/** Math's functions whose result depends only on their arguments. */
const PURE_MATH = new Set(['min', 'max', 'pow', 'floor', 'ceil', 'round', 'trunc', 'abs', 'sqrt', 'log2', 'exp']);

/**
 * Whether an expression a delay function returns has no random source: literals, `const`
 * numbers and tables, the function's retry-context parameter and its direct members (the values
 * the library passes: `ctx.elapsedMilliseconds`, `retries`), its own locals initialised from
 * those, combined by arithmetic, conditionals and Math's deterministic functions. Anything else
 * (another parameter such as the error, a call, a field) may carry randomness or the server's
 * delay: not known.
 */
function isDeterministic(ctx: LibraryContext, n: Node, context: Variable | undefined, depth: number): boolean {
  if (depth > 12) return false;
  const u = localValue(ctx, n);
  const again = (m: Node): boolean => isDeterministic(ctx, m, context, depth + 1);
  switch (u.type) {
    case T.Literal:
      return typeof u.value === 'number' || typeof u.value === 'boolean';
    case T.Identifier: {
      if (context && variableOf(ctx.sourceCode, u) === context) return true;
      return typeof staticValueOf(ctx, u)?.value === 'number';
    }
    case T.MemberExpression: {
      const object = unwrap(u.object);
      // `ctx.elapsedMilliseconds`: a member of the retry context.
      if (object.type === T.Identifier && context && variableOf(ctx.sourceCode, object) === context) return !u.computed || again(u.property as Node);
      // `TABLE[i]`: an element of a constant table of numbers.
      const table = staticValueOf(ctx, object)?.value;
      return u.computed && Array.isArray(table) && table.every((x) => typeof x === 'number') && again(u.property as Node);
    }
    case T.BinaryExpression:
      return u.left.type !== T.PrivateIdentifier && again(u.left) && again(u.right);
    case T.UnaryExpression:
      return u.operator !== 'typeof' && u.operator !== 'delete' && again(u.argument);
    case T.ConditionalExpression:
      return again(u.test) && again(u.consequent) && again(u.alternate);
    case T.LogicalExpression:
      return again(u.left) && again(u.right);
    case T.CallExpression: {
      const callee = unwrap(u.callee);
      if (callee.type !== T.MemberExpression || callee.computed || unwrap(callee.object).type !== T.Identifier) return false;
      const holder = unwrap(callee.object) as TSESTree.Identifier;
      if (holder.name !== 'Math' || variableOf(ctx.sourceCode, holder)?.defs.length) return false;
      return PURE_MATH.has(propertyName(callee) ?? '') && u.arguments.every((a) => a.type !== T.SpreadElement && again(a));
    }
    default:
      return false;
  }
}

/** A numeric literal or a `const` bound to one (`MAX_RETRIES`). */
function knownNumber(ctx: LibraryContext, n: Node): number | undefined {
  const v = staticValueOf(ctx, n)?.value;
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/**
 * The largest attempt a test lets through when it has the value `when`: false of `n >= 4` → 3, of
 * `n > 4` → 4, of `4 <= n` → 3; true of `n < 5` → 4, of `n <= 5` → 5. A chain the value needs every
 * side of (`||` for false, `&&` for true) is bounded by any side that bounds. Infinity: none.
 */
function attemptLimit(ctx: LibraryContext, test: Node, isAttempt: (n: Node) => boolean, when: boolean): number {
  const u = unwrap(test);
  if (u.type === T.LogicalExpression && u.operator === (when ? '&&' : '||')) return Math.min(attemptLimit(ctx, u.left, isAttempt, when), attemptLimit(ctx, u.right, isAttempt, when));
  if (u.type !== T.BinaryExpression || u.left.type === T.PrivateIdentifier) return Infinity;
  // As `attempt OP k`, then as what holds for the attempt when the test has the value `when`.
  const attemptLeft = isAttempt(unwrap(u.left));
  if (!attemptLeft && !isAttempt(unwrap(u.right))) return Infinity;
  const k = knownNumber(ctx, unwrap(attemptLeft ? u.right : u.left));
  if (k === undefined) return Infinity;
  let op: string = attemptLeft ? u.operator : (SWAPPED[u.operator] ?? '');
  if (!when) op = NEGATED[op] ?? '';
  if (op === '<') return Math.ceil(k) - 1;
  if (op === '<=') return Math.floor(k);
  return Infinity;
}

/** `k OP n` read as `n OP' k`. */
const SWAPPED: Record<string, string> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=' };
/** What holds when `n OP k` is false. */
const NEGATED: Record<string, string> = { '<': '>=', '<=': '>', '>': '<=', '>=': '<' };

/**
 * The largest attempt a returned `test ? a : b` gives a delay for, when one side stops (returns no
 * delay): the other side runs only while the test is false (`n > 4 ? STOP : d`, attempt ≤ 4) or true
 * (`n < 5 ? d : STOP`, attempt ≤ 4). Infinity when neither side stops or the test does not bound the attempt.
 */
function conditionalLimit(ctx: LibraryContext, returned: Node, isAttempt: (n: Node) => boolean, stops: StopValues): number {
  const u = localValue(ctx, returned);
  if (u.type !== T.ConditionalExpression) return Infinity;
  const consequentStops = leaves(ctx, [u.consequent], stops).length === 0;
  const alternateStops = leaves(ctx, [u.alternate], stops).length === 0;
  if (consequentStops && !alternateStops) return attemptLimit(ctx, u.test, isAttempt, false);
  if (alternateStops && !consequentStops) return attemptLimit(ctx, u.test, isAttempt, true);
  return Infinity;
}

/** Whether a statement always leaves the function without a delay: its last statement returns a stop value or throws. */
function alwaysStops(ctx: LibraryContext, st: Node, stops: StopValues): boolean {
  if (st.type === T.BlockStatement) {
    const last = st.body[st.body.length - 1];
    return !!last && alwaysStops(ctx, last, stops);
  }
  if (st.type === T.ThrowStatement) return true;
  if (st.type === T.ReturnStatement) return st.argument === null || leaves(ctx, [st.argument], stops).length === 0;
  return false;
}

/**
 * The largest attempt a delay can be returned for, from stop guards: a top-level
 * `if (attempt >= N) { …; return false; }` (or a throw) before every return of a delay means a delay
 * is only returned while `attempt < N` (node-redis `if (retries >= 4) return false;`). The attempt
 * parameter must never be written. Infinity when there is no such guard.
 */
function stopGuardLimit(ctx: LibraryContext, fn: FunctionNode, returns: readonly (Node | null)[], attempt: Variable, stops: StopValues): number {
  if (attempt.references.some((r) => r.isWrite())) return Infinity;
  const delayReturns = returns.filter((r): r is Node => !!r && leaves(ctx, [r], stops).length > 0);
  if (delayReturns.length === 0) return Infinity;
  const isAttempt = (n: Node): boolean => n.type === T.Identifier && variableOf(ctx.sourceCode, n) === attempt;
  // `(retries) => (retries > 4 ? new Error('…') : STEPS[retries])`: a returned choice between a stop
  // value and a delay returns the delay only on its side of the test.
  const guarded = Math.max(...delayReturns.map((r) => conditionalLimit(ctx, r, isAttempt, stops)));
  if (fn.body.type !== T.BlockStatement) return guarded;
  const firstDelay = Math.min(...delayReturns.map((r) => r.range[0]));
  let hi = guarded;
  for (const st of fn.body.body) {
    if (st.range[1] > firstDelay) break;
    if (st.type === T.IfStatement && !st.alternate && alwaysStops(ctx, st.consequent, stops)) hi = Math.min(hi, attemptLimit(ctx, st.test, isAttempt, false));
  }
  return hi;
}
