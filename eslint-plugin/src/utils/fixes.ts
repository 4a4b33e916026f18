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
