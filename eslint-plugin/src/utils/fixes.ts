import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';

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
  return (fixer) => [fixer.insertTextBeforeRange([loop.range[0], loop.range[0]], `const ${name} = ${text};\n${indent}`), fixer.replaceText(expr, name)];
}

/** Whether an expression reads a variable declared inside `region` (it would not exist before it). */
function readsInnerVariable(sourceCode: TSESLint.SourceCode, expr: TSESTree.Node, region: TSESTree.Node): boolean {
  const scope = sourceCode.getScope(expr);
  let s: TSESLint.Scope.Scope | null = scope;
  const inner: TSESLint.Scope.Variable[] = [];
  while (s) {
    for (const v of s.variables) {
      const def = v.defs[0];
      if (def && def.name.range[0] >= region.range[0] && def.name.range[1] <= region.range[1]) inner.push(v);
    }
    s = s.upper;
  }
  return inner.some((v) => v.references.some((r) => r.identifier.range[0] >= expr.range[0] && r.identifier.range[1] <= expr.range[1]));
}

/** `preferred`, or `preferred2`, … : a name not declared in any scope visible at `node` (the replaced expression). */
function freeName(sourceCode: TSESLint.SourceCode, node: TSESTree.Node, preferred: string): string {
  const taken = new Set<string>();
  let s: TSESLint.Scope.Scope | null = sourceCode.getScope(node);
  while (s) {
    for (const v of s.variables) taken.add(v.name);
    for (const r of s.through) taken.add(r.identifier.name);
    s = s.upper;
  }
  let name = preferred;
  for (let i = 2; taken.has(name); i++) name = `${preferred}${i}`;
  return name;
}

/**
 * Describes a delay for a message, saying no more than the analysis knows: a number only when it
 * is known, randomness when there is some, and for a delay whose number is unknown but which the
 * retry never changes, the expression as written.
 */
export function describeDelay(
  d: { growing: boolean; maxMs: number; opaque: boolean; maxReason: string; random?: boolean; invariant?: boolean; expression?: TSESTree.Node; unitAssumed?: TSESTree.Node },
  sourceCode?: TSESLint.SourceCode,
): string {
  const known = !d.opaque && Number.isFinite(d.maxMs);
  // A helper known only by its name: its unit is not seen, so name the call rather than a number of ms.
  if (d.unitAssumed && sourceCode) {
    const raw = sourceCode.getText(d.unitAssumed).replace(/\s+/g, ' ');
    const text = raw.length > 48 ? `${raw.slice(0, 47)}…` : raw;
    if (!d.growing && d.random) return `a random \`${text}\` wait that does not grow`;
    if (!d.growing && (known || d.invariant)) return `a fixed \`${text}\` wait`;
    return d.growing ? `a growing \`${text}\` wait` : `this \`${text}\` wait`;
  }
  if (!d.growing && known && d.random) return `a random wait of at most ${Math.round(d.maxMs)} ms that does not grow`;
  if (!d.growing && known) return `a fixed ${Math.round(d.maxMs)} ms wait`;
  if (!d.growing && d.invariant && d.expression && sourceCode) {
    const text = sourceCode.getText(d.expression).replace(/\s+/g, ' ');
    return `a wait of \`${text.length > 48 ? `${text.slice(0, 47)}…` : text}\` on every attempt`;
  }
  if (d.growing && d.maxReason === 'known' && Number.isFinite(d.maxMs)) return `a wait that grows to ${Math.round(d.maxMs)} ms`;
  if (d.growing && d.maxReason === 'opaque') return 'a wait that changes with the attempt';
  if (d.growing) return 'a growing wait';
  return 'this wait';
}
