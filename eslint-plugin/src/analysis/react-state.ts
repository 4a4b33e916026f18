import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { calleeName, isFunction, unwrap, walk } from './ast';
import { T } from './node-types';
import { fileIndex } from './file-index';
import { isReferenceTo, normalPath, originOf, scriptGlobalModules, variableOf } from './scope';
import type { Node } from './types';
import { CALLBACK_HOOKS, EFFECT_HOOKS, REACT_HOOK_MODULES } from './vocabulary';

type Variable = TSESLint.Scope.Variable;

/**
 * A way an effect callback runs again: its dependency array holds a `useState` value, so a call of
 * that state's setter (`setAttempt((n) => n + 1)`) re-runs the callback on the next render. A
 * setter called on a failure path is then a retry of the effect, as a direct self-call would be.
 */
export interface EffectRerun {
  /** The setter (`setAttempt` of `const [attempt, setAttempt] = useState(0)`). */
  setter: Variable;
  /** The state value listed in the dependencies (`attempt`). */
  state: Variable;
  /** `useState`'s argument: the state's first value (absent: `undefined`). */
  initial: Node | undefined;
}

/** Whether `callee` is one of React's (or Preact's) hooks named in `names`, imported or read off the namespace (`React.useEffect`). */
/** Whether `callee` is one of the named React (or Preact) hooks, recognised through its import. */
export function isHook(sourceCode: TSESLint.SourceCode, callee: Node, names: readonly string[]): boolean {
  // An origin's module is one the file names by a string literal (the index's `modules`) or a
  // script-tag global's: a file that names no hook module has no hook, whatever the callee.
  if (!namesHookModule(sourceCode)) return false;
  const origin = originOf(sourceCode, callee);
  if (!origin || !REACT_HOOK_MODULES.includes(origin.module)) return false;
  const path = normalPath(origin);
  return path.length === 1 && names.includes(path[0]!);
}

/** Whether the file names one of {@link REACT_HOOK_MODULES} (an import, `require`, `import()` or a script-tag global). */
function namesHookModule(sourceCode: TSESLint.SourceCode): boolean {
  const modules = fileIndex(sourceCode).modules;
  return REACT_HOOK_MODULES.some((m) => modules.has(m) || scriptGlobalModules(sourceCode).has(m));
}

/**
 * The state setters whose calls re-run `fn`, when `fn` is the callback of an effect hook
 * (`useEffect(fn, [url, attempt])`): one per dependency declared as the value of a
 * `const [value, setValue] = useState(…)` pair. A callback with no dependency array (it runs after
 * every render) or whose dependencies are not state has none.
 */
export function effectReruns(fn: Node, sourceCode: TSESLint.SourceCode): EffectRerun[] {
  const call = fn.parent;
  if (call?.type !== T.CallExpression || call.arguments[0] !== fn || !isHook(sourceCode, call.callee, EFFECT_HOOKS)) return [];
  const deps = call.arguments[1] && unwrap(call.arguments[1]);
  if (deps?.type !== T.ArrayExpression) return [];
  const out: EffectRerun[] = [];
  for (const d of deps.elements) {
    const e = d && unwrap(d);
    if (e?.type !== T.Identifier) continue;
    const state = variableOf(sourceCode, e);
    const decl = state?.defs[0]?.node;
    if (!state || decl?.type !== T.VariableDeclarator || decl.id.type !== T.ArrayPattern || decl.id.elements[0]?.type !== T.Identifier || !decl.init) continue;
    if (!state.defs[0]!.name || decl.id.elements[0] !== state.defs[0]!.name) continue;
    const init = unwrap(decl.init);
    if (init.type !== T.CallExpression || !isHook(sourceCode, init.callee, ['useState'])) continue;
    const setterId = decl.id.elements[1];
    const setter = setterId?.type === T.Identifier ? variableOf(sourceCode, setterId) : undefined;
    if (!setter) continue;
    out.push({ setter, state, initial: init.arguments[0] as Node | undefined });
  }
  return out;
}

/**
 * The value a setter call gives its state, as an expression over the state: the updater's body
 * with its parameter standing for the state (`(n) => n + 1`), or the value passed
 * (`attempt + 1`). `param` is the updater's parameter when there is one.
 */
export function setterStep(call: TSESTree.CallExpression): { value: Node; param: TSESTree.Identifier | undefined } | undefined {
  const a = call.arguments[0] && unwrap(call.arguments[0]);
  if (!a || a.type === T.SpreadElement) return undefined;
  if (a.type === T.ArrowFunctionExpression || a.type === T.FunctionExpression) {
    const p = a.params[0];
    let body: Node | undefined = a.body;
    if (body.type === T.BlockStatement) {
      const ret = body.body.length === 1 && body.body[0]!.type === T.ReturnStatement ? body.body[0]!.argument : undefined;
      body = ret ?? undefined;
    }
    return body && p?.type === T.Identifier ? { value: body, param: p } : undefined;
  }
  return { value: a, param: undefined };
}

/**
 * Whether a setter call gives its state a value that differs from the one it has, every time: a
 * step of a counter (`(n) => n + 1`, `attempt + 1`, `n * 2`), a flipped switch (`(k) => !k`) or
 * the clock (`Date.now()`). Only such a call re-runs the effect each time it is made; React skips
 * the re-render when the value is unchanged, so a setter handed the error or a constant
 * (`setError(e)`, `setFailed(true)`) re-runs it at most once, into a state the effect reads to
 * stop: it records the failure, it does not retry.
 */
export function changesEachTime(call: TSESTree.CallExpression, rerun: EffectRerun, sourceCode: TSESLint.SourceCode): boolean {
  const step = setterStep(call);
  if (!step) return false;
  const over = step.param ? variableOf(sourceCode, step.param) : rerun.state;
  if (!over) return false;
  const isState = (x: Node): boolean => {
    const u = unwrap(x);
    return u.type === T.Identifier && isReferenceTo(over, u);
  };
  const v = unwrap(step.value);
  if (v.type === T.BinaryExpression && v.left.type !== T.PrivateIdentifier) {
    if ((v.operator === '+' || v.operator === '*') && (isState(v.left) || isState(v.right))) return true;
    if (v.operator === '-' && isState(v.left)) return true;
  }
  if (v.type === T.UpdateExpression && v.prefix && isState(v.argument)) return true;
  if (v.type === T.UnaryExpression && v.operator === '!' && isState(v.argument)) return true;
  if (v.type === T.CallExpression && calleeName(v) === 'now' && v.arguments.length === 0) {
    const c = unwrap(v.callee);
    const o = c.type === T.MemberExpression ? unwrap(c.object) : undefined;
    return o?.type === T.Identifier && (o.name === 'Date' || o.name === 'performance') && !variableOf(sourceCode, o)?.defs.length;
  }
  // A switch flipped back (`setPaused(true); setTimeout(() => setPaused(null), 5000)`): the later
  // set gives back a value another set of the same handler has just replaced, so it changes the
  // state each time the handler runs.
  if (isLiteralValue(v)) {
    const handler = handlerAround(call);
    if (!handler) return false;
    let flipped = false;
    walk(handler, sourceCode.visitorKeys, (n) => {
      if (flipped || n === call) return false;
      if (n.type !== T.CallExpression || n.range[0] >= call.range[0] || unwrap(n.callee).type !== T.Identifier || !isReferenceTo(rerun.setter, unwrap(n.callee) as TSESTree.Identifier)) return undefined;
      const other = n.arguments[0] && n.arguments[0].type !== T.SpreadElement ? unwrap(n.arguments[0]) : undefined;
      if (other && isLiteralValue(other) && literalOf(other) !== literalOf(v)) flipped = true;
      return undefined;
    });
    return flipped;
  }
  return false;
}

/** `true`, `null`, `0`, `'idle'`, `undefined`: a value written as itself. */
function isLiteralValue(n: Node): boolean {
  return n.type === T.Literal || (n.type === T.Identifier && n.name === 'undefined');
}

function literalOf(n: Node): unknown {
  return n.type === T.Literal ? n.value : undefined;
}

/** The function a setter call runs in, past a timer callback it sits in (`setTimeout(() => set(x), ms)`). */
function handlerAround(call: Node): Node | undefined {
  let f: Node | undefined = call.parent;
  while (f && !isFunction(f)) f = f.parent;
  const host = f?.parent;
  if (f && host?.type === T.CallExpression && host.arguments[0] === f && /^set(Timeout|Immediate)$/.test(calleeName(host) ?? '')) {
    let g: Node | undefined = host.parent;
    while (g && !isFunction(g)) g = g.parent;
    return g;
  }
  return f;
}

/**
 * The declarator of `const connect = useCallback(fn, deps)`: React's `useCallback` returns `fn`
 * itself (the same function while the dependencies are unchanged), so `connect` names `fn` as
 * `const connect = fn` would. Undefined when `fn` is not such a callback.
 */
export function memoisedDeclarator(fn: Node, sourceCode: TSESLint.SourceCode): TSESTree.VariableDeclarator | undefined {
  const call = fn.parent;
  if (call?.type !== T.CallExpression || call.arguments[0] !== fn) return undefined;
  const decl = call.parent;
  if (decl?.type !== T.VariableDeclarator || decl.init !== call || decl.id.type !== T.Identifier) return undefined;
  return isHook(sourceCode, call.callee, CALLBACK_HOOKS) ? decl : undefined;
}
