// Options of eslint-doc-generator (`npm run docs` at the root; `npm run docs:check` fails on a stale doc or table).
/** @type {import('eslint-doc-generator').GenerateOptions} */
module.exports = {
  configEmoji: [
    ['recommended', '✅'],
    ['strict', '🔒'],
  ],
  // The eslintrc twin of `recommended`; listing it would repeat every ✅.
  ignoreConfig: ['recommended-legacy'],
  pathRuleList: ['README.md', '../README.md'],
  // Every doc has `## Options`, also rules without options ("This rule has no options"); test/meta.test.ts checks each option has its `###`.
  ruleDocSectionOptions: false,
  ruleDocSectionInclude: ['Examples', 'When Not To Use It', 'Related'],
  ruleDocNotices: ['description', 'configs', 'fixableAndHasSuggestions', 'options'],
  ruleListColumns: ['name', 'description', 'configsError', 'configsWarn', 'fixable', 'hasSuggestions', 'options'],
  ruleDocTitleFormat: 'prefix-name',
  urlConfigs: 'https://github.com/retry-lint/retry-lint/blob/main/eslint-plugin/README.md#configs',
};
