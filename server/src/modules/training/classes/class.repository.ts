import { sql, type Insertable, type RawBuilder, type Selectable, type SqlBool } from 'kysely';
import { classStatuses, foldVietnamese, type ClassListQuery, type ClassStatus } from '@canbo/contract';
import type { Actor } from '../../../auth/actor.ts';
import { inScope, unitInScope } from '../../../auth/policy.ts';
import { readKeysetBatch } from '../../../db/keyset.ts';
import type { Tx } from '../../../context.ts';
import { columnOf } from '../../../db/aliases.ts';
import { flag, like, likeContains, nowIso } from '../../../db/dialect.ts';
import type { TrainingClassTable } from '../../../db/schema.ts';
import { SEATED, sessionCount } from '../results/outcomes.ts';
import { classVisible, type VisibleClassId } from './class.access.ts';
import { rankOf } from '../../../db/rank.ts';

/** A class row as the API reads it: its columns, the names it refers to, and its counts. */
export type ClassRow = Omit<
  Selectable<TrainingClassTable>,
  'id' | 'search_text' | 'sort_key' | 'created_at' | 'updated_at'
> & {
  /** Read under classVisible, so the gate for the class's children. */
  id: VisibleClassId;
  organiser_unit_name: string;
  kind_name: string;
  programme_name: string | null;
  seats_allocated: number;
  seated: number;
  waitlisted: number;
  session_count: number;
  can_manage: number;
  reads_all: number;
};

const seatedIn = sql.join(SEATED.map((s) => sql.lit(s)));

/**
 * Classes the actor sees (alias `c`), with what the list shows about each. The seat figures are the
 * whole class's for readers of the organiser unit (who see every allocation and trainee); for anyone
 * else — the editor of a unit given seats — those of the seats allocated to the actor's units, so the
 * header never counts trainees the actor's own lists do not show.
 */
function visibleClasses(tx: Tx, actor: Actor) {
  const ownSeats = unitInScope(actor, 'training.nominate', columnOf<'seat_allocations'>('sa', 'unit_id'));
  return tx.q
    .selectFrom('training_classes as c')
    .innerJoin('units as u', 'u.id', 'c.organiser_unit_id')
    .innerJoin('training_kinds as k', 'k.code', 'c.kind_code')
    .leftJoin('programmes as pr', 'pr.id', 'c.programme_id')
    .where((eb) => classVisible(eb, actor, 'c'))
    .select((eb) => {
      const readsAll = inScope(eb, actor, 'training.read', 'c.organiser_unit_id');
      const countedSeats = sql<SqlBool>`(${readsAll} or ${ownSeats})`;
      const onCountedSeats = sql<SqlBool>`(${readsAll} or e.allocation_id in (select sa.id from seat_allocations sa where sa.class_id = c.id and ${ownSeats}))`;
      return [
        eb.ref('c.id').$castTo<VisibleClassId>().as('id'),
        'c.name',
        'c.organiser_unit_id',
        'u.name as organiser_unit_name',
        'c.level',
        'c.partners',
        'c.kind_code',
        'k.name as kind_name',
        'c.programme_id',
        'pr.name as programme_name',
        'c.target_titles',
        'c.start_date',
        'c.end_date',
        'c.place',
        'c.mode',
        'c.capacity',
        'c.decision',
        'c.status',
        'c.headcount_total',
        'c.headcount_women',
        'c.headcount_minority',
        'c.headcount_doan',
        'c.headcount_hoi',
        'c.headcount_doi',
        'c.min_attendance_percent',
        'c.pass_grade',
        sql<number>`(select coalesce(sum(sa.seats), 0) from seat_allocations sa where sa.class_id = c.id and ${countedSeats})`.as(
          'seats_allocated',
        ),
        sql<number>`(select count(*) from enrolments e where e.class_id = c.id and e.status in (${seatedIn}) and ${onCountedSeats})`.as(
          'seated',
        ),
        sql<number>`(select count(*) from enrolments e where e.class_id = c.id and e.status = 'waitlisted' and ${onCountedSeats})`.as(
          'waitlisted',
        ),
        sessionCount('c.id').as('session_count'),
        'c.version',
        flag(inScope(eb, actor, 'training.manage', 'c.organiser_unit_id')).as('can_manage'),
        flag(readsAll).as('reads_all'),
      ];
    });
}

/** PostgreSQL returns counts and sums as strings. */
function numbers(r: ClassRow): ClassRow {
  return {
    ...r,
    seats_allocated: Number(r.seats_allocated),
    seated: Number(r.seated),
    waitlisted: Number(r.waitlisted),
    session_count: Number(r.session_count),
  };
}

export type ClassFilter = Pick<
  ClassListQuery,
  'q' | 'organiserWithin' | 'status' | 'kindCode' | 'level' | 'from' | 'to'
> & {
  /** Any of these statuses (the dashboard's classes to come). */
  statuses?: readonly ClassStatus[];
};

function filterConditions(f: ClassFilter): RawBuilder<boolean>[] {
  const out: RawBuilder<boolean>[] = [];
  const q = f.q ? foldVietnamese(f.q) : '';
  if (q) out.push(like('c.search_text', likeContains(q)));
  if (f.organiserWithin !== undefined) {
    out.push(
      sql<boolean>`c.organiser_unit_id in (select descendant_id from unit_closure where ancestor_id = ${f.organiserWithin})`,
    );
  }
  if (f.status) out.push(sql<boolean>`c.status = ${f.status}`);
  if (f.statuses?.length) out.push(sql<boolean>`c.status in (${sql.join([...f.statuses])})`);
  if (f.kindCode) out.push(sql<boolean>`c.kind_code = ${f.kindCode}`);
  if (f.level) out.push(sql<boolean>`c.level = ${f.level}`);
  // Classes whose dates touch the period, not only those inside it.
  if (f.from) out.push(sql<boolean>`c.end_date >= ${f.from}`);
  if (f.to) out.push(sql<boolean>`c.start_date <= ${f.to}`);
  return out;
}

// The workflow's order: draft first, cancelled last.
const statusRank = rankOf('c.status', classStatuses);

/** Each order ends in the id, so it is total and the export can page by keyset on the same values. */
const SORT_KEYS: Record<ClassListQuery['sort'], RawBuilder<unknown>[]> = {
  startDate: [sql`c.start_date`, sql`c.id`],
  name: [sql`c.sort_key`, sql`c.id`],
  status: [statusRank, sql`c.start_date`, sql`c.id`],
};

function filtered(tx: Tx, actor: Actor, f: ClassFilter) {
  let query = visibleClasses(tx, actor);
  for (const c of filterConditions(f)) query = query.where(c);
  return query;
}

export async function countClasses(tx: Tx, actor: Actor, f: ClassFilter): Promise<number> {
  let query = tx.q
    .selectFrom('training_classes as c')
    .where((eb) => classVisible(eb, actor, 'c'))
    .select(sql<number>`count(*)`.as('n'));
  for (const c of filterConditions(f)) query = query.where(c);
  return Number((await query.executeTakeFirstOrThrow()).n);
}

export async function findClassesPage(
  tx: Tx,
  actor: Actor,
  f: ClassFilter,
  sort: ClassListQuery['sort'],
  order: ClassListQuery['order'],
  page: { limit: number; offset: number },
): Promise<ClassRow[]> {
  const keys = SORT_KEYS[sort];
  // The page's ids first, then the counts for those rows only: the counts are subqueries per class.
  let ids = tx.q
    .selectFrom('training_classes as c')
    .select('c.id')
    .where((eb) => classVisible(eb, actor, 'c'));
  for (const c of filterConditions(f)) ids = ids.where(c);
  for (const key of keys) ids = ids.orderBy(key, order);
  let query = visibleClasses(tx, actor).where('c.id', 'in', ids.limit(page.limit).offset(page.offset));
  for (const key of keys) query = query.orderBy(key, order);
  return (await query.execute()).map(numbers);
}

/**
 * One batch of the export: the rows after `after` (the previous batch's last sort values) in the
 * list's order, so every batch costs what the first did.
 */
export async function findClassesBatch(
  tx: Tx,
  actor: Actor,
  f: ClassFilter,
  sort: ClassListQuery['sort'],
  order: ClassListQuery['order'],
  after: unknown[] | null,
  limit: number,
): Promise<{ rows: ClassRow[]; last: unknown[] | null }> {
  const batch = await readKeysetBatch(filtered(tx, actor, f), SORT_KEYS[sort], order, after, limit);
  return { rows: batch.rows.map(numbers), last: batch.last };
}

export async function findClass(tx: Tx, actor: Actor, id: number): Promise<ClassRow | undefined> {
  const row = await visibleClasses(tx, actor).where('c.id', '=', id).executeTakeFirst();
  return row && numbers(row);
}

/** The unit that would organise a class, if the actor may see it. */
export async function findOrganiserUnit(tx: Tx, actor: Actor, unitId: number) {
  return tx.q
    .selectFrom('units')
    .select(['id', 'name', 'kind', 'valid_from', 'valid_to'])
    .where('id', '=', unitId)
    .where((eb) => inScope(eb, actor, 'unit.read', 'units.id'))
    .executeTakeFirst();
}

export type ClassValues = Omit<Insertable<TrainingClassTable>, 'id' | 'version' | 'created_at' | 'updated_at'>;

export async function insertClass(tx: Tx, values: ClassValues): Promise<number> {
  const now = nowIso();
  const row = await tx.q
    .insertInto('training_classes')
    .values({ ...values, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface HistoryStep {
  classId: number;
  from: ClassStatus | null;
  to: ClassStatus;
  actorUserId: number | null;
  note: string | null;
  /** For a class recorded after it was held: the step's own date (the typing moment goes to recorded_at). */
  at?: string;
}

export async function insertHistory(tx: Tx, ...steps: HistoryStep[]): Promise<void> {
  const now = nowIso();
  await tx.q
    .insertInto('class_status_history')
    .values(
      steps.map((h) => ({
        class_id: h.classId,
        from_status: h.from,
        to_status: h.to,
        at: h.at ?? now,
        actor_user_id: h.actorUserId,
        note: h.note,
        recorded_at: h.at === undefined ? null : now,
      })),
    )
    .execute();
}

export async function listHistory(tx: Tx, classId: VisibleClassId) {
  return tx.q
    .selectFrom('class_status_history as h')
    .leftJoin('users as au', 'au.id', 'h.actor_user_id')
    .select([
      'h.id',
      'h.at',
      'au.display_name as actor_name',
      'h.from_status',
      'h.to_status',
      'h.note',
      'h.recorded_at',
    ])
    .where('h.class_id', '=', classId)
    .orderBy('h.id')
    .execute();
}

/** Every enrolment of the class, whatever its status: a roster, however small, rules out a headcount. */
export async function enrolmentCount(tx: Tx, classId: VisibleClassId): Promise<number> {
  const row = await tx.q
    .selectFrom('enrolments')
    .select(sql<number>`count(*)`.as('n'))
    .where('class_id', '=', classId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The earliest and latest session dates of the class (null without sessions). */
export async function sessionSpan(
  tx: Tx,
  classId: VisibleClassId,
): Promise<{ first: string | null; last: string | null }> {
  const row = await tx.q
    .selectFrom('class_sessions')
    .select([sql<string | null>`min(session_date)`.as('first'), sql<string | null>`max(session_date)`.as('last')])
    .where('class_id', '=', classId)
    .executeTakeFirstOrThrow();
  return { first: row.first, last: row.last };
}
