import { RuleTester } from '@typescript-eslint/rule-tester';
import noRetryOnClientError from '../../eslint-plugin/src/rules/no-retry-on-client-error';
import requireJitter from '../../eslint-plugin/src/rules/require-jitter';

// Library adapter: promise-retry (eslint-plugin/src/analysis/libraries). Each rule sees the same retry site.
const ruleTester = new RuleTester();

ruleTester.run('require-jitter', requireJitter, {
  valid: [
    { name: "randomize", code: "import promiseRetry from 'promise-retry';\npromiseRetry((retry) => Promise.resolve(1).catch(retry), { retries: 3, randomize: true });" },
  ],
  invalid: [
    {
      name: "defaults",
      code: "import promiseRetry from 'promise-retry';\npromiseRetry((retry) => Promise.resolve(1).catch(retry), { retries: 3 });",
      errors: [{ messageId: 'noJitter', line: 2, column: 1, suggestions: [{ messageId: 'applyLibraryFix', data: { description: "Randomise each wait (`randomize: true`)" }, output: "import promiseRetry from 'promise-retry';\npromiseRetry((retry) => Promise.resolve(1).catch(retry), { retries: 3, randomize: true });" }] }],
    },
    {
      name: "swapped arguments",
      code: "const promiseRetry = require('promise-retry');\npromiseRetry({ retries: 2 }, (retry) => Promise.resolve(1).catch(retry));",
      errors: [{ messageId: 'noJitter', line: 2, column: 1, suggestions: [{ messageId: 'applyLibraryFix', data: { description: "Randomise each wait (`randomize: true`)" }, output: "const promiseRetry = require('promise-retry');\npromiseRetry({ retries: 2, randomize: true }, (retry) => Promise.resolve(1).catch(retry));" }] }],
    },
    {
      name: "aliased, options through a const",
      code: "import again from 'promise-retry';\nconst o = { retries: 2, minTimeout: 200 };\nagain((retry) => Promise.resolve(1).catch(retry), o);",
      errors: [{ messageId: 'noJitter', line: 3, column: 1, suggestions: [{ messageId: 'applyLibraryFix', data: { description: "Randomise each wait (`randomize: true`)" }, output: "import again from 'promise-retry';\nconst o = { retries: 2, minTimeout: 200, randomize: true };\nagain((retry) => Promise.resolve(1).catch(retry), o);" }] }],
    },
  ],
});

ruleTester.run('no-retry-on-client-error', noRetryOnClientError, {
  valid: [
    { name: "classified in catch", code: "import promiseRetry from 'promise-retry';\nimport ky from 'ky';\npromiseRetry((retry) => ky.get('https://a.test').catch((e) => { if (e.response?.status >= 500) retry(e); throw e; }), { retries: 3, randomize: true });" },
  ],
  invalid: [
    {
      name: "catch(retry) around ky",
      code: "import promiseRetry from 'promise-retry';\nimport ky from 'ky';\npromiseRetry((retry) => ky.get('https://a.test').catch(retry), { retries: 3, randomize: true });",
      errors: [{ messageId: 'retriesEverything', line: 3, column: 1 }],
    },
  ],
});
