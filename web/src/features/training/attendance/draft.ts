import type { AttendanceMark } from '@canbo/contract';

export type Mark = AttendanceMark | null;

/** One cell the user changed: what the server has and what it will be sent. */
export interface DraftCell {
  enrolmentId: number;
  sessionId: number;
  original: Mark;
  mark: Mark;
}

/** Unsaved marks by cell; kept across pages and searches so one Save sends them all. */
export type Draft = ReadonlyMap<string, DraftCell>;

export const emptyDraft: Draft = new Map();

export function cellKey(enrolmentId: number, sessionId: number): string {
  return `${enrolmentId}:${sessionId}`;
}

/**
 * The draft with these cells set to `mark`. A cell set back to what the server has is no change,
 * so it leaves the draft (and the unsaved count).
 */
export function setMarks(draft: Draft, cells: readonly Omit<DraftCell, 'mark'>[], mark: Mark): Draft {
  const next = new Map(draft);
  for (const c of cells) {
    const key = cellKey(c.enrolmentId, c.sessionId);
    if (mark === c.original) next.delete(key);
    else next.set(key, { ...c, mark });
  }
  return next;
}

/** The mark a cell shows: the unsaved one when there is one. */
export function shownMark(draft: Draft, enrolmentId: number, sessionId: number, original: Mark): Mark {
  const cell = draft.get(cellKey(enrolmentId, sessionId));
  return cell ? cell.mark : original;
}

/** The body of PUT /training/classes/:id/attendance. */
export function marksBody(draft: Draft) {
  return {
    marks: [...draft.values()].map(({ enrolmentId, sessionId, mark }) => ({ enrolmentId, sessionId, mark })),
  };
}
