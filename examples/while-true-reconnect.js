// Reported: no-unbounded-retry. The backoff is fine (capped, full jitter), but during an outage
// this loop never gives up: the worker hangs on start-up instead of failing where someone sees it.
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

function connectOnce(host, port) {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port });
    socket.once('connect', () => resolve(socket));
    socket.once('error', reject);
  });
}

export async function connectToBroker(host, port) {
  let attempt = 0;
  while (true) {
    try {
      return await connectOnce(host, port);
    } catch (error) {
      attempt++;
      console.warn(`broker ${host}:${port} unreachable (${error.code}), retrying`);
      await sleep(Math.random() * Math.min(30_000, 200 * 2 ** attempt));
    }
  }
}
