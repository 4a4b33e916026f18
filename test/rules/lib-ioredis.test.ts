import { RuleTester } from '@typescript-eslint/rule-tester';
import noUnboundedRetry from '../../eslint-plugin/src/rules/no-unbounded-retry';
import requireBackoff from '../../eslint-plugin/src/rules/require-backoff';
import requireJitter from '../../eslint-plugin/src/rules/require-jitter';

// Library adapter: ioredis retryStrategy (eslint-plugin/src/analysis/libraries/reconnect.ts). Each rule sees the same retry site.
const ruleTester = new RuleTester();

ruleTester.run('require-jitter', requireJitter, {
  valid: [
    "import Redis from 'ioredis';\nnew Redis();",
    "import Redis from 'ioredis';\nnew Redis({ retryStrategy: (times) => Math.random() * Math.min(times * 200, 5000) });",
    "import Redis from 'ioredis';\nnew Redis({ retryStrategy: () => null });",
  ],
  invalid: [
    { name: "linear, capped, no jitter", code: "import Redis from 'ioredis';\nnew Redis({\n  retryStrategy: (times) => Math.min(times * 250, 5000),\n});", errors: [{ messageId: 'noJitter', line: 3 }] },
    { name: "cluster", code: "import Redis from 'ioredis';\nnew Redis.Cluster([], {\n  clusterRetryStrategy: (times) => Math.min(times * 100, 3000),\n});", errors: [{ messageId: 'noJitter', line: 3 }] },
  ],
});

ruleTester.run('require-backoff', requireBackoff, {
  valid: [
    "import Redis from 'ioredis';\nnew Redis({ retryStrategy: (times) => Math.min(times * 250, 5000) });",
  ],
  invalid: [
    { name: "a constant", code: "import Redis from 'ioredis';\nnew Redis({\n  retryStrategy: () => 1000,\n});", errors: [{ messageId: 'constantDelay', line: 3 }] },
  ],
});

ruleTester.run('no-unbounded-retry', noUnboundedRetry, {
  valid: [
    "import Redis from 'ioredis';\nnew Redis();",
    "import Redis from 'ioredis';\nnew Redis({ retryStrategy: (times) => (times > 10 ? null : 1000) });",
  ],
  invalid: [
    // A written strategy that returns a delay on every path reconnects with no limit and no deadline.
    { name: "a strategy that never stops", code: "import Redis from 'ioredis';\nnew Redis({\n  retryStrategy: () => 1000,\n});", errors: [{ messageId: 'unboundedRetry', line: 3 }] },
  ],
});
