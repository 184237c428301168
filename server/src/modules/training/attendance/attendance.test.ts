import type { ClassStatus } from '@canbo/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../../test/app.ts';
import {
  actorOfUser,
  makeAllocation,
  makeClass,
  makeEnrolment,
  makePerson,
  makeSession,
  makeTrainees,
  makeUser,
  markAttendance,
} from '../../../../test/factories.ts';
import { rowCount, twoDistricts, type TestApp } from '../../../../test/fixtures.ts';
import { as, login, type Session } from '../../../../test/http.ts';
import { getAttendanceGrid, saveAttendance } from './attendance.service.ts';

describe('attendance grid and bulk marking', () => {
  let t: TestApp;
  let province: number;
  let cuJut: number;
  let dakMil: number;
  let editorA: Session;
  let editorB: Session;
  let organiser: Session;
  let stranger: Session;
  let organiserId: number;
  let cls: number;
  let sessions: { morning: number; afternoon: number; nextDay: number };
  /** Seated trainees by given name. */
  const e: Record<string, number> = {};
  let waitlisted: number;
  let withdrawn: number;
  let otherClassSession: number;

  const setStatus = (status: ClassStatus, id = cls) =>
    t.db.kysely.updateTable('training_classes').set({ status }).where('id', '=', id).execute();
  const outcomeOf = async (enrolmentId: number) =>
    (
      await t.db.kysely
        .selectFrom('enrolments')
        .select('rule_outcome')
        .where('id', '=', enrolmentId)
        .executeTakeFirstOrThrow()
    ).rule_outcome;
  const attendanceRows = () =>
    t.db.kysely.selectFrom('attendance').selectAll().orderBy('enrolment_id').orderBy('session_id').execute();
  const marksBody = (marks: [number, number, string | null][]) => ({
    marks: marks.map(([enrolmentId, sessionId, mark]) => ({ enrolmentId, sessionId, mark })),
  });

  beforeAll(async () => {
    t = await testApp();
    ({ province, cuJut, dakMil, editorA, editorB } = await twoDistricts(t));
    const org = await makeUser(t.ctx, { grants: [{ unitId: province, role: 'editor' }] });
    organiserId = org.id;
    organiser = await login(t.app, org.login, org.password);
    const nobody = await makeUser(t.ctx);
    stranger = await login(t.app, nobody.login, nobody.password);
    cls = await makeClass(t.ctx, {
      organiserUnitId: province,
      name: 'Lớp bồi dưỡng bí thư đoàn cơ sở 2025',
      status: 'in_progress',
      minAttendancePercent: 60,
    });
    const allocA = await makeAllocation(t.ctx, { classId: cls, unitId: cuJut, seats: 10 });
    const allocB = await makeAllocation(t.ctx, { classId: cls, unitId: dakMil, seats: 10 });
    // created out of order: the grid orders them by date, then part of the day
    const nextDay = await makeSession(t.ctx, { classId: cls, date: '2025-05-13', part: 'full_day' });
    const afternoon = await makeSession(t.ctx, { classId: cls, date: '2025-05-12', part: 'afternoon' });
    const morning = await makeSession(t.ctx, { classId: cls, date: '2025-05-12', part: 'morning' });
    sessions = { morning, afternoon, nextDay };
    const people: [string, string | null, string, number, number][] = [
      ['Trần', 'Thị', 'Ánh', cuJut, allocA],
      ['Nguyễn', 'Văn', 'An', cuJut, allocA],
      ['Y', 'Bhin', 'Niê', dakMil, allocB],
      ['Lê', 'Văn', 'Bình', cuJut, allocA],
      ['Đặng', 'Thị', 'Yến', dakMil, allocB],
    ];
    for (const [familyName, middleName, givenName, unitId, allocationId] of people) {
      const personId = await makePerson(t.ctx, { unitId, familyName, middleName, givenName });
      e[givenName] = await makeEnrolment(t.ctx, { classId: cls, personId, allocationId, grade: 'good' });
    }
    const w = await makePerson(t.ctx, { unitId: cuJut, familyName: 'Hà', givenName: 'Chờ' });
    waitlisted = await makeEnrolment(t.ctx, { classId: cls, personId: w, status: 'waitlisted' });
    const x = await makePerson(t.ctx, { unitId: cuJut, familyName: 'Hà', givenName: 'Rút' });
    withdrawn = await makeEnrolment(t.ctx, { classId: cls, personId: x, status: 'withdrawn' });
    const other = await makeClass(t.ctx, { organiserUnitId: province, status: 'in_progress' });
    otherClassSession = await makeSession(t.ctx, { classId: other });
    await markAttendance(t.ctx, { enrolmentId: e['An']!, sessionId: morning, mark: 'present' });
    await markAttendance(t.ctx, { enrolmentId: e['An']!, sessionId: nextDay, mark: 'late' });
    await markAttendance(t.ctx, { enrolmentId: e['Bình']!, sessionId: afternoon, mark: 'excused' });
  });
  afterAll(() => t.close());

  describe('the grid', () => {
    it('lists the sessions in the order they are held and the seated trainees in Vietnamese name order', async () => {
      const res = await as(t.app, organiser).get(`/api/v1/training/classes/${cls}/attendance`);
      expect(res.statusCode, res.body).toBe(200);
      const grid = res.json();
      expect(grid.sessions.map((s: { id: number }) => s.id)).toEqual([
        sessions.morning,
        sessions.afternoon,
        sessions.nextDay,
      ]);
      expect(grid.sessions[0]).toMatchObject({ date: '2025-05-12', part: 'morning', startsAt: '07:30' });
      expect(grid.rows.map((r: { personName: string }) => r.personName)).toEqual([
        'Nguyễn Văn An',
        'Trần Thị Ánh',
        'Lê Văn Bình',
        'Y Bhin Niê',
        'Đặng Thị Yến',
      ]);
      expect(grid.total).toBe(5);
      expect(grid.rows.map((r: { enrolmentId: number }) => r.enrolmentId)).not.toContain(waitlisted);
      expect(grid.rows.map((r: { enrolmentId: number }) => r.enrolmentId)).not.toContain(withdrawn);
    });

    it('aligns each trainee’s marks with the sessions and counts present and late as attended', async () => {
      const grid = (await as(t.app, organiser).get(`/api/v1/training/classes/${cls}/attendance`)).json();
      const row = (name: string) => grid.rows.find((r: { personName: string }) => r.personName === name);
      expect(row('Nguyễn Văn An')).toMatchObject({
        marks: ['present', null, 'late'],
        attendancePercent: 66,
        unitName: 'Huyện đoàn Cư Jút',
        title: 'secretary',
      });
      expect(row('Lê Văn Bình')).toMatchObject({ marks: [null, 'excused', null], attendancePercent: 0 });
      expect(row('Trần Thị Ánh').marks).toEqual([null, null, null]);
    });

    it('pages the trainees and searches names without diacritics', async () => {
      const api = as(t.app, organiser);
      const page = (await api.get(`/api/v1/training/classes/${cls}/attendance?pageSize=2&page=2`)).json();
      expect(page).toMatchObject({ total: 5, page: 2, pageSize: 2 });
      expect(page.rows.map((r: { personName: string }) => r.personName)).toEqual(['Lê Văn Bình', 'Y Bhin Niê']);
      const desc = (await api.get(`/api/v1/training/classes/${cls}/attendance?order=desc&pageSize=1`)).json();
      expect(desc.rows[0].personName).toBe('Đặng Thị Yến');
      const found = (await api.get(`/api/v1/training/classes/${cls}/attendance?q=anh`)).json();
      expect(found.rows.map((r: { personName: string }) => r.personName)).toEqual(['Trần Thị Ánh']);
      expect(found.total).toBe(1);
      const yen = (await api.get(`/api/v1/training/classes/${cls}/attendance?q=dang%20thi%20yen`)).json();
      expect(yen.rows.map((r: { personName: string }) => r.personName)).toEqual(['Đặng Thị Yến']);
    });

    it('a district editor sees only its own trainees of the province class', async () => {
      const a = (await as(t.app, editorA).get(`/api/v1/training/classes/${cls}/attendance?pageSize=500`)).json();
      expect(a.rows.map((r: { personName: string }) => r.personName)).toEqual([
        'Nguyễn Văn An',
        'Trần Thị Ánh',
        'Lê Văn Bình',
      ]);
      expect(a.total).toBe(3);
      const b = (await as(t.app, editorB).get(`/api/v1/training/classes/${cls}/attendance?q=binh`)).json();
      expect(b.rows.map((r: { personName: string }) => r.personName)).toEqual([]);
      const bAll = (await as(t.app, editorB).get(`/api/v1/training/classes/${cls}/attendance`)).json();
      expect(bAll.rows.map((r: { personName: string }) => r.personName)).toEqual(['Y Bhin Niê', 'Đặng Thị Yến']);
    });

    it('is not found for someone who cannot see the class', async () => {
      const res = await as(t.app, stranger).get(`/api/v1/training/classes/${cls}/attendance`);
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain('Nguyễn Văn An');
    });

    it('refuses a page larger than 500', async () => {
      const res = await as(t.app, organiser).get(`/api/v1/training/classes/${cls}/attendance?pageSize=501`);
      expect(res.statusCode).toBe(400);
    });
  });

  describe('bulk marking', () => {
    it('stores the marks, applies the completion rule again, and audits each trainee whose marks changed', async () => {
      const api = as(t.app, organiser);
      const ye = e['Yến']!;
      expect(await outcomeOf(ye)).toBeNull();
      const auditBefore = await rowCount(t, 'audit_log');
      const res = await api.put(
        `/api/v1/training/classes/${cls}/attendance`,
        marksBody([
          [ye, sessions.morning, 'present'],
          [ye, sessions.afternoon, 'late'],
          [ye, sessions.nextDay, 'absent'],
          [e['Niê']!, sessions.morning, 'excused'],
        ]),
      );
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ changed: 4 });
      // 2 of 3 attended = 66% ≥ 60%, grade good: completed; Niê attended none
      expect(await outcomeOf(ye)).toBe('completed');
      expect(await outcomeOf(e['Niê']!)).toBe('not_completed');
      const stored = await t.db.kysely
        .selectFrom('attendance')
        .selectAll()
        .where('enrolment_id', '=', ye)
        .orderBy('session_id')
        .execute();
      expect(stored.map((a) => [a.session_id, a.mark, a.method, a.marked_by])).toEqual(
        [
          [sessions.nextDay, 'absent', 'grid', organiserId],
          [sessions.afternoon, 'late', 'grid', organiserId],
          [sessions.morning, 'present', 'grid', organiserId],
        ].sort((x, y) => (x[0] as number) - (y[0] as number)),
      );
      expect(await rowCount(t, 'audit_log')).toBe(auditBefore + 2);
      const audit = await t.db.kysely
        .selectFrom('audit_log')
        .selectAll()
        .where('entity', '=', 'enrolment')
        .where('entity_id', '=', ye)
        .executeTakeFirstOrThrow();
      expect(audit).toMatchObject({ action: 'attendance', actor_user_id: organiserId });
      expect(JSON.parse(audit.before!)).toEqual({});
      expect(JSON.parse(audit.after!)).toEqual({
        [`12/05/2025 Sáng (#${sessions.morning})`]: 'present',
        [`12/05/2025 Chiều (#${sessions.afternoon})`]: 'late',
        [`13/05/2025 Cả ngày (#${sessions.nextDay})`]: 'absent',
      });
    });

    it('changing one absence to present turns the outcome, and a null clears a mark', async () => {
      const api = as(t.app, organiser);
      const ni = e['Niê']!;
      await api.put(
        `/api/v1/training/classes/${cls}/attendance`,
        marksBody([
          [ni, sessions.morning, 'present'],
          [ni, sessions.afternoon, 'present'],
        ]),
      );
      expect(await outcomeOf(ni)).toBe('completed');
      const res = await api.put(
        `/api/v1/training/classes/${cls}/attendance`,
        marksBody([[ni, sessions.afternoon, null]]),
      );
      expect(res.json()).toEqual({ changed: 1 });
      expect(await outcomeOf(ni)).toBe('not_completed');
      const left = await t.db.kysely
        .selectFrom('attendance')
        .select('session_id')
        .where('enrolment_id', '=', ni)
        .execute();
      expect(left.map((r) => r.session_id)).toEqual([sessions.morning]);
      const audit = await t.db.kysely
        .selectFrom('audit_log')
        .select(['before', 'after'])
        .where('entity', '=', 'enrolment')
        .where('entity_id', '=', ni)
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      expect(JSON.parse(audit.before!)).toEqual({
        [`12/05/2025 Sáng (#${sessions.morning})`]: 'present',
        [`12/05/2025 Chiều (#${sessions.afternoon})`]: 'present',
      });
      expect(JSON.parse(audit.after!)).toEqual({ [`12/05/2025 Sáng (#${sessions.morning})`]: 'present' });
    });

    it('saving marks that are already stored changes nothing and writes no audit row', async () => {
      const before = [await attendanceRows(), await rowCount(t, 'audit_log')];
      const res = await as(t.app, organiser).put(
        `/api/v1/training/classes/${cls}/attendance`,
        marksBody([
          [e['An']!, sessions.morning, 'present'],
          [e['An']!, sessions.afternoon, null],
        ]),
      );
      expect(res.json()).toEqual({ changed: 0 });
      expect([await attendanceRows(), await rowCount(t, 'audit_log')]).toEqual(before);
    });

    it('names the row of an enrolment that is not seated in the class, and saves nothing', async () => {
      const before = await attendanceRows();
      const res = await as(t.app, organiser).put(
        `/api/v1/training/classes/${cls}/attendance`,
        marksBody([
          [e['An']!, sessions.afternoon, 'present'],
          [waitlisted, sessions.morning, 'present'],
        ]),
      );
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toContain('dòng 2');
      expect(res.json().message).toContain(`học viên mã ${waitlisted}`);
      expect(res.json().details).toMatchObject({ field: 'marks.1.enrolmentId', row: 2 });
      expect(await attendanceRows()).toEqual(before);
    });

    it('names the row of a session of another class', async () => {
      const res = await as(t.app, organiser).put(
        `/api/v1/training/classes/${cls}/attendance`,
        marksBody([[e['An']!, otherClassSession, 'present']]),
      );
      expect(res.statusCode).toBe(400);
      expect(res.json().details).toMatchObject({ field: 'marks.0.sessionId', row: 1 });
      expect(res.json().message).toContain(`buổi học mã ${otherClassSession} không thuộc lớp`);
    });

    it('refuses a district editor (403) and a stranger (404)', async () => {
      const body = marksBody([[e['An']!, sessions.afternoon, 'present']]);
      expect((await as(t.app, editorA).put(`/api/v1/training/classes/${cls}/attendance`, body)).statusCode).toBe(403);
      expect((await as(t.app, stranger).put(`/api/v1/training/classes/${cls}/attendance`, body)).statusCode).toBe(404);
    });

    it('takes marks only while the class runs or is completed, naming the state otherwise', async () => {
      const body = marksBody([[e['Ánh']!, sessions.morning, 'present']]);
      const api = as(t.app, organiser);
      for (const [status, label] of [
        ['open', 'Đang nhận cử học viên'],
        ['closed', 'Đã đóng hồ sơ'],
        ['cancelled', 'Đã hủy'],
        ['planned', 'Đã có kế hoạch'],
      ] as const) {
        await setStatus(status);
        const res = await api.put(`/api/v1/training/classes/${cls}/attendance`, body);
        expect(res.statusCode, status).toBe(409);
        expect(res.json().message).toContain(`"${label}"`);
      }
      await setStatus('completed');
      expect((await api.put(`/api/v1/training/classes/${cls}/attendance`, body)).json()).toEqual({ changed: 1 });
      await setStatus('in_progress');
    });
  });

  describe('at the scale of a large class', () => {
    it('2,000 trainees × 10 sessions: one save of 20,000 marks, then the grid in pages of 500', async () => {
      const big = await makeClass(t.ctx, { organiserUnitId: province, status: 'in_progress', capacity: 3000 });
      const ids = await makeTrainees(t.ctx, { classId: big, unitId: cuJut, count: 2000 });
      const sessionIds: number[] = [];
      for (let d = 0; d < 5; d++) {
        for (const part of ['morning', 'afternoon'] as const) {
          sessionIds.push(await makeSession(t.ctx, { classId: big, date: `2025-06-0${d + 1}`, part }));
        }
      }
      const marks = ids.flatMap((enrolmentId, i) =>
        sessionIds.map((sessionId, j) => ({
          enrolmentId,
          sessionId,
          mark: (i + j) % 7 === 0 ? ('absent' as const) : ('present' as const),
        })),
      );
      const actor = await actorOfUser(t.ctx, organiserId);
      const auditBefore = await rowCount(t, 'audit_log');
      const started = performance.now();
      const saved = await saveAttendance(t.ctx, actor, { id: big, marks });
      const saveMs = performance.now() - started;
      expect(saved).toEqual({ changed: 20000 });
      expect(await rowCount(t, 'audit_log')).toBe(auditBefore + 2000);
      const outcomes = await t.db.kysely
        .selectFrom('enrolments')
        .select('rule_outcome')
        .where('class_id', '=', big)
        .where('rule_outcome', '=', 'not_completed')
        .execute();
      // no grade yet: nobody completes
      expect(outcomes).toHaveLength(2000);

      const gridStart = performance.now();
      const grid = await getAttendanceGrid(t.ctx, actor, { id: big, page: 4, pageSize: 500 });
      const gridMs = performance.now() - gridStart;
      expect(grid.total).toBe(2000);
      expect(grid.rows).toHaveLength(500);
      expect(grid.rows[0]?.personName).toBe('Nguyễn Văn Học 1501');
      expect(grid.rows[0]?.marks).toEqual(sessionIds.map((_, j) => ((1500 + j) % 7 === 0 ? 'absent' : 'present')));
      // generous bounds: a query per mark or per trainee would be far beyond them
      expect(saveMs).toBeLessThan(10_000);
      expect(gridMs).toBeLessThan(2_000);
    });
  });
});
