import ExcelJS from 'exceljs';
import type { ReportResult } from '@canbo/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../../test/app.ts';
import { docxParagraphs } from '../../../../test/documents.ts';
import { actorOfUser, makeClass, makeEnrolment, makePerson, makeUnit, makeUser } from '../../../../test/factories.ts';
import { movedCadre, twoDistricts, type TestApp } from '../../../../test/fixtures.ts';
import { as, type Session } from '../../../../test/http.ts';
import { reportRequests, rowFigures } from '../../../../test/reports.ts';
import { reader } from '../../../context.ts';
import { reportFromCli } from '../reports.cli.ts';
import { trainingSummary } from './trainingSummary.ts';

const URL = '/api/v1/reports/tong-hop-dao-tao';
const PERIOD = 'from=2021-01-01&to=2023-12-31';

/**
 * A province (P) with Cư Jút (A, and its Hội: H) and Đắk Mil (B), 2021–2023:
 * c1 P province/title 10/03/2021: a1, h1, b1, k (after his move: B); a2 withdrawn.
 * c2 A district/union_work 01/02/2021: a1, a2, k (before his move: A).
 * c3 B district/skills 2022, headcount 40 (no roster).
 * c4 H (Hội) district/union_work 2022, in progress: h1, a2.
 * Not counted: a cancelled class of P in 2022 (a1), a class of A in 2020 (a2).
 */
describe('report: training summary over a period (báo cáo tổng hợp công tác tập huấn, bồi dưỡng cán bộ)', () => {
  let t: TestApp;
  let base: Awaited<ReturnType<typeof twoDistricts>>;
  let admin: Session;
  let viewerA: Session;
  let hoi: number;
  let classes: Record<'c1' | 'c2' | 'c3' | 'c4', number>;

  beforeAll(async () => {
    t = await testApp();
    base = await twoDistricts(t);
    ({ admin, viewerA } = base);
    const { province, cuJut, dakMil } = base;
    hoi = await makeUnit(t.ctx, {
      name: 'Hội LHTN Việt Nam huyện Cư Jút',
      parentId: cuJut,
      kind: 'district',
      organisation: 'hoi',
    });
    const person = (unitId: number, familyName: string, givenName: string) =>
      makePerson(t.ctx, { unitId, familyName, givenName });
    const a1 = await person(cuJut, 'Nông', 'An');
    const a2 = await person(cuJut, 'Trần', 'Bình');
    const h1 = await person(hoi, 'Lê', 'Hoa');
    const b1 = await person(dakMil, 'Y', 'Ngông');
    const held = (
      organiserUnitId: number,
      level: 'province' | 'district',
      kindCode: string,
      startDate: string,
      extra: { status?: 'completed' | 'closed' | 'in_progress' | 'cancelled'; headcountTotal?: number } = {},
    ) =>
      makeClass(t.ctx, {
        organiserUnitId,
        name: `Lớp ${kindCode} ${startDate}`,
        status: extra.status ?? 'completed',
        level,
        kindCode,
        startDate,
        endDate: startDate,
        ...(extra.headcountTotal ? { capacity: null, headcountTotal: extra.headcountTotal } : {}),
      });
    classes = {
      c1: await held(province, 'province', 'title', '2021-03-10'),
      c2: await held(cuJut, 'district', 'union_work', '2021-02-01', { status: 'closed' }),
      c3: await held(dakMil, 'district', 'skills', '2022-09-01', { headcountTotal: 40 }),
      c4: await held(hoi, 'district', 'union_work', '2022-05-01', { status: 'in_progress' }),
    };
    const cancelled = await held(province, 'province', 'title', '2022-04-01', { status: 'cancelled' });
    const old = await held(cuJut, 'district', 'title', '2020-05-01');
    const enrol = (classId: number, personId: number, status: 'confirmed' | 'withdrawn' = 'confirmed') =>
      makeEnrolment(t.ctx, { classId, personId, status });
    for (const p of [a1, h1, b1]) await enrol(classes.c1, p);
    await enrol(classes.c1, a2, 'withdrawn');
    for (const p of [a1, a2]) await enrol(classes.c2, p);
    for (const p of [h1, a2]) await enrol(classes.c4, p);
    await enrol(cancelled, a1);
    await enrol(old, a2);
    // K'Lung of Cư Jút, at c2 in February, moved to Đắk Mil on 1 March 2021, then at c1.
    await movedCadre(t, admin, cuJut, dakMil, {}, async (k) => {
      await enrol(classes.c2, k);
      await enrol(classes.c1, k);
    });
  });
  afterAll(() => t.close());

  const requests = reportRequests(() => t.app, URL);
  const { get, report } = requests;
  const rows = (s: Session, query: string, cell: string) => requests.rows(s, `${query}&cell=${cell}`);

  it('counts classes, participations and people in total and by level, kind, year, organisation and unit', async () => {
    const r = await report(admin, `${PERIOD}&unitId=${base.province}`);
    expect(r.title).toEqual([
      'BÁO CÁO TỔNG HỢP CÔNG TÁC TẬP HUẤN, BỒI DƯỠNG CÁN BỘ',
      'Tỉnh đoàn Đắk Nông, từ ngày 01/01/2021 đến ngày 31/12/2023',
    ]);
    expect(rowFigures(r)).toEqual([
      ['Tổng số', 4, 49, 5],
      ['Theo cấp tổ chức lớp'],
      ['Cấp tỉnh', 1, 4, 4],
      ['Cấp huyện', 3, 45, 4],
      ['Theo loại hình bồi dưỡng'],
      ['Bồi dưỡng chức danh', 1, 4, 4],
      ['Bồi dưỡng nghiệp vụ công tác Đoàn', 2, 5, 4],
      ['Bồi dưỡng kỹ năng', 1, 40, 0],
      ['Theo năm'],
      ['Năm 2021', 2, 7, 5],
      ['Năm 2022', 2, 42, 2],
      ['Năm 2023', 0, 0, 0],
      ['Theo tổ chức (Đoàn, Hội, Đội) của đơn vị được tính'],
      ['Đoàn', 3, 47, 4],
      ['Hội', 1, 2, 1],
      ['Đội', 0, 0, 0],
      ['Theo đơn vị (đơn vị của cán bộ vào ngày khai giảng)'],
      ['Huyện đoàn Cư Jút', 2, 7, 4],
      ['Huyện đoàn Đắk Mil', 1, 42, 2],
    ]);
    expect(r.tables[0]!.rows[0]!.values.map((v) => v.cell)).toEqual([
      'total:classes',
      'total:participations',
      'total:people',
    ]);
    const cells = r.tables[0]!.rows.flatMap((row) => row.values.map((v) => v.cell)).filter(Boolean);
    expect(cells).toContain('level-province:participations');
    expect(cells).toContain('kind-union_work:classes');
    expect(cells).toContain('year-2022:participations');
    expect(cells).toContain('org-hoi:people');
    expect(cells).toContain(`unit-${base.cuJut}:people`);
    // A zero opens nothing.
    expect(r.tables[0]!.rows.find((row) => row.labels[1] === 'Bồi dưỡng kỹ năng')!.values[2]!.cell).toBeNull();
    expect(r.notes.join(' ')).toContain('không tính vào số người');
    expect(r.paragraphs).toEqual([
      'Trong 3 năm, từ năm 2021 đến năm 2023, toàn tỉnh tổ chức 4 lớp tập huấn, bồi dưỡng cho 49 lượt cán bộ đoàn và hội. ' +
        'Trong đó, cấp tỉnh tổ chức 1 lớp cho 4 lượt cán bộ; cấp huyện tổ chức 3 lớp cho 45 lượt cán bộ. ' +
        'Theo loại hình, nhiều nhất là bồi dưỡng kỹ năng (1 lớp, 40 lượt), tiếp đến bồi dưỡng nghiệp vụ công tác Đoàn ' +
        '(2 lớp, 5 lượt) và bồi dưỡng chức danh (1 lớp, 4 lượt). ' +
        'Theo danh sách học viên, 5 cán bộ đã được tập huấn, bồi dưỡng ít nhất một lần.',
    ]);
  });

  it('lists the rows behind every number: as many as it says, a headcount class once with its total', async () => {
    const query = `${PERIOD}&unitId=${base.province}`;
    const r = await report(admin, query);
    for (const v of r.tables[0]!.rows.flatMap((row) => row.values).filter((v) => v.cell)) {
      const page = await rows(admin, query, v.cell!);
      if (v.cell!.endsWith(':participations')) {
        expect(
          page.items.reduce((s, i) => s + Number(i.values.at(-1)), 0),
          v.cell!,
        ).toBe(v.value);
      } else expect(page.total, v.cell!).toBe(v.value);
    }
    const headcount = await rows(admin, query, 'kind-skills:participations');
    expect(headcount.label).toBe('Theo loại hình bồi dưỡng — Bồi dưỡng kỹ năng: Số lượt cán bộ');
    expect(headcount.counting).toBe('entries');
    expect(headcount.items).toEqual([
      {
        personId: null,
        values: ['(Lớp chỉ ghi số lượng học viên)', 'Lớp skills 2022-09-01', 'Huyện đoàn Đắk Mil', '01/09/2022', 40],
      },
    ]);
    const hoiPeople = await rows(admin, query, 'org-hoi:people');
    expect(hoiPeople.items.map((i) => i.values[0])).toEqual(['Lê Hoa']);
    const classes2021 = await rows(admin, query, 'year-2021:classes');
    expect(classes2021.items.map((i) => i.values[0]).sort()).toEqual([
      'Lớp title 2021-03-10',
      'Lớp union_work 2021-02-01',
    ]);
    expect((await as(t.app, admin).get(`${URL}/rows?${query}&cell=year-2019:classes`)).statusCode).toBe(400);
    expect((await as(t.app, admin).get(`${URL}/rows?${query}&cell=unit-99999999:classes`)).statusCode).toBe(400);
  });

  it('credits the cadre who moved to his unit on each class’s first day', async () => {
    const query = `${PERIOD}&unitId=${base.province}`;
    const name = 'Điểu K’Lung';
    const inA = await rows(admin, query, `unit-${base.cuJut}:participations`);
    const inB = await rows(admin, query, `unit-${base.dakMil}:participations`);
    expect(inA.items.filter((i) => i.values[0] === name).map((i) => i.values[1])).toEqual([
      'Lớp union_work 2021-02-01',
    ]);
    expect(inB.items.filter((i) => i.values[0] === name).map((i) => i.values[1])).toEqual(['Lớp title 2021-03-10']);
  });

  it("keeps a district viewer to the district: its own figures, the province's classes its cadres attended, no other district", async () => {
    const r = await report(viewerA, PERIOD);
    expect(r.unitName).toBe('Huyện đoàn Cư Jút');
    expect(rowFigures(r).slice(0, 4)).toEqual([
      ['Tổng số', 2, 7, 4],
      ['Theo cấp tổ chức lớp'],
      ['Cấp tỉnh', 0, 2, 2],
      ['Cấp huyện', 2, 5, 4],
    ]);
    expect(rowFigures(r).slice(-2)).toEqual([
      ['Theo đơn vị (đơn vị của cán bộ vào ngày khai giảng)'],
      ['Hội LHTN Việt Nam huyện Cư Jút', 1, 2, 1],
    ]);
    const people = await rows(viewerA, PERIOD, 'total:participations');
    expect(people.items.map((i) => i.values[2]).every((u) => u !== 'Huyện đoàn Đắk Mil')).toBe(true);
    expect(people.items).toHaveLength(7);
    expect((await as(t.app, viewerA).get(`${URL}?${PERIOD}&unitId=${base.province}`)).statusCode).toBe(404);
    expect((await as(t.app, viewerA).get(`${URL}?${PERIOD}&unitId=${base.dakMil}`)).statusCode).toBe(404);
    expect(
      (await as(t.app, viewerA).get(`${URL}/rows?${PERIOD}&unitId=${base.dakMil}&cell=total:classes`)).statusCode,
    ).toBe(404);
  });

  it('runs from the command line with the period, the unit’s code and the narrative', async () => {
    const { code } = await t.db.kysely
      .selectFrom('units')
      .select('code')
      .where('id', '=', base.province)
      .executeTakeFirstOrThrow();
    const printed: string[] = [];
    const args = { name: 'tong-hop-dao-tao', from: '2021-01-01', to: '2023-12-31', unit: code, rounded: true };
    expect(await reportFromCli(t.ctx, args, (line) => printed.push(line))).toBe(0);
    const json = JSON.parse(printed.join('\n')) as ReportResult;
    expect(rowFigures(json)[0]).toEqual(['Tổng số', 4, 49, 5]);
    expect(json.paragraphs![0]).toContain('toàn tỉnh tổ chức 4 lớp tập huấn, bồi dưỡng cho 49 lượt');
  });

  it('gives the dashboard the same figures as plain numbers (trainingSummary)', async () => {
    const user = await makeUser(t.ctx, { grants: [{ unitId: base.dakMil, role: 'viewer' }] });
    const actor = await actorOfUser(t.ctx, user.id);
    const s = await trainingSummary(reader(t.ctx), actor, {
      unitId: base.dakMil,
      from: '2021-01-01',
      to: '2023-12-31',
    });
    expect(s.total).toEqual({ classes: 1, participations: 42, people: 2 });
    expect(s.byLevel).toEqual([
      { level: 'province', classes: 0, participations: 2, people: 2 },
      { level: 'district', classes: 1, participations: 40, people: 0 },
    ]);
    expect(s.byYear.map((y) => y.year)).toEqual([2021, 2022, 2023]);
    expect(s.byOrganisation.find((o) => o.organisation === 'doan')).toEqual({
      organisation: 'doan',
      classes: 1,
      participations: 42,
      people: 2,
    });
    expect(s.byKind.map((k) => k.code)).toEqual(['title', 'skills']);
  });

  it('rounds the narrative’s numbers when asked, and puts the narrative and the figures in the .xlsx and .docx', async () => {
    const query = `${PERIOD}&unitId=${base.province}&rounded=true`;
    const r = await report(admin, query);
    const paragraph = r.paragraphs![0]!;
    const xlsx = await get(admin, `${URL}/export?${query}&format=xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    const rowOf = (text: string) => {
      let found = 0;
      sheet.eachRow((row, n) => (found ||= [1, 2].some((c) => row.getCell(c).value === text) ? n : 0));
      return found;
    };
    // The paragraph above the table, then every row of the JSON: its name and its numbers as numbers.
    const start = rowOf('Tổng số');
    expect(rowOf(paragraph)).toBeGreaterThan(0);
    expect(start).toBeGreaterThan(rowOf(paragraph));
    r.tables[0]!.rows.forEach((row, i) => {
      const cells = sheet.getRow(start + i);
      expect(cells.getCell(2).value).toBe(row.labels[1]);
      row.values.forEach((v, j) => expect(cells.getCell(3 + j).value).toBe(v.value));
    });

    const docx = await get(admin, `${URL}/export?${query}&format=docx&number=12`);
    const paragraphs = docxParagraphs(docx.rawPayload);
    const body = paragraphs.indexOf(paragraph);
    expect(body).toBeGreaterThan(paragraphs.indexOf('BÁO CÁO'));
    expect(body).toBeLessThan(paragraphs.indexOf('Tổng số'));
    const total = paragraphs.indexOf('Tổng số');
    expect(paragraphs.slice(total + 1, total + 4)).toEqual(['4', '49', '5']);
  });
});
