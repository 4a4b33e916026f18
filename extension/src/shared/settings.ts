// Settings of the extension (`retryLint.*`): the type both sides agree on and its defaults.
// Imported by the client (to pass settings) and the server (to merge what it pulls).

/** Severity of one rule, as in `retryLint.rules`. */
export type RuleSeverity = 'off' | 'warn' | 'error';

/** When the server lints: as the user types (debounced) or when the file is saved. */
export type RunMode = 'onType' | 'onSave';

/** The `retryLint` configuration section, for one resource (`scope: resource`). */
export interface RetryLintSettings {
  /** `retryLint.enable`: lint this resource at all. Default `true`. */
  enable: boolean;
  /** `retryLint.run`: `onType` (default) or `onSave`. */
  run: RunMode;
  /**
   * `retryLint.rules`: rule id (`require-jitter` or `retry/require-jitter`) → `off` | `warn` | `error`.
   * Rules not listed keep the severity of the plugin's `recommended` config. Default `{}`.
   */
  rules: Record<string, RuleSeverity>;
  helper: {
    /**
     * `retryLint.helper.path`: workspace-relative file the backoff helper is written to. Empty
     * (default): chosen from the project layout (`src/lib/retry-with-backoff.ts` when `src/` exists,
     * `lib/…` when `lib/` exists, else `retry-with-backoff.ts` at the root); the extension always
     * follows the linted file (`.ts` for TypeScript, `.js` for JavaScript).
     */
    path: string;
  };
  /** `retryLint.maxFileSize`: files larger than this many characters are not linted (a notice says so). Default 1000000. */
  maxFileSize: number;
  /**
   * `retryLint.useWorkspaceConfig`: in a trusted workspace whose ESLint config sets `retry/*` rules,
   * lint through the workspace's own ESLint so the editor matches CI. Default `true`. Ignored
   * (bundled plugin only) in untrusted workspaces.
   */
  useWorkspaceConfig: boolean;
  trace: {
    /** `retryLint.trace.server`: `off` (default) | `messages` | `verbose`; read by the client. */
    server: 'off' | 'messages' | 'verbose';
  };
}

/** Defaults of every `retryLint.*` setting. */
export const DEFAULT_SETTINGS: Readonly<RetryLintSettings> = Object.freeze<RetryLintSettings>({
  enable: true,
  run: 'onType',
  rules: {},
  helper: { path: '' },
  maxFileSize: 1_000_000,
  useWorkspaceConfig: true,
  trace: { server: 'off' },
});

const SEVERITIES = new Set<string>(['off', 'warn', 'error']);

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/**
 * Merges a raw `retryLint` section (what `workspace/configuration` returns, possibly null or with
 * wrong types) over {@link DEFAULT_SETTINGS}. Own properties only are read (a rule named
 * `constructor` is just a key); a value of the wrong type or an unknown value falls back to the
 * default and, when `problems` is given, a sentence saying so is pushed to it. Never throws.
 */
export function resolveSettings(raw: unknown, problems?: string[]): RetryLintSettings {
  const note = (text: string): void => {
    problems?.push(text);
  };
  const obj = record(raw);
  const own = (o: Record<string, unknown>, key: string): unknown => (Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined);
  const rules: Record<string, RuleSeverity> = {};
  const rawRules = own(obj, 'rules');
  if (rawRules !== undefined && record(rawRules) !== rawRules) note('retryLint.rules must be an object of rule id → "off" | "warn" | "error"; it is ignored.');
  for (const [id, level] of Object.entries(record(rawRules))) {
    // Numeric ESLint levels are accepted too: 0 off, 1 warn, 2 error.
    const text = typeof level === 'number' ? (['off', 'warn', 'error'][level] ?? '') : typeof level === 'string' ? level : '';
    const name = id.replace(/^retry\//, '');
    if (!SEVERITIES.has(text) || name === '__proto__') {
      note(`retryLint.rules["${id}"]: ${JSON.stringify(level) ?? String(level)} is not "off", "warn" or "error"; it is ignored.`);
      continue;
    }
    Object.defineProperty(rules, name, { value: text as RuleSeverity, enumerable: true, writable: true, configurable: true });
  }
  const helper = record(own(obj, 'helper'));
  const trace = record(own(obj, 'trace'));
  const pick = <T>(key: string, value: unknown, ok: (v: unknown) => v is T, fallback: T, expected: string): T => {
    if (value === undefined) return fallback;
    if (ok(value)) return value;
    note(`retryLint.${key}: ${JSON.stringify(value) ?? String(value)} is not ${expected}; using the default (${JSON.stringify(fallback)}).`);
    return fallback;
  };
  const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';
  const isRun = (v: unknown): v is RunMode => v === 'onSave' || v === 'onType';
  const isString = (v: unknown): v is string => typeof v === 'string';
  const isSize = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0;
  const isTrace = (v: unknown): v is 'off' | 'messages' | 'verbose' => v === 'off' || v === 'messages' || v === 'verbose';
  return {
    enable: pick('enable', own(obj, 'enable'), isBoolean, DEFAULT_SETTINGS.enable, 'true or false'),
    run: pick('run', own(obj, 'run'), isRun, DEFAULT_SETTINGS.run, '"onType" or "onSave"'),
    rules,
    helper: { path: pick('helper.path', own(helper, 'path'), isString, DEFAULT_SETTINGS.helper.path, 'a string').trim() },
    maxFileSize: pick('maxFileSize', own(obj, 'maxFileSize'), isSize, DEFAULT_SETTINGS.maxFileSize, 'a positive number of characters'),
    useWorkspaceConfig: pick('useWorkspaceConfig', own(obj, 'useWorkspaceConfig'), isBoolean, DEFAULT_SETTINGS.useWorkspaceConfig, 'true or false'),
    trace: { server: pick('trace.server', own(trace, 'server'), isTrace, DEFAULT_SETTINGS.trace.server, '"off", "messages" or "verbose"') },
  };
}
