import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldLabels } from '@canbo/contract';
import { testApp } from '../../../../test/app.ts';
import { makeClass, makeEnrolment, makePerson } from '../../../../test/factories.ts';
import { rowCount, type TestApp } from '../../../../test/fixtures.ts';
import { as } from '../../../../test/http.ts';
import { todayIso } from '../../../lib/dates.ts';
import { classBody, classWorld, historyOf, postClass } from './class.fixtures.ts';

const past = { startDate: '2019-04-02', endDate: '2019-04-04', capacity: null };

describe('historical classes recorded by headcount', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof classWorld>>;

  beforeAll(async () => {
    t = await testApp();
    w = await classWorld(t);
  });
  afterAll(() => t.close());

  const post = (body: Record<string, unknown>) => as(t.app, w.editorA).post('/api/v1/training/classes', body);

  it('is created completed, with its breakdown, and the history says why it skipped the workflow', async () => {
    const headcount = { total: 120, women: 64, minority: 31, doan: 90, hoi: 20, doi: 10 };
    const c = await postClass(
      t,
      w.editorA,
      classBody(w.cuJut, { ...past, name: 'Tập huấn nghiệp vụ 2019', headcount }),
    );
    expect(c).toMatchObject({ status: 'completed', headcount, seated: 0, sessionCount: 0 });
    expect(await historyOf(t, c.id)).toEqual([
      {
        from_status: null,
        to_status: 'completed',
        note: 'Lớp đã học, ghi nhận theo số lượng báo cáo (120 học viên), không có danh sách học viên',
      },
    ]);
    // a bare total is enough
    const bare = await postClass(t, w.editorA, classBody(w.cuJut, { ...past, headcount: { total: 35 } }));
    expect(bare.headcount).toEqual({ total: 35, women: null, minority: null, doan: null, hoi: null, doi: null });
  });

  const bad: [string, Record<string, unknown>, RegExp][] = [
    ['headcount.women', { total: 10, women: 11 }, /^Số nữ: không được lớn hơn Tổng số học viên \(10\)$/],
    ['headcount.minority', { total: 10, minority: 12 }, /^Số người dân tộc thiểu số:/],
    ['headcount.doi', { total: 10, doi: 11 }, /^Số cán bộ Đội:/],
    [
      'headcount',
      { total: 10, doan: 6, hoi: 3, doi: 2 },
      /^Số học viên báo cáo: số cán bộ Đoàn, Hội, Đội cộng lại \(11\)/,
    ],
  ];
  it.each(bad)('refuses a breakdown above the total (%s), storing nothing', async (field, headcount, message) => {
    const before = await rowCount(t, 'training_classes');
    const res = await post(classBody(w.cuJut, { ...past, headcount }));
    expect(res.statusCode).toBe(400);
    expect(res.json().details.field).toBe(field);
    expect(res.json().message).toMatch(message);
    expect(await rowCount(t, 'training_classes')).toBe(before);
  });

  it('refuses a headcount for a class that ends in the future', async () => {
    const res = await post(classBody(w.cuJut, { headcount: { total: 10 } }));
    expect(res.statusCode).toBe(400);
    expect(res.json().details.field).toBe('endDate');
    expect(res.json().message.startsWith(`${fieldLabels.endDate}:`)).toBe(true);
    // ending today is over
    const today = todayIso();
    const ok = await post(classBody(w.cuJut, { startDate: today, endDate: today, headcount: { total: 10 } }));
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('a class with any enrolment cannot get a headcount (409), one without can, once completed', async () => {
    const rostered = await makeClass(t.ctx, { organiserUnitId: w.cuJut, status: 'completed' });
    const p = await makePerson(t.ctx, { unitId: w.grassroots, familyName: 'Lò', givenName: 'Thị Mai' });
    await makeEnrolment(t.ctx, { classId: rostered, personId: p, status: 'withdrawn' });
    const res = await as(t.app, w.editorA).patch(`/api/v1/training/classes/${rostered}`, {
      version: 1,
      headcount: { total: 40 },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'conflict', details: { field: 'headcount' } });
    expect(res.json().message).toContain('1 học viên trong danh sách');

    const draft = await makeClass(t.ctx, { organiserUnitId: w.cuJut, status: 'draft' });
    const early = await as(t.app, w.editorA).patch(`/api/v1/training/classes/${draft}`, {
      version: 1,
      headcount: { total: 40 },
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().details.field).toBe('status');

    const empty = await makeClass(t.ctx, { organiserUnitId: w.cuJut, status: 'completed' });
    const ok = await as(t.app, w.editorA).patch(`/api/v1/training/classes/${empty}`, {
      version: 1,
      headcount: { total: 40, women: 22 },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().headcount).toMatchObject({ total: 40, women: 22 });
  });

  it('a historical class’s headcount can be cleared while it has no enrolments, and its dates corrected', async () => {
    const c = await postClass(t, w.editorA, classBody(w.cuJut, { ...past, headcount: { total: 50 } }));
    const moved = await as(t.app, w.editorA).patch(`/api/v1/training/classes/${c.id}`, {
      version: 1,
      startDate: '2019-04-03',
      endDate: '2019-04-05',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const future = await as(t.app, w.editorA).patch(`/api/v1/training/classes/${c.id}`, {
      version: 2,
      endDate: '2099-01-01',
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().details.field).toBe('endDate');
    const breakdown = await as(t.app, w.editorA).patch(`/api/v1/training/classes/${c.id}`, {
      version: 2,
      headcount: { total: 50, hoi: 51 },
    });
    expect(breakdown.statusCode).toBe(400);
    expect(breakdown.json().details.field).toBe('headcount.hoi');
    const cleared = await as(t.app, w.editorA).patch(`/api/v1/training/classes/${c.id}`, {
      version: 2,
      headcount: null,
    });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json()).toMatchObject({ headcount: null, status: 'completed' });
    // one that somehow carries both (imported data) keeps its headcount until its roster is gone
    const both = await makeClass(t.ctx, { organiserUnitId: w.cuJut, status: 'completed', headcountTotal: 30 });
    const p = await makePerson(t.ctx, { unitId: w.grassroots, familyName: 'Hà', givenName: 'Văn Nam' });
    await makeEnrolment(t.ctx, { classId: both, personId: p });
    const refused = await as(t.app, w.editorA).patch(`/api/v1/training/classes/${both}`, {
      version: 1,
      headcount: null,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().details.field).toBe('headcount');
  });
});
