import * as vscode from 'vscode';
import { CodeActionKinds, HelperEditRequest, type HelperEditParams } from '../shared/protocol';
import type { WorkspaceEdit } from 'vscode-languageclient/node';
import { LANGUAGES, type RetryLintClient } from './client';

/** Registers the four `retryLint.*` commands of the manifest. */
export function registerCommands(client: RetryLintClient): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('retryLint.insertHelper', () => insertHelper(client)),
    vscode.commands.registerCommand('retryLint.fixAll', () => fixAll()),
    vscode.commands.registerCommand('retryLint.restartServer', async () => {
      await client.restart();
    }),
    vscode.commands.registerCommand('retryLint.showOutput', () => {
      client.output.show(true);
    }),
  ];
}

function activeLintableEditor(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (editor && (LANGUAGES as readonly string[]).includes(editor.document.languageId)) return editor;
  void vscode.window.showInformationMessage('Retry Lint: open a JavaScript or TypeScript file first.'); // informational; nothing to await
  return undefined;
}

/** Creates (or reuses) the backoff helper file and imports `retryWithBackoff` into the active file. */
async function insertHelper(client: RetryLintClient): Promise<boolean> {
  const editor = activeLintableEditor();
  const languageClient = client.languageClient;
  if (!editor) return false;
  if (!languageClient?.isRunning()) {
    void vscode.window.showWarningMessage('Retry Lint: the language server is not running.'); // informational
    return false;
  }
  const { document } = editor;
  const params: HelperEditParams = {
    textDocument: { uri: languageClient.code2ProtocolConverter.asUri(document.uri), version: document.version },
  };
  const result = await languageClient.sendRequest<WorkspaceEdit | null>(HelperEditRequest.method, params);
  if (!result) return false;
  const edit = await languageClient.protocol2CodeConverter.asWorkspaceEdit(result);
  return vscode.workspace.applyEdit(edit);
}

const FIX_ALL = vscode.CodeActionKind.SourceFixAll.append('retryLint'); // CodeActionKinds.fixAll

/** Applies every Retry Lint fix of the active file (`source.fixAll.retryLint`). */
async function fixAll(): Promise<boolean> {
  const editor = activeLintableEditor();
  if (!editor) return false;
  const { document } = editor;
  const range = new vscode.Range(0, 0, document.lineCount, 0);
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[] | undefined>(
    'vscode.executeCodeActionProvider',
    document.uri,
    range,
    CodeActionKinds.fixAll,
  );
  let applied = false;
  for (const action of actions ?? []) {
    if (!action.kind || !FIX_ALL.contains(action.kind)) continue;
    if (action.edit) applied = (await vscode.workspace.applyEdit(action.edit)) || applied;
    if (action.command) await vscode.commands.executeCommand(action.command.command, ...((action.command.arguments ?? []) as unknown[]));
  }
  return applied;
}
