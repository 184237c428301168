import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../auth/actor.ts';
import { testApp } from '../../../../test/app.ts';
import {
  actorOfUser,
  makeAllocation,
  makeClass,
  makeEnrolment,
  makePerson,
  makeSession,
  makeUser,
} from '../../../../test/factories.ts';
import { rowCount, twoDistricts, type TestApp } from '../../../../test/fixtures.ts';
import { as, login, type Session } from '../../../../test/http.ts';
import { scanSessionQr, scanTraineeCode } from './checkin.service.ts';

/** An instant given as Vietnam's wall-clock time on the session's day. */
const vn = (hhmm: string, date = '2025-05-12') => new Date(`${date}T${hhmm}:00+07:00`);

describe('QR check-in', () => {
  let t: TestApp;
  let province: number;
  let cuJut: number;
  let editorA: Session;
  let organiser: Session;
  let organiserActor: Actor;
  let trainee: Session;
  let traineeActor: Actor;
  let outsider: Actor;
  let waiting: Actor;
  let cls: number;
  let morning: number;
  let afternoon: number;
  let enrolment: number;
  let other: number;
  let otherSession: Session;

  const tokenOf = async (sessionId: number) =>
    (
      await t.db.kysely
        .selectFrom('class_sessions')
        .select('checkin_token')
        .where('id', '=', sessionId)
        .executeTakeFirstOrThrow()
    ).checkin_token;
  const codeOf = async (enrolmentId: number) =>
    (
      await t.db.kysely
        .selectFrom('enrolments')
        .select('checkin_code')
        .where('id', '=', enrolmentId)
        .executeTakeFirstOrThrow()
    ).checkin_code;
  const markOf = (enrolmentId: number, sessionId: number) =>
    t.db.kysely
      .selectFrom('attendance')
      .select(['mark', 'method', 'marked_at'])
      .where('enrolment_id', '=', enrolmentId)
      .where('session_id', '=', sessionId)
      .executeTakeFirst();
  const clearMarks = () => t.db.kysely.deleteFrom('attendance').execute();

  beforeAll(async () => {
    t = await testApp();
    ({ province, cuJut, editorA } = await twoDistricts(t));
    const org = await makeUser(t.ctx, { grants: [{ unitId: province, role: 'editor' }] });
    organiser = await login(t.app, org.login, org.password);
    organiserActor = await actorOfUser(t.ctx, org.id);
    cls = await makeClass(t.ctx, {
      organiserUnitId: province,
      name: 'Lớp nghiệp vụ công tác Đoàn',
      status: 'in_progress',
      minAttendancePercent: 50,
    });
    const alloc = await makeAllocation(t.ctx, { classId: cls, unitId: cuJut, seats: 5 });
    morning = await makeSession(t.ctx, { classId: cls, date: '2025-05-12', part: 'morning' });
    afternoon = await makeSession(t.ctx, {
      classId: cls,
      date: '2025-05-12',
      part: 'afternoon',
      startsAt: '13:30',
      endsAt: '17:00',
    });
    const person = await makePerson(t.ctx, { unitId: cuJut, familyName: 'Phạm', middleName: 'Thị', givenName: 'Hoa' });
    enrolment = await makeEnrolment(t.ctx, { classId: cls, personId: person, allocationId: alloc, grade: 'fair' });
    const user = await makeUser(t.ctx, { personId: person });
    trainee = await login(t.app, user.login, user.password);
    traineeActor = await actorOfUser(t.ctx, user.id);
    const otherPerson = await makePerson(t.ctx, { unitId: cuJut, familyName: 'Lý', givenName: 'Khác' });
    other = await makeEnrolment(t.ctx, { classId: cls, personId: otherPerson, allocationId: alloc });
    const otherUser = await makeUser(t.ctx, { personId: otherPerson });
    otherSession = await login(t.app, otherUser.login, otherUser.password);
    const notEnrolled = await makePerson(t.ctx, { unitId: cuJut, familyName: 'Võ', givenName: 'Ngoài' });
    outsider = await actorOfUser(t.ctx, (await makeUser(t.ctx, { personId: notEnrolled })).id);
    const waitPerson = await makePerson(t.ctx, { unitId: cuJut, familyName: 'Đỗ', givenName: 'Chờ' });
    await makeEnrolment(t.ctx, { classId: cls, personId: waitPerson, status: 'waitlisted' });
    waiting = await actorOfUser(t.ctx, (await makeUser(t.ctx, { personId: waitPerson })).id);
  });
  afterAll(() => t.close());

  describe("the session's QR code", () => {
    it('gives the organiser the token, the link and the window (30 minutes before the start to the end)', async () => {
      const res = await as(t.app, organiser).get(`/api/v1/training/sessions/${morning}/qr`);
      expect(res.statusCode, res.body).toBe(200);
      const token = await tokenOf(morning);
      expect(res.json()).toEqual({
        token,
        url: `${t.ctx.config.publicUrl}/checkin/${token}`,
        windowFrom: '2025-05-12T00:00:00.000Z',
        windowTo: '2025-05-12T04:30:00.000Z',
      });
    });

    it('is refused to a district editor who only sent trainees (403), and to a trainee', async () => {
      expect((await as(t.app, editorA).get(`/api/v1/training/sessions/${morning}/qr`)).statusCode).toBe(403);
      expect((await as(t.app, trainee).get(`/api/v1/training/sessions/${morning}/qr`)).statusCode).toBe(403);
    });
  });

  describe('a trainee scans the session QR', () => {
    it('inside the window and on time: present, with the audit row and the outcome refreshed', async () => {
      await clearMarks();
      const audit = await rowCount(t, 'audit_log');
      const r = await scanSessionQr(t.ctx, traineeActor, { token: await tokenOf(morning) }, vn('07:10'));
      expect(r).toEqual({
        sessionId: morning,
        className: 'Lớp nghiệp vụ công tác Đoàn',
        personName: 'Phạm Thị Hoa',
        mark: 'present',
        changed: true,
        sessionDate: '2025-05-12',
        sessionPart: 'morning',
      });
      expect(await markOf(enrolment, morning)).toEqual({
        mark: 'present',
        method: 'qr',
        marked_at: vn('07:10').toISOString(),
      });
      expect(await rowCount(t, 'audit_log')).toBe(audit + 1);
      // 1 of 2 sessions ≥ 50 %, grade fair ≥ average
      const outcome = await t.db.kysely
        .selectFrom('enrolments')
        .select('rule_outcome')
        .where('id', '=', enrolment)
        .executeTakeFirstOrThrow();
      expect(outcome.rule_outcome).toBe('completed');
    });

    it('a second scan changes nothing', async () => {
      const before = [await markOf(enrolment, morning), await rowCount(t, 'audit_log')];
      const r = await scanSessionQr(t.ctx, traineeActor, { token: await tokenOf(morning) }, vn('08:20'));
      expect(r).toMatchObject({ mark: 'present', changed: false });
      expect([await markOf(enrolment, morning), await rowCount(t, 'audit_log')]).toEqual(before);
    });

    it('15 minutes after the start is still on time; later is late', async () => {
      await clearMarks();
      const token = await tokenOf(morning);
      expect((await scanSessionQr(t.ctx, traineeActor, { token }, vn('07:45'))).mark).toBe('present');
      await clearMarks();
      expect((await scanSessionQr(t.ctx, traineeActor, { token }, vn('07:46'))).mark).toBe('late');
      expect((await markOf(enrolment, morning))?.mark).toBe('late');
    });

    it('an earlier "absent" gives way when the trainee does arrive', async () => {
      await clearMarks();
      await t.db.kysely
        .insertInto('attendance')
        .values({
          enrolment_id: enrolment,
          session_id: afternoon,
          mark: 'absent',
          method: 'grid',
          marked_at: 'x',
          marked_by: null,
        })
        .execute();
      const r = await scanSessionQr(t.ctx, traineeActor, { token: await tokenOf(afternoon) }, vn('13:20'));
      expect(r).toMatchObject({ mark: 'present', changed: true, sessionPart: 'afternoon' });
    });

    it('before the window opens: 409 saying when it opens', async () => {
      const token = await tokenOf(morning);
      await expect(scanSessionQr(t.ctx, traineeActor, { token }, vn('06:59'))).rejects.toMatchObject({
        statusCode: 409,
        message: expect.stringContaining('mở từ 12/05/2025 07:00 đến 12/05/2025 11:30'),
      });
    });

    it('after the session ends: 409 saying when it closed, and nothing is stored', async () => {
      await clearMarks();
      const token = await tokenOf(morning);
      await expect(scanSessionQr(t.ctx, traineeActor, { token }, vn('11:31'))).rejects.toMatchObject({
        statusCode: 409,
        message: expect.stringContaining('đóng lúc 12/05/2025 11:30'),
      });
      expect(await markOf(enrolment, morning)).toBeUndefined();
      // over HTTP with the real clock, long after the 2025 session
      const res = await as(t.app, trainee).post('/api/v1/training/checkin', { token });
      expect(res.statusCode).toBe(409);
      expect(res.json().message).toContain('Đã hết giờ điểm danh');
    });

    it('someone not on the class list is told so (404), a waitlisted trainee too', async () => {
      const token = await tokenOf(morning);
      for (const actor of [outsider, waiting, organiserActor]) {
        await expect(scanSessionQr(t.ctx, actor, { token }, vn('07:10'))).rejects.toMatchObject({
          statusCode: 404,
          message: 'Bạn không có tên trong danh sách lớp "Lớp nghiệp vụ công tác Đoàn"',
        });
      }
      expect(await rowCount(t, 'attendance')).toBe(0);
    });

    it('an unknown token is not found', async () => {
      const res = await as(t.app, trainee).post('/api/v1/training/checkin', { token: 'khong-phai-ma-that' });
      expect(res.statusCode).toBe(404);
    });

    it('is refused while the class is not running', async () => {
      await t.db.kysely.updateTable('training_classes').set({ status: 'open' }).where('id', '=', cls).execute();
      await expect(
        scanSessionQr(t.ctx, traineeActor, { token: await tokenOf(morning) }, vn('07:10')),
      ).rejects.toMatchObject({ statusCode: 409, message: expect.stringContaining('Đang nhận cử học viên') });
      await t.db.kysely.updateTable('training_classes').set({ status: 'in_progress' }).where('id', '=', cls).execute();
    });

    it('two scans at the same moment store one mark and one audit row', async () => {
      await clearMarks();
      const audit = await rowCount(t, 'audit_log');
      const token = await tokenOf(morning);
      const results = await Promise.all(
        [1, 2, 3].map(() => scanSessionQr(t.ctx, traineeActor, { token }, vn('07:20'))),
      );
      expect(results.filter((r) => r.changed)).toHaveLength(1);
      expect(await rowCount(t, 'attendance')).toBe(1);
      expect(await rowCount(t, 'audit_log')).toBe(audit + 1);
    });
  });

  describe('staff scan a trainee’s personal code', () => {
    it('accepts the QR payload or the bare code, marks by the clock, method scan', async () => {
      await clearMarks();
      const code = await codeOf(other);
      const r = await scanTraineeCode(
        t.ctx,
        organiserActor,
        { id: morning, code: `canbo:checkin:${code}` },
        vn('07:00'),
      );
      expect(r).toMatchObject({ personName: 'Lý Khác', mark: 'present', changed: true });
      expect((await markOf(other, morning))?.method).toBe('scan');
      // no window for staff: a late-comer let in after the session, over HTTP with the real clock
      const res = await as(t.app, organiser).post(`/api/v1/training/sessions/${afternoon}/checkin`, { code });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ mark: 'late', changed: true, personName: 'Lý Khác' });
      const again = await as(t.app, organiser).post(`/api/v1/training/sessions/${afternoon}/checkin`, { code });
      expect(again.json()).toMatchObject({ mark: 'late', changed: false });
    });

    it('a code that is no trainee of this class is not found', async () => {
      const res = await as(t.app, organiser).post(`/api/v1/training/sessions/${morning}/checkin`, {
        code: 'canbo:checkin:khong-co-ma-nay',
      });
      expect(res.statusCode).toBe(404);
      expect(res.json().details.field).toBe('code');
    });

    it('only the organiser’s staff may scan', async () => {
      const code = await codeOf(other);
      expect((await as(t.app, editorA).post(`/api/v1/training/sessions/${morning}/checkin`, { code })).statusCode).toBe(
        403,
      );
      expect((await as(t.app, trainee).post(`/api/v1/training/sessions/${morning}/checkin`, { code })).statusCode).toBe(
        403,
      );
    });
  });

  describe('a trainee’s personal QR code', () => {
    it('is shown to the trainee and to the organiser', async () => {
      const code = await codeOf(enrolment);
      for (const who of [trainee, organiser]) {
        const res = await as(t.app, who).get(`/api/v1/training/enrolments/${enrolment}/qr`);
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json()).toEqual({ code, payload: `canbo:checkin:${code}` });
      }
    });

    it('is not found for another trainee or a district editor', async () => {
      for (const who of [otherSession, editorA]) {
        const res = await as(t.app, who).get(`/api/v1/training/enrolments/${enrolment}/qr`);
        expect(res.statusCode).toBe(404);
        expect(res.body).not.toContain(await codeOf(enrolment));
      }
    });
  });
});
