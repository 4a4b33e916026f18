/**
 * The one place for what an HTTP status means to a retry. Every reader (hand-written retries,
 * interceptors, library options, the status-set evaluator, the rules) asks here.
 *
 * Sources:
 * - RFC 9110 §15.5: a 4xx is a client error; repeating the same request fails the same way,
 *   except 408 Request Timeout (§15.5.9: the client may repeat the request) and 421 Misdirected
 *   Request (§15.5.20: the client may retry over a different connection).
 * - RFC 8470 §5.2: 425 Too Early; the client may retry once the handshake completes.
 * - RFC 6585 §4: 429 Too Many Requests; the server may say when to come back (Retry-After).
 * - RFC 9110 §15.6: a 5xx is a server error, often transient (500, 502, 503 Service Unavailable,
 *   504); §10.2.3: Retry-After comes with 503 (and 429, RFC 6585 §4).
 */

/** The 4xx statuses a retry may reasonably include: 408 (RFC 9110 §15.5.9), 421 (RFC 9110 §15.5.20), 425 (RFC 8470), 429 (RFC 6585). */
export const RETRIABLE_4XX: ReadonlySet<number> = new Set([408, 421, 425, 429]);

/** The statuses a server sends Retry-After with: 429 (RFC 6585 §4) and 503 (RFC 9110 §15.6.4, §10.2.3). */
export const RETRY_AFTER_STATUSES: readonly number[] = [429, 503];

/**
 * Statuses with which the server refused a request without processing it, so that repeating a
 * non-idempotent request only after them cannot apply it twice: 429 (RFC 6585 §4: "the server is
 * refusing to service the request"). PRODUCT names only this one; a 401 or 403 may come from a proxy
 * in front of the server or after the work was done, and a token refresh and replay on 401 is
 * judged apart (by `no-unbounded-retry`).
 */
export const REFUSED_STATUSES: ReadonlySet<number> = new Set([429]);

/**
 * A status that says the resource is not there yet (404 Not Found, RFC 9110 §15.5.5): asking again
 * only for it, and stopping on every other answer, waits for the resource to appear (polling).
 */
export function awaitsExistence(code: number): boolean {
  return code === 404;
}

/** Whether a status is a server error (5xx, RFC 9110 §15.6). */
export function isServerErrorStatus(code: number): boolean {
  return code >= 500 && code < 600;
}

/**
 * Whether a status is a 4xx that cannot succeed on retry (RFC 9110 §15.5): any 4xx but
 * {@link RETRIABLE_4XX} and the statuses in `alsoAllowed` (a library that honours one more, such as
 * 413 with Retry-After in got and ky).
 */
export function isClientErrorStatus(code: number, alsoAllowed: readonly number[] = []): boolean {
  return code >= 400 && code < 500 && !RETRIABLE_4XX.has(code) && !alsoAllowed.includes(code);
}

/** Whether a status is worth retrying: a 5xx or one of {@link RETRIABLE_4XX}. */
export function isRetriableStatus(code: number): boolean {
  return isServerErrorStatus(code) || RETRIABLE_4XX.has(code);
}

/** Whether a status is one Retry-After comes with (429, 503: {@link RETRY_AFTER_STATUSES}). */
export function isRetryAfterStatus(code: number): boolean {
  return RETRY_AFTER_STATUSES.includes(code);
}

/**
 * Status codes by their standard names (RFC 9110 §15, RFC 6585, RFC 8470), as the common constant
 * tables spell them once underscores and case are dropped: http-status-codes' and NestJS's
 * `TOO_MANY_REQUESTS`, axios' and Angular's `HttpStatusCode.TooManyRequests`, Node's
 * `http2.constants.HTTP_STATUS_TOO_MANY_REQUESTS`.
 */
const STATUS_BY_NAME: ReadonlyMap<string, number> = new Map([
  ['ok', 200], ['created', 201], ['accepted', 202], ['nocontent', 204],
  ['badrequest', 400], ['unauthorized', 401], ['paymentrequired', 402], ['forbidden', 403], ['notfound', 404],
  ['methodnotallowed', 405], ['notacceptable', 406], ['requesttimeout', 408], ['conflict', 409], ['gone', 410],
  ['preconditionfailed', 412], ['payloadtoolarge', 413], ['requesttoolong', 413], ['contenttoolarge', 413],
  ['unprocessableentity', 422], ['unprocessablecontent', 422], ['locked', 423], ['tooearly', 425],
  ['toomanyrequests', 429], ['proxyauthenticationrequired', 407], ['lengthrequired', 411], ['requestentitytoolarge', 413],
  ['uritoolong', 414], ['requesturitoolong', 414], ['unsupportedmediatype', 415], ['rangenotsatisfiable', 416],
  ['requestedrangenotsatisfiable', 416], ['expectationfailed', 417], ['imateapot', 418], ['misdirectedrequest', 421],
  ['faileddependency', 424], ['upgraderequired', 426], ['preconditionrequired', 428], ['requestheaderfieldstoolarge', 431],
  ['unavailableforlegalreasons', 451], ['httpversionnotsupported', 505],
  ['internalservererror', 500], ['notimplemented', 501], ['badgateway', 502], ['serviceunavailable', 503], ['gatewaytimeout', 504],
]);

/**
 * The status a standard constant name stands for (`TOO_MANY_REQUESTS`, `TooManyRequests`,
 * `HTTP_STATUS_BAD_GATEWAY`, status-code-enum's `ClientErrorNotFound`), if any.
 */
export function statusByName(name: string): number | undefined {
  const key = name.replace(/^HTTP_STATUS_/, '').replace(/_/g, '').toLowerCase();
  return STATUS_BY_NAME.get(key) ?? STATUS_BY_NAME.get(key.replace(/^(http|status)?(clienterror|servererror|success|redirect|informational)/, ''));
}
