import type { Kysely, SqliteDatabase, Transaction } from 'kysely';
import type { Config } from './config.ts';
import type { Db, Engine } from './db/index.ts';
import type { Database } from './db/schema.ts';
import type { HeavyPool } from './workers/pool.ts';
import { refreshTallies } from './modules/figures/tallies.repository.ts';

/** What services need: the database, the configuration and the pool for heavy work. One per app. */
export interface Ctx {
  db: Db;
  config: Config;
  heavy: HeavyPool;
}

/** A query handle for repositories: a transaction or the plain database, and the engine it runs on. */
export interface Tx {
  q: Kysely<Database> | Transaction<Database>;
  engine: Engine;
  /**
   * SQLite, in a write transaction: the connection the transaction runs on (SQLite has one), for
   * bulk inserts (lib/insertMany.ts). Absent outside a transaction and on PostgreSQL.
   */
  sqlite?: SqliteDatabase;
}

/** Reads outside a transaction. */
export function reader(ctx: Ctx): Tx {
  return { q: ctx.db.kysely, engine: ctx.db.engine };
}

/**
 * Every write is one transaction: all of it is stored, or none. Before it commits, the training
 * tallies follow what it changed (figures/tallies.repository.ts; one cheap query when nothing did),
 * so precomputed figures are never older than the records they come from.
 */
export function inTransaction<T>(ctx: Ctx, work: (tx: Tx) => Promise<T>): Promise<T> {
  return ctx.db.kysely
    .transaction()
    .execute(async (trx) => {
      const tx: Tx = { q: trx, engine: ctx.db.engine, sqlite: ctx.db.sqlite };
      const result = await work(tx);
      await refreshTallies(tx);
      return result;
    })
    .finally(() => ended.set(ctx.db, writesEnded(ctx.db) + 1));
}

const ended = new WeakMap<Db, number>();

/**
 * How many write transactions (inTransaction) have ended on this database in this process,
 * committed or not. What is kept in memory from a read (the session cache, auth/session.cache.ts)
 * notes the count before reading and is stale once it has moved: a change committed after the
 * read — a logout, a removed grant — is never served from before it.
 */
export function writesEnded(db: Db): number {
  return ended.get(db) ?? 0;
}
