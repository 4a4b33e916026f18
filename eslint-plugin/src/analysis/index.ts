import type { TSESLint } from '@typescript-eslint/utils';
import { readSettings, settingsKey, type RetrySettings } from '../utils/settings';
import { analyzeHandWritten } from './hand-written';
import { analyzeLibraries } from './libraries/run';
import type { RetrySite } from './types';

export type * from './types';

const cache = new WeakMap<TSESLint.SourceCode, { key: string; sites: readonly RetrySite[] }>();

/**
 * Finds every retry site of a file: hand-written loops, recursion, promise chains and
 * interceptors, and calls to retry libraries. Computed once per `SourceCode` (and settings),
 * so every rule of a lint run shares one pass. Never throws: a failure of the analysis on
 * some construct drops that construct, not the file.
 *
 * @param context A rule context (its `sourceCode` and `settings` are read).
 * @returns The retry sites in source order.
 */
export function getRetrySites(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): readonly RetrySite[] {
  const sourceCode = context.sourceCode ?? context.getSourceCode();
  const settings = readSettings(context.settings);
  return getRetrySitesFor(sourceCode, settings);
}

/** As {@link getRetrySites}, from a `SourceCode` and resolved settings (used by tests and the server). */
export function getRetrySitesFor(sourceCode: TSESLint.SourceCode, settings: RetrySettings = readSettings(undefined)): readonly RetrySite[] {
  const key = settingsKey(settings);
  const hit = cache.get(sourceCode);
  if (hit && hit.key === key) return hit.sites;
  const sites = [...analyzeHandWritten(sourceCode, settings), ...analyzeLibraries(sourceCode, settings)];
  sites.sort((a, b) => a.node.range[0] - b.node.range[0]);
  cache.set(sourceCode, { key, sites });
  return sites;
}
