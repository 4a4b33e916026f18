import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { delayOfFunction } from '../delay';
import type { Origin } from '../scope';
import type { Node, RetrySite } from '../types';
import { optionsKey, readClientCall } from './client-retry';
import type { LibraryDocs } from './docs';
import { delayFacts, judgeStatusList, numberValue, optionState, readsRetryAfter, resolveFunction, retryCountBound, unknownOptionsSite } from './option-state';
import { callsThrough, judgeResent, safeDescribe } from './retried-operation';
import type { LibraryAdapter, LibraryContext } from './types';
import { librarySite, opaqueDelay } from './util';

export const docs: LibraryDocs = {
  package: 'ofetch',
  api: 'a `retry` option written on `ofetch(…)` / `$fetch(…)` (and `.raw`), on `ofetch.create({ retry })` or on a call of such an instance',
  versionAssumed: 'ofetch 1.4/1.5',
  defaults: [
    'without a `retry` option: 1 retry for GET and other bodiless methods, none for POST, PUT, PATCH, DELETE (not reported: the code did not opt in)',
    'an explicit `retry: n` retries every method, POST included',
    '`retryDelay: 0`: no wait',
    'Retry-After: not read',
    '`retryStatusCodes`: 408, 409, 425, 429, 500, 502, 503, 504',
  ],
  checks: [
    { rule: 'require-backoff', when: '`retry` is set with no `retryDelay` (reported at `retry`) or with a constant `retryDelay`.' },
    { rule: 'require-jitter', when: 'a number `retryDelay` (or a delay function without randomness).' },
    { rule: 'require-max-delay', when: 'a `retryDelay` above `maxDelayMs`.' },
    { rule: 'no-unbounded-retry', when: '`retry: Infinity`.' },
    { rule: 'require-idempotency-key', when: 'a POST or PATCH without an idempotency key is sent with an explicit `retry`, directly or through an instance created with one.' },
    { rule: 'respect-retry-after', when: '`retryStatusCodes` lists 429 or 503 and no `retryDelay` function reads Retry-After.' },
    { rule: 'no-retry-on-client-error', when: '`retryStatusCodes` includes a 4xx other than 408, 425 and 429.' },
  ],
  notModelled: ['409 Conflict in ofetch\'s default status list: it is the library\'s choice and often transient (optimistic locking), so it is reported only when the code writes it in `retryStatusCodes`.', '`createFetch` defaults.'],
};

/** ofetch: the `retry` option of requests and `ofetch.create`. */
export const ofetchAdapter: LibraryAdapter = {
  // ohmyfetch: ofetch's name before 1.0, the same API.
  packages: ['ofetch', 'ohmyfetch'],
  docs,
  analyze(node, origin, ctx) {
    if (node.type !== T.CallExpression) return [];
    const site = analyzeCall(ctx, node, origin);
    return site ? [site] : [];
  },
};

function analyzeCall(ctx: LibraryContext, call: TSESTree.CallExpression, origin: Origin): RetrySite | undefined {
  const client = readClientCall(ctx, call, origin, ['create'], ['native', 'FetchError', 'createFetch', 'createFetchError']);
  if (!client || client.retry.state !== 'set') return undefined;
  const retryProp = client.retry.option.property;
  const anchor: Node = retryProp;
  const site = librarySite('ofetch', call, { node: anchor });
  const known = client.retry.option.known?.value;
  if (known === false || known === 0) return undefined;
  const retries = typeof known === 'number' ? known : undefined;
  if (retries === undefined) return unknownOptionsSite(site, anchor);
  site.bound = retryCountBound(retries, anchor);
  const holder = client.holder;
  const delayS = optionState(ctx, holder, 'retryDelay');
  const statusS = optionState(ctx, holder, 'retryStatusCodes');
  let delayFn: Node | undefined;
  if (delayS.state === 'absent') site.noWait = anchor;
  else if (delayS.state === 'unknown') site.waits.push({ node: anchor, argument: undefined, delay: opaqueDelay(anchor) });
  else {
    const prop = delayS.option.property;
    const ms = numberValue(delayS, 0);
    const fn = resolveFunction(ctx, delayS.option.value);
    if (ms === 0) site.noWait = prop;
    else if (ms !== undefined) site.waits.push({ node: prop, argument: undefined, delay: delayFacts(prop, { maxMs: ms, growing: false }) });
    else if (fn && fn.params.length === 0) {
      delayFn = fn;
      site.waits.push({ node: prop, argument: undefined, delay: { ...delayOfFunction(ctx.sourceCode, fn, retries), node: prop } });
    } else {
      delayFn = fn;
      site.waits.push({ node: prop, argument: undefined, delay: opaqueDelay(prop) });
    }
  }
  site.honoursRetryAfter = readsRetryAfter(ctx, delayFn);
  if (statusS.state === 'set') judgeStatusList(ctx, site, statusS.option.value);
  // An explicit `retry` retries every method.
  if (!client.factory) {
    const http = safeDescribe(ctx, call);
    if (http) judgeResent(ctx, site, http);
  } else if (optionsKey(ctx, client.options) === 'no') {
    for (const c of callsThrough(ctx, call)) {
      const http = safeDescribe(ctx, c);
      if (http) judgeResent(ctx, site, http);
    }
  }
  return site;
}
