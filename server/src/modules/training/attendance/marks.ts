import type { AttendanceMark, AttendanceMethod } from '@canbo/contract';
import type { Actor } from '../../../auth/actor.ts';
import type { Tx } from '../../../context.ts';
import { refreshOutcomes } from '../results/outcomes.ts';
import type { SessionRow } from '../classes/sessions.repository.ts';
import { chunks } from '../../../lib/chunks.ts';
import { writeAudits } from '../../audit/audit.writer.ts';
import { deleteMarks, findMarks, upsertMarks, type MarkWrite, type SeatedRow } from './attendance.repository.ts';
import { sessionLabel } from './session.time.ts';

/** How a mark was taken, kept on the attendance row. */
export type MarkMethod = AttendanceMethod;

export interface MarkChange {
  enrolmentId: number;
  sessionId: number;
  /** null clears the mark. */
  mark: AttendanceMark | null;
}

/** Marks by enrolment, then by session. */
export type MarkBook = Map<number, Map<number, AttendanceMark>>;

export async function loadMarks(tx: Tx, enrolmentIds: readonly number[]): Promise<MarkBook> {
  const book: MarkBook = new Map(enrolmentIds.map((id) => [id, new Map<number, AttendanceMark>()]));
  for (const m of await findMarks(tx, enrolmentIds)) book.get(m.enrolment_id)?.set(m.session_id, m.mark);
  return book;
}

export interface MarkPlan {
  upserts: MarkWrite[];
  deletes: { enrolment_id: number; session_id: number }[];
  /** Marks that change, per enrolment; enrolments whose marks stay as they are are absent. */
  changedBy: Map<number, number>;
  after: MarkBook;
}

/** What the changes would do to the current marks; a mark set to what it already is is no change. */
export function planMarks(current: MarkBook, changes: readonly MarkChange[]): MarkPlan {
  const wanted = new Map<string, MarkChange>();
  // The last word on a cell wins, as when the same cell is edited twice.
  for (const c of changes) wanted.set(`${c.enrolmentId}:${c.sessionId}`, c);
  const plan: MarkPlan = { upserts: [], deletes: [], changedBy: new Map(), after: new Map() };
  for (const c of wanted.values()) {
    const before = current.get(c.enrolmentId)?.get(c.sessionId) ?? null;
    if (before === c.mark) continue;
    const cell = { enrolment_id: c.enrolmentId, session_id: c.sessionId };
    if (c.mark === null) plan.deletes.push(cell);
    else plan.upserts.push({ ...cell, mark: c.mark });
    plan.changedBy.set(c.enrolmentId, (plan.changedBy.get(c.enrolmentId) ?? 0) + 1);
    let after = plan.after.get(c.enrolmentId);
    if (!after) {
      after = new Map(current.get(c.enrolmentId));
      plan.after.set(c.enrolmentId, after);
    }
    if (c.mark === null) after.delete(c.sessionId);
    else after.set(c.sessionId, c.mark);
  }
  return plan;
}

/** A trainee's marks as the audit log keeps them: by session, named so a reader knows which. */
function auditView(sessions: readonly SessionRow[], marks: Map<number, AttendanceMark> | undefined) {
  const view: Record<string, AttendanceMark> = {};
  for (const s of sessions) {
    const mark = marks?.get(s.id);
    if (mark) view[`${sessionLabel(s)} (#${s.id})`] = mark;
  }
  return view;
}

function unitOf(enrolments: ReadonlyMap<number, Pick<SeatedRow, 'unit_id'>>, id: number): number {
  const e = enrolments.get(id);
  if (!e) throw new Error(`enrolment ${id} was marked without being checked against the class list`);
  return e.unit_id;
}

/**
 * Store a plan inside the caller's transaction: the marks, one audit row per trainee whose marks
 * changed (before and after by session), and the completion rule applied again to those trainees.
 * Returns how many marks changed.
 */
export async function writeMarks(
  tx: Tx,
  actor: Actor,
  w: {
    classId: number;
    sessions: readonly SessionRow[];
    enrolments: ReadonlyMap<number, Pick<SeatedRow, 'unit_id'>>;
    current: MarkBook;
    plan: MarkPlan;
    method: MarkMethod;
    at: string;
  },
): Promise<number> {
  const { plan } = w;
  if (plan.changedBy.size === 0) return 0;
  await upsertMarks(tx, plan.upserts, { method: w.method, markedAt: w.at, markedBy: actor.userId });
  await deleteMarks(tx, plan.deletes);
  const changedIds = [...plan.changedBy.keys()];
  await writeAudits(
    tx,
    actor,
    changedIds.map((id) => ({
      entity: 'enrolment',
      entityId: id,
      action: 'attendance',
      unitId: unitOf(w.enrolments, id),
      before: auditView(w.sessions, w.current.get(id)),
      after: auditView(w.sessions, plan.after.get(id)),
    })),
  );
  for (const part of chunks(changedIds)) await refreshOutcomes(tx, w.classId, part);
  return plan.upserts.length + plan.deletes.length;
}
