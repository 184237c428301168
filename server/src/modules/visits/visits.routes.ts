import multipart from '@fastify/multipart';
import { routes, VISIT_REPORT_FILE_MAX_BYTES } from '@canbo/contract';
import type { App } from '../../http.ts';
import { actorOf, sendStoredFile, sendXlsxTable } from '../../http.ts';
import { register } from '../../route.ts';
import { complianceTable } from './compliance.export.ts';
import { reportFileOf } from './report.file.ts';
import {
  changeRegistration,
  changeSettings,
  createTrip,
  deleteReportFile,
  deleteRequirement,
  exportCompliance,
  fileReport,
  getPersonYear,
  getReportFile,
  getSettings,
  listCompliance,
  listHostUnits,
  listOverdue,
  myYear,
  registerVisits,
  setRequirement,
  updateTrip,
  uploadReportFile,
  visitTotals,
} from './visits.service.ts';

export async function visitsRoutes(app: App): Promise<void> {
  const { visits } = routes;
  register(app, visits.me, async (req) => myYear(app.ctx, actorOf(req), req.query));
  register(app, visits.personYear, async (req) => getPersonYear(app.ctx, actorOf(req), req.query));
  register(app, visits.register, async (req) => registerVisits(app.ctx, actorOf(req), req.body));
  register(app, visits.updateRegistration, async (req) =>
    changeRegistration(app.ctx, actorOf(req), { ...req.body, id: req.params.id }),
  );
  register(app, visits.hostUnits, async (req) => listHostUnits(app.ctx, actorOf(req), req.query));
  register(app, visits.createTrip, async (req) => createTrip(app.ctx, actorOf(req), req.body));
  register(app, visits.updateTrip, async (req) =>
    updateTrip(app.ctx, actorOf(req), { ...req.body, id: req.params.id }),
  );
  register(app, visits.fileReport, async (req) =>
    fileReport(app.ctx, actorOf(req), { ...req.body, id: req.params.id }),
  );
  // Only the attachment upload takes a multipart body: one file of at most 10 MB.
  await app.register(async (files: App) => {
    await files.register(multipart, {
      limits: { files: 1, fileSize: VISIT_REPORT_FILE_MAX_BYTES, fields: 2, parts: 3 },
    });
    register(files, visits.uploadReportFile, async (req) =>
      uploadReportFile(app.ctx, actorOf(req), {
        id: req.params.id,
        version: req.query.version,
        file: await reportFileOf(req),
      }),
    );
  });
  register(app, visits.reportFile, async (req, reply) =>
    sendStoredFile(reply, await getReportFile(app.ctx, actorOf(req), req.params)),
  );
  register(app, visits.deleteReportFile, async (req) =>
    deleteReportFile(app.ctx, actorOf(req), { id: req.params.id, version: req.query.version }),
  );
  register(app, visits.compliance, async (req) => listCompliance(app.ctx, actorOf(req), req.query));
  register(app, visits.exportCompliance, async (req, reply) => {
    const { year, rows } = await exportCompliance(app.ctx, actorOf(req), req.query);
    return sendXlsxTable(req, reply, `di-co-so-nam-${year}`, complianceTable(year, rows));
  });
  register(app, visits.totals, async (req) => visitTotals(app.ctx, actorOf(req), req.query));
  register(app, visits.overdue, async (req) => listOverdue(app.ctx, actorOf(req), req.query));
  register(app, visits.settings, async (req) => getSettings(app.ctx, actorOf(req), req.query));
  register(app, visits.updateSettings, async (req) =>
    changeSettings(app.ctx, actorOf(req), { ...req.body, id: req.params.id }),
  );
  register(app, visits.setRequirement, async (req) =>
    setRequirement(app.ctx, actorOf(req), { ...req.body, id: req.params.id }),
  );
  register(app, visits.deleteRequirement, async (req) => deleteRequirement(app.ctx, actorOf(req), req.params));
}
