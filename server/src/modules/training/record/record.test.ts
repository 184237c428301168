import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TrainingRecordItem } from '@canbo/contract';
import { testApp } from '../../../../test/app.ts';
import {
  makeClass,
  makeEnrolment,
  makePerson,
  makeSession,
  makeUser,
  markAttendance,
} from '../../../../test/factories.ts';
import { twoDistricts, type TestApp } from '../../../../test/fixtures.ts';
import { as, login, type Session } from '../../../../test/http.ts';
import { applyRule, issue } from '../certificates/certificate.fixtures.ts';

describe('a person’s training record', () => {
  let t: TestApp;
  let province: number;
  let cuJut: number;
  let dakMil: number;
  let editorA: Session;
  let viewerA: Session;
  let editorB: Session;
  let person: number;
  let own: Session;
  let colleague: Session;
  const classes: Record<string, number> = {};

  const record = async (s: Session, query = '', id = person) => {
    const res = await as(t.app, s).get(`/api/v1/people/${id}/training${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: TrainingRecordItem[]; total: number; page: number; pageSize: number }>();
  };

  beforeAll(async () => {
    t = await testApp();
    ({ province, cuJut, dakMil, editorA, viewerA, editorB } = await twoDistricts(t));
    person = await makePerson(t.ctx, { unitId: cuJut, familyName: 'Hà', middleName: 'Thị', givenName: 'Lan' });
    const other = await makePerson(t.ctx, { unitId: cuJut, familyName: 'Đỗ', givenName: 'Minh' });
    const signIn = async (u: { login: string; password: string }) => login(t.app, u.login, u.password);
    own = await signIn(await makeUser(t.ctx, { personId: person }));
    colleague = await signIn(await makeUser(t.ctx, { personId: other }));

    // 2023: a province class she completed, with 3 of 4 sessions and a certificate
    classes.province = await makeClass(t.ctx, {
      organiserUnitId: province,
      name: 'Lớp bồi dưỡng Bí thư Đoàn cơ sở 2023',
      status: 'completed',
      startDate: '2023-04-10',
      endDate: '2023-04-13',
      minAttendancePercent: 75,
    });
    const e1 = await makeEnrolment(t.ctx, { classId: classes.province, personId: person, grade: 'good', score: 8.5 });
    for (let i = 0; i < 4; i++) {
      const s = await makeSession(t.ctx, { classId: classes.province, date: `2023-04-1${i}` });
      if (i < 3) await markAttendance(t.ctx, { enrolmentId: e1, sessionId: s, mark: i === 0 ? 'late' : 'present' });
    }
    await applyRule(t, classes.province);
    await issue(t, await signIn(await makeUser(t.ctx, { superadmin: true })), classes.province);

    // 2024: a class of another district (Đắk Mil) she withdrew from
    classes.dakMil = await makeClass(t.ctx, {
      organiserUnitId: dakMil,
      name: 'Lớp kỹ năng quyx của Đắk Mil',
      kindCode: 'skills',
      level: 'district',
      startDate: '2024-09-02',
      endDate: '2024-09-03',
      status: 'completed',
    });
    await makeEnrolment(t.ctx, { classId: classes.dakMil, personId: person, status: 'withdrawn' });

    // 2025: her own district's class, under way, not graded yet
    classes.cuJut = await makeClass(t.ctx, {
      organiserUnitId: cuJut,
      name: 'Lớp chuyển đổi số Cư Jút 2025',
      kindCode: 'digital',
      level: 'district',
      startDate: '2025-03-03',
      endDate: '2025-03-04',
      status: 'in_progress',
    });
    await makeEnrolment(t.ctx, { classId: classes.cuJut, personId: person });
  });
  afterAll(() => t.close());

  it('lists every class of the person, newest first, with attendance, results, outcome and certificate', async () => {
    const page = await record(editorA);
    expect(page.total).toBe(3);
    expect(page.items.map((i) => i.className)).toEqual([
      'Lớp chuyển đổi số Cư Jút 2025',
      'Lớp kỹ năng quyx của Đắk Mil',
      'Lớp bồi dưỡng Bí thư Đoàn cơ sở 2023',
    ]);
    const [current, withdrawn, done] = page.items as [TrainingRecordItem, TrainingRecordItem, TrainingRecordItem];
    expect(current).toMatchObject({
      classId: classes.cuJut,
      kindName: 'Bồi dưỡng chuyển đổi số',
      organiserUnitName: 'Huyện đoàn Cư Jút',
      level: 'district',
      classStatus: 'in_progress',
      enrolmentStatus: 'confirmed',
      attendancePercent: null,
      score: null,
      grade: null,
      outcome: null,
      certificate: null,
    });
    expect(withdrawn).toMatchObject({ enrolmentStatus: 'withdrawn', outcome: null, certificate: null });
    expect(done).toMatchObject({
      classId: classes.province,
      organiserUnitName: 'Tỉnh đoàn Đắk Nông',
      level: 'province',
      startDate: '2023-04-10',
      endDate: '2023-04-13',
      classStatus: 'completed',
      attendancePercent: 75,
      score: 8.5,
      grade: 'good',
      outcome: 'completed',
      certificate: { number: '001/GCN-2023', status: 'valid' },
    });
    expect(done.certificate?.verifyCode).toMatch(/^[A-Za-z0-9_-]{24}$/);
  });

  it('follows the person: her district reads the class another district organised, which it cannot open itself', async () => {
    expect((await as(t.app, editorA).get(`/api/v1/training/classes/${classes.dakMil}`)).statusCode).toBe(404);
    expect((await record(viewerA)).items.map((i) => i.classId)).toContain(classes.dakMil);
  });

  it('is read by the person herself, and by no other cadre or district', async () => {
    expect((await record(own)).total).toBe(3);
    expect((await as(t.app, colleague).get(`/api/v1/people/${person}/training`)).statusCode).toBe(404);
    const res = await as(t.app, editorB).get(`/api/v1/people/${person}/training`);
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('quyx');
  });

  it('pages, sorts oldest first on request, and filters by kind', async () => {
    const first = await record(editorA, '?pageSize=2');
    expect(first).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(first.items).toHaveLength(2);
    expect((await record(editorA, '?pageSize=2&page=2')).items.map((i) => i.classId)).toEqual([classes.province]);
    expect((await record(editorA, '?order=asc')).items.map((i) => i.classId)).toEqual([
      classes.province,
      classes.dakMil,
      classes.cuJut,
    ]);
    expect((await record(editorA, '?kindCode=skills')).items.map((i) => i.classId)).toEqual([classes.dakMil]);
    expect((await as(t.app, editorA).get(`/api/v1/people/${person}/training?pageSize=500`)).statusCode).toBe(400);
  });
});
