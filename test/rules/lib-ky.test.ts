import { RuleTester } from '@typescript-eslint/rule-tester';
import noRetryOnClientError from '../../eslint-plugin/src/rules/no-retry-on-client-error';
import requireBackoff from '../../eslint-plugin/src/rules/require-backoff';
import requireIdempotencyKey from '../../eslint-plugin/src/rules/require-idempotency-key';
import requireJitter from '../../eslint-plugin/src/rules/require-jitter';

// Library adapter: ky (eslint-plugin/src/analysis/libraries). Each rule sees the same retry site.
const ruleTester = new RuleTester();

ruleTester.run('require-jitter', requireJitter, {
  valid: [
    { name: "jitter and backoffLimit (shared case lib-ky-jitter-ok)", code: "import ky from 'ky';\nexport const media = ky.create({\n  prefixUrl: 'https://media.test',\n  retry: { limit: 3, jitter: true, backoffLimit: 10_000 },\n});\nexport const thumbnail = (id: string) => media.get(`thumbs/${id}`).blob();" },
    { name: "jitter", code: "import ky from 'ky';\nky.create({ retry: { limit: 3, jitter: true } });" },
    { name: "retry untouched", code: "import ky from 'ky';\nky.create({ prefixUrl: 'https://a.test' });" },
    { name: "retry 0", code: "import ky from 'ky';\nky.get('https://a.test', { retry: 0 });" },
  ],
  invalid: [
    {
      name: "retry limit without jitter",
      code: "import ky from 'ky';\nexport const api = ky.create({\n  retry: { limit: 3 },\n});",
      errors: [{ messageId: 'noJitter', line: 3, column: 3, suggestions: [{ messageId: 'applyLibraryFix', data: { description: "Use full jitter (`jitter: true`)" }, output: "import ky from 'ky';\nexport const api = ky.create({\n  retry: { limit: 3, jitter: true },\n});" }] }],
    },
    {
      name: "number shorthand",
      code: "import ky from 'ky';\nky.get('https://a.test', { retry: 4 });",
      errors: [{ messageId: 'noJitter', line: 2, column: 28, suggestions: [{ messageId: 'applyLibraryFix', data: { description: "Use full jitter (`jitter: true`)" }, output: "import ky from 'ky';\nky.get('https://a.test', { retry: { limit: 4, jitter: true } });" }] }],
    },
    {
      name: "aliased, CommonJS, options in a const",
      code: "const http = require('ky');\nconst options = { retry: { limit: 2, jitter: false } };\nhttp.extend(options);",
      errors: [{ messageId: 'noJitter', line: 2, column: 38, suggestions: [{ messageId: 'applyLibraryFix', data: { description: "Use full jitter (`jitter: true`)" }, output: "const http = require('ky');\nconst options = { retry: { limit: 2, jitter: true } };\nhttp.extend(options);" }] }],
    },
  ],
});

ruleTester.run('require-backoff', requireBackoff, {
  valid: [
    { name: "default delay grows", code: "import ky from 'ky';\nky.create({ retry: { limit: 3, jitter: true } });" },
  ],
  invalid: [
    {
      name: "constant delay function",
      code: "import ky from 'ky';\nky.create({ retry: { limit: 3, jitter: true, delay: () => 1000 } });",
      errors: [{ messageId: 'constantDelay', line: 2, column: 46 }],
    },
  ],
});

ruleTester.run('require-idempotency-key', requireIdempotencyKey, {
  valid: [
  ],
  invalid: [
    {
      name: "post in methods",
      code: "import ky from 'ky';\nky.create({ retry: { jitter: true, methods: ['get', 'post'] } });",
      errors: [{ messageId: 'missingKey', line: 2, column: 53, suggestions: [{ messageId: 'applyLibraryFix', data: { description: "Do not retry POST requests" }, output: "import ky from 'ky';\nky.create({ retry: { jitter: true, methods: ['get'] } });" }] }],
    },
  ],
});

ruleTester.run('no-retry-on-client-error', noRetryOnClientError, {
  valid: [
  ],
  invalid: [
    {
      name: "shouldRetry accepts everything",
      code: "import ky from 'ky';\nky.create({ retry: { jitter: true, shouldRetry: () => true } });",
      errors: [{ messageId: 'retriesEverything', line: 2, column: 36 }],
    },
    {
      name: "401 in statusCodes",
      code: "import ky from 'ky';\nky.create({ retry: { jitter: true, statusCodes: [401, 500] } });",
      errors: [{ messageId: 'retriesClientStatus', line: 2, column: 50, suggestions: [{ messageId: 'applyLibraryFix', data: {description: "Do not retry 401: a retry cannot fix a client error"}, output: "import ky from 'ky';\nky.create({ retry: { jitter: true, statusCodes: [500] } });" }] }],
    },
  ],
});
