// The workspace's own ESLint: used only in a trusted workspace whose config sets retry/* rules;
// an untrusted workspace never loads its config (which here leaves a marker file when it runs).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspSession, SERVER } from './lsp-session';
import { expectedFindings } from './expected';

const REPO = path.resolve(__dirname, '../..');
const CASE = `async function subscribe(channel, connect) {
  let n = 0;
  while (true) {
    try {
      return await connect(channel);
    } catch (error) {
      const backoff = Math.random() * 100 * 2 ** n++;
      await new Promise((done) => setTimeout(done, backoff));
    }
  }
}
module.exports = { subscribe };
`;

describe('language server: workspace ESLint and trust', function () {
  this.timeout(60000);
  let root: string;
  let marker: string;

  before(function () {
    if (!fs.existsSync(SERVER) || !fs.existsSync(path.join(REPO, 'eslint-plugin/dist/index.js'))) this.skip(); // built by npm test's build step
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'retry-lint-trust-'));
    marker = path.join(root, 'config-ran');
    const modules = path.join(root, 'node_modules');
    fs.mkdirSync(path.join(modules, '@typescript-eslint'), { recursive: true });
    fs.symlinkSync(path.join(REPO, 'node_modules/eslint'), path.join(modules, 'eslint'), 'dir');
    fs.symlinkSync(path.join(REPO, 'eslint-plugin'), path.join(modules, 'eslint-plugin-retry'), 'dir');
    fs.symlinkSync(path.join(REPO, 'node_modules/@typescript-eslint/parser'), path.join(modules, '@typescript-eslint/parser'), 'dir');
    fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'trusted-fixture', private: true }));
    fs.writeFileSync(
      path.join(root, 'eslint.config.mjs'),
      `import { writeFileSync } from 'node:fs';
import retry from 'eslint-plugin-retry';
writeFileSync(${JSON.stringify(marker)}, 'ran');
export default [{ files: ['**/*.js'], plugins: { retry }, rules: { 'retry/no-unbounded-retry': 'error' } }];
`,
    );
  });

  after(() => {
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  it('lints with the bundled rules and never runs the workspace config when untrusted', async function () {
    const want = expectedFindings(CASE, 'subscribe.js');
    const session = await LspSession.start({ rootDir: root, workspaceTrusted: false });
    try {
      const uri = pathToFileURL(path.join(root, 'subscribe.js')).href;
      await session.open(uri, 'javascript', CASE);
      const { diagnostics } = await session.diagnostics(uri);
      assert.deepEqual(diagnostics.map((d) => `${String(d.code)}:${d.range.start.line + 1}`).sort(), want);
      assert.equal(fs.existsSync(marker), false, 'the workspace ESLint config ran in an untrusted workspace');
    } finally {
      await session.stop();
    }
  });

  it('shows what the workspace ESLint shows for retry/* rules once trusted (retryLint/trustChanged)', async function () {
    const want = expectedFindings(CASE, 'subscribe.js').filter((f) => f.startsWith('retry/no-unbounded-retry:'));
    assert.ok(want.length > 0, 'ESLint reports no no-unbounded-retry finding on the fixture: the comparison below would prove nothing');
    const session = await LspSession.start({ rootDir: root, workspaceTrusted: false });
    try {
      const uri = pathToFileURL(path.join(root, 'subscribe.js')).href;
      await session.open(uri, 'javascript', CASE);
      await session.diagnostics(uri);
      const next = session.nextDiagnostics(uri);
      await session.connection.sendNotification('retryLint/trustChanged', { workspaceTrusted: true });
      const { diagnostics } = await next;
      assert.deepEqual(diagnostics.map((d) => `${String(d.code)}:${d.range.start.line + 1}`).sort(), want);
      assert.ok(diagnostics.every((d) => d.severity === 1), 'the workspace config makes it an error');
      assert.equal(fs.existsSync(marker), true);
      await session.status((s) => s.message.includes('workspace\'s ESLint'));
    } finally {
      await session.stop();
    }
  });
});
