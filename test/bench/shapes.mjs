// Generated input shared by the benchmarks (plugin throughput and scaling).

/** The imports and the wait helper every generated file starts with. */
export const HEAD = "import axios from 'axios';\nimport pRetry from 'p-retry';\nconst sleep = (ms) => new Promise((r) => setTimeout(r, ms));\n";

/** One unit of the mixed file: a retry loop, a recursion, a library call and ordinary code (23 lines). */
export function mixedUnit(i) {
  return `export async function load${i}(url, body) {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const res = await fetch(url, { method: 'POST', body });
      if (res.status === 429) { await sleep(1000); continue; }
      if (!res.ok) throw new Error(String(res.status));
      return await res.json();
    } catch (err) {
      if (attempt === 4) throw err;
      await sleep(Math.min(10000, 200 * 2 ** attempt));
    }
  }
}
export function reconnect${i}(open, attempt = 0) {
  return open().catch(() => new Promise((r) => setTimeout(r, 500 * attempt)).then(() => reconnect${i}(open, attempt + 1)));
}
export const sync${i} = (pull) => pRetry(pull, { retries: 4 });
export function total${i}(items) {
  let sum = 0;
  for (const item of items) sum += item.price * item.quantity;
  return items.length > 0 ? sum / items.length : 0;
}
`;
}
