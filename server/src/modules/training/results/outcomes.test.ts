import type { AttendanceMark, EnrolmentStatus, Grade } from '@canbo/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../../test/app.ts';
import { makeClass, makeEnrolment, makePerson, makeSession, markAttendance } from '../../../../test/factories.ts';
import { twoDistricts, type TestApp } from '../../../../test/fixtures.ts';
import { as, type Session } from '../../../../test/http.ts';
import { inTransaction } from '../../../context.ts';
import { attendancePercent, refreshOutcomes } from './outcomes.ts';

/**
 * The completion rule (outcomes.ts): attended share ≥ the class minimum and a grade at or above the
 * pass grade; staff overrides win over it and can be cleared.
 */
describe('the completion rule', () => {
  let t: TestApp;
  let cuJut: number;
  let editorA: Session;
  let cls: number;
  let sessions: number[];
  let n = 0;

  const refresh = (classId = cls) => inTransaction(t.ctx, (tx) => refreshOutcomes(tx, classId));
  const row = (id: number) =>
    t.db.kysely
      .selectFrom('enrolments')
      .select(['rule_outcome', 'outcome_override', 'version'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  /** A trainee of the class with these marks, one per session in order (null = not marked). */
  async function trainee(
    marks: (AttendanceMark | null)[],
    grade: Grade | null,
    o: { classId?: number; status?: EnrolmentStatus } = {},
  ) {
    const classId = o.classId ?? cls;
    const person = await makePerson(t.ctx, { unitId: cuJut, familyName: 'Trần', givenName: `Học ${++n}` });
    const id = await makeEnrolment(t.ctx, {
      classId,
      personId: person,
      grade,
      ...(o.status ? { status: o.status } : {}),
    });
    const own = o.classId === undefined ? sessions : await classSessions(classId);
    for (const [i, mark] of marks.entries()) {
      if (mark) await markAttendance(t.ctx, { enrolmentId: id, sessionId: own[i] as number, mark });
    }
    return id;
  }
  const classSessions = async (classId: number) =>
    (
      await t.db.kysely
        .selectFrom('class_sessions')
        .select('id')
        .where('class_id', '=', classId)
        .orderBy('id')
        .execute()
    ).map((s) => s.id);

  beforeAll(async () => {
    t = await testApp();
    ({ cuJut, editorA } = await twoDistricts(t));
    // Five sessions, at least 80 % (4 of 5) and at least "trung bình".
    cls = await makeClass(t.ctx, {
      organiserUnitId: cuJut,
      status: 'in_progress',
      minAttendancePercent: 80,
      passGrade: 'average',
    });
    sessions = [];
    for (let i = 0; i < 5; i++) sessions.push(await makeSession(t.ctx, { classId: cls, date: `2025-05-1${i}` }));
  });
  afterAll(() => t.close());

  it('completes a trainee at exactly the minimum share and exactly the pass grade', async () => {
    const id = await trainee(['present', 'present', 'present', 'present', 'absent'], 'average');
    await refresh();
    expect((await row(id)).rule_outcome).toBe('completed');
  });

  it('does not complete a trainee one session below the minimum', async () => {
    const id = await trainee(['present', 'present', 'present', 'absent', null], 'excellent');
    await refresh();
    expect((await row(id)).rule_outcome).toBe('not_completed');
  });

  it('counts an excused absence as an absence', async () => {
    const id = await trainee(['present', 'present', 'present', 'excused', 'absent'], 'good');
    await refresh();
    expect((await row(id)).rule_outcome).toBe('not_completed');
  });

  it('counts a late arrival as attendance', async () => {
    const id = await trainee(['present', 'late', 'late', 'present', 'excused'], 'good');
    await refresh();
    expect((await row(id)).rule_outcome).toBe('completed');
  });

  it('does not complete a trainee without a grade, however fully they attended', async () => {
    const id = await trainee(['present', 'present', 'present', 'present', 'present'], null);
    await refresh();
    expect((await row(id)).rule_outcome).toBe('not_completed');
  });

  it('does not complete a trainee graded below the pass grade', async () => {
    const id = await trainee(['present', 'present', 'present', 'present', 'present'], 'fail');
    await refresh();
    expect((await row(id)).rule_outcome).toBe('not_completed');
  });

  it('compares shares exactly: 2 of 3 sessions (66.7 %) is below a 67 % minimum, and 66 % reaches it', async () => {
    for (const [minimum, expected] of [
      [67, 'not_completed'],
      [66, 'completed'],
    ] as const) {
      const three = await makeClass(t.ctx, {
        organiserUnitId: cuJut,
        status: 'in_progress',
        minAttendancePercent: minimum,
      });
      for (let i = 0; i < 3; i++) await makeSession(t.ctx, { classId: three, date: `2025-06-0${i + 1}` });
      const id = await trainee(['present', 'present', 'absent'], 'fair', { classId: three });
      await refresh(three);
      expect((await row(id)).rule_outcome, `minimum ${minimum} %`).toBe(expected);
    }
    expect(attendancePercent(2, 3)).toBe(66);
  });

  it('judges a class without sessions on the grade alone', async () => {
    const bare = await makeClass(t.ctx, { organiserUnitId: cuJut, status: 'in_progress', passGrade: 'fair' });
    const fair = await trainee([], 'fair', { classId: bare });
    const average = await trainee([], 'average', { classId: bare });
    await refresh(bare);
    expect((await row(fair)).rule_outcome).toBe('completed');
    expect((await row(average)).rule_outcome).toBe('not_completed');
  });

  it('gives no outcome to someone who no longer holds a seat', async () => {
    const id = await trainee(['present', 'present', 'present', 'present', 'present'], 'good');
    await refresh();
    expect((await row(id)).rule_outcome).toBe('completed');
    await t.db.kysely.updateTable('enrolments').set({ status: 'withdrawn' }).where('id', '=', id).execute();
    await refresh();
    expect((await row(id)).rule_outcome).toBeNull();
  });

  it('lets staff override the rule with a reason, keeps the override through later refreshes, and clearing it returns to the rule', async () => {
    const id = await trainee(['present', 'present', 'absent', 'absent', 'absent'], 'good');
    await refresh();
    const api = as(t.app, editorA);
    const recordOf = async () => {
      const enrolment = await t.db.kysely
        .selectFrom('enrolments')
        .select('person_id')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      const page = (await api.get(`/api/v1/people/${enrolment.person_id}/training`)).json();
      return page.items[0].outcome as string | null;
    };
    expect(await recordOf()).toBe('not_completed');

    const set = await api.post(`/api/v1/training/enrolments/${id}/override`, {
      version: (await row(id)).version,
      outcome: 'completed',
      reason: 'Ốm có giấy của bệnh viện, đã học bù và nộp bài thu hoạch',
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({
      enrolmentId: id,
      outcome: 'completed',
      ruleOutcome: 'not_completed',
      outcomeOverridden: true,
      overrideReason: 'Ốm có giấy của bệnh viện, đã học bù và nộp bài thu hoạch',
    });
    await refresh();
    expect(await row(id)).toMatchObject({ rule_outcome: 'not_completed', outcome_override: 'completed' });
    expect(await recordOf()).toBe('completed');

    const cleared = await api.post(`/api/v1/training/enrolments/${id}/override`, {
      version: set.json().version,
      outcome: null,
      reason: 'Nhập nhầm',
    });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json()).toMatchObject({
      outcome: 'not_completed',
      outcomeOverridden: false,
      overrideReason: null,
    });
    expect(await recordOf()).toBe('not_completed');
  });

  it('an override can also fail a trainee the rule would pass', async () => {
    const id = await trainee(['present', 'present', 'present', 'present', 'present'], 'excellent');
    await refresh();
    const res = await as(t.app, editorA).post(`/api/v1/training/enrolments/${id}/override`, {
      version: (await row(id)).version,
      outcome: 'not_completed',
      reason: 'Bài thu hoạch sao chép',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ outcome: 'not_completed', ruleOutcome: 'completed', outcomeOverridden: true });
  });
});
