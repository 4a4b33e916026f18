// The rewrite behind "Use the backoff helper": a hand-written retry loop or recursion around one
// operation becomes `return await retryWithBackoff(() => operation, { maxAttempts, baseDelayMs })`
// when the whole retry can be rewritten safely; otherwise its wait gets `backoffDelay(attempt, …)`.
// Pure: AST in, text edits (offsets) out. Sites come from the plugin's analysis when it finds one
// at the finding, else from the enclosing loop or recursive function.
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { getRetrySitesFor, type RetrySite } from '../../../eslint-plugin/src/analysis/index';
import { contains, enclosingFunction, findAll, isFunction, walk } from '../../../eslint-plugin/src/analysis/ast';
import type { HelperName } from './helper-file';

type Node = TSESTree.Node;
type SourceCode = TSESLint.SourceCode;
type Keys = TSESLint.SourceCode.VisitorKeys;

/** A text replacement in offsets of the source text (BOM excluded, as ESLint counts). */
export interface OffsetEdit {
  range: [number, number];
  text: string;
}

/** What the rewrite changes and which helper exports it needs. */
export interface RewritePlan {
  /** Stable key of the rewritten site, so one action is offered per site however many findings it has. */
  siteKey: string;
  kind: 'full' | 'delay';
  edits: OffsetEdit[];
  names: HelperName[];
}

const WAIT_NAME = /^(sleep|delay|wait|pause|nap|hold|snooze|rest|backoff|timeout|settimeout|waitfor|waitms)/i;
const isLoop = (n: Node): n is TSESTree.ForStatement | TSESTree.WhileStatement | TSESTree.DoWhileStatement =>
  n.type === T.ForStatement || n.type === T.WhileStatement || n.type === T.DoWhileStatement;

/** A one-character node at `offset`, for `contains` (true when `offset` lies inside a node's range). */
const atOffset = (offset: number): Node => ({ range: [offset, offset + 1] }) as Node;

/**
 * The first match of a right-to-left search below `root` (the order the rewrite has always used):
 * the last outermost match in source order. `skip` prunes subtrees (never `root`).
 */
function lastMatch<R>(root: Node, keys: Keys, find: (n: Node) => R | undefined, skip?: (n: Node) => boolean): R | undefined {
  let found: R | undefined;
  walk(root, keys, (n) => {
    if (n !== root && skip?.(n)) return false;
    const r = find(n);
    if (r === undefined) return;
    found = r;
    return false;
  });
  return found;
}

function nodeAt(sourceCode: SourceCode, offset: number): Node {
  let best: Node = sourceCode.ast;
  walk(sourceCode.ast, sourceCode.visitorKeys, (n) => {
    if (!contains(n, atOffset(offset))) return n === sourceCode.ast;
    best = n;
    return true;
  });
  return best;
}

function ancestors(n: Node): Node[] {
  const out: Node[] = [];
  for (let p = n.parent; p; p = p.parent) out.push(p);
  return out;
}

/** The identifier names referenced anywhere below `root`. */
function mentions(keys: Keys, root: Node, name: string): boolean {
  let found = false;
  walk(root, keys, (n) => {
    if (n.type === T.Identifier && n.name === name) {
      const p = n.parent;
      // `obj.name` and `{ name: x }` keys are not references.
      if (p?.type === T.MemberExpression && p.property === n && !p.computed) return;
      if (p?.type === T.Property && p.key === n && !p.computed && !p.shorthand) return;
      found = true;
    }
  });
  return found;
}

/** `break`/`continue` leaving the statement `root` (not inside a nested loop, switch or function). */
function hasEscapingJump(keys: Keys, root: Node): boolean {
  let found = false;
  walk(root, keys, (n) => {
    if (isFunction(n) || isLoop(n) || n.type === T.ForInStatement || n.type === T.ForOfStatement) return false;
    if (n.type === T.SwitchStatement) {
      // `break` inside a switch is local; `continue` escapes.
      walk(n, keys, (m) => {
        if (isFunction(m) || isLoop(m)) return false;
        if (m.type === T.ContinueStatement) found = true;
      });
      return false;
    }
    if (n.type === T.BreakStatement || n.type === T.ContinueStatement || n.type === T.YieldExpression) found = true;
  });
  return found;
}

function hasOwnAwait(keys: Keys, root: Node): boolean {
  let found = root.type === T.AwaitExpression;
  walk(root, keys, (n) => {
    if (n !== root && isFunction(n)) return false;
    if (n.type === T.AwaitExpression) found = true;
  });
  return found;
}

/** A statement that waits: `await sleep(…)`, `await new Promise((r) => setTimeout(r, …))`. */
function waitCallOf(keys: Keys, stmt: Node, siteWaits: readonly Node[]): TSESTree.CallExpression | TSESTree.NewExpression | undefined {
  if (stmt.type !== T.ExpressionStatement || stmt.expression.type !== T.AwaitExpression) return undefined;
  const arg = stmt.expression.argument;
  if (arg.type !== T.CallExpression && arg.type !== T.NewExpression) return undefined;
  if (siteWaits.some((w) => w.range[0] >= stmt.range[0] && w.range[1] <= stmt.range[1])) return arg;
  const callee = arg.callee;
  const name = callee.type === T.Identifier ? callee.name : callee.type === T.MemberExpression && callee.property.type === T.Identifier ? callee.property.name : '';
  if (arg.type === T.CallExpression && WAIT_NAME.test(name)) return arg;
  if (arg.type === T.NewExpression && name === 'Promise' && mentionsCall(keys, arg, 'setTimeout')) return arg;
  return undefined;
}

function mentionsCall(keys: Keys, root: Node, name: string): boolean {
  let found = false;
  walk(root, keys, (n) => {
    if (n.type === T.CallExpression && n.callee.type === T.Identifier && n.callee.name === name) found = true;
  });
  return found;
}

/** The delay argument of a wait call: the first argument, or setTimeout's second inside a Promise. */
function delayArgument(keys: Keys, call: TSESTree.CallExpression | TSESTree.NewExpression): TSESTree.Expression | undefined {
  if (call.type === T.CallExpression) {
    const name = call.callee.type === T.Identifier ? call.callee.name : '';
    const arg = name === 'setTimeout' ? call.arguments[1] : call.arguments[0];
    return arg && arg.type !== T.SpreadElement ? arg : undefined;
  }
  // The setTimeout a right-to-left search meets last: the first in source order, or the innermost one nested in it.
  const timeouts = findAll(call, keys, (n): n is TSESTree.CallExpression => n.type === T.CallExpression && n.callee.type === T.Identifier && n.callee.name === 'setTimeout');
  let found: TSESTree.Expression | undefined;
  let last: Node | undefined;
  for (const n of timeouts) {
    if (last && !contains(last, n)) break;
    const a = n.arguments[1];
    if (a && a.type !== T.SpreadElement) {
      found = a;
      last = n;
    }
  }
  return found;
}

/** A loop or function's attempt counter: its name, start value and how it is written. */
interface Counter {
  name: string;
  start: number | undefined;
}

function numberValue(sourceCode: SourceCode, n: Node | null | undefined, scopeNode: Node): number | undefined {
  if (!n) return undefined;
  if (n.type === T.Literal && typeof n.value === 'number') return n.value;
  if (n.type === T.Identifier) {
    const init = constInit(sourceCode, n.name, scopeNode);
    return init ? numberValue(sourceCode, init, scopeNode) : undefined;
  }
  return undefined;
}

/** The initialiser of a `const name = …` visible from `from` (same or an enclosing block / program). */
function constInit(_sourceCode: SourceCode, name: string, from: Node): Node | undefined {
  for (let p: Node | undefined = from; p; p = p.parent) {
    const body = p.type === T.BlockStatement || p.type === T.Program ? p.body : undefined;
    if (!body) continue;
    for (const s of body) {
      const decl = s.type === T.ExportNamedDeclaration ? s.declaration : s;
      if (decl?.type !== T.VariableDeclaration || decl.kind !== 'const') continue;
      for (const d of decl.declarations) if (d.id.type === T.Identifier && d.id.name === name && d.init) return d.init;
    }
  }
  return undefined;
}

/** Base delay and cap from a delay expression: `1500`, `200 * 2 ** i`, `Math.min(base * 2 ** n, 10_000)`. */
function delayOptions(sourceCode: SourceCode, expr: Node | undefined, scopeNode: Node): { base?: string; cap?: string } {
  if (!expr) return {};
  let e: Node = expr;
  if (e.type === T.Identifier) {
    const init = localInit(e.name, scopeNode) ?? constInit(sourceCode, e.name, scopeNode);
    if (init) e = init;
  }
  const out: { base?: string; cap?: string } = {};
  const literal = (n: Node): string | undefined => {
    if (n.type === T.Literal && typeof n.value === 'number') return n.raw;
    if (n.type === T.Identifier && numberValue(sourceCode, n, scopeNode) !== undefined) return n.name;
    return undefined;
  };
  if (e.type === T.CallExpression && e.callee.type === T.MemberExpression && sourceCode.getText(e.callee) === 'Math.min' && e.arguments.length === 2) {
    const [a, b] = e.arguments as [Node, Node];
    const capA = literal(a);
    const capB = literal(b);
    if (capB) {
      out.cap = capB;
      e = a;
    } else if (capA) {
      out.cap = capA;
      e = b;
    }
  }
  const direct = literal(e);
  if (direct) return { ...out, base: direct };
  const base = lastMatch(e, sourceCode.visitorKeys, (n) => {
    if (n.type !== T.BinaryExpression || (n.operator !== '*' && n.operator !== '<<')) return undefined;
    const left = literal(n.left);
    const right = n.operator === '*' ? literal(n.right) : undefined;
    return left && !right ? left : right && !left ? right : undefined;
  });
  if (base) out.base = base;
  return out;
}

/** `const name = …` declared in the block around `from`. */
function localInit(name: string, from: Node): Node | undefined {
  for (let p: Node | undefined = from; p && !isFunction(p); p = p.parent) {
    if (p.type !== T.BlockStatement) continue;
    for (const s of p.body) {
      if (s.type !== T.VariableDeclaration) continue;
      for (const d of s.declarations) if (d.id.type === T.Identifier && d.id.name === name && d.init) return d.init;
    }
  }
  return undefined;
}

function loopCounter(sourceCode: SourceCode, loop: TSESTree.ForStatement | TSESTree.WhileStatement | TSESTree.DoWhileStatement): Counter | undefined {
  if (loop.type === T.ForStatement && loop.init?.type === T.VariableDeclaration) {
    const d = loop.init.declarations[0];
    if (d?.id.type === T.Identifier) return { name: d.id.name, start: numberValue(sourceCode, d.init, loop) };
  }
  const name = lastMatch(
    loop,
    sourceCode.visitorKeys,
    (n) => {
      if (n.type === T.UpdateExpression && n.operator === '++' && n.argument.type === T.Identifier) return n.argument.name;
      if (n.type === T.AssignmentExpression && n.operator === '+=' && n.left.type === T.Identifier) return n.left.name;
      return undefined;
    },
    isFunction,
  );
  if (!name) return undefined;
  const block = loop.parent;
  let start: number | undefined;
  if (block && (block.type === T.BlockStatement || block.type === T.Program)) {
    for (const s of block.body) {
      if (s.type !== T.VariableDeclaration) continue;
      for (const d of s.declarations) if (d.id.type === T.Identifier && d.id.name === name) start = numberValue(sourceCode, d.init, loop);
    }
  }
  return { name, start };
}

/** `maxAttempts` text from a for-loop's test (`i < N`, `i <= N`), carrying an expression bound as written. */
function loopAttempts(sourceCode: SourceCode, loop: Node, counter: Counter | undefined): string | undefined {
  if (loop.type !== T.ForStatement || counter?.start === undefined) return undefined;
  const test = loop.test;
  if (test?.type !== T.BinaryExpression || test.left.type !== T.Identifier || test.left.name !== counter.name) return undefined;
  const extra = test.operator === '<' ? 0 : test.operator === '<=' ? 1 : undefined;
  if (extra === undefined) return undefined;
  const delta = extra - counter.start;
  const value = numberValue(sourceCode, test.right, loop);
  if (value !== undefined) return String(value + delta);
  const text = sourceCode.getText(test.right);
  const safe = test.right.type === T.Identifier || test.right.type === T.MemberExpression ? text : `(${text})`;
  return delta === 0 ? safe : delta > 0 ? `${safe} + ${delta}` : `${safe} - ${-delta}`;
}

function indentOf(sourceCode: SourceCode, n: Node): string {
  const line = sourceCode.lines[n.loc.start.line - 1] ?? '';
  return /^\s*/.exec(line)?.[0] ?? '';
}

function dedent(text: string, by: number): string {
  if (by <= 0) return text;
  return text
    .split('\n')
    .map((l, i) => (i === 0 ? l : l.replace(new RegExp(`^[ \\t]{0,${by}}`), '')))
    .join('\n');
}

/** The operation as an arrow: `() => expr` for one `return expr`, else `async () => { … }`. */
function operationText(sourceCode: SourceCode, block: TSESTree.BlockStatement, outerIndent: string): string {
  const only = block.body[0];
  if (block.body.length === 1 && only?.type === T.ReturnStatement && only.argument) {
    let e: Node = only.argument;
    if (e.type === T.AwaitExpression) e = e.argument;
    const text = sourceCode.getText(e);
    const body = e.type === T.ObjectExpression || e.type === T.SequenceExpression ? `(${text})` : text;
    return `${hasOwnAwait(sourceCode.visitorKeys, e) ? 'async ' : ''}() => ${body}`;
  }
  const by = indentOf(sourceCode, block).length - outerIndent.length;
  return `async () => ${dedent(sourceCode.getText(block), by)}`;
}

/** Checks the catch clause of a retry is only waits, delay computation, error bookkeeping and bound guards. */
function catchIsRetryOnly(
  keys: Keys,
  handler: TSESTree.CatchClause,
  siteWaits: readonly Node[],
  allowed: (stmt: TSESTree.Statement) => boolean,
): { ok: boolean; waits: Array<TSESTree.CallExpression | TSESTree.NewExpression>; lastError?: string; guarded: boolean } {
  const param = handler.param?.type === T.Identifier ? handler.param.name : undefined;
  const waits: Array<TSESTree.CallExpression | TSESTree.NewExpression> = [];
  let lastError: string | undefined;
  let guarded = false;
  for (const stmt of handler.body.body) {
    const wait = waitCallOf(keys, stmt, siteWaits);
    if (wait) {
      waits.push(wait);
      continue;
    }
    if (allowed(stmt)) continue;
    if (stmt.type === T.VariableDeclaration && stmt.declarations.every((d) => d.id.type === T.Identifier)) continue;
    if (stmt.type === T.ExpressionStatement && stmt.expression.type === T.AssignmentExpression && stmt.expression.operator === '=' && stmt.expression.left.type === T.Identifier && stmt.expression.right.type === T.Identifier && stmt.expression.right.name === param) {
      lastError = stmt.expression.left.name;
      continue;
    }
    if (stmt.type === T.IfStatement && !stmt.alternate) {
      const c = stmt.consequent.type === T.BlockStatement && stmt.consequent.body.length === 1 ? stmt.consequent.body[0] : stmt.consequent;
      if (c?.type === T.ThrowStatement && c.argument.type === T.Identifier && c.argument.name === param) {
        guarded = true;
        continue;
      }
    }
    return { ok: false, waits, guarded };
  }
  return lastError ? { ok: true, waits, lastError, guarded } : { ok: true, waits, guarded };
}

/** The analysis's attempt bound, when it knows one (the code's own reading, where exact, wins). */
function analysisAttempts(site: RetrySite | undefined): string | undefined {
  const n = site?.bound.kind === 'bounded' ? site.bound.maxAttempts : undefined;
  return n !== undefined && Number.isFinite(n) && n > 0 ? String(n) : undefined;
}

function optionsText(maxAttempts: string, delay: { base?: string; cap?: string }): string {
  const parts = [`maxAttempts: ${maxAttempts}`];
  if (delay.base) parts.push(`baseDelayMs: ${delay.base}`);
  if (delay.cap) parts.push(`maxDelayMs: ${delay.cap}`);
  return `{ ${parts.join(', ')} }`;
}

/** Removes a whole statement line (with its line break) when it stands alone on it. */
function removeStatement(sourceCode: SourceCode, stmt: Node): OffsetEdit {
  const text = sourceCode.text;
  let start = stmt.range[0];
  let end = stmt.range[1];
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const before = text.slice(lineStart, start);
  const lineEnd = text.indexOf('\n', end);
  const after = text.slice(end, lineEnd === -1 ? text.length : lineEnd);
  if (/^\s*$/.test(before) && /^\s*$/.test(after)) {
    start = lineStart;
    end = lineEnd === -1 ? text.length : lineEnd + 1;
  }
  return { range: [start, end], text: '' };
}

/** Declarations in `block` of variables referenced only inside `ranges` (so they can go with the loop). */
function orphanedDeclarations(sourceCode: SourceCode, block: Node, candidates: readonly string[], ranges: ReadonlyArray<[number, number]>): Node[] {
  if (block.type !== T.BlockStatement && block.type !== T.Program) return [];
  const out: Node[] = [];
  for (const s of block.body) {
    if (s.type !== T.VariableDeclaration || s.declarations.length !== 1) continue;
    const d = s.declarations[0];
    if (d.id.type !== T.Identifier || !candidates.includes(d.id.name)) continue;
    const variable = sourceCode.getDeclaredVariables(s)[0];
    if (!variable) continue;
    const inside = variable.references.every((r) => r.identifier.range[0] === d.id.range[0] || ranges.some(([a, b]) => r.identifier.range[0] >= a && r.identifier.range[1] <= b));
    if (inside) out.push(s);
  }
  return out;
}

function fullLoopRewrite(sourceCode: SourceCode, loop: TSESTree.ForStatement | TSESTree.WhileStatement | TSESTree.DoWhileStatement, site: RetrySite | undefined): RewritePlan | undefined {
  const fn = enclosingFunction(loop);
  if (!fn?.async) return undefined;
  const stmts = loop.body.type === T.BlockStatement ? loop.body.body : [loop.body];
  const tryStmt = stmts[0];
  if (stmts.length !== 1 || tryStmt?.type !== T.TryStatement || !tryStmt.handler || tryStmt.finalizer) return undefined;
  const block = tryStmt.block;
  if (block.body[block.body.length - 1]?.type !== T.ReturnStatement || hasEscapingJump(sourceCode.visitorKeys, block)) return undefined;
  const counter = loopCounter(sourceCode, loop);
  if (counter && mentions(sourceCode.visitorKeys, block, counter.name)) return undefined;
  const siteWaits = site?.waits.map((w) => w.node) ?? [];
  const handler = catchIsRetryOnly(sourceCode.visitorKeys, tryStmt.handler, siteWaits, () => false);
  if (!handler.ok) return undefined;
  const parent = loop.parent;
  const siblings = parent && (parent.type === T.BlockStatement || parent.type === T.Program) ? (parent.body as Node[]) : [];
  const next = siblings[siblings.indexOf(loop) + 1];
  const infinite = (loop.type === T.WhileStatement && loop.test.type === T.Literal && loop.test.value === true) || (loop.type === T.ForStatement && !loop.test);
  let end = loop.range[1];
  if (next?.type === T.ThrowStatement && next.argument.type === T.Identifier && (next.argument.name === handler.lastError || handler.guarded)) end = next.range[1];
  else if (!handler.guarded && !infinite) return undefined; // the exhaustion path does something the helper would not
  const indent = indentOf(sourceCode, loop);
  const attempts = loopAttempts(sourceCode, loop, counter) ?? analysisAttempts(site) ?? '3';
  const waitArg = handler.waits[0] ? delayArgument(sourceCode.visitorKeys, handler.waits[0]) : undefined;
  const delay = delayOptions(sourceCode, waitArg, handler.waits[0] ?? tryStmt.handler);
  const replacement = `return await retryWithBackoff(${operationText(sourceCode, block, indent)}, ${optionsText(attempts, delay)});`;
  const edits: OffsetEdit[] = [{ range: [loop.range[0], end], text: replacement }];
  const candidates = [handler.lastError, loop.type !== T.ForStatement ? counter?.name : undefined].filter((x): x is string => !!x);
  for (const decl of orphanedDeclarations(sourceCode, parent, candidates, [[loop.range[0], end]])) edits.push(removeStatement(sourceCode, decl));
  return { siteKey: `loop:${loop.range[0]}`, kind: 'full', edits, names: ['retryWithBackoff'] };
}

/** The function a recursive retry call re-enters, when the call is in that function's catch clause. */
function recursiveTarget(call: TSESTree.CallExpression): { fn: TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression; name: string } | undefined {
  if (call.callee.type !== T.Identifier) return undefined;
  const name = call.callee.name;
  for (const a of ancestors(call)) {
    if (!isFunction(a)) continue;
    const own = a.type !== T.ArrowFunctionExpression && a.id ? a.id.name : a.parent?.type === T.VariableDeclarator && a.parent.id.type === T.Identifier ? a.parent.id.name : undefined;
    return own === name ? { fn: a, name } : undefined;
  }
  return undefined;
}

function fullRecursionRewrite(sourceCode: SourceCode, call: TSESTree.CallExpression, site: RetrySite | undefined): RewritePlan | undefined {
  const target = recursiveTarget(call);
  if (!target?.fn.async || target.fn.body.type !== T.BlockStatement) return undefined;
  const fn = target.fn;
  const body = target.fn.body.body;
  const tryStmt = body[0];
  if (body.length !== 1 || tryStmt?.type !== T.TryStatement || !tryStmt.handler || tryStmt.finalizer) return undefined;
  const block = tryStmt.block;
  if (block.body[block.body.length - 1]?.type !== T.ReturnStatement || hasEscapingJump(sourceCode.visitorKeys, block)) return undefined;
  // The recursive call: `return f(args)` / `return await f(args)`, last in the catch clause, passing the parameters through.
  const last = tryStmt.handler.body.body[tryStmt.handler.body.body.length - 1];
  const returned = last?.type === T.ReturnStatement ? (last.argument?.type === T.AwaitExpression ? last.argument.argument : last.argument) : undefined;
  if (returned !== call) return undefined;
  let counter: { name: string; start: number | undefined; step: 1 | -1 } | undefined;
  for (let i = 0; i < fn.params.length; i++) {
    const param = fn.params[i]!;
    const pid = param.type === T.AssignmentPattern ? param.left : param;
    if (pid.type !== T.Identifier) return undefined;
    const arg = call.arguments[i];
    if (arg?.type === T.Identifier && arg.name === pid.name) continue;
    if (arg?.type === T.BinaryExpression && arg.left.type === T.Identifier && arg.left.name === pid.name && arg.right.type === T.Literal && arg.right.value === 1 && (arg.operator === '+' || arg.operator === '-')) {
      const start = param.type === T.AssignmentPattern ? numberValue(sourceCode, param.right, fn) : undefined;
      counter = { name: pid.name, start, step: arg.operator === '+' ? 1 : -1 };
      continue;
    }
    if (!arg && param.type === T.AssignmentPattern) continue;
    return undefined;
  }
  if (call.arguments.length > fn.params.length) return undefined;
  if (counter && mentions(sourceCode.visitorKeys, block, counter.name)) return undefined;
  const siteWaits = site?.waits.map((w) => w.node) ?? [];
  const handler = catchIsRetryOnly(sourceCode.visitorKeys, tryStmt.handler, siteWaits, (s) => s === last);
  if (!handler.ok) return undefined;
  const indent = indentOf(sourceCode, tryStmt);
  const attempts = recursionAttempts(sourceCode, tryStmt.handler, counter) ?? analysisAttempts(site) ?? '3';
  const waitArg = handler.waits[0] ? delayArgument(sourceCode.visitorKeys, handler.waits[0]) : undefined;
  const delay = delayOptions(sourceCode, waitArg, handler.waits[0] ?? tryStmt.handler);
  const replacement = `return await retryWithBackoff(${operationText(sourceCode, block, indent)}, ${optionsText(attempts, delay)});`;
  return { siteKey: `recursion:${fn.range[0]}`, kind: 'full', edits: [{ range: tryStmt.range, text: replacement }], names: ['retryWithBackoff'] };
}

/** Attempts of a recursion guarded by `if (attempt >= N) throw err` with a counted parameter. */
function recursionAttempts(sourceCode: SourceCode, handler: TSESTree.CatchClause, counter: { name: string; start: number | undefined; step: 1 | -1 } | undefined): string | undefined {
  if (counter?.start === undefined) return undefined;
  for (const s of handler.body.body) {
    if (s.type !== T.IfStatement || s.test.type !== T.BinaryExpression || s.test.left.type !== T.Identifier || s.test.left.name !== counter.name) continue;
    const limit = numberValue(sourceCode, s.test.right, s);
    if (limit === undefined) continue;
    const op = s.test.operator;
    if (counter.step === 1 && (op === '>=' || op === '===')) return String(limit - counter.start + 1);
    if (counter.step === 1 && op === '>') return String(limit - counter.start + 2);
    if (counter.step === -1 && (op === '<=' || op === '===')) return String(counter.start - limit + 1);
    if (counter.step === -1 && op === '<') return String(counter.start - limit + 2);
  }
  return undefined;
}

/** Fallback: the wait's delay becomes `backoffDelay(attempt, …)` (attempts counted from 1, as the helper does). */
function delayRewrite(sourceCode: SourceCode, owner: Node, counter: Counter | undefined, site: RetrySite | undefined, key: string): RewritePlan | undefined {
  if (!counter) return undefined;
  const siteWaits = site?.waits.map((w) => w.node) ?? [];
  let arg: TSESTree.Expression | undefined = site?.waits.find((w) => w.argument)?.argument;
  // The analysis found the waits and none takes its delay from an argument (a helper that waits a
  // fixed time whatever it is given): rewriting the argument would change nothing.
  if (!arg && site && site.waits.length > 0 && site.waits.every((w) => w.node.type === 'CallExpression' && w.node.arguments.length > 0)) return undefined;
  if (!arg) {
    const keys = sourceCode.visitorKeys;
    arg = lastMatch(
      owner,
      keys,
      (n) => {
        const call = waitCallOf(keys, n, siteWaits);
        return call ? delayArgument(keys, call) : undefined;
      },
      isFunction,
    );
  }
  if (!arg) return undefined;
  // Every wait of the site that takes its delay from an argument (a loop may wait on two paths).
  const args = [arg, ...(site?.waits.map((w) => w.argument).filter((a): a is TSESTree.Expression => !!a && a !== arg) ?? [])];
  const attempt = counter.start === 0 ? `${counter.name} + 1` : counter.name;
  const edits: OffsetEdit[] = [];
  for (const a of args) {
    if (/retry-?after/i.test(sourceCode.getText(a))) continue; // the server chose that wait
    const delay = delayOptions(sourceCode, a, a);
    const opts = [delay.base ? `baseDelayMs: ${delay.base}` : '', delay.cap ? `maxDelayMs: ${delay.cap}` : ''].filter(Boolean).join(', ');
    const text = `backoffDelay(${attempt}${opts ? `, { ${opts} }` : ''})`;
    if (sourceCode.getText(a) !== text) edits.push({ range: a.range, text });
  }
  if (edits.length === 0) return undefined;
  return { siteKey: key, kind: 'delay', edits, names: ['backoffDelay'] };
}

/** The retry site a finding at `offset` belongs to (analysis first, then the enclosing loop or recursion). */
function siteAt(sourceCode: SourceCode, offset: number): { site?: RetrySite; anchor: Node } | undefined {
  let sites: readonly RetrySite[] = [];
  try {
    sites = getRetrySitesFor(sourceCode);
  } catch {
    sites = [];
  }
  const nodesOf = (s: RetrySite): Node[] =>
    [s.node, s.bound.node, s.noWait, ...s.waits.map((w) => w.node), ...s.waits.map((w) => w.delay.node), ...s.nonIdempotent.map((r) => r.node), ...s.rateLimitChecks, ...s.clientErrorRetries.map((c) => c.node)].filter((n): n is Node => !!n);
  const exact = sites.find((s) => (s.kind === 'loop' || s.kind === 'recursion') && nodesOf(s).some((n) => n.range[0] === offset));
  const hit = exact ?? sites.filter((s) => (s.kind === 'loop' || s.kind === 'recursion') && nodesOf(s).some((n) => contains(n, atOffset(offset)))).pop();
  if (hit) return { site: hit, anchor: hit.node };
  if (sites.some((s) => (s.kind === 'library' || s.kind === 'interceptor') && nodesOf(s).some((n) => contains(n, atOffset(offset))))) return undefined;
  // No site from the analysis: the innermost loop holding a try, or a recursive call in a catch.
  const at = nodeAt(sourceCode, offset);
  for (const a of [at, ...ancestors(at)]) {
    if (isFunction(a)) {
      const call = lastMatch(
        a,
        sourceCode.visitorKeys,
        (n) => (n.type === T.CallExpression && recursiveTarget(n)?.fn === a && ancestors(n).some((x) => x.type === T.CatchClause) ? n : undefined),
        isFunction,
      );
      return call ? { anchor: call } : undefined;
    }
    if (isLoop(a)) {
      let hasTry = false;
      walk(a, sourceCode.visitorKeys, (n) => {
        if (isFunction(n)) return false;
        if (n.type === T.TryStatement) hasTry = true;
      });
      if (hasTry) return { anchor: a };
    }
  }
  return undefined;
}

/** The rewrite for the finding at `offset` (text offset of the diagnostic start), or undefined. */
export function planRewrite(sourceCode: SourceCode, offset: number): RewritePlan | undefined {
  const found = siteAt(sourceCode, offset);
  if (!found) return undefined;
  const { site, anchor } = found;
  if (isLoop(anchor)) {
    return fullLoopRewrite(sourceCode, anchor, site) ?? delayRewrite(sourceCode, anchor, loopCounter(sourceCode, anchor), site, `loop:${anchor.range[0]}`);
  }
  if (anchor.type === T.CallExpression) {
    const full = fullRecursionRewrite(sourceCode, anchor, site);
    if (full) return full;
    const target = recursiveTarget(anchor);
    if (!target) return undefined;
    // Only a counter that goes up (`attempt + 1`) is an attempt number; a countdown (`retries - 1`)
    // would make backoffDelay shrink, so no delay rewrite is offered for it.
    const param = target.fn.params.find((p, i) => {
      const arg = anchor.arguments[i];
      return arg?.type === T.BinaryExpression && arg.operator === '+' && (p.type === T.Identifier || (p.type === T.AssignmentPattern && p.left.type === T.Identifier));
    });
    const pid = param?.type === T.AssignmentPattern ? param.left : param;
    const start = param?.type === T.AssignmentPattern ? numberValue(sourceCode, param.right, target.fn) : undefined;
    const counter = pid?.type === T.Identifier ? { name: pid.name, start } : undefined;
    return delayRewrite(sourceCode, target.fn.body, counter, site, `recursion:${target.fn.range[0]}`);
  }
  return undefined;
}
