import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import type { ImportKind, ImportResult } from '@canbo/contract';
import type { TestApp } from './fixtures.ts';
import type { Session } from './http.ts';
import { form } from './multipart.ts';
import { xlsxRows } from './documents.ts';
import { as } from './http.ts';
import { makePerson } from './factories.ts';

/** A sheet of one import kind as a union types it: the header row, then rows by column key. */
export async function kindSheet(
  columns: readonly { key: string; header: string }[],
  rows: Record<string, ExcelJS.CellValue | undefined>[],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách');
  ws.addRow(columns.map((c) => c.header));
  for (const r of rows) ws.addRow(columns.map((c) => r[c.key] ?? null));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * Posts one file to `url` as `who`, in `lang` (sent as Accept-Language) when given, with its MIME
 * `type` (a sheet's by default); answers the response.
 */
export function postFile(
  t: TestApp,
  who: Session,
  url: string,
  fileName: string,
  data: Buffer,
  { lang, type }: { lang?: string | undefined; type?: string } = {},
) {
  const f = form(fileName, data, type);
  return t.app.inject({
    method: 'POST',
    url,
    payload: f.payload,
    headers: {
      'content-type': f.contentType,
      cookie: who.cookie,
      'x-csrf-token': who.csrf,
      ...(lang ? { 'accept-language': lang } : {}),
    },
  });
}

/** Uploads a sheet of `kind` (a preview, or a commit) and answers the result, expecting a 200. */
export async function importSheet(
  t: TestApp,
  who: Session,
  kind: ImportKind,
  data: Buffer,
  commit: boolean,
  lang?: string,
): Promise<ImportResult> {
  const res = await postFile(t, who, `/api/v1/imports/${kind}?commit=${commit}`, `${kind}.xlsx`, data, { lang });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<ImportResult>();
}

/** The kind's template as `who` downloads it (expecting a 200): its sheets' rows and its file name header. */
export async function importTemplate(
  t: TestApp,
  who: Session,
  kind: ImportKind,
): Promise<{ sheets: Record<string, string[][]>; disposition: string }> {
  const res = await as(t.app, who).get(`/api/v1/imports/${kind}/template.xlsx`);
  expect(res.statusCode, res.body).toBe(200);
  return { sheets: await xlsxRows(res.rawPayload), disposition: String(res.headers['content-disposition']) };
}

/**
 * The cadres the sheets about a cadre's records name, written as unions write them: one named by
 * national ID (an, of `home`), one by name and birth date (binh, of `home`), one by national ID
 * kept by `other` (chi).
 */
export async function sheetCadres(
  t: TestApp,
  units: { home: number; other: number },
): Promise<{ an: number; binh: number; chi: number }> {
  return {
    an: await makePerson(t.ctx, {
      unitId: units.home,
      familyName: 'Y Ngông',
      middleName: 'Niê',
      givenName: 'Kdăm',
      nationalId: '066094000123',
    }),
    binh: await makePerson(t.ctx, {
      unitId: units.home,
      familyName: 'H’Hen',
      middleName: null,
      givenName: 'Niê',
      birthDate: '1995-02-03',
    }),
    chi: await makePerson(t.ctx, {
      unitId: units.other,
      familyName: 'Điểu',
      givenName: 'K’Lung',
      nationalId: '067095000456',
    }),
  };
}
