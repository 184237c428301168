import {
  selfCheckin,
  staffCheckin,
  type AttendanceMark,
  type checkinResult,
  type enrolmentQr,
  type sessionQr,
} from '@canbo/contract';
import type { z } from 'zod';
import type { Actor } from '../../../auth/actor.ts';
import type { Ctx, Tx } from '../../../context.ts';
import { inTransaction, reader } from '../../../context.ts';
import { AppError, notFound } from '../../../errors.ts';
import { parseInput } from '../../../lib/input.ts';
import { findVisibleClass, requireManagedClass, requireStatus, type VisibleClassId } from '../classes/class.access.ts';
import { ATTENDED_MARKS } from '../results/outcomes.ts';
import { listSessions } from '../classes/sessions.repository.ts';
import { MARKABLE, MARKING } from './attendance.service.ts';
import {
  findEnrolmentCode,
  findSessionByToken,
  findVisibleSession,
  lockSeatedEnrolment,
  type CheckinEnrolment,
  type SessionWithClass,
} from './checkin.repository.ts';
import { loadMarks, planMarks, writeMarks, type MarkMethod } from './marks.ts';
import { checkinWindow, sessionLabel, sessionLabelEn, vnDateTime } from './session.time.ts';

/** What a trainee's personal QR code carries: this prefix, then the enrolment's check-in code. */
export const CHECKIN_PAYLOAD_PREFIX = 'canbo:checkin:';

type CheckinResult = z.infer<typeof checkinResult>;

const SESSION = 'Buổi học';

/** The session's check-in link, printed as a QR code on the sign-in sheet and shown to staff. */
export function sessionCheckinUrl(ctx: Ctx, token: string): string {
  return `${ctx.config.publicUrl}/checkin/${encodeURIComponent(token)}`;
}

async function requireManagedSession(tx: Tx, actor: Actor, sessionId: number) {
  const session = await findVisibleSession(tx, actor, sessionId);
  if (!session) throw notFound(SESSION);
  const cls = await requireManagedClass(tx, actor, session.class_id);
  return { session, cls };
}

/** GET /training/sessions/:id/qr — for the organiser's staff. */
export async function sessionQrCode(ctx: Ctx, actor: Actor, input: { id: number }): Promise<z.infer<typeof sessionQr>> {
  const { session } = await requireManagedSession(reader(ctx), actor, input.id);
  const window = checkinWindow(session);
  return {
    token: session.checkin_token,
    url: sessionCheckinUrl(ctx, session.checkin_token),
    windowFrom: window.from.toISOString(),
    windowTo: window.to.toISOString(),
  };
}

/**
 * Mark the trainee present (late after the grace time) unless already checked in: a second scan
 * changes nothing. An earlier "absent" or "excused" gives way to the trainee actually arriving.
 */
async function checkIn(
  tx: Tx,
  actor: Actor,
  c: { classId: VisibleClassId; session: SessionWithClass; enrolment: CheckinEnrolment; now: Date; method: MarkMethod },
): Promise<CheckinResult> {
  const { session, enrolment } = c;
  const current = await loadMarks(tx, [enrolment.id]);
  const existing = current.get(enrolment.id)?.get(session.id);
  const result = {
    sessionId: session.id,
    className: session.class_name,
    personName: enrolment.person_name,
    sessionDate: session.session_date,
    sessionPart: session.part,
  };
  if (existing && (ATTENDED_MARKS as readonly string[]).includes(existing)) {
    return { ...result, mark: existing, changed: false };
  }
  const mark: AttendanceMark = c.now > checkinWindow(session).lateAfter ? 'late' : 'present';
  await writeMarks(tx, actor, {
    classId: c.classId,
    sessions: await listSessions(tx, c.classId),
    enrolments: new Map([[enrolment.id, enrolment]]),
    current,
    plan: planMarks(current, [{ enrolmentId: enrolment.id, sessionId: session.id, mark }]),
    method: c.method,
    at: c.now.toISOString(),
  });
  return { ...result, mark, changed: true };
}

/**
 * POST /training/checkin — a signed-in trainee scans the session's QR code, inside the session's
 * window only. `now` is the clock, for tests.
 */
export async function scanSessionQr(
  ctx: Ctx,
  actor: Actor,
  input: z.input<typeof selfCheckin>,
  now: Date = new Date(),
): Promise<CheckinResult> {
  const { token } = parseInput(selfCheckin, input);
  return inTransaction(ctx, async (tx) => {
    const session = await findSessionByToken(tx, token);
    if (!session) throw new AppError('not_found', 'Mã QR không phải của buổi học nào trên Canbo', { field: 'token' });
    const enrolment =
      actor.personId === null
        ? undefined
        : await lockSeatedEnrolment(tx, session.class_id, { personId: actor.personId });
    if (!enrolment) {
      throw new AppError(
        'not_found',
        {
          vi: `Bạn không có tên trong danh sách lớp "${session.class_name}"`,
          en: `You are not on the list of the class "${session.class_name}"`,
        },
        { field: 'token' },
      );
    }
    const cls = await findVisibleClass(tx, actor, session.class_id);
    requireStatus(cls, MARKABLE, MARKING);
    const window = checkinWindow(session);
    const what = `buổi ${sessionLabel(session)} của lớp "${session.class_name}"`;
    const whatEn = `the session of ${sessionLabelEn(session)} of the class "${session.class_name}"`;
    if (now < window.from) {
      const from = vnDateTime(window.from);
      const to = vnDateTime(window.to);
      throw new AppError(
        'conflict',
        {
          vi: `Chưa đến giờ điểm danh ${what}: điểm danh mở từ ${from} đến ${to}`,
          en: `Check-in for ${whatEn} has not opened yet: it is open from ${from} to ${to}`,
        },
        { field: 'token', windowFrom: window.from.toISOString() },
      );
    }
    if (now > window.to) {
      const to = vnDateTime(window.to);
      throw new AppError(
        'conflict',
        {
          vi: `Đã hết giờ điểm danh ${what} (đóng lúc ${to})`,
          en: `Check-in for ${whatEn} has closed (at ${to})`,
        },
        { field: 'token', windowTo: window.to.toISOString() },
      );
    }
    return checkIn(tx, actor, { classId: cls.id, session, enrolment, now, method: 'qr' });
  });
}

/**
 * POST /training/sessions/:id/checkin — staff scan a trainee's personal QR code (or type the code).
 * No window: staff may let a late-comer in after the session has started or ended.
 */
export async function scanTraineeCode(
  ctx: Ctx,
  actor: Actor,
  input: { id: number } & z.input<typeof staffCheckin>,
  now: Date = new Date(),
): Promise<CheckinResult> {
  const { id, ...body } = input;
  const { code } = parseInput(staffCheckin, body);
  const raw = code.startsWith(CHECKIN_PAYLOAD_PREFIX) ? code.slice(CHECKIN_PAYLOAD_PREFIX.length) : code;
  return inTransaction(ctx, async (tx) => {
    const { session, cls } = await requireManagedSession(tx, actor, id);
    requireStatus(cls, MARKABLE, MARKING);
    const enrolment = await lockSeatedEnrolment(tx, cls.id, { checkinCode: raw });
    if (!enrolment) {
      throw new AppError(
        'not_found',
        {
          vi: `Mã QR không phải của học viên nào trong danh sách lớp "${cls.name}"`,
          en: `This QR code is not one of a trainee on the list of the class "${cls.name}"`,
        },
        { field: 'code' },
      );
    }
    return checkIn(tx, actor, { classId: cls.id, session, enrolment, now, method: 'scan' });
  });
}

/** GET /training/enrolments/:id/qr — the trainee's own code, or any trainee's for the class's managers. */
export async function enrolmentQrCode(
  ctx: Ctx,
  actor: Actor,
  input: { id: number },
): Promise<z.infer<typeof enrolmentQr>> {
  const code = await findEnrolmentCode(reader(ctx), actor, input.id);
  if (!code) throw notFound('Học viên');
  return { code, payload: `${CHECKIN_PAYLOAD_PREFIX}${code}` };
}
