import * as vscode from 'vscode';

/** What the status item shows: the server's own state, or the client's view of the process. */
export type ServerState = 'starting' | 'ok' | 'warn' | 'error' | 'stopped';

const SEVERITY: Record<ServerState, vscode.LanguageStatusSeverity> = {
  starting: vscode.LanguageStatusSeverity.Information,
  ok: vscode.LanguageStatusSeverity.Information,
  warn: vscode.LanguageStatusSeverity.Warning,
  error: vscode.LanguageStatusSeverity.Error,
  stopped: vscode.LanguageStatusSeverity.Error,
};

const LABEL: Record<ServerState, string> = {
  starting: '$(loading~spin) Retry Lint',
  ok: '$(check) Retry Lint',
  warn: '$(warning) Retry Lint',
  error: '$(error) Retry Lint',
  stopped: '$(circle-slash) Retry Lint',
};

/** A language status item (the `{}` next to the language mode) with the server's state and, in trouble, why. */
export class StatusItem implements vscode.Disposable {
  private readonly item: vscode.LanguageStatusItem;
  private current: { state: ServerState; message: string } = { state: 'starting', message: 'Starting the language server…' };

  constructor(selector: vscode.DocumentSelector) {
    this.item = vscode.languages.createLanguageStatusItem('retryLint.status', selector);
    this.item.name = 'Retry Lint';
    this.item.command = { title: 'Show output', command: 'retryLint.showOutput' };
    this.render();
  }

  get state(): ServerState {
    return this.current.state;
  }

  get message(): string {
    return this.current.message;
  }

  set(state: ServerState, message: string): void {
    this.current = { state, message };
    this.render();
  }

  private render(): void {
    const { state, message } = this.current;
    this.item.text = LABEL[state];
    this.item.detail = message;
    this.item.severity = SEVERITY[state];
    this.item.busy = state === 'starting';
    this.item.accessibilityInformation = { label: `Retry Lint: ${state}. ${message}` };
  }

  dispose(): void {
    this.item.dispose();
  }
}
