// SARIF 2.1.0 output of the `retry-lint` command, written from ESLint's results: Retry Lint as the
// tool (its version and home page), each retry rule described with its help text and
// documentation link as code-scanning services show them next to each alert, artifact URIs
// relative to %SRCROOT% (the folder the command ran in), and messages that belong to no rule (a
// parse error, a file that cannot be read) as tool notifications. Written here rather than through
// an ESLint formatter package, which would bring a second ESLint into every install.
import type { ESLint, Linter } from 'eslint';
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

interface ArtifactLocation {
  uri: string;
  uriBaseId?: string;
  index?: number;
}

interface SarifResult {
  level: 'error' | 'warning';
  message: { text: string };
  locations: Array<{ physicalLocation: { artifactLocation: ArtifactLocation; region?: Record<string, number> } }>;
  ruleId?: string;
  ruleIndex?: number;
  descriptor?: { id: string };
  suppressions?: Array<{ kind: 'inSource' | 'external'; justification?: string }>;
}

interface RuleMeta { docs?: { description?: string; url?: string }; type?: string }

/** The base id of artifact URIs relative to the folder the command ran in, as GitHub code scanning and other SARIF consumers expect. */
export const SRCROOT = '%SRCROOT%';

/** The descriptor id of a notification that belongs to no rule (a parse error, a file that cannot be read). */
const NO_RULE_ID = 'retry-lint/no-rule';

/** The folder of the rule pages shipped in the package (`docs/rules/<name>.md`). */
const DOCS_DIR = path.join(__dirname, '..', '..', 'docs', 'rules');

/**
 * The SARIF log of `results`, with Retry Lint as the tool and every retry rule described.
 *
 * @param results ESLint's results (retry rules and parse errors only).
 * @param cwd The folder artifact URIs are made relative to (`uriBaseId` {@link SRCROOT}); files outside it keep absolute URIs.
 * @param rulesMeta ESLint's metadata of the rules in `results` (for a rule that is not a retry rule).
 */
export function formatSarif(results: ESLint.LintResult[], cwd: string, rulesMeta: Record<string, unknown> = {}): string {
  const base = pathToFileURL(cwd).href.replace(/\/?$/, '/');
  const rules = Object.keys(plugin.rules).map((name) => describeRule(`retry/${name}`));
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const artifacts: Array<{ location: ArtifactLocation }> = [];
  const sarifResults: SarifResult[] = [];
  const notifications: SarifResult[] = [];
  let executionSuccessful = true;

  for (const result of results) {
    const index = artifacts.length;
    artifacts.push({ location: artifactLocation(result.filePath, base) });
    const suppressed = (result.suppressedMessages as Linter.SuppressedLintMessage[] | undefined) ?? [];
    // The findings of a file in line, column order, the suppressed ones among the others.
    const messages: Array<Linter.LintMessage | Linter.SuppressedLintMessage> = [...result.messages, ...suppressed].sort(byLocation);
    for (const message of messages) {
      const region = regionOf(message);
      const entry: SarifResult = {
        level: message.fatal === true || message.severity === 2 ? 'error' : 'warning',
        message: { text: message.message },
        locations: [{ physicalLocation: { artifactLocation: { ...artifactLocation(result.filePath, base), index }, ...(region ? { region } : {}) } }],
      };
      if (message.ruleId) {
        entry.ruleId = message.ruleId;
        if (!ruleIndex.has(message.ruleId)) {
          ruleIndex.set(message.ruleId, rules.length);
          rules.push(foreignRule(message.ruleId, rulesMeta[message.ruleId] as RuleMeta | undefined));
        }
        entry.ruleIndex = ruleIndex.get(message.ruleId);
        const suppressions = (message as Partial<Linter.SuppressedLintMessage>).suppressions;
        if (suppressions) {
          entry.suppressions = suppressions.map((s) => ({ kind: s.kind === 'directive' ? 'inSource' : 'external', ...(s.justification ? { justification: s.justification } : {}) }));
        }
        sarifResults.push(entry);
      } else {
        entry.descriptor = { id: NO_RULE_ID };
        if (entry.level === 'error') executionSuccessful = false;
        notifications.push(entry);
      }
    }
  }

  const run = {
    tool: {
      driver: { name: 'Retry Lint', version: plugin.meta.version, semanticVersion: plugin.meta.version, informationUri: REPOSITORY_URL, rules },
    },
    originalUriBaseIds: { [SRCROOT]: { uri: base, description: { text: 'The folder retry-lint ran in' } } },
    ...(artifacts.length > 0 ? { artifacts } : {}),
    results: sarifResults,
    ...(notifications.length > 0 ? { invocations: [{ toolConfigurationNotifications: notifications, executionSuccessful }] } : {}),
  };
  return JSON.stringify({ version: '2.1.0', $schema: 'https://json.schemastore.org/sarif-2.1.0.json', runs: [run] }, null, 2);
}

/**
 * A file's artifact location: a URI relative to {@link SRCROOT} (SARIF 2.1.0 §3.4.4) when the file
 * is inside the folder the command ran in, so that a log made in a CI checkout points at the
 * repository's files wherever it is uploaded; an absolute `file:` URI otherwise.
 */
function artifactLocation(filePath: string, base: string): ArtifactLocation {
  const uri = pathToFileURL(filePath).href;
  return uri.startsWith(base) ? { uri: uri.slice(base.length), uriBaseId: SRCROOT } : { uri };
}

/**
 * Orders two messages of one file by line, then column, as ESLint's linter does; a message with no
 * line (a file-level notice) comes first. For `Array.prototype.sort`, which keeps ties in order.
 */
export function byLocation(a: Linter.LintMessage, b: Linter.LintMessage): number {
  const at = (m: Linter.LintMessage): { line?: number; column?: number } => m;
  return (at(a).line ?? 0) - (at(b).line ?? 0) || (at(a).column ?? 0) - (at(b).column ?? 0);
}

/** A message's region (1-based lines and columns, as ESLint's); undefined when it has no position. */
function regionOf(message: Linter.LintMessage): Record<string, number> | undefined {
  if (!(message.line > 0)) return undefined;
  return {
    startLine: message.line,
    ...(message.column > 0 ? { startColumn: message.column } : {}),
    ...(message.endLine !== undefined && message.endLine > 0 ? { endLine: message.endLine } : {}),
    ...(message.endColumn !== undefined && message.endColumn > 0 ? { endColumn: message.endColumn } : {}),
  };
}

/** A rule that is not a retry rule (the command reports none; kept for results made elsewhere): its id, description and link when known. */
function foreignRule(ruleId: string, meta: RuleMeta | undefined): SarifRule {
  return {
    id: ruleId,
    ...(meta?.docs?.description ? { shortDescription: { text: meta.docs.description } } : {}),
    ...(meta?.docs?.url ? { helpUri: meta.docs.url } : {}),
  };
}

/** A retry rule's SARIF description: its summary, help text (the rule page when shipped) and documentation link. */
function describeRule(ruleId: string): SarifRule {
  const name = ruleId.slice('retry/'.length);
  const meta = (plugin.rules as Record<string, { meta?: RuleMeta }>)[name]?.meta;
  const description = meta?.docs?.description ?? ruleId;
  const url = meta?.docs?.url;
  const page = path.join(DOCS_DIR, `${name}.md`);
  const markdown = existsSync(page) ? readFileSync(page, 'utf8') : undefined;
  const recommended = (plugin.configs.recommended.rules as Record<string, unknown>)[ruleId];
  const level = recommended === 'error' ? 'error' : 'warning';
  return {
    id: ruleId,
    name,
    shortDescription: { text: description },
    fullDescription: { text: description },
    help: { text: url ? `${description}. See ${url}` : description, ...(markdown ? { markdown } : {}) },
    ...(url ? { helpUri: url } : {}),
    defaultConfiguration: { level },
    properties: { tags: ['reliability', 'retry'], ...(meta?.type ? { category: meta.type } : {}) },
  };
}
