import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { findAll, walk } from './ast';
import { fileMemo } from './memo';
import type { Node } from './types';

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
  /** Every `for`, `for…of`, `while` and `do…while` loop and every `CallExpression`, interleaved in walk order. */
  loopsAndCalls: (Loop | TSESTree.CallExpression)[];
  /** Every `VariableDeclarator`, `TSAsExpression` and `TSSatisfiesExpression` (typed option objects). */
  typedCandidates: Node[];
  /** Whether the calls' start offsets never decrease in walk order (so a subtree's calls can be found by binary search). */
  callsSorted: boolean;
}

const indexes = fileMemo<Node, FileIndex>();

/** The file's index, built by one walk on first use (per file analysis). */
export function fileIndex(sourceCode: TSESLint.SourceCode): FileIndex {
  const root = sourceCode.ast as Node;
  const hit = indexes.get(root);
  if (hit) return hit;
  const index: FileIndex = { calls: [], callsAndNews: [], functions: [], loopsAndCalls: [], typedCandidates: [], callsSorted: true };
  let last = -1;
  walk(root, sourceCode.visitorKeys, (n) => {
    switch (n.type) {
      case T.CallExpression:
        if (n.range[0] < last) index.callsSorted = false;
        last = n.range[0];
        index.calls.push(n);
        index.callsAndNews.push(n);
        index.loopsAndCalls.push(n);
        break;
      case T.NewExpression:
        index.callsAndNews.push(n);
        break;
      case T.ForStatement:
      case T.WhileStatement:
      case T.DoWhileStatement:
      case T.ForOfStatement:
        index.loopsAndCalls.push(n);
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
      default:
    }
  });
  indexes.set(root, index);
  return index;
}

/**
 * Every call expression in the subtree of `root` (a node of the file), in walk order: the same
 * list as a walk of `root` collecting calls, found by binary search over the file's calls.
 */
export function callsWithin(root: Node, sourceCode: TSESLint.SourceCode): TSESTree.CallExpression[] {
  const index = fileIndex(sourceCode);
  if (!index.callsSorted || !inFile(root, sourceCode)) return findAll(root, sourceCode.visitorKeys, (n): n is TSESTree.CallExpression => n.type === T.CallExpression);
  const { calls } = index;
  const [start, end] = root.range;
  let lo = 0;
  let hi = calls.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (calls[mid]!.range[0] < start) lo = mid + 1;
    else hi = mid;
  }
  const out: TSESTree.CallExpression[] = [];
  for (let i = lo; i < calls.length && calls[i]!.range[0] < end; i++) {
    const c = calls[i]!;
    // A call starting where `root` starts but ending after it encloses `root` (`a().b()` around `a()`).
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
