import assert from 'node:assert/strict';
import { lintPathOf } from '../../extension/src/server/documents';
import { sourceCodeOf } from '../../extension/src/server/linting';
import { planRewrite, type RewritePlan } from '../../extension/src/server/rewrite';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parses } from './expected';
import { backoffDelay } from '../../snippets/retry-with-backoff';

/** The plan for the finding at the first occurrence of `marker`, and the text with its edits applied. */
function rewrite(text: string, marker: string, file = '/ws/src/retry.ts'): { plan: RewritePlan | undefined; output: string } {
  const doc = TextDocument.create(`file://${file}`, file.endsWith('.js') ? 'javascript' : 'typescript', 1, text);
  const sourceCode = sourceCodeOf({ filePath: lintPathOf(doc), text });
  assert.ok(sourceCode, 'parses');
  const offset = text.indexOf(marker);
  assert.ok(offset >= 0, `marker ${marker}`);
  const plan = planRewrite(sourceCode as never, offset);
  let output = text;
  for (const e of [...(plan?.edits ?? [])].sort((a, b) => b.range[0] - a.range[0])) output = output.slice(0, e.range[0]) + e.text + output.slice(e.range[1]);
  return { plan, output };
}

describe('server rewrite (Use the backoff helper)', () => {
  it('turns a bounded for loop around one call into retryWithBackoff, carrying the bound and base delay', () => {
    const { plan, output } = rewrite(
      `const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export async function load(id: string): Promise<unknown> {
  let lastError: unknown;
  for (let attempt = 1; attempt <= 4; attempt++) {
    try {
      return await fetchUser(id);
    } catch (err) {
      lastError = err;
      await sleep(1500);
    }
  }
  throw lastError;
}
`,
      'await sleep(1500)',
    );
    assert.equal(plan?.kind, 'full');
    assert.deepEqual(plan?.names, ['retryWithBackoff']);
    assert.equal(
      output,
      `const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export async function load(id: string): Promise<unknown> {
  return await retryWithBackoff(() => fetchUser(id), { maxAttempts: 4, baseDelayMs: 1500, shouldRetry: () => true });
}
`,
    );
  });

  it('carries an exponential base delay and its Math.min cap, and a const bound', () => {
    const { output } = rewrite(
      `const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
export async function push(batch: string[], send: (b: string[]) => Promise<void>) {
  const maxTries = 5;
  for (let i = 0; i < maxTries; i++) {
    try {
      await send(batch);
      return;
    } catch (e) {
      if (i === maxTries - 1) throw e;
      const pause = Math.min(200 * 2 ** i, 10_000);
      await wait(pause);
    }
  }
}
`,
      'await wait(pause)',
    );
    assert.match(output, /return await retryWithBackoff\(async \(\) => \{\n\s+await send\(batch\);\n\s+return;\n\s+\}, \{ maxAttempts: 5, baseDelayMs: 200, maxDelayMs: 10_000, shouldRetry: \(\) => true \}\);/);
    assert.equal(parses(output, '/ws/src/retry.ts'), undefined);
  });

  it('rewrites while (true) with the helper default of 3 attempts', () => {
    const { output } = rewrite(
      `import { setTimeout as sleep } from 'node:timers/promises';
export async function connect(open: () => Promise<string>): Promise<string> {
  while (true) {
    try {
      return await open();
    } catch (error) {
      await sleep(1000);
    }
  }
}
`,
      'while',
    );
    assert.match(output, /return await retryWithBackoff\(\(\) => open\(\), \{ maxAttempts: 3, baseDelayMs: 1000, shouldRetry: \(\) => true \}\);/);
  });

  it('rewrites recursion without a counter', () => {
    const { plan, output } = rewrite(
      `import { delay } from './timing';
export async function readConfig(source: { load(): Promise<string> }): Promise<string> {
  try {
    return await source.load();
  } catch {
    await delay(500);
    return readConfig(source);
  }
}
`,
      'readConfig(source);',
    );
    assert.equal(plan?.kind, 'full');
    assert.match(output, /\{\n {2}return await retryWithBackoff\(\(\) => source\.load\(\), \{ maxAttempts: 3, baseDelayMs: 500, shouldRetry: \(\) => true \}\);\n\}/);
  });

  it('counts the attempts of a recursion with a counter parameter and guard', () => {
    const { output } = rewrite(
      `export async function get(url: string, attempt = 0): Promise<Response> {
  try {
    return await fetch(url);
  } catch (err) {
    if (attempt >= 3) throw err;
    await sleep(100 * 2 ** attempt);
    return get(url, attempt + 1);
  }
}
`,
      'get(url, attempt + 1)',
    );
    assert.match(output, /return await retryWithBackoff\(\(\) => fetch\(url\), \{ maxAttempts: 4, baseDelayMs: 100, shouldRetry: \(\) => true \}\);/);
  });

  it('rewrites every wait of a loop that waits on two paths, and both versions behave alike (run both)', async () => {
    const source = `async function readJournal(url, fetch, sleep) {
  for (let n = 0; ; n++) {
    try {
      const res = await fetch(url);
      if (res.status >= 500 && n < 4) {
        await sleep(Math.random() * 300 * 2 ** n);
        continue;
      }
      return res;
    } catch {
      await sleep(Math.random() * 300 * 2 ** n);
    }
  }
}
return readJournal;`;
    const { plan, output } = rewrite(source, 'for (', '/ws/src/journal.js');
    assert.equal(plan?.kind, 'delay');
    assert.equal(plan?.edits.length, 2, 'both waits are rewritten');
    assert.equal((output.match(/backoffDelay\(n \+ 1/g) ?? []).length, 2);
    // Run the original and the rewrite on the same failure sequences: same result, same number of
    // requests, same number of waits; the rewrite's waits stay within the helper's cap.
    const build = (text: string) => new Function('backoffDelay', 'Math', text)(backoffDelay, Math) as (url: string, f: () => Promise<{ status: number }>, s: (ms: number) => Promise<void>) => Promise<{ status: number }>;
    const sequences: ({ status: number } | 'throw')[][] = [
      [{ status: 200 }],
      [{ status: 503 }, { status: 502 }, { status: 200 }],
      ['throw', { status: 500 }, 'throw', { status: 204 }],
      [{ status: 500 }, { status: 500 }, { status: 500 }, { status: 500 }, { status: 500 }, { status: 404 }],
    ];
    for (const seq of sequences) {
      const run = async (text: string) => {
        let i = 0;
        const waits: number[] = [];
        const fetch = async () => {
          const next = seq[Math.min(i++, seq.length - 1)]!;
          if (next === 'throw') throw new Error('connection reset');
          return next;
        };
        const res = await build(text)('https://journal.example.test', fetch, async (ms) => void waits.push(ms));
        return { status: res.status, requests: i, waits };
      };
      const before = await run(source);
      const after = await run(output);
      assert.deepEqual({ status: after.status, requests: after.requests, waits: after.waits.length }, { status: before.status, requests: before.requests, waits: before.waits.length }, JSON.stringify(seq));
      for (const ms of after.waits) assert.ok(ms >= 0 && ms <= 20_000, `wait ${ms} ms within the helper's default cap`);
    }
  });

  it('replaces only the wait with backoffDelay when the catch does more than retry (logging)', () => {
    const { plan, output } = rewrite(
      `async function subscribe(channel, connect) {
  let n = 0;
  while (true) {
    try {
      return await connect(channel);
    } catch (error) {
      console.warn('connect failed, retrying', error.message);
      const backoff = Math.random() * 100 * 2 ** n++;
      await new Promise((done) => setTimeout(done, backoff));
    }
  }
}
`,
      'while',
      '/ws/src/subscribe.js',
    );
    assert.equal(plan?.kind, 'delay');
    assert.deepEqual(plan?.names, ['backoffDelay']);
    // `n++` in the delay steps the counter before the wait: on the first retry n is 1, the helper's attempt 1.
    // Unbounded and uncapped: the helper caps the growth at require-max-delay's 60 s.
    assert.match(output, /setTimeout\(done, backoffDelay\(n, \{ baseDelayMs: 100, maxDelayMs: 60000 \}\)\)/);
  });

  it('does not rewrite when the operation uses the attempt counter and no wait exists to replace', () => {
    const { plan } = rewrite(
      `export async function f(op: (n: number) => Promise<void>) {
  for (let i = 0; i < 3; i++) {
    try {
      return await op(i);
    } catch {}
  }
}
`,
      'for',
    );
    assert.equal(plan, undefined);
  });

  it('does not rewrite a loop whose exhaustion path returns a value instead of throwing', () => {
    const { plan } = rewrite(
      `export async function f(op: () => Promise<number>) {
  for (let i = 0; i < 3; i++) {
    try {
      return await op();
    } catch {
      await sleep(100);
    }
  }
  return 0;
}
`,
      'for',
    );
    assert.notEqual(plan?.kind, 'full');
  });
});
