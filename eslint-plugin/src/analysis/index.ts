import type { TSESLint } from '@typescript-eslint/utils';
import { channel } from 'node:diagnostics_channel';
import { debuglog } from 'node:util';
import { readSettings, settingsKey, type RetrySettings } from '../utils/settings';
import { analyzeHandWritten } from './hand-written';
import { analyzeLibraries } from './libraries/run';
import type { RetrySite } from './types';

export type * from './types';

/** What a failed analysis of one file is reported with, on {@link ANALYSIS_FAILURE_CHANNEL}. */
export interface AnalysisFailure {
  /** The rule that asked for the sites (`retry/require-jitter`), or undefined for a caller outside a rule (the language server). */
  ruleId: string | undefined;
  /** Type of the node whose analysis failed: the whole file's (`Program`), since the file's sites are dropped. */
  nodeType: string;
  /** The file linted, as ESLint names it. */
  filename: string | undefined;
  /** What the analysis threw. */
  error: unknown;
}

/**
 * Name of the `node:diagnostics_channel` channel a failed analysis is published on, once per
 * rule and node type in a process (subscribe to it to collect them; `NODE_DEBUG=retry-lint`
 * prints them to stderr). Nothing is printed otherwise: a failure is not the user's to fix.
 */
export const ANALYSIS_FAILURE_CHANNEL = 'retry-lint:analysis-failure';

const failureChannel = channel(ANALYSIS_FAILURE_CHANNEL);
const debug = debuglog('retry-lint');
/** `rule id + node type` of the failures already published. */
const published = new Set<string>();

interface CacheEntry {
  key: string;
  sites: readonly RetrySite[];
  /** What the analysis threw, when it failed (its sites are then empty). */
  error?: unknown;
}

const cache = new WeakMap<TSESLint.SourceCode, CacheEntry>();

/**
 * TEST SEAM, for the tests of the failure guard only: when set, replaces the analysis that
 * {@link getRetrySitesFor} runs (hand-written and library sites). Never set it outside tests.
 */
export const analysisTestSeam: { analyze: ((sourceCode: TSESLint.SourceCode, settings: RetrySettings) => RetrySite[]) | undefined } = {
  analyze: undefined,
};

/**
 * Finds every retry site of a file: hand-written loops, recursion, promise chains and
 * interceptors, and calls to retry libraries. Computed once per `SourceCode` (and settings),
 * so every rule of a lint run shares one pass. Never throws: should the analysis fail on the
 * file, the file has no sites, and the failure is published once per rule and node type on
 * {@link ANALYSIS_FAILURE_CHANNEL}.
 *
 * @param context A rule context (its `sourceCode`, `settings`, `id` and `filename` are read).
 * @returns The retry sites in source order.
 */
export function getRetrySites(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): readonly RetrySite[] {
  const sourceCode = context.sourceCode ?? context.getSourceCode();
  const settings = readSettings(context.settings);
  const entry = analyse(sourceCode, settings);
  if (entry.error !== undefined) report(context.id, sourceCode, context.filename, entry.error);
  return entry.sites;
}

/**
 * As {@link getRetrySites}, from a `SourceCode` and resolved settings (used by tests and the
 * server). Never throws either: a failed analysis gives no sites (published with no rule id).
 */
export function getRetrySitesFor(sourceCode: TSESLint.SourceCode, settings: RetrySettings = readSettings(undefined)): readonly RetrySite[] {
  const entry = analyse(sourceCode, settings);
  if (entry.error !== undefined) report(undefined, sourceCode, undefined, entry.error);
  return entry.sites;
}

/** The one guard around the analysis of a file: runs it once per `SourceCode` and settings, and keeps a failure as no sites. */
function analyse(sourceCode: TSESLint.SourceCode, settings: RetrySettings): CacheEntry {
  const key = settingsKey(settings);
  const hit = cache.get(sourceCode);
  if (hit && hit.key === key) return hit;
  let entry: CacheEntry;
  try {
    const sites = analysisTestSeam.analyze
      ? analysisTestSeam.analyze(sourceCode, settings)
      : [...analyzeHandWritten(sourceCode, settings), ...analyzeLibraries(sourceCode, settings)];
    sites.sort((a, b) => a.node.range[0] - b.node.range[0]);
    entry = { key, sites };
  } catch (error) {
    entry = { key, sites: [], error: error ?? new Error(String(error)) };
  }
  cache.set(sourceCode, entry);
  return entry;
}

/** Publishes a failure on the debug channel, once per rule and node type. */
function report(ruleId: string | undefined, sourceCode: TSESLint.SourceCode, filename: string | undefined, error: unknown): void {
  const nodeType = sourceCode.ast.type;
  const id = `${ruleId ?? ''}\0${nodeType}`;
  if (published.has(id)) return;
  published.add(id);
  const failure: AnalysisFailure = { ruleId, nodeType, filename, error };
  if (failureChannel.hasSubscribers) failureChannel.publish(failure);
  debug('%s: the retry analysis failed on %s (%s), so it has no retry sites: %s', ruleId ?? 'retry analysis', filename ?? 'a file', nodeType, error instanceof Error ? (error.stack ?? error.message) : String(error));
}
