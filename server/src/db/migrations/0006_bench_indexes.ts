import type { Kysely } from 'kysely';
import type { Engine } from './frozen/engine.ts';

/**
 * People search and lists inside a unit subtree (a province, a district) at national scale.
 * `people_unit_sort` (unit_id, sort_key, id) becomes a wider index with the same leading columns:
 * everything the substring filter and the count read is in it too — the folded name, the
 * ethnicity the count joins — so the scope's records are filtered without visiting the table.
 * At 1,000,000 people a province-scoped search went from ~380 ms to ~26 ms on SQLite, and its
 * count from ~140 ms to ~20 ms on PostgreSQL, on the same machine (bench/RESULTS.md).
 */
export async function up(db: Kysely<unknown>, _engine: Engine): Promise<void> {
  await db.schema
    .createIndex('people_unit_search')
    .on('people')
    .columns(['unit_id', 'sort_key', 'id', 'search_text', 'ethnicity_code'])
    .execute();
  await db.schema.dropIndex('people_unit_sort').execute();
}
