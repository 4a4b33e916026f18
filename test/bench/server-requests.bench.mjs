// Language server requests on big files (issue 11): for files of about 100 KB, 500 KB and 990 KB
// (under the default retryLint.maxFileSize of 1,000,000 characters) and one of 2 MB (over it),
// the time from each request to its answer: the first diagnostics, a quick-fix code action on a
// finding, `source.fixAll.retryLint`, and `retryLint/helperEdit`; a code action cancelled at once;
// and a quick-fix code action on a small file sent while the big file's lint runs (the lints run in
// worker threads, so it should not wait for that lint).
// Numbers only; timing never fails a test. Run alone: `nice -n 10 node test/bench/server-requests.bench.mjs`
// (after `npm run build`).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import lsp from 'vscode-languageserver/node.js';

const here = dirname(fileURLToPath(import.meta.url));
const SERVER = resolve(here, '../../extension/dist/server.js');

/** One retry function of about 500 characters. */
function block(i) {
  return `export async function load${i}(url: string): Promise<unknown> {
  let lastError: unknown;
  for (let attempt = 1; attempt <= 4; attempt++) {
    try {
      const res = await fetch(\`\${url}/item/${i}\`, { method: 'POST' });
      if (res.status >= 500) throw new Error(\`server error \${res.status}\`);
      return await res.json();
    } catch (err) {
      lastError = err;
      await new Promise((r) => setTimeout(r, 200 * 2 ** attempt));
    }
  }
  throw lastError;
}

`;
}

function fileOf(chars) {
  let text = '';
  for (let i = 0; text.length + 520 < chars; i++) text += block(i);
  return text;
}

function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

async function timed(pid, fn) {
  const c = cpuMs(pid);
  const t = performance.now();
  const result = await fn();
  return { ms: Math.round(performance.now() - t), cpuMs: Math.round(cpuMs(pid) - c), result };
}

export async function run() {
  if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run npm run build first`);
  const root = mkdtempSync(join(tmpdir(), 'retry-lint-requests-'));
  const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = lsp.createProtocolConnection(new lsp.StreamMessageReader(proc.stdout), new lsp.StreamMessageWriter(proc.stdin));
  const waiting = new Map();
  connection.onNotification(lsp.PublishDiagnosticsNotification.type, (p) => {
    const w = waiting.get(`${p.uri}@${p.version}`);
    if (w) {
      waiting.delete(`${p.uri}@${p.version}`);
      w(p);
    }
  });
  connection.onRequest(lsp.ConfigurationRequest.type, (p) => p.items.map(() => ({})));
  connection.onRequest(lsp.RegistrationRequest.type, () => null);
  connection.onNotification(lsp.LogMessageNotification.type, () => undefined);
  connection.listen();
  await connection.sendRequest(lsp.InitializeRequest.type, {
    processId: process.pid,
    rootUri: pathToFileURL(root).href,
    workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'bench' }],
    capabilities: { workspace: { configuration: true } },
    initializationOptions: { workspaceTrusted: false },
  });
  await connection.sendNotification(lsp.InitializedNotification.type, {});

  // A small file with findings, for the code action sent while a big file is linted.
  const smallUri = pathToFileURL(join(root, 'small.ts')).href;
  const smallPublished = new Promise((res) => waiting.set(`${smallUri}@1`, res));
  await connection.sendNotification(lsp.DidOpenTextDocumentNotification.type, { textDocument: { uri: smallUri, languageId: 'typescript', version: 1, text: block(0) } });
  const small = await smallPublished;

  const rows = [];
  for (const [label, chars] of [['100 KB', 100_000], ['500 KB', 500_000], ['990 KB', 990_000], ['2 MB (over the limit)', 2_000_000]]) {
    const text = fileOf(chars);
    const uri = pathToFileURL(join(root, `big-${chars}.ts`)).href;
    const doc = { uri, version: 1 };
    const published = new Promise((res) => waiting.set(`${uri}@1`, res));
    let during;
    const open = await timed(proc.pid, async () => {
      await connection.sendNotification(lsp.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'typescript', version: 1, text } });
      during = await timed(proc.pid, () =>
        connection.sendRequest(lsp.CodeActionRequest.type, { textDocument: { uri: smallUri, version: 1 }, range: small.diagnostics[0].range, context: { diagnostics: small.diagnostics } }),
      );
      return published;
    });
    const diagnostics = open.result.diagnostics;
    const first = diagnostics[0];
    const range = first?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const quick = await timed(proc.pid, () =>
      connection.sendRequest(lsp.CodeActionRequest.type, { textDocument: doc, range, context: { diagnostics: diagnostics.filter((d) => d.range.start.line === range.start.line) } }),
    );
    const fixAll = await timed(proc.pid, () =>
      connection.sendRequest(lsp.CodeActionRequest.type, { textDocument: doc, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll.retryLint'] } }),
    );
    const helper = await timed(proc.pid, () => connection.sendRequest('retryLint/helperEdit', { textDocument: { uri, version: 1 } }));
    // A code action cancelled as soon as it is sent: answered without the work.
    const source = new lsp.CancellationTokenSource();
    const cancelled = await timed(proc.pid, () => {
      const p = connection.sendRequest(lsp.CodeActionRequest.type, { textDocument: doc, range, context: { diagnostics } }, source.token).catch((e) => e);
      source.cancel();
      return p;
    });
    rows.push({
      file: label,
      characters: text.length,
      findings: diagnostics.length,
      'open → diagnostics ms': open.ms,
      'small-file code action during the lint ms': during.ms,
      'quick fix ms': quick.ms,
      'quick fix server CPU ms': quick.cpuMs,
      'fix-all ms': fixAll.ms,
      'fix-all server CPU ms': fixAll.cpuMs,
      'helper request ms': helper.ms,
      'helper server CPU ms': helper.cpuMs,
      'cancelled code action ms': cancelled.ms,
      actions: Array.isArray(quick.result) ? quick.result.length : 0,
    });
    await connection.sendNotification(lsp.DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }
  console.log(`server requests on big files (load average ${readFileSync('/proc/loadavg', 'utf8').split(' ')[0]}); wall ms from request to answer, and the server's CPU ms meanwhile`);
  console.table(rows);
  await connection.sendRequest(lsp.ShutdownRequest.type).catch(() => undefined);
  await connection.sendNotification(lsp.ExitNotification.type).catch(() => undefined);
  connection.dispose();
  proc.kill();
  rmSync(root, { recursive: true, force: true });
  return rows;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await run();
