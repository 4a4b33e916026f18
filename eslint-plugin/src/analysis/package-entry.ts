// Module specifiers as the library adapters name them.

/** Folders of a package's build output (`axios-retry/dist/cjs/index.js`). */
const BUILD_FOLDERS = new Set(['dist', 'lib', 'build', 'built', 'esm', 'cjs', 'es', 'umd', 'module', 'commonjs', 'bundles', 'src', 'source']);

/**
 * The entry a deep import into a package's files stands for: build-output folders and a file that
 * is its folder's entry (`index.js`, or a file named as its folder, `retry/retry.cjs`) are dropped,
 * so `@apollo/client/link/retry/retry.cjs` is `@apollo/client/link/retry` and
 * `axios-retry/dist/cjs/index.js` is `axios-retry`. Relative and absolute paths, and a name with
 * no such part, are kept as written.
 */
export function packageEntry(spec: string): string {
  if (/^[./]|^node:/.test(spec)) return spec;
  const parts = spec.split('/');
  if (!/\.[cm]?[jt]s$/.test(spec) && !parts.slice(1).some((seg) => BUILD_FOLDERS.has(seg))) return spec;
  const nameLength = spec.startsWith('@') ? 2 : 1;
  const rest = parts.slice(nameLength);
  const kept: string[] = [];
  for (const [i, seg] of rest.entries()) {
    const file = /^(.*)\.[cm]?[jt]s$/.exec(seg);
    if (file && i === rest.length - 1) {
      const previous = kept[kept.length - 1] ?? parts[nameLength - 1]!;
      if (file[1] === 'index' || file[1] === previous) break;
      kept.push(file[1]!);
      break;
    }
    if (BUILD_FOLDERS.has(seg)) continue;
    kept.push(seg);
  }
  return [...parts.slice(0, nameLength), ...kept].join('/');
}
