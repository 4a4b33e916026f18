// SARIF 2.1.0 output of the `retry-lint` command: `@microsoft/eslint-formatter-sarif` writes the
// log from ESLint's results; this names the tool (Retry Lint, its version and home page) and
// describes each retry rule with its help text and documentation link, as code-scanning services
// show them next to each alert.
import type { ESLint } from 'eslint';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
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

interface SarifLog {
  runs: Array<{ tool: { driver: { name: string; version?: string; semanticVersion?: string; informationUri?: string; rules?: SarifRule[] } } }>;
}

interface RuleMeta { docs?: { description?: string; url?: string }; type?: string }

/** The folder of the rule pages shipped in the package (`docs/rules/<name>.md`). */
const DOCS_DIR = path.join(__dirname, '..', '..', 'docs', 'rules');

/**
 * The SARIF log of `results`, with Retry Lint as the tool and every retry rule described.
 *
 * @param results ESLint's results (retry rules and parse errors only).
 * @param cwd The folder artifact URIs are made relative to... as the formatter does.
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
  }
  return JSON.stringify(log, null, 2);
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
