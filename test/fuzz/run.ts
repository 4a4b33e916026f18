// `npm run fuzz -- --count 10000 --seed 42`: a longer fuzz run on demand (the shared cases in
// ../shared/cases are mutated too when that folder exists). Prints the summary line and each
// defect (origin, parser, error, program); writes each defect's program to fuzz-defects/.
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runFuzz, summary } from './fuzz';

const { values } = parseArgs({ options: { count: { type: 'string', default: '10000' }, seed: { type: 'string' } } });
const count = Number(values.count);
const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
if (!Number.isInteger(count) || count < 1 || !Number.isInteger(seed)) {
  console.error('usage: npm run fuzz -- [--count N] [--seed S]');
  process.exit(2);
}
const shared = path.resolve(__dirname, '../../../shared/cases');
const out = path.resolve('fuzz-defects');
let n = 0;
console.log(`fuzz: seed ${seed}, ${count} programs${existsSync(shared) ? `, with the shared cases of ${shared}` : ''}`);
const result = runFuzz({
  count,
  seed,
  extraShapes: existsSync(shared) ? [shared] : [],
  onDefect: (d) => {
    mkdirSync(out, { recursive: true });
    const file = path.join(out, `defect-${++n}.${d.parser === 'espree' ? 'js' : 'tsx'}`);
    writeFileSync(file, d.text);
    console.log(`\nDEFECT ${n}: ${d.origin} (${d.parser}) → ${file}\n${d.error.split('\n').slice(0, 6).join('\n')}`);
  },
});
console.log(summary(result));
console.log('mutations applied:', JSON.stringify(result.mutations));
process.exitCode = result.exceptions === 0 ? 0 : 1;
