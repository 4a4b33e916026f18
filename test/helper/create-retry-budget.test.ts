import assert from 'node:assert/strict';
import { createIdempotencyKey, createRetryBudget } from '../../snippets/retry-with-backoff';

describe('createRetryBudget', () => {
  it('starts full, with 10 tokens by default', () => {
    assert.equal(createRetryBudget().tokens, 10);
  });

  it('allows as many retries as it holds tokens, then refuses', () => {
    const budget = createRetryBudget({ maxTokens: 3 });
    assert.deepEqual(
      [budget.tryAcquire(), budget.tryAcquire(), budget.tryAcquire(), budget.tryAcquire()],
      [true, true, true, false],
    );
  });

  it('earns one retry back per ten successful calls by default (a 10 % retry ratio)', () => {
    const budget = createRetryBudget({ maxTokens: 1 });
    budget.tryAcquire();
    for (let call = 0; call < 9; call++) budget.recordSuccess();
    assert.equal(budget.tryAcquire(), false);
    budget.recordSuccess();
    assert.equal(budget.tryAcquire(), true);
  });

  it('never holds more than maxTokens', () => {
    const budget = createRetryBudget({ maxTokens: 2 });
    for (let call = 0; call < 100; call++) budget.recordSuccess();
    assert.equal(budget.tokens, 2);
  });

  it('rejects maxTokens below 1', () => {
    assert.throws(() => createRetryBudget({ maxTokens: 0 }), {
      name: 'TypeError',
      message: 'Expected `maxTokens` to be a finite number of at least 1.',
    });
  });

  it('rejects a negative retryRatio', () => {
    assert.throws(() => createRetryBudget({ retryRatio: -0.1 }), {
      name: 'TypeError',
      message: 'Expected `retryRatio` to be a non-negative number.',
    });
  });
});

describe('createIdempotencyKey', () => {
  it('returns a version 4 UUID', () => {
    assert.match(createIdempotencyKey(), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('returns a different key each time', () => {
    assert.notEqual(createIdempotencyKey(), createIdempotencyKey());
  });
});
