// Reported: require-max-delay. Forty attempts of `1000 * 2 ** n` reach 2^39 s; past
// 2147483647 ms (24.8 days) Node's setTimeout fires at once, so the late retries do not wait at all.
export async function deliverWebhook(send, event) {
  for (let n = 0; n < 40; n++) {
    try {
      return await send(event);
    } catch (error) {
      if (n === 39) throw error;
      const wait = Math.random() * 1000 * 2 ** n;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}
