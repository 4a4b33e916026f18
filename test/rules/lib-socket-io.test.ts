import { RuleTester } from '@typescript-eslint/rule-tester';
import noUnboundedRetry from '../../eslint-plugin/src/rules/no-unbounded-retry';
import requireBackoff from '../../eslint-plugin/src/rules/require-backoff';
import requireJitter from '../../eslint-plugin/src/rules/require-jitter';
import requireMaxDelay from '../../eslint-plugin/src/rules/require-max-delay';

const ruleTester = new RuleTester();

ruleTester.run('require-jitter', requireJitter, {
  valid: [
    // Reconnection options left at their defaults (randomizationFactor 0.5).
    "import { io } from 'socket.io-client';\nio('https://a.test', { reconnectionAttempts: 5 });",
    // Explicit jitter.
    "import { io } from 'socket.io-client';\nio('https://a.test', { reconnectionAttempts: 5, randomizationFactor: 0.3 });",
    // Built-in reconnection untouched.
    "import { io } from 'socket.io-client';\nio('https://a.test', { transports: ['websocket'] });",
    // Spread: unknown.
    "import { io } from 'socket.io-client';\ndeclare const extra: object;\nio('https://a.test', { ...extra, reconnectionDelay: 500 });",
    // A local `io` is not socket.io.
    "const io = (url: string, o: object) => o;\nio('https://a.test', { randomizationFactor: 0 });",
  ],
  invalid: [
    {
      name: 'randomizationFactor 0',
      code: "import { io } from 'socket.io-client';\nio('https://a.test', {\n  reconnectionAttempts: 10,\n  randomizationFactor: 0,\n});",
      errors: [
        {
          messageId: 'noJitter',
          line: 4,
          column: 3,
          suggestions: [
            {
              messageId: 'applyLibraryFix',
              data: { description: 'Randomise the delay (`randomizationFactor: 0.5`)' },
              output: "import { io } from 'socket.io-client';\nio('https://a.test', {\n  reconnectionAttempts: 10,\n  randomizationFactor: 0.5,\n});",
            },
          ],
        },
      ],
    },
    {
      name: 'default import, options through a const',
      code: "import connect from 'socket.io-client';\nconst opts = { randomizationFactor: 0 };\nconnect('https://a.test', opts);",
      errors: [{ messageId: 'noJitter', line: 2, column: 16, suggestions: [{ messageId: 'applyLibraryFix', data: { description: 'Randomise the delay (`randomizationFactor: 0.5`)' }, output: "import connect from 'socket.io-client';\nconst opts = { randomizationFactor: 0.5 };\nconnect('https://a.test', opts);" }] }],
    },
    {
      name: 'CommonJS require, Manager',
      code: "const { Manager } = require('socket.io-client');\nnew Manager('https://a.test', { randomizationFactor: 2 });",
      errors: [{ messageId: 'noJitter', line: 2, column: 33, suggestions: [{ messageId: 'applyLibraryFix', data: { description: 'Randomise the delay (`randomizationFactor: 0.5`)' }, output: "const { Manager } = require('socket.io-client');\nnew Manager('https://a.test', { randomizationFactor: 0.5 });" }] }],
    },
  ],
});

ruleTester.run('require-backoff', requireBackoff, {
  valid: ["import { io as connectSocket } from 'socket.io-client';\nconnectSocket({ reconnectionDelay: 500, reconnectionDelayMax: 8000 });"],
  invalid: [
    {
      name: 'delay at the cap: constant',
      code: "import { io as connectSocket } from 'socket.io-client';\nconnectSocket({ reconnectionDelay: 5000, reconnectionDelayMax: 5000 });",
      errors: [{ messageId: 'constantDelay', line: 2, column: 17, suggestions: [{ messageId: 'applyLibraryFix', data: { description: 'Double the delay after each attempt, up to 30000 ms (`reconnectionDelayMax: 30000`)' }, output: "import { io as connectSocket } from 'socket.io-client';\nconnectSocket({ reconnectionDelay: 5000, reconnectionDelayMax: 30000 });" }] }],
    },
  ],
});

ruleTester.run('require-max-delay', requireMaxDelay, {
  valid: ["import { io } from 'socket.io-client';\nio('https://a.test', { reconnectionDelayMax: 30000 });"],
  invalid: [
    {
      code: "import { io } from 'socket.io-client';\nio('https://a.test', { reconnectionDelayMax: 600000 });",
      errors: [{ messageId: 'delayTooLong', line: 2, column: 24, suggestions: [{ messageId: 'applyLibraryFix', data: { description: 'Cap the delay at 30000 ms (`reconnectionDelayMax: 30000`), under the 60000 ms limit' }, output: "import { io } from 'socket.io-client';\nio('https://a.test', { reconnectionDelayMax: 30000 });" }] }],
    },
  ],
});

ruleTester.run('no-unbounded-retry', noUnboundedRetry, {
  valid: [
    // Built-in reconnection untouched, turned off, or a limit that a spread may supply.
    "import { io } from 'socket.io-client';\nio('https://a.test');",
    "import { io } from 'socket.io-client';\nio('https://a.test', { reconnection: false, reconnectionAttempts: Infinity });",
    "import { io } from 'socket.io-client';\ndeclare const shared: object;\nio('https://a.test', { ...shared, reconnectionDelay: 500 });",
  ],
  invalid: [
    {
      // Setting a reconnection option opts in; the default reconnectionAttempts is Infinity.
      name: 'a reconnection option without reconnectionAttempts',
      code: "import { io } from 'socket.io-client';\nio('https://a.test', { reconnectionDelay: 500 });",
      // The message names the option left at its endless default.
      errors: [{ messageId: 'unboundedByDefault', data: { setting: '`reconnectionAttempts` is not set (default Infinity)' }, line: 2, column: 24, suggestions: [{ messageId: 'applyLibraryFix', data: { description: 'Give up after 10 attempts (`reconnectionAttempts: 10`)' }, output: "import { io } from 'socket.io-client';\nio('https://a.test', { reconnectionDelay: 500, reconnectionAttempts: 10 });" }] }],
    },
    {
      name: 'reconnectionAttempts 0 means Infinity',
      code: "import { io } from 'socket.io-client';\nio('https://a.test', { reconnectionAttempts: 0 });",
      errors: [{ messageId: 'unboundedRetry', line: 2, column: 24, suggestions: [{ messageId: 'applyLibraryFix', data: { description: 'Give up after 10 attempts (`reconnectionAttempts: 10`)' }, output: "import { io } from 'socket.io-client';\nio('https://a.test', { reconnectionAttempts: 10 });" }] }],
    },
  ],
});
