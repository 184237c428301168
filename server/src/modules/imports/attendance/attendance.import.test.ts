import type { AttendanceGrid } from '@canbo/contract';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../../test/app.ts';
import { makeAllocation, makeClass, makeEnrolment, makeSession, markAttendance } from '../../../../test/factories.ts';
import { importSheet, importTemplate, kindSheet, sheetCadres } from '../../../../test/importSheets.ts';
import { rowCount, twoDistricts, type TestApp } from '../../../../test/fixtures.ts';
import { as, type Session } from '../../../../test/http.ts';
import { importFromCli } from '../imports.cli.ts';
import { ATTENDANCE_COLUMNS } from './attendance.columns.ts';

describe('importing attendance', () => {
  let t: TestApp;
  let cuJut: number;
  let dakMil: number;
  let province: number;
  let editorA: Session;
  let editorB: Session;
  let an: number;
  let binh: number;
  let cls: number;
  const e: Record<string, number> = {};
  const s: Record<string, number> = {};
  const CLASS = 'Lớp nghiệp vụ công tác Đoàn 2025';
  const sheet = (rows: Record<string, string | Date | undefined>[]) => kindSheet(ATTENDANCE_COLUMNS, rows);
  const stored = async () => ({
    attendance: await t.db.kysely
      .selectFrom('attendance')
      .select(['enrolment_id', 'session_id', 'mark'])
      .orderBy('enrolment_id')
      .orderBy('session_id')
      .execute(),
    audit: await rowCount(t, 'audit_log'),
  });
  const grid = async (who: Session) => {
    const res = await as(t.app, who).get(`/api/v1/training/classes/${cls}/attendance`);
    expect(res.statusCode, res.body).toBe(200);
    const g = res.json<AttendanceGrid>();
    return Object.fromEntries(g.rows.map((r) => [r.personName, r.marks]));
  };

  beforeAll(async () => {
    t = await testApp();
    ({ province, cuJut, dakMil, editorA, editorB } = await twoDistricts(t));
    ({ an, binh } = await sheetCadres(t, { home: cuJut, other: dakMil }));
    cls = await makeClass(t.ctx, {
      organiserUnitId: cuJut,
      name: CLASS,
      startDate: '2025-05-12',
      endDate: '2025-05-13',
      status: 'in_progress',
    });
    s.mon = await makeSession(t.ctx, { classId: cls, date: '2025-05-12', part: 'morning' });
    s.monPm = await makeSession(t.ctx, {
      classId: cls,
      date: '2025-05-12',
      part: 'afternoon',
      startsAt: '13:30',
      endsAt: '17:00',
    });
    s.tue = await makeSession(t.ctx, { classId: cls, date: '2025-05-13', part: 'morning' });
    e.an = await makeEnrolment(t.ctx, { classId: cls, personId: an, status: 'confirmed' });
    e.binh = await makeEnrolment(t.ctx, { classId: cls, personId: binh, status: 'confirmed' });
  });
  afterAll(() => t.close());

  it('template: headers, notes, the parts of the day and the marks as drop-downs, the example', async () => {
    const { sheets, disposition } = await importTemplate(t, editorA, 'attendance');
    const rows = sheets['Điểm danh']!;
    expect(rows[0]).toEqual(ATTENDANCE_COLUMNS.map((c) => c.header));
    expect(rows[2]?.[6]).toBe('Sáng');
    expect(rows[2]?.[7]).toBe('Có mặt');
    const words = sheets['Danh mục']!.flat();
    expect(words).toEqual(
      expect.arrayContaining(['Sáng', 'Chiều', 'Tối', 'Có mặt', 'Đi muộn', 'Vắng có phép', 'Vắng không phép']),
    );
    expect(disposition).toContain('mau-nhap-diem-danh.xlsx');
  });

  it('a clean sheet marks the grid through the live rule, audited as the grid is; a re-upload changes nothing, a changed mark updates', async () => {
    await markAttendance(t.ctx, { enrolmentId: e.binh!, sessionId: s.tue!, mark: 'present' });
    const row = { className: CLASS, sessionDate: '12/05/2025' };
    const rows = [
      { ...row, nationalId: '066094000123', sessionPart: 'Sáng', mark: 'Có mặt' },
      // Any case, no diacritics, an Excel date: as unions type them.
      { ...row, nationalId: '066094000123', sessionPart: 'chieu', mark: 'di muon' },
      {
        className: 'lớp nghiệp vụ công tác đoàn 2025',
        classStart: new Date(Date.UTC(2025, 4, 12)),
        fullName: 'H’Hen Niê',
        birthDate: '03/02/1995',
        sessionDate: new Date(Date.UTC(2025, 4, 12)),
        sessionPart: 'Sáng',
        // The grid's letter for "Vắng không phép".
        mark: 'k',
      },
      // An empty mark leaves the one taken on the day.
      {
        className: CLASS,
        fullName: 'H’Hen Niê',
        birthDate: '03/02/1995',
        sessionDate: '13/05/2025',
        sessionPart: 'Sáng',
      },
    ];
    const data = await sheet(rows);
    const before = await stored();
    const preview = await importSheet(t, editorA, 'attendance', data, false);
    expect(preview).toMatchObject({ rows: 4, counts: { create: 3, update: 0, skip: 1 }, errors: 0, committed: false });
    expect(await stored()).toEqual(before);

    const done = await importSheet(t, editorA, 'attendance', data, true);
    expect(done).toMatchObject({ counts: { create: 3, update: 0, skip: 1 }, committed: true });
    expect(await grid(editorA)).toEqual({
      'Y Ngông Niê Kdăm': ['present', 'late', null],
      'H’Hen Niê': ['absent', null, 'present'],
    });
    const audits = await t.db.kysely
      .selectFrom('audit_log')
      .select(['entity', 'entity_id', 'action'])
      .where('action', '=', 'attendance')
      .orderBy('entity_id')
      .execute();
    expect(audits).toEqual([
      { entity: 'enrolment', entity_id: e.an, action: 'attendance' },
      { entity: 'enrolment', entity_id: e.binh, action: 'attendance' },
    ]);

    const after = await stored();
    const again = await importSheet(t, editorA, 'attendance', data, true);
    expect(again).toMatchObject({ counts: { create: 0, update: 0, skip: 4 }, errors: 0, committed: true });
    expect(await stored()).toEqual(after);

    const changed = await sheet([{ ...rows[0]!, mark: 'Vắng có phép' }, rows[1]!]);
    const update = await importSheet(t, editorA, 'attendance', changed, true);
    expect(update).toMatchObject({ counts: { create: 0, update: 1, skip: 1 }, committed: true });
    expect((await grid(editorA))['Y Ngông Niê Kdăm']).toEqual(['excused', 'late', null]);
  });

  it('each kind of error on its row and column, including classes out of the editor’s reach; nothing is written', async () => {
    await makeClass(t.ctx, { organiserUnitId: dakMil, name: 'Lớp kỹ năng Đắk Mil', status: 'in_progress' });
    const provincial = await makeClass(t.ctx, {
      organiserUnitId: province,
      name: 'Lớp cán bộ chủ chốt',
      status: 'in_progress',
    });
    await makeAllocation(t.ctx, { classId: provincial, unitId: cuJut, seats: 3 });
    const closed = await makeClass(t.ctx, { organiserUnitId: cuJut, name: 'Lớp năm 2019', status: 'closed' });
    const twinA = await makeClass(t.ctx, { organiserUnitId: cuJut, name: 'Lớp tập huấn', startDate: '2024-03-04' });
    const twinB = await makeClass(t.ctx, { organiserUnitId: cuJut, name: 'Lớp tập huấn', startDate: '2025-03-03' });
    const m = { nationalId: '066094000123', sessionDate: '13/05/2025', sessionPart: 'Sáng', mark: 'Có mặt' };
    const data = await sheet([
      { ...m, className: CLASS },
      { ...m, className: 'Lớp không có' },
      { ...m, className: 'Lớp kỹ năng Đắk Mil' },
      { ...m, className: 'Lớp cán bộ chủ chốt' },
      { ...m, className: 'Lớp năm 2019' },
      { ...m, className: 'Lớp tập huấn' },
      { ...m, className: CLASS, sessionDate: '14/05/2025' },
      { ...m, className: CLASS, nationalId: '067095000456' },
      { ...m, className: CLASS, nationalId: '099999999999' },
      { ...m, className: CLASS, fullName: 'Y Ngông Niê Kdăm', nationalId: '', birthDate: '01/01/1990' },
      { ...m, className: CLASS, mark: 'Có' },
      { ...m, className: CLASS, mark: 'Đi muộn' },
      { ...m, className: CLASS, sessionPart: 'Trưa' },
    ]);
    const before = await stored();
    const r = await importSheet(t, editorA, 'attendance', data, true);
    const err = (row: number, column: string, message: string, ids: number[] = []) => ({
      row,
      column,
      message,
      severity: 'error',
      ids,
    });
    const any = (s: string) => expect.stringContaining(s) as unknown as string;
    expect(r.issues).toEqual([
      err(3, 'Tên lớp', 'không có lớp tên "Lớp không có" trong phạm vi bạn được xem'),
      err(4, 'Tên lớp', 'không có lớp tên "Lớp kỹ năng Đắk Mil" trong phạm vi bạn được xem'),
      err(5, 'Tên lớp', 'Chỉ đơn vị tổ chức lớp mới được thực hiện thao tác này với lớp "Lớp cán bộ chủ chốt"', [
        provincial,
      ]),
      err(6, 'Tên lớp', any('Không thể điểm danh khi lớp đang ở trạng thái "Đã đóng hồ sơ"'), [closed]),
      err(
        7,
        'Ngày bắt đầu lớp',
        'có 2 lớp tên "Lớp tập huấn" (bắt đầu 04/03/2024, Huyện đoàn Cư Jút; bắt đầu 03/03/2025, Huyện đoàn Cư Jút): hãy ghi Ngày bắt đầu lớp',
        [twinA, twinB],
      ),
      err(8, 'Ngày học', `lớp "${CLASS}" không có buổi sáng ngày 14/05/2025`),
      err(9, 'Số CCCD', `người có số CCCD này không có tên trong danh sách học viên lớp "${CLASS}"`),
      err(10, 'Số CCCD', 'không có cán bộ số CCCD 099999999999 trong Canbo'),
      err(11, 'Họ và tên', 'không có cán bộ Y Ngông Niê Kdăm sinh ngày này trong phạm vi của bạn'),
      err(
        12,
        'Điểm danh',
        '"Có" không phải điểm danh: ghi Có mặt (C), Đi muộn (M), Vắng có phép (P), Vắng không phép (K)',
      ),
      err(13, 'Ngày học', 'Y Ngông Niê Kdăm đã có điểm danh buổi sáng ngày 13/05/2025 ở dòng 2 của tệp', [an]),
      err(14, 'Buổi', any('"Trưa" không có trong danh sách')),
    ]);
    // Đắk Mil's cadre, named by national ID: not named, and the row links nothing (ids above).
    expect(JSON.stringify(r.issues)).not.toContain('K’Lung');
    expect(r).toMatchObject({ committed: false, counts: { create: 1 } });
    expect(await stored()).toEqual(before);
  });

  it('the organiser of another district sees none of the classes of this one, row by row', async () => {
    const data = await sheet([
      { className: CLASS, nationalId: '066094000123', sessionDate: '12/05/2025', sessionPart: 'Sáng', mark: 'Có mặt' },
    ]);
    const before = await stored();
    const r = await importSheet(t, editorB, 'attendance', data, true);
    expect(r.issues).toEqual([
      {
        row: 2,
        column: 'Tên lớp',
        message: `không có lớp tên "${CLASS}" trong phạm vi bạn được xem`,
        severity: 'error',
        ids: [],
      },
    ]);
    expect(await stored()).toEqual(before);
  });

  it('canbo import attendance: the same kind from a shell, as the system administrator', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'canbo-attendance-')), 'diem-danh.xlsx');
    await writeFile(
      file,
      await sheet([
        {
          className: CLASS,
          nationalId: '066094000123',
          sessionDate: '13/05/2025',
          sessionPart: 'Sáng',
          mark: 'Đi muộn',
        },
      ]),
    );
    const lines: string[] = [];
    expect(await importFromCli(t.ctx, { kind: 'attendance', file, commit: true }, (l) => lines.push(l))).toBe(0);
    expect(lines).toEqual([
      'Điểm danh: 1 dòng có dữ liệu trong diem-danh.xlsx.',
      '  Tạo mới: 1; cập nhật: 0; không đổi: 0.',
      'Đã nhập xong.',
    ]);
    expect((await grid(editorA))['Y Ngông Niê Kdăm']).toEqual(['excused', 'late', 'late']);
  });
});
