import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Certificate } from '@canbo/contract';
import { testApp } from '../../../../test/app.ts';
import { makeClass } from '../../../../test/factories.ts';
import { type TestApp } from '../../../../test/fixtures.ts';
import { pdfPages, zipEntries } from '../../../../test/documents.ts';
import { as, type Session } from '../../../../test/http.ts';
import { renderCertificate } from '../documents/certificate.ts';
import { issuerOf } from '../../../documents/issuer.ts';
import { CU_JUT } from '../../../../test/issuers.ts';
import { certificateFileName } from './certificate.files.ts';
import { CLASS_NAME, certificateWorld, issue } from './certificate.fixtures.ts';

describe('certificate documents', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof certificateWorld>>;
  let an: Certificate;
  let binh: Certificate;
  let nie: Certificate;

  const pdf = (s: Session, c: Certificate, query = '') =>
    as(t.app, s).get(`/api/v1/training/certificates/${c.id}/certificate.pdf${query}`);
  const zip = (s: Session, classId = w.classId) =>
    as(t.app, s).get(`/api/v1/training/classes/${classId}/certificates.zip`);

  beforeAll(async () => {
    t = await testApp();
    w = await certificateWorld(t);
    [an, binh, nie] = (await issue(t, w.provinceEditor, w.classId)) as [Certificate, Certificate, Certificate];
  });
  afterAll(() => t.close());

  it('prints the Union header, the trainee, the class, its dates, the grade, the number, the signer and the QR link', async () => {
    const res = await pdf(w.provinceEditor, an, '?signerName=Hoàng%20Văn%20Sơn&signerTitle=Phó%20Bí%20thư');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe('attachment; filename="001-GCN-2025 - Nguyen Van An.pdf"');
    // A4 landscape
    expect(res.rawPayload.toString('latin1')).toMatch(/\/MediaBox \[0 0 841\.89 595\.28\]/);
    const pages = await pdfPages(res.rawPayload);
    expect(pages).toHaveLength(1);
    const text = pages[0] ?? '';
    for (const expected of [
      'BCH ĐOÀN TỈNH ĐẮK NÔNG',
      'ĐOÀN TNCS HỒ CHÍ MINH',
      'GIẤY CHỨNG NHẬN',
      'Chứng nhận đồng chí: Nguyễn Văn An',
      'Ngày sinh: 03/02/1994',
      'Đơn vị: Đoàn xã Ea Pô',
      // the class's name begins with "Lớp": not "lớp Lớp"
      `Đã hoàn thành ${CLASS_NAME}`,
      'Từ ngày 12/05/2025 đến ngày 14/05/2025',
      'Xếp loại: Giỏi',
      'Số: 001/GCN-2025',
      `http://localhost:3000/verify/${an.verifyCode}`,
      'Gia Nghĩa, ngày',
      'TM. BAN THƯỜNG VỤ',
      'PHÓ BÍ THƯ',
      'Hoàng Văn Sơn',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('ĐÃ THU HỒI');
    // A province heads its own line (HD 29): no central committee above it.
    expect(text).not.toContain('TRUNG ƯƠNG');
    expect(text.indexOf('BCH ĐOÀN TỈNH ĐẮK NÔNG')).toBe(0);
  });

  it('prints a district’s certificate under its province, "BÍ THƯ" when no signer is given, on one page however long the names', async () => {
    const bytes = await renderCertificate({
      number: '12/GCN-HD-CJ-2025',
      verifyUrl: 'https://canbo.example.vn/verify/abcdefghijklmnopqrstuvwx',
      personName: 'Y Bhin Niê',
      birthDate: null,
      unitName: `Chi đoàn ${'Thôn Một Hai Ba Bốn Năm '.repeat(7)}`,
      className: `${CLASS_NAME}, ${'khóa bồi dưỡng dài ngày về nghiệp vụ công tác Đoàn '.repeat(4)}`,
      startDate: '2025-05-12',
      endDate: '2025-05-14',
      grade: null,
      issuer: issuerOf(CU_JUT),
      place: null,
      issuedOn: '2025-05-20',
      signerTitle: 'Bí thư',
      signerName: null,
      revokedOn: null,
    });
    const pages = await pdfPages(bytes);
    expect(pages).toHaveLength(1);
    expect(pages[0]).toMatch(/^BCH ĐOÀN TỈNH ĐẮK NÔNG BCH HUYỆN ĐOÀN CƯ JÚT \*\*\*/);
    expect(pages[0]).toContain('Ngày 20 tháng 05 năm 2025');
    expect(pages[0]).toContain('TM. BAN THƯỜNG VỤ BÍ THƯ');
    expect(pages[0]).not.toContain('Xếp loại');
  });

  it('keeps a long signer name and a long address on the one page', async () => {
    const [page, ...more] = await pdfPages(
      await renderCertificate({
        number: '1/GCN',
        verifyUrl: `https://${'canbo.'.repeat(20)}vn/verify/abcdefghijklmnopqrstuvwx`,
        personName: 'Y Bhin Niê',
        birthDate: '1994-02-03',
        unitName: 'Đoàn xã Ea Pô',
        className: 'Lớp ngắn',
        startDate: '2025-05-12',
        endDate: '2025-05-14',
        grade: 'excellent',
        issuer: issuerOf({
          name: 'Tỉnh đoàn Đắk Nông',
          kind: 'province',
          organisation: 'doan',
          place: 'Gia Nghĩa',
          parent: null,
        }),
        place: 'Gia Nghĩa',
        issuedOn: '2025-05-20',
        signerTitle: 'Phó Bí thư Thường trực',
        signerName: 'Nguyễn Hoàng Minh Thư '.repeat(5),
        revokedOn: '2025-06-01',
      }),
    );
    expect(more).toEqual([]);
    expect(page).toContain('Xếp loại: Xuất sắc');
    expect(page).toContain('ĐÃ THU HỒI');
  });

  it('lets the organiser’s readers, the trainee, and editors of the trainee’s district download, and no one else', async () => {
    for (const [who, s, code] of [
      ['province viewer', w.provinceViewer, 200],
      ['the trainee', w.anAccount, 200],
      ['editor of the trainee’s district', w.editorA, 200],
      ['viewer of the trainee’s district', w.viewerA, 404],
      ['editor of another district', w.editorB, 404],
      ['another trainee', w.otherCadre, 404],
    ] as const) {
      expect((await pdf(s, an)).statusCode, who).toBe(code);
    }
    expect((await pdf(w.editorB, binh)).statusCode).toBe(200);
    expect((await pdf(w.editorA, binh)).statusCode).toBe(404);
  });

  it('bundles the class’s certificates in a ZIP, one PDF each, named by number and name', async () => {
    const res = await zip(w.provinceEditor);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="giay-chung-nhan-lop-boi-duong-chuc-danh-bi-thu-pho-bi-thu-doan-co-so-nam.zip"',
    );
    const entries = zipEntries(res.rawPayload);
    expect(Object.keys(entries)).toEqual([
      '001-GCN-2025 - Nguyen Van An.pdf',
      '002-GCN-2025 - Le Thi Binh.pdf',
      '003-GCN-2025 - Y Bhin Nie.pdf',
    ]);
    const expected: [string, Certificate, string][] = [
      ['001-GCN-2025 - Nguyen Van An.pdf', an, 'Nguyễn Văn An'],
      ['002-GCN-2025 - Le Thi Binh.pdf', binh, 'Lê Thị Bình'],
      ['003-GCN-2025 - Y Bhin Nie.pdf', nie, 'Y Bhin Niê'],
    ];
    for (const [name, c, person] of expected) {
      const data = entries[name] as Uint8Array;
      expect(Buffer.from(data.subarray(0, 5)).toString()).toBe('%PDF-');
      const [page] = await pdfPages(data);
      expect(page).toContain(`Chứng nhận đồng chí: ${person}`);
      expect(page).toContain(`Số: ${c.number}`);
    }
  });

  it('prints the class’s certificates as the pages of one PDF, in number order, each district only its own', async () => {
    const res = await as(t.app, w.provinceEditor).get(`/api/v1/training/classes/${w.classId}/certificates.pdf`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="giay-chung-nhan-lop-boi-duong-chuc-danh-bi-thu-pho-bi-thu-doan-co-so-nam.pdf"',
    );
    const pages = await pdfPages(res.rawPayload);
    expect(pages).toHaveLength(3);
    for (const [i, [c, person]] of (
      [
        [an, 'Nguyễn Văn An'],
        [binh, 'Lê Thị Bình'],
        [nie, 'Y Bhin Niê'],
      ] as const
    ).entries()) {
      expect(pages[i]).toMatch(/^BCH ĐOÀN TỈNH ĐẮK NÔNG/);
      expect(pages[i]).toContain(`Chứng nhận đồng chí: ${person}`);
      expect(pages[i]).toContain(`Số: ${c.number}`);
    }
    const own = await as(t.app, w.editorB).get(`/api/v1/training/classes/${w.classId}/certificates.pdf`);
    const ownPages = await pdfPages(own.rawPayload);
    expect(ownPages).toHaveLength(1);
    expect(ownPages[0]).toContain('Lê Thị Bình');
  });

  it('gives each district only its own trainees’ certificates, and another district’s class not at all', async () => {
    expect(Object.keys(zipEntries((await zip(w.editorA)).rawPayload))).toEqual([
      '001-GCN-2025 - Nguyen Van An.pdf',
      '003-GCN-2025 - Y Bhin Nie.pdf',
    ]);
    expect(Object.keys(zipEntries((await zip(w.editorB)).rawPayload))).toEqual(['002-GCN-2025 - Le Thi Binh.pdf']);
    const theirs = await makeClass(t.ctx, { organiserUnitId: w.dakMil, status: 'completed' });
    expect((await zip(w.editorA, theirs)).statusCode).toBe(404);
    const empty = await makeClass(t.ctx, { organiserUnitId: w.cuJut, status: 'completed', name: 'Lớp chưa cấp' });
    const none = await zip(w.editorA, empty);
    expect(none.statusCode).toBe(404);
    expect(none.json().message).toBe('Lớp "Lớp chưa cấp" chưa có giấy chứng nhận còn hiệu lực nào bạn được tải');
  });

  it('still prints a revoked certificate, stamped "ĐÃ THU HỒI", and leaves it out of the ZIP', async () => {
    const revoked = await as(t.app, w.provinceEditor).post(`/api/v1/training/certificates/${binh.id}/revoke`, {
      version: 1,
      reason: 'Cấp nhầm người',
    });
    expect(revoked.statusCode, revoked.body).toBe(200);
    const res = await pdf(w.provinceEditor, binh);
    expect(res.statusCode).toBe(200);
    const [page] = await pdfPages(res.rawPayload);
    expect(page).toContain('ĐÃ THU HỒI');
    expect(page).toMatch(/Ngày thu hồi: \d\d\/\d\d\/\d{4}/);
    expect(page).toContain('Chứng nhận đồng chí: Lê Thị Bình');
    expect(Object.keys(zipEntries((await zip(w.provinceEditor)).rawPayload))).toEqual([
      '001-GCN-2025 - Nguyen Van An.pdf',
      '003-GCN-2025 - Y Bhin Nie.pdf',
    ]);
  });

  it('names files safely whatever the number and the name hold', () => {
    expect(certificateFileName('001/GCN-2025', 'Đặng Thị Ánh Tuyết')).toBe('001-GCN-2025 - Dang Thi Anh Tuyet.pdf');
    expect(certificateFileName('HD-CJ/12\\"x"', "H'Hen Niê")).toBe("HD-CJ-12-x - H'Hen Nie.pdf");
  });
});
