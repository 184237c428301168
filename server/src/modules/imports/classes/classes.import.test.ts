import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../../test/app.ts';
import { importSheet, importTemplate, kindSheet } from '../../../../test/importSheets.ts';
import { rowCount, twoDistricts, type TestApp } from '../../../../test/fixtures.ts';
import type { Session } from '../../../../test/http.ts';
import { CLASS_COLUMNS } from './classes.columns.ts';

describe('importing past classes by headcount', () => {
  let t: TestApp;
  let cuJut: number;
  let editorA: Session;
  const sheet = (rows: Record<string, string>[]) => kindSheet(CLASS_COLUMNS, rows);
  const stored = async () => ({
    classes: await rowCount(t, 'training_classes'),
    history: await rowCount(t, 'class_status_history'),
    audit: await rowCount(t, 'audit_log'),
  });

  beforeAll(async () => {
    t = await testApp();
    ({ cuJut, editorA } = await twoDistricts(t));
  });
  afterAll(() => t.close());

  it('template: headers, notes, the catalogue’s kinds as a drop-down', async () => {
    const { sheets } = await importTemplate(t, editorA, 'classes');
    const rows = sheets['Lớp đã học']!;
    expect(rows[0]).toEqual(CLASS_COLUMNS.map((c) => c.header));
    const words = sheets['Danh mục']!.flat();
    expect(words).toEqual(expect.arrayContaining(['Bồi dưỡng kỹ năng', 'Trực tuyến']));
  });

  it('a clean sheet: completed headcount classes with their history; a re-upload adds nothing', async () => {
    const data = await sheet([
      {
        name: 'Tập huấn nghiệp vụ 2019',
        kind: 'bồi dưỡng kỹ năng',
        organiser: 'Huyện đoàn Cư Jút',
        startDate: '06/05/2019',
        endDate: '08/05/2019',
        total: '120',
        women: '64',
        minority: '31',
      },
      {
        name: 'Lớp chuyển đổi số 2021',
        kind: 'Bồi dưỡng chuyển đổi số',
        organiser: 'Huyện đoàn Cư Jút',
        startDate: '01/06/2021',
        endDate: '02/06/2021',
        total: '35',
        mode: 'Trực tuyến',
      },
    ]);
    const before = await stored();
    expect(await importSheet(t, editorA, 'classes', data, false)).toMatchObject({
      counts: { create: 2 },
      errors: 0,
      committed: false,
    });
    expect(await stored()).toEqual(before);
    expect(await importSheet(t, editorA, 'classes', data, true)).toMatchObject({
      counts: { create: 2 },
      committed: true,
    });
    const rows = await t.db.kysely
      .selectFrom('training_classes')
      .select(['name', 'status', 'kind_code', 'mode', 'headcount_total', 'headcount_women', 'organiser_unit_id'])
      .where('headcount_total', 'is not', null)
      .orderBy('start_date')
      .execute();
    expect(rows).toEqual([
      {
        name: 'Tập huấn nghiệp vụ 2019',
        status: 'completed',
        kind_code: 'skills',
        mode: 'in_person',
        headcount_total: 120,
        headcount_women: 64,
        organiser_unit_id: cuJut,
      },
      {
        name: 'Lớp chuyển đổi số 2021',
        status: 'completed',
        kind_code: 'digital',
        mode: 'online',
        headcount_total: 35,
        headcount_women: null,
        organiser_unit_id: cuJut,
      },
    ]);
    const after = await stored();
    expect(after.history).toBe(before.history + 2);
    expect(await importSheet(t, editorA, 'classes', data, true)).toMatchObject({
      counts: { create: 0, skip: 2 },
      errors: 0,
    });
    expect(await stored()).toEqual(after);
  });

  it('each kind of error on its row and column, by the class form’s rules; nothing is written', async () => {
    const c = {
      kind: 'Bồi dưỡng kỹ năng',
      organiser: 'Huyện đoàn Cư Jút',
      startDate: '01/03/2020',
      endDate: '02/03/2020',
      total: '30',
    };
    const data = await sheet([
      { ...c, name: 'Lớp A', organiser: 'Huyện đoàn Đắk Mil' },
      { ...c, name: 'Lớp B', kind: 'Lớp lạ' },
      { ...c, name: 'Lớp C', total: 'ba mươi' },
      { ...c, name: 'Lớp D', women: '40' },
      { ...c, name: 'Lớp E', startDate: '05/03/2020' },
    ]);
    const before = await stored();
    const r = await importSheet(t, editorA, 'classes', data, true);
    expect(r.issues.map((i) => [i.row, i.column, i.message])).toEqual([
      [2, 'Đơn vị tổ chức', 'đơn vị không tồn tại hoặc bạn không có quyền xem'],
      [3, 'Loại lớp', '"Lớp lạ" không có trong danh mục loại lớp'],
      [4, 'Tổng số học viên', '"ba mươi" không phải số nguyên'],
      [5, 'Số nữ', expect.any(String)],
      [6, 'Ngày kết thúc', expect.any(String)],
    ]);
    expect(r.committed).toBe(false);
    expect(await stored()).toEqual(before);
  });
});
