import { RuleTester } from '@typescript-eslint/rule-tester';
import requireBackoff from '../../eslint-plugin/src/rules/require-backoff';
import requireJitter from '../../eslint-plugin/src/rules/require-jitter';

// Library adapter: node-redis reconnectStrategy (eslint-plugin/src/analysis/libraries/reconnect.ts). Each rule sees the same retry site.
const ruleTester = new RuleTester();

ruleTester.run('require-backoff', requireBackoff, {
  valid: [
    "import { createClient } from 'redis';\ncreateClient({ socket: { reconnectStrategy: (n) => Math.random() * Math.min(2 ** n * 50, 2000) } });",
    "import { createClient } from 'redis';\ncreateClient({ socket: { reconnectStrategy: false } });",
    "import { createClient } from 'redis';\ncreateClient({ url: 'redis://a.test' });",
  ],
  invalid: [
    { name: "a number", code: "import { createClient } from 'redis';\ncreateClient({\n  socket: { reconnectStrategy: 1000 },\n});", errors: [{ messageId: 'constantDelay', line: 3 }] },
  ],
});

ruleTester.run('require-jitter', requireJitter, {
  valid: [
    "import { createClient } from 'redis';\ncreateClient({ socket: { reconnectStrategy: (n) => Math.min(2 ** n * 50, 2000) + Math.floor(Math.random() * 200) } });",
  ],
  invalid: [
    { name: "growing, no jitter", code: "import { createClient } from 'redis';\ncreateClient({\n  socket: { reconnectStrategy: (retries) => (retries > 10 ? new Error('gone') : Math.min(retries * 50, 500)) },\n});", errors: [{ messageId: 'noJitter', line: 3 }] },
  ],
});
