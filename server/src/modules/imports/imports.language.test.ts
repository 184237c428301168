import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { testApp } from '../../../test/app.ts';
import { xlsxRows } from '../../../test/documents.ts';
import { makePerson, makeUnit } from '../../../test/factories.ts';
import { rowCount, twoDistricts, type TestApp } from '../../../test/fixtures.ts';
import type { Session } from '../../../test/http.ts';
import { importSheet, kindSheet, postFile } from '../../../test/importSheets.ts';
import { CLASS_COLUMNS } from './classes/classes.columns.ts';
import { PEOPLE_COLUMNS, type PeopleKey } from './people/people.columns.ts';
import { forgetPreviews } from './previewCache.ts';

/**
 * An import's findings in the user's language: the preview's, the error sheet's added column and a
 * refused file, in Vietnamese by default and in English when asked; a preview kept for its commit
 * answers the commit in the commit's language.
 */

const people = (rows: Partial<Record<PeopleKey, string>>[]) => kindSheet(PEOPLE_COLUMNS, rows);
const HEADERS = PEOPLE_COLUMNS.map((c) => c.header);

/** A sheet whose rows break a rule each: a date not on the calendar, an unknown unit, a missing name, a bad ID. */
const broken = () =>
  people([
    { unit: 'CJ-T', familyName: 'Lê', givenName: 'An', gender: 'Nữ', ethnicity: 'Kinh', birthDate: '30/02/2000' },
    { unit: 'KHONG-CO', familyName: 'Lê', givenName: 'Bình', gender: 'Nữ', ethnicity: 'Kinh' },
    { unit: 'CJ-T', givenName: 'Chi', gender: 'Nữ', ethnicity: 'Kinh' },
    { unit: 'CJ-T', familyName: 'Lê', givenName: 'Dung', gender: 'Nữ', ethnicity: 'Kinh', nationalId: '12345' },
  ]);

describe('import findings in the language asked', () => {
  let t: TestApp;
  let cuJut: number;
  let editorA: Session;

  beforeAll(async () => {
    t = await testApp();
    ({ cuJut, editorA } = await twoDistricts(t));
    await makeUnit(t.ctx, { name: 'Đoàn xã Tâm Thắng', parentId: cuJut, code: 'CJ-T' });
  });
  beforeEach(() => {
    forgetPreviews();
    vi.restoreAllMocks();
  });
  afterAll(() => t.close());

  const messages = async (lang?: string) =>
    (await importSheet(t, editorA, 'people', await broken(), false, lang)).issues.map((i) => [
      i.row,
      i.column,
      i.message,
    ]);

  it('a preview’s findings: Vietnamese without the header, English when asked', async () => {
    expect(await messages()).toEqual([
      [2, 'Ngày sinh', 'ngày "30/02/2000" không có trên lịch'],
      [3, 'Đơn vị', 'không có đơn vị mã hoặc tên "KHONG-CO" trong Canbo'],
      [4, 'Họ', 'bắt buộc'],
      [5, 'Số CCCD', 'Số CCCD gồm đúng 12 chữ số'],
    ]);
    // The columns keep the sheet's own headers; the messages are English, the contract's rule too.
    expect(await messages('en')).toEqual([
      [2, 'Ngày sinh', 'the date "30/02/2000" is not on the calendar'],
      [3, 'Đơn vị', 'no unit has the code or name "KHONG-CO" in Canbo'],
      [4, 'Họ', 'required'],
      [5, 'Số CCCD', 'a national ID number has exactly 12 digits'],
    ]);
    expect(await messages('vi-VN,vi;q=0.9')).toEqual(await messages());
  });

  it('a feature’s own refusal on a row: its English without the English field name', async () => {
    const data = await kindSheet(CLASS_COLUMNS, [
      {
        name: 'Tập huấn 2019',
        kind: 'Bồi dưỡng kỹ năng',
        organiser: 'Huyện đoàn Cư Jút',
        startDate: '06/05/2019',
        endDate: '04/05/2019',
        total: '120',
      },
    ]);
    const finding = async (lang?: string) =>
      (await importSheet(t, editorA, 'classes', data, false, lang)).issues.map((i) => [i.column, i.message]);
    expect(await finding()).toEqual([['Ngày kết thúc', 'không được trước Ngày bắt đầu (06/05/2019)']]);
    expect(await finding('en')).toEqual([['Ngày kết thúc', 'cannot be before the start date (06/05/2019)']]);
  });

  it('the error sheet’s added column in the language asked', async () => {
    const errorSheet = async (lang?: string) => {
      const res = await postFile(t, editorA, '/api/v1/imports/people/errors.xlsx', 'can-bo.xlsx', await broken(), {
        lang,
      });
      expect(res.statusCode, res.body).toBe(200);
      const rows = (await xlsxRows(res.rawPayload))['Cán bộ']!;
      return { header: rows[0]!.slice(HEADERS.length), first: rows[2]![HEADERS.length] };
    };
    expect(await errorSheet()).toEqual({ header: ['Lỗi'], first: 'Ngày sinh: ngày "30/02/2000" không có trên lịch' });
    expect(await errorSheet('en')).toEqual({
      header: ['Errors'],
      first: 'Ngày sinh: the date "30/02/2000" is not on the calendar',
    });
  });

  it('a file that is no sheet is refused in the language asked', async () => {
    const refusal = async (lang?: string) => {
      const data = Buffer.from('không phải bảng tính');
      const res = await postFile(t, editorA, '/api/v1/imports/people?commit=false', 'ghi-chu.xlsx', data, { lang });
      expect(res.statusCode).toBe(400);
      return res.json().message as string;
    };
    expect(await refusal()).toBe(
      'Tệp "ghi-chu.xlsx" không phải bảng tính Excel (.xlsx) đọc được. Hãy dùng mẫu nhập tải từ Canbo.',
    );
    expect(await refusal('en')).toBe(
      'The file "ghi-chu.xlsx" is not a readable Excel sheet (.xlsx). Use the import template downloaded from Canbo.',
    );
  });

  it('a preview kept in Vietnamese and committed in English answers the commit in English', async () => {
    // Someone of the same name and birth date in another unit: the row creates a new record, with a warning.
    await makePerson(t.ctx, {
      unitId: cuJut,
      familyName: 'Lê',
      middleName: 'Thị',
      givenName: 'Hạnh',
      birthDate: '1996-03-02',
      gender: 'female',
    });
    const data = await people([
      {
        unit: 'CJ-T',
        familyName: 'Lê',
        middleName: 'Thị',
        givenName: 'Hạnh',
        birthDate: '02/03/1996',
        gender: 'Nữ',
        ethnicity: 'Kinh',
      },
    ]);
    const run = vi.spyOn(t.ctx.heavy, 'run');
    const preview = await importSheet(t, editorA, 'people', data, false);
    expect(preview.issues.map((i) => i.message)).toEqual([
      'có thể đã có hồ sơ: Lê Thị Hạnh (Huyện đoàn Cư Jút) cùng ngày sinh; dòng này sẽ tạo hồ sơ mới',
    ]);
    const before = await rowCount(t, 'people');
    const commit = await importSheet(t, editorA, 'people', data, true, 'en');
    // The kept plan was written: the sheet was read once, by the preview.
    expect(run.mock.calls.filter(([, task]) => task === 'readFormSheet')).toHaveLength(1);
    expect(commit).toMatchObject({ committed: true, counts: { create: 1 } });
    expect(commit.issues.map((i) => i.message)).toEqual([
      'there may already be a record: Lê Thị Hạnh (Huyện đoàn Cư Jút) with this date of birth; this row will create a new one',
    ]);
    expect(await rowCount(t, 'people')).toBe(before + 1);
  });
});
