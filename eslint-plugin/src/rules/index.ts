// Every rule of the plugin; test/meta.test.ts fails when this list and the files of src/rules differ.
import noRetryOnClientError from './no-retry-on-client-error';
import noUnboundedRetry from './no-unbounded-retry';
import requireBackoff from './require-backoff';
import requireIdempotencyKey from './require-idempotency-key';
import requireJitter from './require-jitter';
import requireMaxDelay from './require-max-delay';
import respectRetryAfter from './respect-retry-after';

/** Every rule of the plugin, by id. */
export const rules = {
  'no-retry-on-client-error': noRetryOnClientError,
  'no-unbounded-retry': noUnboundedRetry,
  'require-backoff': requireBackoff,
  'require-idempotency-key': requireIdempotencyKey,
  'require-jitter': requireJitter,
  'require-max-delay': requireMaxDelay,
  'respect-retry-after': respectRetryAfter,
};
