#!/usr/bin/env node
'use strict';
// The `retry-lint` command; the implementation is src/cli.ts.
require('../dist/cli.js')
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
