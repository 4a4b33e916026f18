import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { drawsRandom } from '../input-change';
import { isCredentialRefresh } from '../credentials';
import { contains, propertyName, unwrap, walk, isFunction } from '../ast';
import { predicateClientChecks, predicateRateLimitTests, refersToAny } from '../operation';
import { delayOfFunction, evaluate, makeEnv, toDelayFacts } from '../delay';
import { describeHttpCall, type HttpCall } from '../http';
import { bindingOf, constantNumber, normalPath, variableOf, type Origin } from '../scope';
import { isClientErrorStatus, RETRY_AFTER_STATUSES } from '../statuses';
import type { DelayFacts, Node, RetrySite, Wait } from '../types';
import { resolveExpression, returnedExpressions } from './inspect';
import type { LibraryDocs } from './docs';
import { readsRetryAfter, resolveFunction } from './option-state';
import type { LibraryAdapter, LibraryContext } from './types';
import { librarySite, numberOption, opaqueDelay, readOption, resolveObject, scheduleDelay, staticValueOf, type FunctionNode } from './util';
import { evaluateTest, handlesRateLimit, retriedClientError, retriesOnlyNamed, statusCheckIn } from './status-set';
import { notifierSuggestions, retrySuggestions } from './rxjs-fixes';
import type { LibrarySuggestion, RuleId } from '../types';

/** Adds suggestions to a site's own. */
function suggest(site: RetrySite, more: Partial<Record<RuleId, LibrarySuggestion[]>>): void {
  for (const [rule, list] of Object.entries(more) as Array<[RuleId, LibrarySuggestion[] | undefined]>) {
    if (!list || list.length === 0) continue;
    site.suggestions ??= {};
    site.suggestions[rule] = [...(site.suggestions[rule] ?? []), ...list];
  }
}

/**
 * rxjs 7.x `retry(count)` / `retry({ count, delay, resetOnSuccess })` and the deprecated
 * `retryWhen(notifier)`. Defaults (`src/internal/operators/retry.ts`): `count` Infinity, no
 * delay (resubscribes at once). rxjs 6's `retry(count = -1)` is also infinite and has no config
 * object, so the number form means the same in both majors.
 */

const MODULES = ['rxjs', 'rxjs/operators'];
/**
 * RxJS 5's patch imports: `import 'rxjs/add/operator/retry'` (or all operators, `rxjs/Rx`) adds
 * `retry`/`retryWhen` as methods of every Observable (`source.retry(3)`).
 */
const PATCH_MODULES: Readonly<Record<string, readonly string[]>> = {
  'rxjs/add/operator/retry': ['retry'],
  'rxjs/add/operator/retryWhen': ['retryWhen'],
  'rxjs/Rx': ['retry', 'retryWhen'],
};

export const docs: LibraryDocs = {
  package: 'rxjs',
  api: '`retry(count)`, `retry({ count, delay })`, `retryWhen(notifier)` from `rxjs` or `rxjs/operators`; RxJS 5 patch operators (`source.retry(n)`, `source.retryWhen(notifier)` after `import \'rxjs/add/operator/retry\'` or `rxjs/Rx`)',
  versionAssumed: 'rxjs 7.x (rxjs 6 `retry(n)` means the same; its default `-1` is also infinite)',
  defaults: ['`count: Infinity`', 'no delay: resubscribes at once', 'Retry-After: not read', 'every error is retried'],
  checks: [
    { rule: 'no-unbounded-retry', when: '`retry()`, `count: Infinity`, a `retryWhen` notifier with nothing that stops it (no `take`, no test on the index or a counter, in a `takeWhile`, `filter`, `scan`, or a `tap`/`map` that throws); suggests `count: 3`.' },
    { rule: 'require-backoff', when: 'no `delay` (resubscribes at once) or a numeric `delay`; a notifier whose `delay(x)` or `timer(x)` does not grow with the index (an operator argument is the same for every attempt, known or not). Notifiers exported apart from their `retryWhen` are judged too.' },
    { rule: 'no-retry-on-client-error', when: 'a notifier test on the error\'s status (`throwError` for some statuses, or a `tap` that throws the others) that still lets a 4xx through; not when the notifier renews the credentials on the way (a re-authentication, judged by `no-unbounded-retry` alone).' },
    { rule: 'require-jitter', when: 'a numeric `delay`; a `delay` function through the shared delay analysis.' },
    { rule: 'require-max-delay', when: 'a `delay` function whose growth is not capped.' },
    { rule: 'no-retry-on-client-error', when: 'the retried source is rxjs `ajax` or Angular `HttpClient` / `HttpHandler.handle` (they error on 4xx) and no `delay` function can tell errors apart.' },
    { rule: 'require-idempotency-key', when: 'the retried source is an `ajax` POST or PATCH without an idempotency key.' },
  ],
  notModelled: [
    '`retryWhen` notifier operators other than `delay`, `delayWhen`, `take`, `takeWhile`, `first`, `scan`, `filter`, `tap`, `map` and `mergeMap`/`concatMap`/`switchMap`/`exhaustMap` returning `timer`, `of`, `throwError` or `EMPTY`: such an operator makes the bound, the wait and the error classification unknown, and nothing else.',
  ],
};

export const rxjsAdapter: LibraryAdapter = {
  packages: [...MODULES, ...Object.keys(PATCH_MODULES)],
  docs,
  analyze(node, origin, ctx) {
    if (node.type !== T.CallExpression) return [];
    const op = operatorOf(origin);
    if (op === 'retry') return analyzeRetry(ctx, node);
    if (op === 'retryWhen') return analyzeRetryWhen(ctx, node);
    return [];
  },
  unregistered: unregisteredNotifiers,
};

function operatorOf(origin: Origin): string | undefined {
  const p = normalPath(origin);
  const name = p[p.length - 1];
  if (p.slice(0, -1).some((s) => s !== 'operators')) return undefined;
  return name === 'retry' || name === 'retryWhen' ? name : undefined;
}

function analyzeRetry(ctx: LibraryContext, node: TSESTree.CallExpression): RetrySite[] {
  const site = librarySite('rxjs', node);
  const arg = node.arguments[0];
  let count: number | undefined = Infinity;
  let countNode: Node = node;
  let classifies = false;
  if (arg) {
    const known = staticValueOf(ctx, arg);
    if (known && typeof known.value === 'number') {
      count = known.value;
      countNode = arg;
      site.noWait = node;
    } else if (known && known.value === undefined) {
      site.noWait = node;
    } else {
      const options = resolveObject(ctx, arg);
      if (!options) return []; // built at run time
      const countOpt = readOption(ctx, options, 'count');
      count = countOpt ? numberOption(countOpt) : options.spread ? undefined : Infinity;
      countNode = countOpt?.property ?? node;
      const delayOpt = readOption(ctx, options, 'delay');
      if (!delayOpt) {
        if (!options.spread) site.noWait = node;
      } else {
        const ms = numberOption(delayOpt);
        const fn = ms === undefined ? resolveFunction(ctx, delayOpt.value) : undefined;
        if (ms !== undefined) {
          if (ms <= 0) site.noWait = delayOpt.property;
          else site.waits = [{ node: delayOpt.property, argument: undefined, delay: scheduleDelay({ node: delayOpt.property, baseMs: ms, factor: 1, capMs: undefined, retries: count, random: false }) }];
        } else if (fn) {
          // `delay(error, retryCount)` returns a notifier: `timer(ms)` waits (the retry count is
          // the attempt), `throwError` / `EMPTY` stop. It may stop on a count or on the error:
          // it can bound and classify the retries.
          const r = retryDelayWaits(ctx, fn, delayOpt.property, count !== undefined && Number.isFinite(count) ? count : undefined);
          // Without `count`, only a delay function that can stop bounds it (rxjs' count defaults to Infinity).
          if (!countOpt && r.mayStop) count = undefined;
          site.waits = r.waits;
          classifies = r.onError;
          if (r.clientError) site.clientErrorRetries.push({ node: r.clientError, reason: 'client-status' });
          site.rateLimitChecks.push(...r.rateLimitTests);
          site.honoursRetryAfter = readsRetryAfter(ctx, fn);
        } else {
          classifies = true;
          if (!countOpt) count = undefined;
          site.waits = [{ node: delayOpt.property, argument: undefined, delay: opaqueDelay(delayOpt.property) }];
        }
      }
    }
  } else {
    site.noWait = node;
  }
  if (count !== undefined && count <= 0) return [];
  if (count === undefined) site.bound = { kind: 'unknown', maxAttempts: undefined, node: countNode };
  else if (!Number.isFinite(count)) {
    site.bound = { kind: 'unbounded', maxAttempts: undefined, node: countNode };
    site.suggestions = { 'no-unbounded-retry': [boundSuggestion(ctx, node)].filter((s) => s !== undefined) };
  } else site.bound = { kind: 'bounded', maxAttempts: count + 1, node: countNode };

  for (const http of sourceRequests(ctx, node)) judgeRequest(ctx, site, http, node, classifies);
  suggest(site, retrySuggestions(ctx, node, site));
  return [site];
}

/** `retry()` → `retry({ count: 3 })`-style edit: only for the argument-less call and `count: Infinity`. */
function boundSuggestion(ctx: LibraryContext, node: TSESTree.CallExpression) {
  const description = 'Stop after 3 retries (`count: 3`)';
  if (node.arguments.length === 0) {
    const close = ctx.sourceCode.getLastToken(node);
    if (close && close.value === ')') return { description, range: [close.range[0], close.range[0]] as [number, number], text: '3' };
    return undefined;
  }
  const arg = unwrap(node.arguments[0]);
  if (arg && arg.type === T.Literal) return { description, range: [arg.range[0], arg.range[1]] as [number, number], text: '3' };
  if (arg && arg.type === T.Identifier && arg.name === 'Infinity') return { description, range: [arg.range[0], arg.range[1]] as [number, number], text: '3' };
  if (arg && arg.type === T.ObjectExpression) {
    const count = arg.properties.find((p): p is TSESTree.Property => p.type === T.Property && propertyName(p) === 'count');
    if (count) return { description, range: [count.value.range[0], count.value.range[1]] as [number, number], text: '3' };
    return { description, range: [arg.range[0] + 1, arg.range[0] + 1] as [number, number], text: ' count: 3,' };
  }
  return undefined;
}

function analyzeRetryWhen(ctx: LibraryContext, node: TSESTree.CallExpression): RetrySite[] {
  const fn = resolveFunction(ctx, node.arguments[0]);
  const site = librarySite('rxjs', node, { kind: 'unknown' });
  if (!fn) return [site];
  ctx.consumed?.add(fn);
  const notifier = interpretNotifier(ctx, fn);
  if (!notifier) return [site];
  applyNotifier(site, notifier, node);
  if (notifier.renews) site.purpose = 'refresh-replay';
  site.honoursRetryAfter = readsRetryAfter(ctx, fn);
  for (const http of sourceRequests(ctx, node)) judgeRequest(ctx, site, http, node, notifier.classifies);
  suggest(site, notifierSuggestions(ctx, site));
  return [site];
}

/** What the operators of a `retryWhen` notifier do to the retry (K9): one fact per concern, unknown stays local. */
interface Notifier {
  /** The `.pipe(…)` call. */
  pipe: TSESTree.CallExpression;
  /** `take(n)`: at most n retries; `counted`: a counter or the index stops it; `none`: nothing does; `unknown`. */
  bound: { kind: 'count'; retries: number } | { kind: 'counted' } | { kind: 'none' } | { kind: 'unknown' };
  waits: Wait[];
  /** An operator may wait (an unknown one, or a wait that cannot be read). */
  waitUnknown: boolean;
  /** Some errors are not retried (a `throwError`, `EMPTY`, `filter` or `throw` that depends on the error). */
  classifies: boolean;
  /** Where a classification retries a 4xx a retry cannot fix. */
  clientError: Node | undefined;
  /** Tests that let 429 or 503 go round (`respect-retry-after`). */
  rateLimitTests: Node[];
  /** `zip(range(start, n), errors)`: each value is a pair whose element at `position` counts the retries, `start` … `hi`. */
  pair?: { position: number; lo: number; hi: number };
  /** What goes round renews the credentials first (a re-authentication, see {@link interpretNotifier}). */
  renews?: boolean;
}

/** Operators whose only effect on the retry is known: they cannot change timing, counting or which errors go round. */
const TRANSPARENT = new Set(['tap', 'map', 'mapTo', 'observeOn']);
const FLATTENING = new Set(['mergeMap', 'concatMap', 'switchMap', 'exhaustMap', 'flatMap']);

/**
 * Interprets a notifier `(errors) => errors.pipe(op1, op2, …)` one operator at a time: `delay`,
 * `delayWhen` and `timer(…)` returned from a flattening operator wait (their argument through the
 * delay evaluator, the flattening index as the attempt); `take`, `takeWhile`, `first`, a `scan`
 * that throws past a count and a test on the index or on a counter bound it; a `throwError` /
 * `EMPTY` / `filter` chosen by a test on the error classifies (its status set decides whether
 * 4xx go round); `tap` and `map` change nothing. An operator not in this list makes unknown only
 * what it can influence: here, the bound, the wait and the classification. Returns undefined when
 * the function is not of that shape.
 */
function interpretNotifier(ctx: LibraryContext, fn: FunctionNode): Notifier | undefined {
  const param = fn.params[0];
  const returns = returnedExpressions(fn, ctx.sourceCode.visitorKeys);
  let body = returns.length === 1 ? unwrap(returns[0]) : undefined;
  // `concat(errors.pipe(…, take(5)), throwError(…))`: once the pipe completes, what follows stops
  // the retry; the pipe decides the rest.
  if (body && body.type === T.CallExpression && rxjsName(ctx, body.callee) === 'concat' && body.arguments.length > 1 && body.arguments.slice(1).every((a) => leafStops(ctx, a) === true)) body = unwrap(body.arguments[0]);
  if (!param || param.type !== T.Identifier || !body || body.type !== T.CallExpression) return undefined;
  const callee = unwrap(body.callee);
  if (callee.type !== T.MemberExpression || propertyName(callee) !== 'pipe') return undefined;
  let object = unwrap(callee.object);
  // `zip(range(1, n), errors).pipe(…)` (RxJS's documented pattern): the errors paired with n numbers;
  // once the range is used up the notifier completes, so at most n retries.
  let zipped: number | undefined;
  let pair: Notifier['pair'];
  if (object.type === T.CallExpression && rxjsName(ctx, object.callee) === 'zip' && object.arguments.length === 2) {
    const [a, b] = object.arguments.map((x) => unwrap(x));
    const errors = [a, b].find((x) => x?.type === T.Identifier && x.name === param.name);
    const range = [a, b].find((x) => x?.type === T.CallExpression && rxjsName(ctx, x.callee) === 'range') as TSESTree.CallExpression | undefined;
    if (errors && range) {
      zipped = numberAt(ctx, range.arguments[1]) ?? -1;
      object = errors;
      const start = numberAt(ctx, range.arguments[0]) ?? 0;
      pair = { position: range === a ? 0 : 1, lo: start, hi: zipped >= 0 ? start + zipped - 1 : Infinity };
    }
  }
  if (object.type !== T.Identifier || object.name !== param.name) return undefined;
  const out: Notifier = { pipe: body, bound: { kind: 'none' }, waits: [], waitUnknown: false, classifies: false, clientError: undefined, rateLimitTests: [] };
  if (zipped !== undefined) setBound(out, zipped >= 0 ? { kind: 'count', retries: zipped } : { kind: 'counted' });
  if (pair) out.pair = pair;
  let unknownOperator = false;
  /** What a `scan` before counts: the members of its accumulator it steps by one (`count` of `{ count: t.count + 1, error }`), or the number itself. */
  let scanCounts: Set<string> | 'number' | undefined;
  for (const a of body.arguments) {
    const call = unwrap(a);
    const name = call.type === T.CallExpression ? rxjsName(ctx, call.callee) : undefined;
    if (call.type !== T.CallExpression || !name) {
      unknownOperator = true;
      continue;
    }
    const arg = call.arguments[0];
    if (TRANSPARENT.has(name)) {
      // `tap((err) => { if (err.status === 401) return; throw err; })`: a callback that throws ends
      // the retry with that error, so its test chooses what goes round (and, on `map`'s index or a
      // counter, how many times).
      const f = name === 'tap' || name === 'map' ? resolveFunction(ctx, arg) : undefined;
      const thrown = f ? throwTest(f) : undefined;
      // `scan(…count + 1…)` then `tap((t) => { if (t.count > times) throw t.error })`: the test reads the
      // count the scan keeps, not the error: it bounds the retry and classifies nothing.
      if (f && thrown && scanCounts && readsScanCount(ctx, f, thrown.test, scanCounts)) {
        setBound(out, { kind: 'counted' });
        continue;
      }
      if (f && thrown) {
        // One that renews the credentials on the way (`if (e.status === 401) { auth.renew(); return; }`)
        // is a re-authentication (PRODUCT: judged by no-unbounded-retry alone), not a 4xx retried.
        let renews = false;
        walk(f.body, ctx.sourceCode.visitorKeys, (n) => {
          if (n.type === T.CallExpression && isCredentialRefresh(n, ctx.sourceCode)) renews = true;
          return !renews;
        });
        if (readsParam(ctx, f, 0, thrown.test) && !renews) classify(ctx, f, thrown.test, !thrown.throwsWhen, call, out);
        else if (renews) {
          out.classifies = true;
          out.renews = true;
        }
        if ((name === 'map' && readsParam(ctx, f, 1, thrown.test)) || readsCounter(ctx, thrown.test)) setBound(out, { kind: 'counted' });
      }
      continue;
    }
    if (name === 'take' || name === 'first') {
      const n = name === 'first' ? 1 : numberAt(ctx, arg);
      if (n === undefined) setBound(out, { kind: 'counted' });
      else setBound(out, { kind: 'count', retries: n });
    } else if (name === 'takeWhile') {
      setBound(out, { kind: 'counted' });
    } else if (name === 'delay') {
      out.waits.push({ node: call, argument: undefined, delay: invariantDelay(ctx, arg, call, undefined) });
    } else if (name === 'delayWhen') {
      const f = resolveFunction(ctx, arg);
      const leaves = f ? returnedExpressions(f, ctx.sourceCode.visitorKeys) : [];
      const timers = leaves.map((l) => timerArgument(ctx, l));
      // PRODUCT: a written wait is reported at the wait call (`timer(ms)` returned), not at `delayWhen`.
      if (!f || timers.length === 0 || timers.some((t) => t === undefined)) out.waitUnknown = true;
      // After a `scan` that counts the errors (`(n) => n + 1`), the value `delayWhen` gets is that count.
      else timers.forEach((t, i) => out.waits.push({ node: unwrap(leaves[i])!, argument: undefined, delay: invariantDelay(ctx, t!, unwrap(leaves[i])!, f, 1, undefined, undefined, scanCounts === 'number') }));
      // `delayWhen((err, i) => { if (i >= n) throw err; return timer(ms); })`: a throw past the index bounds it.
      const test = f ? throwTest(f)?.test : undefined;
      if (f && test && (readsParam(ctx, f, 1, test) || readsCounter(ctx, test))) setBound(out, { kind: 'counted' });
    } else if (FLATTENING.has(name)) {
      const f = resolveFunction(ctx, arg);
      if (!f) {
        unknownOperator = true;
        continue;
      }
      flattening(ctx, f, call, out);
    } else if (name === 'scan') {
      const f = resolveFunction(ctx, arg);
      if (!f) {
        unknownOperator = true;
        continue;
      }
      // `scan((n, e) => { if (n >= 3) throw e; return n + 1; }, 0)`: a throw past a count bounds,
      // unless the limit's default turns the test off (`limit > -1 && n >= limit`, `limit = -1`).
      // `scan((n, e) => { if (e.status === 429 && n < 2) return n + 1; throw e; }, 0)`: the test is
      // the only way round, so a count in it bounds and the error it reads is what goes round.
      scanCounts = countedByScan(ctx, f);
      const thrown = throwTest(f);
      const test = thrown?.test;
      if (test && readsParam(ctx, f, 0, test) && (!thrown.throwsWhen || !offByDefault(ctx, test))) setBound(out, { kind: 'counted' });
      if (test && readsParam(ctx, f, 1, test)) classify(ctx, f, test, !thrown.throwsWhen, call, out, 1);
    } else if (name === 'filter') {
      out.classifies = true;
      // `filter((err, i) => i < 3)`: past the index the notifier stops emitting, so nothing is
      // resubscribed again (the retry ends; the source waits, it is not retried).
      const f = resolveFunction(ctx, arg);
      const kept = f ? returnedExpressions(f, ctx.sourceCode.visitorKeys) : [];
      if (f && kept.length > 0 && kept.every((k) => !!k && (readsParam(ctx, f, 1, k) || readsCounter(ctx, k)))) setBound(out, { kind: 'counted' });
    } else {
      unknownOperator = true;
    }
  }
  if (unknownOperator) {
    if (out.bound.kind === 'none') out.bound = { kind: 'unknown' };
    out.waitUnknown = true;
    out.classifies = true;
  }
  return out;
}

/**
 * Whether a test is false with every value it reads at its known or default value (PRODUCT: a
 * default parameter value counts as known): an `&&` operand comparing such values that is false
 * (`retryCount > -1` with `retryCount = -1`). A limit switched off that way stops nothing.
 */
function offByDefault(ctx: LibraryContext, test: Node): boolean {
  const u = unwrap(test);
  if (u.type === T.LogicalExpression && u.operator === '&&') return offByDefault(ctx, u.left) || offByDefault(ctx, u.right);
  if (u.type !== T.BinaryExpression || !['<', '<=', '>', '>=', '===', '!==', '==', '!='].includes(u.operator)) return false;
  const a = knownOrDefault(ctx, u.left as Node);
  const b = knownOrDefault(ctx, u.right);
  if (a === undefined || b === undefined) return false;
  switch (u.operator) {
    case '<': return !(a < b);
    case '<=': return !(a <= b);
    case '>': return !(a > b);
    case '>=': return !(a >= b);
    case '===': case '==': return a !== b;
    default: return a === b;
  }
}

/** A number known statically, or a parameter's default number that nothing in its function writes. */
function knownOrDefault(ctx: LibraryContext, n: Node): number | undefined {
  const u = unwrap(n);
  if (u.type === T.Identifier) {
    const v = variableOf(ctx.sourceCode, u);
    const b = v ? bindingOf(v) : undefined;
    if (b?.kind === 'param-default' && b.stable && b.node) {
      const d = staticValueOf(ctx, b.node)?.value;
      return typeof d === 'number' ? d : undefined;
    }
  }
  const s = staticValueOf(ctx, u)?.value;
  return typeof s === 'number' ? s : undefined;
}

function setBound(out: Notifier, b: Notifier['bound']): void {
  if (b.kind === 'count' && out.bound.kind === 'count') out.bound = { kind: 'count', retries: Math.min(out.bound.retries, b.retries) };
  else if (out.bound.kind !== 'count') out.bound = b;
}

/** A flattening operator's callback: its returned leaves (`timer`, `of`, `throwError`, `EMPTY`) and the tests that choose them. */
function flattening(ctx: LibraryContext, f: FunctionNode, call: TSESTree.CallExpression, out: Notifier): void {
  const returns = returnedExpressions(f, ctx.sourceCode.visitorKeys);
  let unknown = false;
  const visit = (n: Node | null, tests: Node[]): void => {
    const u = unwrap(n);
    if (!u) return;
    if (u.type === T.ConditionalExpression) {
      const stopT = leafStops(ctx, u.consequent);
      const stopF = leafStops(ctx, u.alternate);
      if (stopT !== stopF && stopT !== undefined && stopF !== undefined) {
        if (readsParam(ctx, f, 1, u.test) || readsCounter(ctx, u.test)) setBound(out, { kind: 'counted' });
        if (readsParam(ctx, f, 0, u.test)) classify(ctx, f, u.test, stopF, call, out);
      }
      visit(u.consequent, [...tests, u.test]);
      visit(u.alternate, [...tests, u.test]);
      return;
    }
    const stop = leafStops(ctx, u);
    if (stop === undefined) {
      unknown = true;
      return;
    }
    if (stop) return;
    const piped = pipedLeaf(ctx, u);
    const t = timerArgument(ctx, piped ? piped.base : u);
    if (t) out.waits.push({ node: u, argument: undefined, delay: invariantDelay(ctx, t, u, f, 1, undefined, out.pair) });
    for (const d of piped?.delays ?? []) out.waits.push({ node: d, argument: undefined, delay: invariantDelay(ctx, d.arguments[0], d, f, 1, undefined, out.pair) });
  };
  for (const r of returns) visit(r, []);
  // `if (i >= 3) return throwError(…)` in a block body.
  if (f.body.type === T.BlockStatement) {
    for (const st of f.body.body) {
      if (st.type !== T.IfStatement) continue;
      const stops = st.consequent.type === T.ThrowStatement || (st.consequent.type === T.BlockStatement && st.consequent.body.some((x) => x.type === T.ThrowStatement || (x.type === T.ReturnStatement && leafStops(ctx, x.argument) === true))) || (st.consequent.type === T.ReturnStatement && leafStops(ctx, st.consequent.argument) === true);
      if (stops) {
        if (readsParam(ctx, f, 1, st.test) || readsCounter(ctx, st.test)) setBound(out, { kind: 'counted' });
        if (readsParam(ctx, f, 0, st.test)) classify(ctx, f, st.test, false, call, out);
        continue;
      }
      // `if (i < 3 && …) { return of(e); } return throwError(() => e);`: the test is the only way
      // round again, so a test on the index or a counter bounds it.
      const goesOn = st.consequent.type === T.ReturnStatement ? st.consequent : st.consequent.type === T.BlockStatement ? st.consequent.body.find((x) => x.type === T.ReturnStatement) : undefined;
      const lastSt = f.body.body[f.body.body.length - 1];
      const endStops = lastSt !== st && (lastSt?.type === T.ThrowStatement || (lastSt?.type === T.ReturnStatement && leafStops(ctx, lastSt.argument) === true));
      if (goesOn?.type === T.ReturnStatement && leafStops(ctx, goesOn.argument) === false && endStops && (readsParam(ctx, f, 1, st.test) || readsCounter(ctx, st.test))) setBound(out, { kind: 'counted' });
      // `if (e.status === 0) return of(e).pipe(delay(ms)); else if (e.status === 400) return …;
      // return throwError(…)`: each test on the error that leads round again, the rest stopping,
      // picks what is retried (an allow-list); a 4xx it picks is reported at that status check.
      if (!endStops) continue;
      for (let link: TSESTree.Statement | null | undefined = st; link && link.type === T.IfStatement; link = link.alternate) {
        const on = link.consequent.type === T.ReturnStatement ? link.consequent : link.consequent.type === T.BlockStatement ? link.consequent.body.find((x) => x.type === T.ReturnStatement) : undefined;
        if (on?.type !== T.ReturnStatement || leafStops(ctx, on.argument) !== false || !readsParam(ctx, f, 0, link.test)) continue;
        classify(ctx, f, link.test, true, link.test, out);
      }
    }
  }
  if (unknown) {
    out.waitUnknown = true;
    out.classifies = true;
  }
}

/**
 * Records what a test on the error decides: `retriedWhenTrue` is whether the test being true lets
 * the error go round. Its status set (`./status-set`) says whether a 4xx a retry cannot fix does,
 * and whether 429 or 503 (named in the test or in a list it reads) go round as part of the statuses
 * it picks (not a deny-list that spares them): rate-limit handling.
 */
function classify(ctx: LibraryContext, f: FunctionNode, test: Node, retriedWhenTrue: boolean, at: Node, out: Notifier, errorIndex = 0): void {
  out.classifies = true;
  const j = judgeErrorTest(ctx, f.params[errorIndex], test, retriedWhenTrue);
  // Reported at the 429 / 503 check itself, inside a predicate of this file the test calls.
  if (j.rateLimit) out.rateLimitTests.push(statusCheckIn(test, ctx.sourceCode, RETRY_AFTER_STATUSES) ?? test);
  const p = predicateVerdicts(ctx, test, retriedWhenTrue, j);
  out.clientError ??= p.clientError ?? (j.clientError ? at : undefined);
  out.rateLimitTests.push(...p.rateLimitTests);
}

/**
 * What same-file predicates a test calls decide (`if (!this.transient(err)) throw err`): the 429/503
 * checks they say yes to (where the test's own status set has not already said so), and the check
 * that says yes to a 4xx, judged as the hand-written loops judge them (`../operation`).
 */
function predicateVerdicts(ctx: LibraryContext, test: Node, retriedWhenTrue: boolean, own: { clientError: boolean; rateLimit: boolean }): { clientError: Node | undefined; rateLimitTests: Node[] } {
  const rateLimitTests = own.rateLimit ? [] : predicateRateLimitTests(test, ctx.sourceCode, retriedWhenTrue, !retriedWhenTrue);
  // The 4xx check inside the predicate, where a status is named, is where the finding goes.
  const clientError = predicateClientChecks(test, ctx.sourceCode, !retriedWhenTrue, retriedWhenTrue)[0]?.node;
  return { clientError, rateLimitTests };
}

/** What a test on an error parameter lets go round: a 4xx a retry cannot fix, 429/503 named (see {@link classify}). */
function judgeErrorTest(ctx: LibraryContext, p: TSESTree.Parameter | undefined, test: Node, retriedWhenTrue: boolean): { clientError: boolean; rateLimit: boolean } {
  const errVar = p && p.type === T.Identifier ? variableOf(ctx.sourceCode, p) : undefined;
  if (!errVar) return { clientError: false, rateLimit: false };
  const isStatus = (n: Node): boolean => {
    const u = unwrap(n);
    if (u.type !== T.MemberExpression || !['status', 'statusCode'].includes(propertyName(u) ?? '')) return false;
    let o = unwrap(u.object);
    while (o.type === T.MemberExpression && propertyName(o) === 'response') o = unwrap(o.object);
    return o.type === T.Identifier && variableOf(ctx.sourceCode, o) === errVar;
  };
  const set = evaluateTest(test, isStatus, ctx.sourceCode, [errVar]);
  const retried = { ...set, verdicts: set.verdicts.map((v) => ({ outcome: v.outcome, retried: v.retried === undefined ? undefined : v.retried === retriedWhenTrue })) };
  // A test that sends the error round when true and names a 4xx it may let through
  // (`status === 400 && !detail(e)`) retries that client error on purpose, whatever else it reads.
  const namedClientError = retriedWhenTrue && retried.verdicts.some((v) => v.retried !== false && v.outcome.status !== undefined && set.named.has(v.outcome.status) && isClientErrorStatus(v.outcome.status));
  // 429/503 handled: the test lets through only what it names (`RETRYABLE.includes(e.status)`), or singles
  // 429/503 out with an equality of its own (`e.status === 429 || e.status >= 500`); a range that merely
  // includes them (`e.status >= 400`) is not handling them (PRODUCT).
  const singledOut = (): boolean => {
    let found = false;
    walk(test, ctx.sourceCode.visitorKeys, (n) => {
      if (found) return false;
      if (n.type === T.BinaryExpression && (n.operator === '===' || n.operator === '==')) {
        const [a, b] = isStatus(n.left) ? [n.left, n.right] : isStatus(n.right) ? [n.right, n.left] : [undefined, undefined];
        const code = a && b ? staticValueOf(ctx, b)?.value : undefined;
        if (typeof code === 'number' && RETRY_AFTER_STATUSES.includes(code)) found = true;
      }
      return undefined;
    });
    return found;
  };
  return { clientError: namedClientError || retriedClientError(retried) !== undefined, rateLimit: handlesRateLimit(retried) && (retriesOnlyNamed(retried) || singledOut()) };
}

/**
 * `of(e).pipe(delay(ms))`, `timer(ms).pipe(map(…))`: a leaf that goes round with only `delay` and
 * transparent operators piped onto it; the leaf and the `delay` calls (each a wait).
 */
function pipedLeaf(ctx: LibraryContext, u: Node): { base: Node; delays: TSESTree.CallExpression[] } | undefined {
  if (u.type !== T.CallExpression) return undefined;
  const c = unwrap(u.callee);
  if (c.type !== T.MemberExpression || propertyName(c) !== 'pipe') return undefined;
  const base = unwrap(c.object);
  if (leafStops(ctx, base) !== false) return undefined;
  const delays: TSESTree.CallExpression[] = [];
  for (const a of u.arguments) {
    const op = unwrap(a);
    const name = op.type === T.CallExpression ? rxjsName(ctx, op.callee) : undefined;
    if (name === 'delay' && op.type === T.CallExpression) delays.push(op);
    else if (!name || !TRANSPARENT.has(name)) return undefined;
  }
  return { base, delays };
}

/** Whether a returned leaf stops the retry (`throwError`, `EMPTY`), lets it go round (`of`, `timer`, the error itself, one of those with only `delay` piped on), or is unknown. */
function leafStops(ctx: LibraryContext, n: Node | null | undefined): boolean | undefined {
  const u = unwrap(n);
  if (!u) return undefined;
  if (pipedLeaf(ctx, u)) return false;
  if (u.type === T.CallExpression) {
    const name = rxjsName(ctx, u.callee);
    if (name === 'throwError') return true;
    if (name === 'of' || name === 'timer' || name === 'from') return false;
    return undefined;
  }
  if (u.type === T.Identifier && rxjsName(ctx, u) === 'EMPTY') return true;
  return undefined;
}

/** The argument of `timer(x)` (a leaf returned by `delayWhen` or a flattening operator). */
function timerArgument(ctx: LibraryContext, n: Node | null | undefined): Node | undefined {
  const u = unwrap(n);
  return u && u.type === T.CallExpression && rxjsName(ctx, u.callee) === 'timer' ? u.arguments[0] : undefined;
}

/** The name of an rxjs export a callee resolves to. */
function rxjsName(ctx: LibraryContext, callee: Node): string | undefined {
  const o = ctx.originOf(callee);
  if (!o || !MODULES.includes(o.module)) return undefined;
  const p = normalPath(o);
  return p.length === 1 ? p[0] : undefined;
}

/**
 * A notifier's delay. An operator's argument (`delay(ms)`) is evaluated once, when the pipe is
 * built, so whatever it is it is the same for every attempt: unknown in size but constant (K1).
 * Inside a callback (`timer(x)`), the callback's index is the attempt; a value that reads no
 * callback parameter and calls nothing is likewise the same every time.
 */
function invariantDelay(ctx: LibraryContext, arg: Node | undefined, at: Node, callback: FunctionNode | undefined, attemptIndex = 1, maxIndex?: number, pair?: Notifier['pair'], valueCounts = false): DelayFacts {
  if (!arg) return opaqueDelay(at);
  const env = makeEnv(ctx.sourceCode);
  // The callback's index, and its value when that value is a count (`valueCounts`: a counting `scan` before).
  for (const param of [callback?.params[attemptIndex], valueCounts ? callback?.params[0] : undefined]) {
    if (param?.type !== T.Identifier) continue;
    const v = variableOf(ctx.sourceCode, param);
    if (v) env.attempts.push({ variable: v, lo: 0, hi: maxIndex ?? Infinity });
  }
  // `mergeMap(([i]) => timer(i * 1000))` after `zip(range(1, n), errors)`: the pair's number counts the retries.
  const first = callback?.params[0];
  const counted = pair && first?.type === T.ArrayPattern ? first.elements[pair.position] : undefined;
  if (pair && counted?.type === T.Identifier) {
    const v = variableOf(ctx.sourceCode, counted);
    if (v) env.attempts.push({ variable: v, lo: pair.lo, hi: pair.hi });
  }
  const facts = { ...toDelayFacts(evaluate(arg, env), at, arg), node: at };
  // After `zip(range(…), errors)` the value a callback gets (the pair, or what a `map` made of it)
  // comes from the retry count: a wait computed from it without any random source has no jitter,
  // whether or not its growth can be read.
  if (pair && facts.opaque && !facts.random && first?.type === T.Identifier && !drawsRandom(arg, ctx) && onlyArithmetic(ctx, arg)) facts.deterministic = true;
  // `delay(pauseMs)` with `pauseMs = 0`: a caller may pass any wait, the default only applies
  // when none is given; the wait is the parameter's, the same on every attempt (PRODUCT), named
  // by its expression rather than taken for no wait.
  const u = unwrap(arg);
  const pv = u.type === T.Identifier ? variableOf(ctx.sourceCode, u) : undefined;
  const b = pv ? bindingOf(pv) : undefined;
  if (b?.kind === 'param-default' && b.stable && !facts.opaque && facts.maxReason === 'known' && facts.maxMs <= 0) facts.opaque = true;
  if (facts.opaque && isInvariant(ctx, arg, callback)) {
    facts.opaque = false;
    facts.growing = false;
    facts.maxMs = Infinity;
    facts.maxReason = 'opaque';
    facts.invariant = true;
  }
  return facts;
}

/** Literals, names, members and arithmetic, with no call but `Math`'s: nothing in it can draw a random number or read the clock. */
function onlyArithmetic(ctx: LibraryContext, arg: Node): boolean {
  let ok = true;
  walk(arg, ctx.sourceCode.visitorKeys, (n) => {
    if (!ok) return false;
    if (n.type === T.CallExpression) {
      const c = unwrap(n.callee);
      const pure = c.type === T.MemberExpression && unwrap(c.object).type === T.Identifier && (unwrap(c.object) as TSESTree.Identifier).name === 'Math' && propertyName(c) !== 'random';
      if (!pure) ok = false;
    }
    if (n.type === T.NewExpression || n.type === T.AwaitExpression) ok = false;
    return ok ? undefined : false;
  });
  return ok;
}

function isInvariant(ctx: LibraryContext, arg: Node, callback: FunctionNode | undefined): boolean {
  let ok = true;
  // Every name a parameter binds (`([i, err]) => …`, `({ attempt }) => …`) holds a per-emission value.
  const params = new Set<unknown>();
  for (const p of callback?.params ?? []) {
    walk(p, ctx.sourceCode.visitorKeys, (m) => {
      if (m.type === T.AssignmentPattern) {
        walk(m.left, ctx.sourceCode.visitorKeys, (k) => {
          if (k.type === T.Identifier && (k.parent?.type !== T.Property || k.parent.value === k)) params.add(variableOf(ctx.sourceCode, k));
          return undefined;
        });
        return false;
      }
      if (m.type === T.Identifier && (m.parent?.type !== T.Property || m.parent.value === m)) params.add(variableOf(ctx.sourceCode, m));
      return undefined;
    });
  }
  walk(arg, ctx.sourceCode.visitorKeys, (n) => {
    if (n.type === T.CallExpression || n.type === T.NewExpression || n.type === T.UpdateExpression || n.type === T.AssignmentExpression || n.type === T.AwaitExpression) ok = false;
    if (n.type === T.Identifier && params.has(variableOf(ctx.sourceCode, n))) ok = false;
    return ok;
  });
  return ok;
}

/**
 * The test that decides whether a block body throws: the first `if (…) throw` (`throwsWhen`
 * true), or an `if (…) return …` whose other way throws (`else throw`, or a `throw` right after;
 * `throwsWhen` false).
 */
function throwTest(f: FunctionNode): { test: Node; throwsWhen: boolean } | undefined {
  if (f.body.type !== T.BlockStatement) return undefined;
  const throws = (x: Node | null | undefined): boolean => !!x && (x.type === T.ThrowStatement || (x.type === T.BlockStatement && x.body.some((y) => y.type === T.ThrowStatement)));
  const returns = (x: Node): boolean => x.type === T.ReturnStatement || (x.type === T.BlockStatement && x.body.length > 0 && x.body[x.body.length - 1]!.type === T.ReturnStatement && !throws(x));
  const list = f.body.body;
  for (let i = 0; i < list.length; i++) {
    const st = list[i]!;
    if (st.type !== T.IfStatement) continue;
    if (throws(st.consequent)) return { test: st.test, throwsWhen: true };
    if (returns(st.consequent) && (throws(st.alternate) || (!st.alternate && list[i + 1]?.type === T.ThrowStatement))) return { test: st.test, throwsWhen: false };
  }
  return undefined;
}

/** Whether a test reads the callback's parameter at `index`. */
function readsParam(ctx: LibraryContext, f: FunctionNode, index: number, test: Node): boolean {
  const p = f.params[index];
  if (!p || p.type !== T.Identifier) return false;
  const v = variableOf(ctx.sourceCode, p);
  if (!v) return false;
  // The parameter, and the locals of `f` computed from it and never written again
  // (`const tryNo = index + 1`): a test of those tests the parameter.
  const held = new Set([v]);
  const reads = (n: Node): boolean => {
    let found = false;
    walk(n, ctx.sourceCode.visitorKeys, (m) => {
      if (found || isFunction(m)) return false;
      if (m.type === T.Identifier) {
        const w = variableOf(ctx.sourceCode, m);
        if (w && held.has(w)) found = true;
      }
      return undefined;
    });
    return found;
  };
  if (f.body.type === T.BlockStatement) {
    for (const st of f.body.body) {
      if (st.type !== T.VariableDeclaration) continue;
      for (const d of st.declarations) {
        if (d.id.type !== T.Identifier || !d.init || !reads(d.init)) continue;
        const local = variableOf(ctx.sourceCode, d.id);
        if (local && local.references.every((r) => !r.isWrite() || r.init)) held.add(local);
      }
    }
  }
  return reads(test);
}

/**
 * What a `scan` accumulator function steps by one: `(n) => n + 1` counts the number itself;
 * `(t, e) => ({ count: t.count + 1, error: e })` counts its `count` member. Undefined when it counts nothing.
 */
function countedByScan(ctx: LibraryContext, f: FunctionNode): Set<string> | 'number' | undefined {
  const acc = f.params[0];
  if (!acc || acc.type !== T.Identifier) return undefined;
  const v = variableOf(ctx.sourceCode, acc);
  const stepOf = (e: Node, member?: string): boolean => {
    const u = unwrap(e);
    if (u.type !== T.BinaryExpression || u.operator !== '+') return false;
    const [l, r] = [unwrap(u.left as Node), unwrap(u.right)];
    const base = (x: Node): boolean => (member === undefined ? x.type === T.Identifier && variableOf(ctx.sourceCode, x) === v : x.type === T.MemberExpression && propertyName(x) === member && unwrap(x.object).type === T.Identifier && variableOf(ctx.sourceCode, unwrap(x.object) as TSESTree.Identifier) === v);
    const one = (x: Node): boolean => constantNumber(ctx.sourceCode, x) === 1;
    return (base(l) && one(r)) || (one(l) && base(r));
  };
  const members = new Set<string>();
  for (const r of returnedExpressions(f, ctx.sourceCode.visitorKeys)) {
    const u = unwrap(r);
    if (!u) continue;
    if (stepOf(u)) return 'number';
    if (u.type === T.ObjectExpression) for (const p of u.properties) if (p.type === T.Property && stepOf(p.value, propertyName(p))) members.add(propertyName(p)!);
  }
  return members.size > 0 ? members : undefined;
}

/** Whether `test`, in `f` (a `tap`/`map` after a counting `scan`), reads the count the scan keeps in `f`'s value. */
function readsScanCount(ctx: LibraryContext, f: FunctionNode, test: Node, counts: Set<string> | 'number'): boolean {
  const p = f.params[0];
  if (!p || p.type !== T.Identifier) return false;
  const v = variableOf(ctx.sourceCode, p);
  let found = false;
  walk(test, ctx.sourceCode.visitorKeys, (n) => {
    if (found) return false;
    if (counts === 'number' && n.type === T.Identifier && variableOf(ctx.sourceCode, n) === v) found = true;
    if (counts !== 'number' && n.type === T.MemberExpression && counts.has(propertyName(n) ?? '') && unwrap(n.object).type === T.Identifier && variableOf(ctx.sourceCode, unwrap(n.object) as TSESTree.Identifier) === v) found = true;
    return !found;
  });
  return found;
}

/** Whether a test counts: it updates a variable (`budget-- > 0`, `++n < 4`) or reads one that is updated elsewhere. */
function readsCounter(ctx: LibraryContext, test: Node): boolean {
  let found = false;
  walk(test, ctx.sourceCode.visitorKeys, (n) => {
    if (n.type === T.UpdateExpression || n.type === T.AssignmentExpression) found = true;
    else if (n.type === T.Identifier) {
      const v = variableOf(ctx.sourceCode, n);
      if (v && v.references.some((r) => r.isWrite() && !r.init)) found = true;
    }
    return !found;
  });
  return found;
}

/** Writes a notifier's facts onto a site anchored at `anchor` (the `retryWhen` call or the notifier). */
function applyNotifier(site: RetrySite, n: Notifier, anchor: Node): void {
  if (n.bound.kind === 'count') site.bound = { kind: 'bounded', maxAttempts: n.bound.retries + 1, node: anchor };
  else if (n.bound.kind === 'counted') site.bound = { kind: 'bounded', maxAttempts: undefined, node: anchor };
  else if (n.bound.kind === 'none') site.bound = { kind: 'unbounded', maxAttempts: undefined, node: anchor };
  else site.bound = { kind: 'unknown', maxAttempts: undefined, node: anchor };
  const retries = n.bound.kind === 'count' ? n.bound.retries : n.bound.kind === 'none' ? Infinity : undefined;
  for (const w of n.waits) {
    const d = w.delay;
    if (d.growing && d.maxReason === 'growth' && retries !== undefined && Number.isFinite(retries)) d.maxReason = 'opaque';
    if (d.growing && d.maxReason === 'growth' && retries === undefined) d.maxReason = 'opaque';
  }
  site.waits = n.waits.filter((w) => !(w.delay.maxReason === 'known' && w.delay.maxMs <= 0 && !w.delay.opaque));
  if (n.waitUnknown) site.waits.push({ node: n.pipe, argument: undefined, delay: opaqueDelay(n.pipe) });
  if (site.waits.length === 0) site.noWait = n.waits[0]?.node ?? anchor;
  if (n.clientError) site.clientErrorRetries.push({ node: n.clientError, reason: 'client-status' });
  site.rateLimitChecks.push(...n.rateLimitTests);
}

/**
 * Notifiers defined apart from their registration (K3): an exported or returned function that
 * maps an error stream to an rxjs `pipe(…)` of notifier operators and is not passed to
 * `retryWhen` in this file. It counts as a notifier when the stream is handled as errors: its
 * parameter is named for them, or an operator rethrows (`throwError`) or reads a status.
 */
export function unregisteredNotifiers(ctx: LibraryContext): RetrySite[] {
  const out: RetrySite[] = [];
  // RxJS 5 patch operators: `source.retry(3)`, `source.retryWhen(notifier)` once the file imports the patch.
  const patched = new Set<string>();
  for (const st of ctx.sourceCode.ast.body) {
    if (st.type === T.ImportDeclaration) for (const name of PATCH_MODULES[String(st.source.value)] ?? []) patched.add(name);
  }
  for (const { node: c } of ctx.calls ?? []) {
    if (c.type !== T.CallExpression) continue;
    const callee = unwrap(c.callee);
    const name = callee.type === T.MemberExpression && !callee.computed ? propertyName(callee) : undefined;
    if (!name || !patched.has(name) || c.arguments.length > 1) continue;
    out.push(...(name === 'retry' ? analyzeRetry(ctx, c) : analyzeRetryWhen(ctx, c)));
  }
  walk(ctx.sourceCode.ast, ctx.sourceCode.visitorKeys, (n) => {
    if (n.type !== T.ArrowFunctionExpression && n.type !== T.FunctionExpression && n.type !== T.FunctionDeclaration) return undefined;
    if (ctx.consumed?.has(n)) return undefined;
    const param = n.params[0];
    if (!param || param.type !== T.Identifier || n.params.length > 1) return undefined;
    const notifier = interpretNotifier(ctx, n);
    if (!notifier || notifier.bound.kind === 'unknown' && notifier.waitUnknown && notifier.waits.length === 0) return undefined;
    if (notifier.pipe.arguments.length === 0 || notifier.pipe.arguments.some((a) => a.type !== T.CallExpression || !rxjsName(ctx, a.callee))) return undefined;
    // Read from the code, never from its text (a comment naming `.status` reads nothing).
    let readsFailure = false;
    walk(notifier.pipe, ctx.sourceCode.visitorKeys, (m) => {
      if ((m.type === T.Identifier && m.name === 'throwError') || (m.type === T.MemberExpression && propertyName(m) === 'status')) readsFailure = true;
    });
    const errorStream = /err/i.test(param.name) || readsFailure;
    if (!errorStream) return undefined;
    const site = librarySite('rxjs', n);
    applyNotifier(site, notifier, notifier.pipe);
    suggest(site, notifierSuggestions(ctx, site));
    out.push(site);
    return undefined;
  });
  return out;
}

/** The HTTP request an operator retries: the source of the `.pipe(…)` it is an argument of, through earlier pipes. */
function sourceRequest(ctx: LibraryContext, operator: TSESTree.CallExpression): HttpCall | undefined {
  // An RxJS 5 patch operator (`source.retry(3)`) is called on its source.
  const own = unwrap(operator.callee);
  const patch = own.type === T.MemberExpression && (propertyName(own) === 'retry' || propertyName(own) === 'retryWhen') ? own.object : undefined;
  const pipe = operator.parent;
  if (!patch && (!pipe || pipe.type !== T.CallExpression || !pipe.arguments.includes(operator))) return undefined;
  const callee = patch ? undefined : unwrap((pipe as TSESTree.CallExpression).callee);
  if (!patch && (callee?.type !== T.MemberExpression || propertyName(callee) !== 'pipe')) return undefined;
  let source: Node | undefined = patch ?? (callee as TSESTree.MemberExpression).object;
  for (let i = 0; source && i < 6; i++) {
    const s = resolveExpression(ctx, source);
    if (!s || s.type !== T.CallExpression) return undefined;
    // A request read by its shape (`this.http.post(url, body)`: method and key) on a client typed as
    // Angular's HttpClient: the type says it errors on 4xx, whatever the shape left unknown.
    const generic = describeHttpCall(ctx.sourceCode, s, ctx.settings);
    const angular = angularRequest(ctx, s);
    const http = generic && angular ? { ...generic, client: angular.client, throwsOnHttpError: true } : (generic ?? angular);
    if (http) return http;
    const c = unwrap(s.callee);
    if (c.type !== T.MemberExpression || propertyName(c) !== 'pipe') return undefined;
    source = c.object;
  }
  return undefined;
}

/**
 * The HTTP requests an operator retries: the source of its own pipe, or, for an operator a function
 * of this file returns (an operator factory, `const withRetry = () => retryWhen(…)`), the sources of
 * the pipes that call it (`this.http.get(url).pipe(withRetry())`).
 */
function sourceRequests(ctx: LibraryContext, operator: TSESTree.CallExpression): HttpCall[] {
  const own = sourceRequest(ctx, operator);
  if (own) return [own];
  // A custom operator built with rxjs' standalone `pipe(retryWhen(…), …)` and returned: the callers' sources.
  let built: Node = operator;
  const host = operator.parent;
  if (host?.type === T.CallExpression && host.arguments.includes(operator) && unwrap(host.callee).type === T.Identifier && (unwrap(host.callee) as TSESTree.Identifier).name === 'pipe') built = host;
  const fn = returningFunction(built);
  const id = fn?.type === T.FunctionDeclaration ? fn.id : fn?.parent?.type === T.VariableDeclarator && fn.parent.init === fn && fn.parent.id.type === T.Identifier ? fn.parent.id : undefined;
  const v = id ? variableOf(ctx.sourceCode, id) : undefined;
  if (!v) return [];
  const out: HttpCall[] = [];
  for (const r of v.references) {
    const call = r.identifier.parent;
    if (call?.type !== T.CallExpression || call.callee !== r.identifier) continue;
    const http = sourceRequest(ctx, call);
    if (http) out.push(http);
  }
  return out;
}

/** The function whose returned value a node is (an arrow's expression body, or a `return` in its own body). */
function returningFunction(node: Node): FunctionNode | undefined {
  let n: Node = node;
  while (n.parent && (n.parent.type === T.TSAsExpression || n.parent.type === T.TSSatisfiesExpression || n.parent.type === T.TSNonNullExpression)) n = n.parent;
  const p = n.parent;
  if (p?.type === T.ArrowFunctionExpression && p.body === n) return p;
  if (p?.type !== T.ReturnStatement) return undefined;
  for (let a: Node | undefined = p.parent; a; a = a.parent) {
    if (a.type === T.ArrowFunctionExpression || a.type === T.FunctionExpression || a.type === T.FunctionDeclaration) return a;
  }
  return undefined;
}

function judgeRequest(ctx: LibraryContext, site: RetrySite, http: HttpCall, operator: Node, classifies: boolean): void {
  if (http.throwsOnHttpError && !classifies && !site.clientErrorRetries.some((c) => c.node === operator)) site.clientErrorRetries.push({ node: operator, reason: 'catch-all' });
  if (http.method && ctx.settings.nonIdempotentMethods.includes(http.method) && !http.keyValue && !http.keyUnknown && !ajaxHeadersKey(ctx, http)) {
    site.nonIdempotent.push({ node: http.methodNode ?? http.node, method: http.method, key: 'none', keyNode: undefined });
  }
}

function numberAt(ctx: LibraryContext, node: Node | undefined): number | undefined {
  const v = node ? staticValueOf(ctx, node)?.value : undefined;
  return typeof v === 'number' && !Number.isNaN(v) ? v : undefined;
}

/**
 * `ajax.post(url, body, headers)` / `ajax.put` / `ajax.patch` take the headers as the third
 * argument: a key sent there (or headers that cannot be resolved) counts as a key.
 */
function ajaxHeadersKey(ctx: LibraryContext, http: HttpCall): boolean {
  if (http.client !== 'ajax' || !http.methodNode) return false;
  const headers = http.node.arguments[2];
  if (!headers) return false;
  const obj = resolveExpression(ctx, headers);
  if (!obj || obj.type !== T.ObjectExpression) return true;
  const wanted = ctx.settings.idempotencyKeyHeaders.map((h) => h.toLowerCase());
  return obj.properties.some((p) => p.type === T.SpreadElement || (p.type === T.Property && wanted.includes((propertyName(p) ?? '').toLowerCase())));
}

/**
 * The waits of rxjs `retry({ delay: (error, retryCount) => … })`: each `timer(x)` the function
 * returns (conditionals and `if … return` followed), `x` evaluated with `retryCount` as the
 * attempt (1 to `count`, rxjs `retry.ts`). Returns one opaque wait when a returned value is
 * neither a timer nor a stop. The tests that choose between a timer and a stop are judged on the
 * error's status like a notifier's: 4xx let through, 429/503 handled.
 */
function retryDelayWaits(ctx: LibraryContext, fn: FunctionNode, at: Node, count: number | undefined): { waits: Wait[]; mayStop: boolean; onError: boolean; clientError: Node | undefined; rateLimitTests: Node[] } {
  const waits: Wait[] = [];
  let unknown = false;
  let stops = false;
  const tests: { test: Node; retriedWhenTrue: boolean }[] = [];
  const visit = (n: Node | null): void => {
    const u = unwrap(n);
    if (!u) return;
    if (u.type === T.ConditionalExpression) {
      const stopT = leafStops(ctx, u.consequent);
      const stopF = leafStops(ctx, u.alternate);
      if (stopT !== undefined && stopF !== undefined && stopT !== stopF) tests.push({ test: u.test, retriedWhenTrue: !stopT });
      visit(u.consequent);
      visit(u.alternate);
      return;
    }
    const t = timerArgument(ctx, u);
    if (t) waits.push({ node: u, argument: undefined, delay: invariantDelay(ctx, t, u, fn, 1, count) });
    else if (leafStops(ctx, u) === true) stops = true;
    else unknown = true;
  };
  for (const r of returnedExpressions(fn, ctx.sourceCode.visitorKeys)) visit(r);
  // A `throw` in the body stops too (and may classify); `if (test) return timer(…)` / `return throwError(…)` chooses.
  walk(fn.body, ctx.sourceCode.visitorKeys, (n) => {
    if (n !== fn.body && (n.type === T.FunctionExpression || n.type === T.ArrowFunctionExpression || n.type === T.FunctionDeclaration)) return false;
    if (n.type === T.ThrowStatement) stops = true;
    if (n.type === T.IfStatement) {
      const first = n.consequent.type === T.BlockStatement ? n.consequent.body[0] : n.consequent;
      const stop = first?.type === T.ThrowStatement ? true : first?.type === T.ReturnStatement ? leafStops(ctx, first.argument) : undefined;
      if (stop !== undefined) tests.push({ test: n.test, retriedWhenTrue: !stop });
    }
    return undefined;
  });
  let clientError: Node | undefined;
  const rateLimitTests: Node[] = [];
  for (const { test, retriedWhenTrue } of tests) {
    const j = judgeErrorTest(ctx, fn.params[0], test, retriedWhenTrue);
    if (j.rateLimit) rateLimitTests.push(statusCheckIn(test, ctx.sourceCode, RETRY_AFTER_STATUSES) ?? test);
    const p = predicateVerdicts(ctx, test, retriedWhenTrue, j);
    clientError ??= p.clientError ?? (j.clientError ? test : undefined);
    rateLimitTests.push(...p.rateLimitTests);
  }
  const mayStop = stops || unknown;
  // Whether a stop can depend on the error: a test that reads it (or a local read from it), or a
  // stop no test was found for. Stops chosen by the retry count alone (`if (count > max) throw err`)
  // tell no failure from another.
  const errorVars = errorVariables(ctx, fn);
  const onError = unknown || (stops && (tests.length === 0 || tests.some(({ test }) => refersToAny(test, errorVars, ctx.sourceCode))));
  if (unknown || waits.length === 0) return { waits: [{ node: at, argument: undefined, delay: opaqueDelay(at) }], mayStop, onError, clientError, rateLimitTests };
  return { waits, mayStop, onError, clientError, rateLimitTests };
}

/** The error parameter of a delay function and the `const` locals read from it (`const status = err.status`). */
function errorVariables(ctx: LibraryContext, fn: FunctionNode): Set<TSESLint.Scope.Variable> {
  const out = new Set<TSESLint.Scope.Variable>();
  const p = fn.params[0];
  if (!p) return out;
  if (p.type !== T.Identifier) {
    // A destructured error (`({ status }) => …`): every name it binds.
    for (const v of ctx.sourceCode.getDeclaredVariables(p as never)) out.add(v);
    for (const v of ctx.sourceCode.getDeclaredVariables(fn)) if (v.defs.some((d) => contains(p, d.name))) out.add(v);
    return out;
  }
  const v = variableOf(ctx.sourceCode, p);
  if (v) out.add(v);
  walk(fn.body, ctx.sourceCode.visitorKeys, (n) => {
    if (n.type === T.VariableDeclarator && n.init && n.id.type === T.Identifier && refersToAny(n.init, out, ctx.sourceCode)) {
      const d = variableOf(ctx.sourceCode, n.id);
      if (d) out.add(d);
    }
    return undefined;
  });
  return out;
}

const ANGULAR_HTTP = '@angular/common/http';
const ANGULAR_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'request']);
/**
 * Observable HTTP clients known by their type, as the name of the Angular type they stand for:
 * NestJS's `HttpService` (`@nestjs/axios`) wraps axios, whose default `validateStatus` errors on
 * every status outside 2xx, and has Angular's `HttpClient` method names.
 */
const TYPED_HTTP: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  [ANGULAR_HTTP]: {},
  '@nestjs/axios': { HttpService: 'HttpClient' },
};

/**
 * A request through Angular's HTTP stack, whose observable errors on 4xx and 5xx
 * (`HttpErrorResponse`), like rxjs `ajax`: `next.handle(req)` in an interceptor, with `next`
 * typed `HttpHandler`, or `this.http.get(…)` / `http.post(…)` on an `HttpClient` (a parameter or
 * constructor parameter property typed with it). The type import is the evidence.
 */
function angularRequest(ctx: LibraryContext, call: TSESTree.CallExpression): HttpCall | undefined {
  const callee = unwrap(call.callee);
  // A functional interceptor's `next(req)`: `next` typed `HttpHandlerFn`, or the second parameter of
  // a function typed `HttpInterceptorFn` (`export const retrying: HttpInterceptorFn = (req, next) => …`).
  if (callee.type === T.Identifier && isHandlerFn(ctx, callee)) {
    return { node: call, client: 'angular', method: undefined, methodNode: undefined, throwsOnHttpError: true, keyValue: undefined, keyUnknown: true };
  }
  if (callee.type !== T.MemberExpression) return undefined;
  const name = propertyName(callee);
  if (!name) return undefined;
  const type = angularTypeOf(ctx, unwrap(callee.object));
  const isHandle = type === 'HttpHandler' && name === 'handle';
  const isClient = type === 'HttpClient' && ANGULAR_METHODS.has(name);
  if (!isHandle && !isClient) return undefined;
  const method = isClient && name !== 'request' ? name.toUpperCase() : undefined;
  return { node: call, client: 'angular', method, methodNode: method ? callee : undefined, throwsOnHttpError: true, keyValue: undefined, keyUnknown: true };
}

/** The name an Angular HTTP type reference (`HttpHandlerFn`, `HttpClient`) resolves to in `@angular/common/http`. */
function angularTypeName(ctx: LibraryContext, ann: Node | undefined): string | undefined {
  if (!ann || ann.type !== T.TSTypeReference || ann.typeName.type !== T.Identifier) return undefined;
  const origin = ctx.originOf(ann.typeName);
  const aliases = origin ? TYPED_HTTP[origin.module] : undefined;
  if (!origin || !aliases) return undefined;
  const p = normalPath(origin);
  return p.length === 1 ? (aliases[p[0]!] ?? (origin.module === ANGULAR_HTTP ? p[0] : undefined)) : undefined;
}

/** `next` of a functional interceptor: a parameter typed `HttpHandlerFn`, or the second one of a function typed `HttpInterceptorFn`. */
function isHandlerFn(ctx: LibraryContext, id: TSESTree.Identifier): boolean {
  const def = variableOf(ctx.sourceCode, id)?.defs[0];
  if (def?.type !== 'Parameter' || def.name.type !== T.Identifier) return false;
  if (angularTypeName(ctx, def.name.typeAnnotation?.typeAnnotation) === 'HttpHandlerFn') return true;
  const fn = def.node as Node;
  if (!isFunction(fn) || fn.params[1] !== def.name) return false;
  const holder = fn.parent;
  return holder?.type === T.VariableDeclarator && holder.id.type === T.Identifier && angularTypeName(ctx, holder.id.typeAnnotation?.typeAnnotation) === 'HttpInterceptorFn';
}

/** `inject(HttpClient)` from `@angular/core`: the client a field or local is initialised with. */
function injectedType(ctx: LibraryContext, init: Node | null | undefined): string | undefined {
  const call = init && unwrap(init);
  if (call?.type !== T.CallExpression || !call.arguments[0]) return undefined;
  const origin = ctx.originOf(call.callee);
  if (!origin || origin.module !== '@angular/core' || normalPath(origin).join('.') !== 'inject') return undefined;
  const arg = unwrap(call.arguments[0]);
  const typeOrigin = arg.type === T.Identifier ? ctx.originOf(arg) : undefined;
  if (!typeOrigin || typeOrigin.module !== ANGULAR_HTTP) return undefined;
  const p = normalPath(typeOrigin);
  return p.length === 1 ? p[0] : undefined;
}

/** The Angular HTTP type (`HttpHandler`, `HttpClient`) an identifier or `this.x` is annotated with, through its parameter or parameter property, or injected into (`http = inject(HttpClient)`). */
function angularTypeOf(ctx: LibraryContext, obj: Node): string | undefined {
  let id: TSESTree.Identifier | undefined;
  // `super.get(…)` in `class ManifestHttp extends HttpClient`: the inherited client.
  if (obj.type === T.Super) {
    let cls: Node | undefined = obj.parent;
    while (cls && cls.type !== T.ClassDeclaration && cls.type !== T.ClassExpression) cls = cls.parent;
    const base = cls && (cls.type === T.ClassDeclaration || cls.type === T.ClassExpression) ? cls.superClass : undefined;
    if (!base || base.type !== T.Identifier) return undefined;
    const origin = ctx.originOf(base);
    const p = origin && origin.module === ANGULAR_HTTP ? normalPath(origin) : undefined;
    return p && p.length === 1 ? p[0] : undefined;
  }
  if (obj.type === T.Identifier) {
    const v = variableOf(ctx.sourceCode, obj);
    const def = v?.defs[0];
    if (def?.type === 'Parameter' && def.name.type === T.Identifier) id = def.name;
    if (def?.type === 'Variable' && def.node.type === T.VariableDeclarator) return injectedType(ctx, def.node.init);
  } else if (obj.type === T.MemberExpression && unwrap(obj.object).type === T.ThisExpression) {
    const field = propertyName(obj);
    let cls: Node | undefined = obj.parent;
    while (cls && cls.type !== T.ClassBody) cls = cls.parent;
    const members = cls?.type === T.ClassBody ? cls.body : [];
    const ctor = members.find((m): m is TSESTree.MethodDefinition => m.type === T.MethodDefinition && m.kind === 'constructor');
    for (const p of ctor?.value.params ?? []) {
      if (p.type === T.TSParameterProperty && p.parameter.type === T.Identifier && p.parameter.name === field) id = p.parameter;
    }
    if (!id) {
      const prop = members.find((m): m is TSESTree.PropertyDefinition => m.type === T.PropertyDefinition && !m.computed && propertyName(m) === field);
      if (prop) return angularTypeName(ctx, prop.typeAnnotation?.typeAnnotation) ?? injectedType(ctx, prop.value);
    }
  }
  const ann = id?.typeAnnotation?.typeAnnotation;
  if (!ann || ann.type !== T.TSTypeReference || ann.typeName.type !== T.Identifier) return undefined;
  const origin = ctx.originOf(ann.typeName);
  const aliases = origin ? TYPED_HTTP[origin.module] : undefined;
  if (!origin || !aliases) return undefined;
  const p = normalPath(origin);
  return p.length === 1 ? (aliases[p[0]!] ?? (origin.module === ANGULAR_HTTP ? p[0] : undefined)) : undefined;
}
