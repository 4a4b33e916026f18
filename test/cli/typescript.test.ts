// Which TypeScript the zero-config parser runs on. In a hoisted layout (yarn, pnpm with hoisting,
// npm when versions agree) `@typescript-eslint/parser` sits in the project's node_modules and loads
// the project's `typescript`: one older than typescript-eslint supports (4.8.4) must not be used
// (it fails on valid code), retry-lint's own is, and the log says so once.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { supportedTypeScript } from '../../eslint-plugin/src/command/typescript';
import { BUILT_IN_CONFIG, NO_JITTER, project, removeProjects, ROOT, UNBOUNDED, type JsonResult } from './scratch';

/** Code that TypeScript 4.4 cannot parse: `satisfies` (4.9), import attributes (5.3), `#x in o` (4.5). */
const MODERN_TS = `import data from './data.json' with { type: 'json' };
export const limits = { attempts: 3 } satisfies Record<string, number>;
export class Box { #v = 1; static has(o: object) { return #v in o; } }
export const size = data;
${UNBOUNDED.replace('(op)', '(op: () => Promise<unknown>)')}`;

/**
 * A project laid out as a hoisted install: its own copy of the plugin (with retry-lint's own
 * TypeScript under the plugin's node_modules), of `@typescript-eslint/parser` and
 * `typescript-estree` at the top, and a `typescript` 4.4.4 of its own that fails when loaded.
 */
function hoistedProject(files: Record<string, string>, tsVersion = '4.4.4'): string {
  const dir = project(files, { eslint: null });
  const modules = path.join(dir, 'node_modules');
  const link = (name: string, target: string): void => {
    mkdirSync(path.dirname(path.join(modules, name)), { recursive: true });
    symlinkSync(target, path.join(modules, name), 'dir');
  };
  const plugin = path.join(modules, 'eslint-plugin-retry');
  for (const part of ['package.json', 'bin', 'dist', 'docs']) cpSync(path.join(ROOT, 'eslint-plugin', part), path.join(plugin, part), { recursive: true });
  mkdirSync(path.join(plugin, 'node_modules'), { recursive: true });
  symlinkSync(path.join(ROOT, 'node_modules/typescript'), path.join(plugin, 'node_modules/typescript'), 'dir');
  for (const name of ['parser', 'typescript-estree']) cpSync(path.join(ROOT, 'node_modules/@typescript-eslint', name), path.join(modules, '@typescript-eslint', name), { recursive: true });
  for (const name of readdirSync(path.join(ROOT, 'node_modules/@typescript-eslint'))) {
    if (!existsSync(path.join(modules, '@typescript-eslint', name))) link(`@typescript-eslint/${name}`, path.join(ROOT, 'node_modules/@typescript-eslint', name));
  }
  for (const name of ['eslint', '@eslint', '@eslint/compat', 'debug', 'ms', 'minimatch', 'jsonc-parser', 'semver', 'tinyglobby', 'ts-api-utils', 'eslint-visitor-keys', '@microsoft', '@eslint-community']) {
    if (!existsSync(path.join(modules, name)) && existsSync(path.join(ROOT, 'node_modules', name))) link(name, path.join(ROOT, 'node_modules', name));
  }
  const ts = path.join(modules, 'typescript');
  mkdirSync(path.join(ts, 'lib'), { recursive: true });
  writeFileSync(path.join(ts, 'package.json'), JSON.stringify({ name: 'typescript', version: tsVersion, main: 'lib/typescript.js' }));
  writeFileSync(path.join(ts, 'lib/typescript.js'), `throw new Error("the project's TypeScript ${tsVersion} was loaded");\n`);
  return dir;
}

describe('retry-lint with a project TypeScript that typescript-eslint does not support', function () {
  this.timeout(120_000);

  before(function () {
    if (!existsSync(BUILT_IN_CONFIG)) this.skip(); // built by npm test's build step
    if (process.platform === 'win32') this.skip(); // symbolic links to folders
  });

  after(removeProjects);

  it('knows which versions typescript-eslint supports (4.8.4 and later, below its peer range\'s bound)', () => {
    for (const version of ['4.8.4', '4.9.5', '5.0.2', '5.9.3', '6.0.3', '10.0.0']) assert.ok(supportedTypeScript(version), version);
    for (const version of ['4.4.4', '4.8.3', '3.9.10', '4.7.0-beta']) assert.ok(!supportedTypeScript(version), version);
    for (const version of ['4.8.4', '5.9.3', '6.0.3']) assert.ok(supportedTypeScript(version, '>=4.8.4 <6.1.0'), version);
    for (const version of ['6.1.0', '7.0.2', '4.4.4']) assert.ok(!supportedTypeScript(version, '>=4.8.4 <6.1.0'), version);
  });

  it('parses with its own TypeScript in a hoisted layout whose TypeScript is 4.4, and says so once', () => {
    const dir = hoistedProject({ 'package.json': JSON.stringify({ name: 'ts44', private: true }), 'data.json': '{}', 'src/modern.ts': MODERN_TS, 'src/client.js': NO_JITTER, 'src/other.mts': UNBOUNDED });
    const bin = path.join(dir, 'node_modules/eslint-plugin-retry/bin/retry-lint.js');
    const run = spawnSync(process.execPath, [bin, '--format', 'json'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' }, timeout: 120_000 });
    const results = JSON.parse(run.stdout || '[]') as JsonResult[];
    const messages = results.flatMap((r) => r.messages.map((m) => `${path.relative(dir, r.filePath)}:${m.line} ${String(m.ruleId)} ${m.message}`));
    assert.ok(!messages.some((m) => / null /.test(m)), `no parse error:\n${messages.join('\n')}\n${run.stderr}`);
    assert.deepEqual(results.map((r) => path.relative(dir, r.filePath)).sort(), ['src/client.js', 'src/modern.ts', 'src/other.mts']);
    assert.ok(messages.some((m) => m.startsWith('src/modern.ts:') && m.includes('retry/no-unbounded-retry')), messages.join('\n'));
    assert.ok(messages.some((m) => m.startsWith('src/client.js:') && m.includes('retry/require-jitter')), messages.join('\n'));
    const notes = run.stderr.split('\n').filter((line) => /TypeScript 4\.4\.4/.test(line));
    assert.equal(notes.length, 1, run.stderr);
    assert.match(notes[0] ?? '', /older than typescript-eslint supports \(4\.8\.4\); parsing with retry-lint's own TypeScript \d+\.\d+/);
    assert.equal(run.status, 1);
  });

  it('parses with its own TypeScript when the project\'s is newer than typescript-eslint supports (TypeScript 7 has no compiler API)', () => {
    const dir = hoistedProject({ 'package.json': JSON.stringify({ name: 'ts7', private: true }), 'src/loop.ts': UNBOUNDED.replace('(op)', '(op: () => Promise<unknown>)') }, '7.0.2');
    const bin = path.join(dir, 'node_modules/eslint-plugin-retry/bin/retry-lint.js');
    const run = spawnSync(process.execPath, [bin, '--format', 'json'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' }, timeout: 120_000 });
    const results = JSON.parse(run.stdout || '[]') as JsonResult[];
    assert.deepEqual(results.flatMap((r) => r.messages.map((m) => String(m.ruleId))), ['retry/no-unbounded-retry', 'retry/require-backoff'], run.stderr);
    assert.match(run.stderr, /TypeScript 7\.0\.2 \(.*\) is newer than typescript-eslint supports \(>=4\.8\.4 <\d+\.\d+\.\d+\); parsing with retry-lint's own TypeScript/);
  });
});
