// The heavy half of the server (ESLint, @typescript-eslint/parser with TypeScript, the plugin) lives
// in the lint worker's module (lint-worker.ts; its own bundle, dist/lint-worker.js). The server's
// thread never imports it; it loads it here, on first use, only for work it must do itself: when no
// worker can start (the pool's fallback), and for callers that give no analysis or lint function
// (the module tests). esbuild.mjs keeps this `require` out of the server's bundle.

/** What the lint worker's module offers to a caller on another thread. */
export type LocalPart = typeof import('./lint-worker');

let loaded: LocalPart | undefined;

/** The lint worker's module, loaded on this thread at the first call. */
export function localPart(): LocalPart {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded lazily on purpose: see above
  loaded ??= require('./lint-worker') as LocalPart;
  return loaded;
}

/** Whether {@link localPart} has been loaded on this thread (so there is state of its own to drop). */
export function localPartLoaded(): boolean {
  return loaded !== undefined;
}
