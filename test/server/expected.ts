// Test support: what ESLint's own Linter reports with the plugin, the oracle the server is compared with.
import * as path from 'node:path';
import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import plugin from '../../eslint-plugin/src/index';

const linter = new Linter({ configType: 'flat' });

/** The plugin's `recommended` config with the same parser setup as the CLI and the shared eval tool. */
export function recommendedConfig(filename: string): Linter.Config[] {
  const ext = path.extname(filename);
  return [
    {
      files: ['**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}'],
      languageOptions: {
        parser: tsParser as unknown as Linter.Parser,
        ecmaVersion: 'latest',
        sourceType: ext === '.cjs' ? 'commonjs' : 'module',
        parserOptions: { ecmaFeatures: { jsx: true } },
      },
      linterOptions: { reportUnusedDisableDirectives: 'off' },
      plugins: { retry: plugin as never },
      rules: plugin.configs.recommended.rules,
    },
  ];
}

/** `ruleId:line` of every finding of the plugin's rules, sorted. */
export function expectedFindings(text: string, filename: string): string[] {
  const messages = linter.verify(text, recommendedConfig(filename), { filename: path.basename(filename) });
  return messages
    .filter((m) => m.ruleId?.startsWith('retry/'))
    .map((m) => `${m.ruleId}:${m.line}`)
    .sort();
}

/** Whether the text parses with @typescript-eslint/parser (JSX on, as in the lint config). */
export function parses(text: string, filename: string): string | undefined {
  try {
    tsParser.parseForESLint(text, { filePath: filename, ecmaVersion: 'latest', sourceType: 'module', ecmaFeatures: { jsx: true }, range: true, loc: true });
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Number of findings of `ruleId` in the text. */
export function countOf(text: string, filename: string, ruleId: string): number {
  return expectedFindings(text, filename).filter((f) => f.startsWith(`${ruleId}:`)).length;
}
