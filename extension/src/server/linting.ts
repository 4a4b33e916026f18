// Lints buffer text with the bundled plugin (one ESLint `Linter`), or, only in a trusted workspace
// whose own ESLint config sets `retry/*` rules, through the workspace's own ESLint. Never throws:
// every function returns a result with an `error` instead.
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Linter } from 'eslint';
import plugin from '../../../eslint-plugin/src/index';
import { noConfigLanguageOptions } from '../../../eslint-plugin/src/no-config';
import type { RetryLintSettings } from '../shared/settings';
import { ESLINT_CONFIG_FILES, type LintMessage, type LintOutcome, type LintTarget, type TrustState } from './lint-types';

export { ESLINT_CONFIG_FILES, LintAborted, type LintMessage, type LintOutcome, type LintTarget, type TrustState } from './lint-types';

type RuleEntry = Linter.RuleEntry;
type RulesMeta = Record<string, { docs?: { url?: string } } | undefined>;
interface PluginShape {
  rules: Record<string, { meta?: { docs?: { url?: string } } }>;
  configs: { recommended: { rules: Record<string, RuleEntry> } };
}

const bundled = plugin as unknown as PluginShape;
const linter = new Linter({ configType: 'flat' });

/** The bundled plugin's rule ids (`require-jitter`, …). */
export function bundledRuleIds(): string[] {
  return Object.keys(bundled.rules);
}

/** Whether `name` (`require-jitter`) is one of the bundled rules: own properties only, so `constructor` or `toString` is not. */
export function isBundledRule(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(bundled.rules, name);
}

/** Where the rule pages ship with the server (dist/docs/rules/, copied there by esbuild.mjs). */
const BUNDLED_DOCS = path.join(__dirname, 'docs', 'rules');

/**
 * The documentation link of a retry rule: the page shipped with the extension (a `file:` URL, so
 * it opens offline), or the rule's `meta.docs.url` when the page is not there.
 */
export function bundledDocsUrl(ruleId: string): string | undefined {
  const name = ruleId.replace(/^retry\//, '');
  if (!isBundledRule(name)) return undefined;
  const page = path.join(BUNDLED_DOCS, `${name}.md`);
  return fs.existsSync(page) ? pathToFileURL(page).href : bundled.rules[name]?.meta?.docs?.url;
}

/** `recommended` rules with each `retryLint.rules` severity applied (options of `recommended` kept). */
export function rulesFor(settings: Pick<RetryLintSettings, 'rules'>): Record<string, RuleEntry> {
  const rules: Record<string, RuleEntry> = { ...bundled.configs.recommended.rules };
  for (const [id, severity] of Object.entries(settings.rules)) {
    const key = `retry/${id.replace(/^retry\//, '')}`;
    if (!isBundledRule(key.slice('retry/'.length))) continue;
    const current = rules[key];
    rules[key] = Array.isArray(current) ? [severity, ...(current.slice(1) as unknown[])] : severity;
  }
  return rules;
}

/** The flat config the bundled path lints with (same parser setup as the CLI and the shared eval tool). */
export function bundledConfig(settings: Pick<RetryLintSettings, 'rules'>, filePath: string): Linter.Config[] {
  return [
    {
      files: ['**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}'],
      // Parsed as `retry-lint` parses with no config (JSX in .js, TypeScript, CommonJS fallback).
      languageOptions: noConfigLanguageOptions(filePath),
      linterOptions: { reportUnusedDisableDirectives: 'off' },
      plugins: { retry: plugin as unknown as NonNullable<Linter.Config['plugins']>[string] },
      rules: rulesFor(settings),
    },
  ];
}

const LINTED = /\.(?:js|jsx|mjs|cjs|ts|tsx|mts|cts)$/i;

/** The name the Linter sees: the base name only, so flat-config `files` matching never depends on the cwd. */
function linterFilename(filePath: string): string {
  const base = path.basename(filePath) || 'file.ts';
  return LINTED.test(base) ? base : `${base}.ts`;
}

function ruleOfError(error: unknown): string | undefined {
  const text = error instanceof Error ? error.message : String(error);
  return /[Rr]ule:\s*"([^"]+)"/.exec(text)?.[1];
}

function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? 'unknown error';
}

function onlyRetry(messages: LintMessage[]): { messages: LintMessage[]; parseError?: string } {
  const fatal = messages.find((m) => m.fatal);
  return {
    messages: messages.filter((m) => typeof m.ruleId === 'string' && m.ruleId.startsWith('retry/')),
    ...(fatal ? { parseError: `${fatal.message} (${fatal.line}:${fatal.column})` } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// The last parses: code actions, fix-all and the helper request on a document reuse the parse (and
// so the retry analysis, memoised per SourceCode) of the lint that produced its findings, instead of
// parsing and analysing a file of up to retryLint.maxFileSize again on every request.
// ---------------------------------------------------------------------------------------------

/** How many recent parses are kept (the documents being edited; each holds its syntax tree). */
const RECENT_PARSES = 4;

interface Parsed {
  filePath: string;
  /** The text parsed, without a BOM. */
  text: string;
  /** Undefined when the text does not parse, or when its lint found nothing (no code action needs the parse then). */
  sourceCode: SourceCode | undefined;
  /** Whether the text parses. */
  parses: boolean;
  /** Per bundled rules configuration (see {@link rulesKey}): whether the lint found a fixable `retry/*` message. */
  fixable: Map<string, boolean>;
}

type SourceCode = ReturnType<Linter['getSourceCode']>;

const recent: Parsed[] = [];

const withoutBom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

function rulesKey(settings: Pick<RetryLintSettings, 'rules'>): string {
  return JSON.stringify(rulesFor(settings));
}

function recall(target: LintTarget): Parsed | undefined {
  const text = withoutBom(target.text);
  const i = recent.findIndex((p) => p.filePath === target.filePath && p.text === text);
  if (i < 0) return undefined;
  const [hit] = recent.splice(i, 1);
  recent.unshift(hit!);
  return hit;
}

/**
 * Keeps what the linter just parsed (its last SourceCode, when it is of this text). The syntax tree
 * is kept only when `keepTree` (the lint found something a code action can act on): a text with no
 * finding keeps only its text and what its lint learnt, so the worker's memory follows the
 * documents with findings, not every document linted.
 */
function remember(target: LintTarget, parsed: boolean, keepTree = true): Parsed {
  const text = withoutBom(target.text);
  const last = parsed && keepTree ? linter.getSourceCode() : undefined;
  const sourceCode = last && last.text === text ? last : undefined;
  const hit = recall(target);
  if (hit) {
    hit.sourceCode ??= sourceCode;
    hit.parses ||= parsed;
    return hit;
  }
  const entry: Parsed = { filePath: target.filePath, text, sourceCode, parses: parsed, fixable: new Map() };
  recent.unshift(entry);
  recent.length = Math.min(recent.length, RECENT_PARSES);
  return entry;
}

/** Forgets the parses of a file (its document closed). */
export function forgetParses(filePath: string): void {
  for (let i = recent.length - 1; i >= 0; i--) if (recent[i]!.filePath === filePath) recent.splice(i, 1);
}

/** Lints with the bundled plugin and `retryLint.*` settings. Runs no workspace code. Never throws. */
export function lintBundled(target: LintTarget, settings: Pick<RetryLintSettings, 'rules'>): LintOutcome {
  try {
    const raw = linter.verify(target.text, bundledConfig(settings, target.filePath), { filename: linterFilename(target.filePath) });
    const fixable = raw.some((m) => m.fix !== undefined && typeof m.ruleId === 'string' && m.ruleId.startsWith('retry/'));
    const findings = raw.some((m) => typeof m.ruleId === 'string' && m.ruleId.startsWith('retry/'));
    remember(target, !raw.some((m) => m.fatal || m.ruleId === null), findings).fixable.set(rulesKey(settings), fixable);
    return { ...onlyRetry(raw), engine: 'bundled', docsUrl: bundledDocsUrl, fixable };
  } catch (error) {
    const ruleId = ruleOfError(error);
    return { messages: [], engine: 'bundled', docsUrl: bundledDocsUrl, error: { message: errorText(error), ...(ruleId ? { ruleId } : {}) } };
  }
}

/** The text with every autofix of the bundled rules applied (what `source.fixAll.retryLint` writes). */
export function fixAllBundled(target: LintTarget, settings: Pick<RetryLintSettings, 'rules'>): { output: string; error?: string } {
  // The lint of this very text found nothing to fix: no second lint (a whole file's) to learn it again.
  if (recall(target)?.fixable.get(rulesKey(settings)) === false) return { output: target.text };
  try {
    // ESLint accepts a predicate for `fix` (SourceCodeFixer), though its types say boolean.
    const fix = (m: LintMessage): boolean => typeof m.ruleId === 'string' && m.ruleId.startsWith('retry/');
    const result = linter.verifyAndFix(target.text, bundledConfig(settings, target.filePath), {
      filename: linterFilename(target.filePath),
      fix: fix as unknown as boolean,
    });
    return { output: result.output };
  } catch (error) {
    return { output: target.text, error: errorText(error) };
  }
}

/** The `SourceCode` of the text as the bundled path parses it (for the helper rewrite), or undefined on a parse error. */
export function sourceCodeOf(target: LintTarget): ReturnType<Linter['getSourceCode']> | undefined {
  const hit = recall(target);
  if (hit && (hit.sourceCode || !hit.parses)) return hit.sourceCode;
  try {
    const config = bundledConfig({ rules: {} }, target.filePath);
    const first = config[0];
    if (first) first.rules = {};
    const messages = linter.verify(target.text, config, { filename: linterFilename(target.filePath) });
    // A SourceCode left over from an earlier run (the file was not linted at all) is not kept.
    return remember(target, !messages.some((m) => m.fatal || m.ruleId === null)).sourceCode;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// The workspace path: only reached through `lintDocument`, which checks trust first.
// ---------------------------------------------------------------------------------------------

interface WorkspaceEslintInstance {
  lintText(text: string, options: { filePath: string }): Promise<Array<{ messages: LintMessage[] }>>;
  calculateConfigForFile(filePath: string): Promise<{ rules?: Record<string, unknown> } | undefined>;
  getRulesMetaForResults(results: unknown[]): RulesMeta;
}
interface WorkspaceEslintModule {
  ESLint: new (options: Record<string, unknown>) => WorkspaceEslintInstance;
  loadESLint?: (options?: { useFlatConfig?: boolean; cwd?: string }) => Promise<new (options: Record<string, unknown>) => WorkspaceEslintInstance>;
  version?: string;
}

/** One workspace ESLint per config directory, created lazily; dropped when config files change. */
const workspaceEngines = new Map<string, Promise<{ eslint: WorkspaceEslintInstance; version: string } | undefined>>();

/** Forgets every loaded workspace ESLint (config files changed, or trust changed). */
export function resetWorkspaceEngines(): void {
  workspaceEngines.clear();
}

/** The directory of the nearest ESLint config above `filePath`, if any. */
export function findConfigDir(filePath: string): string | undefined {
  let dir = path.dirname(filePath);
  for (;;) {
    if (ESLINT_CONFIG_FILES.some((name) => fs.existsSync(path.join(dir, name)))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

async function loadWorkspaceEngine(dir: string): Promise<{ eslint: WorkspaceEslintInstance; version: string } | undefined> {
  const req = createRequire(path.join(dir, 'package.json'));
  let resolved: string;
  try {
    resolved = req.resolve('eslint');
  } catch {
    return undefined;
  }
  const mod = req(resolved) as WorkspaceEslintModule;
  const Engine = mod.loadESLint ? await mod.loadESLint({ cwd: dir }) : mod.ESLint;
  let version = mod.version ?? '';
  if (!version) {
    try {
      version = (req('eslint/package.json') as { version: string }).version;
    } catch {
      version = 'unknown';
    }
  }
  return { eslint: new Engine({ cwd: dir }), version };
}

/**
 * Lints through the workspace's own ESLint when its config sets `retry/*` rules for this file;
 * undefined when there is no such config or ESLint (the caller falls back to the bundled path).
 * Loads and runs workspace code: call only through {@link lintDocument}, which checks trust.
 */
async function lintWithWorkspace(target: LintTarget): Promise<LintOutcome | undefined> {
  if (!path.isAbsolute(target.filePath) || !fs.existsSync(path.dirname(target.filePath))) return undefined;
  const dir = findConfigDir(target.filePath);
  if (!dir) return undefined;
  let engine = workspaceEngines.get(dir);
  if (!engine) {
    engine = loadWorkspaceEngine(dir).catch(() => undefined);
    workspaceEngines.set(dir, engine);
  }
  const loaded = await engine;
  if (!loaded) return undefined;
  const config = await loaded.eslint.calculateConfigForFile(target.filePath);
  const setsRetryRules = Object.entries(config?.rules ?? {}).some(([id, entry]) => {
    if (!id.startsWith('retry/')) return false;
    const level = Array.isArray(entry) ? (entry[0] as unknown) : entry;
    return level !== 'off' && level !== 0;
  });
  if (!setsRetryRules) return undefined;
  const results = await loaded.eslint.lintText(target.text, { filePath: target.filePath });
  const meta = loaded.eslint.getRulesMetaForResults(results);
  const all = results.flatMap((r) => r.messages);
  return {
    ...onlyRetry(all),
    engine: 'workspace',
    docsUrl: (ruleId) => bundledDocsUrl(ruleId) ?? meta[ruleId]?.docs?.url,
    configSource: `the workspace's ESLint ${loaded.version} with the config in ${dir}`,
  };
}

/**
 * Lints one document: through the workspace's ESLint only when the workspace is trusted, the
 * setting allows it and the workspace's config sets `retry/*` rules; otherwise with the bundled
 * plugin. The one place that decides whether workspace code may run. Never throws.
 */
export async function lintDocument(target: LintTarget, settings: RetryLintSettings, trust: TrustState): Promise<LintOutcome> {
  if (trust.workspaceTrusted && settings.useWorkspaceConfig) {
    try {
      const outcome = await lintWithWorkspace(target);
      if (outcome) return outcome;
    } catch (error) {
      const fallback = lintBundled(target, settings);
      return { ...fallback, warning: `The workspace's ESLint failed (${errorText(error)}); showing the bundled rules.`, configSource: "the bundled rules (the workspace's ESLint failed)" };
    }
  }
  const why = !trust.workspaceTrusted
    ? 'restricted mode: the workspace ESLint config is not loaded'
    : !settings.useWorkspaceConfig
      ? 'retryLint.useWorkspaceConfig is off'
      : 'no workspace ESLint config sets retry/* rules for it';
  return { ...lintBundled(target, settings), configSource: `the bundled rules and retryLint.* settings (${why})` };
}
