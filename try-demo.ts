import { createDb } from './server/src/db/index.ts';
import { migrateToLatest } from './server/src/db/migrate.ts';
import { loadConfig } from './server/src/config.ts';
import { LoginThrottle } from './server/src/auth/throttle.ts';
import { loadDemo } from './server/src/demo/demo.ts';
const url = process.argv[2] ?? ':memory:';
const db = createDb(url);
await migrateToLatest(db);
const ctx = { db, config: { ...loadConfig({}), databaseUrl: url }, throttle: new LoginThrottle() };
const t = Date.now();
try {
  console.log('loaded', await loadDemo(ctx), Date.now() - t, 'ms');
  console.log('again', await loadDemo(ctx));
} catch (e) { console.error('FAILED after', Date.now() - t, e); }
const q = db.kysely;
for (const t of ['units', 'people', 'positions', 'unit_events', 'audit_log', 'users'] as const) {
  const r = await q.selectFrom(t).select(q.fn.countAll().as('n')).executeTakeFirst();
  console.log(t, r?.n);
}
await db.destroy();
