import type { Database as SQLiteDatabase, Statement } from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/** How many prepared statements a connection keeps: every query text the app sends, with room to spare. */
export const STATEMENT_CACHE_SIZE = 1000;

/**
 * The SQLite connection as Kysely sees it, keeping each query's prepared statement for the next
 * time the same SQL runs. Kysely prepares every query anew, and preparing a list's query (its
 * scope, joins and columns) cost as much CPU as running it: measured under load, a people page
 * spent a quarter of its database time in `prepare`. The least recently used statement goes when
 * the cache is full (a list of ids makes a new text for each length); a statement still iterating
 * (a streamed query) is never handed out twice — a fresh one is prepared for the second caller. A
 * statement prepared before a schema change is re-prepared by SQLite itself.
 */
export function cachedStatements(database: SQLiteDatabase, size = STATEMENT_CACHE_SIZE): SqliteDatabase {
  const cache = new Map<string, Statement>();
  return {
    close: () => {
      cache.clear();
      database.close();
    },
    prepare: (sql: string) => {
      const kept = cache.get(sql);
      if (kept && !kept.busy) {
        // Most recently used last, so the first key is the one to drop.
        cache.delete(sql);
        cache.set(sql, kept);
        return kept;
      }
      const statement = database.prepare(sql);
      if (!kept) {
        cache.set(sql, statement);
        if (cache.size > size) cache.delete(cache.keys().next().value!);
      }
      return statement;
    },
  };
}
