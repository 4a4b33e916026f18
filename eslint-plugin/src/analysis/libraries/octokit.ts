import { T } from '../node-types';
import { propertyName, unwrap } from '../ast';
import { isExport } from '../scope';
import type { Node, RetrySite } from '../types';
import { arrayElements, handlerDecision, resolveExpression, uncountedYes } from './inspect';
import type { LibraryDocs } from './docs';
import { resolveFunction } from './option-state';
import type { LibraryAdapter, LibraryContext } from './types';
import { librarySite, numberOption, readOption, resolveObject, type FunctionNode, type OptionsObject } from './util';

/**
 * Octokit's retry plugins, on a class built with `Octokit.plugin(retry, throttling)` (from
 * `@octokit/core` or `@octokit/rest`) or the `octokit` package's `Octokit` (which bundles both).
 *
 * @octokit/plugin-retry 8.x: `retries` 3, wait `(retryCount + 1)² × retryAfterBaseValue`
 * (1 s, 4 s, 9 s), no jitter, Retry-After not read, statuses in `doNotRetry` (default 400 401
 * 403 404 410 422 451) not retried, every method retried.
 * @octokit/plugin-throttling 11.x: on a rate limit it calls `onRateLimit` /
 * `onSecondaryRateLimit(retryAfter, options, octokit, retryCount)`; returning true waits the
 * server's Retry-After / reset time and retries, with no attempt limit of its own.
 */

const CORE = ['@octokit/core', '@octokit/rest', 'octokit'];
const HANDLERS = ['onRateLimit', 'onSecondaryRateLimit', 'onAbuseLimit'];
const RETRY_DEFAULTS = { retries: 3, retryAfterBaseValue: 1000 };
const DEFAULT_DO_NOT_RETRY = [400, 401, 403, 404, 410, 422, 451];

export const docs: LibraryDocs = {
  package: '@octokit/plugin-retry, @octokit/plugin-throttling',
  api: '`new (Octokit.plugin(retry, throttling))({ retry, throttle })` from @octokit/core or @octokit/rest; `new Octokit({ retry, throttle })` from `octokit` (both plugins built in)',
  versionAssumed: '@octokit/plugin-retry 8.x and @octokit/plugin-throttling 11.x (the same defaults since plugin-retry 3 and plugin-throttling 5)',
  defaults: [
    'retry: `retries: 3`, wait `(retryCount + 1) ** 2 * retryAfterBaseValue` (1 s, 4 s, 9 s), no jitter, Retry-After not read',
    'retry: `doNotRetry`: 400, 401, 403, 404, 410, 422, 451; every HTTP method is retried',
    'throttling: a handler returning `true` waits the server-supplied time (Retry-After, rate-limit reset) and retries, with no limit of its own',
  ],
  checks: [
    { rule: 'no-unbounded-retry', when: 'an `onRateLimit` / `onSecondaryRateLimit` handler that returns `true` without reading `retryCount`; suggests `retryCount < 1`.' },
    { rule: 'require-jitter', when: 'the retry plugin is added (or `retry` options set on `octokit`\'s Octokit): its schedule has no jitter and no option for it.' },
    { rule: 'require-max-delay', when: '`retries` large enough for the quadratic wait to exceed `maxDelayMs`.' },
    { rule: 'no-retry-on-client-error', when: 'a `doNotRetry` list that leaves out 4xx statuses the default excludes.' },
  ],
  notModelled: [
    'The wait of the throttling plugin: the server chooses it (the plugin does not cap it); only the handlers\' attempt limits are judged.',
    'POST requests retried by the retry plugin: the requests are made elsewhere, so no single call can be reported.',
  ],
};

export const octokitAdapter: LibraryAdapter = {
  packages: CORE,
  docs,
  analyze(node, origin, ctx) {
    if (node.type !== T.NewExpression) return [];
    const plugins = pluginsOf(ctx, node.callee, origin.module);
    if (!plugins) return [];
    const config = resolveObject(ctx, node.arguments[0]);
    if (!config) return [];
    const sites: RetrySite[] = [];
    if (plugins.throttling) sites.push(...throttleSites(ctx, node, config));
    if (plugins.retry) sites.push(...retrySites(ctx, node, config, plugins.bundled));
    return sites;
  },
};

/** Which retry plugins the constructed class carries; undefined when it is not an Octokit class. */
function pluginsOf(ctx: LibraryContext, callee: Node, module: string): { retry: boolean; throttling: boolean; bundled: boolean } | undefined {
  const found = { retry: false, throttling: false, bundled: false };
  let n: Node | undefined = callee;
  for (let i = 0; n && i < 8; i++) {
    const direct = ctx.originOf(n);
    if (direct && CORE.includes(direct.module) && isExport(direct, CORE, 'Octokit')) return withBase(found, direct.module, module);
    const e = resolveExpression(ctx, n);
    if (!e) return undefined;
    if (e.type === T.CallExpression) {
      const c = unwrap(e.callee);
      if (c.type !== T.MemberExpression || propertyName(c) !== 'plugin') return undefined;
      for (const a of e.arguments) {
        const o = ctx.originOf(a);
        if (isExport(o, '@octokit/plugin-retry', 'retry')) found.retry = true;
        if (isExport(o, '@octokit/plugin-throttling', 'throttling')) found.throttling = true;
      }
      n = c.object;
      continue;
    }
    const o = ctx.originOf(e);
    if (!o || !isExport(o, CORE, 'Octokit')) return undefined;
    return withBase(found, o.module, module);
  }
  return undefined;
}

/** The `octokit` package's `Octokit` bundles both plugins. */
function withBase(found: { retry: boolean; throttling: boolean; bundled: boolean }, base: string, _module: string): typeof found {
  if (base === 'octokit') return { retry: true, throttling: true, bundled: !found.retry };
  return found;
}

function throttleSites(ctx: LibraryContext, node: Node, config: OptionsObject): RetrySite[] {
  const throttleOpt = readOption(ctx, config, 'throttle');
  const throttle = throttleOpt ? resolveObject(ctx, throttleOpt.value) : undefined;
  if (!throttle) return [];
  if (readOption(ctx, throttle, 'enabled')?.known?.value === false) return [];
  const sites: RetrySite[] = [];
  for (const name of HANDLERS) {
    const h = readOption(ctx, throttle, name);
    if (!h) continue;
    const fn = resolveFunction(ctx, h.value);
    if (!fn) continue;
    const decision = handlerDecision(fn, 3, ['retryCount'], ctx.sourceCode.visitorKeys);
    if (decision === 'never') continue;
    // A yes on a path the count never reaches retries for ever there (path-sensitive bound).
    const endless = decision === 'counted' ? uncountedYes(fn, 3, ['retryCount'], ctx.sourceCode) : undefined;
    const site = librarySite('@octokit/plugin-throttling', h.property, endless ? { kind: 'unbounded', node: endless } : { kind: decision === 'always' ? 'unbounded' : decision === 'counted' ? 'bounded' : 'unknown', node: h.property });
    // The wait is the server's Retry-After / rate-limit reset: the library reads it, the code chooses nothing.
    site.honoursRetryAfter = true;
    if (decision === 'always') {
      const fix = boundedHandler(ctx, fn);
      if (fix) site.suggestions = { 'no-unbounded-retry': [fix] };
    }
    sites.push(site);
  }
  return sites;
}

/** `() => true` → `(retryAfter, options, octokit, retryCount) => retryCount < 1`, for an expression-bodied arrow only. */
function boundedHandler(ctx: LibraryContext, fn: FunctionNode) {
  if (fn.type !== T.ArrowFunctionExpression || fn.body.type === T.BlockStatement || fn.async) return undefined;
  const params = fn.params.map((p) => ctx.sourceCode.getText(p));
  if (fn.params.some((p) => p.type !== T.Identifier) || params.length > 3) return undefined;
  const names = ['retryAfter', 'options', 'octokit'].map((d, i) => params[i] ?? d);
  return { description: 'Retry once (`retryCount < 1`)', range: [fn.range[0], fn.range[1]] as [number, number], text: `(${names.join(', ')}, retryCount) => retryCount < 1` };
}

function retrySites(ctx: LibraryContext, node: Node, config: OptionsObject, bundled: boolean): RetrySite[] {
  const retryOpt = readOption(ctx, config, 'retry');
  if (bundled && !retryOpt) return []; // the `octokit` package's built-in retry, untouched
  const options = retryOpt ? resolveObject(ctx, retryOpt.value) : undefined;
  if (retryOpt && !options) return [];
  if (!retryOpt && config.spread) return [];
  if (readOption(ctx, options, 'enabled')?.known?.value === false) return [];
  const at: Node = retryOpt?.property ?? node;
  const spread = options?.spread ?? false;
  const retriesOpt = readOption(ctx, options, 'retries');
  const baseOpt = readOption(ctx, options, 'retryAfterBaseValue');
  const retries = retriesOpt ? numberOption(retriesOpt) : spread ? undefined : RETRY_DEFAULTS.retries;
  const base = baseOpt ? numberOption(baseOpt) : spread ? undefined : RETRY_DEFAULTS.retryAfterBaseValue;
  // `~~retries`: Infinity and non-numbers become 0 in the plugin, i.e. no retry.
  if (retries !== undefined && (!Number.isFinite(retries) || retries < 1)) return [];
  const site = librarySite('@octokit/plugin-retry', node, { kind: retries === undefined ? 'unknown' : 'bounded', maxAttempts: retries === undefined ? undefined : retries + 1, node: retriesOpt?.property ?? at });
  if (base === undefined || base <= 0) {
    if (base !== undefined) site.noWait = baseOpt?.property ?? at;
  } else {
    const maxMs = retries === undefined ? Infinity : retries ** 2 * base;
    site.waits = [
      {
        node: at,
        argument: undefined,
        delay: { node: retriesOpt?.property ?? at, random: false, growing: true, maxMs, maxReason: retries === undefined ? 'opaque' : 'known', capMs: undefined, retryAfter: undefined, opaque: false },
      },
    ];
  }
  const doNotRetry = readOption(ctx, options, 'doNotRetry');
  const list = doNotRetry ? arrayElements(ctx, doNotRetry.value) : undefined;
  if (doNotRetry && list) {
    const excluded = new Set(list.map((e) => e.value));
    if (DEFAULT_DO_NOT_RETRY.some((s) => !excluded.has(s))) site.clientErrorRetries.push({ node: doNotRetry.property, reason: 'client-status' });
  }
  return [site];
}

