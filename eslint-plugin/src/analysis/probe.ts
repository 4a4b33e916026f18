/**
 * Readiness probes (F5). PRODUCT, "Retry or not": health checks waiting until a dependency is ready
 * are polling, not retries. What makes an attempt a probe is what it does, not what it is called:
 *
 * - its operation only looks at the dependency: a read whose answer is dropped (`SELECT 1`,
 *   `ping()`), an HTTP GET/HEAD whose response is read for its status at most, or a resource it
 *   makes (a socket, a client, a pooled connection) that it opens and gives back, never using it;
 * - nothing the operation yields leaves the attempt: the response, the rows or the resource is not
 *   returned, resolved, stored or handed to another call; a constant (`return true`) or nothing is;
 * - the attempt does no other work: its other statements log, wait, end the process, settle the
 *   promise it is wrapped in, or schedule the next look.
 *
 * Code that runs only once the check succeeded (the callback of the open, the `.then` after the GET)
 * and code on the failure path (the `catch`, the `error` listener) are not part of the operation;
 * they may do anything, as long as they do not use what the probe made. A write through the
 * resource, a `data` listener, a response body read or the resource handed back makes the attempt
 * an operation again, and a retry.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { ASTUtils } from '@typescript-eslint/utils';
import { T } from './node-types';
import { calleeName, contains, isFunction, isLogCallee, propertyName, stringValue, unwrap, walk } from './ast';
import { sameFileFunction } from './delay';
import { describeHttpCall, rejectsErrorStatuses } from './http';
import type { Ctx } from './operation';
import { fileMemo } from './memo';
import { normalPath, originOf, variableOf } from './scope';
import type { Node } from './types';
import { ASKING_CALL_RE, ASKING_EFFECT_WORD_RE, CONNECTION_TEST_RE, HEALTH_PATH_RE, LOOKUP_COMMAND_RE, MONGO_PROBE_COMMAND_RE, PENDING_ANSWER_CODES, PENDING_ANSWER_RE, PROBE_CALL_RE, READ_STATEMENT_RE, STATEMENT_CALL_RE, STATUS_COMMAND_RE } from './vocabulary';
import { asWait, isGlobalTimer } from './waits';

type Variable = TSESLint.Scope.Variable;

/** Methods that give a resource back. */
export const RELEASE_RE = /^(close|destroy|release|end|disconnect|quit|unref|dispose)$/;
/** Methods that only open a resource or check it answers (their result dropped); `listen` opens a server's port. */
export const OPEN_CHECK_RE = /^(connect|open|listen|ping|authenticate|\$connect)$/;
/** Methods that only set a resource up (a timeout, socket options): they use nothing it holds. */
const SETUP_RE = /^(setTimeout|setNoDelay|setKeepAlive|ref)$/;
/** Listener registrations. */
const LISTEN_RE = /^(on|once|addListener|addEventListener|prependListener|prependOnceListener)$/;
/** Events of a resource's life (opened, failed, closed), not of data it carries. */
const LIFECYCLE_EVENT_RE = /^(connect|secureConnect|ready|open|listening|lookup|error|close|end|finish|timeout)$/;
/** What a response is read for in a probe: whether it answered, with which status. */
const STATUS_PROP_RE = /^(status|statusCode|ok)$/;
/** Draining a response nobody reads. */
const DRAIN_RE = /^(resume|destroy|dump|cancel)$/;

/**
 * A call that checks a dependency answers and whose answer is dropped: `await redis.ping()`,
 * `await fs.access(p)`, `await pool.query('SELECT 1')`, `` await prisma.$queryRaw`SELECT 1` ``.
 */
export function isDroppedProbeRead(n: Node, ctx: Ctx): boolean {
  return isDropped(n) && isProbeRead(n, ctx);
}

/** Whether a call's answer is dropped: the call (awaited or not) is a statement of its own. */
function isDropped(n: Node): boolean {
  let p: Node | undefined = n.parent;
  while (p && (p.type === T.AwaitExpression || p.type === T.TSAsExpression || p.type === T.TSNonNullExpression || p.type === T.ChainExpression)) p = p.parent;
  return p?.type === T.ExpressionStatement;
}

/** The name a module exports a called binding under (`access` for `const { access: check } = require('node:fs/promises')`). */
export function importedName(callee: Node, ctx: Ctx): string | undefined {
  const c = unwrap(callee);
  if (c.type !== T.Identifier) return undefined;
  const origin = originOf(ctx.sourceCode, c);
  return origin ? normalPath(origin).at(-1) : undefined;
}

/** A call that only checks a dependency answers (`ping()`, a `SELECT`/`SHOW` statement), wherever its result goes. */
function isProbeRead(n: Node, ctx: Ctx): boolean {
  if (n.type === T.TaggedTemplateExpression) {
    const tag = unwrap(n.tag);
    const name = tag.type === T.Identifier ? tag.name : tag.type === T.MemberExpression ? propertyName(tag) : undefined;
    return !!name && (STATEMENT_CALL_RE.test(name) || name === 'sql') && READ_STATEMENT_RE.test(n.quasi.quasis[0]?.value.cooked ?? '');
  }
  if (n.type !== T.CallExpression) return false;
  const name = calleeName(n) ?? '';
  if (PROBE_CALL_RE.test(name) || PROBE_CALL_RE.test(importedName(n.callee, ctx) ?? '')) return true;
  // `await client.getWhoAmI()`, `await runner.health()` as a statement: a call that only asks, its
  // answer dropped, only finds out whether the service answers.
  if (ASKING_CALL_RE.test(name) && !ASKING_EFFECT_WORD_RE.test(name) && isDropped(n)) return true;
  // `requestJson(base, '/health')`, `fetch(`${url}/readyz`)`: a request to a health endpoint, sent
  // with no body, only asks whether the dependency is up.
  if (asksHealthEndpoint(n, ctx)) return true;
  // `db.command({ hello: 1 })`, `admin.command({ ping: 1 })`: a MongoDB command that only asks how the server is.
  const doc = name === 'command' && n.arguments[0] ? unwrap(n.arguments[0]) : undefined;
  const firstKey = doc?.type === T.ObjectExpression && doc.properties[0]?.type === T.Property ? propertyName(doc.properties[0]) : undefined;
  if (firstKey && MONGO_PROBE_COMMAND_RE.test(firstKey)) return true;
  if (CONNECTION_TEST_RE.test(name) && n.arguments.length === 0) return true;
  // `client.send(new ListTablesCommand({}))`: an AWS SDK lookup.
  const command = name === 'send' && n.arguments[0] ? unwrap(n.arguments[0]) : undefined;
  if (command?.type === T.NewExpression && unwrap(command.callee).type === T.Identifier && LOOKUP_COMMAND_RE.test((unwrap(command.callee) as TSESTree.Identifier).name)) return true;
  if (!n.arguments[0] || n.arguments[0].type === T.SpreadElement) return false;
  // `await run('docker ps')`, `execSync(`pg_isready -h ${host}`)`, `execFile('docker', ['info'])`: a
  // command line that only asks whether a service is up, whatever runs it.
  if (STATUS_COMMAND_RE.test(commandLine(n, ctx) ?? '')) return true;
  if (!STATEMENT_CALL_RE.test(name)) return false;
  const first = unwrap(n.arguments[0]);
  const text = first.type === T.TemplateLiteral && first.expressions.length === 0 ? first.quasis[0]?.value.cooked : stringValue(first) ?? staticText(first, ctx);
  return typeof text === 'string' && READ_STATEMENT_RE.test(text);
}

/**
 * The command line a call is handed as text: its first argument's constant text (a template's
 * leading text), followed by the constant words of an argument list (`execFile('docker', ['ps'])`).
 */
function commandLine(n: TSESTree.CallExpression, ctx: Ctx): string | undefined {
  const first = unwrap(n.arguments[0] as Node);
  const head = first.type === T.TemplateLiteral ? first.quasis[0]?.value.cooked : (stringValue(first) ?? staticText(first, ctx));
  if (typeof head !== 'string') return undefined;
  const list = n.arguments[1] ? unwrap(n.arguments[1] as Node) : undefined;
  const words = list?.type === T.ArrayExpression ? list.elements.map((e) => (e && e.type !== T.SpreadElement ? stringValue(unwrap(e)) : undefined)) : [];
  const known: string[] = [];
  for (const w of words) {
    if (typeof w !== 'string') break;
    known.push(w);
  }
  return [head, ...known].join(' ');
}

/** A caught error (a catch clause's parameter) or a new error object: what a look keeps of a failure. */
function keepsFailure(right: Node, sourceCode: TSESLint.SourceCode): boolean {
  if (right.type === T.NewExpression) {
    const c = unwrap(right.callee);
    return c.type === T.Identifier && /Error$/.test(c.name);
  }
  return right.type === T.Identifier && variableOf(sourceCode, right)?.defs[0]?.type === 'CatchClause';
}

/** A call handed the path of a health or readiness endpoint ({@link HEALTH_PATH_RE}) and no request body. */
function asksHealthEndpoint(n: TSESTree.CallExpression, ctx: Ctx): boolean {
  let health = false;
  for (const a of n.arguments) {
    const u = unwrap(a as Node);
    if (u.type === T.ObjectExpression && u.properties.some((p) => p.type === T.Property && propertyName(p) === 'body')) return false;
    const text = u.type === T.TemplateLiteral ? u.quasis[u.quasis.length - 1]?.value.cooked : (stringValue(u) ?? (u.type === T.Identifier ? staticText(u, ctx) : undefined));
    if (typeof text === 'string' && HEALTH_PATH_RE.test(text)) health = true;
  }
  return health;
}

function staticText(n: Node, ctx: Ctx): string | undefined {
  try {
    const v = ASTUtils.getStaticValue(n as TSESTree.Node, ctx.sourceCode.getScope(n));
    return typeof v?.value === 'string' ? v.value : undefined;
  } catch {
    return undefined;
  }
}

/** A GET or HEAD request: it reads. */
function isReadRequest(n: Node, ctx: Ctx): boolean {
  if (n.type !== T.CallExpression) return false;
  const h = describeHttpCall(ctx.sourceCode, n, ctx.settings);
  return !!h && (h.method === 'GET' || h.method === 'HEAD');
}

/**
 * A read request whose answer is dropped and that still checks something: its client rejects 4xx
 * and 5xx answers (axios, got, ky), or the answer is handed to a callback (`http.get(url, cb)`),
 * which runs only when the server answered. A dropped `fetch` checks nothing (it resolves on a 500
 * too): what it is for cannot be seen, so it is not taken for a look.
 */
function isCheckingRead(n: Node, ctx: Ctx): boolean {
  if (n.type !== T.CallExpression || !isReadRequest(n, ctx)) return false;
  const h = describeHttpCall(ctx.sourceCode, n, ctx.settings)!;
  return rejectsErrorStatuses(ctx.sourceCode, h) || n.arguments.some((a) => isFunction(unwrap(a)));
}

/** Options of {@link isProbeRegion}. */
export interface ProbeRegionOptions {
  /** A variable declared outside the region that the attempt may write (the loop's own counter). */
  mayWrite?: (v: Variable) => boolean;
  /** The function whose calls inside the region schedule or run the next look (recursion). */
  self?: Node;
  /** Nesting of same-file probe helpers already entered. */
  depth?: number;
  /**
   * A read helper is judged: it may hand back what its read answered (`return { status: res.status,
   * body: await res.text() }`); the caller's use of that answer decides whether the call is a look.
   */
  answers?: boolean;
}

/** The state of one judgement: what the region made and must keep to itself. */
interface Judgement {
  ctx: Ctx;
  root: Node;
  opts: ProbeRegionOptions;
  /** Probe actions seen (a dropped read, a read request, a resource opened and given back). */
  looks: number;
  bad: boolean;
  /** Variables holding a resource the region made or opened: used only to open, set up, listen to and release it. */
  resources: Set<Variable>;
  /** Variables holding what a read yielded (a response): read for its status at most. */
  results: Set<Variable>;
  /** The `resolve`/`reject` of a promise the region is wrapped in. */
  settlers: Set<Variable>;
}

/**
 * Whether the statements of `root` (a loop body) are one look at a dependency
 * (see the file comment): a readiness probe whose re-runs are polling, not a retry.
 */
export function isProbeRegion(root: Node, ctx: Ctx, opts: ProbeRegionOptions = {}): boolean {
  const j: Judgement = { ctx, root, opts, looks: 0, bad: false, resources: new Set(), results: new Set(), settlers: new Set() };
  statement(root, j);
  return verdict(j);
}

/**
 * The end of a judgement: nothing bad seen, every resource and result kept to itself, and the
 * promise the look is wrapped in resolved only by calls (`resolve()`, `resolve(true)`), not handed
 * on as a callback that would resolve it with what the look made (`https.get(url, resolve)`).
 */
function verdict(j: Judgement): boolean {
  if (j.bad) return false;
  for (const v of j.resources) if (!confinedResource(v, j.ctx)) return false;
  for (const v of j.results) if (!confinedResult(v, j.ctx)) return false;
  for (const v of j.settlers) {
    const resolves = v.defs[0]?.name.parent && isFunction(v.defs[0].name.parent) && v.defs[0].name.parent.params[0] === v.defs[0].name;
    if (resolves && v.references.some((r) => r.identifier.parent?.type !== T.CallExpression || (r.identifier.parent as TSESTree.CallExpression).callee !== r.identifier)) return false;
  }
  return j.looks > 0;
}

/** Whether a same-file function is a probe: its body ({@link isProbeRegion}) is one look. */
export function isProbeFunction(fn: Node, ctx: Ctx, depth = 0): boolean {
  if (!isFunction(fn) || depth > 2) return false;
  const j: Judgement = { ctx, root: fn, opts: { self: fn, depth }, looks: 0, bad: false, resources: new Set(), results: new Set(), settlers: new Set() };
  if (fn.body.type === T.BlockStatement) statement(fn.body, j);
  else expressionStatement(fn.body, j);
  return verdict(j);
}

/**
 * A variable that holds a resource made by a call or `new` and is only opened, set up, listened to
 * for its life events and released (at least once), nowhere in the file used for anything else.
 */
export function confinedResource(v: Variable, ctx: Ctx): boolean {
  const def = v.defs[0];
  if (!def || def.type !== 'Variable' || v.defs.length !== 1) return false;
  let init = unwrap(def.node.init);
  if (init?.type === T.AwaitExpression) init = unwrap(init.argument);
  if (init?.type !== T.CallExpression && init?.type !== T.NewExpression) return false;
  let released = false;
  for (const r of v.references) {
    if (r.init) continue;
    if (r.isWrite()) return false;
    const id = r.identifier;
    const m = id.parent;
    if (m?.type !== T.MemberExpression || m.object !== id || m.parent?.type !== T.CallExpression || m.parent.callee !== m) return false;
    const call = m.parent;
    const name = propertyName(m) ?? '';
    if (RELEASE_RE.test(name)) {
      // `req.end(body)`, `sock.end(chunk)`: the last write, then the release.
      if (name === 'end' && call.arguments.some((a) => !isFunction(unwrap(a)))) return false;
      released = true;
    } else if (LISTEN_RE.test(name)) {
      const evt = stringValue(call.arguments[0]);
      if (evt === undefined || !LIFECYCLE_EVENT_RE.test(evt)) return false;
    } else if (!OPEN_CHECK_RE.test(name) && !SETUP_RE.test(name) && !isProbeRead(call, ctx)) return false;
    // A server made with a request handler (`createServer((req, res) => …)`) serves once it listens:
    // listening opens it for work, not for a look at the port.
    else if (name === 'listen' && init.arguments.some((a) => isFunction(unwrap(a)))) return false;
  }
  return released;
}

/** A variable holding a read's answer (a response) that is only asked whether it answered (`ok`, `status`) or drained. */
function confinedResult(v: Variable, ctx: Ctx): boolean {
  void ctx;
  for (const r of v.references) {
    if (r.init) continue;
    if (r.isWrite()) return false;
    const id = r.identifier;
    // `new Error((await res.text()) || …)`, `log.warn(res.statusText)`: what the answer said, kept for the report.
    if (inReport(id)) continue;
    const m = id.parent;
    if (m?.type === T.MemberExpression && m.object === id) {
      const name = propertyName(m) ?? '';
      if (STATUS_PROP_RE.test(name) && !(m.parent?.type === T.CallExpression && m.parent.callee === m)) continue;
      // `if (!hello.isWritablePrimary) throw …`, `if (res.data.ready) return`: a field of the answer only tested.
      if (!(m.parent?.type === T.CallExpression && m.parent.callee === m) && inTest(outermostMember(m))) continue;
      if ((DRAIN_RE.test(name) || RELEASE_RE.test(name) || SETUP_RE.test(name)) && m.parent?.type === T.CallExpression && m.parent.callee === m) continue;
      // `req.on('error', reject)`: a listener for the request's life (failed, timed out), not its data.
      if (LISTEN_RE.test(name) && m.parent?.type === T.CallExpression && m.parent.callee === m && LIFECYCLE_EVENT_RE.test(stringValue(m.parent.arguments[0]) ?? '')) continue;
      return false;
    }
    // `if (res)`, `if (!ok)`: only whether there was an answer.
    if (!inTest(id)) return false;
  }
  return true;
}

/** Whether a node sits in the arguments of a new error object or a log call, within its statement. */
function inReport(n: Node): boolean {
  for (let c: Node = n, p: Node | undefined = n.parent; p && !isFunction(p) && !/Statement$|Declaration$/.test(p.type); c = p, p = p.parent) {
    if (p.type === T.NewExpression && p.arguments.includes(c as TSESTree.CallExpressionArgument)) {
      const callee = unwrap(p.callee);
      if (callee.type === T.Identifier && /Error$/.test(callee.name)) return true;
    }
    if (p.type === T.CallExpression && p.arguments.includes(c as TSESTree.CallExpressionArgument) && isLogCallee(unwrap(p.callee))) return true;
  }
  return false;
}

/** The outermost member read of a chain starting at `m` (`res.data.ready` for `res.data`), not crossing a call. */
function outermostMember(m: Node): Node {
  let n = m;
  while (n.parent?.type === T.MemberExpression && n.parent.object === n) n = n.parent;
  return n;
}

/** Whether `id` is read only as (part of) a condition: an `if`/loop/conditional test, through `!`, `&&`, `||`, comparisons. */
function inTest(id: Node): boolean {
  let c: Node = id;
  let p = id.parent;
  while (p && (p.type === T.UnaryExpression || p.type === T.LogicalExpression || p.type === T.BinaryExpression || p.type === T.ChainExpression)) {
    c = p;
    p = p.parent;
  }
  if (!p) return false;
  return ((p.type === T.IfStatement || p.type === T.WhileStatement || p.type === T.DoWhileStatement || p.type === T.ConditionalExpression || p.type === T.ForStatement) && (p as { test?: Node | null }).test === c);
}

function statement(s: Node, j: Judgement): void {
  if (j.bad) return;
  switch (s.type) {
    case T.BlockStatement:
      for (const st of s.body) statement(st, j);
      return;
    case T.ExpressionStatement:
      expressionStatement(s.expression, j);
      return;
    case T.VariableDeclaration:
      for (const d of s.declarations) declarator(d, j);
      return;
    case T.ReturnStatement:
      if (!s.argument) return;
      returned(s.argument, j);
      return;
    case T.IfStatement:
      testLook(s.test, j);
      statement(s.consequent, j);
      if (s.alternate) statement(s.alternate, j);
      return;
    case T.TryStatement:
      // The catch is the failure path: it runs only when the look failed, and is not part of it.
      statement(s.block, j);
      if (s.finalizer) statement(s.finalizer, j);
      return;
    case T.BreakStatement:
    case T.ContinueStatement:
    case T.ThrowStatement:
    case T.EmptyStatement:
      return;
    default:
      j.bad = true;
  }
}

/**
 * The test of an `if` that awaits a look (`if (await portAnswers(host, port))`, `if (!(await
 * healthy(url)))`): the answer is read only as a yes or no. A test that awaits anything else is
 * work; one that awaits nothing is only a condition.
 */
function testLook(test: Node, j: Judgement): void {
  let t = unwrap(test);
  while (t.type === T.UnaryExpression && t.operator === '!') t = unwrap(t.argument);
  if (t.type === T.AwaitExpression) {
    const a = unwrap(t.argument);
    if (a.type !== T.CallExpression || !lookCall(a, j)) j.bad = true;
    return;
  }
  if (hasCallOrAwait(t, j, true)) j.bad = true;
}

/** A constant, nothing, or the next look (`return again(url)`), or a promise wrapping the look. */
function returned(arg: Node, j: Judgement): void {
  let a = unwrap(arg);
  if (a.type === T.AwaitExpression) a = unwrap(a.argument);
  if (a.type === T.Literal || (a.type === T.Identifier && a.name === 'undefined')) return;
  // `return { status: 'ready' }`: an object of literals is a constant too.
  if (a.type === T.ObjectExpression && a.properties.every((p) => p.type === T.Property && !p.computed && unwrap(p.value as Node).type === T.Literal)) return;
  // A value the look did not make (`return address`, declared before the wait began): what the
  // caller gets is known before the dependency answered, like a constant.
  if (a.type === T.Identifier) {
    const v = variableOf(j.ctx.sourceCode, a);
    const decl = v?.defs[0]?.name;
    if (v && decl && !contains(j.root, decl) && !j.results.has(v) && !j.resources.has(v) && v.references.every((r) => r.init || !r.isWrite())) return;
  }
  if (a.type === T.CallExpression && isSelfCall(a, j)) return;
  // `return res.ok`, `return res.status === 200`: whether the dependency answered, nothing it made.
  if (answeredOnly(a, j)) return;
  // A read helper hands back its answer (`return res`, `return { status: res.status, body: await res.text() }`).
  if (j.opts.answers && madeOfResults(a, j)) return;
  if (a.type === T.NewExpression && unwrap(a.callee).type === T.Identifier && (unwrap(a.callee) as TSESTree.Identifier).name === 'Promise') {
    promiseExecutor(a, j);
    return;
  }
  // `return portAnswers(port)`: a same-file probe, whose promise settles with nothing it made. A read
  // handed back (`return await fetch(url)`) is the answer itself.
  if (a.type === T.CallExpression && sameFileProbe(a, j)) {
    j.looks++;
    return;
  }
  j.bad = true;
}

/**
 * Whether an expression is only a yes or no on whether a request was answered well: reads of an
 * answer's status (`res.ok`, `res.status`, `res.statusCode` of an object `isAnswer` accepts),
 * literals, comparisons and `!`/`&&`/`||` (`res.ok`, `res.status === 200`, `!r.ok`).
 */
export function isAnswerStatus(expr: Node, sourceCode: TSESLint.SourceCode, isAnswer: (object: Node) => boolean): boolean {
  let status = 0;
  let other = false;
  walk(unwrap(expr), sourceCode.visitorKeys, (n) => {
    if (other) return false;
    if (n.type === T.BinaryExpression || n.type === T.LogicalExpression || n.type === T.Literal) return undefined;
    if (n.type === T.UnaryExpression && n.operator === '!') return undefined;
    if (n.type === T.MemberExpression && !n.computed && STATUS_PROP_RE.test(propertyName(n) ?? '') && isAnswer(unwrap(n.object))) {
      status++;
      return false;
    }
    other = true;
    return false;
  });
  return !other && status > 0;
}

/** `return res.ok` in a look: the status of a variable holding what the look's read answered. */
function answeredOnly(a: Node, j: Judgement): boolean {
  return isAnswerStatus(a, j.ctx.sourceCode, (o) => {
    const v = o.type === T.Identifier ? variableOf(j.ctx.sourceCode, o) : undefined;
    return !!v && j.results.has(v);
  });
}

/** `new Promise((resolve, reject) => { …one look… })`: the executor is the look. */
function promiseExecutor(a: TSESTree.NewExpression, j: Judgement): void {
  const exec = a.arguments[0] && unwrap(a.arguments[0]);
  if (!exec || !isFunction(exec)) {
    j.bad = true;
    return;
  }
  for (const p of exec.params) if (p.type === T.Identifier) {
    const v = variableOf(j.ctx.sourceCode, p);
    if (v) j.settlers.add(v);
  }
  if (exec.body.type === T.BlockStatement) statement(exec.body, j);
  else expressionStatement(exec.body, j);
}

function declarator(d: TSESTree.VariableDeclarator, j: Judgement): void {
  if (!d.init) return;
  let init = unwrap(d.init);
  if (init.type === T.AwaitExpression) init = unwrap(init.argument);
  const v = d.id.type === T.Identifier ? variableOf(j.ctx.sourceCode, d.id) : undefined;
  if (init.type === T.CallExpression || init.type === T.NewExpression || init.type === T.TaggedTemplateExpression) {
    if (!v) {
      j.bad = true;
      return;
    }
    if (init.type === T.NewExpression && unwrap(init.callee).type === T.Identifier && (unwrap(init.callee) as TSESTree.Identifier).name === 'Promise') {
      // `const ok = await new Promise(…)`: what the look settles with is a result.
      promiseExecutor(init, j);
      j.results.add(v);
      return;
    }
    // `await asyncResult(spawn('ctl', ['list']))`, `await to(ping())`: an imported wrapper handed the
    // look's promise only turns its outcome into a value (a Result, an `[err, value]` pair).
    const inner = init.type === T.CallExpression && init.arguments.length === 1 && unwrap(init.arguments[0] as Node).type === T.CallExpression && !sameFileFunction(init.callee, j.ctx) && !describeHttpCall(j.ctx.sourceCode, init, j.ctx.settings) ? (unwrap(init.arguments[0] as Node) as TSESTree.CallExpression) : undefined;
    if (inner && (isReadRequest(inner, j.ctx) || isProbeRead(inner, j.ctx))) {
      j.looks++;
      j.results.add(v);
      return;
    }
    // `const box = await describe(id)`, `const s = await client.getStatus()`: a call that only asks,
    // its answer kept as a result (read in tests at most, see confinedResult).
    const asks = init.type === T.CallExpression && ASKING_CALL_RE.test(calleeName(init) ?? '') && !ASKING_EFFECT_WORD_RE.test(calleeName(init) ?? '') && !describeHttpCall(j.ctx.sourceCode, init, j.ctx.settings);
    if (init.type !== T.TaggedTemplateExpression && (asks || isReadRequest(init, j.ctx) || isProbeRead(init, j.ctx) || sameFileProbe(init, j) || (!j.opts.answers && sameFileRead(init, j)))) {
      j.looks++;
      j.results.add(v);
      callbacksAreResults(init, j);
      return;
    }
    // A resource made here: it must only be opened and given back (checked at the end). A request
    // that is not a read (`https.request({ method: 'POST' })`) is work, whatever is done with it.
    if (init.type === T.CallExpression && describeHttpCall(j.ctx.sourceCode, init, j.ctx.settings)) {
      j.bad = true;
      return;
    }
    if (init.type !== T.TaggedTemplateExpression) {
      j.resources.add(v);
      j.looks++;
      return;
    }
    j.bad = true;
    return;
  }
  // A value computed from what is at hand (`const until = Date.now() + ms`), awaiting nothing.
  if (hasCallOrAwait(init, j, true)) j.bad = true;
}

/**
 * Whether `n` awaits, or (unless `callsAllowed`) calls anything but the clock or `Math`, outside
 * nested functions: work of its own rather than a value computed from what is at hand.
 */
function hasCallOrAwait(n: Node, j: Judgement, callsAllowed = false): boolean {
  let found = false;
  walk(n, j.ctx.sourceCode.visitorKeys, (m) => {
    if (found || isFunction(m)) return false;
    if (m.type === T.AwaitExpression) found = true;
    if (!callsAllowed && m.type === T.CallExpression) {
      const c = unwrap(m.callee);
      const o = c.type === T.MemberExpression ? unwrap(c.object) : undefined;
      if (!(o?.type === T.Identifier && (o.name === 'Date' || o.name === 'Math'))) found = true;
    }
    return undefined;
  });
  return found;
}

/** The first parameter of each function argument of a read (`http.get(url, (res) => …)`) holds its answer. */
function callbacksAreResults(call: Node, j: Judgement): void {
  if (call.type !== T.CallExpression) return;
  for (const a of call.arguments) {
    const f = unwrap(a);
    if (isFunction(f) && f.params[0]?.type === T.Identifier) {
      const v = variableOf(j.ctx.sourceCode, f.params[0]);
      if (v) j.results.add(v);
    }
  }
}

/**
 * Whether the failure handlers of a chain (`.then(ok, onFail)`, a `.catch` after it) only log, wait
 * and schedule the next look: a failure path that corrects something first (renews a token, switches
 * host) re-sends a request that does work, not a look.
 */
function onlyLooksAgain(then: TSESTree.CallExpression, j: Judgement): boolean {
  const handlers: Node[] = [];
  if (then.arguments[1]) handlers.push(unwrap(then.arguments[1]));
  const outer = then.parent;
  if (outer?.type === T.MemberExpression && outer.object === then && propertyName(outer) === 'catch' && outer.parent?.type === T.CallExpression && outer.parent.arguments[0]) handlers.push(unwrap(outer.parent.arguments[0]));
  const sc = j.ctx.sourceCode;
  return handlers.every((h) => {
    if (!isFunction(h)) return false;
    let ok = true;
    walk(h.body, sc.visitorKeys, (n) => {
      if (!ok) return false;
      if (n.type !== T.CallExpression) return undefined;
      const c = unwrap(n.callee);
      // `look.bind()`: the next look, bound, not run.
      const bound = c.type === T.MemberExpression && propertyName(c) === 'bind' && unwrap(c.object).type === T.Identifier;
      if (!(bound || isLogCallee(c) || isGlobalTimer(sc, n) || asWait(n, sc, j.ctx.settings) || isSelfCall(n, j))) ok = false;
      return undefined;
    });
    return ok;
  });
}

function isSelfCall(call: TSESTree.CallExpression, j: Judgement): boolean {
  return !!j.opts.self && sameFileFunction(call.callee, j.ctx) === j.opts.self;
}

/**
 * Whether an expression is made only of what the region's reads answered: result variables, their
 * fields and method calls (`res.text()`), literals, objects and arrays of those.
 */
function madeOfResults(a: Node, j: Judgement): boolean {
  let ok = true;
  walk(a, j.ctx.sourceCode.visitorKeys, (n) => {
    if (!ok) return false;
    if (isFunction(n)) {
      ok = false;
      return false;
    }
    if (n.type === T.Identifier) {
      const p = n.parent;
      const named = p && ((p.type === T.MemberExpression && p.property === n && !p.computed) || (p.type === T.Property && p.key === n && !p.computed && p.value !== n));
      if (named) return undefined;
      const v = variableOf(j.ctx.sourceCode, n);
      if (!v || !j.results.has(v)) ok = false;
      return undefined;
    }
    if (n.type === T.CallExpression) {
      const c = unwrap(n.callee);
      if (c.type !== T.MemberExpression) ok = false;
    }
    return undefined;
  });
  return ok;
}

/**
 * A call to a same-file helper that makes one read and hands back its answer (`const res = await
 * call(path, base)` with `call` a `fetch` and `return { status: res.status, … }`): where the caller
 * keeps that answer to itself, the call is a look.
 */
function sameFileRead(call: Node, j: Judgement): boolean {
  if (call.type !== T.CallExpression) return false;
  const fn = sameFileFunction(call.callee, j.ctx);
  if (!fn || fn === j.opts.self || contains(fn, j.root) || !isFunction(fn) || (j.opts.depth ?? 0) > 1) return false;
  const inner: Judgement = { ctx: j.ctx, root: fn, opts: { self: fn, depth: (j.opts.depth ?? 0) + 1, answers: true }, looks: 0, bad: false, resources: new Set(), results: new Set(), settlers: new Set() };
  if (fn.body.type === T.BlockStatement) statement(fn.body, inner);
  else expressionStatement(fn.body, inner);
  if (inner.bad || inner.looks === 0 || inner.resources.size > 0 || inner.settlers.size > 0) return false;
  return true;
}

/** A call to a same-file function whose body is itself a probe. */
function sameFileProbe(call: Node, j: Judgement): boolean {
  if (call.type !== T.CallExpression) return false;
  const fn = sameFileFunction(call.callee, j.ctx);
  if (!fn || fn === j.opts.self || contains(fn, j.root)) return false;
  return isProbeFunction(fn, j.ctx, (j.opts.depth ?? 0) + 1);
}

/**
 * A call that is the look: a read request or probe read (its result dropped), a same-file probe, a
 * promise chain on one (`head(url).then(show).catch(again)`), or a listener on the request
 * (`http.get(url, cb).on('error', again)`). Handlers of the chain run after the look; the first
 * parameter of a fulfilment handler is the answer.
 */
function lookCall(call: TSESTree.CallExpression, j: Judgement): boolean {
  const name = calleeName(call) ?? '';
  const callee = unwrap(call.callee);
  if (callee.type === T.MemberExpression && (name === 'then' || name === 'catch' || name === 'finally' || (LISTEN_RE.test(name) && LIFECYCLE_EVENT_RE.test(stringValue(call.arguments[0]) ?? '')))) {
    const base = unwrap(callee.object);
    // `fetch(u).then(() => start())`: a read whose fulfilment handler drops the answer and goes on
    // with other work gates that work on the dependency answering: a look, though `fetch` resolves
    // on a 500 too (a dropped read with nothing after it may be the work itself: a heartbeat).
    const handler = name === 'then' && call.arguments[0] ? unwrap(call.arguments[0]) : undefined;
    if (base.type === T.CallExpression && handler && isFunction(handler) && handler.params.length === 0 && isReadRequest(base, j.ctx) && !isCheckingRead(base, j.ctx) && onlyLooksAgain(call, j)) {
      j.looks++;
      return true;
    }
    if (base.type !== T.CallExpression || !lookCall(base, j)) return false;
    if (name === 'then') {
      const f = call.arguments[0] && unwrap(call.arguments[0]);
      if (f && isFunction(f) && f.params[0]?.type === T.Identifier) {
        const v = variableOf(j.ctx.sourceCode, f.params[0]);
        if (v) j.results.add(v);
      } else if (f && !isFunction(f)) return false;
    }
    return true;
  }
  if (isCheckingRead(call, j.ctx) || isProbeRead(call, j.ctx) || sameFileProbe(call, j)) {
    j.looks++;
    callbacksAreResults(call, j);
    return true;
  }
  return false;
}

function expressionStatement(expr: Node, j: Judgement): void {
  if (j.bad) return;
  let e = unwrap(expr);
  if (e.type === T.AwaitExpression) e = unwrap(e.argument);
  const sc = j.ctx.sourceCode;
  if (e.type === T.AssignmentExpression || e.type === T.UpdateExpression) {
    const left = unwrap(e.type === T.AssignmentExpression ? e.left : e.argument);
    const v = left.type === T.Identifier ? variableOf(sc, left) : undefined;
    const decl = v?.defs[0]?.name;
    const writable = !!v && ((!!decl && contains(j.root, decl)) || !!j.opts.mayWrite?.(v));
    if (e.type === T.UpdateExpression) {
      if (!writable) j.bad = true;
      return;
    }
    let right = unwrap(e.right);
    if (right.type === T.AwaitExpression) right = unwrap(right.argument);
    // A constant (`ready = true`) or a timer's handle says nothing the look yielded.
    if (v && (right.type === T.Literal || (right.type === T.CallExpression && isGlobalTimer(sc, right)))) return;
    // `waited += 2`: the loop's own tally of time or tries, computed from what is at hand.
    if (!writable && (e.operator === '+=' || e.operator === '-=') && !hasCallOrAwait(right, j)) return;
    // `lastError = err`, `lastError = new Error(`status ${res.status}`)`: the failure kept for the
    // report after the last look, bookkeeping rather than work.
    if (e.operator === '=' && keepsFailure(right, sc)) return;
    if (!writable) {
      j.bad = true;
      return;
    }
    // `up = await isUp(url)`: the look's answer, kept to itself like a declared one.
    if (right.type === T.CallExpression && lookCall(right, j)) {
      j.results.add(v!);
      return;
    }
    if (hasCallOrAwait(right, j)) j.bad = true;
    return;
  }
  if (e.type === T.TaggedTemplateExpression) {
    if (isProbeRead(e, j.ctx)) j.looks++;
    else j.bad = true;
    return;
  }
  if (e.type !== T.CallExpression && e.type !== T.NewExpression) {
    j.bad = true;
    return;
  }
  if (e.type === T.NewExpression) {
    // `await new Promise((resolve, reject) => { …one look… })` as a statement: the same look as
    // when it is returned or assigned; a wait promise is a wait.
    if (asWait(e, sc, j.ctx.settings)) return;
    if (unwrap(e.callee).type === T.Identifier && (unwrap(e.callee) as TSESTree.Identifier).name === 'Promise') promiseExecutor(e, j);
    else j.bad = true;
    return;
  }
  const c = unwrap(e.callee);
  if (lookCall(e, j)) return;
  if (isSelfCall(e, j)) return;
  if (isLogCallee(c) || asWait(e, sc, j.ctx.settings) || isGlobalTimer(sc, e)) return;
  const name = calleeName(e) ?? '';
  if (c.type === T.Identifier && /^clear(Timeout|Interval)$/.test(name)) return;
  if (c.type === T.MemberExpression && name === 'exit') return;
  // `resolve()`, `reject(err)` of the promise the look is wrapped in (what they carry is checked by
  // the resource's and result's confinement).
  if (c.type === T.Identifier) {
    const v = variableOf(sc, c);
    if (v && j.settlers.has(v)) return;
    // …or of a promise whose executor holds the look (`new Promise((resolve, reject) => { function
    // look() { if (proc.exitCode) reject('exited'); … } look() })`).
    if (v && settlesEnclosingPromise(v, j.root)) {
      j.settlers.add(v);
      return;
    }
  }
  // A method of a resource: opening, setting up, listening to its life, releasing (`sock.end()`).
  if (c.type === T.MemberExpression && unwrap(c.object).type === T.Identifier) {
    const v = variableOf(sc, unwrap(c.object) as TSESTree.Identifier);
    if (v && (RELEASE_RE.test(name) || OPEN_CHECK_RE.test(name) || SETUP_RE.test(name) || LISTEN_RE.test(name))) {
      // A read's answer or request (`req.on('error', reject)`): judged as a result, not a resource.
      if (j.results.has(v)) return;
      j.resources.add(v);
      if (OPEN_CHECK_RE.test(name) || RELEASE_RE.test(name)) j.looks++;
      return;
    }
  }
  // `await c.end().catch(() => {})`: a release whose failure is ignored.
  if (c.type === T.MemberExpression && name === 'catch') {
    const base = unwrap(c.object);
    if (base.type === T.CallExpression) {
      const bc = unwrap(base.callee);
      if (bc.type === T.MemberExpression && unwrap(bc.object).type === T.Identifier && RELEASE_RE.test(propertyName(bc) ?? '')) {
        const v = variableOf(sc, unwrap(bc.object) as TSESTree.Identifier);
        if (v) j.resources.add(v);
        return;
      }
    }
  }
  j.bad = true;
}

/** Whether a variable is a parameter of a `new Promise(executor)` executor that contains `root`. */
function settlesEnclosingPromise(v: Variable, root: Node): boolean {
  const def = v.defs[0];
  if (!def || def.type !== 'Parameter') return false;
  const executor = def.node as Node;
  const p = executor.parent;
  return isFunction(executor) && p?.type === T.NewExpression && p.arguments[0] === executor && unwrap(p.callee).type === T.Identifier && (unwrap(p.callee) as TSESTree.Identifier).name === 'Promise' && executor !== root && contains(executor, root);
}

/**
 * Whether the region (a loop body, a function) tests an answer for one of the device-flow "not yet"
 * codes ({@link PENDING_ANSWER_CODES}: `data.error === 'authorization_pending'`, `case 'slow_down':`)
 * or a not-yet text, or throws an error saying the work is not done yet ({@link throwsNotYet}):
 * it asks again until a person approves, success path included (RFC 8628 §3.4), which is polling
 * (PRODUCT, "Retry or not"), not a retry.
 */
export function waitsOnPendingAnswer(region: Node, ctx: Pick<Ctx, 'sourceCode'>): boolean {
  return pendingAnswerTests(ctx).some((n) => n.range[0] >= region.range[0] && n.range[1] <= region.range[1]);
}

const pendingTestsOfFile = fileMemo<Node, Node[]>();

/**
 * A `throw new Error('No token found yet')` (or a call building the error) whose message says the
 * work is not done yet ({@link PENDING_ANSWER_RE}; a template's fixed parts are read).
 */
export function throwsNotYet(n: Node): boolean {
  if (n.type !== T.ThrowStatement) return false;
  const arg = unwrap(n.argument);
  const msg = arg?.type === T.NewExpression || arg?.type === T.CallExpression ? unwrap(arg.arguments[0] as Node | undefined) : undefined;
  if (!msg) return false;
  const text = msg.type === T.TemplateLiteral ? msg.quasis.map((q) => q.value.cooked ?? '').join(' ') : stringValue(msg);
  return text !== undefined && PENDING_ANSWER_RE.test(text);
}

/** The file's tests of an answer against a device-flow "not yet" code, found once per file (each loop asks by range). */
function pendingAnswerTests(ctx: Pick<Ctx, 'sourceCode'>): Node[] {
  const program = ctx.sourceCode.ast as Node;
  const hit = pendingTestsOfFile.get(program);
  if (hit) return hit;
  const out: Node[] = [];
  const pending = (n: Node | null | undefined): boolean => {
    const text = n ? stringValue(unwrap(n)) : undefined;
    return text !== undefined && (PENDING_ANSWER_CODES.has(text) || PENDING_ANSWER_RE.test(text));
  };
  const pendingTest = (n: Node): boolean =>
    (n.type === T.BinaryExpression && (n.operator === '===' || n.operator === '==') && (pending(n.left as Node) || pending(n.right))) ||
    (n.type === T.CallExpression && /^(includes|startsWith|endsWith|test)$/.test(calleeName(n) ?? '') && pending(n.arguments[0] as Node | undefined));
  // `err === 'not established yet' || err === 'timed out' || err.status === 401`: the branch is taken
  // for failures too, so it does not wait on the answer alone.
  const aloneInItsOr = (n: Node): boolean => {
    let top: Node = n;
    while (top.parent?.type === T.LogicalExpression && top.parent.operator === '||') top = top.parent;
    const leaves: Node[] = [];
    const flat = (x: Node): void => {
      const u = unwrap(x);
      if (u.type === T.LogicalExpression && u.operator === '||') (flat(u.left), flat(u.right));
      else leaves.push(u);
    };
    flat(top);
    return leaves.every(pendingTest);
  };
  walk(program, ctx.sourceCode.visitorKeys, (n) => {
    // `err.message.includes('still in progress')` as well as `data.error === 'authorization_pending'`
    if (pendingTest(n) && aloneInItsOr(n)) out.push(n);
    if (n.type === T.SwitchCase && pending(n.test)) out.push(n);
    // `if (!job.url) throw new Error('export not finished yet')`: the attempt fails on purpose until the work is done.
    if (throwsNotYet(n)) out.push(n);
    return undefined;
  });
  pendingTestsOfFile.set(program, out);
  return out;
}
