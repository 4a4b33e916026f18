// The lint workers (issue 11): the bundled server lints in worker threads, so a request answers
// while a slow lint of another file runs; a worker that dies or a lint past its time budget is
// told in one line, leaves the server alive and every other document's findings in place; a lint
// replaced by a newer edit publishes nothing. Slow and crashing lints come from the worker's test
// seam (RETRY_LINT_TEST_HOOKS=1: `retry-lint-test:spin=<ms>`, `retry-lint-test:crash` in the text).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { actionQueries, answeredAnalysis, codeActions, helperRequestEdit, type ActionContext } from '../../extension/src/server/code-actions';
import { answerQueries } from '../../extension/src/server/local-analysis';
import { diagnose } from '../../extension/src/server/diagnostics';
import { lintPathOf } from '../../extension/src/server/documents';
import { LintPool } from '../../extension/src/server/lint-pool';
import { USE_HELPER_TITLE } from '../../extension/src/shared/protocol';
import { DEFAULT_SETTINGS } from '../../extension/src/shared/settings';
import { LspSession, SERVER } from './lsp-session';

const WHOLE = { start: { line: 0, character: 0 }, end: { line: 100000, character: 0 } };

/** One retry loop with three findings (no bound, no growth, no jitter). */
const THREE_FINDINGS = `import { setTimeout as sleep } from 'node:timers/promises';

export async function connect(open: () => Promise<string>): Promise<string> {
  while (true) {
    try {
      return await open();
    } catch (error) {
      await sleep(1000);
    }
  }
}
`;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('code actions answered from a lint worker', () => {
  // What crosses the worker boundary (the questions, then plain answers) gives the same actions as
  // the analysis on this thread: quick fixes, the helper, disable comments (in JSX too), fix-all.
  const JSX = `import { setTimeout as sleep } from 'node:timers/promises';\nexport function View({ items }: { items: string[] }) {\n  return (\n    <div>\n      {items.map(async (u) => { for (;;) { try { return await fetch(u); } catch { await sleep(500); } } })}\n    </div>\n  );\n}\n`;
  for (const [name, languageId, text] of [
    ['a.ts', 'typescript', THREE_FINDINGS],
    ['b.tsx', 'typescriptreact', JSX],
    ['c.js', 'javascript', `const { retryWithBackoff } = require('./other');\n${THREE_FINDINGS.replace(/: Promise<string>|: \(\) => Promise<string>/g, '').replace(/^import .*$/m, "const { setTimeout: sleep } = require('node:timers/promises');")}`],
  ] as const) {
    it(`${name}: the same actions either way`, async () => {
      const root = fs.mkdtempSync(path.join(os.tmpdir(), 'retry-lint-answers-'));
      try {
        fs.writeFileSync(path.join(root, 'package.json'), '{}');
        const doc = TextDocument.create(pathToFileURL(path.join(root, name)).href, languageId, 1, text);
        const { diagnostics } = await diagnose(doc, DEFAULT_SETTINGS, { workspaceTrusted: false });
        assert.ok(diagnostics.length > 0);
        const context: ActionContext = { settings: DEFAULT_SETTINGS, workspaceFolders: [root], read: () => undefined };
        for (const only of [undefined, ['source.fixAll']]) {
          const params = { textDocument: { uri: doc.uri }, range: { start: { line: 0, character: 0 }, end: { line: 99, character: 0 } }, context: only ? { diagnostics, only } : { diagnostics } };
          const queries = actionQueries(doc, params, DEFAULT_SETTINGS);
          const answers = structuredClone(answerQueries({ filePath: lintPathOf(doc), text }, queries, DEFAULT_SETTINGS));
          const remote = codeActions(doc, params, { ...context, analysis: answeredAnalysis(answers, text) });
          assert.deepEqual(remote, codeActions(doc, params, context));
          assert.ok(remote.length > 0);
          if (!only && languageId === 'typescriptreact') assert.ok(JSON.stringify(remote).includes('{/* eslint-disable-next-line'), 'the JSX answer crossed');
        }
        const helperAnswers = structuredClone(answerQueries({ filePath: lintPathOf(doc), text }, { program: true, plans: [], jsx: [], fixAll: false }, DEFAULT_SETTINGS));
        assert.deepEqual(helperRequestEdit(doc, { ...context, analysis: answeredAnalysis(helperAnswers, text) }), helperRequestEdit(doc, context));
      } finally {
        fs.rmSync(root, { recursive: true, force: true });
      }
    });
  }
});

describe('lint workers (extension/dist/server.js)', function () {
  this.timeout(90000);
  let root: string;
  let session: LspSession;
  const uri = (name: string): string => pathToFileURL(path.join(root, 'src', name)).href;

  before(async function () {
    if (!fs.existsSync(SERVER)) this.skip(); // built by `npm run build` (root), which `npm test` runs first
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'retry-lint-worker-'));
    fs.mkdirSync(path.join(root, 'src'));
    fs.writeFileSync(path.join(root, 'package.json'), '{"name":"fixture","private":true}');
    session = await LspSession.start({ rootDir: root, env: { RETRY_LINT_TEST_HOOKS: '1', RETRY_LINT_LINT_TIMEOUT_MS: '8000' } });
  });

  after(async () => {
    await session?.stop();
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  it('answers a code action and lints a small file while a slow lint of another file runs', async () => {
    // Its own server, with the default budget: the slow lint must outlast the start of a second
    // worker, which only starts once a job has run past SPILL_MS (seconds on a loaded machine).
    const own = fs.mkdtempSync(path.join(os.tmpdir(), 'retry-lint-worker-'));
    fs.mkdirSync(path.join(own, 'src'));
    fs.writeFileSync(path.join(own, 'package.json'), '{"name":"fixture","private":true}');
    const session = await LspSession.start({ rootDir: own, env: { RETRY_LINT_TEST_HOOKS: '1' } });
    const uri = (name: string): string => pathToFileURL(path.join(own, 'src', name)).href;
    try {
      const small = uri('small.ts');
      await session.open(small, 'typescript', THREE_FINDINGS);
      const first = await session.diagnostics(small, undefined, 60000);
      assert.equal(first.diagnostics.length, 3);

      const slow = uri('slow.ts');
      await session.open(slow, 'typescript', `// retry-lint-test:spin=25000\n${THREE_FINDINGS}`);
      await sleep(200); // the slow lint has started
      const actions = await session.codeActions(small, WHOLE, first.diagnostics);
      assert.ok(actions.some((a) => a.title === USE_HELPER_TITLE), actions.map((a) => a.title).join(', '));
      assert.equal(session.latest.has(slow), false, 'the code action answered while the slow lint ran');

      // An edit of the small file is linted (by the other worker) before the slow lint ends.
      const version = await session.change(small, `${THREE_FINDINGS}\nexport const more = 1;\n`);
      const again = await session.diagnostics(small, (p) => p.version === version, 24000);
      assert.equal(again.diagnostics.length, 3);
      assert.equal(session.latest.has(slow), false, 'the small file was linted while the slow lint ran');

      const done = await session.diagnostics(slow, undefined, 60000);
      assert.equal(done.diagnostics.length, 3);
    } finally {
      await session.stop();
      fs.rmSync(own, { recursive: true, force: true });
    }
  });

  it('a crashing lint leaves the server alive, the other documents their findings, and is told in one line', async () => {
    const good = uri('good.ts');
    await session.open(good, 'typescript', THREE_FINDINGS);
    const before = await session.diagnostics(good);
    assert.equal(before.diagnostics.length, 3);
    const publishedBefore = session.history.filter((p) => p.uri === good).length;

    const bad = uri('bad.ts');
    await session.open(bad, 'typescript', `// retry-lint-test:crash\n${THREE_FINDINGS}`);
    const crashed = await session.diagnostics(bad);
    assert.equal(crashed.diagnostics.length, 0);
    const told = session.logs.filter((l) => /lint worker failed while linting .*bad\.ts: retry-lint-test/.test(l));
    assert.equal(told.length, 1, session.logs.join('\n'));
    assert.ok(!told[0]!.includes('\n'), 'one line');
    assert.ok(session.shown.some((m) => /lint worker failed/.test(m)), 'shown to the user');

    // The other document's findings were not touched, and the server still lints and answers.
    assert.equal(session.history.filter((p) => p.uri === good).length, publishedBefore);
    const version = await session.change(good, `${THREE_FINDINGS}\n// edited\n`);
    const after = await session.diagnostics(good, (p) => p.version === version);
    assert.equal(after.diagnostics.length, 3);
    const actions = await session.codeActions(good, WHOLE, after.diagnostics);
    assert.ok(actions.some((a) => a.title === USE_HELPER_TITLE));

    // A second crash is logged, not shown again.
    const shown = session.shown.length;
    const version2 = await session.change(bad, `// retry-lint-test:crash\n${THREE_FINDINGS}\n// again\n`);
    await session.diagnostics(bad, (p) => p.version === version2);
    assert.equal(session.shown.length, shown);
  });

  it('stops a lint that runs past the time budget, says so, and keeps linting the other files', async () => {
    const endless = uri('endless.ts');
    const started = Date.now();
    await session.open(endless, 'typescript', `// retry-lint-test:spin=60000\n${THREE_FINDINGS}`);
    const stopped = await session.diagnostics(endless, undefined, 30000);
    assert.equal(stopped.diagnostics.length, 0);
    assert.ok(Date.now() - started < 30000);
    assert.ok(session.logs.some((l) => /stopped linting .*endless\.ts .*ran past the 8 s budget/.test(l)), session.logs.join('\n'));

    const other = uri('other.ts');
    await session.open(other, 'typescript', THREE_FINDINGS);
    assert.equal((await session.diagnostics(other)).diagnostics.length, 3);
  });

  it('publishes only the newest version when an edit replaces a running lint', async () => {
    const edited = uri('edited.ts');
    await session.open(edited, 'typescript', `// retry-lint-test:spin=1500\n${THREE_FINDINGS}`);
    await sleep(300);
    const version = await session.change(edited, THREE_FINDINGS);
    const latest = await session.diagnostics(edited, (p) => p.version === version);
    assert.equal(latest.diagnostics.length, 3);
    await sleep(2000); // the replaced lint has ended by now
    assert.deepEqual(session.history.filter((p) => p.uri === edited).map((p) => p.version), [version]);
  });
});

describe('the lint pool when no worker can start', () => {
  it('lints on the server thread after three failed starts, and no lint is lost meanwhile', async function () {
    this.timeout(30000);
    const problems: string[] = [];
    const pool = new LintPool({ script: path.join(os.tmpdir(), 'retry-lint-no-such-worker.js'), onProblem: (_reason, message) => problems.push(message) });
    try {
      const outcome = await pool.lint('file:///a.ts', { filePath: '/a.ts', text: THREE_FINDINGS }, DEFAULT_SETTINGS, { workspaceTrusted: false });
      assert.equal(outcome?.messages.length, 3);
      assert.ok(problems.some((p) => /linting on the server's thread from now on/.test(p)), problems.join('\n'));
      assert.ok(problems.every((p) => !p.includes('\n')));
    } finally {
      await pool.dispose();
    }
  });
});
