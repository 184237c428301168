import { z } from 'zod';
import { id, pageQuery, searchTerm, text } from '../common.ts';
import { attendanceMark, sessionPart, title } from '../enums.ts';

import { classSession } from './sessions.ts';

// Training: attendance. Paths are under /api/v1/training unless noted.

/** GET /training/classes/:id/attendance — people × sessions, paged by people, in name order. */
export const attendanceGridQuery = pageQuery.extend({
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
  q: searchTerm,
});
export const attendanceRow = z.object({
  enrolmentId: z.number().int(),
  personId: z.number().int(),
  personName: z.string(),
  unitName: z.string(),
  title: title.nullable(),
  /** One per session, in the order of `sessions`; null = not marked. */
  marks: z.array(attendanceMark.nullable()),
  attendancePercent: z.number().int().nullable(),
});
export const attendanceGrid = z.object({
  sessions: z.array(classSession),
  rows: z.array(attendanceRow),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type AttendanceGrid = z.infer<typeof attendanceGrid>;
/** PUT /training/classes/:id/attendance — bulk marking; null clears a mark. */
export const attendanceMarksInput = z.object({
  marks: z
    .array(z.object({ enrolmentId: id, sessionId: id, mark: attendanceMark.nullable() }))
    .min(1)
    .max(20000),
});
export const attendanceSaved = z.object({ changed: z.number().int() });

/** POST /training/checkin — a signed-in trainee scans the session's QR code. */
export const selfCheckin = z.object({ token: text(100).min(10) });
/** POST /training/sessions/:id/checkin — staff scan a trainee's personal QR code. */
export const staffCheckin = z.object({ code: text(100).min(10) });
export const checkinResult = z.object({
  sessionId: z.number().int(),
  className: z.string(),
  personName: z.string(),
  mark: attendanceMark,
  /** False when this person was already checked in for the session (nothing changed). */
  changed: z.boolean(),
  /** The session checked in to, for the confirmation "buổi sáng 12/03/2025". */
  sessionDate: z.string().optional(),
  sessionPart: sessionPart.optional(),
});
/** GET /training/enrolments/:id/qr — the trainee's personal check-in code (own enrolment or staff). */
export const enrolmentQr = z.object({ code: z.string(), payload: z.string() });

/**
 * POST /training/classes/:id/attendance/upload?dryRun=true|false (multipart, one .xlsx — the sheet
 * from attendance.xlsx). A preview lists every row's changes and errors; nothing is saved unless
 * the sheet has no error and dryRun is false. Uploading the same sheet twice changes nothing.
 */
export const attendanceUploadQuery = z.object({ dryRun: z.enum(['true', 'false']).default('true') });
export const uploadRowResult = z.object({
  row: z.number().int(),
  personName: z.string().nullable(),
  changes: z.number().int(),
  errors: z.array(z.string()),
});
export const attendanceUploadResult = z.object({
  rows: z.array(uploadRowResult),
  /** Errors of the sheet itself (wrong file, unknown session columns). */
  sheetErrors: z.array(z.string()),
  changes: z.number().int(),
  applied: z.boolean(),
});
export type AttendanceUploadResult = z.infer<typeof attendanceUploadResult>;
