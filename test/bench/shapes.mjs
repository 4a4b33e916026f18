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

/** `depth` retry loops, each in the previous one's body after its `try` (on its failure path): a retry at every level. */
export function nested(depth) {
  let open = '';
  let close = '';
  for (let d = 0; d < depth; d++) {
    const pad = ' '.repeat(Math.min(d, 40));
    open += `${pad}for (let a${d} = 0; a${d} < 3; a${d}++) {\n${pad}  try { await fetch(url + ${d}); break; } catch (e) { await sleep(100 * 2 ** a${d}); }\n`;
    close = `${pad}}\n${close}`;
  }
  return `${HEAD}export async function deep(url) {\n${open}${close}}\n`;
}

/** `n` functions, each calling two others (and itself again after a failure): a bundle's call graph. */
export function callGraph(n) {
  const out = [HEAD];
  for (let i = 0; i < n; i++) {
    const a = (i + 1) % n;
    const b = (i * 7 + 3) % n;
    out.push(`export async function f${i}(x, attempt = 0) {
  try {
    const y = await f${a}(x - 1);
    return y + (await f${b}(x - 2));
  } catch (err) {
    if (attempt < 3) { await sleep(100 * attempt); return f${i}(x, attempt + 1); }
    return g${i}(x);
  }
}
function g${i}(x) { return x > 0 ? f${b}(x - 1) : h${a}(x); }
function h${i}(x) { return x && g${a}(x); }
`);
  }
  return out.join('');
}
