// What require-jitter and require-backoff judge of one wait, shared so that each can offer an
// edit that also answers the other's finding on the same wait (their edits replace the same delay
// expression, so applied together they would overlap).
import type { TSESLint } from '@typescript-eslint/utils';
import type { Node, RetrySite, Wait } from '../analysis';
import { T } from '../analysis/node-types';
import { isFunction, walk } from '../analysis/ast';
import { growDelayFix, growInterceptorFix, growRecursionFix, localDelayOf } from './fixes';

/**
 * A wait needs jitter unless it is random, is exactly the server's Retry-After, or cannot be
 * resolved at all. An unresolved delay that is known to be the same on every attempt has no
 * random component, so it needs jitter too, as does one a library's delay function computes
 * without any random source (`deterministic`). The server's Retry-After with a fixed fallback
 * (header missing or refused) in a retry that never stops is not exactly the server's: the
 * fallback path waits the same time forever.
 */
export function needsJitter(wait: Wait, site: RetrySite): boolean {
  const d = wait.delay;
  if (d.random) return false;
  if (d.retryAfter === 'exact') return !!d.fixedFallback && site.bound.kind === 'unbounded';
  if (d.opaque && !d.growing && !d.invariant && !d.deterministic) return false;
  return true;
}

/**
 * Whether require-jitter reports `wait`: it needs jitter, and no random wait taken on every attempt
 * beside it (a start-up stagger) makes the attempt's whole wait random. Waits taken one after the
 * other on every attempt (`stop(); await pause(1000); down(); await pause(1000); await pause(backoff)`)
 * add up to one pause between attempts: it is reported once, at the last of them.
 */
export function reportsNoJitter(wait: Wait, site: RetrySite, keys: TSESLint.SourceCode.VisitorKeys): boolean {
  if (site.purpose === 'refresh-replay' || !needsJitter(wait, site)) return false;
  if (site.waits.some((o) => o !== wait && o.node.range[0] > wait.node.range[1] && needsJitter(o, site) && (wait.everyAttempt && o.everyAttempt ? true : followsInSequence(wait.node, o.node, keys)))) return false;
  // A random wait taken on every attempt, or just before or after this one on the same path, makes the pause random.
  return !site.waits.some((o) => o !== wait && o.delay.random && (o.everyAttempt || followsInSequence(wait.node, o.node, keys) || followsInSequence(o.node, wait.node, keys)));
}

/**
 * Whether the wait `later` always follows the wait `first`: both are statements of their own (an
 * awaited call, alone or initialising a local) in one statement list, and nothing between them leaves it.
 */
function followsInSequence(first: Node, later: Node, keys: TSESLint.SourceCode.VisitorKeys): boolean {
  const a = plainStatementOf(first);
  const b = plainStatementOf(later);
  if (!a || !b || a.parent !== b.parent) return false;
  const list = a.parent && 'body' in a.parent && Array.isArray(a.parent.body) ? (a.parent.body as Node[]) : a.parent?.type === T.SwitchCase ? a.parent.consequent : undefined;
  if (!list) return false;
  const between = list.slice(list.indexOf(a) + 1, list.indexOf(b));
  return list.indexOf(a) < list.indexOf(b) && !between.some((st) => containsExit(st, keys));
}

/** The statement `wait` makes on its own (`await pause(ms);`, `const t = await pause(ms);`), or undefined when it sits in a test, a branch or an expression. */
function plainStatementOf(wait: Node): Node | undefined {
  let n: Node = wait;
  while (n.parent && (n.parent.type === T.AwaitExpression || n.parent.type === T.TSAsExpression || n.parent.type === T.TSNonNullExpression || n.parent.type === T.ChainExpression || (n.parent.type === T.VariableDeclarator && n.parent.init === n) || n.parent.type === T.VariableDeclaration)) n = n.parent;
  if (n.parent?.type === T.ExpressionStatement) n = n.parent;
  const p = n.parent;
  return p && (p.type === T.BlockStatement || p.type === T.Program || p.type === T.SwitchCase) && (n.type === T.ExpressionStatement || n.type === T.VariableDeclaration) ? n : undefined;
}

/** Whether a statement may leave its list: a `return`, `throw`, `break` or `continue` in it (outside nested functions). */
function containsExit(st: Node, keys: TSESLint.SourceCode.VisitorKeys): boolean {
  let found = false;
  walk(st, keys, (n) => {
    if (found || (n !== st && isFunction(n))) return false;
    if (n.type === T.ReturnStatement || n.type === T.ThrowStatement || n.type === T.BreakStatement || n.type === T.ContinueStatement) found = true;
    return undefined;
  });
  return found;
}

/**
 * Whether require-backoff reports `wait` as a constant delay. An unknown delay is skipped unless
 * it is known to be the same on every attempt. A Retry-After wait is the server's choice; the
 * fixed fallback beside it of a retry that never stops hits the server at the same pace forever.
 * A wait taken on every attempt beside a wait that grows or is unknown (a start-up stagger before a
 * backoff timer), or just before or after one on the same path (a settling pause, then the backoff),
 * is not: the attempt's whole wait is their sum, which this one alone does not decide.
 */
export function reportsConstantDelay(wait: Wait, site: RetrySite, keys: TSESLint.SourceCode.VisitorKeys): boolean {
  if (site.purpose === 'refresh-replay') return false;
  const d = wait.delay;
  if (d.growing || (d.retryAfter && !(d.fixedFallback && site.bound.kind === 'unbounded')) || (d.opaque && !d.invariant && !d.steady)) return false;
  if (site.waits.some((o) => o !== wait && (o.delay.growing || o.delay.retryAfter || (o.delay.opaque && !o.delay.invariant && !o.delay.steady)) && ((wait.everyAttempt ?? false) || followsInSequence(wait.node, o.node, keys) || followsInSequence(o.node, wait.node, keys)))) return false;
  // Two fixed waits one after the other are one fixed pause: reported once, at the last.
  if (site.waits.some((o) => o !== wait && o.node.range[0] > wait.node.range[1] && followsInSequence(wait.node, o.node, keys))) return false;
  return true;
}

/**
 * The growth edit for a constant wait of a hand-written loop, recursion or interceptor (see
 * growDelayFix, growRecursionFix, growInterceptorFix), with full jitter on the grown delay when
 * `jitter` is set. Undefined where no attempt count reaches the wait, or the delay is not written at it.
 */
export function growthFix(sourceCode: TSESLint.SourceCode, filename: string, site: RetrySite, wait: Wait, jitter: boolean): TSESLint.ReportFixFunction | undefined {
  const local = localDelayOf(wait);
  if (!local) return undefined;
  const constant = wait.delay.opaque ? undefined : wait.delay.maxMs;
  // A wait the operation takes itself, outside the loop (in the step the loop calls): no counter of
  // the loop is in scope there to grow it by.
  // Nor in a callback inside the loop (`await fetch(u).then(async (res) => { await pause(ms); … })`):
  // the loop's counter may be there, but the edit is written for the loop's own statements.
  if (site.kind === 'loop') return wait.node.range[0] >= site.node.range[0] && wait.node.range[1] <= site.node.range[1] && !inCallbackWithin(wait.node, site.node) ? growDelayFix(sourceCode, site.node, wait.node, local, constant, jitter) : undefined;
  if (site.kind === 'recursion') return growRecursionFix(sourceCode, site.node, local, constant, jitter);
  if (site.kind === 'interceptor') return growInterceptorFix(sourceCode, site.node, wait.node, local, constant, /\.(c|m)?tsx?$/.test(filename), jitter);
  return undefined;
}

/** Whether `n` sits in a function nested in `outer` other than a promise executor (`new Promise((r) => setTimeout(r, ms))`). */
function inCallbackWithin(n: Node, outer: Node): boolean {
  for (let p: Node | undefined = n.parent; p && p !== outer; p = p.parent) {
    if (isFunction(p) && !(p.parent?.type === T.NewExpression && p.parent.callee.type === T.Identifier && p.parent.callee.name === 'Promise')) return true;
  }
  return false;
}
