import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { stringValue, unwrap, walk } from '../ast';
import { describeHttpCall } from '../http';
import { normalPath } from '../scope';
import type { DelayFacts, Node, RetrySite } from '../types';
import type { LibraryDocs } from './docs';
import { alwaysTrue, resolveFunction } from './option-state';
import { judgeResent } from './retried-operation';
import type { LibraryAdapter, LibraryContext } from './types';
import { librarySite, opaqueDelay, staticValueOf } from './util';
import { fileMemo } from '../memo';

export const docs: LibraryDocs = {
  package: 'superagent',
  api: '`.retry(count, callback)` on a request (`superagent.get(url).retry(3)`) or an agent; with the superagent-retry-delay plugin loaded in the file, `.retry(retries, delays, allowedStatuses, retryCallback)`',
  versionAssumed: 'superagent 10.x (the same since 3.5, when `.retry()` appeared)',
  defaults: [
    '`.retry()` with no count: 1 retry',
    'no wait at all between attempts, so no backoff, jitter or cap either',
    'every method is retried, POST included',
    'statuses 408, 413, 429, 500, 502, 503, 504, 521, 522, 524 and network error codes; Retry-After is not read',
  ],
  checks: [
    { rule: 'require-backoff', when: 'always: superagent retries at once.' },
    { rule: 'no-unbounded-retry', when: '`.retry(Infinity)`.' },
    { rule: 'require-idempotency-key', when: 'the retried request is a POST or PATCH with no `Idempotency-Key` set in the chain.' },
    { rule: 'no-retry-on-client-error', when: 'the callback returns true for every error; with superagent-retry-delay, when its `allowedStatuses` leave 400, 401, 403, 404, 409 or 422 to be retried.' },
    { rule: 'require-jitter', when: 'with superagent-retry-delay loaded in the file: its `delays` (never randomised).' },
  ],
  notModelled: ['the requests of an agent configured with `.retry()` (each request is judged only when `.retry()` is in its own chain).'],
};

/**
 * The superagent-retry-delay plugin (3.1.0, `src/index.js`), loaded in the file
 * (`require('superagent-retry-delay')(superagent)`), replaces `.retry()` with `.retry(retries, delays,
 * allowedStatuses, retryCallback)`: `delays` (ms, one number or a list, its last entry repeated for
 * the retries past its end) are the waits, without randomness; every network error, every status of
 * 500 and up, and every other status of 400 and up (or under 200) that `allowedStatuses` does not
 * list is retried (429 included, Retry-After never read); a `retryCallback` decides instead when given.
 */
const RETRY_DELAY_PLUGIN = 'superagent-retry-delay';

const pluginLoaded = fileMemo<Node, boolean>();

/** Whether the file loads superagent-retry-delay (an `import` of it, or a `require` of it). */
function loadsRetryDelayPlugin(ctx: LibraryContext): boolean {
  const root = ctx.sourceCode.ast as Node;
  const hit = pluginLoaded.get(root);
  if (hit !== undefined) return hit;
  let found = false;
  walk(root, ctx.sourceCode.visitorKeys, (n) => {
    if (found) return false;
    if (n.type === T.ImportDeclaration && n.source.value === RETRY_DELAY_PLUGIN) found = true;
    if (n.type === T.CallExpression && unwrap(n.callee).type === T.Identifier && (unwrap(n.callee) as TSESTree.Identifier).name === 'require' && stringValue(n.arguments[0]) === RETRY_DELAY_PLUGIN) found = true;
    return undefined;
  });
  pluginLoaded.set(root, found);
  return found;
}

/** The client errors a careful reviewer expects a retry to leave alone (RFC 9110 §15.5): retried unless listed as allowed. */
const CLIENT_ERRORS_TO_SPARE = [400, 401, 403, 404, 409, 422];

/** The waits and retried statuses of superagent-retry-delay's `.retry(retries, delays, allowedStatuses, retryCallback)`. */
function pluginSchedule(ctx: LibraryContext, site: RetrySite, call: TSESTree.CallExpression, count: number | undefined, anchor: Node): void {
  const [, delaysArg, allowedArg, callbackArg] = call.arguments;
  const raw = delaysArg ? staticValueOf(ctx, delaysArg)?.value : undefined;
  const delays = typeof raw === 'number' ? [raw] : Array.isArray(raw) && raw.length > 0 && raw.every((d) => typeof d === 'number') ? (raw as number[]) : undefined;
  if (!delaysArg) site.noWait = anchor;
  else if (!delays) site.waits.push({ node: delaysArg, argument: undefined, delay: opaqueDelay(delaysArg) });
  else {
    // The waits taken: one per retry, the list's last entry repeated past its end.
    const taken = count === undefined || !Number.isFinite(count) ? delays : Array.from({ length: count }, (_, i) => delays[Math.min(i, delays.length - 1)]!);
    const maxMs = Math.max(...taken);
    if (maxMs <= 0) site.noWait = delaysArg;
    else {
      const delay: DelayFacts = { node: delaysArg, random: false, growing: taken.some((d) => d !== taken[0]), maxMs, maxReason: 'known', capMs: undefined, retryAfter: undefined, opaque: false };
      site.waits.push({ node: delaysArg, argument: undefined, delay });
    }
  }
  const fn = resolveFunction(ctx, callbackArg);
  if (callbackArg) {
    if (fn && alwaysTrue(fn)) site.clientErrorRetries.push({ node: callbackArg, reason: 'condition' });
    return;
  }
  const allowedRaw = allowedArg ? staticValueOf(ctx, allowedArg)?.value : [];
  if (!Array.isArray(allowedRaw)) return;
  const allowed = new Set(allowedRaw.filter((x): x is number => typeof x === 'number'));
  if (CLIENT_ERRORS_TO_SPARE.some((code) => !allowed.has(code))) site.clientErrorRetries.push({ node: allowedArg ?? anchor, reason: 'client-status' });
}

/** superagent: `request.post(url).send(body).retry(3, cb)`. */
export const superagentAdapter: LibraryAdapter = {
  packages: ['superagent'],
  docs,
  analyze(node, origin, ctx) {
    if (node.type !== T.CallExpression) return [];
    const path = normalPath(origin);
    if (path[path.length - 1] !== 'retry' || path.length < 2) return [];
    return [analyzeRetry(ctx, node)];
  },
};

function analyzeRetry(ctx: LibraryContext, call: TSESTree.CallExpression): RetrySite {
  const callee = unwrap(call.callee) as TSESTree.MemberExpression;
  const anchor: Node = callee.property;
  const [countArg, callback] = call.arguments;
  const site = librarySite('superagent', call, { node: anchor });
  let count: number | undefined = 1;
  if (countArg) {
    const v = staticValueOf(ctx, countArg)?.value;
    count = v === true ? 1 : typeof v === 'number' ? Math.max(0, v) : undefined;
  }
  if (count === 0) return site;
  if (count === Infinity) site.bound = { kind: 'unbounded', maxAttempts: undefined, node: countArg ?? anchor };
  else site.bound = { kind: count === undefined ? 'unknown' : 'bounded', maxAttempts: count === undefined ? undefined : count + 1, node: countArg ?? anchor };
  if (loadsRetryDelayPlugin(ctx)) {
    pluginSchedule(ctx, site, call, count, anchor);
  } else {
    site.noWait = anchor;
    const fn = resolveFunction(ctx, callback);
    if (fn && alwaysTrue(fn)) site.clientErrorRetries.push({ node: callback!, reason: 'condition' });
  }
  // The request the chain starts with: `superagent.post(url)`.
  let n: Node = unwrap(callee.object);
  for (let i = 0; i < 20; i++) {
    if (n.type !== T.CallExpression) break;
    const http = describeHttpCall(ctx.sourceCode, n, ctx.settings);
    if (http && http.client === 'superagent' && http.methodNode) {
      judgeResent(ctx, site, http);
      break;
    }
    const c = unwrap(n.callee);
    if (c.type !== T.MemberExpression) break;
    n = unwrap(c.object);
  }
  return site;
}
