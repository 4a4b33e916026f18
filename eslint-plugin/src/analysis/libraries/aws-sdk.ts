import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { unwrap } from '../ast';
import { delayOfFunction } from '../delay';
import { normalPath } from '../scope';
import type { LibrarySuggestion, Node, RetrySite } from '../types';
import { replaceSuggestion, resolveExpression, returnedExpressions } from './inspect';
import type { LibraryDocs } from './docs';
import { resolveFunction } from './option-state';
import type { LibraryAdapter, LibraryContext } from './types';
import { librarySite, numberOption, opaqueDelay, readOption, resolveObject, scheduleDelay, staticValueOf } from './util';

/**
 * AWS SDK for JavaScript v3 clients (`new S3Client({ maxAttempts, retryMode, retryStrategy })`,
 * any `@aws-sdk/client-*` package) and the `@smithy/util-retry` strategies.
 *
 * Defaults (`@smithy/util-retry` 4.x, re-exported from `@smithy/core/retry`): `maxAttempts` 3,
 * `retryMode` standard; standard and adaptive modes wait `random() × min(base × 2^n, 20 s)`
 * (full jitter, base 100 ms; 50 ms in the 2026 retry config, 500 ms / 1 s for throttling errors)
 * and honour retry hints. `ConfiguredRetryStrategy(maxAttempts, delay)` has no jitter: a number is
 * a constant delay, and its default is a constant (100 ms; 50 ms in the 2026 config).
 * A client whose retry options are untouched is not reported.
 */

const STRATEGY_MODULES = ['@smithy/util-retry', '@aws-sdk/util-retry', '@smithy/middleware-retry', '@aws-sdk/middleware-retry', '@smithy/core/retry'];
const STRATEGIES = new Set(['StandardRetryStrategy', 'AdaptiveRetryStrategy', 'ConfiguredRetryStrategy']);
const DEFAULT_MAX_ATTEMPTS = 3;
const STANDARD_DELAY = { baseMs: 100, factor: 2, capMs: 20_000, random: true };
const CONFIGURED_DEFAULT_MS = 100;

export const docs: LibraryDocs = {
  package: '@aws-sdk/client-*',
  api: '`new XxxClient({ maxAttempts, retryMode, retryStrategy })` from any AWS SDK v3 client; `new StandardRetryStrategy`, `AdaptiveRetryStrategy`, `ConfiguredRetryStrategy` from `@smithy/util-retry` (also `@aws-sdk/util-retry`, `@smithy/middleware-retry`)',
  versionAssumed: 'AWS SDK v3 with @smithy/util-retry 2.x to 4.x',
  defaults: [
    '`maxAttempts: 3`, `retryMode: \'standard\'`',
    'standard and adaptive: full jitter, `100 * 2 ** n` ms capped at 20 s (the 2026 retry config uses a 50 ms base; throttling errors 500 ms / 1 s)',
    'retry hints (Retry-After) honoured',
    '`ConfiguredRetryStrategy(maxAttempts, delay)`: a number is a constant delay; the default is a constant 100 ms (50 ms in the 2026 config), no jitter',
  ],
  checks: [
    { rule: 'no-unbounded-retry', when: '`maxAttempts: Infinity` on a client or a strategy; suggests 5.' },
    { rule: 'require-backoff', when: '`new ConfiguredRetryStrategy(n)` or `(n, ms)`: a constant delay; suggests exponential backoff with full jitter.' },
    { rule: 'require-jitter', when: '`new ConfiguredRetryStrategy(n)` or `(n, ms)`; a delay function without randomness.' },
    { rule: 'require-max-delay', when: 'a `ConfiguredRetryStrategy` delay function whose growth is not capped.' },
  ],
  notModelled: ['A client whose retry options are untouched: its built-in retry (standard mode) is not reported.', 'Custom `retryStrategy` objects: unknowns.'],
};

/**
 * The adapter's package list: the strategy modules by name, and every `@aws-sdk/client-*`
 * module (there are hundreds of clients, so membership is checked by prefix).
 */
const packages: readonly string[] = Object.assign([...STRATEGY_MODULES, '@aws-sdk/client-*'], {
  includes: (module: string): boolean => STRATEGY_MODULES.includes(module) || module.startsWith('@aws-sdk/client-'),
});

export const awsSdkAdapter: LibraryAdapter = {
  packages,
  docs,
  analyze(node, origin, ctx) {
    if (node.type !== T.NewExpression) return [];
    const p = normalPath(origin);
    if (p.length !== 1) return [];
    if (STRATEGY_MODULES.includes(origin.module)) return STRATEGIES.has(p[0]!) ? strategySite(ctx, node, p[0]!) : [];
    if (origin.module.startsWith('@aws-sdk/client-')) return clientSite(ctx, node);
    return [];
  },
};

function clientSite(ctx: LibraryContext, node: TSESTree.NewExpression): RetrySite[] {
  const config = resolveObject(ctx, node.arguments[0]);
  if (!config) return [];
  const strategy = readOption(ctx, config, 'retryStrategy');
  if (strategy) return []; // a strategy object: judged where it is constructed, or unknown
  const maxOpt = readOption(ctx, config, 'maxAttempts');
  const modeOpt = readOption(ctx, config, 'retryMode');
  if (!maxOpt && !modeOpt) return []; // the built-in retry, untouched
  const site = librarySite('@aws-sdk', node);
  site.honoursRetryAfter = true;
  const max = maxOpt ? numberOption(maxOpt) : config.spread ? undefined : DEFAULT_MAX_ATTEMPTS;
  if (max !== undefined && max <= 1) return [];
  const at = maxOpt?.property ?? modeOpt?.property ?? node;
  setBound(site, max, at, maxOpt ? unwrap(maxOpt.value) : undefined);
  const mode = modeOpt?.known?.value;
  if (modeOpt && mode !== 'standard' && mode !== 'adaptive') {
    site.waits = [{ node: at, argument: undefined, delay: opaqueDelay(at) }];
  } else {
    site.waits = [{ node: at, argument: undefined, delay: scheduleDelay({ node: at, ...STANDARD_DELAY, retries: max === undefined ? undefined : max - 1 }) }];
  }
  return [site];
}

function strategySite(ctx: LibraryContext, node: TSESTree.NewExpression, name: string): RetrySite[] {
  const site = librarySite('@smithy/util-retry', node);
  site.honoursRetryAfter = true;
  const first = node.arguments[0];
  const max = first ? maxAttemptsOf(ctx, first) : DEFAULT_MAX_ATTEMPTS;
  if (max !== undefined && max <= 1) return [];
  setBound(site, max, first ?? node, first ? unwrap(first) : undefined);
  const retries = max === undefined ? undefined : max - 1;
  if (name !== 'ConfiguredRetryStrategy') {
    const second = node.arguments[1] ? resolveObject(ctx, node.arguments[1]) : undefined;
    if (node.arguments[1] && (!second || second.spread || readOption(ctx, second, 'delayDecider'))) {
      site.waits = [{ node, argument: undefined, delay: opaqueDelay(node) }];
    } else {
      site.waits = [{ node, argument: undefined, delay: scheduleDelay({ node, ...STANDARD_DELAY, retries }) }];
    }
    return [site];
  }
  const delayArg = node.arguments[1];
  const at: Node = delayArg ?? node;
  const suggestions: Partial<Record<string, LibrarySuggestion[]>> = {};
  const ms = delayArg ? numberAt(ctx, delayArg) : CONFIGURED_DEFAULT_MS;
  const fn = ms === undefined && delayArg ? resolveFunction(ctx, delayArg) : undefined;
  if (ms !== undefined) {
    if (ms <= 0) {
      site.noWait = at;
      return [site];
    }
    site.waits = [{ node: at, argument: undefined, delay: scheduleDelay({ node: at, baseMs: ms, factor: 1, capMs: undefined, retries, random: false }) }];
    const text = `(attempt) => Math.random() * Math.min(${ms} * 2 ** attempt, 20_000)`;
    const description = 'Use exponential backoff with full jitter, capped at 20 s';
    let fix: LibrarySuggestion | undefined;
    if (delayArg) fix = replaceSuggestion(unwrap(delayArg), text, description);
    else if (first) fix = { description, range: [first.range[1], first.range[1]], text: `, ${text}` };
    if (fix) {
      suggestions['require-jitter'] = [fix];
      suggestions['require-backoff'] = [fix];
      site.suggestions = suggestions;
    }
  } else if (fn) {
    site.waits = [{ node: at, argument: undefined, delay: delayOfFunction(ctx.sourceCode, fn, max !== undefined && Number.isFinite(max) ? max : undefined) }];
  } else {
    site.waits = [{ node: at, argument: undefined, delay: opaqueDelay(at) }];
  }
  return [site];
}

function setBound(site: RetrySite, max: number | undefined, at: Node, valueNode: Node | undefined): void {
  if (max === undefined) site.bound = { kind: 'unknown', maxAttempts: undefined, node: at };
  else if (!Number.isFinite(max)) {
    site.bound = { kind: 'unbounded', maxAttempts: undefined, node: at };
    if (valueNode && (valueNode.type === T.Identifier || valueNode.type === T.Literal)) {
      site.suggestions = { ...site.suggestions, 'no-unbounded-retry': [replaceSuggestion(valueNode, '5', 'Stop after 5 attempts (`maxAttempts: 5`)')] };
    }
  } else site.bound = { kind: 'bounded', maxAttempts: max, node: at };
}

/** `3`, `async () => 3`, `{ maxAttempts: 3 }` (StandardRetryStrategy's options form). */
function maxAttemptsOf(ctx: LibraryContext, node: Node): number | undefined {
  const n = numberAt(ctx, node);
  if (n !== undefined) return n;
  const fn = resolveFunction(ctx, node);
  if (fn) {
    const r = returnedExpressions(fn, ctx.sourceCode.visitorKeys);
    return r.length === 1 && r[0] ? numberAt(ctx, r[0]) : undefined;
  }
  const expr = resolveExpression(ctx, node);
  if (expr && expr.type === T.ObjectExpression) {
    const o = resolveObject(ctx, expr);
    const m = readOption(ctx, o, 'maxAttempts');
    return m ? numberOption(m) : o && !o.spread ? DEFAULT_MAX_ATTEMPTS : undefined;
  }
  return undefined;
}

function numberAt(ctx: LibraryContext, node: Node): number | undefined {
  const v = staticValueOf(ctx, node)?.value;
  return typeof v === 'number' && !Number.isNaN(v) ? v : undefined;
}
