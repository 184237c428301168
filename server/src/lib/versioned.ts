import type { Tx } from '../context.ts';
import type { Database } from '../db/schema.ts';
import { nowIso } from '../db/dialect.ts';
import { notFound, stale } from '../errors.ts';

type Versioned = {
  [K in keyof Database]: Database[K] extends { version: unknown; id: unknown } ? K : never;
}[keyof Database];

/**
 * Optimistic locking: the update applies only if the row still has the version the user saw.
 * A stale write changes nothing and is a 409; a missing row is a 404.
 */
export async function updateVersioned(
  tx: Tx,
  table: Versioned,
  id: number,
  version: number,
  values: Record<string, unknown>,
): Promise<void> {
  const result = await tx.q
    .updateTable(table)
    .set({ ...values, updated_at: nowIso(), version: version + 1 } as never)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 1) return;
  const exists = await tx.q.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst();
  throw exists ? stale() : notFound();
}
