import { RuleTester } from '@typescript-eslint/rule-tester';
import noUnboundedRetry from '../../eslint-plugin/src/rules/no-unbounded-retry';
import requireBackoff from '../../eslint-plugin/src/rules/require-backoff';
import requireJitter from '../../eslint-plugin/src/rules/require-jitter';

// Library adapter: NestJS microservices' `retryAttempts` / `retryDelay` transport options
// (eslint-plugin/src/analysis/libraries/described.ts, nestMicroservicesSpec).
const ruleTester = new RuleTester();

const server = (options: string): string => `import { NestFactory } from '@nestjs/core';\nimport { Transport } from '@nestjs/microservices';\nNestFactory.createMicroservice(AppModule, {\n  transport: Transport.TCP,\n  options: ${options},\n});`;

ruleTester.run('require-backoff', requireBackoff, {
  valid: [
    // `retryAttempts` unset: Nest never listens again (default 0).
    server('{ port: 4000, retryDelay: 1000 }'),
    // Another @nestjs/core call with options of that shape is not a transport.
    "import { NestFactory } from '@nestjs/core';\nNestFactory.create(AppModule, { options: { retryAttempts: 3, retryDelay: 100 } });",
  ],
  invalid: [
    { name: 'a fixed retryDelay', code: server('{ retryAttempts: 5, retryDelay: 3000 }'), errors: [{ messageId: 'constantDelay', line: 5 }] },
    { name: 'retryDelay unset: at once', code: server('{ retryAttempts: 5 }'), errors: [{ messageId: 'noWait', line: 5 }] },
    {
      name: 'a client proxy',
      code: "import { ClientProxyFactory, Transport } from '@nestjs/microservices';\nClientProxyFactory.create({\n  transport: Transport.REDIS,\n  options: { retryAttempts: 3, retryDelay: 500 },\n});",
      errors: [{ messageId: 'constantDelay', line: 4 }],
    },
  ],
});

ruleTester.run('require-jitter', requireJitter, {
  valid: [server('{ retryAttempts: 5 }')],
  invalid: [{ name: 'no spread on the fixed wait', code: server('{ retryAttempts: 5, retryDelay: 3000 }'), errors: [{ messageId: 'noJitter', line: 5 }] }],
});

ruleTester.run('no-unbounded-retry', noUnboundedRetry, {
  valid: [server('{ retryAttempts: 5, retryDelay: 3000 }')],
  invalid: [{ name: 'retryAttempts Infinity', code: server('{ retryAttempts: Infinity, retryDelay: 3000 }'), errors: [{ messageId: 'unboundedRetry', line: 5 }] }],
});
