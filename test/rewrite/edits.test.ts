// Every edit the product offers (each ESLint suggestion, each "Use the backoff helper" plan), on
// every shared case, labelled fixture and example: the result parses with the file's parser, the
// finding is gone, no finding of any rule is added, and nothing outside the retry changed.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findings, offeredEdits, problemOf } from './harness';

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
