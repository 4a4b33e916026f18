import type { Node } from './types';

/** One construct whose analysis threw: its node type and what was thrown. */
export interface ConstructFailure {
  /** Type of the construct's node (`ForStatement`, `ArrowFunctionExpression`, `CallExpression`, `Program`). */
  nodeType: string;
  /** What the analysis of that construct threw. */
  error: unknown;
}

/**
 * TEST SEAM, for the tests of the failure guard only. `construct`, when set, is called with each
 * construct's node just before its analysis, inside the guard (throw from it to make that
 * construct's analysis fail). `analyze`, when set, replaces the analysis of a whole file
 * (see `getRetrySitesFor`). Never set either outside tests.
 */
export const analysisTestSeam: {
  construct: ((node: Node) => void) | undefined;
  analyze: ((...args: never[]) => unknown) | undefined;
} = { construct: undefined, analyze: undefined };

/** Failures of the file being analysed; set by {@link collectFailures} for the duration of one analysis. */
let sink: ConstructFailure[] | undefined;

/**
 * THE guard of the retry analysis. Runs the analysis of one construct (a loop, a function, an
 * interceptor, a library call, a wrapper call) and returns what it found; should it throw, the
 * construct is dropped (undefined) and the failure kept for the file's report, so one construct
 * the analysis did not foresee never costs the file, the rule or the run. Every candidate loop of
 * the analysis goes through here, and nothing else in the analysis catches its own faults.
 *
 * @param node The construct analysed (its type names the failure).
 * @param analyse The analysis of that construct.
 */
export function guarded<R>(node: Node, analyse: () => R): R | undefined {
  try {
    analysisTestSeam.construct?.(node);
    return analyse();
  } catch (error) {
    recordFailure(node.type, error);
    return undefined;
  }
}

/** Keeps a failure for the file being analysed (a no-op outside {@link collectFailures}). */
export function recordFailure(nodeType: string, error: unknown): void {
  sink?.push({ nodeType, error: error ?? new Error(String(error)) });
}

/**
 * Runs the analysis of one file and returns its result with the failures of its constructs. The
 * analysis is synchronous, so the failures of this call are exactly those recorded meanwhile.
 */
export function collectFailures<R>(run: () => R): { result: R; failures: ConstructFailure[] } {
  const saved = sink;
  const failures: ConstructFailure[] = [];
  sink = failures;
  try {
    return { result: run(), failures };
  } finally {
    sink = saved;
  }
}
