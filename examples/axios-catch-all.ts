// Reported: no-retry-on-client-error. axios throws on every 4xx response, and this catch retries
// whatever it gets, so a 404 for a deleted user is retried like a network outage.
import axios from 'axios';
import { setTimeout as sleep } from 'node:timers/promises';

export async function getUser(id: string): Promise<unknown> {
  for (let attempt = 0; ; attempt++) {
    try {
      const { data } = await axios.get(`https://users.example.com/users/${id}`, { timeout: 5000 });
      return data;
    } catch (error) {
      if (attempt >= 3) throw error;
      await sleep(Math.random() * Math.min(3000, 150 * 2 ** attempt));
    }
  }
}
