import type { TSESLint } from '@typescript-eslint/utils';
import type { RetrySettings } from '../utils/settings';
import { guarded } from './guard';
import { analyzeInterceptors } from './interceptors';
import { analyzeLoops } from './loops';
import { analyzeRecursion } from './recursion';
import type { RetrySite } from './types';
import { analyzeWrappers } from './wrappers';

/**
 * Finds hand-written retry sites: loops, recursion (direct, through promise chains, timers and
 * event handlers) and interceptors that replay their failed request. Each analysis catches its
 * own constructs' failures (one guard, ./guard) so one odd construct never costs the file.
 */
export function analyzeHandWritten(sourceCode: TSESLint.SourceCode, settings: RetrySettings): RetrySite[] {
  const ctx = { sourceCode, settings };
  const out: RetrySite[] = [];
  // Each analysis guards its own constructs (see ./guard); the file's root guards what lies between them.
  for (const analyze of [analyzeLoops, analyzeRecursion, analyzeInterceptors]) out.push(...(guarded(ctx.sourceCode.ast, () => analyze(ctx)) ?? []));
  out.push(...(guarded(ctx.sourceCode.ast, () => analyzeWrappers(ctx, out)) ?? []));
  return dedupe(out);
}

/** A replay found both as recursion and as an interceptor is one site. */
function dedupe(sites: RetrySite[]): RetrySite[] {
  const seen = new Set<string>();
  return sites.filter((s) => {
    const key = `${s.node.range[0]}:${s.node.range[1]}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
