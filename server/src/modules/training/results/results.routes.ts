import { routes } from '@canbo/contract';
import type { App } from '../../../http.ts';
import { actorOf } from '../../../http.ts';
import { register } from '../../../route.ts';
import { overrideOutcome, saveResults } from './results.service.ts';

/** Scores, grades and the completion outcome of a class's trainees. */
export async function resultsRoutes(app: App): Promise<void> {
  const { training } = routes;
  register(app, training.saveResults, async (req) =>
    saveResults(app.ctx, actorOf(req), { ...req.body, id: req.params.id }),
  );
  register(app, training.overrideOutcome, async (req) =>
    overrideOutcome(app.ctx, actorOf(req), { ...req.body, id: req.params.id }),
  );
}
