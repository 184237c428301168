import { toClassSession } from './session.view.ts';
import { randomBytes } from 'node:crypto';
import {
  sessionCreate,
  sessionPartHours,
  sessionPartLabels,
  sessionPartLabelsEn,
  sessionUpdate,
  type ClassSession,
  type ClassStatus,
  type SessionCreateInput,
  type SessionPart,
} from '@canbo/contract';
import type { z } from 'zod';
import type { Actor } from '../../../auth/actor.ts';
import type { Ctx, Tx } from '../../../context.ts';
import { inTransaction, reader } from '../../../context.ts';
import { AppError, notFound, stale } from '../../../errors.ts';
import { updateVersioned } from '../../../lib/versioned.ts';
import { writeAudit } from '../../audit/audit.writer.ts';
import { vnDate } from '../../../lib/dates.ts';
import { fieldError, parseInput } from '../../../lib/input.ts';
import { refreshOutcomes } from '../results/outcomes.ts';
import { findVisibleClass, lockManagedClass, requireStatus, type ClassForWrite } from './class.access.ts';
import { conflictOn } from './class.rules.ts';
import {
  attendanceCount,
  countSessions,
  deleteSession,
  findClash,
  findSession,
  findVisibleSession,
  insertSession,
  listSessions,
  lockSession,
  type SessionRow,
} from './sessions.repository.ts';

const NOT_FOUND = 'Buổi học';
/** A class of a few weeks has some 60 sessions; the cap keeps the attendance grid and sheets bounded. */
export const MAX_SESSIONS = 100;
/** A closed or cancelled class's timetable is part of its final record. */
const TIMETABLE_OPEN: ClassStatus[] = ['draft', 'planned', 'open', 'in_progress', 'completed'];

function auditView(r: SessionRow) {
  const { version: _v, ...fields } = toClassSession(r);
  return fields;
}

export async function listClassSessions(
  ctx: Ctx,
  actor: Actor,
  input: { classId: number },
): Promise<{ items: ClassSession[] }> {
  const tx = reader(ctx);
  const cls = await findVisibleClass(tx, actor, input.classId);
  return { items: (await listSessions(tx, cls.id)).map(toClassSession) };
}

interface Slot {
  date: string;
  part: SessionPart;
  startsAt: string;
  endsAt: string;
}

/**
 * A session lies within the class's dates, ends after it starts, and is the only one of its class
 * on that date and part of the day (two "Monday morning" sessions would split one sign-in sheet).
 */
async function checkSlot(tx: Tx, cls: ClassForWrite, s: Slot, exceptId: number | null): Promise<void> {
  if (s.endsAt <= s.startsAt) {
    throw fieldError('endsAt', {
      vi: `phải sau Giờ bắt đầu (${s.startsAt})`,
      en: `must be after the start time (${s.startsAt})`,
    });
  }
  if (s.date < cls.start_date || s.date > cls.end_date) {
    throw fieldError('date', {
      vi: `phải trong thời gian học của lớp, từ ${vnDate(cls.start_date)} đến ${vnDate(cls.end_date)}`,
      en: `must be within the class's dates, from ${vnDate(cls.start_date)} to ${vnDate(cls.end_date)}`,
    });
  }
  if (await findClash(tx, { classId: cls.id, date: s.date, part: s.part, exceptId })) {
    throw conflictOn('part', {
      vi: `ngày ${vnDate(s.date)} lớp đã có buổi ${sessionPartLabels[s.part].toLowerCase()}`,
      en: `the class already has a ${sessionPartLabelsEn[s.part].toLowerCase()} session on ${vnDate(s.date)}`,
    });
  }
}

/**
 * A session to change, and its class, which the actor must manage: the class row is locked and
 * the session read again under the lock, as it may have changed or gone while this request waited.
 */
async function sessionToChange(tx: Tx, actor: Actor, id: number): Promise<{ cls: ClassForWrite; before: SessionRow }> {
  const seen = await findVisibleSession(tx, actor, id);
  if (!seen) throw notFound(NOT_FOUND);
  const cls = await lockManagedClass(tx, actor, seen.class_id);
  const before = await findSession(tx, id);
  if (!before) throw notFound(NOT_FOUND);
  return { cls, before };
}

export async function createSession(
  ctx: Ctx,
  actor: Actor,
  input: { classId: number } & SessionCreateInput,
): Promise<ClassSession> {
  const { classId, ...rest } = input;
  const data = parseInput(sessionCreate, rest);
  const hours = sessionPartHours[data.part];
  const slot: Slot = {
    date: data.date,
    part: data.part,
    startsAt: data.startsAt ?? hours.startsAt,
    endsAt: data.endsAt ?? hours.endsAt,
  };
  return inTransaction(ctx, async (tx) => {
    // Locked: two sessions added at once are counted and compared one after the other.
    const cls = await lockManagedClass(tx, actor, classId);
    requireStatus(cls, TIMETABLE_OPEN, { vi: 'thêm buổi học', en: 'add a session' });
    if ((await countSessions(tx, cls.id)) >= MAX_SESSIONS) {
      throw new AppError(
        'conflict',
        { vi: `Một lớp có tối đa ${MAX_SESSIONS} buổi học`, en: `A class has at most ${MAX_SESSIONS} sessions` },
        { field: 'date' },
      );
    }
    await checkSlot(tx, cls, slot, null);
    const id = await insertSession(tx, {
      class_id: classId,
      session_date: slot.date,
      part: slot.part,
      starts_at: slot.startsAt,
      ends_at: slot.endsAt,
      topic: data.topic ?? null,
      lecturer: data.lecturer ?? null,
      checkin_token: randomBytes(24).toString('base64url'),
    });
    // One more session lowers every trainee's attended share.
    await refreshOutcomes(tx, classId);
    const row = (await findSession(tx, id))!;
    await writeAudit(tx, actor, {
      entity: 'class_session',
      entityId: id,
      action: 'create',
      unitId: cls.organiser_unit_id,
      after: auditView(row),
    });
    return toClassSession(row);
  });
}

export async function updateSession(
  ctx: Ctx,
  actor: Actor,
  input: { id: number } & z.input<typeof sessionUpdate>,
): Promise<ClassSession> {
  const { id, ...rest } = input;
  const patch = parseInput(sessionUpdate, rest);
  return inTransaction(ctx, async (tx) => {
    const { cls, before } = await sessionToChange(tx, actor, id);
    if (before.version !== patch.version) throw stale();
    requireStatus(cls, TIMETABLE_OPEN, { vi: 'sửa buổi học', en: 'change a session' });
    const part = patch.part ?? before.part;
    // Moved to another part of the day without hours given: it takes that part's usual hours.
    const moved = part !== before.part;
    const slot: Slot = {
      date: patch.date ?? before.session_date,
      part,
      startsAt: patch.startsAt ?? (moved ? sessionPartHours[part].startsAt : before.starts_at),
      endsAt: patch.endsAt ?? (moved ? sessionPartHours[part].endsAt : before.ends_at),
    };
    await checkSlot(tx, cls, slot, id);
    await updateVersioned(tx, 'class_sessions', id, patch.version, {
      session_date: slot.date,
      part: slot.part,
      starts_at: slot.startsAt,
      ends_at: slot.endsAt,
      ...(patch.topic !== undefined ? { topic: patch.topic } : {}),
      ...(patch.lecturer !== undefined ? { lecturer: patch.lecturer } : {}),
    });
    const after = (await findSession(tx, id))!;
    await writeAudit(tx, actor, {
      entity: 'class_session',
      entityId: id,
      action: 'update',
      unitId: cls.organiser_unit_id,
      before: auditView(before),
      after: auditView(after),
    });
    return toClassSession(after);
  });
}

/** A session someone was marked for is evidence of attendance: it is kept. */
export async function removeSession(ctx: Ctx, actor: Actor, input: { id: number }): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const { cls, before } = await sessionToChange(tx, actor, input.id);
    requireStatus(cls, TIMETABLE_OPEN, { vi: 'xóa buổi học', en: 'delete a session' });
    await lockSession(tx, input.id);
    const marks = await attendanceCount(tx, input.id);
    if (marks > 0) {
      throw new AppError(
        'conflict',
        {
          vi: `Buổi ${sessionPartLabels[before.part].toLowerCase()} ngày ${vnDate(before.session_date)} đã có ${marks} lượt điểm danh: không thể xóa`,
          en: `The ${sessionPartLabelsEn[before.part].toLowerCase()} session of ${vnDate(before.session_date)} has ${marks} attendance marks: it cannot be deleted`,
        },
        { field: 'id' },
      );
    }
    await deleteSession(tx, input.id);
    await refreshOutcomes(tx, cls.id);
    await writeAudit(tx, actor, {
      entity: 'class_session',
      entityId: input.id,
      action: 'delete',
      unitId: cls.organiser_unit_id,
      before: auditView(before),
    });
  });
}
