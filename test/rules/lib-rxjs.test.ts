import { RuleTester } from '@typescript-eslint/rule-tester';
import noRetryOnClientError from '../../eslint-plugin/src/rules/no-retry-on-client-error';
import noUnboundedRetry from '../../eslint-plugin/src/rules/no-unbounded-retry';
import requireBackoff from '../../eslint-plugin/src/rules/require-backoff';
import requireIdempotencyKey from '../../eslint-plugin/src/rules/require-idempotency-key';
import requireJitter from '../../eslint-plugin/src/rules/require-jitter';

const ruleTester = new RuleTester();

ruleTester.run('require-backoff', requireBackoff, {
  valid: [
    // A delay function: judged by the shared delay analysis, silent while it is opaque.
    "import { retry, timer } from 'rxjs';\ndeclare const src$: any;\nsrc$.pipe(retry({ count: 3, delay: (_e: unknown, n: number) => timer(2 ** n * 100) }));",
    // A local function named retry is not rxjs.
    'const retry = (n: number) => n;\nretry(3);',
    // Options built at run time: unknown.
    "import { retry } from 'rxjs';\ndeclare function config(): any;\nretry(config());",
  ],
  invalid: [
    {
      name: 'default: resubscribes at once',
      code: "import { retry } from 'rxjs';\ndeclare const src$: any;\nsrc$.pipe(retry(3));",
      errors: [{ messageId: 'noWait', line: 3, column: 11, suggestions: [{ messageId: 'applyLibraryFix', data: {description: "Wait with capped exponential backoff and full jitter (`delay: (_error, retryCount) => timer(…)`, from 1000 ms)"}, output: "import { retry, timer } from 'rxjs';\ndeclare const src$: any;\nsrc$.pipe(retry({ count: 3, delay: (_error, retryCount) => timer(Math.random() * Math.min(1000 * 2 ** (retryCount - 1), 30000)) }));" }] }],
    },
    {
      name: 'aliased import from rxjs/operators',
      code: "import { retry as again } from 'rxjs/operators';\ndeclare const src$: any;\nsrc$.pipe(again(2));",
      errors: [{ messageId: 'noWait', line: 3, column: 11 }],
    },
    {
      name: 'numeric delay is constant',
      code: "import * as rx from 'rxjs';\ndeclare const src$: any;\nsrc$.pipe(rx.retry({ count: 3, delay: 1000 }));",
      errors: [{ messageId: 'constantDelay', line: 3, column: 32, suggestions: [{ messageId: 'applyLibraryFix', data: {description: "Wait with capped exponential backoff and full jitter (`delay: (_error, retryCount) => timer(…)`, from 1000 ms)"}, output: "import * as rx from 'rxjs';\ndeclare const src$: any;\nsrc$.pipe(rx.retry({ count: 3, delay: (_error, retryCount) => rx.timer(Math.random() * Math.min(1000 * 2 ** (retryCount - 1), 30000)) }));" }] }],
    },
    {
      name: 'retryWhen with delay(ms)',
      code: "import { delay, retryWhen, take } from 'rxjs';\ndeclare const src$: any;\nsrc$.pipe(retryWhen((errors: any) => errors.pipe(delay(500), take(3))));",
      errors: [{ messageId: 'constantDelay', line: 3, column: 50, suggestions: [{ messageId: 'applyLibraryFix', data: {description: "Wait with capped exponential backoff and full jitter (`delayWhen((_error, i) => timer(…))`)"}, output: "import { delay, retryWhen, take, delayWhen, timer } from 'rxjs';\ndeclare const src$: any;\nsrc$.pipe(retryWhen((errors: any) => errors.pipe(delayWhen((_error, i) => timer(Math.random() * Math.min(500 * 2 ** i, 16000))), take(3))));" }] }],
    },
  ],
});

ruleTester.run('require-jitter', requireJitter, {
  valid: [
    // No wait: require-backoff's finding alone.
    "import { retry } from 'rxjs';\ndeclare const src$: any;\nsrc$.pipe(retry(3));",
  ],
  invalid: [
    {
      name: 'options through a const',
      code: "const { retry } = require('rxjs');\nconst settings = { count: 4, delay: 250 };\nmodule.exports = (src$: any) => src$.pipe(retry(settings));",
      errors: [{ messageId: 'noJitter', line: 2, column: 30 }],
    },
  ],
});

ruleTester.run('no-unbounded-retry', noUnboundedRetry, {
  valid: [
    "import { retry } from 'rxjs';\ndeclare const src$: any;\nsrc$.pipe(retry({ count: 5, delay: 1000 }));",
    "import { delay, retryWhen, take } from 'rxjs';\ndeclare const src$: any;\nsrc$.pipe(retryWhen((errors: any) => errors.pipe(delay(500), take(3))));",
    // A delay function may stop by erroring: the bound is unknown, not absent.
    "import { retry, throwError, timer } from 'rxjs';\ndeclare const src$: any;\nsrc$.pipe(retry({ delay: (e: any, n: number) => (n > 3 ? throwError(() => e) : timer(1000)) }));",
  ],
  invalid: [
    {
      name: 'retry() with no count',
      code: "import { retry } from 'rxjs';\ndeclare const src$: any;\nsrc$.pipe(retry());",
      errors: [{ messageId: 'unboundedRetry', line: 3, column: 11, suggestions: [{ messageId: 'applyLibraryFix', data: { description: 'Stop after 3 retries (`count: 3`)' }, output: "import { retry } from 'rxjs';\ndeclare const src$: any;\nsrc$.pipe(retry(3));" }] }],
    },
    {
      name: 'CommonJS, numeric delay without count',
      code: "const rxjs = require('rxjs');\nmodule.exports = (src$: any) => src$.pipe(rxjs.retry({ delay: 500 }));",
      errors: [{ messageId: 'unboundedRetry', line: 2, column: 43, suggestions: [{ messageId: 'applyLibraryFix', data: { description: 'Stop after 3 retries (`count: 3`)' }, output: "const rxjs = require('rxjs');\nmodule.exports = (src$: any) => src$.pipe(rxjs.retry({ count: 3, delay: 500 }));" }] }],
    },
    {
      name: 'retryWhen without take',
      code: "import { delay, retryWhen } from 'rxjs/operators';\ndeclare const src$: any;\nsrc$.pipe(retryWhen((errors: any) => errors.pipe(delay(500))));",
      errors: [{ messageId: 'unboundedRetry', line: 3, column: 11 }],
    },
  ],
});

ruleTester.run('no-retry-on-client-error', noRetryOnClientError, {
  valid: [
    // Not an HTTP source.
    "import { retry } from 'rxjs';\ndeclare const src$: any;\nsrc$.pipe(retry(2));",
    // A delay function can tell errors apart.
    "import { retry, throwError, timer } from 'rxjs';\nimport { ajax } from 'rxjs/ajax';\najax.getJSON('/a').pipe(retry({ count: 2, delay: (e: any) => (e.status < 500 ? throwError(() => e) : timer(1000)) }));",
  ],
  invalid: [
    {
      name: 'ajax source through earlier pipes',
      code: "import { map, retry } from 'rxjs';\nimport { ajax } from 'rxjs/ajax';\nconst items$ = ajax.getJSON('/items').pipe(map((x: any) => x));\nexport const out$ = items$.pipe(retry(2));",
      errors: [{ messageId: 'libraryCatchAll', line: 4, column: 33, suggestions: [{ messageId: 'applyLibraryFix', data: {description: "Fail fast on 4xx client errors (retry only network errors, 408, 429 and 5xx), waiting with capped exponential backoff and full jitter"}, output: "import { map, retry, timer, throwError } from 'rxjs';\nimport { ajax } from 'rxjs/ajax';\nconst items$ = ajax.getJSON('/items').pipe(map((x: any) => x));\nexport const out$ = items$.pipe(retry({ count: 2, delay: (error, retryCount) => (error?.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429 ? throwError(() => error) : timer(Math.random() * Math.min(1000 * 2 ** (retryCount - 1), 30000))) }));" }] }],
    },
  ],
});

ruleTester.run('require-idempotency-key', requireIdempotencyKey, {
  valid: ["import { retry } from 'rxjs';\nimport { ajax } from 'rxjs/ajax';\najax.post('/orders', {}, { 'Idempotency-Key': 'k-1' }).pipe(retry(2));"],
  invalid: [
    {
      code: "import { retry } from 'rxjs';\nimport { ajax } from 'rxjs/ajax';\najax.post('/orders', { sku: 1 }).pipe(retry(2));",
      errors: [{ messageId: 'libraryRetriesRequest', line: 3, column: 1 }],
    },
  ],
});
