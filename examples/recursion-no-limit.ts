// Reported: no-unbounded-retry (and require-backoff, require-jitter for the fixed 1 s wait).
// The function calls itself after every failure with nothing counting the attempts.
const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface FeatureFlags {
  [flag: string]: boolean;
}

export function loadFeatureFlags(loadRemote: () => Promise<FeatureFlags>): Promise<FeatureFlags> {
  return loadRemote().catch((error: unknown) => {
    console.error('feature flags unavailable, trying again', error);
    return delay(1000).then(() => loadFeatureFlags(loadRemote));
  });
}
