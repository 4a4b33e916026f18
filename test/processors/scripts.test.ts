// The `retry/scripts` processor (eslint-plugin/src/processors/scripts.ts) through ESLint's Linter:
// findings in a component's `<script>` blocks keep the component's positions, and a fix applies
// to the component as it is.
import assert from 'node:assert/strict';
import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import plugin from '../../eslint-plugin/src/index';
import { blankOutside, scriptBlocks } from '../../eslint-plugin/src/processors/scripts';

const config: Linter.Config[] = [
  { files: ['**/*.vue', '**/*.svelte'], processor: plugin.processors.scripts },
  { files: ['**/*.{js,ts}'], languageOptions: { parser: tsParser as unknown as Linter.Parser, ecmaVersion: 'latest', sourceType: 'module' }, plugins: { retry: plugin as never }, rules: { 'retry/require-backoff': 'warn', 'retry/no-unbounded-retry': 'error' } },
];

const COMPONENT = `<template>
  <div>{{ n }}</div>
</template>
<script lang="ts">
const n: number = 1;
</script>
<script setup>
async function poke() {
  while (true) {
    try { return await fetch('/x'); } catch { /* again */ }
  }
}
</script>
`;

describe('retry/scripts processor', () => {
  it('finds each <script> block with the extension its lang gives, and leaves out src and non-JavaScript types', () => {
    const blocks = scriptBlocks(`${COMPONENT}<script src="./x.js"></script><script type="text/x-template"><p/></script>`);
    assert.deepEqual(blocks.map((b) => [COMPONENT.slice(b.start, b.end).trim().split('\n')[0], b.ext]), [
      ['const n: number = 1;', 'ts'],
      ['async function poke() {', 'js'],
    ]);
  });

  it('keeps every line and offset: the text outside the block becomes spaces, line breaks stay', () => {
    const [, setup] = scriptBlocks(COMPONENT);
    const blanked = blankOutside(COMPONENT, setup!.start, setup!.end);
    assert.equal(blanked.length, COMPONENT.length);
    assert.equal(blanked.split('\n').length, COMPONENT.split('\n').length);
    assert.equal(blanked.slice(setup!.start, setup!.end), COMPONENT.slice(setup!.start, setup!.end));
    assert.doesNotMatch(blanked, /template|div|lang/);
  });

  it("reports a retry in a Vue <script setup> at the component's own line and column", () => {
    const linter = new Linter({ configType: 'flat' });
    const found = linter.verify(COMPONENT, config, { filename: 'Poke.vue' }).map((m) => `${m.ruleId}@${m.line}:${m.column}`).sort();
    assert.deepEqual(found, ['retry/no-unbounded-retry@9:10', 'retry/require-backoff@9:10']);
    // The same positions as the script's code gives in a plain file, written where the component has it.
    const [, setup] = scriptBlocks(COMPONENT);
    const plain = linter.verify(blankOutside(COMPONENT, setup!.start, setup!.end), config, { filename: 'poke.js' }).map((m) => `${m.ruleId}@${m.line}:${m.column}`).sort();
    assert.deepEqual(found, plain);
  });

  it('lints a Svelte component the same way, and a component with no script has nothing to report', () => {
    const svelte = `<script>\n  async function load() {\n    for (;;) { try { return await fetch('/f'); } catch {} }\n  }\n</script>\n<p>{load()}</p>\n`;
    const linter = new Linter({ configType: 'flat' });
    assert.deepEqual(linter.verify(svelte, config, { filename: 'Feed.svelte' }).map((m) => `${m.ruleId}@${m.line}`).sort(), ['retry/no-unbounded-retry@3', 'retry/require-backoff@3']);
    assert.deepEqual(linter.verify('<template><p/></template>\n', config, { filename: 'Empty.vue' }), []);
  });
});
