// The seven rules' cost over parse-only ESLint on the sources of real packages (issue 13, and the
// cost bar of issue 9). Every .js/.ts source file under the corpus folders (tests, .d.ts and
// minified files left out) is linted in one process with parse-only (no rule) and with the seven
// rules: each round lints every file with both back to back, in ABBA order over files and rounds, so
// a drift of the machine's load falls on both; each lint is timed in CPU time (`process.cpuUsage`,
// less disturbed by other processes than wall time) and summed per config.
// The overhead of a round is (rules pass / parse-only pass) - 1; the bench prints the median over
// the rounds and the spread (lowest and highest round). Numbers only; timing never fails a test.
//
// The corpus is the twelve packages pinned in test/bench/corpus/package.json (exact versions, with
// its package-lock.json): on first run the bench installs them with `npm ci --ignore-scripts` into
// `.bench-corpus/` at the repository root (ignored by git) and reuses that install afterwards (it
// reinstalls when the pinned lockfile changes). `RETRY_LINT_CORPUS=<node_modules folder>` lints
// another install instead; the folders linted are CORPUS_DIRS below. When the install fails (no
// network, no npm) the bench says why and skips.
// Run alone: `nice -n 10 node test/bench/real-corpus.bench.mjs [rounds]` (after `npm run build -w eslint-plugin`);
// RETRY_LINT_PLUGIN=<folder> runs it against another build of the plugin.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

/** Package source folders linted, relative to the corpus' node_modules (about 120,000 lines). */
export const CORPUS_DIRS = [
  'axios/lib', 'got/dist/source', 'undici/lib', 'openai/src', 'kafkajs/src', 'mongodb/src', 'mongoose/lib',
  'mysql2/lib', 'rxjs/src', '@tanstack/query-core/src', 'ioredis/built', '@microsoft/signalr/src',
];

/** The pinned corpus manifest and lockfile (committed), and the install folder (ignored). */
export const CORPUS_MANIFEST = join(here, 'corpus');
export const CORPUS_INSTALL = join(here, '..', '..', '.bench-corpus');

/**
 * The corpus' node_modules folder: `RETRY_LINT_CORPUS` when set (undefined when that folder is
 * absent), else the pinned install under `.bench-corpus/`, installed on first use (`npm ci
 * --ignore-scripts`, about 40 MB, tens of seconds) and reused while its lockfile matches the
 * committed one. Undefined when the install fails; `reason` then says why.
 *
 * @param {{ install?: boolean }} [options] install: false only reports an existing install.
 * @returns {string | undefined}
 */
export function corpusRoot({ install = true } = {}) {
  if (process.env.RETRY_LINT_CORPUS) {
    const root = resolve(process.env.RETRY_LINT_CORPUS);
    corpusRoot.reason = `RETRY_LINT_CORPUS=${root} does not exist`;
    return existsSync(root) ? root : undefined;
  }
  const lock = readFileSync(join(CORPUS_MANIFEST, 'package-lock.json'), 'utf8');
  const stamp = join(CORPUS_INSTALL, '.installed-lock.json');
  const root = join(CORPUS_INSTALL, 'node_modules');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === lock && existsSync(root)) return root;
  if (!install) {
    corpusRoot.reason = `no corpus installed at ${CORPUS_INSTALL}`;
    return undefined;
  }
  try {
    mkdirSync(CORPUS_INSTALL, { recursive: true });
    for (const f of ['package.json', 'package-lock.json']) copyFileSync(join(CORPUS_MANIFEST, f), join(CORPUS_INSTALL, f));
    console.log(`real-package corpus: installing the pinned packages into ${CORPUS_INSTALL} (npm ci --ignore-scripts, once)`);
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    execFileSync(npm, ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: CORPUS_INSTALL, stdio: ['ignore', 'inherit', 'inherit'], shell: process.platform === 'win32' });
    writeFileSync(stamp, lock);
    return root;
  } catch (e) {
    corpusRoot.reason = `installing the pinned corpus into ${CORPUS_INSTALL} failed (${e.message.split('\n')[0]})`;
    return undefined;
  }
}

/** Every lintable source file under the corpus folders, with its text. */
export function corpusFiles(root, dirs = CORPUS_DIRS) {
  const files = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) {
        if (!/^(node_modules|\.git|test|tests|__tests__)$/.test(e.name)) walk(p);
      } else if (/\.(c|m)?(j|t)sx?$/.test(e.name) && !/\.d\.(c|m)?ts$/.test(e.name) && !/\.min\./.test(e.name) && statSync(p).size < 400_000) {
        files.push([p, readFileSync(p, 'utf8')]);
      }
    }
  };
  for (const d of dirs) if (existsSync(join(root, d))) walk(join(root, d));
  return files;
}

/**
 * Measures the overhead of `rules` (default: the seven rules) and of core `no-unused-vars` over
 * parse-only on `files` in `rounds` rounds. Each round lints every file with the three configs back
 * to back, the order rotated per pair of files and per round (ABBA-like over three), so that a change
 * of the machine's load falls on all configs alike; each lint is timed in CPU microseconds.
 *
 * @returns Per-round CPU ms of each pass (`parse`, `all`, `unused`), the overheads over parse-only
 *   per round (`overheads`, `unusedOverheads`), their medians and spreads, and the rules' findings.
 */
export function measureOverhead(files, { rounds = 5, plugin, rules, cwd } = {}) {
  const { Linter } = require('eslint');
  const tsParser = require('@typescript-eslint/parser');
  plugin ??= require(process.env.RETRY_LINT_PLUGIN ?? 'eslint-plugin-retry');
  rules ??= Object.fromEntries(Object.keys(plugin.rules).map((r) => [`retry/${r}`, 'warn']));
  const config = (r) => [{ files: ['**/*.{js,cjs,mjs,jsx,ts,tsx,mts,cts}'], languageOptions: { parser: tsParser, ecmaVersion: 'latest', sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } }, plugins: { retry: plugin }, rules: r }];
  const parseOnly = config({});
  const withRules = config(rules);
  const unusedVars = config({ 'no-unused-vars': 'warn' });
  const configs = [parseOnly, withRules, unusedVars];
  let findings = 0;
  let unparsed = 0;
  const linters = new Map(configs.map((c) => [c, new Linter({ configType: 'flat', cwd })]));
  const cpu = () => {
    const c = process.cpuUsage();
    return c.user + c.system;
  };
  // One file linted with one config: its CPU microseconds; counts the rules' findings.
  const lint = (cfg, f, text) => {
    const t = cpu();
    try {
      for (const m of linters.get(cfg).verify(text, cfg, { filename: f })) {
        if (m.fatal || !m.ruleId) unparsed += cfg === withRules ? 1 : 0;
        else if (cfg === withRules) findings++;
      }
    } catch {
      // A file the parser rejects costs the same in every config.
    }
    return cpu() - t;
  };
  // Warm-up (JIT, module loading): each file once with each config.
  for (const [f, text] of files) for (const c of configs) lint(c, f, text);
  const parse = [];
  const all = [];
  const unused = [];
  for (let i = 0; i < rounds; i++) {
    findings = 0;
    unparsed = 0;
    const sums = new Map(configs.map((c) => [c, 0]));
    files.forEach(([f, text], k) => {
      const shift = ((k >> 1) + i) % 3;
      const order = (k + i) % 2 === 0 ? configs : [...configs].reverse();
      for (let j = 0; j < 3; j++) {
        const c = order[(j + shift) % 3];
        sums.set(c, sums.get(c) + lint(c, f, text));
      }
    });
    parse.push(sums.get(parseOnly) / 1000);
    all.push(sums.get(withRules) / 1000);
    unused.push(sums.get(unusedVars) / 1000);
  }
  const overheads = all.map((a, i) => a / parse[i] - 1);
  const unusedOverheads = unused.map((a, i) => a / parse[i] - 1);
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const sorted = [...overheads].sort((a, b) => a - b);
  const usorted = [...unusedOverheads].sort((a, b) => a - b);
  return {
    parse, all, unused, overheads, unusedOverheads,
    median: median(overheads), min: sorted[0], max: sorted.at(-1),
    unusedMedian: median(unusedOverheads), unusedMin: usorted[0], unusedMax: usorted.at(-1),
    parseMedian: median(parse), allMedian: median(all), unusedMsMedian: median(unused), findings, unparsed,
  };
}

export async function run({ rounds = 5 } = {}) {
  const root = corpusRoot();
  if (!root) {
    console.log(`real-package corpus: SKIPPED, ${corpusRoot.reason} (set RETRY_LINT_CORPUS to a node_modules folder holding the packages of test/bench/corpus/package.json)`);
    return undefined;
  }
  const files = corpusFiles(root);
  const lines = files.reduce((n, [, t]) => n + t.split('\n').length, 0);
  const r = measureOverhead(files, { rounds, cwd: root });
  const pct = (x) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)} %`;
  let load = '';
  try {
    load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    // Not Linux.
  }
  console.log(`real-package corpus: ${files.length} files, ${lines} lines (${root}); ${rounds} ABBA rounds, CPU time; load average ${load || 'n/a'}`);
  console.log(`  parse-only ms per round: ${r.parse.map((x) => x.toFixed(0)).join(' ')}`);
  console.log(`  seven rules ms per round: ${r.all.map((x) => x.toFixed(0)).join(' ')}`);
  console.log(`  no-unused-vars ms per round: ${r.unused.map((x) => x.toFixed(0)).join(' ')}`);
  console.log(`  overhead per round: ${r.overheads.map(pct).join(' ')}`);
  console.log(`  seven rules over parse-only: median ${pct(r.median)} (spread ${pct(r.min)} .. ${pct(r.max)}), findings ${r.findings}, files not parsed ${r.unparsed}`);
  console.log(`  no-unused-vars over parse-only: median ${pct(r.unusedMedian)} (spread ${pct(r.unusedMin)} .. ${pct(r.unusedMax)})`);
  return r;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await run({ rounds: Number(process.argv[2] ?? 5) });
