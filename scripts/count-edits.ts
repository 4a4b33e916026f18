// How many findings offer a concrete edit (an ESLint suggestion or a "Use the backoff helper" plan
// that claims them), over the given files or folders. Usage: node --import tsx scripts/count-edits.ts DIR…
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findings, offeredEdits } from '../test/rewrite/harness';

function files(p: string): string[] {
  const st = fs.statSync(p);
  if (st.isFile()) return /\.(c|m)?(j|t)sx?$/.test(p) ? [p] : [];
  return fs.readdirSync(p).flatMap((f) => (f === 'node_modules' ? [] : files(path.join(p, f))));
}

const byRule = new Map<string, { total: number; withEdit: number }>();
let total = 0;
let withEdit = 0;
const missing: string[] = [];
for (const file of process.argv.slice(2).flatMap(files)) {
  const text = fs.readFileSync(file, 'utf8');
  const list = findings(text, file);
  const edits = offeredEdits(text, file, list);
  for (const f of list) {
    const has = edits.some((e) => e.finding === f);
    total++;
    if (has) withEdit++;
    else missing.push(`${file}:${f.line} ${f.ruleId}`);
    const r = byRule.get(f.ruleId) ?? { total: 0, withEdit: 0 };
    r.total++;
    if (has) r.withEdit++;
    byRule.set(f.ruleId, r);
  }
}
console.log(`findings with an edit: ${withEdit}/${total} (${((100 * withEdit) / Math.max(total, 1)).toFixed(1)} %)`);
for (const [rule, r] of [...byRule].sort()) console.log(`  ${rule.padEnd(36)} ${r.withEdit}/${r.total}`);
if (process.env.SHOW_MISSING) for (const m of missing) console.log(`  no edit: ${m}`);
