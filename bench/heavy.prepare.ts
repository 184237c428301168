/**
 * The database the heavy-work benchmark's server runs on (bench/heavy.bench.ts runs this first, then
 * the built server on the file): a fresh SQLite database with one province, a superadmin, a class
 * of `--trainees` with `--sessions` sessions, and `--people` more cadres for the largest export.
 * Prints one JSON line with what the benchmark needs (the database's URL and folder among it), then
 * exits; the benchmark removes the folder.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildApp } from '../server/src/app.ts';
import { loadConfig } from '../server/src/config.ts';
import { createDb } from '../server/src/db/index.ts';
import { migrateToLatest } from '../server/src/db/migrate.ts';
import { makeClass, makeSession, makeTrainees, makeUnit, makeUser } from '../server/test/factories.ts';

const { values } = parseArgs({
  options: {
    trainees: { type: 'string', default: '500' },
    sessions: { type: 'string', default: '10' },
    people: { type: 'string', default: '20000' },
  },
});

const dir = mkdtempSync(join(tmpdir(), 'canbo-heavy-'));
const url = `sqlite:${join(dir, 'bench.db')}`;
const db = createDb(url);
await migrateToLatest(db);
const config = { ...loadConfig(process.env), databaseUrl: url, webDist: null, host: '127.0.0.1', port: 0 };
const app = await buildApp({ config, db });
const ctx = app.ctx;

const province = await makeUnit(ctx, { name: 'Tỉnh đoàn Lâm Đồng' });
const admin = await makeUser(ctx, { superadmin: true, login: 'bench-admin' });
const cls = await makeClass(ctx, {
  organiserUnitId: province,
  name: 'Lớp bồi dưỡng chức danh bí thư, phó bí thư đoàn cơ sở năm 2025',
  status: 'completed',
  capacity: null,
  startDate: '2025-05-12',
  endDate: '2025-05-20',
});
const sessions: number[] = [];
for (let k = 0; k < Number(values.sessions); k++) {
  sessions.push(
    await makeSession(ctx, {
      classId: cls,
      date: `2025-05-${String(12 + Math.floor(k / 2)).padStart(2, '0')}`,
      part: k % 2 ? 'afternoon' : 'morning',
    }),
  );
}
const enrolments = await makeTrainees(ctx, { classId: cls, unitId: province, count: Number(values.trainees) });
// Cadres beyond the class, on a class of their own (makeTrainees makes people through enrolments).
const others = await makeClass(ctx, { organiserUnitId: province, status: 'completed', capacity: null });
await makeTrainees(ctx, { classId: others, unitId: province, count: Number(values.people), prefix: 'Cán bộ' });

await app.close();
await db.destroy();
console.log(
  JSON.stringify({ url, dir, login: admin.login, password: admin.password, classId: cls, sessions, enrolments }),
);
