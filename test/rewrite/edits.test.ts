// Every edit the product offers (each ESLint suggestion, each "Use the backoff helper" plan), on
// every shared case, labelled fixture and example: the result parses with the file's parser, the
// finding is gone, no finding of any rule is added, and nothing outside the retry changed.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findings, newTally, offeredEdits, problemOf, tally, tallyLine } from './harness';

const ROOT = path.resolve(__dirname, '../..');
// The real-code development sets held-out-4 and held-out-5 are sub-folders of real-cases, listed by name.
const SOURCES = [
  path.resolve(ROOT, '../shared/cases'),
  path.join(ROOT, 'test/fixtures/analysis'),
  path.join(ROOT, 'examples'),
  path.join(ROOT, 'test/fixtures/real-cases/held-out-4'),
  path.join(ROOT, 'test/fixtures/real-cases/held-out-5'),
];

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
  it('holds on every shared case, labelled fixture, example and the held-out-4/5 development sets', () => {
    let findingsTotal = 0;
    let withEdit = 0;
    const counts = { suggestion: newTally(), helper: newTally() };
    const problems: string[] = [];
    for (const file of SOURCES.flatMap(files)) {
      const text = fs.readFileSync(file, 'utf8');
      const before = findings(text, file);
      const edits = offeredEdits(text, file, before);
      findingsTotal += before.length;
      withEdit += before.filter((f) => edits.some((e) => e.finding === f)).length;
      for (const edit of edits) {
        const problem = problemOf(text, file, before, edit);
        tally(counts[edit.kind], problem);
        if (problem) problems.push(`${path.relative(ROOT, file)}:${edit.finding.line} ${edit.finding.ruleId} — ${edit.kind} "${edit.title}": ${problem}`);
      }
    }
    // One summary line in the test output: the counts the closing note of issue 10 asks for.
    // eslint-disable-next-line no-console
    console.log(`      edits: findings with an edit ${withEdit}/${findingsTotal}; suggestions: ${tallyLine(counts.suggestion)}; helper actions: ${tallyLine(counts.helper)}`);
    assert.deepEqual(problems, []);
  });
});
