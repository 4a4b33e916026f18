import { RuleTester } from '@typescript-eslint/rule-tester';
import noUnboundedRetry from '../../eslint-plugin/src/rules/no-unbounded-retry';
import requireJitter from '../../eslint-plugin/src/rules/require-jitter';

// Library adapter: reconnecting-websocket (eslint-plugin/src/analysis/libraries/described.ts). Each rule sees the same retry site.
const ruleTester = new RuleTester();

ruleTester.run('require-jitter', requireJitter, {
  valid: [
    "import RWS from 'reconnecting-websocket';\nnew RWS('wss://a.test');",
    "import RWS from 'reconnecting-websocket';\nnew RWS('wss://a.test', [], { maxReconnectionDelay: 20000 });",
  ],
  invalid: [
    { name: "a constant minimum delay", code: "import RWS from 'reconnecting-websocket';\nnew RWS('wss://a.test', [], {\n  minReconnectionDelay: 1000,\n});", errors: [{ messageId: 'noJitter', line: 3 }] },
  ],
});

ruleTester.run('no-unbounded-retry', noUnboundedRetry, {
  valid: [
    "import RWS from 'reconnecting-websocket';\nnew RWS('wss://a.test', [], { maxReconnectionDelay: 20000, maxRetries: 10 });",
    "import RWS from 'reconnecting-websocket';\nnew RWS('wss://a.test', [], { maxRetries: 0 });",
  ],
  invalid: [
    // The constructor is a dedicated reconnect API: its default maxRetries (Infinity) counts.
    { name: "maxRetries left at its default", code: "import RWS from 'reconnecting-websocket';\nnew RWS('wss://a.test', [], { maxReconnectionDelay: 20000 });", errors: [{ messageId: 'unboundedRetry', line: 2 }] },
    { name: "no options at all", code: "import RWS from 'reconnecting-websocket';\nnew RWS('wss://a.test');", errors: [{ messageId: 'unboundedRetry', line: 2 }] },
    { name: "written maxRetries Infinity", code: "import RWS from 'reconnecting-websocket';\nnew RWS('wss://a.test', [], {\n  maxRetries: Infinity,\n});", errors: [{ messageId: 'unboundedRetry', line: 3 }] },
  ],
});
