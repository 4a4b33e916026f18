import { RuleTester } from '@typescript-eslint/rule-tester';
import noRetryOnClientError from '../../eslint-plugin/src/rules/no-retry-on-client-error';
import noUnboundedRetry from '../../eslint-plugin/src/rules/no-unbounded-retry';
import requireBackoff from '../../eslint-plugin/src/rules/require-backoff';

// Library adapter: caolan async retry (eslint-plugin/src/analysis/libraries/described.ts). Each rule sees the same retry site.
const ruleTester = new RuleTester();

ruleTester.run('require-backoff', requireBackoff, {
  valid: [
    "const async = require('async');\nasync.retry({ times: 3, interval: (n) => Math.random() * 100 * 2 ** n }, (cb) => cb(), () => {});",
    "const async = require('async');\ndeclare const opts: object;\nasync.retry(opts, (cb) => cb(), () => {});",
    "const retry = (o: object, t: () => void) => t();\nretry({ times: 3 }, () => {});",
  ],
  invalid: [
    { name: "no interval: retried at once", code: "const async = require('async');\nasync.retry({ times: 3 }, (cb) => cb(), () => {});", errors: [{ messageId: 'noWait', line: 2 }] },
    { name: "a number of attempts only", code: "import { retry } from 'async';\nretry(4, (cb) => cb(), () => {});", errors: [{ messageId: 'noWait', line: 2 }] },
    { name: "a constant interval", code: "const async = require('async');\nasync.retry({ times: 3, interval: 200 }, (cb) => cb(), () => {});", errors: [{ messageId: 'constantDelay', line: 2 }] },
  ],
});

ruleTester.run('no-unbounded-retry', noUnboundedRetry, {
  valid: [
    "const async = require('async');\nasync.retry({ times: 5, interval: (n) => Math.random() * 100 * 2 ** n }, (cb) => cb(), () => {});",
  ],
  invalid: [
    { name: "times Infinity", code: "const async = require('async');\nasync.retry({ times: Infinity, interval: (n) => Math.random() * Math.min(100 * 2 ** n, 5000) }, (cb) => cb(), () => {});", errors: [{ messageId: 'unboundedRetry', line: 2 }] },
  ],
});

ruleTester.run('no-retry-on-client-error', noRetryOnClientError, {
  valid: [
    "const async = require('async');\nasync.retry({ times: 3, interval: 100, errorFilter: (err) => err.status >= 500 }, (cb) => cb(), () => {});",
  ],
  invalid: [
    { name: "errorFilter lets 4xx through", code: "const async = require('async');\nasync.retry({ times: 3, interval: 100, errorFilter: (err) => err.status !== 404 }, (cb) => cb(), () => {});", errors: [{ messageId: 'retriesClientStatus', line: 2 }] },
  ],
});
