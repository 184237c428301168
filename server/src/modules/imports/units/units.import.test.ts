import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../../test/app.ts';
import { importSheet, importTemplate, kindSheet } from '../../../../test/importSheets.ts';
import { rowCount, twoDistricts, type TestApp } from '../../../../test/fixtures.ts';
import type { Session } from '../../../../test/http.ts';
import { UNIT_COLUMNS } from './units.columns.ts';

describe('importing units', () => {
  let t: TestApp;
  let cuJut: number;
  let dakMil: number;
  let admin: Session;
  let editorA: Session;
  const sheet = (rows: Record<string, string | Date>[]) => kindSheet(UNIT_COLUMNS, rows);
  const stored = async () => ({
    units: await rowCount(t, 'units'),
    closure: await rowCount(t, 'unit_closure'),
    events: await rowCount(t, 'unit_events'),
    audit: await rowCount(t, 'audit_log'),
  });
  const unitCoded = (code: string) =>
    t.db.kysely.selectFrom('units').selectAll().where('code', '=', code).executeTakeFirst();

  beforeAll(async () => {
    t = await testApp();
    ({ cuJut, dakMil, admin, editorA } = await twoDistricts(t));
  });
  afterAll(() => t.close());

  it('template: Vietnamese headers, notes, the example and the kinds as a drop-down', async () => {
    const { sheets, disposition } = await importTemplate(t, editorA, 'units');
    expect(disposition).toContain('mau-nhap-don-vi.xlsx');
    const rows = sheets['Đơn vị']!;
    expect(rows[0]).toEqual(UNIT_COLUMNS.map((c) => c.header));
    expect(rows[1]?.[0]).toMatch(/^Bắt buộc/);
    expect(rows[2]?.slice(0, 2)).toEqual(['CJ-EAPO', 'Đoàn xã Ea Pô']);
    const words = sheets['Danh mục']!.flat();
    expect(words).toEqual(expect.arrayContaining(['Đoàn xã, phường, đặc khu', 'Chi đoàn', 'Đoàn', 'Hội', 'Có']));
    expect(words).not.toContain('commune');
  });

  it('a clean sheet: previewed, committed as the unit form would (parents from rows above), re-uploaded adds nothing', async () => {
    const data = await sheet([
      {
        code: 'CJ-TAM',
        name: 'Đoàn xã Tâm Thắng',
        kind: 'Đoàn xã, phường, đặc khu',
        organisation: 'Đoàn',
        parent: 'huyen doan cu jut',
        date: '01/03/2005',
        decision: '12-QĐ/HĐ',
      },
      {
        code: 'CJ-TAM-1',
        name: 'Chi đoàn thôn 1',
        kind: 'Chi đoàn',
        organisation: 'Đoàn',
        parent: 'CJ-TAM',
        interim: 'Có',
        date: new Date(Date.UTC(2010, 5, 1)),
      },
    ]);
    const before = await stored();
    const preview = await importSheet(t, editorA, 'units', data, false);
    expect(preview).toMatchObject({ rows: 2, counts: { create: 2, update: 0, skip: 0 }, errors: 0, committed: false });
    expect(await stored()).toEqual(before);

    const done = await importSheet(t, editorA, 'units', data, true);
    expect(done).toMatchObject({ counts: { create: 2 }, committed: true });
    const tam = await unitCoded('CJ-TAM');
    const thon = await unitCoded('CJ-TAM-1');
    expect(tam).toMatchObject({ parent_id: cuJut, kind: 'commune', status: 'active', valid_from: '2005-03-01' });
    expect(thon).toMatchObject({ parent_id: tam!.id, kind: 'branch', status: 'interim', valid_from: '2010-06-01' });
    // Its ancestors in the closure: itself, the commune, the district and the province.
    const ancestors = await t.db.kysely
      .selectFrom('unit_closure')
      .select('ancestor_id')
      .where('descendant_id', '=', thon!.id)
      .execute();
    expect(ancestors).toHaveLength(4);
    const audits = await t.db.kysely
      .selectFrom('audit_log')
      .select(['entity', 'action', 'entity_id'])
      .where('entity', '=', 'unit')
      .where('entity_id', 'in', [tam!.id, thon!.id])
      .execute();
    expect(audits).toHaveLength(2);

    const after = await stored();
    const again = await importSheet(t, editorA, 'units', data, true);
    expect(again).toMatchObject({ counts: { create: 0, update: 0, skip: 2 }, errors: 0 });
    expect(await stored()).toEqual(after);
  });

  it('each kind of error on its row and column; a district editor cannot establish under another district', async () => {
    const base = { kind: 'Chi đoàn', organisation: 'Đoàn', date: '01/01/2015' };
    const data = await sheet([
      { ...base, code: 'E1', name: 'Chi đoàn A', parent: 'Huyện đoàn Đắk Mil' },
      { ...base, code: 'E2', name: 'Chi đoàn B', parent: 'Huyện đoàn Cư Jút', kind: 'Chi bộ' },
      { ...base, code: 'E3', name: 'Chi đoàn C', parent: 'Huyện đoàn Cư Jút', date: '31/02/2015' },
      { ...base, code: 'E3', name: 'Chi đoàn D', parent: 'Huyện đoàn Cư Jút' },
      { ...base, code: 'E5', name: 'Chi đoàn E', parent: 'Huyện đoàn Không Có' },
      { ...base, code: 'E6', name: 'Chi đoàn F' },
      { ...base, code: 'E7', name: 'Chi đoàn G', parent: 'Huyện đoàn Cư Jút', date: '01/01/1990' },
      { ...base, code: 'CJ-TAM', name: 'Đoàn xã Khác', parent: 'Huyện đoàn Cư Jút' },
      { ...base, code: 'E9', name: 'Chi đoàn I', parent: 'E3' },
    ]);
    const before = await stored();
    const r = await importSheet(t, editorA, 'units', data, true);
    const e = (row: number, column: string, message: string, ids: number[] = []) => ({
      row,
      column,
      message,
      severity: 'error',
      ids,
    });
    const tam = await unitCoded('CJ-TAM');
    expect(r.issues).toEqual([
      e(2, 'Đơn vị cấp trên', 'Bạn không có quyền sửa đơn vị Huyện đoàn Đắk Mil', [dakMil]),
      e(3, 'Loại đơn vị', expect.stringContaining('"Chi bộ" không có trong danh sách') as unknown as string),
      e(4, 'Ngày thành lập', 'ngày "31/02/2015" không có trên lịch'),
      e(5, 'Mã đơn vị', 'mã E3 đã có ở dòng 4 của tệp'),
      e(6, 'Đơn vị cấp trên', 'không có đơn vị mã hoặc tên "Huyện đoàn Không Có" trong Canbo'),
      e(7, 'Đơn vị cấp trên', 'bắt buộc: chỉ quản trị hệ thống thành lập được đơn vị cấp cao nhất'),
      e(8, 'Ngày thành lập', '01/01/1990 trước ngày thành lập của Huyện đoàn Cư Jút (01/01/2000)', [cuJut]),
      e(9, 'Mã đơn vị', 'mã CJ-TAM đã dùng cho Đoàn xã Tâm Thắng', [tam!.id]),
      e(10, 'Đơn vị cấp trên', 'đơn vị cấp trên ở dòng 4 của tệp có lỗi'),
    ]);
    expect(r).toMatchObject({ committed: false, errors: 9 });
    expect(await stored()).toEqual(before);
  });

  it('a system administrator may establish a top unit', async () => {
    const data = await sheet([
      { code: 'TW-X', name: 'Tỉnh đoàn Thử', kind: 'Tỉnh, thành đoàn', organisation: 'Đoàn', date: '01/01/2001' },
    ]);
    const r = await importSheet(t, admin, 'units', data, true);
    expect(r).toMatchObject({ counts: { create: 1 }, errors: 0, committed: true });
    expect(await unitCoded('TW-X')).toMatchObject({ parent_id: null, kind: 'province' });
  });
});
