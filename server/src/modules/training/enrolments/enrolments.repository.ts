import { sql, type RawBuilder } from 'kysely';
import {
  enrolmentStatuses,
  foldVietnamese,
  type EnrolmentListQuery,
  type EnrolmentStatus,
  type Gender,
  type Grade,
  type Outcome,
  type Title,
} from '@canbo/contract';
import type { Actor } from '../../../auth/actor.ts';
import type { Tx } from '../../../context.ts';
import { like, likeContains } from '../../../db/dialect.ts';
import type { EnrolmentTable } from '../../../db/schema.ts';
import { classVisible, enrolmentVisible, type VisibleClassId } from '../classes/class.access.ts';
import { attendedCount, SEATED, sessionCount } from '../results/outcomes.ts';
import { rankOf } from '../../../db/rank.ts';
import { chunks } from '../../../lib/chunks.ts';

/** An enrolment with what its API view and the roster need. */
export interface EnrolmentRow {
  id: number;
  class_id: number;
  person_id: number;
  person_name: string;
  birth_date: string | null;
  gender: Gender;
  unit_id: number;
  unit_name: string;
  title: Title | null;
  allocation_id: number | null;
  status: EnrolmentStatus;
  waitlist_position: number | null;
  attended: number;
  sessions: number;
  score: number | null;
  grade: Grade | null;
  rule_outcome: Outcome | null;
  outcome_override: Outcome | null;
  override_reason: string | null;
  attendance_percent: number | null;
  certificate_id: number | null;
  certificate_number: string | null;
  version: number;
}

/**
 * 1-based place on its quota's waitlist (earliest waitlisted first, then lowest id), null unless
 * waitlisted. The quota is the allocation, or the organiser's seats (no allocation).
 */
const waitlistPosition = sql<number | null>`case when e.status = 'waitlisted' then (
  select count(*) from enrolments w
  where w.class_id = e.class_id and coalesce(w.allocation_id, 0) = coalesce(e.allocation_id, 0)
    and w.status = 'waitlisted'
    and (w.waitlisted_at < e.waitlisted_at or (w.waitlisted_at = e.waitlisted_at and w.id <= e.id))
) end`;

/** Enrolments the actor may see (a district sees only its own trainees, even in a province class). */
function visibleEnrolments(tx: Tx, actor: Actor) {
  return tx.q
    .selectFrom('enrolments as e')
    .innerJoin('training_classes as c', 'c.id', 'e.class_id')
    .innerJoin('people as p', 'p.id', 'e.person_id')
    .leftJoin('certificates as cert', 'cert.enrolment_id', 'e.id')
    .where((eb) => classVisible(eb, actor, 'c'))
    .where((eb) => enrolmentVisible(eb, actor, 'e', 'c'))
    .select([
      'e.id',
      'e.class_id',
      'e.person_id',
      'p.full_name as person_name',
      'p.birth_date',
      'p.gender',
      'e.unit_id',
      'e.unit_name',
      'e.title',
      'e.allocation_id',
      'e.status',
      waitlistPosition.as('waitlist_position'),
      attendedCount('e.id').as('attended'),
      sessionCount('e.class_id').as('sessions'),
      'e.score',
      'e.grade',
      'e.rule_outcome',
      'e.outcome_override',
      'e.override_reason',
      'e.attendance_percent',
      'cert.id as certificate_id',
      'cert.number as certificate_number',
      'e.version',
    ]);
}

export type EnrolmentFilter = Pick<EnrolmentListQuery, 'q' | 'status' | 'seated' | 'unitWithin' | 'allocationId'>;

function filterConditions(f: EnrolmentFilter): RawBuilder<boolean>[] {
  const out: RawBuilder<boolean>[] = [];
  const q = f.q ? foldVietnamese(f.q) : '';
  if (q) out.push(like('p.search_text', likeContains(q)));
  if (f.status) out.push(sql<boolean>`e.status = ${f.status}`);
  if (f.seated) {
    const seated = sql.join(SEATED.map((st) => sql.lit(st)));
    out.push(f.seated === 'true' ? sql<boolean>`e.status in (${seated})` : sql<boolean>`e.status not in (${seated})`);
  }
  if (f.unitWithin !== undefined) {
    out.push(sql<boolean>`e.unit_id in (select descendant_id from unit_closure where ancestor_id = ${f.unitWithin})`);
  }
  if (f.allocationId !== undefined) out.push(sql<boolean>`e.allocation_id = ${f.allocationId}`);
  return out;
}

const statusRank = rankOf('e.status', enrolmentStatuses);

/** Total orders ending in the id; "unit" groups by the unit of the time in today's name order. */
const SORT_KEYS: Record<EnrolmentListQuery['sort'], RawBuilder<unknown>[]> = {
  person: [sql`e.sort_key`, sql`e.id`],
  unit: [sql`(select u.sort_key from units u where u.id = e.unit_id)`, sql`e.unit_id`, sql`e.sort_key`, sql`e.id`],
  status: [statusRank, sql`e.sort_key`, sql`e.id`],
  nominatedAt: [sql`e.nominated_at`, sql`e.id`],
};

function filtered(tx: Tx, actor: Actor, classId: VisibleClassId, f: EnrolmentFilter) {
  let query = visibleEnrolments(tx, actor).where('e.class_id', '=', classId);
  for (const c of filterConditions(f)) query = query.where(c);
  return query;
}

export async function findEnrolmentsPage(
  tx: Tx,
  actor: Actor,
  classId: VisibleClassId,
  f: EnrolmentFilter,
  sort: EnrolmentListQuery['sort'],
  order: EnrolmentListQuery['order'],
  page: { limit: number; offset: number },
): Promise<EnrolmentRow[]> {
  let query = filtered(tx, actor, classId, f);
  for (const key of SORT_KEYS[sort]) query = query.orderBy(key, order);
  return query.limit(page.limit).offset(page.offset).execute();
}

export async function countEnrolments(
  tx: Tx,
  actor: Actor,
  classId: VisibleClassId,
  f: EnrolmentFilter,
): Promise<number> {
  const row = await filtered(tx, actor, classId, f)
    .clearSelect()
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findEnrolment(tx: Tx, actor: Actor, id: number): Promise<EnrolmentRow | undefined> {
  return visibleEnrolments(tx, actor).where('e.id', '=', id).executeTakeFirst();
}

/** What a withdrawal decides on: the enrolment's quota, the organiser and the class's state. */
export async function findEnrolmentForWrite(tx: Tx, actor: Actor, id: number) {
  return tx.q
    .selectFrom('enrolments as e')
    .innerJoin('training_classes as c', 'c.id', 'e.class_id')
    .leftJoin('seat_allocations as sa', 'sa.id', 'e.allocation_id')
    .leftJoin('units as au', 'au.id', 'sa.unit_id')
    .select([
      'e.id',
      'e.class_id',
      'e.allocation_id',
      'e.status',
      'e.version',
      'e.unit_id',
      'sa.unit_id as allocation_unit_id',
      'au.name as allocation_unit_name',
    ])
    .where('e.id', '=', id)
    .where((eb) => classVisible(eb, actor, 'c'))
    .where((eb) => enrolmentVisible(eb, actor, 'e', 'c'))
    .executeTakeFirst();
}

/**
 * This class's enrolments picked by enrolment id or by person id, whatever their status: who is
 * already on the class before a nomination, what a bulk step (confirmation) acts on.
 */
export async function classEnrolments(tx: Tx, classId: VisibleClassId, by: 'e.id' | 'e.person_id', ids: number[]) {
  if (!ids.length) return [];
  return tx.q
    .selectFrom('enrolments as e')
    .innerJoin('people as p', 'p.id', 'e.person_id')
    .select(['e.id', 'e.person_id', 'p.full_name', 'e.status', 'e.version', 'e.unit_id'])
    .where('e.class_id', '=', classId)
    .where(by, 'in', ids)
    .execute();
}

export type EnrolmentValues = Omit<EnrolmentTable, 'id' | 'version' | 'created_at' | 'updated_at'>;

/**
 * New enrolments in multi-row inserts (a bulk nomination of 2,000 people is four statements, not
 * 2,000). Twenty columns a row: 500 rows stay far below both engines' bound-parameter limits.
 * Returns each new row's id by person (one row per class and person).
 */
export async function insertEnrolments(
  tx: Tx,
  rows: readonly EnrolmentValues[],
  now: string,
): Promise<Map<number, number>> {
  const ids = new Map<number, number>();
  for (const part of chunks(rows, 500)) {
    const inserted = await tx.q
      .insertInto('enrolments')
      .values(part.map((values) => ({ ...values, created_at: now, updated_at: now })))
      .returning(['id', 'person_id'])
      .execute();
    for (const r of inserted) ids.set(r.person_id, r.id);
  }
  return ids;
}

/**
 * Write new values on an enrolment whose version the caller read under the quota lock. Also the
 * way a withdrawn person's row is reused when they are nominated again (one row per class and person).
 */
export async function updateEnrolment(
  tx: Tx,
  id: number,
  version: number,
  values: Partial<EnrolmentValues>,
  now: string,
): Promise<void> {
  await tx.q
    .updateTable('enrolments')
    .set({ ...values, updated_at: now, version: version + 1 })
    .where('id', '=', id)
    .execute();
}

/**
 * Nominated → confirmed for these enrolments. The status is part of the `where`, so a trainee
 * withdrawn by a concurrent request is not brought back; returns the rows it changed.
 */
export async function confirmNominated(tx: Tx, classId: number, ids: number[], now: string) {
  if (!ids.length) return [];
  return tx.q
    .updateTable('enrolments')
    .set((eb) => ({ status: 'confirmed', updated_at: now, version: eb('version', '+', 1) }))
    .where('class_id', '=', classId)
    .where('id', 'in', ids)
    .where('status', '=', 'nominated')
    .returning(['id', 'unit_id'])
    .execute();
}
