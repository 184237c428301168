import { routes } from '@canbo/contract';
import type { App } from '../../http.ts';
import { actorOf } from '../../http.ts';
import { register } from '../../route.ts';
import {
  activateUnit,
  createUnit,
  dissolveUnit,
  getUnit,
  listUnitEvents,
  listUnits,
  mergeUnits,
  moveUnit,
  renameUnit,
  setInterim,
  splitUnit,
  unitHeadcount,
  unitLineage,
  unitTree,
  updateUnit,
} from './units.service.ts';

export async function unitRoutes(app: App): Promise<void> {
  const ctx = app.ctx;
  const { units } = routes;
  register(app, units.list, async (req) => listUnits(ctx, actorOf(req), req.query));
  register(app, units.tree, async (req) => unitTree(ctx, actorOf(req), req.query));
  register(app, units.get, async (req) => getUnit(ctx, actorOf(req), req.params));
  register(app, units.create, async (req) => createUnit(ctx, actorOf(req), req.body));
  register(app, units.update, async (req) => updateUnit(ctx, actorOf(req), { ...req.body, id: req.params.id }));
  register(app, units.rename, async (req) => renameUnit(ctx, actorOf(req), { ...req.body, id: req.params.id }));
  register(app, units.move, async (req) => moveUnit(ctx, actorOf(req), { ...req.body, id: req.params.id }));
  register(app, units.dissolve, async (req) => dissolveUnit(ctx, actorOf(req), { ...req.body, id: req.params.id }));
  register(app, units.interim, async (req) => setInterim(ctx, actorOf(req), { ...req.body, id: req.params.id }));
  register(app, units.activate, async (req) => activateUnit(ctx, actorOf(req), { ...req.body, id: req.params.id }));
  register(app, units.split, async (req) => splitUnit(ctx, actorOf(req), { ...req.body, id: req.params.id }));
  register(app, units.merge, async (req) => mergeUnits(ctx, actorOf(req), req.body));
  register(app, units.events, async (req) => listUnitEvents(ctx, actorOf(req), { ...req.query, id: req.params.id }));
  register(app, units.lineage, async (req) => unitLineage(ctx, actorOf(req), { ...req.query, id: req.params.id }));
  register(app, units.headcount, async (req) => unitHeadcount(ctx, actorOf(req), { ...req.query, id: req.params.id }));
}
