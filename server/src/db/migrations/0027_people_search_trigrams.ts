import { sql, type Kysely } from 'kysely';
import type { Engine } from './frozen/engine.ts';

/**
 * A name search on SQLite walked the name-order index (`people_sort_search`, 0025) testing each
 * folded name with `like '%…%'`: quick for a common name, whose twenty first bearers come early,
 * but a rare name (few or no matches) read all of it — 1,000,000 entries, about half a second.
 * PostgreSQL answers both from its trigram index (0001). SQLite gets the same: an FTS5 index of the
 * folded names with the trigram tokenizer, which finds any substring of three characters or more.
 *
 * External content (`content='people'`): the index holds no copy of the names, only the trigrams,
 * read back from `people` by rowid (its id). Kept by triggers on every insert, change of name and
 * delete, so every writer — services, imports, the demo, a restore — keeps it without knowing of it.
 * It is derived from `people`: a backup leaves it and its shadow tables out, and a restore's rows
 * fill it again through the triggers.
 */
export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  if (engine !== 'sqlite') return;
  await sql`create virtual table people_search using fts5(
    search_text, content = 'people', content_rowid = 'id', tokenize = 'trigram'
  )`.execute(db);
  await sql`create trigger people_search_insert after insert on people begin
    insert into people_search (rowid, search_text) values (new.id, new.search_text);
  end`.execute(db);
  await sql`create trigger people_search_delete after delete on people begin
    insert into people_search (people_search, rowid, search_text) values ('delete', old.id, old.search_text);
  end`.execute(db);
  await sql`create trigger people_search_update after update of search_text on people begin
    insert into people_search (people_search, rowid, search_text) values ('delete', old.id, old.search_text);
    insert into people_search (rowid, search_text) values (new.id, new.search_text);
  end`.execute(db);
  await sql`insert into people_search (people_search) values ('rebuild')`.execute(db);
}
