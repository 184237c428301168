import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Certificate } from '@canbo/contract';
import { testApp } from '../../../../test/app.ts';
import { type TestApp } from '../../../../test/fixtures.ts';
import { pdfPages } from '../../../../test/documents.ts';
import { as } from '../../../../test/http.ts';
import { todayIso } from '../../../lib/dates.ts';
import { CLASS_NAME, certificateWorld, issue } from './certificate.fixtures.ts';

describe('public certificate verification', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof certificateWorld>>;
  let an: Certificate;

  const verify = (code: string) => as(t.app, null).get(`/api/v1/public/certificates/${code}`);

  beforeAll(async () => {
    t = await testApp();
    w = await certificateWorld(t);
    [an] = (await issue(t, w.provinceEditor, w.classId)) as [Certificate];
  });
  afterAll(() => t.close());

  it('answers anyone holding the code, with nothing but what the paper shows', async () => {
    const res = await verify(an.verifyCode);
    expect(res.statusCode, res.body).toBe(200);
    expect(Object.keys(res.json()).sort()).toEqual(
      [
        'className',
        'endDate',
        'grade',
        'issuedOn',
        'issuerName',
        'number',
        'personName',
        'revokedAt',
        'startDate',
        'status',
      ].sort(),
    );
    expect(res.json()).toEqual({
      number: '001/GCN-2025',
      // the paper's date: issued today in this test
      issuedOn: todayIso(),
      personName: 'Nguyễn Văn An',
      className: CLASS_NAME,
      startDate: '2025-05-12',
      endDate: '2025-05-14',
      issuerName: 'Tỉnh đoàn Đắk Nông',
      grade: 'good',
      status: 'valid',
      revokedAt: null,
    });
  });

  it('shows a revoked certificate as revoked, without the reason or anything else about the person', async () => {
    const revoked = await as(t.app, w.provinceEditor).post(`/api/v1/training/certificates/${an.id}/revoke`, {
      version: 1,
      reason: 'Khai man hồ sơ quyxlydo',
    });
    expect(revoked.statusCode).toBe(200);
    const res = await verify(an.verifyCode);
    expect(res.json()).toMatchObject({ status: 'revoked', revokedAt: revoked.json().revokedAt });
    for (const secret of [
      'quyxlydo',
      '1994',
      '03/02',
      '067094001234',
      'Ea Pô',
      'Ea Po',
      '0905123456',
      '@doan.vn',
      'Cư Jút',
    ]) {
      expect(res.body, secret).not.toContain(secret);
    }
    expect(res.json()).not.toHaveProperty('revokeReason');
  });

  it("dates the issue and the revocation by Vietnam's calendar, on the page and on the paper", async () => {
    // 18:30 UTC on 1 December is 01:30 on the 2nd in Vietnam; 20:00 UTC on 10 January is 03:00 on the 11th
    await t.db.kysely
      .updateTable('certificates')
      .set({ issued_at: '2023-12-01T18:30:00.000Z', issued_on: null, revoked_at: '2024-01-10T20:00:00.000Z' })
      .where('id', '=', an.id)
      .execute();
    expect((await verify(an.verifyCode)).json()).toMatchObject({ issuedOn: '2023-12-02', status: 'revoked' });
    const pdf = await as(t.app, w.provinceEditor).get(`/api/v1/training/certificates/${an.id}/certificate.pdf`);
    expect(pdf.statusCode).toBe(200);
    const [page] = await pdfPages(pdf.rawPayload);
    expect(page).toContain('ngày 02 tháng 12 năm 2023');
    expect(page).toContain('Ngày thu hồi: 11/01/2024');
  });

  it('says in Vietnamese that an unknown code matches no certificate, and refuses a malformed one', async () => {
    const res = await verify('KhongCoMaNaoNhuTheNay123');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'not_found' });
    expect(res.json().message).toMatch(/^Không tìm thấy giấy chứng nhận với mã xác minh này/);
    expect((await verify('ngan')).statusCode).toBe(400);
    expect((await verify('co%20dau%20cach%20o%20day')).statusCode).toBe(400);
  });

  it('answers a signed-in user the same, and needs no CSRF token', async () => {
    const res = await as(t.app, w.editorB).get(`/api/v1/public/certificates/${an.verifyCode}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().number).toBe('001/GCN-2025');
  });
});
