// What `retry-lint` says when its own modules cannot load: ESLint missing, or too old for the
// modules the plugin's dependencies need (an ESLint 6 kept by npm's --legacy-peer-deps).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

const { describeLoadError } = createRequire(__filename)('../../eslint-plugin/bin/load-error.js') as {
  describeLoadError(error: unknown, dirs: string[]): string;
};

/** An error as Node's module loader throws it for `name`. */
function notFound(name: string): Error {
  return Object.assign(new Error(`Cannot find module '${name}'\nRequire stack:\n- /x/node_modules/@typescript-eslint/utils/dist/index.js`), { code: 'MODULE_NOT_FOUND' });
}

describe('retry-lint load errors', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'rl-load-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('names an ESLint older than 8.57 and what to do, instead of a stack trace', () => {
    mkdirSync(path.join(dir, 'node_modules', 'eslint'), { recursive: true });
    writeFileSync(path.join(dir, 'node_modules', 'eslint', 'package.json'), JSON.stringify({ name: 'eslint', version: '6.8.0' }));
    const text = describeLoadError(notFound('eslint/use-at-your-own-risk'), [dir]);
    assert.match(text, /ESLint 6\.8\.0 is installed here; retry-lint needs ESLint 8\.57 or later/);
    assert.match(text, /npm install --save-dev eslint@\^9/);
    assert.doesNotMatch(text, /internal error|Require stack/);
  });

  it('says ESLint is not installed when no ESLint can be found', () => {
    const text = describeLoadError(notFound('eslint'), [dir]);
    assert.match(text, /ESLint is not installed in this project/);
  });

  it('says the checkout is not built when dist/cli.js is missing', () => {
    assert.match(describeLoadError(notFound('../dist/cli.js'), [dir]), /not built in this checkout/);
  });

  it('reports any other fault as the tool\'s own', () => {
    assert.equal(describeLoadError(new TypeError('boom'), [dir]), 'retry-lint: internal error: boom\n');
  });
});
