import { execFile } from 'node:child_process';
import { readFileSync, truncateSync, writeFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '../db/index.ts';
import { appliedMigrations, KNOWN_MIGRATIONS, migrateToLatest } from '../db/migrate.ts';
import { listTables } from '../db/tables.ts';
import { backup } from './backup.ts';
import { restore } from './restore.ts';
import {
  apiAnswers,
  fingerprint,
  freshCounts,
  nextAuditId,
  rewriteText,
  snapshotWhileWritten,
  tableCounts,
  tempDir,
  withDemo,
} from './backup.testkit.ts';

const dir = tempDir();
let source: Db;
let sourcePrint: Record<string, string>;
let sourceAnswers: Record<string, unknown>;
const file = dir.path('demo.canbo.gz');
let seeded: Record<string, number>;

beforeAll(async () => {
  source = await withDemo(createDb(dir.path('source.db')));
  sourcePrint = await fingerprint(source);
  await backup(source, file);
  sourceAnswers = await apiAnswers(source);
  seeded = await freshCounts();
}, 180_000);

afterAll(async () => {
  await source.destroy();
  dir.remove();
});

/** Restores into a new database and returns the error it refused with (or null) and what it holds. */
async function restoreFresh(
  path: string,
): Promise<{ error: Error | null; counts: Record<string, number>; tables: number }> {
  const target = createDb(':memory:');
  const error = await restore(target, path).then(
    () => null,
    (e: unknown) => e as Error,
  );
  const counts = await tableCounts(target);
  const tables = (await listTables(target.kysely, target.engine)).length;
  await target.destroy();
  return { error, counts, tables };
}

describe('backup and restore on SQLite', () => {
  it('reads the table list from the database itself, every table of the schema', async () => {
    const names = Object.keys(sourcePrint);
    expect(names).toEqual(
      expect.arrayContaining(['units', 'people', 'users', 'enrolments', 'attendance', 'certificates', 'audit_log']),
    );
    expect(names).not.toContain('kysely_migration');
    const text = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
    const header = JSON.parse(text[0]!) as { migrations: string[]; engine: string };
    expect(header.migrations).toEqual([...KNOWN_MIGRATIONS]);
    expect(header.engine).toBe('sqlite');
    const tablesInFile = text
      .filter((l) => l.startsWith('{"table"'))
      .map((l) => (JSON.parse(l) as { table: string }).table);
    expect([...tablesInFile].sort()).toEqual([...names].sort());
    // The people's full-text index and its shadow tables are derived, not data.
    expect(tablesInFile.filter((t) => t.startsWith('people_search'))).toEqual([]);
    // Parents first: a class's enrolments come after the class and the people they name.
    expect(tablesInFile.indexOf('enrolments')).toBeGreaterThan(tablesInFile.indexOf('training_classes'));
  });

  it('a round trip into a database that has only been migrated gives the same rows and the same answers', async () => {
    const target = createDb(':memory:');
    await migrateToLatest(target); // as after a first `canbo serve`: catalogues seeded, nothing else
    const summary = await restore(target, file);
    expect(summary.rows).toBeGreaterThan(1000);
    expect(await fingerprint(target)).toEqual(sourcePrint);
    expect(await apiAnswers(target)).toEqual(sourceAnswers);
    expect((sourceAnswers.search as { total: number }).total).toBeGreaterThan(0);
    await target.destroy();
  });

  it('a round trip into a new database file migrates it to the file’s schema first', async () => {
    const target = createDb(dir.path('new.db'));
    await restore(target, file);
    expect(await appliedMigrations(target.kysely, target.engine)).toEqual([...KNOWN_MIGRATIONS]);
    expect(await fingerprint(target)).toEqual(sourcePrint);
    // New rows continue after the restored ids.
    const { max, added } = await nextAuditId(target);
    expect(added).toBe(max + 1);
    await target.destroy();
  });

  it('refuses a target that already holds data, and changes nothing in it', async () => {
    const before = await fingerprint(source);
    await expect(restore(source, file)).rejects.toThrow(/CSDL đích đã có dữ liệu \(bảng \w+\)/);
    expect(await fingerprint(source)).toEqual(before);
  });

  it('refuses a file whose gzip stream is damaged in the middle, and writes nothing', async () => {
    const bytes = readFileSync(file);
    const mid = Math.floor(bytes.length / 2);
    for (let i = mid; i < mid + 16; i++) bytes[i] = bytes[i]! ^ 0xff;
    const damaged = dir.path('damaged.canbo.gz');
    writeFileSync(damaged, bytes);
    const { error, counts } = await restoreFresh(damaged);
    expect(error?.message).toMatch(/Tệp sao lưu bị hỏng hoặc không đầy đủ/);
    expect(counts).toEqual(seeded);
  });

  it('refuses a cut file, and writes nothing', async () => {
    const cut = dir.path('cut.canbo.gz');
    writeFileSync(cut, readFileSync(file));
    truncateSync(cut, Math.floor(readFileSync(file).length * 0.6));
    const { error, counts } = await restoreFresh(cut);
    expect(error?.message).toMatch(/Tệp sao lưu bị hỏng hoặc không đầy đủ/);
    expect(counts).toEqual(seeded);

    // Cut at a line end and compressed again, so gzip itself finds nothing wrong.
    const lineCut = dir.path('line-cut.canbo.gz');
    rewriteText(file, lineCut, (text) => text.slice(0, text.lastIndexOf('\n', text.length * 0.7) + 1));
    const second = await restoreFresh(lineCut);
    expect(second.error?.message).toMatch(/bị cắt cụt/);
    expect(second.counts).toEqual(seeded);
  });

  it('refuses a file whose rows were changed, by the table’s checksum, and writes nothing', async () => {
    const changed = dir.path('changed.canbo.gz');
    rewriteText(file, changed, (text) => {
      expect(text).toContain('"Huyện đoàn Cư Jút"');
      return text.replace('"Huyện đoàn Cư Jút"', '"Huyện đoàn Cư Jut"');
    });
    const { error, counts } = await restoreFresh(changed);
    expect(error?.message).toMatch(/sai tổng kiểm tra của bảng \w+/);
    expect(counts).toEqual(seeded);
  });

  it('refuses a file of a newer schema than this version knows, before touching the target', async () => {
    const newer = createDb(':memory:');
    await migrateToLatest(newer);
    await sql`insert into kysely_migration (name, timestamp) values ('9999_from_the_future', '2099-01-01')`.execute(
      newer.kysely,
    );
    const newerFile = dir.path('newer.canbo.gz');
    await backup(newer, newerFile);
    await newer.destroy();
    const { error, tables } = await restoreFresh(newerFile);
    expect(error?.message).toMatch(/cấu trúc CSDL mới hơn phiên bản Canbo này.*9999_from_the_future/);
    expect(tables).toBe(0);
  });

  it('refuses a file that is not a backup, and a missing file', async () => {
    const notBackup = dir.path('not-backup.canbo.gz');
    writeFileSync(notBackup, gzipSync('{"hello":1}\n'));
    expect((await restoreFresh(notBackup)).error?.message).toMatch(/không phải tệp sao lưu của Canbo/);
    expect((await restoreFresh(dir.path('missing.canbo.gz'))).error?.message).toMatch(/tệp không tồn tại/);
  });

  it('is one consistent snapshot while the database keeps being written', async () => {
    const writer = createDb(dir.path('source.db')); // a second connection to the same file
    const snapshot = await snapshotWhileWritten(source, writer, dir.path('during.canbo.gz'));
    await writer.destroy();
    expect(snapshot.writtenDuring).toBeGreaterThan(0);
    expect(snapshot.unitsWithSelfRow).toBe(snapshot.units);
  });
});

describe('the command line', () => {
  const tsx = resolve(import.meta.dirname, '../../../node_modules/.bin/tsx');
  const main = resolve(import.meta.dirname, '../main.ts');
  const canbo = (databaseUrl: string, ...args: string[]) =>
    promisify(execFile)(tsx, [main, ...args], { env: { ...process.env, DATABASE_URL: databaseUrl } }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );

  it('backs up with `canbo backup <file>` and restores with `canbo restore <file>`; refuses with a message and exit 1', async () => {
    const out = dir.path('cli.canbo.gz');
    const made = await canbo(dir.path('source.db'), 'backup', out);
    expect(made.stdout).toMatch(/Đã sao lưu \d+ bảng, [\d.]+ dòng vào/);
    expect(made.code).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect(existsSync(`${out}.part`)).toBe(false);

    const target = dir.path('cli-target.db');
    const restored = await canbo(target, 'restore', out);
    expect(restored.stdout).toMatch(/Đã khôi phục \d+ bảng/);
    expect(restored.code).toBe(0);

    const again = await canbo(target, 'restore', out);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/CSDL đích đã có dữ liệu/);

    const db = createDb(target);
    expect(await fingerprint(db)).toEqual(await fingerprint(source));
    await db.destroy();
  }, 300_000);
});
