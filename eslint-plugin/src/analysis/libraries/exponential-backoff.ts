import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { normalPath } from '../scope';
import type { Node, RetrySite } from '../types';
import type { LibraryDocs } from './docs';
import {
  acceptsEverything,
  judgeCondition,
  booleanValue,
  numberValue,
  optionState,
  propertyOf,
  resolveOptions,
  setOption,
  suggest,
  unknownOptionsSite,
  valueNode,
  valueOf,
} from './option-state';
import { judgeRetriedFunction } from './retried-operation';
import { SUGGESTED_CAP_MS } from './retry-options';
import { acceptsAll } from './status-set';
import type { LibraryAdapter, LibraryContext } from './types';
import { defaultsAt, firstWrittenOption, librarySite, opaqueDelay, scheduleDelay, scheduleWithUnknownBase } from './util';

/** exponential-backoff's options: an object that writes one of them configures retrying. */
const BACKOFF_OPTIONS = ['numOfAttempts', 'startingDelay', 'timeMultiple', 'maxDelay', 'jitter', 'delayFirstAttempt', 'retry'];

export const docs: LibraryDocs = {
  package: 'exponential-backoff',
  api: '`backOff(fn, options)`',
  versionAssumed: 'exponential-backoff 3.1.x',
  defaults: [
    '`numOfAttempts: 10`',
    'exponential: `startingDelay: 100` ms, `timeMultiple: 2`, `maxDelay: Infinity`, no wait before the first attempt (`delayFirstAttempt: false`)',
    '`jitter: \'none\'`',
    'Retry-After: not read',
    '`retry: () => true`: every error is retried',
  ],
  checks: [
    { rule: 'require-jitter', when: '`jitter` is `\'none\'` or left at its default; suggests `jitter: \'full\'`.' },
    { rule: 'require-backoff', when: '`timeMultiple: 1` (a constant wait) or `startingDelay: 0`.' },
    { rule: 'require-max-delay', when: 'the largest wait (`startingDelay * timeMultiple ** (numOfAttempts - 2)`, capped by `maxDelay`) exceeds `maxDelayMs`, or grows without a cap with unbounded attempts; suggests `maxDelay`.' },
    { rule: 'no-unbounded-retry', when: '`numOfAttempts: Infinity`.' },
    { rule: 'require-idempotency-key', when: 'the retried function sends a POST or PATCH without an idempotency key, or creates the key inside the function.' },
    { rule: 'no-retry-on-client-error', when: 'the retried function calls an HTTP client that throws on 4xx without classifying the error, and the `retry` option is absent or `() => true`.' },
  ],
};

/** exponential-backoff: `backOff(request, options)`. */
export const exponentialBackoffAdapter: LibraryAdapter = {
  packages: ['exponential-backoff'],
  docs,
  analyze(node, origin, ctx) {
    if (node.type !== T.CallExpression) return [];
    const path = normalPath(origin);
    if (path.length !== 1 || path[0] !== 'backOff') return [];
    return [analyzeBackOff(ctx, node)];
  },
  // K3: `const policy: BackoffOptions = {…}` registered elsewhere.
  typed: {
    types: [['BackoffOptions'], ['IBackOffOptions']],
    analyze(literal, ctx) {
      const options = resolveOptions(ctx, literal);
      if (options.kind !== 'object' || !BACKOFF_OPTIONS.slice(0, 6).some((n) => optionState(ctx, options, n).state === 'set')) return [];
      return [analyzeBackOff(ctx, literal)];
    },
  },
};

function analyzeBackOff(ctx: LibraryContext, call: TSESTree.CallExpression | TSESTree.ObjectExpression): RetrySite {
  // A typed options object (K3) is its own site and anchor, with no retried function.
  const [fn, optionsArg] = call.type === T.ObjectExpression ? [undefined, call] : call.arguments;
  const options = resolveOptions(ctx, optionsArg);
  // A default left in force is reported on the first retry option the code writes (PRODUCT: "the
  // library option"), on the call only when it writes none; a wait the default leaves unjittered
  // goes on the call ("the library option or call").
  const callAt: Node = call.type === T.ObjectExpression ? call : call.callee;
  const anchor: Node = (options.kind === 'object' ? firstWrittenOption(options.obj, BACKOFF_OPTIONS) : undefined) ?? callAt;
  const site = librarySite('exponential-backoff', call, { node: anchor });
  if (options.kind === 'unknown') return unknownOptionsSite(site, anchor);
  const attemptsS = optionState(ctx, options, 'numOfAttempts');
  const startS = optionState(ctx, options, 'startingDelay');
  const multipleS = optionState(ctx, options, 'timeMultiple');
  const maxS = optionState(ctx, options, 'maxDelay');
  const jitterS = optionState(ctx, options, 'jitter');
  const firstS = optionState(ctx, options, 'delayFirstAttempt');
  const retryS = optionState(ctx, options, 'retry');

  const rawAttempts = numberValue(attemptsS, 10);
  const attempts = rawAttempts === undefined ? undefined : Math.max(1, rawAttempts);
  if (attempts === Infinity) {
    site.bound = { kind: 'unbounded', maxAttempts: undefined, node: propertyOf(attemptsS) ?? anchor };
    suggest(site, 'no-unbounded-retry', setOption(options, 'numOfAttempts', '10', 'Make at most 10 attempts (`numOfAttempts: 10`)', undefined));
  } else {
    site.bound = { kind: 'bounded', maxAttempts: attempts, node: propertyOf(attemptsS) ?? anchor };
  }

  const start = numberValue(startS, 100);
  const multiple = numberValue(multipleS, 2);
  const maxDelay = numberValue(maxS, Infinity);
  const jitter = valueOf(jitterS, 'none');
  const delayFirst = booleanValue(firstS, false);
  const random = jitter.known ? jitter.value === 'full' : undefined;
  if (start === 0 || maxDelay === 0) {
    site.noWait = propertyOf(start === 0 ? startS : maxS) ?? anchor;
    suggest(site, 'require-backoff', setOption(options, 'startingDelay', '100', 'Wait 100 ms before the first retry, doubling each time (`startingDelay: 100`)', fn));
  } else {
    const waitNode: Node =
      (random === false ? propertyOf(jitterS) : undefined) ?? (multiple !== undefined && multiple <= 1 ? propertyOf(multipleS) : undefined) ?? defaultsAt(options, call, callAt);
    if (start === undefined || multiple === undefined) {
      // An unknown `startingDelay` (a config value, a field): the jitter and growth options still decide.
      site.waits.push({ node: waitNode, argument: undefined, delay: scheduleWithUnknownBase(waitNode, { factor: multiple, random, baseExpr: valueNode(startS) }) });
      if (random === false && multiple !== undefined) suggest(site, 'require-jitter', setOption(options, 'jitter', "'full'", "Use full jitter (`jitter: 'full'`)", fn));
    } else {
      const waits = attempts === undefined || delayFirst === undefined ? undefined : delayFirst ? attempts : attempts - 1;
      const delay = scheduleDelay({
        node: (maxDelay !== undefined && Number.isFinite(maxDelay) ? propertyOf(maxS) : undefined) ?? anchor,
        baseMs: start,
        factor: multiple,
        capMs: maxDelay !== undefined && Number.isFinite(maxDelay) ? maxDelay : undefined,
        retries: waits,
        random: random === true,
      });
      if (maxDelay === undefined || (waits === undefined && attempts !== Infinity && delay.capMs === undefined)) delay.maxReason = 'opaque';
      if (random === undefined) {
        delay.opaque = true;
        delay.growing = false;
      }
      site.waits.push({ node: waitNode, argument: undefined, delay });
      if (random === false) suggest(site, 'require-jitter', setOption(options, 'jitter', "'full'", "Use full jitter (`jitter: 'full'`)", fn));
      if (multiple <= 1) suggest(site, 'require-backoff', setOption(options, 'timeMultiple', '2', 'Double the wait after each attempt (`timeMultiple: 2`)', fn));
      suggest(site, 'require-max-delay', setOption(options, 'maxDelay', String(SUGGESTED_CAP_MS), `Cap each wait at ${SUGGESTED_CAP_MS} ms (\`maxDelay: ${SUGGESTED_CAP_MS}\`)`, fn));
    }
  }

  // `retry: () => true` is the default written out: like no condition, it classifies nothing.
  // `retry(e, attemptNumber)`: the second parameter is the attempt count (exponential-backoff's API).
  const set = judgeCondition(ctx, site, retryS, { positional: ['error', 'count'] });
  const accepting = acceptsEverything(ctx, retryS) || (set !== undefined && acceptsAll(set));
  judgeRetriedFunction(ctx, site, fn, { conditionNode: propertyOf(retryS) ?? anchor, hasCondition: retryS.state !== 'absent' && !accepting });
  return site;
}
