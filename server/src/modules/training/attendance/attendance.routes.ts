import multipart from '@fastify/multipart';
import {
  attendanceGrid,
  attendanceGridQuery,
  attendanceMarksInput,
  attendanceSaved,
  attendanceUploadQuery,
  attendanceUploadResult,
  checkinResult,
  enrolmentQr,
  idParams,
  selfCheckin,
  sessionQr,
  staffCheckin,
} from '@canbo/contract';
import type { App } from '../../../http.ts';
import { actorOf } from '../../../http.ts';
import { DOCX, PDF, sendFile, XLSX } from '../../../documents/file.ts';
import { attendanceWorkbook, getAttendanceGrid, saveAttendance } from './attendance.service.ts';
import { enrolmentQrCode, scanSessionQr, scanTraineeCode, sessionQrCode } from './checkin.service.ts';
import { signInSheetDocx, signInSheetPdf } from './signin.service.ts';
import { MAX_UPLOAD_BYTES, uploadedFile } from './upload.file.ts';
import { uploadAttendance } from './upload.service.ts';
import { BODY_LIMITS } from '../../../body.limits.ts';

/** Attendance of a class: the grid, QR check-in, the spreadsheet both ways, and the sign-in sheets. */
export async function attendanceRoutes(app: App): Promise<void> {
  // Only this plugin's routes take multipart bodies, and only one small file.
  await app.register(multipart, { limits: { files: 1, fileSize: MAX_UPLOAD_BYTES, fields: 5, parts: 6 } });
  const tags = ['training'];

  app.get(
    '/training/classes/:id/attendance',
    { schema: { tags, params: idParams, querystring: attendanceGridQuery, response: { 200: attendanceGrid } } },
    async (req) => getAttendanceGrid(app.ctx, actorOf(req), { ...req.query, id: req.params.id }),
  );

  app.put(
    '/training/classes/:id/attendance',
    {
      bodyLimit: BODY_LIMITS.attendanceMarks,
      schema: { tags, params: idParams, body: attendanceMarksInput, response: { 200: attendanceSaved } },
    },
    async (req) => saveAttendance(app.ctx, actorOf(req), { ...req.body, id: req.params.id }),
  );

  app.get('/training/classes/:id/attendance.xlsx', { schema: { tags, params: idParams } }, async (req, reply) =>
    sendFile(reply, XLSX, await attendanceWorkbook(app.ctx, actorOf(req), req.params)),
  );

  app.post(
    '/training/classes/:id/attendance/upload',
    {
      schema: {
        tags,
        params: idParams,
        querystring: attendanceUploadQuery,
        consumes: ['multipart/form-data'],
        response: { 200: attendanceUploadResult },
      },
    },
    async (req) =>
      uploadAttendance(app.ctx, actorOf(req), { ...req.query, id: req.params.id, file: await uploadedFile(req) }),
  );

  app.get(
    '/training/sessions/:id/qr',
    { schema: { tags, params: idParams, response: { 200: sessionQr } } },
    async (req) => sessionQrCode(app.ctx, actorOf(req), req.params),
  );

  app.post(
    '/training/checkin',
    { schema: { tags, body: selfCheckin, response: { 200: checkinResult } } },
    async (req) => scanSessionQr(app.ctx, actorOf(req), req.body),
  );

  app.post(
    '/training/sessions/:id/checkin',
    { schema: { tags, params: idParams, body: staffCheckin, response: { 200: checkinResult } } },
    async (req) => scanTraineeCode(app.ctx, actorOf(req), { ...req.body, id: req.params.id }),
  );

  app.get(
    '/training/enrolments/:id/qr',
    { schema: { tags, params: idParams, response: { 200: enrolmentQr } } },
    async (req) => enrolmentQrCode(app.ctx, actorOf(req), req.params),
  );

  app.get('/training/sessions/:id/sign-in.docx', { schema: { tags, params: idParams } }, async (req, reply) =>
    sendFile(reply, DOCX, await signInSheetDocx(app.ctx, actorOf(req), req.params)),
  );

  app.get('/training/sessions/:id/sign-in.pdf', { schema: { tags, params: idParams } }, async (req, reply) =>
    sendFile(reply, PDF, await signInSheetPdf(app.ctx, actorOf(req), req.params)),
  );
}
