import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { calleeName, contains, findAll, invokedThrough, memberKey, propertyName, unwrap, walk } from './ast';
import { fileMemo } from './memo';
import { T } from './node-types';
import type { Node } from './types';
import { packageEntry } from './package-entry';

type Fn = TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression;
type Loop = TSESTree.ForStatement | TSESTree.WhileStatement | TSESTree.DoWhileStatement | TSESTree.ForOfStatement;

/**
 * The nodes of a file the analyses start from, collected in one walk of the tree, each list in
 * walk (source) order: the loops, calls and functions every analysis used to find by a walk of
 * its own over the whole file.
 */
export interface FileIndex {
  /** Every `CallExpression`. */
  calls: TSESTree.CallExpression[];
  /** Every `CallExpression` and `NewExpression`, interleaved in walk order. */
  callsAndNews: (TSESTree.CallExpression | TSESTree.NewExpression)[];
  /** Every function (declaration, expression, arrow). */
  functions: Fn[];
  /**
   * Every `for`, `for…of`, `while` and `do…while` loop that can hold a retry, and every
   * `CallExpression`, interleaved in walk order. A loop that holds no call, `new`, `await`, `yield`,
   * tagged template or `import()` anywhere (test, update, body) runs no operation that can fail,
   * so there is nothing it could run again: it is left out.
   */
  loopsAndCalls: (Loop | TSESTree.CallExpression)[];
  /** Every `VariableDeclarator`, `TSAsExpression` and `TSSatisfiesExpression` (typed option objects). */
  typedCandidates: Node[];
  /** Whether the calls' start offsets never decrease in walk order (so a subtree's calls can be found by binary search). */
  callsSorted: boolean;
  /**
   * The property names a call can reach a method by (`x.name` or `this.name` as a callee, as an
   * argument, or as the object of an argument's `.bind(…)`): a method whose name is not among them
   * is never called or handed over in this file (see {@link mayBeCalledAgain}).
   */
  memberNamesAtCalls: Set<string>;
  /**
   * Every `AssignmentExpression` with `=` whose left side is a member expression (`ws.onclose = …`,
   * `this.handler = …`), in walk order: the candidates for a handler registered by assignment.
   */
  memberAssignments: TSESTree.AssignmentExpression[];
  /** Whether their start offsets never decrease in walk order. */
  memberAssignmentsSorted: boolean;
  /**
   * Every module the file names by a string literal: `import … from 'm'`, `export … from 'm'`,
   * `import x = require('m')`, `require('m')` and `import('m')`. The origin of a value
   * (`originOf`, scope.ts) is always one of them, so a library whose packages none of them names
   * has no call in the file.
   */
  modules: Set<string>;
  /**
   * Every `try` with a catch clause, `if`, `AssignmentExpression` and `CallExpression`, interleaved
   * in walk order: every node that can be a failure handler (a catch, a failed answer's branch, a
   * failure listener, `.catch(…)` / `.then(…, …)`), for the analysis of written-out retries (repeat.ts).
   */
  handlerCandidates: Node[];
  /** Every `UpdateExpression` and `AssignmentExpression`, interleaved in walk order: every write that can give a slot a new value (input-change.ts). */
  writes: Array<TSESTree.UpdateExpression | TSESTree.AssignmentExpression>;
  /** Every non-computed member of `this` (`this.pause`, under type wrappers), in walk order. */
  thisMembers: TSESTree.MemberExpression[];
  /**
   * Every `if`, `switch`, `try`, `new` and labelled `continue`, in walk order: the nodes where a
   * loop's attempt can take a path of its own on failure, for the loops' first pass (loops.ts).
   */
  branchPoints: Node[];
  /** Every `===`, `==`, `!==` and `!=` comparison, in walk order (the statuses a region compares with, flow.ts' `failuresIn`). */
  equalities: TSESTree.BinaryExpression[];
}

const indexes = fileMemo<Node, FileIndex>();

/** One step of ESLint's traversal of a file (`SourceCode#traverse()`, ESLint 9): a node entered (phase 1) or left, or a code-path event. */
interface TraversalStep {
  kind: number;
  target: unknown;
  phase?: number;
}

/** The `SourceCode` whose analysis is running inside its own lint (see {@link noteTraversed}). */
let traversed: TSESLint.SourceCode | undefined;

/**
 * Tells the index which file is being analysed inside its own lint (a rule's `Program:exit`), or
 * none. ESLint 9 has then traversed that file and cached the steps of its traversal
 * (`SourceCode#traverse()`, the same depth-first order over the same visitor keys), so the index
 * reads the nodes from those steps instead of walking the tree again. Outside a lint (a test, the
 * language server asking about a `SourceCode` it built) the index walks the tree itself: asking
 * ESLint for the steps there would run its code-path analysis.
 */
export function noteTraversed(sourceCode: TSESLint.SourceCode | undefined): void {
  traversed = sourceCode;
}

/** ESLint's cached traversal steps of `sourceCode` when it was traversed in this lint, else undefined. */
function cachedSteps(sourceCode: TSESLint.SourceCode): readonly TraversalStep[] | undefined {
  if (sourceCode !== traversed) return undefined;
  const traverse = (sourceCode as unknown as { traverse?: () => unknown }).traverse;
  if (typeof traverse !== 'function') return undefined;
  const steps = traverse.call(sourceCode);
  return Array.isArray(steps) ? (steps as TraversalStep[]) : undefined;
}

/** The file's index, built on first use (per file analysis): from ESLint's traversal of the file when it has one, else by one walk. */
export function fileIndex(sourceCode: TSESLint.SourceCode): FileIndex {
  const root = sourceCode.ast as Node;
  const hit = indexes.get(root);
  if (hit) return hit;
  const index: FileIndex = { calls: [], callsAndNews: [], functions: [], loopsAndCalls: [], typedCandidates: [], callsSorted: true, memberNamesAtCalls: new Set(), memberAssignments: [], memberAssignmentsSorted: true, modules: new Set(), handlerCandidates: [], writes: [], thisMembers: [], branchPoints: [], equalities: [] };
  // Start offsets of the nodes that run an operation (calls, `new`, `await`, …), in walk order, to
  // tell the loops that hold one (below).
  const operations: number[] = [];
  const loops: Loop[] = [];
  let last = -1;
  const add = (n: Node): void => {
    switch (n.type) {
      case T.CallExpression:
        if (n.range[0] < last) index.callsSorted = false;
        last = n.range[0];
        index.calls.push(n);
        index.callsAndNews.push(n);
        index.handlerCandidates.push(n);
        index.loopsAndCalls.push(n);
        operations.push(n.range[0]);
        addMemberNames(n, index.memberNamesAtCalls);
        if (n.callee.type === T.Identifier && n.callee.name === 'require') addModule(n.arguments[0], index.modules);
        break;
      case T.NewExpression:
        index.callsAndNews.push(n);
        index.branchPoints.push(n);
        operations.push(n.range[0]);
        break;
      case T.ImportExpression:
        addModule(n.source, index.modules);
        operations.push(n.range[0]);
        break;
      case T.AwaitExpression:
      case T.YieldExpression:
      case T.TaggedTemplateExpression:
        operations.push(n.range[0]);
        break;
      case T.ForStatement:
      case T.WhileStatement:
      case T.DoWhileStatement:
      case T.ForOfStatement:
        index.loopsAndCalls.push(n);
        loops.push(n);
        break;
      case T.AssignmentExpression:
        index.handlerCandidates.push(n);
        index.writes.push(n);
        if (n.operator === '=' && n.left.type === T.MemberExpression) {
          if (index.memberAssignments.length > 0 && n.range[0] < index.memberAssignments.at(-1)!.range[0]) index.memberAssignmentsSorted = false;
          index.memberAssignments.push(n);
        }
        break;
      case T.UpdateExpression:
        index.writes.push(n);
        break;
      case T.TryStatement:
        if (n.handler) index.handlerCandidates.push(n);
        index.branchPoints.push(n);
        break;
      case T.IfStatement:
        index.handlerCandidates.push(n);
        index.branchPoints.push(n);
        break;
      case T.SwitchStatement:
        index.branchPoints.push(n);
        break;
      case T.BinaryExpression:
        if (n.operator === '===' || n.operator === '==' || n.operator === '!==' || n.operator === '!=') index.equalities.push(n);
        break;
      case T.ContinueStatement:
        if (n.label) index.branchPoints.push(n);
        break;
      case T.MemberExpression:
        if (!n.computed && unwrap(n.object).type === T.ThisExpression) index.thisMembers.push(n);
        break;
      case T.ArrowFunctionExpression:
      case T.FunctionDeclaration:
      case T.FunctionExpression:
        index.functions.push(n);
        break;
      case T.VariableDeclarator:
      case T.TSAsExpression:
      case T.TSSatisfiesExpression:
        index.typedCandidates.push(n);
        break;
      case T.ImportDeclaration:
      case T.ExportAllDeclaration:
      case T.ExportNamedDeclaration:
        if (n.source) addModule(n.source, index.modules);
        break;
      case T.TSImportEqualsDeclaration:
        if (n.moduleReference.type === T.TSExternalModuleReference) addModule(n.moduleReference.expression, index.modules);
        break;
      default:
    }
  };
  const steps = cachedSteps(sourceCode);
  if (steps) {
    // A node is entered (kind 1, phase 1) in the walk's order: parents first, children by visitor keys.
    for (const s of steps) if (s.kind === 1 && s.phase === 1) add(s.target as Node);
  } else {
    walk(root, sourceCode.visitorKeys, add);
  }
  // A loop holds an operation when one starts inside its range (a node starting inside a node is
  // part of it). Should the offsets not be in order (a tree not in source order), every loop stays.
  if (loops.length > 0 && isSorted(operations)) {
    const idle = new Set<Node>(loops.filter((l) => !holdsOffset(operations, l.range)));
    if (idle.size > 0) index.loopsAndCalls = index.loopsAndCalls.filter((n) => !idle.has(n));
  }
  indexes.set(root, index);
  return index;
}

/** Adds a module specifier written as a string literal (`'m'` in `import … from 'm'`, `require('m')`, `import('m')`). */
function addModule(source: Node | null | undefined, modules: Set<string>): void {
  const u = source ? unwrap(source) : undefined;
  if (u?.type === T.Literal && typeof u.value === 'string') modules.add(packageEntry(u.value));
}

/** Whether the sorted offsets hold one inside `[start, end)`. */
function holdsOffset(offsets: readonly number[], [start, end]: readonly [number, number]): boolean {
  let lo = 0;
  let hi = offsets.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid]! < start) lo = mid + 1;
    else hi = mid;
  }
  return lo < offsets.length && offsets[lo]! < end;
}

function isSorted(xs: readonly number[]): boolean {
  for (let i = 1; i < xs.length; i++) if (xs[i]! < xs[i - 1]!) return false;
  return true;
}

/** Adds the member names a call reaches: its callee's, its arguments', an argument's `.bind` object's. */
function addMemberNames(call: TSESTree.CallExpression, names: Set<string>): void {
  const add = (x: Node): void => {
    const u = unwrap(x);
    if (u.type === T.MemberExpression) {
      const name = memberKey(u);
      if (name !== undefined) names.add(name);
    }
  };
  add(call.callee);
  // `feed.getTicker.apply(feed, args)`, `load.call(this, url)`: the function invoked.
  const invoked = invokedThrough(call.callee);
  if (invoked) add(invoked);
  for (const a of call.arguments) {
    add(a);
    // `retry('getBalance', args)`: a method named to a helper that dispatches by name (`obj[method](…)`).
    const text = a.type === T.Literal && typeof a.value === 'string' && /^[A-Za-z_$][\w$]*$/.test(a.value) ? a.value : undefined;
    if (text !== undefined) names.add(text);
    const u = unwrap(a);
    if (u.type === T.CallExpression && calleeName(u) === 'bind' && unwrap(u.callee).type === T.MemberExpression) add((unwrap(u.callee) as TSESTree.MemberExpression).object);
  }
}

/**
 * Every call expression in the subtree of `root` (a node of the file), in walk order: the same
 * list as a walk of `root` collecting calls, found by binary search over the file's calls.
 */
export function callsWithin(root: Node, sourceCode: TSESLint.SourceCode): TSESTree.CallExpression[] {
  const index = fileIndex(sourceCode);
  if (!index.callsSorted || !inFile(root, sourceCode)) return findAll(root, sourceCode.visitorKeys, (n): n is TSESTree.CallExpression => n.type === T.CallExpression);
  return within(index.calls, root);
}

/**
 * Every node of a list of the file index (in walk order) that lies in the subtree of `root`: by
 * binary search when the list's start offsets never decrease, else by filtering the whole list.
 * Undefined when `root` is not a node of the file (a synthetic node): the caller walks it instead.
 */
export function indexedWithin<N extends Node>(nodes: readonly N[], root: Node, sourceCode: TSESLint.SourceCode): N[] | undefined {
  if (!inFile(root, sourceCode)) return undefined;
  let sorted = sortedLists.get(nodes);
  if (sorted === undefined) {
    sorted = isSorted(nodes.map((n) => n.range[0]));
    sortedLists.set(nodes, sorted);
  }
  return sorted ? within(nodes, root) : nodes.filter((n) => contains(root, n));
}

/** Whether a list of the file index has start offsets that never decrease, per list. */
const sortedLists = fileMemo<readonly Node[], boolean>();

/**
 * Every `=` assignment to a member expression in the subtree of `root` (a node of the file), in
 * walk order: the same list as a walk of `root` collecting them.
 */
export function memberAssignmentsWithin(root: Node, sourceCode: TSESLint.SourceCode): TSESTree.AssignmentExpression[] {
  const index = fileIndex(sourceCode);
  if (!index.memberAssignmentsSorted || !inFile(root, sourceCode)) return findAll(root, sourceCode.visitorKeys, (n): n is TSESTree.AssignmentExpression => n.type === T.AssignmentExpression && n.operator === '=' && n.left.type === T.MemberExpression);
  return within(index.memberAssignments, root);
}

/** The nodes of a list sorted by start offset that lie in `root`'s subtree, by binary search. */
function within<N extends Node>(nodes: readonly N[], root: Node): N[] {
  const [start, end] = root.range;
  let lo = 0;
  let hi = nodes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (nodes[mid]!.range[0] < start) lo = mid + 1;
    else hi = mid;
  }
  const out: N[] = [];
  for (let i = lo; i < nodes.length && nodes[i]!.range[0] < end; i++) {
    const c = nodes[i]!;
    // A node starting where `root` starts but ending after it encloses `root` (`a().b()` around `a()`).
    if (c.range[1] <= end) out.push(c);
  }
  return out;
}

/** Whether `node` belongs to the tree of `sourceCode` (a synthetic node or another file's is not indexed). */
function inFile(node: Node, sourceCode: TSESLint.SourceCode): boolean {
  let n: Node | undefined = node;
  while (n.parent) n = n.parent;
  return n === (sourceCode.ast as Node);
}
