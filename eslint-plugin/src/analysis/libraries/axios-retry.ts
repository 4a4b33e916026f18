import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { unwrap } from '../ast';
import { delayOfFunction } from '../delay';
import { normalPath } from '../scope';
import type { DelayFacts, Node, RetrySite } from '../types';
import type { LibraryDocs } from './docs';
import {
  judgeCondition,
  delayFacts,
  namesIn,
  numberValue,
  readsRetryAfter,
  optionState,
  propertyOf,
  resolveFunction,
  resolveOptions,
  retryCountBound,
  setOption,
  spliced,
  suggest,
  unknownOptionsSite,
  viaDefault,
  type OptionState,
} from './option-state';
import { callsThrough, judgeResent, safeDescribe } from './retried-operation';
import { setsValidateStatus } from '../interceptors';
import { firstStatusCheck, mayRetryMethod, retriesMethod } from './status-set';
import { RETRY_AFTER_STATUSES } from '../statuses';
import type { LibraryAdapter, LibraryContext } from './types';
import { firstWrittenOption, largestValue, librarySite, numberOption, opaqueDelay, scheduleDelay, staticValueOf, type FunctionNode } from './util';
import { SUGGESTED_CAP_MS } from './retry-options';

/** axios-retry's options: an object that writes one of them configures retrying. */
const AXIOS_RETRY_OPTIONS = ['retries', 'retryDelay', 'retryCondition', 'shouldResetTimeout', 'onRetry', 'onMaxRetryTimesExceeded', 'validateResponse'];

export const docs: LibraryDocs = {
  package: 'axios-retry',
  api: '`axiosRetry(axiosOrInstance, options)`',
  versionAssumed: 'axios-retry 4.x (3.x has the same defaults but ignores Retry-After in its default delay)',
  defaults: [
    '`retries: 3`',
    '`retryDelay`: no delay at all (only a Retry-After header, when sent, is waited for)',
    '`exponentialDelay`: `2 ** n * 100` ms plus 0-20 % random, no cap; `linearDelay(ms)`: `n * ms`, no jitter',
    '`retryCondition: isNetworkOrIdempotentRequestError`: network errors for every method (POST included), and 5xx/429 for GET, HEAD, OPTIONS, PUT, DELETE',
  ],
  checks: [
    { rule: 'require-backoff', when: 'no `retryDelay` (it retries at once); suggests `retryDelay: axiosRetry.exponentialDelay`.' },
    { rule: 'require-jitter', when: '`retryDelay: linearDelay(…)` or a delay function without randomness; suggests `exponentialDelay`.' },
    { rule: 'require-max-delay', when: 'the delay (`exponentialDelay`, `linearDelay` or a delay function) can exceed `maxDelayMs` within `retries`, or grows with unbounded retries or a written count that is not known (an environment value, a parameter).' },
    { rule: 'no-unbounded-retry', when: '`retries: Infinity`.' },
    { rule: 'require-idempotency-key', when: 'the instance is used in this file for a POST or PATCH without an idempotency key while the condition retries it: the default (network errors), `isNetworkError`, `isRetryableError`, `() => true`, or a custom condition that never looks at the method; for a written condition, suggests asking it only for idempotent methods (the condition otherwise kept).' },
    { rule: 'no-retry-on-client-error', when: '`retryCondition` accepts every error (`() => true`); suggests `isRetryableError`.' },
  ],
  notModelled: [
    'the per-request `axios-retry` config key (request-level overrides are not read).',
    'the cap on a Retry-After wait: axios-retry waits whatever the server sends; caps on server-supplied waits are only judged in hand-written code.',
  ],
};

/** axios-retry: `axiosRetry(instance, { retries, retryDelay, retryCondition })`. */
export const axiosRetryAdapter: LibraryAdapter = {
  packages: ['axios-retry'],
  docs,
  analyze(node, origin, ctx) {
    if (node.type !== T.CallExpression || normalPath(origin).length !== 0) return [];
    return [analyzeCall(ctx, node)];
  },
  typed: {
    types: [['IAxiosRetryConfig'], ['AxiosRetry', 'IAxiosRetryConfig'], ['IAxiosRetryConfigExtended']],
    analyze(literal, ctx) {
      const options = resolveOptions(ctx, literal);
      if (options.kind !== 'object' || !AXIOS_RETRY_OPTIONS.slice(0, 3).some((n) => optionState(ctx, options, n).state === 'set')) return [];
      return [analyzeCall(ctx, literal)];
    },
  },
};

/** Exports of axios-retry used as options, by name. */
function exportName(ctx: LibraryContext, node: Node | undefined): string | undefined {
  const o = ctx.originOf(node);
  if (!o || o.module !== 'axios-retry') return undefined;
  const p = normalPath(o);
  return p.length === 1 ? p[0] : p.length === 2 && p[1] === '()' ? `${p[0]}()` : undefined;
}

function analyzeCall(ctx: LibraryContext, call: TSESTree.CallExpression | TSESTree.ObjectExpression): RetrySite {
  // A typed options object (K3) is its own site and anchor; no instance, so no request is judged.
  const [instance, optionsArg] = call.type === T.ObjectExpression ? [undefined, call] : call.arguments;
  const calleeText = call.type === T.ObjectExpression ? 'axiosRetry' : ctx.sourceCode.getText(call.callee);
  const options = resolveOptions(ctx, optionsArg);
  // A default left in force is reported on the first retry option the code writes (PRODUCT: "the
  // library option"), on the call only when it writes none.
  const anchor: Node = (options.kind === 'object' ? firstWrittenOption(options.obj, AXIOS_RETRY_OPTIONS) : undefined) ?? (call.type === T.ObjectExpression ? call : call.callee);
  const site = librarySite('axios-retry', call, { node: anchor });
  site.honoursRetryAfter = true;
  if (options.kind === 'unknown') return unknownOptionsSite(site, anchor);
  const retriesS = optionState(ctx, options, 'retries');
  const delayS = optionState(ctx, options, 'retryDelay');
  const conditionS = optionState(ctx, options, 'retryCondition');

  const retries = numberValue(retriesS, 3);
  site.bound = retryCountBound(retries, propertyOf(retriesS) ?? anchor);
  if (retries === Infinity) suggest(site, 'no-unbounded-retry', setOption(options, 'retries', '3', 'Retry at most 3 times (`retries: 3`)', undefined));
  if (retries === 0) return site;

  // A count written but not known (`retries: opts.retries`, an environment value): its largest
  // value when the code bounds it, else no bound (PRODUCT: an unknown bound with no cap reports).
  const worst = retries ?? (retriesS.state === 'set' ? largestValue(ctx, retriesS.option.value) : undefined);
  const countUnbounded = worst === undefined && retriesS.state === 'set';
  // With such a count, `exponentialDelay` alone would grow past any cap: the edit caps it, so that
  // it answers one finding without making another.
  // Likewise with a known count large enough for it to pass the cap (`retries: 10`: 2^10 × 100 ms).
  const capped = countUnbounded || (worst !== undefined && Number.isFinite(worst) && exponentialDelay(anchor, 100, worst, false).maxMs > SUGGESTED_CAP_MS);
  const exponential = capped ? `(retryCount, error) => Math.min(${calleeText}.exponentialDelay(retryCount, error), ${SUGGESTED_CAP_MS})` : `${calleeText}.exponentialDelay`;
  const backOff = capped ? `Back off exponentially with jitter, each wait capped at ${SUGGESTED_CAP_MS} ms (\`${calleeText}.exponentialDelay\` under \`Math.min\`)` : `Back off exponentially with jitter (\`retryDelay: ${exponential}\`)`;
  if (delayS.state === 'absent') {
    site.noWait = anchor;
    suggest(site, 'require-backoff', setOption(options, 'retryDelay', exponential, backOff, instance));
  } else if (delayS.state === 'set') {
    const delay = delayOf(ctx, delayS, worst, countUnbounded);
    const fix = setOption(options, 'retryDelay', exponential, backOff, instance);
    if (delay.maxReason === 'known' && delay.maxMs === 0 && !delay.opaque) {
      site.noWait = delayS.option.property;
      suggest(site, 'require-backoff', fix);
    } else {
      site.waits.push({ node: delayS.option.property, argument: undefined, delay });
      if (!delay.opaque && !delay.random) suggest(site, 'require-jitter', fix);
      if (!delay.opaque && !delay.growing) suggest(site, 'require-backoff', fix);
    }
    const fn = resolveFunction(ctx, delayS.option.value);
    if (fn && !exportName(ctx, delayS.option.value)) site.honoursRetryAfter = delayReadsRetryAfter(ctx, fn);
  } else {
    site.waits.push({ node: anchor, argument: undefined, delay: opaqueDelay(anchor) });
  }

  // Which failures, and so which methods, are retried.
  let conditionNode: Node | undefined;
  let retriesPost: boolean | undefined = true; // the default retries network errors of every method
  if (conditionS.state === 'unknown') retriesPost = undefined;
  else if (conditionS.state === 'set') {
    const name = exportName(ctx, conditionS.option.value);
    const fn = resolveFunction(ctx, conditionS.option.value);
    if (name) retriesPost = ['isNetworkError', 'isRetryableError', 'isNetworkOrIdempotentRequestError'].includes(name) ? true : name === 'isSafeRequestError' || name === 'isIdempotentRequestError' ? false : undefined;
    else if (fn) {
      // The condition judged by what it accepts (K8): statuses, network errors, methods.
      const set = judgeCondition(ctx, site, conditionS, { positional: ['error'] });
      // An instance with its own `validateStatus` (`() => true`: every answer resolves) hands the
      // condition only the errors it chose: which statuses reach it is not known (stay silent).
      if (instance && instance.type !== T.SpreadElement && setsValidateStatus(instance, ctx.sourceCode)) site.clientErrorRetries = [];
      if (site.clientErrorRetries.length > 0) {
        // `isRetryableError`: network errors, 429 and 5xx, of every method. The idempotent-only
        // condition would also stop retrying a POST, a change the client-error finding does not ask
        // for (the key finding offers it on its own).
        // Known limit: `isRetryableError` replaces the written condition, so what it decided besides
        // 4xx changes too (a network error it refused is retried, a timeout it accepted is not).
        // Keeping the condition and excluding 4xx (`!(<4xx but 408/429>) && <condition>`) singles 429
        // out, which respect-retry-after then reports where the delay ignores Retry-After.
        const retryable = `${calleeText}.isRetryableError`;
        // Not over a caller's own condition (`cfg.retryCondition || fallback`): replacing it would drop theirs.
        if (!viaDefault(ctx, conditionS.option.value)) suggest(site, 'no-retry-on-client-error', setOption(options, 'retryCondition', retryable, `Retry only network errors, 429 and 5xx (\`${retryable}\`)`, instance));
      }
      const names = namesIn(ctx, fn);
      if (names.has('isSafeRequestError') || names.has('isIdempotentRequestError')) retriesPost = undefined;
      else if (set) retriesPost = retriesMethod(set, 'post') ? true : mayRetryMethod(set, 'post') ? undefined : false;
      else retriesPost = names.has('method') ? undefined : true;
      // A condition that lets a POST through only when no response came (`isNetworkOrIdempotentRequestError(e)
      // || e.code === 'ECONNABORTED'`) does for POSTs what the default does: each request is reported, as there.
      const asDefault = !!set && set.verdicts.every((v) => v.outcome.method !== 'post' || (v.outcome.status === undefined ? v.retried === true : v.retried !== true));
      if (retriesPost) {
        // The written condition is kept and asked only for idempotent methods: replacing it by
        // `isIdempotentRequestError` would also change what a GET retries (429, other network errors).
        suggest(site, 'require-idempotency-key', idempotentOnly(ctx, conditionS.option.property));
        if (!asDefault) conditionNode = conditionS.option.property;
      }
    } else retriesPost = undefined;
  }
  if (retriesPost && instance) {
    const found = librarySite('axios-retry', call);
    for (const c of callsThrough(ctx, instance)) {
      const http = safeDescribe(ctx, c);
      if (http && http.client === 'axios') judgeResent(ctx, found, http);
    }
    // A written condition that lets POSTs through is where the retry of each POST is decided:
    // one finding there; with the default condition, one at each request.
    const first = found.nonIdempotent[0];
    if (conditionNode && first) site.nonIdempotent.push({ ...first, method: `${first.method} sent at line ${first.node.loc.start.line}`, node: conditionNode, keyNode: undefined, key: 'none', reportedAt: 'condition' });
    else site.nonIdempotent.push(...found.nonIdempotent);
  }
  // A delay function that singles out 429 or 503 (`if (status === 429) return 60000`) chooses the
  // rate limit's wait: that check is the rate-limit handling respect-retry-after reports.
  const delayFn = delayS.state === 'set' && !exportName(ctx, delayS.option.value) ? resolveFunction(ctx, delayS.option.value) : undefined;
  const delayCheck = delayFn ? firstStatusCheck(delayFn, ctx.sourceCode, RETRY_AFTER_STATUSES) : undefined;
  if (delayCheck) site.rateLimitChecks = [delayCheck];
  return site;
}

/** The delay of a `retryDelay` option. */
function delayOf(ctx: LibraryContext, s: OptionState & { state: 'set' }, retries: number | undefined, countUnbounded = false): DelayFacts {
  const node = s.option.property;
  const value = unwrap(s.option.value);
  const name = exportName(ctx, value);
  if (name === 'exponentialDelay') return exponentialDelay(node, 100, retries, countUnbounded);
  if (name === 'linearDelay()' && value.type === T.CallExpression) {
    const f = value.arguments[0] ? numberOption({ property: s.option.property, value: value.arguments[0], known: staticValueOf(ctx, value.arguments[0]) }) : 100;
    if (f === undefined) return opaqueDelay(node);
    return linear(node, f, retries, countUnbounded);
  }
  const fn = resolveFunction(ctx, value);
  if (!fn) return opaqueDelay(node);
  // `(n, err) => axiosRetry.exponentialDelay(n, err, 500)`
  const body = fn.body.type === T.BlockStatement ? singleReturn(fn.body) : fn.body;
  const inner = unwrap(body);
  if (inner && inner.type === T.CallExpression && exportName(ctx, inner.callee) === 'exponentialDelay') {
    const factorArg = inner.arguments[2];
    const f = factorArg ? staticValueOf(ctx, factorArg)?.value : 100;
    if (typeof f === 'number') return exponentialDelay(node, f, retries, countUnbounded);
    return opaqueDelay(node);
  }
  const facts = delayOfFunction(ctx.sourceCode, fn, retries);
  return { ...facts, node };
}

function singleReturn(block: TSESTree.BlockStatement): Node | undefined {
  const last = block.body[block.body.length - 1];
  return block.body.length === 1 && last && last.type === T.ReturnStatement ? (last.argument ?? undefined) : undefined;
}

/** `exponentialDelay(n, err, f)`: `2 ** n * f` plus up to 20 % random, n = 1..retries. */
function exponentialDelay(node: Node, factorMs: number, retries: number | undefined, countUnbounded: boolean): DelayFacts {
  const d = scheduleDelay({ node, baseMs: 2 * factorMs * 1.2, factor: 2, capMs: undefined, retries: retries === undefined ? undefined : retries, random: true });
  if (retries === undefined && !countUnbounded) d.maxReason = 'opaque';
  return d;
}

/** `linearDelay(f)`: `n * f`, n = 1..retries. */
function linear(node: Node, f: number, retries: number | undefined, countUnbounded: boolean): DelayFacts {
  if (f === 0) return delayFacts(node, { maxMs: 0, growing: false });
  if (retries === undefined) return delayFacts(node, { maxMs: Infinity, growing: true, maxReason: countUnbounded ? 'growth' : 'opaque' });
  return delayFacts(node, { maxMs: f * retries, growing: true });
}

/**
 * Whether a custom `retryDelay(retryCount, error)` can honour Retry-After (K8: by data flow, not
 * by the text): the error, which carries the response headers, must reach the delay, either into
 * one of axios-retry's own delay helpers (they read Retry-After from it) or into a read of a
 * `retry-after` header. A function that never reads its error cannot.
 */
function delayReadsRetryAfter(ctx: LibraryContext, fn: FunctionNode): boolean {
  const err = fn.params[1];
  if (!err) return false;
  if (err.type !== T.Identifier) return true; // destructured: assume it is read
  const v = ctx.sourceCode.getDeclaredVariables(fn).find((x) => x.name === err.name);
  if (!v || v.references.length === 0) return false;
  for (const r of v.references) {
    const parent = r.identifier.parent;
    if (parent?.type === T.CallExpression && parent.arguments.includes(r.identifier as TSESTree.Expression)) {
      const name = exportName(ctx, parent.callee);
      if (name === 'exponentialDelay' || name === 'linearDelay()' || name === 'linearDelay') return true;
    }
  }
  // Read from the code, never from its text: a comment that names the header reads nothing.
  return readsRetryAfter(ctx, fn);
}

/** axios-retry's idempotent methods (`IDEMPOTENT_HTTP_METHODS`, not exported), lower-case as axios sends them. */
const IDEMPOTENT_METHODS = "['get', 'head', 'options', 'put', 'delete']";
const IDEMPOTENT_DESCRIPTION = 'Retry only idempotent methods (GET, HEAD, OPTIONS, PUT, DELETE), the condition otherwise kept';
/** The test that the failed request's method is idempotent, on the error named `error`. */
const idempotentTest = (error: string): string => `${IDEMPOTENT_METHODS}.includes(${error}.config?.method ?? '')`;

/**
 * A written `retryCondition` answered only for idempotent methods, every other answer kept:
 * `(error) => <idempotent method> && <condition>` for an expression body, a first
 * `if (!<idempotent method>) return false;` for a block body, a call for a named condition.
 * Undefined where the condition cannot be edited safely (a generator, a pattern parameter, a name
 * the error parameter would hide).
 */
function idempotentOnly(ctx: LibraryContext, property: TSESTree.Property): ReturnType<typeof setOption> {
  const sc = ctx.sourceCode;
  const value = property.value as Node;
  if (property.computed) return undefined;
  if (value.type === T.Identifier) {
    if (value.name === 'error') return undefined;
    return { description: IDEMPOTENT_DESCRIPTION, range: property.range, text: `retryCondition: (error) => ${idempotentTest('error')} && ${value.name}(error)` };
  }
  if ((value.type !== T.ArrowFunctionExpression && value.type !== T.FunctionExpression) || value.generator) return undefined;
  const first = value.params[0];
  if (first && first.type !== T.Identifier) return undefined;
  const edits: Array<{ range: [number, number]; text: string }> = [];
  let error = first?.name;
  if (!error) {
    // `() => true`: the error parameter added, unless the body reads an outer `error`.
    if (sc.getTokens(value).some((t) => t.type === 'Identifier' && t.value === 'error')) return undefined;
    const open = sc.getFirstToken(value, { filter: (t) => t.value === '(' });
    if (!open) return undefined;
    error = 'error';
    edits.push({ range: [open.range[1], open.range[1]], text: error });
  }
  const body = value.body;
  if (body.type === T.BlockStatement) {
    const stmt = body.body[0];
    if (!stmt) return undefined;
    const indent = /^\s*/.exec(sc.lines[stmt.loc.start.line - 1] ?? '')![0];
    edits.push({ range: [stmt.range[0], stmt.range[0]], text: `if (!${idempotentTest(error)}) return false;${stmt.loc.start.line === body.loc.start.line ? ' ' : `\n${indent}`}` });
  } else if (body.type === T.Literal && body.value === true) {
    edits.push({ range: body.range, text: idempotentTest(error) });
  } else {
    const tight = (body.type === T.LogicalExpression && body.operator === '&&') || body.type === T.UnaryExpression || body.type === T.BinaryExpression || body.type === T.CallExpression || body.type === T.MemberExpression || body.type === T.Identifier || body.type === T.Literal;
    edits.push({ range: [body.range[0], body.range[0]], text: `${idempotentTest(error)} && ${tight ? '' : '('}` });
    if (!tight) edits.push({ range: [body.range[1], body.range[1]], text: ')' });
  }
  return { description: IDEMPOTENT_DESCRIPTION, ...spliced(sc.text, edits) };
}
