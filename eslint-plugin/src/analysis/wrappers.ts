import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { fileIndex } from './file-index';
import { fileMemo } from './memo';
import { T } from './node-types';
import { guarded } from './guard';
import { calleeName, contains, enclosingFunction, isFunction, propertyName, stringValue, unwrap, walk } from './ast';
import { sameFileFunction } from './delay';
import { analyzeOperation, type Ctx } from './operation';
import { bindingOf, variableOf } from './scope';
import type { Node, RetrySite } from './types';
import { httpCallsIn, judgeRetriedFunction } from './libraries/retried-operation';
import { resolveFunction } from './libraries/option-state';
import type { LibraryContext } from './libraries/types';

type Variable = TSESLint.Scope.Variable;

const calleeReferencesMemo = fileMemo<Variable, Node[]>();

/** The references of `v` that are the callee of a call (`op()`), memoised per variable: each retry site in the function asks. */
function calleeReferences(v: Variable): Node[] {
  let out = calleeReferencesMemo.get(v);
  if (!out) {
    out = [];
    for (const r of v.references) if (r.identifier.parent?.type === T.CallExpression && (r.identifier.parent as TSESTree.CallExpression).callee === r.identifier) out.push(r.identifier as Node);
    calleeReferencesMemo.set(v, out);
  }
  return out;
}

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
      if (pv && calleeReferences(pv).some((id) => contains(region, id))) {
        wrappers.set(variable, i);
      }
    });
  }
  const sites: RetrySite[] = [];
  // No wrapper in the file and no retry function configured: no call can be one.
  if (wrappers.size === 0 && ctx.settings.retryFunctions.length === 0) return sites;
  for (const n of fileIndex(sourceCode).calls) {
    let index: number | undefined;
    const c = unwrap(n.callee);
    if (c.type === T.Identifier) {
      const v = variableOf(sourceCode, c);
      if (v && wrappers.has(v)) index = wrappers.get(v);
    }
    const name = calleeName(n);
    if (index === undefined && name && ctx.settings.retryFunctions.includes(name)) index = n.arguments.findIndex((a) => isFunction(unwrap(a)) || sameFileFunction(a, ctx) !== undefined);
    if (index === undefined || index < 0) continue;
    const arg = n.arguments[index];
    const fn = arg ? (isFunction(unwrap(arg)) ? (unwrap(arg) as TSESTree.ArrowFunctionExpression) : sameFileFunction(arg, ctx)) : undefined;
    if (!fn) continue;
    const op = guarded(n, () => analyzeOperation(fn.body, [], ctx, () => true));
    if (!op || op.nonIdempotent.length === 0) continue;
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
  }
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
  const wrappers = new Map<Node, { index: number; site: RetrySite }>();
  for (const site of librarySites) {
    if (!site.retried) continue;
    const fn = enclosingFunction(site.node);
    if (!fn || !isFunction(fn)) continue;
    const retried = unwrap(site.retried.fn);
    fn.params.forEach((p, i) => {
      const id = p.type === T.AssignmentPattern ? p.left : p;
      if (id.type !== T.Identifier) return;
      const pv = variableOf(sourceCode, id);
      if (!pv) return;
      const passedOn = retried.type === T.Identifier && variableOf(sourceCode, retried) === pv;
      const calledInside = isFunction(retried) && pv.references.some((r) => contains(retried, r.identifier) && r.identifier.parent?.type === T.CallExpression && (r.identifier.parent as TSESTree.CallExpression).callee === r.identifier);
      if (passedOn || calledInside) wrappers.set(fn, { index: i, site });
    });
  }
  const sites: RetrySite[] = [];
  for (const [fn, w] of wrappers) {
    // Callers: through the function's name, or `this.name(…)` for a class method.
    for (const call of callersOf(ctx, fn)) {
      const arg = call.arguments[w.index];
      if (!arg) continue;
      const site: RetrySite = {
        kind: 'library',
        node: call,
        library: w.site.library ?? 'retry wrapper',
        bound: { kind: 'bounded', maxAttempts: undefined, node: call },
        waits: [],
        noWait: undefined,
        nonIdempotent: [],
        rateLimitChecks: [],
        honoursRetryAfter: true,
        clientErrorRetries: [],
      };
      judgeRetriedFunction(ctx, site, arg, { conditionNode: call, hasCondition: w.site.retried!.classified });
      site.retried = undefined;
      if (site.nonIdempotent.length > 0 || site.clientErrorRetries.length > 0) sites.push(site);
    }
  }
  return sites;
}

/**
 * A method reaching a retried request through a parameter (R10): `request(path, method)` wraps
 * `fetch(url, { method })` in a retry library, and `post(path) { return this.request(path,
 * 'POST') }` calls it. Each call that passes a non-idempotent method (POST, PATCH by default) for
 * that parameter sends a retried request without a key, reported at the method argument. Only
 * requests with no key and fully known headers are judged; callers are found by the function's
 * name in this file (`request(…)`, or `this.request(…)` inside the same class).
 */
export function analyzeMethodParameters(ctx: LibraryContext, librarySites: readonly RetrySite[]): RetrySite[] {
  const { sourceCode, settings } = ctx;
  const sites: RetrySite[] = [];
  const seen = new Set<Node>();
  for (const site of librarySites) {
    const fn = site.retried ? resolveFunction(ctx, site.retried.fn) : undefined;
    if (!fn) continue;
    for (const http of httpCallsIn(ctx, fn, true)) {
      if (http.method !== undefined || http.keyValue || http.keyUnknown || !http.methodNode || http.methodNode.type !== T.Property) continue;
      const value = unwrap(http.methodNode.value as Node);
      if (value.type !== T.Identifier) continue;
      const v = variableOf(sourceCode, value);
      const b = v && bindingOf(v);
      if (!b || (b.kind !== 'param' && b.kind !== 'param-default') || b.path.length > 0 || !b.stable) continue;
      const owner = v!.defs[0]?.node as Node | undefined;
      if (!owner || !isFunction(owner) || !contains(owner, site.node)) continue;
      const index = owner.params.findIndex((p) => (p.type === T.AssignmentPattern ? p.left : p) === v!.defs[0]!.name);
      if (index < 0) continue;
      for (const call of callersOf(ctx, owner)) {
        const arg = call.arguments[index];
        const method = arg ? stringValue(arg)?.toUpperCase() : undefined;
        if (!arg || !method || !settings.nonIdempotentMethods.includes(method) || seen.has(arg)) continue;
        seen.add(arg);
        sites.push({
          kind: 'library',
          node: call,
          library: site.library ?? 'retry wrapper',
          bound: { kind: 'bounded', maxAttempts: undefined, node: call },
          waits: [],
          noWait: undefined,
          nonIdempotent: [{ node: arg, method, key: 'none', keyNode: undefined }],
          rateLimitChecks: [],
          honoursRetryAfter: true,
          clientErrorRetries: [],
        });
      }
    }
  }
  return sites;
}

/** Same-file calls of a function: through its name, or `this.name(…)` in the class that defines it as a method. */
function callersOf(ctx: LibraryContext, fn: Node): TSESTree.CallExpression[] {
  const { sourceCode } = ctx;
  const out: TSESTree.CallExpression[] = [];
  const variable = functionVariable(fn, sourceCode);
  if (variable) {
    for (const r of variable.references) {
      const parent = r.identifier.parent;
      if (parent?.type === T.CallExpression && parent.callee === r.identifier) out.push(parent);
    }
    return out;
  }
  const def = fn.parent;
  if (def?.type !== T.MethodDefinition || def.parent?.type !== T.ClassBody) return out;
  const name = propertyName(def);
  const body = def.parent;
  walk(body, sourceCode.visitorKeys, (n) => {
    if (n.type === T.CallExpression) {
      const c = unwrap(n.callee);
      if (c.type === T.MemberExpression && unwrap(c.object).type === T.ThisExpression && propertyName(c) === name) out.push(n);
    }
    return undefined;
  });
  return out;
}
