import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { T } from './node-types';
import type { Node } from './types';
import { fileMemo } from './memo';

/** Strips TypeScript-only wrappers (`as`, `satisfies`, `!`, `<T>x`, instantiation) and parentheses-free chains. */
export function unwrap(node: Node): Node;
export function unwrap(node: Node | null | undefined): Node | undefined;
export function unwrap(node: Node | null | undefined): Node | undefined {
  let n = node ?? undefined;
  while (n) {
    if (
      n.type === T.TSAsExpression ||
      n.type === T.TSSatisfiesExpression ||
      n.type === T.TSNonNullExpression ||
      n.type === T.TSTypeAssertion ||
      n.type === T.TSInstantiationExpression
    ) {
      n = n.expression;
    } else if (n.type === T.ChainExpression) {
      n = n.expression;
    } else {
      return n;
    }
  }
  return n;
}

/** The static name of a member property (`a.b`, `a['b']`), or undefined when computed. */
export function propertyName(node: TSESTree.MemberExpression | TSESTree.Property | TSESTree.MethodDefinition | TSESTree.PropertyDefinition): string | undefined {
  const key = node.type === T.MemberExpression ? node.property : node.key;
  if (!node.computed && key.type === T.Identifier) return key.name;
  if (key.type === T.PrivateIdentifier) return key.name;
  if (key.type === T.Literal && (typeof key.value === 'string' || typeof key.value === 'number')) return String(key.value);
  if (key.type === T.TemplateLiteral && key.expressions.length === 0) return key.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/**
 * The name a member is known by, as the language tells members apart: `#name` for a private member
 * (`this.#verify` is not `this.verify`), otherwise {@link propertyName}. For identity (which method a
 * call reaches); naming tests read {@link propertyName}.
 */
export function memberKey(node: TSESTree.MemberExpression | TSESTree.Property | TSESTree.MethodDefinition | TSESTree.PropertyDefinition): string | undefined {
  const key = node.type === T.MemberExpression ? node.property : node.key;
  return key.type === T.PrivateIdentifier ? `#${key.name}` : propertyName(node);
}

/**
 * The function a `.call(thisArg, …)` or `.apply(thisArg, args)` runs (`load` for `load.call(this, url)`,
 * `feed.get` for `feed.get.apply(feed, args)`), or undefined for any other callee.
 */
export function invokedThrough(callee: Node): Node | undefined {
  const c = unwrap(callee);
  return c.type === T.MemberExpression && !c.computed && /^(call|apply)$/.test(propertyName(c) ?? '') ? unwrap(c.object) : undefined;
}

/**
 * Whether argument `index` of `call` is a promise's rejection handler, run only after a failure:
 * `.catch(h)`, Bluebird's filtered `.catch(Predicate, h)` / `.catch(ErrorClass, h)` and its alias
 * `.caught` (the handler is the last argument), or `.then(onFulfilled, h)`.
 */
export function isRejectionHandlerSlot(call: TSESTree.CallExpression, index: number): boolean {
  const name = calleeName(call);
  if (name === 'catch' || name === 'caught') return index === Math.max(0, call.arguments.length - 1);
  return name === 'then' && index === 1;
}

/** The name a call's callee ends with: `sleep` for `sleep()`, `utils.sleep()` and `this.sleep()`. */
export function calleeName(call: TSESTree.CallExpression | TSESTree.NewExpression): string | undefined {
  const c = unwrap(call.callee);
  if (c.type === T.Identifier) return c.name;
  if (c.type === T.MemberExpression) return propertyName(c);
  return undefined;
}

/** A string literal's or plain template literal's value. */
export function stringValue(node: Node | null | undefined): string | undefined {
  const n = unwrap(node);
  if (!n) return undefined;
  if (n.type === T.Literal && typeof n.value === 'string') return n.value;
  if (n.type === T.TemplateLiteral && n.expressions.length === 0) return n.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/**
 * The name of an event as a registration writes it: a string (`'close'`), or a member of an events
 * table or enum named in capitals or Pascal case (`consumer.events.DISCONNECT`, kafkajs;
 * `SocketEvent.ConnectionLost`), read as its name in lower case (`disconnect`, `connectionlost` →
 * words kept with `_`: `CONNECTION_LOST` → `connection_lost`).
 */
export function eventName(node: Node | null | undefined): string | undefined {
  const s = stringValue(node);
  if (s !== undefined) return s;
  const n = unwrap(node);
  if (n?.type !== T.MemberExpression || n.computed || n.property.type !== T.Identifier) return undefined;
  const name = n.property.name;
  if (/^[A-Z][A-Z0-9_]*$/.test(name)) return name.toLowerCase();
  if (/^[A-Z][a-z]/.test(name)) return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
  return undefined;
}

/** Finds the property `name` in an object literal (the last one wins, as at run time). */
export function findProperty(obj: TSESTree.ObjectExpression, name: string): TSESTree.Property | undefined {
  let found: TSESTree.Property | undefined;
  for (const p of obj.properties) {
    if (p.type === T.Property && propertyName(p) === name) found = p;
  }
  return found;
}

/** Whether the object literal spreads something in (`...options`), which may supply any property. */
export function hasSpread(obj: TSESTree.ObjectExpression): boolean {
  return obj.properties.some((p) => p.type === T.SpreadElement);
}

/** Whether `inner` lies within `outer` (inclusive). */
export function contains(outer: Node, inner: Node): boolean {
  return inner.range[0] >= outer.range[0] && inner.range[1] <= outer.range[1];
}

/** Whether the node is a function of any form. */
export function isFunction(node: Node): node is TSESTree.FunctionLike & (TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression) {
  return node.type === T.ArrowFunctionExpression || node.type === T.FunctionDeclaration || node.type === T.FunctionExpression;
}

/**
 * Child nodes of `node`, using the source's visitor keys (so TypeScript and JSX nodes are walked too).
 * Not memoised: a per-node cache (a WeakMap over every node of every file) cost more in garbage
 * collection than the lookups it saved.
 */
export function children(node: Node, visitorKeys: TSESLint.SourceCode.VisitorKeys): readonly Node[] {
  const keys = visitorKeys[node.type] ?? [];
  const out: Node[] = [];
  for (const key of keys) {
    const value = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(value)) {
      for (const v of value) if (v && typeof v === 'object' && 'type' in v) out.push(v as Node);
    } else if (value && typeof value === 'object' && 'type' in value) {
      out.push(value as Node);
    }
  }
  return out;
}

/**
 * Walks the subtree of `root` depth-first, in source order. `visit` returns `false` to skip a node's children.
 */
export function walk(root: Node, visitorKeys: TSESLint.SourceCode.VisitorKeys, visit: (node: Node) => boolean | void): void {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (visit(node) === false) continue;
    pushChildren(node, visitorKeys, stack);
  }
}

/**
 * Pushes the children of `node` onto `stack` last to first, so that popping visits the first child
 * next: the step of a depth-first walk in source order over an explicit stack.
 */
export function pushChildren(node: Node, visitorKeys: TSESLint.SourceCode.VisitorKeys, stack: { push(child: Node): unknown }): void {
  const keys = visitorKeys[node.type];
  if (!keys) return;
  for (let k = keys.length - 1; k >= 0; k--) {
    const value = (node as unknown as Record<string, unknown>)[keys[k]!];
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) {
        const v = value[i] as unknown;
        if (v && typeof v === 'object' && 'type' in v) stack.push(v as Node);
      }
    } else if (value && typeof value === 'object' && 'type' in value) {
      stack.push(value as Node);
    }
  }
}

/** Every node of `root`'s subtree matching `pred`, in source order. */
export function findAll<N extends Node>(root: Node, visitorKeys: TSESLint.SourceCode.VisitorKeys, pred: (n: Node) => n is N): N[] {
  const out: N[] = [];
  walk(root, visitorKeys, (n) => {
    if (pred(n)) out.push(n);
  });
  return out;
}

/** The nearest enclosing function of `node` (not `node` itself), from the memoised climb of {@link ownerOf}. */
export function enclosingFunction(node: Node): TSESTree.FunctionLike | undefined {
  const owner = node.parent && ownerOf(node.parent);
  return owner && isFunction(owner) ? owner : undefined;
}

const owners = fileMemo<Node, Node>();

/**
 * The nearest function that is `n` or holds it, or the top of `n`'s tree when none does: memoised
 * for every node the climb passes, so that the loops and steps of d nested loops climb O(d) nodes
 * in all, not each the whole way up.
 */
export function ownerOf(n: Node): Node {
  const path: Node[] = [];
  let cur: Node = n;
  let owner: Node | undefined;
  for (;;) {
    owner = owners.get(cur);
    if (owner) break;
    if (isFunction(cur) || !cur.parent) {
      owner = cur;
      break;
    }
    path.push(cur);
    cur = cur.parent;
  }
  for (const p of path) owners.set(p, owner);
  return owner;
}


const LOG_METHOD_RE = /^(log|logger|logError|logWarn|logWarning|logInfo|logDebug|info|warn|warning|error|debug|trace|verbose)$/;

/**
 * A callee that only reports (`console.warn`, `logger.error`, `log.info`): a value handed to it is
 * not worked on. `objects` are the receivers that never take an input (`Math` for arithmetic too).
 */
export function isLogCallee(callee: Node, objects: readonly string[] = ['console']): boolean {
  // `log('waiting…')`, `debug('retrying')`: a bare function named as a log method logs.
  if (callee.type === T.Identifier) return LOG_METHOD_RE.test(callee.name);
  if (callee.type !== T.MemberExpression) return false;
  const object = unwrap(callee.object);
  return (object.type === T.Identifier && objects.includes(object.name)) || LOG_METHOD_RE.test(propertyName(callee) ?? '') || (callee.computed && keyNamesOnly(callee.property, LOG_METHOD_RE)) || isStandardStreamWrite(callee);
}

/** Whether every name a computed key can be is a constant matching `re` (`logger[attempt === 0 ? 'warn' : 'debug']`). */
function keyNamesOnly(key: Node, re: RegExp): boolean {
  const k = unwrap(key);
  if (k.type === T.ConditionalExpression) return keyNamesOnly(k.consequent, re) && keyNamesOnly(k.alternate, re);
  const name = stringValue(k);
  return name !== undefined && re.test(name);
}

/**
 * A call that only reports, whatever it is handed: a log line ({@link isLogCallee}), a notification
 * callback (`hooks.onEachAttempt(…)`, `onRetry(…)`: the `on…` event-handler convention of the DOM and
 * Node), or a message collected in a list (`notes.push(…)`). What reaches it decides nothing.
 */
export function isReportingCall(call: Node): boolean {
  if (call.type !== T.CallExpression) return false;
  if (isLogCallee(call.callee)) return true;
  const callee = unwrap(call.callee);
  const name = callee.type === T.Identifier ? callee.name : callee.type === T.MemberExpression ? propertyName(callee) ?? '' : '';
  return /^on[A-Z]/.test(name) || (name === 'push' && callee.type === T.MemberExpression) || TELEMETRY_METHOD_RE.test(name);
}

/**
 * Calls that record a value for someone to read later, not work on it: a CI step's output
 * (`core.setOutput` of @actions/core), a trace span's attributes (OpenTelemetry `setAttribute`), an
 * error tracker's tags and breadcrumbs (Sentry), a metric (`gauge`, `histogram`, `increment`).
 */
const TELEMETRY_METHOD_RE = /^(setOutput|setAttributes?|setTags?|setExtras?|addBreadcrumb|addEvent|gauge|histogram|increment|recordMetric)$/;

/** `process.stdout.write(…)`, `process.stderr.write(…)`: text for the person at the terminal, a log line. */
function isStandardStreamWrite(callee: TSESTree.MemberExpression): boolean {
  if (propertyName(callee) !== 'write') return false;
  const stream = unwrap(callee.object);
  if (stream.type !== T.MemberExpression || !/^std(out|err)$/.test(propertyName(stream) ?? '')) return false;
  const owner = unwrap(stream.object);
  return owner.type === T.Identifier && owner.name === 'process';
}

/** The statement holding `node` that sits in a statement list (a block, the program or a `case`), or undefined. */
export function statementInList(node: Node): Node | undefined {
  let s: Node | undefined = node;
  while (s && s.parent && s.parent.type !== T.BlockStatement && s.parent.type !== T.Program && s.parent.type !== T.SwitchCase) s = s.parent;
  return s?.parent ? s : undefined;
}

/**
 * A call that ends the process and never returns: Node's `process.exit()` / `process.abort()`,
 * Deno's `Deno.exit()`, and a reporter's `panic` (Gatsby's `reporter.panic` / `panicOnBuild` log
 * the error and exit the build).
 */
export function endsProcess(n: Node): boolean {
  let e = unwrap(n);
  if (e.type === T.AwaitExpression) e = unwrap(e.argument);
  if (e.type !== T.CallExpression) return false;
  const c = unwrap(e.callee);
  if (c.type !== T.MemberExpression) return false;
  const name = propertyName(c) ?? '';
  const owner = unwrap(c.object);
  if ((name === 'exit' || name === 'abort') && owner.type === T.Identifier && (owner.name === 'process' || owner.name === 'Deno')) return true;
  return name === 'panic' || name === 'panicOnBuild';
}

/** Whether a statement always leaves its block (throw, return, break, continue, a call that ends the process), including if/else both leaving. */
export function alwaysExits(stmt: Node | null | undefined): boolean {
  if (!stmt) return false;
  switch (stmt.type) {
    case T.ExpressionStatement:
      return endsProcess(stmt.expression);
    case T.ThrowStatement:
    case T.ReturnStatement:
    case T.BreakStatement:
    case T.ContinueStatement:
      return true;
    case T.BlockStatement:
      return stmt.body.some((s) => alwaysExits(s));
    case T.IfStatement:
      return alwaysExits(stmt.consequent) && alwaysExits(stmt.alternate);
    case T.TryStatement:
      return alwaysExits(stmt.block) && (!stmt.handler || alwaysExits(stmt.handler.body));
    default:
      return false;
  }
}

/** Whether `call` is `Math.<name>(…)` (`Math.min`, `Math.random`), through TypeScript wrappers. */
export function isMathCall(call: TSESTree.CallExpression, name: string): boolean {
  const c = unwrap(call.callee);
  return c.type === T.MemberExpression && !c.computed && propertyName(c) === name && unwrap(c.object).type === T.Identifier && (unwrap(c.object) as TSESTree.Identifier).name === 'Math';
}

/** The operands of a chain of one logical operator (`a || b || c` → a, b, c), through parentheses and casts; the test itself when it is not one. */
/** The node a member chain starts from (`a` for `a.b.c` and `a[0].b`, `this` for `this.x.y`), or the node itself. */
export function chainRoot(node: Node): Node {
  let n = unwrap(node);
  while (n.type === T.MemberExpression) n = unwrap(n.object);
  return n;
}

export function logicalTerms(test: Node, operator: '&&' | '||'): Node[] {
  const t = unwrap(test);
  return t.type === T.LogicalExpression && t.operator === operator ? [...logicalTerms(t.left, operator), ...logicalTerms(t.right, operator)] : [t];
}

/**
 * `process.env.X`, `import.meta.env.X`, `env.X`: an expression that reads a value set outside the
 * code (its chain of members passes through `env`).
 */
export function readsEnvironment(n: Node): boolean {
  let u = unwrap(n);
  while (u.type === T.MemberExpression || u.type === T.ChainExpression) {
    if (u.type === T.ChainExpression) {
      u = unwrap(u.expression);
      continue;
    }
    if (propertyName(u) === 'env') return true;
    u = unwrap(u.object);
  }
  return u.type === T.Identifier && u.name === 'env';
}

/** Whether `n` sits under an odd number of `!` below `stop` (exclusive): what it says is turned round there. */
export function negatedWithin(n: Node, stop: Node | undefined): boolean {
  let negated = false;
  for (let p: Node | undefined = n.parent; p && p !== stop; p = p.parent) {
    if (p.type === T.UnaryExpression && p.operator === '!') negated = !negated;
  }
  return negated;
}

/**
 * The names and members an `&&` test needs, with the truth each must have for the test to hold:
 * `x` (truthy) or `!x` (falsy), as `&&` operands (`retry && !this.closed` needs `retry` truthy and
 * `this.closed` falsy).
 */
export function neededFlags(test: Node): { flag: TSESTree.Identifier | TSESTree.MemberExpression; want: boolean }[] {
  const out: { flag: TSESTree.Identifier | TSESTree.MemberExpression; want: boolean }[] = [];
  for (const term of logicalTerms(unwrap(test), '&&')) {
    let u = unwrap(term);
    let want = true;
    while (u.type === T.UnaryExpression && u.operator === '!') {
      want = !want;
      u = unwrap(u.argument);
    }
    if (u.type === T.ChainExpression) u = unwrap(u.expression);
    if (u.type === T.Identifier || u.type === T.MemberExpression) out.push({ flag: u, want });
  }
  return out;
}

/**
 * A read of the clock: `Date.now()`, `performance.now()`, `process.hrtime()`, `process.hrtime.bigint()`
 * (by name). It changes nothing the next attempt sees.
 */
export function isClockRead(call: TSESTree.CallExpression): boolean {
  const callee = unwrap(call.callee);
  if (callee.type !== T.MemberExpression) return false;
  const name = propertyName(callee);
  let obj = unwrap(callee.object);
  if (name === 'bigint' && obj.type === T.MemberExpression && propertyName(obj) === 'hrtime') obj = unwrap(obj.object);
  else if (name === 'hrtime') {
    // process.hrtime()
  } else if (name !== 'now') return false;
  if (obj.type !== T.Identifier) return false;
  return name === 'now' ? obj.name === 'Date' || obj.name === 'performance' : obj.name === 'process';
}

/**
 * A call whose result depends only on its arguments (decoding, parsing, built-in string and array
 * methods): run again on the same input it fails the same way, so a try around nothing else guards
 * a computation, and a loop around it walks inputs, it does not retry.
 */
export function isDeterministicCall(n: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const callee = unwrap(n.callee);
  if (n.type === T.NewExpression) return callee.type === T.Identifier && DETERMINISTIC_CONSTRUCTORS.has(callee.name);
  if (callee.type === T.Identifier) return DETERMINISTIC_FUNCTIONS.has(callee.name);
  if (callee.type !== T.MemberExpression) return false;
  const name = propertyName(callee) ?? '';
  const obj = unwrap(callee.object);
  if (obj.type === T.Identifier && (obj.name === 'JSON' || obj.name === 'Math' || obj.name === 'Number' || obj.name === 'String' || obj.name === 'Object' || obj.name === 'Array')) return true;
  if (obj.type === T.NewExpression && unwrap(obj.callee).type === T.Identifier && /^Text(De|En)coder$/.test((unwrap(obj.callee) as TSESTree.Identifier).name)) return name === 'decode' || name === 'encode';
  return BUILTIN_PURE_METHODS.has(name);
}

const DETERMINISTIC_CONSTRUCTORS: ReadonlySet<string> = new Set(['TextDecoder', 'TextEncoder', 'URL', 'URLSearchParams', 'RegExp', 'Date', 'Map', 'Set', 'Uint8Array', 'Array']);
const DETERMINISTIC_FUNCTIONS: ReadonlySet<string> = new Set(['parseInt', 'parseFloat', 'Number', 'String', 'Boolean', 'decodeURIComponent', 'encodeURIComponent', 'decodeURI', 'encodeURI', 'atob', 'btoa', 'structuredClone']);
/** Built-in string, array and typed-array methods that compute from their receiver and arguments alone. */
const BUILTIN_PURE_METHODS: ReadonlySet<string> = new Set(['slice', 'subarray', 'substring', 'substr', 'split', 'join', 'trim', 'trimStart', 'trimEnd', 'toLowerCase', 'toUpperCase', 'padStart', 'padEnd', 'charAt', 'charCodeAt', 'codePointAt', 'indexOf', 'lastIndexOf', 'includes', 'startsWith', 'endsWith', 'replace', 'replaceAll', 'match', 'matchAll', 'concat', 'at', 'toFixed', 'toString']);

/**
 * Whether the expression is made by computing alone (arithmetic, templates, built-in string and array
 * methods, {@link isDeterministicCall}): no other call, no `new`, no `await`, so no answer an
 * operation gave.
 */
export function isComputedValue(expr: Node, sourceCode: TSESLint.SourceCode): boolean {
  return !findAll(expr, sourceCode.visitorKeys, (m): m is Node => (m.type === T.CallExpression && !isDeterministicCall(m)) || m.type === T.NewExpression || m.type === T.AwaitExpression).length;
}
