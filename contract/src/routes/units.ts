import { idParams } from '../common.ts';
import {
  headcount,
  headcountQuery,
  lineagePage,
  lineageQuery,
  unitCreate,
  unitDetail,
  unitEventPage,
  unitEventQuery,
  unitListQuery,
  unitMerge,
  unitMove,
  unitPage,
  unitRename,
  unitSplit,
  unitSplitResult,
  unitStatusChange,
  unitTreePage,
  unitTreeQuery,
  unitUpdate,
} from '../units.ts';
import { defineRoute } from './define.ts';

const tags = ['units'];
const DATE = '2025-03-01';
const change = { version: 1, date: DATE, decision: '15-QĐ/TĐTN', note: null };
/** A new unit's own fields, as a split or a merge declares them. */
export const exampleNewUnit = (code: string) => ({
  code,
  name: `Đơn vị ${code}`,
  kind: 'grassroots' as const,
  organisation: 'doan' as const,
  interim: false,
});

/** Restructuring: each step is its own route, so the audit and the unit's history say which. */
const statusChange = (path: string) =>
  defineRoute({
    method: 'POST',
    path,
    tags,
    params: idParams,
    body: unitStatusChange,
    responses: { 200: unitDetail },
    example: change,
  });

export const units = {
  list: defineRoute({
    method: 'GET',
    path: '/units',
    tags,
    query: unitListQuery,
    exampleQuery: (ids) => ({ within: ids.unit, pageSize: 200 }),
    responses: { 200: unitPage },
  }),
  tree: defineRoute({
    method: 'GET',
    path: '/units/tree',
    tags,
    query: unitTreeQuery,
    exampleQuery: (ids) => ({ parentId: ids.unit }),
    responses: { 200: unitTreePage },
  }),
  get: defineRoute({ method: 'GET', path: '/units/:id', tags, params: idParams, responses: { 200: unitDetail } }),
  create: defineRoute({
    method: 'POST',
    path: '/units',
    tags,
    body: unitCreate,
    responses: { 201: unitDetail },
    example: (ids) => ({ ...exampleNewUnit('WALK-NEW'), parentId: ids.unit, date: DATE }),
  }),
  update: defineRoute({
    method: 'PATCH',
    path: '/units/:id',
    tags,
    params: idParams,
    body: unitUpdate,
    responses: { 200: unitDetail },
    example: { version: 1, place: 'Gia Nghĩa', shortName: 'Đổi' },
  }),
  rename: defineRoute({
    method: 'POST',
    path: '/units/:id/rename',
    tags,
    params: idParams,
    body: unitRename,
    responses: { 200: unitDetail },
    example: { ...change, name: 'Tên mới' },
  }),
  move: defineRoute({
    method: 'POST',
    path: '/units/:id/move',
    tags,
    params: idParams,
    body: unitMove,
    responses: { 200: unitDetail },
    example: (ids) => ({ ...change, parentId: ids.unit2 }),
  }),
  dissolve: statusChange('/units/:id/dissolve'),
  interim: statusChange('/units/:id/interim'),
  activate: statusChange('/units/:id/activate'),
  split: defineRoute({
    method: 'POST',
    path: '/units/:id/split',
    tags,
    params: idParams,
    body: unitSplit,
    responses: { 200: unitSplitResult },
    example: { version: 1, into: [exampleNewUnit('WALK-S1'), exampleNewUnit('WALK-S2')], date: DATE },
  }),
  merge: defineRoute({
    method: 'POST',
    path: '/units/merge',
    tags,
    body: unitMerge,
    responses: { 200: unitDetail },
    example: (ids) => ({ sourceIds: [ids.unit], targetId: ids.unit2, date: DATE }),
  }),
  events: defineRoute({
    method: 'GET',
    path: '/units/:id/events',
    tags,
    params: idParams,
    query: unitEventQuery,
    responses: { 200: unitEventPage },
  }),
  lineage: defineRoute({
    method: 'GET',
    path: '/units/:id/lineage',
    tags,
    params: idParams,
    query: lineageQuery,
    responses: { 200: lineagePage },
  }),
  headcount: defineRoute({
    method: 'GET',
    path: '/units/:id/headcount',
    tags,
    params: idParams,
    query: headcountQuery,
    exampleQuery: { date: '2025-03-01' },
    responses: { 200: headcount },
  }),
};
