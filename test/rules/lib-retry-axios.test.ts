import { RuleTester } from '@typescript-eslint/rule-tester';
import noRetryOnClientError from '../../eslint-plugin/src/rules/no-retry-on-client-error';
import requireIdempotencyKey from '../../eslint-plugin/src/rules/require-idempotency-key';
import requireJitter from '../../eslint-plugin/src/rules/require-jitter';

// Library adapter: retry-axios (eslint-plugin/src/analysis/libraries). Each rule sees the same retry site.
const ruleTester = new RuleTester();

ruleTester.run('require-jitter', requireJitter, {
  valid: [
    { name: "full jitter", code: "import axios from 'axios';\nimport * as rax from 'retry-axios';\nconst api = axios.create({ raxConfig: { retry: 3, jitter: 'full' } });\nrax.attach(api);" },
    { name: "per-request raxConfig elsewhere: unknown", code: "import axios from 'axios';\nimport * as rax from 'retry-axios';\nconst api = axios.create();\nrax.attach(api);\nexport const get = () => api.get('/x', { raxConfig: { jitter: 'full' } } as object);" },
  ],
  invalid: [
    {
      name: "defaults",
      code: "import axios from 'axios';\nimport * as rax from 'retry-axios';\nconst api = axios.create();\nrax.attach(api);",
      errors: [{ messageId: 'noJitter', line: 4, column: 1 }],
    },
    {
      name: "defaults.raxConfig without jitter",
      code: "import axios from 'axios';\nimport { attach } from 'retry-axios';\nconst api = axios.create();\napi.defaults.raxConfig = { retry: 4 };\nattach(api);",
      errors: [{ messageId: 'noJitter', line: 5, column: 1, suggestions: [{ messageId: 'applyLibraryFix', data: { description: "Use full jitter (`jitter: 'full'`, retry-axios 4 or later)" }, output: "import axios from 'axios';\nimport { attach } from 'retry-axios';\nconst api = axios.create();\napi.defaults.raxConfig = { retry: 4, jitter: 'full' };\nattach(api);" }] }],
    },
    {
      name: "CommonJS, global axios",
      code: "const axios = require('axios');\nconst rax = require('retry-axios');\naxios.defaults.raxConfig = { retry: 2, jitter: 'none' };\nrax.attach();",
      errors: [{ messageId: 'noJitter', line: 3, column: 40, suggestions: [{ messageId: 'applyLibraryFix', data: { description: "Use full jitter (`jitter: 'full'`, retry-axios 4 or later)" }, output: "const axios = require('axios');\nconst rax = require('retry-axios');\naxios.defaults.raxConfig = { retry: 2, jitter: 'full' };\nrax.attach();" }] }],
    },
  ],
});

ruleTester.run('require-idempotency-key', requireIdempotencyKey, {
  valid: [
  ],
  invalid: [
    {
      name: "POST in httpMethodsToRetry",
      code: "import axios from 'axios';\nimport * as rax from 'retry-axios';\nconst api = axios.create({ raxConfig: { jitter: 'full', httpMethodsToRetry: ['GET', 'POST'] } });\nrax.attach(api);",
      errors: [{ messageId: 'libraryRetriesRequest', line: 3, column: 85, suggestions: [{ messageId: 'applyLibraryFix', data: { description: "Do not retry POST requests" }, output: "import axios from 'axios';\nimport * as rax from 'retry-axios';\nconst api = axios.create({ raxConfig: { jitter: 'full', httpMethodsToRetry: ['GET'] } });\nrax.attach(api);" }] }],
    },
  ],
});

ruleTester.run('no-retry-on-client-error', noRetryOnClientError, {
  valid: [
  ],
  invalid: [
    {
      name: "404 in statusCodesToRetry",
      code: "import axios from 'axios';\nimport * as rax from 'retry-axios';\nconst api = axios.create({ raxConfig: { jitter: 'full', statusCodesToRetry: [[404, 404], [500, 599]] } });\nrax.attach(api);",
      errors: [{ messageId: 'retriesClientStatus', line: 3, column: 78, suggestions: [{ messageId: 'applyLibraryFix', data: {description: "Do not retry 404–404: a retry cannot fix a client error"}, output: "import axios from 'axios';\nimport * as rax from 'retry-axios';\nconst api = axios.create({ raxConfig: { jitter: 'full', statusCodesToRetry: [[500, 599]] } });\nrax.attach(api);" }] }],
    },
  ],
});
