// Test support for the rewrite and suggestion checks: lint a text with the plugin, list every
// edit the product offers for it (each ESLint suggestion and each "Use the backoff helper" plan),
// apply one, and run a retry program against a scripted server with an injected clock.
import * as path from 'node:path';
import { Linter } from 'eslint';
import { sourceCodeOf } from '../../extension/src/server/linting';
import { planRewrites, type RewritePlan } from '../../eslint-plugin/src/rewrite/plan';
import { backoffDelay, retryWithBackoff } from '../../snippets/retry-with-backoff';
import { recommendedConfig } from '../server/expected';
import { getRetrySitesFor } from '../../eslint-plugin/src/analysis/index';
import type { TSESTree } from '@typescript-eslint/utils';

const linter = new Linter({ configType: 'flat' });

/** One finding of the plugin, with its suggestions. */
export type Finding = Linter.LintMessage & { ruleId: string };

/** The plugin's findings on `text` (ESLint's Linter, the recommended config). */
export function findings(text: string, filename: string): Finding[] {
  return linter.verify(text, recommendedConfig(filename), { filename: path.basename(filename) }).filter((m): m is Finding => !!m.ruleId?.startsWith('retry/'));
}

/** Whether the text fails to parse (a fatal message), with the message. */
export function parseError(text: string, filename: string): string | undefined {
  const fatal = linter.verify(text, recommendedConfig(filename), { filename: path.basename(filename) }).find((m) => m.fatal);
  return fatal?.message;
}

/** An edit the product offers for a finding. */
export interface OfferedEdit {
  kind: 'suggestion' | 'helper';
  title: string;
  finding: Finding;
  edits: Array<{ range: [number, number]; text: string }>;
  /** For a helper plan: the plan (what it resolves and where). */
  plan?: RewritePlan;
}

/** The offset of a finding's start in `text` (line/column are 1-based). */
export function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', offset);
    if (nl === -1) return text.length;
    offset = nl + 1;
  }
  return offset + column - 1;
}

/** Every edit offered for every finding of `text`: its suggestions, and the helper plans that claim it. */
export function offeredEdits(text: string, filename: string, list: Finding[] = findings(text, filename)): OfferedEdit[] {
  const out: OfferedEdit[] = [];
  const sourceCode = sourceCodeOf({ filePath: filename, text });
  for (const f of list) {
    for (const s of f.suggestions ?? []) out.push({ kind: 'suggestion', title: s.desc, finding: f, edits: [{ range: s.fix.range, text: s.fix.text }] });
    if (!sourceCode) continue;
    const at = offsetOf(text, f.line, f.column);
    for (const plan of planRewrites(sourceCode as never, at)) {
      if (!claims(plan, f, at)) continue;
      out.push({ kind: 'helper', title: plan.title, finding: f, edits: plan.edits, plan });
    }
  }
  return out;
}

/** Whether a helper plan claims to resolve the finding (the server's test, as in code-actions.ts). */
export function claims(plan: RewritePlan, f: Finding, at: number): boolean {
  return (plan.resolves as string[]).includes(f.ruleId.replace(/^retry\//, '')) && plan.covers.some(([a, b]) => at >= a && at < b);
}

/** `text` with the edits applied (non-overlapping, any order). */
export function apply(text: string, edits: ReadonlyArray<{ range: [number, number]; text: string }>): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.range[0] - a.range[0])) out = out.slice(0, e.range[0]) + e.text + out.slice(e.range[1]);
  return out;
}

/** One scripted answer of the fake server: a status (with headers), or a network failure. */
export type Answer = { status: number; headers?: Record<string, string> } | 'network';

/** What a run did: its outcome, the requests it made, the waits and the side calls. */
export interface RunResult {
  outcome: string;
  requests: Array<{ method: string; key: string | undefined }>;
  waits: number[];
  restores: number;
}

const START = Date.UTC(2026, 11, 2, 0, 0, 0);

/**
 * Runs `text` (a script defining `async function run(url, body)`) against `script`, with an
 * injected clock: every wait (`sleep`, `setTimeout`, the helper's) returns at once and advances
 * the clock, and the helper gets the same clock and `random: () => 0.5`. The program's
 * `Math.random` is `random` (0.5 unless given).
 */
export async function runProgram(text: string, script: readonly Answer[], random: () => number = () => 0.5): Promise<RunResult> {
  let clock = START;
  const waits: number[] = [];
  const requests: RunResult['requests'] = [];
  let restores = 0;
  const advance = (ms: number): void => {
    waits.push(Number(ms) || 0);
    clock += Number(ms) || 0;
  };
  const sleep = async (ms: number): Promise<void> => advance(ms);
  const setTimeout = (cb: () => void, ms: number): number => {
    advance(ms);
    queueMicrotask(cb);
    return 0;
  };
  const RealDate = Date;
  class FakeDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(clock);
      else super(...(args as [string]));
    }
    static override now(): number {
      return clock;
    }
  }
  const fetch = async (_url: string, init: { method?: string; headers?: Record<string, string> } = {}): Promise<unknown> => {
    const headers = init.headers ?? {};
    const keyName = Object.keys(headers).find((k) => /idempotency-key/i.test(k));
    requests.push({ method: init.method ?? 'GET', key: keyName ? headers[keyName] : undefined });
    // A retry that never gives up is stopped by the server recovering after 100 requests.
    const answer = requests.length > 100 ? { status: 200 } : script[Math.min(requests.length - 1, script.length - 1)]!;
    if (answer === 'network') throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET' } });
    const h = Object.fromEntries(Object.entries(answer.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
    return { ok: answer.status < 300, status: answer.status, headers: { get: (name: string) => h[name.toLowerCase()] ?? null }, json: async () => ({ status: answer.status }) };
  };
  const restoreSession = async (): Promise<void> => void restores++;
  let n = 0;
  const crypto = { randomUUID: () => `key-${++n}` };
  const helper = (op: never, options: Record<string, unknown> = {}) => retryWithBackoff(op, { ...options, sleep, now: () => clock, random: () => 0.5, idempotencyKey: 'helper-key' });
  const delay = (attempt: number, options: Record<string, unknown> = {}) => backoffDelay(attempt, { ...options, random: () => 0.5 });
  const run = new Function('fetch', 'sleep', 'setTimeout', 'restoreSession', 'crypto', 'Date', 'retryWithBackoff', 'backoffDelay', 'Math', `${text}\nreturn run;`)(fetch, sleep, setTimeout, restoreSession, crypto, FakeDate, helper, delay, Object.assign(Object.create(Math), { random })) as (url: string, body: string) => Promise<unknown>;
  let outcome: string;
  try {
    outcome = `ok ${JSON.stringify(await run('https://api.example.test/orders', '{"sku":1}'))}`;
  } catch (error) {
    outcome = `error ${(error as Error).message}`;
  }
  return { outcome, requests, waits, restores };
}

function countByRule(list: readonly Finding[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const f of list) m.set(f.ruleId, (m.get(f.ruleId) ?? 0) + 1);
  return m;
}

/**
 * The retry a finding belongs to, as ranges: the top-level statements holding the finding and the
 * parts of its retry site (the call, its waits and delays, its requests), so an edit to a retry
 * whose options are declared apart, or whose delay is computed in a same-file helper, stays inside.
 */
function retryRegions(text: string, file: string, at: number): Array<[number, number]> {
  const sc = sourceCodeOf({ filePath: file, text });
  if (!sc) return [[0, text.length]];
  // A top-level statement with its decorators (`@Module({…}) export class M {}`: the decorator
  // comes before `export`, outside the export declaration's range).
  const top = (sc.ast as TSESTree.Program).body.map((s): [number, number] => [Math.min(s.range[0], ...decoratorsOf(s).map((d) => d.range[0])), s.range[1]]);
  const holding = (r: readonly [number, number]) => top.filter((s) => s[0] <= r[0] && r[1] <= s[1]);
  const regions: Array<[number, number]> = [...holding([at, at])];
  for (const site of getRetrySitesFor(sc as never)) {
    const nodes = [site.node, site.bound.node, site.noWait, ...site.waits.flatMap((w) => [w.node, w.delay.node]), ...site.nonIdempotent.map((r) => r.node), ...site.rateLimitChecks, ...site.clientErrorRetries.map((c) => c.node)].filter((n): n is TSESTree.Node => !!n);
    if (!nodes.some((n) => n.range[0] === at)) continue;
    for (const n of nodes) regions.push(...holding(n.range));
  }
  return regions;
}

/** The decorators of a top-level class statement (exported or not). */
function decoratorsOf(s: TSESTree.ProgramStatement): TSESTree.Decorator[] {
  const d = (s.type === 'ExportNamedDeclaration' || s.type === 'ExportDefaultDeclaration') && s.declaration ? s.declaration : s;
  return 'decorators' in d && Array.isArray(d.decorators) ? d.decorators : [];
}

/** Counts of offered edits by how far they got through problemOf's checks (each check counted among the edits that passed the ones before). */
export interface EditTally {
  applied: number;
  parses: number;
  findingGone: number;
  noNewFinding: number;
  insideRetry: number;
}

/** An empty tally. */
export function newTally(): EditTally {
  return { applied: 0, parses: 0, findingGone: 0, noNewFinding: 0, insideRetry: 0 };
}

/** Adds one edit's problemOf answer to a tally. */
export function tally(t: EditTally, problem: string | undefined): void {
  t.applied++;
  if (problem?.startsWith('does not parse')) return;
  t.parses++;
  if (problem && (/ is not gone /.test(problem) || problem.startsWith('claims '))) return;
  t.findingGone++;
  if (problem?.startsWith('adds a ')) return;
  t.noNewFinding++;
  if (problem?.startsWith('changes text outside')) return;
  t.insideRetry++;
}

/** The tally as one line for the test output. */
export function tallyLine(t: EditTally): string {
  return `applied ${t.applied}, parse OK ${t.parses}, finding gone ${t.findingGone}, no new finding ${t.noNewFinding}, nothing outside the retry changed ${t.insideRetry}`;
}

/** What is wrong with an offered edit (does not parse, leaves its finding, adds one, edits outside the retry), or undefined. */
export function problemOf(text: string, file: string, before: readonly Finding[], edit: OfferedEdit): string | undefined {
  // A helper plan's import is the server's part: added here too, so the analysis reads the
  // rewritten retry as a call of the helper (recognised, judged like any library retry).
  const out = helperImport(file, edit, text) + apply(text, edit.edits);
  const err = parseError(out, file);
  if (err) return `does not parse: ${err}`;
  const after = findings(out, file);
  const b = countByRule(before);
  const a = countByRule(after);
  for (const [rule, n] of a) {
    const was = b.get(rule) ?? 0;
    const max = rule === edit.finding.ruleId ? was - 1 : was;
    if (n > max) return rule === edit.finding.ruleId ? `the ${rule} finding is not gone (${was} → ${n})` : `adds a ${rule} finding (${was} → ${n})`;
  }
  if (edit.kind === 'helper') {
    // Every finding the plan claims is gone: its rule's count drops by at least that many.
    const claimed = before.filter((f) => edit.plan && (edit.plan.resolves as string[]).includes(f.ruleId.replace(/^retry\//, '')) && edit.plan.covers.some(([x, y]) => offsetOf(text, f.line, f.column) >= x && offsetOf(text, f.line, f.column) < y));
    for (const [rule, n] of countByRule(claimed)) if ((a.get(rule) ?? 0) > (b.get(rule) ?? 0) - n) return `claims ${n} ${rule} finding(s) it does not resolve`;
  }
  const regions = retryRegions(text, file, offsetOf(text, edit.finding.line, edit.finding.column));
  // A helper plan's import goes at the top of the file (the server's part), not in these edits. A
  // library suggestion may add the name it uses to an import (or `require` destructuring) of the file.
  const imports = importRegions(text, file);
  for (const e of edit.edits.flatMap((x) => hunks(text, x))) {
    if (regions.some(([x, y]) => x <= e.range[0] && e.range[1] <= y)) continue;
    if (edit.kind === 'suggestion' && imports.some(([x, y]) => x <= e.range[0] && e.range[1] <= y) && addsOnlyNames(text.slice(e.range[0], e.range[1]), e.text)) continue;
    return `changes text outside the retry (${e.range[0]}–${e.range[1]})`;
  }
  return undefined;
}

/** The import line the server adds for a helper plan (none for a suggestion), on the file's first line. */
function helperImport(file: string, edit: OfferedEdit, text = ''): string {
  if (edit.kind !== 'helper' || !edit.plan || text.startsWith('#!')) return '';
  const names = edit.plan.names.join(', ');
  return /\.cjs$/.test(file) ? `const { ${names} } = require('./retry-with-backoff'); ` : `import { ${names} } from './retry-with-backoff'; `;
}

/** Whether `after` is `before` with only names, commas and spaces added (a name added to an import list). */
function addsOnlyNames(before: string, after: string): boolean {
  let i = 0;
  for (const ch of after) {
    if (i < before.length && ch === before[i]) i++;
    else if (!/[\s,\w$]/.test(ch)) return false;
  }
  return i === before.length;
}

/** The top-level import declarations and `require` declarations of a file, as ranges. */
function importRegions(text: string, file: string): Array<[number, number]> {
  const sc = sourceCodeOf({ filePath: file, text });
  if (!sc) return [];
  const ranges = (sc.ast as TSESTree.Program).body.filter((s) => s.type === 'ImportDeclaration' || (s.type === 'VariableDeclaration' && /\brequire\s*\(/.test(text.slice(s.range[0], s.range[1])) && s.declarations.length === 1)).map((s): [number, number] => [s.range[0], s.range[1]]);
  // Imports on consecutive lines form one region (a diff hunk may span them).
  const out: Array<[number, number]> = [];
  for (const r of ranges) {
    const last = out[out.length - 1];
    if (last && /^\s*$/.test(text.slice(last[1], r[0]))) last[1] = r[1];
    else out.push([r[0], r[1]]);
  }
  return out;
}

/**
 * The changed parts of one edit (ESLint merges a suggestion's fixes into one, copying the text
 * between them): a line diff of the replaced text and its replacement, each changed run of lines
 * trimmed to the characters that differ.
 */
export function hunks(text: string, edit: { range: [number, number]; text: string }): Array<{ range: [number, number]; text: string }> {
  const before = text.slice(edit.range[0], edit.range[1]);
  if (!before.includes('\n') || !edit.text.includes('\n')) return [edit];
  const a = before.split('\n');
  const b = edit.text.split('\n');
  // Longest common subsequence of lines (the files are small).
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const starts: number[] = [];
  for (let i = 0, o = edit.range[0]; i <= a.length; i++) {
    starts.push(o);
    o += (a[i]?.length ?? 0) + 1;
  }
  const out: Array<{ range: [number, number]; text: string }> = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    const i0 = i;
    const j0 = j;
    while ((i < a.length || j < b.length) && !(i < a.length && j < b.length && a[i] === b[j])) {
      if (j < b.length && (i >= a.length || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) j++;
      else i++;
    }
    // Lines i0..i of the original became lines j0..j; trim what stayed the same at both ends.
    const oldText = a.slice(i0, i).join('\n');
    const newText = b.slice(j0, j).join('\n');
    let p = 0;
    while (p < oldText.length && p < newText.length && oldText[p] === newText[p]) p++;
    let q = 0;
    while (q < oldText.length - p && q < newText.length - p && oldText[oldText.length - 1 - q] === newText[newText.length - 1 - q]) q++;
    const start = starts[i0]! + p;
    out.push({ range: [start, starts[i0]! + oldText.length - q], text: newText.slice(p, newText.length - q) });
  }
  return out;
}

/**
 * A scripted HTTP answer for the library run-both tests: a status with an optional Retry-After
 * (`seconds:2` = "2", `date:+3` = an HTTP-date 3 s ahead, RFC 9110 §10.2.3), or a network error.
 */
export type LibraryAnswer = { status: number; retryAfter?: 'seconds:2' | 'date:+3' } | 'network';

/** The scenarios of issue 10 that every library run-both test plays, each an answer per attempt (the last repeats). */
export const LIBRARY_SCENARIOS: Record<string, LibraryAnswer[]> = {
  '503, 503, 200': [{ status: 503 }, { status: 503 }, { status: 200 }],
  '400': [{ status: 400 }],
  'network error, 200': ['network', { status: 200 }],
  '429 Retry-After 2 s, 200': [{ status: 429, retryAfter: 'seconds:2' }, { status: 200 }],
  '429 Retry-After HTTP-date (+3 s), 200': [{ status: 429, retryAfter: 'date:+3' }, { status: 200 }],
  'always 503': [{ status: 503 }],
};

/** require-max-delay's default longest wait (ms): the one cap a rewrite may add where the original had none. */
export const DEFAULT_MAX_DELAY_MS = 60_000;
/** The bundled helper's default `maxDelayMs` (snippets/retry-with-backoff). */
const HELPER_DEFAULT_MAX_DELAY_MS = 20_000;

/**
 * Compares, attempt by attempt, the waits of a retry program and of a helper rewrite of it (a
 * `retryWithBackoff` or `backoffDelay` plan), on one scripted server. The rewrite may differ from
 * the original only in these named ways, each the point of a finding it resolves:
 * - full jitter: the helper draws each wait from [0, ceiling) (AWS Architecture Blog, "Exponential
 *   Backoff And Jitter"); with random() = 0.5 it waits half the original's ceiling, the longest wait
 *   the original could take there (the original run with random() just below 1);
 * - growth (require-backoff): a constant wait (the same ceiling on every attempt) doubles on each
 *   attempt, up to the helper's default cap (20 s) or the wait itself when longer;
 * - cap (require-max-delay): no wait above `maxDelayMs` (60 000 ms unless given);
 * - whole milliseconds: the helper rounds, so each wait may differ by up to 1 ms.
 * A wait that follows an answer carrying Retry-After is the server's, and a wait after the last
 * attempt delays only the final error: neither is compared here. Returns
 * what differs, or undefined.
 */
export async function scheduleProblem(original: string, rewritten: string, script: readonly Answer[], resolves: readonly string[], maxDelayMs = DEFAULT_MAX_DELAY_MS): Promise<string | undefined> {
  const top = await runProgram(original, script, () => 1 - 1e-12);
  const ceilings = top.waits;
  const after = (await runProgram(rewritten, script, () => 0.5)).waits;
  const constant = ceilings.length > 1 && ceilings.every((w) => Math.abs(w - ceilings[0]!) < 1);
  const grows = constant && resolves.includes('require-backoff');
  // Growth the original did not have stops at the helper's default cap (20 s), or at the wait itself when longer.
  const expected = ceilings.map((c, i) => 0.5 * Math.min(grows ? Math.min(ceilings[0]! * 2 ** i, Math.max(ceilings[0]!, HELPER_DEFAULT_MAX_DELAY_MS)) : c, maxDelayMs));
  const told = (i: number): boolean => {
    const a = script[Math.min(i, script.length - 1)];
    return a !== undefined && a !== 'network' && !!a.headers && Object.keys(a.headers).some((k) => /retry-after/i.test(k));
  };
  // Only the waits an attempt follows: a wait after the last attempt (the original's catch waits
  // before its loop test ends it) delays nothing but the final error.
  const n = Math.min(expected.length, after.length, top.requests.length - 1);
  for (let i = 0; i < n; i++) {
    if (told(i)) continue;
    if (Math.abs(after[i]! - expected[i]!) > 1) return `wait ${i + 1} is ${after[i]} ms, expected ${Math.round(expected[i]!)} ms (original ceilings ${ceilings.map(Math.round).join(', ')}; rewritten ${after.join(', ')})`;
  }
  // The original waited after its last attempt too (the wait is in the catch, before the loop's
  // test ends it): the helper does not wait for nothing; every other wait is there.
  const trailing = ceilings.length === top.requests.length && after.length === ceilings.length - 1;
  if (after.length !== ceilings.length && !trailing) return `waits ${after.length} times, the original ${ceilings.length} (original ceilings ${ceilings.map(Math.round).join(', ')}; rewritten ${after.join(', ')})`;
  return undefined;
}
