import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../test/app.ts';
import { makeClass, makeSession, makeTrainees, makeUnit, makeUser } from '../../test/factories.ts';
import type { TestApp } from '../../test/fixtures.ts';
import { as, login, type Session } from '../../test/http.ts';

describe('the heavy-work pool', () => {
  let t: TestApp;
  let first: Session;
  let second: Session;
  let session: number;

  beforeAll(async () => {
    // One thread, no queue, one job per user: the second document at the same time is refused.
    t = await testApp({ heavy: { threads: 1, queue: 0, perUser: 1, retryAfter: 7 } });
    const unit = await makeUnit(t.ctx, { name: 'Tỉnh đoàn Đắk Nông' });
    const a = await makeUser(t.ctx, { grants: [{ unitId: unit, role: 'viewer' }] });
    const b = await makeUser(t.ctx, { grants: [{ unitId: unit, role: 'viewer' }] });
    first = await login(t.app, a.login, a.password);
    second = await login(t.app, b.login, b.password);
    const cls = await makeClass(t.ctx, { organiserUnitId: unit, status: 'in_progress' });
    session = await makeSession(t.ctx, { classId: cls, date: '2025-05-12', part: 'morning' });
    await makeTrainees(t.ctx, { classId: cls, unitId: unit, count: 1500 });
  });
  afterAll(() => t.close());

  const signInPdf = (who: Session) => as(t.app, who).get(`/api/v1/training/sessions/${session}/sign-in.pdf`);

  function expectBusy(res: Awaited<ReturnType<typeof signInPdf>>) {
    expect(res.statusCode, res.body).toBe(429);
    expect(res.headers['retry-after']).toBe('7');
    expect(res.json()).toMatchObject({ code: 'rate_limited', details: { retryAfter: 7 } });
    expect(res.json().message).toContain('thử lại sau 7 giây');
  }

  it('answers 429 with Retry-After to a user who already has a document being made', async () => {
    const [a, b] = await Promise.all([signInPdf(first), signInPdf(first)]);
    const statuses = [a.statusCode, b.statusCode].sort();
    expect(statuses).toEqual([200, 429]);
    expectBusy(a.statusCode === 429 ? a : b);
  });

  it('answers 429 to another user when every thread is busy and the queue is full', async () => {
    const [a, b] = await Promise.all([signInPdf(first), signInPdf(second)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 429]);
    expectBusy(a.statusCode === 429 ? a : b);
  });

  const peopleXlsx = (who: Session) => as(t.app, who).get('/api/v1/people/export.xlsx');

  it('counts a list export against the same limit: a second one at once is refused before any byte', async () => {
    const [a, b] = await Promise.all([peopleXlsx(first), peopleXlsx(first)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 429]);
    expectBusy(a.statusCode === 429 ? a : b);
    const done = a.statusCode === 200 ? a : b;
    expect(done.headers['content-type']).toContain('spreadsheetml');
    expect(done.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses a document while an export of the same user is being written, and frees the slot after', async () => {
    const [a, b] = await Promise.all([peopleXlsx(first), signInPdf(first)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 429]);
    expectBusy(a.statusCode === 429 ? a : b);
    expect((await peopleXlsx(first)).statusCode).toBe(200);
  });

  it('makes the document once the earlier one is done', async () => {
    const res = await signInPdf(second);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
