// The lint workers, seen from the server's thread: a small pool of worker threads (lint-worker.ts)
// that lint documents and answer the code actions' questions, so no lint holds the server's thread.
// - A document's jobs go to the worker that linted it last (it holds the parse), unless that worker
//   is busy with another document and another is idle; a new lint goes to the least loaded worker.
// - A queued lint of a document is dropped when a newer lint of it is queued (the answer is
//   `undefined`); a running one finishes and the scheduler discards its stale result.
// - A job that runs past the time budget stops its worker; a worker that dies (an exception, out of
//   memory) fails its running job only: the job gets a LintAborted, the queue goes on in a new
//   worker, and every other document keeps its findings. Each problem is told in one line.
// - When no worker can start at all, jobs run on the server's thread (as before the workers).
// - Memory (issue 13): each worker holds its own ESLint, parser and TypeScript (about 150 MB), so
//   one worker runs, started when the server is initialized. A second starts only when a job has
//   waited behind a job that ran past SPILL_MS (a slow lint: the queue moves to it), and stops
//   again after RETIRE_MS with nothing to do, so an editor that lints ordinary files keeps one.
import { Worker } from 'node:worker_threads';
import type { RetryLintSettings } from '../shared/settings';
import type { AnalysisAnswers, AnalysisQueries } from './code-actions';
import { LintAborted, type LintOutcome, type LintTarget, type TrustState } from './lint-types';
import { localPart, localPartLoaded } from './local';
import { type WorkerOptions, type WorkerReply, type WorkerRequest, fromWire } from './worker-protocol';

export { LintAborted };

/** How long one job (a lint, or a code action's analysis) may run before its worker is stopped, in ms. */
export const LINT_TIMEOUT_MS = 60_000;

/** How long a job may hold its worker before the jobs queued behind it move to another worker (started if need be), in ms. */
export const SPILL_MS = 1_000;

/** How long a worker beyond the first may stay idle before it is stopped, in ms. */
export const RETIRE_MS = 30_000;

/**
 * The old-generation heap of a worker, in MiB. V8 collects lazily up to its default limit (GiBs), so
 * an uncapped worker that lints file after file holds hundreds of MiB of garbage; capped, it collects
 * sooner. A file too big for the cap (a lint near retryLint.maxFileSize needs 400–500 MiB) is linted
 * again in a worker with V8's default limit, which goes back to the cap once idle.
 */
export const WORKER_HEAP_MB = 256;

/** What the pool needs: where the worker script is, how many workers, the budget, and where problems go. */
export interface PoolOptions {
  /** The worker's script (the server's own bundle: main.ts starts the worker part in a worker thread). */
  script: string;
  size?: number;
  timeoutMs?: number;
  workerData?: WorkerOptions;
  /** Told once per problem, in one line (the server logs it and shows the first of each kind). */
  onProblem?: (reason: 'timeout' | 'crash' | 'fallback', message: string) => void;
}

/** A cancellation token as the LSP connection gives it. */
interface Token {
  readonly isCancellationRequested: boolean;
  onCancellationRequested(listener: () => void): unknown;
}

type Request = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

interface Job {
  id: number;
  request: Request;
  uri: string | undefined;
  /** Characters of text: the load the job puts on a worker. */
  size: number;
  /** What the job does, for a message (`linting file:///a.ts`). */
  what: string;
  cancel?: Int32Array;
  /** Work done ahead of a request (the code actions' answers after a lint): stopped when the document is linted again. */
  background?: true;
  resolve: (reply: Extract<WorkerReply, { ok: true }> | undefined) => void;
  reject: (error: Error) => void;
}

interface Slot {
  index: number;
  worker: Worker | undefined;
  /** Whether the current worker has answered a job (a worker that dies before it ever answers counts toward giving up). */
  answered: boolean;
  /** Whether the current worker has loaded its code (it says so first): a job's budget starts then, not while the bundle loads. */
  ready: boolean;
  /** When the running job was handed to the worker. */
  startedAt: number;
  running: Job | undefined;
  queue: Job[];
  timer: ReturnType<typeof setTimeout> | undefined;
  /** Fires SPILL_MS after the running job started: its queue moves elsewhere. */
  slowTimer: ReturnType<typeof setTimeout> | undefined;
  /** The running job has run past SPILL_MS: what is queued here now moves elsewhere at once. */
  slow: boolean;
  /** The slot's worker runs with V8's default heap limit, not WORKER_HEAP_MB (a job ran out of memory under the cap). */
  roomy: boolean;
  /** Fires RETIRE_MS after the worker ran out of work, when another worker runs: it stops. */
  idleTimer: ReturnType<typeof setTimeout> | undefined;
}

const describe = (what: string, ms: number): string => `${what} (${(ms / 1000).toFixed(1)} s)`;

/** The pool of lint workers. */
export class LintPool {
  private readonly slots: Slot[];
  private readonly pins = new Map<string, Slot>();
  private nextId = 1;
  /** Workers that died before answering anything, in a row: at 3 the pool gives up and lints on this thread. */
  private deadStarts = 0;
  private inProcess = false;
  private readonly timeoutMs: number;

  constructor(private readonly options: PoolOptions) {
    this.timeoutMs = options.timeoutMs ?? LINT_TIMEOUT_MS;
    const size = Math.max(1, options.size ?? 2);
    this.slots = Array.from({ length: size }, (_, index) => ({ index, worker: undefined, answered: false, ready: false, startedAt: 0, running: undefined, queue: [], timer: undefined, slowTimer: undefined, slow: false, roomy: false, idleTimer: undefined }));
  }

  /** Starts the first worker ahead of the first lint (the server is initialized), so that lint does not wait for ESLint to load. */
  warm(): void {
    const first = this.slots[0];
    if (!this.inProcess && first && !this.slots.some((slot) => slot.worker)) this.spawn(first);
  }

  /** Lints one document in a worker. Undefined when a newer lint of the document replaced this one before it started. */
  async lint(uri: string, target: LintTarget, settings: RetryLintSettings, trust: TrustState): Promise<LintOutcome | undefined> {
    // A queued lint of the same document is out of date now: drop it, and stop the work prepared
    // ahead for its old text (queued or running).
    for (const slot of this.slots) {
      if (slot.running?.uri === uri && slot.running.background && slot.running.cancel) Atomics.store(slot.running.cancel, 0, 1);
      slot.queue = slot.queue.filter((job) => {
        if (job.uri !== uri || (job.request.kind !== 'lint' && !job.background)) return true;
        job.resolve(undefined);
        return false;
      });
    }
    const slot = this.leastLoaded(this.pins.get(uri));
    this.pins.set(uri, slot);
    const reply = await this.submit(slot, { kind: 'lint', target, settings, trust }, uri, target.text.length, `linting ${uri}`);
    return reply?.outcome ? fromWire(reply.outcome) : undefined;
  }

  /**
   * Answers a code action's questions about a document, in the worker that holds its parse when it
   * is free. Undefined when cancelled. `background`: asked ahead of any request (right after a lint),
   * and dropped or stopped when the document is linted again.
   */
  async analysis(uri: string, target: LintTarget, queries: AnalysisQueries, settings: Pick<RetryLintSettings, 'rules'>, token?: Token, background = false): Promise<AnalysisAnswers | undefined> {
    const pinned = this.pins.get(uri);
    const idle = this.slots.find((s) => s.worker && !s.running && s.queue.length === 0);
    const busyElsewhere = pinned?.running !== undefined && pinned.running.uri !== uri;
    const slot = pinned && !(busyElsewhere && idle) ? pinned : (idle ?? this.leastLoaded(pinned));
    this.pins.set(uri, slot);
    const cancelBuffer = typeof SharedArrayBuffer === 'function' ? new SharedArrayBuffer(4) : undefined;
    const cancel = cancelBuffer ? new Int32Array(cancelBuffer) : undefined;
    token?.onCancellationRequested(() => {
      if (cancel) Atomics.store(cancel, 0, 1);
    });
    if (token?.isCancellationRequested) return undefined;
    const reply = await this.submit(slot, { kind: 'analysis', target, queries, settings: { rules: settings.rules }, ...(cancelBuffer ? { cancel: cancelBuffer } : {}) }, uri, target.text.length, `${background ? 'preparing the code actions' : 'answering a code action'} for ${uri}`, cancel, background);
    // Stopped part-way (cancelled, or a background job its document's new lint stopped): the answers may be partial.
    return token?.isCancellationRequested || (cancel && Atomics.load(cancel, 0) === 1) ? undefined : reply?.answers;
  }

  /** A document closed: its parse is dropped wherever it is kept (this thread too, after a fallback). */
  forget(uri: string, filePath: string): void {
    this.pins.delete(uri);
    for (const slot of this.slots) if (slot.worker) void this.submit(slot, { kind: 'forget', filePath }, undefined, 0, 'forgetting a parse').catch(() => undefined);
    if (localPartLoaded()) localPart().forgetParses(filePath);
  }

  /** The workspace's ESLint configs changed (or trust did): every worker forgets the ESLints it loaded (this thread too, after a fallback). */
  reset(): void {
    for (const slot of this.slots) if (slot.worker) void this.submit(slot, { kind: 'reset' }, undefined, 0, 'reloading the ESLint config').catch(() => undefined);
    if (localPartLoaded()) localPart().resetWorkspaceEngines();
  }

  /** Stops every worker (the server is shutting down, or a test is done). */
  async dispose(): Promise<void> {
    await Promise.all(
      this.slots.map(async (slot) => {
        const worker = slot.worker;
        slot.worker = undefined;
        this.stopClocks(slot);
        if (slot.idleTimer) clearTimeout(slot.idleTimer);
        slot.idleTimer = undefined;
        if (worker) await worker.terminate();
      }),
    );
  }

  private load(slot: Slot): number {
    return (slot.running ? slot.running.size + 1 : 0) + slot.queue.reduce((n, job) => n + job.size + 1, 0);
  }

  /** The least loaded slot with a running worker (the first slot when none runs): a new worker starts only by {@link spill}. */
  private leastLoaded(prefer: Slot | undefined): Slot {
    const live = this.slots.filter((slot) => slot.worker);
    const candidates = live.length > 0 ? live : this.slots.slice(0, 1);
    let best = prefer && candidates.includes(prefer) ? prefer : undefined;
    for (const slot of candidates) if (!best || this.load(slot) < this.load(best)) best = slot;
    if (!best) throw new Error('the lint pool has no workers');
    return best;
  }

  /**
   * The slot's running job has held its worker past SPILL_MS: a second worker starts when none
   * runs, and the jobs queued behind the slow one move to an idle worker (none when every slot is busy).
   */
  private spill(slot: Slot): void {
    if (this.inProcess || !slot.running) return;
    // A slow job: a second worker starts loading now (when none runs), so what comes next need not wait for this one.
    if (!this.slots.some((other) => other !== slot && other.worker)) {
      const spare = this.slots.find((other) => other !== slot && !other.worker);
      if (spare) {
        this.spawn(spare);
        this.idle(spare);
      }
    }
    if (slot.queue.length === 0) return;
    const target = this.slots.find((other) => other !== slot && other.worker && !other.running && other.queue.length === 0);
    if (!target) return;
    const moved = slot.queue.splice(0);
    for (const job of moved) if (job.uri && this.pins.get(job.uri) === slot) this.pins.set(job.uri, target);
    target.queue.push(...moved);
    this.pump(target);
  }

  /**
   * The slot ran out of work: when another worker runs, this one stops after RETIRE_MS unless work
   * comes; a roomy worker (see {@link makeRoom}) is then replaced by a capped one if it was the only one.
   */
  private idle(slot: Slot): void {
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    slot.idleTimer = undefined;
    if (slot.running || slot.queue.length > 0 || !slot.worker) return;
    const others = this.slots.some((other) => other !== slot && other.worker);
    if (!others && !slot.roomy) return;
    slot.idleTimer = setTimeout(() => {
      slot.idleTimer = undefined;
      const worker = slot.worker;
      if (!worker || slot.running || slot.queue.length > 0) return;
      const last = !this.slots.some((other) => other !== slot && other.worker);
      if (last && !slot.roomy) return;
      slot.worker = undefined; // before terminate: its exit is not a crash
      for (const [uri, pinned] of this.pins) if (pinned === slot) this.pins.delete(uri);
      void worker.terminate().catch(() => undefined);
      // A roomy worker that was the only one is replaced by a capped one at once.
      slot.roomy = false;
      if (last && !this.inProcess) this.spawn(slot);
    }, RETIRE_MS);
    slot.idleTimer.unref?.();
  }

  private submit(slot: Slot, request: Request, uri: string | undefined, size: number, what: string, cancel?: Int32Array, background = false): Promise<Extract<WorkerReply, { ok: true }> | undefined> {
    return new Promise((resolve, reject) => {
      slot.queue.push({ id: this.nextId++, request, uri, size, what, ...(cancel ? { cancel } : {}), ...(background ? { background: true as const } : {}), resolve, reject });
      this.pump(slot);
      // Queued behind a job that is slow already: move on at once.
      if (slot.slow) this.spill(slot);
    });
  }

  private pump(slot: Slot): void {
    for (let job = slot.running ? undefined : slot.queue.shift(); job; job = slot.running ? undefined : slot.queue.shift()) {
      if (job.cancel && Atomics.load(job.cancel, 0) === 1) {
        job.resolve(undefined);
        continue;
      }
      if (this.inProcess) {
        this.runHere(job);
        continue;
      }
      const worker = slot.worker ?? this.spawn(slot);
      if (!worker) {
        this.runHere(job);
        continue;
      }
      slot.running = job;
      if (slot.idleTimer) clearTimeout(slot.idleTimer);
      slot.idleTimer = undefined;
      if (slot.ready) this.startClock(slot);
      const message: WorkerRequest = { ...job.request, id: job.id };
      worker.postMessage(message);
    }
  }

  /** Starts the running job's time budget. */
  private startClock(slot: Slot): void {
    const job = slot.running;
    if (!job) return;
    slot.startedAt = Date.now();
    this.stopClocks(slot);
    slot.slowTimer = setTimeout(() => {
      slot.slowTimer = undefined;
      slot.slow = true;
      this.spill(slot);
    }, SPILL_MS);
    slot.timer = setTimeout(() => {
      this.abort(slot, 'timeout', `stopped ${describe(job.what, Date.now() - slot.startedAt)}: it ran past the ${this.timeoutMs / 1000} s budget; the file is linted again when it is saved`);
    }, this.timeoutMs);
  }

  /** Stops the running job's clocks (its budget and its slowness). */
  private stopClocks(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    if (slot.slowTimer) clearTimeout(slot.slowTimer);
    slot.timer = undefined;
    slot.slowTimer = undefined;
    slot.slow = false;
  }

  /** The pool gave up on workers: the job runs on this thread (the worker's module loaded here), as the server did before it had workers. */
  private runHere(job: Job): void {
    let reply: Promise<WorkerReply>;
    try {
      reply = localPart().handle({ ...job.request, id: job.id } as WorkerRequest);
    } catch (error) {
      reply = Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    reply.then(
      (r) => {
        if (r.ok) job.resolve(r);
        else job.reject(new Error(r.error));
      },
      (error: unknown) => {
        job.reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  }

  private spawn(slot: Slot): Worker | undefined {
    let worker: Worker;
    try {
      const workerData: WorkerOptions = { ...this.options.workerData, retryLintWorker: true };
      worker = new Worker(this.options.script, { workerData, stdout: false, stderr: false, ...(slot.roomy ? {} : { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } }) });
    } catch (error) {
      this.giveUp(`the lint worker could not start (${error instanceof Error ? error.message : String(error)})`);
      return undefined;
    }
    slot.worker = worker;
    slot.answered = false;
    slot.ready = false;
    worker.on('message', (reply: WorkerReply | 'ready') => {
      if (slot.worker !== worker) return;
      if (reply === 'ready') {
        slot.ready = true;
        this.startClock(slot);
        return;
      }
      const job = slot.running;
      if (job?.id !== reply.id) return;
      slot.running = undefined;
      this.stopClocks(slot);
      slot.answered = true;
      this.deadStarts = 0;
      if (reply.ok) job.resolve(reply);
      else job.reject(new Error(reply.error));
      this.pump(slot);
      this.idle(slot);
    });
    worker.on('error', (error) => {
      if (slot.worker !== worker) return;
      if ((error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY' && !slot.roomy && slot.running) {
        this.makeRoom(slot);
        return;
      }
      this.abort(slot, 'crash', `the lint worker failed ${slot.running ? `while ${slot.running.what}` : 'while idle'}: ${(error.message || String(error)).split('\n')[0]}`);
    });
    worker.on('exit', (code) => {
      if (slot.worker === worker) this.abort(slot, 'crash', `the lint worker exited (code ${code}) ${slot.running ? `while ${slot.running.what}` : 'while idle'}`);
    });
    return worker;
  }

  /** The running job ran out of memory under WORKER_HEAP_MB: it runs again first, in a worker with V8's default limit. */
  private makeRoom(slot: Slot): void {
    const worker = slot.worker;
    const job = slot.running;
    slot.worker = undefined;
    slot.running = undefined;
    slot.roomy = true;
    this.stopClocks(slot);
    if (worker) void worker.terminate().catch(() => undefined);
    for (const [uri, pinned] of this.pins) if (pinned === slot) this.pins.delete(uri);
    if (job) slot.queue.unshift(job);
    setImmediate(() => { this.pump(slot); });
  }

  /** Stops the slot's worker: its running job fails with LintAborted, the rest of its queue goes on in a new worker. */
  private abort(slot: Slot, reason: 'timeout' | 'crash', message: string): void {
    const worker = slot.worker;
    const job = slot.running;
    const diedUnused = !slot.answered;
    // A worker that dies before its code loaded failed to start: its job is not at fault and waits for the next worker.
    const startFailed = reason === 'crash' && !slot.ready;
    slot.worker = undefined;
    slot.running = undefined;
    this.stopClocks(slot);
    if (worker) void worker.terminate().catch(() => undefined);
    for (const [uri, pinned] of this.pins) if (pinned === slot) this.pins.delete(uri);
    const line = `Retry Lint: ${message}.`;
    this.options.onProblem?.(reason, line);
    if (job && startFailed) slot.queue.unshift(job);
    else job?.reject(new LintAborted(line, reason));
    if (reason === 'crash' && diedUnused) {
      this.deadStarts++;
      if (this.deadStarts >= 3) this.giveUp('the lint worker keeps stopping before it answers');
    }
    // Deferred: a worker that dies as it starts must not spin this loop.
    setImmediate(() => { this.pump(slot); });
  }

  private giveUp(why: string): void {
    if (this.inProcess) return;
    this.inProcess = true;
    this.options.onProblem?.('fallback', `Retry Lint: ${why}; linting on the server's thread from now on.`);
  }
}
