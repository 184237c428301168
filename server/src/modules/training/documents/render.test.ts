import { describe, expect, it } from 'vitest';
import { issuerOf } from '../../../documents/issuer.ts';
import { CU_JUT, PROVINCE } from '../../../../test/issuers.ts';
import { readPdf, renderDocx, type Rendered } from '../../../../test/render.ts';
import { renderCertificate } from './certificate.ts';
import { signInDocx, signInPdf, type SignInSheet } from './signin.ts';
import { summonsDocx } from './summons.ts';

/**
 * The documents as printed: each laid out by LibreOffice (the .docx) or read from our own PDF, its
 * text as it falls on the page and its page count asserted, its pages saved as PNGs in
 * e2e/screenshots/documents/ to be looked at. Few on purpose: one soffice run takes seconds.
 */

const CLASS = 'Lớp bồi dưỡng nghiệp vụ công tác Đoàn năm 2023';
const trainees = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    name: `Nguyễn Thị Học ${i + 1}`,
    unitName: i % 2 ? 'Đoàn xã Ea Pô' : 'Đoàn xã Nam Dong',
  }));

/** The whole text as one line: sentences wrap where the page ends them, not where the test does. */
const flat = (r: Rendered) => r.lines.join(' ');

/** The Union's header pair as the page shows it: left and right columns side by side, each line whole. */
function expectHeader(r: Rendered, left: string[]): void {
  const top = r.pages[0]!.split('\n').map((l) => l.trim());
  const first = top.findIndex((l) => l !== '');
  expect(top[first]).toMatch(new RegExp(`^${left[0]}\\s{2,}ĐOÀN TNCS HỒ CHÍ MINH$`));
  expect(top.slice(first + 1, first + left.length + 1).map((l) => l.replace(/\s{2,}.*$/, ''))).toEqual([
    ...left.slice(1),
    '***',
  ]);
}

describe('documents as printed', () => {
  it('summons: the heading and "STT" on one line each, the decision quoted once, a blank number, one page', async () => {
    const r = await renderDocx(
      await summonsDocx({
        issuer: issuerOf(PROVINCE),
        number: null,
        date: '2023-06-05',
        className: CLASS,
        startDate: '2023-06-13',
        endDate: '2023-06-15',
        place: 'Hội trường Tỉnh đoàn Đắk Nông',
        decision: 'Quyết định số 512-QĐ/TĐTN-BTC',
        firstSession: { date: '2023-06-13', startsAt: '07:30' },
        recipientUnit: 'Huyện đoàn Cư Jút',
        trainees: trainees(8).map((t) => ({ ...t, title: 'secretary' as const })),
        signerTitle: 'BÍ THƯ',
        signerName: 'Hoàng Văn Sơn',
      }),
      'giay-trieu-tap',
    );
    expect(r.pages).toHaveLength(1);
    expectHeader(r, ['BCH ĐOÀN TỈNH ĐẮK NÔNG']);
    expect(r.lines.some((l) => /^Số: ………-GTT\/TĐTN-BTC$/.test(l.replace(/\s{2,}.*$/, '')))).toBe(true);
    expect(r.lines.some((l) => /Gia Nghĩa, ngày 05 tháng 06 năm 2023$/.test(l))).toBe(true);
    expect(r.lines.filter((l) => /^STT\s+Họ và tên\s+Chức vụ\s+Đơn vị$/.test(l))).toHaveLength(1);
    expect(flat(r)).toContain('Căn cứ Quyết định số 512-QĐ/TĐTN-BTC của Ban Thường vụ Tỉnh đoàn Đắk Nông;');
    expect(flat(r)).not.toMatch(/Quyết định số\s+Quyết định/);
    const foot = r.lines.findIndex((l) => l.includes('TM. BAN THƯỜNG VỤ'));
    expect(r.lines.slice(foot + 1).map((l) => l.replace(/^.*\s{2,}/, ''))).toEqual(
      expect.arrayContaining(['BÍ THƯ', 'Hoàng Văn Sơn']),
    );
  });

  const sheet: SignInSheet = {
    issuer: issuerOf(CU_JUT),
    className: CLASS,
    date: '2023-06-13',
    partLabel: 'Sáng',
    startsAt: '07:30',
    endsAt: '11:30',
    topic: 'Kỹ năng tổ chức sinh hoạt chi đoàn',
    checkinUrl: 'https://canbo.example.vn/checkin/abcdefghijkl',
    trainees: trainees(12).map((t) => ({ ...t, title: 'Bí thư' })),
  };

  it('sign-in sheet (.docx): the Union header pair, the table header on one line, one page', async () => {
    const r = await renderDocx(await signInDocx(sheet), 'danh-sach-ky-ten-docx');
    expect(r.pages).toHaveLength(1);
    expectHeader(r, ['BCH ĐOÀN TỈNH ĐẮK NÔNG', 'BCH HUYỆN ĐOÀN CƯ JÚT']);
    expect(r.lines).toContain('DANH SÁCH HỌC VIÊN KÝ TÊN');
    expect(r.lines.filter((l) => /^STT\s+Họ và tên\s+Đơn vị\s+Chức vụ\s+Ký tên$/.test(l))).toHaveLength(1);
    expect(r.lines).toContain('Tổng số: 12 học viên.');
  });

  it('sign-in sheet (.pdf): the same header pair and table, one page', async () => {
    const r = await readPdf(await signInPdf(sheet), 'danh-sach-ky-ten-pdf');
    expect(r.pages).toHaveLength(1);
    expectHeader(r, ['BCH ĐOÀN TỈNH ĐẮK NÔNG', 'BCH HUYỆN ĐOÀN CƯ JÚT']);
    expect(r.lines.filter((l) => /^STT\s+Họ và tên\s+Đơn vị\s+Chức vụ\s+Ký tên$/.test(l))).toHaveLength(1);
    expect(r.lines).toContain('Tổng số: 12 học viên.');
  });

  it('certificate: the class named once after "Đã hoàn thành", the signer named under the title, one page', async () => {
    const r = await readPdf(
      await renderCertificate({
        number: '001/GCN-2023',
        verifyUrl: 'https://canbo.example.vn/verify/abcdefghijkl',
        personName: 'Nguyễn Thị Hoa',
        birthDate: '1998-03-14',
        unitName: 'Đoàn xã Ea Pô',
        className: CLASS,
        startDate: '2023-06-13',
        endDate: '2023-06-15',
        grade: 'good',
        issuer: issuerOf(PROVINCE),
        place: 'Gia Nghĩa',
        issuedOn: '2023-06-16',
        signerTitle: 'Bí thư',
        signerName: 'Hoàng Văn Sơn',
        revokedOn: null,
      }),
      'giay-chung-nhan',
    );
    expect(r.pages).toHaveLength(1);
    expect(flat(r)).toContain(`Đã hoàn thành ${CLASS}`);
    expect(flat(r)).not.toMatch(/lớp\s+Lớp/);
    const signing = r.lines.map((l) => l.replace(/^.*\s{2,}/, ''));
    const after = signing.slice(signing.indexOf('TM. BAN THƯỜNG VỤ'));
    expect(after[1]).toBe('BÍ THƯ');
    // under the room for the signature and seal (the QR code's address is printed at its left)
    expect(after.indexOf('Hoàng Văn Sơn')).toBeGreaterThan(1);
  });
});
