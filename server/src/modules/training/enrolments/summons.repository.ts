import type { Tx } from '../../../context.ts';
import type { VisibleClassId } from '../classes/class.access.ts';
import type { IssuingUnit } from '../../../documents/issuer.ts';
import { SEATED } from '../results/outcomes.ts';

/** The organiser unit and the unit above it, as an official document's header names them. */
export async function issuingUnit(tx: Tx, unitId: number): Promise<IssuingUnit> {
  const row = await tx.q
    .selectFrom('units as u')
    .leftJoin('units as parent', 'parent.id', 'u.parent_id')
    .select(['u.name', 'u.kind', 'u.organisation', 'u.place', 'parent.name as parent_name'])
    .where('u.id', '=', unitId)
    .executeTakeFirstOrThrow();
  return {
    name: row.name,
    kind: row.kind,
    organisation: row.organisation,
    place: row.place,
    parent: row.parent_name ? { name: row.parent_name } : null,
  };
}

/** What a summons says of the class: its name, dates, place, decision and first session. */
export async function classForSummons(tx: Tx, classId: VisibleClassId) {
  const cls = await tx.q
    .selectFrom('training_classes')
    .select(['name', 'start_date', 'end_date', 'place', 'decision'])
    .where('id', '=', classId)
    .executeTakeFirstOrThrow();
  const first = await tx.q
    .selectFrom('class_sessions')
    .select(['session_date', 'starts_at'])
    .where('class_id', '=', classId)
    .orderBy('session_date')
    .orderBy('starts_at')
    .limit(1)
    .executeTakeFirst();
  return { ...cls, first_session: first ?? null };
}

/** The seated trainees of one quota (allocation, or the organiser's own seats), in name order. */
export async function seatedOfQuota(tx: Tx, classId: VisibleClassId, allocationId: number | null) {
  return tx.q
    .selectFrom('enrolments as e')
    .innerJoin('people as p', 'p.id', 'e.person_id')
    .select(['p.full_name', 'e.title', 'e.unit_name'])
    .where('e.class_id', '=', classId)
    .where('e.allocation_id', allocationId === null ? 'is' : '=', allocationId)
    .where('e.status', 'in', [...SEATED])
    .orderBy('e.sort_key')
    .orderBy('e.id')
    .execute();
}
