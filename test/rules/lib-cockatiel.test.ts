import { RuleTester } from '@typescript-eslint/rule-tester';
import noUnboundedRetry from '../../eslint-plugin/src/rules/no-unbounded-retry';
import requireBackoff from '../../eslint-plugin/src/rules/require-backoff';
import requireJitter from '../../eslint-plugin/src/rules/require-jitter';
import requireMaxDelay from '../../eslint-plugin/src/rules/require-max-delay';

const ruleTester = new RuleTester();

ruleTester.run('no-unbounded-retry', noUnboundedRetry, {
  valid: [
    "import { ExponentialBackoff, handleAll, retry } from 'cockatiel';\nretry(handleAll, { maxAttempts: 3, backoff: new ExponentialBackoff() });",
    // Options built at run time.
    "import { handleAll, retry } from 'cockatiel';\ndeclare function opts(): any;\nretry(handleAll, opts());",
    // A local retry is not cockatiel's.
    'function retry(a: unknown, b: object) { return b; }\nretry(null, {});',
  ],
  invalid: [
    {
      name: 'default maxAttempts is Infinity',
      code: "import { ExponentialBackoff, handleAll, retry } from 'cockatiel';\nretry(handleAll, { backoff: new ExponentialBackoff() });",
      errors: [
        {
          messageId: 'unboundedRetry',
          line: 2,
          column: 20,
          suggestions: [
            {
              messageId: 'applyLibraryFix',
              data: { description: 'Stop after 3 retries (`maxAttempts: 3`)' },
              output: "import { ExponentialBackoff, handleAll, retry } from 'cockatiel';\nretry(handleAll, { backoff: new ExponentialBackoff(), maxAttempts: 3 });",
            },
          ],
        },
      ],
    },
    {
      name: 'explicit Infinity, namespace import',
      code: "import * as cockatiel from 'cockatiel';\ncockatiel.retry(cockatiel.handleAll, { maxAttempts: Infinity, backoff: new cockatiel.ExponentialBackoff() });",
      errors: [
        {
          messageId: 'unboundedRetry',
          line: 2,
          column: 40,
          suggestions: [
            {
              messageId: 'applyLibraryFix',
              data: { description: 'Stop after 3 retries (`maxAttempts: 3`)' },
              output: "import * as cockatiel from 'cockatiel';\ncockatiel.retry(cockatiel.handleAll, { maxAttempts: 3, backoff: new cockatiel.ExponentialBackoff() });",
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('require-backoff', requireBackoff, {
  valid: ["import { ExponentialBackoff, handleAll, retry } from 'cockatiel';\nretry(handleAll, { maxAttempts: 3, backoff: new ExponentialBackoff({ initialDelay: 100 }) });"],
  invalid: [
    {
      name: 'empty options: no backoff and no limit',
      code: "import { handleAll, retry } from 'cockatiel';\nexport const policy = retry(handleAll, {});",
      errors: [{ messageId: 'noWait', line: 2, column: 23, suggestions: [{ messageId: 'applyLibraryFix', data: {description: "Wait with exponential backoff, decorrelated jitter and a cap (`new ExponentialBackoff()`)"}, output: "import { handleAll, retry, ExponentialBackoff } from 'cockatiel';\nexport const policy = retry(handleAll, { backoff: new ExponentialBackoff() });" }] }],
    },
    {
      name: 'no backoff: retries at once (CommonJS)',
      code: "const { handleAll, retry } = require('cockatiel');\nretry(handleAll, { maxAttempts: 3 });",
      errors: [{ messageId: 'noWait', line: 2, column: 20, suggestions: [{ messageId: 'applyLibraryFix', data: {description: "Wait with exponential backoff, decorrelated jitter and a cap (`new ExponentialBackoff()`)"}, output: "const { handleAll, retry, ExponentialBackoff } = require('cockatiel');\nretry(handleAll, { maxAttempts: 3, backoff: new ExponentialBackoff() });" }] }],
    },
    {
      name: 'ConstantBackoff through a const, aliased import',
      code: "import { ConstantBackoff as Fixed, handleAll, retry as withRetry } from 'cockatiel';\nconst options = { maxAttempts: 3, backoff: new Fixed(500) };\nwithRetry(handleAll, options);",
      errors: [{ messageId: 'constantDelay', line: 2, column: 35, suggestions: [{ messageId: 'applyLibraryFix', data: {description: "Wait with exponential backoff, decorrelated jitter and a cap (`new ExponentialBackoff(…)`)"}, output: "import { ConstantBackoff as Fixed, handleAll, retry as withRetry, ExponentialBackoff } from 'cockatiel';\nconst options = { maxAttempts: 3, backoff: new ExponentialBackoff({ initialDelay: 500, maxDelay: 16000 }) };\nwithRetry(handleAll, options);" }] }],
    },
  ],
});

ruleTester.run('require-jitter', requireJitter, {
  valid: ["import { ExponentialBackoff, fullJitterGenerator, handleAll, retry } from 'cockatiel';\nretry(handleAll, { maxAttempts: 3, backoff: new ExponentialBackoff({ generator: fullJitterGenerator }) });"],
  invalid: [
    {
      code: "import { ExponentialBackoff, noJitterGenerator, handleAll, retry } from 'cockatiel';\nretry(handleAll, { maxAttempts: 3, backoff: new ExponentialBackoff({ generator: noJitterGenerator }) });",
      errors: [{ messageId: 'noJitter', line: 2, column: 36 }],
    },
  ],
});

ruleTester.run('require-max-delay', requireMaxDelay, {
  valid: [
    "import { ExponentialBackoff, handleAll, retry } from 'cockatiel';\nretry(handleAll, { maxAttempts: 20, backoff: new ExponentialBackoff() });",
    // Few attempts: the 300 s cap is never reached (128 ms × 2^4).
    "import { ExponentialBackoff, handleAll, retry } from 'cockatiel';\nretry(handleAll, { maxAttempts: 5, backoff: new ExponentialBackoff({ maxDelay: 300_000 }) });",
  ],
  invalid: [
    {
      code: "import { ExponentialBackoff, handleAll, retry } from 'cockatiel';\nretry(handleAll, { maxAttempts: 20, backoff: new ExponentialBackoff({ maxDelay: 300_000 }) });",
      errors: [{ messageId: 'delayTooLong', line: 2, column: 71 }],
    },
  ],
});
