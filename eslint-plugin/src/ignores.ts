// What `retry-lint` skips with no config of the project's: kept apart from no-config.ts, which
// loads the parser, so that the command can read them before it decides which TypeScript the
// parser runs on (command/typescript.ts).

/**
 * What is never linted with no config: dependencies, build output, coverage reports, vendored
 * code and package-manager releases (a Yarn 4 repository commits `.yarn/releases/yarn-*.cjs`),
 * minified files and bundles, and type declarations.
 */
export const VENDORED_IGNORES = [
  '**/node_modules/',
  '**/.git/',
  '**/dist/',
  '**/build/',
  '**/out/',
  '**/coverage/',
  '**/vendor/',
  '**/.yarn/',
  '**/.pnp.cjs',
  '**/.pnp.loader.mjs',
  '**/.next/',
  '**/.nuxt/',
  '**/.svelte-kit/',
  '**/.output/',
  '**/*.min.js',
  '**/*.min.mjs',
  '**/*.min.cjs',
  '**/*.bundle.js',
  '**/*.d.ts',
  '**/*.d.mts',
  '**/*.d.cts',
];

/**
 * Folders of test and codemod fixtures (`__testfixtures__` of jscodeshift, `__fixtures__`,
 * `fixtures` as in `test/fixtures`): inputs written to be wrong on purpose, skipped with no config
 * (`retry-lint --include-fixtures`, or a path named inside one, lints them). A project's own config decides for itself.
 */
export const FIXTURE_FOLDERS = ['__testfixtures__', '__fixtures__', 'fixtures'] as const;

/** Ignore patterns for {@link FIXTURE_FOLDERS}, at any depth. */
export const FIXTURE_IGNORES = FIXTURE_FOLDERS.map((name) => `**/${name}/`);
