import { sql } from 'kysely';
import type { Tx } from '../../context.ts';

/**
 * What a kept preview's check read from the database, summed up so that a commit can tell in one
 * query whether any of it changed since (previewCache.ts). Per table the check reads: the rows'
 * count, the highest id, the sum of the versions and the latest update. Every write the application
 * makes moves one of them — an insert the count and the highest id, a delete the count, an update
 * the version (bumped by every update, `lib/versioned.ts` and the bulk updates alike) and
 * `updated_at` — so an unchanged state means the check would read the same rows again. The
 * closure table (the scope of every look-up) has neither id nor version: its count and the sum of
 * its depths, ancestors and descendants (weighted: a unit moved under another parent changes it). The ethnicities (a small catalogue the rows' cells are read against)
 * are read whole.
 */
export async function databaseState(tx: Tx): Promise<string> {
  const stamped = (table: 'people' | 'positions' | 'units') =>
    sql.raw(
      `(select count(*) from ${table}) as ${table}_n, (select max(id) from ${table}) as ${table}_top, ` +
        `(select sum(version) from ${table}) as ${table}_v, (select cast(max(updated_at) as text) from ${table}) as ${table}_at`,
    );
  const { rows } = await sql<
    Record<string, string | number | null>
  >`select ${stamped('people')}, ${stamped('positions')},
    ${stamped('units')}, (select count(*) from unit_closure) as closure_n,
    (select sum(depth) + sum(ancestor_id) * 3 + sum(descendant_id) * 7 from unit_closure) as closure_sum`.execute(tx.q);
  const ethnicities = await tx.q.selectFrom('ethnicities').select(['code', 'name']).orderBy('code').execute();
  // Numbers may come back as numbers or strings (PostgreSQL's bigint and numeric): compared as text.
  const tables = Object.entries(rows[0] ?? {}).map(([k, v]) => `${k}=${v === null ? '' : String(v)}`);
  return JSON.stringify([tables, ethnicities.map((e) => `${e.code}:${e.name}`)]);
}
