// Every rule runs over code that parses but is odd, half-typed or only loosely retry-shaped, and never
// throws: a rule that crashes costs the user the whole file's lint. Each input must also parse (no fatal
// message), so the test really reaches the rules.
import assert from 'node:assert/strict';
import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import plugin from '../../eslint-plugin/src/index';

const ALL_RULES = Object.fromEntries(Object.keys(plugin.rules).map((id) => [`retry/${id}`, 'error' as const]));

function lintAll(code: string, filename: string, settings: Record<string, unknown> = {}): Linter.LintMessage[] {
  const linter = new Linter({ configType: 'flat' });
  return linter.verify(
    code,
    [
      {
        files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx'],
        languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
        plugins: { retry: plugin },
        settings,
        rules: ALL_RULES,
      },
    ],
    { filename },
  );
}

function assertLints(code: string, filename = 'file.ts', settings: Record<string, unknown> = {}): void {
  let messages: Linter.LintMessage[] = [];
  assert.doesNotThrow(() => {
    messages = lintAll(code, filename, settings);
  });
  const fatal = messages.find((m) => m.fatal || !m.ruleId);
  assert.equal(fatal, undefined, `input did not parse: ${fatal?.message}`);
}

describe('crash safety: all seven rules on odd but valid code', () => {
  it('TypeScript wrappers around waits, delays, counters and statuses (as, satisfies, !, <T>x, instantiation)', () => {
    assertLints(`
const sleep = <T,>(ms: number, v?: T) => new Promise<T>((r) => setTimeout(() => r(v as T), ms));
export async function a<T>(op: () => Promise<T>, n = 3 as const): Promise<T | undefined> {
  for (let i = 0 as number; i! < (n satisfies number); i++) {
    try { return (await op())!; } catch (e: unknown) {
      if ((e as { status?: number })?.status! === (429 as number)) continue;
      await (sleep<void>(((<number>(100 * 2 ** i)) satisfies number)) as Promise<void>);
    }
  }
}`);
  });

  it('generics, overloads, abstract classes, enums, namespaces and declare module', () => {
    assertLints(`
declare module 'x' { export function sleep(ms: number): Promise<void>; }
namespace Retry { export const max = 3; }
enum Code { TooMany = 429, Unavailable = 503 }
export abstract class Base<T extends object = {}> {
  abstract run(): Promise<T>;
  retry(): Promise<T>;
  retry(n: number): Promise<T>;
  async retry(n = Retry.max): Promise<T> {
    try { return await this.run(); } catch (e: any) {
      if (e.status === Code.TooMany && n > 0) return this.retry(n - 1);
      throw e;
    }
  }
}`);
  });

  it('decorators (legacy and TC39), parameter properties, accessors, static blocks', () => {
    assertLints(`
declare const Retryable: (o?: object) => any;
declare const Inject: () => ParameterDecorator;
@Retryable({ attempts: Infinity })
export class Svc {
  static { void 0; }
  accessor count = 0;
  constructor(@Inject() private readonly http: { get(u: string): Promise<unknown> }) {}
  @Retryable()
  async load(url: string): Promise<unknown> {
    while (true) {
      try { return await this.http.get(url); } catch { this.count++; }
    }
  }
  get again(): Promise<unknown> { return this.again; }
}`);
  });

  it('optional chaining and optional calls everywhere', () => {
    assertLints(`
export async function a(o?: { op?: () => Promise<Response>; sleep?: (ms: number) => Promise<void> }) {
  for (let i = 0; i < 3; i++) {
    const res = await o?.op?.();
    if (res?.status === 429) { await o?.sleep?.(res?.headers?.get?.('retry-after') as any); continue; }
    if (!res?.ok) await o?.['sleep']?.(1000);
    return res?.json?.();
  }
}`);
  });

  it('JSX: a retry inside a component and an effect', () => {
    assertLints(
      `
import { useEffect, useState } from 'react';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export function Avatar({ id, ...rest }: { id: string; [k: string]: unknown }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let alive = true;
    (async () => {
      for (let i = 0; alive; i++) {
        try { const r = await fetch('/a/' + id, { method: 'POST' }); if (r.ok) return setSrc(await r.text()); }
        catch { await sleep(1000); }
      }
    })();
    return () => { alive = false; };
  }, [id]);
  return <><img src={src ?? undefined} {...rest} onError={() => setSrc(null)} />{[1, 2].map((k) => <i key={k} />)}</>;
}`,
      'component.tsx',
    );
  });

  it('half-typed JavaScript: CommonJS, JSDoc, any, arguments and this', () => {
    assertLints(
      `
/** @param {any} op */
module.exports = function again(op, n) {
  return op().catch(function () {
    if (arguments.length > 5) throw arguments[0];
    return setTimeout.call(this, again.bind(null, op, n + 1), n * 100);
  });
};
exports.forever = (op) => op().catch(() => exports.forever(op));`,
      'legacy.js',
    );
  });

  it('degenerate loops: empty bodies, labels, comma inits, no test, no block', () => {
    assertLints(`
declare const ok: () => boolean;
export async function a(op: () => Promise<void>) {
  while (true);
  for (;;) {}
  do ; while (!ok());
  outer: for (let i = 0, j = 10; ; i++, j--) {
    inner: while (j > i) {
      try { await op(); break outer; } catch { continue inner; } finally { j--; }
    }
  }
  for (const x of []) try { await op(); } catch {}
  for (const k in {}) while (k) try { await op(); break; } catch {}
  while (await op().then(() => false, () => true)) ;
}`);
  });

  it('waits and requests called with no, spread, odd or non-numeric arguments', () => {
    assertLints(`
const sleep = (...args: any[]) => new Promise((r) => setTimeout(r, ...args));
declare const args: [string, RequestInit];
export async function a(op: () => Promise<void>) {
  for (let i = 0; i < 3; i++) {
    try { await op(); await fetch(); await fetch(...args); return; } catch {
      await sleep();
      await sleep(...[1000]);
      await sleep('1000');
      await sleep(\`\${i}00\`);
      await sleep(2n as any);
      await sleep(1e400);
      await sleep(-1);
      await sleep(NaN);
      await sleep(2 ** 2 ** 2 ** i);
      await sleep(Math.min());
      await sleep(Math.pow(2));
      await sleep(Math.max(...[]));
      await new Promise(() => setTimeout());
      await new Promise(null as any);
      await new (Promise as any)();
    }
  }
}`);
  });

  it('cyclic and self-referencing bindings used as delays and bounds', () => {
    assertLints(`
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const f = (n: number): number => f(n) * 2;
const g = (n: number): number => h(n);
const h = (n: number): number => g(n) + 1;
let a: number = b;
let b: number = a;
export async function run(op: () => Promise<void>, max = max2()) {
  let d = d0;
  var d0 = d;
  for (let i = 0; i < a; i++) {
    try { return await op(); } catch {
      d = d * 2 + f(i) + g(i);
      await sleep(d);
      await sleep(b);
    }
  }
  function max2(): number { return max2(); }
  void max;
}`);
  });

  it('a very long delay expression and a deeply nested one', () => {
    const long = Array.from({ length: 300 }, () => '1').join(' + ');
    const deep = '('.repeat(120) + 'attempt' + ' * 2)'.repeat(120);
    assertLints(`
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export async function run(op: () => Promise<void>) {
  for (let attempt = 0; attempt < 5; attempt++) {
    try { return await op(); } catch {
      await sleep(${long});
      await sleep(${deep});
    }
  }
}`);
  });

  it('recursion through unusual callees: computed members, bind/call, IIFEs, getters, mutual recursion', () => {
    assertLints(`
export const api: Record<string, (u: string) => Promise<unknown>> = {
  ['get']: async (u) => { try { return await fetch(u); } catch { return api['get']!(u); } },
};
function ping(u: string): Promise<unknown> { return fetch(u).catch(() => pong.call(null, u)); }
function pong(u: string): Promise<unknown> { return fetch(u).catch(() => ping.apply(null, [u])); }
(async function self(n: number): Promise<void> { try { await fetch('/x'); } catch { return self(n + 1); } })(0);
export class C { get v(): Promise<unknown> { return fetch('/v').catch(() => this.v); } }
void ping; void pong;`);
  });

  it('interceptor shapes: no handler, null handlers, rest and pattern params, non-axios objects', () => {
    assertLints(`
import axios from 'axios';
const api = axios.create();
declare const other: any;
api.interceptors.response.use();
api.interceptors.response.use(null, null);
api.interceptors.response.use(undefined, (...errs: any[]) => api(errs[0].config));
api.interceptors.response.use(undefined, ({ config: { ...rest } }: any) => api(rest));
api.interceptors.response.use(undefined, ([e]: any) => api(e.config));
other.interceptors.response.use((x: any) => x, (e: any) => other(e.config));
(api.interceptors as any).response['use'](undefined, (e: any) => api.request(e?.config!));`);
  });

  it('HTTP calls with computed, dynamic and odd options', () => {
    assertLints(`
import axios from 'axios';
import got from 'got';
declare const method: string; declare const KEY: string; declare const h: any;
export async function send(body: unknown) {
  for (let i = 0; i < 3; i++) {
    try {
      await fetch('/o', { method, headers: { [KEY]: '1', [\`x-\${i}\`]: '2' } });
      await fetch('/o', { ['method']: 'POST', headers: h });
      await fetch(new Request('/o', { method: 'POST' }));
      await axios({ method: 'POST' as const, headers: new Headers([['Idempotency-Key', String(i)]]) as any });
      await axios[method as 'post']('/o', body);
      await got.extend({ retry: { limit: 0 } }).post('/o');
      return;
    } catch { await new Promise((r) => setTimeout(r, 100 * 2 ** i * Math.random())); }
  }
}`);
  });

  it('modern syntax: using, top-level await, private-in, class fields, import.meta, dynamic import, regex flags', () => {
    assertLints(`
declare const res: { [Symbol.dispose](): void };
using handle = res;
export class K { #n = 0; static has(o: object) { return #n in o; } }
const mod = await import('./x.js');
const url = new URL('./a', import.meta.url);
for (let i = 0; i < 3 && /retry/v.test(url.href); i++) {
  try { await mod.default(); break; } catch { await new Promise((r) => setTimeout(r, i * 10)); }
}`);
  });

  it('bad settings.retry values fall back instead of throwing', () => {
    const code = `
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export async function a(op: () => Promise<void>) {
  for (let i = 0; i < 3; i++) { try { return await op(); } catch { await sleep(100); } }
}`;
    assertLints(code, 'file.ts', { retry: 'nonsense' });
    assertLints(code, 'file.ts', { retry: { sleepFunctions: [1, null, {}], idempotencyKeyHeaders: 'Idempotency-Key', nonIdempotentMethods: [false] } });
    assertLints(code, 'file.ts', { retry: null });
  });

  it('wait helpers that call themselves or each other, and helpers reached through odd callees', () => {
    assertLints(`
function sleep(ms: number): Promise<void> { return sleep(ms); }
function pause(ms: number): Promise<void> { return nap(ms); }
function nap(ms: number): Promise<void> { return pause(ms * 2); }
const k = 'go';
export class A {
  async [k](n: number): Promise<void> { try { await fetch('/'); } catch { await sleep(n); return (this as any)[k](n + 1); } }
}
export async function a(op: () => Promise<void>) {
  for (let i = 0; i < 3; i++) { try { return await op(); } catch { await sleep(1); await pause(i); } }
}`);
  });

  it('catch clauses with destructured parameters, delay tables of odd values, huge constant tables', () => {
    const table = Array.from({ length: 5000 }, (_, i) => i).join(', ');
    assertLints(`
import axios from 'axios';
const T = ['a', 'b'];
const BIG = [${table}];
const sleep = (ms: any) => new Promise((r) => setTimeout(r, ms));
export async function a() {
  for (let i = 0; i < 3; i++) {
    try { return await axios.get('/x'); } catch ({ response }: any) {
      if (response?.status === 429) { await sleep(T[i]); await sleep(BIG[i]); await sleep({}[i as never]); await sleep([][i]); continue; }
      throw response;
    }
  }
}`);
  });

  it('old-style script code: var hoisting, shadowed catch params, string timers, with', () => {
    assertLints(
      `
function a(op) {
  for (var i = 0; i < 3; i++) {
    try { return op(); } catch (i) { var i; new Promise(function (r) { setTimeout(r, i * 2 ** i); }); }
  }
}
function go(n) { setTimeout('go(n + 1)', 1000); fetch('/').catch(function () { setTimeout(go, 1000, n + 1); }); }
function b(o) { with (o) { while (true) { try { return run(); } catch (e) { sleep(1); } } } }`,
      'legacy-script.js',
    );
  });
});
