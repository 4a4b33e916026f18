// Language server bench: diagnostic latency on a 3,000-line file (p50/p95 from the change
// notification to the matching publishDiagnostics, debounce included) and the server's resident
// memory after opening 200 files. Talks LSP to `node extension/dist/server.js --stdio`.
// Run alone: `node test/bench/server.bench.mjs` (after `npm run build`).
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import lsp from 'vscode-languageserver/node.js';

const here = dirname(fileURLToPath(import.meta.url));
const SERVER = resolve(here, '../../extension/dist/server.js');
const CASES = resolve(here, '../../../shared/cases');

/** One retry function of 15 lines; 200 of them make the 3,000-line file. */
function block(i) {
  return `export async function load${i}(url: string): Promise<unknown> {
  let lastError: unknown;
  for (let attempt = 1; attempt <= 4; attempt++) {
    try {
      const res = await fetch(\`\${url}/item/${i}\`);
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

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** CPU time (user + system) the process has used, in ms: steadier than wall time on a loaded machine. */
function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in clock ticks (100 Hz)
}

function rssMiB(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

export async function run({ iterations = 40 } = {}) {
  if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run npm run build first`);
  const root = mkdtempSync(join(tmpdir(), 'retry-lint-bench-'));
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
  connection.listen();
  const published = (uri, version) => new Promise((res, rej) => {
    const t = setTimeout(() => rej(new Error(`timeout for ${uri}@${version}`)), 60000);
    waiting.set(`${uri}@${version}`, (p) => (clearTimeout(t), res(p)));
  });
  await connection.sendRequest(lsp.InitializeRequest.type, {
    processId: process.pid,
    rootUri: pathToFileURL(root).href,
    capabilities: { workspace: { configuration: true } },
    initializationOptions: { workspaceTrusted: false },
  });
  await connection.sendNotification(lsp.InitializedNotification.type, {});
  const baseline = rssMiB(proc.pid);

  // Latency on a 3,000-line file: one change per iteration, as a keystroke at the end of the file.
  const big = Array.from({ length: 200 }, (_, i) => block(i)).join('');
  const lines = big.split('\n').length - 1;
  const uri = pathToFileURL(join(root, 'big.ts')).href;
  let version = 1;
  const first = published(uri, 1);
  const t0 = performance.now();
  await connection.sendNotification(lsp.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'typescript', version, text: big } });
  const opened = await first;
  const openMs = performance.now() - t0;
  const samples = [];
  const cpuBefore = cpuMs(proc.pid);
  for (let i = 0; i < iterations; i++) {
    version++;
    const text = `${big}// edit ${i}\n`;
    const done = published(uri, version);
    const start = performance.now();
    await connection.sendNotification(lsp.DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
    await done;
    samples.push(performance.now() - start);
  }
  const cpuPerChange = (cpuMs(proc.pid) - cpuBefore) / iterations;
  samples.sort((a, b) => a - b);

  // Memory after opening 200 files (the shared cases, cycled; each under its own name).
  const cases = existsSync(CASES) ? readdirSync(CASES).filter((f) => /\.(ts|tsx|js|jsx)$/.test(f)) : [];
  const texts = cases.length ? cases.map((f) => [f, readFileSync(join(CASES, f), 'utf8')]) : [['x.ts', block(0)]];
  const lang = { ts: 'typescript', tsx: 'typescriptreact', js: 'javascript', jsx: 'javascriptreact' };
  const all = [];
  for (let i = 0; i < 200; i++) {
    const [name, text] = texts[i % texts.length];
    const ext = name.split('.').pop();
    const u = pathToFileURL(join(root, `f${i}-${name}`)).href;
    all.push(published(u, 1));
    await connection.sendNotification(lsp.DidOpenTextDocumentNotification.type, { textDocument: { uri: u, languageId: lang[ext], version: 1, text } });
  }
  await Promise.all(all);
  if (global.gc) global.gc();
  const after200 = rssMiB(proc.pid);

  const result = {
    fileLines: lines,
    findingsOnBigFile: opened.diagnostics.length,
    firstLintMs: Math.round(openMs),
    latencyP50Ms: Math.round(percentile(samples, 50)),
    latencyP95Ms: Math.round(percentile(samples, 95)),
    serverCpuMsPerChange: Math.round(cpuPerChange),
    debounceMs: 150,
    loadAverage1m: Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]),
    rssAfterStartMiB: Math.round(baseline),
    rssAfter200FilesMiB: Math.round(after200),
  };
  console.table(result);
  await connection.sendRequest(lsp.ShutdownRequest.type).catch(() => undefined);
  await connection.sendNotification(lsp.ExitNotification.type).catch(() => undefined);
  connection.dispose();
  proc.kill();
  rmSync(root, { recursive: true, force: true });
  return result;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await run();
