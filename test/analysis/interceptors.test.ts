// Interceptor sites (analysis/interceptors.ts) and site purposes: the facts the model records for
// an error handler that replays its failed request, not the reports.
import assert from 'node:assert/strict';
import * as tsParser from '@typescript-eslint/parser';
import path from 'node:path';
import { ESLint, Linter } from 'eslint';
import plugin from '../../eslint-plugin/src/index';
import { sitesOf } from './sites-of';

const SLEEP = 'const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));\n';
const API = "import axios from 'axios';\nconst api = axios.create();\n";

describe('interceptor sites', () => {
  it('finds a handler whose config is destructured in the body, as a counted catch-all backoff retry', () => {
    const sites = sitesOf(`${API}${SLEEP}api.interceptors.response.use(undefined, async (error) => {
  const { config } = error;
  if (config.__n >= 3) throw error;
  config.__n = (config.__n || 0) + 1;
  await sleep(1000);
  return api(config);
});`);
    assert.equal(sites.length, 1);
    const [site] = sites;
    assert.equal(site?.kind, 'interceptor');
    assert.equal(site?.purpose, 'backoff-retry');
    assert.equal(site?.bound.kind, 'bounded');
    assert.equal(site?.bound.maxAttempts, 4);
    assert.equal(site?.waits.length, 1);
    assert.deepEqual(site?.clientErrorRetries.map((r) => r.reason), ['catch-all']);
    assert.equal(site?.retriedStatuses, undefined);
  });

  it('records a 401 replay as a refresh-and-replay limited to 401, unbounded without a once-only guard', () => {
    const [site] = sitesOf(`${API}declare function refresh(): Promise<void>;
api.interceptors.response.use(undefined, async ({ config, response }) => {
  if (response?.status === 401) { await refresh(); return api(config); }
  throw new Error('x');
});`);
    assert.equal(site?.purpose, 'refresh-replay');
    assert.deepEqual(site?.retriedStatuses, [401]);
    assert.equal(site?.bound.kind, 'unbounded');
  });

  it('records a once-only flag as a once-only replay', () => {
    const [site] = sitesOf(`${API}${SLEEP}api.interceptors.response.use(undefined, async (error) => {
  const cfg = error.config;
  if (error.response || cfg.__done) throw error;
  cfg.__done = true;
  await sleep(Math.random() * 500);
  return api(cfg);
});`);
    assert.equal(site?.purpose, 'once-only-replay');
    assert.equal(site?.bound.kind, 'bounded');
    assert.deepEqual(site?.clientErrorRetries, []);
  });

  it('honours Retry-After when the header flows into the wait, not when it is only read', () => {
    const handler = (wait: string): string => `${API}${SLEEP}api.interceptors.response.use(undefined, async (error) => {
  const { config, response } = error;
  if (response?.status !== 429 || config.__rl) throw error;
  config.__rl = true;
  const ra = Number(response.headers['retry-after'] ?? 1);
  console.log(ra);
  await sleep(${wait});
  return api(config);
});`;
    const [honoured] = sitesOf(handler('Math.min(ra * 1000, 30000)'));
    const [ignored] = sitesOf(handler('Math.random() * 2000'));
    assert.deepEqual(honoured?.retriedStatuses, [429]);
    assert.equal(honoured?.honoursRetryAfter, true);
    assert.equal(ignored?.honoursRetryAfter, false);
    assert.equal(ignored?.rateLimitChecks.length, 1);
  });

  it('finds a handler defined for registration elsewhere, with the replay and the wait in a helper', () => {
    const sites = sitesOf(`import client from './client';
function later(cfg: any) {
  return new Promise((resolve) => setTimeout(() => resolve(client(cfg)), 800));
}
export const pair = [(r: any) => r, (err: any) => {
  const cfg = err.config;
  if (cfg.__done) return Promise.reject(err);
  cfg.__done = true;
  return later(cfg);
}];`);
    assert.equal(sites.length, 1);
    assert.equal(sites[0]?.kind, 'interceptor');
    assert.equal(sites[0]?.waits.length, 1);
  });

  it('does not take a handler that only logs its config for a replay', () => {
    assert.deepEqual(sitesOf(`${API}function report(cfg: any) { console.error(cfg.url); }
api.interceptors.response.use(undefined, (error) => { report(error.config); return Promise.reject(error); });
export const onFailure = (err: any) => { console.log(err.config); throw err; };`), []);
  });

  it("lists the instance's non-idempotent requests for a handler that replays 5xx", () => {
    const [site] = sitesOf(`${API}${SLEEP}api.interceptors.response.use(undefined, async (error) => {
  const cfg = error.config;
  if (!error.response || error.response.status < 500 || cfg.__n >= 3) throw error;
  cfg.__n = (cfg.__n ?? 0) + 1;
  await sleep(Math.random() * 100 * 2 ** cfg.__n);
  return api(cfg);
});
export const add = (o: object) => api.post('/x', o);
export const get = () => api.get('/x');`);
    assert.deepEqual(site?.nonIdempotent.map((r) => r.method), ['POST']);
    assert.deepEqual(site?.clientErrorRetries, []);
  });
});

describe('site purposes', () => {
  it('marks a 401 refresh-and-replay recursion as refresh-replay', () => {
    const [site] = sitesOf(`declare function renew(): Promise<void>;
export async function call(path: string): Promise<Response> {
  const res = await fetch(path);
  if (res.status === 401) { await renew(); return call(path); }
  return res;
}`);
    assert.equal(site?.purpose, 'refresh-replay');
  });

  it('marks a 5xx recursion as a backoff retry', () => {
    const [site] = sitesOf(`${SLEEP}export async function call(path: string, left = 3): Promise<Response> {
  const res = await fetch(path);
  if (res.status >= 500 && left > 0) { await sleep(Math.random() * 1000); return call(path, left - 1); }
  return res;
}`);
    assert.equal(site?.purpose, 'backoff-retry');
  });
});

describe('methods known from types', function () {
  // Type-aware parsing starts a TypeScript program.
  this.timeout(120_000);

  it('reads an imported literal-union parameter type through the checker, and stays silent without it', async () => {
    const cwd = path.resolve(__dirname, '../fixtures/typed');
    const lint = async (typeAware: boolean): Promise<string[]> => {
      const eslint = new ESLint({
        cwd,
        overrideConfigFile: true,
        overrideConfig: [
          {
            files: ['**/*.ts'],
            languageOptions: { parser: tsParser as Linter.Parser, parserOptions: typeAware ? { projectService: true, tsconfigRootDir: cwd } : {} },
            plugins: { retry: plugin as unknown as NonNullable<Linter.Config['plugins']>[string] },
            rules: { 'retry/require-idempotency-key': 'error' },
          },
        ],
      });
      const [result] = await eslint.lintFiles(['src/typed-method.ts']);
      return (result?.messages ?? []).map((m) => `${m.line} ${m.ruleId ?? m.message}`);
    };
    assert.deepEqual(await lint(true), ['8 retry/require-idempotency-key']);
    assert.deepEqual(await lint(false), []);
  });
});
