import assert from 'node:assert/strict';
import { parseRetryAfter } from '../../snippets/retry-with-backoff';

// Fixed "now": Sunday 6 November 1994, 08:49:07 GMT, thirty seconds before RFC 9110's example date.
const NOW = Date.UTC(1994, 10, 6, 8, 49, 7);

describe('parseRetryAfter', () => {
  describe('delay-seconds', () => {
    it('reads whole seconds as ms', () => {
      assert.equal(parseRetryAfter('120', NOW), 120000);
    });

    it('reads 0 as no wait', () => {
      assert.equal(parseRetryAfter('0', NOW), 0);
    });

    it('ignores surrounding whitespace', () => {
      assert.equal(parseRetryAfter('  5 ', NOW), 5000);
    });

    it('rejects a negative number', () => {
      assert.equal(parseRetryAfter('-5', NOW), undefined);
    });

    it('rejects a fraction (delay-seconds is 1*DIGIT)', () => {
      assert.equal(parseRetryAfter('1.5', NOW), undefined);
    });

    it('rejects a number with a unit', () => {
      assert.equal(parseRetryAfter('10s', NOW), undefined);
    });
  });

  describe('HTTP-date (RFC 9110 §5.6.7)', () => {
    it('reads an IMF-fixdate', () => {
      assert.equal(parseRetryAfter('Sun, 06 Nov 1994 08:49:37 GMT', NOW), 30000);
    });

    it('reads an obsolete RFC 850 date', () => {
      assert.equal(parseRetryAfter('Sunday, 06-Nov-94 08:49:37 GMT', NOW), 30000);
    });

    it('reads an asctime date with a space-padded day', () => {
      assert.equal(parseRetryAfter('Sun Nov  6 08:49:37 1994', NOW), 30000);
    });

    it('reads an asctime date with a two-digit day', () => {
      assert.equal(parseRetryAfter('Wed Nov 16 08:49:07 1994', NOW), 10 * 24 * 3600 * 1000);
    });

    it('reads month and day names case-insensitively', () => {
      assert.equal(parseRetryAfter('sun, 06 nov 1994 08:49:37 gmt', NOW), 30000);
    });

    it('gives 0 for a date in the past', () => {
      assert.equal(parseRetryAfter('Sat, 05 Nov 1994 08:49:37 GMT', NOW), 0);
    });

    it('puts an RFC 850 two-digit year more than 50 years ahead in the previous century', () => {
      // Now is 1994: "44" would be 2044 (50 years ahead, kept), "45" would be 2045 (more than 50, so 1945).
      assert.equal(parseRetryAfter('Monday, 06-Nov-45 08:49:37 GMT', NOW), 0);
      assert.equal(parseRetryAfter('Sunday, 06-Nov-44 08:49:07 GMT', NOW), Date.UTC(2044, 10, 6, 8, 49, 7) - NOW);
    });

    it('rejects a date that does not exist', () => {
      assert.equal(parseRetryAfter('Thu, 31 Feb 1994 08:49:37 GMT', NOW), undefined);
    });

    it('rejects a time zone other than GMT', () => {
      assert.equal(parseRetryAfter('Sun, 06 Nov 1994 08:49:37 +0100', NOW), undefined);
    });

    it('rejects an ISO 8601 timestamp', () => {
      assert.equal(parseRetryAfter('1994-11-06T08:49:37Z', NOW), undefined);
    });

    it('measures from Date.now() when no time is given', () => {
      const inOneHour = new Date(Date.now() + 3600 * 1000).toUTCString();
      const ms = parseRetryAfter(inOneHour);
      assert.ok(ms !== undefined && ms > 3590 * 1000 && ms <= 3600 * 1000, `got ${ms}`);
    });
  });

  describe('missing and garbage values', () => {
    it('gives undefined for an empty string', () => {
      assert.equal(parseRetryAfter('', NOW), undefined);
    });

    it('gives undefined for whitespace only', () => {
      assert.equal(parseRetryAfter('   ', NOW), undefined);
    });

    it('gives undefined for null, as Headers.get returns for a missing header', () => {
      assert.equal(parseRetryAfter(null, NOW), undefined);
    });

    it('gives undefined for undefined', () => {
      assert.equal(parseRetryAfter(undefined, NOW), undefined);
    });

    it('gives undefined for words', () => {
      assert.equal(parseRetryAfter('later, please', NOW), undefined);
    });
  });
});
