import { RuleTester } from '@typescript-eslint/rule-tester';
import noRetryOnClientError from '../../eslint-plugin/src/rules/no-retry-on-client-error';
import noUnboundedRetry from '../../eslint-plugin/src/rules/no-unbounded-retry';
import requireBackoff from '../../eslint-plugin/src/rules/require-backoff';
import requireIdempotencyKey from '../../eslint-plugin/src/rules/require-idempotency-key';
import requireJitter from '../../eslint-plugin/src/rules/require-jitter';
import requireMaxDelay from '../../eslint-plugin/src/rules/require-max-delay';
import respectRetryAfter from '../../eslint-plugin/src/rules/respect-retry-after';

const ruleTester = new RuleTester();

ruleTester.run('require-jitter', requireJitter, {
  valid: [
    // A custom retry function decides the delay itself.
    "import { Agent, RetryAgent } from 'undici';\ndeclare function decide(...a: unknown[]): void;\nnew RetryAgent(new Agent(), { retry: decide });",
    // Options built at run time.
    "import { Agent, RetryAgent } from 'undici';\ndeclare function options(): any;\nnew RetryAgent(new Agent(), options());",
    // Not undici.
    'class RetryAgent { constructor(_a: unknown) {} }\nnew RetryAgent({});',
  ],
  invalid: [
    {
      name: 'defaults: exponential without jitter',
      code: "import { Agent, RetryAgent } from 'undici';\nexport const agent = new RetryAgent(new Agent());",
      errors: [{ messageId: 'noJitter', line: 2, column: 22 }],
    },
    {
      name: 'interceptor, CommonJS namespace',
      code: "const undici = require('undici');\nconst d = new undici.Agent().compose(undici.interceptors.retry({ maxRetries: 3 }));",
      errors: [{ messageId: 'noJitter', line: 2, column: 38 }],
    },
  ],
});

ruleTester.run('require-backoff', requireBackoff, {
  valid: ["import { interceptors } from 'undici';\ninterceptors.retry({ minTimeout: 200, timeoutFactor: 3 });"],
  invalid: [
    {
      name: 'timeoutFactor 1, aliased import, options through a const',
      code: "import { interceptors as ix } from 'undici';\nconst opts = { maxRetries: 3, timeoutFactor: 1 };\nix.retry(opts);",
      errors: [{ messageId: 'constantDelay', line: 2, column: 31 }],
    },
  ],
});

ruleTester.run('require-max-delay', requireMaxDelay, {
  valid: ["import { interceptors } from 'undici';\ninterceptors.retry({ maxRetries: 20 });"],
  invalid: [
    {
      code: "import { interceptors } from 'undici';\ninterceptors.retry({ maxRetries: 20, maxTimeout: 600_000 });",
      errors: [{ messageId: 'delayTooLong', line: 2, column: 38 }],
    },
  ],
});

ruleTester.run('no-unbounded-retry', noUnboundedRetry, {
  valid: ["import { interceptors } from 'undici';\ninterceptors.retry({ maxRetries: 2 });"],
  invalid: [
    {
      code: "import { interceptors } from 'undici';\ninterceptors.retry({ maxRetries: Infinity });",
      errors: [{ messageId: 'unboundedRetry', line: 2, column: 22, suggestions: [{ messageId: 'applyLibraryFix', data: { description: "Retry at most 5 times (`maxRetries: 5`, undici's default)" }, output: "import { interceptors } from 'undici';\ninterceptors.retry({ maxRetries: 5 });" }] }],
    },
  ],
});

ruleTester.run('require-idempotency-key', requireIdempotencyKey, {
  valid: ["import { interceptors } from 'undici';\ninterceptors.retry({ methods: ['GET', 'PUT'] });"],
  invalid: [
    {
      code: "import { interceptors } from 'undici';\ninterceptors.retry({ methods: ['GET', 'POST'] });",
      errors: [
        {
          messageId: 'missingKey',
          line: 2,
          column: 39,
          suggestions: [{ messageId: 'applyLibraryFix', data: { description: 'Do not retry POST requests' }, output: "import { interceptors } from 'undici';\ninterceptors.retry({ methods: ['GET'] });" }],
        },
      ],
    },
  ],
});

ruleTester.run('respect-retry-after', respectRetryAfter, {
  valid: ["import { interceptors } from 'undici';\ninterceptors.retry({ statusCodes: [429, 503] });"],
  invalid: [
    {
      code: "import { interceptors } from 'undici';\ninterceptors.retry({ statusCodes: [429, 503], retryAfter: false });",
      errors: [
        {
          messageId: 'ignoresRetryAfter',
          line: 2,
          column: 22,
          suggestions: [{ messageId: 'applyLibraryFix', data: { description: 'Honour Retry-After (`retryAfter: true`)' }, output: "import { interceptors } from 'undici';\ninterceptors.retry({ statusCodes: [429, 503], retryAfter: true });" }],
        },
      ],
    },
  ],
});

ruleTester.run('no-retry-on-client-error', noRetryOnClientError, {
  valid: ["import { interceptors } from 'undici';\ninterceptors.retry({ statusCodes: [408, 429, 500, 502] });"],
  invalid: [
    {
      code: "import { interceptors } from 'undici';\ninterceptors.retry({ statusCodes: [404, 500] });",
      errors: [{ messageId: 'retriesClientStatus', line: 2, column: 36, suggestions: [{ messageId: 'applyLibraryFix', data: { description: 'Do not retry 404: a retry cannot fix a client error' }, output: "import { interceptors } from 'undici';\ninterceptors.retry({ statusCodes: [500] });" }] }],
    },
    {
      // A list declared apart may serve other calls: no removal offered.
      code: "import { interceptors } from 'undici';\nconst codes = [404, 500];\ninterceptors.retry({ statusCodes: codes });",
      errors: [{ messageId: 'retriesClientStatus', line: 2, column: 16, suggestions: [] }],
    },
  ],
});
