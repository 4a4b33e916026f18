// The `retry-lint` command, spawned as users run it (the built eslint-plugin/bin/retry-lint.js).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'eslint-plugin/bin/retry-lint.js');
const FIXTURES = path.join(ROOT, 'test/fixtures/cli');
const PROJECT_CONFIG = path.join(FIXTURES, 'project-config/eslint.config.mjs');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the command in `cwd` and waits for it. */
function retryLint(args: string[], cwd: string): Run {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A copy of a fixture folder in a fresh temporary folder (outside the repo, so no ESLint config is found above it). */
function copyFixture(name: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'retry-lint-cli-'));
  cpSync(path.join(FIXTURES, name), dir, { recursive: true });
  temporaryDirs.push(dir);
  return dir;
}

interface JsonResult {
  filePath: string;
  messages: Array<{ ruleId: string | null; fatal?: boolean; severity: number; message: string; line: number }>;
  errorCount: number;
  warningCount: number;
}

const temporaryDirs: string[] = [];

describe('retry-lint', function () {
  // Each test spawns Node and loads ESLint; on a busy machine that takes seconds.
  this.timeout(60_000);

  after(() => {
    for (const dir of temporaryDirs) rmSync(dir, { recursive: true, force: true });
  });

  describe('usage', () => {
    it('prints the usage with --help and exits 0', () => {
      const run = retryLint(['--help'], ROOT);
      assert.equal(run.status, 0);
      assert.match(run.stdout, /^Usage: retry-lint \[paths…\]/);
      for (const option of ['--format', '--fix', '--max-warnings', '--config']) assert.ok(run.stdout.includes(option), option);
    });

    it('prints the package version and the ESLint version with --version', () => {
      const pkg = JSON.parse(readFileSync(path.join(ROOT, 'eslint-plugin/package.json'), 'utf8')) as { version: string };
      const run = retryLint(['--version'], ROOT);
      assert.equal(run.status, 0);
      assert.match(run.stdout, new RegExp(`^retry-lint ${pkg.version.replaceAll('.', '\\.')} \\(ESLint \\d+\\.\\d+\\.\\d+\\)`));
    });

    it('exits 2 and names the option for an unknown option', () => {
      const run = retryLint(['--frobnicate'], copyFixture('clean'));
      assert.equal(run.status, 2);
      assert.match(run.stderr, /Unknown option '--frobnicate'/);
      assert.match(run.stderr, /retry-lint --help/);
      assert.equal(run.stdout, '');
    });

    it('exits 2 for a format it does not know, listing the ones it does', () => {
      const run = retryLint(['--format', 'junit'], copyFixture('clean'));
      assert.equal(run.status, 2);
      assert.match(run.stderr, /unknown format "junit"; use one of stylish, json, sarif/);
    });

    it('exits 2 when --format has no value', () => {
      const run = retryLint(['--format'], copyFixture('clean'));
      assert.equal(run.status, 2);
      assert.match(run.stderr, /--format/);
    });

    it('exits 2 for a --max-warnings that is not a whole number', () => {
      for (const bad of ['many', '-1', '2.5']) {
        const run = retryLint([`--max-warnings=${bad}`], copyFixture('clean'));
        assert.equal(run.status, 2, bad);
        assert.match(run.stderr, new RegExp(`--max-warnings expects a whole number.*"${bad.replace('.', '\\.')}"`), bad);
      }
    });

    it('exits 2 and names the path when a path does not exist', () => {
      const run = retryLint(['src/missing-folder'], copyFixture('clean'));
      assert.equal(run.status, 2);
      assert.match(run.stderr, /no such file or directory: src\/missing-folder/);
    });

    it('exits 2 when the --config file does not exist', () => {
      const run = retryLint(['--config', 'nowhere.config.mjs'], copyFixture('clean'));
      assert.equal(run.status, 2);
      assert.match(run.stderr, /config file not found: nowhere\.config\.mjs/);
    });
  });

  describe('with the built-in recommended config', () => {
    it('exits 0 and prints nothing on code without findings', () => {
      const run = retryLint([], copyFixture('clean'));
      assert.equal(run.stderr, '');
      assert.equal(run.status, 0);
      assert.equal(run.stdout, '');
    });

    it('lints .ts, .tsx, .mts, .cts, .jsx and .cjs files under the default path without parse errors', () => {
      const run = retryLint(['--format', 'json'], copyFixture('languages'));
      assert.equal(run.status, 0, run.stderr);
      const results = JSON.parse(run.stdout) as JsonResult[];
      const names = results.map((r) => path.basename(r.filePath)).sort();
      assert.deepEqual(names, ['common.cts', 'module.mts', 'plain.cjs', 'typed.ts', 'view.jsx', 'view.tsx']);
      for (const r of results) assert.deepEqual(r.messages, [], r.filePath);
    });

    it('skips node_modules, dist and build folders', () => {
      const dir = copyFixture('clean');
      for (const skipped of ['node_modules/some-lib', 'dist', 'build']) {
        mkdirSync(path.join(dir, skipped), { recursive: true });
        writeFileSync(path.join(dir, skipped, 'broken.js'), 'this is not ( JavaScript');
      }
      const run = retryLint(['--format', 'json'], dir);
      assert.equal(run.status, 0, run.stdout);
      const results = JSON.parse(run.stdout) as JsonResult[];
      assert.deepEqual(results.map((r) => path.basename(r.filePath)), ['totals.js']);
    });

    it('exits 2 with a clear message for an empty path and for a --config file that does not load', () => {
      const dir = copyFixture('clean');
      const empty = retryLint([''], dir);
      assert.equal(empty.status, 2);
      assert.match(empty.stderr, /an empty path was given/);
      writeFileSync(path.join(dir, 'broken.config.mjs'), 'export default [');
      const broken = retryLint(['--config', 'broken.config.mjs'], dir);
      assert.equal(broken.status, 2);
      assert.match(broken.stderr, /cannot load broken\.config\.mjs/);
      assert.doesNotMatch(broken.stderr, /internal error/);
    });

    it("ignores other plugins' rules named in disable comments (no 'rule not found', no unused-directive report)", () => {
      const dir = copyFixture('clean');
      writeFileSync(path.join(dir, 'foreign.ts'), '// eslint-disable-next-line @typescript-eslint/naming-convention\nexport const Some_Name = 1;\n/* eslint-disable no-await-in-loop */\n');
      const run = retryLint(['--format', 'json', 'foreign.ts'], dir);
      assert.equal(run.status, 0, run.stdout);
      const [result] = JSON.parse(run.stdout) as JsonResult[];
      assert.deepEqual(result?.messages, []);
    });

    it('reports a syntax error as a fatal error and exits 1', () => {
      const dir = copyFixture('clean');
      writeFileSync(path.join(dir, 'broken.ts'), 'export const = ;');
      const run = retryLint(['--format', 'json', 'broken.ts'], dir);
      assert.equal(run.status, 1);
      const [result] = JSON.parse(run.stdout) as JsonResult[];
      assert.equal(result?.messages[0]?.fatal, true);
    });

    it('reports a retry loop with no limit as retry/no-unbounded-retry and exits 1', function () {
      const run = retryLint(['--format', 'json'], copyFixture('unbounded'));
      const results = JSON.parse(run.stdout) as JsonResult[];
      const ruleIds = results.flatMap((r) => r.messages.map((m) => m.ruleId));
      assert.ok(ruleIds.includes('retry/no-unbounded-retry'), `findings: ${JSON.stringify(ruleIds)}`);
      assert.equal(run.status, 1);
    });

    it('--fix does not rewrite code whose only remedies are suggestions', () => {
      const dir = copyFixture('unbounded');
      const file = path.join(dir, 'reconnect.js');
      const before = readFileSync(file, 'utf8');
      retryLint(['--fix'], dir);
      assert.equal(readFileSync(file, 'utf8'), before);
    });
  });

  describe("with the project's own config", () => {
    const project = path.join(FIXTURES, 'project-config');

    it("uses the project's flat config when it turns on retry/* rules", () => {
      const run = retryLint(['debugging.js'], project);
      assert.equal(run.status, 1);
      assert.match(run.stdout, /debugging\.js/);
      assert.match(run.stdout, /no-debugger/);
    });

    it('uses the built-in config when the project config only turns on other rules', () => {
      const dir = copyFixture('project-config');
      writeFileSync(path.join(dir, 'eslint.config.mjs'), "export default [{ rules: { 'no-debugger': 'error' } }];\n");
      const run = retryLint(['debugging.js'], dir);
      assert.equal(run.status, 0, run.stdout);
      assert.equal(run.stdout, '');
    });

    it('uses the file given with --config', () => {
      const run = retryLint(['--config', PROJECT_CONFIG, 'debugging.js'], copyFixture('project-config'));
      assert.equal(run.status, 1);
      assert.match(run.stdout, /no-debugger/);
    });

    it('exits 0 on warnings alone', () => {
      const run = retryLint(['logging.js'], project);
      assert.equal(run.status, 0);
      assert.match(run.stdout, /2 problems \(0 errors, 2 warnings\)/);
    });

    it('exits 1 when warnings exceed --max-warnings', () => {
      const run = retryLint(['logging.js', '--max-warnings', '1'], project);
      assert.equal(run.status, 1);
      assert.match(run.stderr, /too many warnings \(maximum: 1\)/);
    });

    it('exits 0 when warnings stay within --max-warnings', () => {
      assert.equal(retryLint(['logging.js', '--max-warnings', '2'], project).status, 0);
      assert.equal(retryLint(['logging.js', '--max-warnings=5'], project).status, 0);
    });
  });

  describe('formats', () => {
    const project = path.join(FIXTURES, 'project-config');

    it('stylish (the default) lists each file with line:column, severity, message and rule', () => {
      const run = retryLint(['debugging.js'], project);
      assert.match(run.stdout, /debugging\.js\n\s+2:3\s+error\s+Unexpected 'debugger' statement\s+no-debugger/);
    });

    it('json prints ESLint results that parse', () => {
      const run = retryLint(['--format', 'json', 'debugging.js', 'logging.js'], project);
      assert.equal(run.status, 1);
      const results = JSON.parse(run.stdout) as JsonResult[];
      assert.equal(results.length, 2);
      const debugging = results.find((r) => r.filePath.endsWith('debugging.js'));
      assert.deepEqual(
        debugging?.messages.map((m) => [m.ruleId, m.line, m.severity]),
        [['no-debugger', 2, 2]],
      );
      assert.equal(results.find((r) => r.filePath.endsWith('logging.js'))?.warningCount, 2);
    });

    it('json prints an empty list of messages for clean code, not nothing', () => {
      const run = retryLint(['-f', 'json'], copyFixture('clean'));
      assert.equal(run.status, 0);
      const results = JSON.parse(run.stdout) as JsonResult[];
      assert.equal(results.length, 1);
      assert.deepEqual(results[0]?.messages, []);
    });

    it('sarif prints a SARIF 2.1.0 log with the findings in runs[0].results', () => {
      const run = retryLint(['--format', 'sarif', 'debugging.js'], project);
      assert.equal(run.status, 1);
      const log = JSON.parse(run.stdout) as {
        version: string;
        runs: Array<{ tool: { driver: { name: string } }; results: Array<{ ruleId: string; level: string; locations: unknown[] }> }>;
      };
      assert.equal(log.version, '2.1.0');
      const [run0] = log.runs;
      assert.ok(run0 && log.runs.length === 1);
      assert.equal(run0.tool.driver.name, 'ESLint');
      const results = run0.results;
      assert.deepEqual(results.map((r) => [r.ruleId, r.level]), [['no-debugger', 'error']]);
      assert.equal(results[0]?.locations.length, 1);
    });

    it('sarif has an empty runs[0].results for clean code', () => {
      const run = retryLint(['--format', 'sarif'], copyFixture('clean'));
      assert.equal(run.status, 0);
      const log = JSON.parse(run.stdout) as { runs: Array<{ results: unknown[] }> };
      assert.deepEqual(log.runs[0]?.results, []);
    });
  });

  describe('--fix', () => {
    it('writes the fixes to the files and exits 0 when nothing is left', () => {
      const dir = copyFixture('fixable');
      const file = path.join(dir, 'counter.js');
      assert.match(readFileSync(file, 'utf8'), /let result = n \* 2;/);
      const run = retryLint(['--fix', '--config', PROJECT_CONFIG], dir);
      assert.equal(run.status, 0, run.stdout);
      assert.match(readFileSync(file, 'utf8'), /const result = n \* 2;/);
    });

    it('does not write anything without --fix', () => {
      const dir = copyFixture('fixable');
      const file = path.join(dir, 'counter.js');
      const run = retryLint(['--config', PROJECT_CONFIG], dir);
      assert.equal(run.status, 1);
      assert.match(run.stdout, /prefer-const/);
      assert.match(readFileSync(file, 'utf8'), /let result = n \* 2;/);
    });
  });
});
