import { sql, type Kysely } from 'kysely';
import type { Engine } from './frozen/engine.ts';
import { foldVietnamese, vietnameseTextKey } from './frozen/text.ts';

/** The table as this migration read and wrote it (frozen: not the live schema). */
interface Tables {
  users: { id: number; login: string; display_name: string; search_text: string; sort_key: string };
}

/**
 * Accounts are searched without diacritics and sorted by display name in Vietnamese order on both
 * engines, so both are stored, computed by the application (as for people).
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const binaryText = engine === 'postgres' ? sql`text collate "C"` : sql`text`;
  await db.schema
    .alterTable('users')
    .addColumn('search_text', binaryText, (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .alterTable('users')
    .addColumn('sort_key', binaryText, (c) => c.notNull().defaultTo(''))
    .execute();
  const q = db as Kysely<Tables>;
  const rows = await q.selectFrom('users').select(['id', 'login', 'display_name']).execute();
  for (const r of rows) {
    await q
      .updateTable('users')
      .set({ search_text: foldVietnamese(`${r.login} ${r.display_name}`), sort_key: vietnameseTextKey(r.display_name) })
      .where('id', '=', r.id)
      .execute();
  }
}
