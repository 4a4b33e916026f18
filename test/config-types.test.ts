// The plugin's published types (eslint-plugin/dist/index.d.ts) in real config files of each shape
// users write: `defineConfig` from eslint/config, `tseslint.config`, and a plain `Linter.Config[]`.
// `tsc` type-checks test/fixtures/types as a user's project would (NodeNext, strict).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const TSC = path.join(ROOT, 'node_modules/typescript/bin/tsc');

describe('config types', function () {
  this.timeout(240_000);

  before(function () {
    if (!existsSync(path.join(ROOT, 'eslint-plugin/dist/index.d.ts'))) this.skip(); // built by npm test's build step
  });

  it('defineConfig, tseslint.config and Linter.Config[] accept the plugin and its configs (tsc --noEmit)', () => {
    const run = spawnSync(process.execPath, [TSC, '--noEmit', '-p', path.join(ROOT, 'test/fixtures/types')], { encoding: 'utf8' });
    assert.equal(run.status, 0, `${run.stdout}${run.stderr}`);
  });
});
