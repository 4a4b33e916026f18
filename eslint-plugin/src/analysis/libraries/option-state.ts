import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { isFunction, propertyName, unwrap, walk } from '../ast';
import { readsRetryAfter as readsRetryAfterIn } from '../operation';
import { sameFileFunction } from '../delay';
import { returnedExpressions } from './inspect';
import type { AttemptBound, DelayFacts, LibrarySuggestion, Node, RuleId, RetrySite } from '../types';
import { bindingOf, constantValue, variableOf } from '../scope';
import type { LibraryContext } from './types';
import { acceptsAll, evaluateCondition, firstStatusCheck, handlesRateLimit, retriedClientError, retriedClientErrorForSome, type OutcomeSet, type Roles } from './status-set';
import { isEffectivelyUnbounded } from '../limits';
import { isClientErrorStatus as isClientError, isRetryAfterStatus, RETRY_AFTER_STATUSES } from '../statuses';
import { asNumber, opaqueDelay, readOption, resolveObject, type FunctionNode, type Option, type OptionsObject } from './util';

/**
 * Helpers shared by the adapters of retry libraries configured through one options object
 * (p-retry, async-retry, retry, promise-retry, exponential-backoff, axios-retry, retry-axios,
 * got, ky, ofetch, fetch-retry): whether an option is written, left to the library's default,
 * or unknowable (spread in, computed, options not resolvable), and the edits suggestions make.
 */

/** The options argument of a call: absent (every default applies), an object literal, or unknown. */
export type Options = { kind: 'none' } | { kind: 'unknown' } | { kind: 'object'; obj: OptionsObject };

/** Resolves an options argument (following `const` bindings); `undefined` / `{}` literals count as written. */
export function resolveOptions(ctx: LibraryContext, arg: Node | null | undefined): Options {
  const n = unwrap(arg);
  if (!n) return { kind: 'none' };
  if (n.type === T.Identifier && n.name === 'undefined') return { kind: 'none' };
  const obj = resolveObject(ctx, n);
  return obj ? { kind: 'object', obj } : { kind: 'unknown' };
}

/** An option's state: left to the default, written (value known or not), or unknowable. */
export type OptionState = { state: 'absent' } | { state: 'unknown' } | { state: 'set'; option: Option };

/**
 * Reads option `name`. A property followed by a spread (`{ retries: 3, ...extra }`) may be
 * overridden, and a missing property may come from a spread: both are unknown.
 */
export function optionState(ctx: LibraryContext, options: Options, name: string): OptionState {
  if (options.kind === 'none') return { state: 'absent' };
  if (options.kind === 'unknown') return { state: 'unknown' };
  const option = readOption(ctx, options.obj, name);
  const entries = options.obj.entries;
  if (!option) {
    if (options.obj.spread) return { state: 'unknown' };
    if (entries.some((p) => p !== undefined && propertyName(p) === undefined)) return { state: 'unknown' };
    return { state: 'absent' };
  }
  const at = entries.indexOf(option.property);
  if (entries.slice(at + 1).some((p) => p === undefined || propertyName(p) === undefined)) return { state: 'unknown' };
  return { state: 'set', option };
}

/** The option's value if known statically, the default if absent, `unknown` otherwise. */
export function valueOf(state: OptionState, fallback: unknown): { known: true; value: unknown } | { known: false } {
  if (state.state === 'absent') return { known: true, value: fallback };
  if (state.state === 'set' && state.option.known) return { known: true, value: state.option.known.value };
  return { known: false };
}

/** A number option: its value, the default when absent, undefined when unknown or not a number. */
export function numberValue(state: OptionState, fallback: number): number | undefined {
  const v = valueOf(state, fallback);
  return v.known ? asNumber(v.value) : undefined;
}

/** A boolean option, as above. */
export function booleanValue(state: OptionState, fallback: boolean): boolean | undefined {
  const v = valueOf(state, fallback);
  return v.known && typeof v.value === 'boolean' ? v.value : undefined;
}

/** The property of a written option, for reporting; undefined when absent or unknown. */
export function propertyOf(state: OptionState): TSESTree.Property | undefined {
  return state.state === 'set' ? state.option.property : undefined;
}

/** The value node of a written option. */
export function valueNode(state: OptionState): Node | undefined {
  return state.state === 'set' ? unwrap(state.option.value) : undefined;
}

/**
 * Marks a site whose options cannot be read (computed at run time, spread in): its attempt bound
 * and wait are unknown, which no rule reports. Returns the site.
 */
export function unknownOptionsSite(site: RetrySite, anchor: Node): RetrySite {
  site.bound = { kind: 'unknown', maxAttempts: undefined, node: anchor };
  site.waits.push({ node: anchor, argument: undefined, delay: opaqueDelay(anchor) });
  return site;
}

/**
 * The attempt bound of a retry count (`retries: n`, n + 1 attempts in all): unbounded for
 * `Infinity` and other counts that are no limit in practice (see `../limits`), unknown when the count is not known statically. Reported at `node`.
 */
export function retryCountBound(retries: number | undefined, node: Node): AttemptBound {
  if (isEffectivelyUnbounded(retries)) return { kind: 'unbounded', maxAttempts: undefined, node };
  return { kind: retries === undefined ? 'unknown' : 'bounded', maxAttempts: retries === undefined ? undefined : retries + 1, node };
}

/**
 * Judges a "which methods are retried" list option (`methods`, `httpMethodsToRetry`): each
 * non-idempotent method in it (POST, PATCH, per the settings) is a non-idempotent retry without a
 * key, reported at its entry with a suggestion removing it. `only` is the method of the request
 * the option belongs to, when known: other entries do not apply to it.
 */
export function judgeMethodList(ctx: LibraryContext, site: RetrySite, value: Node, only: string | undefined): void {
  for (const e of listEntries(ctx, value).entries) {
    const m = typeof e.value === 'string' ? e.value.toUpperCase() : undefined;
    if (!m || !ctx.settings.nonIdempotentMethods.includes(m)) continue;
    if (only && only !== m) continue;
    site.nonIdempotent.push({ node: reportedAt(e.node, value), method: m, key: 'none', keyNode: undefined });
    suggest(site, 'require-idempotency-key', removeElement(ctx.sourceCode, e.node, `Do not retry ${m} requests`));
  }
}

/**
 * Where a finding about one entry of a list option is reported: the entry when it is written in the
 * option's own value, else the option's value (`statusCodes: RETRY_ON`, `[...DEFAULTS]`): the site
 * decides the place, not the declaration the entry was read from.
 */
function reportedAt(entry: Node, value: Node): Node {
  return entry.range[0] >= value.range[0] && entry.range[1] <= value.range[1] ? entry : value;
}

/**
 * Judges a "which statuses are retried" list option (numbers, or `[min, max]` ranges): a 4xx that
 * retrying cannot fix (see `isClientErrorStatus`; `alsoAllowed` adds statuses the library
 * handles itself) is a client-error retry, and 429 / 503 are noted as rate-limit checks.
 */
export function judgeStatusList(ctx: LibraryContext, site: RetrySite, value: Node, alsoAllowed: readonly number[] = []): void {
  const list = listEntries(ctx, value);
  for (const e of list.entries) {
    const at = reportedAt(e.node, value);
    if (isClientErrorStatus(e.value, alsoAllowed)) {
      site.clientErrorRetries.push({ node: at, reason: 'client-status' });
      // Only an element written in the option's own list (not one spread in, nor one of a constant
      // declared elsewhere, which other code may share: the edit stays inside the retry).
      if (at === e.node && list.array && list.array.elements.includes(e.node as TSESTree.Expression)) suggest(site, 'no-retry-on-client-error', removeElement(ctx.sourceCode, e.node, `Do not retry ${Array.isArray(e.value) ? e.value.join('–') : String(e.value)}: a retry cannot fix a client error`));
    }
    if (isRateLimitStatus(e.value)) site.rateLimitChecks.push(at);
  }
}

/**
 * Judges a "shall I retry?" predicate option (K8) by what it accepts, through the one status-set
 * evaluator (`./status-set`): a condition that surely retries a 4xx a retry cannot fix (every
 * error, `status >= 400`, `status !== 200`, a list that skips only some 4xx) is a client-error
 * retry, reported at the option; one that names 429 or 503 and retries it handles the rate limit
 * (`respect-retry-after` then asks whether the delay reads Retry-After). `roles` says what the
 * predicate's parameters hold. Returns the outcome set, or undefined when the option is not a
 * readable function.
 */
export function judgeCondition(ctx: LibraryContext, site: RetrySite, state: OptionState, roles: Roles): OutcomeSet | undefined {
  if (state.state !== 'set') return undefined;
  const fn = resolveFunction(ctx, state.option.value);
  if (!fn) return undefined;
  const set = evaluateCondition(fn, roles, ctx.sourceCode);
  if (!set) return undefined;
  const prop = state.option.property;
  // A condition whose only test is its count (`count => count < 3`) classifies nothing: it is a
  // number of retries, judged by the adapter as such, not a condition accepting every failure.
  if (roles.firstCount !== undefined && acceptsAll(set)) {
    const uncounted = evaluateCondition(fn, { ...roles, firstCount: undefined }, ctx.sourceCode);
    if (uncounted && !acceptsAll(uncounted)) return set;
  }
  // `condition`: it accepts every failure; `client-status`: it lets some 4xx through (a message must not say more).
  // A condition that lets some 4xx through is reported at its status check (PRODUCT: "the status check").
  if (retriedClientError(set) !== undefined) {
    const all = acceptsAll(set);
    site.clientErrorRetries.push({ node: (all ? undefined : firstStatusCheck(fn, ctx.sourceCode)) ?? prop, reason: all ? 'condition' : 'client-status' });
  } else if (retriedClientErrorForSome(fn, roles, ctx.sourceCode) !== undefined) {
    // Every failure of some requests (chosen by which request failed: its URL): their 4xx go round.
    site.clientErrorRetries.push({ node: firstStatusCheck(fn, ctx.sourceCode) ?? prop, reason: 'client-status' });
  }
  if (handlesRateLimit(set)) site.rateLimitChecks.push(firstStatusCheck(fn, ctx.sourceCode, RETRY_AFTER_STATUSES) ?? prop);
  return set;
}

/** Whether a "shall I retry?" option is a function that returns `true` for every failure (`() => true`). */
export function acceptsEverything(ctx: LibraryContext, state: OptionState): boolean {
  if (state.state !== 'set') return false;
  const fn = resolveFunction(ctx, state.option.value);
  return fn !== undefined && alwaysTrue(fn);
}

/** Builds delay facts directly (for schedules `scheduleDelay` does not describe: linear, retry-axios' exponential). */
export function delayFacts(node: Node, facts: Partial<DelayFacts> & { maxMs: number }): DelayFacts {
  return {
    node,
    random: facts.random ?? false,
    growing: facts.growing ?? false,
    maxMs: facts.maxMs,
    maxReason: facts.maxReason ?? (Number.isFinite(facts.maxMs) ? 'known' : 'growth'),
    capMs: facts.capMs,
    retryAfter: facts.retryAfter,
    opaque: facts.opaque ?? false,
  };
}

/** Adds a suggestion for `rule` to a site. */
export function suggest(site: RetrySite, rule: RuleId, s: LibrarySuggestion | undefined): void {
  if (!s) return;
  site.suggestions ??= {};
  const list = (site.suggestions[rule] ??= []);
  if (!list.some((x) => x.description === s.description)) list.push(s);
}

/**
 * An edit that sets option `name` to `valueText`: replaces a written value, adds the property to
 * the options object, or adds an options argument after `after` when the call has none.
 * Returns undefined when the options are unknown (nothing safe to edit).
 */
export function setOption(
  options: Options,
  name: string,
  valueText: string,
  description: string,
  after: Node | undefined,
): LibrarySuggestion | undefined {
  if (options.kind === 'unknown') return undefined;
  if (options.kind === 'none') {
    if (!after) return undefined;
    return { description, range: [after.range[1], after.range[1]], text: `, { ${name}: ${valueText} }` };
  }
  const obj = options.obj.node;
  let existing: TSESTree.Property | undefined;
  for (const p of obj.properties) if (p.type === T.Property && propertyName(p) === name) existing = p;
  if (existing) {
    // A shorthand (`{ retryOn }`) or a method (`retryCondition(err) { … }`) is rewritten whole.
    if (existing.shorthand || existing.method || existing.kind !== 'init') return { description, range: existing.range, text: `${name}: ${valueText}` };
    return { description, range: existing.value.range, text: valueText };
  }
  return insertProperty(obj, `${name}: ${valueText}`, description);
}

/** An edit adding `text` (`key: value`) as the last property of an object literal. */
export function insertProperty(obj: TSESTree.ObjectExpression, text: string, description: string): LibrarySuggestion {
  const last = obj.properties[obj.properties.length - 1];
  if (!last) return { description, range: obj.range, text: `{ ${text} }` };
  return { description, range: [last.range[1], last.range[1]], text: `, ${text}` };
}

/**
 * An edit removing one element of an array literal with its separating comma (the one after it,
 * or before it for the last element), read from the tokens so a trailing comma is handled too.
 */
export function removeElement(sourceCode: TSESLint.SourceCode, element: Node, description: string): LibrarySuggestion {
  const after = sourceCode.getTokenAfter(element);
  if (after && after.value === ',') {
    const next = sourceCode.getTokenAfter(after);
    return { description, range: [element.range[0], next && next.value !== ']' ? next.range[0] : after.range[1]], text: '' };
  }
  const before = sourceCode.getTokenBefore(element);
  if (before && before.value === ',') return { description, range: [before.range[0], element.range[1]], text: '' };
  return { description, range: [element.range[0], element.range[1]], text: '' };
}

/** One entry of a status or method list with its static value. */
export interface ListEntry {
  node: Node;
  value: unknown;
}

/**
 * The entries of an array option (literal or `const`), each with its value when statically
 * known. `complete` is false when part of the list cannot be known (a spread, a computed entry).
 */
export function listEntries(ctx: LibraryContext, value: Node | undefined): { array: TSESTree.ArrayExpression | undefined; entries: ListEntry[]; complete: boolean } {
  const arr = resolveArray(ctx, value);
  if (!arr) return { array: undefined, entries: [], complete: false };
  const entries: ListEntry[] = [];
  let complete = true;
  // `[...DEFAULT_CODES, 403]`: the entries of a same-file constant list spread in are this list's own
  // (each keeps its node, in the list it is written in).
  const add = (list: TSESTree.ArrayExpression, depth: number): void => {
    for (const e of list.elements) {
      if (e?.type === T.SpreadElement) {
        const inner = depth < 3 ? resolveArray(ctx, e.argument) : undefined;
        if (inner) add(inner, depth + 1);
        else complete = false;
        continue;
      }
      if (!e) {
        complete = false;
        continue;
      }
      const v = staticOf(ctx, e);
      if (!v) complete = false;
      entries.push({ node: e, value: v?.value });
    }
  };
  add(arr, 0);
  return { array: arr, entries, complete };
}

function resolveArray(ctx: LibraryContext, value: Node | undefined): TSESTree.ArrayExpression | undefined {
  let n = unwrap(value);
  for (let i = 0; n && i < 5; i++) {
    if (n.type === T.ArrayExpression) return n;
    n = constInit(ctx, n);
  }
  return undefined;
}

/** The initialiser of a never-reassigned variable an identifier refers to; undefined for anything else. */
function constInit(ctx: LibraryContext, n: Node): Node | undefined {
  if (n.type !== T.Identifier) return undefined;
  const v = variableOf(ctx.sourceCode, n);
  const b = v && bindingOf(v);
  if (!b?.stable) return undefined;
  if (b.kind === 'init' || b.kind === 'function') return unwrap(b.node);
  return undefined;
}

function staticOf(ctx: LibraryContext, node: Node): { value: unknown } | undefined {
  const n = unwrap(node);
  const constant = constantValue(ctx.sourceCode, n);
  if (constant) return constant;
  const array = resolveArray(ctx, n);
  if (array && array !== n) return staticOf(ctx, array);
  if (n.type === T.ArrayExpression) {
    const out: unknown[] = [];
    for (const e of n.elements) {
      if (!e || e.type === T.SpreadElement) return undefined;
      const v = staticOf(ctx, e);
      if (!v) return undefined;
      out.push(v.value);
    }
    return { value: out };
  }
  return undefined;
}

/** Whether a status (or `[min, max]` range) includes a 4xx that cannot succeed on retry (`statuses.ts`). */
export function isClientErrorStatus(value: unknown, alsoAllowed: readonly number[] = []): boolean {
  if (typeof value === 'number') return isClientError(value, alsoAllowed);
  if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'number' && typeof value[1] === 'number') {
    const [lo, hi] = value as [number, number];
    for (let s = Math.max(lo, 400); s <= Math.min(hi, 499); s++) if (isClientError(s, alsoAllowed)) return true;
  }
  return false;
}

/** Whether a status (or range) is one `Retry-After` comes with (429, 503: `statuses.ts`). */
export function isRateLimitStatus(value: unknown): boolean {
  if (typeof value === 'number') return isRetryAfterStatus(value);
  if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'number' && typeof value[1] === 'number') {
    const [lo, hi] = value as [number, number];
    return RETRY_AFTER_STATUSES.some((s) => lo <= s && s <= hi);
  }
  return false;
}

/**
 * Resolves a function-valued option: an inline function, a same-file function or `const` bound to
 * one, or a same-file class's static method or a `const` object's method (`RetryRules.onRetryWhen`)
 * or, inside a class, one of its own methods (`this.nextDelay`), or the function a same-file
 * factory returns (`backoffPolicy(5000)`).
 */
export function resolveFunction(ctx: LibraryContext, node: Node | null | undefined): FunctionNode | undefined {
  let n = unwrap(node);
  for (let i = 0; n && i < 5; i++) {
    if (isFunction(n)) return n;
    if (n.type === T.MemberExpression) return sameFileFunction(n, { sourceCode: ctx.sourceCode });
    if (n.type === T.CallExpression) {
      // A same-file factory whose one returned value is a function (`retryStrategy: backoffPolicy(5000)`).
      const factory = sameFileFunction(n.callee, { sourceCode: ctx.sourceCode });
      const returns = factory ? returnedExpressions(factory, ctx.sourceCode.visitorKeys) : [];
      const made = returns.length === 1 && returns[0] ? unwrap(returns[0]) : undefined;
      return made && isFunction(made) ? made : undefined;
    }
    // `cfg.retryCondition || defaultRetryCondition`: the caller's option, else the default the file
    // shows (PRODUCT: a default counts as known).
    if (n.type === T.LogicalExpression && (n.operator === '||' || n.operator === '??')) {
      n = unwrap(n.right);
      continue;
    }
    n = constInit(ctx, n);
  }
  return undefined;
}

/**
 * Whether an option's value reaches its function through a fallback (`cfg.retryCondition ||
 * defaultRetryCondition`, directly or through a const): the function is only what runs when the
 * caller sets nothing, so an edit that replaces the option would also drop the caller's choice.
 */
export function viaDefault(ctx: LibraryContext, node: Node | null | undefined): boolean {
  let n = unwrap(node);
  for (let i = 0; n && i < 5; i++) {
    if (n.type === T.LogicalExpression && (n.operator === '||' || n.operator === '??')) return true;
    n = constInit(ctx, n);
  }
  return false;
}

/** Whether a function always returns `true` (`() => true`, `function () { return true; }`): it accepts every failure. */
export function alwaysTrue(fn: FunctionNode): boolean {
  if (fn.body.type !== T.BlockStatement) return isTrue(fn.body);
  const body = fn.body.body;
  const last = body[body.length - 1];
  if (!last || last.type !== T.ReturnStatement || !isTrue(last.argument)) return false;
  let ok = true;
  for (const st of body) {
    if (st.type === T.ReturnStatement && !isTrue(st.argument)) ok = false;
    if (st.type === T.IfStatement || st.type === T.SwitchStatement || st.type === T.TryStatement || st.type === T.ThrowStatement) ok = false;
  }
  return ok;
}

function isTrue(n: Node | null | undefined): boolean {
  const u = unwrap(n);
  return !!u && u.type === T.Literal && u.value === true;
}

/** Whether the function's parameter at `index` is referenced in its body. */
export function usesParameter(ctx: LibraryContext, fn: FunctionNode, index: number): boolean {
  const p = fn.params[index];
  if (!p) return false;
  if (p.type !== T.Identifier) return true; // destructured: assume used
  const variables = ctx.sourceCode.getDeclaredVariables(fn);
  const v = variables.find((x) => x.name === p.name);
  if (!v) return true;
  return v.references.length > 0;
}

/**
 * Whether a node reads `Retry-After` (a header name, a `retryAfter` value, a same-file helper that
 * does): the code, not its comments (`../operation`, the one reader of it).
 */
export function readsRetryAfter(ctx: LibraryContext, node: Node | undefined): boolean {
  return !!node && readsRetryAfterIn(node, ctx.sourceCode);
}

/** Identifiers and property names used inside a node. */
export function namesIn(ctx: LibraryContext, node: Node): Set<string> {
  const out = new Set<string>();
  walk(node, ctx.sourceCode.visitorKeys, (n) => {
    if (n.type === T.Identifier) out.add(n.name);
    else if (n.type === T.Literal && typeof n.value === 'string') out.add(n.value);
  });
  return out;
}

/** Several insertions in one text as one edit: the text from the first to the last, the changes spliced in. */
export function spliced(text: string, edits: ReadonlyArray<{ range: [number, number]; text: string }>): { range: [number, number]; text: string } {
  const sorted = [...edits].sort((a, b) => a.range[0] - b.range[0]);
  const start = sorted[0]!.range[0];
  const stop = Math.max(...sorted.map((e) => e.range[1]));
  let out = '';
  let at = start;
  for (const e of sorted) {
    out += text.slice(at, e.range[0]) + e.text;
    at = e.range[1];
  }
  return { range: [start, stop], text: out + text.slice(at, stop) };
}
