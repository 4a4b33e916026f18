import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { ASTUtils, AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { unwrap } from './ast';
import type { Node } from './types';

type Variable = TSESLint.Scope.Variable;

/** Finds the variable an identifier refers to, through ESLint's scope analysis. */
export function variableOf(sourceCode: TSESLint.SourceCode, id: TSESTree.Identifier): Variable | undefined {
  try {
    const scope = sourceCode.getScope(id);
    return ASTUtils.findVariable(scope, id) ?? undefined;
  } catch {
    return undefined;
  }
}

/** The write references of a variable other than its declaration's initialiser. */
export function laterWrites(variable: Variable): TSESLint.Scope.Reference[] {
  return variable.references.filter((r) => r.isWrite() && !(r.init === true));
}

/**
 * The single value a variable is bound to, when it is a `const` (or a `let`/`var` never written
 * after its initialiser): the initialiser expression, a destructuring's source, or a parameter's default.
 */
export interface Binding {
  kind: 'init' | 'param-default' | 'param' | 'import' | 'destructured' | 'function' | 'other';
  /** The initialiser, default value, or function node. */
  node: Node | undefined;
  /** For destructuring: the property path from `node` (e.g. `['retries']` for `const { retries } = opts`). */
  path: string[];
  /** True when the variable is never reassigned. */
  stable: boolean;
  variable: Variable;
}

/** Resolves what a variable is bound to. */
export function bindingOf(variable: Variable): Binding | undefined {
  const def = variable.defs[0];
  if (!def) return undefined;
  const stable = laterWrites(variable).length === 0;
  if (def.type === 'ImportBinding') return { kind: 'import', node: def.node, path: [], stable: true, variable };
  if (def.type === 'FunctionName') return { kind: 'function', node: def.node, path: [], stable, variable };
  if (def.type === 'Parameter') {
    // `function f(x = 3)`, `function f({ retries = 3 } = {})`
    const found = findInPattern(def.name as TSESTree.Identifier);
    if (found.defaultValue) return { kind: 'param-default', node: found.defaultValue, path: [], stable, variable };
    return { kind: 'param', node: def.node, path: found.path, stable, variable };
  }
  if (def.type === 'Variable') {
    const decl = def.node;
    const id = def.name as TSESTree.Identifier;
    if (decl.id.type === T.Identifier) return { kind: 'init', node: decl.init ?? undefined, path: [], stable, variable };
    const found = findInPattern(id);
    if (found.defaultValue) return { kind: 'param-default', node: found.defaultValue, path: [], stable, variable };
    return { kind: 'destructured', node: decl.init ?? undefined, path: found.path, stable, variable };
  }
  return { kind: 'other', node: def.node, path: [], stable, variable };
}

/** For an identifier inside a destructuring pattern: the property path to it and its default value. */
function findInPattern(id: TSESTree.Identifier): { path: string[]; defaultValue: Node | undefined } {
  const path: string[] = [];
  let defaultValue: Node | undefined;
  let node: Node = id;
  let parent = node.parent;
  while (parent) {
    if (parent.type === T.AssignmentPattern && parent.left === node) {
      defaultValue ??= parent.right;
    } else if (parent.type === T.Property && parent.value === node) {
      const key = parent.key;
      path.unshift(!parent.computed && key.type === T.Identifier ? key.name : key.type === T.Literal ? String(key.value) : '?');
    } else if (parent.type === T.ArrayPattern) {
      path.unshift(String(parent.elements.indexOf(node as TSESTree.DestructuringPattern)));
    } else if (parent.type !== T.ObjectPattern && parent.type !== T.RestElement) {
      break;
    }
    node = parent;
    parent = node.parent;
  }
  return { path, defaultValue };
}

/** Where a value comes from in terms of a module: `{ module: 'axios', path: ['default', 'create', '()'] }`. */
export interface Origin {
  module: string;
  /**
   * Property path from the module object. `default` for a default import; `()` for a call's result;
   * `new` for a construction. A CommonJS `require` result has an empty path.
   */
  path: string[];
}

/**
 * Resolves where an expression's value comes from, following imports, `require`, `const`
 * bindings, member accesses, calls and `new`. Returns undefined for anything local or unknown.
 */
export function originOf(sourceCode: TSESLint.SourceCode, expr: Node | null | undefined, depth = 0): Origin | undefined {
  const n = unwrap(expr);
  if (!n || depth > 12) return undefined;
  switch (n.type) {
    case T.Identifier: {
      const v = variableOf(sourceCode, n);
      if (!v) return undefined;
      const b = bindingOf(v);
      if (!b) return undefined;
      if (b.kind === 'import' && b.node?.type === T.TSImportEqualsDeclaration) {
        // TypeScript's `import fs = require('fs')` (or `import x = Ns.member`, which is local).
        const ref = b.node.moduleReference;
        if (ref.type !== T.TSExternalModuleReference || ref.expression.type !== T.Literal) return undefined;
        return { module: String(ref.expression.value), path: [] };
      }
      if (b.kind === 'import') {
        const spec = b.node as TSESTree.ImportClause;
        const decl = spec.parent as TSESTree.ImportDeclaration;
        const module = String(decl.source.value);
        if (spec.type === T.ImportDefaultSpecifier) return { module, path: ['default'] };
        if (spec.type === T.ImportNamespaceSpecifier) return { module, path: [] };
        const imported = spec.imported.type === T.Identifier ? spec.imported.name : String(spec.imported.value);
        return { module, path: [imported] };
      }
      if (!b.stable) return undefined;
      if (b.kind === 'init' || b.kind === 'destructured') {
        const base = originOf(sourceCode, b.node, depth + 1);
        return base ? { module: base.module, path: [...base.path, ...b.path] } : undefined;
      }
      if (b.kind === 'param-default') return undefined;
      return undefined;
    }
    case T.MemberExpression: {
      const base = originOf(sourceCode, n.object, depth + 1);
      if (!base) return undefined;
      const name = !n.computed && n.property.type === T.Identifier ? n.property.name : n.property.type === T.Literal ? String(n.property.value) : '?';
      return { module: base.module, path: [...base.path, name] };
    }
    case T.SequenceExpression:
      // TypeScript's CommonJS emit calls imports as `(0, module_1.default)(…)`.
      return originOf(sourceCode, n.expressions[n.expressions.length - 1], depth + 1);
    case T.CallExpression: {
      const callee = unwrap(n.callee);
      // `__importDefault(require('x'))`, `__importStar(…)`, Babel's `_interopRequireDefault(…)`: the module, as `.default`.
      if (callee.type === T.Identifier && /^(__importDefault|__importStar|_interopRequireDefault|_interopRequireWildcard|__toESM)$/.test(callee.name) && n.arguments[0]) {
        return originOf(sourceCode, n.arguments[0], depth + 1);
      }
      if (callee.type === T.Identifier && callee.name === 'require' && n.arguments.length === 1) {
        const arg = unwrap(n.arguments[0]);
        if (arg && arg.type === T.Literal && typeof arg.value === 'string') return { module: arg.value, path: [] };
        return undefined;
      }
      const base = originOf(sourceCode, callee, depth + 1);
      return base ? { module: base.module, path: [...base.path, '()'] } : undefined;
    }
    case T.NewExpression: {
      const base = originOf(sourceCode, n.callee, depth + 1);
      return base ? { module: base.module, path: [...base.path, 'new'] } : undefined;
    }
    case T.AwaitExpression:
      return originOf(sourceCode, n.argument, depth + 1);
    case T.ImportExpression: {
      const src = unwrap(n.source);
      if (src.type === T.Literal && typeof src.value === 'string') return { module: src.value, path: [] };
      return undefined;
    }
    default:
      return undefined;
  }
}

/**
 * Normalises an origin path for matching: drops a leading `default` (ESM default import and
 * CommonJS interop are the same object for the packages we model) so `import x from 'm'` and
 * `const x = require('m')` both yield `[]`.
 */
export function normalPath(origin: Origin): string[] {
  return origin.path[0] === 'default' ? origin.path.slice(1) : origin.path;
}

/** Whether `origin` is the export `name` of one of `modules` (`'default'` for the module's main export). */
export function isExport(origin: Origin | undefined, modules: string | readonly string[], name: string): boolean {
  if (!origin) return false;
  const mods = typeof modules === 'string' ? [modules] : modules;
  if (!mods.includes(origin.module)) return false;
  const p = normalPath(origin);
  if (name === 'default') return p.length === 0;
  return p.length === 1 && p[0] === name;
}
