// Open documents (incremental sync) and what the server derives from a document's URI.
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

/** The languages the server lints. */
export const LANGUAGES = new Set(['javascript', 'javascriptreact', 'typescript', 'typescriptreact']);

const EXTENSION_OF: Record<string, string> = {
  javascript: '.js',
  javascriptreact: '.jsx',
  typescript: '.ts',
  typescriptreact: '.tsx',
};

/** The open documents, synced incrementally. */
export function createDocuments(): TextDocuments<TextDocument> {
  return new TextDocuments(TextDocument);
}

/** Whether the server lints this document at all. */
export function isLintable(doc: TextDocument): boolean {
  return LANGUAGES.has(doc.languageId);
}

/** The file system path of a `file:` URI, or undefined for other schemes (untitled, virtual). */
export function fsPathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** The file name the linter sees: the real path, or `untitled.<ext>` chosen from the language. */
export function lintPathOf(doc: TextDocument): string {
  const fsPath = fsPathOf(doc.uri);
  if (fsPath && path.extname(fsPath)) return fsPath;
  const ext = EXTENSION_OF[doc.languageId] ?? '.ts';
  return fsPath ? `${fsPath}${ext}` : `untitled${ext}`;
}
