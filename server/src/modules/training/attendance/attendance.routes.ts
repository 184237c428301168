import multipart from '@fastify/multipart';
import { routes } from '@canbo/contract';
import type { App } from '../../../http.ts';
import { actorOf, langOf, sendFile } from '../../../http.ts';
import { register } from '../../../route.ts';
import { DOCX, PDF, XLSX } from '../../../documents/file.ts';
import { attendanceWorkbook, getAttendanceGrid, saveAttendance } from './attendance.service.ts';
import { enrolmentQrCode, scanSessionQr, scanTraineeCode, sessionQrCode } from './checkin.service.ts';
import { signInSheetDocx, signInSheetPdf } from './signin.service.ts';
import { MAX_UPLOAD_BYTES, uploadedFile } from './upload.file.ts';
import { uploadAttendance } from './upload.service.ts';

/** Attendance of a class: the grid, QR check-in, the spreadsheet both ways, and the sign-in sheets. */
export async function attendanceRoutes(app: App): Promise<void> {
  // Only this plugin's routes take multipart bodies, and only one small file.
  await app.register(multipart, { limits: { files: 1, fileSize: MAX_UPLOAD_BYTES, fields: 5, parts: 6 } });
  const { training } = routes;

  register(app, training.attendance, async (req) =>
    getAttendanceGrid(app.ctx, actorOf(req), { ...req.query, id: req.params.id }),
  );
  register(app, training.saveAttendance, async (req) =>
    saveAttendance(app.ctx, actorOf(req), { ...req.body, id: req.params.id }),
  );
  register(app, training.attendanceSheet, async (req, reply) =>
    sendFile(reply, XLSX, await attendanceWorkbook(app.ctx, actorOf(req), req.params)),
  );
  register(app, training.uploadAttendance, async (req) =>
    uploadAttendance(app.ctx, actorOf(req), {
      ...req.query,
      id: req.params.id,
      file: await uploadedFile(req),
      lang: langOf(req),
    }),
  );
  register(app, training.sessionQr, async (req) => sessionQrCode(app.ctx, actorOf(req), req.params));
  register(app, training.selfCheckin, async (req) => scanSessionQr(app.ctx, actorOf(req), req.body));
  register(app, training.staffCheckin, async (req) =>
    scanTraineeCode(app.ctx, actorOf(req), { ...req.body, id: req.params.id }),
  );
  register(app, training.enrolmentQr, async (req) => enrolmentQrCode(app.ctx, actorOf(req), req.params));
  register(app, training.signInDocx, async (req, reply) =>
    sendFile(reply, DOCX, await signInSheetDocx(app.ctx, actorOf(req), req.params)),
  );
  register(app, training.signInPdf, async (req, reply) =>
    sendFile(reply, PDF, await signInSheetPdf(app.ctx, actorOf(req), req.params)),
  );
}
