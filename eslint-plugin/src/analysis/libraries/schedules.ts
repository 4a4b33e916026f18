import type { TSESTree } from '@typescript-eslint/utils';
import { drawsRandom } from '../input-change';
import { delayOfFunction } from '../delay';
import { isEffectivelyUnbounded } from '../limits';
import { describeHttpCall, judgeIdempotency } from '../http';
import { normalPath, type Origin } from '../scope';
import type { DelayFacts, Node, RetrySite } from '../types';
import type { LibraryDocs } from './docs';
import {
  booleanValue,
  delayFacts,
  judgeCondition,
  numberValue,
  optionState,
  propertyOf,
  resolveFunction,
  resolveOptions,
  unknownOptionsSite,
  type OptionState,
  type Options,
} from './option-state';
import { judgeRetriedFunction } from './retried-operation';
import type { Roles } from './status-set';
import type { LibraryAdapter, LibraryContext } from './types';
import { defaultsAt, firstWrittenOption, librarySite, opaqueDelay, readOption, resolveObject, scheduleDelay, staticValueOf } from './util';

/**
 * Retry libraries described as data (K5): which calls open a site, what each option means
 * (count, base delay, growth, cap, jitter, a delay function, a condition) and the library's
 * defaults. One interpreter (`scheduleSite`) reads every description, so the shared option
 * reader (same-file spreads, parameter defaults, K11), the status-set evaluator (K8) and the
 * bound threshold (S3) apply to each library for free. A new library is a table entry.
 */

type Call = TSESTree.CallExpression | TSESTree.NewExpression;

/** Where a call keeps its retry options. */
interface Entry {
  /** The options object (or expression); `none` when the call has none (every default applies). */
  options: Node | 'none';
  /** The function the library runs again, when it runs one. */
  retried?: Node | undefined;
  /** A count given positionally instead of an options object (`async.retry(3, task)`). */
  count?: Node;
  /**
   * The library retries every failure of an HTTP request whatever its status (RTK Query's `retry`
   * around `fetchBaseQuery`, with no `retryCondition`): `no-retry-on-client-error` reports it.
   */
  everyHttpFailure?: boolean;
  /** Where defaults left in force are reported when no retry option is written: the property holding nested options (`retry: {…}`); the callee otherwise. */
  at?: Node;
  /** The call is itself the HTTP request retried (requestretry `post(options, cb)`): judged for an idempotency key. */
  request?: TSESTree.CallExpression;
}

/** One library's retry options, as data. */
export interface ScheduleSpec {
  library: string;
  packages: readonly string[];
  docs: LibraryDocs;
  /** The options of a call into the library, or undefined when the call opens no retry site. */
  entry(call: Call, path: readonly string[], ctx: LibraryContext, module: string): Entry | undefined;
  /**
   * Option names whose presence opts a client into retrying; when set, a call whose options set
   * none of them is not reported (a client whose built-in retry the code never touches).
   */
  optIn?: readonly string[];
  /**
   * An option whose written value turns the library's retrying off whatever the others say
   * (MongoDB driver 3.x `autoReconnect: false`): the call then opens no retry site.
   */
  offSwitch?: { name: string; off: boolean | number | string };
  /**
   * The library retries until it succeeds and has no option to limit it (Supabase Realtime's
   * reconnect timer): the site is unbounded, `forever` says why for the message.
   */
  forever?: string;
  /** The attempt limit: `retries` counts retries after the first attempt, `attempts` every attempt. */
  count?: {
    name: string;
    means: 'retries' | 'attempts';
    default: number;
    /** `0` means no limit (`@lifeomic/attempt` `maxAttempts`, wretch `maxAttempts`). */
    zeroIsUnlimited?: boolean;
    /** The library reads the option with `||`: a written `0` means the default (urql `maxNumberAttempts || 2`). */
    zeroIsDefault?: boolean;
  };
  /** The first delay, in ms (`undefined` name: not configurable). */
  base: { name?: string; default: number; scale?: number; /** A written `0` means the default (`initialDelayMs || 1000`). */ zeroIsDefault?: boolean };
  /**
   * `factor`: delay n = base × factor^n (≤ 1 is constant); `linear`: delay n = base × n; `constant`.
   * A factor without `name` is not configurable; `onlyWhenRandom`: the delay grows only while the
   * jitter is on (urql multiplies by a random 1.5–2.5 when `randomDelay`, else waits the base every time);
   * `minRandomFactor`: the smallest random factor; a wait whose step by it would reach the cap is
   * kept as it is, unjittered (urql: a base at or above `maxDelayMs / 1.5` is waited every time).
   */
  growth:
    | {
        kind: 'factor';
        name?: string;
        default: number;
        onlyWhenRandom?: boolean;
        minRandomFactor?: number;
        /** With `onlyWhenRandom` and the jitter off: the wait grows by the base each retry (urql 2.x) instead of staying the base. */
        linearWhenNotRandom?: boolean;
        /**
         * The largest exponent the library can reach: viem computes `1 << count` in 32-bit integers,
         * so the factor stops at 2^30 (past it the shift wraps to a negative number, a zero wait).
         */
        maxExponent?: number;
      }
    | { kind: 'linear' }
    | { kind: 'constant' };
  /** The cap, in ms; `zeroIsNone`: 0 means no cap. */
  cap?: { name: string; default: number | undefined; zeroIsNone?: boolean; /** A written `0` means the default (`maxDelayMs || 15000`). */ zeroIsDefault?: boolean };
  /** `boolean`: a jitter switch; `fraction`: a randomisation factor (0 is none); `random-base`: the default base is random, a written one is not. */
  jitter: { kind: 'boolean'; name: string; default: boolean } | { kind: 'fraction'; name: string; default: number } | { kind: 'random-base' } | { kind: 'always' } | { kind: 'none' };
  /** An option holding a function that computes each delay; `attempt` is the index of its attempt parameter. */
  delayFn?: { name: string; attempt: number };
  /** A "shall I retry?" option; `negated`: it answers "done?" (wretch `until`). */
  condition?: { name: string; roles: Roles; negated?: boolean };
}

/**
 * Builds the site of a call described by `spec`. Every option is read through the shared option
 * state (written, defaulted, or unknown); unknown values make only the facts they decide unknown.
 */
export function scheduleSite(ctx: LibraryContext, call: Call | TSESTree.ObjectExpression, entry: Entry, spec: ScheduleSpec): RetrySite | undefined {
  const options: Options = entry.options === 'none' ? { kind: 'none' } : resolveOptions(ctx, entry.options);
  // A default left in force is reported on the first retry option the code writes (PRODUCT: "the
  // library option"), on the call only when it writes none; a wait the default leaves unjittered
  // goes on the call ("the library option or call").
  const callAt: Node = entry.at ?? (call.type === 'ObjectExpression' ? call : call.callee);
  const anchor: Node = (options.kind === 'object' ? firstWrittenOption(options.obj, retryOptionNames(spec)) : undefined) ?? callAt;
  const site = librarySite(spec.library, call, { node: anchor });
  if (options.kind === 'unknown') return spec.optIn ? undefined : unknownOptionsSite(site, anchor);
  if (spec.optIn && (options.kind === 'none' || !spec.optIn.some((n) => optionState(ctx, options, n).state === 'set'))) return undefined;
  if (spec.offSwitch) {
    const s = optionState(ctx, options, spec.offSwitch.name);
    if (s.state === 'set' && s.option.known?.value === spec.offSwitch.off) return undefined;
  }
  const state = (name: string | undefined): OptionState => (name ? optionState(ctx, options, name) : { state: 'absent' });

  // Attempts.
  let retries: number | undefined;
  if (spec.count) {
    const s = state(spec.count.name);
    let raw: number | undefined;
    let at: Node = propertyOf(s) ?? anchor;
    if (entry.count) {
      const v = readNumber(ctx, entry.count);
      raw = v;
      at = entry.count;
    } else raw = numberValue(s, spec.count.default);
    if (raw !== undefined && spec.count.zeroIsUnlimited && raw === 0) raw = Infinity;
    if (raw !== undefined && spec.count.zeroIsDefault && raw === 0) raw = spec.count.default;
    retries = raw === undefined ? undefined : spec.count.means === 'attempts' ? raw - 1 : raw;
    if (retries !== undefined && retries <= 0) return undefined;
    if (retries === undefined) site.bound = { kind: 'unknown', maxAttempts: undefined, node: at };
    else if (isEffectivelyUnbounded(retries)) {
      site.bound = { kind: 'unbounded', maxAttempts: undefined, node: at };
    } else site.bound = { kind: 'bounded', maxAttempts: retries + 1, node: at };
  }
  if (spec.forever) {
    retries = Infinity;
    site.bound = { kind: 'unbounded', maxAttempts: undefined, node: anchor, defaultSetting: spec.forever };
  }
  const worst = retries === undefined ? undefined : isEffectivelyUnbounded(retries) ? Infinity : retries;

  // Which failures.
  if (spec.condition) {
    const s = state(spec.condition.name);
    judgeCondition(ctx, site, s, { ...spec.condition.roles, negated: spec.condition.negated });
  }
  if (entry.everyHttpFailure) site.clientErrorRetries.push({ node: anchor, reason: 'condition' });
  if (entry.request) {
    const http = describeHttpCall(ctx.sourceCode, entry.request, ctx.settings);
    const judged = http ? judgeIdempotency(ctx.sourceCode, http, entry.request, ctx.settings) : undefined;
    if (judged) site.nonIdempotent.push(judged);
  }
  if (entry.retried) judgeRetriedFunction(ctx, site, entry.retried, { conditionNode: anchor, hasCondition: spec.condition ? state(spec.condition.name).state === 'set' : false });

  // Delays.
  const fnState = spec.delayFn ? state(spec.delayFn.name) : ({ state: 'absent' } as OptionState);
  const fnValue = fnState.state === 'set' ? resolveFunction(ctx, fnState.option.value) : undefined;
  if (fnState.state === 'set' && fnValue) {
    const d = spec.delayFn!.attempt < 0 ? opaqueDelay(fnState.option.property) : delayOfRamp(ctx, fnValue, spec.delayFn!.attempt, worst);
    site.waits.push({ node: fnState.option.property, argument: undefined, delay: { ...d, node: fnState.option.property } });
    return site;
  }
  // A delay-function option holding something else: a number when it is also the base option (`interval`), else unknown.
  const fnIsOther = fnState.state === 'unknown' || (fnState.state === 'set' && spec.delayFn!.name !== spec.base.name);
  const baseS = state(spec.base.name);
  const written = numberValue(baseS, spec.base.default);
  const base = written === 0 && spec.base.zeroIsDefault ? spec.base.default : written;
  const baseNode = propertyOf(baseS);
  if (fnIsOther || baseS.state === 'unknown' || base === undefined) {
    const delay = opaqueDelay(baseNode ?? anchor);
    // A library whose only randomness is its default base delay (reconnecting-websocket's `1000 +
    // Math.random() * 4000`): a base written without a random source (`opts.minDelay ?? 3000`, a
    // caller's number) is a fixed number, unknown but not random (require-jitter, PRODUCT).
    if (!fnIsOther && spec.jitter.kind === 'random-base' && baseS.state === 'set' && !drawsRandom(baseS.option.value, ctx)) delay.deterministic = true;
    // A library that waits its delay option every time, unchanged and unjittered (requestretry's
    // `retryDelay`): a value the code does not show is still the same wait on every attempt (PRODUCT).
    if (!fnIsOther && baseS.state === 'set' && spec.growth.kind === 'constant' && spec.jitter.kind === 'none' && !drawsRandom(baseS.option.value, ctx)) {
      Object.assign(delay, { opaque: false, growing: false, random: false, maxMs: Infinity, maxReason: 'opaque', invariant: true, expression: baseS.option.value });
    }
    // A library that multiplies its wait by a known factor, its jitter off (node-backoff's
    // `randomisationFactor: 0`): from a base the code does not show, the wait still grows with no
    // random part (require-jitter); how long it gets is not known.
    let jitterWritten: Node | undefined;
    if (!fnIsOther && baseS.state === 'set' && spec.growth.kind === 'factor' && !spec.growth.onlyWhenRandom && !drawsRandom(baseS.option.value, ctx) && jitterOf(ctx, spec, options, baseS) === false) {
      const factor = numberValue(state(spec.growth.name), spec.growth.default);
      if (factor !== undefined && factor > 1) {
        Object.assign(delay, { opaque: false, growing: true, random: false, maxMs: Infinity, maxReason: 'opaque' });
        jitterWritten = spec.jitter.kind === 'boolean' || spec.jitter.kind === 'fraction' ? propertyOf(state(spec.jitter.name)) : undefined;
      }
    }
    site.waits.push({ node: jitterWritten ?? baseNode ?? anchor, argument: undefined, delay });
    return site;
  }
  const baseMs = base * (spec.base.scale ?? 1);
  if (baseMs <= 0) {
    site.noWait = baseNode ?? anchor;
    return site;
  }
  const factorS = spec.growth.kind === 'factor' ? state(spec.growth.name) : undefined;
  let random = jitterOf(ctx, spec, options, baseS);
  let factor = spec.growth.kind === 'factor' ? numberValue(factorS!, spec.growth.default) : 1;
  if (spec.growth.kind === 'factor' && spec.growth.onlyWhenRandom && random !== true) factor = random === false ? 1 : undefined;
  const linear = spec.growth.kind === 'linear' || (spec.growth.kind === 'factor' && !!spec.growth.linearWhenNotRandom && random === false);
  const capS = spec.cap ? state(spec.cap.name) : undefined;
  let cap = spec.cap ? numberValue(capS!, spec.cap.default ?? Infinity) : Infinity;
  if (cap !== undefined && spec.cap?.zeroIsNone && cap === 0) cap = Infinity;
  if (cap !== undefined && spec.cap?.zeroIsDefault && cap === 0) cap = spec.cap.default ?? Infinity;
  if (spec.growth.kind === 'factor' && spec.growth.minRandomFactor && random === true && cap !== undefined && baseMs * spec.growth.minRandomFactor >= cap) {
    random = false;
    factor = 1;
  }
  const jitterNode = spec.jitter.kind === 'boolean' || spec.jitter.kind === 'fraction' ? propertyOf(state(spec.jitter.name)) : spec.jitter.kind === 'random-base' ? baseNode : undefined;
  const waitNode: Node = (random === false ? jitterNode : undefined) ?? (factor !== undefined && factor <= 1 && !linear ? propertyOf(factorS ?? { state: 'absent' }) : undefined) ?? baseNode ?? defaultsAt(options, call, callAt);
  if (factor === undefined || cap === undefined) {
    site.waits.push({ node: waitNode, argument: undefined, delay: opaqueDelay(anchor) });
    return site;
  }
  const capMs = Number.isFinite(cap) ? cap : undefined;
  let delay: DelayFacts;
  if (linear) {
    const top = worst === undefined ? Infinity : baseMs * Math.max(1, worst);
    delay = delayFacts(propertyOf(capS ?? { state: 'absent' }) ?? waitNode, {
      maxMs: capMs !== undefined ? Math.min(top, capMs) : top,
      // A first wait already at the cap never grows.
      growing: capMs === undefined || baseMs < capMs,
      capMs,
      maxReason: capMs !== undefined || Number.isFinite(top) ? 'known' : worst === undefined ? 'opaque' : 'growth',
      random: random === true,
    });
  } else {
    const maxExponent = spec.growth.kind === 'factor' ? spec.growth.maxExponent : undefined;
    const steps = maxExponent !== undefined && worst !== undefined ? Math.min(worst, maxExponent + 1) : worst;
    delay = scheduleDelay({ node: propertyOf(capS ?? { state: 'absent' }) ?? waitNode, baseMs, factor: factor > 1 ? factor : 1, capMs, retries: steps, random: random === true });
    if (worst === undefined && delay.maxReason === 'growth') delay.maxReason = 'opaque';
  }
  if (random === undefined) {
    delay.opaque = true;
    delay.growing = false;
  }
  site.waits.push({ node: waitNode, argument: undefined, delay });
  return site;
}

/** The names of the retry options a description reads (count, delays, cap, jitter, delay function, condition, opt-in). */
function retryOptionNames(spec: ScheduleSpec): string[] {
  const names = [spec.count?.name, spec.base.name, spec.growth.kind === 'factor' ? spec.growth.name : undefined, spec.cap?.name, 'name' in spec.jitter ? spec.jitter.name : undefined, spec.delayFn?.name, spec.condition?.name, ...(spec.optIn ?? [])];
  return names.filter((n): n is string => n !== undefined);
}

function jitterOf(ctx: LibraryContext, spec: ScheduleSpec, options: Options, baseS: OptionState): boolean | undefined {
  const j = spec.jitter;
  if (j.kind === 'none') return false;
  if (j.kind === 'always') return true;
  if (j.kind === 'random-base') return baseS.state === 'absent' ? true : baseS.state === 'set' ? false : undefined;
  const s = optionState(ctx, options, j.name);
  if (j.kind === 'boolean') return booleanValue(s, j.default);
  const f = numberValue(s, j.default);
  return f === undefined ? undefined : f > 0;
}

function readNumber(ctx: LibraryContext, node: Node): number | undefined {
  const v = staticValueOf(ctx, node)?.value;
  return typeof v === 'number' && !Number.isNaN(v) ? v : undefined;
}

/**
 * The delay of a delay function whose attempt is parameter `attempt` (`(n) => …`, or wretch's
 * `(delay, n) => …`): through the shared delay evaluator, the attempt running over `worst` retries.
 */
function delayOfRamp(ctx: LibraryContext, fn: Node, attempt: number, worst: number | undefined): DelayFacts {
  const f = resolveFunction(ctx, fn);
  if (!f) return opaqueDelay(fn);
  if (attempt === 0) return delayOfFunction(ctx.sourceCode, f, worst !== undefined && Number.isFinite(worst) ? worst : undefined);
  // The attempt is not the first parameter: evaluate a copy whose parameters are reordered.
  const params = [...f.params];
  const [a] = params.splice(attempt, 1);
  if (!a) return opaqueDelay(fn);
  const reordered = { ...f, params: [a, ...params] } as typeof f;
  return delayOfFunction(ctx.sourceCode, reordered, worst !== undefined && Number.isFinite(worst) ? worst : undefined);
}

/** An adapter reading one description. */
export function scheduleAdapter(spec: ScheduleSpec): LibraryAdapter {
  return {
    packages: spec.packages,
    docs: spec.docs,
    analyze(node, origin: Origin, ctx) {
      const entry = spec.entry(node, normalPath(origin), ctx, origin.module);
      if (!entry) return [];
      const site = scheduleSite(ctx, node, entry, spec);
      return site ? [site] : [];
    },
  };
}

/** The value of option `name` of a call's options argument, for specs whose retry options are nested (`{ retry: {…} }`). */
export function nestedOption(ctx: LibraryContext, arg: Node | undefined, name: string): Node | undefined {
  const obj = resolveObject(ctx, arg);
  const o = obj ? readOption(ctx, obj, name) : undefined;
  return o?.value;
}

/** The entry of a call whose retry options are nested under option `name` (`{ retry: {…} }`), reported at that property; undefined when the option is not written. */
export function nestedEntry(ctx: LibraryContext, arg: Node | undefined, name: string): Entry | undefined {
  const obj = resolveObject(ctx, arg);
  const o = obj ? readOption(ctx, obj, name) : undefined;
  return o?.value ? { options: o.value, at: o.property } : undefined;
}
