// Reported: require-jitter. The delay doubles and is capped, but every client that failed at
// the same moment computes the same delay and comes back at the same moment.
const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function uploadThumbnail(key: string, body: Uint8Array, put: (key: string, body: Uint8Array) => Promise<void>): Promise<void> {
  const maxAttempts = 6;
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    try {
      await put(key, body);
      return;
    } catch (error) {
      if (attempt === maxAttempts - 1) throw error;
      const delayMs = Math.min(250 * 2 ** attempt, 8000);
      await pause(delayMs);
    }
  }
}
