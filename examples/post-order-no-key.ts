// Reported: require-idempotency-key. If the first POST reached the shop but the response was
// lost (a timeout, a dropped connection), the retry places the order a second time.
import { setTimeout as sleep } from 'node:timers/promises';

export interface OrderLine {
  sku: string;
  quantity: number;
}

class RetryableError extends Error {}

export async function placeOrder(customerId: string, lines: OrderLine[]): Promise<{ orderId: string }> {
  for (let attempt = 0; ; attempt++) {
    try {
      const res = await fetch('https://shop.example.com/api/orders', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ customerId, lines }),
      });
      if (res.status >= 500) throw new RetryableError(`shop answered ${res.status}`);
      if (!res.ok) throw new Error(`order rejected with ${res.status}`);
      return (await res.json()) as { orderId: string };
    } catch (error) {
      if (!(error instanceof RetryableError) || attempt >= 3) throw error;
      await sleep(Math.random() * Math.min(5000, 300 * 2 ** attempt));
    }
  }
}
