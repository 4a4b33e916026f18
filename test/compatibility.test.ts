// The rules under the ESLint versions and setups PRODUCT.md promises: ESLint 8.57 (installed as the
// `eslint8` alias) with eslintrc and flat config, ESLint 9, and typescript-eslint with type information.
// Each setup must report exactly what ESLint 9 reports with the recommended flat config.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ESLint, type Linter } from 'eslint';

const ROOT = path.resolve(__dirname, '..');
const requireFromRoot = createRequire(path.join(ROOT, 'package.json'));
const plugin = requireFromRoot('eslint-plugin-retry') as { configs: Record<string, unknown> };
const tsParser = requireFromRoot('@typescript-eslint/parser') as Linter.Parser;

/** ESLint 8.57's public API, as far as these tests use it. */
interface ESLint8Module {
  ESLint: new (options: Record<string, unknown>) => { lintFiles(patterns: string[]): Promise<ESLint.LintResult[]> };
  loadESLint(options: { useFlatConfig: boolean }): Promise<new (options: Record<string, unknown>) => { lintFiles(patterns: string[]): Promise<ESLint.LintResult[]> }>;
}
const eslint8 = requireFromRoot('eslint8') as ESLint8Module;
const eslint8Version = (requireFromRoot('eslint8/package.json') as { version: string }).version;

const EXAMPLES = path.join(ROOT, 'examples');
const TYPED = path.join(ROOT, 'test/fixtures/typed');
const TYPED_FILE = path.join(TYPED, 'src/sync-client.ts');

const JS = ['**/*.js', '**/*.mjs', '**/*.cjs', '**/*.jsx'];
const TS = ['**/*.ts', '**/*.mts', '**/*.cts', '**/*.tsx'];

/** One finding, comparable across ESLint versions: file, rule, position, severity. */
type Finding = string;

function summarise(results: ESLint.LintResult[]): Finding[] {
  const out: Finding[] = [];
  for (const r of results) {
    for (const m of r.messages) {
      out.push(`${path.relative(ROOT, r.filePath)}:${m.line}:${m.column} ${m.ruleId ?? (m.fatal ? 'FATAL ' + m.message : '?')} ${m.severity}`);
    }
  }
  return out.sort();
}

/** ESLint 9, flat config: the recommended config on JavaScript and TypeScript (what `retry-lint` uses). */
async function lintWithESLint9(patterns: string[], cwd: string, typeAware = false): Promise<ESLint.LintResult[]> {
  const eslint = new ESLint({
    cwd,
    overrideConfigFile: true,
    overrideConfig: [
      { files: JS },
      {
        files: TS,
        languageOptions: {
          parser: tsParser,
          parserOptions: typeAware ? { projectService: true, tsconfigRootDir: cwd } : {},
        },
      },
      { ...(plugin.configs['recommended'] as Linter.Config), files: [...JS, ...TS] },
    ],
  });
  return eslint.lintFiles(patterns);
}

describe('compatibility', function () {
  // Type-aware parsing starts a TypeScript program; ESLint 8 loads a second copy of everything.
  this.timeout(120_000);

  const exampleFiles = readdirSync(EXAMPLES).filter((f) => /\.(js|ts)$/.test(f));
  let eslint9Examples: Finding[] = [];

  before(async () => {
    eslint9Examples = summarise(await lintWithESLint9(exampleFiles, EXAMPLES));
  });

  it('the eslint8 alias is ESLint 8.57', () => {
    assert.match(eslint8Version, /^8\.57\./);
  });

  it('ESLint 9 reports findings on examples/ and no parse errors', () => {
    assert.ok(eslint9Examples.some((f) => f.includes('retry/no-unbounded-retry')), eslint9Examples.join('\n'));
    assert.deepEqual(eslint9Examples.filter((f) => f.includes('FATAL')), []);
  });

  it('ESLint 8.57 with eslintrc (plugin:retry/recommended-legacy) reports the same findings on examples/', async () => {
    const eslint = new eslint8.ESLint({
      cwd: EXAMPLES,
      useEslintrc: false,
      resolvePluginsRelativeTo: ROOT,
      overrideConfig: {
        extends: ['plugin:retry/recommended-legacy'],
        parserOptions: { ecmaVersion: 2022, sourceType: 'module' },
        env: { es2022: true, node: true },
        overrides: [{ files: ['*.ts', '*.tsx', '*.mts', '*.cts'], parser: '@typescript-eslint/parser' }],
      },
    });
    const findings = summarise(await eslint.lintFiles(exampleFiles));
    assert.deepEqual(findings, eslint9Examples);
  });

  it('ESLint 8.57 with flat config (retry.configs.recommended) reports the same findings on examples/', async () => {
    const FlatESLint = await eslint8.loadESLint({ useFlatConfig: true });
    const eslint = new FlatESLint({
      cwd: EXAMPLES,
      overrideConfigFile: true,
      overrideConfig: [
        { files: JS },
        { files: TS, languageOptions: { parser: tsParser } },
        { ...(plugin.configs['recommended'] as Linter.Config), files: [...JS, ...TS] },
      ],
    });
    const findings = summarise(await eslint.lintFiles(exampleFiles));
    assert.deepEqual(findings, eslint9Examples);
  });

  describe('with type information', () => {
    let withoutTypes: Finding[] = [];

    before(async () => {
      withoutTypes = summarise(await lintWithESLint9(['src/sync-client.ts'], TYPED));
    });

    it('the typed fixture has findings without type information', () => {
      for (const id of ['retry/no-unbounded-retry', 'retry/require-idempotency-key', 'retry/require-max-delay']) {
        assert.ok(withoutTypes.some((f) => f.includes(id)), `${id} missing from:\n${withoutTypes.join('\n')}`);
      }
    });

    it('parserOptions.projectService: no crash, the same findings', async () => {
      const results = await lintWithESLint9(['src/sync-client.ts'], TYPED, true);
      assert.deepEqual(summarise(results), withoutTypes);
    });

    it('parserOptions.project on ESLint 8.57 (eslintrc): no crash, the same findings', async () => {
      const eslint = new eslint8.ESLint({
        cwd: TYPED,
        useEslintrc: false,
        resolvePluginsRelativeTo: ROOT,
        overrideConfig: {
          extends: ['plugin:retry/recommended-legacy'],
          parser: '@typescript-eslint/parser',
          parserOptions: { project: './tsconfig.json', tsconfigRootDir: TYPED, sourceType: 'module' },
        },
      });
      const results = await eslint.lintFiles([TYPED_FILE]);
      assert.deepEqual(summarise(results), withoutTypes);
    });
  });
});
