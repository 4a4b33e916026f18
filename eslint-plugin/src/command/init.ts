// `retry-lint --init`: adds the plugin's recommended config to the project's ESLint config. It
// writes only what it can write safely (a new config file, a JSON config, or a flat config of a
// common shape, checked by loading it afterwards and put back if that fails); otherwise it prints
// what to add. It never overwrites a file it has not understood.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { applyEdits, modify } from 'jsonc-parser';
import type { CliIo } from '../cli';
import type { ResolvedEslint } from './engine';

/** Flat config file names, in ESLint's order of lookup. */
const FLAT_FILES = ['eslint.config.js', 'eslint.config.mjs', 'eslint.config.cjs', 'eslint.config.ts', 'eslint.config.mts', 'eslint.config.cts'];
/** eslintrc file names, in ESLint 8's order of precedence. */
const LEGACY_FILES = ['.eslintrc.js', '.eslintrc.cjs', '.eslintrc.yaml', '.eslintrc.yml', '.eslintrc.json', '.eslintrc'];

const PACKAGE = 'eslint-plugin-retry';

const FLAT_SNIPPET = (esm: boolean): string =>
  esm
    ? `import retry from '${PACKAGE}';\n\nexport default [\n  // …your other configs\n  retry.configs.recommended,\n];`
    : `const retry = require('${PACKAGE}');\n\nmodule.exports = [\n  // …your other configs\n  retry.configs.recommended,\n];`;
/**
 * The flat config `--init` creates where there is none: the config `retry-lint` uses with no
 * config (the recommended rules, JSX and TypeScript parsed, dependencies, build output and vendored
 * code ignored), and, where the project has a `.gitignore`, its patterns (as `retry-lint` reads
 * them with no config), so that `eslint` lints what `retry-lint` did.
 */
const NEW_FLAT_CONFIG = (gitignore: boolean): string =>
  gitignore
    ? `// Created by \`retry-lint --init\`: the recommended retry rules on JavaScript and TypeScript files,
// parsed as retry-lint parses them with no config (JSX, TypeScript, CommonJS), without dependencies,
// build output, vendored code and what .gitignore leaves out. Add your other configs to the array.
import { fileURLToPath } from 'node:url';
import { includeIgnoreFile } from '${PACKAGE}/ignore-file';
import retryLintDefaults from '${PACKAGE}/retry-lint.config';

export default [
  includeIgnoreFile(fileURLToPath(new URL('.gitignore', import.meta.url))),
  ...retryLintDefaults,
];
`
    : `// Created by \`retry-lint --init\`: the recommended retry rules on JavaScript and TypeScript files,
// parsed as retry-lint parses them with no config (JSX, TypeScript, CommonJS), without dependencies,
// build output and vendored code. Add your other configs to the array.
import retryLintDefaults from '${PACKAGE}/retry-lint.config';

export default [
  ...retryLintDefaults,
];
`;

/** A failure of `--init` to do its work (a file it cannot write); the command reports it and exits 2. */
export class InitError extends Error {}

/** Writes `text` to `file`, or fails with an {@link InitError} that names the file and the reason. */
function write(file: string, text: string): void {
  try {
    writeFileSync(file, text);
  } catch (error) {
    throw new InitError(`cannot write ${path.basename(file)}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

const LEGACY_SNIPPET = `{\n  "plugins": ["retry"],\n  "extends": ["plugin:retry/recommended-legacy"]\n}`;

/**
 * Adds the plugin to the ESLint config in `io.cwd` (flat or eslintrc), or creates one.
 *
 * @returns 0 when it did what was asked: the config has the plugin (added or already there), or it
 *   printed what to add by hand where it could not edit the config safely.
 * @throws {InitError} When a file cannot be written (the command exits 2 with the message).
 */
export async function runInit(eslint: ResolvedEslint, io: CliIo): Promise<number> {
  const flat = FLAT_FILES.find((name) => existsSync(path.join(io.cwd, name)));
  const legacy = LEGACY_FILES.find((name) => existsSync(path.join(io.cwd, name)));
  const pkgFile = path.join(io.cwd, 'package.json');
  const pkg = existsSync(pkgFile) ? (safeJson(readFileSync(pkgFile, 'utf8')) as { type?: string; eslintConfig?: unknown } | undefined) : undefined;
  const flatEngine = eslint.version.startsWith('8.') ? false : process.env['ESLINT_USE_FLAT_CONFIG'] !== 'false';

  if (flat && (flatEngine || !legacy)) return initFlat(path.join(io.cwd, flat), eslint, io);
  if (legacy) return initLegacyFile(path.join(io.cwd, legacy), io);
  if (pkg?.eslintConfig !== undefined && !flatEngine) return initPackageJson(pkgFile, io);

  // No config at all: a new file, in the format the project's ESLint reads by default.
  if (flatEngine) {
    const esm = pkg?.type === 'module';
    const name = esm ? 'eslint.config.js' : 'eslint.config.mjs';
    write(path.join(io.cwd, name), NEW_FLAT_CONFIG(existsSync(path.join(io.cwd, '.gitignore'))));
    io.stdout(`Created ${name}: the recommended retry rules on JavaScript and TypeScript files, as retry-lint lints with no config.\n`);
    return 0;
  }
  write(path.join(io.cwd, '.eslintrc.json'), `${LEGACY_SNIPPET}\n`);
  io.stdout('Created .eslintrc.json with the recommended retry rules.\n');
  return 0;
}

/** Why the project's flat config does not load (its error's first line), or undefined when it loads. */
async function loadError(eslint: ResolvedEslint, cwd: string): Promise<string | undefined> {
  try {
    const Engine = await eslint.flat();
    await new Engine({ cwd }).calculateConfigForFile(path.join(cwd, 'retry-lint-probe.js'));
    return undefined;
  } catch (error) {
    return String((error as Error).message ?? error).split('\n')[0];
  }
}

/** Parses JSON, or undefined when it is not strict JSON (comments, trailing commas). */
function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The indentation a JSON file uses (two spaces when it cannot tell). */
function indentOf(text: string): string {
  return /^[{[]\s*\n([ \t]+)\S/.exec(text)?.[1] ?? '  ';
}

/**
 * `text` with `extends` (at `at`, the path of the eslintrc object in the file) set to `list`, every
 * other byte kept: jsonc-parser (the JSON editor VS Code uses) edits the one value in place, in the file's own indentation and line
 * endings, so the rest of the file (one-line arrays, key order, comments) stays as the user wrote it.
 */
function withExtends(text: string, at: string[], list: unknown[]): string {
  const indent = indentOf(text);
  const formattingOptions = { insertSpaces: !indent.includes('\t'), tabSize: indent.includes('\t') ? 1 : indent.length, eol: text.includes('\r\n') ? '\r\n' : '\n' };
  // A new `extends` goes first: inserted after the last key, jsonc-parser re-formats the key before it.
  return applyEdits(text, modify(text, [...at, 'extends'], list, { formattingOptions, getInsertionIndex: () => 0 }));
}

/** Adds `plugin:retry/recommended-legacy` to an eslintrc object; false when it already has the plugin. */
function addToLegacy(config: { plugins?: unknown; extends?: unknown }): boolean {
  const extendsList = config.extends === undefined ? [] : Array.isArray(config.extends) ? (config.extends as unknown[]) : [config.extends];
  const plugins = Array.isArray(config.plugins) ? (config.plugins as unknown[]) : [];
  if (extendsList.some((e) => typeof e === 'string' && e.startsWith('plugin:retry/')) || plugins.includes('retry') || plugins.includes(PACKAGE)) return false;
  config.extends = [...extendsList, 'plugin:retry/recommended-legacy'];
  return true;
}

/**
 * What to add to a legacy config file, written in that file's language: YAML for `.eslintrc.yml`,
 * `.eslintrc.yaml` (and an `.eslintrc` that is not JSON, which ESLint reads as YAML), JavaScript
 * for `.eslintrc.js`/`.cjs`.
 */
function legacySnippet(name: string): string {
  if (/\.ya?ml$/.test(name) || name === '.eslintrc') return '  plugins:\n    - retry\n  extends:\n    # …your other configs first\n    - plugin:retry/recommended-legacy\n';
  return "  plugins: ['retry'],\n  extends: [/* …, */ 'plugin:retry/recommended-legacy'],\n";
}

function initLegacyFile(file: string, io: CliIo): number {
  const name = path.basename(file);
  const text = readFileSync(file, 'utf8');
  const config = name === '.eslintrc.json' || name === '.eslintrc' ? safeJson(text) : undefined;
  if (config === undefined || typeof config !== 'object' || config === null || Array.isArray(config)) {
    if (/plugin:retry\/|['"]retry['"]/.test(text)) {
      io.stdout(`${name} already uses the retry plugin.\n`);
      return 0;
    }
    io.stdout(`retry-lint did not change ${name} (it only edits strict JSON). Add the plugin to it:\n\n${legacySnippet(name)}`);
    return 0;
  }
  if (!addToLegacy(config)) {
    io.stdout(`${name} already uses the retry plugin.\n`);
    return 0;
  }
  write(file, withExtends(text, [], (config as { extends: unknown[] }).extends));
  io.stdout(`Added plugin:retry/recommended-legacy to ${name}.\n`);
  return 0;
}

function initPackageJson(file: string, io: CliIo): number {
  const text = readFileSync(file, 'utf8');
  const pkg = safeJson(text) as { eslintConfig?: { extends?: unknown } } | undefined;
  if (!pkg?.eslintConfig || typeof pkg.eslintConfig !== 'object') {
    io.stdout(`Add "extends": ["plugin:retry/recommended-legacy"] to the eslintConfig of package.json.\n`);
    return 0;
  }
  if (!addToLegacy(pkg.eslintConfig)) {
    io.stdout('The eslintConfig of package.json already uses the retry plugin.\n');
    return 0;
  }
  write(file, withExtends(text, ['eslintConfig'], (pkg.eslintConfig as { extends: unknown[] }).extends));
  io.stdout('Added plugin:retry/recommended-legacy to the eslintConfig of package.json.\n');
  return 0;
}

/**
 * Adds the plugin to a flat config of a common shape: ES module syntax (with or without imports), one `export default [`,
 * `export default defineConfig([` or `export default tseslint.config(`. The result is loaded
 * with the project's ESLint; if it does not load or sets no retry rule, the file is put back.
 */
async function initFlat(file: string, eslint: ResolvedEslint, io: CliIo): Promise<number> {
  const name = path.basename(file);
  const text = readFileSync(file, 'utf8');
  if (text.includes(PACKAGE)) {
    io.stdout(`${name} already uses ${PACKAGE}.\n`);
    return 0;
  }
  const manual = (): number => {
    io.stdout(`retry-lint did not change ${name} (it only edits a config of a common shape). Add the plugin to it:\n\n${FLAT_SNIPPET(!name.endsWith('.cjs') && !/\bmodule\.exports\b/.test(text))}\n`);
    return 0;
  };
  const opener = /export\s+default\s+(?:(?:defineConfig|tseslint\.config)\s*\(\s*\[?|\[)/g;
  const matches = [...text.matchAll(opener)];
  const match = matches[0];
  if (!match || matches.length !== 1 || /\bmodule\.exports\b|\brequire\s*\(/.test(text)) return manual();
  // Right after the opening bracket: the whitespace after it (a newline and the first entry's
  // indentation) stays in front of the entry that was first.
  const at = match.index + Math.max(match[0].lastIndexOf('['), match[0].lastIndexOf('(')) + 1;
  // Written in the file's own style: the indentation of the config's first entry, the quotes and
  // semicolons of its last import (a project whose lint checks its config stays clean).
  const indent = /^\s*?\n([ \t]+)\S/.exec(text.slice(at))?.[1] ?? '  ';
  let edited = `${text.slice(0, at)}\n${indent}retry.configs.recommended,${text.slice(at)}`;
  const imports = [...edited.matchAll(/^import\s[^;]*?from\s+(['"])[^'"]+['"](;?)[ \t]*$/gm)];
  const last = imports[imports.length - 1];
  const quote = last?.[1] ?? "'";
  const semi = last ? last[2] : ';';
  const line = `import retry from ${quote}${PACKAGE}${quote}${semi}`;
  // A config with no import yet (`export default [{ … }]`) gets the import as its first line.
  const end = last ? last.index + last[0].length : 0;
  edited = last ? `${edited.slice(0, end)}\n${line}${edited.slice(end)}` : `${line}\n${edited}`;
  // A config that does not load as it is (a dependency not installed) cannot be checked after the
  // edit: say why, rather than blame its shape.
  const before = await loadError(eslint, io.cwd);
  if (before) {
    io.stdout(`retry-lint did not change ${name}: it does not load with the project's ESLint (${before}). Once it loads, run --init again, or add the plugin to it:\n\n${FLAT_SNIPPET(!name.endsWith('.cjs'))}\n`);
    return 0;
  }
  write(file, edited);
  try {
    const Engine = await eslint.flat();
    const config = (await new Engine({ cwd: io.cwd }).calculateConfigForFile(path.join(io.cwd, 'retry-lint-probe.js'))) as { rules?: Record<string, unknown> } | undefined;
    if (!Object.keys(config?.rules ?? {}).some((id) => id.startsWith('retry/'))) throw new Error('no retry rule after the edit');
  } catch {
    write(file, text);
    return manual();
  }
  io.stdout(`Added retry.configs.recommended to ${name}.\n`);
  return 0;
}
