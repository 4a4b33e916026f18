import { AST_NODE_TYPES } from '@typescript-eslint/utils';

/**
 * The AST node types (`T.CallExpression`), held as a plain value. `@typescript-eslint/utils`
 * re-exports the enum through two getters, so each `AST_NODE_TYPES.X` read from its import costs
 * two calls, which V8 does not always inline; the analysis reads node types on every node it
 * visits, and those calls were about a tenth of its time on real packages (BENCHMARKS.md).
 */
export const T = AST_NODE_TYPES;
/** Any AST node type (the enum's type, for `x.type as T`). */
export type T = AST_NODE_TYPES;
