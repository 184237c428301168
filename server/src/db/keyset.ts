import { sql, type RawBuilder, type SelectQueryBuilder } from 'kysely';

/** One batch of a list read by keyset: its rows and the sort values of its last row. */
export interface KeysetBatch<R> {
  rows: R[];
  last: unknown[] | null;
}

/**
 * A whole list, a batch at a time, each batch starting after the previous one's last sort values:
 * every batch costs what the first did, and memory holds one batch whatever the size of the list.
 * Batches are read only as the consumer asks for them (an export reads as the file is written).
 */
export async function* keysetBatches<R>(
  read: (after: unknown[] | null, limit: number) => Promise<KeysetBatch<R>>,
  size: number,
): AsyncGenerator<R[]> {
  let after: unknown[] | null = null;
  for (;;) {
    const batch = await read(after, size);
    if (batch.rows.length) yield batch.rows;
    if (batch.rows.length < size) return;
    after = batch.last;
  }
}

/** Where a batch read by offset starts and how many rows it takes. */
export interface OffsetWindow {
  limit: number;
  offset: number;
}

/**
 * A whole list a batch at a time by offset, for a list whose order gives no keyset to start after (a
 * figure's rows, a list ordered by computed values, a list already in memory): `keysetBatches` where
 * the order allows, as each batch here reads past the ones before it. Batches are read only as the
 * consumer asks for them; none is read twice and nothing is counted.
 */
export async function* offsetBatches<R>(
  read: (window: OffsetWindow) => Promise<R[]>,
  size: number,
): AsyncGenerator<R[]> {
  for (let offset = 0; ; offset += size) {
    const rows = await read({ limit: size, offset });
    if (rows.length) yield rows;
    if (rows.length < size) return;
  }
}

/**
 * One batch of `query` in the order of `keys` (its last key unique, e.g. the id), after `after`: the
 * sort values are selected beside the row (as k0, k1…) so the next batch starts where this one ended.
 */
export async function readKeysetBatch<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  keys: readonly RawBuilder<unknown>[],
  order: 'asc' | 'desc',
  after: unknown[] | null,
  limit: number,
): Promise<KeysetBatch<O>> {
  let keyed = query.select(keys.map((k, i) => k.as(`k${i}`))) as unknown as SelectQueryBuilder<DB, TB, O>;
  if (after) {
    const cmp = order === 'asc' ? sql.raw('>') : sql.raw('<');
    keyed = keyed.where(sql<boolean>`(${sql.join(keys)}) ${cmp} (${sql.join(after)})`);
  }
  for (const key of keys) keyed = keyed.orderBy(key, order);
  const rows = await keyed.limit(limit).execute();
  const tail = rows.at(-1) as Record<string, unknown> | undefined;
  return { rows, last: tail ? keys.map((_, i) => tail[`k${i}`]) : null };
}
