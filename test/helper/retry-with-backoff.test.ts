import assert from 'node:assert/strict';
import {
  createRetryBudget,
  retryWithBackoff,
  type RetryContext,
  type RetryEvent,
} from '../../snippets/retry-with-backoff';
import { recordingSleep, virtualTime } from './prng';

/** An error as a fetch wrapper throws it: the status and the response headers. */
function httpError(status: number, headers: Record<string, string> = {}): Error {
  return Object.assign(new Error(`HTTP ${status}`), { status, headers: new Headers(headers) });
}

/** An operation that fails with each given error in turn, then succeeds with 'ok'. */
function failing(...errors: unknown[]): { operation: (context: RetryContext) => Promise<string>; contexts: RetryContext[] } {
  const contexts: RetryContext[] = [];
  return {
    contexts,
    operation: (context) => {
      contexts.push(context);
      const error = errors[contexts.length - 1];
      return error === undefined ? Promise.resolve('ok') : Promise.reject(error);
    },
  };
}

const half = (): number => 0.5;

describe('retryWithBackoff', () => {
  describe('attempts', () => {
    it('returns the result of the first success without waiting', async () => {
      const { sleep, waits } = recordingSleep();
      assert.equal(await retryWithBackoff(() => 42, { sleep }), 42);
      assert.deepEqual(waits, []);
    });

    it('retries a transient failure and returns the later success', async () => {
      const { operation, contexts } = failing(httpError(503), httpError(502));
      const { sleep } = recordingSleep();
      assert.equal(await retryWithBackoff(operation, { sleep, random: half }), 'ok');
      assert.equal(contexts.length, 3);
    });

    it('makes 3 attempts by default, then rethrows the last error unchanged', async () => {
      const last = httpError(500);
      const { operation, contexts } = failing(httpError(503), httpError(503), last, httpError(503));
      const { sleep } = recordingSleep();
      await assert.rejects(retryWithBackoff(operation, { sleep }), (error) => error === last);
      assert.equal(contexts.length, 3);
    });

    it('stops after maxAttempts', async () => {
      const { operation, contexts } = failing(...Array.from({ length: 10 }, () => httpError(503)));
      const { sleep } = recordingSleep();
      await assert.rejects(retryWithBackoff(operation, { sleep, maxAttempts: 5 }));
      assert.equal(contexts.length, 5);
    });

    it('makes one attempt only when maxAttempts is 1', async () => {
      const { operation, contexts } = failing(httpError(503));
      await assert.rejects(retryWithBackoff(operation, { maxAttempts: 1 }));
      assert.equal(contexts.length, 1);
    });

    it('rethrows a thrown non-Error value unchanged', async () => {
      const { sleep } = recordingSleep();
      const thrown = { code: 'ECONNRESET' };
      await assert.rejects(
        retryWithBackoff(() => Promise.reject(thrown), { sleep }),
        (error) => error === thrown,
      );
    });

    it('passes the attempt number, counting from 1', async () => {
      const { operation, contexts } = failing(httpError(503), httpError(503));
      await retryWithBackoff(operation, recordingSleep());
      assert.deepEqual(
        contexts.map((context) => context.attempt),
        [1, 2, 3],
      );
    });
  });

  describe('waits', () => {
    it('waits the backoff delays of full jitter between attempts', async () => {
      const { operation } = failing(httpError(503), httpError(503), httpError(503));
      const { sleep, waits } = recordingSleep();
      await retryWithBackoff(operation, { sleep, random: half, maxAttempts: 4 });
      assert.deepEqual(waits, [50, 100, 200]);
    });

    it('passes baseDelayMs, maxDelayMs and jitter on to the delays', async () => {
      const { operation } = failing(httpError(503), httpError(503), httpError(503), httpError(503));
      const { sleep, waits } = recordingSleep();
      await retryWithBackoff(operation, { sleep, jitter: 'none', baseDelayMs: 1000, maxDelayMs: 3000, maxAttempts: 5 });
      assert.deepEqual(waits, [1000, 2000, 3000, 3000]);
    });

    it('feeds each decorrelated delay into the next one', async () => {
      const { operation } = failing(httpError(503), httpError(503), httpError(503));
      const { sleep, waits } = recordingSleep();
      await retryWithBackoff(operation, { sleep, jitter: 'decorrelated', random: () => 0.999999, maxAttempts: 4 });
      assert.deepEqual(waits, [300, 900, 2700]);
    });

    it('reports each retry to onRetry before waiting', async () => {
      const first = httpError(503);
      const second = httpError(429);
      const { operation } = failing(first, second);
      const events: RetryEvent[] = [];
      const { sleep } = recordingSleep();
      await retryWithBackoff(operation, { sleep, random: half, onRetry: (event) => events.push(event) });
      assert.deepEqual(events, [
        { attempt: 1, delayMs: 50, error: first },
        { attempt: 2, delayMs: 100, error: second },
      ]);
    });
  });

  describe('shouldRetry', () => {
    it('does not retry a 400 by default', async () => {
      const badRequest = httpError(400);
      const { operation, contexts } = failing(badRequest);
      await assert.rejects(retryWithBackoff(operation, recordingSleep()), (error) => error === badRequest);
      assert.equal(contexts.length, 1);
    });

    it('does not retry a programming error by default', async () => {
      const { operation, contexts } = failing(new TypeError('x is not a function'));
      await assert.rejects(retryWithBackoff(operation, recordingSleep()), { message: 'x is not a function' });
      assert.equal(contexts.length, 1);
    });

    it('retries a reset connection by default', async () => {
      const { operation, contexts } = failing(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
      await retryWithBackoff(operation, recordingSleep());
      assert.equal(contexts.length, 2);
    });

    it('asks a custom shouldRetry with the error and the attempt number', async () => {
      const failure = new Error('custom');
      const { operation } = failing(failure, failure);
      const calls: [unknown, number][] = [];
      await retryWithBackoff(operation, {
        ...recordingSleep(),
        shouldRetry: (error, attempt) => {
          calls.push([error, attempt]);
          return true;
        },
      });
      assert.deepEqual(calls, [
        [failure, 1],
        [failure, 2],
      ]);
    });

    it('stops when a custom shouldRetry resolves false', async () => {
      const { operation, contexts } = failing(httpError(503), httpError(503));
      await assert.rejects(retryWithBackoff(operation, { ...recordingSleep(), shouldRetry: () => Promise.resolve(false) }));
      assert.equal(contexts.length, 1);
    });

    it('is not asked after the last attempt', async () => {
      const { operation } = failing(httpError(503), httpError(503), httpError(503));
      const attempts: number[] = [];
      await assert.rejects(
        retryWithBackoff(operation, { ...recordingSleep(), shouldRetry: (_error, attempt) => attempts.push(attempt) > 0 }),
      );
      assert.deepEqual(attempts, [1, 2]);
    });
  });

  describe('Retry-After', () => {
    it('waits the delay-seconds of a Retry-After header on the error', async () => {
      const { operation } = failing(httpError(429, { 'Retry-After': '7' }));
      const { sleep, waits } = recordingSleep();
      await retryWithBackoff(operation, { sleep, random: half });
      assert.deepEqual(waits, [7000]);
    });

    it('reads Retry-After from error.response.headers as a plain object (axios style)', async () => {
      const error = Object.assign(new Error('Request failed'), { response: { status: 503, headers: { 'retry-after': '2' } } });
      const { operation } = failing(error);
      const { sleep, waits } = recordingSleep();
      await retryWithBackoff(operation, { sleep, random: half });
      assert.deepEqual(waits, [2000]);
    });

    it('waits until an HTTP-date, measured on the injected clock', async () => {
      const clock = virtualTime(Date.UTC(2025, 0, 1, 12, 0, 0));
      const { operation } = failing(httpError(503, { 'Retry-After': 'Wed, 01 Jan 2025 12:00:30 GMT' }));
      await retryWithBackoff(operation, { ...clock, random: half });
      assert.deepEqual(clock.waits, [30000]);
    });

    it('gives up with the last error when Retry-After asks for more than maxRetryAfterMs (never comes back early)', async () => {
      const tooLong = httpError(503, { 'Retry-After': '3600' });
      const { operation, contexts } = failing(tooLong);
      const { sleep, waits } = recordingSleep();
      await assert.rejects(retryWithBackoff(operation, { sleep, maxRetryAfterMs: 10000 }), (error) => error === tooLong);
      assert.equal(contexts.length, 1);
      assert.deepEqual(waits, []);
    });

    it('gives up past 60000 ms by default, also for an HTTP-date', async () => {
      const clock = virtualTime(Date.UTC(2025, 0, 1, 12, 0, 0));
      const dated = httpError(429, { 'Retry-After': 'Wed, 01 Jan 2025 12:01:01 GMT' });
      const { operation, contexts } = failing(dated);
      await assert.rejects(retryWithBackoff(operation, { ...clock }), (error) => error === dated);
      assert.equal(contexts.length, 1);
      assert.deepEqual(clock.waits, []);
    });

    it('waits a Retry-After of exactly maxRetryAfterMs, and the longer of it and the backoff', async () => {
      const { operation } = failing(httpError(503, { 'Retry-After': '60' }));
      const { sleep, waits } = recordingSleep();
      await retryWithBackoff(operation, { sleep, random: half });
      assert.deepEqual(waits, [60000]);
      const short = failing(httpError(503), httpError(503, { 'Retry-After': '1' }));
      const recorded = recordingSleep();
      await retryWithBackoff(short.operation, { sleep: recorded.sleep, jitter: 'none', baseDelayMs: 800, maxAttempts: 3 });
      assert.deepEqual(recorded.waits, [800, 1600]);
    });

    it('never waits less than the backoff delay when Retry-After is shorter', async () => {
      const { operation } = failing(httpError(503), httpError(503), httpError(503, { 'Retry-After': '0' }));
      const { sleep, waits } = recordingSleep();
      await retryWithBackoff(operation, { sleep, jitter: 'none', maxAttempts: 4 });
      assert.deepEqual(waits, [100, 200, 400]);
    });

    it('falls back to the backoff delay when Retry-After is garbage', async () => {
      const { operation } = failing(httpError(503, { 'Retry-After': 'soon' }));
      const { sleep, waits } = recordingSleep();
      await retryWithBackoff(operation, { sleep, random: half });
      assert.deepEqual(waits, [50]);
    });

    it('gives up at once rather than sleep past the deadline', async () => {
      const tooLate = httpError(503, { 'Retry-After': '120' });
      const { operation, contexts } = failing(tooLate);
      const { sleep, waits } = recordingSleep();
      await assert.rejects(
        retryWithBackoff(operation, { sleep, deadlineMs: 30000, maxRetryAfterMs: 300000 }),
        (error) => error === tooLate,
      );
      assert.equal(contexts.length, 1);
      assert.deepEqual(waits, []);
    });
  });

  describe('deadline', () => {
    it('retries while the next wait still ends before the deadline', async () => {
      const clock = virtualTime();
      const { operation, contexts } = failing(httpError(503), httpError(503));
      await retryWithBackoff(operation, { ...clock, jitter: 'none', deadlineMs: 300 });
      assert.equal(contexts.length, 3);
      assert.deepEqual(clock.waits, [100, 200]);
    });

    it('rethrows the last error instead of a wait that would end past the deadline', async () => {
      const clock = virtualTime();
      const last = httpError(503);
      const { operation, contexts } = failing(httpError(503), last, httpError(503));
      await assert.rejects(
        retryWithBackoff(operation, { ...clock, jitter: 'none', maxAttempts: 10, deadlineMs: 299 }),
        (error) => error === last,
      );
      assert.equal(contexts.length, 2);
      assert.deepEqual(clock.waits, [100]);
    });

    it('counts the time the attempts themselves take', async () => {
      let time = 0;
      const slowFailure = (): Promise<never> => {
        time += 5000;
        return Promise.reject(httpError(503));
      };
      const { sleep, waits } = recordingSleep();
      await assert.rejects(retryWithBackoff(slowFailure, { sleep, now: () => time, deadlineMs: 5050, jitter: 'none' }));
      assert.deepEqual(waits, []);
    });
  });

  describe('abort', () => {
    it('rejects with signal.reason without calling the operation when already aborted', async () => {
      const controller = new AbortController();
      const reason = new Error('user cancelled');
      controller.abort(reason);
      let calls = 0;
      await assert.rejects(
        retryWithBackoff(() => ++calls, { signal: controller.signal }),
        (error) => error === reason,
      );
      assert.equal(calls, 0);
    });

    it('stops a pending wait at once and rejects with signal.reason', async () => {
      const controller = new AbortController();
      const reason = new Error('shutting down');
      const neverEnding = (): Promise<void> => new Promise<void>(() => undefined);
      const { operation, contexts } = failing(httpError(503), httpError(503));
      const pending = retryWithBackoff(operation, {
        signal: controller.signal,
        sleep: neverEnding,
        onRetry: () => queueMicrotask(() => controller.abort(reason)),
      });
      await assert.rejects(pending, (error) => error === reason);
      assert.equal(contexts.length, 1);
    });

    it('cancels the default timer-based sleep', async () => {
      const controller = new AbortController();
      const reason = new Error('cancelled');
      const { operation } = failing(httpError(503));
      const started = Date.now();
      await assert.rejects(
        retryWithBackoff(operation, {
          signal: controller.signal,
          jitter: 'none',
          baseDelayMs: 60000,
          onRetry: () => setImmediate(() => controller.abort(reason)),
        }),
        (error) => error === reason,
      );
      assert.ok(Date.now() - started < 5000);
    });

    it('rejects with signal.reason when the attempt fails because of the abort', async () => {
      const controller = new AbortController();
      const reason = new Error('stop');
      await assert.rejects(
        retryWithBackoff(
          () => {
            controller.abort(reason);
            throw httpError(503);
          },
          { ...recordingSleep(), signal: controller.signal },
        ),
        (error) => error === reason,
      );
    });

    it('hands the signal to the operation', async () => {
      const controller = new AbortController();
      const { operation, contexts } = failing();
      await retryWithBackoff(operation, { signal: controller.signal });
      assert.equal(contexts[0]?.signal, controller.signal);
    });
  });

  describe('idempotency key', () => {
    it('hands the same key to every attempt', async () => {
      const { operation, contexts } = failing(httpError(503), httpError(503));
      await retryWithBackoff(operation, recordingSleep());
      const keys = new Set(contexts.map((context) => context.idempotencyKey));
      assert.equal(keys.size, 1);
      assert.match([...keys][0]!, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    });

    it('creates a new key for each logical operation', async () => {
      const first = failing();
      const second = failing();
      await retryWithBackoff(first.operation);
      await retryWithBackoff(second.operation);
      assert.notEqual(first.contexts[0]?.idempotencyKey, second.contexts[0]?.idempotencyKey);
    });

    it('uses the key given in options on every attempt', async () => {
      const { operation, contexts } = failing(httpError(503));
      await retryWithBackoff(operation, { ...recordingSleep(), idempotencyKey: 'order-1234' });
      assert.deepEqual(
        contexts.map((context) => context.idempotencyKey),
        ['order-1234', 'order-1234'],
      );
    });
  });

  describe('retry budget', () => {
    it('refuses retries once sustained failures have spent the budget', async () => {
      const budget = createRetryBudget({ maxTokens: 4 });
      const { sleep } = recordingSleep();
      let calls = 0;
      const alwaysDown = (): Promise<never> => {
        calls++;
        return Promise.reject(httpError(503));
      };
      for (let call = 0; call < 10; call++) await assert.rejects(retryWithBackoff(alwaysDown, { sleep, budget }));
      // 10 first attempts plus the 4 retries the budget allowed; the other 16 retries were refused.
      assert.equal(calls, 14);
      assert.equal(budget.tokens, 0);
    });

    it('rethrows the error the refused retry would have retried', async () => {
      const budget = createRetryBudget({ maxTokens: 1 });
      budget.tryAcquire();
      const refused = httpError(503);
      await assert.rejects(retryWithBackoff(() => Promise.reject(refused), { budget }), (error) => error === refused);
    });

    it('allows retries again once successful calls have earned tokens back', async () => {
      const budget = createRetryBudget({ maxTokens: 2, retryRatio: 0.5 });
      budget.tryAcquire();
      budget.tryAcquire();
      await retryWithBackoff(() => 'ok', { budget });
      await retryWithBackoff(() => 'ok', { budget });
      const { operation, contexts } = failing(httpError(503));
      assert.equal(await retryWithBackoff(operation, { ...recordingSleep(), budget }), 'ok');
      assert.equal(contexts.length, 2);
    });

    it('spends no token on a failure that is not retried', async () => {
      const budget = createRetryBudget({ maxTokens: 3 });
      await assert.rejects(retryWithBackoff(() => Promise.reject(httpError(404)), { budget }));
      assert.equal(budget.tokens, 3);
    });
  });

  describe('options', () => {
    it('rejects a maxAttempts of 0', async () => {
      await assert.rejects(retryWithBackoff(() => 1, { maxAttempts: 0 }), {
        name: 'TypeError',
        message: 'Expected `maxAttempts` to be a positive integer.',
      });
    });

    it('rejects an infinite maxAttempts', async () => {
      await assert.rejects(retryWithBackoff(() => 1, { maxAttempts: Infinity }), {
        name: 'TypeError',
        message: 'Expected `maxAttempts` to be a positive integer.',
      });
    });

    it('rejects a fractional maxAttempts', async () => {
      await assert.rejects(retryWithBackoff(() => 1, { maxAttempts: 2.5 }), { name: 'TypeError' });
    });

    it('rejects a negative deadlineMs', async () => {
      await assert.rejects(retryWithBackoff(() => 1, { deadlineMs: -1 }), {
        name: 'TypeError',
        message: 'Expected `deadlineMs` to be a non-negative finite number.',
      });
    });

    it('rejects a jitter it does not know', async () => {
      await assert.rejects(retryWithBackoff(() => 1, { jitter: 'fully' as never }), {
        name: 'TypeError',
        message: "Expected `jitter` to be one of 'full', 'equal', 'decorrelated' or 'none'.",
      });
    });

    it('rejects a shouldRetry that is not a function', async () => {
      await assert.rejects(retryWithBackoff(() => 1, { shouldRetry: true as never }), {
        name: 'TypeError',
        message: 'Expected `shouldRetry` to be a function.',
      });
    });

    it('rejects a signal that is not an AbortSignal', async () => {
      await assert.rejects(retryWithBackoff(() => 1, { signal: 'stop' as never }), {
        name: 'TypeError',
        message: 'Expected `signal` to be an AbortSignal.',
      });
    });

    it('rejects an operation that is not a function', async () => {
      await assert.rejects(retryWithBackoff('fetch' as never), {
        name: 'TypeError',
        message: 'Expected `operation` to be a function.',
      });
    });

    it('rejects a maxRetryAfterMs past what a timer can wait', async () => {
      await assert.rejects(retryWithBackoff(() => 1, { maxRetryAfterMs: 1e12 }), {
        name: 'TypeError',
        message: 'Expected `maxRetryAfterMs` to be a non-negative number no greater than 2147483647.',
      });
    });

    it('rejects bad options before the first attempt', async () => {
      let calls = 0;
      await assert.rejects(retryWithBackoff(() => ++calls, { baseDelayMs: NaN }), { name: 'TypeError' });
      assert.equal(calls, 0);
    });
  });
});
