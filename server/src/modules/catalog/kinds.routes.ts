import { kindParams, trainingKind, trainingKindCreate, trainingKindList, trainingKindUpdate } from '@canbo/contract';
import type { App } from '../../http.ts';
import { actorOf } from '../../http.ts';
import { createTrainingKind, listTrainingKinds, updateTrainingKind } from './kinds.service.ts';

/** Training kinds: a handful of rows every user picks from; only catalogue managers change them. */
export async function kindRoutes(app: App): Promise<void> {
  const tags = ['catalog'];

  app.get('/training/kinds', { schema: { tags, response: { 200: trainingKindList } } }, async () =>
    listTrainingKinds(app.ctx),
  );

  app.post(
    '/training/kinds',
    { schema: { tags, body: trainingKindCreate, response: { 201: trainingKind } } },
    async (req, reply) => reply.code(201).send(await createTrainingKind(app.ctx, actorOf(req), req.body)),
  );

  // Deactivating is an update: a kind on existing classes is never deleted.
  app.patch(
    '/training/kinds/:code',
    { schema: { tags, params: kindParams, body: trainingKindUpdate, response: { 200: trainingKind } } },
    async (req) => updateTrainingKind(app.ctx, actorOf(req), { ...req.body, code: req.params.code }),
  );
}
