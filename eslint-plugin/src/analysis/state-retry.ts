// Retries driven by React state: a data hook runs its load again when a state listed in its
// dependencies changes, and an effect that sees the hook's error steps that state.
//
//   const [round, setRound] = useState(0);
//   const result = useLoader(load, [round]);
//   useEffect(() => {
//     if (!result.error) return;
//     const t = setTimeout(() => setRound((r) => r + 1), pauseMs);
//     return () => clearTimeout(t);
//   }, [result.error, pauseMs]);
//
// PRODUCT: code that re-runs an operation after it failed, with the same input, is a retry; the
// re-run here goes through a render instead of a call. The load itself is out of sight (a custom
// hook), so only the bound and the wait are judged, not its requests or statuses.
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { alwaysExits, contains, isFunction, propertyName, unwrap, walk } from './ast';
import { fileIndex } from './file-index';
import { guarded } from './guard';
import { T } from './node-types';
import type { Ctx } from './operation';
import { changesEachTime, isHook, setterStep, type EffectRerun } from './react-state';
import { changeIn, limitIn } from './recursion';
import type { AttemptVar } from './delay';
import { constantNumber } from './scope';
import { variableOf, isReferenceTo } from './scope';
import type { Node, RetrySite, Wait } from './types';
import { EFFECT_HOOKS } from './vocabulary';
import { isGlobalTimer, waitOf } from './waits';

type Variable = TSESLint.Scope.Variable;

/** Names of a hook result's failure fields (`result.error`, `{ isError }`, `query.failureReason`). */
const FAILURE_FIELDS = /^(error|err|isError|failed|hasError|failure|failureReason)$/;

/**
 * The state-driven retries of the file: one site per setter call, made on the error path of an
 * effect, that steps a state a data hook depends on. Reported at the timer that schedules the step
 * (its wait is the retry's wait), or at the setter call when it runs at once.
 */
export function analyzeStateRetries(ctx: Ctx): RetrySite[] {
  const sites: RetrySite[] = [];
  for (const call of fileIndex(ctx.sourceCode).calls) {
    // The name first (cheap), the import behind it only for an effect hook's name.
    const callee = unwrap(call.callee);
    const name = callee.type === T.Identifier ? callee.name : callee.type === T.MemberExpression ? propertyName(callee) : undefined;
    if (!name || !EFFECT_HOOKS.includes(name) || !isHook(ctx.sourceCode, call.callee, EFFECT_HOOKS)) continue;
    const cb = call.arguments[0] && unwrap(call.arguments[0]);
    if (!cb || !isFunction(cb)) continue;
    const site = guarded(call, () => effectRetry(cb as TSESTree.FunctionLike, ctx));
    if (site) sites.push(site);
  }
  return sites;
}

function effectRetry(cb: TSESTree.FunctionLike, ctx: Ctx): RetrySite | undefined {
  const { sourceCode } = ctx;
  let found: RetrySite | undefined;
  walk(cb.body as Node, sourceCode.visitorKeys, (n) => {
    if (found) return false;
    if (n.type !== T.CallExpression || unwrap(n.callee).type !== T.Identifier) return undefined;
    const pair = statePair(variableOf(sourceCode, unwrap(n.callee) as TSESTree.Identifier), sourceCode);
    if (!pair || !changesEachTime(n, pair, sourceCode)) return undefined;
    const result = dataHookResult(pair.state, sourceCode);
    if (!result) return undefined;
    const host = hostFunction(n, cb, sourceCode);
    if (host === undefined) return undefined;
    const tests = guardingTests(n, cb);
    if (!tests.some((t) => readsFailureOf(t, result, sourceCode))) return undefined;
    const timer = host === cb ? undefined : host.parent;
    const wait: Wait | undefined =
      timer && timer.type === T.CallExpression
        ? waitOf({ call: timer, delayExpr: timer.arguments[1] as Node | undefined, bindings: [], argument: timer.arguments[1] as TSESTree.Expression | undefined, opaque: !timer.arguments[1] }, sourceCode, stateCounter(n, pair, tests, ctx), undefined, { node: cb })
        : undefined;
    // A test on the stepped state (`if (round >= 3) return`) or on another count bounds it.
    const counted = tests.some((t) => readsVariable(t, pair.state, sourceCode));
    const at: Node = timer ?? n;
    found = {
      kind: 'state-rerun',
      node: at,
      bound: { kind: counted ? 'bounded' : 'unbounded', maxAttempts: undefined, node: at },
      waits: wait ? [wait] : [],
      noWait: wait ? undefined : at,
      nonIdempotent: [],
      rateLimitChecks: [],
      honoursRetryAfter: true,
      clientErrorRetries: [],
      purpose: 'backoff-retry',
    };
    return false;
  });
  return found;
}

/** The `[state, setState] = useState(…)` pair a setter belongs to. */
function statePair(setter: Variable | undefined, sourceCode: TSESLint.SourceCode): EffectRerun | undefined {
  const decl = setter?.defs[0]?.node;
  if (!setter || decl?.type !== T.VariableDeclarator || decl.id.type !== T.ArrayPattern || !decl.init) return undefined;
  if (decl.id.elements[1] !== setter.defs[0]!.name) return undefined;
  const init = unwrap(decl.init);
  if (init.type !== T.CallExpression || !isHook(sourceCode, init.callee, ['useState'])) return undefined;
  const first = decl.id.elements[0];
  const state = first?.type === T.Identifier ? variableOf(sourceCode, first) : undefined;
  return state ? { setter, state, initial: init.arguments[0] as Node | undefined } : undefined;
}

/**
 * The stepped state as the attempt count the wait reads (`500 * 2 ** attempt` with
 * `setAttempt((n) => n + 1)`): from `useState`'s argument up to the largest value the effect's tests
 * let through to the step (`if (attempt >= 3) return` → 2), unbounded without such a test. None
 * when the step does not count up.
 */
function stateCounter(step: TSESTree.CallExpression, pair: EffectRerun, tests: readonly Node[], ctx: Ctx): AttemptVar[] {
  const s = setterStep(step);
  const over = s?.param ? variableOf(ctx.sourceCode, s.param) : pair.state;
  if (!s || !over || changeIn(s.value, over, ctx) !== 1) return [];
  const lo = pair.initial ? (constantNumber(ctx.sourceCode, pair.initial) ?? 0) : 0;
  let hi = Infinity;
  for (const t of tests) {
    const lim = limitIn(t, pair.state, ctx);
    if (lim && lim !== 'unknown') hi = Math.min(hi, lim.op === '>' || lim.op === '<=' ? lim.limit : lim.limit - 1);
  }
  return [{ variable: pair.state, lo, hi: Math.max(lo, hi) }];
}

/**
 * The variable holding the result of a custom hook (`useLoader(load, [round])`, `useFetch(url, { deps:
 * [round] })`) that takes the state among its dependencies: an array argument, or an array in an
 * options object, that lists it. React's own hooks are not data hooks.
 */
function dataHookResult(state: Variable, sourceCode: TSESLint.SourceCode): { variable?: Variable; pattern?: TSESTree.ObjectPattern } | undefined {
  for (const ref of state.references) {
    let p: Node | undefined = ref.identifier.parent;
    if (p?.type !== T.ArrayExpression) continue;
    if (p.parent?.type === T.Property) p = p.parent.parent;
    const call = p?.parent;
    if (call?.type !== T.CallExpression || !call.arguments.includes(p as TSESTree.CallExpressionArgument)) continue;
    const callee = unwrap(call.callee);
    const name = callee.type === T.Identifier ? callee.name : callee.type === T.MemberExpression ? propertyName(callee) : undefined;
    if (!name || !/^use[A-Z]/.test(name) || isHook(sourceCode, call.callee, [name])) continue;
    const decl = call.parent;
    if (decl?.type !== T.VariableDeclarator || decl.init !== call) continue;
    if (decl.id.type === T.Identifier) {
      const v = variableOf(sourceCode, decl.id);
      if (v) return { variable: v };
    }
    if (decl.id.type === T.ObjectPattern) return { pattern: decl.id };
  }
  return undefined;
}

/**
 * The function the setter call runs in, within the effect: the effect itself, or a callback handed to
 * a global timer (`setTimeout(() => setRound(…), ms)`). Undefined for any other callback.
 */
function hostFunction(call: Node, cb: TSESTree.FunctionLike, sourceCode: TSESLint.SourceCode): TSESTree.FunctionLike | undefined {
  for (let p = call.parent; p; p = p.parent) {
    if (p === cb) return cb;
    if (isFunction(p)) {
      const host = p.parent;
      if (host?.type === T.CallExpression && host.arguments[0] === p && isGlobalTimer(sourceCode, host) && contains(cb, host)) return p as TSESTree.FunctionLike;
      return undefined;
    }
  }
  return undefined;
}

/**
 * The tests the setter call runs under: the `if`s around it (it in their consequent), and the early
 * exits before it in the effect's body (`if (!result.error) return;`), their test negated by position.
 */
function guardingTests(call: Node, cb: TSESTree.FunctionLike): Node[] {
  const out: Node[] = [];
  let child: Node = call;
  for (let p = call.parent; p && p !== cb; child = p, p = p.parent) {
    if (p.type === T.IfStatement && p.consequent === child) out.push(p.test);
    if (p.type === T.BlockStatement) {
      for (const st of p.body) {
        if (st === child || st.range[0] >= child.range[0]) break;
        if (st.type === T.IfStatement && !st.alternate && alwaysExits(st.consequent)) out.push(st.test);
      }
    }
  }
  return out;
}

/** Whether a test reads the hook result's failure field (`result.error`, a destructured `error`). */
function readsFailureOf(test: Node, result: { variable?: Variable; pattern?: TSESTree.ObjectPattern }, sourceCode: TSESLint.SourceCode): boolean {
  let reads = false;
  walk(test, sourceCode.visitorKeys, (n) => {
    if (reads) return false;
    if (n.type === T.MemberExpression && result.variable && unwrap(n.object).type === T.Identifier && isReferenceTo(result.variable, unwrap(n.object) as TSESTree.Identifier) && FAILURE_FIELDS.test(propertyName(n) ?? '')) reads = true;
    if (n.type === T.Identifier && result.pattern) {
      const v = variableOf(sourceCode, n);
      const prop = result.pattern.properties.find((p): p is TSESTree.Property => p.type === T.Property && !!v && v.defs[0]?.name === (p.value.type === T.AssignmentPattern ? p.value.left : p.value));
      if (prop && FAILURE_FIELDS.test(propertyName(prop) ?? '')) reads = true;
    }
    return undefined;
  });
  return reads;
}

function readsVariable(test: Node, v: Variable, sourceCode: TSESLint.SourceCode): boolean {
  let reads = false;
  walk(test, sourceCode.visitorKeys, (n) => {
    if (n.type === T.Identifier && isReferenceTo(v, n)) reads = true;
    return reads ? false : undefined;
  });
  return reads;
}
