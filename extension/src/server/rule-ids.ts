// The bundled plugin's rule ids as the server's thread knows them without loading the plugin: the
// manifest's `retryLint.rules` setting lists each rule (its severity setting), and a test checks that
// list against the plugin's own rules (test/server/main-thread.test.ts).
import manifest from '../../package.json';

/** The bundled rules' ids (`require-jitter`, …), from the manifest's `retryLint.rules` properties. */
export const BUNDLED_RULE_IDS: readonly string[] = Object.keys(manifest.contributes.configuration.properties['retryLint.rules'].properties);

/** The `retryLint.rules` keys that name no bundled rule (ignored by the linter), for a notice. */
export function unknownRuleIds(rules: Record<string, unknown>): string[] {
  return Object.keys(rules).filter((id) => !BUNDLED_RULE_IDS.includes(id.replace(/^retry\//, '')));
}
