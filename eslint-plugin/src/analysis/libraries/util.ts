import type { TSESTree } from '@typescript-eslint/utils';
import { ASTUtils } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { propertyName, readsEnvironment, unwrap } from '../ast';
import { bindingOf, constantValue, factoryResult, variableOf } from '../scope';
import type { AttemptBound, DelayFacts, Node, RetrySite } from '../types';
import type { LibraryContext } from './types';
import { isEffectivelyUnbounded } from '../limits';
import { evaluate, makeEnv } from '../delay';

/** A function node of any form. */
export type FunctionNode = TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression;

/** An options object found for a library call. */
export interface OptionsObject {
  /** The object literal (where suggestions edit). */
  node: TSESTree.ObjectExpression;
  /** True when a spread that cannot be resolved is merged in: any option may then come from elsewhere (an unknown, not a finding). */
  spread: boolean;
  /**
   * The properties in evaluation order with same-file spreads expanded (`{ ...BASE, x }` lists
   * BASE's properties, then `x`); `undefined` marks a spread that cannot be resolved (a
   * parameter, an import, a call). The last definition of a name wins, as at run time.
   */
  entries: (TSESTree.Property | undefined)[];
}

/**
 * Resolves an options argument to an object literal (K1, K11): follows never-reassigned bindings
 * (`const opts = {…}; pRetry(fn, opts)`), parameter defaults (`function f(run, policy = {…})`:
 * PRODUCT counts a default as known) and TypeScript wrappers (`as`, `satisfies`), and merges
 * same-file spreads (`{ ...BASE, retries: 3 }`, recursively, last write wins). Returns undefined
 * for anything else (a parameter without default, a call result): the options are then unknown.
 * Every object literal it returns is recorded in `ctx.consumed`.
 */
export function resolveObject(ctx: LibraryContext, node: Node | null | undefined, depth = 0): OptionsObject | undefined {
  const n = resolveObjectLiteral(ctx, node);
  if (!n) return restOfObject(ctx, node, depth);
  ctx.consumed?.add(n);
  const entries: (TSESTree.Property | undefined)[] = [];
  for (const p of n.properties) {
    if (p.type === T.Property) entries.push(p);
    else {
      const inner = depth < 6 ? resolveObject(ctx, p.argument, depth + 1) : undefined;
      if (inner) entries.push(...inner.entries);
      else entries.push(undefined);
    }
  }
  return { node: n, spread: entries.includes(undefined), entries };
}

/**
 * The rest of a destructured options object (`const { host, port, ...options } = settings`): the
 * object `settings` resolves to, less the properties the pattern takes out by name. A local copy of
 * the same options (PRODUCT); a computed key in the pattern makes what is left unknown.
 */
function restOfObject(ctx: LibraryContext, node: Node | null | undefined, depth: number): OptionsObject | undefined {
  const id = unwrap(node);
  if (id?.type !== T.Identifier || depth > 6) return undefined;
  const v = variableOf(ctx.sourceCode, id);
  const def = v?.defs.length === 1 ? v.defs[0] : undefined;
  const rest = def?.name.parent;
  const pattern = rest?.type === T.RestElement ? rest.parent : undefined;
  const decl = pattern?.type === T.ObjectPattern ? pattern.parent : undefined;
  if (!v || pattern?.type !== T.ObjectPattern || decl?.type !== T.VariableDeclarator || decl.id !== pattern || !decl.init || (decl.parent as TSESTree.VariableDeclaration | undefined)?.kind !== 'const') return undefined;
  const taken = new Set<string>();
  for (const p of pattern.properties) {
    if (p.type !== T.Property) continue;
    const name = p.computed ? undefined : propertyName(p);
    if (name === undefined) return undefined;
    taken.add(name);
  }
  const whole = resolveObject(ctx, decl.init, depth + 1);
  if (!whole) return undefined;
  const entries = whole.entries.filter((e) => !e || !taken.has(propertyName(e) ?? ''));
  return { node: whole.node, spread: whole.spread, entries };
}

/** The options object of an object literal already in hand, same-file spreads merged. */
export function optionsObject(ctx: LibraryContext, literal: TSESTree.ObjectExpression): OptionsObject {
  return resolveObject(ctx, literal) ?? { node: literal, spread: true, entries: [undefined] };
}

/** The object literal an expression evaluates to, through stable bindings and parameter defaults. */
export function resolveObjectLiteral(ctx: LibraryContext, node: Node | null | undefined): TSESTree.ObjectExpression | undefined {
  let n = unwrap(node);
  for (let i = 0; n && i < 6; i++) {
    if (n.type === T.ObjectExpression) return n;
    // `backoff: QUEUE_CONFIG.backoff`: a property of a same-file object literal nothing writes to.
    if (n.type === T.MemberExpression) {
      n = unwrap(memberOfObjectLiteral(ctx, n));
      continue;
    }
    // `buildOptions(opts)`: the one object literal a same-file factory returns.
    if (n.type === T.CallExpression) {
      n = unwrap(factoryResult(ctx.sourceCode, n));
      continue;
    }
    if (n.type !== T.Identifier) return undefined;
    const v = variableOf(ctx.sourceCode, n);
    const b = v && bindingOf(v);
    if (!b || !b.stable || (b.kind !== 'init' && b.kind !== 'param-default') || b.path.length > 0) return undefined;
    n = unwrap(b.node);
    // `function f(run, opts = {})`: an empty default says the caller supplies the options; a
    // default that writes options is a policy, known like a `const`.
    if (b.kind === 'param-default' && n && n.type === T.ObjectExpression && n.properties.length === 0) return undefined;
  }
  return undefined;
}

/**
 * The value of `obj.name` (or `obj['name']`) when `obj` resolves to a same-file object literal held
 * in a never-reassigned binding whose members nothing writes (`CONFIG.backoff = …`, `delete`), and
 * that literal defines `name` once, with no spread after it. Undefined otherwise.
 */
function memberOfObjectLiteral(ctx: LibraryContext, member: TSESTree.MemberExpression): Node | undefined {
  const name = propertyName(member);
  if (name === undefined) return undefined;
  const root = unwrap(member.object);
  const obj = resolveObjectLiteral(ctx, root);
  if (!obj) return undefined;
  if (root.type === T.Identifier) {
    const v = variableOf(ctx.sourceCode, root);
    const written = v?.references.some((r) => {
      const up = r.identifier.parent;
      if (up?.type !== T.MemberExpression || up.object !== r.identifier) return false;
      const top = up.parent;
      return (top?.type === T.AssignmentExpression && top.left === up) || (top?.type === T.UnaryExpression && top.operator === 'delete') || (top?.type === T.UpdateExpression);
    });
    if (!v || written) return undefined;
  }
  let found: TSESTree.Property | undefined;
  for (const p of obj.properties) {
    // A spread after the definition may replace it; one before it is overridden.
    if (p.type === T.SpreadElement) found = undefined;
    else if (propertyName(p) === name) found = p;
  }
  return found && found.value.type !== T.AssignmentPattern ? found.value : undefined;
}

/** The properties of an options object, same-file spreads merged in (see {@link OptionsObject.entries}). */
export function propertiesOf(obj: OptionsObject): TSESTree.Property[] {
  return obj.entries.filter((p): p is TSESTree.Property => p !== undefined);
}

/** One option of an options object. */
export interface Option {
  /** The property (`retries: 3`); report here. */
  property: TSESTree.Property;
  /** The value expression. */
  value: Node;
  /**
   * The value when statically known (literals, consts, `Infinity`, arithmetic on them, arrays of
   * those), through ESLint's `getStaticValue`; undefined when computed at run time.
   */
  known: { value: unknown } | undefined;
}

/**
 * Reads option `name` of an options object (the last definition wins, as at run time); undefined
 * when absent or when an unresolved spread after it may replace it (`options.spread` is then set).
 */
export function readOption(ctx: LibraryContext, options: OptionsObject | undefined, name: string): Option | undefined {
  if (!options) return undefined;
  let property: TSESTree.Property | undefined;
  for (const p of options.entries) {
    if (p && propertyName(p) === name) property = p;
    // `{ backoff: {…}, ...overrides }`: a spread merged in later may replace the option, which is then
    // as unknown as an option that is absent from options with a spread (PRODUCT: stay silent).
    else if (!p) property = undefined;
  }
  if (!property) return undefined;
  const value = defaultOf(property.value as Node);
  return { property, value, known: staticValueOf(ctx, value) };
}

/**
 * The value the code ships when an option falls back (`retries: options.retries || 3`,
 * `retryDelay: opts.retryDelay ?? growingDelay`): the fallback, as a parameter's default counts as
 * the value (PRODUCT: a bound the code shows is known). Only for a left side read from elsewhere
 * (a name or a member), never for a computed choice, and never over an environment variable.
 */
function defaultOf(value: Node): Node {
  const u = unwrap(value);
  if (u.type !== T.LogicalExpression || (u.operator !== '||' && u.operator !== '??')) return value;
  const left = unwrap(u.left);
  // An environment variable may hold anything (PRODUCT: an unknown bound): no default stands for it.
  if (readsEnvironment(left)) return value;
  return left.type === T.MemberExpression || left.type === T.Identifier ? u.right : value;
}


/**
 * Where a finding about a library default left in force is reported (PRODUCT "reports on": the
 * library option or call): the first of the library's retry options `names` that the code writes
 * in the options object (`retries: 8` when the default `maxTimeout` is what is missing), in
 * evaluation order. Undefined when the code writes none: the finding then goes on the call.
 */
/**
 * Where a finding about an option left at its default goes (PRODUCT.md: "the library option or
 * call"). An options object declared apart WITH a type (`const policy: BackoffOptions = {…}`, `{…} as
 * Options`, `{…} satisfies Options`) is a retry configuration of its own, wherever it is registered
 * (PRODUCT.md, typed configs): the finding goes on that object, which is what the user edits. An
 * untyped object, one inline in the registration, or a parameter default goes to `fallback` (the
 * call, or the option that registers the object).
 */
export function defaultsAt(options: { kind: string; obj?: OptionsObject }, registration: Node, fallback: Node): Node {
  const obj = options.kind === 'object' ? options.obj?.node : undefined;
  if (!obj) return fallback;
  if (obj.range[0] >= registration.range[0] && obj.range[1] <= registration.range[1]) return fallback;
  let typed: Node = obj;
  while (typed.parent && (typed.parent.type === T.TSAsExpression || typed.parent.type === T.TSSatisfiesExpression || typed.parent.type === T.TSNonNullExpression)) typed = typed.parent;
  const declared = typed.parent?.type === T.VariableDeclarator && typed.parent.init === typed && typed.parent.id.type === T.Identifier && !!typed.parent.id.typeAnnotation;
  return declared || typed !== obj ? obj : fallback;
}

export function firstWrittenOption(options: OptionsObject | undefined, names: readonly string[]): TSESTree.Property | undefined {
  if (!options) return undefined;
  return options.entries.find((p): p is TSESTree.Property => p !== undefined && names.includes(propertyName(p) ?? ''));
}

/** `getStaticValue` with the right scope; undefined when the value is not known statically. */
export function staticValueOf(ctx: LibraryContext, node: Node): { value: unknown } | undefined {
  let r: { value: unknown } | null = null;
  try {
    r = ASTUtils.getStaticValue(unwrap(node) as TSESTree.Node, ctx.sourceCode.getScope(node));
  } catch {
    r = null;
  }
  // The analysis' own constant reader knows what ESLint's does not: a field nothing writes after
  // its initialiser (`private readonly attempts = 3`), an enum member, a parameter's default.
  return r ?? constantValue(ctx.sourceCode, node);
}

/** A known number option's value, or undefined. */
export function numberOption(opt: Option | undefined): number | undefined {
  return asNumber(opt?.known?.value);
}

/**
 * An option's value as the number a library uses: a number, or a number written as a string
 * (`reconnectionAttempts: 'Infinity'`, an env-style `'5'`), which the libraries compare and multiply,
 * as JavaScript does, by its numeric value. Undefined for anything else.
 */
export function asNumber(v: unknown): number | undefined {
  if (typeof v === 'string' && /^\s*(-?\d+(\.\d+)?|Infinity)\s*$/.test(v)) return Number(v);
  return typeof v === 'number' && !Number.isNaN(v) ? v : undefined;
}

/** Parameters of an exponential (or constant, with `factor` 1) delay schedule, all in ms. */
export interface Schedule {
  /** Where a finding about the delay is reported (an option, or the call). */
  node: Node;
  /** The first delay, in ms. */
  baseMs: number;
  /** Growth factor per attempt; 1 for a constant delay. */
  factor: number;
  /** The cap, in ms, or undefined for none. */
  capMs: number | undefined;
  /** How many delays at most (retries), or undefined / Infinity for unbounded. */
  retries: number | undefined;
  /** The delay is randomised. */
  random: boolean;
}

/**
 * Describes a library's delay schedule in the analysis' terms: delay n (0-based) is
 * `baseMs * factor ** n`, capped at `capMs`; the worst case is taken over `retries` delays.
 */
export function scheduleDelay(s: Schedule): DelayFacts {
  // A cap at or below the first delay makes every delay the cap: constant, whatever the factor.
  const growing = s.factor > 1 && !(s.capMs !== undefined && s.capMs <= s.baseMs);
  let maxMs: number;
  let maxReason: DelayFacts['maxReason'] = 'known';
  if (!growing) {
    maxMs = s.capMs !== undefined ? Math.min(s.baseMs, s.capMs) : s.baseMs;
  } else if (s.retries === undefined || isEffectivelyUnbounded(s.retries)) {
    maxMs = s.capMs ?? Infinity;
    if (s.capMs === undefined) maxReason = 'growth';
  } else {
    const uncapped = s.baseMs * s.factor ** Math.max(0, s.retries - 1);
    maxMs = s.capMs !== undefined ? Math.min(uncapped, s.capMs) : uncapped;
  }
  return {
    node: s.node,
    random: s.random,
    growing,
    maxMs,
    maxReason,
    capMs: s.capMs,
    retryAfter: undefined,
    opaque: false,
  };
}

/** A delay about which nothing is known (computed at run time, or spread in): no rule reports it. */
export function opaqueDelay(node: Node): DelayFacts {
  return { node, random: false, growing: false, maxMs: Infinity, maxReason: 'opaque', capMs: undefined, retryAfter: undefined, opaque: true };
}

/**
 * The wait of a library schedule whose base delay cannot be read (a config value, a field, a
 * parameter) while what decides its shape can: the library's randomisation and growth factor,
 * written or left at their defaults. A known growth says the wait grows; a factor of 1 or less
 * keeps it at the base, whatever the base is, on every attempt (named by `baseExpr` when written);
 * randomness is what the library's option says. Its size stays unknown (no cap finding). An
 * unknown factor or randomisation gives {@link opaqueDelay}, marked `deterministic` when the
 * library is known not to randomise (a jitter finding still holds).
 */
export function scheduleWithUnknownBase(node: Node, o: { factor: number | undefined; random: boolean | undefined; baseExpr: Node | undefined }): DelayFacts {
  const d = opaqueDelay(node);
  // A library told not to randomise (or not randomising by default) computes every wait from its
  // options alone: no random component, whatever the base and factor are.
  if (o.random === false) d.deterministic = true;
  if (o.factor === undefined || o.random === undefined) return d;
  d.random = o.random;
  if (o.factor > 1) d.growing = true;
  else {
    d.invariant = !o.random;
    if (o.baseExpr) d.expression = o.baseExpr;
  }
  return d;
}

/** Builds a `library` retry site with empty findings; adapters fill in what they know. */
export function librarySite(library: string, node: Node, bound: Partial<AttemptBound> = {}): RetrySite {
  return {
    kind: 'library',
    node,
    library,
    bound: { kind: bound.kind ?? 'bounded', maxAttempts: bound.maxAttempts, node: bound.node ?? node },
    waits: [],
    noWait: undefined,
    nonIdempotent: [],
    rateLimitChecks: [],
    honoursRetryAfter: false,
    clientErrorRetries: [],
  };
}

/** The largest value an expression can take, when the evaluator bounds it (`Math.min(n, 5)` → 5). */
export function largestValue(ctx: LibraryContext, value: Node): number | undefined {
  const v = evaluate(value, makeEnv(ctx.sourceCode));
  // An unknown part under a known ceiling still has that ceiling (the evaluator keeps `hi` finite only then).
  return Number.isFinite(v.hi) ? v.hi : undefined;
}
