import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { dataOf, diagnose, toDiagnostic } from '../../extension/src/server/diagnostics';
import { resolveSettings } from '../../extension/src/shared/settings';
import { expectedFindings } from './expected';

const WHILE_TRUE = `async function subscribe(channel, connect) {
  let n = 0;
  while (true) {
    try {
      return await connect(channel);
    } catch (error) {
      const backoff = Math.random() * 100 * 2 ** n++;
      await new Promise((done) => setTimeout(done, backoff));
    }
  }
}
module.exports = { subscribe };
`;

describe('server diagnostics', () => {
  it('places findings after U+2028/U+2029 where ESLint meant them (ESLint breaks lines there, LSP does not)', () => {
    const text = '\uFEFF// note\u2028more\u2029\nawait sleep(1000);\n';
    const doc = TextDocument.create('file:///ws/a.ts', 'typescript', 1, text);
    // ESLint: line 1 "// note", line 2 "more", line 3 "", line 4 "await sleep(1000);".
    const d = toDiagnostic({ ruleId: 'retry/require-jitter', message: 'm', line: 4, column: 7, endLine: 4, endColumn: 18, severity: 1 } as never, doc, undefined);
    assert.deepEqual(d.range, { start: { line: 1, character: 6 }, end: { line: 1, character: 17 } });
    assert.equal(doc.getText(d.range), 'sleep(1000)');
  });

  it('turns 1-based ESLint positions into 0-based LSP ranges with code, source, docs link and data', () => {
    const doc = TextDocument.create('file:///ws/a.ts', 'typescript', 7, 'a\n  await sleep(1000);\n');
    const d = toDiagnostic(
      { ruleId: 'retry/require-backoff', severity: 1, message: 'm', line: 2, column: 3, endLine: 2, endColumn: 20, nodeType: 'CallExpression', suggestions: [{ desc: 'x', fix: { range: [8, 19], text: 'y' } }] },
      doc,
      'https://example.test/require-backoff.md',
    );
    assert.deepEqual(d.range, { start: { line: 1, character: 2 }, end: { line: 1, character: 19 } });
    assert.equal(d.severity, DiagnosticSeverity.Warning);
    assert.equal(d.code, 'retry/require-backoff');
    assert.equal(d.source, 'retry-lint');
    assert.equal(d.codeDescription?.href, 'https://example.test/require-backoff.md');
    assert.deepEqual(dataOf(d), { ruleId: 'retry/require-backoff', version: 7, suggestions: [{ desc: 'x', fix: { range: [8, 19], text: 'y' } }] });
  });

  it('reports what ESLint reports, with severities from retryLint.rules', async () => {
    const doc = TextDocument.create('file:///ws/subscribe.js', 'javascript', 1, WHILE_TRUE);
    const want = expectedFindings(WHILE_TRUE, '/ws/subscribe.js');
    const { diagnostics } = await diagnose(doc, resolveSettings({}), { workspaceTrusted: false });
    assert.deepEqual(diagnostics.map((d) => `${String(d.code)}:${d.range.start.line + 1}`).sort(), want);
    const allWarn = resolveSettings({ rules: Object.fromEntries(want.map((w) => [w.split(':')[0]!, 'warn'])) });
    const warned = await diagnose(doc, allWarn, { workspaceTrusted: false });
    assert.ok(warned.diagnostics.every((d) => d.severity === DiagnosticSeverity.Warning));
    const off = resolveSettings({ rules: Object.fromEntries(want.map((w) => [w.split(':')[0]!.replace('retry/', ''), 'off'])) });
    assert.deepEqual((await diagnose(doc, off, { workspaceTrusted: false })).diagnostics, []);
  });

  it('shows the findings of a TypeScript file with `import x = require(…)` (issue 11: the resolver threw in every rule, the file showed nothing)', async () => {
    const text = `import axios = require('axios');
import fs = require('fs');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export async function load(id: string) {
  if (!fs.existsSync('/tmp/cache')) fs.mkdirSync('/tmp/cache');
  for (let attempt = 0; attempt < 4; attempt++) {
    try {
      return await axios.get('https://example.test/' + id);
    } catch (err) {
      await sleep(1500);
    }
  }
}
`;
    const doc = TextDocument.create('file:///ws/load.ts', 'typescript', 1, text);
    const { diagnostics } = await diagnose(doc, resolveSettings({}), { workspaceTrusted: false });
    const found = diagnostics.map((d) => `${String(d.code)}:${d.range.start.line + 1}`).sort();
    assert.deepEqual(found, expectedFindings(text, '/ws/load.ts'));
    assert.deepEqual(found, ['retry/no-retry-on-client-error:9', 'retry/require-backoff:10', 'retry/require-jitter:10']);
  });

  it('reports nothing when disabled, for other languages, or over maxFileSize (with a notice)', async () => {
    const doc = TextDocument.create('file:///ws/subscribe.js', 'javascript', 1, WHILE_TRUE);
    assert.deepEqual((await diagnose(doc, resolveSettings({ enable: false }), { workspaceTrusted: false })).diagnostics, []);
    const md = TextDocument.create('file:///ws/a.md', 'markdown', 1, WHILE_TRUE);
    assert.deepEqual((await diagnose(md, resolveSettings({}), { workspaceTrusted: false })).diagnostics, []);
    const big = await diagnose(doc, resolveSettings({ maxFileSize: 10 }), { workspaceTrusted: false });
    assert.deepEqual(big.diagnostics, []);
    assert.match(big.skipped ?? '', /maxFileSize/);
  });

  it('yields an empty result, not an exception, for code that does not parse', async () => {
    const doc = TextDocument.create('file:///ws/a.ts', 'typescript', 1, 'while (true) {');
    const result = await diagnose(doc, resolveSettings({}), { workspaceTrusted: false });
    assert.deepEqual(result.diagnostics, []);
    assert.ok(result.outcome?.parseError);
  });
});

describe('shared settings', () => {
  it('merges over the defaults and ignores wrong types', () => {
    const s = resolveSettings({ enable: 'yes', run: 'onSave', rules: { 'retry/require-jitter': 'warn', 'require-backoff': 2, x: 'loud' }, maxFileSize: -1, helper: { path: ' src/x.ts ' } });
    assert.equal(s.enable, true);
    assert.equal(s.run, 'onSave');
    assert.deepEqual(s.rules, { 'require-jitter': 'warn', 'require-backoff': 'error' });
    assert.equal(s.maxFileSize, 1_000_000);
    assert.equal(s.helper.path, 'src/x.ts');
    assert.deepEqual(resolveSettings(null), resolveSettings({}));
  });
});
