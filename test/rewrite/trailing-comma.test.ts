// Edits on code formatted with trailing commas (Prettier's default "all"): every edit offered on a
// recursive retry whose call and parameter lists end with a comma must parse, remove its finding,
// add none and change nothing outside the retry. The recursion limit edit once wrote
// `label,\n , attempt + 1)` there (a parse error; found on livekit/client-sdk-js by the newcomer trial).
import assert from 'node:assert/strict';
import { findings, offeredEdits, problemOf } from './harness';

const PROGRAMS: Record<string, string> = {
  'call and parameters with trailing commas': `export async function load(
  url: string,
  label: string,
): Promise<Response> {
  try {
    return await fetch(url);
  } catch (e) {
    await new Promise((r) => setTimeout(r, 1000 + Math.random() * 1000));
    return load(
      url,
      label,
    );
  }
}
`,
  'call with a trailing comma, constant wait': `export async function sync(
  id: string,
  options: { force: boolean },
): Promise<void> {
  try {
    await fetch(\`/api/sync/\${id}\`, { method: 'PUT' });
  } catch {
    await new Promise((r) => setTimeout(r, 2000));
    return sync(id, options,);
  }
}
`,
  'fewer arguments than parameters, trailing comma': `export async function ping(host: string, tries = 0,) {
  try {
    return await fetch(host);
  } catch {
    await new Promise((r) => setTimeout(r, 500));
    return ping(
      host,
    );
  }
}
`,
};

describe('edits on code with trailing commas', () => {
  for (const [name, text] of Object.entries(PROGRAMS)) {
    it(`${name}: every edit parses, removes its finding and adds none`, () => {
      const file = '/ws/src/retry.ts';
      const before = findings(text, file);
      assert.ok(before.length > 0, 'the program has findings');
      const edits = offeredEdits(text, file, before);
      assert.ok(edits.length > 0, 'edits are offered');
      const problems = edits.map((e) => problemOf(text, file, before, e)).filter((p): p is string => p !== undefined);
      assert.deepEqual(problems, []);
    });
  }
});
