// Bundles the editor suite (test/editor/suite/*.ts) into extension/test-out/, which must lie inside
// the extension folder for VS Code to run it as extensionTestsPath. `vscode` and `mocha` stay external.
// eslint-disable-next-line n/no-extraneous-import -- a devDependency of the extension workspace (hoisted)
import { build } from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', '..', 'extension', 'test-out');
const suite = join(here, 'suite');
rmSync(out, { recursive: true, force: true });
await build({
  entryPoints: readdirSync(suite).filter((f) => f.endsWith('.ts')).map((f) => join(suite, f)),
  outdir: out,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  sourcemap: 'inline',
  external: ['vscode', 'mocha'],
  logLevel: 'warning',
});
console.log(`editor suite bundled into ${out}`);
