import type { ClassLevel, ClassStatus, EnrolmentStatus, Grade, Outcome } from '@canbo/contract';
import { sql } from 'kysely';
import type { Tx } from '../../../context.ts';
import type { VisiblePersonId } from '../../people/access.ts';
import { attendedCount, effectiveOutcome, sessionCount } from '../results/outcomes.ts';

export interface RecordRow {
  enrolment_id: number;
  class_id: number;
  class_name: string;
  kind_name: string;
  organiser_unit_name: string;
  level: ClassLevel;
  start_date: string;
  end_date: string;
  class_status: ClassStatus;
  enrolment_status: EnrolmentStatus;
  attended: number;
  sessions: number;
  score: number | null;
  grade: Grade | null;
  outcome: Outcome | null;
  certificate_id: number | null;
  certificate_number: string | null;
  revoked_at: string | null;
  verify_code: string | null;
}

export interface RecordFilter {
  personId: VisiblePersonId;
  kindCode?: string;
}

/**
 * Every enrolment of one person, whichever class it is in. No class scope here on purpose: the
 * service has already made sure the actor may read the person, and a training record follows the
 * person (like their positions), not the classes — so a district reads the whole record of its own
 * cadre, including a class another district organised that it could not open by itself.
 */
function enrolmentsOf(tx: Tx, f: RecordFilter) {
  let query = tx.q
    .selectFrom('enrolments as e')
    .innerJoin('training_classes as c', 'c.id', 'e.class_id')
    .where('e.person_id', '=', f.personId);
  if (f.kindCode) query = query.where('c.kind_code', '=', f.kindCode);
  return query;
}

export function findRecordPage(
  tx: Tx,
  f: RecordFilter,
  order: 'asc' | 'desc',
  page: { limit: number; offset: number },
): Promise<RecordRow[]> {
  return enrolmentsOf(tx, f)
    .innerJoin('training_kinds as k', 'k.code', 'c.kind_code')
    .innerJoin('units as ou', 'ou.id', 'c.organiser_unit_id')
    .leftJoin('certificates as cert', 'cert.enrolment_id', 'e.id')
    .select([
      'e.id as enrolment_id',
      'c.id as class_id',
      'c.name as class_name',
      'k.name as kind_name',
      'ou.name as organiser_unit_name',
      'c.level',
      'c.start_date',
      'c.end_date',
      'c.status as class_status',
      'e.status as enrolment_status',
      attendedCount('e.id').as('attended'),
      sessionCount('c.id').as('sessions'),
      'e.score',
      'e.grade',
      effectiveOutcome().as('outcome'),
      'cert.id as certificate_id',
      'cert.number as certificate_number',
      'cert.revoked_at',
      'cert.verify_code',
    ])
    .orderBy('c.start_date', order)
    .orderBy('c.id', order)
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

export async function countRecord(tx: Tx, f: RecordFilter): Promise<number> {
  const row = await enrolmentsOf(tx, f)
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
