import { RuleTester } from '@typescript-eslint/rule-tester';
import noRetryOnClientError from '../../eslint-plugin/src/rules/no-retry-on-client-error';
import noUnboundedRetry from '../../eslint-plugin/src/rules/no-unbounded-retry';
import requireIdempotencyKey from '../../eslint-plugin/src/rules/require-idempotency-key';
import requireJitter from '../../eslint-plugin/src/rules/require-jitter';
import requireMaxDelay from '../../eslint-plugin/src/rules/require-max-delay';

// Library adapter: got (eslint-plugin/src/analysis/libraries). Each rule sees the same retry site.
const ruleTester = new RuleTester();

ruleTester.run('require-idempotency-key', requireIdempotencyKey, {
  valid: [
    { name: "default methods", code: "import got from 'got';\nexport const api = got.extend({ retry: { limit: 3 } });\nexport const send = (b: object) => api.post('x', { json: b });" },
    { name: "retry untouched", code: "import got from 'got';\nexport const api = got.extend({ prefixUrl: 'https://a.test' });\nexport const send = (b: object) => api.post('x', { json: b });" },
    { name: "a key header on the instance", code: "import got from 'got';\nexport const api = got.extend({ headers: { 'Idempotency-Key': 'k' }, retry: { methods: ['POST'] } });" },
    { name: "spread methods: unknown", code: "import got from 'got';\ndeclare const extra: object;\nexport const api = got.extend({ retry: { ...extra } });" },
  ],
  invalid: [
    {
      name: "POST in methods",
      code: "import got from 'got';\nexport const api = got.extend({\n  retry: {\n    methods: ['GET', 'POST'],\n  },\n});",
      errors: [{ messageId: 'missingKey', line: 4, column: 22, suggestions: [{ messageId: 'applyLibraryFix', data: { description: "Do not retry POST requests" }, output: "import got from 'got';\nexport const api = got.extend({\n  retry: {\n    methods: ['GET'],\n  },\n});" }] }],
    },
    {
      name: "aliased import, per request",
      code: "import { got as client } from 'got';\nexport const send = (b: object) => client.post('https://a.test', { json: b, retry: { limit: 2, methods: ['POST'] } });",
      errors: [{ messageId: 'missingKey', line: 2, column: 106, suggestions: [{ messageId: 'applyLibraryFix', data: { description: "Do not retry POST requests" }, output: "import { got as client } from 'got';\nexport const send = (b: object) => client.post('https://a.test', { json: b, retry: { limit: 2, methods: [] } });" }] }],
    },
    {
      // The key goes into the request's own headers (got.post(url, options): options at 1), not a third argument.
      name: "per request in a statement: the key joins the request's headers",
      code: "import got from 'got';\nexport async function send(url: string, body: string) {\n  await got.post(url, { body, headers: { 'content-type': 'application/json' }, retry: { limit: 3, methods: ['POST'] } });\n}",
      errors: [{ messageId: 'missingKey', line: 3, suggestions: [
        { messageId: 'sendKey', data: { header: 'Idempotency-Key' }, output: "import got from 'got';\nexport async function send(url: string, body: string) {\n  const idempotencyKey = crypto.randomUUID();\n  await got.post(url, { body, headers: { 'Idempotency-Key': idempotencyKey, 'content-type': 'application/json' }, retry: { limit: 3, methods: ['POST'] } });\n}" },
        { messageId: 'applyLibraryFix', data: { description: "Do not retry POST requests" }, output: "import got from 'got';\nexport async function send(url: string, body: string) {\n  await got.post(url, { body, headers: { 'content-type': 'application/json' }, retry: { limit: 3, methods: [] } });\n}" },
      ] }],
    },
    {
      name: "CommonJS require, options through a const",
      code: "const got = require('got');\nconst retry = { limit: 2, methods: ['PATCH', 'GET'] };\nmodule.exports = got.extend({ retry });",
      errors: [{ messageId: 'libraryRetriesRequest', line: 2, column: 37, suggestions: [{ messageId: 'applyLibraryFix', data: { description: "Do not retry PATCH requests" }, output: "const got = require('got');\nconst retry = { limit: 2, methods: ['GET'] };\nmodule.exports = got.extend({ retry });" }] }],
    },
  ],
});

ruleTester.run('require-jitter', requireJitter, {
  valid: [
    { name: "default noise", code: "import got from 'got';\ngot('https://a.test', { retry: { limit: 3 } });" },
  ],
  invalid: [
    {
      name: "noise 0",
      code: "import got from 'got';\ngot('https://a.test', { retry: { limit: 3, noise: 0 } });",
      errors: [{ messageId: 'noJitter', line: 2, column: 44, suggestions: [{ messageId: 'applyLibraryFix', data: { description: "Add up to 100 ms of random noise (`noise: 100`)" }, output: "import got from 'got';\ngot('https://a.test', { retry: { limit: 3, noise: 100 } });" }] }],
    },
  ],
});

ruleTester.run('no-unbounded-retry', noUnboundedRetry, {
  valid: [
    { name: "calculateDelay reading computedValue", code: "import got from 'got';\ngot('https://a.test', { retry: { calculateDelay: ({ computedValue }) => computedValue / 2 } });" },
  ],
  invalid: [
    {
      name: "limit Infinity",
      code: "import got from 'got';\ngot('https://a.test', { retry: { limit: Infinity, backoffLimit: 10_000 } });",
      errors: [{ messageId: 'unboundedRetry', line: 2, column: 34 }],
    },
    {
      name: "calculateDelay that never stops",
      code: "import got from 'got';\ngot('https://a.test', { retry: { calculateDelay: () => 1000 } });",
      errors: [{ messageId: 'unboundedRetry', line: 2, column: 34 }],
    },
  ],
});

ruleTester.run('require-max-delay', requireMaxDelay, {
  valid: [
    { name: "backoffLimit", code: "import got from 'got';\ngot('https://a.test', { retry: { limit: 10, backoffLimit: 20_000 } });" },
  ],
  invalid: [
    {
      name: "many retries",
      code: "import got from 'got';\ngot('https://a.test', { retry: { limit: 10 } });",
      errors: [{ messageId: 'delayTooLong', line: 2, column: 25, suggestions: [{ messageId: 'applyLibraryFix', data: { description: "Cap each wait at 30000 ms (`backoffLimit: 29900` plus up to 100 ms of noise), under the 60000 ms limit" }, output: "import got from 'got';\ngot('https://a.test', { retry: { limit: 10, backoffLimit: 29900 } });" }] }],
    },
  ],
});

ruleTester.run('no-retry-on-client-error', noRetryOnClientError, {
  valid: [
    { name: "408 and 429", code: "import got from 'got';\ngot('https://a.test', { retry: { statusCodes: [408, 429, 503] } });" },
  ],
  invalid: [
    {
      name: "404",
      code: "import got from 'got';\ngot('https://a.test', { retry: { statusCodes: [404, 503] } });",
      errors: [{ messageId: 'retriesClientStatus', line: 2, column: 48, suggestions: [{ messageId: 'applyLibraryFix', data: {description: "Do not retry 404: a retry cannot fix a client error"}, output: "import got from 'got';\ngot('https://a.test', { retry: { statusCodes: [503] } });" }] }],
    },
  ],
});
