import { rules } from './rules';

// `require` keeps package.json out of tsc's rootDir while reading the published version.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- JSON read at load time
const pkg = require('../package.json') as { name: string; version: string };

type RuleLevel = 'off' | 'warn' | 'error';
type RuleEntry = RuleLevel | [RuleLevel, ...unknown[]];

/** Severities of `configs.recommended`: problems that cause incidents are errors, the rest warnings. */
const recommendedRules: Record<string, RuleEntry> = {
  'retry/no-unbounded-retry': 'error',
  'retry/require-idempotency-key': 'error',
  'retry/no-retry-on-client-error': 'error',
  'retry/require-max-delay': 'error',
  'retry/require-jitter': 'warn',
  'retry/require-backoff': 'warn',
  'retry/respect-retry-after': 'warn',
};

/** `configs.strict`: every rule an error, and no single wait longer than 30 s. */
const strictRules: Record<string, RuleEntry> = {
  ...Object.fromEntries(Object.keys(recommendedRules).map((id) => [id, 'error' as const])),
  'retry/require-max-delay': ['error', { maxDelayMs: 30_000 }],
};

interface FlatConfig {
  name: string;
  plugins: Record<string, unknown>;
  rules: Record<string, RuleEntry>;
}

interface Plugin {
  meta: { name: string; version: string };
  rules: typeof rules;
  configs: { recommended: FlatConfig; strict: FlatConfig; 'recommended-legacy': { plugins: string[]; rules: Record<string, RuleEntry> } };
}

const plugin: Plugin = {
  meta: { name: pkg.name, version: pkg.version },
  rules,
  configs: {} as Plugin['configs'],
};

plugin.configs.recommended = { name: 'retry/recommended', plugins: { retry: plugin }, rules: recommendedRules };
plugin.configs.strict = { name: 'retry/strict', plugins: { retry: plugin }, rules: strictRules };
plugin.configs['recommended-legacy'] = { plugins: ['retry'], rules: recommendedRules };

export = plugin;
