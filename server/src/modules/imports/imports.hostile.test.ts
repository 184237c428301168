import { strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../test/app.ts';
import { xlsxRows, zipEntries } from '../../../test/documents.ts';
import { makeUnit } from '../../../test/factories.ts';
import { rowCount, twoDistricts, type TestApp } from '../../../test/fixtures.ts';
import { as, type Session } from '../../../test/http.ts';
import { form } from '../../../test/multipart.ts';
import {
  handMadeXlsx,
  repeatedEntry,
  rowXml,
  sharedStringsXml,
  sheetXml,
  textEntry,
  workbookEntries,
  zipOfEntries,
} from '../../../test/xlsx.ts';
import { PEOPLE_COLUMNS } from './people/people.columns.ts';

/**
 * Files made to hurt: each is refused with a Vietnamese message naming what is wrong (or the limit
 * it passes), or read for its values only; the server answers the next request, and nothing is written.
 * The large ones are made part by part (test/xlsx.ts), so the file passes a million rows in a few
 * hundred KB made in milliseconds.
 */

const HEADERS = PEOPLE_COLUMNS.map((c) => c.header);
const column = (key: (typeof PEOPLE_COLUMNS)[number]['key']) => PEOPLE_COLUMNS.findIndex((c) => c.key === key);

/** A people row as sheet cells: unit, family name, middle name, given name, … by column position. */
function cells(values: Partial<Record<(typeof PEOPLE_COLUMNS)[number]['key'], string>>): string[] {
  const out = PEOPLE_COLUMNS.map(() => '');
  for (const [key, v] of Object.entries(values)) out[column(key as never)] = v;
  return out;
}

const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`;
const SHEET_TAIL = '</sheetData></worksheet>';

/** A row without a row number (read as the next row), inline text cells from column A. */
const plainRow = (values: string[]) => {
  const used = values.slice(0, values.findLastIndex(Boolean) + 1);
  return `<row>${used.map((v) => (v ? `<c t="inlineStr"><is><t>${v}</t></is></c>` : '<c/>')).join('')}</row>`;
};

describe('hostile import files', () => {
  let t: TestApp;
  let editorA: Session;

  const upload = (data: Buffer, commit = true, fileName = 'can-bo.xlsx', type?: string) => {
    const f = form(fileName, data, type);
    return t.app.inject({
      method: 'POST',
      url: `/api/v1/imports/people?commit=${commit}`,
      payload: f.payload,
      headers: { 'content-type': f.contentType, cookie: editorA.cookie, 'x-csrf-token': editorA.csrf },
    });
  };
  const stored = async () => ({
    people: await rowCount(t, 'people'),
    positions: await rowCount(t, 'positions'),
    audit: await rowCount(t, 'audit_log'),
  });
  /** Refused with 400 naming the file, the next request answered, nothing written. */
  const refused = async (data: Buffer, fileName = 'can-bo.xlsx') => {
    const before = await stored();
    const res = await upload(data, true, fileName);
    expect(res.statusCode, res.body).toBe(400);
    const body = res.json<{ code: string; message: string; details: { field: string; limit?: string } }>();
    expect(body).toMatchObject({ code: 'validation', details: { field: 'file' } });
    expect(body.message).toContain(`Tệp "${fileName}"`);
    expect((await as(t.app, editorA).get('/api/v1/auth/me')).statusCode).toBe(200);
    expect(await stored()).toEqual(before);
    return body;
  };

  beforeAll(async () => {
    t = await testApp();
    const d = await twoDistricts(t);
    editorA = d.editorA;
    await makeUnit(t.ctx, { name: 'Đoàn xã Ea Pô', parentId: d.cuJut, code: 'EAPO' });
    // Something written before, to see that it stays as it was.
    const seed = handMadeXlsx(
      sheetXml(
        [HEADERS, cells({ unit: 'EAPO', familyName: 'Lò', givenName: 'Sẵn', gender: 'Nam', ethnicity: 'Kinh' })]
          .map((r, i) => rowXml(i + 1, r))
          .join(''),
      ),
    );
    const res = await upload(seed);
    expect(res.json()).toMatchObject({ committed: true, counts: { create: 1 } });
  });
  afterAll(() => t.close());

  it('refuses a text file, a renamed program and a zip that holds no workbook, saying it is not an .xlsx', async () => {
    const notXlsx = 'không phải bảng tính Excel (.xlsx) đọc được';
    expect((await refused(Buffer.from('Họ,Tên\nLò,Văn\n'), 'danh-sach.xlsx')).message).toContain(notXlsx);
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), Buffer.alloc(64 * 1024, 0x90)]);
    expect((await refused(exe, 'setup.exe.xlsx')).message).toContain(notXlsx);
    const docx = zipOfEntries([textEntry('word/document.xml', '<w:document/>')]);
    expect((await refused(docx, 'cong-van.xlsx')).message).toContain(notXlsx);
  });

  it('refuses zip bombs, naming the unpacked-size limit, after inflating only a little', async () => {
    // 1 GB of empty rows in a 1 MB file, declared as 4 KB.
    const sheet = repeatedEntry(
      'xl/worksheets/sheet1.xml',
      { head: SHEET_HEAD, body: '<row/>'.repeat(170_000), times: 1_000, tail: SHEET_TAIL },
      false,
    );
    const lying = zipOfEntries([
      ...workbookEntries(),
      { ...sheet, declared: 4096 },
      textEntry('xl/sharedStrings.xml', sharedStringsXml([])),
    ]);
    expect(lying.length).toBeLessThan(4 * 2 ** 20);
    const a = await refused(lying, 'bom.xlsx');
    expect(a.message).toContain('quá lớn khi giải nén');
    expect(a.message).toContain('tối đa 512 MB dữ liệu giải nén');
    // Shared strings that say honestly they unpack to 1 GB: past the 64 MB held for them.
    const strings = repeatedEntry(
      'xl/sharedStrings.xml',
      { head: '<sst>', body: `<si><t>${'a'.repeat(1_000)}</t></si>`.repeat(1_000), times: 1_000, tail: '</sst>' },
      false,
    );
    const honest = zipOfEntries([...workbookEntries(), textEntry('xl/worksheets/sheet1.xml', sheetXml('')), strings]);
    const b = await refused(honest, 'bom-chuoi.xlsx');
    expect(b.message).toContain('64 MB chuỗi dùng chung');
  });

  it('refuses 1,000,001 rows, naming the row limit, without reading them all', { timeout: 60_000 }, async () => {
    // One cell a row: a row with any value counts, and the fewer cells the sooner the refusal.
    const row = plainRow(['EAPO']);
    // No checksum: the reader stops at the limit, long before the end where one would be checked.
    const sheet = repeatedEntry(
      'xl/worksheets/sheet1.xml',
      { head: SHEET_HEAD + plainRow(HEADERS), body: row.repeat(1_000), times: 1_000, tail: row + SHEET_TAIL },
      false,
    );
    const file = zipOfEntries([...workbookEntries(), sheet, textEntry('xl/sharedStrings.xml', sharedStringsXml([]))]);
    expect(file.length).toBeLessThan(2 * 2 ** 20);
    const body = await refused(file, 'trieu-dong.xlsx');
    expect(body.details.limit).toBe('maxRows');
    expect(body.message).toContain('tối đa 100.000 dòng dữ liệu một lần nhập');
  });

  it('takes a formula cell for its stored value, never runs it, and sends it back neutralised', async () => {
    const before = await stored();
    const formulaCell = (col: string, r: number, f: string, v: string) =>
      `<c r="${col}${r}" t="str"><f>${f}</f><v>${v}</v></c>`;
    const rows = [
      rowXml(1, HEADERS),
      // The given name is a formula whose stored value is itself a formula: kept as text.
      `<row r="2"><c r="A2" t="inlineStr"><is><t>EAPO</t></is></c><c r="B2" t="inlineStr"><is><t>Lò</t></is></c>${formulaCell(
        'D',
        2,
        'CONCATENATE("=cmd|","\'/C calc\'!A0")',
        "=cmd|'/C calc'!A0",
      )}</row>`,
    ];
    const file = handMadeXlsx(sheetXml(rows.join('')));
    const res = await upload(file, true);
    expect(res.statusCode, res.body).toBe(200);
    // Not a valid given name as it stands: an error on the row, so nothing is written.
    expect(res.json()).toMatchObject({ rows: 1, committed: false });
    expect(await stored()).toEqual(before);
    const f = form('can-bo.xlsx', file);
    const back = await t.app.inject({
      method: 'POST',
      url: '/api/v1/imports/people/errors.xlsx',
      payload: f.payload,
      headers: { 'content-type': f.contentType, cookie: editorA.cookie, 'x-csrf-token': editorA.csrf },
    });
    expect(back.statusCode, back.body).toBe(200);
    const sheet = (await xlsxRows(back.rawPayload))['Cán bộ']!;
    expect(sheet[2]?.[column('givenName')]).toBe(`'=cmd|'/C calc'!A0`);
    expect(strFromU8(zipEntries(back.rawPayload)['xl/worksheets/sheet1.xml']!)).not.toContain('<f>');
  });

  it('refuses 10,000-character cells on their row and column, naming the bound, and writes nothing', async () => {
    const before = await stored();
    const long = 'Nguyễn'.repeat(2_000).slice(0, 10_000);
    const file = handMadeXlsx(
      sheetXml(
        [
          HEADERS,
          cells({ unit: 'EAPO', familyName: long, givenName: 'Dài', gender: 'Nam', ethnicity: 'Kinh' }),
          cells({ unit: 'EAPO', familyName: 'Lò', givenName: 'Ngắn', gender: 'Nam', ethnicity: 'Kinh', notes: long }),
        ]
          .map((r, i) => rowXml(i + 1, r))
          .join(''),
      ),
    );
    const res = await upload(file, true);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json<{ committed: boolean; issues: { row: number; column: string; message: string }[] }>();
    expect(r.committed).toBe(false);
    const bound = 'ô dài 10.000 ký tự, quá dài (tối đa 2.000)';
    expect(r.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 2, column: 'Họ', message: bound }),
        expect.objectContaining({ row: 3, column: 'Ghi chú', message: bound }),
      ]),
    );
    expect(res.body.length).toBeLessThan(10_000);
    expect(await stored()).toEqual(before);
  });
});
