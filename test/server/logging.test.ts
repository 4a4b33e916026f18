// What the server writes to the extension's output channel (window/logMessage): its start, which
// config lints the files (bundled or the workspace's ESLint and its config folder), files skipped
// and why, and failures with the file (and rule, when ESLint names it).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspSession, SERVER } from './lsp-session';

const REPO = path.resolve(__dirname, '../..');
const LOOP = 'export async function f(op) {\n  while (true) {\n    try {\n      return await op();\n    } catch {}\n  }\n}\n';

/** Waits until a log line matches (the server logs after it publishes). */
async function logged(session: LspSession, pattern: RegExp, timeoutMs = 15_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const line = session.logs.find((l) => pattern.test(l));
    if (line) return line;
    if (Date.now() > until) assert.fail(`no log line matching ${String(pattern)} in:\n${session.logs.join('\n')}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('language server output channel', function () {
  this.timeout(60_000);
  let root: string;

  before(function () {
    if (!fs.existsSync(SERVER)) this.skip(); // built by npm test's build step
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'retry-lint-logs-'));
  });

  after(() => {
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  it('logs the start, the bundled config and why, files skipped for size or parse errors, once each', async () => {
    const session = await LspSession.start({ rootDir: root, settings: { maxFileSize: 2000 } });
    try {
      await logged(session, /^Retry Lint server started \(pid \d+, Node v[\d.]+, eslint-plugin-retry [\d.]+, ESLint [\d.]+\); restricted mode: bundled rules only; folders: /);
      const loop = pathToFileURL(path.join(root, 'loop.js')).href;
      await session.open(loop, 'javascript', LOOP);
      await session.diagnostics(loop);
      const first = await logged(session, /^Linting file:\/\/.*loop\.js \(and files like it in \S+\) with the bundled rules and retryLint\.\* settings \(restricted mode/);
      assert.ok(first.includes(`in ${root})`), first);
      const big = pathToFileURL(path.join(root, 'big.js')).href;
      await session.open(big, 'javascript', `// ${'x'.repeat(3000)}\n`);
      await session.diagnostics(big);
      await logged(session, /^Skipped file:\/\/.*big\.js: 3\d{3} characters is over retryLint\.maxFileSize \(2000\)/);
      const broken = pathToFileURL(path.join(root, 'broken.js')).href;
      await session.open(broken, 'javascript', 'export const = ;\n');
      await session.diagnostics(broken);
      await logged(session, /^Not linted past a parse error: file:\/\/.*broken\.js: /);
      const other = pathToFileURL(path.join(root, 'other.js')).href;
      await session.open(other, 'javascript', LOOP);
      await session.diagnostics(other);
      assert.equal(session.logs.filter((l) => l.startsWith('Linting ')).length, 1, 'one line per folder and config source');
      // Another folder (a package of a monorepo) gets its own line, though its config source is the same.
      const nested = pathToFileURL(path.join(root, 'packages', 'b', 'retry.js')).href;
      await session.open(nested, 'javascript', LOOP);
      await session.diagnostics(nested);
      const second = await logged(session, /^Linting file:\/\/.*packages\/b\/retry\.js \(and files like it in /);
      assert.ok(second.includes(`in ${path.join(root, 'packages', 'b')}) with the bundled rules`), second);
      assert.equal(session.logs.filter((l) => l.startsWith('Linting ')).length, 2);
    } finally {
      await session.stop();
    }
  });

  it("logs the workspace's ESLint and its config folder in a trusted workspace", async function () {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'retry-lint-logs-ws-'));
    try {
      fs.mkdirSync(path.join(dir, 'node_modules'));
      fs.symlinkSync(path.join(REPO, 'node_modules/eslint'), path.join(dir, 'node_modules/eslint'), 'dir');
      fs.symlinkSync(path.join(REPO, 'eslint-plugin'), path.join(dir, 'node_modules/eslint-plugin-retry'), 'dir');
      fs.writeFileSync(path.join(dir, 'package.json'), '{"name":"ws","private":true}');
      fs.writeFileSync(path.join(dir, 'eslint.config.mjs'), "import retry from 'eslint-plugin-retry';\nexport default [retry.configs.recommended];\n");
      const session = await LspSession.start({ rootDir: dir, workspaceTrusted: true });
      try {
        await logged(session, /trusted workspace/);
        const uri = pathToFileURL(path.join(dir, 'loop.js')).href;
        await session.open(uri, 'javascript', LOOP);
        await session.diagnostics(uri, undefined, 30_000);
        const line = await logged(session, /^Linting .*loop\.js \(and files like it in \S+\) with the workspace's ESLint [\d.]+ with the config in /);
        assert.ok(line.endsWith(`${dir}.`), line);
      } finally {
        await session.stop();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
