import { sql, type Kysely } from 'kysely';
import type { Engine } from './frozen/engine.ts';
import { vietnameseTextKey } from './frozen/text.ts';

/** The table as this migration read and wrote it (frozen: not the live schema). */
interface Tables {
  training_classes: { id: number; name: string; sort_key: string };
}

/**
 * Classes are listed by name in Vietnamese order on both engines, so, as for units and people, the
 * key is computed by the application and compared byte-wise.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const binaryText = engine === 'postgres' ? sql`text collate "C"` : sql`text`;
  await db.schema
    .alterTable('training_classes')
    .addColumn('sort_key', binaryText, (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('training_classes_sort').on('training_classes').columns(['sort_key', 'id']).execute();
  const q = db as Kysely<Tables>;
  const rows = await q.selectFrom('training_classes').select(['id', 'name']).execute();
  for (const r of rows) {
    await q
      .updateTable('training_classes')
      .set({ sort_key: vietnameseTextKey(r.name) })
      .where('id', '=', r.id)
      .execute();
  }
}
