import { sql, type Kysely, type Updateable } from 'kysely';
import type { Tx } from '../context.ts';
import type { Database } from '../db/schema.ts';
import { nowIso } from '../db/dialect.ts';
import { notFound, stale } from '../errors.ts';
import { chunks, groupBy } from './chunks.ts';

/** Tables with an `id` key and a `version` for optimistic locking. */
export type VersionedTable = {
  [K in keyof Database]: Database[K] extends { version: unknown; id: unknown } ? K : never;
}[keyof Database];

/**
 * The columns an update may set on `T`: its own columns, checked by the compiler, without the key
 * and the bookkeeping that `updateVersioned` keeps itself.
 */
export type VersionedValues<T extends VersionedTable> = Omit<
  Updateable<Database[T]>,
  'id' | 'version' | 'created_at' | 'updated_at'
>;

/**
 * Refuses what the compiler cannot check: a record with string keys, or keys that are no column.
 */
type OnlyColumns<V, Allowed> = string extends keyof V ? never : Record<Exclude<keyof V, keyof Allowed>, never>;

/**
 * Optimistic locking: the update applies only if the row still has the version the user saw.
 * A stale write changes nothing and is a 409; a missing row is a 404.
 *
 * When every column already holds the value asked for, nothing is written: no version bump and no
 * `updated_at`, so a save that changes nothing neither makes others' copies stale nor (the audit
 * writer skips a row whose before and after are equal) leaves an empty entry in the history.
 * Returns whether the row changed.
 */
export async function updateVersioned<T extends VersionedTable, V extends VersionedValues<T>>(
  tx: Tx,
  table: T,
  id: number,
  version: number,
  values: V & OnlyColumns<V, VersionedValues<T>>,
): Promise<boolean> {
  const set: Record<string, unknown> = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
  const columns = Object.keys(set);
  // A generic table defeats Kysely's inference; the signature above is what checks the columns.
  const q = tx.q as unknown as Kysely<Record<string, LooseRow>>;
  const stored = await q
    .selectFrom(table as string)
    .select(['version', ...columns])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!stored) throw notFound();
  if (stored.version !== version) throw stale();
  if (columns.every((c) => same(stored[c], set[c]))) return false;
  // Another writer may get in between the read and the write: then it is stale too.
  await writeAtVersion(q, table, id, version, set);
  return true;
}

/**
 * A change kept outside the row's own columns (a trip's attachment, a scheme's targets): the version
 * still moves, so an open form sees it — at the version the user saw (else 409; no row, 404).
 */
export async function touchVersioned(tx: Tx, table: VersionedTable, id: number, version: number): Promise<void> {
  const q = tx.q as unknown as Kysely<Record<string, LooseRow>>;
  const result = await q
    .updateTable(table as string)
    .set({ updated_at: nowIso(), version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 1) return;
  const stored = await q
    .selectFrom(table as string)
    .select('id')
    .where('id', '=', id)
    .executeTakeFirst();
  throw stored ? stale() : notFound();
}

type LooseRow = { id: number; version: number; updated_at: string } & Record<string, unknown>;

/** Stored and asked-for values compare as stored: PostgreSQL may hand back numeric text for a number. */
function same(stored: unknown, wanted: unknown): boolean {
  if (stored === wanted) return true;
  if (typeof stored === 'number' && typeof wanted === 'string') return String(stored) === wanted;
  if (typeof stored === 'string' && typeof wanted === 'number') return stored === String(wanted);
  return false;
}

/** The write itself: only at `version`, which it moves on; a row past it (or gone) is stale. */
async function writeAtVersion(
  q: Kysely<Record<string, LooseRow>>,
  table: VersionedTable,
  id: number,
  version: number,
  set: Record<string, unknown>,
): Promise<void> {
  const result = await q
    .updateTable(table as string)
    .set({ ...set, updated_at: nowIso(), version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw stale();
}

/**
 * `updateVersioned` for a caller that read the rows in this same transaction and gives in `values`
 * only what differs from them (a bulk import): no read before the write, still refused as stale (409)
 * when a row moved past its version meanwhile. PostgreSQL: one statement per set of columns
 * and chunk, the rows given as JSON typed by the table's own row type, instead of a round trip a row
 * (1,500 updates were 3 s of a commit); SQLite, in the process, writes them one by one.
 */
export async function updateManyAtVersion<T extends VersionedTable>(
  tx: Tx,
  table: T,
  rows: readonly { id: number; version: number; values: VersionedValues<T> }[],
): Promise<void> {
  const defined = (values: object) =>
    Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Record<string, unknown>;
  if (tx.engine !== 'postgres') {
    const q = tx.q as unknown as Kysely<Record<string, LooseRow>>;
    for (const r of rows) await writeAtVersion(q, table, r.id, r.version, defined(r.values));
    return;
  }
  const now = nowIso();
  const sets = rows.map((r) => ({ ...defined(r.values), id: r.id, version: r.version }));
  const groups = groupBy(sets, (s) =>
    Object.keys(s)
      .filter((c) => c !== 'id' && c !== 'version')
      .sort()
      .join(','),
  );
  for (const [key, group] of groups) {
    const columns = key ? key.split(',') : [];
    for (const part of chunks(group)) {
      const assignments = [
        ...columns.map((c) => sql`${sql.ref(c)} = v.${sql.ref(c)}`),
        sql`updated_at = ${now}`,
        sql`version = t.version + 1`,
      ];
      const result = await sql`update ${sql.table(table)} as t set ${sql.join(assignments)}
        from json_populate_recordset(null::${sql.table(table)}, ${JSON.stringify(part)}::json) as v
        where t.id = v.id and t.version = v.version`.execute(tx.q);
      if (Number(result.numAffectedRows) !== part.length) throw stale();
    }
  }
}
