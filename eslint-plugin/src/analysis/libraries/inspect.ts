import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { calleeName, contains, isFunction, propertyName, unwrap, walk } from '../ast';
import { KEY_FACTORIES, type HttpCall } from '../http';
import { bindingOf, variableOf } from '../scope';
import type { DelayFacts, LibrarySuggestion, Node, NonIdempotentRequest } from '../types';
import type { LibraryContext } from './types';
import { type FunctionNode } from './util';

/**
 * Helpers shared by the adapters for undici, cockatiel, rxjs, @tanstack/query, bullmq, AWS SDK,
 * octokit, Apollo and socket.io-client: following `const` bindings, reading handler functions,
 * and building suggestion edits on options objects.
 */

/** Follows `const x = <expr>` bindings (a few steps) to the expression a value is built from. */
export function resolveExpression(ctx: LibraryContext, node: Node | null | undefined): Node | undefined {
  let n = unwrap(node);
  for (let i = 0; n && i < 6; i++) {
    if (n.type !== T.Identifier) return n;
    const v = variableOf(ctx.sourceCode, n);
    const b = v && bindingOf(v);
    if (!b || !b.stable) return undefined;
    if (b.kind === 'function') return b.node;
    if (b.kind !== 'init') return undefined;
    n = unwrap(b.node);
  }
  return undefined;
}

/** The expressions a function returns (its expression body, or its `return` statements outside nested functions); `null` for a bare `return`. */
export function returnedExpressions(fn: FunctionNode, visitorKeys: TSESLint.SourceCode.VisitorKeys): (Node | null)[] {
  if (fn.body.type !== T.BlockStatement) return [fn.body];
  const out: (Node | null)[] = [];
  walk(fn.body, visitorKeys, (n) => {
    if (n !== fn.body && isFunction(n)) return false;
    if (n.type === T.ReturnStatement) out.push(n.argument ?? null);
    return true;
  });
  return out;
}

/** Whether the node is the literal `value` (`true`, `false`, `null`), or `undefined` / `void 0` for `undefined`. */
export function isLiteralValue(node: Node | null, value: boolean | null | undefined): boolean {
  const n = unwrap(node);
  if (!n) return value === undefined;
  if (value === undefined) return (n.type === T.Identifier && n.name === 'undefined') || (n.type === T.UnaryExpression && n.operator === 'void');
  return n.type === T.Literal && n.value === value;
}

/** Whether the function body reads parameter `index` (by name) or a member named one of `members` (`options.request.retryCount`). */
export function readsParameterOrMember(fn: FunctionNode, index: number, members: readonly string[], visitorKeys: TSESLint.SourceCode.VisitorKeys): boolean {
  const param = fn.params[index];
  const name = param && param.type === T.Identifier ? param.name : param && param.type === T.AssignmentPattern && param.left.type === T.Identifier ? param.left.name : undefined;
  if (param && !name && param.type !== T.Identifier) return true; // destructured: assume it is used
  let found = false;
  walk(fn.body, visitorKeys, (n) => {
    if (found) return false;
    if (name && n.type === T.Identifier && n.name === name && !(n.parent?.type === T.MemberExpression && n.parent.property === n && !n.parent.computed)) found = true;
    if (n.type === T.MemberExpression && members.includes(propertyName(n) ?? '')) found = true;
    if (n.type === T.Property && n.parent?.type === T.ObjectPattern && members.includes(propertyName(n) ?? '')) found = true;
    return !found;
  });
  return found;
}

/**
 * A path of a "shall I retry?" function (`retry(failureCount, error)`, an Apollo `attempts`
 * function, an octokit rate-limit handler) that answers yes without the attempt count having been
 * consulted: a path-sensitive bound. The function reads the count somewhere, yet some returned
 * value may be truthy, reads neither the count nor a local computed from it, calls nothing, and is
 * reached through tests none of which reads the count, with no earlier statement on its way that
 * reads the count and may leave the function. `if (isAxiosError(e) && e.status) return
 * e.status >= 500; return n < 3;` answers yes to every 5xx for ever: a check on one path does not
 * bound another. Returns that value, or undefined when every yes is counted (or the count is
 * never read: {@link handlerDecision} decides that case).
 */
export function uncountedYes(fn: FunctionNode, countIndex: number, countMembers: readonly string[], sourceCode: TSESLint.SourceCode): Node | undefined {
  const vk = sourceCode.visitorKeys;
  if (!readsParameterOrMember(fn, countIndex, countMembers, vk)) return undefined;
  const param = fn.params[countIndex];
  const id = param && (param.type === T.AssignmentPattern ? param.left : param);
  if (id && id.type !== T.Identifier) return undefined; // destructured: not followed
  const tainted = new Set<TSESLint.Scope.Variable>();
  const pv = id ? variableOf(sourceCode, id) : undefined;
  if (pv) tainted.add(pv);
  const reads = (node: Node): boolean => {
    let found = false;
    walk(node, vk, (n) => {
      if (found) return false;
      if (n.type === T.Identifier && !(n.parent?.type === T.MemberExpression && n.parent.property === n && !n.parent.computed)) {
        const v = variableOf(sourceCode, n);
        if (v && tainted.has(v)) found = true;
      }
      if (n.type === T.MemberExpression && countMembers.includes(propertyName(n) ?? '')) found = true;
      return !found;
    });
    return found;
  };
  // Locals computed from the count (`const giveUp = n >= 3`) carry it.
  for (let round = 0, grew = true; grew && round < 4; round++) {
    grew = false;
    walk(fn.body, vk, (n) => {
      if (n.type === T.VariableDeclarator && n.init && n.id.type === T.Identifier && reads(n.init)) {
        const v = variableOf(sourceCode, n.id);
        if (v && !tainted.has(v)) (tainted.add(v), (grew = true));
      }
      return true;
    });
  }
  const exits = (node: Node): boolean => {
    let found = false;
    walk(node, vk, (n) => {
      if (found || (n !== node && isFunction(n))) return false;
      if (n.type === T.ReturnStatement || n.type === T.ThrowStatement) found = true;
      return !found;
    });
    return found;
  };
  const yes = (e: Node): Node[] => {
    const u = unwrap(e);
    if (u.type === T.LogicalExpression && u.operator !== '&&') return [...yes(u.left), ...yes(u.right)];
    if (u.type === T.ConditionalExpression) return reads(u.test) ? [] : [...yes(u.consequent), ...yes(u.alternate)];
    if (reads(u)) return [];
    if ([false, null, undefined].some((v) => isLiteralValue(u, v)) || (u.type === T.Literal && (u.value === 0 || u.value === ''))) return [];
    let calls = false;
    walk(u, vk, (n) => {
      if (n.type === T.CallExpression || n.type === T.NewExpression || n.type === T.AwaitExpression || isFunction(n)) calls = true;
      return !calls;
    });
    return calls ? [] : [u];
  };
  // Whether the way from the function's body down to `node` passes a test or an earlier exit that reads the count.
  const counted = (node: Node): boolean => {
    for (let c: Node = node, a = node.parent; a && c !== fn.body; c = a, a = a.parent) {
      if ((a.type === T.IfStatement || a.type === T.ConditionalExpression) && c !== a.test && reads(a.test)) return true;
      if (a.type === T.LogicalExpression && a.operator === '&&' && c === a.right && reads(a.left)) return true;
      if (a.type === T.SwitchCase && ((a.test && reads(a.test)) || reads((a.parent as TSESTree.SwitchStatement).discriminant))) return true;
      if ((a.type === T.WhileStatement || a.type === T.ForStatement || a.type === T.DoWhileStatement) && a.test && c !== a.test && reads(a.test)) return true;
      const list = a.type === T.BlockStatement ? a.body : a.type === T.SwitchCase ? a.consequent : undefined;
      if (list) for (const s of list) {
        if (s === c) break;
        if (reads(s) && exits(s)) return true;
      }
    }
    return false;
  };
  const returns: Node[] = [];
  if (fn.body.type !== T.BlockStatement) returns.push(fn.body);
  else
    walk(fn.body, vk, (n) => {
      if (n !== fn.body && isFunction(n)) return false;
      if (n.type === T.ReturnStatement && n.argument) returns.push(n.argument);
      return true;
    });
  for (const r of returns) {
    for (const leaf of yes(r)) if (!counted(leaf)) return leaf;
  }
  return undefined;
}

/**
 * Whether parameter `index` of a "shall I retry?" function can change its answer: some read of it
 * (or of a local computed from it) reaches a returned value or a test (`if`, `?:`, `switch`,
 * loop). A read that only feeds a statement of its own (`console.log(op.operationName)`, a metric)
 * decides nothing. A destructured or missing-name parameter is assumed to decide.
 */
export function parameterDecides(fn: FunctionNode, index: number, sourceCode: TSESLint.SourceCode): boolean {
  const param = fn.params[index];
  if (!param) return false;
  const id = param.type === T.AssignmentPattern ? param.left : param;
  if (id.type !== T.Identifier) return true;
  const v = variableOf(sourceCode, id);
  return v ? variableDecides(v, fn, sourceCode, 0) : true;
}

function variableDecides(v: TSESLint.Scope.Variable, fn: FunctionNode, sourceCode: TSESLint.SourceCode, depth: number): boolean {
  for (const r of v.references) {
    if (r.init) continue;
    let n: Node = r.identifier as Node;
    for (let i = 0; i < 40 && n.parent; i++) {
      const p: Node = n.parent;
      if (p.type === T.ReturnStatement) return true;
      // A nested callback (`defs.some((d) => d.name === op.operationName)`) decides what its call does.
      if (isFunction(p) && p !== fn) {
        n = p;
        continue;
      }
      if ((p === fn && p.body === n) || (p.type === T.IfStatement && p.test === n) || (p.type === T.ConditionalExpression && p.test === n)) return true;
      if ((p.type === T.SwitchStatement && p.discriminant === n) || (p.type === T.SwitchCase && p.test === n)) return true;
      if ((p.type === T.WhileStatement || p.type === T.DoWhileStatement || p.type === T.ForStatement) && p.test === n) return true;
      if (p.type === T.VariableDeclarator && p.init === n) {
        if (depth < 3 && p.id.type === T.Identifier) {
          const local = sourceCode.getDeclaredVariables(p).find((x) => x.name === (p.id as TSESTree.Identifier).name);
          if (!local || variableDecides(local, fn, sourceCode, depth + 1)) return true;
          break;
        }
        return true;
      }
      // A statement of its own (a log call, an assignment elsewhere) or a nested function: decides nothing here.
      if (p.type === T.ExpressionStatement || p === fn || (p === fn.body && p.type === T.BlockStatement)) break;
      n = p;
    }
  }
  return false;
}

/**
 * How a "shall I retry?" handler decides: `never` (it only returns false / nothing), `always`
 * (it returns literal `true` on some path and nothing computed, and never reads the attempt
 * count), `counted` (it reads the attempt count), or `unknown`.
 */
export function handlerDecision(fn: FunctionNode, countIndex: number, countMembers: readonly string[], visitorKeys: TSESLint.SourceCode.VisitorKeys): 'never' | 'always' | 'counted' | 'unknown' {
  const returns = returnedExpressions(fn, visitorKeys);
  const literal = (r: Node | null): boolean => r === null || isLiteralValue(r, true) || isLiteralValue(r, false) || isLiteralValue(r, null) || isLiteralValue(r, undefined);
  if (returns.every((r) => r === null || isLiteralValue(r, false) || isLiteralValue(r, null) || isLiteralValue(r, undefined))) return 'never';
  if (readsParameterOrMember(fn, countIndex, countMembers, visitorKeys)) return 'counted';
  if (returns.some((r) => isLiteralValue(r, true)) && returns.every(literal)) return 'always';
  // `(n, e) => (e.code === 'UNAUTHORIZED' ? false : true)`: the arms of a returned conditional are what it
  // answers; a literal yes that no count decides says yes to that failure every time (for ever).
  const arms = returns.flatMap((r) => (r ? leaves(r) : [r]));
  if (arms.some((r) => r !== null && isLiteralValue(r, true)) && arms.every(literal)) return 'always';
  return 'unknown';
}

/** The values a conditional expression may produce (its arms, nested), or the expression itself. */
function leaves(n: Node): Node[] {
  const u = unwrap(n);
  return u.type === T.ConditionalExpression ? [...leaves(u.consequent), ...leaves(u.alternate)] : [u];
}

/**
 * The non-idempotent requests among `calls` that carry no stable key: no key at all, or a key
 * created inside `scope` (the retried function) with a fresh-id factory.
 */
export function unkeyedRequests(ctx: LibraryContext, calls: readonly HttpCall[], scope: Node): NonIdempotentRequest[] {
  const out: NonIdempotentRequest[] = [];
  for (const c of calls) {
    if (!c.method || !ctx.settings.nonIdempotentMethods.includes(c.method)) continue;
    if (c.keyValue) {
      const made = freshKeyCreation(ctx, c.keyValue);
      if (made && contains(scope, made)) out.push({ node: c.methodNode ?? c.node, method: c.method, key: 'per-attempt', keyNode: made });
      continue;
    }
    if (c.keyUnknown) continue;
    out.push({ node: c.methodNode ?? c.node, method: c.method, key: 'none', keyNode: undefined });
    // Other same-file callers that send a write with no key through the same request: each is reported.
    if (c.methodSource) for (const node of c.otherMethodSources ?? []) out.push({ node, method: c.method, key: 'none', keyNode: undefined });
  }
  return out;
}

function freshKeyCreation(ctx: LibraryContext, value: Node): Node | undefined {
  let n = unwrap(value);
  if (n.type === T.TemplateLiteral && n.expressions.length === 1) n = unwrap(n.expressions[0]!);
  if (n.type === T.Identifier) {
    const v = variableOf(ctx.sourceCode, n);
    const b = v && bindingOf(v);
    if (!b || b.kind !== 'init' || !b.node) return undefined;
    n = unwrap(b.node);
  }
  if (n.type === T.AwaitExpression) n = unwrap(n.argument);
  if (n.type === T.CallExpression && KEY_FACTORIES.has(calleeName(n) ?? '')) return n;
  return undefined;
}

/** A suggestion replacing a node's text. */
export function replaceSuggestion(node: Node, text: string, description: string): LibrarySuggestion {
  return { description, range: [node.range[0], node.range[1]], text };
}

/** The object literal a call's argument is (directly or through a `const`), with whether something is spread in. */
export function objectArgument(ctx: LibraryContext, node: Node | null | undefined): TSESTree.ObjectExpression | undefined {
  const n = resolveExpression(ctx, node);
  return n && n.type === T.ObjectExpression ? n : undefined;
}

/** Static array elements of an option (`['GET', 'POST']`), with their nodes; undefined when not a literal array. */
export function arrayElements(ctx: LibraryContext, node: Node | null | undefined): { node: Node; value: unknown }[] | undefined {
  const n = resolveExpression(ctx, node);
  if (!n || n.type !== T.ArrayExpression) return undefined;
  const out: { node: Node; value: unknown }[] = [];
  for (const e of n.elements) {
    if (!e || e.type === T.SpreadElement) return undefined;
    const u = unwrap(e);
    if (u.type === T.Literal) out.push({ node: e, value: u.value });
    else return undefined;
  }
  return out;
}

/**
 * A schedule whose attempt count is computed at run time: its largest delay is unknown, not
 * uncapped growth (an option computed at run time is an unknown, not a finding). Jitter and
 * growth stay as known.
 */
export function withUnknownBound(delay: DelayFacts): DelayFacts {
  return delay.maxReason === 'growth' ? { ...delay, maxMs: Infinity, maxReason: 'opaque' } : delay;
}
