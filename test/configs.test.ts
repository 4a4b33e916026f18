// The published configs and entry points, loaded the way users load them: the built package through
// `require` and `import`, and ESLint's own API (flat `ESLint` and `Linter`, and the eslintrc `LegacyESLint`).
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ESLint, Linter, loadESLint } from 'eslint';

const ROOT = path.resolve(__dirname, '..');
const requireFromRoot = createRequire(path.join(ROOT, 'package.json'));

interface BuiltPlugin {
  meta: { name: string; version: string };
  rules: Record<string, unknown>;
  configs: Record<string, { plugins?: unknown; rules: Record<string, unknown> }>;
}

/** The built package, as `require('eslint-plugin-retry')` gives it. */
const plugin = requireFromRoot('eslint-plugin-retry') as BuiltPlugin;

const RULE_IDS = [
  'no-retry-on-client-error',
  'no-unbounded-retry',
  'require-backoff',
  'require-idempotency-key',
  'require-jitter',
  'require-max-delay',
  'respect-retry-after',
];

/** A retry that never stops and never waits: reported under every config. */
const UNBOUNDED_RETRY = `export async function keepTrying(op) {
  while (true) {
    try {
      return await op();
    } catch {}
  }
}
`;

/** The rule ids and severities reported on a text, sorted. */
function findings(messages: Linter.LintMessage[]): Array<[string | null, number]> {
  return messages.map((m): [string | null, number] => [m.ruleId, m.severity]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
}

/** `[severity]` or `[severity, options]` of a rule in a config computed by ESLint, severity as a number. */
function severityOf(rules: Record<string, unknown>, id: string): number {
  const entry = rules[id];
  const level: unknown = Array.isArray(entry) ? entry[0] : entry;
  return level === 'error' || level === 2 ? 2 : level === 'warn' || level === 1 ? 1 : 0;
}

describe('package entry points', () => {
  it('require() gives { meta, rules, configs } with the package name and version', () => {
    const pkg = requireFromRoot('eslint-plugin-retry/package.json') as { name: string; version: string };
    assert.equal(plugin.meta.name, 'eslint-plugin-retry');
    assert.equal(plugin.meta.version, pkg.version);
    assert.deepEqual(Object.keys(plugin.rules).sort(), RULE_IDS);
    assert.deepEqual(Object.keys(plugin.configs).sort(), ['recommended', 'recommended-legacy', 'strict']);
  });

  it('import gives the same plugin object as require, as default and named exports', async () => {
    const esm = (await import('eslint-plugin-retry')) as unknown as BuiltPlugin & { default: BuiltPlugin };
    assert.equal(esm.default, plugin);
    assert.equal(esm.meta, plugin.meta);
    assert.equal(esm.rules, plugin.rules);
    assert.equal(esm.configs, plugin.configs);
  });

  it('the flat configs register the plugin under the `retry` namespace', () => {
    for (const name of ['recommended', 'strict']) {
      assert.deepEqual(plugin.configs[name]?.plugins, { retry: plugin }, name);
    }
    assert.deepEqual(plugin.configs['recommended-legacy']?.plugins, ['retry']);
  });
});

describe('flat configs through ESLint', () => {
  it('recommended turns on every rule: errors for incidents, warnings for the rest', async () => {
    const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: [plugin.configs['recommended'] as Linter.Config] });
    const config = (await eslint.calculateConfigForFile('retry.js')) as { rules: Record<string, unknown> };
    const severities = Object.fromEntries(RULE_IDS.map((id) => [id, severityOf(config.rules, `retry/${id}`)]));
    assert.deepEqual(severities, {
      'no-retry-on-client-error': 2,
      'no-unbounded-retry': 2,
      'require-backoff': 1,
      'require-idempotency-key': 2,
      'require-jitter': 1,
      'require-max-delay': 2,
      'respect-retry-after': 1,
    });
  });

  it('strict makes every rule an error and caps single waits at 30 s', async () => {
    const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: [plugin.configs['strict'] as Linter.Config] });
    const config = (await eslint.calculateConfigForFile('retry.js')) as { rules: Record<string, unknown> };
    for (const id of RULE_IDS) assert.equal(severityOf(config.rules, `retry/${id}`), 2, id);
    assert.deepEqual(config.rules['retry/require-max-delay'], [2, { maxDelayMs: 30_000 }]);
  });

  it('recommended reports an endless retry through ESLint.lintText', async () => {
    const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: [plugin.configs['recommended'] as Linter.Config] });
    const [result] = await eslint.lintText(UNBOUNDED_RETRY, { filePath: path.join(ROOT, 'keep-trying.js') });
    assert.deepEqual(findings(result?.messages ?? []), [
      ['retry/no-unbounded-retry', 2],
      ['retry/require-backoff', 1],
    ]);
  });

  it('strict reports the same code with errors only, through Linter', () => {
    const linter = new Linter({ configType: 'flat' });
    const messages = linter.verify(UNBOUNDED_RETRY, [plugin.configs['strict'] as Linter.Config], 'keep-trying.js');
    assert.deepEqual(findings(messages), [
      ['retry/no-unbounded-retry', 2],
      ['retry/require-backoff', 2],
    ]);
  });

  it('recommended runs on TypeScript through @typescript-eslint/parser', () => {
    const linter = new Linter({ configType: 'flat' });
    const tsParser = requireFromRoot('@typescript-eslint/parser') as Linter.Parser;
    const typed = UNBOUNDED_RETRY.replace('keepTrying(op)', 'keepTrying<T>(op: () => Promise<T>): Promise<T>');
    const messages = linter.verify(
      typed,
      [{ files: ['**/*.ts'], languageOptions: { parser: tsParser } }, { ...(plugin.configs['recommended'] as Linter.Config), files: ['**/*.ts'] }],
      'keep-trying.ts',
    );
    assert.deepEqual(findings(messages), [
      ['retry/no-unbounded-retry', 2],
      ['retry/require-backoff', 1],
    ]);
  });
});

describe('recommended-legacy through the eslintrc API', () => {
  it('LegacyESLint (loadESLint({ useFlatConfig: false })) extends plugin:retry/recommended-legacy', async () => {
    const LegacyESLint = (await loadESLint({ useFlatConfig: false })) as unknown as typeof import('eslint').ESLint;
    const eslint = new LegacyESLint({
      cwd: ROOT,
      useEslintrc: false,
      overrideConfig: {
        extends: ['plugin:retry/recommended-legacy'],
        parserOptions: { ecmaVersion: 2022, sourceType: 'module' },
      },
    } as unknown as ESLint.Options);
    const config = (await eslint.calculateConfigForFile('retry.js')) as { rules: Record<string, unknown>; plugins: string[] };
    assert.ok(config.plugins.includes('retry'));
    for (const id of RULE_IDS) {
      assert.equal(severityOf(config.rules, `retry/${id}`), severityOf(plugin.configs['recommended']?.rules ?? {}, `retry/${id}`), id);
    }
    const [result] = await eslint.lintText(UNBOUNDED_RETRY, { filePath: path.join(ROOT, 'keep-trying.js') });
    assert.deepEqual(findings(result?.messages ?? []), [
      ['retry/no-unbounded-retry', 2],
      ['retry/require-backoff', 1],
    ]);
  });

  it('the eslintrc Linter runs the rules once they are defined', () => {
    const linter = new Linter({ configType: 'eslintrc' });
    const legacy = linter as unknown as { defineRule(id: string, rule: unknown): void };
    for (const [id, rule] of Object.entries(plugin.rules)) legacy.defineRule(`retry/${id}`, rule);
    const messages = linter.verify(UNBOUNDED_RETRY, {
      parserOptions: { ecmaVersion: 2022, sourceType: 'module' },
      rules: plugin.configs['recommended-legacy']?.rules,
    } as unknown as Linter.Config);
    assert.deepEqual(findings(messages), [
      ['retry/no-unbounded-retry', 2],
      ['retry/require-backoff', 1],
    ]);
  });
});
