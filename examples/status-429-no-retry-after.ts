// Reported: respect-retry-after. The code knows it was rate limited (429) or that the service
// is down for maintenance (503), but ignores the Retry-After header that says when to come back.
import { setTimeout as sleep } from 'node:timers/promises';

export async function searchCatalogue(query: string): Promise<unknown> {
  const url = `https://catalogue.example.com/search?q=${encodeURIComponent(query)}`;
  for (let attempt = 0; attempt < 5; attempt++) {
    const res = await fetch(url);
    if (res.status === 429 || res.status === 503) {
      await sleep(Math.random() * Math.min(10_000, 500 * 2 ** attempt));
      continue;
    }
    if (!res.ok) throw new Error(`search failed with ${res.status}`);
    return res.json();
  }
  throw new Error('catalogue search still rate limited after 5 attempts');
}
