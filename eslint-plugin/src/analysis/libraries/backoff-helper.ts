import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { normalPath } from '../scope';
import type { LibraryDocs } from './docs';
import { acceptsEverything, numberValue, optionState, propertyOf, resolveOptions, retryCountBound, unknownOptionsSite, valueOf } from './option-state';
import { judgeRetriedFunction } from './retried-operation';
import type { LibraryAdapter } from './types';
import { librarySite, opaqueDelay, scheduleDelay } from './util';

/**
 * The bundled helper (`snippets/retry-with-backoff`, the file "Use the backoff helper" creates):
 * `retryWithBackoff(operation, { maxAttempts, baseDelayMs, maxDelayMs, jitter, shouldRetry })`.
 * Defaults: 3 attempts in all, 100 ms doubling to at most 20 s, full jitter, Retry-After honoured
 * (waited for at least; past `maxRetryAfterMs` the helper gives up), only transient failures
 * retried (network errors, 408, 429, 5xx).
 * Imported from a file named `retry-with-backoff` (any folder, any script extension).
 */

const DEFAULTS = { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 20_000 };
const HELPER_RE = /(^|\/)retry-with-backoff(\.[cm]?[jt]sx?)?$/;

export const docs: LibraryDocs = {
  package: 'retry-with-backoff (the bundled helper)',
  api: '`retryWithBackoff(operation, options)` imported from a `retry-with-backoff` file',
  versionAssumed: 'the helper this extension writes (snippets/retry-with-backoff)',
  defaults: ['`maxAttempts: 3`', '`baseDelayMs: 100`, doubling', '`maxDelayMs: 20000`', "`jitter: 'full'`", 'Retry-After honoured', 'only network errors, 408, 429 and 5xx retried'],
  checks: [
    { rule: 'no-unbounded-retry', when: '`maxAttempts: Infinity`.' },
    { rule: 'require-jitter', when: "`jitter: 'none'`." },
    { rule: 'require-max-delay', when: '`maxDelayMs` above `maxDelayMs` of the rule, or `Infinity`.' },
    { rule: 'no-retry-on-client-error', when: '`shouldRetry` that accepts every error, around a client that throws on 4xx.' },
    { rule: 'require-idempotency-key', when: 'a POST or PATCH in the operation without a key (the helper passes `ctx.idempotencyKey`; the operation must send it).' },
  ],
  notModelled: ['`backoffDelay(attempt, options)` used as a wait in a hand-written loop: its delay is read as unknown, so no rule reports it.'],
};

export const backoffHelperAdapter: LibraryAdapter = {
  packages: [],
  matchesModule: (module) => HELPER_RE.test(module),
  moduleWords: ['retry-with-backoff'],
  docs,
  analyze(node, origin, ctx) {
    if (node.type !== T.CallExpression) return [];
    const p = normalPath(origin);
    if (!(p.length === 1 && p[0] === 'retryWithBackoff')) return [];
    const site = librarySite('retry-with-backoff', node);
    site.honoursRetryAfter = true;
    const options = resolveOptions(ctx, node.arguments[1] as TSESTree.Node | undefined);
    if (options.kind === 'unknown') return [unknownOptionsSite(site, node)];
    const maxS = optionState(ctx, options, 'maxAttempts');
    const baseS = optionState(ctx, options, 'baseDelayMs');
    const capS = optionState(ctx, options, 'maxDelayMs');
    const jitterS = optionState(ctx, options, 'jitter');
    const shouldS = optionState(ctx, options, 'shouldRetry');
    const maxAttempts = numberValue(maxS, DEFAULTS.maxAttempts);
    if (maxAttempts !== undefined && maxAttempts <= 1) return [];
    site.bound = retryCountBound(maxAttempts === undefined ? undefined : maxAttempts - 1, propertyOf(maxS) ?? node);
    const base = numberValue(baseS, DEFAULTS.baseDelayMs);
    const cap = numberValue(capS, DEFAULTS.maxDelayMs);
    const jitter = valueOf(jitterS, 'full');
    const anchor = propertyOf(capS) ?? propertyOf(jitterS) ?? propertyOf(baseS) ?? node;
    if (base === undefined || cap === undefined || !jitter.known) site.waits = [{ node: anchor, argument: undefined, delay: opaqueDelay(anchor) }];
    else if (base > 0) {
      const delay = scheduleDelay({ node: anchor, baseMs: base, factor: 2, capMs: Number.isFinite(cap) ? cap : undefined, retries: maxAttempts === undefined ? undefined : maxAttempts - 1, random: jitter.value !== 'none' });
      site.waits = [{ node: propertyOf(jitterS) && jitter.value === 'none' ? propertyOf(jitterS)! : anchor, argument: undefined, delay }];
    } else site.noWait = propertyOf(baseS) ?? node;
    // The helper's own `shouldRetry` retries only transient failures; a written one decides, and one
    // that accepts every error is a catch-all.
    const hasCondition = shouldS.state !== 'set' || !acceptsEverything(ctx, shouldS);
    judgeRetriedFunction(ctx, site, node.arguments[0] as TSESTree.Node | undefined, { conditionNode: propertyOf(shouldS) ?? node, hasCondition });
    return [site];
  },
};
