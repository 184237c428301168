import type { Grade } from '@canbo/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  classActionLabels,
  classActions,
  classStatuses,
  classStatusLabels,
  classTransitions,
  type ClassAction,
  type ClassStatus,
} from '@canbo/contract';
import { testApp } from '../../../../test/app.ts';
import { makeClass, makeEnrolment, makePerson, makeSession, markAttendance } from '../../../../test/factories.ts';
import type { TestApp } from '../../../../test/fixtures.ts';
import { as } from '../../../../test/http.ts';
import { auditOf, classBody, classWorld, historyOf, postClass } from './class.fixtures.ts';

describe('the class workflow', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof classWorld>>;

  beforeAll(async () => {
    t = await testApp();
    w = await classWorld(t);
  });
  afterAll(() => t.close());

  const step = (id: number, action: ClassAction, version: number, note?: string) =>
    as(t.app, w.editorA).post(`/api/v1/training/classes/${id}/transitions`, { action, version, note });

  const pairs = classActions.flatMap((action) => classStatuses.map((status) => [action, status] as const));

  it.each(pairs)('%s from %s: allowed only from the states the workflow lists', async (action, status) => {
    const id = await makeClass(t.ctx, { organiserUnitId: w.cuJut, status, level: 'district' });
    await makeSession(t.ctx, { classId: id });
    const rule = classTransitions[action];
    const res = await step(id, action, 1, 'Theo kế hoạch số 12-KH/HĐTN');
    const history = await historyOf(t, id);
    if (rule.from.includes(status)) {
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ status: rule.to, version: 2 });
      expect(history).toEqual([{ from_status: status, to_status: rule.to, note: 'Theo kế hoạch số 12-KH/HĐTN' }]);
      const audit = await auditOf(t, 'training_class', id);
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ action, unit_id: w.cuJut });
      expect(JSON.parse(audit[0]!.before!)).toEqual({ status });
    } else {
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json()).toMatchObject({ code: 'conflict', details: { field: 'status', status } });
      // the message names the step and the state the class is in
      const label = classActionLabels[action].toLowerCase();
      expect(res.json().message.toLowerCase()).toContain(`không thể ${label}`);
      expect(res.json().message).toContain(`"${classStatusLabels[status]}"`);
      expect(history).toEqual([]);
      const row = await t.db.kysely
        .selectFrom('training_classes')
        .select(['status', 'version'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ status, version: 1 });
    }
  });

  it('walks a class from draft to closed, each step in the history, oldest first', async () => {
    const c = await postClass(t, w.editorA, classBody(w.cuJut));
    await as(t.app, w.editorA).post(`/api/v1/training/classes/${c.id}/sessions`, {
      date: '2030-05-12',
      part: 'morning',
    });
    const path: ClassAction[] = ['plan', 'open', 'start', 'complete', 'reopen', 'complete', 'close'];
    let version = c.version;
    for (const action of path) {
      const res = await step(c.id, action, version);
      expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
      version = res.json().version;
    }
    const history = await as(t.app, w.viewerA).get(`/api/v1/training/classes/${c.id}/history`);
    expect(history.statusCode).toBe(200);
    const items = history.json<{ items: { fromStatus: ClassStatus | null; toStatus: ClassStatus }[] }>().items;
    expect(items.map((h) => `${h.fromStatus ?? '∅'}→${h.toStatus}`)).toEqual([
      '∅→draft',
      'draft→planned',
      'planned→open',
      'open→in_progress',
      'in_progress→completed',
      'completed→in_progress',
      'in_progress→completed',
      'completed→closed',
    ]);
  });

  it('a rostered class cannot start without a session', async () => {
    const id = await makeClass(t.ctx, { organiserUnitId: w.cuJut, status: 'open' });
    const res = await step(id, 'start', 1);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'conflict', details: { field: 'sessions' } });
    expect(res.json().message).toContain('chưa có buổi học');
    expect(await historyOf(t, id)).toEqual([]);
  });

  it('completing a class applies its completion rule to the trainees', async () => {
    const id = await makeClass(t.ctx, { organiserUnitId: w.cuJut, status: 'in_progress', minAttendancePercent: 50 });
    const s1 = await makeSession(t.ctx, { classId: id, date: '2025-05-12' });
    await makeSession(t.ctx, { classId: id, date: '2025-05-13' });
    const enrol = async (given: string, grade: Grade | null, attended: boolean) => {
      const p = await makePerson(t.ctx, { unitId: w.grassroots, familyName: 'Vũ', givenName: given });
      const e = await makeEnrolment(t.ctx, { classId: id, personId: p, grade });
      if (attended) await markAttendance(t.ctx, { enrolmentId: e, sessionId: s1 });
      return e;
    };
    const passed = await enrol('An', 'good', true);
    const absent = await enrol('Bảo', 'good', false);
    const failed = await enrol('Cúc', 'fail', true);
    expect((await step(id, 'complete', 1)).statusCode).toBe(200);
    const outcomes = await t.db.kysely
      .selectFrom('enrolments')
      .select(['id', 'rule_outcome'])
      .where('class_id', '=', id)
      .execute();
    const of = (e: number) => outcomes.find((o) => o.id === e)?.rule_outcome;
    expect([of(passed), of(absent), of(failed)]).toEqual(['completed', 'not_completed', 'not_completed']);
  });

  it('a stale version is refused, and of two identical steps sent at once exactly one is taken', async () => {
    const id = await makeClass(t.ctx, { organiserUnitId: w.cuJut, status: 'draft' });
    const stale = await step(id, 'plan', 7);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('stale');
    const results = await Promise.all([1, 2, 3, 4].map(() => step(id, 'plan', 1)));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409, 409]);
    expect(await historyOf(t, id)).toHaveLength(1);
  });

  it('only the organiser’s editors move a class along', async () => {
    const id = await makeClass(t.ctx, { organiserUnitId: w.cuJut, status: 'draft' });
    const viewer = await as(t.app, w.viewerA).post(`/api/v1/training/classes/${id}/transitions`, {
      action: 'plan',
      version: 1,
    });
    expect(viewer.statusCode).toBe(403);
    const other = await as(t.app, w.editorB).post(`/api/v1/training/classes/${id}/transitions`, {
      action: 'plan',
      version: 1,
    });
    expect(other.statusCode).toBe(404);
    expect(await historyOf(t, id)).toEqual([]);
  });
});
