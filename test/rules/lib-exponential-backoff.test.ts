import { RuleTester } from '@typescript-eslint/rule-tester';
import noUnboundedRetry from '../../eslint-plugin/src/rules/no-unbounded-retry';
import requireBackoff from '../../eslint-plugin/src/rules/require-backoff';
import requireJitter from '../../eslint-plugin/src/rules/require-jitter';
import requireMaxDelay from '../../eslint-plugin/src/rules/require-max-delay';

// Library adapter: exponential-backoff (eslint-plugin/src/analysis/libraries). Each rule sees the same retry site.
const ruleTester = new RuleTester();

ruleTester.run('require-jitter', requireJitter, {
  valid: [
    { name: "bounded, capped, full jitter (shared case lib-exponential-backoff-ok)", code: "import { backOff } from 'exponential-backoff';\nexport function renewLease(renew: () => Promise<string>) {\n  return backOff(renew, { numOfAttempts: 5, startingDelay: 200, maxDelay: 10_000, jitter: 'full' });\n}" },
    { name: "full jitter", code: "import { backOff } from 'exponential-backoff';\nbackOff(async () => 1, { jitter: 'full' });" },
    { name: "spread", code: "import { backOff } from 'exponential-backoff';\ndeclare const base: object;\nbackOff(async () => 1, { ...base });" },
  ],
  invalid: [
    {
      name: "defaults",
      code: "import { backOff } from 'exponential-backoff';\nbackOff(async () => 1);",
      errors: [{ messageId: 'noJitter', line: 2, column: 1, suggestions: [{ messageId: 'applyLibraryFix', data: { description: "Use full jitter (`jitter: 'full'`)" }, output: "import { backOff } from 'exponential-backoff';\nbackOff(async () => 1, { jitter: 'full' });" }] }],
    },
    {
      name: "jitter none",
      code: "import { backOff } from 'exponential-backoff';\nbackOff(async () => 1, { numOfAttempts: 4, jitter: 'none' });",
      errors: [{ messageId: 'noJitter', line: 2, column: 44, suggestions: [{ messageId: 'applyLibraryFix', data: { description: "Use full jitter (`jitter: 'full'`)" }, output: "import { backOff } from 'exponential-backoff';\nbackOff(async () => 1, { numOfAttempts: 4, jitter: 'full' });" }] }],
    },
    {
      name: "aliased import",
      code: "import { backOff as withBackoff } from 'exponential-backoff';\nwithBackoff(async () => 1, { numOfAttempts: 3 });",
      errors: [{ messageId: 'noJitter', line: 2, column: 1, suggestions: [{ messageId: 'applyLibraryFix', data: { description: "Use full jitter (`jitter: 'full'`)" }, output: "import { backOff as withBackoff } from 'exponential-backoff';\nwithBackoff(async () => 1, { numOfAttempts: 3, jitter: 'full' });" }] }],
    },
    {
      name: "namespace import, options in a const",
      code: "import * as eb from 'exponential-backoff';\nconst opts = { numOfAttempts: 3 };\neb.backOff(async () => 1, opts);",
      errors: [{ messageId: 'noJitter', line: 3, column: 1, suggestions: [{ messageId: 'applyLibraryFix', data: { description: "Use full jitter (`jitter: 'full'`)" }, output: "import * as eb from 'exponential-backoff';\nconst opts = { numOfAttempts: 3, jitter: 'full' };\neb.backOff(async () => 1, opts);" }] }],
    },
  ],
});

ruleTester.run('require-max-delay', requireMaxDelay, {
  valid: [
    { name: "defaults stay under a minute", code: "import { backOff } from 'exponential-backoff';\nbackOff(async () => 1, { jitter: 'full' });" },
    { name: "capped", code: "import { backOff } from 'exponential-backoff';\nbackOff(async () => 1, { jitter: 'full', startingDelay: 5000, maxDelay: 30_000 });" },
  ],
  invalid: [
    {
      name: "CommonJS, defaults with a 500 ms start (shared case lib-exponential-backoff-defaults)",
      code: "const { backOff } = require('exponential-backoff');\nmodule.exports = (run) => backOff(() => run(), { startingDelay: 500 });",
      errors: [{ messageId: 'delayTooLong', line: 2, column: 50, suggestions: [{ messageId: 'applyLibraryFix', data: { description: "Cap each wait at 30000 ms (`maxDelay: 30000`), under the 60000 ms limit" }, output: "const { backOff } = require('exponential-backoff');\nmodule.exports = (run) => backOff(() => run(), { startingDelay: 500, maxDelay: 30000 });" }] }],
    },
    {
      name: "CommonJS, large starting delay",
      code: "const { backOff } = require('exponential-backoff');\nbackOff(async () => 1, { startingDelay: 1000, jitter: 'full' });",
      errors: [{ messageId: 'delayTooLong', line: 2, column: 26, suggestions: [{ messageId: 'applyLibraryFix', data: { description: "Cap each wait at 30000 ms (`maxDelay: 30000`), under the 60000 ms limit" }, output: "const { backOff } = require('exponential-backoff');\nbackOff(async () => 1, { startingDelay: 1000, jitter: 'full', maxDelay: 30000 });" }] }],
    },
  ],
});

ruleTester.run('require-backoff', requireBackoff, {
  valid: [
  ],
  invalid: [
    {
      name: "timeMultiple 1",
      code: "import { backOff } from 'exponential-backoff';\nbackOff(async () => 1, { timeMultiple: 1, jitter: 'full' });",
      errors: [{ messageId: 'constantDelay', line: 2, column: 26, suggestions: [{ messageId: 'applyLibraryFix', data: { description: "Double the wait after each attempt (`timeMultiple: 2`)" }, output: "import { backOff } from 'exponential-backoff';\nbackOff(async () => 1, { timeMultiple: 2, jitter: 'full' });" }] }],
    },
  ],
});

ruleTester.run('no-unbounded-retry', noUnboundedRetry, {
  valid: [
  ],
  invalid: [
    {
      name: "numOfAttempts Infinity",
      code: "import { backOff } from 'exponential-backoff';\nbackOff(async () => 1, { numOfAttempts: Infinity, jitter: 'full', maxDelay: 10_000 });",
      errors: [{ messageId: 'unboundedRetry', line: 2, column: 26, suggestions: [{ messageId: 'applyLibraryFix', data: { description: "Make at most 10 attempts (`numOfAttempts: 10`)" }, output: "import { backOff } from 'exponential-backoff';\nbackOff(async () => 1, { numOfAttempts: 10, jitter: 'full', maxDelay: 10_000 });" }] }],
    },
  ],
});
