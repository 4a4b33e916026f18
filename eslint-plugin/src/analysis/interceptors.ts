import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { calleeName, isFunction, propertyName, unwrap, walk } from './ast';
import { sameFileFunction } from './delay';
import { analyzeOperation, statusesTested, walkRegion, type Ctx } from './operation';
import { originOf, variableOf } from './scope';
import type { Node, RetrySite, Wait } from './types';
import { asWait, isAwaited, waitOf } from './waits';

type Variable = TSESLint.Scope.Variable;
const REFRESH_RE = /refresh|reauth|re_?login|renew|login|authenticate|getToken|fetchToken|newToken/i;

/**
 * Finds response-error interceptors that replay their own failed request: an axios
 * `instance.interceptors.response.use(onOk, onError)` whose `onError` calls the instance (or
 * axios) again with `error.config`. Bounded when a once-only flag or a counter on the config is
 * both set and checked.
 */
export function analyzeInterceptors(ctx: Ctx): RetrySite[] {
  const sites: RetrySite[] = [];
  walk(ctx.sourceCode.ast, ctx.sourceCode.visitorKeys, (n) => {
    if (n.type !== T.CallExpression || calleeName(n) !== 'use') return undefined;
    const callee = unwrap(n.callee);
    if (callee.type !== T.MemberExpression) return undefined;
    const response = unwrap(callee.object);
    if (response.type !== T.MemberExpression || propertyName(response) !== 'response') return undefined;
    const interceptors = unwrap(response.object);
    if (interceptors.type !== T.MemberExpression || propertyName(interceptors) !== 'interceptors') return undefined;
    const instance = unwrap(interceptors.object);
    const handlerArg = n.arguments[1];
    if (!handlerArg) return undefined;
    const handler = isFunction(unwrap(handlerArg)) ? (unwrap(handlerArg) as TSESTree.ArrowFunctionExpression) : sameFileFunction(handlerArg, ctx);
    if (!handler) return undefined;
    try {
      const site = analyzeHandler(handler, instance, ctx);
      if (site) sites.push(site);
    } catch {
      // Skip this interceptor, keep the file.
    }
    return undefined;
  });
  return sites;
}

function analyzeHandler(handler: TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | TSESTree.FunctionDeclaration, instance: Node, ctx: Ctx): RetrySite | undefined {
  const { sourceCode } = ctx;
  const errParam = handler.params[0];
  if (!errParam) return undefined;
  const instanceText = sourceCode.getText(instance);
  // Variables holding the failed request's config: `const original = error.config`, `({ config }) => …`.
  const configVars = new Set<Variable>();
  let errVar: Variable | undefined;
  if (errParam.type === T.Identifier) errVar = variableOf(sourceCode, errParam);
  else if (errParam.type === T.ObjectPattern) {
    for (const p of errParam.properties) {
      if (p.type === T.Property && propertyName(p) === 'config' && p.value.type === T.Identifier) {
        const v = variableOf(sourceCode, p.value);
        if (v) configVars.add(v);
      }
    }
  }
  if (!errVar && configVars.size === 0) return undefined;
  walkRegion(handler.body, sourceCode, (n) => {
    if (n.type === T.VariableDeclarator && n.id.type === T.Identifier && n.init && isErrorConfig(n.init, errVar, configVars)) {
      const v = variableOf(sourceCode, n.id);
      if (v) configVars.add(v);
    }
  });
  let replay: TSESTree.CallExpression | undefined;
  walkRegion(handler.body, sourceCode, (n) => {
    if (replay || n.type !== T.CallExpression) return undefined;
    const c = unwrap(n.callee);
    const target = c.type === T.MemberExpression && ['request', 'get', 'post', 'put', 'patch', 'delete'].includes(propertyName(c) ?? '') ? unwrap(c.object) : c;
    const sameInstance = sourceCode.getText(target) === instanceText || originOf(sourceCode, target)?.module === 'axios';
    const arg = n.arguments[0];
    if (sameInstance && arg && isErrorConfig(arg, errVar, configVars)) replay = n;
    return undefined;
  });
  if (!replay) return undefined;
  // Once-only guard: a property of the config (at any depth) both assigned and tested, or the
  // config kept in a set/map that is checked (`replayed.has(config)` … `replayed.add(config)`).
  const assigned = new Set<string>();
  const tested = new Set<string>();
  const stored = new Set<string>();
  const checked = new Set<string>();
  const configPath = (m: Node): string | undefined => {
    let o = unwrap(m);
    const names: string[] = [];
    while (o.type === T.MemberExpression) {
      names.unshift(propertyName(o) ?? '?');
      if (isErrorConfig(o.object, errVar, configVars)) return names.join('.');
      o = unwrap(o.object);
    }
    return undefined;
  };
  walkRegion(handler.body, sourceCode, (n) => {
    if (n.type === T.AssignmentExpression || n.type === T.UpdateExpression) {
      const target = unwrap(n.type === T.AssignmentExpression ? n.left : n.argument);
      const path = target.type === T.MemberExpression ? configPath(target) : undefined;
      if (path) assigned.add(path);
    }
    if (n.type === T.CallExpression && n.arguments[0] && isErrorConfig(n.arguments[0], errVar, configVars)) {
      const c = unwrap(n.callee);
      const name = calleeName(n);
      if (c.type === T.MemberExpression && (name === 'add' || name === 'set')) stored.add(sourceCode.getText(c.object));
      if (c.type === T.MemberExpression && (name === 'has' || name === 'get')) checked.add(sourceCode.getText(c.object));
    }
    if (n.type === T.IfStatement || n.type === T.ConditionalExpression || n.type === T.LogicalExpression) {
      const test = n.type === T.LogicalExpression ? n : n.test;
      walk(test, sourceCode.visitorKeys, (t) => {
        if (t.type === T.MemberExpression) {
          const path = configPath(t);
          if (path) tested.add(path);
        }
      });
    }
  });
  const guarded = [...assigned].some((p) => tested.has(p)) || [...stored].some((x) => checked.has(x));
  let isRefresh = false;
  walkRegion(handler.body, sourceCode, (n) => {
    if (n.type === T.CallExpression && REFRESH_RE.test(calleeName(n) ?? '')) isRefresh = true;
    if (n.type === T.IfStatement && statusesTested(n.test, sourceCode).some((s) => s.code === 401 || s.code === 403)) isRefresh = true;
  });
  const waits: Wait[] = [];
  if (!isRefresh) {
    walkRegion(handler.body, sourceCode, (n) => {
      if (n.type !== T.CallExpression && n.type !== T.NewExpression) return undefined;
      const w = asWait(n, sourceCode, ctx.settings);
      if (w && isAwaited(n, ctx.sourceCode)) {
        waits.push(waitOf(w, sourceCode, []));
        return false;
      }
      return undefined;
    });
  }
  const op = analyzeOperation(handler.body, [], ctx, () => true);
  return {
    kind: 'interceptor',
    node: replay,
    bound: { kind: guarded ? 'bounded' : 'unbounded', maxAttempts: undefined, node: replay },
    waits,
    noWait: !isRefresh && waits.length === 0 ? replay : undefined,
    nonIdempotent: [],
    rateLimitChecks: isRefresh ? [] : op.rateLimitChecks,
    honoursRetryAfter: op.honoursRetryAfter,
    clientErrorRetries: [],
  };
}

/** `error.config`, a variable holding it, or `{ ...error.config, … }`. */
function isErrorConfig(node: Node, errVar: Variable | undefined, configVars: Set<Variable>): boolean {
  const n = unwrap(node);
  if (n.type === T.MemberExpression && propertyName(n) === 'config') {
    const o = unwrap(n.object);
    return !!errVar && o.type === T.Identifier && errVar.references.some((r) => r.identifier === o);
  }
  if (n.type === T.Identifier) {
    for (const v of configVars) if (v.references.some((r) => r.identifier === n)) return true;
    return false;
  }
  if (n.type === T.ObjectExpression) return n.properties.some((p) => p.type === T.SpreadElement && isErrorConfig(p.argument, errVar, configVars));
  return false;
}


