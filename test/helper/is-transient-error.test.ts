import assert from 'node:assert/strict';
import { isRetryableStatus, isTransientError } from '../../snippets/retry-with-backoff';

const withCode = (code: string): Error => Object.assign(new Error(code), { code });

describe('isRetryableStatus', () => {
  it('retries 408 Request Timeout', () => assert.equal(isRetryableStatus(408), true));
  it('retries 429 Too Many Requests', () => assert.equal(isRetryableStatus(429), true));
  it('retries 500 Internal Server Error', () => assert.equal(isRetryableStatus(500), true));
  it('retries 502 Bad Gateway', () => assert.equal(isRetryableStatus(502), true));
  it('retries 503 Service Unavailable', () => assert.equal(isRetryableStatus(503), true));
  it('retries 504 Gateway Timeout', () => assert.equal(isRetryableStatus(504), true));
  it('does not retry 200 OK', () => assert.equal(isRetryableStatus(200), false));
  it('does not retry 301 Moved Permanently', () => assert.equal(isRetryableStatus(301), false));
  it('does not retry 400 Bad Request', () => assert.equal(isRetryableStatus(400), false));
  it('does not retry 401 Unauthorized', () => assert.equal(isRetryableStatus(401), false));
  it('does not retry 403 Forbidden', () => assert.equal(isRetryableStatus(403), false));
  it('does not retry 404 Not Found', () => assert.equal(isRetryableStatus(404), false));
  it('does not retry 409 Conflict', () => assert.equal(isRetryableStatus(409), false));
  it('does not retry 422 Unprocessable Content', () => assert.equal(isRetryableStatus(422), false));
  it('does not retry 501 Not Implemented', () => assert.equal(isRetryableStatus(501), false));
  it('does not retry 505 HTTP Version Not Supported', () => assert.equal(isRetryableStatus(505), false));
  it('does not retry a status given as a string', () => assert.equal(isRetryableStatus('503' as never), false));
});

describe('isTransientError (the default shouldRetry)', () => {
  describe('HTTP errors', () => {
    it('retries an error with status 503', () => {
      assert.equal(isTransientError(Object.assign(new Error(), { status: 503 })), true);
    });

    it('retries an error with statusCode 429 (Node http, got)', () => {
      assert.equal(isTransientError(Object.assign(new Error(), { statusCode: 429 })), true);
    });

    it('retries an axios error whose response.status is 502', () => {
      assert.equal(isTransientError(Object.assign(new Error(), { response: { status: 502 } })), true);
    });

    it('retries a got error whose response.statusCode is 504', () => {
      assert.equal(isTransientError(Object.assign(new Error(), { response: { statusCode: 504 } })), true);
    });

    it('does not retry an error with status 404', () => {
      assert.equal(isTransientError(Object.assign(new Error(), { status: 404 })), false);
    });

    it('does not retry a 400 even when the error also has a network code', () => {
      assert.equal(isTransientError(Object.assign(new Error(), { status: 400, code: 'ECONNRESET' })), false);
    });
  });

  describe('network errors', () => {
    it('retries ECONNRESET (connection reset)', () => assert.equal(isTransientError(withCode('ECONNRESET')), true));
    it('retries ECONNREFUSED (connection refused)', () => assert.equal(isTransientError(withCode('ECONNREFUSED')), true));
    it('retries ETIMEDOUT (timeout)', () => assert.equal(isTransientError(withCode('ETIMEDOUT')), true));
    it('retries EAI_AGAIN (DNS temporary failure)', () => assert.equal(isTransientError(withCode('EAI_AGAIN')), true));
    it('retries EPIPE (broken pipe)', () => assert.equal(isTransientError(withCode('EPIPE')), true));
    it('retries ENETUNREACH (network unreachable)', () => assert.equal(isTransientError(withCode('ENETUNREACH')), true));
    it('retries an undici socket error', () => assert.equal(isTransientError(withCode('UND_ERR_SOCKET')), true));
    it('retries an axios timeout (ECONNABORTED)', () => assert.equal(isTransientError(withCode('ECONNABORTED')), true));
    it('does not retry ENOTFOUND (the host does not exist)', () => assert.equal(isTransientError(withCode('ENOTFOUND')), false));
    it('does not retry EACCES', () => assert.equal(isTransientError(withCode('EACCES')), false));

    it("retries Node's fetch TypeError whose cause is a reset connection", () => {
      const error = new TypeError('fetch failed', { cause: withCode('ECONNRESET') });
      assert.equal(isTransientError(error), true);
    });

    it("retries Node's fetch TypeError with any cause", () => {
      assert.equal(isTransientError(new TypeError('fetch failed')), true);
    });

    it("retries Chromium's fetch TypeError", () => assert.equal(isTransientError(new TypeError('Failed to fetch')), true));

    it("retries Firefox's fetch TypeError", () => {
      assert.equal(isTransientError(new TypeError('NetworkError when attempting to fetch resource.')), true);
    });

    it("retries Safari's fetch TypeError", () => assert.equal(isTransientError(new TypeError('Load failed')), true));

    it('retries a timeout from AbortSignal.timeout()', () => {
      assert.equal(isTransientError(new DOMException('The operation timed out.', 'TimeoutError')), true);
    });
  });

  describe('everything else', () => {
    it('does not retry a TypeError from a bug', () => {
      assert.equal(isTransientError(new TypeError("Cannot read properties of undefined (reading 'json')")), false);
    });

    it('does not retry an AbortError (the caller cancelled)', () => {
      assert.equal(isTransientError(new DOMException('This operation was aborted', 'AbortError')), false);
    });

    it('does not retry a plain Error', () => assert.equal(isTransientError(new Error('validation failed')), false));
    it('does not retry a thrown string', () => assert.equal(isTransientError('ECONNRESET'), false));
    it('does not retry undefined', () => assert.equal(isTransientError(undefined), false));
  });
});
