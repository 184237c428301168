import { cpus, loadavg, totalmem } from 'node:os';

/** Timing helpers shared by the benchmarks. */

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Milliseconds one call takes. */
export async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

export interface Pair {
  s50: number;
  s95: number;
  h50: number;
  h95: number;
}

/**
 * Runs the service and its baseline alternately, so a noisy neighbour slows both sides alike, and
 * returns p50 and p95 of each (s = service, h = the hand-written baseline).
 */
export async function interleaved(
  service: () => Promise<unknown>,
  baseline: () => Promise<unknown>,
  o: { runs: number; warmup: number },
): Promise<Pair> {
  for (let i = 0; i < o.warmup; i++) {
    await service();
    await baseline();
  }
  const s: number[] = [];
  const h: number[] = [];
  for (let i = 0; i < o.runs; i++) {
    s.push(await time(service));
    h.push(await time(baseline));
  }
  s.sort((x, y) => x - y);
  h.sort((x, y) => x - y);
  return { s50: percentile(s, 50), s95: percentile(s, 95), h50: percentile(h, 50), h95: percentile(h, 95) };
}

export function machine(): string {
  const load = loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');
  return `${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${load}`;
}
