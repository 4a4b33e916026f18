import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { propertyName, stringValue, unwrap } from '../ast';
import { fileIndex } from '../file-index';
import { judgeRetriedFunction } from './retried-operation';
import { normalPath, variableOf } from '../scope';
import type { LibrarySuggestion, Node, RetrySite } from '../types';
import { replaceSuggestion, resolveExpression } from './inspect';
import type { LibraryDocs } from './docs';
import { insertProperty } from './option-state';
import type { FunctionNode } from './util';
import { addFunctionDelay, functionDelay } from './delay-function';
import { resolveFunction } from './option-state';
import type { LibraryAdapter, LibraryContext } from './types';
import { librarySite, numberOption, opaqueDelay, optionsObject, readOption, resolveObject, resolveObjectLiteral, scheduleDelay, type OptionsObject } from './util';

/**
 * BullMQ job retries: `attempts` and `backoff` in `queue.add(name, data, opts)`, `addBulk`,
 * `new Queue(name, { defaultJobOptions })`, `FlowProducer#add` and `upsertJobScheduler`
 * templates. Defaults (bullmq 5.x / 6.x `classes/backoffs.js`): `attempts` 1 (no retry); no
 * `backoff`: a failed job is retried at once; `fixed`: `delay` every time; `exponential`:
 * `delay × 2^(attemptsMade − 1)` with no cap; `jitter` 0 (a fraction 0..1 randomises the delay).
 */

const MODULE = 'bullmq';

export const docs: LibraryDocs = {
  package: 'bullmq',
  api: '`attempts` / `backoff` in `queue.add`, `queue.addBulk`, `queue.upsertJobScheduler`, `new Queue(name, { defaultJobOptions })`, `flowProducer.add`',
  versionAssumed: 'bullmq 5.x / 6.x (`backoff.jitter` since 5.x); Bull 3.x / 4.x job options are read the same way (no `jitter` option)',
  defaults: [
    '`attempts: 1`: no retry',
    'no `backoff`: a failed job is retried at once',
    '`fixed`: `delay` every time; `exponential`: `delay * 2 ** (attemptsMade - 1)`, no cap (Bull 3/4: `delay * (2 ** attemptsMade - 1)`)',
    '`jitter: 0`: no jitter',
  ],
  checks: [
    { rule: 'require-backoff', when: '`attempts` above 1 and no `backoff` (retried at once), a numeric or `fixed` backoff; suggests `type: \'exponential\'`.' },
    { rule: 'require-jitter', when: 'a `fixed`, `exponential` or numeric backoff without `jitter`; suggests `jitter: 0.5` (BullMQ only: Bull 3/4 has no such option).' },
    { rule: 'require-max-delay', when: 'the largest exponential delay (BullMQ has no cap) exceeds `maxDelayMs`.' },
    { rule: 'no-unbounded-retry', when: '`attempts: Infinity`.' },
    { rule: 'require-idempotency-key', when: 'the processor of a same-file `new Worker(name, processor)` for a queue whose jobs are retried sends a POST/PATCH (or creates with an SDK) without a stable key.' },
    { rule: 'no-retry-on-client-error', when: 'that processor throws on any non-OK answer (`if (!res.ok) throw …`), or calls a client that throws on 4xx without classifying; `throw new UnrecoverableError(…)` ends the retries.' },
    { rule: 'require-jitter', when: 'a custom backoff strategy (worker or NestJS `@Processor` `settings.backoffStrategy`, bullmq 1.x / Bull `settings.backoffStrategies`) whose returned delay has no random component.' },
    { rule: 'require-max-delay', when: 'a custom strategy whose largest delay over the job\'s attempts exceeds `maxDelayMs`, or that grows with no cap when the attempts are unknown (a worker whose jobs are added elsewhere).' },
  ],
  notModelled: [
    'Custom backoff strategies registered in another module: a job with a custom `backoff.type` and no strategy in the file is not judged for its delay.',
    'Queues that are not a same-file `const` (injected, class fields): their `defaultJobOptions` are unknown; job options passed to their `add(…)` are still recognised by shape (an object setting `attempts`) in a file that imports BullMQ or Bull, and with no `backoff` of their own nothing is said of their wait (the queue\'s defaults may set one).',
  ],
};

export const bullmqAdapter: LibraryAdapter = {
  packages: [MODULE, 'bull', '@nestjs/bullmq', '@nestjs/bull'],
  docs,
  analyze(node, origin, ctx) {
    if (origin.module.startsWith('@nestjs/')) return [];
    // Bull (v3/v4) exports the Queue class as the module itself; its job options are BullMQ's without `jitter`.
    const p = origin.module === 'bull' ? ['Queue', ...normalPath(origin)] : normalPath(origin);
    const last = p[p.length - 1];
    const args = node.arguments;
    const sites: RetrySite[] = [];
    if (node.type === T.NewExpression) {
      // Worker settings are read (and so claimed from the typed-options pass) here; their custom
      // strategies are judged with the jobs that use them, or on their own (`unregistered`).
      if (p.length === 1 && (p[0] === 'Worker' || p[0] === 'Queue')) strategiesOfCall(ctx, node);
      if (p.length === 1 && p[0] === 'Queue') {
        const opts = objectOf(ctx, queueOptionsArgument(ctx, node));
        const defaults = opts ? objectOf(ctx, readOption(ctx, opts, 'defaultJobOptions')?.value) : undefined;
        if (defaults) sites.push(...jobSite(ctx, node, defaults, undefined));
      }
      for (const site of sites) judgeProcessors(ctx, site, node);
      return sites;
    }
    const owner = p.slice(0, -1).join('.');
    if (owner === 'Queue.new') {
      if (last === 'add') {
        // Bull also takes `add(data, opts)`.
        const opts = objectOf(ctx, args[2] ?? (origin.module === 'bull' ? args[1] : undefined));
        if (opts) sites.push(...jobSite(ctx, node, opts, queueDefaults(ctx, node)));
      } else if (last === 'addBulk') {
        for (const job of elementsOf(ctx, args[0])) {
          const opts = objectOf(ctx, readOption(ctx, job, 'opts')?.value);
          if (opts) sites.push(...jobSite(ctx, node, opts, queueDefaults(ctx, node)));
        }
      } else if (last === 'upsertJobScheduler') {
        const template = objectOf(ctx, args[2]);
        const opts = template ? objectOf(ctx, readOption(ctx, template, 'opts')?.value) : undefined;
        if (opts) sites.push(...jobSite(ctx, node, opts, queueDefaults(ctx, node)));
      }
      // The jobs run through this file's workers of the same queue: their processors are what is retried.
      const callee = unwrap(node.callee);
      const queue = callee.type === T.MemberExpression ? resolveExpression(ctx, callee.object) : undefined;
      if (queue?.type === T.NewExpression) for (const site of sites) judgeProcessors(ctx, site, queue);
    } else if (owner === 'FlowProducer.new' && (last === 'add' || last === 'addBulk')) {
      const flows = last === 'add' ? [objectOf(ctx, args[0])].filter((f) => f !== undefined) : elementsOf(ctx, args[0]).map((o) => o.node);
      for (const f of flows) sites.push(...flowSites(ctx, node, f, 0));
    }
    return sites;
  },
  unregistered: (ctx) => [...unresolvedQueueJobs(ctx), ...unusedStrategies(ctx, registeredStrategies(ctx))],
  typed: {
    types: [['JobsOptions'], ['DefaultJobOptions'], ['BaseJobOptions'], ['AdvancedOptions'], ['AdvancedSettings']],
    analyze(literal, ctx) {
      const opts = resolveObject(ctx, literal);
      if (!opts) return [];
      // Worker settings (`AdvancedOptions`, Bull's `AdvancedSettings`) defined apart from any worker in this file.
      const strategies = settingsStrategies(ctx, opts);
      if (strategies.length > 0) return unusedStrategies(ctx, strategies);
      return jobSite(ctx, literal, opts, undefined);
    },
  },
};

/**
 * A job that fails is run again by the worker's processor (BullMQ re-runs the processor function
 * for the next attempt): the processors of this file's `new Worker(name, processor)` for the same
 * queue (the same name string, or the same `const`) are the retried operation, judged as a retry
 * library's retried function (POST without a key, non-OK answers thrown). A processor's
 * `throw new UnrecoverableError(…)` ends the job's retries (bullmq `UnrecoverableError`).
 */
function judgeProcessors(ctx: LibraryContext, site: RetrySite, queue: TSESTree.NewExpression): void {
  if (site.bound.kind === 'bounded' && (site.bound.maxAttempts ?? 2) <= 1) return;
  const name = queue.arguments[0];
  if (!name) return;
  for (const w of fileIndex(ctx.sourceCode).callsAndNews) {
    if (w.type !== T.NewExpression || w === queue || !w.arguments[1]) continue;
    const origin = ctx.originOf(w.callee);
    if (!origin || !['bullmq', 'bull'].includes(origin.module) || normalPath(origin).join('.') !== 'Worker') continue;
    if (!sameName(ctx, name as Node, w.arguments[0] as Node)) continue;
    judgeRetriedFunction(ctx, site, w.arguments[1] as Node, { conditionNode: site.bound.node, hasCondition: false, abortErrorStops: true });
  }
}

/** Two queue names that are the same: equal strings, or reads of the same variable. */
function sameName(ctx: LibraryContext, a: Node | undefined, b: Node | undefined): boolean {
  const x = unwrap(a);
  const y = unwrap(b);
  if (!x || !y) return false;
  if (x.type === T.Identifier && y.type === T.Identifier && x.name === y.name && variableOf(ctx.sourceCode, x) === variableOf(ctx.sourceCode, y)) return true;
  const sx = stringValue(resolveExpression(ctx, x));
  return sx !== undefined && sx === stringValue(resolveExpression(ctx, y));
}

function objectOf(ctx: LibraryContext, node: Node | null | undefined): OptionsObject | undefined {
  return resolveObject(ctx, node);
}

function elementsOf(ctx: LibraryContext, node: Node | null | undefined): OptionsObject[] {
  const n = resolveExpression(ctx, node);
  if (!n || n.type !== T.ArrayExpression) return [];
  return n.elements.map((e) => (e && e.type !== T.SpreadElement ? objectOf(ctx, e) : undefined)).filter((o) => o !== undefined);
}

function flowSites(ctx: LibraryContext, call: Node, flow: OptionsObject | TSESTree.ObjectExpression, depth: number): RetrySite[] {
  const f = 'spread' in flow ? flow : optionsObject(ctx, flow);
  if (depth > 8) return [];
  const out: RetrySite[] = [];
  const opts = objectOf(ctx, readOption(ctx, f, 'opts')?.value);
  if (opts) out.push(...jobSite(ctx, call, opts, undefined));
  for (const child of elementsOf(ctx, readOption(ctx, f, 'children')?.value)) out.push(...flowSites(ctx, call, child, depth + 1));
  return out;
}

/**
 * The options argument of `new Queue(…)`: BullMQ's `new Queue(name, opts)`, Bull's
 * `new Queue(name, opts)` or `new Queue(name, url, opts)` (bull 4.x `lib/queue.js`: a string second
 * argument is the Redis URL, the options follow it). Undefined when none is passed.
 */
function queueOptionsArgument(ctx: LibraryContext, q: TSESTree.NewExpression): TSESTree.CallExpressionArgument | undefined {
  const [, second, third] = q.arguments;
  return third && !objectOf(ctx, second) && objectOf(ctx, third) ? third : second;
}

/** The `defaultJobOptions` of the queue a `queue.add(…)` is called on, when it is a `const` in this file. */
function queueDefaults(ctx: LibraryContext, call: TSESTree.CallExpression | TSESTree.NewExpression): OptionsObject | undefined | 'unknown' {
  const callee = unwrap(call.callee);
  if (callee.type !== T.MemberExpression) return 'unknown';
  const q = resolveExpression(ctx, callee.object);
  if (!q || q.type !== T.NewExpression) return 'unknown';
  const arg = queueOptionsArgument(ctx, q);
  if (!arg) return undefined;
  const opts = objectOf(ctx, arg);
  if (!opts) return 'unknown';
  const d = readOption(ctx, opts, 'defaultJobOptions');
  if (!d) return opts.spread ? 'unknown' : undefined;
  return objectOf(ctx, d.value) ?? 'unknown';
}

/** One job-options object: a retry site when it retries (`attempts` > 1, here or from the queue's defaults). */
function jobSite(ctx: LibraryContext, call: Node, opts: OptionsObject, inherited: OptionsObject | undefined | 'unknown'): RetrySite[] {
  const attemptsOpt = readOption(ctx, opts, 'attempts');
  const backoffOpt = readOption(ctx, opts, 'backoff');
  if (!attemptsOpt && !backoffOpt) return [];
  let attempts: number | undefined;
  let attemptsNode: Node | undefined = attemptsOpt?.property;
  if (attemptsOpt) attempts = numberOption(attemptsOpt);
  else if (opts.spread || inherited === 'unknown') return []; // attempts may come from elsewhere
  else {
    const fromQueue = inherited ? readOption(ctx, inherited, 'attempts') : undefined;
    if (!fromQueue) {
      if (inherited?.spread) return [];
      return []; // one attempt: the backoff never applies
    }
    attempts = numberOption(fromQueue);
    attemptsNode = undefined;
  }
  if (attempts !== undefined && attempts <= 1) return [];
  const v3 = usesBullV3(ctx);
  const site: RetrySite = { ...librarySite(MODULE, call), waitsKeptBy: 'store' };
  const at = attemptsNode ?? backoffOpt?.property ?? call;
  if (attempts === undefined) site.bound = { kind: 'unknown', maxAttempts: undefined, node: at };
  else if (!Number.isFinite(attempts)) site.bound = { kind: 'unbounded', maxAttempts: undefined, node: at };
  else site.bound = { kind: 'bounded', maxAttempts: attempts, node: at };
  const retries = attempts === undefined ? undefined : attempts - 1;

  if (!backoffOpt) {
    // A queue made elsewhere (injected, returned by a factory method) may give its jobs a backoff in
    // its `defaultJobOptions`, which BullMQ merges under these options: nothing is said of the wait.
    if (!opts.spread && inherited !== 'unknown') site.noWait = at;
    return [site];
  }
  const suggestions: Partial<Record<string, LibrarySuggestion[]>> = {};
  const value = unwrap(backoffOpt.value);
  const ms = numberOption(backoffOpt);
  if (ms !== undefined) {
    if (ms <= 0) site.noWait = backoffOpt.property;
    else {
      site.waits = [{ node: backoffOpt.property, argument: undefined, delay: scheduleDelay({ node: backoffOpt.property, baseMs: ms, factor: 1, capMs: undefined, retries, random: false }) }];
      // Bull 3/4 has no `jitter` option: no jitter edit there (a custom strategy lives on the queue's settings).
      if (exponentialFits(ms, retries, v3)) suggestions['require-backoff'] = [v3 ? replaceSuggestion(value, `{ type: 'exponential', delay: ${ms} }`, 'Use exponential backoff') : replaceSuggestion(value, `{ type: 'exponential', delay: ${ms}, jitter: 0.5 }`, 'Use exponential backoff with jitter')];
      if (!v3) suggestions['require-jitter'] = [replaceSuggestion(value, `{ type: 'fixed', delay: ${ms}, jitter: 0.5 }`, 'Add jitter (`jitter: 0.5`)')];
    }
  } else {
    const b = objectOf(ctx, backoffOpt.value);
    const type = b ? readOption(ctx, b, 'type') : undefined;
    const typeName = type?.known?.value;
    const delayOpt = b ? readOption(ctx, b, 'delay') : undefined;
    const delay = delayOpt ? numberOption(delayOpt) : undefined;
    const jitterOpt = b ? readOption(ctx, b, 'jitter') : undefined;
    const jitter = jitterOpt ? numberOption(jitterOpt) : b?.spread ? undefined : 0;
    const custom = b && typeof typeName === 'string' && typeName !== 'fixed' && typeName !== 'exponential' ? strategiesFor(ctx, typeName) : [];
    if (custom.length > 0) {
      // A custom type: the worker's (or Bull queue's) strategy computes each delay, called with
      // `attemptsMade` from 1 to the job's last retry.
      for (const s of custom) {
        ctx.consumed?.add(s.fn);
        addFunctionDelay(site, functionDelay(ctx, s.fn, s.property, { lo: 1, hi: retries ?? Infinity }, 'negative'));
      }
    } else if (!b || (typeName !== 'fixed' && typeName !== 'exponential') || jitter === undefined || (!delayOpt && b.spread)) {
      site.waits = [{ node: backoffOpt.property, argument: undefined, delay: opaqueDelay(backoffOpt.property) }];
    } else if (delay !== undefined && delay <= 0) {
      site.noWait = backoffOpt.property;
    } else {
      const factor = typeName === 'exponential' ? 2 : 1;
      // BullMQ has no cap: exponential growth with an attempt count computed at run time (an
      // environment variable) is uncapped (PRODUCT: an unknown bound and no cap reports).
      const facts = scheduleDelay({ node: backoffOpt.property, baseMs: delay ?? 1, factor, capMs: undefined, retries, random: jitter > 0 });
      // Bull 3/4's exponential wait is `delay × (2^attemptsMade − 1)` (OptimalBits/bull
      // `lib/backoffs.js`): delay, 3 × delay, 7 × delay…, larger than BullMQ's from the second retry.
      if (v3 && factor === 2 && delay !== undefined && retries !== undefined && Number.isFinite(retries) && facts.maxReason === 'known') facts.maxMs = delay * (2 ** retries - 1);
      if (delay === undefined) {
        // A delay computed when the options are built is the same for every job: its growth and
        // randomness are known from `type` and `jitter`, its size is not.
        if (facts.maxReason === 'known') facts.maxReason = 'opaque';
        facts.maxMs = Infinity;
      }
      site.waits = [{ node: backoffOpt.property, argument: undefined, delay: facts }];
      if (jitter <= 0 && !v3) {
        // A backoff object shared from elsewhere (`backoff: QUEUE_CONFIG.backoff`) is left as it is (other
        // users read it): this job's options get a copy with jitter.
        const shared = !(b.node.range[0] >= opts.node.range[0] && b.node.range[1] <= opts.node.range[1]) && value.type === T.MemberExpression;
        suggestions['require-jitter'] = [
          shared
            ? replaceSuggestion(value, `{ ...${ctx.sourceCode.getText(value as TSESTree.Node)}, jitter: 0.5 }`, 'Add jitter (`jitter: 0.5`)')
            : jitterOpt
              ? replaceSuggestion(unwrap(jitterOpt.value), '0.5', 'Add jitter (`jitter: 0.5`)')
              : insertProperty(b.node, 'jitter: 0.5', 'Add jitter (`jitter: 0.5`)'),
        ];
      }
      // No require-max-delay edit: BullMQ's built-in backoffs have no cap option; a cap needs a custom
      // backoff strategy registered on the Worker, code in another file this edit cannot write.
      // No require-backoff edit when the delay or the attempts are computed at run time (an
      // environment variable): `exponential` could then grow past `maxDelayMs`, one finding traded
      // for another (exponentialFits).
      if (factor === 1 && type && delay !== undefined && exponentialFits(delay, retries, v3)) suggestions['require-backoff'] = [replaceSuggestion(unwrap(type.value), "'exponential'", "Use exponential backoff (`type: 'exponential'`)")];
    }
  }
  if (Object.keys(suggestions).length > 0) site.suggestions = suggestions;
  return [site];
}


/**
 * Job options passed to `queue.add(…)` on a queue the analysis cannot resolve (R8, K3): a field, a
 * parameter, a NestJS `@InjectQueue()` property. In a file that imports BullMQ or Bull, a call
 * `x.add(name, data, opts)` (or Bull's `x.add(data, opts)`) whose last argument is an object
 * literal setting `attempts` above 1 is recognised by that shape. The queue's own defaults are
 * unknown, so an option left out is not judged as the library's default.
 */
function unresolvedQueueJobs(ctx: LibraryContext): RetrySite[] {
  const out: RetrySite[] = [];
  for (const c of ctx.calls) {
    const node = c.node;
    if (c.origin || node.type !== T.CallExpression || node.arguments.length < 2 || node.arguments.length > 3) continue;
    const callee = unwrap(node.callee);
    if (callee.type !== T.MemberExpression || propertyName(callee) !== 'add') continue;
    const last = node.arguments[node.arguments.length - 1];
    const literal = last ? resolveObjectLiteral(ctx, last) : undefined;
    if (!literal || ctx.consumed?.has(literal)) continue;
    const opts = resolveObject(ctx, literal);
    if (!opts || !readOption(ctx, opts, 'attempts')) continue;
    // A queue this file does not make: its `defaultJobOptions` are unseen.
    out.push(...jobSite(ctx, node, opts, 'unknown'));
  }
  return out;
}

/**
 * Whether BullMQ's exponential backoff (no cap) stays within the default `maxDelayMs` (60 s) over
 * the job's retries, so suggesting it does not trade require-backoff for require-max-delay.
 */
function exponentialFits(delayMs: number, retries: number | undefined, v3 = false): boolean {
  if (retries === undefined || !Number.isFinite(retries)) return false;
  return (v3 ? delayMs * (2 ** retries - 1) : delayMs * 2 ** Math.max(retries - 1, 0)) <= 60_000;
}

/**
 * Whether the file's queues are Bull 3/4 (`bull`, `@nestjs/bull`) rather than BullMQ: Bull's job
 * options have no `jitter`, and its exponential backoff is `delay × (2^attemptsMade − 1)`.
 */
function usesBullV3(ctx: LibraryContext): boolean {
  const m = fileIndex(ctx.sourceCode).modules;
  return (m.has('bull') || m.has('@nestjs/bull')) && !m.has('bullmq') && !m.has('@nestjs/bullmq');
}

/** A custom backoff strategy registered in this file. */
interface Strategy {
  fn: FunctionNode;
  /** The option that registers it (reported when the function has several delay leaves). */
  property: TSESTree.Property;
  /** The backoff type it serves; undefined for bullmq's single `backoffStrategy` (every non-built-in type). */
  type: string | undefined;
}

/**
 * The strategies of a settings object (BullMQ `new Worker(name, fn, { settings })`, Bull
 * `new Queue(name, url?, { settings })`): bullmq ≥ 2 `backoffStrategy(attemptsMade, type, err,
 * job)` serves every type that is not built in (`classes/backoffs.ts`, `lookupStrategy`); bullmq
 * 1.x and Bull `backoffStrategies: { [type]: (attemptsMade, err) => ms }` serve their own type. A
 * strategy returns the delay in ms, 0 to retry at once, or -1 to fail the job.
 */
function settingsStrategies(ctx: LibraryContext, settings: OptionsObject): Strategy[] {
  const out: Strategy[] = [];
  const single = readOption(ctx, settings, 'backoffStrategy');
  const fn = single ? resolveFunction(ctx, single.value) : undefined;
  if (single && fn) out.push({ fn, property: single.property, type: undefined });
  const named = readOption(ctx, settings, 'backoffStrategies');
  const table = named ? resolveObject(ctx, named.value) : undefined;
  for (const e of table ? table.entries : []) {
    const name = e ? propertyName(e) : undefined;
    const f = e && name !== undefined ? resolveFunction(ctx, e.value) : undefined;
    if (e && f) out.push({ fn: f, property: e, type: name });
  }
  return out;
}

/** The strategies of one `new Worker(…)` or Bull `new Queue(…)`: its options are any argument after the name. */
function strategiesOfCall(ctx: LibraryContext, call: TSESTree.NewExpression | TSESTree.CallExpression): Strategy[] {
  const out: Strategy[] = [];
  for (const a of call.arguments.slice(1)) {
    const opts = resolveObject(ctx, a);
    const settings = opts ? resolveObject(ctx, readOption(ctx, opts, 'settings')?.value) : undefined;
    if (settings) out.push(...settingsStrategies(ctx, settings));
  }
  return out;
}

/** Every strategy registered by a worker or Bull queue constructed in this file, or by a NestJS `@Processor`. */
function registeredStrategies(ctx: LibraryContext): Strategy[] {
  const out: Strategy[] = [];
  for (const c of ctx.calls) {
    if (!c.origin || !bullmqAdapter.packages.includes(c.origin.module)) continue;
    const p = c.origin.module === 'bull' ? ['Queue', ...normalPath(c.origin)] : normalPath(c.origin);
    // NestJS: `@Processor(name, workerOptions)` (@nestjs/bullmq) takes the worker's options.
    if (c.origin.module === '@nestjs/bullmq') {
      if (c.node.type === T.CallExpression && p.length === 1 && p[0] === 'Processor') out.push(...strategiesOfCall(ctx, c.node));
      continue;
    }
    if (c.node.type !== T.NewExpression || c.origin.module.startsWith('@nestjs/')) continue;
    if (p.length === 1 && (p[0] === 'Worker' || p[0] === 'Queue')) out.push(...strategiesOfCall(ctx, c.node));
  }
  return out;
}

/** The strategies that serve a job's custom backoff type. */
function strategiesFor(ctx: LibraryContext, type: string): Strategy[] {
  return registeredStrategies(ctx).filter((s) => s.type === undefined || s.type === type);
}

/**
 * A strategy no job in this file uses (its jobs are added elsewhere): registering it opts into
 * retrying with it, so it is judged on its own, the attempts unknown (not judged for the bound).
 */
function unusedStrategies(ctx: LibraryContext, strategies: readonly Strategy[]): RetrySite[] {
  const out: RetrySite[] = [];
  for (const s of strategies) {
    if (ctx.consumed?.has(s.fn)) continue;
    ctx.consumed?.add(s.fn);
    const d = functionDelay(ctx, s.fn, s.property, { lo: 1, hi: Infinity }, 'negative');
    if (d.none) continue;
    const site: RetrySite = { ...librarySite(MODULE, s.property, { kind: 'unknown', node: s.property }), waitsKeptBy: 'store' };
    addFunctionDelay(site, d);
    out.push(site);
  }
  return out;
}
