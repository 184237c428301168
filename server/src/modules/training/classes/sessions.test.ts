import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClassSession, TrainingClass } from '@canbo/contract';
import { testApp } from '../../../../test/app.ts';
import { makeClass, makeEnrolment, makePerson, makeSession, markAttendance } from '../../../../test/factories.ts';
import { rowCount, type TestApp } from '../../../../test/fixtures.ts';
import { as, type Session } from '../../../../test/http.ts';
import { auditOf, classBody, classWorld, postClass } from './class.fixtures.ts';
import { MAX_SESSIONS } from './sessions.service.ts';

describe('class sessions', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof classWorld>>;
  let cls: TrainingClass;

  beforeAll(async () => {
    t = await testApp();
    w = await classWorld(t);
    cls = await postClass(t, w.editorA, classBody(w.cuJut));
  });
  afterAll(() => t.close());

  const add = (classId: number, body: Record<string, unknown>, s: Session = w.editorA) =>
    as(t.app, s).post(`/api/v1/training/classes/${classId}/sessions`, body);
  const list = async (classId: number, s: Session = w.viewerA) => {
    const res = await as(t.app, s).get(`/api/v1/training/classes/${classId}/sessions`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: ClassSession[] }>().items;
  };

  it('adds sessions with the part’s usual hours and lists them by date, then morning to evening', async () => {
    const bodies = [
      { date: '2030-05-13', part: 'afternoon', topic: 'Kỹ năng thuyết trình', lecturer: 'ThS. Nguyễn Thị Lan' },
      { date: '2030-05-13', part: 'morning' },
      { date: '2030-05-12', part: 'evening', startsAt: '19:30', endsAt: '21:00' },
      { date: '2030-05-14', part: 'full_day' },
      { date: '2030-05-12', part: 'afternoon' },
    ];
    for (const b of bodies) {
      const res = await add(cls.id, b);
      expect(res.statusCode, res.body).toBe(201);
    }
    const items = await list(cls.id);
    expect(items.map((s) => [s.date, s.part, s.startsAt, s.endsAt])).toEqual([
      ['2030-05-12', 'afternoon', '13:30', '17:00'],
      ['2030-05-12', 'evening', '19:30', '21:00'],
      ['2030-05-13', 'morning', '07:30', '11:30'],
      ['2030-05-13', 'afternoon', '13:30', '17:00'],
      ['2030-05-14', 'full_day', '07:30', '17:00'],
    ]);
    expect(items[3]).toMatchObject({ topic: 'Kỹ năng thuyết trình', lecturer: 'ThS. Nguyễn Thị Lan', classId: cls.id });
    const detail = await as(t.app, w.viewerA).get(`/api/v1/training/classes/${cls.id}`);
    expect(detail.json().sessionCount).toBe(5);
    // every session gets its own unguessable QR secret, never shown in the list
    const tokens = await t.db.kysely
      .selectFrom('class_sessions')
      .select('checkin_token')
      .where('class_id', '=', cls.id)
      .execute();
    expect(new Set(tokens.map((r) => r.checkin_token)).size).toBe(5);
    for (const r of tokens) expect(r.checkin_token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(JSON.stringify(items)).not.toContain(tokens[0]!.checkin_token);
    const audit = await auditOf(t, 'class_session', items[0]!.id);
    expect(audit).toEqual([expect.objectContaining({ action: 'create', unit_id: w.cuJut })]);
  });

  it('refuses a session outside the class dates, ending before it starts, or on a taken date and part', async () => {
    const before = await rowCount(t, 'class_sessions');
    const outside = await add(cls.id, { date: '2030-05-15', part: 'morning' });
    expect(outside.statusCode).toBe(400);
    expect(outside.json()).toMatchObject({ details: { field: 'date' } });
    expect(outside.json().message).toBe('Ngày: phải trong thời gian học của lớp, từ 12/05/2030 đến 14/05/2030');
    const backwards = await add(cls.id, { date: '2030-05-14', part: 'evening', startsAt: '21:00', endsAt: '19:00' });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().details.field).toBe('endsAt');
    expect(backwards.json().message).toBe('Giờ kết thúc: phải sau Giờ bắt đầu (21:00)');
    const badTime = await add(cls.id, { date: '2030-05-14', part: 'evening', startsAt: '25:00' });
    expect(badTime.statusCode).toBe(400);
    expect(badTime.json().details.field).toBe('startsAt');
    const taken = await add(cls.id, { date: '2030-05-13', part: 'morning' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'conflict', details: { field: 'part' } });
    expect(taken.json().message).toBe('Buổi: ngày 13/05/2030 lớp đã có buổi sáng');
    expect(await rowCount(t, 'class_sessions')).toBe(before);
  });

  it('edits a session with its version; moving it to another part takes that part’s hours', async () => {
    const [first] = await list(cls.id);
    const res = await as(t.app, w.editorA).patch(`/api/v1/training/sessions/${first!.id}`, {
      version: first!.version,
      part: 'morning',
      lecturer: 'TS. Phạm Văn Hùng',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      part: 'morning',
      startsAt: '07:30',
      endsAt: '11:30',
      lecturer: 'TS. Phạm Văn Hùng',
    });
    const clash = await as(t.app, w.editorA).patch(`/api/v1/training/sessions/${first!.id}`, {
      version: 2,
      date: '2030-05-13',
    });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().details.field).toBe('part');
    const stale = await as(t.app, w.editorA).patch(`/api/v1/training/sessions/${first!.id}`, {
      version: 1,
      topic: 'x',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('stale');
    expect((await auditOf(t, 'class_session', first!.id)).map((a) => a.action)).toEqual(['create', 'update']);
  });

  it('adding or deleting a session re-applies the completion rule; a session with attendance is kept', async () => {
    const id = await makeClass(t.ctx, { organiserUnitId: w.cuJut, status: 'in_progress', minAttendancePercent: 50 });
    const s1 = await makeSession(t.ctx, { classId: id, date: '2025-05-12' });
    await makeSession(t.ctx, { classId: id, date: '2025-05-13' });
    const p = await makePerson(t.ctx, { unitId: w.grassroots, familyName: 'Đinh', givenName: 'Thu' });
    const e = await makeEnrolment(t.ctx, { classId: id, personId: p, grade: 'good' });
    await markAttendance(t.ctx, { enrolmentId: e, sessionId: s1 });
    const outcome = async () =>
      (await t.db.kysely.selectFrom('enrolments').select('rule_outcome').where('id', '=', e).executeTakeFirstOrThrow())
        .rule_outcome;
    // 1 of 3 sessions: below half
    const third = await add(id, { date: '2025-05-14', part: 'morning' });
    expect(third.statusCode, third.body).toBe(201);
    expect(await outcome()).toBe('not_completed');
    // back to 1 of 2
    const del = await as(t.app, w.editorA).delete(`/api/v1/training/sessions/${third.json().id}`);
    expect(del.statusCode, del.body).toBe(204);
    expect(await outcome()).toBe('completed');
    const audit = await auditOf(t, 'class_session', third.json().id);
    expect(audit.map((a) => a.action)).toEqual(['create', 'delete']);
    expect(JSON.parse(audit[1]!.before!)).toMatchObject({ date: '2025-05-14', part: 'morning' });

    const refused = await as(t.app, w.editorA).delete(`/api/v1/training/sessions/${s1}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toBe('Buổi sáng ngày 12/05/2025 đã có 1 lượt điểm danh: không thể xóa');
    expect((await list(id)).map((s) => s.id)).toContain(s1);
  });

  it('a closed or cancelled class’s timetable cannot change', async () => {
    for (const status of ['closed', 'cancelled'] as const) {
      const id = await makeClass(t.ctx, { organiserUnitId: w.cuJut, status });
      const s = await makeSession(t.ctx, { classId: id, date: '2025-05-12' });
      expect((await add(id, { date: '2025-05-13', part: 'morning' })).statusCode).toBe(409);
      const edit = await as(t.app, w.editorA).patch(`/api/v1/training/sessions/${s}`, { version: 1, topic: 'Mới' });
      expect(edit.statusCode).toBe(409);
      expect(edit.json().details).toMatchObject({ field: 'status', status });
      expect((await as(t.app, w.editorA).delete(`/api/v1/training/sessions/${s}`)).statusCode).toBe(409);
    }
  });

  it(`caps a class at ${MAX_SESSIONS} sessions`, async () => {
    const id = await makeClass(t.ctx, {
      organiserUnitId: w.cuJut,
      status: 'planned',
      startDate: '2025-01-01',
      endDate: '2025-12-31',
    });
    for (let i = 0; i < MAX_SESSIONS; i++) {
      const day = new Date(Date.UTC(2025, 0, 1 + i)).toISOString().slice(0, 10);
      await makeSession(t.ctx, { classId: id, date: day });
    }
    const res = await add(id, { date: '2025-12-01', part: 'morning' });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toBe(`Một lớp có tối đa ${MAX_SESSIONS} buổi học`);
  });

  it('of several identical sessions sent at once, exactly one is stored', async () => {
    const id = await makeClass(t.ctx, { organiserUnitId: w.cuJut, status: 'planned' });
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => add(id, { date: '2025-05-13', part: 'afternoon' })));
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409, 409]);
    expect(await list(id)).toHaveLength(1);
  });

  it('scoping: another district sees nothing, a viewer reads but cannot write', async () => {
    const [s] = await list(cls.id);
    expect((await as(t.app, w.editorB).get(`/api/v1/training/classes/${cls.id}/sessions`)).statusCode).toBe(404);
    expect((await add(cls.id, { date: '2030-05-14', part: 'evening' }, w.editorB)).statusCode).toBe(404);
    const otherEdit = await as(t.app, w.editorB).patch(`/api/v1/training/sessions/${s!.id}`, {
      version: 1,
      topic: 'x',
    });
    expect(otherEdit.statusCode).toBe(404);
    expect((await as(t.app, w.editorB).delete(`/api/v1/training/sessions/${s!.id}`)).statusCode).toBe(404);
    expect((await add(cls.id, { date: '2030-05-14', part: 'evening' }, w.viewerA)).statusCode).toBe(403);
    expect((await as(t.app, w.viewerA).delete(`/api/v1/training/sessions/${s!.id}`)).statusCode).toBe(403);
    expect((await list(cls.id)).map((x) => x.id)).toContain(s!.id);
  });
});
