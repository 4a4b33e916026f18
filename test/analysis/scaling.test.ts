// Issue 11's cost cases as regression tests: 300 nested retry loops took 59 s of lint (a cubic
// cost in the depth) and a bundle of 1,000 functions that call each other took minutes. Each must
// now lint in a few seconds of CPU. The ceilings are an order of magnitude above today's cost
// (about 0.5 s and 3 s on an idle machine), so a loaded machine does not fail them, while the old
// superlinear costs do. The figures themselves are measured by test/bench/scaling.bench.mjs.
import assert from 'node:assert/strict';
import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import plugin from '../../eslint-plugin/src/index';
import { pathToFileURL } from 'node:url';
import path from 'node:path';

const ALL_RULES = Object.fromEntries(Object.keys(plugin.rules).map((id) => [`retry/${id}`, 'warn' as const]));

/** The CPU seconds of one lint of `text` with the seven rules, and its findings. */
function lint(text: string): { seconds: number; messages: Linter.LintMessage[] } {
  const linter = new Linter({ configType: 'flat' });
  const config: Linter.Config[] = [{ files: ['**/*.ts'], languageOptions: { parser: tsParser, sourceType: 'module' }, plugins: { retry: plugin }, rules: ALL_RULES }];
  const start = process.cpuUsage();
  const messages = linter.verify(text, config, { filename: 'shape.ts' });
  const used = process.cpuUsage(start);
  return { seconds: (used.user + used.system) / 1e6, messages };
}

describe('scaling: issue 11 cost cases', function () {
  this.timeout(120_000);
  let shapes: { nested: (depth: number) => string; callGraph: (n: number) => string };
  before(async () => {
    shapes = (await import(pathToFileURL(path.join(__dirname, '../bench/shapes.mjs')).href)) as typeof shapes;
  });

  it('300 nested retry loops lint in under 15 CPU-seconds (59 s before), one finding per loop', () => {
    const { seconds, messages } = lint(shapes.nested(300));
    assert.ok(messages.every((m) => !m.fatal), 'parses');
    assert.equal(messages.length, 300);
    assert.ok(seconds < 15, `${seconds.toFixed(1)} s`);
  });

  it('1,000 functions calling each other (a bundle) lint in under 30 CPU-seconds, one finding per retrying function', () => {
    const { seconds, messages } = lint(shapes.callGraph(1000));
    assert.ok(messages.every((m) => !m.fatal), 'parses');
    assert.equal(messages.length, 1000);
    assert.ok(seconds < 30, `${seconds.toFixed(1)} s`);
  });
});
