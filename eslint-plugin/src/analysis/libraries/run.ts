import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import type { RetrySettings } from '../../utils/settings';
import { unwrap } from '../ast';
import { fileIndex } from '../file-index';
import { guarded } from '../guard';
import { isEffectivelyUnbounded } from '../limits';
import { bindingOf, originOf, packageEntry, scriptGlobalModules, variableOf, normalPath, type Origin } from '../scope';
import type { Node, RetrySite } from '../types';
import { analyzeLibraryWrappers, analyzeMethodParameters } from '../wrappers';
import { adapters } from './index';
import { returnedExpressions } from './inspect';
import type { LibraryAdapter, LibraryContext } from './types';
import type { FunctionNode } from './util';

type Call = TSESTree.CallExpression | TSESTree.NewExpression;

/**
 * Runs every library adapter over the calls of a file, then over the options objects typed with
 * a library's options type that no call consumed (K3), then finds wrappers around the library
 * sites (S4). An adapter that throws on one call loses only that call's sites (../guard).
 *
 * An options argument chosen by a conditional (`cond ? RETRY_OPTS : { retries: 0 }`, R8) is
 * judged branch by branch. Sites are then normalised: an attempt bound of 1,000 or more is no
 * bound (S3, `../limits`), and a site that makes at most one attempt is no retry.
 */
export function analyzeLibraries(sourceCode: TSESLint.SourceCode, settings: RetrySettings): RetrySite[] {
  // Pre-filter: an adapter judges only calls, options types and imports whose origin is one of its
  // packages (or a module its `matchesModule` claims), and an origin is always a module the file
  // names by a string literal (`import`, `require`, `import()`; the index's `modules`). A file that
  // names none of them has no library site but those recognised by shape (`byShape`), which need
  // one of their shape's words in the text.
  const index = fileIndex(sourceCode);
  const named = [...index.modules, ...scriptGlobalModules(sourceCode)].some((m) => adapters.some((a) => claims(a, m)));
  const byShape = (a: LibraryAdapter): boolean => !!a.byShape?.some((w) => sourceCode.text.includes(w));
  if (!named && !adapters.some(byShape)) return [];
  const calls: { node: Call; origin: Origin | undefined }[] = [];
  const typed: { literal: TSESTree.ObjectExpression; type: TSESTree.TypeNode }[] = [];
  for (const n of index.callsAndNews) calls.push({ node: n, origin: undefined });
  for (const n of index.typedCandidates) {
    const t = typedObject(n);
    if (t) typed.push(t);
  }
  // A function whose return type is annotated types the object literals it returns
  // (`useFactory: (config): TypeOrmModuleOptions => ({ … })`), unless they carry their own type.
  const seen = new Set(typed.map((t) => t.literal));
  for (const fn of index.functions) {
    const f = fn as FunctionNode;
    const type = f.returnType?.typeAnnotation;
    if (!type) continue;
    for (const r of returnedExpressions(f, sourceCode.visitorKeys)) {
      const literal = r ? unwrap(r) : undefined;
      if (literal?.type !== T.ObjectExpression || seen.has(literal)) continue;
      seen.add(literal);
      typed.push({ literal, type });
    }
  }
  if (calls.length === 0 && typed.length === 0 && !adapters.some((a) => a.unregistered && (!!a.byShape || importsAny(sourceCode, a.packages)))) return [];
  const ctx: LibraryContext = {
    sourceCode,
    settings,
    originOf: (node) => originOf(sourceCode, node),
    calls,
    consumed: new Set(),
  };
  for (const c of calls) c.origin = originOf(sourceCode, c.node.callee);
  const sites: RetrySite[] = [];
  for (const c of calls) {
    if (!c.origin) continue;
    for (const adapter of adapters) {
      if (!adapter.packages.includes(c.origin.module) && !adapter.matchesModule?.(c.origin.module)) continue;
      for (const variant of branchVariants(ctx, c.node)) {
        sites.push(...(guarded(c.node, () => adapter.analyze(variant, c.origin!, ctx)) ?? []));
      }
    }
  }
  for (const t of typed) {
    if (ctx.consumed?.has(t.literal)) continue;
    const found = typedAdapter(sourceCode, t.type);
    if (!found?.typed) continue;
    sites.push(...(guarded(t.literal, () => found.typed!.analyze(t.literal, ctx)) ?? []));
  }
  for (const adapter of adapters) {
    // An adapter recognised by shape runs where its words are (the shape needs them, see `byShape`), and where its package is imported (SWR: `<SWRConfig value>`).
    if (!adapter.unregistered || !(adapter.byShape ? byShape(adapter) || importsAny(sourceCode, adapter.packages) : calls.some((c) => c.origin && adapter.packages.includes(c.origin.module)) || importsAny(sourceCode, adapter.packages))) continue;
    sites.push(...(guarded(sourceCode.ast, () => adapter.unregistered!(ctx)) ?? []));
  }
  const kept = sites.filter(normalise);
  kept.push(...(guarded(sourceCode.ast, () => analyzeLibraryWrappers(ctx, kept)) ?? []), ...(guarded(sourceCode.ast, () => analyzeMethodParameters(ctx, kept)) ?? []));
  return kept;
}

/**
 * Whether an adapter may judge what comes from module `m`: the test the calls are handed over by
 * (its `packages.includes`, its `matchesModule`), and a package written with a trailing `*`
 * (`@aws-sdk/client-*`) standing for every name it starts.
 */
function claims(a: LibraryAdapter, m: string): boolean {
  return a.packages.includes(m) || a.packages.some((p) => p.endsWith('*') && m.startsWith(p.slice(0, -1))) || !!a.matchesModule?.(m);
}

/** Whether the file imports (or requires) one of the packages. */
function importsAny(sourceCode: TSESLint.SourceCode, packages: readonly string[]): boolean {
  return sourceCode.ast.body.some((st) => st.type === T.ImportDeclaration && packages.includes(packageEntry(String(st.source.value))));
}

/** Applies the shared bound threshold; false for a site that makes at most one attempt, or that polls. */
function normalise(site: RetrySite): boolean {
  if (site.polls) return false;
  const b = site.bound;
  if (b.kind === 'bounded' && b.maxAttempts !== undefined) {
    if (b.maxAttempts <= 1) return false;
    if (isEffectivelyUnbounded(b.maxAttempts)) site.bound = { kind: 'unbounded', maxAttempts: undefined, node: b.node };
  }
  return true;
}

/**
 * The call itself, or one variant per branch when an argument is chosen by a conditional or a
 * logical default whose branches include an object literal (`cond ? A : { retries: 0 }`,
 * `opts || DEFAULTS`). A variant is a shallow copy of the call with that argument replaced; its
 * parent is the call's parent, so scope look-ups and reports work as for the call.
 */
function branchVariants(ctx: LibraryContext, call: Call): Call[] {
  const index = call.arguments.findIndex((a) => branchesOf(ctx, a) !== undefined);
  if (index < 0) return [call];
  const branches = branchesOf(ctx, call.arguments[index]!)!;
  return branches.map((b) => {
    const args = call.arguments.slice();
    args[index] = b as TSESTree.CallExpressionArgument;
    return { ...call, arguments: args } as Call;
  });
}

function branchesOf(ctx: LibraryContext, arg: Node | undefined): Node[] | undefined {
  let n = unwrap(arg);
  for (let i = 0; n && n.type === T.Identifier && i < 4; i++) {
    const v = variableOf(ctx.sourceCode, n);
    const b = v && bindingOf(v);
    if (!b || !b.stable || b.kind !== 'init' || !b.node) break;
    n = unwrap(b.node);
  }
  if (!n) return undefined;
  let branches: Node[];
  if (n.type === T.ConditionalExpression) branches = [n.consequent, n.alternate];
  else if (n.type === T.LogicalExpression && (n.operator === '||' || n.operator === '??')) branches = [n.left, n.right];
  else return undefined;
  const objects = branches.filter((b) => isObjectish(ctx, b));
  return objects.length > 0 && branches.every((b) => isObjectish(ctx, b) || isUndefined(b)) ? branches : undefined;
}

function isObjectish(ctx: LibraryContext, n: Node): boolean {
  let u = unwrap(n);
  for (let i = 0; u && u.type === T.Identifier && i < 4; i++) {
    const v = variableOf(ctx.sourceCode, u);
    const b = v && bindingOf(v);
    if (!b || !b.stable || b.kind !== 'init' || !b.node) return false;
    u = unwrap(b.node);
  }
  return !!u && u.type === T.ObjectExpression;
}

function isUndefined(n: Node): boolean {
  const u = unwrap(n);
  return (u.type === T.Identifier && u.name === 'undefined') || (u.type === T.UnaryExpression && u.operator === 'void');
}

/** An object literal with a type annotation, `as` or `satisfies`, and that type. */
function typedObject(n: Node): { literal: TSESTree.ObjectExpression; type: TSESTree.TypeNode } | undefined {
  if (n.type === T.VariableDeclarator && n.id.type === T.Identifier && n.id.typeAnnotation && n.init) {
    const init = unwrap(n.init);
    if (init.type === T.ObjectExpression) return { literal: init, type: n.id.typeAnnotation.typeAnnotation };
  }
  if ((n.type === T.TSAsExpression || n.type === T.TSSatisfiesExpression) && !(n.parent && (n.parent.type === T.TSAsExpression || n.parent.type === T.TSSatisfiesExpression))) {
    const inner = unwrap(n.expression);
    if (inner.type === T.ObjectExpression) return { literal: inner, type: n.typeAnnotation };
  }
  return undefined;
}

/** The adapter whose options type a type node names (`Options` imported from 'p-retry', `Partial<JobsOptions>`, `Pick<JobsOptions, 'attempts' | 'backoff'>`). */
function typedAdapter(sourceCode: TSESLint.SourceCode, type: TSESTree.TypeNode, depth = 0): LibraryAdapter | undefined {
  if (depth > 3) return undefined;
  if (type.type === T.TSIntersectionType) {
    for (const t of type.types) {
      const a = typedAdapter(sourceCode, t, depth + 1);
      if (a) return a;
    }
    return undefined;
  }
  if (type.type !== T.TSTypeReference) return undefined;
  const origin = typeOrigin(sourceCode, type.typeName);
  if (!origin) {
    // `Partial<Options>`, `Readonly<JobsOptions>`: the wrapped type.
    const arg = type.typeArguments?.params[0];
    const name = type.typeName.type === T.Identifier ? type.typeName.name : undefined;
    if (arg && name && /^(Partial|Readonly|Required|Pick|Omit)$/.test(name)) return typedAdapter(sourceCode, arg, depth + 1);
    // A same-file name for it: `interface RetryOptions extends WrapOptions {}`, `type Policy = Options`.
    const declared = type.typeName.type === T.Identifier ? variableOf(sourceCode, type.typeName)?.defs.find((d) => d.type === 'Type')?.node : undefined;
    if (declared?.type === T.TSTypeAliasDeclaration) return typedAdapter(sourceCode, declared.typeAnnotation, depth + 1);
    if (declared?.type === T.TSInterfaceDeclaration) {
      for (const h of declared.extends ?? []) {
        const ref = { type: T.TSTypeReference, typeName: h.expression, typeArguments: h.typeArguments } as unknown as TSESTree.TypeNode;
        const a = h.expression.type === T.Identifier || h.expression.type === T.MemberExpression ? typedAdapter(sourceCode, ref, depth + 1) : undefined;
        if (a) return a;
      }
    }
    return undefined;
  }
  const path = normalPath(origin);
  return adapters.find((a) => a.typed && a.packages.includes(origin.module) && a.typed.types.some((t) => t.length === path.length && t.every((s, i) => s === path[i])));
}

function typeOrigin(sourceCode: TSESLint.SourceCode, name: TSESTree.EntityName): Origin | undefined {
  if (name.type === T.Identifier) return originOf(sourceCode, name);
  if (name.type === T.TSQualifiedName) {
    const base = typeOrigin(sourceCode, name.left);
    return base ? { module: base.module, path: [...base.path, name.right.name] } : undefined;
  }
  return undefined;
}
