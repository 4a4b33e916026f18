// The server's thread starts without ESLint, @typescript-eslint/parser (and TypeScript) or the plugin
// (issue 13): they live in the lint worker's bundle. What the thread knows of them comes from light
// sources, checked here against the real thing.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import plugin from '../../eslint-plugin/src/index';
import { BUNDLED_RULE_IDS } from '../../extension/src/server/rule-ids';
import { bundledVersions } from '../../extension/src/server/versions';
import { SERVER } from './lsp-session';

const WORKER = path.join(path.dirname(SERVER), 'lint-worker.js');

describe("the server's thread", () => {
  it("knows the plugin's rules from the manifest's retryLint.rules setting", () => {
    assert.deepEqual([...BUNDLED_RULE_IDS].sort(), Object.keys(plugin.rules).sort());
  });

  it('reads the versions it logs from the packages themselves', () => {
    const versions = bundledVersions();
    assert.equal(versions.plugin, (plugin as unknown as { meta: { version: string } }).meta.version);
    assert.match(versions.eslint, /^\d+\.\d+\.\d+/);
  });

  it("bundles no ESLint, TypeScript, parser or plugin code in dist/server.js (they are in dist/lint-worker.js)", function () {
    if (!fs.existsSync(SERVER)) this.skip(); // built by `npm run build` (root), which `npm test` runs first
    assert.ok(fs.existsSync(WORKER), 'dist/lint-worker.js is built next to dist/server.js');
    const server = fs.readFileSync(SERVER, 'utf8');
    // esbuild names each bundled file in a comment (development builds); a production build is minified, so its size tells.
    for (const marker of ['node_modules/eslint/lib/', 'node_modules/typescript/lib/', 'node_modules/@typescript-eslint/parser/', 'node_modules/@typescript-eslint/typescript-estree/', 'eslint-plugin/src/analysis/']) {
      assert.ok(!server.includes(marker), `dist/server.js bundles ${marker}`);
    }
    assert.ok(server.length < fs.statSync(WORKER).size / 5, `dist/server.js is ${server.length} bytes, the worker's bundle ${fs.statSync(WORKER).size}`);
    assert.ok(/require\(["']\.\/lint-worker\.js["']\)/.test(server), "the fallback loads the worker's bundle at run time");
  });
});
