import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../../test/app.ts';
import { makePerson, makeUnit } from '../../../../test/factories.ts';
import { twoDistricts, type TestApp } from '../../../../test/fixtures.ts';
import { as, type Session } from '../../../../test/http.ts';
import { reportRequests, rowFigures } from '../../../../test/reports.ts';

const URL = '/api/v1/reports/di-co-so';

describe('report: grassroots visits "1+2" (đi cơ sở) over a period', () => {
  let t: TestApp;
  let province: number;
  let admin: Session;
  let viewerA: Session;

  beforeAll(async () => {
    t = await testApp();
    let cuJut: number;
    let dakMil: number;
    ({ province, cuJut, dakMil, admin, viewerA } = await twoDistricts(t));
    const commune = await makeUnit(t.ctx, { name: 'Đoàn xã Ea Pô', parentId: cuJut, kind: 'commune' });
    const communeB = await makeUnit(t.ctx, { name: 'Đoàn xã Đắk Lao', parentId: dakMil, kind: 'commune' });
    const cadreA = await makePerson(t.ctx, { unitId: cuJut, familyName: 'Y', givenName: 'Niê' });
    const cadreB = await makePerson(t.ctx, { unitId: dakMil, familyName: 'Lê', givenName: 'Tâm' });
    const provincial = await makePerson(t.ctx, { unitId: province, familyName: 'Trần', givenName: 'An' });
    const trip = async (personId: number, hostUnitId: number, startDate: string, endDate: string) => {
      const res = await as(t.app, admin).post('/api/v1/visits/trips', {
        personId,
        hostUnitId,
        startDate,
        endDate,
        purpose: 'Nắm tình hình cơ sở',
      });
      expect(res.statusCode, res.body).toBe(201);
    };
    // Calendar days: 9 across New Year (4 in 2023, 5 in 2024), then 10.
    await trip(provincial, commune, '2023-12-28', '2024-01-05');
    await trip(cadreA, commune, '2024-03-01', '2024-03-10');
    // Working days from here: Saturday 1 to Tuesday 11 June 2024 is 7 of them.
    const set = await as(t.app, admin).patch(`/api/v1/visits/settings/${province}`, {
      version: 0,
      dayCounting: 'working',
    });
    expect(set.statusCode, set.body).toBe(200);
    await trip(cadreB, communeB, '2024-06-01', '2024-06-11');
  });
  afterAll(() => t.close());

  const { get, report, rows } = reportRequests(() => t.app, URL);

  it('counts trips and days by the cadre’s level over a year, as the visits page’s totals do', async () => {
    const r = await report(admin, `unitId=${province}&from=2024-01-01&to=2024-12-31`);
    expect(r.title).toEqual([
      'BÁO CÁO KẾT QUẢ ĐI CƠ SỞ (1+2)',
      'Tỉnh đoàn Đắk Nông, từ ngày 01/01/2024 đến ngày 31/12/2024',
    ]);
    expect(r.tables[0]!.header[0]!.map((h) => h.text)).toEqual([
      'STT',
      'Cấp của cán bộ',
      'Số lượt đi cơ sở',
      'Số ngày đi cơ sở',
    ]);
    expect(rowFigures(r)).toEqual([
      ['Tổng số', 3, 22],
      ['Cấp tỉnh', 1, 5],
      ['Cấp huyện', 2, 17],
    ]);
    const totals = (await get(admin, `/api/v1/visits/totals?unitId=${province}&year=2024`)).json();
    expect(totals.levels).toEqual([
      { level: 'province', trips: 1, days: 5 },
      { level: 'district', trips: 2, days: 17 },
    ]);
    // One date alone gives its whole year: 2023 holds the first trip's first four days.
    expect(rowFigures(await report(admin, `unitId=${province}&from=2023-03-01`))).toEqual([
      ['Tổng số', 1, 4],
      ['Cấp tỉnh', 1, 4],
    ]);
  });

  it('counts only the days inside a period cutting trips, each by the day counting it was logged with', async () => {
    const r = await report(admin, `unitId=${province}&from=2024-01-03&to=2024-06-05`);
    expect(r.title[1]).toBe('Tỉnh đoàn Đắk Nông, từ ngày 03/01/2024 đến ngày 05/06/2024');
    // 3, 5 January (calendar); all 10 of March; 3, 4, 5 June (working days).
    expect(rowFigures(r)).toEqual([
      ['Tổng số', 3, 16],
      ['Cấp tỉnh', 1, 3],
      ['Cấp huyện', 2, 13],
    ]);
    // A weekend inside a working-days trip: the trip counts, its days do not.
    const weekend = await report(admin, `unitId=${province}&from=2024-06-08&to=2024-06-09`);
    expect(rowFigures(weekend)).toEqual([
      ['Tổng số', 1, 0],
      ['Cấp huyện', 1, 0],
    ]);
    expect(weekend.tables[0]!.rows[1]!.values[1]!.cell).toBeNull();
  });

  it('lists the trips behind each number, and a district reader counts their district only', async () => {
    const r = await report(admin, `unitId=${province}&from=2024-01-03&to=2024-06-05`);
    for (const v of r.tables[0]!.rows.flatMap((row) => row.values).filter((v) => v.cell)) {
      const page = await rows(admin, `unitId=${province}&from=2024-01-03&to=2024-06-05&cell=${v.cell}`);
      // A trips number is its trips; a days number the sum of their days inside the period.
      const days = page.items.reduce((sum, i) => sum + Number(i.values.at(-1)), 0);
      expect(v.cell!.endsWith(':days') ? days : page.total, v.cell!).toBe(v.value);
    }
    const district = await rows(admin, `unitId=${province}&from=2024-01-03&to=2024-06-05&cell=district:days`);
    expect(district.label).toBe('Cấp huyện — Số ngày đi cơ sở');
    expect(district.items.map((i) => i.values)).toEqual([
      ['Y Niê', 'Huyện đoàn Cư Jút', 'Cấp huyện', 'Đoàn xã Ea Pô', '01/03/2024', '10/03/2024', 10],
      ['Lê Tâm', 'Huyện đoàn Đắk Mil', 'Cấp huyện', 'Đoàn xã Đắk Lao', '01/06/2024', '11/06/2024', 3],
    ]);
    // Cư Jút's viewer: their district by default, the province is not theirs to read.
    expect(rowFigures(await report(viewerA, 'from=2024-01-01&to=2024-12-31'))).toEqual([
      ['Tổng số', 1, 10],
      ['Cấp huyện', 1, 10],
    ]);
    expect((await as(t.app, viewerA).get(`${URL}?unitId=${province}`)).statusCode).toBe(404);
    const wrong = await as(t.app, admin).get(`${URL}/rows?unitId=${province}&cell=commune:nights`);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().details.field).toBe('cell');
  });

  it('refuses a period ending before it begins, naming the end date', async () => {
    const res = await as(t.app, admin).get(`${URL}?unitId=${province}&from=2024-06-01&to=2024-01-01`);
    expect(res.statusCode).toBe(400);
    expect(res.json().details.field).toBe('to');
    expect(res.json().message).toContain('Từ ngày');
  });

  it('exports the .xlsx with the figures as numbers', async () => {
    const query = `unitId=${province}&from=2024-01-01&to=2024-12-31`;
    const json = await report(admin, query);
    const xlsx = await get(admin, `${URL}/export?${query}&format=xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getCell('A1').value).toBe('BÁO CÁO KẾT QUẢ ĐI CƠ SỞ (1+2)');
    expect(sheet.getCell('A2').value).toBe(json.title[1]);
    json.tables[0]!.rows.forEach((row, i) => {
      const cells = sheet.getRow(7 + i);
      expect(cells.getCell(2).value ?? '').toBe(row.labels[1]);
      row.values.forEach((v, j) => expect(cells.getCell(3 + j).value).toBe(v.value));
    });
    expect(sheet.getRow(7).getCell(4).value).toBe(22);
  });
});
