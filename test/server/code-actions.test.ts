import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic, TextDocumentEdit } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActions, fixAllAction, REWRITE_ALL_TITLE, type ActionContext } from '../../extension/src/server/code-actions';
import { SOURCE, type DiagnosticData } from '../../extension/src/server/diagnostics';
import { DEFAULT_SETTINGS } from '../../extension/src/shared/settings';
import { parses } from './expected';

const context: ActionContext = { settings: DEFAULT_SETTINGS, workspaceFolders: ['/ws'], read: () => undefined };

/** A made-up finding on `line` (0-based), as the server would publish it for version 1. */
function finding(line: number, character: number, ruleId = 'retry/require-jitter', extra: Partial<DiagnosticData> = {}): Diagnostic {
  return {
    range: { start: { line, character }, end: { line, character: character + 1 } },
    message: 'm',
    source: SOURCE,
    code: ruleId,
    data: { ruleId, version: 1, ...extra },
  };
}

function apply(doc: TextDocument, action: CodeAction): string {
  const change = action.edit?.documentChanges?.[0] as TextDocumentEdit;
  assert.equal(change.textDocument.version, doc.version);
  return TextDocument.applyEdits(doc, change.edits);
}

function actions(doc: TextDocument, diagnostics: Diagnostic[], only?: string[]): CodeAction[] {
  return codeActions(doc, { textDocument: { uri: doc.uri }, range: diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: only ? { diagnostics, only } : { diagnostics } }, context);
}

describe('server code actions', () => {
  it('offers the ESLint fix as a preferred quick fix and each suggestion as a quick fix', () => {
    const doc = TextDocument.create('file:///ws/a.ts', 'typescript', 1, 'await sleep(1000);\n');
    const d = finding(0, 6, 'retry/require-jitter', {
      suggestions: [{ desc: 'Use full jitter: wait `Math.random() * delay`.', fix: { range: [12, 16], text: 'Math.random() * 1000' } }],
    });
    const [suggestion] = actions(doc, [d]);
    assert.equal(suggestion?.title, 'Use full jitter: wait `Math.random() * delay`');
    assert.equal(suggestion?.kind, 'quickfix');
    assert.equal(apply(doc, suggestion), 'await sleep(Math.random() * 1000);\n');
  });

  it('disables the rule for the line, merging with an existing disable comment', () => {
    const doc = TextDocument.create('file:///ws/a.ts', 'typescript', 1, 'function f() {\n  // eslint-disable-next-line no-console -- noisy\n  run();\n}\n');
    const disable = actions(doc, [finding(2, 2)]).find((a) => a.title.startsWith('Disable'));
    assert.equal(disable?.title, 'Disable retry/require-jitter for this line');
    assert.equal(apply(doc, disable), 'function f() {\n  // eslint-disable-next-line no-console, retry/require-jitter -- noisy\n  run();\n}\n');
  });

  it('adds a new comment with the line indentation, and nothing when the rule is already disabled there', () => {
    const doc = TextDocument.create('file:///ws/a.ts', 'typescript', 1, 'if (x) {\n    run();\n}\n');
    const disable = actions(doc, [finding(1, 4)]).find((a) => a.title.startsWith('Disable'));
    const once = apply(doc, disable!);
    assert.equal(once, 'if (x) {\n    // eslint-disable-next-line retry/require-jitter\n    run();\n}\n');
    const doc2 = TextDocument.create('file:///ws/a.ts', 'typescript', 1, once);
    assert.equal(actions(doc2, [finding(2, 4)]).filter((a) => a.title.startsWith('Disable') && a.title.endsWith('for this line')).length, 0);
  });

  it('writes the disable comment as {/* */} among JSX children', () => {
    const text = `export function A() {\n  return (\n    <div>\n      <Retry delay={1000} />\n    </div>\n  );\n}\n`;
    const doc = TextDocument.create('file:///ws/a.tsx', 'typescriptreact', 1, text);
    const disable = actions(doc, [finding(3, 6)]).find((a) => a.title.startsWith('Disable'));
    const out = apply(doc, disable!);
    assert.match(out, /\n {6}\{\/\* eslint-disable-next-line retry\/require-jitter \*\/\}\n {6}<Retry/);
    assert.equal(parses(out, 'a.tsx'), undefined);
  });

  it('offers nothing for findings of another document version', () => {
    const doc = TextDocument.create('file:///ws/a.ts', 'typescript', 2, 'run();\n');
    assert.deepEqual(actions(doc, [finding(0, 0)]), []);
  });

  it('returns no source.fixAll action when nothing is auto-fixable, and only source actions when asked for source', () => {
    const doc = TextDocument.create('file:///ws/a.ts', 'typescript', 1, 'export const a = 1;\n');
    assert.equal(fixAllAction(doc, DEFAULT_SETTINGS), undefined);
    assert.deepEqual(actions(doc, [finding(0, 0)], ['source.fixAll']), []);
  });

  it('fix-all rewrites every retry of the file with findings to the backoff helper (helper file, import, both retries), keeping what each retried', () => {
    const text = `const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export async function a(op) {
  for (let i = 0; i < 4; i++) {
    try {
      return await op();
    } catch (err) {
      if (i === 3) throw err;
      await sleep(1000);
    }
  }
}
export async function b(op) {
  let last;
  for (let i = 0; i < 3; i++) {
    try {
      return await op();
    } catch (err) {
      last = err;
      if (err.code === 'EINVAL') throw err;
      await sleep(200 * 2 ** i);
    }
  }
  throw last;
}
`;
    const doc = TextDocument.create('file:///ws/src/jobs.js', 'javascript', 1, text);
    // The findings the lint published (a require-jitter on each wait), as the request carries them.
    const [all] = actions(doc, [finding(7, 6), finding(19, 6)], ['source.fixAll']);
    assert.equal(all?.title, REWRITE_ALL_TITLE);
    assert.equal(all?.kind, 'source.fixAll.retryLint');
    const changes = all?.edit?.documentChanges ?? [];
    assert.ok(changes.some((c) => 'kind' in c && c.kind === 'create'), 'creates the helper file');
    const own = changes.find((c): c is TextDocumentEdit => 'textDocument' in c && c.textDocument.uri === doc.uri)!;
    const out = TextDocument.applyEdits(doc, own.edits);
    assert.match(out, /import \{ retryWithBackoff \} from/);
    assert.match(out, /return await retryWithBackoff\(\(\) => op\(\), \{ maxAttempts: 4, baseDelayMs: 1000, shouldRetry: \(\) => true \}\);/);
    assert.match(out, /return await retryWithBackoff\(\(\) => op\(\), \{ maxAttempts: 3, baseDelayMs: 200, shouldRetry: \(err\) => !\(err\.code === 'EINVAL'\) \}\);/);
    assert.equal(parses(out, 'jobs.js'), undefined);
  });

  it('disables a rule for the entire file: a comment on the first line (after #!), merged into one already there', () => {
    const doc = TextDocument.create('file:///ws/a.js', 'javascript', 1, '#!/usr/bin/env node\nawait sleep(1000);\n');
    const disable = actions(doc, [finding(1, 6)]).find((a) => a.title === 'Disable retry/require-jitter for the entire file');
    const out = apply(doc, disable!);
    assert.equal(out, '#!/usr/bin/env node\n/* eslint-disable retry/require-jitter */\nawait sleep(1000);\n');
    const again = TextDocument.create('file:///ws/a.js', 'javascript', 1, out);
    const merged = actions(again, [finding(2, 6, 'retry/require-backoff')]).find((a) => a.title === 'Disable retry/require-backoff for the entire file');
    assert.equal(apply(again, merged!), '#!/usr/bin/env node\n/* eslint-disable retry/require-jitter, retry/require-backoff */\nawait sleep(1000);\n');
    assert.equal(actions(again, [finding(2, 6)]).find((a) => a.title.endsWith('for the entire file')), undefined, 'already disabled');
  });

  it("shows the rule's documentation (the diagnostic's link to the bundled page), once per rule", () => {
    const doc = TextDocument.create('file:///ws/a.js', 'javascript', 1, 'await sleep(1000);\nawait sleep(2000);\n');
    const withDocs = (line: number) => ({ ...finding(line, 6), codeDescription: { href: 'file:///ext/docs/rules/require-jitter.md' } });
    const docs = actions(doc, [withDocs(0), withDocs(1)]).filter((a) => a.title === 'Show documentation for retry/require-jitter');
    assert.equal(docs.length, 1);
    assert.deepEqual(docs[0]?.command, { title: 'Show documentation for retry/require-jitter', command: 'vscode.open', arguments: ['file:///ext/docs/rules/require-jitter.md'] });
  });
});
