// SARIF 2.1.0 output of the `retry-lint` command: `@microsoft/eslint-formatter-sarif` writes the
// log from ESLint's results; this names the tool (Retry Lint, its version and home page) and
// describes each retry rule with its help text and documentation link, as code-scanning services
// show them next to each alert.
import type { ESLint } from 'eslint';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import plugin from '../index';
import { REPOSITORY_URL } from '../utils/create-rule';

interface SarifRule {
  id: string;
  name?: string;
  shortDescription?: { text: string };
  fullDescription?: { text: string };
  help?: { text: string; markdown?: string };
  helpUri?: string;
  defaultConfiguration?: { level: 'error' | 'warning' | 'note' };
  properties?: Record<string, unknown>;
}

interface SarifRun {
  tool: { driver: { name: string; version?: string; semanticVersion?: string; informationUri?: string; rules?: SarifRule[] } };
  originalUriBaseIds?: Record<string, { uri: string; description?: { text: string } }>;
  artifacts?: unknown[];
  results?: unknown[];
  invocations?: unknown[];
}

interface SarifLog {
  runs: SarifRun[];
}

/** The base id of artifact URIs relative to the folder the command ran in, as GitHub code scanning and other SARIF consumers expect. */
export const SRCROOT = '%SRCROOT%';

interface RuleMeta { docs?: { description?: string; url?: string }; type?: string }

/** The folder of the rule pages shipped in the package (`docs/rules/<name>.md`). */
const DOCS_DIR = path.join(__dirname, '..', '..', 'docs', 'rules');

/**
 * The SARIF log of `results`, with Retry Lint as the tool and every retry rule described.
 *
 * @param results ESLint's results (retry rules and parse errors only).
 * @param cwd The folder artifact URIs are made relative to (`uriBaseId` {@link SRCROOT}); files outside it keep absolute URIs.
 * @param rulesMeta ESLint's metadata of the rules in `results`.
 */
export function formatSarif(results: ESLint.LintResult[], cwd: string, rulesMeta: Record<string, unknown>): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS formatter without types
  const sarif = require('@microsoft/eslint-formatter-sarif') as (r: ESLint.LintResult[], data: object) => string;
  const log = JSON.parse(sarif(results, { cwd, rulesMeta })) as SarifLog;
  for (const run of log.runs) {
    const driver = run.tool.driver;
    driver.name = 'Retry Lint';
    driver.version = plugin.meta.version;
    driver.semanticVersion = plugin.meta.version;
    driver.informationUri = REPOSITORY_URL;
    const described = new Map((driver.rules ?? []).map((rule) => [rule.id, rule]));
    for (const id of Object.keys(plugin.rules)) {
      const ruleId = `retry/${id}`;
      described.set(ruleId, describeRule(ruleId, described.get(ruleId)));
    }
    driver.rules = [...described.values()];
    relativizeUris(run, cwd);
  }
  return JSON.stringify(log, null, 2);
}

/**
 * Rewrites the run's absolute `file:` artifact URIs under `cwd` as URIs relative to
 * {@link SRCROOT}, and declares that base in `originalUriBaseIds` (SARIF 2.1.0 §3.14.14), so that a
 * log made in a CI checkout points at the repository's files wherever it is uploaded.
 */
function relativizeUris(run: SarifRun, cwd: string): void {
  const base = pathToFileURL(cwd).href.replace(/\/?$/, '/');
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    const record = value as Record<string, unknown>;
    const uri = record['uri'];
    if (typeof uri === 'string' && uri.startsWith(base) && record['uriBaseId'] === undefined) {
      record['uri'] = uri.slice(base.length);
      record['uriBaseId'] = SRCROOT;
    }
    for (const child of Object.values(record)) visit(child);
  };
  visit(run.artifacts);
  visit(run.results);
  visit(run.invocations);
  run.originalUriBaseIds = { ...run.originalUriBaseIds, [SRCROOT]: { uri: base, description: { text: 'The folder retry-lint ran in' } } };
}

/** A retry rule's SARIF description: its summary, help text (the rule page when shipped) and documentation link. */
function describeRule(ruleId: string, rule: SarifRule | undefined): SarifRule {
  const name = ruleId.slice('retry/'.length);
  const meta = (plugin.rules as Record<string, { meta?: RuleMeta }>)[name]?.meta;
  const description = meta?.docs?.description ?? ruleId;
  const url = meta?.docs?.url;
  const page = path.join(DOCS_DIR, `${name}.md`);
  const markdown = existsSync(page) ? readFileSync(page, 'utf8') : undefined;
  const recommended = (plugin.configs.recommended.rules as Record<string, unknown>)[ruleId];
  const level = recommended === 'error' ? 'error' : 'warning';
  return {
    ...rule,
    id: ruleId,
    name,
    shortDescription: { text: description },
    fullDescription: { text: description },
    help: { text: url ? `${description}. See ${url}` : description, ...(markdown ? { markdown } : {}) },
    ...(url ? { helpUri: url } : {}),
    defaultConfiguration: { level },
    properties: { ...rule?.properties, tags: ['reliability', 'retry'], ...(meta?.type ? { category: meta.type } : {}) },
  };
}
