import { sql, type RawBuilder } from 'kysely';
import {
  foldVietnamese,
  qualifications,
  studyKindLevel,
  theoryLevels,
  type Qualification,
  type StudyExportQuery,
  type TheoryLevel,
} from '@canbo/contract';
import type { Actor } from '../../auth/actor.ts';
import { inScope } from '../../auth/policy.ts';
import { countRows, pageRows, whereAll } from '../../db/listing.ts';
import { readKeysetBatch } from '../../db/keyset.ts';
import type { Tx } from '../../context.ts';
import { flag, forUpdate, like, likeContains } from '../../db/dialect.ts';
import type { StudyTable } from '../../db/schema.ts';
import { personVisible } from '../people/access.ts';

export type StudyFilter = Omit<StudyExportQuery, 'sort' | 'order' | 'overdue'> & {
  /** Past the expected end on this date and still in progress. */
  overdueOn?: string;
};
export type StudySort = StudyExportQuery['sort'];
export type Order = StudyExportQuery['order'];

export type StudyRow = Omit<StudyTable, 'created_at' | 'version' | 'id'> & {
  id: number;
  version: number;
  person_name: string;
  unit_id: number;
  unit_name: string;
  updated_at: string;
  can_edit: number;
};

/** Studies of the people the actor may see: a study is part of the cadre's record. */
function visibleStudies(tx: Tx, actor: Actor) {
  return tx.q
    .selectFrom('studies as s')
    .innerJoin('people as p', 'p.id', 's.person_id')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .where((eb) => personVisible(eb, actor, 'p'))
    .select((eb) => [
      's.id',
      's.person_id',
      'p.full_name as person_name',
      'p.unit_id',
      'u.name as unit_name',
      's.kind',
      's.status',
      's.decision',
      's.decision_date',
      's.institution',
      's.major',
      's.mode',
      's.start_date',
      's.expected_end_date',
      's.end_date',
      's.funding',
      's.diploma_number',
      's.grade',
      's.reason',
      's.notes',
      's.version',
      's.updated_at',
      flag(inScope(eb, actor, 'person.write', 'p.unit_id')).as('can_edit'),
    ]);
}

function filterConditions(f: StudyFilter): RawBuilder<boolean>[] {
  const out: RawBuilder<boolean>[] = [];
  const q = f.q ? foldVietnamese(f.q) : '';
  if (q) out.push(like('p.search_text', likeContains(q)));
  if (f.unitId !== undefined) {
    out.push(
      sql<boolean>`${sql.ref('p.unit_id')} in (select descendant_id from unit_closure where ancestor_id = ${f.unitId})`,
    );
  }
  if (f.personId !== undefined) out.push(sql<boolean>`${sql.ref('s.person_id')} = ${f.personId}`);
  if (f.studyKind) out.push(sql<boolean>`${sql.ref('s.kind')} = ${f.studyKind}`);
  if (f.studyStatus) out.push(sql<boolean>`${sql.ref('s.status')} = ${f.studyStatus}`);
  if (f.yearStarted !== undefined) {
    // A range on the text date, so the (kind, start) index serves it.
    out.push(
      sql<boolean>`${sql.ref('s.start_date')} between ${`${f.yearStarted}-01-01`} and ${`${f.yearStarted}-12-31`}`,
    );
  }
  if (f.overdueOn) {
    out.push(
      sql<boolean>`${sql.ref('s.status')} in ('studying', 'extended') and ${sql.ref('s.expected_end_date')} < ${f.overdueOn}`,
    );
  }
  return out;
}

/** Total orders ending in the id, the same on both engines. */
const SORT_KEYS: Record<StudySort, RawBuilder<unknown>[]> = {
  startDate: [sql`s.start_date`, sql`s.id`],
  expectedEndDate: [sql`s.expected_end_date`, sql`s.id`],
  person: [sql`p.sort_key`, sql`s.start_date`, sql`s.id`],
  updatedAt: [sql`s.updated_at`, sql`s.id`],
};

const filtered = (tx: Tx, actor: Actor, f: StudyFilter) => whereAll(visibleStudies(tx, actor), filterConditions(f));

export async function countStudies(tx: Tx, actor: Actor, f: StudyFilter): Promise<number> {
  return countRows(filtered(tx, actor, f));
}

export async function findStudiesPage(
  tx: Tx,
  actor: Actor,
  f: StudyFilter,
  sort: StudySort,
  order: Order,
  page: { limit: number; offset: number },
): Promise<StudyRow[]> {
  return pageRows(filtered(tx, actor, f), SORT_KEYS[sort], order, page);
}

/** One keyset batch of the export, after the previous batch's last sort values. */
export async function findStudiesBatch(
  tx: Tx,
  actor: Actor,
  f: StudyFilter,
  sort: StudySort,
  order: Order,
  after: unknown[] | null,
  limit: number,
): Promise<{ rows: StudyRow[]; last: unknown[] | null }> {
  return readKeysetBatch(filtered(tx, actor, f), SORT_KEYS[sort], order, after, limit);
}

export async function findStudy(tx: Tx, actor: Actor, id: number): Promise<StudyRow | undefined> {
  return visibleStudies(tx, actor).where('s.id', '=', id).executeTakeFirst();
}

export type StudyValues = Omit<StudyTable, 'id' | 'version' | 'created_at' | 'updated_at'>;

export async function insertStudy(tx: Tx, values: StudyValues, now: string): Promise<number> {
  const row = await tx.q
    .insertInto('studies')
    .values({ ...values, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const higher = <T extends string>(order: readonly T[], a: T, b: T): T => (order.indexOf(b) > order.indexOf(a) ? b : a);

export const higherQualification = (a: Qualification, b: Qualification) => higher(qualifications, a, b);
export const higherTheoryLevel = (a: TheoryLevel, b: TheoryLevel) => higher(theoryLevels, a, b);

/** The highest levels a person's graduated studies give ('none' when they give none). */
export async function studiedLevels(
  tx: Tx,
  personId: number,
): Promise<{ qualification: Qualification; theoryLevel: TheoryLevel }> {
  const rows = await tx.q
    .selectFrom('studies')
    .select('kind')
    .distinct()
    .where('person_id', '=', personId)
    .where('status', '=', 'graduated')
    .execute();
  let qualification: Qualification = 'none';
  let theoryLevel: TheoryLevel = 'none';
  for (const { kind } of rows) {
    const level = studyKindLevel[kind];
    if (level.qualification) qualification = higherQualification(qualification, level.qualification);
    if (level.theoryLevel) theoryLevel = higherTheoryLevel(theoryLevel, level.theoryLevel);
  }
  return { qualification, theoryLevel };
}

/** The person's recorded levels, the row locked until the transaction ends. */
export async function lockPersonLevels(tx: Tx, personId: number) {
  return forUpdate(
    tx.engine,
    tx.q.selectFrom('people').select(['id', 'unit_id', 'qualification', 'theory_level']).where('id', '=', personId),
  ).executeTakeFirstOrThrow();
}

/** Sets the person's highest levels; the version moves, so an open edit form of the record sees it changed. */
export async function setPersonLevels(
  tx: Tx,
  personId: number,
  levels: { qualification: Qualification; theoryLevel: TheoryLevel },
  now: string,
): Promise<void> {
  await tx.q
    .updateTable('people')
    .set((eb) => ({
      qualification: levels.qualification,
      theory_level: levels.theoryLevel,
      updated_at: now,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', personId)
    .execute();
}
