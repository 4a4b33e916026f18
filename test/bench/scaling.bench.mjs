// Scaling of the seven rules with the size and the shape of the input (issue 11): a mixed file at
// 1×, 10× and 100×; retry loops nested 10, 100 and 300 deep; call graphs of 200 and 2,000
// functions that call each other (the shape of a bundle); and N `axios.get` calls in one retried
// function. Each row is the least CPU time of five runs (RETRY_LINT_RUNS) of the seven rules, after a
// warm-up lint of the whole input, with the least parse-only time (no rules) subtracted, so the
// figure is the rules' own cost; the least of several runs is the one load disturbed least. "vs linear" divides the cost
// per unit (line, level, function, call) by that of the smallest size of the same shape: 1.00 is
// linear, the target is at most 1.2. Numbers only; timing never fails a test.
// Run alone: `nice -n 10 node test/bench/scaling.bench.mjs [--quick] [--only=call]` (after `npm run build -w eslint-plugin`).
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { callGraph, HEAD, mixedUnit, nested } from './shapes.mjs';

const require = createRequire(import.meta.url);
const { Linter } = require('eslint');
const tsParser = require('@typescript-eslint/parser');
// RETRY_LINT_PLUGIN: another build of the plugin (a folder), to compare before and after a change.
const plugin = require(process.env.RETRY_LINT_PLUGIN ?? 'eslint-plugin-retry');

/** Runs per size (the least is kept); 5 unless RETRY_LINT_RUNS says otherwise. */
const RUNS = Number(process.env.RETRY_LINT_RUNS ?? 5);
const ALL = Object.fromEntries(Object.keys(plugin.rules).map((r) => [`retry/${r}`, 'warn']));
/** One retried function making `n` `axios.get` calls. */
function axiosCalls(n) {
  const calls = Array.from({ length: n }, (_, i) => `      const r${i} = await axios.get(base + '/item/${i}');\n      out.push(r${i}.data);\n`).join('');
  return `${HEAD}export async function all(base) {\n  const out = [];\n  for (let attempt = 0; attempt < 4; attempt++) {\n    try {\n${calls}      return out;\n    } catch (err) {\n      await sleep(500);\n    }\n  }\n}\n`;
}

function cpuMs(fn) {
  const t = process.cpuUsage();
  const r = fn();
  const c = process.cpuUsage(t);
  return { ms: (c.user + c.system) / 1000, r };
}

/** Least CPU ms of `runs` lints with the seven rules on `text` (least parse-only time subtracted), and the findings. */
function measure(text, runs = RUNS) {
  const linter = new Linter({ configType: 'flat' });
  const config = (rules) => [{ files: ['**/*.ts'], languageOptions: { parser: tsParser, ecmaVersion: 'latest', sourceType: 'module' }, plugins: { retry: plugin }, rules }];
  const withRules = config(ALL);
  const parseOnly = config({});
  const rules = [];
  const parse = [];
  let findings = 0;
  // A small file is linted several times per sample, so that a sample is well above the clock's grain.
  const reps = Math.max(1, Math.ceil(100_000 / text.length));
  const repeat = (config, name) => {
    let r;
    const { ms } = cpuMs(() => {
      for (let k = 0; k < reps; k++) r = linter.verify(text, config, { filename: `${name}${k}.ts` });
    });
    return { ms: ms / reps, r };
  };
  for (let i = 0; i < runs; i++) {
    parse.push(repeat(parseOnly, `p${i}-`).ms);
    const { ms, r } = repeat(withRules, `r${i}-`);
    rules.push(ms);
    findings = r.length;
  }
  const p = Math.min(...parse);
  const all = Math.min(...rules);
  return { totalMs: all, parseMs: p, rulesMs: Math.max(0, all - p), findings };
}

const SHAPES = [
  { shape: 'mixed file (units of 23 lines)', unit: 'unit', sizes: [10, 100, 1000], make: (n) => HEAD + Array.from({ length: n }, (_, i) => mixedUnit(i)).join('') },
  { shape: 'nested retry loops (depth)', unit: 'level', sizes: [10, 100, 300], make: nested },
  { shape: 'call graph (functions calling each other)', unit: 'function', sizes: [200, 2000], make: callGraph },
  { shape: 'axios.get calls in one retried function', unit: 'call', sizes: [100, 1000, 5000], make: axiosCalls },
];

/**
 * Prints and returns the table. `only`: measure only the shapes whose name contains this text
 * (`--only=call` on the command line), to re-measure one shape without the others' minutes.
 */
export async function run({ quick = false, only } = {}) {
  const rows = [];
  for (const s of SHAPES.filter((x) => !only || x.shape.includes(only))) {
    let base;
    for (const n of quick ? s.sizes.slice(0, 2) : s.sizes) {
      const text = s.make(n);
      measure(text, 1); // warm-up on the whole input (JIT, memo tables), not timed
      const m = measure(text);
      base ??= { n, perUnit: m.rulesMs / n };
      const ratio = base.perUnit > 0 ? m.rulesMs / n / base.perUnit : NaN;
      rows.push({
        shape: s.shape,
        size: `${n} ${s.unit}s`,
        lines: text.split('\n').length,
        'parse ms': Math.round(m.parseMs),
        'rules ms': Math.round(m.rulesMs),
        [`rules µs/${'unit'}`]: Math.round((m.rulesMs / n) * 1000),
        'vs linear': n === base.n ? '1.00 (base)' : ratio.toFixed(2),
        findings: m.findings,
      });
    }
  }
  console.log(`seven rules, least CPU time of ${RUNS} runs after a warm-up, parse-only time subtracted; vs linear = cost per unit / cost per unit at the smallest size`);
  console.table(rows);
  return rows;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await run({ quick: process.argv.includes('--quick'), only: process.argv.find((a) => a.startsWith('--only='))?.slice(7) });
