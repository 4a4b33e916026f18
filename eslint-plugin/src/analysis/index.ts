import type { TSESLint } from '@typescript-eslint/utils';
import { channel } from 'node:diagnostics_channel';
import { debuglog } from 'node:util';
import { readSettings, settingsKey, type RetrySettings } from '../utils/settings';
import { analysisTestSeam, collectFailures, guarded, type ConstructFailure } from './guard';
import { analyzeHandWritten } from './hand-written';
import { analyzeLibraries } from './libraries/run';
import { noteTraversed } from './file-index';
import { startFileMemos } from './memo';
import type { RetrySite } from './types';
import { withoutZeroWaits } from './waits';

export type * from './types';

/** What a failed analysis of one construct is reported with, on {@link ANALYSIS_FAILURE_CHANNEL}. */
export interface AnalysisFailure {
  /** The rule that asked for the sites (`retry/require-jitter`), or undefined for a caller outside a rule (the language server). */
  ruleId: string | undefined;
  /** Type of the construct whose analysis failed and was dropped (`ForStatement`, `FunctionDeclaration`; `Program` for the whole file). */
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
  /** The constructs whose analysis threw (their sites are dropped, the others kept). */
  failures: readonly ConstructFailure[];
}

const cache = new WeakMap<TSESLint.SourceCode, CacheEntry>();

export { analysisTestSeam };
export type { ConstructFailure };

/**
 * Finds every retry site of a file: hand-written loops, recursion, promise chains and
 * interceptors, and calls to retry libraries. Computed once per `SourceCode` (and settings),
 * so every rule of a lint run shares one pass. Never throws: should the analysis of one
 * construct (a loop, a function, a library call) fail, that construct has no site and the
 * others are kept; the failure is published once per rule and node type on
 * {@link ANALYSIS_FAILURE_CHANNEL}.
 *
 * @param context A rule context (its `sourceCode`, `settings`, `id` and `filename` are read).
 * @returns The retry sites in source order.
 */
export function getRetrySites(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): readonly RetrySite[] {
  const sourceCode = context.sourceCode ?? context.getSourceCode();
  const settings = readSettings(context.settings);
  // Rules ask at `Program:exit`: ESLint has traversed the file (see `noteTraversed`).
  const entry = analyse(sourceCode, settings, true);
  for (const failure of entry.failures) report(context.id, context.filename, failure);
  return entry.sites;
}

/**
 * As {@link getRetrySites}, from a `SourceCode` and resolved settings (used by tests and the
 * server). Never throws either: a construct whose analysis fails has no site (published with no rule id).
 */
export function getRetrySitesFor(sourceCode: TSESLint.SourceCode, settings: RetrySettings = readSettings(undefined)): readonly RetrySite[] {
  const entry = analyse(sourceCode, settings, false);
  for (const failure of entry.failures) report(undefined, undefined, failure);
  return entry.sites;
}

/**
 * Every construct failure of the last analysis of a file, not deduplicated (the channel publishes
 * each rule and node type once per process): for the fuzz tests and tools that count them.
 *
 * @returns The failures, or an empty list when the file was not analysed.
 */
export function analysisFailuresOf(sourceCode: TSESLint.SourceCode): readonly ConstructFailure[] {
  return cache.get(sourceCode)?.failures ?? [];
}

/**
 * Runs the analysis once per `SourceCode` and settings, with its constructs' failures.
 * `inLint`: asked by a rule, after ESLint's traversal of the file (its steps are cached).
 */
function analyse(sourceCode: TSESLint.SourceCode, settings: RetrySettings, inLint: boolean): CacheEntry {
  const key = settingsKey(settings);
  const hit = cache.get(sourceCode);
  if (hit && hit.key === key) return hit;
  startFileMemos();
  const seam = analysisTestSeam.analyze as ((sourceCode: TSESLint.SourceCode, settings: RetrySettings) => RetrySite[]) | undefined;
  noteTraversed(inLint ? sourceCode : undefined);
  const { result, failures } = collectFailures(() =>
    // The whole file is the construct of last resort: only a fault outside every construct's guard drops it.
    guarded(sourceCode.ast, () => (seam ? seam(sourceCode, settings) : [...analyzeHandWritten(sourceCode, settings), ...analyzeLibraries(sourceCode, settings)])),
  );
  noteTraversed(undefined);
  const sites = (result ?? []).map((site) => withoutZeroWaits(site, sourceCode));
  sites.sort((a, b) => a.node.range[0] - b.node.range[0]);
  const entry: CacheEntry = { key, sites, failures };
  cache.set(sourceCode, entry);
  return entry;
}

/**
 * Forgets which failures were published, so that the next failure of each rule and node type is
 * published again. For tests: the memory is per process, and a test that injects a failure must not
 * depend on what an earlier test in the same process injected.
 */
export function forgetPublishedFailures(): void {
  published.clear();
}

/** Publishes a failure on the debug channel, once per rule and node type. */
function report(ruleId: string | undefined, filename: string | undefined, { nodeType, error }: ConstructFailure): void {
  const id = `${ruleId ?? ''}\0${nodeType}`;
  if (published.has(id)) return;
  published.add(id);
  const failure: AnalysisFailure = { ruleId, nodeType, filename, error };
  if (failureChannel.hasSubscribers) failureChannel.publish(failure);
  debug('%s: the retry analysis failed on a %s in %s, which is left out: %s', ruleId ?? 'retry analysis', nodeType, filename ?? 'a file', error instanceof Error ? (error.stack ?? error.message) : String(error));
}
