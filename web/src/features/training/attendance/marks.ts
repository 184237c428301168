import { attendanceMarks, type AttendanceMark } from '@canbo/contract';

/** Colours of the marks in the grid and the scan results: the same everywhere a mark is shown. */
export const MARK_COLORS: Record<AttendanceMark, string> = {
  present: 'green',
  late: 'gold',
  excused: 'blue',
  absent: 'red',
};

/**
 * The same colours as solid fills behind a white letter (the phone's mark buttons), dark enough for
 * the letter to read (contrast 4.5:1 and more).
 */
export const MARK_FILLS: Record<AttendanceMark, string> = {
  present: '#237804',
  late: '#874d00',
  excused: '#0958d9',
  absent: '#cf1322',
};

export const MARKS = attendanceMarks;

/** Marks that count as attending (the server's completion rule counts the same two). */
const ATTENDED: ReadonlySet<AttendanceMark | null> = new Set(['present', 'late']);

/** Whole percent of sessions attended, or null when the class has no sessions yet. */
export function attendancePercent(marks: readonly (AttendanceMark | null)[]): number | null {
  if (!marks.length) return null;
  return Math.floor((marks.filter((m) => ATTENDED.has(m)).length * 100) / marks.length);
}
