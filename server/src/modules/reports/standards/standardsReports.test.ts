import ExcelJS from 'exceljs';
import type { ReportResult, ReportRowPage } from '@canbo/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../../test/app.ts';
import { docxParagraphs } from '../../../../test/documents.ts';
import { twoDistricts, type TestApp } from '../../../../test/fixtures.ts';
import { as, type Session } from '../../../../test/http.ts';
import { reportRequests, rowFigures } from '../../../../test/reports.ts';
import { standardsCast } from '../../standards/standards.fixtures.ts';

const AT = '2024-06-30';
const STANDARDISATION = '/api/v1/reports/chuan-hoa-can-bo';
const GAPS = '/api/v1/reports/chuc-danh-chua-boi-duong';

describe('reports: standardisation and title-training gaps (chuẩn hóa cán bộ, chức danh chưa được bồi dưỡng)', () => {
  let t: TestApp;
  let province: number;
  let cuJut: number;
  let admin: Session;
  let editorA: Session;

  beforeAll(async () => {
    t = await testApp();
    const base = await twoDistricts(t);
    ({ province, cuJut, admin, editorA } = base);
    await standardsCast(t, base);
  });
  afterAll(() => t.close());

  const { get } = reportRequests(() => t.app, '');
  const report = async (s: Session, url: string, query: string) =>
    (await get(s, `${url}?at=${AT}&${query}`)).json<ReportResult>();
  const rows = async (s: Session, url: string, query: string) =>
    (await get(s, `${url}/rows?at=${AT}&pageSize=200&${query}`)).json<ReportRowPage>();

  it('counts the holders short of the standard by title and by requirement, each number with its people', async () => {
    const r = await report(admin, STANDARDISATION, `unitId=${province}`);
    expect(r.title).toEqual(['BÁO CÁO CHUẨN HÓA CÁN BỘ', 'Tỉnh đoàn Đắk Nông, tính đến ngày 30/06/2024']);
    expect(r.tables[0]!.header[0]!.map((h) => h.text)).toEqual([
      'STT',
      'Chức danh',
      'Số cán bộ chưa đạt chuẩn',
      'Trong đó, chưa đạt về',
    ]);
    // Total, age at appointment, age in post, qualification, political theory.
    expect(rowFigures(r)).toEqual([
      ['Tổng số', 5, 2, 2, 1, 2],
      ['Bí thư', 3, 1, 0, 1, 2],
      ['Ủy viên Ban Chấp hành', 2, 1, 2, 0, 0],
    ]);
    for (const v of r.tables[0]!.rows.flatMap((row) => row.values).filter((v) => v.cell)) {
      const page = await rows(admin, STANDARDISATION, `unitId=${province}&cell=${v.cell}`);
      expect(page.total, v.cell!).toBe(v.value);
      expect(page.items.length, v.cell!).toBe(v.value);
    }
    const theory = await rows(admin, STANDARDISATION, `unitId=${province}&cell=secretary:theory`);
    expect(theory.label).toBe('Bí thư — Trong đó, chưa đạt về: Lý luận chính trị');
    expect(theory.items.map((i) => i.values[0])).toEqual(['Nguyễn Dũng', 'Nguyễn Em']);
    expect(theory.items[1]!.values).toEqual([
      'Nguyễn Em',
      '01/01/1995',
      'Bí thư',
      'Đoàn xã Nam Dong',
      '01/01/2022',
      'Lý luận chính trị chưa đạt (Chưa có, yêu cầu Sơ cấp)',
    ]);
    const bad = await as(t.app, admin).get(`${STANDARDISATION}/rows?at=${AT}&cell=secretary:nothing`);
    expect(bad.statusCode).toBe(400);
  });

  it("a district editor's report counts only the district, where each cadre was on the day", async () => {
    const r = await report(editorA, STANDARDISATION, '');
    expect(r.unitId).toBe(cuJut);
    expect(rowFigures(r)).toEqual([
      ['Tổng số', 3, 1, 2, 0, 1],
      ['Bí thư', 1, 0, 0, 0, 1],
      ['Ủy viên Ban Chấp hành', 2, 1, 2, 0, 0],
    ]);
    expect((await as(t.app, editorA).get(`${STANDARDISATION}?unitId=${province}`)).statusCode).toBe(404);
  });

  it('counts the holders without their title training in time, never or late, for the months asked', async () => {
    const r = await report(admin, GAPS, `unitId=${province}`);
    // Its form asks the months; the standardisation report's does not.
    const list = (await get(admin, '/api/v1/reports')).json<{ items: { name: string; asksMonths: boolean }[] }>();
    expect(list.items.filter((i) => i.asksMonths).map((i) => i.name)).toEqual(['chuc-danh-chua-boi-duong']);
    // Total, never trained, trained late.
    expect(rowFigures(r)).toEqual([
      ['Tổng số', 9, 8, 1],
      ['Bí thư', 3, 3, 0],
      ['Phó Bí thư', 3, 2, 1],
      ['Ủy viên Ban Chấp hành', 3, 3, 0],
    ]);
    expect(r.notes[0]).toContain('trong 12 tháng');
    const late = await rows(admin, GAPS, `unitId=${province}&cell=deputy_secretary:late`);
    expect(late.items.map((i) => i.values)).toEqual([
      ['Nguyễn Khánh', 'Phó Bí thư', 'Huyện đoàn Cư Jút', '10/01/2023', '01/03/2024'],
    ]);
    const never = await rows(admin, GAPS, `unitId=${province}&cell=deputy_secretary:never`);
    expect(never.items.map((i) => i.values[0])).toEqual(['Nguyễn Lan', 'Nguyễn Minh']);
    // Within 18 months Khánh's training (14 months after) is in time.
    const longer = await report(admin, GAPS, `unitId=${province}&months=18`);
    expect(rowFigures(longer)[2]).toEqual(['Phó Bí thư', 2, 2, 0]);
    const wrong = await as(t.app, admin).get(`${GAPS}?at=${AT}&months=0`);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().details.field).toBe('months');
  });

  it('exports both as .xlsx with the figures as numbers, and as a .docx report', async () => {
    for (const url of [STANDARDISATION, GAPS]) {
      const json = await report(admin, url, `unitId=${province}`);
      const xlsx = await get(admin, `${url}/export?at=${AT}&unitId=${province}&format=xlsx`);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      const sheet = wb.worksheets[0]!;
      expect(sheet.getCell('A1').value).toBe(json.title[0]);
      json.tables[0]!.rows.forEach((row, i) => {
        const cells = sheet.getRow(7 + i);
        expect(cells.getCell(2).value ?? '').toBe(row.labels[1]);
        row.values.forEach((v, j) => expect(cells.getCell(3 + j).value).toBe(v.value));
      });
      const docx = await get(admin, `${url}/export?at=${AT}&unitId=${province}&format=docx&number=3`);
      const paragraphs = docxParagraphs(docx.rawPayload);
      expect(paragraphs).toContain('BÁO CÁO');
      expect(paragraphs.join('\n')).toContain('Tỉnh đoàn Đắk Nông, tính đến ngày 30/06/2024');
    }
  });
});
