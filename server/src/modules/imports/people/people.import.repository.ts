import type { Tx } from '../../../context.ts';
import { chunks } from '../../../lib/chunks.ts';

/** What only a people sheet is checked against (the units and people it names: ../lookups.repository.ts). */

/** Positions of these people held on `today` (open, or ending on or after it). */
export async function openPositions(tx: Tx, personIds: number[], today: string) {
  const out: { person_id: number; unit_id: number; title: string }[] = [];
  for (const part of chunks(personIds, 500)) {
    out.push(
      ...(await tx.q
        .selectFrom('positions')
        .select(['person_id', 'unit_id', 'title'])
        .where('person_id', 'in', part)
        .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', today)]))
        .execute()),
    );
  }
  return out;
}

export async function ethnicityNames(tx: Tx): Promise<{ code: string; name: string }[]> {
  return tx.q.selectFrom('ethnicities').select(['code', 'name']).orderBy('code').execute();
}
