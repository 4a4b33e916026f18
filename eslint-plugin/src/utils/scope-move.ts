// Moving source text to another place keeps its meaning only when every name in it still means the
// same variable there. The rewrites (the helper rewrite's `shouldRetry`, `maxAttempts` and
// `baseDelayMs`, a hoisted key or delay) check each move with ESLint's scope manager through
// {@link canMove}: no name is compared as text.
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';

type Node = TSESTree.Node;
type SourceCode = TSESLint.SourceCode;
type Scope = TSESLint.Scope.Scope;
type Variable = TSESLint.Scope.Variable;

/** Where moved text lands and what the new place changes. */
export interface Destination {
  /** The innermost scope of the new place (see {@link scopeAt}). */
  scope: Scope;
  /** Ranges the same edit deletes: a variable declared there no longer exists afterwards. */
  removed?: ReadonlyArray<readonly [number, number]>;
  /**
   * Names the new place binds itself, and the variable each stands for: a callback parameter that
   * receives what the catch clause's parameter held (`shouldRetry: (err) => …`). A name listed with
   * `undefined` is bound there to something else, so a reference to any variable by that name fails.
   */
  provided?: ReadonlyMap<string, Variable | undefined>;
}

/**
 * The innermost scope at a position just before `node` in its parent: the scope of `node`'s parent
 * (a `for` statement's own scope, or a function's, is inside the node, not at its place). For a
 * module's top level, the module scope.
 */
export function scopeAt(sourceCode: SourceCode, node: Node): Scope {
  const parent = node.parent ?? node;
  if (parent.type === T.Program) return sourceCode.scopeManager?.acquire(parent, true) ?? sourceCode.getScope(parent);
  return sourceCode.getScope(parent);
}

/** The variable `name` denotes when looked up from `scope` outwards, or undefined (an undeclared global). */
function lookup(scope: Scope | null, name: string): Variable | undefined {
  for (let s = scope; s; s = s.upper) {
    const v = s.set.get(name);
    if (v) return v;
  }
  return undefined;
}

const inside = (r: readonly [number, number], n: { range: readonly [number, number] }): boolean => r[0] <= n.range[0] && n.range[1] <= r[1];

/** Every reference whose identifier lies inside one of `ranges` (values, types, writes). */
export function referencesIn(sourceCode: SourceCode, ranges: ReadonlyArray<readonly [number, number]>): TSESLint.Scope.Reference[] {
  const out: TSESLint.Scope.Reference[] = [];
  for (const scope of sourceCode.scopeManager?.scopes ?? []) {
    for (const r of scope.references) if (ranges.some((range) => inside(range, r.identifier))) out.push(r);
  }
  return out;
}

/**
 * Whether the text of `moved` (nodes of this file) keeps its meaning at `to`: each reference in it
 * resolves there to the variable it resolves to now — declared inside the moved text itself, bound
 * by the new place as the same value (`provided`), or visible from `to.scope` and not declared in a
 * removed range; a name that resolves to no declaration (a global such as `fetch`) must not be
 * declared at the new place either.
 */
export function canMove(sourceCode: SourceCode, moved: ReadonlyArray<Node>, to: Destination): boolean {
  const ranges = moved.map((n) => n.range);
  for (const r of referencesIn(sourceCode, ranges)) {
    const name = r.identifier.name;
    const v = r.resolved;
    if (v && v.defs.length > 0 && v.defs.every((d) => ranges.some((range) => inside(range, d.name)))) continue;
    if (to.provided?.has(name)) {
      if (!v || to.provided.get(name) !== v) return false;
      continue;
    }
    const there = lookup(to.scope, name);
    if (!v) {
      if (there && there.defs.length > 0) return false;
      continue;
    }
    if (there !== v) return false;
    if (to.removed?.some((range) => v.defs.some((d) => inside(range, d.name)))) return false;
  }
  return true;
}

/** Whether the identifier `id` denotes, at `to`, the variable it denotes where it stands. */
export function sameBindingAt(sourceCode: SourceCode, id: TSESTree.Identifier, to: Destination): boolean {
  return canMove(sourceCode, [id], to);
}
