// Property tests of the helper (fast-check, fixed seed so a failure reproduces): the bounds every
// caller relies on hold for any options, not just the examples of the other helper tests.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  backoffDelay,
  createRetryBudget,
  parseRetryAfter,
  retryWithBackoff,
  type BackoffOptions,
  type Jitter,
} from '../../snippets/retry-with-backoff';

/** Fixed seed and run count: the same programs on every run; set FC_SEED to explore others. */
const RUNS: fc.Parameters<unknown> = { seed: Number(process.env['FC_SEED'] ?? 20261201), numRuns: 500 };

/** Longest delay a timer honours, the helper's upper bound for baseDelayMs and maxDelayMs. */
const MAX_TIMER_MS = 2147483647;

const duration = fc.oneof(
  fc.double({ min: 0, max: MAX_TIMER_MS, noNaN: true }),
  fc.integer({ min: 0, max: 1000 }),
  fc.constantFrom(0, 0.5, 1, 1.5, MAX_TIMER_MS),
);
const jitter = fc.constantFrom<Jitter>('full', 'equal', 'decorrelated', 'none');
/** A `random` within its contract [0, 1), and one outside it (a buggy source must not break the bounds either). */
const randomValue = fc.oneof(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), fc.double());

const backoffOptions: fc.Arbitrary<BackoffOptions & { maxDelayMs: number }> = fc.record({
  baseDelayMs: duration,
  maxDelayMs: duration,
  jitter,
  previousDelayMs: fc.option(fc.double({ min: 0, max: 1e12, noNaN: true }), { nil: undefined }),
  random: randomValue.map((value) => () => value),
});

describe('helper properties (fast-check)', () => {
  it('backoffDelay(1, { baseDelayMs: 1, maxDelayMs: 0.5, jitter: "none" }) stays within the cap (was 1)', () => {
    assert.equal(backoffDelay(1, { baseDelayMs: 1, maxDelayMs: 0.5, jitter: 'none' }), 0);
  });

  it('backoffDelay is a whole number of ms in [0, maxDelayMs] for any attempt and options', () => {
    fc.assert(
      fc.property(fc.nat({ max: 5000 }), backoffOptions, (attempt, options) => {
        const delay = backoffDelay(attempt, options);
        return Number.isInteger(delay) && delay >= 0 && delay <= options.maxDelayMs;
      }),
      RUNS,
    );
  });

  it('retryWithBackoff never makes more than maxAttempts attempts, and waits within [0, maxDelayMs] and the deadline', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 12 }),
        backoffOptions,
        fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: undefined }),
        async (maxAttempts, options, deadlineMs) => {
          let clock = 1_000_000;
          let attempts = 0;
          const waits: number[] = [];
          const failure = Object.assign(new Error('unavailable'), { status: 503 });
          await assert.rejects(
            retryWithBackoff(
              () => {
                attempts++;
                return Promise.reject(failure);
              },
              {
                ...options,
                maxAttempts,
                deadlineMs,
                now: () => clock,
                sleep: (ms) => {
                  waits.push(ms);
                  clock += ms;
                  return Promise.resolve();
                },
              },
            ),
            (error) => error === failure,
          );
          assert.ok(attempts >= 1 && attempts <= maxAttempts, `attempts ${attempts} of ${maxAttempts}`);
          assert.ok(waits.length === attempts - 1);
          for (const ms of waits) assert.ok(ms >= 0 && ms <= options.maxDelayMs, `wait ${ms} over ${options.maxDelayMs}`);
          if (deadlineMs !== undefined) assert.ok(clock - 1_000_000 <= deadlineMs, `waited ${clock - 1_000_000} past ${deadlineMs}`);
        },
      ),
      { ...RUNS, numRuns: 200 },
    );
  });

  it('retryWithBackoff stops at once when aborted, whatever the options', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 2, max: 12 }), fc.integer({ min: 1, max: 11 }), backoffOptions, async (maxAttempts, abortAfter, options) => {
        const controller = new AbortController();
        let attempts = 0;
        await assert.rejects(
          retryWithBackoff(
            () => {
              attempts++;
              if (attempts === abortAfter) controller.abort(new Error('stop'));
              return Promise.reject(Object.assign(new Error('unavailable'), { status: 503 }));
            },
            { ...options, maxAttempts, signal: controller.signal, sleep: () => Promise.resolve() },
          ),
          (error) => error instanceof Error && (attempts < abortAfter || error.message === 'stop'),
        );
        assert.ok(attempts <= Math.min(abortAfter, maxAttempts));
      }),
      { ...RUNS, numRuns: 200 },
    );
  });

  it('parseRetryAfter parses or rejects any string without throwing: undefined or a finite wait ≥ 0', () => {
    const headerLike = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.stringMatching(/^\s*\d{1,400}\s*$/),
      fc.date({ noInvalidDate: true }).map((date) => date.toUTCString()),
      fc.date({ noInvalidDate: true }).map((date) => date.toUTCString().replace(/\d/g, (d) => String((Number(d) * 7) % 10))),
    );
    fc.assert(
      fc.property(headerLike, fc.double({ min: -1e15, max: 1e15, noNaN: true }), (value, nowMs) => {
        const ms = parseRetryAfter(value, nowMs);
        return ms === undefined || (Number.isFinite(ms) && ms >= 0);
      }),
      { ...RUNS, numRuns: 2000 },
    );
  });

  it('a retry budget never goes negative nor above maxTokens, whatever the calls', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1000, noNaN: true }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        fc.array(fc.boolean(), { maxLength: 300 }),
        (maxTokens, retryRatio, calls) => {
          const budget = createRetryBudget({ maxTokens, retryRatio });
          for (const acquire of calls) {
            if (acquire) budget.tryAcquire();
            else budget.recordSuccess();
            if (!(budget.tokens >= 0 && budget.tokens <= maxTokens)) return false;
          }
          return true;
        },
      ),
      RUNS,
    );
  });
});
