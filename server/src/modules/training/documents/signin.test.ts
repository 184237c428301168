import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../../test/app.ts';
import { docxParagraphs, pdfPages, zipEntries } from '../../../../test/documents.ts';
import {
  makeAllocation,
  makeClass,
  makeEnrolment,
  makePerson,
  makeSession,
  makeUser,
} from '../../../../test/factories.ts';
import { twoDistricts, type TestApp } from '../../../../test/fixtures.ts';
import { as, login, type Session } from '../../../../test/http.ts';
import { issuerOf } from '../../../documents/issuer.ts';
import { CU_JUT } from '../../../../test/issuers.ts';
import { signInDocx, signInPdf, type SignInSheet } from './signin.ts';

const sample = (count: number): SignInSheet => ({
  issuer: issuerOf(CU_JUT),
  className: 'Lớp bồi dưỡng chức danh bí thư đoàn cơ sở năm 2023',
  date: '2023-06-15',
  partLabel: 'Sáng',
  startsAt: '07:30',
  endsAt: '11:30',
  topic: 'Nghiệp vụ công tác Đoàn',
  checkinUrl: 'https://canbo.example.vn/checkin/abcdefghijkl',
  trainees: Array.from({ length: count }, (_, i) => ({
    name: `Nguyễn Văn Học ${String(i + 1).padStart(4, '0')}`,
    unitName: i % 3 === 0 ? 'Đoàn xã Ea Pô, Huyện đoàn Cư Jút (đơn vị có tên dài để xuống dòng)' : 'Đoàn xã Nam Dong',
    title: 'Bí thư',
  })),
});

describe('sign-in sheets', () => {
  let t: TestApp;
  let province: number;
  let cuJut: number;
  let editorA: Session;
  let organiser: Session;
  let provinceViewer: Session;
  let stranger: Session;
  let cls: number;
  let session: number;
  let promoted: number;
  let token: string;

  beforeAll(async () => {
    t = await testApp();
    ({ province, cuJut, editorA } = await twoDistricts(t));
    const org = await makeUser(t.ctx, { grants: [{ unitId: province, role: 'editor' }] });
    organiser = await login(t.app, org.login, org.password);
    const viewer = await makeUser(t.ctx, { grants: [{ unitId: province, role: 'viewer' }] });
    provinceViewer = await login(t.app, viewer.login, viewer.password);
    const nobody = await makeUser(t.ctx);
    stranger = await login(t.app, nobody.login, nobody.password);
    cls = await makeClass(t.ctx, { organiserUnitId: province, name: 'Lớp bí thư chi đoàn khóa I', status: 'open' });
    const alloc = await makeAllocation(t.ctx, { classId: cls, unitId: cuJut, seats: 3 });
    session = await makeSession(t.ctx, {
      classId: cls,
      date: '2025-05-12',
      part: 'afternoon',
      startsAt: '13:30',
      endsAt: '17:00',
      topic: 'Kỹ năng tổ chức sinh hoạt chi đoàn',
    });
    const people = [
      ['Trần', 'Thị', 'Ánh', 'confirmed'],
      ['Nguyễn', 'Văn', 'An', 'nominated'],
      ['Lê', 'Văn', 'Bình', 'confirmed'],
      ['Phạm', 'Thị', 'Chi', 'waitlisted'],
      ['Võ', 'Văn', 'Dũng', 'waitlisted'],
    ] as const;
    const ids: Record<string, number> = {};
    for (const [family, middle, given, status] of people) {
      const personId = await makePerson(t.ctx, {
        unitId: cuJut,
        familyName: family,
        middleName: middle,
        givenName: given,
      });
      ids[given] = await makeEnrolment(t.ctx, { classId: cls, personId, allocationId: alloc, status });
    }
    // Bình withdraws: Chi, first on the quota's waitlist, takes the freed seat
    const withdrawn = await as(t.app, organiser).post(`/api/v1/training/enrolments/${ids['Bình']}/withdraw`, {
      version: 1,
      reason: 'Bận công tác',
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    promoted = ids['Chi']!;
    expect(withdrawn.json().promoted).toMatchObject({ id: promoted, personName: 'Phạm Thị Chi' });
    token = (
      await t.db.kysely
        .selectFrom('class_sessions')
        .select('checkin_token')
        .where('id', '=', session)
        .executeTakeFirstOrThrow()
    ).checkin_token;
  });
  afterAll(() => t.close());

  it('.docx: class, session, every seated trainee in name order (the promoted one too), and the QR image', async () => {
    const res = await as(t.app, organiser).get(`/api/v1/training/sessions/${session}/sign-in.docx`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="danh-sach-ky-ten-12-05-2025-buoi-chieu.docx"',
    );
    const paragraphs = docxParagraphs(res.rawPayload);
    // the Union's header: the province stands alone on the left, the organisation's line on the right
    expect(paragraphs.slice(0, 4)).toEqual([
      'BCH ĐOÀN TỈNH ĐẮK NÔNG',
      '***',
      'ĐOÀN TNCS HỒ CHÍ MINH',
      'DANH SÁCH HỌC VIÊN KÝ TÊN',
    ]);
    expect(paragraphs).toEqual(
      expect.arrayContaining([
        'Lớp: Lớp bí thư chi đoàn khóa I',
        'Buổi chiều ngày 12/05/2025 (13:30 – 17:00)',
        'Nội dung: Kỹ năng tổ chức sinh hoạt chi đoàn',
        `${t.ctx.config.publicUrl}/checkin/${token}`,
        'Tổng số: 3 học viên.',
      ]),
    );
    expect(paragraphs.some((p) => p.startsWith('Điểm danh bằng mã QR'))).toBe(true);
    const header = paragraphs.indexOf('STT');
    expect(paragraphs.slice(header, header + 5)).toEqual(['STT', 'Họ và tên', 'Đơn vị', 'Chức vụ', 'Ký tên']);
    const names = paragraphs.filter((p) => /^(Nguyễn|Trần|Lê|Phạm|Võ) /.test(p));
    expect(names).toEqual(['Nguyễn Văn An', 'Trần Thị Ánh', 'Phạm Thị Chi']);
    expect(paragraphs.slice(header + 5, header + 9)).toEqual(['1', 'Nguyễn Văn An', 'Huyện đoàn Cư Jút', 'Bí thư']);
    const images = Object.keys(zipEntries(res.rawPayload)).filter((n) => /^word\/media\/.+\.png$/.test(n));
    expect(images).toHaveLength(1);
  });

  it('.pdf: the same list with the class name and the date', async () => {
    const res = await as(t.app, provinceViewer).get(`/api/v1/training/sessions/${session}/sign-in.pdf`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="danh-sach-ky-ten-12-05-2025-buoi-chieu.pdf"',
    );
    const text = (await pdfPages(res.rawPayload)).join(' ');
    expect(text).toMatch(/^BCH ĐOÀN TỈNH ĐẮK NÔNG \*\*\* ĐOÀN TNCS HỒ CHÍ MINH DANH SÁCH HỌC VIÊN KÝ TÊN/);
    expect(text).toContain('DANH SÁCH HỌC VIÊN KÝ TÊN');
    expect(text).toContain('Lớp: Lớp bí thư chi đoàn khóa I');
    expect(text).toContain('12/05/2025');
    expect(text).toContain('Điểm danh bằng mã QR');
    const order = ['Nguyễn Văn An', 'Trần Thị Ánh', 'Phạm Thị Chi'].map((n) => text.indexOf(n));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).not.toContain('Lê Văn Bình');
    expect(text).not.toContain('Võ Văn Dũng');
  });

  it('is the organiser’s document: a unit that only sent trainees is refused, a stranger does not see it', async () => {
    for (const ext of ['docx', 'pdf']) {
      expect((await as(t.app, editorA).get(`/api/v1/training/sessions/${session}/sign-in.${ext}`)).statusCode).toBe(
        403,
      );
      expect((await as(t.app, stranger).get(`/api/v1/training/sessions/${session}/sign-in.${ext}`)).statusCode).toBe(
        404,
      );
    }
  });

  it('2,000 trainees: the PDF repeats the table header on every page and ends with the last trainee', async () => {
    const pages = await pdfPages(await signInPdf(sample(2000)));
    expect(pages.length).toBeGreaterThan(40);
    for (const page of pages) expect(page).toContain('STT Họ và tên Đơn vị Chức vụ Ký tên');
    expect(pages[0]).toContain('BCH ĐOÀN TỈNH ĐẮK NÔNG BCH HUYỆN ĐOÀN CƯ JÚT *** ĐOÀN TNCS HỒ CHÍ MINH');
    expect(pages[0]).toContain('Lớp: Lớp bồi dưỡng chức danh bí thư đoàn cơ sở năm 2023');
    expect(pages[0]).toContain('15/06/2023');
    const all = pages.join(' ');
    expect(all).toContain('Nguyễn Văn Học 0001');
    expect(all).toContain('2000 Nguyễn Văn Học 2000');
    expect(all).toContain('Tổng số: 2000 học viên.');
  });

  it('2,000 trainees: the .docx has every row, its header row repeated by Word on each page', async () => {
    const bytes = await signInDocx(sample(2000));
    const paragraphs = docxParagraphs(bytes);
    expect(paragraphs.filter((p) => p.startsWith('Nguyễn Văn Học '))).toHaveLength(2000);
    const xml = new TextDecoder().decode(zipEntries(bytes)['word/document.xml']);
    expect(xml).toContain('<w:tblHeader/>');
  });
});
