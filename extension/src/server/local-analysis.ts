// The code actions' questions answered from a document's parse and retry analysis on the thread
// that holds them: the lint worker (lint-worker.ts), or the server's thread when no worker runs. It
// imports the linter and the plugin, so the server's thread reaches it only through local.ts.
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import type { RetryLintSettings } from '../shared/settings';
import type { AnalysisAnswers, AnalysisQueries, DocAnalysis } from './code-actions';
import { fixAllBundled, type LintTarget, sourceCodeOf } from './linting';
import { planRewrites } from './rewrite';

/**
 * The program's top-level statements as plain data: imports and `require` declarations whole,
 * every other statement as its type, range and directive only (what the helper's import reads).
 */
function programSkeleton(program: TSESTree.Program): TSESTree.Program {
  const clone = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(clone);
    if (!value || typeof value !== 'object') return value;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (k !== 'parent' && k !== 'loc') out[k] = clone(v);
    return out;
  };
  const isRequire = (s: TSESTree.Statement): boolean => {
    if (s.type !== T.VariableDeclaration || s.declarations.length !== 1) return false;
    const init = s.declarations[0].init;
    return init?.type === T.CallExpression && init.callee.type === T.Identifier && init.callee.name === 'require';
  };
  const body = program.body.map((s) =>
    s.type === T.ImportDeclaration || isRequire(s)
      ? clone(s)
      : { type: s.type, range: s.range, ...('directive' in s && typeof s.directive === 'string' ? { directive: s.directive } : {}) },
  );
  return { type: T.Program, range: program.range, sourceType: program.sourceType, body } as unknown as TSESTree.Program;
}

/** {@link DocAnalysis} computed on this thread, from the parse `linting.ts` keeps (or a new one). */
export function localAnalysis(target: LintTarget): DocAnalysis {
  const sourceCode = (): ReturnType<typeof sourceCodeOf> => sourceCodeOf(target);
  return {
    program: () => sourceCode()?.ast as TSESTree.Program | undefined,
    plans: (offset) => {
      const sc = sourceCode();
      return sc ? planRewrites(sc as never, offset) : [];
    },
    inJsxChildren: (offset) => inJsxChildren(sourceCode()?.ast as TSESTree.Program | undefined, offset),
    fixAll: (settings) => {
      const bom = target.text.startsWith('\uFEFF') ? 1 : 0;
      return fixAllBundled({ filePath: target.filePath, text: target.text.slice(bom) }, settings);
    },
  };
}

/**
 * Answers `queries` with {@link localAnalysis} (what the lint worker runs). Stops early, with what
 * it has, when `cancelled` says so.
 */
export function answerQueries(target: LintTarget, queries: AnalysisQueries, settings: Pick<RetryLintSettings, 'rules'>, cancelled: () => boolean = () => false): AnalysisAnswers {
  const local = localAnalysis(target);
  const answers: AnalysisAnswers = { plans: [], jsx: [] };
  if (queries.fixAll && !cancelled()) answers.fixAll = local.fixAll(settings);
  for (const offset of queries.plans) {
    if (cancelled()) return answers;
    answers.plans.push([offset, local.plans(offset)]);
  }
  for (const offset of queries.jsx) answers.jsx.push([offset, local.inJsxChildren(offset)]);
  if (queries.program) {
    const program = local.program();
    if (program) answers.program = programSkeleton(program);
  }
  return answers;
}

/** Whether the start of `line` sits among JSX children, where a comment must be `{/* … *\/}`. */
function inJsxChildren(program: TSESTree.Program | undefined, offset: number): boolean {
  if (!program) return false;
  let node: TSESTree.Node | undefined;
  const visit = (n: TSESTree.Node): void => {
    node = n;
    for (const [k, v] of Object.entries(n)) {
      if (k === 'parent') continue;
      const kids = Array.isArray(v) ? v : [v];
      for (const c of kids) {
        if (c && typeof c === 'object' && typeof (c as TSESTree.Node).type === 'string' && Array.isArray((c as TSESTree.Node).range)) {
          const child = c as TSESTree.Node;
          if (child.range[0] <= offset && offset < child.range[1]) {
            visit(child);
            return;
          }
        }
      }
    }
  };
  visit(program);
  for (let n = node; n; n = n.parent) {
    const p = n.parent;
    if (!p) return false;
    if ((p.type === T.JSXElement || p.type === T.JSXFragment) && (p.children as TSESTree.Node[]).includes(n)) return true;
    if (p.type === T.JSXExpressionContainer || p.type === T.JSXAttribute || p.type === T.JSXOpeningElement) return false;
  }
  return false;
}

