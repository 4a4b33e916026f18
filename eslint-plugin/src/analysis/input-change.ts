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
 * Names are not consulted except for the attempt and delay vocabulary the analysis already uses
 * for counters ({@link BOOKKEEPING_NAME_RE}): a stepped `attempt` handed to a helper is a count.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { calleeName, contains, isFunction, isLogCallee, propertyName, unwrap, walk } from './ast';
import { T } from './node-types';
import type { Ctx } from './operation';
import { variableOf } from './scope';
import type { Node } from './types';
import { BOOKKEEPING_NAME_RE } from './vocabulary';
import { asWait, isGlobalTimer } from './waits';

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
function drawsRandom(expr: Node, ctx: Ctx): boolean {
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
export function inputWrites(region: Node, ctx: Ctx, perRun?: Node): { slot: InputSlot; node: Node }[] {
  const out: { slot: InputSlot; node: Node }[] = [];
  walk(region, ctx.sourceCode.visitorKeys, (n) => {
    let target: Node | undefined;
    let changed = false;
    if (n.type === T.UpdateExpression) {
      target = n.argument;
      changed = true;
    } else if (n.type === T.AssignmentExpression) {
      target = n.left;
      const slot = slotOf(n.left, ctx);
      const right = unwrap(n.right);
      const same = !!slot && (right.type === T.Identifier || right.type === T.MemberExpression) && slotOf(right, ctx) !== undefined && sameSlot(slotOf(right, ctx)!, slot);
      // `+=`, `-=`, `*=` step the value; `??=`, `||=`, `&&=` only fill it in when missing (a
      // credential fetched once), like a plain `=` of a value not made from the old one.
      const stepped = n.operator !== '=' && n.operator !== '??=' && n.operator !== '||=' && n.operator !== '&&=';
      changed = stepped || (!!slot && !same && readsSlot(n.right, slot, ctx)) || drawsRandom(n.right, ctx);
    }
    if (!target || !changed) return undefined;
    const slot = slotOf(target, ctx);
    if (!slot || BOOKKEEPING_NAME_RE.test(slotName(slot))) return undefined;
    // A variable declared in the run itself is made anew on every run (a buffer, a pass-local):
    // what one run writes to it never reaches the next.
    const decl = slot.kind === 'variable' ? slot.variable.defs[0]?.name : undefined;
    if (perRun && decl && contains(perRun, decl)) return undefined;
    out.push({ slot, node: n });
    return undefined;
  });
  return out;
}

/**
 * A call that works on its arguments: not a log line, not a wait or a timer, not `Math` arithmetic,
 * and not `skip` (the re-run itself, whose arguments are judged on their own).
 */
function isWorkingCall(call: TSESTree.CallExpression | TSESTree.NewExpression, ctx: Ctx, skip?: (c: Node) => boolean): boolean {
  if (skip?.(call)) return false;
  const callee = unwrap(call.callee);
  if (isLogCallee(callee, ['console', 'Math', 'JSON', 'Object', 'Array', 'Number', 'String'])) return false;
  if (asWait(call, ctx.sourceCode, ctx.settings)) return false;
  if (call.type === T.CallExpression && isGlobalTimer(ctx.sourceCode, call)) return false;
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
    }
    return undefined;
  });
  return found;
}

/** The argument is the slot, or an object/array literal or template holding it as a value. */
function handsOn(arg: Node, slot: InputSlot, ctx: Ctx): boolean {
  const u = unwrap(arg);
  const s = slotOf(u, ctx);
  if (s) return sameSlot(s, slot);
  if (u.type === T.ObjectExpression) return u.properties.some((p) => (p.type === T.Property ? handsOn(p.value, slot, ctx) : handsOn(p.argument, slot, ctx)));
  if (u.type === T.ArrayExpression) return u.elements.some((e) => !!e && handsOn(e.type === T.SpreadElement ? e.argument : e, slot, ctx));
  if (u.type === T.TemplateLiteral) return u.expressions.some((e) => handsOn(e, slot, ctx));
  if (u.type === T.SpreadElement) return handsOn(u.argument, slot, ctx);
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
  let found = false;
  walk(body, ctx.sourceCode.visitorKeys, (n) => {
    if (found) return false;
    if (n !== body && isFunction(n)) return false;
    if (n.type !== T.VariableDeclarator || n.id.type !== T.Identifier || !n.init || !drawsRandom(n.init, ctx) || !isNumber(n.init, ctx)) return undefined;
    const v = variableOf(ctx.sourceCode, n.id);
    if (!v || BOOKKEEPING_NAME_RE.test(v.name)) return undefined;
    walk(body, ctx.sourceCode.visitorKeys, (m) => {
      if (found) return false;
      if ((m.type === T.CallExpression || m.type === T.NewExpression) && isWorkingCall(m, ctx, skip)) {
        if (m.arguments.some((a) => {
          const u = unwrap(a);
          return u.type === T.Identifier && variableOf(ctx.sourceCode, u) === v;
        })) found = true;
      }
      return undefined;
    });
    return undefined;
  });
  return found;
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
    case T.CallExpression: {
      const c = unwrap(u.callee);
      return c.type === T.MemberExpression && unwrap(c.object).type === T.Identifier && (unwrap(c.object) as TSESTree.Identifier).name === 'Math';
    }
    default:
      return false;
  }
}
