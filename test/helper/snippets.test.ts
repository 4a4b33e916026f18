import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseTypeScript } from '@typescript-eslint/parser';
import * as acorn from 'acorn';
import ts from 'typescript';
import { resolveSnippet } from './snippet-syntax';

const root = join(__dirname, '..', '..');
const read = (path: string): string => readFileSync(join(root, path), 'utf8');

interface Snippet {
  prefix: string;
  description: string;
  body: string[];
}

function loadSnippets(path: string): Record<string, Snippet> {
  // VS Code reads snippet files as JSON with comments; TypeScript's JSON reader does the same.
  const { config, error } = ts.parseConfigFileTextToJson(path, read(path));
  assert.equal(error, undefined);
  return config as Record<string, Snippet>;
}

const typescriptSnippets = loadSnippets('snippets/typescript.json');
const javascriptSnippets = loadSnippets('snippets/javascript.json');
const resolved = (snippet: Snippet): string => resolveSnippet(snippet.body.join('\n')).text;

/** The helper's defaults, as the snippets must offer them. */
const HELPER_DEFAULTS: Record<string, string> = {
  maxAttempts: '3',
  baseDelayMs: '100',
  maxDelayMs: '20000',
  jitter: 'full',
  maxRetryAfterMs: '60000',
};

/** The few platform APIs the snippets use, declared as fetch and the DOM define them (loading lib.dom is too slow for a unit test). */
const PLATFORM = `
interface FetchResponse { readonly ok: boolean; readonly status: number; readonly headers: { get(name: string): string | null } }
interface FetchInit { method?: string; headers?: Record<string, string>; body?: string; signal?: AbortSignalLike | null }
declare function fetch(input: string, init?: FetchInit): Promise<FetchResponse>;
declare const AbortSignal: { timeout(ms: number): AbortSignalLike };
declare function setTimeout(callback: (value?: unknown) => void, ms: number): unknown;
declare const console: { warn(...data: unknown[]): void };
`;

/** Type errors of each TypeScript snippet, checked in one strict program against the real helper. */
function typeErrors(snippets: Record<string, string>): string[] {
  const helperPath = join(root, 'snippets', 'retry-with-backoff.ts');
  const files = new Map<string, string>();
  Object.entries(snippets).forEach(([name, code], index) => {
    files.set(
      join(root, 'snippets', `__snippet_${index}__.ts`),
      [
        `// ${name}`,
        "import { backoffDelay, createIdempotencyKey, isRetryableStatus, parseRetryAfter, retryWithBackoff, type AbortSignalLike } from './retry-with-backoff';",
        PLATFORM,
        'declare const url: string;',
        'declare const payload: unknown;',
        code,
        'export {};',
      ].join('\n'),
    );
  });
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts'],
    types: [],
    noUncheckedIndexedAccess: true,
    exactOptionalPropertyTypes: true,
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion) => {
    const text = files.get(fileName);
    return text === undefined ? getSourceFile(fileName, languageVersion) : ts.createSourceFile(fileName, text, languageVersion);
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (fileName) => files.has(fileName) || fileExists(fileName);
  const program = ts.createProgram([...files.keys(), helperPath], options, host);
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const where = diagnostic.file ? `${diagnostic.file.text.split('\n')[0]}: ` : '';
    return where + ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
  });
}

describe('VS Code snippets', () => {
  it('offer the same snippets, with the same prefixes, for TypeScript and JavaScript', () => {
    const prefixes = (file: Record<string, Snippet>): string[] => Object.values(file).map((snippet) => snippet.prefix);
    assert.deepEqual(prefixes(typescriptSnippets), prefixes(javascriptSnippets));
    assert.deepEqual(prefixes(typescriptSnippets).sort(), [
      'retry-after-loop',
      'retry-fetch',
      'retry-helper',
      'retry-idempotency-key',
      'retry-with-backoff',
    ]);
  });

  it('give every snippet a prefix, a description and a body', () => {
    for (const snippet of [...Object.values(typescriptSnippets), ...Object.values(javascriptSnippets)]) {
      assert.ok(snippet.prefix && snippet.description && snippet.body.length > 0, JSON.stringify(snippet).slice(0, 80));
    }
  });

  it('parse as TypeScript once every placeholder takes its default', () => {
    for (const [name, snippet] of Object.entries(typescriptSnippets)) {
      assert.doesNotThrow(() => parseTypeScript(resolved(snippet), { sourceType: 'module', ecmaVersion: 'latest' }), name);
    }
  });

  it('parse as plain JavaScript (no TypeScript syntax) once every placeholder takes its default', () => {
    for (const [name, snippet] of Object.entries(javascriptSnippets)) {
      assert.doesNotThrow(() => acorn.parse(resolved(snippet), { sourceType: 'module', ecmaVersion: 'latest' }), name);
    }
  });

  it('type-check under strict TypeScript against the helper', () => {
    const usages = Object.fromEntries(
      Object.entries(typescriptSnippets)
        // The whole helper is the helper itself, type-checked in retry-with-backoff-js.test.ts.
        .filter(([, snippet]) => snippet.prefix !== 'retry-helper')
        .map(([name, snippet]) => [name, resolved(snippet)]),
    );
    assert.deepEqual(typeErrors(usages), []);
  });

  it("offer the helper's defaults at every tab stop named after an option", () => {
    let checked = 0;
    for (const snippet of [...Object.values(typescriptSnippets), ...Object.values(javascriptSnippets)]) {
      const body = snippet.body.join('\n');
      for (const match of body.matchAll(/(\w+): '?\$\{(\d+)[:|]([^}|,]+)/g)) {
        const [, option, , defaultText] = match;
        if (option! in HELPER_DEFAULTS) {
          assert.equal(defaultText, HELPER_DEFAULTS[option!], `${snippet.prefix}: ${option}`);
          checked++;
        }
      }
    }
    assert.ok(checked >= 20, `only ${checked} option tab stops`);
  });

  it('offer the four jitter modes as a choice, full first', () => {
    const body = typescriptSnippets['Backoff helper']!.body.join('\n');
    const { tabStops } = resolveSnippet(body);
    assert.deepEqual(tabStops.find((stop) => stop.choices)?.choices, ['full', 'equal', 'decorrelated', 'none']);
  });

  it('insert exactly snippets/retry-with-backoff.ts as the TypeScript helper snippet', () => {
    assert.equal(resolved(typescriptSnippets['Backoff helper']!).trimEnd(), read('snippets/retry-with-backoff.ts').trimEnd());
  });

  it('insert exactly the JavaScript twin, minus its generated-file line, as the JavaScript helper snippet', () => {
    const twin = read('snippets/retry-with-backoff.js').split('\n').slice(1).join('\n');
    assert.equal(resolved(javascriptSnippets['Backoff helper']!).trimEnd(), twin.trimEnd());
  });

  it('make the helper options of the whole-helper snippet its first five tab stops', () => {
    const { tabStops } = resolveSnippet(typescriptSnippets['Backoff helper']!.body.join('\n'));
    assert.deepEqual(
      tabStops.map((stop) => [stop.index, stop.defaultText]),
      [
        [1, '3'],
        [2, '100'],
        [3, '20000'],
        [4, 'full'],
        [5, '60000'],
      ],
    );
  });

  it('create the idempotency key before the retries and hand the same one to every attempt', () => {
    const code = resolved(typescriptSnippets['Idempotent POST with retries']!);
    assert.ok(code.indexOf('createIdempotencyKey()') < code.indexOf('retryWithBackoff('));
    assert.match(code, /'Idempotency-Key': idempotencyKey/);
  });
});

describe('the snippet resolver used above', () => {
  it('resolves a mirror to its placeholder default', () => {
    assert.equal(resolveSnippet('let ${1:x} = 1; ${1} += $1;$0').text, 'let x = 1; x += x;');
  });

  it('resolves nested placeholders, choices and escapes', () => {
    assert.equal(resolveSnippet("${1:a${2:b}} '${3|p,q|}' \\${x\\}").text, "ab 'p' ${x}");
  });

  it('rejects an unescaped dollar', () => {
    assert.throws(() => resolveSnippet('`${x}`'));
  });
});
