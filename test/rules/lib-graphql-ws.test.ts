import { RuleTester } from '@typescript-eslint/rule-tester';
import noUnboundedRetry from '../../eslint-plugin/src/rules/no-unbounded-retry';
import requireJitter from '../../eslint-plugin/src/rules/require-jitter';

// Library adapter: graphql-ws retryAttempts / retryWait (eslint-plugin/src/analysis/libraries/reconnect.ts). Each rule sees the same retry site.
const ruleTester = new RuleTester();

ruleTester.run('no-unbounded-retry', noUnboundedRetry, {
  valid: [
    "import { createClient } from 'graphql-ws';\ncreateClient({ url: 'wss://a.test', retryAttempts: 5 });",
    "import { createClient } from 'graphql-ws';\ncreateClient({ url: 'wss://a.test' });",
  ],
  invalid: [
    { name: "retryAttempts Infinity", code: "import { createClient } from 'graphql-ws';\ncreateClient({\n  url: 'wss://a.test',\n  retryAttempts: Infinity,\n  retryWait: async (n) => { await new Promise((r) => setTimeout(r, Math.random() * Math.min(1000 * 2 ** n, 30000))); },\n});", errors: [{ messageId: 'unboundedRetry', line: 4 }] },
  ],
});

ruleTester.run('require-jitter', requireJitter, {
  valid: [
    "import { createClient } from 'graphql-ws';\ncreateClient({ url: 'wss://a.test', retryAttempts: 3 });",
  ],
  invalid: [
    { name: "retryWait without randomness", code: "import { createClient } from 'graphql-ws';\ncreateClient({\n  url: 'wss://a.test',\n  retryWait: async (n) => { await new Promise((r) => setTimeout(r, Math.min(1000 * 2 ** n, 30000))); },\n});", errors: [{ messageId: 'noJitter', line: 4 }] },
  ],
});
