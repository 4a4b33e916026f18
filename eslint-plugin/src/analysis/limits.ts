/**
 * Thresholds shared by every reader of attempt bounds (PRODUCT, "Judgement calls"): an attempt
 * limit of 1,000 or more (`Number.MAX_SAFE_INTEGER`, `2 ** 31 - 1`, `1e9`, `Infinity`) is no limit
 * for `no-unbounded-retry`, and the same count is "a large attempt bound" for `require-max-delay`.
 */

/** The smallest retry or attempt count that means "forever" in practice. */
export const UNBOUNDED_ATTEMPTS = 1000;

/** Whether a known attempt (or retry) count is no limit in practice: 1,000 or more, or not finite. */
export function isEffectivelyUnbounded(count: number | undefined): boolean {
  return count !== undefined && !Number.isNaN(count) && count >= UNBOUNDED_ATTEMPTS;
}

/**
 * The words for a known attempt count that is no limit in practice ({@link isEffectivelyUnbounded}),
 * as `no-unbounded-retry`'s `unboundedByDefault` message puts them after "no attempt limit:".
 */
export function describeHugeLimit(count: number): string {
  const n = Number.isFinite(count) ? String(count) : 'Infinity';
  return `it stops only after ${n} attempts (${String(UNBOUNDED_ATTEMPTS)} or more never ends in practice)`;
}
