import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { walk } from '../analysis/ast';
import { describeHttpCall, optionsArgumentIndex } from '../analysis/http';
import type { RetrySettings } from './settings';
import { canMove, scopeAt } from './scope-move';

/** Node types that bind tighter than any binary operator, so they need no parentheses as an operand. */
const ATOMIC = new Set<string>([
  T.Identifier,
  T.Literal,
  T.CallExpression,
  T.MemberExpression,
  T.ThisExpression,
  T.TemplateLiteral,
  T.ArrayExpression,
  T.ObjectExpression,
  T.NewExpression,
]);

/**
 * The source text of an expression, parenthesised when it is not atomic, so it can be used as an
 * operand of `*` or an argument without changing how it parses.
 */
export function operandText(sourceCode: TSESLint.SourceCode, node: TSESTree.Node): string {
  const text = sourceCode.getText(node);
  return ATOMIC.has(node.type) ? text : `(${text})`;
}

/** The text of an argument position: only sequence expressions need parentheses there. */
export function argumentText(sourceCode: TSESLint.SourceCode, node: TSESTree.Node): string {
  const text = sourceCode.getText(node);
  return node.type === T.SequenceExpression ? `(${text})` : text;
}

/**
 * Moves an expression evaluated inside a loop to a `const` declared just before the loop, so it is
 * evaluated once (used to create an idempotency key once for every attempt). When the expression
 * is already the initialiser of a one-declarator `const`/`let` inside the loop, that declaration
 * moves; otherwise a new `const <name>` is declared and the expression replaced by the name.
 *
 * Returns undefined when the move is not safe: the expression reads a variable declared inside
 * the loop, or the loop is not a statement in a block or program (e.g. a labelled loop or an
 * unbraced `if` body).
 */
export function hoistBeforeStatement(
  sourceCode: TSESLint.SourceCode,
  expr: TSESTree.Node,
  loop: TSESTree.Node,
  preferredName: string,
): TSESLint.ReportFixFunction | undefined {
  const parent = loop.parent;
  if (!parent || (parent.type !== T.BlockStatement && parent.type !== T.Program && parent.type !== T.SwitchCase)) return undefined;
  if (readsInnerVariable(sourceCode, expr, loop)) return undefined;
  const line = sourceCode.lines[loop.loc.start.line - 1] ?? '';
  const indent = /^\s*/.exec(line)?.[0] ?? '';
  const decl = expr.parent?.type === T.VariableDeclarator && expr.parent.init === expr ? expr.parent.parent : undefined;
  if (decl && decl.type === T.VariableDeclaration && decl.declarations.length === 1 && decl.kind !== 'var' && (decl.parent?.type === T.BlockStatement)) {
    const text = sourceCode.getText(decl);
    const removeStart = sourceCode.getTokenBefore(decl, { includeComments: true })?.range[1] ?? decl.range[0];
    return (fixer) => [fixer.removeRange([removeStart, decl.range[1]]), fixer.insertTextBeforeRange([loop.range[0], loop.range[0]], `${text.replace(/;?$/, ';')}\n${indent}`)];
  }
  const name = freeName(sourceCode, expr, preferredName);
  const text = sourceCode.getText(expr);
  return (fixer) => [fixer.insertTextBeforeRange([loop.range[0], loop.range[0]], `const ${name} = ${text};\n${indent}`), replaceExpression(fixer, expr, name)];
}

/** Whether an expression reads a variable declared inside `region` (it would not exist before it). */
function readsInnerVariable(sourceCode: TSESLint.SourceCode, expr: TSESTree.Node, region: TSESTree.Node): boolean {
  for (let s: TSESLint.Scope.Scope | null = sourceCode.getScope(expr); s; s = s.upper) {
    // Only the variables declared inside `region` (a range of the scope's variables sorted by where they are declared).
    const sorted = declaredInOrder(s);
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]!.start < region.range[0]) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < sorted.length && sorted[i]!.start < region.range[1]; i++) {
      const { variable: v, end } = sorted[i]!;
      if (end > region.range[1]) continue;
      if (v.references.some((r) => r.identifier.range[0] >= expr.range[0] && r.identifier.range[1] <= expr.range[1])) return true;
    }
  }
  return false;
}

/** A scope's variables that have a declaration, by the start of their first declared name (memoised per scope). */
const declaredCache = new WeakMap<TSESLint.Scope.Scope, { start: number; end: number; variable: TSESLint.Scope.Variable }[]>();
function declaredInOrder(scope: TSESLint.Scope.Scope): { start: number; end: number; variable: TSESLint.Scope.Variable }[] {
  let out = declaredCache.get(scope);
  if (!out) {
    out = [];
    for (const variable of scope.variables) {
      const def = variable.defs[0];
      if (def) out.push({ start: def.name.range[0], end: def.name.range[1], variable });
    }
    out.sort((a, b) => a.start - b.start);
    declaredCache.set(scope, out);
  }
  return out;
}

/** The names a scope declares or reads from outside (memoised per scope). */
const namesCache = new WeakMap<TSESLint.Scope.Scope, Set<string>>();
function namesOf(scope: TSESLint.Scope.Scope): Set<string> {
  let names = namesCache.get(scope);
  if (!names) {
    names = new Set();
    for (const v of scope.variables) names.add(v.name);
    for (const r of scope.through) names.add(r.identifier.name);
    namesCache.set(scope, names);
  }
  return names;
}

/** `preferred`, or `preferred2`, … : a name not declared in any scope visible at `node` (the replaced expression). */
function freeName(sourceCode: TSESLint.SourceCode, node: TSESTree.Node, preferred: string): string {
  const chain: Set<string>[] = [];
  for (let s: TSESLint.Scope.Scope | null = sourceCode.getScope(node); s; s = s.upper) chain.push(namesOf(s));
  const taken = (n: string): boolean => chain.some((names) => names.has(n));
  let name = preferred;
  for (let i = 2; taken(name); i++) name = `${preferred}${i}`;
  return name;
}

/** A number of milliseconds as messages write it: whole ms, in exponent form from 10^15 ms (about 31,700 years) up. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return 'unbounded';
  return ms >= 1e15 ? ms.toExponential(2) : String(Math.round(ms));
}

/**
 * Describes a delay for a message, saying no more than the analysis knows: a number only when it
 * is known, randomness when there is some, and for a delay whose number is unknown but which the
 * retry never changes, the expression as written.
 */
export function describeDelay(
  d: { growing: boolean; maxMs: number; opaque: boolean; maxReason: string; random?: boolean; invariant?: boolean; steady?: boolean; deterministic?: boolean; expression?: TSESTree.Node; node?: TSESTree.Node; unitAssumed?: TSESTree.Node; defaulted?: TSESTree.Node; byDefault?: boolean; tiered?: boolean; retryAfter?: 'exact' | 'derived'; fixedFallback?: boolean },
  sourceCode?: TSESLint.SourceCode,
): string {
  const known = !d.opaque && Number.isFinite(d.maxMs);
  // The server's Retry-After beside a constant for when the header is missing: the largest value is
  // the cap of the server's, not the constant's, so no number is named.
  if (d.retryAfter === 'exact' && d.fixedFallback) return "the server's Retry-After, or the same fixed wait every time when the header is missing";
  if (d.retryAfter === 'derived' && d.fixedFallback) return "a wait derived from the server's Retry-After, or the same fixed wait every time when the header is missing";
  // A helper known only by its name: its unit is not seen, so name the call rather than a number of ms.
  if (d.unitAssumed && sourceCode) {
    const raw = sourceCode.getText(d.unitAssumed).replace(/\s+/g, ' ');
    const text = raw.length > 48 ? `${raw.slice(0, 47)}…` : raw;
    if (!d.growing && d.random) return `a random \`${text}\` wait that does not grow`;
    if (!d.growing && (known || d.invariant)) return `a fixed \`${text}\` wait`;
    return d.growing ? `a growing \`${text}\` wait` : `a \`${text}\` wait`;
  }
  // `config.retryDelay || 1`: the number is only the fallback of an option set out of sight.
  if (!d.growing && known && !d.random && d.defaulted && sourceCode) {
    const raw = sourceCode.getText(d.defaulted).replace(/\s+/g, ' ');
    return `a wait of \`${raw.length > 48 ? `${raw.slice(0, 47)}…` : raw}\` on every attempt`;
  }
  // A number that holds only while options set out of sight keep their fallbacks.
  const byDefault = d.byDefault ? ' by default' : '';
  if (!d.growing && known && d.random) return `a random wait of at most ${formatMs(d.maxMs)} ms${byDefault} that does not grow`;
  if (!d.growing && known) return d.byDefault ? `a wait of ${formatMs(d.maxMs)} ms by default on every attempt` : `a fixed ${formatMs(d.maxMs)} ms wait`;
  if (!d.growing && d.steady && d.expression && sourceCode) {
    const text = sourceCode.getText(d.expression).replace(/\s+/g, ' ');
    return `a random wait of \`${text.length > 48 ? `${text.slice(0, 47)}…` : text}\` that does not grow`;
  }
  if (!d.growing && d.invariant && d.expression && sourceCode) {
    const text = sourceCode.getText(d.expression).replace(/\s+/g, ' ');
    return `a wait of \`${text.length > 48 ? `${text.slice(0, 47)}…` : text}\` on every attempt`;
  }
  if (d.growing && d.tiered && known) return `a wait stepped up by the attempt count (${formatMs(d.maxMs)} ms${byDefault} at this step)`;
  // A largest value of 0 (defaults of `0`, changed by every caller) tells nothing of the wait the retry takes.
  if (d.growing && d.maxReason === 'known' && Number.isFinite(d.maxMs) && d.maxMs > 0) return `a wait that grows to ${formatMs(d.maxMs)} ms${byDefault}`;
  if (d.growing && d.maxReason === 'opaque') return 'a wait that changes with the attempt';
  if (d.growing) return 'a growing wait';
  // Not a number: name the delay by its expression (a library option's value, a server-derived
  // wait), never a made-up length, and never "this wait" for what is not a wait call.
  const expr = d.expression ?? d.node;
  // A library option (`backoff: { … }`) is named by its key, not its whole text.
  if (!d.expression && expr?.type === T.Property && sourceCode) return `a wait set by the \`${sourceCode.getText(expr.key)}\` option`;
  // A library's own schedule, its size unknown (`minTimeout: cfg.min`), reported at the call or
  // its options object: named as what it is, not by the call's text.
  if (!d.expression && d.deterministic && expr && (expr.type === T.CallExpression || expr.type === T.NewExpression || expr.type === T.ObjectExpression || ((expr.parent?.type === T.CallExpression || expr.parent?.type === T.NewExpression) && expr.parent.callee === expr))) return "a wait the library computes from its options";
  const raw = expr && sourceCode && expr.type !== T.ObjectExpression ? sourceCode.getText(expr).replace(/\s+/g, ' ') : undefined;
  const named = raw === undefined ? undefined : `\`${raw.length > 48 ? `${raw.slice(0, 47)}…` : raw}\``;
  if (d.retryAfter === 'derived') return named ? `a wait derived from the server's Retry-After (${named})` : "a wait derived from the server's Retry-After";
  if (d.invariant) return named ? `a wait of ${named} on every attempt` : 'a wait that is the same on every attempt';
  return named ? `a wait of ${named}` : 'a wait of unknown length';
}

/**
 * The delay expression of a wait as written at the wait itself, so an edit there changes this
 * wait only: the wait's argument (`sleep(ms)`), or the timer's delay inside the wait
 * (`new Promise((r) => setTimeout(r, ms))`). Undefined when the delay is written elsewhere (inside
 * a helper's body, shared by other callers) or not at all.
 */
export function localDelayOf(wait: { node: TSESTree.Node; argument: TSESTree.Expression | undefined; delay: { expression?: TSESTree.Node } }): TSESTree.Expression | undefined {
  if (wait.argument) return wait.argument;
  const e = wait.delay.expression;
  if (!e || e.range[0] < wait.node.range[0] || e.range[1] > wait.node.range[1] || e === wait.node) return undefined;
  // A shorthand property's key and value share one range (`{ retryDelay }`): the wait is reported at the key, not at an expression of its own.
  if (e.type === T.SpreadElement || (e.range[0] === wait.node.range[0] && e.range[1] === wait.node.range[1])) return undefined;
  return e as TSESTree.Expression;
}

type Fixer = TSESLint.RuleFixer;
type Fix = TSESLint.ReportFixFunction;

/**
 * Replaces an expression with `text`, keeping the code valid where the expression is the value of a
 * shorthand property (`{ retryDelay }` becomes `{ retryDelay: text }`): the key and the value of a
 * shorthand property share one range, so a plain replacement would drop the key.
 */
export function replaceExpression(fixer: Fixer, node: TSESTree.Node, text: string): TSESLint.RuleFix {
  const parent = node.parent;
  if (parent?.type === T.Property && parent.shorthand && parent.value === node && node.type === T.Identifier) {
    return fixer.replaceText(node, `${node.name}: ${text}`);
  }
  return fixer.replaceText(node, text);
}

const isLoopNode = (n: TSESTree.Node): boolean =>
  n.type === T.ForStatement || n.type === T.WhileStatement || n.type === T.DoWhileStatement || n.type === T.ForOfStatement || n.type === T.ForInStatement;
const isFunctionNode = (n: TSESTree.Node): boolean => n.type === T.FunctionDeclaration || n.type === T.FunctionExpression || n.type === T.ArrowFunctionExpression;

/** The indentation of the line `node` starts on. */
function indentOf(sourceCode: TSESLint.SourceCode, node: TSESTree.Node): string {
  return /^\s*/.exec(sourceCode.lines[node.loc.start.line - 1] ?? '')?.[0] ?? '';
}

/** The statement holding `node` whose parent is a block inside `loop` (no function in between), when it is an expression statement. */
function statementInLoop(node: TSESTree.Node, loop: TSESTree.Node): TSESTree.ExpressionStatement | undefined {
  for (let n: TSESTree.Node | undefined = node; n && n !== loop; n = n.parent) {
    if (isFunctionNode(n)) return undefined;
    if (n.type === T.ExpressionStatement && n.parent?.type === T.BlockStatement) return n;
  }
  return undefined;
}

/** Whether `loop` can have a statement inserted before it (it sits in a block, program or switch case, unlabelled). */
function insertableBefore(loop: TSESTree.Node): boolean {
  const p = loop.parent;
  return !!p && (p.type === T.BlockStatement || p.type === T.Program || p.type === T.SwitchCase);
}

/** `Math` functions whose value depends only on their arguments (not `Math.random`). */
const PURE_MATH = new Set(['min', 'max', 'floor', 'ceil', 'round', 'trunc', 'abs', 'pow', 'sqrt', 'sign']);

/**
 * Whether evaluating `expr` once before `loop` gives the value it has on every attempt inside it:
 * literals, operators, `Math` functions of such values, and variables nothing in the loop writes.
 * A call of anything else (`Math.random()`, a jitter function of the program's), `new`, `await`,
 * an assignment, or a variable written in the loop: it may differ per attempt.
 */
function sameOnEveryAttempt(sourceCode: TSESLint.SourceCode, expr: TSESTree.Node, loop: TSESTree.Node): boolean {
  let same = true;
  walk(expr, sourceCode.visitorKeys, (n) => {
    if (!same) return false;
    switch (n.type) {
      case T.Literal:
      case T.TemplateLiteral:
      case T.TemplateElement:
      case T.BinaryExpression:
      case T.LogicalExpression:
      case T.ConditionalExpression:
      case T.ChainExpression:
      case T.TSAsExpression:
      case T.TSNonNullExpression:
      case T.TSTypeAssertion:
      case T.TSSatisfiesExpression:
        return;
      case T.UnaryExpression:
        if (n.operator === 'delete') same = false;
        return;
      case T.MemberExpression:
        if (!n.computed) {
          if (!sameOnEveryAttempt(sourceCode, n.object, loop)) same = false;
          return false;
        }
        return;
      case T.CallExpression: {
        const c = n.callee;
        const pure = c.type === T.MemberExpression && !c.computed && c.object.type === T.Identifier && c.object.name === 'Math' && c.property.type === T.Identifier && PURE_MATH.has(c.property.name);
        if (!pure || n.arguments.some((a) => !sameOnEveryAttempt(sourceCode, a, loop))) same = false;
        return false;
      }
      case T.Identifier: {
        const ref = sourceCode.getScope(n).references.find((r) => r.identifier === n);
        const v = ref?.resolved;
        if (v && v.references.some((r) => r.isWrite() && loop.range[0] <= r.identifier.range[0] && r.identifier.range[1] <= loop.range[1])) same = false;
        return;
      }
      default:
        same = false;
        return false;
    }
  });
  return same;
}

/**
 * Growth for a constant wait of a hand-written loop. When the delay is the same on every attempt,
 * it moves into a variable declared before the loop, used by the wait and doubled after it, up to
 * `capMs` (`let backoffMs = 250;` … `await sleep(backoffMs); backoffMs = Math.min(backoffMs * 2, 8000);`).
 * When it may differ per attempt (a random draw: `Math.random() * 5000`, a jitter function, a
 * variable of the loop), it stays where it is, evaluated afresh on every attempt as before, and is
 * scaled by a factor declared before the loop and doubled after the wait, up to 32
 * (`await sleep(Math.min(Math.random() * 5000 * backoffFactor, 30000)); backoffFactor = Math.min(backoffFactor * 2, 32);`).
 * The wait keeps its other parts (its randomness, if any, is the jitter rule's business); with
 * `jitter`, it waits `Math.random() *` the grown delay (full jitter).
 * Undefined when the wait is not a statement of a block, or the loop is not a statement of one.
 */
export function growDelayFix(sourceCode: TSESLint.SourceCode, loop: TSESTree.Node, wait: TSESTree.Node, delay: TSESTree.Expression, constantMs: number | undefined, jitter = false): Fix | undefined {
  if (!isLoopNode(loop) || !insertableBefore(loop)) return undefined;
  const stmt = statementInLoop(wait, loop);
  if (!stmt) return undefined;
  const cap = constantMs !== undefined && Number.isFinite(constantMs) && constantMs > 0 ? Math.max(Math.round(constantMs), Math.min(Math.round(constantMs) * 32, 30_000)) : 30_000;
  const indent = indentOf(sourceCode, loop);
  const stmtIndent = indentOf(sourceCode, stmt);
  if (readsInnerVariable(sourceCode, delay, loop) || !sameOnEveryAttempt(sourceCode, delay, loop)) {
    const factor = freeName(sourceCode, loop, 'backoffFactor');
    const grown = `Math.min(${operandText(sourceCode, delay)} * ${factor}, ${cap})`;
    return (fixer: Fixer) => [
      fixer.insertTextBeforeRange([loop.range[0], loop.range[0]], `let ${factor} = 1;\n${indent}`),
      replaceExpression(fixer, delay, jitter ? `Math.random() * ${grown}` : grown),
      fixer.insertTextAfter(stmt, `\n${stmtIndent}${factor} = Math.min(${factor} * 2, 32);`),
    ];
  }
  const name = freeName(sourceCode, loop, 'backoffMs');
  return (fixer: Fixer) => [
    fixer.insertTextBeforeRange([loop.range[0], loop.range[0]], `let ${name} = ${argumentText(sourceCode, delay)};\n${indent}`),
    replaceExpression(fixer, delay, jitter ? `Math.random() * ${name}` : name),
    fixer.insertTextAfter(stmt, `\n${stmtIndent}${name} = Math.min(${name} * 2, ${cap});`),
  ];
}

/** The try statement a loop's body runs each attempt in (the first statement of the body that is a try with a catch). */
function loopTry(loop: TSESTree.Node): TSESTree.TryStatement | undefined {
  const body = 'body' in loop ? (loop as { body: TSESTree.Node }).body : undefined;
  const stmts = body?.type === T.BlockStatement ? body.body : body ? [body] : [];
  return stmts.find((s): s is TSESTree.TryStatement => s.type === T.TryStatement && !!s.handler);
}

/** An attempt limit's edit, and whether the last failure rethrows (`rethrow`) or ends the way the code ends a failure it does not retry (`handled`). */
export interface LimitFix {
  fix: Fix;
  ending: 'rethrow' | 'handled';
}

/**
 * An attempt limit for an unbounded loop that retries from its catch clause. It counts with the
 * loop's own attempt counter when it has one (see {@link loopCounter}), else with a counter
 * declared before the loop. The last failure ends the way the catch already ends a failure it
 * does not retry (see {@link givingUpPath}); where the catch swallows and records every failure
 * in a loop the function can leave normally, the last one is recorded and falls out of the loop
 * (`if (++attempts >= N) break;` before the wait of `waits`); where the catch retries every failure
 * otherwise, it rethrows (`if (++attempts >= N) throw err;` as the catch's first statement).
 * Undefined for other shapes.
 */
export function boundLoopFix(sourceCode: TSESLint.SourceCode, loop: TSESTree.Node, maxAttempts: number, waits: readonly TSESTree.Node[] = []): LimitFix | undefined {
  if (!isLoopNode(loop) || !insertableBefore(loop)) return undefined;
  const tryStmt = loopTry(loop);
  const handler = tryStmt?.handler;
  if (!tryStmt || !handler || (handler.param && handler.param.type !== T.Identifier)) return undefined;
  const own = loopCounter(sourceCode, loop, tryStmt, handler);
  const name = own?.name ?? freeName(sourceCode, loop, 'attempts');
  const param = handler.param?.type === T.Identifier ? handler.param.name : freeName(sourceCode, handler.body, 'error');
  const indent = indentOf(sourceCode, loop);
  const declare = (fixer: Fixer): TSESLint.RuleFix[] => (own ? [] : [fixer.insertTextBeforeRange([loop.range[0], loop.range[0]], `let ${name} = 0;\n${indent}`)]);
  /** The test "the limit is reached" (`reached`) or "not reached", at `at`. */
  const limit = (at: TSESTree.Node, reached: boolean): string => {
    if (!own) return reached ? `++${name} >= ${maxAttempts}` : `++${name} < ${maxAttempts}`;
    const last = counterAt(own, at) + maxAttempts - 1;
    return reached ? `${name} >= ${last}` : `${name} < ${last}`;
  };
  // The ways round from the catch: its `continue`s (the catch's end, when it can fall through).
  const body = handler.body.body;
  const lastStmt = body[body.length - 1];
  const goesRound = continuesIn(sourceCode, [handler.body]);
  const fallsThrough = !exits(lastStmt) && !(lastStmt?.type === T.BreakStatement);
  const path = givingUpPath(handler.body, !fallsThrough ? goesRound[0] : undefined);
  if (path?.kind === 'branch' && goesRound.every((c) => path.ifStmt.consequent.range[0] <= c.range[0] && c.range[1] <= path.ifStmt.consequent.range[1])) {
    return { ending: 'handled', fix: (fixer) => [...declare(fixer), fixer.replaceText(path.ifStmt.test, extendTest(sourceCode, path.ifStmt.test, '&&', limit(path.ifStmt, false)))] };
  }
  if (path?.kind === 'exit') {
    return { ending: 'handled', fix: (fixer) => [...declare(fixer), fixer.replaceText(path.ifStmt.test, extendTest(sourceCode, path.ifStmt.test, '||', limit(path.ifStmt, true)))] };
  }
  // A catch that records every failure and goes round again, in a loop the function can leave
  // normally: the last failure is recorded too and falls out of the loop (`break`, before the
  // wait), so the function ends as it does after the loop, not with an error it never threw.
  if (!path && swallowsAndRecords(sourceCode, handler) && fallsOutNormally(sourceCode, loop, tryStmt)) {
    const at = body.find((s) => waits.some((w) => s.range[0] <= w.range[0] && w.range[1] <= s.range[1]));
    const stmtIndent = at ? indentOf(sourceCode, at) : indentOf(sourceCode, lastStmt!);
    const breakGuard = `if (${limit(at ?? handler.body, true)}) break;`;
    return {
      ending: 'handled',
      fix: (fixer) => [...declare(fixer), at ? fixer.insertTextBefore(at, `${breakGuard}\n${stmtIndent}`) : fixer.insertTextAfter(lastStmt!, `\n${stmtIndent}${breakGuard}`)],
    };
  }
  const first = body[0];
  const inner = first ? indentOf(sourceCode, first) : `${indentOf(sourceCode, handler)}  `;
  const guard = `if (${limit(first ?? handler.body, true)}) throw ${param};`;
  return {
    ending: 'rethrow',
    fix: (fixer: Fixer) => {
      const out = declare(fixer);
      if (!handler.param) out.push(fixer.insertTextBeforeRange([handler.body.range[0], handler.body.range[0]], `(${param}) `));
      if (first) out.push(fixer.insertTextBefore(first, `${guard}\n${inner}`));
      else out.push(fixer.replaceText(handler.body, `{\n${inner}${guard}\n${indentOf(sourceCode, handler)}}`));
      return out;
    },
  };
}

/**
 * A catch clause that swallows every failure and records it: it neither throws, returns nor jumps,
 * and hands the caught error to a call (`failures.push(err)`, `logger.warn('…', err)`) or writes to
 * the console. Read with the scope manager: the error is the catch's own parameter, `console` the global.
 */
function swallowsAndRecords(sourceCode: TSESLint.SourceCode, handler: TSESTree.CatchClause): boolean {
  let leaves = false;
  walk(handler.body, sourceCode.visitorKeys, (n) => {
    if (isFunctionNode(n)) return false;
    if (n.type === T.ThrowStatement || n.type === T.ReturnStatement || n.type === T.BreakStatement || n.type === T.ContinueStatement) leaves = true;
  });
  if (leaves || handler.body.body.length === 0) return false;
  const error = handler.param ? sourceCode.getDeclaredVariables(handler)[0] : undefined;
  const isConsole = (callee: TSESTree.Node): boolean => {
    let root = callee;
    while (root.type === T.MemberExpression) root = root.object;
    if (root.type !== T.Identifier || root.name !== 'console' || root === callee) return false;
    return !sourceCode.getScope(root).references.find((r) => r.identifier === root)?.resolved;
  };
  return handler.body.body.some((stmt) => {
    if (stmt.type !== T.ExpressionStatement) return false;
    const e = stmt.expression.type === T.AwaitExpression ? stmt.expression.argument : stmt.expression;
    if (e.type !== T.CallExpression) return false;
    if (isConsole(e.callee)) return true;
    return !!error && error.references.some((r) => e.arguments.some((a) => a.range[0] <= r.identifier.range[0] && r.identifier.range[1] <= a.range[1]));
  });
}

/**
 * Whether leaving `loop` normally is a way the function already ends after an attempt: the loop
 * has a test that is not always true (`while (!done)`), or a `break` of its own, or every `return`
 * of its attempt returns no value (falling out of the function returns the same).
 */
function fallsOutNormally(sourceCode: TSESLint.SourceCode, loop: TSESTree.Node, tryStmt: TSESTree.TryStatement): boolean {
  const test = loop.type === T.WhileStatement || loop.type === T.DoWhileStatement || loop.type === T.ForStatement ? loop.test : undefined;
  const alwaysTrue = !test || (test.type === T.Literal && !!test.value);
  if (!alwaysTrue) return true;
  let breaks = false;
  let valueReturned = false;
  const body = (loop as { body: TSESTree.Node }).body;
  walk(body, sourceCode.visitorKeys, (n) => {
    if (isFunctionNode(n)) return false;
    if (n !== body && (isLoopNode(n) || n.type === T.SwitchStatement)) {
      // A `break` inside a nested loop or switch is its own; a labelled one may still leave this loop.
      walk(n, sourceCode.visitorKeys, (m) => {
        if (isFunctionNode(m)) return false;
        if (m.type === T.ReturnStatement && m.argument) valueReturned = true;
      });
      return false;
    }
    if (n.type === T.BreakStatement && !n.label) breaks = true;
    if (n.type === T.ReturnStatement && n.argument && tryStmt.range[0] <= n.range[0] && n.range[1] <= tryStmt.range[1]) valueReturned = true;
  });
  return breaks || !valueReturned;
}

/** A statement list's statement that ends by leaving: its last statement is a `throw` or `return` (a block ending so, too). */
function exits(s: TSESTree.Node | null | undefined): boolean {
  if (!s) return false;
  if (s.type === T.ThrowStatement || s.type === T.ReturnStatement) return true;
  if (s.type === T.BlockStatement) return exits(s.body[s.body.length - 1]);
  return false;
}

/** Whether `n` is a step of one on `name`: `n++`, `++n`, `n += 1`, `n = n + 1`. */
function isUnitStep(n: TSESTree.Node, name: string): boolean {
  if (n.type === T.UpdateExpression) return n.operator === '++' && n.argument.type === T.Identifier && n.argument.name === name;
  if (n.type !== T.AssignmentExpression || n.left.type !== T.Identifier || n.left.name !== name) return false;
  const one = (e: TSESTree.Node): boolean => e.type === T.Literal && e.value === 1;
  if (n.operator === '+=') return one(n.right);
  const r = n.right;
  return n.operator === '=' && r.type === T.BinaryExpression && r.operator === '+' && ((r.left.type === T.Identifier && r.left.name === name && one(r.right)) || (r.right.type === T.Identifier && r.right.name === name && one(r.left)));
}

/** Node types a step may sit in and still run whenever its statement runs (no branch, no short circuit, no function). */
const UNCONDITIONAL = new Set<string>([
  T.ExpressionStatement, T.VariableDeclaration, T.VariableDeclarator, T.BinaryExpression, T.UpdateExpression, T.AssignmentExpression,
  T.CallExpression, T.NewExpression, T.MemberExpression, T.AwaitExpression, T.TemplateLiteral, T.ArrayExpression, T.ObjectExpression,
  T.Property, T.SpreadElement, T.UnaryExpression, T.TSAsExpression, T.TSNonNullExpression,
]);

/**
 * The attempt counter a retry already keeps, to bound it with instead of adding a second one:
 * `name`, and `base`, its value at the start of the failure handler on the first failure (it
 * grows by one per failure). `stepIn` is the handler statement that steps it, when the step is in
 * the handler (from that statement on, it is one more).
 */
interface OwnCounter {
  name: string;
  base: number;
  stepIn?: TSESTree.Statement;
}

/** A numeric literal's value (`3`, `-1`), or undefined. */
function numberOf(n: TSESTree.Node | null | undefined): number | undefined {
  if (n?.type === T.Literal && typeof n.value === 'number') return n.value;
  if (n?.type === T.UnaryExpression && n.operator === '-' && n.argument.type === T.Literal && typeof n.argument.value === 'number') return -n.argument.value;
  return undefined;
}

/**
 * The counter an unbounded loop already steps by one on every failure, with nothing testing it
 * against a limit: a `for` loop's own variable stepped by its update (`for (let attempt = 0; ;
 * attempt++)`), or a local declared before the loop with a number (`let tries = 0`) whose only
 * write in the program is one step that runs on every pass (a statement of the loop body before
 * the try) or on every failure (a statement of the catch clause, not inside a branch). Undefined
 * when there is none or its value at the catch cannot be told.
 */
function loopCounter(sourceCode: TSESLint.SourceCode, loop: TSESTree.Node, tryStmt: TSESTree.TryStatement, handler: TSESTree.CatchClause): OwnCounter | undefined {
  const candidates: Array<{ variable: TSESLint.Scope.Variable; init: number }> = [];
  if (loop.type === T.ForStatement && loop.init?.type === T.VariableDeclaration && loop.init.kind === 'let') {
    for (const d of loop.init.declarations) {
      const init = numberOf(d.init);
      if (d.id.type !== T.Identifier || init === undefined) continue;
      const v = sourceCode.getDeclaredVariables(d)[0];
      if (v) candidates.push({ variable: v, init });
    }
  }
  for (let s: TSESTree.Node | undefined = loop.parent; s && !isFunctionNode(s); s = s.parent) {
    if (s.type !== T.BlockStatement && s.type !== T.Program) continue;
    for (const stmt of s.body) {
      if (stmt.range[0] >= loop.range[0] || stmt.type !== T.VariableDeclaration || stmt.kind !== 'let') continue;
      for (const d of stmt.declarations) {
        const init = numberOf(d.init);
        const v = d.id.type === T.Identifier && init !== undefined ? sourceCode.getDeclaredVariables(d)[0] : undefined;
        if (v) candidates.push({ variable: v, init: init! });
      }
    }
    if (s.type === T.Program) break;
  }
  const body = 'body' in loop ? (loop as { body: TSESTree.Node }).body : undefined;
  for (const { variable, init } of candidates) {
    const writes = variable.references.filter((r) => r.isWrite() && !r.init);
    if (writes.length !== 1) continue;
    const id = writes[0]!.identifier;
    const step = id.parent;
    if (!step || !isUnitStep(step, variable.name)) continue;
    // The for loop's own update: runs after every pass, so at the catch it is `init + failures - 1`.
    if (loop.type === T.ForStatement && loop.update === step) return { name: variable.name, base: init };
    // A statement of the loop body (or the catch) that runs whenever it is reached: climb to it through unconditional nodes only.
    let n: TSESTree.Node = step;
    while (n.parent && UNCONDITIONAL.has(n.parent.type) && n.type !== T.ExpressionStatement && n.type !== T.VariableDeclaration) n = n.parent;
    if ((n.type !== T.ExpressionStatement && n.type !== T.VariableDeclaration) || !n.parent) continue;
    const stmt = n as TSESTree.Statement;
    if (body?.type === T.BlockStatement && n.parent === body && stmt.range[1] <= tryStmt.range[0]) return { name: variable.name, base: init + 1 };
    if (n.parent === handler.body) {
      // No statement before it in the catch leaves or goes round without stepping it.
      const before = handler.body.body.slice(0, handler.body.body.indexOf(stmt));
      if (before.some((b) => b.type !== T.ExpressionStatement && b.type !== T.VariableDeclaration)) continue;
      return { name: variable.name, base: init, stepIn: stmt };
    }
  }
  return undefined;
}

/** The counter's value at `at` (a statement of the failure handler) on the first failure. */
function counterAt(c: OwnCounter, at: TSESTree.Node): number {
  return c.stepIn && c.stepIn.range[1] <= at.range[0] ? c.base + 1 : c.base;
}

/**
 * Where an attempt limit goes in a failure handler so the last failure ends the way the code
 * already ends a failure it does not retry:
 * - `branch`: the retry is inside an `if` of the handler (`if (err.status === 429) { …; continue; }`):
 *   its test gains "and the limit is not reached", so the last failure takes the path the others take;
 * - `exit`: before the retry, an `if` of the handler leaves for failures it does not retry
 *   (`if (!transient(err)) { log(err); return null; }`): its test gains "or the limit is reached";
 * - undefined: the handler retries every failure, and the limit rethrows the error.
 */
function givingUpPath(handlerBody: TSESTree.BlockStatement, retry: TSESTree.Node | undefined): { kind: 'branch' | 'exit'; ifStmt: TSESTree.IfStatement } | undefined {
  if (retry) {
    for (let n: TSESTree.Node | undefined = retry; n && n !== handlerBody; n = n.parent) {
      const p: TSESTree.Node | undefined = n.parent;
      if (isFunctionNode(n) || isLoopNode(n)) break;
      if (p?.type === T.IfStatement && p.consequent === n) return { kind: 'branch', ifStmt: p };
    }
  }
  const limit = retry ? handlerBody.body.find((s) => s.range[0] <= retry.range[0] && retry.range[1] <= s.range[1]) : undefined;
  for (const s of handlerBody.body) {
    if (limit && s.range[0] >= limit.range[0]) break;
    // A guard that only rethrows (`if (…) throw err;`) ends the same way as the rethrowing limit: that plainer limit is kept.
    if (s.type === T.IfStatement && !s.alternate && exits(s.consequent) && !rethrowsOnly(s.consequent, handlerBody)) return { kind: 'exit', ifStmt: s };
    // A statement that may leave or go round another way (a loop, a try, a switch): the guard is not known to be reached.
    if (s.type !== T.ExpressionStatement && s.type !== T.VariableDeclaration && s.type !== T.IfStatement) return undefined;
  }
  return undefined;
}

/** Whether `s` only rethrows the handler's error (`throw err`, `{ throw err; }`). */
function rethrowsOnly(s: TSESTree.Node, handlerBody: TSESTree.BlockStatement): boolean {
  const stmt = s.type === T.BlockStatement && s.body.length === 1 ? s.body[0]! : s;
  if (stmt.type !== T.ThrowStatement || stmt.argument.type !== T.Identifier) return false;
  const owner = handlerBody.parent;
  const param = owner?.type === T.CatchClause ? owner.param : owner && isFunctionNode(owner) ? (owner as TSESTree.FunctionLike).params[0] : undefined;
  return param?.type === T.Identifier && param.name === stmt.argument.name;
}

/** `test` extended with `op` and `extra`, parenthesised where `op` would bind it differently. */
function extendTest(sourceCode: TSESLint.SourceCode, test: TSESTree.Expression, op: '&&' | '||', extra: string): string {
  const t = sourceCode.getText(test);
  const safe =
    op === '&&'
      ? !LOOSER_THAN_AND.has(test.type) || (test.type === T.LogicalExpression && test.operator === '&&')
      : !LOOSER_THAN_OR.has(test.type) && !(test.type === T.LogicalExpression && test.operator === '??');
  return `${safe ? t : `(${t})`} ${op} ${extra}`;
}

/** Operators that bind looser than `||` (or mix with it only in parentheses: `??`). */
const LOOSER_THAN_OR = new Set<string>([T.ConditionalExpression, T.AssignmentExpression, T.SequenceExpression, T.YieldExpression, T.ArrowFunctionExpression]);

/**
 * A wait for a loop that retries at once from its catch clause, in an async function: a growing,
 * capped, jittered wait as the catch's last statement (`await new Promise((resolve) =>
 * setTimeout(resolve, Math.random() * backoffMs)); backoffMs = Math.min(backoffMs * 2, 10000);`),
 * and the same wait before every `continue` of the attempt (in its try block or its catch) that
 * starts the next attempt, so every path that goes round waits. Undefined when no path of the
 * catch or a `continue` reaches the next attempt.
 */
export function addWaitFix(sourceCode: TSESLint.SourceCode, loop: TSESTree.Node): Fix | undefined {
  if (!isLoopNode(loop) || !insertableBefore(loop)) return undefined;
  let fn: TSESTree.Node | undefined = loop.parent;
  while (fn && !isFunctionNode(fn)) fn = fn.parent;
  if (!fn || !(fn as TSESTree.FunctionLike).async || isShadowed(sourceCode, loop, 'setTimeout')) return undefined;
  const tryStmt = loopTry(loop);
  const handler = tryStmt?.handler;
  if (!tryStmt || !handler) return undefined;
  const last = handler.body.body[handler.body.body.length - 1];
  const fallsThrough = !(last && (last.type === T.ThrowStatement || last.type === T.ReturnStatement || last.type === T.ContinueStatement || last.type === T.BreakStatement));
  const continues = continuesIn(sourceCode, [tryStmt.block, ...(tryStmt.handler ? [tryStmt.handler.body] : [])]);
  if (!fallsThrough && continues.length === 0) return undefined;
  const name = freeName(sourceCode, loop, 'backoffMs');
  const indent = indentOf(sourceCode, loop);
  /** The wait and its growth, the two statements separated by `sep`. */
  const waitAt = (sep: string): string => `await new Promise((resolve) => setTimeout(resolve, Math.random() * ${name}));${sep}${name} = Math.min(${name} * 2, 10000);`;
  const inner = last ? indentOf(sourceCode, last) : `${indentOf(sourceCode, handler)}  `;
  return (fixer: Fixer) => [
    fixer.insertTextBeforeRange([loop.range[0], loop.range[0]], `let ${name} = 100;\n${indent}`),
    ...(fallsThrough ? [last ? fixer.insertTextAfter(last, `\n${inner}${waitAt(`\n${inner}`)}`) : fixer.replaceText(handler.body, `{\n${inner}${waitAt(`\n${inner}`)}\n${indentOf(sourceCode, handler)}}`)] : []),
    ...continues.map((c) => {
      const p = c.parent;
      // A statement of a list: the wait goes before it; elsewhere (`if (…) continue;`) the
      // `continue` becomes a block that waits first.
      if (p && (p.type === T.BlockStatement || p.type === T.SwitchCase)) {
        const at = indentOf(sourceCode, c);
        return fixer.insertTextBefore(c, `${waitAt(`\n${at}`)}\n${at}`);
      }
      return fixer.replaceText(c, `{ ${waitAt(' ')} continue; }`);
    }),
  ];
}

/**
 * The unlabelled `continue` statements in `roots` (parts of a loop's body) that go to that loop's
 * next attempt (not those of a nested loop or function).
 */
function continuesIn(sourceCode: TSESLint.SourceCode, roots: readonly TSESTree.Node[]): TSESTree.ContinueStatement[] {
  const out: TSESTree.ContinueStatement[] = [];
  const visit = (n: TSESTree.Node): boolean => {
    if (isFunctionNode(n) || isLoopNode(n)) return false;
    if (n.type === T.ContinueStatement && !n.label) out.push(n);
    return true;
  };
  for (const r of roots) walk(r, sourceCode.visitorKeys, visit);
  return out;
}

/** Whether `name` at `node` is a binding of the file (an import, a parameter, a local) rather than the global. */
export function isShadowed(sourceCode: TSESLint.SourceCode, node: TSESTree.Node, name: string): boolean {
  for (let s: TSESLint.Scope.Scope | null = sourceCode.getScope(node); s; s = s.upper) {
    if (s.type === 'global') return s.variables.some((v) => v.name === name && v.defs.length > 0);
    if (s.set.has(name)) return true;
  }
  return false;
}

/** A recursive retry made countable: the function gains a last parameter `attempt = 0` and the recursive call passes `attempt + 1`. */
interface CountedRecursion {
  name: string;
  /** The counter's value on the first call (its default). */
  base: number;
  fn: TSESTree.FunctionLike;
  call: TSESTree.CallExpression;
  edits: (fixer: Fixer) => TSESLint.RuleFix[];
}

/**
 * The attempt parameter a function that retries by calling itself already has: a parameter with a
 * number as its default (`attempt = 0`) that the recursive call passes on stepped by one
 * (`attempt + 1`) and that nothing else writes. Its name and default, or undefined.
 */
function ownRecursionCounter(sourceCode: TSESLint.SourceCode, fn: TSESTree.FunctionLike, call: TSESTree.CallExpression): { name: string; base: number } | undefined {
  for (const [i, p] of fn.params.entries()) {
    if (p.type !== T.AssignmentPattern || p.left.type !== T.Identifier) continue;
    const base = numberOf(p.right);
    const arg = call.arguments[i];
    const name = p.left.name;
    if (base === undefined || !arg || arg.type !== T.BinaryExpression || arg.operator !== '+') continue;
    const one = (e: TSESTree.Node): boolean => e.type === T.Literal && e.value === 1;
    const isName = (e: TSESTree.Node): boolean => e.type === T.Identifier && e.name === name;
    if (!((isName(arg.left) && one(arg.right)) || (one(arg.left) && isName(arg.right)))) continue;
    const variable = sourceCode.getDeclaredVariables(fn).find((v) => v.name === name);
    if (!variable || variable.references.some((r) => r.isWrite() && r.identifier !== p.left)) continue;
    return { name, base };
  }
  return undefined;
}

/**
 * Adds an attempt parameter to a function that retries by calling itself (`call`), when that is
 * safe: plain parameters (no rest, no destructuring), the recursive call passes no spread and no
 * more arguments than parameters, and every other use of the function in the file is a call (a
 * function passed as a callback could receive an index in the new position).
 */
function countRecursion(sourceCode: TSESLint.SourceCode, call: TSESTree.Node): CountedRecursion | undefined {
  if (call.type !== T.CallExpression || call.callee.type !== T.Identifier) return undefined;
  const callee = call.callee.name;
  // The function named like the callee, through callbacks (`.catch((e) => delay(ms).then(() => self()))`).
  const nameOf = (g: TSESTree.FunctionLike): string | undefined =>
    g.type !== T.ArrowFunctionExpression && g.id ? g.id.name : g.parent?.type === T.VariableDeclarator && g.parent.id.type === T.Identifier ? g.parent.id.name : undefined;
  let fn: TSESTree.Node | undefined = call.parent;
  while (fn && !(isFunctionNode(fn) && nameOf(fn as TSESTree.FunctionLike) === callee)) {
    if (isFunctionNode(fn) && nameOf(fn as TSESTree.FunctionLike) !== undefined) return undefined;
    fn = fn.parent;
  }
  if (!fn) return undefined;
  const f = fn as TSESTree.FunctionLike;
  const own = ownRecursionCounter(sourceCode, f, call);
  if (own) return { ...own, fn: f, call, edits: () => [] };
  if (f.params.some((p) => !(p.type === T.Identifier || (p.type === T.AssignmentPattern && p.left.type === T.Identifier)))) return undefined;
  if (call.arguments.some((a) => a.type === T.SpreadElement) || call.arguments.length > f.params.length) return undefined;
  // Every reference to the function is a call.
  const scope = sourceCode.getScope(f.type === T.FunctionDeclaration ? f : (f.parent as TSESTree.Node));
  let variable: TSESLint.Scope.Variable | undefined;
  for (let s: TSESLint.Scope.Scope | null = scope; s && !variable; s = s.upper) variable = s.set.get(callee);
  if (!variable) return undefined;
  for (const r of variable.references) {
    const p = r.identifier.parent;
    if (r.init) continue;
    if (p?.type === T.CallExpression && p.callee === r.identifier) continue;
    if (p?.type === T.ExportSpecifier || p?.type === T.ExportDefaultDeclaration) continue;
    return undefined;
  }
  if (!f.body) return undefined;
  const name = freeName(sourceCode, f.body, 'attempt');
  const lastParam = f.params[f.params.length - 1];
  const after = lastParam ? sourceCode.getTokenAfter(lastParam) : undefined;
  if (lastParam && after?.value !== ')' && after?.value !== ',') return undefined;
  const openParen = !lastParam ? sourceCode.getFirstToken(f, { filter: (t) => t.value === '(' }) : undefined;
  if (!lastParam && !openParen) return undefined;
  const missing = f.params.length - call.arguments.length;
  const closeCall = sourceCode.getLastToken(call);
  if (!closeCall || closeCall.value !== ')') return undefined;
  // `self(\n  url,\n  label,\n)`: after a trailing comma the new argument needs no comma of its own.
  const separator = call.arguments.length > 0 && sourceCode.getTokenBefore(closeCall)?.value !== ',' ? ', ' : '';
  return {
    name,
    base: 0,
    fn: f,
    call,
    edits: (fixer) => [
      lastParam ? fixer.insertTextAfter(lastParam, `, ${name} = 0`) : fixer.insertTextAfterRange(openParen!.range, `${name} = 0`),
      fixer.insertTextBeforeRange(closeCall.range, `${separator}${Array.from({ length: missing }, () => 'undefined, ').join('')}${name} + 1`),
    ],
  };
}

/** The catch that leads to the recursive call: a catch clause, or a function passed to `.catch(…)` / as `.then`'s second argument; with the error's name. */
function failureHandler(call: TSESTree.Node, fn: TSESTree.Node): { body: TSESTree.BlockStatement; error: string } | undefined {
  for (let n: TSESTree.Node | undefined = call.parent; n && n !== fn; n = n.parent) {
    if (n.type === T.CatchClause) return n.param?.type === T.Identifier ? { body: n.body, error: n.param.name } : undefined;
    if (isFunctionNode(n)) {
      const f = n as TSESTree.FunctionLike;
      const p = f.parent;
      const handler = p?.type === T.CallExpression && p.callee.type === T.MemberExpression && p.callee.property.type === T.Identifier && ((p.callee.property.name === 'catch' && p.arguments[0] === f) || (p.callee.property.name === 'then' && p.arguments[1] === f));
      if (!handler) continue;
      const e = f.params[0];
      return f.body?.type === T.BlockStatement && e?.type === T.Identifier ? { body: f.body, error: e.name } : undefined;
    }
  }
  return undefined;
}

/**
 * An attempt limit for a function that retries by calling itself from its failure handler, with
 * its own attempt parameter or a new one (`attempt = 0`, passed on as `attempt + 1`). The last
 * failure ends the way the handler already ends a failure it does not retry (see
 * {@link givingUpPath}); where it retries every failure, `if (attempt >= N - 1) throw error;` before
 * the first of `waits` (the retry's wait nodes) that precedes the retrying statement, else before that statement.
 */
export function boundRecursionFix(sourceCode: TSESLint.SourceCode, call: TSESTree.Node, maxAttempts: number, waits: readonly TSESTree.Node[] = []): LimitFix | undefined {
  const counted = countRecursion(sourceCode, call);
  if (!counted) return undefined;
  const handler = failureHandler(counted.call, counted.fn);
  if (!handler) return undefined;
  const stmt = handler.body.body.find((s) => s.range[0] <= counted.call.range[0] && counted.call.range[1] <= s.range[1]);
  if (!stmt) return undefined;
  const last = counted.base + maxAttempts - 1;
  const path = givingUpPath(handler.body, counted.call);
  if (path) {
    const test = path.kind === 'branch' ? extendTest(sourceCode, path.ifStmt.test, '&&', `${counted.name} < ${last}`) : extendTest(sourceCode, path.ifStmt.test, '||', `${counted.name} >= ${last}`);
    return { ending: 'handled', fix: (fixer) => [...counted.edits(fixer), fixer.replaceText(path.ifStmt.test, test)] };
  }
  // Before the wait that precedes the retrying statement, if any: the last failure gives up at once
  // rather than after one more wait.
  const waitStmt = handler.body.body.find((s) => s.range[1] <= stmt.range[0] && waits.some((w) => s.range[0] <= w.range[0] && w.range[1] <= s.range[1]));
  const at = waitStmt ?? stmt;
  const indent = indentOf(sourceCode, at);
  return { ending: 'rethrow', fix: (fixer) => [...counted.edits(fixer), fixer.insertTextBefore(at, `if (${counted.name} >= ${last}) throw ${handler.error};\n${indent}`)] };
}

/** Operators that bind looser than `&&`: such a test is parenthesised before `&& bound`. */
const LOOSER_THAN_AND = new Set<string>([T.LogicalExpression, T.ConditionalExpression, T.AssignmentExpression, T.SequenceExpression, T.YieldExpression, T.ArrowFunctionExpression]);

/**
 * An attempt limit for a function that retries by calling itself from a branch (`if (res.status
 * === 429) { …; return self(…); }`): the branch's test gains `&& attempt < N - 1`, so after the
 * last attempt the function does what it does for a status it does not retry (falls through to
 * the code after the branch, or its `else`). Undefined when the call is not in the consequent of
 * an `if` inside the function.
 */
export function boundBranchRecursionFix(sourceCode: TSESLint.SourceCode, call: TSESTree.Node, maxAttempts: number): Fix | undefined {
  const counted = countRecursion(sourceCode, call);
  if (!counted || failureHandler(counted.call, counted.fn)) return undefined;
  let branch: TSESTree.IfStatement | undefined;
  for (let n: TSESTree.Node | undefined = counted.call.parent; n && n !== counted.fn; n = n.parent) {
    const p: TSESTree.Node | undefined = n.parent;
    if (p?.type === T.IfStatement && p.consequent === n) {
      branch = p;
      break;
    }
  }
  if (!branch) return undefined;
  const test = branch.test;
  const text = LOOSER_THAN_AND.has(test.type) && !(test.type === T.LogicalExpression && test.operator === '&&') ? `(${sourceCode.getText(test)})` : sourceCode.getText(test);
  return (fixer) => [...counted.edits(fixer), fixer.replaceText(test, `${text} && ${counted.name} < ${counted.base + maxAttempts - 1}`)];
}

/** Growth for a constant wait of a function that retries by calling itself: `delay` becomes `Math.min(delay * 2 ** attempt, cap)` (times `Math.random()` with `jitter`). */
export function growRecursionFix(sourceCode: TSESLint.SourceCode, call: TSESTree.Node, delay: TSESTree.Expression, constantMs: number | undefined, jitter = false): Fix | undefined {
  const counted = countRecursion(sourceCode, call);
  if (!counted || delay.range[0] < counted.fn.range[0] || delay.range[1] > counted.fn.range[1]) return undefined;
  const cap = constantMs !== undefined && Number.isFinite(constantMs) && constantMs > 0 ? Math.max(Math.round(constantMs), Math.min(Math.round(constantMs) * 32, 30_000)) : 30_000;
  const exponent = counted.base === 0 ? counted.name : `(${counted.name} - ${counted.base})`;
  return (fixer) => [...counted.edits(fixer), replaceExpression(fixer, delay, `${jitter ? 'Math.random() * ' : ''}Math.min(${operandText(sourceCode, delay)} * 2 ** ${exponent}, ${cap})`)];
}

/**
 * Honour Retry-After on a 429/503 path: the server's wait is read from the checked response's
 * header as delay-seconds or an HTTP-date (RFC 9110 §10.2.3), from fetch's `Headers` (`get`) or a
 * plain header object (axios, got), and the wait inside the `if` that checks the status becomes
 * `Math.max(delay, server's wait)`. When the server asks for more than `capMs`, the retry gives up
 * (rethrows the caught error, or throws one naming the status and the wait) rather than come back
 * before the time the server asked for (RFC 9110 §10.2.3) or wait without bound (require-max-delay).
 * Undefined when the check reads no `<response>.status`, the checked value is the caught error
 * itself (where its headers are is unknown), or no wait with a delay written at it stands inside that `if`.
 */
export function retryAfterFix(
  sourceCode: TSESLint.SourceCode,
  check: TSESTree.Node,
  waits: ReadonlyArray<{ node: TSESTree.Node; argument: TSESTree.Expression | undefined; delay: { expression?: TSESTree.Node } }>,
  capMs: number,
): Fix | undefined {
  let response: TSESTree.Expression | undefined;
  let statusKey = 'status';
  const find = (n: TSESTree.Node): void => {
    if (response) return;
    if (n.type === T.MemberExpression && !n.computed && n.property.type === T.Identifier && (n.property.name === 'status' || n.property.name === 'statusCode')) {
      response = n.object;
      statusKey = n.property.name;
      return;
    }
    for (const [k, v] of Object.entries(n)) {
      if (k === 'parent') continue;
      for (const c of Array.isArray(v) ? v : [v]) if (c && typeof c === 'object' && typeof (c as TSESTree.Node).type === 'string') find(c as TSESTree.Node);
    }
  };
  find(check);
  if (!response || (response.type !== T.Identifier && response.type !== T.MemberExpression)) return undefined;
  const caught = caughtError(sourceCode, response);
  if (caught === response) return undefined;
  let ifStmt: TSESTree.Node | undefined = check.parent;
  while (ifStmt && ifStmt.type !== T.IfStatement && !isFunctionNode(ifStmt)) ifStmt = ifStmt.parent;
  if (ifStmt?.type !== T.IfStatement || !(ifStmt.test.range[0] <= check.range[0] && check.range[1] <= ifStmt.test.range[1])) return undefined;
  const consequent = ifStmt.consequent;
  // Every wait of this path honours the header (a wait table stepped by the attempt count has one
  // per step): a path with a wait whose delay is not written here gets no edit.
  const inPath = waits.filter((w) => consequent.range[0] <= w.node.range[0] && w.node.range[1] <= consequent.range[1]);
  const delays = inPath.map((w) => localDelayOf(w));
  if (delays.length === 0 || delays.some((d) => !d)) return undefined;
  const unique = delays.filter((d, i) => delays.findIndex((e) => e!.range[0] === d!.range[0] && e!.range[1] === d!.range[1]) === i) as TSESTree.Expression[];
  // The statement that waits, so the header is read once just before it; with several waits, the
  // first statement of the path's block that holds one (the read is then in scope for all).
  let stmt: TSESTree.Node | undefined = inPath[0]!.node;
  if (unique.length === 1) {
    while (stmt && !(stmt.parent?.type === T.BlockStatement && stmt.type.endsWith('Statement'))) stmt = stmt.parent;
  } else {
    if (consequent.type !== T.BlockStatement) return undefined;
    const tops = inPath.map((w) => consequent.body.find((b) => b.range[0] <= w.node.range[0] && w.node.range[1] <= b.range[1]));
    if (tops.some((t) => !t)) return undefined;
    stmt = tops.reduce((a, b) => (a!.range[0] <= b!.range[0] ? a : b));
  }
  if (!stmt || !(consequent.range[0] <= stmt.range[0] && stmt.range[1] <= consequent.range[1])) return undefined;
  // The response is read again just before the wait: it must be the same variable there (not one
  // the path declares by the same name).
  if (!canMove(sourceCode, [response], { scope: scopeAt(sourceCode, stmt) })) return undefined;
  const r = sourceCode.getText(response);
  // fetch's Headers has `get`; axios and got give a plain object.
  const read = fromFetch(sourceCode, response) ? `${r}.headers.get('retry-after')` : `${r}.headers['retry-after']`;
  const name = freeName(sourceCode, stmt, 'retryAfter');
  const ms = freeName(sourceCode, stmt, 'retryAfterMs');
  const indent = indentOf(sourceCode, stmt);
  const giveUp = caught
    ? `throw ${caught.name};`
    : `throw new Error(\`HTTP \${${r}.${statusKey}}: the server asked to wait \${${ms}} ms (Retry-After), more than ${capMs}\`);`;
  const target = stmt;
  return (fixer) => [
    fixer.insertTextBefore(
      target,
      `const ${name} = ${read};\n${indent}const ${ms} = Number(${name}) * 1000 || Date.parse(${name} ?? '') - Date.now() || 0;\n${indent}if (${ms} > ${capMs}) ${giveUp}\n${indent}`,
    ),
    ...unique.map((delay) => replaceExpression(fixer, delay, `Math.max(${argumentText(sourceCode, delay)}, ${ms})`)),
  ];
}

/**
 * The caught error `response` is read from, when it is one: the parameter of a catch clause or of
 * a `.catch(…)` callback that `response` is or is a member of (`err`, `err.response`).
 */
function caughtError(sourceCode: TSESLint.SourceCode, response: TSESTree.Node): TSESTree.Identifier | undefined {
  let root: TSESTree.Node = response;
  while (root.type === T.MemberExpression) root = root.object;
  if (root.type !== T.Identifier) return undefined;
  const name = root.name;
  for (let s: TSESLint.Scope.Scope | null = sourceCode.getScope(root); s; s = s.upper) {
    const v = s.set.get(name);
    if (!v) continue;
    const def = v.defs[0];
    if (def?.type === 'CatchClause') return root;
    const fn = def?.type === 'Parameter' ? def.node : undefined;
    const call = fn?.parent;
    const isCatch = call?.type === T.CallExpression && call.callee.type === T.MemberExpression && call.callee.property.type === T.Identifier && call.callee.property.name === 'catch' && call.arguments[0] === fn;
    return isCatch && fn && 'params' in fn && fn.params[0]?.type === T.Identifier && fn.params[0].name === name ? root : undefined;
  }
  return undefined;
}

/** Whether a response comes from `fetch` (`const res = await fetch(…)`), whose headers are a `Headers`. */
function fromFetch(sourceCode: TSESLint.SourceCode, response: TSESTree.Node): boolean {
  if (response.type !== T.Identifier) return false;
  for (let s: TSESLint.Scope.Scope | null = sourceCode.getScope(response); s; s = s.upper) {
    const v = s.set.get(response.name);
    if (!v) continue;
    const def = v.defs[0]?.node;
    let init = def?.type === T.VariableDeclarator ? def.init : undefined;
    if (init?.type === T.AwaitExpression) init = init.argument;
    if (init?.type !== T.CallExpression) return false;
    const c = init.callee;
    return (c.type === T.Identifier && c.name === 'fetch') || (c.type === T.MemberExpression && c.property.type === T.Identifier && c.property.name === 'fetch');
  }
  return false;
}

/** `status` is a client error that retrying cannot fix: 4xx other than 408 and 429 (RFC 9110 §15.5). */
function clientStatusTest(status: string): string {
  return `${status} >= 400 && ${status} < 500 && ![408, 429].includes(${status})`;
}

/**
 * A classification guard for a retry of client errors: for a status check (`!res.ok`,
 * `res.status === 200`), `if (<4xx but 408/429>) throw new Error(…)` before the statement that
 * checks, outside any try of the retry (so nothing retries the thrown error); for a catch-all
 * (catch clause or error interceptor), the caught error's HTTP status is read first
 * (`response.status`, got's `response.statusCode`) and a client error is rethrown (rejected).
 */
export function clientErrorFix(sourceCode: TSESLint.SourceCode, node: TSESTree.Node, retry: TSESTree.Node, typescript: boolean): Fix | undefined {
  if (node.type === T.CatchClause || isFunctionNode(node)) {
    const body = node.type === T.CatchClause ? node.body : (node as TSESTree.FunctionLike).body;
    const param = node.type === T.CatchClause ? node.param : (node as TSESTree.FunctionLike).params[0];
    if (body?.type !== T.BlockStatement || (param && param.type !== T.Identifier)) return undefined;
    if (!param && node.type !== T.CatchClause) return undefined;
    const error = param?.type === T.Identifier ? param.name : freeName(sourceCode, body, 'error');
    const status = freeName(sourceCode, body, 'status');
    const read = typescript
      ? `(${error} as { response?: { status?: number; statusCode?: number } } | null | undefined)?.response`
      : `${error}?.response`;
    const leave = node.type === T.CatchClause ? `throw ${error};` : `return Promise.reject(${error});`;
    const first = body.body[0];
    const indent = first ? indentOf(sourceCode, first) : `${indentOf(sourceCode, node)}  `;
    const text = `const ${status} = ${read}?.status ?? ${read}?.statusCode;\n${indent}if (typeof ${status} === 'number' && ${clientStatusTest(status)}) ${leave}`;
    return (fixer) => {
      const out = [first ? fixer.insertTextBefore(first, `${text}\n${indent}`) : fixer.replaceText(body, `{\n${indent}${text}\n${indentOf(sourceCode, node)}}`)];
      if (!param && node.type === T.CatchClause) out.push(fixer.insertTextBeforeRange(body.range, `(${error}) `));
      return out;
    };
  }
  // A status check: the response it reads.
  const member = node.type === T.UnaryExpression ? node.argument : node.type === T.BinaryExpression ? node.left : node;
  if (member.type !== T.MemberExpression || member.computed || member.property.type !== T.Identifier || !['ok', 'status', 'statusCode'].includes(member.property.name)) return undefined;
  const response = member.object;
  if (response.type !== T.Identifier && response.type !== T.MemberExpression) return undefined;
  let stmt: TSESTree.Node | undefined = node;
  while (stmt && !(stmt.parent?.type === T.BlockStatement && stmt.type.endsWith('Statement'))) {
    if (isFunctionNode(stmt)) return undefined;
    stmt = stmt.parent;
  }
  if (!stmt) return undefined;
  // Nothing between the check and the retry may catch the thrown error and retry it anyway.
  for (let p: TSESTree.Node | undefined = stmt.parent; p && p !== retry; p = p.parent) {
    if (isFunctionNode(p)) break;
    if (p.type === T.TryStatement && p.block.range[0] <= stmt.range[0] && stmt.range[1] <= p.block.range[1]) return undefined;
  }
  const r = sourceCode.getText(response);
  const status = `${r}.${member.property.name === 'statusCode' ? 'statusCode' : 'status'}`;
  const indent = indentOf(sourceCode, stmt);
  const target = stmt;
  return (fixer) => fixer.insertTextBefore(target, `if (${clientStatusTest(status)}) throw new Error(\`HTTP \${${status}}\`);\n${indent}`);
}

/**
 * The options object of a request call (`fetch(url, { method })`, `axios.post(url, data, config)`),
 * or where to add one. `optionsIndex`, when the analysis knows the client, is the argument its
 * signature takes options at (`got.post(url, options)` 1, `axios.post(url, data, config)` 2).
 */
export function requestOptions(call: TSESTree.CallExpression, optionsIndex?: number): { object?: TSESTree.ObjectExpression; appendAfter?: TSESTree.Node } | undefined {
  if (optionsIndex !== undefined) {
    const arg = call.arguments[optionsIndex];
    if (arg?.type === T.ObjectExpression) return { object: arg };
    if (!arg && optionsIndex > 0 && call.arguments.length === optionsIndex && call.arguments[optionsIndex - 1]?.type !== T.SpreadElement) return { appendAfter: call.arguments[optionsIndex - 1]! };
    return undefined;
  }
  const objects = call.arguments.filter((a): a is TSESTree.ObjectExpression => a.type === T.ObjectExpression);
  const withMethod = objects.find((o) => o.properties.some((p) => p.type === T.Property && !p.computed && ((p.key.type === T.Identifier && p.key.name === 'method') || (p.key.type === T.Literal && p.key.value === 'method'))));
  if (withMethod) return { object: withMethod };
  const name = call.callee.type === T.MemberExpression && call.callee.property.type === T.Identifier ? call.callee.property.name : '';
  if (/^(post|put|patch|delete)$/i.test(name)) {
    const cfgIndex = /^delete$/i.test(name) ? 1 : 2;
    const cfg = call.arguments[cfgIndex];
    if (cfg?.type === T.ObjectExpression) return { object: cfg };
    if (!cfg && call.arguments.length === cfgIndex) return { appendAfter: call.arguments[cfgIndex - 1]! };
  }
  return undefined;
}

export const propName = (p: TSESTree.Property): string | undefined => (p.computed ? undefined : p.key.type === T.Identifier ? p.key.name : p.key.type === T.Literal ? String(p.key.value) : undefined);


const CRYPTO_MODULES = new Set(['crypto', 'node:crypto']);

/**
 * The expression that makes a fresh UUID in this file: the file's own `randomUUID` import or
 * `require` of Node's `crypto` (`randomUUID()`, `nodeCrypto.randomUUID()`), so the key works on
 * every Node version the file already runs on; otherwise the Web Crypto global `crypto.randomUUID()`
 * (browsers, Deno, Bun and Node 19+; on Node 18 it needs `--experimental-global-webcrypto`).
 */
export function uuidExpression(sourceCode: TSESLint.SourceCode): string {
  const moduleScope = sourceCode.scopeManager?.globalScope?.childScopes.find((sc) => sc.type === 'module') ?? sourceCode.scopeManager?.globalScope;
  for (const v of moduleScope?.variables ?? []) {
    const def = v.defs[0];
    if (!def || v.defs.length !== 1 || v.references.some((r) => r.isWrite() && !r.init)) continue;
    let from: string | undefined;
    let named: string | undefined;
    if (def.type === 'ImportBinding' && def.parent?.type === T.ImportDeclaration) {
      from = String(def.parent.source.value);
      const spec = def.node;
      named = spec.type === T.ImportSpecifier ? (spec.imported.type === T.Identifier ? spec.imported.name : String(spec.imported.value)) : undefined;
    } else if (def.type === 'Variable' && def.node.type === T.VariableDeclarator && def.node.init) {
      const init = def.node.init;
      if (init.type === T.CallExpression && init.callee.type === T.Identifier && init.callee.name === 'require' && init.arguments[0]?.type === T.Literal) {
        from = String(init.arguments[0].value);
        if (def.node.id.type === T.ObjectPattern) {
          const prop = def.node.id.properties.find((p) => p.type === T.Property && p.value.type === T.Identifier && p.value.name === v.name);
          named = prop?.type === T.Property ? propName(prop) : undefined;
        }
      }
    }
    if (!from || !CRYPTO_MODULES.has(from)) continue;
    if (named === 'randomUUID') return `${v.name}()`;
    if (named === undefined) return `${v.name}.randomUUID()`;
  }
  return 'crypto.randomUUID()';
}

/**
 * One idempotency key for every attempt of a retried non-idempotent request that sends none:
 * `const idempotencyKey = crypto.randomUUID();` before the retry (`before`, a statement of a
 * block), and an `Idempotency-Key` header in the request's options (added to a `headers` object
 * literal, or a new `headers` property). Undefined when the options or headers are not literals.
 */
export function hoistedKeyFix(sourceCode: TSESLint.SourceCode, request: TSESTree.Node, before: TSESTree.Node, header: string, optionsIndex?: number, settings?: RetrySettings): Fix | undefined {
  if (!insertableBefore(before)) return undefined;
  let call: TSESTree.Node | undefined = request;
  while (call && call.type !== T.CallExpression) call = call.parent;
  if (call?.type !== T.CallExpression || !(before.range[0] <= call.range[0] && call.range[1] <= before.range[1])) return undefined;
  // Reported at a library option inside the request (got's `retry: { methods: ['POST'] }`): the
  // request's own client says where its options go (`got.post(url, options)`: 1, not axios' 2).
  // Only when the reported option sits in that argument: it is then the options object.
  if (optionsIndex === undefined && settings && request !== call) {
    const h = describeHttpCall(sourceCode, call, settings);
    const idx = h ? optionsArgumentIndex(h.client, call, h.methodNode === call.callee) : undefined;
    const arg = idx === undefined ? undefined : call.arguments[idx];
    if (arg && arg.range[0] <= request.range[0] && request.range[1] <= arg.range[1]) optionsIndex = idx;
  }
  const opts = requestOptions(call, optionsIndex);
  if (!opts) return declaredOptionsKeyFix(sourceCode, call, before, header);
  const name = freeName(sourceCode, before, 'idempotencyKey');
  const entry = `${/^[A-Za-z_$][\w$]*$/.test(header) ? header : `'${header}'`}: ${name}`;
  const indent = indentOf(sourceCode, before);
  const declare = (fixer: Fixer) => fixer.insertTextBeforeRange([before.range[0], before.range[0]], `const ${name} = ${uuidExpression(sourceCode)};\n${indent}`);
  if (opts.appendAfter) {
    const after = opts.appendAfter;
    return (fixer) => [declare(fixer), fixer.insertTextAfter(after, `, { headers: { ${entry} } }`)];
  }
  const obj = opts.object;
  if (!obj) return undefined;
  const headers = obj.properties.find((p): p is TSESTree.Property => p.type === T.Property && propName(p) === 'headers');
  if (!headers) {
    const first = obj.properties[0];
    return (fixer) => [declare(fixer), first ? fixer.insertTextBefore(first, `headers: { ${entry} }, `) : fixer.replaceText(obj, `{ headers: { ${entry} } }`)];
  }
  if (headers.shorthand || headers.value.type !== T.ObjectExpression) return undefined;
  const h = headers.value;
  if (h.properties.some((p) => p.type === T.SpreadElement)) return undefined;
  const first = h.properties[0];
  return (fixer) => [declare(fixer), first ? fixer.insertTextBefore(first, `${entry}, `) : fixer.replaceText(h, `{ ${entry} }`)];
}

/**
 * The key for a request whose options are a variable (`fetch(url, init)`), declared once with an
 * object literal in the same function before the retry and only ever passed on: the key goes into
 * that object's `headers` literal, so it is created once per call of the function and sent on every
 * attempt. A declaration at module level (one key shared by every call), a variable written or
 * reached through a member (`init.headers = …`), or headers that are not a literal: no edit.
 */
function declaredOptionsKeyFix(sourceCode: TSESLint.SourceCode, call: TSESTree.CallExpression, before: TSESTree.Node, header: string): Fix | undefined {
  const ids = call.arguments.filter((a): a is TSESTree.Identifier => a.type === T.Identifier);
  for (const id of ids) {
    let variable: TSESLint.Scope.Variable | undefined;
    for (let sc: TSESLint.Scope.Scope | null = sourceCode.getScope(call); sc && !variable; sc = sc.upper) variable = sc.set.get(id.name);
    if (!variable || variable.defs.length !== 1) continue;
    const def = variable.defs[0]!.node as TSESTree.Node;
    if (def.type !== T.VariableDeclarator || def.init?.type !== T.ObjectExpression) continue;
    const decl = def.parent;
    if (decl?.type !== T.VariableDeclaration || decl.parent?.type !== T.BlockStatement || decl.parent.parent === undefined || !isFunctionNode(decl.parent.parent)) continue;
    if (!(decl.range[1] <= before.range[0]) || before.parent !== decl.parent) continue;
    // Only read, and only handed to calls as an argument.
    if (!variable.references.every((r) => r.init || (!r.isWrite() && r.identifier.parent?.type === T.CallExpression && (r.identifier.parent as TSESTree.CallExpression).arguments.includes(r.identifier as TSESTree.Expression)))) continue;
    const obj = def.init;
    if (obj.properties.some((p) => p.type === T.SpreadElement)) continue;
    const entry = `${/^[A-Za-z_$][\w$]*$/.test(header) ? header : `'${header}'`}: ${uuidExpression(sourceCode)}`;
    const headers = obj.properties.find((p): p is TSESTree.Property => p.type === T.Property && propName(p) === 'headers');
    if (!headers) {
      const first = obj.properties[0];
      return (fixer) => (first ? fixer.insertTextBefore(first, `headers: { ${entry} }, `) : fixer.replaceText(obj, `{ headers: { ${entry} } }`));
    }
    if (headers.shorthand || headers.value.type !== T.ObjectExpression) return undefined;
    const h = headers.value;
    if (h.properties.some((p) => p.type === T.SpreadElement)) return undefined;
    const first = h.properties[0];
    return (fixer) => (first ? fixer.insertTextBefore(first, `${entry}, `) : fixer.replaceText(h, `{ ${entry} }`));
  }
  return undefined;
}

/**
 * A once-only guard for an error interceptor that replays the failed request (`api(error.config)`):
 * at the start of the block that replays, `if (config._retry) return Promise.reject(error);
 * config._retry = true;`, so a replay that fails the same way is rejected instead of replayed
 * again. Undefined when the replay is not a statement of a block of the handler itself, or the
 * handler has no plain error parameter.
 */
export function onceOnlyReplayFix(sourceCode: TSESLint.SourceCode, replay: TSESTree.Node, typescript: boolean): Fix | undefined {
  if (replay.type !== T.CallExpression) return undefined;
  const cfg = replay.arguments[0];
  if (!cfg || !isRequestConfig(sourceCode, cfg)) return undefined;
  let stmt: TSESTree.Node | undefined = replay;
  while (stmt && !(stmt.parent?.type === T.BlockStatement && stmt.type.endsWith('Statement'))) {
    if (isFunctionNode(stmt)) return undefined;
    stmt = stmt.parent;
  }
  const block = stmt?.parent;
  if (block?.type !== T.BlockStatement) return undefined;
  let handler: TSESTree.Node | undefined = block;
  while (handler && !isFunctionNode(handler)) handler = handler.parent;
  const error = handler ? (handler as TSESTree.FunctionLike).params[0] : undefined;
  if (error?.type !== T.Identifier) return undefined;
  const c = sourceCode.getText(cfg);
  const flag = typescript ? `(${c} as { _retry?: boolean })._retry` : `${c}._retry`;
  const first = block.body[0]!;
  const indent = indentOf(sourceCode, first);
  return (fixer) => fixer.insertTextBefore(first, `if (${flag}) return Promise.reject(${error.name});\n${indent}${flag} = true;\n${indent}`);
}

/** `error.config`, or a variable initialised from it (`const original = error.config`): the failed request's config. */
function isRequestConfig(sourceCode: TSESLint.SourceCode, n: TSESTree.Node): boolean {
  const isConfigMember = (m: TSESTree.Node | null | undefined): boolean => m?.type === T.MemberExpression && !m.computed && m.property.type === T.Identifier && m.property.name === 'config';
  if (isConfigMember(n)) return true;
  if (n.type !== T.Identifier) return false;
  for (let s: TSESLint.Scope.Scope | null = sourceCode.getScope(n); s; s = s.upper) {
    const v = s.set.get(n.name);
    if (!v) continue;
    const def = v.defs[0]?.node;
    if (def?.type !== T.VariableDeclarator) return false;
    if (isConfigMember(def.init)) return true;
    // `const { config } = error`
    return def.id.type === T.ObjectPattern && def.id.properties.some((p) => p.type === T.Property && p.key.type === T.Identifier && p.key.name === 'config' && p.value.type === T.Identifier && p.value.name === n.name);
  }
  return false;
}

/** The fix of a library adapter's suggestion: its edit, and the edits it needs elsewhere (an import). */
export function libraryFix(s: { range: [number, number]; text: string; also?: ReadonlyArray<{ range: [number, number]; text: string }> }): Fix {
  return (fixer) => [fixer.replaceTextRange(s.range, s.text), ...(s.also ?? []).map((e) => fixer.replaceTextRange(e.range, e.text))];
}

/** A cap for a delay made to grow from a constant one: 32 times it, at most 30 s (never below the constant itself). */
function growthCap(constantMs: number | undefined): number {
  return constantMs !== undefined && Number.isFinite(constantMs) && constantMs > 0 ? Math.max(Math.round(constantMs), Math.min(Math.round(constantMs) * 32, 30_000)) : 30_000;
}

/**
 * Growth for the constant wait of an error interceptor that replays the failed request
 * (`api(error.config)`): an attempt counter kept on the replayed config, stepped just before the
 * statement that waits (`config._backoffAttempt = (config._backoffAttempt ?? 0) + 1;`), and the
 * delay `Math.min(delay * 2 ** (config._backoffAttempt - 1), cap)`: the first replay waits what it
 * did, each later one twice as long. The counter travels with the request, as the interceptor's
 * own flags do. Undefined when the replayed config is not the failed request's, or the wait is
 * not in a statement of a block of the handler.
 */
export function growInterceptorFix(sourceCode: TSESLint.SourceCode, replay: TSESTree.Node, wait: TSESTree.Node, delay: TSESTree.Expression, constantMs: number | undefined, typescript: boolean, jitter = false): Fix | undefined {
  if (replay.type !== T.CallExpression) return undefined;
  const cfg = replay.arguments[0];
  if (!cfg || cfg.type === T.SpreadElement || !isRequestConfig(sourceCode, cfg)) return undefined;
  let stmt: TSESTree.Node | undefined = wait;
  while (stmt && !(stmt.parent?.type === T.BlockStatement && stmt.type.endsWith('Statement') || stmt.parent?.type === T.BlockStatement && stmt.type === T.VariableDeclaration)) {
    if (isFunctionNode(stmt)) return undefined;
    stmt = stmt.parent;
  }
  if (!stmt || !(stmt.range[1] <= replay.range[0] || (stmt.range[0] <= replay.range[0] && replay.range[1] <= stmt.range[1]))) return undefined;
  // The config must be readable where the counter is stepped: declared before that statement.
  if (cfg.type === T.Identifier) {
    const v = sourceCode.getScope(cfg).references.find((r) => r.identifier === cfg)?.resolved;
    const def = v?.defs[0]?.name;
    if (!def || def.range[0] > stmt.range[0]) return undefined;
  }
  const c = sourceCode.getText(cfg);
  const name = '_backoffAttempt';
  const counter = typescript ? `(${c} as { ${name}?: number }).${name}` : `${c}.${name}`;
  const indent = indentOf(sourceCode, stmt);
  const target = stmt;
  return (fixer) => [
    fixer.insertTextBefore(target, `${counter} = (${counter} ?? 0) + 1;\n${indent}`),
    replaceExpression(fixer, delay, `${jitter ? 'Math.random() * ' : ''}Math.min(${operandText(sourceCode, delay)} * 2 ** ((${counter} ?? 1) - 1), ${growthCap(constantMs)})`),
  ];
}

/**
 * Full jitter for a delay function a library calls (`retryDelay: (n) => Math.min(1000 * 2 ** n,
 * 30_000)`): each value it returns becomes `Math.random() * value`, so every wait is a random
 * part of what it was (never longer). Undefined when the function has a block body with a return
 * that is not a plain expression, or is not a function.
 */
export function jitterFunctionFix(sourceCode: TSESLint.SourceCode, fn: TSESTree.Node): Fix | undefined {
  if (fn.type !== T.ArrowFunctionExpression && fn.type !== T.FunctionExpression && fn.type !== T.FunctionDeclaration) return undefined;
  if (fn.async || fn.generator) return undefined;
  const returned: TSESTree.Expression[] = [];
  if (fn.body.type !== T.BlockStatement) returned.push(fn.body);
  else {
    let ok = true;
    const visit = (n: TSESTree.Node): void => {
      if (!ok || isFunctionNode(n)) return;
      if (n.type === T.ReturnStatement) {
        if (!n.argument) ok = false;
        else returned.push(n.argument);
        return;
      }
      for (const [k, v] of Object.entries(n)) {
        if (k === 'parent') continue;
        for (const ch of Array.isArray(v) ? v : [v]) if (ch && typeof ch === 'object' && typeof (ch as TSESTree.Node).type === 'string') visit(ch as TSESTree.Node);
      }
    };
    for (const s of fn.body.body) visit(s);
    if (!ok) return undefined;
  }
  if (returned.length === 0 || isShadowed(sourceCode, fn, 'Math')) return undefined;
  // A function that may return something other than a number (a `false` or `null` that stops) is left alone.
  if (returned.some((e) => (e.type === T.Literal && typeof e.value !== 'number') || (e.type === T.Identifier && e.name === 'undefined'))) return undefined;
  const edits = returned.filter((e) => !/\bMath\.random\s*\(/.test(sourceCode.getText(e)));
  if (edits.length === 0) return undefined;
  return (fixer) =>
    edits.map((e) => replaceExpression(fixer, e, `Math.random() * ${operandText(sourceCode, e)}`));
}

/**
 * A wait the loop calls but does not await (`if (!ok) pause(ms);`): the loop runs the next attempt
 * at once while the timer runs on its own. The fix awaits it (`await pause(ms)`), so the loop
 * waits the delay it already computes, with full jitter (a random part of it). Only in an async function, for a wait statement of the
 * loop itself (not inside a nested function), whose result is otherwise unused; `isWait` says
 * which calls wait (the analysis' own vocabulary).
 */
export function awaitWaitFix(sourceCode: TSESLint.SourceCode, loop: TSESTree.Node, isWait: (call: TSESTree.CallExpression) => boolean): Fix | undefined {
  if (!isLoopNode(loop)) return undefined;
  let fn: TSESTree.Node | undefined = loop.parent;
  while (fn && !isFunctionNode(fn)) fn = fn.parent;
  if (!fn || !(fn as TSESTree.FunctionLike).async) return undefined;
  const found: TSESTree.CallExpression[] = [];
  const visit = (n: TSESTree.Node): void => {
    if (isFunctionNode(n)) return;
    if (n.type === T.ExpressionStatement && n.expression.type === T.CallExpression && isWait(n.expression)) found.push(n.expression);
    for (const [k, v] of Object.entries(n)) {
      if (k === 'parent') continue;
      for (const c of Array.isArray(v) ? v : [v]) if (c && typeof c === 'object' && typeof (c as TSESTree.Node).type === 'string') visit(c as TSESTree.Node);
    }
  };
  visit((loop as TSESTree.WhileStatement).body);
  if (found.length !== 1) return undefined;
  const call = found[0]!;
  // Awaited, the wait must not trade this finding for require-jitter's: its delay gets full jitter.
  const delay = call.arguments[0];
  if (!delay || delay.type === T.SpreadElement) return undefined;
  const random = /\bMath\.random\s*\(/.test(sourceCode.getText(delay));
  return (fixer) => [fixer.insertTextBefore(call, 'await '), ...(random ? [] : [replaceExpression(fixer, delay, `Math.random() * ${operandText(sourceCode, delay)}`)])];
}
