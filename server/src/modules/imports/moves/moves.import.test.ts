import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../../test/app.ts';
import { makeClass, makeEnrolment, makeUnit } from '../../../../test/factories.ts';
import { importSheet, importTemplate, kindSheet, sheetCadres } from '../../../../test/importSheets.ts';
import { rowCount, twoDistricts, type TestApp } from '../../../../test/fixtures.ts';
import type { Session } from '../../../../test/http.ts';
import { MOVE_COLUMNS } from './moves.columns.ts';

describe('importing moves', () => {
  let t: TestApp;
  let cuJut: number;
  let dakMil: number;
  let eaPo: number;
  let admin: Session;
  let editorA: Session;
  let an: number;
  let binh: number;
  const sheet = (rows: Record<string, string>[]) => kindSheet(MOVE_COLUMNS, rows);
  const stored = async () => ({
    moves: await rowCount(t, 'moves'),
    audit: await rowCount(t, 'audit_log'),
  });
  const unitOf = async (id: number) =>
    (await t.db.kysely.selectFrom('people').select('unit_id').where('id', '=', id).executeTakeFirstOrThrow()).unit_id;

  beforeAll(async () => {
    t = await testApp();
    ({ cuJut, dakMil, admin, editorA } = await twoDistricts(t));
    eaPo = await makeUnit(t.ctx, { name: 'Đoàn xã Ea Pô', parentId: cuJut, code: 'EAPO', kind: 'commune' });
    ({ an, binh } = await sheetCadres(t, { home: cuJut, other: dakMil }));
  });
  afterAll(() => t.close());

  it('template: headers, notes, the kinds of move as a drop-down, the example', async () => {
    const { sheets } = await importTemplate(t, editorA, 'moves');
    const rows = sheets['Điều chuyển']!;
    expect(rows[0]).toEqual(MOVE_COLUMNS.map((c) => c.header));
    expect(rows[2]?.[3]).toBe('Điều động');
    const words = sheets['Danh mục']!.flat();
    expect(words).toEqual(expect.arrayContaining(['Điều động', 'Luân chuyển', 'Biệt phái', 'Tiếp nhận']));
  });

  it('a clean sheet: a chain of moves from the file, the unit of today and the 2019 credit follow; a re-upload adds nothing', async () => {
    const cls = await makeClass(t.ctx, {
      organiserUnitId: cuJut,
      startDate: '2019-05-06',
      endDate: '2019-05-08',
      status: 'completed',
    });
    const enrolment = await makeEnrolment(t.ctx, { classId: cls, personId: an, status: 'confirmed' });
    const data = await sheet([
      {
        nationalId: '066094000123',
        moveKind: 'Điều động',
        fromUnit: 'EAPO',
        toUnit: 'Huyện đoàn Đắk Mil',
        moveDate: '01/03/2021',
        decision: '45-QĐ/TĐTN',
        decisionDate: '20/02/2021',
      },
      {
        nationalId: '066094000123',
        moveKind: 'luan chuyen',
        fromUnit: 'Huyện đoàn Cư Jút',
        toUnit: 'Đoàn xã Ea Pô',
        moveDate: '01/06/2018',
      },
      {
        fullName: 'H’Hen Niê',
        birthDate: '03/02/1995',
        moveKind: 'Biệt phái',
        fromUnit: 'Huyện đoàn Cư Jút',
        toUnit: 'EAPO',
        moveDate: '15/08/2022',
      },
    ]);
    const before = await stored();
    const preview = await importSheet(t, admin, 'moves', data, false);
    expect(preview).toMatchObject({ rows: 3, counts: { create: 3, update: 0, skip: 0 }, errors: 0, committed: false });
    expect(await stored()).toEqual(before);

    const done = await importSheet(t, admin, 'moves', data, true);
    expect(done).toMatchObject({ counts: { create: 3 }, committed: true });
    expect(await unitOf(an)).toBe(dakMil);
    expect(await unitOf(binh)).toBe(eaPo);
    // The 2019 class is credited to the unit of its first day: Ea Pô, from the first move.
    const credit = await t.db.kysely
      .selectFrom('enrolments')
      .select(['unit_id', 'unit_name'])
      .where('id', '=', enrolment)
      .executeTakeFirstOrThrow();
    expect(credit).toEqual({ unit_id: eaPo, unit_name: 'Đoàn xã Ea Pô' });
    const audits = await t.db.kysely
      .selectFrom('audit_log')
      .select(['entity', 'action'])
      .where('entity', '=', 'move')
      .execute();
    expect(audits.filter((a) => a.action === 'create')).toHaveLength(3);

    const after = await stored();
    const again = await importSheet(t, admin, 'moves', data, true);
    expect(again).toMatchObject({ counts: { create: 0, skip: 3 }, errors: 0 });
    expect(await stored()).toEqual(after);
  });

  it('each kind of error on its row and column, per row for a district editor; nothing is written', async () => {
    const m = { moveKind: 'Điều động', fromUnit: 'Huyện đoàn Cư Jút', toUnit: 'EAPO' };
    const data = await sheet([
      { ...m, nationalId: '067095000456', moveDate: '01/01/2020' },
      { ...m, fullName: 'H’Hen Niê', birthDate: '03/02/1995', toUnit: 'Huyện đoàn Đắk Mil', moveDate: '01/01/2023' },
      { ...m, fullName: 'H’Hen Niê', birthDate: '03/02/1995', moveDate: '01/01/2199' },
      { ...m, nationalId: '099999999999', moveDate: '01/01/2020' },
      {
        ...m,
        fullName: 'H’Hen Niê',
        birthDate: '03/02/1995',
        fromUnit: 'EAPO',
        toUnit: 'Huyện đoàn Cư Jút',
        moveDate: '15/08/2022',
      },
      {
        ...m,
        fullName: 'H’Hen Niê',
        birthDate: '03/02/1995',
        fromUnit: 'Huyện đoàn Cư Jút',
        toUnit: 'Huyện đoàn Cư Jút',
        moveDate: '01/01/2024',
      },
      { ...m, fullName: 'H’Hen Niê', birthDate: '03/02/1995', moveDate: '01/01/2024', moveKind: 'Thuyên chuyển' },
    ]);
    const before = await stored();
    const r = await importSheet(t, editorA, 'moves', data, true);
    const e = (row: number, column: string, message: string, ids: number[] = []) => ({
      row,
      column,
      message,
      severity: 'error',
      ids,
    });
    expect(r.issues).toEqual([
      e(2, 'Số CCCD', 'Bạn không có quyền cập nhật hồ sơ của người có số CCCD này'),
      e(3, 'Đến đơn vị', 'Bạn không có quyền cập nhật hồ sơ cán bộ của Huyện đoàn Đắk Mil', [dakMil]),
      e(4, 'Ngày điều chuyển', expect.stringMatching(/^không được sau ngày hôm nay/) as unknown as string),
      e(5, 'Số CCCD', 'không có cán bộ số CCCD 099999999999 trong Canbo'),
      e(6, 'Ngày điều chuyển', 'H’Hen Niê đã có một lần điều chuyển ngày 15/08/2022: mỗi ngày chỉ ghi một lần', [binh]),
      e(7, 'Đến đơn vị', 'phải khác Từ đơn vị'),
      e(8, 'Hình thức', expect.stringContaining('"Thuyên chuyển" không có trong danh sách') as unknown as string),
    ]);
    // Đắk Mil's cadre, named by national ID: not named, and the row links nothing (ids above).
    expect(JSON.stringify(r.issues)).not.toContain('K’Lung');
    expect(r).toMatchObject({ committed: false });
    expect(await stored()).toEqual(before);
  });

  it('a move that breaks the chain is refused naming where the cadre was', async () => {
    const data = await sheet([
      {
        fullName: 'H’Hen Niê',
        birthDate: '03/02/1995',
        moveKind: 'Điều động',
        fromUnit: 'Huyện đoàn Cư Jút',
        toUnit: 'EAPO',
        moveDate: '01/01/2024',
      },
    ]);
    const r = await importSheet(t, editorA, 'moves', data, false);
    expect(r.issues).toEqual([
      {
        row: 2,
        column: 'Từ đơn vị',
        message:
          'ngày 01/01/2024 cán bộ đang ở Đoàn xã Ea Pô (điều chuyển đến ngày 15/08/2022), không ở Huyện đoàn Cư Jút',
        severity: 'error',
        ids: [binh],
      },
    ]);
  });
});
