import { sql, type QueryExecutorProvider, type RawBuilder } from 'kysely';
import type { Engine } from './index.ts';
import type { TableInfo } from './tables.ts';

/**
 * The engine-specific half of copying whole tables (backup and restore): reading a table page by
 * page inside a snapshot, loading with foreign keys checked once at the end, and moving PostgreSQL's
 * id sequences past the ids loaded.
 */

/** A database or a transaction on it. */
type Handle = QueryExecutorProvider;
export type Row = Record<string, unknown>;

const ids = (names: string[]): RawBuilder<unknown> => sql.join(names.map((n) => sql.id(n)));

/**
 * A table's rows, a page at a time, never the whole table in memory. Run inside one read transaction
 * so every table is read from the same snapshot. PostgreSQL reads through a cursor in key order (no
 * unique key needed); SQLite pages by rowid, which every table here has.
 */
export async function* readPages(
  db: Handle,
  engine: Engine,
  table: TableInfo,
  pageSize: number,
): AsyncGenerator<Row[]> {
  if (engine === 'postgres') {
    const order = table.primaryKey.length ? sql` order by ${ids(table.primaryKey)}` : sql``;
    await sql`declare canbo_copy no scroll cursor for select ${ids(table.columns)} from ${sql.id(table.name)}${order}`.execute(
      db,
    );
    try {
      for (;;) {
        const page = await sql<Row>`fetch forward ${sql.raw(String(pageSize))} from canbo_copy`.execute(db);
        if (!page.rows.length) return;
        yield page.rows;
      }
    } finally {
      await sql`close canbo_copy`.execute(db);
    }
  }
  let after: number | null = null;
  for (;;) {
    const from: RawBuilder<unknown> = after === null ? sql`` : sql`where rowid > ${after}`;
    const page: { rows: (Row & { canbo_rowid: number })[] } = await sql<Row & { canbo_rowid: number }>`
      select rowid as canbo_rowid, ${ids(table.columns)} from ${sql.id(table.name)}
      ${from} order by rowid limit ${pageSize}`.execute(db);
    const last = page.rows.at(-1);
    if (!last) return;
    after = last.canbo_rowid;
    yield page.rows;
  }
}

/**
 * Foreign keys set aside while a whole database is loaded (rows of a table that references itself,
 * such as units, need not come parents first), then checked over all rows at once. `resume` gives the
 * name of a table holding a reference to a missing row, or null when every reference holds.
 * PostgreSQL: the constraints are dropped and added back (validated in one pass, as pg_dump does),
 * inside the caller's transaction. SQLite: checks are deferred to the end of the transaction.
 */
export async function pauseForeignKeys(db: Handle, engine: Engine): Promise<{ resume(): Promise<string | null> }> {
  if (engine === 'postgres') {
    const constraints = (
      await sql<{ table: string; name: string; definition: string }>`
        select c.relname as "table", f.conname as name, pg_get_constraintdef(f.oid) as definition
        from pg_constraint f join pg_class c on c.oid = f.conrelid join pg_namespace n on n.oid = c.relnamespace
        where f.contype = 'f' and n.nspname = current_schema()
        order by c.relname, f.conname`.execute(db)
    ).rows;
    for (const c of constraints) {
      await sql`alter table ${sql.id(c.table)} drop constraint ${sql.id(c.name)}`.execute(db);
    }
    return {
      async resume() {
        for (const c of constraints) {
          try {
            await sql`alter table ${sql.id(c.table)} add constraint ${sql.id(c.name)} ${sql.raw(c.definition)}`.execute(
              db,
            );
          } catch (err) {
            if ((err as { code?: string }).code === '23503') return c.table;
            throw err;
          }
        }
        return null;
      },
    };
  }
  await sql`pragma defer_foreign_keys = on`.execute(db);
  return {
    async resume() {
      const bad = await sql<{ table: string }>`select "table" from pragma_foreign_key_check limit 1`.execute(db);
      return bad.rows[0]?.table ?? null;
    },
  };
}

/** After ids were written explicitly: PostgreSQL's sequences continue past the largest id (SQLite does so itself). */
export async function resetIdSequences(db: Handle, engine: Engine): Promise<void> {
  if (engine !== 'postgres') return;
  const serials = (
    await sql<{ table: string; column: string; seq: string }>`
      select c.relname as "table", a.attname as "column",
             pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname) as seq
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
      join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
      where n.nspname = current_schema() and c.relkind in ('r', 'p')
        and pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname) is not null`.execute(db)
  ).rows;
  for (const s of serials) {
    await sql`select setval(${s.seq}, coalesce(max(${sql.id(s.column)}), 0) + 1, false) from ${sql.id(s.table)}`.execute(
      db,
    );
  }
}
