import { strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { testApp } from '../../../../test/app.ts';
import { docxParagraphs, zipEntries } from '../../../../test/documents.ts';
import { makeAllocation, makeClass, makeSession } from '../../../../test/factories.ts';
import type { TestApp } from '../../../../test/fixtures.ts';
import { as } from '../../../../test/http.ts';
import { enrolmentWorld, nominated, type EnrolmentWorld } from '../enrolments/enrolment.fixtures.ts';

describe('summons (giấy triệu tập)', () => {
  let t: TestApp;
  let w: EnrolmentWorld;
  let classId: number;
  let allocA: number;
  let allocB: number;

  beforeAll(async () => {
    t = await testApp();
    w = await enrolmentWorld(t);
    ({ classId, allocA, allocB } = await w.provinceClass({ seatsA: 2 }));
    await t.db.kysely
      .updateTable('training_classes')
      .set({ place: 'Hội trường Tỉnh đoàn Đắk Nông', decision: '12-QĐ/TĐTN' })
      .where('id', '=', classId)
      .execute();
    await makeSession(t.ctx, { classId, date: '2025-05-12', startsAt: '07:30' });
    const hoa = await w.cadre(w.eaPo, ['Nguyễn', 'Thị', 'Hoa'], 'secretary');
    const an = await w.cadre(w.cuJut, ['Trần', 'Văn', 'An'], 'deputy_secretary');
    const waiting = await w.cadre(w.eaPo, ['Lê', 'Văn', 'Chờ'], 'secretary');
    const gone = await w.cadre(w.eaPo, ['Lê', 'Văn', 'Rút'], 'secretary');
    await nominated(t, w.editorA, classId, { allocationId: allocA, personIds: [gone] });
    const [g] = (await as(t.app, w.editorA).get(`/api/v1/training/classes/${classId}/enrolments`)).json<{
      items: { id: number; version: number }[];
    }>().items;
    await as(t.app, w.editorA).post(`/api/v1/training/enrolments/${g!.id}/withdraw`, {
      version: g!.version,
      reason: 'Ốm',
    });
    await nominated(t, w.editorA, classId, { allocationId: allocA, personIds: [hoa, an, waiting], waitlist: true });
    await nominated(t, w.editorB, classId, {
      allocationId: allocB,
      personIds: [await w.cadre(w.dakGan, ['Hà', 'Văn', 'Mil'])],
    });
  });
  afterAll(() => t.close());

  const summons = (s: typeof w.editorA, query: string) =>
    as(t.app, s).get(`/api/v1/training/classes/${classId}/summons.docx?${query}`);

  it("a province class's summons to a district: Union header, number, place and date, the district's seated trainees", async () => {
    const res = await summons(
      w.editorA,
      `allocationId=${allocA}&number=15&date=2025-05-05&signerName=${encodeURIComponent('Nguyễn Văn Thủ')}&signerTitle=${encodeURIComponent('Phó Bí thư')}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="giay-trieu-tap-lop-boi-duong-chuc-danh-bi-thu-doan-co-so-nam-2025-huyen-doan-cu-jut.docx"',
    );
    const p = docxParagraphs(res.rawPayload);
    // header: the province stands alone on the left, the organisation's line on the right
    expect(p.slice(0, 6)).toEqual([
      'BCH ĐOÀN TỈNH ĐẮK NÔNG',
      '***',
      'Số: 15-GTT/TĐTN-BTC',
      'ĐOÀN TNCS HỒ CHÍ MINH',
      'Gia Nghĩa, ngày 05 tháng 05 năm 2025',
      'GIẤY TRIỆU TẬP',
    ]);
    expect(p).toContain('Học viên tham dự Lớp bồi dưỡng chức danh Bí thư Đoàn cơ sở năm 2025');
    expect(p).toContain('Căn cứ Quyết định số 12-QĐ/TĐTN của Ban Thường vụ Tỉnh đoàn Đắk Nông;');
    expect(p).toContain(
      'Ban Thường vụ Tỉnh đoàn Đắk Nông triệu tập các đồng chí có tên sau tham dự Lớp bồi dưỡng chức danh Bí thư Đoàn cơ sở năm 2025:',
    );
    const table = p.indexOf('STT');
    expect(p.slice(table, table + 12)).toEqual([
      'STT',
      'Họ và tên',
      'Chức vụ',
      'Đơn vị',
      '1',
      'Trần Văn An',
      'Phó Bí thư',
      'Huyện đoàn Cư Jút',
      '2',
      'Nguyễn Thị Hoa',
      'Bí thư',
      'Đoàn xã Ea Pô',
    ]);
    const text = p.join('\n');
    expect(text).not.toContain('Lê Văn Chờ'); // waitlisted
    expect(text).not.toContain('Lê Văn Rút'); // withdrawn
    expect(text).not.toContain('Hà Văn Mil'); // another district's seats
    expect(p).toContain(
      '- Thời gian: từ ngày 12/05/2025 đến ngày 14/05/2025 (khai mạc lúc 07 giờ 30 ngày 12/05/2025).',
    );
    expect(p).toContain('- Địa điểm: Hội trường Tỉnh đoàn Đắk Nông.');
    const foot = p.indexOf('Nơi nhận:');
    expect(p.slice(foot)).toEqual([
      'Nơi nhận:',
      '- Huyện đoàn Cư Jút;',
      '- Lưu VP.',
      'TM. BAN THƯỜNG VỤ',
      'PHÓ BÍ THƯ',
      'Nguyễn Văn Thủ',
    ]);
    // A4, Union margins, Times New Roman, the organisation's line bold and underlined
    const xml = strFromU8(zipEntries(res.rawPayload)['word/document.xml']!);
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/<w:pgMar w:top="1134"[^>]*w:left="1701"/);
    expect(xml).toMatch(
      /<w:b\/>(?:(?!<\/w:rPr>).)*<w:u w:val="single"\/>(?:(?!<w:t).)*<w:t[^>]*>ĐOÀN TNCS HỒ CHÍ MINH/s,
    );
    expect(strFromU8(zipEntries(res.rawPayload)['word/styles.xml']!)).toContain('Times New Roman');
  });

  it("a district's own class: its superior above it, HĐTN in the number, the unit's name when it has no place", async () => {
    const districtClass = await makeClass(t.ctx, {
      organiserUnitId: w.cuJut,
      name: 'Lớp bồi dưỡng Bí thư chi đoàn',
      level: 'district',
      startDate: '2025-11-17',
      endDate: '2025-11-19',
    });
    const seats = await makeAllocation(t.ctx, { classId: districtClass, unitId: w.eaPo, seats: 5 });
    await nominated(t, w.editorA, districtClass, {
      allocationId: seats,
      personIds: [await w.cadre(w.eaPo, ['Y', null, 'Bhin'])],
    });
    const res = await as(t.app, w.editorA).get(
      `/api/v1/training/classes/${districtClass}/summons.docx?allocationId=${seats}&number=3&date=2025-11-09`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const p = docxParagraphs(res.rawPayload);
    expect(p.slice(0, 6)).toEqual([
      'BCH ĐOÀN TỈNH ĐẮK NÔNG',
      'BCH HUYỆN ĐOÀN CƯ JÚT',
      '***',
      'Số: 3-GTT/HĐTN-BTC',
      'ĐOÀN TNCS HỒ CHÍ MINH',
      'Cư Jút, ngày 09 tháng 11 năm 2025',
    ]);
    expect(p).toContain('Y Bhin');
    expect(p.slice(-2)).toEqual(['TM. BAN THƯỜNG VỤ', 'BÍ THƯ']);
  });

  it("a district gets its own seats' summons only; the organiser's own list is the organiser's", async () => {
    expect((await summons(w.editorA, `allocationId=${allocB}`)).statusCode).toBe(404);
    expect((await summons(w.editorB, `allocationId=${allocA}`)).statusCode).toBe(404);
    expect((await summons(w.editorA, '')).statusCode).toBe(403);
    expect((await summons(w.viewerA, `allocationId=${allocA}`)).statusCode).toBe(404);
    const own = await summons(w.provinceEditor, 'date=2025-05-05');
    expect(own.statusCode).toBe(200);
    const p = docxParagraphs(own.rawPayload);
    // no number yet: a dotted blank to write it in by hand
    expect(p).toContain('Số: ………-GTT/TĐTN-BTC');
    expect(own.headers['content-disposition']).toBe(
      'attachment; filename="giay-trieu-tap-lop-boi-duong-chuc-danh-bi-thu-doan-co-so-nam-2025.docx"',
    );
    expect(p).toContain('(Chưa có học viên được cử.)');
    expect(p).toContain('- Các đồng chí có tên trên;');
  });

  it('quotes a decision stored with its own "Quyết định số" once', async () => {
    await t.db.kysely
      .updateTable('training_classes')
      .set({ decision: 'Quyết định số 512-QĐ/TĐTN-BTC' })
      .where('id', '=', classId)
      .execute();
    try {
      const res = await summons(w.editorA, `allocationId=${allocA}&date=2025-05-05`);
      expect(res.statusCode, res.body).toBe(200);
      expect(docxParagraphs(res.rawPayload)).toContain(
        'Căn cứ Quyết định số 512-QĐ/TĐTN-BTC của Ban Thường vụ Tỉnh đoàn Đắk Nông;',
      );
    } finally {
      await t.db.kysely
        .updateTable('training_classes')
        .set({ decision: '12-QĐ/TĐTN' })
        .where('id', '=', classId)
        .execute();
    }
  });

  it('refuses a summons dated after the class has begun, naming the date; the first day itself is accepted', async () => {
    const late = await summons(w.editorA, `allocationId=${allocA}&date=2025-05-13`);
    expect(late.statusCode).toBe(400);
    expect(late.json().details.field).toBe('date');
    expect(late.json().message).toBe(
      'Ngày: ngày ký giấy triệu tập (13/05/2025) sau ngày khai giảng lớp (12/05/2025); hãy chọn ngày từ 12/05/2025 trở về trước',
    );
    // no date means today, long after this class began
    expect((await summons(w.editorA, `allocationId=${allocA}`)).json().details.field).toBe('date');
    expect((await summons(w.editorA, `allocationId=${allocA}&date=2025-05-12`)).statusCode).toBe(200);
  });

  it('is made in the heavy pool, charged to the user who asked for it', async () => {
    const run = vi.spyOn(t.ctx.heavy, 'run');
    try {
      const res = await summons(w.editorA, `allocationId=${allocA}&date=2025-05-01`);
      expect(res.statusCode, res.body).toBe(200);
      expect(run).toHaveBeenCalledTimes(1);
      expect(run.mock.calls[0]?.[0]).toEqual(expect.any(Number));
      expect(run.mock.calls[0]?.[1]).toBe('summonsDocx');
    } finally {
      run.mockRestore();
    }
  });
});
