import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { propertyName, stringValue, unwrap } from '../ast';
import { normalPath, type Origin } from '../scope';
import type { Node } from '../types';
import { isIdempotencyKeyName } from '../vocabulary';
import { listEntries, optionState, resolveOptions, type OptionState, type Options } from './option-state';
import type { LibraryContext } from './types';
import { propertiesOf, readOption, resolveObject } from './util';

/**
 * For HTTP clients with a built-in retry (got, ky, ofetch): finds the options objects of a call
 * (a request, or an instance factory such as `got.extend` / `ky.create` / `ofetch.create`) and
 * their `retry` option. A client whose `retry` option is never written is not a retry site.
 */
export interface ClientCall {
  /** The options objects of the call (several for `got.extend(a, b)`); the last one that sets `retry` wins. */
  options: Options[];
  /** The `retry` option's state in the winning options object. */
  retry: OptionState;
  /** The options object holding `retry`. */
  holder: Options;
  /** An instance factory (`extend`, `create`): its requests are made through the result. */
  factory: boolean;
  /** The request method, when the call is a request whose method is known. */
  method: string | undefined;
}

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options']);

/**
 * Reads a client call. `factories` are the path names of instance factories; `optionsIndex` picks
 * the options argument of a request (`(url, options)` → 1, or 0 when the first argument is an object).
 */
export function readClientCall(ctx: LibraryContext, call: TSESTree.CallExpression, origin: Origin, factories: readonly string[], skip: readonly string[] = []): ClientCall | undefined {
  const path = normalPath(origin).filter((p) => p !== '()');
  const last = path[path.length - 1];
  if (last && skip.includes(last)) return undefined;
  const factory = last !== undefined && factories.includes(last);
  let args: Node[];
  if (factory) args = call.arguments;
  else {
    const first = unwrap(call.arguments[0] as Node | undefined);
    const firstIsOptions = first !== undefined && resolveObject(ctx, first) !== undefined;
    const a = firstIsOptions ? call.arguments[0] : call.arguments[1];
    args = a ? [a] : [];
  }
  const options = args.map((a) => resolveOptions(ctx, a));
  let retry: OptionState = { state: 'absent' };
  let holder: Options = { kind: 'none' };
  for (const o of options) {
    const s = optionState(ctx, o, 'retry');
    if (s.state === 'set' || (s.state === 'unknown' && retry.state === 'absent')) {
      retry = s;
      holder = o;
    }
  }
  let method: string | undefined;
  if (!factory) {
    if (last && METHODS.has(last.toLowerCase())) method = last.toUpperCase();
    else {
      const o = options[0];
      const m = o && o.kind === 'object' ? readOption(ctx, o.obj, 'method')?.property : undefined;
      method = m ? stringValue(m.value)?.toUpperCase() : o && o.kind === 'unknown' ? undefined : 'GET';
    }
  }
  return { options, retry, holder, factory, method };
}

/**
 * The options inside a client's `retry` option. `limitFromNumber` is the value of the number form
 * (`retry: 3`, the retry limit alone), as the caller reads it: every other option then has its
 * default. Otherwise `retry` must be an object (or a `const` bound to one); anything else is unknown.
 */
export function retryOptions(ctx: LibraryContext, value: Node, limitFromNumber: number | undefined): Options {
  if (limitFromNumber !== undefined) return { kind: 'none' };
  const options = resolveOptions(ctx, value);
  return options.kind === 'none' ? { kind: 'unknown' } : options;
}

/** Whether the options carry an idempotency key (in `headers`), or may (spread, unresolvable headers). */
export function optionsKey(ctx: LibraryContext, options: readonly Options[]): 'yes' | 'no' | 'unknown' {
  let unknown = false;
  for (const o of options) {
    if (o.kind === 'unknown') unknown = true;
    if (o.kind !== 'object') continue;
    if (o.obj.spread) unknown = true;
    const headers = readOption(ctx, o.obj, 'headers')?.property;
    if (!headers) continue;
    const h = resolveObject(ctx, headers.value);
    if (!h) {
      unknown = true;
      continue;
    }
    if (h.spread) unknown = true;
    for (const p of propertiesOf(h)) {
      const name = propertyName(p);
      if (name === undefined) unknown = true;
      else if (isIdempotencyKeyName(name, ctx.settings.idempotencyKeyHeaders)) return 'yes';
    }
  }
  return unknown ? 'unknown' : 'no';
}

/**
 * Whether a request made with `method` is retried under the client's `methods` option: got and ky
 * retry only the methods in that list (by default GET, PUT, HEAD, DELETE, OPTIONS and TRACE, so a
 * POST or PATCH is sent once). True when the method or the list cannot be known.
 *
 * @param defaults The client's default list, lower case.
 */
export function retriesMethod(ctx: LibraryContext, methods: OptionState, method: string | undefined, defaults: readonly string[]): boolean {
  if (!method) return true;
  const m = method.toLowerCase();
  if (methods.state === 'absent') return defaults.includes(m);
  if (methods.state !== 'set') return true;
  const list = listEntries(ctx, methods.option.value);
  if (!list.complete) return true;
  return list.entries.some((e) => typeof e.value === 'string' && e.value.toLowerCase() === m);
}

/** got's and ky's default `methods` (got 14 `retry.methods`, ky 1.x `retry.methods`). */
export const DEFAULT_RETRY_METHODS: readonly string[] = ['get', 'put', 'head', 'delete', 'options', 'trace'];
