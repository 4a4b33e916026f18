import type { TSESLint } from '@typescript-eslint/utils';
import { T } from './node-types';
import { calleeName, contains, isFunction } from './ast';
import type { RetrySettings } from '../utils/settings';
import { guarded } from './guard';
import { analyzeInterceptors } from './interceptors';
import { analyzeIntervalRetries } from './interval';
import { analyzeLoops } from './loops';
import { analyzeRecursion } from './recursion';
import { analyzeRepeats } from './repeat';
import { awaitsExistence } from './statuses';
import { analyzeStateRetries } from './state-retry';
import { analyzeRequeues } from './requeue';
import type { Node, RetrySite } from './types';
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
  out.push(...(guarded(ctx.sourceCode.ast, () => analyzeRepeats(ctx, out)) ?? []));
  out.push(...(guarded(ctx.sourceCode.ast, () => analyzeStateRetries(ctx)) ?? []));
  out.push(...(guarded(ctx.sourceCode.ast, () => analyzeRequeues(ctx)) ?? []));
  const intervals = guarded(ctx.sourceCode.ast, () => analyzeIntervalRetries(ctx, out)) ?? [];
  // The re-run inside an interval's callback, seen on its own as a re-run with no wait (a reconnect from a
  // `close` handler), is the interval's retry: the interval is its wait.
  for (let i = out.length - 1; i >= 0; i--) {
    const s = out[i]!;
    if (s.waits.length === 0 && intervals.some((iv) => contains(iv.node, s.node))) out.splice(i, 1);
  }
  out.push(...intervals);
  // A loop or recursion that goes round only on 404 (and throws or returns on anything else) waits
  // for a resource to appear (a release, an upload, a record written elsewhere): polling, not a retry.
  const sites = dedupe(out).filter((s) => s.kind === 'interceptor' || s.kind === 'library' || !s.retriedStatuses?.length || !s.retriedStatuses.every(awaitsExistence));
  for (const site of sites) {
    if ((site.kind !== 'loop' && site.kind !== 'recursion') || site.waits.length < 2) continue;
    for (const w of site.waits) if (onEveryAttempt(w.node, site.node)) w.everyAttempt = true;
  }
  return sites;
}

/**
 * Whether a wait runs on every attempt of the retry at `siteNode`: between the wait and the body of
 * the loop (or of the function that holds both the wait and the re-run) there is no branch, no
 * catch or finally, and no function other than a promise executor (`new Promise((r) => setTimeout(r, ms))`).
 */
function onEveryAttempt(wait: Node, siteNode: Node): boolean {
  const region: Node | undefined = isLoop(siteNode) ? (siteNode as { body: Node }).body : undefined;
  for (let p: Node | undefined = wait.parent, child: Node = wait; p; child = p, p = p.parent) {
    if (p === region) return true;
    if (isFunction(p)) {
      const host = p.parent;
      if (host?.type === T.NewExpression && calleeName(host) === 'Promise') continue;
      return !region && contains(p, siteNode) && child === (p as { body: Node }).body;
    }
    if (p.type === T.IfStatement || p.type === T.ConditionalExpression || p.type === T.LogicalExpression || p.type === T.SwitchCase || p.type === T.CatchClause) return false;
    if (p.type === T.TryStatement && child !== p.block) return false;
    if (!region && isLoop(p)) return false;
  }
  return false;
}

function isLoop(n: Node): boolean {
  return n.type === T.ForStatement || n.type === T.WhileStatement || n.type === T.DoWhileStatement || n.type === T.ForOfStatement || n.type === T.ForInStatement;
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
