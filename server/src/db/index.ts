import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, SqliteDialect, type SqliteDatabase } from 'kysely';
import { CurrentSchemaPostgresDialect } from './introspect.ts';
import { trackCopyClients } from './dialect.ts';
import { cachedStatements } from './statements.ts';
import type { Database } from './schema.ts';

export type Engine = 'sqlite' | 'postgres';

export interface Db {
  kysely: Kysely<Database>;
  engine: Engine;
  /**
   * SQLite only: the connection itself (its statements kept, statements.ts), on which a write
   * transaction's bulk inserts run a prepared statement row by row (lib/insertMany.ts).
   */
  sqlite?: SqliteDatabase;
  destroy(): Promise<void>;
}

export type DbOptions = {
  /** PostgreSQL only: put every table in this schema (tests use one schema per file). */
  schema?: string;
  poolSize?: number;
};

// pg returns bigint and numeric as strings; every count and sum here fits a JS number.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));
// Dates travel as `yyyy-mm-dd` strings on both engines.
pg.types.setTypeParser(1082, (v) => v);

/** `sqlite:./data/canbo.db`, a plain file path, `:memory:`, or `postgres://…`. */
export function createDb(url: string, options: DbOptions = {}): Db {
  if (/^postgres(ql)?:\/\//.test(url)) {
    const pool = new pg.Pool({
      connectionString: url,
      max: options.poolSize ?? 10,
      ...(options.schema ? { options: `-c search_path=${options.schema},public` } : {}),
    });
    trackCopyClients(pool);
    const kysely = new Kysely<Database>({ dialect: new CurrentSchemaPostgresDialect({ pool }) });
    return { kysely, engine: 'postgres', destroy: () => kysely.destroy() };
  }
  const file = url.replace(/^sqlite:/, '');
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const database = cachedStatements(sqlite);
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  return { kysely, engine: 'sqlite', sqlite: database, destroy: () => kysely.destroy() };
}

export type { Database };
