import { idParams } from '../../common.ts';
import {
  attendanceGrid,
  attendanceGridQuery,
  attendanceMarksInput,
  attendanceSaved,
  attendanceUploadQuery,
  attendanceUploadResult,
  checkinResult,
  enrolmentQr,
  selfCheckin,
  staffCheckin,
} from '../../training/attendance.ts';
import { outcomeOverride, overrideResult, resultsInput, resultsSaved } from '../../training/results.ts';
import { sessionQr } from '../../training/sessions.ts';
import { defineRoute } from '../define.ts';
import { BODY_LIMITS } from '../limits.ts';

const tags = ['training'];

/** Attendance (the grid, QR check-in, the spreadsheet both ways, the sign-in sheets) and results. */
export const attendance = {
  attendance: defineRoute({
    method: 'GET',
    path: '/training/classes/:id/attendance',
    tags,
    params: idParams,
    query: attendanceGridQuery,
    exampleQuery: { pageSize: 500 },
    responses: { 200: attendanceGrid },
  }),
  saveAttendance: defineRoute({
    method: 'PUT',
    path: '/training/classes/:id/attendance',
    tags,
    bodyLimit: BODY_LIMITS.attendanceMarks,
    params: idParams,
    body: attendanceMarksInput,
    responses: { 200: attendanceSaved },
    example: (ids) => ({ marks: [{ enrolmentId: ids.enrolment, sessionId: ids.session, mark: 'present' }] }),
  }),
  attendanceSheet: defineRoute({
    method: 'GET',
    path: '/training/classes/:id/attendance.xlsx',
    tags,
    params: idParams,
    file: 'xlsx',
  }),
  uploadAttendance: defineRoute({
    method: 'POST',
    path: '/training/classes/:id/attendance/upload',
    tags,
    params: idParams,
    query: attendanceUploadQuery,
    upload: true,
    responses: { 200: attendanceUploadResult },
  }),
  sessionQr: defineRoute({
    method: 'GET',
    path: '/training/sessions/:id/qr',
    tags,
    params: idParams,
    responses: { 200: sessionQr },
  }),
  selfCheckin: defineRoute({
    method: 'POST',
    path: '/training/checkin',
    tags,
    body: selfCheckin,
    responses: { 200: checkinResult },
    example: { token: 'walk-unknown-session-token' },
  }),
  staffCheckin: defineRoute({
    method: 'POST',
    path: '/training/sessions/:id/checkin',
    tags,
    params: idParams,
    body: staffCheckin,
    responses: { 200: checkinResult },
    example: { code: 'canbo:checkin:walk-unknown-code' },
  }),
  enrolmentQr: defineRoute({
    method: 'GET',
    path: '/training/enrolments/:id/qr',
    tags,
    params: idParams,
    responses: { 200: enrolmentQr },
  }),
  signInDocx: defineRoute({
    method: 'GET',
    path: '/training/sessions/:id/sign-in.docx',
    tags,
    params: idParams,
    file: 'docx',
  }),
  signInPdf: defineRoute({
    method: 'GET',
    path: '/training/sessions/:id/sign-in.pdf',
    tags,
    params: idParams,
    file: 'pdf',
  }),
  saveResults: defineRoute({
    method: 'PUT',
    path: '/training/classes/:id/results',
    tags,
    bodyLimit: BODY_LIMITS.results,
    params: idParams,
    body: resultsInput,
    responses: { 200: resultsSaved },
    example: (ids) => ({ results: [{ enrolmentId: ids.enrolment, score: 8.5 }] }),
  }),
  overrideOutcome: defineRoute({
    method: 'POST',
    path: '/training/enrolments/:id/override',
    tags,
    params: idParams,
    body: outcomeOverride,
    responses: { 200: overrideResult },
    example: { version: 1, outcome: 'completed', reason: 'Học bù, nộp bài thu hoạch' },
  }),
};
