// The retry-site model itself (not the reports): which sites are found, of which kind, with
// which bound, waits and delay facts. Rules are thin queries on this model.
import assert from 'node:assert/strict';
import { sitesOf } from './sites-of';

const SLEEP = 'const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));\n';

describe('retry sites', () => {
  it('finds a for loop with a try/catch as a bounded loop site with its attempt count', () => {
    const [site, ...rest] = sitesOf(`${SLEEP}async function f(op: () => Promise<void>) {
  for (let i = 0; i < 5; i++) { try { return await op(); } catch { await sleep(100 * 2 ** i); } }
}`);
    assert.equal(rest.length, 0);
    assert.equal(site?.kind, 'loop');
    assert.equal(site?.bound.kind, 'bounded');
    assert.equal(site?.bound.maxAttempts, 5);
  });

  it('evaluates an exponential delay over the known attempts: growing, not random, worst case 1600 ms', () => {
    const [site] = sitesOf(`${SLEEP}async function f(op: () => Promise<void>) {
  for (let i = 0; i < 5; i++) { try { return await op(); } catch { await sleep(100 * 2 ** i); } }
}`);
    const delay = site?.waits[0]?.delay;
    assert.equal(delay?.growing, true);
    assert.equal(delay?.random, false);
    assert.equal(delay?.maxMs, 1600);
    assert.equal(delay?.maxReason, 'known');
  });

  it('leaves out the wait a named last-attempt test skips (`const isLast = r >= max; if (!isLast) …`): worst case 16000 ms, not 32000', () => {
    const [site] = sitesOf(`${SLEEP}async function f(op: () => Promise<void>) {
  const max = 5;
  for (let r = 0; r <= max; r++) {
    try { return await op(); } catch {
      const isLast = r >= max;
      if (!isLast) await sleep(Math.min(2 ** r, 32) * 1000);
    }
  }
}`);
    assert.equal(site?.waits[0]?.delay.maxMs, 16_000);
  });

  it('does not read a name for a test made before the loop as a test of the pass', () => {
    const [site] = sitesOf(`${SLEEP}async function f(op: () => Promise<void>, r0: number) {
  const early = r0 >= 3;
  for (let r = 0; r <= 5; r++) {
    try { return await op(); } catch {
      if (!early) await sleep(Math.min(2 ** r, 32) * 1000);
    }
  }
}`);
    assert.equal(site?.waits[0]?.delay.maxMs, 32_000);
  });

  it('marks growth with no bound and no cap as unbounded growth', () => {
    const [site] = sitesOf(`${SLEEP}async function f(op: () => Promise<void>) {
  let n = 0;
  while (true) { try { return await op(); } catch { await sleep(Math.random() * 100 * 2 ** n++); } }
}`);
    assert.equal(site?.bound.kind, 'unbounded');
    assert.equal(site?.waits[0]?.delay.maxReason, 'growth');
    assert.equal(site?.waits[0]?.delay.random, true);
  });

  it('reads a Math.min cap', () => {
    const [site] = sitesOf(`${SLEEP}async function f(op: () => Promise<void>) {
  for (;;) { try { return await op(); } catch { await sleep(Math.min(30_000, 100 * 2 ** 40)); } }
}`);
    assert.equal(site?.waits[0]?.delay.capMs, 30_000);
    assert.equal(site?.waits[0]?.delay.maxMs, 30_000);
  });

  it('treats a wait equal to Retry-After (seconds × 1000) as exact and uncapped', () => {
    const [site] = sitesOf(`${SLEEP}async function f(url: string) {
  for (let i = 0; i < 3; i++) {
    const res = await fetch(url, { method: 'PUT' });
    if (res.status === 429) { await sleep(Number(res.headers.get('retry-after')) * 1000); continue; }
    return res;
  }
}`);
    assert.equal(site?.waits[0]?.delay.retryAfter, 'exact');
    assert.equal(site?.waits[0]?.delay.maxReason, 'retry-after');
    assert.equal(site?.honoursRetryAfter, true);
    assert.equal(site?.rateLimitChecks.length, 1);
  });

  it('does not count a wait whose promise is dropped', () => {
    const [site] = sitesOf(`${SLEEP}async function f(op: () => Promise<void>) {
  for (let i = 0; i < 3; i++) { try { return await op(); } catch { sleep(1000); } }
}`);
    assert.equal(site?.waits.length, 0);
    assert.ok(site?.noWait);
  });

  it('finds recursion through .catch with a countdown parameter as bounded', () => {
    const [site] = sitesOf(`function load(read: () => Promise<string>, left = 3): Promise<string> {
  return read().catch((e) => { if (left <= 0) throw e; return load(read, left - 1); });
}`);
    assert.equal(site?.kind, 'recursion');
    assert.equal(site?.bound.kind, 'bounded');
  });

  it('finds an interceptor replaying error.config without a guard as an unbounded interceptor site', () => {
    const [site] = sitesOf(`import axios from 'axios';
const api = axios.create();
api.interceptors.response.use((r) => r, async (error) => api(error.config));`);
    assert.equal(site?.kind, 'interceptor');
    assert.equal(site?.bound.kind, 'unbounded');
  });

  it('does not take polling for a retry', () => {
    assert.equal(
      sitesOf(`${SLEEP}async function f(get: () => Promise<{ done: boolean }>) {
  let s = await get();
  while (!s.done) { await sleep(1000); s = await get(); }
  return s;
}`).length,
      0,
    );
  });

  it('does not take iteration over a list for a retry', () => {
    assert.equal(
      sitesOf(`async function f(hosts: string[]) {
  for (let i = 0; i < hosts.length; i++) { try { return await fetch(hosts[i]!); } catch { /* next host */ } }
}`).length,
      0,
    );
  });

  it('records a POST without a key in the retried operation', () => {
    const [site] = sitesOf(`${SLEEP}async function f(body: string) {
  for (let i = 0; i < 3; i++) {
    try { return await fetch('https://x.test/o', { method: 'POST', body }); } catch { await sleep(Math.random() * 100 * 2 ** i); }
  }
}`);
    assert.equal(site?.nonIdempotent[0]?.method, 'POST');
    assert.equal(site?.nonIdempotent[0]?.key, 'none');
  });

  it('honours settings.retry.sleepFunctions and idempotencyKeyHeaders', () => {
    const code = `declare function linger(ms: number): Promise<void>;
async function f(body: string) {
  for (let i = 0; i < 3; i++) {
    try { return await fetch('https://x.test/o', { method: 'POST', body, headers: { 'X-Request-Token': 't' } }); } catch { await linger(500); }
  }
}`;
    const [plain] = sitesOf(code);
    assert.equal(plain?.waits.length, 0);
    assert.equal(plain?.nonIdempotent.length, 1);
    const [configured] = sitesOf(code, { sleepFunctions: ['linger'], idempotencyKeyHeaders: ['X-Request-Token'] });
    assert.equal(configured?.waits.length, 1);
    assert.equal(configured?.waits[0]?.delay.maxMs, 500);
    assert.equal(configured?.nonIdempotent.length, 0);
  });

  it('judges the callback of a settings.retry.retryFunctions wrapper for idempotency', () => {
    const sites = sitesOf(`import { withRetries } from './retry';
export const send = (body: string) => withRetries(() => fetch('https://x.test/o', { method: 'PATCH', body }));`, { retryFunctions: ['withRetries'] });
    assert.equal(sites.length, 1);
    assert.equal(sites[0]?.nonIdempotent[0]?.method, 'PATCH');
  });
});
