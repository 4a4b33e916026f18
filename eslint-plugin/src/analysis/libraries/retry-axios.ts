import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { propertyName, unwrap, walk } from '../ast';
import { normalPath, variableOf } from '../scope';
import type { DelayFacts, Node, RetrySite } from '../types';
import type { LibraryDocs } from './docs';
import {
  acceptsEverything,
  judgeCondition,
  delayFacts,
  judgeMethodList,
  judgeStatusList,
  numberValue,
  optionState,
  propertyOf,
  retryCountBound,
  setOption,
  suggest,
  unknownOptionsSite,
  valueOf,
  type Options,
} from './option-state';
import { callsThrough, judgeResent, safeDescribe } from './retried-operation';
import { acceptsAll } from './status-set';
import type { LibraryAdapter, LibraryContext } from './types';
import { defaultsAt, firstWrittenOption, librarySite, opaqueDelay, readOption, resolveObject, resolveObjectLiteral, type OptionsObject } from './util';

/** retry-axios's `raxConfig` options: an object that writes one of them configures retrying. */
const RAX_OPTIONS = ['retry', 'retryDelay', 'backoffType', 'jitter', 'maxRetryDelay', 'httpMethodsToRetry', 'statusCodesToRetry', 'shouldRetry', 'noResponseRetries', 'checkRetryAfter', 'maxRetryAfter', 'onRetryAttempt'];

export const docs: LibraryDocs = {
  package: 'retry-axios',
  api: '`rax.attach(instance?)`, configured by `raxConfig` in `axios.create({ raxConfig })` or `instance.defaults.raxConfig = {…}`',
  versionAssumed: 'retry-axios 4.x (3.x has no `jitter` or `maxRetryDelay` and uses a 1000 ms exponential base; the findings are the same)',
  defaults: [
    '`retry: 3`',
    "`backoffType: 'exponential'`: `(2 ** n - 1) / 2 * retryDelay` with `retryDelay: 100` ms (50, 150, 350 ms); `'linear'`: `n * 1000` ms; `'static'`: `retryDelay`",
    "`jitter: 'none'`, no `maxRetryDelay`",
    '`checkRetryAfter: true` (waits up to `maxRetryAfter`, 5 minutes)',
    '`httpMethodsToRetry`: GET, HEAD, PUT, OPTIONS, DELETE; `statusCodesToRetry`: 100-199, 429, 500-599',
  ],
  checks: [
    { rule: 'require-jitter', when: "`jitter` is `'none'` or left at its default (exponential and linear); suggests `jitter: 'full'` when a `raxConfig` object is written." },
    { rule: 'require-backoff', when: "`backoffType: 'static'` (a constant wait) or a zero `retryDelay`." },
    { rule: 'require-max-delay', when: 'the largest wait within `retry` attempts exceeds `maxDelayMs` (after `maxRetryDelay`), or grows with `retry: Infinity` or a `retry` out of sight (a parameter with no default) and no `maxRetryDelay`.' },
    { rule: 'no-unbounded-retry', when: '`retry: Infinity`.' },
    { rule: 'require-idempotency-key', when: '`httpMethodsToRetry` includes POST or PATCH (reported at that entry; suggests removing it), or `shouldRetry: () => true` while the instance sends a POST or PATCH without a key in this file.' },
    { rule: 'respect-retry-after', when: '`statusCodesToRetry` lists 429 or 503 while `checkRetryAfter: false`.' },
    { rule: 'no-retry-on-client-error', when: '`statusCodesToRetry` includes a 4xx other than 408, 425 and 429, or `shouldRetry` accepts every error.' },
  ],
  notModelled: ['`raxConfig` given per request on an instance that has its own `raxConfig` (the two are merged; the per-request one is not judged then). When a per-request `raxConfig` exists in the file, the defaults are not assumed for the other requests.'],
};

/** retry-axios: `rax.attach(instance)` plus the instance's `raxConfig`. */
export const retryAxiosAdapter: LibraryAdapter = {
  packages: ['retry-axios'],
  docs,
  analyze(node, origin, ctx) {
    if (node.type !== T.CallExpression) return [];
    const path = normalPath(origin);
    if (path.length !== 1 || path[0] !== 'attach') return [];
    const perRequest: TSESTree.ObjectExpression[] = [];
    const site = analyzeAttach(ctx, node, perRequest);
    // Configured per request only (`client.request({ …, raxConfig: retryConfigFor(req) })`): each
    // such configuration is the retry of the requests that carry it, judged as a typed one is.
    return [site, ...perRequest.map((o) => analyzeAttach(ctx, o))];
  },
  // K3: `const config: rax.RetryConfig = {…}` handed to an instance elsewhere.
  typed: {
    types: [['RetryConfig']],
    analyze(literal, ctx) {
      const obj = resolveObject(ctx, literal);
      if (!obj || !RAX_OPTIONS.slice(0, 8).some((n) => readOption(ctx, obj, n))) return [];
      return [analyzeAttach(ctx, literal)];
    },
  },
};

/**
 * The retry `rax.attach(instance)` (or a typed or per-request config object) sets up. `perRequest`,
 * when given, receives the object literals of `raxConfig`s written per request when the instance
 * has no configuration of its own (the only ones in force for those requests).
 */
function analyzeAttach(ctx: LibraryContext, call: TSESTree.CallExpression | TSESTree.ObjectExpression, perRequest?: TSESTree.ObjectExpression[]): RetrySite {
  // A typed config object (K3) is its own site and anchor; no instance, so no request is judged.
  const instance = call.type === T.ObjectExpression ? undefined : (call.arguments[0] as Node | undefined);
  const config = call.type === T.ObjectExpression ? resolveObject(ctx, call) : findConfig(ctx, instance, perRequest);
  // A default left in force is reported on the first retry option the code writes (PRODUCT: "the
  // library option"), on the call only when it writes none; a wait the default leaves unjittered
  // goes on the call ("the library option or call").
  const callAt: Node = call.type === T.ObjectExpression ? call : call.callee;
  const anchor: Node = (config && config !== 'unknown' ? firstWrittenOption(config, RAX_OPTIONS) : undefined) ?? callAt;
  const site = librarySite('retry-axios', call, { node: anchor });
  let options: Options;
  if (config === 'unknown') options = { kind: 'unknown' };
  else if (config) options = { kind: 'object', obj: config };
  else options = { kind: 'none' };
  if (options.kind === 'unknown') return unknownOptionsSite(site, anchor);
  const retryS = optionState(ctx, options, 'retry');
  const delayS = optionState(ctx, options, 'retryDelay');
  const typeS = optionState(ctx, options, 'backoffType');
  const jitterS = optionState(ctx, options, 'jitter');
  const maxS = optionState(ctx, options, 'maxRetryDelay');
  const methodsS = optionState(ctx, options, 'httpMethodsToRetry');
  const statusS = optionState(ctx, options, 'statusCodesToRetry');
  const checkS = optionState(ctx, options, 'checkRetryAfter');
  const shouldS = optionState(ctx, options, 'shouldRetry');

  const retry = numberValue(retryS, 3);
  site.bound = retryCountBound(retry, propertyOf(retryS) ?? anchor);
  if (retry === 0) return site;

  const check = valueOf(checkS, true);
  site.honoursRetryAfter = check.known ? check.value === true : true;

  // Delay.
  const type = valueOf(typeS, 'exponential');
  const base = numberValue(delayS, 100);
  const jitter = valueOf(jitterS, 'none');
  const cap = numberValue(maxS, Infinity);
  const random = jitter.known ? jitter.value === 'full' || jitter.value === 'equal' : undefined;
  let delay: DelayFacts | undefined;
  let waitNode: Node = callAt;
  if (!type.known || cap === undefined) delay = opaqueDelay(anchor);
  else if (type.value === 'static') {
    waitNode = propertyOf(typeS) ?? anchor;
    if (base === undefined) delay = opaqueDelay(waitNode);
    else if (base === 0) site.noWait = propertyOf(delayS) ?? waitNode;
    else delay = delayFacts(waitNode, { maxMs: Math.min(base, cap), growing: false, capMs: Number.isFinite(cap) ? cap : undefined });
  } else if (type.value === 'linear') {
    delay = growing(propertyOf(maxS) ?? anchor, (n) => n * 1000, retry, cap);
    waitNode = propertyOf(typeS) ?? anchor;
  } else {
    if (base === 0) site.noWait = propertyOf(delayS) ?? anchor;
    else {
      // A `retryDelay` out of sight still doubles with each retry and adds no randomness of its own:
      // growing, its largest value unknown (no bound at all with no cap and no known `retry`).
      const capMs = Number.isFinite(cap) ? cap : undefined;
      delay =
        base === undefined
          ? delayFacts(propertyOf(delayS) ?? anchor, { maxMs: capMs ?? Infinity, growing: true, maxReason: capMs === undefined && (retry === undefined || !Number.isFinite(retry)) ? 'growth' : 'opaque', capMs })
          : growing(propertyOf(maxS) ?? anchor, (n) => ((2 ** n - 1) / 2) * base, retry, cap);
      delay.random = random === true;
      if (random === undefined) delay.opaque = true;
      waitNode = (random === false ? propertyOf(jitterS) : undefined) ?? (config && config !== 'unknown' ? defaultsAt({ kind: 'object', obj: config }, call, callAt) : callAt);
    }
  }
  if (delay) {
    site.waits.push({ node: waitNode, argument: undefined, delay });
    if (!delay.random && delay.growing && options.kind === 'object' && (!type.known || type.value === 'exponential')) {
      suggest(site, 'require-jitter', setOption(options, 'jitter', "'full'", "Use full jitter (`jitter: 'full'`, retry-axios 4 or later)", undefined));
    }
  }

  // Methods.
  if (methodsS.state === 'set') judgeMethodList(ctx, site, methodsS.option.value, undefined);
  // Statuses.
  if (statusS.state === 'set') judgeStatusList(ctx, site, statusS.option.value);
  // A custom condition replaces the method and status checks.
  const set = judgeCondition(ctx, site, shouldS, { positional: ['error'] });
  if (shouldS.state === 'set' && (acceptsEverything(ctx, shouldS) || (set !== undefined && acceptsAll(set)))) {
    const target = instance ?? undefined;
    if (target) {
      for (const c of callsThrough(ctx, target)) {
        const http = safeDescribe(ctx, c);
        if (http && http.client === 'axios') judgeResent(ctx, site, http);
      }
    }
  }
  return site;
}

/** A growing schedule `f(n)`, n = 1..retry, capped at `cap`. */
function growing(node: Node, f: (n: number) => number, retry: number | undefined, cap: number): DelayFacts {
  const capMs = Number.isFinite(cap) ? cap : undefined;
  // A count out of sight (a parameter with no default) and no cap: the growth has no known end (PRODUCT).
  if (retry === undefined) return delayFacts(node, { maxMs: capMs ?? Infinity, growing: true, maxReason: capMs !== undefined ? 'known' : 'growth', capMs });
  if (!Number.isFinite(retry)) return delayFacts(node, { maxMs: capMs ?? Infinity, growing: true, capMs });
  return delayFacts(node, { maxMs: Math.min(f(retry), cap), growing: true, capMs });
}

/**
 * The `raxConfig` for an instance: in its `axios.create({ raxConfig })`, or assigned to
 * `instance.defaults.raxConfig`. Undefined when there is none (defaults apply); `unknown` when
 * it cannot be read or other `raxConfig`s in the file may configure it.
 */
function findConfig(ctx: LibraryContext, instance: Node | undefined, perRequest?: TSESTree.ObjectExpression[]): OptionsObject | 'unknown' | undefined {
  const inst = unwrap(instance);
  let variable = inst && inst.type === T.Identifier ? variableOf(ctx.sourceCode, inst) : undefined;
  if (inst && !variable) return 'unknown';
  if (!inst) {
    // `rax.attach()`: the global axios.
    variable = undefined;
  }
  let found: OptionsObject | 'unknown' | undefined;
  let others = false;
  const requests: TSESTree.ObjectExpression[] = [];
  // `axios.create({ raxConfig: {…} })` as the instance's initialiser.
  const def = variable?.defs[0];
  if (def && def.type === 'Variable' && def.node.init) {
    const init = unwrap(def.node.init);
    if (init.type === T.CallExpression && init.arguments[0]) {
      const opts = resolveObject(ctx, init.arguments[0]);
      const prop = opts && readOption(ctx, opts, 'raxConfig')?.property;
      if (prop) found = resolveObject(ctx, prop.value) ?? 'unknown';
      else if (opts?.spread) found = 'unknown';
    }
  }
  walk(ctx.sourceCode.ast, ctx.sourceCode.visitorKeys, (n) => {
    if (n.type === T.AssignmentExpression && n.left.type === T.MemberExpression && propertyName(n.left) === 'raxConfig') {
      const target = unwrap(n.left.object);
      if (target.type === T.MemberExpression && propertyName(target) === 'defaults' && sameInstance(ctx, target.object, variable, !inst)) {
        found = resolveObject(ctx, n.right) ?? 'unknown';
        return false;
      }
      others = true;
    } else if (n.type === T.Property && propertyName(n) === 'raxConfig') {
      const owner = n.parent;
      if (!(def && def.type === 'Variable' && def.node.init && owner.parent && unwrap(def.node.init).type === T.CallExpression && (unwrap(def.node.init) as TSESTree.CallExpression).arguments.some((a) => unwrap(a) === owner))) {
        others = true;
        const literal = resolveObjectLiteral(ctx, n.value);
        if (literal) requests.push(literal);
      }
    }
    return undefined;
  });
  if (found) return found;
  if (others && perRequest) perRequest.push(...new Set(requests));
  return others ? 'unknown' : undefined;
}

function sameInstance(ctx: LibraryContext, node: Node, variable: ReturnType<typeof variableOf>, global: boolean): boolean {
  const n = unwrap(node);
  if (global) {
    const o = ctx.originOf(n);
    return !!o && o.module === 'axios' && normalPath(o).length === 0;
  }
  return n.type === T.Identifier && !!variable && variableOf(ctx.sourceCode, n) === variable;
}
