import type * as vscode from 'vscode';
import { DOCUMENT_SELECTOR, RetryLintClient } from './client';
import { registerCommands } from './commands';
import { StatusItem, type ServerState } from './status';

/** What `activate` returns: the server state, for the editor tests and other extensions. */
export interface RetryLintApi {
  status(): { state: ServerState; message: string };
  /** Settles when the first start of the language server has succeeded or failed (the status says which). */
  started(): Promise<void>;
  /** How long `activate()` itself took, in ms (it does not wait for the server). */
  activationMs: number;
}

let client: RetryLintClient | undefined;

/**
 * Registers the commands and the status item and starts the language server without waiting for
 * it: the client queues requests until the server answers `initialize`, and a failed start is told
 * in the output channel and the status item (RetryLintClient.start never rejects).
 */
export function activate(context: vscode.ExtensionContext): RetryLintApi {
  const t0 = performance.now();
  const status = new StatusItem(DOCUMENT_SELECTOR);
  client = new RetryLintClient(context, status);
  context.subscriptions.push(status, client, ...registerCommands(client));
  const started = client.start();
  return { status: () => ({ state: status.state, message: status.message }), started: () => started, activationMs: performance.now() - t0 };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
