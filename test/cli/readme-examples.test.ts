// The README's CI and pre-commit examples, run as written: the GitHub code-scanning workflow's
// retry-lint step (its SARIF file validated against the 2.1.0 schema and named by the upload
// step), the pre-commit hook and the lint-staged entry (on staged files, stopping a bad commit).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';
import { Minimatch } from 'minimatch';
import { BIN, BUILT_IN_CONFIG, NO_JITTER, project, removeProjects, ROOT, sarifValidator, UNBOUNDED } from './scratch';

const README = readFileSync(path.join(ROOT, 'eslint-plugin/README.md'), 'utf8');

/** The first fenced block of `lang` after the heading `heading` in the plugin README. */
function blockAfter(heading: string, lang: string): string {
  const at = README.indexOf(`\n${heading}\n`);
  assert.ok(at >= 0, `README heading ${heading}`);
  const match = new RegExp('```' + lang + '\\n([\\s\\S]*?)```').exec(README.slice(at));
  assert.ok(match?.[1], `a ${lang} block after ${heading}`);
  return match[1];
}

/**
 * Runs a README command line in `dir`: `npx retry-lint …` (with or without `--no-install`) or a
 * bare `retry-lint …` becomes this repository's built command. Arguments are split on spaces (the
 * examples quote nothing).
 */
function runCommand(line: string, dir: string, extraArgs: string[] = []): { status: number | null; stdout: string; stderr: string } {
  const words = line.trim().split(/\s+/);
  const start = words.indexOf('retry-lint');
  assert.ok(start >= 0 && words.slice(0, start).every((w) => w === 'npx' || w === '--no-install'), `not a retry-lint command: ${line}`);
  const run = spawnSync(process.execPath, [BIN, ...words.slice(start + 1), ...extraArgs], { cwd: dir, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  'continue-on-error'?: boolean;
}

describe("the README's CI and pre-commit examples", function () {
  this.timeout(120_000);

  before(function () {
    if (!existsSync(BUILT_IN_CONFIG)) this.skip(); // built by npm test's build step
  });

  after(removeProjects);

  it('GitHub code scanning: the workflow writes a valid SARIF file that its upload step names, and uploads despite findings', () => {
    const workflow = load(blockAfter('### GitHub code scanning', 'yaml')) as {
      permissions: Record<string, string>;
      jobs: Record<string, { steps: Step[] }>;
    };
    assert.equal(workflow.permissions['security-events'], 'write');
    const steps = Object.values(workflow.jobs)[0]?.steps ?? [];
    const lint = steps.find((s) => s.run?.includes('retry-lint'));
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    assert.ok(lint?.run && upload, 'a retry-lint step and an upload-sarif step');
    assert.ok(steps.indexOf(lint) < steps.indexOf(upload));
    assert.equal(lint['continue-on-error'], true, 'findings (exit 1) must not skip the upload');
    const sarifFile = String(upload.with?.['sarif_file']);

    const dir = project({ 'package.json': JSON.stringify({ name: 'ci', private: true }), 'src/loop.js': UNBOUNDED, 'src/client.ts': NO_JITTER }, { eslint: 'eslint' });
    const run = runCommand(lint.run, dir);
    assert.equal(run.status, 1, run.stderr);
    assert.equal(run.stdout, '');
    const log = JSON.parse(readFileSync(path.join(dir, sarifFile), 'utf8')) as { runs: Array<{ tool: { driver: { name: string } }; results: Array<{ ruleId: string }> }> };
    assert.equal(sarifValidator()(log), undefined);
    assert.equal(log.runs[0]?.tool.driver.name, 'Retry Lint');
    assert.ok(log.runs[0]?.results.some((r) => r.ruleId === 'retry/no-unbounded-retry'));
  });

  it('pre-commit: the hook runs on the staged files its pattern selects, and stops a commit with findings', () => {
    const config = load(blockAfter('### Pre-commit', 'yaml')) as { repos: Array<{ hooks: Array<{ entry: string; files: string; language: string }> }> };
    const hook = config.repos[0]?.hooks[0];
    assert.ok(hook);
    const pattern = new RegExp(hook.files);
    const staged = ['src/loop.js', 'src/client.ts', 'src/view.tsx', 'src/ok.mjs', 'README.md', 'package.json'];
    const selected = staged.filter((f) => pattern.test(f));
    assert.deepEqual(selected, ['src/loop.js', 'src/client.ts', 'src/view.tsx', 'src/ok.mjs']);
    const dir = project(
      {
        'package.json': JSON.stringify({ name: 'hooked', private: true }),
        'README.md': '# x\n',
        'src/loop.js': UNBOUNDED,
        'src/client.ts': NO_JITTER,
        'src/view.tsx': 'export const View = () => <p>hi</p>;\n',
        'src/ok.mjs': 'export const ok = 1;\n',
      },
      { eslint: 'eslint' },
    );
    assert.equal(runCommand(hook.entry, dir, selected).status, 1, 'errors stop the commit');
    assert.equal(runCommand(hook.entry, dir, ['src/client.ts']).status, 1, 'warnings too (--max-warnings 0)');
    const clean = runCommand(hook.entry, dir, ['src/view.tsx', 'src/ok.mjs']);
    assert.equal(clean.status, 0, clean.stdout + clean.stderr);
  });

  it('lint-staged: the entry runs on the files its glob selects', () => {
    const pkg = JSON.parse(blockAfter('### Pre-commit', 'json')) as { 'lint-staged': Record<string, string> };
    const [glob, command] = Object.entries(pkg['lint-staged'])[0] ?? [];
    assert.ok(glob && command);
    const matcher = new Minimatch(glob, { matchBase: true });
    const staged = ['src/loop.js', 'src/view.tsx', 'docs/a.md'].filter((f) => matcher.match(f));
    assert.deepEqual(staged, ['src/loop.js', 'src/view.tsx']);
    const dir = project({ 'src/loop.js': UNBOUNDED, 'src/view.tsx': 'export const View = () => <p>hi</p>;\n', 'docs/a.md': '# a\n' }, { eslint: null });
    assert.equal(runCommand(command, dir, staged).status, 1);
    assert.equal(runCommand(command, dir, ['src/view.tsx']).status, 0);
  });
});
