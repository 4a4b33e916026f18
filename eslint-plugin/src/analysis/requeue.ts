// Retries through a job queue or a scheduler: a failure path of the work puts the same work back,
// to run again after a delay.
//
//   async function deliver(id) {
//     const hook = await Deliveries.find(id);
//     try { await fetch(hook.url, { method: 'POST', body }); }
//     catch (err) { await queue.add('deliver', { id: hook.id }, { delay: 60_000 }); }
//   }
//
// PRODUCT: code that re-runs an operation after it failed, with the same input, is a retry; the
// re-run here goes through the queue's store instead of a call. The job store keeps the delayed job
// (BullMQ, pg-boss, Agenda, SQS), so Node's timer limit does not apply to its wait.
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { alwaysExits, calleeName, contains, enclosingFunction, isFunction, propertyName, unwrap, walk } from './ast';
import { sameFileFunction, type AttemptVar } from './delay';
import { readsVariable } from './input-change';
import { fileIndex } from './file-index';
import { guarded } from './guard';
import { T } from './node-types';
import { analyzeOperation, okCheck, statusesTested, type Ctx, type RetryCatch } from './operation';
import { constantNumber, resolveObject, staticValues, variableOf } from './scope';
import type { AttemptBound, Node, RetrySite } from './types';
import { asWait, isAwaited, waitOf, type WaitCall } from './waits';

type Variable = TSESLint.Scope.Variable;
type Fn = TSESTree.FunctionLike;

/** Methods that hand a job to a queue or a scheduler (BullMQ/Bull `add`, pg-boss `send`, Agenda `schedule`, `enqueue`, `publish`). */
const ENQUEUE_METHOD_RE = /^(add|send|schedule|enqueue|publish|dispatch|requeue|push)$/;

/**
 * Methods that hand the received message itself back for another delivery (Cloudflare Queues
 * `message.retry({ delaySeconds })` and `batch.retryAll(…)`, a broker's `nack`): the message is the
 * input, and the platform's delivery limit (Cloudflare `max_retries`, default 3; a dead-letter
 * queue's receive count) is set outside the code.
 */
const REDELIVER_METHOD_RE = /^(retry|retryAll|nack)$/;

/**
 * Job options that hold the job back for a time (BullMQ/Bull `delay` in ms, pg-boss `startAfter` in
 * seconds or a date, SQS `DelaySeconds`, Celery-style `countdown` in seconds, `runAt`/`notBefore` dates).
 */
const DELAY_OPTION_RE = /^(delay|delayMs|startAfter|DelaySeconds|delaySeconds|countdown|runAt|notBefore|scheduledFor)$/;

/**
 * The re-queue retries of the file: one site per enqueue call that, on a failure path of the work
 * (a catch, or a branch taken on a failed answer, in the work's function or in a same-file helper
 * those paths call), puts a job carrying the work's own input back with a delay.
 */
export function analyzeRequeues(ctx: Ctx): RetrySite[] {
  const sites: RetrySite[] = [];
  for (const call of fileIndex(ctx.sourceCode).calls) {
    const callee = unwrap(call.callee);
    if (callee.type !== T.MemberExpression || !(ENQUEUE_METHOD_RE.test(propertyName(callee) ?? '') || REDELIVER_METHOD_RE.test(propertyName(callee) ?? ''))) continue;
    const site = guarded(call, () => requeueSite(call, ctx));
    if (site) sites.push(site);
  }
  return sites;
}

function requeueSite(call: TSESTree.CallExpression, ctx: Ctx): RetrySite | undefined {
  const { sourceCode } = ctx;
  const delay = delayOption(call, ctx);
  const nack = brokerNack(call);
  if (nack === 'dead-letter') return undefined;
  // With no delay: only a message sent back to the topic this file's consumer reads is the same work
  // again (a dead-letter or next-stage topic is not), or a message a broker is told to redeliver.
  if (!delay && !toConsumedTopic(call, ctx) && !nack) return undefined;
  const helper = enclosingFunction(call);
  if (!helper) return undefined;
  // The failure paths that reach the enqueue: the helper's own catch, or its callers' failure paths.
  const paths: { work: Fn; at: Node }[] = [];
  if (onFailurePath(call, helper, sourceCode)) paths.push({ work: helper, at: call });
  else {
    for (const c of fileIndex(sourceCode).calls) {
      if (sameFileFunction(c.callee, ctx) !== helper) continue;
      const work = enclosingFunction(c);
      if (work && work !== helper && onFailurePath(c, work, sourceCode)) paths.push({ work, at: c });
    }
  }
  if (paths.length === 0) return undefined;
  const work = paths[0]!.work;
  if (paths.some((p) => p.work !== work)) return undefined;
  // The job carries the work's own input (its parameter, or what the work looked up with it).
  const inputs = inputVariables(work, sourceCode);
  if (helper !== work) {
    for (const p of paths) bindHelperInputs(helper, p.at as TSESTree.CallExpression, inputs, sourceCode);
  }
  const callee = unwrap(call.callee) as TSESTree.MemberExpression;
  const redelivers = REDELIVER_METHOD_RE.test(propertyName(callee) ?? '');
  // What goes back: the job's data, or for a redelivery the message it is called on.
  const data = nack === 'channel' ? [call.arguments[0] as Node] : redelivers ? [callee.object as Node] : call.arguments.filter((a) => a !== delay?.options && a.type !== T.SpreadElement && !(a.type === T.Literal && typeof a.value === 'string'));
  if (data.length === 0 || !data.some((a) => readsVariable(a, inputs, { sourceCode }))) return undefined;

  const counted = boundOf(call, helper, work, paths.map((p) => p.at), sourceCode);
  // A redelivery with no limit in the code is bounded by the platform's, set out of sight.
  const bound = redelivers && counted.bound.kind === 'unbounded' ? { ...counted, bound: { ...counted.bound, kind: 'unknown' as const } } : counted;
  // The count the limit is tested on numbers the attempts, whatever it is called (`delayAfter(attempt)`).
  const attempts: AttemptVar[] = bound.counter ? [{ variable: bound.counter, lo: 1, hi: bound.bound.maxAttempts ?? Infinity }] : [];
  const wait = delay ? waitOf({ call, delayExpr: delay.value, bindings: [], argument: undefined, opaque: false }, sourceCode, attempts, undefined, { node: work }) : undefined;
  if (wait && delay?.seconds) wait.delay = { ...wait.delay, maxMs: wait.delay.maxMs * 1000 };
  // A nack the broker acts on at once: the wait is one the failure path takes before it
  // (`await sleep(5000); ch.nack(msg)`), in process.
  const before = !delay && nack ? waitsBefore(call, work, ctx).map((w) => waitOf(w, sourceCode, attempts, undefined, { node: work })) : [];
  // The catches of the work let it go on to the re-queue; the operation is the work's body.
  const catches: RetryCatch[] = [];
  walk(work.body as Node, sourceCode.visitorKeys, (n) => {
    if (n !== work.body && isFunction(n)) return false;
    if (n.type === T.TryStatement && n.handler) catches.push({ node: n.handler, param: n.handler.param?.type === T.Identifier ? n.handler.param : undefined, body: n.handler.body, guarded: n.block });
    return undefined;
  });
  const op = analyzeOperation(work.body as Node, catches, ctx, (ifStmt) => paths.some((p) => contains(ifStmt.consequent, p.at)));
  return {
    kind: 'requeue',
    node: call,
    ...(before.length > 0 ? {} : { waitsKeptBy: 'store' as const }),
    bound: bound.bound,
    waits: wait ? [{ ...wait, node: call }] : before,
    noWait: wait || before.length > 0 ? undefined : call,
    nonIdempotent: op.nonIdempotent,
    rateLimitChecks: op.rateLimitChecks,
    honoursRetryAfter: op.honoursRetryAfter,
    clientErrorRetries: [],
    purpose: 'backoff-retry',
  };
}

/**
 * A broker's negative acknowledgement that puts the message back on its queue: amqplib
 * `channel.nack(message, allUpTo = false, requeue = true)`, amqp-ts / rhea-style `message.nack(allUpTo,
 * requeue = true)`. The broker redelivers it at once (to this consumer or another), with no delay of
 * its own; on a classic queue, with no limit. 'channel' or 'message' by where it is called, and
 * 'dead-letter' when `requeue` is `false` (the message is dropped or dead-lettered, not retried).
 */
function brokerNack(call: TSESTree.CallExpression): 'channel' | 'message' | 'dead-letter' | undefined {
  if (calleeName(call) !== 'nack') return undefined;
  const onChannel = call.arguments.length > 0 && call.arguments[0]!.type !== T.SpreadElement && unwrap(call.arguments[0]!).type !== T.Literal;
  const requeue = call.arguments[onChannel ? 2 : 1];
  if (requeue && requeue.type !== T.SpreadElement && unwrap(requeue).type === T.Literal && (unwrap(requeue) as TSESTree.Literal).value === false) return 'dead-letter';
  return onChannel ? 'channel' : 'message';
}

/** Waits awaited on the failure path before `call`, in the same catch clause or branch (`await sleep(5000); ch.nack(msg)`). */
function waitsBefore(call: Node, work: Fn, ctx: Ctx): WaitCall[] {
  let scope: Node | undefined = call.parent;
  while (scope && scope !== work && scope.type !== T.CatchClause && scope.type !== T.IfStatement) scope = scope.parent;
  if (!scope || scope === work) return [];
  const out: WaitCall[] = [];
  walk(scope, ctx.sourceCode.visitorKeys, (n) => {
    if (isFunction(n)) return false;
    if ((n.type === T.CallExpression || n.type === T.NewExpression) && n.range[1] <= call.range[0]) {
      const w = asWait(n, ctx.sourceCode, ctx.settings);
      if (w && isAwaited(n, ctx.sourceCode)) {
        out.push(w);
        return false;
      }
    }
    return undefined;
  });
  return out;
}

/**
 * Whether a send goes to a topic a consumer of this file subscribes to: kafkajs `producer.send({ topic,
 * messages })` with `consumer.subscribe({ topic })` or `{ topics: [...] }` naming the same topic (its
 * value, or the same expression).
 */
function toConsumedTopic(call: TSESTree.CallExpression, ctx: Ctx): boolean {
  if (calleeName(call) !== 'send') return false;
  const arg = call.arguments[0];
  const obj = arg && arg.type !== T.SpreadElement ? resolveObject(ctx.sourceCode, arg) : undefined;
  const topic = obj?.properties.get('topic')?.value;
  if (!topic) return false;
  const key = (n: Node): string => {
    const v = staticValues(ctx.sourceCode, n);
    return v && v.length === 1 ? `=${String(v[0])}` : ctx.sourceCode.getText(n);
  };
  const wanted = key(topic);
  return fileIndex(ctx.sourceCode).calls.some((c) => {
    if (calleeName(c) !== 'subscribe' || !c.arguments[0] || c.arguments[0].type === T.SpreadElement) return false;
    const sub = resolveObject(ctx.sourceCode, c.arguments[0]);
    const one = sub?.properties.get('topic')?.value;
    const many = sub?.properties.get('topics')?.value;
    const list = many && unwrap(many).type === T.ArrayExpression ? (unwrap(many) as TSESTree.ArrayExpression).elements : [];
    return (one !== undefined && key(one) === wanted) || list.some((e) => !!e && e.type !== T.SpreadElement && key(e) === wanted);
  });
}

/** The delay a job is held back by: a delay option in an options object argument (resolved through consts). */
function delayOption(call: TSESTree.CallExpression, ctx: Ctx): { options: Node; value: Node; seconds: boolean } | undefined {
  for (const a of call.arguments) {
    if (a.type === T.SpreadElement) continue;
    const obj = resolveObject(ctx.sourceCode, a);
    if (!obj) continue;
    for (const [name, prop] of obj.properties) {
      if (DELAY_OPTION_RE.test(name)) return { options: a, value: prop.value, seconds: /seconds|countdown|^startAfter$/i.test(name) && !isDateValue(prop.value) };
    }
  }
  return undefined;
}

/** A date, not a number of seconds (`new Date(…)`, `addMinutes(now, 5)`): pg-boss' `startAfter` takes both. */
function isDateValue(n: Node): boolean {
  const u = unwrap(n);
  return u.type === T.NewExpression || (u.type === T.Literal && typeof u.value === 'string');
}

/**
 * Whether `n` runs only after the work failed: inside a catch clause of `work`, or in a branch taken
 * on a failed answer (`if (!res.ok)`, `if (res.status === 429)`, `else` of `if (res.ok)`).
 */
export function onFailurePath(n: Node, work: Fn, sourceCode: TSESLint.SourceCode): boolean {
  for (let child: Node = n, p: Node | undefined = n.parent; p && p !== work; child = p, p = p.parent) {
    if (isFunction(p)) return false;
    if (p.type === T.CatchClause) return true;
    if (p.type === T.IfStatement) {
      const ok = okCheck(p.test, sourceCode);
      if (child === p.consequent && (ok === 'failure' || statusesTested(p.test, sourceCode).some((t) => t.code >= 400 && (t.op === '===' || t.op === '==' || t.op === '>=' || t.op === '>')))) return true;
      if (child === p.alternate && ok === 'success') return true;
    }
  }
  // After an earlier `if (res.ok) { …; return / continue; }` in an enclosing block: only a failed
  // answer gets here.
  for (let child: Node = n, p: Node | undefined = n.parent; p && p !== work; child = p, p = p.parent) {
    if (isFunction(p)) return false;
    if (p.type !== T.BlockStatement) continue;
    const before = p.body.slice(0, p.body.indexOf(child as TSESTree.Statement));
    if (before.some((s) => s.type === T.IfStatement && okCheck(s.test, sourceCode) === 'success' && alwaysExits(s.consequent) && !s.alternate)) return true;
  }
  return false;
}

/**
 * The work's input: its parameters, and its locals computed from them (`const delivery = await
 * Delivery.find(deliveryId)`, `const { id } = job.data`, the items of `for (const m of batch.messages)`),
 * two steps deep.
 */
function inputVariables(work: Fn, sourceCode: TSESLint.SourceCode): Set<Variable> {
  const out = new Set<Variable>();
  // A function's declared variables are its parameters (and, for a named expression, its name).
  for (const v of sourceCode.getDeclaredVariables(work as TSESTree.Node)) if (v.defs.some((d) => d.type === 'Parameter')) out.add(v);
  for (let round = 0; round < 2; round++) {
    walk(work.body as Node, sourceCode.visitorKeys, (n) => {
      if (n !== work.body && isFunction(n)) return false;
      if (n.type === T.VariableDeclarator && n.init && readsVariable(n.init, out, { sourceCode })) for (const v of sourceCode.getDeclaredVariables(n)) out.add(v);
      // `for (const message of batch.messages)`: each item of an input is input.
      if ((n.type === T.ForOfStatement || n.type === T.ForInStatement) && n.left.type === T.VariableDeclaration && readsVariable(n.right, out, { sourceCode })) for (const v of sourceCode.getDeclaredVariables(n.left)) out.add(v);
      return undefined;
    });
  }
  return out;
}

/** The helper's parameters handed an input at the failure path's call (`failAndRequeue(delivery, …)`). */
function bindHelperInputs(helper: Fn, at: TSESTree.CallExpression, inputs: Set<Variable>, sourceCode: TSESLint.SourceCode): void {
  const params = sourceCode.getDeclaredVariables(helper as TSESTree.Node).filter((v) => v.defs.some((d) => d.type === 'Parameter'));
  helper.params.forEach((p, i) => {
    const arg = at.arguments[i];
    if (!arg || arg.type === T.SpreadElement || !readsVariable(arg, inputs, { sourceCode })) return;
    for (const v of params) if (v.defs.some((d) => contains(p, d.name as Node))) inputs.add(v);
  });
}


/**
 * The attempts: a limit the way to the re-queue tests (`if (attempt >= MAX_ATTEMPTS) return
 * abandon(…)` in the helper or the work, a number compared before the enqueue, whose branch
 * leaves): bounded, by that number when it is known. None: nothing ends the re-queues.
 */
function boundOf(call: TSESTree.CallExpression, helper: Fn, work: Fn, ats: readonly Node[], sourceCode: TSESLint.SourceCode): { bound: AttemptBound; counter: Variable | undefined } {
  let limit: number | undefined;
  let limited = false;
  let counter: Variable | undefined;
  const scan = (fn: Fn, before: Node): void => {
    walk(fn.body as Node, sourceCode.visitorKeys, (n) => {
      if (n !== fn.body && isFunction(n)) return false;
      // A status test (`status >= 400 && status < 500`) classifies the answer; it counts nothing.
      if (n.type !== T.IfStatement || n.range[0] > before.range[0] || statusesTested(n.test, sourceCode).length > 0) return undefined;
      // Before the enqueue, a test whose branch leaves; or around it, a test the enqueue needs
      // (`if (attemptIndex < RETRY_DELAYS.length) queue.add(…)`, with no `else` that re-queues too).
      const exitsBefore = !contains(n, before) && alwaysExits(n.consequent);
      const guards = contains(n.consequent, before) && (!n.alternate || !contains(n.alternate, before));
      if (!exitsBefore && !guards) return undefined;
      walk(n.test, sourceCode.visitorKeys, (m) => {
        if (m.type !== T.BinaryExpression || !/^[<>]=?$/.test(m.operator) || m.left.type === T.PrivateIdentifier) return undefined;
        const right = constantNumber(sourceCode, m.right);
        const k = right ?? constantNumber(sourceCode, m.left);
        // A table's length (`RETRY_DELAYS.length`): as many re-queues as it holds waits.
        const table = (x: Node): boolean => { const u = unwrap(x); return u.type === T.MemberExpression && propertyName(u) === 'length'; };
        if (k !== undefined && k > 0) {
          limited = true;
          limit = Math.max(limit ?? 0, k);
          const other = unwrap(right !== undefined ? m.left : m.right);
          if (other.type === T.Identifier) counter ??= variableOf(sourceCode, other);
        } else if (guards && k === undefined && ((table(m.right) && m.operator.startsWith('<')) || (table(m.left) && m.operator.startsWith('>')))) {
          limited = true;
          const other = unwrap(table(m.right) ? m.left : m.right);
          if (other.type === T.Identifier) counter ??= variableOf(sourceCode, other);
        }
        return undefined;
      });
      return undefined;
    });
  };
  scan(helper, call);
  if (helper !== work) for (const at of ats) scan(work, at);
  if (!limited) return { bound: { kind: 'unbounded', maxAttempts: undefined, node: call }, counter };
  return { bound: { kind: 'bounded', maxAttempts: limit, node: call }, counter };
}

