import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { createDb, type Db } from '../src/db/index.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import type { App } from '../src/http.ts';
import type { Ctx } from '../src/context.ts';
import type { Config } from '../src/config.ts';
import { prepareTallies } from '../src/modules/figures/tallies.service.ts';

/** A PostgreSQL schema of its own on the server at `url`; `drop` closes the database and drops the schema. */
export async function pgDb(url: string): Promise<{ db: Db; databaseUrl: string; drop: () => Promise<void> }> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const db = createDb(url, { schema, poolSize: 4 });
  const at = new URL(url);
  at.searchParams.set('options', `-c search_path=${schema},public`);
  return {
    db,
    databaseUrl: at.toString(),
    drop: async () => {
      await db.destroy();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    },
  };
}

/**
 * A fresh, empty database for one test file: an in-memory SQLite database (or `sqliteFile`), or — when
 * TEST_DATABASE_URL is set — a schema of its own on that PostgreSQL server. `databaseUrl` reaches the same
 * database (on PostgreSQL, the file's schema) from another process; `drop` closes it and drops the schema.
 */
export async function testDb(
  options: { sqliteFile?: string } = {},
): Promise<{ db: Db; databaseUrl: string; drop: () => Promise<void> }> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) return pgDb(url);
  const databaseUrl = options.sqliteFile ? `sqlite:${options.sqliteFile}` : ':memory:';
  const db = createDb(databaseUrl);
  return { db, databaseUrl, drop: () => db.destroy() };
}

/**
 * A fresh app on a fresh database (`testDb`) for one test file. `overrides` change the configuration
 * (a tiny heavy-work pool, say); `sqliteFile` puts the SQLite database in a file another process can
 * open too.
 */
export async function testApp(
  overrides: Partial<Config> = {},
  options: { sqliteFile?: string } = {},
): Promise<{ app: App; ctx: Ctx; db: Db; databaseUrl: string; close: () => Promise<void> }> {
  const url = process.env.TEST_DATABASE_URL;
  const { db, databaseUrl, drop } = await testDb(options);
  await migrateToLatest(db);
  const config = { ...loadConfig({}), webDist: null, databaseUrl: url ?? ':memory:', ...overrides };
  const app = await buildApp({ config, db });
  await app.ready();
  // As `canbo serve` does: the migrated database's training tallies are built (empty here).
  await prepareTallies(app.ctx);
  return {
    app,
    ctx: app.ctx,
    db,
    databaseUrl,
    close: async () => {
      await app.close();
      await drop();
    },
  };
}
