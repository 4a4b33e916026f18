import type { TSESTree } from '@typescript-eslint/utils';
import { T } from './node-types';
import { calleeName, contains, isFunction, logicalTerms, propertyName, stringValue, unwrap, walk } from './ast';
import type { Node } from './types';
import { OPTIMISTIC_CONFLICT_RE, UNIQUE_VIOLATION_CODES, UNIQUE_VIOLATION_RE } from './vocabulary';

/** A name that says the write was refused for a taken unique value or a changed version. */
const namesConflict = (name: string): boolean => UNIQUE_VIOLATION_RE.test(name) || OPTIMISTIC_CONFLICT_RE.test(name);

/** Maps an identifier to the value it is bound to (a `const`'s initialiser), or returns it. */
export type Resolve = (id: TSESTree.Identifier) => { value: unknown } | undefined;

/** The expression a same-file predicate called as `callee` returns (its one returned expression), or undefined. */
export type Returned = (callee: Node) => Node | undefined;

/**
 * Whether `test` holds only for a unique-constraint violation: the database refused the write
 * because the value it had to be unique is taken (Prisma `P2002`, PostgreSQL SQLSTATE `23505`,
 * MySQL `ER_DUP_ENTRY` / 1062, SQLite `SQLITE_CONSTRAINT_UNIQUE`, MongoDB 11000; a code or class
 * named for it, `UniqueConstraintError`, `PrismaError.UNIQUE_CONSTRAINT_VIOLATION`,
 * `isUniqueViolation(err)`), or an optimistic-concurrency conflict named for it (`CasConflictError`,
 * `VersionError`, see OPTIMISTIC_CONFLICT_RE), or a message saying so (`E11000 duplicate key error`). A
 * `&&` holds when one of its operands does, a `||` when each does, `errors.some((e) => …)` when its test does.
 */
export function isUniqueViolationTest(test: Node, resolve: Resolve = () => undefined, returned?: Returned): boolean {
  const t = unwrap(test);
  if (t.type === T.LogicalExpression && t.operator === '&&') return isUniqueViolationTest(t.left, resolve, returned) || isUniqueViolationTest(t.right, resolve, returned);
  // `err.code === 11000 || err.writeErrors?.some(…)`: every way it holds is a violation.
  if (t.type === T.LogicalExpression && t.operator === '||') return isUniqueViolationTest(t.left, resolve, returned) && isUniqueViolationTest(t.right, resolve, returned);
  if (t.type === T.BinaryExpression && t.operator === 'instanceof') return namesUniqueViolation(t.right, resolve);
  if (t.type === T.BinaryExpression && (t.operator === '===' || t.operator === '==')) return namesUniqueViolation(t.left, resolve) || namesUniqueViolation(t.right, resolve);
  if (t.type === T.CallExpression) {
    const name = calleeName(t);
    if (name && namesConflict(name)) return true;
    // A same-file predicate (`isConditionFailed(e)`): what it returns, one level deep.
    const body = returned?.(t.callee);
    if (body && isUniqueViolationTest(body, resolve)) return true;
    // `err.writeErrors.some((e) => e.code === 11000)`: one of a batch's errors is a violation.
    const cb = t.arguments[0] ? unwrap(t.arguments[0] as Node) : undefined;
    if ((name === 'some' || name === 'every') && cb && isFunction(cb) && cb.body.type !== T.BlockStatement && isUniqueViolationTest(cb.body, resolve)) return true;
    // `err.message.includes('E11000 duplicate key error')`: the message says so.
    if (name && /^(includes|startsWith|endsWith|match|test)$/.test(name)) {
      const text = t.arguments[0] ? stringValue(unwrap(t.arguments[0] as Node)) : undefined;
      if (text !== undefined && UNIQUE_VIOLATION_RE.test(text)) return true;
    }
    // `[P2002, 23505].includes(err.code)` is a list of such codes.
    if (name === 'includes') {
      const callee = unwrap(t.callee);
      const list = callee.type === T.MemberExpression ? unwrap(callee.object) : undefined;
      return list?.type === T.ArrayExpression && list.elements.length > 0 && list.elements.every((e) => !!e && e.type !== T.SpreadElement && namesUniqueViolation(e, resolve));
    }
  }
  return false;
}

/** A literal code of a unique violation, or a name (class, constant, enum member) that says so. */
function namesUniqueViolation(n: Node, resolve: Resolve): boolean {
  const u = unwrap(n);
  const isCode = (value: unknown): boolean => UNIQUE_VIOLATION_CODES.has(typeof value === 'number' || typeof value === 'string' ? String(value) : '');
  // A constant holding the code (`const DUPLICATE = '23505'`) is the code.
  if (u.type === T.Identifier && !namesConflict(u.name)) {
    const c = resolve(u);
    if (c) return isCode(c.value);
  }
  // A code, or an error's name as a string (`e.name === 'ConditionalCheckFailedException'`).
  if (u.type === T.Literal) return isCode(typeof u.value === 'number' ? u.value : stringValue(u)) || (typeof u.value === 'string' && namesConflict(u.value));
  if (u.type === T.Identifier) return namesConflict(u.name);
  if (u.type === T.MemberExpression) return namesConflict(propertyName(u) ?? '');
  return false;
}

/**
 * Whether the failure handled by `handler` (a catch body) leads back to another attempt only on a
 * unique-constraint violation: a statement that leaves unless the error is one (`if (!(err instanceof
 * UniqueConstraintError) || attempt >= n) throw err;`), or every way back (`at`: the `continue`s or
 * the self-calls in it) sits under a test that it is one (`if (e.code === 'P2002') return create()`).
 * Such a re-run does not repeat a write that failed in flight: the database refused it, and the
 * operation picks its unique value again (a fresh slug, a re-read next number), another input (R2).
 */
export function goesOnOnlyOnConflict(handler: TSESTree.BlockStatement, at: readonly Node[], alwaysExits: (s: Node) => boolean, resolve: Resolve = () => undefined, returned?: Returned): boolean {
  for (const st of handler.body) {
    if (st.type === T.IfStatement && !st.alternate && alwaysExits(st.consequent) && disjuncts(st.test).some((d) => {
      const u = unwrap(d);
      // `if (!isConflict(e)) throw e`, `if (e.code !== 'EEXIST') throw e`
      if (u.type === T.BinaryExpression && (u.operator === '!==' || u.operator === '!=')) return namesUniqueViolation(u.left, resolve) || namesUniqueViolation(u.right, resolve);
      return u.type === T.UnaryExpression && u.operator === '!' && isUniqueViolationTest(u.argument, resolve, returned);
    })) return true;
    // `if (isConflict(e)) { …count… } else { throw e; }`: every other error leaves.
    if (st.type === T.IfStatement && st.alternate && alwaysExits(st.alternate) && isUniqueViolationTest(st.test, resolve, returned)) return true;
  }
  if (at.length === 0) return false;
  return at.every((a) => {
    for (let p: Node | undefined = a.parent; p && p !== handler.parent; p = p.parent) {
      if (isFunction(p)) return false;
      if (p.type === T.IfStatement && contains(p.consequent, a) && isUniqueViolationTest(p.test, resolve, returned)) return true;
    }
    return false;
  });
}

function disjuncts(test: Node): Node[] {
  return logicalTerms(test, '||');
}

/** The `continue` statements inside `region` (outside nested functions). */
export function continuesIn(region: Node, visitorKeys: Parameters<typeof walk>[1]): TSESTree.ContinueStatement[] {
  const out: TSESTree.ContinueStatement[] = [];
  walk(region, visitorKeys, (n) => {
    if (isFunction(n)) return false;
    if (n.type === T.ContinueStatement) out.push(n);
    return undefined;
  });
  return out;
}
