import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { delayOfFunction } from '../delay';
import type { Origin } from '../scope';
import type { Node, RetrySite } from '../types';
import { DEFAULT_RETRY_METHODS, optionsKey, readClientCall, retriesMethod, retryOptions } from './client-retry';
import type { LibraryDocs } from './docs';
import {
  judgeCondition,
  judgeMethodList,
  judgeStatusList,
  listEntries,
  delayFacts,
  numberValue,
  optionState,
  propertyOf,
  resolveFunction,
  retryCountBound,
  setOption,
  suggest,
  unknownOptionsSite,
  valueOf,
} from './option-state';
import { SUGGESTED_CAP_MS } from './retry-options';
import type { LibraryAdapter, LibraryContext } from './types';
import { defaultsAt, librarySite, opaqueDelay, scheduleDelay } from './util';

export const docs: LibraryDocs = {
  package: 'ky',
  api: 'a `retry` option written on `ky(…)`, `ky.get/post/…(…)`, `ky.create({ retry })`, `ky.extend({ retry })` or on a call of such an instance; a request whose method `methods` leaves out (POST, PATCH by default) is sent once and is no retry site',
  versionAssumed: 'ky 1.x (`jitter` exists since 1.9; before, ky had no jitter at all, so the finding stands)',
  defaults: [
    '`limit: 2`',
    '`delay: n => 0.3 * 2 ** (n - 1) * 1000` ms, `backoffLimit: Infinity`',
    '`jitter: undefined`: no jitter',
    'Retry-After (and RateLimit-Reset) honoured for 413, 429 and 503 (`afterStatusCodes`), up to `maxRetryAfter: Infinity`',
    '`methods`: get, put, head, delete, options, trace; `statusCodes`: 408, 413, 429, 500, 502, 503, 504',
  ],
  checks: [
    { rule: 'require-jitter', when: '`jitter` is false or left at its default (also for `retry: <number>`); suggests `jitter: true`. Reported on a written `delay` function unless `jitter: false` is written.' },
    { rule: 'require-backoff', when: 'a `delay` function that returns a constant.' },
    { rule: 'require-max-delay', when: 'the largest wait within `limit` exceeds `maxDelayMs` after `backoffLimit`, or grows with `limit: Infinity`; suggests `backoffLimit`. A written `maxRetryAfter` above `maxDelayMs` (or `Infinity`) while Retry-After is honoured.' },
    { rule: 'no-unbounded-retry', when: '`limit: Infinity` (or `retry: Infinity`).' },
    { rule: 'require-idempotency-key', when: '`methods` includes POST or PATCH and the options send no idempotency key (reported at that entry; suggests removing it).' },
    { rule: 'respect-retry-after', when: '`statusCodes` lists 429 or 503 while `afterStatusCodes` is emptied.' },
    { rule: 'no-retry-on-client-error', when: '`statusCodes` includes a 4xx other than 408, 413, 425 and 429, or `shouldRetry` returns true for every error.' },
  ],
  notModelled: ['the default `maxRetryAfter` (Infinity in ky 1.x, the request `timeout` in older versions): only a written one is judged.', 'merging of `retry` across `ky.extend` layers: a call with its own `retry` is judged against ky\'s defaults.'],
};

/** ky: the `retry` option of requests and instances. */
export const kyAdapter: LibraryAdapter = {
  packages: ['ky', 'ky-universal'],
  docs,
  analyze(node, origin, ctx) {
    if (node.type !== T.CallExpression) return [];
    const site = analyzeCall(ctx, node, origin);
    return site ? [site] : [];
  },
};

function analyzeCall(ctx: LibraryContext, call: TSESTree.CallExpression, origin: Origin): RetrySite | undefined {
  const client = readClientCall(ctx, call, origin, ['create', 'extend'], ['stop', 'retry', 'HTTPError', 'TimeoutError']);
  if (!client || client.retry.state !== 'set') return undefined;
  const retryProp = client.retry.option.property;
  const anchor: Node = retryProp;
  const site = librarySite('ky', call, { node: anchor });
  site.honoursRetryAfter = true;
  const known = client.retry.option.known?.value;
  const limitFromNumber = typeof known === 'number' ? known : undefined;
  const options = retryOptions(ctx, client.retry.option.value, limitFromNumber);
  if (options.kind === 'unknown') return unknownOptionsSite(site, anchor);
  const limitS = optionState(ctx, options, 'limit');
  const jitterS = optionState(ctx, options, 'jitter');
  const backoffS = optionState(ctx, options, 'backoffLimit');
  const delayS = optionState(ctx, options, 'delay');
  const methodsS = optionState(ctx, options, 'methods');
  const statusS = optionState(ctx, options, 'statusCodes');
  const afterS = optionState(ctx, options, 'afterStatusCodes');
  const shouldS = optionState(ctx, options, 'shouldRetry');

  const limit = limitFromNumber ?? numberValue(limitS, 2);
  site.bound = retryCountBound(limit, propertyOf(limitS) ?? anchor);
  if (limit === 0) return undefined;
  // `ky.post(url, { retry: { limit: 3 } })`: POST is not in the `methods` list, so the request is sent once.
  if (!client.factory && !retriesMethod(ctx, methodsS, client.method, DEFAULT_RETRY_METHODS)) return undefined;

  // The object form to edit: `retry: 3` becomes `retry: { limit: 3, jitter: true }`.
  const editJitter = (description: string, name: string, valueText: string) =>
    limitFromNumber !== undefined
      ? { description, range: client.retry.state === 'set' ? client.retry.option.value.range : retryProp.range, text: `{ limit: ${ctx.sourceCode.getText(client.retry.state === 'set' ? client.retry.option.value : retryProp)}, ${name}: ${valueText} }` }
      : setOption(options, name, valueText, description, undefined);

  // Delay.
  const jitter = valueOf(jitterS, undefined);
  const random = !jitter.known ? undefined : jitter.value === true || jitterS.state === 'set' && resolveFunction(ctx, jitterS.option.value) !== undefined;
  const backoffLimit = numberValue(backoffS, Infinity);
  const cap = backoffLimit !== undefined && Number.isFinite(backoffLimit) ? backoffLimit : undefined;
  const waitNode: Node = (random === false ? propertyOf(jitterS) : undefined) ?? defaultsAt(options, retryProp, anchor);
  let delay;
  if (delayS.state === 'unknown' || backoffLimit === undefined) delay = opaqueDelay(anchor);
  else if (delayS.state === 'set') {
    const fn = resolveFunction(ctx, delayS.option.value);
    delay = fn ? { ...delayOfFunction(ctx.sourceCode, fn, limit) } : opaqueDelay(delayS.option.property);
    delay.node = delayS.option.property;
    if (cap !== undefined && delay.maxReason !== 'opaque') {
      delay.capMs = cap;
      delay.maxMs = Math.min(delay.maxMs, cap);
      delay.maxReason = 'known';
    }
  } else {
    delay = scheduleDelay({ node: propertyOf(backoffS) ?? anchor, baseMs: 300, factor: 2, capMs: cap, retries: limit, random: false });
    if (limit === undefined && cap === undefined) delay.maxReason = 'opaque';
  }
  if (random === true) delay.random = true;
  else if (random === undefined) {
    delay.opaque = true;
    delay.growing = false;
  }
  // A written `delay` function computes the wait: its option is where jitter goes missing, unless
  // `jitter: false` is written (then that option is at fault).
  const jitterWritten = random === false && jitterS.state === 'set';
  site.waits.push({ node: delayS.state === 'set' && !jitterWritten ? delayS.option.property : waitNode, argument: undefined, delay });
  if (random === false) suggest(site, 'require-jitter', editJitter('Use full jitter (`jitter: true`)', 'jitter', 'true'));
  // A written backoffLimit at or under the cap already caps the backoff: raising it would lengthen the waits.
  // So does a backoff whose largest wait is known to stay under it (the finding is then on maxRetryAfter).
  if ((cap === undefined || cap > SUGGESTED_CAP_MS) && !(delay.maxReason === 'known' && delay.maxMs <= SUGGESTED_CAP_MS)) suggest(site, 'require-max-delay', editJitter(`Cap each wait at ${SUGGESTED_CAP_MS} ms (\`backoffLimit: ${SUGGESTED_CAP_MS}\`)`, 'backoffLimit', String(SUGGESTED_CAP_MS)));

  // Methods.
  if (methodsS.state === 'set' && optionsKey(ctx, client.options) === 'no') judgeMethodList(ctx, site, methodsS.option.value, client.factory ? undefined : client.method);
  // Statuses.
  const after = afterS.state === 'set' ? listEntries(ctx, afterS.option.value) : undefined;
  if (after && after.complete && after.entries.length === 0) {
    site.honoursRetryAfter = false;
    if (after.array) suggest(site, 'respect-retry-after', { description: "Honour Retry-After on 413, 429 and 503 (ky's default `afterStatusCodes`)", range: after.array.range, text: '[413, 429, 503]' });
  }
  // A written `maxRetryAfter` is the cap on the server's Retry-After wait (a longer one cancels
  // the retry): `Infinity` waits as long as the server says, a large number up to that.
  const maxAfterS = optionState(ctx, options, 'maxRetryAfter');
  const maxAfter = maxAfterS.state === 'set' && site.honoursRetryAfter ? numberValue(maxAfterS, Infinity) : undefined;
  if (maxAfter !== undefined && maxAfter > 0 && maxAfterS.state === 'set') {
    const at = maxAfterS.option.property;
    site.waits.push({ node: at, argument: undefined, delay: delayFacts(at, { maxMs: maxAfter, maxReason: Number.isFinite(maxAfter) ? 'known' : 'retry-after', retryAfter: 'exact' }) });
    // ky waits min(Retry-After, maxRetryAfter): the server's wait is still honoured, up to the cap.
    if (maxAfter > SUGGESTED_CAP_MS) {
      const value = maxAfterS.option.value;
      suggest(site, 'require-max-delay', { description: `Honour Retry-After up to ${SUGGESTED_CAP_MS} ms (\`maxRetryAfter: ${SUGGESTED_CAP_MS}\`)`, range: [value.range[0], value.range[1]], text: at.shorthand ? `maxRetryAfter: ${SUGGESTED_CAP_MS}` : String(SUGGESTED_CAP_MS) });
    }
  }
  if (statusS.state === 'set') judgeStatusList(ctx, site, statusS.option.value, [413]);
  // `shouldRetry({ error, retryCount })` replaces the status and method checks for the errors it decides (K8).
  if (shouldS.state === 'set') judgeCondition(ctx, site, shouldS, { positional: ['error'], named: { error: 'error' } });
  return site;
}
