import { sql, type Kysely } from 'kysely';
import type { Engine } from './frozen/engine.ts';
import { vietnameseTextKey } from './frozen/text.ts';

/** The table as this migration read and wrote it (frozen: not the live schema). */
interface Tables {
  units: { id: number; name: string; sort_key: string };
}

/**
 * Unit names sort in Vietnamese order on both engines through a key the application computes
 * (as for people), and the "as of" tree reads dated parent edges by parent and date.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const binaryText = engine === 'postgres' ? sql`text collate "C"` : sql`text`;
  await db.schema
    .alterTable('units')
    .addColumn('sort_key', binaryText, (c) => c.notNull().defaultTo(''))
    .execute();
  const q = db as Kysely<Tables>;
  const rows = await q.selectFrom('units').select(['id', 'name']).execute();
  for (const r of rows) {
    await q
      .updateTable('units')
      .set({ sort_key: vietnameseTextKey(r.name) })
      .where('id', '=', r.id)
      .execute();
  }
  await db.schema.createIndex('units_sort').on('units').columns(['sort_key', 'id']).execute();
  await db.schema.createIndex('units_parent_sort').on('units').columns(['parent_id', 'sort_key', 'id']).execute();
  await db.schema
    .createIndex('unit_tree_history_parent_date')
    .on('unit_tree_history')
    .columns(['parent_id', 'valid_from'])
    .execute();
  await db.schema.createIndex('unit_event_links_event').on('unit_event_links').column('event_id').execute();
}
