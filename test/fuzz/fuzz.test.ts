// The fuzz run of `npm test`: 2,000 programs from a fixed seed (random programs from eslump and
// mutated retry shapes, see ./fuzz.ts) through all seven rules, with no rule exception. It prints
// the programs generated, the exceptions and the seed. For a longer run: `npm run fuzz -- --count 10000 --seed N`.
import assert from 'node:assert/strict';
import { analysisTestSeam } from '../../eslint-plugin/src/analysis/index';
import { runFuzz, summary } from './fuzz';

/** The seed of the CI run: change it only with a reason (a new seed is a new set of programs). */
export const CI_SEED = 20261202;
const CI_COUNT = 2000;

describe('fuzz: seven rules on generated and mutated programs', function () {
  // About 35 CPU-seconds; no timing is asserted, the limit only stops a hang.
  this.timeout(600_000);

  it(`${CI_COUNT} programs from seed ${CI_SEED}: zero rule exceptions`, function () {
    const result = runFuzz({ count: CI_COUNT, seed: CI_SEED });
    console.log(`\n  ${summary(result)}`);
    assert.equal(result.programs, CI_COUNT);
    // Every mutation took part, and most programs were linted (a random program the default parser rejects is skipped).
    assert.ok(Object.keys(result.mutations).length >= 12, JSON.stringify(result.mutations));
    assert.ok(result.lints >= CI_COUNT, `${result.lints} lint runs`);
    const shown = result.defects.slice(0, 3).map((d) => `${d.origin} (${d.parser}):\n${d.error.split('\n').slice(0, 4).join('\n')}\n--- program ---\n${d.text.slice(0, 1500)}`);
    assert.equal(result.exceptions, 0, shown.join('\n\n'));
  });

  it('counts a construct the analysis guard dropped as a rule exception (the harness sees what the guard hides)', function () {
    // Every construct fails, the whole file (Program) included: each program linted must count.
    analysisTestSeam.construct = () => {
      throw new TypeError('injected');
    };
    try {
      const result = runFuzz({ count: 6, seed: 1 });
      assert.ok(result.exceptions >= result.lints, summary(result));
      assert.match(result.defects[0]!.error, /analysis guard dropped a \w+: TypeError: injected/);
    } finally {
      analysisTestSeam.construct = undefined;
    }
  });
});
