// Retry with capped exponential backoff and jitter. Bundled by Retry Lint; copy it freely (MIT).
// Zero dependencies; runs unchanged in Node.js 18+ and browsers. Sources: RFC 9110 §10.2.3 and §5.6.7
// (Retry-After, HTTP-date), §9.2.2 (idempotent methods); AWS Architecture Blog, "Exponential Backoff
// And Jitter" (full, equal and decorrelated jitter); AWS SDK retry quota and the Google SRE book,
// "Handling Overload" (retry budgets).

/** How randomness spreads the delay: see `backoffDelay`. */
export type Jitter = 'full' | 'equal' | 'decorrelated' | 'none';

/** The part of an `AbortSignal` the helper uses (structural, so no DOM or Node typings are needed). */
export interface AbortSignalLike {
  readonly aborted: boolean;
  readonly reason?: unknown;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

/** What the operation receives on each attempt. */
export interface RetryContext<S extends AbortSignalLike = AbortSignalLike> {
  /** Number of this attempt, counting from 1. */
  attempt: number;
  /** Idempotency key of the logical operation: the same string on every attempt. */
  idempotencyKey: string;
  /** The caller's signal, to pass on to `fetch` and friends (undefined when none was given). */
  signal: S | undefined;
}

/** What `onRetry` receives before each wait. */
export interface RetryEvent {
  /** Number of the attempt that just failed, counting from 1. */
  attempt: number;
  /** How long the helper will now wait, in ms. */
  delayMs: number;
  /** The error that attempt failed with. */
  error: unknown;
}

/** A retry budget shared by many calls: retries spend tokens, successful calls earn them back. */
export interface RetryBudget {
  /** Spends one retry's token; false (nothing spent) when the budget is exhausted. */
  tryAcquire(): boolean;
  /** Records a successful call, earning back a fraction of a token. */
  recordSuccess(): void;
  /** Tokens left now. */
  readonly tokens: number;
}

export interface RetryBudgetOptions {
  /** Most tokens the bucket holds (the retry burst it allows), and where it starts; default 10. */
  maxTokens?: number | undefined;
  /** Tokens earned per successful call, so sustained retries stay under this share of successes; default 0.1. */
  retryRatio?: number | undefined;
}

export interface BackoffOptions {
  /** Delay ceiling of the first retry, in ms, doubling with each attempt; default 100. */
  baseDelayMs?: number | undefined;
  /** Cap on any single backoff delay, in ms; default 20000. */
  maxDelayMs?: number | undefined;
  /** Randomisation of the delay: 'full' (default), 'equal', 'decorrelated' or 'none'. */
  jitter?: Jitter | undefined;
  /** Previous delay in ms, used by 'decorrelated' jitter; default `baseDelayMs`. */
  previousDelayMs?: number | undefined;
  /** Source of randomness returning a number in [0, 1); default Math.random. */
  random?: (() => number) | undefined;
}

export interface RetryOptions<S extends AbortSignalLike = AbortSignalLike> extends Omit<BackoffOptions, 'previousDelayMs'> {
  /** Most attempts in all, the first one included; default 3. */
  maxAttempts?: number | undefined;
  /** Overall time limit in ms from the first attempt; the helper gives up rather than wait past it; default none. */
  deadlineMs?: number | undefined;
  /** Cancels the retries: pending waits stop at once and the promise rejects with `signal.reason`; default none. */
  signal?: S | undefined;
  /** Decides whether a failure is worth another attempt; default: transient network errors and HTTP 408/429/500/502/503/504. */
  shouldRetry?: ((error: unknown, attempt: number) => boolean | Promise<boolean>) | undefined;
  /**
   * Longest server-supplied Retry-After wait (RFC 9110 §10.2.3) the helper will honour, in ms;
   * default 60000. When the server asks for more, the helper gives up with the last error rather
   * than come back before the time the server asked for.
   */
  maxRetryAfterMs?: number | undefined;
  /** Called before each wait, for logging and metrics; default none. */
  onRetry?: ((event: RetryEvent) => void) | undefined;
  /** Waits the given ms (should reject when the signal aborts); default a setTimeout promise. */
  sleep?: ((ms: number, signal?: AbortSignalLike) => Promise<void>) | undefined;
  /** Clock in ms since the epoch, for the deadline and HTTP-date Retry-After; default Date.now. */
  now?: (() => number) | undefined;
  /** Shared retry budget from `createRetryBudget`; when it refuses, the last error is rethrown; default none. */
  budget?: RetryBudget | undefined;
  /** Idempotency key handed to every attempt; default a fresh `createIdempotencyKey()` per call. */
  idempotencyKey?: string | undefined;
}

const defaults = {
  maxAttempts: 3,
  baseDelayMs: 100,
  maxDelayMs: 20000,
  jitter: 'full' as Jitter,
  maxRetryAfterMs: 60000,
};

/** Longest delay a JavaScript timer honours; longer ones fire at once. */
const MAX_TIMER_MS = 2147483647;

const JITTERS: readonly Jitter[] = ['full', 'equal', 'decorrelated', 'none'];

/** HTTP statuses worth retrying: 408 Request Timeout, 429 Too Many Requests, 500, 502, 503, 504. */
const RETRYABLE_STATUSES: readonly number[] = [408, 429, 500, 502, 503, 504];

/** Error codes of transient network failures (Node.js sockets and DNS, undici, axios). */
const TRANSIENT_CODES: readonly string[] = [
  'ECONNRESET', 'ECONNREFUSED', 'ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT', 'EPIPE', 'EAI_AGAIN',
  'ENETUNREACH', 'ENETDOWN', 'EHOSTUNREACH', 'EHOSTDOWN', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ERR_NETWORK',
];

/** Messages of the TypeError that `fetch` throws when the network fails (undici, Chromium, Firefox, Safari). */
const FETCH_NETWORK_MESSAGE = /^(fetch failed|failed to fetch|networkerror when attempting to fetch resource\.?|load failed|network request failed)$/i;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** IMF-fixdate, e.g. "Sun, 06 Nov 1994 08:49:37 GMT" (RFC 9110 §5.6.7). */
const IMF_FIXDATE = /^(?:mon|tue|wed|thu|fri|sat|sun), (\d{2}) ([a-z]{3}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) gmt$/i;
/** Obsolete RFC 850 date, e.g. "Sunday, 06-Nov-94 08:49:37 GMT". */
const RFC850_DATE = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday), (\d{2})-([a-z]{3})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) gmt$/i;
/** ANSI C asctime() date, e.g. "Sun Nov  6 08:49:37 1994". */
const ASCTIME_DATE = /^(?:mon|tue|wed|thu|fri|sat|sun) ([a-z]{3}) ([ \d]\d) (\d{2}):(\d{2}):(\d{2}) (\d{4})$/i;

/**
 * Retries `operation` with capped exponential backoff and jitter until it succeeds, the attempts
 * run out, `shouldRetry` says no, the deadline or the retry budget would be exceeded, or `signal`
 * aborts. Resolves with the operation's result; otherwise rejects with the last error, unchanged
 * (or with `signal.reason` once aborted). A server's Retry-After (RFC 9110 §10.2.3: a client
 * should wait at least that long), found on the error as `error.headers` or
 * `error.response.headers`, is waited for at least (the longer of it and the backoff delay); when
 * it asks for more than `maxRetryAfterMs`, the helper gives up with that error instead.
 * The operation receives `{ attempt, idempotencyKey, signal }`; the key is created once and reused
 * by every attempt, so a non-idempotent request (POST, PATCH) can be retried safely.
 */
export async function retryWithBackoff<T, S extends AbortSignalLike = AbortSignalLike>(
  operation: (context: RetryContext<S>) => T | Promise<T>,
  options: RetryOptions<S> = {},
): Promise<T> {
  if (typeof operation !== 'function') throw new TypeError('Expected `operation` to be a function.');
  const settings = readOptions(options);
  const { now } = settings;
  const signal = options.signal;
  const idempotencyKey = settings.idempotencyKey === undefined ? createIdempotencyKey() : settings.idempotencyKey;
  const startedAt = now();
  let previousDelayMs = settings.baseDelayMs;
  for (let attempt = 1; ; attempt++) {
    if (signal && signal.aborted) throw abortReason(signal);
    try {
      const result = await operation({ attempt, idempotencyKey, signal });
      if (settings.budget) settings.budget.recordSuccess();
      return result;
    } catch (error) {
      if (signal && signal.aborted) throw abortReason(signal);
      if (attempt >= settings.maxAttempts) throw error;
      if (!(await settings.shouldRetry(error, attempt))) throw error;
      const backoffMs = backoffDelay(attempt, {
        baseDelayMs: settings.baseDelayMs,
        maxDelayMs: settings.maxDelayMs,
        jitter: settings.jitter,
        random: settings.random,
        previousDelayMs,
      });
      previousDelayMs = backoffMs;
      const retryAfterMs = retryAfterOf(error, now());
      // Longer than the helper will wait: give up rather than come back before the server's time.
      if (retryAfterMs !== undefined && retryAfterMs > settings.maxRetryAfterMs) throw error;
      const delayMs = retryAfterMs === undefined ? backoffMs : Math.max(backoffMs, retryAfterMs);
      if (settings.deadlineMs !== undefined && now() - startedAt + delayMs > settings.deadlineMs) throw error;
      if (settings.budget && !settings.budget.tryAcquire()) throw error;
      if (settings.onRetry) settings.onRetry({ attempt, delayMs, error });
      await wait(delayMs, settings.sleep, signal);
    }
  }
}

/**
 * The wait in ms after attempt number `attempt` (counting from 1; 0 reads as 1) failed. The ceiling
 * is min(maxDelayMs, baseDelayMs · 2^(attempt − 1)); per the AWS Architecture Blog, "Exponential
 * Backoff And Jitter": 'full' picks uniformly in [0, ceiling], 'equal' in [ceiling/2, ceiling],
 * 'none' returns the ceiling, and 'decorrelated' picks in [baseDelayMs, min(maxDelayMs, 3 · previousDelayMs)]
 * regardless of the attempt. Rounded to whole ms, and never above maxDelayMs (rounded down when fractional).
 */
export function backoffDelay(attempt: number, options: BackoffOptions = {}): number {
  if (typeof attempt !== 'number' || !Number.isInteger(attempt) || attempt < 0) {
    throw new TypeError('Expected `attempt` to be a non-negative integer.');
  }
  const settings = readBackoffOptions(options);
  const { baseDelayMs, maxDelayMs, random } = settings;
  if (settings.jitter === 'decorrelated') {
    const previousDelayMs = orDefault(settings.previousDelayMs, baseDelayMs);
    const high = Math.min(maxDelayMs, previousDelayMs * 3);
    const low = Math.min(baseDelayMs, high);
    return wholeMsWithin(low + random() * (high - low), maxDelayMs);
  }
  const exponent = Math.min(Math.max(attempt - 1, 0), 1023);
  const ceiling = baseDelayMs === 0 ? 0 : Math.min(maxDelayMs, baseDelayMs * Math.pow(2, exponent));
  switch (settings.jitter) {
    case 'full':
      return wholeMsWithin(random() * ceiling, maxDelayMs);
    case 'equal':
      return wholeMsWithin(ceiling / 2 + (random() * ceiling) / 2, maxDelayMs);
    default:
      return wholeMsWithin(ceiling, maxDelayMs);
  }
}

/**
 * `ms` rounded to whole ms and kept in [0, maxDelayMs]: a fractional cap rounds down (0.5 gives 0),
 * and a `random` outside [0, 1) (or NaN) cannot push the delay out of bounds.
 */
function wholeMsWithin(ms: number, maxDelayMs: number): number {
  if (!(ms > 0)) return 0;
  return Math.min(Math.round(ms), Math.floor(maxDelayMs));
}

/**
 * Reads a Retry-After header value (RFC 9110 §10.2.3) as a wait in ms: delay-seconds ("120"), or an
 * HTTP-date in any of the three formats of RFC 9110 §5.6.7 (IMF-fixdate, obsolete RFC 850, asctime),
 * measured from `nowMs` (default Date.now()). A date in the past gives 0. Empty, negative, fractional
 * or unparseable values give undefined.
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number = Date.now()): number | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) {
    const ms = Number(text) * 1000;
    return Number.isFinite(ms) ? ms : undefined;
  }
  const dateMs = parseHttpDate(text, nowMs);
  return dateMs === undefined ? undefined : Math.max(0, dateMs - nowMs);
}

/** True for the HTTP statuses worth retrying: 408, 429, 500, 502, 503 and 504; never other 4xx. */
export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUSES.indexOf(status) !== -1;
}

/**
 * A fresh random key (a version 4 UUID) for an Idempotency-Key header. Create it once per logical
 * operation, before the retries, so that every attempt sends the same key.
 */
export function createIdempotencyKey(): string {
  const crypto = (globalThis as { crypto?: CryptoLike }).crypto;
  if (crypto && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = new Uint8Array(16);
  if (crypto && typeof crypto.getRandomValues === 'function') crypto.getRandomValues(bytes);
  else for (let index = 0; index < 16; index++) bytes[index] = Math.floor(Math.random() * 256);
  let hex = '';
  for (let index = 0; index < 16; index++) {
    // RFC 9562 §5.4: version 4 in byte 6, variant 10xx in byte 8.
    const byte = index === 6 ? (Number(bytes[index]) & 0x0f) | 0x40 : index === 8 ? (Number(bytes[index]) & 0x3f) | 0x80 : Number(bytes[index]);
    hex += (byte + 0x100).toString(16).slice(1);
  }
  return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join('-');
}

/**
 * A retry budget to share across calls (a token bucket, like the AWS SDK's retry quota): each retry
 * spends one token, each successful call earns `retryRatio` tokens back, up to `maxTokens`. Once
 * most calls fail, the bucket empties and retries stop; sustained retries stay under `retryRatio`
 * of successful calls, the 10 % retry ratio of the Google SRE book by default.
 */
export function createRetryBudget(options: RetryBudgetOptions = {}): RetryBudget {
  const maxTokens = orDefault(options.maxTokens, 10);
  const retryRatio = orDefault(options.retryRatio, 0.1);
  if (typeof maxTokens !== 'number' || !(maxTokens >= 1) || !Number.isFinite(maxTokens)) {
    throw new TypeError('Expected `maxTokens` to be a finite number of at least 1.');
  }
  if (typeof retryRatio !== 'number' || !(retryRatio >= 0) || !Number.isFinite(retryRatio)) {
    throw new TypeError('Expected `retryRatio` to be a non-negative number.');
  }
  let tokens = maxTokens;
  return {
    tryAcquire(): boolean {
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
    recordSuccess(): void {
      // Rounded so that ten deposits of 0.1 make exactly one token.
      tokens = Math.min(maxTokens, Math.round((tokens + retryRatio) * 1e9) / 1e9);
    },
    get tokens(): number {
      return tokens;
    },
  };
}

/**
 * The default `shouldRetry`: true for transient failures only. An error carrying an HTTP status
 * (`status`, `statusCode`, `response.status` or `response.statusCode`) is judged by that status
 * alone; otherwise network error codes (ECONNRESET, ECONNREFUSED, ETIMEDOUT, EAI_AGAIN, …, also as
 * `error.cause.code`), timeouts (`TimeoutError`) and fetch's network TypeError are retried.
 */
export function isTransientError(error: unknown): boolean {
  const status = statusOf(error);
  if (status !== undefined) return isRetryableStatus(status);
  if (!isObject(error)) return false;
  if (hasTransientCode(error) || (isObject(error.cause) && hasTransientCode(error.cause))) return true;
  if (error.name === 'TimeoutError') return true;
  return error instanceof TypeError && FETCH_NETWORK_MESSAGE.test(error.message);
}

interface CryptoLike {
  randomUUID?: () => string;
  getRandomValues?: (array: Uint8Array) => Uint8Array;
}

interface TimerHost {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

interface BackoffSettings {
  baseDelayMs: number;
  maxDelayMs: number;
  jitter: Jitter;
  previousDelayMs: number | undefined;
  random: () => number;
}

interface Settings extends BackoffSettings {
  maxAttempts: number;
  deadlineMs: number | undefined;
  signal: AbortSignalLike | undefined;
  shouldRetry: (error: unknown, attempt: number) => boolean | Promise<boolean>;
  maxRetryAfterMs: number;
  onRetry: ((event: RetryEvent) => void) | undefined;
  sleep: (ms: number, signal?: AbortSignalLike) => Promise<void>;
  now: () => number;
  budget: RetryBudget | undefined;
  idempotencyKey: string | undefined;
}

function readOptions(options: RetryOptions): Settings {
  if (typeof options !== 'object' || options === null) throw new TypeError('Expected `options` to be an object.');
  const backoff = readBackoffOptions(options);
  const maxAttempts = orDefault(options.maxAttempts, defaults.maxAttempts);
  if (typeof maxAttempts !== 'number' || !Number.isInteger(maxAttempts) || maxAttempts < 1) {
    throw new TypeError('Expected `maxAttempts` to be a positive integer.');
  }
  const { deadlineMs, signal, budget, idempotencyKey } = options;
  if (deadlineMs !== undefined && !isDuration(deadlineMs, Infinity)) {
    throw new TypeError('Expected `deadlineMs` to be a non-negative finite number.');
  }
  if (signal !== undefined && !(typeof signal === 'object' && signal !== null && typeof signal.addEventListener === 'function')) {
    throw new TypeError('Expected `signal` to be an AbortSignal.');
  }
  const maxRetryAfterMs = orDefault(options.maxRetryAfterMs, defaults.maxRetryAfterMs);
  if (!isDuration(maxRetryAfterMs, MAX_TIMER_MS)) {
    throw new TypeError('Expected `maxRetryAfterMs` to be a non-negative number no greater than 2147483647.');
  }
  if (budget !== undefined && !(typeof budget === 'object' && budget !== null && typeof budget.tryAcquire === 'function')) {
    throw new TypeError('Expected `budget` to be a retry budget from `createRetryBudget`.');
  }
  if (idempotencyKey !== undefined && (typeof idempotencyKey !== 'string' || idempotencyKey === '')) {
    throw new TypeError('Expected `idempotencyKey` to be a non-empty string.');
  }
  return {
    baseDelayMs: backoff.baseDelayMs,
    maxDelayMs: backoff.maxDelayMs,
    jitter: backoff.jitter,
    previousDelayMs: undefined,
    random: backoff.random,
    maxAttempts,
    deadlineMs,
    signal,
    shouldRetry: orDefault(optionalFunction(options.shouldRetry, 'shouldRetry'), isTransientError),
    maxRetryAfterMs,
    onRetry: optionalFunction(options.onRetry, 'onRetry'),
    sleep: orDefault(optionalFunction(options.sleep, 'sleep'), defaultSleep),
    now: orDefault(optionalFunction(options.now, 'now'), Date.now),
    budget,
    idempotencyKey,
  };
}

function readBackoffOptions(options: BackoffOptions): BackoffSettings {
  if (typeof options !== 'object' || options === null) throw new TypeError('Expected `options` to be an object.');
  const baseDelayMs = orDefault(options.baseDelayMs, defaults.baseDelayMs);
  if (!isDuration(baseDelayMs, MAX_TIMER_MS)) {
    throw new TypeError('Expected `baseDelayMs` to be a non-negative number no greater than 2147483647.');
  }
  const maxDelayMs = orDefault(options.maxDelayMs, defaults.maxDelayMs);
  if (!isDuration(maxDelayMs, MAX_TIMER_MS)) {
    throw new TypeError('Expected `maxDelayMs` to be a non-negative number no greater than 2147483647.');
  }
  const jitter = orDefault(options.jitter, defaults.jitter);
  if (JITTERS.indexOf(jitter) === -1) {
    throw new TypeError("Expected `jitter` to be one of 'full', 'equal', 'decorrelated' or 'none'.");
  }
  const { previousDelayMs } = options;
  if (previousDelayMs !== undefined && !isDuration(previousDelayMs, Infinity)) {
    throw new TypeError('Expected `previousDelayMs` to be a non-negative finite number.');
  }
  const random = orDefault(optionalFunction(options.random, 'random'), Math.random);
  return { baseDelayMs, maxDelayMs, jitter, previousDelayMs, random };
}

function orDefault<T>(value: T | undefined, fallback: T): T {
  return value === undefined ? fallback : value;
}

function optionalFunction<F>(value: F | undefined, name: string): F | undefined {
  if (value !== undefined && typeof value !== 'function') throw new TypeError(`Expected \`${name}\` to be a function.`);
  return value;
}

function isDuration(value: unknown, max: number): value is number {
  return typeof value === 'number' && value >= 0 && value <= max && !Number.isNaN(value) && value !== Infinity;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function hasTransientCode(error: Record<string, unknown>): boolean {
  return typeof error.code === 'string' && TRANSIENT_CODES.indexOf(error.code) !== -1;
}

/** The HTTP status an error carries (fetch wrappers, axios, got, ky, superagent), if any. */
function statusOf(error: unknown): number | undefined {
  if (!isObject(error)) return undefined;
  const response = isObject(error.response) ? error.response : {};
  for (const candidate of [error.status, error.statusCode, response.status, response.statusCode]) {
    if (typeof candidate === 'number' && Number.isInteger(candidate) && candidate >= 100 && candidate <= 599) return candidate;
  }
  return undefined;
}

/** The Retry-After wait in ms an error carries in `headers` or `response.headers` (a Headers object or a plain object). */
function retryAfterOf(error: unknown, nowMs: number): number | undefined {
  if (!isObject(error)) return undefined;
  const response = isObject(error.response) ? error.response : {};
  for (const headers of [error.headers, response.headers]) {
    if (!isObject(headers)) continue;
    let value: unknown;
    if (typeof headers.get === 'function') {
      value = (headers.get as (name: string) => unknown).call(headers, 'retry-after');
    } else {
      const name = Object.keys(headers).find((key) => key.toLowerCase() === 'retry-after');
      value = name === undefined ? undefined : headers[name];
    }
    if (Array.isArray(value)) value = value[0];
    if (typeof value === 'string') return parseRetryAfter(value, nowMs);
  }
  return undefined;
}

/** Milliseconds since the epoch of an HTTP-date in one of RFC 9110's three formats, or undefined. */
function parseHttpDate(text: string, nowMs: number): number | undefined {
  let day: string, month: string, year: string, hours: string, minutes: string, seconds: string;
  let match = IMF_FIXDATE.exec(text);
  if (match) {
    [, day = '', month = '', year = '', hours = '', minutes = '', seconds = ''] = match;
  } else if ((match = RFC850_DATE.exec(text))) {
    [, day = '', month = '', year = '', hours = '', minutes = '', seconds = ''] = match;
    // RFC 9110 §5.6.7: a two-digit year is the latest such year no more than 50 years in the future.
    const currentYear = new Date(nowMs).getUTCFullYear();
    let fullYear = Math.floor(currentYear / 100) * 100 + Number(year);
    if (fullYear > currentYear + 50) fullYear -= 100;
    else if (fullYear + 100 <= currentYear + 50) fullYear += 100;
    year = String(fullYear);
  } else if ((match = ASCTIME_DATE.exec(text))) {
    [, month = '', day = '', hours = '', minutes = '', seconds = '', year = ''] = match;
  } else {
    return undefined;
  }
  const monthIndex = MONTHS.indexOf(month.toLowerCase());
  const values = [Number(year), Number(day.trim()), Number(hours), Number(minutes), Number(seconds)];
  const [y = 0, d = 0, h = 0, m = 0, s = 0] = values;
  if (monthIndex === -1 || d < 1 || d > 31 || h > 23 || m > 59 || s > 60) return undefined;
  const ms = Date.UTC(y, monthIndex, d, h, m, s);
  // Reject dates such as 31 Feb, which Date.UTC would roll over into March.
  return new Date(ms).getUTCDate() === d ? ms : undefined;
}

function abortReason(signal: AbortSignalLike): unknown {
  if (signal.reason !== undefined) return signal.reason;
  const error = new Error('This operation was aborted');
  error.name = 'AbortError';
  return error;
}

/** Waits `ms` with `sleep`, but settles at once (rejecting with `signal.reason`) when `signal` aborts. */
function wait(ms: number, sleep: (ms: number, signal?: AbortSignalLike) => Promise<void>, signal?: AbortSignalLike): Promise<void> {
  if (!signal) return Promise.resolve(sleep(ms));
  return new Promise<void>((resolve, reject) => {
    const onAbort = (): void => reject(abortReason(signal));
    if (signal.aborted) {
      onAbort();
      return;
    }
    signal.addEventListener('abort', onAbort, { once: true });
    const settle = (): void => signal.removeEventListener('abort', onAbort);
    Promise.resolve(sleep(ms, signal)).then(
      () => {
        settle();
        resolve();
      },
      (error: unknown) => {
        settle();
        reject(error);
      },
    );
  });
}

function defaultSleep(ms: number, signal?: AbortSignalLike): Promise<void> {
  const timers = globalThis as unknown as TimerHost;
  return new Promise<void>((resolve, reject) => {
    const onAbort = (): void => {
      timers.clearTimeout(handle);
      reject(signal ? abortReason(signal) : undefined);
    };
    const handle = timers.setTimeout(() => {
      if (signal) signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    if (signal) signal.addEventListener('abort', onAbort, { once: true });
  });
}
