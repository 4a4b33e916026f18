// A seeded pseudo-random generator (mulberry32) for the helper tests: same seed, same numbers, so nothing can flake.
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A `sleep` that records every wait and returns at once. */
export function recordingSleep(): { sleep: (ms: number) => Promise<void>; waits: number[] } {
  const waits: number[] = [];
  return {
    waits,
    sleep: (ms: number) => {
      waits.push(ms);
      return Promise.resolve();
    },
  };
}

/** A clock that only moves when the recorded sleep says so. */
export function virtualTime(startMs = 0): { now: () => number; sleep: (ms: number) => Promise<void>; waits: number[] } {
  let time = startMs;
  const waits: number[] = [];
  return {
    waits,
    now: () => time,
    sleep: (ms: number) => {
      waits.push(ms);
      time += ms;
      return Promise.resolve();
    },
  };
}
