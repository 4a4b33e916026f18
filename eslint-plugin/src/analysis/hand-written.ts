import type { TSESLint } from '@typescript-eslint/utils';
import type { RetrySettings } from '../utils/settings';
import type { RetrySite } from './types';

/** Finds hand-written retry sites (loops, recursion, promise chains, interceptors). */
export function analyzeHandWritten(_sourceCode: TSESLint.SourceCode, _settings: RetrySettings): RetrySite[] {
  return [];
}
