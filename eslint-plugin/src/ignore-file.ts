// `eslint-plugin-retry/ignore-file`: @eslint/compat's `includeIgnoreFile`, re-exported so that a
// config `retry-lint --init` writes can read the project's `.gitignore` through a dependency the
// plugin already carries (a strict package manager, pnpm, does not let the project import
// `@eslint/compat` itself unless it depends on it).

/**
 * A flat config object whose `ignores` are the patterns of a gitignore-style file.
 *
 * @param ignoreFilePath Absolute path of the file (`.gitignore`).
 * @throws When the path is not absolute (from @eslint/compat).
 */
export { includeIgnoreFile } from '@eslint/compat';
