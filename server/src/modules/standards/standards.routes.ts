import { routes } from '@canbo/contract';
import type { App } from '../../http.ts';
import { actorOf, sendXlsxTable } from '../../http.ts';
import { register } from '../../route.ts';
import { gapsTable, standardisationTable } from './standards.export.ts';
import { listTitleStandards, saveTitleStandard } from './standards.service.ts';
import {
  exportStandardisation,
  exportTitleGaps,
  listStandardisation,
  listTitleGaps,
} from './standardisation.service.ts';

/** Title standards (catalogue) and the standardisation and title-training gap lists. */
export async function standardsRoutes(app: App): Promise<void> {
  const { standards } = routes;
  register(app, standards.list, async () => listTitleStandards(app.ctx));
  register(app, standards.save, async (req) =>
    saveTitleStandard(app.ctx, actorOf(req), { ...req.body, ...req.params }),
  );
  register(app, standards.standardisation, async (req) => listStandardisation(app.ctx, actorOf(req), req.query));
  register(app, standards.exportStandardisation, async (req, reply) => {
    const { at, rows } = await exportStandardisation(app.ctx, actorOf(req), req.query);
    return sendXlsxTable(req, reply, 'chuan-hoa-can-bo', standardisationTable(at, rows));
  });
  register(app, standards.gaps, async (req) => listTitleGaps(app.ctx, actorOf(req), req.query));
  register(app, standards.exportGaps, async (req, reply) => {
    const { at, months, rows } = await exportTitleGaps(app.ctx, actorOf(req), req.query);
    return sendXlsxTable(req, reply, 'chua-boi-duong-chuc-danh', gapsTable(at, months, rows));
  });
}
