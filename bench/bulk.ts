import SQLite from 'better-sqlite3';
import pg from 'pg';
import type { Row } from './population.ts';

/**
 * Fast loaders for the generated database, one per engine. The application never writes like
 * this (it goes through services, one audited transaction per change); the generator only needs
 * millions of consistent rows quickly: secondary indexes are dropped during the load and built
 * once at the end.
 */
export interface BulkWriter {
  insert(table: string, columns: readonly string[], rows: Row[]): Promise<void>;
  /**
   * Drop the secondary indexes of these tables (and the triggers keeping a full-text index of them);
   * returns the statements that rebuild them.
   */
  dropIndexes(tables: string[]): Promise<string[]>;
  exec(statements: string[]): Promise<void>;
  commit(): Promise<void>;
  /**
   * Make what is loaded so far durable and go on in a new transaction. SQLite: keeps the WAL from
   * growing to the size of the whole load. PostgreSQL: nothing, the load stays one transaction.
   */
  flush(): Promise<void>;
  /** Planner statistics, id sequences, close. */
  finish(tables: string[]): Promise<void>;
}

export const isPostgres = (url: string) => /^postgres(ql)?:\/\//.test(url);

export async function openWriter(url: string): Promise<BulkWriter> {
  return isPostgres(url) ? PgWriter.open(url) : new SqliteWriter(url.replace(/^sqlite:/, ''));
}

class SqliteWriter implements BulkWriter {
  private readonly db: SQLite.Database;
  private readonly statements = new Map<string, SQLite.Statement>();

  constructor(file: string) {
    this.db = new SQLite(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = OFF');
    this.db.pragma('cache_size = -262144');
    this.db.pragma('foreign_keys = OFF');
    this.db.exec('begin');
  }

  insert(table: string, columns: readonly string[], rows: Row[]): Promise<void> {
    const key = `${table}(${columns.join(',')})`;
    let stmt = this.statements.get(key);
    if (!stmt) {
      stmt = this.db.prepare(
        `insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`,
      );
      this.statements.set(key, stmt);
    }
    for (const r of rows) stmt.run(r);
    return Promise.resolve();
  }

  dropIndexes(tables: string[]): Promise<string[]> {
    const rows = this.db
      .prepare(
        `select name, sql from sqlite_master where type = 'index' and sql is not null and tbl_name in (${tables.map(() => '?').join(', ')})`,
      )
      .all(...tables) as { name: string; sql: string }[];
    for (const r of rows) this.db.exec(`drop index ${r.name}`);
    // A full-text index over these tables (people_search, 0027) is kept by triggers: a row at a
    // time would cost more than the load. Its triggers go too; it is rebuilt once at the end from
    // the rows loaded, and its triggers come back after it.
    const indexes = (
      this.db
        .prepare(`select name, sql from sqlite_master where type = 'table' and sql like 'create virtual table%'`)
        .all() as {
        name: string;
        sql: string;
      }[]
    ).filter((v) => tables.some((t) => new RegExp(`content\\s*=\\s*'${t}'`, 'i').test(v.sql)));
    const triggers = this.db
      .prepare(
        `select name, sql from sqlite_master where type = 'trigger' and tbl_name in (${tables.map(() => '?').join(', ')})`,
      )
      .all(...tables) as { name: string; sql: string }[];
    const feeding = triggers.filter((t) => indexes.some((v) => t.sql.includes(v.name)));
    for (const t of feeding) this.db.exec(`drop trigger ${t.name}`);
    return Promise.resolve([
      ...rows.map((r) => r.sql),
      ...indexes.map((v) => `insert into ${v.name} (${v.name}) values ('rebuild')`),
      ...feeding.map((t) => t.sql),
    ]);
  }

  exec(statements: string[]): Promise<void> {
    for (const s of statements) this.db.exec(s);
    return Promise.resolve();
  }

  commit(): Promise<void> {
    this.db.exec('commit');
    return Promise.resolve();
  }

  flush(): Promise<void> {
    this.db.exec('commit');
    this.db.exec('begin');
    return Promise.resolve();
  }

  finish(): Promise<void> {
    this.db.exec('analyze');
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    this.db.close();
    return Promise.resolve();
  }
}

class PgWriter implements BulkWriter {
  private readonly types = new Map<string, Map<string, string>>();

  private constructor(private readonly client: pg.Client) {}

  static async open(url: string): Promise<PgWriter> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`set maintenance_work_mem = '512MB'`);
    await client.query('begin');
    // Rows are consistent by construction; skipping the per-row foreign key triggers halves the load.
    // Needs a superuser; without one the load is only slower.
    await client.query('savepoint replica');
    try {
      await client.query('set local session_replication_role = replica');
    } catch {
      await client.query('rollback to savepoint replica');
    }
    return new PgWriter(client);
  }

  private async typesOf(table: string): Promise<Map<string, string>> {
    let t = this.types.get(table);
    if (!t) {
      const res = await this.client.query<{ column_name: string; udt_name: string }>(
        `select column_name, udt_name from information_schema.columns where table_name = $1 and table_schema = current_schema()`,
        [table],
      );
      t = new Map(res.rows.map((r) => [r.column_name, r.udt_name]));
      this.types.set(table, t);
    }
    return t;
  }

  /** One statement per batch: each column travels as one array parameter, unnested server-side. */
  async insert(table: string, columns: readonly string[], rows: Row[]): Promise<void> {
    if (!rows.length) return;
    const types = await this.typesOf(table);
    const arrays = columns.map((_, i) => rows.map((r) => r[i] ?? null));
    const casts = columns.map((c, i) => `$${i + 1}::${types.get(c) ?? 'text'}[]`);
    await this.client.query(
      `insert into ${table} (${columns.join(', ')}) select * from unnest(${casts.join(', ')})`,
      arrays,
    );
  }

  async dropIndexes(tables: string[]): Promise<string[]> {
    // Indexes that back a constraint (primary keys, unique columns) stay.
    const res = await this.client.query<{ indexname: string; indexdef: string }>(
      `select i.indexname, i.indexdef from pg_indexes i
        where i.schemaname = current_schema() and i.tablename = any($1)
          and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
      [tables],
    );
    for (const r of res.rows) await this.client.query(`drop index ${r.indexname}`);
    return res.rows.map((r) => r.indexdef);
  }

  async exec(statements: string[]): Promise<void> {
    for (const s of statements) await this.client.query(s);
  }

  async commit(): Promise<void> {
    await this.client.query('commit');
  }

  flush(): Promise<void> {
    return Promise.resolve();
  }

  async finish(tables: string[]): Promise<void> {
    for (const t of tables) {
      await this.client.query(
        `select setval(pg_get_serial_sequence($1, 'id'), coalesce((select max(id) from ${t}), 1))`,
        [t],
      );
    }
    await this.client.query('vacuum analyze');
    await this.client.end();
  }
}
