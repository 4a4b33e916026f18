import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { isFunction, propertyName, unwrap } from '../ast';
import { delayOfFunction } from '../delay';
import { fileIndex } from '../file-index';
import { describeHttpCall, judgeIdempotency } from '../http';
import { normalPath, type Origin } from '../scope';
import type { LibrarySuggestion, Node, RetrySite } from '../types';
import {
  handlerDecision,
  replaceSuggestion,
  resolveExpression,
  returnedExpressions,
  unkeyedRequests,
  uncountedYes,
} from './inspect';
import type { LibraryDocs } from './docs';
import { insertProperty, judgeCondition, resolveFunction } from './option-state';
import { httpCallsIn, nonOkThrows, reachedFunctions } from './retried-operation';
import { countLimit } from './status-set';
import type { LibraryAdapter, LibraryContext } from './types';
import { librarySite, numberOption, opaqueDelay, optionsObject, readOption, scheduleDelay, type FunctionNode, type OptionsObject } from './util';

/**
 * TanStack Query (react-query 3, @tanstack/*-query 4 and 5). Defaults (query-core 5.x
 * `src/retryer.ts`, same in 3 and 4): queries `retry` 3 on the client (0 on the server),
 * mutations and `queryClient.fetchQuery` 0; `retryDelay` `Math.min(1000 * 2 ** failureCount, 30000)`,
 * no jitter; `retry: true` retries for ever. Only options that set `retry` or `retryDelay`
 * are judged (an untouched built-in retry is not reported).
 */

const PACKAGES = [
  '@tanstack/react-query',
  '@tanstack/vue-query',
  '@tanstack/solid-query',
  '@tanstack/svelte-query',
  '@tanstack/preact-query',
  '@tanstack/angular-query-experimental',
  '@tanstack/angular-query',
  '@tanstack/lit-query',
  '@tanstack/query-core',
  'react-query',
  // tRPC's Next.js binding builds the app's QueryClient from `config().queryClientConfig`.
  '@trpc/next',
  // tRPC's React binding: `api.router.procedure.useQuery(input, options)` hands TanStack its options.
  '@trpc/react-query',
];

/** tRPC's factories of a typed hooks object (`createTRPCReact<AppRouter>()`, `createTRPCNext(…)`). */
const TRPC_HOOK_FACTORIES = new Set(['createTRPCReact', 'createTRPCNext']);

/** tRPC's Next.js entry points whose `config()` returns the `queryClientConfig` a QueryClient is built from. */
const TRPC_NEXT = new Set(['createTRPCNext', 'withTRPC']);

type Kind = 'query' | 'mutation';
const QUERY_HOOKS = new Set([
  'useQuery',
  'useSuspenseQuery',
  'useInfiniteQuery',
  'useSuspenseInfiniteQuery',
  'usePrefetchQuery',
  'usePrefetchInfiniteQuery',
  'createQuery',
  'createInfiniteQuery',
  'injectQuery',
  'injectInfiniteQuery',
  'queryOptions',
  'infiniteQueryOptions',
]);
const MUTATION_HOOKS = new Set(['useMutation', 'createMutation', 'injectMutation', 'mutationOptions']);
const QUERIES_HOOKS = new Set(['useQueries', 'useSuspenseQueries', 'createQueries', 'injectQueries']);
/** QueryClient methods taking query options: their default `retry` is false. */
const FETCH_METHODS = new Set(['fetchQuery', 'prefetchQuery', 'ensureQueryData', 'fetchInfiniteQuery', 'prefetchInfiniteQuery', 'ensureInfiniteQueryData']);
const DEFAULT_DELAY = { baseMs: 1000, factor: 2, capMs: 30_000 };

export const docs: LibraryDocs = {
  package: '@tanstack/query',
  api: '`useQuery`, `useMutation`, `useInfiniteQuery`, `useQueries`, `createQuery`, `injectQuery`, `queryOptions`, `new QueryClient({ defaultOptions })`, `queryClient.fetchQuery` etc. from @tanstack/react-query, vue-query, solid-query, svelte-query, angular-query, query-core and react-query 3; tRPC\'s `createTRPCNext({ config() { return { queryClientConfig } } })` and `withTRPC` (@trpc/next), and the options of the hooks `createTRPCReact()` / `createTRPCNext()` give (`api.router.procedure.useQuery(input, options)`, `useMutation(options)`); option objects typed `QueryClientConfig`, `DefaultOptions`, `UseQueryOptions`, `UseMutationOptions` (react-query 2: `ReactQueryConfig`)',
  versionAssumed: '@tanstack/query 5.x (the same defaults in react-query 3 and @tanstack/query 4, whose positional call forms are handled)',
  defaults: [
    '`retry: 3` for queries in the browser (0 on the server), 0 for mutations and `fetchQuery`; `retry: true` retries for ever',
    '`retryDelay`: `Math.min(1000 * 2 ** failureCount, 30000)`: exponential, capped at 30 s, no jitter',
    'Retry-After: not read',
    'every error is retried',
  ],
  checks: [
    { rule: 'no-unbounded-retry', when: '`retry: true`, `retry: Infinity`, a `retry` function that returns `true` without reading `failureCount`; suggests `retry: 3`.' },
    { rule: 'require-jitter', when: '`retry` is set and `retryDelay` is the default (suggests a jittered `retryDelay`), a numeric `retryDelay`, or a `retryDelay` function without randomness.' },
    { rule: 'require-backoff', when: 'a numeric `retryDelay` (0: no wait).' },
    { rule: 'require-max-delay', when: 'a `retryDelay` function whose growth is not capped.' },
    { rule: 'no-retry-on-client-error', when: 'a numeric or `true` `retry` around a `queryFn` / `mutationFn` that calls a client throwing on 4xx (axios, got, ky, ofetch, superagent).' },
    { rule: 'require-idempotency-key', when: 'a retried `mutationFn` sends a POST or PATCH without an idempotency key, or creates the key inside the function ; a client default (`defaultOptions.mutations`, `setMutationDefaults` without a `mutationFn`) that retries mutations, when the file sends a POST or PATCH without a key.' },
  ],
  notModelled: [
    'Options without `retry` or `retryDelay`: the built-in retry, untouched, is not reported.',
    'Options objects built at run time (`computed(…)`, spreads): unknowns.',
  ],
};

/** Types of a whole client's configuration (`new QueryClient(config)`). */
const CLIENT_CONFIG_TYPES = ['QueryClientConfig'];
/** vue-query's plugin options (`app.use(VueQueryPlugin, options)`): a client config under `queryClientConfig`. */
const PLUGIN_OPTION_TYPES = ['VueQueryPluginOptions'];
/** Types of a client's default options: `{ queries, mutations }` (react-query 2's `ReactQueryConfig` too). */
const DEFAULTS_TYPES = ['DefaultOptions', 'ReactQueryConfig'];
const QUERY_OPTION_TYPES = ['UseQueryOptions', 'UseInfiniteQueryOptions', 'UseSuspenseQueryOptions', 'QueryObserverOptions', 'QueryOptions', 'FetchQueryOptions'];
const MUTATION_OPTION_TYPES = ['UseMutationOptions', 'MutationOptions', 'MutationObserverOptions'];

export const tanstackQueryAdapter: LibraryAdapter = {
  packages: PACKAGES,
  docs,
  analyze(node, origin, ctx) {
    const api = apiOf(node, origin);
    if (!api) return [];
    const sites: RetrySite[] = [];
    const args = node.arguments;
    if (api.type === 'hook') {
      const found = hookOptions(ctx, args);
      if (found) sites.push(...optionSite(ctx, node, found.options, api.kind, api.kind === 'query' ? 3 : 0, found.fn));
    } else if (api.type === 'trpc-hook') {
      // `useQuery(input, options)`, `useMutation(options)`.
      const o = objectOf(ctx, args[api.kind === 'query' ? 1 : 0]);
      if (o) sites.push(...optionSite(ctx, node, o, api.kind, api.kind === 'query' ? 3 : 0, undefined));
    } else if (api.type === 'queries') {
      const first = objectOf(ctx, args[0]);
      const list = first ? readOption(ctx, optionsObject(ctx, first), 'queries')?.value : args[0];
      for (const o of queryObjects(ctx, list)) sites.push(...optionSite(ctx, node, o, 'query', 3, undefined));
    } else if (api.type === 'fetch') {
      const o = objectOf(ctx, args[0]);
      if (o) sites.push(...optionSite(ctx, node, o, 'query', 0, undefined));
    } else if (api.type === 'set-defaults') {
      const o = objectOf(ctx, args[1]);
      if (o) sites.push(...optionSite(ctx, node, o, api.kind, api.kind === 'query' ? 3 : 0, undefined, true));
    } else {
      // tRPC: `createTRPCNext({ config() { return { queryClientConfig: { defaultOptions } } } })`.
      const o = api.type === 'trpc' ? trpcClientConfig(ctx, args[0]) : objectOf(ctx, args[0]);
      const defaults = o && (api.type === 'client' || api.type === 'trpc') ? objectOf(ctx, readOption(ctx, optionsObject(ctx, o), 'defaultOptions')?.value) : o;
      if (!defaults) return [];
      const queries = objectOf(ctx, readOption(ctx, optionsObject(ctx, defaults), 'queries')?.value);
      const mutations = objectOf(ctx, readOption(ctx, optionsObject(ctx, defaults), 'mutations')?.value);
      if (queries) sites.push(...optionSite(ctx, node, queries, 'query', 3, undefined));
      if (mutations) sites.push(...optionSite(ctx, node, mutations, 'mutation', 0, undefined, true));
    }
    return sites;
  },
  /**
   * Option objects typed with the library's own types, wherever they are handed over
   * (`const config: QueryClientConfig = {…}`, `{…} satisfies DefaultOptions`, react-query 2's
   * `ReactQueryConfig`, `UseQueryOptions`, `UseMutationOptions`).
   */
  typed: {
    types: [...PLUGIN_OPTION_TYPES, ...CLIENT_CONFIG_TYPES, ...DEFAULTS_TYPES, ...QUERY_OPTION_TYPES, ...MUTATION_OPTION_TYPES].map((t) => [t]),
    analyze(literal, ctx) {
      const type = typeNameOf(literal);
      if (!type) return [];
      if (QUERY_OPTION_TYPES.includes(type)) return optionSite(ctx, literal, literal, 'query', 3, undefined);
      if (MUTATION_OPTION_TYPES.includes(type)) return optionSite(ctx, literal, literal, 'mutation', 0, undefined);
      const config = PLUGIN_OPTION_TYPES.includes(type) ? objectOf(ctx, readOption(ctx, optionsObject(ctx, literal), 'queryClientConfig')?.value) : literal;
      if (!config) return [];
      const defaults = CLIENT_CONFIG_TYPES.includes(type) || PLUGIN_OPTION_TYPES.includes(type) ? objectOf(ctx, readOption(ctx, optionsObject(ctx, config), 'defaultOptions')?.value) : literal;
      if (!defaults) return [];
      const queries = objectOf(ctx, readOption(ctx, optionsObject(ctx, defaults), 'queries')?.value);
      const mutations = objectOf(ctx, readOption(ctx, optionsObject(ctx, defaults), 'mutations')?.value);
      return [
        ...(queries ? optionSite(ctx, literal, queries, 'query', 3, undefined) : []),
        ...(mutations ? optionSite(ctx, literal, mutations, 'mutation', 0, undefined, true) : []),
      ];
    },
  },
};

/** The last name of the type an object literal is given (annotation, `as`, `satisfies`), through `Partial<…>` and the like. */
function typeNameOf(literal: TSESTree.ObjectExpression): string | undefined {
  const p = literal.parent;
  let type: TSESTree.TypeNode | undefined;
  if (p?.type === T.VariableDeclarator && p.id.type === T.Identifier) type = p.id.typeAnnotation?.typeAnnotation;
  else if (p?.type === T.TSAsExpression || p?.type === T.TSSatisfiesExpression) type = p.typeAnnotation;
  else if (p?.type === T.ReturnStatement || p?.type === T.ArrowFunctionExpression) {
    let f: Node | undefined = p;
    while (f && !isFunction(f)) f = f.parent;
    type = f && isFunction(f) ? f.returnType?.typeAnnotation : undefined;
  }
  for (let i = 0; type && i < 3; i++) {
    if (type.type !== T.TSTypeReference) return undefined;
    const n = type.typeName;
    const name = n.type === T.Identifier ? n.name : n.type === T.TSQualifiedName ? n.right.name : undefined;
    if (name && /^(Partial|Readonly|Required|Pick|Omit)$/.test(name) && type.typeArguments?.params[0]) {
      type = type.typeArguments.params[0];
      continue;
    }
    return name;
  }
  return undefined;
}

type Api =
  | { type: 'hook'; kind: Kind }
  | { type: 'queries' }
  | { type: 'fetch' }
  | { type: 'set-defaults'; kind: Kind }
  | { type: 'client' }
  | { type: 'client-defaults' }
  | { type: 'trpc' }
  | { type: 'trpc-hook'; kind: Kind };

function apiOf(node: TSESTree.CallExpression | TSESTree.NewExpression, origin: Origin): Api | undefined {
  const p = normalPath(origin);
  const last = p[p.length - 1] ?? '';
  if (node.type === T.NewExpression) return p.length === 1 && last === 'QueryClient' ? { type: 'client' } : undefined;
  // `api.post.byId.useQuery(input, { retry })` on `createTRPCReact()`'s hooks: a TanStack hook with the input first.
  if ((origin.module === '@trpc/react-query' || origin.module === '@trpc/next') && p.length >= 4 && TRPC_HOOK_FACTORIES.has(p[0]!) && p[1] === '()') {
    if (QUERY_HOOKS.has(last)) return { type: 'trpc-hook', kind: 'query' };
    if (MUTATION_HOOKS.has(last)) return { type: 'trpc-hook', kind: 'mutation' };
    return undefined;
  }
  if (origin.module === '@trpc/react-query') return undefined;
  if (origin.module === '@trpc/next') return p.length === 1 && TRPC_NEXT.has(last) ? { type: 'trpc' } : undefined;
  if (p.length === 1) {
    if (QUERY_HOOKS.has(last)) return { type: 'hook', kind: 'query' };
    if (MUTATION_HOOKS.has(last)) return { type: 'hook', kind: 'mutation' };
    if (QUERIES_HOOKS.has(last)) return { type: 'queries' };
    return undefined;
  }
  // A QueryClient instance: `new QueryClient()`, `useQueryClient()`, `injectQueryClient()`.
  const head = p.slice(0, -1).join('.');
  if (!['QueryClient.new', 'useQueryClient.()', 'injectQueryClient.()'].includes(head)) return undefined;
  if (FETCH_METHODS.has(last)) return { type: 'fetch' };
  if (last === 'setQueryDefaults') return { type: 'set-defaults', kind: 'query' };
  if (last === 'setMutationDefaults') return { type: 'set-defaults', kind: 'mutation' };
  if (last === 'setDefaultOptions') return { type: 'client-defaults' };
  return undefined;
}

/** The `queryClientConfig` object tRPC's `config()` option returns (each returned object read; the first that sets it). */
function trpcClientConfig(ctx: LibraryContext, arg: Node | undefined): TSESTree.ObjectExpression | undefined {
  const options = arg ? resolveExpression(ctx, arg) : undefined;
  if (options?.type !== T.ObjectExpression) return undefined;
  const config = readOption(ctx, optionsObject(ctx, options), 'config');
  const fn = config ? resolveFunction(ctx, config.value) : undefined;
  for (const r of fn ? returnedExpressions(fn, ctx.sourceCode.visitorKeys) : []) {
    const returned = resolveExpression(ctx, r);
    if (returned?.type !== T.ObjectExpression) continue;
    const found = objectOf(ctx, readOption(ctx, optionsObject(ctx, returned), 'queryClientConfig')?.value);
    if (found) return found;
  }
  return undefined;
}

/** An object literal, also when returned by an options getter (`createQuery(() => ({ … }))`). */
function objectOf(ctx: LibraryContext, node: Node | null | undefined): TSESTree.ObjectExpression | undefined {
  let n = resolveExpression(ctx, node);
  if (n && isFunction(n) && n.params.length === 0) {
    const r = returnedExpressions(n, ctx.sourceCode.visitorKeys);
    n = r.length === 1 ? resolveExpression(ctx, r[0]) : undefined;
  }
  return n && n.type === T.ObjectExpression ? n : undefined;
}

/** The options of a hook call in its object form (`useQuery({…})`) or positional form (`useQuery(key, fn, {…})`). */
/** Option builders of tRPC's TanStack Query integration (`trpc.post.byId.queryOptions(input, opts)`), by where they take the options. */
const TRPC_OPTION_BUILDERS: Readonly<Record<string, number>> = { queryOptions: 1, infiniteQueryOptions: 1, mutationOptions: 0 };

function hookOptions(ctx: LibraryContext, args: readonly TSESTree.CallExpressionArgument[]): { options: TSESTree.ObjectExpression; fn: Node | undefined } | undefined {
  const first = objectOf(ctx, args[0]);
  if (first) return { options: first, fn: undefined };
  // `useQuery(trpc.users.whoami.queryOptions(undefined, { retry: … }))`: tRPC builds the hook's options
  // from its own argument; the options written there are TanStack's (a router path, not an import of it).
  const built = args[0] ? resolveExpression(ctx, args[0]) : undefined;
  if (built?.type === T.CallExpression) {
    const c = unwrap(built.callee);
    const at = c.type === T.MemberExpression && unwrap(c.object).type === T.MemberExpression ? TRPC_OPTION_BUILDERS[propertyName(c) ?? ''] : undefined;
    const o = at !== undefined ? objectOf(ctx, built.arguments[at]) : undefined;
    if (o) return { options: o, fn: undefined };
  }
  for (let i = args.length - 1; i > 0; i--) {
    const o = objectOf(ctx, args[i]);
    if (o) return { options: o, fn: args.slice(0, i).find((a) => resolveFunction(ctx, a) !== undefined) };
  }
  return undefined;
}

/** The query option objects of `useQueries`: an array literal, or `list.map((x) => ({ … }))`. */
function queryObjects(ctx: LibraryContext, node: Node | null | undefined): TSESTree.ObjectExpression[] {
  const n = resolveExpression(ctx, node);
  if (!n) return [];
  if (n.type === T.ArrayExpression) return n.elements.map((e) => (e && e.type !== T.SpreadElement ? objectOf(ctx, e) : undefined)).filter((o) => o !== undefined);
  if (n.type === T.CallExpression) {
    const c = unwrap(n.callee);
    const cb = resolveFunction(ctx, n.arguments[0]);
    if (c.type === T.MemberExpression && propertyName(c) === 'map' && cb) {
      const r = returnedExpressions(cb, ctx.sourceCode.visitorKeys);
      const o = r.length === 1 ? resolveExpression(ctx, r[0]) : undefined;
      return o && o.type === T.ObjectExpression ? [o] : [];
    }
  }
  return [];
}

/**
 * @param clientDefaults The options are a client's defaults (`defaultOptions.mutations`,
 *   `setMutationDefaults`): they apply to mutations written elsewhere.
 */
function optionSite(ctx: LibraryContext, call: Node, obj: TSESTree.ObjectExpression, kind: Kind, defaultRetry: number, positionalFn: Node | undefined, clientDefaults = false): RetrySite[] {
  const options: OptionsObject = optionsObject(ctx, obj);
  const retryOpt = readOption(ctx, options, 'retry');
  const delayOpt = readOption(ctx, options, 'retryDelay');
  if (!retryOpt && !delayOpt) return []; // the built-in retry, untouched
  const site = librarySite('@tanstack/query', call);
  const suggestions: Partial<Record<string, LibrarySuggestion[]>> = {};
  const at = retryOpt?.property ?? delayOpt!.property;

  let retries: number | undefined;
  let classifies = false;
  if (!retryOpt) {
    if (options.spread) return []; // `retry` may come from the spread
    retries = defaultRetry;
  } else {
    const v = retryOpt.known?.value;
    if (v === true) retries = Infinity;
    else if (v === false) retries = 0;
    else if (typeof v === 'number') retries = v;
    else {
      const fn = resolveFunction(ctx, retryOpt.value);
      classifies = true;
      const decision = fn ? handlerDecision(fn, 0, ['failureCount'], ctx.sourceCode.visitorKeys) : 'unknown';
      // `retry(failureCount, error)` judged by what it accepts (K8): statuses it lets through, 429/503 named.
      judgeCondition(ctx, site, { state: 'set', option: retryOpt }, { positional: ['count', 'error'], firstCount: 0 });
      if (decision === 'never') return [];
      // `failureCount` is 0 after the first failure (query-core `retryer.ts`): `failureCount < 3` is `retry: 3`.
      const limit = fn && decision === 'counted' ? countLimit(fn, { positional: ['count', 'error'] }, ctx.sourceCode, 0) : undefined;
      // A yes on a path the count never reaches (`if (e.status) return e.status >= 500`) retries for ever there.
      const endless = fn && decision === 'counted' ? uncountedYes(fn, 0, ['failureCount'], ctx.sourceCode) : undefined;
      if (decision === 'always' || endless) retries = Infinity;
      else retries = limit === undefined ? undefined : limit - 1;
      if (endless) site.bound = { kind: 'unbounded', maxAttempts: undefined, node: endless };
      else if (decision === 'counted') site.bound = { kind: 'bounded', maxAttempts: limit, node: retryOpt.property };
    }
  }
  if (retries !== undefined && retries <= 0) return [];
  if (retries === undefined) {
    if (site.bound.maxAttempts === undefined && site.bound.node === call) site.bound = { kind: 'unknown', maxAttempts: undefined, node: at };
  } else if (!Number.isFinite(retries)) {
    if (site.bound.kind !== 'unbounded') site.bound = { kind: 'unbounded', maxAttempts: undefined, node: at };
    if (retryOpt && retryOpt.known) suggestions['no-unbounded-retry'] = [replaceSuggestion(unwrap(retryOpt.value), '3', 'Stop after 3 retries (`retry: 3`)')];
  } else {
    site.bound = { kind: 'bounded', maxAttempts: retries + 1, node: at };
  }

  // `retryDelay(failureCount, error)` is asked before the count is stepped (query-core `retryer.ts`):
  // `retry: 3` passes 0, 1 and 2, so the largest count it is given is one less than the retries.
  const boundForDelay = retries !== undefined && Number.isFinite(retries) ? Math.max(0, retries - 1) : undefined;
  if (!delayOpt) {
    if (options.spread) site.waits = [{ node: at, argument: undefined, delay: opaqueDelay(at) }];
    else {
      site.waits = [{ node: at, argument: undefined, delay: scheduleDelay({ node: at, ...DEFAULT_DELAY, retries: retries, random: false }) }];
      suggestions['require-jitter'] = [
        insertProperty(obj, 'retryDelay: (attempt) => Math.random() * Math.min(1000 * 2 ** attempt, 30_000)', 'Add full jitter to the default delay (`retryDelay`)'),
      ];
    }
  } else {
    const ms = numberOption(delayOpt);
    const fn = ms === undefined ? resolveFunction(ctx, delayOpt.value) : undefined;
    if (ms !== undefined) {
      if (ms <= 0) site.noWait = delayOpt.property;
      else {
        site.waits = [{ node: delayOpt.property, argument: undefined, delay: scheduleDelay({ node: delayOpt.property, baseMs: ms, factor: 1, capMs: undefined, retries, random: false }) }];
        const fix = replaceSuggestion(unwrap(delayOpt.value), `(attempt) => Math.random() * Math.min(${ms} * 2 ** attempt, 30_000)`, 'Use exponential backoff with full jitter, capped at 30 s');
        suggestions['require-jitter'] = [fix];
        suggestions['require-backoff'] = [fix];
      }
    } else if (fn) {
      site.waits = [{ node: delayOpt.property, argument: undefined, delay: delayOfFunction(ctx.sourceCode, fn, boundForDelay) }];
    } else {
      site.waits = [{ node: delayOpt.property, argument: undefined, delay: opaqueDelay(delayOpt.property) }];
    }
  }

  const fnOpt = readOption(ctx, options, kind === 'query' ? 'queryFn' : 'mutationFn');
  const work: FunctionNode | undefined = resolveFunction(ctx, fnOpt?.value ?? positionalFn);
  if (work) {
    // The attempt runs the function and the same-file helpers it calls or chains (`.then(asJson)`).
    const reached = reachedFunctions(ctx, work, 2).map((f) => ({ f, calls: httpCallsIn(ctx, f, f !== work) }));
    if (!classifies && reached.some((r) => r.calls.some((c) => c.throwsOnHttpError))) site.clientErrorRetries.push({ node: retryOpt?.property ?? at, reason: 'catch-all' });
    else if (!classifies) site.clientErrorRetries.push(...nonOkThrows(ctx, work));
    // A key created in the function or a helper it runs is created anew on every attempt.
    if (kind === 'mutation') for (const r of reached) site.nonIdempotent.push(...unkeyedRequests(ctx, r.calls, r.f));
  } else if (kind === 'mutation' && clientDefaults && !fnOpt && retryOpt) {
    // A client default that retries every mutation (`defaultOptions.mutations`, `setMutationDefaults`
    // without a `mutationFn`): judged for a key only when the file itself sends a POST or PATCH with
    // none (a mutation helper beside the client); otherwise the mutations it applies to, and any key
    // they send, are out of sight (PRODUCT; the labelled sets agree: h7-20 against h16-24, h28-14).
    const sent = fileIndex(ctx.sourceCode).calls.find((c) => {
      const http = describeHttpCall(ctx.sourceCode, c, ctx.settings);
      return !!http && !!judgeIdempotency(ctx.sourceCode, http, c, ctx.settings);
    });
    if (sent) site.nonIdempotent.push({ node: retryOpt.property, method: 'mutation', key: 'none', keyNode: undefined, reportedAt: 'option' });
  }
  if (Object.keys(suggestions).length > 0) site.suggestions = suggestions;
  return [site];
}
