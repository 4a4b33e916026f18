// Scratch projects for the `retry-lint` tests: a temporary folder with files and a node_modules of
// links into this repository, and runners for retry-lint and the project's own eslint (JSON output).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Ajv from 'ajv';

export const ROOT = path.resolve(__dirname, '../..');
export const BIN = path.join(ROOT, 'eslint-plugin/bin/retry-lint.js');
export const BUILT_IN_CONFIG = path.join(ROOT, 'eslint-plugin/dist/retry-lint.config.js');

export interface JsonMessage {
  ruleId: string | null;
  severity: number;
  line: number;
  column: number;
  fatal?: boolean;
  message: string;
}
export interface JsonResult {
  filePath: string;
  messages: JsonMessage[];
}

/** What links a project's node_modules gets: `eslint` is ESLint 9, ESLint 8.57, ESLint 10 or none. */
export interface Modules {
  eslint: 'eslint' | 'eslint8' | 'eslint10' | null;
  extra?: string[];
}

const temporaryDirs: string[] = [];

/** Removes every project made so far (call in `after`). */
export function removeProjects(): void {
  for (const dir of temporaryDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A project in a fresh temporary folder with these files and module links. */
export function project(files: Record<string, string>, modules: Modules): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'retry-lint-scratch-'));
  temporaryDirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  const link = (name: string, target: string): void => {
    const at = path.join(dir, 'node_modules', name);
    mkdirSync(path.dirname(at), { recursive: true });
    symlinkSync(target, at, 'dir');
  };
  if (modules.eslint) link('eslint', path.join(ROOT, 'node_modules', modules.eslint));
  if (modules.eslint) link('eslint-plugin-retry', path.join(ROOT, 'eslint-plugin'));
  for (const name of modules.extra ?? []) link(name, path.join(ROOT, 'node_modules', name));
  return dir;
}

/** `file:line:column rule severity` for each retry/* finding of ESLint JSON results, sorted. */
export function retryFindings(results: JsonResult[], dir: string): string[] {
  return results
    .flatMap((r) => r.messages.filter((m) => m.ruleId?.startsWith('retry/')).map((m) => `${path.relative(dir, r.filePath)}:${m.line}:${m.column} ${String(m.ruleId)} ${m.severity}`))
    .sort();
}

/** Runs a command's JSON output in `dir`; its exit code and results. */
export function runJson(args: string[], dir: string, env: Record<string, string> = {}): { status: number | null; results: JsonResult[]; stderr: string } {
  const run = spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '', ...env }, timeout: 120_000 });
  let results: JsonResult[] = [];
  try {
    results = JSON.parse(run.stdout) as JsonResult[];
  } catch {
    assert.fail(`no JSON from ${args.join(' ')} (exit ${String(run.status)}): ${run.stdout.slice(0, 500)} ${run.stderr.slice(0, 1000)}`);
  }
  return { status: run.status, results, stderr: run.stderr };
}

export function retryLint(args: string[], dir: string): { status: number | null; results: JsonResult[]; stderr: string } {
  return runJson([BIN, '--format', 'json', ...args], dir);
}

/** The project's own `eslint` (or this repository's, for a project without one). */
export function eslint(args: string[], dir: string): { status: number | null; results: JsonResult[]; stderr: string } {
  const own = path.join(dir, 'node_modules/eslint/bin/eslint.js');
  return runJson([existsSync(own) ? own : path.join(ROOT, 'node_modules/eslint/bin/eslint.js'), '--format', 'json', ...args], dir);
}

/** The files of the results, relative to `dir`, sorted. */
export function linted(results: JsonResult[], dir: string): string[] {
  return results.map((r) => path.relative(dir, r.filePath)).sort();
}

/** Fails on any parse error or other non-retry message in the results. */
export function assertOnlyRetry(results: JsonResult[]): void {
  for (const r of results) {
    for (const m of r.messages) assert.ok(m.ruleId?.startsWith('retry/'), `${r.filePath}: ${String(m.ruleId)} ${m.message}`);
  }
}

// Retry code the projects share. Each has findings under the recommended config.
export const UNBOUNDED = `export async function keepTrying(op) {
  while (true) {
    try {
      return await op();
    } catch {}
  }
}
`;
export const NO_JITTER = `export async function getJson(url) {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const res = await fetch(url);
      return await res.json();
    } catch (error) {
      await new Promise((resolve) => setTimeout(resolve, 500 * 2 ** attempt));
    }
  }
  throw new Error('gave up');
}
`;


/** The SARIF 2.1.0 JSON schema, as shipped in the @microsoft/jest-sarif package (no network). */
const SARIF_SCHEMA = path.join(ROOT, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

/** A validator for the SARIF 2.1.0 schema (JSON Schema draft-04, which Ajv 6 reads with its draft-04 meta-schema). */
export function sarifValidator(): (log: unknown) => string | undefined {
  const ajv = new Ajv({ schemaId: 'id', allErrors: true, logger: false });
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- Ajv's own meta-schema file
  ajv.addMetaSchema(require('ajv/lib/refs/json-schema-draft-04.json') as object);
  const validate = ajv.compile(JSON.parse(readFileSync(SARIF_SCHEMA, 'utf8')) as object);
  return (log) => (validate(log) ? undefined : ajv.errorsText(validate.errors, { separator: '\n' }));
}

