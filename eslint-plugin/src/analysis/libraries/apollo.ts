import { T } from '../node-types';
import { unwrap } from '../ast';
import { delayOfFunction } from '../delay';
import { normalPath } from '../scope';
import type { DelayFacts, Node, RetrySite } from '../types';
import { handlerDecision, parameterDecides, replaceSuggestion, withUnknownBound } from './inspect';
import { countLimit } from './status-set';
import type { LibraryDocs } from './docs';
import { resolveFunction } from './option-state';
import type { LibraryAdapter, LibraryContext } from './types';
import { librarySite, numberOption, opaqueDelay, readOption, resolveObject, scheduleDelay } from './util';

/**
 * Apollo Client's `new RetryLink({ delay, attempts })` (`@apollo/client/link/retry`, 3.x and
 * 4.x; `apollo-link-retry` for Apollo 2). Defaults (`link/retry/delayFunction.js`,
 * `retryFunction.js`, unchanged from 2.x to 4.x): `attempts.max` 5, `retryIf` every network
 * error, for every operation (mutations included); `delay.initial` 300 ms doubling per attempt,
 * `delay.max` Infinity, `delay.jitter` true (full jitter).
 */

const PACKAGES = ['@apollo/client/link/retry', '@apollo/client', 'apollo-link-retry'];
const DEFAULTS = { max: 5, initial: 300, delayMax: Infinity, jitter: true };

export const docs: LibraryDocs = {
  package: '@apollo/client',
  api: '`new RetryLink({ delay, attempts })` from `@apollo/client/link/retry` (and `apollo-link-retry`)',
  versionAssumed: '@apollo/client 3.x and 4.x (RetryLink defaults unchanged since apollo-link-retry 2.x)',
  defaults: [
    '`attempts.max: 5`; `retryIf`: every network error, of every operation, mutations included',
    '`delay.initial: 300` ms doubling per attempt, `delay.max: Infinity`, `delay.jitter: true` (full jitter)',
    'Retry-After: not read',
  ],
  checks: [
    { rule: 'require-idempotency-key', when: 'mutations are retried: no `retryIf` (or `attempts` function) whose answer depends on the operation (a read only for logging does not count); suggests skipping mutations (Apollo Client 4 `operation.operationType`).' },
    { rule: 'no-unbounded-retry', when: '`attempts.max: Infinity`, an `attempts` function returning `true` without reading the count; suggests `max: 5`.' },
    { rule: 'require-jitter', when: '`delay.jitter: false`; a `delay` function without randomness.' },
    { rule: 'require-max-delay', when: '`delay.max` above `maxDelayMs`, or growth with no `delay.max` and unbounded attempts.' },
  ],
  notModelled: ['Retried 4xx responses: RetryLink retries network errors of an opaque link chain, so no HTTP call is visible.'],
};

export const apolloAdapter: LibraryAdapter = {
  packages: PACKAGES,
  docs,
  analyze(node, origin, ctx) {
    if (node.type !== T.NewExpression) return [];
    const p = normalPath(origin);
    if (!(p.length === 1 && p[0] === 'RetryLink')) return [];
    const arg = node.arguments[0];
    const options = arg ? resolveObject(ctx, arg) : undefined;
    if (arg && !options) return [];
    const spread = options?.spread ?? false;
    const site = librarySite('@apollo/client', node);

    // Attempts: `{ max, retryIf }` or a function (count, operation, error).
    const attemptsOpt = readOption(ctx, options, 'attempts');
    let max: number | undefined = spread && !attemptsOpt ? undefined : DEFAULTS.max;
    let readsOperation = spread && !attemptsOpt;
    // The written condition that lets mutations through, where that finding is reported.
    let conditionNode: Node | undefined;
    if (attemptsOpt) {
      const fn = resolveFunction(ctx, attemptsOpt.value);
      const obj = fn ? undefined : resolveObject(ctx, attemptsOpt.value);
      if (fn) {
        const decision = handlerDecision(fn, 0, [], ctx.sourceCode.visitorKeys);
        if (decision === 'never') return [];
        // `count` is 1 after the first failure (`retryLink.ts`: `retryCount += 1` before `retryIf`),
        // so `count < 3` allows 3 attempts.
        const limit = decision === 'counted' ? countLimit(fn, { positional: ['count', 'other', 'error'] }, ctx.sourceCode, 1) : undefined;
        if (limit !== undefined && limit <= 1) return [];
        max = decision === 'always' ? Infinity : limit;
        site.bound = { kind: decision === 'always' ? 'unbounded' : decision === 'counted' ? 'bounded' : 'unknown', maxAttempts: limit, node: attemptsOpt.property };
        // Reading the operation filters only when it can change the answer (not a log line).
        readsOperation = parameterDecides(fn, 1, ctx.sourceCode);
        conditionNode = attemptsOpt.property;
      } else if (obj) {
        const maxOpt = readOption(ctx, obj, 'max');
        max = maxOpt ? numberOption(maxOpt) : obj.spread ? undefined : DEFAULTS.max;
        const retryIf = readOption(ctx, obj, 'retryIf');
        if (retryIf) {
          const rf = resolveFunction(ctx, retryIf.value);
          readsOperation = !rf || parameterDecides(rf, 1, ctx.sourceCode);
          conditionNode = retryIf.property;
          if (rf && handlerDecision(rf, -1, [], ctx.sourceCode.visitorKeys) === 'never') return [];
        } else readsOperation = obj.spread;
        const at = maxOpt?.property ?? attemptsOpt.property;
        if (max !== undefined && max <= 1) return [];
        if (max === undefined) site.bound = { kind: 'unknown', maxAttempts: undefined, node: at };
        else if (!Number.isFinite(max)) {
          site.bound = { kind: 'unbounded', maxAttempts: undefined, node: at };
          if (maxOpt) site.suggestions = { 'no-unbounded-retry': [replaceSuggestion(unwrap(maxOpt.value), '5', 'Stop after 5 attempts (`max: 5`)')] };
        } else site.bound = { kind: 'bounded', maxAttempts: max, node: at };
      } else {
        max = undefined;
        readsOperation = true;
        site.bound = { kind: 'unknown', maxAttempts: undefined, node: attemptsOpt.property };
      }
    } else if (max === undefined) {
      site.bound = { kind: 'unknown', maxAttempts: undefined, node };
    } else {
      site.bound = { kind: 'bounded', maxAttempts: max, node };
    }

    if (!readsOperation) {
      site.nonIdempotent.push({ node: conditionNode ?? node, method: 'GraphQL mutation', key: 'none', keyNode: undefined, ...(conditionNode ? { reportedAt: 'condition' as const } : {}) });
      if (!arg || (options && options.node.properties.length === 0)) {
        const range: [number, number] = arg ? [arg.range[0], arg.range[1]] : [node.range[1] - 1, node.range[1] - 1];
        const text = "{ attempts: { retryIf: (error, operation) => !!error && operation.operationType !== 'mutation' } }";
        site.suggestions = {
          ...site.suggestions,
          'require-idempotency-key': [{ description: 'Do not retry mutations (`operation.operationType`, Apollo Client 4)', range, text }],
        };
      }
    }

    const delayOpt = readOption(ctx, options, 'delay');
    const retries = max === undefined ? undefined : max - 1;
    site.waits = [{ node: delayOpt?.property ?? node, argument: undefined, delay: delayFacts(ctx, delayOpt?.value, delayOpt?.property ?? node, retries, spread && !delayOpt, site.bound.kind !== 'unbounded' && max === undefined) }];
    return [site];
  },
};

function delayFacts(ctx: LibraryContext, value: Node | undefined, at: Node, retries: number | undefined, unknown: boolean, unknownMax: boolean): DelayFacts {
  if (unknown) return opaqueDelay(at);
  if (value) {
    const fn = resolveFunction(ctx, value);
    // `delay(count, operation, error)` is called with the same count as `attempts`: 1 to `max − 1`.
    if (fn) return delayOfFunction(ctx.sourceCode, fn, retries !== undefined && Number.isFinite(retries) ? retries : undefined);
  }
  const obj = value ? resolveObject(ctx, value) : undefined;
  if (value && !obj) return opaqueDelay(at);
  const read = (name: 'initial' | 'max' | 'jitter', fallback: number | boolean): { value: number | boolean | undefined; node: Node | undefined } => {
    const o = readOption(ctx, obj, name);
    if (!o) return { value: obj?.spread ? undefined : fallback, node: undefined };
    const v = o.known?.value;
    return { value: typeof v === 'number' || typeof v === 'boolean' ? v : undefined, node: o.property };
  };
  const initial = read('initial', DEFAULTS.initial);
  const cap = read('max', DEFAULTS.delayMax);
  const jitter = read('jitter', DEFAULTS.jitter);
  if (typeof initial.value !== 'number' || typeof cap.value !== 'number' || jitter.value === undefined) return opaqueDelay(at);
  // Without jitter the base is halved so that the first delay equals `initial`; delay n = base × 2^n, n ≥ 1.
  const base = jitter.value ? initial.value : initial.value / 2;
  const facts = scheduleDelay({
    node: cap.node ?? at,
    baseMs: base * 2,
    factor: 2,
    capMs: Number.isFinite(cap.value) ? cap.value : undefined,
    retries,
    random: jitter.value === true,
  });
  return unknownMax ? withUnknownBound(facts) : facts;
}
