import { apolloAdapter } from './apollo';
import { awsSdkAdapter } from './aws-sdk';
import { bullmqAdapter } from './bullmq';
import { cockatielAdapter } from './cockatiel';
import { octokitAdapter } from './octokit';
import { rxjsAdapter } from './rxjs';
import { socketIoAdapter } from './socket-io';
import { tanstackQueryAdapter } from './tanstack-query';
import { undiciAdapter } from './undici';
import { asyncRetryAdapter } from './async-retry';
import { exponentialBackoffAdapter } from './exponential-backoff';
import { pRetryAdapter } from './p-retry';
import { promiseRetryAdapter } from './promise-retry';
import { retryAdapter } from './retry';
import type { LibraryAdapter } from './types';

/** Every library adapter; `getRetrySites` hands each call whose callee resolves to one of an adapter's packages to it. */
export const adapters: readonly LibraryAdapter[] = [
  pRetryAdapter,
  asyncRetryAdapter,
  retryAdapter,
  promiseRetryAdapter,
  exponentialBackoffAdapter,
  undiciAdapter,
  cockatielAdapter,
  rxjsAdapter,
  tanstackQueryAdapter,
  bullmqAdapter,
  awsSdkAdapter,
  octokitAdapter,
  apolloAdapter,
  socketIoAdapter,
];
