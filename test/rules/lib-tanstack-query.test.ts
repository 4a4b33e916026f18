import { RuleTester } from '@typescript-eslint/rule-tester';
import noRetryOnClientError from '../../eslint-plugin/src/rules/no-retry-on-client-error';
import noUnboundedRetry from '../../eslint-plugin/src/rules/no-unbounded-retry';
import requireBackoff from '../../eslint-plugin/src/rules/require-backoff';
import requireIdempotencyKey from '../../eslint-plugin/src/rules/require-idempotency-key';
import requireJitter from '../../eslint-plugin/src/rules/require-jitter';

const ruleTester = new RuleTester({ languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } });

const JITTERED = 'retryDelay: (attempt) => Math.random() * Math.min(1000 * 2 ** attempt, 30_000)';

ruleTester.run('require-jitter', requireJitter, {
  valid: [
    // Built-in retry untouched.
    "import { useQuery } from '@tanstack/react-query';\nuseQuery({ queryKey: ['a'], queryFn: () => 1 });",
    // Jittered delay function (opaque to the adapter; judged by the shared delay analysis).
    "import { useQuery } from '@tanstack/react-query';\nuseQuery({ queryKey: ['a'], queryFn: () => 1, retry: 2, retryDelay: (n) => Math.random() * 1000 * 2 ** n });",
    // retry: false turns retrying off.
    "import { useQuery } from '@tanstack/react-query';\nuseQuery({ queryKey: ['a'], queryFn: () => 1, retry: false });",
    // Spread: retry may come from elsewhere.
    "import { useQuery } from '@tanstack/vue-query';\ndeclare const base: object;\nuseQuery({ ...base, retryDelay: 500 });",
  ],
  invalid: [
    {
      name: 'retry set, default delay has no jitter',
      code: "import { useQuery } from '@tanstack/react-query';\nuseQuery({ queryKey: ['a'], queryFn: () => 1, retry: 2 });",
      errors: [
        {
          messageId: 'noJitter',
          line: 2,
          column: 47,
          suggestions: [
            {
              messageId: 'applyLibraryFix',
              data: { description: 'Add full jitter to the default delay (`retryDelay`)' },
              output: `import { useQuery } from '@tanstack/react-query';\nuseQuery({ queryKey: ['a'], queryFn: () => 1, retry: 2, ${JITTERED} });`,
            },
          ],
        },
      ],
    },
    {
      name: 'QueryClient defaultOptions through a const, CommonJS',
      code: "const { QueryClient } = require('@tanstack/query-core');\nconst defaults = { queries: { retry: 5 } };\nnew QueryClient({ defaultOptions: defaults });",
      errors: [
        {
          messageId: 'noJitter',
          line: 2,
          column: 31,
          suggestions: [
            {
              messageId: 'applyLibraryFix',
              data: { description: 'Add full jitter to the default delay (`retryDelay`)' },
              output: `const { QueryClient } = require('@tanstack/query-core');\nconst defaults = { queries: { retry: 5, ${JITTERED} } };\nnew QueryClient({ defaultOptions: defaults });`,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('require-backoff', requireBackoff, {
  valid: ["import { useQuery } from '@tanstack/react-query';\nuseQuery({ queryKey: ['a'], queryFn: () => 1, retry: 3 });"],
  invalid: [
    {
      name: 'aliased import, constant retryDelay',
      code: "import { useQuery as useData } from '@tanstack/solid-query';\nuseData({ queryKey: ['a'], queryFn: () => 1, retry: 3, retryDelay: 2000 });",
      errors: [
        {
          messageId: 'constantDelay',
          line: 2,
          column: 56,
          suggestions: [
            {
              messageId: 'applyLibraryFix',
              data: { description: 'Use exponential backoff with full jitter, capped at 30 s' },
              output: "import { useQuery as useData } from '@tanstack/solid-query';\nuseData({ queryKey: ['a'], queryFn: () => 1, retry: 3, retryDelay: (attempt) => Math.random() * Math.min(2000 * 2 ** attempt, 30_000) });",
            },
          ],
        },
      ],
    },
    {
      name: 'retryDelay 0: no wait',
      code: "import * as rq from '@tanstack/react-query';\nrq.useMutation({ mutationFn: async () => 1, retry: 2, retryDelay: 0 });",
      errors: [{ messageId: 'noWait', line: 2, column: 55 }],
    },
  ],
});

ruleTester.run('no-unbounded-retry', noUnboundedRetry, {
  valid: [
    "import { useQuery } from '@tanstack/react-query';\nuseQuery({ queryKey: ['a'], queryFn: () => 1, retry: (count) => count < 3 });",
    // A mutation's retry defaults to 0: retryDelay alone does not retry.
    "import { useMutation } from '@tanstack/react-query';\nuseMutation({ mutationFn: async () => 1, retryDelay: 1000 });",
  ],
  invalid: [
    {
      name: 'retry: true in a JSX component',
      code: "import { useQuery } from '@tanstack/react-query';\nexport function Team() {\n  const q = useQuery({ queryKey: ['t'], queryFn: () => 1, retry: true, retryDelay: (n) => Math.random() * 100 * n });\n  return <div>{String(q.data)}</div>;\n}",
      errors: [
        {
          messageId: 'unboundedRetry',
          line: 3,
          column: 59,
          suggestions: [
            {
              messageId: 'applyLibraryFix',
              data: { description: 'Stop after 3 retries (`retry: 3`)' },
              output: "import { useQuery } from '@tanstack/react-query';\nexport function Team() {\n  const q = useQuery({ queryKey: ['t'], queryFn: () => 1, retry: 3, retryDelay: (n) => Math.random() * 100 * n });\n  return <div>{String(q.data)}</div>;\n}",
            },
          ],
        },
      ],
    },
    {
      name: 'retry function that always says yes, useQueries',
      code: "import { useQueries } from '@tanstack/react-query';\nconst always = () => true;\nuseQueries({ queries: [{ queryKey: ['a'], queryFn: () => 1, retry: always, retryDelay: (n) => Math.random() * n }] });",
      errors: [{ messageId: 'unboundedRetry', line: 3, column: 61 }],
    },
  ],
});

ruleTester.run('no-retry-on-client-error', noRetryOnClientError, {
  valid: [
    // fetch does not throw on 4xx.
    "import { useQuery } from '@tanstack/react-query';\nuseQuery({ queryKey: ['a'], queryFn: () => fetch('/a'), retry: 2, retryDelay: (n) => Math.random() * n });",
    // A retry function classifies the error.
    "import axios from 'axios';\nimport { useQuery } from '@tanstack/react-query';\nuseQuery({ queryKey: ['a'], queryFn: () => axios.get('/a'), retry: (n, e: any) => n < 2 && e.response?.status >= 500, retryDelay: (n) => Math.random() * n });",
  ],
  invalid: [
    {
      code: "import axios from 'axios';\nimport { useQuery } from '@tanstack/react-query';\nuseQuery({ queryKey: ['a'], queryFn: () => axios.get('/a'), retry: 2, retryDelay: (n) => Math.random() * n });",
      errors: [{ messageId: 'libraryCatchAll', line: 3, column: 61 }],
    },
  ],
});

ruleTester.run('require-idempotency-key', requireIdempotencyKey, {
  valid: [
    // Not retried (mutations default to retry 0).
    "import { useMutation } from '@tanstack/react-query';\nuseMutation({ mutationFn: (o: object) => fetch('/orders', { method: 'POST', body: JSON.stringify(o) }) });",
  ],
  invalid: [
    {
      code: "import { useMutation } from '@tanstack/react-query';\nuseMutation({\n  mutationFn: (o: object) => fetch('/orders', { method: 'POST', body: JSON.stringify(o) }),\n  retry: 3,\n  retryDelay: (n) => Math.random() * n,\n});",
      errors: [{ messageId: 'missingKey', line: 3, column: 49 }],
    },
  ],
});
