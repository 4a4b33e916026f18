import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { unwrap } from '../ast';
import { normalPath } from '../scope';
import type { Node, RetrySite } from '../types';
import type { LibraryDocs } from './docs';
import { returnedExpressions } from './inspect';
import { delayFacts, resolveFunction } from './option-state';
import type { LibraryAdapter, LibraryContext } from './types';
import { librarySite, opaqueDelay, readOption, resolveObject, staticValueOf, type OptionsObject } from './util';

/**
 * NestJS's TypeORM module retries the first database connection (`@nestjs/typeorm`,
 * `lib/common/typeorm.utils.ts` `handleRetry`): an rxjs `retryWhen` that rethrows once the
 * failure count reaches `retryAttempts` (default 9: that many attempts in all) and otherwise waits
 * `delay(retryDelay)` (default 3000 ms), the same wait every time, with no randomness; `toRetry`
 * may rethrow some errors at once. The options are `TypeOrmModule.forRoot(options)`, the object
 * a `forRootAsync({ useFactory })` factory returns, or an object typed `TypeOrmModuleOptions`.
 * Only options that write `retryAttempts` or `retryDelay` are judged (the built-in retry,
 * untouched, is not reported).
 */

const MODULE = '@nestjs/typeorm';
const DEFAULT_ATTEMPTS = 9;
const DEFAULT_DELAY_MS = 3000;

export const nestTypeormDocs: LibraryDocs = {
  package: MODULE,
  api: '`retryAttempts` and `retryDelay` in `TypeOrmModule.forRoot(options)`, in the object a `TypeOrmModule.forRootAsync({ useFactory })` factory returns, or in an object typed `TypeOrmModuleOptions`',
  versionAssumed: '@nestjs/typeorm 10.x / 11.x (`lib/common/typeorm.utils.ts`, `handleRetry`)',
  defaults: ['`retryAttempts: 9` attempts in all', '`retryDelay: 3000` ms, the same wait before every attempt, no jitter'],
  checks: [
    { rule: 'no-unbounded-retry', when: '`retryAttempts: Infinity` (or 1,000 or more).' },
    { rule: 'require-backoff', when: 'a written `retryAttempts` or `retryDelay`: the wait never grows (`retryDelay: 0`: no wait).' },
    { rule: 'require-jitter', when: 'a written `retryAttempts` or `retryDelay` with a wait above 0: the wait has no random component.' },
  ],
  notModelled: ['Options that write neither `retryAttempts` nor `retryDelay`: the built-in retry, untouched, is not reported.', '`useClass` / `useExisting` option factories (`createTypeOrmOptions()`).'],
};

export const nestTypeormAdapter: LibraryAdapter = {
  packages: [MODULE],
  docs: nestTypeormDocs,
  analyze(node, origin, ctx) {
    if (node.type !== T.CallExpression) return [];
    const p = normalPath(origin);
    if (p.length !== 2 || p[0] !== 'TypeOrmModule') return [];
    if (p[1] === 'forRoot') {
      const obj = resolveObject(ctx, node.arguments[0]);
      return obj ? connectionRetrySite(ctx, node, obj) : [];
    }
    if (p[1] !== 'forRootAsync') return [];
    const async = resolveObject(ctx, node.arguments[0]);
    const factory = async ? readOption(ctx, async, 'useFactory') : undefined;
    const fn = factory ? resolveFunction(ctx, factory.value) : undefined;
    if (!fn) return [];
    const out: RetrySite[] = [];
    for (const r of returnedExpressions(fn, ctx.sourceCode.visitorKeys)) {
      const obj = r ? resolveObject(ctx, r) : undefined;
      if (obj) out.push(...connectionRetrySite(ctx, node, obj));
    }
    return out;
  },
  typed: {
    types: [['TypeOrmModuleOptions']],
    analyze(literal, ctx) {
      const obj = resolveObject(ctx, literal);
      return obj ? connectionRetrySite(ctx, literal, obj) : [];
    },
  },
};

/** The connection retry that options writing `retryAttempts` or `retryDelay` configure (none when neither is written, or when no attempt is retried). */
function connectionRetrySite(ctx: LibraryContext, at: Node, obj: OptionsObject): RetrySite[] {
  const attemptsOpt = readOption(ctx, obj, 'retryAttempts');
  const delayOpt = readOption(ctx, obj, 'retryDelay');
  if (!attemptsOpt && !delayOpt) return [];
  const anchor: TSESTree.Property = (attemptsOpt ?? delayOpt)!.property;
  const attemptsValue = attemptsOpt ? staticValueOf(ctx, attemptsOpt.value)?.value : obj.spread ? undefined : DEFAULT_ATTEMPTS;
  const attempts = typeof attemptsValue === 'number' ? attemptsValue : undefined;
  // The failure that brings the count to `retryAttempts` is rethrown: at most one attempt, no retry.
  if (attempts !== undefined && attempts <= 1) return [];
  const site = librarySite(MODULE, at, { node: anchor });
  if (attempts === undefined) site.bound = { kind: 'unknown', maxAttempts: undefined, node: anchor };
  else if (!Number.isFinite(attempts) || attempts >= 1000) site.bound = { kind: 'unbounded', maxAttempts: undefined, node: anchor };
  else site.bound = { kind: 'bounded', maxAttempts: attempts, node: anchor };

  // The default wait is reported on the option that opted in; a written one on itself.
  const waitAt: TSESTree.Property = delayOpt?.property ?? anchor;
  const delayValue = delayOpt ? staticValueOf(ctx, delayOpt.value)?.value : obj.spread ? undefined : DEFAULT_DELAY_MS;
  if (typeof delayValue === 'number' && Number.isFinite(delayValue) && delayValue >= 0) {
    if (delayValue === 0) site.noWait = waitAt;
    else site.waits.push({ node: waitAt, argument: undefined, delay: delayFacts(waitAt, { maxMs: delayValue, growing: false, random: false, maxReason: 'known' }) });
  } else if (delayOpt) {
    // Computed when the module starts: the same wait before every attempt (PRODUCT), its number
    // unknown; named by its expression.
    site.waits.push({ node: waitAt.key, argument: undefined, delay: { ...opaqueDelay(waitAt), invariant: true, expression: unwrap(delayOpt.value) } });
  } else {
    site.waits.push({ node: waitAt, argument: undefined, delay: opaqueDelay(waitAt) });
  }
  return [site];
}
