import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../server/src/db/schema.ts';

/**
 * What a person would write by hand for one page of the people list: the page, the total and the
 * titles held today by the people on the page — the same three answers the service gives, with
 * the same columns and the same plan (the page's ids first, then the join for those ids only),
 * without the query builder, the validation or the mapping. When the service's plan changes, this
 * must change with it, or the ratio compares two different plans instead of the service's cost.
 */
export async function baseline(
  q: Kysely<Database>,
  o: { scope: number[] | null; q?: string; unitId?: number; page: number; today: string },
): Promise<{ total: number; items: { id: number }[] }> {
  // Conditions on the `p` of whichever query they go in: the ids subquery and the count.
  const conditions: RawBuilder<unknown>[] = [];
  if (o.scope) {
    conditions.push(
      sql`p.unit_id in (select descendant_id from unit_closure where ancestor_id in (${sql.join(o.scope)}))`,
    );
  }
  if (o.q) conditions.push(sql`p.search_text like ${`%${o.q}%`} escape '\\'`);
  if (o.unitId !== undefined) {
    conditions.push(sql`p.unit_id in (select descendant_id from unit_closure where ancestor_id = ${o.unitId})`);
  }
  const where = conditions.length ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
  // The ids are in scope already, so the outer query does not test the scope again.
  const page = sql<{ id: number }>`
    select p.id, p.unit_id, u.name as unit_name, p.family_name, p.middle_name, p.given_name, p.full_name, p.birth_date,
           p.gender, p.ethnicity_code, e.name as ethnicity_name, p.religion, p.national_id, p.phone, p.email,
           p.party_member, p.party_join_date, p.general_education, p.qualification, p.theory_level, p.it_level,
           p.language_level, p.hardship_area, p.notes, p.version, p.updated_at
      from people p
      join units u on u.id = p.unit_id
      join ethnicities e on e.code = p.ethnicity_code
     where p.id in (select p.id from people p ${where} order by p.sort_key, p.id limit 20 offset ${(o.page - 1) * 20})
     order by p.sort_key, p.id`;
  const count = sql<{ n: number }>`select count(*) as n from people p ${where}`;
  const [rows, total] = await Promise.all([page.execute(q), count.execute(q)]);
  const ids = rows.rows.map((r) => r.id);
  if (ids.length) {
    await sql`
      select t.person_id, t.title, u.name
        from positions t join units u on u.id = t.unit_id
       where t.person_id in (${sql.join(ids)})
         and t.start_date <= ${o.today} and (t.end_date is null or t.end_date >= ${o.today})
       order by t.start_date, t.id`.execute(q);
  }
  return { total: Number(total.rows[0]?.n ?? 0), items: rows.rows };
}
