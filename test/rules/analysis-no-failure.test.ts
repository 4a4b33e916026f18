// The analysis guard (analysis-failure.test.ts) keeps a crash in one construct from costing the whole
// file, but the construct's sites are lost without a word: a finding silently missing. This test
// holds that valid code never gets there: linting the inputs below and every labelled analysis
// fixture publishes no failure on the debug channel. The two inputs are the crashes found on
// 2026-12-04: a local initialised from a member named like it (`const status = e?.status || …`,
// followed back into itself by the recursion bound reader until the stack overflowed, which lost
// an unbounded 429 retry), and a plain function named `bind` handed on as an argument (lodash's
// `bind(func, thisArg)`, read as `fn.bind(this)`).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import plugin from '../../eslint-plugin/src/index';
import { ANALYSIS_FAILURE_CHANNEL, forgetPublishedFailures, type AnalysisFailure } from '../../eslint-plugin/src/analysis/index';

const ALL_RULES = Object.fromEntries(Object.keys(plugin.rules).map((id) => [`retry/${id}`, 'error' as const]));

function lint(code: string, filename: string): Linter.LintMessage[] {
  const linter = new Linter({ configType: 'flat' });
  return linter.verify(code, [{ files: ['**/*.*'], languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } }, plugins: { retry: plugin }, rules: ALL_RULES }], { filename });
}

/** h9-45 (real-cases/held-out-9): `const status = e?.status || …` in an unbounded 429 retry. */
const SELF_NAMED_MEMBER = readFileSync(join(__dirname, '..', 'fixtures', 'real-cases', 'held-out-9', 'h9-45-gmail-429-jittered-recursion.ts'), 'utf8');

const PLAIN_BIND = `
function bind(func, thisArg) { return (...args) => func.apply(thisArg, args); }
export function subscribe(target, handler) {
  target.addListener(bind(handler, target));
  return () => subscribe(target, handler);
}
`;

describe('the retry analysis does not fail on valid code', () => {
  const failures: AnalysisFailure[] = [];
  const collect = (message: unknown): void => {
    failures.push(message as AnalysisFailure);
  };
  before(() => subscribe(ANALYSIS_FAILURE_CHANNEL, collect));
  beforeEach(() => {
    forgetPublishedFailures();
    failures.length = 0;
  });
  after(() => unsubscribe(ANALYSIS_FAILURE_CHANNEL, collect));

  it('a local initialised from a member named like it: no failure, and the unbounded 429 retry is found', () => {
    const messages = lint(SELF_NAMED_MEMBER, 'quota.ts');
    assert.deepEqual(failures.map((f) => String(f.error)), []);
    assert.ok(messages.some((m) => m.ruleId === 'retry/no-unbounded-retry'), JSON.stringify(messages.map((m) => m.ruleId)));
  });

  it('a plain function named bind handed on as an argument: no failure', () => {
    lint(PLAIN_BIND, 'bind.js');
    assert.deepEqual(failures.map((f) => String(f.error)), []);
  });

  it('every labelled analysis fixture: no failure', function () {
    this.timeout(120_000);
    const dir = join(__dirname, '..', 'fixtures', 'analysis');
    const files = readdirSync(dir).filter((f) => /\.(m|c)?[jt]sx?$/.test(f));
    assert.ok(files.length > 1000, 'the fixtures are present');
    for (const f of files) {
      forgetPublishedFailures();
      lint(readFileSync(join(dir, f), 'utf8'), f);
      assert.deepEqual(failures.map((x) => `${f}: ${String(x.error)}`), []);
    }
  });
});
