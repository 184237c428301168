import { sessionPartLabels, sessionPartLabelsEn } from '@canbo/contract';
import { vnDate } from '../../../lib/dates.ts';
import type { SessionRow } from '../classes/sessions.repository.ts';

/** "12/05/2025 Sáng": how a session is named in the attendance sheet and the audit log. */
export function sessionLabel(s: Pick<SessionRow, 'session_date' | 'part'>): string {
  return `${vnDate(s.session_date)} ${sessionPartLabels[s.part] ?? s.part}`;
}

/** The same in English: "12/05/2025 morning". */
export function sessionLabelEn(s: Pick<SessionRow, 'session_date' | 'part'>): string {
  return `${vnDate(s.session_date)} ${(sessionPartLabelsEn[s.part] ?? s.part).toLowerCase()}`;
}

const MINUTE = 60_000;
/** QR check-in opens this long before the session starts. */
const OPENS_BEFORE = 30 * MINUTE;
/** Checking in later than this after the start is marked late. */
const LATE_AFTER = 15 * MINUTE;
// Vietnam keeps UTC+7 all year, so a fixed offset is the local time of every session.
const VIETNAM_OFFSET = '+07:00';
const VIETNAM_OFFSET_MS = 7 * 60 * MINUTE;

function at(date: string, hhmm: string): number {
  return Date.parse(`${date}T${hhmm}:00${VIETNAM_OFFSET}`);
}

export interface CheckinWindow {
  from: Date;
  to: Date;
  /** A check-in after this instant is late. */
  lateAfter: Date;
}

export function checkinWindow(s: Pick<SessionRow, 'session_date' | 'starts_at' | 'ends_at'>): CheckinWindow {
  const start = at(s.session_date, s.starts_at);
  return {
    from: new Date(start - OPENS_BEFORE),
    to: new Date(at(s.session_date, s.ends_at)),
    lateAfter: new Date(start + LATE_AFTER),
  };
}

/** An instant as Vietnam reads it: "12/05/2025 07:00". */
export function vnDateTime(instant: Date): string {
  const local = new Date(instant.getTime() + VIETNAM_OFFSET_MS).toISOString();
  return `${vnDate(local.slice(0, 10))} ${local.slice(11, 16)}`;
}
