// Reported: no-retry-on-client-error. `!res.ok` is true for 400, 401, 403, 404 and 422 too:
// a bad request or a missing document fails the same way every time, so it is retried for nothing.
import { setTimeout as sleep } from 'node:timers/promises';

export async function getDocument(id: string, token: string): Promise<unknown> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 4; attempt++) {
    try {
      const res = await fetch(`https://docs.example.com/api/documents/${id}`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      if (!res.ok) throw new Error(`documents API answered ${res.status}`);
      return await res.json();
    } catch (error) {
      lastError = error;
      await sleep(Math.random() * Math.min(4000, 200 * 2 ** attempt));
    }
  }
  throw lastError;
}
