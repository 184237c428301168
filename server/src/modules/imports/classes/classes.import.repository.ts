import type { Tx } from '../../../context.ts';
import { chunks } from '../../../lib/chunks.ts';

/** The active training kinds of the catalogue (the sheet's Loại lớp list). */
export async function activeKinds(tx: Tx): Promise<{ code: string; name: string }[]> {
  return tx.q
    .selectFrom('training_kinds')
    .select(['code', 'name'])
    .where('active', '=', 1)
    .orderBy('sort_order')
    .orderBy('code')
    .execute();
}

/** Stored headcount classes of these organisers (name, dates: what names one), read in batches. */
export async function headcountClassesOf(
  tx: Tx,
  organiserIds: number[],
): Promise<{ organiser_unit_id: number; name: string; start_date: string }[]> {
  const out: { organiser_unit_id: number; name: string; start_date: string }[] = [];
  for (const part of chunks([...new Set(organiserIds)], 500)) {
    out.push(
      ...(await tx.q
        .selectFrom('training_classes')
        .select(['organiser_unit_id', 'name', 'start_date'])
        .where('organiser_unit_id', 'in', part)
        .where('headcount_total', 'is not', null)
        .execute()),
    );
  }
  return out;
}
