import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { normalPath } from '../scope';
import type { Node, RetrySite } from '../types';
import type { LibraryDocs } from './docs';
import { delayFacts } from './option-state';
import type { LibraryAdapter, LibraryContext } from './types';
import { librarySite, opaqueDelay, readOption, resolveObject, staticValueOf, type OptionsObject } from './util';

/**
 * MQTT.js reconnection: `mqtt.connect(url, options)` / `connect(options)` / `connectAsync(…)`
 * and `new MqttClient(streamBuilder, options)`, or an object typed `IClientOptions`. MQTT.js
 * (`src/lib/client.ts`, 4.x and 5.x) reconnects after every close, `reconnectPeriod` ms later
 * (default 1000; `0` turns reconnection off), the same wait every time and with no attempt limit
 * (the client has no such option). Only a written `reconnectPeriod` is judged (a client whose
 * built-in reconnection the code never touches is not reported): a constant period with no
 * randomness and no limit.
 */

export const mqttDocs: LibraryDocs = {
  package: 'mqtt',
  api: '`reconnectPeriod` in `mqtt.connect(url, options)`, `connect(options)`, `connectAsync(…)`, `new MqttClient(…, options)`, or an object typed `IClientOptions`',
  versionAssumed: 'mqtt 5.x (`src/lib/client.ts`; the same reconnection in 4.x)',
  defaults: ['`reconnectPeriod: 1000` ms, the same wait before every reconnect, no jitter', 'no attempt limit (the client has no such option); `reconnectPeriod: 0` turns reconnection off'],
  checks: [
    { rule: 'require-backoff', when: 'a written `reconnectPeriod` above 0: every reconnect waits the same period.' },
    { rule: 'require-jitter', when: 'a written `reconnectPeriod` above 0: the period has no random component.' },
    { rule: 'no-unbounded-retry', when: 'a written `reconnectPeriod` above 0: the client reconnects for ever, at a constant cadence.' },
  ],
  notModelled: ['Options that do not write `reconnectPeriod`: the built-in reconnection, untouched, is not reported.', 'A reconnect scheduled by hand in a `close` handler is judged as hand-written code, not here.'],
};

export const mqttAdapter: LibraryAdapter = {
  packages: ['mqtt'],
  docs: mqttDocs,
  analyze(node, origin, ctx) {
    const p = normalPath(origin);
    const name = p[p.length - 1];
    const isConnect = node.type === T.CallExpression && (name === 'connect' || name === 'connectAsync');
    const isClient = node.type === T.NewExpression && name === 'MqttClient';
    if (!isConnect && !isClient) return [];
    for (const a of node.arguments) {
      const obj = resolveObject(ctx, a);
      if (obj) return periodSite(ctx, node, obj);
    }
    return [];
  },
  typed: {
    types: [['IClientOptions']],
    analyze(literal, ctx) {
      const obj = resolveObject(ctx, literal);
      return obj ? periodSite(ctx, literal, obj) : [];
    },
  },
};

/** The reconnect site a written `reconnectPeriod` makes (none when it is absent, 0, or unknown). */
export function periodSite(ctx: LibraryContext, call: Node, obj: OptionsObject): RetrySite[] {
  const o = readOption(ctx, obj, 'reconnectPeriod');
  if (!o) return [];
  const at: TSESTree.Property = o.property;
  const v = staticValueOf(ctx, o.value)?.value;
  if (v === 0 || v === false) return [];
  const site = librarySite('mqtt', call, { kind: 'unbounded', node: at });
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
    // Computed at run time: the same on every reconnect (PRODUCT), its number unknown.
    // Reported at the option's key: the value is named by the message, and no edit of it adds
    // jitter (the client reads the period once).
    site.waits.push({ node: at.key, argument: undefined, delay: { ...opaqueDelay(at), invariant: true, expression: o.value } });
    return [site];
  }
  site.waits.push({ node: at, argument: undefined, delay: delayFacts(at, { maxMs: v, growing: false, random: false, maxReason: 'known' }) });
  return [site];
}
