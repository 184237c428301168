import { sql, type Expression, type RawBuilder, type Selectable, type SqlBool } from 'kysely';
import { foldVietnamese, titles, type PersonExportQuery, type Title } from '@canbo/contract';
import type { Actor } from '../../auth/actor.ts';
import { inScope, type ScopeLookup } from '../../auth/policy.ts';
import { readKeysetBatch } from '../../db/keyset.ts';
import type { Tx } from '../../context.ts';
import { flag, like, likeContains, nameSearch } from '../../db/dialect.ts';
import type { PersonTable } from '../../db/schema.ts';
import { personVisible, type VisiblePersonId } from './access.ts';
import { unitAt } from '../moves/unitAt.repository.ts';
import { yearsBefore } from '../../lib/dates.ts';
import { chunks } from '../../lib/chunks.ts';
import { auditView } from './people.view.ts';

export type PersonFilter = Omit<PersonExportQuery, 'sort' | 'order'>;
export type PersonSort = PersonExportQuery['sort'];
export type Order = PersonExportQuery['order'];

/** The columns a person's API view is built from, plus what the actor may do with the record. */
export type PersonRow = Omit<Selectable<PersonTable>, 'id' | 'sort_key' | 'search_text' | 'created_at'> & {
  id: VisiblePersonId;
  /** Masked unless the actor may see it (see visiblePeople). */
  national_id: string | null;
  national_id_masked: string | null;
  unit_name: string;
  ethnicity_name: string;
  can_edit: number;
  id_visible: number;
};

/**
 * `012345678912` → `0xx******912`, in SQL: enough to tell records apart, not enough to identify.
 * substr, length and || mean the same on both engines; NULL stays NULL.
 */
function maskedNationalId(column: Expression<string | null>): RawBuilder<string | null> {
  return sql<
    string | null
  >`substr(${column}, 1, 1) || ${sql.lit('xx******')} || substr(${column}, length(${column}) - 2)`;
}

/**
 * People the actor may see, with the unit and ethnicity names joined. The national ID is read as
 * the actor may see it: in full where they hold `person.nationalId` on the record's unit (or it is
 * their own record), masked otherwise, so no row in memory holds a number its reader may not see.
 * `national_id_masked` is the masked form for everyone, what the audit log keeps.
 * `lookup` (ScopeLookup): 'row' for reads of given ids (a record, a page's ids), 'subtree' for a read
 * that walks the scope (an export's batches). The flags are asked by row either way: they are
 * computed for the rows returned only.
 */
function visiblePeople(tx: Tx, actor: Actor, asOf?: string, lookup: ScopeLookup = 'row') {
  return tx.q
    .selectFrom('people as p')
    .innerJoin('units as u', (join) => join.on('u.id', '=', unitOf(asOf)))
    .innerJoin('ethnicities as e', 'e.code', 'p.ethnicity_code')
    .where((eb) => personVisible(eb, actor, 'p', lookup))
    .select((eb) => {
      // A cadre may read the national ID on their own record (Decree 13: the data subject's right of access).
      const inRight = inScope(eb, actor, 'person.nationalId', 'p.unit_id', 'row');
      const idVisible =
        actor.personId === null ? inRight : sql<SqlBool>`(${inRight} or ${eb.ref('p.id')} = ${actor.personId})`;
      const nationalId = eb.ref('p.national_id');
      return [
        eb.ref('p.id').$castTo<VisiblePersonId>().as('id'),
        // The unit on `asOf` in a list "as of" a day; else the unit keeping the record (u.id = p.unit_id).
        'u.id as unit_id',
        'u.name as unit_name',
        'p.family_name',
        'p.middle_name',
        'p.given_name',
        'p.full_name',
        'p.birth_date',
        'p.gender',
        'p.ethnicity_code',
        'e.name as ethnicity_name',
        'p.religion',
        sql<string | null>`case when ${idVisible} then ${nationalId} else ${maskedNationalId(nationalId)} end`.as(
          'national_id',
        ),
        maskedNationalId(nationalId).as('national_id_masked'),
        'p.phone',
        'p.email',
        'p.party_member',
        'p.party_join_date',
        'p.general_education',
        'p.qualification',
        'p.theory_level',
        'p.qualification_manual',
        'p.theory_level_manual',
        'p.it_level',
        'p.language_level',
        'p.hardship_area',
        'p.notes',
        'p.version',
        'p.updated_at',
        flag(inScope(eb, actor, 'person.write', 'p.unit_id', 'row')).as('can_edit'),
        flag(idVisible).as('id_visible'),
      ] as const;
    });
}

const bool = (v: 'true' | 'false') => (v === 'true' ? 1 : 0);

/** The person's unit the list speaks of: on `asOf` (from the moves), else the one keeping the record. */
function unitOf(asOf: string | undefined) {
  return asOf ? unitAt(sql.ref<number>('p.id'), asOf, sql.ref<number>('p.unit_id')) : sql.ref<number>('p.unit_id');
}

/**
 * The person's record had begun by `day`: the record starts at the earliest of the first position's
 * start, the first move and the day it was entered in Canbo (Vietnam date of `created_at`). A record
 * typed in today for a cadre of long standing carries their dated positions or moves, which say since
 * when they were there; without any, Canbo knows them only from the day they were entered. A first
 * move shows where the cadre was before it, but not since when: the record starts on the move's day.
 */
function recordBegunBy(day: string): RawBuilder<boolean> {
  // The first instant (UTC, as `created_at` is written) of the Vietnam day after `day`: 17:00Z on `day`.
  const nextDay = `${day}T17:00:00.000Z`;
  return sql<boolean>`(${sql.ref('p.created_at')} < ${nextDay}
    or exists (select 1 from positions bp where bp.person_id = ${sql.ref('p.id')} and cast(bp.start_date as text) <= ${day})
    or exists (select 1 from moves bm where bm.person_id = ${sql.ref('p.id')} and cast(bm.move_date as text) <= ${day}))`;
}

/** A list's filter with its name search decided (`nameSearch`), as the list's queries take it. */
export interface ListFilter extends PersonFilter {
  /** The test of the name for `q`; `like` when not decided. */
  names?: RawBuilder<boolean>;
}

/** Decides how the filter's name search is answered, once for the queries of one list request. */
export async function listFilter(tx: Tx, f: PersonFilter): Promise<ListFilter> {
  const q = f.q ? foldVietnamese(f.q) : '';
  return q ? { ...f, names: await nameSearch(tx, q) } : f;
}

/** The list's filters as SQL conditions; `today` anchors "holds the title today" and ages. */
function filterConditions(f: ListFilter, today: string): RawBuilder<boolean>[] {
  const out: RawBuilder<boolean>[] = [];
  // A list as of a day leaves out the people whose record began later.
  if (f.asOf) out.push(recordBegunBy(f.asOf));
  const q = f.q ? foldVietnamese(f.q) : '';
  if (q) out.push(f.names ?? like('p.search_text', likeContains(q)));
  if (f.unitId !== undefined) {
    out.push(
      sql<boolean>`${unitOf(f.asOf)} in (select descendant_id from unit_closure where ancestor_id = ${f.unitId})`,
    );
  }
  if (f.title) {
    out.push(sql<boolean>`exists (select 1 from positions t where t.person_id = ${sql.ref('p.id')} and t.title = ${f.title}
      and t.start_date <= ${today} and (t.end_date is null or t.end_date >= ${today}))`);
  }
  if (f.gender) out.push(sql<boolean>`${sql.ref('p.gender')} = ${f.gender}`);
  if (f.ethnicityCode) out.push(sql<boolean>`${sql.ref('p.ethnicity_code')} = ${f.ethnicityCode}`);
  if (f.minority) out.push(sql<boolean>`${sql.ref('e.minority')} = ${bool(f.minority)}`);
  if (f.partyMember) out.push(sql<boolean>`${sql.ref('p.party_member')} = ${bool(f.partyMember)}`);
  if (f.theoryLevel) out.push(sql<boolean>`${sql.ref('p.theory_level')} = ${f.theoryLevel}`);
  // Aged at least n today ⇔ born on or before today n years ago; at most n ⇔ born after today n+1 years ago.
  if (f.ageMin !== undefined) out.push(sql<boolean>`${sql.ref('p.birth_date')} <= ${yearsBefore(today, f.ageMin)}`);
  if (f.ageMax !== undefined) out.push(sql<boolean>`${sql.ref('p.birth_date')} > ${yearsBefore(today, f.ageMax + 1)}`);
  return out;
}

/**
 * Sort keys per order, each a non-null expression ending in the id, so the order is total and the
 * same on both engines (NULLs sort differently on each, hence the coalesce), and so the export can
 * page by keyset on exactly these values.
 */
const SORT_KEYS: Record<PersonSort, RawBuilder<unknown>[]> = {
  name: [sql`p.sort_key`, sql`p.id`],
  birthDate: [sql`coalesce(p.birth_date, '9999-12-31')`, sql`p.sort_key`, sql`p.id`],
  unit: [sql`u.sort_key`, sql`u.id`, sql`p.sort_key`, sql`p.id`],
  updatedAt: [sql`p.updated_at`, sql`p.id`],
};

function filtered(tx: Tx, actor: Actor, f: ListFilter, today: string) {
  let query = visiblePeople(tx, actor, f.asOf, 'subtree');
  for (const c of filterConditions(f, today)) query = query.where(c);
  return query;
}

/**
 * How many people the list holds: `total`, exact unless `more` — a name search counts up to
 * `limit` matches and stops there (the count reads rows until it has found `limit` + 1, so a common
 * name over the whole country costs a fraction of the table, not all of it).
 */
export async function countPeople(
  tx: Tx,
  actor: Actor,
  f: ListFilter,
  today: string,
  limit?: number,
): Promise<{ total: number; more: boolean }> {
  // Every person has an ethnicity (a foreign key), so the join only matters for the minority filter;
  // without it the count reads the index alone.
  let query = tx.q
    .selectFrom('people as p')
    .$if(Boolean(f.minority), (qb) => qb.innerJoin('ethnicities as e', 'e.code', 'p.ethnicity_code'))
    .where((eb) => personVisible(eb, actor, 'p'));
  for (const c of filterConditions(f, today)) query = query.where(c);
  if (limit === undefined) {
    const row = await query.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
    return { total: Number(row.n), more: false };
  }
  // Read in name order, where the people bearing a common name are spread evenly: the first
  // `limit` + 1 come after a small part of the index. (In the order of the folded name itself they
  // all sit together, after every name before them in the alphabet.)
  const found = query
    .select(sql<number>`1`.as('one'))
    .orderBy(sql`p.sort_key`)
    .orderBy(sql`p.id`)
    .limit(limit + 1);
  const row = await tx.q
    .selectFrom(found.as('found'))
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  const n = Number(row.n);
  return n > limit ? { total: limit, more: true } : { total: n, more: false };
}

export async function findPeoplePage(
  tx: Tx,
  actor: Actor,
  f: ListFilter,
  sort: PersonSort,
  order: Order,
  page: { limit: number; offset: number },
  today: string,
): Promise<PersonRow[]> {
  const keys = SORT_KEYS[sort];
  // The page's ids first, then its rows ("deferred join"): the ids come from the index alone,
  // where selecting every column made PostgreSQL read every row in scope to return twenty.
  let ids = tx.q
    .selectFrom('people as p')
    .$if(Boolean(f.minority), (qb) => qb.innerJoin('ethnicities as e', 'e.code', 'p.ethnicity_code'))
    .$if(sort === 'unit', (qb) => qb.innerJoin('units as u', (join) => join.on('u.id', '=', unitOf(f.asOf))))
    .select('p.id')
    .where((eb) => personVisible(eb, actor, 'p'));
  for (const c of filterConditions(f, today)) ids = ids.where(c);
  for (const key of keys) ids = ids.orderBy(key, order);
  let query = visiblePeople(tx, actor, f.asOf).where('p.id', 'in', ids.limit(page.limit).offset(page.offset));
  for (const key of keys) query = query.orderBy(key, order);
  return query.execute();
}

/**
 * One batch of the export: the rows after `after` (the previous batch's last sort values) in the
 * list's order. Keyset paging keeps every batch as cheap as the first, however long the list.
 */
export async function findPeopleBatch(
  tx: Tx,
  actor: Actor,
  f: ListFilter,
  sort: PersonSort,
  order: Order,
  after: unknown[] | null,
  limit: number,
  today: string,
): Promise<{ rows: PersonRow[]; last: unknown[] | null }> {
  return readKeysetBatch(filtered(tx, actor, f, today), SORT_KEYS[sort], order, after, limit);
}

export async function findPerson(tx: Tx, actor: Actor, id: number): Promise<PersonRow | undefined> {
  return visiblePeople(tx, actor).where('p.id', '=', id).executeTakeFirst();
}

/** Titles held on `today` by each of these people, most senior first. */
export async function currentTitlesOf(
  tx: Tx,
  personIds: readonly VisiblePersonId[],
  today: string,
): Promise<Map<number, { title: Title; unitName: string }[]>> {
  const out = new Map<number, { title: Title; unitName: string }[]>();
  if (!personIds.length) return out;
  const rows = await tx.q
    .selectFrom('positions as t')
    .innerJoin('units as u', 'u.id', 't.unit_id')
    .select(['t.person_id', 't.title', 'u.name as unit_name'])
    .where('t.person_id', 'in', personIds)
    .where('t.start_date', '<=', today)
    .where((eb) => eb.or([eb('t.end_date', 'is', null), eb('t.end_date', '>=', today)]))
    .orderBy('t.start_date')
    .orderBy('t.id')
    .execute();
  const rank = (t: Title) => titles.indexOf(t);
  rows.sort((a, b) => rank(a.title) - rank(b.title));
  for (const r of rows) {
    const list = out.get(r.person_id) ?? [];
    list.push({ title: r.title, unitName: r.unit_name });
    out.set(r.person_id, list);
  }
  return out;
}

/**
 * People the actor can see with this name and birth date (both missing counts as the same). Found
 * by the folded name first, which is the full name's (people_name_birth, 0024), then the name as written.
 */
export async function findDuplicates(tx: Tx, actor: Actor, name: string, birthDate: string | null) {
  return tx.q
    .selectFrom('people as p')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .select(['p.id', 'p.full_name', 'p.birth_date', 'u.name as unit_name'])
    .where('p.search_text', '=', foldVietnamese(name))
    .where('p.full_name', '=', name)
    .where('p.birth_date', birthDate === null ? 'is' : '=', birthDate)
    .where((eb) => personVisible(eb, actor, 'p'))
    .orderBy('p.id')
    .limit(10)
    .execute();
}

/** National IDs are unique across the whole registry, not only the actor's units. */
export async function nationalIdTaken(tx: Tx, nationalId: string, exceptId: number | null): Promise<boolean> {
  let query = tx.q.selectFrom('people').select('id').where('national_id', '=', nationalId);
  if (exceptId !== null) query = query.where('id', '<>', exceptId);
  return (await query.limit(1).executeTakeFirst()) !== undefined;
}

export async function ethnicityExists(tx: Tx, code: string): Promise<boolean> {
  return (
    (await tx.q.selectFrom('ethnicities').select('code').where('code', '=', code).executeTakeFirst()) !== undefined
  );
}

export type PersonValues = Omit<PersonTable, 'id' | 'version' | 'created_at' | 'updated_at'>;

export async function insertPerson(tx: Tx, values: PersonValues, now: string): Promise<number> {
  const row = await tx.q
    .insertInto('people')
    .values({ ...values, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The person as the audit log keeps it (people.view.ts auditView), read as the actor sees the record. */
export async function auditedPerson(tx: Tx, actor: Actor, id: number) {
  const row = await findPerson(tx, actor, id);
  return row && auditView(row);
}

/** `auditedPerson` for many people at once (a bulk write's audit rows), by id; the unseen are absent. */
export async function auditedPeople(tx: Tx, actor: Actor, ids: readonly number[]) {
  const out = new Map<number, ReturnType<typeof auditView>>();
  for (const part of chunks(ids)) {
    for (const row of await visiblePeople(tx, actor).where('p.id', 'in', part).execute()) {
      out.set(row.id, auditView(row));
    }
  }
  return out;
}

/** maskedNationalId's answer in code, for a record written and not read back (a national ID has 9 or 12 digits). */
export function maskNationalId(id: string | null): string | null {
  return id === null ? null : `${id.slice(0, 1)}xx******${id.slice(-3)}`;
}

/**
 * `auditedPerson` of a person just inserted with `values`, built from them instead of read back: a
 * bulk write (an import of 100,000 cadres) would otherwise read every new row again.
 */
export function insertedAuditView(
  id: number,
  /** The keys made of the name are not in the view: a caller may leave them out. */
  values: Omit<PersonValues, 'sort_key' | 'search_text'>,
  names: { unit: string; ethnicity: string },
  now: string,
) {
  // Object.assign, not a spread into a literal with more keys: V8 copies those on a slow path
  // (~50 µs a person, measured), seconds for an import.
  const row = Object.assign({}, values, {
    id: id as VisiblePersonId,
    unit_name: names.unit,
    ethnicity_name: names.ethnicity,
    national_id_masked: maskNationalId(values.national_id ?? null),
    can_edit: 1,
    id_visible: 1,
    version: 1,
    updated_at: now,
  });
  return auditView(row);
}
