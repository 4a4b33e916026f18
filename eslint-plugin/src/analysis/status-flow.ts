import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { T } from './node-types';
import { calleeName, isFunction, propertyName, unwrap, walk } from './ast';
import { returnedExpressions, sameFileFunction } from './delay';
import { fileMemo } from './memo';
import { statusCode } from './operation';
import { originOf, variableOf } from './scope';
import { statusByName } from './statuses';
import type { Node } from './types';

type Variable = TSESLint.Scope.Variable;

/**
 * Whether a plain value is an HTTP status by data flow, whatever it is called.
 *
 * `isStatusLike` knows a status by its name (`status`, `statusCode`) or by a `.status` read. A
 * status is often held under another name: `const result = await send(url)` where `send` returns
 * `res.status`, `.then((r) => r.status)`, `const { status: rc } = res`, a helper resolving
 * `res.statusCode`. A variable holds the attempt's status when every value written to it (its
 * initialiser, later assignments; an empty or constant start such as `let code = 0` aside) comes
 * from a status:
 * - a `.status`/`.statusCode` read, a destructured `status`/`statusCode`;
 * - a `.then` stage whose callback returns one, or a parameter of the stage after it;
 * - a call to a same-file function whose returned values all are (a promise resolved with one included);
 * - another variable that holds one.
 *
 * A value from a call the file cannot see into (a function handed in, an import) is a status when
 * the code compares it as only a status is compared: split at both ends of one status class
 * (`result < 500 || result >= 600`, `code >= 200 && code < 300`), or against a standard status
 * constant (`StatusCodes.SERVICE_UNAVAILABLE`). A count or a length compared to 500 stays unknown,
 * and so does anything computed (arithmetic, `Math.random()`, `.length`).
 */
export function holdsStatus(id: TSESTree.Identifier, sourceCode: TSESLint.SourceCode): boolean {
  const v = variableOf(sourceCode, id);
  return !!v && variableHoldsStatus(v, sourceCode, 0);
}

const STATUS_PROPERTY = /^(status|statusCode)$/;
/** Methods that return an answer's or an error's HTTP status. */
const STATUS_ACCESSOR = /^(getStatus|getStatusCode|statusCode)$/;
const verdicts = fileMemo<Variable, boolean>();

function variableHoldsStatus(v: Variable, sourceCode: TSESLint.SourceCode, depth: number): boolean {
  const known = verdicts.get(v);
  if (known !== undefined) return known;
  if (depth > 4) return false;
  // Provisionally no: a variable defined through itself (`x = f(x)`) is not a status by that path.
  verdicts.set(v, false);
  const verdict = decide(v, sourceCode, depth);
  verdicts.set(v, verdict);
  return verdict;
}

function decide(v: Variable, sourceCode: TSESLint.SourceCode, depth: number): boolean {
  const def = v.defs[0];
  if (!def) return false;
  const sources: Node[] = [];
  if (def.type === 'Variable') {
    const decl = def.node;
    if (decl.id.type !== T.Identifier) {
      // `const { status: rc } = res`: the property it is read from names it.
      return destructuredKey(def.name as TSESTree.Identifier) !== undefined && STATUS_PROPERTY.test(destructuredKey(def.name as TSESTree.Identifier)!);
    }
    if (decl.init && !isPlaceholder(decl.init)) sources.push(decl.init);
  } else if (def.type === 'Parameter') {
    // `({ status: code }) => …`: a destructured parameter is named by the property it is read from.
    const key = destructuredKey(def.name as TSESTree.Identifier);
    if (key !== undefined) return STATUS_PROPERTY.test(key);
    const fn = def.node as Node;
    // A parameter of a same-file function that every call in the file hands a status
    // (`const transient = (s) => s === 429 || s >= 500` called as `transient(res.status)`).
    if (isFunction(fn)) {
      const at = fn.params.indexOf(def.name as TSESTree.Parameter);
      const args = at >= 0 ? argumentsAt(fn, at, sourceCode) : undefined;
      if (args && args.length > 0 && args.every((a) => isStatusValue(a, sourceCode, depth + 1))) return true;
    }
    // `.then((r) => r.status).then((sc) => …)`: the parameter of the stage after a status stage.
    const host = fn.parent;
    if (!(isFunction(fn) && fn.params[0] === def.name && host?.type === T.CallExpression && calleeName(host) === 'then' && host.arguments[0] === fn)) return false;
    const prev = unwrap(host.callee);
    if (prev.type !== T.MemberExpression) return false;
    if (isStatusValue(prev.object, sourceCode, depth + 1)) return true;
    return isOpaque(prev.object, sourceCode, depth) && comparedAsStatus(v, sourceCode);
  } else {
    return false;
  }
  for (const r of v.references) {
    if (!r.isWrite() || r.init) continue;
    const parent = r.identifier.parent;
    // A compound assignment or an update computes a number: no status.
    if (parent?.type === T.UpdateExpression || (parent?.type === T.AssignmentExpression && parent.operator !== '=')) return false;
    if (!r.writeExpr) return false;
    if (!isPlaceholder(r.writeExpr as Node)) sources.push(r.writeExpr as Node);
  }
  if (sources.length === 0) return false;
  if (sources.every((s) => isStatusValue(s, sourceCode, depth + 1))) return true;
  // From calls the file cannot see into: how the code compares it decides.
  return sources.every((s) => isOpaque(s, sourceCode, depth)) && comparedAsStatus(v, sourceCode);
}

/** The property a destructured identifier is read from (`rc` in `{ status: rc }`), when it is a direct property of an object pattern. */
function destructuredKey(id: TSESTree.Identifier): string | undefined {
  let node: Node = id;
  if (node.parent?.type === T.AssignmentPattern && node.parent.left === node) node = node.parent;
  const p = node.parent;
  if (p?.type !== T.Property || p.value !== node || p.parent?.type !== T.ObjectPattern) return undefined;
  return !p.computed && p.key.type === T.Identifier ? p.key.name : p.key.type === T.Literal ? String(p.key.value) : undefined;
}

/** `let code = 0`, `let rc = null`, `let x;`: a start value that says nothing of what the variable holds. */
function isPlaceholder(e: Node): boolean {
  const u = unwrap(e);
  if (u.type === T.Literal) return u.value === null || typeof u.value === 'number';
  if (u.type === T.UnaryExpression && u.operator === '-' && unwrap(u.argument).type === T.Literal) return true;
  return u.type === T.Identifier && u.name === 'undefined';
}

/** Whether an expression's value is an HTTP status by data flow (see {@link holdsStatus}). */
/**
 * The arguments every call of a same-file function passes at position `at`, when all its uses in
 * the file are direct calls (a function handed on as a value may be called from elsewhere: undefined).
 */
function argumentsAt(fn: TSESTree.FunctionLike, at: number, sourceCode: TSESLint.SourceCode): Node[] | undefined {
  const method = fn.parent?.type === T.MethodDefinition && fn.parent.value === fn && !fn.parent.computed && !fn.parent.static ? fn.parent : undefined;
  if (method) return methodArgumentsAt(method, at, sourceCode);
  const id = fn.type === T.FunctionDeclaration ? fn.id : fn.parent?.type === T.VariableDeclarator && fn.parent.init === fn && fn.parent.id.type === T.Identifier ? fn.parent.id : undefined;
  const v = id ? variableOf(sourceCode, id) : undefined;
  if (!v) return undefined;
  const out: Node[] = [];
  for (const r of v.references) {
    if (r.identifier === id) continue;
    const call = r.identifier.parent;
    if (call?.type !== T.CallExpression || call.callee !== r.identifier) return undefined;
    const arg = call.arguments[at];
    if (!arg || arg.type === T.SpreadElement) return undefined;
    out.push(arg);
  }
  return out;
}

/**
 * The arguments every call of a class method passes at position `at`, when every use of it in its
 * class is a direct call through `this` (`this.isRetryable(res.status)`); undefined otherwise.
 */
function methodArgumentsAt(method: TSESTree.MethodDefinition, at: number, sourceCode: TSESLint.SourceCode): Node[] | undefined {
  const name = propertyName(method);
  const cls = method.parent?.parent;
  if (!name || !cls || (cls.type !== T.ClassDeclaration && cls.type !== T.ClassExpression)) return undefined;
  const out: Node[] = [];
  let handedOn = false;
  walk(cls.body, sourceCode.visitorKeys, (n) => {
    if (handedOn) return false;
    if (n.type !== T.MemberExpression || unwrap(n.object).type !== T.ThisExpression || propertyName(n) !== name) return undefined;
    const call = n.parent;
    if (call?.type !== T.CallExpression || call.callee !== n) {
      handedOn = true;
      return false;
    }
    const arg = call.arguments[at];
    if (!arg || arg.type === T.SpreadElement) handedOn = true;
    else out.push(arg);
    return undefined;
  });
  return handedOn ? undefined : out;
}

function isStatusValue(expr: Node, sourceCode: TSESLint.SourceCode, depth: number): boolean {
  if (depth > 6) return false;
  const e = unwrap(expr);
  switch (e.type) {
    case T.AwaitExpression:
      return isStatusValue(e.argument, sourceCode, depth + 1);
    case T.MemberExpression:
      return !e.computed && STATUS_PROPERTY.test(propertyName(e) ?? '');
    case T.Identifier: {
      const v = variableOf(sourceCode, e);
      return !!v && variableHoldsStatus(v, sourceCode, depth + 1);
    }
    case T.LogicalExpression:
      // `error.response && error.response.statusCode`: the status once the answer is there.
      if (e.operator === '&&') return isStatusValue(e.right, sourceCode, depth + 1);
      // `res?.status ?? 0`: a status or a constant in its place.
      // `e?.status || e?.code`: a status, or the error's code field in its place (SDK errors carry
      // the HTTP status there).
      return (isStatusValue(e.left, sourceCode, depth + 1) && (isPlaceholder(e.right) || isStatusValue(e.right, sourceCode, depth + 1) || (unwrap(e.right).type === T.MemberExpression && propertyName(unwrap(e.right) as TSESTree.MemberExpression) === 'code')));
    case T.UnaryExpression:
      // `+res.status`
      return e.operator === '+' && isStatusValue(e.argument, sourceCode, depth + 1);
    case T.ConditionalExpression: {
      const sides = [e.consequent, e.alternate];
      return sides.some((s) => isStatusValue(s, sourceCode, depth + 1)) && sides.every((s) => isPlaceholder(s) || isStatusValue(s, sourceCode, depth + 1));
    }
    case T.NewExpression:
      return resolvesWithStatus(e, sourceCode, depth);
    case T.CallExpression: {
      const callee = unwrap(e.callee);
      const name = calleeName(e);
      // `Number(e?.status)`, `parseInt(res.statusCode, 10)`: the same number.
      if (callee.type === T.Identifier && (name === 'Number' || name === 'parseInt' || name === 'parseFloat') && e.arguments[0] && !variableOf(sourceCode, callee)?.defs.length) return isStatusValue(e.arguments[0], sourceCode, depth + 1);
      if (isPromiseResolve(e)) return !!e.arguments[0] && isStatusValue(e.arguments[0], sourceCode, depth + 1);
      // A status accessor called with nothing (`exception.getStatus()`, NestJS's HttpException;
      // `res.getStatusCode()`): it reads the status, as the property does. (`res.status(404)` sets one.)
      if (callee.type === T.MemberExpression && e.arguments.length === 0 && STATUS_ACCESSOR.test(name ?? '')) return true;
      // `fetch(u).then((r) => r.status)`: the stage's callback returns a status.
      if (callee.type === T.MemberExpression && name === 'then' && e.arguments[0]) {
        const fn = stageFunction(e.arguments[0], sourceCode);
        return !!fn && returnsStatus(fn, sourceCode, depth);
      }
      // `….then((r) => r.status).catch(() => 0)`: a status, or a constant when the attempt threw.
      if (callee.type === T.MemberExpression && name === 'catch' && e.arguments[0]) {
        const fn = stageFunction(e.arguments[0], sourceCode);
        if (!fn || !isStatusValue(callee.object, sourceCode, depth + 1)) return false;
        return returnedExpressions(fn, sourceCode).every((r) => isPlaceholder(r) || isStatusValue(r, sourceCode, depth + 1));
      }
      const fn = sameFileFunction(e.callee, { sourceCode });
      return !!fn && returnsStatus(fn, sourceCode, depth);
    }
    default:
      return false;
  }
}

function stageFunction(arg: Node, sourceCode: TSESLint.SourceCode): ReturnType<typeof sameFileFunction> {
  const a = unwrap(arg);
  return isFunction(a) ? a : sameFileFunction(a, { sourceCode });
}

/** A function whose returned values are all statuses (constants aside), one at least. */
function returnsStatus(fn: NonNullable<ReturnType<typeof sameFileFunction>>, sourceCode: TSESLint.SourceCode, depth: number): boolean {
  const returned = returnedExpressions(fn, sourceCode).filter((r) => !isPlaceholder(r));
  return returned.length > 0 && returned.every((r) => isStatusValue(r, sourceCode, depth + 1));
}

/** `new Promise((resolve) => … resolve(res.statusCode) …)`: every value the executor resolves with is a status. */
function resolvesWithStatus(e: TSESTree.NewExpression, sourceCode: TSESLint.SourceCode, depth: number): boolean {
  const exec = e.arguments[0] && unwrap(e.arguments[0]);
  if (unwrap(e.callee).type !== T.Identifier || (unwrap(e.callee) as TSESTree.Identifier).name !== 'Promise' || !exec || !isFunction(exec)) return false;
  const p = exec.params[0];
  const resolve = p?.type === T.Identifier ? variableOf(sourceCode, p) : undefined;
  if (!resolve) return false;
  const values: Node[] = [];
  let other = false;
  for (const r of resolve.references) {
    const call = r.identifier.parent;
    if (call?.type === T.CallExpression && call.callee === r.identifier) {
      if (call.arguments[0] && call.arguments[0].type !== T.SpreadElement) values.push(call.arguments[0]);
    } else if (r.identifier !== p) other = true;
  }
  const real = values.filter((x) => !isPlaceholder(x));
  return !other && real.length > 0 && real.every((x) => isStatusValue(x, sourceCode, depth + 1));
}

/** `Promise.resolve(x)`: the global's, holding what `x` holds. */
function isPromiseResolve(e: TSESTree.CallExpression): boolean {
  const c = unwrap(e.callee);
  return c.type === T.MemberExpression && propertyName(c) === 'resolve' && unwrap(c.object).type === T.Identifier && (unwrap(c.object) as TSESTree.Identifier).name === 'Promise';
}

/**
 * A value from a call the file cannot see into: a call (awaited or not) of a parameter, an import
 * or a method, or a `const` holding one; not a same-file function (followed above), not `Math.*`,
 * `Number(…)` or `.length`.
 */
function isOpaque(expr: Node, sourceCode: TSESLint.SourceCode, depth: number): boolean {
  let e = unwrap(expr);
  if (e.type === T.AwaitExpression) e = unwrap(e.argument);
  if (e.type === T.Identifier && depth < 6) {
    const def = variableOf(sourceCode, e)?.defs[0];
    return def?.type === 'Variable' && def.parent.kind === 'const' && def.node.id.type === T.Identifier && !!def.node.init && isOpaque(def.node.init, sourceCode, depth + 1);
  }
  if (e.type !== T.CallExpression) return false;
  if (isPromiseResolve(e)) return !!e.arguments[0] && isOpaque(e.arguments[0], sourceCode, depth + 1);
  if (sameFileFunction(e.callee, { sourceCode })) return false;
  const c = unwrap(e.callee);
  if (c.type === T.MemberExpression) {
    const obj = unwrap(c.object);
    if (obj.type === T.Identifier && /^(Math|Number|Date|JSON|Object|Array|String|crypto)$/.test(obj.name) && !variableOf(sourceCode, obj)) return false;
  }
  if (c.type === T.Identifier && /^(Number|parseInt|parseFloat|String|Boolean)$/.test(c.name) && !variableOf(sourceCode, c)) return false;
  return true;
}

/**
 * Whether the variable is compared as only a status is: split at both ends of one status class
 * (x00 and x00 + 100 for 1xx to 5xx, from any mix of `<`, `<=`, `>`, `>=`), or compared against a
 * standard status constant of an imported table.
 */
function comparedAsStatus(v: Variable, sourceCode: TSESLint.SourceCode): boolean {
  const cuts = new Set<number>();
  for (const r of v.references) {
    if (!r.isRead()) continue;
    const id = r.identifier as Node;
    const cmp = id.parent;
    if (cmp?.type !== T.BinaryExpression) continue;
    const other = (cmp.left === id ? cmp.right : cmp.left) as Node;
    if (namedStatusConstant(other, sourceCode)) return true;
    const k = statusCode(other, sourceCode);
    if (k === undefined) continue;
    const op = cmp.left === id ? cmp.operator : ({ '<': '>', '>': '<', '<=': '>=', '>=': '<=' } as Record<string, string>)[cmp.operator];
    // `x < k` and `x >= k` split at k; `x <= k` and `x > k` split at k + 1.
    if (op === '<' || op === '>=') cuts.add(k);
    else if (op === '<=' || op === '>') cuts.add(k + 1);
  }
  for (let c = 100; c <= 500; c += 100) if (cuts.has(c) && cuts.has(c + 100)) return true;
  return false;
}

/** `StatusCodes.SERVICE_UNAVAILABLE`, `HttpStatus.TOO_MANY_REQUESTS`: a standard status name on an imported table. */
function namedStatusConstant(n: Node, sourceCode: TSESLint.SourceCode): boolean {
  const u = unwrap(n);
  if (u.type !== T.MemberExpression || u.computed) return false;
  const name = propertyName(u);
  return !!name && statusByName(name) !== undefined && !!originOf(sourceCode, u.object);
}
