// The messages between the server's thread (lint-pool.ts) and a lint worker (lint-worker.ts), and
// the lint outcome as plain data. Light on purpose: the server's thread imports it, and it must not
// bring ESLint, the parser or the plugin with it.
import type { RetryLintSettings } from '../shared/settings';
import type { AnalysisAnswers, AnalysisQueries } from './code-actions';
import type { LintOutcome, LintTarget, TrustState } from './lint-types';

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
  /** Set by the pool on the threads it starts: the worker script answers messages only then (it is also loaded on the server's thread as a library). */
  retryLintWorker?: true;
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
