// Helpers of the editor suite: waiting on events with timeouts (never fixed sleeps) and retrying
// code-action requests the workbench cancels while it settles (../shared/EDITOR-TESTS.md, Flakiness).
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'retry-lint.retry-lint';
/** Generous: a cold server loads ESLint and TypeScript, and CI machines may be busy. A healthy run needs ~1 s. */
export const DIAGNOSTICS_TIMEOUT_MS = Number(process.env.RETRY_LINT_EDITOR_WAIT_MS ?? 90_000);
export const SOURCE = 'retry-lint';

export function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the editor tests need a workspace folder');
  return folder.uri.fsPath;
}

export function wsUri(relative: string): vscode.Uri {
  return vscode.Uri.file(path.join(workspaceRoot(), relative));
}

export function readDisk(relative: string): string {
  return fs.readFileSync(path.join(workspaceRoot(), relative), 'utf8');
}

export function codeOf(d: vscode.Diagnostic): string {
  const { code } = d;
  if (code === undefined) return '';
  return typeof code === 'object' ? String(code.value) : String(code);
}

export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

export function codes(uri: vscode.Uri): string[] {
  return [...new Set(ours(uri).map(codeOf))].sort();
}

/** Resolves when `predicate` holds for the document's Retry Lint diagnostics; checks now, then on every change. */
export async function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (diagnostics: vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = DIAGNOSTICS_TIMEOUT_MS,
): Promise<vscode.Diagnostic[]> {
  const check = (): vscode.Diagnostic[] | undefined => {
    const diagnostics = ours(uri);
    return predicate(diagnostics) ? diagnostics : undefined;
  };
  const now = check();
  if (now) return now;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what} in ${path.basename(uri.fsPath)}; have: ${JSON.stringify(codes(uri))}`));
    }, timeoutMs);
    const listener = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((u) => u.toString() === uri.toString())) return;
      const found = check();
      if (!found) return;
      clearTimeout(timer);
      listener.dispose();
      resolve(found);
    });
  });
}

export const hasCodes = (...wanted: string[]) => (ds: vscode.Diagnostic[]) => wanted.every((c) => ds.some((d) => codeOf(d) === c));
export const lacksCodes = (...unwanted: string[]) => (ds: vscode.Diagnostic[]) => !ds.some((d) => unwanted.includes(codeOf(d)));

/** Resolves when `predicate(text on disk)` holds; checks now, then on every file-system event under the workspace. */
export async function waitForDisk(relative: string, predicate: (text: string | undefined) => boolean, what: string, timeoutMs = 30_000): Promise<string | undefined> {
  const read = (): string | undefined => {
    try {
      return readDisk(relative);
    } catch {
      return undefined;
    }
  };
  if (predicate(read())) return read();
  const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(workspaceRoot(), '**/*'));
  const saved = vscode.workspace.onDidSaveTextDocument(() => {
    poke();
  });
  let poke = (): void => undefined;
  let interval: NodeJS.Timeout | undefined;
  try {
    return await new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what} (${relative})`));
      }, timeoutMs);
      poke = () => {
        const text = read();
        if (predicate(text)) {
          clearTimeout(timer);
          resolve(text);
        }
      };
      watcher.onDidCreate(poke);
      watcher.onDidChange(poke);
      interval = setInterval(poke, 500); // backstop for watchers that miss a write; the timeout still bounds the wait
      poke();
    });
  } finally {
    clearInterval(interval);
    watcher.dispose();
    saved.dispose();
  }
}

function isCanceled(error: unknown): boolean {
  return error instanceof Error && (error.name === 'Canceled' || error.message === 'Canceled');
}

/**
 * `vscode.executeCodeActionProvider`, retried while the workbench cancels the request or the
 * wanted action is not there yet (the provider may answer before the server has caught up).
 */
export async function codeActions(
  uri: vscode.Uri,
  range: vscode.Range,
  kind: string | undefined,
  wanted: (actions: vscode.CodeAction[]) => boolean,
  what: string,
  attempts = 20,
): Promise<vscode.CodeAction[]> {
  let last: vscode.CodeAction[] = [];
  let lastError: unknown;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      last = (await vscode.commands.executeCommand<vscode.CodeAction[] | undefined>('vscode.executeCodeActionProvider', uri, range, kind)) ?? [];
      if (wanted(last)) return last;
      lastError = undefined;
    } catch (error) {
      if (!isCanceled(error)) throw error;
      lastError = error;
    }
    // Give the workbench a turn of diagnostics (or at most a short while) before asking again.
    await nextDiagnosticsChange(uri, 250 * attempt);
  }
  throw new Error(`no ${what} after ${attempts} code-action requests; got ${JSON.stringify(last.map((a) => a.title))}${lastError instanceof Error ? ` (last error: ${lastError.message})` : ''}`);
}

/** Waits for the next diagnostics change of `uri`, or `ms`, whichever comes first (a bounded back-off, not a fixed sleep). */
export function nextDiagnosticsChange(uri: vscode.Uri, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      listener.dispose();
      resolve();
    };
    const timer = setTimeout(done, ms);
    const listener = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) done();
    });
  });
}

export async function open(relative: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(wsUri(relative));
  return vscode.window.showTextDocument(doc, { preview: false });
}

export async function activeExtension(): Promise<vscode.Extension<unknown>> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`${EXTENSION_ID} is not installed in this window`);
  if (!ext.isActive) await ext.activate();
  return ext;
}

/** Runs `fn` and waits for the configuration change it causes to reach this extension host. */
export async function changeSetting(section: string, key: string, value: unknown): Promise<void> {
  const changed = new Promise<void>((resolve) => {
    const listener = vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(`${section}.${key}`)) {
        listener.dispose();
        resolve();
      }
    });
  });
  await vscode.workspace.getConfiguration(section).update(key, value, vscode.ConfigurationTarget.Workspace);
  await changed;
}

/**
 * Saves every dirty file and waits until each one's save event has arrived. `saveAll` can answer
 * `false` while a save is still in flight in the web workbench, so the result is not trusted: the
 * save events (and, in the tests, the text on disk) are.
 */
export async function saveAllDirty(timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const dirty = (): vscode.TextDocument[] => vscode.workspace.textDocuments.filter((d) => d.isDirty && !d.isUntitled);
  while (dirty().length > 0) {
    const left = deadline - Date.now();
    if (left <= 0) throw new Error(`could not save ${dirty().map((d) => d.uri.toString()).join(', ')} in ${timeoutMs} ms`);
    const pending = new Set(dirty().map((d) => d.uri.toString()));
    const allSaved = new Promise<void>((resolve) => {
      const timer = setTimeout(done, Math.min(left, 5_000));
      const listener = vscode.workspace.onDidSaveTextDocument((d) => {
        pending.delete(d.uri.toString());
        if (pending.size === 0) done();
      });
      function done(): void {
        clearTimeout(timer);
        listener.dispose();
        resolve();
      }
    });
    await vscode.workspace.saveAll(false);
    await allSaved;
  }
}
