// The file index (analysis/file-index.ts): read from ESLint's own traversal of a file inside a lint,
// walked otherwise; both give the same lists. And the modules a file names, which rule out the
// library analysis of a file that names none of the adapters' packages.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tsParser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { fileIndex, noteTraversed, type FileIndex } from '../../eslint-plugin/src/analysis/file-index';
import { findAll, unwrap } from '../../eslint-plugin/src/analysis/ast';
import { startFileMemos } from '../../eslint-plugin/src/analysis/memo';
import { T } from '../../eslint-plugin/src/analysis/node-types';
import type { Node } from '../../eslint-plugin/src/analysis/types';

const FIXTURES = join(__dirname, '..', 'fixtures', 'analysis');

/** The `SourceCode` of `code` after a parse-only lint (ESLint 9 has traversed it and cached the steps). */
function linted(code: string, filename = 'input.ts'): TSESLint.SourceCode {
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(code, [{ files: ['**/*.{ts,tsx,js}'], languageOptions: { parser: tsParser as Linter.Parser, parserOptions: { ecmaFeatures: { jsx: filename.endsWith('x') } } } }], { filename });
  assert.deepEqual(messages.filter((m) => m.fatal), [], `${filename} parses`);
  return linter.getSourceCode() as unknown as TSESLint.SourceCode;
}

/** The index of a file built one way: from ESLint's traversal steps (`inLint`) or by a walk. */
function indexOf(sourceCode: TSESLint.SourceCode, inLint: boolean): FileIndex {
  startFileMemos();
  noteTraversed(inLint ? sourceCode : undefined);
  try {
    return fileIndex(sourceCode);
  } finally {
    noteTraversed(undefined);
  }
}

describe('file index', () => {
  it('reads the same lists from ESLint\'s traversal as from its own walk, on every analysis fixture', function () {
    this.timeout(120_000);
    const files = readdirSync(FIXTURES).filter((f) => /\.(ts|tsx|js)$/.test(f));
    assert.ok(files.length > 100);
    for (const f of files) {
      const sourceCode = linted(readFileSync(join(FIXTURES, f), 'utf8'), f);
      const walked = indexOf(sourceCode, false);
      const traversed = indexOf(sourceCode, true);
      assert.notEqual(walked, traversed);
      for (const key of Object.keys(walked) as (keyof FileIndex)[]) {
        const a = walked[key];
        const b = traversed[key];
        if (a instanceof Set) assert.deepEqual([...a], [...(b as Set<string>)], `${f}: ${key}`);
        else if (Array.isArray(a)) assert.ok(a.length === (b as unknown[]).length && a.every((n, i) => n === (b as unknown[])[i]), `${f}: ${key}`);
        else assert.equal(a, b, `${f}: ${key}`);
      }
    }
  });

  it('lists the handler candidates, writes, members of this, branch points and comparisons a walk of the file finds, in its order', function () {
    this.timeout(120_000);
    const kinds: Array<[keyof FileIndex, (n: Node) => boolean]> = [
      ['handlerCandidates', (n) => (n.type === T.TryStatement && !!n.handler) || n.type === T.IfStatement || n.type === T.AssignmentExpression || n.type === T.CallExpression],
      ['writes', (n) => n.type === T.UpdateExpression || n.type === T.AssignmentExpression],
      ['thisMembers', (n) => n.type === T.MemberExpression && !n.computed && unwrap(n.object).type === T.ThisExpression],
      ['branchPoints', (n) => n.type === T.IfStatement || n.type === T.SwitchStatement || n.type === T.TryStatement || n.type === T.NewExpression || (n.type === T.ContinueStatement && !!n.label)],
      ['equalities', (n) => n.type === T.BinaryExpression && ['===', '==', '!==', '!='].includes(n.operator)],
    ];
    for (const f of readdirSync(FIXTURES).filter((x) => /\.(ts|tsx|js)$/.test(x))) {
      const sourceCode = linted(readFileSync(join(FIXTURES, f), 'utf8'), f);
      const index = indexOf(sourceCode, true);
      for (const [key, pred] of kinds) {
        const walked = findAll(sourceCode.ast as Node, sourceCode.visitorKeys, (n): n is Node => pred(n));
        const listed = index[key] as Node[];
        assert.ok(walked.length === listed.length && walked.every((n, i) => n === listed[i]), `${f}: ${key}`);
      }
    }
  });

  it('walks the tree when the file was not traversed in this lint (a SourceCode asked about outside its rules)', () => {
    const sourceCode = linted('for (let i = 0; i < 3; i++) { f(i); }\nwhile (x) { x--; }\n');
    const index = indexOf(sourceCode, false);
    assert.deepEqual(index.loopsAndCalls.map((n) => n.type), ['ForStatement', 'CallExpression']);
  });

  it('collects the modules a file names by a string literal: import, export … from, import = require, require(), import()', () => {
    const sourceCode = linted(`import a from 'pkg-a';
import type { B } from 'pkg-b';
export { c } from 'pkg-c';
export * from 'pkg-d';
import e = require('pkg-e');
const f = require('pkg-f');
const g = require(name);
async function h() { await import('pkg-h'); await import(other); }
export const local = 1;
`);
    assert.deepEqual([...indexOf(sourceCode, true).modules].sort(), ['pkg-a', 'pkg-b', 'pkg-c', 'pkg-d', 'pkg-e', 'pkg-f', 'pkg-h']);
  });
});
