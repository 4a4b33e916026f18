// Run both, on the distribution of the waits: a constant wait that is random on each attempt
// (`sleep(Math.random() * 5000)`, `sleep(1000 + Math.random() * 500)`, a jitter function of the
// program's own) draws afresh before every retry. The growth edit (require-backoff's suggestion)
// must keep that: each attempt's wait is a fresh draw, scaled by the growth, never one draw taken
// once before the loop and doubled (issue 10, fixes5). Each program runs 200 times as written and
// after the edit, with the same seeded random source, against a server that always answers 503.
import assert from 'node:assert/strict';
import { apply, findings, offeredEdits, runProgram } from './harness';
import { seededRandom } from '../helper/prng';

const FILE = '/ws/src/random-wait.js';
const RUNS = 200;

const PROGRAMS: Record<string, string> = {
  'for loop, full-range random wait': `async function run(url) {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const res = await fetch(url);
      if (!res.ok) throw new Error('HTTP ' + res.status);
      return await res.json();
    } catch (err) {
      if (attempt === 4) throw err;
      await sleep(Math.random() * 5000);
    }
  }
}`,
  'while loop, constant plus a random part': `async function run(url) {
  let tries = 0;
  while (tries < 5) {
    tries++;
    try {
      const res = await fetch(url);
      if (!res.ok) throw new Error('HTTP ' + res.status);
      return await res.json();
    } catch (err) {
      if (tries >= 5) throw err;
      await new Promise((resolve) => setTimeout(resolve, 1000 + Math.random() * 500));
    }
  }
}`,
  "do-while loop, the program's own jitter function": `function between(lowMs, highMs) {
  return lowMs + Math.random() * (highMs - lowMs);
}
async function run(url) {
  let n = 0;
  do {
    try {
      const res = await fetch(url);
      if (!res.ok) throw new Error('HTTP ' + res.status);
      return await res.json();
    } catch (err) {
      n += 1;
      if (n >= 5) throw err;
      await sleep(between(800, 1600));
    }
  } while (true);
}`,
  'for loop, random wait held in a parameter-derived expression': `async function run(url, body, spreadMs = 3000) {
  for (let i = 0; i < 5; i++) {
    try {
      const res = await fetch(url, { method: 'PUT', body });
      if (!res.ok) throw new Error('HTTP ' + res.status);
      return await res.json();
    } catch (err) {
      if (i === 4) throw err;
      await sleep(Math.floor(Math.random() * spreadMs));
    }
  }
}`,
};

/** Pearson correlation of two equal-length samples (0 when one is constant). */
function correlation(a: readonly number[], b: readonly number[]): number {
  const mean = (x: readonly number[]): number => x.reduce((s, v) => s + v, 0) / x.length;
  const ma = mean(a);
  const mb = mean(b);
  let num = 0;
  let da = 0;
  let db = 0;
  for (let i = 0; i < a.length; i++) {
    num += (a[i]! - ma) * (b[i]! - mb);
    da += (a[i]! - ma) ** 2;
    db += (b[i]! - mb) ** 2;
  }
  return da === 0 || db === 0 ? 0 : num / Math.sqrt(da * db);
}

/** The waits of `RUNS` runs, by attempt: `byAttempt[k][run]`. */
async function waitsByAttempt(text: string): Promise<{ byAttempt: number[][]; outcomes: Set<string>; attempts: Set<number> }> {
  const byAttempt: number[][] = [];
  const outcomes = new Set<string>();
  const attempts = new Set<number>();
  for (let run = 0; run < RUNS; run++) {
    const r = await runProgram(text, [{ status: 503 }], seededRandom(1000 + run));
    outcomes.add(r.outcome);
    attempts.add(r.requests.length);
    r.waits.forEach((w, k) => (byAttempt[k] ??= []).push(w));
  }
  return { byAttempt, outcomes, attempts };
}

describe('run both: the growth edit on a random constant wait draws afresh on every attempt', function () {
  this.timeout(120_000);
  for (const [name, text] of Object.entries(PROGRAMS)) {
    const growth = offeredEdits(text, FILE, findings(text, FILE)).filter((e) => e.kind === 'suggestion' && e.finding.ruleId === 'retry/require-backoff');
    it(`${name}: a growth edit is offered`, () => assert.ok(growth.length > 0, 'require-backoff offers an edit'));
    for (const edit of growth) {
      it(`${name}: ${edit.title}`, async () => {
        const rewritten = apply(text, edit.edits);
        // The finding is gone and no other appears.
        const count = (t: string, rule?: string): number => findings(t, FILE).filter((f) => !rule || f.ruleId === rule).length;
        assert.ok(count(rewritten, 'retry/require-backoff') < count(text, 'retry/require-backoff'), `the require-backoff finding is gone:\n${rewritten}`);
        for (const f of findings(rewritten, FILE)) assert.ok(count(rewritten, f.ruleId) <= count(text, f.ruleId), `no new ${f.ruleId} finding:\n${rewritten}`);
        const before = await waitsByAttempt(text);
        const after = await waitsByAttempt(rewritten);
        const label = `\n--- rewritten:\n${rewritten}`;
        assert.deepEqual([...after.outcomes], [...before.outcomes], `same outcome${label}`);
        assert.deepEqual([...after.attempts], [...before.attempts], `same attempts${label}`);
        assert.equal(after.byAttempt.length, before.byAttempt.length, `as many waits${label}`);
        const mean = (x: readonly number[]): number => x.reduce((s, v) => s + v, 0) / x.length;
        // The first wait is what it was: the same draw, unscaled.
        assert.ok(Math.abs(mean(after.byAttempt[0]!) - mean(before.byAttempt[0]!)) <= 0.05 * mean(before.byAttempt[0]!), `first wait as before (${mean(before.byAttempt[0]!)} → ${mean(after.byAttempt[0]!)})${label}`);
        // It grows: the last wait's mean above the first's.
        const last = after.byAttempt.length - 1;
        assert.ok(mean(after.byAttempt[last]!) > 1.5 * mean(after.byAttempt[0]!), `the wait grows (${after.byAttempt.map((w) => Math.round(mean(w)))})${label}`);
        // A fresh draw each attempt: consecutive waits as independent as the original's were (one
        // draw doubled would make them perfectly correlated), and each attempt's waits spread as widely
        // relative to their mean as the first attempt's do.
        for (let k = 1; k < after.byAttempt.length; k++) {
          const was = correlation(before.byAttempt[k - 1]!, before.byAttempt[k]!);
          const now = correlation(after.byAttempt[k - 1]!, after.byAttempt[k]!);
          assert.ok(Math.abs(now) < Math.abs(was) + 0.3, `attempts ${k} and ${k + 1} drawn independently (correlation ${was.toFixed(2)} → ${now.toFixed(2)})${label}`);
        }
      });
    }
  }
});
