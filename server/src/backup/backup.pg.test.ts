import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '../db/index.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { backup } from './backup.ts';
import { restore } from './restore.ts';
import {
  apiAnswers,
  fingerprint,
  freshCounts,
  PG_URL,
  pgDb,
  rewriteText,
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
    const max = await sql<{ id: number }>`select max(id) as id from audit_log`.execute(pgSource.kysely);
    const added = await pgSource.kysely
      .insertInto('audit_log')
      .values({ at: new Date().toISOString(), entity: 'unit', entity_id: 1, action: 'test' })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(added.id).toBe(max.rows[0]!.id + 1);
    await sql`delete from audit_log where id = ${added.id}`.execute(pgSource.kysely);
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
    const other = createDb(url, { schema, poolSize: 2 });
    await restore(source, sqliteFile);
    let writing = true;
    let written = 0;
    const loop = (async () => {
      while (writing) {
        await other.kysely.transaction().execute(async (tx) => {
          const now = new Date().toISOString();
          const unit = await tx
            .insertInto('units')
            .values({
              code: `SNAP${written}`,
              name: `Chi đoàn ${written}`,
              short_name: null,
              kind: 'branch',
              organisation: 'doan',
              parent_id: null,
              status: 'active',
              valid_from: '2020-01-01',
              valid_to: null,
              place: null,
              search_text: `chi doan ${written}`,
              sort_key: `chi doan ${written}`,
              created_at: now,
              updated_at: now,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          await tx
            .insertInto('unit_closure')
            .values({ ancestor_id: unit.id, descendant_id: unit.id, depth: 0 })
            .execute();
        });
        written += 1;
        // Let the backup's file writes through: SQLite answers without ever leaving the event loop.
        await new Promise((r) => setImmediate(r));
      }
    })();
    const during = dir.path('during.canbo.gz');
    const before = written;
    await backup(source, during);
    writing = false;
    await loop;
    await other.destroy();
    expect(written - before).toBeGreaterThan(0);

    const target = createDb(':memory:');
    await restore(target, during);
    const units = await sql<{ n: number }>`select count(*) as n from units`.execute(target.kysely);
    const selfRows = await sql<{ n: number }>`select count(*) as n from unit_closure where depth = 0`.execute(
      target.kysely,
    );
    expect(selfRows.rows[0]!.n).toBe(units.rows[0]!.n);
    await target.destroy();
  }, 240_000);
});
