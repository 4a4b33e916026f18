import { RuleTester } from '@typescript-eslint/rule-tester';
import requireBackoff from '../../eslint-plugin/src/rules/require-backoff';
import requireIdempotencyKey from '../../eslint-plugin/src/rules/require-idempotency-key';
import respectRetryAfter from '../../eslint-plugin/src/rules/respect-retry-after';

// Library adapter: ofetch (eslint-plugin/src/analysis/libraries). Each rule sees the same retry site.
const ruleTester = new RuleTester();

ruleTester.run('require-backoff', requireBackoff, {
  valid: [
    { name: "retry untouched", code: "import { ofetch } from 'ofetch';\nofetch('https://a.test');" },
    { name: "retry false", code: "import { ofetch } from 'ofetch';\nofetch('https://a.test', { retry: false });" },
  ],
  invalid: [
    {
      name: "retry without delay",
      code: "import { ofetch } from 'ofetch';\nofetch('https://a.test', { retry: 3 });",
      errors: [{ messageId: 'noWait', line: 2, column: 28 }],
    },
    {
      name: "constant delay, aliased",
      code: "import { $fetch as get } from 'ofetch';\nget('https://a.test', { retry: 3, retryDelay: 500 });",
      errors: [{ messageId: 'constantDelay', line: 2, column: 35 }],
    },
    {
      name: "CommonJS create, options in a const",
      code: "const { ofetch } = require('ofetch');\nconst defaults = { retry: 2, retryDelay: 1000 };\nmodule.exports = ofetch.create(defaults);",
      errors: [{ messageId: 'constantDelay', line: 2, column: 30 }],
    },
  ],
});

ruleTester.run('require-idempotency-key', requireIdempotencyKey, {
  valid: [
    { name: "GET", code: "import { ofetch } from 'ofetch';\nofetch('https://a.test', { retry: 3, retryDelay: () => Math.random() * 1000 });" },
  ],
  invalid: [
    {
      name: "POST with explicit retry",
      code: "import { ofetch } from 'ofetch';\nofetch('https://a.test', { method: 'POST', retry: 3, retryDelay: () => Math.random() * 1000 });",
      errors: [{ messageId: 'missingKey', line: 2, column: 1 }],
    },
  ],
});

ruleTester.run('respect-retry-after', respectRetryAfter, {
  valid: [{ name: "no 429 or 503 listed", code: "import { ofetch } from 'ofetch';\nofetch.create({ retry: 3, retryStatusCodes: [500, 502, 504] });" }],
  invalid: [
    {
      name: "429 and 503 in one status list: one finding, at the first",
      code: "import { ofetch } from 'ofetch';\nofetch.create({ retry: 3, retryDelay: 500, retryStatusCodes: [408, 429, 502, 503] });",
      errors: [{ messageId: 'ignoresRetryAfter', line: 2, column: 68 }],
    },
  ],
});
