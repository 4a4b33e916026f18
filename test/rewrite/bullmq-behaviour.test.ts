// Run both, for BullMQ's backoff suggestions, with bullmq's REAL retry decision and backoff code
// (bullmq 6.7.0, pinned in the root devDependencies) and no Redis: a job's retry is decided by
// `Job.prototype.shouldRetryJob` (attempts left, `Backoffs.calculate` over the normalised `backoff`
// option: the built-in `fixed` and `exponential` strategies with their `jitter`), which needs no
// connection. What needs Redis is only the bookkeeping around it (moving the job to `delayed`,
// counting `attemptsMade`), which the loop below does as bullmq's scripts do: one more attempt
// made per failure, the next attempt after the returned delay.
//
// Each program below enqueues a job through a stand-in `Queue` that merges `defaultJobOptions`
// under the job's options as bullmq's `Queue.add` does; the job then runs against a scripted
// server as written and after every suggestion offered for the program's findings. A suggestion
// keeps the meaning: the same outcome and the same number of attempts in every scenario; a jitter
// edit keeps each wait within the fixed or exponential wait it randomises and makes it follow the
// random source; a backoff edit makes the waits grow from the same first wait, each under the cap.
import assert from 'node:assert/strict';
import * as ts from 'typescript';
import { apply, findings, offeredEdits, parseError } from './harness';

type Answer = number | 'network';

const SCENARIOS: Record<string, Answer[]> = {
  '503, 503, 200': [503, 503, 200],
  '400': [400],
  'network error, 200': ['network', 200],
  '429 (Retry-After 2 s), 200': [429, 200],
  'always 503': [503],
};

/** The longest wait require-max-delay allows by default (`maxDelayMs`): a backoff edit keeps every wait under it. */
const CAP_MS = 60_000;

interface Run {
  outcome: string;
  attempts: number;
  waits: number[];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
let bullmq: any;

/** The job options the program enqueues with (its `enqueue(data)`), defaults merged as `Queue.add` does. */
function jobOptions(text: string): Record<string, unknown> {
  const js = ts.transpileModule(text, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
  let added: Record<string, unknown> | undefined;
  class Queue {
    private readonly defaults: Record<string, unknown>;
    constructor(_name: string, opts: { defaultJobOptions?: Record<string, unknown> } = {}) {
      this.defaults = opts.defaultJobOptions ?? {};
    }
    async add(_name: string, _data: unknown, opts: Record<string, unknown> = {}): Promise<void> {
      added = { ...this.defaults, ...opts };
    }
  }
  const exports: Record<string, unknown> = {};
  new Function('require', 'exports', 'module', js)((m: string) => (m === 'bullmq' ? { ...bullmq, Queue } : undefined), exports, { exports });
  void (exports.enqueue as (d: unknown) => Promise<void>)({ to: 'a@example.test' });
  assert.ok(added, 'the program enqueues a job');
  return added;
}

/** Runs a job with `opts` against `script`: bullmq's own shouldRetryJob decides each retry and its delay. */
async function runJob(opts: Record<string, unknown>, script: readonly Answer[], random = 0.5): Promise<Run> {
  const queue = { opts: {}, name: 'mail', qualifiedName: 'bull:mail', toKey: (k: string) => `bull:mail:${k}`, keys: {}, client: Promise.resolve({}), trace: async (_a: unknown, _b: unknown, _c: unknown, fn: () => unknown) => fn() };
  const job = new bullmq.Job(queue, 'send', {}, opts);
  const realRandom = Math.random;
  Math.random = () => random;
  const waits: number[] = [];
  let attempts = 0;
  try {
    for (;;) {
      attempts++;
      // A retry that never gives up meets a recovered server after 30 attempts.
      const a = attempts > 30 ? 200 : script[Math.min(attempts - 1, script.length - 1)]!;
      if (a !== 'network' && a < 300) return { outcome: 'completed', attempts, waits };
      const err = new Error(a === 'network' ? 'ECONNRESET' : `HTTP ${a}`);
      const [retry, delay] = (await job.shouldRetryJob(err)) as [boolean, number];
      if (!retry) return { outcome: `failed ${err.message}`, attempts, waits };
      waits.push(delay);
      job.attemptsMade++;
    }
  } finally {
    Math.random = realRandom;
  }
}

const PROGRAMS: Record<string, string> = {
  'fixed backoff': `import { Queue } from 'bullmq';

const queue = new Queue('mail');
export const enqueue = (data) => queue.add('send', data, { attempts: 5, backoff: { type: 'fixed', delay: 1000 } });
`,
  'numeric backoff': `import { Queue } from 'bullmq';

const queue = new Queue('mail');
export const enqueue = (data) => queue.add('send', data, { attempts: 5, backoff: 2000 });
`,
  'exponential backoff without jitter': `import { Queue } from 'bullmq';

const queue = new Queue('mail');
export const enqueue = (data) => queue.add('send', data, { attempts: 4, backoff: { type: 'exponential', delay: 1000 } });
`,
  'exponential backoff, jitter 0': `import { Queue } from 'bullmq';

const queue = new Queue('mail');
export const enqueue = (data) => queue.add('send', data, { attempts: 6, backoff: { type: 'exponential', delay: 3000, jitter: 0 } });
`,
  'fixed backoff in defaultJobOptions': `import { Queue } from 'bullmq';

export const queue = new Queue('mail', { defaultJobOptions: { attempts: 3, backoff: { type: 'fixed', delay: 500 } } });
export const enqueue = (data) => queue.add('send', data);
`,
  'long fixed backoff, many attempts (exponential would exceed the cap)': `import { Queue } from 'bullmq';

const queue = new Queue('mail');
export const enqueue = (data) => queue.add('send', data, { attempts: 8, backoff: { type: 'fixed', delay: 20000 } });
`,
  'typed options (TypeScript)': `import { Queue, type JobsOptions } from 'bullmq';

const queue = new Queue('reports');
const opts: JobsOptions = { attempts: 4, backoff: { type: 'fixed', delay: 750 } };
export const enqueue = (data: unknown) => queue.add('build', data, opts);
`,
};

const matrix = { programs: 0, suggestions: 0, pairs: 0 };

describe('run both, real bullmq retry decision (no Redis): backoff suggestions keep what the retry does', function () {
  this.timeout(60_000);
  before(async () => {
    bullmq = await import('bullmq');
  });
  after(() => {
    // eslint-disable-next-line no-console
    console.log(`      bullmq: ${matrix.programs} programs, ${matrix.suggestions} suggestions, ${Object.keys(SCENARIOS).length} scenarios, ${matrix.pairs} original/rewritten pairs run`);
  });

  it("the harness runs bullmq's own decision: attempts 4 exponential 1000 waits 1000, 2000, 4000 and stops", async () => {
    const run = await runJob({ attempts: 4, backoff: { type: 'exponential', delay: 1000 } }, SCENARIOS['always 503']!);
    assert.deepEqual(run, { outcome: 'failed HTTP 503', attempts: 4, waits: [1000, 2000, 4000] });
  });

  for (const [name, text] of Object.entries(PROGRAMS)) {
    describe(name, () => {
      const file = /type JobsOptions/.test(text) ? '/ws/src/queue.ts' : '/ws/src/queue.js';
      const list = findings(text, file);
      const edits = offeredEdits(text, file, list).filter((e) => e.kind === 'suggestion');
      it('has findings with suggestions, and each parses', () => {
        matrix.programs++;
        assert.ok(list.length > 0, 'the program has findings');
        assert.ok(edits.length > 0, `suggestions are offered for ${list.map((f) => f.ruleId).join(', ')}`);
        for (const e of edits) assert.equal(parseError(apply(text, e.edits), file), undefined, `${e.title} parses`);
      });
      for (const edit of edits) {
        it(`${edit.title} (for ${edit.finding.ruleId}, line ${edit.finding.line})`, async () => {
          matrix.suggestions++;
          const rewritten = apply(text, edit.edits);
          const rule = edit.finding.ruleId;
          const before = jobOptions(text);
          const after = jobOptions(rewritten);
          for (const [scenario, script] of Object.entries(SCENARIOS)) {
            matrix.pairs++;
            const b = await runJob(before, script);
            const a = await runJob(after, script);
            const label = `${scenario}: ${b.attempts} → ${a.attempts} attempts, ${b.outcome} → ${a.outcome}, waits [${b.waits}] → [${a.waits}]\n--- rewritten:\n${rewritten}`;
            assert.equal(a.outcome, b.outcome, `same outcome: ${label}`);
            assert.equal(a.attempts, b.attempts, `same attempts: ${label}`);
            if (rule === 'retry/require-jitter') {
              // Jitter randomises within the wait it replaces: never longer, at least half.
              for (const [i, w] of a.waits.entries()) assert.ok(w <= b.waits[i]! && w >= b.waits[i]! / 2, `wait ${i} within [${b.waits[i]! / 2}, ${b.waits[i]}]: ${label}`);
            }
            if (rule === 'retry/require-backoff' && a.waits.length >= 2) {
              assert.ok(a.waits[0]! <= b.waits[0]!, `the first wait no longer than before: ${label}`);
              assert.ok(a.waits[a.waits.length - 1]! > a.waits[0]!, `the wait grows: ${label}`);
              for (const w of a.waits) assert.ok(w <= CAP_MS, `each wait at most ${CAP_MS} ms: ${label}`);
            }
          }
          if (rule === 'retry/require-jitter') {
            const low = await runJob(after, SCENARIOS['always 503']!, 0.01);
            const high = await runJob(after, SCENARIOS['always 503']!, 0.99);
            assert.notDeepEqual(low.waits, high.waits, `the waits depend on Math.random ([${low.waits}] vs [${high.waits}])\n${rewritten}`);
          }
        });
      }
    });
  }
});
