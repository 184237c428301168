import { routes } from '@canbo/contract';
import type { App } from '../../http.ts';
import { actorOf, sendXlsxTable } from '../../http.ts';
import { register } from '../../route.ts';
import { complianceTable } from './compliance.export.ts';
import {
  changeSettings,
  createTrip,
  exportCompliance,
  fileReport,
  getPersonYear,
  getSettings,
  listCompliance,
  listOverdue,
  myYear,
  registerVisits,
  updateTrip,
  visitTotals,
} from './visits.service.ts';

export async function visitsRoutes(app: App): Promise<void> {
  const { visits } = routes;
  register(app, visits.me, async (req) => myYear(app.ctx, actorOf(req), req.query));
  register(app, visits.personYear, async (req) => getPersonYear(app.ctx, actorOf(req), req.query));
  register(app, visits.register, async (req) => registerVisits(app.ctx, actorOf(req), req.body));
  register(app, visits.createTrip, async (req) => createTrip(app.ctx, actorOf(req), req.body));
  register(app, visits.updateTrip, async (req) =>
    updateTrip(app.ctx, actorOf(req), { ...req.body, id: req.params.id }),
  );
  register(app, visits.fileReport, async (req) =>
    fileReport(app.ctx, actorOf(req), { ...req.body, id: req.params.id }),
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
}
