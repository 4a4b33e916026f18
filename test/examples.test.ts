// examples/ is what `npm run demo` shows a newcomer: each file's first comment says which rules
// report it ("Reported: …") or that it is clean ("Clean."). Linted here with the config `retry-lint`
// uses, each file must get exactly the rules its comment names.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';

const ROOT = path.resolve(__dirname, '..');
const EXAMPLES = path.join(ROOT, 'examples');

// The built command's config (TypeScript parser, JSX, recommended), so this is what the demo prints.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the built CommonJS output, not a source module
const { builtInConfig } = require(path.join(ROOT, 'eslint-plugin/dist/cli.js')) as { builtInConfig: () => ESLint.Options['overrideConfig'] };

const RULE_IDS = [
  'no-retry-on-client-error',
  'no-unbounded-retry',
  'require-backoff',
  'require-idempotency-key',
  'require-jitter',
  'require-max-delay',
  'respect-retry-after',
];

/**
 * Findings the analysis gives today that PRODUCT.md says it should not, as `file rule-id`. Listed so
 * the demo's state is explicit; the test fails when one of them goes away, so the list stays true.
 */
const KNOWN_FALSE_POSITIVES = new Set<string>([]);

/** The rule ids named in a file's leading comment. */
function expectedRules(file: string): string[] {
  const header: string[] = [];
  for (const line of readFileSync(path.join(EXAMPLES, file), 'utf8').split('\n')) {
    if (!line.startsWith('//')) break;
    header.push(line);
  }
  const text = header.join('\n');
  assert.match(text, /^\/\/ (Reported: |Clean\.)/, `${file} starts with "// Reported: …" or "// Clean."`);
  return RULE_IDS.filter((id) => new RegExp(`\\b${id}\\b`).test(text)).sort();
}

describe('examples/', function () {
  this.timeout(120_000);

  const files = readdirSync(EXAMPLES).filter((f) => /\.(js|jsx|ts|tsx|mjs|cjs)$/.test(f)).sort();
  const reported = new Map<string, string[]>();

  before(async () => {
    const eslint = new ESLint({ cwd: EXAMPLES, overrideConfigFile: true, overrideConfig: builtInConfig() });
    for (const result of await eslint.lintFiles(files)) {
      const fatal = result.messages.find((m) => m.fatal);
      assert.equal(fatal, undefined, `${result.filePath} does not parse: ${fatal?.message ?? ''}`);
      const ids = result.messages.map((m) => (m.ruleId ?? '').replace(/^retry\//, ''));
      reported.set(path.basename(result.filePath), [...new Set(ids)].sort());
    }
  });

  it('names clean files with -ok and says so in their comment', () => {
    for (const file of files) {
      assert.equal(file.includes('-ok.'), expectedRules(file).length === 0, file);
    }
  });

  it('shows every rule at least once', () => {
    const shown = new Set(files.flatMap((f) => expectedRules(f)));
    assert.deepEqual([...shown].sort(), RULE_IDS);
  });

  it('each file gets exactly the rules its comment names', () => {
    const wrong: string[] = [];
    const stillFalse = new Set<string>();
    for (const file of files) {
      const expected = expectedRules(file);
      const got = (reported.get(file) ?? []).filter((id) => {
        if (expected.includes(id) || !KNOWN_FALSE_POSITIVES.has(`${file} ${id}`)) return true;
        stillFalse.add(`${file} ${id}`);
        return false;
      });
      if (got.join() !== expected.join()) wrong.push(`${file}: expected [${expected.join(', ')}], reported [${got.join(', ')}]`);
    }
    assert.deepEqual(wrong, []);
    const fixed = [...KNOWN_FALSE_POSITIVES].filter((k) => !stillFalse.has(k));
    assert.deepEqual(fixed, [], 'no longer reported: remove from KNOWN_FALSE_POSITIVES');
  });

  it("the demo's own command (package.json `demo`) lints every example, although this repository's ESLint config ignores examples/", function () {
    this.timeout(60_000);
    const script = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts['demo'] ?? '';
    const command = /node (eslint-plugin\/bin\/retry-lint\.js [^|)]*?)\s*\|\|/.exec(script)?.[1];
    assert.ok(command, `the demo script runs retry-lint: ${script}`);
    const args = command.split(/\s+/);
    const run = spawnSync(process.execPath, [...args, '--format', 'json'], { cwd: ROOT, encoding: 'utf8' });
    const results = JSON.parse(run.stdout) as { filePath: string; messages: unknown[] }[];
    assert.equal(results.length, files.length, 'every example is linted');
    assert.equal(results.filter((r) => r.messages.length > 0).length, files.filter((f) => expectedRules(f).length > 0).length, 'the reported examples');
  });
});
