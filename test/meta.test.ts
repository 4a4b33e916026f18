// The plugin's bookkeeping (STYLE §3, §4, §5): every rule file has an index entry, a doc and a test,
// its name is its file stem, its docs URL points at a file that exists, its schema documents every
// option without `default`, its doc has the hand-written sections, and examples/ covers it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import plugin from '../eslint-plugin/src/index';
import { rules } from '../eslint-plugin/src/rules/index';
import { DOCS_BASE_URL } from '../eslint-plugin/src/utils/create-rule';

const ROOT = path.resolve(__dirname, '..');
const PLUGIN_DIR = path.join(ROOT, 'eslint-plugin');
const RULES_DIR = path.join(PLUGIN_DIR, 'src/rules');
const DOCS_DIR = path.join(PLUGIN_DIR, 'docs/rules');
const EXAMPLES_DIR = path.join(ROOT, 'examples');

interface RuleLike {
  name?: string;
  meta: {
    docs?: { description?: string; url?: string; recommended?: boolean };
    schema?: unknown;
    messages?: Record<string, string>;
  };
}

/** The rule ids of src/rules, from the file names (the index itself excluded). */
const ruleFiles = readdirSync(RULES_DIR)
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
  .map((f) => path.basename(f, '.ts'))
  .sort();

const registered = rules as Record<string, RuleLike>;

/** Every object schema's `properties`, however deeply nested (arrays, `items`, `anyOf`, …), with a path for messages. */
function schemaProperties(schema: unknown, at = 'schema'): Array<[string, Record<string, unknown>]> {
  const found: Array<[string, Record<string, unknown>]> = [];
  const visit = (node: unknown, where: string): void => {
    if (Array.isArray(node)) {
      node.forEach((child, i) => {
        visit(child, `${where}[${i}]`);
      });
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const obj = node as Record<string, unknown>;
    if (obj['properties'] && typeof obj['properties'] === 'object') {
      for (const [key, value] of Object.entries(obj['properties'] as Record<string, unknown>)) {
        found.push([`${where}.properties.${key}`, value as Record<string, unknown>]);
      }
    }
    for (const [key, value] of Object.entries(obj)) {
      if (key !== 'properties') visit(value, `${where}.${key}`);
    }
    if (obj['properties'] && typeof obj['properties'] === 'object') {
      for (const [key, value] of Object.entries(obj['properties'] as Record<string, unknown>)) visit(value, `${where}.properties.${key}`);
    }
  };
  visit(schema, at);
  return found;
}

/** Paths inside a schema where a `default` keyword appears. */
function schemaDefaults(schema: unknown, at = 'schema'): string[] {
  const found: string[] = [];
  const visit = (node: unknown, where: string, isPropertyMap: boolean): void => {
    if (Array.isArray(node)) {
      node.forEach((child, i) => {
        visit(child, `${where}[${i}]`, false);
      });
      return;
    }
    if (node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
      // Inside `properties`, keys are option names: an option may be called "default".
      if (key === 'default' && !isPropertyMap) found.push(`${where}.default`);
      visit(value, `${where}.${key}`, key === 'properties' && !isPropertyMap);
    }
  };
  visit(schema, at, false);
  return found;
}

/** The `## ` headings of a markdown text, outside fenced code blocks. */
function headings(markdown: string, level: '##' | '###'): string[] {
  let fenced = false;
  const out: string[] = [];
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    else if (!fenced && line.startsWith(`${level} `)) out.push(line.slice(level.length + 1).trim());
  }
  return out;
}

/** The text of one `## ` section of a markdown text. */
function section(markdown: string, title: string): string {
  const start = markdown.indexOf(`\n## ${title}\n`);
  if (start < 0) return '';
  const rest = markdown.slice(start + title.length + 5);
  const end = rest.search(/\n## /);
  return end < 0 ? rest : rest.slice(0, end);
}

describe('plugin bookkeeping', () => {
  it('has at least the seven rules of PRODUCT.md', () => {
    for (const id of [
      'require-jitter',
      'require-backoff',
      'require-max-delay',
      'no-unbounded-retry',
      'require-idempotency-key',
      'respect-retry-after',
      'no-retry-on-client-error',
    ]) {
      assert.ok(ruleFiles.includes(id), `src/rules/${id}.ts is missing`);
    }
  });

  it('src/rules/index.ts lists every rule file, under its file stem, and nothing else', () => {
    assert.deepEqual(Object.keys(registered).sort(), ruleFiles);
  });

  it('the plugin exports the rules of the index', () => {
    assert.equal(plugin.rules, rules);
  });

  for (const id of ruleFiles) {
    describe(id, () => {
      const rule = (): RuleLike => {
        const r = registered[id];
        assert.ok(r, `${id} is not in src/rules/index.ts`);
        return r;
      };

      it('is named after its file', () => {
        assert.equal(rule().name, id);
      });

      it('has a docs URL pointing at its doc, which exists', () => {
        const url = rule().meta.docs?.url;
        assert.equal(url, `${DOCS_BASE_URL}${id}.md`);
        const local = path.join(DOCS_DIR, `${id}.md`);
        assert.ok(existsSync(local), `eslint-plugin/docs/rules/${id}.md is missing`);
      });

      it('has a test of its own in test/rules', () => {
        assert.ok(existsSync(path.join(ROOT, 'test/rules', `${id}.test.ts`)), `test/rules/${id}.test.ts is missing`);
      });

      it('says what is wrong in a first sentence short enough for the Problems panel (120 characters, placeholders as 8)', () => {
        const messages = (rule().meta as { messages: Record<string, string> }).messages;
        for (const [id, text] of Object.entries(messages)) {
          const first = text.replace(/\{\{\s*\w+\s*\}\}/g, 'XXXXXXXX').split(/(?<=[.!?])\s/)[0]!;
          assert.ok(first.length <= 120, `${id}: ${first.length} characters: ${first}`);
        }
      });

      it('describes itself in one clause starting with Require, Disallow or Enforce', () => {
        const description = rule().meta.docs?.description ?? '';
        assert.match(description, /^(Require|Disallow|Enforce) /);
        assert.doesNotMatch(description, /\.$/);
      });

      it('is in configs.recommended exactly when docs.recommended says so, and in configs.strict', () => {
        const inRecommended = `retry/${id}` in plugin.configs.recommended.rules;
        assert.equal(inRecommended, rule().meta.docs?.recommended === true);
        assert.ok(`retry/${id}` in plugin.configs.strict.rules);
        assert.deepEqual(plugin.configs['recommended-legacy'].rules?.[`retry/${id}`], plugin.configs.recommended.rules[`retry/${id}`]);
      });

      it('gives every schema property a description', () => {
        for (const [where, property] of schemaProperties(rule().meta.schema)) {
          assert.equal(typeof property['description'], 'string', `${where} has no description`);
          assert.ok(String(property['description']).length > 0, `${where} has an empty description`);
        }
      });

      it('puts no `default` in its schema (defaults live in meta.defaultOptions)', () => {
        assert.deepEqual(schemaDefaults(rule().meta.schema), []);
      });

      it('has a doc with the generated header and the hand-written sections', () => {
        const file = path.join(DOCS_DIR, `${id}.md`);
        assert.ok(existsSync(file), `eslint-plugin/docs/rules/${id}.md is missing`);
        const doc = readFileSync(file, 'utf8');
        assert.ok(doc.startsWith(`# retry/${id}\n`), 'the doc starts with its generated title');
        assert.ok(doc.includes('<!-- end auto-generated rule header -->'), 'the doc has the generated header');
        const marker = '<!-- end auto-generated rule header -->';
        const why = (doc.slice(doc.indexOf(marker) + marker.length).split('\n## ')[0] ?? '').trim();
        assert.ok(why.length >= 200, 'a "why" paragraph comes before the first section');
        const sections = headings(doc, '##');
        for (const title of ['Examples', 'Options', 'When Not To Use It', 'Related']) {
          assert.ok(sections.includes(title), `## ${title} is missing`);
        }
        assert.deepEqual(
          sections.filter((s) => ['Examples', 'Options', 'When Not To Use It', 'Related'].includes(s)),
          ['Examples', 'Options', 'When Not To Use It', 'Related'],
          'sections are in the order of STYLE §4',
        );
        const examples = section(doc, 'Examples');
        const bad = examples.indexOf('❌');
        const good = examples.indexOf('✅');
        assert.ok(bad >= 0 && good > bad, '## Examples shows ❌ before ✅');
        assert.ok((examples.match(/```(js|ts|jsx|tsx)\n/g) ?? []).length >= 2, '## Examples has fenced code blocks');
      });

      it('documents each option under ## Options with its own ###', () => {
        const doc = readFileSync(path.join(DOCS_DIR, `${id}.md`), 'utf8');
        const optionHeadings = headings(section(doc, 'Options'), '###').map((h) => h.replace(/`/g, ''));
        const options = schemaProperties(rule().meta.schema)
          .filter(([where]) => /^schema\[0\]\.properties\.[^.]+$/.test(where))
          .map(([where]) => where.split('.').pop());
        assert.deepEqual(optionHeadings.sort(), options.sort());
      });

      it('links only to example files that exist', () => {
        const doc = readFileSync(path.join(DOCS_DIR, `${id}.md`), 'utf8');
        for (const [, target] of doc.matchAll(/\]\((\.[^)#]+)(#[^)]*)?\)/g)) {
          assert.ok(existsSync(path.resolve(DOCS_DIR, target ?? '')), `broken link ${target}`);
        }
      });

      it('is shown by at least one file of examples/', () => {
        const shown = readdirSync(EXAMPLES_DIR).filter((f) => {
          const header = readFileSync(path.join(EXAMPLES_DIR, f), 'utf8').split('\n', 3).join('\n');
          return !f.includes('-ok.') && header.includes(id);
        });
        assert.ok(shown.length > 0, `no example's header comment says it is reported by ${id}`);
      });
    });
  }

  it('examples/ has clean files, named with -ok', () => {
    const ok = readdirSync(EXAMPLES_DIR).filter((f) => /-ok\.(js|jsx|ts|tsx|mjs|cjs)$/.test(f));
    assert.ok(ok.length >= 2);
  });

  it('the generated doc headers and rules tables are current (npm run docs:check)', function () {
    this.timeout(120_000);
    const bin = path.join(ROOT, 'node_modules/eslint-doc-generator/dist/bin/eslint-doc-generator.js');
    const run = spawnSync(process.execPath, [bin, '--check'], { cwd: PLUGIN_DIR, encoding: 'utf8' });
    assert.equal(run.status, 0, `eslint-doc-generator --check failed; run \`npm run docs\`:\n${run.stdout}\n${run.stderr}`);
  });
});
