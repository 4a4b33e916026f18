// A finding's documentation link opens the rule page shipped with the extension (offline), and
// every rule's meta.docs.url names a page of the repository named in the plugin's package.json.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import plugin from '../../eslint-plugin/src/index';
import { LspSession, SERVER } from './lsp-session';

const ROOT = path.resolve(__dirname, '../..');

describe('documentation links', function () {
  this.timeout(60_000);

  it("each rule's meta.docs.url is a page of the plugin's repository that exists and ships in the package", () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'eslint-plugin/package.json'), 'utf8')) as { repository: { url: string; directory: string }; files: string[] };
    const repository = pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
    for (const [name, rule] of Object.entries(plugin.rules)) {
      const url = (rule.meta?.docs)?.url ?? '';
      const prefix = `${repository}/blob/main/`;
      assert.ok(url.startsWith(prefix), `${name}: ${url}`);
      const inRepo = url.slice(prefix.length);
      assert.ok(existsSync(path.join(ROOT, inRepo)), `${name}: ${inRepo} does not exist`);
      const inPackage = path.posix.relative(pkg.repository.directory, inRepo);
      assert.ok(pkg.files.some((entry) => inPackage === entry || inPackage.startsWith(`${entry}/`)), `${name}: ${inPackage} is not shipped`);
    }
  });

  it('a finding links to the rule page bundled with the server (a file: URL to the shipped page)', async function () {
    if (!existsSync(SERVER)) this.skip(); // built by npm test's build step
    const root = mkdtempSync(path.join(tmpdir(), 'retry-lint-docs-'));
    const session = await LspSession.start({ rootDir: root });
    try {
      const uri = pathToFileURL(path.join(root, 'loop.js')).href;
      await session.open(uri, 'javascript', 'export async function f(op) {\n  while (true) {\n    try {\n      return await op();\n    } catch {}\n  }\n}\n');
      const { diagnostics } = await session.diagnostics(uri);
      assert.ok(diagnostics.length > 0);
      for (const d of diagnostics) {
        const href = d.codeDescription?.href ?? '';
        assert.match(href, /^file:\/\//, String(d.code));
        const page = fileURLToPath(href);
        assert.equal(path.dirname(page), path.join(path.dirname(SERVER), 'docs', 'rules'));
        assert.equal(path.basename(page), `${String(d.code).replace('retry/', '')}.md`);
        assert.equal(readFileSync(page, 'utf8'), readFileSync(path.join(ROOT, 'eslint-plugin/docs/rules', path.basename(page)), 'utf8'));
      }
    } finally {
      await session.stop();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
