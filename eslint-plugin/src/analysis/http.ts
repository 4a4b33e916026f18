import { fileMemo } from './memo';
import type { ParserServicesWithTypeInformation, TSESLint, TSESTree } from '@typescript-eslint/utils';
import { ASTUtils } from '@typescript-eslint/utils';
import { T } from './node-types';
import type { RetrySettings } from '../utils/settings';
import { calleeName, contains, propertyName, stringValue, unwrap, walk } from './ast';
import { returnedExpressions, sameFileFunction } from './delay';
import { bindingOf, constantValue, fieldOf, laterWrites, normalPath, originOf, resolveExpression, staticValues, variableOf, type Origin } from './scope';
import { fileIndex } from './file-index';
import type { Node, NonIdempotentRequest } from './types';
import { isGenerationAddress, isIdempotencyKeyName, KEY_NAME_RE } from './vocabulary';

/** An HTTP request call the analysis recognises. */
export interface HttpCall {
  node: TSESTree.CallExpression;
  /** `fetch`, `axios`, `got`, `ky`, `ofetch`, `superagent`, `http`, `undici`, `ajax`. */
  client: string;
  /** Upper-case method, or undefined when it cannot be known statically. */
  method: string | undefined;
  /** The method option or the method-named callee, for reporting. */
  methodNode: Node | undefined;
  /** The client rejects on 4xx/5xx responses (axios, got, ky, ofetch, superagent, rxjs ajax); fetch does not. */
  throwsOnHttpError: boolean;
  /** The idempotency key's value expression, when one is sent. */
  keyValue: Node | undefined;
  /** The request's headers or options cannot be resolved statically: a key may be there. */
  keyUnknown: boolean;
  /**
   * When the method is a parameter and a same-file caller passes it (`this.request(path, 'POST')`):
   * that argument. The idempotency rule reports there, where the non-idempotent request is made.
   */
  methodSource?: Node;
  /** When the method is one of several possible values: all of them (upper case). */
  possibleMethods?: string[];
  /**
   * Other same-file callers that also send a non-idempotent method with no key (`this.send(p, { method:
   * 'POST' })` twice): each is a retried write of its own, reported where it names the method.
   */
  otherMethodSources?: Node[];
}

const METHOD_NAMES = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'del']);
/** Clients that reject on HTTP error statuses by default. */
const THROWING = new Set(['axios', 'got', 'ky', 'ofetch', 'superagent', 'ajax', 'graphql-request']);
/** Module → client name. */
const MODULES: Record<string, string> = {
  axios: 'axios',
  got: 'got',
  ky: 'ky',
  'ky-universal': 'ky',
  ofetch: 'ofetch',
  ohmyfetch: 'ofetch',
  superagent: 'superagent',
  http: 'http',
  https: 'http',
  'node:http': 'http',
  'node:https': 'http',
  undici: 'undici',
  'node-fetch': 'fetch',
  'cross-fetch': 'fetch',
  'isomorphic-fetch': 'fetch',
  'rxjs/ajax': 'ajax',
  // graphql-request rejects with a ClientError on any non-2xx answer and on GraphQL errors. Its
  // method (POST by default, GET when configured) says nothing of the operation: a query sent by
  // POST is a read, so the method is left unknown (a mutation is judged by its document).
  'graphql-request': 'graphql-request',
  // `request` (deprecated, still common) and its retrying wrapper `requestretry`: `request(options,
  // callback)`, `request.post(options, callback)`; an error status reaches the callback, no throw.
  request: 'request-js',
  requestretry: 'request-js',
};
/** Instance factories whose result is a client like the module itself. */
const FACTORIES = new Set(['create', 'extend', 'agent', 'defaults']);

/** Names of id generators (`generateStandardShortId`, `makeRequestId`, `newTraceId`): each call makes a new id. */
const ID_GENERATOR_NAME_RE = /^(generate|gen|create|make|new|random)[A-Z]\w*(Id|ID|Uuid|UUID)$/;

/** Names of functions that make a fresh unique id (an idempotency key made by them is new each call). */
export const KEY_FACTORIES = new Set([
  'randomUUID',
  'uuid',
  'v1',
  'v4',
  'v7',
  'uuidv4',
  'uuidV4',
  'nanoid',
  'ulid',
  'cuid',
  'createId',
  'createIdempotencyKey',
  'generateIdempotencyKey',
  'newIdempotencyKey',
  'randomBytes',
  'generateId',
]);

/** Packages whose id factories (`v4`, `nanoid`, `randomUUID`, …) make a new id per call. */
const ID_MODULES = new Set(['uuid', 'nanoid', 'ulid', 'ulidx', 'crypto', 'node:crypto', 'cuid', '@paralleldrive/cuid2', 'short-uuid', 'hyperid']);

/** A string known statically (a `const METHOD = 'POST'`). */
function staticString(sourceCode: TSESLint.SourceCode, node: Node): string | undefined {
  try {
    const v = ASTUtils.getStaticValue(unwrap(node) as TSESTree.Node, sourceCode.getScope(node));
    if (typeof v?.value === 'string') return v.value;
    // What getStaticValue does not read (a TypeScript enum member): the one constant-value reader.
    const c = constantValue(sourceCode, node);
    return typeof c?.value === 'string' ? c.value : undefined;
  } catch {
    return undefined;
  }
}

/** The answers of {@link describeHttpCall}, by settings and call (null: not a request). */
const httpCallsBySettings = fileMemo<RetrySettings, Map<TSESTree.CallExpression, HttpCall | null>>();

/**
 * Recognises an HTTP request call (global `fetch`, axios and its instances, got, ky, ofetch,
 * superagent, node `http`/`https`, undici, rxjs `ajax`) through imports and `require`, never
 * by a local name alone (except the global `fetch`). Memoised per call and settings: every loop
 * around a call asks about it (the answer is shared: do not change it).
 */
export function describeHttpCall(sourceCode: TSESLint.SourceCode, call: TSESTree.CallExpression, settings: RetrySettings): HttpCall | undefined {
  let memo = httpCallsBySettings.get(settings);
  if (!memo) {
    memo = new Map();
    httpCallsBySettings.set(settings, memo);
  }
  let h = memo.get(call);
  if (h === undefined) {
    h = describeRequest(sourceCode, call, settings) ?? null;
    memo.set(call, h);
  }
  return h ?? undefined;
}

/**
 * While {@link describeHttpCallAt} runs: for each function, the one call whose arguments its
 * parameters hold (the call the retry makes), in place of all its same-file callers.
 */
let boundCalls: ReadonlyMap<TSESTree.FunctionLike, readonly TSESTree.CallExpression[]> | undefined;

/**
 * {@link describeHttpCall} for a request in a same-file helper the retried code calls: the helper's
 * parameters hold the arguments of the call the retry makes (`calls`: helper → that call), not of
 * every caller in the file (`api('GET', '/items')` retried, `api('POST', …)` called once elsewhere:
 * the retried request is a GET). Not memoised.
 */
export function describeHttpCallAt(sourceCode: TSESLint.SourceCode, call: TSESTree.CallExpression, settings: RetrySettings, calls: ReadonlyMap<TSESTree.FunctionLike, readonly TSESTree.CallExpression[]>): HttpCall | undefined {
  const outer = boundCalls;
  boundCalls = calls;
  try {
    return describeRequest(sourceCode, call, settings) ?? undefined;
  } finally {
    boundCalls = outer;
  }
}

const axiosByUse = fileMemo<object, ReadonlySet<string>>();

/**
 * The expressions (by text) the file treats as axios instances by what it does with them: hands
 * them to axios-retry (`axiosRetry(this.client, …)`) or retry-axios (`rax.attach(http)`), or
 * registers interceptors on them (`api.interceptors.response.use(…)`).
 */
function axiosInstancesByUse(sourceCode: TSESLint.SourceCode): ReadonlySet<string> {
  const hit = axiosByUse.get(sourceCode.ast);
  if (hit) return hit;
  const out = new Set<string>();
  for (const c of fileIndex(sourceCode).calls) {
    const first = c.arguments[0];
    const callee = unwrap(c.callee);
    const origin = originOf(sourceCode, callee);
    if (first && first.type !== T.SpreadElement && origin && ((origin.module === 'axios-retry' && normalPath(origin).length === 0) || (origin.module === 'retry-axios' && normalPath(origin)[0] === 'attach'))) out.add(sourceCode.getText(unwrap(first)));
    // `X.interceptors.response.use(…)`
    if (callee.type === T.MemberExpression && propertyName(callee) === 'use') {
      const kind = unwrap(callee.object);
      const holder = kind.type === T.MemberExpression && /^(request|response)$/.test(propertyName(kind) ?? '') ? unwrap(kind.object) : undefined;
      if (holder?.type === T.MemberExpression && propertyName(holder) === 'interceptors') out.add(sourceCode.getText(unwrap(holder.object)));
    }
  }
  axiosByUse.set(sourceCode.ast, out);
  return out;
}

/** {@link describeHttpCall}, not memoised. */
function describeRequest(sourceCode: TSESLint.SourceCode, call: TSESTree.CallExpression, settings: RetrySettings): HttpCall | undefined {
  const callee = unwrap(call.callee);
  let client: string | undefined;
  let methodFromName: string | undefined;
  let methodNode: Node | undefined;
  let origin: Origin | undefined;
  if (callee.type === T.Identifier && callee.name === 'fetch') {
    const v = variableOf(sourceCode, callee);
    if (!v || v.defs.length === 0) client = 'fetch';
  }
  // `this.client.post(…)` where the file hands `this.client` to axios-retry or registers axios
  // interceptors on it: an axios instance by what is done with it, wherever it came from
  // (`options.client || axios.create()`).
  if (!client && callee.type === T.MemberExpression && !callee.computed) {
    const verb = propertyName(callee)?.toLowerCase();
    if (verb && METHOD_NAMES.has(verb) && axiosInstancesByUse(sourceCode).has(sourceCode.getText(unwrap(callee.object)))) {
      client = 'axios';
      methodFromName = verb === 'del' ? 'DELETE' : verb.toUpperCase();
      methodNode = callee;
    }
  }
  if (!client) {
    origin = originOf(sourceCode, callee) ?? originThroughParameter(sourceCode, callee);
    if (origin) client = clientOf(origin);
    if (!client || !origin) return requestByOptions(sourceCode, call, settings) ?? requestByShape(sourceCode, call, origin, settings);
    // A GraphQL request: the method does not tell a read from a write (see MODULES).
    if (client === 'graphql-request') return { node: call, client, method: undefined, methodNode: undefined, throwsOnHttpError: true, keyValue: undefined, keyUnknown: true };
    const path = normalPath(origin).filter((p, i, a) => !(FACTORIES.has(p) && a[i + 1] === '()') && p !== '()');
    const last = path[path.length - 1];
    // axios' `postForm`/`putForm`/`patchForm` (axios ≥ 1.0): the method with a multipart body.
    const verb = last && client === 'axios' && /^(post|put|patch)Form$/.test(last) ? last.slice(0, -4) : last;
    if (verb && METHOD_NAMES.has(verb.toLowerCase())) {
      methodFromName = verb.toLowerCase() === 'del' ? 'DELETE' : verb.toUpperCase();
      methodNode = callee;
    } else if (last === 'getJSON') {
      methodFromName = 'GET';
    } else if (last && !['request', 'rawRequest', 'fetch', 'ofetch', '$fetch', 'raw', 'native'].includes(last) && client !== 'fetch' && client !== 'undici') {
      // `axios.isAxiosError(…)`, `got.stream` etc.: not a request we model.
      if (path.length > 0 && !(client === 'ajax' && last === 'ajax')) return undefined;
    }
  }
  const options = optionsArgument(client, call, methodFromName !== undefined) ?? axiosConfigArgument(sourceCode, client, call, methodFromName !== undefined);
  // Options a same-file helper builds (`fetch(url, jsonInit('POST', body))`): the one object it returns.
  const built = options && !resolveObjectLiteral(sourceCode, options) ? builtByHelper(sourceCode, options) : undefined;
  const resolved = options ? (resolveObjectLiteral(sourceCode, options) ?? (built?.objects.length === 1 ? built.objects[0] : undefined)) : undefined;
  let method = methodFromName;
  let methodSource: Node | undefined;
  let otherMethodSources: Node[] | undefined;
  let allowedMethods: string[] | undefined;
  let keyUnknown = options !== undefined && resolved === undefined;
  if (!method) {
    const m = resolved && findProp(resolved, 'method');
    if (m) {
      const value = stringValue(m.value) ?? staticString(sourceCode, m.value);
      // S2: a parameter typed `'GET' | 'POST'` or defaulting to `'POST'`: the set of possible
      // methods (values-stream resolver). A set that holds a non-idempotent method stands for it.
      method = value?.toUpperCase() ?? methodOfSet(staticValues(sourceCode, m.value as Node), settings);
      methodNode = m;
      if (!method) {
        // A method known only as a set: a literal-union type, a default, or what same-file callers pass.
        const possible = possibleMethods(sourceCode, m.value);
        if (possible.length > 0) {
          const risky = possible.find((p) => settings.nonIdempotentMethods.includes(p.value)) ?? possible[0]!;
          method = risky.value;
          if (possible.length > 1) allowedMethods = possible.map((p) => p.value);
          if (risky.source) {
            methodNode = risky.source;
            methodSource = risky.source;
            const others = [...(risky.alsoFrom ?? []), ...possible.filter((p) => p !== risky && p.source && settings.nonIdempotentMethods.includes(p.value)).flatMap((p) => [p.source!, ...(p.alsoFrom ?? [])])];
            if (others.length > 0) otherMethodSources = others;
          }
        }
      }
    } else if (!keyUnknown) {
      method = 'GET';
    }
  }
  let keyValue: Node | undefined;
  // Options held in a parameter (`fetch(url, init)`, `{ ...init, signal }`): judged by what same-file callers pass.
  // A literal that names no method but spreads a parameter (`{ ...init, signal }`) sends the method the callers put there.
  const spreadsMethod = !!resolved && !findProp(resolved, 'method') && resolved.properties.some((p) => p.type === T.SpreadElement);
  const variants = !methodFromName && options && (method === undefined || keyUnknown || spreadsMethod) ? optionVariants(sourceCode, options, settings) : undefined;
  const chosen = variants && chooseVariant(variants, settings);
  if (chosen) {
    // Reported where the caller names the method (`method: 'POST'` in the options it passes): that call
    // is the retried write (the helper's other callers may send a GET).
    return { node: call, client, method: chosen.method, methodNode: chosen.source ?? methodNode, throwsOnHttpError: THROWING.has(client), keyValue: chosen.key, keyUnknown: false, ...(chosen.source ? { methodSource: chosen.source } : {}), ...(chosen.possible ? { possibleMethods: chosen.possible } : {}), ...(chosen.others ? { otherMethodSources: chosen.others } : {}) };
  }
  if (resolved) {
    const found = findKey(sourceCode, resolved, settings, 0);
    keyValue = found.value;
    keyUnknown = keyUnknown || found.unknown;
  } else if (keyUnknown && method && options && !built && paramSuppliesKey(sourceCode, options, settings) === 'none') {
    // `axios.post(url, body, config)` with `config` the helper's own parameter: no caller in the file
    // hands it a key (the method is known apart from it, so only the key was in question).
    keyUnknown = false;
  }
  if (client === 'superagent') {
    const set = superagentKey(sourceCode, call, settings);
    if (set === 'unknown') keyUnknown = true;
    else if (set) keyValue = set;
  }
  return { node: call, client, method, methodNode, throwsOnHttpError: THROWING.has(client), keyValue, keyUnknown, ...(methodSource ? { methodSource } : {}), ...(allowedMethods ? { possibleMethods: allowedMethods } : {}), ...(otherMethodSources ? { otherMethodSources } : {}) };
}

/**
 * A request made through a client the analysis does not know (a wrapper imported from another
 * module, a client passed in as a parameter or kept on an object), recognised by what it is given:
 * an options object whose `method` is an HTTP method (`send('/orders', { method: 'POST', … })`).
 * Same-file functions are not: the requests inside them are found where they are made. Whether
 * such a client rejects on 4xx is unknown, so it is taken not to.
 */
function requestByOptions(sourceCode: TSESLint.SourceCode, call: TSESTree.CallExpression, settings: RetrySettings): HttpCall | undefined {
  if (sameFileFunction(call.callee, { sourceCode })) return undefined;
  for (const arg of call.arguments.slice(0, 2)) {
    const obj = arg.type === T.SpreadElement ? undefined : resolveObjectLiteral(sourceCode, arg);
    const m = obj && findProp(obj, 'method');
    const value = m && (stringValue(m.value) ?? staticString(sourceCode, m.value));
    if (!obj || !m || !value || !METHOD_NAMES.has(value.toLowerCase()) || value.toLowerCase() === 'del') continue;
    // A route definition (`server.route({ method: 'POST', path, handler })`) serves requests; it makes none.
    if (findProp(obj, 'handler')) return undefined;
    const found = findKey(sourceCode, obj, settings, 0);
    return { node: call, client: 'request', method: value.toUpperCase(), methodNode: m, throwsOnHttpError: false, keyValue: found.value, keyUnknown: found.unknown };
  }
  return undefined;
}

/**
 * A request made through a client the analysis cannot trace (a parameter no same-file caller fills,
 * an object of a module it does not model), recognised by the shape every HTTP client API shares:
 * a method named after a non-idempotent HTTP method (`client.post(path, body, config)`, as axios,
 * got, ky, superagent and Angular's HttpClient spell it), or the method as a leading string
 * argument (`api.request('POST', url, body)`, `fetchJSON('PATCH', path, data)`). Only the methods
 * the settings call non-idempotent are recognised this way (a `get` on an unknown object is more
 * often a map's). Same-file functions are not: the requests inside them are found where they are
 * made. A call handed a function (a route `app.post(path, handler)`) serves requests; it makes none.
 * Whether such a client rejects on 4xx is unknown, so it is taken not to.
 */
function requestByShape(sourceCode: TSESLint.SourceCode, call: TSESTree.CallExpression, origin: Origin | undefined, settings: RetrySettings): HttpCall | undefined {
  // A package's object whose API is not an HTTP client's (`express().post(path, handler)`); a project
  // module (relative, or through a path alias) may well export a client instance.
  if (origin && !/^(\.|@\/|~\/|#)/.test(origin.module)) return undefined;
  if (call.arguments.length === 0) return undefined;
  // `wrapRequest(client.post, url, body)`, `send(api.patch.bind(api), url, body)`: a client's method
  // handed, uncalled, to a wrapper that calls it with the arguments after it.
  let handed = unwrap(call.arguments[0]!);
  if (handed.type === T.CallExpression && handed.callee.type === T.MemberExpression && propertyName(handed.callee) === 'bind') handed = unwrap(handed.callee.object);
  const handedVerb = handed.type === T.MemberExpression ? propertyName(handed)?.toUpperCase() : undefined;
  if (handedVerb && call.arguments.length >= 2 && settings.nonIdempotentMethods.includes(handedVerb) && METHOD_NAMES.has(handedVerb.toLowerCase())) {
    const h = withKey(sourceCode, { node: call, client: 'request', method: handedVerb, methodNode: handed, throwsOnHttpError: false, keyValue: undefined, keyUnknown: false }, call.arguments[3], settings);
    return h.keyValue || h.keyUnknown ? h : { ...h, keyValue: keyInBody(sourceCode, call.arguments[2], settings) };
  }
  if (sameFileFunction(call.callee, { sourceCode })) return undefined;
  const callee = unwrap(call.callee);
  if (call.arguments.length === 0 || call.arguments.some((a) => a.type === T.SpreadElement || isFunctionLike(sourceCode, a))) return undefined;
  if (callee.type === T.MemberExpression && unwrap(callee.object).type === T.ThisExpression) return undefined;
  const named = callee.type === T.MemberExpression ? propertyName(callee)?.toUpperCase() : undefined;
  if (named && settings.nonIdempotentMethods.includes(named) && METHOD_NAMES.has(named.toLowerCase())) {
    const first = unwrap(call.arguments[0]!);
    if (first.type === T.ObjectExpression || first.type === T.ArrayExpression) return undefined;
    // `post(url, body, config)`: the axios spelling, the one shared by most clients. A key may also
    // travel in the body (`{ items, idempotencyKey }`).
    const h = withKey(sourceCode, { node: call, client: 'request', method: named, methodNode: callee, throwsOnHttpError: false, keyValue: undefined, keyUnknown: false }, call.arguments[2], settings);
    return h.keyValue || h.keyUnknown ? h : { ...h, keyValue: keyInBody(sourceCode, call.arguments[1], settings) };
  }
  const verb = stringValue(call.arguments[0]);
  if (verb && verb === verb.toUpperCase() && METHOD_NAMES.has(verb.toLowerCase()) && verb !== 'DEL' && call.arguments.length >= 2) {
    const h = withKey(sourceCode, { node: call, client: 'request', method: verb, methodNode: call.arguments[0]!, throwsOnHttpError: false, keyValue: undefined, keyUnknown: false }, call.arguments[3], settings);
    return h.keyValue || h.keyUnknown ? h : { ...h, keyValue: keyInBody(sourceCode, call.arguments[2], settings) };
  }
  return undefined;
}

/** A key carried in a request body written as an object literal (`{ items, idempotencyKey: id }`). */
function keyInBody(sourceCode: TSESLint.SourceCode, body: Node | undefined, settings: RetrySettings): Node | undefined {
  const obj = body && body.type !== T.SpreadElement ? resolveObjectLiteral(sourceCode, body) : undefined;
  return obj ? findKey(sourceCode, obj, settings, 0).value : undefined;
}

/** Whether an argument is a function (written inline or a same-file function by name). */
function isFunctionLike(sourceCode: TSESLint.SourceCode, arg: Node): boolean {
  const a = unwrap(arg);
  if (a.type === T.ArrowFunctionExpression || a.type === T.FunctionExpression) return true;
  return a.type === T.Identifier && sameFileFunction(a, { sourceCode }) !== undefined;
}

/** Fills a request's key facts from its options argument (absent: no key; unreadable: unknown, unless no caller can hand one in). */
function withKey(sourceCode: TSESLint.SourceCode, h: HttpCall, config: Node | undefined, settings: RetrySettings): HttpCall {
  if (!config || config.type === T.SpreadElement) return h;
  const obj = resolveObjectLiteral(sourceCode, config);
  if (obj) {
    const found = findKey(sourceCode, obj, settings, 0);
    return { ...h, keyValue: found.value, keyUnknown: found.unknown };
  }
  return { ...h, keyUnknown: paramSuppliesKey(sourceCode, config, settings) !== 'none' };
}

/**
 * axios called with its config as the only argument (`axios(config)`, `axios.request(config)`,
 * `instance.request(config)`) where the config is a name, not a literal: the config argument when the
 * name holds an object (a `const`, or a parameter same-file callers fill with objects), undefined
 * when it may be the URL (`axios(url)`).
 */
function axiosConfigArgument(sourceCode: TSESLint.SourceCode, client: string, call: TSESTree.CallExpression, methodNamed: boolean): Node | undefined {
  if (client !== 'axios' || methodNamed || call.arguments.length !== 1) return undefined;
  const first = unwrap(call.arguments[0]!);
  if (first.type !== T.Identifier) return undefined;
  if (resolveObjectLiteral(sourceCode, first)) return first;
  const v = callerObjects(sourceCode, first, 0);
  return v && v.objects.length > 0 && v.objects.every((o) => o !== undefined) ? first : undefined;
}

/** The object literals same-file callers pass for a parameter (`undefined`: an argument left out). */
interface CallerObjects {
  objects: (TSESTree.ObjectExpression | undefined)[];
  /** Some caller passes something else (a call's result, an imported value), or the function is handed around. */
  unreadable: boolean;
}

/**
 * For a name that is a parameter of the function around it (never written): the object literals
 * same-file callers pass for it, following a caller that forwards a parameter of its own (two
 * levels), and the parameter's default. A call of the function itself that hands the parameter on
 * (`retry(url, init, n - 1)`) brings nothing new. Undefined when the name is not such a parameter.
 */
function callerObjects(sourceCode: TSESLint.SourceCode, value: Node, depth: number): CallerObjects | undefined {
  const n = unwrap(value);
  if (n.type !== T.Identifier || depth > 2) return undefined;
  const v = variableOf(sourceCode, n);
  const def = v?.defs[0];
  if (!v || !def || v.defs.length !== 1 || def.type !== 'Parameter' || laterWrites(v).length > 0) return undefined;
  const fn = def.node as TSESTree.FunctionLike;
  const index = fn.params.findIndex((p) => p === def.name || (p.type === T.AssignmentPattern && p.left === def.name));
  if (index < 0) return undefined;
  const param = fn.params[index]!;
  const out: CallerObjects = { objects: [], unreadable: !boundCalls?.has(fn) && passedAsValue(sourceCode, fn) };
  const add = (arg: Node | undefined): void => {
    if (!arg) {
      out.objects.push(undefined);
      return;
    }
    const a = unwrap(arg);
    if (a.type === T.Identifier && a.name === 'undefined') {
      out.objects.push(undefined);
      return;
    }
    if (a.type === T.Identifier && variableOf(sourceCode, a) === v) return;
    const obj = resolveObjectLiteral(sourceCode, a);
    if (obj) {
      out.objects.push(obj);
      return;
    }
    const inner = callerObjects(sourceCode, a, depth + 1);
    if (!inner) {
      out.unreadable = true;
      return;
    }
    out.objects.push(...inner.objects);
    out.unreadable ||= inner.unreadable;
  };
  if (param.type === T.AssignmentPattern) {
    const d = resolveObjectLiteral(sourceCode, param.right);
    if (d) out.objects.push(d);
    else out.unreadable = true;
  }
  for (const call of sameFileCallers(sourceCode, fn)) {
    if (call.arguments.some((a, i) => i <= index && a.type === T.SpreadElement)) {
      out.unreadable = true;
      continue;
    }
    // A left-out argument takes the default (counted above).
    if (!call.arguments[index] && param.type === T.AssignmentPattern) continue;
    add(call.arguments[index]);
  }
  return out;
}

/** One set of options a request can be made with: its method (upper case) and its idempotency key. */
interface OptionsVariant {
  method: string | undefined;
  key: Node | undefined;
  keyUnknown: boolean;
  /** Where the caller names the method (`method: 'POST'` in the object it passes): where a finding about it is reported. */
  source?: Node;
  /** The caller sends it to a model's generation endpoint: a write that changes no state. */
  generation?: boolean;
}

/**
 * The options a request can be made with when its options argument is a parameter, or an object
 * literal spreading one (`{ ...init, signal }`): one variant per object literal same-file callers
 * pass, the literal's own properties written over it. Undefined when the argument is neither.
 */
function optionVariants(sourceCode: TSESLint.SourceCode, options: Node, settings: RetrySettings): OptionsVariant[] | undefined {
  const own = resolveObjectLiteral(sourceCode, options);
  let spread: Node | undefined = own ? undefined : options;
  if (own) {
    const spreads = own.properties.filter((p): p is TSESTree.SpreadElement => p.type === T.SpreadElement);
    if (spreads.length !== 1) return undefined;
    spread = spreads[0]!.argument;
  }
  const callers = spread && callerObjects(sourceCode, spread, 0);
  if (!callers || callers.objects.length === 0) return undefined;
  const ownMethod = own ? findProp(own, 'method') : undefined;
  const ownKey = own ? findKey(sourceCode, { ...own, properties: own.properties.filter((p) => p.type !== T.SpreadElement) }, settings, 0) : undefined;
  const variants = callers.objects.map((obj): OptionsVariant => {
    const methods = ownMethod ? methodsOfValue(sourceCode, ownMethod.value, settings) : obj ? methodsOfObject(sourceCode, obj, settings) : ['GET'];
    const found = ownKey?.value ? ownKey : obj ? findKey(sourceCode, obj, settings, 0) : { value: undefined, unknown: false };
    const named = !ownMethod && obj ? findProp(obj, 'method') : undefined;
    // The caller's call sends to a model's generation endpoint (`/chat/completions`): no state changed (PRODUCT).
    const host = obj?.parent;
    const generation = host?.type === T.CallExpression && host.arguments.some((a) => a !== obj && a.type !== T.SpreadElement && isGenerationAddress(staticAddress(sourceCode, a) ?? ''));
    return { method: methods?.find((m) => settings.nonIdempotentMethods.includes(m)) ?? methods?.[0], key: found.value, keyUnknown: found.unknown || !methods, ...(named ? { source: named } : {}), ...(generation ? { generation: true } : {}) };
  });
  if (callers.unreadable) variants.push({ method: undefined, key: undefined, keyUnknown: true });
  return variants;
}

/** The methods an options object literal may send (`GET` when it names none and spreads nothing); undefined when unknown. */
function methodsOfObject(sourceCode: TSESLint.SourceCode, obj: TSESTree.ObjectExpression, settings: RetrySettings): string[] | undefined {
  const m = findProp(obj, 'method');
  if (m) return methodsOfValue(sourceCode, m.value, settings);
  return obj.properties.some((p) => p.type === T.SpreadElement) ? undefined : ['GET'];
}

/** The methods a method value may be: a literal, a `const`, a set of static values, a parameter's possible values. */
function methodsOfValue(sourceCode: TSESLint.SourceCode, value: Node, settings: RetrySettings): string[] | undefined {
  const s = stringValue(value) ?? staticString(sourceCode, value);
  if (s) return [s.toUpperCase()];
  const set = methodOfSet(staticValues(sourceCode, value), settings);
  if (set) return [set];
  const possible = possibleMethods(sourceCode, value).map((p) => p.value);
  return possible.length > 0 ? possible : undefined;
}

/**
 * The variant a retried request is judged by: one that sends a non-idempotent method with no key
 * (that call of the helper is retried unkeyed, whatever the other callers pass), else one that sends
 * such a method with a key (the key's creation is then judged), else, when every variant is known,
 * the first (an idempotent method). Undefined when nothing can be said.
 */
function chooseVariant(variants: OptionsVariant[], settings: RetrySettings): { method: string; key: Node | undefined; possible: string[] | undefined; source?: Node; others?: Node[] } | undefined {
  const methods = [...new Set(variants.map((v) => v.method).filter((m): m is string => m !== undefined))];
  const possible = methods.length > 1 ? methods : undefined;
  const unkeyed = variants.filter((v) => v.method && settings.nonIdempotentMethods.includes(v.method) && !v.key && !v.keyUnknown);
  const risky = unkeyed.find((v) => !v.generation) ?? unkeyed[0];
  // Several callers, every one sending a write with no key: the helper itself makes a retried write,
  // reported once at its request (one caller: at the caller, where its method is named).
  if (risky && variants.length > 1 && unkeyed.length === variants.length && unkeyed.every((v) => !v.generation)) return { method: risky.method!, key: undefined, possible };
  const others = unkeyed.filter((v) => v !== risky && v.source && !v.generation).map((v) => v.source!);
  if (risky) return { method: risky.method!, key: undefined, possible, ...(risky.source ? { source: risky.source } : {}), ...(risky.source && others.length > 0 ? { others } : {}) };
  const keyed = variants.find((v) => v.method && settings.nonIdempotentMethods.includes(v.method) && v.key);
  if (keyed) return { method: keyed.method!, key: keyed.key, possible: undefined };
  if (variants.every((v) => v.method && !v.keyUnknown)) return { method: variants[0]!.method!, key: undefined, possible: undefined };
  return undefined;
}

/**
 * The origin of a client reached through a parameter no default fills (`async function submit(http,
 * path, body) { … http.post(path, body) … }`): the origin every same-file caller's argument has, when
 * there is at least one caller and they all agree (`submit(axios.create({ … }), …)`). The callee's
 * property path from the parameter is kept (`http.post` → the instance's `post`).
 */
export function originThroughParameter(sourceCode: TSESLint.SourceCode, callee: Node, depth = 0): Origin | undefined {
  const path: string[] = [];
  let n = unwrap(callee);
  while (n.type === T.MemberExpression) {
    const name = propertyName(n);
    if (!name) return undefined;
    path.unshift(name);
    n = unwrap(n.object);
  }
  if (n.type !== T.Identifier || depth > 2) return undefined;
  const v = variableOf(sourceCode, n);
  const def = v?.defs[0];
  if (!v || !def || v.defs.length !== 1 || def.type !== 'Parameter' || laterWrites(v).length > 0) return undefined;
  // S2: a parameter typed as a client instance (`client: GraphQLClient`, `api: AxiosInstance`).
  const typed = instanceTypeOrigin(sourceCode, def.name as Node);
  if (typed) return { module: typed.module, path: [...typed.path, ...path] };
  const fn = def.node as TSESTree.FunctionLike;
  const index = fn.params.indexOf(def.name as TSESTree.Parameter);
  if (index < 0 || (!boundCalls?.has(fn) && passedAsValue(sourceCode, fn))) return undefined;
  let found: Origin | undefined;
  for (const call of sameFileCallers(sourceCode, fn)) {
    const arg = call.arguments[index];
    if (!arg || arg.type === T.SpreadElement || call.arguments.some((a, i) => i < index && a.type === T.SpreadElement)) return undefined;
    if (unwrap(arg).type === T.Identifier && variableOf(sourceCode, unwrap(arg) as TSESTree.Identifier) === v) continue;
    const o = originOf(sourceCode, arg) ?? originThroughParameter(sourceCode, arg, depth + 1);
    if (!o || (found && (found.module !== o.module || found.path.join('.') !== o.path.join('.')))) return undefined;
    found = o;
  }
  return found ? { module: found.module, path: [...found.path, ...path] } : undefined;
}

/** Client instance types, by module: a value of one is a client like the module's own export. */
const INSTANCE_TYPES: Record<string, { name: string; path: string[] }[]> = {
  axios: [{ name: 'AxiosInstance', path: [] }, { name: 'AxiosStatic', path: [] }, { name: 'Axios', path: [] }],
  got: [{ name: 'Got', path: [] }],
  ky: [{ name: 'KyInstance', path: [] }],
  'graphql-request': [{ name: 'GraphQLClient', path: ['GraphQLClient'] }],
};

/**
 * The client a binding's type annotation names (`client: GraphQLClient` imported from
 * 'graphql-request', `http: AxiosInstance`), as the origin of the client it holds; undefined for
 * any other type.
 */
function instanceTypeOrigin(sourceCode: TSESLint.SourceCode, binding: Node): Origin | undefined {
  const id = binding.type === T.AssignmentPattern ? binding.left : binding;
  const ann = id.type === T.Identifier ? id.typeAnnotation?.typeAnnotation : undefined;
  if (ann?.type !== T.TSTypeReference || ann.typeName.type !== T.Identifier) return undefined;
  const o = originOf(sourceCode, ann.typeName);
  const last = o?.path[o.path.length - 1];
  const hit = o && last ? INSTANCE_TYPES[o.module]?.find((t) => t.name === last) : undefined;
  return o && hit ? { module: o.module, path: hit.path } : undefined;
}

function clientOf(origin: Origin): string | undefined {
  const c = MODULES[origin.module] ?? (projectAxiosInstance(origin) ? 'axios' : undefined);
  if (!c) return undefined;
  const path = normalPath(origin);
  if (c === 'http' && !['request', 'get'].includes(path[0] ?? '')) return undefined;
  if (c === 'undici' && !['request', 'fetch'].includes(path[0] ?? '')) return undefined;
  if (c === 'ajax' && path[0] !== 'ajax') return undefined;
  // `request(url, doc)`, `rawRequest(…)`, `new GraphQLClient(url).request(doc)`.
  if (c === 'graphql-request' && !/^(request|rawRequest|GraphQLClient)$/.test(path[0] ?? '')) return undefined;
  return c;
}

/**
 * An axios instance the project exports from its own module, known by the module's file name or
 * the exported name (`import api from '@/lib/axios'`, `import { jobsAxios } from './http'`,
 * `require('../utils/axiosClient')`): a project module (relative, or through a path alias) that
 * says it is axios. Its requests reject every 4xx/5xx answer unless it sets `validateStatus`,
 * which the project module does out of sight (the same default a direct `axios.create()` gets).
 */
function projectAxiosInstance(origin: Origin): boolean {
  if (!/^(\.|@\/|~\/|#)/.test(origin.module)) return false;
  const file = origin.module.split('/').pop() ?? '';
  const exported = origin.path[0] && origin.path[0] !== 'default' && origin.path[0] !== '()' ? origin.path[0] : '';
  return /axios/i.test(file) || /axios/i.test(exported);
}

/** Which argument holds the request options for each client's call shapes. */
function optionsArgument(client: string, call: TSESTree.CallExpression, methodNamed: boolean): Node | undefined {
  const index = optionsArgumentIndex(client, call, methodNamed);
  return index === undefined ? undefined : unwrap(call.arguments[index]);
}

/**
 * The position of the request options among a call's arguments, by the client's signature:
 * axios `post`/`put`/`patch(url, data, config)` 2, its other methods and `axios(url, config)` 1,
 * `axios(config)` 0; got, ky, ofetch and the like `(url, options)` 1 or `(options)` 0; `fetch(url,
 * init)` 1. Undefined for a client that takes no options object (superagent chains `.set()`).
 */
export function optionsArgumentIndex(client: string, call: TSESTree.CallExpression, methodNamed: boolean): number | undefined {
  const first = call.arguments[0] && unwrap(call.arguments[0]);
  if (client === 'axios') {
    if (methodNamed) {
      const name = calleeName(call)?.toLowerCase().replace(/form$/, '');
      return name === 'post' || name === 'put' || name === 'patch' ? 2 : 1;
    }
    return first && first.type === T.ObjectExpression ? 0 : 1;
  }
  if (client === 'superagent') return undefined;
  if (first && first.type === T.ObjectExpression && client !== 'fetch') return 0;
  // node:http `request(options[, cb])` or `request(url[, options][, cb])`: options first unless a URL is.
  if (client === 'http' && first && !isUrlLike(first)) return 0;
  return 1;
}

/** A string, a template or a `new URL(…)`: what node:http takes as its first argument instead of options. */
function isUrlLike(n: Node): boolean {
  return (n.type === T.Literal && typeof n.value === 'string') || n.type === T.TemplateLiteral || (n.type === T.NewExpression && calleeName(n) === 'URL') || (n.type === T.BinaryExpression && n.operator === '+');
}

/** The object literal a value is, or a stable name holds (through `new Headers({…})`); undefined otherwise. */
export function resolveObjectLiteral(sourceCode: TSESLint.SourceCode, node: Node): TSESTree.ObjectExpression | undefined {
  let n: Node | undefined = unwrap(node);
  for (let i = 0; n && i < 5; i++) {
    if (n.type === T.ObjectExpression) return n;
    if (n.type === T.NewExpression && calleeName(n) === 'Headers' && n.arguments[0]) {
      n = unwrap(n.arguments[0]);
      continue;
    }
    if (n.type !== T.Identifier) return undefined;
    const v = variableOf(sourceCode, n);
    const b = v && bindingOf(v);
    if (!b || b.kind !== 'init' || !b.stable) return undefined;
    n = unwrap(b.node);
  }
  return undefined;
}

/**
 * The object literal a spread copies when this file shows all of it: a `const` bound to one, or a
 * class field whose initialiser is one, never assigned again and whose `headers` are never given a
 * header the code does not name (`this.init.headers.set(name, …)` with a key name or an unknown name).
 */
function copiedObject(sourceCode: TSESLint.SourceCode, arg: Node, settings: RetrySettings): TSESTree.ObjectExpression | undefined {
  const a = unwrap(arg);
  if (a.type === T.Identifier) return resolveObjectLiteral(sourceCode, a);
  if (a.type !== T.MemberExpression) return undefined;
  const f = fieldOf(a);
  if (!f || f.otherWrites.length > 0 || f.constructorWrites.length > 0 || !f.initializer) return undefined;
  const init = unwrap(f.initializer);
  if (init.type !== T.ObjectExpression) return undefined;
  let addsKey = false;
  walk(f.owner, sourceCode.visitorKeys, (n) => {
    if (addsKey) return false;
    if (n.type !== T.CallExpression || !['set', 'append'].includes(calleeName(n) ?? '')) return undefined;
    const c = unwrap(n.callee);
    const target = c.type === T.MemberExpression ? unwrap(c.object) : undefined;
    const holder = target?.type === T.MemberExpression ? unwrap(target.object) : undefined;
    if (holder?.type !== T.MemberExpression || propertyName(holder) !== f.name || unwrap(holder.object).type !== T.ThisExpression) return undefined;
    const name = n.arguments[0] && n.arguments[0].type !== T.SpreadElement ? stringValue(n.arguments[0]) : undefined;
    if (name === undefined || isKeyName(name, settings)) addsKey = true;
    return undefined;
  });
  return addsKey ? undefined : init;
}

function findProp(obj: TSESTree.ObjectExpression, name: string): TSESTree.Property | undefined {
  return obj.properties.find((p): p is TSESTree.Property => p.type === T.Property && propertyName(p) === name);
}

function isKeyName(name: string, settings: RetrySettings): boolean {
  return isIdempotencyKeyName(name, settings.idempotencyKeyHeaders);
}

/** Looks for an idempotency key in an options object, its headers, and nested objects. */
function findKey(sourceCode: TSESLint.SourceCode, obj: TSESTree.ObjectExpression, settings: RetrySettings, depth: number): { value: Node | undefined; unknown: boolean } {
  let unknown = false;
  for (const p of obj.properties) {
    if (p.type === T.SpreadElement) {
      // `{ ...this.init, method: 'POST' }`, `{ ...BASE, body }`: a same-file object the spread copies
      // (a `const`, or a field set once by its initialiser) is read for a key like the object itself.
      const copied = depth < 3 ? copiedObject(sourceCode, p.argument, settings) : undefined;
      if (copied) {
        const inner = findKey(sourceCode, copied, settings, depth + 1);
        if (inner.value) return inner;
        if (inner.unknown) unknown = true;
        continue;
      }
      // `...(token ? { Authorization: … } : {})`, `...(debug && { 'X-Debug': '1' })`: every object the
      // spread may copy is written here (or nothing is copied): each is read for a key.
      const spreadArg = unwrap(p.argument);
      const picks = spreadArg.type === T.ConditionalExpression ? [spreadArg.consequent, spreadArg.alternate] : spreadArg.type === T.LogicalExpression && spreadArg.operator === '&&' ? [spreadArg.right] : undefined;
      const copiesNothing = (b: Node): boolean => {
        const u = unwrap(b);
        return (u.type === T.Literal && !u.value) || (u.type === T.Identifier && u.name === 'undefined');
      };
      if (picks && picks.every((b) => unwrap(b).type === T.ObjectExpression || copiesNothing(b))) {
        for (const b of picks) {
          const u = unwrap(b);
          if (u.type !== T.ObjectExpression) continue;
          const r = findKey(sourceCode, u, settings, depth + 1);
          if (r.value) return r;
          unknown ||= r.unknown;
        }
        continue;
      }
      // `{ ...headers, 'content-type': … }` with `headers` the function's own parameter: unknown only
      // when a caller in the file may hand it a key (its default or an argument holds one, or cannot be read).
      if (paramSuppliesKey(sourceCode, p.argument, settings) !== 'none') unknown = true;
      continue;
    }
    const name = propertyName(p);
    if (name === undefined) {
      unknown = true;
      continue;
    }
    if (isKeyName(name, settings)) return { value: p.value, unknown: false };
    if (depth < 3 && (name === 'headers' || name === 'options' || name === 'config' || name === 'body' || name === 'json' || name === 'data')) {
      const inner = resolveObjectLiteral(sourceCode, p.value);
      // `headers: body ? { 'Content-Type': … } : {}`: either literal, each read for a key.
      const cond = unwrap(p.value);
      const both = !inner && cond.type === T.ConditionalExpression ? [cond.consequent, cond.alternate].map((b) => resolveObjectLiteral(sourceCode, b)) : undefined;
      const branches = both && both.every((b) => !!b) ? (both as TSESTree.ObjectExpression[]) : undefined;
      const built = inner || branches ? undefined : builtByHelper(sourceCode, p.value);
      if (branches) {
        for (const b of branches) {
          const r = findKey(sourceCode, b, settings, depth + 1);
          if (r.value) return r;
          unknown ||= r.unknown;
        }
      } else if (inner) {
        const r = findKey(sourceCode, inner, settings, depth + 1);
        if (r.value) return r;
        unknown ||= r.unknown;
      } else if (built) {
        // Headers a same-file helper returns: the key it writes, the helper's call standing for a
        // key it creates anew on every call (`headers: jsonHeaders()` with `randomUUID()` inside).
        for (const o of built.objects) {
          const r = findKey(sourceCode, o, settings, depth + 1);
          if (r.value) return { value: keyCreatedInside(sourceCode, r.value, built.fn) ? built.call : r.value, unknown: false };
          unknown ||= r.unknown;
        }
      } else if (name === 'headers') {
        unknown = true;
      }
    }
  }
  return { value: undefined, unknown };
}

/**
 * Whether a value that is a parameter of the function around it (`config`, `headers = {}`, never
 * written) can carry an idempotency key into the request: 'none' when its default and every
 * argument same-file callers pass for it are object literals (or absent) with no key, and the
 * function is not handed around as a value (its callers are all in sight); 'key' when one of them
 * holds a key; 'unknown' otherwise (not a parameter, a spread or unreadable argument, a caller out
 * of sight). A helper no caller in the file calls hands its caller's options on unread: 'none'.
 */
export function paramSuppliesKey(sourceCode: TSESLint.SourceCode, value: Node, settings: RetrySettings, depth = 0): 'none' | 'key' | 'unknown' {
  const n = unwrap(value);
  if (n.type !== T.Identifier || depth > 2) return 'unknown';
  const v = variableOf(sourceCode, n);
  const def = v?.defs[0];
  if (!v || !def || v.defs.length !== 1 || def.type !== 'Parameter' || laterWrites(v).length > 0) return 'unknown';
  // A parameter met again while judging itself (a recursive call hands on a copy of it): nothing new.
  if (judgingParams.has(v)) return 'none';
  judgingParams.add(v);
  try {
    return judgeParam(sourceCode, v, def, settings, depth);
  } finally {
    judgingParams.delete(v);
  }
}

/** Parameters `paramSuppliesKey` is judging (a guard against a call of itself that copies the parameter). */
const judgingParams = new Set<TSESLint.Scope.Variable>();

function judgeParam(sourceCode: TSESLint.SourceCode, v: TSESLint.Scope.Variable, def: TSESLint.Scope.Definition, settings: RetrySettings, depth: number): 'none' | 'key' | 'unknown' {
  const fn = def.node as TSESTree.FunctionLike;
  const index = fn.params.findIndex((p) => p === def.name || (p.type === T.AssignmentPattern && p.left === def.name));
  if (index < 0) return 'unknown';
  const param = fn.params[index]!;
  const judge = (arg: Node | undefined): 'none' | 'key' | 'unknown' => {
    if (!arg) return 'none';
    const a = unwrap(arg);
    if (a.type === T.Identifier && a.name === 'undefined') return 'none';
    // A call of itself handing the parameter on (`retry(url, config, n - 1)`): nothing new.
    if (a.type === T.Identifier && variableOf(sourceCode, a) === v) return 'none';
    const obj = resolveObjectLiteral(sourceCode, a);
    if (!obj) return a.type === T.Identifier ? paramSuppliesKey(sourceCode, a, settings, depth + 1) : 'unknown';
    const found = findKey(sourceCode, obj, settings, 1);
    return found.value ? 'key' : found.unknown ? 'unknown' : 'none';
  };
  let verdict: 'none' | 'key' | 'unknown' = param.type === T.AssignmentPattern ? judge(param.right) : 'none';
  if (verdict !== 'none') return verdict;
  if (!boundCalls?.has(fn) && passedAsValue(sourceCode, fn)) return 'unknown';
  for (const call of sameFileCallers(sourceCode, fn)) {
    const arg = call.arguments[index];
    verdict = arg?.type === T.SpreadElement || call.arguments.some((a, i) => i < index && a.type === T.SpreadElement) ? 'unknown' : judge(arg);
    if (verdict !== 'none') return verdict;
  }
  return 'none';
}

/** Whether a function is handed around as a value in the file (`.then(send)`, `handlers.push(send)`): its callers are out of sight. */
function passedAsValue(sourceCode: TSESLint.SourceCode, fn: TSESTree.FunctionLike): boolean {
  const p = fn.parent;
  let variable: TSESLint.Scope.Variable | undefined;
  if ((fn.type === T.FunctionDeclaration || fn.type === T.FunctionExpression) && fn.id) variable = variableOf(sourceCode, fn.id);
  if (!variable && p?.type === T.VariableDeclarator && p.id.type === T.Identifier) variable = variableOf(sourceCode, p.id);
  if (variable) {
    return variable.references.some((r) => {
      const up = r.identifier.parent;
      if (r.isWrite() || (up?.type === T.CallExpression && up.callee === r.identifier)) return false;
      // `export { send }`, `module.exports = { send }`, `export default send`: callers in other modules, which pass what they pass.
      return !(up?.type === T.ExportSpecifier || up?.type === T.ExportDefaultDeclaration || up?.type === T.Property || (up?.type === T.AssignmentExpression && up.right === r.identifier));
    });
  }
  // A function written inline as an argument (`pRetry(async (n) => …)`, `.then((res) => …)`): its caller is out of sight.
  return p?.type === T.CallExpression || p?.type === T.NewExpression;
}

/**
 * The object literals a same-file helper call returns (`headers: authHeaders(token)`), when every
 * value it returns is one (each branch of a returned `?:` counted); undefined otherwise (then the
 * headers stay unknown).
 */
function builtByHelper(sourceCode: TSESLint.SourceCode, value: Node): { call: TSESTree.CallExpression; fn: Node; objects: TSESTree.ObjectExpression[] } | undefined {
  const call = unwrap(value);
  if (call.type !== T.CallExpression) return undefined;
  const fn = sameFileFunction(call.callee, { sourceCode });
  if (!fn) return undefined;
  const objects: TSESTree.ObjectExpression[] = [];
  // A returned choice (`token ? { Authorization: … } : {}`) returns each of its branches.
  const branches = (r: Node): Node[] => {
    const u = unwrap(r);
    return u.type === T.ConditionalExpression ? [...branches(u.consequent), ...branches(u.alternate)] : [u];
  };
  const returned = returnedExpressions(fn, sourceCode).flatMap((r) => (r ? branches(r) : [undefined]));
  for (const r of returned) {
    const o = r && resolveObjectLiteral(sourceCode, r);
    if (!o) return undefined;
    objects.push(o);
  }
  return objects.length > 0 ? { call, fn, objects } : undefined;
}

/** superagent: `request.post(url).set('Idempotency-Key', key)`. */
function superagentKey(sourceCode: TSESLint.SourceCode, call: TSESTree.CallExpression, settings: RetrySettings): Node | 'unknown' | undefined {
  let n: Node = call;
  let unknown = false;
  while (n.parent && n.parent.type === T.MemberExpression && n.parent.parent?.type === T.CallExpression) {
    const outer: TSESTree.CallExpression = n.parent.parent;
    if (propertyName(n.parent) === 'set') {
      const first = outer.arguments[0];
      const name = stringValue(first);
      if (name && isKeyName(name, settings)) return outer.arguments[1];
      // `.set(headers)`, `.set(Object.assign({}, headers))`: several headers at once, from an object
      // read where it is written, else unknown (a caller's headers may carry the key).
      if (outer.arguments.length === 1 && first && first.type !== T.SpreadElement && name === undefined) {
        const obj = resolveObjectLiteral(sourceCode, first);
        if (obj) {
          const found = findKey(sourceCode, obj, settings, 0);
          if (found.value) return found.value;
          unknown ||= found.unknown;
        } else unknown = true;
      }
    }
    n = outer;
  }
  return unknown ? 'unknown' : undefined;
}

/**
 * Whether a key value is created inside `region` (so each attempt gets a new key). Returns the
 * creating expression, or undefined when the key is stable (created outside) or unknown.
 */
export function keyCreatedInside(sourceCode: TSESLint.SourceCode, value: Node, region: Node): Node | undefined {
  let n: Node | undefined = unwrap(value);
  for (let i = 0; n && i < 5; i++) {
    if (n.type === T.CallExpression || n.type === T.NewExpression) {
      return (makesFreshId(n, sourceCode) || helperMakesFreshKey(n, sourceCode)) && contains(region, n) ? n : undefined;
    }
    if (n.type === T.TemplateLiteral) {
      const fresh = n.expressions.map((e) => keyCreatedInside(sourceCode, e, region)).find((x) => x);
      return fresh;
    }
    if (n.type !== T.Identifier) return undefined;
    const v = variableOf(sourceCode, n);
    const b = v && bindingOf(v);
    if (!b || b.kind !== 'init' || !b.node) return undefined;
    n = unwrap(b.node);
  }
  return undefined;
}

/** A same-file helper whose returned headers hold a key it creates anew on each call (see `findKey`). */
function helperMakesFreshKey(n: TSESTree.CallExpression | TSESTree.NewExpression, sourceCode: TSESLint.SourceCode): boolean {
  const built = n.type === T.CallExpression ? builtByHelper(sourceCode, n) : undefined;
  return !!built && built.objects.some((o) => o.properties.some((p) => p.type === T.Property && KEY_NAME_RE.test(propertyName(p) ?? '') && keyCreatedInside(sourceCode, p.value, built.fn) !== undefined));
}

/**
 * Whether a call makes a fresh unique id each time it runs: an id factory by name or by its import
 * (uuid, nanoid, ulid, cuid, `crypto.randomUUID`), a conversion of one, or a same-file helper
 * returning one.
 */
export function makesFreshId(n: TSESTree.CallExpression | TSESTree.NewExpression, sourceCode?: TSESLint.SourceCode, depth = 0): boolean {
  const name = calleeName(n);
  if (name && KEY_FACTORIES.has(name)) return true;
  // An id generator out of sight, by its name (`generateStandardShortId()` from a shared package).
  if (name && ID_GENERATOR_NAME_RE.test(name) && !(sourceCode && n.type === T.CallExpression && sameFileFunction(n.callee, { sourceCode }))) return true;
  // An id factory imported under another name: `import { v4 as makeId } from 'uuid'`.
  if (sourceCode) {
    const origin = originOf(sourceCode, n.callee);
    const exported = origin ? normalPath(origin)[normalPath(origin).length - 1] : undefined;
    if (origin && exported && KEY_FACTORIES.has(exported) && ID_MODULES.has(origin.module)) return true;
  }
  // Conversions of a fresh value: `String(Date.now())`, `randomUUID().toString()`, `` `${uuid()}` ``.
  if ((name === 'String' || name === 'toString' || name === 'toUpperCase' || name === 'toLowerCase' || name === 'slice' || name === 'replace') && depth < 4) {
    const inner = name === 'String' ? n.arguments[0] : unwrap(n.callee).type === T.MemberExpression ? (unwrap(n.callee) as TSESTree.MemberExpression).object : undefined;
    const u = inner && unwrap(inner);
    if (u && (u.type === T.CallExpression || u.type === T.NewExpression) && makesFreshId(u, sourceCode, depth + 1)) return true;
  }
  // A same-file helper returning a fresh id: `const newKey = () => randomUUID()`.
  if (sourceCode && depth < 3 && n.type === T.CallExpression) {
    const fn = sameFileFunction(n.callee, { sourceCode });
    if (fn) {
      return returnedExpressions(fn, sourceCode).some((r) => {
        const u = unwrap(r);
        return (u.type === T.CallExpression || u.type === T.NewExpression) && makesFreshId(u, sourceCode, depth + 1);
      });
    }
  }
  if (name === 'now' || name === 'random' || name === 'toString') {
    // `Date.now()`, `Math.random().toString(36)`: a new value every call.
    const c = unwrap(n.callee);
    if (c.type === T.MemberExpression) {
      const obj = unwrap(c.object);
      if (obj.type === T.Identifier && (obj.name === 'Date' || obj.name === 'Math')) return true;
      if (obj.type === T.CallExpression) return makesFreshId(obj, sourceCode, depth + 1);
    }
  }
  return false;
}

/**
 * Judges one retried HTTP call: a non-idempotent method with no key, or a key created inside
 * the retried operation. `region` is the retried operation (loop body, function body).
 */
export function judgeIdempotency(sourceCode: TSESLint.SourceCode, http: HttpCall, region: Node, settings: RetrySettings): NonIdempotentRequest | undefined {
  if (!http.method || !settings.nonIdempotentMethods.includes(http.method)) return undefined;
  // PRODUCT: an LLM completion or embedding request changes no state and needs no key.
  const addresses = staticAddresses(sourceCode, http.node.arguments[0]);
  if (addresses.length > 0 && addresses.every(isGenerationAddress)) return undefined;
  // The options position is the request call's: given only where the reported node's own call is
  // that request (a method written in a helper's call, `jsonInit('POST', …)`, is another call).
  const optionsIndex = optionsArgumentIndex(http.client, http.node, http.methodNode === unwrap(http.node.callee));
  // A POST that only carries a protocol's envelope (GraphQL, JSON-RPC): the operation inside decides.
  if (!http.methodSource && envelopeOperation(sourceCode, http, optionsIndex) !== 'writes') return undefined;
  let own: Node | undefined = http.methodSource ?? http.node;
  while (own && own.type !== T.CallExpression) own = own.parent;
  const where = optionsIndex === undefined || own !== http.node ? {} : { optionsIndex };
  if (http.keyValue) {
    const fresh = keyCreatedInside(sourceCode, http.keyValue, region);
    return fresh ? { node: http.node, method: http.method, key: 'per-attempt', keyNode: fresh, ...where } : undefined;
  }
  if (http.keyUnknown) return undefined;
  return { node: http.methodSource ?? http.node, method: http.method, key: 'none', keyNode: undefined, ...where, ...(http.possibleMethods ? { possibleMethods: http.possibleMethods } : {}) };
}

/**
 * {@link judgeIdempotency}, and for a request that several same-file callers make non-idempotent with no
 * key, one more judgement per other caller, reported where that caller names its method.
 */
export function judgeIdempotencyAll(sourceCode: TSESLint.SourceCode, http: HttpCall, region: Node, settings: RetrySettings): NonIdempotentRequest[] {
  const j = judgeIdempotency(sourceCode, http, region, settings);
  if (!j) return [];
  // (Reported at a caller's argument, a judgement carries no options position to edit.)
  if (j.key !== 'none' || !http.methodSource || !http.otherMethodSources) return [j];
  return [j, ...http.otherMethodSources.map((node) => ({ ...j, node }))];
}

/** JSON-RPC methods (and GraphQL-like names) that only read: Ethereum's `eth_get…`/`eth_call`, `get…`, `query…`. */
const READ_RPC_RE = /^(eth_(get|call|estimateGas|blockNumber|chainId|gasPrice|feeHistory|syncing)|net_|web3_|get|query|list|fetch|find|read|status|health|block|chunk|tx$|validators)/i;

/**
 * What a POST whose body is a protocol's envelope asks the server to do, when the body says:
 * a GraphQL document (`{ query: 'query User…' }` reads, `'mutation …'` writes), or a JSON-RPC call
 * (`{ jsonrpc: '2.0', method: 'eth_getBalance' }` reads by its method's name). `'unknown'` when
 * the body is such an envelope but its document or method cannot be read (a parameter, an import):
 * the HTTP method then tells nothing, and the rule stays silent. `'writes'` for any other body,
 * where the HTTP method decides.
 */
function envelopeOperation(sourceCode: TSESLint.SourceCode, http: HttpCall, optionsIndex: number | undefined): 'reads' | 'writes' | 'unknown' {
  const payload = requestPayload(sourceCode, http, optionsIndex);
  if (!payload) return 'writes';
  const prop = (name: string): TSESTree.Property | undefined => payload.properties.find((p): p is TSESTree.Property => p.type === T.Property && propertyName(p) === name);
  const text = (n: Node | undefined): string | undefined => {
    const t = n && resolveStringish(sourceCode, n, 0);
    return t?.trim();
  };
  const query = prop('query');
  if (query && !prop('jsonrpc')) {
    const doc = text(query.value);
    if (doc === undefined) return 'unknown';
    if (/^mutation\b/.test(doc)) return 'writes';
    return /^(query\b|\{|subscription\b|fragment\b)/.test(doc) ? 'reads' : 'writes';
  }
  if (prop('jsonrpc')) {
    const method = text(prop('method')?.value);
    if (method === undefined) return 'unknown';
    return READ_RPC_RE.test(method) ? 'reads' : 'writes';
  }
  return 'writes';
}

/** A string, a template's text, a `gql` tagged template's text, through `const` names; undefined otherwise. */
function resolveStringish(sourceCode: TSESLint.SourceCode, n: Node, depth: number): string | undefined {
  const u = unwrap(n);
  const s = stringValue(u);
  if (s !== undefined) return s;
  if (u.type === T.TemplateLiteral) return u.quasis.map((q) => q.value.cooked ?? '').join('*');
  if (u.type === T.TaggedTemplateExpression) return u.quasi.quasis.map((q) => q.value.cooked ?? '').join('*');
  if (u.type === T.Identifier && depth < 3) {
    const def = variableOf(sourceCode, u)?.defs[0];
    if (def?.type === 'Variable' && def.parent.kind === 'const' && def.node.init) return resolveStringish(sourceCode, def.node.init, depth + 1);
  }
  return undefined;
}

/**
 * The object a request sends as its body, when written in the file: fetch's `body:
 * JSON.stringify({…})`, ky/got's `json: {…}`, axios' `data` (or the data argument of
 * `post(url, data)`), through `const` names.
 */
function requestPayload(sourceCode: TSESLint.SourceCode, http: HttpCall, optionsIndex: number | undefined): TSESTree.ObjectExpression | undefined {
  const call = http.node;
  const stringified = (n: Node | undefined): TSESTree.ObjectExpression | undefined => {
    if (!n) return undefined;
    let u = unwrap(n);
    if (u.type === T.CallExpression && calleeName(u) === 'stringify' && u.arguments[0]) u = unwrap(u.arguments[0]);
    return resolveObjectLiteral(sourceCode, u);
  };
  const name = calleeName(call)?.toLowerCase();
  if (http.client === 'axios' && (name === 'post' || name === 'put' || name === 'patch')) return stringified(call.arguments[1]);
  const optArg = optionsIndex === undefined ? undefined : call.arguments[optionsIndex];
  const options = optArg && optArg.type !== T.SpreadElement ? resolveObjectLiteral(sourceCode, optArg) : undefined;
  if (!options) return undefined;
  for (const key of ['body', 'json', 'data']) {
    const p = options.properties.find((x): x is TSESTree.Property => x.type === T.Property && propertyName(x) === key);
    if (p) return stringified(p.value);
  }
  return undefined;
}

/**
 * The text of a request's address with each interpolated part as a star (`${base}/v1/completions`
 * gives a star then `/v1/completions`), through a `const` holding a string or template; undefined when not written
 * out in the file.
 */
function staticAddress(sourceCode: TSESLint.SourceCode, arg: Node | undefined, depth = 0): string | undefined {
  if (!arg || depth > 3) return undefined;
  const u = unwrap(arg);
  const s = stringValue(u);
  if (s !== undefined) return s;
  if (u.type === T.TemplateLiteral) return u.quasis.map((q) => q.value.cooked ?? '').join('*');
  if (u.type === T.Identifier) {
    const def = variableOf(sourceCode, u)?.defs[0];
    if (def?.type === 'Variable' && def.parent.kind === 'const' && def.node.init) return staticAddress(sourceCode, def.node.init, depth + 1);
  }
  return undefined;
}

/**
 * The addresses a request can be sent to ({@link staticAddress}); for an address held in a parameter
 * of the function around the request, the ones same-file callers pass (empty when any is unknown).
 */
function staticAddresses(sourceCode: TSESLint.SourceCode, arg: Node | undefined): string[] {
  const one = staticAddress(sourceCode, arg);
  if (one !== undefined) return [one];
  const u = arg && unwrap(arg);
  if (!u || u.type !== T.Identifier) return [];
  const v = variableOf(sourceCode, u);
  const def = v?.defs[0];
  if (!v || !def || v.defs.length !== 1 || def.type !== 'Parameter' || laterWrites(v).length > 0) return [];
  const fn = def.node as TSESTree.FunctionLike;
  const index = fn.params.indexOf(def.name as TSESTree.Parameter);
  if (index < 0) return [];
  const out: string[] = [];
  for (const call of sameFileCallers(sourceCode, fn)) {
    const a = call.arguments[index];
    if (a && a.type !== T.SpreadElement && unwrap(a).type === T.Identifier && variableOf(sourceCode, unwrap(a) as TSESTree.Identifier) === v) continue;
    const s = a && a.type !== T.SpreadElement ? staticAddress(sourceCode, a) : undefined;
    if (s === undefined) return [];
    out.push(s);
  }
  return out;
}

/** One possible value of a method, and the caller's argument it comes from (if any). */
interface PossibleMethod {
  value: string;
  source: Node | undefined;
  /** Further callers' arguments that pass the same value. */
  alsoFrom?: Node[];
}

/**
 * The methods a non-literal method value can take: a parameter's literal-union type annotation
 * (inline or through a same-file type alias), its default value, or, for an unannotated or
 * `string` parameter, the literal arguments same-file callers pass for it. Empty when unknown.
 */
export function possibleMethods(sourceCode: TSESLint.SourceCode, value: Node): PossibleMethod[] {
  const n = unwrap(value);
  if (n.type !== T.Identifier) return [];
  const v = variableOf(sourceCode, n);
  const def = v?.defs[0];
  if (!v || !def || def.type !== 'Parameter' || v.references.some((r) => r.isWrite() && !r.init)) return [];
  const fn = def.node as TSESTree.FunctionLike;
  const index = fn.params.findIndex((p) => p === def.name || (p.type === T.AssignmentPattern && p.left === def.name));
  if (index < 0) return [];
  const param = fn.params[index]!;
  const id = param.type === T.AssignmentPattern ? param.left : param;
  const out: PossibleMethod[] = [];
  const push = (s: string | undefined, source?: Node): void => {
    if (s === undefined) return;
    const same = out.find((o) => o.value === s.toUpperCase());
    if (!same) out.push({ value: s.toUpperCase(), source });
    else if (source && same.source) (same.alsoFrom ??= []).push(source);
  };
  const typed = id.type === T.Identifier && id.typeAnnotation ? (literalStrings(sourceCode, id.typeAnnotation.typeAnnotation, 0) ?? checkerStrings(sourceCode, id)) : undefined;
  if (typed) for (const s of typed) push(s);
  if (param.type === T.AssignmentPattern) push(stringValue(param.right));
  if (typed) return out;
  for (const call of sameFileCallers(sourceCode, fn)) {
    const arg = call.arguments[index];
    if (arg && arg.type !== T.SpreadElement) push(stringValue(arg) ?? staticString(sourceCode, arg), arg);
  }
  return out;
}

/** The string literals of a literal or literal-union type (following same-file type aliases); undefined for any other type. */
function literalStrings(sourceCode: TSESLint.SourceCode, type: TSESTree.TypeNode, depth: number): string[] | undefined {
  if (depth > 4) return undefined;
  if (type.type === T.TSLiteralType) return type.literal.type === T.Literal && typeof type.literal.value === 'string' ? [type.literal.value] : undefined;
  if (type.type === T.TSUnionType) {
    const out: string[] = [];
    for (const t of type.types) {
      const inner = literalStrings(sourceCode, t, depth + 1);
      if (!inner) return undefined;
      out.push(...inner);
    }
    return out;
  }
  if (type.type === T.TSTypeReference && type.typeName.type === T.Identifier && !type.typeArguments) {
    const name = type.typeName.name;
    const alias = sourceCode.ast.body
      .map((s) => (s.type === T.ExportNamedDeclaration && s.declaration ? s.declaration : s))
      .find((s): s is TSESTree.TSTypeAliasDeclaration => s.type === T.TSTypeAliasDeclaration && s.id.name === name && !s.typeParameters);
    return alias ? literalStrings(sourceCode, alias.typeAnnotation, depth + 1) : undefined;
  }
  return undefined;
}

/**
 * With type information (`parserServices.program`): the string literals of a parameter's type when
 * it is a literal or a union of literals (an imported `type Verb = 'GET' | 'POST'`). Undefined otherwise.
 */
function checkerStrings(sourceCode: TSESLint.SourceCode, id: TSESTree.Identifier): string[] | undefined {
  try {
    const services = sourceCode.parserServices as Partial<ParserServicesWithTypeInformation> | undefined;
    if (!services?.program || !services.esTreeNodeToTSNodeMap) return undefined;
    const checker = services.program.getTypeChecker();
    const type = checker.getTypeAtLocation(services.esTreeNodeToTSNodeMap.get(id));
    const parts = type.isUnion() ? type.types : [type];
    const out: string[] = [];
    for (const t of parts) {
      if (checker.typeToString(t) === 'undefined') continue;
      if (!t.isStringLiteral()) return undefined;
      out.push(t.value);
    }
    return out.length > 0 ? out : undefined;
  } catch {
    return undefined;
  }
}

/** Same-file calls of a function: by its name, or `this.m(…)` / `obj.m(…)` for a method of a class or object literal. */
export function sameFileCallers(sourceCode: TSESLint.SourceCode, fn: TSESTree.FunctionLike): TSESTree.CallExpression[] {
  const bound = boundCalls?.get(fn);
  if (bound) return [...bound];
  const out: TSESTree.CallExpression[] = [];
  const p = fn.parent;
  let variable: TSESLint.Scope.Variable | undefined;
  if ((fn.type === T.FunctionDeclaration || fn.type === T.FunctionExpression) && fn.id) variable = variableOf(sourceCode, fn.id);
  if (!variable && p?.type === T.VariableDeclarator && p.id.type === T.Identifier) variable = variableOf(sourceCode, p.id);
  if (variable) {
    for (const r of variable.references) {
      const c = r.identifier.parent;
      if (c?.type === T.CallExpression && c.callee === r.identifier) out.push(c);
    }
    return out;
  }
  // A method, an object's method, or a class field holding the function (`call = async (path, verb) => …`).
  if (p?.type === T.MethodDefinition || (p?.type === T.Property && p.value === fn) || (p?.type === T.PropertyDefinition && !p.static && p.value === fn)) {
    const name = propertyName(p);
    const owner = p.parent;
    if (!name || !owner) return out;
    walk(owner, sourceCode.visitorKeys, (x) => {
      if (x.type !== T.CallExpression) return;
      const c = unwrap(x.callee);
      if (c.type === T.MemberExpression && propertyName(c) === name && unwrap(c.object).type === T.ThisExpression) out.push(x);
    });
    // A method of a named class, called on an instance the file makes (`const api = new Client()`,
    // `this.fetcher = new BackoffFetcher()` in another class): `api.m(…)`, `this.fetcher.m(…)`.
    const cls = (p.type === T.MethodDefinition || p.type === T.PropertyDefinition) && !p.static && owner.type === T.ClassBody ? owner.parent : undefined;
    if (cls && (cls.type === T.ClassDeclaration || cls.type === T.ClassExpression) && cls.id) {
      for (const x of fileIndex(sourceCode).calls) {
        const c = unwrap(x.callee);
        if (c.type !== T.MemberExpression || propertyName(c) !== name || unwrap(c.object).type === T.ThisExpression) continue;
        // The resolver stops at a construction (`unknown`, provenance `call`) or gives it as the value.
        const r = resolveExpression(sourceCode, unwrap(c.object));
        const made = r.kind === 'choice' ? undefined : unwrap(r.node);
        const ctor = made?.type === T.NewExpression ? unwrap(made.callee) : undefined;
        // The class's name has a binding outside the class and one inside it: compare by declaration.
        if (ctor?.type === T.Identifier && variableOf(sourceCode, ctor)?.defs.some((d) => d.node === cls)) out.push(x);
      }
    }
  }
  return out;
}

/** The method a set of possible methods stands for: its first non-idempotent member, or its only member. */
function methodOfSet(values: unknown[] | undefined, settings: RetrySettings): string | undefined {
  const methods = (values ?? []).filter((v): v is string => typeof v === 'string').map((v) => v.toUpperCase());
  if (methods.length === 0 || methods.length !== values?.length) return undefined;
  return methods.find((m) => settings.nonIdempotentMethods.includes(m)) ?? (methods.length === 1 ? methods[0] : undefined);
}

/** The response types of the Fetch API and of clients that mirror it (node-fetch, undici). */
const RESPONSE_TYPE_NAMES = new Set(['Response']);

/** `Response` or `Promise<Response>` as written in a type annotation. */
function isResponseType(type: TSESTree.TypeNode | undefined): boolean {
  if (!type || type.type !== T.TSTypeReference || type.typeName.type !== T.Identifier) return false;
  if (RESPONSE_TYPE_NAMES.has(type.typeName.name)) return true;
  const args = type.typeArguments?.params ?? [];
  return type.typeName.name === 'Promise' && args.length === 1 && isResponseType(args[0]);
}

/** A function-like node or function type whose declared return type is a Response. */
function returnsResponse(node: Node | undefined): boolean {
  if (!node) return false;
  if (node.type === T.TSFunctionType) return isResponseType(node.returnType?.typeAnnotation);
  if (node.type === T.FunctionDeclaration || node.type === T.FunctionExpression || node.type === T.ArrowFunctionExpression) return isResponseType(node.returnType?.typeAnnotation);
  return false;
}

/**
 * Whether a value is declared to be an HTTP response by its types: a variable annotated
 * `Response`, or one written with the result of calling a function (or a parameter of function
 * type) declared to return `Response` / `Promise<Response>`. The request itself may be made
 * anywhere (another module, a caller's callback); its status says which attempts failed.
 */
export function isTypedResponse(sourceCode: TSESLint.SourceCode, value: Node): boolean {
  const v0 = unwrap(value);
  if (v0.type !== T.Identifier) return false;
  const variable = variableOf(sourceCode, v0);
  if (!variable) return false;
  for (const def of variable.defs) {
    const id = def.name as TSESTree.Identifier;
    if (isResponseType(id.typeAnnotation?.typeAnnotation)) return true;
  }
  for (const ref of variable.references) {
    let w = ref.writeExpr ? unwrap(ref.writeExpr) : undefined;
    if (w?.type === T.AwaitExpression) w = unwrap(w.argument);
    if (w?.type !== T.CallExpression) continue;
    const callee = unwrap(w.callee);
    if (callee.type !== T.Identifier) continue;
    const fnVar = variableOf(sourceCode, callee);
    for (const def of fnVar?.defs ?? []) {
      if (def.node.type === T.FunctionDeclaration && returnsResponse(def.node)) return true;
      const id = def.name as TSESTree.Identifier;
      if (returnsResponse(id.typeAnnotation?.typeAnnotation)) return true;
      if (def.node.type === T.VariableDeclarator && def.node.init && returnsResponse(unwrap(def.node.init))) return true;
    }
  }
  return false;
}

/** Options that make a rejecting client resolve with its 4xx/5xx answers instead (axios, got/ky, ofetch). */
const ACCEPTS_ERROR_STATUSES = ['validateStatus', 'throwHttpErrors', 'ignoreResponseError'];

/** An options object that sets one of {@link ACCEPTS_ERROR_STATUSES}, or may (a spread, or one that cannot be resolved). */
function mayAcceptErrorStatuses(sourceCode: TSESLint.SourceCode, options: Node): boolean {
  const obj = resolveObjectLiteral(sourceCode, options);
  if (!obj) return true;
  return obj.properties.some((p) => p.type === T.SpreadElement || ACCEPTS_ERROR_STATUSES.includes(propertyName(p) ?? ''));
}

/**
 * Whether the request rejects every 4xx/5xx answer: a client that throws on HTTP errors
 * (`throwsOnHttpError`), with no option on the call or on the instance it was made from
 * (`axios.create({ validateStatus })`, `got.extend({ throwHttpErrors: false })`,
 * `api.defaults.validateStatus = …`) that lets such an answer through. Code that reads the result
 * of such a request, with nothing catching the rejection, only ever sees a 2xx answer.
 */
export function rejectsErrorStatuses(sourceCode: TSESLint.SourceCode, h: HttpCall): boolean {
  if (!h.throwsOnHttpError) return false;
  const options = optionsArgument(h.client, h.node, h.methodNode === unwrap(h.node.callee));
  if (options && mayAcceptErrorStatuses(sourceCode, options)) return false;
  if (h.node.arguments.some((a) => a.type === T.SpreadElement)) return false;
  // The instance the call goes through, and the instances it was made from.
  const callee = unwrap(h.node.callee);
  let inst: Node | undefined = callee.type === T.MemberExpression ? unwrap(callee.object) : callee;
  for (let depth = 0; inst && depth < 4; depth++) {
    if (inst.type === T.CallExpression) {
      // `axios.create({ … })(…)`, `got.extend({ … })`: the factory's options.
      if (inst.arguments.some((a) => a.type === T.SpreadElement || mayAcceptErrorStatuses(sourceCode, a))) return false;
      const c: Node = unwrap(inst.callee);
      inst = c.type === T.MemberExpression ? unwrap(c.object) : undefined;
      continue;
    }
    if (inst.type !== T.Identifier) break;
    const v = variableOf(sourceCode, inst);
    if (!v) break;
    // `api.defaults.validateStatus = …`
    const setLater = v.references.some((r) => {
      const m = r.identifier.parent;
      return m?.type === T.MemberExpression && propertyName(m) === 'defaults' && m.parent.type === T.MemberExpression && ACCEPTS_ERROR_STATUSES.includes(propertyName(m.parent) ?? '');
    });
    if (setLater) return false;
    const b = bindingOf(v);
    inst = b && b.kind === 'init' && b.node ? unwrap(b.node) : undefined;
  }
  return true;
}

/**
 * Whether every response a test reads (`res.status === 200`, `!reply.ok`) is a variable whose every
 * value is an awaited request that rejects its 4xx/5xx answers ({@link rejectsErrorStatuses}): the
 * test only ever sees a 2xx answer, so it tells success steps apart (200 from 202), not failures.
 */
export function testsOnlySuccessfulAnswers(sourceCode: TSESLint.SourceCode, test: Node, settings: RetrySettings): boolean {
  const responses: TSESTree.Identifier[] = [];
  let other = false;
  walk(test, sourceCode.visitorKeys, (m) => {
    if (m.type === T.MemberExpression && /^(status|statusCode|ok)$/.test(propertyName(m) ?? '')) {
      const o = unwrap(m.object);
      if (o.type === T.Identifier) responses.push(o);
      else other = true;
    }
    return undefined;
  });
  if (responses.length === 0 || other) return false;
  return responses.every((id) => {
    const v = variableOf(sourceCode, id);
    if (!v) return false;
    const writes = v.references.filter((r) => r.isWrite());
    return writes.length > 0 && writes.every((r) => {
      const w = r.writeExpr ? unwrap(r.writeExpr as Node) : undefined;
      if (w?.type !== T.AwaitExpression) return false;
      const call = unwrap(w.argument);
      const h = call.type === T.CallExpression ? describeHttpCall(sourceCode, call, settings) : undefined;
      return !!h && rejectsErrorStatuses(sourceCode, h);
    });
  });
}
