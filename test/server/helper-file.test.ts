import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { diskReader, importEdit, isOurHelper, placeHelper, helperSources, toCommonJs } from '../../extension/src/server/helper-file';
import { sourceCodeOf } from '../../extension/src/server/linting';
import { DEFAULT_SETTINGS } from '../../extension/src/shared/settings';
import { parses } from './expected';

const made: string[] = [];
after(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

function workspace(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'retry-lint-helper-'));
  made.push(dir);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/** The document text after importing `retryWithBackoff` from the placed helper. */
function withImport(root: string, name: string, text: string): { output: string; specifier: string; helper: string; create: boolean } {
  const file = path.join(root, name);
  const doc = TextDocument.create(pathToFileURL(file).href, 'typescript', 1, text);
  const program = sourceCodeOf({ filePath: file, text })?.ast;
  assert.ok(program);
  const placement = placeHelper(file, program as never, DEFAULT_SETTINGS, [root], diskReader(() => undefined));
  assert.ok(placement);
  const edit = importEdit(doc, program as never, placement, ['retryWithBackoff']);
  return { output: edit ? TextDocument.applyEdits(doc, [edit]) : text, specifier: placement.specifier, helper: path.relative(root, placement.fsPath), create: placement.create };
}

describe('server helper file', () => {
  before(function () {
    if (!helperSources()) this.skip(); // snippets/retry-with-backoff.{ts,js} not built yet (npm run build:helper)
  });

  it('puts the helper in src/lib for a file under src/ and imports it without a suffix under bundler resolution', () => {
    const root = workspace({ 'package.json': '{}', 'tsconfig.json': '{ "compilerOptions": { "moduleResolution": "bundler" } }', 'src/api/x.ts': '' });
    const r = withImport(root, 'src/api/x.ts', "import { a } from './a';\n\nexport const b = a;\n");
    assert.equal(r.helper, path.join('src', 'lib', 'retry-with-backoff.ts'));
    assert.equal(r.output, "import { a } from './a';\nimport { retryWithBackoff } from '../lib/retry-with-backoff';\n\nexport const b = a;\n");
  });

  it('adds the .js suffix under moduleResolution nodenext (tsconfig with comments)', () => {
    const root = workspace({ 'package.json': '{}', 'tsconfig.json': '{\n  // strict\n  "compilerOptions": { "module": "NodeNext", "moduleResolution": "NodeNext", },\n}', 'src/x.ts': '' });
    assert.equal(withImport(root, 'src/x.ts', 'export {};\n').specifier, './lib/retry-with-backoff.js');
  });

  it('writes a CommonJS twin and a require for a CommonJS JavaScript file', () => {
    const root = workspace({ 'package.json': '{}', 'index.js': '' });
    const r = withImport(root, 'index.js', "'use strict';\nconst http = require('node:http');\nmodule.exports = {};\n");
    assert.equal(r.helper, 'retry-with-backoff.js');
    assert.equal(r.output, "'use strict';\nconst http = require('node:http');\nconst { retryWithBackoff } = require('./retry-with-backoff');\nmodule.exports = {};\n");
    const cjs = toCommonJs(helperSources()!.js);
    assert.match(cjs, /module\.exports = \{[^}]*retryWithBackoff[^}]*backoffDelay/);
    assert.doesNotMatch(cjs, /^export /m);
    assert.equal(parses(cjs, 'x.cjs'), undefined);
  });

  it('imports with the .js suffix in a package of type module', () => {
    const root = workspace({ 'package.json': '{ "type": "module" }', 'lib/x.js': '' });
    const r = withImport(root, 'lib/x.js', "import fs from 'node:fs';\nexport const a = fs;\n");
    assert.equal(r.helper, path.join('lib', 'retry-with-backoff.js'));
    assert.equal(r.specifier, './retry-with-backoff.js');
  });

  it('merges into an existing import of the helper and adds nothing when the name is there', () => {
    const root = workspace({ 'package.json': '{}', 'src/x.ts': '' });
    const r = withImport(root, 'src/x.ts', "import { backoffDelay } from './lib/retry-with-backoff';\n");
    assert.equal(r.output, "import { backoffDelay, retryWithBackoff } from './lib/retry-with-backoff';\n");
    assert.equal(withImport(root, 'src/x.ts', r.output).output, r.output);
  });

  it('reuses a helper already on disk and moves aside from an unrelated file of the same name', () => {
    const sources = helperSources()!;
    const ours = workspace({ 'package.json': '{}', 'src/x.ts': '', 'src/lib/retry-with-backoff.ts': sources.ts });
    const r1 = withImport(ours, 'src/x.ts', '');
    assert.equal(r1.create, false);
    assert.equal(r1.helper, path.join('src', 'lib', 'retry-with-backoff.ts'));
    const taken = workspace({ 'package.json': '{}', 'src/x.ts': '', 'src/lib/retry-with-backoff.ts': 'export const other = 1;\n' });
    const r2 = withImport(taken, 'src/x.ts', '');
    assert.equal(r2.create, true);
    assert.equal(r2.helper, path.join('src', 'lib', 'retry-with-backoff-2.ts'));
    assert.equal(isOurHelper('export const other = 1;\n', sources), false);
  });

  it('honours retryLint.helper.path, with the extension of the document', () => {
    const root = workspace({ 'package.json': '{}', 'src/x.js': '' });
    const file = path.join(root, 'src/x.js');
    const placement = placeHelper(file, undefined, { helper: { path: 'shared/retry.ts' } }, [root], diskReader(() => undefined));
    assert.equal(path.relative(root, placement!.fsPath), path.join('shared', 'retry.js'));
    assert.equal(placement!.specifier, '../shared/retry');
  });
});
