// The rewrite behind "Use the backoff helper": a hand-written retry loop or recursion around one
// operation becomes `return await retryWithBackoff(() => operation, { maxAttempts, baseDelayMs })`
// when the whole retry can be rewritten safely; otherwise its wait gets `backoffDelay(attempt, …)`.
// Pure: AST in, text edits (offsets) out. Sites come from the plugin's analysis when it finds one
// at the finding, else from the enclosing loop or recursive function.
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { getRetrySitesFor, type RetrySite } from '../analysis/index';
import type { RuleId } from '../analysis/types';
import { localDelayOf, propName, requestOptions } from '../utils/fixes';
import { contains, enclosingFunction, findAll, isFunction, walk } from '../analysis/ast';
import { OPAQUE_WAIT_RE, WAIT_NAME_RE } from '../analysis/vocabulary';
import { isEffectivelyUnbounded } from '../analysis/limits';
import { canMove, sameBindingAt, scopeAt, type Destination } from '../utils/scope-move';
import { constantNumber, variableOf } from '../analysis/scope';
import { readSchedule, stepsBefore, type CounterAtWait, type Schedule } from './schedule';
/** The bundled helper's exports a rewrite may import. */
export type HelperName = 'retryWithBackoff' | 'backoffDelay';

type Node = TSESTree.Node;
type SourceCode = TSESLint.SourceCode;
type Keys = TSESLint.SourceCode.VisitorKeys;

/** A text replacement in offsets of the source text (BOM excluded, as ESLint counts). */
export interface OffsetEdit {
  range: [number, number];
  text: string;
}

/** What the rewrite changes and which helper exports it needs. */
export interface RewritePlan {
  /** Stable key of the rewritten site, so one action is offered per site however many findings it has. */
  siteKey: string;
  kind: 'full' | 'delay';
  /** The code action's title. */
  title: string;
  edits: OffsetEdit[];
  names: HelperName[];
  /** The rules whose findings inside `covers` the rewrite resolves (it claims no other). */
  resolves: RuleId[];
  /** Where the resolved findings start: the rewritten retry, or the rewritten waits. */
  covers: Array<[number, number]>;
  /** The original retried every error and the rewrite keeps that (`shouldRetry: () => true`). */
  retriesEverything?: boolean;
}

const isLoop = (n: Node): n is TSESTree.ForStatement | TSESTree.WhileStatement | TSESTree.DoWhileStatement =>
  n.type === T.ForStatement || n.type === T.WhileStatement || n.type === T.DoWhileStatement;

/** A one-character node at `offset`, for `contains` (true when `offset` lies inside a node's range). */
const atOffset = (offset: number): Node => ({ range: [offset, offset + 1] }) as Node;

/**
 * The first match of a right-to-left search below `root` (the order the rewrite has always used):
 * the last outermost match in source order. `skip` prunes subtrees (never `root`).
 */
function lastMatch<R>(root: Node, keys: Keys, find: (n: Node) => R | undefined, skip?: (n: Node) => boolean): R | undefined {
  let found: R | undefined;
  walk(root, keys, (n) => {
    if (n !== root && skip?.(n)) return false;
    const r = find(n);
    if (r === undefined) return;
    found = r;
    return false;
  });
  return found;
}

function nodeAt(sourceCode: SourceCode, offset: number): Node {
  let best: Node = sourceCode.ast;
  walk(sourceCode.ast, sourceCode.visitorKeys, (n) => {
    if (!contains(n, atOffset(offset))) return n === sourceCode.ast;
    best = n;
    return true;
  });
  return best;
}

function ancestors(n: Node): Node[] {
  const out: Node[] = [];
  for (let p = n.parent; p; p = p.parent) out.push(p);
  return out;
}

/** The identifier names referenced anywhere below `root`. */
function mentions(keys: Keys, root: Node, name: string): boolean {
  let found = false;
  walk(root, keys, (n) => {
    if (n.type === T.Identifier && n.name === name) {
      const p = n.parent;
      // `obj.name` and `{ name: x }` keys are not references.
      if (p?.type === T.MemberExpression && p.property === n && !p.computed) return;
      if (p?.type === T.Property && p.key === n && !p.computed && !p.shorthand) return;
      found = true;
    }
  });
  return found;
}

/** `break`/`continue` leaving the statement `root` (not inside a nested loop, switch or function). */
function hasEscapingJump(keys: Keys, root: Node): boolean {
  let found = false;
  walk(root, keys, (n) => {
    if (isFunction(n) || isLoop(n) || n.type === T.ForInStatement || n.type === T.ForOfStatement) return false;
    if (n.type === T.SwitchStatement) {
      // `break` inside a switch is local; `continue` escapes.
      walk(n, keys, (m) => {
        if (isFunction(m) || isLoop(m)) return false;
        if (m.type === T.ContinueStatement) found = true;
      });
      return false;
    }
    if (n.type === T.BreakStatement || n.type === T.ContinueStatement || n.type === T.YieldExpression) found = true;
  });
  return found;
}

function hasOwnAwait(keys: Keys, root: Node): boolean {
  let found = root.type === T.AwaitExpression;
  walk(root, keys, (n) => {
    if (n !== root && isFunction(n)) return false;
    if (n.type === T.AwaitExpression) found = true;
  });
  return found;
}

/** A statement that waits: `await sleep(…)`, `await new Promise((r) => setTimeout(r, …))`. */
function waitCallOf(keys: Keys, stmt: Node, siteWaits: readonly Node[]): TSESTree.CallExpression | TSESTree.NewExpression | undefined {
  if (stmt.type !== T.ExpressionStatement || stmt.expression.type !== T.AwaitExpression) return undefined;
  const arg = stmt.expression.argument;
  if (arg.type !== T.CallExpression && arg.type !== T.NewExpression) return undefined;
  if (siteWaits.some((w) => w.range[0] >= stmt.range[0] && w.range[1] <= stmt.range[1])) return arg;
  const callee = arg.callee;
  const name = callee.type === T.Identifier ? callee.name : callee.type === T.MemberExpression && callee.property.type === T.Identifier ? callee.property.name : '';
  if (arg.type === T.CallExpression && (WAIT_NAME_RE.test(name) || OPAQUE_WAIT_RE.test(name))) return arg;
  if (arg.type === T.NewExpression && name === 'Promise' && mentionsCall(keys, arg, 'setTimeout')) return arg;
  return undefined;
}

function mentionsCall(keys: Keys, root: Node, name: string): boolean {
  let found = false;
  walk(root, keys, (n) => {
    if (n.type === T.CallExpression && n.callee.type === T.Identifier && n.callee.name === name) found = true;
  });
  return found;
}

/** The delay argument of a wait call: the first argument, or setTimeout's second inside a Promise. */
function delayArgument(keys: Keys, call: TSESTree.CallExpression | TSESTree.NewExpression): TSESTree.Expression | undefined {
  if (call.type === T.CallExpression) {
    const name = call.callee.type === T.Identifier ? call.callee.name : '';
    const arg = name === 'setTimeout' ? call.arguments[1] : call.arguments[0];
    return arg && arg.type !== T.SpreadElement ? arg : undefined;
  }
  // The setTimeout a right-to-left search meets last: the first in source order, or the innermost one nested in it.
  const timeouts = findAll(call, keys, (n): n is TSESTree.CallExpression => n.type === T.CallExpression && n.callee.type === T.Identifier && n.callee.name === 'setTimeout');
  let found: TSESTree.Expression | undefined;
  let last: Node | undefined;
  for (const n of timeouts) {
    if (last && !contains(last, n)) break;
    const a = n.arguments[1];
    if (a && a.type !== T.SpreadElement) {
      found = a;
      last = n;
    }
  }
  return found;
}

/** A loop or function's attempt counter: its name, start value and how it is written. */
interface Counter {
  name: string;
  start: number | undefined;
}

function numberValue(sourceCode: SourceCode, n: Node | null | undefined, scopeNode: Node): number | undefined {
  if (!n) return undefined;
  if (n.type === T.Literal && typeof n.value === 'number') return n.value;
  if (n.type === T.Identifier) {
    const init = constInit(sourceCode, n.name, scopeNode);
    return init ? numberValue(sourceCode, init, scopeNode) : undefined;
  }
  return undefined;
}

/** The initialiser of a `const name = …` visible from `from` (same or an enclosing block / program). */
function constInit(_sourceCode: SourceCode, name: string, from: Node): Node | undefined {
  for (let p: Node | undefined = from; p; p = p.parent) {
    const body = p.type === T.BlockStatement || p.type === T.Program ? p.body : undefined;
    if (!body) continue;
    for (const s of body) {
      const decl = s.type === T.ExportNamedDeclaration ? s.declaration : s;
      if (decl?.type !== T.VariableDeclaration || decl.kind !== 'const') continue;
      for (const d of decl.declarations) if (d.id.type === T.Identifier && d.id.name === name && d.init) return d.init;
    }
  }
  return undefined;
}

/**
 * Base delay and cap from a delay expression: `1500`, `200 * 2 ** i`, `Math.min(base * 2 ** n, 10_000)`.
 * A constant's name is kept when it means the same constant at `to` (where the option is written),
 * else its value is written.
 */
function delayOptions(sourceCode: SourceCode, expr: Node | undefined, scopeNode: Node, to?: Destination): DelayText {
  if (!expr) return {};
  let e: Node = expr;
  if (e.type === T.Identifier) {
    const init = localInit(e.name, scopeNode) ?? constInit(sourceCode, e.name, scopeNode);
    if (init) e = init;
  }
  const out: DelayText = {};
  // The text of a number the code writes, and (`read`) the value it stands for where it is read.
  const read = new Map<string, number>();
  const literal = (n: Node): string | undefined => {
    if (n.type === T.Literal && typeof n.value === 'number') return n.raw;
    // A parameter or option read by its default (`{ delayMs = 10000 } = {}`): a caller may pass
    // another value, so the option names the parameter (the schedule was read with its default).
    const byDefault = n.type === T.Identifier && variableOf(sourceCode, n)?.defs.some((d) => d.type === 'Parameter') ? constantNumber(sourceCode, n) : undefined;
    const value = n.type === T.Identifier ? numberValue(sourceCode, n, scopeNode) ?? byDefault : undefined;
    if (n.type === T.Identifier && value !== undefined) {
      const text = !to || sameBindingAt(sourceCode, n, to) ? n.name : String(value);
      read.set(text, value);
      return text;
    }
    return undefined;
  };
  if (e.type === T.CallExpression && e.callee.type === T.MemberExpression && sourceCode.getText(e.callee) === 'Math.min' && e.arguments.length === 2) {
    const [a, b] = e.arguments as [Node, Node];
    const capA = literal(a);
    const capB = literal(b);
    if (capB) {
      out.cap = capB;
      e = a;
    } else if (capA) {
      out.cap = capA;
      e = b;
    }
  }
  const direct = literal(e);
  if (direct) return { ...out, base: direct, read };
  const base = lastMatch(e, sourceCode.visitorKeys, (n) => {
    if (n.type !== T.BinaryExpression || (n.operator !== '*' && n.operator !== '<<')) return undefined;
    const left = literal(n.left);
    const right = n.operator === '*' ? literal(n.right) : undefined;
    return left && !right ? left : right && !left ? right : undefined;
  });
  if (base) out.base = base;
  return { ...out, read };
}

/** Base delay and cap as the code writes them (a literal's text, or a constant's name). */
interface DelayText {
  base?: string;
  cap?: string;
  /**
   * The value each name among them stands for where the delay reads it: a parameter's or option's
   * default too (`{ delayMs = 10000 } = {}`), which a caller may replace, so the name is kept.
   */
  read?: ReadonlyMap<string, number>;
}

/** A delay option's text: the code's own text when it stands for `value` (a literal, a constant's name), else the number. */
function optionText(sourceCode: SourceCode, text: string | undefined, value: number, scopeNode: Node, read?: ReadonlyMap<string, number>): string {
  if (text === undefined) return String(value);
  if (read?.get(text) === value) return text;
  const written = /^[\d_.]+$/.test(text) ? Number(text.replace(/_/g, '')) : numberValue(sourceCode, constInit(sourceCode, text, scopeNode) ?? localInit(text, scopeNode), scopeNode);
  return written === value ? text : String(value);
}

/**
 * The helper's delay options for a schedule read from the original (./schedule): `baseDelayMs` is
 * the original's first wait; `maxDelayMs` its cap, or, uncapped, its longest wait over the attempts
 * it makes (so the helper's default 20 s cap never cuts a schedule short), never above the
 * project's `maxDelayMs` (require-max-delay, default 60 s). A constant wait gains the helper's
 * doubling (the point of require-backoff), capped at the helper's default or the wait itself when longer.
 */
function helperDelay(schedule: Schedule, waits: number | undefined, options: RewriteOptions): { base: number; cap: number | undefined } {
  const limit = options.maxDelayMs ?? REQUIRE_MAX_DELAY_MS;
  const base = schedule.baseMs;
  let cap: number | undefined;
  if (schedule.growth === 'constant') cap = base > HELPER_MAX_DELAY_MS ? Math.min(base, limit) : limit < HELPER_MAX_DELAY_MS ? limit : undefined;
  else {
    const longest = schedule.capMs ?? (waits !== undefined && Number.isFinite(waits) && waits > 0 ? base * 2 ** (waits - 1) : Infinity);
    cap = Math.min(longest, limit);
    if (schedule.capMs === undefined && cap <= HELPER_MAX_DELAY_MS && limit >= HELPER_MAX_DELAY_MS) cap = undefined; // the helper's default cap is never reached
  }
  return { base, cap };
}

/** `const name = …` declared in the block around `from`. */
function localInit(name: string, from: Node): Node | undefined {
  for (let p: Node | undefined = from; p && !isFunction(p); p = p.parent) {
    if (p.type !== T.BlockStatement) continue;
    for (const s of p.body) {
      if (s.type !== T.VariableDeclaration) continue;
      for (const d of s.declarations) if (d.id.type === T.Identifier && d.id.name === name && d.init) return d.init;
    }
  }
  return undefined;
}

function loopCounter(sourceCode: SourceCode, loop: TSESTree.ForStatement | TSESTree.WhileStatement | TSESTree.DoWhileStatement): Counter | undefined {
  if (loop.type === T.ForStatement && loop.init?.type === T.VariableDeclaration) {
    const d = loop.init.declarations[0];
    if (d?.id.type === T.Identifier) return { name: d.id.name, start: numberValue(sourceCode, d.init, loop) };
  }
  const name = lastMatch(
    loop,
    sourceCode.visitorKeys,
    (n) => {
      if (n.type === T.UpdateExpression && n.operator === '++' && n.argument.type === T.Identifier) return n.argument.name;
      if (n.type === T.AssignmentExpression && n.operator === '+=' && n.left.type === T.Identifier) return n.left.name;
      return undefined;
    },
    isFunction,
  );
  if (!name) return undefined;
  const block = loop.parent;
  let start: number | undefined;
  if (block && (block.type === T.BlockStatement || block.type === T.Program)) {
    for (const s of block.body) {
      if (s.type !== T.VariableDeclaration) continue;
      for (const d of s.declarations) if (d.id.type === T.Identifier && d.id.name === name) start = numberValue(sourceCode, d.init, loop);
    }
  }
  return { name, start };
}

/** `maxAttempts` text from a for-loop's test (`i < N`, `i <= N`), carrying an expression bound as written. */
function loopAttempts(sourceCode: SourceCode, loop: Node, counter: Counter | undefined): string | undefined {
  if (loop.type !== T.ForStatement || counter?.start === undefined) return undefined;
  const test = loop.test;
  if (test?.type !== T.BinaryExpression || test.left.type !== T.Identifier || test.left.name !== counter.name) return undefined;
  const extra = test.operator === '<' ? 0 : test.operator === '<=' ? 1 : undefined;
  if (extra === undefined) return undefined;
  const delta = extra - counter.start;
  const value = numberValue(sourceCode, test.right, loop);
  if (value !== undefined) return String(value + delta);
  const text = sourceCode.getText(test.right);
  const safe = test.right.type === T.Identifier || test.right.type === T.MemberExpression ? text : `(${text})`;
  return delta === 0 ? safe : delta > 0 ? `${safe} + ${delta}` : `${safe} - ${-delta}`;
}

function indentOf(sourceCode: SourceCode, n: Node): string {
  const line = sourceCode.lines[n.loc.start.line - 1] ?? '';
  return /^\s*/.exec(line)?.[0] ?? '';
}

function dedent(text: string, by: number): string {
  if (by <= 0) return text;
  return text
    .split('\n')
    .map((l, i) => (i === 0 ? l : l.replace(new RegExp(`^[ \\t]{0,${by}}`), '')))
    .join('\n');
}

/** What a catch clause does, read for the full rewrite. */
interface CatchReading {
  /** The wait calls of the catch (the site's own waits when the analysis found the site). */
  waits: Array<TSESTree.CallExpression | TSESTree.NewExpression>;
  /** `lastError = err` bookkeeping: the variable's name. */
  lastError?: string;
  /** An `if (<counter test>) throw err` guard was found, and after how many attempts it fires (when known). */
  boundGuard: boolean;
  guardAttempts: number | undefined;
  /** The `shouldRetry` option text that keeps what the catch decides and does before the next attempt. */
  shouldRetry: string;
  /** The catch retries every error (no classification at all). */
  retriesEverything: boolean;
  /** Declarations and statements dropped with the loop (their ranges), for the orphan check. */
  dropped: Node[];
  /**
   * The catch's nodes whose text `shouldRetry` carries (guard tests, moved statements, and the
   * catch's own declarations they read, re-derived from the error parameter): every name in them
   * must mean the same inside `shouldRetry` (see fullPlans' scope check).
   */
  moved: Node[];
}

/** Node types that need no parentheses as an operand of `!` or `&&`. */
const ATOMIC = new Set<string>([T.Identifier, T.Literal, T.CallExpression, T.MemberExpression, T.ThisExpression, T.TemplateLiteral, T.ArrayExpression, T.UnaryExpression, T.ChainExpression, T.NewExpression]);

/**
 * An expression that only reads (a delay computation: arithmetic, Math.*, reading a header or a
 * date), stepping at most the attempt counter: no await, no assignment, no update of anything else.
 */
function isPure(sourceCode: SourceCode, root: Node, counter: string | undefined): boolean {
  let ok = true;
  walk(root, sourceCode.visitorKeys, (n) => {
    if (!ok) return false;
    if (isFunction(n)) return false;
    if (n.type === T.AwaitExpression || n.type === T.YieldExpression) ok = false;
    else if ((n.type === T.UpdateExpression && !(n.argument.type === T.Identifier && n.argument.name === counter)) || (n.type === T.AssignmentExpression && !(n.left.type === T.Identifier && n.left.name === counter))) ok = false;
  });
  return ok;
}

/** `a || b || c` as its operands. */
function disjuncts(n: TSESTree.Expression): TSESTree.Expression[] {
  return n.type === T.LogicalExpression && n.operator === '||' ? [...disjuncts(n.left), ...disjuncts(n.right)] : [n];
}

/** A bound test on the counter: `counter <op> limit` / `limit <op> counter`, with how many attempts it allows when known. */
function boundTest(sourceCode: SourceCode, n: Node, counter: Counter & { step?: 1 | -1 }, stepped: boolean): { attempts: number | undefined } | undefined {
  if (n.type !== T.BinaryExpression || !['>=', '>', '===', '==', '<=', '<'].includes(n.operator)) return undefined;
  let op: string = n.operator;
  let limitNode: Node = n.right;
  if (n.left.type === T.Identifier && n.left.name === counter.name) limitNode = n.right;
  else if (n.right.type === T.Identifier && n.right.name === counter.name) {
    limitNode = n.left;
    op = ({ '>=': '<=', '>': '<', '<=': '>=', '<': '>', '===': '===', '==': '==' } as Record<string, string>)[op] ?? op;
  } else return undefined;
  if (mentions(sourceCode.visitorKeys, limitNode, counter.name)) return undefined;
  let limit = numberValue(sourceCode, limitNode, n);
  if (limit === undefined && limitNode.type === T.BinaryExpression && limitNode.right.type === T.Literal && typeof limitNode.right.value === 'number') {
    const l = numberValue(sourceCode, limitNode.left, n);
    if (l !== undefined && limitNode.operator === '-') limit = l - limitNode.right.value;
    if (l !== undefined && limitNode.operator === '+') limit = l + limitNode.right.value;
  }
  const start = counter.start;
  if (limit === undefined || start === undefined) return { attempts: undefined };
  // The counter's value at the guard on attempt k (from 1): start + (k − 1) · step, or one step further when stepped before the guard.
  const step = counter.step ?? 1;
  const at0 = start + (stepped ? step : 0);
  if (step === 1 && (op === '>=' || op === '===' || op === '==')) return { attempts: limit - at0 + 1 };
  if (step === 1 && op === '>') return { attempts: limit - at0 + 2 };
  if (step === -1 && (op === '<=' || op === '===' || op === '==')) return { attempts: at0 - limit + 1 };
  if (step === -1 && op === '<') return { attempts: at0 - limit + 2 };
  return { attempts: undefined };
}

/** A statement that may not move into `shouldRetry`: it leaves the catch some other way or reads the counter. */
function cannotMove(sourceCode: SourceCode, stmt: Node, counter: string | undefined): boolean {
  let bad = false;
  walk(stmt, sourceCode.visitorKeys, (n) => {
    if (bad) return false;
    if (isFunction(n)) return false;
    if (n.type === T.ReturnStatement || n.type === T.BreakStatement || n.type === T.ContinueStatement || n.type === T.YieldExpression) bad = true;
    if (n.type === T.Identifier && (n.name === 'arguments' || (counter && n.name === counter))) bad = true;
    if (n.type === T.ThisExpression) bad = false;
  });
  return bad;
}

/** `!(test)`, without a double negation, as an operand of `&&`. */
function negated(sourceCode: SourceCode, test: TSESTree.Expression): string {
  if (test.type === T.UnaryExpression && test.operator === '!') {
    const a = test.argument;
    const text = sourceCode.getText(a);
    return ATOMIC.has(a.type) || a.type === T.BinaryExpression ? text : `(${text})`;
  }
  const text = sourceCode.getText(test);
  return `!${ATOMIC.has(test.type) && test.type !== T.UnaryExpression ? text : `(${text})`}`;
}

/**
 * Reads the catch clause of a retry for the full rewrite. Keeps its meaning or refuses (undefined):
 * - the waits (the site's own, from the analysis) and pure delay declarations go (the helper waits);
 * - `lastError = err` goes (the helper rethrows the last error);
 * - the bound guard `if (<counter test>) throw err` goes (the helper's `maxAttempts`);
 * - `if (cond) throw err` guards become `shouldRetry` (false ends the retry with that error, as the throw did);
 * - every other statement moves into `shouldRetry` unchanged, which runs exactly when another attempt
 *   follows: so it must stand after the bound guard (else it would also run after the last attempt),
 *   before the wait, and not read the counter;
 * - a catch that decides nothing retries every error: `shouldRetry: () => true`, said so.
 */
function readCatch(sourceCode: SourceCode, handler: TSESTree.CatchClause, site: RetrySite | undefined, counter: (Counter & { step?: 1 | -1 }) | undefined, allowed: (stmt: TSESTree.Statement) => boolean): CatchReading | undefined {
  const keys = sourceCode.visitorKeys;
  const siteWaits = site?.waits.map((w) => w.node) ?? [];
  const param = handler.param?.type === T.Identifier ? handler.param.name : undefined;
  if (handler.param && !param) return undefined;
  const out: CatchReading = { waits: [], boundGuard: false, guardAttempts: undefined, shouldRetry: '', retriesEverything: true, dropped: [], moved: [] };
  const kept: string[] = [];
  const guards: string[] = [];
  /** What shouldRetry runs, in the catch's order: the catch's pure declarations, the guards (`if (test) return false;`), the moved statements. */
  const steps: Array<{ kind: 'decl' | 'guard' | 'kept'; text: string; nodes: Node[] }> = [];
  let moved = false;
  let stepped = false;
  for (const stmt of handler.body.body) {
    // With a site from the analysis, only its waits count as waits: one vocabulary (the plugin's).
    const wait = site ? (siteWaits.some((w) => contains(stmt, w)) && stmt.type === T.ExpressionStatement && stmt.expression.type === T.AwaitExpression ? (stmt.expression.argument as TSESTree.CallExpression | TSESTree.NewExpression) : undefined) : waitCallOf(keys, stmt, siteWaits);
    if (wait && (wait.type === T.CallExpression || wait.type === T.NewExpression)) {
      if (out.waits.length > 0) return undefined;
      out.waits.push(wait);
      out.dropped.push(stmt);
      continue;
    }
    if (allowed(stmt)) continue;
    if (stmt.type === T.VariableDeclaration && stmt.declarations.every((d) => d.id.type === T.Identifier && (!d.init || isPure(sourceCode, d.init, counter?.name)))) {
      // Dropped with the wait it computes for; carried into shouldRetry when a guard or a moved statement reads it.
      out.dropped.push(stmt);
      steps.push({ kind: 'decl', text: sourceCode.getText(stmt), nodes: [stmt] });
      continue;
    }
    if (stmt.type === T.ExpressionStatement && stmt.expression.type === T.AssignmentExpression && stmt.expression.operator === '=' && stmt.expression.left.type === T.Identifier && stmt.expression.right.type === T.Identifier && stmt.expression.right.name === param) {
      out.lastError = stmt.expression.left.name;
      out.dropped.push(stmt);
      continue;
    }
    // `attempt++` / `attempt += 1` in the catch: the helper counts.
    if (counter && stmt.type === T.ExpressionStatement && ((stmt.expression.type === T.UpdateExpression && stmt.expression.argument.type === T.Identifier && stmt.expression.argument.name === counter.name) || (stmt.expression.type === T.AssignmentExpression && stmt.expression.left.type === T.Identifier && stmt.expression.left.name === counter.name && isPure(sourceCode, stmt.expression, counter.name)))) {
      if (out.boundGuard) return undefined;
      stepped = true;
      out.dropped.push(stmt);
      continue;
    }
    if (out.waits.length > 0) return undefined; // after the wait: would run before it in the helper
    if (stmt.type === T.IfStatement && !stmt.alternate) {
      const c = stmt.consequent.type === T.BlockStatement && stmt.consequent.body.length === 1 ? stmt.consequent.body[0] : stmt.consequent;
      if (c?.type === T.ThrowStatement) {
        const throwsParam = c.argument.type === T.Identifier && c.argument.name === param;
        const parts = disjuncts(stmt.test);
        const bounds = counter ? parts.map((p) => boundTest(sourceCode, p, counter, stepped)) : parts.map(() => undefined);
        const rest = parts.filter((_, i) => !bounds[i]);
        if (bounds.some(Boolean)) {
          if (!throwsParam || out.boundGuard) return undefined;
          out.boundGuard = true;
          const known = bounds.map((b) => b?.attempts).filter((a): a is number => a !== undefined);
          out.guardAttempts = known.length > 0 ? Math.min(...known) : undefined;
        }
        if (rest.some((p) => (counter && mentions(keys, p, counter.name)) || cannotMove(sourceCode, p, counter?.name))) return undefined;
        if (rest.length === 0) {
          out.dropped.push(stmt);
          continue;
        }
        out.retriesEverything = false;
        if (throwsParam && !moved) {
          // Before anything moved: a plain condition of shouldRetry. On the last attempt the original threw err either way.
          guards.push(...rest.map((p) => negated(sourceCode, p)));
          const either = rest.map((p) => (rest.length === 1 || ATOMIC.has(p.type) || p.type === T.BinaryExpression || (p.type === T.LogicalExpression && p.operator === '&&') ? sourceCode.getText(p) : `(${sourceCode.getText(p)})`));
          steps.push({ kind: 'guard', text: `if (${either.join(' || ')}) return false;`, nodes: rest });
          continue;
        }
        // Throws something else, or after a moved statement: kept as written inside shouldRetry, which
        // runs only when another attempt follows, so it must come after the bound guard.
        if (!out.boundGuard) return undefined;
        const test = rest.length === parts.length ? sourceCode.getText(stmt.test) : rest.map((p) => sourceCode.getText(p)).join(' || ');
        kept.push(`if (${test}) ${sourceCode.getText(stmt.consequent)}`);
        steps.push({ kind: 'kept', text: kept[kept.length - 1]!, nodes: [...rest, stmt.consequent] });
        moved = true;
        continue;
      }
    }
    // Any other statement (refresh a session, log, count): moves into shouldRetry when it would run only before another attempt.
    if (!out.boundGuard || cannotMove(sourceCode, stmt, counter?.name)) return undefined;
    kept.push(sourceCode.getText(stmt));
    steps.push({ kind: 'kept', text: kept[kept.length - 1]!, nodes: [stmt] });
    moved = true;
    out.retriesEverything = false;
  }
  // The catch's declarations a guard or a moved statement reads (directly or through a later one):
  // carried into shouldRetry in their place, re-derived from its error parameter. Read by the
  // scope manager, never by name.
  const used = new Set<Node>();
  const readers = steps.filter((x) => x.kind !== 'decl').flatMap((x) => x.nodes);
  for (let i = steps.length - 1; i >= 0; i--) {
    const part = steps[i]!;
    if (part.kind !== 'decl') continue;
    const variables = sourceCode.getDeclaredVariables(part.nodes[0]!);
    const later = [...readers, ...[...used]];
    if (variables.some((v) => v.references.some((r) => later.some((n) => contains(n, r.identifier) && !contains(part.nodes[0]!, r.identifier))))) used.add(part.nodes[0]!);
  }
  // A declaration that reads the counter would read one the helper no longer steps.
  if (counter && [...used].some((d) => mentions(keys, d, counter.name))) return undefined;
  if (out.lastError && kept.some((k) => new RegExp(`\\b${out.lastError}\\b`).test(k))) return undefined;
  const shouldRun = steps.filter((x) => x.kind !== 'decl' || used.has(x.nodes[0]!));
  out.moved = shouldRun.flatMap((x) => x.nodes);
  const p = param ?? 'error';
  if (kept.length === 0 && used.size === 0) {
    out.shouldRetry = guards.length === 0 ? '() => true' : `(${p}) => ${guards.join(' && ')}`;
  } else {
    const body = [...shouldRun.map((x) => x.text), 'return true;'];
    const isAsync = shouldRun.some((x) => x.nodes.some((n) => hasOwnAwait(keys, n)));
    out.shouldRetry = `${isAsync ? 'async ' : ''}(${p}) => {\n${body.map((l) => `  ${l}`).join('\n')}\n}`;
    out.retriesEverything = false;
  }
  if (guards.length > 0) out.retriesEverything = false;
  return out;
}

/** The analysis's attempt bound, when it knows one (the code's own reading, where exact, wins). */
function analysisAttempts(site: RetrySite | undefined): string | undefined {
  const n = site?.bound.kind === 'bounded' ? site.bound.maxAttempts : undefined;
  return n !== undefined && Number.isFinite(n) && n > 0 ? String(n) : undefined;
}

/** Removes a whole statement line (with its line break) when it stands alone on it. */
function removeStatement(sourceCode: SourceCode, stmt: Node): OffsetEdit {
  const text = sourceCode.text;
  let start = stmt.range[0];
  let end = stmt.range[1];
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const before = text.slice(lineStart, start);
  const lineEnd = text.indexOf('\n', end);
  const after = text.slice(end, lineEnd === -1 ? text.length : lineEnd);
  if (/^\s*$/.test(before) && /^\s*$/.test(after)) {
    start = lineStart;
    end = lineEnd === -1 ? text.length : lineEnd + 1;
  }
  return { range: [start, end], text: '' };
}

/** Declarations in `block` of variables referenced only inside `ranges` (so they can go with the loop). */
function orphanedDeclarations(sourceCode: SourceCode, block: Node, candidates: readonly string[], ranges: ReadonlyArray<[number, number]>): Node[] {
  if (block.type !== T.BlockStatement && block.type !== T.Program) return [];
  const out: Node[] = [];
  for (const s of block.body) {
    if (s.type !== T.VariableDeclaration || s.declarations.length !== 1) continue;
    const d = s.declarations[0];
    if (d.id.type !== T.Identifier || !candidates.includes(d.id.name)) continue;
    const variable = sourceCode.getDeclaredVariables(s)[0];
    if (!variable) continue;
    const inside = variable.references.every((r) => r.identifier.range[0] === d.id.range[0] || ranges.some(([a, b]) => r.identifier.range[0] >= a && r.identifier.range[1] <= b));
    if (inside) out.push(s);
  }
  return out;
}

/** Options the rewrite takes from the project's configuration. */
export interface RewriteOptions {
  /** `retry/require-max-delay`'s `maxDelayMs`: the helper's cap never exceeds it (default 60000). */
  maxDelayMs?: number;
}

/** The helper's own default cap on one backoff wait (snippets/retry-with-backoff: `maxDelayMs` 20000). */
const HELPER_MAX_DELAY_MS = 20_000;
/** require-max-delay's default longest wait (ms), the cap a rewrite never exceeds unless configured otherwise. */
const REQUIRE_MAX_DELAY_MS = 60_000;

function optionsText(maxAttempts: string, delay: DelayText, extra: string[], options: RewriteOptions): string {
  const parts = [`maxAttempts: ${maxAttempts}`];
  if (delay.base) parts.push(`baseDelayMs: ${delay.base}`);
  const limit = options.maxDelayMs;
  if (delay.cap) parts.push(`maxDelayMs: ${delay.cap}`);
  else if (limit !== undefined && limit < HELPER_MAX_DELAY_MS) parts.push(`maxDelayMs: ${limit}`);
  // The helper honours a server's Retry-After up to 60000 ms by default and gives up past it; a lower project cap wins.
  if (limit !== undefined && limit < 60_000) parts.push(`maxRetryAfterMs: ${limit}`);
  parts.push(...extra);
  const flat = `{ ${parts.join(', ')} }`;
  return flat;
}

/** Rules whose findings a full rewrite always resolves: it waits with capped, jittered, growing backoff and a bound. */
const FULL_RESOLVES: RuleId[] = ['require-jitter', 'require-backoff', 'require-max-delay', 'no-unbounded-retry'];

const RETRY_AFTER_RE = /retry-?after/i;

/**
 * Where the original reads Retry-After, when the helper reads it from the same place: only in the
 * dropped part of the catch (the wait and its delay), from the caught error's `headers` or
 * `response.headers` (where the helper looks). `none`: the retry never reads it; undefined: it does,
 * elsewhere (the full rewrite would lose it).
 */
function retryAfterUse(sourceCode: SourceCode, region: Node, reading: CatchReading, param: string | undefined, site: RetrySite | undefined): 'none' | 'error' | undefined {
  const mentioned: Node[] = [];
  walk(region, sourceCode.visitorKeys, (n) => {
    if ((n.type === T.Identifier && RETRY_AFTER_RE.test(n.name)) || (n.type === T.Literal && typeof n.value === 'string' && RETRY_AFTER_RE.test(n.value)) || (n.type === T.TemplateElement && RETRY_AFTER_RE.test(n.value.raw))) mentioned.push(n);
  });
  const waitReadsIt = site?.waits.some((w) => w.delay.retryAfter !== undefined && contains(region, w.node));
  if (mentioned.length === 0 && !waitReadsIt) return 'none';
  if (!param) return undefined;
  const fromError = new RegExp(`\\b${param}\\s*\\??\\.\\s*(response\\s*\\??\\.\\s*)?headers\\b`);
  for (const m of mentioned) {
    const stmt = reading.dropped.find((d) => contains(d, m));
    if (!stmt || !fromError.test(sourceCode.getText(stmt))) return undefined;
  }
  return 'error';
}

/**
 * Edits inside the retried block that send the helper's idempotency key (`idempotencyKey`, the same
 * on every attempt) with each non-idempotent request: a key created per attempt is replaced by it; a
 * request without one gets an `Idempotency-Key` header. Undefined when some request cannot get it.
 */
function keyEdits(sourceCode: SourceCode, block: Node, site: RetrySite | undefined): OffsetEdit[] | undefined {
  const reqs = site?.nonIdempotent ?? [];
  const edits: OffsetEdit[] = [];
  if (reqs.length === 0) return edits;
  if (mentions(sourceCode.visitorKeys, block, 'idempotencyKey')) return undefined;
  const header = `'Idempotency-Key': idempotencyKey`;
  for (const r of reqs) {
    if (!contains(block, r.node)) return undefined;
    if (r.key === 'per-attempt') {
      if (!r.keyNode || !contains(block, r.keyNode)) return undefined;
      edits.push({ range: r.keyNode.range, text: 'idempotencyKey' });
      continue;
    }
    let call: Node | undefined = r.node;
    while (call && call.type !== T.CallExpression) call = call.parent;
    if (!call || call.type !== T.CallExpression || !contains(block, call)) return undefined;
    const opts = requestOptions(call, r.optionsIndex);
    if (!opts) return undefined;
    if (opts.appendAfter) {
      edits.push({ range: [opts.appendAfter.range[1], opts.appendAfter.range[1]], text: `, { headers: { ${header} } }` });
      continue;
    }
    const obj = opts.object!;
    const headers = obj.properties.find((p): p is TSESTree.Property => p.type === T.Property && propName(p) === 'headers');
    if (!headers) {
      const first = obj.properties[0];
      if (first) edits.push({ range: [first.range[0], first.range[0]], text: `headers: { ${header} }, ` });
      else edits.push({ range: obj.range, text: `{ headers: { ${header} } }` });
      continue;
    }
    if (headers.shorthand || headers.value.type !== T.ObjectExpression) return undefined;
    const h = headers.value;
    if (h.properties.some((p) => p.type === T.SpreadElement || (p.type === T.Property && /^idempotency-key$/i.test(propName(p) ?? '')))) return undefined;
    const first = h.properties[0];
    if (first) edits.push({ range: [first.range[0], first.range[0]], text: `${header}, ` });
    else edits.push({ range: h.range, text: `{ ${header} }` });
  }
  return edits;
}

/** `text` of `node` with `edits` (inside it) applied. */
function textWith(sourceCode: SourceCode, node: Node, edits: readonly OffsetEdit[]): string {
  let text = sourceCode.getText(node);
  for (const e of [...edits].sort((a, b) => b.range[0] - a.range[0])) {
    text = text.slice(0, e.range[0] - node.range[0]) + e.text + text.slice(e.range[1] - node.range[0]);
  }
  return text;
}

/** The operation as an arrow: `() => expr` for one `return expr`, else `async () => { … }`; with the key when it is sent. */
function operationText(sourceCode: SourceCode, block: TSESTree.BlockStatement, outerIndent: string, inner: readonly OffsetEdit[], keyed = inner.length > 0): string {
  const params = keyed ? '({ idempotencyKey })' : '()';
  const only = block.body[0];
  if (block.body.length === 1 && only?.type === T.ReturnStatement && only.argument) {
    let e: Node = only.argument;
    if (e.type === T.AwaitExpression) e = e.argument;
    const text = textWith(sourceCode, e, inner);
    const body = e.type === T.ObjectExpression || e.type === T.SequenceExpression ? `(${text})` : text;
    return `${hasOwnAwait(sourceCode.visitorKeys, e) ? 'async ' : ''}${params} => ${body}`;
  }
  const by = indentOf(sourceCode, block).length - outerIndent.length;
  return `async ${params} => ${dedent(textWith(sourceCode, block, inner), by)}`;
}

/**
 * For the variant that retries only transient failures (the helper's `isTransientError`, which
 * reads a status from `error.status` or `error.response.status`): every error the operation throws
 * itself on a failed response must carry that response's status, or the helper would not retry a
 * 503 the original retried. A `throw new Error(…)` under a test of a response's `ok` or `status`
 * becomes `throw Object.assign(new Error(…), { status: res.status })` (same message, one more
 * field); an error that already names a status stays. Undefined when a throw's status cannot be
 * known (it is not made under a response test, or throws something else): no such variant then.
 */
function statusEdits(sourceCode: SourceCode, block: Node): OffsetEdit[] | undefined {
  const edits: OffsetEdit[] = [];
  let unknown = false;
  walk(block, sourceCode.visitorKeys, (n) => {
    if (unknown) return false;
    if (isFunction(n)) return false;
    if (n.type !== T.ThrowStatement) return undefined;
    const arg = n.argument;
    const text = sourceCode.getText(arg);
    if (/\bstatus(Code)?\s*:/.test(text)) return false; // names the status already (Object.assign(…, { status }))
    let response: string | undefined;
    for (let p: Node | undefined = n.parent; p && p !== block.parent; p = p.parent) {
      if (p.type !== T.IfStatement) continue;
      walk(p.test, sourceCode.visitorKeys, (m) => {
        if (!response && m.type === T.MemberExpression && !m.computed && m.property.type === T.Identifier && (m.property.name === 'ok' || m.property.name === 'status') && m.object.type === T.Identifier) response = m.object.name;
      });
      if (response) break;
    }
    if (arg.type !== T.NewExpression || !response) {
      unknown = true;
      return false;
    }
    edits.push({ range: arg.range, text: `Object.assign(${text}, { status: ${response}.status })` });
    return false;
  });
  return unknown ? undefined : edits;
}

/** The full rewrite's plans for one retry: the one that keeps what is retried, then (for a catch-all) the classified variant. */
function fullPlans(
  sourceCode: SourceCode,
  args: { key: string; replaced: [number, number]; block: TSESTree.BlockStatement; handler: TSESTree.CatchClause; reading: CatchReading; attempts: string; indent: string; site: RetrySite | undefined; region: Node; extraEdits: OffsetEdit[]; counterAt: (wait: Node) => CounterAtWait | undefined | null },
  options: RewriteOptions,
): RewritePlan[] {
  const { block, handler, reading, site } = args;
  const param = handler.param?.type === T.Identifier ? handler.param.name : undefined;
  const retryAfter = retryAfterUse(sourceCode, args.region, reading, param, site);
  if (!retryAfter) return [];
  // The helper call stands where the replaced text stood: every name the rewrite carries there (the
  // operation, shouldRetry's tests and statements, the base delay) must mean the same variable, or
  // be re-derived from shouldRetry's error parameter; else no helper rewrite (issue 10).
  const to: Destination = { scope: scopeAt(sourceCode, args.region), removed: [args.replaced, ...args.extraEdits.map((e) => e.range)] };
  if (!canMove(sourceCode, [block], to)) return [];
  const caught = handler.param ? sourceCode.getDeclaredVariables(handler).find((v) => v.name === param) : undefined;
  if (reading.moved.length > 0 && !canMove(sourceCode, reading.moved, { ...to, provided: new Map([[param ?? 'error', caught]]) })) return [];
  const keys = keyEdits(sourceCode, block, site);
  const waitArg = reading.waits[0] ? delayArgument(sourceCode.visitorKeys, reading.waits[0]) : undefined;
  const written = delayOptions(sourceCode, waitArg, reading.waits[0] ?? handler, to);
  let delay: DelayText = {};
  if (waitArg) {
    // The schedule the original waits, carried over attempt by attempt (base, doubling, cap); a
    // delay whose schedule is not the helper's (linear, tripling, a ladder, the program's own
    // delay function, a variable the retry writes) is not rewritten: the helper would change it.
    const counter = args.counterAt(reading.waits[0]!);
    if (counter === null || args.site?.waits.some((w) => w.delay.tiered && contains(args.region, w.node))) return [];
    const waits = /^\d+$/.test(args.attempts) ? Number(args.attempts) - 1 : undefined;
    const schedule = readSchedule(sourceCode, waitArg, counter, waits, reading.waits[0]!.range[0]);
    if (!schedule) return [];
    const numbers = helperDelay(schedule, waits, options);
    const scopeNode = reading.waits[0] ?? handler;
    delay = { base: optionText(sourceCode, written.base, numbers.base, scopeNode, written.read), cap: numbers.cap === undefined ? undefined : optionText(sourceCode, written.cap, numbers.cap, scopeNode, written.read) };
  }
  // A bound the analysis reads as none (1,000 attempts or more) stays one after the rewrite: the
  // helper call is judged the same way, so the rewrite does not claim no-unbounded-retry then.
  const huge = /^\d+$/.test(args.attempts) && isEffectivelyUnbounded(Number(args.attempts));
  const resolves: RuleId[] = FULL_RESOLVES.filter((r) => !(huge && r === 'no-unbounded-retry'));
  if (keys && keys.length > 0) resolves.push('require-idempotency-key');
  if (retryAfter === 'error') resolves.push('respect-retry-after');
  const make = (shouldRetry: string | undefined, title: string, more: RuleId[], statuses: OffsetEdit[] = []): RewritePlan => {
    const op = operationText(sourceCode, block, args.indent, [...(keys ?? []), ...statuses], (keys ?? []).length > 0);
    const extra = shouldRetry ? [`shouldRetry: ${shouldRetry.replace(/\n/g, `\n${args.indent}`)}`] : [];
    const text = `return await retryWithBackoff(${op}, ${optionsText(args.attempts, delay, extra, options)});`;
    return {
      siteKey: args.key,
      kind: 'full',
      title,
      edits: [{ range: args.replaced, text }, ...args.extraEdits],
      names: ['retryWithBackoff'],
      resolves: [...resolves, ...more],
      covers: [args.region.range],
      retriesEverything: shouldRetry === '() => true',
    };
  };
  const plans = [make(reading.shouldRetry, USE_HELPER_TITLE, [])];
  // A catch-all: the variant that retries only transient failures (the helper's default), which
  // fails fast on a 400 or 404: fewer attempts there, as no-retry-on-client-error says.
  const statuses = reading.retriesEverything ? statusEdits(sourceCode, block) : undefined;
  if (statuses) plans.push(make(undefined, `${USE_HELPER_TITLE}, retrying only transient errors (network, 408, 429, 5xx)`, ['no-retry-on-client-error'], statuses));
  return plans;
}

/** The title of the helper rewrite (the extension's code action). */
export const USE_HELPER_TITLE = 'Use the backoff helper';

function fullLoopRewrite(sourceCode: SourceCode, loop: TSESTree.ForStatement | TSESTree.WhileStatement | TSESTree.DoWhileStatement, site: RetrySite | undefined, options: RewriteOptions): RewritePlan[] {
  const fn = enclosingFunction(loop);
  if (!fn?.async || !fn.body) return [];
  const fnBody: Node = fn.body;
  const stmts = loop.body.type === T.BlockStatement ? loop.body.body : [loop.body];
  const tryStmt = stmts[0];
  if (stmts.length !== 1 || tryStmt?.type !== T.TryStatement || !tryStmt.handler || tryStmt.finalizer) return [];
  const block = tryStmt.block;
  if (block.body[block.body.length - 1]?.type !== T.ReturnStatement || hasEscapingJump(sourceCode.visitorKeys, block)) return [];
  const counter = loopCounter(sourceCode, loop);
  if (counter && mentions(sourceCode.visitorKeys, block, counter.name)) return [];
  // A for-loop's own update steps the counter after the catch; a while loop's step is in the body.
  const reading = readCatch(sourceCode, tryStmt.handler, site, counter, () => false);
  if (!reading) return [];
  const parent = loop.parent;
  const siblings = parent && (parent.type === T.BlockStatement || parent.type === T.Program) ? (parent.body as Node[]) : [];
  const next = siblings[siblings.indexOf(loop) + 1];
  const infinite = (loop.type === T.WhileStatement && loop.test.type === T.Literal && loop.test.value === true) || (loop.type === T.ForStatement && !loop.test);
  // Where the helper call will stand, and what the rewrite deletes (the loop, the throw after it).
  const to: Destination = { scope: scopeAt(sourceCode, loop), removed: [loop.range] };
  let loopCount = loopAttempts(sourceCode, loop, counter);
  // A bound written as an expression moves into `maxAttempts`: only when it means the same there
  // (`for (let i = 0, n = 3; i < n; i++)`: `n` lives in the loop); else the analysis' number, or no rewrite.
  if (loopCount !== undefined && !/^\d+$/.test(loopCount) && loop.type === T.ForStatement && loop.test?.type === T.BinaryExpression && !canMove(sourceCode, [loop.test.right], to)) {
    if (!analysisAttempts(site)) return [];
    loopCount = undefined;
  }
  const guardEnds = reading.boundGuard && (infinite || (reading.guardAttempts !== undefined && loopCount !== undefined && /^\d+$/.test(loopCount) && reading.guardAttempts <= Number(loopCount)));
  let end = loop.range[1];
  const throwsLast = next?.type === T.ThrowStatement && next.argument.type === T.Identifier && next.argument.name === reading.lastError;
  if (throwsLast || (guardEnds && next?.type === T.ThrowStatement)) end = next.range[1];
  else if (!guardEnds && !infinite) return []; // the exhaustion path does something the helper would not
  // The loop never ends but by its guard or forever: the guard's count, or the helper's default bound (no-unbounded-retry says why).
  const attempts = (reading.guardAttempts !== undefined && reading.guardAttempts > 0 ? String(reading.guardAttempts) : undefined) ?? loopCount ?? analysisAttempts(site) ?? '3';
  if (reading.boundGuard && reading.guardAttempts === undefined && !loopCount && !analysisAttempts(site)) return [];
  const edits: OffsetEdit[] = [];
  const candidates = [reading.lastError, loop.type !== T.ForStatement ? counter?.name : undefined].filter((x): x is string => !!x);
  for (const decl of orphanedDeclarations(sourceCode, parent, candidates, [[loop.range[0], end]])) edits.push(removeStatement(sourceCode, decl));
  // A `while` counter declared outside and still read after the loop: the rewrite would leave it unstepped.
  if (loop.type !== T.ForStatement && counter && !edits.some((e) => sourceCode.text.slice(e.range[0], e.range[1]).includes(counter.name)) && mentions(sourceCode.visitorKeys, fnBody, counter.name)) {
    const outside = findAll(fnBody, sourceCode.visitorKeys, (n): n is TSESTree.Identifier => n.type === T.Identifier && n.name === counter.name).some((n) => !contains(loop, n) && !(n.parent?.type === T.VariableDeclarator && n.parent.id === n));
    if (outside) return [];
  }
  return fullPlans(sourceCode, { key: `loop:${loop.range[0]}`, replaced: [loop.range[0], end], block, handler: tryStmt.handler, reading, attempts, indent: indentOf(sourceCode, loop), site, region: loop, extraEdits: edits, counterAt: (w) => loopCounterAt(sourceCode, loop, counter, w) }, options);
}

/**
 * A loop counter's value when `wait` runs on the first failed attempt, and its step per attempt:
 * its start plus the steps made before the wait (a `while` loop's `attempt++` in the catch, a
 * do-while's `tries++` at the top); a for-loop's update runs after the body. Undefined: no counter;
 * null: a counter whose start or direction is unknown (the schedule cannot be mapped).
 */
function loopCounterAt(sourceCode: SourceCode, loop: TSESTree.ForStatement | TSESTree.WhileStatement | TSESTree.DoWhileStatement, counter: Counter | undefined, wait: Node): CounterAtWait | undefined | null {
  if (!counter) return undefined;
  if (counter.start === undefined) return null;
  const regions: Array<Node | null | undefined> = [loop.type === T.DoWhileStatement ? undefined : loop.test, loop.body];
  const before = stepsBefore(sourceCode, regions, counter.name, wait);
  const all = stepsBefore(sourceCode, [...regions, loop.type === T.ForStatement ? loop.update : undefined, loop.type === T.DoWhileStatement ? loop.test : undefined], counter.name, { range: [Infinity, Infinity] } as unknown as Node);
  const step = all.up === 1 && all.down === 0 ? 1 : all.down === 1 && all.up === 0 ? -1 : undefined;
  if (step === undefined) return null;
  return { name: counter.name, first: counter.start + before.up - before.down, step };
}

/**
 * The wait stands in a branch between it and `owner` that tests the counter. With other waits of
 * other delays, the retry picks among them by the attempt count (`if (attempt < 2) await
 * sleep(500); else await sleep(2000)`, a ladder): its schedule is the branches', not its own
 * delay expression's.
 */
function pickedByCounter(sourceCode: SourceCode, wait: Node, counter: string, owner: Node): boolean {
  for (let p: Node | undefined = wait.parent, child: Node = wait; p && p !== owner; child = p, p = p.parent) {
    const test = p.type === T.IfStatement || p.type === T.ConditionalExpression ? p.test : p.type === T.SwitchStatement ? p.discriminant : p.type === T.SwitchCase ? p.test : undefined;
    if (test && child !== test && mentions(sourceCode.visitorKeys, test, counter)) return true;
    if (p.type === T.LogicalExpression && child === p.right && mentions(sourceCode.visitorKeys, p.left, counter)) return true;
  }
  return false;
}

/** The attempt number (from 1, as the helper counts) a counter stands for at a wait, as code. */
function attemptText(counter: CounterAtWait): string {
  const offset = 1 - counter.first;
  if (counter.step === 1) return offset === 0 ? counter.name : offset > 0 ? `${counter.name} + ${offset}` : `${counter.name} - ${-offset}`;
  return `${counter.first + 1} - ${counter.name}`;
}

/** The function a recursive retry call re-enters, when the call is in that function's catch clause. */
function recursiveTarget(call: TSESTree.CallExpression): { fn: TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression; name: string } | undefined {
  if (call.callee.type !== T.Identifier) return undefined;
  const name = call.callee.name;
  for (const a of ancestors(call)) {
    if (!isFunction(a)) continue;
    const own = a.type !== T.ArrowFunctionExpression && a.id ? a.id.name : a.parent?.type === T.VariableDeclarator && a.parent.id.type === T.Identifier ? a.parent.id.name : undefined;
    return own === name ? { fn: a, name } : undefined;
  }
  return undefined;
}

function fullRecursionRewrite(sourceCode: SourceCode, call: TSESTree.CallExpression, site: RetrySite | undefined, options: RewriteOptions): RewritePlan[] {
  const target = recursiveTarget(call);
  if (!target?.fn.async || target.fn.body.type !== T.BlockStatement) return [];
  const fn = target.fn;
  const body = target.fn.body.body;
  const tryStmt = body[0];
  if (body.length !== 1 || tryStmt?.type !== T.TryStatement || !tryStmt.handler || tryStmt.finalizer) return [];
  const block = tryStmt.block;
  if (block.body[block.body.length - 1]?.type !== T.ReturnStatement || hasEscapingJump(sourceCode.visitorKeys, block)) return [];
  // The recursive call: `return f(args)` / `return await f(args)`, last in the catch clause, passing the parameters through.
  const last = tryStmt.handler.body.body[tryStmt.handler.body.body.length - 1];
  const returned = last?.type === T.ReturnStatement ? (last.argument?.type === T.AwaitExpression ? last.argument.argument : last.argument) : undefined;
  if (returned !== call) return [];
  let counter: { name: string; start: number | undefined; step: 1 | -1 } | undefined;
  for (let i = 0; i < fn.params.length; i++) {
    const param = fn.params[i]!;
    const pid = param.type === T.AssignmentPattern ? param.left : param;
    if (pid.type !== T.Identifier) return [];
    const arg = call.arguments[i];
    if (arg?.type === T.Identifier && arg.name === pid.name) continue;
    if (arg?.type === T.BinaryExpression && arg.left.type === T.Identifier && arg.left.name === pid.name && arg.right.type === T.Literal && arg.right.value === 1 && (arg.operator === '+' || arg.operator === '-')) {
      const start = param.type === T.AssignmentPattern ? numberValue(sourceCode, param.right, fn) : undefined;
      counter = { name: pid.name, start, step: arg.operator === '+' ? 1 : -1 };
      continue;
    }
    if (!arg && param.type === T.AssignmentPattern) continue;
    return [];
  }
  if (call.arguments.length > fn.params.length) return [];
  if (counter && mentions(sourceCode.visitorKeys, block, counter.name)) return [];
  const reading = readCatch(sourceCode, tryStmt.handler, site, counter, (s) => s === last);
  if (!reading) return [];
  const attempts = (reading.guardAttempts !== undefined && reading.guardAttempts > 0 ? String(reading.guardAttempts) : undefined) ?? analysisAttempts(site) ?? '3';
  if (reading.boundGuard && reading.guardAttempts === undefined && !analysisAttempts(site)) return [];
  const counterAt = (): CounterAtWait | undefined | null => (counter ? (counter.start === undefined ? null : { name: counter.name, first: counter.start, step: counter.step }) : undefined);
  return fullPlans(sourceCode, { key: `recursion:${fn.range[0]}`, replaced: tryStmt.range, block, handler: tryStmt.handler, reading, attempts, indent: indentOf(sourceCode, tryStmt), site, region: tryStmt, extraEdits: [], counterAt }, options);
}

/** Fallback: the wait's delay becomes `backoffDelay(attempt, …)` (attempts counted from 1, as the helper does). */
function delayRewrite(sourceCode: SourceCode, owner: Node, counter: Counter | undefined, counterAt: (wait: Node) => CounterAtWait | undefined | null, site: RetrySite | undefined, key: string, options: RewriteOptions): RewritePlan | undefined {
  if (!counter) return undefined;
  const siteWaits = site?.waits.map((w) => w.node) ?? [];
  let first: { arg: TSESTree.Expression; wait: Node } | undefined;
  const withArg = site?.waits.find((w) => localDelayOf(w));
  if (withArg) first = { arg: localDelayOf(withArg)!, wait: withArg.node };
  // The analysis found the waits and none takes its delay from an argument (a helper that waits a
  // fixed time whatever it is given): rewriting the argument would change nothing.
  if (!first && site && site.waits.length > 0) return undefined;
  if (!first && !site) {
    const keys = sourceCode.visitorKeys;
    first = lastMatch(
      owner,
      keys,
      (n) => {
        const call = waitCallOf(keys, n, siteWaits);
        const arg = call ? delayArgument(keys, call) : undefined;
        return call && arg ? { arg, wait: call as Node } : undefined;
      },
      isFunction,
    );
  }
  if (!first) return undefined;
  // Every wait of the site that takes its delay from an argument (a loop may wait on two paths),
  // except a wait the server chose (Retry-After, read by the model or named so).
  const serverChosen = (a: TSESTree.Expression): boolean => /retry-?after/i.test(sourceCode.getText(a)) || !!site?.waits.some((w) => localDelayOf(w) === a && w.delay.retryAfter !== undefined);
  const all = [first, ...(site?.waits.filter((w) => localDelayOf(w) && localDelayOf(w) !== first.arg).map((w) => ({ arg: localDelayOf(w)!, wait: w.node })) ?? [])];
  const edits: OffsetEdit[] = [];
  const covers: Array<[number, number]> = [];
  const bound = site?.bound.kind === 'bounded' ? site.bound.maxAttempts : undefined;
  // Waits the schedule is read over: one per attempt of the analysis' bound (a bound counted in
  // retries rather than attempts leaves one wait more), so an uncapped doubling's longest wait is
  // never under-read and the helper's cap never cuts the last one short.
  const waits = bound !== undefined && Number.isFinite(bound) ? bound : undefined;
  for (const { arg: a, wait } of all) {
    if (serverChosen(a)) continue;
    // A wait the retry picks by the attempt count among other branches' waits (a ladder): the
    // schedule is the branches', which one delay expression cannot carry; left as it is.
    if (site?.waits.some((w) => w.node === wait && w.delay.tiered)) continue;
    const at = counterAt(wait);
    const ladder = all.some((o) => sourceCode.getText(o.arg) !== sourceCode.getText(a)) && pickedByCounter(sourceCode, wait, at?.name ?? '', owner);
    if (!at || ladder) continue;
    // The original's schedule, attempt by attempt (./schedule): a delay whose waits neither stay
    // constant nor double (linear, tripling, the program's own delay function) is left as it is.
    const schedule = readSchedule(sourceCode, a, at, waits, wait.range[0]);
    if (!schedule) continue;
    const numbers = helperDelay(schedule, waits, options);
    const written = delayOptions(sourceCode, a, a, { scope: sourceCode.getScope(a) });
    const base = optionText(sourceCode, written.base, numbers.base, a, written.read);
    const cap = numbers.cap === undefined ? (options.maxDelayMs !== undefined && options.maxDelayMs < HELPER_MAX_DELAY_MS ? String(options.maxDelayMs) : undefined) : optionText(sourceCode, written.cap, numbers.cap, a, written.read);
    const opts = [`baseDelayMs: ${base}`, cap ? `maxDelayMs: ${cap}` : ''].filter(Boolean).join(', ');
    const text = `backoffDelay(${attemptText(at)}, { ${opts} })`;
    if (sourceCode.getText(a) === text) continue;
    edits.push({ range: a.range, text });
    covers.push(wait.range, a.range);
    const facts = site?.waits.find((w) => w.node === wait)?.delay.node;
    if (facts) covers.push(facts.range);
  }
  if (edits.length === 0) return undefined;
  return { siteKey: key, kind: 'delay', title: USE_HELPER_TITLE, edits, names: ['backoffDelay'], resolves: ['require-jitter', 'require-backoff', 'require-max-delay'], covers };
}

/** The retry site a finding at `offset` belongs to (analysis first, then the enclosing loop or recursion). */
function siteAt(sourceCode: SourceCode, offset: number): { site?: RetrySite; anchor: Node } | undefined {
  let sites: readonly RetrySite[] = [];
  try {
    sites = getRetrySitesFor(sourceCode);
  } catch {
    sites = [];
  }
  const nodesOf = (s: RetrySite): Node[] =>
    [s.node, s.bound.node, s.noWait, ...s.waits.map((w) => w.node), ...s.waits.map((w) => w.delay.node), ...s.nonIdempotent.map((r) => r.node), ...s.rateLimitChecks, ...s.clientErrorRetries.map((c) => c.node)].filter((n): n is Node => !!n);
  const exact = sites.find((s) => (s.kind === 'loop' || s.kind === 'recursion') && nodesOf(s).some((n) => n.range[0] === offset));
  const hit = exact ?? sites.filter((s) => (s.kind === 'loop' || s.kind === 'recursion') && nodesOf(s).some((n) => contains(n, atOffset(offset)))).pop();
  if (hit) return { site: hit, anchor: hit.node };
  if (sites.some((s) => (s.kind === 'library' || s.kind === 'interceptor') && nodesOf(s).some((n) => contains(n, atOffset(offset))))) return undefined;
  // No site from the analysis: the innermost loop holding a try, or a recursive call in a catch.
  const at = nodeAt(sourceCode, offset);
  for (const a of [at, ...ancestors(at)]) {
    if (isFunction(a)) {
      const call = lastMatch(
        a,
        sourceCode.visitorKeys,
        (n) => (n.type === T.CallExpression && recursiveTarget(n)?.fn === a && ancestors(n).some((x) => x.type === T.CatchClause) ? n : undefined),
        isFunction,
      );
      return call ? { anchor: call } : undefined;
    }
    if (isLoop(a)) {
      let hasTry = false;
      walk(a, sourceCode.visitorKeys, (n) => {
        if (isFunction(n)) return false;
        if (n.type === T.TryStatement) hasTry = true;
      });
      if (hasTry) return { anchor: a };
    }
  }
  return undefined;
}

/**
 * The rewrites for the finding at `offset` (text offset of the diagnostic start): the full helper
 * rewrite when it keeps the retry's meaning (then, for a catch-all, its classified variant), else
 * the wait-only `backoffDelay` rewrite, else none. Built from the plugin's analysis model with the
 * project's options; the server only creates the helper file and applies the edits.
 */
export function planRewrites(sourceCode: SourceCode, offset: number, options: RewriteOptions = {}): RewritePlan[] {
  const found = siteAt(sourceCode, offset);
  if (!found) return [];
  const { site, anchor } = found;
  if (isLoop(anchor)) {
    const full = fullLoopRewrite(sourceCode, anchor, site, options);
    if (full.length > 0) return full;
    const counter = loopCounter(sourceCode, anchor);
    const delay = delayRewrite(sourceCode, anchor, counter, (w) => loopCounterAt(sourceCode, anchor, counter, w), site, `loop:${anchor.range[0]}`, options);
    return delay ? [delay] : [];
  }
  if (anchor.type === T.CallExpression) {
    const full = fullRecursionRewrite(sourceCode, anchor, site, options);
    if (full.length > 0) return full;
    const target = recursiveTarget(anchor);
    if (!target) return [];
    // Only a counter that goes up (`attempt + 1`) is an attempt number; a countdown (`retries - 1`)
    // would make backoffDelay shrink, so no delay rewrite is offered for it.
    const param = target.fn.params.find((p, i) => {
      const arg = anchor.arguments[i];
      return arg?.type === T.BinaryExpression && arg.operator === '+' && (p.type === T.Identifier || (p.type === T.AssignmentPattern && p.left.type === T.Identifier));
    });
    const pid = param?.type === T.AssignmentPattern ? param.left : param;
    const start = param?.type === T.AssignmentPattern ? numberValue(sourceCode, param.right, target.fn) : undefined;
    const counter = pid?.type === T.Identifier ? { name: pid.name, start } : undefined;
    const counterAt = (): CounterAtWait | undefined | null => (counter ? (counter.start === undefined ? null : { name: counter.name, first: counter.start, step: 1 }) : undefined);
    const delay = delayRewrite(sourceCode, target.fn.body, counter, counterAt, site, `recursion:${target.fn.range[0]}`, options);
    return delay ? [delay] : [];
  }
  return [];
}

/** The first (meaning-keeping) rewrite of {@link planRewrites}, or undefined. */
export function planRewrite(sourceCode: SourceCode, offset: number, options: RewriteOptions = {}): RewritePlan | undefined {
  return planRewrites(sourceCode, offset, options)[0];
}
