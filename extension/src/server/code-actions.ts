// Code actions: a quick fix per ESLint fix (preferred) and suggestion, "Use the backoff helper",
// disable-for-this-line, and `source.fixAll.retryLint`. Every edit is a versioned WorkspaceEdit;
// nothing is offered when the document moved on since the findings were computed.
import type { TSESTree } from '@typescript-eslint/utils';
import {
  CodeAction,
  CodeActionKind,
  type CodeActionParams,
  CreateFile,
  type Diagnostic,
  OptionalVersionedTextDocumentIdentifier,
  TextDocumentEdit,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKinds } from '../shared/protocol';
import type { RetryLintSettings } from '../shared/settings';
import { dataOf, type FixData } from './diagnostics';
import { lintPathOf } from './documents';
import { HelperPathError, importEdit, placeHelper, type HelperName, type ReadText } from './helper-file';
import { isLintable } from './documents';
import { localPart } from './local';
import type { RewritePlan } from './rewrite';

/**
 * What code actions learn from the parse and the retry analysis of the document. The server answers
 * it from the lint worker that holds the document's parse ({@link answeredAnalysis}); module tests
 * and the in-process fallback answer it on their own thread (`localAnalysis`, local-analysis.ts).
 */
export interface DocAnalysis {
  /** The program's top-level statements (enough for the helper's import), or undefined on a parse error. */
  program(): TSESTree.Program | undefined;
  /** The rewrite plans of the retry site at `offset` (an offset into the text without a BOM). */
  plans(offset: number): RewritePlan[];
  /** Whether `offset` sits among JSX children (a comment there must be `{/* … *\/}`). */
  inJsxChildren(offset: number): boolean;
  /** The text with every autofix of the bundled rules applied (the text is without a BOM). */
  fixAll(settings: Pick<RetryLintSettings, 'rules'>): { output: string; error?: string };
}

/** The questions a code action request asks of {@link DocAnalysis}, so they can be answered in one round trip. */
export interface AnalysisQueries {
  program: boolean;
  plans: number[];
  jsx: number[];
  fixAll: boolean;
}

/** The answers to {@link AnalysisQueries} (plain data: they cross the worker boundary). */
export interface AnalysisAnswers {
  program?: TSESTree.Program;
  plans: Array<[number, RewritePlan[]]>;
  jsx: Array<[number, boolean]>;
  fixAll?: { output: string; error?: string };
}

/** What code actions need besides the document and the request. */
export interface ActionContext {
  settings: RetryLintSettings;
  workspaceFolders: readonly string[];
  read: ReadText;
  /** Whether the client cancelled the request (its CancellationToken): checked between the steps of the work. */
  cancelled?: () => boolean;
  /** Where the parse and the analysis come from; by default this thread (`localAnalysis`, which loads the linter here). */
  analysis?: DocAnalysis;
}

/** {@link DocAnalysis} over answers computed elsewhere; a question not asked gets the empty answer. */
export function answeredAnalysis(answers: AnalysisAnswers, text: string): DocAnalysis {
  const plans = new Map(answers.plans);
  const jsx = new Map(answers.jsx);
  return {
    program: () => answers.program,
    plans: (offset) => plans.get(offset) ?? [],
    inJsxChildren: (offset) => jsx.get(offset) ?? false,
    fixAll: () => answers.fixAll ?? { output: text.startsWith('\uFEFF') ? text.slice(1) : text },
  };
}

/** The context's analysis, or one computed on this thread (loads the linter here: module tests and the pool's fallback only). */
const analysisOf = (doc: TextDocument, context: Pick<ActionContext, 'analysis'>): DocAnalysis =>
  context.analysis ?? localPart().localAnalysis({ filePath: lintPathOf(doc), text: doc.getText() });

function bomOf(doc: TextDocument): number {
  return doc.getText().startsWith('\uFEFF') ? 1 : 0;
}

function toTextEdit(doc: TextDocument, fix: FixData): TextEdit {
  const bom = bomOf(doc);
  return { range: { start: doc.positionAt(fix.range[0] + bom), end: doc.positionAt(fix.range[1] + bom) }, newText: fix.text };
}

/** A WorkspaceEdit changing only `doc`, at its current version. */
function versionedEdit(doc: TextDocument, edits: TextEdit[]): WorkspaceEdit {
  return { documentChanges: [TextDocumentEdit.create(OptionalVersionedTextDocumentIdentifier.create(doc.uri, doc.version), edits)] };
}

function withoutPeriod(text: string): string {
  return text.replace(/\.\s*$/, '');
}

/** The quick fixes of one finding: its fix (preferred), then its suggestions. */
function eslintFixes(doc: TextDocument, diagnostic: Diagnostic): CodeAction[] {
  const data = dataOf(diagnostic);
  if (!data) return [];
  const out: CodeAction[] = [];
  if (data.fix) {
    const action = CodeAction.create(`Fix this ${data.ruleId} problem`, versionedEdit(doc, [toTextEdit(doc, data.fix)]), CodeActionKind.QuickFix);
    action.diagnostics = [diagnostic];
    action.isPreferred = true;
    out.push(action);
  }
  for (const s of data.suggestions ?? []) {
    const action = CodeAction.create(withoutPeriod(s.desc), versionedEdit(doc, [toTextEdit(doc, s.fix)]), CodeActionKind.QuickFix);
    action.diagnostics = [diagnostic];
    out.push(action);
  }
  return out;
}

/** The offset (without a BOM) of the first non-blank character of a finding's line. */
function lineStartOffset(doc: TextDocument, diagnostic: Diagnostic): number {
  const line = diagnostic.range.start.line;
  const lineText = doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '');
  const indent = /^\s*/.exec(lineText)?.[0] ?? '';
  return doc.offsetAt({ line, character: indent.length }) - bomOf(doc);
}

const DISABLE_COMMENT = /^(\s*)(\/\/|\{\s*\/\*|\/\*)\s*eslint-disable-next-line\b([^*}\n]*?)(\s*--[^*}\n]*)?(\s*\*\/\s*\}?|\s*\*\/)?\s*$/d;

/** "Disable <rule> for this line": merged into an existing `eslint-disable-next-line` comment on the line above. */
function disableForLine(doc: TextDocument, diagnostic: Diagnostic, analysis: DocAnalysis): CodeAction | undefined {
  const data = dataOf(diagnostic);
  if (!data) return undefined;
  const line = diagnostic.range.start.line;
  const lineText = doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '');
  const indent = /^\s*/.exec(lineText)?.[0] ?? '';
  const title = `Disable ${data.ruleId} for this line`;
  if (line > 0) {
    const above = doc.getText({ start: { line: line - 1, character: 0 }, end: { line, character: 0 } }).replace(/\r?\n$/, '');
    const m = DISABLE_COMMENT.exec(above);
    if (m?.indices?.[3]) {
      const list = m[3] ?? '';
      const rules = list.split(',').map((r) => r.trim()).filter(Boolean);
      if (rules.length === 0 || rules.includes(data.ruleId)) return undefined; // already disabled for every rule or this one
      const at = { line: line - 1, character: m.indices[3][0] + list.trimEnd().length };
      const action = CodeAction.create(title, versionedEdit(doc, [{ range: { start: at, end: at }, newText: `, ${data.ruleId}` }]), CodeActionKind.QuickFix);
      action.diagnostics = [diagnostic];
      return action;
    }
  }
  const comment = analysis.inJsxChildren(lineStartOffset(doc, diagnostic)) ? `{/* eslint-disable-next-line ${data.ruleId} */}` : `// eslint-disable-next-line ${data.ruleId}`;
  const start = { line, character: 0 };
  const action = CodeAction.create(title, versionedEdit(doc, [{ range: { start, end: start }, newText: `${indent}${comment}\n` }]), CodeActionKind.QuickFix);
  action.diagnostics = [diagnostic];
  return action;
}

const FILE_DISABLE = /^\/\*\s*eslint-disable\s+([^*]*?)\s*\*\/\s*$/;

/**
 * "Disable <rule> for the entire file": a `/* eslint-disable <rule> *\/` comment on the first line
 * (after a `#!` line), merged into one already there.
 */
function disableForFile(doc: TextDocument, diagnostic: Diagnostic): CodeAction | undefined {
  const data = dataOf(diagnostic);
  if (!data) return undefined;
  const title = `Disable ${data.ruleId} for the entire file`;
  const bom = bomOf(doc);
  const first = doc.getText({ start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }).replace(/\r?\n$/, '');
  const line = first.slice(bom).startsWith('#!') ? 1 : 0;
  const text = doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '');
  const m = FILE_DISABLE.exec(line === 0 ? text.slice(bom) : text);
  let edit: TextEdit;
  if (m) {
    const rules = (m[1] ?? '').split(',').map((r) => r.trim()).filter(Boolean);
    if (rules.includes(data.ruleId)) return undefined;
    const at = { line, character: (line === 0 ? bom : 0) + (m.index ?? 0) + m[0].indexOf(m[1] ?? '') + (m[1] ?? '').length };
    edit = { range: { start: at, end: at }, newText: `, ${data.ruleId}` };
  } else {
    const at = { line, character: line === 0 ? bom : 0 };
    const eol = doc.getText().includes('\r\n') ? '\r\n' : '\n';
    edit = { range: { start: at, end: at }, newText: `/* eslint-disable ${data.ruleId} */${eol}` };
  }
  const action = CodeAction.create(title, versionedEdit(doc, [edit]), CodeActionKind.QuickFix);
  action.diagnostics = [diagnostic];
  return action;
}

/**
 * The helper edit for a document: create (or reuse) the helper file and import `names`, plus
 * `extra` edits of the document. Undefined when the helper cannot be placed.
 */
export function helperWorkspaceEdit(doc: TextDocument, program: TSESTree.Program, names: readonly HelperName[], extra: TextEdit[], context: ActionContext): WorkspaceEdit | undefined {
  const placement = placeHelper(lintPathOf(doc), program, context.settings, context.workspaceFolders, context.read);
  if (!placement) return undefined;
  const changes: WorkspaceEdit['documentChanges'] = [];
  if (placement.create) {
    changes.push(CreateFile.create(placement.uri, { ignoreIfExists: true }));
    changes.push(TextDocumentEdit.create(OptionalVersionedTextDocumentIdentifier.create(placement.uri, null), [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: placement.text }]));
  }
  const imp = importEdit(doc, program, placement, names);
  const edits = imp ? [imp, ...extra] : extra;
  if (edits.length > 0) changes.push(TextDocumentEdit.create(OptionalVersionedTextDocumentIdentifier.create(doc.uri, doc.version), edits));
  return changes.length > 0 ? { documentChanges: changes } : undefined;
}

/**
 * "Use the backoff helper" for the findings given: one action per retry site and variant however
 * many findings it has. The plan comes from the plugin (planRewrites) and says which findings it
 * resolves: an action claims only those (a wait-only rewrite does not answer a missing bound or a
 * retried POST; a rewrite that keeps a catch-all does not answer no-retry-on-client-error).
 */
function helperActions(doc: TextDocument, diagnostics: Diagnostic[], context: ActionContext): CodeAction[] {
  if (diagnostics.length === 0) return [];
  const analysis = analysisOf(doc, context);
  const program = analysis.program();
  if (!program) return [];
  const bom = bomOf(doc);
  const byPlan = new Map<string, { plan: RewritePlan; diagnostics: Diagnostic[] }>();
  const offsetOf = (d: Diagnostic): number => doc.offsetAt(d.range.start) - bom;
  for (const d of diagnostics) {
    if (context.cancelled?.()) return [];
    for (const plan of analysis.plans(offsetOf(d))) {
      const key = `${plan.siteKey}:${plan.title}`;
      const entry = byPlan.get(key);
      if (entry) entry.diagnostics.push(d);
      else byPlan.set(key, { plan, diagnostics: [d] });
    }
  }
  const out: CodeAction[] = [];
  for (const { plan, diagnostics: all } of byPlan.values()) {
    const ds = all.filter((d) => {
      const rule = (dataOf(d)?.ruleId ?? '').replace(/^retry\//, '');
      const at = offsetOf(d);
      return (plan.resolves as string[]).includes(rule) && plan.covers.some(([a, b]) => at >= a && at < b);
    });
    if (ds.length === 0) continue;
    const rewrite = plan.edits.map((e) => toTextEdit(doc, e));
    let edit: WorkspaceEdit | undefined;
    try {
      edit = helperWorkspaceEdit(doc, program, plan.names, rewrite, context);
    } catch (error) {
      // A retryLint.helper.path outside the workspace: no helper action (the helper command says why).
      if (error instanceof HelperPathError) return [];
      throw error;
    }
    if (!edit) continue;
    const action = CodeAction.create(plan.title, edit, CodeActionKind.QuickFix);
    action.diagnostics = ds;
    out.push(action);
  }
  return out;
}

/** `source.fixAll.retryLint`: every autofix at once, as one minimal replacement. */
export function fixAllAction(doc: TextDocument, settings: RetryLintSettings, analysis?: DocAnalysis): CodeAction | undefined {
  const text = doc.getText();
  if (text.length > settings.maxFileSize) return undefined;
  const bom = bomOf(doc);
  const { output, error } = (analysis ?? analysisOf(doc, {})).fixAll(settings);
  if (error || output === text.slice(bom)) return undefined;
  const before = text.slice(bom);
  let start = 0;
  while (start < before.length && start < output.length && before[start] === output[start]) start++;
  let endOld = before.length;
  let endNew = output.length;
  while (endOld > start && endNew > start && before[endOld - 1] === output[endNew - 1]) {
    endOld--;
    endNew--;
  }
  const edit = toTextEdit(doc, { range: [start, endOld], text: output.slice(start, endNew) });
  return CodeAction.create('Fix all auto-fixable retry-lint problems', versionedEdit(doc, [edit]), CodeActionKinds.fixAll);
}

/** Title of the fix-all that rewrites every retry of the file to the backoff helper. */
export const REWRITE_ALL_TITLE = 'Rewrite every retry in this file to use the backoff helper';

/**
 * `source.fixAll.retryLint` when no rule has an autofix: every retry of the file with findings
 * becomes the backoff helper, each by its meaning-keeping plan (the first of planRewrites: what
 * was retried is still retried), as one edit with the helper file and its import. A retry whose
 * plan would overlap another's is left as it is. Undefined when no retry has such a plan.
 */
export function rewriteFileAction(doc: TextDocument, diagnostics: readonly Diagnostic[], context: ActionContext): CodeAction | undefined {
  if (diagnostics.length === 0) return undefined;
  const text = doc.getText();
  if (text.length > context.settings.maxFileSize) return undefined;
  const bom = bomOf(doc);
  const analysis = analysisOf(doc, context);
  const program = analysis.program();
  if (!program) return undefined;
  const taken: Array<[number, number]> = [];
  const edits: TextEdit[] = [];
  const names = new Set<HelperName>();
  const seen = new Set<string>();
  // The findings the request carries (the lint's own), so nothing is linted or analysed again.
  for (const d of diagnostics) {
    const ruleId = dataOf(d)?.ruleId;
    if (!ruleId) continue;
    const at = doc.offsetAt(d.range.start) - bom;
    const plan = analysis.plans(at)[0];
    if (!plan || seen.has(plan.siteKey)) continue;
    const rule = ruleId.replace(/^retry\//, '');
    if (!(plan.resolves as string[]).includes(rule) || !plan.covers.some(([a, b]) => at >= a && at < b)) continue;
    if (plan.edits.some((e) => taken.some(([a, b]) => e.range[0] < b && a < e.range[1]))) continue;
    seen.add(plan.siteKey);
    for (const e of plan.edits) {
      taken.push(e.range);
      edits.push(toTextEdit(doc, e));
    }
    for (const n of plan.names) names.add(n);
  }
  if (edits.length === 0) return undefined;
  let edit: WorkspaceEdit | undefined;
  try {
    edit = helperWorkspaceEdit(doc, program, [...names], edits, context);
  } catch (error) {
    if (error instanceof HelperPathError) return undefined;
    throw error;
  }
  return edit ? CodeAction.create(REWRITE_ALL_TITLE, edit, CodeActionKinds.fixAll) : undefined;
}

function wants(only: string[] | undefined, kind: string): boolean {
  if (!only || only.length === 0) return kind === CodeActionKind.QuickFix;
  return only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

/** The findings of a request computed for the document's current version. */
function currentFindings(doc: TextDocument, params: CodeActionParams): Diagnostic[] {
  return params.context.diagnostics.filter((d) => {
    const data = dataOf(d);
    return data?.version === doc.version;
  });
}

/**
 * What {@link codeActions} will ask of the document's analysis for this request (empty when it
 * needs none: no current finding, no fix-all, or a file over retryLint.maxFileSize).
 */
export function actionQueries(doc: TextDocument, params: CodeActionParams, settings: RetryLintSettings): AnalysisQueries {
  const queries: AnalysisQueries = { program: false, plans: [], jsx: [], fixAll: false };
  if (doc.getText().length > settings.maxFileSize) return queries;
  const only = params.context.only;
  const ours = currentFindings(doc, params);
  const bom = bomOf(doc);
  const offsets = [...new Set(ours.map((d) => doc.offsetAt(d.range.start) - bom))];
  if (wants(only, CodeActionKind.QuickFix) && ours.length > 0) {
    queries.program = true;
    queries.plans = offsets;
    queries.jsx = [...new Set(ours.map((d) => lineStartOffset(doc, d)))];
  }
  if (only && wants(only, CodeActionKinds.fixAll)) {
    queries.fixAll = true;
    if (ours.length > 0) {
      queries.program = true;
      queries.plans = offsets;
    }
  }
  return queries;
}

/** All code actions for a request. Findings computed for another version of the document yield nothing. */
export function codeActions(doc: TextDocument, params: CodeActionParams, context: ActionContext): CodeAction[] {
  // A file over retryLint.maxFileSize is not linted, so it is not parsed for actions either.
  if (doc.getText().length > context.settings.maxFileSize) return [];
  const only = params.context.only;
  const out: CodeAction[] = [];
  const ours = currentFindings(doc, params);
  const cancelled = context.cancelled ?? ((): boolean => false);
  const analysis = analysisOf(doc, context);
  context = { ...context, analysis };
  if (wants(only, CodeActionKind.QuickFix) && ours.length > 0 && !cancelled()) {
    for (const d of ours) out.push(...eslintFixes(doc, d));
    if (cancelled()) return [];
    out.push(...helperActions(doc, ours, context));
    for (const d of ours) {
      const disable = disableForLine(doc, d, analysis);
      if (disable) out.push(disable);
    }
    // One "for the entire file" action per rule.
    const rules = new Set<string>();
    for (const d of ours) {
      const rule = dataOf(d)?.ruleId;
      if (!rule || rules.has(rule)) continue;
      rules.add(rule);
      const disable = disableForFile(doc, d);
      if (disable) out.push(disable);
      // The rule's page shipped with the extension (the diagnostic's documentation link), offline.
      const href = d.codeDescription?.href;
      if (href) {
        const docs = CodeAction.create(`Show documentation for ${rule}`, { title: `Show documentation for ${rule}`, command: 'vscode.open', arguments: [href] }, CodeActionKind.QuickFix);
        out.push(docs);
      }
    }
  }
  if (cancelled()) return [];
  if (only && wants(only, CodeActionKinds.fixAll)) {
    const all = fixAllAction(doc, context.settings, analysis) ?? rewriteFileAction(doc, ours, context);
    if (all) out.push(all);
  }
  return out;
}

/** Why the helper request was refused for a document, in one sentence for the user. */
export class HelperRequestRefused extends Error {
  override readonly name = 'HelperRequestRefused';
}

/**
 * The `retryLint/helperEdit` request: the edit that creates the helper (when needed) and imports
 * `retryWithBackoff` into `doc`. Undefined when nothing is to be done or the document does not parse.
 *
 * @throws {HelperRequestRefused} For a document that is not JavaScript or TypeScript, or is over retryLint.maxFileSize.
 * @throws {HelperPathError} When retryLint.helper.path leads outside the workspace folder.
 */
export function helperRequestEdit(doc: TextDocument, context: ActionContext): WorkspaceEdit | undefined {
  if (!isLintable(doc)) throw new HelperRequestRefused(`the backoff helper is for JavaScript and TypeScript files, not ${doc.languageId} (${doc.uri}).`);
  const size = doc.getText().length;
  if (size > context.settings.maxFileSize) {
    throw new HelperRequestRefused(`${doc.uri} is ${size} characters, over retryLint.maxFileSize (${context.settings.maxFileSize}).`);
  }
  const program = analysisOf(doc, context).program();
  if (!program || context.cancelled?.()) return undefined;
  return helperWorkspaceEdit(doc, program, ['retryWithBackoff'], [], context);
}
