// The Retry Lint language server: creates the connection, reads capabilities, wires each
// module's handlers and listens. No logic here (STYLE §6). Run: `node dist/server.js --stdio`.
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';
import {
  type CodeAction,
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  type InitializeParams,
  type InitializeResult,
  MessageType,
  type CancellationToken,
  ProposedFeatures,
  ShowMessageNotification,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKinds, HelperEditRequest, type InitializationOptions, TrustChangedNotification } from '../shared/protocol';
import { actionQueries, type AnalysisQueries, answeredAnalysis, codeActions, HelperRequestRefused, helperRequestEdit, type ActionContext } from './code-actions';
import { DEBOUNCE_MS, DiagnosticsScheduler } from './diagnostics';
import { createDocuments, isLintable, lintPathOf } from './documents';
import { diskReader, HelperPathError } from './helper-file';
import { LINT_TIMEOUT_MS, LintPool } from './lint-pool';
import { ESLINT_CONFIG_FILES, type TrustState } from './lint-types';
import { PreparedAnswers } from './prepared-answers';
import { SettingsStore } from './settings';
import { StatusReporter } from './status';
import { bundledVersions } from './versions';

const connection = createConnection(ProposedFeatures.all);
const documents = createDocuments();
const status = new StatusReporter(connection);
const settings = new SettingsStore(connection);
const trust: TrustState = { workspaceTrusted: false };
const workspaceFolders: string[] = [];
// Lints run in worker threads (their own bundle, dist/lint-worker.js, next to this one), so no lint
// holds this thread's requests, and this thread never loads ESLint, the parser or the plugin.
// RETRY_LINT_LINT_TIMEOUT_MS changes the budget of one lint; RETRY_LINT_TEST_HOOKS=1 turns on the worker's test seam.
const toldProblems = new Set<string>();
const pool = new LintPool({
  script: path.join(__dirname, 'lint-worker.js'),
  timeoutMs: Number(process.env.RETRY_LINT_LINT_TIMEOUT_MS) > 0 ? Number(process.env.RETRY_LINT_LINT_TIMEOUT_MS) : LINT_TIMEOUT_MS,
  workerData: { testHooks: process.env.RETRY_LINT_TEST_HOOKS === '1' },
  onProblem: (reason, message) => {
    status.log('error', message);
    // The first problem of each kind is shown; the rest are in the output channel.
    if (toldProblems.has(reason)) return;
    toldProblems.add(reason);
    try {
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message }); // a notification: nothing to await
    } catch {
      // the connection is gone (shutting down)
    }
  },
});
// The code actions' answers, asked of the worker right after each lint (in the background), so a
// code action on the linted text is answered here without a round trip.
const prepared = new PreparedAnswers((uri, target, queries, s) => pool.analysis(uri, target, queries, s, undefined, true));
const scheduler = new DiagnosticsScheduler(
  connection,
  documents,
  settings,
  trust,
  status,
  DEBOUNCE_MS,
  (uri, target, s, t) => pool.lint(uri, target, s, t),
  (doc, diagnostics, s, outcome) => {
    prepared.prepare(doc, diagnostics, s, outcome);
  },
);
let watchRegistration = false;
let workspaceFoldersSupported = false;

const toPath = (uri: string): string | undefined => {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
};

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const options = (params.initializationOptions ?? {}) as Partial<InitializationOptions>;
  trust.workspaceTrusted = options.workspaceTrusted === true;
  const caps = params.capabilities;
  settings.setPullSupported(caps.workspace?.configuration === true);
  watchRegistration = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  workspaceFoldersSupported = caps.workspace?.workspaceFolders === true;
  for (const f of params.workspaceFolders ?? []) {
    const p = toPath(f.uri);
    if (p) workspaceFolders.push(p);
  }
  if (workspaceFolders.length === 0 && params.rootUri) {
    const p = toPath(params.rootUri);
    if (p) workspaceFolders.push(p);
  }
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKinds.fixAll], resolveProvider: false },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'retry-lint' },
  };
});

connection.onInitialized(() => {
  // The first worker loads ESLint and the parser now, in its own thread, so the first lint does not wait for them.
  pool.warm();
  void connection.client.register(DidChangeConfigurationNotification.type, { section: 'retryLint' }).catch(() => undefined);
  if (watchRegistration) {
    const watchers = [...ESLINT_CONFIG_FILES, 'package.json'].map((name) => ({ globPattern: `**/${name}` }));
    void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).catch(() => undefined);
  }
  if (workspaceFoldersSupported) {
    connection.workspace.onDidChangeWorkspaceFolders((e) => {
      for (const removed of e.removed) {
        const p = toPath(removed.uri);
        const i = p ? workspaceFolders.indexOf(p) : -1;
        if (i >= 0) workspaceFolders.splice(i, 1);
      }
      for (const added of e.added) {
        const p = toPath(added.uri);
        if (p) workspaceFolders.push(p);
      }
      settings.changed(undefined);
      scheduler.refresh();
    });
  }
  const versions = bundledVersions();
  status.log(
    'info',
    `Retry Lint server started (pid ${process.pid}, Node ${process.version}, eslint-plugin-retry ${versions.plugin}, ESLint ${versions.eslint}); ` +
      `${trust.workspaceTrusted ? 'trusted workspace: a workspace ESLint config that sets retry/* rules is used' : 'restricted mode: bundled rules only'}; ` +
      `folders: ${workspaceFolders.length > 0 ? workspaceFolders.join(', ') : '(none)'}.`,
  );
  status.report('ok', trust.workspaceTrusted ? 'Ready.' : 'Ready (restricted mode: bundled rules only).');
});

connection.onDidChangeConfiguration((params) => {
  try {
    settings.changed(params);
    scheduler.refresh();
  } catch (error) {
    status.failure('workspace', 'Reading the settings', error);
  }
});

connection.onDidChangeWatchedFiles((params) => {
  try {
    const relevant = params.changes.some((c) => {
      const base = path.posix.basename(c.uri);
      return ESLINT_CONFIG_FILES.includes(base) || base === 'package.json';
    });
    if (!relevant) return;
    status.log('info', 'An ESLint config or package.json changed: reloading the workspace ESLint config.');
    pool.reset();
    scheduler.refresh();
  } catch (error) {
    status.failure('workspace', 'Reloading the ESLint config', error);
  }
});

connection.onNotification(TrustChangedNotification, (params) => {
  trust.workspaceTrusted = params.workspaceTrusted;
  status.log('info', params.workspaceTrusted ? 'The workspace is trusted now: its ESLint config is used where it sets retry/* rules.' : 'Restricted mode: bundled rules only.');
  pool.reset();
  scheduler.refresh();
});

documents.onDidOpen((e) => {
  if (isLintable(e.document)) scheduler.now(e.document);
});
documents.onDidChangeContent((e) => {
  if (isLintable(e.document)) scheduler.changed(e.document);
});
documents.onDidSave((e) => {
  if (isLintable(e.document)) scheduler.saved(e.document);
});
documents.onDidClose((e) => {
  settings.forget(e.document.uri);
  scheduler.closed(e.document.uri);
  prepared.forget(e.document.uri);
  pool.forget(e.document.uri, lintPathOf(e.document));
});

const actionContext = async (uri: string): Promise<ActionContext> => ({
  settings: await settings.get(uri),
  workspaceFolders,
  read: diskReader((u) => documents.get(u)?.getText()),
});

/**
 * The answers a request needs from the document's parse and analysis: prepared after the lint of
 * this very text when they were, else from the lint worker that holds the parse (nothing is asked
 * when the request needs none). Undefined when cancelled.
 */
async function analysisFor(doc: TextDocument, queries: AnalysisQueries, context: ActionContext, token: CancellationToken): Promise<ActionContext['analysis']> {
  const text = doc.getText();
  if (!queries.program && !queries.fixAll && queries.plans.length === 0 && queries.jsx.length === 0) return answeredAnalysis({ plans: [], jsx: [] }, text);
  const ready = await prepared.answer(doc, queries, context.settings);
  if (ready) return answeredAnalysis(ready, text);
  if (token.isCancellationRequested) return undefined;
  const answers = await pool.analysis(doc.uri, { filePath: lintPathOf(doc), text }, queries, context.settings, token);
  return answers ? answeredAnalysis(answers, text) : undefined;
}

connection.onCodeAction(async (params, token): Promise<CodeAction[]> => {
  const uri = params.textDocument.uri;
  try {
    const doc = documents.get(uri);
    if (!doc || !isLintable(doc) || token.isCancellationRequested) return [];
    const context = await actionContext(uri);
    if (!context.settings.enable || token.isCancellationRequested) return [];
    // The document moved on while the settings were read: its findings are stale.
    if (documents.get(uri)?.version !== doc.version) return [];
    const analysis = await analysisFor(doc, actionQueries(doc, params, context.settings), context, token);
    if (!analysis || token.isCancellationRequested || documents.get(uri)?.version !== doc.version) return [];
    return codeActions(doc, params, { ...context, analysis, cancelled: () => token.isCancellationRequested });
  } catch (error) {
    status.failure(uri, 'Code actions', error);
    return [];
  }
});

connection.onRequest(HelperEditRequest, async (params, token) => {
  const uri = params.textDocument.uri;
  try {
    const doc = documents.get(uri);
    if (!doc || token.isCancellationRequested) return null;
    if (typeof params.textDocument.version === 'number' && params.textDocument.version !== doc.version) return null;
    const context = await actionContext(uri);
    // Cancelled, or the document moved on, while the settings were read.
    if (token.isCancellationRequested || documents.get(uri)?.version !== doc.version) return null;
    // Refused (not JavaScript, too big) before any parse.
    if (!isLintable(doc) || doc.getText().length > context.settings.maxFileSize) return helperRequestEdit(doc, context) ?? null;
    const analysis = await analysisFor(doc, { program: true, plans: [], jsx: [], fixAll: false }, context, token);
    if (!analysis || token.isCancellationRequested || documents.get(uri)?.version !== doc.version) return null;
    return helperRequestEdit(doc, { ...context, analysis, cancelled: () => token.isCancellationRequested }) ?? null;
  } catch (error) {
    if (error instanceof HelperRequestRefused || error instanceof HelperPathError) {
      status.log('warn', `Inserting the helper: ${error.message}`);
      status.report('warn', `Inserting the helper: ${error.message}`, uri);
      return null;
    }
    status.failure(uri, 'Inserting the helper', error);
    return null;
  }
});

process.on('uncaughtException', (error) => { status.failure('server', 'The server', error); });
process.on('unhandledRejection', (error) => { status.failure('server', 'The server', error); });

connection.onExit(() => { void pool.dispose(); });

documents.listen(connection);
connection.listen();
