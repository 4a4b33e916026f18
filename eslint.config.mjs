// Lints this repository (`npm run lint`, STYLE §7) and dogfoods the plugin on our own retry code.
// Not part of `npm test`. The plugin is loaded from its build, so `lint` builds first.
import eslintComments from '@eslint-community/eslint-plugin-eslint-comments/configs';
import js from '@eslint/js';
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import n from 'eslint-plugin-n';
import retry from 'eslint-plugin-retry';
import tseslint from 'typescript-eslint';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export default tseslint.config(
  {
    name: 'repo/ignores',
    ignores: [
      '**/node_modules/',
      '**/dist/',
      'coverage/',
      '.editor-harness/',
      '.bench-corpus/',
      'scratch/',
      'extension/test-out/',
      // Copied from snippets/ by the extension's build.
      'extension/snippets/',
      // Deliberately bad retry code, linted by `npm run demo`, not here.
      'examples/',
      'test/fixtures/',
      // The editor suite's workspaces: deliberately bad code and a trap ESLint config.
      'test/editor/fixture/',
      'test/editor/fixtures/',
      // Generated from snippets/retry-with-backoff.ts.
      'snippets/retry-with-backoff.js',
    ],
  },
  js.configs.recommended,
  n.configs['flat/mixed-esm-and-cjs'],
  eslintComments.recommended,
  {
    name: 'repo/eslint-comments',
    rules: { '@eslint-community/eslint-comments/require-description': 'error' },
  },
  {
    name: 'repo/typescript',
    files: ['**/*.ts', '**/*.mts', '**/*.cts'],
    extends: [tseslint.configs.strictTypeChecked, tseslint.configs.stylisticTypeChecked],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: dirname(fileURLToPath(import.meta.url)),
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // Numbers in messages and paths are the common case; `${count}` reads better than String(count).
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // Index signatures are read with brackets (`settings['retry']`), as TypeScript's noPropertyAccessFromIndexSignature wants.
      '@typescript-eslint/dot-notation': ['error', { allowIndexSignaturePropertyAccess: true }],
      '@typescript-eslint/array-type': ['error', { default: 'array-simple' }],
      // TypeScript resolves imports; eslint-plugin-n cannot follow extensionless TS paths.
      'n/no-missing-import': 'off',
    },
  },
  {
    name: 'repo/rules',
    files: ['eslint-plugin/src/rules/**/*.ts'],
    ...eslintPlugin.configs['rules-recommended'],
    rules: {
      ...eslintPlugin.configs['rules-recommended'].rules,
      'eslint-plugin/require-meta-docs-description': ['error', { pattern: '^(Require|Disallow|Enforce) ' }],
      'eslint-plugin/require-meta-schema-description': 'error',
      'eslint-plugin/no-meta-schema-default': 'error',
      'eslint-plugin/no-matching-violation-suggest-message-ids': 'error',
    },
  },
  {
    name: 'repo/rule-tests',
    files: ['test/rules/**/*.ts'],
    ...eslintPlugin.configs['tests-recommended'],
    rules: {
      ...eslintPlugin.configs['tests-recommended'].rules,
      'eslint-plugin/no-only-tests': 'error',
      'eslint-plugin/require-test-error-positions': 'error',
      'eslint-plugin/unique-test-case-names': 'error',
    },
  },
  {
    name: 'repo/mocha',
    files: ['test/**/*.ts'],
    languageOptions: {
      globals: { describe: 'readonly', it: 'readonly', before: 'readonly', after: 'readonly', beforeEach: 'readonly', afterEach: 'readonly' },
    },
    rules: {
      // Test files import dev dependencies and the sources under test.
      'n/no-unpublished-import': 'off',
      'n/no-extraneous-import': 'off',
    },
  },
  {
    name: 'repo/config-file',
    files: ['eslint.config.mjs'],
    // The plugin is a workspace of this repository, not a dependency of the root package.
    rules: { 'n/no-extraneous-import': 'off' },
  },
  {
    name: 'repo/dogfood',
    files: ['eslint-plugin/src/**/*.ts', 'extension/**/*.ts', 'snippets/**/*.ts'],
    ...retry.configs.recommended,
  },
);
