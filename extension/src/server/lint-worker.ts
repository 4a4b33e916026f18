// The lint worker: a worker thread (node:worker_threads) that lints documents and answers the
// code actions' questions about a document's parse, so the server's own thread stays free for
// requests while a large file is linted. It runs the same bundle as the server (dist/server.js;
// see main.ts) and keeps the parses of its last lints (linting.ts), so a request on the text it
// linted reuses that parse and its retry analysis. Messages: see WorkerRequest / WorkerReply.
import { parentPort, workerData } from 'node:worker_threads';
import type { RetryLintSettings } from '../shared/settings';
import { type AnalysisAnswers, type AnalysisQueries, answerQueries } from './code-actions';
import { forgetParses, lintDocument, type LintOutcome, type LintTarget, resetWorkspaceEngines, type TrustState } from './linting';

/** A lint's outcome as plain data: the docs link of each rule that has findings instead of a function. */
export type WireOutcome = Omit<LintOutcome, 'docsUrl'> & { docs: Record<string, string | undefined> };

/** What the server asks of a worker. `id` pairs the reply; a job's `cancel` is set to 1 when the request is cancelled. */
export type WorkerRequest =
  | { id: number; kind: 'lint'; target: LintTarget; settings: RetryLintSettings; trust: TrustState }
  | { id: number; kind: 'analysis'; target: LintTarget; queries: AnalysisQueries; settings: Pick<RetryLintSettings, 'rules'>; cancel?: SharedArrayBuffer }
  | { id: number; kind: 'forget'; filePath: string }
  | { id: number; kind: 'reset' };

/** A worker's answer to one request. */
export type WorkerReply =
  | { id: number; ok: true; outcome?: WireOutcome; answers?: AnalysisAnswers }
  | { id: number; ok: false; error: string };

/** What the server passes to a new worker (`workerData`). */
export interface WorkerOptions {
  /** Test seam: honour `retry-lint-test:spin=<ms>` and `retry-lint-test:crash` in a linted text (set by RETRY_LINT_TEST_HOOKS=1). */
  testHooks?: boolean;
}

/** A lint's outcome as plain data. */
export function toWire(outcome: LintOutcome): WireOutcome {
  const { docsUrl, ...rest } = outcome;
  const docs: Record<string, string | undefined> = {};
  for (const m of outcome.messages) if (m.ruleId && !(m.ruleId in docs)) docs[m.ruleId] = docsUrl(m.ruleId);
  return { ...rest, docs };
}

/** The outcome back from plain data. */
export function fromWire(wire: WireOutcome): LintOutcome {
  const { docs, ...rest } = wire;
  return { ...rest, docsUrl: (ruleId) => docs[ruleId] };
}

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

async function handle(request: WorkerRequest): Promise<WorkerReply> {
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

/** Starts answering the server (called by main.ts in a worker thread). */
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
