import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../test/app.ts';
import { makeClass } from '../test/factories.ts';
import { twoDistricts, type TestApp } from '../test/fixtures.ts';
import { as, type Session } from '../test/http.ts';

describe('request body limits', () => {
  let t: TestApp;
  let admin: Session;
  let province: number;

  beforeAll(async () => {
    t = await testApp();
    ({ admin, province } = await twoDistricts(t));
  });
  afterAll(() => t.close());

  it('refuses an anonymous login body past a few KB with 413 before reading it as JSON', async () => {
    // Nested arrays cost the parser time and memory out of proportion to their size.
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: `{"login":"admin","password":"x","pad":${'['.repeat(3000)}${']'.repeat(3000)}}`,
    });
    expect(res.statusCode, res.body).toBe(413);
    expect(res.json()).toMatchObject({ code: 'validation', details: { limit: 4096 } });
    expect(res.json().message).toBe('Dữ liệu gửi lên quá lớn: tối đa 4 KB cho thao tác này');
  });

  it('still reads an ordinary login', async () => {
    const res = await as(t.app, null).post('/api/v1/auth/login', { login: 'khong-co', password: 'sai-mat-khau-1' });
    expect(res.statusCode, res.body).toBe(401);
  });

  it('refuses a JSON body past the default limit with 413, naming the limit in Vietnamese', async () => {
    const res = await as(t.app, admin).post('/api/v1/people', {
      familyName: 'Nguyễn',
      givenName: 'An',
      unitId: province,
      notes: 'x'.repeat(300 * 1024),
    });
    expect(res.statusCode, res.body).toBe(413);
    expect(res.json().message).toBe('Dữ liệu gửi lên quá lớn: tối đa 256 KB cho thao tác này');
  });

  it('takes the bulk marks of a large class (20,000 marks, over 1 MB) on the attendance route', async () => {
    const cls = await makeClass(t.ctx, { organiserUnitId: province, status: 'in_progress' });
    const marks = Array.from({ length: 20_000 }, (_, i) => ({
      enrolmentId: 1_000_000_000 + i,
      sessionId: 1_000_000_000 + (i % 100),
      mark: 'excused',
    }));
    const body = JSON.stringify({ marks });
    expect(body.length).toBeGreaterThan(1024 * 1024);
    const res = await as(t.app, admin).put(`/api/v1/training/classes/${cls}/attendance`, { marks });
    // Read and answered on its merits (unknown trainees), not refused for its size.
    expect(res.statusCode, res.body).not.toBe(413);
    expect(res.statusCode).toBeLessThan(500);
  });
});
