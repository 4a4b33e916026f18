// The `retry-lint` options ESLint users reach for: --quiet, -o, --cache, --concurrency,
// --ignore-pattern, --rule, --no-config, --print-config, --init; and a --help that names them.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { BIN, BUILT_IN_CONFIG, eslint, NO_JITTER, project, removeProjects, retryLint, UNBOUNDED, type JsonResult } from './scratch';

/** Runs retry-lint with any output format. */
function run(args: string[], dir: string, env: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '', ...env }, timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const ruleIds = (results: JsonResult[]): string[] => results.flatMap((r) => r.messages.map((m) => String(m.ruleId))).sort();

/** A project with the plugin's recommended flat config and two files with findings (an error and warnings). */
function flatProject(extra: Record<string, string> = {}): string {
  return project(
    {
      'package.json': JSON.stringify({ name: 'flags', private: true, type: 'module' }),
      'eslint.config.js': "import retry from 'eslint-plugin-retry';\n\nexport default [retry.configs.recommended, { rules: { 'no-debugger': 'error' } }];\n",
      'src/loop.js': UNBOUNDED,
      'src/client.js': NO_JITTER,
      ...extra,
    },
    { eslint: 'eslint' },
  );
}

describe('retry-lint options', function () {
  this.timeout(120_000);

  before(function () {
    if (!existsSync(BUILT_IN_CONFIG)) this.skip(); // built by npm test's build step
    if (process.platform === 'win32') this.skip(); // symbolic links to folders
  });

  after(removeProjects);

  it('--help names every option it has, and says which config and files it uses', () => {
    const help = run(['--help'], process.cwd()).stdout;
    for (const option of ['--format', '--output-file', '--quiet', '--fix', '--max-warnings', '--max-file-size', '--ignore-pattern', '--rule', '--config', '--no-config', '--include-fixtures', '--cache', '--cache-location', '--concurrency', '--print-config', '--init', '--version']) {
      assert.ok(help.includes(option), option);
    }
    assert.match(help, /only retry\/\* rules run/);
    assert.match(help, /\.gitignore/);
  });

  it('--quiet reports errors only, and warnings then neither print nor count', () => {
    const dir = flatProject();
    const all = retryLint([], dir);
    assert.ok(ruleIds(all.results).includes('retry/require-jitter'));
    const quiet = retryLint(['--quiet'], dir);
    assert.deepEqual(ruleIds(quiet.results), ['retry/no-unbounded-retry']);
    assert.equal(run(['--quiet', '--max-warnings', '0', 'src/client.js'], dir).status, 0);
  });

  it('-o/--output-file writes the report to a file (folders created), nothing to the standard output, and says on stderr what it linted', () => {
    const dir = flatProject();
    const r = run(['-f', 'sarif', '-o', 'reports/retry.sarif'], dir);
    assert.equal(r.status, 1);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^retry-lint: findings in [1-9]\d* of [1-9]\d* files? linted \(.+\)\. Report written to reports\/retry\.sarif\.\n$/);
    const log = JSON.parse(readFileSync(path.join(dir, 'reports/retry.sarif'), 'utf8')) as { runs: Array<{ results: unknown[] }> };
    assert.ok((log.runs[0]?.results.length ?? 0) > 0);
    const long = run(['--output-file', 'out.txt', 'src/loop.js'], dir);
    assert.equal(long.stdout, '');
    assert.match(readFileSync(path.join(dir, 'out.txt'), 'utf8'), /retry\/no-unbounded-retry/);
  });

  it('--cache keeps a cache (default .retrylintcache, or --cache-location) and gives the same results', () => {
    const dir = flatProject();
    const first = retryLint(['--cache'], dir);
    assert.ok(existsSync(path.join(dir, '.retrylintcache')));
    assert.ok(!existsSync(path.join(dir, '.eslintcache')), "the project's own eslint cache is left alone");
    const second = retryLint(['--cache'], dir);
    assert.deepEqual(ruleIds(second.results), ruleIds(first.results));
    retryLint(['--cache', '--cache-location', 'tmp/cache.json'], dir);
    assert.ok(existsSync(path.join(dir, 'tmp/cache.json')));
  });

  it('--concurrency runs ESLint 9.34+ worker threads with the same results, and is refused clearly on ESLint 8', () => {
    const dir = flatProject();
    const threaded = retryLint(['--concurrency', '2'], dir);
    assert.deepEqual(ruleIds(threaded.results), ruleIds(retryLint([], dir).results));
    assert.deepEqual(ruleIds(retryLint(['--concurrency=auto', '--no-config'], dir).results), ruleIds(retryLint(['--no-config'], dir).results));
    const bad = run(['--concurrency', 'many'], dir);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--concurrency expects a number of threads/);
    const old = project({ '.eslintrc.json': JSON.stringify({ root: true, plugins: ['retry'], extends: ['plugin:retry/recommended-legacy'] }), 'a.js': UNBOUNDED }, { eslint: 'eslint8' });
    const refused = run(['--concurrency', '2'], old);
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /--concurrency needs ESLint 9\.34 or later.*ESLint 8\.57/);
  });

  it('--rule sets a retry rule over the config, and refuses rules that are not retry rules', () => {
    const dir = flatProject();
    const off = retryLint(['--rule', 'retry/no-unbounded-retry: off', '--rule', 'retry/require-jitter: error'], dir);
    assert.ok(!ruleIds(off.results).includes('retry/no-unbounded-retry'));
    assert.ok(off.results.some((r) => r.messages.some((m) => m.ruleId === 'retry/require-jitter' && m.severity === 2)));
    const options = retryLint(['--rule', 'retry/require-backoff: ["error"]', '--no-config', 'src/loop.js'], dir);
    assert.ok(options.results.some((r) => r.messages.some((m) => m.ruleId === 'retry/require-backoff' && m.severity === 2)));
    const foreign = run(['--rule', 'no-console: error'], dir);
    assert.equal(foreign.status, 2);
    assert.match(foreign.stderr, /"no-console" is not a retry rule/);
  });

  it("--no-config ignores the project's config; --print-config shows the retry rules that apply to a file", () => {
    const dir = flatProject({ 'eslint.config.js': "import retry from 'eslint-plugin-retry';\n\nexport default [retry.configs.recommended, { rules: { 'retry/no-unbounded-retry': 'off', 'no-debugger': 'error' } }];\n" });
    assert.ok(!ruleIds(retryLint([], dir).results).includes('retry/no-unbounded-retry'));
    assert.ok(ruleIds(retryLint(['--no-config'], dir).results).includes('retry/no-unbounded-retry'));
    const printed = run(['--print-config', 'src/loop.js'], dir);
    assert.equal(printed.status, 0, printed.stderr);
    const config = JSON.parse(printed.stdout) as { rules: Record<string, unknown> };
    assert.deepEqual(config.rules['retry/no-unbounded-retry'], [0]);
    assert.equal(config.rules['no-debugger'], undefined, 'only retry rules');
    assert.match(printed.stderr, /the project's ESLint config/);
    const builtIn = JSON.parse(run(['--print-config', 'src/loop.js', '--no-config'], dir).stdout) as { rules: Record<string, unknown> };
    assert.deepEqual(builtIn.rules['retry/no-unbounded-retry'], [2]);
  });

  it('--no-ignore lints what the ignore patterns skip (a dist folder); without it, a named ignored path says why and how', () => {
    const dir = project({ 'package.json': JSON.stringify({ name: 'built', private: true }), 'dist/index.js': UNBOUNDED }, { eslint: 'eslint' });
    const folder = run(['dist'], dir);
    assert.equal(folder.status, 2);
    assert.match(folder.stderr, /are ignored.*--no-ignore lints them anyway/s);
    const file = run(['dist/index.js'], dir);
    assert.equal(file.status, 0, file.stderr);
    assert.match(file.stderr, /^retry-lint: no file linted: 1 file is ignored .*--no-ignore/m);
    const all = retryLint(['--no-ignore', 'dist'], dir);
    assert.equal(all.status, 1, all.stderr);
    assert.ok(ruleIds(all.results).includes('retry/no-unbounded-retry'));
  });

  it("says when the project's config leaves TypeScript files out (no config object matches them), not when it ignores them", () => {
    const dir = flatProject({ 'eslint.config.js': "import retry from 'eslint-plugin-retry';\n\nexport default [retry.configs.recommended, { ignores: ['generated/**'] }];\n", 'src/api.ts': UNBOUNDED, 'generated/client.ts': UNBOUNDED });
    const r = run([], dir);
    assert.match(r.stderr, /^retry-lint: 1 TypeScript file \(src[\\/]api\.ts\) not linted: the project's ESLint config has no configuration for it\./m);
    assert.doesNotMatch(r.stderr, /generated/);
    // It names the parser too, and comes after the run's summary line, where it is read with the findings.
    assert.match(r.stderr, /typescript-eslint's parser/);
    assert.ok(r.stderr.indexOf('not linted') > r.stderr.indexOf('retry-lint: no findings'), r.stderr);
    const covered = project(
      {
        'package.json': JSON.stringify({ name: 'covered', private: true, type: 'module' }),
        'eslint.config.js': "import retry from 'eslint-plugin-retry';\nimport tsParser from '@typescript-eslint/parser';\n\nexport default [{ ...retry.configs.recommended, files: ['**/*.{js,ts}'], languageOptions: { parser: tsParser } }];\n",
        'src/api.ts': UNBOUNDED,
      },
      { eslint: 'eslint', extra: ['@typescript-eslint/parser'] },
    );
    assert.doesNotMatch(run([], covered).stderr, /not linted/);
  });

  it('with no config, skips fixture folders (fixtures, __fixtures__, __testfixtures__) unless --include-fixtures or a path names one; a project config decides for itself', () => {
    const files = {
      'package.json': JSON.stringify({ name: 'fixtures', private: true }),
      'src/loop.js': UNBOUNDED,
      'src/fixtures-helper.js': NO_JITTER,
      'test/fixtures/bad.js': UNBOUNDED,
      'src/__testfixtures__/retry.input.js': UNBOUNDED,
      'lib/__fixtures__/client.ts': NO_JITTER,
    };
    const dir = project(files, { eslint: 'eslint' });
    const files_ = (results: JsonResult[]): string[] => results.map((r) => path.relative(dir, r.filePath)).sort();
    const plain = retryLint([], dir);
    assert.deepEqual(files_(plain.results), ['src/fixtures-helper.js', 'src/loop.js']);
    assert.deepEqual(files_(eslint(['--config', BUILT_IN_CONFIG, '.'], dir).results), ['src/fixtures-helper.js', 'src/loop.js'], 'eslint --config retry-lint.config.js lints the same files');
    const all = retryLint(['--include-fixtures'], dir);
    assert.deepEqual(files_(all.results), ['lib/__fixtures__/client.ts', 'src/__testfixtures__/retry.input.js', 'src/fixtures-helper.js', 'src/loop.js', 'test/fixtures/bad.js']);
    const named = retryLint(['test/fixtures'], dir);
    assert.equal(named.status, 1, named.stderr);
    assert.deepEqual(files_(named.results), ['test/fixtures/bad.js']);
    assert.ok(ruleIds(named.results).includes('retry/no-unbounded-retry'));
    const own = project({ ...files, 'eslint.config.js': "const retry = require('eslint-plugin-retry');\n\nmodule.exports = [retry.configs.recommended];\n" }, { eslint: 'eslint' });
    const ours = retryLint([], own).results.map((r) => path.relative(own, r.filePath)).sort();
    assert.deepEqual(ours, eslint(['.'], own).results.map((r) => path.relative(own, r.filePath)).sort(), "the project's config decides");
    assert.ok(ours.includes('test/fixtures/bad.js') && ours.includes('src/__testfixtures__/retry.input.js'), ours.join(', '));
  });

  it('--init adds the plugin to a flat config of a common shape, checked by loading it', () => {
    const dir = project(
      {
        'package.json': JSON.stringify({ name: 'init-flat', private: true, type: 'module' }),
        'eslint.config.js': "import js from '@eslint/js';\n\nexport default [\n  js.configs.recommended,\n  { rules: { 'no-console': 'warn' } },\n];\n",
        'src/loop.js': UNBOUNDED,
      },
      { eslint: 'eslint', extra: ['@eslint/js'] },
    );
    const init = run(['--init'], dir);
    assert.equal(init.status, 0, init.stdout + init.stderr);
    const text = readFileSync(path.join(dir, 'eslint.config.js'), 'utf8');
    assert.match(text, /import retry from 'eslint-plugin-retry';/);
    assert.match(text, /retry\.configs\.recommended,/);
    assert.match(text, /js\.configs\.recommended/);
    assert.ok(ruleIds(retryLint([], dir).results).includes('retry/no-unbounded-retry'));
    assert.match(run(['--init'], dir).stdout, /already uses eslint-plugin-retry/);
  });

  it('--init writes in the config file\'s own style: its indentation, quotes and semicolons', () => {
    const styled = 'import js from "@eslint/js"\n\nexport default [\n\tjs.configs.recommended,\n\t{ rules: { "no-console": "warn" } },\n]\n';
    const dir = project({ 'package.json': JSON.stringify({ name: 'init-styled', private: true, type: 'module' }), 'eslint.config.js': styled, 'src/loop.js': UNBOUNDED }, { eslint: 'eslint', extra: ['@eslint/js'] });
    const init = run(['--init'], dir);
    assert.equal(init.status, 0, init.stdout + init.stderr);
    const text = readFileSync(path.join(dir, 'eslint.config.js'), 'utf8');
    assert.equal(text, 'import js from "@eslint/js"\nimport retry from "eslint-plugin-retry"\n\nexport default [\n\tretry.configs.recommended,\n\tjs.configs.recommended,\n\t{ rules: { "no-console": "warn" } },\n]\n');
    assert.ok(ruleIds(retryLint([], dir).results).includes('retry/no-unbounded-retry'));
  });

  it('--init puts the entry on its own line inside a call config (defineConfig(…), tseslint.config(…)), and names a config that does not load', () => {
    const called = "import { defineConfig } from 'eslint/config';\n\nexport default defineConfig(\n  { rules: { 'no-console': 'warn' } },\n);\n";
    const dir = project({ 'package.json': JSON.stringify({ name: 'init-called', private: true, type: 'module' }), 'eslint.config.js': called, 'src/loop.js': UNBOUNDED }, { eslint: 'eslint' });
    const init = run(['--init'], dir);
    assert.equal(init.status, 0, init.stdout + init.stderr);
    assert.equal(readFileSync(path.join(dir, 'eslint.config.js'), 'utf8'), "import { defineConfig } from 'eslint/config';\nimport retry from 'eslint-plugin-retry';\n\nexport default defineConfig(\n  retry.configs.recommended,\n  { rules: { 'no-console': 'warn' } },\n);\n");
    // A config whose own import is missing: left as it is, and the reason is the load error, not its shape.
    const broken = "import globals from 'globals';\n\nexport default [\n  { languageOptions: { globals: globals.node } },\n];\n";
    const missing = project({ 'package.json': JSON.stringify({ name: 'init-missing', private: true, type: 'module' }), 'eslint.config.js': broken, 'src/loop.js': UNBOUNDED }, { eslint: 'eslint' });
    const refused = run(['--init'], missing);
    assert.equal(refused.status, 0, refused.stdout + refused.stderr);
    assert.match(refused.stdout, /does not load with the project's ESLint \(.*globals/);
    assert.equal(readFileSync(path.join(missing, 'eslint.config.js'), 'utf8'), broken);
  });

  it('--init edits a flat config with no import yet (export default [...]), and puts it back when the result does not load', () => {
    const plain = "export default [\n  { rules: { 'no-console': 'warn' } },\n];\n";
    const dir = project({ 'package.json': JSON.stringify({ name: 'init-plain', private: true, type: 'module' }), 'eslint.config.js': plain, 'src/loop.js': UNBOUNDED }, { eslint: 'eslint' });
    const init = run(['--init'], dir);
    assert.equal(init.status, 0, init.stdout + init.stderr);
    const text = readFileSync(path.join(dir, 'eslint.config.js'), 'utf8');
    assert.match(text, /^import retry from 'eslint-plugin-retry';\nexport default \[\n {2}retry\.configs\.recommended,/);
    assert.ok(ruleIds(retryLint([], dir).results).includes('retry/no-unbounded-retry'));
    // Not an ES module (no "type": "module"): the edited file would not load, so it is put back.
    const cjs = project({ 'package.json': JSON.stringify({ name: 'init-cjs', private: true }), 'eslint.config.js': "const extra = require('./extra.js');\nexport default [extra];\n", 'extra.js': 'module.exports = {};\n' }, { eslint: 'eslint' });
    const refused = run(['--init'], cjs);
    assert.equal(refused.status, 0, 'printing what to add is what --init was asked to do');
    assert.match(refused.stdout, /did not change eslint\.config\.js/);
    assert.equal(readFileSync(path.join(cjs, 'eslint.config.js'), 'utf8'), "const extra = require('./extra.js');\nexport default [extra];\n");
  });

  it('--init never rewrites a config it does not understand: it prints what to add', () => {
    const original = "const base = require('./base.cjs');\nmodule.exports = [...base];\n";
    const dir = project({ 'eslint.config.cjs': original, 'base.cjs': 'module.exports = [];\n', 'a.js': UNBOUNDED }, { eslint: 'eslint' });
    const init = run(['--init'], dir);
    assert.equal(init.status, 0, 'it did what was asked: printed the instructions');
    assert.equal(readFileSync(path.join(dir, 'eslint.config.cjs'), 'utf8'), original);
    assert.match(init.stdout, /retry\.configs\.recommended/);
    assert.match(init.stdout, /require\('eslint-plugin-retry'\)/);
  });

  it('--init exits 0 when it prints what to add (an eslintrc that is not JSON), 2 only when it fails (a file it cannot write)', () => {
    const yaml = project({ '.eslintrc.yml': 'root: true\n', 'a.js': UNBOUNDED }, { eslint: 'eslint8' });
    const advice = run(['--init'], yaml);
    assert.equal(advice.status, 0, advice.stdout + advice.stderr);
    assert.match(advice.stdout, /plugin:retry\/recommended-legacy/);
    // Written in the file's own language: YAML (no JavaScript comment or array literal).
    assert.match(advice.stdout, /^ {2}extends:\n(?: {4}#.*\n)? {4}- plugin:retry\/recommended-legacy$/m);
    assert.doesNotMatch(advice.stdout, /\/\*|\[/);
    assert.equal(readFileSync(path.join(yaml, '.eslintrc.yml'), 'utf8'), 'root: true\n');
    const broken = project({ 'package.json': JSON.stringify({ name: 'init-fails', private: true }), 'a.js': UNBOUNDED }, { eslint: 'eslint' });
    symlinkSync(path.join(broken, 'no-such-folder', 'eslint.config.mjs'), path.join(broken, 'eslint.config.mjs'));
    const failed = run(['--init'], broken);
    assert.equal(failed.status, 2, failed.stdout + failed.stderr);
    assert.match(failed.stderr, /^retry-lint --init: cannot write eslint\.config\.mjs: ENOENT/);
  });

  it('--init adds the plugin to a JSON eslintrc (ESLint 8) and creates a flat config where there is none (ESLint 9)', () => {
    const legacy = project({ '.eslintrc.json': '{\n    "root": true,\n    "parserOptions": { "ecmaVersion": 2022, "sourceType": "module" },\n    "extends": "eslint:recommended"\n}\n', 'a.js': UNBOUNDED }, { eslint: 'eslint8' });
    assert.equal(run(['--init'], legacy).status, 0);
    const rc = JSON.parse(readFileSync(path.join(legacy, '.eslintrc.json'), 'utf8')) as { extends: string[] };
    assert.deepEqual(rc.extends, ['eslint:recommended', 'plugin:retry/recommended-legacy']);
    assert.match(readFileSync(path.join(legacy, '.eslintrc.json'), 'utf8'), /^\{\n {4}"root"/, 'indentation kept');
    // Only `extends` changes: the one-line object elsewhere stays on its line (newcomer trial 4).
    assert.match(readFileSync(path.join(legacy, '.eslintrc.json'), 'utf8'), /\n {4}"parserOptions": \{ "ecmaVersion": 2022, "sourceType": "module" \},\n/);
    assert.ok(ruleIds(retryLint([], legacy).results).includes('retry/no-unbounded-retry'));

    const none = project({ 'package.json': JSON.stringify({ name: 'none', private: true }), 'a.js': UNBOUNDED }, { eslint: 'eslint' });
    assert.equal(run(['--init'], none).status, 0);
    assert.match(readFileSync(path.join(none, 'eslint.config.mjs'), 'utf8'), /from 'eslint-plugin-retry\/retry-lint\.config'/);
    assert.ok(ruleIds(retryLint([], none).results).includes('retry/no-unbounded-retry'));
    const printed = run(['--print-config', 'a.js'], none);
    assert.match(printed.stderr, /the project's ESLint config/);

    // What .gitignore leaves out (generated code) stays out once the project has its own config.
    const ignoring = project({ 'package.json': JSON.stringify({ name: 'ignoring', private: true }), '.gitignore': 'generated/\n', 'a.js': UNBOUNDED, 'generated/b.js': UNBOUNDED }, { eslint: 'eslint' });
    const before = retryLint([], ignoring).results.map((r) => path.relative(ignoring, r.filePath));
    assert.deepEqual(before, ['a.js'], 'with no config, retry-lint reads .gitignore');
    assert.equal(run(['--init'], ignoring).status, 0);
    assert.match(readFileSync(path.join(ignoring, 'eslint.config.mjs'), 'utf8'), /includeIgnoreFile/);
    const after = retryLint([], ignoring).results;
    assert.deepEqual(after.map((r) => path.relative(ignoring, r.filePath)).filter((f) => f.endsWith('.js') && !f.startsWith('eslint.config')), ['a.js']);
    assert.ok(ruleIds(after).includes('retry/no-unbounded-retry'));
  });

  it("with the recommended config, what the project's own ESLint config ignores stays out (a file named on the command line is linted; --no-ignore lints everything)", () => {
    // The project's flat config sets no retry rule, so the command lints with its own config; the
    // project's `ignores` still say what the project never lints (newcomer trial 32).
    const dir = project({ 'package.json': JSON.stringify({ name: 'ignores', private: true, type: 'module' }), 'eslint.config.js': "export default [{ ignores: ['vendor/**'] }, { rules: {} }];\n", 'a.js': UNBOUNDED, 'vendor/b.js': UNBOUNDED }, { eslint: 'eslint' });
    const files = (args: string[]): string[] => retryLint(args, dir).results.map((r) => path.relative(dir, r.filePath)).filter((f) => !f.startsWith('eslint.config')).sort();
    assert.deepEqual(files([]), ['a.js']);
    assert.deepEqual(files(['vendor/b.js']), ['vendor/b.js']);
    assert.deepEqual(files(['--no-ignore', '.']), ['a.js', 'vendor/b.js']);
    assert.match(run([], dir).stderr, /findings in 1 of 2 files linted/, 'a.js and eslint.config.js; vendor/b.js is not counted');
  });

  it("a folder outside the working folder is linted whole: the working folder's ESLint config does not ignore it (newcomer trial 33)", () => {
    // The README's quick start runs the command from its own clone on code elsewhere; that clone's
    // config calls every file outside it ignored (ESLint 9), which must not empty the report.
    const here = project({ 'package.json': JSON.stringify({ name: 'here', private: true, type: 'module' }), 'eslint.config.js': "export default [{ ignores: ['examples/'] }, { rules: {} }];\n" }, { eslint: 'eslint' });
    const elsewhere = project({ 'src/a.js': UNBOUNDED, 'src/deep/b.js': UNBOUNDED }, {});
    const found = retryLint([elsewhere], here).results.filter((r) => r.messages.length > 0).map((r) => path.relative(elsewhere, r.filePath)).sort();
    assert.deepEqual(found, ['src/a.js', 'src/deep/b.js']);
  });
});
