import { RuleTester } from '@typescript-eslint/rule-tester';
import noRetryOnClientError from '../../eslint-plugin/src/rules/no-retry-on-client-error';
import noUnboundedRetry from '../../eslint-plugin/src/rules/no-unbounded-retry';
import requireJitter from '../../eslint-plugin/src/rules/require-jitter';
import requireMaxDelay from '../../eslint-plugin/src/rules/require-max-delay';

// Library adapter: async-retry (eslint-plugin/src/analysis/libraries). Each rule sees the same retry site.
const ruleTester = new RuleTester();

ruleTester.run('require-max-delay', requireMaxDelay, {
  valid: [
    { name: "capped", code: "import retry from 'async-retry';\nretry(async () => 1, { maxTimeout: 10_000 });" },
    { name: "few retries", code: "import retry from 'async-retry';\nretry(async () => 1, { retries: 3 });" },
  ],
  invalid: [
    {
      name: "defaults: ten randomised retries",
      code: "import retry from 'async-retry';\nretry(async () => 1);",
      errors: [{ messageId: 'delayTooLong', line: 2, column: 1, suggestions: [{ messageId: 'applyLibraryFix', data: { description: "Cap each wait at 30000 ms (`maxTimeout: 30000`), under the 60000 ms limit" }, output: "import retry from 'async-retry';\nretry(async () => 1, { maxTimeout: 30000 });" }] }],
    },
    {
      name: "aliased import",
      code: "import backoffRetry from 'async-retry';\nbackoffRetry(async () => 1, { retries: 8 });",
      errors: [{ messageId: 'delayTooLong', line: 2, column: 31, suggestions: [{ messageId: 'applyLibraryFix', data: { description: "Cap each wait at 30000 ms (`maxTimeout: 30000`), under the 60000 ms limit" }, output: "import backoffRetry from 'async-retry';\nbackoffRetry(async () => 1, { retries: 8, maxTimeout: 30000 });" }] }],
    },
    {
      name: "CommonJS require",
      code: "const retry = require('async-retry');\nretry(async () => 1, { factor: 3, retries: 6 });",
      errors: [{ messageId: 'delayTooLong', line: 2, column: 24, suggestions: [{ messageId: 'applyLibraryFix', data: { description: "Cap each wait at 30000 ms (`maxTimeout: 30000`), under the 60000 ms limit" }, output: "const retry = require('async-retry');\nretry(async () => 1, { factor: 3, retries: 6, maxTimeout: 30000 });" }] }],
    },
    {
      name: "options through a const",
      code: "import retry from 'async-retry';\nconst opts = { retries: 12, minTimeout: 500 };\nretry(async () => 1, opts);",
      errors: [{ messageId: 'delayTooLong', line: 2, column: 16, suggestions: [{ messageId: 'applyLibraryFix', data: { description: "Cap each wait at 30000 ms (`maxTimeout: 30000`), under the 60000 ms limit" }, output: "import retry from 'async-retry';\nconst opts = { retries: 12, minTimeout: 500, maxTimeout: 30000 };\nretry(async () => 1, opts);" }] }],
    },
  ],
});

ruleTester.run('require-jitter', requireJitter, {
  valid: [
    { name: "randomize default true", code: "import retry from 'async-retry';\nretry(async () => 1, { retries: 3 });" },
  ],
  invalid: [
    {
      name: "randomize false",
      code: "import retry from 'async-retry';\nretry(async () => 1, { retries: 3, randomize: false });",
      errors: [{ messageId: 'noJitter', line: 2, column: 36, suggestions: [{ messageId: 'applyLibraryFix', data: { description: "Randomise each wait (`randomize: true`)" }, output: "import retry from 'async-retry';\nretry(async () => 1, { retries: 3, randomize: true });" }] }],
    },
  ],
});

ruleTester.run('no-unbounded-retry', noUnboundedRetry, {
  valid: [
  ],
  invalid: [
    {
      name: "forever",
      code: "import retry from 'async-retry';\nretry(async () => 1, { forever: true, maxTimeout: 5000 });",
      errors: [{ messageId: 'unboundedRetry', line: 2, column: 24, suggestions: [{ messageId: 'applyLibraryFix', data: { description: "Retry at most 10 times" }, output: "import retry from 'async-retry';\nretry(async () => 1, { retries: 10, maxTimeout: 5000 });" }] }],
    },
  ],
});

ruleTester.run('no-retry-on-client-error', noRetryOnClientError, {
  valid: [
    { name: "bail on 4xx", code: "import retry from 'async-retry';\nimport got from 'got';\nretry(async (bail) => {\n  try {\n    return await got('https://a.test').json();\n  } catch (e) {\n    bail(e as Error);\n  }\n}, { retries: 3 });" },
  ],
  invalid: [
    {
      name: "got call retried on every error",
      code: "import retry from 'async-retry';\nimport got from 'got';\nretry(async () => got('https://a.test').json(), { retries: 3 });",
      errors: [{ messageId: 'retriesEverything', line: 3, column: 1 }],
    },
  ],
});
