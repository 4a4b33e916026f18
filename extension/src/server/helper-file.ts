// "Use the backoff helper": where the helper file goes (created or reused, never overwriting a file
// the server did not write), and the import that brings it into the document. The helper's text is
// bundled at build time (esbuild `define`); module tests read it from `snippets/`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TextEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { RetryLintSettings } from '../shared/settings';

declare const __RETRY_HELPER_TS__: string | null | undefined;
declare const __RETRY_HELPER_JS__: string | null | undefined;

/** The helper's TypeScript source and its JavaScript twin (ESM). */
export interface HelperSources {
  ts: string;
  js: string;
}

let sourcesCache: HelperSources | null | undefined;

/**
 * The bundled helper texts, or undefined when the build had none (the action is then not offered).
 * Outside the bundle (module tests), read from `snippets/` next to the repository root.
 */
export function helperSources(): HelperSources | undefined {
  if (sourcesCache !== undefined) return sourcesCache ?? undefined;
  if (typeof __RETRY_HELPER_TS__ !== 'undefined') {
    sourcesCache = typeof __RETRY_HELPER_TS__ === 'string' && typeof __RETRY_HELPER_JS__ === 'string' ? { ts: __RETRY_HELPER_TS__, js: __RETRY_HELPER_JS__ } : null;
  } else {
    try {
      const dir = path.resolve(__dirname, '../../../snippets');
      sourcesCache = {
        ts: fs.readFileSync(path.join(dir, 'retry-with-backoff.ts'), 'utf8'),
        js: fs.readFileSync(path.join(dir, 'retry-with-backoff.js'), 'utf8'),
      };
    } catch {
      sourcesCache = null;
    }
  }
  return sourcesCache ?? undefined;
}

/** For tests: use these texts instead of the bundled ones (undefined restores the default). */
export function setHelperSources(sources: HelperSources | undefined): void {
  sourcesCache = sources;
}

/** The names the helper exports that the rewrite uses. */
export type HelperName = 'retryWithBackoff' | 'backoffDelay';

/** How the document loads modules. */
export type ModuleStyle = 'esm' | 'cjs';

/** Everything about where the helper lives for one document. */
export interface HelperPlacement {
  /** Absolute path of the helper file. */
  fsPath: string;
  uri: string;
  /** The file must be created (with `text`); false when it is already there with the helper. */
  create: boolean;
  /** The text to write when `create`. */
  text: string;
  /** The import specifier, relative to the document. */
  specifier: string;
  style: ModuleStyle;
}

const HELPER_STEM = 'retry-with-backoff';
const TS_EXTENSIONS = new Set(['.ts', '.tsx', '.mts', '.cts']);

function readJson(file: string): Record<string, unknown> | undefined {
  try {
    const text = fs.readFileSync(file, 'utf8');
    // tsconfig files are JSONC: drop comments (outside strings) and trailing commas.
    const stripped = text.replace(/("(?:[^"\\]|\\.)*")|\/\/[^\n]*|\/\*[\s\S]*?\*\//g, (_m, str: string | undefined) => str ?? '').replace(/,(\s*[}\]])/g, '$1');
    const value: unknown = JSON.parse(stripped);
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Walks up from `dir` (to `stop` at most) for the first directory holding `name`. */
function findUp(dir: string, name: string, stop: string | undefined): string | undefined {
  let current = dir;
  for (;;) {
    const candidate = path.join(current, name);
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(current);
    if (parent === current || (stop && path.relative(stop, current) === '')) return undefined;
    current = parent;
  }
}

/** The package.json `type` of the file's package. */
function packageType(fileDir: string, stop: string | undefined): 'module' | 'commonjs' {
  const pkg = findUp(fileDir, 'package.json', stop);
  return pkg && readJson(pkg)?.['type'] === 'module' ? 'module' : 'commonjs';
}

/** The compiler options of the nearest tsconfig.json, following one level of relative `extends`. */
function compilerOptions(fileDir: string, stop: string | undefined): Record<string, unknown> | undefined {
  const file = findUp(fileDir, 'tsconfig.json', stop);
  if (!file) return undefined;
  const json = readJson(file);
  const own = (json?.['compilerOptions'] ?? {}) as Record<string, unknown>;
  const ext = json?.['extends'];
  if (typeof ext === 'string' && ext.startsWith('.')) {
    const base = readJson(path.resolve(path.dirname(file), ext.endsWith('.json') ? ext : `${ext}.json`));
    return { ...((base?.['compilerOptions'] ?? {}) as Record<string, unknown>), ...own };
  }
  return own;
}

/** Whether TypeScript imports need an explicit `.js` suffix (moduleResolution node16/nodenext, or Node ESM without tsconfig). */
export function tsNeedsJsSuffix(fileDir: string, stop: string | undefined): boolean {
  const options = compilerOptions(fileDir, stop);
  if (!options) return packageType(fileDir, stop) === 'module';
  const lower = (v: unknown): string => (typeof v === 'string' ? v.toLowerCase() : '');
  const resolution = lower(options['moduleResolution']);
  if (resolution) return resolution === 'node16' || resolution === 'nodenext';
  const module = lower(options['module']);
  return module === 'node16' || module === 'nodenext' || module === 'node18' || module === 'node20';
}

/** ESM or CommonJS, from the file's extension, its own imports/requires, then package.json `type`. */
export function moduleStyleOf(filePath: string, program: TSESTree.Program | undefined, stop: string | undefined): ModuleStyle {
  const ext = path.extname(filePath).toLowerCase();
  if (TS_EXTENSIONS.has(ext) && ext !== '.cts') return 'esm';
  if (ext === '.mjs' || ext === '.jsx') return 'esm';
  if (ext === '.cjs' || ext === '.cts') return ext === '.cts' ? 'esm' : 'cjs';
  if (program) {
    const esm = program.body.some((s) => s.type === T.ImportDeclaration || s.type === T.ExportNamedDeclaration || s.type === T.ExportDefaultDeclaration || s.type === T.ExportAllDeclaration);
    if (esm) return 'esm';
  }
  return packageType(path.dirname(filePath), stop) === 'module' ? 'esm' : 'cjs';
}

/** The helper turned into CommonJS (for `require`): `export` dropped, one `module.exports` added. */
export function toCommonJs(esm: string): string {
  const names: string[] = [];
  const body = esm.replace(/^export\s+(async\s+function\*?|function\*?|const|let|var|class)\s+([A-Za-z_$][\w$]*)/gm, (_m, kind: string, name: string) => {
    names.push(name);
    return `${kind} ${name}`;
  });
  const withoutLists = body.replace(/^export\s*\{([^}]*)\};?\s*$/gm, (_m, list: string) => {
    for (const part of list.split(',')) {
      const name = part.trim().split(/\s+as\s+/).pop();
      if (name) names.push(name);
    }
    return '';
  });
  return `'use strict';\n${withoutLists.replace(/^'use strict';\n/m, '').trimEnd()}\n\nmodule.exports = { ${names.join(', ')} };\n`;
}

/** Whether an existing file is a helper the action can import (its text, or one exporting both names). */
export function isOurHelper(text: string, sources: HelperSources): boolean {
  const norm = (s: string): string => s.replace(/\r\n/g, '\n').trim();
  const candidates = [sources.ts, sources.js, toCommonJs(sources.js)].map(norm);
  if (candidates.includes(norm(text))) return true;
  const exports = (name: string): boolean =>
    new RegExp(`export\\s+(async\\s+)?function\\s+${name}\\b`).test(text) || new RegExp(`(module\\.)?exports\\s*(\\.${name}\\s*=|=\\s*\\{[^}]*\\b${name}\\b)`).test(text);
  return exports('retryWithBackoff') && exports('backoffDelay');
}

/**
 * The helper's file for a document: `retryLint.helper.path` (relative to the workspace folder)
 * when set, else `src/lib/` for a file under `src/`, `lib/` for a file under `lib/`, else the
 * file's own folder. The extension follows the document (`.ts` for TypeScript; `.js`, `.mjs` or
 * `.cjs` for JavaScript, so the module format matches).
 */
export function defaultHelperPath(filePath: string, root: string, settings: Pick<RetryLintSettings, 'helper'>, ext: string, folder: string = root): string {
  const configured = settings.helper.path;
  if (configured) {
    const absolute = confinedHelperPath(configured, root, folder);
    const stem = absolute.slice(0, absolute.length - path.extname(absolute).length);
    return `${stem}${ext}`;
  }
  const inside = (dir: string): boolean => {
    const rel = path.relative(dir, filePath);
    return !rel.startsWith('..') && !path.isAbsolute(rel);
  };
  const src = path.join(root, 'src');
  if (fs.existsSync(src) && inside(src)) return path.join(src, 'lib', `${HELPER_STEM}${ext}`);
  const lib = path.join(root, 'lib');
  if (fs.existsSync(lib) && inside(lib)) return path.join(lib, `${HELPER_STEM}${ext}`);
  return path.join(path.dirname(filePath), `${HELPER_STEM}${ext}`);
}

/** A `retryLint.helper.path` that would put the helper outside the workspace folder; the message says why. */
export class HelperPathError extends Error {
  override readonly name = 'HelperPathError';
}

/** Whether `target` is `dir` or inside it (lexically). */
function isInside(dir: string, target: string): boolean {
  const rel = path.relative(dir, target);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** The real path of `target`'s nearest existing ancestor (itself when it exists), with the rest appended. */
function realPathOfNearest(target: string): string {
  let current = target;
  const rest: string[] = [];
  for (;;) {
    try {
      return path.join(fs.realpathSync(current), ...rest);
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return target;
      rest.unshift(path.basename(current));
      current = parent;
    }
  }
}

/**
 * `retryLint.helper.path` resolved against `root`, refused unless it stays inside the workspace
 * `folder`: no absolute path, no `..` segment, and no symbolic link on the way that leads out.
 *
 * @throws {HelperPathError} When the path is refused.
 */
export function confinedHelperPath(configured: string, root: string, folder: string): string {
  const refuse = (why: string): never => {
    throw new HelperPathError(`retryLint.helper.path "${configured}" is refused: ${why}. Set it to a path inside the workspace folder (${folder}), such as src/lib/retry-with-backoff.ts.`);
  };
  if (path.isAbsolute(configured) || path.win32.isAbsolute(configured) || /^[a-z]:/i.test(configured)) refuse('it is an absolute path');
  if (configured.split(/[\\/]+/).includes('..')) refuse('it goes up with ".."');
  const absolute = path.resolve(root, configured);
  if (!isInside(folder, absolute)) refuse('it is outside the workspace folder');
  let realFolder = folder;
  try {
    realFolder = fs.realpathSync(folder);
  } catch {
    // A folder that does not exist: nothing can be written in it anyway.
  }
  if (!isInside(realFolder, realPathOfNearest(absolute))) refuse('a symbolic link on the way leads outside the workspace folder');
  return absolute;
}

/** The project root of a file: the nearest package.json folder inside the workspace folder, else the folder. */
export function projectRoot(filePath: string, workspaceFolders: readonly string[]): string {
  const folder = workspaceFolders
    .filter((f) => {
      const rel = path.relative(f, filePath);
      return !rel.startsWith('..') && !path.isAbsolute(rel);
    })
    .sort((a, b) => b.length - a.length)[0];
  const pkg = findUp(path.dirname(filePath), 'package.json', folder);
  if (pkg) return path.dirname(pkg);
  return folder ?? path.dirname(filePath);
}

/** Reads a file's current text: the open document's when open, else the disk's; undefined when absent. */
export type ReadText = (fsPath: string) => string | undefined;

export function diskReader(openText: (uri: string) => string | undefined): ReadText {
  return (fsPath) => {
    const open = openText(pathToFileURL(fsPath).href);
    if (open !== undefined) return open;
    try {
      return fs.statSync(fsPath).isFile() ? fs.readFileSync(fsPath, 'utf8') : '';
    } catch {
      return undefined;
    }
  };
}

/**
 * Where the helper goes for this document, and whether it must be created. An existing file at the
 * chosen path that is not our helper is never touched: the next free name (`retry-with-backoff-2.ts`, …)
 * is used instead. Undefined when the document is not a file or no helper text is bundled.
 *
 * @throws {HelperPathError} When `retryLint.helper.path` leads outside the workspace folder.
 */
export function placeHelper(
  filePath: string,
  program: TSESTree.Program | undefined,
  settings: Pick<RetryLintSettings, 'helper'>,
  workspaceFolders: readonly string[],
  read: ReadText,
): HelperPlacement | undefined {
  const sources = helperSources();
  if (!sources || !path.isAbsolute(filePath)) return undefined;
  const root = projectRoot(filePath, workspaceFolders);
  const fileDir = path.dirname(filePath);
  const fileExt = path.extname(filePath).toLowerCase();
  const isTs = TS_EXTENSIONS.has(fileExt);
  const style = moduleStyleOf(filePath, program, root);
  const pkgType = packageType(fileDir, root);
  let ext: string;
  let text: string;
  if (isTs) {
    ext = '.ts';
    text = sources.ts;
  } else if (style === 'esm') {
    ext = pkgType === 'module' || fileExt !== '.mjs' ? '.js' : '.mjs';
    text = sources.js;
  } else {
    ext = pkgType === 'module' ? '.cjs' : '.js';
    text = toCommonJs(sources.js);
  }
  const folder = workspaceFolders.filter((f) => isInside(f, filePath)).sort((a, b) => b.length - a.length)[0] ?? root;
  const wanted = defaultHelperPath(filePath, root, settings, ext, folder);
  const stem = wanted.slice(0, wanted.length - ext.length);
  for (let n = 1; n <= 9; n++) {
    const candidate = n === 1 ? wanted : `${stem}-${n}${ext}`;
    const existing = read(candidate);
    if (existing !== undefined && !isOurHelper(existing, sources)) continue;
    // Something at the path that cannot be read (a link to nothing): never written through.
    if (existing === undefined && fs.lstatSync(candidate, { throwIfNoEntry: false }) !== undefined) continue;
    return {
      fsPath: candidate,
      uri: pathToFileURL(candidate).href,
      create: existing === undefined,
      text,
      specifier: importSpecifier(filePath, candidate, isTs, style, pkgType, root),
      style,
    };
  }
  return undefined;
}

function importSpecifier(filePath: string, helperPath: string, isTs: boolean, style: ModuleStyle, pkgType: string, root: string): string {
  let rel = path.relative(path.dirname(filePath), helperPath).split(path.sep).join('/');
  if (!rel.startsWith('.')) rel = `./${rel}`;
  const ext = path.extname(rel);
  const bare = rel.slice(0, rel.length - ext.length);
  if (isTs) return tsNeedsJsSuffix(path.dirname(filePath), root) ? `${bare}.js` : bare;
  if (ext === '.mjs' || ext === '.cjs') return rel;
  if (style === 'esm' && (pkgType === 'module' || path.extname(filePath).toLowerCase() === '.mjs')) return rel;
  return bare;
}

/**
 * The edit importing `names` from the helper: merged into an existing import (or `require`) of the
 * same module, else a new line after the last top-level import/require. Undefined when all the
 * names are imported already.
 */
export function importEdit(doc: TextDocument, program: TSESTree.Program, placement: Pick<HelperPlacement, 'specifier' | 'style'>, names: readonly HelperName[]): TextEdit | undefined {
  const text = doc.getText();
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  const at = (offset: number) => doc.positionAt(offset + bom);
  const insertAfter = (node: TSESTree.Node, what: string): TextEdit => ({ range: { start: at(node.range[1]), end: at(node.range[1]) }, newText: what });
  const sameModule = (value: unknown): boolean => typeof value === 'string' && value === placement.specifier;

  if (placement.style === 'esm') {
    const imports = program.body.filter((s): s is TSESTree.ImportDeclaration => s.type === T.ImportDeclaration);
    for (const decl of imports) {
      if (!sameModule(decl.source.value) || decl.importKind === 'type') continue;
      const named = decl.specifiers.filter((s): s is TSESTree.ImportSpecifier => s.type === T.ImportSpecifier);
      if (decl.specifiers.some((s) => s.type === T.ImportNamespaceSpecifier)) return undefined;
      const have = new Set(named.map((s) => (s.imported.type === T.Identifier ? s.imported.name : String(s.imported.value))));
      const missing = names.filter((n) => !have.has(n));
      if (missing.length === 0) return undefined;
      const last = named[named.length - 1];
      if (last) return insertAfter(last, `, ${missing.join(', ')}`);
    }
    const quote = imports[0]?.source.raw.startsWith('"') ? '"' : "'";
    const semi = imports.length === 0 || text.slice(bom).slice(imports[imports.length - 1]!.range[0], imports[imports.length - 1]!.range[1]).trimEnd().endsWith(';') ? ';' : '';
    const line = `import { ${names.join(', ')} } from ${quote}${placement.specifier}${quote}${semi}`;
    const lastImport = imports[imports.length - 1];
    if (lastImport) return insertAfter(lastImport, `\n${line}`);
    return topInsert(doc, program, `${line}\n`);
  }

  // CommonJS: `const { a } = require('…')`.
  const requires: TSESTree.VariableDeclaration[] = [];
  for (const s of program.body) {
    if (s.type !== T.VariableDeclaration) continue;
    const init = s.declarations[0]?.init;
    if (s.declarations.length === 1 && init?.type === T.CallExpression && init.callee.type === T.Identifier && init.callee.name === 'require') requires.push(s);
  }
  for (const decl of requires) {
    const d = decl.declarations[0];
    const call = d.init as TSESTree.CallExpression;
    const arg = call.arguments[0];
    if (!arg || arg.type !== T.Literal || !sameModule(arg.value)) continue;
    if (d.id.type !== T.ObjectPattern) continue;
    const have = new Set(d.id.properties.map((p) => (p.type === T.Property && p.key.type === T.Identifier ? p.key.name : '')));
    const missing = names.filter((n) => !have.has(n));
    if (missing.length === 0) return undefined;
    const last = d.id.properties[d.id.properties.length - 1];
    if (last) return insertAfter(last, `, ${missing.join(', ')}`);
  }
  const firstRequireArg = requires[0]?.declarations[0]?.init as TSESTree.CallExpression | undefined;
  const firstArg = firstRequireArg?.arguments[0];
  const quote = firstArg?.type === T.Literal && firstArg.raw.startsWith('"') ? '"' : "'";
  const line = `const { ${names.join(', ')} } = require(${quote}${placement.specifier}${quote});`;
  const lastRequire = requires[requires.length - 1];
  if (lastRequire) return insertAfter(lastRequire, `\n${line}`);
  return topInsert(doc, program, `${line}\n`);
}

/** Inserts at the start of the first statement's line, after a shebang and directive prologue. */
function topInsert(doc: TextDocument, program: TSESTree.Program, line: string): TextEdit {
  const first = program.body.find((s) => !(s.type === T.ExpressionStatement && 'directive' in s && typeof s.directive === 'string'));
  if (!first) {
    const end = doc.positionAt(doc.getText().length);
    const needsBreak = end.character > 0 ? '\n' : '';
    return { range: { start: end, end }, newText: `${needsBreak}${line}` };
  }
  const bom = doc.getText().startsWith('\uFEFF') ? 1 : 0;
  const pos = doc.positionAt(first.range[0] + bom);
  const start = { line: pos.line, character: 0 };
  return { range: { start, end: start }, newText: line };
}
