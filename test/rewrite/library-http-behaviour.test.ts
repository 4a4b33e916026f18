// Run both, for the HTTP retry libraries' option and status-list suggestions, with the REAL
// libraries (ky, got, fetch-retry, retry-axios, axios-retry, p-retry, async-retry, undici): each
// program below runs as written and after every suggestion offered for its findings, against a
// scripted server (an injected `fetch` returning real `Response`s, an axios adapter, or a local
// HTTP server for got and undici). Every timer the library sets fires at once and advances a
// virtual clock (`Date.now` follows it), so a Retry-After of 3 s costs nothing and the waits
// between attempts are read off the clock.
//
// A suggestion keeps the meaning: the same outcome and the same number of attempts, fewer only
// where its finding says why (a client status no longer retried fails at once on that status; a
// POST no longer retried is sent once; an unbounded retry gives up); the server's Retry-After
// honoured whenever the original honoured it or the finding is about it; and what it claims to
// add is there: a jitter edit makes the waits depend on the random source, a backoff edit makes
// them grow, a cap edit keeps each under the cap.
import assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { apply, findings, LIBRARY_SCENARIOS, offeredEdits, parseError, type LibraryAnswer, type OfferedEdit } from './harness';
import { retryWithBackoff } from '../../snippets/retry-with-backoff';

type Answer = LibraryAnswer;
const SCENARIOS = LIBRARY_SCENARIOS;

/** The virtual clock starts on a whole second, so an HTTP-date three seconds on is exact. */
const START = Date.UTC(2026, 11, 2, 0, 0, 0);

interface Request {
  method: string;
  key: string | undefined;
  at: number;
}

interface Run {
  outcome: string;
  requests: Request[];
  /** Virtual time between consecutive attempts. */
  waits: number[];
}

/** One run's server side: the script, what was asked, and the clock. */
class Server {
  clock = START;
  requests: Request[] = [];
  constructor(private readonly script: readonly Answer[]) {}
  /** The answer to the next request, recorded. A retry that never gives up meets a recovered server after 30 requests. */
  answer(method: string, key: string | undefined): { status: number; headers: Record<string, string>; body: string } | 'network' {
    this.requests.push({ method: method.toUpperCase(), key, at: this.clock });
    const a = this.requests.length > 30 ? { status: 200 } : this.script[Math.min(this.requests.length - 1, this.script.length - 1)]!;
    if (a === 'network') return 'network';
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (a.retryAfter === 'seconds:2') headers['retry-after'] = '2';
    if (a.retryAfter === 'date:+3') headers['retry-after'] = new Date(this.clock + 3000).toUTCString();
    return { status: a.status, headers, body: JSON.stringify(a.status < 300 ? { ok: true } : { error: a.status }) };
  }
}

/** The idempotency key of a request's headers (a `Headers`, an `AxiosHeaders`, a plain object or undici's raw array). */
function keyOf(headers: unknown): string | undefined {
  if (!headers) return undefined;
  if (typeof (headers as Headers).get === 'function' && typeof (headers as Headers).has === 'function') return (headers as Headers).get('idempotency-key') ?? undefined;
  const plain = typeof (headers as { toJSON?: () => unknown }).toJSON === 'function' ? (headers as { toJSON: () => unknown }).toJSON() : headers;
  if (Array.isArray(plain)) {
    for (let i = 0; i + 1 < plain.length; i += 2) if (/^idempotency-key$/i.test(String(plain[i]))) return String(plain[i + 1]);
    return undefined;
  }
  const name = Object.keys(plain as object).find((k) => /^idempotency-key$/i.test(k));
  return name ? String((plain as Record<string, unknown>)[name]) : undefined;
}

/** Module text to a function body: imports read from `modules`, `require` too, `export` dropped. */
function asScript(text: string): string {
  return text
    .replace(/import\s+(\w+)\s*,\s*\{([^}]*)\}\s*from\s*['"]([^'"]+)['"];?/g, (_, d: string, names: string, m: string) => `const ${d} = __default('${m}'); const {${names.replace(/\bas\b/g, ':')}} = modules['${m}'];`)
    .replace(/import\s*\*\s*as\s+(\w+)\s+from\s*['"]([^'"]+)['"];?/g, (_, ns: string, m: string) => `const ${ns} = modules['${m}'];`)
    .replace(/import\s*\{([^}]*)\}\s*from\s*['"]([^'"]+)['"];?/g, (_, names: string, m: string) => `const {${names.replace(/\bas\b/g, ':')}} = modules['${m}'];`)
    .replace(/import\s+(\w+)\s+from\s*['"]([^'"]+)['"];?/g, (_, d: string, m: string) => `const ${d} = __default('${m}');`)
    .replace(/^export\s+/gm, '');
}

type Transport = 'fetch' | 'axios' | 'http';

let modules: Record<string, Record<string, unknown>> = {};

/**
 * Runs `text` (a module defining `run(url, body)`) against `script` with the real library, every
 * timer firing at once on the virtual clock, `Date.now` on that clock and `Math.random` fixed.
 */
async function runProgram(text: string, transport: Transport, script: readonly Answer[], random = 0.5): Promise<Run> {
  const server = new Server(script);
  const realSetTimeout = globalThis.setTimeout;
  const realNow = Date.now;
  const realRandom = Math.random;
  const realFetch = globalThis.fetch;
  const axios = modules['axios']!.default as { defaults: { adapter: unknown } };
  const realAdapter = axios.defaults.adapter;
  let httpServer: http.Server | undefined;
  // A timer fires on the next turn and moves the clock by its delay; a cleared one never does.
  // undici's own clock tick (its connection and header timeouts) keeps real time.
  (globalThis as { setTimeout: unknown }).setTimeout = (cb: (...a: unknown[]) => void, ms?: number, ...args: unknown[]) =>
    (cb as { name?: string }).name === 'onTick'
      ? realSetTimeout(cb, ms, ...args)
      : realSetTimeout(() => {
          server.clock += Math.max(0, Number(ms) || 0);
          cb(...args);
        }, 0);
  Date.now = () => server.clock;
  Math.random = () => random;
  const fakeFetch = async (input: string | URL | globalThis.Request, init?: RequestInit): Promise<Response> => {
    const req = input instanceof globalThis.Request ? input : undefined;
    const a = server.answer(init?.method ?? req?.method ?? 'GET', keyOf(init?.headers) ?? keyOf(req?.headers));
    if (a === 'network') throw Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }) });
    return new Response(a.body, { status: a.status, headers: a.headers });
  };
  globalThis.fetch = fakeFetch as typeof fetch;
  const { AxiosError, AxiosHeaders } = modules['axios'] as { AxiosError: new (...a: unknown[]) => Error; AxiosHeaders: { from: (h: object) => unknown } };
  axios.defaults.adapter = async (config: { method?: string; headers?: unknown; validateStatus?: (s: number) => boolean }) => {
    const a = server.answer(config.method ?? 'get', keyOf(config.headers));
    if (a === 'network') throw new AxiosError('read ECONNRESET', 'ECONNRESET', config, {});
    const response = { data: JSON.parse(a.body), status: a.status, statusText: '', headers: AxiosHeaders.from(a.headers), config, request: {} };
    if (!config.validateStatus || config.validateStatus(a.status)) return response;
    throw new AxiosError(`Request failed with status code ${a.status}`, a.status >= 500 ? 'ERR_BAD_RESPONSE' : 'ERR_BAD_REQUEST', config, {}, response);
  };
  let url = 'https://api.example.test/orders';
  try {
    if (transport === 'http') {
      httpServer = http.createServer((req, res) => {
        req.resume();
        req.on('end', () => {
          const a = server.answer(req.method ?? 'GET', keyOf(req.headers));
          if (a === 'network') return void req.socket.destroy();
          res.writeHead(a.status, { ...a.headers, connection: 'close' });
          res.end(a.body);
        });
      });
      await new Promise<void>((resolve) => httpServer!.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}/orders`;
    }
    const __default = (m: string) => (modules[m]!.default ?? modules[m]) as unknown;
    const require = (m: string) => modules[m];
    // The bundled helper for "Use the backoff helper" rewrites: its own timers and clock (the faked ones).
    const run = new Function('modules', '__default', 'require', 'fetch', 'retryWithBackoff', `${asScript(text)}\nreturn run;`)(modules, __default, require, fakeFetch, retryWithBackoff) as (url: string, body: string) => Promise<unknown>;
    let outcome: string;
    try {
      outcome = `ok ${JSON.stringify(await run(url, '{"sku":1}'))}`;
    } catch (error) {
      const e = error as { status?: number; statusCode?: number; response?: { status?: number; statusCode?: number } };
      const status = e.response?.status ?? e.response?.statusCode ?? e.status ?? e.statusCode;
      outcome = `error ${status ?? 'network'}`;
    }
    return { outcome, requests: server.requests, waits: server.requests.slice(1).map((r, i) => r.at - server.requests[i]!.at) };
  } finally {
    globalThis.setTimeout = realSetTimeout;
    Date.now = realNow;
    Math.random = realRandom;
    globalThis.fetch = realFetch;
    axios.defaults.adapter = realAdapter;
    if (httpServer) await new Promise((resolve) => httpServer!.close(resolve));
  }
}

interface Program {
  transport: Transport;
  text: string;
  /** The file name (its extension picks the parser). */
  file?: string;
}

const PROGRAMS: Record<string, Program> = {
  'ky: status list with a client status, no jitter': {
    transport: 'fetch',
    text: `import ky from 'ky';

const api = ky.create({ retry: { limit: 3, statusCodes: [400, 429, 500, 503] } });
export const run = (url) => api.get(url).json();
`,
  },
  'ky: a number of retries': {
    transport: 'fetch',
    text: `import ky from 'ky';

export const run = (url) => ky.get(url, { retry: 4 }).json();
`,
  },
  'ky: POST listed in methods': {
    transport: 'fetch',
    text: `import ky from 'ky';

export const run = (url, body) => ky.post(url, { body, retry: { limit: 2, jitter: true, methods: ['get', 'post'], backoffLimit: 10000 } }).json();
`,
  },
  'ky: afterStatusCodes emptied': {
    transport: 'fetch',
    text: `import ky from 'ky';

const api = ky.extend({ retry: { limit: 3, jitter: true, backoffLimit: 10000, statusCodes: [429, 503], afterStatusCodes: [] } });
export const run = (url) => api.get(url).json();
`,
  },
  'ky: the server Retry-After honoured without a limit': {
    transport: 'fetch',
    text: `import ky from 'ky';

const api = ky.create({ retry: { limit: 3, jitter: true, backoffLimit: 5000, maxRetryAfter: Infinity } });
export const run = (url) => api.get(url).json();
`,
  },
  'got: status list with a client status': {
    transport: 'http',
    text: `import got from 'got';

const api = got.extend({ retry: { limit: 3, statusCodes: [400, 429, 503] } });
export const run = (url) => api.get(url).json();
`,
  },
  'got: POST listed in methods, many retries': {
    transport: 'http',
    text: `import got from 'got';

export const run = (url, body) => got.post(url, { body, retry: { limit: 12, methods: ['GET', 'POST'], noise: 100 } }).json();
`,
  },
  'fetch-retry: constant delay, a client status in retryOn': {
    transport: 'fetch',
    text: `import fetchRetry from 'fetch-retry';

const fetchWithRetry = fetchRetry(fetch, { retries: 3, retryDelay: 1000, retryOn: [400, 429, 503] });
export async function run(url) {
  const res = await fetchWithRetry(url);
  if (!res.ok) throw Object.assign(new Error('HTTP ' + res.status), { status: res.status });
  return res.json();
}
`,
  },
  'fetch-retry: defaults': {
    transport: 'fetch',
    text: `import fetchRetry from 'fetch-retry';

const fetchWithRetry = fetchRetry(fetch);
export async function run(url) {
  const res = await fetchWithRetry(url, { retryOn: [503] });
  if (!res.ok) throw Object.assign(new Error('HTTP ' + res.status), { status: res.status });
  return res.json();
}
`,
  },
  'retry-axios: status ranges with a client status, POST listed': {
    transport: 'axios',
    text: `import axios from 'axios';
import * as rax from 'retry-axios';

const api = axios.create();
api.defaults.raxConfig = { instance: api, retry: 3, statusCodesToRetry: [[400, 400], [429, 429], [500, 599]], httpMethodsToRetry: ['GET', 'POST'] };
rax.attach(api);
export const run = (url, body) => api.post(url, body).then((r) => r.data);
`,
  },
  'retry-axios: GET with the default exponential wait': {
    transport: 'axios',
    text: `import axios from 'axios';
import * as rax from 'retry-axios';

const api = axios.create({ raxConfig: { retry: 3 } });
rax.attach(api);
export const run = (url) => api.get(url).then((r) => r.data);
`,
  },
  'axios-retry: retries, no delay': {
    transport: 'axios',
    text: `import axios from 'axios';
import axiosRetry from 'axios-retry';

const api = axios.create();
axiosRetry(api, { retries: 3 });
export const run = (url) => api.get(url).then((r) => r.data);
`,
  },
  'axios-retry: a linear written delay on GETs': {
    transport: 'axios',
    text: `import axios from 'axios';
import axiosRetry from 'axios-retry';

const api = axios.create();
axiosRetry(api, { retries: 3, retryDelay: (retryCount) => retryCount * 1000 });
export const run = (url) => api.get(url).then((r) => r.data);
`,
  },
  'axios-retry: retry everything for ever, POST': {
    transport: 'axios',
    text: `import axios from 'axios';
import axiosRetry from 'axios-retry';

const api = axios.create();
axiosRetry(api, { retries: Infinity, retryDelay: axiosRetry.exponentialDelay, retryCondition: () => true });
export const run = (url, body) => api.post(url, body).then((r) => r.data);
`,
  },
  'axios-retry: a written condition (network errors and 5xx, not 429) on an instance that also POSTs; the GET runs': {
    transport: 'axios',
    text: `import axios from 'axios';
import axiosRetry, { exponentialDelay, isNetworkError } from 'axios-retry';

const api = axios.create();
axiosRetry(api, { retries: 3, retryDelay: exponentialDelay, retryCondition: (error) => isNetworkError(error) || (error.response?.status ?? 0) >= 500 });
export const create = (url, body) => api.post(url, body).then((r) => r.data);
export const run = (url) => api.get(url).then((r) => r.data);
`,
  },
  'axios-retry: a written condition with a block body, POST': {
    transport: 'axios',
    text: `import axios from 'axios';
import axiosRetry from 'axios-retry';

const api = axios.create();
axiosRetry(api, {
  retries: 3,
  retryDelay: axiosRetry.exponentialDelay,
  retryCondition(error) {
    const status = error.response?.status;
    return status === undefined || status >= 500;
  },
});
export const run = (url, body) => api.post(url, body).then((r) => r.data);
`,
  },
  'p-retry: constant wait': {
    transport: 'fetch',
    text: `import pRetry from 'p-retry';

export const run = (url) =>
  pRetry(async () => {
    const res = await fetch(url);
    if (!res.ok) throw Object.assign(new Error('HTTP ' + res.status), { status: res.status });
    return res.json();
  }, { retries: 4, factor: 1, minTimeout: 200 });
`,
  },
  'p-retry: no jitter, twice the first wait already at the cap': {
    transport: 'fetch',
    text: `import pRetry from 'p-retry';

export const run = (url) =>
  pRetry(async () => {
    const res = await fetch(url);
    if (!res.ok) throw Object.assign(new Error('HTTP ' + res.status), { status: res.status });
    return res.json();
  }, { retries: 2, minTimeout: 5000, maxTimeout: 10000 });
`,
  },
  'p-retry: uncapped, many retries': {
    transport: 'fetch',
    text: `import pRetry from 'p-retry';

export const run = (url) =>
  pRetry(async () => {
    const res = await fetch(url);
    if (!res.ok) throw Object.assign(new Error('HTTP ' + res.status), { status: res.status });
    return res.json();
  }, { retries: 12, randomize: true });
`,
  },
  'async-retry: constant wait, bail on 4xx': {
    transport: 'fetch',
    text: `import retry from 'async-retry';

export const run = (url) =>
  retry(async (bail) => {
    const res = await fetch(url);
    if (res.status >= 400 && res.status < 500 && res.status !== 429) return bail(Object.assign(new Error('HTTP ' + res.status), { status: res.status }));
    if (!res.ok) throw Object.assign(new Error('HTTP ' + res.status), { status: res.status });
    return res.json();
  }, { retries: 12, factor: 2 });
`,
  },
  'fetch-retry: POST through the wrapped fetch, without a key': {
    transport: 'fetch',
    text: `import fetchRetry from 'fetch-retry';

const fetchWithRetry = fetchRetry(fetch, { retries: 3, retryDelay: (n) => Math.random() * Math.min(200 * 2 ** n, 5000), retryOn: [429, 503] });
export async function run(url, body) {
  const res = await fetchWithRetry(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
  if (!res.ok) throw Object.assign(new Error('HTTP ' + res.status), { status: res.status });
  return res.json();
}
`,
  },
  'p-retry: POST without a key, for ever': {
    transport: 'fetch',
    text: `import pRetry from 'p-retry';

export const run = (url, body) =>
  pRetry(async () => {
    const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
    if (!res.ok) throw Object.assign(new Error('HTTP ' + res.status), { status: res.status });
    return res.json();
  }, { retries: Infinity, randomize: true, maxTimeout: 10000 });
`,
  },
  'async-retry: retries everything, POST without a key': {
    transport: 'fetch',
    text: `import retry from 'async-retry';

export const run = (url, body) =>
  retry(async () => {
    const res = await fetch(url, { method: 'POST', body });
    if (!res.ok) throw Object.assign(new Error('HTTP ' + res.status), { status: res.status });
    return res.json();
  }, { forever: true, minTimeout: 100, maxTimeout: 5000 });
`,
  },
  // A hand-written retry around the real got and ky: the key suggestion must put the header where
  // the client reads its options (the second argument of got.post / ky.post), so the server sees
  // the same key on every attempt (issue 10: optionsArgumentIndex).
  'got: hand-written loop around a POST without a key': {
    transport: 'http',
    text: `import got from 'got';

export async function run(url, body) {
  for (let attempt = 0; attempt < 4; attempt++) {
    try {
      return await got.post(url, { body, headers: { 'content-type': 'application/json' } }).json();
    } catch (err) {
      const status = err.response?.statusCode;
      if (status !== undefined && status < 500) throw err;
      if (attempt === 3) throw err;
      await new Promise((r) => setTimeout(r, Math.random() * 100 * 2 ** attempt));
    }
  }
}
`,
  },
  'ky: hand-written loop around a POST without a key': {
    transport: 'fetch',
    text: `import ky from 'ky';

export async function run(url, body) {
  for (let attempt = 0; attempt < 4; attempt++) {
    try {
      return await ky.post(url, { body }).json();
    } catch (err) {
      const status = err.response?.status;
      if (status !== undefined && status < 500) throw err;
      if (attempt === 3) throw err;
      await new Promise((r) => setTimeout(r, Math.random() * 100 * 2 ** attempt));
    }
  }
}
`,
  },
  'undici: retry interceptor without a bound': {
    transport: 'http',
    text: `import { Agent, interceptors, request } from 'undici';

const agent = new Agent().compose(interceptors.retry({ maxRetries: Infinity, minTimeout: 100, statusCodes: [400, 503] }));
export async function run(url) {
  const res = await request(url, { dispatcher: agent });
  if (res.statusCode >= 400) throw Object.assign(new Error('HTTP ' + res.statusCode), { status: res.statusCode });
  return res.body.json();
}
`,
  },
  'undici: RetryAgent that ignores Retry-After, POST listed': {
    transport: 'http',
    text: `import { Agent, RetryAgent, request } from 'undici';

const agent = new RetryAgent(new Agent(), { maxRetries: 3, minTimeout: 100, retryAfter: false, statusCodes: [429, 503], methods: ['GET', 'POST'] });
export async function run(url, body) {
  const res = await request(url, { method: 'POST', body, dispatcher: agent });
  if (res.statusCode >= 400) throw Object.assign(new Error('HTTP ' + res.statusCode), { status: res.statusCode });
  return res.body.json();
}
`,
  },
};

/** The cap the suggestions use (the recommended config's `maxDelayMs`). */
const CAP_MS = 30_000;

/** Why an offered edit may make fewer attempts than the original in a scenario: the finding says so. */
function mayMakeFewer(edit: OfferedEdit, scenario: string): boolean {
  const rule = edit.finding.ruleId;
  if (rule === 'retry/no-unbounded-retry') return true;
  if (rule === 'retry/no-retry-on-client-error') return scenario === '400';
  if (rule === 'retry/require-idempotency-key') return true; // a POST no longer retried is sent once
  return false;
}

const retryAfterMs = (scenario: string): number | undefined => (/HTTP-date/.test(scenario) ? 3000 : /Retry-After 2 s/.test(scenario) ? 2000 : undefined);

describe('run both, real libraries: HTTP retry option and status-list suggestions keep what the retry does', function () {
  this.timeout(120_000);
  before(async () => {
    const names = ['ky', 'got', 'fetch-retry', 'axios', 'retry-axios', 'axios-retry', 'p-retry', 'async-retry', 'undici'];
    modules = Object.fromEntries(await Promise.all(names.map(async (n) => [n, (await import(n)) as Record<string, unknown>] as const)));
  });
  for (const [name, program] of Object.entries(PROGRAMS)) {
    describe(name, () => {
      const file = program.file ?? '/ws/src/client.js';
      const list = findings(program.text, file);
      // Suggestions, and the full helper rewrite of a hand-written retry around the real got and ky
      // (fixes5: its shouldRetry must not read a local of the catch it replaced).
      const edits = offeredEdits(program.text, file, list).filter((e) => e.kind === 'suggestion' || (e.kind === 'helper' && e.plan?.kind === 'full'));
      it('has findings with suggestions, and each parses', () => {
        assert.ok(list.length > 0, 'the program has findings');
        assert.ok(edits.length > 0, `suggestions are offered for ${list.map((f) => f.ruleId).join(', ')}`);
        for (const e of edits) assert.equal(parseError(apply(program.text, e.edits), file), undefined, `${e.title} parses`);
      });
      for (const edit of edits) {
        it(`${edit.title} (for ${edit.finding.ruleId}, line ${edit.finding.line})`, async () => {
          const rewritten = apply(program.text, edit.edits);
          const rule = edit.finding.ruleId;
          for (const [scenario, script] of Object.entries(SCENARIOS)) {
            const before = await runProgram(program.text, program.transport, script);
            const after = await runProgram(rewritten, program.transport, script);
            const label = `${scenario}: ${before.requests.length} → ${after.requests.length} attempts, ${before.outcome} → ${after.outcome}, waits [${before.waits}] → [${after.waits}]\n--- rewritten:\n${rewritten}`;
            if (mayMakeFewer(edit, scenario)) {
              assert.ok(after.requests.length <= before.requests.length, `no more attempts: ${label}`);
              if (after.requests.length < before.requests.length) assert.ok(after.outcome.startsWith('error'), `gives up with the error: ${label}`);
              else assert.equal(after.outcome, before.outcome, `same outcome: ${label}`);
              if (rule === 'retry/no-retry-on-client-error') assert.equal(after.requests.length, 1, `fails at once on the client status: ${label}`);
              if (rule === 'retry/require-idempotency-key' && after.requests[0]?.method === 'POST' && after.requests.length > 1) {
                // The POST still retried: as often as before, one key on every attempt.
                const keys = new Set(after.requests.map((r) => r.key));
                assert.equal(after.requests.length, before.requests.length, `same attempts: ${label}`);
                assert.ok(keys.size === 1 && [...keys][0], `one key on every attempt: ${label}`);
              }
            } else {
              assert.equal(after.outcome, before.outcome, `same outcome: ${label}`);
              assert.equal(after.requests.length, before.requests.length, `same attempts: ${label}`);
            }
            if (rule === 'retry/require-idempotency-key' && scenario === '503, 503, 200' && before.requests.length === 3 && after.requests.length > 1 && after.requests[0]?.method === 'POST') {
              // An edit that keeps retrying a POST (adds a key; "Do not retry POST requests" sends it once, checked above; a program that runs a GET sends no key).
              // The server saw the key on every attempt of the POST that failed 503, 503, then succeeded.
              assert.equal(after.requests.length, 3, `still three attempts: ${label}`);
              assert.ok(after.requests.every((r) => r.method === 'POST' && r.key && r.key === after.requests[0]!.key), `one key on every attempt (${after.requests.map((r) => r.key)}): ${label}`);
            }
            const serverMs = retryAfterMs(scenario);
            if (serverMs !== undefined && after.requests.length > 1) {
              const honoured = before.requests.length > 1 && before.waits[0]! >= serverMs;
              if (honoured || rule === 'retry/respect-retry-after') assert.ok(after.waits[0]! >= serverMs, `waits at least the server's ${serverMs} ms: ${label}`);
            }
            if (rule === 'retry/require-max-delay' || rule === 'retry/require-jitter' || rule === 'retry/require-backoff') {
              for (const w of after.waits) assert.ok(w <= CAP_MS, `each wait at most ${CAP_MS} ms (${w}): ${label}`);
            }
            if (rule === 'retry/require-backoff' && scenario === 'always 503' && after.waits.length >= 3) {
              assert.ok(after.waits[2]! > after.waits[0]!, `the wait grows: ${label}`);
            }
          }
          if (/at most the wait it replaces/.test(edit.title)) {
            // What the title promises: each wait no longer than the original's, in every scenario.
            for (const [scenario, script] of Object.entries(SCENARIOS)) {
              const before = await runProgram(program.text, program.transport, script);
              for (const random of [0.01, 0.99]) {
                const after = await runProgram(rewritten, program.transport, script, random);
                after.waits.forEach((w, i) => assert.ok(w <= before.waits[i]! + 5, `${scenario}, random ${random}: wait ${i + 1} ${w} ms ≤ ${before.waits[i]} ms\n${rewritten}`));
              }
            }
          }
          if (rule === 'retry/require-jitter') {
            // Jitter is real: the waits follow the random source.
            const low = await runProgram(rewritten, program.transport, SCENARIOS['503, 503, 200']!, 0.01);
            const high = await runProgram(rewritten, program.transport, SCENARIOS['503, 503, 200']!, 0.99);
            assert.notDeepEqual(low.waits, high.waits, `the waits depend on Math.random ([${low.waits}] vs [${high.waits}])\n${rewritten}`);
          }
        });
      }
    });
  }
});
