import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../../test/app.ts';
import { makeClass, makeSession, makeTrainees, makeUser } from '../../../../test/factories.ts';
import { rowCount, twoDistricts, type TestApp } from '../../../../test/fixtures.ts';
import { login, type Session } from '../../../../test/http.ts';
import { postFile } from '../../../../test/importSheets.ts';
import { handMadeXlsx, rowXml, sheetXml, understate } from '../../../../test/xlsx.ts';

describe('attendance upload limits', () => {
  let t: TestApp;
  let organiser: Session;
  let cls: number;
  let session: number;
  let enrolments: number[];

  const upload = (fileName: string, data: Buffer, lang?: string) =>
    postFile(t, organiser, `/api/v1/training/classes/${cls}/attendance/upload?dryRun=false`, fileName, data, {
      lang,
    });
  /** The attendance template's two header rows, then `rows` trainee rows marked present. */
  const sheet = (rows: number, enrolmentOf: (i: number) => number) =>
    sheetXml(
      rowXml(1, ['STT', 'Mã học viên', 'Họ và tên', 'Đơn vị', 'Chức vụ', 'Buổi 1']) +
        rowXml(2, ['', '', '', '', '', `#${session}`]).replace(
          /<c r="[A-E]2" t="inlineStr"><is><t><\/t><\/is><\/c>/g,
          '',
        ) +
        Array.from({ length: rows }, (_, i) =>
          rowXml(i + 3, [i + 1, enrolmentOf(i), `Nguyễn Văn Học ${String(i + 1).padStart(4, '0')}`, '', '', 'Có mặt']),
        ).join(''),
    );

  beforeAll(async () => {
    t = await testApp();
    const { province } = await twoDistricts(t);
    const org = await makeUser(t.ctx, { grants: [{ unitId: province, role: 'editor' }] });
    organiser = await login(t.app, org.login, org.password);
    cls = await makeClass(t.ctx, { organiserUnitId: province, status: 'in_progress' });
    session = await makeSession(t.ctx, { classId: cls, date: '2025-05-12', part: 'morning' });
    enrolments = await makeTrainees(t.ctx, { classId: cls, unitId: province, count: 20 });
  });
  afterAll(() => t.close());

  it('takes the class’s own sheet: every trainee, one row each', async () => {
    const res = await upload('diem-danh.xlsx', handMadeXlsx(sheet(20, (i) => enrolments[i]!)));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ applied: true, changes: 20, sheetErrors: [] });
  });

  it('refuses a sheet with far more rows than the class has trainees, naming the limit, and saves nothing', async () => {
    const before = await rowCount(t, 'attendance');
    const res = await upload('diem-danh.xlsx', handMadeXlsx(sheet(30_000, (i) => 1_000_000 + i)));
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({ code: 'validation', details: { field: 'file', limit: 'maxRows' } });
    // 20 trainees, the 2 header rows and 50 rows beyond the list that would be answered row by row.
    expect(res.json().message).toContain('tối đa 72 dòng');
    expect(res.json().message).toContain('lớp có 20 học viên');
    expect(await rowCount(t, 'attendance')).toBe(before);
  });

  it('refuses a zip bomb: a sheet whose real unpacked size is far beyond what its headers declare', async () => {
    const padded = sheetXml('<row r="1"/>'.repeat(3_000_000));
    const bomb = understate(handMadeXlsx(padded), 'xl/worksheets/sheet1.xml', 4096);
    const res = await upload('bom.xlsx', bomb);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().details).toMatchObject({ field: 'file', limit: 'maxUnpacked' });
    expect(res.json().message).toContain('giải nén');
    // In English, the reader's own words too (which part, past which size).
    const en = await upload('bom.xlsx', bomb, 'en');
    expect(en.json().message).toMatch(
      /^The file "bom\.xlsx" is too large unpacked: the part xl\/worksheets\/sheet1\.xml unpacks to more than its declared size \(at most/,
    );
  });
});
