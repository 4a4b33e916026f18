import { RuleTester } from '@typescript-eslint/rule-tester';
import noRetryOnClientError from '../../eslint-plugin/src/rules/no-retry-on-client-error';
import noUnboundedRetry from '../../eslint-plugin/src/rules/no-unbounded-retry';
import requireBackoff from '../../eslint-plugin/src/rules/require-backoff';
import requireIdempotencyKey from '../../eslint-plugin/src/rules/require-idempotency-key';
import requireJitter from '../../eslint-plugin/src/rules/require-jitter';
import requireMaxDelay from '../../eslint-plugin/src/rules/require-max-delay';

// Library adapter: p-retry (eslint-plugin/src/analysis/libraries). Each rule sees the same retry site.
const ruleTester = new RuleTester();

ruleTester.run('require-jitter', requireJitter, {
  valid: [
    { name: "explicit randomize", code: "import pRetry from 'p-retry';\nexport const run = (f: () => Promise<number>) => pRetry(f, { retries: 4, randomize: true });" },
    { name: "options spread in", code: "import pRetry from 'p-retry';\ndeclare const extra: object;\nexport const run = (f: () => Promise<number>) => pRetry(f, { retries: 4, ...extra });" },
    { name: "options from a parameter", code: "import pRetry, { type Options } from 'p-retry';\nexport const run = (f: () => Promise<number>, o: Options) => pRetry(f, o);" },
    { name: "a local pRetry", code: "const pRetry = (f: () => void, o: object) => f();\npRetry(() => {}, { retries: 3 });" },
  ],
  invalid: [
    {
      name: "defaults",
      code: "import pRetry from 'p-retry';\nexport const run = (f: () => Promise<number>) => pRetry(f, { retries: 3 });",
      errors: [{ messageId: 'noJitter', line: 2, column: 50, suggestions: [{ messageId: 'applyLibraryFix', data: { description: "Randomise each wait (`randomize: true`)" }, output: "import pRetry from 'p-retry';\nexport const run = (f: () => Promise<number>) => pRetry(f, { retries: 3, randomize: true });" }] }],
    },
    {
      name: "no options at all",
      code: "import pRetry from 'p-retry';\nexport const run = (f: () => Promise<number>) => pRetry(f);",
      errors: [{ messageId: 'noJitter', line: 2, column: 50, suggestions: [{ messageId: 'applyLibraryFix', data: { description: "Randomise each wait (`randomize: true`)" }, output: "import pRetry from 'p-retry';\nexport const run = (f: () => Promise<number>) => pRetry(f, { randomize: true });" }] }],
    },
    {
      name: "randomize false",
      code: "import pRetry from 'p-retry';\nexport const run = (f: () => Promise<number>) =>\n  pRetry(f, {\n    retries: 3,\n    randomize: false,\n  });",
      errors: [{ messageId: 'noJitter', line: 5, column: 5, suggestions: [{ messageId: 'applyLibraryFix', data: { description: "Randomise each wait (`randomize: true`)" }, output: "import pRetry from 'p-retry';\nexport const run = (f: () => Promise<number>) =>\n  pRetry(f, {\n    retries: 3,\n    randomize: true,\n  });" }] }],
    },
    {
      name: "aliased import",
      code: "import { default as retryIt } from 'p-retry';\nexport const run = (f: () => Promise<number>) => retryIt(f, { retries: 2 });",
      errors: [{ messageId: 'noJitter', line: 2, column: 50, suggestions: [{ messageId: 'applyLibraryFix', data: { description: "Randomise each wait (`randomize: true`)" }, output: "import { default as retryIt } from 'p-retry';\nexport const run = (f: () => Promise<number>) => retryIt(f, { retries: 2, randomize: true });" }] }],
    },
    {
      name: "CommonJS require",
      code: "const pRetry = require('p-retry');\nmodule.exports = (f) => pRetry(f, { retries: 2 });",
      errors: [{ messageId: 'noJitter', line: 2, column: 25, suggestions: [{ messageId: 'applyLibraryFix', data: { description: "Randomise each wait (`randomize: true`)" }, output: "const pRetry = require('p-retry');\nmodule.exports = (f) => pRetry(f, { retries: 2, randomize: true });" }] }],
    },
    {
      name: "options through a const",
      code: "import pRetry from 'p-retry';\nconst options = { retries: 2, factor: 3 };\nexport const run = (f: () => Promise<number>) => pRetry(f, options);",
      errors: [{ messageId: 'noJitter', line: 3, column: 50, suggestions: [{ messageId: 'applyLibraryFix', data: { description: "Randomise each wait (`randomize: true`)" }, output: "import pRetry from 'p-retry';\nconst options = { retries: 2, factor: 3, randomize: true };\nexport const run = (f: () => Promise<number>) => pRetry(f, options);" }] }],
    },
    {
      name: "makeRetriable",
      code: "import { makeRetriable } from 'p-retry';\nexport const fetchUser = makeRetriable(async (id: string) => id, { retries: 2 });",
      errors: [{ messageId: 'noJitter', line: 2, column: 26, suggestions: [{ messageId: 'applyLibraryFix', data: { description: "Randomise each wait (`randomize: true`)" }, output: "import { makeRetriable } from 'p-retry';\nexport const fetchUser = makeRetriable(async (id: string) => id, { retries: 2, randomize: true });" }] }],
    },
  ],
});

ruleTester.run('require-max-delay', requireMaxDelay, {
  valid: [
    { name: "few retries", code: "import pRetry from 'p-retry';\npRetry(async () => 1, { retries: 5, randomize: true });" },
    { name: "maxTimeout cap", code: "import pRetry from 'p-retry';\npRetry(async () => 1, { randomize: true, maxTimeout: 20_000 });" },
  ],
  invalid: [
    {
      name: "default ten retries reach 512 s",
      code: "import pRetry from 'p-retry';\npRetry(async () => 1, { randomize: true });",
      errors: [{ messageId: 'delayTooLong', line: 2, column: 25, suggestions: [{ messageId: 'applyLibraryFix', data: { description: "Cap each wait at 30000 ms (`maxTimeout: 30000`), under the 60000 ms limit" }, output: "import pRetry from 'p-retry';\npRetry(async () => 1, { randomize: true, maxTimeout: 30000 });" }] }],
    },
    {
      name: "a limit below the libraries' 30000 ms cap: no cap edit that would still break it",
      code: "import pRetry from 'p-retry';\npRetry(async () => 1, { randomize: true });",
      options: [{ maxDelayMs: 20000 }],
      errors: [{ messageId: 'delayTooLong', line: 2, column: 25, suggestions: [] }],
    },
    {
      name: "cap above the limit",
      code: "import pRetry from 'p-retry';\npRetry(async () => 1, { retries: 20, randomize: true, maxTimeout: 600_000 });",
      errors: [{ messageId: 'delayTooLong', line: 2, column: 55, suggestions: [{ messageId: 'applyLibraryFix', data: { description: "Cap each wait at 30000 ms (`maxTimeout: 30000`), under the 60000 ms limit" }, output: "import pRetry from 'p-retry';\npRetry(async () => 1, { retries: 20, randomize: true, maxTimeout: 30000 });" }] }],
    },
  ],
});

ruleTester.run('no-unbounded-retry', noUnboundedRetry, {
  valid: [
    { name: "Infinity with a deadline", code: "import pRetry from 'p-retry';\npRetry(async () => 1, { retries: Infinity, maxRetryTime: 60_000, randomize: true, maxTimeout: 10_000 });" },
    { name: "computed retries", code: "import pRetry from 'p-retry';\npRetry(async () => 1, { retries: Number(process.env.RETRIES), randomize: true, maxTimeout: 10_000 });" },
  ],
  invalid: [
    {
      name: "retries Infinity",
      code: "import pRetry from 'p-retry';\npRetry(async () => 1, {\n  retries: Infinity,\n  randomize: true,\n  maxTimeout: 10_000,\n});",
      errors: [{ messageId: 'unboundedRetry', line: 3, column: 3, suggestions: [{ messageId: 'applyLibraryFix', data: { description: "Retry at most 10 times" }, output: "import pRetry from 'p-retry';\npRetry(async () => 1, {\n  retries: 10,\n  randomize: true,\n  maxTimeout: 10_000,\n});" }] }],
    },
    {
      name: "forever (p-retry 4)",
      code: "const pRetry = require('p-retry');\npRetry(async () => 1, { forever: true, randomize: true, maxTimeout: 10_000 });",
      errors: [{ messageId: 'unboundedRetry', line: 2, column: 25, suggestions: [{ messageId: 'applyLibraryFix', data: { description: "Retry at most 10 times" }, output: "const pRetry = require('p-retry');\npRetry(async () => 1, { retries: 10, randomize: true, maxTimeout: 10_000 });" }] }],
    },
  ],
});

ruleTester.run('require-backoff', requireBackoff, {
  valid: [
  ],
  invalid: [
    {
      name: "factor 1",
      code: "import pRetry from 'p-retry';\npRetry(async () => 1, { retries: 3, factor: 1, randomize: true });",
      errors: [{ messageId: 'constantDelay', line: 2, column: 37, suggestions: [{ messageId: 'applyLibraryFix', data: { description: "Double the wait after each attempt (`factor: 2`)" }, output: "import pRetry from 'p-retry';\npRetry(async () => 1, { retries: 3, factor: 2, randomize: true });" }] }],
    },
    {
      name: "minTimeout 0",
      code: "import pRetry from 'p-retry';\npRetry(async () => 1, { retries: 3, minTimeout: 0 });",
      errors: [{ messageId: 'noWait', line: 2, column: 37, suggestions: [{ messageId: 'applyLibraryFix', data: { description: "Wait at least 1000 ms before the first retry (`minTimeout: 1000`)" }, output: "import pRetry from 'p-retry';\npRetry(async () => 1, { retries: 3, minTimeout: 1000 });" }] }],
    },
  ],
});

ruleTester.run('require-idempotency-key', requireIdempotencyKey, {
  valid: [
    { name: "key created once", code: "import pRetry from 'p-retry';\nexport function pay(body: string) {\n  const key = crypto.randomUUID();\n  return pRetry(() => fetch('/pay', { method: 'POST', body, headers: { 'Idempotency-Key': key } }), { retries: 3, randomize: true });\n}" },
    { name: "GET", code: "import pRetry from 'p-retry';\npRetry(() => fetch('/items'), { retries: 3, randomize: true });" },
  ],
  invalid: [
    {
      name: "POST without key",
      code: "import pRetry from 'p-retry';\nexport const pay = (body: string) =>\n  pRetry(() => fetch('/pay', { method: 'POST', body }), { retries: 3, randomize: true });",
      errors: [{ messageId: 'missingKey', line: 3, column: 16 }],
    },
    {
      name: "key per attempt",
      code: "import pRetry from 'p-retry';\nexport const pay = (body: string) =>\n  pRetry(() => fetch('/pay', { method: 'POST', body, headers: { 'Idempotency-Key': crypto.randomUUID() } }), { retries: 3, randomize: true });",
      errors: [{ messageId: 'keyPerAttempt', line: 3, column: 84 }],
    },
  ],
});

ruleTester.run('no-retry-on-client-error', noRetryOnClientError, {
  valid: [
    { name: "AbortError on 4xx", code: "import pRetry, { AbortError } from 'p-retry';\nimport axios from 'axios';\npRetry(async () => {\n  try {\n    return await axios.get('/x');\n  } catch (e) {\n    if (axios.isAxiosError(e) && e.response && e.response.status < 500) throw new AbortError(e);\n    throw e;\n  }\n}, { retries: 3, randomize: true });" },
    { name: "shouldRetry option", code: "import pRetry from 'p-retry';\nimport axios from 'axios';\npRetry(() => axios.get('/x'), { retries: 3, randomize: true, shouldRetry: ({ error }) => !(error as { response?: unknown }).response });" },
    { name: "opaque function", code: "import pRetry from 'p-retry';\nexport const run = (op: () => Promise<void>) => pRetry(op, { retries: 3, randomize: true });" },
  ],
  invalid: [
    {
      name: "axios call retried on every error",
      code: "import pRetry from 'p-retry';\nimport axios from 'axios';\nexport const load = () => pRetry(() => axios.get('/x'), { retries: 3, randomize: true });",
      errors: [{ messageId: 'retriesEverything', line: 3, column: 27 }],
    },
  ],
});
