import { RuleTester } from '@typescript-eslint/rule-tester';
import noRetryOnClientError from '../../eslint-plugin/src/rules/no-retry-on-client-error';
import noUnboundedRetry from '../../eslint-plugin/src/rules/no-unbounded-retry';
import requireBackoff from '../../eslint-plugin/src/rules/require-backoff';
import requireIdempotencyKey from '../../eslint-plugin/src/rules/require-idempotency-key';

// Library adapter: superagent (eslint-plugin/src/analysis/libraries). Each rule sees the same retry site.
const ruleTester = new RuleTester();

ruleTester.run('require-backoff', requireBackoff, {
  valid: [
    { name: "no retry", code: "import superagent from 'superagent';\nsuperagent.get('https://a.test').then(() => {});" },
    { name: "retry(0)", code: "import superagent from 'superagent';\nsuperagent.get('https://a.test').retry(0);" },
  ],
  invalid: [
    {
      name: "retry",
      code: "import superagent from 'superagent';\nsuperagent.get('https://a.test').retry(3);",
      errors: [{ messageId: 'noWait', line: 2, column: 34 }],
    },
    {
      name: "aliased, CommonJS",
      code: "const request = require('superagent');\nrequest.get('https://a.test').set('Accept', 'application/json').retry();",
      errors: [{ messageId: 'noWait', line: 2, column: 65 }],
    },
    {
      name: "count through a const",
      code: "import * as sa from 'superagent';\nconst RETRIES = 2;\nsa.get('https://a.test').retry(RETRIES);",
      errors: [{ messageId: 'noWait', line: 3, column: 26 }],
    },
  ],
});

ruleTester.run('require-idempotency-key', requireIdempotencyKey, {
  valid: [
    { name: "POST with key", code: "import superagent from 'superagent';\nexport const add = (k: string) => superagent.post('https://a.test').set('Idempotency-Key', k).retry(2);" },
  ],
  invalid: [
    {
      name: "POST",
      code: "import superagent from 'superagent';\nexport const add = (b: object) => superagent.post('https://a.test').send(b).retry(2);",
      errors: [{ messageId: 'missingKey', line: 2, column: 35 }],
    },
  ],
});

ruleTester.run('no-unbounded-retry', noUnboundedRetry, {
  valid: [
  ],
  invalid: [
    {
      name: "Infinity",
      code: "import superagent from 'superagent';\nsuperagent.get('https://a.test').retry(Infinity);",
      errors: [{ messageId: 'unboundedRetry', line: 2, column: 40 }],
    },
  ],
});

ruleTester.run('no-retry-on-client-error', noRetryOnClientError, {
  valid: [
  ],
  invalid: [
    {
      name: "callback accepts everything",
      code: "import superagent from 'superagent';\nsuperagent.get('https://a.test').retry(2, () => true);",
      errors: [{ messageId: 'retriesEverything', line: 2, column: 43 }],
    },
  ],
});
