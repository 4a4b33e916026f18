// Retries driven by an interval: a timer that runs the operation every `ms` until the operation
// succeeds and its success handler clears the timer.
//
//   const timer = setInterval(fetchStatus, 5000);      // fetchStatus: $.ajax({ success: show, … })
//   function show(data) { …; clearInterval(timer); }
//
//   reopen = setInterval(() => port.open(), 1000);
//   port.on('open', () => clearInterval(reopen));
//
// PRODUCT ("Retry or not"): a timer or interval that re-runs an operation until it succeeds is a
// retry. An interval that is never cleared, or cleared on any other path (a failure handler giving
// up, a count, a teardown), is periodic work or bounded, and is left alone: only an interval whose
// every clear sits in a success handler of the operation it runs goes round, at a fixed pace, for as
// long as the operation fails.
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { calleeName, contains, isFunction, propertyName, stringValue, unwrap, walk } from './ast';
import { sameFileFunction } from './delay';
import { fileIndex } from './file-index';
import { guarded } from './guard';
import { isWorkingCall } from './input-change';
import { T } from './node-types';
import type { Ctx } from './operation';
import { variableOf } from './scope';
import type { Node, RetrySite } from './types';
import { isGlobalInterval, waitOf } from './waits';

type Fn = TSESTree.FunctionLike;

/** Events an emitter fires when the operation worked: the connection opened, the resource is ready. */
const SUCCESS_EVENTS = /^(open|opened|connect|connected|ready|online|load|loaded|success|secureConnect)$/;
/** Handler properties that run on success (`success:` of jQuery's ajax, `onopen`, `onload`). */
const SUCCESS_PROPS = /^(success|onSuccess|onsuccess|onopen|onOpen|onload|onLoad|onconnect|onConnect|onready|onReady)$/;

/**
 * The interval retries of the file (see the file comment). `found` are the sites other analyses made:
 * an interval inside one of them is theirs.
 */
export function analyzeIntervalRetries(ctx: Ctx, found: readonly RetrySite[]): RetrySite[] {
  const { sourceCode } = ctx;
  const out: RetrySite[] = [];
  for (const call of fileIndex(sourceCode).calls) {
    if (!isGlobalInterval(sourceCode, call) || found.some((s) => s.node === call || contains(s.node, call))) continue;
    const site = guarded(call, () => intervalSite(call, ctx));
    if (site) out.push(site);
  }
  return out;
}

function intervalSite(call: TSESTree.CallExpression, ctx: Ctx): RetrySite | undefined {
  const { sourceCode } = ctx;
  const [cbArg, msArg] = call.arguments;
  if (!cbArg || cbArg.type === T.SpreadElement || !msArg || msArg.type === T.SpreadElement) return undefined;
  const cb = isFunction(unwrap(cbArg)) ? (unwrap(cbArg) as Fn) : sameFileFunction(cbArg, { sourceCode });
  if (!cb?.body || !runsOperation(cb, ctx)) return undefined;
  const handle = handleOf(call, sourceCode);
  if (!handle) return undefined;
  const clears = fileIndex(sourceCode).calls.filter((c) => /^clear(Interval|Timeout)$/.test(calleeName(c) ?? '') && c.arguments[0] !== undefined && sameHandle(c.arguments[0] as Node, handle, sourceCode));
  if (clears.length === 0 || !clears.every((c) => onSuccessPath(c, cb, sourceCode) && !underAnswerTest(c, handle, sourceCode))) return undefined;
  const wait = waitOf({ call, delayExpr: msArg, bindings: [], argument: msArg, opaque: false }, sourceCode, [], undefined, { node: cb });
  return {
    kind: 'repeat',
    node: call,
    bound: { kind: 'unbounded', maxAttempts: undefined, node: call },
    waits: [wait],
    noWait: undefined,
    nonIdempotent: [],
    rateLimitChecks: [],
    honoursRetryAfter: false,
    clientErrorRetries: [],
    purpose: 'backoff-retry',
  };
}

/** Whether the callback (or a same-file function it calls) does work: a call that is not a log, a wait or a timer. */
function runsOperation(cb: Fn, ctx: Ctx, depth = 0): boolean {
  let found = false;
  walk(cb.body!, ctx.sourceCode.visitorKeys, (n) => {
    if (found || (n !== cb.body && isFunction(n))) return false;
    if (n.type !== T.CallExpression && n.type !== T.NewExpression) return undefined;
    if (n.type === T.CallExpression && /^clear(Interval|Timeout)$/.test(calleeName(n) ?? '')) return undefined;
    const fn = n.type === T.CallExpression ? sameFileFunction(n.callee, { sourceCode: ctx.sourceCode }) : undefined;
    if (fn) {
      if (depth < 1 && fn !== cb && runsOperation(fn, ctx, depth + 1)) found = true;
      return undefined;
    }
    if (isWorkingCall(n, ctx)) found = true;
    return undefined;
  });
  return found;
}

/** The variable or `this` field the interval's handle is kept in. */
function handleOf(call: TSESTree.CallExpression, sourceCode: TSESLint.SourceCode): Node | undefined {
  const p = call.parent;
  if (p?.type === T.VariableDeclarator && p.init === call && p.id.type === T.Identifier) return p.id;
  if (p?.type === T.AssignmentExpression && p.right === call && p.operator === '=') {
    const left = unwrap(p.left);
    if (left.type === T.Identifier || (left.type === T.MemberExpression && unwrap(left.object).type === T.ThisExpression)) return left;
  }
  void sourceCode;
  return undefined;
}

function sameHandle(arg: Node, handle: Node, sourceCode: TSESLint.SourceCode): boolean {
  const a = unwrap(arg);
  if (handle.type === T.Identifier) return a.type === T.Identifier && variableOf(sourceCode, a) === variableOf(sourceCode, handle as TSESTree.Identifier);
  return sourceCode.getText(a) === sourceCode.getText(handle);
}

/**
 * Whether a clear runs only once the operation worked: inside a function registered as its success
 * handler (a `success:` / `onopen` property, `.then`'s first callback, an `open` / `connect` listener),
 * directly or as a named function handed there.
 */
function onSuccessPath(clear: Node, cb: Fn, sourceCode: TSESLint.SourceCode): boolean {
  let fn: Node | undefined = clear.parent;
  while (fn && !isFunction(fn)) fn = fn.parent;
  if (!fn || fn === cb) return false;
  // A `.then` handler is the success of what the timer runs only when the timer's callback chains it:
  // `stop.then(() => clearInterval(id))` beside the timer waits on another signal (a stop, a close).
  // An `open`/`connect` listener is the success of the connection the timer opens wherever it is added.
  return (isSuccessHandler(fn, sourceCode) && (contains(cb, fn) || !isThenHandler(fn))) || namedSuccessHandler(fn as Fn, sourceCode, cb);
}

/** A function handed to `.then(…)`: it runs when that promise settles, whatever made the promise. */
function isThenHandler(fn: Node): boolean {
  const p = fn.parent;
  return p?.type === T.CallExpression && p.arguments.includes(fn as TSESTree.CallExpressionArgument) && calleeName(p) === 'then';
}

/**
 * Whether the clear depends on a test in its handler other than one of the handle itself
 * (`if (job.status === 'finished') clearInterval(timer)`): the timer goes on after answers that say
 * "not yet" too, which is polling (PRODUCT), not a retry of a failure.
 */
function underAnswerTest(clear: Node, handle: Node, sourceCode: TSESLint.SourceCode): boolean {
  const handleText = sourceCode.getText(handle);
  for (let c: Node = clear, p = clear.parent; p && !isFunction(p); c = p, p = p.parent) {
    const test = p.type === T.IfStatement || p.type === T.ConditionalExpression ? (c !== p.test ? p.test : undefined) : p.type === T.LogicalExpression && c === p.right ? p.left : undefined;
    if (!test) continue;
    let other = false;
    walk(test, sourceCode.visitorKeys, (n) => {
      if (other) return false;
      if ((n.type === T.Identifier || n.type === T.MemberExpression) && sourceCode.getText(n) === handleText) return false;
      if (n.type === T.Identifier || n.type === T.CallExpression) other = true;
      return undefined;
    });
    if (other) return true;
  }
  return false;
}

function isSuccessHandler(fn: Node, sourceCode: TSESLint.SourceCode): boolean {
  const p = fn.parent;
  if (!p) return false;
  if (p.type === T.Property && p.value === fn) return SUCCESS_PROPS.test(propertyName(p) ?? '');
  if (p.type === T.AssignmentExpression && p.right === fn && p.left.type === T.MemberExpression) return SUCCESS_PROPS.test(propertyName(p.left) ?? '');
  if (p.type === T.CallExpression && p.arguments.includes(fn as TSESTree.CallExpressionArgument)) {
    const name = calleeName(p);
    if (name === 'then') return p.arguments[0] === fn;
    if (name === 'on' || name === 'once' || name === 'addEventListener' || name === 'addListener') {
      const evt = p.arguments[0] && p.arguments[0].type !== T.SpreadElement ? stringValue(p.arguments[0]) : undefined;
      return p.arguments[1] === fn && evt !== undefined && SUCCESS_EVENTS.test(evt);
    }
  }
  void sourceCode;
  return false;
}

/** A named same-file function whose every reference hands it to a success handler position (`success: showProgress`; a `.then` inside the timer's callback). */
function namedSuccessHandler(fn: Fn, sourceCode: TSESLint.SourceCode, cb: Fn): boolean {
  const id = fn.type === T.FunctionDeclaration ? fn.id : fn.parent?.type === T.VariableDeclarator && fn.parent.id.type === T.Identifier ? fn.parent.id : undefined;
  const v = id ? variableOf(sourceCode, id) : undefined;
  if (!v) return false;
  const uses = v.references.filter((r) => r.identifier !== id && !r.init);
  return uses.length > 0 && uses.every((r) => isSuccessHandler(r.identifier as Node, sourceCode) && (contains(cb, r.identifier as Node) || !isThenHandler(r.identifier as Node)));
}
