// Issue 11's cost cases, for their output: 300 nested retry loops (59 s of lint before the per-loop
// summaries) and a bundle of 1,000 functions that call each other (minutes before) lint without an
// error and with one finding per retry. Their cost is a speed target, so it is measured by
// test/bench/scaling.bench.mjs (`npm run bench`, figures in BENCHMARKS.md), not asserted here: a
// timed unit test fails on a loaded machine and proves nothing on an idle one.
import assert from 'node:assert/strict';
import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import plugin from '../../eslint-plugin/src/index';
import { pathToFileURL } from 'node:url';
import path from 'node:path';

const ALL_RULES = Object.fromEntries(Object.keys(plugin.rules).map((id) => [`retry/${id}`, 'warn' as const]));

/** The findings of one lint of `text` with the seven rules. */
function lint(text: string): { messages: Linter.LintMessage[] } {
  const linter = new Linter({ configType: 'flat' });
  const config: Linter.Config[] = [{ files: ['**/*.ts'], languageOptions: { parser: tsParser, sourceType: 'module' }, plugins: { retry: plugin }, rules: ALL_RULES }];
  return { messages: linter.verify(text, config, { filename: 'shape.ts' }) };
}

describe('scaling: issue 11 cost cases', function () {
  this.timeout(120_000);
  let shapes: { nested: (depth: number) => string; callGraph: (n: number) => string };
  before(async () => {
    shapes = (await import(pathToFileURL(path.join(__dirname, '../bench/shapes.mjs')).href)) as typeof shapes;
  });

  it('300 nested retry loops lint with one finding per loop', () => {
    const { messages } = lint(shapes.nested(300));
    assert.ok(messages.every((m) => !m.fatal), 'parses');
    assert.equal(messages.length, 300);
  });

  it('1,000 functions calling each other (a bundle) lint with one finding per retrying function', () => {
    const { messages } = lint(shapes.callGraph(1000));
    assert.ok(messages.every((m) => !m.fatal), 'parses');
    assert.equal(messages.length, 1000);
  });
});
