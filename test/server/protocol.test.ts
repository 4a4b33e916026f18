// Protocol tests: the bundled server (`node extension/dist/server.js --stdio`) over real LSP.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic } from 'vscode-languageserver/node';
import { USE_HELPER_TITLE } from '../../extension/src/shared/protocol';
import { applyWorkspaceEdit, type MemoryFile } from './edits';
import { countOf, expectedFindings, parses } from './expected';
import { LspSession, SERVER } from './lsp-session';

/** The shared labelled cases (next to the repo, not on every machine) and our own labelled fixtures (always). */
const SHARED_CASES = path.resolve(__dirname, '../../../shared/cases');
const OWN_CASES = path.resolve(__dirname, '../fixtures/analysis');
const LANGUAGE: Record<string, string> = { '.ts': 'typescript', '.tsx': 'typescriptreact', '.js': 'javascript', '.jsx': 'javascriptreact', '.mjs': 'javascript', '.cjs': 'javascript' };
const WHOLE = { start: { line: 0, character: 0 }, end: { line: 100000, character: 0 } };

function findingsOf(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => `${String(d.code)}:${d.range.start.line + 1}`).sort();
}

function tempWorkspace(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'retry-lint-lsp-'));
  fs.mkdirSync(path.join(dir, 'src'));
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'fixture', private: true }));
  return dir;
}

/** A file whose one retry loop has three findings (no bound, no growth, no jitter). */
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

describe('language server over LSP (extension/dist/server.js --stdio)', function () {
  this.timeout(60000);
  let root: string;
  let session: LspSession;

  before(async function () {
    if (!fs.existsSync(SERVER)) this.skip(); // built by `npm run build` (root), which `npm test` runs first
    root = tempWorkspace();
    session = await LspSession.start({ rootDir: root });
  });

  after(async () => {
    await session?.stop();
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  const listCases = (dir: string): { name: string; file: string }[] =>
    fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => LANGUAGE[path.extname(f)]).sort().map((name) => ({ name, file: path.join(dir, name) })) : [];
  const cases = [...listCases(SHARED_CASES), ...listCases(OWN_CASES).map((c) => ({ ...c, name: `own-${c.name}` }))];

  it('reports on each labelled case what ESLint with the plugin reports (rule and line), and its code actions apply cleanly', async function () {
    // A guard against a hang, not a speed target: the labelled cases grow with the analysis (about
    // 1,000 now), and on a loaded machine each takes up to a second with its code actions.
    this.timeout(60000 + 1000 * cases.length);
    assert.ok(cases.length > 0, `no cases in ${SHARED_CASES} or ${OWN_CASES}`);
    const problems: string[] = [];
    for (const { name, file: source } of cases) {
      const text = fs.readFileSync(source, 'utf8');
      const file = path.join(root, 'src', name);
      const uri = pathToFileURL(file).href;
      await session.open(uri, LANGUAGE[path.extname(name)]!, text);
      const published = await session.diagnostics(uri);
      const got = findingsOf(published.diagnostics);
      const want = expectedFindings(text, file);
      if (got.join() !== want.join()) problems.push(`${name}: server ${JSON.stringify(got)} vs ESLint ${JSON.stringify(want)}`);
      for (const d of published.diagnostics) {
        assert.equal(d.source, 'retry-lint');
        assert.match(String(d.code), /^retry\/[a-z-]+$/);
        assert.match(d.codeDescription?.href ?? '', /docs\/rules\/[a-z-]+\.md$/);
      }
      // Every code action of every finding: apply in memory, the result parses, the rule's findings decrease.
      for (const d of published.diagnostics) {
        const actions = await session.codeActions(uri, d.range, [d]);
        for (const action of actions) {
          // "Show documentation" runs a command and edits nothing.
          if (!action.edit) continue;
          const files = new Map<string, MemoryFile>([[uri, { text, version: 1 }]]);
          applyWorkspaceEdit(files, action.edit);
          const after = files.get(uri)!.text;
          const parseError = parses(after, file);
          if (parseError) problems.push(`${name}: "${action.title}" leaves code that does not parse: ${parseError}`);
          const rule = String(d.code);
          if (countOf(after, file, rule) >= countOf(text, file, rule)) problems.push(`${name}: "${action.title}" leaves the ${rule} finding of line ${d.range.start.line + 1}`);
        }
      }
      await session.close(uri);
    }
    assert.deepEqual(problems, []);
  });

  it('drops findings of a stale version and lints the newest text', async () => {
    const uri = pathToFileURL(path.join(root, 'src', 'typing.ts')).href;
    await session.open(uri, 'typescript', 'export const a = 1;\n');
    await session.diagnostics(uri);
    await session.change(uri, THREE_FINDINGS.slice(0, 40));
    await session.change(uri, THREE_FINDINGS.slice(0, 120));
    const v = await session.change(uri, THREE_FINDINGS);
    const published = await session.diagnostics(uri, (p) => p.version === v);
    assert.deepEqual(findingsOf(published.diagnostics), expectedFindings(THREE_FINDINGS, path.join(root, 'src', 'typing.ts')));
    await session.close(uri);
  });

  it('re-validates open files when the settings change (rules off, then enable: false)', async function () {
    const file = path.join(root, 'src', 'settings.ts');
    const uri = pathToFileURL(file).href;
    const want = expectedFindings(THREE_FINDINGS, file);
    assert.ok(want.length > 0, 'ESLint reports nothing for the three-findings fixture: the comparison below would prove nothing');
    await session.open(uri, 'typescript', THREE_FINDINGS);
    assert.deepEqual(findingsOf((await session.diagnostics(uri)).diagnostics), want);
    const first = want[0]!.split(':')[0]!;
    let next = session.nextDiagnostics(uri);
    await session.setSettings({ rules: { [first]: 'off' } });
    assert.deepEqual(findingsOf((await next).diagnostics), want.filter((f) => !f.startsWith(`${first}:`)));
    next = session.nextDiagnostics(uri);
    await session.setSettings({ enable: false });
    assert.deepEqual((await next).diagnostics, []);
    next = session.nextDiagnostics(uri);
    await session.setSettings({});
    assert.deepEqual(findingsOf((await next).diagnostics), want);
    await session.close(uri);
  });

  it('re-validates open files when an ESLint config file changes on disk', async () => {
    const uri = pathToFileURL(path.join(root, 'src', 'config.ts')).href;
    await session.open(uri, 'typescript', THREE_FINDINGS);
    await session.diagnostics(uri);
    const next = session.nextDiagnostics(uri);
    const config = path.join(root, 'eslint.config.mjs');
    fs.writeFileSync(config, 'export default [];\n');
    await session.fileChanged(pathToFileURL(config).href);
    await next; // published again
    fs.rmSync(config);
    await session.close(uri);
  });

  it('skips files over retryLint.maxFileSize with a notice', async () => {
    const uri = pathToFileURL(path.join(root, 'src', 'big.ts')).href;
    await session.setSettings({ maxFileSize: 100 });
    await session.open(uri, 'typescript', THREE_FINDINGS);
    assert.deepEqual((await session.diagnostics(uri)).diagnostics, []);
    const notice = await session.status((s) => s.state === 'warn' && s.message.includes('maxFileSize'));
    assert.equal(notice.uri, uri);
    await session.setSettings({});
    await session.close(uri);
  });

  describe('Use the backoff helper', () => {
    async function helperAction(uri: string): Promise<{ action?: CodeAction; diagnostics: Diagnostic[] }> {
      const { diagnostics } = await session.diagnostics(uri);
      const actions = await session.codeActions(uri, WHOLE, diagnostics);
      return { action: actions.find((a) => a.title === USE_HELPER_TITLE), diagnostics };
    }

    it('on a file with three findings inserts one helper and one import; applying again changes nothing', async function () {
      const file = path.join(root, 'src', 'three.ts');
      const uri = pathToFileURL(file).href;
      await session.open(uri, 'typescript', THREE_FINDINGS);
      const { action, diagnostics } = await helperAction(uri);
      assert.ok(diagnostics.length >= 3, `the fixture's three findings are not all reported: ${diagnostics.length}`);
      assert.ok(action, 'no helper action');
      const actions = (await session.codeActions(uri, WHOLE, diagnostics)).filter((a) => a.title === USE_HELPER_TITLE);
      assert.equal(actions.length, 1, 'one helper action for one retry site');
      const files = new Map<string, MemoryFile>([[uri, { text: THREE_FINDINGS, version: 1 }]]);
      applyWorkspaceEdit(files, action.edit!);
      const helperUri = pathToFileURL(path.join(root, 'src', 'lib', 'retry-with-backoff.ts')).href;
      assert.equal(files.size, 2);
      const helper = files.get(helperUri)!.text;
      assert.match(helper, /export async function retryWithBackoff/);
      const text = files.get(uri)!.text;
      assert.equal(text.match(/from '\.\/lib\/retry-with-backoff'/g)?.length, 1, text);
      // The original retried every error, so the rewrite keeps doing so (shouldRetry: () => true).
      assert.match(text, /return await retryWithBackoff\(\(\) => open\(\), \{ maxAttempts: 3, baseDelayMs: 1000, shouldRetry: \(\) => true \}\);/);
      assert.equal(parses(text, file), undefined);
      assert.deepEqual(expectedFindings(text, file), []);
      // Second round: the helper now exists on disk and the document holds the rewrite.
      fs.mkdirSync(path.dirname(new URL(helperUri).pathname), { recursive: true });
      fs.writeFileSync(new URL(helperUri), helper);
      const v = await session.change(uri, text);
      const second = await session.diagnostics(uri, (p) => p.version === v);
      const again = await session.codeActions(uri, WHOLE, second.diagnostics);
      for (const a of again.filter((x) => x.title === USE_HELPER_TITLE)) {
        const copy = new Map<string, MemoryFile>([[uri, { text, version: v }], [helperUri, { text: helper, version: null }]]);
        applyWorkspaceEdit(copy, a.edit!);
        assert.equal(copy.get(uri)!.text, text);
        assert.equal(copy.get(helperUri)!.text, helper);
      }
      fs.rmSync(path.join(root, 'src', 'lib'), { recursive: true, force: true });
      await session.close(uri);
    });

    it('never overwrites an unrelated file at the helper path', async function () {
      const file = path.join(root, 'src', 'taken.ts');
      const uri = pathToFileURL(file).href;
      const taken = path.join(root, 'src', 'lib', 'retry-with-backoff.ts');
      fs.mkdirSync(path.dirname(taken), { recursive: true });
      fs.writeFileSync(taken, 'export const mine = true;\n');
      await session.open(uri, 'typescript', THREE_FINDINGS);
      const { action, diagnostics } = await helperAction(uri);
      assert.ok(diagnostics.length > 0, 'the three-findings fixture has no diagnostic, so no helper action to check');
      assert.ok(action);
      const takenUri = pathToFileURL(taken).href;
      for (const change of action.edit!.documentChanges ?? []) {
        const target = 'kind' in change ? (change.kind === 'rename' ? change.newUri : change.uri) : change.textDocument.uri;
        assert.notEqual(target, takenUri, 'the action touches the unrelated file');
      }
      assert.match(JSON.stringify(action.edit), /retry-with-backoff-2\.ts/);
      assert.equal(fs.readFileSync(taken, 'utf8'), 'export const mine = true;\n');
      fs.rmSync(path.join(root, 'src', 'lib'), { recursive: true, force: true });
      await session.close(uri);
    });
  });

  it('offers nothing for findings of an older version of the document', async function () {
    const uri = pathToFileURL(path.join(root, 'src', 'stale.ts')).href;
    await session.open(uri, 'typescript', THREE_FINDINGS);
    const { diagnostics } = await session.diagnostics(uri);
    assert.ok(diagnostics.length > 0, 'the three-findings fixture has no diagnostic: staleness cannot be shown');
    const v = await session.change(uri, `${THREE_FINDINGS}\n`);
    await session.diagnostics(uri, (p) => p.version === v);
    assert.deepEqual(await session.codeActions(uri, WHOLE, diagnostics), []);
    await session.close(uri);
  });
});
