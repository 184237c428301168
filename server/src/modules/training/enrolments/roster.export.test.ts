import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../../test/app.ts';
import { xlsxRows } from '../../../../test/documents.ts';
import type { TestApp } from '../../../../test/fixtures.ts';
import { as } from '../../../../test/http.ts';
import { todayIso } from '../../../lib/dates.ts';
import { enrolmentWorld, nominated, type EnrolmentWorld } from './enrolment.fixtures.ts';

describe('the roster .xlsx as the organiser prints it', () => {
  let t: TestApp;
  let w: EnrolmentWorld;
  let classId: number;
  let allocA: number;

  beforeAll(async () => {
    t = await testApp();
    w = await enrolmentWorld(t);
    ({ classId, allocA } = await w.provinceClass({ seatsA: 1 }));
    await nominated(t, w.editorA, classId, {
      allocationId: allocA,
      personIds: [
        await w.cadre(w.eaPo, ['Nguyễn', 'Thị', 'Hoa'], 'secretary'),
        await w.cadre(w.eaPo, ['Trần', 'Văn', 'Chờ'], 'secretary'),
      ],
      waitlist: true,
    });
  });
  afterAll(() => t.close());

  const roster = async (query = '') => {
    const res = await as(t.app, w.provinceEditor).get(`/api/v1/training/classes/${classId}/roster.xlsx${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return { res, rows: (await xlsxRows(res.rawPayload))['Danh sách học viên']! };
  };

  it('names the class, its organiser and dates above the table; a file named after the class', async () => {
    const { res, rows } = await roster();
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="danh-sach-hoc-vien-lop-boi-duong-chuc-danh-bi-thu-doan-co-so-nam-2025-${todayIso()}.xlsx"`,
    );
    expect(rows.slice(0, 4).map((r) => r[0])).toEqual([
      'DANH SÁCH HỌC VIÊN',
      'Lớp bồi dưỡng chức danh Bí thư Đoàn cơ sở năm 2025',
      'Đơn vị tổ chức: Tỉnh đoàn Đắk Nông',
      'Từ ngày 12/05/2025 đến ngày 14/05/2025',
    ]);
    const header = rows[4]!;
    expect(header[0]).toBe('STT');
    // one trainee waits for the quota's only seat: the waitlist column is there, with the place
    const waiting = header.indexOf('Thứ tự chờ');
    expect(waiting).toBeGreaterThan(0);
    // in given-name order: Chờ before Hoa
    expect(rows.slice(5).map((r) => [r[1], r[waiting]])).toEqual([
      ['Trần Văn Chờ', '1'],
      ['Nguyễn Thị Hoa', ''],
    ]);
  });

  it('has no waitlist column when no trainee listed waits', async () => {
    const { rows } = await roster('?seated=true');
    const header = rows.find((r) => r[0] === 'STT')!;
    expect(header).not.toContain('Thứ tự chờ');
    expect(header).toContain('Trạng thái');
    expect(rows.filter((r) => /^\d+$/.test(r[0] ?? '')).map((r) => r[1])).toEqual(['Nguyễn Thị Hoa']);
  });
});
