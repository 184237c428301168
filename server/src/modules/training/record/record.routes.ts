import { idParams, trainingRecordPage, trainingRecordQuery } from '@canbo/contract';
import type { App } from '../../../http.ts';
import { actorOf } from '../../../http.ts';
import { personTrainingRecord } from './record.service.ts';

/** A person's training record, on the person's page. */
export async function recordRoutes(app: App): Promise<void> {
  app.get(
    '/people/:id/training',
    {
      schema: {
        tags: ['training'],
        params: idParams,
        querystring: trainingRecordQuery,
        response: { 200: trainingRecordPage },
      },
    },
    async (req) => personTrainingRecord(app.ctx, actorOf(req), { ...req.query, id: req.params.id }),
  );
}
