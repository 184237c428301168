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
