// ESLint findings → LSP diagnostics, and when to lint: debounced as the user types (or on save),
// tied to the document version so stale results are dropped.
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver/node';
import { DiagnosticSeverity } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { RetryLintSettings } from '../shared/settings';
import { isLintable, lintPathOf } from './documents';
import { LintAborted, type LintMessage, type LintOutcome, type LintTarget, type TrustState } from './lint-types';
import { localPart } from './local';
import type { SettingsStore } from './settings';
import type { StatusReporter } from './status';

/** The diagnostic `source` of every finding. */
export const SOURCE = 'retry-lint';

/** An ESLint fix: replace the text offsets `range` by `text`. */
export interface FixData {
  range: [number, number];
  text: string;
}

/** What a diagnostic carries so code actions need no server-side cache. */
export interface DiagnosticData {
  ruleId: string;
  /** The document version the finding was computed for. */
  version: number;
  fix?: FixData;
  suggestions?: Array<{ desc: string; fix: FixData }>;
}

/** Reads `Diagnostic.data` back, or undefined when it is not ours or malformed. */
export function dataOf(diagnostic: Diagnostic): DiagnosticData | undefined {
  const data = diagnostic.data as Partial<DiagnosticData> | undefined;
  if (diagnostic.source !== SOURCE || !data || typeof data.ruleId !== 'string' || typeof data.version !== 'number') return undefined;
  return data as DiagnosticData;
}

/** Where ESLint's lines start (offsets into the text without a BOM): it also breaks lines at U+2028 and U+2029, LSP does not. */
const lineStartsCache = new WeakMap<TextDocument, { version: number; bom: number; starts: number[] }>();
function eslintLines(doc: TextDocument): { bom: number; starts: number[] } {
  const cached = lineStartsCache.get(doc);
  if (cached && cached.version === doc.version) return cached;
  const full = doc.getText();
  const bom = full.startsWith('\uFEFF') ? 1 : 0;
  const text = full.slice(bom);
  const starts = [0];
  const breaks = /\r\n|[\r\n\u2028\u2029]/g;
  for (let m = breaks.exec(text); m; m = breaks.exec(text)) starts.push(m.index + m[0].length);
  const entry = { version: doc.version, bom, starts };
  lineStartsCache.set(doc, entry);
  return entry;
}

/**
 * One ESLint message as an LSP diagnostic. ESLint's 1-based line and column are turned into an
 * offset with ESLint's own line breaks (U+2028 and U+2029 included), then into an LSP position,
 * so a finding after one of those characters lands where ESLint meant it.
 */
export function toDiagnostic(message: LintMessage, doc: TextDocument, docsUrl: string | undefined): Diagnostic {
  const ruleId = message.ruleId ?? 'retry/unknown';
  const { bom, starts } = eslintLines(doc);
  const length = doc.getText().length - bom;
  const position = (line: number, column: number) => {
    const l = Math.min(Math.max(0, line - 1), starts.length - 1);
    const offset = Math.min((starts[l] ?? 0) + Math.max(0, column - 1), length);
    return doc.positionAt(offset + bom);
  };
  const start = position(message.line, message.column);
  const end = message.endLine !== undefined && message.endColumn !== undefined ? position(message.endLine, message.endColumn) : start;
  const data: DiagnosticData = { ruleId, version: doc.version };
  if (message.fix) data.fix = { range: [message.fix.range[0], message.fix.range[1]], text: message.fix.text };
  if (message.suggestions?.length) {
    data.suggestions = message.suggestions.map((s) => ({ desc: s.desc, fix: { range: [s.fix.range[0], s.fix.range[1]], text: s.fix.text } }));
  }
  const diagnostic: Diagnostic = {
    range: { start, end },
    severity: message.severity === 2 ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: ruleId,
    source: SOURCE,
    message: message.message,
    data,
  };
  if (docsUrl) diagnostic.codeDescription = { href: docsUrl };
  return diagnostic;
}

/** Every message of an outcome as diagnostics of `doc`. */
export function toDiagnostics(outcome: LintOutcome, doc: TextDocument): Diagnostic[] {
  return outcome.messages.map((m) => toDiagnostic(m, doc, m.ruleId ? outcome.docsUrl(m.ruleId) : undefined));
}

/**
 * How a document is linted: on this thread ({@link lintHere}) or in a lint worker (the server's
 * LintPool). Undefined when a newer lint of the document replaced this one before it ran.
 */
export type LintFn = (uri: string, target: LintTarget, settings: RetryLintSettings, trust: TrustState) => Promise<LintOutcome | undefined>;

/** Lints on this thread (loads the linter here: for module tests; the server lints in its workers). */
export const lintHere: LintFn = (_uri, target, settings, trust) => localPart().lintDocument(target, settings, trust);

/**
 * Lints one document with its settings: skipped (empty) when disabled or too big. Never throws
 * on this thread; a lint worker's job may fail with LintAborted. `dropped` when a newer lint replaced it.
 */
export async function diagnose(
  doc: TextDocument,
  settings: RetryLintSettings,
  trust: TrustState,
  lint: LintFn = lintHere,
): Promise<{ diagnostics: Diagnostic[]; outcome?: LintOutcome; skipped?: string; dropped?: true }> {
  if (!settings.enable || !isLintable(doc)) return { diagnostics: [] };
  const text = doc.getText();
  if (text.length > settings.maxFileSize) {
    return { diagnostics: [], skipped: `Skipped ${doc.uri}: ${text.length} characters is over retryLint.maxFileSize (${settings.maxFileSize}).` };
  }
  const outcome = await lint(doc.uri, { filePath: lintPathOf(doc), text }, settings, trust);
  if (!outcome) return { diagnostics: [], dropped: true };
  return { diagnostics: toDiagnostics(outcome, doc), outcome };
}

/** Debounce of `onType` linting, in ms. */
export const DEBOUNCE_MS = 150;

/** Schedules, runs and publishes linting of open documents. */
export class DiagnosticsScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Per URI, a counter bumped by each scheduled run, so a slower older run cannot publish over a newer one. */
  private readonly generation = new Map<string, number>();

  constructor(
    private readonly connection: Pick<Connection, 'sendDiagnostics'>,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly settings: SettingsStore,
    private readonly trust: TrustState,
    private readonly status: StatusReporter,
    private readonly debounceMs = DEBOUNCE_MS,
    private readonly lint: LintFn = lintHere,
    /** Told after each publish of a lint's findings, with the document at the version linted (the server prepares the code actions' answers). */
    private readonly published?: (doc: TextDocument, diagnostics: Diagnostic[], settings: RetryLintSettings, outcome: LintOutcome) => void,
  ) {}

  /** Documents whose last lint ran past the time budget: not linted as they are typed, only when saved, reopened or re-validated. */
  private readonly timedOut = new Set<string>();

  /** A document was opened or its settings changed: lint now. */
  now(doc: TextDocument): void {
    this.timedOut.delete(doc.uri);
    this.cancel(doc.uri);
    void this.run(doc.uri, doc.version); // run() never rejects
  }

  /** The document changed: lint after the debounce, when `retryLint.run` is `onType`. */
  changed(doc: TextDocument): void {
    this.cancel(doc.uri);
    const uri = doc.uri;
    if (this.timedOut.has(uri)) return;
    const version = doc.version;
    void this.settings.get(uri).then((s) => {
      // The run mode is read before the timer starts; a newer change cancels this one.
      if (s.run !== 'onType' || this.documents.get(uri)?.version !== version) return;
      this.cancel(uri);
      const timer = setTimeout(() => {
        this.timers.delete(uri);
        void this.run(uri, version); // run() never rejects
      }, this.debounceMs);
      this.timers.set(uri, timer);
    });
  }

  /** The document was saved: lint now in `onSave` mode (in `onType` mode it is already linted). */
  saved(doc: TextDocument): void {
    const uri = doc.uri;
    const timedOut = this.timedOut.has(uri);
    void this.settings.get(uri).then((s) => {
      if (s.run === 'onSave' || timedOut) this.now(doc);
    });
  }

  /** Re-validates every open document (settings, trust or ESLint config changed). */
  refresh(): void {
    for (const doc of this.documents.all()) if (isLintable(doc)) this.now(doc);
  }

  /** The document closed: cancel pending work and clear its findings. */
  closed(uri: string): void {
    this.cancel(uri);
    this.generation.delete(uri);
    this.loggedFor.delete(uri);
    this.timedOut.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] }); // a notification: nothing to await
  }

  /** Per file, the last line logged about how it was linted or why it was not; per folder, the config source last logged for it. */
  private readonly loggedFor = new Map<string, string>();
  private readonly loggedSources = new Map<string, string>();

  /**
   * Logs to the output channel, once per change, what a user needs to follow the server: which
   * config lints the files of each folder (the bundled rules and why, or the workspace's ESLint
   * and its config folder: in a monorepo, each package's own), and per file why it was skipped or
   * not linted past a parse error.
   */
  private logOnce(uri: string, result: { outcome?: LintOutcome; skipped?: string }, enabled: boolean): void {
    const source = result.outcome?.configSource;
    const folder = folderOf(uri);
    if (source && this.loggedSources.get(folder) !== source) {
      this.loggedSources.set(folder, source);
      this.status.log('info', `Linting ${uri} (and files like it in ${folder}) with ${source}.`);
    }
    const line =
      result.skipped ??
      (!enabled
        ? `Skipped ${uri}: retryLint.enable is false for it.`
        : result.outcome?.parseError
          ? `Not linted past a parse error: ${uri}: ${result.outcome.parseError}`
          : undefined);
    if (line === undefined) {
      this.loggedFor.delete(uri);
      return;
    }
    if (this.loggedFor.get(uri) === line) return;
    this.loggedFor.set(uri, line);
    this.status.log('info', line);
  }

  private cancel(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
    this.generation.set(uri, (this.generation.get(uri) ?? 0) + 1);
  }

  private async run(uri: string, version: number): Promise<void> {
    const generation = this.generation.get(uri) ?? 0;
    const stale = (): boolean => this.generation.get(uri) !== generation || this.documents.get(uri)?.version !== version;
    try {
      const settings = await this.settings.get(uri);
      const doc = this.documents.get(uri);
      if (!doc || stale()) return;
      const result = await diagnose(doc, settings, this.trust, this.lint);
      if (stale() || result.dropped) return; // the document moved on while linting: drop the result
      void this.connection.sendDiagnostics({ uri, version, diagnostics: result.diagnostics }); // a notification: nothing to await
      const outcome = result.outcome;
      if (outcome) this.published?.(doc, result.diagnostics, settings, outcome);
      this.logOnce(uri, result, settings.enable);
      if (result.skipped) {
        this.status.report('warn', result.skipped, uri);
      } else if (outcome?.error) {
        this.status.failure(uri, 'Linting', new Error(outcome.error.message), outcome.error.ruleId);
      } else if (outcome?.warning) {
        this.status.log('warn', `${uri}: ${outcome.warning}`);
        this.status.report('warn', outcome.warning, uri);
      } else if (outcome) {
        this.status.report('ok', outcome.engine === 'workspace' ? "Linting with the workspace's ESLint config." : 'Linting with the bundled rules.');
      }
    } catch (error) {
      if (error instanceof LintAborted) {
        // The pool told it in one line already; the file's findings are unknown, every other file keeps its own.
        if (error.reason === 'timeout') this.timedOut.add(uri);
        this.status.report('error', error.message, uri);
      } else {
        this.status.failure(uri, 'Linting', error);
      }
      if (!stale()) void this.connection.sendDiagnostics({ uri, version, diagnostics: [] }); // a notification: nothing to await
    }
  }
}

/** The folder of a document, as a path for a `file:` URI (the URI's parent otherwise), for the log. */
function folderOf(uri: string): string {
  try {
    const url = new URL(uri);
    if (url.protocol === 'file:') return path.dirname(fileURLToPath(url));
  } catch {
    // not a URL: fall through
  }
  return uri.replace(/\/[^/]*$/, '') || uri;
}
