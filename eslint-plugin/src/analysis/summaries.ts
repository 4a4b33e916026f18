import type { TSESLint } from '@typescript-eslint/utils';
import { T } from './node-types';
import { isFunction, pushChildren, walk } from './ast';
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

/** A flat list of the nodes one walk picked, shared by the runs of every region the walk went through. */
interface Flat<N> {
  items: N[];
  /** `descents[i]`: how many items up to `i` start before the item ahead of them (made when first asked). */
  descents?: Uint32Array;
}

/**
 * The nodes a region holds: the run `start…end` of a flat list made by one walk of an enclosing
 * region, in walk order. Iterable like the array it stands for; shared: read only.
 */
export class Run<N> implements Iterable<N> {
  constructor(
    /** @internal */ readonly flat: Flat<N>,
    /** @internal */ readonly start: number,
    /** @internal */ readonly end: number,
  ) {}

  /** How many nodes the run holds. */
  get length(): number {
    return this.end - this.start;
  }

  /** The run's nodes in order, as an array's iterator gives them. */
  *[Symbol.iterator](): Iterator<N> {
    const { items } = this.flat;
    for (let i = this.start; i < this.end; i++) yield items[i]!;
  }

  /** Whether `pred` holds for some node of the run (`Array.prototype.some`). */
  some(pred: (n: N) => boolean): boolean {
    const { items } = this.flat;
    for (let i = this.start; i < this.end; i++) if (pred(items[i]!)) return true;
    return false;
  }
}

/**
 * The nodes of `region` that `visit` pushes (a walk's visitor: `false` skips a node's children;
 * `root` says the node is the region or a loop body, as {@link summarise} visits them), in walk
 * order. One walk lists a region and every loop body in it: each loop body's nodes are a run of
 * the region's list (its subtree is a run of the walk), memoised in `memo` (which must hold the
 * answers of this one `visit`), so that d nested loops, each asked about its whole body, cost one
 * walk and one list, not a copy of every nested loop's list per loop. A loop body summarised
 * before, from another walk, has its nodes copied in. Shared: read only.
 */
export function flatSummary<N>(region: Node, sourceCode: TSESLint.SourceCode, memo: Map<Node, Run<N>>, visit: (n: Node, out: N[], root: boolean) => boolean | void): Run<N> {
  const hit = memo.get(region);
  if (hit !== undefined) return hit;
  const flat: Flat<N> = { items: [] };
  const { items } = flat;
  const bodies: Node[] = [];
  const starts: number[] = [];
  // Nodes to visit, and (numbers) the loop bodies whose subtree ends there.
  const stack: (Node | number)[] = [region];
  while (stack.length > 0) {
    const top = stack.pop()!;
    if (typeof top === 'number') {
      memo.set(bodies[top]!, new Run(flat, starts[top]!, items.length));
      continue;
    }
    const n = top;
    const body = n !== region && isLoopBody(n);
    if (body) {
      const done = memo.get(n);
      if (done !== undefined) {
        for (const x of done) items.push(x);
        continue;
      }
      bodies.push(n);
      starts.push(items.length);
      stack.push(bodies.length - 1);
    }
    if (visit(n, items, body || n === region) === false) continue;
    pushChildren(n, sourceCode.visitorKeys, stack);
  }
  const run = new Run(flat, 0, items.length);
  memo.set(region, run);
  return run;
}

/**
 * The nodes of `region` that `pick` accepts, in source order, as a walk of it finds them (into
 * nested functions only when `intoFunctions`), one walk for a region and its nested loops
 * ({@link flatSummary}; memoised in `memo`, which must hold the answers of this one `pick`).
 */
export function nodesWithin<N extends Node>(region: Node, sourceCode: TSESLint.SourceCode, memo: Map<Node, Run<N>>, pick: (n: Node) => n is N, intoFunctions: boolean): Run<N> {
  return flatSummary<N>(region, sourceCode, memo, (n, out, root) => {
    if (!intoFunctions && !root && isFunction(n)) return false;
    if (pick(n)) out.push(n);
    return undefined;
  });
}

/** Whether the run's nodes are sorted by start (as a walk in source order lists them). */
export function sortedByStart(run: Run<Node>): boolean {
  const { flat, start, end } = run;
  if (end - start < 2) return true;
  if (!flat.descents) {
    const d = new Uint32Array(flat.items.length);
    for (let i = 1; i < flat.items.length; i++) d[i] = d[i - 1]! + (flat.items[i - 1]!.range[0] > flat.items[i]!.range[0] ? 1 : 0);
    flat.descents = d;
  }
  return flat.descents[end - 1] === flat.descents[start];
}

/**
 * The nodes of `sorted` that `outer` contains, in their order, at most `limit` of them:
 * `[...sorted].filter((n) => contains(outer, n)).slice(0, limit)` for a run sorted by start
 * ({@link sortedByStart}), by a binary search for the first node that starts in `outer` and a
 * scan of those that start before its end, not a scan of the whole run.
 */
export function containedIn(sorted: Run<Node>, outer: Node, limit: number): Node[] {
  const { items } = sorted.flat;
  const [from, to] = outer.range;
  let lo = sorted.start;
  let hi = sorted.end;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (items[mid]!.range[0] < from) lo = mid + 1;
    else hi = mid;
  }
  const out: Node[] = [];
  for (let i = lo; i < sorted.end && out.length < limit; i++) {
    const n = items[i]!;
    if (n.range[0] > to) break;
    if (n.range[1] <= to) out.push(n);
  }
  return out;
}
