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
 * wrong types) over {@link DEFAULT_SETTINGS}. Wrong types fall back to the default; never throws.
 */
export function resolveSettings(raw: unknown): RetryLintSettings {
  const obj = record(raw);
  const rules: Record<string, RuleSeverity> = {};
  for (const [id, level] of Object.entries(record(obj['rules']))) {
    // Numeric ESLint levels are accepted too: 0 off, 1 warn, 2 error.
    const text = typeof level === 'number' ? (['off', 'warn', 'error'][level] ?? '') : String(level);
    if (SEVERITIES.has(text)) rules[id.replace(/^retry\//, '')] = text as RuleSeverity;
  }
  const helper = record(obj['helper']);
  const trace = record(obj['trace']);
  const size = obj['maxFileSize'];
  const traceServer = trace['server'];
  return {
    enable: typeof obj['enable'] === 'boolean' ? obj['enable'] : DEFAULT_SETTINGS.enable,
    run: obj['run'] === 'onSave' || obj['run'] === 'onType' ? obj['run'] : DEFAULT_SETTINGS.run,
    rules,
    helper: { path: typeof helper['path'] === 'string' ? helper['path'].trim() : DEFAULT_SETTINGS.helper.path },
    maxFileSize: typeof size === 'number' && Number.isFinite(size) && size > 0 ? size : DEFAULT_SETTINGS.maxFileSize,
    useWorkspaceConfig: typeof obj['useWorkspaceConfig'] === 'boolean' ? obj['useWorkspaceConfig'] : DEFAULT_SETTINGS.useWorkspaceConfig,
    trace: { server: traceServer === 'messages' || traceServer === 'verbose' ? traceServer : 'off' },
  };
}
