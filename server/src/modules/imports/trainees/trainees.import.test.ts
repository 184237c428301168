import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../../test/app.ts';
import { makePerson } from '../../../../test/factories.ts';
import { importSheet, importTemplate, kindSheet } from '../../../../test/importSheets.ts';
import { movedCadre, rowCount, twoDistricts, type TestApp } from '../../../../test/fixtures.ts';
import { as, type Session } from '../../../../test/http.ts';
import { TRAINEE_COLUMNS } from './trainees.columns.ts';

describe('importing past classes with their named roster', () => {
  let t: TestApp;
  let province: number;
  let cuJut: number;
  let dakMil: number;
  let admin: Session;
  let editorA: Session;
  let an: number;
  let binh: number;
  let mover: number;
  const sheet = (rows: Record<string, string>[]) => kindSheet(TRAINEE_COLUMNS, rows);
  const stored = async () =>
    Promise.all(
      (['training_classes', 'enrolments', 'certificates', 'class_status_history', 'audit_log'] as const).map((n) =>
        rowCount(t, n),
      ),
    );

  /** A provincial class of 2019: its columns, repeated on each trainee's row. */
  const provincial = {
    name: 'Bồi dưỡng Bí thư chi đoàn năm 2019',
    kind: 'Bồi dưỡng kỹ năng',
    organiser: 'Tỉnh đoàn Đắk Nông',
    startDate: '13/05/2019',
    endDate: '15/05/2019',
    place: 'Hội trường Tỉnh đoàn',
  };
  const district = { ...provincial, name: 'Tập huấn nghiệp vụ 2019', organiser: 'Huyện đoàn Cư Jút' };
  const anRow = { nationalId: '066094000123' };
  const binhRow = { fullName: 'Y Ngông Niê Kdăm', birthDate: '15/03/1994' };
  const moverRow = { nationalId: '066095000777' };

  beforeAll(async () => {
    t = await testApp();
    ({ province, cuJut, dakMil, admin, editorA } = await twoDistricts(t));
    an = await makePerson(t.ctx, {
      unitId: cuJut,
      familyName: 'Nguyễn',
      middleName: 'Văn',
      givenName: 'An',
      nationalId: '066094000123',
    });
    binh = await makePerson(t.ctx, {
      unitId: dakMil,
      familyName: 'Y Ngông',
      middleName: 'Niê',
      givenName: 'Kdăm',
      birthDate: '1994-03-15',
      nationalId: '067096000456',
    });
    // In Cư Jút in 2019, moved to Đắk Mil in 2021: a 2019 class of Cư Jút may still name him.
    mover = await movedCadre(t, admin, cuJut, dakMil, { nationalId: '066095000777' });
  });
  afterAll(() => t.close());

  it('template: class, person and result columns, the outcome and grade words as drop-downs', async () => {
    const { sheets, disposition } = await importTemplate(t, editorA, 'trainees');
    expect(sheets['Học viên lớp đã học']![0]).toEqual(TRAINEE_COLUMNS.map((c) => c.header));
    expect(sheets['Danh mục']!.flat()).toEqual(
      expect.arrayContaining(['Bồi dưỡng kỹ năng', 'Hoàn thành', 'Không hoàn thành', 'Giỏi']),
    );
    expect(disposition).toContain('hoc-vien-lop-da-hoc');
  });

  it('two classes with trainees of two districts commit; certificates verifiable as printed; a re-upload adds nothing', async () => {
    const certificate = { certDate: '20/05/2019', certSigner: 'Tỉnh đoàn Đắk Nông' };
    const data = await sheet([
      {
        ...provincial,
        ...anRow,
        outcome: 'Hoàn thành',
        grade: 'Giỏi',
        attendance: '100',
        certNumber: '015/GCN-TĐ',
        ...certificate,
      },
      { ...provincial, ...binhRow, outcome: 'hoàn thành', certNumber: '016/GCN-TĐ', ...certificate },
      { ...district, ...anRow, outcome: 'Hoàn thành', grade: 'Khá' },
      { ...district, ...moverRow, outcome: 'Không hoàn thành', attendance: '50' },
    ]);
    const before = await stored();
    expect(await importSheet(t, admin, 'trainees', data, false)).toMatchObject({
      counts: { create: 4, update: 0, skip: 0 },
      errors: 0,
      committed: false,
    });
    expect(await stored()).toEqual(before);
    expect(await importSheet(t, admin, 'trainees', data, true)).toMatchObject({
      counts: { create: 4 },
      committed: true,
    });

    const classes = await t.db.kysely
      .selectFrom('training_classes')
      .select(['id', 'name', 'status', 'organiser_unit_id', 'headcount_total'])
      .orderBy('id')
      .execute();
    expect(classes.map(({ id: _id, ...c }) => c)).toEqual([
      {
        name: provincial.name,
        status: 'completed',
        organiser_unit_id: province,
        headcount_total: null,
      },
      { name: district.name, status: 'completed', organiser_unit_id: cuJut, headcount_total: null },
    ]);
    const enrolments = await t.db.kysely
      .selectFrom('enrolments')
      .select(['class_id', 'person_id', 'unit_id', 'grade', 'attendance_percent'])
      .orderBy('class_id')
      .orderBy('person_id')
      .execute();
    const [p, d] = classes.map((c) => c.id);
    expect(enrolments).toEqual([
      { class_id: p, person_id: an, unit_id: cuJut, grade: 'good', attendance_percent: 100 },
      { class_id: p, person_id: binh, unit_id: dakMil, grade: null, attendance_percent: null },
      { class_id: d, person_id: an, unit_id: cuJut, grade: 'fair', attendance_percent: null },
      // Credited to the unit of the class's first day, not the one he works in now.
      { class_id: d, person_id: mover, unit_id: cuJut, grade: null, attendance_percent: 50 },
    ]);

    const certs = (await as(t.app, admin).get(`/api/v1/training/classes/${p}/certificates?sort=person`)).json();
    expect(certs.items.map((c: { number: string }) => c.number).sort()).toEqual(['015/GCN-TĐ', '016/GCN-TĐ']);
    for (const c of certs.items) {
      const pub = await as(t.app, null).get(`/api/v1/public/certificates/${c.verifyCode}`);
      expect(pub.statusCode).toBe(200);
      expect(pub.json()).toMatchObject({ number: c.number, issuedOn: '2019-05-20', status: 'valid' });
    }

    const after = await stored();
    expect(await importSheet(t, admin, 'trainees', data, true)).toMatchObject({
      counts: { create: 0, update: 0, skip: 4 },
      errors: 0,
    });
    expect(await stored()).toEqual(after);
  });

  it('each kind of error on its row and column, by the recorded-class rule; nothing is written', async () => {
    const c = { ...district, name: 'Lớp A' };
    const data = await sheet([
      // 2–3: a class whose rows disagree on the organiser; the second names the same person twice.
      { ...c, ...anRow, outcome: 'Hoàn thành' },
      { ...c, ...anRow, organiser: 'Huyện đoàn Đắk Mil', outcome: 'Hoàn thành' },
      // 4–6: a printed number twice in the sheet, one already stored for its signer, a certificate for
      // someone who did not complete.
      { ...c, name: 'Lớp B', ...anRow, outcome: 'Hoàn thành', certNumber: '101', certDate: '16/05/2019' },
      {
        ...c,
        name: 'Lớp B',
        ...moverRow,
        outcome: 'Hoàn thành',
        certNumber: '015/GCN-TĐ',
        certDate: '16/05/2019',
        certSigner: 'Tỉnh đoàn Đắk Nông',
      },
      { ...c, name: 'Lớp C', ...anRow, outcome: 'Không hoàn thành', certNumber: '101', certDate: '16/05/2019' },
      // 7: a certificate dated before the class ended; 8: a class not over yet.
      { ...c, name: 'Lớp D', ...anRow, outcome: 'Hoàn thành', certNumber: '102', certDate: '14/05/2019' },
      { ...c, name: 'Lớp E', ...anRow, outcome: 'Hoàn thành', endDate: '01/01/2199' },
      // 9–11: an unknown cadre, an unknown outcome, a share above 100.
      { ...c, name: 'Lớp F', nationalId: '099999999999', outcome: 'Hoàn thành' },
      { ...c, name: 'Lớp F', ...moverRow, outcome: 'Đạt' },
      { ...c, name: 'Lớp F', ...binhRow, outcome: 'Hoàn thành', attendance: '150' },
      // 12: a stored class of the same name and day with other people; 13: a number without its date.
      { ...district, ...moverRow, outcome: 'Hoàn thành' },
      { ...c, name: 'Lớp G', ...anRow, outcome: 'Hoàn thành', certNumber: '103' },
    ]);
    const before = await stored();
    const r = await importSheet(t, admin, 'trainees', data, true);
    expect(r.issues.map((i) => [i.row, i.column, i.message])).toEqual([
      [3, 'Đơn vị tổ chức', 'khác với dòng 2 của cùng lớp ("Huyện đoàn Cư Jút")'],
      [3, 'Số CCCD', 'đã có ở dòng 2 của cùng lớp'],
      [5, 'Số giấy chứng nhận', 'đơn vị cấp đã có giấy chứng nhận số 015/GCN-TĐ'],
      [6, 'Số giấy chứng nhận', 'số 101 trùng với dòng 4 của tệp (cùng đơn vị cấp)'],
      [7, 'Ngày cấp giấy chứng nhận', 'trước ngày lớp kết thúc (15/05/2019)'],
      [8, 'Ngày kết thúc', expect.stringContaining('không được sau hôm nay')],
      [9, 'Số CCCD', 'không có cán bộ số CCCD 099999999999 trong Canbo'],
      [10, 'Kết quả', expect.any(String)],
      [11, 'Tỷ lệ dự học (%)', expect.any(String)],
      [12, 'Tên lớp', expect.stringContaining('lớp này đã có trong Canbo')],
      [13, 'Ngày cấp giấy chứng nhận', 'bắt buộc khi có giấy chứng nhận'],
    ]);
    expect(r.committed).toBe(false);
    expect(await stored()).toEqual(before);

    // Row 6 alone: the certificate of someone who did not complete, refused by the form's rule.
    const alone = await importSheet(
      t,
      admin,
      'trainees',
      await sheet([
        { ...c, name: 'Lớp C', ...anRow, outcome: 'Không hoàn thành', certNumber: '101', certDate: '16/05/2019' },
      ]),
      false,
    );
    expect(alone.issues.map((i) => [i.row, i.column, i.message])).toEqual([
      [2, 'Số giấy chứng nhận', 'chỉ người hoàn thành lớp mới có giấy chứng nhận'],
    ]);
  });

  it('a district editor: a trainee outside its reach and another district’s class refused per row', async () => {
    const c = { ...district, name: 'Sinh hoạt chuyên đề 2019' };
    const rows = [
      { ...c, ...anRow, outcome: 'Hoàn thành' },
      // Today in Đắk Mil, but in Cư Jút on the class's first day: Cư Jút may record him.
      { ...c, ...moverRow, outcome: 'Hoàn thành' },
      // Đắk Mil's, then and now: named by the national ID, refused by the recorded-class rule.
      { ...c, nationalId: '067096000456', outcome: 'Hoàn thành' },
      { ...c, name: 'Lớp của Đắk Mil', organiser: 'Huyện đoàn Đắk Mil', ...anRow, outcome: 'Hoàn thành' },
      // The province's class stored above: refused for its organiser, never said to exist.
      { ...provincial, ...moverRow, outcome: 'Hoàn thành' },
    ];
    const before = await stored();
    const r = await importSheet(t, editorA, 'trainees', await sheet(rows), true);
    // Đắk Mil's cadre is neither named nor linked: the row says only that the number is out of reach.
    expect(r.issues.map((i) => [i.row, i.column, i.message, i.ids])).toEqual([
      [4, 'Số CCCD', 'không tồn tại hoặc không thuộc phạm vi bạn được xem', []],
      [5, 'Đơn vị tổ chức', 'đơn vị không tồn tại hoặc bạn không có quyền xem', []],
      [6, 'Đơn vị tổ chức', 'đơn vị không tồn tại hoặc bạn không có quyền xem', []],
    ]);
    expect(r.committed).toBe(false);
    expect(await stored()).toEqual(before);

    const ok = await importSheet(t, editorA, 'trainees', await sheet(rows.slice(0, 2)), true);
    expect(ok).toMatchObject({ counts: { create: 2 }, committed: true });
    const credited = await t.db.kysely
      .selectFrom('enrolments as e')
      .innerJoin('training_classes as k', 'k.id', 'e.class_id')
      .select(['e.person_id', 'e.unit_id'])
      .where('k.name', '=', c.name)
      .orderBy('e.person_id')
      .execute();
    expect(credited).toEqual([
      { person_id: an, unit_id: cuJut },
      { person_id: mover, unit_id: cuJut },
    ]);
  });
});
