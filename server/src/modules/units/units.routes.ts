import {
  headcount,
  headcountQuery,
  idParams,
  lineagePage,
  lineageQuery,
  unitCreate,
  unitDetail,
  unitEventPage,
  unitEventQuery,
  unitListQuery,
  unitMerge,
  unitMove,
  unitPage,
  unitRename,
  unitSplit,
  unitSplitResult,
  unitStatusChange,
  unitTreePage,
  unitTreeQuery,
  unitUpdate,
} from '@canbo/contract';
import type { App } from '../../http.ts';
import { actorOf } from '../../http.ts';
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

const tags = ['units'];

export async function unitRoutes(app: App): Promise<void> {
  const ctx = app.ctx;

  app.get('/units', { schema: { tags, querystring: unitListQuery, response: { 200: unitPage } } }, async (req) =>
    listUnits(ctx, actorOf(req), req.query),
  );

  app.get(
    '/units/tree',
    { schema: { tags, querystring: unitTreeQuery, response: { 200: unitTreePage } } },
    async (req) => unitTree(ctx, actorOf(req), req.query),
  );

  app.get('/units/:id', { schema: { tags, params: idParams, response: { 200: unitDetail } } }, async (req) =>
    getUnit(ctx, actorOf(req), req.params),
  );

  app.post('/units', { schema: { tags, body: unitCreate, response: { 201: unitDetail } } }, async (req, reply) => {
    const created = await createUnit(ctx, actorOf(req), req.body);
    return reply.code(201).send(created);
  });

  app.patch(
    '/units/:id',
    { schema: { tags, params: idParams, body: unitUpdate, response: { 200: unitDetail } } },
    async (req) => updateUnit(ctx, actorOf(req), { ...req.body, id: req.params.id }),
  );

  app.post(
    '/units/:id/rename',
    { schema: { tags, params: idParams, body: unitRename, response: { 200: unitDetail } } },
    async (req) => renameUnit(ctx, actorOf(req), { ...req.body, id: req.params.id }),
  );

  app.post(
    '/units/:id/move',
    { schema: { tags, params: idParams, body: unitMove, response: { 200: unitDetail } } },
    async (req) => moveUnit(ctx, actorOf(req), { ...req.body, id: req.params.id }),
  );

  app.post(
    '/units/:id/dissolve',
    { schema: { tags, params: idParams, body: unitStatusChange, response: { 200: unitDetail } } },
    async (req) => dissolveUnit(ctx, actorOf(req), { ...req.body, id: req.params.id }),
  );

  app.post(
    '/units/:id/interim',
    { schema: { tags, params: idParams, body: unitStatusChange, response: { 200: unitDetail } } },
    async (req) => setInterim(ctx, actorOf(req), { ...req.body, id: req.params.id }),
  );

  app.post(
    '/units/:id/activate',
    { schema: { tags, params: idParams, body: unitStatusChange, response: { 200: unitDetail } } },
    async (req) => activateUnit(ctx, actorOf(req), { ...req.body, id: req.params.id }),
  );

  app.post(
    '/units/:id/split',
    { schema: { tags, params: idParams, body: unitSplit, response: { 200: unitSplitResult } } },
    async (req) => splitUnit(ctx, actorOf(req), { ...req.body, id: req.params.id }),
  );

  app.post('/units/merge', { schema: { tags, body: unitMerge, response: { 200: unitDetail } } }, async (req) =>
    mergeUnits(ctx, actorOf(req), req.body),
  );

  app.get(
    '/units/:id/events',
    { schema: { tags, params: idParams, querystring: unitEventQuery, response: { 200: unitEventPage } } },
    async (req) => listUnitEvents(ctx, actorOf(req), { ...req.query, id: req.params.id }),
  );

  app.get(
    '/units/:id/lineage',
    { schema: { tags, params: idParams, querystring: lineageQuery, response: { 200: lineagePage } } },
    async (req) => unitLineage(ctx, actorOf(req), { ...req.query, id: req.params.id }),
  );

  app.get(
    '/units/:id/headcount',
    { schema: { tags, params: idParams, querystring: headcountQuery, response: { 200: headcount } } },
    async (req) => unitHeadcount(ctx, actorOf(req), { ...req.query, id: req.params.id }),
  );
}
