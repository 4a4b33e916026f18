// The editor suite in a trusted window (STYLE §5 Editor): findings of every rule, the helper quick
// fix applied and checked on disk, fix-all, a snippet, settings, commands and the status item.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  activeExtension,
  changeSetting,
  codeActions,
  codeOf,
  codes,
  hasCodes,
  lacksCodes,
  open,
  ours,
  readDisk,
  saveAllDirty,
  waitForDiagnostics,
  waitForDisk,
  workspaceRoot,
  wsUri,
} from './util';

const USE_HELPER = 'Use the backoff helper';

/** One shared case per rule (copies of ../shared/cases); together they cover all seven rules. */
const CASES: Record<string, string[]> = {
  'src/loop-constant-delay.ts': ['retry/require-backoff', 'retry/require-jitter'],
  'src/while-true-uncapped.js': ['retry/no-unbounded-retry', 'retry/require-max-delay'],
  'src/post-no-idempotency-key.ts': ['retry/require-idempotency-key'],
  'src/status-429-ignores-retry-after.ts': ['retry/respect-retry-after'],
  'src/retry-any-non-ok.ts': ['retry/no-retry-on-client-error'],
};

interface TestApi {
  status(): { state: string; message: string };
  started(): Promise<void>;
  activationMs: number;
}

describe('Retry Lint in a trusted window', () => {
  before(async () => {
    assert.equal(vscode.workspace.isTrusted, true, 'this part of the suite runs in a trusted window');
    await open('src/loop-constant-delay.ts');
    await activeExtension();
    // The first findings come from a cold server (ESLint and TypeScript loading): wait for them once, here.
    await waitForDiagnostics(wsUri('src/loop-constant-delay.ts'), (ds) => ds.length > 0, 'the first findings', 180_000);
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  for (const [file, expected] of Object.entries(CASES)) {
    it(`reports ${expected.join(' and ')} in ${path.basename(file)}`, async () => {
      await open(file);
      const diagnostics = await waitForDiagnostics(wsUri(file), hasCodes(...expected), expected.join(', '));
      for (const d of diagnostics.filter((x) => expected.includes(codeOf(x)))) {
        assert.equal(d.source, 'retry-lint');
        const code = d.code;
        assert.ok(typeof code === 'object' && code.target.toString().includes(codeOf(d).replace('retry/', '')), `docs link of ${codeOf(d)}`);
      }
    });
  }

  it('shows the server state in the language status item', async () => {
    const ext = await activeExtension();
    const api = ext.exports as TestApi | undefined;
    assert.ok(api && typeof api.status === 'function', 'activate() returns the status for tests');
    // activate() returns before the server has started (issue 13); the state is 'ok' once it has.
    await api.started();
    assert.equal(api.status().state, 'ok', api.status().message);
    console.log(`      activate() took ${api.activationMs.toFixed(1)} ms`); // a measurement for BENCHMARKS.md, not a test
  });

  it('"Use the backoff helper" writes the helper, adds the import and rewrites the retry', async () => {
    const file = 'src/helper-target.ts';
    const uri = wsUri(file);
    await open(file);
    const diagnostics = await waitForDiagnostics(uri, hasCodes('retry/require-jitter'), 'require-jitter');
    const finding = diagnostics.find((d) => codeOf(d) === 'retry/require-jitter');
    assert.ok(finding);
    const actions = await codeActions(uri, finding.range, 'quickfix', (as) => as.some((a) => a.title === USE_HELPER), `"${USE_HELPER}"`);
    const action = actions.find((a) => a.title === USE_HELPER);
    assert.ok(action?.edit, 'the helper action carries a workspace edit');
    assert.ok(await vscode.workspace.applyEdit(action.edit), 'the edit applies');
    await saveAllDirty();

    const helperPath = 'src/lib/retry-with-backoff.ts'; // src/ exists, so the default goes to src/lib/
    const helper = await waitForDisk(helperPath, (t) => t?.includes('export async function retryWithBackoff') === true, 'the helper file');
    assert.ok(helper?.includes('export function backoffDelay'), 'the whole helper is written');
    const text = await waitForDisk(file, (t) => t?.includes('retryWithBackoff(') ?? false, 'the rewritten retry');
    assert.match(text ?? '', /import\s*\{[^}]*\bretryWithBackoff\b[^}]*\}\s*from\s*['"]\.\/lib\/retry-with-backoff(\.js)?['"]/, 'the import');
    assert.equal((text ?? '').match(/from\s*['"]\.\/lib\/retry-with-backoff/g)?.length, 1, 'one import');
    assert.doesNotMatch(text ?? '', /for \(let attempt = 1; attempt <= 4; attempt\+\+\)/, 'the hand-written loop is gone');
    await waitForDiagnostics(uri, lacksCodes('retry/require-jitter', 'retry/require-backoff'), 'the findings to go away');
  });

  it('Retry Lint: Fix All rewrites the file\'s retries to the backoff helper, on disk', async () => {
    const file = 'src/while-true-uncapped.js';
    const uri = wsUri(file);
    const editor = await open(file);
    await waitForDiagnostics(uri, hasCodes('retry/require-max-delay'), 'require-max-delay');
    const before = editor.document.getText();
    const fixAll = await codeActions(uri, new vscode.Range(0, 0, editor.document.lineCount, 0), 'source.fixAll.retryLint', (as) => as.some((a) => !!a.edit && a.edit.size > 0), 'fix-all');
    assert.ok(fixAll.some((a) => a.title === 'Rewrite every retry in this file to use the backoff helper'), 'fix-all offers the rewrite');
    const applied = await vscode.commands.executeCommand<boolean>('retryLint.fixAll');
    assert.equal(applied, true, 'fix-all applied the server edit');
    assert.notEqual(editor.document.getText(), before, 'the text changed');
    await saveAllDirty();
    const text = await waitForDisk(file, (t) => t?.includes('backoffDelay(') === true, 'the rewritten wait on disk');
    assert.match(text ?? '', /require\(['"][^'"]*retry-with-backoff[^'"]*['"]\)|from ['"][^'"]*retry-with-backoff/, 'the helper is imported');
    assert.match(text ?? '', /console\.warn\('connect failed, retrying'/, 'the catch keeps its other statements');
    await waitForDiagnostics(uri, lacksCodes('retry/require-max-delay'), 'the uncapped delay to go away');
  });

  it('the snippets expand', async () => {
    const editor = await open('src/snippet-target.ts');
    const snippets = readSnippetNames('typescript');
    assert.ok(snippets.length >= 1, 'the manifest contributes TypeScript snippets');
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'typescript', name: snippets[0] });
    const text = editor.document.getText();
    assert.match(text, /retryWithBackoff|backoffDelay|Retry-After|createIdempotencyKey/i, `snippet "${snippets[0]}" expanded`);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('changing retryLint.rules updates the findings', async () => {
    const file = 'src/rules-setting.ts';
    const uri = wsUri(file);
    await open(file);
    await waitForDiagnostics(uri, hasCodes('retry/require-jitter'), 'require-jitter');
    await changeSetting('retryLint', 'rules', { 'require-jitter': 'off' });
    await waitForDiagnostics(uri, (ds) => lacksCodes('retry/require-jitter')(ds) && hasCodes('retry/require-backoff')(ds), 'require-jitter to turn off');
    await changeSetting('retryLint', 'rules', { 'require-jitter': 'error', 'retry/require-backoff': 'warn' });
    const ds = await waitForDiagnostics(
      uri,
      (x) => x.some((d) => codeOf(d) === 'retry/require-jitter' && d.severity === vscode.DiagnosticSeverity.Error),
      'require-jitter as an error',
    );
    assert.ok(ds.some((d) => codeOf(d) === 'retry/require-backoff' && d.severity === vscode.DiagnosticSeverity.Warning), 'require-backoff as a warning');
    await changeSetting('retryLint', 'enable', false);
    await waitForDiagnostics(uri, (x) => x.length === 0, 'no findings with retryLint.enable off');
    await changeSetting('retryLint', 'enable', undefined);
    await changeSetting('retryLint', 'rules', undefined);
    await waitForDiagnostics(uri, hasCodes('retry/require-jitter', 'retry/require-backoff'), 'findings back');
  });

  it('Retry Lint: Insert Backoff Helper imports the existing helper', async () => {
    const file = 'src/retry-any-non-ok.ts';
    const uri = wsUri(file);
    const editor = await open(file);
    await waitForDiagnostics(uri, hasCodes('retry/no-retry-on-client-error'), 'no-retry-on-client-error');
    const applied = await vscode.commands.executeCommand<boolean>('retryLint.insertHelper');
    assert.equal(applied, true, 'the command applied an edit');
    assert.match(editor.document.getText(), /from\s*['"]\.\/lib\/retry-with-backoff/, 'the import is added');
    await saveAllDirty();
    assert.ok(fs.existsSync(path.join(workspaceRoot(), 'src/lib/retry-with-backoff.ts')), 'the helper file exists');
  });

  it('Retry Lint: Restart Server brings the findings back', async () => {
    const file = 'src/post-no-idempotency-key.ts';
    const uri = wsUri(file);
    await open(file);
    await waitForDiagnostics(uri, hasCodes('retry/require-idempotency-key'), 'require-idempotency-key');
    await vscode.commands.executeCommand('retryLint.restartServer');
    await waitForDiagnostics(uri, hasCodes('retry/require-idempotency-key'), 'require-idempotency-key after the restart');
    await vscode.commands.executeCommand('retryLint.showOutput');
    assert.ok(codes(uri).length > 0);
    assert.ok(ours(uri).every((d) => d.source === 'retry-lint'));
    assert.ok(readDisk(file).includes("method: 'POST'"));
  });
});

/** Names of the snippets the extension contributes for a language, read from its manifest. */
function readSnippetNames(language: string): string[] {
  const ext = vscode.extensions.getExtension('retry-lint.retry-lint');
  assert.ok(ext);
  const contributes = (ext.packageJSON as { contributes?: { snippets?: Array<{ language: string; path: string }> } }).contributes;
  const names: string[] = [];
  for (const s of contributes?.snippets ?? []) {
    if (s.language !== language) continue;
    const text = fs.readFileSync(path.join(ext.extensionPath, s.path), 'utf8').replace(/^\s*\/\/.*$/gm, ''); // JSONC: line comments
    const json = JSON.parse(text) as Record<string, unknown>;
    names.push(...Object.keys(json));
  }
  return names;
}
