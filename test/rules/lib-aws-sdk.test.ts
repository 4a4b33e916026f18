import { RuleTester } from '@typescript-eslint/rule-tester';
import noUnboundedRetry from '../../eslint-plugin/src/rules/no-unbounded-retry';
import requireBackoff from '../../eslint-plugin/src/rules/require-backoff';
import requireJitter from '../../eslint-plugin/src/rules/require-jitter';

const ruleTester = new RuleTester();

const FIX_1000 = '(attempt) => Math.random() * Math.min(1000 * 2 ** attempt, 20_000)';

ruleTester.run('require-jitter', requireJitter, {
  valid: [
    // Built-in retry untouched.
    "import { S3Client } from '@aws-sdk/client-s3';\nnew S3Client({ region: 'eu-west-1' });",
    // Standard mode: full jitter, capped at 20 s.
    "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nnew DynamoDBClient({ maxAttempts: 6, retryMode: 'adaptive' });",
    "import { StandardRetryStrategy } from '@smithy/util-retry';\nimport { SQSClient } from '@aws-sdk/client-sqs';\nnew SQSClient({ retryStrategy: new StandardRetryStrategy(5) });",
    // A jittered delay function.
    "import { ConfiguredRetryStrategy } from '@smithy/util-retry';\nnew ConfiguredRetryStrategy(4, (n) => Math.random() * Math.min(100 * 2 ** n, 10_000));",
  ],
  invalid: [
    {
      name: 'constant delay, strategy in a const passed to the client',
      code: `import { S3Client } from '@aws-sdk/client-s3';\nimport { ConfiguredRetryStrategy } from '@smithy/util-retry';\nconst strategy = new ConfiguredRetryStrategy(6, 1000);\nexport const s3 = new S3Client({ retryStrategy: strategy });`,
      errors: [
        {
          messageId: 'noJitter',
          line: 3,
          column: 49,
          suggestions: [
            {
              messageId: 'applyLibraryFix',
              data: { description: 'Use exponential backoff with full jitter, capped at 20 s' },
              output: `import { S3Client } from '@aws-sdk/client-s3';\nimport { ConfiguredRetryStrategy } from '@smithy/util-retry';\nconst strategy = new ConfiguredRetryStrategy(6, ${FIX_1000});\nexport const s3 = new S3Client({ retryStrategy: strategy });`,
            },
          ],
        },
      ],
    },
    {
      name: 'default delay of ConfiguredRetryStrategy is constant (CommonJS, aliased)',
      code: "const { ConfiguredRetryStrategy: Configured } = require('@aws-sdk/util-retry');\nnew Configured(3);",
      errors: [
        {
          messageId: 'noJitter',
          line: 2,
          column: 1,
          suggestions: [
            {
              messageId: 'applyLibraryFix',
              data: { description: 'Use exponential backoff with full jitter, capped at 20 s' },
              output: "const { ConfiguredRetryStrategy: Configured } = require('@aws-sdk/util-retry');\nnew Configured(3, (attempt) => Math.random() * Math.min(100 * 2 ** attempt, 20_000));",
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('require-backoff', requireBackoff, {
  valid: ["import { ConfiguredRetryStrategy } from '@smithy/util-retry';\nnew ConfiguredRetryStrategy(4, (n) => Math.random() * 100 * 2 ** n);"],
  invalid: [
    {
      code: "import * as retry from '@smithy/util-retry';\nnew retry.ConfiguredRetryStrategy(6, 1000);",
      errors: [
        {
          messageId: 'constantDelay',
          line: 2,
          column: 38,
          suggestions: [
            {
              messageId: 'applyLibraryFix',
              data: { description: 'Use exponential backoff with full jitter, capped at 20 s' },
              output: `import * as retry from '@smithy/util-retry';\nnew retry.ConfiguredRetryStrategy(6, ${FIX_1000});`,
            },
          ],
        },
      ],
    },
    {
      name: 'zero delay: no wait',
      code: "import { ConfiguredRetryStrategy } from '@smithy/util-retry';\nnew ConfiguredRetryStrategy(3, 0);",
      errors: [{ messageId: 'noWait', line: 2, column: 32 }],
    },
  ],
});

ruleTester.run('no-unbounded-retry', noUnboundedRetry, {
  valid: [
    "import { S3Client } from '@aws-sdk/client-s3';\nconst config = { region: 'x', maxAttempts: 10 };\nnew S3Client(config);",
    "import { S3Client } from '@aws-sdk/client-s3';\ndeclare const base: object;\nnew S3Client({ ...base, retryMode: 'standard' });",
  ],
  invalid: [
    {
      name: 'client config through a const',
      code: "import { LambdaClient as Lambda } from '@aws-sdk/client-lambda';\nconst config = { region: 'x', maxAttempts: Infinity };\nnew Lambda(config);",
      errors: [
        {
          messageId: 'unboundedRetry',
          line: 2,
          column: 31,
          suggestions: [
            {
              messageId: 'applyLibraryFix',
              data: { description: 'Stop after 5 attempts (`maxAttempts: 5`)' },
              output: "import { LambdaClient as Lambda } from '@aws-sdk/client-lambda';\nconst config = { region: 'x', maxAttempts: 5 };\nnew Lambda(config);",
            },
          ],
        },
      ],
    },
  ],
});
