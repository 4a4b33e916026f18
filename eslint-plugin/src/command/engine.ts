// Which ESLint the `retry-lint` command runs: the project's own when it has one (8.57 or later),
// so that the command reports what the project's `eslint` reports; retry-lint's own otherwise.
import type { ESLint } from 'eslint';
import { createRequire } from 'node:module';
import path from 'node:path';

/** The ESLint 8.57+/9 class, flat (`ESLint` of 9, `FlatESLint` of 8.57) or eslintrc (`ESLint` of 8, `LegacyESLint` of 9). */
export interface EngineClass {
  new (options: ESLint.Options): EngineInstance;
  readonly version: string;
  /** `flat` or `eslintrc` (a static of both classes since 8.57). */
  readonly configType?: 'flat' | 'eslintrc';
  outputFixes(results: ESLint.LintResult[]): Promise<void>;
  /** ESLint 9.34+: an instance from an options module (the way to pass functions to worker threads). */
  fromOptionsModule?(url: URL): Promise<EngineInstance>;
}

/** What the command uses of an ESLint instance. */
export type EngineInstance = Pick<ESLint, 'lintFiles' | 'lintText' | 'loadFormatter' | 'calculateConfigForFile' | 'getRulesMetaForResults' | 'isPathIgnored'>;

/** The `eslint` module's exports the command uses. */
interface EslintModule {
  loadESLint?: (options?: { useFlatConfig?: boolean; cwd?: string }) => Promise<EngineClass>;
  ESLint: EngineClass;
}

/** An ESLint found for a project. */
export interface ResolvedEslint {
  /** The version, e.g. `9.39.1`. */
  version: string;
  /** `project`: installed in the project (found from its folder); `retry-lint`: the one retry-lint itself depends on. */
  source: 'project' | 'retry-lint';
  /** The engine class that ESLint's own command would use in `cwd` (flat or eslintrc, as `ESLINT_USE_FLAT_CONFIG` and the config files decide). */
  detected: () => Promise<EngineClass>;
  /** The flat-config engine class of this ESLint. */
  flat: () => Promise<EngineClass>;
}

/** The oldest ESLint the command runs: 8.57 has `loadESLint` and the flat-config API. */
export const MIN_ESLINT = [8, 57] as const;

/** `[major, minor]` of a version string. */
export function majorMinor(version: string): [number, number] {
  const [major = 0, minor = 0] = version.split('.').map((part) => Number.parseInt(part, 10) || 0);
  return [major, minor];
}

/** Whether `version` is at least `[major, minor]`. */
export function atLeast(version: string, [major, minor]: readonly [number, number]): boolean {
  const [ma, mi] = majorMinor(version);
  return ma > major || (ma === major && mi >= minor);
}

/**
 * Finds the ESLint to run for a project: the one `require('eslint')` finds from `cwd` (the
 * project's `node_modules` or a parent's) when it is 8.57 or later, else retry-lint's own.
 *
 * @param warn Receives a note when the project's ESLint is too old and retry-lint's own is used.
 * @throws {Error} When neither is installed.
 */
export function resolveEslint(cwd: string, warn: (text: string) => void): ResolvedEslint {
  const fromProject = tryLoad(createRequire(path.join(cwd, 'package.json')));
  if (fromProject && atLeast(fromProject.version, MIN_ESLINT)) return wrap(fromProject, 'project', cwd);
  const own = tryLoad(createRequire(__filename));
  if (!own) {
    throw new Error('ESLint is not installed: retry-lint needs ESLint 8.57 or later (npm install --save-dev eslint).');
  }
  if (fromProject) {
    warn(`retry-lint: the project's ESLint ${fromProject.version} is older than 8.57; linting with retry-lint's own ESLint ${own.version}.\n`);
  }
  return wrap(own, 'retry-lint', cwd);
}

function tryLoad(req: NodeJS.Require): { module: EslintModule; version: string } | undefined {
  let resolved: string;
  try {
    resolved = req.resolve('eslint');
  } catch {
    return undefined;
  }
  const module = req(resolved) as EslintModule;
  return { module, version: module.ESLint.version };
}

function wrap(found: { module: EslintModule; version: string }, source: ResolvedEslint['source'], cwd: string): ResolvedEslint {
  const { module } = found;
  return {
    version: found.version,
    source,
    detected: async () => (module.loadESLint ? module.loadESLint({ cwd }) : module.ESLint),
    flat: async () => {
      if (module.loadESLint) return module.loadESLint({ useFlatConfig: true, cwd });
      throw new Error(`ESLint ${found.version} has no flat-config API; retry-lint needs ESLint 8.57 or later.`);
    },
  };
}
