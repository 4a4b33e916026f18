import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { delayOfFunction } from '../delay';
import { normalPath } from '../scope';
import type { Node, RetrySite } from '../types';
import type { LibraryDocs } from './docs';
import { delayFacts, resolveFunction } from './option-state';
import type { LibraryAdapter, LibraryContext } from './types';
import { firstWrittenOption, librarySite, numberOption, opaqueDelay, readOption, resolveObject, staticValueOf, type OptionsObject } from './util';

/**
 * NATS reconnection: `connect(options)` of `nats` (2.x) and of `@nats-io/transport-node` (3.x),
 * `wsconnect(options)` of `nats.ws` and `@nats-io/nats-core`, or an object typed
 * `ConnectionOptions` / `NodeConnectionOptions`. The client reconnects after a lost connection,
 * trying its servers in turn, up to `maxReconnectAttempts` times per server (default 10; `-1`, or
 * any negative number, tries for ever), and waits `reconnectTimeWait` ms (default 2000) plus a
 * random 0–`reconnectJitter` ms (default 100; `reconnectJitterTLS`, default 1000, on TLS) before it
 * tries a server again: the same wait every time, jittered. `reconnectDelayHandler()` replaces that
 * wait; `reconnect: false` turns reconnection off. Defaults from the client's `defaultOptions()`
 * (`nats-base-client/options.ts`, 2.x; `core/src/options.ts`, 3.x).
 */

/** The client's defaults (see the module comment). */
const DEFAULTS = { maxReconnectAttempts: 10, reconnectTimeWait: 2000, reconnectJitter: 100, reconnectJitterTLS: 1000 } as const;
/** The options that touch reconnection: only options that write one of them are judged. */
const RECONNECT_OPTIONS = ['reconnect', 'maxReconnectAttempts', 'reconnectTimeWait', 'reconnectJitter', 'reconnectJitterTLS', 'reconnectDelayHandler'] as const;

export const natsDocs: LibraryDocs = {
  package: 'nats',
  api: '`connect(options)` of `nats` and `@nats-io/transport-node`, `wsconnect(options)` of `nats.ws` and `@nats-io/nats-core`, or an object typed `ConnectionOptions` / `NodeConnectionOptions`',
  versionAssumed: 'nats 2.x (`nats-base-client/options.ts`) and @nats-io/transport-node 3.x (`core/src/options.ts`), the same reconnection',
  defaults: [
    '`maxReconnectAttempts: 10` per server; `-1` (any negative number) reconnects for ever',
    '`reconnectTimeWait: 2000` ms plus a random 0–`reconnectJitter` ms (100; `reconnectJitterTLS`, 1000, on TLS): the same jittered wait every time',
    '`reconnectDelayHandler()` replaces the wait; `reconnect: false` turns reconnection off',
  ],
  checks: [
    { rule: 'no-unbounded-retry', when: '`maxReconnectAttempts` negative (`-1`): the client reconnects for ever.' },
    { rule: 'require-backoff', when: 'reconnection options are written and the wait is `reconnectTimeWait` (the default 2000 ms or a written one): it never grows; a `reconnectDelayHandler` is judged by what it returns.' },
    { rule: 'require-jitter', when: '`reconnectJitter` (and, with `tls`, `reconnectJitterTLS`) written as 0, or a `reconnectDelayHandler` without randomness.' },
  ],
  notModelled: [
    'Options that write no reconnection option: the built-in reconnection, untouched, is not reported.',
    'The first connection is not retried unless `waitOnFirstConnect` is set; that option is not judged.',
  ],
};

export const natsAdapter: LibraryAdapter = {
  packages: ['nats', 'nats.ws', '@nats-io/transport-node', '@nats-io/nats-core', '@nats-io/transport-deno'],
  docs: natsDocs,
  analyze(node, origin, ctx) {
    const p = normalPath(origin);
    const name = p[p.length - 1];
    if (node.type !== T.CallExpression || (name !== 'connect' && name !== 'wsconnect')) return [];
    const obj = node.arguments[0] ? resolveObject(ctx, node.arguments[0]) : undefined;
    return obj ? natsReconnectSite(ctx, node, obj) : [];
  },
  typed: {
    types: [['ConnectionOptions'], ['NodeConnectionOptions']],
    analyze(literal, ctx) {
      const obj = resolveObject(ctx, literal);
      return obj ? natsReconnectSite(ctx, literal, obj) : [];
    },
  },
};

/** The reconnection site of written reconnection options (none when none is written, or `reconnect: false`). */
export function natsReconnectSite(ctx: LibraryContext, anchor: Node, obj: OptionsObject): RetrySite[] {
  const first: TSESTree.Property | undefined = firstWrittenOption(obj, RECONNECT_OPTIONS);
  if (!first) return [];
  const reconnect = readOption(ctx, obj, 'reconnect');
  if (reconnect && staticValueOf(ctx, reconnect.value)?.value === false) return [];
  const site = librarySite('nats', anchor, { kind: 'bounded', maxAttempts: DEFAULTS.maxReconnectAttempts + 1, node: first });
  const maxOpt = readOption(ctx, obj, 'maxReconnectAttempts');
  if (maxOpt) {
    const n = numberOption(maxOpt);
    if (n === undefined) site.bound = { kind: 'unknown', maxAttempts: undefined, node: maxOpt.property };
    else if (n < 0) site.bound = { kind: 'unbounded', maxAttempts: undefined, node: maxOpt.property };
    else if (n === 0) return [];
    else site.bound = { kind: 'bounded', maxAttempts: n + 1, node: maxOpt.property };
  } else if (obj.spread) site.bound = { kind: 'unknown', maxAttempts: undefined, node: first };

  const handler = readOption(ctx, obj, 'reconnectDelayHandler');
  const fn = handler ? resolveFunction(ctx, handler.value) : undefined;
  if (handler) {
    // The handler takes no attempt number: what it returns is evaluated as it stands.
    site.waits.push({ node: handler.property, argument: undefined, delay: fn ? { ...delayOfFunction(ctx.sourceCode, fn, undefined), node: handler.property } : opaqueDelay(handler.property) });
    return [site];
  }
  const waitOpt = readOption(ctx, obj, 'reconnectTimeWait');
  const at = waitOpt?.property ?? first;
  const base = waitOpt ? numberOption(waitOpt) : obj.spread ? undefined : DEFAULTS.reconnectTimeWait;
  const jitterOf = (name: 'reconnectJitter' | 'reconnectJitterTLS'): number | undefined => {
    const o = readOption(ctx, obj, name);
    return o ? numberOption(o) : obj.spread ? undefined : DEFAULTS[name];
  };
  const jitter = jitterOf('reconnectJitter');
  const tlsJitter = jitterOf('reconnectJitterTLS');
  const tls = !!readOption(ctx, obj, 'tls');
  if (base === undefined || jitter === undefined || (tls && tlsJitter === undefined)) {
    site.waits.push({ node: at, argument: undefined, delay: { ...opaqueDelay(at), invariant: true } });
    return [site];
  }
  const extra = tls ? Math.max(jitter, tlsJitter ?? 0) : jitter;
  site.waits.push({ node: at, argument: undefined, delay: delayFacts(at, { maxMs: base + extra, growing: false, random: extra > 0, maxReason: 'known' }) });
  return [site];
}
