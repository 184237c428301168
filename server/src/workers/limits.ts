import { availableParallelism } from 'node:os';

export interface HeavyLimits {
  /** Worker threads; each holds its own copy of the document libraries (about 60 MB). */
  threads: number;
  /** Jobs waiting for a thread beyond those running; one more is refused with 429. */
  queue: number;
  /** Jobs one user may have running or waiting at once. */
  perUser: number;
  /** What a refused client is told to wait, in seconds. */
  retryAfter: number;
}

/** One thread fewer than the machine has cores (at least one), so requests keep a core of their own. */
export function heavyLimits(env: NodeJS.ProcessEnv): HeavyLimits {
  const int = (value: string | undefined, fallback: number) => {
    const n = Number(value);
    return value !== undefined && Number.isInteger(n) && n >= 0 ? n : fallback;
  };
  return {
    threads: Math.max(1, int(env.HEAVY_THREADS, Math.min(4, availableParallelism() - 1))),
    queue: int(env.HEAVY_QUEUE, 16),
    perUser: Math.max(1, int(env.HEAVY_PER_USER, 2)),
    retryAfter: 5,
  };
}
