import type { ESLint, Linter, Rule } from 'eslint';
import { rules } from './rules';
import { scripts } from './processors/scripts';

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

/**
 * A flat config of the plugin, typed with ESLint's own types so that `defineConfig` (eslint/config),
 * `tseslint.config` and a plain `Linter.Config[]` all accept it.
 */
interface RetryFlatConfig extends Linter.Config {
  name: string;
  plugins: { retry: ESLint.Plugin };
  rules: Linter.RulesRecord;
}

/** The plugin object: ESLint's `Plugin` with the rule ids and configs named. */
interface RetryPlugin extends ESLint.Plugin {
  meta: { name: string; version: string };
  rules: { [K in keyof typeof rules]: Rule.RuleModule };
  configs: { recommended: RetryFlatConfig; strict: RetryFlatConfig; 'recommended-legacy': Linter.LegacyConfig };
  /** `scripts`: the `<script>` blocks of Vue and Svelte components (`{ files: ['**\/*.vue'], processor: 'retry/scripts' }`). */
  processors: { scripts: Linter.Processor };
}

const plugin = {
  meta: { name: pkg.name, version: pkg.version },
  // typescript-eslint's rule type is a stricter view of the same objects ESLint runs.
  rules: rules as unknown as RetryPlugin['rules'],
  configs: {} as RetryPlugin['configs'],
  processors: { scripts },
} satisfies RetryPlugin as RetryPlugin;

plugin.configs.recommended = { name: 'retry/recommended', plugins: { retry: plugin }, rules: recommendedRules };
plugin.configs.strict = { name: 'retry/strict', plugins: { retry: plugin }, rules: strictRules };
plugin.configs['recommended-legacy'] = { plugins: ['retry'], rules: recommendedRules };

export = plugin;
