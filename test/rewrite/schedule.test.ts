// The schedule a delay expression describes (eslint-plugin/src/rewrite/schedule.ts): read by
// evaluating the expression attempt by attempt, whatever way it is written, and refused when the
// helper's doubling cannot carry it over.
import assert from 'node:assert/strict';
import type { TSESTree } from '@typescript-eslint/utils';
import { sourceCodeOf } from '../../extension/src/server/linting';
import { readSchedule, type CounterAtWait } from '../../eslint-plugin/src/rewrite/schedule';

/** The schedule of the argument of `sleep(…)` in `text`, with the counter `i` at `first` on the first wait. */
function scheduleOf(text: string, waits: number | undefined, counter: CounterAtWait | undefined = { name: 'i', first: 0, step: 1 }) {
  const sc = sourceCodeOf({ filePath: '/ws/a.js', text });
  assert.ok(sc, 'parses');
  let arg: TSESTree.Node | undefined;
  let call: TSESTree.Node | undefined;
  const visit = (n: TSESTree.Node): void => {
    if (n.type === 'CallExpression' && n.callee.type === 'Identifier' && n.callee.name === 'sleep') {
      call = n;
      arg = n.arguments[0];
    }
    for (const k of (sc as never as { visitorKeys: Record<string, string[]> }).visitorKeys[n.type] ?? []) {
      const v = (n as unknown as Record<string, unknown>)[k];
      for (const c of Array.isArray(v) ? v : [v]) if (c && typeof c === 'object' && 'type' in c) visit(c as TSESTree.Node);
    }
  };
  visit((sc as never as { ast: TSESTree.Node }).ast);
  return readSchedule(sc as never, arg!, counter, waits, call!.range[0]);
}

const loop = (delay: string, decl = '') => `${decl}async function f(op) { for (let i = 0; i < 5; i++) { try { return await op(); } catch { await sleep(${delay}); } } }`;

describe('readSchedule: the waits a delay expression makes, attempt by attempt', () => {
  it('reads a constant wait, however written', () => {
    for (const d of ['1000', 'WAIT_MS', '2 * 500', 'Math.max(1000, 10)']) {
      const s = scheduleOf(loop(d, 'const WAIT_MS = 1000;\n'), 4);
      assert.deepEqual(s && { growth: s.growth, base: s.baseMs }, { growth: 'constant', base: 1000 }, d);
    }
  });
  it('reads a doubling however written, with its cap', () => {
    const forms: Record<string, [number, number | undefined]> = {
      '500 * 2 ** i': [500, undefined],
      '500 << i': [500, undefined],
      'Math.pow(2, i) * 500': [500, undefined],
      '1000 * 2 ** (i - 1)': [500, undefined],
      'Math.min(100 * 2 ** i, 5000)': [100, 5000],
      'Math.min(100 * 2 ** i, 400)': [100, 400],
      'pause': [200, 10_000],
      'Math.random() * Math.min(200 * 2 ** i, 8000)': [200, 8000],
    };
    for (const [d, [base, cap]] of Object.entries(forms)) {
      const s = scheduleOf(loop(d, d === 'pause' ? '' : ''), 4) ?? scheduleOf(`async function f(op) { for (let i = 0; i < 5; i++) { try { return await op(); } catch { const pause = Math.min(200 * 2 ** i, 10_000); await sleep(pause); } } }`, 4);
      assert.deepEqual(s && { growth: s.growth, base: s.baseMs, cap: s.capMs }, { growth: 'doubling', base, cap }, d);
    }
  });
  it('starts from the counter value at the first wait', () => {
    const s = scheduleOf(loop('500 * 2 ** i'), 4, { name: 'i', first: 1, step: 1 });
    assert.equal(s?.baseMs, 1000);
    // `n++` inside the delay: the value before the step.
    const t = scheduleOf('async function f(op) { let i = 0; while (true) { try { return await op(); } catch { await sleep(100 * 2 ** i++); } } }', undefined, { name: 'i', first: 0, step: 1 });
    assert.deepEqual(t && { growth: t.growth, base: t.baseMs }, { growth: 'doubling', base: 100 });
  });
  it('refuses growth the helper cannot carry (linear, tripling, a variable the retry writes, a call)', () => {
    for (const d of ['i * 300', '300 * (i + 1)', '100 * 3 ** i', 'wait', 'nextDelay(i)']) {
      const text = `async function f(op) { let wait = 100; for (let i = 0; i < 5; i++) { try { return await op(); } catch { await sleep(${d}); wait *= 2; } } }`;
      assert.equal(scheduleOf(text, 4), undefined, d);
    }
  });
  it('marks a delay that already draws at random', () => {
    assert.equal(scheduleOf(loop('Math.random() * 1000'), 4)?.random, true);
    assert.equal(scheduleOf(loop('1000'), 4)?.random, false);
  });
});
