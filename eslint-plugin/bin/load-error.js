'use strict';
// What `retry-lint` prints when its own modules fail to load (see retry-lint.js): a plain CommonJS
// module with no dependency, so that it loads when nothing else does.

/** The oldest ESLint retry-lint runs with (8.57 has `loadESLint` and the flat-config API). */
const MIN_ESLINT = '8.57';

/**
 * The version of the ESLint `require` finds from `dirs` (the working folder first), or undefined.
 *
 * @param {string[]} dirs Folders to resolve `eslint/package.json` from.
 * @returns {string | undefined}
 */
function installedEslint(dirs) {
  try {
    const file = require.resolve('eslint/package.json', { paths: dirs });
    return require(file).version;
  } catch {
    return undefined;
  }
}

/**
 * The line to print for an error that escaped `main` or stopped the command from loading. ESLint is
 * a peer dependency: when npm did not install it (`--legacy-peer-deps`, or a project that removed it)
 * loading fails with "Cannot find module 'eslint'"; when the project keeps an ESLint older than 8.57
 * (npm's `--legacy-peer-deps` leaves it in place), a module only newer ESLints have
 * (`eslint/use-at-your-own-risk`) is missing. Either way, say what to do rather than report an
 * internal error.
 *
 * @param {unknown} error What was thrown.
 * @param {string[]} dirs Folders to look for the installed ESLint from (the working folder, then the command's own).
 * @returns {string} One or two lines ending in a newline.
 */
function describeLoadError(error, dirs) {
  const message = error instanceof Error ? error.message : String(error);
  const missing = error && error.code === 'MODULE_NOT_FOUND' ? /^Cannot find module '([^']+)'/.exec(message)?.[1] : undefined;
  if (missing === 'eslint' || (missing !== undefined && missing.startsWith('eslint/'))) {
    const version = installedEslint(dirs);
    if (version && missing !== 'eslint') {
      return `retry-lint: ESLint ${version} is installed here; retry-lint needs ESLint ${MIN_ESLINT} or later. Upgrade it (npm install --save-dev eslint@^9), or run retry-lint from its own checkout without installing it: node /path/to/retry-lint/eslint-plugin/bin/retry-lint.js .\n`;
    }
    return 'retry-lint: ESLint is not installed in this project (it is a peer dependency, which npm skips with --legacy-peer-deps): run `npm install --save-dev eslint` (add --legacy-peer-deps if the project needs it)\n';
  }
  // Run from a checkout before `npm run build` (or while a build is rewriting dist/).
  if (missing === '../dist/cli.js') {
    return 'retry-lint: the command is not built in this checkout (dist/cli.js is missing): run `npm run build` at the repository root, or wait for a running build to finish\n';
  }
  return `retry-lint: internal error: ${message}\n`;
}

module.exports = { describeLoadError };
