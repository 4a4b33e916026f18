// A real LSP client for the protocol tests: spawns `node extension/dist/server.js --stdio` and talks
// to it through vscode-languageserver-protocol's node client (no hand-made JSON).
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  FileChangeType,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowMessageNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type CodeAction,
  type Command,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
} from 'vscode-languageserver/node'; // re-exports vscode-languageserver-protocol/node (its node client)
import { StatusNotification, type StatusParams } from '../../extension/src/shared/protocol';

export const SERVER = path.resolve(__dirname, '../../extension/dist/server.js');

interface Waiter { uri: string; pred: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }

export class LspSession {
  readonly latest = new Map<string, PublishDiagnosticsParams>();
  readonly statuses: StatusParams[] = [];
  readonly logs: string[] = [];
  /** `window/showMessage` texts, in order. */
  readonly shown: string[] = [];
  /** Every publish, in order. */
  readonly history: PublishDiagnosticsParams[] = [];
  settings: Record<string, unknown> = {};
  private waiters: Waiter[] = [];
  private statusWaiters: Array<(p: StatusParams) => boolean> = [];
  private versions = new Map<string, number>();

  private constructor(
    private readonly proc: ChildProcess,
    readonly connection: ProtocolConnection,
  ) {}

  static async start(options: { rootDir: string; settings?: Record<string, unknown>; workspaceTrusted?: boolean; env?: Record<string, string> }): Promise<LspSession> {
    const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], ...(options.env ? { env: { ...process.env, ...options.env } } : {}) });
    const connection = createProtocolConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
    const session = new LspSession(proc, connection);
    session.settings = options.settings ?? {};
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => { session.published(p); });
    connection.onNotification(StatusNotification, (p) => {
      session.statuses.push(p);
      session.statusWaiters = session.statusWaiters.filter((w) => !w(p));
    });
    connection.onNotification(LogMessageNotification.type, (p) => session.logs.push(p.message));
    connection.onNotification(ShowMessageNotification.type, (p) => session.shown.push(p.message));
    connection.onRequest(ConfigurationRequest.type, (p) => p.items.map(() => session.settings));
    connection.onRequest(RegistrationRequest.type, () => null);
    connection.listen();
    const rootUri = pathToFileURL(options.rootDir).href;
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'fixture' }],
      capabilities: {
        workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } },
        textDocument: { publishDiagnostics: { versionSupport: true }, codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } } },
      },
      initializationOptions: { workspaceTrusted: options.workspaceTrusted ?? false },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return session;
  }

  private published(p: PublishDiagnosticsParams): void {
    this.latest.set(p.uri, p);
    this.history.push(p);
    this.waiters = this.waiters.filter((w) => {
      if (w.uri !== p.uri || !w.pred(p)) return true;
      w.resolve(p);
      return false;
    });
  }

  /** The next diagnostics of `uri` for its current version (or matching `pred`), within `timeoutMs`. */
  diagnostics(uri: string, pred?: (p: PublishDiagnosticsParams) => boolean, timeoutMs = 15000): Promise<PublishDiagnosticsParams> {
    const version = this.versions.get(uri);
    const test = pred ?? ((p: PublishDiagnosticsParams) => p.version === version);
    const have = this.latest.get(uri);
    if (have && test(have)) return Promise.resolve(have);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => { reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms`)); }, timeoutMs);
      this.waiters.push({ uri, pred: test, resolve: (p) => (clearTimeout(timer), resolve(p)) });
    });
  }

  /** A `retryLint/status` notification matching `pred` (already received or to come), within `timeoutMs`. */
  status(pred: (p: StatusParams) => boolean, timeoutMs = 15000): Promise<StatusParams> {
    const have = this.statuses.find(pred);
    if (have) return Promise.resolve(have);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => { reject(new Error(`no matching retryLint/status within ${timeoutMs} ms`)); }, timeoutMs);
      this.statusWaiters.push((p) => {
        if (!pred(p)) return false;
        clearTimeout(timer);
        resolve(p);
        return true;
      });
    });
  }

  /** The next publish of `uri` after now (whatever its version). */
  nextDiagnostics(uri: string, timeoutMs = 15000): Promise<PublishDiagnosticsParams> {
    this.latest.delete(uri);
    return this.diagnostics(uri, () => true, timeoutMs);
  }

  async open(uri: string, languageId: string, text: string): Promise<void> {
    this.versions.set(uri, 1);
    this.latest.delete(uri);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  }

  async change(uri: string, text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async setSettings(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { retryLint: settings } });
  }

  async fileChanged(uri: string): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri, type: FileChangeType.Changed }] });
  }

  async codeActions(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    const result = (await this.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range,
      context: only ? { diagnostics, only } : { diagnostics },
    })) as Array<CodeAction | Command> | null;
    return (result ?? []).filter((a): a is CodeAction => 'title' in a && !('command' in a && typeof a.command === 'string'));
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest(ShutdownRequest.type), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // already gone
    }
    this.connection.dispose();
    this.proc.kill();
  }

  /** Peak resident memory of the server process is not visible here; the bench reads /proc. */
  get pid(): number | undefined {
    return this.proc.pid;
  }
}
