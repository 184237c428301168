import { dashboard as dashboardAnswer, dashboardQuery } from '../dashboard.ts';
import { defineRoute } from './define.ts';

const tags = ['dashboard'];

/** The dashboard of a unit subtree the user reads, over a period: counted in the user's scope. */
export const dashboard = {
  get: defineRoute({
    method: 'GET',
    path: '/dashboard',
    tags,
    query: dashboardQuery,
    exampleQuery: (ids) => ({ unitId: ids.unit, from: '2024-01-01', to: '2024-12-31' }),
    responses: { 200: dashboardAnswer },
  }),
};
