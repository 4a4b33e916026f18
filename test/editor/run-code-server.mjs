// Runs the editor suite inside a real VS Code on machines that cannot download the desktop build:
// code-server (VS Code's own server + web workbench, Node extension host) driven by headless
// Chromium, as ../shared/EDITOR-TESTS.md describes. Two windows: a trusted one and a restricted
// (untrusted) one, each on a fresh copy of its fixture workspace.
//
//   node test/editor/run-code-server.mjs [--no-install] [--no-build] [--only trusted|restricted] [--keep] [--verbose] [--screenshot DIR]
//   node test/editor/run-code-server.mjs --no-build --ui docs/screenshots   (after npm run package: UI run on the .vsix, screenshots)
//
// Exit code 0 only when every test passed in both windows.
import { spawn, spawnSync } from 'node:child_process';
// eslint-disable-next-line n/no-unsupported-features/node-builtins -- fs.cpSync works from Node 16.7 (experimental label only); this script runs on Node 20+
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const extensionDir = join(root, 'extension');
const harness = resolve(process.env.EDITOR_HARNESS ?? join(root, '.editor-harness'));
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const modes = option('--only') ? [option('--only')] : ['trusted', 'restricted'];
const screenshotDir = option('--screenshot') && resolve(option('--screenshot'));
const verbose = flag('--verbose') || Boolean(process.env.RETRY_LINT_EDITOR_VERBOSE);
const RUN_TIMEOUT_MS = Number(process.env.RETRY_LINT_EDITOR_TIMEOUT_MS ?? 900_000);
const log = (...a) => console.log(`[test:editor] ${format(...a)}`);

function sh(cmd, argv, opts = {}) {
  const r = spawnSync(cmd, argv, { stdio: 'inherit', ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${argv.join(' ')} exited with ${r.status ?? r.signal}`);
}

// 1. Harness (cached) and builds
if (!flag('--no-install')) sh('bash', [join(here, 'install-harness.sh')], { env: { ...process.env, EDITOR_HARNESS: harness } });
if (!flag('--no-build')) {
  sh(process.execPath, [join(extensionDir, 'esbuild.mjs')], { cwd: extensionDir });
  sh(process.execPath, [join(extensionDir, 'scripts', 'copy-snippets.mjs')]);
  sh(process.execPath, [join(here, 'build.mjs')]);
}
for (const f of ['dist/client.js', 'dist/server.js', 'test-out/index.js']) {
  if (!existsSync(join(extensionDir, f))) throw new Error(`extension/${f} is missing; build first`);
}

const node24Bin = join(harness, 'node24/node_modules/node/bin');
const codeServer = join(harness, 'cs/node_modules/.bin/code-server');
const { chromium } = createRequire(join(harness, 'tools/package.json'))('playwright-core');
const env = {
  ...process.env,
  PATH: `${node24Bin}:${process.env.PATH}`,
  XDG_CONFIG_HOME: join(harness, 'home/config'),
  XDG_DATA_HOME: join(harness, 'home/data'),
  XDG_CACHE_HOME: join(harness, 'home/cache'),
};
delete env.NODE_OPTIONS; // the extension host must not inherit a loader such as tsx
for (const key of Object.keys(env)) if (key.startsWith('npm_')) delete env[key]; // nor the outer npm's settings

function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

async function waitForHealth(port, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}`);
    try {
      // eslint-disable-next-line n/no-unsupported-features/node-builtins -- fetch is stable in Node 21+ and works in 18/20
      const r = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250)); // poll interval of a bounded wait
  }
  throw new Error(`code-server not healthy after ${timeoutMs} ms`);
}

function killGroup(child) {
  if (!child.pid) return Promise.resolve();
  const kill = (sig) => {
    try {
      process.kill(-child.pid, sig);
    } catch {
      // the group is gone
    }
  };
  kill('SIGTERM');
  return new Promise((res) => {
    const timer = setTimeout(() => {
      kill('SIGKILL');
      res();
    }, 5000);
    const check = setInterval(() => {
      try {
        process.kill(-child.pid, 0);
      } catch {
        clearInterval(check);
        clearTimeout(timer);
        res();
      }
    }, 200);
  });
}

function makeWritable(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    chmodSync(p, statSync(p).mode | 0o200);
    if (entry.isDirectory()) makeWritable(p);
  }
}

/** A throw-away code-server on a fresh copy of the `mode` fixture. `stop()` kills its process group and deletes it all. */
async function startServer(mode, { vsix } = {}) {
  const run = mkdtempSync('/tmp/rl-'); // short: Unix socket paths under TMPDIR are limited to ~107 bytes
  const ws = join(run, 'ws');
  cpSync(join(here, 'fixture', mode), ws, { recursive: true });
  if (existsSync(join(ws, '_node_modules'))) renameSync(join(ws, '_node_modules'), join(ws, 'node_modules'));
  makeWritable(ws); // the tests edit and save these files, whatever the checkout's modes
  mkdirSync(join(run, 'data/User'), { recursive: true });
  const settings = {
    'workbench.startupEditor': 'none',
    'chat.disableAIFeatures': true,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'update.mode': 'none',
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'workbench.tips.enabled': false,
    'workbench.colorTheme': 'Default Dark Modern',
    'git.enabled': false,
    'security.workspace.trust.enabled': true,
    'security.workspace.trust.startupPrompt': 'never',
    'security.workspace.trust.untrustedFiles': 'open',
    'security.workspace.trust.banner': 'never',
  };
  writeFileSync(join(run, 'data/User/settings.json'), JSON.stringify(settings, null, 2));
  const port = await freePort();
  writeFileSync(join(run, 'cs.yaml'), `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const base = ['--config', join(run, 'cs.yaml'), '--user-data-dir', join(run, 'data'), '--extensions-dir', join(run, 'exts')];
  const runEnv = { ...env, TMPDIR: run };
  if (vsix) sh(codeServer, [...base, '--install-extension', vsix], { env: runEnv, stdio: 'ignore' });
  const csArgs = [
    ...base,
    '--auth', 'none', '--disable-telemetry', '--disable-update-check', '--disable-getting-started-override',
    '--reconnection-grace-time', '5', '--vscode-option', 'enable-smoke-test-driver',
  ];
  if (mode === 'trusted') csArgs.push('--disable-workspace-trust');
  const csLog = join(run, 'code-server.log');
  const out = openSync(csLog, 'a');
  const child = spawn(codeServer, csArgs, { env: runEnv, detached: true, stdio: ['ignore', out, out] });
  const stop = async ({ showLog = false } = {}) => {
    await killGroup(child);
    if (flag('--keep') || process.env.RETRY_LINT_EDITOR_KEEP) return log(`kept ${run}`);
    if (showLog) process.stdout.write(readFileSync(csLog, 'utf8').split('\n').slice(-30).join('\n') + '\n');
    rmSync(run, { recursive: true, force: true });
  };
  try {
    await waitForHealth(port, child, 60_000);
  } catch (error) {
    await stop({ showLog: true });
    throw error;
  }
  return { run, ws, port, stop };
}

function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

/** One window running the mocha suite in the extension host. Resolves to 'passed' | 'failed' | 'not-started'. */
async function runWindow(mode) {
  let server;
  let browser;
  let started = false;
  try {
    server = await startServer(mode);
    const { port, ws } = server;
    const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
    const payload = [
      ['extensionDevelopmentPath', remote(extensionDir)],
      ['extensionTestsPath', remote(join(extensionDir, 'test-out/index.js'))],
    ];
    const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(ws)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    browser = await launchBrowser();
    const page = await (await browser.newContext({ viewport: { width: 1400, height: 860 } })).newPage();
    let done;
    const exited = new Promise((r) => (done = r));
    await page.exposeFunction('codeAutomationExit', (code) => done(code));
    await page.exposeFunction('codeAutomationLog', (_type, a) => {
      const line = format(...a);
      if (line.includes('[retry-lint editor suite]')) started = true;
      if (verbose || started) console.log(`  ${line}`);
    });
    await page.goto(url);
    const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('timeout'), RUN_TIMEOUT_MS).unref())]);
    if (code === 'timeout') log(`${mode}: no result after ${RUN_TIMEOUT_MS} ms`);
    if (code !== 0 && screenshotDir) await page.screenshot({ path: join(screenshotDir, `failure-${mode}.png`) }).catch(() => undefined);
    return code === 0 ? 'passed' : started ? 'failed' : 'not-started';
  } catch (error) {
    log(`${mode}: ${error instanceof Error ? error.message : String(error)}`);
    return started ? 'failed' : 'not-started';
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.stop({ showLog: !started });
  }
}

/**
 * The click-through UI run (EDITOR-TESTS.md §4) on the packaged .vsix, installed like a user would:
 * opens a case, waits for the squiggle and the Problems entry, opens the quick-fix menu, applies
 * "Use the backoff helper", saves, and writes screenshots of each step to `dir`.
 */
async function runUi(dir) {
  const vsix = join(extensionDir, 'retry-lint.vsix');
  if (!existsSync(vsix)) throw new Error('extension/retry-lint.vsix is missing: run npm run package first');
  mkdirSync(dir, { recursive: true });
  const server = await startServer('trusted', { vsix });
  const browser = await launchBrowser();
  try {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 760 }, deviceScaleFactor: 1 })).newPage();
    await page.goto(`http://127.0.0.1:${server.port}/?folder=${encodeURIComponent(server.ws)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 120_000 });
    await page.keyboard.press('Control+P');
    await page.keyboard.type('loop-constant-delay.ts');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'loop-constant-delay.ts' }).first().waitFor({ timeout: 30_000 });
    await page.keyboard.press('Enter');
    await page.locator('.part.editor .tab.active', { hasText: 'loop-constant-delay.ts' }).waitFor({ timeout: 30_000 });
    await page.locator('.part.editor .monaco-editor .squiggly-warning').first().waitFor({ timeout: 180_000 });
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel', { hasText: 'retry/require-jitter' }).first().waitFor({ timeout: 30_000 });
    // put the cursor on the finding (line 14, `await sleep(1500)`) and open the quick-fix menu
    await page.locator('.part.editor .monaco-editor .view-lines').click();
    await page.keyboard.press('Control+G');
    await page.keyboard.type('14:19');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    const menu = page.locator('.action-widget', { hasText: 'Use the backoff helper' });
    for (let attempt = 1; ; attempt++) {
      await page.keyboard.press('Control+.');
      try {
        await menu.waitFor({ timeout: 5_000 });
        break;
      } catch (error) {
        if (attempt >= 8) throw error;
        await page.keyboard.press('Escape'); // the first Ctrl+. often shows nothing (EDITOR-TESTS.md, Flakiness)
      }
    }
    await page.mouse.move(0, 0);
    await page.screenshot({ path: join(dir, 'quick-fix-menu.png') });
    log(`wrote ${join(dir, 'quick-fix-menu.png')}`);
    await menu.locator('.monaco-list-row, li', { hasText: 'Use the backoff helper' }).first().click();
    const file = join(server.ws, 'src/loop-constant-delay.ts');
    const deadline = Date.now() + 60_000;
    while (!readFileSync(file, 'utf8').includes('retryWithBackoff(')) {
      if (Date.now() > deadline) throw new Error('the fix did not reach the disk');
      await page.keyboard.press('Control+K');
      await page.keyboard.press('s'); // File: Save All
      await new Promise((r) => setTimeout(r, 500)); // poll interval of a bounded wait
    }
    await page.locator('.markers-panel', { hasText: 'retry/require-jitter' }).waitFor({ state: 'detached', timeout: 60_000 }).catch(() => undefined);
    await page.keyboard.press('Control+Home');
    await page.screenshot({ path: join(dir, 'after-fix.png') });
    log(`wrote ${join(dir, 'after-fix.png')}`);
  } finally {
    await browser.close().catch(() => undefined);
    await server.stop();
  }
}

let failed = false;
if (option('--ui')) await runUi(resolve(option('--ui')));
for (const mode of option('--ui') ? [] : modes) {
  const t0 = Date.now();
  let result = await runWindow(mode);
  if (result === 'not-started') {
    log(`${mode}: the tests never started; retrying the window once`);
    result = await runWindow(mode);
  }
  log(`${mode}: ${result} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  if (result !== 'passed') failed = true;
}
process.exitCode = failed ? 1 : 0;
// Everything is closed by now; should a stray handle keep Node alive, do not let it hang CI.
// eslint-disable-next-line n/no-process-exit -- a last resort after every browser and server is stopped
setTimeout(() => process.exit(process.exitCode), 10_000).unref();
