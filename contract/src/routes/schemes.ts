import { idParams } from '../common.ts';
import {
  figureRowFilter,
  figureRowPage,
  figureRowQuery,
  scheme,
  schemeCreate,
  schemeExportQuery,
  schemeLinks,
  schemeLinksUpdate,
  schemeListQuery,
  schemePage,
  schemeProgress,
  schemeTargetParams,
  schemeUpdate,
} from '../schemes.ts';
import { defineRoute } from './define.ts';

const tags = ['schemes'];

/**
 * Schemes (đề án, kế hoạch). A scheme is seen by readers (`training.read`) of its issuing unit's
 * subtree and of the units below the issuing unit (a province's scheme is a district's too; its
 * figures are counted in the reader's scope); it is written with `training.manage` on the issuing
 * unit. A class is linked by the editors who manage it, a study by those with `person.write` on the
 * cadre's unit, to schemes whose issuing unit's subtree holds the class's organiser / the cadre's unit.
 */
export const schemes = {
  list: defineRoute({
    method: 'GET',
    path: '/schemes',
    tags,
    query: schemeListQuery,
    exampleQuery: (ids) => ({ unitId: ids.unit, pageSize: 200 }),
    responses: { 200: schemePage },
  }),
  export: defineRoute({
    method: 'GET',
    path: '/schemes.xlsx',
    tags,
    query: schemeExportQuery,
    exampleQuery: (ids) => ({ unitId: ids.unit }),
    file: 'xlsx',
  }),
  get: defineRoute({ method: 'GET', path: '/schemes/:id', tags, params: idParams, responses: { 200: scheme } }),
  create: defineRoute({
    method: 'POST',
    path: '/schemes',
    tags,
    body: schemeCreate,
    responses: { 201: scheme },
    example: (ids) => ({
      name: 'Kế hoạch bồi dưỡng cán bộ Đoàn giai đoạn 2024–2026',
      code: 'KH-2024',
      issuingUnitId: ids.unit,
      decision: '12-KH/HĐTN',
      decisionDate: '2024-01-15',
      startYear: 2024,
      endYear: 2026,
      description: null,
      targets: [
        {
          metric: 'participations',
          label: 'Lượt cán bộ được bồi dưỡng',
          kindCode: 'union_work',
          linkedOnly: false,
          total: 300,
          years: [
            { year: 2024, value: 100 },
            { year: 2025, value: 100 },
            { year: 2026, value: 100 },
          ],
          units: [],
        },
        {
          metric: 'title_training_share',
          title: 'secretary',
          withinMonths: 12,
          total: 90,
        },
        { metric: 'studies_started', studyKinds: ['theory_intermediate', 'theory_advanced'], total: 20 },
      ],
    }),
  }),
  update: defineRoute({
    method: 'PATCH',
    path: '/schemes/:id',
    tags,
    params: idParams,
    body: schemeUpdate,
    responses: { 200: scheme },
    example: { version: 1, name: 'Kế hoạch bồi dưỡng cán bộ Đoàn (sửa đổi)', decision: '13-KH/HĐTN' },
  }),
  /** Every target's progress, live from the records, in the actor's scope. */
  progress: defineRoute({
    method: 'GET',
    path: '/schemes/:id/progress',
    tags,
    params: idParams,
    responses: { 200: schemeProgress },
  }),
  /** The rows behind a target's figure (the whole period, or one year / one unit of the target). */
  rows: defineRoute({
    method: 'GET',
    path: '/schemes/:id/targets/:targetId/rows',
    tags,
    params: schemeTargetParams,
    query: figureRowQuery,
    exampleQuery: { pageSize: 200 },
    responses: { 200: figureRowPage },
  }),
  rowsExport: defineRoute({
    method: 'GET',
    path: '/schemes/:id/targets/:targetId/rows.xlsx',
    tags,
    params: schemeTargetParams,
    query: figureRowFilter,
    file: 'xlsx',
  }),
  classSchemes: defineRoute({
    method: 'GET',
    path: '/training/classes/:id/schemes',
    tags,
    params: idParams,
    responses: { 200: schemeLinks },
  }),
  /** The schemes the class serves, as a whole set. */
  setClassSchemes: defineRoute({
    method: 'PUT',
    path: '/training/classes/:id/schemes',
    tags,
    params: idParams,
    body: schemeLinksUpdate,
    responses: { 200: schemeLinks },
    example: { schemeIds: [] },
  }),
  studySchemes: defineRoute({
    method: 'GET',
    path: '/studies/:id/schemes',
    tags,
    params: idParams,
    responses: { 200: schemeLinks },
  }),
  setStudySchemes: defineRoute({
    method: 'PUT',
    path: '/studies/:id/schemes',
    tags,
    params: idParams,
    body: schemeLinksUpdate,
    responses: { 200: schemeLinks },
    example: { schemeIds: [] },
  }),
};
