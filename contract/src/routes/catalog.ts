import { ethnicityList } from '../catalog.ts';
import { idParams } from '../common.ts';
import {
  kindParams,
  programme,
  programmeCreate,
  programmeListQuery,
  programmePage,
  programmeUpdate,
  trainingKind,
  trainingKindCreate,
  trainingKindList,
  trainingKindUpdate,
} from '../training/catalogue.ts';
import { defineRoute } from './define.ts';

const tags = ['catalog'];

/** The catalogue: ethnicities, and training kinds and programmes (under /training like the rest of training). */
export const catalog = {
  // 55 rows, fixed by the statistics office: the only list not paged.
  ethnicities: defineRoute({ method: 'GET', path: '/catalog/ethnicities', tags, responses: { 200: ethnicityList } }),
  kinds: defineRoute({ method: 'GET', path: '/training/kinds', tags, responses: { 200: trainingKindList } }),
  createKind: defineRoute({
    method: 'POST',
    path: '/training/kinds',
    tags,
    body: trainingKindCreate,
    responses: { 201: trainingKind },
    example: { code: 'walk_kind', name: 'Bồi dưỡng thử', sortOrder: 70 },
  }),
  // Deactivating is an update: a kind on existing classes is never deleted.
  updateKind: defineRoute({
    method: 'PATCH',
    path: '/training/kinds/:code',
    tags,
    params: kindParams,
    body: trainingKindUpdate,
    responses: { 200: trainingKind },
    example: { version: 1, name: 'Đổi tên', active: false },
  }),
  programmes: defineRoute({
    method: 'GET',
    path: '/training/programmes',
    tags,
    query: programmeListQuery,
    exampleQuery: { pageSize: 200, sort: 'kind' },
    responses: { 200: programmePage },
  }),
  programme: defineRoute({
    method: 'GET',
    path: '/training/programmes/:id',
    tags,
    params: idParams,
    responses: { 200: programme },
  }),
  createProgramme: defineRoute({
    method: 'POST',
    path: '/training/programmes',
    tags,
    body: programmeCreate,
    responses: { 201: programme },
    example: { name: 'Chương trình thử', kindCode: 'title', targetTitles: ['secretary'], standardDays: 3 },
  }),
  // Retiring a programme is an update (active: false): classes that followed it keep it.
  updateProgramme: defineRoute({
    method: 'PATCH',
    path: '/training/programmes/:id',
    tags,
    params: idParams,
    body: programmeUpdate,
    responses: { 200: programme },
    example: { version: 1, name: 'Đổi tên', active: false },
  }),
};
