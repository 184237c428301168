import type { ImportKind } from '@canbo/contract';
import type { Actor } from '../../auth/actor.ts';
import { todayIso } from '../../lib/dates.ts';
import type { Finding } from './findings.ts';
import type { CheckedSheet } from './kind.ts';

/**
 * A preview's checked plan, kept for the commit of the same file. A user previews a sheet, reads
 * the findings, then commits it: without this the commit read the file again in the heavy pool,
 * parsed and checked every row again — most of its time at 100,000 rows — to reach the plan the
 * preview had just made. The plan is kept here, in the process's memory, and the commit uses it
 * only when it is certainly the plan a fresh check would make:
 * - the same bytes (a SHA-256 of the file), the same kind, the same actor with the same grants and
 *   the same day (the check dates against today): all in the key, so another file, another user
 *   or a changed scope never meets it;
 * - the same database: the preview reads `databaseState` before its first look-up, the commit
 *   reads it again inside its own transaction, before writing; if anything the check reads has
 *   changed, or the entry is gone, the commit checks the whole sheet as before. Correctness never
 *   depends on the entry: it is a shortcut for the one case where the check's answer is known.
 * Bounded: an entry is taken by the commit that uses it (or tries to), forgotten after 10 minutes,
 * and at most MAX_ROWS rows of plans are kept (the oldest go first), so it holds a few tens of MB
 * at most. Only a sheet without errors is kept: one with errors cannot commit.
 */

/** A kept plan is forgotten after this long (as an upload's progress is). */
const KEEP_MS = 10 * 60_000;
/** Rows of plans kept at once, all entries together: two sheets of 100,000 rows. */
const MAX_ROWS = 200_000;

export interface KeptPreview {
  /** `databaseState` as the preview's check began. */
  state: string;
  /**
   * The sheet's rows (the progress bar's total), the findings and counts the preview answered. The
   * findings keep both languages (not a key part): the plan does not depend on the language, so a
   * preview in one language and its commit in the other share it, and the commit answers in its own.
   */
  rows: number;
  issues: Finding[];
  counts: CheckedSheet['counts'];
  writes: number;
  writeIn: NonNullable<CheckedSheet['writeIn']>;
}

interface Entry {
  kept: KeptPreview;
  timer: NodeJS.Timeout;
}

const entries = new Map<string, Entry>();
let keptRows = 0;

function drop(key: string): KeptPreview | null {
  const entry = entries.get(key);
  if (!entry) return null;
  clearTimeout(entry.timer);
  entries.delete(key);
  keptRows -= entry.kept.rows;
  return entry.kept;
}

/** A number per database a process serves (one in production; tests open several): part of the key. */
const databases = new WeakMap<object, number>();
let lastDatabase = 0;

/**
 * The key of one upload: the database, the file's bytes, the kind, who uploads it with which
 * grants, and the day.
 */
export async function previewKey(db: object, kind: ImportKind, actor: Actor, data: Uint8Array): Promise<string> {
  if (!databases.has(db)) databases.set(db, ++lastDatabase);
  // WebCrypto's digest runs off the event loop (an 11 MB sheet hashed in a thread of libuv's pool).
  const hash = Buffer.from(await crypto.subtle.digest('SHA-256', data)).toString('base64url');
  const grants = actor.grants.map((g) => `${g.unitId}:${g.role}`).sort();
  return JSON.stringify([
    databases.get(db),
    hash,
    kind,
    actor.userId,
    actor.isSuperadmin,
    actor.personId,
    grants,
    todayIso(),
  ]);
}

/** Keeps a preview's plan under `key` (replacing an older one), within the bounds. */
export function keepPreview(key: string, kept: KeptPreview): void {
  drop(key);
  if (kept.rows > MAX_ROWS) return;
  // Map order is insertion order: the oldest entries go first.
  for (const old of entries.keys()) {
    if (keptRows + kept.rows <= MAX_ROWS) break;
    drop(old);
  }
  const timer = setTimeout(() => drop(key), KEEP_MS);
  // A kept plan never keeps the process alive.
  timer.unref();
  entries.set(key, { kept, timer });
  keptRows += kept.rows;
}

/** The plan kept under `key`, taken out: a commit uses it once, whether it then writes it or not. */
export const takePreview = (key: string): KeptPreview | null => drop(key);

/** Forgets every kept plan (tests). */
export function forgetPreviews(): void {
  for (const key of [...entries.keys()]) drop(key);
}
