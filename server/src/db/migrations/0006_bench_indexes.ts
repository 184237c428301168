import type { Kysely } from 'kysely';
import type { Engine } from '../index.ts';

/**
 * People search and lists inside a unit subtree (a province, a district) at national scale.
 * Everything the filter, the count and the order read is in this index — the unit, the folded
 * name the substring search matches, the ethnicity the count joins, the sort key — so the scope's
 * records are filtered without visiting the table: at 1,000,000 people a province-scoped search
 * went from ~330 ms to ~8 ms on SQLite (bench/RESULTS.md).
 */
export async function up(db: Kysely<unknown>, _engine: Engine): Promise<void> {
  await db.schema
    .createIndex('people_unit_search')
    .on('people')
    .columns(['unit_id', 'search_text', 'ethnicity_code', 'sort_key'])
    .execute();
}
