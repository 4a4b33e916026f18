// Per-resource settings: pulled with `workspace/configuration` (section `retryLint`, scopeUri = the
// document), merged over the shared defaults, cached as one promise per URI. A client that does not
// answer within SETTINGS_TIMEOUT_MS gets the defaults (with a notice), so no request waits on it.
import type { Connection } from 'vscode-languageserver/node';
import { resolveSettings, type RetryLintSettings } from '../shared/settings';
import { unknownRuleIds } from './rule-ids';

/** How long the server waits for `workspace/configuration` before using the defaults, in ms. */
export const SETTINGS_TIMEOUT_MS = 2000;

/** Thrown (and caught) when the client does not answer the settings request in time. */
class SettingsTimeout extends Error {}

export class SettingsStore {
  private readonly cache = new Map<string, Promise<RetryLintSettings>>();
  /** Settings pushed with `workspace/didChangeConfiguration`, for clients that cannot be asked. */
  private pushed: unknown = undefined;
  private canPull = false;

  /** Settings problems already told, so each is told once. */
  private readonly told = new Set<string>();

  /**
   * @param connection Where settings are pulled from and notices go.
   * @param timeoutMs How long to wait for the client's answer (tests shorten it).
   */
  constructor(
    private readonly connection: Pick<Connection, 'workspace' | 'console'>,
    private readonly timeoutMs: number = SETTINGS_TIMEOUT_MS,
  ) {}

  /** Whether the client answers `workspace/configuration` (read from its capabilities at `initialize`). */
  setPullSupported(value: boolean): void {
    this.canPull = value;
  }

  /** The settings of one resource. Never rejects: a failing client yields the defaults. */
  get(uri: string): Promise<RetryLintSettings> {
    let hit = this.cache.get(uri);
    if (!hit) {
      hit = this.load(uri);
      this.cache.set(uri, hit);
    }
    return hit;
  }

  private async load(uri: string): Promise<RetryLintSettings> {
    if (!this.canPull) return this.resolve(this.pushed);
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new SettingsTimeout(`the client did not answer within ${this.timeoutMs} ms`)), this.timeoutMs);
      });
      const raw: unknown = await Promise.race([this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'retryLint' }), timeout]);
      return this.resolve(raw);
    } catch (error) {
      const why = error instanceof SettingsTimeout ? error.message : String(error);
      this.connection.console.warn(`Could not read the retryLint settings for ${uri}: ${why}; using the defaults.`);
      this.cache.delete(uri);
      return resolveSettings(undefined);
    } finally {
      if (timer !== undefined) clearTimeout(timer);
    }
  }

  /** Validates a raw section; each problem (a bad value, an unknown rule) is told once, and ignored. */
  private resolve(raw: unknown): RetryLintSettings {
    const problems: string[] = [];
    const settings = resolveSettings(raw, problems);
    for (const id of unknownRuleIds(settings.rules)) {
      problems.push(`retryLint.rules["${id}"]: there is no retry-lint rule of that name; it is ignored.`);
      delete settings.rules[id];
    }
    for (const problem of problems) {
      if (this.told.has(problem)) continue;
      this.told.add(problem);
      this.connection.console.warn(problem);
    }
    return settings;
  }

  /** `workspace/didChangeConfiguration`: forget every cached value (and keep pushed settings, if any). */
  changed(params: { settings?: unknown } | undefined): void {
    const settings = params?.settings;
    if (settings !== null && typeof settings === 'object' && 'retryLint' in settings) {
      this.pushed = (settings).retryLint;
    }
    this.cache.clear();
  }

  /** A document closed: drop its entry. */
  forget(uri: string): void {
    this.cache.delete(uri);
  }
}
