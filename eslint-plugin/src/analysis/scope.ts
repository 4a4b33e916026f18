import { packageEntry } from './package-entry';
export { packageEntry };
import { fileMemo } from './memo';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { ASTUtils } from '@typescript-eslint/utils';
import { T } from './node-types';
import { isFunction, propertyName, unwrap, walk } from './ast';
import type { Node } from './types';
import { REACT_HOOK_MODULES, REF_HOOKS } from './vocabulary';

type Variable = TSESLint.Scope.Variable;

/** The variable of each identifier already looked up (`null`: none). Scopes do not change during a lint. */
const variables = fileMemo<TSESTree.Identifier, Variable | null>();

/**
 * Finds the variable an identifier refers to, through ESLint's scope analysis. Memoised per
 * identifier: a lookup walks up every enclosing scope, and nested retries asked it again per
 * enclosing loop (cubic in the nesting depth).
 */
export function variableOf(sourceCode: TSESLint.SourceCode, id: TSESTree.Identifier): Variable | undefined {
  const hit = variables.get(id);
  if (hit !== undefined) return hit ?? undefined;
  let found: Variable | null = null;
  try {
    found = findVariable(sourceCode.getScope(id), id);
  } catch {
    // ESLint's scope manager has no scope for a node outside the linted tree (a synthetic node).
  }
  variables.set(id, found);
  return found ?? undefined;
}

/** The identifiers of each variable's references, as a set (memoised per variable). */
const referenceIds = fileMemo<Variable, Set<TSESTree.Node>>();

/**
 * Whether `node` is one of the variable's reference identifiers (a read or write of it). The same
 * as `variable.references.some((r) => r.identifier === node)` in constant time: a variable read
 * in thousands of places (`axios`, a function every other calls) was scanned once per identifier.
 */
export function isReferenceTo(variable: Variable, node: Node | undefined): boolean {
  if (!node) return false;
  let ids = referenceIds.get(variable);
  if (!ids) {
    ids = new Set(variable.references.map((r) => r.identifier as TSESTree.Node));
    referenceIds.set(variable, ids);
  }
  return ids.has(node);
}

type Scope = TSESLint.Scope.Scope;

/** Per scope, its child scopes sorted by where their block starts, when no two of them overlap (else null). */
const sortedChildren = fileMemo<Scope, { start: number; end: number; scope: Scope }[] | null>();

/**
 * The child scope whose block holds `location`, as eslint-utils' `getInnermostScope` picks it (the
 * first in `childScopes` order), by binary search when the children's blocks do not overlap (the
 * usual case): a module of thousands of functions made every lookup at its top level scan them all.
 */
function childAt(scope: Scope, location: number): Scope | undefined {
  let sorted = sortedChildren.get(scope);
  if (sorted === undefined) {
    sorted = scope.childScopes.map((c) => ({ start: c.block.range[0], end: c.block.range[1], scope: c })).sort((a, b) => a.start - b.start);
    for (let i = 1; i < sorted.length; i++) if (sorted[i]!.start < sorted[i - 1]!.end) { sorted = null; break; }
    sortedChildren.set(scope, sorted);
  }
  if (sorted === null) return scope.childScopes.find((c) => c.block.range[0] <= location && location < c.block.range[1]);
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = sorted[mid]!;
    if (location < c.start) hi = mid - 1;
    else if (location >= c.end) lo = mid + 1;
    else return c.scope;
  }
  return undefined;
}

/** eslint-utils' `findVariable(scope, identifier)`, with the descent to the innermost scope by `childAt`. */
function findVariable(initial: Scope, id: TSESTree.Identifier): Variable | null {
  let scope: Scope | null = initial;
  for (let c = childAt(scope, id.range[0]); c; c = childAt(scope, id.range[0])) scope = c;
  for (; scope; scope = scope.upper) {
    const v = scope.set.get(id.name);
    if (v) return v;
  }
  return null;
}

const laterWritesCache = new WeakMap<Variable, TSESLint.Scope.Reference[]>();

/**
 * The write references of a variable other than its declaration's initialiser. Memoised per
 * variable (its references are fixed once the scope manager ran): a binding read at each of n uses
 * (`axios` at each `axios.get`) scanned all n references every time, O(n²).
 */
export function laterWrites(variable: Variable): readonly TSESLint.Scope.Reference[] {
  let hit = laterWritesCache.get(variable);
  if (!hit) {
    hit = variable.references.filter((r) => r.isWrite() && !(r.init === true));
    laterWritesCache.set(variable, hit);
  }
  return hit;
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

const bindingCache = new WeakMap<Variable, Binding | null>();

/** Resolves what a variable is bound to. Memoised per variable; the binding is shared, never to be changed. */
/**
 * The declarator of a local that holds `this` (`var _this = this`, `const self = this`, as ES5 code
 * and TypeScript's ES5 output write it), declared once and never written again; undefined otherwise.
 */
export function thisAliasDeclarator(sourceCode: TSESLint.SourceCode, o: Node): TSESTree.VariableDeclarator | undefined {
  if (o.type !== T.Identifier) return undefined;
  const v = variableOf(sourceCode, o);
  const def = v?.defs[0];
  if (!v || v.defs.length !== 1 || def?.type !== 'Variable' || !def.node.init || unwrap(def.node.init).type !== T.ThisExpression) return undefined;
  return v.references.every((r) => r.init || !r.isWrite()) ? def.node : undefined;
}

/**
 * The initialiser of the `const` an identifier names (`const used = this.tries.get(id) ?? 0`), or
 * undefined for anything else (a `let`, a parameter, a destructured name, a global).
 */
export function constInit(sourceCode: TSESLint.SourceCode, id: Node): TSESTree.Expression | undefined {
  if (id.type !== T.Identifier) return undefined;
  const def = variableOf(sourceCode, id)?.defs[0];
  return def?.type === 'Variable' && def.parent.kind === 'const' && def.node.id.type === T.Identifier && def.node.init ? def.node.init : undefined;
}

export function bindingOf(variable: Variable): Binding | undefined {
  let hit = bindingCache.get(variable);
  if (hit === undefined) {
    hit = resolveBinding(variable) ?? null;
    bindingCache.set(variable, hit);
  }
  return hit ?? undefined;
}

function resolveBinding(variable: Variable): Binding | undefined {
  const def = variable.defs[0];
  if (!def) return undefined;
  const stable = laterWrites(variable).length === 0;
  if (def.type === 'ImportBinding') return { kind: 'import', node: def.node, path: [], stable: true, variable };
  if (def.type === 'FunctionName') {
    // TypeScript overloads (`function f(a: string): R; function f(a: string, b?: number): R; function f(…) {…}`)
    // declare the name once per signature: the one with a body is the function.
    const impl = variable.defs.find((d) => d.type === 'FunctionName' && d.node.type === T.FunctionDeclaration) ?? def;
    return { kind: 'function', node: impl.node, path: [], stable: laterWrites(variable).length === 0, variable };
  }
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
 * Globals that a library's browser build defines when it is loaded by a `<script>` tag (its UMD
 * or IIFE bundle's global name, read from each package's `dist` build): code that uses them
 * without an import, where the project declares the global (a `/* global io *\/` comment, an
 * ESLint `globals` setting) or reads it from the global object (`window.io`), uses that library.
 * A free name nobody declares is not enough: it may be anything the page defines.
 */
const SCRIPT_GLOBALS: ReadonlyMap<string, string> = new Map([
  ['io', 'socket.io-client'], // socket.io-client `dist/socket.io.js`: `window.io`
  ['signalR', '@microsoft/signalr'], // `dist/browser/signalr.js`: `window.signalR`
  ['ReconnectingWebSocket', 'reconnecting-websocket'], // `dist/reconnecting-websocket-iife.js`
  ['axios', 'axios'], // `dist/axios.js`: `window.axios`
  ['mqtt', 'mqtt'], // `dist/mqtt.min.js` (browserified): `window.mqtt`
]);

/**
 * Names a framework puts in scope without an import, each standing for one library: Nuxt 3's and
 * Nitro's auto-imported `$fetch` is ofetch's `$fetch` (nuxt `imports` presets, nitropack
 * `runtime/internal/app`). The `$` spelling is theirs alone, so a free `$fetch` needs no declaration.
 */
const AUTO_IMPORTS: ReadonlyMap<string, Origin> = new Map([['$fetch', { module: 'ofetch', path: ['$fetch'] }]]);

/** The objects through which a script-tag global is also read. */
const GLOBAL_OBJECTS = new Set(['window', 'globalThis', 'self']);

/** The origin of an unbound (global) name that a library's browser build defines, else undefined. */
function scriptGlobalOrigin(name: string): Origin | undefined {
  const module = SCRIPT_GLOBALS.get(name);
  return module ? { module, path: [] } : undefined;
}

/**
 * The modules whose script-tag globals (see SCRIPT_GLOBALS) the file reads: declared globals
 * (`/* global io *\/`, ESLint `globals`) or a global object's member (`window.io`). Memoised per file.
 */
export function scriptGlobalModules(sourceCode: TSESLint.SourceCode): ReadonlySet<string> {
  const hit = scriptModulesMemo.get(sourceCode.ast);
  if (hit) return hit;
  const out = new Set<string>();
  const global = sourceCode.scopeManager?.globalScope;
  if (global) {
    const note = (name: string): void => {
      const m = SCRIPT_GLOBALS.get(name);
      if (m) out.add(m);
    };
    // `window.io`: the member read through a global object.
    const noteMember = (id: TSESTree.Node): void => {
      const parent = id.parent;
      if (parent?.type === T.MemberExpression && parent.object === id && !parent.computed && parent.property.type === T.Identifier) note(parent.property.name);
    };
    for (const r of global.through) {
      if (GLOBAL_OBJECTS.has(r.identifier.name)) noteMember(r.identifier as TSESTree.Node);
      const auto = AUTO_IMPORTS.get(r.identifier.name);
      if (auto) out.add(auto.module);
    }
    for (const v of global.variables) {
      if (v.defs.length > 0 || v.references.length === 0) continue;
      note(v.name);
      if (GLOBAL_OBJECTS.has(v.name)) for (const r of v.references) noteMember(r.identifier as TSESTree.Node);
    }
  }
  scriptModulesMemo.set(sourceCode.ast, out);
  return out;
}
const scriptModulesMemo = new WeakMap<object, ReadonlySet<string>>();

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
      if (!v) return AUTO_IMPORTS.get(n.name);
      // A global the project declares (a `/* global io *\/` comment, ESLint `globals`): its library, if it is one's script-tag global.
      if (v.defs.length === 0) return scriptGlobalOrigin(n.name);
      const b = bindingOf(v);
      if (!b) return undefined;
      if (b.kind === 'import' && b.node?.type === T.TSImportEqualsDeclaration) {
        // TypeScript's `import fs = require('fs')` (or `import x = Ns.member`, which is local).
        const ref = b.node.moduleReference;
        if (ref.type !== T.TSExternalModuleReference || ref.expression.type !== T.Literal) return undefined;
        return { module: packageEntry(String(ref.expression.value)), path: [] };
      }
      if (b.kind === 'import') {
        const spec = b.node as TSESTree.ImportClause;
        const decl = spec.parent as TSESTree.ImportDeclaration;
        const module = packageEntry(String(decl.source.value));
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
      // `function f(client = axios.create())`: the default is the known value (PRODUCT).
      if (b.kind === 'param-default' && b.path.length === 0) return originOf(sourceCode, b.node, depth + 1);
      return undefined;
    }
    case T.MemberExpression: {
      // `window.io(…)`, `globalThis.signalR`: a script-tag global read through the global object.
      const holder = unwrap(n.object);
      if (holder.type === T.Identifier && GLOBAL_OBJECTS.has(holder.name) && !n.computed && n.property.type === T.Identifier) {
        const hv = variableOf(sourceCode, holder);
        if (!hv || hv.defs.length === 0) return scriptGlobalOrigin(n.property.name);
      }
      if (unwrap(n.object).type === T.ThisExpression) {
        // `this.client`: the field's initialiser or constructor assignment, when nothing else writes it.
        const r = resolveExpression(sourceCode, n, depth + 1);
        const target = r.kind === 'value' ? r.node : r.kind === 'unknown' && r.provenance === 'call' ? r.node : undefined;
        return target && target !== n ? originOf(sourceCode, target, depth + 1) : undefined;
      }
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
        if (arg && arg.type === T.Literal && typeof arg.value === 'string') return { module: packageEntry(arg.value), path: [] };
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
      if (src.type === T.Literal && typeof src.value === 'string') return { module: packageEntry(src.value), path: [] };
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
/**
 * A React ref's mutable cell (`const ref = useRef(init)`, read and written as `ref.current`, from
 * react or preact/hooks): like a class field, its value is the initialiser until a write replaces it.
 */
export interface RefCell {
  /** The `useRef` argument, when there is one. */
  initializer: TSESTree.Expression | undefined;
  /** Every `ref.current = …`, `ref.current *= …`, `ref.current++` in the file. */
  writes: Node[];
  /** Whether a node reads the same cell: `ref.current`. */
  same(m: Node): boolean;
}

/** The ref cell `member` reads (`ref.current` of `const ref = useRef(…)`), else undefined. */
export function refCellOf(member: TSESTree.MemberExpression, sourceCode: TSESLint.SourceCode): RefCell | undefined {
  if (member.computed || propertyName(member) !== 'current') return undefined;
  const object = unwrap(member.object);
  if (object.type !== T.Identifier) return undefined;
  const v = variableOf(sourceCode, object);
  const def = v?.defs.length === 1 ? v.defs[0]!.node : undefined;
  if (!v || def?.type !== T.VariableDeclarator || def.id.type !== T.Identifier || !def.init || v.references.some((r) => r.isWrite() && r.writeExpr !== def.init)) return undefined;
  const init = unwrap(def.init);
  if (init.type !== T.CallExpression) return undefined;
  const origin = originOf(sourceCode, init.callee);
  const path = origin ? normalPath(origin) : [];
  if (!origin || !REACT_HOOK_MODULES.includes(origin.module) || path.length !== 1 || !REF_HOOKS.includes(path[0]!)) return undefined;
  const isCell = (m: Node): boolean => {
    const u = unwrap(m);
    return u.type === T.MemberExpression && !u.computed && propertyName(u) === 'current' && unwrap(u.object).type === T.Identifier && isReferenceTo(v, unwrap(u.object));
  };
  const writes: Node[] = [];
  for (const r of v.references) {
    const parent = (r.identifier as TSESTree.Node).parent;
    if (!parent || !isCell(parent)) continue;
    const host = parent.parent;
    if (host?.type === T.AssignmentExpression && host.left === parent) writes.push(host);
    else if (host?.type === T.UpdateExpression) writes.push(host);
  }
  const first = init.arguments[0];
  return { initializer: first && first.type !== T.SpreadElement ? first : undefined, writes, same: isCell };
}

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
  return fieldIn(owner, name);
}

/** The field `name` of a class of this file: its initialiser, parameter property and writes (see {@link fieldOf}). */
export function fieldIn(owner: TSESTree.ClassDeclaration | TSESTree.ClassExpression, name: string): FieldInfo {
  const cls = classFields(owner);
  let info = cls.fields.get(name);
  if (info) return info;
  const writes = cls.writes.get(name);
  info = { owner, name, initializer: undefined, parameterProperty: undefined, constructorWrites: writes ? writes.constructorWrites : [], otherWrites: writes ? writes.otherWrites : [] };
  for (const m of owner.body.body) {
    if (m.type === T.PropertyDefinition && !m.static && propertyName(m) === name) info.initializer = m.value ?? undefined;
    if (m.type === T.MethodDefinition && m.kind === 'constructor') {
      for (const p of m.value.params) {
        if (p.type !== T.TSParameterProperty) continue;
        const id = p.parameter.type === T.AssignmentPattern ? p.parameter.left : p.parameter;
        if (id.type === T.Identifier && id.name === name) info.parameterProperty = p;
      }
    }
  }
  cls.fields.set(name, info);
  return info;
}

/**
 * The same-file class an expression is an instance of, when the code says so: `new Cls(…)`, a
 * `const` holding one, a parameter, variable or field annotated `: Cls` (a constructor parameter
 * property included), or a field whose every write constructs `Cls`. Only a class no other class of
 * the file extends and that is not abstract: a method looked up on it is the one that runs.
 */
export function instanceClassOf(sourceCode: TSESLint.SourceCode, expr: Node, depth = 0): TSESTree.ClassDeclaration | undefined {
  if (depth > 4) return undefined;
  const e = unwrap(expr);
  if (e.type === T.NewExpression) return classNamed(sourceCode, e.callee);
  if (e.type === T.Identifier) {
    const v = variableOf(sourceCode, e);
    const def = v?.defs.length === 1 ? v.defs[0] : undefined;
    if (!def) return undefined;
    const id = def.name as TSESTree.Identifier;
    const annotated = id.typeAnnotation ? classOfType(sourceCode, id.typeAnnotation.typeAnnotation) : undefined;
    if (annotated) return annotated;
    if (def.type === 'Variable' && def.parent.kind === 'const' && def.node.init) return instanceClassOf(sourceCode, def.node.init, depth + 1);
    return undefined;
  }
  if (e.type === T.MemberExpression && unwrap(e.object).type === T.ThisExpression) {
    const f = fieldOf(e);
    if (!f || f.otherWrites.length > 0) return undefined;
    const param = f.parameterProperty?.parameter;
    const pid = param?.type === T.AssignmentPattern ? param.left : param;
    if (pid?.type === T.Identifier && pid.typeAnnotation) return classOfType(sourceCode, pid.typeAnnotation.typeAnnotation);
    const decl = f.owner.body.body.find((m): m is TSESTree.PropertyDefinition => m.type === T.PropertyDefinition && !m.static && propertyName(m) === f.name);
    if (decl?.typeAnnotation) return classOfType(sourceCode, decl.typeAnnotation.typeAnnotation);
    const starts = [...(f.initializer ? [f.initializer] : []), ...f.constructorWrites];
    const classes = starts.map((w) => instanceClassOf(sourceCode, w, depth + 1));
    return classes.length > 0 && classes.every((c) => c && c === classes[0]) ? classes[0] : undefined;
  }
  return undefined;
}

/** The same-file class a type annotation names (`Cls`), see {@link instanceClassOf}. */
function classOfType(sourceCode: TSESLint.SourceCode, t: TSESTree.TypeNode): TSESTree.ClassDeclaration | undefined {
  return t.type === T.TSTypeReference && t.typeName.type === T.Identifier && !t.typeArguments ? classNamed(sourceCode, t.typeName) : undefined;
}

/** A top-level class declaration of this file by the name `id` holds, when nothing extends it and it is not abstract. */
function classNamed(sourceCode: TSESLint.SourceCode, id: Node): TSESTree.ClassDeclaration | undefined {
  const u = unwrap(id);
  if (u.type !== T.Identifier) return undefined;
  const classes: TSESTree.ClassDeclaration[] = [];
  for (const st of sourceCode.ast.body) {
    const d = st.type === T.ExportNamedDeclaration || st.type === T.ExportDefaultDeclaration ? st.declaration : st;
    if (d && d.type === T.ClassDeclaration) classes.push(d);
  }
  const cls = classes.find((c) => c.id?.name === u.name);
  if (!cls || cls.abstract || classes.some((c) => c.superClass && unwrap(c.superClass).type === T.Identifier && (unwrap(c.superClass) as TSESTree.Identifier).name === u.name)) return undefined;
  return cls;
}

/**
 * The value a field starts with before the constructor body runs: its initialiser, or the default
 * of its constructor parameter property (`constructor(private readonly maxRetries = 3)`: PRODUCT
 * counts a default as known). Undefined when it has neither.
 */
export function fieldStart(f: FieldInfo): TSESTree.Expression | undefined {
  const param = f.parameterProperty?.parameter;
  return f.initializer ?? (param?.type === T.AssignmentPattern ? param.right : undefined);
}

interface ClassFields {
  /** Every `this.name` write in the class, by name, in walk order. */
  writes: Map<string, { constructorWrites: TSESTree.Expression[]; otherWrites: Node[] }>;
  /** `fieldOf` answers already built, by name (the AST does not change during a lint). */
  fields: Map<string, FieldInfo>;
}

const classFieldsCache = fileMemo<ClassNode, ClassFields>();

/**
 * One walk of a class body collecting the `this.name` writes of every name (what `fieldOf` used
 * to walk the whole class for, once per member expression), memoised per class node.
 */
function classFields(owner: ClassNode): ClassFields {
  const cached = classFieldsCache.get(owner);
  if (cached) return cached;
  const writes: ClassFields['writes'] = new Map();
  const bucket = (name: string) => {
    let b = writes.get(name);
    if (!b) writes.set(name, (b = { constructorWrites: [], otherWrites: [] }));
    return b;
  };
  let ctor: Node | undefined;
  for (const m of owner.body.body) {
    if (m.type === T.MethodDefinition && m.kind === 'constructor') ctor = m.value;
  }
  const visit = (root: Node, inCtor: boolean): void => {
    const stack: { n: Node; ctor: boolean }[] = [{ n: root, ctor: inCtor }];
    while (stack.length > 0) {
      const { n, ctor: c } = stack.pop()!;
      const t = writeTarget(n);
      const u = t && unwrap(t);
      if (u && u.type === T.MemberExpression && unwrap(u.object).type === T.ThisExpression) {
        const name = propertyName(u);
        if (name) {
          const b = bucket(name);
          if (c && n.type === T.AssignmentExpression && n.operator === '=' && enclosingClass(n) === owner) b.constructorWrites.push(n.right);
          else b.otherWrites.push(n);
        }
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
  const result: ClassFields = { writes, fields: new Map() };
  classFieldsCache.set(owner, result);
  return result;
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
export function memberWritten(sourceCode: TSESLint.SourceCode, member: TSESTree.MemberExpression, region: Node, skip?: (n: Node) => boolean): boolean {
  const text = sourceCode.getText(member);
  const prefixes = new Set<string>();
  for (let m: Node = member; m.type === T.MemberExpression; m = unwrap(m.object)) prefixes.add(sourceCode.getText(m));
  let found = false;
  walk(region, sourceCode.visitorKeys, (n) => {
    if (found || skip?.(n)) return false;
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

/** Where a value that cannot be resolved further comes from. */
export type Provenance = 'parameter' | 'import' | 'field' | 'call' | 'spread' | 'global' | 'reassigned' | 'other';

/**
 * What an expression resolves to through bindings:
 * - `value`: one defining expression (a literal, an object literal, a call…), to be read further;
 * - `choice`: several possible defining expressions (the branches of a conditional, the members of a
 *   literal union type annotation, a default and its annotation's other members);
 * - `unknown`: nothing more is known; `provenance` says why and `node` is where resolution stopped.
 */
export type Resolved =
  | { kind: 'value'; node: Node }
  | { kind: 'choice'; nodes: Node[] }
  | { kind: 'unknown'; provenance: Provenance; node: Node };

const MAX_DEPTH = 12;

/**
 * The one binding resolver. Follows an expression to the expression that defines its value:
 * identifiers (`const`s and never-reassigned `let`s), parameter defaults (PRODUCT counts a
 * default as known), destructuring (`const { retries } = opts`, `function f({ retries = 3 })`),
 * `this` fields (an initialiser, or the one constructor assignment, when nothing else writes
 * the field), members of resolvable object literals (same-file spreads merged, last write wins),
 * same-file exports, and TypeScript wrappers (`as`, `satisfies`, `!`). A parameter whose type
 * annotation is a literal union (inline or through a same-file type alias) resolves to a
 * `choice` of the union's literals. A conditional resolves to a `choice` of its branches.
 *
 * Anything it cannot follow is `unknown` with its provenance; a fault is left to the analysis
 * guard of the construct being analysed (`./guard`).
 */
export function resolveExpression(sourceCode: TSESLint.SourceCode, expr: Node, depth = 0): Resolved {
  const n = unwrap(expr);
  if (depth > MAX_DEPTH) return { kind: 'unknown', provenance: 'other', node: n };
  switch (n.type) {
    case T.Identifier:
      return resolveIdentifier(sourceCode, n, depth);
    case T.MemberExpression: {
      const name = propertyName(n);
      if (name === undefined) return { kind: 'unknown', provenance: 'other', node: n };
      if (unwrap(n.object).type === T.ThisExpression) {
        const f = fieldOf(n);
        if (!f) return { kind: 'unknown', provenance: 'field', node: n };
        if (f.otherWrites.length > 0) return { kind: 'unknown', provenance: 'reassigned', node: n };
        const first = fieldStart(f);
        const defs = [...(first && f.constructorWrites.length === 0 ? [first] : []), ...f.constructorWrites];
        if (defs.length === 1) return resolveExpression(sourceCode, defs[0]!, depth + 1);
        if (defs.length > 1) return { kind: 'choice', nodes: defs };
        return { kind: 'unknown', provenance: 'field', node: n };
      }
      const obj = resolveObject(sourceCode, n.object, depth + 1);
      if (!obj) return { kind: 'unknown', provenance: provenanceOf(sourceCode, n.object, depth + 1), node: n };
      const prop = obj.properties.get(name);
      if (prop && !prop.overridable) return resolveExpression(sourceCode, prop.value, depth + 1);
      return { kind: 'unknown', provenance: obj.open ? 'spread' : 'other', node: n };
    }
    case T.ConditionalExpression:
      return { kind: 'choice', nodes: [n.consequent, n.alternate] };
    case T.CallExpression: {
      // A same-file factory of one object literal (`buildOptions(opts)` returning `{ attempts,
      // backoff: { type: 'fixed', delay: retryPause } }`): the object it returns, its parameters
      // read through their defaults (PRODUCT: a default counts as known).
      const made = factoryResult(sourceCode, n, depth);
      return made ? resolveExpression(sourceCode, made, depth + 1) : { kind: 'unknown', provenance: 'call', node: n };
    }
    case T.NewExpression:
    case T.AwaitExpression:
      return { kind: 'unknown', provenance: 'call', node: n };
    default:
      return { kind: 'value', node: n };
  }
}

/**
 * The object literal a call of a same-file, non-async function returns, when the function returns
 * that one literal and nothing else (a concise arrow `() => ({ … })`, or a single `return { … }`).
 */
export function factoryResult(sourceCode: TSESLint.SourceCode, call: TSESTree.CallExpression, depth = 0): Node | undefined {
  const callee = unwrap(call.callee);
  if (callee.type !== T.Identifier) return undefined;
  const r = resolveExpression(sourceCode, callee, depth + 1);
  const fn = r.kind === 'value' ? unwrap(r.node) : undefined;
  if (!fn || (fn.type !== T.FunctionDeclaration && fn.type !== T.FunctionExpression && fn.type !== T.ArrowFunctionExpression) || fn.async || fn.generator) return undefined;
  if (fn.body.type !== T.BlockStatement) return unwrap(fn.body).type === T.ObjectExpression ? fn.body : undefined;
  const returns: TSESTree.ReturnStatement[] = [];
  const visit = (n: Node): void => {
    if (n.type === T.ReturnStatement) returns.push(n);
    if (n !== fn && (n.type === T.FunctionDeclaration || n.type === T.FunctionExpression || n.type === T.ArrowFunctionExpression)) return;
    for (const key of sourceCode.visitorKeys[n.type] ?? []) {
      const v = (n as unknown as Record<string, unknown>)[key];
      for (const c of Array.isArray(v) ? v : [v]) if (c && typeof c === 'object' && 'type' in (c as object)) visit(c as Node);
    }
  };
  visit(fn.body);
  const only = returns.length === 1 ? returns[0]!.argument : undefined;
  return only && unwrap(only).type === T.ObjectExpression ? only : undefined;
}

function resolveIdentifier(sourceCode: TSESLint.SourceCode, id: TSESTree.Identifier, depth: number): Resolved {
  const v = variableOf(sourceCode, id);
  if (!v || v.defs.length === 0) return { kind: 'unknown', provenance: 'global', node: id };
  const b = bindingOf(v);
  if (!b) return { kind: 'unknown', provenance: 'other', node: id };
  if (b.kind === 'import') return { kind: 'unknown', provenance: 'import', node: id };
  if (b.kind === 'function') return { kind: 'value', node: b.node ?? id };
  if (!b.stable) return { kind: 'unknown', provenance: 'reassigned', node: id };
  const def = v.defs[0]!;
  if (b.kind === 'param-default') {
    const annotated = annotationChoice(sourceCode, def.name as TSESTree.Identifier);
    if (annotated) return { kind: 'choice', nodes: [b.node!, ...annotated] };
    return resolveExpression(sourceCode, b.node!, depth + 1);
  }
  if (b.kind === 'param') {
    const annotated = annotationChoice(sourceCode, def.name as TSESTree.Identifier);
    if (annotated) return { kind: 'choice', nodes: annotated };
    return { kind: 'unknown', provenance: 'parameter', node: id };
  }
  if (b.kind === 'init') {
    if (!b.node) return { kind: 'unknown', provenance: 'other', node: id };
    return resolveExpression(sourceCode, b.node, depth + 1);
  }
  if (b.kind === 'destructured' && b.node) {
    let cur: Resolved = resolveExpression(sourceCode, b.node, depth + 1);
    for (const key of b.path) {
      if (cur.kind !== 'value') return cur.kind === 'unknown' ? cur : { kind: 'unknown', provenance: 'other', node: id };
      const obj = resolveObject(sourceCode, cur.node, depth + 1);
      const prop = obj?.properties.get(key);
      if (!obj || !prop || prop.overridable) return { kind: 'unknown', provenance: obj?.open ? 'spread' : 'other', node: id };
      cur = resolveExpression(sourceCode, prop.value, depth + 1);
    }
    return cur;
  }
  return { kind: 'unknown', provenance: 'other', node: id };
}

function provenanceOf(sourceCode: TSESLint.SourceCode, node: Node, depth: number): Provenance {
  const r = resolveExpression(sourceCode, node, depth);
  return r.kind === 'unknown' ? r.provenance : 'other';
}

/** One property of a resolved object. */
export interface ResolvedProperty {
  /** The property node (report here); undefined for a member of a spread whose property is a shorthand method. */
  property: TSESTree.Property;
  /** The value expression. */
  value: Node;
  /** An unresolved spread after it may replace it. */
  overridable: boolean;
}

/** An object literal with its same-file spreads merged. */
export interface ResolvedObject {
  /** The literal the expression resolves to (where suggestions edit). */
  node: TSESTree.ObjectExpression;
  /** Properties by name; the last definition wins, as at run time. */
  properties: Map<string, ResolvedProperty>;
  /** A spread or computed key could not be resolved: any option may come from it. */
  open: boolean;
}

/**
 * Resolves an expression to an object literal (through {@link resolveExpression}) and merges its
 * spreads of same-file object literals (`{ ...DEFAULTS, retries: 5 }`, last write wins). An
 * unresolved spread (`...options` from a parameter) makes the object `open`, and marks the
 * properties written before it `overridable`. Undefined when it is no object literal.
 */
export function resolveObject(sourceCode: TSESLint.SourceCode, expr: Node | null | undefined, depth = 0): ResolvedObject | undefined {
  if (!expr || depth > MAX_DEPTH) return undefined;
  const r = resolveExpression(sourceCode, expr, depth);
  if (r.kind !== 'value') return undefined;
  const obj = unwrap(r.node);
  if (obj.type !== T.ObjectExpression) return undefined;
  const out: ResolvedObject = { node: obj, properties: new Map(), open: false };
  for (const p of obj.properties) {
    if (p.type === T.SpreadElement) {
      const inner = resolveObject(sourceCode, p.argument, depth + 1);
      if (!inner) {
        out.open = true;
        for (const prop of out.properties.values()) prop.overridable = true;
        continue;
      }
      out.open ||= inner.open;
      for (const [k, prop] of inner.properties) out.properties.set(k, { ...prop });
      continue;
    }
    const name = propertyName(p);
    if (name === undefined) {
      out.open = true;
      continue;
    }
    out.properties.set(name, { property: p, value: p.value as Node, overridable: false });
  }
  return out;
}

/**
 * The set of statically known values an expression may take (a literal, a `const`, a default, the
 * branches of a conditional, the members of a literal union annotation), or undefined when some
 * possibility is unknown.
 */
export function staticValues(sourceCode: TSESLint.SourceCode, expr: Node, depth = 0): unknown[] | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const r = resolveExpression(sourceCode, expr, depth);
  if (r.kind === 'unknown') return undefined;
  const nodes = r.kind === 'value' ? [r.node] : r.nodes;
  const out: unknown[] = [];
  for (const node of nodes) {
    const u = unwrap(node);
    if (u !== unwrap(expr) && (u.type === T.Identifier || u.type === T.MemberExpression || u.type === T.ConditionalExpression)) {
      const inner = staticValues(sourceCode, u, depth + 1);
      if (!inner) return undefined;
      out.push(...inner);
      continue;
    }
    if (u.type === T.Literal) {
      out.push(u.value);
      continue;
    }
    if (u.type === T.TemplateLiteral && u.expressions.length === 0) {
      out.push(u.quasis[0]?.value.cooked);
      continue;
    }
    try {
      const s = ASTUtils.getStaticValue(u as TSESTree.Node, sourceCode.getScope(u));
      if (!s) return undefined;
      out.push(s.value);
    } catch {
      return undefined;
    }
  }
  return [...new Set(out)];
}

/**
 * The literal members of a parameter's type annotation, when it is a literal union (`'GET' |
 * 'POST'`), a single literal type, or a same-file type alias of one. The members are the
 * annotation's `Literal` nodes. Undefined for any other annotation or none.
 */
function annotationChoice(sourceCode: TSESLint.SourceCode, id: TSESTree.Identifier): Node[] | undefined {
  let ann: TSESTree.TypeNode | undefined = id.typeAnnotation?.typeAnnotation;
  // `function f({ method }: { method: 'GET' | 'POST' })`
  if (!ann) {
    const prop = id.parent;
    const pattern = prop?.type === T.Property ? prop.parent : undefined;
    const patternType = pattern?.type === T.ObjectPattern ? pattern.typeAnnotation?.typeAnnotation : undefined;
    const key = prop?.type === T.Property ? propertyName(prop) : undefined;
    if (patternType && patternType.type === T.TSTypeLiteral && key !== undefined) {
      for (const m of patternType.members) {
        if (m.type === T.TSPropertySignature && !m.computed && m.key.type === T.Identifier && m.key.name === key) ann = m.typeAnnotation?.typeAnnotation;
      }
    }
  }
  return ann ? literalMembers(sourceCode, ann, 0) : undefined;
}

function literalMembers(sourceCode: TSESLint.SourceCode, t: TSESTree.TypeNode, depth: number): Node[] | undefined {
  if (depth > 5) return undefined;
  if (t.type === T.TSLiteralType && t.literal.type === T.Literal) return [t.literal];
  if (t.type === T.TSUnionType) {
    const out: Node[] = [];
    for (const m of t.types) {
      const inner = literalMembers(sourceCode, m, depth + 1);
      if (!inner) return undefined;
      out.push(...inner);
    }
    return out;
  }
  if (t.type === T.TSTypeReference && t.typeName.type === T.Identifier && !t.typeArguments) {
    const alias = typeAlias(sourceCode, t.typeName.name);
    return alias ? literalMembers(sourceCode, alias.typeAnnotation, depth + 1) : undefined;
  }
  return undefined;
}

/** A type alias declared at the top level of this file (exported or not). */
function typeAlias(sourceCode: TSESLint.SourceCode, name: string): TSESTree.TSTypeAliasDeclaration | undefined {
  for (const st of sourceCode.ast.body) {
    const d = st.type === T.ExportNamedDeclaration ? st.declaration : st;
    if (d && d.type === T.TSTypeAliasDeclaration && d.id.name === name) return d;
  }
  return undefined;
}

/**
 * The literal value an expression stands for, read where the code reads it: a literal itself
 * (`429`, `'GET'`, `-1`, a template without expressions), or a same-file binding that is never
 * reassigned and names one (`const FORBIDDEN = 403`, also exported, `as const`, `satisfies`),
 * through chains of such bindings and members of a same-file object literal (`LIMITS.max`,
 * `const { max } = LIMITS`). Parameters, fields, imports and calls are not followed: their values
 * are not fixed in this file. Undefined when the expression is no such constant.
 *
 * The one reader for "is this a literal" across the analysis, so that naming a number
 * (`const MAX_RETRIES = 5`) never changes a finding; a finding keeps reporting the node that
 * reads the value, never the declaration the value was found in.
 */
export function constantValue(sourceCode: TSESLint.SourceCode, expr: Node | null | undefined, depth = 0): { value: TSESTree.Literal['value'] | undefined } | undefined {
  const n = unwrap(expr);
  if (!n || depth > MAX_DEPTH) return undefined;
  switch (n.type) {
    case T.Literal:
      return { value: n.value };
    case T.TemplateLiteral:
      return n.expressions.length === 0 ? { value: n.quasis[0]?.value.cooked } : undefined;
    case T.UnaryExpression: {
      if (n.operator !== '-' && n.operator !== '+') return undefined;
      const inner = constantValue(sourceCode, n.argument, depth + 1);
      return inner && typeof inner.value === 'number' ? { value: n.operator === '-' ? -inner.value : inner.value } : undefined;
    }
    case T.Identifier: {
      if (n.name === 'undefined') return { value: undefined };
      const v = variableOf(sourceCode, n);
      const b = v && bindingOf(v);
      if (!b?.stable || !b.node) return undefined;
      if (b.kind === 'init') return constantValue(sourceCode, b.node, depth + 1);
      // `function f(tries = 5)`, `function f({ tries = 5 } = {})`: PRODUCT counts a parameter's
      // default as the known value of a number (an attempt bound, a delay); a default string
      // (`method = 'GET'`) is left to the readers that also look at the callers.
      if (b.kind === 'param-default') return numberOnly(constantValue(sourceCode, b.node, depth + 1));
      if (b.kind === 'destructured' && b.path.length === 1 && b.variable.defs[0]?.node.type === T.VariableDeclarator) {
        const obj = resolveObject(sourceCode, b.node, depth + 1);
        const prop = obj?.properties.get(b.path[0]!);
        return prop && !prop.overridable ? constantValue(sourceCode, prop.value, depth + 1) : undefined;
      }
      return undefined;
    }
    case T.MemberExpression: {
      // `this.attempts` with `private readonly attempts = 3`: the field's one initialiser (or
      // constructor write) when nothing else writes it (resolveExpression's field reading).
      if (unwrap(n.object).type === T.ThisExpression) {
        const r = resolveExpression(sourceCode, n, depth + 1);
        return r.kind === 'value' && r.node !== n ? constantValue(sourceCode, r.node, depth + 1) : undefined;
      }
      const name = propertyName(n);
      if (name === undefined) return undefined;
      const member = enumMember(sourceCode, n.object, name, depth);
      if (member) return member;
      const obj = constObject(sourceCode, n.object, depth + 1);
      const prop = obj?.properties.get(name);
      if (prop && !prop.overridable) return constantValue(sourceCode, prop.value, depth + 1);
      // `retry.retries` for `function f(retry = RETRY_DEFAULTS)`: a number of the default object.
      const fallback = defaultObject(sourceCode, n.object, depth + 1)?.properties.get(name);
      return fallback && !fallback.overridable ? numberOnly(constantValue(sourceCode, fallback.value, depth + 1)) : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * The value of a member of a same-file TypeScript enum (`Verb.POST` with `enum Verb { POST = 'POST' }`,
 * `Status.TooMany` with `enum Status { TooMany = 429 }`): its initializer's constant, or for a
 * member without one the previous numeric member plus one (the first is 0), as TypeScript assigns
 * them. Undefined when the object is not an enum of this file, the member is absent, or a value
 * cannot be read. An enum declared more than once (merged declarations) is not read.
 */
function enumMember(sourceCode: TSESLint.SourceCode, object: Node, name: string, depth: number): { value: TSESTree.Literal['value'] | undefined } | undefined {
  const o = unwrap(object);
  if (o.type !== T.Identifier) return undefined;
  const v = variableOf(sourceCode, o);
  if (!v || v.defs.length !== 1 || v.defs[0]!.node.type !== T.TSEnumDeclaration) return undefined;
  const decl = v.defs[0]!.node;
  const members = decl.body.members;
  let next: number | undefined = 0;
  for (const m of members) {
    const key = m.id.type === T.Identifier ? m.id.name : typeof m.id.value === 'string' ? m.id.value : undefined;
    let value: TSESTree.Literal['value'] | undefined;
    if (m.initializer) {
      const c = constantValue(sourceCode, m.initializer, depth + 1);
      if (!c) return key === name ? undefined : enumRest(members, m, name);
      value = c.value;
    } else {
      if (next === undefined) return undefined;
      value = next;
    }
    if (key === name) return { value };
    next = typeof value === 'number' ? value + 1 : undefined;
  }
  return undefined;
}

/** After a member whose value cannot be read, a later member is readable only when it has a constant initializer of its own. */
function enumRest(members: readonly TSESTree.TSEnumMember[], after: TSESTree.TSEnumMember, name: string): { value: TSESTree.Literal['value'] | undefined } | undefined {
  const later = members.slice(members.indexOf(after) + 1).find((m) => (m.id.type === T.Identifier ? m.id.name : m.id.value) === name);
  const init = later?.initializer && unwrap(later.initializer);
  return init?.type === T.Literal ? { value: init.value } : undefined;
}

/** A same-file object literal an expression names through never-reassigned bindings only (no parameters, fields or calls). */
function constObject(sourceCode: TSESLint.SourceCode, expr: Node, depth: number): ResolvedObject | undefined {
  const n = unwrap(expr);
  if (n.type === T.Identifier) {
    const v = variableOf(sourceCode, n);
    const b = v && bindingOf(v);
    if (!b?.stable || b.kind !== 'init' || !b.node) return undefined;
  } else if (n.type === T.MemberExpression) {
    if (unwrap(n.object).type === T.ThisExpression || !constObject(sourceCode, n.object, depth + 1)) return undefined;
  } else if (n.type !== T.ObjectExpression) return undefined;
  return resolveObject(sourceCode, n, depth);
}

/** The value when it is a number, else undefined. */
function numberOnly(c: { value: TSESTree.Literal['value'] | undefined } | undefined): { value: number } | undefined {
  return c && typeof c.value === 'number' ? { value: c.value } : undefined;
}

/**
 * The object a parameter defaults to (`retry = RETRY_DEFAULTS`, `opts = { tries: 3 }`) when the
 * parameter is never reassigned and its members are never written; undefined otherwise.
 */
function defaultObject(sourceCode: TSESLint.SourceCode, expr: Node, depth: number): ResolvedObject | undefined {
  const n = unwrap(expr);
  if (n.type !== T.Identifier) return undefined;
  const v = variableOf(sourceCode, n);
  const b = v && bindingOf(v);
  if (!b?.stable || b.kind !== 'param-default' || b.path.length > 0 || !b.node) return undefined;
  if (!v || v.references.some((r) => { const up = r.identifier.parent; return up?.type === T.MemberExpression && up.object === r.identifier && up.parent?.type === T.AssignmentExpression && up.parent.left === up; })) return undefined;
  return resolveObject(sourceCode, b.node, depth);
}

/** The number an expression stands for ({@link constantValue}); undefined when it is not a constant number. */
export function constantNumber(sourceCode: TSESLint.SourceCode, expr: Node | null | undefined): number | undefined {
  const c = constantValue(sourceCode, expr);
  return c && typeof c.value === 'number' ? c.value : undefined;
}

/**
 * The array literal a list of values is written as, followed through the ways code holds one: a
 * `new Set([…])`, a local or module constant, an option's default (`opts.retryOn ?? [503]`,
 * `{ retryOn = [503] } = opts`), a class field nothing rewrites (`this.retryOn`), a static class
 * member or a same-file constant object's member (`Policy.RETRYABLE`, `HTTP.retryOn`). Undefined
 * when the list is built at run time or comes from another module. The one list resolver of the
 * status checks (`./flow`, `./operation`). `note.byDefault` is set when the list is written as an
 * option's default (`opts.retryOn ?? [503]`, `codes = [503]`): the list a user changes.
 */
export function heldArray(sourceCode: TSESLint.SourceCode, node: Node, depth = 0, note?: { byDefault: boolean }): TSESTree.ArrayExpression | undefined {
  const n = unwrap(node);
  if (depth > 6) return undefined;
  switch (n.type) {
    case T.ArrayExpression:
      return n;
    case T.NewExpression:
      return n.callee.type === T.Identifier && n.callee.name === 'Set' && n.arguments[0] ? heldArray(sourceCode, n.arguments[0], depth + 1, note) : undefined;
    case T.LogicalExpression:
      if (note) note.byDefault = unwrap(n.right).type === T.ArrayExpression;
      return n.operator === '??' || n.operator === '||' ? heldArray(sourceCode, n.right, depth + 1, note) : undefined;
    case T.Identifier: {
      const v = variableOf(sourceCode, n);
      const b = v && bindingOf(v);
      if (note) note.byDefault = b?.kind === 'param-default' && !!b.node && unwrap(b.node).type === T.ArrayExpression;
      return b && (b.kind === 'init' || b.kind === 'param-default') && b.node ? heldArray(sourceCode, b.node, depth + 1, note) : undefined;
    }
    case T.MemberExpression: {
      const held = staticMember(sourceCode, n) ?? resolvedHolder(sourceCode, n);
      return held ? heldArray(sourceCode, held, depth + 1, note) : undefined;
    }
    default:
      return undefined;
  }
}

/** What a member resolves to when it is a list's holder: a value, or a constructor call (`new Set(…)`) left unresolved. */
function resolvedHolder(sourceCode: TSESLint.SourceCode, member: TSESTree.MemberExpression): Node | undefined {
  const r = resolveExpression(sourceCode, member);
  if (r.kind === 'value') return r.node;
  return r.kind === 'unknown' && r.node !== member && r.node.type === T.NewExpression ? r.node : undefined;
}

/**
 * The value of a static field read through its class's name (`Mailer.RETRYABLE` with `static
 * RETRYABLE = [429, 503]` in a class of this file), when nothing in the file writes that member.
 */
export function staticMember(sourceCode: TSESLint.SourceCode, member: TSESTree.MemberExpression): Node | undefined {
  const obj = unwrap(member.object);
  const name = propertyName(member);
  if (obj.type !== T.Identifier || !name) return undefined;
  const v = variableOf(sourceCode, obj);
  const def = v?.defs.find((d) => d.type === 'ClassName');
  const cls = def?.node;
  if (!cls || (cls.type !== T.ClassDeclaration && cls.type !== T.ClassExpression)) return undefined;
  const field = cls.body.body.find((m): m is TSESTree.PropertyDefinition => m.type === T.PropertyDefinition && m.static && !m.computed && propertyName(m) === name);
  if (!field?.value) return undefined;
  const written = v!.references.some((r) => {
    const m = r.identifier.parent;
    return m?.type === T.MemberExpression && m.object === r.identifier && propertyName(m) === name && writeTarget(m.parent!) === m;
  });
  return written ? undefined : field.value;
}

/**
 * Whether `id` names the `resolve` or `reject` of an enclosing `new Promise((resolve, reject) => …)`,
 * by data flow whatever it is called: calling it settles the promise the code is wrapped in.
 */
export function settlesEnclosingPromise(id: TSESTree.Identifier, sourceCode: TSESLint.SourceCode): boolean {
  const def = variableOf(sourceCode, id)?.defs[0];
  if (!def || def.type !== 'Parameter') return false;
  const executor = def.node as Node;
  const made = executor.parent;
  return made?.type === T.NewExpression && made.callee.type === T.Identifier && made.callee.name === 'Promise' && made.arguments[0] === executor && isFunction(executor) && executor.params.indexOf(def.name as TSESTree.Parameter) <= 1;
}

/**
 * Whether a name holds a value another module gives: an imported binding, or a parameter nothing
 * reassigns whose default is one (`{ retries = MAX_TRIES }` with `MAX_TRIES` imported; PRODUCT counts
 * a default as the value in force). Without cross-file resolution such a value is unseen, not absent.
 */
export function holdsImport(id: TSESTree.Identifier, sourceCode: TSESLint.SourceCode, depth = 0): boolean {
  const v = variableOf(sourceCode, id);
  const def = v?.defs[0];
  if (!v || !def || depth > 2) return false;
  if (def.type === 'ImportBinding') return true;
  if (def.type !== 'Parameter' || v.references.some((r) => r.isWrite() && !r.init)) return false;
  const pat = def.name.parent;
  if (pat?.type !== T.AssignmentPattern || pat.left !== def.name) return false;
  let d = unwrap(pat.right);
  while (d.type === T.MemberExpression && !d.computed) d = unwrap(d.object);
  return d.type === T.Identifier && holdsImport(d, sourceCode, depth + 1);
}

/**
 * The target a statement steps by a number, and the direction: `n++`, `n -= 1`, `s.tries += 1`, and
 * the same written out, `n = n + 1`, `req.attempt = (req.attempt || 0) + 1` (a missing count read as
 * its fallback, `||` or `??`). Undefined for any other write.
 */
export function stepTarget(n: Node, sourceCode: TSESLint.SourceCode): { target: Node; dir: 1 | -1 } | undefined {
  if (n.type === T.UpdateExpression) return { target: n.argument, dir: n.operator === '++' ? 1 : -1 };
  if (n.type !== T.AssignmentExpression) return undefined;
  if (n.operator === '+=' || n.operator === '-=') return { target: n.left, dir: n.operator === '+=' ? 1 : -1 };
  const r = unwrap(n.right);
  if (n.operator !== '=' || r.type !== T.BinaryExpression || (r.operator !== '+' && r.operator !== '-')) return undefined;
  if (constantNumber(sourceCode, r.right) === undefined) return undefined;
  let base = unwrap(r.left);
  if (base.type === T.LogicalExpression && (base.operator === '||' || base.operator === '??')) base = unwrap(base.left);
  const text = sourceCode.getText(unwrap(n.left));
  return sourceCode.getText(base) === text ? { target: n.left, dir: r.operator === '+' ? 1 : -1 } : undefined;
}

/**
 * Whether an awaited or chained value is a promise held from before the retry (`await this.opened`,
 * `pending.then(…)` with `pending` handed in): a variable or member that nothing in `region` writes,
 * not a call. Awaiting it again re-reads the one result it settled with (or one another part of the
 * program replaces); it runs nothing again (ANALYSIS-GAPS R1).
 */
export function isHeldPromise(expr: Node, region: Node, sourceCode: TSESLint.SourceCode): boolean {
  const u = unwrap(expr);
  if (u.type === T.Identifier) {
    const v = variableOf(sourceCode, u);
    const def = v?.defs[0];
    if (!v || !def || def.type === 'ImportBinding' || def.type === 'FunctionName' || def.type === 'ClassName') return false;
    if (def.name.range[0] >= region.range[0] && def.name.range[1] <= region.range[1]) return false;
    return !v.references.some((r) => r.isWrite() && !r.init && r.identifier.range[0] >= region.range[0] && r.identifier.range[1] <= region.range[1]);
  }
  if (u.type !== T.MemberExpression || u.computed) return false;
  const root = unwrap(u.object);
  if (root.type !== T.ThisExpression && root.type !== T.Identifier) return false;
  const text = sourceCode.getText(u);
  let written = false;
  walk(region, sourceCode.visitorKeys, (n) => {
    if (written) return false;
    if (n.type === T.AssignmentExpression && sourceCode.getText(unwrap(n.left)) === text) written = true;
    return undefined;
  });
  return !written;
}
