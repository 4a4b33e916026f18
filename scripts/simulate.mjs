// npm run simulate: many clients retrying against one recovering server, with each jitter mode of the helper.
// Runs the real retryWithBackoff (snippets/retry-with-backoff.ts) on a virtual clock with a seeded PRNG, so the
// numbers are the same on every run. Writes docs/jitter-simulation.svg (vega-lite) and docs/jitter-simulation.md.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as vega from 'vega';
import * as vegaLite from 'vega-lite';
import { retryWithBackoff } from '../snippets/retry-with-backoff.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The scenario: every client's first call lands during an outage; then the server serves a limited rate. */
export const SCENARIO = {
  clients: 1000,
  outageMs: 2000, // every call fails with 503 until then
  windowMs: 100, // the server's capacity is counted per window
  capacityPerWindow: 50, // calls it can serve per window (500 calls/s); the rest of the window get 503
  maxAttempts: 10,
  baseDelayMs: 100,
  maxDelayMs: 20000,
  seed: 2024,
};

export const MODES = ['none', 'full', 'equal', 'decorrelated'];

/** mulberry32: a small seeded PRNG. */
function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A virtual clock: sleep() queues a timer; run() fires timers in time order once every promise chain has settled. */
function virtualClock() {
  let time = 0;
  let sequence = 0;
  const timers = [];
  const settle = () => new Promise((resolve) => setImmediate(resolve));
  return {
    now: () => time,
    sleep: (ms) => new Promise((resolve) => timers.push({ at: time + ms, sequence: sequence++, resolve })),
    async run() {
      for (;;) {
        await settle();
        if (timers.length === 0) return;
        timers.sort((a, b) => a.at - b.at || a.sequence - b.sequence);
        const at = timers[0].at;
        time = at;
        while (timers.length > 0 && timers[0].at === at) timers.shift().resolve();
      }
    },
  };
}

/** Runs the scenario with one jitter mode; returns the calls made and how each client ended. */
export async function simulate(jitter, scenario = SCENARIO) {
  const clock = virtualClock();
  const random = seededRandom(scenario.seed);
  const served = new Map(); // window index → calls served in it
  const calls = []; // { at, ok }
  const endings = []; // { at, ok }
  const server = () => {
    const at = clock.now();
    const window = Math.floor(at / scenario.windowMs);
    const load = served.get(window) ?? 0;
    const ok = at >= scenario.outageMs && load < scenario.capacityPerWindow;
    if (ok) served.set(window, load + 1);
    calls.push({ at, ok });
    if (!ok) throw Object.assign(new Error('Service Unavailable'), { status: 503 });
    return 'ok';
  };
  const options = {
    maxAttempts: scenario.maxAttempts,
    baseDelayMs: scenario.baseDelayMs,
    maxDelayMs: scenario.maxDelayMs,
    jitter,
    random,
    sleep: clock.sleep,
    now: clock.now,
  };
  const clients = Array.from({ length: scenario.clients }, () =>
    retryWithBackoff(server, options).then(
      () => endings.push({ at: clock.now(), ok: true }),
      () => endings.push({ at: clock.now(), ok: false }),
    ),
  );
  await clock.run();
  await Promise.all(clients);
  return { calls, endings };
}

/** The numbers of one run. */
export function summarise(jitter, { calls, endings }) {
  const done = endings.filter((ending) => ending.ok).map((ending) => ending.at).sort((a, b) => a - b);
  const percentile = (p) => (done.length === 0 ? NaN : done[Math.min(done.length - 1, Math.ceil((p / 100) * done.length) - 1)]);
  return {
    jitter,
    totalCalls: calls.length,
    failedCalls: calls.filter((call) => !call.ok).length,
    succeeded: done.length,
    gaveUp: endings.length - done.length,
    medianMs: percentile(50),
    p95Ms: percentile(95),
    completionMs: Math.max(...endings.map((ending) => ending.at)),
  };
}

function chartSpec(series, scenario) {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: `${scenario.clients} clients retrying against a server that is down for ${scenario.outageMs / 1000} s, then serves ${scenario.capacityPerWindow * (1000 / scenario.windowMs)} calls/s`,
      subtitle: 'Calls reaching the server per 100 ms (log scale); the dashed line is its capacity',
    },
    data: { values: series },
    facet: { row: { field: 'jitter', type: 'nominal', sort: MODES.map(label), title: null } },
    spec: {
      width: 720,
      height: 110,
      layer: [
        {
          mark: { type: 'bar', width: 1.5 },
          encoding: {
            x: { field: 'seconds', type: 'quantitative', title: 'time (s)', scale: { domain: [0, series.reduce((max, point) => Math.max(max, point.seconds), 0)] } },
            y: {
              field: 'calls',
              type: 'quantitative',
              title: 'calls / 100 ms',
              scale: { type: 'symlog', domain: [0, 1200] },
              axis: { values: [0, 1, 10, 50, 100, 1000], format: 'd' },
            },
            color: { field: 'jitter', type: 'nominal', legend: null, sort: MODES.map(label) },
          },
        },
        {
          mark: { type: 'rule', strokeDash: [4, 4], color: '#555' },
          encoding: { y: { datum: scenario.capacityPerWindow } },
        },
      ],
    },
    resolve: { scale: { y: 'shared' } },
    config: { font: 'sans-serif', view: { stroke: '#ddd' } },
  };
}

const label = (jitter) => (jitter === 'none' ? 'no jitter' : `${jitter} jitter`);
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

function table(rows, scenario) {
  const lines = [
    '<!-- Generated by scripts/simulate.mjs (npm run simulate); do not edit. -->',
    '# Jitter simulation',
    '',
    `${scenario.clients} clients make one call each at t = 0, through \`retryWithBackoff\` with \`maxAttempts: ${scenario.maxAttempts}\`,`,
    `\`baseDelayMs: ${scenario.baseDelayMs}\` and \`maxDelayMs: ${scenario.maxDelayMs}\`. The server answers 503 to everything for the first`,
    `${scenario.outageMs / 1000} s, then serves ${scenario.capacityPerWindow} calls per ${scenario.windowMs} ms window and answers 503 to the rest of the window.`,
    'Virtual time and a seeded random generator: every run gives the same numbers.',
    '',
    '| jitter | calls to the server | failed calls | clients served | clients that gave up | median time to success | p95 time to success | last client done |',
    '|---|--:|--:|--:|--:|--:|--:|--:|',
    ...rows.map(
      (row) =>
        `| ${label(row.jitter)} | ${row.totalCalls} | ${row.failedCalls} | ${row.succeeded} | ${row.gaveUp} | ${seconds(row.medianMs)} | ${seconds(row.p95Ms)} | ${seconds(row.completionMs)} |`,
    ),
    '',
    '![Calls per 100 ms for each jitter mode](jitter-simulation.svg)',
    '',
  ];
  return lines.join('\n');
}

async function main() {
  const rows = [];
  const series = [];
  for (const jitter of MODES) {
    const run = await simulate(jitter);
    rows.push(summarise(jitter, run));
    const perWindow = new Map();
    for (const call of run.calls) {
      const window = Math.floor(call.at / SCENARIO.windowMs);
      perWindow.set(window, (perWindow.get(window) ?? 0) + 1);
    }
    for (const [window, calls] of [...perWindow].sort((a, b) => a[0] - b[0])) {
      series.push({ jitter: label(jitter), seconds: (window * SCENARIO.windowMs) / 1000, calls });
    }
  }
  const { spec } = vegaLite.compile(chartSpec(series, SCENARIO));
  const view = new vega.View(vega.parse(spec), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  mkdirSync(join(root, 'docs'), { recursive: true });
  writeFileSync(join(root, 'docs', 'jitter-simulation.svg'), `${svg}\n`);
  writeFileSync(join(root, 'docs', 'jitter-simulation.md'), table(rows, SCENARIO));
  console.table(rows);
  console.log('wrote docs/jitter-simulation.svg and docs/jitter-simulation.md');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
