// Each file of test/fixtures/analysis is labelled like the shared cases: line 1 `// expect: …`
// (or `// expect: ok`), and `// <- label, label` on each line where a finding is expected.
// The test asserts every label is reported by its rule on that line (±1 line, for findings
// reported on a binding next to the wait) and nothing else is reported.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import plugin from '../../eslint-plugin/src/index';

const RULE_OF: Record<string, string> = {
  'no-jitter': 'require-jitter',
  'no-backoff': 'require-backoff',
  'uncapped-delay': 'require-max-delay',
  'unbounded-retry': 'no-unbounded-retry',
  'non-idempotent-retry': 'require-idempotency-key',
  'ignores-retry-after': 'respect-retry-after',
  'retries-non-retriable': 'no-retry-on-client-error',
};
const dir = join(__dirname, '..', 'fixtures', 'analysis');
const linter = new Linter({ configType: 'flat' });
const config: Linter.Config[] = [
  {
    files: ['**/*.{js,jsx,ts,tsx}'],
    languageOptions: { parser: tsParser as Linter.Parser, ecmaVersion: 'latest', sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } },
    plugins: { retry: plugin as unknown as NonNullable<Linter.Config['plugins']>[string] },
    rules: Object.fromEntries(Object.keys(plugin.rules).map((id) => [`retry/${id}`, 'error' as const])),
  },
];

describe('labelled analysis fixtures', () => {
  for (const file of readdirSync(dir).sort()) {
    it(file, () => {
      const text = readFileSync(join(dir, file), 'utf8');
      const expected: { rule: string; line: number }[] = [];
      text.split('\n').forEach((l, i) => {
        const m = /\/\/\s*<-\s*([a-z-]+(?:\s*,\s*[a-z-]+)*)/.exec(l);
        for (const label of m ? m[1]!.split(/\s*,\s*/) : []) expected.push({ rule: `retry/${RULE_OF[label]!}`, line: i + 1 });
      });
      const messages = linter.verify(text, config, { filename: file });
      assert.deepEqual(messages.filter((m) => !m.ruleId), [], 'the file parses');
      const found = messages.map((m) => ({ rule: m.ruleId!, line: m.line, used: false }));
      const missing = expected.filter((e) => {
        const f = found.find((x) => !x.used && x.rule === e.rule && Math.abs(x.line - e.line) <= 1);
        if (f) f.used = true;
        return !f;
      });
      assert.deepEqual({ missing, extra: found.filter((f) => !f.used) }, { missing: [], extra: [] });
    });
  }
});
