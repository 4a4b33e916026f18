import { T } from '../node-types';
import { isFunction, unwrap } from '../ast';
import { nestedEntry, nestedOption, scheduleAdapter, type ScheduleSpec } from './schedules';
import { resolveObject, staticValueOf } from './util';
import type { LibraryAdapter } from './types';

/**
 * Retry libraries described as data (see `./schedules`). Each description names the source its
 * defaults were read from.
 */

/**
 * caolan `async`: `async.retry(opts?, task, callback?)`, `async.retryable(opts?, task)`.
 * Defaults from async 3.x `lib/retry.js`: `DEFAULT_TIMES = 5` attempts, `DEFAULT_INTERVAL = 0`
 * (no wait); `interval` may be a function of the retry count; `errorFilter(err)` decides.
 */
export const asyncSpec: ScheduleSpec = {
  library: 'async',
  packages: ['async', 'async/retry', 'async/retryable', 'async-es'],
  docs: {
    package: 'async',
    api: '`async.retry(opts, task, callback)`, `async.retryable(opts, task)` (also `async/retry`)',
    versionAssumed: 'async 3.x (`lib/retry.js`; 2.x has the same defaults)',
    defaults: ['`times: 5` attempts', '`interval: 0`: the next attempt starts at once', 'no jitter; `interval` may be a function of the retry count', 'every error is retried unless `errorFilter` says otherwise'],
    checks: [
      { rule: 'require-backoff', when: 'no `interval` (retries at once) or a number `interval` (a constant wait).' },
      { rule: 'require-jitter', when: 'a number `interval`, or an `interval` function without randomness.' },
      { rule: 'require-max-delay', when: 'an `interval` function whose growth is not capped.' },
      { rule: 'no-unbounded-retry', when: '`times: Infinity` (or 1,000 or more).' },
      { rule: 'no-retry-on-client-error', when: 'an `errorFilter` that lets a 4xx through; a task calling a client that throws on 4xx with no `errorFilter`.' },
      { rule: 'require-idempotency-key', when: 'the task sends a POST or PATCH without an idempotency key.' },
    ],
  },
  entry(call, path, ctx) {
    if (call.type !== 'CallExpression') return undefined;
    const name = path.length === 0 ? 'retry' : path.length === 1 ? path[0] : undefined;
    if (name !== 'retry' && name !== 'retryable') return undefined;
    const [a, b] = call.arguments;
    if (!a) return undefined;
    const first = unwrap(a);
    // `retry(task, callback)`: every default.
    if (isFunction(first) || (!b && name === 'retryable')) return { options: 'none', retried: a };
    // `retry(x, y)` with an unknown `x`: options and task, or task and callback; only a third argument tells.
    if (call.arguments.length < 3 && first.type === T.Identifier && !resolveObject(ctx, first) && staticValueOf(ctx, first) === undefined) return { options: first };
    if (first.type === T.Literal || (first.type === T.Identifier && first.name === 'Infinity')) return { options: 'none', count: first, retried: b };
    return { options: a, retried: b };
  },
  count: { name: 'times', means: 'attempts', default: 5 },
  base: { name: 'interval', default: 0 },
  growth: { kind: 'constant' },
  jitter: { kind: 'none' },
  delayFn: { name: 'interval', attempt: 0 },
  condition: { name: 'errorFilter', roles: { positional: ['error'] } },
};

/**
 * `@lifeomic/attempt`: `retry(fn, options)`. Defaults from `src/index.ts` (`applyDefaults`,
 * `defaultCalculateDelay`): `delay: 200`, `factor: 0` (no growth; delay × factor^(n−1) only when
 * set), `maxDelay: 0` (no cap), `maxAttempts: 3` (0 is unlimited), `jitter: false`.
 */
export const attemptSpec: ScheduleSpec = {
  library: '@lifeomic/attempt',
  packages: ['@lifeomic/attempt'],
  docs: {
    package: '@lifeomic/attempt',
    api: '`retry(fn, options)`',
    versionAssumed: '@lifeomic/attempt 3.x (`src/index.ts` `applyDefaults`)',
    defaults: ['`maxAttempts: 3` (0 means no limit)', '`delay: 200` ms, `factor: 0`: the same wait every time', '`maxDelay: 0`: no cap', '`jitter: false`'],
    checks: [
      { rule: 'require-backoff', when: '`factor` left at 0 or set to 1 or less: a constant wait; `delay: 0`: no wait.' },
      { rule: 'require-jitter', when: '`jitter` left false.' },
      { rule: 'require-max-delay', when: 'growth with no `maxDelay` and a large or unlimited `maxAttempts`, or a `maxDelay` above `maxDelayMs`.' },
      { rule: 'no-unbounded-retry', when: '`maxAttempts: 0` (unlimited) or 1,000 or more.' },
      { rule: 'require-idempotency-key', when: 'the retried function sends a POST or PATCH without an idempotency key.' },
      { rule: 'no-retry-on-client-error', when: 'the retried function calls a client that throws on 4xx and tells no errors apart (no `handleError` option).' },
    ],
    notModelled: ['`calculateDelay` functions read `context.attemptNum`: their delay is evaluated as unknown.'],
  },
  entry(call, path) {
    if (call.type !== 'CallExpression' || !(path.length === 1 && path[0] === 'retry')) return undefined;
    const [fn, options] = call.arguments;
    return { options: options ?? 'none', retried: fn };
  },
  count: { name: 'maxAttempts', means: 'attempts', default: 3, zeroIsUnlimited: true },
  base: { name: 'delay', default: 200 },
  growth: { kind: 'factor', name: 'factor', default: 0 },
  cap: { name: 'maxDelay', default: undefined, zeroIsNone: true },
  jitter: { kind: 'boolean', name: 'jitter', default: false },
  delayFn: { name: 'calculateDelay', attempt: -1 },
  condition: { name: 'handleError', roles: { positional: ['error'] } },
};

/**
 * kafkajs: the `retry` option of `new Kafka({…})`, `kafka.producer({…})`, `kafka.consumer({…})`
 * and `kafka.admin({…})`. Defaults from `src/retry/defaults.js` and `src/retry/index.js`:
 * `retries: 5`, `initialRetryTime: 300`, `multiplier: 2`, `maxRetryTime: 30000` (the cap of one
 * wait), `factor: 0.2` (each wait is randomised by ±20 %).
 */
export const kafkaSpec: ScheduleSpec = {
  library: 'kafkajs',
  packages: ['kafkajs'],
  docs: {
    package: 'kafkajs',
    api: 'the `retry` option of `new Kafka({…})`, `kafka.producer()`, `kafka.consumer()`, `kafka.admin()`',
    versionAssumed: 'kafkajs 2.x (`src/retry/defaults.js`, same since 1.x)',
    defaults: ['`retries: 5`', '`initialRetryTime: 300` ms, `multiplier: 2`, capped at `maxRetryTime: 30000` ms', '`factor: 0.2`: each wait randomised by ±20 %'],
    checks: [
      { rule: 'require-jitter', when: '`factor: 0`.' },
      { rule: 'require-backoff', when: '`multiplier` 1 or less: a constant wait.' },
      { rule: 'require-max-delay', when: '`maxRetryTime` above `maxDelayMs`.' },
      { rule: 'no-unbounded-retry', when: '`retries: Infinity` (or 1,000 or more).' },
    ],
    notModelled: ['Clients without a `retry` option: the built-in retry, untouched, is not reported.', '`restartOnFailure` of consumers.'],
  },
  entry(call, path, ctx) {
    const last = path[path.length - 1];
    const isClient = (call.type === 'NewExpression' && path.length === 1 && path[0] === 'Kafka') ||
      (call.type === 'CallExpression' && path.length === 3 && path[0] === 'Kafka' && path[1] === 'new' && ['producer', 'consumer', 'admin'].includes(last ?? ''));
    if (!isClient) return undefined;
    return nestedEntry(ctx, call.arguments[0], 'retry');
  },
  count: { name: 'retries', means: 'retries', default: 5 },
  base: { name: 'initialRetryTime', default: 300 },
  growth: { kind: 'factor', name: 'multiplier', default: 2 },
  cap: { name: 'maxRetryTime', default: 30000 },
  jitter: { kind: 'fraction', name: 'factor', default: 0.2 },
};

/**
 * reconnecting-websocket: `new ReconnectingWebSocket(url, protocols, options)`. Defaults from
 * `reconnecting-websocket.ts` (`DEFAULT`): `minReconnectionDelay: 1000 + Math.random() * 4000`
 * (random per socket), `reconnectionDelayGrowFactor: 1.3`, `maxReconnectionDelay: 10000`,
 * `maxRetries: Infinity`.
 */
export const reconnectingWebSocketSpec: ScheduleSpec = {
  library: 'reconnecting-websocket',
  packages: ['reconnecting-websocket', 'partysocket', 'partysocket/ws'],
  docs: {
    package: 'reconnecting-websocket',
    api: '`new ReconnectingWebSocket(url, protocols, options)` (also partysocket\'s `WebSocket`), and partysocket\'s `new PartySocket({ host, room, …options })`',
    versionAssumed: 'reconnecting-websocket 4.x (`DEFAULT` options)',
    defaults: ['`minReconnectionDelay: 1000 + Math.random() * 4000` ms (random per socket)', '`reconnectionDelayGrowFactor: 1.3`, capped at `maxReconnectionDelay: 10000` ms', '`maxRetries: Infinity`'],
    checks: [
      { rule: 'require-jitter', when: 'a written `minReconnectionDelay` without a random source, a constant or a value from elsewhere (the default is random).' },
      { rule: 'require-backoff', when: '`reconnectionDelayGrowFactor` 1 or less.' },
      { rule: 'require-max-delay', when: '`maxReconnectionDelay` above `maxDelayMs`.' },
      { rule: 'no-unbounded-retry', when: '`maxRetries` left at its default (Infinity) or written as Infinity (or 1,000 or more): the constructor is a dedicated reconnect API, so its defaults count (PRODUCT, retry sites); reported on the first reconnection option written, or on the constructor when there are no options.' },
    ],
    notModelled: ['Options spread in from elsewhere (`...opts`) or built by an unknown call: they may supply `maxRetries`, so the count is not judged.'],
  },
  entry(call, path, _ctx, module) {
    if (call.type !== 'NewExpression') return undefined;
    if (!(path.length === 0 || (path.length === 1 && (path[0] === 'WebSocket' || path[0] === 'ReconnectingWebSocket')))) return undefined;
    // The socket reconnects by itself whatever the options: constructing it opts into its retry.
    // partysocket's default export takes one options object (`new PartySocket({ host, room,
    // maxRetries })`); its `WebSocket` is reconnecting-websocket's (url, protocols, options).
    const options = module === 'partysocket' && path.length === 0 ? call.arguments[0] : call.arguments[2];
    return options ? { options } : { options: 'none' };
  },
  count: { name: 'maxRetries', means: 'retries', default: Infinity },
  base: { name: 'minReconnectionDelay', default: 1000 },
  growth: { kind: 'factor', name: 'reconnectionDelayGrowFactor', default: 1.3 },
  cap: { name: 'maxReconnectionDelay', default: 10000 },
  jitter: { kind: 'random-base' },
};

/**
 * The MongoDB Node driver 3.x and Mongoose 5 legacy reconnect options `reconnectTries` and
 * `reconnectInterval` (driver 3.x `lib/topologies/server.js` defaults: 30 tries, 1000 ms apart,
 * no growth, no jitter). Driver 4+ removed them; code that still sets them is judged as written.
 */
export const mongoSpec: ScheduleSpec = {
  library: 'mongodb',
  packages: ['mongodb', 'mongoose'],
  docs: {
    package: 'mongodb',
    api: '`reconnectTries` / `reconnectInterval` in `MongoClient.connect(uri, options)`, `new MongoClient(uri, options)`, `mongoose.connect(uri, options)`, `mongoose.createConnection(uri, options)`',
    versionAssumed: 'MongoDB Node driver 3.x and Mongoose 5 (legacy topology; removed in driver 4)',
    defaults: ['`reconnectTries: 30`', '`reconnectInterval: 1000` ms, the same every time, no jitter', '`autoReconnect: false` turns reconnection off (the other two options are then unused): not reported'],
    checks: [
      { rule: 'require-backoff', when: 'the interval is constant (always, once either option is written).' },
      { rule: 'require-jitter', when: 'always, once either option is written.' },
      { rule: 'no-unbounded-retry', when: '`reconnectTries: Number.MAX_VALUE` (or 1,000 or more, Infinity).' },
    ],
    notModelled: ['Clients that do not write `reconnectTries` or `reconnectInterval`: the built-in behaviour, untouched, is not reported.'],
  },
  entry(call, path) {
    const isClient = (call.type === 'NewExpression' && path.length === 1 && path[0] === 'MongoClient') ||
      (call.type === 'CallExpression' && ((path.length === 2 && path[0] === 'MongoClient' && path[1] === 'connect') || (path.length === 1 && (path[0] === 'connect' || path[0] === 'createConnection'))));
    if (!isClient) return undefined;
    const options = call.arguments[1];
    return options ? { options } : undefined;
  },
  optIn: ['reconnectTries', 'reconnectInterval'],
  // `autoReconnect: false` (driver 3.x `lib/topologies/server.js`): no reconnection at all, the two options unused.
  offSwitch: { name: 'autoReconnect', off: false },
  count: { name: 'reconnectTries', means: 'retries', default: 30 },
  base: { name: 'reconnectInterval', default: 1000 },
  growth: { kind: 'constant' },
  jitter: { kind: 'none' },
};

/**
 * wretch's `retry()` middleware (`wretch/middlewares`). Defaults from `src/middlewares/retry.ts`:
 * `delayTimer: 500`, `delayRamp: (delay, n) => delay * n` (linear), `maxAttempts: 10` retries
 * (0 is unlimited), `until`: a response that is OK or a 4xx (4xx are not retried), network errors
 * not retried (`retryOnNetworkError: false`), every method retried unless `skip` says otherwise.
 */
export const wretchSpec: ScheduleSpec = {
  library: 'wretch',
  packages: ['wretch/middlewares', 'wretch/middlewares/retry'],
  docs: {
    package: 'wretch',
    api: '`retry(options)` from `wretch/middlewares`',
    versionAssumed: 'wretch 2.x (`src/middlewares/retry.ts`)',
    defaults: ['`maxAttempts: 10` retries (0 means no limit)', '`delayTimer: 500` ms, `delayRamp`: linear (`delay * attempt`), no jitter, no cap', '`until`: stops on an OK or 4xx response'],
    checks: [
      { rule: 'require-jitter', when: 'the default linear ramp, or a `delayRamp` without randomness.' },
      { rule: 'require-backoff', when: 'a `delayRamp` that returns a constant; `delayTimer: 0`.' },
      { rule: 'require-max-delay', when: 'growth with no cap and an unlimited `maxAttempts`.' },
      { rule: 'no-unbounded-retry', when: '`maxAttempts: 0` (or 1,000 or more).' },
      { rule: 'no-retry-on-client-error', when: 'an `until` that is not done on a 4xx (`response.ok` alone).' },
    ],
  },
  entry(call, path) {
    if (call.type !== 'CallExpression' || !(path.length === 1 && path[0] === 'retry') && path.length !== 0) return undefined;
    return { options: call.arguments[0] ?? 'none' };
  },
  count: { name: 'maxAttempts', means: 'retries', default: 10, zeroIsUnlimited: true },
  base: { name: 'delayTimer', default: 500 },
  growth: { kind: 'linear' },
  jitter: { kind: 'none' },
  delayFn: { name: 'delayRamp', attempt: 1 },
  condition: { name: 'until', roles: { positional: ['response', 'network-error'] }, negated: true },
};

/**
 * urql's `retryExchange(options)` (`@urql/exchange-retry`). Defaults from
 * `exchanges/retry/src/retryExchange.ts`: `initialDelayMs || 1000`, `maxDelayMs || 15000`,
 * `maxNumberAttempts || 2` (every attempt, the first included: a result is retried while
 * `retryCount < maxNumberAttempts - 1`), `randomDelay` on unless written `false`. With
 * `randomDelay` each wait is the previous one times a random 1.5–2.5 while that stays under
 * `maxDelayMs`; without it (2.x, `dist/urql-exchange-retry.js` of 2.0.0) the wait is
 * `Math.min(retryCount * initialDelayMs, maxDelayMs)`: linear growth, no jitter (1.x waited
 * `initialDelayMs` every time). `retryIf` defaults to network errors.
 */
export const urqlRetrySpec: ScheduleSpec = {
  library: '@urql/exchange-retry',
  packages: ['@urql/exchange-retry'],
  docs: {
    package: '@urql/exchange-retry',
    api: '`retryExchange(options)` in a urql `Client`\'s `exchanges`',
    versionAssumed: '@urql/exchange-retry 2.x (`dist/urql-exchange-retry.js` of 2.0.0; 1.x kept `initialDelayMs` constant without `randomDelay`)',
    defaults: ['`maxNumberAttempts: 2` attempts in all (one retry); `0` means the default', '`initialDelayMs: 1000` ms, multiplied by a random 1.5–2.5 per retry while under `maxDelayMs: 15000` ms', '`randomDelay: true`; `false` waits `retryCount * initialDelayMs` up to `maxDelayMs` (linear growth, no jitter)', '`retryIf`: network errors only'],
    checks: [
      { rule: 'require-jitter', when: '`randomDelay: false`.' },
      { rule: 'require-backoff', when: '`initialDelayMs` at or above `maxDelayMs` (every wait is the cap).' },
      { rule: 'require-max-delay', when: '`maxDelayMs` above `maxDelayMs` of the rule.' },
      { rule: 'no-unbounded-retry', when: '`maxNumberAttempts: Infinity` (or 1,000 or more).' },
    ],
    notModelled: ['`retryIf` and `retryWith`: which errors are retried (a `CombinedError`, not a status) is not judged.'],
  },
  entry(call, path) {
    if (call.type !== 'CallExpression' || !(path.length === 1 && path[0] === 'retryExchange')) return undefined;
    return { options: call.arguments[0] ?? 'none' };
  },
  count: { name: 'maxNumberAttempts', means: 'attempts', default: 2, zeroIsDefault: true },
  base: { name: 'initialDelayMs', default: 1000, zeroIsDefault: true },
  growth: { kind: 'factor', default: 2, onlyWhenRandom: true, minRandomFactor: 1.5, linearWhenNotRandom: true },
  cap: { name: 'maxDelayMs', default: 15000, zeroIsDefault: true },
  jitter: { kind: 'boolean', name: 'randomDelay', default: true },
};

/**
 * Redux Toolkit Query's `retry(baseQuery, options)`. Defaults from `src/query/retry.ts`:
 * `maxRetries: 5` retries; `defaultBackoff(attempt)` waits `(Math.random() + 0.4) * (300 << attempt)`
 * ms (600 ms × random(0.4, 1.4) on the first retry, doubling: exponential with jitter, its growth
 * stopped at `maxRetries`). A written `backoff` is an async function whose wait is not read here;
 * a written `retryCondition` replaces the `maxRetries` test, so the bound is then unknown.
 */
export const rtkQueryRetrySpec: ScheduleSpec = {
  library: '@reduxjs/toolkit/query',
  packages: ['@reduxjs/toolkit/query', '@reduxjs/toolkit/query/react'],
  docs: {
    package: '@reduxjs/toolkit (RTK Query)',
    api: '`retry(baseQuery, options)` from `@reduxjs/toolkit/query` (or `/query/react`)',
    versionAssumed: '@reduxjs/toolkit 1.9–2.x (`src/query/retry.ts`)',
    defaults: ['`maxRetries: 5` retries', '`backoff`: `(Math.random() + 0.4) * (300 << attempt)` ms: exponential from about 600 ms, jittered'],
    checks: [
      { rule: 'no-unbounded-retry', when: '`maxRetries: Infinity` (or 1,000 or more).' },
      { rule: 'require-max-delay', when: 'an unbounded `maxRetries` with the default backoff (its growth is stopped only by `maxRetries`).' },
      { rule: 'no-retry-on-client-error', when: '`fetchBaseQuery` retried with no `retryCondition`: every non-2xx answer is an error the default condition retries, 4xx included.' },
    ],
    notModelled: ['A written `backoff` function (it waits itself; its wait is not read).', 'A `retryCondition` (it replaces the attempt test; the bound is then not judged).', 'Per-endpoint `extraOptions: { maxRetries }`.'],
  },
  entry(call, path, ctx) {
    if (call.type !== 'CallExpression' || !(path.length === 1 && path[0] === 'retry')) return undefined;
    // Around `fetchBaseQuery`, whose answer is an error for every non-2xx status, the default
    // condition (`attempt <= maxRetries`) retries a 404 as it does a 503 (`src/query/retry.ts`).
    const base = call.arguments[0] && unwrap(call.arguments[0]);
    const origin = base?.type === T.CallExpression ? ctx.originOf(base.callee) : undefined;
    const httpBase = !!origin && rtkQueryRetrySpec.packages.includes(origin.module) && origin.path.length === 1 && origin.path[0] === 'fetchBaseQuery';
    const options = call.arguments[1];
    if (!options) return { options: 'none', everyHttpFailure: httpBase };
    // `retryCondition` decides alone whether to retry (`maxRetries` is then not read): the bound is
    // that function's, not a number; handing it as the count leaves the bound unknown.
    const condition = nestedOption(ctx, options, 'retryCondition');
    return condition ? { options, count: condition } : { options, everyHttpFailure: httpBase };
  },
  count: { name: 'maxRetries', means: 'retries', default: 5 },
  base: { default: 600 },
  growth: { kind: 'factor', default: 2 },
  jitter: { kind: 'always' },
  delayFn: { name: 'backoff', attempt: -1 },
};

/** The adapters built from the descriptions above. */
/**
 * retry-as-promised, and Sequelize's query retry built on it: `retry(fn, options | max)`, the
 * `retry` option of `new Sequelize(…, options)` and of `sequelize.query(sql, options)`.
 * Defaults from retry-as-promised 7.1 `src/index.ts`: `max` unset (attempts run while `$current <
 * max`, so no retry), `backoffBase: 100` ms, `backoffExponent: 1.1` (`|| 1.1`: a written 0 is the
 * default; delay n = base × exponent^(n−1)), `backoffJitter: 0` (ms of random spread), no cap.
 * Sequelize 6 (`lib/sequelize.js`) merges its options shallowly over `{ retry: { max: 5, match:
 * ['SQLITE_BUSY: database is locked'] } }` and spreads a query's `retry` over the instance's: a
 * written `retry` replaces the default, and an instance without one waits on a local SQLite lock
 * only (not reported).
 */
export const retryAsPromisedSpec: ScheduleSpec = {
  library: 'retry-as-promised',
  packages: ['retry-as-promised', 'sequelize'],
  docs: {
    package: 'retry-as-promised',
    api: '`retry(fn, options)` of retry-as-promised; the `retry` option of `new Sequelize(…, options)` and `sequelize.query(sql, options)`',
    versionAssumed: 'retry-as-promised 7.x (`src/index.ts`), as used by Sequelize 6 (`lib/sequelize.js`)',
    defaults: ['`max` unset: no retry (Sequelize\'s own default, `max: 5` on a locked SQLite file, is replaced by a written `retry`)', '`backoffBase: 100` ms, `backoffExponent: 1.1`', '`backoffJitter: 0`: no random spread', 'no cap'],
    checks: [
      { rule: 'require-jitter', when: '`backoffJitter` left at 0.' },
      { rule: 'require-backoff', when: '`backoffExponent: 1` (a constant wait) or `backoffBase: 0` (no wait).' },
      { rule: 'require-max-delay', when: 'growth whose wait at the last attempt passes `maxDelayMs` (there is no cap option).' },
      { rule: 'no-unbounded-retry', when: '`max: Infinity` (or 1,000 or more).' },
    ],
    notModelled: ['`match` lists: errors the retry is limited to (database and network errors, no HTTP status).', '`timeout`: a deadline over every attempt.'],
  },
  entry(call, path, ctx) {
    const last = path[path.length - 1];
    if (call.type === 'CallExpression' && (path.length === 0 || (path.length === 1 && (last === 'default' || last === 'retryAsPromised')))) {
      const [fn, options] = call.arguments;
      if (!fn || !options) return undefined;
      const count = unwrap(options);
      if (count.type === T.Literal || (count.type === T.Identifier && count.name === 'Infinity')) return { options: 'none', count, retried: fn };
      return { options, retried: fn };
    }
    // `new Sequelize(uri | database, …, options)`: the options are the last argument.
    const ctor = path[0] === 'Sequelize' || path[0] === 'default' ? path.slice(1) : path;
    const isInstance = call.type === 'NewExpression' && ctor.length === 0 && path.length <= 1;
    const isQuery = call.type === 'CallExpression' && ctor.length === 2 && ctor[0] === 'new' && last === 'query';
    if (!isInstance && !isQuery) return undefined;
    const options = isQuery ? call.arguments[1] : call.arguments[call.arguments.length - 1];
    return nestedEntry(ctx, options, 'retry');
  },
  count: { name: 'max', means: 'attempts', default: 1 },
  base: { name: 'backoffBase', default: 100 },
  growth: { kind: 'factor', name: 'backoffExponent', default: 1.1 },
  jitter: { kind: 'fraction', name: 'backoffJitter', default: 0 },
};

/**
 * NestJS microservices: `NestFactory.createMicroservice(module, { transport, options })` and
 * `ClientProxyFactory.create({ transport, options })`. Facts from @nestjs/microservices 10
 * (`server/server-tcp.ts` `handleClose`, `server/server-redis.ts` `createRetryStrategy`): after the
 * server closes (TCP) or loses Redis, it listens or connects again up to `retryAttempts` times
 * (default 0: never), waiting `retryDelay` ms each time (default 0), the same wait every time.
 */
export const nestMicroservicesSpec: ScheduleSpec = {
  library: '@nestjs/microservices',
  packages: ['@nestjs/core', '@nestjs/microservices'],
  docs: {
    package: '@nestjs/microservices',
    api: '`options.retryAttempts` / `options.retryDelay` of `NestFactory.createMicroservice(module, { transport, options })` and `ClientProxyFactory.create({ transport, options })`',
    versionAssumed: '@nestjs/microservices 10.x (`server/server-tcp.ts`, `server/server-redis.ts`)',
    defaults: ['`retryAttempts: 0`: no retry', '`retryDelay: 0` ms', 'the same wait every time, no jitter, no cap'],
    checks: [
      { rule: 'require-jitter', when: '`retryAttempts` set: the wait has no random spread.' },
      { rule: 'require-backoff', when: '`retryAttempts` set: the wait never grows (`retryDelay` each time, 0 when unset).' },
      { rule: 'no-unbounded-retry', when: '`retryAttempts: Infinity` (or 1,000 or more).' },
    ],
    notModelled: ['`connectMicroservice` on an application made elsewhere: its options are not traced to the transport.'],
  },
  entry(call, path, ctx) {
    const last = path[path.length - 1];
    const arg = last === 'createMicroservice' ? call.arguments[1] : last === 'create' && path[path.length - 2] === 'ClientProxyFactory' ? call.arguments[0] : undefined;
    if (!arg) return undefined;
    return nestedEntry(ctx, arg, 'options');
  },
  count: { name: 'retryAttempts', means: 'retries', default: 0 },
  base: { name: 'retryDelay', default: 0 },
  growth: { kind: 'constant' },
  jitter: { kind: 'none' },
};

/**
 * viem's transports: `http(url, { retryCount, retryDelay })`, `webSocket(url, { … })`. Facts from
 * viem 2 (`utils/buildRequest.ts`, `utils/promise/withRetry.ts`): `retryCount: 3`, `retryDelay:
 * 150` ms, the wait `~~(1 << count) * retryDelay` (doubling from the base, no jitter, no cap), and a
 * Retry-After header on an HTTP error waited instead.
 */
export const viemTransportSpec: ScheduleSpec = {
  library: 'viem',
  packages: ['viem'],
  docs: {
    package: 'viem',
    api: '`retryCount` / `retryDelay` of the `http(url, options)` and `webSocket(url, options)` transports',
    versionAssumed: 'viem 2.x (`utils/buildRequest.ts`, `utils/promise/withRetry.ts`)',
    defaults: ['`retryCount: 3`', '`retryDelay: 150` ms, doubled each retry (`(1 << count) * retryDelay`)', 'no jitter, no cap', 'Retry-After honoured on HTTP errors'],
    checks: [
      { rule: 'require-jitter', when: 'the transport sets a retry option: the doubling wait has no random spread.' },
      { rule: 'require-max-delay', when: 'the wait at the last retry passes `maxDelayMs` (there is no cap option).' },
      { rule: 'no-unbounded-retry', when: '`retryCount: Infinity` (or 1,000 or more).' },
    ],
    notModelled: ['`fallback` transports and `shouldRetry` overrides of the RPC error classes.'],
  },
  optIn: ['retryCount', 'retryDelay'],
  entry(call, path) {
    const last = path[path.length - 1];
    if (call.type !== 'CallExpression' || path.length !== 1 || (last !== 'http' && last !== 'webSocket')) return undefined;
    const options = call.arguments[1];
    return options ? { options } : undefined;
  },
  count: { name: 'retryCount', means: 'retries', default: 3 },
  base: { name: 'retryDelay', default: 150 },
  growth: { kind: 'factor', default: 2, maxExponent: 30 },
  jitter: { kind: 'none' },
};

/**
 * tmi.js (Twitch chat): `new tmi.Client({ connection: { reconnect, maxReconnectAttempts,
 * reconnectInterval, maxReconnectInterval, reconnectDecay } })`. Facts from tmi.js 1.8
 * (`lib/client.js`): `reconnect: true`, `maxReconnectAttempts: Infinity`, `reconnectInterval: 1000`
 * ms multiplied by `reconnectDecay: 1.5` each time up to `maxReconnectInterval: 30000` ms, no jitter.
 */
export const tmiSpec: ScheduleSpec = {
  library: 'tmi.js',
  packages: ['tmi.js'],
  docs: {
    package: 'tmi.js',
    api: 'the `connection` options of `new tmi.Client(options)` / `new tmi.client(options)`',
    versionAssumed: 'tmi.js 1.8 (`lib/client.js`)',
    defaults: ['`reconnect: true`', '`maxReconnectAttempts: Infinity`', '`reconnectInterval: 1000` ms × `reconnectDecay: 1.5` per reconnect', '`maxReconnectInterval: 30000` ms', 'no jitter'],
    checks: [
      { rule: 'require-jitter', when: 'the connection options set a reconnect option: the growing wait has no random spread.' },
      { rule: 'no-unbounded-retry', when: '`maxReconnectAttempts` unset or Infinity (also the string `"Infinity"`).' },
      { rule: 'require-max-delay', when: '`maxReconnectInterval` above `maxDelayMs`.' },
    ],
    notModelled: [],
  },
  optIn: ['reconnect', 'maxReconnectAttempts', 'reconnectInterval', 'maxReconnectInterval', 'reconnectDecay'],
  offSwitch: { name: 'reconnect', off: false },
  entry(call, path, ctx) {
    const last = path[path.length - 1];
    if (path.length !== 1 || (last !== 'Client' && last !== 'client')) return undefined;
    return nestedEntry(ctx, call.arguments[0], 'connection');
  },
  count: { name: 'maxReconnectAttempts', means: 'attempts', default: Infinity },
  base: { name: 'reconnectInterval', default: 1000 },
  growth: { kind: 'factor', name: 'reconnectDecay', default: 1.5 },
  cap: { name: 'maxReconnectInterval', default: 30000 },
  jitter: { kind: 'none' },
};

/**
 * web3.js 1.x WebSocket provider: `new Web3.providers.WebsocketProvider(url, { reconnect: { auto,
 * delay, maxAttempts } })`. Facts from web3-providers-ws 1.10 (`src/index.js`): reconnecting is off
 * unless `auto: true`; then it waits `delay` (5000 ms) every time, with no jitter, and
 * `maxAttempts: false` (the default) never gives up.
 */
export const web3WsSpec: ScheduleSpec = {
  library: 'web3',
  packages: ['web3', 'web3-providers-ws'],
  docs: {
    package: 'web3',
    api: 'the `reconnect` options of `new Web3.providers.WebsocketProvider(url, options)` (web3.js 1.x)',
    versionAssumed: 'web3.js 1.10 (`web3-providers-ws/src/index.js`)',
    defaults: ['`auto: false`: no reconnect', '`delay: 5000` ms, the same every time, no jitter', '`maxAttempts: false`: no limit'],
    checks: [
      { rule: 'require-backoff', when: '`auto: true`: the wait never grows.' },
      { rule: 'require-jitter', when: '`auto: true`: the wait has no random spread.' },
      { rule: 'no-unbounded-retry', when: '`auto: true` with `maxAttempts` unset, `false` or Infinity.' },
    ],
    notModelled: ['web3.js 4 `WebSocketProvider` reconnect options (a third constructor argument).'],
  },
  optIn: ['auto'],
  offSwitch: { name: 'auto', off: false },
  entry(call, path, ctx) {
    if (call.type !== 'NewExpression' || path[path.length - 1] !== 'WebsocketProvider') return undefined;
    return nestedEntry(ctx, call.arguments[1], 'reconnect');
  },
  count: { name: 'maxAttempts', means: 'attempts', default: Infinity },
  base: { name: 'delay', default: 5000 },
  growth: { kind: 'constant' },
  jitter: { kind: 'none' },
};

/**
 * Supabase Realtime: the `realtime` options of `createClient(url, key, options)` (supabase-js,
 * @supabase/ssr's `createBrowserClient`/`createServerClient`) and `new RealtimeClient(url,
 * options)`. Facts from realtime-js 2 (`RealtimeClient.ts`, `lib/timer.ts`): after a lost socket
 * it reconnects until it succeeds, waiting `reconnectAfterMs(tries)` (default 1 s, 2 s, 5 s, then
 * 10 s), with no option to stop; the default has no jitter.
 */
export const supabaseRealtimeSpec: ScheduleSpec = {
  library: '@supabase/realtime-js',
  packages: ['@supabase/supabase-js', '@supabase/ssr', '@supabase/realtime-js'],
  docs: {
    package: '@supabase/realtime-js',
    api: '`realtime.reconnectAfterMs` of `createClient` / `createBrowserClient` / `createServerClient`, and `new RealtimeClient(url, { reconnectAfterMs })`',
    versionAssumed: 'realtime-js 2.x (`RealtimeClient.ts`, `lib/timer.ts`)',
    defaults: ['reconnects forever (no attempt option)', '`reconnectAfterMs`: 1000, 2000, 5000, then 10000 ms', 'no jitter'],
    checks: [
      { rule: 'no-unbounded-retry', when: '`reconnectAfterMs` written: the reconnects never stop.' },
      { rule: 'require-jitter', when: 'a `reconnectAfterMs` function without randomness.' },
      { rule: 'require-max-delay', when: 'a `reconnectAfterMs` function whose wait passes `maxDelayMs`.' },
    ],
    notModelled: [],
  },
  optIn: ['reconnectAfterMs'],
  forever: 'Supabase Realtime reconnects until it succeeds and has no option to stop',
  entry(call, path, ctx) {
    const last = path[path.length - 1];
    if (call.type === 'NewExpression' && last === 'RealtimeClient') return call.arguments[1] ? { options: call.arguments[1] } : undefined;
    if (call.type !== 'CallExpression' || path.length !== 1 || !['createClient', 'createBrowserClient', 'createServerClient'].includes(last ?? '')) return undefined;
    return nestedEntry(ctx, call.arguments[2], 'realtime');
  },
  base: { name: 'reconnectAfterMs', default: 1000 },
  growth: { kind: 'constant' },
  jitter: { kind: 'none' },
  delayFn: { name: 'reconnectAfterMs', attempt: 0 },
};

/**
 * requestretry (`request` with retries): `requestretry(options, callback)` and its method helpers
 * (`requestretry.get/post/put/patch/del/head`). Defaults from FGRibreau/node-request-retry
 * (`index.js`, `strategies/`): `maxAttempts: 5` (every attempt), `retryDelay: 5000` ms the same
 * every time, no jitter; `retryStrategy` `HTTPOrNetworkError` (network errors such as ECONNRESET,
 * ETIMEDOUT, and 5xx answers); `delayStrategy(err, response, body)` computes each wait instead.
 */
export const requestRetrySpec: ScheduleSpec = {
  library: 'requestretry',
  packages: ['requestretry'],
  docs: {
    package: 'requestretry',
    api: '`requestretry(options, callback)`, `requestretry.get/post/put/patch/del/head(options, callback)`',
    versionAssumed: 'requestretry 4.x–7.x (`index.js`, `strategies/HTTPOrNetworkError.js`)',
    defaults: ['`maxAttempts: 5` (every attempt, the first included)', '`retryDelay: 5000` ms, the same every time, no jitter', '`retryStrategy`: network errors and 5xx answers', 'Retry-After: not read'],
    checks: [
      { rule: 'require-backoff', when: 'the wait (`retryDelay`, default 5000 ms) is the same every time, or a `delayStrategy` returns a constant.' },
      { rule: 'require-jitter', when: '`retryDelay`, or a `delayStrategy` without randomness.' },
      { rule: 'no-unbounded-retry', when: '`maxAttempts` of 1,000 or more.' },
      { rule: 'no-retry-on-client-error', when: 'a `retryStrategy` that says yes to a 4xx other than 408 and 429.' },
    ],
    notModelled: ['Requests sent through `requestretry.defaults(options)`: the options are merged at run time.'],
  },
  entry(call, path) {
    if (call.type !== 'CallExpression') return undefined;
    const last = path[path.length - 1];
    const direct = path.length === 0 || (path.length === 1 && last === 'default');
    const method = path.length === 1 && /^(get|post|put|patch|del|delete|head)$/.test(last ?? '');
    if (!direct && !method) return undefined;
    const first = call.arguments[0];
    if (!first || first.type === T.SpreadElement) return undefined;
    // `requestretry(url, callback)`: every default applies.
    const u = unwrap(first);
    if ((u.type === T.Literal && typeof u.value === 'string') || u.type === T.TemplateLiteral) return { options: 'none', request: call };
    return { options: first, request: call };
  },
  count: { name: 'maxAttempts', means: 'attempts', default: 5 },
  base: { name: 'retryDelay', default: 5000 },
  growth: { kind: 'constant' },
  jitter: { kind: 'none' },
  delayFn: { name: 'delayStrategy', attempt: -1 },
  condition: { name: 'retryStrategy', roles: { positional: ['network-error', 'response', 'other', 'other'] } },
};

/**
 * node-backoff (`backoff` on npm): `backoff.exponential(options)` makes the driver that emits
 * `ready` after each wait. Facts from backoff 2.5 (`lib/strategy/strategy.js`,
 * `lib/strategy/exponential.js`): `initialDelay || 100` ms, `maxDelay || 10000` ms,
 * `randomisationFactor || 0` (the wait is raised by up to that fraction at random; 0 is none),
 * `factor` 2 (must be above 1). The attempt limit is set apart, by `failAfter(n)` on the driver:
 * not read here, so the bound is left unknown.
 */
export const nodeBackoffSpec: ScheduleSpec = {
  library: 'backoff',
  packages: ['backoff'],
  docs: {
    package: 'backoff',
    api: '`backoff.exponential(options)` (node-backoff)',
    versionAssumed: 'backoff 2.5 (`lib/strategy/strategy.js`, `lib/strategy/exponential.js`)',
    defaults: ['`initialDelay: 100` ms, doubled each time (`factor: 2`)', '`maxDelay: 10000` ms', '`randomisationFactor: 0`: no jitter', 'no attempt limit unless `failAfter(n)` is called'],
    checks: [
      { rule: 'require-jitter', when: '`randomisationFactor` left at 0.' },
      { rule: 'require-max-delay', when: 'a `maxDelay` above `maxDelayMs`.' },
    ],
    notModelled: ['`failAfter(n)` on the driver (the attempt limit).', '`backoff.fibonacci(options)` and `backoff.call(fn, …, callback)` with a strategy set apart.'],
  },
  entry(call, path) {
    if (call.type !== 'CallExpression' || path.length !== 1 || path[0] !== 'exponential') return undefined;
    const options = call.arguments[0];
    return options && options.type !== T.SpreadElement ? { options } : { options: 'none' };
  },
  base: { name: 'initialDelay', default: 100, zeroIsDefault: true },
  growth: { kind: 'factor', name: 'factor', default: 2 },
  cap: { name: 'maxDelay', default: 10000, zeroIsDefault: true },
  jitter: { kind: 'fraction', name: 'randomisationFactor', default: 0 },
};

/**
 * Slack's Web API client: `new WebClient(token, { retryConfig })` (@slack/web-api 6/7). Facts from
 * @slack/web-api 7.19 (`dist/WebClient.js`: `pRetry(task, this.retryConfig)`, the default
 * `retryConfig` `tenRetriesInAboutThirtyMinutes` = `{ retries: 10, factor: 1.96821, randomize: true }`
 * in `dist/retry-policies.js`): a written `retryConfig` replaces that policy whole and goes to p-retry 4
 * (node-retry 0.13 `retry.timeouts`): `retries: 10`, `factor: 2`, `minTimeout: 1000` ms, `maxTimeout:
 * Infinity`, `randomize: false`. A 429 waits the server's Retry-After apart from this schedule.
 */
export const slackWebClientSpec: ScheduleSpec = {
  library: '@slack/web-api',
  packages: ['@slack/web-api'],
  docs: {
    package: '@slack/web-api',
    api: 'the `retryConfig` option of `new WebClient(token, options)`',
    versionAssumed: '@slack/web-api 7.x (`dist/WebClient.js`, `dist/retry-policies.js`; p-retry 4 / node-retry 0.13 underneath)',
    defaults: ['unset: `tenRetriesInAboutThirtyMinutes` (10 retries, factor 1.96821, randomized)', 'a written `retryConfig` replaces it whole: `retries: 10`, `factor: 2`, `minTimeout: 1000` ms, `maxTimeout: Infinity`, `randomize: false`', 'a 429 waits the Retry-After the server sends'],
    checks: [
      { rule: 'require-jitter', when: 'a written `retryConfig` without `randomize: true`.' },
      { rule: 'require-backoff', when: '`factor` 1 or less.' },
      { rule: 'require-max-delay', when: 'the wait at the last retry passes `maxDelayMs` with no `maxTimeout` below it.' },
      { rule: 'no-unbounded-retry', when: '`retries: Infinity` (or 1,000 or more) with no `maxRetryTime`.' },
    ],
    notModelled: ['A policy from `retryPolicies` (its values are read only when written in this file).', '`@slack/bolt`, which hands `clientOptions` to the client.'],
  },
  entry(call, path, ctx) {
    if (call.type !== 'NewExpression' || path.length !== 1 || path[0] !== 'WebClient') return undefined;
    return nestedEntry(ctx, call.arguments[1], 'retryConfig');
  },
  count: { name: 'retries', means: 'retries', default: 10 },
  base: { name: 'minTimeout', default: 1000 },
  growth: { kind: 'factor', name: 'factor', default: 2 },
  cap: { name: 'maxTimeout', default: undefined },
  jitter: { kind: 'boolean', name: 'randomize', default: false },
};

export const describedAdapters: readonly LibraryAdapter[] = [viemTransportSpec, tmiSpec, web3WsSpec, supabaseRealtimeSpec, asyncSpec, attemptSpec, kafkaSpec, reconnectingWebSocketSpec, mongoSpec, wretchSpec, urqlRetrySpec, rtkQueryRetrySpec, retryAsPromisedSpec, nestMicroservicesSpec, requestRetrySpec, nodeBackoffSpec, slackWebClientSpec].map(scheduleAdapter);

