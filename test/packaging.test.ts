// Publication readiness: what `npm pack` puts in eslint-plugin-retry (only what it needs, with
// README, LICENSE and CHANGELOG), the manifest fields a registry and users rely on, every runtime
// import of the build declared as a dependency, and the .vsix file list (`vsce ls`).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const PLUGIN = path.join(ROOT, 'eslint-plugin');

interface Manifest {
  name: string;
  version: string;
  license?: string;
  repository?: { type: string; url: string; directory?: string };
  bugs?: { url: string };
  homepage?: string;
  engines?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  dependencies?: Record<string, string>;
  files?: string[];
  bin?: Record<string, string>;
}

const manifest = JSON.parse(readFileSync(path.join(PLUGIN, 'package.json'), 'utf8')) as Manifest;

/** Every .js file under a folder. */
function jsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? jsFiles(path.join(dir, e.name)) : /\.(c|m)?js$/.test(e.name) ? [path.join(dir, e.name)] : []));
}

describe('publication readiness', function () {
  this.timeout(120_000);

  before(function () {
    if (!existsSync(path.join(PLUGIN, 'dist/index.js'))) this.skip(); // built by npm test's build step
  });

  it('the plugin manifest names its repository, engines, the ESLint versions it supports, and what it ships', () => {
    assert.equal(manifest.license, 'MIT');
    assert.match(manifest.repository?.url ?? '', /^git\+https:\/\/github\.com\/[^/]+\/[^/]+\.git$/);
    assert.equal(manifest.repository?.directory, 'eslint-plugin');
    assert.match(manifest.bugs?.url ?? '', /^https:\/\//);
    assert.match(manifest.homepage ?? '', /^https:\/\//);
    assert.match(manifest.engines?.['node'] ?? '', />=18\.18/);
    assert.equal(manifest.peerDependencies?.['eslint'], '^8.57.0 || ^9.0.0');
    assert.ok(!manifest.dependencies?.['eslint'], 'eslint is a peer dependency, never a dependency');
    assert.deepEqual(manifest.bin, { 'retry-lint': './bin/retry-lint.js' });
  });

  it('npm pack --dry-run holds the build, the command, the rule pages, README, LICENSE and CHANGELOG, and nothing else', () => {
    const run = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: PLUGIN, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const [pack] = JSON.parse(run.stdout) as Array<{ files: Array<{ path: string }> }>;
    const files = (pack?.files ?? []).map((f) => f.path).sort();
    for (const needed of ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'bin/retry-lint.js', 'dist/index.js', 'dist/index.mjs', 'dist/index.d.ts', 'dist/cli.js', 'dist/retry-lint.config.js']) {
      assert.ok(files.includes(needed), `${needed} is missing from the package`);
    }
    const rulePages = readdirSync(path.join(PLUGIN, 'src/rules')).filter((f) => f.endsWith('.ts') && f !== 'index.ts').map((f) => `docs/rules/${f.replace(/\.ts$/, '.md')}`);
    for (const page of rulePages) assert.ok(files.includes(page), `${page} is missing from the package`);
    const allowed = /^(package\.json|README\.md|LICENSE|CHANGELOG\.md|bin\/retry-lint\.js|dist\/.+\.(js|mjs|d\.ts)|docs\/.+\.md)$/;
    assert.deepEqual(files.filter((f) => !allowed.test(f)), [], 'files the package does not need');
  });

  it('every package the build requires at run time is a dependency or the eslint peer dependency', () => {
    const declared = new Set([...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {})]);
    const builtins = new Set(builtinModules);
    const missing = new Set<string>();
    for (const file of [...jsFiles(path.join(PLUGIN, 'dist')), path.join(PLUGIN, 'bin/retry-lint.js')]) {
      const text = readFileSync(file, 'utf8');
      // tsc writes `require("…")` with double quotes; examples in comments use single quotes.
      for (const match of text.matchAll(/\brequire\("([^".][^"]*)"\)/g)) {
        const spec = (match[1] ?? '').replace(/^node:/, '');
        const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : (spec.split('/')[0] ?? spec);
        if (!builtins.has(name) && !declared.has(name)) missing.add(`${name} (${path.relative(PLUGIN, file)})`);
      }
    }
    assert.deepEqual([...missing], []);
  });

  it('the .vsix lists the manifest, README, LICENSE, CHANGELOG and the bundles only (vsce ls)', function () {
    const extension = path.join(ROOT, 'extension');
    const vsce = path.join(ROOT, 'node_modules/@vscode/vsce/vsce');
    if (!existsSync(vsce)) this.skip();
    const run = spawnSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: extension, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const files = run.stdout.split('\n').filter(Boolean).sort();
    for (const needed of ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'dist/client.js', 'dist/server.js', 'dist/docs/rules/require-jitter.md']) assert.ok(files.includes(needed), `${needed}: ${files.join(', ')}`);
    assert.deepEqual(files.filter((f) => /^(src|test|node_modules)\/|\.map$|\.ts$/.test(f) && !f.startsWith("snippets/")), []);
  });

  it('the packaged server bundle is also its lint worker: started in a worker thread it says it is ready', async function () {
    this.timeout(120000);
    const server = path.join(ROOT, 'extension/dist/server.js');
    if (!existsSync(server)) this.skip();
    const { Worker } = await import('node:worker_threads');
    const worker = new Worker(server, { workerData: {} });
    try {
      const first = await new Promise((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      });
      assert.equal(first, 'ready');
    } finally {
      await worker.terminate();
    }
  });
});
