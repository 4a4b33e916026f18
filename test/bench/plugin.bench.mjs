// Plugin throughput: lints a generated 3,000-line file (retry loops, recursion, library calls and
// ordinary code mixed) with all seven rules and with none, and the shared cases, and prints the
// median ms of five runs. Target: the seven rules cost no more than parsing the file does (the
// analysis runs once per file for all rules). Numbers only; timing never fails a test.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HEAD, mixedUnit } from './shapes.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const { Linter } = require('eslint');
const tsParser = require('@typescript-eslint/parser');
const plugin = require('eslint-plugin-retry');

function bigFile() {
  let text = HEAD;
  for (let i = 0; text.split('\n').length < 3000; i++) text += mixedUnit(i);
  return text;
}

function time(label, text, rules, runs = 5) {
  const linter = new Linter({ configType: 'flat' });
  const config = [{ files: ['**/*.{js,ts,tsx}'], languageOptions: { parser: tsParser, ecmaVersion: 'latest', sourceType: 'module' }, plugins: { retry: plugin }, rules }];
  linter.verify(text, config, { filename: 'warm.ts' });
  const ms = [];
  let findings = 0;
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    findings = linter.verify(text, config, { filename: `f${i}.ts` }).length;
    ms.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  ms.sort((a, b) => a - b);
  console.log(`${label.padEnd(44)} median ${ms[Math.floor(ms.length / 2)].toFixed(0).padStart(6)} ms   findings ${findings}`);
}

export async function run() {
  const all = Object.fromEntries(Object.keys(plugin.rules).map((r) => [`retry/${r}`, 'warn']));
  const big = bigFile();
  console.log(`generated file: ${big.split('\n').length} lines`);
  time('3,000 lines, no rules (parse + traverse)', big, {});
  time('3,000 lines, seven rules', big, all);
  const casesDir = join(here, '..', '..', '..', 'shared', 'cases');
  try {
    const cases = readdirSync(casesDir).map((f) => readFileSync(join(casesDir, f), 'utf8')).join('\n;\n');
    time('shared cases concatenated, seven rules', cases, all);
  } catch {
    // The shared cases are not on every machine.
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
