// The code actions' answers for each open document, asked of the lint worker right after the lint
// whose findings the editor shows, so that a code action on that same text is answered on the
// server's thread from what is already computed, with no round trip to a worker and no parse
// (issue 13: a code action in well under 50 ms). Kept per open document, dropped when it closes;
// a text that changed since the lint finds nothing here and is asked of the worker as before.
import type { Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { RetryLintSettings } from '../shared/settings';
import { actionQueries, type AnalysisAnswers, type AnalysisQueries } from './code-actions';
import { lintPathOf } from './documents';
import type { LintOutcome, LintTarget } from './lint-types';

/** Asks a worker for answers ahead of any request (the pool's background analysis); undefined when it was stopped. */
export type AskAhead = (uri: string, target: LintTarget, queries: AnalysisQueries, settings: Pick<RetryLintSettings, 'rules'>) => Promise<AnalysisAnswers | undefined>;

interface Entry {
  /** The text the lint saw (the document's own string, so a comparison with an unchanged document is a pointer check). */
  text: string;
  /** The `retryLint.rules` of that lint, as JSON: fix-all's answer holds for those rules only. */
  rules: string;
  /** The lint ran the bundled rules and none of its findings has an autofix: fix-all writes nothing. */
  nothingToFix: boolean;
  /** The quick fixes' answers for every finding of the lint, being computed in the worker. */
  answers?: Promise<Prepared | undefined>;
}

/** A worker's answers, indexed by offset. */
interface Prepared {
  program?: AnalysisAnswers['program'];
  plans: Map<number, AnalysisAnswers['plans'][number][1]>;
  jsx: Map<number, boolean>;
}

/** The answers prepared per open document (see the file comment). */
export class PreparedAnswers {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly ask: AskAhead) {}

  /**
   * The lint of `doc` (at its current text) published `diagnostics`: ask the worker now for what a
   * quick fix on any of them needs (the rewrite plans at each finding, JSX context of each line,
   * the program's imports), and note whether fix-all has anything to write.
   */
  prepare(doc: TextDocument, diagnostics: Diagnostic[], settings: RetryLintSettings, outcome: LintOutcome): void {
    const target: LintTarget = { filePath: lintPathOf(doc), text: doc.getText() };
    const entry: Entry = {
      text: target.text,
      rules: JSON.stringify(settings.rules),
      nothingToFix: outcome.engine === 'bundled' && outcome.fixable === false && !outcome.error,
    };
    if (diagnostics.length > 0 && !outcome.parseError) {
      const queries = actionQueries(doc, { textDocument: { uri: doc.uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics } }, settings);
      if (queries.program || queries.plans.length > 0 || queries.jsx.length > 0) {
        entry.answers = this.ask(doc.uri, target, queries, settings).then(
          (a) => (a ? { ...(a.program ? { program: a.program } : {}), plans: new Map(a.plans), jsx: new Map(a.jsx) } : undefined),
          () => undefined,
        );
      }
    }
    this.entries.set(doc.uri, entry);
  }

  /**
   * The answers to `queries` for `doc`'s current text from what was prepared, or undefined when
   * anything asked was not prepared (the text changed, the rules changed, a question not foreseen):
   * the caller asks the worker then.
   */
  async answer(doc: TextDocument, queries: AnalysisQueries, settings: Pick<RetryLintSettings, 'rules'>): Promise<AnalysisAnswers | undefined> {
    const text = doc.getText();
    const entry = this.entries.get(doc.uri);
    if (!entry || entry.text !== text) return undefined;
    const out: AnalysisAnswers = { plans: [], jsx: [] };
    if (queries.fixAll) {
      if (!entry.nothingToFix || entry.rules !== JSON.stringify(settings.rules)) return undefined;
      out.fixAll = { output: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
    }
    if (!queries.program && queries.plans.length === 0 && queries.jsx.length === 0) return out;
    const prepared = await entry.answers;
    if (!prepared || this.entries.get(doc.uri) !== entry) return undefined;
    if (queries.program) {
      if (!prepared.program) return undefined;
      out.program = prepared.program;
    }
    for (const offset of queries.plans) {
      const answer = prepared.plans.get(offset);
      if (!answer) return undefined;
      out.plans.push([offset, answer]);
    }
    for (const offset of queries.jsx) {
      const answer = prepared.jsx.get(offset);
      if (answer === undefined) return undefined;
      out.jsx.push([offset, answer]);
    }
    return out;
  }

  /** The document closed (or its findings were cleared): drop what was prepared for it. */
  forget(uri: string): void {
    this.entries.delete(uri);
  }
}
