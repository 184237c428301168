import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql, type Generated } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { cachedStatements } from './statements.ts';

interface Db {
  items: { id: Generated<number>; name: string };
}

/** An in-memory database with `n` items, its `prepare` calls counted. */
function open(size?: number, n = 5) {
  const database = new SQLite(':memory:');
  database.exec('create table items (id integer primary key, name text not null)');
  const insert = database.prepare('insert into items (id, name) values (?, ?)');
  for (let i = 1; i <= n; i++) insert.run(i, `item ${i}`);
  const prepared: string[] = [];
  const prepare = database.prepare.bind(database);
  database.prepare = (text: string) => {
    prepared.push(text);
    return prepare(text);
  };
  const kysely = new Kysely<Db>({ dialect: new SqliteDialect({ database: cachedStatements(database, size) }) });
  return { kysely, prepared };
}

let opened: Kysely<Db>[] = [];
afterEach(async () => {
  for (const k of opened) await k.destroy();
  opened = [];
});

function db(size?: number, n?: number) {
  const d = open(size, n);
  opened.push(d.kysely);
  return d;
}

const byId = (k: Kysely<Db>, id: number) =>
  k.selectFrom('items').select(['id', 'name']).where('id', '=', id).executeTakeFirst();

describe('cachedStatements', () => {
  it('prepares a query text once and answers each run with its own parameters', async () => {
    const { kysely, prepared } = db();
    expect(await byId(kysely, 1)).toEqual({ id: 1, name: 'item 1' });
    expect(await byId(kysely, 2)).toEqual({ id: 2, name: 'item 2' });
    expect(await byId(kysely, 9)).toBeUndefined();
    expect(prepared).toHaveLength(1);
  });

  it('runs writes through kept statements too: changes and new ids as before', async () => {
    const { kysely, prepared } = db();
    const rename = (id: number, name: string) =>
      kysely.updateTable('items').set({ name }).where('id', '=', id).executeTakeFirst();
    expect(Number((await rename(1, 'a')).numUpdatedRows)).toBe(1);
    expect(Number((await rename(99, 'b')).numUpdatedRows)).toBe(0);
    const added = await kysely.insertInto('items').values({ name: 'new' }).executeTakeFirst();
    expect(Number(added.insertId)).toBe(6);
    expect(await byId(kysely, 1)).toEqual({ id: 1, name: 'a' });
    expect(prepared.filter((t) => t.startsWith('update'))).toHaveLength(1);
  });

  it('keeps the most recently used texts up to its size, dropping the least recently used', async () => {
    const { kysely, prepared } = db(2);
    const q = (column: 'id' | 'name') => kysely.selectFrom('items').select(column).where('id', '=', 1).execute();
    const count = () =>
      kysely
        .selectFrom('items')
        .select(sql<number>`count(*)`.as('n'))
        .execute();
    await q('id');
    await q('name');
    await q('id'); // id is now the most recent: name goes when count comes
    await count();
    expect(prepared).toHaveLength(3);
    await q('id');
    expect(prepared).toHaveLength(3);
    await q('name');
    expect(prepared).toHaveLength(4);
  });

  it('gives a statement still being iterated to no one else: a second caller gets a fresh one', () => {
    const database = new SQLite(':memory:');
    const statements = cachedStatements(database);
    const text = 'select value from json_each(?)';
    const first = statements.prepare(text);
    const rows = first.iterate(['[1,2,3]']);
    expect(rows.next().value).toEqual({ value: 1 });
    const second = statements.prepare(text);
    expect(second).not.toBe(first);
    expect(second.all(['[4]'])).toEqual([{ value: 4 }]);
    expect([...rows]).toEqual([{ value: 2 }, { value: 3 }]);
    // Done iterating, the kept one is handed out again.
    expect(statements.prepare(text)).toBe(first);
    statements.close();
  });

  it('re-prepares by itself after the schema changes under a kept statement', async () => {
    const { kysely } = db();
    const all = () => kysely.selectFrom('items').selectAll().where('id', '=', 1).execute();
    expect(await all()).toEqual([{ id: 1, name: 'item 1' }]);
    await sql`alter table items add column note text`.execute(kysely);
    expect(await all()).toEqual([{ id: 1, name: 'item 1', note: null }]);
  });
});
