import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../test/app.ts';
import type { Db } from './index.ts';
import { migrateTo, migrateToLatest } from './migrate.ts';

/**
 * Migrations that fill a new column from the rows already stored, run on a database holding such rows
 * (a fresh database has none: the other suites never see the fill).
 */
describe('migrations filling what was already stored', () => {
  let db: Db;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ db, drop } = await testDb());
  });
  afterAll(() => drop());

  it('0026 gives every dated unit name its folded search text', async () => {
    await migrateTo(db, '0025_people_sort_search');
    const now = '2026-01-01T00:00:00.000Z';
    await sql`insert into units (id, code, name, kind, organisation, status, valid_from, search_text, created_at, updated_at)
      values (901, 'DN', 'Tỉnh đoàn Lâm Đồng', 'province', 'doan', 'active', '2000-01-01', 'tinh doan lam dong', ${now}, ${now})`.execute(
      db.kysely,
    );
    await sql`insert into unit_names (unit_id, name, short_name, sort_key, valid_from, valid_to) values
      (901, 'Tỉnh đoàn Đắk Nông', null, 'x', '2000-01-01', '2025-06-30'),
      (901, 'Tỉnh đoàn Lâm Đồng', 'TĐ Lâm Đồng', 'y', '2025-07-01', null)`.execute(db.kysely);

    await migrateToLatest(db);

    const rows = await sql<{ name: string; search_text: string }>`
      select name, search_text from unit_names where unit_id = 901 order by valid_from`.execute(db.kysely);
    expect(rows.rows).toEqual([
      { name: 'Tỉnh đoàn Đắk Nông', search_text: 'tinh doan dak nong' },
      { name: 'Tỉnh đoàn Lâm Đồng', search_text: 'tinh doan lam dong' },
    ]);
  });
});
