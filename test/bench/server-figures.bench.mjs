// Language server figures of issue 13 not covered by server.bench.mjs: how long the server takes to
// start (spawn to the `initialize` answer, which `activate()` awaits through the language client),
// the code-action latency on a typical file (p50/p95 of a quick-fix request on a file the server has
// linted, as the editor sends one when the cursor rests on a finding), and the server's resident
// memory, worker threads included (one process), with 200 and 1,000 real source files open.
// Files: the shared labelled cases for the code actions, the real-package corpus of
// real-corpus.bench.mjs for the memory (the shared cases cycled when it is absent).
// Run alone: `nice -n 10 node test/bench/server-figures.bench.mjs` (after `npm run build`).
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve, extname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import lsp from 'vscode-languageserver/node.js';
import { corpusFiles, corpusRoot } from './real-corpus.bench.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const SERVER = resolve(process.env.RETRY_LINT_SERVER ?? resolve(here, '../../extension/dist/server.js'));
const CASES = resolve(here, '../../../shared/cases');
const LANG = { '.ts': 'typescript', '.mts': 'typescript', '.cts': 'typescript', '.tsx': 'typescriptreact', '.js': 'javascript', '.mjs': 'javascript', '.cjs': 'javascript', '.jsx': 'javascriptreact' };

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const rssMiB = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

/** Starts the server and answers its requests; resolves once `initialize` is answered, with the time it took. */
async function start(root) {
  const t0 = performance.now();
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
  connection.onNotification(() => undefined);
  connection.onRequest(lsp.ConfigurationRequest.type, (p) => p.items.map(() => ({})));
  connection.onRequest(lsp.RegistrationRequest.type, () => null);
  connection.onRequest(() => null);
  connection.listen();
  await connection.sendRequest(lsp.InitializeRequest.type, { processId: process.pid, rootUri: pathToFileURL(root).href, capabilities: { workspace: { configuration: true } }, initializationOptions: { workspaceTrusted: false } });
  const initMs = performance.now() - t0;
  await connection.sendNotification(lsp.InitializedNotification.type, {});
  const published = (uri, version) => new Promise((res, rej) => {
    const t = setTimeout(() => rej(new Error(`timeout for ${uri}@${version}`)), 600_000);
    waiting.set(`${uri}@${version}`, (p) => (clearTimeout(t), res(p)));
  });
  const stop = async () => {
    await connection.sendRequest(lsp.ShutdownRequest.type).catch(() => undefined);
    await connection.sendNotification(lsp.ExitNotification.type).catch(() => undefined);
    connection.dispose();
    proc.kill();
  };
  return { proc, connection, published, initMs, stop, t0 };
}

export async function run({ starts = 5, requests = 40 } = {}) {
  if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run npm run build first`);
  const root = mkdtempSync(join(tmpdir(), 'retry-lint-figures-'));
  // 1. Start-up: spawn to the `initialize` answer, and spawn to the first diagnostics of a small
  // file opened right after `initialized` (the first lint loads the linter), several starts.
  const inits = [];
  const firsts = [];
  const first = existsSync(CASES) ? readdirSync(CASES).filter((f) => LANG[extname(f)]).sort()[0] : undefined;
  for (let i = 0; i < starts; i++) {
    const s = await start(root);
    inits.push(s.initMs);
    if (first) {
      const uri = pathToFileURL(join(root, 'first', `${i}-${first}`)).href;
      const p = s.published(uri, 1);
      await s.connection.sendNotification(lsp.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: LANG[extname(first)], version: 1, text: readFileSync(join(CASES, first), 'utf8') } });
      await p;
      firsts.push(performance.now() - s.t0);
    }
    await s.stop();
  }
  inits.sort((a, b) => a - b);
  firsts.sort((a, b) => a - b);
  const s = await start(root);
  const { connection, published, proc } = s;
  // 2. Code actions on typical files: each labelled case with a finding, a quick-fix request at its
  // first finding, `requests` requests in all (cycled), each after the file's lint.
  const cases = existsSync(CASES) ? readdirSync(CASES).filter((f) => LANG[extname(f)]).map((f) => [join(CASES, f), readFileSync(join(CASES, f), 'utf8')]) : [];
  const withFindings = [];
  for (const [f, text] of cases) {
    const uri = pathToFileURL(join(root, 'cases', f.split('/').pop())).href;
    const p = published(uri, 1);
    await connection.sendNotification(lsp.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: LANG[extname(f)], version: 1, text } });
    const d = await p;
    if (d.diagnostics.length > 0) withFindings.push({ uri, diagnostics: d.diagnostics, lines: text.split('\n').length });
    if (withFindings.length >= 20) break;
  }
  const samples = [];
  let actions = 0;
  for (let i = 0; i < requests && withFindings.length > 0; i++) {
    const { uri, diagnostics } = withFindings[i % withFindings.length];
    const range = diagnostics[0].range;
    const t = performance.now();
    const r = await connection.sendRequest(lsp.CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics: diagnostics.filter((d) => d.range.start.line === range.start.line) } });
    samples.push(performance.now() - t);
    actions += r?.length ?? 0;
  }
  samples.sort((a, b) => a - b);
  for (const { uri } of withFindings) await connection.sendNotification(lsp.DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  // 3. Memory with 200 and 1,000 files open (real package sources; each linted before the reading).
  const corpus = corpusRoot();
  const files = corpus ? corpusFiles(corpus) : cases;
  const rss = {};
  const progress = process.env.RETRY_LINT_BENCH_VERBOSE ? (m) => console.error(`[server-figures] ${m}`) : () => undefined;
  progress(`code actions done: p95 ${percentile(samples, 95)?.toFixed(1)} ms`);
  const openAll = async (from, to) => {
    const all = [];
    for (let i = from; i < to; i++) {
      const [f, text] = files[i % files.length];
      const uri = pathToFileURL(join(root, 'open', `${i}-${f.split('/').pop()}`)).href;
      all.push(published(uri, 1));
      await connection.sendNotification(lsp.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: LANG[extname(f)] ?? 'javascript', version: 1, text } });
    }
    await Promise.all(all);
  };
  const rssAtStart = rssMiB(proc.pid);
  await openAll(0, 200);
  rss.after200 = rssMiB(proc.pid);
  progress(`200 files: ${Math.round(rss.after200)} MiB`);
  await openAll(200, 1000);
  rss.after1000 = rssMiB(proc.pid);
  const result = {
    serverStartMsMedian: Math.round(percentile(inits, 50)),
    serverStartMsMin: Math.round(inits[0]),
    firstDiagnosticsMsMedian: firsts.length ? Math.round(percentile(firsts, 50)) : undefined,
    firstDiagnosticsMsMin: firsts.length ? Math.round(firsts[0]) : undefined,
    codeActionFiles: withFindings.length,
    codeActionFileLinesMedian: percentile(withFindings.map((w) => w.lines).sort((a, b) => a - b), 50),
    codeActionsReturned: actions,
    codeActionP50Ms: Number(percentile(samples, 50)?.toFixed(1)),
    codeActionP95Ms: Number(percentile(samples, 95)?.toFixed(1)),
    memoryFiles: corpus ? 'real-package corpus' : 'shared cases',
    rssAtStartMiB: Math.round(rssAtStart),
    rssAfter200FilesMiB: Math.round(rss.after200),
    rssAfter1000FilesMiB: Math.round(rss.after1000),
    loadAverage1m: Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]),
  };
  console.table(result);
  await s.stop();
  rmSync(root, { recursive: true, force: true });
  return result;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await run();
