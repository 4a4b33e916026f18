// The lint worker: a worker thread (node:worker_threads) that lints documents and answers the
// code actions' questions about a document's parse, so the server's own thread stays free for
// requests while a large file is linted. Its own bundle (dist/lint-worker.js, built from this
// entry): ESLint, the parser and the plugin load here and never on the server's thread, which
// starts without them (server.ts). It keeps the parses of its last lints (linting.ts), so a
// request on the text it linted reuses that parse and its retry analysis. Messages: see
// WorkerRequest / WorkerReply (worker-protocol.ts). The server's thread loads this module as a
// library only when no worker can start (local.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { answerQueries } from './local-analysis';
import { forgetParses, lintDocument, resetWorkspaceEngines } from './linting';
import { toWire, type WorkerOptions, type WorkerReply, type WorkerRequest } from './worker-protocol';

export { answerQueries, localAnalysis } from './local-analysis';
export { forgetParses, lintDocument, resetWorkspaceEngines } from './linting';

/** The test seam of {@link WorkerOptions.testHooks}: a lint that takes long, or a worker that dies. */
function testFaults(text: string): void {
  const spin = /retry-lint-test:spin=(\d+)/.exec(text);
  if (spin) {
    const until = Date.now() + Number(spin[1]);
    while (Date.now() < until) {
      // busy: a lint that holds its thread
    }
  }
  if (text.includes('retry-lint-test:crash')) throw new Error('retry-lint-test: the lint worker crashed on purpose');
}

/** Answers one request (in a worker, or on the server's thread for the pool's fallback). */
export async function handle(request: WorkerRequest): Promise<WorkerReply> {
  switch (request.kind) {
    case 'lint': {
      const outcome = await lintDocument(request.target, request.settings, request.trust);
      return { id: request.id, ok: true, outcome: toWire(outcome) };
    }
    case 'analysis': {
      const flag = request.cancel ? new Int32Array(request.cancel) : undefined;
      const answers = answerQueries(request.target, request.queries, request.settings, () => (flag ? Atomics.load(flag, 0) === 1 : false));
      return { id: request.id, ok: true, answers };
    }
    case 'forget':
      forgetParses(request.filePath);
      return { id: request.id, ok: true };
    case 'reset':
      resetWorkspaceEngines();
      return { id: request.id, ok: true };
  }
}

/** Starts answering the server (in a worker thread the pool started: see the end of this file). */
export function runWorker(): void {
  const port = parentPort;
  if (!port) return;
  const options = (workerData ?? {}) as WorkerOptions;
  port.on('message', (request: WorkerRequest) => {
    // A fault of the test seam escapes on purpose (an uncaught exception ends the worker); any
    // other error is the request's answer.
    if (options.testHooks && (request.kind === 'lint' || request.kind === 'analysis')) testFaults(request.target.text);
    handle(request).then(
      (reply) => {
        port.postMessage(reply);
      },
      (error: unknown) => {
        port.postMessage({ id: request.id, ok: false, error: error instanceof Error ? error.message : String(error) } satisfies WorkerReply);
      },
    );
  });
  // The code is loaded: the server starts the clock of the job it already sent.
  port.postMessage('ready');
}

// A thread the pool started answers; the same module loaded as a library (local.ts) does not.
if (parentPort && (workerData as WorkerOptions | undefined)?.retryLintWorker === true) runWorker();
