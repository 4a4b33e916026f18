// Clean. A bounded retry with capped exponential backoff and full jitter (a random wait between 0
// and the computed delay), retrying only network errors and 5xx answers of an idempotent GET.
import { setTimeout as sleep } from 'node:timers/promises';

class TransientError extends Error {}

const MAX_ATTEMPTS = 4;
const BASE_DELAY_MS = 200;
const MAX_DELAY_MS = 10_000;

export async function getShipmentStatus(trackingId: string): Promise<unknown> {
  for (let attempt = 0; ; attempt++) {
    try {
      const res = await fetch(`https://logistics.example.com/shipments/${trackingId}`);
      if (res.status >= 500) throw new TransientError(`logistics answered ${res.status}`);
      if (!res.ok) throw new Error(`shipment lookup failed with ${res.status}`);
      return await res.json();
    } catch (error) {
      const retryable = error instanceof TransientError || error instanceof TypeError;
      if (!retryable || attempt + 1 >= MAX_ATTEMPTS) throw error;
      const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt);
      await sleep(Math.random() * ceiling);
    }
  }
}
