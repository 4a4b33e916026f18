import assert from 'node:assert/strict';
import { backoffDelay } from '../../snippets/retry-with-backoff';
import { seededRandom } from './prng';

const lowest = (): number => 0;
const highest = (): number => 0.999999999;

describe('backoffDelay', () => {
  describe('full jitter (the default)', () => {
    it('is 0 when random returns 0', () => {
      assert.equal(backoffDelay(3, { random: lowest }), 0);
    });

    it('reaches base·2^(attempt−1) when random approaches 1', () => {
      assert.equal(backoffDelay(1, { random: highest }), 100);
      assert.equal(backoffDelay(2, { random: highest }), 200);
      assert.equal(backoffDelay(4, { random: highest }), 800);
    });

    it('scales the ceiling by random: half of it at 0.5', () => {
      assert.equal(backoffDelay(5, { baseDelayMs: 50, random: () => 0.5 }), 400);
    });

    it('is capped by maxDelayMs', () => {
      assert.equal(backoffDelay(20, { maxDelayMs: 5000, random: highest }), 5000);
    });

    it('uses the 20000 ms default cap', () => {
      assert.equal(backoffDelay(30, { random: highest }), 20000);
    });

    it('stays at the cap for huge attempt numbers instead of overflowing', () => {
      assert.equal(backoffDelay(5000, { random: highest }), 20000);
    });

    it('reads attempt 0 as attempt 1, so zero-based loop counters work', () => {
      assert.equal(backoffDelay(0, { random: highest }), 100);
    });
  });

  describe('equal jitter', () => {
    it('never goes below half the ceiling', () => {
      assert.equal(backoffDelay(3, { jitter: 'equal', random: lowest }), 200);
    });

    it('reaches the ceiling when random approaches 1', () => {
      assert.equal(backoffDelay(3, { jitter: 'equal', random: highest }), 400);
    });

    it('is capped by maxDelayMs', () => {
      assert.equal(backoffDelay(12, { jitter: 'equal', maxDelayMs: 1000, random: lowest }), 500);
      assert.equal(backoffDelay(12, { jitter: 'equal', maxDelayMs: 1000, random: highest }), 1000);
    });
  });

  describe('no jitter', () => {
    it('returns exactly base·2^(attempt−1)', () => {
      assert.deepEqual(
        [1, 2, 3, 4].map((attempt) => backoffDelay(attempt, { jitter: 'none' })),
        [100, 200, 400, 800],
      );
    });

    it('is capped by maxDelayMs', () => {
      assert.equal(backoffDelay(9, { jitter: 'none', maxDelayMs: 10000 }), 10000);
    });

    it('never calls random', () => {
      backoffDelay(2, { jitter: 'none', random: () => assert.fail('random was called') });
    });
  });

  describe('decorrelated jitter', () => {
    it('starts between base and 3·base', () => {
      assert.equal(backoffDelay(1, { jitter: 'decorrelated', random: lowest }), 100);
      assert.equal(backoffDelay(1, { jitter: 'decorrelated', random: highest }), 300);
    });

    it('grows up to three times the previous delay', () => {
      assert.equal(backoffDelay(4, { jitter: 'decorrelated', previousDelayMs: 1000, random: highest }), 3000);
    });

    it('never goes below base', () => {
      assert.equal(backoffDelay(4, { jitter: 'decorrelated', previousDelayMs: 1000, random: lowest }), 100);
    });

    it('is capped by maxDelayMs', () => {
      assert.equal(
        backoffDelay(4, { jitter: 'decorrelated', previousDelayMs: 15000, maxDelayMs: 20000, random: highest }),
        20000,
      );
    });
  });

  describe('options', () => {
    it('rejects a negative attempt', () => {
      assert.throws(() => backoffDelay(-1), { name: 'TypeError', message: 'Expected `attempt` to be a non-negative integer.' });
    });

    it('rejects an unknown jitter', () => {
      assert.throws(() => backoffDelay(1, { jitter: 'random' as never }), {
        name: 'TypeError',
        message: "Expected `jitter` to be one of 'full', 'equal', 'decorrelated' or 'none'.",
      });
    });

    it('rejects a maxDelayMs past what a timer can wait', () => {
      assert.throws(() => backoffDelay(1, { maxDelayMs: 2 ** 31 }), {
        name: 'TypeError',
        message: 'Expected `maxDelayMs` to be a non-negative number no greater than 2147483647.',
      });
    });

    it('rejects a negative baseDelayMs', () => {
      assert.throws(() => backoffDelay(1, { baseDelayMs: -5 }), {
        name: 'TypeError',
        message: 'Expected `baseDelayMs` to be a non-negative number no greater than 2147483647.',
      });
    });

    it('gives 0 for every attempt when baseDelayMs is 0', () => {
      assert.equal(backoffDelay(2000, { baseDelayMs: 0, jitter: 'none' }), 0);
    });
  });

  describe('full jitter spread (fixed-seed PRNG, so deterministic)', () => {
    // 10,000 samples of attempt 4 (ceiling 800 ms) and of attempt 12 (ceiling capped at 20000 ms).
    const SAMPLES = 10000;
    const sample = (attempt: number, seed: number): number[] => {
      const random = seededRandom(seed);
      return Array.from({ length: SAMPLES }, () => backoffDelay(attempt, { random }));
    };

    it('fills all ten equal buckets of [0, base·2^(n−1)] evenly (each within 10 % of 1,000)', () => {
      const delays = sample(4, 42);
      const buckets = new Array<number>(10).fill(0);
      for (const delay of delays) buckets[Math.min(9, Math.floor(delay / 80))]! += 1;
      for (const count of buckets) assert.ok(count > 900 && count < 1100, `bucket counts ${buckets.join(', ')}`);
    });

    it('follows the uniform distribution on [0, ceiling] (Kolmogorov–Smirnov D below the 1 % critical value)', () => {
      const delays = sample(12, 7).sort((a, b) => a - b);
      const ceiling = 20000;
      let d = 0;
      delays.forEach((delay, index) => {
        const expected = delay / ceiling;
        d = Math.max(d, Math.abs((index + 1) / SAMPLES - expected), Math.abs(index / SAMPLES - expected));
      });
      // Critical value at α = 0.01: 1.63 / √n ≈ 0.0163.
      assert.ok(d < 1.63 / Math.sqrt(SAMPLES), `D = ${d}`);
    });

    it('reaches both ends of the range', () => {
      const delays = sample(4, 3);
      assert.ok(Math.min(...delays) <= 8, `min ${Math.min(...delays)}`);
      assert.ok(Math.max(...delays) >= 792, `max ${Math.max(...delays)}`);
      assert.ok(delays.every((delay) => delay >= 0 && delay <= 800));
    });

    it('has a mean near half the ceiling, unlike equal jitter', () => {
      const mean = (values: number[]): number => values.reduce((sum, value) => sum + value, 0) / values.length;
      const full = mean(sample(4, 11));
      const random = seededRandom(11);
      const equal = mean(Array.from({ length: SAMPLES }, () => backoffDelay(4, { jitter: 'equal', random })));
      assert.ok(Math.abs(full - 400) < 12, `full jitter mean ${full}`);
      assert.ok(Math.abs(equal - 600) < 12, `equal jitter mean ${equal}`);
    });
  });
});
