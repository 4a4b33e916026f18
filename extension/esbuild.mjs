// Builds the extension's CommonJS bundles for Node:
//   dist/server.js       the language server's thread (src/server/server.ts): the connection, the
//                        documents, the settings and the code actions; no ESLint, parser or plugin
//                        inside, so it starts at once (runs on its own: `node dist/server.js --stdio`);
//   dist/lint-worker.js  the lint workers the server starts (src/server/lint-worker.ts), with ESLint,
//                        @typescript-eslint/parser and the plugin inside; the server's thread loads it
//                        itself only when no worker can start (src/server/local.ts);
//   dist/client.js       the VS Code client (`vscode` external), when src/client/extension.ts exists;
//   dist/docs/rules      the rule pages of eslint-plugin/docs/rules, which findings link to.
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

const define = {
  __RETRY_HELPER_TS__: JSON.stringify(helperTs),
  __RETRY_HELPER_JS__: JSON.stringify(helperJs),
};

// local.ts' `require('./lint-worker')` stays a run-time require of the worker's bundle beside the
// server's (dist/lint-worker.js): bundling it would put ESLint and TypeScript back in dist/server.js.
const workerBundleOutside = {
  name: 'lint-worker-outside',
  setup(build) {
    build.onResolve({ filter: /^\.\/lint-worker$/ }, (args) => (args.importer.endsWith(join('src', 'server', 'local.ts')) ? { path: './lint-worker.js', external: true } : undefined));
  },
};

const server = {
  ...common,
  entryPoints: [join(here, 'src/server/server.ts')],
  outfile: join(here, 'dist/server.js'),
  define,
  plugins: [workerBundleOutside],
};

const worker = {
  ...common,
  entryPoints: [join(here, 'src/server/lint-worker.ts')],
  outfile: join(here, 'dist/lint-worker.js'),
  // jiti loads `eslint.config.ts` for the workspace's ESLint only; the bundled path never needs it.
  external: ['jiti'],
  define,
};

// The rule pages ship next to the server (dist/docs/rules/), so a finding's link opens offline.
const ruleDocs = join(here, '..', 'eslint-plugin', 'docs', 'rules');
const bundledDocs = join(here, 'dist', 'docs', 'rules');
rmSync(bundledDocs, { recursive: true, force: true });
mkdirSync(bundledDocs, { recursive: true });
for (const page of readdirSync(ruleDocs).filter((name) => name.endsWith('.md'))) copyFileSync(join(ruleDocs, page), join(bundledDocs, page));

const configs = [server, worker];
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
