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

export interface HeldSecretary {
  id: number;
  unit_id: number;
  full_name: string;
  start_date: string;
  end_date: string | null;
}

/**
 * The secretaries of these units held on or after `from` (open, or ending on or after it), earliest
 * first: what `findOverlapping` answers for one unit and one start date, for a whole sheet at once.
 */
export async function secretariesSince(tx: Tx, unitIds: number[], from: string): Promise<HeldSecretary[]> {
  const out: HeldSecretary[] = [];
  for (const part of chunks(unitIds)) {
    out.push(
      ...(await tx.q
        .selectFrom('positions as pos')
        .innerJoin('people as p', 'p.id', 'pos.person_id')
        .select(['pos.id', 'pos.unit_id', 'p.full_name', 'pos.start_date', 'pos.end_date'])
        .where('pos.unit_id', 'in', part)
        .where('pos.title', '=', 'secretary')
        .where((eb) => eb.or([eb('pos.end_date', 'is', null), eb('pos.end_date', '>=', from)]))
        .orderBy('pos.start_date')
        .orderBy('pos.id')
        .execute()),
    );
  }
  return out;
}
