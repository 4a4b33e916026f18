// The `retry-lint` command, spawned as users run it (the built eslint-plugin/bin/retry-lint.js).
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
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

/** Runs the command in `cwd` and waits for it (killed after `timeout` ms: `status` is then null). */
function retryLint(args: string[], cwd: string, timeout = 120_000): Run {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' }, timeout });
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
      for (const option of ['--format', '--fix', '--max-warnings', '--max-file-size', '--config']) assert.ok(run.stdout.includes(option), option);
    });

    it('says the command is not built, and exits 2, when dist/cli.js is missing (a checkout before npm run build)', () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'retry-lint-unbuilt-'));
      temporaryDirs.push(dir);
      mkdirSync(path.join(dir, 'bin'));
      // The checkout's bin folder: the command and the module that words its load errors.
      cpSync(BIN, path.join(dir, 'bin', 'retry-lint.js'));
      cpSync(path.join(path.dirname(BIN), 'load-error.js'), path.join(dir, 'bin', 'load-error.js'));
      const run = spawnSync(process.execPath, [path.join(dir, 'bin', 'retry-lint.js'), '.'], { cwd: dir, encoding: 'utf8' });
      assert.equal(run.status, 2);
      assert.match(run.stderr, /^retry-lint: the command is not built in this checkout \(dist\/cli\.js is missing\): run `npm run build`/);
      assert.doesNotMatch(run.stderr, /internal error/);
    });

    it('prints the package version and the ESLint version with --version', () => {
      const pkg = JSON.parse(readFileSync(path.join(ROOT, 'eslint-plugin/package.json'), 'utf8')) as { version: string };
      const run = retryLint(['--version'], ROOT);
      assert.equal(run.status, 0);
      assert.match(run.stdout, new RegExp(`^retry-lint ${pkg.version.replaceAll('.', '\\.')} \\(ESLint \\d+\\.\\d+\\.\\d+, (the project's|retry-lint's own)\\)`));
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

    it('lints a file it was given outside the folder it runs in (from the closest folder holding both)', () => {
      const here = copyFixture('clean');
      const elsewhere = copyFixture('unbounded');
      const file = path.join(elsewhere, 'reconnect.js');
      const run = retryLint(['--format', 'json', file], here);
      const results = JSON.parse(run.stdout) as JsonResult[];
      assert.equal(results.length, 1, run.stdout);
      const [result] = results as [JsonResult];
      assert.equal(result.filePath, file);
      assert.ok(result.messages.length > 0, 'its findings');
      assert.ok(result.messages.every((m) => m.ruleId?.startsWith('retry/')), JSON.stringify(result.messages));
      assert.equal(run.status, 1);
    });

    it('exits 2 when the --config file does not exist', () => {
      const run = retryLint(['--config', 'nowhere.config.mjs'], copyFixture('clean'));
      assert.equal(run.status, 2);
      assert.match(run.stderr, /config file not found: nowhere\.config\.mjs/);
    });
  });

  describe('with the built-in recommended config', () => {
    it('exits 0 on code without findings, with an empty report and one line on stderr saying what was linted', function () {
      this.timeout(180_000); // three runs of the command
      const run = retryLint([], copyFixture('clean'));
      assert.equal(run.status, 0);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, /^retry-lint: no findings in [1-9]\d* files? \(retry-lint's recommended config\)\.\n$/);
      const quiet = retryLint(['--quiet'], copyFixture('clean'));
      assert.equal(quiet.stderr, '');
      const json = retryLint(['--format', 'json'], copyFixture('clean'));
      assert.equal(json.stderr, '');
    });

    it('lints .ts, .tsx, .mts, .cts, .jsx and .cjs files under the default path without parse errors', () => {
      const run = retryLint(['--format', 'json'], copyFixture('languages'));
      assert.equal(run.status, 0, run.stderr);
      const results = JSON.parse(run.stdout) as JsonResult[];
      const names = results.map((r) => path.basename(r.filePath)).sort();
      assert.deepEqual(names, ['common.cts', 'module.mts', 'plain.cjs', 'typed.ts', 'view.jsx', 'view.tsx']);
      for (const r of results) assert.deepEqual(r.messages, [], r.filePath);
    });

    it('lints the <script> blocks of Vue and Svelte components, at the component\'s own lines and columns', () => {
      const dir = copyFixture('components');
      const run = retryLint(['--format', 'json'], dir);
      assert.equal(run.status, 1, run.stderr);
      const results = JSON.parse(run.stdout) as JsonResult[];
      const found = results.flatMap((r) => r.messages.map((m) => `${path.basename(r.filePath)}:${m.line}:${m.ruleId}`)).sort();
      assert.deepEqual(found, [
        'Feed.svelte:8:retry/require-backoff',
        'Feed.svelte:8:retry/require-jitter',
        'Status.vue:12:retry/no-unbounded-retry',
        'Status.vue:17:retry/require-backoff',
        'Status.vue:17:retry/require-jitter',
      ]);
      assert.deepEqual(results.map((r) => path.basename(r.filePath)).sort(), ['Feed.svelte', 'Quiet.vue', 'Status.vue']);
      // A component named on the command line is linted too (it used to be reported as ignored).
      const one = retryLint(['--format', 'json', 'Status.vue'], dir);
      assert.equal(one.status, 1, one.stderr);
      assert.equal((JSON.parse(one.stdout) as JsonResult[])[0]!.messages.length, 3);
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

    it('--fix does not rewrite code whose only remedies are suggestions, and says so', () => {
      const dir = copyFixture('unbounded');
      const file = path.join(dir, 'reconnect.js');
      const before = readFileSync(file, 'utf8');
      const run = retryLint(['--fix'], dir);
      assert.equal(readFileSync(file, 'utf8'), before);
      assert.match(run.stderr, /--fix changed no file: the retry rules write no automatic fixes .* (\d+) of (\d+) findings? offers? a suggestion/);
      const json = JSON.parse(retryLint(['--format', 'json'], dir).stdout) as JsonResult[];
      const messages = json.flatMap((r) => r.messages);
      const offered = messages.filter((m) => ((m as { suggestions?: unknown[] }).suggestions?.length ?? 0) > 0).length;
      assert.match(run.stderr, new RegExp(`${String(offered)} of ${String(messages.length)} finding`));
    });
  });

  describe("with the project's own config", () => {
    const project = path.join(FIXTURES, 'project-config');

    it("uses the project's flat config for the retry rules and reports no other rule", () => {
      const run = retryLint(['--format', 'json'], project);
      assert.equal(run.status, 1, run.stderr);
      const results = JSON.parse(run.stdout) as JsonResult[];
      const found = results.flatMap((r) => r.messages.map((m) => `${path.basename(r.filePath)} ${String(m.ruleId)}`)).sort();
      // require-backoff is off in the project's config; no-debugger, no-console and prefer-const are not retry rules.
      assert.deepEqual(found, ['backoff.js retry/require-jitter', 'reconnect.js retry/no-unbounded-retry']);
      assert.equal(results.find((r) => r.filePath.endsWith('debugging.js'))?.errorCount, 0);
    });

    it('uses the built-in config when the project config only turns on other rules', () => {
      const dir = copyFixture('project-config');
      writeFileSync(path.join(dir, 'eslint.config.mjs'), "export default [{ rules: { 'no-debugger': 'error' } }];\n");
      const run = retryLint(['debugging.js'], dir);
      assert.equal(run.status, 0, run.stdout);
      assert.equal(run.stdout, '');
      const reconnect = retryLint(['--format', 'json', 'reconnect.js'], dir);
      const ruleIds = (JSON.parse(reconnect.stdout) as JsonResult[]).flatMap((r) => r.messages.map((m) => m.ruleId)).sort();
      assert.deepEqual(ruleIds, ['retry/no-unbounded-retry', 'retry/require-backoff'], 'recommended: require-backoff on');
    });

    it('uses the file given with --config', () => {
      const dir = copyFixture('unbounded');
      const run = retryLint(['--format', 'json', '--config', PROJECT_CONFIG], dir);
      assert.equal(run.status, 1);
      const ruleIds = (JSON.parse(run.stdout) as JsonResult[]).flatMap((r) => r.messages.map((m) => m.ruleId));
      assert.deepEqual(ruleIds, ['retry/no-unbounded-retry']);
    });

    it('exits 0 on warnings alone', () => {
      const run = retryLint(['backoff.js', 'logging.js'], project);
      assert.equal(run.status, 0);
      assert.match(run.stdout, /1 problem \(0 errors, 1 warning\)/);
    });

    it('exits 1 when warnings exceed --max-warnings', () => {
      const run = retryLint(['backoff.js', '--max-warnings', '0'], project);
      assert.equal(run.status, 1);
      assert.match(run.stderr, /too many warnings \(maximum: 0\)/);
    });

    it('exits 0 when warnings stay within --max-warnings', () => {
      assert.equal(retryLint(['backoff.js', '--max-warnings', '1'], project).status, 0);
      assert.equal(retryLint(['backoff.js', '--max-warnings=5'], project).status, 0);
    });
  });

  describe('formats', () => {
    const project = path.join(FIXTURES, 'project-config');

    it('stylish (the default) lists each file with line:column, severity, message and rule', () => {
      const run = retryLint(['reconnect.js'], project);
      assert.match(run.stdout, /reconnect\.js\n\s+3:10\s+error\s+This retry has no attempt limit.*\s+retry\/no-unbounded-retry/);
    });

    it('stylish says on stderr how many of the files linted hold findings', () => {
      // backoff.js and reconnect.js hold findings; debugging.js has none of the retry rules'.
      const run = retryLint(['reconnect.js', 'backoff.js', 'debugging.js'], project);
      assert.equal(run.status, 1, run.stderr);
      assert.match(run.stderr, /^retry-lint: findings in 2 of 3 files linted \(.+\)\.\n$/);
    });

    it('json prints ESLint results that parse', () => {
      const run = retryLint(['--format', 'json', 'reconnect.js', 'backoff.js'], project);
      assert.equal(run.status, 1);
      const results = JSON.parse(run.stdout) as JsonResult[];
      assert.equal(results.length, 2);
      const reconnect = results.find((r) => r.filePath.endsWith('reconnect.js'));
      assert.deepEqual(
        reconnect?.messages.map((m) => [m.ruleId, m.line, m.severity]),
        [['retry/no-unbounded-retry', 3, 2]],
      );
      assert.equal(results.find((r) => r.filePath.endsWith('backoff.js'))?.warningCount, 1);
    });

    it('json prints an empty list of messages for clean code, not nothing', () => {
      const run = retryLint(['-f', 'json'], copyFixture('clean'));
      assert.equal(run.status, 0);
      const results = JSON.parse(run.stdout) as JsonResult[];
      assert.equal(results.length, 1);
      assert.deepEqual(results[0]?.messages, []);
    });

    it('sarif prints a SARIF 2.1.0 log by Retry Lint with the findings in runs[0].results', () => {
      const run = retryLint(['--format', 'sarif', 'reconnect.js'], project);
      assert.equal(run.status, 1);
      const log = JSON.parse(run.stdout) as {
        version: string;
        runs: Array<{ tool: { driver: { name: string } }; results: Array<{ ruleId: string; level: string; locations: unknown[] }> }>;
      };
      assert.equal(log.version, '2.1.0');
      const [run0] = log.runs;
      assert.ok(run0 && log.runs.length === 1);
      assert.equal(run0.tool.driver.name, 'Retry Lint');
      const results = run0.results;
      assert.deepEqual(results.map((r) => [r.ruleId, r.level]), [['retry/no-unbounded-retry', 'error']]);
      assert.equal(results[0]?.locations.length, 1);
    });

    describe('findings of a file in line order, whatever order ESLint returns them in', () => {
      // A processor that lints each JSDoc `@example` as a block of its own: ESLint gives the file's
      // findings first, then those of the example near the top (load.js: 15, then 5, 6, 6).
      const processor = path.join(FIXTURES, 'processor');
      const inOrder = (found: Array<[number, number]>, what: string): void => {
        const sorted = [...found].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
        assert.deepEqual(found, sorted, `${what}: ${JSON.stringify(found)}`);
      };

      it('stylish', () => {
        const run = retryLint(['load.js'], processor);
        assert.equal(run.status, 1, run.stderr);
        const found = [...run.stdout.matchAll(/^\s+(\d+):(\d+)\s+(?:error|warning)/gm)].map((m) => [Number(m[1]), Number(m[2])] as [number, number]);
        assert.equal(found.length, 4, run.stdout);
        inOrder(found, 'stylish');
      });

      it('json (messages and suppressed messages)', () => {
        const run = retryLint(['--format', 'json'], processor);
        assert.equal(run.status, 1, run.stderr);
        const results = JSON.parse(run.stdout) as Array<JsonResult & { suppressedMessages: Array<{ line: number; column: number }> }>;
        const load = results.find((r) => r.filePath.endsWith('load.js'));
        assert.equal(load?.messages.length, 4);
        for (const r of results) {
          inOrder((r.messages as Array<{ line: number; column?: number }>).map((m) => [m.line, m.column ?? 0]), path.basename(r.filePath));
          inOrder(r.suppressedMessages.map((m) => [m.line, m.column]), `${path.basename(r.filePath)} (suppressed)`);
        }
      });

      it('sarif (a suppressed finding among the others)', () => {
        const run = retryLint(['--format', 'sarif'], processor);
        assert.equal(run.status, 1, run.stderr);
        const log = JSON.parse(run.stdout) as { runs: Array<{ results: Array<{ suppressions?: unknown[]; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }> }> }> };
        const byFile = new Map<string, Array<[number, number]>>();
        for (const r of log.runs[0]?.results ?? []) {
          const location = r.locations[0];
          assert.ok(location);
          const { artifactLocation, region } = location.physicalLocation;
          byFile.set(artifactLocation.uri, [...(byFile.get(artifactLocation.uri) ?? []), [region.startLine, region.startColumn]]);
        }
        assert.equal(byFile.get('load.js')?.length, 4);
        assert.equal(log.runs[0]?.results.filter((r) => r.suppressions).length, 1, 'suppressed.js: one suppressed finding');
        for (const [file, found] of byFile) inOrder(found, file);
      });
    });

    it('sarif has an empty runs[0].results for clean code', () => {
      const run = retryLint(['--format', 'sarif'], copyFixture('clean'));
      assert.equal(run.status, 0);
      const log = JSON.parse(run.stdout) as { runs: Array<{ results: unknown[] }> };
      assert.deepEqual(log.runs[0]?.results, []);
    });
  });

  describe('--fix', () => {
    it("writes no other rule's fixes, even when the config turns on a fixable core rule", () => {
      const dir = copyFixture('fixable');
      const file = path.join(dir, 'counter.js');
      const run = retryLint(['--fix', '--config', PROJECT_CONFIG], dir);
      assert.equal(run.status, 0, run.stdout);
      assert.match(readFileSync(file, 'utf8'), /let result = n \* 2;/);
      assert.equal(run.stdout, '');
    });
  });

  describe('files that cannot be linted', () => {
    // POSIX only: FIFOs and symbolic links as the tests make them.
    before(function () {
      if (process.platform === 'win32') this.skip();
    });

    /** A copy of the 'unbounded' fixture (one file with findings) plus whatever `add` puts in it. */
    function projectWith(add: (dir: string) => void): string {
      const dir = copyFixture('unbounded');
      add(dir);
      return dir;
    }

    /** The JSON results by file name. */
    function byName(run: Run): Map<string, JsonResult> {
      const results = JSON.parse(run.stdout) as JsonResult[];
      return new Map(results.map((r) => [path.basename(r.filePath), r]));
    }

    it('lints a TypeScript file with `import x = require(…)` and every other file (issue 11: every rule threw, exit 2, nothing printed)', () => {
      const dir = projectWith((d) => {
        writeFileSync(
          path.join(d, 'profile.ts'),
          "import axios = require('axios');\nimport fs = require('fs');\nconst sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));\nexport async function load(id: string) {\n  if (!fs.existsSync('/tmp/c')) fs.mkdirSync('/tmp/c');\n  for (let attempt = 0; attempt < 4; attempt++) {\n    try {\n      return await axios.get('https://example.test/' + id);\n    } catch (err) {\n      await sleep(1500);\n    }\n  }\n}\n",
        );
      });
      const run = retryLint(['--format', 'json'], dir);
      assert.equal(run.status, 1, run.stderr);
      const results = byName(run);
      assert.deepEqual(results.get('profile.ts')?.messages.map((m) => `${String(m.ruleId)}:${m.line}`).sort(), ['retry/no-retry-on-client-error:9', 'retry/require-backoff:10', 'retry/require-jitter:10']);
      assert.ok(results.get('reconnect.js')?.messages.some((m) => m.ruleId === 'retry/no-unbounded-retry'), run.stdout);
    });

    it('reports a FIFO named x.js on that file without opening it, and prints every other finding (json, stylish, sarif)', () => {
      const dir = projectWith((d) => execFileSync('mkfifo', [path.join(d, 'x.js')]));
      const json = retryLint(['--format', 'json'], dir, 30_000);
      assert.equal(json.status, 1, `status ${String(json.status)} (null: it hung) ${json.stderr}`);
      const results = byName(json);
      assert.match(results.get('x.js')?.messages[0]?.message ?? '', /x\.js is not a regular file \(a FIFO\)/);
      assert.equal(results.get('x.js')?.errorCount, 1);
      assert.ok(results.get('reconnect.js')?.messages.some((m) => m.ruleId === 'retry/no-unbounded-retry'));
      assert.equal(json.stderr, '');

      const stylish = retryLint([], dir, 30_000);
      assert.equal(stylish.status, 1);
      assert.match(stylish.stdout, /x\.js\n\s+0:0\s+error\s+Not linted: x\.js is not a regular file \(a FIFO\)/);
      assert.match(stylish.stdout, /retry\/no-unbounded-retry/);

      const sarif = retryLint(['--format', 'sarif'], dir, 30_000);
      assert.equal(sarif.status, 1);
      const log = JSON.parse(sarif.stdout) as {
        runs: Array<{ results: Array<{ ruleId: string }>; invocations?: Array<{ toolConfigurationNotifications?: Array<{ message: { text: string }; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }> }>;
      };
      const [run0] = log.runs;
      assert.ok(run0?.results.some((r) => r.ruleId === 'retry/no-unbounded-retry'));
      const notes = run0?.invocations?.[0]?.toolConfigurationNotifications ?? [];
      assert.ok(notes.some((n) => n.message.text.includes('a FIFO') && n.locations[0]?.physicalLocation.artifactLocation.uri.endsWith('x.js')), JSON.stringify(notes));
    });

    it('reports a FIFO given by name, and does not hang', () => {
      const dir = projectWith((d) => execFileSync('mkfifo', [path.join(d, 'x.js')]));
      const run = retryLint(['--format', 'json', 'x.js', 'reconnect.js'], dir, 30_000);
      assert.equal(run.status, 1, `status ${String(run.status)} (null: it hung) ${run.stderr}`);
      const results = byName(run);
      assert.match(results.get('x.js')?.messages[0]?.message ?? '', /a FIFO/);
      assert.ok((results.get('reconnect.js')?.errorCount ?? 0) > 0);
      const alone = retryLint(['--format', 'json', 'x.js'], dir, 30_000);
      assert.equal(alone.status, 1, alone.stderr);
      assert.match(byName(alone).get('x.js')?.messages[0]?.message ?? '', /a FIFO/);
    });

    it('reports symbolic link loops, links to nothing and links to a directory named x.js, and goes on', () => {
      const dir = projectWith((d) => {
        symlinkSync('loop-b.js', path.join(d, 'loop-a.js'));
        symlinkSync('loop-a.js', path.join(d, 'loop-b.js'));
        symlinkSync('missing.js', path.join(d, 'dangling.js'));
        mkdirSync(path.join(d, 'folder'));
        symlinkSync('folder', path.join(d, 'x.js'));
        mkdirSync(path.join(d, 'real.js'));
        writeFileSync(path.join(d, 'real.js', 'inner.js'), 'export const inner = 1;\n');
      });
      const run = retryLint(['--format', 'json'], dir, 30_000);
      assert.equal(run.status, 1, run.stderr);
      assert.doesNotMatch(run.stderr, /internal error/);
      const results = byName(run);
      assert.match(results.get('loop-a.js')?.messages[0]?.message ?? '', /symbolic link loop/);
      assert.match(results.get('loop-b.js')?.messages[0]?.message ?? '', /symbolic link loop/);
      assert.match(results.get('dangling.js')?.messages[0]?.message ?? '', /symbolic link to a file that does not exist/);
      assert.match(results.get('x.js')?.messages[0]?.message ?? '', /x\.js is a directory/);
      // A real directory named real.js is searched, as ESLint does.
      assert.deepEqual(results.get('inner.js')?.messages, []);
      assert.ok(results.get('reconnect.js')?.messages.some((m) => m.ruleId === 'retry/no-unbounded-retry'));
      const loop = retryLint(['--format', 'json', 'loop-a.js'], dir, 30_000);
      assert.equal(loop.status, 1, loop.stderr);
      assert.match(byName(loop).get('loop-a.js')?.messages[0]?.message ?? '', /symbolic link loop/);
    });

    it('reports an unreadable file on that file and goes on', function () {
      if (process.getuid?.() === 0) this.skip(); // root reads anything
      const dir = projectWith((d) => {
        writeFileSync(path.join(d, 'secret.js'), 'export const s = 1;\n');
        chmodSync(path.join(d, 'secret.js'), 0o000);
      });
      const run = retryLint(['--format', 'json'], dir, 30_000);
      assert.equal(run.status, 1, run.stderr);
      const results = byName(run);
      assert.match(results.get('secret.js')?.messages[0]?.message ?? '', /secret\.js cannot be read \(EACCES/);
      assert.ok(results.get('reconnect.js')?.messages.some((m) => m.ruleId === 'retry/no-unbounded-retry'));
    });

    it('skips a file over --max-file-size (default 1,000,000 bytes, as the editor) with a warning, and lints it with 0 (no limit)', () => {
      const dir = copyFixture('clean');
      writeFileSync(path.join(dir, 'bundle.js'), `${'// a line of a long but hand-written file\n'.repeat(23_812)}export const b = 1;\n`);
      const run = retryLint(['--format', 'json'], dir, 30_000);
      assert.equal(run.status, 0, run.stderr);
      const bundle = byName(run).get('bundle.js');
      assert.equal(bundle?.warningCount, 1);
      assert.match(bundle?.messages[0]?.message ?? '', /bundle\.js is 1 MB \(1,000,1\d\d bytes\), over --max-file-size \(1 MB \(1,000,000 bytes\)\)/);
      assert.deepEqual(byName(run).get('totals.js')?.messages, []);
      const small = retryLint(['--format', 'json', '--max-file-size', '2k'], dir, 30_000);
      assert.equal(byName(small).get('bundle.js')?.warningCount, 1);
      const unlimited = retryLint(['--format', 'json', '--max-file-size=0'], dir, 60_000);
      assert.equal(unlimited.status, 0, unlimited.stderr);
      assert.deepEqual(byName(unlimited).get('bundle.js')?.messages, []);
      const strict = retryLint(['--max-warnings', '0', '--max-file-size', '1m'], dir, 30_000);
      assert.equal(strict.status, 1, 'a skipped file counts as a warning');
    });

    it('leaves minified code out silently in a folder, says why when the file is named, and lints compiled code that ends in an inline source map', () => {
      const dir = copyFixture('clean');
      writeFileSync(path.join(dir, 'packed.js'), `!function(){${'var a=1;'.repeat(400)}}();\n`);
      const loop = 'export async function pull(get) {\n  while (true) {\n    try {\n      return await get();\n    } catch (e) {\n      console.warn(e);\n    }\n  }\n}\n';
      writeFileSync(path.join(dir, 'compiled.js'), `${loop}//# sourceMappingURL=data:application/json;base64,${'A'.repeat(20_000)}\n`);
      const folder = byName(retryLint(['--format', 'json'], dir, 30_000));
      assert.equal(folder.get('packed.js'), undefined, 'found in a folder, minified code is left out without a report');
      assert.ok(folder.get('compiled.js')?.messages.some((m) => m.ruleId === 'retry/no-unbounded-retry'), 'an inline source map does not make the file minified');
      const named = retryLint(['--format', 'json', 'packed.js'], dir, 30_000);
      assert.equal(named.status, 0, named.stderr);
      assert.match(byName(named).get('packed.js')?.messages[0]?.message ?? '', /packed\.js is minified code \(retry-lint leaves generated and minified code out/);
    });

    it('says in the summary line how many generated or minified files it left out of a folder, and --no-ignore lints them', () => {
      const dir = copyFixture('clean');
      const loop = 'export async function pull(get) {\n  while (true) {\n    try {\n      return await get();\n    } catch (e) {\n      console.warn(e);\n    }\n  }\n}\n';
      writeFileSync(path.join(dir, 'client.gen.js'), `// Code generated by the SDK generator. DO NOT EDIT.\n${loop}`);
      writeFileSync(path.join(dir, 'packed.js'), `!function(){${'var a=1;'.repeat(400)}}();\n`);
      const run = retryLint([], dir, 30_000);
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stderr, /no findings in \d+ files? \(retry-lint's recommended config\)\. 2 generated or minified files were left out \(--no-ignore lints them\)\./);
      const all = retryLint(['--no-ignore'], dir, 30_000);
      assert.equal(all.status, 1, all.stderr);
      assert.match(all.stdout, /client\.gen\.js[\s\S]*no-unbounded-retry/);
      assert.doesNotMatch(all.stderr, /left out/);
    });

    it('exits 2 for a --max-file-size that is not a size', () => {
      for (const bad of ['big', '-1', '1g']) {
        const run = retryLint([`--max-file-size=${bad}`], copyFixture('clean'));
        assert.equal(run.status, 2, bad);
        assert.match(run.stderr, /--max-file-size expects a size in bytes/, bad);
      }
    });

    it('does not call a folder whose only lintable file cannot be read a usage error', () => {
      const dir = projectWith((d) => {
        mkdirSync(path.join(d, 'pipes'));
        execFileSync('mkfifo', [path.join(d, 'pipes', 'only.js')]);
      });
      const run = retryLint(['--format', 'json', 'pipes', 'reconnect.js'], dir, 30_000);
      assert.equal(run.status, 1, run.stderr);
      const results = byName(run);
      assert.match(results.get('only.js')?.messages[0]?.message ?? '', /a FIFO/);
      assert.ok((results.get('reconnect.js')?.errorCount ?? 0) > 0);
    });

    it('leaves out files the config ignores, even when they cannot be read', () => {
      const dir = projectWith((d) => {
        mkdirSync(path.join(d, 'dist'));
        execFileSync('mkfifo', [path.join(d, 'dist', 'x.js')]);
        execFileSync('mkfifo', [path.join(d, 'notes.txt')]);
      });
      const run = retryLint(['--format', 'json'], dir, 30_000);
      assert.equal(run.status, 1, run.stderr);
      assert.deepEqual([...byName(run).keys()], ['reconnect.js']);
    });
  });
});
