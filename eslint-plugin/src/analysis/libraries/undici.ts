import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { unwrap } from '../ast';
import { normalPath, type Origin } from '../scope';
import type { RetrySite } from '../types';
import { isClientErrorStatus, isRetryAfterStatus } from '../statuses';
import { arrayElements, withUnknownBound } from './inspect';
import type { LibraryDocs } from './docs';
import { removeElement, suggest } from './option-state';
import type { LibraryAdapter, LibraryContext } from './types';
import { librarySite, numberOption, opaqueDelay, readOption, resolveObject, scheduleDelay, type OptionsObject } from './util';

/**
 * undici's retry: `new RetryAgent(dispatcher, options)`, `new RetryHandler({ ...dispatchOptions,
 * retryOptions }, handlers)` and `interceptors.retry(options)`. All three are dedicated retry
 * APIs, so undici's defaults count (undici 7.x `lib/handler/retry-handler.js`, unchanged since 6.x):
 * 5 retries, `minTimeout` 500 ms × `timeoutFactor` 2 per retry, capped at `maxTimeout` 30 s, no
 * jitter, Retry-After honoured (capped at `maxTimeout`), methods GET HEAD OPTIONS PUT DELETE
 * TRACE, statuses 500 502 503 504 429.
 */

const DEFAULTS = { maxRetries: 5, minTimeout: 500, timeoutFactor: 2, maxTimeout: 30_000 };

export const docs: LibraryDocs = {
  package: 'undici',
  api: '`new RetryAgent(dispatcher, options)`, `new RetryHandler({ retryOptions }, handlers)`, `interceptors.retry(options)`',
  versionAssumed: 'undici 7.x (the same retry defaults since 5.x)',
  defaults: [
    '`maxRetries: 5`',
    'exponential: `minTimeout: 500` ms, `timeoutFactor: 2`, `maxTimeout: 30000` ms',
    'no jitter, and no option for it',
    'Retry-After: honoured (`retryAfter: true`), capped at `maxTimeout`',
    '`methods`: GET, HEAD, OPTIONS, PUT, DELETE, TRACE; `statusCodes`: 500, 502, 503, 504, 429',
  ],
  checks: [
    { rule: 'require-jitter', when: 'always, once a retry API is used: undici has no jitter option (a custom `retry` function is not judged).' },
    { rule: 'require-backoff', when: '`timeoutFactor` of 1 or less (a constant wait), `minTimeout: 0` (no wait).' },
    { rule: 'require-max-delay', when: '`maxTimeout` above `maxDelayMs`, or `maxTimeout: Infinity` with unbounded retries.' },
    { rule: 'no-unbounded-retry', when: '`maxRetries: Infinity`.' },
    { rule: 'require-idempotency-key', when: 'POST or PATCH listed in `methods`; suggests removing it.' },
    { rule: 'respect-retry-after', when: '`retryAfter: false` while 429 or 503 are retried; suggests `retryAfter: true`.' },
    { rule: 'no-retry-on-client-error', when: 'a 4xx status other than 408 and 429 listed in `statusCodes`.' },
  ],
  notModelled: ['A custom `retry` function: it decides attempts, delays and conditions itself, so the site is an unknown.'],
};

export const undiciAdapter: LibraryAdapter = {
  packages: ['undici'],
  docs,
  analyze(node, origin, ctx) {
    const kind = apiOf(node, origin);
    if (!kind) return [];
    let options: OptionsObject | undefined;
    let argument: TSESTree.Node | undefined;
    if (kind === 'handler') {
      const dispatchOptions = resolveObject(ctx, node.arguments[0]);
      if (!dispatchOptions) return [];
      const retryOptions = readOption(ctx, dispatchOptions, 'retryOptions');
      if (!retryOptions) {
        if (dispatchOptions.spread) return [];
        return [analyzeOptions(ctx, node, undefined)];
      }
      argument = retryOptions.value;
    } else {
      argument = kind === 'agent' ? node.arguments[1] : node.arguments[0];
    }
    if (argument) {
      options = resolveObject(ctx, argument);
      if (!options) return [];
    }
    return [analyzeOptions(ctx, node, options)];
  },
};

function apiOf(node: TSESTree.CallExpression | TSESTree.NewExpression, origin: Origin): 'agent' | 'handler' | 'interceptor' | undefined {
  const p = normalPath(origin);
  if (node.type === T.NewExpression && p.length === 1 && p[0] === 'RetryAgent') return 'agent';
  if (node.type === T.NewExpression && p.length === 1 && p[0] === 'RetryHandler') return 'handler';
  if (node.type === T.CallExpression && p.length === 2 && p[0] === 'interceptors' && p[1] === 'retry') return 'interceptor';
  return undefined;
}

function analyzeOptions(ctx: LibraryContext, node: TSESTree.Node, options: OptionsObject | undefined): RetrySite {
  const spread = options?.spread ?? false;
  const maxRetriesOpt = readOption(ctx, options, 'maxRetries');
  const retryFn = readOption(ctx, options, 'retry');
  const site = librarySite('undici', node);

  // A custom `retry` function decides everything: attempts, delay, conditions.
  if (retryFn) {
    site.bound = { kind: 'unknown', maxAttempts: undefined, node: retryFn.property };
    site.waits = [];
    site.honoursRetryAfter = true;
    return site;
  }

  let maxRetries: number | undefined = maxRetriesOpt ? numberOption(maxRetriesOpt) : spread ? undefined : DEFAULTS.maxRetries;
  if (maxRetriesOpt && maxRetries === undefined) {
    site.bound = { kind: 'unknown', maxAttempts: undefined, node: maxRetriesOpt.property };
  } else if (maxRetries === undefined) {
    site.bound = { kind: 'unknown', maxAttempts: undefined, node };
  } else if (!Number.isFinite(maxRetries)) {
    site.bound = { kind: 'unbounded', maxAttempts: undefined, node: maxRetriesOpt?.property ?? node };
    maxRetries = Infinity;
    // The bound undici gives when none is written: its default `maxRetries`.
    if (maxRetriesOpt) {
      const value = unwrap(maxRetriesOpt.value);
      suggest(site, 'no-unbounded-retry', { description: `Retry at most ${DEFAULTS.maxRetries} times (\`maxRetries: ${DEFAULTS.maxRetries}\`, undici's default)`, range: [value.range[0], value.range[1]], text: String(DEFAULTS.maxRetries) });
    }
  } else {
    site.bound = { kind: 'bounded', maxAttempts: maxRetries + 1, node: maxRetriesOpt?.property ?? node };
  }

  const minOpt = readOption(ctx, options, 'minTimeout');
  const factorOpt = readOption(ctx, options, 'timeoutFactor');
  const maxOpt = readOption(ctx, options, 'maxTimeout');
  const base = minOpt ? numberOption(minOpt) : spread ? undefined : DEFAULTS.minTimeout;
  const factor = factorOpt ? numberOption(factorOpt) : spread ? undefined : DEFAULTS.timeoutFactor;
  const cap = maxOpt ? numberOption(maxOpt) : spread ? undefined : DEFAULTS.maxTimeout;
  const delayNode = maxOpt?.property ?? node;
  if (base === undefined || factor === undefined || cap === undefined) {
    site.waits = [{ node: factorOpt?.property ?? node, argument: undefined, delay: opaqueDelay(delayNode) }];
  } else if (base <= 0 || cap <= 0) {
    site.noWait = minOpt?.property ?? maxOpt?.property ?? node;
  } else {
    const delay = scheduleDelay({ node: delayNode, baseMs: base, factor, capMs: Number.isFinite(cap) ? cap : undefined, retries: maxRetries, random: false });
    site.waits = [{ node: factor <= 1 ? factorOpt?.property ?? node : node, argument: undefined, delay: site.bound.kind === 'unknown' ? withUnknownBound(delay) : delay }];
  }

  // No jitter edit: undici has no jitter option, and the only way to add one, a custom `retry`
  // function, replaces its whole decision (statuses, methods, error codes, Retry-After); an edit
  // that rewrote all of that could not promise to keep what the retry does.
  const retryAfterOpt = readOption(ctx, options, 'retryAfter');
  site.honoursRetryAfter = retryAfterOpt ? retryAfterOpt.known?.value !== false : true;

  const methods = readOption(ctx, options, 'methods');
  const methodList = methods ? arrayElements(ctx, methods.value) : undefined;
  if (methodList) {
    for (const m of methodList) {
      const method = typeof m.value === 'string' ? m.value.toUpperCase() : undefined;
      if (method && ctx.settings.nonIdempotentMethods.includes(method)) {
        site.nonIdempotent.push({ node: m.node, method, key: 'none', keyNode: undefined });
        (site.suggestions ??= {})['require-idempotency-key'] = [
          ...(site.suggestions['require-idempotency-key'] ?? []),
          removeElement(ctx.sourceCode, m.node, `Do not retry ${method} requests`),
        ];
      }
    }
  }

  const statusCodes = readOption(ctx, options, 'statusCodes');
  const statusList = statusCodes ? arrayElements(ctx, statusCodes.value) : undefined;
  if (statusList) {
    const rateLimited = statusList.filter((s) => typeof s.value === 'number' && isRetryAfterStatus(s.value));
    if (rateLimited.length > 0) site.rateLimitChecks.push(statusCodes!.property);
    for (const s of statusList) {
      if (typeof s.value === 'number' && isClientErrorStatus(s.value)) {
        site.clientErrorRetries.push({ node: s.node, reason: 'client-status' });
        // Removed only from a list written in these options (a shared array may serve other calls).
        const written = unwrap(statusCodes!.value);
        if (written.type === T.ArrayExpression && written.elements.includes(s.node as TSESTree.Expression)) suggest(site, 'no-retry-on-client-error', removeElement(ctx.sourceCode, s.node, `Do not retry ${s.value}: a retry cannot fix a client error`));
      }
    }
  } else if (!statusCodes && retryAfterOpt && retryAfterOpt.known?.value === false) {
    // The default status list retries 429 and 503; turning Retry-After off is explicit handling of both.
    site.rateLimitChecks.push(retryAfterOpt.property);
  }
  if (retryAfterOpt && retryAfterOpt.known?.value === false && site.rateLimitChecks.length > 0) {
    const value = unwrap(retryAfterOpt.value);
    (site.suggestions ??= {})['respect-retry-after'] = [{ description: 'Honour Retry-After (`retryAfter: true`)', range: [value.range[0], value.range[1]], text: 'true' }];
  }
  return site;
}
