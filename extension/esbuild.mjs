// Builds the extension's two CommonJS bundles for Node:
//   dist/server.js  the language server and, in worker threads, its lint workers (src/server/main.ts),
//                   with ESLint, @typescript-eslint/parser and the plugin inside
//                   (runs on its own: `node dist/server.js --stdio`);
//   dist/client.js  the VS Code client (`vscode` external), when src/client/extension.ts exists;
//   dist/docs/rules the rule pages of eslint-plugin/docs/rules, which findings link to.
// The backoff helper's text (snippets/retry-with-backoff.ts and its JavaScript twin) is bundled into
// the server with `define`, so the quick fix writes exactly what the repository tests.
// Flags: --production (minified, no source maps), --watch.
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const snippets = join(here, '..', 'snippets');

function helperText(name) {
  const file = join(snippets, name);
  if (existsSync(file)) return readFileSync(file, 'utf8');
  console.warn(`esbuild.mjs: ${file} is missing; the server will not offer "Use the backoff helper".`);
  return null;
}

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  minify: production,
  sourcemap: production ? false : 'linked',
  logLevel: 'warning',
  // ESLint and TypeScript reach optional packages through `require` at run time; those stay out.
  logOverride: { 'require-resolve-not-external': 'silent', 'unsupported-require-call': 'silent', 'unsupported-dynamic-import': 'silent' },
};

const helperTs = helperText('retry-with-backoff.ts');
const helperJs = helperText('retry-with-backoff.js');

const server = {
  ...common,
  entryPoints: [join(here, 'src/server/main.ts')],
  outfile: join(here, 'dist/server.js'),
  // jiti loads `eslint.config.ts` for the workspace's ESLint only; the bundled path never needs it.
  external: ['jiti'],
  define: {
    __RETRY_HELPER_TS__: JSON.stringify(helperTs),
    __RETRY_HELPER_JS__: JSON.stringify(helperJs),
  },
};

// The rule pages ship next to the server (dist/docs/rules/), so a finding's link opens offline.
const ruleDocs = join(here, '..', 'eslint-plugin', 'docs', 'rules');
const bundledDocs = join(here, 'dist', 'docs', 'rules');
rmSync(bundledDocs, { recursive: true, force: true });
mkdirSync(bundledDocs, { recursive: true });
for (const page of readdirSync(ruleDocs).filter((name) => name.endsWith('.md'))) copyFileSync(join(ruleDocs, page), join(bundledDocs, page));

const configs = [server];
const clientEntry = join(here, 'src/client/extension.ts');
if (existsSync(clientEntry)) {
  configs.push({ ...common, entryPoints: [clientEntry], outfile: join(here, 'dist/client.js'), external: ['vscode'] });
}

if (production) {
  // No source maps ship: drop any left by an earlier development build.
  for (const config of configs) rmSync(`${config.outfile}.map`, { force: true });
}

if (watch) {
  for (const config of configs) {
    const ctx = await esbuild.context(config);
    await ctx.watch();
  }
  console.log('esbuild.mjs: watching for changes');
} else {
  await Promise.all(configs.map((config) => esbuild.build(config)));
}
