import { sql, type RawBuilder } from 'kysely';
import {
  levelOfUnitKind,
  type ClassLevel,
  type FigureGrouping,
  type FigureRowKind,
  type Organisation,
  type SchemeMetric,
  type StudyKind,
  type Title,
} from '@canbo/contract';
import type { Actor } from '../../auth/actor.ts';
import { unitInScope } from '../../auth/policy.ts';
import type { Tx } from '../../context.ts';
import { executeCounting } from '../../db/dialect.ts';
import { unitAt, unitNameOn } from '../moves/unitAt.repository.ts';
import { currentSpans, withinAtTheTime } from './spans.repository.ts';

/**
 * The counting engine: every figure a scheme's target (and later a report) shows, computed from
 * the records in ONE aggregate query per call, in the actor's read scope (inside the SQL).
 *
 * - classes: classes held (in progress, completed, closed) whose first day falls in the year;
 *   scope and unit filter on the organiser unit.
 *
 * The training metrics (classes, participations, people) read the unit filter AT THE TIME of the
 * class: a row counts for unit X when its unit was in X's subtree on the class's first day, or in
 * the subtree then of a unit whose records roll into X (`unit_spans`, spans.repository.ts). X must
 * be readable by the actor (today's closure); its figures are then X's extent at the time, rows now
 * outside the actor's scope included (a unit's records of its time there). Without a unit filter,
 * or for a unit the actor does not read, the actor's scope applies to each row.
 * - participations: seated trainees (nominated or confirmed) of those classes, credited to the
 *   unit they belonged to at the time (`enrolments.unit_id`), plus each headcount-only class's
 *   total, credited to its organiser (left out under a title filter: it names no one).
 * - people: distinct people among those trainees.
 * - title_training_share: people holding `title` on the year's last day (today for the current
 *   year, the period's end or today overall) whose title-training class (kind `title`, or the
 *   filter's kind) was completed no later than `withinMonths` after their appointment; a share in %.
 * - studies_started / studies_graduated: by start / graduation date, kinds filtered; credited to
 *   the cadre's unit on the study's start day (see `creditedStudies`).
 * - visit_days: grassroots days in the year, a trip across New Year split as stored on the trip;
 *   credited to the cadre's unit on the trip's first day, as stored on the trip (kept so by the
 *   moves, visits/credit.repository.ts), its level from that unit's kind.
 */

export interface FigureFilters {
  /** Training kind (class metrics; the title-training kind for the share, default `title`). */
  kindCode?: string | null;
  title?: Title | null;
  organiserLevel?: ClassLevel | null;
  /** Subtree root of the unit credited (see above). */
  unitId?: number | null;
  /** A second subtree the rows must also lie in (a per-unit cell within the target's subtree). */
  alsoWithin?: number | null;
  /** The organisation (Đoàn, Hội, Đội) of the unit credited. */
  organisation?: Organisation | null;
  studyKinds?: readonly StudyKind[] | null;
  withinMonths?: number | null;
  /** Only the classes / studies linked to this scheme. */
  schemeId?: number | null;
}

export interface FigureQuery {
  metric: SchemeMetric;
  fromYear: number;
  toYear: number;
  /**
   * A report's period inside the years (yyyy-mm-dd): narrows the dated metrics to those days; the
   * grassroots days to the trips begun by `to` (a trip's days are split by year only).
   */
  days?: { from: string; to: string };
  filters?: FigureFilters;
  /** Group by; none gives one row with key null. */
  by?: FigureGrouping | null;
  /** by 'unit': the units to group under (each row goes to every listed ancestor of its unit). */
  groupUnits?: readonly number[];
  /** Vietnam date of "today": the share counts holders on min(year end, today). */
  asOf: string;
}

export interface Figure {
  key: string | number | null;
  /** A count, days, or for the share metric the share in % (one decimal). */
  value: number;
  /** The share's counted people and holders; null for other metrics. */
  numerator: number | null;
  denominator: number | null;
}

export interface FigureRowData {
  kind: FigureRowKind;
  id: number;
  name: string;
  detail: string | null;
  unitId: number | null;
  unitName: string | null;
  date: string | null;
  year: number | null;
  value: number;
  counted: boolean;
  classId: number | null;
  personId: number | null;
  studyId: number | null;
  tripId: number | null;
}

/** The metrics of classes and their trainees, whose unit filter reads the units at the time. */
export const TRAINING: readonly SchemeMetric[] = ['classes', 'participations', 'people'];

/** Statuses of a class that has been held (or is being held). */
const HELD = sql`('in_progress', 'completed', 'closed')`;
/** Enrolments that hold a seat. */
const SEATED = sql`('nominated', 'confirmed')`;

/** A date column as `yyyy-mm-dd` text (a PostgreSQL `date` column, or SQLite's text already). */
const text = (column: RawBuilder<unknown>) => sql<string>`cast(${column} as text)`;
const yearOf = (column: RawBuilder<unknown>) => sql<number>`cast(substr(${text(column)}, 1, 4) as integer)`;
/** No grouping (the null key) is one row over everything. */
const NO_KEY = sql`null`;
const groupBy = (key: RawBuilder<unknown>) => (key === NO_KEY ? sql`` : sql`group by ${key}`);

/** The first and last day counted: the years', or the report's days within them. */
const firstDay = (q: FigureQuery) => q.days?.from ?? `${q.fromYear}-01-01`;
const lastDay = (q: FigureQuery) => q.days?.to ?? `${q.toYear}-12-31`;

const within = (column: RawBuilder<unknown>, root: number) =>
  sql<boolean>`${column} in (select descendant_id from unit_closure where ancestor_id = ${root})`;
const monthIndex = (column: RawBuilder<unknown>) =>
  sql<number>`(cast(substr(${text(column)}, 1, 4) as integer) * 12 + cast(substr(${text(column)}, 6, 2) as integer))`;

/** The level of a unit kind as SQL, from the contract's table. */
export function levelOfKind(column: RawBuilder<unknown>): RawBuilder<string> {
  const cases = Object.entries(levelOfUnitKind).map(([kind, level]) => sql`when ${kind} then ${level}`);
  return sql<string>`case ${column} ${sql.join(cases, sql` `)} end`;
}

function and(conditions: RawBuilder<unknown>[]): RawBuilder<boolean> {
  return conditions.length ? sql<boolean>`${sql.join(conditions, sql` and `)}` : sql<boolean>`1 = 1`;
}

/**
 * The unit filter and scope of a training row credited to `column` on `day` (see the notes above):
 * with a unit filter, the unit at the time, and the filter's unit in scope (else, as without a
 * filter, the row's unit in scope: a district reading its province's scheme sees its own rows).
 */
function trainingUnit(
  actor: Actor,
  column: RawBuilder<unknown>,
  day: RawBuilder<unknown>,
  f: FigureFilters,
): RawBuilder<unknown>[] {
  const out: RawBuilder<unknown>[] = [];
  if (f.unitId != null) out.push(withinAtTheTime(column, day, f.unitId));
  if (f.alsoWithin != null) out.push(withinAtTheTime(column, day, f.alsoWithin));
  out.push(...ofOrganisation(column, f));
  const rowInScope = unitInScope(actor, 'training.read', column);
  // A unit the actor cannot read (a province's scheme read by a district): its rows in the actor's scope.
  out.push(
    f.unitId != null ? sql`(${unitInScope(actor, 'training.read', sql`${f.unitId}`)} or ${rowInScope})` : rowInScope,
  );
  return out;
}

function unitConditions(column: RawBuilder<unknown>, f: FigureFilters): RawBuilder<unknown>[] {
  const out: RawBuilder<unknown>[] = [];
  if (f.unitId != null) out.push(within(column, f.unitId));
  if (f.alsoWithin != null) out.push(within(column, f.alsoWithin));
  out.push(...ofOrganisation(column, f));
  return out;
}

/** The organisation filter (Đoàn, Hội, Đội) on the unit a row is credited to. */
function ofOrganisation(column: RawBuilder<unknown>, f: FigureFilters): RawBuilder<unknown>[] {
  return f.organisation != null
    ? [sql`${column} in (select id from units where organisation = ${f.organisation})`]
    : [];
}

/** Conditions on a class `c` held in the years. */
function classConditions(q: FigureQuery, f: FigureFilters): RawBuilder<unknown>[] {
  const out: RawBuilder<unknown>[] = [
    sql`c.start_date between ${firstDay(q)} and ${lastDay(q)}`,
    sql`c.status in ${HELD}`,
  ];
  if (f.kindCode != null) out.push(sql`c.kind_code = ${f.kindCode}`);
  if (f.organiserLevel != null) out.push(sql`c.level = ${f.organiserLevel}`);
  if (f.schemeId != null) {
    out.push(sql`exists (select 1 from scheme_classes sc where sc.class_id = c.id and sc.scheme_id = ${f.schemeId})`);
  }
  return out;
}

/**
 * Studies with the unit they are credited to: the cadre's unit on the study's START day (from the
 * moves), for both the studies started and the studies graduated. The unit that sent the cadre is
 * the one that chose, planned and usually paid for the study, and whose scheme counts it; crediting
 * the graduation to wherever the cadre sits on the graduation day would move one study between two
 * units' figures, and to a unit that had no part in it. Computed when counted (studies store no
 * unit); a change of the moves counts in the cache's 'people' domain (migration 0020).
 */
const creditedStudies = sql`select s.id, s.person_id, s.kind, s.status, s.start_date, s.end_date, s.institution,
    ${unitAt(sql.ref('s.person_id'), sql.ref('s.start_date'), sql.ref('p.unit_id'))} as unit_id
  from studies s join people p on p.id = s.person_id`;

/**
 * The fact rows of a metric (not the share): year, level, kind, credited unit, value, person and
 * the row's identity; with `detailed`, the names a drill-down row shows.
 */
function facts(actor: Actor, q: FigureQuery, detailed: boolean): RawBuilder<unknown> {
  const f = q.filters ?? {};
  const linked = f.schemeId != null;
  switch (q.metric) {
    case 'classes': {
      const where: RawBuilder<unknown>[] = [
        ...classConditions(q, f),
        ...trainingUnit(actor, sql.ref('c.organiser_unit_id'), sql.ref('c.start_date'), f),
      ];
      if (f.title != null) where.push(sql`c.target_titles like ${`%"${f.title}"%`}`);
      const names = detailed
        ? sql`, 'class' as rkind, c.name as rname, u.name as rdetail, u.name as runit_name, cast(c.start_date as text) as rdate,
              c.id as class_id, null as person_id, null as study_id, null as trip_id`
        : sql``;
      const join = detailed ? sql`join units u on u.id = c.organiser_unit_id` : sql``;
      return sql`select ${yearOf(sql.ref('c.start_date'))} as yr, c.level as lvl, c.kind_code as knd,
          c.organiser_unit_id as unit_id, c.start_date as dy, 1 as val, null as pid, c.id as rid ${names}
        from training_classes c ${join} where ${and(where)}`;
    }
    case 'participations':
    case 'people': {
      const seated: RawBuilder<unknown>[] = [
        ...classConditions(q, f),
        sql`e.status in ${SEATED}`,
        ...trainingUnit(actor, sql.ref('e.unit_id'), sql.ref('c.start_date'), f),
      ];
      if (f.title != null) seated.push(sql`e.title = ${f.title}`);
      const names = detailed
        ? sql`, 'enrolment' as rkind, p.full_name as rname, c.name as rdetail, e.unit_name as runit_name,
              cast(c.start_date as text) as rdate, c.id as class_id, e.person_id as person_id, null as study_id, null as trip_id`
        : sql``;
      const join = detailed ? sql`join people p on p.id = e.person_id` : sql``;
      const trainees = sql`select ${yearOf(sql.ref('c.start_date'))} as yr, c.level as lvl, c.kind_code as knd,
          e.unit_id as unit_id, c.start_date as dy, 1 as val, e.person_id as pid, e.id as rid ${names}
        from enrolments e join training_classes c on c.id = e.class_id ${join} where ${and(seated)}`;
      if (q.metric === 'people' || f.title != null) return trainees;
      const headcount = [
        ...classConditions(q, f),
        sql`c.headcount_total is not null`,
        ...trainingUnit(actor, sql.ref('c.organiser_unit_id'), sql.ref('c.start_date'), f),
      ];
      const hnames = detailed
        ? sql`, 'class' as rkind, c.name as rname, u.name as rdetail, u.name as runit_name, cast(c.start_date as text) as rdate,
              c.id as class_id, null as person_id, null as study_id, null as trip_id`
        : sql``;
      const hjoin = detailed ? sql`join units u on u.id = c.organiser_unit_id` : sql``;
      return sql`${trainees} union all
        select ${yearOf(sql.ref('c.start_date'))} as yr, c.level as lvl, c.kind_code as knd,
          c.organiser_unit_id as unit_id, c.start_date as dy, c.headcount_total as val, null as pid, c.id as rid ${hnames}
        from training_classes c ${hjoin} where ${and(headcount)}`;
    }
    case 'studies_started':
    case 'studies_graduated': {
      const date = q.metric === 'studies_started' ? sql.ref('s.start_date') : sql.ref('s.end_date');
      const where: RawBuilder<unknown>[] = [
        sql`${date} between ${firstDay(q)} and ${lastDay(q)}`,
        ...unitConditions(sql.ref('s.unit_id'), f),
        unitInScope(actor, 'person.read', sql.ref('s.unit_id')),
      ];
      if (q.metric === 'studies_graduated') where.push(sql`s.status = 'graduated'`);
      if (f.studyKinds?.length) where.push(sql`s.kind in (${sql.join([...f.studyKinds])})`);
      if (linked) {
        where.push(
          sql`exists (select 1 from scheme_studies ss where ss.study_id = s.id and ss.scheme_id = ${f.schemeId})`,
        );
      }
      const names = detailed
        ? sql`, 'study' as rkind, p.full_name as rname, s.institution as rdetail,
              ${unitNameOn(sql.ref('s.unit_id'), sql.ref('s.start_date'))} as runit_name,
              ${date} as rdate, null as class_id, s.person_id as person_id, s.id as study_id, null as trip_id`
        : sql``;
      const join = detailed ? sql`join people p on p.id = s.person_id` : sql``;
      return sql`select ${yearOf(date)} as yr, null as lvl, s.kind as knd, s.unit_id as unit_id, 1 as val,
          s.person_id as pid, s.id as rid ${names}
        from (${creditedStudies}) s ${join} where ${and(where)}`;
    }
    case 'visit_days': {
      const common: RawBuilder<unknown>[] = [
        ...unitConditions(sql.ref('t.person_unit_id'), f),
        unitInScope(actor, 'person.read', sql.ref('t.person_unit_id')),
      ];
      if (q.days) common.push(sql`t.start_date <= ${q.days.to}`);
      if (f.organiserLevel != null) {
        const kinds = Object.entries(levelOfUnitKind)
          .filter(([, level]) => level === f.organiserLevel)
          .map(([kind]) => kind);
        common.push(sql`t.person_unit_kind in (${sql.join(kinds)})`);
      }
      const names = (day: RawBuilder<unknown>) =>
        detailed
          ? sql`, 'trip' as rkind, p.full_name as rname, h.name as rdetail, u.name as runit_name, ${day} as rdate,
              null as class_id, t.person_id as person_id, null as study_id, t.id as trip_id`
          : sql``;
      const join = detailed
        ? sql`join people p on p.id = t.person_id join units u on u.id = t.person_unit_id
              join units h on h.id = t.host_unit_id`
        : sql``;
      const part = (
        year: RawBuilder<unknown>,
        days: RawBuilder<unknown>,
        day: RawBuilder<unknown>,
        extra: RawBuilder<unknown>[],
      ) =>
        sql`select ${year} as yr, ${levelOfKind(sql.ref('t.person_unit_kind'))} as lvl, null as knd,
            t.person_unit_id as unit_id, ${days} as val, t.person_id as pid, t.id as rid ${names(day)}
          from visit_trips t ${join} where ${and([...extra, ...common])}`;
      const first = part(sql.ref('t.start_year'), sql.ref('t.start_year_days'), sql.ref('t.start_date'), [
        sql`t.start_year between ${q.fromYear} and ${q.toYear}`,
        sql`t.start_year_days > 0`,
      ]);
      const second = part(sql.ref('t.end_year'), sql`t.days - t.start_year_days`, sql.ref('t.start_date'), [
        sql`t.end_year between ${q.fromYear} and ${q.toYear}`,
        sql`t.end_year > t.start_year`,
        sql`t.days > t.start_year_days`,
      ]);
      return sql`${first} union all ${second}`;
    }
    case 'title_training_share':
      throw new Error('the share is counted by shareQuery');
  }
}

/** What a group's value is over its fact rows. */
function aggregate(metric: SchemeMetric): RawBuilder<number> {
  if (metric === 'people') return sql<number>`count(distinct f.pid)`;
  if (metric === 'classes' || metric === 'studies_started' || metric === 'studies_graduated') {
    return sql<number>`count(*)`;
  }
  return sql<number>`coalesce(sum(f.val), 0)`;
}

/** The group key over the fact rows `f`, and the join a unit grouping needs. */
function grouping(
  q: FigureQuery,
  unitColumn: RawBuilder<unknown>,
): { key: RawBuilder<unknown>; join: RawBuilder<unknown> } {
  switch (q.by ?? null) {
    case 'year':
      return { key: sql`f.yr`, join: sql`` };
    case 'organiserLevel':
      return { key: sql`f.lvl`, join: sql`` };
    case 'kind':
      return { key: sql`f.knd`, join: sql`` };
    case 'organisation':
      // The organisation of the unit credited: the trainee's unit at the time, the organiser for a class.
      return { key: sql`o.organisation`, join: sql`join units o on o.id = ${unitColumn}` };
    case 'unit': {
      const units = q.groupUnits?.length ? [...q.groupUnits] : null;
      const roots = units
        ? sql`g.ancestor_id in (${sql.join(units)})`
        : q.filters?.unitId != null
          ? sql`g.ancestor_id in (select descendant_id from unit_closure where ancestor_id = ${q.filters.unitId} and depth = 1)`
          : sql`1 = 0`;
      // Training rows go to the units they counted for on the class's first day (`dy`).
      const join = TRAINING.includes(q.metric)
        ? sql`join unit_spans g on g.descendant_id = ${unitColumn} and g.valid_from <= f.dy and g.valid_to > f.dy and ${roots}`
        : sql`join unit_closure g on g.descendant_id = ${unitColumn} and ${roots}`;
      return { key: sql`g.ancestor_id`, join };
    }
    default:
      return { key: NO_KEY, join: sql`` };
  }
}

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const share = (n: number, d: number): number => (d === 0 ? 0 : Math.round((n * 1000) / d) / 10);

/** The years (and the day on which holders are counted) the share is asked for. */
function shareDays(q: FigureQuery, byYear: boolean): { key: number | null; day: string }[] {
  const asOfYear = Number(q.asOf.slice(0, 4));
  const dayOf = (year: number) => (`${year}-12-31` < q.asOf ? `${year}-12-31` : q.asOf);
  if (!byYear) return q.fromYear > asOfYear ? [] : [{ key: null, day: dayOf(q.toYear) }];
  const out: { key: number; day: string }[] = [];
  for (let y = q.fromYear; y <= Math.min(q.toYear, asOfYear); y++) out.push({ key: y, day: dayOf(y) });
  return out;
}

/** The training kind of a title training (bồi dưỡng chức danh), unless a figure's filter names another. */
export const TITLE_TRAINING_KIND = 'title';

/**
 * Each person of `persons` (a one-column select of person ids) with their EARLIEST completed title
 * training: `pid`, `done` (the class's last day, `yyyy-mm-dd`) — a held class of the kind, a seat,
 * outcome completed. The share figure and the standards' gap list both read it.
 */
export function firstTitleTrainings(
  persons: RawBuilder<unknown>,
  kind: string = TITLE_TRAINING_KIND,
): RawBuilder<unknown> {
  return sql`select e.person_id as pid, ${text(sql`min(c.end_date)`)} as done
    from training_classes c join enrolments e on e.class_id = c.id
    where c.kind_code = ${kind} and c.status in ${HELD} and e.status in ${SEATED}
      and coalesce(e.outcome_override, e.rule_outcome) = 'completed'
      and e.person_id in (${persons})
    group by e.person_id`;
}

/**
 * THE title-training rule: a training completed on `done` (text, null for none) counts for an
 * appointment on `started`, seen on `day`, when it was completed by the day and no later than
 * `months` after the appointment (the same day of the month or earlier). As the completion is an
 * upper bound in both, the earliest one (`firstTitleTrainings`) decides.
 */
export function trainedInTime(
  done: RawBuilder<unknown>,
  started: RawBuilder<unknown>,
  day: RawBuilder<unknown>,
  months: number,
): RawBuilder<boolean> {
  const apart = sql`(${monthIndex(done)} - ${monthIndex(started)})`;
  return sql<boolean>`${done} <= ${day} and (${apart} < ${months}
    or (${apart} = ${months} and substr(${done}, 9, 2) <= substr(${text(started)}, 9, 2)))`;
}

/**
 * Holders of the title on each day with whether they are counted (one row per day and person).
 *
 * A holder is counted when some completed title training ended by the day and no later than
 * `months` after an appointment. Both are upper bounds on the end date, so it is enough to look
 * at the holder's EARLIEST completion: found once per person in one pass over the title-kind
 * classes' completed enrolments (only the holders'), then joined to the holders, instead of a
 * correlated look-up per holder per day.
 */
function holders(actor: Actor, q: FigureQuery, days: { key: number | null; day: string }[]): RawBuilder<unknown> {
  const f = q.filters ?? {};
  const months = f.withinMonths ?? 12;
  const kind = f.kindCode ?? TITLE_TRAINING_KIND;
  const values = sql.join(days.map((d) => sql`(cast(${d.key ?? 0} as integer), cast(${d.day} as text))`));
  const where: RawBuilder<unknown>[] = [
    sql`pos.title = ${f.title ?? ''}`,
    sql`${text(sql.ref('pos.start_date'))} <= ys.d`,
    sql`(pos.end_date is null or ${text(sql.ref('pos.end_date'))} >= ys.d)`,
    ...unitConditions(sql.ref('pos.unit_id'), f),
    unitInScope(actor, 'person.read', sql.ref('pos.unit_id')),
  ];
  const first = firstTitleTrainings(sql`select h.pid from held h`, kind);
  const trained = trainedInTime(sql.ref('t.done'), sql.ref('h.started'), sql.ref('h.d'), months);
  return sql`with ys(yr, d) as (values ${values}),
    held as (select ys.yr as yr, ys.d as d, pos.person_id as pid, pos.start_date as started, pos.unit_id as unit_id
      from ys join positions pos on ${and(where)}),
    firsts as (${first})
    select h.yr as yr, h.pid as pid, max(case when ${trained} then 1 else 0 end) as ok,
      cast(min(h.started) as text) as appointed, min(h.unit_id) as unit_id
    from held h left join firsts t on t.pid = h.pid
    group by h.yr, h.pid`;
}

/** A figure's query as SQL, and how its rows become figures. */
export interface FigureSql {
  query: RawBuilder<unknown>;
  read: (rows: Record<string, unknown>[]) => Figure[];
}

/**
 * A metric over the years, grouped, as one aggregate query: `[{ key, value }]` (one row, key null,
 * when not grouped). Groups with nothing in them are absent. `countFigures` (figures.cache.repository.ts) runs it.
 */
export function figureSql(actor: Actor, q: FigureQuery): FigureSql {
  if (q.metric === 'title_training_share') {
    const byYear = q.by === 'year';
    const days = shareDays(q, byYear);
    if (!days.length) return { query: sql`select 1 as key, 0 as n, 0 as d where 1 = 0`, read: () => [] };
    const g = q.by === 'unit' ? grouping(q, sql.ref('f.unit_id')) : { key: byYear ? sql`f.yr` : NO_KEY, join: sql`` };
    return {
      query: sql`select ${g.key} as key, sum(f.ok) as n, count(*) as d
        from (${holders(actor, q, days)}) f ${g.join} ${groupBy(g.key)}`,
      read: (rows) =>
        rows.map((r) => {
          const n = num(r.n);
          const d = num(r.d);
          return { key: normaliseKey(r.key as Key, q.by), value: share(n, d), numerator: n, denominator: d };
        }),
    };
  }
  const g = grouping(q, sql.ref('f.unit_id'));
  // Distinct people: a distinct (key, person) set counted per key, which PostgreSQL can hash
  // (count(distinct …) always sorts).
  const query =
    q.metric === 'people'
      ? g.key === NO_KEY
        ? sql`select null as key, count(*) as value from (select distinct f.pid from (${facts(actor, q, false)}) f) d`
        : sql`select d.k as key, count(*) as value
            from (select distinct ${g.key} as k, f.pid from (${facts(actor, q, false)}) f ${g.join}) d group by d.k`
      : sql`select ${g.key} as key, ${aggregate(q.metric)} as value
          from (${facts(actor, q, false)}) f ${g.join} ${groupBy(g.key)}`;
  return {
    query,
    read: (rows) =>
      rows.map((r) => ({
        key: normaliseKey(r.key as Key, q.by),
        value: num(r.value),
        numerator: null,
        denominator: null,
      })),
  };
}

/** Counts a figure from the records, now (no cache): what the cache keeps, and what tests compare it with. */
export async function countFiguresLive(tx: Tx, actor: Actor, q: FigureQuery): Promise<Figure[]> {
  await currentSpans(tx);
  const { query, read } = figureSql(actor, q);
  const { rows } = await executeCounting<Record<string, unknown>>(tx, query.compile(tx.q));
  return read(rows);
}

type Key = string | number | null;

function normaliseKey(key: string | number | null, by: FigureGrouping | null | undefined): string | number | null {
  if (key === null || key === undefined) return null;
  return by === 'year' || by === 'unit' ? Number(key) : String(key);
}

interface RawRow {
  rkind: FigureRowKind;
  rid: unknown;
  rname: string;
  rdetail: string | null;
  unit_id: unknown;
  runit_name: string | null;
  rdate: string | null;
  yr: unknown;
  val: unknown;
  ok: unknown;
  class_id: unknown;
  person_id: unknown;
  study_id: unknown;
  trip_id: unknown;
}

const idOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** The drill-down rows of a figure as SQL: one row per class, trainee, person, study or trip. */
function rowsQuery(actor: Actor, q: FigureQuery): RawBuilder<RawRow> {
  if (q.metric === 'title_training_share') {
    const days = shareDays(q, false);
    const none = days.length === 0;
    return sql<RawRow>`select 'person' as rkind, f.pid as rid, p.full_name as rname, null as rdetail,
        f.unit_id as unit_id, u.name as runit_name, f.appointed as rdate, null as yr, f.ok as val, f.ok as ok,
        null as class_id, f.pid as person_id, null as study_id, null as trip_id, p.sort_key as sk
      from (${none ? sql`select 0 as yr, 0 as pid, 0 as ok, '' as appointed, 0 as unit_id where 1 = 0` : holders(actor, q, days)}) f
      join people p on p.id = f.pid join units u on u.id = f.unit_id`;
  }
  const inner = facts(actor, q, true);
  if (q.metric === 'people') {
    return sql<RawRow>`select 'person' as rkind, f.pid as rid, p.full_name as rname,
        cast(count(*) as text) as rdetail, p.unit_id as unit_id, u.name as runit_name, min(f.rdate) as rdate,
        null as yr, 1 as val, 1 as ok, null as class_id, f.pid as person_id, null as study_id, null as trip_id,
        p.sort_key as sk
      from (${inner}) f join people p on p.id = f.pid join units u on u.id = p.unit_id
      group by f.pid, p.full_name, p.unit_id, u.name, p.sort_key`;
  }
  if (q.metric === 'visit_days') {
    return sql<RawRow>`select 'trip' as rkind, f.rid as rid, min(f.rname) as rname, min(f.rdetail) as rdetail,
        min(f.unit_id) as unit_id, min(f.runit_name) as runit_name, min(f.rdate) as rdate,
        case when min(f.yr) = max(f.yr) then min(f.yr) else null end as yr,
        sum(f.val) as val, 1 as ok, null as class_id, min(f.person_id) as person_id, null as study_id,
        f.rid as trip_id, '' as sk
      from (${inner}) f group by f.rid`;
  }
  return sql<RawRow>`select f.rkind, f.rid, f.rname, f.rdetail, f.unit_id, f.runit_name, f.rdate, f.yr, f.val,
      1 as ok, f.class_id, f.person_id, f.study_id, f.trip_id, '' as sk
    from (${inner}) f`;
}

/**
 * The rows behind a figure (the same filters give the same figure): paged, newest first then by
 * name; `total` rows in all.
 */
export async function figureRows(
  tx: Tx,
  actor: Actor,
  q: FigureQuery,
  page: { limit: number; offset: number },
): Promise<{ rows: FigureRowData[]; total: number }> {
  await currentSpans(tx);
  const [rows, total] = await Promise.all([figureRowsWindow(tx, actor, q, page), countFigureRows(tx, actor, q)]);
  return { rows, total };
}

/** How many rows are behind a figure. */
export async function countFigureRows(tx: Tx, actor: Actor, q: FigureQuery): Promise<number> {
  await currentSpans(tx);
  const count = await sql<{ n: unknown }>`select count(*) as n from (${rowsQuery(actor, q)}) r`.execute(tx.q);
  return num(count.rows[0]?.n);
}

/** A window of the rows behind a figure, in `figureRows`' order, without counting them (an export's batches). */
export async function figureRowsWindow(
  tx: Tx,
  actor: Actor,
  q: FigureQuery,
  page: { limit: number; offset: number },
): Promise<FigureRowData[]> {
  await currentSpans(tx);
  const list = await sql<RawRow>`select * from (${rowsQuery(actor, q)}) r
      order by r.rdate desc, r.sk, r.rkind, r.rid limit ${page.limit} offset ${page.offset}`.execute(tx.q);
  return list.rows.map((r) => ({
    kind: r.rkind,
    id: Number(r.rid),
    name: r.rname,
    detail: q.metric === 'people' ? `${r.rdetail ?? 0} lớp` : r.rdetail,
    unitId: idOrNull(r.unit_id),
    unitName: r.runit_name,
    date: r.rdate,
    year: idOrNull(r.yr),
    value: num(r.val),
    counted: num(r.ok) === 1,
    classId: idOrNull(r.class_id),
    personId: idOrNull(r.person_id),
    studyId: idOrNull(r.study_id),
    tripId: idOrNull(r.trip_id),
  }));
}
