// Reported: require-idempotency-key. The request does carry an Idempotency-Key, but a new one is
// made on every attempt, so the payment provider sees each retry as a new charge.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';

export async function chargeCard(token: string, amountCents: number): Promise<unknown> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 4; attempt++) {
    try {
      const res = await fetch('https://payments.example.com/v1/charges', {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'Idempotency-Key': randomUUID(),
        },
        body: JSON.stringify({ source: token, amount: amountCents, currency: 'eur' }),
      });
      if (res.status < 500) return await res.json();
      lastError = new Error(`payments answered ${res.status}`);
    } catch (error) {
      lastError = error;
    }
    await sleep(Math.random() * Math.min(4000, 250 * 2 ** attempt));
  }
  throw lastError;
}
