// Custom messages between the Retry Lint client and its language server (LSP methods `retryLint/<camelCase>`).
// Imported by both sides. Everything else is plain LSP.
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { OptionalVersionedTextDocumentIdentifier, WorkspaceEdit } from 'vscode-languageserver-protocol';

/**
 * `initializationOptions` the client sends in `initialize`. `workspaceTrusted` defaults to `false`
 * when absent: the server then lints with the bundled plugin only and never loads workspace code.
 */
export interface InitializationOptions {
  /** `vscode.workspace.isTrusted` at start. */
  workspaceTrusted: boolean;
}

/** Client → server when the workspace becomes trusted (`vscode.workspace.onDidGrantWorkspaceTrust`). */
export interface TrustChangedParams {
  workspaceTrusted: boolean;
}
export const TrustChangedNotification = new NotificationType<TrustChangedParams>('retryLint/trustChanged');

/** Server state shown in the client's language status item. */
export type StatusState = 'ok' | 'warn' | 'error';

/** Server → client: the server's state, and why when it is `warn` or `error`. */
export interface StatusParams {
  state: StatusState;
  /** One sentence for the user (`Linted with the workspace's ESLint 9.39.1.`, `Skipped big.ts: 2.1 MB is over retryLint.maxFileSize.`). */
  message: string;
  /** The document the state is about, when there is one. */
  uri?: string;
}
export const StatusNotification = new NotificationType<StatusParams>('retryLint/status');

/**
 * Client → server (for the `retryLint.insertHelper` command): the edit that creates (or reuses) the
 * backoff helper file and imports `retryWithBackoff` into the document, without rewriting anything.
 * `null` when the document is not open, its version moved, or nothing needs to change.
 */
export interface HelperEditParams {
  textDocument: OptionalVersionedTextDocumentIdentifier;
}
export const HelperEditRequest = new RequestType<HelperEditParams, WorkspaceEdit | null, void>('retryLint/helperEdit');

/** Code action kinds the server returns (the client's `retryLint.fixAll` asks for `source.fixAll.retryLint`). */
export const CodeActionKinds = {
  quickFix: 'quickfix',
  fixAll: 'source.fixAll.retryLint',
} as const;

/** Title of the helper quick fix (sentence case, no period, STYLE §3). */
export const USE_HELPER_TITLE = 'Use the backoff helper';
