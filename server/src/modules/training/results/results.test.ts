import type { ClassStatus, EnrolmentStatus } from '@canbo/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../../test/app.ts';
import { makeClass, makeEnrolment, makePerson, makeSession, markAttendance } from '../../../../test/factories.ts';
import { twoDistricts, type TestApp } from '../../../../test/fixtures.ts';
import { as, type Session } from '../../../../test/http.ts';
import { gradeOfScore, tenths } from './grades.ts';

describe('grades from scores', () => {
  it('bands a score on the 10-point scale, each boundary in the higher band', () => {
    const cases: [number, string][] = [
      [10, 'excellent'],
      [9, 'excellent'],
      [8.9, 'good'],
      [8, 'good'],
      [7.9, 'fair'],
      [6.5, 'fair'],
      [6.4, 'average'],
      [5, 'average'],
      [4.9, 'fail'],
      [0, 'fail'],
    ];
    for (const [score, grade] of cases) expect(gradeOfScore(score), String(score)).toBe(grade);
  });

  it('keeps scores to one decimal', () => {
    expect(tenths(8.5)).toBe(8.5);
    expect(tenths(0.1 + 0.2)).toBe(0.3);
    expect(tenths(8.55)).toBeNull();
  });
});

describe('results and overrides', () => {
  let t: TestApp;
  let cuJut: number;
  let dakMil: number;
  let editorA: Session;
  let viewerA: Session;
  let editorB: Session;
  let cls: number;
  let session: number;
  let n = 0;

  const enrolment = (id: number) =>
    t.db.kysely
      .selectFrom('enrolments')
      .select(['score', 'grade', 'rule_outcome', 'outcome_override', 'override_reason', 'version'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  const setStatus = (status: ClassStatus, id = cls) =>
    t.db.kysely.updateTable('training_classes').set({ status }).where('id', '=', id).execute();
  async function trainee(o: { classId?: number; status?: EnrolmentStatus; unitId?: number } = {}) {
    const person = await makePerson(t.ctx, {
      unitId: o.unitId ?? cuJut,
      familyName: 'Lê',
      middleName: 'Thị',
      givenName: `Học viên ${++n}`,
    });
    const id = await makeEnrolment(t.ctx, {
      classId: o.classId ?? cls,
      personId: person,
      ...(o.status ? { status: o.status } : {}),
    });
    if ((o.classId ?? cls) === cls) await markAttendance(t.ctx, { enrolmentId: id, sessionId: session });
    return id;
  }
  const put = (s: Session, body: unknown, classId = cls) =>
    as(t.app, s).put(`/api/v1/training/classes/${classId}/results`, body);

  beforeAll(async () => {
    t = await testApp();
    ({ cuJut, dakMil, editorA, viewerA, editorB } = await twoDistricts(t));
    cls = await makeClass(t.ctx, { organiserUnitId: cuJut, status: 'in_progress', level: 'district' });
    session = await makeSession(t.ctx, { classId: cls });
  });
  afterAll(() => t.close());

  it('derives the grade from a score given alone, takes a given grade as it is, and applies the completion rule', async () => {
    const [a, b, c] = [await trainee(), await trainee(), await trainee()];
    const res = await put(editorA, {
      results: [
        { enrolmentId: a, score: 8.5 },
        { enrolmentId: b, score: 4.5 },
        { enrolmentId: c, score: 9.5, grade: 'good' },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ changed: 3 });
    expect(await enrolment(a)).toMatchObject({ score: 8.5, grade: 'good', rule_outcome: 'completed', version: 2 });
    expect(await enrolment(b)).toMatchObject({ score: 4.5, grade: 'fail', rule_outcome: 'not_completed' });
    expect(await enrolment(c)).toMatchObject({ score: 9.5, grade: 'good', rule_outcome: 'completed' });

    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .selectAll()
      .where('entity', '=', 'enrolment')
      .where('entity_id', '=', a)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'results', unit_id: cuJut });
    expect(JSON.parse(audit[0]?.before ?? '')).toMatchObject({ score: null, grade: null, outcome: null });
    expect(JSON.parse(audit[0]?.after ?? '')).toMatchObject({ score: 8.5, grade: 'good', outcome: 'completed' });
  });

  it('counts and audits only the rows that change; a grade alone keeps the score, null clears', async () => {
    const [a, b] = [await trainee(), await trainee()];
    await put(editorA, {
      results: [
        { enrolmentId: a, score: 7 },
        { enrolmentId: b, score: 7 },
      ],
    });
    const auditCount = async () =>
      (await t.db.kysely.selectFrom('audit_log').select('id').where('entity', '=', 'enrolment').execute()).length;
    const before = await auditCount();
    const res = await put(editorA, {
      results: [
        { enrolmentId: a, score: 7 },
        { enrolmentId: b, grade: 'excellent' },
      ],
    });
    expect(res.json()).toEqual({ changed: 1 });
    expect(await auditCount()).toBe(before + 1);
    expect(await enrolment(b)).toMatchObject({ score: 7, grade: 'excellent' });
    await put(editorA, { results: [{ enrolmentId: b, score: null, grade: null }] });
    expect(await enrolment(b)).toMatchObject({ score: null, grade: null, rule_outcome: 'not_completed' });
  });

  it('refuses a row of another class, naming the row, and saves none of the others', async () => {
    const mine = await trainee();
    const otherClass = await makeClass(t.ctx, { organiserUnitId: cuJut, status: 'in_progress' });
    const stranger = await trainee({ classId: otherClass });
    const res = await put(editorA, {
      results: [
        { enrolmentId: mine, score: 9 },
        { enrolmentId: stranger, score: 9 },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toMatchObject({ field: 'results.1.enrolmentId', row: 2 });
    expect(res.json().message).toMatch(/^Dòng 2: Học viên: không phải học viên của lớp này/);
    expect(await enrolment(mine)).toMatchObject({ score: null, grade: null });
  });

  it('refuses a trainee who no longer holds a seat, a row given twice, and a score with two decimals', async () => {
    const withdrawn = await trainee({ status: 'withdrawn' });
    const waitlisted = await trainee({ status: 'waitlisted' });
    const ok = await trainee();
    const cases: [unknown[], string][] = [
      [[{ enrolmentId: withdrawn, score: 8 }], 'results.0.enrolmentId'],
      [
        [
          { enrolmentId: ok, score: 8 },
          { enrolmentId: waitlisted, score: 8 },
        ],
        'results.1.enrolmentId',
      ],
      [
        [
          { enrolmentId: ok, score: 8 },
          { enrolmentId: ok, score: 9 },
        ],
        'results.1.enrolmentId',
      ],
      [[{ enrolmentId: ok, score: 8.25 }], 'results.0.score'],
    ];
    for (const [results, field] of cases) {
      const res = await put(editorA, { results });
      expect(res.statusCode, JSON.stringify(results)).toBe(400);
      expect(res.json().details.field).toBe(field);
    }
    expect(await enrolment(ok)).toMatchObject({ score: null });
    const schema = await put(editorA, { results: [{ enrolmentId: ok, score: 10.5 }] });
    expect(schema.statusCode).toBe(400);
  });

  it('takes results while the class runs and after it ends, not before it starts nor once it is closed', async () => {
    const id = await trainee();
    for (const [status, code] of [
      ['open', 409],
      ['closed', 409],
      ['completed', 200],
      ['in_progress', 200],
    ] as const) {
      await setStatus(status);
      const res = await put(editorA, { results: [{ enrolmentId: id, score: status === 'completed' ? 6 : 7 }] });
      expect(res.statusCode, status).toBe(code);
      if (code === 409) expect(res.json().code).toBe('conflict');
    }
  });

  it('lets only the organiser enter results: a viewer is refused, another district does not see the class', async () => {
    const id = await trainee();
    expect((await put(viewerA, { results: [{ enrolmentId: id, score: 9 }] })).statusCode).toBe(403);
    expect((await put(editorB, { results: [{ enrolmentId: id, score: 9 }] })).statusCode).toBe(404);
    const otherDistrict = await makeClass(t.ctx, { organiserUnitId: dakMil, status: 'in_progress' });
    const theirs = await trainee({ classId: otherDistrict, unitId: dakMil });
    const res = await put(editorA, { results: [{ enrolmentId: theirs, score: 9 }] }, otherDistrict);
    expect(res.statusCode).toBe(404);
    expect(await enrolment(id)).toMatchObject({ score: null });
    expect(await enrolment(theirs)).toMatchObject({ score: null });
  });

  it('freezes the results of a trainee holding a valid certificate', async () => {
    const id = await trainee();
    await put(editorA, { results: [{ enrolmentId: id, score: 8 }] });
    await setStatus('completed');
    const issued = await as(t.app, editorA).post(`/api/v1/training/classes/${cls}/certificates`, {
      enrolmentIds: [id],
    });
    expect(issued.statusCode, issued.body).toBe(201);
    const res = await put(editorA, { results: [{ enrolmentId: id, score: 3 }] });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('thu hồi giấy chứng nhận');
    const override = await as(t.app, editorA).post(`/api/v1/training/enrolments/${id}/override`, {
      version: (await enrolment(id)).version,
      outcome: 'not_completed',
      reason: 'Sai sót',
    });
    expect(override.statusCode).toBe(409);
    // an unchanged row does not touch the certificate's results
    expect((await put(editorA, { results: [{ enrolmentId: id, score: 8 }] })).json()).toEqual({ changed: 0 });
    await setStatus('in_progress');
  });

  describe('override', () => {
    const override = (s: Session, id: number, body: unknown) =>
      as(t.app, s).post(`/api/v1/training/enrolments/${id}/override`, body);

    it('asks for a reason when it sets an outcome', async () => {
      const id = await trainee();
      for (const reason of [undefined, '', '   ']) {
        const res = await override(editorA, id, { version: 1, outcome: 'completed', reason });
        expect(res.statusCode).toBe(400);
        expect(res.json().details.field).toBe('reason');
        expect(res.json().message).toMatch(/^Lý do:/);
      }
      expect(await enrolment(id)).toMatchObject({ outcome_override: null, version: 1 });
    });

    it('refuses a stale version and records each decision in the audit log', async () => {
      const id = await trainee();
      const stale = await override(editorA, id, { version: 7, outcome: 'completed', reason: 'Học bù' });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().code).toBe('stale');
      const ok = await override(editorA, id, { version: 1, outcome: 'completed', reason: 'Học bù' });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(await enrolment(id)).toMatchObject({
        outcome_override: 'completed',
        override_reason: 'Học bù',
        version: 2,
      });
      const again = await override(editorA, id, { version: 1, outcome: null, reason: null });
      expect(again.json().code).toBe('stale');
      const audit = await t.db.kysely
        .selectFrom('audit_log')
        .select(['action', 'after'])
        .where('entity', '=', 'enrolment')
        .where('entity_id', '=', id)
        .execute();
      expect(audit.map((a) => a.action)).toEqual(['override']);
      expect(JSON.parse(audit[0]?.after ?? '')).toMatchObject({ outcomeOverride: 'completed', reason: 'Học bù' });
    });

    it('is the organiser’s decision: a viewer is refused, another district does not see the trainee', async () => {
      const id = await trainee();
      const body = { version: 1, outcome: 'completed', reason: 'Học bù' };
      expect((await override(viewerA, id, body)).statusCode).toBe(403);
      expect((await override(editorB, id, body)).statusCode).toBe(404);
      expect(await enrolment(id)).toMatchObject({ outcome_override: null, version: 1 });
    });

    it('is refused for a trainee who withdrew', async () => {
      const id = await trainee({ status: 'withdrawn' });
      const res = await override(editorA, id, { version: 1, outcome: 'completed', reason: 'Học bù' });
      expect(res.statusCode).toBe(409);
    });
  });
});
