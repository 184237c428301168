import { auditPage, auditQuery } from '../audit.ts';
import { defineRoute } from './define.ts';

export const audit = {
  list: defineRoute({
    method: 'GET',
    path: '/audit',
    tags: ['audit'],
    query: auditQuery,
    responses: { 200: auditPage },
  }),
};
