// Language server robustness (issue 11): the helper path stays inside the workspace folder, settings
// are validated (own properties, known values), the settings request times out, and fix-all and the
// helper request honour retryLint.maxFileSize and refuse documents that are not JavaScript/TypeScript.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActions, fixAllAction, HelperRequestRefused, helperRequestEdit, type ActionContext } from '../../extension/src/server/code-actions';
import { diskReader, HelperPathError, helperSources, placeHelper } from '../../extension/src/server/helper-file';
import { lintBundled, rulesFor, sourceCodeOf } from '../../extension/src/server/linting';
import { SettingsStore } from '../../extension/src/server/settings';
import { DEFAULT_SETTINGS, resolveSettings, type RetryLintSettings } from '../../extension/src/shared/settings';
import { analysisTestSeam } from '../../eslint-plugin/src/analysis/index';

const made: string[] = [];
after(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

function workspace(files: Record<string, string>): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'retry-lint-robust-')));
  made.push(dir);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const withHelperPath = (p: string): RetryLintSettings => ({ ...DEFAULT_SETTINGS, helper: { path: p } });

/** Code the bundled rules fix automatically? Not needed: an unbounded loop has findings to show linting works. */
const RETRY = 'export async function poll(url) {\n  for (;;) {\n    try { return await fetch(url); } catch { /* again */ }\n  }\n}\n';

describe('server robustness', () => {
  describe('retryLint.helper.path stays inside the workspace folder', () => {
    before(function () {
      if (!helperSources()) this.skip();
    });

    for (const bad of ['../../etc/x.ts', 'src/../../outside.ts', '/tmp/retry-lint-escape.ts']) {
      it(`refuses ${bad} with a clear message`, () => {
        const root = workspace({ 'package.json': '{}', 'src/a.ts': '' });
        assert.throws(
          () => placeHelper(path.join(root, 'src/a.ts'), undefined, withHelperPath(bad), [root], diskReader(() => undefined)),
          (error) => error instanceof HelperPathError && /retryLint\.helper\.path ".*" is refused: .*inside the workspace folder/.test(error.message),
        );
      });
    }

    it('refuses a path through a symbolic link that leads out of the workspace folder', () => {
      const outside = workspace({});
      const root = workspace({ 'package.json': '{}', 'src/a.ts': '' });
      fs.symlinkSync(outside, path.join(root, 'shared'));
      assert.throws(
        () => placeHelper(path.join(root, 'src/a.ts'), undefined, withHelperPath('shared/retry.ts'), [root], diskReader(() => undefined)),
        (error) => error instanceof HelperPathError && /symbolic link/.test(error.message),
      );
      assert.deepEqual(fs.readdirSync(outside), []);
    });

    it('still accepts a path inside the folder, and never writes over a file that is not the helper (nor through a link to nothing)', () => {
      const root = workspace({ 'package.json': '{}', 'src/a.ts': '', 'shared/retry.ts': 'export const mine = 1;\n' });
      fs.symlinkSync(path.join(root, 'nowhere.ts'), path.join(root, 'shared/retry-2.ts'));
      const placement = placeHelper(path.join(root, 'src/a.ts'), undefined, withHelperPath('shared/retry.ts'), [root], diskReader(() => undefined));
      assert.equal(path.relative(root, placement!.fsPath), path.join('shared', 'retry-3.ts'));
      assert.equal(placement!.create, true);
    });

    it('the helper request reports the refusal instead of writing outside', () => {
      const root = workspace({ 'package.json': '{}', 'src/a.ts': RETRY });
      const doc = TextDocument.create(pathToFileURL(path.join(root, 'src/a.ts')).href, 'typescript', 1, RETRY);
      const context: ActionContext = { settings: withHelperPath('../../etc/x'), workspaceFolders: [root], read: diskReader(() => undefined) };
      assert.throws(() => helperRequestEdit(doc, context), HelperPathError);
    });
  });

  describe('settings', () => {
    it('a retryLint.rules key named constructor or toString does not stop linting', () => {
      const problems: string[] = [];
      const settings = resolveSettings({ rules: { constructor: 'off', toString: 'warn', 'retry/no-unbounded-retry': 'warn' } }, problems);
      const rules = rulesFor(settings);
      assert.equal(Object.prototype.hasOwnProperty.call(rules, 'retry/constructor'), false);
      assert.equal(Object.prototype.hasOwnProperty.call(rules, 'retry/toString'), false);
      const outcome = lintBundled({ filePath: '/ws/a.js', text: RETRY }, settings);
      assert.equal(outcome.error, undefined, String(outcome.error));
      assert.ok(outcome.messages.some((m) => m.ruleId === 'retry/no-unbounded-retry' && m.severity === 1), JSON.stringify(outcome.messages));
    });

    it('ignores wrong values, with one clear message each, and reads own properties only', () => {
      const problems: string[] = [];
      const raw = Object.assign(Object.create({ enable: false }) as object, { run: 'sometimes', maxFileSize: -5, rules: { 'require-jitter': 'loud' }, helper: { path: 42 } });
      const settings = resolveSettings(raw, problems);
      assert.equal(settings.enable, true, 'an inherited enable is not read');
      assert.equal(settings.run, 'onType');
      assert.equal(settings.maxFileSize, DEFAULT_SETTINGS.maxFileSize);
      assert.deepEqual(settings.rules, {});
      assert.equal(settings.helper.path, '');
      assert.equal(problems.length, 4, problems.join('\n'));
      assert.ok(problems.some((p) => /retryLint\.run: "sometimes" is not "onType" or "onSave"/.test(p)));
      assert.ok(problems.some((p) => /retryLint\.rules\["require-jitter"\]: "loud" is not "off", "warn" or "error"/.test(p)));
    });

    it('the store tells about an unknown rule once and drops it', async () => {
      const warnings: string[] = [];
      const connection = {
        workspace: { getConfiguration: () => Promise.resolve({ rules: { constructor: 'error', 'require-jitter': 'off' } }) },
        console: { warn: (text: string) => warnings.push(text) },
      };
      const store = new SettingsStore(connection as never);
      store.setPullSupported(true);
      const settings = await store.get('file:///ws/a.ts');
      await store.get('file:///ws/b.ts');
      assert.deepEqual({ ...settings.rules }, { 'require-jitter': 'off' });
      assert.deepEqual(warnings, ['retryLint.rules["constructor"]: there is no retry-lint rule of that name; it is ignored.']);
    });

    it('a settings request the client never answers times out and falls back to the defaults with a notice', async () => {
      const warnings: string[] = [];
      const connection = {
        workspace: { getConfiguration: () => new Promise<never>(() => undefined) },
        console: { warn: (text: string) => warnings.push(text) },
      };
      const store = new SettingsStore(connection as never, 50);
      store.setPullSupported(true);
      const started = Date.now();
      const settings = await store.get('file:///ws/a.ts');
      assert.ok(Date.now() - started < 2000);
      assert.deepEqual(settings, resolveSettings(undefined));
      assert.match(warnings[0] ?? '', /did not answer within 50 ms; using the defaults/);
    });
  });

  describe('retryLint.maxFileSize and the document language', () => {
    const small: RetryLintSettings = { ...DEFAULT_SETTINGS, maxFileSize: 50 };
    const fixable = 'let x = 1;\n'.repeat(20);

    it('fix-all and code actions do not lint a document over the limit', () => {
      // The analysis test seam only counts here: it runs the files it is given through no analysis.
      let analysed = 0;
      analysisTestSeam.analyze = () => {
        analysed++;
        return [];
      };
      try {
        fixAllAction(TextDocument.create('file:///ws/small.js', 'javascript', 1, RETRY), DEFAULT_SETTINGS);
        assert.equal(analysed, 1, 'fix-all lints a document under the limit');
        const doc = TextDocument.create('file:///ws/big.js', 'javascript', 1, `${fixable}${RETRY}`);
        assert.equal(fixAllAction(doc, small), undefined);
        assert.equal(analysed, 1, 'fix-all does not lint a document over the limit');
      } finally {
        analysisTestSeam.analyze = undefined;
      }
      const doc = TextDocument.create('file:///ws/big.js', 'javascript', 1, `${fixable}${RETRY}`);
      const context: ActionContext = { settings: small, workspaceFolders: ['/ws'], read: () => undefined };
      const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
      assert.deepEqual(codeActions(doc, { textDocument: { uri: doc.uri }, range, context: { diagnostics: [], only: ['source.fixAll.retryLint'] } }, context), []);
    });

    it('the helper request refuses a document over the limit, and one that is not JavaScript or TypeScript', () => {
      const context = (settings: RetryLintSettings): ActionContext => ({ settings, workspaceFolders: ['/ws'], read: () => undefined });
      const big = TextDocument.create('file:///ws/big.ts', 'typescript', 1, RETRY);
      assert.throws(() => helperRequestEdit(big, context(small)), (e) => e instanceof HelperRequestRefused && /over retryLint\.maxFileSize \(50\)/.test(e.message));
      const json = TextDocument.create('file:///ws/package.json', 'json', 1, '{ "name": "x" }');
      assert.throws(() => helperRequestEdit(json, context(DEFAULT_SETTINGS)), (e) => e instanceof HelperRequestRefused && /not json/.test(e.message));
    });
  });

  describe('requests on a linted document: no second parse or analysis, and cancellation', () => {
    const RETRIES = Array.from({ length: 30 }, (_, i) => RETRY.replace('poll', `poll${i}`)).join('');

    it('code actions, fix-all and the helper request reuse the parse and retry analysis of the lint behind the findings', () => {
      const root = workspace({ 'package.json': '{}' });
      const file = path.join(root, 'reuse.js');
      const doc = TextDocument.create(pathToFileURL(file).href, 'javascript', 1, RETRIES);
      let analysed = 0;
      analysisTestSeam.construct = () => {
        analysed++;
      };
      try {
        const outcome = lintBundled({ filePath: file, text: RETRIES }, DEFAULT_SETTINGS);
        assert.ok(outcome.messages.length >= 30, JSON.stringify(outcome.messages.slice(0, 2)));
        const afterLint = analysed;
        assert.ok(afterLint > 0);
        const context: ActionContext = { settings: DEFAULT_SETTINGS, workspaceFolders: [root], read: () => undefined };
        const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
        assert.equal(fixAllAction(doc, DEFAULT_SETTINGS), undefined, 'the bundled rules have no autofix, and the lint said so');
        codeActions(doc, { textDocument: { uri: doc.uri }, range, context: { diagnostics: [], only: ['source.fixAll.retryLint'] } }, context);
        assert.ok(helperRequestEdit(doc, context), 'the helper request still answers');
        assert.equal(sourceCodeOf({ filePath: file, text: RETRIES }), sourceCodeOf({ filePath: file, text: RETRIES }));
        assert.equal(analysed, afterLint, 'no request analysed the file again');
        // Another text is parsed afresh, not answered from the old parse.
        const edited = `${RETRIES}// edit\n`;
        assert.notEqual(sourceCodeOf({ filePath: file, text: edited }), sourceCodeOf({ filePath: file, text: RETRIES }));
        assert.equal(sourceCodeOf({ filePath: file, text: edited })?.text, edited);
      } finally {
        analysisTestSeam.construct = undefined;
      }
    });

    it('a cancelled code action or helper request stops and answers nothing', () => {
      const root = workspace({ 'package.json': '{}' });
      const file = path.join(root, 'cancel.js');
      const doc = TextDocument.create(pathToFileURL(file).href, 'javascript', 1, RETRIES);
      const context: ActionContext = { settings: DEFAULT_SETTINGS, workspaceFolders: [root], read: () => undefined };
      assert.ok(helperRequestEdit(doc, context), 'not cancelled: an edit');
      assert.equal(helperRequestEdit(doc, { ...context, cancelled: () => true }), undefined);
      const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
      let asked = 0;
      const actions = codeActions(doc, { textDocument: { uri: doc.uri }, range, context: { diagnostics: [], only: ['source.fixAll.retryLint'] } }, {
        ...context,
        cancelled: () => {
          asked++;
          return true;
        },
      });
      assert.deepEqual(actions, []);
      assert.ok(asked > 0, 'the token is read');
    });
  });
});
