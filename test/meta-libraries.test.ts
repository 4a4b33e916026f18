import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderLibrariesDoc } from '../eslint-plugin/src/analysis/libraries/docs';
import { adapters } from '../eslint-plugin/src/analysis/libraries/index';

const page = join(__dirname, '..', 'eslint-plugin', 'docs', 'libraries.md');

describe('docs/libraries.md', () => {
  it('matches what the adapters say they check', () => {
    const expected = renderLibrariesDoc(adapters.flatMap((a) => (a.docs ? [a.docs] : [])));
    assert.equal(
      readFileSync(page, 'utf8'),
      expected,
      'docs/libraries.md is stale: run `npm run build -w eslint-plugin && node eslint-plugin/scripts/docs-libraries.mjs`',
    );
  });

  it('documents every adapter', () => {
    for (const a of adapters) assert.ok(a.docs, `the adapter for ${a.packages.join(', ')} has no docs`);
  });
});
