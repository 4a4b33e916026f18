// Which TypeScript the built-in config's parser runs on. `@typescript-eslint/parser` loads the
// `typescript` package it finds from its own folder: in a hoisted layout (yarn, pnpm with hoisting,
// npm when versions agree) that is the project's. A project's TypeScript older than typescript-eslint
// supports (4.8.4) makes valid code fail to parse (`satisfies`, import attributes, `#x in o`), and
// one newer than its peer range may lack the API it uses (TypeScript 7's package has no compiler
// API): then the parser is pointed at retry-lint's own TypeScript, a dependency of the package.
import Module from 'node:module';
import path from 'node:path';

/** The oldest TypeScript typescript-eslint 8 supports (its peer dependency's lower bound). */
export const MIN_TYPESCRIPT = [4, 8, 4] as const;

/** What {@link useSupportedTypeScript} decided. */
export interface TypeScriptChoice {
  /** The version the parser found on its own (the project's, in a hoisted layout); undefined when none. */
  found: string | undefined;
  /** The version the parser runs on. */
  used: string | undefined;
  /** A note for the log when the found version is unsupported (once per process), else undefined. */
  note: string | undefined;
}

/** The packages whose `require('typescript')` is redirected: typescript-eslint's and the one they parse TypeScript's AST with. */
const PARSER_PACKAGES = /[\\/]node_modules[\\/](?:@typescript-eslint[\\/][^\\/]+|ts-api-utils)[\\/]/;

let decided: TypeScriptChoice | undefined;

/** `major.minor.patch` of a version string, as numbers. */
function numbers(version: string): number[] {
  return version.split(/[.-]/).slice(0, 3).map((part) => Number.parseInt(part, 10) || 0);
}

/** Compares two versions by major, minor and patch: negative, 0 or positive. */
function compare(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < 3; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * Whether typescript-eslint supports a TypeScript version: at least {@link MIN_TYPESCRIPT}, and
 * below the upper bound of its peer range when one is given (`>=4.8.4 <6.1.0`).
 *
 * @param version The TypeScript version, e.g. `5.9.3`.
 * @param peerRange typescript-estree's `peerDependencies.typescript`; only its `<X.Y.Z` bound is read.
 */
export function supportedTypeScript(version: string, peerRange?: string): boolean {
  const have = numbers(version);
  if (compare(have, MIN_TYPESCRIPT) < 0) return false;
  const below = peerRange === undefined ? undefined : /<\s*(\d+(?:\.\d+){0,2})/.exec(peerRange)?.[1];
  return below === undefined || compare(have, numbers(below)) < 0;
}

/** The `typescript` peer range of the typescript-estree in `dir`, or undefined. */
function peerRangeOf(dir: string): string | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a package's manifest
    return (require(path.join(dir, 'package.json')) as { peerDependencies?: Record<string, string> }).peerDependencies?.['typescript'];
  } catch {
    return undefined;
  }
}

/** The folder of the `typescript` package that `require('typescript')` finds from `from`, and its version. */
function typescriptFrom(from: string): { root: string; version: string } | undefined {
  try {
    const manifest = require.resolve('typescript/package.json', { paths: [from] });
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a package's manifest
    const { version } = require(manifest) as { version: string };
    return { root: path.dirname(manifest), version };
  } catch {
    return undefined;
  }
}

/**
 * Makes the built-in config's parser run on a TypeScript that typescript-eslint supports: when the
 * one it would load (the project's, in a hoisted layout) is older than 4.8.4, its
 * `require('typescript')` is redirected to retry-lint's own. Call it before the parser is loaded.
 * Idempotent: the second call returns the first decision with no note.
 *
 * @returns What was found and used, with a note to log when the found TypeScript was replaced or is unsupported.
 */
export function useSupportedTypeScript(): TypeScriptChoice {
  if (decided) return { ...decided, note: undefined };
  decided = decide();
  return decided;
}

function decide(): TypeScriptChoice {
  let estree: string;
  try {
    const parser = path.dirname(require.resolve('@typescript-eslint/parser/package.json'));
    estree = path.dirname(require.resolve('@typescript-eslint/typescript-estree/package.json', { paths: [parser] }));
  } catch {
    return { found: undefined, used: undefined, note: undefined };
  }
  const found = typescriptFrom(estree);
  const range = peerRangeOf(estree);
  if (!found || supportedTypeScript(found.version, range)) return { found: found?.version, used: found?.version, note: undefined };
  const own = typescriptFrom(__dirname);
  const older = compare(numbers(found.version), MIN_TYPESCRIPT) < 0;
  const unsupported = older
    ? `TypeScript ${found.version} (${found.root}) is older than typescript-eslint supports (${MIN_TYPESCRIPT.join('.')})`
    : `TypeScript ${found.version} (${found.root}) is newer than typescript-eslint supports (${range ?? ''})`;
  if (!own || own.root === found.root || !supportedTypeScript(own.version, range)) {
    return { found: found.version, used: found.version, note: `${unsupported}; files may fail to parse. Install a typescript in ${range ?? `>=${MIN_TYPESCRIPT.join('.')}`}.` };
  }
  redirect(found.root, own.root);
  return { found: found.version, used: own.version, note: `${unsupported}; parsing with retry-lint's own TypeScript ${own.version}.` };
}

/** Sends typescript-eslint's `require('typescript…')` that would land in `from` (a package folder) to the same file in `to`. */
function redirect(from: string, to: string): void {
  const loader = Module as unknown as { _resolveFilename: (request: string, parent: { filename?: string | null } | undefined, ...rest: unknown[]) => string };
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called with its own `this` below
  const resolve = loader._resolveFilename;
  const prefix = from + path.sep;
  loader._resolveFilename = function (this: unknown, request, parent, ...rest) {
    const resolved = resolve.call(this, request, parent, ...rest);
    if ((request === 'typescript' || request.startsWith('typescript/')) && resolved.startsWith(prefix) && PARSER_PACKAGES.test(parent?.filename ?? '')) {
      return path.join(to, resolved.slice(prefix.length));
    }
    return resolved;
  };
}
