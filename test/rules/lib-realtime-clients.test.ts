import { RuleTester } from '@typescript-eslint/rule-tester';
import noUnboundedRetry from '../../eslint-plugin/src/rules/no-unbounded-retry';
import requireJitter from '../../eslint-plugin/src/rules/require-jitter';
import requireMaxDelay from '../../eslint-plugin/src/rules/require-max-delay';

// Library adapters for realtime and RPC clients (eslint-plugin/src/analysis/libraries/described.ts):
// viem transports, tmi.js, web3.js 1.x WebSocket provider, Supabase Realtime.
const ruleTester = new RuleTester();

ruleTester.run('no-unbounded-retry', noUnboundedRetry, {
  valid: [
    "import { http } from 'viem';\nexport const t = http(undefined, { retryCount: 4 });",
    "import tmi from 'tmi.js';\nnew tmi.Client({ connection: { reconnect: true, maxReconnectAttempts: 8 } });",
    "import Web3 from 'web3';\nnew Web3.providers.WebsocketProvider('wss://x', { reconnect: { auto: true, maxAttempts: 5 } });",
  ],
  invalid: [
    {
      // The message says why: no option stops Supabase Realtime's reconnects.
      name: 'supabase realtime reconnects forever',
      code: "import { createClient } from '@supabase/supabase-js';\ncreateClient('u', 'k', { realtime: { reconnectAfterMs: (n) => Math.random() * 1000 * n } });",
      errors: [{ messageId: 'unboundedByDefault', data: { setting: 'Supabase Realtime reconnects until it succeeds and has no option to stop' }, line: 2 }],
    },
    { name: 'tmi.js attempts as the string Infinity', code: "import tmi from 'tmi.js';\nnew tmi.Client({ connection: {\n  maxReconnectAttempts: 'Infinity',\n} });", errors: [{ messageId: 'unboundedRetry', line: 3 }] },
  ],
});

ruleTester.run('require-jitter', requireJitter, {
  valid: ["import { http } from 'viem';\nexport const t = http('https://rpc.example');"],
  invalid: [{ name: 'viem retryDelay', code: "import { http } from 'viem';\nexport const t = http('https://rpc.example', {\n  retryDelay: 300,\n});", errors: [{ messageId: 'noJitter', line: 3 }] }],
});

ruleTester.run('require-max-delay', requireMaxDelay, {
  valid: ["import { http } from 'viem';\nexport const t = http('https://rpc.example', { retryCount: 5, retryDelay: 150 });"],
  invalid: [
    {
      // viem doubles with a 32-bit shift: the largest wait is retryDelay × 2^30, not 2^99.
      name: 'viem with a hundred retries',
      code: "import { http } from 'viem';\nexport const t = http('https://rpc.example', {\n  retryCount: 100,\n  retryDelay: 1000,\n});",
      errors: [{ messageId: 'timerOverflow', data: { worstMs: '1073741824000', maxDelayMs: '60000', byDefault: '' }, line: 4 }],
    },
  ],
});
