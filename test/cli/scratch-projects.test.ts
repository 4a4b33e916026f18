// `retry-lint` in scratch projects laid out as users' projects are: it must report exactly what
// the project's own `eslint` reports for the retry/* rules, and what the language server shows
// for the same files. Each project gets a node_modules of links into this repository (its ESLint
// 9 or the `eslint8` alias as ESLint 8.57, the plugin, typescript-eslint, @eslint/compat, jiti).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspSession, SERVER } from '../server/lsp-session';
import { assertOnlyRetry, BIN, BUILT_IN_CONFIG, eslint, linted, NO_JITTER, project, removeProjects, retryFindings, retryLint, UNBOUNDED } from './scratch';

/** The language server's retry/* diagnostics for each of `files`, as {@link retryFindings} writes them. */
async function serverFindings(dir: string, files: string[], trusted: boolean): Promise<string[]> {
  const session = await LspSession.start({ rootDir: dir, workspaceTrusted: trusted });
  try {
    const found: string[] = [];
    for (const file of files) {
      const uri = pathToFileURL(path.join(dir, file)).href;
      const ext = path.extname(file);
      const languageId = ext === '.tsx' ? 'typescriptreact' : ext === '.jsx' ? 'javascriptreact' : /\.[mc]?ts$/.test(ext) ? 'typescript' : 'javascript';
      await session.open(uri, languageId, readFileSync(path.join(dir, file), 'utf8'));
      const { diagnostics } = await session.diagnostics(uri, undefined, 30_000);
      for (const d of diagnostics) found.push(`${file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${String(d.code)} ${d.severity === 1 ? 2 : 1}`);
    }
    return found.sort();
  } finally {
    await session.stop();
  }
}

describe('retry-lint in scratch projects: what eslint reports for retry/*, and what the language server shows', function () {
  this.timeout(240_000);

  before(function () {
    if (!existsSync(BUILT_IN_CONFIG) || !existsSync(SERVER)) this.skip(); // built by npm test's build step
    if (process.platform === 'win32') this.skip(); // symbolic links to folders
  });

  after(removeProjects);

  it('a TypeScript project with eslint.config.ts (defineConfig, typescript-eslint, a retry rule off, another plugin on)', async () => {
    const dir = project(
      {
        'package.json': JSON.stringify({ name: 'flat-ts', private: true, type: 'module' }),
        'eslint.config.ts': `import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import retry from 'eslint-plugin-retry';

export default defineConfig([
  { ignores: ['dist/'] },
  tseslint.configs.recommended,
  retry.configs.recommended,
  { rules: { 'retry/require-backoff': 'off', 'retry/require-jitter': 'error' } },
]);
`,
        'src/loop.ts': `const unusedValue: number = 1;\n${UNBOUNDED.replace('(op)', '(op: () => Promise<unknown>)')}`,
        'src/client.ts': NO_JITTER.replace('(url)', '(url: string): Promise<unknown>'),
        'src/view.tsx': `export function View({ load }: { load: () => Promise<string> }) {\n  void (async () => {\n    while (true) {\n      try {\n        return await load();\n      } catch {}\n    }\n  })();\n  return <div>{String(load)}</div>;\n}\n`,
        'dist/client.js': UNBOUNDED,
      },
      { eslint: 'eslint', extra: ['typescript-eslint', '@typescript-eslint', 'typescript', 'jiti'] },
    );
    const ours = retryLint([], dir);
    const theirs = eslint(['.'], dir);
    assertOnlyRetry(ours.results);
    const expected = retryFindings(theirs.results, dir);
    assert.ok(theirs.results.some((r) => r.messages.some((m) => m.ruleId === '@typescript-eslint/no-unused-vars')), 'eslint itself reports the other plugin');
    assert.ok(expected.some((f) => f.includes('retry/require-jitter 2')), expected.join('\n'));
    assert.ok(!expected.some((f) => f.includes('require-backoff')));
    assert.deepEqual(retryFindings(ours.results, dir), expected);
    assert.deepEqual(linted(ours.results, dir), linted(theirs.results, dir));
    assert.equal(ours.status, 1);
    assert.deepEqual(await serverFindings(dir, linted(ours.results, dir), true), expected);
  });

  it('an eslintrc project on ESLint 8.57 (.eslintrc.json with require-backoff off)', async () => {
    const dir = project(
      {
        'package.json': JSON.stringify({ name: 'eslintrc-8', private: true }),
        '.eslintrc.json': JSON.stringify(
          {
            root: true,
            env: { es2022: true, node: true },
            parserOptions: { ecmaVersion: 'latest', sourceType: 'module' },
            plugins: ['retry'],
            extends: ['plugin:retry/recommended-legacy'],
            rules: { 'retry/require-backoff': 'off', 'no-unused-vars': 'error' },
          },
          null,
          2,
        ),
        'lib/loop.js': `const unusedValue = 1;\n${UNBOUNDED}`,
        'lib/client.js': NO_JITTER,
      },
      { eslint: 'eslint8' },
    );
    const version = spawnSync(process.execPath, [BIN, '--version'], { cwd: dir, encoding: 'utf8' });
    assert.match(version.stdout, /\(ESLint 8\.57\.\d+, the project's\)/);
    const ours = retryLint([], dir);
    const theirs = eslint(['.'], dir);
    assertOnlyRetry(ours.results);
    const expected = retryFindings(theirs.results, dir);
    assert.ok(theirs.results.some((r) => r.messages.some((m) => m.ruleId === 'no-unused-vars')));
    assert.ok(expected.length > 0 && !expected.some((f) => f.includes('require-backoff')), expected.join('\n'));
    assert.deepEqual(retryFindings(ours.results, dir), expected);
    assert.equal(ours.status, theirs.results.some((r) => r.messages.some((m) => m.ruleId?.startsWith('retry/') && m.severity === 2)) ? 1 : 0);
    assert.deepEqual(await serverFindings(dir, linted(ours.results, dir), true), expected);
  });

  it('an ESLint 10 project (the newest major, a peer the package accepts): flat config, then no config', async () => {
    const files = {
      'package.json': JSON.stringify({ name: 'flat-10', private: true, type: 'module' }),
      'eslint.config.js': `import retry from 'eslint-plugin-retry';\n\nexport default [retry.configs.recommended, { rules: { 'retry/require-backoff': 'off', 'no-unused-vars': 'error' } }];\n`,
      'src/loop.js': `const unusedValue = 1;\n${UNBOUNDED}`,
      'src/client.js': NO_JITTER,
    };
    const dir = project(files, { eslint: 'eslint10' });
    const version = spawnSync(process.execPath, [BIN, '--version'], { cwd: dir, encoding: 'utf8' });
    assert.match(version.stdout, /\(ESLint 10\.\d+\.\d+, the project's\)/);
    const ours = retryLint([], dir);
    const theirs = eslint(['.'], dir);
    assertOnlyRetry(ours.results);
    const expected = retryFindings(theirs.results, dir);
    assert.ok(theirs.results.some((r) => r.messages.some((m) => m.ruleId === 'no-unused-vars')), 'eslint 10 itself runs the other rule');
    assert.ok(expected.some((f) => f.includes('retry/no-unbounded-retry 2')) && !expected.some((f) => f.includes('require-backoff')), expected.join('\n'));
    assert.deepEqual(retryFindings(ours.results, dir), expected);
    assert.equal(ours.status, 1);
    const bare = project({ ...files, 'eslint.config.js': 'export default [];\n' }, { eslint: 'eslint10' });
    const builtIn = retryLint([], bare);
    assertOnlyRetry(builtIn.results);
    assert.deepEqual(retryFindings(builtIn.results, bare), retryFindings(eslint(['--config', BUILT_IN_CONFIG, '.'], bare).results, bare));
    assert.ok(retryFindings(builtIn.results, bare).some((f) => f.includes('require-backoff')));
  });

  it('a Yarn 4 repository with no ESLint config: .yarn/releases is not linted', async () => {
    const release = `#!/usr/bin/env node\n/* eslint-disable */\n${UNBOUNDED.replace('export ', '')}module.exports = keepTrying;\n`;
    const dir = project(
      {
        'package.json': JSON.stringify({ name: 'yarn4', private: true, packageManager: 'yarn@4.5.3' }),
        '.yarnrc.yml': 'nodeLinker: node-modules\nyarnPath: .yarn/releases/yarn-4.5.3.cjs\n',
        '.gitignore': '.yarn/*\n!.yarn/patches\n!.yarn/plugins\n!.yarn/releases\n!.yarn/sdks\n!.yarn/versions\nnode_modules\n',
        '.yarn/releases/yarn-4.5.3.cjs': release.replace('/* eslint-disable */\n', ''),
        '.yarn/plugins/plugin.cjs': release.replace('/* eslint-disable */\n', ''),
        '.pnp.cjs': release.replace('/* eslint-disable */\n', ''),
        'src/index.js': NO_JITTER,
        'src/worker.cjs': UNBOUNDED.replace('export ', '').concat('module.exports = { keepTrying };\n'),
      },
      { eslint: 'eslint' },
    );
    const ours = retryLint([], dir);
    assertOnlyRetry(ours.results);
    assert.deepEqual(linted(ours.results, dir), ['src/index.js', 'src/worker.cjs']);
    // eslint with the config retry-lint uses when the project has none (shipped in the package).
    const theirs = eslint(['--config', BUILT_IN_CONFIG, '.'], dir);
    const expected = retryFindings(theirs.results, dir);
    assert.ok(expected.length > 0);
    assert.deepEqual(retryFindings(ours.results, dir), expected);
    assert.deepEqual(await serverFindings(dir, linted(ours.results, dir), false), expected);
  });

  it('a repository with dist/ and .gitignore, its flat config reading .gitignore with includeIgnoreFile', async () => {
    const dir = project(
      {
        'package.json': JSON.stringify({ name: 'gitignored', private: true, type: 'module' }),
        '.gitignore': 'dist/\ncoverage/\n*.log\n',
        'eslint.config.js': `import { fileURLToPath } from 'node:url';
import { includeIgnoreFile } from '@eslint/compat';
import retry from 'eslint-plugin-retry';

export default [includeIgnoreFile(fileURLToPath(new URL('.gitignore', import.meta.url))), retry.configs.recommended];
`,
        'src/a.js': NO_JITTER,
        'src/b.js': UNBOUNDED,
        'dist/a.js': UNBOUNDED,
        'coverage/lcov-report/prettify.js': UNBOUNDED,
        'tools/release.js': UNBOUNDED,
      },
      { eslint: 'eslint', extra: ['@eslint/compat'] },
    );
    const ours = retryLint([], dir);
    const theirs = eslint(['.'], dir);
    assertOnlyRetry(ours.results);
    assert.deepEqual(linted(ours.results, dir), linted(theirs.results, dir));
    assert.deepEqual(linted(ours.results, dir), ['eslint.config.js', 'src/a.js', 'src/b.js', 'tools/release.js']);
    const expected = retryFindings(theirs.results, dir);
    assert.deepEqual(retryFindings(ours.results, dir), expected);
    assert.deepEqual(await serverFindings(dir, linted(ours.results, dir), true), expected);
  });

  it('the same repository with no ESLint config: .gitignore and the built-in ignores decide', async () => {
    const dir = project(
      {
        'package.json': JSON.stringify({ name: 'gitignored-no-config', private: true }),
        '.gitignore': 'generated/\n*.log\n',
        '.eslintignore': 'legacy/\n',
        'legacy/old.js': UNBOUNDED,
        'src/a.js': NO_JITTER,
        'src/clean.js': 'export const clean = 1;\n',
        'dist/a.js': UNBOUNDED,
        'build/a.js': UNBOUNDED,
        'generated/client.js': UNBOUNDED,
        'vendor/lib.js': UNBOUNDED,
        'public/lib.min.js': UNBOUNDED,
        'src/api.gen.js': `// Code generated by a tool. @generated\n${UNBOUNDED}`,
        'src/bundle.js': `/******/ (() => { // webpackBootstrap\n${UNBOUNDED}`,
      },
      { eslint: null },
    );
    const ours = retryLint([], dir);
    assertOnlyRetry(ours.results);
    assert.deepEqual(linted(ours.results, dir), ['src/a.js', 'src/clean.js']);
    assert.doesNotMatch(ours.stderr, /eslintignore/, 'retry-lint reads .eslintignore itself here: no notice that ESLint does not');
    assert.ok(retryFindings(ours.results, dir).length > 0);
    assert.deepEqual(await serverFindings(dir, ['src/a.js', 'src/clean.js'], false), retryFindings(ours.results, dir));
    // --ignore-pattern leaves out more.
    const ignoring = retryLint(['--ignore-pattern', 'src/a.js'], dir);
    assert.deepEqual(linted(ignoring.results, dir), ['src/clean.js']);
    assert.equal(ignoring.status, 0);
  });

  it('paths outside the current folder (`retry-lint ..` from a package folder) are linted, with the base folder\'s ignore files', () => {
    const dir = project(
      {
        'package.json': JSON.stringify({ name: 'monorepo', private: true }),
        '.gitignore': 'generated/\n',
        'packages/api/package.json': JSON.stringify({ name: 'api', private: true }),
        'packages/api/src/a.js': NO_JITTER,
        'packages/api/src/skip.js': UNBOUNDED,
        'packages/web/src/b.js': UNBOUNDED,
        'packages/web/generated/c.js': UNBOUNDED,
      },
      { eslint: null },
    );
    const api = path.join(dir, 'packages/api');
    // Before: `..` gave only the current folder's findings, `../web` exited 2 ("all files are ignored").
    const parent = retryLint(['..'], api);
    assertOnlyRetry(parent.results);
    assert.deepEqual(linted(parent.results, dir), ['packages/api/src/a.js', 'packages/api/src/skip.js', 'packages/web/generated/c.js', 'packages/web/src/b.js']);
    assert.equal(parent.status, 1);
    const sibling = retryLint(['../web', '--ignore-pattern', 'src/skip.js'], api);
    assert.deepEqual(linted(sibling.results, dir), ['packages/web/generated/c.js', 'packages/web/src/b.js']);
    const glob = retryLint(['../web/src/*.js'], api);
    assert.deepEqual(linted(glob.results, dir), ['packages/web/src/b.js']);
    // From the root, the root's .gitignore applies; `--ignore-pattern` is relative to where the command runs.
    const root = retryLint(['../..', '--ignore-pattern', 'src/skip.js'], api);
    assert.deepEqual(linted(root.results, dir), ['packages/api/src/a.js', 'packages/web/src/b.js']);
    assert.ok(retryFindings(root.results, dir).some((f) => f.startsWith('packages/web/src/b.js')));
  });

  it('paths outside the current folder with a project config that sets retry rules: the user is told they are not linted', () => {
    const dir = project(
      {
        'package.json': JSON.stringify({ name: 'configured', private: true, type: 'module' }),
        'app/eslint.config.js': "import retry from 'eslint-plugin-retry';\nexport default [retry.configs.recommended];\n",
        'app/src/a.js': NO_JITTER,
        'lib/b.js': UNBOUNDED,
      },
      { eslint: 'eslint' },
    );
    mkdirSync(path.join(dir, 'app/node_modules'));
    for (const name of ['eslint', 'eslint-plugin-retry']) {
      symlinkSync(path.join(dir, 'node_modules', name), path.join(dir, 'app/node_modules', name), 'dir');
    }
    const run = retryLint(['.', '../lib'], path.join(dir, 'app'));
    assert.match(run.stderr, /\.\.\/lib is outside .*project's ESLint config applies; ESLint lints no file there/);
    assert.ok(retryFindings(run.results, dir).some((f) => f.startsWith('app/src/a.js')));
  });

  it('no config at all: JSX in .js, CommonJS that uses reserved words, TypeScript; foreign inline config is not reported', async () => {
    const dir = project(
      {
        'package.json': JSON.stringify({ name: 'no-config', private: true }),
        'src/App.js': `import React from 'react';\n\n${NO_JITTER}\nexport default function App() {\n  return <main className="app">{getJson.name}</main>;\n}\n`,
        'src/node-red-node.js': `var package = require('../package.json');\nmodule.exports = function (RED) {\n  async function keepTrying(op) {\n    while (true) {\n      try {\n        return await op();\n      } catch (e) {}\n    }\n  }\n  RED.nodes.registerType('x', keepTrying, package.version);\n};\n`,
        'src/foreign.js': `/* eslint-env browser */\n/* eslint no-shadow: 2, react/jsx-key: "error" */\n// eslint-disable-next-line @typescript-eslint/naming-convention\nexport const Some_Name = 1;\n/* eslint-disable-next-line no-console */\nconsole.log(Some_Name);\n`,
        'src/typed.ts': `export const wait = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));\n${UNBOUNDED.replace('(op)', '(op: () => Promise<unknown>)')}`,
        'src/view.tsx': `export const View = ({ name }: { name: string }) => <p>{name}</p>;\n`,
        'src/mod.mts': 'export const x = 1;\n',
        'src/common.cts': "const y = require('node:path');\nmodule.exports = { y };\n",
      },
      { eslint: null },
    );
    const ours = retryLint([], dir);
    assertOnlyRetry(ours.results);
    const files = linted(ours.results, dir);
    assert.deepEqual(files, ['src/App.js', 'src/common.cts', 'src/foreign.js', 'src/mod.mts', 'src/node-red-node.js', 'src/typed.ts', 'src/view.tsx']);
    const found = retryFindings(ours.results, dir);
    for (const file of ['src/App.js', 'src/node-red-node.js', 'src/typed.ts']) assert.ok(found.some((f) => f.startsWith(`${file}:`)), `${file}: ${found.join('\n')}`);
    const theirs = eslint(['--config', BUILT_IN_CONFIG, '.'], dir);
    assert.deepEqual(found, retryFindings(theirs.results, dir));
    assert.deepEqual(await serverFindings(dir, files, false), found);
    const foreign = retryLint(['src/foreign.js'], dir);
    assert.equal(foreign.status, 0, JSON.stringify(foreign.results));
    assert.deepEqual(foreign.results[0]?.messages, []);
  });
});
