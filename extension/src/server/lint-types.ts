// What a lint is and produces, as the server's thread sees it: plain types and the one error
// class, with no ESLint, parser or plugin behind them (those load only in the lint workers, see
// lint-worker.ts), so the server's thread starts without them.
import type { Linter } from 'eslint';

/** One finding, as ESLint reports it (1-based lines and columns, fix ranges as text offsets). */
export type LintMessage = Linter.LintMessage;

/** What one lint of one text produced. */
export interface LintOutcome {
  /** Findings of `retry/*` rules only (parse errors and other rules are left out). */
  messages: LintMessage[];
  /** `bundled`: the plugin inside the server; `workspace`: the workspace's own ESLint. */
  engine: 'bundled' | 'workspace';
  /** The rule docs URL of a rule id (`retry/require-jitter`), when known. */
  docsUrl: (ruleId: string) => string | undefined;
  /** Set when linting failed: the message, and the rule that threw when ESLint says so. */
  error?: { message: string; ruleId?: string };
  /** Set when linting worked but not as configured (the workspace's ESLint failed, so the bundled rules ran). */
  warning?: string;
  /** A parse error of the text (the file is not reported then; the compiler shows it). */
  parseError?: string;
  /** Which config linted the file, in words, for the output channel (`the workspace's ESLint 9.39.1 with the config in /repo`). */
  configSource?: string;
  /**
   * Set by a lint with the bundled rules: whether any `retry/*` message has an autofix. When false,
   * fix-all has nothing to write for this text and these rules, so it is answered without the worker.
   */
  fixable?: boolean;
}

/** Why a lint in a worker (lint-pool.ts) did not finish: it ran past the time budget, or its worker died. */
export class LintAborted extends Error {
  override readonly name = 'LintAborted';

  constructor(
    message: string,
    readonly reason: 'timeout' | 'crash',
  ) {
    super(message);
    this.stack = message; // one line: the log shows the message, not a trace of the pool
  }
}

/** What the linter needs to know about the file besides its text. */
export interface LintTarget {
  /** File system path when the document is a `file:` URI; otherwise a made-up name with the right extension. */
  filePath: string;
  text: string;
}

/** Whether the workspace is trusted (the client tells; see `src/shared/protocol.ts`). */
export interface TrustState {
  workspaceTrusted: boolean;
}

/** ESLint config file names, flat and eslintrc; a change to any of them re-validates open files. */
export const ESLINT_CONFIG_FILES = [
  'eslint.config.js',
  'eslint.config.mjs',
  'eslint.config.cjs',
  'eslint.config.ts',
  'eslint.config.mts',
  'eslint.config.cts',
  '.eslintrc',
  '.eslintrc.js',
  '.eslintrc.cjs',
  '.eslintrc.json',
  '.eslintrc.yaml',
  '.eslintrc.yml',
];
