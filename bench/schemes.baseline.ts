import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { ClassLevel, SchemeMetric, StudyKind, Title } from '@canbo/contract';
import type { Database } from '../server/src/db/schema.ts';

/**
 * What a person would write by hand for a scheme's progress: for each target, its figure per year
 * of the period and overall (and per unit when the target has per-unit values), straight SQL on
 * the same tables with the same rules as the counting engine (server/src/modules/figures) — the
 * subtree through the closure table, no query builder, no statuses, no mapping. The reader of the
 * bench is a viewer of the issuing unit, so the subtree is also the read scope.
 */
export interface BaselineTarget {
  metric: SchemeMetric;
  /** Subtree root; the issuing unit when null. */
  unitId: number | null;
  kindCode: string | null;
  organiserLevel: ClassLevel | null;
  title: Title | null;
  studyKinds: StudyKind[] | null;
  withinMonths: number | null;
  /** Units with a per-unit value. */
  units: number[];
}

export interface BaselineFigure {
  value: number;
  numerator: number | null;
  denominator: number | null;
}

export interface BaselineProgress {
  overall: BaselineFigure;
  years: Map<number, BaselineFigure>;
  units: Map<number, BaselineFigure>;
}

const HELD = sql`('in_progress', 'completed', 'closed')`;
const SEATED = sql`('nominated', 'confirmed')`;

const plain = (value: unknown): BaselineFigure => ({
  value: value === null || value === undefined ? 0 : Number(value),
  numerator: null,
  denominator: null,
});

/**
 * The subtree as a join on the closure table: the planner may start from the subtree's units (a
 * district: a few units, their rows by index) or from the rows (the whole nation) and probe.
 */
function under(column: string, root: number): RawBuilder<unknown> {
  return sql`join unit_closure uc on uc.descendant_id = ${sql.ref(column)} and uc.ancestor_id = ${root}`;
}

/** One query per figure kind: rows (y, v) by year; `root` narrows to a subtree (per-unit values). */
function byYear(t: BaselineTarget, root: number, from: number, to: number): RawBuilder<{ y: unknown; v: unknown }> {
  const range = sql`between ${`${from}-01-01`} and ${`${to}-12-31`}`;
  const kind = t.kindCode ? sql`and c.kind_code = ${t.kindCode}` : sql``;
  const level = t.organiserLevel ? sql`and c.level = ${t.organiserLevel}` : sql``;
  const kinds = t.studyKinds?.length ? sql`and s.kind in (${sql.join(t.studyKinds)})` : sql``;
  switch (t.metric) {
    case 'classes':
      return sql`select substr(cast(c.start_date as text), 1, 4) as y, count(*) as v from training_classes c ${under('c.organiser_unit_id', root)}
        where c.start_date ${range} and c.status in ${HELD} ${kind} ${level}
        group by substr(cast(c.start_date as text), 1, 4)`;
    case 'participations':
      return sql`select y, sum(v) as v from (
          select substr(cast(c.start_date as text), 1, 4) as y, count(*) as v
            from enrolments e join training_classes c on c.id = e.class_id ${under('e.unit_id', root)}
           where c.start_date ${range} and c.status in ${HELD} ${kind} ${level} and e.status in ${SEATED}
           group by substr(cast(c.start_date as text), 1, 4)
          union all
          select substr(cast(c.start_date as text), 1, 4) as y, sum(c.headcount_total) as v
            from training_classes c ${under('c.organiser_unit_id', root)}
           where c.start_date ${range} and c.status in ${HELD} ${kind} ${level} and c.headcount_total is not null
           group by substr(cast(c.start_date as text), 1, 4)) x
        group by y`;
    case 'people':
      return sql`select substr(cast(c.start_date as text), 1, 4) as y, count(distinct e.person_id) as v
          from enrolments e join training_classes c on c.id = e.class_id ${under('e.unit_id', root)}
         where c.start_date ${range} and c.status in ${HELD} ${kind} ${level} and e.status in ${SEATED}
         group by substr(cast(c.start_date as text), 1, 4)`;
    case 'studies_started':
      return sql`select substr(cast(s.start_date as text), 1, 4) as y, count(*) as v
          from studies s join people p on p.id = s.person_id ${under('p.unit_id', root)}
         where s.start_date ${range} ${kinds}
         group by substr(cast(s.start_date as text), 1, 4)`;
    case 'studies_graduated':
      return sql`select substr(cast(s.end_date as text), 1, 4) as y, count(*) as v
          from studies s join people p on p.id = s.person_id ${under('p.unit_id', root)}
         where s.status = 'graduated' and s.end_date ${range} ${kinds}
         group by substr(cast(s.end_date as text), 1, 4)`;
    case 'visit_days': {
      const kindsOfLevel = t.organiserLevel
        ? sql`and t.person_unit_kind in (${sql.join(unitKindsOf(t.organiserLevel))})`
        : sql``;
      return sql`select y, sum(v) as v from (
          select t.start_year as y, sum(t.start_year_days) as v
            from visit_trips t ${under('t.person_unit_id', root)}
           where t.start_year between ${from} and ${to} ${kindsOfLevel}
           group by t.start_year
          union all
          select t.end_year as y, sum(t.days - t.start_year_days) as v
            from visit_trips t ${under('t.person_unit_id', root)}
           where t.end_year between ${from} and ${to} and t.end_year > t.start_year ${kindsOfLevel}
           group by t.end_year) x
        group by y`;
    }
    case 'title_training_share':
      throw new Error('the share is counted by share()');
  }
}

/** Unit kinds of a class level (levelOfUnitKind read backwards). */
function unitKindsOf(level: ClassLevel): string[] {
  const table: Record<ClassLevel, string[]> = {
    central: ['central'],
    province: ['province', 'affiliated'],
    district: ['district', 'sector'],
    commune: ['commune'],
    grassroots: ['grassroots', 'standalone_branch', 'inter_branch', 'branch'],
  };
  return table[level];
}

/** The whole period's figure where it is not the sum of the years: distinct people. */
function overallPeople(t: BaselineTarget, root: number, from: number, to: number): RawBuilder<{ v: unknown }> {
  const kind = t.kindCode ? sql`and c.kind_code = ${t.kindCode}` : sql``;
  const level = t.organiserLevel ? sql`and c.level = ${t.organiserLevel}` : sql``;
  return sql`select count(distinct e.person_id) as v
      from enrolments e join training_classes c on c.id = e.class_id ${under('e.unit_id', root)}
     where c.start_date between ${`${from}-01-01`} and ${`${to}-12-31`} and c.status in ${HELD} ${kind} ${level}
       and e.status in ${SEATED}`;
}

/**
 * Holders of the title on `day` in the subtree, and how many of them completed the title
 * training (a held class of the kind, seated, outcome completed, ended by `day`) at most
 * `months` months after their appointment (same day of the month or earlier).
 */
async function share(q: Kysely<Database>, t: BaselineTarget, root: number, day: string): Promise<BaselineFigure> {
  const months = t.withinMonths ?? 12;
  const apart = sql`(cast(substr(cast(c.end_date as text), 1, 4) as integer) * 12 + cast(substr(cast(c.end_date as text), 6, 2) as integer)
    - cast(substr(cast(pos.start_date as text), 1, 4) as integer) * 12 - cast(substr(cast(pos.start_date as text), 6, 2) as integer))`;
  const { rows } = await sql<{ n: unknown; d: unknown }>`
    select sum(ok) as n, count(*) as d from (
      select pos.person_id, max(case when exists (
          select 1 from enrolments e join training_classes c on c.id = e.class_id
           where e.person_id = pos.person_id and e.status in ${SEATED}
             and coalesce(e.outcome_override, e.rule_outcome) = 'completed'
             and c.kind_code = ${t.kindCode ?? 'title'} and c.status in ${HELD} and c.end_date <= ${day}
             and (${apart} < ${months}
               or (${apart} = ${months} and substr(cast(c.end_date as text), 9, 2) <= substr(cast(pos.start_date as text), 9, 2)))
        ) then 1 else 0 end) as ok
        from positions pos ${under('pos.unit_id', root)}
       where pos.title = ${t.title ?? ''} and pos.start_date <= ${day}
         and (pos.end_date is null or pos.end_date >= ${day})
       group by pos.person_id) h`.execute(q);
  const n = Number(rows[0]?.n ?? 0);
  const d = Number(rows[0]?.d ?? 0);
  return { value: d === 0 ? 0 : Math.round((n * 1000) / d) / 10, numerator: n, denominator: d };
}

export async function baselineProgress(
  q: Kysely<Database>,
  scheme: { issuingUnitId: number; startYear: number; endYear: number },
  targets: BaselineTarget[],
  asOf: string,
): Promise<BaselineProgress[]> {
  const from = scheme.startYear;
  const to = scheme.endYear;
  const dayOf = (year: number) => (`${year}-12-31` < asOf ? `${year}-12-31` : asOf);
  const asOfYear = Number(asOf.slice(0, 4));
  // One target after the other on one connection, as the service reads them in its transaction.
  const out: BaselineProgress[] = [];
  for (const t of targets) out.push(await target(t));
  return out;

  async function target(t: BaselineTarget): Promise<BaselineProgress> {
    {
      const root = t.unitId ?? scheme.issuingUnitId;
      const years = new Map<number, BaselineFigure>();
      const units = new Map<number, BaselineFigure>();
      if (t.metric === 'title_training_share') {
        for (let y = from; y <= Math.min(to, asOfYear); y++) years.set(y, await share(q, t, root, dayOf(y)));
        const none = { value: 0, numerator: 0, denominator: 0 };
        const overall = from > asOfYear ? none : await share(q, t, root, dayOf(to));
        for (const u of t.units) units.set(u, from > asOfYear ? none : await share(q, t, u, dayOf(to)));
        return { overall, years, units };
      }
      const { rows } = await byYear(t, root, from, to).execute(q);
      let sum = 0;
      for (const r of rows) {
        const f = plain(r.v);
        years.set(Number(r.y), f);
        sum += f.value;
      }
      const overall =
        t.metric === 'people' ? plain((await overallPeople(t, root, from, to).execute(q)).rows[0]?.v) : plain(sum);
      for (const u of t.units) {
        if (t.metric === 'people') {
          units.set(u, plain((await overallPeople(t, u, from, to).execute(q)).rows[0]?.v));
        } else {
          const r = await byYear(t, u, from, to).execute(q);
          units.set(u, plain(r.rows.reduce((s, x) => s + Number(x.v ?? 0), 0)));
        }
      }
      return { overall, years, units };
    }
  }
}
