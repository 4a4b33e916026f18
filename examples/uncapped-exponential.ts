// Reported: require-max-delay. The attempt limit comes from the caller, so nothing bounds
// `baseDelayMs * 2 ** attempt`: with 20 attempts the last wait is over 14 hours.
import { setTimeout as sleep } from 'node:timers/promises';

export interface SyncOptions {
  maxAttempts: number;
  baseDelayMs: number;
}

export async function syncInventory(push: () => Promise<void>, options: SyncOptions): Promise<void> {
  for (let attempt = 0; attempt < options.maxAttempts; attempt++) {
    try {
      await push();
      return;
    } catch (error) {
      if (attempt + 1 >= options.maxAttempts) throw error;
      await sleep(Math.random() * options.baseDelayMs * 2 ** attempt);
    }
  }
}
