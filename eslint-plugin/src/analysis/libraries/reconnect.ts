import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { isFunction, propertyName, unwrap, walk } from '../ast';
import { evaluate, makeEnv, toDelayFacts } from '../delay';
import { addFunctionDelay, countsOrTimes, functionDelay, leafDelay, leaves, localValues, mayStop } from './delay-function';
import { normalPath, variableOf } from '../scope';
import type { DelayFacts, Node, RetrySite } from '../types';
import { WAIT_NAME_RE } from '../vocabulary';
import { asWait } from '../waits';
import type { LibraryDocs } from './docs';
import { returnedExpressions } from './inspect';
import { delayFacts, numberValue, optionState, propertyOf, resolveFunction, resolveOptions } from './option-state';
import type { LibraryAdapter, LibraryContext } from './types';
import { librarySite, opaqueDelay, readOption, resolveObject, scheduleDelay, staticValueOf, type FunctionNode } from './util';

/**
 * Clients whose reconnect (or retry) schedule is a function or a table the code passes in (R8):
 * ioredis `retryStrategy`, node-redis `socket.reconnectStrategy`, SignalR
 * `withAutomaticReconnect(…)` and graphql-ws `retryWait` / `retryAttempts`. The function's delay
 * goes through the shared delay evaluator, its first parameter being the attempt. Writing a
 * strategy opts into retrying, so it is judged whole: one that returns a delay on every path (or a
 * number given as the strategy) reconnects with no attempt limit and no deadline.
 */

// --- ioredis -------------------------------------------------------------------------------------

export const ioredisDocs: LibraryDocs = {
  package: 'ioredis',
  api: '`retryStrategy` (and `clusterRetryStrategy`) in `new Redis(…, options)`, `new Redis.Cluster(nodes, options)`; a `retryStrategy(times)` in an options object registered in another module, recognised by an ioredis option name (`maxRetriesPerRequest`, `enableReadyCheck`, …), Redis connection options (`host`/`port`/`db`) or a `redis` property holding it',
  versionAssumed: 'ioredis 5.x (`lib/redis/RedisOptions.ts`: default `retryStrategy` is `Math.min(times * 50, 2000)`, reconnecting for ever)',
  defaults: ['`retryStrategy(times)`: `Math.min(times * 50, 2000)` ms, no jitter; returning a non-number stops reconnecting'],
  checks: [
    { rule: 'require-jitter', when: 'a written `retryStrategy` whose delay has no random component.' },
    { rule: 'require-backoff', when: 'a written `retryStrategy` that returns a constant (or 0).' },
    { rule: 'require-max-delay', when: 'a written `retryStrategy` whose growth is not capped.' },
    { rule: 'no-unbounded-retry', when: 'a written `retryStrategy` that returns a delay on every path (never `null` or a non-number); with `maxRetriesPerRequest: null` (each command re-sent for ever), also one whose stops do not test the attempt count. Not for a client held in a local and closed in a `finally` (it reconnects only while that work lasts).' },
  ],
  notModelled: ['The default `retryStrategy` (the built-in reconnection, untouched, is not reported).', 'A strategy that stops on some other test than the attempt count (a shutdown flag): its bound is not judged.'],
};

export const ioredisAdapter: LibraryAdapter = {
  packages: ['ioredis'],
  docs: ioredisDocs,
  analyze(node, origin, ctx) {
    if (node.type !== T.NewExpression) return [];
    const p = normalPath(origin);
    const isRedis = p.length === 0 || (p.length === 1 && p[0] === 'Redis');
    const isCluster = p[p.length - 1] === 'Cluster';
    if (!isRedis && !isCluster) return [];
    const out: RetrySite[] = [];
    for (const a of node.arguments) {
      const obj = resolveObject(ctx, a);
      if (!obj) continue;
      for (const name of isCluster ? ['clusterRetryStrategy'] : ['retryStrategy']) {
        const o = readOption(ctx, obj, name);
        if (o) out.push(...strategySite(ctx, node, 'ioredis', o.property, o.value, false, commandsWaitForever(ctx, obj)));
      }
      const nested = isCluster ? readOption(ctx, obj, 'redisOptions') : undefined;
      const inner = nested ? resolveObject(ctx, nested.value) : undefined;
      const rs = inner ? readOption(ctx, inner, 'retryStrategy') : undefined;
      if (rs) out.push(...strategySite(ctx, node, 'ioredis', rs.property, rs.value));
    }
    return closedAfterUse(ctx, node) ? out.map(forOneUse) : out;
  },
  byShape: ['retryStrategy'],
  /**
   * An options object registered out of sight (`export const redisOptions = { host, retryStrategy }`
   * handed to `new Redis(…)` in another module, or a Bull queue's `redis` options): a `retryStrategy`
   * function of the attempt in an object that is recognisably ioredis' (one of its own option names,
   * connection options, or the value of a `redis` property). Objects a registration already read are left to it.
   */
  unregistered(ctx) {
    const out: RetrySite[] = [];
    walk(ctx.sourceCode.ast, ctx.sourceCode.visitorKeys, (n) => {
      if (n.type !== T.ObjectExpression || ctx.consumed?.has(n)) return undefined;
      const rs = n.properties.find((p): p is TSESTree.Property => p.type === T.Property && propertyName(p) === 'retryStrategy');
      const fn = rs ? resolveFunction(ctx, rs.value) : undefined;
      if (!rs || !fn || fn.params.length === 0 || !isRedisOptions(n)) return undefined;
      const obj = resolveObject(ctx, n);
      if (obj) out.push(...strategySite(ctx, n, 'ioredis', rs, rs.value, false, commandsWaitForever(ctx, obj)));
      return undefined;
    });
    return out;
  },
  typed: {
    types: [['RedisOptions'], ['ClusterOptions']],
    analyze(literal, ctx) {
      const obj = resolveObject(ctx, literal);
      const out: RetrySite[] = [];
      for (const name of ['retryStrategy', 'clusterRetryStrategy']) {
        const o = obj ? readOption(ctx, obj, name) : undefined;
        if (o) out.push(...strategySite(ctx, literal, 'ioredis', o.property, o.value, false, commandsWaitForever(ctx, obj!)));
      }
      return out;
    },
  },
};

/** Option names of ioredis' `RedisOptions` that no generic client shares. */
const IOREDIS_OPTION_NAMES: ReadonlySet<string> = new Set(['maxRetriesPerRequest', 'enableReadyCheck', 'reconnectOnError', 'enableOfflineQueue', 'lazyConnect', 'enableAutoPipelining', 'autoResubscribe', 'sentinels', 'keyPrefix', 'showFriendlyErrorStack']);

/** Whether an object literal holding `retryStrategy` reads as ioredis options: an ioredis option name, Redis connection options (`host`/`port`/`db`), or the value of a `redis` property. */
function isRedisOptions(obj: TSESTree.ObjectExpression): boolean {
  const names = obj.properties.map((p) => (p.type === T.Property ? propertyName(p) : undefined));
  if (names.some((k) => k !== undefined && IOREDIS_OPTION_NAMES.has(k))) return true;
  if (names.includes('port') && (names.includes('host') || names.includes('db'))) return true;
  const holder = obj.parent;
  return holder?.type === T.Property && holder.value === obj && /^redis/i.test(propertyName(holder) ?? '');
}

/**
 * ioredis re-sends a failed command after each reconnect up to `maxRetriesPerRequest` times
 * (default 20); `null` (or a limit of 1,000 or more) lifts that bound, so each command is retried
 * for as long as the reconnect strategy keeps going.
 */
function commandsWaitForever(ctx: LibraryContext, obj: Parameters<typeof readOption>[1]): boolean {
  const o = readOption(ctx, obj, 'maxRetriesPerRequest');
  if (!o) return false;
  const v = staticValueOf(ctx, o.value);
  return !!v && (v.value === null || (typeof v.value === 'number' && v.value >= 1000));
}

// --- node-redis ----------------------------------------------------------------------------------

export const nodeRedisDocs: LibraryDocs = {
  package: 'redis',
  api: '`socket.reconnectStrategy` in `createClient(options)` (`redis`, `@redis/client`)',
  versionAssumed: 'node-redis 4.x (`lib/client/socket.ts`: default `Math.min(retries * 50, 500)`; 5.x adds jitter to its default); node-redis 2.x/3.x `retry_strategy(options)` (its default gave up after `connect_timeout`, one hour)',
  defaults: ['`reconnectStrategy`: `Math.min(retries * 50, 500)` ms (4.x); a number is a constant delay; `false` stops reconnecting'],
  checks: [
    { rule: 'require-backoff', when: 'a number `reconnectStrategy` (a constant delay) or a function returning a constant.' },
    { rule: 'require-jitter', when: 'a number `reconnectStrategy`, or a function whose delay has no random component.' },
    { rule: 'require-max-delay', when: 'a function whose growth is not capped.' },
    { rule: 'no-unbounded-retry', when: 'a number `reconnectStrategy` or a function that returns a delay on every path (never `false` or an `Error`); a legacy `retry_strategy` that never stops on `options.attempt` or `options.total_retry_time` (it removes the default one-hour limit).' },
  ],
  notModelled: ['The default strategy (untouched, not reported).', 'A strategy that stops on some other test than the attempt count: its bound is not judged.', 'A client held in a local and closed in a `finally` reconnects only while that work lasts: its bound is not judged.'],
};

export const nodeRedisAdapter: LibraryAdapter = {
  packages: ['redis', '@redis/client'],
  docs: nodeRedisDocs,
  analyze(node, origin, ctx) {
    if (node.type !== T.CallExpression) return [];
    const p = normalPath(origin);
    if (!(p.length === 1 && (p[0] === 'createClient' || p[0] === 'createCluster'))) return [];
    // node-redis 2.x / 3.x: `createClient(port, host, { retry_strategy })`; its default gave up after `connect_timeout`.
    for (const a of node.arguments) {
      const legacy = resolveObject(ctx, a);
      const rs = legacy ? readOption(ctx, legacy, 'retry_strategy') : undefined;
      if (rs) return strategySite(ctx, node, 'redis', rs.property, rs.value, true);
    }
    const obj = resolveObject(ctx, node.arguments[0]);
    const socket = obj ? readOption(ctx, obj, 'socket') : undefined;
    const s = socket ? resolveObject(ctx, socket.value) : undefined;
    const rs = s ? readOption(ctx, s, 'reconnectStrategy') : undefined;
    if (!rs) return [];
    const v = staticValueOf(ctx, rs.value)?.value;
    if (v === false) return [];
    if (typeof v === 'number') {
      const site = librarySite('redis', node, { kind: 'unknown', node: rs.property });
      // A number is the wait before every reconnect: the client never stops trying.
      site.bound = { kind: 'unbounded', maxAttempts: undefined, node: rs.property };
      if (v <= 0) site.noWait = rs.property;
      else site.waits.push({ node: rs.property, argument: undefined, delay: scheduleDelay({ node: rs.property, baseMs: v, factor: 1, capMs: undefined, retries: undefined, random: false }) });
      return [site];
    }
    const sites = strategySite(ctx, node, 'redis', rs.property, rs.value);
    return closedAfterUse(ctx, node) ? sites.map(forOneUse) : sites;
  },
};

/**
 * Whether the client made by `made` lives for one piece of work: held in a local `const` of a
 * function whose `finally` closes it (`quit()`, `disconnect()`, `close()`, `end()`, `destroy()`).
 * Its reconnects end when the work does (a failed `ping()` gives up after the client's own
 * per-command limit, then the client is closed), however long the strategy would go on.
 */
function closedAfterUse(ctx: LibraryContext, made: Node): boolean {
  const decl = made.parent;
  if (decl?.type !== T.VariableDeclarator || decl.init !== made || decl.id.type !== T.Identifier) return false;
  const v = variableOf(ctx.sourceCode, decl.id);
  if (!v) return false;
  return v.references.some((r) => {
    const m = r.identifier.parent;
    if (m?.type !== T.MemberExpression || m.object !== r.identifier || !/^(quit|disconnect|close|end|destroy)$/.test(propertyName(m) ?? '') || m.parent?.type !== T.CallExpression) return false;
    for (let p: Node | undefined = m.parent; p && !isFunction(p); p = p.parent) {
      if (p.parent?.type === T.TryStatement && p.parent.finalizer === p) return true;
    }
    return false;
  });
}

/** A reconnect that lasts one piece of work (see closedAfterUse): not endless, its length unknown. */
function forOneUse(site: RetrySite): RetrySite {
  return site.bound.kind === 'unbounded' ? { ...site, bound: { ...site.bound, kind: 'unknown' } } : site;
}

/**
 * A reconnect strategy function `(attempt, …) => delay`: its returned delays through the shared
 * delay evaluator (the first parameter is the attempt), reported at the returned delay when there
 * is one. `boundedByDefault`: the library's own default strategy stops (legacy node-redis gives up
 * after `connect_timeout`), so a written strategy that never stops on a count or a time
 * (`options.attempt`, `options.total_retry_time`) removes that bound: unbounded. Otherwise a
 * strategy with no stop at all is unbounded, one that stops on a test of the attempt count or time
 * is bounded, and one that stops on another test (a shutdown flag) is not judged. `requestsForever`: the
 * client re-sends each failed request across reconnects with no limit of its own (ioredis
 * `maxRetriesPerRequest: null`), so a strategy that never stops retries those requests for ever.
 */
function strategySite(ctx: LibraryContext, call: Node, library: string, property: TSESTree.Property, value: Node, boundedByDefault = false, requestsForever = false): RetrySite[] {
  const fn = resolveFunction(ctx, value);
  const site = librarySite(library, call, { kind: 'unknown', node: property });
  if (!fn) {
    site.waits.push({ node: property, argument: undefined, delay: opaqueDelay(property) });
    return [site];
  }
  const d = functionDelay(ctx, fn, property);
  if (d.none) return [];
  addFunctionDelay(site, d);
  const stops = d.mayStop && countsOrTimes(ctx, fn);
  if (stops) site.bound = { kind: 'bounded', maxAttempts: undefined, node: property };
  else if (!d.mayStop || boundedByDefault || requestsForever) site.bound = { kind: 'unbounded', maxAttempts: undefined, node: property };
  return [site];
}

// --- SignalR -------------------------------------------------------------------------------------

/** `DefaultReconnectPolicy` (`src/DefaultReconnectPolicy.ts`): `[0, 2000, 10000, 30000]` ms, then stop. */
const SIGNALR_DEFAULT_DELAYS = [0, 2000, 10000, 30000];

export const signalrDocs: LibraryDocs = {
  package: '@microsoft/signalr',
  api: '`new HubConnectionBuilder()…withAutomaticReconnect(delays | policy)`, the policy an object or a same-file class instance; an object typed `IRetryPolicy` or a class that `implements IRetryPolicy`, wherever it is registered',
  versionAssumed: '@microsoft/signalr 8.x (`DefaultReconnectPolicy`: `[0, 2000, 10000, 30000]` ms)',
  defaults: ['four reconnects after `0`, `2000`, `10000`, `30000` ms, the same for every client (no jitter)'],
  checks: [
    { rule: 'require-jitter', when: '`withAutomaticReconnect()` (the default table), a table of delays, or a `nextRetryDelayInMilliseconds` without randomness.' },
    { rule: 'require-backoff', when: 'a table whose delays are all equal (all zero: no wait).' },
    { rule: 'require-max-delay', when: 'a delay in the table above `maxDelayMs`, or a policy whose growth is not capped.' },
    { rule: 'no-unbounded-retry', when: 'a `nextRetryDelayInMilliseconds` that never returns `null`.' },
  ],
};

export const signalrAdapter: LibraryAdapter = {
  packages: ['@microsoft/signalr', '@aspnet/signalr'],
  docs: signalrDocs,
  analyze(node, origin, ctx) {
    if (node.type !== T.CallExpression) return [];
    const p = normalPath(origin);
    if (p[0] !== 'HubConnectionBuilder' || p[p.length - 1] !== 'withAutomaticReconnect') return [];
    const anchor = unwrap(node.callee).type === T.MemberExpression ? (unwrap(node.callee) as TSESTree.MemberExpression).property : node.callee;
    const arg = node.arguments[0];
    const site = librarySite('@microsoft/signalr', node, { node: anchor });
    if (!arg) return [tableSite(site, SIGNALR_DEFAULT_DELAYS, anchor)];
    const value = staticValueOf(ctx, arg)?.value;
    if (Array.isArray(value) && value.every((v) => typeof v === 'number')) return [tableSite(site, value as number[], arg)];
    const fn = policyMethod(ctx, arg);
    if (!fn) return [{ ...site, bound: { kind: 'unknown', maxAttempts: undefined, node: anchor }, waits: [{ node: anchor, argument: undefined, delay: opaqueDelay(anchor) }] }];
    return policySite(ctx, site, fn);
  },
  typed: {
    types: [['IRetryPolicy']],
    analyze(literal, ctx) {
      const fn = policyMethod(ctx, literal);
      return fn ? policySite(ctx, librarySite('@microsoft/signalr', literal), fn) : [];
    },
  },
  /** A class that `implements IRetryPolicy` is the reconnect configuration wherever it is registered (K3). */
  unregistered(ctx) {
    const out: RetrySite[] = [];
    walk(ctx.sourceCode.ast, ctx.sourceCode.visitorKeys, (n) => {
      if ((n.type !== T.ClassDeclaration && n.type !== T.ClassExpression) || ctx.consumed?.has(n)) return undefined;
      const typed = (n.implements ?? []).some((i) => {
        const o = ctx.originOf(i.expression);
        return !!o && signalrAdapter.packages.includes(o.module) && normalPath(o).join('.') === 'IRetryPolicy';
      });
      const fn = typed ? classMethod(n, 'nextRetryDelayInMilliseconds') : undefined;
      if (fn) out.push(...policySite(ctx, librarySite('@microsoft/signalr', n), fn));
      return undefined;
    });
    return out;
  },
};

/** The policy's `nextRetryDelayInMilliseconds`: of an object literal, or of a same-file class instance (`new Policy()`, possibly kept in a `const`). */
function policyMethod(ctx: LibraryContext, arg: Node): FunctionNode | undefined {
  const policy = resolveObject(ctx, arg);
  if (policy) {
    const method = policy.entries.find((e) => e && propertyName(e) === 'nextRetryDelayInMilliseconds');
    return method ? resolveFunction(ctx, method.value) : undefined;
  }
  let n: Node | undefined = unwrap(arg);
  for (let i = 0; n && n.type === T.Identifier && i < 4; i++) {
    const v = variableOf(ctx.sourceCode, n);
    const d = v?.defs[0]?.node;
    n = d && d.type === T.VariableDeclarator && d.init && v!.references.every((r) => !r.isWrite() || r.writeExpr === d.init) ? unwrap(d.init) : undefined;
  }
  if (!n || n.type !== T.NewExpression || unwrap(n.callee).type !== T.Identifier) return undefined;
  const cls = variableOf(ctx.sourceCode, unwrap(n.callee) as TSESTree.Identifier)?.defs[0]?.node;
  const klass = cls?.type === T.ClassDeclaration ? cls : cls?.type === T.VariableDeclarator && cls.init && unwrap(cls.init).type === T.ClassExpression ? (unwrap(cls.init) as TSESTree.ClassExpression) : undefined;
  if (!klass) return undefined;
  ctx.consumed?.add(klass);
  return classMethod(klass, 'nextRetryDelayInMilliseconds');
}

/** An instance method of a class (a method, or a field holding a function). */
function classMethod(klass: TSESTree.ClassDeclaration | TSESTree.ClassExpression, name: string): FunctionNode | undefined {
  for (const m of klass.body.body) {
    if ((m.type !== T.MethodDefinition && m.type !== T.PropertyDefinition) || m.static || propertyName(m) !== name || !m.value) continue;
    const v = unwrap(m.value);
    if (isFunction(v)) return v as FunctionNode;
  }
  return undefined;
}

/**
 * A policy's delays are what `nextRetryDelayInMilliseconds` returns; it stops only by returning
 * `null`. Its delay is reported at the first delay it returns; a policy that never stops is
 * reported at the delay it falls back to last (what makes it endless).
 */
function policySite(ctx: LibraryContext, site: RetrySite, fn: FunctionNode): RetrySite[] {
  const returns = returnedExpressions(fn, ctx.sourceCode.visitorKeys);
  const numeric = leaves(ctx, returns);
  if (numeric.length === 0) return [];
  // A returned `let` that several branches write (`return wait`): the return is where the delay is chosen.
  const chosen = returns.length === 1 && returns[0] && localValues(ctx, returns[0]) ? returns[0] : undefined;
  const first = chosen ?? numeric[0]!;
  const last = chosen ?? numeric[numeric.length - 1]!;
  site.bound = mayStop(ctx, returns) ? { kind: 'bounded', maxAttempts: undefined, node: first } : { kind: 'unbounded', maxAttempts: undefined, node: last };
  const delay = { ...leafDelay(ctx, fn, returns), node: first };
  if (!delay.opaque && !delay.growing && delay.maxReason === 'known' && delay.maxMs <= 0) site.noWait = first;
  else site.waits.push({ node: first, argument: undefined, delay });
  return [site];
}

function tableSite(site: RetrySite, delays: number[], at: Node): RetrySite {
  site.bound = { kind: 'bounded', maxAttempts: delays.length + 1, node: at };
  const max = Math.max(0, ...delays);
  if (max <= 0) {
    site.noWait = at;
    return site;
  }
  const growing = delays.some((d, i) => i > 0 && d > delays[i - 1]!);
  site.waits.push({ node: at, argument: undefined, delay: delayFacts(at, { maxMs: max, growing, random: false, maxReason: 'known' }) });
  return site;
}

// --- graphql-ws ----------------------------------------------------------------------------------

export const graphqlWsDocs: LibraryDocs = {
  package: 'graphql-ws',
  api: '`retryAttempts`, `retryWait` and `shouldRetry` in `createClient(options)`',
  versionAssumed: 'graphql-ws 5.x / 6.x (`src/client.ts`: `retryAttempts: 5`, `retryWait`: randomised exponential backoff)',
  defaults: ['`retryAttempts: 5`', '`retryWait`: `1000 * 2 ** retries` ms plus a random 300–3000 ms'],
  checks: [
    { rule: 'no-unbounded-retry', when: '`retryAttempts: Infinity` (or 1,000 or more).' },
    { rule: 'require-jitter', when: 'a `retryWait` whose wait has no random component.' },
    { rule: 'require-backoff', when: 'a `retryWait` whose wait does not grow.' },
    { rule: 'require-max-delay', when: 'growth with no cap and unbounded attempts (the default `retryWait` with `retryAttempts: Infinity` included).' },
  ],
  notModelled: [
    'Clients that write neither `retryAttempts` nor `retryWait`: the built-in retry, untouched, is not reported.',
    '`shouldRetry` is not judged by `no-retry-on-client-error`: the client gives up on its fatal close codes (4400, 4401, 4406, 4409, 4429, 4500, …) before it asks, so even `() => true` retries no client error.',
  ],
};

export const graphqlWsAdapter: LibraryAdapter = {
  packages: ['graphql-ws'],
  docs: graphqlWsDocs,
  analyze(node, origin, ctx) {
    if (node.type !== T.CallExpression) return [];
    const p = normalPath(origin);
    if (!(p.length === 1 && p[0] === 'createClient')) return [];
    const options = resolveOptions(ctx, node.arguments[0]);
    if (options.kind !== 'object') return [];
    const attemptsS = optionState(ctx, options, 'retryAttempts');
    const waitS = optionState(ctx, options, 'retryWait');
    if (attemptsS.state !== 'set' && waitS.state !== 'set') return [];
    const anchor = propertyOf(attemptsS) ?? propertyOf(waitS) ?? node.callee;
    const site = librarySite('graphql-ws', node, { node: anchor });
    const attempts = numberValue(attemptsS, 5);
    if (attempts === 0) return [];
    if (attempts === undefined) site.bound = { kind: 'unknown', maxAttempts: undefined, node: anchor };
    else site.bound = { kind: 'bounded', maxAttempts: attempts + 1, node: anchor };
    // `shouldRetry` is not judged by what it accepts: the client throws on its fatal close codes
    // (4400 Bad Request, 4401 Unauthorized, 4406, 4409, 4429, 4500, …) before it asks
    // (`src/client.ts`, `shouldRetryConnectOrThrow`), so even `() => true` retries no client error.
    const retries = attempts === undefined || !Number.isFinite(attempts) ? undefined : attempts;
    if (waitS.state === 'absent') {
      // The default wait is at fault: reported on the first retry option written (the attempts).
      const d = scheduleDelay({ node: anchor, baseMs: 1000, factor: 2, capMs: undefined, retries: attempts, random: true });
      if (attempts === undefined) d.maxReason = 'opaque';
      site.waits.push({ node: anchor, argument: undefined, delay: d });
      return [site];
    }
    const fn = waitS.state === 'set' ? resolveFunction(ctx, waitS.option.value) : undefined;
    const at = propertyOf(waitS) ?? anchor;
    site.waits.push({ node: at, argument: undefined, delay: fn ? { ...retryWaitDelay(ctx, fn, retries), node: at } : opaqueDelay(at) });
    return [site];
  },
};

/** `retryWait(retries)` waits inside: the `setTimeout(…, ms)` it awaits, or a wait call (`sleep(ms)`, a same-file helper that waits, whatever its name), `retries` being the attempt by position (graphql-ws calls `retryWait(retries)`). */
function retryWaitDelay(ctx: LibraryContext, fn: FunctionNode, retries: number | undefined): DelayFacts {
  const env = makeEnv(ctx.sourceCode);
  const first = fn.params[0];
  if (first && first.type === T.Identifier) {
    const v = variableOf(ctx.sourceCode, first);
    if (v) env.attempts.push({ variable: v, lo: 0, hi: retries ?? Infinity });
  }
  let ms: Node | undefined;
  walk(fn.body, ctx.sourceCode.visitorKeys, (n) => {
    if (ms) return false;
    if (n.type === T.CallExpression) {
      const c = unwrap(n.callee);
      const name = c.type === T.Identifier ? c.name : c.type === T.MemberExpression ? propertyName(c) : undefined;
      if (name === 'setTimeout' && n.arguments[1]) ms = n.arguments[1];
      else if (name && WAIT_NAME_RE.test(name) && n.arguments[0] && !isFunction(unwrap(n.arguments[0]))) ms = n.arguments[0];
    }
    // A wait recognised by what it does, whatever its name (a same-file helper whose body waits, `new Promise(r => setTimeout(r, ms))`).
    if (!ms && (n.type === T.CallExpression || n.type === T.NewExpression)) {
      const w = asWait(n, ctx.sourceCode, ctx.settings);
      if (w) ms = w.argument ?? (w.bindings.length === 0 ? w.delayExpr : undefined);
    }
    return undefined;
  });
  return ms ? toDelayFacts(evaluate(ms, env), ms) : opaqueDelay(fn);
}
