// The versions of the bundled plugin and ESLint, for the server's start line in the output channel,
// read from their package.json files so the server's thread does not load either to learn them.
import eslintPackage from 'eslint/package.json';
import pluginPackage from '../../../eslint-plugin/package.json';

/** The versions of the bundled plugin and ESLint. */
export function bundledVersions(): { plugin: string; eslint: string } {
  return { plugin: pluginPackage.version, eslint: eslintPackage.version };
}
