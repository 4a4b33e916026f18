import type { ESLint as ESLintNamespace, Linter } from 'eslint';
import { existsSync, lstatSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { escape as escapeGlob } from 'minimatch';
import { atLeast, resolveEslint, type EngineClass, type EngineInstance, type ResolvedEslint } from './command/engine';
import { findFileProblems, globBase, isGlob, problemResult, type FileProblem } from './command/files';
import { InitError, runInit } from './command/init';
import { byLocation, formatSarif } from './command/sarif';
import { FIXTURE_FOLDERS, FIXTURE_IGNORES, VENDORED_IGNORES } from './ignores';
import { useSupportedTypeScript } from './command/typescript';
import plugin from './index';

/** Output formats `--format` accepts. */
export const FORMATS = ['stylish', 'json', 'sarif'] as const;

/** One of {@link FORMATS}. */
export type Format = (typeof FORMATS)[number];

/** Exit codes, as ESLint's own command uses them. */
export const EXIT = { clean: 0, findings: 1, usage: 2 } as const;

/** Default of `--max-file-size`, in bytes: in line with the editor's `retryLint.maxFileSize` (1,000,000 characters). */
export const DEFAULT_MAX_FILE_SIZE = 1_000_000;

/** Default of `--cache-location`: not ESLint's `.eslintcache`, which the project's own `eslint --cache` keeps with its other rules. */
export const DEFAULT_CACHE_LOCATION = '.retrylintcache';

/** The built-in config file (see retry-lint.config.ts). */
const BUILT_IN_CONFIG_FILE = path.join(__dirname, 'retry-lint.config.js');

/** Ignore files read with the built-in config, in the folder the command runs in. */
const IGNORE_FILES = ['.gitignore', '.eslintignore'];

/** The oldest ESLint with `--concurrency` (worker threads). */
const MIN_CONCURRENCY_ESLINT = [9, 34] as const;

const USAGE = `Usage: retry-lint [paths…] [options]

Reports what \`eslint\` reports for the retry/* rules: retry anti-patterns (no
jitter, no backoff, no cap, no limit, retried non-idempotent requests, ignored
Retry-After, retried 4xx). Paths are files, directories or globs; the default
is the current directory.

Which ESLint and which config:
  The project's own ESLint (8.57 or later, found from the current directory)
  runs when it is installed, retry-lint's own otherwise. When the project's
  ESLint config (eslint.config.* or .eslintrc*) sets retry/* rules, it decides
  the files, parsers and the retry rules' severities and options, exactly as
  \`eslint\` does; only retry/* rules run, and other rules' messages (including
  inline /* eslint … */ comments about them) are not reported. Otherwise the
  plugin's recommended config runs on .js, .jsx, .mjs, .cjs, .ts, .tsx, .mts
  and .cts files (JSX and TypeScript parsed as a bundler would) and on the
  <script> blocks of .vue and .svelte components, skipping what
  .gitignore and .eslintignore list, node_modules, dist, build, out, coverage,
  vendor and .yarn folders, *.min.js, *.bundle.js, *.d.ts files, generated
  or minified code, and test fixtures (fixtures, __fixtures__ and
  __testfixtures__ folders; see --include-fixtures). Paths outside the
  current directory (\`retry-lint ..\`) are linted from the closest folder
  holding them all, with that folder's .gitignore; with the project's config
  they cannot be (ESLint lints only under it), and the command says so.

Options:
  -f, --format NAME        stylish (default), json or sarif
  -o, --output-file FILE   write the report to FILE instead of the standard output
      --quiet              report errors only, not warnings
      --fix                write the retry rules' fixes that cannot change behaviour (none today: every
                           retry edit is a suggestion, applied one by one in the editor)
      --max-warnings N     exit 1 when there are more than N warnings
      --max-file-size N    skip files over N bytes with a warning (suffix k or m for
                           thousands or millions; 0 for no limit); default 1m
      --ignore-pattern PAT also skip files matching PAT (a glob; repeatable)
      --rule 'ID: VALUE'   set a retry rule, e.g. --rule 'retry/require-jitter: off'
                           or --rule 'retry/require-max-delay: ["error", {"maxDelayMs": 5000}]'
                           (repeatable)
  -c, --config FILE        lint with this ESLint config file (flat, or .eslintrc* with
                           an ESLint that supports it) instead of looking one up
      --no-config          ignore the project's ESLint config: use the recommended one
      --no-ignore          also lint what the ignore patterns skip (dist, build, .gitignore'd
                           files, …), e.g. a published package's built code
      --include-fixtures   with the recommended config, also lint fixtures, __fixtures__
                           and __testfixtures__ folders (also when a path names one)
      --cache              only lint files changed since the last run
      --cache-location P   the cache file or folder (default ${DEFAULT_CACHE_LOCATION})
      --concurrency N      lint in N worker threads, or auto, or off (ESLint 9.34+)
      --print-config FILE  print the config used for FILE (retry rules only) and exit
      --init               add the plugin's recommended config to the project's ESLint
                           config (or print what to add when it cannot do so safely;
                           exit 0 either way, 2 when a file cannot be written)
  -h, --help               print this help
  -v, --version            print the versions of retry-lint and of the ESLint it runs

A file that cannot be linted is reported on that file and the run goes on:
one that cannot be read, or is not a regular file (a FIFO, a directory, a
symbolic link loop), is an error; one over --max-file-size is a warning.

Exit codes: 0 no errors, 1 errors (or more warnings than --max-warnings),
2 bad usage or an internal error.`;

/** Where the command writes and from which folder it runs; `main` uses the process's own by default. */
export interface CliIo {
  /** The folder paths are resolved against and the project config is looked up from. */
  cwd: string;
  /** Receives the report and the help text. */
  stdout: (text: string) => void;
  /** Receives usage errors and notes. */
  stderr: (text: string) => void;
}

/** The command line, once parsed and checked. */
interface CliOptions {
  patterns: string[];
  format: Format;
  outputFile: string | undefined;
  quiet: boolean;
  fix: boolean;
  maxWarnings: number | undefined;
  /** Largest file linted, in bytes; `Infinity` for no limit. */
  maxFileSize: number;
  ignorePatterns: string[];
  rules: Record<string, Linter.RuleEntry>;
  config: string | undefined;
  noConfig: boolean;
  /** `--no-ignore`: lint files the ignore patterns would skip (ESLint's `ignore: false`). */
  noIgnore: boolean;
  includeFixtures: boolean;
  cache: boolean;
  cacheLocation: string | undefined;
  concurrency: number | 'auto' | 'off' | undefined;
  printConfig: string | undefined;
  init: boolean;
  help: boolean;
  version: boolean;
}

/** A problem with how the command was called; reported in one line, exit code 2. */
export class UsageError extends Error {}

/**
 * Runs `retry-lint` with the given arguments (without `node` and the script path).
 *
 * @param argv The command-line arguments, e.g. `['src', '--format', 'json']`.
 * @param io Where to write and the folder to run in; defaults to the process's.
 * @returns The exit code: 0 clean, 1 findings, 2 bad usage or an internal error. Never rejects.
 */
export async function main(argv: string[], io: Partial<CliIo> = {}): Promise<number> {
  const out: CliIo = {
    cwd: io.cwd ?? process.cwd(),
    stdout: io.stdout ?? ((text) => process.stdout.write(text)),
    stderr: io.stderr ?? ((text) => process.stderr.write(text)),
  };
  const restoreWarnings = onceOnlyWarnings();
  try {
    const options = parseCommandLine(argv);
    if (options.help) {
      out.stdout(`${USAGE}\n`);
      return EXIT.clean;
    }
    const eslint = resolveEslint(out.cwd, out.stderr);
    if (options.version) {
      const whose = eslint.source === 'project' ? "the project's" : "retry-lint's own";
      out.stdout(`retry-lint ${plugin.meta.version} (ESLint ${eslint.version}, ${whose})\n`);
      return EXIT.clean;
    }
    if (options.init) return await runInit(eslint, out);
    return await lint(eslint, options, out);
  } catch (error) {
    if (error instanceof UsageError) {
      out.stderr(`retry-lint: ${error.message}\nRun \`retry-lint --help\` for usage.\n`);
      return EXIT.usage;
    }
    if (error instanceof InitError) {
      out.stderr(`retry-lint --init: ${error.message}\n`);
      return EXIT.usage;
    }
    const message = error instanceof Error ? error.message : String(error);
    out.stderr(`retry-lint: internal error: ${message}\n`);
    if (process.env['RETRY_LINT_DEBUG'] && error instanceof Error && error.stack) out.stderr(`${error.stack}\n`);
    return EXIT.usage;
  } finally {
    restoreWarnings();
  }
}

/** ESLint's notice about `.eslintignore`, held back until the run knows whether it uses the built-in config (which reads that file). */
let heldIgnoreWarning: (() => void) | undefined;

/**
 * Lets each of ESLint's process warnings (such as the one about `.eslintignore`) through once:
 * the command creates several ESLint instances, and each would print it again.
 *
 * @returns A function that puts `process.emitWarning` back.
 */
function onceOnlyWarnings(): () => void {
  // eslint-disable-next-line @typescript-eslint/unbound-method -- kept as is, to be put back as it was
  const restore = process.emitWarning;
  const original = restore.bind(process) as (...args: unknown[]) => void;
  const seen = new Set<string>();
  process.emitWarning = function (this: unknown, warning: string | Error, ...rest: unknown[]): void {
    const key = typeof warning === 'string' ? warning : warning.message;
    if (seen.has(key)) return;
    seen.add(key);
    const emit = (): void => {
      original(warning, ...rest);
    };
    // With the built-in config, retry-lint reads .eslintignore itself: ESLint's notice that it no longer does is wrong there.
    if (key.includes('.eslintignore')) heldIgnoreWarning = emit;
    else emit();
  };
  return () => {
    process.emitWarning = restore;
    heldIgnoreWarning = undefined;
  };
}

/**
 * Parses and checks the arguments with `node:util` `parseArgs`.
 *
 * @throws {UsageError} On an unknown option, a missing value or a value that does not fit.
 */
function parseCommandLine(argv: string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        'output-file': { type: 'string', short: 'o' },
        quiet: { type: 'boolean' },
        fix: { type: 'boolean' },
        'max-warnings': { type: 'string' },
        'max-file-size': { type: 'string' },
        'ignore-pattern': { type: 'string', multiple: true },
        rule: { type: 'string', multiple: true },
        config: { type: 'string', short: 'c' },
        'no-config': { type: 'boolean' },
        'no-ignore': { type: 'boolean' },
        'include-fixtures': { type: 'boolean' },
        cache: { type: 'boolean' },
        'cache-location': { type: 'string' },
        concurrency: { type: 'string' },
        'print-config': { type: 'string' },
        init: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    // parseArgs's messages name the option ("Unknown option '--foo'"); drop its advice about `--`.
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(message.replace(/\. To specify a positional argument.*$/s, '.'));
  }
  const { values, positionals } = parsed;
  const format = values.format ?? 'stylish';
  if (!isFormat(format)) {
    throw new UsageError(`unknown format "${format}"; use one of ${FORMATS.join(', ')}.`);
  }
  let maxWarnings: number | undefined;
  const rawMax = values['max-warnings'];
  if (rawMax !== undefined) {
    if (!/^\d+$/.test(rawMax.trim())) {
      throw new UsageError(`--max-warnings expects a whole number of warnings (0 or more), got "${rawMax}".`);
    }
    maxWarnings = Number(rawMax.trim());
  }
  if (values.config !== undefined && values['no-config']) throw new UsageError('--config and --no-config cannot be used together.');
  if (values['output-file']?.trim() === '') throw new UsageError('--output-file needs a file name.');
  return {
    maxFileSize: parseFileSize(values['max-file-size']),
    patterns: positionals.length > 0 ? positionals : ['.'],
    format,
    outputFile: values['output-file'],
    quiet: values.quiet ?? false,
    fix: values.fix ?? false,
    maxWarnings,
    ignorePatterns: values['ignore-pattern'] ?? [],
    rules: parseRules(values.rule ?? []),
    config: values.config,
    noConfig: values['no-config'] ?? false,
    noIgnore: values['no-ignore'] ?? false,
    includeFixtures: values['include-fixtures'] ?? false,
    cache: values.cache ?? false,
    cacheLocation: values['cache-location'],
    concurrency: parseConcurrency(values.concurrency),
    printConfig: values['print-config'],
    init: values.init ?? false,
    help: values.help ?? false,
    version: values.version ?? false,
  };
}

/**
 * Reads `--max-file-size`: a whole number of bytes, or a number with `k`/`kb` (thousands) or
 * `m`/`mb` (millions) after it; 0 is no limit.
 *
 * @throws {UsageError} When the value is not such a size.
 */
function parseFileSize(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_MAX_FILE_SIZE;
  const match = /^(\d+(?:\.\d+)?)\s*(b|k|kb|m|mb)?$/i.exec(raw.trim());
  if (!match) {
    throw new UsageError(`--max-file-size expects a size in bytes (e.g. 1000000, 500k or 2m; 0 for no limit), got "${raw}".`);
  }
  const unit = (match[2] ?? 'b').toLowerCase();
  const bytes = Math.floor(Number(match[1]) * (unit.startsWith('m') ? 1e6 : unit.startsWith('k') ? 1e3 : 1));
  return bytes === 0 ? Infinity : bytes;
}

/** Reads `--concurrency`: a whole number of threads (1 or more), `auto` or `off`. */
function parseConcurrency(raw: string | undefined): CliOptions['concurrency'] {
  if (raw === undefined) return undefined;
  const value = raw.trim();
  if (value === 'auto' || value === 'off') return value;
  if (/^[1-9]\d*$/.test(value)) return Number(value);
  throw new UsageError(`--concurrency expects a number of threads (1 or more), auto or off, got "${raw}".`);
}

const SEVERITIES = new Set(['off', 'warn', 'error', '0', '1', '2']);

/**
 * Reads the `--rule` values, each `ID: VALUE` where VALUE is a severity (`off`, `warn`, `error`,
 * 0–2) or a JSON array (`["error", {"maxDelayMs": 5000}]`). Only retry rules can be set: the
 * command runs no other rules.
 *
 * @throws {UsageError} On a value that is not such a rule setting, or a rule that is not a retry rule.
 */
function parseRules(raw: string[]): Record<string, Linter.RuleEntry> {
  const rules: Record<string, Linter.RuleEntry> = {};
  for (const item of raw) {
    const colon = item.indexOf(':');
    const id = (colon === -1 ? '' : item.slice(0, colon)).trim().replace(/^["']|["']$/g, '');
    const value = colon === -1 ? '' : item.slice(colon + 1).trim();
    if (!id || !value) throw new UsageError(`--rule expects 'ID: SEVERITY' or 'ID: ["SEVERITY", {…options}]', got "${item}".`);
    const name = id.replace(/^retry\//, '');
    if (!id.startsWith('retry/') || !Object.prototype.hasOwnProperty.call(plugin.rules, name)) {
      throw new UsageError(`--rule: "${id}" is not a retry rule; retry-lint runs only ${Object.keys(plugin.rules).map((r) => `retry/${r}`).join(', ')}.`);
    }
    let entry: unknown = value.replace(/^["']|["']$/g, '');
    if (!SEVERITIES.has(String(entry))) {
      try {
        entry = JSON.parse(value);
      } catch {
        throw new UsageError(`--rule ${id}: "${value}" is neither a severity (off, warn, error) nor a JSON array such as ["error", {…}].`);
      }
    } else if (/^\d$/.test(String(entry))) {
      entry = Number(entry);
    }
    const severity: unknown = Array.isArray(entry) ? entry[0] : entry;
    if (!SEVERITIES.has(String(severity))) throw new UsageError(`--rule ${id}: "${value}" does not start with a severity (off, warn, error).`);
    rules[id] = entry as Linter.RuleEntry;
  }
  return rules;
}

function isFormat(name: string): name is Format {
  return (FORMATS as readonly string[]).includes(name);
}

/** How the command lints: with the project's config (flat or eslintrc) or the built-in one. */
interface Plan {
  /** Where the config comes from, for notes and `--print-config`. */
  source: 'project' | 'built-in' | 'config-file';
  /** The engine class to run. */
  Engine: EngineClass;
  /** Its options (cloneable: no functions, so that worker threads can take them). */
  options: ESLintNamespace.Options;
  /** Whether the engine is the eslintrc one. */
  legacy: boolean;
  /**
   * With the built-in config: the project's own engine (its config sets no retry rule), whose
   * ignores (a flat config's `ignores`, `.eslintignore`) still say what the project never lints.
   */
  projectEngine?: EngineClass;
}

/** The ESLint version of the running engine class. */
function versionOf(Engine: EngineClass, eslint: ResolvedEslint): string {
  return Engine.version || eslint.version;
}

/**
 * Decides which ESLint, config and options to run with: `--config`, else the project's config
 * when it sets retry rules (the rule-by-rule decision of `eslint` itself), else the built-in
 * config with the project's ignore files.
 */
async function plan(eslint: ResolvedEslint, options: CliOptions, io: CliIo, base: string = io.cwd): Promise<Plan> {
  const cache = options.cache ? { cache: true, cacheLocation: path.resolve(io.cwd, options.cacheLocation ?? DEFAULT_CACHE_LOCATION) } : {};
  const rules = Object.keys(options.rules).length > 0 ? { rules: options.rules } : undefined;
  if (options.config !== undefined) {
    const file = path.resolve(io.cwd, options.config);
    if (!existsSync(file)) throw new UsageError(`config file not found: ${options.config}`);
    const legacy = /(^|[\\/])\.eslintrc(\.[a-z]+)?$/.test(file);
    const Engine = legacy ? await legacyEngine(eslint, options.config) : await eslint.flat();
    return { source: 'config-file', Engine, legacy, options: engineOptions(io.cwd, options, legacy, { overrideConfigFile: file, ...cache }, rules) };
  }
  let projectEngine: EngineClass | undefined;
  if (!options.noConfig) {
    const Engine = await eslint.detected();
    const legacy = Engine.configType === 'eslintrc';
    if (await projectConfiguresRetry(Engine, legacy, options.patterns, io)) {
      return { source: 'project', Engine, legacy, options: engineOptions(io.cwd, options, legacy, cache, rules) };
    }
    projectEngine = Engine;
  }
  const Engine = await eslint.flat();
  const fixtures = options.includeFixtures || namesFixtures(options.patterns) ? FIXTURE_IGNORES.map((pattern) => `!${pattern}`) : [];
  // Rebased on `base` when a path lies outside the current folder (see lintBase): the ignore file
  // read is the base's, and `--ignore-pattern`, given relative to the current folder, follows.
  const own = base === io.cwd ? options.ignorePatterns : options.ignorePatterns.map((pattern) => rebasePattern(pattern, io.cwd, base));
  const ignorePatterns = [...fixtures, ...projectIgnorePatterns(base), ...own];
  const typescript = useSupportedTypeScript().note;
  if (typescript !== undefined) io.stderr(`retry-lint: ${typescript}\n`);
  return {
    source: 'built-in',
    Engine,
    legacy: false,
    options: { cwd: base, fix: options.fix, errorOnUnmatchedPattern: true, overrideConfigFile: BUILT_IN_CONFIG_FILE, ignorePatterns, ...cache, ...(rules ? { overrideConfig: rules } : {}) },
    ...(projectEngine ? { projectEngine } : {}),
  };
}

/**
 * The results of files the project's own ESLint config ignores (its `ignores`, `.eslintignore`),
 * left out of a run with the built-in config: the project never lints them. A file named on the
 * command line is kept (the user asked for it), and so is every file outside the working folder:
 * that config is not theirs (ESLint 9 calls any file outside its base path ignored, so asking it
 * would drop all of `retry-lint ../other-project`). A project config that cannot answer leaves the
 * results as they are.
 */
async function withoutProjectIgnored(results: ESLintNamespace.LintResult[], Engine: EngineClass, patterns: string[], io: CliIo): Promise<ESLintNamespace.LintResult[]> {
  const named = new Set(patterns.filter((p) => !isGlob(p)).map((p) => path.resolve(io.cwd, p)));
  const inProject = (file: string): boolean => {
    const rel = path.relative(io.cwd, file);
    return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
  };
  try {
    const project = new Engine({ cwd: io.cwd });
    const kept: ESLintNamespace.LintResult[] = [];
    for (const r of results) if (named.has(r.filePath) || !inProject(r.filePath) || !(await project.isPathIgnored(r.filePath))) kept.push(r);
    return kept;
  } catch {
    return results;
  }
}

/** The eslintrc engine for `--config .eslintrc*`: `LegacyESLint` of ESLint 9 or `ESLint` of 8. */
async function legacyEngine(eslint: ResolvedEslint, name: string): Promise<EngineClass> {
  const detected = await eslint.detected();
  if (detected.configType === 'eslintrc') return detected;
  // ESLint 9 keeps the eslintrc engine for ESLINT_USE_FLAT_CONFIG=false.
  throw new UsageError(`${name} is an eslintrc config; with ESLint ${eslint.version} set ESLINT_USE_FLAT_CONFIG=false to use it, or give a flat config.`);
}

/** The engine options for the project's config (or a `--config` file), flat or eslintrc. */
function engineOptions(
  cwd: string,
  options: CliOptions,
  legacy: boolean,
  extra: Partial<ESLintNamespace.Options>,
  rules: { rules: Record<string, Linter.RuleEntry> } | undefined,
): ESLintNamespace.Options {
  if (legacy) {
    // ESLint 8's eslintrc options: ignore patterns go in the override config; `fix` takes a
    // predicate, so that only retry rules' fixes are written (the other rules do run there).
    const override = { ...rules, ...(options.ignorePatterns.length > 0 ? { ignorePatterns: options.ignorePatterns } : {}) };
    const fix = options.fix ? (message: Linter.LintMessage): boolean => isRetryRule(message.ruleId) : false;
    const legacyOptions: Record<string, unknown> = { cwd, fix, errorOnUnmatchedPattern: true, ...extra, ...(Object.keys(override).length > 0 ? { overrideConfig: override } : {}) };
    if (typeof extra.overrideConfigFile === 'string') legacyOptions['useEslintrc'] = false;
    return legacyOptions;
  }
  return {
    cwd,
    fix: options.fix,
    errorOnUnmatchedPattern: true,
    ...extra,
    ...(options.ignorePatterns.length > 0 ? { ignorePatterns: options.ignorePatterns } : {}),
    ...(rules ? { overrideConfig: rules } : {}),
  };
}

/** Whether a path given on the command line is, or is inside, a fixture folder (so the user asked for it). */
function namesFixtures(patterns: string[]): boolean {
  return patterns.some((pattern) => pattern.split(/[\\/]/).some((part) => (FIXTURE_FOLDERS as readonly string[]).includes(part)));
}

/**
 * The project's `.gitignore` and `.eslintignore` (in the folder the command runs in) as ESLint
 * ignore patterns, converted by `@eslint/compat`'s `includeIgnoreFile`.
 */
function projectIgnorePatterns(cwd: string): string[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only for the built-in config
  const { includeIgnoreFile } = require('@eslint/compat') as { includeIgnoreFile: (file: string) => { ignores?: string[] } };
  const patterns: string[] = [];
  for (const name of IGNORE_FILES) {
    const file = path.join(cwd, name);
    if (statSync(file, { throwIfNoEntry: false })?.isFile()) patterns.push(...(includeIgnoreFile(file).ignores ?? []));
  }
  return patterns;
}

/** Whether a rule id is one of the retry rules (`retry/…`). */
function isRetryRule(ruleId: string | null | undefined): boolean {
  return typeof ruleId === 'string' && ruleId.startsWith('retry/');
}

/** Creates the engine, through an options module when worker threads need functions (`--concurrency`). */
async function createEngine(Engine: EngineClass, options: ESLintNamespace.Options, eslintVersion: string, quiet: boolean): Promise<{ eslint: EngineInstance; dispose: () => void }> {
  const concurrency = (options as { concurrency?: unknown }).concurrency;
  const wantsFilter = Engine.configType !== 'eslintrc' && atLeast(eslintVersion, [9, 0]);
  const ruleFilter = ({ ruleId, severity }: { ruleId: string; severity: number }): boolean => ruleId.startsWith('retry/') && (!quiet || severity === 2);
  if (concurrency !== undefined && concurrency !== 'off' && Engine.fromOptionsModule) {
    const file = path.join(tmpdir(), `retry-lint-options-${process.pid}-${Date.now()}.mjs`);
    writeFileSync(
      file,
      `// Written by retry-lint for ESLint's worker threads; removed after the run.\nexport default { ...${JSON.stringify(options)}, ruleFilter: ({ ruleId, severity }) => ruleId.startsWith('retry/') && (${JSON.stringify(!quiet)} || severity === 2) };\n`,
    );
    const eslint = await Engine.fromOptionsModule(pathToFileURL(file));
    return { eslint, dispose: () => { rmSync(file, { force: true }); } };
  }
  if (wantsFilter) {
    try {
      return { eslint: new Engine({ ...options, ruleFilter }), dispose: () => undefined };
    } catch (error) {
      // An ESLint 9 from before `ruleFilter`: every rule runs, and other rules' messages are dropped after.
      if (!String(error).includes('ruleFilter')) throw error;
    }
  }
  // Without `ruleFilter` (ESLint 8.57's flat engine) every rule runs: `--fix` writes only the retry rules' fixes.
  const retryFixesOnly = (message: Linter.LintMessage): boolean => isRetryRule(message.ruleId);
  return { eslint: new Engine(options.fix === true ? ({ ...options, fix: retryFixesOnly } as ESLintNamespace.Options) : options), dispose: () => undefined };
}

/** Lints, writes fixes and the report, and returns the exit code. */
async function lint(resolved: ResolvedEslint, options: CliOptions, io: CliIo): Promise<number> {
  if (options.printConfig === undefined) checkPaths(options.patterns, io.cwd);
  let chosen: Plan;
  const base = options.printConfig === undefined ? lintBase(options.patterns, io.cwd) : io.cwd;
  try {
    chosen = await plan(resolved, options, io, base);
  } catch (error) {
    throw configError(error, options);
  }
  // ESLint lints only under its base folder: the current one, or the project config's. Paths
  // outside it are linted from their common folder with the built-in config; with a project's or
  // a given config they cannot be, and the user is told rather than left with a partial report.
  let lintCwd = io.cwd;
  let lintPatterns = options.patterns;
  if (base !== io.cwd) {
    const outside = options.patterns.filter((pattern) => !isInside(path.resolve(io.cwd, isGlob(pattern) ? globBase(pattern) : pattern), io.cwd));
    if (chosen.source === 'built-in') {
      lintCwd = base;
      lintPatterns = options.patterns.map((pattern) => (isGlob(pattern) ? rebasePattern(pattern, io.cwd, base) : path.resolve(io.cwd, pattern)));
    } else {
      const told = `${outside.join(', ')} ${outside.length === 1 ? 'is' : 'are'} outside ${io.cwd}, where the ${chosen.source === 'project' ? "project's" : 'given'} ESLint config applies; ESLint lints no file there. Run retry-lint from a folder that holds every path, or add --no-config.`;
      lintPatterns = options.patterns.filter((pattern) => !outside.includes(pattern));
      if (lintPatterns.length === 0) throw new UsageError(told);
      io.stderr(`retry-lint: ${told} The other paths are linted.\n`);
    }
  }
  const { Engine, legacy } = chosen;
  if (options.noIgnore) chosen.options = { ...chosen.options, ignore: false };
  if (chosen.source !== 'built-in') heldIgnoreWarning?.();
  heldIgnoreWarning = undefined;
  const version = versionOf(Engine, resolved);
  if (options.concurrency !== undefined) {
    if (legacy || !atLeast(version, MIN_CONCURRENCY_ESLINT)) {
      throw new UsageError(`--concurrency needs ESLint 9.34 or later with a flat config; this run uses ESLint ${version}${legacy ? ' with an eslintrc config' : ''}.`);
    }
    (chosen.options as { concurrency?: unknown }).concurrency = options.concurrency;
  }
  if (options.printConfig !== undefined) return printConfig(chosen, options.printConfig, io);

  // Files ESLint would lint but must not read (not regular, unreadable, too large) are found
  // first, without opening any, then left out of ESLint's run through ignore patterns and
  // reported on their own. ESLint reads every file it lints, and would hang on a FIFO or stop
  // the whole run on one unreadable file. The eslintrc engine finds its own files.
  let problems: FileProblem[] = [];
  if (!legacy) {
    try {
      problems = await findFileProblems(new Engine(chosen.options), lintPatterns, lintCwd, options.maxFileSize, chosen.source === 'built-in' && !options.noIgnore);
    } catch (error) {
      throw configError(error, options);
    }
  }
  const skipped = new Set(problems.map((p) => p.filePath));
  const patterns = lintPatterns.filter((p) => !skipped.has(path.resolve(lintCwd, p)));
  const skipPatterns = [...skipped].map((file) => path.relative(lintCwd, file)).filter((rel) => rel && !rel.startsWith('..') && !path.isAbsolute(rel)).map((rel) => escapeGlob(rel.split(path.sep).join('/')));
  const runOptions: ESLintNamespace.Options =
    skipPatterns.length === 0 ? chosen.options : { ...chosen.options, ignorePatterns: [...(chosen.options.ignorePatterns ?? []), ...skipPatterns] };
  const { eslint, dispose } = await createEngine(Engine, runOptions, version, options.quiet);
  let uncoveredNotice: string | undefined;
  let results: ESLintNamespace.LintResult[] = [];
  try {
    if (patterns.length > 0) {
      try {
        results = await eslint.lintFiles(patterns);
      } catch (error) {
        // A folder whose only lintable files were left out matches nothing: not a usage error then.
        if (!(skipped.size > 0 && isUnmatched(error))) throw configError(error, options);
        const lenient = await createEngine(Engine, { ...runOptions, errorOnUnmatchedPattern: false }, version, options.quiet);
        try {
          results = await lenient.eslint.lintFiles(patterns);
        } finally {
          lenient.dispose();
        }
      }
    }
    // The project's config covers some files only: say so when TypeScript files it has no
    // configuration for were passed over in silence (ESLint lints only what a config's `files` match).
    if (chosen.source === 'project' && !legacy && !options.quiet) {
      const uncovered = await uncoveredTypeScript(eslint, patterns, lintCwd, new Set(results.map((r) => r.filePath)));
      if (uncovered.length > 0) {
        const shown = path.relative(io.cwd, uncovered[0]!) || uncovered[0]!;
        const count = uncovered.length >= UNCOVERED_SHOWN ? `${String(UNCOVERED_SHOWN)} or more TypeScript files` : `${String(uncovered.length)} TypeScript file${uncovered.length === 1 ? '' : 's'}`;
        // Printed after the report (below), where it is read with the findings, not scrolled past.
        uncoveredNotice = `retry-lint: ${count} (${shown}${uncovered.length > 1 ? ', …' : ''}) not linted: the project's ESLint config has no configuration for ${uncovered.length === 1 ? 'it' : 'them'}. Add the plugin's config with files covering **/*.ts and typescript-eslint's parser (see the README), or run retry-lint --no-config.\n`;
      }
    }
  } finally {
    dispose();
  }
  if (chosen.source === 'built-in' && chosen.projectEngine && !options.noIgnore) results = await withoutProjectIgnored(results, chosen.projectEngine, options.patterns, io);
  if (options.fix) await Engine.outputFixes(results);
  const reported = problems.filter((p) => p.severity === 2 || (p.severity === 1 && !options.quiet)).map(problemResult);
  results = [...keepOwnFindings(results, options.quiet), ...reported].map(inLineOrder).sort((a, b) => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0));

  const errorCount = results.reduce((n, r) => n + r.errorCount, 0);
  const warningCount = results.reduce((n, r) => n + r.warningCount, 0);
  const tooManyWarnings = options.maxWarnings !== undefined && warningCount > options.maxWarnings;

  const report = await format(eslint, options.format, results, io.cwd, tooManyWarnings ? options.maxWarnings : undefined);
  if (options.outputFile !== undefined) {
    const target = path.resolve(io.cwd, options.outputFile);
    try {
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, report);
    } catch (error) {
      throw new UsageError(`cannot write ${options.outputFile}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
  } else if (report.length > 0) {
    io.stdout(report.endsWith('\n') ? report : `${report}\n`);
  }
  if ((options.format === 'stylish' || options.outputFile !== undefined) && !options.quiet) {
    // ESLint's stylish report is empty on a clean run, and a report written to a file prints
    // nothing: say on the standard error that the run happened and what it covered, so that silence
    // is never mistaken for a run that linted nothing. With findings, the same line says how many of
    // the files linted they are in. (A json or sarif report on the standard output is left alone
    // there: a tool reading both streams gets the report only.)
    // A file named on the command line but ignored comes back with ESLint's notice only: not linted.
    const lintedResults = results.filter((r) => !isIgnoredNotice(r));
    const linted = lintedResults.length;
    const files = `${String(linted)} file${linted === 1 ? '' : 's'}`;
    const withFindings = lintedResults.filter((r) => r.messages.some((m) => m.severity > 0)).length;
    const written = options.outputFile !== undefined ? ` Report written to ${options.outputFile}.` : '';
    const ignored = results.length - linted;
    // Generated or minified files found in a folder are left out without a report each: say how many,
    // so that a package whose code is mostly generated is not mistaken for one linted in full.
    const leftOut = problems.filter((p) => p.severity === 0).length;
    const generated = leftOut > 0 ? ` ${String(leftOut)} generated or minified file${leftOut === 1 ? ' was' : 's were'} left out (--no-ignore lints ${leftOut === 1 ? 'it' : 'them'}).` : '';
    if (linted === 0 && ignored > 0) io.stderr(`retry-lint: no file linted: ${String(ignored)} file${ignored === 1 ? ' is' : 's are'} ignored (${IGNORED_HINT}).${generated}${written}\n`);
    else if (withFindings === 0) io.stderr(`retry-lint: no findings in ${files} (${describeSource(chosen.source)}).${generated}${written}\n`);
    else io.stderr(`retry-lint: findings in ${String(withFindings)} of ${files} linted (${describeSource(chosen.source)}).${generated}${written}\n`);
  }
  if (uncoveredNotice) io.stderr(uncoveredNotice);
  if (options.fix && !options.quiet && !results.some((r) => r.output !== undefined)) {
    // `--fix` wrote nothing: say why, and where the edits the findings offer are.
    const retryMessages = results.flatMap((r) => r.messages.filter((m) => isRetryRule(m.ruleId)));
    const suggested = retryMessages.filter((m) => (m.suggestions?.length ?? 0) > 0).length;
    if (retryMessages.length > 0) {
      io.stderr(`retry-lint: --fix changed no file: the retry rules write no automatic fixes (every edit could change what the code does). ${String(suggested)} of ${String(retryMessages.length)} finding${retryMessages.length === 1 ? '' : 's'} offer${suggested === 1 ? 's' : ''} a suggestion: apply it in the editor (ESLint's suggestions, the VS Code extension's quick fixes) or read it with --format json.\n`);
    }
  }
  if (tooManyWarnings) {
    io.stderr(`retry-lint found too many warnings (maximum: ${String(options.maxWarnings)}).\n`);
  }
  return errorCount > 0 || tooManyWarnings ? EXIT.findings : EXIT.clean;
}

/** How many uncovered TypeScript files {@link uncoveredTypeScript} looks for before it stops. */
const UNCOVERED_SHOWN = 20;
/** Files {@link uncoveredTypeScript} looks at, at most: a bound on its cost in a large tree. */
const UNCOVERED_SCAN_LIMIT = 5000;
const TS_FILE = /\.(c|m)?tsx?$/;
/** The folders the recommended config never lints (its folder patterns: dist, build, …): not looked into for uncovered files either. */
const SKIPPED_FOLDERS = new Set(VENDORED_IGNORES.flatMap((p) => /^\*\*\/([^/*]+)\/$/.exec(p)?.[1] ?? []));
/** What a path the command skips needs to be linted anyway. */
const IGNORED_HINT = 'retry-lint skips dist, build, out, coverage, vendor, node_modules and what .gitignore or the ESLint config ignores; --no-ignore lints them anyway';

/**
 * TypeScript files under the folders linted (`.` or named folders; globs are not walked) that
 * ESLint did not lint because no object of the project's config matches them, as opposed to an
 * ignore pattern (ESLint's own notice for the file says which). Hidden, dependency and build folders
 * and `.d.ts` files are not looked at. Up to {@link UNCOVERED_SHOWN} paths.
 */
async function uncoveredTypeScript(eslint: EngineInstance, patterns: readonly string[], cwd: string, linted: ReadonlySet<string>): Promise<string[]> {
  const candidates: string[] = [];
  const walkDir = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (candidates.length >= UNCOVERED_SCAN_LIMIT) return;
      if (e.name.startsWith('.')) continue;
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(e.name)) walkDir(full);
      } else if (e.isFile() && TS_FILE.test(e.name) && !/\.d\.(c|m)?tsx?$/.test(e.name) && !linted.has(full)) {
        candidates.push(full);
      }
    }
  };
  for (const p of patterns) {
    if (isGlob(p)) continue;
    const target = path.resolve(cwd, p);
    try {
      if (statSync(target).isDirectory()) walkDir(target);
    } catch {
      // a path that is gone is ESLint's to report
    }
  }
  const out: string[] = [];
  for (const file of candidates) {
    if (out.length >= UNCOVERED_SHOWN) break;
    const [r] = await eslint.lintText('', { filePath: file, warnIgnored: true });
    if (r?.messages.some((m) => /no matching configuration/i.test(m.message))) out.push(file);
  }
  return out;
}

/** ESLint's result for a file it was given but ignores: one warning with no rule, "File ignored …". */
function isIgnoredNotice(r: ESLintNamespace.LintResult): boolean {
  return r.messages.length === 1 && r.messages[0]!.ruleId === null && /^File ignored\b/.test(r.messages[0]!.message);
}

/** Where the retry rules' settings came from, as the one-line summary and `--print-config` name it. */
function describeSource(source: Plan['source']): string {
  return source === 'built-in' ? "retry-lint's recommended config" : source === 'project' ? "the project's ESLint config" : 'the --config file';
}

/** `--print-config FILE`: the config that applies to FILE, with only the retry rules, as JSON. */
async function printConfig(chosen: Plan, file: string, io: CliIo): Promise<number> {
  const eslint = new chosen.Engine(chosen.options);
  const config = (await eslint.calculateConfigForFile(path.resolve(io.cwd, file))) as ({ rules?: Record<string, unknown>; toJSON?: () => object } & object) | undefined;
  if (config === undefined) {
    io.stdout('undefined\n');
    io.stderr(`retry-lint: ${file} is ignored or matches no config.\n`);
    return EXIT.clean;
  }
  const plain = (typeof config.toJSON === 'function' ? config.toJSON() : config) as { rules?: Record<string, unknown> };
  const rules = Object.fromEntries(Object.entries(plain.rules ?? {}).filter(([id]) => isRetryRule(id)));
  io.stdout(`${JSON.stringify({ ...plain, rules }, null, 2)}\n`);
  io.stderr(`retry-lint: config from ${describeSource(chosen.source)}.\n`);
  return EXIT.clean;
}

/** Whether ESLint's error says that a pattern matched no lintable file. */
function isUnmatched(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /No files matching|are ignored|were found/i.test(message);
}

/** The error to report for a failure of ESLint to find or configure the files: usage errors where they are the user's to fix. */
function configError(error: unknown, options: CliOptions): unknown {
  if (error instanceof UsageError) return error;
  const message = error instanceof Error ? error.message : String(error);
  // ESLint's own messages for patterns that match nothing lintable are usage errors; for ignored
  // files, say what is ignored and how to lint them anyway.
  if (isUnmatched(error)) return new UsageError(/are ignored/i.test(message) && !options.noIgnore ? `${message} (${IGNORED_HINT}.)` : message);
  // A `--config` file that does not load (a syntax error in it) is the user's to fix, not ours.
  if (options.config !== undefined) return new UsageError(`cannot load ${options.config}: ${message.split('\n')[0] ?? message}`);
  return error;
}

/**
 * The folder a built-in-config run lints from: the current folder, or the closest folder that
 * holds it and every path given when one lies outside it (`retry-lint ..` from a package
 * folder). ESLint ignores every file outside its `cwd`, so without this such a path was linted
 * only in part (`..` gave the current folder's findings) or reported as ignored.
 */
export function lintBase(patterns: readonly string[], cwd: string): string {
  let base = path.resolve(cwd);
  for (const pattern of patterns) {
    const target = path.resolve(cwd, isGlob(pattern) ? globBase(pattern) : pattern);
    while (!isInside(target, base)) {
      const parent = path.dirname(base);
      if (parent === base) break;
      base = parent;
    }
  }
  return base;
}

/** Whether `target` is `folder` or inside it. */
function isInside(target: string, folder: string): boolean {
  const relative = path.relative(folder, target);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * A glob or ignore pattern written relative to `from`, rewritten relative to `to` (a folder that
 * holds `from`); a leading `!` is kept.
 */
function rebasePattern(pattern: string, from: string, to: string): string {
  const negated = pattern.startsWith('!');
  const body = negated ? pattern.slice(1) : pattern;
  const prefix = path.relative(to, from).split(path.sep).join('/');
  const joined = path.posix.normalize(`${escapeGlob(prefix)}/${body.replace(/^\.\//, '')}`);
  return `${negated ? '!' : ''}${joined}`;
}

/**
 * Fails early, with the path in the message, when a path that is not a glob does not exist
 * (ESLint's own message for this case talks about patterns).
 *
 * @throws {UsageError} For the first path that does not exist.
 */
function checkPaths(patterns: string[], cwd: string): void {
  for (const pattern of patterns) {
    if (pattern.trim() === '') throw new UsageError('an empty path was given');
    if (isGlob(pattern)) continue;
    // lstat, so that a symbolic link loop or to nothing is reported on the file, not as a missing path.
    if (!lstatSync(path.resolve(cwd, pattern), { throwIfNoEntry: false })) throw new UsageError(`no such file or directory: ${pattern}`);
  }
}

/**
 * Whether the project's own ESLint config (looked up from `cwd` as `eslint` does) sets a
 * `retry/*` rule (on or off) for what is being linted. Probes JavaScript and TypeScript file
 * names in each directory given, and in its `src` and `lib` folders (each file given is probed
 * itself). A project config that fails to load is not used: the command falls back to the
 * built-in config and says so.
 */
async function projectConfiguresRetry(Engine: EngineClass, legacy: boolean, patterns: string[], io: CliIo): Promise<boolean> {
  const probes: string[] = [];
  for (const pattern of patterns) {
    const target = path.resolve(io.cwd, pattern);
    const isFile = !isGlob(pattern) && !isDirectory(target);
    const dir = isFile ? undefined : isGlob(pattern) ? io.cwd : target;
    if (isFile) probes.push(target);
    else if (dir !== undefined) {
      for (const folder of [dir, path.join(dir, 'src'), path.join(dir, 'lib')]) {
        probes.push(...['js', 'jsx', 'ts', 'tsx', 'mjs', 'cjs'].map((ext) => path.join(folder, `retry-lint-probe.${ext}`)));
      }
    }
  }
  let eslint: EngineInstance;
  try {
    eslint = new Engine({ cwd: io.cwd });
    for (const probe of probes) {
      let config: { rules?: Record<string, unknown> } | undefined;
      try {
        config = (await eslint.calculateConfigForFile(probe)) as typeof config;
      } catch (error) {
        // eslintrc: a probe outside every config's reach (or no config at all).
        if (legacy && /No ESLint configuration found/i.test(String(error))) continue;
        throw error;
      }
      if (config?.rules && Object.keys(config.rules).some(isRetryRule)) return true;
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (!/Could not find config file|No ESLint configuration/i.test(message)) {
      io.stderr(`retry-lint: the project's ESLint config could not be loaded (${message.split('\n')[0] ?? ''}); using the recommended config.\n`);
    }
  }
  return false;
}

/** Whether `target` is a folder (following links; false for anything that cannot be stat'ed, such as a link loop). */
function isDirectory(target: string): boolean {
  try {
    return statSync(target, { throwIfNoEntry: false })?.isDirectory() === true;
  } catch {
    return false;
  }
}

/** The config the command uses when the project has none for retry rules (the content of retry-lint.config.ts). */
export function builtInConfig(): Linter.Config[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the built config file
  return require(BUILT_IN_CONFIG_FILE) as Linter.Config[];
}

/**
 * Keeps what `retry-lint` reports: `retry/*` findings, parse errors, and ESLint's own messages
 * (no rule id) about retry rules (an invalid `/* eslint retry/… *\/` comment). Other rules'
 * findings, and ESLint's messages about other rules' inline comments or disable directives, are
 * dropped; with `quiet`, warnings too. Counts are recomputed.
 */
export function keepOwnFindings(results: ESLintNamespace.LintResult[], quiet = false): ESLintNamespace.LintResult[] {
  // A file-level notice of ESLint's own (no rule, no line): a file the user named was not linted
  // ("File ignored because outside of base path", "… of a matching ignore pattern"). Dropping it
  // would leave a named file silently unchecked.
  const notice = (m: Linter.LintMessage): boolean => m.ruleId === null && (m.line as number | undefined) === undefined;
  const keep = (m: Linter.LintMessage): boolean =>
    (isRetryRule(m.ruleId) || notice(m) || (m.ruleId === null && (m.fatal === true || /\bretry\//.test(m.message)))) && (!quiet || m.severity === 2);
  return results.map((r) => {
    const messages = r.messages.filter(keep);
    // Results made by older ESLint versions or by hand may lack these lists, whatever the types say.
    const suppressedMessages = (r.suppressedMessages as Linter.SuppressedLintMessage[] | undefined ?? []).filter((m) => isRetryRule(m.ruleId));
    const usedDeprecatedRules = (r.usedDeprecatedRules as ESLintNamespace.DeprecatedRuleUse[] | undefined ?? []).filter((d) => isRetryRule(d.ruleId));
    if (messages.length === r.messages.length && suppressedMessages.length === (r.suppressedMessages as unknown[] | undefined ?? []).length) return { ...r, usedDeprecatedRules };
    const count = (severity: number, fixable?: boolean): number => messages.filter((m) => m.severity === severity && (fixable === undefined || m.fix !== undefined)).length;
    const output = r.output;
    return {
      ...r,
      messages,
      suppressedMessages,
      usedDeprecatedRules,
      errorCount: count(2),
      warningCount: count(1),
      fatalErrorCount: messages.filter((m) => m.fatal).length,
      fixableErrorCount: count(2, true),
      fixableWarningCount: count(1, true),
      ...(output !== undefined ? { output } : {}),
    };
  });
}

/**
 * A result with its messages and suppressed messages in line, column order. ESLint sorts a file's
 * messages, but not what a processor's `postprocess` returns (a block's findings after the next
 * block's), so every format prints the findings of a file in the order they appear in it.
 */
export function inLineOrder(result: ESLintNamespace.LintResult): ESLintNamespace.LintResult {
  const suppressed = result.suppressedMessages as Linter.SuppressedLintMessage[] | undefined;
  return {
    ...result,
    messages: [...result.messages].sort(byLocation),
    ...(suppressed ? { suppressedMessages: [...suppressed].sort(byLocation) } : {}),
  };
}

/** Formats the results: ESLint's own stylish and json formatters, SARIF with command/sarif.ts. */
async function format(eslint: EngineInstance, name: Format, results: ESLintNamespace.LintResult[], cwd: string, maxWarnings: number | undefined): Promise<string> {
  if (name === 'sarif') {
    let rulesMeta: Record<string, unknown> = {};
    try {
      rulesMeta = eslint.getRulesMetaForResults(results);
    } catch {
      // Results of files left out (FIFOs, …) are not ESLint's: the rules are described from the plugin.
    }
    return formatSarif(results, cwd, rulesMeta);
  }
  const formatter = await eslint.loadFormatter(name);
  const meta = maxWarnings === undefined ? undefined : { maxWarningsExceeded: { maxWarnings, foundWarnings: results.reduce((n, r) => n + r.warningCount, 0) } };
  return formatter.format(results, meta);
}
