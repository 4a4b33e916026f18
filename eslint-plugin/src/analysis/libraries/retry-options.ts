import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import type { LibrarySuggestion, Node, RetrySite } from '../types';
import { unwrap } from '../ast';
import {
  booleanValue,
  numberValue,
  optionState,
  propertyOf,
  resolveOptions,
  setOption,
  suggest,
  unknownOptionsSite,
  valueNode,
  type Options,
} from './option-state';
import type { LibraryContext } from './types';
import { isEffectivelyUnbounded } from '../limits';
import { defaultsAt, firstWrittenOption, largestValue, librarySite, opaqueDelay, scheduleDelay, scheduleWithUnknownBase } from './util';

/**
 * The options of node-retry (`retry`), shared by p-retry, async-retry and promise-retry:
 * `retries`, `factor`, `minTimeout`, `maxTimeout`, `randomize`, `forever`, `maxRetryTime`.
 * Delay n (0-based) is `minTimeout * factor ** n`, times a random factor in [1, 2) when
 * `randomize`, capped at `maxTimeout`.
 */
export interface RetryOptionDefaults {
  library: string;
  retries: number;
  randomize: boolean;
  /** Whether `forever: true` is honoured (retry, async-retry, promise-retry, p-retry before 6). */
  forever: boolean;
}

/** The cap the suggestions propose, well under `require-max-delay`'s default of 60000 ms. */
export const SUGGESTED_CAP_MS = 30000;

/** The names of node-retry's options: an object that sets one of them configures retrying. */
export const RETRY_OPTION_NAMES = ['retries', 'factor', 'minTimeout', 'maxTimeout', 'randomize', 'forever', 'maxRetryTime'] as const;

/**
 * Builds the site of a call configured with node-retry options. `after` is the argument an
 * options object would follow. `call` may also be an options object recognised by its type
 * (K3: `const policy: Options = {…}`), which is then the site and the anchor.
 */
export function retryOptionsSite(
  ctx: LibraryContext,
  call: TSESTree.CallExpression | TSESTree.NewExpression | TSESTree.ObjectExpression,
  optionsArg: Node | null | undefined,
  after: Node | undefined,
  d: RetryOptionDefaults,
): { site: RetrySite; options: Options } {
  const options = resolveOptions(ctx, optionsArg);
  // A default left in force is reported on the first retry option the code writes (PRODUCT: "the
  // library option"), on the call (or the typed object) only when it writes none; a wait the
  // default leaves unjittered goes on the call ("the library option or call").
  const callAt: Node = call.type === T.ObjectExpression ? call : call.callee;
  const anchor: Node = (options.kind === 'object' ? firstWrittenOption(options.obj, RETRY_OPTION_NAMES) : undefined) ?? callAt;
  const site = librarySite(d.library, call, { node: anchor });
  if (options.kind === 'unknown') return { site: unknownOptionsSite(site, anchor), options };
  const retriesS = optionState(ctx, options, 'retries');
  const foreverS = optionState(ctx, options, 'forever');
  const maxRetryTimeS = optionState(ctx, options, 'maxRetryTime');
  const factorS = optionState(ctx, options, 'factor');
  const minS = optionState(ctx, options, 'minTimeout');
  const maxS = optionState(ctx, options, 'maxTimeout');
  const randomS = optionState(ctx, options, 'randomize');

  // Attempts.
  const retries = numberValue(retriesS, d.retries);
  const forever = d.forever ? booleanValue(foreverS, false) : false;
  const deadline = numberValue(maxRetryTimeS, Infinity);
  const hasDeadline = deadline !== undefined ? Number.isFinite(deadline) : true; // an unknown deadline may bound it
  if (forever === true && !hasDeadline) {
    site.bound = { kind: 'unbounded', maxAttempts: undefined, node: propertyOf(foreverS) ?? anchor };
    const prop = propertyOf(foreverS);
    if (prop) suggest(site, 'no-unbounded-retry', { description: `Retry at most ${d.retries} times`, range: prop.range, text: `retries: ${d.retries}` });
  } else if (isEffectivelyUnbounded(retries) && !hasDeadline) {
    site.bound = { kind: 'unbounded', maxAttempts: undefined, node: propertyOf(retriesS) ?? anchor };
    suggest(site, 'no-unbounded-retry', setOption(options, 'retries', String(d.retries), `Retry at most ${d.retries} times`, undefined));
  } else if (retries === undefined || forever === undefined) {
    site.bound = { kind: hasDeadline ? 'bounded' : 'unknown', maxAttempts: undefined, node: propertyOf(retriesS) ?? anchor };
  } else {
    site.bound = { kind: 'bounded', maxAttempts: isEffectivelyUnbounded(retries) ? undefined : retries + 1, node: propertyOf(retriesS) ?? anchor };
  }

  // `retries: 0` makes one attempt: no retry (the site is dropped, see `run.ts`).
  if (retries === 0 && forever !== true) {
    site.bound = { kind: 'bounded', maxAttempts: 1, node: propertyOf(retriesS) ?? anchor };
    return { site, options };
  }

  // Delays.
  const rawFactor = numberValue(factorS, 2);
  const factor = rawFactor === undefined ? undefined : rawFactor > 0 ? rawFactor : 1;
  const minTimeout = numberValue(minS, 1000);
  const maxTimeout = numberValue(maxS, Infinity);
  const randomize = booleanValue(randomS, d.randomize);
  if (minTimeout === 0 && (maxTimeout === undefined || maxTimeout >= 0)) {
    // Every wait is 0 ms (node-retry waits at least 1 ms: still no backoff).
    site.noWait = propertyOf(minS) ?? anchor;
    suggest(site, 'require-backoff', setOption(options, 'minTimeout', '1000', 'Wait at least 1000 ms before the first retry (`minTimeout: 1000`)', after));
    return { site, options };
  }
  if (maxTimeout === 0) {
    site.noWait = propertyOf(maxS) ?? anchor;
    return { site, options };
  }
  const waitNode: Node = (randomize === false ? propertyOf(randomS) : undefined) ?? (factor !== undefined && factor <= 1 ? propertyOf(factorS) : undefined) ?? defaultsAt(options, call, callAt);
  if (factor === undefined || minTimeout === undefined) {
    // An unknown `minTimeout` (a config value, a field): `randomize` and `factor` still decide jitter and growth.
    site.waits.push({ node: waitNode, argument: undefined, delay: scheduleWithUnknownBase(waitNode, { factor, random: randomize, baseExpr: valueNode(minS) }) });
    if (randomize === false && factor !== undefined && (maxTimeout === undefined || !Number.isFinite(maxTimeout))) suggest(site, 'require-jitter', setOption(options, 'randomize', 'true', 'Randomise each wait (`randomize: true`)', after));
    return { site, options };
  }
  // A count not known exactly may still have a known largest value (`Math.min(attempts, 5)`).
  const retriesAtMost = retries === undefined && retriesS.state === 'set' ? largestValue(ctx, retriesS.option.value) : undefined;
  const worstRetries = forever === true || isEffectivelyUnbounded(retries) ? Infinity : (retries ?? retriesAtMost);
  const delay = scheduleDelay({
    node: (maxTimeout !== undefined && Number.isFinite(maxTimeout) ? propertyOf(maxS) : undefined) ?? anchor,
    baseMs: minTimeout * (randomize === false ? 1 : 2),
    factor,
    capMs: maxTimeout !== undefined && Number.isFinite(maxTimeout) ? maxTimeout : undefined,
    retries: worstRetries,
    random: randomize === true,
  });
  // PRODUCT: growth with an unknown bound (a parameter without default, an environment variable)
  // and no cap reports. A count written in the options but unknown, with `maxTimeout` left at its
  // default (none), lets one wait grow past any limit; a count that may come from a spread, or an
  // unknown cap, leaves the worst case untold.
  const unknownWrittenCount = worstRetries === undefined && retriesS.state === 'set' && maxS.state === 'absent' && !hasDeadlineOption(maxRetryTimeS);
  if (unknownWrittenCount && delay.growing) {
    delay.maxReason = 'growth';
    delay.maxMs = Infinity;
  } else if (maxTimeout === undefined || worstRetries === undefined) {
    // An unknown cap or attempt count: the worst case cannot be told.
    if (delay.maxReason === 'growth' || maxTimeout === undefined) delay.maxReason = 'opaque';
    if (worstRetries === undefined && delay.maxReason === 'known' && delay.capMs === undefined) delay.maxReason = 'opaque';
  }
  if (randomize === undefined) {
    // Unknown randomisation: no jitter or backoff finding.
    delay.opaque = true;
    delay.growing = false;
  }
  site.waits.push({ node: waitNode, argument: undefined, delay });
  if (randomize === false) suggest(site, 'require-jitter', randomizeSuggestion(options, after, delay.growing, minTimeout, factor, maxTimeout));
  if (factor <= 1) suggest(site, 'require-backoff', setOption(options, 'factor', '2', 'Double the wait after each attempt (`factor: 2`)', after));
  suggest(site, 'require-max-delay', setOption(options, 'maxTimeout', String(SUGGESTED_CAP_MS), `Cap each wait at ${SUGGESTED_CAP_MS} ms (\`maxTimeout: ${SUGGESTED_CAP_MS}\`)`, after));
  return { site, options };
}

/**
 * The jitter edit (`randomize: true`). Randomising multiplies each wait by a factor in [1, 2), so
 * the first wait can reach twice `minTimeout`; when that already meets `maxTimeout`, every wait
 * would sit at the cap and the schedule would stop growing (trading the jitter finding for a
 * backoff one). Then `minTimeout` is halved with it, so each wait lies between half the wait it
 * replaces and that wait, and still grows. No edit when even that does not grow.
 */
function randomizeSuggestion(options: Options, after: Node | undefined, growing: boolean, minTimeout: number, factor: number, maxTimeout: number | undefined): LibrarySuggestion | undefined {
  const randomize = setOption(options, 'randomize', 'true', 'Randomise each wait (`randomize: true`)', after);
  const capped = (base: number): boolean => maxTimeout !== undefined && Number.isFinite(maxTimeout) && maxTimeout <= base;
  if (!randomize || !growing || factor <= 1 || !capped(minTimeout * 2)) return randomize;
  const half = Math.floor(minTimeout / 2);
  if (half <= 0 || capped(half * 2)) return undefined;
  const description = `Randomise each wait, at most the wait it replaces (\`randomize: true\`, \`minTimeout: ${half}\`)`;
  const both = setOption(options, 'minTimeout', String(half), description, after);
  if (!both) return undefined;
  // Both added after the last property (a cap is written, so the object has one): one insertion.
  if (both.range[0] === randomize.range[0] && both.range[1] === randomize.range[1]) return { description, range: both.range, text: `${randomize.text}${both.text}` };
  return { ...both, also: [{ range: randomize.range, text: randomize.text }] };
}

/**
 * The site of an options object typed with a node-retry family options type (K3), registered
 * elsewhere: judged like options passed to the library's call, with the library's defaults. An
 * object that sets none of the retry options is no retry configuration (nothing is returned).
 */
export function typedRetryOptionsSite(ctx: LibraryContext, literal: TSESTree.ObjectExpression, d: RetryOptionDefaults): RetrySite[] {
  const options = resolveOptions(ctx, literal);
  if (options.kind !== 'object' || !RETRY_OPTION_NAMES.some((n) => optionState(ctx, options, n).state === 'set')) return [];
  return [retryOptionsSite(ctx, literal, literal, undefined, d).site];
}

/** Whether a `maxRetryTime` is written or may be (a deadline that may end the growth early). */
function hasDeadlineOption(state: ReturnType<typeof optionState>): boolean {
  return state.state !== 'absent';
}

