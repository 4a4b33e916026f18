import { T } from '../node-types';
import { normalPath } from '../scope';
import type { Node, RetrySite } from '../types';
import type { LibraryDocs } from './docs';
import { delayFacts } from './option-state';
import type { LibraryAdapter, LibraryContext } from './types';
import { librarySite, readOption, resolveObject, staticValueOf, type OptionsObject } from './util';
import { isEffectivelyUnbounded } from '../limits';

/**
 * subscriptions-transport-ws reconnection: `new SubscriptionClient(url, options)`, or the options
 * of `new WebSocketLink({ uri, options })` (`apollo-link-ws`, `@apollo/client/link/ws`), which makes
 * that client. subscriptions-transport-ws 0.11 (`src/client.ts`): `reconnect` is off by default;
 * turned on, every close schedules `connect()` after `backoff.duration()` (backo2 with
 * `jitter: 0.5`, 100 ms doubling up to 10 s) while `backoff.attempts < reconnectionAttempts`, whose
 * default is `Infinity`. So the waits are jittered and capped; the attempt count is what a user
 * must set.
 */

/** backo2's defaults as subscriptions-transport-ws makes it (`new Backoff({ jitter: 0.5 })`): 100 ms doubling, at most 10 s. */
const BACKOFF_MAX_MS = 10_000;

export const subscriptionsTransportDocs: LibraryDocs = {
  package: 'subscriptions-transport-ws',
  api: '`reconnect` and `reconnectionAttempts` in `new SubscriptionClient(url, options)`, or in the `options` of `new WebSocketLink({ uri, options })` (`apollo-link-ws`, `@apollo/client/link/ws`)',
  versionAssumed: 'subscriptions-transport-ws 0.11 (`src/client.ts`: `reconnect: false`, `reconnectionAttempts: Infinity`, backo2 `{ jitter: 0.5 }`)',
  defaults: ['`reconnect: false`', '`reconnectionAttempts: Infinity`', 'waits from backo2: 100 ms doubling up to 10 s, with jitter 0.5'],
  checks: [{ rule: 'no-unbounded-retry', when: '`reconnect: true` with `reconnectionAttempts` left at its default (`Infinity`) or set to 1,000 or more.' }],
  notModelled: ['The operations re-sent after a reconnect (subscriptions and any mutation sent over the socket) are not judged for idempotency.'],
};

export const subscriptionsTransportAdapter: LibraryAdapter = {
  packages: ['subscriptions-transport-ws', 'apollo-link-ws', '@apollo/client/link/ws'],
  docs: subscriptionsTransportDocs,
  analyze(node, origin, ctx) {
    if (node.type !== T.NewExpression) return [];
    const p = normalPath(origin);
    const name = p[p.length - 1];
    if (name === 'SubscriptionClient') {
      const obj = node.arguments[1] ? resolveObject(ctx, node.arguments[1]) : undefined;
      return obj ? reconnectSite(ctx, node, obj) : [];
    }
    if (name === 'WebSocketLink') {
      const params = node.arguments[0] ? resolveObject(ctx, node.arguments[0]) : undefined;
      const nested = params ? readOption(ctx, params, 'options') : undefined;
      const obj = nested ? resolveObject(ctx, nested.value) : undefined;
      return obj ? reconnectSite(ctx, node, obj) : [];
    }
    return [];
  },
};

/** The reconnect site of `reconnect: true` with no attempt limit (none when reconnection is off, unknown, or limited). */
function reconnectSite(ctx: LibraryContext, at: Node, obj: OptionsObject): RetrySite[] {
  const on = readOption(ctx, obj, 'reconnect');
  if (!on || staticValueOf(ctx, on.value)?.value !== true) return [];
  const limit = readOption(ctx, obj, 'reconnectionAttempts');
  if (limit) {
    const n = staticValueOf(ctx, limit.value)?.value;
    if (typeof n !== 'number' || !isEffectivelyUnbounded(n)) return [];
  } else if (obj.spread) return [];
  const anchor = limit?.property ?? on.property;
  const site = librarySite('subscriptions-transport-ws', at, { kind: 'unbounded', node: anchor });
  site.waits.push({ node: anchor, argument: undefined, delay: delayFacts(anchor, { maxMs: BACKOFF_MAX_MS, growing: true, random: true, capMs: BACKOFF_MAX_MS, maxReason: 'known' }) });
  return [site];
}
