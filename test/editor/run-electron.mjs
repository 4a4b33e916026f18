// Runs the editor suite in desktop VS Code downloaded by @vscode/test-electron (developers'
// laptops, public CI). Same suite and fixtures as run-code-server.mjs; two windows, trusted and
// restricted. On machines without a route to update.code.visualstudio.com use run-code-server.mjs.
//
//   node test/editor/run-electron.mjs [--no-build] [--only trusted|restricted] [--version stable|1.85.0]
// eslint-disable-next-line n/no-extraneous-import -- a devDependency of the extension workspace (hoisted)
import { runTests } from '@vscode/test-electron';
import { spawnSync } from 'node:child_process';
// eslint-disable-next-line n/no-unsupported-features/node-builtins -- fs.cpSync works from Node 16.7 (experimental label only); this script runs on Node 20+
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const extensionDir = resolve(here, '../../extension');
const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const modes = option('--only') ? [option('--only')] : ['trusted', 'restricted'];
const version = option('--version') ?? 'stable';

function sh(cmd, argv, opts = {}) {
  const r = spawnSync(cmd, argv, { stdio: 'inherit', ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${argv.join(' ')} exited with ${r.status ?? r.signal}`);
}
if (!args.includes('--no-build')) {
  sh(process.execPath, [join(extensionDir, 'esbuild.mjs')], { cwd: extensionDir });
  sh(process.execPath, [join(extensionDir, 'scripts', 'copy-snippets.mjs')]);
  sh(process.execPath, [join(here, 'build.mjs')]);
}

function makeWritable(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    chmodSync(p, statSync(p).mode | 0o200);
    if (entry.isDirectory()) makeWritable(p);
  }
}

let failed = false;
for (const mode of modes) {
  const run = mkdtempSync(join(tmpdir(), 'rl-'));
  const ws = join(run, 'ws');
  cpSync(join(here, 'fixture', mode), ws, { recursive: true });
  if (existsSync(join(ws, '_node_modules'))) renameSync(join(ws, '_node_modules'), join(ws, 'node_modules'));
  makeWritable(ws);
  mkdirSync(join(run, 'data/User'), { recursive: true });
  writeFileSync(
    join(run, 'data/User/settings.json'),
    JSON.stringify({
      'workbench.startupEditor': 'none',
      'security.workspace.trust.enabled': true,
      'security.workspace.trust.startupPrompt': 'never',
      'security.workspace.trust.banner': 'never',
      'extensions.autoUpdate': false,
      'update.mode': 'none',
      'telemetry.telemetryLevel': 'off',
    }),
  );
  const launchArgs = [ws, '--disable-extensions', '--user-data-dir', join(run, 'data'), '--skip-welcome', '--skip-release-notes'];
  if (mode === 'trusted') launchArgs.push('--disable-workspace-trust');
  try {
    await runTests({
      version,
      extensionDevelopmentPath: extensionDir,
      extensionTestsPath: join(extensionDir, 'test-out/index.js'),
      launchArgs,
      extensionTestsEnv: { RETRY_LINT_EDITOR_GREP: process.env.RETRY_LINT_EDITOR_GREP ?? '' },
    });
    console.log(`[test:editor:electron] ${mode}: passed`);
  } catch (error) {
    console.error(`[test:editor:electron] ${mode}: failed: ${error instanceof Error ? error.message : String(error)}`);
    failed = true;
  } finally {
    rmSync(run, { recursive: true, force: true });
  }
}
process.exitCode = failed ? 1 : 0;
