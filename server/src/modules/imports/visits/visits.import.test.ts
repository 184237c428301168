import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../../test/app.ts';
import { makePerson, makeUnit } from '../../../../test/factories.ts';
import { importSheet, importTemplate, kindSheet } from '../../../../test/importSheets.ts';
import { rowCount, twoDistricts, type TestApp } from '../../../../test/fixtures.ts';
import type { Session } from '../../../../test/http.ts';
import { VISIT_COLUMNS } from './visits.columns.ts';

describe('importing grassroots visits', () => {
  let t: TestApp;
  let editorA: Session;
  let commune: number;
  let an: number;
  const sheet = (rows: Record<string, string>[]) => kindSheet(VISIT_COLUMNS, rows);
  const stored = async () => ({ trips: await rowCount(t, 'visit_trips'), audit: await rowCount(t, 'audit_log') });

  beforeAll(async () => {
    t = await testApp();
    const d = await twoDistricts(t);
    editorA = d.editorA;
    commune = await makeUnit(t.ctx, { name: 'Đoàn xã Ea Pô', parentId: d.cuJut, kind: 'commune', code: 'EAPO' });
    await makeUnit(t.ctx, { name: 'Đoàn xã Đắk Lao', parentId: d.dakMil, kind: 'commune' });
    an = await makePerson(t.ctx, {
      unitId: d.cuJut,
      familyName: 'Y Ngông',
      middleName: 'Niê',
      givenName: 'Kdăm',
      nationalId: '066094000123',
    });
    await makePerson(t.ctx, {
      unitId: d.dakMil,
      familyName: 'Điểu',
      givenName: 'K’Lung',
      nationalId: '067095000456',
    });
  });
  afterAll(() => t.close());

  it('template: headers, notes and the example', async () => {
    const { sheets } = await importTemplate(t, editorA, 'visits');
    const rows = sheets['Đi cơ sở']!;
    expect(rows[0]).toEqual(VISIT_COLUMNS.map((c) => c.header));
    expect(rows[1]?.[3]).toMatch(/^Bắt buộc/);
  });

  it('a clean sheet: trips recorded as the trip form records them; a re-upload adds nothing', async () => {
    const data = await sheet([
      {
        nationalId: '066094000123',
        hostUnit: 'EAPO',
        startDate: '10/04/2023',
        endDate: '12/04/2023',
        purpose: 'Nắm tình hình đoàn viên',
      },
      {
        nationalId: '066094000123',
        hostUnit: 'Đoàn xã Ea Pô',
        startDate: '05/09/2023',
        endDate: '05/09/2023',
        purpose: 'Dự sinh hoạt chi đoàn',
      },
    ]);
    const before = await stored();
    expect(await importSheet(t, editorA, 'visits', data, false)).toMatchObject({
      counts: { create: 2 },
      errors: 0,
      committed: false,
    });
    expect(await stored()).toEqual(before);
    expect(await importSheet(t, editorA, 'visits', data, true)).toMatchObject({
      counts: { create: 2 },
      committed: true,
    });
    const trips = await t.db.kysely
      .selectFrom('visit_trips')
      .select(['host_unit_id', 'start_date', 'days'])
      .where('person_id', '=', an)
      .orderBy('start_date')
      .execute();
    expect(trips).toEqual([
      { host_unit_id: commune, start_date: '2023-04-10', days: 3 },
      { host_unit_id: commune, start_date: '2023-09-05', days: 1 },
    ]);
    expect((await stored()).audit).toBe(before.audit + 2);
    const after = await stored();
    expect(await importSheet(t, editorA, 'visits', data, true)).toMatchObject({
      counts: { create: 0, skip: 2 },
      errors: 0,
    });
    expect(await stored()).toEqual(after);
  });

  it('each kind of error on its row and column, by the trip form’s rules; nothing is written', async () => {
    const v = { nationalId: '066094000123', hostUnit: 'EAPO', purpose: 'Đi cơ sở' };
    const data = await sheet([
      { ...v, nationalId: '067095000456', startDate: '01/03/2024', endDate: '02/03/2024' },
      { ...v, hostUnit: 'Đoàn xã Đắk Lao', startDate: '01/04/2024', endDate: '02/04/2024' },
      { ...v, startDate: '10/05/2024', endDate: '01/05/2024' },
      { ...v, startDate: '11/04/2023', endDate: '11/04/2023' },
      { ...v, startDate: '01/06/2024', endDate: '03/06/2024' },
      { ...v, startDate: '02/06/2024', endDate: '02/06/2024' },
    ]);
    const before = await stored();
    const r = await importSheet(t, editorA, 'visits', data, true);
    expect(r.issues.map((i) => [i.row, i.column, i.message, i.ids])).toEqual([
      [2, 'Số CCCD', 'Bạn không có quyền cập nhật hồ sơ của người có số CCCD này', []],
      [3, 'Đơn vị cơ sở đến', 'không tìm thấy đơn vị, hoặc bạn không có quyền với đơn vị này', []],
      [4, 'Ngày kết thúc', 'không được trước Ngày bắt đầu (10/05/2024)', []],
      [
        5,
        'Ngày bắt đầu',
        expect.stringMatching(/^Trùng với đợt đi cơ sở từ 10\/04\/2023 đến 12\/04\/2023/),
        [expect.any(Number)],
      ],
      [7, 'Ngày bắt đầu', 'trùng với đợt đi cơ sở từ 01/06/2024 đến 03/06/2024 ở dòng 6 của tệp', [an]],
    ]);
    // Đắk Mil's cadre, named by national ID: not named, and the row links nothing (ids above).
    expect(JSON.stringify(r.issues)).not.toContain('K’Lung');
    expect(r.committed).toBe(false);
    expect(await stored()).toEqual(before);
  });
});
