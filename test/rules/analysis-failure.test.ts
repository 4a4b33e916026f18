// The one guard of the retry analysis (eslint-plugin/src/analysis/guard.ts): should the analysis of
// one construct (a loop, a function, a library call) throw, that construct has no site, the other
// sites of the file are kept in every rule, nothing throws, and the failure is published once per
// rule and node type on a debug channel, not printed. Should the analysis fail outside every
// construct, the file has no sites (the whole file is the construct of last resort).
// The valid inputs known to have made the analysis throw are fixed (the import-equals crash of issue
// 11; the two of analysis-no-failure.test.ts, which holds every fixture free of failures), so the
// failure is injected through the documented test seam `analysisTestSeam`.
import assert from 'node:assert/strict';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import plugin from '../../eslint-plugin/src/index';
import { ANALYSIS_FAILURE_CHANNEL, analysisTestSeam, forgetPublishedFailures, getRetrySitesFor, type AnalysisFailure } from '../../eslint-plugin/src/analysis/index';

const ALL_RULES = Object.fromEntries(Object.keys(plugin.rules).map((id) => [`retry/${id}`, 'error' as const]));

const UNBOUNDED = `
export async function poll(url: string) {
  for (;;) {
    try { return await fetch(url); } catch { /* again */ }
  }
}
`;

function lint(code: string, filename: string): Linter.LintMessage[] {
  const linter = new Linter({ configType: 'flat' });
  return linter.verify(code, [{ files: ['**/*.ts'], languageOptions: { parser: tsParser }, plugins: { retry: plugin }, rules: ALL_RULES }], { filename });
}

describe('a failure of the retry analysis', () => {
  const failures: AnalysisFailure[] = [];
  const collect = (message: unknown): void => {
    failures.push(message as AnalysisFailure);
  };

  before(() => subscribe(ANALYSIS_FAILURE_CHANNEL, collect));
  // Failures are published once per process: each test starts from none published, whatever ran before it.
  beforeEach(() => forgetPublishedFailures());
  after(() => {
    unsubscribe(ANALYSIS_FAILURE_CHANNEL, collect);
    analysisTestSeam.analyze = undefined;
  });

  it('drops only the construct that fails: the other retry sites of the file are reported, and one line names the rule and node type', () => {
    failures.length = 0;
    // Three retries in one file: two loops and a recursion. Only the first loop's analysis fails.
    const code = `
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export async function first(url: string) {
  for (;;) {
    try { return await fetch(url); } catch { /* again */ }
  }
}
export async function second(url: string) {
  while (true) {
    try { return await fetch(url); } catch { await sleep(1000); }
  }
}
export async function third(url: string): Promise<Response> {
  try { return await fetch(url); } catch { await sleep(500); return third(url); }
}
`;
    const healthy = lint(code, 'whole.ts');
    const firstLoop = code.split('\n').findIndex((l) => l.includes('for (;;)')) + 1;
    assert.ok(healthy.some((m) => m.line === firstLoop), JSON.stringify(healthy));
    let thrown = 0;
    analysisTestSeam.construct = (node) => {
      if (node.type === 'ForStatement') {
        thrown++;
        throw new TypeError("Cannot read properties of undefined (reading 'type')");
      }
    };
    let messages: Linter.LintMessage[] = [];
    try {
      assert.doesNotThrow(() => {
        messages = lint(code, 'partial.ts');
      });
    } finally {
      analysisTestSeam.construct = undefined;
    }
    assert.equal(thrown, 1, 'the analysis runs once per file, whatever the number of rules');
    // Exactly the failed loop's findings are gone; every other finding of every rule is still there.
    const key = (m: Linter.LintMessage): string => `${m.ruleId}:${m.line}:${m.message}`;
    assert.deepEqual(messages.map(key), healthy.filter((m) => m.line !== firstLoop).map(key));
    assert.ok(messages.some((m) => m.ruleId === 'retry/no-unbounded-retry'), JSON.stringify(messages));
    assert.ok(messages.some((m) => m.ruleId === 'retry/require-backoff'), JSON.stringify(messages));
    // Published once per rule, naming the rule and the construct's node type.
    assert.deepEqual(failures.map((f) => f.ruleId).sort(), Object.keys(ALL_RULES).sort());
    for (const failure of failures) {
      assert.equal(failure.nodeType, 'ForStatement');
      assert.match(String(failure.filename), /partial\.ts$/);
    }
    failures.length = 0;
  });

  it('gives the file no sites in every rule, without throwing, and is published once per rule and node type', () => {
    analysisTestSeam.analyze = () => {
      throw new TypeError("Cannot read properties of undefined (reading 'type')");
    };
    let first: Linter.LintMessage[] = [];
    assert.doesNotThrow(() => {
      first = lint(UNBOUNDED, 'a.ts');
    });
    assert.deepEqual(first, []);
    assert.deepEqual(failures.map((f) => f.ruleId).sort(), Object.keys(ALL_RULES).sort());
    for (const failure of failures) {
      assert.equal(failure.nodeType, 'Program');
      assert.match(String(failure.filename), /a\.ts$/);
      assert.ok(failure.error instanceof TypeError);
    }
    // The same fault in another file is not published again.
    assert.deepEqual(lint(UNBOUNDED, 'b.ts'), []);
    assert.equal(failures.length, Object.keys(ALL_RULES).length);
  });

  it('leaves other files and later runs alone once the analysis works', () => {
    analysisTestSeam.analyze = undefined;
    const messages = lint(UNBOUNDED, 'c.ts');
    assert.ok(messages.some((m) => m.ruleId === 'retry/no-unbounded-retry'), JSON.stringify(messages));
  });

  it('getRetrySitesFor (the server’s entry) returns no sites rather than throwing', () => {
    analysisTestSeam.analyze = () => {
      throw new Error('boom');
    };
    const linter = new Linter({ configType: 'flat' });
    linter.verify(UNBOUNDED, [{ files: ['**/*.ts'], languageOptions: { parser: tsParser } }], { filename: 'd.ts' });
    const sourceCode = linter.getSourceCode() as unknown as Parameters<typeof getRetrySitesFor>[0];
    assert.deepEqual(getRetrySitesFor(sourceCode), []);
    analysisTestSeam.analyze = undefined;
  });
});
