import { RuleTester } from '@typescript-eslint/rule-tester';
import noUnboundedRetry from '../../eslint-plugin/src/rules/no-unbounded-retry';
import requireJitter from '../../eslint-plugin/src/rules/require-jitter';
import requireMaxDelay from '../../eslint-plugin/src/rules/require-max-delay';

// Library adapter: RTK Query's retry(baseQuery, options) (eslint-plugin/src/analysis/libraries/described.ts).
// Defaults (src/query/retry.ts): maxRetries 5; (Math.random() + 0.4) * (300 << attempt) ms.
const ruleTester = new RuleTester();
const imp = "import { retry, fetchBaseQuery } from '@reduxjs/toolkit/query/react';\n";

ruleTester.run('require-jitter', requireJitter, {
  valid: [
    `${imp}retry(fetchBaseQuery({ baseUrl: '/' }));`,
    `${imp}retry(fetchBaseQuery({ baseUrl: '/' }), { maxRetries: 2 });`,
    `${imp}import { waitFixed } from './waits';\nretry(fetchBaseQuery({ baseUrl: '/' }), { backoff: waitFixed });`,
  ],
  invalid: [],
});

ruleTester.run('no-unbounded-retry', noUnboundedRetry, {
  valid: [
    `${imp}retry(fetchBaseQuery({ baseUrl: '/' }), { maxRetries: 8 });`,
    // retryCondition replaces the maxRetries test: the bound is that function's.
    `${imp}retry(fetchBaseQuery({ baseUrl: '/' }), { retryCondition: (_e, _a, { attempt }) => attempt < 3 });`,
    // A `retry` from elsewhere is not RTK Query's.
    "import { retry } from './util';\nretry(load, { maxRetries: Infinity });",
  ],
  invalid: [
    { name: 'maxRetries Infinity', code: `${imp}const options = {\n  maxRetries: Infinity,\n};\nretry(fetchBaseQuery({ baseUrl: '/' }), options);`, errors: [{ messageId: 'unboundedRetry', line: 3 }] },
  ],
});

ruleTester.run('require-max-delay', requireMaxDelay, {
  valid: [`${imp}retry(fetchBaseQuery({ baseUrl: '/' }), { maxRetries: 5 });`],
  invalid: [{ name: 'unlimited retries let the default backoff grow', code: `${imp}retry(fetchBaseQuery({ baseUrl: '/' }), { maxRetries: Number.MAX_SAFE_INTEGER });`, errors: [{ messageId: 'uncappedLibraryDelay', line: 2 }] }],
});
