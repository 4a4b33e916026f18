import { RuleTester } from '@typescript-eslint/rule-tester';
import noUnboundedRetry from '../../eslint-plugin/src/rules/no-unbounded-retry';
import requireBackoff from '../../eslint-plugin/src/rules/require-backoff';
import requireJitter from '../../eslint-plugin/src/rules/require-jitter';

// Library adapter: @lifeomic/attempt (eslint-plugin/src/analysis/libraries/described.ts). Each rule sees the same retry site.
const ruleTester = new RuleTester();

ruleTester.run('require-jitter', requireJitter, {
  valid: [
    "import { retry } from '@lifeomic/attempt';\nretry(async () => 1, { jitter: true, factor: 2, maxDelay: 5000 });",
  ],
  invalid: [
    { name: "defaults", code: "import { retry } from '@lifeomic/attempt';\nretry(async () => 1, { maxAttempts: 4 });", errors: [{ messageId: 'noJitter', line: 2 }] },
    { name: "jitter false", code: "import { retry } from '@lifeomic/attempt';\nretry(async () => 1, {\n  factor: 2,\n  jitter: false,\n});", errors: [{ messageId: 'noJitter', line: 4 }] },
  ],
});

ruleTester.run('require-backoff', requireBackoff, {
  valid: [
    "import { retry } from '@lifeomic/attempt';\nretry(async () => 1, { factor: 2, jitter: true, maxDelay: 2000 });",
  ],
  invalid: [
    { name: "factor 1", code: "import { retry } from '@lifeomic/attempt';\nretry(async () => 1, {\n  factor: 1,\n  jitter: true,\n});", errors: [{ messageId: 'constantDelay', line: 3 }] },
    { name: "delay 0", code: "import { retry } from '@lifeomic/attempt';\nretry(async () => 1, {\n  delay: 0,\n});", errors: [{ messageId: 'noWait', line: 3 }] },
  ],
});

ruleTester.run('no-unbounded-retry', noUnboundedRetry, {
  valid: [
    "import { retry } from '@lifeomic/attempt';\nretry(async () => 1, { maxAttempts: 5, factor: 2, jitter: true, maxDelay: 5000 });",
  ],
  invalid: [
    { name: "maxAttempts 0 is unlimited", code: "import { retry } from '@lifeomic/attempt';\nretry(async () => 1, {\n  maxAttempts: 0,\n  factor: 2,\n  jitter: true,\n  maxDelay: 5000,\n});", errors: [{ messageId: 'unboundedRetry', line: 3 }] },
  ],
});
