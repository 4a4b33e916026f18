import { RuleTester } from '@typescript-eslint/rule-tester';
import noUnboundedRetry from '../../eslint-plugin/src/rules/no-unbounded-retry';
import requireIdempotencyKey from '../../eslint-plugin/src/rules/require-idempotency-key';
import requireJitter from '../../eslint-plugin/src/rules/require-jitter';

// Library adapter: retry (eslint-plugin/src/analysis/libraries). Each rule sees the same retry site.
const ruleTester = new RuleTester();

ruleTester.run('require-jitter', requireJitter, {
  valid: [
    { name: "randomize", code: "import retry from 'retry';\nconst op = retry.operation({ retries: 3, randomize: true });\nop.attempt(() => {});" },
    { name: "unknown options", code: "import retry from 'retry';\nexport function run(o: retry.OperationOptions) {\n  return retry.operation(o);\n}" },
  ],
  invalid: [
    {
      name: "defaults",
      code: "import retry from 'retry';\nconst op = retry.operation({ retries: 3 });\nop.attempt(() => {});",
      errors: [{ messageId: 'noJitter', line: 2, column: 12, suggestions: [{ messageId: 'applyLibraryFix', data: { description: "Randomise each wait (`randomize: true`)" }, output: "import retry from 'retry';\nconst op = retry.operation({ retries: 3, randomize: true });\nop.attempt(() => {});" }] }],
    },
    {
      name: "CommonJS require",
      code: "const retry = require('retry');\nconst operation = retry.operation({ retries: 3, randomize: false });",
      errors: [{ messageId: 'noJitter', line: 2, column: 49, suggestions: [{ messageId: 'applyLibraryFix', data: { description: "Randomise each wait (`randomize: true`)" }, output: "const retry = require('retry');\nconst operation = retry.operation({ retries: 3, randomize: true });" }] }],
    },
    {
      name: "namespace import",
      code: "import * as r from 'retry';\nconst opts = { retries: 4 };\nexport const op = r.operation(opts);",
      errors: [{ messageId: 'noJitter', line: 3, column: 19, suggestions: [{ messageId: 'applyLibraryFix', data: { description: "Randomise each wait (`randomize: true`)" }, output: "import * as r from 'retry';\nconst opts = { retries: 4, randomize: true };\nexport const op = r.operation(opts);" }] }],
    },
    {
      name: "aliased named import",
      code: "import { operation as retryOperation } from 'retry';\nexport const op = retryOperation({ retries: 2 });",
      errors: [{ messageId: 'noJitter', line: 2, column: 19, suggestions: [{ messageId: 'applyLibraryFix', data: { description: "Randomise each wait (`randomize: true`)" }, output: "import { operation as retryOperation } from 'retry';\nexport const op = retryOperation({ retries: 2, randomize: true });" }] }],
    },
  ],
});

ruleTester.run('no-unbounded-retry', noUnboundedRetry, {
  valid: [
    { name: "forever with maxRetryTime", code: "import retry from 'retry';\nretry.operation({ forever: true, maxRetryTime: 30_000, randomize: true, maxTimeout: 5000 });" },
  ],
  invalid: [
    {
      name: "forever",
      code: "import retry from 'retry';\nretry.operation({ forever: true, randomize: true, maxTimeout: 5000 });",
      errors: [{ messageId: 'unboundedRetry', line: 2, column: 19, suggestions: [{ messageId: 'applyLibraryFix', data: { description: "Retry at most 10 times" }, output: "import retry from 'retry';\nretry.operation({ retries: 10, randomize: true, maxTimeout: 5000 });" }] }],
    },
  ],
});

ruleTester.run('require-idempotency-key', requireIdempotencyKey, {
  valid: [
  ],
  invalid: [
    {
      name: "POST in the attempt function",
      code: "import retry from 'retry';\nimport axios from 'axios';\nconst op = retry.operation({ retries: 3, randomize: true });\nop.attempt(() => {\n  axios.post('/orders', {}).catch((err) => op.retry(err));\n});",
      errors: [{ messageId: 'libraryRetriesRequest', line: 5, column: 3 }],
    },
  ],
});
