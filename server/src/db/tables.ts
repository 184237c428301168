import { DEFAULT_MIGRATION_LOCK_TABLE, DEFAULT_MIGRATION_TABLE, sql, type QueryExecutorProvider } from 'kysely';
import type { Engine } from './index.ts';

/**
 * What tables a database holds, read from its own catalogue at run time, so that whatever copies
 * every table (backup, restore) also copies the tables that later migrations add.
 */

/** Kysely's migration bookkeeping: the schema version, not data. */
export const MIGRATION_TABLE = DEFAULT_MIGRATION_TABLE;
export const MIGRATION_TABLES: readonly string[] = [DEFAULT_MIGRATION_TABLE, DEFAULT_MIGRATION_LOCK_TABLE];
/**
 * Derived from the records and rebuilt on demand (the figures' cache and its change counters, kept by
 * triggers; the training tallies and the dated closure, marked dirty by triggers): not data. A
 * restore's own writes bump the counters and mark what they load, so whatever was cached is recounted.
 */
export const DERIVED_TABLES: readonly string[] = [
  'figure_cache',
  'figure_changes',
  'unit_spans',
  'class_tallies',
  'month_tallies',
  'people_tallies',
  'tally_dirty',
];

export interface TableInfo {
  name: string;
  /** In the table's own column order. */
  columns: string[];
  /** Empty for a table without a primary key. */
  primaryKey: string[];
  /** The other tables its foreign keys point to. */
  references: string[];
}

/** A database or a transaction on it. */
type Handle = QueryExecutorProvider;

/**
 * Every base table of the current schema (PostgreSQL) or file (SQLite), bookkeeping included; not
 * SQLite's virtual tables (full-text indexes) nor their shadow tables.
 */
export async function tableNames(db: Handle, engine: Engine): Promise<string[]> {
  const rows =
    engine === 'postgres'
      ? await sql<{ name: string }>`
          select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = current_schema() and c.relkind in ('r', 'p') and not c.relispartition
          order by c.relname`.execute(db)
      : // Ordinary tables only: a full-text index (a virtual table and its shadow tables, 0027) is
        // derived from the rows it indexes, kept by triggers, and filled again as they are loaded.
        await sql<{ name: string }>`
          select name from pragma_table_list
          where schema = 'main' and type = 'table' and name not like 'sqlite\\_%' escape '\\'
          order by name`.execute(db);
  return rows.rows.map((r) => r.name);
}

/**
 * The data tables (migration bookkeeping left out) with their columns and keys, parents before the
 * tables that reference them (a table's references to itself, and any cycle, do not order it).
 */
export async function listTables(db: Handle, engine: Engine): Promise<TableInfo[]> {
  const names = (await tableNames(db, engine)).filter(
    (n) => !MIGRATION_TABLES.includes(n) && !DERIVED_TABLES.includes(n),
  );
  const tables = new Map<string, TableInfo>(
    names.map((name) => [name, { name, columns: [], primaryKey: [], references: [] }]),
  );
  for (const c of await columnRows(db, engine)) {
    const t = tables.get(c.table);
    if (!t) continue;
    t.columns.push(c.column);
    if (c.pk > 0) t.primaryKey[c.pk - 1] = c.column;
  }
  for (const f of await referenceRows(db, engine)) {
    const t = tables.get(f.table);
    if (t && f.target !== f.table && !t.references.includes(f.target)) t.references.push(f.target);
  }
  return parentsFirst([...tables.values()]);
}

/** Column rows: `pk` is the column's place in the primary key (1-based), 0 when not in it. */
async function columnRows(db: Handle, engine: Engine): Promise<{ table: string; column: string; pk: number }[]> {
  if (engine === 'postgres') {
    const r = await sql<{ table: string; column: string; pk: number }>`
      select c.relname as "table", a.attname as "column",
             coalesce(array_position(p.conkey, a.attnum), 0)::int as pk
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
      join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
      left join pg_constraint p on p.conrelid = c.oid and p.contype = 'p'
      where n.nspname = current_schema() and c.relkind in ('r', 'p')
      order by c.relname, a.attnum`.execute(db);
    return r.rows;
  }
  const r = await sql<{ table: string; column: string; pk: number }>`
    select m.name as "table", p.name as "column", p.pk as pk
    from sqlite_master m join pragma_table_info(m.name) p
    where m.type = 'table' and m.name not like 'sqlite\\_%' escape '\\'
    order by m.name, p.cid`.execute(db);
  return r.rows;
}

async function referenceRows(db: Handle, engine: Engine): Promise<{ table: string; target: string }[]> {
  if (engine === 'postgres') {
    const r = await sql<{ table: string; target: string }>`
      select c.relname as "table", t.relname as target
      from pg_constraint f
      join pg_class c on c.oid = f.conrelid
      join pg_class t on t.oid = f.confrelid
      join pg_namespace n on n.oid = c.relnamespace
      where f.contype = 'f' and n.nspname = current_schema()`.execute(db);
    return r.rows;
  }
  const r = await sql<{ table: string; target: string }>`
    select m.name as "table", f."table" as target
    from sqlite_master m join pragma_foreign_key_list(m.name) f
    where m.type = 'table' and m.name not like 'sqlite\\_%' escape '\\'`.execute(db);
  return r.rows;
}

/** Topological order by references, ties by name; tables caught in a cycle follow in name order. */
function parentsFirst(tables: TableInfo[]): TableInfo[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const done = new Set<string>();
  const out: TableInfo[] = [];
  const sorted = [...tables].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  let progressed = true;
  while (progressed) {
    progressed = false;
    for (const t of sorted) {
      if (done.has(t.name)) continue;
      if (t.references.every((r) => done.has(r) || !byName.has(r))) {
        done.add(t.name);
        out.push(t);
        progressed = true;
      }
    }
  }
  for (const t of sorted) if (!done.has(t.name)) out.push(t);
  return out;
}
