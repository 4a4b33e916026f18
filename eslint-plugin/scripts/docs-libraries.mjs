// Writes docs/libraries.md from each library adapter's `docs` (run after the build).
// `--check` exits 1 when the file differs instead of writing it.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { adapters } = require('../dist/analysis/libraries/index.js');
const { renderLibrariesDoc } = require('../dist/analysis/libraries/docs.js');

const target = fileURLToPath(new URL('../docs/libraries.md', import.meta.url));
const text = renderLibrariesDoc(adapters.flatMap((a) => (a.docs ? [a.docs] : [])));
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // missing: stale
  }
  if (current !== text) {
    console.error('docs/libraries.md is stale: run `npm run build -w eslint-plugin && node eslint-plugin/scripts/docs-libraries.mjs`.');
    process.exit(1);
  }
} else {
  writeFileSync(target, text);
}
