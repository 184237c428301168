import { idParams } from '../common.ts';
import { person, personCreate, personExportQuery, personListQuery, personPage, personUpdate } from '../people.ts';
import { trainingRecordPage, trainingRecordQuery } from '../training/record.ts';
import { defineRoute } from './define.ts';

const tags = ['people'];

export const people = {
  list: defineRoute({
    method: 'GET',
    path: '/people',
    tags,
    answerCache: true,
    query: personListQuery,
    exampleQuery: (ids) => ({ unitId: ids.unit, pageSize: 200 }),
    responses: { 200: personPage },
  }),
  export: defineRoute({
    method: 'GET',
    path: '/people/export.xlsx',
    tags,
    query: personExportQuery,
    exampleQuery: (ids) => ({ unitId: ids.unit }),
    file: 'xlsx',
  }),
  get: defineRoute({ method: 'GET', path: '/people/:id', tags, params: idParams, responses: { 200: person } }),
  create: defineRoute({
    method: 'POST',
    path: '/people',
    tags,
    body: personCreate,
    responses: { 201: person },
    example: (ids) => ({
      unitId: ids.unit,
      familyName: 'Lò',
      middleName: 'Văn',
      givenName: 'Thử',
      birthDate: '1995-05-05',
      gender: 'male',
      ethnicityCode: '01',
      nationalId: null,
      partyMember: false,
      qualification: 'university',
      theoryLevel: 'basic',
      hardshipArea: false,
      confirmDuplicate: true,
    }),
  }),
  update: defineRoute({
    method: 'PATCH',
    path: '/people/:id',
    tags,
    params: idParams,
    body: personUpdate,
    responses: { 200: person },
    example: { version: 1, phone: '0901234567', notes: 'Đã sửa' },
  }),
  /** A person's training record, on the person's page. */
  training: defineRoute({
    method: 'GET',
    path: '/people/:id/training',
    tags: ['training'],
    params: idParams,
    query: trainingRecordQuery,
    exampleQuery: { pageSize: 200, order: 'asc' },
    responses: { 200: trainingRecordPage },
  }),
};
