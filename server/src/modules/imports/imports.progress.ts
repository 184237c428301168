import { createHash } from 'node:crypto';
import type { ImportCounts, ImportProgress } from '@canbo/contract';
import { AppError } from '../../errors.ts';

/**
 * How far each running upload has come, for `GET /imports/progress/:token`. The client makes a
 * random token, sends it with the upload and polls while the upload's own request runs: no job
 * table, no second copy of the file, nothing to clean up in the database — the upload stays one
 * request, its transaction the request's, and a closed connection is its cancellation. The price:
 * the figures live in the memory of the process that runs the upload (behind a load balancer the
 * polls must reach the same process, as the upload's own answer does), which is all a progress
 * bar needs. Entries are keyed by user and token, so no one reads another user's progress (an
 * unknown token and someone else's look the same: "waiting"), and forgotten after a while.
 */

/** An entry not updated for this long is forgotten (a finished upload's last figures included). */
const KEEP_MS = 10 * 60_000;
/** At most this many entries: past it the oldest go (each user runs at most a couple at a time). */
const MAX_ENTRIES = 1_000;
/** The longest an upload runs without letting a poll or a closed connection be seen. */
const YIELD_MS = 50;

interface Entry {
  owner: string;
  progress: ImportProgress;
  touched: number;
}

const entries = new Map<string, Entry>();

/** Who may read an upload's progress: the session it came with, as a hash of the session cookie. */
export const progressOwner = (sessionCookie: string | undefined): string | null =>
  sessionCookie ? createHash('sha256').update(sessionCookie).digest('base64url') : null;

function forgetOld(now: number): void {
  for (const [key, e] of entries) {
    // Map order is insertion order and every update re-inserts: the oldest come first.
    if (now - e.touched < KEEP_MS && entries.size <= MAX_ENTRIES) break;
    entries.delete(key);
  }
}

/** The caller's upload under `token`, or "waiting" when there is none (yet, or any more, or not theirs). */
export function importProgressOf(token: string, owner: string | null): ImportProgress {
  forgetOld(Date.now());
  const entry = entries.get(token);
  return entry && owner && entry.owner === owner ? entry.progress : { phase: 'waiting', done: 0, total: 0 };
}

/** Refused when the client went away: thrown inside the transaction, it rolls the commit back. */
export const cancelled = () => new AppError('conflict', 'Đã hủy nhập: không có dòng nào được ghi.');

/**
 * One upload's reporter. Every report first checks the cancellation: a kind that reports as it
 * goes stops there, and the service reports at each step (before the commit's transaction ends
 * too), so a cancelled commit writes nothing.
 */
export class ImportTracker {
  private readonly key: string | null;

  constructor(
    token: string | undefined,
    private readonly owner: string | null,
    private readonly signal: AbortSignal | undefined,
  ) {
    this.key = token && owner ? token : null;
  }

  /** Throws when the client has gone. */
  check(): void {
    if (this.signal?.aborted) throw cancelled();
  }

  private yielded = Date.now();
  private phase: ImportProgress['phase'] = 'waiting';

  /**
   * Where the upload is, after checking that its client is still there. At each new phase and
   * every YIELD_MS it lets the event loop run first: SQLite's queries never leave it, so without
   * this neither a poll of the progress nor the closing of the connection would be seen before the
   * upload ends.
   */
  async report(phase: ImportProgress['phase'], done: number, total: number): Promise<void> {
    const now = Date.now();
    if (phase !== this.phase || now - this.yielded >= YIELD_MS) {
      this.phase = phase;
      this.note(phase, done, total);
      await new Promise((r) => setImmediate(r));
      this.yielded = Date.now();
    }
    this.check();
    this.note(phase, done, total);
  }

  /** Where the upload is, without the check (told from outside the upload's own flow: the worker's port). */
  note(phase: ImportProgress['phase'], done: number, total: number): void {
    this.set({ phase, done, total });
  }

  /**
   * The last moment a cancellation is noticed: a commit's transaction ends right after it, and
   * once it has committed a closed connection changes nothing (`end('saved')` says so).
   */
  async lastCheck(writes: number): Promise<void> {
    await this.report('writing', writes, writes);
  }

  /**
   * The last word, kept a while for a late poll: a preview done, a commit saved (with what it wrote:
   * its client may have gone meanwhile and asks this to tell the user), or cancelled.
   */
  end(phase: 'done' | 'cancelled'): void;
  end(phase: 'saved', counts: ImportCounts): void;
  end(phase: 'done' | 'saved' | 'cancelled', counts?: ImportCounts): void {
    const last = this.key ? entries.get(this.key)?.progress : undefined;
    this.set({ phase, done: last?.done ?? 0, total: last?.total ?? 0, ...(counts ? { counts } : {}) });
  }

  private set(progress: ImportProgress): void {
    if (!this.key) return;
    const now = Date.now();
    // A token another session already uses is left alone (theirs is not overwritten).
    const was = entries.get(this.key);
    if (was && was.owner !== this.owner) return;
    entries.delete(this.key);
    entries.set(this.key, { owner: this.owner!, progress, touched: now });
    forgetOld(now);
  }
}
