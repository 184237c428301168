import type { Insertable } from 'kysely';
import type { Tx } from '../context.ts';
import type { Database } from '../db/schema.ts';

/** Tables keyed by a generated `id`. */
export type IdTable = {
  [K in keyof Database]: Database[K] extends { id: unknown } ? K : never;
}[keyof Database];

/**
 * Bound parameters per statement: under SQLite's limit (32,766) and PostgreSQL's (65,535), with room.
 * Fewer, larger statements are what make a bulk write fast (an import of 100,000 rows, a nomination).
 */
const PARAMETERS = 30_000;

/**
 * Rows inserted in multi-row statements, as many a statement as the parameter bound allows; returns
 * their new ids in the order the rows were given. Neither engine promises the order of RETURNING,
 * but both number the rows of one statement in the order of its VALUES (SQLite's rowid, PostgreSQL's
 * sequence, called row by row; other sessions can only take numbers between statements, never
 * reorder ours), so the ids sorted ascending are the rows' ids in order.
 */
export async function insertMany<T extends IdTable>(
  tx: Tx,
  table: T,
  rows: readonly Insertable<Database[T]>[],
): Promise<number[]> {
  if (!rows.length) return [];
  const columns = Object.keys(rows[0]!).length;
  const size = Math.max(1, Math.floor(PARAMETERS / columns));
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += size) {
    const part = rows.slice(i, i + size);
    // The generic table is checked by the signature; kysely cannot follow it through a type parameter.
    const returned = await tx.q
      .insertInto(table as 'people')
      .values(part as never)
      .returning('id')
      .execute();
    if (returned.length !== part.length)
      throw new Error(`insertMany ${table}: ${returned.length} ids for ${part.length} rows`);
    ids.push(...returned.map((r) => r.id).sort((a, b) => a - b));
  }
  return ids;
}
