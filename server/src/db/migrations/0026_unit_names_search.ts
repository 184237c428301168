import type { Kysely } from 'kysely';
import type { Engine } from './frozen/engine.ts';
import { foldVietnamese } from './frozen/text.ts';

/** The table as this migration read and wrote it (frozen: not the live schema). */
interface Tables {
  unit_names: { id: number; name: string; search_text: string };
}

/**
 * The units list "as of" a date searches the names of that day, as it shows them: each dated name
 * gets its folded text (`units.search_text` is today's name only). Filled in for every name kept.
 */
export async function up(db: Kysely<unknown>, _engine: Engine): Promise<void> {
  await db.schema
    .alterTable('unit_names')
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  const q = db as Kysely<Tables>;
  const names = await q.selectFrom('unit_names').select('name').distinct().execute();
  for (const { name } of names) {
    await q
      .updateTable('unit_names')
      .set({ search_text: foldVietnamese(name) })
      .where('name', '=', name)
      .execute();
  }
}
