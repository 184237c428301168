import { auditPage, auditQuery } from '../audit.ts';
import { defineRoute } from './define.ts';

export const audit = {
  list: defineRoute({
    method: 'GET',
    path: '/audit',
    tags: ['audit'],
    query: auditQuery,
    exampleQuery: (ids) => ({ unitId: ids.unit, pageSize: 200 }),
    responses: { 200: auditPage },
  }),
};
