import type { Kysely } from 'kysely';
import type { Engine } from './frozen/engine.ts';

/**
 * An import finds the people a sheet names by their folded name (`search_text`: "nguyen van a" meets
 * "Nguyễn Văn A") and birth date. The only index on the folded name was PostgreSQL's trigram index,
 * made for substring search: for equality the planner still chose it and probed it name by name
 * (about 10 s per 500 names among 200,000 people), and SQLite had none. A plain index on the folded
 * name and the birth date serves the equality on both engines.
 */
export async function up(db: Kysely<unknown>, _engine: Engine): Promise<void> {
  await db.schema.createIndex('people_name_birth').on('people').columns(['search_text', 'birth_date']).execute();
}
