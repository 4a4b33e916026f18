#!/usr/bin/env node
'use strict';
// The `retry-lint` command; the implementation is src/cli.ts. `main` never rejects; should the
// module itself fail to load or run, that is the tool's own fault: exit 2 with the message.

/**
 * The line to print for an error that escaped `main`. ESLint is a peer dependency: when npm did not
 * install it (`--legacy-peer-deps`, or a project that removed it), loading fails with "Cannot find
 * module 'eslint'"; say what to do rather than report an internal error.
 */
function describe(error) {
  const message = error instanceof Error ? error.message : String(error);
  if (error && error.code === 'MODULE_NOT_FOUND' && /^Cannot find module 'eslint'/.test(message)) {
    return 'retry-lint: ESLint is not installed in this project (it is a peer dependency, which npm skips with --legacy-peer-deps): run `npm install --save-dev eslint` (add --legacy-peer-deps if the project needs it)\n';
  }
  // Run from a checkout before `npm run build` (or while a build is rewriting dist/).
  if (error && error.code === 'MODULE_NOT_FOUND' && /^Cannot find module '\.\.\/dist\/cli\.js'/.test(message)) {
    return 'retry-lint: the command is not built in this checkout (dist/cli.js is missing): run `npm run build` at the repository root, or wait for a running build to finish\n';
  }
  return `retry-lint: internal error: ${message}\n`;
}

try {
  require('../dist/cli.js')
    .main(process.argv.slice(2))
    .then(
      (code) => {
        process.exitCode = code;
      },
      (error) => {
        process.stderr.write(describe(error));
        process.exitCode = 2;
      },
    );
} catch (error) {
  process.stderr.write(describe(error));
  process.exitCode = 2;
}
