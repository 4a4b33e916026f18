import { RuleTester } from '@typescript-eslint/rule-tester';
import noRetryOnClientError from '../../eslint-plugin/src/rules/no-retry-on-client-error';
import noUnboundedRetry from '../../eslint-plugin/src/rules/no-unbounded-retry';
import requireJitter from '../../eslint-plugin/src/rules/require-jitter';

// Library adapter: wretch retry middleware (eslint-plugin/src/analysis/libraries/described.ts). Each rule sees the same retry site.
const ruleTester = new RuleTester();

ruleTester.run('require-jitter', requireJitter, {
  valid: [
    "import { retry } from 'wretch/middlewares';\nretry({ delayRamp: (d, n) => Math.random() * d * 2 ** n, maxAttempts: 3 });",
  ],
  invalid: [
    { name: "the default linear ramp", code: "import { retry } from 'wretch/middlewares';\nretry();", errors: [{ messageId: 'noJitter', line: 2 }] },
  ],
});

ruleTester.run('no-unbounded-retry', noUnboundedRetry, {
  valid: [
    "import { retry } from 'wretch/middlewares';\nretry({ maxAttempts: 3, delayRamp: (d, n) => Math.random() * d * 2 ** n });",
  ],
  invalid: [
    { name: "maxAttempts 0 is unlimited", code: "import { retry } from 'wretch/middlewares';\nretry({\n  maxAttempts: 0,\n  delayRamp: (d, n) => Math.random() * Math.min(d * 2 ** n, 5000),\n});", errors: [{ messageId: 'unboundedRetry', line: 3 }] },
  ],
});

ruleTester.run('no-retry-on-client-error', noRetryOnClientError, {
  valid: [
    "import { retry } from 'wretch/middlewares';\nretry({ maxAttempts: 3, delayRamp: (d, n) => Math.random() * d * 2 ** n });",
    "import { retry } from 'wretch/middlewares';\nretry({ until: (res) => res && (res.ok || res.status < 500), delayRamp: (d, n) => Math.random() * d * 2 ** n });",
  ],
  invalid: [
    { name: "until response.ok retries 4xx", code: "import { retry } from 'wretch/middlewares';\nretry({\n  delayRamp: (d, n) => Math.random() * d * 2 ** n,\n  until: (res) => res && res.ok,\n});", errors: [{ messageId: 'retriesClientStatus', line: 4 }] },
  ],
});
