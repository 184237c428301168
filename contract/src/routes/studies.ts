import { idParams } from '../common.ts';
import {
  study,
  studyCreate,
  studyExportQuery,
  studyListQuery,
  studyPage,
  studyTransition,
  studyUpdate,
} from '../studies.ts';
import { defineRoute } from './define.ts';

const tags = ['studies'];

/** Long-term study: read with `person.read`, written with `person.write` on the cadre's unit. */
export const studies = {
  list: defineRoute({
    method: 'GET',
    path: '/studies',
    tags,
    query: studyListQuery,
    exampleQuery: (ids) => ({ unitId: ids.unit, pageSize: 200 }),
    responses: { 200: studyPage },
  }),
  export: defineRoute({
    method: 'GET',
    path: '/studies/export.xlsx',
    tags,
    query: studyExportQuery,
    exampleQuery: (ids) => ({ unitId: ids.unit }),
    file: 'xlsx',
  }),
  /** A cadre's studies, on the person's page. */
  ofPerson: defineRoute({
    method: 'GET',
    path: '/people/:id/studies',
    tags,
    params: idParams,
    query: studyListQuery,
    exampleQuery: { pageSize: 200 },
    responses: { 200: studyPage },
  }),
  get: defineRoute({ method: 'GET', path: '/studies/:id', tags, params: idParams, responses: { 200: study } }),
  create: defineRoute({
    method: 'POST',
    path: '/studies',
    tags,
    body: studyCreate,
    responses: { 201: study },
    example: (ids) => ({
      personId: ids.person,
      studyKind: 'theory_intermediate',
      decision: '15-QĐ/TĐTN',
      decisionDate: '2024-08-20',
      institution: 'Trường Chính trị tỉnh',
      major: null,
      studyMode: 'part_time',
      startDate: '2024-09-01',
      expectedEndDate: '2025-08-31',
      funding: 'state',
    }),
  }),
  update: defineRoute({
    method: 'PATCH',
    path: '/studies/:id',
    tags,
    params: idParams,
    body: studyUpdate,
    responses: { 200: study },
    example: { version: 1, major: 'Quản lý nhà nước', notes: 'Đã sửa' },
  }),
  transition: defineRoute({
    method: 'POST',
    path: '/studies/:id/transition',
    tags,
    params: idParams,
    body: studyTransition,
    responses: { 200: study },
    example: { action: 'extend', version: 1, expectedEndDate: '2027-12-31', reason: 'Bảo vệ luận văn muộn' },
  }),
};
