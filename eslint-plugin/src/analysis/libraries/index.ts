import { apolloAdapter } from './apollo';
import { asyncRetryAdapter } from './async-retry';
import { awsSdkAdapter } from './aws-sdk';
import { axiosRetryAdapter } from './axios-retry';
import { bullmqAdapter } from './bullmq';
import { cockatielAdapter } from './cockatiel';
import { exponentialBackoffAdapter } from './exponential-backoff';
import { fetchRetryAdapter } from './fetch-retry';
import { gotAdapter } from './got';
import { kyAdapter } from './ky';
import { octokitAdapter } from './octokit';
import { ofetchAdapter } from './ofetch';
import { pRetryAdapter } from './p-retry';
import { promiseRetryAdapter } from './promise-retry';
import { retryAdapter } from './retry';
import { retryAxiosAdapter } from './retry-axios';
import { rxjsAdapter } from './rxjs';
import { socketIoAdapter } from './socket-io';
import { superagentAdapter } from './superagent';
import { swrAdapter } from './swr';
import { mqttAdapter } from './mqtt';
import { stompAdapter } from './stomp';
import { subscriptionsTransportAdapter } from './subscriptions-transport';
import { natsAdapter } from './nats';
import { nestTypeormAdapter } from './nest-typeorm';
import { nestTransportAdapter } from './nest-transport';
import { betterFetchAdapter } from './better-fetch';
import { tanstackQueryAdapter } from './tanstack-query';
import { undiciAdapter } from './undici';
import type { LibraryAdapter } from './types';
import { describedAdapters } from './described';
import { graphqlWsAdapter, ioredisAdapter, nodeRedisAdapter, signalrAdapter } from './reconnect';
import { backoffHelperAdapter } from './backoff-helper';
import { fetchEventSourceAdapter, reactUseWebsocketAdapter, vueuseAdapter } from './transports';

/** Every library adapter; `getRetrySites` hands each call whose callee resolves to one of an adapter's packages to it. */
export const adapters: readonly LibraryAdapter[] = [
  pRetryAdapter,
  asyncRetryAdapter,
  retryAdapter,
  promiseRetryAdapter,
  exponentialBackoffAdapter,
  axiosRetryAdapter,
  retryAxiosAdapter,
  gotAdapter,
  kyAdapter,
  ofetchAdapter,
  fetchRetryAdapter,
  superagentAdapter,
  undiciAdapter,
  cockatielAdapter,
  rxjsAdapter,
  tanstackQueryAdapter,
  bullmqAdapter,
  awsSdkAdapter,
  octokitAdapter,
  apolloAdapter,
  socketIoAdapter,
  ...describedAdapters,
  ioredisAdapter,
  nodeRedisAdapter,
  signalrAdapter,
  graphqlWsAdapter,
  reactUseWebsocketAdapter,
  vueuseAdapter,
  fetchEventSourceAdapter,
  backoffHelperAdapter,
  swrAdapter,
  mqttAdapter,
  stompAdapter,
  subscriptionsTransportAdapter,
  natsAdapter,
  nestTypeormAdapter,
  nestTransportAdapter,
  betterFetchAdapter,
];
