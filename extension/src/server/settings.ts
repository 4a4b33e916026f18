// Per-resource settings: pulled with `workspace/configuration` (section `retryLint`, scopeUri = the
// document), merged over the shared defaults, cached as one promise per URI.
import type { Connection } from 'vscode-languageserver/node';
import { resolveSettings, type RetryLintSettings } from '../shared/settings';

export class SettingsStore {
  private readonly cache = new Map<string, Promise<RetryLintSettings>>();
  /** Settings pushed with `workspace/didChangeConfiguration`, for clients that cannot be asked. */
  private pushed: unknown = undefined;
  private canPull = false;

  constructor(private readonly connection: Pick<Connection, 'workspace' | 'console'>) {}

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
    if (!this.canPull) return resolveSettings(this.pushed);
    try {
      const raw: unknown = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'retryLint' });
      return resolveSettings(raw);
    } catch (error) {
      this.connection.console.warn(`Could not read the retryLint settings for ${uri}: ${String(error)}; using the defaults.`);
      this.cache.delete(uri);
      return resolveSettings(undefined);
    }
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
