import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { createDb, type Db } from '../src/db/index.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import type { App } from '../src/http.ts';
import type { Ctx } from '../src/context.ts';
import type { Config } from '../src/config.ts';

/**
 * A fresh app on a fresh database for one test file: an in-memory SQLite database, or — when
 * TEST_DATABASE_URL is set — a schema of its own on that PostgreSQL server, dropped afterwards.
 * `overrides` change the configuration (a tiny heavy-work pool, say).
 */
export async function testApp(
  overrides: Partial<Config> = {},
): Promise<{ app: App; ctx: Ctx; db: Db; close: () => Promise<void> }> {
  const url = process.env.TEST_DATABASE_URL;
  let db: Db;
  let drop = async () => {};
  if (url) {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    db = createDb(url, { schema, poolSize: 4 });
    drop = async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    };
  } else {
    db = createDb(':memory:');
  }
  await migrateToLatest(db);
  const config = { ...loadConfig({}), webDist: null, databaseUrl: url ?? ':memory:', ...overrides };
  const app = await buildApp({ config, db });
  await app.ready();
  return {
    app,
    ctx: app.ctx,
    db,
    close: async () => {
      await app.close();
      await db.destroy();
      await drop();
    },
  };
}
