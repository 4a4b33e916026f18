// Test helper: the retry-site model of a snippet, computed inside a real ESLint pass.
import assert from 'node:assert/strict';
import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { getRetrySitesFor, type RetrySite } from '../../eslint-plugin/src/analysis';
import { readSettings } from '../../eslint-plugin/src/utils/settings';

/**
 * Runs the analysis over `code` (parsed as TypeScript, file `input.ts`) inside a real ESLint pass
 * and returns its sites. `settings` is the `settings.retry` object. Fails when the code does not parse.
 */
export function sitesOf(code: string, settings: Record<string, unknown> = {}): readonly RetrySite[] {
  let sites: readonly RetrySite[] = [];
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tsParser as Linter.Parser },
        plugins: {
          probe: {
            rules: {
              sites: {
                create(context) {
                  return {
                    'Program:exit'() {
                      sites = getRetrySitesFor(context.sourceCode as never, readSettings({ retry: settings }));
                    },
                  };
                },
              },
            },
          },
        },
        rules: { 'probe/sites': 'error' },
      },
    ],
    { filename: 'input.ts' },
  );
  assert.deepEqual(messages, []);
  return sites;
}
