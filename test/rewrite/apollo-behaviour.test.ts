// Run both, for Apollo Client's RetryLink suggestions, with the REAL library (@apollo/client 4,
// pinned in the root devDependencies): each program below builds a `RetryLink`; the test puts it in
// front of a real `HttpLink` whose `fetch` is a scripted server, in a real `ApolloClient`, and sends
// a query and a mutation, as written and after every suggestion offered for the program's findings.
// Every timer fires at once and advances a virtual clock (`Date.now` follows it), so the waits
// between attempts are read off the clock; `Math.random` is fixed (0.5) unless a test varies it.
//
// A suggestion keeps the meaning: the same outcome, the same number of attempts and the same waits,
// except where its finding says why (an unbounded retry gives up; a mutation no longer retried is
// sent once; a jitter edit makes the waits follow the random source). RetryLink never reads
// Retry-After (the adapter's docs say so), so the 429 scenarios only check that nothing else changes.
//
// BullMQ's suggestions run in bullmq-behaviour.test.ts (its real retry decision, without Redis).
import assert from 'node:assert/strict';
import * as ts from 'typescript';
import { apply, findings, LIBRARY_SCENARIOS, offeredEdits, parseError, type LibraryAnswer, type OfferedEdit } from './harness';

type Answer = LibraryAnswer;
const SCENARIOS = LIBRARY_SCENARIOS;

const OPERATIONS = ['query', 'mutation'] as const;
type OperationKind = (typeof OPERATIONS)[number];

/** The virtual clock starts on a whole second, so an HTTP-date three seconds on is exact. */
const START = Date.UTC(2026, 11, 2, 0, 0, 0);

interface Run {
  outcome: string;
  /** The GraphQL operation type of each request the server saw (a query or a mutation). */
  requests: string[];
  /** Virtual time between consecutive attempts. */
  waits: number[];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Apollo = any;
let apollo: Apollo;
let retryModule: Record<string, unknown>;

/** A program's text (TypeScript or JavaScript, ES modules) to a function returning its exports. */
function load(text: string): () => Record<string, unknown> {
  const js = ts.transpileModule(text, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
  const modules: Record<string, unknown> = { '@apollo/client': apollo, '@apollo/client/link/retry': retryModule };
  return () => {
    const exports: Record<string, unknown> = {};
    new Function('require', 'exports', 'module', js)((m: string) => modules[m], exports, { exports });
    return exports;
  };
}

/**
 * Runs the program's exported `link` (a RetryLink) in front of a real HttpLink against `script`,
 * sending one query or one mutation through a real ApolloClient.
 */
async function runProgram(text: string, kind: OperationKind, script: readonly Answer[], random = 0.5): Promise<Run> {
  let clock = START;
  const requests: string[] = [];
  const times: number[] = [];
  const realSetTimeout = globalThis.setTimeout;
  const realNow = Date.now;
  const realRandom = Math.random;
  (globalThis as { setTimeout: unknown }).setTimeout = (cb: (...a: unknown[]) => void, ms?: number, ...args: unknown[]) =>
    realSetTimeout(() => {
      clock += Math.max(0, Number(ms) || 0);
      cb(...args);
    }, 0);
  Date.now = () => clock;
  Math.random = () => random;
  const fetch = async (_uri: string, init: RequestInit): Promise<Response> => {
    const body = JSON.parse(String(init.body)) as { query: string };
    requests.push(/^\s*mutation\b/.test(body.query) ? 'mutation' : 'query');
    times.push(clock);
    // A retry that never gives up meets a recovered server after 30 requests.
    const a = requests.length > 30 ? { status: 200 } : script[Math.min(requests.length - 1, script.length - 1)]!;
    if (a === 'network') throw Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }) });
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (a.retryAfter === 'seconds:2') headers['retry-after'] = '2';
    if (a.retryAfter === 'date:+3') headers['retry-after'] = new Date(clock + 3000).toUTCString();
    const data = kind === 'query' ? { orders: [{ __typename: 'Order', id: '1' }] } : { placeOrder: { __typename: 'Order', id: '2' } };
    return new Response(JSON.stringify(a.status < 300 ? { data } : { error: a.status }), { status: a.status, headers });
  };
  try {
    const { link } = load(text)() as { link: unknown };
    const client = new apollo.ApolloClient({ cache: new apollo.InMemoryCache(), link: apollo.from([link, new apollo.HttpLink({ uri: 'https://api.example.test/graphql', fetch })]) });
    let outcome: string;
    try {
      const result =
        kind === 'query'
          ? await client.query({ query: apollo.gql`query Orders { orders { id } }`, fetchPolicy: 'no-cache' })
          : await client.mutate({ mutation: apollo.gql`mutation Place($sku: Int) { placeOrder(sku: $sku) { id } }`, variables: { sku: 1 } });
      outcome = result.error ? `error ${result.error.statusCode ?? result.error.name}` : `ok ${JSON.stringify(result.data)}`;
    } catch (error) {
      const e = error as { statusCode?: number; name?: string };
      outcome = `error ${e.statusCode ?? e.name}`;
    }
    return { outcome, requests, waits: times.slice(1).map((t, i) => t - times[i]!) };
  } finally {
    globalThis.setTimeout = realSetTimeout;
    Date.now = realNow;
    Math.random = realRandom;
  }
}

const PROGRAMS: Record<string, { text: string; file: string }> = {
  'defaults (mutations retried)': {
    file: '/ws/src/link.js',
    text: `import { RetryLink } from '@apollo/client/link/retry';

export const link = new RetryLink();
`,
  },
  'empty options (mutations retried)': {
    file: '/ws/src/link.js',
    text: `import { RetryLink } from '@apollo/client/link/retry';

export const link = new RetryLink({});
`,
  },
  'no attempt limit, mutations retried': {
    file: '/ws/src/link.js',
    text: `import { RetryLink } from '@apollo/client/link/retry';

export const link = new RetryLink({ attempts: { max: Infinity } });
`,
  },
  'no attempt limit, mutations skipped, capped': {
    file: '/ws/src/link.js',
    text: `import { RetryLink } from '@apollo/client/link/retry';

export const link = new RetryLink({
  delay: { initial: 300, max: 10000 },
  attempts: { max: Infinity, retryIf: (error, operation) => !!error && operation.operationType !== 'mutation' },
});
`,
  },
  'a constant delay function': {
    file: '/ws/src/link.js',
    text: `import { RetryLink } from '@apollo/client/link/retry';

export const link = new RetryLink({
  delay: (count) => 1000,
  attempts: { max: 4, retryIf: (error, operation) => !!error && operation.operationType !== 'mutation' },
});
`,
  },
  'options typed with satisfies, retryIf ignores the operation (TypeScript)': {
    file: '/ws/src/link.ts',
    text: `import { RetryLink } from '@apollo/client/link/retry';

const linkPolicy = {
  delay: { initial: 500, max: 8_000, jitter: true },
  attempts: { max: 4, retryIf: (error: unknown) => Boolean(error) },
} satisfies RetryLink.Options;

export const link = new RetryLink(linkPolicy);
`,
  },
  'attempts object without retryIf': {
    file: '/ws/src/link.js',
    text: `import { RetryLink } from '@apollo/client/link/retry';

export const link = new RetryLink({ delay: { initial: 200, max: 5000 }, attempts: { max: 3 } });
`,
  },
  'delay only (mutations retried)': {
    file: '/ws/src/link.js',
    text: `import { RetryLink } from '@apollo/client/link/retry';

export const link = new RetryLink({ delay: { initial: 200, max: 5000, jitter: true } });
`,
  },
  'an attempts function that ignores the operation': {
    file: '/ws/src/link.js',
    text: `import { RetryLink } from '@apollo/client/link/retry';

export const link = new RetryLink({ delay: { initial: 100, max: 4000 }, attempts: (count, operation, error) => !!error && count < 4 });
`,
  },
  'a named retryIf function': {
    file: '/ws/src/link.js',
    text: `import { RetryLink } from '@apollo/client/link/retry';

function isTransient(error) {
  return Boolean(error) && error.name !== 'AbortError';
}

export const link = new RetryLink({ delay: { initial: 300, max: 5000 }, attempts: { max: 4, retryIf: isTransient } });
`,
  },
  'a retryIf block that logs the operation': {
    file: '/ws/src/link.js',
    text: `import { RetryLink } from '@apollo/client/link/retry';

const seen = [];
export const link = new RetryLink({
  attempts: {
    max: 3,
    retryIf: (error, operation) => {
      seen.push(operation.operationName);
      return !!error;
    },
  },
});
`,
  },
  'an async retryIf method': {
    file: '/ws/src/link.js',
    text: `import { RetryLink } from '@apollo/client/link/retry';

export const link = new RetryLink({
  delay: { initial: 300, max: 6000 },
  attempts: {
    max: 3,
    async retryIf(error) {
      await Promise.resolve();
      return !!error;
    },
  },
});
`,
  },
  'an async retryIf that ignores the operation': {
    file: '/ws/src/link.js',
    text: `import { RetryLink } from '@apollo/client/link/retry';

export const link = new RetryLink({ attempts: { max: 3, retryIf: async (error) => !!error } });
`,
  },
};

/** Why an offered edit may make fewer attempts than the original: its finding says so. */
function mayMakeFewer(edit: OfferedEdit, kind: OperationKind): boolean {
  if (edit.finding.ruleId === 'retry/no-unbounded-retry') return true;
  if (edit.finding.ruleId === 'retry/require-idempotency-key') return kind === 'mutation';
  return false;
}

/** Matrix size, printed at the end: programs, suggestions and (original, rewritten) pairs run. */
const matrix = { programs: 0, suggestions: 0, pairs: 0 };

describe('run both, real @apollo/client: RetryLink suggestions keep what the retry does', function () {
  this.timeout(120_000);
  before(async () => {
    apollo = await import('@apollo/client');
    retryModule = (await import('@apollo/client/link/retry')) as Record<string, unknown>;
  });
  after(() => {
    // eslint-disable-next-line no-console
    console.log(`      apollo: ${matrix.programs} programs, ${matrix.suggestions} suggestions, ${Object.keys(SCENARIOS).length} scenarios × ${OPERATIONS.length} operations, ${matrix.pairs} original/rewritten pairs run`);
  });

  it('the harness sees the real library: defaults retry a 503 (5 attempts) and never read Retry-After', async () => {
    const text = PROGRAMS['defaults (mutations retried)']!.text;
    const always = await runProgram(text, 'query', SCENARIOS['always 503']!);
    assert.equal(always.requests.length, 5);
    assert.equal(always.outcome, 'error 503');
    const limited = await runProgram(text, 'mutation', SCENARIOS['429 Retry-After 2 s, 200']!);
    assert.deepEqual(limited.requests, ['mutation', 'mutation']);
    assert.ok(limited.waits[0]! < 2000, `RetryLink's own wait (${limited.waits[0]} ms), not the server's`);
  });

  for (const [name, program] of Object.entries(PROGRAMS)) {
    describe(name, () => {
      const list = findings(program.text, program.file);
      const edits = offeredEdits(program.text, program.file, list).filter((e) => e.kind === 'suggestion');
      it('has findings with suggestions, and each parses', () => {
        matrix.programs++;
        assert.ok(list.length > 0, 'the program has findings');
        assert.ok(edits.length > 0, `suggestions are offered for ${list.map((f) => f.ruleId).join(', ')}`);
        for (const e of edits) assert.equal(parseError(apply(program.text, e.edits), program.file), undefined, `${e.title} parses`);
      });
      for (const edit of edits) {
        it(`${edit.title} (for ${edit.finding.ruleId}, line ${edit.finding.line})`, async () => {
          matrix.suggestions++;
          const rewritten = apply(program.text, edit.edits);
          const rule = edit.finding.ruleId;
          for (const kind of OPERATIONS) {
            for (const [scenario, script] of Object.entries(SCENARIOS)) {
              matrix.pairs++;
              const before = await runProgram(program.text, kind, script);
              const after = await runProgram(rewritten, kind, script);
              const label = `${kind}, ${scenario}: ${before.requests.length} → ${after.requests.length} attempts, ${before.outcome} → ${after.outcome}, waits [${before.waits}] → [${after.waits}]\n--- rewritten:\n${rewritten}`;
              assert.ok(after.requests.every((r) => r === kind), `only the ${kind} is sent: ${label}`);
              if (mayMakeFewer(edit, kind) && after.requests.length < before.requests.length) {
                assert.ok(after.outcome.startsWith('error'), `gives up with the error: ${label}`);
                if (rule === 'retry/require-idempotency-key') assert.equal(after.requests.length, 1, `the mutation is sent once: ${label}`);
                if (rule === 'retry/no-unbounded-retry') assert.ok(after.requests.length >= 2, `still retries: ${label}`);
                assert.deepEqual(after.waits, before.waits.slice(0, after.waits.length), `the same waits until it gives up: ${label}`);
              } else {
                assert.equal(after.outcome, before.outcome, `same outcome: ${label}`);
                assert.equal(after.requests.length, before.requests.length, `same attempts: ${label}`);
                if (rule !== 'retry/require-jitter') assert.deepEqual(after.waits, before.waits, `same waits: ${label}`);
              }
              if (rule === 'retry/require-idempotency-key' && kind === 'mutation') assert.equal(after.requests.length, 1, `the mutation is not retried: ${label}`);
              if (rule === 'retry/no-unbounded-retry' && scenario === 'always 503') assert.ok(after.requests.length < 30, `gives up before the server recovers: ${label}`);
            }
          }
          if (rule === 'retry/require-jitter') {
            // Jitter is real: the waits follow the random source, and stay under what they replace.
            const base = await runProgram(program.text, 'query', SCENARIOS['503, 503, 200']!);
            const low = await runProgram(rewritten, 'query', SCENARIOS['503, 503, 200']!, 0.01);
            const high = await runProgram(rewritten, 'query', SCENARIOS['503, 503, 200']!, 0.99);
            assert.notDeepEqual(low.waits, high.waits, `the waits depend on Math.random ([${low.waits}] vs [${high.waits}])\n${rewritten}`);
            for (const [i, w] of high.waits.entries()) assert.ok(w <= Math.max(base.waits[i]! * 2, base.waits[i]!), `wait ${i} (${w} ms) at most twice the original ${base.waits[i]} ms`);
          }
        });
      }
    });
  }
});
