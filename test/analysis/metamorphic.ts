// Metamorphic transforms for the retry-site analysis: rewrites of a program that keep its meaning
// (rename the bindings it declares, move its numbers into constants, swap a function declaration
// for a function expression). A finding that appears or disappears under one of them depends on a
// spelling, not on what the code does. Each transform is a pure function code → code plus a map
// from the new line numbers to the old ones.
//
// As a module: `TRANSFORMS`, `lintFindings`, `compareUnder` (used by metamorphic.test.ts). As a command:
//   node --import tsx test/analysis/metamorphic.ts [DIR…]   (`npm run metamorphic`)
// prints, per transform, the findings lost and gained in each file and a tally.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';
import { parse } from '@typescript-eslint/typescript-estree';
import { analyze } from '@typescript-eslint/scope-manager';
import { Linter } from 'eslint';
import { config } from './score-cases';

/** The result of a transform: the new text and, for each new line number, the line it came from. */
export interface Transformed {
  code: string;
  /** New (1-based) line → original line. */
  originalLine: (line: number) => number;
}

/** A meaning-preserving rewrite. */
export interface Transform {
  name: string;
  description: string;
  apply: (code: string, file: string) => Transformed;
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- the walk reads ESTree nodes of every type */
type Node = any;

function parseFile(code: string, file: string): Node {
  const ext = extname(file);
  return parse(code, { range: true, loc: true, jsx: /x$/.test(ext) || ext === '.js' || ext === '.mjs' || ext === '.cjs', comment: false });
}

/** Every node with its parent. */
function parentsOf(ast: Node): Map<Node, Node> {
  const parents = new Map<Node, Node>();
  (function walk(n: Node, p: Node): void {
    if (!n || typeof n.type !== 'string') return;
    parents.set(n, p);
    for (const key of Object.keys(n)) {
      if (key === 'parent') continue;
      const v = n[key];
      if (Array.isArray(v)) for (const c of v) { if (c && typeof c.type === 'string') walk(c, n); }
      else if (v && typeof v.type === 'string') walk(v, n);
    }
  })(ast, null);
  return parents;
}

function applyEdits(code: string, edits: Edit[]): string {
  const seen = new Set<number>();
  let out = code;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) {
    if (seen.has(e.start)) continue;
    seen.add(e.start);
    out = out.slice(0, e.start) + e.text + out.slice(e.end);
  }
  return out;
}

const sameLines = (line: number): number => line;

/**
 * (a) Renames every binding the file declares (variables, parameters, functions, classes, catch
 * parameters; not imports, not types, not enums or their members, which are read as properties:
 * `Verb.Post`) to a neutral name `q1`, `q2`, …. Shorthand properties keep
 * their key (`{ delay }` → `{ delay: q3 }`) and exports their exported name, so the program means
 * the same. `keep(name)` leaves a binding as it is.
 */
export function renameLocals(code: string, file: string, keep: (name: string) => boolean = () => false): Transformed {
  const ast = parseFile(code, file);
  const sm = analyze(ast, { sourceType: 'module' } as any);
  const parents = parentsOf(ast);
  const edits: Edit[] = [];
  let k = 0;
  const freshFor = new Map<Node, string>();
  const renamed = new Set<Node>();
  for (const scope of sm.scopes) {
    for (const v of scope.variables) {
      if (!v.defs.length) continue;
      if (v.defs.some((d: any) => d.type === 'ImportBinding' || d.type === 'ImplicitGlobalVariable' || d.type === 'Type' || d.type === 'TSEnumName' || d.type === 'TSEnumMemberName' || d.type === 'TSModuleName')) continue;
      if (v.name === 'arguments' || keep(v.name)) continue;
      // `constructor(private http: HttpClient)` also declares the member `this.http`: its name is API.
      if (v.defs.some((d: any) => parents.get(d.name)?.type === 'TSParameterProperty' || (parents.get(d.name)?.type === 'AssignmentPattern' && parents.get(parents.get(d.name))?.type === 'TSParameterProperty'))) continue;
      // A class declaration binds its name twice (outside, and in the class's own scope for its
      // methods) on one identifier: both get the same new name.
      const fresh = v.identifiers.map((id: Node) => freshFor.get(id)).find((x: string | undefined) => x !== undefined) ?? `q${++k}`;
      for (const id of v.identifiers) freshFor.set(id, fresh);
      const ids = new Set<Node>([...v.identifiers, ...v.references.map((r: any) => r.identifier)].filter((id) => !renamed.has(id)));
      for (const id of ids) renamed.add(id);
      for (const id of ids) {
        if (id.type !== 'Identifier') continue;
        const p = parents.get(id);
        if (p?.type === 'Property' && p.shorthand && p.value === id) { edits.push({ start: id.range[0], end: id.range[1], text: `${id.name}: ${fresh}` }); continue; }
        if (p?.type === 'AssignmentPattern' && parents.get(p)?.type === 'Property' && parents.get(p).shorthand && p.left === id) {
          edits.push({ start: id.range[0], end: id.range[0] + id.name.length, text: `${id.name}: ${fresh}` });
          continue;
        }
        // `export { a }` keeps its exported name (`export { q1 as a }`); `export { a as b }` renames only `a`.
        if (p?.type === 'ExportSpecifier' && p.local === id && (p.exported === id || p.exported.range[0] === id.range[0])) { edits.push({ start: id.range[0], end: id.range[1], text: `${fresh} as ${id.name}` }); continue; }
        edits.push({ start: id.range[0], end: id.range[0] + id.name.length, text: fresh });
      }
    }
  }
  return { code: applyEdits(code, edits), originalLine: sameLines };
}

/** Whether a numeric literal is a value (not a key, a type, an index or an enum member). */
function isValueLiteral(n: Node, parents: Map<Node, Node>): boolean {
  const p = parents.get(n);
  if (!p) return false;
  if ((p.type === 'Property' || p.type === 'PropertyDefinition' || p.type === 'MethodDefinition' || p.type === 'TSPropertySignature' || p.type === 'AccessorProperty') && p.key === n) return false;
  if (p.type === 'MemberExpression' && p.property === n) return false;
  if (p.type === 'TSEnumMember') return false;
  if (p.type === 'TSLiteralType') return false;
  if (p.type === 'UnaryExpression' && p.operator === '-' && parents.get(p)?.type === 'TSLiteralType') return false;
  // Inside a type (`Array<1>`, a declared type's defaults): not a value.
  for (let a = p; a; a = parents.get(a)) if (typeof a.type === 'string' && a.type.startsWith('TS') && !/^TS(AsExpression|SatisfiesExpression|NonNullExpression|TypeAssertion|InstantiationExpression)$/.test(a.type)) return false;
  return true;
}

/**
 * (b) Moves every numeric literal used as a value into a module-level `const` declared on an added
 * first line (`const c1 = 429, c2 = 1000;`), after a `#!` line if there is one. Line numbers move
 * by one below the added line.
 */
export function hoistLiterals(code: string, file: string): Transformed {
  const ast = parseFile(code, file);
  const parents = parentsOf(ast);
  const edits: Edit[] = [];
  const decls: string[] = [];
  for (const n of parents.keys()) {
    if (n.type !== 'Literal' || typeof n.value !== 'number' || !isValueLiteral(n, parents)) continue;
    const name = `c${decls.length + 1}`;
    decls.push(`${name} = ${n.raw}`);
    edits.push({ start: n.range[0], end: n.range[1], text: name });
  }
  if (decls.length === 0) return { code, originalLine: sameLines };
  const body = applyEdits(code, edits);
  const shebang = body.startsWith('#!') ? body.indexOf('\n') + 1 : 0;
  if (shebang < 0) return { code, originalLine: sameLines };
  const at = shebang === 0 ? 0 : 2;
  return {
    code: `${body.slice(0, shebang)}const ${decls.join(', ')};\n${body.slice(shebang)}`,
    originalLine: (line) => (at === 0 ? (line <= 1 ? 1 : line - 1) : line <= 1 ? 1 : line === 2 ? 1 : line - 1),
  };
}

/** Whether a function's own body (not nested functions) uses `this`, `arguments`, `super` or `new.target`. */
function usesOwnThis(fn: Node): boolean {
  let found = false;
  (function walk(n: Node): void {
    if (found || !n || typeof n.type !== 'string') return;
    if (n.type === 'ThisExpression' || n.type === 'Super' || (n.type === 'Identifier' && n.name === 'arguments') || n.type === 'MetaProperty') { found = true; return; }
    if (n !== fn && (n.type === 'FunctionDeclaration' || n.type === 'FunctionExpression')) return;
    for (const key of Object.keys(n)) {
      if (key === 'parent') continue;
      const v = n[key];
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v.type === 'string') walk(v);
    }
  })(fn);
  return found;
}

/**
 * (c) Swaps the two ways of writing a named function: `function f(…) {…}` becomes
 * `const f = (…) => {…}` (when its body uses no `this`/`arguments`; otherwise
 * `const f = function (…) {…}`), and `const f = (…) => {…}` / `const f = function (…) {…}`
 * becomes `function f(…) {…}` (when the arrow's body is a block). Generators, overloads and
 * declarations without a body are left alone. Lines do not move.
 */
export function swapFunctionForms(code: string, file: string): Transformed {
  const ast = parseFile(code, file);
  const parents = parentsOf(ast);
  const edits: Edit[] = [];
  // Names with TypeScript overload signatures (`function f(a: string): R;` before the implementation):
  // a `const` cannot carry overloads, so those declarations stay as they are.
  const overloaded = new Set<string>();
  for (const n of parents.keys()) if (n.type === 'TSDeclareFunction' && n.id) overloaded.add(n.id.name);
  for (const n of parents.keys()) {
    if (n.type === 'FunctionDeclaration' && n.id && n.body && !n.generator && !n.declare) {
      const p = parents.get(n);
      if (p?.type === 'ExportDefaultDeclaration' || overloaded.has(n.id.name)) continue;
      const asyncKw = n.async ? 'async ' : '';
      const head = code.slice(n.id.range[1], n.body.range[0]); // type parameters, params, return type
      // `<T>(…) =>` reads as JSX in a .tsx file: a generic function there becomes a function expression.
      if (usesOwnThis(n) || (n.typeParameters && /x$/.test(extname(file)))) edits.push({ start: n.range[0], end: n.body.range[0], text: `const ${n.id.name} = ${asyncKw}function ${head}` });
      else {
        // `(a, b): T ` → `(a, b): T => `
        edits.push({ start: n.range[0], end: n.body.range[0], text: `const ${n.id.name} = ${asyncKw}${head.trimEnd()} => ` });
      }
      edits.push({ start: n.range[1], end: n.range[1], text: ';' });
    } else if (n.type === 'VariableDeclaration' && n.kind === 'const' && n.declarations.length === 1 && !n.declare) {
      const d = n.declarations[0];
      const f = d.init;
      if (d.id.type !== 'Identifier' || d.id.typeAnnotation || !f) continue;
      if (!(f.type === 'ArrowFunctionExpression' || (f.type === 'FunctionExpression' && !f.id && !f.generator))) continue;
      if (f.body.type !== 'BlockStatement' || usesOwnThis(f)) continue;
      const after = f.params[0] ?? f.returnType ?? f.body;
      const paramsStart = code.lastIndexOf('(', after.range[0]);
      if (paramsStart < f.range[0]) continue; // `x => {…}` without parentheses: leave it
      let head = code.slice(f.typeParameters ? f.typeParameters.range[0] : paramsStart, f.body.range[0]);
      if (f.type === 'ArrowFunctionExpression') head = head.replace(/=>\s*$/, '');
      edits.push({ start: n.range[0], end: f.body.range[0], text: `${f.async ? 'async ' : ''}function ${d.id.name}${head.trimEnd()} ` });
      if (code[n.range[1] - 1] === ';') edits.push({ start: n.range[1] - 1, end: n.range[1], text: '' });
    }
  }
  return { code: applyEdits(code, edits), originalLine: sameLines };
}
/* eslint-enable @typescript-eslint/no-explicit-any */

/**
 * (d) Blanks every line comment (`// …`), the case labels included, keeping lines and columns: the
 * analysis reads code, never its comments. Block comments stay (a JSDoc type or a directive may
 * carry meaning).
 */
export function stripLineComments(code: string, file: string): Transformed {
  const ext = extname(file);
  const ast = parse(code, { range: true, loc: true, jsx: /x$/.test(ext) || ext === '.js' || ext === '.mjs' || ext === '.cjs', comment: true }) as Node;
  const edits: Edit[] = (ast.comments as Node[]).filter((c) => c.type === 'Line').map((c) => ({ start: c.range[0], end: c.range[1], text: ' '.repeat(c.range[1] - c.range[0]) }));
  return { code: applyEdits(code, edits), originalLine: sameLines };
}

/** The transforms the metamorphic test runs. */
export const TRANSFORMS: readonly Transform[] = [
  { name: 'rename', description: 'rename every declared binding to q1, q2, …', apply: (c, f) => renameLocals(c, f) },
  { name: 'hoist-literals', description: 'move every numeric value into a module-level const', apply: hoistLiterals },
  { name: 'function-forms', description: 'function declaration ↔ const arrow / function expression', apply: swapFunctionForms },
  { name: 'no-comments', description: 'blank every line comment, the labels included', apply: stripLineComments },
];

const linter = new Linter({ configType: 'flat' });

/** The plugin's findings on `code` as `rule@line` (a parse error or a thrown rule as `FATAL …`). */
export function lintFindings(code: string, file: string, originalLine: (line: number) => number = sameLines): string[] {
  return linter
    .verify(code, config, { filename: `x${extname(file)}` })
    .filter((m) => m.ruleId?.startsWith('retry/') || m.fatal)
    .map((m) => (m.fatal ? `FATAL ${m.message}` : `${m.ruleId!.slice('retry/'.length)}@${originalLine(m.line)}`));
}

/** What a transform changed in one file's findings. */
export interface Difference {
  lost: string[];
  gained: string[];
}

/** The findings of `code` before and after `t`, compared as multisets of `rule@line`. */
export function compareUnder(t: Transform, code: string, file: string, before: string[] = lintFindings(code, file)): Difference {
  const out = t.apply(code, file);
  const after = lintFindings(out.code, file, out.originalLine);
  const rest = [...after];
  const lost: string[] = [];
  for (const x of before) {
    const i = rest.indexOf(x);
    if (i >= 0) rest.splice(i, 1);
    else lost.push(x);
  }
  return { lost, gained: rest };
}

/** Sets written and scored blind this session (summary lines only); development sets from the next session (as in test/rewrite/edits.test.ts). */
export const BLIND = /^held-out-2[1-4]$/;

/** Every case file under `dir` (sub-folders included, blind sets left out); none when `dir` is absent (../shared outside this checkout). */
export function caseFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const p = join(dir, f);
      if (statSync(p).isDirectory()) return BLIND.test(f) ? [] : caseFiles(p);
      return /\.(m|c)?[jt]sx?$/.test(f) ? [p] : [];
    });
}

const ROOT = resolve(__dirname, '../..');
/** The folders the metamorphic test covers. */
export const METAMORPHIC_DIRS: readonly string[] = [resolve(ROOT, '../shared/cases'), join(ROOT, 'test/fixtures/analysis'), join(ROOT, 'test/fixtures/real-cases')];

if (process.argv[1]?.endsWith('metamorphic.ts')) {
  const dirs = process.argv.length > 2 ? process.argv.slice(2) : METAMORPHIC_DIRS;
  const only = process.env.TRANSFORM;
  const tally = new Map<string, { total: number; lost: number; gained: number; files: number }>();
  for (const t of TRANSFORMS) tally.set(t.name, { total: 0, lost: 0, gained: 0, files: 0 });
  for (const dir of dirs) {
    for (const f of caseFiles(dir)) {
      const code = readFileSync(f, 'utf8');
      const before = lintFindings(code, f);
      for (const t of TRANSFORMS) {
        if (only && t.name !== only) continue;
        const s = tally.get(t.name)!;
        s.total += before.length;
        let d: Difference;
        try {
          d = compareUnder(t, code, f, before);
        } catch (e) {
          console.log(`${t.name} ${relative(ROOT, f)}: transform failed: ${(e as Error).message}`);
          continue;
        }
        if (d.lost.length || d.gained.length) {
          s.files++;
          s.lost += d.lost.length;
          s.gained += d.gained.length;
          console.log(`${t.name} ${relative(ROOT, f)}: lost ${d.lost.join(' ')} | gained ${d.gained.join(' ')}`);
        }
      }
    }
  }
  for (const [name, s] of tally) if (!only || name === only) console.log(`${name}: findings ${s.total}, lost ${s.lost}, gained ${s.gained}, files changed ${s.files}`);
}
