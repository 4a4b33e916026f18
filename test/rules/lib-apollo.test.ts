import { RuleTester } from '@typescript-eslint/rule-tester';
import noUnboundedRetry from '../../eslint-plugin/src/rules/no-unbounded-retry';
import requireIdempotencyKey from '../../eslint-plugin/src/rules/require-idempotency-key';
import requireJitter from '../../eslint-plugin/src/rules/require-jitter';
import requireMaxDelay from '../../eslint-plugin/src/rules/require-max-delay';

const ruleTester = new RuleTester();

const SKIP_MUTATIONS = "{ attempts: { retryIf: (error, operation) => !!error && operation.operationType !== 'mutation' } }";

ruleTester.run('require-idempotency-key', requireIdempotencyKey, {
  valid: [
    // retryIf looks at the operation.
    "import { RetryLink } from '@apollo/client/link/retry';\nnew RetryLink({ attempts: { retryIf: (error, op) => !!error && op.operationName !== 'Pay' } });",
    // An attempts function that reads the operation.
    "import { RetryLink } from '@apollo/client/link/retry';\nnew RetryLink({ attempts: (count, operation) => count < 3 && operation.operationType === 'query' });",
    // Options computed at run time.
    "import { RetryLink } from '@apollo/client/link/retry';\ndeclare function opts(): any;\nnew RetryLink(opts());",
  ],
  invalid: [
    {
      name: 'default: mutations are retried',
      code: "import { RetryLink } from '@apollo/client/link/retry';\nexport const link = new RetryLink();",
      errors: [
        {
          messageId: 'missingKey',
          line: 2,
          column: 21,
          suggestions: [
            {
              messageId: 'applyLibraryFix',
              data: { description: 'Do not retry mutations (`operation.operationType`, Apollo Client 4)' },
              output: `import { RetryLink } from '@apollo/client/link/retry';\nexport const link = new RetryLink(${SKIP_MUTATIONS});`,
            },
          ],
        },
      ],
    },
    {
      name: 'CommonJS, aliased, options through a const whose retryIf ignores the operation',
      code: "const { RetryLink: Retry } = require('@apollo/client/link/retry');\nconst options = { attempts: { max: 3, retryIf: (error) => !!error } };\nnew Retry(options);",
      errors: [
        {
          messageId: 'conditionRetriesNonIdempotent',
          line: 2,
          column: 39,
          suggestions: [
            {
              messageId: 'applyLibraryFix',
              data: { description: 'Do not retry mutations (`operation.operationType`, Apollo Client 4)' },
              output: "const { RetryLink: Retry } = require('@apollo/client/link/retry');\nconst options = { attempts: { max: 3, retryIf: (error, operation) => operation.operationType !== 'mutation' && !!error } };\nnew Retry(options);",
            },
          ],
        },
      ],
    },
    {
      name: 'an attempts object without retryIf: the default condition written with the mutation test',
      code: "import { RetryLink } from '@apollo/client/link/retry';\nnew RetryLink({ attempts: { max: 3 } });",
      errors: [
        {
          messageId: 'missingKey',
          suggestions: [
            {
              messageId: 'applyLibraryFix',
              data: { description: 'Do not retry mutations (`operation.operationType`, Apollo Client 4)' },
              output: "import { RetryLink } from '@apollo/client/link/retry';\nnew RetryLink({ attempts: { max: 3, retryIf: (error, operation) => !!error && operation.operationType !== 'mutation' } });",
            },
          ],
        },
      ],
    },
    {
      name: 'a bare-parameter attempts function with a looser body: parenthesised after the mutation test',
      code: "import { RetryLink } from '@apollo/client/link/retry';\nnew RetryLink({ attempts: count => count < 2 || count === 3 });",
      errors: [
        {
          messageId: 'conditionRetriesNonIdempotent',
          suggestions: [
            {
              messageId: 'applyLibraryFix',
              data: { description: 'Do not retry mutations (`operation.operationType`, Apollo Client 4)' },
              output: "import { RetryLink } from '@apollo/client/link/retry';\nnew RetryLink({ attempts: (count, operation) => operation.operationType !== 'mutation' && (count < 2 || count === 3) });",
            },
          ],
        },
      ],
    },
    {
      name: 'options spread from elsewhere, then attempts written: the written retryIf is the one in force and is edited',
      code: "import { RetryLink } from '@apollo/client/link/retry';\ndeclare const base: object;\nnew RetryLink({ ...base, attempts: { max: 3, retryIf: (e) => !!e } });",
      errors: [
        {
          messageId: 'conditionRetriesNonIdempotent',
          suggestions: [
            {
              messageId: 'applyLibraryFix',
              data: { description: 'Do not retry mutations (`operation.operationType`, Apollo Client 4)' },
              output: "import { RetryLink } from '@apollo/client/link/retry';\ndeclare const base: object;\nnew RetryLink({ ...base, attempts: { max: 3, retryIf: (e, operation) => operation.operationType !== 'mutation' && !!e } });",
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-unbounded-retry', noUnboundedRetry, {
  valid: ["import { RetryLink } from '@apollo/client/link/retry';\nnew RetryLink({ attempts: (count, op) => count < 5 && op.operationType === 'query' });"],
  invalid: [
    {
      code: "import { RetryLink } from '@apollo/client/link/retry';\nnew RetryLink({ delay: { max: 10_000 }, attempts: { max: Infinity, retryIf: (e, op) => op.operationType === 'query' } });",
      errors: [
        {
          messageId: 'unboundedRetry',
          line: 2,
          column: 53,
          suggestions: [
            {
              messageId: 'applyLibraryFix',
              data: { description: 'Stop after 5 attempts (`max: 5`)' },
              output: "import { RetryLink } from '@apollo/client/link/retry';\nnew RetryLink({ delay: { max: 10_000 }, attempts: { max: 5, retryIf: (e, op) => op.operationType === 'query' } });",
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('require-jitter', requireJitter, {
  valid: ["import { RetryLink } from '@apollo/client/link/retry';\nnew RetryLink({ delay: { initial: 500 }, attempts: { retryIf: (e, op) => op.operationType === 'query' } });"],
  invalid: [
    {
      code: "import { RetryLink } from '@apollo/client/link/retry';\nnew RetryLink({ delay: { jitter: false }, attempts: { retryIf: (e, op) => op.operationType === 'query' } });",
      errors: [{ messageId: 'noJitter', line: 2, column: 17 }],
    },
  ],
});

ruleTester.run('require-max-delay', requireMaxDelay, {
  valid: [
    "import { RetryLink } from '@apollo/client/link/retry';\nnew RetryLink({ attempts: { max: 8, retryIf: (e, op) => op.operationType === 'query' } });",
    // max computed at run time: an unknown, not a finding.
    "import { RetryLink } from '@apollo/client/link/retry';\ndeclare const limit: number;\nnew RetryLink({ attempts: { max: limit, retryIf: (e, op) => op.operationType === 'query' } });",
  ],
  invalid: [
    {
      name: 'many attempts and no delay.max',
      code: "import { RetryLink } from '@apollo/client/link/retry';\nnew RetryLink({ attempts: { max: 20, retryIf: (e, op) => op.operationType === 'query' } });",
      errors: [{ messageId: 'delayTooLong', line: 2, column: 1 }],
    },
  ],
});
