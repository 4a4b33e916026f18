// Run both: every retry program below runs as written and after each edit the product offers for
// its findings (each suggestion, each "Use the backoff helper" plan), against scripted servers.
// The rewrite must keep the meaning: same outcome, same number of attempts (fewer only where the
// finding it resolves says why: an unbounded retry gets a bound, the classified variant fails fast
// on a 4xx), the idempotency key on every attempt when the plan claims the key finding, the server's
// Retry-After wait honoured when the original honoured it, the catch's other calls still made.
import assert from 'node:assert/strict';
import { apply, findings, offeredEdits, parseError, runProgram, scheduleProblem, type Answer, type OfferedEdit } from './harness';
import { sourceCodeOf } from '../../extension/src/server/linting';

/** The names a program declares (variables, parameters, functions), sorted. */
function bindings(text: string): string[] {
  const sc = sourceCodeOf({ filePath: FILE, text }) as unknown as { scopeManager: { scopes: Array<{ type: string; variables: Array<{ name: string; defs: unknown[] }> }> } };
  return sc.scopeManager.scopes.flatMap((s) => s.variables.filter((v) => v.defs.length > 0).map((v) => v.name)).sort();
}

const FILE = '/ws/src/retry.js';
const HTTP_DATE_3S = new Date(Date.UTC(2026, 11, 2, 0, 0, 3)).toUTCString();

const SCENARIOS: Record<string, Answer[]> = {
  '503, 503, 200': [{ status: 503 }, { status: 503 }, { status: 200 }],
  '400': [{ status: 400 }],
  'network error, 200': ['network', { status: 200 }],
  'always 503': [{ status: 503 }],
  '429 Retry-After 2 s, 200': [{ status: 429, headers: { 'Retry-After': '2' } }, { status: 200 }],
  '429 Retry-After HTTP-date (+3 s), 200': [{ status: 429, headers: { 'Retry-After': HTTP_DATE_3S } }, { status: 200 }],
  '401, 200': [{ status: 401 }, { status: 200 }],
  'always 401': [{ status: 401 }],
  '503 Retry-After 10 s three times, 200': [...Array.from({ length: 3 }, () => ({ status: 503, headers: { 'Retry-After': '10' } })), { status: 200 }],
};

/** Retry programs: each defines `async function run(url, body)` using fetch, sleep, setTimeout, restoreSession, crypto. */
/**
 * `givesUp`: what the program answers when an attempt limit stops it (`{status}`: the status it
 * stopped on), the way it
 * ends a failure it does not retry; `ownCounter`: the program keeps an attempt counter of its own,
 * which a limit must count with (no second counter beside it).
 */
const PROGRAMS: Record<string, { text: string; honoursRetryAfter?: boolean; givesUp?: string; ownCounter?: boolean }> = {
  'README case: catch-all for loop, constant wait': {
    text: `async function run(url) {
  let lastError;
  for (let attempt = 0; attempt < 4; attempt++) {
    try {
      const res = await fetch(url);
      if (!res.ok) throw Object.assign(new Error('HTTP ' + res.status), { status: res.status, response: res });
      return await res.json();
    } catch (err) {
      lastError = err;
      await sleep(1000);
    }
  }
  throw lastError;
}`,
  },
  'classified catch with a bound guard, exponential wait': {
    text: `async function run(url) {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const res = await fetch(url);
      if (!res.ok) throw Object.assign(new Error('HTTP ' + res.status), { status: res.status, response: res });
      return await res.json();
    } catch (err) {
      if (err.status !== undefined && err.status < 500 && err.status !== 429) throw err;
      if (attempt === 4) throw err;
      await sleep(200 * 2 ** attempt);
    }
  }
}`,
  },
  'Retry-After read from the error, seconds or HTTP-date': {
    honoursRetryAfter: true,
    text: `async function run(url) {
  for (let attempt = 0; attempt < 4; attempt++) {
    try {
      const res = await fetch(url);
      if (!res.ok) throw Object.assign(new Error('HTTP ' + res.status), { status: res.status, response: res });
      return await res.json();
    } catch (err) {
      if (err.status !== undefined && err.status < 500 && err.status !== 429) throw err;
      if (attempt === 3) throw err;
      const header = err.response && err.response.headers.get('retry-after');
      const serverMs = header ? (/^\\d+$/.test(header) ? Number(header) * 1000 : new Date(header).getTime() - Date.now()) : 0;
      await sleep(Math.max(serverMs, 100 * 2 ** attempt));
    }
  }
}`,
  },
  'Retry-After read from the response in the loop': {
    honoursRetryAfter: true,
    text: `async function run(url) {
  for (let attempt = 0; attempt < 4; attempt++) {
    const res = await fetch(url);
    if (res.status === 429 || res.status === 503) {
      const header = res.headers.get('retry-after');
      const serverMs = header ? (/^\\d+$/.test(header) ? Number(header) * 1000 : new Date(header).getTime() - Date.now()) : 1000;
      await sleep(serverMs);
      continue;
    }
    if (!res.ok) throw new Error('HTTP ' + res.status);
    return await res.json();
  }
  throw new Error('gave up');
}`,
  },
  'wait derived from Retry-After (one second more), no jitter': {
    honoursRetryAfter: true,
    text: `async function run(url) {
  for (let attempt = 0; attempt < 4; attempt++) {
    const res = await fetch(url);
    if (res.status === 429 || res.status === 503) {
      const header = res.headers.get('retry-after');
      const secs = header ? (/^\\d+$/.test(header) ? Number(header) : (new Date(header).getTime() - Date.now()) / 1000) : 1;
      await sleep((secs + 1) * 1000);
      continue;
    }
    if (!res.ok) throw new Error('HTTP ' + res.status);
    return await res.json();
  }
  throw new Error('gave up');
}`,
  },
  '429/503 path that ignores Retry-After': {
    text: `async function run(url) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const res = await fetch(url);
    if (res.status === 429 || res.status === 503) {
      await sleep(Math.random() * Math.min(10000, 500 * 2 ** attempt));
      continue;
    }
    if (!res.ok) throw new Error('HTTP ' + res.status);
    return await res.json();
  }
  throw new Error('still rate limited');
}`,
  },
  'POST without a key that honours Retry-After (seconds or HTTP-date)': {
    honoursRetryAfter: true,
    text: `async function run(url, body) {
  for (let attempt = 0; attempt < 4; attempt++) {
    try {
      const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
      if (!res.ok) throw Object.assign(new Error('HTTP ' + res.status), { status: res.status, response: res });
      return await res.json();
    } catch (err) {
      if (err.status !== undefined && err.status < 500 && err.status !== 429) throw err;
      if (attempt === 3) throw err;
      const header = err.response && err.response.headers.get('retry-after');
      const serverMs = header ? (/^\\d+$/.test(header) ? Number(header) * 1000 : new Date(header).getTime() - Date.now()) : 0;
      await sleep(Math.max(serverMs, 100 * 2 ** attempt));
    }
  }
}`,
  },
  'POST without a key': {
    text: `async function run(url, body) {
  let lastError;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
      if (!res.ok) throw Object.assign(new Error('HTTP ' + res.status), { status: res.status, response: res });
      return await res.json();
    } catch (err) {
      lastError = err;
      await sleep(500 * 2 ** attempt);
    }
  }
  throw lastError;
}`,
  },
  'POST whose options are declared before a do-while, without a key': {
    text: `async function run(url, body) {
  const request = { method: 'POST', body, headers: { 'Content-Type': 'application/json' } };
  let sent = false;
  let failures = 0;
  let reply;
  do {
    try {
      const res = await fetch(url, request);
      if (!res.ok) throw Object.assign(new Error('HTTP ' + res.status), { status: res.status });
      reply = await res.json();
      sent = true;
    } catch (err) {
      failures++;
      if (failures >= 4) throw err;
      await sleep(300 * 2 ** failures);
    }
  } while (!sent);
  return reply;
}`,
  },
  'POST whose options without headers are declared before the loop': {
    text: `async function run(url, body) {
  const init = { method: 'POST', body };
  for (let i = 0; i < 3; i++) {
    try {
      const res = await fetch(url, init);
      if (res.status >= 500) throw new Error('HTTP ' + res.status);
      return res.status;
    } catch (err) {
      if (i === 2) throw err;
      await sleep(Math.random() * 200 * 2 ** i);
    }
  }
}`,
  },
  'POST with a key created per attempt': {
    text: `async function run(url, body) {
  let lastError;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const res = await fetch(url, { method: 'POST', headers: { 'Idempotency-Key': crypto.randomUUID() }, body });
      if (!res.ok) throw Object.assign(new Error('HTTP ' + res.status), { status: res.status, response: res });
      return await res.json();
    } catch (err) {
      lastError = err;
      await sleep(500 * 2 ** attempt);
    }
  }
  throw lastError;
}`,
  },
  'catch that restores the session before the next attempt': {
    text: `async function run(url) {
  for (let attempt = 1; ; attempt++) {
    try {
      const res = await fetch(url);
      if (!res.ok) throw Object.assign(new Error('HTTP ' + res.status), { status: res.status, response: res });
      return await res.json();
    } catch (err) {
      if (attempt >= 3) throw err;
      await restoreSession();
      await sleep(300);
    }
  }
}`,
  },
  'catch that restores the session after every failure, the last one too': {
    text: `async function run(url) {
  let lastError;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const res = await fetch(url);
      if (!res.ok) throw Object.assign(new Error('HTTP ' + res.status), { status: res.status, response: res });
      return await res.json();
    } catch (err) {
      lastError = err;
      await restoreSession();
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw lastError;
}`,
  },
  'unbounded while (true) catch-all': {
    text: `async function run(url) {
  let tries = 0;
  while (true) {
    try {
      const res = await fetch(url);
      if (!res.ok) throw Object.assign(new Error('HTTP ' + res.status), { status: res.status, response: res });
      return await res.json();
    } catch (err) {
      tries++;
      if (tries > 5) throw err;
      await sleep(100);
    }
  }
}`,
  },
  'recursion with a counter and a guard': {
    text: `async function run(url, body, attempt = 0) {
  try {
    const res = await fetch(url);
    if (!res.ok) throw Object.assign(new Error('HTTP ' + res.status), { status: res.status, response: res });
    return await res.json();
  } catch (err) {
    if (attempt >= 3) throw err;
    await sleep(400 * 2 ** attempt);
    return run(url, body, attempt + 1);
  }
}`,
  },
  'recursion from a status branch, for ever': {
    text: `async function run(url, body) {
  const res = await fetch(url);
  if (res.status === 429 || res.status === 503) {
    await sleep(1000);
    return run(url, body);
  }
  if (!res.ok) throw new Error('HTTP ' + res.status);
  return await res.json();
}`,
  },
  'wrapper that refreshes the session on 401 and calls itself again': {
    text: `async function run(url, body) {
  const res = await fetch(url);
  if (res.status === 401) {
    await restoreSession();
    return run(url, body);
  }
  if (!res.ok) throw new Error('HTTP ' + res.status);
  return await res.json();
}`,
  },
  'loop whose wait is not awaited': {
    text: `async function tryOnce(url, out) {
  try {
    const res = await fetch(url);
    if (!res.ok) throw new Error('HTTP ' + res.status);
    out.body = await res.json();
    return true;
  } catch {
    return false;
  }
}

async function run(url) {
  const out = {};
  let tries = 0;
  let loaded = false;
  while (!loaded && tries < 4) {
    tries += 1;
    loaded = await tryOnce(url, out);
    if (!loaded) sleep(200 * 2 ** tries);
  }
  return loaded ? out.body : 'gave up';
}`,
  },
  'loop whose wait is stepped by the attempt count': {
    text: `async function run(url) {
  for (let attempt = 1; ; attempt++) {
    try {
      const res = await fetch(url);
      if (!res.ok) throw Object.assign(new Error('HTTP ' + res.status), { status: res.status, response: res });
      return await res.json();
    } catch (err) {
      if (attempt >= 5) throw err;
      if (attempt < 2) await sleep(500);
      else if (attempt < 4) await sleep(2000);
      else await sleep(8000);
    }
  }
}`,
  },
  'recursion whose wait is stepped by the failure count, for ever': {
    text: `let failures = 0;
async function run(url, body) {
  const res = await fetch(url);
  if (res.status === 503) {
    failures++;
    if (failures < 2) await sleep(1000);
    else if (failures < 4) await sleep(5000);
    else await sleep(30000);
    return run(url, body);
  }
  failures = 0;
  if (!res.ok) throw new Error('HTTP ' + res.status);
  return await res.json();
}`,
  },
  "loop whose wait comes from the program's own delay function of a parameter": {
    text: `const CEILING_MS = 300000;
function nextWait(attempt, baseMs) {
  return Math.random() * Math.min(CEILING_MS, baseMs * 2 ** attempt);
}
async function withPatience(url, baseMs) {
  let lastErr;
  for (let i = 0; i < 5; i++) {
    try {
      const res = await fetch(url);
      if (!res.ok) throw Object.assign(new Error('HTTP ' + res.status), { status: res.status });
      return await res.json();
    } catch (err) {
      lastErr = err;
      await sleep(nextWait(i, baseMs));
    }
  }
  throw lastErr;
}
async function run(url) {
  return withPatience(url, 1000);
}`,
  },
  'loop that retries at once: a 5xx path that continues, and a catch': {
    text: `async function run(url, body, retries = 3) {
  let lastError = null;
  for (let attempt = 0; attempt <= retries; attempt++) {
    try {
      const res = await fetch(url);
      if (res.ok) return await res.json();
      if (attempt < retries && res.status >= 500) continue;
      return { failed: res.status };
    } catch (error) {
      lastError = error;
      if (attempt === retries) throw error;
    }
  }
  throw lastError ?? new Error('request failed');
}`,
  },
  'loop that retries at once from a catch that ends in continue': {
    text: `async function run(url) {
  let n = 0;
  while (n < 4) {
    n++;
    try {
      const res = await fetch(url);
      if (!res.ok) throw new Error('HTTP ' + res.status);
      return await res.json();
    } catch (err) {
      await restoreSession();
      if (n >= 4) throw err;
      continue;
    }
  }
}`,
  },
  'recursion with an unchecked attempt parameter, retrying 503/429 from a branch; other failures answered, not thrown': {
    givesUp: 'ok {"failed":"HTTP {status}"}',
    ownCounter: true,
    text: `async function run(url, body, attempt = 0) {
  try {
    const res = await fetch(url);
    if (!res.ok) throw Object.assign(new Error('HTTP ' + res.status), { status: res.status, response: res });
    return await res.json();
  } catch (err) {
    if (err.status === 503 || err.status === 429) {
      await sleep(Math.random() * Math.min(100 * 2 ** attempt, 5000));
      return run(url, body, attempt + 1);
    }
    return { failed: err.message };
  }
}`,
  },
  'for loop with an unchecked counter; a client error is answered, not thrown': {
    givesUp: 'ok {"failed":"HTTP {status}"}',
    ownCounter: true,
    text: `async function run(url) {
  for (let attempt = 1; ; attempt++) {
    try {
      const res = await fetch(url);
      if (!res.ok) throw Object.assign(new Error('HTTP ' + res.status), { status: res.status });
      return await res.json();
    } catch (err) {
      if (err.status !== undefined && err.status < 500) return { failed: err.message };
      await sleep(Math.random() * Math.min(200 * 2 ** attempt, 8000));
    }
  }
}`,
  },
  'while (true) stepping its own counter in the catch, retrying from a branch; other failures answered': {
    givesUp: 'ok {"failed":"HTTP {status}"}',
    ownCounter: true,
    text: `async function run(url) {
  let tries = 0;
  while (true) {
    try {
      const res = await fetch(url);
      if (!res.ok) throw Object.assign(new Error('HTTP ' + res.status), { status: res.status });
      return await res.json();
    } catch (err) {
      tries++;
      if (err.status === undefined || err.status >= 500) {
        await sleep(Math.random() * Math.min(100 * 2 ** tries, 5000));
        continue;
      }
      return { failed: err.message };
    }
  }
}`,
  },
  'for loop with an unchecked counter stepped before the try, every failure retried': {
    givesUp: 'error HTTP {status}',
    ownCounter: true,
    text: `async function run(url) {
  let attempt = 0;
  for (;;) {
    attempt++;
    try {
      const res = await fetch(url);
      if (!res.ok) throw Object.assign(new Error('HTTP ' + res.status), { status: res.status });
      return await res.json();
    } catch (e) {
      await sleep(Math.random() * Math.min(100 * 2 ** attempt, 5000));
    }
  }
}`,
  },
  // Issue 10, fixes5: a swallow-and-log catch-all (it records the failure and goes round again;
  // the loop ends normally and the function returns after it). The limit's last failure is
  // recorded and falls out of the loop, so the function returns what it returns after the loop.
  'flag loop whose catch records the failure, result returned after the loop': {
    givesUp: 'ok {"data":null,"failures":5}',
    text: `async function run(url) {
  const failures = [];
  let data = null;
  let done = false;
  while (!done) {
    try {
      const res = await fetch(url);
      if (!res.ok) throw Object.assign(new Error('HTTP ' + res.status), { status: res.status });
      data = await res.json();
      done = true;
    } catch (err) {
      failures.push(err.message);
      await sleep(1000);
    }
  }
  return { data, failures: failures.length };
}`,
  },
  'class method: for (;;) that breaks on success, catch logs through an injected logger': {
    givesUp: 'ok {"synced":false,"warnings":5}',
    text: `class Syncer {
  constructor() {
    this.warnings = 0;
    this.logger = { warn: () => this.warnings++ };
  }
  async push(url) {
    let synced = false;
    for (;;) {
      try {
        const res = await fetch(url, { method: 'PUT' });
        if (!res.ok) throw Object.assign(new Error('HTTP ' + res.status), { status: res.status });
        synced = true;
        break;
      } catch (e) {
        this.logger.warn('push failed, retrying', e);
        await new Promise((resolve) => setTimeout(resolve, 2000));
      }
    }
    return { synced, warnings: this.warnings };
  }
}
async function run(url) {
  return new Syncer().push(url);
}`,
  },
  'do-while on a flag with a counter of its own, catch reports the error': {
    givesUp: 'ok {"ok":false,"tries":5}',
    ownCounter: true,
    text: `async function run(url, body) {
  const seen = [];
  let ok = false;
  let tries = 0;
  do {
    tries++;
    try {
      const res = await fetch(url);
      if (!res.ok) throw Object.assign(new Error('HTTP ' + res.status), { status: res.status });
      await res.json();
      ok = true;
    } catch (problem) {
      seen.push(problem);
      await sleep(500);
    }
  } while (!ok);
  return { ok, tries };
}`,
  },
  // Issue 10, fixes5: text the helper rewrite moves out of the catch or the loop (into
  // `shouldRetry`, `maxAttempts`, `baseDelayMs`) must mean the same at its new place: a local of
  // the catch is re-derived from the helper's error parameter, or no helper rewrite is offered.
  'status read into a local of the catch, then classified (the got/ky shape)': {
    text: `async function run(url) {
  for (let attempt = 0; attempt < 4; attempt++) {
    try {
      const res = await fetch(url);
      if (!res.ok) throw Object.assign(new Error('HTTP ' + res.status), { status: res.status, response: res });
      return await res.json();
    } catch (err) {
      const status = err.response?.status;
      if (status !== undefined && status < 500 && status !== 429) throw err;
      if (attempt === 3) throw err;
      await sleep(100 * 2 ** attempt);
    }
  }
}`,
  },
  'recursion whose catch names the code before classifying it': {
    text: `async function run(url, body, tries = 0) {
  try {
    const res = await fetch(url);
    if (!res.ok) throw Object.assign(new Error('HTTP ' + res.status), { status: res.status, response: res });
    return await res.json();
  } catch (failure) {
    const code = failure.status;
    const transient = code === undefined || code >= 500 || code === 429;
    if (!transient) throw failure;
    if (tries >= 3) throw failure;
    await sleep(250 * 2 ** tries);
    return run(url, body, tries + 1);
  }
}`,
  },
  'while loop whose catch logs a local before the next attempt': {
    text: `async function run(url) {
  let attempt = 0;
  while (true) {
    try {
      const res = await fetch(url);
      if (!res.ok) throw Object.assign(new Error('HTTP ' + res.status), { status: res.status, response: res });
      return await res.json();
    } catch (e) {
      const where = 'attempt ' + e.status;
      attempt++;
      if (attempt >= 3) throw e;
      await restoreSession(where);
      await sleep(300);
    }
  }
}`,
  },
  'for loop whose bound is declared in its own header': {
    text: `async function run(url) {
  let lastError;
  for (let i = 0, limit = 3; i < limit; i++) {
    try {
      const res = await fetch(url);
      if (!res.ok) throw Object.assign(new Error('HTTP ' + res.status), { status: res.status, response: res });
      return await res.json();
    } catch (err) {
      lastError = err;
      await sleep(500 * 2 ** i);
    }
  }
  throw lastError;
}`,
  },
  'base delay held in a const of the catch': {
    text: `async function run(url) {
  for (let attempt = 0; attempt < 4; attempt++) {
    try {
      const res = await fetch(url);
      if (!res.ok) throw Object.assign(new Error('HTTP ' + res.status), { status: res.status, response: res });
      return await res.json();
    } catch (err) {
      if (attempt === 3) throw err;
      const stepMs = 400;
      await sleep(stepMs * 2 ** attempt);
    }
  }
}`,
  },
  'classification reads a variable the loop declares per attempt': {
    text: `async function run(url) {
  for (let attempt = 0; attempt < 4; attempt++) {
    let phase = 'connect';
    try {
      phase = 'request';
      const res = await fetch(url);
      if (!res.ok) throw Object.assign(new Error('HTTP ' + res.status), { status: res.status, response: res });
      return await res.json();
    } catch (err) {
      if (phase === 'connect' && err.status !== undefined && err.status < 500) throw err;
      if (attempt === 3) throw err;
      await sleep(100 * 2 ** attempt);
    }
  }
}`,
  },
  'loop that waits on two paths': {
    text: `async function run(url) {
  for (let n = 0; ; n++) {
    try {
      const res = await fetch(url);
      if (res.status >= 500 && n < 4) {
        await sleep(300 * 2 ** n);
        continue;
      }
      if (!res.ok) throw new Error('HTTP ' + res.status);
      return await res.json();
    } catch (err) {
      if (n >= 4) throw err;
      await sleep(300 * 2 ** n);
    }
  }
}`,
  },
};

/**
 * Applies several suggestions at once the way ESLint merges fixes (`--fix`, an editor's fix all):
 * in order of where they start, each one that overlaps a text already changed is left out.
 */
function applyTogether(text: string, edits: readonly OfferedEdit[]): string {
  const all = edits.flatMap((e) => e.edits).sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  const kept: typeof all = [];
  let end = -Infinity;
  for (const e of all) {
    if (e.range[0] < end || (e.range[0] === end && kept.length > 0 && e.range[0] === e.range[1])) continue;
    kept.push(e);
    end = e.range[1];
  }
  return apply(text, kept);
}

describe('run both: the require-jitter and require-backoff suggestions on one wait, applied together (fix all)', () => {
  let pairs = 0;
  for (const [name, program] of Object.entries(PROGRAMS)) {
    const list = findings(program.text, FILE);
    const edits = offeredEdits(program.text, FILE, list).filter((e) => e.kind === 'suggestion');
    const jitter = list.filter((f) => f.ruleId === 'retry/require-jitter');
    for (const j of jitter) {
      const b = list.find((f) => f.ruleId === 'retry/require-backoff' && f.line === j.line && f.column === j.column);
      if (!b) continue;
      const both = edits.filter((e) => e.finding === j || e.finding === b);
      if (!both.some((e) => e.finding === j) || !both.some((e) => e.finding === b)) continue;
      pairs++;
      it(`${name} (line ${j.line})`, async () => {
        const together = applyTogether(program.text, both);
        assert.equal(parseError(together, FILE), undefined, `parses:\n${together}`);
        const count = (fs: readonly { ruleId: string }[], rule: string): number => fs.filter((f) => f.ruleId === rule).length;
        const after = findings(together, FILE);
        for (const rule of ['retry/require-jitter', 'retry/require-backoff']) assert.ok(count(after, rule) <= count(list, rule) - 1, `the ${rule} finding is gone (both intents applied):\n${together}`);
        for (const [scenario, script] of Object.entries(SCENARIOS)) {
          const before = await runProgram(program.text, script);
          const after = await runProgram(together, script);
          const label = `${scenario}\n--- applied together:\n${together}`;
          assert.equal(after.outcome, before.outcome, `same outcome: ${label}`);
          assert.equal(after.requests.length, before.requests.length, `same attempts: ${label}`);
        }
      });
    }
  }
  it('covers at least one such wait', () => assert.ok(pairs > 0));
});

/** A server that asks for more than the suggestion's 60 s cap: 120 s, as delay-seconds or as an HTTP-date. */
const LONG_WAITS: Record<string, Answer[]> = {
  '429 Retry-After 120 s, 200': [{ status: 429, headers: { 'Retry-After': '120' } }, { status: 200 }],
  '503 Retry-After HTTP-date (+120 s), 200': [{ status: 503, headers: { 'Retry-After': new Date(Date.UTC(2026, 11, 2, 0, 2, 0)).toUTCString() } }, { status: 200 }],
};

describe("run both: respect-retry-after's suggestion and the helper rewrite never come back before the server's time", () => {
  // The helper reads Retry-After from the error whatever the original did: past its
  // maxRetryAfterMs (60 s) it gives up with the last error (RFC 9110 §10.2.3: a client should wait
  // at least the time asked), never comes back after 60 s.
  for (const [name, program] of Object.entries(PROGRAMS)) {
    const edits = offeredEdits(program.text, FILE).filter((e) => (e.kind === 'suggestion' && e.finding.ruleId === 'retry/respect-retry-after') || (e.kind === 'helper' && e.plan?.kind === 'full'));
    for (const edit of edits) {
      it(`${name}: ${edit.title}`, async () => {
        const rewritten = apply(program.text, edit.edits);
        for (const [scenario, script] of Object.entries(LONG_WAITS)) {
          const after = await runProgram(rewritten, script);
          const label = `${scenario}\n--- rewritten:\n${rewritten}`;
          // Either it waits the whole 120 s before the next attempt, or it gives up with the 429/503 at once.
          if (after.requests.length > 1) assert.ok(after.waits[0]! >= 120_000, `waits at least the server's 120 s (waited ${after.waits.join(', ')}): ${label}`);
          else assert.match(after.outcome, /^error .*(429|503)/, `gives up with the status: ${label}`);
        }
      });
    }
  }
});

/** Why an offered edit may make fewer attempts than the original: the finding it resolves says so. */
function mayMakeFewer(edit: OfferedEdit, scenario: string): boolean {
  const resolves = edit.plan?.resolves ?? [edit.finding.ruleId.replace(/^retry\//, '')];
  if (resolves.includes('no-unbounded-retry') && edit.finding.ruleId === 'retry/no-unbounded-retry') return true;
  // The classified variant fails fast on a client error (no-retry-on-client-error says why).
  if (resolves.includes('no-retry-on-client-error') && /^(400|401|always 401)/.test(scenario)) return true;
  return false;
}

describe('run both: every offered edit keeps what the retry does', () => {
  let checked = 0;
  for (const [name, program] of Object.entries(PROGRAMS)) {
    describe(name, () => {
      const list = findings(program.text, FILE);
      const edits = offeredEdits(program.text, FILE, list);
      it('has findings, and each edit parses', () => {
        assert.ok(list.length > 0, 'the program has findings');
        for (const e of edits) assert.equal(parseError(apply(program.text, e.edits), FILE), undefined, `${e.title} parses`);
      });
      for (const edit of edits) {
        it(`${edit.kind}: ${edit.title} (for ${edit.finding.ruleId}, line ${edit.finding.line})`, async () => {
          const rewritten = apply(program.text, edit.edits);
          let jittered = false;
          for (const [scenario, script] of Object.entries(SCENARIOS)) {
            const before = await runProgram(program.text, script);
            const after = await runProgram(rewritten, script);
            const label = `${scenario}\n--- rewritten:\n${rewritten}`;
            // A bound that gives up before the original did ends with what the retry does when it stops.
            const gaveUpEarlier = mayMakeFewer(edit, scenario) && after.requests.length < before.requests.length;
            if (!gaveUpEarlier) assert.equal(after.outcome, before.outcome, `same outcome: ${label}`);
            else {
              assert.ok(after.requests.length <= 5, `gives up after the suggested limit: ${label}`);
              // It gives up the way the program ends a failure it does not retry (answered, or rethrown).
              const last = script[script.length - 1]!;
              if (program.givesUp && edit.kind === 'suggestion' && last !== 'network') assert.equal(after.outcome, program.givesUp.replace('{status}', String(last.status)), `ends as the program ends a failure it does not retry: ${label}`);
            }
            if (mayMakeFewer(edit, scenario)) assert.ok(after.requests.length <= before.requests.length, `no more attempts: ${label}`);
            else assert.equal(after.requests.length, before.requests.length, `same attempts: ${label}`);
            // A helper rewrite keeps the schedule attempt by attempt: base delay, growth, cap, with
            // only the differences its findings name (jitter, growth of a constant wait, a 60 s cap).
            if (edit.kind === 'helper' && after.requests.length === before.requests.length) {
              const problem = await scheduleProblem(program.text, rewritten, script, edit.plan?.resolves ?? []);
              assert.equal(problem, undefined, `the schedule is kept: ${label}`);
            }
            // Side calls the catch made (a session restored) are still made, as often.
            if (mayMakeFewer(edit, scenario)) assert.ok(after.restores <= before.restores, `no more restores: ${label}`);
            else assert.equal(after.restores, before.restores, `same session restores: ${label}`);
            if (edit.kind === 'suggestion' && edit.finding.ruleId === 'retry/require-jitter' && after.requests.length === before.requests.length) {
              if (/after the wait the server asked for/.test(edit.title)) {
                // Jitter after a server-derived wait: never shorter than the server's, at most 1 s longer.
                after.waits.forEach((w, i) => assert.ok(w >= before.waits[i]! && w <= before.waits[i]! + 1000, `wait ${i} within 1 s after the server's (${before.waits[i]} → ${w}): ${label}`));
                if (after.waits.some((w, i) => w > before.waits[i]!)) jittered = true;
              } else if (/double the wait/.test(edit.title)) {
                // Full jitter on a wait that now grows (it did not): jittered at Math.random() 0.5, doubled each time.
                // A grown delay is never below the one it replaces, so its jittered draw (0.5 here) never below half of it.
                after.waits.forEach((w, i) => assert.ok(w >= before.waits[i]! / 2, `wait ${i} at least half the original (${before.waits[i]} → ${w}): ${label}`));
                if (after.waits.some((w, i) => w !== before.waits[i])) jittered = true;
              } else {
                // Full jitter draws each wait from below the one it replaces (Math.random() is 0.5 here): never longer, this one shorter.
                after.waits.forEach((w, i) => assert.ok(w <= before.waits[i]!, `wait ${i} not longer (${w} ≤ ${before.waits[i]}): ${label}`));
                if (after.waits.some((w, i) => w < before.waits[i]!)) jittered = true;
              }
            }
            if (edit.kind === 'suggestion' && edit.finding.ruleId === 'retry/require-backoff' && before.waits.length === 0) {
              // A wait added where there was none: every path that goes round to the next attempt waits.
              assert.equal(after.waits.filter((w) => w > 0).length, after.requests.length - 1, `a wait before every retry (waited ${after.waits.join(', ')} over ${after.requests.length} requests): ${label}`);
            }
            if (edit.finding.ruleId === 'retry/require-idempotency-key') {
              const keys = new Set(after.requests.map((r) => r.key));
              assert.equal(keys.size, 1, `one key on every attempt: ${label}`);
              assert.ok([...keys][0], 'the key is sent');
            }
            if ((program.honoursRetryAfter || edit.finding.ruleId === 'retry/respect-retry-after') && /Retry-After/.test(scenario) && before.requests.length > 1) {
              // Every wait that follows a Retry-After answer is at least the server's.
              const serverMs = /HTTP-date/.test(scenario) ? 3000 : /10 s/.test(scenario) ? 10_000 : 2000;
              const told = script.filter((a) => a !== 'network' && a.headers?.['Retry-After']).length;
              const checked = after.waits.slice(0, told);
              assert.ok(checked.length > 0 && checked.every((w) => w >= serverMs), `waits at least the server's ${serverMs} ms (waited ${after.waits.join(', ')}): ${label}`);
            }
          }
          if (program.ownCounter && edit.kind === 'suggestion' && edit.finding.ruleId === 'retry/no-unbounded-retry') {
            assert.deepEqual(bindings(rewritten), bindings(program.text), `the limit counts with the program's own counter, no second one\n${rewritten}`);
          }
          if (edit.kind === 'suggestion' && edit.finding.ruleId === 'retry/require-jitter') assert.ok(jittered, `some wait is jittered in some scenario\n${rewritten}`);
          checked++;
        });
      }
    });
  }
  after(() => {
    // eslint-disable-next-line no-console
    if (process.env.RETRY_LINT_COUNTS) console.log(`run both: ${checked} offered edits checked on ${Object.keys(SCENARIOS).length} scenarios`);
  });
});

describe('the helper rewrite re-derives what the catch reads from its error parameter, or is not offered', () => {
  // The catch names the status or a classification before testing it: shouldRetry carries that
  // declaration (run both above proves the meaning), so the rewrite stays on offer.
  for (const name of ['status read into a local of the catch, then classified (the got/ky shape)', 'recursion whose catch names the code before classifying it', 'while loop whose catch logs a local before the next attempt']) {
    it(`offers the full rewrite: ${name}`, () => {
      const full = offeredEdits(PROGRAMS[name]!.text, FILE).filter((e) => e.kind === 'helper' && e.plan?.kind === 'full');
      assert.ok(full.length > 0, 'a full helper rewrite is offered');
      for (const e of full) assert.match(apply(PROGRAMS[name]!.text, e.edits), /shouldRetry: (async )?\(\w+\) => \{\n\s+const /, 'the declaration moves into shouldRetry');
    });
  }
  // What cannot move: a bound declared in the loop's own header; a base delay in a const of the catch is written as its value.
  it('writes no name that does not exist where the helper call stands', () => {
    for (const name of ['for loop whose bound is declared in its own header', 'base delay held in a const of the catch']) {
      for (const e of offeredEdits(PROGRAMS[name]!.text, FILE).filter((x) => x.kind === 'helper')) {
        const text = apply(PROGRAMS[name]!.text, e.edits);
        assert.doesNotMatch(text, /maxAttempts: limit|baseDelayMs: stepMs/, text);
      }
    }
  });
});
