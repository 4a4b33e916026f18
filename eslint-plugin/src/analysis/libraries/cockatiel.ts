import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { propertyName, unwrap } from '../ast';
import { callsThrough, judgeRetriedFunction } from './retried-operation';
import { isExport, normalPath } from '../scope';
import type { DelayFacts, Node, RetrySite } from '../types';
import { resolveExpression, withUnknownBound } from './inspect';
import type { LibraryDocs } from './docs';
import { insertProperty } from './option-state';
import { importedName } from './imports';
import type { LibraryAdapter, LibraryContext } from './types';
import { firstWrittenOption, librarySite, numberOption, opaqueDelay, readOption, resolveObject, scheduleDelay, staticValueOf } from './util';

/**
 * cockatiel 3.x: `retry(policy, { maxAttempts, backoff })` (`dist/Policy.js`). Defaults:
 * `maxAttempts` Infinity and `backoff` `new ConstantBackoff(0)`, i.e. retry at once, for ever.
 * `ExponentialBackoff` defaults: `initialDelay` 128 ms, `exponent` 2, `maxDelay` 30 s,
 * `generator` decorrelated jitter (random); `noJitterGenerator` is the one without randomness.
 */

const MODULE = 'cockatiel';
const EXP_DEFAULTS = { initialDelay: 128, exponent: 2, maxDelay: 30_000 };
const RANDOM_GENERATORS = new Set(['decorrelatedJitterGenerator', 'fullJitterGenerator', 'halfJitterGenerator']);

export const docs: LibraryDocs = {
  package: 'cockatiel',
  api: '`retry(policy, { maxAttempts, backoff })` with `ConstantBackoff`, `ExponentialBackoff`, `IterableBackoff`',
  versionAssumed: 'cockatiel 3.x',
  defaults: [
    '`maxAttempts: Infinity`',
    '`backoff`: `new ConstantBackoff(0)`, i.e. no wait at all',
    '`ExponentialBackoff`: `initialDelay: 128` ms, `exponent: 2`, `maxDelay: 30000` ms, decorrelated jitter (`noJitterGenerator` has none)',
  ],
  checks: [
    { rule: 'no-unbounded-retry', when: 'no `maxAttempts` (the default is Infinity) or `maxAttempts: Infinity`; suggests `maxAttempts: 3`.' },
    { rule: 'require-backoff', when: 'no `backoff` or `ConstantBackoff(0)` (no wait), a `ConstantBackoff`, a non-growing `IterableBackoff`.' },
    { rule: 'require-jitter', when: '`ConstantBackoff`, `IterableBackoff`, or `ExponentialBackoff` with `generator: noJitterGenerator`.' },
    { rule: 'require-max-delay', when: 'a constant, table or `maxDelay` above `maxDelayMs`, or `maxDelay: Infinity` with unbounded attempts.' },
    { rule: 'no-retry-on-client-error', when: 'a `handleAll` policy whose `execute(fn)` throws on any non-OK status, or calls a client that throws on 4xx (axios, got, ky…).' },
    { rule: 'require-idempotency-key', when: 'a POST/PATCH (or other non-idempotent request) made inside `execute(fn)` without a key created outside it.' },
  ],
  notModelled: [
    'The cockatiel 2.x builder (`Policy.handleAll().retry().attempts(n)`): superseded by the 3.x API since 2022.',
    '`DelegateBackoff` and custom generators: their delays are computed by user code, so they are unknowns.',
  ],
};

export const cockatielAdapter: LibraryAdapter = {
  packages: [MODULE],
  docs,
  analyze(node, origin, ctx) {
    if (node.type !== T.CallExpression) return [];
    const p = normalPath(origin);
    if (!(p.length === 1 && p[0] === 'retry')) return [];
    const optionsArg = node.arguments[1];
    const options = optionsArg ? resolveObject(ctx, optionsArg) : undefined;
    if (optionsArg && !options) return []; // options built at run time: unknown
    const spread = options?.spread ?? false;
    // A default left in force is reported on the first retry option the code writes, the call only when it writes none.
    const at: Node = firstWrittenOption(options, ['maxAttempts', 'backoff']) ?? node;
    const site = librarySite(MODULE, node, { node: at });

    const maxOpt = readOption(ctx, options, 'maxAttempts');
    const max = maxOpt ? numberOption(maxOpt) : spread ? undefined : Infinity;
    if (max !== undefined && max <= 0) return [];
    if (max === undefined) site.bound = { kind: 'unknown', maxAttempts: undefined, node: maxOpt?.property ?? at };
    else if (!Number.isFinite(max)) {
      site.bound = { kind: 'unbounded', maxAttempts: undefined, node: maxOpt?.property ?? at };
      if (maxOpt) {
        const v = unwrap(maxOpt.value);
        site.suggestions = { 'no-unbounded-retry': [{ description: 'Stop after 3 retries (`maxAttempts: 3`)', range: [v.range[0], v.range[1]], text: '3' }] };
      } else if (options && !spread) {
        site.suggestions = { 'no-unbounded-retry': [insertProperty(options.node, 'maxAttempts: 3', 'Stop after 3 retries (`maxAttempts: 3`)')] };
      }
    } else site.bound = { kind: 'bounded', maxAttempts: max + 1, node: maxOpt?.property ?? at };
    judgeExecuted(ctx, site, node);

    const backoffOpt = readOption(ctx, options, 'backoff');
    if (!backoffOpt) {
      if (spread) return [site];
      site.noWait = at;
      backoffSuggestion(ctx, site, node, undefined);
      return [site];
    }
    const delay = backoffDelay(ctx, backoffOpt.value, backoffOpt.property, max);
    if (delay === 'none') site.noWait = backoffOpt.property;
    else site.waits = [{ node: backoffOpt.property, argument: undefined, delay: max === undefined ? withUnknownBound(delay) : delay }];
    if (delay === 'none' || (!delay.growing && !delay.random && !delay.opaque)) backoffSuggestion(ctx, site, node, backoffOpt);
    return [site];
  },
};

/**
 * The operations the policy runs (`policy.execute(fn)` through the variable it is held in), judged
 * as a retried function (retried-operation.ts): requests without a stable key, 429/503 sent round,
 * and, under `handleAll` (every error retried, no condition), a non-OK status thrown as an error or
 * a client that throws on 4xx. A `handleWhen`/`handleType` policy decides which errors go round.
 */
function judgeExecuted(ctx: LibraryContext, site: RetrySite, policy: TSESTree.CallExpression): void {
  const handler = policy.arguments[0];
  const origin = handler ? ctx.originOf(handler) : undefined;
  const handlesAll = !!origin && origin.module === MODULE && normalPath(origin).join('.') === 'handleAll';
  for (const c of callsThrough(ctx, policy)) {
    const callee = unwrap(c.callee);
    if (callee.type !== T.MemberExpression || propertyName(callee) !== 'execute') continue;
    judgeRetriedFunction(ctx, site, c.arguments[0], { conditionNode: handler ?? policy, hasCondition: !handlesAll });
  }
}

/** The delay of a backoff value: `new ExponentialBackoff(…)`, `new ConstantBackoff(ms)`, `new IterableBackoff([…])`. */
function backoffDelay(ctx: LibraryContext, value: Node, at: Node, retries: number | undefined): DelayFacts | 'none' {
  const expr = resolveExpression(ctx, value);
  if (!expr || expr.type !== T.NewExpression) return opaqueDelay(at);
  const cls = ctx.originOf(expr.callee);
  const arg = expr.arguments[0];
  if (isExport(cls, MODULE, 'ConstantBackoff')) {
    const ms = arg ? staticNumber(ctx, arg) : undefined;
    if (ms === undefined) return opaqueDelay(at);
    if (ms <= 0) return 'none';
    return scheduleDelay({ node: at, baseMs: ms, factor: 1, capMs: undefined, retries, random: false });
  }
  if (isExport(cls, MODULE, 'IterableBackoff')) {
    const list = arg ? staticValueOf(ctx, arg)?.value : undefined;
    if (!Array.isArray(list) || list.length === 0 || !list.every((v): v is number => typeof v === 'number')) return opaqueDelay(at);
    const growing = list.some((v, i) => i > 0 && v > list[i - 1]!);
    const maxMs = Math.max(...list);
    if (maxMs <= 0) return 'none';
    return { node: at, random: false, growing, maxMs, maxReason: 'known', capMs: undefined, retryAfter: undefined, opaque: false };
  }
  if (isExport(cls, MODULE, 'ExponentialBackoff')) {
    const opts = arg ? resolveObject(ctx, arg) : undefined;
    if (arg && !opts) return opaqueDelay(at);
    const spread = opts?.spread ?? false;
    const read = (name: 'initialDelay' | 'exponent' | 'maxDelay'): number | undefined => {
      const o = readOption(ctx, opts, name);
      return o ? numberOption(o) : spread ? undefined : EXP_DEFAULTS[name];
    };
    const initial = read('initialDelay');
    const exponent = read('exponent');
    const maxDelay = read('maxDelay');
    const generator = readOption(ctx, opts, 'generator');
    let random = true;
    if (generator) {
      const g = ctx.originOf(generator.value);
      const name = g && g.module === MODULE ? normalPath(g)[0] : undefined;
      if (name === 'noJitterGenerator') random = false;
      else if (!name || !RANDOM_GENERATORS.has(name)) return opaqueDelay(at);
    } else if (spread) {
      return opaqueDelay(at);
    }
    if (initial === undefined || exponent === undefined || maxDelay === undefined) return opaqueDelay(at);
    const maxDelayOpt = readOption(ctx, opts, 'maxDelay');
    const delay = scheduleDelay({
      node: maxDelayOpt?.property ?? at,
      baseMs: initial,
      factor: exponent,
      capMs: Number.isFinite(maxDelay) ? maxDelay : undefined,
      retries,
      random,
    });
    return delay;
  }
  return opaqueDelay(at);
}

function staticNumber(ctx: LibraryContext, node: TSESTree.Node): number | undefined {
  const v = staticValueOf(ctx, node)?.value;
  return typeof v === 'number' && !Number.isNaN(v) ? v : undefined;
}


/**
 * The suggestion for a policy that waits the same time (or not at all) between attempts:
 * `new ExponentialBackoff(…)`, cockatiel's own growing backoff with decorrelated jitter and a cap
 * (`maxDelay`, 30 s by default), starting from the constant's delay when there was one. For
 * `require-backoff` and `require-jitter`; it changes timing only.
 */
function backoffSuggestion(ctx: LibraryContext, site: RetrySite, call: TSESTree.CallExpression, backoffOpt: { property: TSESTree.Property; value: Node } | undefined): void {
  const cls = importedName(ctx, [MODULE], 'ExponentialBackoff');
  if (!cls) return;
  const also = cls.edit ? [cls.edit] : [];
  let edit: { range: [number, number]; text: string } | undefined;
  if (backoffOpt) {
    // Only a backoff written in place: `backoff: new ConstantBackoff(ms)`.
    const v = unwrap(backoffOpt.value);
    if (backoffOpt.property.value !== backoffOpt.value || v.type !== T.NewExpression) return;
    const arg = v.arguments[0];
    const ms = arg ? staticNumber(ctx, arg) : undefined;
    const opts = ms !== undefined && ms > 0 ? `{ initialDelay: ${ctx.sourceCode.getText(arg!)}, maxDelay: ${Math.max(ms, Math.min(ms * 32, EXP_DEFAULTS.maxDelay))} }` : '';
    edit = { range: v.range, text: `new ${cls.text}(${opts})` };
  } else {
    const optionsArg = call.arguments[1];
    const literal = optionsArg ? unwrap(optionsArg) : undefined;
    if (literal && literal.type === T.ObjectExpression) {
      if (literal.properties.some((p) => p.type === T.SpreadElement)) return;
      const ins = insertProperty(literal, `backoff: new ${cls.text}()`, '');
      edit = { range: ins.range, text: ins.text };
    } else if (!optionsArg && call.arguments.length === 1) {
      const first = call.arguments[0]!;
      edit = { range: [first.range[1], first.range[1]], text: `, { backoff: new ${cls.text}() }` };
    }
  }
  if (!edit) return;
  const s = { description: `Wait with exponential backoff, decorrelated jitter and a cap (\`new ExponentialBackoff(${edit.text.endsWith('()') || edit.text.endsWith('() }') ? '' : '…'})\`)`, range: edit.range, text: edit.text, also };
  site.suggestions ??= {};
  for (const rule of ['require-backoff', 'require-jitter'] as const) site.suggestions[rule] = [...(site.suggestions[rule] ?? []), s];
}
