import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { constantNumber, type Origin } from '../scope';
import { isFunction, walk } from '../ast';
import { statusesTested } from '../operation';
import { isRetryAfterStatus } from '../statuses';
import { addFunctionDelay, functionDelay } from './delay-function';
import type { Node, RetrySite } from '../types';
import { DEFAULT_RETRY_METHODS, optionsKey, readClientCall, retriesMethod, retryOptions } from './client-retry';
import type { LibraryDocs } from './docs';
import {
  judgeMethodList,
  judgeStatusList,
  namesIn,
  numberValue,
  optionState,
  propertyOf,
  readsRetryAfter,
  resolveFunction,
  retryCountBound,
  setOption,
  suggest,
  unknownOptionsSite,
  valueOf,
} from './option-state';
import { SUGGESTED_CAP_MS } from './retry-options';
import type { LibraryAdapter, LibraryContext } from './types';
import { librarySite, opaqueDelay, scheduleDelay, type FunctionNode } from './util';

export const docs: LibraryDocs = {
  package: 'got',
  api: 'a `retry` option written on `got(…)`, `got.get/post/…(…)`, `got.extend({ retry })` or on a call of an extended instance; a request whose method `methods` leaves out (POST, PATCH by default) is sent once and is no retry site, unless a `calculateDelay` is written',
  versionAssumed: 'got 14.x (12 and 13 are the same; 11 also accepts `retry: <number>`, read as `limit`)',
  defaults: [
    '`limit: 2`',
    '`1000 * 2 ** (n - 1)` ms plus up to `noise: 100` ms of random noise, capped by `backoffLimit: Infinity`',
    'Retry-After is honoured for 413, 429 and 503 (up to `maxRetryAfter`, by default the request timeout)',
    '`methods`: GET, PUT, HEAD, DELETE, OPTIONS, TRACE (not POST or PATCH)',
    '`statusCodes`: 408, 413, 429, 500, 502, 503, 504, 521, 522, 524',
  ],
  checks: [
    { rule: 'require-jitter', when: '`noise: 0`.' },
    { rule: 'require-max-delay', when: 'the largest wait within `limit` exceeds `maxDelayMs` after `backoffLimit`, or grows with `limit: Infinity` and no `backoffLimit`; suggests `backoffLimit`.' },
    { rule: 'no-unbounded-retry', when: '`limit: Infinity`, or a `calculateDelay` that reads neither `computedValue` nor `attemptCount` (got then retries until it returns 0).' },
    { rule: 'require-backoff', when: 'a `calculateDelay` whose returned waits (0 stops) do not grow; `require-jitter` when they have no randomness.' },
    { rule: 'respect-retry-after', when: 'a `calculateDelay` that returns its own wait for a 429 or 503 and reads neither `retryAfter` nor `computedValue`.' },
    { rule: 'require-idempotency-key', when: '`methods` includes POST or PATCH and the options send no idempotency key (reported at that entry; suggests removing it).' },
    { rule: 'no-retry-on-client-error', when: '`statusCodes` includes a 4xx other than 408, 413, 425 and 429.' },
  ],
  notModelled: [
    'merging of `retry` across `got.extend` layers: a call with its own `retry` is judged against got\'s defaults.',
    'the cap on a Retry-After wait (`maxRetryAfter`): caps on server-supplied waits are only judged in hand-written code.',
  ],
};

/** got: the `retry` option of requests and `got.extend`. */
export const gotAdapter: LibraryAdapter = {
  packages: ['got', 'got-scraping'],
  docs,
  analyze(node, origin, ctx) {
    if (node.type !== T.CallExpression) return [];
    const site = analyzeCall(ctx, node, origin);
    return site ? [site] : [];
  },
};

function analyzeCall(ctx: LibraryContext, call: TSESTree.CallExpression, origin: Origin): RetrySite | undefined {
  const client = readClientCall(ctx, call, origin, ['extend'], ['stream', 'paginate', 'each', 'all', 'HTTPError', 'RequestError']);
  if (!client || client.retry.state !== 'set') return undefined;
  const retryProp = client.retry.option.property;
  const anchor: Node = retryProp;
  const site = librarySite('got', call, { node: anchor });
  site.honoursRetryAfter = true;
  const value = client.retry.option.value;
  const limitFromNumber = value.type === T.Literal && typeof value.value === 'number' ? value.value : undefined;
  const options = retryOptions(ctx, value, limitFromNumber);
  if (options.kind === 'unknown') return unknownOptionsSite(site, anchor);
  const limitS = optionState(ctx, options, 'limit');
  const noiseS = optionState(ctx, options, 'noise');
  const backoffS = optionState(ctx, options, 'backoffLimit');
  const methodsS = optionState(ctx, options, 'methods');
  const statusS = optionState(ctx, options, 'statusCodes');
  const calcS = optionState(ctx, options, 'calculateDelay');
  const enforceS = optionState(ctx, options, 'enforceRetryRules');

  const limit = limitFromNumber ?? numberValue(limitS, 2);
  site.bound = retryCountBound(limit, propertyOf(limitS) ?? anchor);
  // `got.post(url, { retry: { limit: 3 } })`: POST is not in the `methods` list, so the request is sent
  // once (got's own rules; a written `calculateDelay` decides for itself).
  if (!client.factory && calcS.state === 'absent' && !retriesMethod(ctx, methodsS, client.method, DEFAULT_RETRY_METHODS)) return undefined;
  if (limit === 0) return undefined;

  // Delay.
  const calc = calcS.state === 'set' ? resolveFunction(ctx, calcS.option.value) : undefined;
  if (calcS.state !== 'absent') {
    const enforce = valueOf(enforceS, false);
    if (calc && enforce.known && enforce.value === false) {
      const names = namesIn(ctx, calc);
      if (!names.has('computedValue') && !names.has('attemptCount') && !alwaysZero(calc)) {
        site.bound = { kind: 'unbounded', maxAttempts: undefined, node: calcS.state === 'set' ? calcS.option.property : anchor };
      }
    }
    const node = propertyOf(calcS) ?? anchor;
    if (calc) {
      // The function's returns are the waits (0 stops the retry); one that hands back got's own
      // `computedValue` (or `retryAfter`) keeps got's backoff and Retry-After, unknown here.
      const d = functionDelay(ctx, calc, node, { lo: 1, hi: limit ?? Infinity }, 'zero');
      if (d.none) return undefined;
      addFunctionDelay(site, d);
      const names = namesIn(ctx, calc);
      site.honoursRetryAfter = names.has('computedValue') || names.has('retryAfter') || readsRetryAfter(ctx, calc);
      if (!site.honoursRetryAfter) site.rateLimitChecks.push(...rateLimitReturns(ctx, calc));
    } else site.waits.push({ node, argument: undefined, delay: opaqueDelay(node) });
  } else {
    const noise = numberValue(noiseS, 100);
    const backoffLimit = numberValue(backoffS, Infinity);
    const cap = backoffLimit !== undefined && Number.isFinite(backoffLimit) ? backoffLimit : undefined;
    const delay = scheduleDelay({
      node: propertyOf(backoffS) ?? anchor,
      baseMs: 1000,
      factor: 2,
      capMs: cap,
      retries: limit,
      random: noise !== undefined && noise !== 0,
    });
    if (backoffLimit === undefined || (limit === undefined && cap === undefined)) delay.maxReason = 'opaque';
    if (noise === undefined) delay.opaque = true;
    if (delay.maxReason === 'known') delay.maxMs += Math.abs(noise ?? 0);
    if (noise === undefined) delay.growing = false;
    site.waits.push({ node: (noise === 0 ? propertyOf(noiseS) : undefined) ?? anchor, argument: undefined, delay });
    // got adds its noise after the cap (`min(2 ** (n - 1) * 1000, backoffLimit) + random * noise`):
    // the limit that keeps each wait under the cap leaves room for it. Unknown noise: no number to offer.
    const room = Math.abs(noise ?? 0);
    const limitMs = SUGGESTED_CAP_MS - room;
    if (noise !== undefined && limitMs > 0) {
      const how = room > 0 ? `\`backoffLimit: ${limitMs}\` plus up to ${room} ms of noise` : `\`backoffLimit: ${limitMs}\``;
      suggest(site, 'require-max-delay', setOption(options, 'backoffLimit', String(limitMs), `Cap each wait at ${SUGGESTED_CAP_MS} ms (${how})`, undefined));
    }
    suggest(site, 'require-jitter', setOption(options, 'noise', '100', 'Add up to 100 ms of random noise (`noise: 100`)', undefined));
  }

  // Methods.
  if (methodsS.state === 'set' && optionsKey(ctx, client.options) === 'no') judgeMethodList(ctx, site, methodsS.option.value, client.factory ? undefined : client.method);
  // Statuses.
  if (statusS.state === 'set') judgeStatusList(ctx, site, statusS.option.value, [413]);
  return site;
}

/**
 * The tests of a `calculateDelay` on a 429 or 503 whose branch returns a wait (not 0): where it
 * handles the rate limit itself, with its own number.
 */
function rateLimitReturns(ctx: LibraryContext, fn: FunctionNode): Node[] {
  const out: Node[] = [];
  walk(fn.body, ctx.sourceCode.visitorKeys, (n) => {
    if (n !== fn.body && isFunction(n)) return false;
    if (n.type !== T.IfStatement && n.type !== T.ConditionalExpression) return undefined;
    const tested = statusesTested(n.test, ctx.sourceCode);
    if (!tested.some((t) => isRetryAfterStatus(t.code) && (t.op === '===' || t.op === '==' || t.op === 'in'))) return undefined;
    const branch = n.consequent;
    const ret = branch.type === T.ReturnStatement ? branch.argument : branch.type === T.BlockStatement ? (branch.body.find((x) => x.type === T.ReturnStatement) as TSESTree.ReturnStatement | undefined)?.argument : n.type === T.ConditionalExpression ? branch : undefined;
    if (ret && constantNumber(ctx.sourceCode, ret) !== 0) out.push(n.test);
    return undefined;
  });
  return out;
}

function alwaysZero(fn: FunctionNode): boolean {
  return fn.body.type === T.Literal && fn.body.value === 0;
}
