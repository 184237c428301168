import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { ReportResult, ReportRowPage } from '@canbo/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../test/app.ts';
import { docxParagraphs } from '../../../test/documents.ts';
import { makePerson, makePosition, makeUnit, makeUser } from '../../../test/factories.ts';
import { twoDistricts, type TestApp } from '../../../test/fixtures.ts';
import { as, login, type Session } from '../../../test/http.ts';
import { pageOf, renderDocx } from '../../../test/render.ts';
import { reportFromCli } from './reports.cli.ts';

const URL = '/api/v1/reports/doi-ngu-can-bo';

/** The numbers of the row named `label`, keyed by the column's cell key. */
function rowOf(r: ReportResult, label: string): Record<string, number> {
  const row = r.tables[0]!.rows.find((x) => x.labels[1] === label);
  if (!row) throw new Error(`no row ${label}`);
  return Object.fromEntries(row.values.map((v, i) => [COLUMN_KEYS[i], v.value]));
}
const COLUMN_KEYS = [
  'total',
  'women',
  'minority',
  'party',
  'age30',
  'age35',
  'age40',
  'age41',
  'school12',
  'school9',
  'doctorate',
  'master',
  'university',
  'college',
  'intermediate',
  'bachelor',
  'advanced',
  'theoryIntermediate',
  'basic',
];
const zero = Object.fromEntries(COLUMN_KEYS.map((k) => [k, 0]));

describe('report: cadre structure at a date (biểu thống kê đội ngũ cán bộ)', () => {
  let t: TestApp;
  let province: number;
  let cuJut: number;
  let dakMil: number;
  let admin: Session;
  let viewerA: Session;
  let editorB: Session;
  let cadreA: Session;

  beforeAll(async () => {
    t = await testApp();
    ({ province, cuJut, dakMil, admin, viewerA, editorB } = await twoDistricts(t));
    const commune = await makeUnit(t.ctx, { name: 'Đoàn xã Ea Pô', parentId: cuJut, kind: 'commune' });
    const q = t.db.kysely;
    // Anh: 30 on the day (31 the day after), a woman of the Tày, Party member, full-time secretary.
    const anh = await makePerson(t.ctx, {
      unitId: cuJut,
      familyName: 'Nông',
      middleName: 'Thị',
      givenName: 'Anh',
      birthDate: '1993-07-01',
      gender: 'female',
      ethnicityCode: '02',
      partyMember: true,
      theoryLevel: 'advanced',
    });
    const anhSecretary = await makePosition(t.ctx, { personId: anh, unitId: cuJut, title: 'secretary' });
    await q.updateTable('positions').set({ employment: 'full_time' }).where('id', '=', anhSecretary).execute();
    // Bình: 31 that very day; deputy secretary of the commune and committee member of the district.
    const binh = await makePerson(t.ctx, {
      unitId: commune,
      familyName: 'Trần',
      givenName: 'Bình',
      birthDate: '1993-06-30',
    });
    await makePosition(t.ctx, { personId: binh, unitId: commune, title: 'deputy_secretary' });
    await makePosition(t.ctx, { personId: binh, unitId: cuJut, title: 'committee_member' });
    // Cường: his only position ended before the day.
    const cuong = await makePerson(t.ctx, {
      unitId: cuJut,
      familyName: 'Lê',
      givenName: 'Cường',
      birthDate: '1984-06-30',
    });
    await makePosition(t.ctx, { personId: cuong, unitId: cuJut, title: 'committee_member', endDate: '2024-03-01' });
    // Dung: secretary in Đắk Mil until May, then moved to Cư Jút as deputy secretary.
    const dung = await makePerson(t.ctx, {
      unitId: cuJut,
      familyName: 'Phạm',
      givenName: 'Dung',
      birthDate: '1980-01-01',
      gender: 'female',
      partyMember: true,
    });
    await makePosition(t.ctx, { personId: dung, unitId: dakMil, title: 'secretary', endDate: '2024-05-31' });
    await makePosition(t.ctx, { personId: dung, unitId: cuJut, title: 'deputy_secretary', startDate: '2024-06-01' });
    await q
      .insertInto('moves')
      .values({
        person_id: dung,
        kind: 'transfer',
        from_unit_id: dakMil,
        to_unit_id: cuJut,
        move_date: '2024-06-01',
        decision: null,
        decision_date: null,
        notes: null,
        created_at: '2024-06-01T00:00:00.000Z',
        updated_at: '2024-06-01T00:00:00.000Z',
      })
      .execute();
    // Em: Đắk Mil's secretary since 2022, lower secondary school, a master's degree.
    const em = await makePerson(t.ctx, { unitId: dakMil, familyName: 'Võ', givenName: 'Em', birthDate: '1990-01-01' });
    await makePosition(t.ctx, { personId: em, unitId: dakMil, title: 'secretary' });
    await q
      .updateTable('people')
      .set({ general_education: '9/12', qualification: 'master' })
      .where('id', '=', em)
      .execute();
    const own = await makeUser(t.ctx, { personId: anh });
    cadreA = await login(t.app, own.login, own.password);
  });
  afterAll(() => t.close());

  const report = async (s: Session, query: string) => {
    const res = await as(t.app, s).get(`${URL}?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<ReportResult>();
  };

  it('lists the reports for readers and not for a cadre’s own account', async () => {
    const list = (await as(t.app, viewerA).get('/api/v1/reports')).json<{ items: { title: string }[] }>();
    expect(list.items.map((i) => i.title)).toEqual([
      'Báo cáo tổng hợp công tác tập huấn, bồi dưỡng cán bộ',
      'Biểu thống kê đội ngũ cán bộ',
      'Báo cáo chuẩn hóa cán bộ',
      'Báo cáo chức danh chưa được bồi dưỡng',
      'Báo cáo đi cơ sở (1+2)',
      'Báo cáo đào tạo dài hạn',
      'Báo cáo tiến độ thực hiện đề án, kế hoạch',
    ]);
    expect((await as(t.app, cadreA).get('/api/v1/reports')).json()).toEqual({ items: [] });
    expect((await as(t.app, cadreA).get(`${URL}?at=2024-06-30`)).statusCode).toBe(404);
  });

  it('counts the positions held on the date in the subtree: women, minority, ages at the date, two titles once', async () => {
    // A district viewer's report is their district by default.
    const r = await report(viewerA, 'at=2024-06-30');
    expect(r.unitName).toBe('Huyện đoàn Cư Jút');
    expect(r.title[1]).toBe('Huyện đoàn Cư Jút, tính đến ngày 30/06/2024');
    expect(rowOf(r, 'Tổng số')).toEqual({
      ...zero,
      total: 3,
      women: 2,
      minority: 1,
      party: 2,
      age30: 1,
      age35: 1,
      age41: 1,
      school12: 3,
      university: 3,
      advanced: 1,
      basic: 2,
    });
    expect(rowOf(r, 'Bí thư')).toMatchObject({ total: 1, women: 1, minority: 1, age30: 1 });
    expect(rowOf(r, 'Phó Bí thư')).toMatchObject({ total: 2, women: 1, age35: 1, age41: 1 });
    expect(rowOf(r, 'Ủy viên Ban Chấp hành')).toMatchObject({ total: 1, age35: 1 });
    expect(rowOf(r, 'Chuyên trách')).toMatchObject({ total: 1 });
    expect(rowOf(r, 'Bán chuyên trách')).toMatchObject({ total: 2 });
    expect(rowOf(r, 'Kiêm nhiệm')).toEqual(zero);
  });

  it('counts a position before it ended, and a cadre who moved in the unit of the time', async () => {
    const feb = await report(admin, `unitId=${cuJut}&at=2024-02-01`);
    // Cường (39 then) is counted before his position ended; Dung was still in Đắk Mil.
    expect(rowOf(feb, 'Tổng số')).toMatchObject({ total: 3, age40: 1, age41: 0 });
    const may = await report(admin, `unitId=${dakMil}&at=2024-05-15`);
    expect(rowOf(may, 'Tổng số')).toMatchObject({ total: 2, women: 1, age41: 1, school9: 1, master: 1 });
    const june = await report(admin, `unitId=${dakMil}&at=2024-06-30`);
    expect(rowOf(june, 'Tổng số')).toMatchObject({ total: 1, women: 0 });
    const province_ = await report(admin, `unitId=${province}&at=2024-06-30`);
    expect(rowOf(province_, 'Tổng số')).toMatchObject({ total: 4, age35: 2 });
  });

  it('keeps a district user to their district', async () => {
    expect((await as(t.app, editorB).get(`${URL}?unitId=${cuJut}&at=2024-06-30`)).statusCode).toBe(404);
    expect((await as(t.app, viewerA).get(`${URL}?unitId=${province}&at=2024-06-30`)).statusCode).toBe(404);
    const rows = await as(t.app, editorB).get(`${URL}/rows?unitId=${cuJut}&at=2024-06-30&cell=total:total`);
    expect(rows.statusCode).toBe(404);
    const own = await report(editorB, 'at=2024-06-30');
    expect(rowOf(own, 'Tổng số')).toMatchObject({ total: 1 });
  });

  it('lists the people behind every number, as many as the number says', async () => {
    const r = await report(viewerA, 'at=2024-06-30');
    const cells = r.tables[0]!.rows.flatMap((row) => row.values.filter((v) => v.cell));
    expect(cells.length).toBeGreaterThan(20);
    for (const v of cells) {
      const res = await as(t.app, viewerA).get(`${URL}/rows?at=2024-06-30&cell=${v.cell}&pageSize=200`);
      expect(res.json<ReportRowPage>().total, v.cell!).toBe(v.value);
      expect(res.json<ReportRowPage>().items.length, v.cell!).toBe(v.value);
    }
    const deputies = (
      await as(t.app, viewerA).get(`${URL}/rows?at=2024-06-30&cell=title.deputy_secretary:total`)
    ).json<ReportRowPage>();
    expect(deputies.label).toBe('Phó Bí thư');
    expect(deputies.items.map((i) => i.values[0])).toEqual(['Trần Bình', 'Phạm Dung']);
    const young = (await as(t.app, viewerA).get(`${URL}/rows?at=2024-06-30&cell=total:age30`)).json<ReportRowPage>();
    expect(young.label).toBe('Tổng số — Độ tuổi: Từ 30 trở xuống');
    expect(young.items).toEqual([
      {
        personId: expect.any(Number),
        values: [
          'Nông Thị Anh',
          '01/07/1993',
          30,
          'Nữ',
          'Tày',
          'Có',
          '12/12',
          'Đại học',
          'Cao cấp',
          'Bí thư — Huyện đoàn Cư Jút',
        ],
      },
    ]);
    const bad = await as(t.app, viewerA).get(`${URL}/rows?at=2024-06-30&cell=total:nothing`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('Ô số liệu');
  });

  it('exports the rows behind a number as .xlsx', async () => {
    const res = await as(t.app, viewerA).get(`${URL}/rows.xlsx?at=2024-06-30&cell=title.deputy_secretary:total`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const texts: string[] = [];
    wb.worksheets[0]!.eachRow((row) => row.eachCell((c) => texts.push(String(c.text))));
    expect(texts).toContain('Phó Bí thư');
    expect(texts).toContain('Trần Bình');
    expect(texts).toContain('Phạm Dung');
  });

  it('exports the form as .xlsx: merged header cells, the figures as numbers', async () => {
    const json = await report(viewerA, 'at=2024-06-30');
    const res = await as(t.app, viewerA).get(`${URL}/export?at=2024-06-30&format=xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(
      'bao-cao-bieu-thong-ke-doi-ngu-can-bo-huyen-doan-cu-jut-30-06-2024.xlsx',
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getCell('A1').value).toBe('BIỂU THỐNG KÊ ĐỘI NGŨ CÁN BỘ');
    // The header: "Độ tuổi" spans its four bands, "STT" two rows.
    const merges = (sheet.model as unknown as { merges: string[] }).merges;
    expect(merges).toContain('G4:J4');
    expect(merges).toContain('A4:A5');
    expect(sheet.getCell('G4').value).toBe('Độ tuổi');
    expect(sheet.getCell('G5').value).toBe('Từ 30 trở xuống');
    // Each figure row holds the JSON's numbers as numbers.
    json.tables[0]!.rows.forEach((row, i) => {
      const cells = sheet.getRow(7 + i);
      expect(cells.getCell(2).value ?? '').toBe(row.labels[1]);
      row.values.forEach((v, j) => expect(cells.getCell(3 + j).value).toBe(v.value));
    });
  });

  it('exports the form as a Union report (.docx) with the number, signer and recipients given, as printed', async () => {
    const json = await report(viewerA, 'at=2024-06-30');
    const query = new URLSearchParams({
      at: '2024-06-30',
      format: 'docx',
      number: '12',
      signerName: 'Nguyễn Văn Hùng',
      signerTitle: 'Phó Bí thư',
      recipients: 'Ban Tổ chức Tỉnh đoàn\nLưu VP',
    });
    const res = await as(t.app, viewerA).get(`${URL}/export?${query.toString()}`);
    expect(res.statusCode).toBe(200);
    const paragraphs = docxParagraphs(res.rawPayload);
    expect(paragraphs).toContain('BCH HUYỆN ĐOÀN CƯ JÚT');
    expect(paragraphs).toContain('Số: 12-BC/HĐTN-BTC');
    expect(paragraphs).toContain('BÁO CÁO');
    expect(paragraphs).toContain('Biểu thống kê đội ngũ cán bộ — Huyện đoàn Cư Jút, tính đến ngày 30/06/2024');
    expect(paragraphs).toContain('PHÓ BÍ THƯ');
    expect(paragraphs).toContain('Nguyễn Văn Hùng');
    expect(paragraphs).toContain('- Ban Tổ chức Tỉnh đoàn;');
    expect(paragraphs).toContain('- Lưu VP.');
    const printed = await renderDocx(res.rawPayload, 'bao-cao-doi-ngu-can-bo');
    // The form fills the first landscape page; its last row and notes go with the signature to the
    // next, never the signature alone.
    expect(printed.pages.length).toBe(2);
    expect(printed.pages[1]).toMatch(/TM\. BAN THƯỜNG VỤ[\s\S]*PHÓ BÍ THƯ[\s\S]*Nguyễn Văn Hùng/);
    const lastRow = json.tables[0]!.rows.at(-1)!.labels[1]!;
    expect(pageOf(printed, lastRow)).toBe(1);
    expect(pageOf(printed, 'Ghi chú')).toBe(1);
    const text = printed.lines.join('\n');
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('Số: 12-BC/HĐTN-BTC');
    const total = printed.lines.find((l) => l.startsWith('Tổng số ') && /\d/.test(l));
    const figures = json.tables[0]!.rows[0]!.values.map((v) => String(v.value)).join(' ');
    expect(total?.replace(/\s+/g, ' ')).toBe(`Tổng số ${figures}`);
  });

  it('runs from the command line as a system administrator: JSON, and the .docx written to a file', async () => {
    const { code } = await t.db.kysely
      .selectFrom('units')
      .select('code')
      .where('id', '=', cuJut)
      .executeTakeFirstOrThrow();
    const printed: string[] = [];
    const print = (l: string) => printed.push(l);
    expect(await reportFromCli(t.ctx, { name: 'doi-ngu-can-bo', at: '2024-06-30', unit: code }, print)).toBe(0);
    const json = JSON.parse(printed.join('\n')) as ReportResult;
    expect(rowOf(json, 'Tổng số')).toMatchObject({ total: 3, women: 2 });
    const dir = await mkdtemp(join(tmpdir(), 'canbo-report-'));
    try {
      const out = join(dir, 'bao-cao.docx');
      const args = { name: 'doi-ngu-can-bo', at: '2024-06-30', unit: code, format: 'docx', out, number: '7' };
      expect(await reportFromCli(t.ctx, args, print)).toBe(0);
      expect(docxParagraphs(await readFile(out))).toContain('Số: 7-BC/HĐTN-BTC');
      printed.length = 0;
      expect(await reportFromCli(t.ctx, { ...args, unit: 'KHONG-CO' }, print)).toBe(1);
      expect(printed).toEqual(['Không có đơn vị mã "KHONG-CO".']);
      printed.length = 0;
      expect(await reportFromCli(t.ctx, { ...args, at: '2024-02-30' }, print)).toBe(1);
      expect(printed[0]).toContain('Tính đến ngày');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
