import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { propertyName, unwrap } from '../ast';
import { normalPath } from '../scope';
import type { Node, RetrySite } from '../types';
import type { LibraryDocs } from './docs';
import { delayFacts } from './option-state';
import type { LibraryAdapter, LibraryContext } from './types';
import { librarySite, opaqueDelay, readOption, resolveObject, staticValueOf, type OptionsObject } from './util';

/**
 * STOMP over WebSocket reconnection: `new Client(config)` of `@stomp/stompjs` (also through the
 * package's default export, `StompJs.Client`), or an object typed `StompConfig` / `RxStompConfig`
 * (`@stomp/rx-stomp`, which hands it to the same client). `@stomp/stompjs` 7.x (`src/client.ts`)
 * reconnects after every close, `reconnectDelay` ms later (default 5000; `0` turns reconnection
 * off), with no attempt limit (the client has no such option) and no random component. With
 * `reconnectTimeMode: ReconnectionTimeMode.EXPONENTIAL` (7.1) the wait doubles after each try, up to
 * `maxReconnectDelay` (default 15 minutes; `0` removes the cap); otherwise (`LINEAR`, the default)
 * every wait is the same. Only a written `reconnectDelay` is judged (a client whose built-in
 * reconnection the code never touches is not reported).
 */

/** `@stomp/stompjs` 7.1 `maxReconnectDelay` default: 15 minutes, in ms. */
const DEFAULT_MAX_RECONNECT_DELAY_MS = 15 * 60 * 1000;

export const stompDocs: LibraryDocs = {
  package: '@stomp/stompjs',
  api: '`reconnectDelay` (with `reconnectTimeMode` and `maxReconnectDelay`) in `new Client(config)` (also `StompJs.Client` through the default export), or an object typed `StompConfig` or `RxStompConfig` (`@stomp/rx-stomp`)',
  versionAssumed: '@stomp/stompjs 7.1 (`src/client.ts`: `reconnectDelay: 5000`, `reconnectTimeMode: LINEAR`, `maxReconnectDelay: 15 * 60 * 1000`)',
  defaults: ['`reconnectDelay: 5000` ms, the same wait before every reconnect (`LINEAR`), no jitter; `0` turns reconnection off', 'no attempt limit (the client has no such option)', '`reconnectTimeMode: EXPONENTIAL` doubles the wait up to `maxReconnectDelay` (15 minutes by default, `0` for no cap)'],
  checks: [
    { rule: 'require-backoff', when: 'a written `reconnectDelay` above 0 with the default `LINEAR` mode: every reconnect waits the same delay.' },
    { rule: 'require-jitter', when: 'a written `reconnectDelay` above 0: the wait has no random component.' },
    { rule: 'require-max-delay', when: 'a written `reconnectDelay` in `EXPONENTIAL` mode whose cap (`maxReconnectDelay`, 15 minutes by default) is above `maxDelayMs`, or `maxReconnectDelay: 0`.' },
    { rule: 'no-unbounded-retry', when: 'a written `reconnectDelay` above 0: the client reconnects for ever.' },
  ],
  notModelled: ['Options that do not write `reconnectDelay`: the built-in reconnection, untouched, is not reported.', 'A `reconnectDelay` assigned to the client after it is made (`client.reconnectDelay = 1000`).', 'The legacy `Stomp.over(ws)` client (no reconnection of its own: a reconnect written by hand is judged as hand-written code).'],
};

export const stompAdapter: LibraryAdapter = {
  packages: ['@stomp/stompjs', '@stomp/rx-stomp'],
  docs: stompDocs,
  analyze(node, origin, ctx) {
    const p = normalPath(origin);
    if (node.type !== T.NewExpression || p[p.length - 1] !== 'Client') return [];
    const obj = node.arguments[0] ? resolveObject(ctx, node.arguments[0]) : undefined;
    return obj ? reconnectSite(ctx, node, obj) : [];
  },
  typed: {
    types: [['StompConfig'], ['RxStompConfig']],
    analyze(literal, ctx) {
      const obj = resolveObject(ctx, literal);
      return obj ? reconnectSite(ctx, literal, obj) : [];
    },
  },
};

/** Whether `reconnectTimeMode` is written as the exponential mode (`ReconnectionTimeMode.EXPONENTIAL`, or its enum value 1). */
function exponentialMode(ctx: LibraryContext, obj: OptionsObject): boolean | undefined {
  const o = readOption(ctx, obj, 'reconnectTimeMode');
  if (!o) return false;
  const v = unwrap(o.value);
  if (v.type === T.MemberExpression) return propertyName(v) === 'EXPONENTIAL';
  const s = staticValueOf(ctx, o.value)?.value;
  return s === undefined ? undefined : s === 1;
}

/** The reconnect site a written `reconnectDelay` makes (none when it is absent, 0, or the mode is unknown). */
function reconnectSite(ctx: LibraryContext, at: Node, obj: OptionsObject): RetrySite[] {
  const o = readOption(ctx, obj, 'reconnectDelay');
  if (!o) return [];
  const prop: TSESTree.Property = o.property;
  const v = staticValueOf(ctx, o.value)?.value;
  if (v === 0 || v === false) return [];
  const exponential = exponentialMode(ctx, obj);
  if (exponential === undefined) return [];
  const site = librarySite('@stomp/stompjs', at, { kind: 'unbounded', node: prop });
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
    if (exponential) return [];
    // Computed at run time: the same on every reconnect, its number unknown.
    site.waits.push({ node: prop.key, argument: undefined, delay: { ...opaqueDelay(prop), invariant: true, expression: o.value } });
    return [site];
  }
  if (!exponential) {
    site.waits.push({ node: prop, argument: undefined, delay: delayFacts(prop, { maxMs: v, growing: false, random: false, maxReason: 'known' }) });
    return [site];
  }
  const capOption = readOption(ctx, obj, 'maxReconnectDelay');
  const cap = capOption ? staticValueOf(ctx, capOption.value)?.value : DEFAULT_MAX_RECONNECT_DELAY_MS;
  if (capOption && typeof cap !== 'number') return [];
  const uncapped = cap === 0;
  site.waits.push({ node: prop, argument: undefined, delay: delayFacts(prop, { maxMs: uncapped ? Infinity : Math.max(v, cap as number), growing: true, random: false, capMs: uncapped ? undefined : (cap as number), maxReason: uncapped ? 'growth' : 'known' }) });
  return [site];
}
