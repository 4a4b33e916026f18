import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { propertyName, unwrap } from '../ast';
import { delayOfFunction } from '../delay';
import { describeHttpCall, type HttpCall } from '../http';
import { normalPath, type Origin } from '../scope';
import type { Node, RetrySite } from '../types';
import { resolveExpression, returnedExpressions } from './inspect';
import type { LibraryDocs } from './docs';
import { resolveFunction } from './option-state';
import type { LibraryAdapter, LibraryContext } from './types';
import { librarySite, numberOption, opaqueDelay, readOption, resolveObject, scheduleDelay, staticValueOf } from './util';

/**
 * rxjs 7.x `retry(count)` / `retry({ count, delay, resetOnSuccess })` and the deprecated
 * `retryWhen(notifier)`. Defaults (`src/internal/operators/retry.ts`): `count` Infinity, no
 * delay (resubscribes at once). rxjs 6's `retry(count = -1)` is also infinite and has no config
 * object, so the number form means the same in both majors.
 */

const MODULES = ['rxjs', 'rxjs/operators'];
/** Operators a `retryWhen` notifier may use whose effect on attempts and delays is known. */
const KNOWN_NOTIFIER_OPERATORS = new Set(['delay', 'take', 'tap']);

export const docs: LibraryDocs = {
  package: 'rxjs',
  api: '`retry(count)`, `retry({ count, delay })`, `retryWhen(notifier)` from `rxjs` or `rxjs/operators`',
  versionAssumed: 'rxjs 7.x (rxjs 6 `retry(n)` means the same; its default `-1` is also infinite)',
  defaults: ['`count: Infinity`', 'no delay: resubscribes at once', 'Retry-After: not read', 'every error is retried'],
  checks: [
    { rule: 'no-unbounded-retry', when: '`retry()`, `count: Infinity`, `retryWhen(errors => errors.pipe(delay(ms)))` without `take`; suggests `count: 3`.' },
    { rule: 'require-backoff', when: 'no `delay` (resubscribes at once) or a numeric `delay`, `retryWhen` with `delay(ms)`.' },
    { rule: 'require-jitter', when: 'a numeric `delay`; a `delay` function through the shared delay analysis.' },
    { rule: 'require-max-delay', when: 'a `delay` function whose growth is not capped.' },
    { rule: 'no-retry-on-client-error', when: 'the retried source is rxjs `ajax` (it errors on 4xx) and no `delay` function can tell errors apart.' },
    { rule: 'require-idempotency-key', when: 'the retried source is an `ajax` POST or PATCH without an idempotency key.' },
  ],
  notModelled: ['`retryWhen` notifiers using operators other than `delay`, `take` and `tap`: they may stop or classify, so the site is an unknown.'],
};

export const rxjsAdapter: LibraryAdapter = {
  packages: MODULES,
  docs,
  analyze(node, origin, ctx) {
    if (node.type !== T.CallExpression) return [];
    const op = operatorOf(origin);
    if (op === 'retry') return analyzeRetry(ctx, node);
    if (op === 'retryWhen') return analyzeRetryWhen(ctx, node);
    return [];
  },
};

function operatorOf(origin: Origin): string | undefined {
  const p = normalPath(origin);
  const name = p[p.length - 1];
  if (p.slice(0, -1).some((s) => s !== 'operators')) return undefined;
  return name === 'retry' || name === 'retryWhen' ? name : undefined;
}

function analyzeRetry(ctx: LibraryContext, node: TSESTree.CallExpression): RetrySite[] {
  const site = librarySite('rxjs', node);
  const arg = node.arguments[0];
  let count: number | undefined = Infinity;
  let countNode: Node = node;
  let classifies = false;
  if (arg) {
    const known = staticValueOf(ctx, arg);
    if (known && typeof known.value === 'number') {
      count = known.value;
      countNode = arg;
      site.noWait = node;
    } else if (known && known.value === undefined) {
      site.noWait = node;
    } else {
      const options = resolveObject(ctx, arg);
      if (!options) return []; // built at run time
      const countOpt = readOption(ctx, options, 'count');
      count = countOpt ? numberOption(countOpt) : options.spread ? undefined : Infinity;
      countNode = countOpt?.property ?? node;
      const delayOpt = readOption(ctx, options, 'delay');
      if (!delayOpt) {
        if (!options.spread) site.noWait = node;
      } else {
        const ms = numberOption(delayOpt);
        const fn = ms === undefined ? resolveFunction(ctx, delayOpt.value) : undefined;
        if (ms !== undefined) {
          if (ms <= 0) site.noWait = delayOpt.property;
          else site.waits = [{ node: delayOpt.property, argument: undefined, delay: scheduleDelay({ node: delayOpt.property, baseMs: ms, factor: 1, capMs: undefined, retries: count, random: false }) }];
        } else if (fn) {
          // The function may throw (or return EMPTY) to stop: it can bound and classify the retries.
          classifies = true;
          if (!countOpt) count = undefined;
          const delay = delayOfFunction(ctx.sourceCode, fn, count !== undefined && Number.isFinite(count) ? count : undefined);
          site.waits = [{ node: delayOpt.property, argument: undefined, delay }];
        } else {
          classifies = true;
          if (!countOpt) count = undefined;
          site.waits = [{ node: delayOpt.property, argument: undefined, delay: opaqueDelay(delayOpt.property) }];
        }
      }
    }
  } else {
    site.noWait = node;
  }
  if (count !== undefined && count <= 0) return [];
  if (count === undefined) site.bound = { kind: 'unknown', maxAttempts: undefined, node: countNode };
  else if (!Number.isFinite(count)) {
    site.bound = { kind: 'unbounded', maxAttempts: undefined, node: countNode };
    site.suggestions = { 'no-unbounded-retry': [boundSuggestion(ctx, node)].filter((s) => s !== undefined) };
  } else site.bound = { kind: 'bounded', maxAttempts: count + 1, node: countNode };

  const http = sourceRequest(ctx, node);
  if (http) judgeRequest(ctx, site, http, node, classifies);
  return [site];
}

/** `retry()` → `retry({ count: 3 })`-style edit: only for the argument-less call and `count: Infinity`. */
function boundSuggestion(ctx: LibraryContext, node: TSESTree.CallExpression) {
  const description = 'Stop after 3 retries (`count: 3`)';
  if (node.arguments.length === 0) {
    const close = ctx.sourceCode.getLastToken(node);
    if (close && close.value === ')') return { description, range: [close.range[0], close.range[0]] as [number, number], text: '3' };
    return undefined;
  }
  const arg = unwrap(node.arguments[0]);
  if (arg && arg.type === T.Literal) return { description, range: [arg.range[0], arg.range[1]] as [number, number], text: '3' };
  if (arg && arg.type === T.Identifier && arg.name === 'Infinity') return { description, range: [arg.range[0], arg.range[1]] as [number, number], text: '3' };
  if (arg && arg.type === T.ObjectExpression) {
    const count = arg.properties.find((p): p is TSESTree.Property => p.type === T.Property && propertyName(p) === 'count');
    if (count) return { description, range: [count.value.range[0], count.value.range[1]] as [number, number], text: '3' };
    return { description, range: [arg.range[0] + 1, arg.range[0] + 1] as [number, number], text: ' count: 3,' };
  }
  return undefined;
}

function analyzeRetryWhen(ctx: LibraryContext, node: TSESTree.CallExpression): RetrySite[] {
  const fn = resolveFunction(ctx, node.arguments[0]);
  const site = librarySite('rxjs', node, { kind: 'unknown' });
  if (!fn) return [site];
  const param = fn.params[0];
  const returns = returnedExpressions(fn, ctx.sourceCode.visitorKeys);
  const body = returns.length === 1 ? unwrap(returns[0]) : undefined;
  if (!param || param.type !== T.Identifier || !body || body.type !== T.CallExpression) return [site];
  const callee = unwrap(body.callee);
  if (callee.type !== T.MemberExpression || propertyName(callee) !== 'pipe') return [site];
  const object = unwrap(callee.object);
  if (object.type !== T.Identifier || object.name !== param.name) return [site];
  let take: number | undefined;
  let delayMs: number | undefined;
  let delayNode: Node | undefined;
  for (const a of body.arguments) {
    const call = unwrap(a);
    if (call.type !== T.CallExpression) return [site];
    const o = ctx.originOf(call.callee);
    const name = o && MODULES.includes(o.module) ? normalPath(o)[normalPath(o).length - 1] : undefined;
    if (!name || !KNOWN_NOTIFIER_OPERATORS.has(name)) return [site];
    if (name === 'take') {
      take = numberAt(ctx, call.arguments[0]);
      if (take === undefined) return [site];
    } else if (name === 'delay') {
      delayMs = numberAt(ctx, call.arguments[0]);
      delayNode = call;
      if (delayMs === undefined) {
        site.waits = [{ node: call, argument: undefined, delay: opaqueDelay(call) }];
      }
    }
  }
  if (take !== undefined) site.bound = { kind: 'bounded', maxAttempts: take + 1, node };
  else site.bound = { kind: 'unbounded', maxAttempts: undefined, node };
  if (delayNode && delayMs !== undefined) {
    if (delayMs <= 0) site.noWait = delayNode;
    else site.waits = [{ node: delayNode, argument: undefined, delay: scheduleDelay({ node: delayNode, baseMs: delayMs, factor: 1, capMs: undefined, retries: take, random: false }) }];
  } else if (!delayNode) {
    site.noWait = node;
  }
  const http = sourceRequest(ctx, node);
  if (http) judgeRequest(ctx, site, http, node, false);
  return [site];
}

/** The HTTP request an operator retries: the source of the `.pipe(…)` it is an argument of, through earlier pipes. */
function sourceRequest(ctx: LibraryContext, operator: TSESTree.CallExpression): HttpCall | undefined {
  const pipe = operator.parent;
  if (!pipe || pipe.type !== T.CallExpression || !pipe.arguments.includes(operator)) return undefined;
  const callee = unwrap(pipe.callee);
  if (callee.type !== T.MemberExpression || propertyName(callee) !== 'pipe') return undefined;
  let source: Node | undefined = callee.object;
  for (let i = 0; source && i < 6; i++) {
    const s = resolveExpression(ctx, source);
    if (!s || s.type !== T.CallExpression) return undefined;
    const http = describeHttpCall(ctx.sourceCode, s, ctx.settings);
    if (http) return http;
    const c = unwrap(s.callee);
    if (c.type !== T.MemberExpression || propertyName(c) !== 'pipe') return undefined;
    source = c.object;
  }
  return undefined;
}

function judgeRequest(ctx: LibraryContext, site: RetrySite, http: HttpCall, operator: Node, classifies: boolean): void {
  if (http.throwsOnHttpError && !classifies) site.clientErrorRetries.push({ node: operator, reason: 'catch-all' });
  if (http.method && ctx.settings.nonIdempotentMethods.includes(http.method) && !http.keyValue && !http.keyUnknown && !ajaxHeadersKey(ctx, http)) {
    site.nonIdempotent.push({ node: http.methodNode ?? http.node, method: http.method, key: 'none', keyNode: undefined });
  }
}

function numberAt(ctx: LibraryContext, node: Node | undefined): number | undefined {
  const v = node ? staticValueOf(ctx, node)?.value : undefined;
  return typeof v === 'number' && !Number.isNaN(v) ? v : undefined;
}

/**
 * `ajax.post(url, body, headers)` / `ajax.put` / `ajax.patch` take the headers as the third
 * argument: a key sent there (or headers that cannot be resolved) counts as a key.
 */
function ajaxHeadersKey(ctx: LibraryContext, http: HttpCall): boolean {
  if (http.client !== 'ajax' || !http.methodNode) return false;
  const headers = http.node.arguments[2];
  if (!headers) return false;
  const obj = resolveExpression(ctx, headers);
  if (!obj || obj.type !== T.ObjectExpression) return true;
  const wanted = ctx.settings.idempotencyKeyHeaders.map((h) => h.toLowerCase());
  return obj.properties.some((p) => p.type === T.SpreadElement || (p.type === T.Property && wanted.includes((propertyName(p) ?? '').toLowerCase())));
}
