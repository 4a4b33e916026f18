// Test support: applies LSP WorkspaceEdits to an in-memory file system, as an editor would
// (CreateFile honouring ignoreIfExists; TextDocumentEdits checked against the document version).
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { WorkspaceEdit } from 'vscode-languageserver/node';

export interface MemoryFile {
  text: string;
  version: number | null;
}

/** Applies `edit` to `files` (uri → file). Throws when a versioned edit targets another version. */
export function applyWorkspaceEdit(files: Map<string, MemoryFile>, edit: WorkspaceEdit): void {
  for (const change of edit.documentChanges ?? []) {
    if ('kind' in change) {
      if (change.kind !== 'create') throw new Error(`unexpected resource operation ${change.kind}`);
      if (files.has(change.uri)) {
        if (change.options?.ignoreIfExists) continue;
        if (!change.options?.overwrite) throw new Error(`${change.uri} exists`);
      }
      files.set(change.uri, { text: '', version: null });
      continue;
    }
    const file = files.get(change.textDocument.uri);
    if (!file) throw new Error(`edit of a missing file ${change.textDocument.uri}`);
    if (change.textDocument.version !== null && file.version !== null && change.textDocument.version !== file.version) {
      throw new Error(`version mismatch for ${change.textDocument.uri}: edit ${change.textDocument.version}, file ${file.version}`);
    }
    const doc = TextDocument.create(change.textDocument.uri, 'typescript', 0, file.text);
    file.text = TextDocument.applyEdits(doc, change.edits.map((e) => ('newText' in e ? e : e)));
    if (file.version !== null) file.version += 1;
  }
  if (edit.changes) throw new Error('unversioned `changes` edit');
}
