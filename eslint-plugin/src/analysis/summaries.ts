import type { TSESLint } from '@typescript-eslint/utils';
import { T } from './node-types';
import { isFunction, walk } from './ast';
import type { Node } from './types';

/** Whether `node` is the body of a `for`, `for…in`, `for…of`, `while` or `do…while` loop. */
export function isLoopBody(node: Node): boolean {
  const p = node.parent;
  if (!p) return false;
  switch (p.type) {
    case T.ForStatement:
    case T.ForInStatement:
    case T.ForOfStatement:
    case T.WhileStatement:
    case T.DoWhileStatement:
      return p.body === node;
    default:
      return false;
  }
}

/** How to summarise a region: an empty summary, what one node adds to it, and how a nested loop body's summary folds in. */
export interface Summary<S> {
  /** Summaries already made, by region (a file memo). */
  memo: Map<Node, S>;
  /** A new, empty summary. */
  make: () => S;
  /**
   * Records what `n` adds to `acc`; returns `false` to skip `n`'s children, as `walk`'s visitor.
   * It must not depend on the region being summarised, only on `n`: the summary of a loop body is
   * reused by every region around it. `root` says that `n` is the region itself (never a loop body).
   */
  visit: (n: Node, acc: S, root: boolean) => boolean | void;
  /** Adds a nested region's summary to `acc`, as if its nodes had been visited there. `inner` is shared: do not change it. */
  merge: (acc: S, inner: S) => void;
}

/**
 * Summarises the subtree of `region` as a walk of it in source order would, but takes the
 * subtree of every loop body nested in it from that body's own summary, made once (bottom-up)
 * and memoised: a region's facts are those of its own nodes plus its nested loops' summaries.
 * The facts of d nested loops, each asked about its whole body, cost O(d) visits, not O(d²).
 * The returned summary is shared: do not change it.
 */
export function summarise<S>(region: Node, sourceCode: TSESLint.SourceCode, how: Summary<S>): S {
  const hit = how.memo.get(region);
  if (hit !== undefined) return hit;
  const acc = how.make();
  walk(region, sourceCode.visitorKeys, (n) => {
    if (n !== region && isLoopBody(n)) {
      how.merge(acc, summarise(n, sourceCode, how));
      return false;
    }
    return how.visit(n, acc, n === region);
  });
  how.memo.set(region, acc);
  return acc;
}

/**
 * The nodes of `region` that `pick` accepts, in source order, as a walk of it finds them (into
 * nested functions only when `intoFunctions`), summarised bottom-up over nested loops (memoised in
 * `memo`, which must hold the answers of this one `pick`). Shared: do not change it.
 */
export function nodesWithin<N extends Node>(region: Node, sourceCode: TSESLint.SourceCode, memo: Map<Node, N[]>, pick: (n: Node) => n is N, intoFunctions: boolean): readonly N[] {
  return summarise<N[]>(region, sourceCode, {
    memo,
    make: () => [],
    visit: (n, acc, root) => {
      if (!intoFunctions && !root && isFunction(n)) return false;
      if (pick(n)) acc.push(n);
      return undefined;
    },
    merge: (acc, inner) => {
      for (const n of inner) acc.push(n);
    },
  });
}

/**
 * The nodes of `sorted` that `outer` contains, in their order, at most `limit` of them:
 * `sorted.filter((n) => contains(outer, n)).slice(0, limit)` for a list sorted by start (as a
 * walk in source order lists nodes), by a binary search for the first node that starts in
 * `outer` and a scan of those that start before its end, not a scan of the whole list.
 */
export function containedIn(sorted: readonly Node[], outer: Node, limit: number): Node[] {
  const [from, to] = outer.range;
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]!.range[0] < from) lo = mid + 1;
    else hi = mid;
  }
  const out: Node[] = [];
  for (let i = lo; i < sorted.length && out.length < limit; i++) {
    const n = sorted[i]!;
    if (n.range[0] > to) break;
    if (n.range[1] <= to) out.push(n);
  }
  return out;
}
