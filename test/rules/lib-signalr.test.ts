import { RuleTester } from '@typescript-eslint/rule-tester';
import noUnboundedRetry from '../../eslint-plugin/src/rules/no-unbounded-retry';
import requireBackoff from '../../eslint-plugin/src/rules/require-backoff';
import requireJitter from '../../eslint-plugin/src/rules/require-jitter';

// Library adapter: @microsoft/signalr withAutomaticReconnect (eslint-plugin/src/analysis/libraries/reconnect.ts). Each rule sees the same retry site.
const ruleTester = new RuleTester();

ruleTester.run('require-jitter', requireJitter, {
  valid: [
    "import { HubConnectionBuilder } from '@microsoft/signalr';\nnew HubConnectionBuilder().withUrl('/hub').build();",
  ],
  invalid: [
    { name: "the default table", code: "import { HubConnectionBuilder } from '@microsoft/signalr';\nnew HubConnectionBuilder().withUrl('/hub').withAutomaticReconnect().build();", errors: [{ messageId: 'noJitter', line: 2 }] },
    { name: "a table", code: "import { HubConnectionBuilder } from '@microsoft/signalr';\nnew HubConnectionBuilder().withAutomaticReconnect([1000, 5000, 20000]).build();", errors: [{ messageId: 'noJitter', line: 2 }] },
  ],
});

ruleTester.run('require-backoff', requireBackoff, {
  valid: [
    "import { HubConnectionBuilder } from '@microsoft/signalr';\nnew HubConnectionBuilder().withAutomaticReconnect([1000, 5000, 20000]).build();",
  ],
  invalid: [
    { name: "all zero", code: "import { HubConnectionBuilder } from '@microsoft/signalr';\nnew HubConnectionBuilder().withAutomaticReconnect([0, 0, 0]).build();", errors: [{ messageId: 'noWait', line: 2 }] },
    { name: "all equal", code: "import { HubConnectionBuilder } from '@microsoft/signalr';\nnew HubConnectionBuilder().withAutomaticReconnect([3000, 3000]).build();", errors: [{ messageId: 'constantDelay', line: 2 }] },
  ],
});

ruleTester.run('no-unbounded-retry', noUnboundedRetry, {
  valid: [
    "import { HubConnectionBuilder } from '@microsoft/signalr';\nnew HubConnectionBuilder().withAutomaticReconnect({ nextRetryDelayInMilliseconds: (c) => (c.previousRetryCount > 5 ? null : 1000) }).build();",
  ],
  invalid: [
    { name: "a policy that never stops", code: "import { HubConnectionBuilder } from '@microsoft/signalr';\nnew HubConnectionBuilder().withAutomaticReconnect({\n  nextRetryDelayInMilliseconds: () => Math.random() * 5000,\n}).build();", errors: [{ messageId: 'unboundedRetry', line: 3 }] },
  ],
});
