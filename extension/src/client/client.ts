import * as vscode from 'vscode';
import {
  LanguageClient,
  RevealOutputChannelOn,
  State,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
// Messages are sent by method name: protocol.ts types them with its own copy of the protocol package.
import {
  StatusNotification,
  TrustChangedNotification,
  type InitializationOptions,
  type StatusParams,
  type TrustChangedParams,
} from '../shared/protocol';
import type { StatusItem } from './status';

/** The languages Retry Lint lints; the manifest's activationEvents name the same four. */
export const LANGUAGES = ['javascript', 'javascriptreact', 'typescript', 'typescriptreact'] as const;

/** Files on disk and unsaved buffers; virtual file systems are not supported (see the manifest). */
export const DOCUMENT_SELECTOR: Array<{ language: string; scheme: string }> = LANGUAGES.flatMap((language) => [
  { language, scheme: 'file' },
  { language, scheme: 'untitled' },
]);

/** What the client keeps to dispose: VS Code's and the language client's disposables alike. */
interface Disposable {
  dispose(): unknown;
}

/** Starts, restarts and stops the bundled language server (dist/server.js) in its own Node process over IPC. */
export class RetryLintClient implements vscode.Disposable {
  readonly output: vscode.OutputChannel;
  private client: LanguageClient | undefined;
  private readonly disposables: Disposable[] = [];
  /** Listeners of the current client, dropped when it stops. */
  private clientDisposables: Disposable[] = [];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly status: StatusItem,
  ) {
    this.output = vscode.window.createOutputChannel('Retry Lint');
    this.disposables.push(
      this.output,
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        void this.client?.sendNotification(TrustChangedNotification.method, { workspaceTrusted: true } satisfies TrustChangedParams); // best effort; a stopped client re-sends trust on start
      }),
    );
  }

  get languageClient(): LanguageClient | undefined {
    return this.client;
  }

  async start(): Promise<void> {
    const serverModule = this.context.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
      run: { module: serverModule, transport: TransportKind.ipc },
      debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: DOCUMENT_SELECTOR,
      // No `synchronize`: the server pulls `workspace/configuration` and registers for configuration
      // changes and its file watchers itself (dynamic registration).
      initializationOptions: { workspaceTrusted: vscode.workspace.isTrusted } satisfies InitializationOptions,
      outputChannel: this.output,
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      diagnosticCollectionName: 'retry-lint',
      initializationFailedHandler: (error: unknown) => {
        const reason = error instanceof Error ? error.message : String(error);
        this.output.appendLine(`Retry Lint: the language server failed to start: ${reason}`);
        this.status.set('error', `The language server failed to start: ${reason}`);
        return false; // do not retry a server that cannot initialize
      },
    };
    const client = new LanguageClient('retryLint', 'Retry Lint', serverOptions, clientOptions);
    this.client = client;
    this.status.set('starting', 'Starting the language server…');
    this.clientDisposables.push(
      client.onDidChangeState(({ newState }) => {
        if (newState === State.Stopped && this.client === client) this.status.set('stopped', 'The language server stopped. Run "Retry Lint: Restart Server".');
        if (newState === State.Starting) this.status.set('starting', 'Starting the language server…');
      }),
      client.onNotification(StatusNotification.method, ({ state, message }: StatusParams) => {
        this.status.set(state, message);
      }),
    );
    try {
      await client.start();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.output.appendLine(`Retry Lint: could not start the language server: ${reason}`);
      this.status.set('error', `Could not start the language server: ${reason}`);
      return;
    }
    if (this.status.state === 'starting') this.status.set('ok', 'Linting JavaScript and TypeScript files');
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    for (const d of this.clientDisposables.splice(0)) d.dispose();
    if (client?.needsStop()) await client.stop(5000);
  }

  dispose(): void {
    for (const d of this.clientDisposables.splice(0)) d.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
