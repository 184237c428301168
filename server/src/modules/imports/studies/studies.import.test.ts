import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../../test/app.ts';
import { makePerson } from '../../../../test/factories.ts';
import { importSheet, importTemplate, kindSheet } from '../../../../test/importSheets.ts';
import { rowCount, twoDistricts, type TestApp } from '../../../../test/fixtures.ts';
import type { Session } from '../../../../test/http.ts';
import { STUDY_COLUMNS } from './studies.columns.ts';

describe('importing long-term studies', () => {
  let t: TestApp;
  let editorA: Session;
  let editorB: Session;
  let an: number;
  let chi: number;
  const sheet = (rows: Record<string, string>[]) => kindSheet(STUDY_COLUMNS, rows);
  const stored = async () => ({ studies: await rowCount(t, 'studies'), audit: await rowCount(t, 'audit_log') });

  beforeAll(async () => {
    t = await testApp();
    const d = await twoDistricts(t);
    editorA = d.editorA;
    editorB = d.editorB;
    an = await makePerson(t.ctx, {
      unitId: d.cuJut,
      familyName: 'Y Ngông',
      middleName: 'Niê',
      givenName: 'Kdăm',
      birthDate: '1994-03-15',
    });
    chi = await makePerson(t.ctx, {
      unitId: d.dakMil,
      familyName: 'Điểu',
      givenName: 'K’Lung',
      nationalId: '067095000456',
    });
  });
  afterAll(() => t.close());

  it('template: headers, notes, drop-downs of kinds, modes and results', async () => {
    const { sheets } = await importTemplate(t, editorA, 'studies');
    const rows = sheets['Học tập dài hạn']!;
    expect(rows[0]).toEqual(STUDY_COLUMNS.map((c) => c.header));
    const words = sheets['Danh mục']!.flat();
    expect(words).toEqual(
      expect.arrayContaining(['Trung cấp lý luận chính trị', 'Vừa làm vừa học', 'Đã tốt nghiệp', 'Khá']),
    );
  });

  it('a clean sheet: studies recorded, a graduation raises the level; a re-upload adds nothing', async () => {
    const data = await sheet([
      {
        fullName: 'Y Ngông Niê Kdăm',
        birthDate: '15/03/1994',
        studyKind: 'Trung cấp lý luận chính trị',
        institution: 'Trường Chính trị tỉnh Đắk Nông',
        startDate: '05/09/2019',
        expectedEndDate: '05/09/2020',
        result: 'Đã tốt nghiệp',
        endDate: '10/09/2020',
        diplomaNumber: 'TC-2020-0456',
        diplomaGrade: 'Khá',
      },
      {
        fullName: 'Y Ngông Niê Kdăm',
        birthDate: '15/03/1994',
        studyKind: 'Thạc sĩ',
        institution: 'Học viện Thanh thiếu niên Việt Nam',
        studyMode: 'Vừa làm vừa học',
        startDate: '01/10/2023',
        expectedEndDate: '01/10/2025',
      },
    ]);
    const before = await stored();
    const preview = await importSheet(t, editorA, 'studies', data, false);
    expect(preview).toMatchObject({ rows: 2, counts: { create: 2, skip: 0 }, errors: 0, committed: false });
    expect(await stored()).toEqual(before);
    const done = await importSheet(t, editorA, 'studies', data, true);
    expect(done).toMatchObject({ counts: { create: 2 }, committed: true });
    const rows = await t.db.kysely
      .selectFrom('studies')
      .select(['kind', 'status', 'diploma_number', 'grade', 'end_date', 'mode'])
      .where('person_id', '=', an)
      .orderBy('start_date')
      .execute();
    expect(rows).toEqual([
      {
        kind: 'theory_intermediate',
        status: 'graduated',
        diploma_number: 'TC-2020-0456',
        grade: 'good',
        end_date: '2020-09-10',
        mode: 'full_time',
      },
      { kind: 'master', status: 'studying', diploma_number: null, grade: null, end_date: null, mode: 'part_time' },
    ]);
    const person = await t.db.kysely
      .selectFrom('people')
      .select('theory_level')
      .where('id', '=', an)
      .executeTakeFirstOrThrow();
    expect(person.theory_level).toBe('intermediate');
    const after = await stored();
    expect(await importSheet(t, editorA, 'studies', data, true)).toMatchObject({
      counts: { create: 0, skip: 2 },
      errors: 0,
    });
    expect(await stored()).toEqual(after);
  });

  it('each kind of error on its row and column; another district’s cadre refused per row; nothing written', async () => {
    const s = {
      studyKind: 'Đại học',
      institution: 'Đại học Tây Nguyên',
      startDate: '01/09/2015',
      expectedEndDate: '01/09/2019',
    };
    const data = await sheet([
      { ...s, nationalId: '067095000456' },
      { ...s, fullName: 'Y Ngông Niê Kdăm', birthDate: '15/03/1994', expectedEndDate: '01/09/2014' },
      { ...s, fullName: 'Y Ngông Niê Kdăm', birthDate: '15/03/1994', result: 'Đã tốt nghiệp', endDate: '01/07/2019' },
      { ...s, fullName: 'Không Ai', birthDate: '01/01/1990' },
      { ...s, fullName: 'Y Ngông Niê Kdăm', birthDate: '15/03/1994', studyKind: 'Cao đẳng' },
    ]);
    const before = await stored();
    const r = await importSheet(t, editorA, 'studies', data, true);
    const e = (row: number, column: string, message: string, ids: number[] = []) => ({
      row,
      column,
      message,
      severity: 'error',
      ids,
    });
    expect(r.issues).toEqual([
      e(2, 'Số CCCD', 'Bạn không có quyền cập nhật hồ sơ của người có số CCCD này'),
      e(3, 'Ngày dự kiến kết thúc', 'không được trước Ngày bắt đầu (01/09/2015)'),
      e(4, 'Số bằng', 'bắt buộc khi đã tốt nghiệp'),
      e(4, 'Xếp loại', 'bắt buộc khi đã tốt nghiệp'),
      e(5, 'Họ và tên', 'không có cán bộ Không Ai sinh ngày này trong phạm vi của bạn'),
      e(6, 'Loại học tập', expect.stringContaining('"Cao đẳng" không có trong danh sách') as unknown as string),
    ]);
    expect(r.committed).toBe(false);
    expect(await stored()).toEqual(before);
  });

  it('a name written without diacritics or capitals finds the cadre: "y ngong nie kdam" is Y Ngông Niê Kdăm', async () => {
    const data = await sheet([
      {
        fullName: 'y  ngong NIE kdam',
        birthDate: '15/03/1994',
        studyKind: 'Đại học',
        institution: 'Đại học Tây Nguyên',
        startDate: '01/09/2012',
        expectedEndDate: '01/09/2016',
      },
    ]);
    const r = await importSheet(t, editorA, 'studies', data, false);
    expect(r).toMatchObject({ errors: 0, counts: { create: 1 } });
  });

  it('an editor of Cư Jút naming a cadre of Đắk Mil by national ID learns neither their name nor their id', async () => {
    const data = await sheet([
      {
        nationalId: '067095000456',
        studyKind: 'Đại học',
        institution: 'Đại học Tây Nguyên',
        startDate: '01/09/2015',
        expectedEndDate: '01/09/2019',
      },
    ]);
    const r = await importSheet(t, editorA, 'studies', data, false);
    expect(r.errors).toBe(1);
    expect(r.issues).toEqual([
      {
        row: 2,
        column: 'Số CCCD',
        message: 'Bạn không có quyền cập nhật hồ sơ của người có số CCCD này',
        severity: 'error',
        ids: [],
      },
    ]);
    const said = JSON.stringify(r);
    expect(said).not.toContain('Điểu');
    expect(said).not.toContain('K’Lung');
    expect(r.issues.flatMap((i) => i.ids)).not.toContain(chi);
    // The same sheet by Đắk Mil's editor: their own cadre, named.
    const own = await importSheet(t, editorB, 'studies', data, false);
    expect(own).toMatchObject({ errors: 0, counts: { create: 1 } });
  });
});
