import {
  attendanceMarkLabels,
  attendanceMarkLetters,
  attendanceMarks,
  foldVietnamese,
  type AttendanceMark,
} from '@canbo/contract';

// Apart from the sheet (attendance-sheet.ts), which loads ExcelJS: the upload's service reads the
// marks on the request thread, and the server must not load ExcelJS when it starts.

/**
 * A mark as typed (any case, with or without diacritics) → the mark; undefined if it is none. The
 * word of the list, or the grid's letter (C, M, P, K): a sheet filled in by hand often has the letters
 * the grid shows, and the import of attendance takes both.
 */
const MARK_BY_WORD = new Map<string, AttendanceMark>(
  attendanceMarks.flatMap((m) => [
    [foldVietnamese(attendanceMarkLabels[m]), m] as const,
    [foldVietnamese(attendanceMarkLetters[m]), m] as const,
  ]),
);
export function markOfWord(word: string): AttendanceMark | undefined {
  return MARK_BY_WORD.get(foldVietnamese(word));
}
