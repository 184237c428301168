import { idParams } from '../common.ts';
import { position, positionCreate, positionListQuery, positionPage, positionUpdate } from '../positions.ts';
import { defineRoute } from './define.ts';

const tags = ['positions'];

/** A unit's committee is `?unitId=X&activeOn=<today>`; a cadre's history is `?personId=X`. */
export const positions = {
  list: defineRoute({
    method: 'GET',
    path: '/positions',
    tags,
    query: positionListQuery,
    exampleQuery: (ids) => ({ unitId: ids.unit, pageSize: 200 }),
    responses: { 200: positionPage },
  }),
  get: defineRoute({ method: 'GET', path: '/positions/:id', tags, params: idParams, responses: { 200: position } }),
  create: defineRoute({
    method: 'POST',
    path: '/positions',
    tags,
    body: positionCreate,
    responses: { 201: position },
    example: (ids) => ({
      personId: ids.person,
      unitId: ids.unit,
      title: 'deputy_secretary',
      employment: 'part_time',
      method: 'elected',
      term: '2022–2027',
      decision: '20-QĐ/HĐTN',
      startDate: '2024-01-01',
      endDate: null,
    }),
  }),
  // Ending a position is an update that sets its end date.
  update: defineRoute({
    method: 'PATCH',
    path: '/positions/:id',
    tags,
    params: idParams,
    body: positionUpdate,
    responses: { 200: position },
    example: { version: 1, decision: '21-QĐ/HĐTN', endDate: '2025-01-01' },
  }),
};
