import { routes } from '@canbo/contract';
import type { App } from '../../http.ts';
import { actorOf, sendFile, sendXlsxTable } from '../../http.ts';
import { register } from '../../route.ts';
import { exportReport, exportReportRows, listReports, reportRows, runReport } from './reports.service.ts';

export async function reportsRoutes(app: App): Promise<void> {
  const { reports } = routes;
  register(app, reports.list, async (req) => listReports(actorOf(req)));
  register(app, reports.get, async (req) => runReport(app.ctx, actorOf(req), req.params.reportName, req.query));
  register(app, reports.rows, async (req) => reportRows(app.ctx, actorOf(req), req.params.reportName, req.query));
  register(app, reports.rowsExport, async (req, reply) => {
    const { baseName, table } = await exportReportRows(app.ctx, actorOf(req), req.params.reportName, req.query);
    return sendXlsxTable(req, reply, baseName, table);
  });
  register(app, reports.export, async (req, reply) => {
    const { type, file } = await exportReport(app.ctx, actorOf(req), req.params.reportName, req.query);
    return sendFile(reply, type, file);
  });
}
