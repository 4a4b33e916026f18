// Clean. The POST is retried, but with one Idempotency-Key made before the first attempt, so the
// server can recognise a retry of a refund it already made and answer with the first result.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';

class RetryableError extends Error {}

export async function refundOrder(orderId: string, amountCents: number): Promise<unknown> {
  const idempotencyKey = randomUUID();
  for (let attempt = 0; attempt < 4; attempt++) {
    try {
      const res = await fetch(`https://payments.example.com/v1/orders/${orderId}/refunds`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey },
        body: JSON.stringify({ amount: amountCents }),
      });
      if (res.status >= 500) throw new RetryableError(`payments answered ${res.status}`);
      if (!res.ok) throw new Error(`refund rejected with ${res.status}`);
      return await res.json();
    } catch (error) {
      if (!(error instanceof RetryableError) || attempt === 3) throw error;
      await sleep(Math.random() * Math.min(5000, 250 * 2 ** attempt));
    }
  }
  throw new Error('unreachable');
}
