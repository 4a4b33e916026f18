// The bundle's entry (dist/server.js): the language server on the main thread, the lint worker
// (lint-worker.ts) in a worker thread. One bundle for both, so the packaged extension cannot ship
// a server without its worker.
import { isMainThread } from 'node:worker_threads';

/* eslint-disable @typescript-eslint/no-require-imports -- each thread loads only its own part's top-level code (server.ts connects at load) */
if (isMainThread) {
  require('./server');
} else {
  (require('./lint-worker') as typeof import('./lint-worker')).runWorker();
}
/* eslint-enable @typescript-eslint/no-require-imports -- end of the two requires */
