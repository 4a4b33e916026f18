import { RuleTester } from '@typescript-eslint/rule-tester';
import noRetryOnClientError from '../../eslint-plugin/src/rules/no-retry-on-client-error';
import noUnboundedRetry from '../../eslint-plugin/src/rules/no-unbounded-retry';
import requireBackoff from '../../eslint-plugin/src/rules/require-backoff';
import requireIdempotencyKey from '../../eslint-plugin/src/rules/require-idempotency-key';
import requireJitter from '../../eslint-plugin/src/rules/require-jitter';

// Library adapter: axios-retry (eslint-plugin/src/analysis/libraries). Each rule sees the same retry site.
const ruleTester = new RuleTester();

ruleTester.run('require-backoff', requireBackoff, {
  valid: [
    { name: "exponential delay on an instance used for GETs (shared case lib-axios-retry-ok)", code: "import axios from 'axios';\nimport axiosRetry from 'axios-retry';\nconst reports = axios.create({ baseURL: 'https://reports.test' });\naxiosRetry(reports, { retries: 3, retryDelay: axiosRetry.exponentialDelay });\nexport const fetchReport = (id: string) => reports.get(`/v2/reports/${id}`);" },
    { name: "exponentialDelay", code: "import axios from 'axios';\nimport axiosRetry from 'axios-retry';\naxiosRetry(axios, { retryDelay: axiosRetry.exponentialDelay });" },
    { name: "named exponentialDelay", code: "import axios from 'axios';\nimport axiosRetry, { exponentialDelay } from 'axios-retry';\naxiosRetry(axios, { retries: 3, retryDelay: exponentialDelay });" },
    { name: "unknown options", code: "import axios from 'axios';\nimport axiosRetry, { type IAxiosRetryConfig } from 'axios-retry';\nexport const setup = (o: IAxiosRetryConfig) => axiosRetry(axios, o);" },
  ],
  invalid: [
    {
      name: "defaults: no delay",
      code: "import axios from 'axios';\nimport axiosRetry from 'axios-retry';\naxiosRetry(axios);",
      errors: [{ messageId: 'noWait', line: 3, column: 1, suggestions: [{ messageId: 'applyLibraryFix', data: { description: "Back off exponentially with jitter (`retryDelay: axiosRetry.exponentialDelay`)" }, output: "import axios from 'axios';\nimport axiosRetry from 'axios-retry';\naxiosRetry(axios, { retryDelay: axiosRetry.exponentialDelay });" }] }],
    },
    {
      name: "aliased import, instance",
      code: "import axios from 'axios';\nimport withRetries from 'axios-retry';\nconst api = axios.create();\nwithRetries(api, { retries: 2 });",
      errors: [{ messageId: 'noWait', line: 4, column: 20, suggestions: [{ messageId: 'applyLibraryFix', data: { description: "Back off exponentially with jitter (`retryDelay: withRetries.exponentialDelay`)" }, output: "import axios from 'axios';\nimport withRetries from 'axios-retry';\nconst api = axios.create();\nwithRetries(api, { retries: 2, retryDelay: withRetries.exponentialDelay });" }] }],
    },
    {
      name: "CommonJS require, options through a const",
      code: "const axios = require('axios');\nconst axiosRetry = require('axios-retry').default;\nconst options = { retries: 5 };\naxiosRetry(axios, options);",
      errors: [{ messageId: 'noWait', line: 3, column: 19, suggestions: [{ messageId: 'applyLibraryFix', data: { description: "Back off exponentially with jitter (`retryDelay: axiosRetry.exponentialDelay`)" }, output: "const axios = require('axios');\nconst axiosRetry = require('axios-retry').default;\nconst options = { retries: 5, retryDelay: axiosRetry.exponentialDelay };\naxiosRetry(axios, options);" }] }],
    },
  ],
});

ruleTester.run('require-jitter', requireJitter, {
  valid: [
  ],
  invalid: [
    {
      name: "delay function without randomness",
      code: "import axios from 'axios';\nimport axiosRetry from 'axios-retry';\naxiosRetry(axios, { retries: 3, retryDelay: (n) => n * 1000 });",
      errors: [{ messageId: 'noJitter', line: 3, column: 33, suggestions: [{ messageId: 'applyLibraryFix', data: { description: "Back off exponentially with jitter (`retryDelay: axiosRetry.exponentialDelay`)" }, output: "import axios from 'axios';\nimport axiosRetry from 'axios-retry';\naxiosRetry(axios, { retries: 3, retryDelay: axiosRetry.exponentialDelay });" }] }],
    },
    {
      name: "linearDelay",
      code: "import axios from 'axios';\nimport axiosRetry from 'axios-retry';\naxiosRetry(axios, { retries: 3, retryDelay: axiosRetry.linearDelay(1000) });",
      errors: [{ messageId: 'noJitter', line: 3, column: 33, suggestions: [{ messageId: 'applyLibraryFix', data: { description: "Back off exponentially with jitter (`retryDelay: axiosRetry.exponentialDelay`)" }, output: "import axios from 'axios';\nimport axiosRetry from 'axios-retry';\naxiosRetry(axios, { retries: 3, retryDelay: axiosRetry.exponentialDelay });" }] }],
    },
  ],
});

ruleTester.run('require-idempotency-key', requireIdempotencyKey, {
  valid: [
    { name: "default condition, GET only", code: "import axios from 'axios';\nimport axiosRetry from 'axios-retry';\nconst api = axios.create();\naxiosRetry(api, { retryDelay: axiosRetry.exponentialDelay });\nexport const get = () => api.get('/x');" },
    { name: "isIdempotentRequestError", code: "import axios from 'axios';\nimport axiosRetry from 'axios-retry';\nconst api = axios.create();\naxiosRetry(api, { retryDelay: axiosRetry.exponentialDelay, retryCondition: axiosRetry.isIdempotentRequestError });\nexport const add = (o: object) => api.post('/x', o);" },
    { name: "POST with a key", code: "import axios from 'axios';\nimport axiosRetry from 'axios-retry';\nconst api = axios.create();\naxiosRetry(api, { retryDelay: axiosRetry.exponentialDelay });\nexport const add = (o: object, key: string) => api.post('/x', o, { headers: { 'Idempotency-Key': key } });" },
    { name: "another instance posts", code: "import axios from 'axios';\nimport axiosRetry from 'axios-retry';\nconst api = axios.create();\nconst other = axios.create();\naxiosRetry(api, { retryDelay: axiosRetry.exponentialDelay });\nexport const add = (o: object) => other.post('/x', o);" },
  ],
  invalid: [
    {
      name: "default condition retries POST on network errors",
      code: "import axios from 'axios';\nimport axiosRetry from 'axios-retry';\nconst api = axios.create();\naxiosRetry(api, { retryDelay: axiosRetry.exponentialDelay });\nexport const add = (o: object) => api.post('/x', o);",
      errors: [{ messageId: 'libraryRetriesRequest', line: 5, column: 35 }],
    },
    {
      name: "condition accepts everything",
      code: "import axios from 'axios';\nimport axiosRetry from 'axios-retry';\nconst api = axios.create();\naxiosRetry(api, {\n  retryDelay: axiosRetry.exponentialDelay,\n  retryCondition: () => true,\n});\nexport const add = (o: object) => api.patch('/x', o);",
      errors: [{ messageId: 'conditionRetriesNonIdempotent', line: 6, column: 3, suggestions: [{ messageId: 'applyLibraryFix', data: { description: 'Retry only idempotent methods (GET, HEAD, OPTIONS, PUT, DELETE), the condition otherwise kept' }, output: "import axios from 'axios';\nimport axiosRetry from 'axios-retry';\nconst api = axios.create();\naxiosRetry(api, {\n  retryDelay: axiosRetry.exponentialDelay,\n  retryCondition: (error) => ['get', 'head', 'options', 'put', 'delete'].includes(error.config?.method ?? ''),\n});\nexport const add = (o: object) => api.patch('/x', o);" }] }],
    },
  ],
});

ruleTester.run('no-retry-on-client-error', noRetryOnClientError, {
  valid: [
    { name: "default condition", code: "import axios from 'axios';\nimport axiosRetry from 'axios-retry';\naxiosRetry(axios, { retryDelay: axiosRetry.exponentialDelay });" },
  ],
  invalid: [
    {
      name: "condition accepts everything",
      code: "import axios from 'axios';\nimport axiosRetry from 'axios-retry';\naxiosRetry(axios, {\n  retryDelay: axiosRetry.exponentialDelay,\n  retryCondition: () => true,\n});",
      errors: [{ messageId: 'retriesEverything', line: 5, column: 3, suggestions: [{ messageId: 'applyLibraryFix', data: { description: "Retry only network errors, 429 and 5xx (`axiosRetry.isRetryableError`)" }, output: "import axios from 'axios';\nimport axiosRetry from 'axios-retry';\naxiosRetry(axios, {\n  retryDelay: axiosRetry.exponentialDelay,\n  retryCondition: axiosRetry.isRetryableError,\n});" }] }],
    },
  ],
});

ruleTester.run('no-unbounded-retry', noUnboundedRetry, {
  valid: [
  ],
  invalid: [
    {
      name: "retries Infinity",
      code: "import axios from 'axios';\nimport axiosRetry from 'axios-retry';\naxiosRetry(axios, { retries: Infinity, retryDelay: () => 1000 });",
      errors: [{ messageId: 'unboundedRetry', line: 3, column: 21, suggestions: [{ messageId: 'applyLibraryFix', data: { description: "Retry at most 3 times (`retries: 3`)" }, output: "import axios from 'axios';\nimport axiosRetry from 'axios-retry';\naxiosRetry(axios, { retries: 3, retryDelay: () => 1000 });" }] }],
    },
  ],
});
