import { RuleTester } from '@typescript-eslint/rule-tester';
import noUnboundedRetry from '../../eslint-plugin/src/rules/no-unbounded-retry';
import requireBackoff from '../../eslint-plugin/src/rules/require-backoff';

// Library adapter: MongoDB / Mongoose legacy reconnect options (eslint-plugin/src/analysis/libraries/described.ts). Each rule sees the same retry site.
const ruleTester = new RuleTester();

ruleTester.run('no-unbounded-retry', noUnboundedRetry, {
  valid: [
    "const mongoose = require('mongoose');\nmongoose.connect('mongodb://a.test', { serverSelectionTimeoutMS: 5000 });",
    "const { MongoClient } = require('mongodb');\nnew MongoClient('mongodb://a.test', { reconnectTries: 10, reconnectInterval: 500 });",
  ],
  invalid: [
    { name: "reconnectTries MAX_VALUE", code: "const { MongoClient } = require('mongodb');\nMongoClient.connect('mongodb://a.test', {\n  reconnectTries: Number.MAX_VALUE,\n});", errors: [{ messageId: 'unboundedRetry', line: 3 }] },
  ],
});

ruleTester.run('require-backoff', requireBackoff, {
  valid: [
    "const mongoose = require('mongoose');\nmongoose.connect('mongodb://a.test');",
  ],
  invalid: [
    { name: "a constant interval", code: "const mongoose = require('mongoose');\nmongoose.createConnection('mongodb://a.test', {\n  reconnectInterval: 2000,\n});", errors: [{ messageId: 'constantDelay', line: 3 }] },
  ],
});
