// Every edit the product offers (each ESLint suggestion, each "Use the backoff helper" plan), on
// every shared case, labelled fixture and example: the result parses with the file's parser, the
// finding is gone, no finding of any rule is added, and nothing outside the retry changed; and
// on every real-code development set under test/fixtures/real-cases.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findings, newTally, offeredEdits, problemOf, tally, tallyLine } from './harness';

const ROOT = path.resolve(__dirname, '../..');
const REAL_CASES = path.join(ROOT, 'test/fixtures/real-cases');
/** Sets written and scored blind this session (held-out-13, -14): left out until they become development sets next session. */
const BLIND = /^held-out-2[1-4]$/;
const SOURCES: Record<string, string[]> = {
  'every shared case, labelled fixture and example': [path.resolve(ROOT, '../shared/cases'), path.join(ROOT, 'test/fixtures/analysis'), path.join(ROOT, 'examples')],
  // Every real-code development set: the cases at the top of real-cases and each sub-folder
  // (held-out, held-out-2 … held-out-10, dev-4, dev-6, …).
  'every real-code development set (test/fixtures/real-cases and each sub-folder)': [REAL_CASES],
};

function files(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    if (fs.statSync(p).isDirectory()) return BLIND.test(f) ? [] : files(p);
    return /\.(c|m)?(j|t)sx?$/.test(f) ? [p] : [];
  });
}

describe('every offered edit: parses, removes its finding, adds none, stays inside the retry', function () {
  this.timeout(600_000);
  for (const [name, dirs] of Object.entries(SOURCES)) {
    it(`holds on ${name}`, () => {
      let findingsTotal = 0;
      let withEdit = 0;
      const counts = { suggestion: newTally(), helper: newTally() };
      const problems: string[] = [];
      const list = dirs.flatMap(files);
      assert.ok(list.length > 0, `${name}: files found`);
      for (const file of list) {
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
      console.log(`      edits (${list.length} files): findings with an edit ${withEdit}/${findingsTotal}; suggestions: ${tallyLine(counts.suggestion)}; helper actions: ${tallyLine(counts.helper)}`);
      assert.deepEqual(problems, []);
    });
  }
});
