// Which files the `retry-lint` command leaves out of ESLint's run, found before ESLint opens any
// of them: files it must not read (not regular, unreadable, too large) and, with no project
// config, generated and minified code.
import type { ESLint } from 'eslint';
import type { Dirent, Stats } from 'node:fs';
import { statSync } from 'node:fs';
import { access, constants as fsConstants, lstat, open, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { Minimatch } from 'minimatch';

/** Whether a command-line path is a glob (ESLint's own test: any of these characters). */
export function isGlob(pattern: string): boolean {
  return /[*?{}[\]!]/.test(pattern);
}

/** A file (or folder) that ESLint would lint but the command leaves out, and why. */
export interface FileProblem {
  /** Absolute path. */
  filePath: string;
  /** One sentence for the user. */
  message: string;
  /**
   * 2 (error) when the file cannot be linted at all, 1 (warning) when it is skipped on purpose
   * (too large, or generated code named on the command line), 0 when it is left out without a
   * report (generated or minified code found in a folder, with no project config).
   */
  severity: 0 | 1 | 2;
}

/** Folders never searched for files (ESLint's own defaults). */
const ALWAYS_SKIPPED_DIRS = new Set(['node_modules', '.git']);
/** Folders the built-in config ignores (see {@link IGNORED}). */
const BUILT_IN_SKIPPED_DIRS = new Set(['dist', 'build', 'out', 'coverage', 'vendor', '.yarn', '.next', '.nuxt', '.svelte-kit', '.output']);

/**
 * Finds the files among what `patterns` name that ESLint would lint (per `eslint.isPathIgnored`,
 * so the config's `files` and `ignores` decide) but that cannot be read safely: not a regular file
 * (a FIFO, a socket, a device, a directory reached through a symbolic link), a symbolic link loop
 * or to nothing, unreadable, or larger than `maxFileSize` bytes. Uses `lstat`, `stat` and `access`
 * only: no file is opened. Folders that cannot be listed are reported too.
 *
 * @param eslint An ESLint instance with the options the run uses (it answers `isPathIgnored`).
 * @param patterns The paths and globs given, relative to `cwd`.
 * @param builtIn Whether the built-in config is used: its ignored folders are not searched, and
 *   generated or minified files ({@link isGeneratedCode}) are left out.
 */
export async function findFileProblems(
  eslint: Pick<ESLint, 'isPathIgnored'>,
  patterns: string[],
  cwd: string,
  maxFileSize: number,
  builtIn: boolean,
): Promise<FileProblem[]> {
  const problems = new Map<string, FileProblem>();
  const display = (file: string): string => path.relative(cwd, file) || file;
  const add = (filePath: string, severity: 0 | 1 | 2, message: string): void => {
    if (!problems.has(filePath)) problems.set(filePath, { filePath, severity, message });
  };

  /** Checks one entry that ESLint would read as a file; `entry` is its `lstat` when known. */
  const checkFile = async (file: string, entry: Stats | undefined, named = false): Promise<void> => {
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
      return;
    }
    if (builtIn) {
      const reason = isGeneratedCode(await readHead(file));
      // Named on the command line, the file is one the user asked for: say why it was left out.
      if (reason) add(file, named ? 1 : 0, `Not linted: ${name} is ${reason}${named ? ' (retry-lint leaves generated and minified code out when the project has no config of its own)' : ''}.`);
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
    if (isGlob(pattern)) {
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
    else await checkFile(target, info, true);
  }
  return [...problems.values()];
}

/** The leading folders of a glob, before its first segment with a wildcard ('.' when none). */
export function globBase(pattern: string): string {
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

/** An ESLint result carrying one problem (severity 1 or 2) as a message without a rule, as ESLint reports a parse error. */
export function problemResult(problem: FileProblem): ESLint.LintResult {
  const error = problem.severity === 2;
  return {
    filePath: problem.filePath,
    messages: [{ ruleId: null, ...(error ? { fatal: true as const } : {}), severity: error ? 2 : 1, message: problem.message, line: 0, column: 0 }],
    suppressedMessages: [],
    errorCount: error ? 1 : 0,
    fatalErrorCount: error ? 1 : 0,
    warningCount: error ? 0 : 1,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    usedDeprecatedRules: [],
  };
}


/** How much of a file {@link isGeneratedCode} looks at. */
const HEAD_BYTES = 64 * 1024;

/** The first {@link HEAD_BYTES} of a regular file as text ('' when it cannot be read). */
async function readHead(file: string): Promise<string> {
  let handle;
  try {
    handle = await open(file, 'r');
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } catch {
    return '';
  } finally {
    await handle?.close();
  }
}

/**
 * Why the start of a file shows generated rather than written code, or undefined: a
 * generated-file marker in its first lines (`@generated`, "DO NOT EDIT", "this file is generated", a webpack
 * bundle prologue), or minified code (a line over 1,000 characters making up most of the text; an
 * inline source-map comment does not count).
 */
export function isGeneratedCode(head: string): string | undefined {
  const top = head.slice(0, 2048);
  if (/@generated\b|\bDO NOT EDIT\b|webpackBootstrap|__webpack_require__|\/\*{6}\//.test(top) || /\bthis file (?:is|was|has been) (?:auto-?|automatically )?generated\b/i.test(top)) {
    return 'generated code';
  }
  // An inline source map (`//# sourceMappingURL=data:…;base64,…`, what tsc's `inlineSourceMap` and
  // bundlers' dev builds append) is one long comment after readable code: not minified code.
  const lines = head.split('\n').filter((line) => !/^\s*\/\/[#@]\s*source(?:Mapping)?URL=/.test(line));
  const code = lines.join('\n');
  const longest = lines.reduce((max, line) => Math.max(max, line.length), 0);
  if (longest > 1000 && longest > code.length / 2) return 'minified code';
  return undefined;
}
