import { RuleTester } from '@typescript-eslint/rule-tester';
import noUnboundedRetry from '../../eslint-plugin/src/rules/no-unbounded-retry';
import requireBackoff from '../../eslint-plugin/src/rules/require-backoff';
import requireJitter from '../../eslint-plugin/src/rules/require-jitter';
import requireMaxDelay from '../../eslint-plugin/src/rules/require-max-delay';

// Library adapter: kafkajs retry options (eslint-plugin/src/analysis/libraries/described.ts). Each rule sees the same retry site.
const ruleTester = new RuleTester();

ruleTester.run('require-jitter', requireJitter, {
  valid: [
    "import { Kafka } from 'kafkajs';\nnew Kafka({ brokers: [], retry: { retries: 4 } });",
    "import { Kafka } from 'kafkajs';\nnew Kafka({ brokers: [] });",
  ],
  invalid: [
    { name: "factor 0", code: "import { Kafka } from 'kafkajs';\nnew Kafka({\n  brokers: [],\n  retry: { retries: 4, factor: 0 },\n});", errors: [{ messageId: 'noJitter', line: 4 }] },
    { name: "producer retry", code: "import { Kafka } from 'kafkajs';\nconst kafka = new Kafka({ brokers: [] });\nkafka.producer({ retry: { factor: 0 } });", errors: [{ messageId: 'noJitter', line: 3 }] },
  ],
});

ruleTester.run('require-backoff', requireBackoff, {
  valid: [
    "import { Kafka } from 'kafkajs';\nnew Kafka({ brokers: [], retry: { multiplier: 1.5 } });",
  ],
  invalid: [
    { name: "multiplier 1", code: "import { Kafka } from 'kafkajs';\nnew Kafka({ brokers: [], retry: { multiplier: 1 } });", errors: [{ messageId: 'constantDelay', line: 2 }] },
  ],
});

ruleTester.run('no-unbounded-retry', noUnboundedRetry, {
  valid: [
    "import { Kafka } from 'kafkajs';\nnew Kafka({ brokers: [], retry: { retries: 10 } });",
  ],
  invalid: [
    { name: "retries Infinity", code: "import { Kafka } from 'kafkajs';\nnew Kafka({ brokers: [], retry: { retries: Infinity } });", errors: [{ messageId: 'unboundedRetry', line: 2 }] },
  ],
});

ruleTester.run('require-max-delay', requireMaxDelay, {
  valid: [
    "import { Kafka } from 'kafkajs';\nnew Kafka({ brokers: [], retry: { retries: 50 } });",
  ],
  invalid: [
    { name: "cap above maxDelayMs", code: "import { Kafka } from 'kafkajs';\nnew Kafka({ brokers: [], retry: { retries: 20, maxRetryTime: 300000 } });", errors: [{ messageId: 'delayTooLong', line: 2 }] },
  ],
});
