import type { Kysely } from 'kysely';
import type { Engine } from './frozen/engine.ts';

/**
 * A search over the whole country (a superadmin, 1,000,000 people, a common name) reads its page
 * by walking the name order (`people_sort`: sort_key, id) until twenty records match: about 11,000
 * records for "nguyen van", each looked up in the table to test its folded name. With the folded
 * name in the index too, the walk reads the index alone: `people_sort_search` has the same leading
 * columns, so every list in name order keeps its index, and replaces `people_sort`.
 */
export async function up(db: Kysely<unknown>, _engine: Engine): Promise<void> {
  await db.schema.createIndex('people_sort_search').on('people').columns(['sort_key', 'id', 'search_text']).execute();
  await db.schema.dropIndex('people_sort').execute();
}
