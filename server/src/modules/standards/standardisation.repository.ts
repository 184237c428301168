import {
  qualifications,
  theoryLevels,
  titles,
  type Qualification,
  type StandardLevel,
  type TheoryLevel,
  type Title,
} from '@canbo/contract';
import { sql, type RawBuilder } from 'kysely';
import type { Actor } from '../../auth/actor.ts';
import { unitInScope } from '../../auth/policy.ts';
import type { Tx } from '../../context.ts';
import { firstTitleTrainings, levelOfKind, trainedInTime } from '../figures/figures.repository.ts';
import { unitAt, unitNameOn } from '../moves/unitAt.repository.ts';

/** The question both lists answer: positions held on `at`, in the actor's read scope, under a unit. */
export interface HoldersQuery {
  unitId: number | null;
  at: string;
  title: Title | null;
  sort: 'person' | 'unit' | 'title' | 'startDate';
  order: 'asc' | 'desc';
}

const text = (v: RawBuilder<unknown>) => sql<string>`cast(${v} as text)`;
/** Whole years from `birth` to `day` (both `yyyy-mm-dd` text): the birthday counts on its day. */
const ageOn = (birth: RawBuilder<unknown>, day: RawBuilder<unknown>) =>
  sql<number>`(cast(substr(${day}, 1, 4) as integer) - cast(substr(${birth}, 1, 4) as integer)
    - case when substr(${day}, 6, 5) < substr(${birth}, 6, 5) then 1 else 0 end)`;
/** A value's place in an ordered list (null for null): ranks compare levels. */
const rank = (column: RawBuilder<unknown>, values: readonly string[]) =>
  sql<number>`case ${column} ${sql.join(
    values.map((v, i) => sql`when ${sql.lit(v)} then ${sql.lit(i)}`),
    sql` `,
  )} end`;

/**
 * Each position held on the day, with its holder, the holder's unit ON THAT DAY (through the moves:
 * a cadre who moved since is counted where they were), and the level of the position's unit — the
 * level a standard is set for. Scope and the unit filter are on the unit of the day.
 */
function held(actor: Actor, q: HoldersQuery): RawBuilder<unknown> {
  const at = sql<string>`cast(${q.at} as text)`;
  const where: RawBuilder<unknown>[] = [
    sql`${text(sql.ref('pos.start_date'))} <= ${at}`,
    sql`(pos.end_date is null or ${text(sql.ref('pos.end_date'))} >= ${at})`,
  ];
  if (q.title) where.push(sql`pos.title = ${q.title}`);
  const inner = sql`select pos.id as position_id, pos.person_id as pid, pos.title as title,
      ${text(sql.ref('pos.start_date'))} as started, ${levelOfKind(sql.ref('pu.kind'))} as level,
      ${unitAt(sql.ref('p.id'), at, sql.ref('p.unit_id'))} as unit_id
    from positions pos join people p on p.id = pos.person_id join units pu on pu.id = pos.unit_id
    where ${sql.join(where, sql` and `)}`;
  const outer: RawBuilder<unknown>[] = [unitInScope(actor, 'person.read', sql.ref('hu.unit_id'))];
  if (q.unitId !== null) {
    outer.push(sql`hu.unit_id in (select descendant_id from unit_closure where ancestor_id = ${q.unitId})`);
  }
  return sql`select hu.* from (${inner}) hu where ${sql.join(outer, sql` and `)}`;
}

/** The unit of the day's Vietnamese sort key (a byte-wise column on both engines), for the unit order. */
const unitSort = sql`(select us.sort_key from units us where us.id = h.unit_id)`;

/** The list's total order: the chosen key, then the Vietnamese name order, then the position. */
function orderBy(q: HoldersQuery): RawBuilder<unknown> {
  const dir = sql.raw(q.order === 'desc' ? 'desc' : 'asc');
  const first =
    q.sort === 'unit'
      ? [sql`r.unit_sort ${dir}`]
      : q.sort === 'title'
        ? [sql`${rank(sql.ref('r.title'), titles)} ${dir}`]
        : q.sort === 'startDate'
          ? [sql`r.start_date ${dir}`]
          : [];
  return sql.join([...first, sql`r.sort_key ${dir}`, sql`r.position_id ${dir}`]);
}

async function pageOf<R>(
  tx: Tx,
  rows: RawBuilder<unknown>,
  q: HoldersQuery,
  page: { limit: number; offset: number },
): Promise<{ rows: R[]; total: number }> {
  const count = await sql<{ n: number | string }>`select count(*) as n from (${rows}) r`.execute(tx.q);
  const total = Number(count.rows[0]?.n ?? 0);
  if (!total) return { rows: [], total };
  const result = await sql<R>`select r.* from (${rows}) r order by ${orderBy(q)}
    limit ${page.limit} offset ${page.offset}`.execute(tx.q);
  return { rows: result.rows, total };
}

export interface StandardisationSqlRow {
  position_id: number;
  person_id: number;
  full_name: string;
  birth_date: string | null;
  hardship_area: number;
  unit_id: number;
  unit_name: string;
  title: Title;
  level: StandardLevel;
  start_date: string;
  qualification: Qualification;
  theory_level: TheoryLevel;
  age_first: number | null;
  age_now: number | null;
  limit_first: number | null;
  limit_now: number | null;
  min_qualification: Qualification | null;
  min_theory_level: TheoryLevel | null;
}

/**
 * Holders on the day who miss some requirement of their title's standard at their unit's level:
 * age at the appointment (the position's start) over the limit, age on the day over the limit (for a
 * cadre in a hardship area the hardship limit where one is set), qualification or political theory
 * below the minimum. A cell left empty asks nothing; an unknown birth date is not judged on age.
 */
function standardisationRows(actor: Actor, q: HoldersQuery): RawBuilder<unknown> {
  const at = sql<string>`cast(${q.at} as text)`;
  const birth = text(sql.ref('p.birth_date'));
  const hardship = (column: string, ordinary: string) =>
    sql<number>`coalesce(case when p.hardship_area = 1 then ${sql.ref(column)} end, ${sql.ref(ordinary)})`;
  const below = (value: string, minimum: string, values: readonly string[]) =>
    sql`${rank(sql.ref(value), values)} < ${rank(sql.ref(minimum), values)}`;
  return sql`select x.* from (
      select h.position_id as position_id, p.id as person_id, p.full_name as full_name, p.sort_key as sort_key,
        ${birth} as birth_date, p.hardship_area as hardship_area, h.unit_id as unit_id,
        ${unitNameOn(sql.ref('h.unit_id'), at)} as unit_name, ${unitSort} as unit_sort, h.title as title, h.level as level,
        h.started as start_date, h.started as started, p.qualification as qualification, p.theory_level as theory_level,
        ${ageOn(birth, sql.ref('h.started'))} as age_first, ${ageOn(birth, at)} as age_now,
        ${hardship('s.hardship_max_age_first', 's.max_age_first')} as limit_first,
        ${hardship('s.hardship_max_age_in_post', 's.max_age_in_post')} as limit_now,
        s.min_qualification as min_qualification, s.min_theory_level as min_theory_level,
        case when ${below('p.qualification', 's.min_qualification', qualifications)}
          or ${below('p.theory_level', 's.min_theory_level', theoryLevels)} then 1 else 0 end as low
      from (${held(actor, q)}) h
      join title_standards s on s.title = h.title and s.level = h.level
      join people p on p.id = h.pid
    ) x
    where x.age_first > x.limit_first or x.age_now > x.limit_now or x.low = 1`;
}

export function findStandardisation(
  tx: Tx,
  actor: Actor,
  q: HoldersQuery,
  page: { limit: number; offset: number },
): Promise<{ rows: StandardisationSqlRow[]; total: number }> {
  return pageOf<StandardisationSqlRow>(tx, standardisationRows(actor, q), q, page);
}

export interface GapSqlRow {
  position_id: number;
  person_id: number;
  full_name: string;
  unit_id: number;
  unit_name: string;
  title: Title;
  start_date: string;
  trained_on: string | null;
}

/**
 * Holders on the day not trained for their title by the rule of the title-training share figure
 * (`trainedInTime` over the holder's earliest completed title training): never, or later than
 * `months` after this appointment, or not yet by the day.
 */
function gapRows(actor: Actor, q: HoldersQuery, months: number): RawBuilder<unknown> {
  const at = sql<string>`cast(${q.at} as text)`;
  const trained = trainedInTime(sql.ref('t.done'), sql.ref('h.started'), at, months);
  return sql`with hh as (${held(actor, q)}), firsts as (${firstTitleTrainings(sql`select hp.pid from hh hp`)})
    select h.position_id as position_id, p.id as person_id, p.full_name as full_name, p.sort_key as sort_key,
      h.unit_id as unit_id, ${unitNameOn(sql.ref('h.unit_id'), at)} as unit_name, ${unitSort} as unit_sort, h.title as title,
      h.started as start_date, t.done as trained_on
    from hh h join people p on p.id = h.pid left join firsts t on t.pid = h.pid
    where (case when ${trained} then 1 else 0 end) = 0`;
}

export function findGaps(
  tx: Tx,
  actor: Actor,
  q: HoldersQuery,
  months: number,
  page: { limit: number; offset: number },
): Promise<{ rows: GapSqlRow[]; total: number }> {
  return pageOf<GapSqlRow>(tx, gapRows(actor, q, months), q, page);
}
