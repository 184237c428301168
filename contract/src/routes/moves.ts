import { z } from 'zod';
import { idParams } from '../common.ts';
import { move, moveCreate, moveListQuery, movePage, moveParams, moveUpdate } from '../moves.ts';
import { defineRoute } from './define.ts';

const tags = ['people'];

const example = (ids: { unit: number; unit2: number }) => ({
  moveKind: 'transfer' as const,
  fromUnitId: ids.unit,
  toUnitId: ids.unit2,
  moveDate: '2021-03-01',
  decision: '45-QĐ/TĐTN',
  decisionDate: '2021-02-20',
  notes: null,
});

/** A cadre's moves between units (Quá trình công tác), on the person's page. */
export const moves = {
  list: defineRoute({
    method: 'GET',
    path: '/people/:id/moves',
    tags,
    params: idParams,
    query: moveListQuery,
    responses: { 200: movePage },
  }),
  create: defineRoute({
    method: 'POST',
    path: '/people/:id/moves',
    tags,
    params: idParams,
    body: moveCreate,
    responses: { 201: move },
    example,
  }),
  update: defineRoute({
    method: 'PATCH',
    path: '/people/:id/moves/:moveId',
    tags,
    params: moveParams,
    body: moveUpdate,
    responses: { 200: move },
    example: { version: 1, decision: '46-QĐ/TĐTN', notes: 'Đã sửa số quyết định' },
  }),
  delete: defineRoute({
    method: 'DELETE',
    path: '/people/:id/moves/:moveId',
    tags,
    params: moveParams,
    responses: { 204: z.null() },
  }),
};
