// Reported: no-unbounded-retry. `retries: Infinity` keeps the import job retrying for as long as
// the partner API is down, holding a worker slot the whole time.
import pRetry, { AbortError } from 'p-retry';

export async function importPartnerCatalogue(partnerId: string): Promise<unknown> {
  return pRetry(
    async () => {
      const res = await fetch(`https://partners.example.com/${partnerId}/catalogue.json`);
      if (res.ok) return res.json();
      if (res.status < 500) throw new AbortError(`partner ${partnerId}: catalogue request failed with ${res.status}`);
      throw new Error(`partner API answered ${res.status}`);
    },
    { retries: Infinity, minTimeout: 1000, maxTimeout: 60_000, randomize: true },
  );
}
