import type { ReportResult, ReportRowPage } from '@canbo/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../../test/app.ts';
import { docxParagraphs } from '../../../../test/documents.ts';
import { makePerson } from '../../../../test/factories.ts';
import { twoDistricts, type TestApp } from '../../../../test/fixtures.ts';
import { as, type Session } from '../../../../test/http.ts';
import { reportRequests, rowFigures } from '../../../../test/reports.ts';

const URL = '/api/v1/reports/dao-tao-dai-han';
/** A school year: studies started in the same calendar years but outside these days do not count. */
const PERIOD = 'from=2021-07-01&to=2022-06-30';

describe('report: long-term studies over a period (báo cáo đào tạo dài hạn)', () => {
  let t: TestApp;
  let province: number;
  let admin: Session;
  let viewerA: Session;

  beforeAll(async () => {
    t = await testApp();
    const base = await twoDistricts(t);
    ({ province, admin, viewerA } = base);
    const inCuJut = await makePerson(t.ctx, { unitId: base.cuJut, familyName: 'Y', givenName: 'Ngông' });
    const inDakMil = await makePerson(t.ctx, { unitId: base.dakMil, familyName: 'Điểu', givenName: "K'Lung" });
    const study = async (personId: number, studyKind: string, startDate: string) => {
      const res = await as(t.app, admin).post('/api/v1/studies', {
        personId,
        studyKind,
        institution: 'Học viện Thanh thiếu niên Việt Nam',
        studyMode: 'part_time',
        startDate,
        expectedEndDate: `${Number(startDate.slice(0, 4)) + 2}-06-30`,
        funding: 'state',
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json<{ id: number }>().id;
    };
    const university = await study(inCuJut, 'university', '2021-09-01');
    const graduated = await as(t.app, admin).post(`/api/v1/studies/${university}/transition`, {
      action: 'graduate',
      version: 1,
      endDate: '2022-05-20',
      diplomaNumber: 'ĐH-0042',
      diplomaGrade: 'good',
    });
    expect(graduated.statusCode, graduated.body).toBe(200);
    await study(inCuJut, 'master', '2021-03-01');
    await study(inDakMil, 'theory_advanced', '2022-01-10');
    await study(inDakMil, 'theory_intermediate', '2022-08-01');
  });
  afterAll(() => t.close());

  const { get } = reportRequests(() => t.app, URL);

  it('counts the studies started and graduated within the days of the period, by kind', async () => {
    const r = (await get(admin, `${URL}?${PERIOD}&unitId=${province}`)).json<ReportResult>();
    expect(r.title).toEqual(['BÁO CÁO ĐÀO TẠO DÀI HẠN', 'Tỉnh đoàn Đắk Nông, từ ngày 01/07/2021 đến ngày 30/06/2022']);
    expect(rowFigures(r)).toEqual([
      ['Tổng số', 2, 1],
      ['Trình độ chuyên môn (đại học, sau đại học)', 1, 1],
      ['Đại học', 1, 1],
      ['Thạc sĩ', 0, 0],
      ['Tiến sĩ', 0, 0],
      ['Lý luận chính trị', 1, 0],
      ['Trung cấp lý luận chính trị', 0, 0],
      ['Cao cấp lý luận chính trị', 1, 0],
      ['Cử nhân lý luận chính trị', 0, 0],
    ]);
    const behind = (
      await get(admin, `${URL}/rows?${PERIOD}&unitId=${province}&cell=university:graduated`)
    ).json<ReportRowPage>();
    expect(behind.label).toBe('Đại học — Số lượt cán bộ: Tốt nghiệp');
    expect(behind.items.map((i) => i.values)).toEqual([
      ['Y Ngông', 'Học viện Thanh thiếu niên Việt Nam', 'Huyện đoàn Cư Jút', '20/05/2022'],
    ]);
    expect(behind.items[0]!.personId).not.toBeNull();
    // The whole calendar years count the master's and the intermediate course as well.
    const years = (await get(admin, `${URL}?from=2021-01-01&to=2022-12-31&unitId=${province}`)).json<ReportResult>();
    expect(rowFigures(years)[0]).toEqual(['Tổng số', 4, 1]);
  });

  it('prints the period on the .docx report', async () => {
    const docx = await get(admin, `${URL}/export?${PERIOD}&unitId=${province}&format=docx&number=7`);
    const paragraphs = docxParagraphs(docx.rawPayload);
    expect(paragraphs).toContain('BÁO CÁO');
    expect(paragraphs.join('\n')).toContain('Tỉnh đoàn Đắk Nông, từ ngày 01/07/2021 đến ngày 30/06/2022');
  });

  it('keeps a district viewer to the district, and names the field of a period that ends before it starts', async () => {
    const r = (await get(viewerA, `${URL}?${PERIOD}`)).json<ReportResult>();
    expect(rowFigures(r)[0]).toEqual(['Tổng số', 1, 1]);
    expect(rowFigures(r)[5]).toEqual(['Lý luận chính trị', 0, 0]);
    expect((await as(t.app, viewerA).get(`${URL}?${PERIOD}&unitId=${province}`)).statusCode).toBe(404);
    const wrong = await as(t.app, admin).get(`${URL}?from=2022-07-01&to=2022-01-01`);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().details.field).toBe('to');
  });
});
