import type * as vscode from 'vscode';
import { DOCUMENT_SELECTOR, RetryLintClient } from './client';
import { registerCommands } from './commands';
import { StatusItem, type ServerState } from './status';

/** What `activate` returns: the server state, for the editor tests and other extensions. */
export interface RetryLintApi {
  status(): { state: ServerState; message: string };
}

let client: RetryLintClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<RetryLintApi> {
  const status = new StatusItem(DOCUMENT_SELECTOR);
  client = new RetryLintClient(context, status);
  context.subscriptions.push(status, client, ...registerCommands(client));
  await client.start();
  return { status: () => ({ state: status.state, message: status.message }) };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
