import { RuleTester } from '@typescript-eslint/rule-tester';
import noUnboundedRetry from '../../eslint-plugin/src/rules/no-unbounded-retry';
import requireBackoff from '../../eslint-plugin/src/rules/require-backoff';
import requireJitter from '../../eslint-plugin/src/rules/require-jitter';
import requireMaxDelay from '../../eslint-plugin/src/rules/require-max-delay';

// Library adapter: retry-as-promised and Sequelize's `retry` option (eslint-plugin/src/analysis/libraries/described.ts).
const ruleTester = new RuleTester();

ruleTester.run('require-jitter', requireJitter, {
  valid: [
    // Jittered by `backoffJitter` (ms).
    "const { Sequelize } = require('sequelize');\nnew Sequelize('db', 'u', 'p', { retry: { max: 5, backoffJitter: 100 } });",
    // No `retry` option: Sequelize's default retries a locked SQLite file only.
    "const { Sequelize } = require('sequelize');\nnew Sequelize('sqlite::memory:');",
    // `max` unset: retry-as-promised makes one attempt.
    "const { Sequelize } = require('sequelize');\nnew Sequelize('db', 'u', 'p', { retry: { match: [/Deadlock/] } });",
    // A count of 1: one attempt, no retry.
    "import retry from 'retry-as-promised';\nretry(() => fetch('/x'), 1);",
  ],
  invalid: [
    { name: 'sequelize retry with max, at the retry option', code: "const { Sequelize } = require('sequelize');\nconst db = new Sequelize(process.env.URL, {\n  dialect: 'postgres',\n  retry: { max: 5, match: [/ECONNRESET/] },\n});", errors: [{ messageId: 'noJitter', line: 4 }] },
    { name: 'default-imported constructor', code: "import Sequelize from 'sequelize';\nnew Sequelize({ dialect: 'mysql', retry: { max: 3 } });", errors: [{ messageId: 'noJitter', line: 2 }] },
    { name: 'query retry on an instance', code: "import { Sequelize } from 'sequelize';\nconst db = new Sequelize('x');\nexport const q = () => db.query('SELECT 1', {\n  retry: { max: 4 },\n});", errors: [{ messageId: 'noJitter', line: 4 }] },
    { name: 'direct call with a count', code: "import retry from 'retry-as-promised';\nretry(() => fetch('/x'), 5);", errors: [{ messageId: 'noJitter', line: 2 }] },
  ],
});

ruleTester.run('require-backoff', requireBackoff, {
  valid: [
    "import retry from 'retry-as-promised';\nretry(() => fetch('/x'), { max: 5, backoffJitter: 50 });",
  ],
  invalid: [
    { name: 'exponent 1', code: "import retry from 'retry-as-promised';\nretry(() => fetch('/x'), {\n  max: 5,\n  backoffExponent: 1,\n  backoffJitter: 50,\n});", errors: [{ messageId: 'constantDelay', line: 4 }] },
    { name: 'base 0', code: "import retry from 'retry-as-promised';\nretry(() => fetch('/x'), {\n  max: 5,\n  backoffBase: 0,\n});", errors: [{ messageId: 'noWait', line: 4 }] },
  ],
});

ruleTester.run('require-max-delay', requireMaxDelay, {
  valid: [
    // 100 ms × 1.1^4 at most.
    "import retry from 'retry-as-promised';\nretry(() => fetch('/x'), { max: 5, backoffJitter: 50 });",
  ],
  invalid: [
    { name: '20 attempts growing by 1.5 from 1 s', code: "import retry from 'retry-as-promised';\nretry(() => fetch('/x'), {\n  max: 20,\n  backoffBase: 1000,\n  backoffExponent: 1.5,\n  backoffJitter: 200,\n});", errors: [{ messageId: 'delayTooLong' }] },
  ],
});

ruleTester.run('no-unbounded-retry', noUnboundedRetry, {
  valid: [
    "import retry from 'retry-as-promised';\nretry(() => fetch('/x'), { max: 8, backoffJitter: 50 });",
  ],
  invalid: [
    { name: 'max Infinity', code: "import retry from 'retry-as-promised';\nretry(() => fetch('/x'), {\n  max: Infinity,\n  backoffExponent: 1,\n});", errors: [{ messageId: 'unboundedRetry', line: 3 }] },
  ],
});
