import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { calleeName, contains, enclosingFunction, isFunction, unwrap, walk } from './ast';
import { sameFileFunction } from './delay';
import { analyzeOperation, type Ctx } from './operation';
import { variableOf } from './scope';
import type { Node, RetrySite } from './types';
import { judgeRetriedFunction } from './libraries/retried-operation';
import type { LibraryContext } from './libraries/types';

type Variable = TSESLint.Scope.Variable;

/**
 * Retry wrappers: a same-file function whose retry runs a function it was given
 * (`async function withRetry(op) { for (…) { try { return await op() } … } }`), or a name in
 * `settings.retry.retryFunctions`. Each call of a wrapper retries the function passed to it, so
 * the requests that function makes are judged for idempotency at the call. Other findings
 * (delays, bounds) belong to the wrapper's own site; a generic wrapper retrying an opaque
 * function is not judged for client errors.
 */
export function analyzeWrappers(ctx: Ctx, handWritten: readonly RetrySite[]): RetrySite[] {
  const { sourceCode } = ctx;
  // Wrapper function → index of the parameter it retries.
  const wrappers = new Map<Variable, number>();
  for (const site of handWritten) {
    if (site.kind !== 'loop' && site.kind !== 'recursion') continue;
    const fn = site.kind === 'loop' ? enclosingFunction(site.node) : enclosingFunction(site.node);
    if (!fn || !isFunction(fn)) continue;
    const variable = functionVariable(fn, sourceCode);
    if (!variable) continue;
    const region = site.kind === 'loop' ? site.node : fn.body;
    fn.params.forEach((p, i) => {
      const id = p.type === T.AssignmentPattern ? p.left : p;
      if (id.type !== T.Identifier) return;
      const pv = variableOf(sourceCode, id);
      if (pv && pv.references.some((r) => contains(region, r.identifier) && r.identifier.parent?.type === T.CallExpression && (r.identifier.parent as TSESTree.CallExpression).callee === r.identifier)) {
        wrappers.set(variable, i);
      }
    });
  }
  const sites: RetrySite[] = [];
  walk(sourceCode.ast, sourceCode.visitorKeys, (n) => {
    if (n.type !== T.CallExpression) return undefined;
    let index: number | undefined;
    const c = unwrap(n.callee);
    if (c.type === T.Identifier) {
      const v = variableOf(sourceCode, c);
      if (v && wrappers.has(v)) index = wrappers.get(v);
    }
    const name = calleeName(n);
    if (index === undefined && name && ctx.settings.retryFunctions.includes(name)) index = n.arguments.findIndex((a) => isFunction(unwrap(a)) || sameFileFunction(a, ctx) !== undefined);
    if (index === undefined || index < 0) return undefined;
    const arg = n.arguments[index];
    const fn = arg ? (isFunction(unwrap(arg)) ? (unwrap(arg) as TSESTree.ArrowFunctionExpression) : sameFileFunction(arg, ctx)) : undefined;
    if (!fn) return undefined;
    const op = analyzeOperation(fn.body, [], ctx, () => true);
    if (op.nonIdempotent.length === 0) return undefined;
    sites.push({
      kind: 'library',
      node: n,
      library: name ?? 'retry wrapper',
      bound: { kind: 'bounded', maxAttempts: undefined, node: n },
      waits: [],
      noWait: undefined,
      nonIdempotent: op.nonIdempotent,
      rateLimitChecks: [],
      honoursRetryAfter: true,
      clientErrorRetries: [],
    });
    return undefined;
  });
  return sites;
}

/** The variable a function is bound to (declaration name, or `const f = …`). */
function functionVariable(fn: Node, sourceCode: TSESLint.SourceCode): Variable | undefined {
  if ((fn.type === T.FunctionDeclaration || fn.type === T.FunctionExpression) && fn.id) return variableOf(sourceCode, fn.id);
  const p = fn.parent;
  if (p?.type === T.VariableDeclarator && p.init === fn && p.id.type === T.Identifier) return variableOf(sourceCode, p.id);
  return undefined;
}

/**
 * Wrappers around a retry library (S4): a same-file function whose library site retries one of
 * its parameters, passed on directly (`(fn) => pRetry(fn, …)`) or called from the retried
 * function (`retry(async (bail) => { … await task() … }, …)`). Each call of the wrapper retries
 * the function passed to it: its requests are judged for idempotency at the call, and for client
 * errors when neither the wrapped site nor the passed function tells failures apart.
 */
export function analyzeLibraryWrappers(ctx: LibraryContext, librarySites: readonly RetrySite[]): RetrySite[] {
  const { sourceCode } = ctx;
  const wrappers = new Map<Variable, { index: number; site: RetrySite }>();
  for (const site of librarySites) {
    if (!site.retried) continue;
    const fn = enclosingFunction(site.node);
    if (!fn || !isFunction(fn)) continue;
    const variable = functionVariable(fn, sourceCode);
    if (!variable) continue;
    const retried = unwrap(site.retried.fn);
    fn.params.forEach((p, i) => {
      const id = p.type === T.AssignmentPattern ? p.left : p;
      if (id.type !== T.Identifier) return;
      const pv = variableOf(sourceCode, id);
      if (!pv) return;
      const passedOn = retried.type === T.Identifier && variableOf(sourceCode, retried) === pv;
      const calledInside = isFunction(retried) && pv.references.some((r) => contains(retried, r.identifier) && r.identifier.parent?.type === T.CallExpression && (r.identifier.parent as TSESTree.CallExpression).callee === r.identifier);
      if (passedOn || calledInside) wrappers.set(variable, { index: i, site });
    });
  }
  if (wrappers.size === 0) return [];
  const sites: RetrySite[] = [];
  walk(sourceCode.ast, sourceCode.visitorKeys, (n) => {
    if (n.type !== T.CallExpression) return undefined;
    const c = unwrap(n.callee);
    if (c.type !== T.Identifier) return undefined;
    const v = variableOf(sourceCode, c);
    const w = v && wrappers.get(v);
    const arg = w ? n.arguments[w.index] : undefined;
    if (!w || !arg) return undefined;
    const site: RetrySite = {
      kind: 'library',
      node: n,
      library: w.site.library ?? 'retry wrapper',
      bound: { kind: 'bounded', maxAttempts: undefined, node: n },
      waits: [],
      noWait: undefined,
      nonIdempotent: [],
      rateLimitChecks: [],
      honoursRetryAfter: true,
      clientErrorRetries: [],
    };
    judgeRetriedFunction(ctx, site, arg, { conditionNode: n, hasCondition: w.site.retried!.classified });
    site.retried = undefined;
    if (site.nonIdempotent.length > 0 || site.clientErrorRetries.length > 0) sites.push(site);
    return undefined;
  });
  return sites;
}
