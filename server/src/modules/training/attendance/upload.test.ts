import ExcelJS from 'exceljs';
import { strFromU8 } from 'fflate';
import { Document, Packer, Paragraph } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../../test/app.ts';
import { xlsxRows, zipEntries } from '../../../../test/documents.ts';
import {
  makeAllocation,
  makeClass,
  makeEnrolment,
  makePerson,
  makeSession,
  makeUser,
  markAttendance,
} from '../../../../test/factories.ts';
import { rowCount, twoDistricts, type TestApp } from '../../../../test/fixtures.ts';
import { as, login, type Session } from '../../../../test/http.ts';
import { XLSX_TYPE as XLSX } from '../../../../test/multipart.ts';
import { postFile } from '../../../../test/importSheets.ts';

/** Open a sheet as Excel would, change it, save it. */
async function edit(bytes: Buffer, change: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('Điểm danh');
  if (!ws) throw new Error('no sheet');
  change(ws);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('attendance spreadsheet: download and upload', () => {
  let t: TestApp;
  let province: number;
  let cuJut: number;
  let dakMil: number;
  let editorA: Session;
  let organiser: Session;
  let cls: number;
  let s1: number;
  let s2: number;
  let s3: number;
  let otherSession: number;
  let otherEnrolment: number;
  let waitlisted: number;
  const e: Record<string, number> = {};
  let sheet: Buffer;

  const url = (dryRun: boolean, id = cls) => `/api/v1/training/classes/${id}/attendance/upload?dryRun=${dryRun}`;
  const upload = (who: Session, fileName: string, data: Buffer, dryRun: boolean, type = XLSX, lang?: string) =>
    postFile(t, who, url(dryRun), fileName, data, { lang, type });
  const stored = async () => ({
    attendance: await t.db.kysely
      .selectFrom('attendance')
      .selectAll()
      .orderBy('enrolment_id')
      .orderBy('session_id')
      .execute(),
    audit: await rowCount(t, 'audit_log'),
  });
  const download = async (who: Session) => {
    const res = await as(t.app, who).get(`/api/v1/training/classes/${cls}/attendance.xlsx`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    return res.rawPayload;
  };

  beforeAll(async () => {
    t = await testApp();
    ({ province, cuJut, dakMil, editorA } = await twoDistricts(t));
    const org = await makeUser(t.ctx, { grants: [{ unitId: province, role: 'editor' }] });
    organiser = await login(t.app, org.login, org.password);
    cls = await makeClass(t.ctx, { organiserUnitId: province, name: 'Lớp kỹ năng số 2025', status: 'in_progress' });
    const allocA = await makeAllocation(t.ctx, { classId: cls, unitId: cuJut, seats: 5 });
    const allocB = await makeAllocation(t.ctx, { classId: cls, unitId: dakMil, seats: 5 });
    s1 = await makeSession(t.ctx, { classId: cls, date: '2025-05-12', part: 'morning' });
    s2 = await makeSession(t.ctx, { classId: cls, date: '2025-05-12', part: 'afternoon' });
    s3 = await makeSession(t.ctx, { classId: cls, date: '2025-05-13', part: 'morning' });
    for (const [family, middle, given, unit, alloc] of [
      ['Nguyễn', 'Văn', 'An', cuJut, allocA],
      ['Trần', 'Thị', 'Bích', cuJut, allocA],
      ['Lê', 'Văn', 'Cường', dakMil, allocB],
      ['Hoàng', 'Thị', 'Dung', cuJut, allocA],
    ] as const) {
      const personId = await makePerson(t.ctx, {
        unitId: unit,
        familyName: family,
        middleName: middle,
        givenName: given,
      });
      e[given] = await makeEnrolment(t.ctx, { classId: cls, personId, allocationId: alloc, title: 'deputy_secretary' });
    }
    const w = await makePerson(t.ctx, { unitId: cuJut, familyName: 'Vũ', givenName: 'Chờ' });
    waitlisted = await makeEnrolment(t.ctx, { classId: cls, personId: w, status: 'waitlisted' });
    const other = await makeClass(t.ctx, { organiserUnitId: province, status: 'in_progress' });
    otherSession = await makeSession(t.ctx, { classId: other });
    const op = await makePerson(t.ctx, { unitId: cuJut, familyName: 'Đinh', givenName: 'Khác' });
    otherEnrolment = await makeEnrolment(t.ctx, { classId: other, personId: op });
    await markAttendance(t.ctx, { enrolmentId: e['An']!, sessionId: s1, mark: 'present' });
    await markAttendance(t.ctx, { enrolmentId: e['Cường']!, sessionId: s2, mark: 'excused' });
    sheet = await download(organiser);
  });
  afterAll(() => t.close());

  describe('download', () => {
    it('is the grid as a sheet: fixed columns, a column per session with its id in the hidden row, mark words', async () => {
      const rows = (await xlsxRows(sheet))['Điểm danh'];
      expect(rows?.[0]).toEqual([
        'STT',
        'Mã học viên',
        'Họ và tên',
        'Đơn vị',
        'Chức vụ',
        '12/05/2025 Sáng',
        '12/05/2025 Chiều',
        '13/05/2025 Sáng',
      ]);
      expect(rows?.[1]?.slice(5)).toEqual([`#${s1}`, `#${s2}`, `#${s3}`]);
      expect(rows?.slice(2)).toEqual([
        // (cells after the last filled one are not read back)
        ['1', String(e['An']), 'Nguyễn Văn An', 'Huyện đoàn Cư Jút', 'Phó Bí thư', 'Có mặt'],
        ['2', String(e['Bích']), 'Trần Thị Bích', 'Huyện đoàn Cư Jút', 'Phó Bí thư'],
        ['3', String(e['Cường']), 'Lê Văn Cường', 'Huyện đoàn Đắk Mil', 'Phó Bí thư', '', 'Vắng có phép'],
        ['4', String(e['Dung']), 'Hoàng Thị Dung', 'Huyện đoàn Cư Jút', 'Phó Bí thư'],
      ]);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(sheet as unknown as ArrayBuffer);
      expect(wb.getWorksheet('Điểm danh')?.getRow(2).hidden).toBe(true);
      const xml = strFromU8(zipEntries(sheet)['xl/worksheets/sheet1.xml']!);
      expect(xml).toMatch(/<dataValidation type="list"[^>]*sqref="F3:H6"/);
      expect(xml).toContain('Có mặt,Đi muộn,Vắng có phép,Vắng không phép');
    });

    it('a district editor gets only its own trainees', async () => {
      const rows = (await xlsxRows(await download(editorA)))['Điểm danh'];
      expect(rows?.slice(2).map((r) => r[2])).toEqual(['Nguyễn Văn An', 'Trần Thị Bích', 'Hoàng Thị Dung']);
    });
  });

  describe('upload', () => {
    let filled: Buffer;

    beforeAll(async () => {
      filled = await edit(sheet, (ws) => {
        ws.getCell('G3').value = 'Đi muộn';
        ws.getCell('F4').value = 'co mat'; // typed without diacritics
        ws.getCell('G4').value = 'Có mặt';
        ws.getCell('F5').value = 'Vắng không phép';
        ws.getCell('G5').value = 'Vắng có phép'; // as stored: no change
        ws.getCell('H6').value = 'Có mặt';
      });
    });

    it('previews each row’s changes and saves nothing', async () => {
      const before = await stored();
      const res = await upload(organiser, 'diem-danh.xlsx', filled, true);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({
        rows: [
          { row: 3, personName: 'Nguyễn Văn An', changes: 1, errors: [] },
          { row: 4, personName: 'Trần Thị Bích', changes: 2, errors: [] },
          { row: 5, personName: 'Lê Văn Cường', changes: 1, errors: [] },
          { row: 6, personName: 'Hoàng Thị Dung', changes: 1, errors: [] },
        ],
        sheetErrors: [],
        changes: 5,
        applied: false,
      });
      expect(await stored()).toEqual(before);
    });

    it('saves the sheet when asked, with an audit row per trainee whose marks changed', async () => {
      const before = await stored();
      const res = await upload(organiser, 'diem-danh.xlsx', filled, false);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ changes: 5, applied: true, sheetErrors: [] });
      const after = await stored();
      expect(after.audit).toBe(before.audit + 4);
      const marks = after.attendance.map((a) => [a.enrolment_id, a.session_id, a.mark]);
      expect(marks).toEqual(
        expect.arrayContaining([
          [e['An'], s1, 'present'],
          [e['An'], s2, 'late'],
          [e['Bích'], s1, 'present'],
          [e['Bích'], s2, 'present'],
          [e['Cường'], s1, 'absent'],
          [e['Cường'], s2, 'excused'],
          [e['Dung'], s3, 'present'],
        ]),
      );
      expect(after.attendance).toHaveLength(7);
      const uploaded = after.attendance.filter((a) => a.method === 'upload');
      expect(uploaded).toHaveLength(5);
      const outcome = await t.db.kysely
        .selectFrom('enrolments')
        .select('rule_outcome')
        .where('id', '=', e['Bích']!)
        .executeTakeFirstOrThrow();
      expect(outcome.rule_outcome).toBe('not_completed');
    });

    it('the same sheet uploaded again reports no change and changes nothing', async () => {
      const before = await stored();
      const res = await upload(organiser, 'diem-danh.xlsx', filled, false);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().changes).toBe(0);
      expect(res.json().rows.map((r: { changes: number }) => r.changes)).toEqual([0, 0, 0, 0]);
      expect(await stored()).toEqual(before);
    });

    it('a blank cell leaves a stored mark as it is', async () => {
      const before = await stored();
      const blanked = await edit(filled, (ws) => {
        ws.getCell('F3').value = null;
      });
      const res = await upload(organiser, 'diem-danh.xlsx', blanked, false);
      expect(res.json().changes).toBe(0);
      expect(await stored()).toEqual(before);
    });

    it('rejects unknown people, other classes’ trainees, a name not matching its id and unknown marks, row by row, saving nothing', async () => {
      const before = await stored();
      const bad = await edit(filled, (ws) => {
        ws.getCell('H3').value = 'Vắng'; // not a mark word
        ws.getCell('B4').value = 999999;
        ws.getCell('H4').value = 'Có mặt';
        ws.getCell('C5').value = 'Lê Văn Cương'; // the id is Cường's
        ws.getCell('H5').value = 'Có mặt';
        ws.addRow(['5', otherEnrolment, 'Đinh Khác', '', '', 'Có mặt']);
        ws.addRow(['6', waitlisted, 'Vũ Chờ', '', '', 'Có mặt']);
        ws.addRow(['7', e['Dung'], 'Hoàng Thị Dung', '', '', '', '', 'Có mặt']);
        ws.addRow(['8', '', 'Người Không Mã', '', '', 'Có mặt']);
      });
      for (const dryRun of [true, false]) {
        const res = await upload(organiser, 'diem-danh.xlsx', bad, dryRun);
        expect(res.statusCode, res.body).toBe(200);
        const body = res.json();
        expect(body.applied).toBe(false);
        const errors = Object.fromEntries(
          body.rows.map((r: { row: number; errors: string[] }) => [r.row, r.errors.join(' | ')]),
        );
        expect(errors[3]).toContain(
          'Dòng 3, cột H (13/05/2025 Sáng): "Vắng" không phải điểm danh (Có mặt (C), Đi muộn (M), Vắng có phép (P), Vắng không phép (K))',
        );
        expect(errors[4]).toBe('Dòng 4: mã học viên "999999" không có trong danh sách lớp "Lớp kỹ năng số 2025"');
        expect(errors[5]).toBe(
          `Dòng 5: họ và tên "Lê Văn Cương" không khớp với mã học viên ${e['Cường']} (Lê Văn Cường)`,
        );
        expect(errors[7]).toContain(`Dòng 7: mã học viên "${otherEnrolment}" không có trong danh sách lớp`);
        expect(errors[8]).toContain(`Dòng 8: mã học viên "${waitlisted}" không có trong danh sách lớp`);
        expect(errors[9]).toContain(`Dòng 9: học viên mã ${e['Dung']} đã có ở dòng 6`);
        expect(errors[10]).toBe('Dòng 10: thiếu Mã học viên');
        expect(errors[6]).toBe('');
      }
      // In English when asked: the same rows, each worded in English.
      const en = await upload(organiser, 'diem-danh.xlsx', bad, true, XLSX, 'en');
      const errorsEn = Object.fromEntries(
        en.json().rows.map((r: { row: number; errors: string[] }) => [r.row, r.errors.join(' | ')]),
      );
      expect(errorsEn[3]).toContain('Row 3, column H (13/05/2025 morning): "Vắng" is not an attendance mark');
      expect(errorsEn[4]).toBe('Row 4: the trainee id "999999" is not on the list of the class "Lớp kỹ năng số 2025"');
      expect(errorsEn[5]).toBe(`Row 5: the name "Lê Văn Cương" does not match trainee ${e['Cường']} (Lê Văn Cường)`);
      expect(errorsEn[9]).toBe(`Row 9: trainee ${e['Dung']} is already on row 6`);
      expect(errorsEn[10]).toBe("Row 10: the trainee's id is missing");
      expect(await stored()).toEqual(before);
    });

    it('rejects a column of another class’s session and a column that is no session, saving nothing', async () => {
      const before = await stored();
      const bad = await edit(filled, (ws) => {
        ws.getCell('F2').value = `#${otherSession}`;
        ws.getCell('I1').value = 'Ghi chú';
        ws.getCell('H6').value = 'Đi muộn';
      });
      const res = await upload(organiser, 'diem-danh.xlsx', bad, false);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().applied).toBe(false);
      expect(res.json().sheetErrors).toEqual([
        'Cột I ("Ghi chú") không phải cột buổi học của mẫu điểm danh (thiếu mã buổi học ở dòng ẩn 2); hãy tải lại mẫu từ Canbo',
        `Cột F ("12/05/2025 Sáng"): buổi học mã ${otherSession} không thuộc lớp "Lớp kỹ năng số 2025"`,
      ]);
      const en = await upload(organiser, 'diem-danh.xlsx', bad, false, XLSX, 'en');
      expect(en.json().sheetErrors).toEqual([
        'Column I ("Ghi chú") is not a session column of the attendance template (the session\'s id is missing from hidden row 2); download the template from Canbo again',
        `Column F ("12/05/2025 Sáng"): session ${otherSession} is not one of the class "Lớp kỹ năng số 2025"`,
      ]);
      expect(await stored()).toEqual(before);
    });

    it('refuses a file that is not a spreadsheet, even named .xlsx, naming the file', async () => {
      const before = await stored();
      const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Danh sách')] }] }));
      for (const [name, data] of [
        ['bien-ban.xlsx', docx],
        ['ghi-chu.xlsx', Buffer.from('Nguyễn Văn An;Có mặt\n')],
        ['trong.xlsx', Buffer.alloc(0)],
      ] as const) {
        const res = await upload(organiser, name, data, false);
        expect(res.statusCode, name).toBe(400);
        expect(res.json().message).toBe(
          `Tệp "${name}" không phải bảng tính Excel (.xlsx) đọc được. Hãy tải lên mẫu điểm danh tải từ Canbo.`,
        );
        expect(res.json().details.field).toBe('file');
        const en = await upload(organiser, name, data, false, XLSX, 'en');
        expect(en.json().message).toBe(
          `The file "${name}" is not a readable Excel sheet (.xlsx). Upload the attendance template downloaded from Canbo.`,
        );
      }
      expect(await stored()).toEqual(before);
    });

    it('refuses a file over 5 MB, and a second file in the same request, saving nothing', async () => {
      const before = await stored();
      const big = await upload(organiser, 'lon.xlsx', Buffer.concat([filled, Buffer.alloc(5 * 1024 * 1024)]), true);
      expect(big.statusCode).toBe(400);
      expect(big.json().message).toBe('Tệp "lon.xlsx" lớn hơn 5 MB, quá lớn cho một bảng điểm danh');
      const boundary = '----canbo2';
      const part = (name: string) =>
        Buffer.concat([
          Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${name}.xlsx"\r\nContent-Type: ${XLSX}\r\n\r\n`,
          ),
          filled,
          Buffer.from('\r\n'),
        ]);
      const two = await t.app.inject({
        method: 'POST',
        url: url(false),
        payload: Buffer.concat([part('a'), part('b'), Buffer.from(`--${boundary}--\r\n`)]),
        headers: {
          'content-type': `multipart/form-data; boundary=${boundary}`,
          cookie: organiser.cookie,
          'x-csrf-token': organiser.csrf,
        },
      });
      expect(two.statusCode, two.body).toBe(400);
      expect(two.json().message).toBe('Chỉ gửi một tệp bảng tính điểm danh mỗi lần');
      expect(await stored()).toEqual(before);
    });

    it('asks for the file when none is sent', async () => {
      const res = await as(t.app, organiser).post(url(true), { marks: [] });
      expect(res.statusCode).toBe(400);
      expect(res.json().details.field).toBe('file');
      expect(res.json().message).toContain('Tệp tải lên');
    });

    it('is the organiser’s: a district editor is refused (403)', async () => {
      const res = await upload(editorA, 'diem-danh.xlsx', filled, true);
      expect(res.statusCode).toBe(403);
    });

    it('is refused once the class file is closed', async () => {
      await t.db.kysely.updateTable('training_classes').set({ status: 'closed' }).where('id', '=', cls).execute();
      const res = await upload(organiser, 'diem-danh.xlsx', filled, true);
      expect(res.statusCode).toBe(409);
      expect(res.json().message).toContain('"Đã đóng hồ sơ"');
      await t.db.kysely.updateTable('training_classes').set({ status: 'in_progress' }).where('id', '=', cls).execute();
    });
  });
});
