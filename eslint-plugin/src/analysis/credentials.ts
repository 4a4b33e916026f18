import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { T } from './node-types';
import { calleeName, contains, isFunction, isLogCallee, propertyName, stringValue, unwrap, walk } from './ast';
import { sameFileFunction } from './delay';
import { fileMemo } from './memo';
import { variableOf } from './scope';
import type { Node } from './types';
import { REFRESH_RE } from './vocabulary';
import { asWait } from './waits';
import { isWorkingCall } from './input-change';
import type { Ctx } from './operation';

type Variable = TSESLint.Scope.Variable;

/** The HTTP header that carries credentials (RFC 9110 §11.6.2): the API's name, not a local one. */
const AUTH_HEADER = /^authorization$/i;

const credentialVars = fileMemo<Node, Set<Variable>>();

/**
 * Variables whose value the file puts into a request's credentials: read in an `Authorization`
 * header (`{ authorization: \`Bearer ${token}\` }`, `config.headers.Authorization = …`,
 * `headers.set('Authorization', …)`).
 */
function credentialVariables(sourceCode: TSESLint.SourceCode): Set<Variable> {
  const program = sourceCode.ast as Node;
  const hit = credentialVars.get(program);
  if (hit) return hit;
  const out = new Set<Variable>();
  const collect = (value: Node): void => {
    walk(value, sourceCode.visitorKeys, (m) => {
      if (m.type === T.Identifier) {
        const v = variableOf(sourceCode, m);
        if (v) out.add(v);
      }
      return undefined;
    });
  };
  walk(program, sourceCode.visitorKeys, (n) => {
    if (n.type === T.Property && AUTH_HEADER.test(propertyName(n) ?? '')) collect(n.value as Node);
    else if (n.type === T.AssignmentExpression && n.left.type === T.MemberExpression && AUTH_HEADER.test(propertyName(n.left) ?? stringValue(n.left.property) ?? '')) collect(n.right);
    else if (n.type === T.CallExpression && n.arguments.length >= 2 && AUTH_HEADER.test(stringValue(n.arguments[0]) ?? '')) collect(n.arguments[1] as Node);
    return undefined;
  });
  credentialVars.set(program, out);
  return out;
}

/**
 * Whether a call made before a replay renews the credentials the replay sends (a re-authentication,
 * not a retry of a transient failure), known by data flow: its result goes into the Authorization
 * header (`const token = await getFresh(); config.headers.Authorization = \`Bearer ${token}\``), or
 * it is a same-file function whose body writes a value the file sends as credentials (`token =
 * data.access_token`) or calls such a function. Only a call out of sight (an import, a parameter, a
 * member of an unknown object) whose result the code does not use that way is judged by its name
 * ({@link REFRESH_RE}).
 */
export function isCredentialRefresh(call: TSESTree.CallExpression, sourceCode: TSESLint.SourceCode, depth = 0): boolean {
  const creds = credentialVariables(sourceCode);
  // Its result kept in a variable sent as credentials, or written straight into them.
  let e: Node = call;
  while (e.parent && (e.parent.type === T.AwaitExpression || e.parent.type === T.TemplateLiteral || e.parent.type === T.BinaryExpression)) e = e.parent;
  const p = e.parent;
  if (p?.type === T.VariableDeclarator && p.init === e && p.id.type === T.Identifier) {
    const v = variableOf(sourceCode, p.id);
    if (v && creds.has(v)) return true;
  }
  if (p?.type === T.AssignmentExpression && p.right === e) {
    if (p.left.type === T.Identifier) {
      const v = variableOf(sourceCode, p.left);
      if (v && creds.has(v)) return true;
    } else if (p.left.type === T.MemberExpression && AUTH_HEADER.test(propertyName(p.left) ?? '')) return true;
  }
  if (p?.type === T.Property && p.value === e && AUTH_HEADER.test(propertyName(p) ?? '')) return true;
  const fn = sameFileFunction(call.callee, { sourceCode });
  if (!fn) return REFRESH_RE.test(calleeName(call) ?? '');
  if (!fn.body || depth > 2 || contains(fn, call)) return false;
  let found = false;
  walk(fn.body, sourceCode.visitorKeys, (n) => {
    if (found) return false;
    if (n !== fn.body && isFunction(n) && !(n.parent?.type === T.CallExpression)) return false;
    if (n.type === T.AssignmentExpression) {
      const left = unwrap(n.left);
      if (left.type === T.Identifier) {
        const v = variableOf(sourceCode, left);
        if (v && creds.has(v)) found = true;
      } else if (left.type === T.MemberExpression && AUTH_HEADER.test(propertyName(left) ?? '')) found = true;
    }
    if (n.type === T.CallExpression && n !== call && isCredentialRefresh(n, sourceCode, depth + 1)) found = true;
    return undefined;
  });
  return found;
}

/**
 * Whether something before `replay` (a re-send of a request refused with 401/403) in `regions` may
 * renew the credential the replay sends: an assignment, or a working call ({@link isWorkingCall}: not a
 * wait, a timer, a log line or a built-in computation) other than a test handed a value
 * (`if (isAxiosError(e))` classifies; `if (await renewSession())` runs a step). Opaque calls count:
 * a refresh may have any name. Inside a `catch`, only its body is read: the try holds the request.
 */
export function renewsBefore(replay: Node, regions: readonly Node[], ctx: Ctx): boolean {
  const inTest = (n: Node, root: Node): boolean => {
    for (let c: Node = n, p = n.parent; p && c !== root; c = p, p = p.parent) {
      if ((p.type === T.IfStatement || p.type === T.ConditionalExpression) && c === p.test) return true;
      if (p.type === T.SwitchStatement && c === p.discriminant) return true;
    }
    return false;
  };
  let found = false;
  let failurePath: Node | undefined;
  for (let p = replay.parent; p && !isFunction(p); p = p.parent) if (p.type === T.CatchClause) failurePath = p.body;
  for (const r of failurePath ? [failurePath] : regions) {
    walk(r, ctx.sourceCode.visitorKeys, (n) => {
      if (found || n.range[0] >= replay.range[0] || contains(n, replay)) return undefined;
      if (n.type === T.AssignmentExpression) found = true;
      if (n.type !== T.CallExpression) return undefined;
      // A wait, with the delay it computes (`pause(backoffMs(n))`), renews nothing.
      if (asWait(n, ctx.sourceCode, ctx.settings)) return false;
      if (!(inTest(n, r) && n.arguments.length > 0) && isWorkingCall(n, ctx) && !isLogCallee(unwrap(n.callee), ['Promise'])) found = true;
      return undefined;
    });
  }
  return found;
}
