// SARIF output of `retry-lint`, validated against the SARIF 2.1.0 JSON schema (the schema file
// shipped in the @microsoft/jest-sarif package; no network), with Retry Lint as the tool and each
// retry rule described (help text and documentation link).
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BIN, BUILT_IN_CONFIG, NO_JITTER, project, removeProjects, ROOT, sarifValidator, UNBOUNDED } from './scratch';

interface SarifLog {
  version: string;
  runs: Array<{
    tool: { driver: { name: string; version: string; informationUri: string; rules: Array<{ id: string; helpUri?: string; help?: { text: string; markdown?: string }; shortDescription?: { text: string } }> } };
    results: Array<{ ruleId: string; ruleIndex?: number; level: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }> }>;
    artifacts?: Array<{ location: { uri: string; uriBaseId?: string } }>;
    originalUriBaseIds?: Record<string, { uri: string }>;
    invocations?: Array<{ toolConfigurationNotifications?: unknown[] }>;
  }>;
}

function sarifOf(args: string[], dir: string): { status: number | null; log: SarifLog } {
  const run = spawnSync(process.execPath, [BIN, '--format', 'sarif', ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
  return { status: run.status, log: JSON.parse(run.stdout) as SarifLog };
}

describe('retry-lint SARIF', function () {
  this.timeout(120_000);
  let validate: (log: unknown) => string | undefined;

  before(function () {
    if (!existsSync(BUILT_IN_CONFIG)) this.skip(); // built by npm test's build step
    validate = sarifValidator();
  });

  after(removeProjects);

  it('the schema check itself rejects a log that breaks the schema', () => {
    assert.ok(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] }), 'a driver without a name must fail');
    assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [] }] }), undefined);
  });

  it('is valid SARIF 2.1.0 with findings, names Retry Lint and its version, and describes every retry rule', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'eslint-plugin/package.json'), 'utf8')) as { version: string };
    const dir = project({ 'src/loop.js': UNBOUNDED, 'src/client.js': NO_JITTER }, { eslint: null });
    const { status, log } = sarifOf([], dir);
    assert.equal(status, 1);
    assert.equal(validate(log), undefined);
    const [run] = log.runs;
    assert.ok(run);
    assert.equal(run.tool.driver.name, 'Retry Lint');
    assert.equal(run.tool.driver.version, pkg.version);
    assert.match(run.tool.driver.informationUri, /^https:\/\//);
    const ids = run.tool.driver.rules.map((r) => r.id).sort();
    assert.equal(ids.length, 7);
    for (const rule of run.tool.driver.rules) {
      assert.match(rule.helpUri ?? '', new RegExp(`/docs/rules/${rule.id.slice('retry/'.length)}\\.md$`), rule.id);
      assert.ok((rule.help?.text.length ?? 0) > 20, rule.id);
      assert.match(rule.help?.markdown ?? '', /^# /, `${rule.id}: the rule page`);
      assert.ok(rule.shortDescription?.text, rule.id);
    }
    assert.ok(run.results.length >= 2);
    for (const result of run.results) {
      assert.equal(run.tool.driver.rules[result.ruleIndex ?? -1]?.id, result.ruleId, 'ruleIndex points at the rule');
    }
  });

  it('gives artifact URIs relative to %SRCROOT% (the folder it ran in), declared in originalUriBaseIds, as GitHub code scanning expects', () => {
    const dir = project({ 'src/loop.js': UNBOUNDED, 'src/a b/client.js': NO_JITTER }, { eslint: null });
    const { log } = sarifOf([], dir);
    assert.equal(validate(log), undefined);
    const [run] = log.runs;
    assert.ok(run);
    const base = run.originalUriBaseIds?.['%SRCROOT%']?.uri ?? '';
    assert.equal(base, `${pathToFileURL(dir).href}/`);
    const locations = [...(run.artifacts ?? []).map((a) => a.location), ...run.results.flatMap((r) => r.locations.map((l) => l.physicalLocation.artifactLocation))];
    assert.ok(locations.length >= 4);
    for (const location of locations) {
      assert.equal(location.uriBaseId, '%SRCROOT%', location.uri);
      assert.doesNotMatch(location.uri, /^file:|^\//, 'relative');
      assert.ok(existsSync(fileURLToPath(new URL(location.uri, base))), location.uri);
    }
    assert.deepEqual([...new Set(locations.map((l) => l.uri))].sort(), ['src/a%20b/client.js', 'src/loop.js']);
  });

  it('is valid SARIF 2.1.0 for clean code and with a file that cannot be read (a tool notification)', function () {
    const clean = project({ 'a.js': 'export const a = 1;\n' }, { eslint: null });
    const { status, log } = sarifOf([], clean);
    assert.equal(status, 0);
    assert.equal(validate(log), undefined);
    assert.deepEqual(log.runs[0]?.results, []);
    if (process.platform === 'win32') this.skip();
    const fifo = project({ 'a.js': UNBOUNDED }, { eslint: null });
    execFileSync('mkfifo', [path.join(fifo, 'pipe.js')]);
    const withFifo = sarifOf([], fifo);
    assert.equal(validate(withFifo.log), undefined);
    assert.equal(withFifo.log.runs[0]?.invocations?.[0]?.toolConfigurationNotifications?.length, 1);
  });
});
