import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import type { RetrySettings } from '../../utils/settings';
import { walk } from '../ast';
import { originOf, type Origin } from '../scope';
import type { RetrySite } from '../types';
import { adapters } from './index';
import type { LibraryContext } from './types';

/** Runs every library adapter over the calls of a file. An adapter that throws loses only its own sites. */
export function analyzeLibraries(sourceCode: TSESLint.SourceCode, settings: RetrySettings): RetrySite[] {
  const calls: { node: TSESTree.CallExpression | TSESTree.NewExpression; origin: Origin | undefined }[] = [];
  walk(sourceCode.ast, sourceCode.visitorKeys, (n) => {
    if (n.type === T.CallExpression || n.type === T.NewExpression) calls.push({ node: n, origin: undefined });
  });
  if (calls.length === 0 || adapters.length === 0) return [];
  const ctx: LibraryContext = {
    sourceCode,
    settings,
    originOf: (node) => originOf(sourceCode, node),
    calls,
  };
  for (const c of calls) c.origin = originOf(sourceCode, c.node.callee);
  const sites: RetrySite[] = [];
  for (const c of calls) {
    if (!c.origin) continue;
    for (const adapter of adapters) {
      if (!adapter.packages.includes(c.origin.module)) continue;
      try {
        sites.push(...adapter.analyze(c.node, c.origin, ctx));
      } catch {
        // An adapter bug must not take the file down: the rule never throws on valid syntax.
      }
    }
  }
  return sites;
}
