import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';

interface Summary {
  jitter: string;
  totalCalls: number;
  succeeded: number;
  gaveUp: number;
  completionMs: number;
}
interface Simulation {
  SCENARIO: Record<string, number>;
  simulate(jitter: string, scenario?: Record<string, number>): Promise<{ calls: { at: number; ok: boolean }[] }>;
  summarise(jitter: string, run: unknown): Summary;
}

// A smaller scenario than npm run simulate's, so the test stays quick.
const SMALL = { clients: 200, outageMs: 1000, windowMs: 100, capacityPerWindow: 10, maxAttempts: 8, baseDelayMs: 100, maxDelayMs: 20000, seed: 1 };

describe('npm run simulate (scripts/simulate.mjs)', () => {
  let simulation: Simulation;
  before(async () => {
    simulation = (await import(pathToFileURL(join(__dirname, '..', '..', 'scripts', 'simulate.mjs')).href)) as Simulation;
  });

  it('sends every client without jitter in the same millisecond, retry after retry', async () => {
    const { calls } = await simulation.simulate('none', SMALL);
    const instants = new Set(calls.map((call) => call.at));
    assert.deepEqual([...instants].slice(0, 4), [0, 100, 300, 700]);
    assert.equal(calls.filter((call) => call.at === 700).length, 200);
  });

  it('serves every client with full jitter, with fewer calls than without jitter', async () => {
    const none = simulation.summarise('none', await simulation.simulate('none', SMALL));
    const full = simulation.summarise('full', await simulation.simulate('full', SMALL));
    assert.equal(full.succeeded, 200);
    assert.ok(none.gaveUp > 0, `no jitter: ${JSON.stringify(none)}`);
    assert.ok(full.totalCalls < none.totalCalls, `${full.totalCalls} vs ${none.totalCalls}`);
  });

  it('gives the same numbers on every run', async () => {
    const first = simulation.summarise('decorrelated', await simulation.simulate('decorrelated', SMALL));
    const second = simulation.summarise('decorrelated', await simulation.simulate('decorrelated', SMALL));
    assert.deepEqual(first, second);
  });
});
