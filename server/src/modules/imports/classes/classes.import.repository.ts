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

/** Stored classes of these organisers (what names one: name and first day), read in batches. */
export async function classesOf(tx: Tx, organiserIds: number[]): Promise<StoredClass[]> {
  const out: StoredClass[] = [];
  for (const part of chunks([...new Set(organiserIds)], 500)) {
    out.push(
      ...(await tx.q
        .selectFrom('training_classes')
        .select(['id', 'organiser_unit_id', 'name', 'start_date', 'headcount_total'])
        .where('organiser_unit_id', 'in', part)
        .execute()),
    );
  }
  return out;
}

export interface StoredClass {
  id: number;
  organiser_unit_id: number;
  name: string;
  start_date: string;
  headcount_total: number | null;
}

/** Who is enrolled in these classes (any status), read in batches. */
export async function enrolledIn(tx: Tx, classIds: number[]): Promise<{ class_id: number; person_id: number }[]> {
  const out: { class_id: number; person_id: number }[] = [];
  for (const part of chunks([...new Set(classIds)], 500)) {
    out.push(
      ...(await tx.q
        .selectFrom('enrolments')
        .select(['class_id', 'person_id'])
        .where('class_id', 'in', part)
        .execute()),
    );
  }
  return out;
}
