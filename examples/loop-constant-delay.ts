// Reported: require-backoff and require-jitter. Every retry waits the same 2 s, so a struggling
// rates service gets the same pressure after each failure, from every client at the same moment.
import { setTimeout as sleep } from 'node:timers/promises';

export interface Rates {
  base: string;
  rates: Record<string, number>;
}

export async function fetchExchangeRates(base: string): Promise<Rates | undefined> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const res = await fetch(`https://rates.example.com/v2/latest?base=${encodeURIComponent(base)}`);
      if (res.status >= 500) throw new Error(`rates service answered ${res.status}`);
      if (!res.ok) return undefined;
      return (await res.json()) as Rates;
    } catch (error) {
      lastError = error;
      await sleep(2000);
    }
  }
  throw lastError;
}
