import { RuleTester } from '@typescript-eslint/rule-tester';
import noRetryOnClientError from '../../eslint-plugin/src/rules/no-retry-on-client-error';
import noUnboundedRetry from '../../eslint-plugin/src/rules/no-unbounded-retry';
import requireJitter from '../../eslint-plugin/src/rules/require-jitter';
import requireMaxDelay from '../../eslint-plugin/src/rules/require-max-delay';

const ruleTester = new RuleTester();

ruleTester.run('no-unbounded-retry', noUnboundedRetry, {
  valid: [
    // Handlers that count.
    "import { Octokit } from '@octokit/core';\nimport { throttling } from '@octokit/plugin-throttling';\nconst GH = Octokit.plugin(throttling);\nnew GH({ throttle: { onRateLimit: (after: number, o: any, k: unknown, retryCount: number) => retryCount < 2, onSecondaryRateLimit: (_a: number, options: any) => options.request.retryCount === 0 } });",
    // Handlers that never retry.
    "import { Octokit } from '@octokit/core';\nimport { throttling } from '@octokit/plugin-throttling';\nnew (Octokit.plugin(throttling))({ throttle: { onRateLimit: () => false, onSecondaryRateLimit: () => { console.warn('limited'); } } });",
    // No throttling plugin: the option does nothing.
    "import { Octokit } from '@octokit/core';\nnew Octokit({ throttle: { onRateLimit: () => true } });",
  ],
  invalid: [
    {
      name: 'handler always retries; handlers through a const config (octokit bundles throttling)',
      code: "import { Octokit } from 'octokit';\nconst config = { throttle: { onRateLimit: () => true, onSecondaryRateLimit: () => false } };\nnew Octokit(config);",
      errors: [
        {
          messageId: 'unboundedRetry',
          line: 2,
          column: 30,
          suggestions: [
            {
              messageId: 'applyLibraryFix',
              data: { description: 'Retry once (`retryCount < 1`)' },
              output: "import { Octokit } from 'octokit';\nconst config = { throttle: { onRateLimit: (retryAfter, options, octokit, retryCount) => retryCount < 1, onSecondaryRateLimit: () => false } };\nnew Octokit(config);",
            },
          ],
        },
      ],
    },
    {
      name: 'CommonJS, chained plugins, aliased, block-bodied handler',
      code: "const { Octokit: Core } = require('@octokit/rest');\nconst { throttling } = require('@octokit/plugin-throttling');\nconst { retry } = require('@octokit/plugin-retry');\nconst GH = Core.plugin(retry).plugin(throttling);\nnew GH({ retry: { doNotRetry: [400, 401, 403, 404, 410, 422, 451] }, throttle: { onRateLimit(after: number) { console.log(after); return true; }, onSecondaryRateLimit: () => false } });",
      errors: [{ messageId: 'unboundedRetry', line: 5, column: 82 }],
    },
  ],
});

ruleTester.run('require-jitter', requireJitter, {
  valid: [
    // octokit's built-in retry, untouched.
    "import { Octokit } from 'octokit';\nnew Octokit({ auth: 'x' });",
    "import { Octokit } from '@octokit/core';\nimport { retry } from '@octokit/plugin-retry';\nconst GH = Octokit.plugin(retry);\nnew GH({ retry: { enabled: false } });",
  ],
  invalid: [
    {
      name: 'the retry plugin added: quadratic schedule, no jitter',
      code: "import { Octokit } from '@octokit/core';\nimport { retry as retryPlugin } from '@octokit/plugin-retry';\nconst GH = Octokit.plugin(retryPlugin);\nexport const gh = new GH({ auth: 'x' });",
      errors: [{ messageId: 'noJitter', line: 4, column: 19 }],
    },
  ],
});

ruleTester.run('require-max-delay', requireMaxDelay, {
  valid: [
    "import { Octokit } from 'octokit';\nnew Octokit({ retry: { retries: 5 } });",
    // retries computed at run time: an unknown, not a finding.
    "import { Octokit } from 'octokit';\nnew Octokit({ retry: { retries: Number(process.env.RETRIES) } });",
  ],
  invalid: [
    {
      name: '10 retries wait up to 100 s',
      code: "import { Octokit } from 'octokit';\nnew Octokit({ retry: { retries: 10 } });",
      errors: [{ messageId: 'delayTooLong', line: 2, column: 24 }],
    },
  ],
});

ruleTester.run('no-retry-on-client-error', noRetryOnClientError, {
  valid: ["import { Octokit } from 'octokit';\nnew Octokit({ retry: { doNotRetry: [400, 401, 403, 404, 409, 410, 422, 451] } });"],
  invalid: [
    {
      code: "import { Octokit } from 'octokit';\nnew Octokit({ retry: { doNotRetry: [404] } });",
      errors: [{ messageId: 'retriesClientStatus', line: 2, column: 24 }],
    },
  ],
});
