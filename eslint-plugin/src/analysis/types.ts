import type { TSESTree } from '@typescript-eslint/utils';

/** Any ESTree / TSESTree node. */
export type Node = TSESTree.Node;

/**
 * How a retry site was written. `repeat`: the operation written again in its own failure handler
 * (`catch { await delay(ms); return send() }`, `if (!res.ok) res = await fetch(u)`). `state-rerun`: a
 * React effect that, on a data hook's error, steps a state the hook depends on (state-retry.ts).
 */
export type SiteKind = 'loop' | 'recursion' | 'interceptor' | 'library' | 'repeat' | 'state-rerun' | 'requeue';

/**
 * What the analysis knows of one delay between attempts. All durations are in milliseconds.
 *
 * A hand-written delay is evaluated as an interval over every attempt the site can make; a
 * library's delay is described by its adapter from the options and the library's defaults.
 */
export interface DelayFacts {
  /** The expression (or library option / call) the delay comes from; `require-max-delay` reports here. */
  node: Node;
  /** The delay has a random component (Math.random, crypto.randomInt, a jitter option, …). */
  random: boolean;
  /** The delay grows with the attempt number (multiplication, `**`, shifts, a doubling variable, a table). */
  growing: boolean;
  /**
   * Largest delay in ms the site can wait once. `Infinity` when growth has no cap and the attempt
   * bound is unknown or very large, or when a server-supplied delay is used uncapped.
   */
  maxMs: number;
  /** Why `maxMs` is what it is, when it is not a plain number: growth, an uncapped Retry-After, or opaque input. */
  maxReason: 'known' | 'growth' | 'retry-after' | 'opaque';
  /** An explicit cap found in the code or options (`Math.min`, a ternary, `maxDelay`), in ms. */
  capMs: number | undefined;
  /** `exact`: the wait is the server's Retry-After converted to ms; `derived`: computed from it. */
  retryAfter: 'exact' | 'derived' | undefined;
  /**
   * The delay is the server's Retry-After on one path and a fixed wait the code chose on another
   * (the fallback when the header is missing or too large): that path neither grows nor varies.
   * The rules judge it only for a retry that never stops (PRODUCT: the wait that is exactly the
   * server's is exempt; a bounded retry's fallback is a few waits).
   */
  fixedFallback?: boolean;
  /** Part of the delay could not be resolved (a parameter without default, a call to an unknown function). */
  opaque: boolean;
  /**
   * The delay is the same on every attempt even if its number is unknown: it is held in a
   * parameter, field or option that nothing in the retry writes, and reads no attempt counter,
   * error, response, clock or random source. Computed, never assumed from "opaque".
   */
  invariant?: boolean;
  /**
   * The delay is drawn afresh on every attempt from the same range: a random component over values
   * that are invariant in the sense above (`pauseMs + Math.random() * 100`, `base * Math.random()`
   * with `base` a parameter nothing writes). It does not grow, though each draw differs.
   */
  steady?: boolean;
  /**
   * The delay has no random source even though its number is unknown: a library's delay function
   * computes it from literals, constants and its retry-context parameter (`ctx.elapsedMilliseconds`)
   * with arithmetic and Math's deterministic functions. Computed, never assumed from "opaque";
   * lets `require-jitter` judge it (PRODUCT: any wait without randomness).
   */
  deterministic?: boolean;
  /** The delay expression as written, named by messages when its number is unknown. */
  expression?: Node;
  /**
   * The delay is a value read from the failure the retry caught (a delay the server sent in the
   * error's body or fields: `retry after 7` in a message, `parameters.retry_after`), not one the
   * code chose.
   */
  fromFailure?: boolean;
  /**
   * The wait was recognised by its name only (a helper from another module, `utils.sleep(3)`): its
   * numbers assume milliseconds, which the helper's code does not confirm. Holds the wait call, which
   * messages name instead of a number.
   */
  unitAssumed?: Node;
  /** The delay is an option's fallback (`config.retryDelay || 1`): its number holds only when the option is not set; messages name the expression. */
  defaulted?: Node;
  /**
   * `maxMs` holds only while options the code does not show are left at their fallbacks (`maxDelay =
   * cfg.waitMax || 30` under a growing wait): messages say "by default" after the number.
   */
  byDefault?: boolean;
  /**
   * The wait is fixed where it is written, but the retry picks it by the attempt count among the
   * waits of other branches (`attempts < 10 ? 1 s : attempts < 20 ? 2 s : …` written as an `if`
   * chain), so `growing` is set and `maxMs` is this step's wait, not the largest.
   */
  tiered?: boolean;
}

/** One wait between attempts. */
export interface Wait {
  /** The wait call (`sleep(ms)`, `setTimeout(cb, ms)`) or, for a library, its option or call. */
  node: Node;
  /** The delay expression as written (the argument); undefined for libraries and argument-less waits. */
  argument: TSESTree.Expression | undefined;
  delay: DelayFacts;
  /**
   * Where `require-jitter` and `require-backoff` report this wait, when not `node`: the timer a
   * promise wrapper waits for (`new Promise((r) => setTimeout(r, ms))` over several lines).
   */
  at?: Node;
  /**
   * The wait is taken on every attempt of a hand-written retry, whatever the outcome (it is on no
   * branch of the retried code: `await sleep(stagger)` at the top of the function): an attempt
   * waits for it and for the site's other waits, one after the other.
   */
  everyAttempt?: boolean;
  /**
   * The wait is a repeating timer (`setInterval(fn, ms)`): its delay is read once, when the timer is
   * armed, and every tick waits that same time. An edit to the delay expression cannot make the
   * waits differ from one attempt to the next.
   */
  repeating?: boolean;
}

/** The attempt limit of a site. */
export interface AttemptBound {
  /** `bounded`: an attempt counter or a deadline stops it; `unbounded`: nothing does; `unknown`: cannot tell. */
  kind: 'bounded' | 'unbounded' | 'unknown';
  /** The largest number of attempts, when known (a literal, a const, a default parameter). */
  maxAttempts: number | undefined;
  /** Where `no-unbounded-retry` reports (loop head, recursive call, replay, library option). */
  node: Node;
  /**
   * For a library left at an endless default: the option not set and what it defaults to, as a
   * message names it (`` `reconnectionAttempts` is not set (default Infinity) ``).
   */
  defaultSetting?: string;
}

/** A request retried by the site whose method is not idempotent (RFC 9110 §9.2.2), or a similar operation. */
export interface NonIdempotentRequest {
  /** The request call, or its method option. */
  node: Node;
  /** Upper-case HTTP method, or a description (`GraphQL mutation`, `create`). */
  method: string;
  /** `none`: no key; `per-attempt`: a key is created anew inside the retried operation. */
  key: 'none' | 'per-attempt';
  /** The key's creation, when `key` is `per-attempt`. */
  keyNode: Node | undefined;
  /** When the method is one of several the code allows (a literal-union type, a default, callers' arguments): all of them. */
  possibleMethods?: string[];
  /**
   * `condition`: `node` is the retry condition that lets this request be retried (the request is elsewhere, or there are several);
   * `option`: `node` is a library option that retries every operation of a kind (a client's default `retry` for all mutations).
   */
  reportedAt?: 'condition' | 'option';
  /** For a request made with a known HTTP client: which argument of the call takes its options (headers go there). */
  optionsIndex?: number;
}

/** A retry of failures that cannot succeed on retry (4xx), or of every failure of an HTTP call. */
export interface ClientErrorRetry {
  /** The retry condition, catch clause or status check. */
  node: Node;
  /** `non-ok`: any non-2xx status is retried; `catch-all`: every error of a client that throws on 4xx; `condition`: a condition that retries everything or 4xx. */
  reason: 'non-ok' | 'catch-all' | 'condition' | 'client-status';
}

/** A place that runs an operation again after it failed. */
export interface RetrySite {
  kind: SiteKind;
  /** The anchor: loop statement, recursive call, replay call, or library call. */
  node: Node;
  /** The library's package name for `library` sites. */
  library?: string;
  /**
   * Who keeps the wait between attempts when it is not a timer of this process: `'store'` for a
   * job queue that holds the delayed job in its store until its time (BullMQ and Bull keep it in a
   * Redis sorted set), so Node's 32-bit timer limit does not apply. Undefined: a timer (setTimeout).
   */
  waitsKeptBy?: 'store';
  bound: AttemptBound;
  /** The waits between attempts. Empty when the retry does not wait. */
  waits: Wait[];
  /**
   * Where `require-backoff` reports a retry that waits nothing; undefined when it waits or waiting
   * is not expected. With `waits` not empty: a failure path that skips them (a `continue` before
   * the wait, or the loop head).
   */
  noWait: Node | undefined;
  /** Retried non-idempotent requests without a stable idempotency key. */
  nonIdempotent: NonIdempotentRequest[];
  /** Explicit handling of 429 / 503 (a status check or status list). */
  rateLimitChecks: Node[];
  /** The site (or its library) reads or honours `Retry-After`. */
  honoursRetryAfter: boolean;
  /** Retries of client errors or unclassified failures of HTTP calls. */
  clientErrorRetries: ClientErrorRetry[];
  /**
   * For a library site that runs a function again (p-retry, async-retry, …): the function as
   * passed (possibly a parameter, for wrappers, S4) and whether the site tells failures apart
   * (a condition option, or a test, `throw` or `bail` inside the function).
   */
  retried?: { fn: Node; classified: boolean };
  /**
   * For a recursion: the function that runs again. A cycle through several functions (`connect` →
   * close handler → timer → `reconnect()` → `connect()`) is found from each of them, as sites that
   * share their waits.
   */
  rerun?: Node;
  /** Safe edits a library adapter offers, keyed by the rule id they answer. */
  suggestions?: Partial<Record<RuleId, LibrarySuggestion[]>>;
  /**
   * What the site is for, when the analysis knows: `backoff-retry` (runs a failed operation again
   * after a transient failure), `once-only-replay` (re-sends it once), `refresh-replay` (renews a
   * credential after 401/403 and re-sends; PRODUCT judges it by `no-unbounded-retry` alone).
   * Undefined: a backoff retry.
   */
  purpose?: SitePurpose;
  /**
   * The HTTP statuses after which the retry runs, when only some do (`status === 429`, `status !== 401`
   * then leave); undefined when every failure, or a set the analysis cannot tell, is retried.
   */
  retriedStatuses?: number[];
  /**
   * A recursive retry whose call that starts the next attempt leaves out the parameter its wait
   * reads (`await sleep(delayMs); return fetchPlus(url, retries - 1)` with `delayMs` no default):
   * from the second retry on the wait is `undefined`, so the attempts run at once. The call and the
   * parameter's name.
   */
  delayDropped?: { call: Node; parameter: string };
  /**
   * The retried operation asks again until a not-yet answer changes (it throws "No token found
   * yet" on a successful answer without the result): polling, success path included (PRODUCT,
   * "Retry or not"). Such a site is not a retry and is dropped before the rules see it.
   */
  polls?: boolean;
}

/** What a retry site is for (see {@link RetrySite.purpose}). */
export type SitePurpose = 'backoff-retry' | 'once-only-replay' | 'refresh-replay';

/** The ids of this plugin's rules. */
export type RuleId =
  | 'require-jitter'
  | 'require-backoff'
  | 'require-max-delay'
  | 'no-unbounded-retry'
  | 'require-idempotency-key'
  | 'respect-retry-after'
  | 'no-retry-on-client-error';

/** A text edit a library adapter proposes (`randomize: true`, `maxDelay`, …), as ESLint suggestion input. */
export interface LibrarySuggestion {
  /** Human description used as the suggestion message (imperative, no trailing period). */
  description: string;
  /** Range in the source text to replace, [start, end) offsets. */
  range: [number, number];
  text: string;
  /** Further edits the change needs elsewhere in the file (a name added to an import), applied with it. */
  also?: Array<{ range: [number, number]; text: string }>;
}
