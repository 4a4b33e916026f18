// Run both, for the library and interceptor suggestions: each retry below runs as written and after
// every suggestion offered for its findings, against a scripted server on a fake clock (rxjs'
// TestScheduler virtual time; a fake `setTimeout` for interceptors and cockatiel). A suggestion
// keeps the meaning: the same outcome and the same number of attempts (fewer only for the
// classification that fails fast on a 4xx, which no-retry-on-client-error asks for), each wait
// jittered (at most the backoff it replaces grows to) and capped, and waits that grow where the
// finding said they did not.
import assert from 'node:assert/strict';
import * as rxjs from 'rxjs';
import * as rxjsOperators from 'rxjs/operators';
import { TestScheduler } from 'rxjs/testing';
import * as cockatiel from 'cockatiel';
import { apply, findings, offeredEdits, parseError, type OfferedEdit } from './harness';

type Answer = number | 'network';

const SCENARIOS: Record<string, Answer[]> = {
  '503, 503, 200': [503, 503, 200],
  '400': [400],
  'network error, 200': ['network', 200],
  'always 503': [503],
};

/** Module text to a function body: `import { a, b as c } from 'm'` → `const { a, b: c } = modules['m']`; `export` dropped. */
function asScript(text: string): string {
  return text
    .replace(/import\s*\*\s*as\s+(\w+)\s+from\s*['"]([^'"]+)['"];?/g, (_, ns: string, m: string) => `const ${ns} = modules['${m}'];`)
    .replace(/import\s*\{([^}]*)\}\s*from\s*['"]([^'"]+)['"];?/g, (_, names: string, m: string) => `const {${names.replace(/\bas\b/g, ':')}} = modules['${m}'];`)
    .replace(/^export\s+/gm, '');
}

interface Run {
  outcome: string;
  attempts: number;
  /** Virtual time between consecutive attempts. */
  waits: number[];
}

/** Runs an rxjs program (`run(ajax)` returning the retried observable) in virtual time against `script`. */
function runRx(text: string, script: readonly Answer[]): Run {
  const times: number[] = [];
  let outcome = 'pending';
  const scheduler = new TestScheduler(() => undefined);
  scheduler.run(({ flush }) => {
    const ajax = {
      getJSON: () =>
        rxjs.defer(() => {
          times.push(scheduler.now());
          const a = script[Math.min(times.length - 1, script.length - 1)]!;
          if (times.length > 50) return rxjs.of({ status: 'runaway' });
          if (a === 'network') return rxjs.throwError(() => ({ status: 0, message: 'network' }));
          return a < 300 ? rxjs.of({ status: a }) : rxjs.throwError(() => ({ status: a }));
        }),
    };
    const modules = { rxjs, 'rxjs/operators': rxjsOperators, 'rxjs/ajax': { ajax } };
    const fakeMath = Object.assign(Object.create(Math), { random: () => 0.5 });
    const run = new Function('modules', 'Math', `${asScript(text)}\nreturn run;`)(modules, fakeMath) as (a: typeof ajax) => rxjs.Observable<unknown>;
    run(ajax).subscribe({ next: (v) => (outcome = `ok ${JSON.stringify(v)}`), error: (e) => (outcome = `error ${JSON.stringify(e)}`) });
    flush();
  });
  return { outcome, attempts: times.length, waits: times.slice(1).map((t, i) => t - times[i]!) };
}

/** Runs a cockatiel program (`run(cockatiel, op)`) with a fake clock: every timer fires at once and advances it. */
async function runCockatiel(text: string, script: readonly Answer[]): Promise<Run> {
  const times: number[] = [];
  let clock = 0;
  const realSetTimeout = globalThis.setTimeout;
  (globalThis as { setTimeout: unknown }).setTimeout = (cb: () => void, ms = 0) => realSetTimeout(() => ((clock += ms), cb()), 0);
  const realRandom = Math.random;
  Math.random = () => 0.5;
  try {
    const op = async () => {
      times.push(clock);
      const a = script[Math.min(times.length - 1, script.length - 1)]!;
      if (times.length > 50) return { status: 'runaway' };
      if (a === 'network' || a >= 300) throw Object.assign(new Error(`HTTP ${a}`), { status: a });
      return { status: a };
    };
    const modules = { cockatiel };
    const run = new Function('modules', `${asScript(text)}\nreturn run;`)(modules) as (o: typeof op) => Promise<unknown>;
    let outcome: string;
    try {
      outcome = `ok ${JSON.stringify(await run(op))}`;
    } catch (e) {
      outcome = `error ${(e as Error).message}`;
    }
    return { outcome, attempts: times.length, waits: times.slice(1).map((t, i) => t - times[i]!) };
  } finally {
    globalThis.setTimeout = realSetTimeout;
    Math.random = realRandom;
  }
}

/**
 * Runs an axios error interceptor program (`install(client)` registering the handler on a fake
 * instance) with a fake clock: a request fails per `script` and the handler's replays go round.
 */
async function runInterceptor(text: string, script: readonly Answer[]): Promise<Run> {
  const times: number[] = [];
  let clock = 0;
  const setTimeout = (cb: () => void, ms = 0): number => {
    clock += Number(ms) || 0;
    queueMicrotask(cb);
    return 0;
  };
  let onError: ((e: unknown) => unknown) | undefined;
  const send = async (config: Record<string, unknown>): Promise<unknown> => {
    times.push(clock);
    const a = script[Math.min(times.length - 1, script.length - 1)]!;
    if (times.length > 50) return { status: 'runaway' };
    if (a !== 'network' && a < 300) return { status: a };
    const error = Object.assign(new Error(a === 'network' ? 'Network Error' : `HTTP ${a}`), { config, response: a === 'network' ? undefined : { status: a, headers: {} } });
    if (!onError) throw error;
    return onError(error);
  };
  const client = Object.assign((config: Record<string, unknown>) => send(config), { interceptors: { response: { use: (_ok: unknown, err: (e: unknown) => unknown) => void (onError = err) } } });
  const fakeMath = Object.assign(Object.create(Math), { random: () => 0.5 });
  new Function('client', 'setTimeout', 'Math', 'console', `${asScript(text)}`)(client, setTimeout, fakeMath, { warn: () => undefined });
  let outcome: string;
  try {
    outcome = `ok ${JSON.stringify(await client({ url: '/orders', again: 3, againDelay: 500 }))}`;
  } catch (e) {
    outcome = `error ${(e as Error).message}`;
  }
  return { outcome, attempts: times.length, waits: times.slice(1).map((t, i) => t - times[i]!) };
}

/**
 * Runs a TanStack Query configuration through a fake QueryClient that retries like the real one
 * (`retry` more times after `retryDelay(failureCount, error)` ms, failureCount the number of failures
 * so far), against `script`.
 */
function runQuery(text: string, script: readonly Answer[]): Run {
  let options: { defaultOptions: { queries: { retry: number | boolean; retryDelay: (n: number, e: unknown) => number } } } | undefined;
  const QueryClient = class {
    constructor(o: typeof options) {
      options = o;
    }
  };
  const fakeMath = Object.assign(Object.create(Math), { random: () => 0.5 });
  new Function('modules', 'Math', asScript(text))({ '@tanstack/react-query': { QueryClient } }, fakeMath);
  const q = options!.defaultOptions.queries;
  const times: number[] = [];
  let clock = 0;
  for (let failures = 0; ; ) {
    times.push(clock);
    const a = script[Math.min(times.length - 1, script.length - 1)]!;
    if (a !== 'network' && a < 300) return { outcome: `ok ${a}`, attempts: times.length, waits: times.slice(1).map((t, i) => t - times[i]!) };
    failures++;
    const more = q.retry === true || (typeof q.retry === 'number' && failures <= q.retry);
    if (!more || times.length > 50) return { outcome: `error ${a}`, attempts: times.length, waits: times.slice(1).map((t, i) => t - times[i]!) };
    clock += q.retryDelay(failures, { status: a });
  }
}

const PROGRAMS: Record<string, { text: string; file: string; runner: (text: string, script: readonly Answer[]) => Run | Promise<Run>; unbounded?: boolean; cap: number }> = {
  'rxjs retry({ count, delay: ms }) over ajax (constant wait, catch-all)': {
    file: '/ws/src/feed.js',
    runner: runRx,
    cap: 30_000,
    text: `import { retry } from 'rxjs';
import { ajax } from 'rxjs/ajax';

export const run = () => ajax.getJSON('https://feed.example.test/items').pipe(retry({ count: 3, delay: 1000 }));
`,
  },
  'rxjs retry(n) over ajax (no wait)': {
    file: '/ws/src/feed.js',
    runner: runRx,
    cap: 30_000,
    text: `import { retry } from 'rxjs';
import { ajax } from 'rxjs/ajax';

export const run = () => ajax.getJSON('https://feed.example.test/items').pipe(retry(3));
`,
  },
  'rxjs retry() for ever (no wait)': {
    file: '/ws/src/feed.js',
    runner: runRx,
    unbounded: true,
    cap: 30_000,
    text: `import { retry } from 'rxjs';
import { ajax } from 'rxjs/ajax';

export const run = () => ajax.getJSON('https://feed.example.test/items').pipe(retry());
`,
  },
  'rxjs retryWhen notifier with delay(x) and take(n)': {
    file: '/ws/src/pins.js',
    runner: runRx,
    cap: 30_000,
    text: `import { retryWhen, delay, take, concat, throwError } from 'rxjs';

export const run = (ajax) =>
  ajax.getJSON('https://pins.example.test/').pipe(
    retryWhen((errors) => errors.pipe(delay(700), take(3))),
  );
`,
  },
  'cockatiel ConstantBackoff': {
    file: '/ws/src/policy.js',
    runner: runCockatiel,
    cap: 30_000,
    text: `import { ConstantBackoff, handleAll, retry } from 'cockatiel';

const policy = retry(handleAll, { maxAttempts: 3, backoff: new ConstantBackoff(75) });
export const run = (op) => policy.execute(() => op());
`,
  },
  'TanStack Query retryDelay function without jitter': {
    file: '/ws/src/queries.js',
    runner: runQuery,
    cap: 20_000,
    text: `import { QueryClient } from '@tanstack/react-query';

export const client = new QueryClient({
  defaultOptions: { queries: { retry: 3, retryDelay: (failures) => Math.min(1500 * 2 ** failures, 20_000) } },
});
`,
  },
  'axios interceptor that replays with a constant wait and a counter on the config': {
    file: '/ws/src/http.js',
    runner: runInterceptor,
    cap: 30_000,
    text: `client.interceptors.response.use(undefined, (failure) => {
  const cfg = failure.config;
  if (!cfg || !cfg.again) return Promise.reject(failure);
  cfg._tries = cfg._tries || 0;
  if (cfg._tries >= cfg.again) return Promise.reject(failure);
  cfg._tries += 1;
  const gate = new Promise((go) => setTimeout(() => go(), cfg.againDelay || 0));
  return gate.then(() => client(cfg));
});
`,
  },
  'axios interceptor that replays 429s for ever after a fixed wait': {
    file: '/ws/src/http.js',
    runner: runInterceptor,
    unbounded: true,
    cap: 60_000,
    text: `client.interceptors.response.use(
  (res) => res,
  async (error) => {
    if (error.response?.status === 503) {
      console.warn('unavailable, trying again shortly');
      await new Promise((r) => setTimeout(r, 2500));
      return client(error.config);
    }
    return Promise.reject(error);
  },
);
`,
  },
};

const runnerIs = (a: unknown, b: unknown): boolean => a === b;

/** The classification variant fails fast on a 4xx: fewer attempts there, as its finding says. */
function mayMakeFewer(edit: OfferedEdit, scenario: string): boolean {
  return (edit.finding.ruleId === 'retry/no-retry-on-client-error' && scenario === '400') || (edit.finding.ruleId === 'retry/no-unbounded-retry' && scenario === 'always 503');
}

describe('run both: library and interceptor suggestions keep what the retry does', function () {
  this.timeout(60_000);
  for (const [name, program] of Object.entries(PROGRAMS)) {
    describe(name, () => {
      const list = findings(program.text, program.file);
      const edits = offeredEdits(program.text, program.file, list).filter((e) => e.kind === 'suggestion');
      it('has findings with suggestions, and each parses', () => {
        assert.ok(list.length > 0, 'the program has findings');
        assert.ok(edits.length > 0, 'suggestions are offered');
        for (const e of edits) assert.equal(parseError(apply(program.text, e.edits), program.file), undefined, `${e.title} parses`);
      });
      for (const edit of edits) {
        it(`${edit.title} (for ${edit.finding.ruleId}, line ${edit.finding.line})`, async () => {
          const rewritten = apply(program.text, edit.edits);
          for (const [scenario, script] of Object.entries(SCENARIOS)) {
            if (program.unbounded && scenario === 'always 503' && edit.finding.ruleId !== 'retry/no-unbounded-retry') continue; // never ends, before and after
            if (program.unbounded && scenario === 'always 503') {
              const after = await program.runner(rewritten, script);
              assert.ok(after.attempts <= 10, `bounded now (${after.attempts} attempts)\n${rewritten}`);
              continue;
            }
            const before = await program.runner(program.text, script);
            const after = await program.runner(rewritten, script);
            const label = `${scenario}\n--- rewritten:\n${rewritten}`;
            if (edit.finding.ruleId === 'retry/no-unbounded-retry') {
              // A bound gives up earlier on a long failure (the finding's point): fewer attempts, then the last error.
              assert.ok(after.attempts <= before.attempts, `no more attempts: ${label}`);
              assert.ok(after.outcome === before.outcome || after.outcome.startsWith('error'), `same outcome, or the last error: ${label}`);
              continue;
            }
            if (mayMakeFewer(edit, scenario)) {
              assert.ok(after.attempts <= before.attempts, `no more attempts: ${label}`);
              assert.equal(after.attempts, 1, `fails fast: ${label}`);
              continue;
            }
            assert.equal(after.outcome, before.outcome, `same outcome: ${label}`);
            assert.equal(after.attempts, before.attempts, `same attempts: ${label}`);
            for (const w of after.waits) assert.ok(w <= program.cap, `each wait capped (${w} ms): ${label}`);
            const rule = edit.finding.ruleId;
            if (rule === 'retry/require-jitter' && runnerIs(program.runner, runQuery)) {
              // Full jitter on what the function returned: a random part of each wait, never longer.
              after.waits.forEach((w, i) => assert.ok(w <= before.waits[i]! && w < before.waits[i]!, `wait ${i} jittered (${w} of ${before.waits[i]}): ${label}`));
            }
            if (rule === 'retry/require-backoff' && after.waits.length >= 3) {
              assert.ok(after.waits[2]! > after.waits[0]!, `the wait grows (${after.waits.join(', ')}): ${label}`);
            }
          }
        });
      }
    });
  }
});
