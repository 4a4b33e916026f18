import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { fileIndex } from './file-index';
import { ASTUtils } from '@typescript-eslint/utils';
import { T } from './node-types';
import { guarded } from './guard';
import { calleeName, contains, isFunction, propertyName, unwrap, walk } from './ast';
import { dominatingTests, isFalsyConstant } from './flow';
import { returnedExpressions, sameFileFunction } from './delay';
import { describeHttpCall, judgeIdempotency, resolveObjectLiteral } from './http';
import { alwaysExits, analyzeOperation, statusesTested, walkRegion, type Ctx } from './operation';
import { isClientErrorStatus } from './statuses';
import { acceptsAll, evaluateCondition, retriedClientError, type Role } from './libraries/status-set';
import { isCredentialRefresh, renewsBefore } from './credentials';
import { bindingOf, constantValue, originOf, variableOf, isReferenceTo } from './scope';
import type { ClientErrorRetry, Node, NonIdempotentRequest, RetrySite, SitePurpose, Wait } from './types';
import { asWait, isAwaited, waitOf } from './waits';

type Variable = TSESLint.Scope.Variable;
type Fn = TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression;

/** Axios instance methods that send a request config again. */
const REQUEST_METHODS = new Set(['request', 'get', 'post', 'put', 'patch', 'delete', 'head', 'options']);

/** What one handler knows of the failed request: the error, the config, and what comes from the error. */
interface HandlerVars {
  /** The error parameter (and body aliases of it). */
  error: Set<Variable>;
  /** Variables holding the failed request's config (or a copy of it), in the handler and its helpers. */
  config: Set<Variable>;
  /** Variables derived from the error other than its config: `response`, `message`, `status`. */
  derived: Set<Variable>;
}

/** A replay of the failed request, and the same-file functions the handler goes through to reach it. */
interface Replay {
  call: TSESTree.CallExpression;
  /** The call in the handler's own body that leads to the replay (the replay itself, or a helper call). */
  entry: TSESTree.CallExpression;
  /** Same-file helpers on the way (their bodies hold the replay and maybe the wait). */
  helpers: Fn[];
  /** The replay goes through a client imported from another module (not axios): known by its shape only. */
  viaImport?: boolean;
}

/**
 * Finds response-error interceptors that replay their own failed request. A handler is
 * recognised when it is registered (`instance.interceptors.response.use(onOk, onError)`, inline,
 * by name, or as a spread pair) or, wherever it is defined, when it re-sends its error's
 * `config` and returns the result (a handler exported for registration elsewhere). The config
 * may be read as `error.config`, kept in a `const`/`let`, destructured in the parameter or body,
 * or spread into a new object; the replay and the wait may sit in same-file helpers.
 *
 * An error interceptor is a catch clause around every request of the instance: the site records
 * which failures reach the replay (classification, retried statuses), its purpose (a backoff
 * retry, or a refresh-and-replay after 401/403), the waits, the once-only guard or counter, and
 * the non-idempotent requests the instance sends. The rules judge those facts.
 */
export function analyzeInterceptors(ctx: Ctx): RetrySite[] {
  const sites: RetrySite[] = [];
  const done = new Set<Node>();
  const add = (handler: Fn, instance: Node | undefined, registered: boolean): void => {
    if (done.has(handler)) return;
    done.add(handler);
    const found = guarded(handler, () => analyzeHandler(handler, instance, registered, ctx));
    if (found) sites.push(...found);
  };
  const index = fileIndex(ctx.sourceCode);
  for (const n of index.calls) {
    if (calleeName(n) !== 'use') continue;
    const instance = interceptedInstance(n);
    if (!instance) continue;
    const handler = registeredHandler(n, ctx);
    if (handler) add(handler, instance, true);
  }
  // Handlers defined for registration elsewhere: a function that re-sends its error's config.
  for (const n of index.functions) {
    if (!done.has(n) && !isPromiseCallback(n) && readsErrorConfig(n, ctx.sourceCode)) add(n, undefined, false);
  }
  return sites;
}

/**
 * A callback of one promise (`request.catch((err) => axios(err.config))`): its replay runs once and
 * is not seen by the callback again, unlike an interceptor's, which every replay passes through.
 */
function isPromiseCallback(fn: Fn): boolean {
  const p = fn.parent;
  return p?.type === T.CallExpression && p.arguments.includes(fn as TSESTree.CallExpressionArgument) && ['then', 'catch', 'finally'].includes(calleeName(p) ?? '');
}

/** `x.interceptors.response.use(…)`: the instance `x`. */
function interceptedInstance(call: TSESTree.CallExpression): Node | undefined {
  const callee = unwrap(call.callee);
  if (callee.type !== T.MemberExpression) return undefined;
  const response = unwrap(callee.object);
  if (response.type !== T.MemberExpression || propertyName(response) !== 'response') return undefined;
  const interceptors = unwrap(response.object);
  if (interceptors.type !== T.MemberExpression || propertyName(interceptors) !== 'interceptors') return undefined;
  return unwrap(interceptors.object);
}

/** The error handler of a `use(onOk, onError)` call: the second argument, or the second element of a spread pair. */
function registeredHandler(call: TSESTree.CallExpression, ctx: Ctx): Fn | undefined {
  const first = call.arguments[0];
  let arg: Node | undefined = call.arguments[1];
  if (first?.type === T.SpreadElement) {
    let list: Node | undefined = unwrap(first.argument);
    if (list.type === T.Identifier) {
      const v = variableOf(ctx.sourceCode, list);
      const b = v && bindingOf(v);
      list = b && b.kind === 'init' && b.node ? unwrap(b.node) : undefined;
    }
    arg = list?.type === T.ArrayExpression ? (list.elements[1] ?? undefined) : undefined;
  }
  if (!arg || arg.type === T.SpreadElement) return undefined;
  return handlerFunction(arg, ctx, 0);
}

/**
 * The function an error-handler argument stands for: inline, a same-file function or method,
 * `this.onError.bind(this)`, or an arrow that only forwards its error (`(e) => this.onError(e)`).
 */
function handlerFunction(arg: Node, ctx: Ctx, depth: number): Fn | undefined {
  const u = unwrap(arg);
  if (u.type === T.CallExpression && calleeName(u) === 'bind' && unwrap(u.callee).type === T.MemberExpression) {
    return depth < 3 ? handlerFunction((unwrap(u.callee) as TSESTree.MemberExpression).object, ctx, depth + 1) : undefined;
  }
  // `use(null, retryAfterHandler(api))`: a same-file factory that returns the handler; what it is
  // handed stands for its parameters inside (`client(error.config)` with `client` = `api`).
  if (u.type === T.CallExpression && depth < 3) {
    const factory = sameFileFunction(u.callee, ctx);
    const made = factory ? returnedFunction(factory, ctx.sourceCode) : undefined;
    if (factory && made) {
      handOn(factory, u, ctx.sourceCode);
      return handlerFunction(made, ctx, depth + 1);
    }
  }
  const fn = isFunction(u) ? u : sameFileFunction(arg, ctx);
  if (!fn || depth >= 3) return fn;
  // `(error) => onError(error)`: the forwarded function is the handler.
  const body = fn.body.type === T.BlockStatement && fn.body.body.length === 1 && fn.body.body[0]!.type === T.ReturnStatement ? fn.body.body[0]!.argument : fn.body;
  const call = body && unwrap(body);
  const param = fn.params[0];
  if (call?.type === T.CallExpression && param?.type === T.Identifier && call.arguments.length >= 1) {
    const first = unwrap(call.arguments[0]!);
    if (first.type === T.Identifier && first.name === param.name) {
      const target = handlerFunction(call.callee, ctx, depth + 1);
      if (target && target !== fn) return target;
    }
  }
  return fn;
}

/** Values a handler factory was handed, by the parameter that holds them (`client` → `api`). */
const handedIn = new WeakMap<Variable, Node>();

/**
 * Whether the replay goes through axios' default instance (`axios.request(error.config)`) while the
 * handler is registered on an instance made by `axios.create()`: interceptors belong to their
 * instance, so the replay does not pass through this handler again.
 */
function replaysPastHandler(replay: Replay, instance: Node | undefined, sourceCode: TSESLint.SourceCode): boolean {
  if (!instance) return false;
  const c = unwrap(replay.call.callee);
  const target = c.type === T.MemberExpression && REQUEST_METHODS.has(propertyName(c) ?? '') ? unwrap(c.object) : c;
  if (sourceCode.getText(target) === sourceCode.getText(instance)) return false;
  const t = originOf(sourceCode, target);
  const i = originOf(sourceCode, instance);
  return t?.module === 'axios' && i?.module === 'axios' && t.path.every((p) => p === 'default') && i.path.includes('create');
}

/**
 * Whether the handler takes itself off its instance before the replay (`axios.interceptors.response
 * .eject(id)`, where `id` holds what the `use` call that registered this handler returned): the
 * replayed request cannot come back into it, so it replays at most once (a once-only guard by
 * construction, whether or not it registers itself again afterwards).
 */
function ejectsItselfBefore(replay: Replay, regions: Node[], ctx: Ctx): boolean {
  const { sourceCode } = ctx;
  const handler = regions[0]?.parent;
  if (!handler || !isFunction(handler)) return false;
  let found = false;
  for (const r of regions) {
    walk(r, sourceCode.visitorKeys, (n) => {
      if (found) return false;
      if (n.type !== T.CallExpression || calleeName(n) !== 'eject' || n.range[1] > replay.call.range[0]) return undefined;
      const arg = n.arguments[0] && unwrap(n.arguments[0]);
      const v = arg?.type === T.Identifier ? variableOf(sourceCode, arg) : undefined;
      // Every value the variable holds is a registration of this handler (`let id = …use(…)`, set
      // again when it registers itself anew).
      const writes = v ? v.references.filter((ref) => ref.writeExpr).map((ref) => unwrap(ref.writeExpr as Node)) : [];
      const registers = (w: Node): boolean => w.type === T.CallExpression && calleeName(w) === 'use' && w.arguments.some((a) => a.type !== T.SpreadElement && (contains(a, handler) || handlerFunction(a, ctx, 0) === handler));
      // Placeholders (`let id = -1`, a constant) hold no registration; every id a call wrote does.
      const made = writes.filter((w) => w.type === T.CallExpression);
      if (made.length > 0 && made.every(registers)) found = true;
      return undefined;
    });
  }
  return found;
}

/** Records what a same-file function's parameters are handed by one call (`replay(client, error)`). */
function handOn(fn: Fn, call: TSESTree.CallExpression, sourceCode: TSESLint.SourceCode): void {
  fn.params.forEach((p, i) => {
    const a = call.arguments[i];
    const v = p.type === T.Identifier ? variableOf(sourceCode, p) : undefined;
    if (v && a && a.type !== T.SpreadElement && !handedIn.has(v)) handedIn.set(v, a);
  });
}

/** The function a factory returns: its only returned value, when that is a function. */
function returnedFunction(factory: Fn, sourceCode: TSESLint.SourceCode): Fn | undefined {
  const returned = returnedExpressions(factory, sourceCode);
  const u = returned.length === 1 && returned[0] ? unwrap(returned[0]) : undefined;
  return u && isFunction(u) ? u : undefined;
}

/** Whether a function's first parameter is an error whose `config` it reads (`err.config`, `({ config })`). */
function readsErrorConfig(fn: Fn, sourceCode: TSESLint.SourceCode): boolean {
  const p = fn.params[0];
  if (!p) return false;
  if (p.type === T.ObjectPattern) return p.properties.some((x) => x.type === T.Property && propertyName(x) === 'config');
  if (p.type !== T.Identifier) return false;
  const v = variableOf(sourceCode, p);
  return !!v && v.references.some((r) => {
    const parent = r.identifier.parent;
    if (parent?.type === T.MemberExpression && parent.object === r.identifier && propertyName(parent) === 'config') return true;
    return parent?.type === T.VariableDeclarator && parent.init === r.identifier && parent.id.type === T.ObjectPattern && parent.id.properties.some((x) => x.type === T.Property && propertyName(x) === 'config');
  });
}

/** At most this many replays of one handler are told apart (paths to a replay, not loops). */
const MAX_REPLAYS = 4;

function analyzeHandler(handler: Fn, instance: Node | undefined, registered: boolean, ctx: Ctx): RetrySite[] | undefined {
  const { sourceCode } = ctx;
  const vars = handlerVars(handler, sourceCode);
  if (vars.error.size === 0 && vars.config.size === 0) return undefined;
  const replay = findReplay(handler, handler, instance, vars, registered, ctx, 0, []);
  if (!replay) return undefined;
  // The handler's other replays (`if (401 && !cfg._retry) { …; return api(cfg) } if (timeout) return api(cfg)`):
  // each path to a replay is bounded only by a guard on that path.
  const others: Replay[] = [];
  const skip = new Set<Node>([replay.entry]);
  for (let r = findReplay(handler, handler, instance, vars, registered, ctx, 0, [], skip); r && others.length < MAX_REPLAYS; r = findReplay(handler, handler, instance, vars, registered, ctx, 0, [], skip)) {
    others.push(r);
    skip.add(r.entry);
  }
  const regions: Node[] = [handler.body, ...replay.helpers.map((h) => h.body)];

  const guards = guardHelpers(regions, vars, ctx);
  const seen = onceOrCounted([...regions, ...guards.bodies], guards.vars, sourceCode, guards.bodies);
  const { counters, configPath, assigned } = seen;
  // A replay sent through axios' default instance, past the created instance the handler is
  // registered on, is not intercepted again: it runs once.
  const guarded = seen.guard ?? (replaysPastHandler(replay, instance, sourceCode) || ejectsItselfBefore(replay, regions, ctx) ? 'once' : undefined);
  // PRODUCT: a request sent somewhere else (failover to the next host, a corrected URL) is a walk
  // over different inputs, not a retry.
  if (['baseURL', 'url'].some((p) => assigned.has(p))) return undefined;
  /** A counter kept on the config is the attempt number: the evaluator gets its interval. */
  const attemptMember = (m: TSESTree.MemberExpression): { lo: number; hi: number } | undefined => {
    const path = configPath(m);
    const limit = path === undefined ? undefined : counters.get(path);
    return limit === undefined ? undefined : { lo: 0, hi: limit };
  };
  /** A config option read back from the instance's defaults set in this file (`axios.defaults.retryDelay = 1000`). */
  const configValue = (m: TSESTree.MemberExpression): Node[] | undefined => {
    const name = propertyName(m);
    if (!instance || !name || !isConfig(m.object, vars)) return undefined;
    const values = configDefaults(instance, name, sourceCode);
    return values.length > 0 && values.every((v) => !isFunction(unwrap(v))) ? values : undefined;
  };
  const paths = replayConditions(handler, replay.entry, vars, sourceCode, instance);
  // A refresh-and-replay: only 401/403 reach the replay, or a credential is renewed before it on
  // a path that tells errors apart (a catch-all that also renews a token is still a retry).
  const authOnly = paths.allowed.every((s) => s === 401 || s === 403);
  // Only when the way to the replay renews something: a call that does work (a token refresh under
  // any name) or a write (`config.headers.Authorization = …`, `token = …`). A replay after a pause
  // or a log line alone sends the same credential again: a client error retried (PRODUCT, h23-29).
  let refresh = paths.allowed.length > 0 && authOnly && renewsBefore(replay.call, regions, ctx);
  if (!refresh && paths.classified && authOnly) {
    for (const r of regions) {
      walkRegion(r, sourceCode, (n) => {
        if (n.type === T.CallExpression && n.range[0] < replay.call.range[0] && !contains(n, replay.call) && isCredentialRefresh(n, sourceCode)) refresh = true;
      });
    }
  }
  const purpose: SitePurpose = refresh ? 'refresh-replay' : guarded === 'once' ? 'once-only-replay' : 'backoff-retry';

  const waits: Wait[] = [];
  for (const r of regions) {
    walkRegion(r, sourceCode, (n) => {
      if (n.type !== T.CallExpression && n.type !== T.NewExpression) return undefined;
      // A call of a helper on the way to the replay: its body is walked as a region of its own.
      if (n.type === T.CallExpression && replay.helpers.some((h) => h === sameFileFunction(n.callee, { sourceCode }))) return undefined;
      const w = asWait(n, sourceCode, ctx.settings);
      if (w && waitedFor(n, sourceCode)) {
        const wait = waitOf(w, sourceCode, [], undefined, undefined, attemptMember, configValue);
        const expr = w.delayExpr ?? w.argument;
        if (wait.delay.opaque && expr && w.bindings.length === 0 && invariant(expr, vars, regions, sourceCode, 0)) wait.delay = { ...wait.delay, opaque: false };
        waits.push(wait);
        return false;
      }
      return undefined;
    });
  }
  // A function imported from elsewhere, called with the config, is a replay only when the handler
  // also behaves as a retry: it waits, or it guards the replay with a flag or counter on the config.
  if (replay.viaImport && waits.length === 0 && !guarded) return undefined;
  // Retry-After is honoured when it flows into a delay: read from the response (or computed by
  // code we cannot see from the error or response) and waited for.
  const honoursRetryAfter = waits.some((w) => w.delay.retryAfter !== undefined || (w.delay.opaque && dependsOnError(w, vars, sourceCode)));
  // An `if` leads to the replay when its branch holds the replay (or the helper call that makes it) or falls through towards it; a
  // branch that leaves without it (`return Promise.reject(error)`) does not.
  const leadsToReplay = (ifStmt: TSESTree.IfStatement): boolean => contains(ifStmt.consequent, replay.entry) || !alwaysExits(ifStmt.consequent);
  const op = analyzeOperation(handler.body, [], ctx, leadsToReplay);

  const clientErrorRetries: ClientErrorRetry[] = [...paths.clientStatus.map((node) => ({ node, reason: 'client-status' as const }))];
  // Axios rejects 4xx/5xx unless the instance's `validateStatus` decides otherwise: then what reaches
  // the handler is up to that option, and a catch-all cannot be called one.
  if (!paths.classified && paths.allowed.length === 0 && !(instance && setsValidateStatus(instance, sourceCode))) clientErrorRetries.push({ node: handler, reason: 'catch-all' });

  // An interceptor re-sends any request of its instance: the non-idempotent ones it can reach.
  const nonIdempotent: NonIdempotentRequest[] = [];
  if (instance && !readsMethod(regions, vars, sourceCode)) {
    for (const call of callsThrough(instance, sourceCode)) {
      if (regions.some((r) => contains(r, call))) continue; // the replay itself re-sends whatever failed
      const h = describeHttpCall(sourceCode, call, ctx.settings);
      const j = h && judgeIdempotency(sourceCode, h, handler, ctx.settings);
      if (j) nonIdempotent.push(j);
    }
  }
  // A guard bounds the replays whose path it decides (a test before them that reads it): PRODUCT,
  // a check on one path does not bound another. Judged only when it decides some path, so a guard
  // kept where no test shows it (a helper, a set of sent configs) still bounds every replay.
  const unguarded: Replay[] = [];
  if (guarded && seen.guard && others.length > 0) {
    const all = [replay, ...others];
    // An earlier `if` left by another replay (`if (401 && !cfg._retry) { …; return api(cfg) }`) is
    // passed when its test fails, which says nothing of whether this path was replayed before.
    const leftByReplay = (t: Node): boolean => t.parent?.type === T.IfStatement && t.parent.test === t && all.some((o) => contains(t.parent!, o.entry));
    const decided = all.map((r) => dominatingTests(r.entry, handler.body).some((t) => seen.readsGuard(t) && (contains(t.parent!, r.entry) ? true : !leftByReplay(t))));
    if (decided.some(Boolean)) all.forEach((r, i) => !decided[i] && unguarded.push(r));
  }
  const mainUnguarded = unguarded.includes(replay);
  const main: RetrySite = {
    kind: 'interceptor',
    node: replay.call,
    bound: { kind: guarded && !mainUnguarded ? 'bounded' : 'unbounded', maxAttempts: mainUnguarded ? undefined : maxReplays(guarded, counters), node: replay.call },
    waits,
    noWait: waits.length === 0 ? replay.call : undefined,
    nonIdempotent,
    rateLimitChecks: op.rateLimitChecks,
    honoursRetryAfter,
    clientErrorRetries,
    purpose: mainUnguarded && purpose === 'once-only-replay' ? 'backoff-retry' : purpose,
    retriedStatuses: paths.allowed.length > 0 ? paths.allowed : undefined,
  };
  // Each other unguarded replay: its own site, with the waits on its own path.
  const extra = unguarded.filter((r) => r !== replay).map((r): RetrySite => {
    const own = waits.filter((w) => w.node.range[0] < r.call.range[0] && onPathTo(w.node, r.entry, handler.body));
    return {
      kind: 'interceptor',
      node: r.call,
      bound: { kind: 'unbounded', maxAttempts: undefined, node: r.call },
      waits: own,
      noWait: own.length === 0 ? r.call : undefined,
      nonIdempotent: [],
      rateLimitChecks: [],
      honoursRetryAfter: own.some((w) => w.delay.retryAfter !== undefined),
      clientErrorRetries: [],
      purpose: 'backoff-retry',
    };
  });
  return [main, ...extra];
}

/** Whether `node` can run on the way to `target`: no branch between it and `root` leaves `target` out. */
function onPathTo(node: Node, target: Node, root: Node): boolean {
  for (let c: Node = node, p = node.parent; p && c !== root; c = p, p = p.parent) {
    if ((p.type === T.IfStatement || p.type === T.ConditionalExpression) && c !== p.test && !contains(c, target)) return false;
    if (p.type === T.SwitchCase && !contains(p, target)) return false;
  }
  return true;
}

/** The error, config and error-derived variables of a handler (parameter and body). */
function handlerVars(handler: Fn, sourceCode: TSESLint.SourceCode): HandlerVars {
  const vars: HandlerVars = { error: new Set(), config: new Set(), derived: new Set() };
  const fromPattern = (pattern: TSESTree.ObjectPattern): void => {
    for (const p of pattern.properties) {
      const target = p.type === T.Property ? (p.value.type === T.AssignmentPattern ? p.value.left : p.value) : p.argument;
      if (target.type !== T.Identifier) continue;
      const v = variableOf(sourceCode, target);
      if (!v) continue;
      if (p.type === T.Property && propertyName(p) === 'config') vars.config.add(v);
      else if (p.type === T.Property) vars.derived.add(v);
      else vars.error.add(v);
    }
  };
  const param = handler.params[0];
  const id = param?.type === T.AssignmentPattern ? param.left : param;
  if (id?.type === T.Identifier) {
    const v = variableOf(sourceCode, id);
    if (v) vars.error.add(v);
  } else if (id?.type === T.ObjectPattern) fromPattern(id);
  walkRegion(handler.body, sourceCode, (n) => {
    if (n.type === T.VariableDeclarator && n.init) {
      if (n.id.type === T.Identifier) {
        const v = variableOf(sourceCode, n.id);
        if (!v) return;
        if (isConfig(n.init, vars)) vars.config.add(v);
        else if (refersTo(n.init, vars.error, sourceCode) || refersTo(n.init, vars.derived, sourceCode)) vars.derived.add(v);
      } else if (n.id.type === T.ObjectPattern && refersTo(n.init, vars.error, sourceCode) && unwrap(n.init).type === T.Identifier) {
        fromPattern(n.id);
      }
    }
    if (n.type === T.AssignmentExpression && n.left.type === T.Identifier && isConfig(n.right, vars)) {
      const v = variableOf(sourceCode, n.left);
      if (v) vars.config.add(v);
    }
  });
  return vars;
}

/** `error.config`, a variable holding it, or `{ ...error.config, … }`. */
function isConfig(node: Node, vars: HandlerVars): boolean {
  const n = unwrap(node);
  if (n.type === T.MemberExpression && propertyName(n) === 'config') {
    const o = unwrap(n.object);
    return o.type === T.Identifier && isRefTo(o, vars.error);
  }
  if (n.type === T.Identifier) return isRefTo(n, vars.config);
  if (n.type === T.ObjectExpression) return n.properties.some((p) => p.type === T.SpreadElement && isConfig(p.argument, vars));
  if (n.type === T.CallExpression && n.arguments.length > 0 && calleeName(n) === 'assign') return n.arguments.some((a) => isConfig(a, vars));
  return false;
}

function isRefTo(id: TSESTree.Identifier, set: Set<Variable>): boolean {
  for (const v of set) if (isReferenceTo(v, id)) return true;
  return false;
}

function refersTo(node: Node, set: Set<Variable>, sourceCode: TSESLint.SourceCode): boolean {
  if (set.size === 0) return false;
  let found = false;
  walk(node, sourceCode.visitorKeys, (n) => {
    if (found) return false;
    if (n.type === T.Identifier && isRefTo(n, set)) found = true;
    return undefined;
  });
  return found;
}

/** Whether the expression is the instance (or axios itself): same text, or imported from axios. */
function isAxiosLike(target: Node, instance: Node | undefined, sourceCode: TSESLint.SourceCode, depth = 0): boolean {
  if (instance && sourceCode.getText(target) === sourceCode.getText(instance)) return true;
  const v = target.type === T.Identifier ? variableOf(sourceCode, target) : undefined;
  const given = v && handedIn.get(v);
  if (given && depth < 3) return isAxiosLike(unwrap(given), instance, sourceCode, depth + 1);
  return originOf(sourceCode, target)?.module === 'axios';
}

/**
 * Finds the call that re-sends the failed config in `fn` (the handler or a helper it calls with
 * the config): an axios call (`api(config)`, `api.request(config)`), a same-file helper that does
 * it, or, for a handler found by its shape, an imported client whose result the handler returns.
 */
function findReplay(fn: Fn, handler: Fn, instance: Node | undefined, vars: HandlerVars, registered: boolean, ctx: Ctx, depth: number, helpers: Fn[], skip: ReadonlySet<Node> = new Set()): Replay | undefined {
  const { sourceCode } = ctx;
  let found: Replay | undefined;
  walkRegion(fn.body, sourceCode, (n) => {
    if (found) return false;
    if (n.type !== T.CallExpression) return undefined;
    // A replay already found (another path of the same handler): looked past.
    if (depth === 0 && skip.has(n)) return false;
    const argIndex = n.arguments.findIndex((a) => a.type !== T.SpreadElement && isConfig(a, vars));
    // The error handed to a same-file helper that re-sends its config (`replay(client, error)`).
    const errIndex = argIndex < 0 ? n.arguments.findIndex((a) => { const x = unwrap(a); return x.type === T.Identifier && isRefTo(x, vars.error); }) : -1;
    if (argIndex < 0 && errIndex < 0) return undefined;
    if (argIndex < 0) {
      const helper = depth < 2 ? sameFileFunction(n.callee, { sourceCode }) : undefined;
      const p = helper?.params[errIndex];
      const pid = p?.type === T.AssignmentPattern ? p.left : p;
      if (!helper || helper === fn || helper === handler || contains(helper, n) || pid?.type !== T.Identifier) return undefined;
      const v = variableOf(sourceCode, pid);
      if (v) vars.error.add(v);
      handOn(helper, n, sourceCode);
      const inner = findReplay(helper, handler, instance, vars, registered, ctx, depth + 1, [...helpers, helper]);
      if (inner) found = { ...inner, entry: depth === 0 ? n : inner.entry };
      return found ? false : undefined;
    }
    const c = unwrap(n.callee);
    const target = c.type === T.MemberExpression && REQUEST_METHODS.has(propertyName(c) ?? '') ? unwrap(c.object) : c;
    const entry = depth === 0 ? n : undefined;
    // `api(config)`, `api.request(config)`, `api.post(config.url, config.data, config)`.
    if ((argIndex === 0 || target !== c) && isAxiosLike(target, instance, sourceCode)) {
      found = { call: n, entry: entry ?? n, helpers };
      return false;
    }
    const helper = depth < 2 ? sameFileFunction(n.callee, { sourceCode }) : undefined;
    if (helper && helper !== fn && helper !== handler && !contains(helper, n)) {
      const p = helper.params[argIndex];
      const pid = p?.type === T.AssignmentPattern ? p.left : p;
      if (pid?.type === T.Identifier) {
        const v = variableOf(sourceCode, pid);
        if (v) vars.config.add(v);
        handOn(helper, n, sourceCode);
        const inner = findReplay(helper, handler, instance, vars, registered, ctx, depth + 1, [...helpers, helper]);
        if (inner) {
          found = { ...inner, entry: entry ?? inner.entry };
          return false;
        }
      }
      return undefined;
    }
    // A client imported from another module (`import http from './http'`) re-sending the config,
    // when the handler returns what it sends.
    if (!helper && argIndex === 0 && target.type === T.Identifier && originOf(sourceCode, target) && calleeName(n) !== 'reject' && flowsToReturn(n, fn)) {
      found = { call: n, entry: entry ?? n, helpers, viaImport: true };
      return false;
    }
    return undefined;
  });
  if (found && !registered && depth === 0 && !flowsToReturn(found.entry, handler)) return undefined;
  return found;
}

/**
 * Whether a call's result is what `fn` returns: returned or awaited and returned, directly or
 * through `.then` callbacks and a `new Promise` executor's `resolve`.
 */
function flowsToReturn(call: Node, fn: Fn): boolean {
  let n: Node = call;
  for (let i = 0; i < 16; i++) {
    const p = n.parent;
    if (!p) return false;
    if (p.type === T.AwaitExpression || p.type === T.TSAsExpression || p.type === T.TSNonNullExpression || p.type === T.ChainExpression || p.type === T.ConditionalExpression || p.type === T.LogicalExpression || p.type === T.SequenceExpression) {
      n = p;
      continue;
    }
    let fnOf: Node | undefined;
    if (p.type === T.ReturnStatement) {
      let q: Node | undefined = p.parent;
      while (q && !isFunction(q)) q = q.parent;
      fnOf = q;
    } else if (p.type === T.ArrowFunctionExpression && p.body === n) fnOf = p;
    else if (p.type === T.CallExpression && p.arguments.includes(n as TSESTree.CallExpressionArgument)) {
      // `resolve(api(cfg))` inside a `new Promise` executor.
      const c = unwrap(p.callee);
      let q: Node | undefined = p.parent;
      while (q && !isFunction(q)) q = q.parent;
      const exec = enclosingExecutor(q);
      if (c.type === T.Identifier && exec && exec.params[0]?.type === T.Identifier && exec.params[0].name === c.name) {
        n = exec.parent as Node;
        continue;
      }
      return false;
    } else return false;
    if (!fnOf) return false;
    if (fnOf === fn) return true;
    // A callback: `.then(() => api(cfg))`, the executor of `new Promise`, or a timer inside it.
    const host = fnOf.parent;
    if (host?.type === T.CallExpression && host.arguments.includes(fnOf as TSESTree.CallExpressionArgument) && ['then', 'finally', 'catch'].includes(calleeName(host) ?? '')) {
      n = host;
      continue;
    }
    return false;
  }
  return false;
}

/** The `new Promise` executor a function is (or is nested in, through timer callbacks). */
function enclosingExecutor(f: Node | undefined): Fn | undefined {
  let q: Node | undefined = f;
  for (let i = 0; q && i < 4; i++) {
    if (isFunction(q) && q.parent?.type === T.NewExpression && calleeName(q.parent) === 'Promise') return q;
    q = q.parent;
    while (q && !isFunction(q)) q = q.parent;
  }
  return undefined;
}

/**
 * Same-file functions that decide whether to replay (`if (!canRetry(error)) throw error`, `… ||
 * !withinBudget(cfg)`): called in a test of the handler with the error or the config. Their bodies
 * join the regions searched for a counter's test, and their error and config variables join the
 * handler's, so a budget kept on the config and tested in such a helper bounds the replay.
 */
function guardHelpers(regions: Node[], vars: HandlerVars, ctx: Ctx): { bodies: Node[]; vars: HandlerVars } {
  const { sourceCode } = ctx;
  const merged: HandlerVars = { error: new Set(vars.error), config: new Set(vars.config), derived: new Set(vars.derived) };
  const bodies: Node[] = [];
  const inTest = (call: Node): boolean => {
    for (let c: Node = call, p: Node | undefined = call.parent; p && !isFunction(p); c = p, p = p.parent) {
      if ((p.type === T.IfStatement || p.type === T.ConditionalExpression) && p.test === c) return true;
      if (p.type === T.LogicalExpression || (p.type === T.UnaryExpression && p.operator === '!')) continue;
      return false;
    }
    return false;
  };
  for (const region of regions) {
    walkRegion(region, sourceCode, (n) => {
      if (n.type !== T.CallExpression || !n.arguments[0] || !inTest(n)) return;
      const arg = unwrap(n.arguments[0]);
      const isError = arg.type === T.Identifier && isRefTo(arg, vars.error);
      if (!isError && !isConfig(arg, vars)) return;
      const fn = sameFileFunction(n.callee, { sourceCode });
      if (!fn || bodies.includes(fn.body) || regions.includes(fn.body)) return;
      const param = fn.params[0];
      const id = param?.type === T.AssignmentPattern ? param.left : param;
      if (id?.type !== T.Identifier) return;
      if (isError) {
        const own = handlerVars(fn, sourceCode);
        for (const k of ['error', 'config', 'derived'] as const) for (const v of own[k]) merged[k].add(v);
      } else {
        const v = variableOf(sourceCode, id);
        if (v) merged.config.add(v);
      }
      bodies.push(fn.body);
    });
  }
  return { bodies, vars: merged };
}

/**
 * A once-only flag or an attempt counter kept on the config: a property of the config (at any
 * depth) both written and tested, or the config kept in a set/map that is checked.
 */
function onceOrCounted(regions: Node[], vars: HandlerVars, sourceCode: TSESLint.SourceCode, helperBodies: Node[] = []): { guard: 'once' | 'counted' | undefined; counters: Map<string, number>; configPath: (m: Node) => string | undefined; assigned: Map<string, 'flag' | 'count'>; readsGuard: (test: Node) => boolean } {
  const assigned = new Map<string, 'flag' | 'count'>();
  const tested = new Set<string>();
  /** The largest value a tested counter reaches before the test stops the replay (`n >= 3` → 3). */
  const limits = new Map<string, number>();
  const stored = new Set<string>();
  const checked = new Set<string>();
  const flagVars = new Set<Variable>();
  const testedVars = new Set<Variable>();
  /** Counters kept outside the handler (`let replays = 0` … `replays += 1`), stepped in it. */
  const countVars = new Set<Variable>();
  /** The largest value a tested outside counter reaches before its test stops the replay. */
  const varLimits = new Map<Variable, number>();
  const configPath = (m: Node): string | undefined => {
    let o = unwrap(m);
    const names: string[] = [];
    while (o.type === T.MemberExpression) {
      names.unshift(propertyName(o) ?? '?');
      if (isConfig(o.object, vars)) return names.join('.');
      o = unwrap(o.object);
    }
    return undefined;
  };
  /** The config path a test reads: a member of the config, or a `const` local read from one (`const n = config._n ?? 0`). */
  const testedPath = (node: Node): string | undefined => {
    const n = withoutDefault(node, sourceCode);
    if (n.type === T.MemberExpression) return configPath(n);
    if (n.type !== T.Identifier) return undefined;
    const v = variableOf(sourceCode, n);
    const def = v?.defs.length === 1 ? v.defs[0] : undefined;
    if (def?.type !== 'Variable' || def.parent.kind !== 'const' || !def.node.init) return undefined;
    const init = withoutDefault(def.node.init, sourceCode);
    return init.type === T.MemberExpression ? configPath(init) : undefined;
  };
  /**
   * A `const` local computed from a member of the config (`const waitMs = 250 * 2 ** cfg.__n`):
   * when that member is a count, the local grows with it, so a threshold on it ends the replay
   * too, after a number of rounds not worked out here. The path counts as tested, its limit unknown.
   */
  const derivedPath = (node: Node): string | undefined => {
    const n = unwrap(node);
    if (n.type !== T.Identifier) return undefined;
    const v = variableOf(sourceCode, n);
    const def = v?.defs.length === 1 ? v.defs[0] : undefined;
    if (def?.type !== 'Variable' || def.parent.kind !== 'const' || !def.node.init) return undefined;
    let path: string | undefined;
    walk(def.node.init, sourceCode.visitorKeys, (m) => {
      if (path || isFunction(m)) return false;
      if (m.type === T.MemberExpression) {
        path = configPath(m);
        if (path) return false;
      }
      return undefined;
    });
    return path;
  };
  for (const region of regions) {
    walkRegion(region, sourceCode, (n) => {
      // A flag outside the handler (`refreshing = true`) tested before the replay: a second failure
      // while it is set is not replayed.
      if (n.type === T.AssignmentExpression && n.operator === '=' && n.left.type === T.Identifier && isLiteralTrue(n.right, sourceCode)) {
        const v = variableOf(sourceCode, n.left);
        if (v && !v.defs.some((d) => regions.some((r) => contains(r, d.node)))) flagVars.add(v);
      }
      // A counter outside the handler stepped in it (`replays += 1`, `replays++`): tested before the
      // replay, it bounds the chain of replays like a counter on the config does.
      if ((n.type === T.UpdateExpression && n.operator === '++') || (n.type === T.AssignmentExpression && n.operator === '+=')) {
        const target = unwrap(n.type === T.AssignmentExpression ? n.left : n.argument);
        const v = target.type === T.Identifier ? variableOf(sourceCode, target) : undefined;
        if (v && !v.defs.some((d) => regions.some((r) => contains(r, d.node)))) countVars.add(v);
      }
      if (n.type === T.AssignmentExpression || n.type === T.UpdateExpression) {
        const target = unwrap(n.type === T.AssignmentExpression ? n.left : n.argument);
        const path = target.type === T.MemberExpression ? configPath(target) : undefined;
        const flag = n.type === T.AssignmentExpression && n.operator === '=' && constantValue(sourceCode, n.right) !== undefined;
        if (path) assigned.set(path, assigned.get(path) === 'count' || !flag ? 'count' : 'flag');
      }
      // `{ ...config, _retry: true }` re-sent: the flag is set on the copy.
      if (n.type === T.ObjectExpression && isConfig(n, vars)) {
        for (const p of n.properties) if (p.type === T.Property && propertyName(p)) assigned.set(propertyName(p)!, 'flag');
      }
      if (n.type === T.CallExpression && n.arguments[0] && isConfig(n.arguments[0], vars)) {
        const c = unwrap(n.callee);
        const name = calleeName(n);
        if (c.type === T.MemberExpression && (name === 'add' || name === 'set')) stored.add(sourceCode.getText(c.object));
        if (c.type === T.MemberExpression && (name === 'has' || name === 'get')) checked.add(sourceCode.getText(c.object));
      }
      // A test: an if or conditional, or a logical whose right side acts (`n < 3 && api(cfg)`), not a default (`n || 0`).
      // In a guard helper, what it returns is the test (`(cfg.tries ?? 0) < 3`).
      const isDefault = n.type === T.LogicalExpression && (n.operator === '??' || constantValue(sourceCode, n.right) !== undefined);
      const returned = helperBodies.includes(region) && ((n === region && region.type !== T.BlockStatement) || (n.type === T.ReturnStatement && !!n.argument));
      if (returned || n.type === T.IfStatement || n.type === T.ConditionalExpression || (n.type === T.LogicalExpression && !isDefault && n.parent.type !== T.LogicalExpression)) {
        const test = returned ? (n.type === T.ReturnStatement ? n.argument! : n) : n.type === T.LogicalExpression ? n : (n as TSESTree.IfStatement | TSESTree.ConditionalExpression).test;
        walk(test, sourceCode.visitorKeys, (t) => {
          if (t.type === T.MemberExpression) {
            const path = configPath(t);
            if (path) tested.add(path);
          }
          if (t.type === T.Identifier) {
            const v = variableOf(sourceCode, t);
            if (v) testedVars.add(v);
            const aliased = testedPath(t);
            if (aliased) tested.add(aliased);
          }
          if (t.type === T.BinaryExpression && ['<', '<=', '>', '>=', '===', '=='].includes(t.operator) && t.left.type !== T.PrivateIdentifier) {
            const l = withoutDefault(t.left, sourceCode);
            const r = withoutDefault(t.right, sourceCode);
            const lp = testedPath(l);
            const rp = testedPath(r);
            // A threshold on a value grown from a count (`waitMs > CEILING`): tested, limit unknown.
            const grown = !lp && !rp && t.operator !== '===' && t.operator !== '==' ? (derivedPath(l) ?? derivedPath(r)) : undefined;
            if (grown) tested.add(grown);
            const num = staticNumber(lp ? r : l, sourceCode);
            const path = lp ?? rp;
            // `replays < 3` on an outside counter: its limit, as for a config counter.
            const lv = l.type === T.Identifier ? variableOf(sourceCode, l) : undefined;
            const rv = r.type === T.Identifier ? variableOf(sourceCode, r) : undefined;
            const counterVar = lv && !lp ? lv : rv && !rp ? rv : undefined;
            const bound = counterVar ? staticNumber(counterVar === lv ? r : l, sourceCode) : undefined;
            if (counterVar && bound !== undefined) {
              const varStrict = counterVar === lv ? t.operator === '>' || t.operator === '<=' : t.operator === '<' || t.operator === '>=';
              varLimits.set(counterVar, Math.max(varLimits.get(counterVar) ?? 0, bound + (varStrict ? 1 : 0)));
            }
            // `n >= 3`, `3 <= n`, `n > 3`, `n < 3`: the counter stays at or below the limit (+1 for strict tests).
            const strict = lp ? t.operator === '>' || t.operator === '<=' : t.operator === '<' || t.operator === '>=';
            if (path && num !== undefined) limits.set(path, Math.max(limits.get(path) ?? 0, num + (strict ? 1 : 0)));
          }
        });
      }
    });
  }
  const hits = [...assigned].filter(([p]) => tested.has(p));
  const counters = new Map<string, number>();
  for (const [p, k] of assigned) if (k === 'count') counters.set(p, hits.some(([h]) => h === p) ? (limits.get(p) ?? Infinity) : Infinity);
  let guard: 'once' | 'counted' | undefined;
  if ([...stored].some((x) => checked.has(x)) || [...flagVars].some((v) => testedVars.has(v))) guard = 'once';
  else if (hits.length > 0) guard = hits.some(([, k]) => k === 'count') ? 'counted' : 'once';
  else {
    const outside = [...countVars].filter((v) => testedVars.has(v));
    if (outside.length > 0) {
      guard = 'counted';
      for (const v of outside) counters.set(`(${v.name})`, varLimits.get(v) ?? Infinity);
    }
  }
  const guardPaths = new Set(hits.map(([p]) => p));
  const guardVars = new Set([...flagVars, ...countVars].filter((v) => testedVars.has(v)));
  const guardSets = new Set([...stored].filter((x) => checked.has(x)));
  /** Whether a test reads the guard: its config member, outside flag or counter, set of sent configs, or a guard helper. */
  const readsGuard = (test: Node): boolean => {
    let found = false;
    walk(test, sourceCode.visitorKeys, (t) => {
      if (found) return false;
      if (t.type === T.MemberExpression) {
        const path = configPath(t);
        if (path && guardPaths.has(path)) found = true;
      } else if (t.type === T.Identifier) {
        const v = variableOf(sourceCode, t);
        const aliased = testedPath(t) ?? derivedPath(t);
        if ((v && guardVars.has(v)) || (aliased && guardPaths.has(aliased))) found = true;
      } else if (t.type === T.CallExpression) {
        const c = unwrap(t.callee);
        if (c.type === T.MemberExpression && guardSets.has(sourceCode.getText(c.object))) found = true;
        const fn = sameFileFunction(t.callee, { sourceCode });
        if (fn && helperBodies.includes(fn.body as Node)) found = true;
      }
      return undefined;
    });
    return found;
  };
  return { guard, counters, configPath, assigned, readsGuard };
}

/** How many times the handler replays at most: once for a flag, the counter's limit (+1 for the first attempt) when known. */
function maxReplays(guard: 'once' | 'counted' | undefined, counters: Map<string, number>): number | undefined {
  if (guard === 'once') return 2;
  const limits = [...counters.values()].filter((n) => Number.isFinite(n));
  return guard === 'counted' && limits.length > 0 ? Math.min(...limits) + 1 : undefined;
}

/** `x ?? 0`, `x || 0`: the value `x` (a default does not change what is compared). */
function withoutDefault(node: Node, sourceCode: TSESLint.SourceCode): Node {
  const n = unwrap(node);
  return n.type === T.LogicalExpression && (n.operator === '??' || n.operator === '||') && constantValue(sourceCode, n.right) !== undefined ? unwrap(n.left) : n;
}

/** `true`, or a non-zero number (a literal or a same-file constant). */
function isLiteralTrue(node: Node, sourceCode: TSESLint.SourceCode): boolean {
  const c = constantValue(sourceCode, node);
  return !!c && (c.value === true || (typeof c.value === 'number' && c.value !== 0));
}

/** A number known statically (a literal or a `const`). */
function staticNumber(node: Node, sourceCode: TSESLint.SourceCode): number | undefined {
  try {
    const v = ASTUtils.getStaticValue(unwrap(node) as TSESTree.Node, sourceCode.getScope(node));
    return typeof v?.value === 'number' && Number.isFinite(v.value) ? v.value : undefined;
  } catch {
    return undefined;
  }
}

/** The tests on the way to the replay, read as sets of statuses. */
interface PathFacts {
  /** Statuses the replay is limited to (`status === 429`, `status !== 401` then leave). */
  allowed: number[];
  /** The failures are told apart (a network-only test, a 5xx range, a classifier, an error code). */
  classified: boolean;
  /** Tests that let 4xx client errors (other than 401/403) through to the replay. */
  clientStatus: Node[];
}

/**
 * Reads the tests that decide whether the handler reaches the replay: conditions around the
 * entry call (must hold) and early exits before it (must not hold). Tests of the config alone
 * (a once-only flag, a counter) are guards, not classification.
 */
function replayConditions(handler: Fn, entry: Node, vars: HandlerVars, sourceCode: TSESLint.SourceCode, instance: Node | undefined): PathFacts {
  const errorish = new Set([...vars.error, ...vars.derived]);
  interface Reading extends PathFacts {
    excluded: Set<number>;
  }
  const fresh = (): Reading => ({ allowed: [], classified: false, clientStatus: [], excluded: new Set() });
  // Whether what was read tells failures apart: a test that does, or one that lets through a list
  // of statuses, or keeps out 3 or more client errors or a server error.
  const settled = (f: Reading): boolean => f.classified || f.allowed.length > 0 || [...f.excluded].filter((c) => isClientErrorStatus(c)).length >= 3 || [...f.excluded].some((c) => c >= 500);
  const facts = fresh();
  const readInto = (into: Reading, test: Node, hold: boolean, at: Node, depth: number): void => {
    const t = unwrap(test);
    if (t.type === T.UnaryExpression && t.operator === '!') return readInto(into, t.argument, !hold, at, depth);
    if (t.type === T.LogicalExpression && t.operator !== '??') {
      // Both hold (`a && b` holding, `a || b` failing): each one is read.
      if ((t.operator === '&&') === hold) {
        readInto(into, t.left, hold, at, depth);
        readInto(into, t.right, hold, at, depth);
        return;
      }
      // Either one holds (`!(response && status === 404)` is `!response || status !== 404`): the
      // replay lets through what any of them lets through, so it tells failures apart only where
      // each one does.
      readEither(into, [{ test: t.left, hold }, { test: t.right, hold }], at, depth);
      return;
    }
    if (!refersTo(t, errorish, sourceCode)) {
      // A flag the handler sets in branches (`let reason = null; … else if (status === 429) reason
      // = 'rate limit'; … if (reason) return replay()`): holding, it says one of those branches ran.
      const branches = hold && depth < 3 ? flagBranches(t, handler, sourceCode) : undefined;
      if (branches) readEither(into, branches.map((conditions) => ({ all: conditions })), at, depth + 1);
      return;
    }
    const tested = statusesTested(t, sourceCode);
    if (tested.length === 0) {
      // A predicate whose code is visible (a same-file function, or one set on the instance's
      // defaults and read back from the config) is judged by what it accepts.
      const verdict = hold ? predicateVerdict(t, instance, vars, sourceCode) : undefined;
      if (verdict === 'all') return;
      if (verdict === 'client' && !into.clientStatus.includes(at)) into.clientStatus.push(at);
      // `!error.response`, `error.code === 'ECONNRESET'`, `message.includes('timeout')`, `isRetryable(error)`.
      into.classified = true;
      return;
    }
    for (const s of tested) {
      const eq = s.op === '===' || s.op === '==' || s.op === 'in';
      const ne = s.op === '!==' || s.op === '!=';
      if ((hold && eq) || (!hold && ne)) {
        if (!into.allowed.includes(s.code)) into.allowed.push(s.code);
        if (isClientErrorStatus(s.code) && s.code !== 401 && s.code !== 403 && !into.clientStatus.includes(at)) into.clientStatus.push(at);
      } else if (eq || ne) into.excluded.add(s.code);
      else if (!(s.code === 400 || s.code === 399)) into.classified = true;
    }
  };
  // One of several alternatives holds (a single test, or all of a list of tests).
  const readEither = (into: Reading, alternatives: ({ test: Node; hold: boolean } | { all: PathCondition[] })[], at: Node, depth: number): void => {
    const parts = alternatives.map((a) => {
      const f = fresh();
      for (const c of 'all' in a ? a.all : [a]) readInto(f, c.test, c.hold, at, depth);
      return f;
    });
    for (const f of parts) for (const n of f.clientStatus) if (!into.clientStatus.includes(n)) into.clientStatus.push(n);
    if (parts.every(settled)) {
      into.classified = true;
      for (const f of parts) for (const c of f.allowed) if (!into.allowed.includes(c)) into.allowed.push(c);
    } else {
      // Kept out only where every alternative keeps it out.
      for (const c of parts[0]?.excluded ?? []) if (parts.every((f) => f.excluded.has(c))) into.excluded.add(c);
    }
  };
  const read = (test: Node, hold: boolean, at: Node): void => readInto(facts, test, hold, at, 0);
  // Conditions around the entry.
  let child: Node = entry;
  for (let p = entry.parent; p && p !== handler; child = p, p = p.parent) {
    if ((p.type === T.IfStatement || p.type === T.ConditionalExpression) && child !== p.test) read(p.test, child === p.consequent, p.test);
    if (p.type === T.LogicalExpression && child === p.right) read(p.left, p.operator === '&&', p.left);
    if (p.type === T.SwitchCase && p.test) facts.classified = true;
  }
  // Early exits before it.
  walkRegion(handler.body, sourceCode, (n) => {
    if (n.range[0] >= entry.range[0]) return false;
    if (n.type === T.IfStatement && !contains(n, entry) && alwaysExits(n.consequent)) read(n.test, false, n.test);
    return undefined;
  }, false);
  return { allowed: facts.allowed, classified: settled(facts), clientStatus: facts.clientStatus };
}

/** A test on the way to a node, and whether it holds there. */
interface PathCondition {
  test: Node;
  hold: boolean;
}

/**
 * The tests around each write that sets a flag (`let reason = null`, then `reason = 'server'` in
 * the branches that tell failures apart), when the flag is a local of `fn` that starts falsy and is
 * only ever set truthy under a test: reading the flag as true means that one of those lists held.
 * Undefined when the flag is set on a path with no test (it then tells nothing apart) or is not
 * such a local.
 */
function flagBranches(test: Node, fn: Fn, sourceCode: TSESLint.SourceCode): PathCondition[][] | undefined {
  if (test.type !== T.Identifier) return undefined;
  const v = variableOf(sourceCode, test);
  const def = v?.defs[0];
  if (!v || def?.type !== 'Variable' || def.node.type !== T.VariableDeclarator || !contains(fn, def.node)) return undefined;
  const falsy = (e: Node | null | undefined): boolean => !e || isFalsyConstant(e);
  if (!falsy(def.node.init)) return undefined;
  const out: PathCondition[][] = [];
  for (const r of v.references) {
    if (!r.isWrite() || r.identifier === def.node.id) continue;
    const write = r.identifier.parent;
    if (write?.type !== T.AssignmentExpression || write.operator !== '=') return undefined;
    if (falsy(write.right)) continue;
    const conditions: PathCondition[] = [];
    let child: Node = write;
    for (let p: Node | undefined = write.parent as Node | undefined; p && p !== fn; child = p, p = p.parent) {
      if (isFunction(p)) return undefined;
      if ((p.type === T.IfStatement || p.type === T.ConditionalExpression) && child !== p.test) conditions.push({ test: p.test, hold: child === p.consequent });
      if (p.type === T.LogicalExpression && child === p.right) conditions.push({ test: p.left, hold: p.operator === '&&' });
    }
    if (conditions.length === 0) return undefined;
    out.push(conditions);
  }
  return out.length > 0 ? out : undefined;
}

/**
 * What a predicate call in a replay condition accepts (`isSafeToRetry(error)`,
 * `config.shouldRetry(err)`), when its code can be seen: `all` when it lets every failure through
 * or decides on something other than the status (the method, the error's presence), so that 4xx
 * reach the replay as they would with no test; `client` when it names statuses and lets a 4xx
 * through; `classified` when it tells failures apart; undefined when it cannot be read.
 */
function predicateVerdict(test: Node, instance: Node | undefined, vars: HandlerVars, sourceCode: TSESLint.SourceCode): 'all' | 'client' | 'classified' | undefined {
  const call = unwrap(test);
  if (call.type !== T.CallExpression) return undefined;
  const callee = unwrap(call.callee);
  let fns: Fn[] = [];
  const local = sameFileFunction(callee, { sourceCode });
  if (local) fns = [local];
  else if (callee.type === T.MemberExpression && isConfig(callee.object, vars)) {
    const name = propertyName(callee);
    const values = name && instance ? configDefaults(instance, name, sourceCode) : [];
    fns = values.map((v) => sameFileFunction(v, { sourceCode })).filter((f): f is Fn => f !== undefined);
    if (fns.length === 0 || fns.length !== values.length) return undefined;
  }
  if (fns.length === 0) return undefined;
  const errorish = new Set([...vars.error, ...vars.derived]);
  const roles: Role[] = call.arguments.map((a) => (isConfig(a, vars) ? 'config' : refersTo(a, errorish, sourceCode) ? 'error' : 'other'));
  let all = true;
  let client = false;
  for (const fn of fns) {
    const set = evaluateCondition(fn, { positional: roles }, sourceCode);
    if (!set) return undefined;
    const statusBlind = set.named.size === 0 && retriedClientError(set) !== undefined;
    if (!acceptsAll(set) && !statusBlind) all = false;
    if (retriedClientError(set) !== undefined) client = true;
  }
  return all ? 'all' : client ? 'client' : 'classified';
}

/**
 * The values a request-config option gets from the instance's defaults set in this file:
 * `axios.defaults.shouldRetry = …`, the same through an alias (`const d = api.defaults as …;
 * d.shouldRetry = …`), or `axios.create({ shouldRetry })` for the instance. Empty when none is seen.
 */
function configDefaults(instance: Node, name: string, sourceCode: TSESLint.SourceCode): Node[] {
  const inst = unwrap(instance);
  if (inst.type !== T.Identifier) return [];
  const v = variableOf(sourceCode, inst);
  if (!v) return [];
  const out: Node[] = [];
  const assignedTo = (member: Node): void => {
    const p = member.parent;
    if (p?.type === T.AssignmentExpression && p.left === member && p.operator === '=') out.push(p.right);
  };
  for (const r of v.references) {
    const id = r.identifier as Node;
    const defaults = id.parent;
    if (defaults?.type !== T.MemberExpression || defaults.object !== id || propertyName(defaults) !== 'defaults') continue;
    const member = defaults.parent;
    if (member?.type === T.MemberExpression && member.object === defaults && propertyName(member) === name) assignedTo(member);
    let e: Node = defaults;
    while (e.parent && (e.parent.type === T.TSAsExpression || e.parent.type === T.TSNonNullExpression || e.parent.type === T.TSSatisfiesExpression)) e = e.parent;
    const decl = e.parent;
    if (decl?.type === T.VariableDeclarator && decl.init === e && decl.id.type === T.Identifier) {
      const alias = variableOf(sourceCode, decl.id);
      for (const ar of alias?.references ?? []) {
        const m = (ar.identifier as Node).parent;
        if (m?.type === T.MemberExpression && m.object === ar.identifier && propertyName(m) === name) assignedTo(m);
      }
    }
  }
  // `const api = axios.create({ shouldRetry })`.
  const b = bindingOf(v);
  const init = b && b.kind === 'init' && b.node ? unwrap(b.node) : undefined;
  if (init?.type === T.CallExpression && calleeName(init) === 'create' && init.arguments[0]) {
    const opts = unwrap(init.arguments[0]);
    if (opts.type === T.ObjectExpression) {
      for (const p of opts.properties) if (p.type === T.Property && propertyName(p) === name) out.push(p.value);
    }
  }
  return out;
}

/** Whether a wait promise is waited for, including one kept in a variable and chained: `const gate = sleep(ms); return gate.then(…)`. */
function waitedFor(n: Node, sourceCode: TSESLint.SourceCode): boolean {
  if (isAwaited(n, sourceCode)) return true;
  const p = n.parent;
  if (p?.type !== T.VariableDeclarator || p.init !== n || p.id.type !== T.Identifier) return false;
  const v = variableOf(sourceCode, p.id);
  return !!v && v.references.some((r) => {
    const m = r.identifier.parent;
    return m?.type === T.MemberExpression && m.object === r.identifier && ['then', 'finally'].includes(propertyName(m) ?? '') && m.parent.type === T.CallExpression && isAwaited(m.parent, sourceCode);
  });
}

/**
 * Whether a delay expression is the same on every replay: literals, module constants, and
 * properties of the config that neither the handler nor its helpers write (the same config is
 * re-sent), combined without calls other than number conversions.
 */
function invariant(expr: Node, vars: HandlerVars, regions: Node[], sourceCode: TSESLint.SourceCode, depth: number): boolean {
  if (depth > 4) return false;
  const written = new Set<string>();
  for (const r of regions) {
    walkRegion(r, sourceCode, (n) => {
      const target = n.type === T.AssignmentExpression ? n.left : n.type === T.UpdateExpression ? n.argument : undefined;
      const t = target && unwrap(target);
      if (t?.type === T.MemberExpression) written.add(propertyName(t) ?? '?');
    });
  }
  let ok = true;
  walk(expr, sourceCode.visitorKeys, (n) => {
    if (!ok) return false;
    switch (n.type) {
      case T.Literal:
      case T.BinaryExpression:
      case T.LogicalExpression:
      case T.ConditionalExpression:
      case T.UnaryExpression:
      case T.TemplateLiteral:
      case T.TemplateElement:
      case T.ChainExpression:
      case T.TSAsExpression:
      case T.TSNonNullExpression:
        return undefined;
      case T.CallExpression: {
        const name = calleeName(n);
        if (!['Number', 'parseInt', 'parseFloat'].includes(name ?? '')) ok = false;
        for (const a of n.arguments) ok &&= invariant(a, vars, regions, sourceCode, depth + 1);
        return false;
      }
      case T.MemberExpression: {
        if (isConfig(n.object, vars) && !written.has(propertyName(n) ?? '?') && !n.computed) return false;
        ok = false;
        return false;
      }
      case T.Identifier: {
        const v = variableOf(sourceCode, n);
        const b = v && bindingOf(v);
        if (b && b.kind === 'init' && b.stable && b.node && !regions.some((r) => contains(r, b.node!))) ok &&= invariant(b.node, vars, regions, sourceCode, depth + 1);
        // A parameter of a function around the handler (a handler factory's `pauseMs`) that nothing
        // writes: the same value for every replay.
        else if (v && v.defs.length === 1 && v.defs[0]!.type === 'Parameter' && !regions.some((r) => contains(r, v.defs[0]!.name as Node)) && v.references.every((r) => !r.isWrite())) return false;
        else ok = false;
        return false;
      }
      default:
        ok = false;
        return false;
    }
  });
  return ok;
}

/** Whether a wait's delay expression reads the error or its response (through local variables). */
function dependsOnError(w: Wait, vars: HandlerVars, sourceCode: TSESLint.SourceCode): boolean {
  const errorish = new Set([...vars.error, ...vars.derived]);
  const start = w.argument ?? w.node;
  return refersTo(start, errorish, sourceCode);
}

/** Whether the handler or its helpers look at the request's method (`config.method`). */
function readsMethod(regions: Node[], vars: HandlerVars, sourceCode: TSESLint.SourceCode): boolean {
  let found = false;
  for (const r of regions) {
    walkRegion(r, sourceCode, (n) => {
      if (found) return false;
      if (n.type === T.MemberExpression && propertyName(n) === 'method' && isConfig(n.object, vars)) found = true;
      return undefined;
    });
  }
  return found;
}

/**
 * Whether the instance was created with a `validateStatus` option (`axios.create({ validateStatus })`,
 * also through a same-file options object: `const config = { validateStatus: () => true }; axios.create(config)`),
 * or one is set on its defaults. Such an instance decides itself which answers reject: what reaches a
 * retry condition or an error handler is not known to include the 4xx.
 */
export function setsValidateStatus(instance: Node, sourceCode: TSESLint.SourceCode): boolean {
  const n = unwrap(instance);
  if (n.type !== T.Identifier) return false;
  const v = variableOf(sourceCode, n);
  if (!v) return false;
  const b = bindingOf(v);
  const init = b && b.kind === 'init' && b.node ? unwrap(b.node) : undefined;
  if (init?.type === T.CallExpression && init.arguments.some((a) => {
    const o = a.type === T.SpreadElement ? undefined : resolveObjectLiteral(sourceCode, a);
    return !!o && o.properties.some((p) => p.type === T.SpreadElement || propertyName(p) === 'validateStatus');
  })) return true;
  // `api.defaults.validateStatus = …`
  return v.references.some((r) => {
    const m = r.identifier.parent;
    return m?.type === T.MemberExpression && propertyName(m) === 'defaults' && m.parent.type === T.MemberExpression && propertyName(m.parent) === 'validateStatus';
  });
}

/** Calls of an instance variable (`api(…)`, `api.post(…)`) in the file. */
function callsThrough(instance: Node, sourceCode: TSESLint.SourceCode): TSESTree.CallExpression[] {
  const n = unwrap(instance);
  if (n.type !== T.Identifier) return [];
  const v = variableOf(sourceCode, n);
  if (!v) return [];
  const out: TSESTree.CallExpression[] = [];
  for (const ref of v.references) {
    const id = ref.identifier as Node;
    const parent = id.parent;
    if (parent?.type === T.CallExpression && parent.callee === id) out.push(parent);
    else if (parent?.type === T.MemberExpression && parent.object === id && parent.parent.type === T.CallExpression && parent.parent.callee === parent) out.push(parent.parent);
  }
  return out;
}
