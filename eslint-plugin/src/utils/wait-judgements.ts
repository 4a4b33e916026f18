// What require-jitter and require-backoff judge of one wait, shared so that each can offer an
// edit that also answers the other's finding on the same wait (their edits replace the same delay
// expression, so applied together they would overlap).
import type { TSESLint } from '@typescript-eslint/utils';
import type { RetrySite, Wait } from '../analysis';
import { growDelayFix, growInterceptorFix, growRecursionFix, localDelayOf } from './fixes';

/**
 * A wait needs jitter unless it is random, is exactly the server's Retry-After, or cannot be
 * resolved at all. An unresolved delay that is known to be the same on every attempt has no
 * random component, so it needs jitter too, as does one a library's delay function computes
 * without any random source (`deterministic`). The server's Retry-After with a fixed fallback
 * (header missing or refused) in a retry that never stops is not exactly the server's: the
 * fallback path waits the same time forever.
 */
export function needsJitter(wait: Wait, site: RetrySite): boolean {
  const d = wait.delay;
  if (d.random) return false;
  if (d.retryAfter === 'exact') return !!d.fixedFallback && site.bound.kind === 'unbounded';
  if (d.opaque && !d.growing && !d.invariant && !d.deterministic) return false;
  return true;
}

/** Whether require-jitter reports `wait`: it needs jitter, and no random wait taken on every attempt beside it (a start-up stagger) makes the attempt's whole wait random. */
export function reportsNoJitter(wait: Wait, site: RetrySite): boolean {
  if (site.purpose === 'refresh-replay' || !needsJitter(wait, site)) return false;
  return !site.waits.some((o) => o !== wait && o.everyAttempt && o.delay.random);
}

/**
 * Whether require-backoff reports `wait` as a constant delay. An unknown delay is skipped unless
 * it is known to be the same on every attempt. A Retry-After wait is the server's choice; the
 * fixed fallback beside it of a retry that never stops hits the server at the same pace forever.
 * A wait taken on every attempt beside a wait that grows or is unknown (a start-up stagger before a
 * backoff timer) is not: the attempt's whole wait is their sum, which this one alone does not decide.
 */
export function reportsConstantDelay(wait: Wait, site: RetrySite): boolean {
  if (site.purpose === 'refresh-replay') return false;
  const d = wait.delay;
  if (d.growing || (d.retryAfter && !(d.fixedFallback && site.bound.kind === 'unbounded')) || (d.opaque && !d.invariant && !d.steady)) return false;
  if (wait.everyAttempt && site.waits.some((o) => o !== wait && (o.delay.growing || o.delay.retryAfter || (o.delay.opaque && !o.delay.invariant && !o.delay.steady)))) return false;
  return true;
}

/**
 * The growth edit for a constant wait of a hand-written loop, recursion or interceptor (see
 * growDelayFix, growRecursionFix, growInterceptorFix), with full jitter on the grown delay when
 * `jitter` is set. Undefined where no attempt count reaches the wait, or the delay is not written at it.
 */
export function growthFix(sourceCode: TSESLint.SourceCode, filename: string, site: RetrySite, wait: Wait, jitter: boolean): TSESLint.ReportFixFunction | undefined {
  const local = localDelayOf(wait);
  if (!local) return undefined;
  const constant = wait.delay.opaque ? undefined : wait.delay.maxMs;
  // A wait the operation takes itself, outside the loop (in the step the loop calls): no counter of
  // the loop is in scope there to grow it by.
  if (site.kind === 'loop') return wait.node.range[0] >= site.node.range[0] && wait.node.range[1] <= site.node.range[1] ? growDelayFix(sourceCode, site.node, wait.node, local, constant, jitter) : undefined;
  if (site.kind === 'recursion') return growRecursionFix(sourceCode, site.node, local, constant, jitter);
  if (site.kind === 'interceptor') return growInterceptorFix(sourceCode, site.node, wait.node, local, constant, /\.(c|m)?tsx?$/.test(filename), jitter);
  return undefined;
}
