import ExcelJS from 'exceljs';
import { strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportResult } from '@canbo/contract';
import { testApp } from '../../../test/app.ts';
import { xlsxRows, zipEntries } from '../../../test/documents.ts';
import { makePerson, makeUnit } from '../../../test/factories.ts';
import { rowCount, twoDistricts, type TestApp } from '../../../test/fixtures.ts';
import { as, type Session } from '../../../test/http.ts';
import { form, XLSX_TYPE } from '../../../test/multipart.ts';
import { PEOPLE_COLUMNS } from './people/people.columns.ts';
import { importFromCli } from './imports.cli.ts';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const HEADERS = PEOPLE_COLUMNS.map((c) => c.header);
type Cells = Partial<Record<(typeof PEOPLE_COLUMNS)[number]['key'], ExcelJS.CellValue>>;

/** A sheet as a union keeps one: optional title rows above the header, then the rows by key. */
async function sheet(
  rows: (Cells | null)[],
  options: { title?: boolean; headers?: string[]; sheetName?: string } = {},
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(options.sheetName ?? 'Danh sách');
  const headers = options.headers ?? HEADERS;
  if (options.title) {
    ws.addRow(['DANH SÁCH CÁN BỘ ĐOÀN NĂM 2024']);
    ws.mergeCells(1, 1, 1, 8);
    ws.addRow([]);
  }
  ws.addRow(headers);
  for (const r of rows) {
    if (!r) {
      ws.addRow([]);
      continue;
    }
    ws.addRow(PEOPLE_COLUMNS.map((c) => r[c.key] ?? null));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A cell as Excel holds it: a date cell is a Date shown dd/mm/yyyy. */
async function cellAt(bytes: Buffer, row: number, column: number) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const cell = wb.getWorksheet('Cán bộ')!.getRow(row).getCell(column);
  return { value: cell.value, numFmt: cell.numFmt };
}

describe('importing people from a sheet', () => {
  let t: TestApp;
  let cuJut: number;
  let dakMil: number;
  let admin: Session;
  let editorA: Session;

  const upload = (who: Session, data: Buffer, commit: boolean, fileName = 'can-bo.xlsx', type = XLSX_TYPE) => {
    const f = form(fileName, data, type);
    return t.app.inject({
      method: 'POST',
      url: `/api/v1/imports/people?commit=${commit}`,
      payload: f.payload,
      headers: { 'content-type': f.contentType, cookie: who.cookie, 'x-csrf-token': who.csrf },
    });
  };
  const result = async (who: Session, data: Buffer, commit: boolean) => {
    const res = await upload(who, data, commit);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<ImportResult>();
  };
  const stored = async () => ({
    people: await rowCount(t, 'people'),
    positions: await rowCount(t, 'positions'),
    audit: await rowCount(t, 'audit_log'),
  });
  const personNamed = (given: string) =>
    t.db.kysely.selectFrom('people').selectAll().where('given_name', '=', given).execute();

  beforeAll(async () => {
    t = await testApp();
    ({ cuJut, dakMil, admin, editorA } = await twoDistricts(t));
    await makeUnit(t.ctx, { name: 'Đoàn xã Ea Pô', parentId: cuJut, code: 'EAPO' });
  });
  afterAll(() => t.close());

  describe('template', () => {
    it('has Vietnamese headers, a notes row, an example row and drop-down lists of labels', async () => {
      const res = await as(t.app, editorA).get('/api/v1/imports/people/template.xlsx');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe(XLSX_TYPE);
      expect(res.headers['content-disposition']).toContain('mau-nhap-can-bo.xlsx');
      const rows = (await xlsxRows(res.rawPayload))['Cán bộ']!;
      expect(rows[0]).toEqual(HEADERS);
      expect(rows[1]?.[0]).toMatch(/^Bắt buộc/);
      expect(rows[2]?.slice(0, 4)).toEqual(['Huyện đoàn Cư Jút', 'Y Ngông', 'Niê', 'Kdăm']);
      expect(rows[2]?.[5]).toBe('Nam');
      expect(await cellAt(res.rawPayload, 3, 5)).toEqual({
        value: new Date(Date.UTC(1994, 2, 15)),
        numFmt: 'dd/mm/yyyy',
      });
      const lists = (await xlsxRows(res.rawPayload))['Danh mục']!;
      const words = lists.flat();
      expect(words).toEqual(
        expect.arrayContaining(['Nam', 'Nữ', 'Kinh', 'Ê-đê', 'Bí thư', 'Chuyên trách', 'Bầu cử', 'Có']),
      );
      expect(words).not.toContain('male');
      const xml = strFromU8(zipEntries(res.rawPayload)['xl/worksheets/sheet1.xml']!);
      expect(xml).toMatch(/<dataValidation type="list"[^>]*sqref="F3:F2002"/);
      expect(xml).toContain('&apos;Danh mục&apos;!$A$1:$A$2');
    });

    it('uploaded as it is, only its example row: nothing to import', async () => {
      const res = await as(t.app, editorA).get('/api/v1/imports/people/template.xlsx');
      const r = await result(editorA, res.rawPayload, false);
      expect(r).toMatchObject({ rows: 0, counts: { create: 0, update: 0, skip: 0 }, errors: 0 });
    });
  });

  describe('a clean sheet', () => {
    const clean = () =>
      sheet(
        [
          {
            unit: 'huyen doan cu jut',
            familyName: 'Y Ngông'.normalize('NFD'),
            middleName: 'Niê'.normalize('NFD'),
            givenName: 'Kdăm  '.normalize('NFD'),
            birthDate: new Date(Date.UTC(1994, 2, 15)),
            gender: 'Nam',
            ethnicity: 'Ê-đê',
            nationalId: '066094000123',
            title: 'Phó Bí thư',
            employment: 'Chuyên trách',
            method: 'Bầu cử',
            startDate: '01/10/2022',
          },
          null,
          {
            unit: 'EAPO',
            familyName: "H'Hen",
            givenName: 'Niê',
            birthDate: '05/06/1998',
            gender: 'nu',
            ethnicity: 'Ê-đê',
            partyMember: 'Có',
            partyJoinDate: '19/05/2020',
          },
          {
            unit: 'Huyện đoàn Cư Jút',
            familyName: 'Điểu',
            givenName: "K'Lung",
            birthDate: '1/2/1996',
            gender: 'Nam',
            ethnicity: 'Mnông',
            phone: '0912345678',
          },
        ],
        { title: true, headers: HEADERS.map((h) => h.toUpperCase().normalize('NFD').replace(/\p{M}/gu, '') + ' ') },
      );

    it('previews counts, saves nothing; commits all rows with their positions and audit rows; a re-upload creates nothing', async () => {
      const data = await clean();
      const before = await stored();
      const preview = await result(editorA, data, false);
      expect(preview.issues).toEqual([]);
      expect(preview).toMatchObject({ rows: 3, counts: { create: 3, update: 0, skip: 0 }, committed: false });
      expect(await stored()).toEqual(before);

      const done = await result(editorA, data, true);
      expect(done).toMatchObject({ counts: { create: 3, update: 0, skip: 0 }, committed: true });
      const after = await stored();
      expect(after.people).toBe(before.people + 3);
      expect(after.positions).toBe(before.positions + 1);
      expect(after.audit).toBe(before.audit + 4);
      const [y] = await personNamed('Kdăm');
      expect(y).toMatchObject({
        full_name: 'Y Ngông Niê Kdăm',
        birth_date: '1994-03-15',
        national_id: '066094000123',
        ethnicity_code: '12',
        unit_id: cuJut,
      });
      const [h] = await personNamed('Niê');
      expect(h).toMatchObject({
        full_name: "H'Hen Niê",
        gender: 'female',
        party_member: 1,
        party_join_date: '2020-05-19',
      });
      const [k] = await personNamed("K'Lung");
      expect(k).toMatchObject({ full_name: "Điểu K'Lung", birth_date: '1996-02-01', phone: '0912345678' });

      const again = await result(editorA, data, true);
      expect(again).toMatchObject({ counts: { create: 0, update: 0, skip: 3 }, errors: 0, committed: true });
      expect(await stored()).toEqual(after);
    });

    it('updates a matched person with the cells given; empty cells erase nothing', async () => {
      const data = await sheet([
        {
          unit: 'Huyện đoàn Cư Jút',
          familyName: 'Điểu',
          givenName: "K'Lung",
          birthDate: '01/02/1996',
          religion: 'Công giáo',
        },
      ]);
      const r = await result(editorA, data, true);
      expect(r).toMatchObject({ counts: { create: 0, update: 1, skip: 0 }, committed: true });
      const [k] = await personNamed("K'Lung");
      expect(k).toMatchObject({ religion: 'Công giáo', phone: '0912345678', ethnicity_code: expect.any(String) });
      const audit = await t.db.kysely
        .selectFrom('audit_log')
        .selectAll()
        .where('entity', '=', 'person')
        .where('entity_id', '=', k!.id)
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      expect(audit.action).toBe('import');
      expect(JSON.parse(audit.before!)).toMatchObject({ religion: null });
      expect(JSON.parse(audit.after!)).toMatchObject({ religion: 'Công giáo' });
    });
  });

  describe('errors', () => {
    it('names each row, column and problem; a sheet with any error commits nothing', async () => {
      const other = await makePerson(t.ctx, {
        unitId: dakMil,
        familyName: 'Trần',
        middleName: 'Văn',
        givenName: 'Trùng',
        birthDate: '1990-01-01',
      });
      const data = await sheet([
        { unit: 'Huyện đoàn Không Có', familyName: 'Lê', givenName: 'Một', gender: 'Nam', ethnicity: 'Kinh' },
        { unit: 'EAPO', familyName: 'Lê', givenName: 'Hai', birthDate: '31/02/1990', gender: 'Nam', ethnicity: 'Kinh' },
        {
          unit: 'EAPO',
          familyName: 'Lê',
          givenName: 'Ba',
          gender: 'Nam',
          ethnicity: 'Kinh',
          nationalId: '001090000001',
        },
        {
          unit: 'EAPO',
          familyName: 'Lê',
          givenName: 'Bốn',
          gender: 'Nam',
          ethnicity: 'Kinh',
          nationalId: '001090000001',
        },
        {
          unit: 'EAPO',
          familyName: 'Trần',
          middleName: 'Văn',
          givenName: 'Trùng',
          birthDate: '01/01/1990',
          gender: 'Nam',
          ethnicity: 'Kinh',
        },
        { unit: 'EAPO', familyName: 'Lê', givenName: 'Năm', gender: 'Người', ethnicity: 'Kinh', title: 'Bí thư' },
        {
          unit: 'EAPO',
          familyName: 'Lê',
          givenName: 'Sáu',
          gender: 'Nam',
          ethnicity: 'Kinh',
          notes: 'x'.repeat(10_000),
        },
      ]);
      const before = await stored();
      const r = await result(admin, data, true);
      expect(r.committed).toBe(false);
      expect(await stored()).toEqual(before);
      const pick = (row: number) => r.issues.filter((i) => i.row === row).map((i) => [i.severity, i.column, i.message]);
      expect(pick(2)).toEqual([['error', 'Đơn vị', 'không có đơn vị mã hoặc tên "Huyện đoàn Không Có" trong Canbo']]);
      expect(pick(3)).toEqual([['error', 'Ngày sinh', 'ngày "31/02/1990" không có trên lịch']]);
      expect(pick(4)).toEqual([]);
      expect(pick(5)).toEqual([['error', 'Số CCCD', 'số CCCD 001090000001 đã có ở dòng 4 của tệp']]);
      expect(pick(6)).toEqual([
        ['warning', null, expect.stringContaining('có thể đã có hồ sơ: Trần Văn Trùng (Huyện đoàn Đắk Mil)')],
      ]);
      expect(r.issues.find((i) => i.row === 6)?.ids).toEqual([other]);
      expect(pick(7)).toEqual([
        ['error', 'Giới tính', '"Người" không có trong danh sách (Nam, Nữ)'],
        ['error', 'Chế độ', 'bắt buộc khi ghi chức vụ hiện giữ'],
        ['error', 'Hình thức', 'bắt buộc khi ghi chức vụ hiện giữ'],
        ['error', 'Ngày bắt đầu', 'bắt buộc khi ghi chức vụ hiện giữ'],
      ]);
      expect(pick(8)).toEqual([['error', 'Ghi chú', 'ô dài 10.000 ký tự, quá dài (tối đa 2.000)']]);
      expect(r).toMatchObject({ errors: 8, warnings: 1, counts: { create: 2, update: 0, skip: 0 } });
    });

    it("refuses, row by row, a unit outside the district editor's subtree", async () => {
      const data = await sheet([
        { unit: 'Huyện đoàn Đắk Mil', familyName: 'Lò', givenName: 'Ngoài', gender: 'Nam', ethnicity: 'Kinh' },
        { unit: 'EAPO', familyName: 'Lò', givenName: 'Trong', gender: 'Nam', ethnicity: 'Kinh' },
      ]);
      const before = await stored();
      const r = await result(editorA, data, true);
      expect(r.issues).toEqual([
        {
          row: 2,
          column: 'Đơn vị',
          message: 'Huyện đoàn Đắk Mil ngoài phạm vi bạn được cập nhật hồ sơ cán bộ',
          severity: 'error',
          ids: [dakMil],
        },
      ]);
      expect(r).toMatchObject({ committed: false, counts: { create: 1 } });
      expect(await stored()).toEqual(before);
    });

    it('a sheet without the template headers, or with a missing required column, is refused', async () => {
      const none = await sheet([{ unit: 'EAPO' }], { headers: ['A', 'B', 'C'] });
      const res = await upload(editorA, none, false);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ message: expect.stringContaining('không có dòng tiêu đề của mẫu') });
      const partial = await sheet([{ unit: 'EAPO', familyName: 'Lò' }], {
        headers: HEADERS.filter((h) => h !== 'Tên'),
      });
      const r = await result(editorA, partial, false);
      expect(r.issues[0]).toMatchObject({ row: 0, column: 'Tên', message: 'thiếu cột "Tên"', severity: 'error' });
    });

    it('downloads the rows back with a "Lỗi" column, values never read as formulas', async () => {
      const data = await sheet([
        {
          unit: 'EAPO',
          familyName: '=HYPERLINK("http://x","y")',
          givenName: 'Độc',
          gender: 'Nam',
          ethnicity: 'Kinh',
          birthDate: '30/02/2000',
        },
        {
          unit: 'EAPO',
          familyName: 'Lò',
          givenName: 'Tốt',
          gender: 'Nam',
          ethnicity: 'Kinh',
          birthDate: new Date(Date.UTC(2000, 1, 1)),
          partyMember: 'Có',
          partyJoinDate: '02/03/2020',
        },
      ]);
      const f = form('can-bo.xlsx', data);
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/imports/people/errors.xlsx',
        payload: f.payload,
        headers: { 'content-type': f.contentType, cookie: editorA.cookie, 'x-csrf-token': editorA.csrf },
      });
      expect(res.statusCode, res.body).toBe(200);
      const rows = (await xlsxRows(res.rawPayload))['Cán bộ']!;
      expect(rows[0]).toEqual([...HEADERS, 'Lỗi']);
      expect(rows[2]?.[1]).toBe(`'=HYPERLINK("http://x","y")`);
      expect(rows[2]?.[HEADERS.length]).toBe('Ngày sinh: ngày "30/02/2000" không có trên lịch');
      expect(await cellAt(res.rawPayload, 4, 5)).toEqual({
        value: new Date(Date.UTC(2000, 1, 1)),
        numFmt: 'dd/mm/yyyy',
      });
      expect(await cellAt(res.rawPayload, 4, 13)).toEqual({
        value: new Date(Date.UTC(2020, 2, 2)),
        numFmt: 'dd/mm/yyyy',
      });
      expect(rows[3]?.[HEADERS.length] ?? '').toBe('');
      const xml = strFromU8(zipEntries(res.rawPayload)['xl/worksheets/sheet1.xml']!);
      expect(xml).not.toContain('<f>');
    });
  });

  describe('hostile files', () => {
    it('takes the values of formulas, never the formulas', async () => {
      const data = await sheet([
        {
          unit: { formula: 'LOWER("EAPO")', result: 'EAPO' },
          familyName: 'Lò',
          givenName: { formula: 'CONCATENATE("Công","")', result: 'Công' },
          gender: 'Nam',
          ethnicity: 'Kinh',
        },
      ]);
      const r = await result(editorA, data, true);
      expect(r).toMatchObject({ errors: 0, counts: { create: 1 }, committed: true });
      expect(await personNamed('Công')).toHaveLength(1);
    });

    it('refuses what is not an .xlsx, saying so, and saves nothing', async () => {
      const before = await stored();
      for (const [name, bytes] of [
        ['can-bo.xlsx', Buffer.from('Họ,Tên\nLò,Văn\n')],
        ['setup.xlsx', Buffer.concat([Buffer.from('MZ\x90\x00'), Buffer.alloc(2000, 7)])],
        ['hong.xlsx', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(2000, 1)])],
      ] as const) {
        const res = await upload(editorA, bytes, true, name, 'application/octet-stream');
        expect(res.statusCode, res.body).toBe(400);
        expect(res.json()).toMatchObject({
          message: `Tệp "${name}" không phải bảng tính Excel (.xlsx) đọc được. Hãy dùng mẫu nhập tải từ Canbo.`,
        });
      }
      const none = await t.app.inject({
        method: 'POST',
        url: '/api/v1/imports/people?commit=true',
        headers: { cookie: editorA.cookie, 'x-csrf-token': editorA.csrf },
      });
      expect(none.statusCode).toBe(400);
      expect(await stored()).toEqual(before);
    });

    it('refuses an unknown kind of records naming it "Loại dữ liệu nhập", not a unit’s kind', async () => {
      for (const res of [
        await as(t.app, editorA).get('/api/v1/imports/units-x/template.xlsx'),
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/imports/units-x?commit=true',
          headers: { cookie: editorA.cookie, 'x-csrf-token': editorA.csrf },
          payload: {},
        }),
      ]) {
        expect(res.statusCode, res.body).toBe(400);
        const body = res.json<{ message: string; details: { field: string } }>();
        expect(body.details.field).toBe('importKind');
        expect(body.message).toMatch(/^Loại dữ liệu nhập: /);
        expect(body.message).not.toContain('Loại đơn vị');
      }
    });

    it('refuses an anonymous upload', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/imports/people', payload: {} });
      expect(res.statusCode).toBe(401);
    });
  });

  describe('command line', () => {
    it('prints the counts and the errors in Vietnamese, exits 1 on errors, writes only with --commit', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'canbo-import-'));
      const bad = join(dir, 'loi.xlsx');
      await writeFile(bad, await sheet([{ unit: 'EAPO', familyName: 'Hà', givenName: 'Dòng', gender: 'Nam' }]));
      const lines: string[] = [];
      const before = await stored();
      expect(await importFromCli(t.ctx, { kind: 'people', file: bad, commit: true }, (l) => lines.push(l))).toBe(1);
      expect(lines).toEqual([
        'Cán bộ: 1 dòng có dữ liệu trong loi.xlsx.',
        '  Tạo mới: 0; cập nhật: 0; không đổi: 0.',
        '  Lỗi — Dòng 2, cột "Dân tộc": bắt buộc khi tạo hồ sơ mới',
        'Có 1 lỗi: chưa ghi gì. Sửa tệp rồi chạy lại.',
      ]);
      const good = join(dir, 'tot.xlsx');
      await writeFile(
        good,
        await sheet([{ unit: 'EAPO', familyName: 'Hà', givenName: 'Dòng', gender: 'Nam', ethnicity: 'Tày' }]),
      );
      lines.length = 0;
      expect(await importFromCli(t.ctx, { kind: 'people', file: good, commit: false }, (l) => lines.push(l))).toBe(0);
      expect(lines.at(-1)).toBe('Không có lỗi. Chạy lại với --commit để ghi vào Canbo.');
      expect(await stored()).toEqual(before);
      lines.length = 0;
      expect(await importFromCli(t.ctx, { kind: 'people', file: good, commit: true }, (l) => lines.push(l))).toBe(0);
      expect(lines).toContain('  Tạo mới: 1; cập nhật: 0; không đổi: 0.');
      expect(lines.at(-1)).toBe('Đã nhập xong.');
      expect(await personNamed('Dòng')).toHaveLength(1);
    });
  });
});
