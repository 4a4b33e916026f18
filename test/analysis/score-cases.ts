// Scores the plugin on a folder of labelled cases, in the format of ../shared/cases: line 1
// `// expect: …` (or `// expect: ok`) and `// <- label[, label]` on each line where a finding is
// expected. A finding of the label's rule within LINE_SLACK lines of its marker is a true
// positive; any other finding of a retry rule is a false positive.
//
// As a module: `scoreCases(dir)` (used by real-cases.test.ts). As a command:
//   node --import tsx test/analysis/score-cases.ts DIR   (`npm run eval:real`)
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import plugin from '../../eslint-plugin/src/index';

/** Label (as written in a case) → rule id. */
export const RULE_OF: Readonly<Record<string, string>> = {
  'no-jitter': 'require-jitter',
  'no-backoff': 'require-backoff',
  'uncapped-delay': 'require-max-delay',
  'unbounded-retry': 'no-unbounded-retry',
  'non-idempotent-retry': 'require-idempotency-key',
  'ignores-retry-after': 'respect-retry-after',
  'retries-non-retriable': 'no-retry-on-client-error',
};
/** A finding this many lines from its marker still counts (the shared evaluator's slack). */
export const LINE_SLACK = 3;

/** Counts for one rule or for a whole folder. */
export interface Tally {
  tp: number;
  fn: number;
  fp: number;
}

/** The score of a folder: totals, per-rule tallies, and one line per miss or false positive. */
export interface CasesScore extends Tally {
  cases: number;
  recall: number;
  precision: number;
  perRule: Record<string, Tally>;
  /** `file: missed rule@line` and `file: false positive rule@line`. */
  mismatches: string[];
  /** Files that do not parse or where a rule threw (each is also counted as all-missed). */
  crashes: string[];
}

const linter = new Linter({ configType: 'flat' });
/** A flat config that runs the seven rules as errors on every JS/TS file, with the TypeScript parser (JSX on). */
export const config: Linter.Config[] = [
  {
    files: ['**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}'],
    languageOptions: { parser: tsParser as Linter.Parser, ecmaVersion: 'latest', sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } },
    plugins: { retry: plugin as unknown as NonNullable<Linter.Config['plugins']>[string] },
    rules: Object.fromEntries(Object.keys(plugin.rules).map((id) => [`retry/${id}`, 'error' as const])),
  },
];

/** Lints every case of `dir` with all seven rules and scores the findings against the labels. */
export function scoreCases(dir: string): CasesScore {
  const perRule: Record<string, Tally> = Object.fromEntries(Object.values(RULE_OF).map((r) => [r, { tp: 0, fn: 0, fp: 0 }]));
  const mismatches: string[] = [];
  const crashes: string[] = [];
  const files = readdirSync(dir).filter((f) => /\.(m|c)?[jt]sx?$/.test(f)).sort();
  for (const file of files) {
    const text = readFileSync(join(dir, file), 'utf8');
    const expected: { rule: string; line: number; hit: boolean }[] = [];
    text.split('\n').forEach((l, i) => {
      const m = /\/\/\s*<-\s*([a-z-]+(?:\s*,\s*[a-z-]+)*)/.exec(l);
      for (const label of m ? m[1]!.split(/\s*,\s*/) : []) if (RULE_OF[label]) expected.push({ rule: RULE_OF[label]!, line: i + 1, hit: false });
    });
    let messages: Linter.LintMessage[];
    try {
      messages = linter.verify(text, config, { filename: file });
    } catch (e) {
      messages = [{ ruleId: null, message: String(e), line: 1, column: 1, severity: 2 }];
    }
    // A parse error or a thrown rule is fatal; ESLint's own warnings with no rule (an unused
    // `eslint-disable` directive for a rule this config does not enable) are not crashes.
    const fatal = messages.filter((m) => m.fatal || (!m.ruleId && m.severity === 2));
    if (fatal.length > 0) {
      crashes.push(`${file}: ${fatal[0]!.message}`);
      for (const e of expected) perRule[e.rule]!.fn++;
      continue;
    }
    const found = messages.filter((m) => m.ruleId?.startsWith('retry/')).map((m) => ({ rule: m.ruleId!.slice('retry/'.length), line: m.line, used: false }));
    for (const e of expected) {
      const f = found.find((x) => !x.used && x.rule === e.rule && Math.abs(x.line - e.line) <= LINE_SLACK);
      if (f) f.used = e.hit = true;
      perRule[e.rule]![e.hit ? 'tp' : 'fn']++;
      if (!e.hit) mismatches.push(`${file}: missed ${e.rule}@${e.line}`);
    }
    for (const x of found) {
      if (x.used || expected.some((e) => e.rule === x.rule && Math.abs(x.line - e.line) <= LINE_SLACK)) continue;
      (perRule[x.rule] ??= { tp: 0, fn: 0, fp: 0 }).fp++;
      mismatches.push(`${file}: false positive ${x.rule}@${x.line}`);
    }
  }
  const sum = (k: keyof Tally) => Object.values(perRule).reduce((s, t) => s + t[k], 0);
  const tp = sum('tp');
  const fn = sum('fn');
  const fp = sum('fp');
  return { cases: files.length, tp, fn, fp, recall: tp / Math.max(1, tp + fn), precision: tp / Math.max(1, tp + fp), perRule, mismatches, crashes };
}

if (require.main === module) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node --import tsx test/analysis/score-cases.ts DIR');
    process.exit(2);
  }
  const s = scoreCases(dir);
  console.log('rule                         tp   fn   fp');
  for (const [rule, t] of Object.entries(s.perRule)) console.log(`${rule.padEnd(28)} ${String(t.tp).padStart(3)}  ${String(t.fn).padStart(3)}  ${String(t.fp).padStart(3)}`);
  for (const line of [...s.crashes.map((c) => `CRASH ${c}`), ...s.mismatches]) console.log(line);
  console.log(`${s.cases} cases, ${s.crashes.length} crashes, recall ${s.recall.toFixed(3)}, precision ${s.precision.toFixed(3)}`);
}
