import { sql } from 'kysely';
import {
  levelOfUnitKind,
  type ClassLevel,
  type Title,
  type UnitKind,
  type VisitComplianceQuery,
  type VisitDayCounting,
} from '@canbo/contract';
import type { Actor } from '../../auth/actor.ts';
import { inScope, writableOwnRecord } from '../../auth/policy.ts';
import type { Tx } from '../../context.ts';
import type { VisitTripTable } from '../../db/schema.ts';
import { flag, forUpdate } from '../../db/dialect.ts';
import { readKeysetBatch, type KeysetBatch } from '../../db/keyset.ts';
import { personVisible } from '../people/access.ts';

/** The days of a trip (alias t) falling in `year`: its start-year share, or the rest in its end year. */
const daysIn = (year: number) =>
  sql<number>`case when t.start_year = ${year} then t.start_year_days else t.days - t.start_year_days end`;

export interface VisitPersonRow {
  id: number;
  full_name: string;
  unit_id: number;
  unit_name: string;
  unit_kind: UnitKind;
  can_edit: number;
}

/** A person the actor may see (reader of the unit, or the cadre themself), and whether they may log visits. */
export async function findVisitPerson(tx: Tx, actor: Actor, personId: number): Promise<VisitPersonRow | undefined> {
  return tx.q
    .selectFrom('people as p')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .where((eb) => personVisible(eb, actor, 'p'))
    .where('p.id', '=', personId)
    .select((eb) => [
      'p.id',
      'p.full_name',
      'p.unit_id',
      'u.name as unit_name',
      'u.kind as unit_kind',
      flag(writableOwnRecord(eb, actor, 'p.unit_id', 'p.id')).as('can_edit'),
    ])
    .executeTakeFirst();
}

/** Lock the person's row: overlapping trips are checked with it held, so two writers take turns. */
export async function lockPerson(tx: Tx, personId: number): Promise<void> {
  await forUpdate(tx.engine, tx.q.selectFrom('people').select('id').where('id', '=', personId)).execute();
}

/** The top unit (no parent) a unit lies under: visit settings are kept per top unit. */
export async function topUnitOf(tx: Tx, unitId: number): Promise<number> {
  const row = await tx.q
    .selectFrom('unit_closure as c')
    .innerJoin('units as a', 'a.id', 'c.ancestor_id')
    .select('a.id')
    .where('c.descendant_id', '=', unitId)
    .where('a.parent_id', 'is', null)
    .executeTakeFirst();
  return row?.id ?? unitId;
}

export interface SettingsRow {
  unit_id: number;
  day_counting: VisitDayCounting;
  report_due_days: number;
  annual_days: number;
  version: number;
}

/** Guide 03-HD/TWĐTN-BTC: 60 days a year, calendar days, the report within 10 days. */
export const DEFAULT_SETTINGS = { day_counting: 'calendar', report_due_days: 10, annual_days: 60 } as const;

export async function findSettings(tx: Tx, topUnitId: number): Promise<SettingsRow> {
  const row = await tx.q
    .selectFrom('visit_settings')
    .select(['unit_id', 'day_counting', 'report_due_days', 'annual_days', 'version'])
    .where('unit_id', '=', topUnitId)
    .executeTakeFirst();
  return row ?? { unit_id: topUnitId, ...DEFAULT_SETTINGS, version: 0 };
}

export async function insertSettings(tx: Tx, row: Omit<SettingsRow, 'version'>, now: string): Promise<void> {
  await tx.q
    .insertInto('visit_settings')
    .values({ ...row, created_at: now, updated_at: now })
    .execute();
}

/** Settings rows have no `id`: optimistic locking on the top unit's key. Returns whether a row changed. */
export async function updateSettings(
  tx: Tx,
  unitId: number,
  version: number,
  values: Pick<SettingsRow, 'day_counting' | 'report_due_days' | 'annual_days'>,
  now: string,
): Promise<boolean> {
  const res = await tx.q
    .updateTable('visit_settings')
    .set({ ...values, updated_at: now, version: version + 1 })
    .where('unit_id', '=', unitId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export interface TripRow {
  id: number;
  person_id: number;
  person_name: string;
  person_unit_id: number;
  host_unit_id: number;
  host_unit_name: string;
  start_date: string;
  end_date: string;
  start_year: number;
  days: number;
  start_year_days: number;
  purpose: string;
  report_text: string | null;
  report_filed_at: string | null;
  report_due_date: string;
  file_name: string | null;
  file_type: string | null;
  file_size: number | null;
  version: number;
  can_edit: number;
}

/** Trips of people the actor may see; `can_edit` for editors of the person's unit and the cadre themself. */
function visibleTrips(tx: Tx, actor: Actor) {
  return tx.q
    .selectFrom('visit_trips as t')
    .innerJoin('people as p', 'p.id', 't.person_id')
    .innerJoin('units as h', 'h.id', 't.host_unit_id')
    .leftJoin('visit_report_files as f', 'f.trip_id', 't.id')
    .where((eb) => personVisible(eb, actor, 'p'))
    .select((eb) => [
      't.id',
      't.person_id',
      'p.full_name as person_name',
      'p.unit_id as person_unit_id',
      't.host_unit_id',
      'h.name as host_unit_name',
      't.start_date',
      't.end_date',
      't.start_year',
      't.days',
      't.start_year_days',
      't.purpose',
      't.report_text',
      't.report_filed_at',
      't.report_due_date',
      'f.name as file_name',
      'f.type as file_type',
      'f.size as file_size',
      't.version',
      flag(writableOwnRecord(eb, actor, 'p.unit_id', 'p.id')).as('can_edit'),
    ]);
}

export async function findTrip(tx: Tx, actor: Actor, id: number): Promise<TripRow | undefined> {
  return visibleTrips(tx, actor).where('t.id', '=', id).executeTakeFirst();
}

export async function findTripsOfYear(tx: Tx, actor: Actor, personId: number, year: number): Promise<TripRow[]> {
  return visibleTrips(tx, actor)
    .where('t.person_id', '=', personId)
    .where((eb) => eb.or([eb('t.start_year', '=', year), eb('t.end_year', '=', year)]))
    .orderBy('t.start_date')
    .orderBy('t.id')
    .execute();
}

/** A trip of the same cadre whose dates meet [start, end]. */
export async function findOverlappingTrip(
  tx: Tx,
  p: { personId: number; startDate: string; endDate: string; exceptId: number | null },
) {
  let query = tx.q
    .selectFrom('visit_trips')
    .select(['id', 'start_date', 'end_date'])
    .where('person_id', '=', p.personId)
    .where('start_date', '<=', p.endDate)
    .where('end_date', '>=', p.startDate);
  if (p.exceptId !== null) query = query.where('id', '<>', p.exceptId);
  return query.orderBy('start_date').limit(1).executeTakeFirst();
}

export type TripValues = Omit<VisitTripTable, 'id' | 'version' | 'created_at' | 'updated_at'>;

export async function insertTrip(tx: Tx, values: TripValues, now: string): Promise<number> {
  const row = await tx.q
    .insertInto('visit_trips')
    .values({ ...values, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface RegistrationRow {
  id: number;
  person_id: number;
  year: number;
  host_unit_id: number;
  host_unit_name: string;
  notes: string | null;
  version: number;
}

export async function findRegistration(tx: Tx, personId: number, year: number): Promise<RegistrationRow | undefined> {
  return tx.q
    .selectFrom('visit_registrations as r')
    .innerJoin('units as h', 'h.id', 'r.host_unit_id')
    .select(['r.id', 'r.person_id', 'r.year', 'r.host_unit_id', 'h.name as host_unit_name', 'r.notes', 'r.version'])
    .where('r.person_id', '=', personId)
    .where('r.year', '=', year)
    .executeTakeFirst();
}

export async function insertRegistration(
  tx: Tx,
  values: { person_id: number; year: number; host_unit_id: number; notes: string | null },
  now: string,
): Promise<number> {
  const row = await tx.q
    .insertInto('visit_registrations')
    .values({ ...values, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A registration of a person the actor may see, and whether they may change it (the cadre or an editor). */
export async function findVisibleRegistration(tx: Tx, actor: Actor, id: number) {
  return tx.q
    .selectFrom('visit_registrations as r')
    .innerJoin('people as p', 'p.id', 'r.person_id')
    .where((eb) => personVisible(eb, actor, 'p'))
    .where('r.id', '=', id)
    .select((eb) => [
      'r.id',
      'r.person_id',
      'r.year',
      'p.unit_id',
      'p.full_name',
      'r.version',
      flag(writableOwnRecord(eb, actor, 'p.unit_id', 'p.id')).as('can_edit'),
    ])
    .executeTakeFirst();
}

/** Trips of the person starting in the year are credited to its registration (its id, or none). */
export async function linkTripsOfYear(tx: Tx, personId: number, year: number, registrationId: number | null) {
  await tx.q
    .updateTable('visit_trips')
    .set({ registration_id: registrationId })
    .where('person_id', '=', personId)
    .where('start_year', '=', year)
    .execute();
}

export async function findReportFileContent(tx: Tx, tripId: number) {
  return tx.q
    .selectFrom('visit_report_files')
    .select(['name', 'type', 'size', 'content'])
    .where('trip_id', '=', tripId)
    .executeTakeFirst();
}

/** The trip's one attachment, replacing any before it. */
export async function putReportFile(
  tx: Tx,
  f: { trip_id: number; name: string; type: string; size: number; content: Uint8Array },
  now: string,
): Promise<void> {
  await tx.q.deleteFrom('visit_report_files').where('trip_id', '=', f.trip_id).execute();
  await tx.q
    .insertInto('visit_report_files')
    .values({ ...f, created_at: now })
    .execute();
}

export async function removeReportFile(tx: Tx, tripId: number): Promise<void> {
  await tx.q.deleteFrom('visit_report_files').where('trip_id', '=', tripId).execute();
}

export interface RequirementRow {
  id: number;
  unit_id: number;
  level: ClassLevel | null;
  title: Title | null;
  annual_days: number;
  version: number;
}

export async function findRequirements(tx: Tx, topUnitId: number): Promise<RequirementRow[]> {
  return tx.q
    .selectFrom('visit_requirements')
    .select(['id', 'unit_id', 'level', 'title', 'annual_days', 'version'])
    .where('unit_id', '=', topUnitId)
    .orderBy('id')
    .execute();
}

export async function findRequirement(tx: Tx, id: number): Promise<RequirementRow | undefined> {
  return tx.q
    .selectFrom('visit_requirements')
    .select(['id', 'unit_id', 'level', 'title', 'annual_days', 'version'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Sets the days of the top unit's requirement for a level or a title, creating it if need be; its id. */
export async function upsertRequirement(
  tx: Tx,
  r: { unit_id: number; level: ClassLevel | null; title: Title | null; annual_days: number },
  now: string,
): Promise<number> {
  const existing = await tx.q
    .selectFrom('visit_requirements')
    .select(['id', 'version'])
    .where('unit_id', '=', r.unit_id)
    .where((eb) => (r.level === null ? eb('level', 'is', null) : eb('level', '=', r.level)))
    .where((eb) => (r.title === null ? eb('title', 'is', null) : eb('title', '=', r.title)))
    .executeTakeFirst();
  if (existing) {
    await tx.q
      .updateTable('visit_requirements')
      .set({ annual_days: r.annual_days, updated_at: now, version: existing.version + 1 })
      .where('id', '=', existing.id)
      .execute();
    return existing.id;
  }
  const row = await tx.q
    .insertInto('visit_requirements')
    .values({ ...r, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function removeRequirement(tx: Tx, id: number): Promise<void> {
  await tx.q.deleteFrom('visit_requirements').where('id', '=', id).execute();
}

/** The level of a unit kind (alias u), in SQL: the same mapping as `levelOfUnitKind`. */
const levelOfKind = sql<ClassLevel>`case u.kind ${sql.join(
  Object.entries(levelOfUnitKind).map(([kind, level]) => sql`when ${kind} then ${level}`),
  sql` `,
)} end`;

/** What fixes a cadre's requirement: the top unit's rules, the default, the date titles are taken on. */
export interface RequirementBasis {
  topUnitId: number;
  defaultDays: number;
  /** Titles held on this date count (the year's last day, or today for the current year). */
  titlesOn: string;
}

/**
 * A cadre's (alias p, unit alias u) annual requirement, the most specific rule first: the smallest
 * of the requirements of the titles held on `titlesOn`, else the requirement of the unit's level,
 * else the default.
 */
function requirementOf(b: RequirementBasis) {
  return sql<number>`coalesce(
    (select min(r.annual_days) from visit_requirements r
       inner join positions pos on pos.title = r.title
       where r.unit_id = ${b.topUnitId} and pos.person_id = p.id and pos.start_date <= ${b.titlesOn}
         and (pos.end_date is null or pos.end_date >= ${b.titlesOn})),
    (select r.annual_days from visit_requirements r where r.unit_id = ${b.topUnitId} and r.level = ${levelOfKind}),
    ${b.defaultDays})`;
}

export async function findPersonRequirement(tx: Tx, personId: number, b: RequirementBasis): Promise<number> {
  const row = await tx.q
    .selectFrom('people as p')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .select(requirementOf(b).as('days'))
    .where('p.id', '=', personId)
    .executeTakeFirstOrThrow();
  return Number(row.days);
}

/** Is the unit one whose people the actor may read (compliance, totals and overdue lists start from it)? */
export async function unitReadable(tx: Tx, actor: Actor, unitId: number): Promise<boolean> {
  const row = await tx.q
    .selectFrom('units as u')
    .select('u.id')
    .where('u.id', '=', unitId)
    .where((eb) => inScope(eb, actor, 'person.read', 'u.id'))
    .executeTakeFirst();
  return row !== undefined;
}

export interface ComplianceRow {
  person_id: number;
  full_name: string;
  unit_name: string;
  requirement: number;
  days: number;
  trips: number;
  status: 'done' | 'on_track' | 'behind';
}

export interface ComplianceScope extends RequirementBasis {
  unitId: number;
  year: number;
  elapsed: number;
  length: number;
}

/**
 * Each cadre of the subtree registered for the year or with a trip in it: days against their own
 * requirement (`requirementOf`), and the status (done; on track = days × year length ≥ requirement × days elapsed).
 */
function complianceQuery(tx: Tx, actor: Actor, q: ComplianceScope) {
  const perPerson = tx.q
    .selectFrom('visit_trips as t')
    .where((eb) => eb.or([eb('t.start_year', '=', q.year), eb('t.end_year', '=', q.year)]))
    .groupBy('t.person_id')
    .select(['t.person_id', sql<number>`sum(${daysIn(q.year)})`.as('days'), sql<number>`count(*)`.as('trips')]);
  const days = sql<number>`coalesce(d.days, 0)`;
  const requirement = requirementOf(q);
  const status = sql<ComplianceRow['status']>`case when ${days} >= ${requirement} then 'done'
    when ${days} * ${q.length} >= ${requirement} * ${q.elapsed} then 'on_track' else 'behind' end`;
  return tx.q
    .selectFrom('people as p')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .innerJoin('unit_closure as c', 'c.descendant_id', 'p.unit_id')
    .leftJoin(perPerson.as('d'), 'd.person_id', 'p.id')
    .where('c.ancestor_id', '=', q.unitId)
    .where((eb) => inScope(eb, actor, 'person.read', 'p.unit_id'))
    .where((eb) =>
      eb.or([
        eb('d.person_id', 'is not', null),
        eb.exists(
          eb
            .selectFrom('visit_registrations as r')
            .select('r.id')
            .whereRef('r.person_id', '=', 'p.id')
            .where('r.year', '=', q.year),
        ),
      ]),
    )
    .select([
      'p.id as person_id',
      'p.full_name',
      'u.name as unit_name',
      requirement.as('requirement'),
      days.as('days'),
      sql<number>`coalesce(d.trips, 0)`.as('trips'),
      status.as('status'),
      'p.sort_key',
    ]);
}

export async function findCompliance(
  tx: Tx,
  actor: Actor,
  q: ComplianceScope,
  f: Pick<VisitComplianceQuery, 'status' | 'sort' | 'order'>,
  page: { limit: number; offset: number },
): Promise<{ rows: ComplianceRow[]; total: number }> {
  const base = complianceBase(tx, actor, q, f);
  let rowsQuery = base.selectAll();
  for (const key of complianceSortKeys(f)) rowsQuery = rowsQuery.orderBy(key, f.order);
  const [rows, count] = await Promise.all([
    rowsQuery.limit(page.limit).offset(page.offset).execute(),
    base.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.map(complianceNumbers), total: Number(count.n) };
}

/** One keyset batch of the compliance export, after the previous batch's last sort values. */
export async function findComplianceBatch(
  tx: Tx,
  actor: Actor,
  q: ComplianceScope,
  f: Pick<VisitComplianceQuery, 'status' | 'sort' | 'order'>,
  after: unknown[] | null,
  limit: number,
): Promise<KeysetBatch<ComplianceRow>> {
  const base = complianceBase(tx, actor, q, f).selectAll();
  const batch = await readKeysetBatch(base, complianceSortKeys(f), f.order, after, limit);
  return { rows: batch.rows.map(complianceNumbers), last: batch.last };
}

function complianceBase(tx: Tx, actor: Actor, q: ComplianceScope, f: Pick<VisitComplianceQuery, 'status'>) {
  return tx.q
    .selectFrom(complianceQuery(tx, actor, q).as('x'))
    .$if(f.status !== undefined, (b) => b.where('x.status', '=', f.status!));
}

/** Each order ends in the person's id, so it is total and the export can page by keyset on it. */
function complianceSortKeys(f: Pick<VisitComplianceQuery, 'sort'>) {
  return f.sort === 'days' ? [sql`x.days`, sql`x.sort_key`, sql`x.person_id`] : [sql`x.sort_key`, sql`x.person_id`];
}

function complianceNumbers<R extends { requirement: unknown; days: unknown; trips: unknown }>(
  r: R,
): R & { requirement: number; days: number; trips: number } {
  return { ...r, requirement: Number(r.requirement), days: Number(r.days), trips: Number(r.trips) };
}

/** Trips of the subtree's cadres whose report is past its due date and not filed. */
function overdueQuery(tx: Tx, actor: Actor, unitId: number, today: string) {
  return visibleTrips(tx, actor)
    .innerJoin('unit_closure as c', 'c.descendant_id', 'p.unit_id')
    .where('c.ancestor_id', '=', unitId)
    .where((eb) => inScope(eb, actor, 'person.read', 'p.unit_id'))
    .where('t.report_filed_at', 'is', null)
    .where('t.report_due_date', '<', today);
}

export async function findOverdue(
  tx: Tx,
  actor: Actor,
  unitId: number,
  today: string,
  order: 'asc' | 'desc',
  page: { limit: number; offset: number },
): Promise<{ rows: TripRow[]; total: number }> {
  const [rows, count] = await Promise.all([
    overdueQuery(tx, actor, unitId, today)
      .orderBy('t.report_due_date', order)
      .orderBy('t.id', order)
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    overdueQuery(tx, actor, unitId, today)
      .clearSelect()
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
