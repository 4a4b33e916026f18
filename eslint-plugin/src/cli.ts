import type { ESLint as ESLintNamespace, Linter } from 'eslint';
import { existsSync, lstatSync, statSync, type Dirent, type Stats } from 'node:fs';
import { access, constants as fsConstants, lstat, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { Minimatch } from 'minimatch';
import { parseArgs } from 'node:util';
import plugin from './index';

/** Output formats `--format` accepts. */
export const FORMATS = ['stylish', 'json', 'sarif'] as const;

/** One of {@link FORMATS}. */
export type Format = (typeof FORMATS)[number];

/** Exit codes, as ESLint's own command uses them. */
export const EXIT = { clean: 0, findings: 1, usage: 2 } as const;

/** Default of `--max-file-size`, in bytes: in line with the editor's `retryLint.maxFileSize` (1,000,000 characters). */
export const DEFAULT_MAX_FILE_SIZE = 1_000_000;

/** Files the command lints when given a directory, by extension. */
const JS_FILES = ['**/*.js', '**/*.mjs', '**/*.cjs', '**/*.jsx'];
const TS_FILES = ['**/*.ts', '**/*.mts', '**/*.cts', '**/*.tsx'];

/** Folders that hold dependencies or generated code, skipped with the built-in config (node_modules and .git are ESLint's own defaults). */
const IGNORED = ['**/node_modules/', '**/dist/', '**/build/', '**/out/', '**/coverage/', '**/.next/', '**/.nuxt/', '**/.git/', '**/*.min.js', '**/*.d.ts'];

const USAGE = `Usage: retry-lint [paths…] [options]

Finds retry anti-patterns (no jitter, no backoff, no cap, no limit, retried
non-idempotent requests, ignored Retry-After, retried 4xx) with ESLint.

Paths are files, directories or globs; the default is the current directory.
node_modules, dist, build, out and coverage folders are skipped.

Options:
  -f, --format NAME      stylish (default), json or sarif
      --fix              write the fixes that cannot change behaviour
      --max-warnings N   exit 1 when there are more than N warnings
      --max-file-size N  skip files over N bytes (suffix k or m for thousands or
                         millions; 0 for no limit); default 1m, as the editor's
                         retryLint.maxFileSize
  -c, --config FILE      lint with this ESLint flat config file
  -h, --help             print this help
  -v, --version          print the version

Config: with no --config, retry-lint uses the project's own ESLint config when
it turns on retry/* rules for the files linted, and the plugin's recommended
config (TypeScript and JSX included) otherwise.

A file that cannot be linted is reported on that file and the run goes on:
one that cannot be read, or is not a regular file (a FIFO, a directory, a
symbolic link loop), is an error; one over --max-file-size is a warning.

Exit codes: 0 no findings, 1 errors (or more warnings than --max-warnings),
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
  fix: boolean;
  maxWarnings: number | undefined;
  /** Largest file linted, in bytes; `Infinity` for no limit. */
  maxFileSize: number;
  config: string | undefined;
  help: boolean;
  version: boolean;
}

/** A problem with how the command was called; reported in one line, exit code 2. */
class UsageError extends Error {}

/** The subset of the ESLint class (9.x, or `FlatESLint` of 8.57) the command uses. */
interface FlatESLintClass {
  new (options: ESLintNamespace.Options): FlatESLintInstance;
  readonly version: string;
  outputFixes(results: ESLintNamespace.LintResult[]): Promise<void>;
}
type FlatESLintInstance = Pick<InstanceType<typeof import('eslint').ESLint>, 'lintFiles' | 'loadFormatter' | 'calculateConfigForFile' | 'getRulesMetaForResults' | 'isPathIgnored'>;

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
  try {
    const options = parseCommandLine(argv);
    if (options.help) {
      out.stdout(`${USAGE}\n`);
      return EXIT.clean;
    }
    const FlatESLint = await loadFlatESLint();
    if (options.version) {
      out.stdout(`retry-lint ${plugin.meta.version} (ESLint ${FlatESLint.version})\n`);
      return EXIT.clean;
    }
    return await lint(FlatESLint, options, out);
  } catch (error) {
    if (error instanceof UsageError) {
      out.stderr(`retry-lint: ${error.message}\nRun \`retry-lint --help\` for usage.\n`);
      return EXIT.usage;
    }
    const message = error instanceof Error ? error.message : String(error);
    out.stderr(`retry-lint: internal error: ${message}\n`);
    if (process.env['RETRY_LINT_DEBUG'] && error instanceof Error && error.stack) out.stderr(`${error.stack}\n`);
    return EXIT.usage;
  }
}

/**
 * Parses and checks the arguments with `node:util` `parseArgs`.
 *
 * @throws {UsageError} On an unknown option, a missing value, an unknown format or a bad `--max-warnings`.
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
        fix: { type: 'boolean' },
        'max-warnings': { type: 'string' },
        'max-file-size': { type: 'string' },
        config: { type: 'string', short: 'c' },
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
  return {
    maxFileSize: parseFileSize(values['max-file-size']),
    patterns: positionals.length > 0 ? positionals : ['.'],
    format,
    fix: values.fix ?? false,
    maxWarnings,
    config: values.config,
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

function isFormat(name: string): name is Format {
  return (FORMATS as readonly string[]).includes(name);
}

/**
 * The flat-config ESLint class: `loadESLint({ useFlatConfig: true })` on ESLint 9 and 8.57,
 * `FlatESLint` from `eslint/use-at-your-own-risk` on an 8.x without `loadESLint`.
 */
async function loadFlatESLint(): Promise<FlatESLintClass> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- ESLint is the user's peer dependency, resolved at run time
  const eslint = require('eslint') as { loadESLint?: (o: { useFlatConfig: boolean }) => Promise<unknown> };
  if (typeof eslint.loadESLint === 'function') {
    return (await eslint.loadESLint({ useFlatConfig: true })) as FlatESLintClass;
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- fallback for ESLint 8 before loadESLint
  const risky = require('eslint/use-at-your-own-risk') as { FlatESLint?: FlatESLintClass };
  if (!risky.FlatESLint) throw new Error('this ESLint has no flat-config API; retry-lint needs ESLint 8.57 or later.');
  return risky.FlatESLint;
}

/** Lints, writes fixes and the report, and returns the exit code. */
async function lint(FlatESLint: FlatESLintClass, options: CliOptions, io: CliIo): Promise<number> {
  checkPaths(options.patterns, io.cwd);
  const base: ESLintNamespace.Options = { cwd: io.cwd, fix: options.fix, errorOnUnmatchedPattern: true };
  let eslintOptions: ESLintNamespace.Options;
  let builtIn = false;
  if (options.config !== undefined) {
    const file = path.resolve(io.cwd, options.config);
    if (!existsSync(file)) throw new UsageError(`config file not found: ${options.config}`);
    eslintOptions = { ...base, overrideConfigFile: file };
  } else if (await projectConfiguresRetry(FlatESLint, options.patterns, io)) {
    eslintOptions = base;
  } else {
    eslintOptions = { ...base, overrideConfigFile: true, overrideConfig: builtInConfig() };
    builtIn = true;
  }
  // Files ESLint would lint but must not read (not regular, unreadable, too large) are found
  // first, without opening any, then left out of ESLint's run through an ignore function and
  // reported on their own. ESLint reads every file it lints, and would hang on a FIFO or stop
  // the whole run on one unreadable file.
  let problems: FileProblem[];
  try {
    problems = await findFileProblems(new FlatESLint(eslintOptions), options.patterns, io.cwd, options.maxFileSize, builtIn);
  } catch (error) {
    throw configError(error, options);
  }
  const skipped = new Set(problems.map((p) => p.filePath));
  const patterns = options.patterns.filter((p) => !skipped.has(path.resolve(io.cwd, p)));
  const skip: Linter.Config = { name: 'retry-lint/not-lintable', ignores: [((file: string) => skipped.has(path.resolve(file))) as unknown as string] };
  const overrides = eslintOptions.overrideConfig;
  const lintOptions: ESLintNamespace.Options =
    skipped.size === 0 ? eslintOptions : { ...eslintOptions, overrideConfig: [...(Array.isArray(overrides) ? overrides : overrides ? [overrides] : []), skip] };
  const eslint = new FlatESLint(lintOptions);
  let results: ESLintNamespace.LintResult[] = [];
  if (patterns.length > 0) {
    try {
      results = await eslint.lintFiles(patterns);
    } catch (error) {
      // A folder whose only lintable files were left out matches nothing: not a usage error then.
      if (!(skipped.size > 0 && isUnmatched(error))) throw configError(error, options);
      results = await new FlatESLint({ ...lintOptions, errorOnUnmatchedPattern: false }).lintFiles(patterns);
    }
  }
  if (options.fix) await FlatESLint.outputFixes(results);
  results = [...results, ...problems.map(problemResult)].sort((a, b) => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0));
  if (builtIn) results = keepOwnFindings(results);

  const errorCount = results.reduce((n, r) => n + r.errorCount, 0);
  const warningCount = results.reduce((n, r) => n + r.warningCount, 0);
  const tooManyWarnings = options.maxWarnings !== undefined && warningCount > options.maxWarnings;

  const report = await format(eslint, options.format, results, io.cwd, tooManyWarnings ? options.maxWarnings : undefined);
  if (report.length > 0) io.stdout(report.endsWith('\n') ? report : `${report}\n`);
  if (tooManyWarnings) {
    io.stderr(`retry-lint found too many warnings (maximum: ${String(options.maxWarnings)}).\n`);
  }
  return errorCount > 0 || tooManyWarnings ? EXIT.findings : EXIT.clean;
}

/** Whether ESLint's error says that a pattern matched no lintable file. */
function isUnmatched(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /No files matching|are ignored|were found/i.test(message);
}

/** The error to report for a failure of ESLint to find or configure the files: usage errors where they are the user's to fix. */
function configError(error: unknown, options: CliOptions): unknown {
  const message = error instanceof Error ? error.message : String(error);
  // ESLint's own messages for patterns that match nothing lintable are usage errors.
  if (isUnmatched(error)) return new UsageError(message);
  // A `--config` file that does not load (a syntax error in it) is the user's to fix, not ours.
  if (options.config !== undefined) return new UsageError(`cannot load ${options.config}: ${message.split('\n')[0] ?? message}`);
  return error;
}

/** A file (or folder) that ESLint would lint but the command leaves out, and why. */
export interface FileProblem {
  /** Absolute path. */
  filePath: string;
  /** One sentence for the user. */
  message: string;
  /** 2 (error) when the file cannot be linted at all, 1 (warning) when it is skipped on purpose (too large). */
  severity: 1 | 2;
}

/** Folders never searched for files (ESLint's own defaults). */
const ALWAYS_SKIPPED_DIRS = new Set(['node_modules', '.git']);
/** Folders the built-in config ignores (see {@link IGNORED}). */
const BUILT_IN_SKIPPED_DIRS = new Set(['dist', 'build', 'out', 'coverage', '.next', '.nuxt']);

/**
 * Finds the files among what `patterns` name that ESLint would lint (per `eslint.isPathIgnored`,
 * so the config's `files` and `ignores` decide) but that cannot be read safely: not a regular file
 * (a FIFO, a socket, a device, a directory reached through a symbolic link), a symbolic link loop
 * or to nothing, unreadable, or larger than `maxFileSize` bytes. Uses `lstat`, `stat` and `access`
 * only: no file is opened. Folders that cannot be listed are reported too.
 *
 * @param eslint An ESLint instance with the options the run uses (it answers `isPathIgnored`).
 * @param patterns The paths and globs given, relative to `cwd`.
 * @param builtIn Whether the built-in config is used (its ignored folders are not searched).
 */
export async function findFileProblems(
  eslint: Pick<FlatESLintInstance, 'isPathIgnored'>,
  patterns: string[],
  cwd: string,
  maxFileSize: number,
  builtIn: boolean,
): Promise<FileProblem[]> {
  const problems = new Map<string, FileProblem>();
  const display = (file: string): string => path.relative(cwd, file) || file;
  const add = (filePath: string, severity: 1 | 2, message: string): void => {
    if (!problems.has(filePath)) problems.set(filePath, { filePath, severity, message });
  };

  /** Checks one entry that ESLint would read as a file; `entry` is its `lstat` when known. */
  const checkFile = async (file: string, entry: Stats | undefined): Promise<void> => {
    if (await eslint.isPathIgnored(file)) return;
    const name = display(file);
    let info = entry;
    try {
      info ??= await lstat(file);
    } catch (error) {
      add(file, 2, `Not linted: ${name} cannot be read (${describe(error)}).`);
      return;
    }
    if (info.isSymbolicLink()) {
      try {
        info = await stat(file);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ELOOP') add(file, 2, `Not linted: ${name} is a symbolic link loop.`);
        else if (code === 'ENOENT') add(file, 2, `Not linted: ${name} is a symbolic link to a file that does not exist.`);
        else add(file, 2, `Not linted: ${name} cannot be read (${describe(error)}).`);
        return;
      }
    }
    if (info.isDirectory()) {
      add(file, 2, `Not linted: ${name} is a directory reached through a symbolic link, not a file.`);
      return;
    }
    if (!info.isFile()) {
      add(file, 2, `Not linted: ${name} is not a regular file (${fileKind(info)}).`);
      return;
    }
    if (info.size > maxFileSize) {
      add(file, 1, `Not linted: ${name} is ${formatBytes(info.size)}, over --max-file-size (${formatBytes(maxFileSize)}).`);
      return;
    }
    try {
      await access(file, fsConstants.R_OK);
    } catch (error) {
      add(file, 2, `Not linted: ${name} cannot be read (${describe(error)}).`);
    }
  };

  /** Walks a folder as ESLint does, checking each entry that `matches` (relative to `base`). */
  const walk = async (dir: string, base: string, matches: (relative: string) => boolean): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      add(dir, 2, `Not linted: the folder ${display(dir)} cannot be read (${describe(error)}).`);
      return;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (ALWAYS_SKIPPED_DIRS.has(entry.name) || (builtIn && BUILT_IN_SKIPPED_DIRS.has(entry.name))) continue;
        await walk(full, base, matches);
        continue;
      }
      const relative = path.relative(base, full).split(path.sep).join('/');
      if (!matches(relative)) continue;
      await checkFile(full, undefined);
    }
  };

  for (const pattern of patterns) {
    if (/[*?{}[\]!]/.test(pattern)) {
      const base = path.resolve(cwd, globBase(pattern));
      const matcher = new Minimatch(path.relative(base, path.resolve(cwd, pattern)).split(path.sep).join('/'), { dot: true });
      if (statSync(base, { throwIfNoEntry: false })?.isDirectory()) await walk(base, base, (relative) => matcher.match(relative));
      continue;
    }
    const target = path.resolve(cwd, pattern);
    let info: Stats;
    try {
      info = await lstat(target);
    } catch {
      continue; // checked before: missing paths are usage errors
    }
    if (info.isDirectory()) await walk(target, target, () => true);
    else await checkFile(target, info);
  }
  return [...problems.values()];
}

/** The leading folders of a glob, before its first segment with a wildcard. */
function globBase(pattern: string): string {
  const segments = pattern.split(/[\\/]/);
  const index = segments.findIndex((segment) => /[*?{}[\]!]/.test(segment));
  return segments.slice(0, index === -1 ? segments.length : index).join('/') || '.';
}

/** What a file that is not regular is: `a FIFO`, `a socket`, `a device`. */
function fileKind(info: Stats): string {
  if (info.isFIFO()) return 'a FIFO';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  return 'not a file';
}

/** A system error as its code and text (`EACCES: permission denied`). */
function describe(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  return e.code ? `${e.code}${e.syscall ? ` on ${e.syscall}` : ''}` : e instanceof Error ? e.message : String(error);
}

/** Bytes for the user: `2.1 MB (2,100,000 bytes)`. */
function formatBytes(bytes: number): string {
  const whole = `${bytes.toLocaleString('en-US')} bytes`;
  const short = (n: number, unit: string): string => `${n.toLocaleString('en-US', { maximumFractionDigits: 1 })} ${unit} (${whole})`;
  if (bytes >= 1e6) return short(bytes / 1e6, 'MB');
  if (bytes >= 1e3) return short(bytes / 1e3, 'KB');
  return whole;
}

/** An ESLint result carrying one problem as a message without a rule, as ESLint reports a parse error. */
function problemResult(problem: FileProblem): ESLintNamespace.LintResult {
  const error = problem.severity === 2;
  return {
    filePath: problem.filePath,
    messages: [{ ruleId: null, ...(error ? { fatal: true as const } : {}), severity: problem.severity, message: problem.message, line: 0, column: 0 }],
    suppressedMessages: [],
    errorCount: error ? 1 : 0,
    fatalErrorCount: error ? 1 : 0,
    warningCount: error ? 0 : 1,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    usedDeprecatedRules: [],
  };
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
    if (/[*?{}[\]!]/.test(pattern)) continue;
    // lstat, so that a symbolic link loop or to nothing is reported on the file, not as a missing path.
    if (!lstatSync(path.resolve(cwd, pattern), { throwIfNoEntry: false })) throw new UsageError(`no such file or directory: ${pattern}`);
  }
}

/**
 * Whether the project's own flat config (looked up from `cwd`) turns on a `retry/*` rule for
 * what is being linted. Probes a JavaScript and a TypeScript file name in each directory given
 * (each file given is probed itself). A project config that fails to load is not used: the
 * command falls back to the built-in config and says so.
 */
async function projectConfiguresRetry(FlatESLint: FlatESLintClass, patterns: string[], io: CliIo): Promise<boolean> {
  const probes: string[] = [];
  for (const pattern of patterns) {
    const target = path.resolve(io.cwd, pattern);
    const isFile = !/[*?{}[\]!]/.test(pattern) && !isDirectory(target);
    const dir = isFile ? undefined : /[*?{}[\]!]/.test(pattern) ? io.cwd : target;
    if (isFile) probes.push(target);
    else if (dir !== undefined) probes.push(...['js', 'jsx', 'ts', 'tsx'].map((ext) => path.join(dir, `retry-lint-probe.${ext}`)));
  }
  let eslint: FlatESLintInstance;
  try {
    eslint = new FlatESLint({ cwd: io.cwd });
    for (const probe of probes) {
      const config = (await eslint.calculateConfigForFile(probe)) as { rules?: Record<string, unknown> } | undefined;
      if (config?.rules && Object.entries(config.rules).some(([id, entry]) => id.startsWith('retry/') && isOn(entry))) return true;
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (!/Could not find config file/i.test(message)) {
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

/** Whether a rule entry (`'warn'`, `2`, `['error', {…}]`, …) turns the rule on. */
function isOn(entry: unknown): boolean {
  const level: unknown = Array.isArray(entry) ? entry[0] : entry;
  return level !== 'off' && level !== 0 && level !== undefined;
}

/**
 * The config used when the project has none for retry rules: the plugin's `recommended` on
 * JavaScript (JSX enabled for `.jsx`) and TypeScript (through `@typescript-eslint/parser`).
 */
export function builtInConfig(): Linter.Config[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when TypeScript files are linted with the built-in config
  const tsParser = require('@typescript-eslint/parser') as Linter.Parser;
  const recommended = plugin.configs.recommended as unknown as Linter.Config;
  return [
    { name: 'retry-lint/ignores', ignores: IGNORED },
    { name: 'retry-lint/javascript', files: JS_FILES },
    { name: 'retry-lint/jsx', files: ['**/*.jsx'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
    { name: 'retry-lint/typescript', files: TS_FILES, languageOptions: { parser: tsParser, sourceType: 'module' } },
    { name: 'retry-lint/tsx', files: ['**/*.tsx'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
    { ...recommended, files: [...JS_FILES, ...TS_FILES] },
    // Code written for another ESLint setup names rules we do not load in its disable comments:
    // those are not findings of ours, so unused-directive reports are off here.
    { name: 'retry-lint/directives', linterOptions: { reportUnusedDisableDirectives: 'off' } },
  ];
}

/**
 * With the built-in config, drops messages about other plugins' rules (a disable comment for
 * `@typescript-eslint/naming-convention` makes ESLint report "Definition for rule … was not
 * found"), and recounts. Parse errors (no rule id) and `retry/*` findings stay.
 */
export function keepOwnFindings(results: ESLintNamespace.LintResult[]): ESLintNamespace.LintResult[] {
  return results.map((r) => {
    const messages = r.messages.filter((m) => m.ruleId === null || m.ruleId.startsWith('retry/'));
    if (messages.length === r.messages.length) return r;
    const count = (severity: number, fixable?: boolean): number => messages.filter((m) => m.severity === severity && (fixable === undefined || m.fix !== undefined)).length;
    return {
      ...r,
      messages,
      errorCount: count(2),
      warningCount: count(1),
      fatalErrorCount: messages.filter((m) => m.fatal).length,
      fixableErrorCount: count(2, true),
      fixableWarningCount: count(1, true),
    };
  });
}

/** Formats the results: ESLint's own stylish and json formatters, SARIF through `@microsoft/eslint-formatter-sarif`. */
async function format(
  eslint: FlatESLintInstance,
  name: Format,
  results: ESLintNamespace.LintResult[],
  cwd: string,
  maxWarnings: number | undefined,
): Promise<string> {
  const rulesMeta = eslint.getRulesMetaForResults(results);
  if (name === 'sarif') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS formatter without types
    const sarif = require('@microsoft/eslint-formatter-sarif') as (r: ESLintNamespace.LintResult[], data: object) => string;
    return sarif(results, { cwd, rulesMeta });
  }
  const formatter = await eslint.loadFormatter(name);
  const meta = maxWarnings === undefined ? undefined : { maxWarningsExceeded: { maxWarnings, foundWarnings: results.reduce((n, r) => n + r.warningCount, 0) } };
  return formatter.format(results, meta);
}
