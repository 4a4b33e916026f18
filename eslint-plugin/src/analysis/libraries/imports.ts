// Names a library suggestion needs from the library's module (`timer` from rxjs,
// `ExponentialBackoff` from cockatiel): the name the file already binds, or the edit that adds it
// to an import (or `require` destructuring) of that module the file already has.
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { propertyName } from '../ast';
import { packageEntry } from '../scope';
import type { LibraryContext } from './types';

/** How a suggestion refers to an export: the local text, and the edit that makes it available, if one is needed. */
export interface ImportedName {
  text: string;
  edit?: { range: [number, number]; text: string };
}

type Scope = TSESLint.Scope.Scope;

/** The module a `const { a } = require('m')` declarator reads, when it is one. */
function requiredModule(d: TSESTree.VariableDeclarator): string | undefined {
  const init = d.init;
  if (init?.type !== T.CallExpression || init.callee.type !== T.Identifier || init.callee.name !== 'require') return undefined;
  const a = init.arguments[0];
  return a?.type === T.Literal && typeof a.value === 'string' ? a.value : undefined;
}

/** Whether `name` is bound at the top of the file (an import, a declaration) or nowhere below it differently. */
function nameTaken(ctx: LibraryContext, name: string): boolean {
  const global = ctx.sourceCode.scopeManager?.globalScope;
  if (!global) return true;
  const scopes: Scope[] = [global, ...global.childScopes.filter((s) => s.type === 'module')];
  if (scopes.some((s) => s.set.has(name) && (s.set.get(name)?.defs.length ?? 0) > 0)) return true;
  // A deeper binding of the same name would shadow the import where the suggestion writes it.
  let shadowed = false;
  const visit = (s: Scope): void => {
    if (shadowed) return;
    if (s.type !== 'global' && s.type !== 'module' && s.set.has(name)) shadowed = true;
    for (const c of s.childScopes) visit(c);
  };
  for (const s of scopes) visit(s);
  return shadowed;
}

/**
 * The way to write the export `name` of one of `modules` in this file: the local name of an
 * existing named import or `require` destructuring of it, `ns.name` for a namespace import, or
 * the name added to an existing value import (or destructuring `require`) of one of the modules.
 * Undefined when the file imports none of the modules in a form a name can be added to, or the
 * name is already bound to something else.
 */
export function importedName(ctx: LibraryContext, modules: readonly string[], name: string): ImportedName | undefined {
  const body = (ctx.sourceCode.ast as TSESTree.Program).body;
  let target: { range: [number, number]; text: string } | undefined;
  for (const s of body) {
    if (s.type === T.ImportDeclaration && modules.includes(packageEntry(String(s.source.value))) && s.importKind !== 'type') {
      for (const sp of s.specifiers) {
        if (sp.type === T.ImportNamespaceSpecifier) return { text: `${sp.local.name}.${name}` };
        if (sp.type === T.ImportSpecifier && sp.importKind !== 'type') {
          const imported = sp.imported.type === T.Identifier ? sp.imported.name : String(sp.imported.value);
          if (imported === name) return { text: sp.local.name };
        }
      }
      const named = s.specifiers.filter((sp): sp is TSESTree.ImportSpecifier => sp.type === T.ImportSpecifier);
      const last = named[named.length - 1];
      if (last && !target) target = { range: [last.range[1], last.range[1]], text: `, ${name}` };
      continue;
    }
    if (s.type === T.VariableDeclaration) {
      for (const d of s.declarations) {
        const m = requiredModule(d);
        if (!m || !modules.includes(m) || d.id.type !== T.ObjectPattern) continue;
        for (const p of d.id.properties) {
          if (p.type === T.Property && propertyName(p) === name && p.value.type === T.Identifier) return { text: p.value.name };
        }
        const props = d.id.properties;
        const last = props[props.length - 1];
        if (last && last.type === T.Property && !target) target = { range: [last.range[1], last.range[1]], text: `, ${name}` };
      }
    }
  }
  if (!target || nameTaken(ctx, name)) return undefined;
  return { text: name, edit: target };
}
