import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '../db/index.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { backup } from './backup.ts';
import { restore } from './restore.ts';
import { pgDb } from '../../test/app.ts';
import {
  apiAnswers,
  fingerprint,
  freshCounts,
  nextAuditId,
  PG_URL,
  rewriteText,
  snapshotWhileWritten,
  tableCounts,
  tempDir,
  withDemo,
} from './backup.testkit.ts';

/**
 * Across engines: a union that outgrows SQLite moves to PostgreSQL with a backup and a restore, and
 * back. Runs in `npm run test:pg` (TEST_DATABASE_URL set); each PostgreSQL database is a schema of its own.
 */
describe.skipIf(!PG_URL)('backup and restore across SQLite and PostgreSQL', () => {
  const url = PG_URL!;
  const dir = tempDir();
  const drops: (() => Promise<void>)[] = [];
  let source: Db;
  let sourcePrint: Record<string, string>;
  let sourceAnswers: Record<string, unknown>;
  const sqliteFile = dir.path('sqlite.canbo.gz');
  const pgFile = dir.path('postgres.canbo.gz');
  let pgSource: Db;

  async function newPg(): Promise<Db> {
    const { db, drop } = await pgDb(url);
    drops.push(drop);
    return db;
  }

  beforeAll(async () => {
    source = await withDemo(createDb(':memory:'));
    sourcePrint = await fingerprint(source);
    await backup(source, sqliteFile);
    sourceAnswers = await apiAnswers(source);
  }, 240_000);

  afterAll(async () => {
    await source.destroy();
    for (const drop of drops) await drop();
    dir.remove();
  });

  it('SQLite → PostgreSQL gives the same rows and the same answers, and new rows get new ids', async () => {
    pgSource = await newPg();
    await restore(pgSource, sqliteFile);
    expect(await fingerprint(pgSource)).toEqual(sourcePrint);
    // Sequences were moved past the restored ids: a plain insert does not collide.
    const { max, added } = await nextAuditId(pgSource);
    expect(added).toBe(max + 1);
    // Taken before signing in (which writes a session), as on the source.
    await backup(pgSource, pgFile);
    expect(await apiAnswers(pgSource)).toEqual(sourceAnswers);
  }, 240_000);

  it('PostgreSQL → PostgreSQL gives the same rows and the same answers', async () => {
    const target = await newPg();
    await migrateToLatest(target); // as after a first start: catalogues seeded, nothing else
    await restore(target, pgFile);
    expect(await fingerprint(target)).toEqual(sourcePrint);
    expect(await apiAnswers(target)).toEqual(sourceAnswers);
  }, 240_000);

  it('PostgreSQL → SQLite gives the same rows and the same answers', async () => {
    const target = createDb(':memory:');
    await restore(target, pgFile);
    expect(await fingerprint(target)).toEqual(sourcePrint);
    expect(await apiAnswers(target)).toEqual(sourceAnswers);
    await target.destroy();
  }, 240_000);

  it('a damaged file leaves a PostgreSQL target without a row of data', async () => {
    const changed = dir.path('changed.canbo.gz');
    rewriteText(pgFile, changed, (text) => text.replace('"Huyện đoàn Cư Jút"', '"Huyện đoàn Cư Jut"'));
    const target = await newPg();
    const refused = await restore(target, changed).catch((e: unknown) => e as Error);
    expect(refused).toBeInstanceOf(Error);
    expect((refused as Error).message).toMatch(/sai tổng kiểm tra của bảng \w+/);
    expect(await tableCounts(target)).toEqual(await freshCounts());
    const cut = dir.path('cut.canbo.gz');
    rewriteText(pgFile, cut, (text) => text.slice(0, text.lastIndexOf('\n', text.length * 0.8) + 1));
    await expect(restore(target, cut)).rejects.toThrow(/bị cắt cụt/);
    expect(await tableCounts(target)).toEqual(await freshCounts());
  }, 240_000);

  it('refuses a PostgreSQL target that holds data', async () => {
    await expect(restore(pgSource, sqliteFile)).rejects.toThrow(/CSDL đích đã có dữ liệu/);
  });

  it('is one consistent snapshot while PostgreSQL keeps being written', async () => {
    const source = await newPg();
    // Both handles on one schema: the second pool points at the first one's schema.
    const schema = (await sql<{ s: string }>`select current_schema() as s`.execute(source.kysely)).rows[0]!.s;
    const writer = createDb(url, { schema, poolSize: 2 });
    await restore(source, sqliteFile);
    const snapshot = await snapshotWhileWritten(source, writer, dir.path('during.canbo.gz'));
    await writer.destroy();
    expect(snapshot.writtenDuring).toBeGreaterThan(0);
    expect(snapshot.unitsWithSelfRow).toBe(snapshot.units);
  }, 240_000);
});
