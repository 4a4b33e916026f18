/**
 * The one place for the names the analysis uses as hints: wait helpers, attempt counters,
 * deadlines, token refreshes, Retry-After headers, random and clamp helpers.
 *
 * Names assist; data flow decides. Each list is used only where the code it names cannot be
 * seen (an imported helper, a member of an unknown object) or to raise confidence in a shape
 * that data flow already found. Project-specific names come from `settings.retry`
 * (`sleepFunctions`), never from here.
 */

/**
 * Common names of wait helpers whose first argument is the delay in ms (`sleep`, `delay`,
 * `wait`, `pause`, `waitMs`, …). `timeout` counts only as a one-argument call that is awaited;
 * see `waits.ts`.
 */
export const WAIT_NAME_RE = /^(sleep|delay|wait|pause|nap|hold|snooze|rest|timeout|setTimeoutAsync|setTimeoutPromise|promiseTimeout)(Ms|For|Async|Millis)?$|sleep|delay|pause|snooze|^wait(?!For|Until|ForElement)[A-Z]/i;

/** Names of helpers that wait a delay they compute themselves (the delay is unknown, but they wait). */
export const OPAQUE_WAIT_RE = /^(backoff|backOff|waitBackoff|backoffDelay|exponentialBackoff|jitteredBackoff|sleepWithBackoff|waitForRetry|waitBeforeRetry|retryDelay)$/i;

/**
 * Library and runtime exports documented to return a promise that resolves after the time given
 * in their arguments (ms): the `delay` package's default export (`delay(ms)`) and its
 * `rangeDelay(min, max)` (older `delay.range`), which waits a random time between the two;
 * `sleep-promise`'s export; Bun's `sleep` from `bun`. Recognised by the module they come from,
 * whatever the local name.
 */
export const LIBRARY_WAITS: readonly { module: string; export: string; range?: true }[] = [
  { module: 'delay', export: 'default' },
  { module: 'delay', export: 'delay' },
  { module: 'delay', export: 'rangeDelay', range: true },
  { module: 'delay', export: 'range', range: true },
  { module: 'sleep-promise', export: 'default' },
  { module: 'bun', export: 'sleep' },
];

/**
 * Methods documented to wait the ms given as their first argument on the objects that have them:
 * Puppeteer's and Playwright's `page.waitForTimeout(ms)` / `frame.waitForTimeout(ms)`. The
 * receiver is usually a parameter whose type is not written, so the method is the API.
 */
export const WAIT_METHODS: ReadonlySet<string> = new Set(['waitForTimeout']);

/** Runtime globals with a wait method taking ms: Bun's `Bun.sleep(ms)`. */
export const RUNTIME_WAITS: readonly { global: string; method: string }[] = [{ global: 'Bun', method: 'sleep' }];

/** Modules whose `setTimeout` / `scheduler.wait` exports return a promise that waits. */
export const TIMER_PROMISE_MODULES: readonly string[] = ['timers/promises', 'node:timers/promises'];

/** Packages whose `delay` / `timeout` exports are not plain waits (rxjs operators, promise timeouts). */
export function isNotAWaitModule(module: string): boolean {
  return module === 'rxjs' || module === 'rxjs/operators' || module === 'p-timeout' || module.startsWith('@reduxjs');
}

/**
 * Names of attempt counters (`attempt`, `retryCount`, `__retryCount`, `tries`, `retriesLeft`). A
 * name that starts with `max`, `min`, `limit` or `total` names a limit (`maxFailureCount`,
 * `maxAttempts`), not a counter.
 */
export const ATTEMPT_NAME_RE = /^(?!_*(max|min|limit|total))(?:_*(n|retry|retries|tries)$|.*(attempts?(Count|Number|No|Index|Left|Remaining)?|retr(y|ies)(Count|Number|No|Index|Left|Remaining)|tryCount|failures?Count)$|(num|n)Retries$|_*failures$|(tries|retries)(Left|Remaining)$)/i;

/**
 * Header and property names that carry a server-chosen delay (Retry-After and rate-limit resets),
 * in any unit spelling: `retryAfterMs`, the non-standard `retry-after-ms` header some APIs send,
 * `x-ratelimit-reset-ms`, and the `X-`-prefixed `x-retry-after`.
 */
/**
 * Headers that carry a rate limit's state (`x-ratelimit-remaining`, `x-rate-limit-reset`, `ratelimit-limit`,
 * `retry-after`; GitHub, Twitter and the IETF RateLimit header fields draft): a 4xx tested beside one
 * (`status === 403 && remaining === '0'`) is the server's rate-limit refusal, not a client error.
 */
export const RATE_LIMIT_HEADER_RE = /^(x-)?(rate-?limit|ratelimit)-(remaining|reset|limit|used)(-after)?$|^(x-)?retry-after$/i;
/**
 * Modules that run another process (Node's `child_process`, execa, cross-spawn, zx and Expo's spawn
 * wrappers): what such a call answers is a process's outcome (exit code, output), never an HTTP response.
 */
export const PROCESS_MODULE_RE = /^(node:)?child_process$|^execa$|^cross-spawn$|^zx$|(^|\/)(spawn-async|turtle-spawn)$|^@expo\/spawn-async$/;
/** File-system removals: `fs.unlink(Sync)`, `rm(Sync)`, `rmdir(Sync)`, fs-extra's `remove`, `rimraf`, `del`. */
export const FS_REMOVE_RE = /^(unlink|unlinkSync|rm|rmSync|rmdir|rmdirSync|remove|removeSync|rimraf|rimrafSync|del|deleteSync)$/;
/** File-system modules: Node's `fs` and `fs/promises`, and the drop-in `fs-extra` and `graceful-fs`. */
export const FS_MODULE_RE = /^(node:)?fs(\/promises)?$|^fs-extra$|^graceful-fs$/;
/** File-system calls that only read: a file's bytes, its metadata, a folder's entries. */
export const FS_READ_RE = /^(readFile|readFileSync|readJson|readJSON|readJsonSync|stat|statSync|lstat|access|accessSync|exists|existsSync|pathExists|readdir|readdirSync)$/;
export const RETRY_AFTER_RE = /^((x[-_])?retry[-_]?after([-_]?(ms|millis|seconds|secs?|s))?|x-ratelimit-reset(-after)?([-_]?ms)?|ratelimit-reset|x-rate-limit-reset)$/i;

/** Names of helpers that return a random number (`random`, `randomBetween`, `jitter`). */
export const RANDOM_CALL_RE = /random|jitter/i;

/** Names of clamp helpers: `clamp(x, lo, hi)`, `cap(x, max)`. */
export const CLAMP_RE = /^(clamp|cap|capped|limit|bound|bounded|clampDelay|capDelay)$/i;

/** Names that suggest a deadline or time budget (`deadline`, `timeLeft`). A hint only: a deadline compares the clock or checks a signal that times out. */
export const DEADLINE_RE = /deadline|timeout|expire|elapsed|giveUp|until|budget|remaining|timeLeft|stopAt|endAt|maxTime|maxDuration/i;

/** Names of calls that refresh credentials before a replay (`refreshToken`, `reauth`, `login`). */
export const REFRESH_RE = /refresh|reauth|re_?login|renew|login|authenticate|getToken|fetchToken|newToken/i;

/** Names of an error value handed to a callback or kept from an attempt (`if (err)`, `error != null`). */
/**
 * Collection utility modules (lodash and its per-method packages, underscore, ramda, remeda,
 * es-toolkit): their callbacks receive the collection's values, never an error first.
 */
export const COLLECTION_MODULE_RE = /^(lodash(-es)?|lodash[./][\w.-]+|underscore|ramda|remeda|es-toolkit(\/[\w-]+)?)$/;

export const ERROR_NAME = /^(err|error|e|ex|exception|failure|connectError|lastError)$/i;

/** Names of predicates that say whether to retry (`shouldRetry(res)`, `isRetryable(err)`): they say yes only to failures. */
export const PREDICATE_RE = /^(should_?retry|is_?retr(y|i)able|isTransient|canRetry|retryable|isRecoverable|isTemporary)/i;

/**
 * Names of calls that classify a failure either way (`isRetryable`, `isClientError`, `isFatal`):
 * a test on one tells transient failures from permanent ones. Wider than {@link PREDICATE_RE},
 * whose names answer "retry?" only.
 */
export const CLASSIFIER_RE = /retr(y|i)able|transient|should_?retry|isServer|isNetwork|isTimeout|isRateLimit|isTemporary|temporary|recoverable|isClientError|isFatal|permanent/i;

/** Events that report a failed or lost connection. */
export const FAILURE_EVENTS: ReadonlySet<string> = new Set(['close', 'error', 'disconnect', 'timeout', 'connect_error', 'reconnect_failed', 'offline']);

/**
 * Whether an event name reports a failure or a lost connection (`close`, `error`, `disconnected`,
 * `polling_error`, `failed`, `sync:failure`, `did-fail-load`, kafkajs' `crash`), also when its words are written in
 * camel or Pascal case (obs-websocket-js `ConnectionClosed`, `ConnectionError`, `socketClosed`;
 * Lavalink clients' `nodeError`, discord.js `shardError`).
 */
export function isFailureEvent(evt: string): boolean {
  if (FAILURE_EVENTS.has(evt) || /(^|[_:.-])(error|fail|failed|failure|crash|crashed)([_:.-]|$)|disconnect/i.test(evt)) return true;
  // `ConnectionClosed` → connection, closed: a connection's (or socket's, link's) close or error.
  const words = evt.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().split(/[\s_:.-]+/);
  return words.length > 1 && words.some((w) => /^(connection|socket|link|session|stream|transport|channel|ws|node|shard|peer|broker)$/.test(w)) && words.some((w) => /^(close|closed|error|errored|lost|dropped|failed)$/.test(w));
}

/**
 * Error codes of a unique-constraint violation: Prisma `P2002`, PostgreSQL SQLSTATE `23505`
 * (unique_violation), MySQL `ER_DUP_ENTRY` (1062), SQLite `SQLITE_CONSTRAINT_UNIQUE`, MongoDB
 * duplicate key 11000.
 */
export const UNIQUE_VIOLATION_CODES: ReadonlySet<string> = new Set(['P2002', '23505', 'ER_DUP_ENTRY', '1062', 'SQLITE_CONSTRAINT_UNIQUE', '11000']);

/**
 * Names of a unique-constraint violation's class, code constant or predicate (`UniqueConstraintError`,
 * `UNIQUE_VIOLATION`, `isDuplicateKeyError`), and its message text (MongoDB's `E11000 duplicate key
 * error`, `duplicate key value violates unique constraint`).
 */
export const UNIQUE_VIOLATION_RE = /unique[_\s]?(constraint|violation|key)|duplicate[_\s]?(key|entry)|dup_?entry|\bE11000\b/i;

/**
 * Names of an optimistic-concurrency conflict's class or predicate: the store refused a write made
 * against a version someone else changed first (`CasConflictError`, mongoose's `VersionError`,
 * `OptimisticLockError`, `StaleObjectError`, a `Concurrent…Error` class such as `ConcurrentRefreshError`,
 * DynamoDB's `ConditionalCheckFailedException` for a write conditioned on the version read, a wiki's
 * `editconflict` when someone saved the page after it was read).
 * The writer re-reads and applies
 * its change again to the new version: another input, like a unique value picked again. A
 * transaction that failed on a write conflict or deadlock (Prisma `P2034`) is run again as it was: a retry.
 */
export const OPTIMISTIC_CONFLICT_RE = /cas_?conflict|conditional_?check_?fail|condition_?(check_?)?fail(ed|ure)?|optimistic_?(lock|concurrency)|stale_?(object|state|version|write)|edit_?conflict|^VersionError$|version_?(mismatch|conflict)|concurrent_?modification|^Concurrent\w*(Error|Conflict|Exception)$/i;

/**
 * Methods that take a callback off an emitter or a timer rather than register or run it
 * (Node's `EventEmitter.off` / `removeListener`, the DOM's `removeEventListener`, jQuery-style
 * `unbind`/`unsubscribe`): handing a function to one of them never runs it.
 */
export const UNREGISTER_METHODS: ReadonlySet<string> = new Set(['off', 'removeListener', 'removeEventListener', 'removeAllListeners', 'unbind', 'unsubscribe', 'unlisten', 'unwatch', 'detach']);

/** Events that say the peer ended the stream in order (a FIN after the data, a finished write side), not that it was lost. */
export const CLEAN_END_EVENTS: ReadonlySet<string> = new Set(['end', 'finish']);

/**
 * Calls and constructors that open a session the code means to keep open (`net.createConnection`,
 * `mqtt.connect`, `new Client(cfg)` of a database driver, `new WebSocket(url)`, `createBot(opts)` of a
 * game or chat bot). On such an emitter `end` reports the session lost, like `close`; on a data
 * stream (`fs.createReadStream`, a response body) `end` is the orderly end of the data.
 */
export const SESSION_MAKER_RE = /connect|client|socket|bot$|^(create)?bot|session|channel|peer/i;

/**
 * Events a person causes (a click, a key, a form submitted; a touch screen's press or tap): code run from their listeners runs
 * when the user acts again, never by itself.
 */
export const USER_EVENTS: ReadonlySet<string> = new Set(['click', 'dblclick', 'contextmenu', 'submit', 'change', 'input', 'keydown', 'keyup', 'keypress', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'touchstart', 'touchend', 'press', 'longpress', 'tap']);

/** Names of callback options that report a failure (`onFailure`, `error`, `onClose`, `onTimeout`). */
export const FAILURE_CALLBACK_RE = /fail|err(or)?s?$|^err|close|disconnect|lost|timeout|reject|abort/i;

/**
 * Disconnect reasons that say the connection was ended on purpose, not lost: socket.io's
 * 'io server disconnect' (the server called `disconnect()`) and 'io client disconnect'. The client
 * reconnects by itself, with its own backoff, after every other reason; a hand reconnect taken only
 * for these is the documented restart of a session that worked, not a retry of a failure.
 */
export const DELIBERATE_CLOSE_REASONS: ReadonlySet<string> = new Set(['io server disconnect', 'io client disconnect']);

/** Global objects whose `setTimeout` is the timer (`window.setTimeout`, `globalThis.setTimeout`). */
export const GLOBAL_OBJECTS: readonly string[] = ['window', 'globalThis', 'global', 'self'];

/** Names of a promise executor's settle functions are irrelevant: position decides (first resolves, second rejects). */
export const EXECUTOR_RESOLVE_INDEX = 0;
/** See {@link EXECUTOR_RESOLVE_INDEX}. */
export const EXECUTOR_REJECT_INDEX = 1;

/**
 * Retry-After itself (a header, or the field a JSON body carries it in: Discord's and Telegram's
 * `retry_after`), without the rate-limit reset headers that come with every answer. A server sends
 * it with a refusal (429, RFC 6585 §4; 503, RFC 9110 §10.2.3), never with a success.
 */
export const REFUSAL_WAIT_RE = /^retry[-_]?after([-_]?(ms|millis|seconds|secs?|s))?$/i;

/** Whether a name or string literal names Retry-After (or a rate-limit reset header). */
export function isRetryAfterName(name: string | undefined): boolean {
  return name !== undefined && RETRY_AFTER_RE.test(name);
}

/**
 * AWS SDK v3 commands that only list or describe what a service holds (`ListTablesCommand`,
 * `DescribeClusterCommand`, `HeadBucketCommand`, STS `GetCallerIdentityCommand`): sent with their
 * answer dropped, they ask whether the service answers (a readiness probe).
 */
export const LOOKUP_COMMAND_RE = /^(List|Describe|Head)[A-Z]\w*Command$|^GetCallerIdentityCommand$/;

/** Calls that only check that something answers or is there (a readiness probe) when their result is dropped. */
/**
 * The path of a health, status or readiness endpoint (`/health`, `/status` of Appium or Selenium, `/healthz`, `/readyz`, `/ping`): a request
 * to it asks whether the dependency is up, and does nothing else.
 */
export const HEALTH_PATH_RE = /\/(health|status|healthz|healthcheck|health-check|ready|readyz|readiness|livez|liveness|ping|_health|_ping)\/?(\?.*)?$/i;

export const PROBE_CALL_RE = /^(ping|exists|stat|access|healthCheck|healthcheck|checkHealth)$/;

/**
 * MongoDB diagnostic commands that only ask whether and how the server answers (`db.command({ ping: 1 })`,
 * `{ hello: 1 }`, the legacy `{ isMaster: 1 }`; MongoDB manual, "Database Commands", diagnostic and
 * replication commands).
 */
export const MONGO_PROBE_COMMAND_RE = /^(ping|hello|isMaster|ismaster|buildInfo|replSetGetStatus)$/;

/**
 * Sequelize's connection test, `sequelize.authenticate()`: it runs `SELECT 1+1` on the pool the
 * client already has and keeps nothing. Called with no input only: `session.authenticate(key)` is
 * a log-in.
 */
export const CONNECTION_TEST_RE = /^authenticate$/;

/**
 * Command lines that only ask whether a service is up (run through `exec`, `execa`, zx, a promisified
 * `exec`): `docker ps`/`info`/`version`, `pg_isready`, `mysqladmin ping`, `redis-cli ping`,
 * `systemctl is-active`, `nc -z`, `kubectl get`/`rollout status`, and any tool's bare asking
 * subcommand (`cvdr list`, `supervisorctl status`, `tailscale ping`). Their output dropped, running one
 * until it succeeds waits for readiness (PRODUCT, "Retry or not").
 */
export const STATUS_COMMAND_RE = /^\s*(?:sudo\s+)?(?:(?:docker|podman)(?:\s+-\S+(?:\s+\S+)?)*\s+(?:ps|info|version|inspect|stats\s+--no-stream)\b|docker-compose\s+ps\b|pg_isready\b|mysqladmin\b.*\bping\b|redis-cli\b.*\bping\b|systemctl\s+is-(?:active|system-running)\b|nc\s+-z\b|kubectl\s+(?:get|rollout\s+status|cluster-info)\b|[\w./-]+\s+(?:list|ls|ps|status|info|version|ping|health|healthcheck)\s*$)/;

/**
 * Names of calls that only ask (`getStatus`, `getWhoAmI`, `health`, `listTables`, `describeCluster`,
 * `checkConnection`): their answer is what they are for. Called with that answer dropped, such a call
 * only finds out whether the service answers (a readiness look, see probe.ts). A name that also
 * says it changes something (`getOrCreate`, `getAndCacheConfig`, `getNextJob`, `checkIn`) is work.
 */
export const ASKING_CALL_RE = /^(?:get|list|describe|check|health|status|whoami|whoAmI|version|info)(?![a-z])/;
export const ASKING_EFFECT_WORD_RE = /And|Or(?![a-z])|Create|Update|Save|Set|Put|Post|Send|Delete|Remove|Insert|Write|Store|Cache|Sync|Refresh|Renew|Lock|Claim|Reserve|Register|Login|Token|Next|Lease|Ack|Pop|Take|Consume|Receive|Dequeue|In$|Out$/;

/** Calls named for what they read, beside the asking calls of {@link ASKING_CALL_RE}: `fetch…`, `find…`, `lookup…`, `read…` (`fetchPublishableKey`, `findOrderById`). */
export const READING_CALL_RE = /^(?:fetch|find|lookup|lookUp|read)[A-Z]/;

/** Calls that run a database statement given as their first argument (`pool.query(sql)`, `knex.raw(sql)`, Prisma `$queryRawUnsafe`). */
export const STATEMENT_CALL_RE = /^(\$?query|raw|execute|exec|\$?queryRaw(Unsafe)?)$/;

/** A statement that only reads (`SELECT 1`, `select now()`). */
export const READ_STATEMENT_RE = /^\s*(select|show)\b/i;

/**
 * Addresses of generation endpoints (OpenAI-compatible `/v1/completions`, `/v1/chat/completions`,
 * `/v1/embeddings`, `/v1/moderations`, Azure's `/openai/deployments/{name}/…`, Gemini's
 * `:generateContent` / `:embedContent`): the request computes output and stores nothing
 * (PRODUCT: an LLM completion or embedding request needs no idempotency key). A versioned or
 * deployment path is required, so `/tasks/{id}/completions` (a recorded completion) is not one; `/chat/completions`
 * (the OpenAI-compatible chat path, also behind a project's own proxy prefix) is one wherever it sits.
 */
export const GENERATION_ENDPOINT_RE = /(\/v\d+(beta\d*|alpha\d*)?|\/openai\/deployments\/[^/]+)\/(chat\/completions|completions|embeddings|moderations)$|\/chat\/completions$|:(generateContent|streamGenerateContent|embedContent|batchEmbedContents|countTokens)$/;

/**
 * Hosts of model providers' APIs (OpenAI, Anthropic, Gemini, Mistral, Groq, Cohere, DeepSeek,
 * Together, Perplexity, OpenRouter), whose POSTs generate output (completions, messages,
 * embeddings, images, speech) unless the path names one of the resources they store
 * ({@link MODEL_API_STORED_RE}). A request to such a host whose path is not written out
 * (`https://api.openai.com/v1/${endpoint}`) is judged a generation request.
 */
export const MODEL_API_HOST_RE = /^https?:\/\/(api\.openai\.com|api\.anthropic\.com|generativelanguage\.googleapis\.com|api\.mistral\.ai|api\.groq\.com|api\.cohere\.(ai|com)|api\.deepseek\.com|api\.together\.xyz|api\.perplexity\.ai|openrouter\.ai)(\/|$)/;

/** Resources a model provider's API stores when POSTed to (uploaded files, batch jobs, assistants, threads, fine-tuning jobs, vector stores, cached contents): they need a key like any creation. */
export const MODEL_API_STORED_RE = /\/(files|batches|assistants|threads|fine_tuning|fine-tunes|fine_tunes|vector_stores|uploads|organization|projects|cachedContents|tunedModels|corpora)(\/|$)/;

/**
 * Model providers' SDK packages: a `create` through one of their clients generates output
 * (`anthropic.messages.create`, `openai.images.generate`, `mistral.chat.complete`) and needs no key
 * (PRODUCT), unless it goes through a resource the provider stores ({@link MODEL_SDK_STORED}).
 */
export const MODEL_SDK_MODULES: ReadonlySet<string> = new Set(['openai', '@anthropic-ai/sdk', '@google/generative-ai', '@google/genai', '@mistralai/mistralai', 'groq-sdk', 'cohere-ai', 'together-ai', '@azure/openai', 'ollama']);

/** SDK resources that store what is created (files, batches, assistants, threads, fine-tuning jobs, vector stores, uploads). */
export const MODEL_SDK_STORED: ReadonlySet<string> = new Set(['files', 'batches', 'assistants', 'threads', 'fineTuning', 'fine_tuning', 'fineTunes', 'vectorStores', 'uploads', 'caches', 'tunedModels']);

/** Whether a request address (query and fragment dropped) is a generation request ({@link GENERATION_ENDPOINT_RE}, {@link MODEL_API_HOST_RE}). */
export function isGenerationAddress(address: string): boolean {
  const a = address.replace(/[?#].*$/, '');
  return GENERATION_ENDPOINT_RE.test(a) || (MODEL_API_HOST_RE.test(a) && !MODEL_API_STORED_RE.test(a));
}

/**
 * Names of bookkeeping a retry keeps between attempts rather than inputs of its operation: attempt
 * and retry counts, what is left, delays and timeouts (a value so named that is stepped is a count
 * or a growing wait, not the next candidate).
 */
export const BOOKKEEPING_NAME_RE = /attempt|retr|tries|count|left|remaining|delay|wait|backoff|timeout|ms$/i;

/**
 * Answers of an OAuth 2.0 device authorization poll that mean "not yet, ask again" (RFC 8628 §3.5:
 * `authorization_pending`, `slow_down`): the token request is re-sent while a person approves the
 * code on another device. A loop or call that goes round on them polls, it does not retry.
 */
export const PENDING_ANSWER_CODES: ReadonlySet<string> = new Set(['authorization_pending', 'slow_down']);

/**
 * An answer's text that says the work is not done yet (`'Request is still in progress'`, `'Unzip in progress'`, `'not
 * ready'`, `'PENDING'`, `'No token found yet'`): asking again until it is done is polling, like
 * the device-flow codes.
 */
export const PENDING_ANSWER_RE = /\b(still|is|are) (in progress|running|processing|pending|working)\b|\bnot (ready|finished|complete|completed|done) yet\b|^not (ready|finished|done)\b|\bnot yet (ready|available|finished|complete)\b|\b(no|not)\b[\w\s'-]{0,40}\byet\b|\bin progress\b|^(pending|processing|running|queued)$/i;

/** Modules exporting React's hooks (and Preact's copies of them). */
export const REACT_HOOK_MODULES: readonly string[] = ['react', 'preact/hooks', 'preact/compat'];

/** Hooks that run their callback again whenever a value in their dependency array changes. */
export const EFFECT_HOOKS: readonly string[] = ['useEffect', 'useLayoutEffect', 'useInsertionEffect'];

/** Hooks that return the function they are given (memoised while its dependencies are unchanged). */
export const CALLBACK_HOOKS: readonly string[] = ['useCallback'];

/** Hooks that return a mutable cell read and written as `.current` (react.dev: `useRef`). */
export const REF_HOOKS: readonly string[] = ['useRef'];

/**
 * A state reported by name that means the operation failed: `error`, `failed`, `CHANNEL_ERROR`,
 * `TIMED_OUT`, `job-failed`, `errored` (a subscription's, a job's or a connection's status value).
 */
export const FAILURE_STATE_RE = /^(?:[\w-]*[_\s-])?(?:error|errored|fail|failed|failure|timed[_\s-]?out|timeout)$/i;

/**
 * A connection state reported by name that means the connection was lost: `close`, `closed`,
 * `disconnected`, `lost` (Baileys' `connection.update` with `connection === 'close'`, @discordjs/voice
 * `VoiceConnectionStatus.Disconnected`, a WebSocket wrapper's `'CLOSED'`). A re-connect on it is a
 * reconnect on close (PRODUCT, "Retry or not").
 */
export const LOST_CONNECTION_STATE_RE = /^(?:close|closed|disconnect|disconnected|lost|connection[_\s-]?lost|dropped)$/i;

/** Result members that hold the part of a batch that failed: `UnprocessedItems`, `UnprocessedKeys`, `FailedRecords`, `failedEntries`, `Failed`. */
export const FAILED_PART_RE = /^(unprocessed\w*|failed\w*|failures|rejected\w*|retryable\w*|throttled\w*)$/i;

/** Methods that undo or stop something rather than do the work (cleanup a handler makes on both paths, beside probe.ts' RELEASE_RE). */
export const CLEANUP_RE = /^(cancel|abort|stop|clear\w*|unsubscribe|remove\w*|delete|unlock|releaseLock|unpin|reset|off|finish|done|rollback)$/;

/**
 * Calls named for doing a piece of work (`sendEmail`, `connect`, `publishBatch`, `uploadPart`), as
 * opposed to asking about a state (`isDone`, `getStatus`): a yes or no such a call answers says
 * whether the work succeeded (`if (await provider.sendEmail(…)) return true`), not whether a
 * polled state is reached.
 */
export const ACTION_CALL_RE = /^(send|connect|reconnect|publish|upload|save|post|write|create|deliver|notify|push|sync|submit|register|login|signIn|insert|store|dispatch|emit|transfer|execute|flush|commit|import|export|charge|pay|place|enqueue|forward|relay|attempt|try)([A-Z_]|$)/;

/** A name that asks about a state although it opens with a verb of work (`importFinished`, `uploadDone`, `syncComplete`): not an {@link ACTION_CALL_RE} call. */
export const STATE_QUESTION_RE = /(Finished|Done|Complete|Completed|Ready|Exists|Available|Pending|Running|Status)$/;

/**
 * Names that carry a request's idempotency key besides the configured headers (default
 * `Idempotency-Key`): any name containing `idempot`, and the client-supplied ids a server
 * de-duplicates on: an order's client id (`clientOrderId`, Binance's `newClientOrderId`, Coinbase's
 * `client_oid`), AWS's `ClientToken` / `ClientRequestToken`, SQS FIFO's `MessageDeduplicationId`.
 * Not `clientId` (an OAuth client's id) nor `requestId` (a trace id the server does not de-duplicate on).
 */
export const KEY_NAME_RE = /idempot|^(new)?client_?order_?id$|^client_?oid$|^client_?(request_?)?token$|deduplication_?id$/i;

/** Whether an option, property or header name carries an idempotency key (`headers` are the configured key headers, compared without case). */
export function isIdempotencyKeyName(name: string, headers: readonly string[]): boolean {
  const lower = name.toLowerCase();
  return KEY_NAME_RE.test(name) || headers.some((h) => h.toLowerCase() === lower);
}

/**
 * SDK methods named for creating a persistent object on a server: an order (`createOrder`,
 * `placeOrder`, `submitOrder`, `createMarketOrder`), a payment and its kin (`createPayment`,
 * `createCharge`, `createInvoice`, `createRefund`, `createPayout`, `createTransfer`,
 * `createWithdrawal`, `createCheckoutSession`, `createCustomer`), or a room, ticket, issue, booking,
 * reservation or shipment. PRODUCT: "SDK calls that create persistent objects (payments, charges,
 * orders, messages sent) need a key". Local factories (`createHash`, `createClient`,
 * `createReadStream`, `createStore`) name no such object.
 */
export const CREATES_RECORD_RE = /^(?:(?:create|place|submit)(?:Market|Limit|Stop|StopLimit|Batch)?Orders?|create(?:Payment(?:Intent)?|Charge|Invoice|Refund|Payout|Transfer|Withdrawal|Customer|Checkout(?:Session)?|Room|Ticket|Issue|Booking|Reservation|Shipment)s?)$/;

/** An exchange client's trading verbs (`client.buy(opts, cb)`, `exchange.sell(…)`): each places an order, when the client comes from an installed package. */
export const TRADE_VERB_RE = /^(?:buy|sell|marketBuy|marketSell|limitBuy|limitSell)$/;
