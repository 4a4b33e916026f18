import { RuleTester } from '@typescript-eslint/rule-tester';
import noUnboundedRetry from '../../eslint-plugin/src/rules/no-unbounded-retry';
import requireBackoff from '../../eslint-plugin/src/rules/require-backoff';
import requireJitter from '../../eslint-plugin/src/rules/require-jitter';
import requireMaxDelay from '../../eslint-plugin/src/rules/require-max-delay';

// Library adapter: urql's retryExchange (eslint-plugin/src/analysis/libraries/described.ts). Defaults
// (exchanges/retry/src/retryExchange.ts): 2 attempts, 1000 ms × random 1.5–2.5 per retry under 15000 ms.
const ruleTester = new RuleTester();
const imp = "import { retryExchange } from '@urql/exchange-retry';\n";

ruleTester.run('require-jitter', requireJitter, {
  valid: [
    `${imp}retryExchange({});`,
    `${imp}retryExchange();`,
    `${imp}const opts = { initialDelayMs: 300, maxDelayMs: 9000 };\nretryExchange(opts);`,
    // Another package's retryExchange is not urql's.
    "import { retryExchange } from './my-exchanges';\nretryExchange({ randomDelay: false });",
  ],
  invalid: [
    { name: 'randomDelay false', code: `${imp}retryExchange({\n  randomDelay: false,\n});`, errors: [{ messageId: 'noJitter', line: 3 }] },
    { name: 'a cap within 1.5x of the first wait keeps it unjittered', code: `${imp}retryExchange({ initialDelayMs: 2000, maxDelayMs: 2500 });`, errors: [{ messageId: 'noJitter', line: 2 }] },
  ],
});

ruleTester.run('require-backoff', requireBackoff, {
  // urql 2.x: without randomDelay the wait is retryCount × initialDelayMs (it grows), up to maxDelayMs.
  valid: [`${imp}retryExchange({ initialDelayMs: 0, maxNumberAttempts: 3 });`, `${imp}retryExchange({ randomDelay: false, initialDelayMs: 500 });`],
  invalid: [{ name: 'randomDelay false with the first wait at the cap', code: `${imp}retryExchange({ randomDelay: false, initialDelayMs: 5000, maxDelayMs: 5000 });`, errors: [{ messageId: 'constantDelay', line: 2 }] }],
});

ruleTester.run('require-max-delay', requireMaxDelay, {
  valid: [`${imp}retryExchange({ maxNumberAttempts: 6, maxDelayMs: 0 });`],
  invalid: [{ name: 'a cap above the allowed delay', code: `${imp}retryExchange({\n  maxNumberAttempts: 20,\n  maxDelayMs: 600000,\n});`, errors: [{ messageId: 'delayTooLong', line: 4 }] }],
});

ruleTester.run('no-unbounded-retry', noUnboundedRetry, {
  valid: [
    `${imp}retryExchange({ maxNumberAttempts: 0 });`,
    `${imp}retryExchange({ maxNumberAttempts: 10 });`,
  ],
  invalid: [{ name: 'Infinity attempts', code: `${imp}const n = Infinity;\nretryExchange({\n  maxNumberAttempts: n,\n});`, errors: [{ messageId: 'unboundedRetry', line: 4 }] }],
});
