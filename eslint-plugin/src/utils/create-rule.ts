import { ESLintUtils } from '@typescript-eslint/utils';

/** The project's repository (also `repository` in eslint-plugin/package.json). */
export const REPOSITORY_URL = 'https://github.com/retry-lint/retry-lint';

/** Base URL of the rule docs; `meta.docs.url` is this plus `<rule-id>.md`, the page shipped in the package as `docs/rules/<rule-id>.md`. */
export const DOCS_BASE_URL = `${REPOSITORY_URL}/blob/main/eslint-plugin/docs/rules/`;

/** Extra `meta.docs` fields every rule of this plugin declares. */
export interface RetryRuleDocs {
  /** Whether the rule is on in `configs.recommended`. */
  recommended?: boolean;
}

/**
 * Creates a rule with `meta.docs.url` derived from its name. `RuleCreator` applies
 * `meta.defaultOptions` itself (deep-merged with the user's options), so defaults also work on
 * ESLint 8.57, which ignores `meta.defaultOptions`.
 */
export const createRule = ESLintUtils.RuleCreator<RetryRuleDocs>((name) => `${DOCS_BASE_URL}${name}.md`);
