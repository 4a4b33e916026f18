#!/usr/bin/env node
'use strict';
// The `retry-lint` command; the implementation is src/cli.ts. `main` never rejects; should the
// module itself fail to load or run, that is the tool's own fault: exit 2 with the message.

/** What to print for `error`, looking for the installed ESLint from the working folder, then from here. */
function describe(error) {
  try {
    return require('./load-error.js').describeLoadError(error, [process.cwd(), __dirname]);
  } catch {
    return `retry-lint: internal error: ${error instanceof Error ? error.message : String(error)}\n`;
  }
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
