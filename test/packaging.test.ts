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
    assert.equal(manifest.peerDependencies?.['eslint'], '^8.57.0 || ^9.0.0 || ^10.0.0');
    assert.ok(!manifest.dependencies?.['eslint'], 'eslint is a peer dependency, never a dependency');
    assert.deepEqual(manifest.bin, { 'retry-lint': './bin/retry-lint.js' });
  });

  it('installs beside the ESLint and typescript-eslint versions users have (no peer conflict): ESLint 8.57, 9 and 10, typescript-eslint 6 to 8, any TypeScript', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- semver, as npm reads ranges
    const semver = require('semver') as { satisfies: (version: string, range: string) => boolean; intersects: (a: string, b: string) => boolean };
    const peer = manifest.peerDependencies?.['eslint'] ?? '';
    // The ESLint versions the tests run the command and rules with (eslint8, eslint, eslint10 in this repository).
    for (const alias of ['eslint8', 'eslint', 'eslint10']) {
      const { version } = JSON.parse(readFileSync(path.join(ROOT, 'node_modules', alias, 'package.json'), 'utf8')) as { version: string };
      assert.ok(semver.satisfies(version, peer), `ESLint ${version} (${alias}) is accepted by the peer range ${peer}`);
    }
    for (const version of ['8.56.0', '7.32.0', '11.0.0']) assert.ok(!semver.satisfies(version, peer), `ESLint ${version} is refused`);
    // typescript-eslint's own peer range on eslint must admit every ESLint the package accepts, or npm reports a conflict.
    for (const dep of ['@typescript-eslint/parser', '@typescript-eslint/utils']) {
      const installed = JSON.parse(readFileSync(path.join(ROOT, 'node_modules', dep, 'package.json'), 'utf8')) as { version: string; peerDependencies?: Record<string, string> };
      assert.ok(semver.satisfies(installed.version, manifest.dependencies?.[dep] ?? ''), dep);
      for (const major of ['8.57.0', '9.0.0', '10.0.0']) assert.ok(semver.satisfies(major, installed.peerDependencies?.['eslint'] ?? ''), `${dep} accepts ESLint ${major}`);
    }
    // No dependency brings an ESLint of its own (a second ESLint beside the project's; with pnpm, the one the peer resolves to).
    for (const dep of Object.keys(manifest.dependencies ?? {})) {
      const installed = JSON.parse(readFileSync(path.join(ROOT, 'node_modules', dep, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
      assert.ok(!installed.dependencies?.['eslint'], `${dep} depends on eslint itself`);
    }
    // No peer dependency on typescript-eslint or TypeScript: the package brings its own parser and a
    // supported TypeScript, so a project on typescript-eslint 6 or 7 or on TypeScript 4.4 or 7 keeps its own.
    assert.deepEqual(Object.keys(manifest.peerDependencies ?? {}), ['eslint']);
    const parserPeer = (JSON.parse(readFileSync(path.join(ROOT, 'node_modules/@typescript-eslint/typescript-estree/package.json'), 'utf8')) as { peerDependencies: Record<string, string> }).peerDependencies['typescript'] ?? '';
    assert.ok(semver.intersects(manifest.dependencies?.['typescript'] ?? '', parserPeer), `the typescript dependency ${String(manifest.dependencies?.['typescript'])} fits the parser's ${parserPeer}`);
  });

  it('npm pack --dry-run holds the build, the command, the rule pages, README, LICENSE and CHANGELOG, and nothing else', () => {
    const run = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: PLUGIN, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const [pack] = JSON.parse(run.stdout) as Array<{ files: Array<{ path: string }> }>;
    const files = (pack?.files ?? []).map((f) => f.path).sort();
    for (const needed of ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'bin/retry-lint.js', 'bin/load-error.js', 'dist/index.js', 'dist/index.mjs', 'dist/index.d.ts', 'dist/cli.js', 'dist/retry-lint.config.js']) {
      assert.ok(files.includes(needed), `${needed} is missing from the package`);
    }
    const rulePages = readdirSync(path.join(PLUGIN, 'src/rules')).filter((f) => f.endsWith('.ts') && f !== 'index.ts').map((f) => `docs/rules/${f.replace(/\.ts$/, '.md')}`);
    for (const page of rulePages) assert.ok(files.includes(page), `${page} is missing from the package`);
    const allowed = /^(package\.json|README\.md|LICENSE|CHANGELOG\.md|bin\/(retry-lint|load-error)\.js|dist\/.+\.(js|mjs|d\.ts)|docs\/.+\.md)$/;
    assert.deepEqual(files.filter((f) => !allowed.test(f)), [], 'files the package does not need');
  });

  it('every package the build requires at run time is a dependency or the eslint peer dependency', () => {
    const declared = new Set([...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {})]);
    const builtins = new Set(builtinModules);
    const missing = new Set<string>();
    for (const file of [...jsFiles(path.join(PLUGIN, 'dist')), path.join(PLUGIN, 'bin/retry-lint.js'), path.join(PLUGIN, 'bin/load-error.js')]) {
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

  it("the extension's manifest has what Open VSX (ovsx publish) and the Marketplace require: namespace and name, semver version, license, repository, a PNG icon of 128 px or more", () => {
    const extension = path.join(ROOT, 'extension');
    const ext = JSON.parse(readFileSync(path.join(extension, 'package.json'), 'utf8')) as Manifest & { publisher?: string; displayName?: string; description?: string; icon?: string; engines?: Record<string, string> };
    // Open VSX namespaces (the publisher) and extension names: letters, digits and _ - + $ ~.
    assert.match(ext.publisher ?? '', /^[\w\-+$~]+$/);
    assert.match(ext.name, /^[\w\-+$~]+$/);
    assert.match(ext.version, /^\d+\.\d+\.\d+$/);
    assert.ok(ext.displayName && ext.description, 'display name and description');
    assert.match(ext.engines?.['vscode'] ?? '', /^\^\d+\.\d+\.\d+$/);
    // A license is mandatory on Open VSX: the SPDX id, and the LICENSE file the .vsix carries (see vsce ls below).
    assert.equal(ext.license, 'MIT');
    assert.match(readFileSync(path.join(extension, 'LICENSE'), 'utf8'), /^MIT License/);
    assert.match(ext.repository?.url ?? '', /^https:\/\/github\.com\/[^/]+\/[^/]+\.git$/);
    const icon = readFileSync(path.join(extension, ext.icon ?? 'missing.png'));
    assert.equal(icon.subarray(1, 4).toString('latin1'), 'PNG', 'the icon is a PNG (SVG icons are refused)');
    assert.ok(icon.readUInt32BE(16) >= 128 && icon.readUInt32BE(20) >= 128, 'the icon is at least 128×128');
  });

  it('the .vsix lists the manifest, README, LICENSE, CHANGELOG and the bundles only (vsce ls)', function () {
    const extension = path.join(ROOT, 'extension');
    const vsce = path.join(ROOT, 'node_modules/@vscode/vsce/vsce');
    if (!existsSync(vsce)) this.skip();
    const run = spawnSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: extension, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const files = run.stdout.split('\n').filter(Boolean).sort();
    for (const needed of ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'images/icon.png', 'dist/client.js', 'dist/server.js', 'dist/lint-worker.js', 'dist/docs/rules/require-jitter.md']) assert.ok(files.includes(needed), `${needed}: ${files.join(', ')}`);
    assert.deepEqual(files.filter((f) => /^(src|test|node_modules)\/|\.map$|\.ts$/.test(f) && !f.startsWith("snippets/")), []);
  });

  it('the packaged lint worker bundle, started in a worker thread as the server starts it, says it is ready', async function () {
    this.timeout(120000);
    const script = path.join(ROOT, 'extension/dist/lint-worker.js');
    if (!existsSync(script)) this.skip();
    const { Worker } = await import('node:worker_threads');
    const worker = new Worker(script, { workerData: { retryLintWorker: true } });
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
