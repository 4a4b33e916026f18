// Rule tests for `require-idempotency-key` (STYLE.md §5): hand-written retry shapes, rewrites of the shared cases, positions
// and suggestions. Inputs the analysis gets wrong today are listed in KEPT_OUT at the bottom (not run; see
// scratch/analysis-gaps.md) and move into the suite once the analysis handles them.
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../eslint-plugin/src/rules/require-idempotency-key';

const ruleTester = new RuleTester({ languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } });

ruleTester.run('require-idempotency-key', rule, {
  valid: [
    // shared catch-classified-axios-ok (rewritten): classifier on the error before retrying
    `import axios, { AxiosError } from 'axios';
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
function worthRetrying(e: unknown): boolean {
  if (!(e instanceof AxiosError)) return false;
  const status = e.response?.status;
  return status === undefined || status === 429 || status >= 500;
}

export async function loadCatalogue(region: string) {
  for (let n = 0; n < 5; n++) {
    try {
      return (await axios.get(\`https://catalogue.example.test/\${region}\`)).data;
    } catch (e) {
      if (n === 4 || !worthRetrying(e)) throw e;
      await sleep(Math.random() * Math.min(9000, 150 * 2 ** n));
    }
  }
}`,
    // shared loop-full-jitter-ok (rewritten): for(;;) with an exit check, full jitter, capped
    `class RetryableError extends Error {}
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function getShipment(id: string) {
  const limit = 5;
  for (let n = 1; ; n++) {
    try {
      const res = await fetch(\`https://shipping.example.test/shipments/\${id}\`);
      if (res.status >= 500) throw new RetryableError(String(res.status));
      if (!res.ok) throw new Error('shipment lookup failed: ' + res.status);
      return await res.json();
    } catch (e) {
      if (!(e instanceof RetryableError) || n >= limit) throw e;
      await sleep(Math.random() * Math.min(10_000, 200 * 2 ** n));
    }
  }
}`,
    // shared polling-ok (rewritten): polls a build until finished, constant interval and deadline
    `const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
type Build = { status: 'pending' | 'building' | 'passed' | 'failed' };

export async function awaitBuild(load: () => Promise<Build>, limitMs = 600_000) {
  const stopAt = Date.now() + limitMs;
  let build = await load();
  while (build.status === 'pending' || build.status === 'building') {
    if (Date.now() > stopAt) throw new Error('build did not finish');
    await sleep(5000);
    build = await load();
  }
  return build;
}`,
    // shared post-stable-key-ok (rewritten): key made once with crypto.randomUUID before the loop
    `const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function capturePayment(paymentId: string) {
  const requestKey = crypto.randomUUID();
  for (let n = 0; n < 4; n++) {
    try {
      const res = await fetch(\`https://psp.example.test/payments/\${paymentId}/capture\`, {
        method: 'POST',
        headers: { 'idempotency-key': requestKey },
      });
      if (res.status >= 500) throw new Error('psp ' + res.status);
      return await res.json();
    } catch (e) {
      if (n === 3) throw e;
      await sleep(Math.random() * Math.min(4000, 200 * 2 ** n));
    }
  }
}`,
  ],
  invalid: [
    {
      name: "shared post-no-idempotency-key (rewritten): axios POST in a while loop",
      code: `import axios from 'axios';
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function submitSignup(form: { email: string }) {
  let n = 0;
  while (n < 4) {
    try {
      return (await axios.post('https://signup.example.test/accounts', form)).data;
    } catch (e: any) {
      if (++n === 4 || (e.response && e.response.status < 500)) throw e;
      await sleep(Math.random() * Math.min(4000, 200 * 2 ** n));
    }
  }
}`,
      errors: [
        {
          messageId: 'missingKey',
          line: 8,
          column: 21,
          endLine: 8,
          endColumn: 77,
        },
      ],
    },
  ],
});

/** Inputs the analysis gets wrong today (gap ids refer to scratch/analysis-gaps.md). Not run; moved into the suite once fixed. */
export const KEPT_OUT: { gap: string; name: string; expected: string; actual: string; code: string }[] = [
  {
    gap: 'G10',
    name: "shared post-key-per-attempt (rewritten): uuid v4 key (renamed import) made inside the attempt",
    expected: "report@9",
    actual: "nothing",
    code: `import { v4 as makeUuid } from 'uuid';
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function createTransfer(from: string, to: string, cents: number) {
  for (let n = 0; n < 3; n++) {
    try {
      const res = await fetch('https://ledger.example.test/transfers', {
        method: 'POST',
        headers: { 'Idempotency-Key': makeUuid(), 'content-type': 'application/json' },
        body: JSON.stringify({ from, to, cents }),
      });
      if (res.status >= 500) throw new Error('ledger down');
      return await res.json();
    } catch (e) {
      if (n === 2) throw e;
      await sleep(Math.random() * Math.min(3000, 250 * 2 ** n));
    }
  }
}`,
  },
];
