import { z } from 'zod';
import { idParams } from '../../common.ts';
import {
  classCreate,
  classExportQuery,
  classHistory,
  classListQuery,
  classPage,
  classTransition,
  classUpdate,
  trainingClass,
} from '../../training/classes.ts';
import { classSession, sessionCreate, sessionList, sessionUpdate } from '../../training/sessions.ts';
import { defineRoute } from '../define.ts';

const tags = ['training'];

/** Classes, their workflow and history, and their timetable (at most MAX_SESSIONS sessions: not paged). */
export const classes = {
  classes: defineRoute({
    method: 'GET',
    path: '/training/classes',
    tags,
    query: classListQuery,
    exampleQuery: (ids) => ({ organiserWithin: ids.unit, sort: 'name', pageSize: 200 }),
    responses: { 200: classPage },
  }),
  exportClasses: defineRoute({
    method: 'GET',
    path: '/training/classes.xlsx',
    tags,
    query: classExportQuery,
    exampleQuery: (ids) => ({ organiserWithin: ids.unit, sort: 'status' }),
    file: 'xlsx',
  }),
  class: defineRoute({
    method: 'GET',
    path: '/training/classes/:id',
    tags,
    params: idParams,
    responses: { 200: trainingClass },
  }),
  createClass: defineRoute({
    method: 'POST',
    path: '/training/classes',
    tags,
    body: classCreate,
    responses: { 201: trainingClass },
    example: (ids) => ({
      organiserUnitId: ids.unit,
      name: 'Lớp thử',
      partners: ['Trường Chính trị tỉnh'],
      kindCode: 'title',
      targetTitles: ['secretary'],
      startDate: '2025-05-12',
      endDate: '2025-05-14',
      capacity: 30,
    }),
  }),
  updateClass: defineRoute({
    method: 'PATCH',
    path: '/training/classes/:id',
    tags,
    params: idParams,
    body: classUpdate,
    responses: { 200: trainingClass },
    example: { version: 1, name: 'Đổi tên', capacity: 200, minAttendancePercent: 50 },
  }),
  transition: defineRoute({
    method: 'POST',
    path: '/training/classes/:id/transitions',
    tags,
    params: idParams,
    body: classTransition,
    responses: { 200: trainingClass },
    example: { action: 'cancel', version: 1, note: 'Thử' },
  }),
  history: defineRoute({
    method: 'GET',
    path: '/training/classes/:id/history',
    tags,
    params: idParams,
    responses: { 200: classHistory },
  }),
  sessions: defineRoute({
    method: 'GET',
    path: '/training/classes/:id/sessions',
    tags,
    params: idParams,
    responses: { 200: sessionList },
  }),
  createSession: defineRoute({
    method: 'POST',
    path: '/training/classes/:id/sessions',
    tags,
    params: idParams,
    body: sessionCreate,
    responses: { 201: classSession },
    example: { date: '2025-05-13', part: 'afternoon', topic: 'Thử', lecturer: 'Thử' },
  }),
  updateSession: defineRoute({
    method: 'PATCH',
    path: '/training/sessions/:id',
    tags,
    params: idParams,
    body: sessionUpdate,
    responses: { 200: classSession },
    example: { version: 1, part: 'evening', topic: 'Đổi' },
  }),
  deleteSession: defineRoute({
    method: 'DELETE',
    path: '/training/sessions/:id',
    tags,
    params: idParams,
    responses: { 204: z.null() },
  }),
};
