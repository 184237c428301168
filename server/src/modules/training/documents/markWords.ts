import { attendanceMarkLabels, attendanceMarks, foldVietnamese, type AttendanceMark } from '@canbo/contract';

// Apart from the sheet (attendance-sheet.ts), which loads ExcelJS: the upload's service reads the
// marks on the request thread, and the server must not load ExcelJS when it starts.

/** A mark word as typed (any case, with or without diacritics) → the mark; undefined if it is none. */
const MARK_BY_WORD = new Map<string, AttendanceMark>(
  attendanceMarks.map((m) => [foldVietnamese(attendanceMarkLabels[m]), m]),
);
export function markOfWord(word: string): AttendanceMark | undefined {
  return MARK_BY_WORD.get(foldVietnamese(word));
}
