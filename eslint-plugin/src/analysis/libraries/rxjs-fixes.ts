// The edits rxjs retry sites suggest (ESLint suggestions, never autofixes: each changes timing or
// what is retried). `retry(…)` gets a `delay` function returning `timer(…)`: capped exponential
// backoff with full jitter, or a classification that lets 4xx client errors through as errors;
// a `retryWhen` notifier's constant `delay(x)` becomes `delayWhen((_, i) => timer(…))`.
import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { propertyName, unwrap, walk } from '../ast';
import { bindingOf, normalPath, variableOf } from '../scope';
import type { LibrarySuggestion, Node, RetrySite, RuleId } from '../types';
import { importedName } from './imports';
import type { LibraryContext } from './types';
import { staticValueOf } from './util';

type Suggestions = Partial<Record<RuleId, LibrarySuggestion[]>>;

/** The cap of a delay made to grow from `baseMs`: 32 times it, at most 30 s, never below it. */
function capFor(baseMs: number | undefined): number {
  return baseMs !== undefined && Number.isFinite(baseMs) && baseMs > 0 ? Math.max(Math.round(baseMs), Math.min(Math.round(baseMs) * 32, 30_000)) : 30_000;
}

/** `status` is a client error a retry cannot fix: 4xx other than 408 and 429 (RFC 9110 §15.5). */
function clientError(error: string): string {
  return `${error}?.status >= 400 && ${error}.status < 500 && ${error}.status !== 408 && ${error}.status !== 429`;
}

function add(out: Suggestions, rules: RuleId[], s: LibrarySuggestion): void {
  for (const r of rules) (out[r] ??= []).push(s);
}

/** A numeric literal's value (`1000`, `1_000`). */
function literalNumber(n: Node | undefined): number | undefined {
  const u = unwrap(n);
  return u?.type === T.Literal && typeof u.value === 'number' ? u.value : undefined;
}

/**
 * Suggestions for `retry()`, `retry(n)` and `retry({ count, delay })` written in place (an options
 * object literal at the call, a delay absent or a number):
 * - `require-backoff` / `require-jitter`: `delay: (_error, retryCount) => timer(Math.random() *
 *   Math.min(base * 2 ** (retryCount - 1), cap))`, the count kept;
 * - `no-retry-on-client-error` (a retry of a source that errors on 4xx, its bound known and kept): `delay: (error) =>
 *   (<4xx but 408/429> ? throwError(() => error) : timer(<the same delay>))`, so only the wait's
 *   decision changes; with no delay before, the backoff above is the wait (the suggestion says so).
 */
export function retrySuggestions(ctx: LibraryContext, node: TSESTree.CallExpression, site: RetrySite): Suggestions {
  const out: Suggestions = {};
  const arg = unwrap(node.arguments[0]);
  if (node.arguments.length > 1) return out;
  let countText: string | undefined;
  let delayMs: number | undefined;
  let options: TSESTree.ObjectExpression | undefined;
  let delayProp: TSESTree.Property | undefined;
  if (!arg) countText = undefined;
  else if (arg.type === T.ObjectExpression) {
    if (arg.properties.some((p) => p.type !== T.Property || p.computed || p.kind !== 'init' || p.method)) return out;
    options = arg;
    delayProp = arg.properties.find((p): p is TSESTree.Property => p.type === T.Property && propertyName(p) === 'delay');
    if (delayProp) {
      delayMs = literalNumber(delayProp.value);
      if (delayMs === undefined) return out; // a delay function or a value read elsewhere: not rewritten here
    }
  } else if (arg.type === T.Literal && typeof arg.value === 'number') countText = arg.raw;
  else if (arg.type === T.Identifier && typeof staticValueOf(ctx, arg)?.value === 'number') countText = arg.name;
  else return out;
  const timer = importedName(ctx, ['rxjs'], 'timer');
  if (!timer) return out;
  const also = timer.edit ? [timer.edit] : [];
  const base = delayMs !== undefined && delayMs > 0 ? delayMs : 1000;
  const backoff = `${timer.text}(Math.random() * Math.min(${base} * 2 ** (retryCount - 1), ${capFor(base)}))`;
  /** The call with `delay: <fn>` set (replacing a numeric delay, or added). */
  // `count: Infinity` written out keeps a for-ever retry for ever where a delay that can stop would
  // otherwise read as a possible bound.
  const withDelay = (fn: string, explicitCount = false): { range: [number, number]; text: string } => {
    const hasCount = options?.properties.some((p) => p.type === T.Property && propertyName(p) === 'count');
    const countPart = explicitCount && !hasCount && !countText ? 'count: Infinity, ' : '';
    if (delayProp) return countPart ? { range: [delayProp.range[0], delayProp.range[1]], text: `${countPart}delay: ${fn}` } : { range: delayProp.value.range, text: fn };
    if (options) {
      const last = options.properties[options.properties.length - 1];
      return last ? { range: [last.range[1], last.range[1]], text: `, ${countPart}delay: ${fn}` } : { range: options.range, text: `{ ${countPart}delay: ${fn} }` };
    }
    const inner = countText ? `{ count: ${countText}, delay: ${fn} }` : `{ ${countPart}delay: ${fn} }`;
    return arg ? { range: arg.range, text: inner } : { range: [node.range[1] - 1, node.range[1] - 1], text: inner };
  };
  // The call must end with its `)` for the argument-less form.
  if (!arg && ctx.sourceCode.text[node.range[1] - 1] !== ')') return out;
  const constant = site.noWait !== undefined || site.waits.some((w) => !w.delay.growing && !w.delay.random && !w.delay.opaque);
  if (constant) {
    const e = withDelay(`(_error, retryCount) => ${backoff}`);
    add(out, ['require-backoff', 'require-jitter'], { description: `Wait with capped exponential backoff and full jitter (\`delay: (_error, retryCount) => timer(…)\`, from ${base} ms)`, range: e.range, text: e.text, also });
  }
  const catchAll = site.clientErrorRetries.some((c) => c.reason === 'catch-all' && c.node === node);
  const known = site.bound.kind === 'bounded' || site.bound.kind === 'unbounded';
  const throwError = catchAll && known ? importedName(ctx, ['rxjs'], 'throwError') : undefined;
  if (throwError) {
    const wait = delayMs !== undefined && delayMs > 0 ? `${timer.text}(${delayProp ? ctx.sourceCode.getText(delayProp.value) : delayMs})` : backoff;
    const params = wait === backoff ? '(error, retryCount)' : '(error)';
    const e = withDelay(`${params} => (${clientError('error')} ? ${throwError.text}(() => error) : ${wait})`, site.bound.kind === 'unbounded');
    const edits = [timer.edit, throwError.edit].filter((x): x is { range: [number, number]; text: string } => !!x);
    // Two names added to the same import: one edit.
    const merged = edits.length === 2 && edits[0]!.range[0] === edits[1]!.range[0] ? [{ range: edits[0]!.range, text: `${edits[0]!.text}${edits[1]!.text}` }] : edits;
    const description = wait === backoff ? 'Fail fast on 4xx client errors (retry only network errors, 408, 429 and 5xx), waiting with capped exponential backoff and full jitter' : 'Fail fast on 4xx client errors (retry only network errors, 408, 429 and 5xx)';
    add(out, ['no-retry-on-client-error'], { description, range: e.range, text: e.text, also: merged });
  }
  return out;
}

/** Whether an expression reads only (a literal, a name, a member chain): evaluating it per attempt instead of once changes nothing. */
function readsOnly(ctx: LibraryContext, n: Node): boolean {
  let ok = true;
  walk(n, ctx.sourceCode.visitorKeys, (x) => {
    if (![T.Literal, T.Identifier, T.MemberExpression, T.TSAsExpression, T.TSNonNullExpression, T.BinaryExpression].includes(x.type as T)) ok = false;
    return ok;
  });
  return ok;
}

/**
 * Suggestions for a `retryWhen` notifier whose `delay(x)` waits the same on every attempt:
 * `delayWhen((_error, i) => timer(Math.random() * Math.min(x * 2 ** i, cap)))`, `i` the retry's
 * index (from 0), so the first retry waits a random part of `x` and each later one up to twice as long.
 */
export function notifierSuggestions(ctx: LibraryContext, site: RetrySite): Suggestions {
  const out: Suggestions = {};
  for (const w of site.waits) {
    const call = w.node;
    if (call.type !== T.CallExpression || w.delay.growing || w.delay.random || (w.delay.opaque && !w.delay.invariant && w.delay.maxReason !== 'opaque')) continue;
    const origin = ctx.originOf(call.callee);
    if (!origin || normalPath(origin).join('.') !== 'delay') continue;
    // Only an operator of the notifier's own pipe (`errors.pipe(delay(x))`): a `delay` piped onto a
    // leaf a flattening operator returns (`of(e).pipe(delay(x))`) is how that leaf goes round, and
    // `delayWhen` there would hide it.
    const pipe = call.parent;
    const pipeCallee = pipe?.type === T.CallExpression ? unwrap(pipe.callee) : undefined;
    if (pipeCallee?.type !== T.MemberExpression || unwrap(pipeCallee.object).type !== T.Identifier) continue;
    const x = call.arguments[0];
    if (!x || x.type === T.SpreadElement || call.arguments.length !== 1 || !readsOnly(ctx, x)) continue;
    // `delay(gapMs)` with `gapMs = 0`: a multiple of the default still waits nothing; no edit here.
    if (zeroDefault(ctx, x)) continue;
    const delayWhen = importedName(ctx, [origin.module], 'delayWhen');
    const timer = importedName(ctx, ['rxjs'], 'timer');
    if (!delayWhen || !timer) continue;
    const ms = literalNumber(x);
    const xText = ctx.sourceCode.getText(x);
    const operand = x.type === T.Literal || x.type === T.Identifier || x.type === T.MemberExpression ? xText : `(${xText})`;
    const edits = [delayWhen.edit, timer.edit].filter((e): e is { range: [number, number]; text: string } => !!e);
    const merged = edits.length === 2 && edits[0]!.range[0] === edits[1]!.range[0] ? [{ range: edits[0]!.range, text: `${edits[0]!.text}${edits[1]!.text}` }] : edits;
    const text = `${delayWhen.text}((_error, i) => ${timer.text}(Math.random() * Math.min(${operand} * 2 ** i, ${capFor(ms)})))`;
    add(out, ['require-backoff', 'require-jitter'], { description: 'Wait with capped exponential backoff and full jitter (`delayWhen((_error, i) => timer(…))`)', range: call.range, text, also: merged });
  }
  return out;
}

/** Whether `x` is a parameter whose default is 0 or less (`gapMs = 0`). */
function zeroDefault(ctx: LibraryContext, x: Node): boolean {
  const u = unwrap(x);
  const v = u.type === T.Identifier ? variableOf(ctx.sourceCode, u) : undefined;
  const b = v ? bindingOf(v) : undefined;
  if (b?.kind !== 'param-default' || !b.node) return false;
  const d = staticValueOf(ctx, b.node)?.value;
  return typeof d === 'number' && d <= 0;
}
