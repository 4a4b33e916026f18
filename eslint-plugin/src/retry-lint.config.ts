// The flat config `retry-lint` lints with when the project has no ESLint config for the retry
// rules: the plugin's `recommended` rules on JavaScript and TypeScript files, parsed as a bundler
// would (see no-config.ts), without dependencies, build output and vendored code. A real config
// file, so that ESLint can load it in its worker threads (`--concurrency`); the command adds the
// project's `.gitignore` and `--ignore-pattern`s as ESLint's `ignorePatterns`.
import type { Linter } from 'eslint';
import { useSupportedTypeScript } from './command/typescript';
import plugin from './index';

// Before the parser loads (here, and in each of ESLint's worker threads): a project TypeScript
// older than typescript-eslint supports is replaced by retry-lint's own (the command says so).
useSupportedTypeScript();
// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded after the line above, which decides the parser's TypeScript
const { COMPONENT_FILES, FIXTURE_IGNORES, LINTED_FILES, noConfigLanguageBlocks, VENDORED_IGNORES } = require('./no-config') as typeof import('./no-config');

const recommended = plugin.configs.recommended as unknown as Linter.Config;

const config: Linter.Config[] = [
  { name: 'retry-lint/ignores', ignores: VENDORED_IGNORES },
  // Test and codemod fixtures are written to be wrong; `retry-lint --include-fixtures` lints them.
  { name: 'retry-lint/fixtures', ignores: FIXTURE_IGNORES },
  // Vue and Svelte components: each `<script>` block is linted as a virtual `.js`/`.ts` file.
  { name: 'retry-lint/components', files: COMPONENT_FILES, processor: plugin.processors.scripts },
  ...noConfigLanguageBlocks(),
  { ...recommended, files: LINTED_FILES },
  // Code written for another ESLint setup names rules that are not loaded here in its disable
  // comments: those are not findings of Retry Lint, so unused-directive reports are off.
  { name: 'retry-lint/directives', linterOptions: { reportUnusedDisableDirectives: 'off' } },
];

export = config;
