import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { propertyName, walk } from '../ast';
import { normalPath, originOf } from '../scope';
import type { RetrySite } from '../types';
import type { LibraryDocs } from './docs';
import { kafkaSpec, nestMicroservicesSpec } from './described';
import { periodSite } from './mqtt';
import { natsReconnectSite } from './nats';
import { nestedEntry, scheduleSite } from './schedules';
import type { LibraryAdapter, LibraryContext } from './types';
import { readOption, resolveObject, type OptionsObject } from './util';

/**
 * NestJS microservice transports (`@nestjs/microservices` 10): an object `{ transport:
 * Transport.X, options }` describes a client or a server, however it is registered
 * (`ClientsModule.register([…])`, `registerAsync` factories, `ClientProxyFactory.create`,
 * `NestFactory.createMicroservice`, `app.connectMicroservice`) or typed (`ClientProviderOptions`,
 * `MicroserviceOptions`, `NatsOptions`, `KafkaOptions`). Its `options` go to the transport's own
 * client, unchanged for the retry options: NATS → the `nats` client's `connect(options)`
 * (`client/client-nats.ts`); MQTT → `mqtt.connect(url, options)` (`client/client-mqtt.ts`); Kafka →
 * `new Kafka(options.client)`, `kafka.consumer(options.consumer)`, `kafka.producer(options.producer)`
 * (`client/client-kafka.ts`). Those options are judged as that client's (its adapter's facts and
 * defaults). Nest's own `retryAttempts` / `retryDelay` (TCP and Redis) are judged here only when no
 * `createMicroservice` / `ClientProxyFactory.create` call already judged the object.
 */
export const nestTransportDocs: LibraryDocs = {
  package: '@nestjs/microservices (transports)',
  api: 'an object `{ transport: Transport.NATS | Transport.MQTT | Transport.KAFKA | Transport.TCP | Transport.REDIS, options }`, however it is registered (`ClientsModule.register`, `registerAsync`, `connectMicroservice`, a typed `ClientProviderOptions` / `MicroserviceOptions` constant)',
  versionAssumed: '@nestjs/microservices 10.x (`client/client-nats.ts`, `client/client-mqtt.ts`, `client/client-kafka.ts`, `server/server-tcp.ts`)',
  defaults: [
    'NATS, MQTT, Kafka: the `options` are handed to the transport\'s client; that client\'s defaults apply (see `nats`, `mqtt`, `kafkajs`)',
    'TCP and Redis: Nest\'s own `retryAttempts` (0) and `retryDelay` (0 ms), the same wait every time',
  ],
  checks: [
    { rule: 'no-unbounded-retry', when: 'the transport client\'s reconnect limit is none (NATS `maxReconnectAttempts: -1`, an MQTT `reconnectPeriod`, Kafka `retries: Infinity`), or `retryAttempts` of 1,000 or more.' },
    { rule: 'require-backoff', when: 'the client\'s reconnect wait never grows (NATS `reconnectTimeWait`, MQTT `reconnectPeriod`, Kafka `multiplier` 1 or less, Nest `retryDelay`).' },
    { rule: 'require-jitter', when: 'the client\'s wait has no random spread (NATS `reconnectJitter: 0`, MQTT, Kafka `factor: 0`, Nest `retryDelay`).' },
    { rule: 'require-max-delay', when: 'Kafka `maxRetryTime` above `maxDelayMs`.' },
  ],
  notModelled: ['The RabbitMQ, gRPC and Redis clients\' own reconnection options.', 'Options built by a factory whose result is not a same-file object literal.'],
};

export const nestTransportAdapter: LibraryAdapter = {
  packages: ['@nestjs/microservices'],
  docs: nestTransportDocs,
  analyze: () => [],
  unregistered(ctx) {
    const out: RetrySite[] = [];
    walk(ctx.sourceCode.ast, ctx.sourceCode.visitorKeys, (n) => {
      if (n.type !== T.ObjectExpression) return undefined;
      const transport = transportOf(ctx, n);
      if (transport) out.push(...transportSites(ctx, n, transport));
      return undefined;
    });
    return out;
  },
};

/** The transport an object literal names (`transport: Transport.NATS` with `Transport` from `@nestjs/microservices`). */
function transportOf(ctx: LibraryContext, obj: TSESTree.ObjectExpression): string | undefined {
  for (const p of obj.properties) {
    if (p.type !== T.Property || propertyName(p) !== 'transport') continue;
    const origin = originOf(ctx.sourceCode, p.value);
    if (origin?.module !== '@nestjs/microservices') return undefined;
    const path = normalPath(origin);
    return path.length === 2 && path[0] === 'Transport' ? path[1] : undefined;
  }
  return undefined;
}

/** The sites of one transport object: its client's options, and Nest's own retry options when no registration judged them. */
function transportSites(ctx: LibraryContext, outer: TSESTree.ObjectExpression, transport: string): RetrySite[] {
  const judged = ctx.consumed?.has(outer) ?? false;
  const whole = resolveObject(ctx, outer);
  const optionsProp = whole ? readOption(ctx, whole, 'options') : undefined;
  const options: OptionsObject | undefined = optionsProp ? resolveObject(ctx, optionsProp.value) : undefined;
  if (!options || !optionsProp) return [];
  switch (transport) {
    case 'NATS':
      return natsReconnectSite(ctx, optionsProp.property, options);
    case 'MQTT':
      return periodSite(ctx, optionsProp.property, options);
    case 'KAFKA': {
      const out: RetrySite[] = [];
      for (const part of ['client', 'consumer', 'producer']) {
        const holder = readOption(ctx, options, part);
        const entry = holder ? nestedEntry(ctx, holder.value, 'retry') : undefined;
        const site = entry ? scheduleSite(ctx, outer, entry, kafkaSpec) : undefined;
        if (site) out.push(site);
      }
      return out;
    }
    case 'TCP':
    case 'REDIS': {
      if (judged) return [];
      const site = scheduleSite(ctx, outer, { options: optionsProp.value, at: optionsProp.property }, nestMicroservicesSpec);
      return site ? [site] : [];
    }
    default:
      return [];
  }
}
