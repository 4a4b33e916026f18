/**
 * Whether a re-run hands the operation a different input than the failed attempt had (R2).
 *
 * PRODUCT ("Retry or not"): code that re-runs an operation after it failed *with the same input* is a
 * retry; walks over different inputs (find-up, the next candidate in a list, failover to another
 * node, a request corrected before it is re-sent) are not, and a local copy of the same options is
 * the same input. This file states that by data flow, once, for every way a re-run is written (a
 * loop's next pass, a call of the function itself, a restart from a failure-event handler):
 *
 * - an input of the operation is a value it is handed as an argument (directly, in an object or
 *   array literal, in a template): a variable, a `this` field, a parameter. What is handed only to a
 *   log line, a wait or a timer, or used only in a comparison, is no input: it is bookkeeping (an
 *   attempt counter, a delay), whatever it is called;
 * - the input changes between attempts when the code between the failure and the re-run writes it
 *   from itself (`port++`, `port += 1`, `history = history.slice(n)`, `deps = [...deps, ...more]`)
 *   or at random (`port = low + Math.floor(Math.random() * span)`). Writing the same value back, or a
 *   constant flag, is no change.
 *
 * A variable is bookkeeping by what it does ({@link onlyBookkeeping}: compared, stepped, logged,
 * handed back to a same-file function at a parameter that is only bookkeeping too). Names are still
 * consulted beside that, for the attempt and delay vocabulary the analysis already uses for
 * counters ({@link BOOKKEEPING_NAME_RE}): a stepped `attempt` handed to a helper whose use of it
 * the data flow cannot follow is a count (issue 9: still a name; see metamorphic.test KNOWN_OPEN).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { alwaysExits, calleeName, contains, enclosingFunction, isFunction, isLogCallee, isReportingCall, propertyName, unwrap, walk } from './ast';
import { T } from './node-types';
import type { Ctx } from './operation';
import { fileIndex } from './file-index';
import { fileMemo } from './memo';
import { constantValue, constInit, originOf, scriptGlobalModules, thisAliasDeclarator, variableOf } from './scope';
import { defaultedFunction, returnedExpressions, sameFileFunction } from './delay';
import { sameFileCallers } from './http';
import type { Node } from './types';
import { BOOKKEEPING_NAME_RE, REFRESH_RE } from './vocabulary';
import { asWait, isGlobalTimer, pacesOnly } from './waits';

type Variable = TSESLint.Scope.Variable;

/** A place an input lives: a variable, or a field of `this` (by name). */
export type InputSlot = { kind: 'variable'; variable: Variable } | { kind: 'field'; name: string };

/** The slot an expression names (`port`, `this.history`), if it names one. */
export function slotOf(expr: Node, ctx: Pick<Ctx, 'sourceCode'>): InputSlot | undefined {
  const u = unwrap(expr);
  if (u.type === T.Identifier) {
    const v = variableOf(ctx.sourceCode, u);
    return v ? { kind: 'variable', variable: v } : undefined;
  }
  if (u.type === T.MemberExpression && !u.computed && unwrap(u.object).type === T.ThisExpression) {
    const name = propertyName(u);
    return name ? { kind: 'field', name } : undefined;
  }
  return undefined;
}

const COMPARISON = new Set(['<', '<=', '>', '>=', '==', '===', '!=', '!==']);

/**
 * Whether a variable's value is bookkeeping by what the code does with it, whatever it is called:
 * every read of it is compared (`left <= 0`), steps itself (`left -= 1`, `n++`), goes to a log line
 * or a template, starts another such variable (`let left = tries`), or is handed back to a same-file
 * function at a parameter that is itself only bookkeeping (`getJson({ url, tries: left })`). A value
 * that reaches any other call (the operation, a wait) is an input, or may be.
 */
export function onlyBookkeeping(v: Variable, ctx: Pick<Ctx, 'sourceCode' | 'settings'>, seen: Set<Variable> = new Set()): boolean {
  if (seen.has(v)) return true;
  if (seen.size > 6) return false;
  seen.add(v);
  let reads = 0;
  for (const r of v.references) {
    if (!r.isRead()) continue;
    reads++;
    const id = r.identifier as Node;
    const p = id.parent;
    if (!p) return false;
    if (p.type === T.BinaryExpression && COMPARISON.has(p.operator)) continue;
    if (p.type === T.UpdateExpression) continue;
    if (p.type === T.AssignmentExpression && p.left === id) continue;
    if (p.type === T.BinaryExpression && (p.operator === '+' || p.operator === '-') && p.parent?.type === T.AssignmentExpression && p.parent.right === p && unwrap(p.parent.left) === id) continue;
    if (selfUpdateOrTest(id, v)) continue;
    // The delay a wait is given (`setTimeout(again, d)`, `await sleep(d)`): the retry's pacing, no input.
    if (isWaitDelay(id, ctx)) continue;
    // A timer's handle, only ever cleared (`clearInterval(countdown)`): the retry's own timer, no input.
    if (p.type === T.CallExpression && p.arguments[0] === id && /^clear(Timeout|Interval|Immediate)$/.test(calleeName(p) ?? '')) continue;
    // `d = nextDelay(d)`: the next value computed from this one, for a variable that paces a wait.
    if (feedsOwnUpdate(id, v) && v.references.some((q) => q.isRead() && isWaitDelay(q.identifier as Node, ctx))) continue;
    // A log line, directly or in a template it prints (a template handed to anything else may be a URL).
    const logged: Node = p.type === T.TemplateLiteral ? p : id;
    if (logged?.parent?.type === T.CallExpression && logged.parent.arguments.includes(logged as TSESTree.Expression) && isLogCallee(logged.parent.callee)) continue;
    if (onlyReported(id)) continue;
    if (p.type === T.VariableDeclarator && p.init === id && p.id.type === T.Identifier) {
      const w = variableOf(ctx.sourceCode, p.id);
      if (w && onlyBookkeeping(w, ctx, seen)) continue;
      return false;
    }
    // Arithmetic that starts another such variable (`const nextWaitMs = waitMs * 3`).
    const made = arithmeticInitOf(id);
    if (made) {
      const w = variableOf(ctx.sourceCode, made);
      if (w && onlyBookkeeping(w, ctx, seen)) continue;
    }
    const param = parameterHandedTo(id, ctx);
    if (param && onlyBookkeeping(param, ctx, seen)) continue;
    // `await task(attempt)` with `task` a parameter: every function the file's callers hand in takes
    // nothing at that place (`async () => …`) or keeps it as bookkeeping: the count goes nowhere.
    if (!param && p.type === T.CallExpression && p.arguments.includes(id as TSESTree.Expression) && ignoredByPassedFunctions(p, p.arguments.indexOf(id as TSESTree.Expression), ctx, seen)) continue;
    return false;
  }
  return reads > 0;
}

/**
 * A count by its role, whatever it is called: stepped by one (`n++`, `n += 1`, `n -= 1`) and compared in
 * a test whose branch leaves (`if (n >= max) throw err`, `if (left <= 0) return`) or in a loop's test.
 * That is the retry's own attempt count; handing the attempt number on as well (an id tagged with it,
 * `${task}:${n}`) does not make the next attempt another input.
 */
export function countsToExit(v: Variable, sourceCode: TSESLint.SourceCode): boolean {
  // A count up starts at 0 or 1 (a port, a page or an offset starts where its range does); a count
  // down is compared with 0 or 1.
  const small = (n: Node | null | undefined): boolean => {
    const c = n ? constantValue(sourceCode, n) : undefined;
    return c?.value === 0 || c?.value === 1;
  };
  const decl = v.defs.length === 1 && v.defs[0]!.node.type === T.VariableDeclarator ? (v.defs[0]!.node as TSESTree.VariableDeclarator) : undefined;
  const fromZero = small(decl?.init);
  let up = false;
  let down = false;
  let limits = false;
  let toZero = false;
  for (const r of v.references) {
    const id = r.identifier as Node;
    const p = id.parent;
    if (!p) continue;
    if (p.type === T.UpdateExpression) {
      if (p.operator === '++') up = true;
      else down = true;
    } else if (p.type === T.AssignmentExpression && p.left === id && (p.operator === '+=' || p.operator === '-=')) {
      if (constantValue(sourceCode, p.right)?.value === 1) {
        if (p.operator === '+=') up = true;
        else down = true;
      }
    } else if (p.type === T.BinaryExpression && COMPARISON.has(p.operator)) {
      let t: Node = p;
      while (t.parent && (t.parent.type === T.LogicalExpression || t.parent.type === T.UnaryExpression)) t = t.parent;
      const host = t.parent;
      const limit = (host?.type === T.IfStatement && host.test === t && alwaysExits(host.consequent)) || ((host?.type === T.WhileStatement || host?.type === T.DoWhileStatement || host?.type === T.ForStatement) && host.test === t);
      if (limit) {
        limits = true;
        if (small(p.left === id ? p.right : p.left)) toZero = true;
      }
    }
  }
  return limits && ((up && !down && fromZero) || (down && !up && toZero));
}

/**
 * The variable whose initialiser computes a value from `id` by arithmetic only (`x * 3`, `Math.min(x * 2, cap)`,
 * `a > 1 ? x * 2 : 1`), or undefined.
 */
/** `Math.min(…)`, `Math.round(…)`: any call of a `Math` function. */
function isMath(call: TSESTree.CallExpression): boolean {
  const c = unwrap(call.callee);
  return c.type === T.MemberExpression && unwrap(c.object).type === T.Identifier && (unwrap(c.object) as TSESTree.Identifier).name === 'Math';
}

function arithmeticInitOf(id: Node): TSESTree.Identifier | undefined {
  let c: Node = id;
  for (let p = id.parent; p; c = p, p = p.parent) {
    if (p.type === T.VariableDeclarator) return p.init === c && p.id.type === T.Identifier ? p.id : undefined;
    const arithmetic =
      (p.type === T.BinaryExpression && ['+', '-', '*', '/', '%', '**'].includes(p.operator)) ||
      p.type === T.UnaryExpression ||
      (p.type === T.ConditionalExpression && c !== p.test) ||
      (p.type === T.CallExpression && c !== p.callee && isMath(p));
    if (!arithmetic && p.type !== T.TSAsExpression && p.type !== T.TSNonNullExpression) return undefined;
  }
  return undefined;
}

/**
 * A read whose value only reaches a person or an observer, never an operation: a field of an object
 * handed to a reporting call ({@link isReportingCall}: `hooks.onEachAttempt({ left, url })`), or a part
 * of a message (a template whose text has a space, so neither a URL nor a key) that is reported or
 * becomes an error's message (`notes.push(`Attempt ${tries - left + 1} of ${tries}`)`).
 */
function onlyReported(id: Node): boolean {
  let value: Node = id;
  // `${tries - left + 1}`: arithmetic on the count is still the count, shown.
  while (value.parent?.type === T.BinaryExpression && /^[-+*/%]$/.test(value.parent.operator)) value = value.parent;
  const p = value.parent;
  let arg: Node;
  if (value === id && p?.type === T.Property && p.value === id && p.parent?.type === T.ObjectExpression) arg = p.parent;
  else if (p?.type === T.TemplateLiteral && p.quasis.some((q) => /\s/.test(q.value.cooked ?? q.value.raw))) arg = p;
  else return false;
  const call = arg.parent;
  if ((call?.type !== T.CallExpression && call?.type !== T.NewExpression) || !call.arguments.includes(arg as TSESTree.Expression)) return false;
  if (call.type === T.NewExpression) return arg.type === T.TemplateLiteral && call.callee.type === T.Identifier && /Error$/.test(call.callee.name);
  return isReportingCall(call);
}

/**
 * A read that only decides or steps the variable itself: inside arithmetic, `!`, `?:` and `&&`/`||`
 * whose whole value is written back to the same variable (`left = left ? left - 1 : 0`) or is the
 * test of an `if`, a loop or a `?:` (`if (!left) throw err`).
 */
/** The read is the delay handed to a wait: a global timer's delay, or the delay argument of a recognised wait ({@link asWait}). */
export function isWaitDelay(id: Node, ctx: Pick<Ctx, 'sourceCode' | 'settings'>): boolean {
  let arg: Node = id;
  // Through a unit conversion or any arithmetic (`setTimeout(again, delayS * 1000)`).
  while (arg.parent && (arg.parent.type === T.TSAsExpression || arg.parent.type === T.TSNonNullExpression || (arg.parent.type === T.BinaryExpression && ['+', '-', '*', '/'].includes(arg.parent.operator)) || (arg.parent.type === T.CallExpression && arg.parent.callee !== arg && isMath(arg.parent)))) arg = arg.parent;
  const call = arg.parent;
  if (call?.type !== T.CallExpression || !call.arguments.includes(arg as TSESTree.CallExpressionArgument)) return false;
  if (isGlobalTimer(ctx.sourceCode, call)) return call.arguments[1] === arg;
  const w = asWait(call, ctx.sourceCode, ctx.settings);
  return !!w && w.argument === arg;
}

/**
 * Whether a call's result is only the delay of a wait: the delay argument itself (`setTimeout(again,
 * backoff(n))`), or a local every read of which is one (`var ms = backoff(n); setTimeout(again, ms)`).
 * What it is handed paces the retry; the operation does not take it.
 */
export function feedsOnlyWaits(call: Node, ctx: Pick<Ctx, 'sourceCode' | 'settings'>): boolean {
  if (isWaitDelay(call, ctx)) return true;
  const p = call.parent;
  if (p?.type !== T.VariableDeclarator || p.init !== call || p.id.type !== T.Identifier) return false;
  const v = variableOf(ctx.sourceCode, p.id);
  const reads = v ? v.references.filter((r) => r.isRead()) : [];
  return !!v && reads.length > 0 && v.references.every((r) => r.init || !r.isWrite()) && reads.every((r) => isWaitDelay(r.identifier as Node, ctx));
}

/** The read only feeds the variable's own next value, through any expression or call (`d = grow(d)`, `d = Math.min(d * 2, cap)`). */
function feedsOwnUpdate(id: Node, v: Variable): boolean {
  let n: Node = id;
  for (let p = id.parent; p && !isFunction(p); n = p, p = p.parent) {
    if (p.type === T.AssignmentExpression) return p.right === n && p.left.type === T.Identifier && v.references.some((r) => r.identifier === p.left);
    if (p.type === T.CallExpression && p.callee === n) return false;
    if (p.type === T.ExpressionStatement || p.type === T.VariableDeclarator || p.type === T.ReturnStatement || p.type === T.BlockStatement) return false;
  }
  return false;
}

function selfUpdateOrTest(id: Node, v: Variable): boolean {
  let n: Node = id;
  for (let p = id.parent; p; n = p, p = p.parent) {
    if (p.type === T.BinaryExpression && /^(\+|-|\*|\/|%|<|<=|>|>=|===|!==|==|!=)$/.test(p.operator)) continue;
    if (p.type === T.UnaryExpression && p.operator === '!') continue;
    if (p.type === T.LogicalExpression) continue;
    if (p.type === T.ConditionalExpression) {
      if (p.test === n) return true;
      continue;
    }
    if (p.type === T.AssignmentExpression && p.right === n) return p.left.type === T.Identifier && v.references.some((r) => r.identifier === p.left);
    if ((p.type === T.IfStatement || p.type === T.WhileStatement || p.type === T.DoWhileStatement || p.type === T.ForStatement) && (p as { test?: Node | null }).test === n) return true;
    return false;
  }
  return false;
}

/**
 * The parameter of a same-file function that an argument is handed to: `f(x)` at `f`'s parameter
 * in that place, or `f({ key: x })` at the destructured `key` of `f`'s parameter in that place.
 */
export function parameterHandedTo(id: Node, ctx: Pick<Ctx, 'sourceCode'>): Variable | undefined {
  let arg: Node = id;
  let key: string | undefined;
  const p = id.parent;
  if (p?.type === T.Property && p.value === id && p.parent?.type === T.ObjectExpression) {
    key = propertyName(p);
    if (key === undefined) return undefined;
    arg = p.parent;
  }
  const call = arg.parent;
  if (call?.type !== T.CallExpression || !call.arguments.includes(arg as TSESTree.Expression)) return undefined;
  const fn = sameFileFunction(call.callee, { sourceCode: ctx.sourceCode });
  if (!fn) return undefined;
  let param: Node | undefined = fn.params[call.arguments.indexOf(arg as TSESTree.Expression)];
  if (param?.type === T.AssignmentPattern) param = param.left;
  if (!param) return undefined;
  if (key === undefined) return param.type === T.Identifier ? ctx.sourceCode.getDeclaredVariables(fn).find((x) => x.defs.some((d) => d.name === param)) : undefined;
  if (param.type !== T.ObjectPattern) return undefined;
  for (const prop of param.properties) {
    if (prop.type !== T.Property || propertyName(prop) !== key) continue;
    const target = prop.value.type === T.AssignmentPattern ? prop.value.left : prop.value;
    return target.type === T.Identifier ? ctx.sourceCode.getDeclaredVariables(fn).find((x) => x.defs.some((d) => d.name === target)) : undefined;
  }
  return undefined;
}

function slotName(s: InputSlot): string {
  return s.kind === 'variable' ? s.variable.name : s.name;
}

function sameSlot(a: InputSlot, b: InputSlot): boolean {
  return a.kind === 'variable' ? b.kind === 'variable' && a.variable === b.variable : b.kind === 'field' && a.name === b.name;
}

/** Whether `root` reads the slot anywhere (outside nested functions when `shallow`). */
export function readsSlot(root: Node, slot: InputSlot, ctx: Pick<Ctx, 'sourceCode'>): boolean {
  let found = false;
  walk(root, ctx.sourceCode.visitorKeys, (m) => {
    if (found) return false;
    if (m.type === T.Identifier || m.type === T.MemberExpression) {
      const s = slotOf(m, ctx);
      if (s && sameSlot(s, slot)) {
        found = true;
        return false;
      }
    }
    return undefined;
  });
  return found;
}

/** Whether the expression draws a random number outside a wait (`Math.random()`, `crypto.randomInt(…)`). */
export function drawsRandom(expr: Node, ctx: Pick<Ctx, 'sourceCode' | 'settings'>): boolean {
  let found = false;
  walk(expr, ctx.sourceCode.visitorKeys, (m) => {
    if (found || isFunction(m)) return false;
    if (m.type === T.CallExpression) {
      if (asWait(m, ctx.sourceCode, ctx.settings)) return false;
      const name = calleeName(m) ?? '';
      if (name === 'random' || name === 'randomInt') found = true;
    }
    return undefined;
  });
  return found;
}

/**
 * The slots `region` writes to a new value between attempts: stepped (`port++`, `port += 1`),
 * rewritten from themselves (`port = port + 1`, `this.history = this.history.slice(k)`), or drawn
 * at random. Attempt and delay bookkeeping (by the analysis' counter vocabulary) is left out, and so
 * are variables declared inside `perRun` (the loop body, the function, the handler: made anew on
 * every run). Nested functions of `region` count: a listener's `port++` runs before the re-run it makes.
 */
export function inputWrites(region: Node, ctx: Ctx, perRun?: Node, depth = 0): { slot: InputSlot; node: Node }[] {
  const index = fileIndex(ctx.sourceCode);
  // The file's writes in walk order are in source order (as a rule): the region's are then a run of
  // them, found by its start, and only those are judged (once each per file).
  const sorted = writesSorted(ctx);
  const all: readonly Node[] = sorted ? index.writes : fileInputWrites(ctx).map((w) => w.node);
  const out: { slot: InputSlot; node: Node }[] = [];
  let lo = 0;
  let hi = all.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (all[mid]!.range[0] < region.range[0]) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < all.length && all[i]!.range[0] < region.range[1]; i++) {
    if (all[i]!.range[1] > region.range[1]) continue;
    const w = sorted ? inputWriteAt(all[i] as TSESTree.UpdateExpression | TSESTree.AssignmentExpression, ctx) : fileInputWrites(ctx)[i];
    if (!w) continue;
    // A variable declared in the run itself is made anew on every run (a buffer, a pass-local):
    // what one run writes to it never reaches the next.
    if (perRun && w.decl && contains(perRun, w.decl)) continue;
    out.push({ slot: w.slot, node: w.node });
  }
  // A same-file function the region calls that steps an index into a list (`this.moveToNext()`
  // stepping `this.index`, read as `this.nodes[this.index]`), two calls deep: the region moves on to
  // another candidate through it. Other writes of a helper (a credential it renews) are its own.
  if (depth < 2) {
    walk(region, ctx.sourceCode.visitorKeys, (n) => {
      if (n !== region && isFunction(n)) return false;
      if (n.type !== T.CallExpression) return undefined;
      const fn = sameFileFunction(n.callee, ctx);
      if (!fn?.body || contains(fn, region) || contains(region, fn)) return undefined;
      out.push(...inputWrites(fn.body, ctx, fn.body, depth + 1).filter((w) => keysList(w.slot, ctx)));
      return undefined;
    });
  }
  return out;
}

/** A write that gives a slot a new value, with the slot's declaration when it is a variable. */
interface InputWrite {
  slot: InputSlot;
  node: Node;
  decl?: Node;
}

const writesOfFile = fileMemo<Node, InputWrite[]>();
const writeAt = fileMemo<Node, InputWrite | null>();
const pacingOfFile = fileMemo<Node, Set<string>>();
const sortedWrites = fileMemo<Node, boolean>();

/** Whether the file index's writes have start offsets that never decrease (memoised per file). */
function writesSorted(ctx: Ctx): boolean {
  const program = ctx.sourceCode.ast as Node;
  let hit = sortedWrites.get(program);
  if (hit === undefined) {
    let last = -1;
    hit = fileIndex(ctx.sourceCode).writes.every((w) => {
      const ordered = w.range[0] >= last;
      last = w.range[0];
      return ordered;
    });
    sortedWrites.set(program, hit);
  }
  return hit;
}

/**
 * Every write of the file that gives a slot a new value ({@link inputWrites}' test, without the
 * region), in source order, computed once per file: the fallback of {@link inputWrites} for a
 * tree whose walk order is not source order.
 */
function fileInputWrites(ctx: Ctx): InputWrite[] {
  const program = ctx.sourceCode.ast as Node;
  const hit = writesOfFile.get(program);
  if (hit) return hit;
  const out: InputWrite[] = [];
  for (const n of fileIndex(ctx.sourceCode).writes) {
    const w = inputWriteAt(n, ctx);
    if (w) out.push(w);
  }
  out.sort((a, b) => a.node.range[0] - b.node.range[0]);
  writesOfFile.set(program, out);
  return out;
}

/** Fields of `this` whose value a wait is given (`setTimeout(again, this.pause)`): the retry's pacing, memoised per file. */
function pacingFields(ctx: Ctx): Set<string> {
  const program = ctx.sourceCode.ast as Node;
  let pacing = pacingOfFile.get(program);
  if (pacing) return pacing;
  pacing = new Set<string>();
  for (const n of fileIndex(ctx.sourceCode).thisMembers) {
    if (isWaitDelay(n, ctx)) {
      const name = propertyName(n);
      if (name) pacing.add(name);
    }
  }
  pacingOfFile.set(program, pacing);
  return pacing;
}

/** The write `n` as an input write (it gives a slot a new value), or undefined; memoised per node, a loop nested 300 deep asks once per write. */
function inputWriteAt(n: TSESTree.UpdateExpression | TSESTree.AssignmentExpression, ctx: Ctx): InputWrite | undefined {
  const hit = writeAt.get(n);
  if (hit !== undefined) return hit ?? undefined;
  const w = judgeWrite(n, ctx);
  writeAt.set(n, w ?? null);
  return w;
}

function judgeWrite(n: TSESTree.UpdateExpression | TSESTree.AssignmentExpression, ctx: Ctx): InputWrite | undefined {
  let target: Node;
  let changed = false;
  if (n.type === T.UpdateExpression) {
    target = n.argument;
    changed = true;
  } else if (n.left.type === T.MemberExpression && n.left.computed && unwrap(n.left.object).type === T.Identifier) {
    // `rows[i] = repaired(rows[i])`: an element of the list replaced, so what the list holds is new
    // (the batch corrected before it is sent again).
    target = unwrap(n.left.object);
    changed = true;
  } else {
    target = n.left;
    const slot = slotOf(n.left, ctx);
    const right = unwrap(n.right);
    const same = !!slot && (right.type === T.Identifier || right.type === T.MemberExpression) && slotOf(right, ctx) !== undefined && sameSlot(slotOf(right, ctx)!, slot);
    // `+=`, `-=`, `*=` step the value; `??=`, `||=`, `&&=` only fill it in when missing (a
    // credential fetched once), like a plain `=` of a value not made from the old one.
    const stepped = n.operator !== '=' && n.operator !== '??=' && n.operator !== '||=' && n.operator !== '&&=';
    changed = stepped || (!!slot && !same && readsSlot(n.right, slot, ctx)) || drawsRandom(n.right, ctx) || (!!slot && replacesWithOtherText(slot, right, ctx)) || describesFailure(right, ctx);
  }
  if (!changed) return undefined;
  const slot = slotOf(target, ctx);
  if (!slot) return undefined;
  // A count that also picks what the operation works on (`tokens[tries]`, `env[`PAT_${tries + 1}`]`,
  // `hosts[n % hosts.length]`): each step moves on to another candidate, whatever else it counts.
  const selects = slot.kind === 'variable' && selectsOperand(slot.variable, ctx);
  if (!selects && (BOOKKEEPING_NAME_RE.test(slotName(slot)) || (slot.kind === 'variable' && (onlyBookkeeping(slot.variable, ctx) || countsToExit(slot.variable, ctx.sourceCode))) || (slot.kind === 'field' && pacingFields(ctx).has(slot.name)))) return undefined;
  const decl = slot.kind === 'variable' ? (slot.variable.defs[0]?.name as Node | undefined) : undefined;
  return { slot, node: n, decl };
}

/** Whether the file reads the slot as the key of a computed member (`this.nodes[this.index]`, `hosts[at]`). */
function keysList(slot: InputSlot, ctx: Pick<Ctx, 'sourceCode'>): boolean {
  return computedKeys(ctx).some((k) => readsSlot(k, slot, ctx));
}

const computedKeysOfFile = fileMemo<Node, Node[]>();

/** The keys of the file's computed members (`i` in `list[i]`), found once per file. */
function computedKeys(ctx: Pick<Ctx, 'sourceCode'>): Node[] {
  const root = ctx.sourceCode.ast as Node;
  let hit = computedKeysOfFile.get(root);
  if (!hit) {
    const keys: Node[] = [];
    walk(root, ctx.sourceCode.visitorKeys, (n) => {
      if (n.type === T.MemberExpression && n.computed) keys.push(n.property);
      return undefined;
    });
    hit = keys;
    computedKeysOfFile.set(root, hit);
  }
  return hit;
}

/**
 * Whether a variable is read as the key of a computed member (`list[v]`, `env[`KEY_${v + 1}`]`) that
 * a working call takes as an argument (directly or inside a template, an object or an array) or calls
 * a method on (`nodes[v].send()`): it picks the operation's input from a list. A wait's delay read
 * from a table (`sleep(DELAYS[v])`) is no input.
 */
export function selectsOperand(v: Variable, ctx: Ctx): boolean {
  for (const r of v.references) {
    if (!r.isRead()) continue;
    let n: Node = r.identifier as Node;
    while (n.parent && (n.parent.type === T.BinaryExpression || n.parent.type === T.TemplateLiteral || n.parent.type === T.UnaryExpression || n.parent.type === T.LogicalExpression)) n = n.parent;
    const m = n.parent;
    if (m?.type !== T.MemberExpression || !m.computed || m.property !== n) continue;
    let up: Node = m;
    while (up.parent && (up.parent.type === T.TemplateLiteral || up.parent.type === T.BinaryExpression || up.parent.type === T.LogicalExpression || up.parent.type === T.ConditionalExpression || up.parent.type === T.ArrayExpression || up.parent.type === T.Property || up.parent.type === T.ObjectExpression || up.parent.type === T.AwaitExpression)) up = up.parent;
    const call = up.parent;
    if (call?.type !== T.CallExpression && call?.type !== T.NewExpression) {
      // `nodes[v].send(x)`: the receiver picked.
      const callee = m.parent;
      if (callee?.type === T.MemberExpression && callee.object === m && callee.parent?.type === T.CallExpression && callee.parent.callee === callee && isWorkingCall(callee.parent, ctx)) return true;
      continue;
    }
    if (call.arguments.includes(up as TSESTree.Expression) && isWorkingCall(call, ctx) && !asWait(call, ctx.sourceCode, ctx.settings)) return true;
  }
  return false;
}

/**
 * `feedback = describeFailure('build', attempt, result)`, `` hint = `tests failed: ${output}` ``: a
 * value made (by a call or a template) from the failed attempt's answer or its caught error. Handed
 * to the next attempt, it is feedback that changes what that attempt does (a prompt, a patch), not
 * the same input again. A renewed credential (`token = await refresh(res)`) is not counted: a
 * refresh and replay is judged as such (PRODUCT).
 */
function describesFailure(right: Node, ctx: Ctx): boolean {
  const e = right.type === T.AwaitExpression ? unwrap(right.argument) : right;
  if (e.type !== T.TemplateLiteral && e.type !== T.CallExpression) return false;
  if (e.type === T.CallExpression && (REFRESH_RE.test(calleeName(e) ?? '') || isReportingCall(e))) return false;
  let reads = false;
  walk(e, ctx.sourceCode.visitorKeys, (m) => {
    if (reads || isFunction(m)) return false;
    if (m.type !== T.Identifier) return undefined;
    const def = variableOf(ctx.sourceCode, m)?.defs[0];
    if (def?.type === 'CatchClause') reads = true;
    // A local made from the awaited answer of a call (`const build = await run('npm run build')`,
    // `const build = normalise(await run(…))`).
    else if (def?.type === 'Variable' && def.node.init && holdsAwaitedCall(def.node.init, ctx)) reads = true;
    return undefined;
  });
  return reads;
}

/** Whether an expression awaits a call's answer (outside nested functions). */
function holdsAwaitedCall(expr: Node, ctx: Ctx): boolean {
  let found = false;
  walk(expr, ctx.sourceCode.visitorKeys, (m) => {
    if (found || isFunction(m)) return false;
    if (m.type === T.AwaitExpression && unwrap(m.argument).type === T.CallExpression) found = true;
    return undefined;
  });
  return found;
}

/**
 * `where = \`tools/${code}.js\`` after `let where = \`intl/${code}.js\``: a variable given text (a
 * string or a template, no call) unlike the text it was declared with. A fallback path, URL or
 * name: another input, whereas `client = createClient(cfg)` made again the same way is the same one.
 */
function replacesWithOtherText(slot: InputSlot, right: Node, ctx: Ctx): boolean {
  if (slot.kind !== 'variable') return false;
  const isText = (e: Node): boolean => (e.type === T.Literal && typeof e.value === 'string') || e.type === T.TemplateLiteral;
  if (!isText(right)) return false;
  const decl = slot.variable.defs[0]?.node;
  const init = decl?.type === T.VariableDeclarator && decl.init ? unwrap(decl.init) : undefined;
  return !!init && isText(init) && ctx.sourceCode.getText(init) !== ctx.sourceCode.getText(right);
}

/**
 * A call that works on its arguments: not a log line, not a wait or a timer, not `Math` arithmetic,
 * and not `skip` (the re-run itself, whose arguments are judged on their own).
 */
export function isWorkingCall(call: TSESTree.CallExpression | TSESTree.NewExpression, ctx: Ctx, skip?: (c: Node) => boolean): boolean {
  if (skip?.(call)) return false;
  const callee = unwrap(call.callee);
  if (isLogCallee(callee, ['console', 'Math', 'JSON', 'Object', 'Array', 'Number', 'String'])) return false;
  if (asWait(call, ctx.sourceCode, ctx.settings)) return false;
  if (call.type === T.CallExpression && isGlobalTimer(ctx.sourceCode, call)) return false;
  // `sleep(intervalFor(this.failures))`: the count sets the wait, not what the operation works on.
  const host = enclosingFunction(call);
  if (call.type === T.CallExpression && host && pacesOnly(call, host.body ?? host, ctx)) return false;
  return true;
}

/**
 * Whether a working call in `root` takes the slot as (part of) an argument: `listen(port)`,
 * `complete(this.history)`, `run({ deps })`, `` open(`tmp-${seq}`) ``. Functions passed as
 * arguments are not looked into (a callback reads what it likes, later).
 */
export function operationTakes(root: Node, slot: InputSlot, ctx: Ctx, skip?: (c: Node) => boolean): boolean {
  let found = false;
  walk(root, ctx.sourceCode.visitorKeys, (n) => {
    if (found) return false;
    if ((n.type === T.CallExpression || n.type === T.NewExpression) && isWorkingCall(n, ctx, skip)) {
      for (const a of n.arguments) {
        const u = unwrap(a);
        if (isFunction(u)) continue;
        if (handsOn(u, slot, ctx)) found = true;
      }
      const callee = unwrap(n.callee);
      if (callee.type === T.MemberExpression && picksReceiver(unwrap(callee.object), slot, ctx)) found = true;
    }
    return undefined;
  });
  return found;
}

/**
 * Whether the object a method is called on is picked from a list by the slot (`nodes[this.index].call()`,
 * or `this.current.call()` with a getter returning `this.nodes[this.index]`): stepping the slot
 * moves the call to another receiver, a failover. A receiver made again (`this.socket = connect()`)
 * is the same input and does not count.
 */
function picksReceiver(obj: Node, slot: InputSlot, ctx: Ctx): boolean {
  if (obj.type === T.MemberExpression && obj.computed) return handsOn(obj.property, slot, ctx);
  const getter = obj.type === T.MemberExpression ? getterOf(obj, ctx) : undefined;
  return !!getter && getterReturns(getter, ctx).some((r) => {
    const u = unwrap(r);
    return u.type === T.MemberExpression && u.computed && handsOn(u.property, slot, ctx);
  });
}

/** The getter of the enclosing class a `this.<name>` read runs (`get current() { … }`), if it is one. */
function getterOf(member: TSESTree.MemberExpression, ctx: Pick<Ctx, 'sourceCode'>): TSESTree.FunctionExpression | undefined {
  if (unwrap(member.object).type !== T.ThisExpression || member.computed) return undefined;
  const name = propertyName(member);
  let cls: Node | undefined = member.parent;
  while (cls && cls.type !== T.ClassBody) cls = cls.parent;
  if (!cls || cls.type !== T.ClassBody || !name) return undefined;
  for (const m of cls.body) {
    if (m.type === T.MethodDefinition && m.kind === 'get' && !m.computed && propertyName(m) === name && m.value.type === T.FunctionExpression) return m.value;
  }
  return undefined;
}

/**
 * The expressions a getter returns (delay.ts `returnedExpressions`), a returned local read through to
 * its initialiser (`const provider = this.providers[this.index]; …; return provider`).
 */
function getterReturns(fn: TSESTree.FunctionExpression, ctx: Pick<Ctx, 'sourceCode'>): Node[] {
  return returnedExpressions(fn, ctx.sourceCode).map((e) => {
    const r = unwrap(e);
    const def = r.type === T.Identifier ? variableOf(ctx.sourceCode, r)?.defs[0] : undefined;
    return def?.node.type === T.VariableDeclarator && def.node.init && contains(fn, def.node) ? def.node.init : e;
  });
}

/** Callees that write a value out unchanged in meaning: serialisation, string and URI encoding, a deep copy. */
const SERIALIZER_RE = /^(JSON\.stringify|String|encodeURIComponent|encodeURI|structuredClone|qs\.stringify|querystring\.stringify)$/;

/** The argument is the slot, or an object/array literal or template holding it as a value. */
function handsOn(arg: Node, slot: InputSlot, ctx: Ctx, depth = 0): boolean {
  const u = unwrap(arg);
  if (depth > 8) return false;
  // `JSON.stringify(fields)`, `String(id)`, `encodeURIComponent(q)`: the same value, written out.
  if (u.type === T.CallExpression && SERIALIZER_RE.test(ctx.sourceCode.getText(unwrap(u.callee)))) return u.arguments.some((a) => handsOn(a, slot, ctx, depth + 1));
  const s = slotOf(u, ctx);
  // `const req = { body: JSON.stringify(parts) }; send(req)`: a const made from the slot in the same pass.
  const init = s?.kind === 'variable' && !sameSlot(s, slot) ? constInit(ctx.sourceCode, u) : undefined;
  if (init && handsOn(init, slot, ctx, depth + 1)) return true;
  // `this.current` with `get current() { return this.nodes[this.index] }`: what the getter returns.
  const getter = s && !sameSlot(s, slot) && u.type === T.MemberExpression ? getterOf(u, ctx) : undefined;
  if (getter) return getterReturns(getter, ctx).some((r) => handsOn(r, slot, ctx, depth + 1));
  if (s) return sameSlot(s, slot);
  if (u.type === T.ObjectExpression) return u.properties.some((p) => (p.type === T.Property ? handsOn(p.value, slot, ctx, depth + 1) : handsOn(p.argument, slot, ctx, depth + 1)));
  if (u.type === T.ArrayExpression) return u.elements.some((e) => !!e && handsOn(e.type === T.SpreadElement ? e.argument : e, slot, ctx, depth + 1));
  if (u.type === T.TemplateLiteral) return u.expressions.some((e) => handsOn(e, slot, ctx, depth + 1));
  if (u.type === T.SpreadElement) return handsOn(u.argument, slot, ctx, depth + 1);
  // `cursor ? `${base}?cursor=${cursor}` : base`, `base + '?page=' + page`, `next || first`.
  if (u.type === T.ConditionalExpression) return handsOn(u.consequent, slot, ctx, depth + 1) || handsOn(u.alternate, slot, ctx, depth + 1);
  if (u.type === T.LogicalExpression) return handsOn(u.left, slot, ctx, depth + 1) || handsOn(u.right, slot, ctx, depth + 1);
  if (u.type === T.BinaryExpression && u.operator === '+') return handsOn(u.left as Node, slot, ctx, depth + 1) || handsOn(u.right, slot, ctx, depth + 1);
  // `this.urls[this.at]`, `hosts[i]`: the element the index picks.
  if (u.type === T.MemberExpression && u.computed) return handsOn(u.property, slot, ctx, depth + 1);
  return false;
}

/**
 * The data-flow rule of this file: `writeRegion` (the code between a failure and the re-run) writes
 * a new value to a slot that the operation (`opRoot`) takes as an input. `skip` leaves out the
 * re-run call itself; variables declared in `perRun` (by default the write region) are per-run.
 */
export function rerunChangesInput(writeRegion: Node, opRoot: Node, ctx: Ctx, skip?: (c: Node) => boolean, perRun: Node = writeRegion): boolean {
  return inputWrites(writeRegion, ctx, perRun).some((w) => operationTakes(opRoot, w.slot, ctx, skip));
}

/**
 * A local the operation takes that is drawn at random on every run of `fn`
 * (`const port = given ?? low + Math.floor(Math.random() * span)`; `listen(port)`): each call of the
 * function works on a new candidate. Only a value handed as an argument itself counts (not a
 * header of an options object: a key made anew per attempt is `require-idempotency-key`'s).
 */
export function drawsInputAtRandom(fn: Node, ctx: Ctx, skip?: (c: Node) => boolean): boolean {
  const body = isFunction(fn) ? fn.body : fn;
  if (!body) return false;
  // The drawn locals, and the locals made from them (`const lockPath = join(dir, String(port))`).
  const drawn = new Set<TSESLint.Scope.Variable>();
  walk(body, ctx.sourceCode.visitorKeys, (n) => {
    if (n !== body && isFunction(n)) return false;
    if (n.type !== T.VariableDeclarator || n.id.type !== T.Identifier || !n.init) return undefined;
    const v = variableOf(ctx.sourceCode, n.id);
    if (!v || BOOKKEEPING_NAME_RE.test(v.name)) return undefined;
    const fresh = (drawsRandom(n.init, ctx) && isNumber(n.init, ctx)) || drawsFreePort(n.init, ctx);
    if (fresh || (drawn.size > 0 && readsVariable(n.init, drawn, ctx))) drawn.add(v);
    return undefined;
  });
  if (drawn.size === 0) return false;
  let found = false;
  walk(body, ctx.sourceCode.visitorKeys, (m) => {
    if (found) return false;
    if ((m.type === T.CallExpression || m.type === T.NewExpression) && isWorkingCall(m, ctx, skip)) {
      if (m.arguments.some((a) => {
        const u = unwrap(a);
        return u.type === T.Identifier && drawn.has(variableOf(ctx.sourceCode, u)!);
      })) found = true;
    }
    return undefined;
  });
  return found;
}

/**
 * Port finders whose every call picks a port free at that moment (a new candidate): `get-port`,
 * `portfinder` (`getPort`, `getPortPromise`), `detect-port`, `get-port-please`, `find-free-port(s)`.
 */
const PORT_FINDERS = new Set(['get-port', 'portfinder', 'detect-port', 'get-port-please', 'find-free-port', 'find-free-ports']);

/** `await getPort()` from a port finder ({@link PORT_FINDERS}). */
function drawsFreePort(init: Node, ctx: Ctx): boolean {
  let u = unwrap(init);
  if (u.type === T.AwaitExpression) u = unwrap(u.argument);
  if (u.type !== T.CallExpression) return false;
  const origin = originOf(ctx.sourceCode, u.callee);
  return !!origin && PORT_FINDERS.has(origin.module);
}

/** Whether `expr` reads one of `vars` (nested functions left out). */
export function readsVariable(expr: Node, vars: ReadonlySet<TSESLint.Scope.Variable>, ctx: Pick<Ctx, 'sourceCode'>): boolean {
  let hit = false;
  walk(expr, ctx.sourceCode.visitorKeys, (m) => {
    if (hit || isFunction(m)) return false;
    if (m.type === T.Identifier) {
      const v = variableOf(ctx.sourceCode, m);
      if (v && vars.has(v)) hit = true;
    }
    return undefined;
  });
  return hit;
}

/**
 * The value is a number (a port, an index), not text made from one (`Math.random().toString(36)`,
 * a template): arithmetic, `??`/`||` between such values, `Math` calls, literals and names.
 */
function isNumber(expr: Node, ctx: Ctx): boolean {
  const u = unwrap(expr);
  switch (u.type) {
    case T.Literal:
      return typeof u.value === 'number';
    case T.Identifier:
      return true;
    case T.BinaryExpression:
      return u.operator !== '+' || (isNumber(u.left as Node, ctx) && isNumber(u.right, ctx));
    case T.LogicalExpression:
      return isNumber(u.left, ctx) && isNumber(u.right, ctx);
    case T.UnaryExpression:
      return u.operator === '-' || u.operator === '+';
    case T.CallExpression:
      return isMath(u);
    default:
      return false;
  }
}

/**
 * Calls that read an answer typed by a person: `rl.question(…)` (node:readline), `readLine()` /
 * `readLineAsync()` (console wrappers), `prompt(…)` of the browser or of a prompt library
 * (`inquirer.prompt`, `enquirer.prompt`, `prompts`). Running the operation again after a bad answer
 * asks again: each run works on a new answer, a re-prompt, not a retry (PRODUCT: "a request
 * corrected before it is re-sent").
 */
const PERSON_READ_RE = /^(question|readLine|readLineAsync|readline)$/;
/** `prompt` asks a person when it is the browser's or a prompt library's (a model's `session.prompt(…)` does not). */
const PROMPT_OWNER_RE = /^(window|inquirer|enquirer|ux|prompts?|clack|p)$/;
/** Packages whose calls ask a person at the terminal (`prompt.get(questions)`, `inquirer.prompt`, `@clack/prompts`' `text`). */
const promptModuleNamed = fileMemo<Node, boolean>();

/**
 * Whether the file names a prompt package: an origin's module is one the file names by a string
 * literal (the file index's `modules`) or a script-tag global's, so a file naming none has no call
 * from such a package and the origin of each call need not be resolved. Memoised per file.
 */
function namesPromptModule(sourceCode: TSESLint.SourceCode): boolean {
  const program = sourceCode.ast as Node;
  let hit = promptModuleNamed.get(program);
  if (hit === undefined) {
    hit = [...fileIndex(sourceCode).modules, ...scriptGlobalModules(sourceCode)].some(isPromptModule);
    promptModuleNamed.set(program, hit);
  }
  return hit;
}

const PROMPT_MODULE_RE = /^(prompt|prompts|promptly|inquirer|enquirer|@inquirer\/.+|@clack\/prompts|readline-sync|prompt-sync|readline|node:readline(\/promises)?|readline\/promises)$/;

/**
 * A prompt package ({@link PROMPT_MODULE_RE}), or the project's own module of prompt helpers
 * (`../../prompts`, `@/utils/prompt`), whose functions (`promptAsync`, `confirmAsync`) wrap one.
 */
function isPromptModule(module: string): boolean {
  if (PROMPT_MODULE_RE.test(module)) return true;
  return /^(\.|@\/|~\/|#)/.test(module) && /(^|\/)prompts?(\.[jt]sx?)?$/.test(module);
}

/**
 * Whether running `root` reads an answer from a person ({@link PERSON_READ_RE}): directly, through a
 * same-file function, or through a function handed in as a parameter of `fn` when every same-file
 * call of `fn` hands one that does (`askUntilValid(() => Console.readLineAsync('Numbers?'), check)`).
 */
export function readsFromPerson(root: Node, ctx: Pick<Ctx, 'sourceCode'>, fn?: Node, depth = 0): boolean {
  return personReads(root, ctx, fn, depth, true).length > 0;
}

/**
 * Whether an answer is read from a person ({@link readsFromPerson}) on the way to `call` in `fn`: in a
 * statement that runs before it (`const phone = await ask(…)` then `return fn()`), not on another
 * branch or after it (a pairing prompt beside a reconnect does not make the reconnect a re-prompt).
 */
export function readsFromPersonBefore(fn: Node, call: Node, ctx: Pick<Ctx, 'sourceCode'>): boolean {
  if (!isFunction(fn)) return false;
  return personReads(fn.body, ctx, fn, 0, false).some((r) => {
    // `prompt(q, (err, answer) => { … retry() })`: the re-run waits in the read's callback.
    if (contains(r, call)) return true;
    if (r.range[1] > call.range[0]) return false;
    for (let a: Node = r, p = r.parent; p && p !== fn; a = p, p = p.parent) {
      const list = p.type === T.BlockStatement || p.type === T.Program ? p.body : p.type === T.SwitchCase ? p.consequent : undefined;
      if (list && contains(p, call)) return true;
      if ((p.type === T.IfStatement || p.type === T.ConditionalExpression) && a !== p.test && contains(p, call) && !contains(a, call)) return false;
    }
    return false;
  });
}

/** The calls in `root` that read from a person (see {@link readsFromPerson}); the first only when `first`. */
function personReads(root: Node, ctx: Pick<Ctx, 'sourceCode'>, fn: Node | undefined, depth: number, first: boolean): Node[] {
  if (depth > 2) return [];
  const out: Node[] = [];
  let found = false;
  walk(root, ctx.sourceCode.visitorKeys, (n) => {
    if (found) return false;
    if (n.type !== T.CallExpression) return undefined;
    const callee = unwrap(n.callee);
    const name = callee.type === T.Identifier ? callee.name : callee.type === T.MemberExpression ? propertyName(callee) : undefined;
    const owner = callee.type === T.MemberExpression ? unwrap(callee.object) : undefined;
    // A bare name is an API only as a global or an import (`prompt(…)`, `import { question } from
    // 'readline-sync'`); a local or a parameter so named is whatever it was handed.
    const bound = callee.type === T.Identifier ? variableOf(ctx.sourceCode, callee) : undefined;
    const api = callee.type !== T.Identifier || !bound || bound.defs.every((d) => d.type === 'ImportBinding');
    const asksPerson =
      (api && !!name && (PERSON_READ_RE.test(name) || ((name === 'prompt' || name === 'prompts') && (!owner || (owner.type === T.Identifier && PROMPT_OWNER_RE.test(owner.name)))))) ||
      // A method of (or a function from) a prompt package, whatever its local name (`prompt.get(questions)`).
      (api && namesPromptModule(ctx.sourceCode) && isPromptModule(originOf(ctx.sourceCode, owner ?? callee)?.module ?? '') && !/^(on|once|close|pause|resume|start|stop|message|override|colors|delimiter)$/.test(name ?? ''));
    const local = sameFileFunction(n.callee, { sourceCode: ctx.sourceCode });
    if (asksPerson || (local && local !== fn && !contains(local, n) && readsFromPerson(local.body, ctx, local, depth + 1)) || (fn && isFunction(fn) && callee.type === T.Identifier && handedInReads(callee, fn, ctx, depth))) {
      out.push(n);
      found = first;
      return false;
    }
    return undefined;
  });
  return out;
}

/** `readInput()` where `readInput` is a parameter of `fn` and every same-file call of `fn` hands a function that reads from a person. */
function handedInReads(callee: TSESTree.Identifier, fn: Node, ctx: Pick<Ctx, 'sourceCode'>, depth: number): boolean {
  if (!isFunction(fn)) return false;
  const v = variableOf(ctx.sourceCode, callee);
  const index = fn.params.findIndex((p) => (p.type === T.AssignmentPattern ? p.left : p) === v?.defs[0]?.name);
  if (index < 0) return false;
  const args: Node[] = [];
  for (const call of sameFileCallers(ctx.sourceCode, fn)) {
    if (contains(fn, call)) continue;
    const a = call.arguments[index];
    if (!a) return false;
    args.push(unwrap(a));
  }
  return args.length > 0 && args.every((a) => {
    // A function, a same-file function by name, or one a same-file factory makes (`askLine('Bonus?')`).
    const f = isFunction(a) ? a : sameFileFunction(a.type === T.CallExpression ? a.callee : a, { sourceCode: ctx.sourceCode });
    return !!f && readsFromPerson(f.body ?? f, ctx, f, depth + 1);
  });
}

const passedMemo = fileMemo<TSESTree.CallExpression, TSESTree.FunctionLike[]>();

/**
 * The functions a call of a parameter runs (`requestFn()` inside `executeWithRetry(requestFn)`):
 * what each same-file caller of the parameter's function passes at its position, written inline
 * (`() => this.performRequest(url)`) or named (`withRetry(loadOrders)`). Callers out of sight (an
 * exported wrapper used elsewhere) pass functions this cannot see: only the visible ones are given.
 * Empty when the callee is not a parameter.
 */
export function passedFunctions(call: TSESTree.CallExpression, sourceCode: TSESLint.SourceCode): TSESTree.FunctionLike[] {
  const hit = passedMemo.get(call);
  if (hit) return hit;
  const out: TSESTree.FunctionLike[] = [];
  passedMemo.set(call, out);
  const callee = unwrap(call.callee);
  const v = callee.type === T.Identifier ? variableOf(sourceCode, callee) : undefined;
  const def = v?.defs[0];
  if (!v || !def || v.defs.length !== 1 || def.type !== 'Parameter' || v.references.some((r) => r.isWrite() && !r.init)) return out;
  const owner = def.node as Node;
  if (!isFunction(owner)) return out;
  const index = owner.params.findIndex((p) => (p.type === T.AssignmentPattern ? p.left : p) === def.name);
  if (index < 0) return out;
  for (const caller of sameFileCallers(sourceCode, owner)) {
    const arg = caller.arguments[index];
    if (!arg || arg.type === T.SpreadElement) continue;
    const u = unwrap(arg);
    const fn = isFunction(u) ? (u as TSESTree.FunctionLike) : sameFileFunction(u, { sourceCode });
    if (fn && !out.includes(fn)) out.push(fn);
  }
  return out;
}

/** Whether every function the file's callers hand to a parameter-call, or a const's default function, (at least one) ignores its argument at `index` or keeps it as bookkeeping. */
function ignoredByPassedFunctions(call: TSESTree.CallExpression, index: number, ctx: Pick<Ctx, 'sourceCode' | 'settings'>, seen: Set<Variable>): boolean {
  // A function held in a `const` that falls back to a default (`opts.shouldRetry ?? (() => true)`):
  // the default is what the file shows (PRODUCT counts a default as known).
  const held = sameFileFunction(call.callee, { sourceCode: ctx.sourceCode }) ? undefined : defaultedFunction(call.callee, ctx.sourceCode);
  const fns = held ? [held] : passedFunctions(call, ctx.sourceCode);
  if (fns.length === 0) return false;
  return fns.every((fn) => {
    const p = fn.params[index];
    if (!p) return true;
    const id = p.type === T.AssignmentPattern ? p.left : p;
    if (id.type !== T.Identifier) return false;
    const v = ctx.sourceCode.getDeclaredVariables(fn).find((x) => x.defs.some((d) => d.name === id));
    return !!v && onlyBookkeeping(v, ctx, seen);
  });
}

/**
 * Whether each pass of `region` takes the next element of an iterator that outlives the pass and
 * works on it: a call `it.next()` (no argument) whose result's `done` ends the pass
 * (`if (item.done) throw …`, `if (item.done) return null`) and whose `value` is worked on by
 * something other than a wait (`connect(item.value)`, `const host = item.value; host.lease()`,
 * `return item.value` to a caller that works on it). The stepping may sit in the region or in a
 * same-file function it calls, up to three calls deep (`this.nextConnection()` stepping
 * `this.plan`, `Picker.next(cursor, tried)`, `attach(plan)` → `borrow(plan)`). The iterator must
 * outlive the pass: a field of `this`, a binding declared outside the region, or — for a recursion
 * (`rerun` and `fn` given) — the function's parameter that the re-run hands on unchanged
 * (`return this.refresh(plan)`), never one made afresh in the pass. The next pass then works on
 * the next host, node or candidate: a walk over inputs that ends when the iterator is exhausted
 * (failover, PRODUCT "Retry or not"), not a retry. A delay schedule read from an iterator
 * (`const { value: ms, done } = delays.next(); await sleep(ms)`) feeds only a wait: no input.
 */
export function advancesIterator(region: Node, ctx: Pick<Ctx, 'sourceCode' | 'settings'>, rerun?: { call: TSESTree.CallExpression; fn: TSESTree.FunctionLike }): boolean {
  const sc = ctx.sourceCode;
  const outlives = (recv: Node): boolean => {
    const r = unwrap(recv);
    if (isThisMember(r, sc)) return true;
    if (r.type !== T.Identifier) return false;
    const v = variableOf(sc, r);
    const def = v?.defs[0];
    if (!v || !def) return false;
    if (rerun && def.type === 'Parameter' && def.node === rerun.fn) {
      const a = handedArgument(rerun.fn, def.name, rerun.call);
      return !!a && a.type === T.Identifier && variableOf(sc, a) === v;
    }
    if (!contains(region, def.name)) return !rerun || !contains(rerun.fn, def.name);
    return heldFromField(def, sc);
  };
  return stepsIterator(region, outlives, ctx, 0, new Set());
}

/** What `call` hands the parameter of `fn` that declares `name` (unwrapped), or undefined (none, or a spread). */
function handedArgument(fn: TSESTree.FunctionLike, name: Node, call: TSESTree.CallExpression): Node | undefined {
  const i = fn.params.findIndex((p) => contains(p, name));
  const arg = i >= 0 ? call.arguments[i] : undefined;
  return arg && arg.type !== T.SpreadElement ? unwrap(arg) : undefined;
}

/** A member of `this` (or of a local holding `this`): state that outlives one call of a method. */
function isThisMember(n: Node, sc: TSESLint.SourceCode): boolean {
  if (n.type !== T.MemberExpression) return false;
  const o = unwrap(n.object);
  return o.type === T.ThisExpression || !!thisAliasDeclarator(sc, o);
}

/** `const cursor = this.plan`: a local declared from a field of `this`, never reassigned. */
function heldFromField(def: TSESLint.Scope.Definition, sc: TSESLint.SourceCode): boolean {
  if (def.type !== 'Variable' || def.node.type !== T.VariableDeclarator || !def.node.init) return false;
  return isThisMember(unwrap(def.node.init), sc);
}

function stepsIterator(body: Node, outlives: (recv: Node) => boolean, ctx: Pick<Ctx, 'sourceCode' | 'settings'>, depth: number, seen: Set<Node>): boolean {
  const sc = ctx.sourceCode;
  let found = false;
  walk(body, sc.visitorKeys, (n) => {
    if (found || (n !== body && isFunction(n))) return false;
    if (n.type !== T.CallExpression) return undefined;
    const recv = iteratorStep(n, ctx);
    if (recv) {
      if (outlives(recv)) found = true;
      return undefined;
    }
    if (depth >= 3) return undefined;
    // A same-file helper that steps an iterator it is handed, or one kept on `this`.
    const fn = sameFileFunction(n.callee, { sourceCode: sc });
    if (!fn || !fn.body || seen.has(fn) || contains(fn, body)) return undefined;
    seen.add(fn);
    const call = n;
    const inHelper = (recv2: Node): boolean => {
      const r = unwrap(recv2);
      if (isThisMember(r, sc)) return true;
      if (r.type !== T.Identifier) return false;
      const def = variableOf(sc, r)?.defs[0];
      if (!def) return false;
      if (def.type === 'Parameter' && def.node === fn) {
        const a = handedArgument(fn, def.name, call);
        return !!a && outlives(a);
      }
      if (contains(fn, def.name)) return heldFromField(def, sc);
      return true;
    };
    if (stepsIterator(fn.body, inHelper, ctx, depth + 1, seen)) found = true;
    return undefined;
  });
  return found;
}

/**
 * `const item = it.next(); if (item.done) …; work(item.value)`: a step of an iterator whose value is
 * worked on. Returns the iterator (`it`), or undefined when the call is no such step.
 */
function iteratorStep(call: TSESTree.CallExpression, ctx: Pick<Ctx, 'sourceCode' | 'settings'>): Node | undefined {
  const sc = ctx.sourceCode;
  const callee = unwrap(call.callee);
  if (calleeName(call) !== 'next' || call.arguments.length > 0 || callee.type !== T.MemberExpression) return undefined;
  const decl = call.parent;
  if (decl?.type !== T.VariableDeclarator || decl.id.type !== T.Identifier) return undefined;
  const v = variableOf(sc, decl.id);
  if (!v) return undefined;
  let tested = false;
  let handed = false;
  for (const r of v.references) {
    const m = r.identifier.parent;
    if (m?.type !== T.MemberExpression || m.object !== r.identifier) continue;
    const prop = propertyName(m);
    if (prop === 'done') {
      for (let p: Node | undefined = m.parent; p && !isFunction(p); p = p.parent) {
        if (p.type === T.IfStatement && contains(p.test, m) && alwaysExits(p.consequent)) tested = true;
        if (p.type === T.IfStatement || /Statement$/.test(p.type)) break;
      }
    }
    if (prop === 'value' && worksOn(m, ctx, true)) handed = true;
  }
  return tested && handed ? callee.object : undefined;
}

/**
 * Whether `e` (an iterator step's value, or a local holding it) is worked on: handed to a call that
 * is no wait and no report, the object of a method call (`host.lease()`), or returned to the caller.
 * With `follow`, a local it is held in (`const host = item.value`, `host = item.value`) is followed once.
 */
function worksOn(e: Node, ctx: Pick<Ctx, 'sourceCode' | 'settings'>, follow: boolean): boolean {
  const sc = ctx.sourceCode;
  const p = e.parent;
  if (!p) return false;
  if (p.type === T.CallExpression && p.arguments.includes(e as TSESTree.CallExpressionArgument)) return !asWait(p, sc, ctx.settings) && !isReportingCall(p);
  if (p.type === T.MemberExpression && p.object === e && p.parent?.type === T.CallExpression && p.parent.callee === p) return !isReportingCall(p.parent);
  if (p.type === T.ReturnStatement) return true;
  if (!follow) return false;
  let id: Node | undefined;
  if (p.type === T.VariableDeclarator && p.init === e) id = p.id;
  if (p.type === T.AssignmentExpression && p.right === e && p.operator === '=') id = p.left;
  if (id?.type !== T.Identifier) return false;
  const v = variableOf(sc, id);
  return !!v && v.references.some((r) => r.isRead() && worksOn(r.identifier, ctx, false));
}

/**
 * Whether a failure branch rebuilds what the request is made from before it goes round: it writes a
 * new value to a slot the operation in `opRoot` takes (see {@link rerunChangesInput}), or replaces a
 * variable declared outside `perRun` with another expression (`fields = core` after a 400,
 * `body = withoutHints` — a plain `=` of something other than itself, not a falsy constant). The
 * request sent next is a corrected one (PRODUCT, "Retry or not": a request corrected before it is
 * re-sent). An error built for a message (`new Error(…)`) takes nothing the request is made from.
 */
export function correctsRequest(branch: Node, opRoot: Node, perRun: Node, ctx: Ctx): boolean {
  const notErrorMessage = (c: Node): boolean => c.type === T.NewExpression && /Error$/.test(calleeName(c) ?? '');
  if (inputWrites(branch, ctx, perRun).some((w) => operationTakes(opRoot, w.slot, ctx, notErrorMessage))) return true;
  let found = false;
  walk(branch, ctx.sourceCode.visitorKeys, (n) => {
    if (found || (n !== branch && isFunction(n))) return false;
    if (n.type !== T.AssignmentExpression || n.operator !== '=' || unwrap(n.left).type !== T.Identifier) return undefined;
    const right = unwrap(n.right);
    if (ctx.sourceCode.getText(right) === ctx.sourceCode.getText(unwrap(n.left))) return undefined;
    if ((right.type === T.Literal && !right.value) || (right.type === T.Identifier && right.name === 'undefined')) return undefined;
    const slot = slotOf(n.left, ctx);
    const decl = slot?.kind === 'variable' ? slot.variable.defs[0]?.name : undefined;
    if (!slot || !decl || contains(perRun, decl) || BOOKKEEPING_NAME_RE.test(slotName(slot))) return undefined;
    if (operationTakes(opRoot, slot, ctx, notErrorMessage)) found = true;
    return undefined;
  });
  return found;
}
