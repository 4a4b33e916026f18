// The generative test of the seven rules: random valid programs from eslump (the generator ESLint's
// own fuzzer uses) and mutated retry shapes (the labelled fixtures and real cases with the
// mutations of ./mutations), each linted by all seven rules with the TypeScript parser and, when it
// is still JavaScript, with ESLint's default parser too. A rule exception is a rule that throws, or
// a construct the analysis guard had to drop (analysisFailuresOf): both are defects.
// Used by fuzz.test.ts (fixed seed, in `npm test`) and run.ts (`npm run fuzz -- --count N --seed S`).
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import { generateRandomJS } from 'eslump';
import plugin from '../../eslint-plugin/src/index';
import { analysisFailuresOf } from '../../eslint-plugin/src/analysis/index';
import { MUTATIONS, parseProgram, type Program, type Random } from './mutations';

const REPO = path.resolve(__dirname, '../..');
const ALL_RULES = Object.fromEntries(Object.keys(plugin.rules).map((id) => [`retry/${id}`, 'error' as const]));

/** The seeded generator the whole run draws from (mulberry32). */
export function seeded(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A retry shape to mutate: a file's text and whether it is JavaScript, JSX. */
interface Seed {
  file: string;
  program: Program;
}

/** The retry shapes of the repository (labelled fixtures and real cases), and of `extra` folders, sorted by path. */
export function retryShapes(extra: readonly string[] = []): Seed[] {
  const dirs = [path.join(REPO, 'test/fixtures/analysis'), path.join(REPO, 'test/fixtures/real-cases'), path.join(REPO, 'test/fixtures/real-cases/held-out'), ...extra];
  const out: Seed[] = [];
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      const ext = path.extname(name);
      if (!['.js', '.jsx', '.ts', '.tsx', '.mjs', '.cjs', '.mts', '.cts'].includes(ext)) continue;
      const text = readFileSync(path.join(dir, name), 'utf8');
      out.push({ file: path.relative(REPO, path.join(dir, name)), program: { text, jsx: ext.endsWith('x'), js: /\.[mc]?jsx?$/.test(ext) } });
    }
  }
  return out;
}

/** One program that made a rule throw or the guard drop a construct. */
export interface FuzzDefect {
  origin: string;
  parser: 'typescript' | 'espree';
  text: string;
  error: string;
}

/** What a run did. */
export interface FuzzResult {
  seed: number;
  programs: number;
  random: number;
  mutated: number;
  /** Lint runs (a program read by both parsers counts twice). */
  lints: number;
  /** Random programs ESLint's default parser or the TypeScript parser did not read (not linted by that parser). */
  unparsed: number;
  exceptions: number;
  defects: FuzzDefect[];
  /** How often each mutation was applied. */
  mutations: Record<string, number>;
  ms: number;
}

/** Lints one program with all seven rules; the failures found (empty when none). */
function lintOnce(linter: Linter, text: string, parser: 'typescript' | 'espree', jsx: boolean, sourceType: 'module' | 'script', filename: string): { errors: string[]; parsed: boolean } {
  const config: Linter.Config = {
    files: ['**/*'],
    languageOptions:
      parser === 'typescript'
        ? { parser: tsParser, sourceType, parserOptions: { ecmaFeatures: { jsx } } }
        : { ecmaVersion: 'latest', sourceType, parserOptions: { ecmaFeatures: { jsx } } },
    plugins: { retry: plugin as unknown as NonNullable<Linter.Config['plugins']>[string] },
    rules: ALL_RULES,
  };
  let messages: Linter.LintMessage[];
  try {
    messages = linter.verify(text, config, { filename });
  } catch (e) {
    return { errors: [e instanceof Error ? (e.stack ?? e.message) : String(e)], parsed: true };
  }
  if (messages.some((m) => m.fatal)) return { errors: [], parsed: false };
  const failures = analysisFailuresOf(linter.getSourceCode() as never);
  return { errors: failures.map((f) => `analysis guard dropped a ${f.nodeType}: ${f.error instanceof Error ? (f.error.stack ?? f.error.message) : String(f.error)}`), parsed: true };
}

/** eslump with the run's seeded random standing in for Math.random (eslump and shift-fuzzer draw from it). */
function randomProgram(rnd: Random): { text: string; sourceType: 'module' | 'script' } {
  const sourceType = rnd() < 0.5 ? 'module' : 'script';
  const saved = Math.random;
  Math.random = rnd;
  try {
    return { text: generateRandomJS({ sourceType, maxDepth: 1 + Math.floor(rnd() * 6), comments: rnd() < 0.5, whitespace: rnd() < 0.5 }), sourceType };
  } finally {
    Math.random = saved;
  }
}

/** Applies 1–3 random mutations to a retry shape, each re-parsed; the mutations that took. */
function mutate(seed: Seed, rnd: Random, counts: Record<string, number>): { program: Program; applied: string[] } {
  let program = seed.program;
  const applied: string[] = [];
  const wanted = 1 + Math.floor(rnd() * 3);
  for (let tries = 0; applied.length < wanted && tries < wanted * 4; tries++) {
    const ast = parseProgram(program.text, program.jsx);
    if (!ast) break;
    const m = MUTATIONS[Math.floor(rnd() * MUTATIONS.length)]!;
    const next = m.apply(program, ast, rnd);
    if (!next || !parseProgram(next.text, next.jsx)) continue;
    program = next;
    applied.push(m.name);
    counts[m.name] = (counts[m.name] ?? 0) + 1;
  }
  return { program, applied };
}

/**
 * Runs the fuzz: `count` programs, a third random (eslump) and two thirds mutated retry shapes,
 * all drawn from `seed`. Same seed and count, same programs.
 */
export function runFuzz(options: { count: number; seed: number; extraShapes?: readonly string[]; onDefect?: (d: FuzzDefect) => void }): FuzzResult {
  const started = performance.now();
  const rnd = seeded(options.seed);
  const shapes = retryShapes(options.extraShapes);
  const linter = new Linter({ configType: 'flat' });
  const result: FuzzResult = { seed: options.seed, programs: 0, random: 0, mutated: 0, lints: 0, unparsed: 0, exceptions: 0, defects: [], mutations: {}, ms: 0 };
  const record = (origin: string, parser: 'typescript' | 'espree', text: string, errors: string[]): void => {
    for (const error of errors) {
      result.exceptions++;
      const d = { origin, parser, text, error };
      result.defects.push(d);
      options.onDefect?.(d);
    }
  };
  for (let i = 0; i < options.count; i++) {
    result.programs++;
    if (i % 3 === 0) {
      result.random++;
      const { text, sourceType } = randomProgram(rnd);
      for (const parser of ['espree', 'typescript'] as const) {
        const r = lintOnce(linter, text, parser, false, sourceType, parser === 'typescript' ? 'random.ts' : 'random.js');
        if (!r.parsed) result.unparsed++;
        else result.lints++;
        record(`random #${i} (${sourceType})`, parser, text, r.errors);
      }
      continue;
    }
    result.mutated++;
    const base = shapes[Math.floor(rnd() * shapes.length)]!;
    const { program, applied } = mutate(base, rnd, result.mutations);
    const origin = `${base.file} + ${applied.join(', ') || 'no mutation'}`;
    const parsers = program.js ? (['typescript', 'espree'] as const) : (['typescript'] as const);
    for (const parser of parsers) {
      const filename = `mutated.${program.js ? 'js' : 'ts'}${program.jsx ? 'x' : ''}`;
      const r = lintOnce(linter, program.text, parser, program.jsx, 'module', filename);
      if (r.parsed) result.lints++;
      record(origin, parser, program.text, r.errors);
    }
  }
  result.ms = Math.round(performance.now() - started);
  return result;
}

/** The one line a run prints. */
export function summary(r: FuzzResult): string {
  return `fuzz: ${r.programs} programs generated (${r.random} random from eslump, ${r.mutated} mutated retry shapes), ${r.lints} lint runs of 7 rules, ${r.exceptions} rule exceptions, seed ${r.seed}, ${(r.ms / 1000).toFixed(1)} s`;
}
