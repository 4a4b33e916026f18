// How Retry Lint parses and selects files when the project has no ESLint config of its own for
// the retry rules: shared by the `retry-lint` command (through retry-lint.config.ts) and the
// editor's language server (its bundled path), so both see the same code the same way.
import type { Linter } from 'eslint';
import * as path from 'node:path';
import * as tsParser from '@typescript-eslint/parser';

/** The file extensions linted with no config: JavaScript and TypeScript, with and without JSX, ES modules and CommonJS. */
export const LINTED_EXTENSIONS = ['js', 'mjs', 'cjs', 'jsx', 'ts', 'mts', 'cts', 'tsx'] as const;

/** `files` patterns for {@link LINTED_EXTENSIONS}. */
export const LINTED_FILES = [`**/*.{${LINTED_EXTENSIONS.join(',')}}`];

/** Single-file components whose `<script>` blocks are linted (through the `retry/scripts` processor). */
export const COMPONENT_FILES = ['**/*.vue', '**/*.svelte'];

export { FIXTURE_FOLDERS, FIXTURE_IGNORES, VENDORED_IGNORES } from './ignores';

type ParseResult = ReturnType<typeof tsParser.parseForESLint>;
type ParserOptions = NonNullable<Parameters<typeof tsParser.parseForESLint>[1]>;

/**
 * A parser that reads code as a bundler does: TypeScript syntax in `.ts`/`.tsx`/`.mts`/`.cts`,
 * JSX in `.js`/`.jsx`/`.tsx` (through `@typescript-eslint/parser`, which decides JSX by the file
 * extension), and a file that does not parse as an ES module is read again as a CommonJS script
 * (top-level `return`, sloppy-mode names), as bundlers fall back for CommonJS files.
 */
export const bundlerParser = {
  meta: { name: 'retry-lint/bundler-parser', version: '1.0.0' },
  /** Parses `code`; the scope analysis follows the source type that parsed. */
  parseForESLint(code: string, options: ParserOptions = {}): ParseResult {
    try {
      return tsParser.parseForESLint(code, options);
    } catch (error) {
      if (options.sourceType !== 'module') throw error;
      try {
        return tsParser.parseForESLint(code, { ...options, sourceType: 'script', ecmaFeatures: { ...options.ecmaFeatures, globalReturn: true } });
      } catch {
        throw error; // the module error is the one to show
      }
    }
  },
};

/** The source type of a file by its extension: CommonJS for `.cjs`/`.cts`, ES module (with the CommonJS fallback) otherwise. */
export function sourceTypeOf(filePath: string): 'module' | 'commonjs' {
  const ext = path.extname(filePath).toLowerCase();
  return ext === '.cjs' || ext === '.cts' ? 'commonjs' : 'module';
}

/** The language options for one file with no config (the editor's bundled path lints one file at a time). */
export function noConfigLanguageOptions(filePath: string): Linter.LanguageOptions {
  return {
    parser: bundlerParser as unknown as Linter.Parser,
    ecmaVersion: 'latest',
    sourceType: sourceTypeOf(filePath),
    parserOptions: { ecmaFeatures: { jsx: true } },
  };
}

/**
 * The flat config blocks that parse every linted file as {@link noConfigLanguageOptions} does
 * (without rules, plugins or ignores).
 */
export function noConfigLanguageBlocks(): Linter.Config[] {
  return [
    { name: 'retry-lint/languages', files: LINTED_FILES, languageOptions: noConfigLanguageOptions('file.js') },
    { name: 'retry-lint/commonjs', files: ['**/*.{cjs,cts}'], languageOptions: { sourceType: 'commonjs' } },
  ];
}
