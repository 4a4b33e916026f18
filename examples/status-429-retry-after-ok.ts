// Clean. On 429 the wait is the server's Retry-After (seconds or an HTTP date), capped at 30 s;
// without the header it falls back to capped exponential backoff with full jitter.
import { setTimeout as sleep } from 'node:timers/promises';

const MAX_WAIT_MS = 30_000;

function retryAfterMs(header: string | null): number | undefined {
  if (header === null) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

export async function listInvoices(page: number): Promise<unknown> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const res = await fetch(`https://billing.example.com/invoices?page=${page}`);
    if (res.ok) return res.json();
    if (res.status !== 429) throw new Error(`invoices failed with ${res.status}`);
    const serverWait = retryAfterMs(res.headers.get('Retry-After'));
    const wait = serverWait ?? Math.random() * 500 * 2 ** attempt;
    await sleep(Math.min(wait, MAX_WAIT_MS));
  }
  throw new Error('invoices still rate limited after 5 attempts');
}
