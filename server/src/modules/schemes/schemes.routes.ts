import { routes } from '@canbo/contract';
import type { App } from '../../http.ts';
import { actorOf, sendXlsxTable } from '../../http.ts';
import { register } from '../../route.ts';
import { figureRowsTable, schemesTable } from './schemes.export.ts';
import {
  createScheme,
  exportSchemes,
  exportTargetRows,
  getClassSchemes,
  getScheme,
  getStudySchemes,
  listSchemes,
  schemeProgress,
  setClassSchemes,
  setStudySchemes,
  targetRows,
  updateScheme,
} from './schemes.service.ts';

export async function schemesRoutes(app: App): Promise<void> {
  const { schemes } = routes;
  register(app, schemes.list, async (req) => listSchemes(app.ctx, actorOf(req), req.query));
  register(app, schemes.export, async (req, reply) =>
    sendXlsxTable(req, reply, 'de-an-ke-hoach', schemesTable(exportSchemes(app.ctx, actorOf(req), req.query))),
  );
  register(app, schemes.get, async (req) => getScheme(app.ctx, actorOf(req), req.params));
  register(app, schemes.create, async (req) => createScheme(app.ctx, actorOf(req), req.body));
  register(app, schemes.update, async (req) => updateScheme(app.ctx, actorOf(req), { ...req.body, id: req.params.id }));
  register(app, schemes.progress, async (req) => schemeProgress(app.ctx, actorOf(req), req.params));
  register(app, schemes.rows, async (req) => targetRows(app.ctx, actorOf(req), { ...req.query, ...req.params }));
  register(app, schemes.rowsExport, async (req, reply) => {
    const { code, rows } = await exportTargetRows(app.ctx, actorOf(req), { ...req.query, ...req.params });
    return sendXlsxTable(req, reply, `so-lieu-${code}`, figureRowsTable(rows));
  });
  register(app, schemes.classSchemes, async (req) => getClassSchemes(app.ctx, actorOf(req), req.params));
  register(app, schemes.setClassSchemes, async (req) =>
    setClassSchemes(app.ctx, actorOf(req), { ...req.body, id: req.params.id }),
  );
  register(app, schemes.studySchemes, async (req) => getStudySchemes(app.ctx, actorOf(req), req.params));
  register(app, schemes.setStudySchemes, async (req) =>
    setStudySchemes(app.ctx, actorOf(req), { ...req.body, id: req.params.id }),
  );
}
