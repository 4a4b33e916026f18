// The schedule a hand-written retry's delay expression describes, read by evaluating it: the wait
// before each retry, as a function of the attempt, mapped onto the bundled helper's options
// (`baseDelayMs` · 2^(attempt − 1), capped at `maxDelayMs`). A rewrite that cannot carry the
// schedule over (a linear or tripling growth, a ladder of waits, a delay read from a variable the
// retry writes) is not offered: issue 10, a quick fix keeps the program's meaning.
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { isFunction, unwrap, walk } from '../analysis/ast';
import { constantNumber, laterWrites, variableOf } from '../analysis/scope';

type Node = TSESTree.Node;
type SourceCode = TSESLint.SourceCode;

/** An attempt counter as the delay reads it: its name, its value at the first wait, and its step per attempt (+1 or −1). */
export interface CounterAtWait {
  name: string;
  /** The counter's value when the first retry waits (after the first failed attempt). */
  first: number;
  step: 1 | -1;
}

/**
 * What a delay expression waits, attempt by attempt, in milliseconds, with `Math.random()` at its
 * top (each wait's ceiling: the longest the original can wait there).
 * - `constant`: the same wait before every retry (`baseMs`);
 * - `doubling`: `baseMs` before the first retry, twice as long before each next one, up to `capMs`
 *   when the expression caps it (the helper's own growth, AWS "Exponential Backoff And Jitter").
 */
export interface Schedule {
  growth: 'constant' | 'doubling';
  /** The wait before the first retry, in ms (the helper's `baseDelayMs`). */
  baseMs: number;
  /** The wait the doubling stops growing at, in ms, when the expression caps it (the helper's `maxDelayMs`). */
  capMs: number | undefined;
  /** The longest wait over the `waits` evaluated, in ms. */
  longestMs: number;
  /** The delay takes a random part (`Math.random()`): the original already jitters. */
  random: boolean;
}

/** How many waits are evaluated when the number of attempts is unknown. */
const UNKNOWN_WAITS = 12;

/**
 * The value of a delay expression with the counter at `e.value` and `Math.random()` at
 * `e.random`, when it is arithmetic over literals, constants (read by the analysis' constant reader),
 * the counter and `Math`'s deterministic functions; undefined for anything else (a call, a variable
 * the retry writes, a header read): such a delay's schedule is unknown.
 */
interface Evaluation {
  counter: string | undefined;
  /** The counter's value at the wait. */
  value: number;
  step: 1 | -1;
  /** Where the wait starts: a step of the counter inside the delay's own declaration before it is already counted in `value`. */
  waitStart: number;
  random: number;
  seen: { random: boolean };
  depth: number;
}

function evaluate(sourceCode: SourceCode, expr: Node, e: Evaluation): number | undefined {
  const n = unwrap(expr);
  const again = (m: Node): number | undefined => evaluate(sourceCode, m, e);
  switch (n.type) {
    case T.Literal:
      return typeof n.value === 'number' ? n.value : undefined;
    case T.Identifier: {
      if (n.name === e.counter) return e.value;
      const c = constantNumber(sourceCode, n);
      if (c !== undefined) return c;
      // A local the delay is computed into (`const pause = Math.min(200 * 2 ** i, 10_000)`): its
      // initialiser, when nothing writes the variable after it.
      const v = variableOf(sourceCode, n);
      const def = v?.defs.length === 1 ? v.defs[0] : undefined;
      if (!v || e.depth > 4 || def?.node.type !== T.VariableDeclarator || !def.node.init || laterWrites(v).length > 0 || def.node.range[1] > e.waitStart) return undefined;
      return evaluate(sourceCode, def.node.init, { ...e, depth: e.depth + 1 });
    }
    case T.UpdateExpression: {
      // `n++` in the delay (`100 * 2 ** n++`): the value before or after this step, which is counted
      // in `value` when it stands before the wait.
      if (n.argument.type !== T.Identifier || n.argument.name !== e.counter) return undefined;
      const d = (n.operator === '++' ? 1 : -1) * e.step;
      const after = n.range[1] <= e.waitStart ? e.value : e.value + d;
      return n.prefix ? after : after - d;
    }
    case T.MemberExpression:
      return constantNumber(sourceCode, n);
    case T.UnaryExpression: {
      if (n.operator !== '-' && n.operator !== '+') return undefined;
      const v = again(n.argument);
      return v === undefined ? undefined : n.operator === '-' ? -v : v;
    }
    case T.BinaryExpression: {
      if (n.left.type === T.PrivateIdentifier) return undefined;
      const a = again(n.left);
      const b = a === undefined ? undefined : again(n.right);
      if (a === undefined || b === undefined) return undefined;
      switch (n.operator) {
        case '+': return a + b;
        case '-': return a - b;
        case '*': return a * b;
        case '/': return a / b;
        case '%': return a % b;
        case '**': return a ** b;
        case '<<': return a << b;
        case '>>': return a >> b;
        case '>>>': return a >>> b;
        default: return undefined;
      }
    }
    case T.ConditionalExpression: {
      const t = n.test;
      if (t.type !== T.BinaryExpression || t.left.type === T.PrivateIdentifier) return undefined;
      const a = again(t.left);
      const b = a === undefined ? undefined : again(t.right);
      if (a === undefined || b === undefined) return undefined;
      const ops: Record<string, (x: number, y: number) => boolean> = { '<': (x, y) => x < y, '<=': (x, y) => x <= y, '>': (x, y) => x > y, '>=': (x, y) => x >= y, '===': (x, y) => x === y, '==': (x, y) => x === y, '!==': (x, y) => x !== y, '!=': (x, y) => x !== y };
      const op = ops[t.operator];
      if (!op) return undefined;
      return again(op(a, b) ? n.consequent : n.alternate);
    }
    case T.CallExpression: {
      const c = n.callee;
      if (c.type !== T.MemberExpression || c.computed || c.object.type !== T.Identifier || c.object.name !== 'Math' || c.property.type !== T.Identifier) return undefined;
      if (sourceCode.getScope(n).set.get('Math') !== undefined) return undefined;
      if (c.property.name === 'random' && n.arguments.length === 0) {
        e.seen.random = true;
        return e.random;
      }
      const args: number[] = [];
      for (const a of n.arguments) {
        if (a.type === T.SpreadElement) return undefined;
        const v = again(a);
        if (v === undefined) return undefined;
        args.push(v);
      }
      const fns: Record<string, (...xs: number[]) => number> = { min: Math.min, max: Math.max, pow: Math.pow, floor: Math.floor, ceil: Math.ceil, round: Math.round, trunc: Math.trunc, abs: Math.abs };
      const f = fns[c.property.name];
      return f ? f(...args) : undefined;
    }
    default:
      return undefined;
  }
}

/** `a` and `b` equal within a millisecond's rounding. */
const same = (a: number, b: number): boolean => Math.abs(a - b) <= 1;

/**
 * The schedule of `expr` over `waits` retries (attempts − 1; unknown: 12) with the counter as
 * given (no counter: a delay that reads none), or undefined when the expression cannot be
 * evaluated or its waits neither stay constant nor double (a linear `i * 300`, a tripling
 * `3 ** i`, a random spread whose ceiling moves otherwise).
 */
export function readSchedule(sourceCode: SourceCode, expr: Node, counter: CounterAtWait | undefined, waits: number | undefined, waitStart = expr.range[0]): Schedule | undefined {
  const count = waits !== undefined && Number.isFinite(waits) && waits > 0 ? Math.min(waits, 64) : UNKNOWN_WAITS;
  const seen = { random: false };
  const at = (k: number, random: number): number | undefined =>
    evaluate(sourceCode, expr, { counter: counter?.name, value: counter ? counter.first + k * counter.step : 0, step: counter?.step ?? 1, waitStart, random, seen, depth: 0 });
  // Each wait's ceiling: Math.random() just below 1 (full jitter's `random() * d` draws below d).
  const top = 1 - 1e-12;
  const values: number[] = [];
  for (let k = 0; k < count; k++) {
    const v = at(k, top);
    if (v === undefined || !Number.isFinite(v) || v < 0) return undefined;
    values.push(v);
  }
  const [base = 0] = values;
  if (base <= 0) return undefined;
  const longestMs = Math.max(...values);
  if (values.every((v) => same(v, base))) {
    // Constant over the attempts it makes; a cap it would reach later does not matter.
    return { growth: 'constant', baseMs: Math.round(base), capMs: undefined, longestMs, random: seen.random };
  }
  // Doubling, then flat at the cap once it reaches it.
  let capMs: number | undefined;
  let previous = base;
  for (const value of values.slice(1)) {
    const want = previous * 2;
    const prior = previous;
    previous = value;
    if (capMs === undefined && same(value, want)) continue;
    if (capMs === undefined && value < want && value >= prior - 1) {
      capMs = value;
      continue;
    }
    if (capMs !== undefined && same(value, capMs)) continue;
    return undefined;
  }
  if (capMs === undefined) {
    // A cap the evaluated attempts do not reach: the value far out, when it has stopped changing
    // (two far attempts wait the same, and no less than the last wait read).
    const far = at(40, top);
    const further = at(41, top);
    if (far !== undefined && further !== undefined && Number.isFinite(far) && same(far, further) && far >= longestMs) capMs = far;
  }
  return { growth: 'doubling', baseMs: Math.round(base), capMs: capMs === undefined ? undefined : Math.round(capMs), longestMs, random: seen.random };
}

/**
 * The counter's value when a wait runs on the first failed attempt: its start plus the steps
 * (`n++`, `n += 1`, `n--`, `n -= 1`) the attempt makes before the wait, outside nested functions,
 * in `region` (the loop's body and test; not a for-loop's update, which runs after the body).
 */
export function stepsBefore(sourceCode: SourceCode, regions: ReadonlyArray<Node | null | undefined>, name: string, wait: Node): { up: number; down: number } {
  let up = 0;
  let down = 0;
  for (const region of regions) {
    if (!region) continue;
    walk(region, sourceCode.visitorKeys, (n) => {
      if (isFunction(n)) return false;
      if (n.range[1] > wait.range[0]) return n.range[0] < wait.range[0] ? undefined : false;
      if (n.type === T.UpdateExpression && n.argument.type === T.Identifier && n.argument.name === name) {
        if (n.operator === '++') up++;
        else down++;
      }
      if (n.type === T.AssignmentExpression && n.left.type === T.Identifier && n.left.name === name && n.right.type === T.Literal && n.right.value === 1) {
        if (n.operator === '+=') up++;
        else if (n.operator === '-=') down++;
      }
      return undefined;
    });
  }
  return { up, down };
}
