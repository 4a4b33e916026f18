import { RuleTester } from '@typescript-eslint/rule-tester';
import noRetryOnClientError from '../../eslint-plugin/src/rules/no-retry-on-client-error';
import noUnboundedRetry from '../../eslint-plugin/src/rules/no-unbounded-retry';
import requireIdempotencyKey from '../../eslint-plugin/src/rules/require-idempotency-key';
import requireJitter from '../../eslint-plugin/src/rules/require-jitter';
import requireMaxDelay from '../../eslint-plugin/src/rules/require-max-delay';
import respectRetryAfter from '../../eslint-plugin/src/rules/respect-retry-after';

// Library adapter: fetch-retry (eslint-plugin/src/analysis/libraries). Each rule sees the same retry site.
const ruleTester = new RuleTester();

ruleTester.run('require-jitter', requireJitter, {
  valid: [
    { name: "POST through the instance is judged by require-idempotency-key only", code: "import fetchRetry from 'fetch-retry';\nconst f = fetchRetry(fetch, { retryDelay: (n) => Math.random() * 2 ** n * 100 });\nexport const add = () => f('https://a.test', { method: 'POST' });" },
    { name: "jittered, capped delay function (shared case lib-fetch-retry-post)", code: "import makeFetchRetry from 'fetch-retry';\nexport const f = makeFetchRetry(fetch, {\n  retries: 3,\n  retryDelay: (attempt) => Math.random() * Math.min(300 * 2 ** attempt, 5000),\n});" },
    { name: "unknown defaults", code: "import fetchRetry from 'fetch-retry';\nexport const make = (o: object) => fetchRetry(fetch, o);" },
  ],
  invalid: [
    {
      name: "delay function without randomness",
      code: "import fetchRetry from 'fetch-retry';\nexport const f = fetchRetry(fetch, { retries: 4, retryDelay: (attempt) => 500 * 2 ** attempt });",
      errors: [{ messageId: 'noJitter', line: 2, column: 50, suggestions: [{ messageId: 'applyLibraryFix', data: { description: "Use a jittered exponential delay capped at 30000 ms" }, output: "import fetchRetry from 'fetch-retry';\nexport const f = fetchRetry(fetch, { retries: 4, retryDelay: (attempt) => Math.random() * Math.min(1000 * 2 ** attempt, 30000) });" }] }],
    },
    {
      name: "defaults",
      code: "import fetchRetry from 'fetch-retry';\nexport const f = fetchRetry(fetch);",
      errors: [{ messageId: 'noJitter', line: 2, column: 18, suggestions: [{ messageId: 'applyLibraryFix', data: { description: "Use a jittered exponential delay capped at 30000 ms" }, output: "import fetchRetry from 'fetch-retry';\nexport const f = fetchRetry(fetch, { retryDelay: (attempt) => Math.random() * Math.min(1000 * 2 ** attempt, 30000) });" }] }],
    },
    {
      name: "aliased, constant delay",
      code: "import withRetry from 'fetch-retry';\nexport const f = withRetry(fetch, { retries: 2, retryDelay: 800 });",
      errors: [{ messageId: 'noJitter', line: 2, column: 49, suggestions: [{ messageId: 'applyLibraryFix', data: { description: "Use a jittered exponential delay capped at 30000 ms" }, output: "import withRetry from 'fetch-retry';\nexport const f = withRetry(fetch, { retries: 2, retryDelay: (attempt) => Math.random() * Math.min(1000 * 2 ** attempt, 30000) });" }] }],
    },
    {
      name: "CommonJS, options in a const",
      code: "const opts = { retries: 5 };\nconst f = require('fetch-retry')(fetch, opts);\nmodule.exports = f;",
      errors: [{ messageId: 'noJitter', line: 2, column: 11, suggestions: [{ messageId: 'applyLibraryFix', data: { description: "Use a jittered exponential delay capped at 30000 ms" }, output: "const opts = { retries: 5, retryDelay: (attempt) => Math.random() * Math.min(1000 * 2 ** attempt, 30000) };\nconst f = require('fetch-retry')(fetch, opts);\nmodule.exports = f;" }] }],
    },
  ],
});

ruleTester.run('require-idempotency-key', requireIdempotencyKey, {
  valid: [
    { name: "GET", code: "import fetchRetry from 'fetch-retry';\nconst f = fetchRetry(fetch, { retryDelay: 500 });\nexport const get = () => f('https://a.test');" },
    { name: "POST with key", code: "import fetchRetry from 'fetch-retry';\nconst f = fetchRetry(fetch, { retryDelay: 500 });\nexport const add = (key: string) => f('https://a.test', { method: 'POST', headers: { 'Idempotency-Key': key } });" },
    { name: "POST with retries 0", code: "import fetchRetry from 'fetch-retry';\nconst f = fetchRetry(fetch, { retryDelay: 500 });\nexport const add = () => f('https://a.test', { method: 'POST', retries: 0 } as RequestInit);" },
  ],
  invalid: [
    {
      name: "POST through an instance with a jittered delay (shared case lib-fetch-retry-post)",
      code: "import makeFetchRetry from 'fetch-retry';\nconst fetchWithRetry = makeFetchRetry(fetch, { retries: 3, retryDelay: (attempt) => Math.random() * Math.min(300 * 2 ** attempt, 5000) });\nexport function recordVisit(visit: object) {\n  return fetchWithRetry('https://stats.test/visits', {\n    method: 'POST',\n    body: JSON.stringify(visit),\n  });\n}",
      errors: [{ messageId: 'libraryRetriesRequest', line: 4, column: 10, suggestions: [{ messageId: 'sendKey', data: {header: "Idempotency-Key"}, output: "import makeFetchRetry from 'fetch-retry';\nconst fetchWithRetry = makeFetchRetry(fetch, { retries: 3, retryDelay: (attempt) => Math.random() * Math.min(300 * 2 ** attempt, 5000) });\nexport function recordVisit(visit: object) {\n  const idempotencyKey = crypto.randomUUID();\n  return fetchWithRetry('https://stats.test/visits', {\n    headers: { 'Idempotency-Key': idempotencyKey }, method: 'POST',\n    body: JSON.stringify(visit),\n  });\n}" }] }],
    },
    {
      name: "POST",
      code: "import fetchRetry from 'fetch-retry';\nconst f = fetchRetry(fetch, { retryDelay: 500 });\nexport const add = () =>\n  f('https://a.test', { method: 'POST' });",
      errors: [{ messageId: 'libraryRetriesRequest', line: 4, column: 3 }],
    },
  ],
});

ruleTester.run('no-unbounded-retry', noUnboundedRetry, {
  valid: [
    { name: "retryOn reads attempt", code: "import fetchRetry from 'fetch-retry';\nfetchRetry(fetch, { retryDelay: 500, retryOn: (attempt, error) => attempt < 3 && error !== null });" },
  ],
  invalid: [
    {
      name: "retryOn ignores attempt",
      code: "import fetchRetry from 'fetch-retry';\nfetchRetry(fetch, { retryDelay: 500, retryOn: (_attempt, error) => error !== null });",
      errors: [{ messageId: 'unboundedRetry', line: 2, column: 38 }],
    },
  ],
});

ruleTester.run('require-max-delay', requireMaxDelay, {
  valid: [
    { name: "capped delay function", code: "import fetchRetry from 'fetch-retry';\nfetchRetry(fetch, { retries: 10, retryDelay: (attempt) => Math.random() * Math.min(1000 * 2 ** attempt, 30_000) });" },
  ],
  invalid: [
    {
      name: "uncapped delay function, ten retries",
      code: "import fetchRetry from 'fetch-retry';\nfetchRetry(fetch, { retries: 10, retryDelay: (attempt) => Math.random() * 1000 * 2 ** attempt });",
      errors: [{ messageId: 'delayTooLong', line: 2, column: 34, suggestions: [{ messageId: 'applyLibraryFix', data: { description: "Use a jittered exponential delay capped at 30000 ms, under the 60000 ms limit" }, output: "import fetchRetry from 'fetch-retry';\nfetchRetry(fetch, { retries: 10, retryDelay: (attempt) => Math.random() * Math.min(1000 * 2 ** attempt, 30000) });" }] }],
    },
  ],
});

ruleTester.run('respect-retry-after', respectRetryAfter, {
  valid: [
    { name: "retryDelay reads Retry-After", code: "import fetchRetry from 'fetch-retry';\nfetchRetry(fetch, { retryOn: [429, 503], retryDelay: (attempt, error, response) => Number(response?.headers.get('Retry-After') ?? 1) * 1000 });" },
  ],
  invalid: [
    {
      name: "429 and 503 in retryOn: one finding for the list",
      code: "import fetchRetry from 'fetch-retry';\nfetchRetry(fetch, { retryDelay: 500, retryOn: [429, 503] });",
      errors: [{ messageId: 'ignoresRetryAfter', line: 2, column: 48 }],
    },
  ],
});

ruleTester.run('no-retry-on-client-error', noRetryOnClientError, {
  valid: [
  ],
  invalid: [
    {
      name: "400 in retryOn",
      code: "import fetchRetry from 'fetch-retry';\nfetchRetry(fetch, { retryDelay: 500, retryOn: [400, 500] });",
      errors: [{ messageId: 'retriesClientStatus', line: 2, column: 48, suggestions: [{ messageId: 'applyLibraryFix', data: {description: "Do not retry 400: a retry cannot fix a client error"}, output: "import fetchRetry from 'fetch-retry';\nfetchRetry(fetch, { retryDelay: 500, retryOn: [500] });" }] }],
    },
  ],
});
