import type { Tx } from '../../context.ts';
import { nowIso } from '../../db/dialect.ts';
import { notFound, stale } from '../../errors.ts';

export interface KindRow {
  code: string;
  name: string;
  sort_order: number;
  active: number;
  version: number;
}

const COLUMNS = ['code', 'name', 'sort_order', 'active', 'version'] as const;

export async function listKinds(tx: Tx): Promise<KindRow[]> {
  return tx.q.selectFrom('training_kinds').select(COLUMNS).orderBy('sort_order').orderBy('code').execute();
}

export async function findKind(tx: Tx, code: string): Promise<KindRow | undefined> {
  return tx.q.selectFrom('training_kinds').select(COLUMNS).where('code', '=', code).executeTakeFirst();
}

export async function insertKind(tx: Tx, k: { code: string; name: string; sort_order: number }): Promise<void> {
  const now = nowIso();
  await tx.q
    .insertInto('training_kinds')
    .values({ ...k, active: 1, created_at: now, updated_at: now })
    .execute();
}

/** Optimistic locking as in lib/versioned.ts, for the one table keyed by a code instead of an id. */
export async function updateKind(
  tx: Tx,
  code: string,
  version: number,
  values: Partial<Pick<KindRow, 'name' | 'sort_order' | 'active'>>,
): Promise<void> {
  const result = await tx.q
    .updateTable('training_kinds')
    .set({ ...values, updated_at: nowIso(), version: version + 1 })
    .where('code', '=', code)
    .where('version', '=', version)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 1) return;
  throw (await findKind(tx, code)) ? stale() : notFound('Loại hình bồi dưỡng');
}
