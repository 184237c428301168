import { auditPage, auditQuery } from '@canbo/contract';
import type { App } from '../../http.ts';
import { actorOf } from '../../http.ts';
import { auditHistory } from './audit.service.ts';

export async function auditRoutes(app: App): Promise<void> {
  app.get(
    '/audit',
    { schema: { tags: ['audit'], querystring: auditQuery, response: { 200: auditPage } } },
    async (req) => auditHistory(app.ctx, actorOf(req), req.query),
  );
}
