import { idParams, outcomeOverride, overrideResult, resultsInput, resultsSaved } from '@canbo/contract';
import type { App } from '../../../http.ts';
import { actorOf } from '../../../http.ts';
import { overrideOutcome, saveResults } from './results.service.ts';
import { BODY_LIMITS } from '../../../body.limits.ts';

/** Scores, grades and the completion outcome of a class's trainees. */
export async function resultsRoutes(app: App): Promise<void> {
  const tags = ['training'];

  app.put(
    '/training/classes/:id/results',
    {
      bodyLimit: BODY_LIMITS.results,
      schema: { tags, params: idParams, body: resultsInput, response: { 200: resultsSaved } },
    },
    async (req) => saveResults(app.ctx, actorOf(req), { ...req.body, id: req.params.id }),
  );

  app.post(
    '/training/enrolments/:id/override',
    { schema: { tags, params: idParams, body: outcomeOverride, response: { 200: overrideResult } } },
    async (req) => overrideOutcome(app.ctx, actorOf(req), { ...req.body, id: req.params.id }),
  );
}
