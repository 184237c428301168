import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { ReportResult, ReportRowPage, SchemeProgress } from '@canbo/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../../test/app.ts';
import { docxParagraphs } from '../../../../test/documents.ts';
import type { TestApp } from '../../../../test/fixtures.ts';
import { as, type Session } from '../../../../test/http.ts';
import { figuresData } from '../../figures/figures.fixtures.ts';
import { everyMetricScheme } from '../../schemes/schemes.fixtures.ts';
import { reportFromCli } from '../reports.cli.ts';

const URL = '/api/v1/reports/tien-do-de-an';

/** Each row's name and its cells: target, achieved, %, and the status in words. */
const table = (r: ReportResult) =>
  r.tables[0]!.rows.map((row) => [row.labels[1], ...row.values.map((v) => v.text ?? v.value)]);

describe('report: scheme progress (báo cáo tiến độ thực hiện đề án, kế hoạch)', () => {
  let t: TestApp;
  let data: Awaited<ReturnType<typeof figuresData>>;
  let admin: Session;
  let schemeId: number;
  let districtScheme: number;

  beforeAll(async () => {
    t = await testApp();
    data = await figuresData(t);
    admin = data.admin;
    const res = await as(t.app, admin).post(
      '/api/v1/schemes',
      everyMetricScheme(data.province, data.cuJut, data.dakMil, 'KH-2021'),
    );
    expect(res.statusCode, res.body).toBe(201);
    schemeId = res.json<{ id: number }>().id;
    const own = await as(t.app, admin).post('/api/v1/schemes', {
      name: 'Kế hoạch bồi dưỡng của Huyện đoàn Cư Jút',
      code: 'KH-CJ-2022',
      issuingUnitId: data.cuJut,
      startYear: 2022,
      endYear: 2022,
      targets: [{ metric: 'classes', total: 1 }],
    });
    expect(own.statusCode, own.body).toBe(201);
    districtScheme = own.json<{ id: number }>().id;
  });
  afterAll(() => t.close());

  const get = async (s: Session, url: string) => {
    const res = await as(t.app, s).get(url);
    expect(res.statusCode, res.body).toBe(200);
    return res;
  };

  it("gives each target's value, achievement, share and status, with its years and units, as the scheme's page does", async () => {
    const r = (await get(admin, `${URL}?schemeId=${schemeId}`)).json<ReportResult>();
    expect(r.title).toEqual([
      'BÁO CÁO TIẾN ĐỘ THỰC HIỆN ĐỀ ÁN, KẾ HOẠCH',
      'Kế hoạch bồi dưỡng cán bộ Đoàn giai đoạn 2021–2023 (05-KH/TĐTN)',
      expect.stringMatching(/^Giai đoạn 2021–2023, tính đến ngày \d{2}\/\d{2}\/\d{4}$/),
    ]);
    // Issued in the scheme's issuing unit's name when none is asked.
    expect(r.unitId).toBe(data.province);
    expect(table(r)).toEqual([
      ['Số lớp bồi dưỡng', 6, 3, 50, 'Không đạt'],
      ['Năm 2021', 2, 1, 50, 'Không đạt'],
      ['Năm 2022', 2, 2, 100, 'Đã đạt'],
      ['Năm 2023', 2, 0, 0, 'Không đạt'],
      ['Số lượt cán bộ được bồi dưỡng', 40, 45, 112.5, 'Đã đạt'],
      ['Huyện đoàn Cư Jút', 4, 4, 100, 'Đã đạt'],
      ['Huyện đoàn Đắk Mil', 50, 41, 82, 'Không đạt'],
      ['Số cán bộ được bồi dưỡng', 10, 4, 40, 'Không đạt'],
      ['Tỷ lệ cán bộ được bồi dưỡng chức danh', 90, 33.3, 37, 'Không đạt'],
      ['Số cán bộ được cử đi học', 1, 1, 100, 'Đã đạt'],
      ['Số cán bộ tốt nghiệp', 5, 2, 40, 'Không đạt'],
      ['Ngày đi cơ sở của cán bộ', 30, 20, 66.7, 'Không đạt'],
    ]);
    const rows = r.tables[0]!.rows;
    expect(rows[0]!.labels[2]).toBe('Số lớp bồi dưỡng');
    expect(rows[8]!.labels[2]).toBe(
      'Tỷ lệ cán bộ được bồi dưỡng chức danh (%) (Bí thư; bồi dưỡng trong 12 tháng kể từ khi bổ nhiệm)',
    );
    expect(rows[9]!.labels[2]).toBe('Số cán bộ được cử đi học (Đại học, Thạc sĩ, Tiến sĩ)');
    // The same figures as the scheme's own progress.
    const progress = (await get(admin, `/api/v1/schemes/${schemeId}/progress`)).json<SchemeProgress>();
    const overall = rows.filter((row) => row.labels[0] !== '');
    expect(overall.map((row) => row.values[1]!.value)).toEqual(progress.targets.map((x) => x.actual));
  });

  it('opens the rows behind each achieved figure: the target rows of the scheme, for the period, a year, a unit', async () => {
    const r = (await get(admin, `${URL}?schemeId=${schemeId}`)).json<ReportResult>();
    const cells = r.tables[0]!.rows.flatMap((row) => row.values.filter((v) => v.cell));
    // Every achieved figure but the 0 of 2023.
    expect(cells.length).toBe(11);
    const rowsOf = async (cell: string) =>
      (await get(admin, `${URL}/rows?schemeId=${schemeId}&cell=${cell}&pageSize=200`)).json<ReportRowPage>();
    const classes = r.tables[0]!.rows[0]!.values[1]!.cell!;
    const page = await rowsOf(classes);
    expect(page.label).toBe('Số lớp bồi dưỡng');
    expect(page.total).toBe(3);
    expect(page.columns.map((c) => c.header)).toEqual(['Tên', 'Loại', 'Chi tiết', 'Đơn vị', 'Ngày', 'Giá trị']);
    const y2022 = await rowsOf(r.tables[0]!.rows[2]!.values[1]!.cell!);
    expect([y2022.label, y2022.total]).toEqual(['Số lớp bồi dưỡng — Năm 2022', 2]);
    const dakMil = await rowsOf(r.tables[0]!.rows[6]!.values[1]!.cell!);
    expect(dakMil.label).toBe('Số lượt cán bộ được bồi dưỡng — Huyện đoàn Đắk Mil');
    // A headcount-only class of 40 and one trainee.
    expect(dakMil.items.reduce((s, i) => s + Number(i.values[5]), 0)).toBe(41);
    const people = await rowsOf(r.tables[0]!.rows[7]!.values[1]!.cell!);
    expect(people.total).toBe(4);
    expect(people.items.every((i) => i.personId !== null)).toBe(true);
    // A key that is not one of the report's.
    const wrong = await as(t.app, admin).get(`${URL}/rows?schemeId=${schemeId}&cell=t999999:actual`);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().details.field).toBe('cell');
  });

  it('counts "tính đến ngày" a past day: only what was dated by then, judged on that day', async () => {
    const r = (await get(admin, `${URL}?schemeId=${schemeId}&at=2022-07-01`)).json<ReportResult>();
    expect(r.title[2]).toBe('Giai đoạn 2021–2023, tính đến ngày 01/07/2022');
    const rows = table(r);
    // Two classes by then (the third began in September): half the period gone, 2 of 6 is behind.
    expect(rows[0]).toEqual(['Số lớp bồi dưỡng', 6, 2, 33.3, 'Chậm tiến độ']);
    expect(rows.slice(1, 4)).toEqual([
      ['Năm 2021', 2, 1, 50, 'Không đạt'],
      ['Năm 2022', 2, 1, 50, 'Đúng tiến độ'],
      ['Năm 2023', 2, 0, 0, 'Chưa bắt đầu'],
    ]);
    // The headcount class of September is not yet counted: 3 + 2 trainees.
    expect(rows[4]).toEqual(['Số lượt cán bộ được bồi dưỡng', 40, 5, 12.5, 'Chậm tiến độ']);
    // Trips begun by then: 8 + 10 days.
    expect(rows[11]!.slice(0, 3)).toEqual(['Ngày đi cơ sở của cán bộ', 30, 18]);
    const classes = (
      await get(admin, `${URL}/rows?schemeId=${schemeId}&at=2022-07-01&cell=${r.tables[0]!.rows[0]!.values[1]!.cell}`)
    ).json<ReportRowPage>();
    expect(classes.total).toBe(2);
    expect(r.notes.join(' ')).toContain('đến hết ngày 01/07/2022');
  });

  it("keeps a district to its own figures of the province's scheme, and another district's scheme out of reach", async () => {
    const r = (await get(data.viewerA, `${URL}?schemeId=${schemeId}`)).json<ReportResult>();
    // The viewer does not read the province: the report is issued in the district's name.
    expect(r.unitName).toBe('Huyện đoàn Cư Jút');
    const overall = r.tables[0]!.rows.filter((row) => row.labels[0] !== '').map((row) => row.values[1]!.value);
    expect(overall).toEqual([1, 4, 3, 100, 1, 2, 10]);
    // Cư Jút's own scheme: Đắk Mil's editor cannot read it, nor its rows, nor its export.
    expect((await get(data.viewerA, `${URL}?schemeId=${districtScheme}`)).statusCode).toBe(200);
    for (const path of ['', '/rows', '/export']) {
      const res = await as(t.app, data.editorB).get(
        `${URL}${path}?schemeId=${districtScheme}&cell=t1:actual&format=xlsx`,
      );
      expect(res.statusCode, path).toBe(404);
    }
    const missing = await as(t.app, admin).get(URL);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().details.field).toBe('schemeId');
  });

  it('exports the figures to .xlsx (numbers as numbers, the status in words) and .docx', async () => {
    const json = (await get(admin, `${URL}?schemeId=${schemeId}`)).json<ReportResult>();
    const xlsx = await get(admin, `${URL}/export?schemeId=${schemeId}&format=xlsx`);
    expect(xlsx.headers['content-disposition']).toContain('filename="bao-cao-tien-do-thuc-hien-de-an-ke-hoach-');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getCell('A1').value).toBe('BÁO CÁO TIẾN ĐỘ THỰC HIỆN ĐỀ ÁN, KẾ HOẠCH');
    expect(sheet.getCell('D5').value).toBe('Kết quả thực hiện');
    expect(sheet.getCell('E6').value).toBe('Đã thực hiện');
    json.tables[0]!.rows.forEach((row, i) => {
      const cells = sheet.getRow(8 + i);
      expect(cells.getCell(2).value).toBe(row.labels[1]);
      row.values.forEach((v, j) => expect(cells.getCell(4 + j).value).toBe(v.text ?? v.value));
    });
    expect(sheet.getRow(8).getCell(5).value).toBe(3);

    const docx = await get(admin, `${URL}/export?schemeId=${schemeId}&format=docx&number=4&signerName=Lê Thị Hoa`);
    const paragraphs = docxParagraphs(docx.rawPayload);
    expect(paragraphs).toContain('BÁO CÁO');
    expect(paragraphs).toContain('Số: 4-BC/TĐTN-BTC');
    expect(paragraphs).toContain('Huyện đoàn Đắk Mil');
    expect(paragraphs).toContain('112,5');
    expect(paragraphs).toContain('Không đạt');
    expect(paragraphs).toContain('Lê Thị Hoa');
  });

  it('runs from the command line with --scheme', async () => {
    const printed: string[] = [];
    const print = (l: string) => printed.push(l);
    expect(await reportFromCli(t.ctx, { name: 'tien-do-de-an', scheme: String(schemeId) }, print)).toBe(0);
    const json = JSON.parse(printed.join('\n')) as ReportResult;
    expect(table(json)[4]).toEqual(['Số lượt cán bộ được bồi dưỡng', 40, 45, 112.5, 'Đã đạt']);
    const dir = await mkdtemp(join(tmpdir(), 'canbo-report-'));
    try {
      const out = join(dir, 'tien-do.docx');
      const args = { name: 'tien-do-de-an', scheme: String(schemeId), format: 'docx', out };
      expect(await reportFromCli(t.ctx, args, print)).toBe(0);
      expect(docxParagraphs(await readFile(out))).toContain('Số lớp bồi dưỡng');
      printed.length = 0;
      expect(await reportFromCli(t.ctx, { ...args, scheme: '999999' }, print)).toBe(1);
      expect(printed[0]).toContain('Đề án, kế hoạch');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
