import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { ASTUtils, AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { isFunction, propertyName, unwrap, walk } from './ast';
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
  /**
   * For destructuring: the property path of the variable in its pattern (e.g. `['retries']` for
   * `const { retries } = opts` or `function f({ retries = 3 })`); for `destructured` it is the path from `node`.
   */
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
    if (found.defaultValue) return { kind: 'param-default', node: found.defaultValue, path: found.path, stable, variable };
    return { kind: 'param', node: def.node, path: found.path, stable, variable };
  }
  if (def.type === 'Variable') {
    const decl = def.node;
    const id = def.name as TSESTree.Identifier;
    if (decl.id.type === T.Identifier) return { kind: 'init', node: decl.init ?? undefined, path: [], stable, variable };
    const found = findInPattern(id);
    if (found.defaultValue) return { kind: 'param-default', node: found.defaultValue, path: found.path, stable, variable };
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

type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/** What the analysis knows of one class field read through `this.name`. */
export interface FieldInfo {
  /** The class that declares or assigns the field. */
  owner: ClassNode;
  name: string;
  /** The field's initialiser (`restMs = 2500`), when it has one. */
  initializer: TSESTree.Expression | undefined;
  /** The field is a constructor parameter property (`constructor(private readonly gapMs: number)`). */
  parameterProperty: TSESTree.TSParameterProperty | undefined;
  /** Values assigned with `this.name = value` in the constructor (straight construction). */
  constructorWrites: TSESTree.Expression[];
  /** Every other write (`this.name = …`, `this.name++`, `this.name *= 2`) in a method or callback. */
  otherWrites: Node[];
}

/** The class whose body holds `node` (the nearest one; arrow functions keep `this`). */
function enclosingClass(node: Node): ClassNode | undefined {
  for (let p: Node | undefined = node.parent; p; p = p.parent) {
    if (p.type === T.ClassBody) return p.parent as ClassNode;
    if (p.type === T.FunctionDeclaration || p.type === T.FunctionExpression) {
      // A method's function expression: keep going up to its class body.
      if (p.parent?.type === T.MethodDefinition || p.parent?.type === T.PropertyDefinition) continue;
      return undefined;
    }
  }
  return undefined;
}

/** The write target of an assignment or update, when `node` is one. */
function writeTarget(node: Node): Node | undefined {
  if (node.type === T.AssignmentExpression) return node.left;
  if (node.type === T.UpdateExpression) return node.argument;
  return undefined;
}

/**
 * Resolves `this.name` to its class field: the initialiser, a constructor parameter property,
 * the constructor's assignments and every other write in the class. Undefined when `member` is
 * not a `this` member inside a class (a plain function's `this` is unknown).
 */
export function fieldOf(member: TSESTree.MemberExpression): FieldInfo | undefined {
  if (unwrap(member.object).type !== T.ThisExpression) return undefined;
  const name = propertyName(member);
  const owner = enclosingClass(member);
  if (!name || !owner) return undefined;
  const info: FieldInfo = { owner, name, initializer: undefined, parameterProperty: undefined, constructorWrites: [], otherWrites: [] };
  let ctor: Node | undefined;
  for (const m of owner.body.body) {
    if (m.type === T.PropertyDefinition && !m.static && propertyName(m) === name) info.initializer = m.value ?? undefined;
    if (m.type === T.MethodDefinition && m.kind === 'constructor') {
      ctor = m.value;
      for (const p of m.value.params) {
        if (p.type !== T.TSParameterProperty) continue;
        const id = p.parameter.type === T.AssignmentPattern ? p.parameter.left : p.parameter;
        if (id.type === T.Identifier && id.name === name) info.parameterProperty = p;
      }
    }
  }
  const visit = (root: Node, inCtor: boolean): void => {
    const stack: { n: Node; ctor: boolean }[] = [{ n: root, ctor: inCtor }];
    while (stack.length > 0) {
      const { n, ctor: c } = stack.pop()!;
      const t = writeTarget(n);
      const u = t && unwrap(t);
      if (u && u.type === T.MemberExpression && unwrap(u.object).type === T.ThisExpression && propertyName(u) === name) {
        if (c && n.type === T.AssignmentExpression && n.operator === '=' && enclosingClass(n) === owner) info.constructorWrites.push(n.right);
        else info.otherWrites.push(n);
      }
      // A nested class has its own `this`; a callback inside the constructor may run later.
      if (n !== root && (n.type === T.ClassDeclaration || n.type === T.ClassExpression)) continue;
      const nested = n !== root && isFunction(n) && n.type !== T.ArrowFunctionExpression;
      if (nested) continue;
      for (const k of childNodes(n)) stack.push({ n: k, ctor: c && !(n !== root && isFunction(n)) });
    }
  };
  for (const m of owner.body.body) {
    if (m.type === T.MethodDefinition) visit(m.value.body ?? m.value, m.value === ctor);
    else if (m.type === T.PropertyDefinition && m.value) visit(m.value, false);
    else if (m.type === T.StaticBlock) visit(m, false);
  }
  return info;
}

/** Child nodes by plain property walk (no visitor keys needed: used on class bodies only). */
function childNodes(node: Node): Node[] {
  const out: Node[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === 'parent' || key === 'loc' || key === 'range') continue;
    if (Array.isArray(value)) {
      for (const v of value) if (v && typeof v === 'object' && typeof (v as { type?: unknown }).type === 'string') out.push(v as Node);
    } else if (value && typeof value === 'object' && typeof (value as { type?: unknown }).type === 'string') {
      out.push(value as Node);
    }
  }
  return out;
}

/**
 * Whether anything writes to the member path `member` (`opts.delayMs`, `this.cfg.gap`): an
 * assignment, compound assignment or update whose target is that path, a prefix of it, or a
 * computed member of one of its prefixes. Searched in `region` (a function, a loop, the file).
 */
export function memberWritten(sourceCode: TSESLint.SourceCode, member: TSESTree.MemberExpression, region: Node): boolean {
  const text = sourceCode.getText(member);
  const prefixes = new Set<string>();
  for (let m: Node = member; m.type === T.MemberExpression; m = unwrap(m.object)) prefixes.add(sourceCode.getText(m));
  let found = false;
  walk(region, sourceCode.visitorKeys, (n) => {
    if (found) return false;
    const t = writeTarget(n);
    const u = t && unwrap(t);
    if (u && u.type === T.MemberExpression) {
      const w = sourceCode.getText(u);
      if (prefixes.has(w) || w.startsWith(`${text}.`) || w.startsWith(`${text}[`)) found = true;
      else if (u.computed && prefixes.has(sourceCode.getText(u.object))) found = true;
    }
    // `Object.assign(opts, …)` writes every member of `opts`.
    if (n.type === T.CallExpression && n.arguments[0] && unwrap(n.callee).type === T.MemberExpression) {
      const c = unwrap(n.callee) as TSESTree.MemberExpression;
      if (propertyName(c) === 'assign' && unwrap(c.object).type === T.Identifier && (unwrap(c.object) as TSESTree.Identifier).name === 'Object' && prefixes.has(sourceCode.getText(unwrap(n.arguments[0])))) found = true;
    }
    return undefined;
  });
  return found;
}
