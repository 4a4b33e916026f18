// Every edit the product offers (each ESLint suggestion, each "Use the backoff helper" plan), on
// every shared case, labelled fixture and example: the result parses with the file's parser, the
// finding is gone, no finding of any rule is added, and nothing outside the retry changed.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { apply, findings, offeredEdits, offsetOf, parseError, type Finding, type OfferedEdit } from './harness';
import { sourceCodeOf } from '../../extension/src/server/linting';
import { getRetrySitesFor } from '../../eslint-plugin/src/analysis/index';
import type { TSESTree } from '@typescript-eslint/utils';

const ROOT = path.resolve(__dirname, '../..');
const SOURCES = [path.resolve(ROOT, '../shared/cases'), path.join(ROOT, 'test/fixtures/analysis'), path.join(ROOT, 'examples')];

function files(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    if (fs.statSync(p).isDirectory()) return files(p);
    return /\.(c|m)?(j|t)sx?$/.test(f) ? [p] : [];
  });
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
  const top = (sc.ast as TSESTree.Program).body;
  const holding = (r: readonly [number, number]) => top.filter((s) => s.range[0] <= r[0] && r[1] <= s.range[1]).map((s) => s.range);
  const regions: Array<[number, number]> = [...holding([at, at])];
  for (const site of getRetrySitesFor(sc as never)) {
    const nodes = [site.node, site.bound.node, site.noWait, ...site.waits.flatMap((w) => [w.node, w.delay.node]), ...site.nonIdempotent.map((r) => r.node), ...site.rateLimitChecks, ...site.clientErrorRetries.map((c) => c.node)].filter((n): n is TSESTree.Node => !!n);
    if (!nodes.some((n) => n.range[0] === at)) continue;
    for (const n of nodes) regions.push(...holding(n.range));
  }
  return regions;
}

/** What is wrong with an offered edit, or undefined. */
function problemOf(text: string, file: string, before: readonly Finding[], edit: OfferedEdit): string | undefined {
  const out = apply(text, edit.edits);
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
  // A helper plan's import goes at the top of the file (the server's part), not in these edits.
  for (const e of edit.edits) if (!regions.some(([x, y]) => x <= e.range[0] && e.range[1] <= y)) return `changes text outside the retry (${e.range[0]}–${e.range[1]})`;
  return undefined;
}

describe('every offered edit: parses, removes its finding, adds none, stays inside the retry', function () {
  this.timeout(300_000);
  it('holds on every shared case, labelled fixture and example', () => {
    let findingsTotal = 0;
    let withEdit = 0;
    let editsTotal = 0;
    const problems: string[] = [];
    for (const file of SOURCES.flatMap(files)) {
      const text = fs.readFileSync(file, 'utf8');
      const before = findings(text, file);
      const edits = offeredEdits(text, file, before);
      findingsTotal += before.length;
      withEdit += before.filter((f) => edits.some((e) => e.finding === f)).length;
      for (const edit of edits) {
        editsTotal++;
        const problem = problemOf(text, file, before, edit);
        if (problem) problems.push(`${path.relative(ROOT, file)}:${edit.finding.line} ${edit.finding.ruleId} — ${edit.kind} "${edit.title}": ${problem}`);
      }
    }
    // eslint-disable-next-line no-console
    if (process.env.RETRY_LINT_COUNTS) console.log(`offered edits: ${editsTotal} checked; findings with an edit ${withEdit}/${findingsTotal}; problems ${problems.length}`);
    assert.deepEqual(problems, []);
  });
});
