import { sql, type Kysely } from 'kysely';
import type { Database } from '../server/src/db/schema.ts';

/**
 * What a person would write by hand for the training summary of a unit over a period — classes,
 * participations and distinct people by organiser level — as ONE query on the raw rows (classes
 * and enrolments), with the engine's rules: held classes by first day, seated trainees credited
 * to their unit and headcount-only totals to the organiser, each under the unit it was in on the
 * class's first day (the dated closure `unit_spans`, a join per row).
 */
export interface SummaryRow {
  level: string;
  classes: number;
  participations: number;
  people: number;
}

export async function baselineSummary(
  q: Kysely<Database>,
  unitId: number,
  from: string,
  to: string,
): Promise<SummaryRow[]> {
  const at = (column: string) =>
    sql`join unit_spans s on s.descendant_id = ${sql.ref(column)} and s.ancestor_id = ${unitId}
      and s.valid_from <= c.start_date and s.valid_to > c.start_date`;
  const held = sql`c.start_date between ${from} and ${to} and c.status in ('in_progress', 'completed', 'closed')`;
  const { rows } = await sql<{ lvl: string; classes: unknown; participations: unknown; people: unknown }>`
    select f.lvl, sum(case when f.k = 'c' then 1 else 0 end) as classes,
      sum(f.v) as participations, count(distinct f.pid) as people
    from (
      select 'c' as k, c.level as lvl, coalesce(c.headcount_total, 0) as v, null as pid
        from training_classes c ${at('c.organiser_unit_id')} where ${held}
      union all
      select 'e' as k, c.level as lvl, 1 as v, e.person_id as pid
        from enrolments e join training_classes c on c.id = e.class_id ${at('e.unit_id')}
        where ${held} and e.status in ('nominated', 'confirmed')
    ) f group by f.lvl order by f.lvl`.execute(q);
  return rows.map((r) => ({
    level: r.lvl,
    classes: Number(r.classes),
    participations: Number(r.participations),
    people: Number(r.people),
  }));
}
