import { sql, type Kysely } from 'kysely';
import type { Database } from '../server/src/db/schema.ts';

/**
 * What a person would write by hand for one page of the attendance grid: the class's sessions in
 * order, the page of seated trainees in name order, their number, and the marks of the page's
 * trainees — the service's four answers, without the query builder, the validation, the mapping to
 * people × sessions, and without the separate visibility query: the organiser's scope is a
 * condition of the page and count queries instead.
 */
export async function gridBaseline(
  q: Kysely<Database>,
  o: { classId: number; scope: number[]; page: number; pageSize: number },
): Promise<{ total: number; ids: number[]; marks: number }> {
  const inScope = sql`c.organiser_unit_id in (select descendant_id from unit_closure where ancestor_id in (${sql.join(o.scope)}))`;
  const sessions = sql`
    select s.id, s.session_date, s.part, s.starts_at, s.ends_at, s.topic, s.lecturer, s.version
      from class_sessions s
     where s.class_id = ${o.classId}
     order by s.session_date,
              case s.part when 'morning' then 0 when 'afternoon' then 1 when 'evening' then 2 else 3 end, s.id`;
  const page = sql<{ id: number }>`
    select e.id, e.person_id, p.full_name, e.unit_id, e.unit_name, e.title
      from enrolments e
      join training_classes c on c.id = e.class_id
      join people p on p.id = e.person_id
     where e.class_id = ${o.classId} and e.status in ('nominated', 'confirmed') and ${inScope}
     order by e.sort_key, e.id
     limit ${o.pageSize} offset ${(o.page - 1) * o.pageSize}`;
  const count = sql<{ n: number }>`
    select count(*) as n
      from enrolments e
      join training_classes c on c.id = e.class_id
     where e.class_id = ${o.classId} and e.status in ('nominated', 'confirmed') and ${inScope}`;
  const [, rows, total] = await Promise.all([sessions.execute(q), page.execute(q), count.execute(q)]);
  const ids = rows.rows.map((r) => r.id);
  const marks = ids.length
    ? await sql`select enrolment_id, session_id, mark from attendance where enrolment_id in (${sql.join(ids)})`.execute(
        q,
      )
    : { rows: [] };
  return { total: Number(total.rows[0]?.n ?? 0), ids, marks: marks.rows.length };
}
