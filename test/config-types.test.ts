// The plugin's published types (eslint-plugin/dist/index.d.ts) in real config files of each shape
// users write: `defineConfig` from eslint/config, `tseslint.config`, and a plain `Linter.Config[]`
// (test/fixtures/types), plus every config example of the plugin README. `tsc` type-checks them
// as a user's project would (NodeNext, strict).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const TSC = path.join(ROOT, 'node_modules/typescript/bin/tsc');
const FIXTURES = path.join(ROOT, 'test/fixtures/types');

/** The README's `js` blocks that are whole config files (they import the plugin and export a config). */
function readmeConfigs(): string[] {
  const readme = readFileSync(path.join(ROOT, 'eslint-plugin/README.md'), 'utf8');
  return [...readme.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1] ?? '').filter((code) => code.includes('from \'eslint-plugin-retry\'') && code.includes('export default'));
}

describe('config types', function () {
  this.timeout(240_000);
  const scratch = path.join(FIXTURES, `.readme-${process.pid}`);

  before(function () {
    if (!existsSync(path.join(ROOT, 'eslint-plugin/dist/index.d.ts'))) this.skip(); // built by npm test's build step
  });

  after(() => { rmSync(scratch, { recursive: true, force: true }); });

  it('defineConfig, tseslint.config, Linter.Config[] and the README examples accept the plugin and its configs (tsc --noEmit)', () => {
    const examples = readmeConfigs();
    assert.ok(examples.length >= 4, `README config examples: ${examples.length}`);
    mkdirSync(scratch, { recursive: true });
    examples.forEach((code, i) => { writeFileSync(path.join(scratch, `readme-${i}.eslint.config.ts`), code); });
    writeFileSync(path.join(scratch, 'tsconfig.json'), JSON.stringify({ extends: '../tsconfig.json', include: ['../*.ts', './*.ts'] }));
    const run = spawnSync(process.execPath, [TSC, '--noEmit', '-p', scratch], { encoding: 'utf8' });
    assert.equal(run.status, 0, `${run.stdout}${run.stderr}`);
  });
});
