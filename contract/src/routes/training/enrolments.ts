import { z } from 'zod';
import { idParams } from '../../common.ts';
import {
  allocation,
  allocationCreate,
  allocationListQuery,
  allocationPage,
  allocationUpdate,
} from '../../training/allocations.ts';
import { summonsQuery } from '../../training/documents.ts';
import {
  bulkNominate,
  confirmEnrolments,
  confirmResult,
  enrolmentListQuery,
  enrolmentPage,
  nominate,
  nominationResult,
  withdrawEnrolment,
  withdrawResult,
} from '../../training/enrolments.ts';
import { defineRoute } from '../define.ts';

const tags = ['training'];

/** Seats, nominations, the waitlist, confirmation, withdrawal, the roster and the summons. */
export const enrolments = {
  allocations: defineRoute({
    method: 'GET',
    path: '/training/classes/:id/allocations',
    tags,
    params: idParams,
    query: allocationListQuery,
    responses: { 200: allocationPage },
  }),
  createAllocation: defineRoute({
    method: 'POST',
    path: '/training/classes/:id/allocations',
    tags,
    params: idParams,
    body: allocationCreate,
    responses: { 201: allocation },
    example: (ids) => ({ unitId: ids.unit, seats: 2 }),
  }),
  updateAllocation: defineRoute({
    method: 'PATCH',
    path: '/training/allocations/:id',
    tags,
    params: idParams,
    body: allocationUpdate,
    responses: { 200: allocation },
    example: { version: 1, seats: 4 },
  }),
  deleteAllocation: defineRoute({
    method: 'DELETE',
    path: '/training/allocations/:id',
    tags,
    params: idParams,
    responses: { 204: z.null() },
  }),
  enrolments: defineRoute({
    method: 'GET',
    path: '/training/classes/:id/enrolments',
    tags,
    params: idParams,
    query: enrolmentListQuery,
    exampleQuery: { pageSize: 200, sort: 'unit' },
    responses: { 200: enrolmentPage },
  }),
  roster: defineRoute({
    method: 'GET',
    path: '/training/classes/:id/roster.xlsx',
    tags,
    params: idParams,
    query: enrolmentListQuery,
    file: 'xlsx',
  }),
  nominate: defineRoute({
    method: 'POST',
    path: '/training/classes/:id/enrolments',
    tags,
    params: idParams,
    body: nominate,
    responses: { 201: nominationResult },
    example: (ids) => ({ allocationId: ids.allocation, personIds: [ids.person] }),
  }),
  nominateBulk: defineRoute({
    method: 'POST',
    path: '/training/classes/:id/enrolments/bulk',
    tags,
    params: idParams,
    body: bulkNominate,
    responses: { 200: nominationResult },
    example: (ids) => ({
      allocationId: ids.allocation,
      filter: { within: ids.unit, titles: ['secretary'] },
      dryRun: true,
    }),
  }),
  confirm: defineRoute({
    method: 'POST',
    path: '/training/classes/:id/enrolments/confirm',
    tags,
    params: idParams,
    body: confirmEnrolments,
    responses: { 200: confirmResult },
    example: (ids) => ({ enrolmentIds: [ids.enrolment] }),
  }),
  withdraw: defineRoute({
    method: 'POST',
    path: '/training/enrolments/:id/withdraw',
    tags,
    params: idParams,
    body: withdrawEnrolment,
    responses: { 200: withdrawResult },
    example: { version: 1, reason: 'Bận công tác' },
  }),
  summons: defineRoute({
    method: 'GET',
    path: '/training/classes/:id/summons.docx',
    tags,
    params: idParams,
    query: summonsQuery,
    exampleQuery: { number: 15, date: '2025-03-01', signerTitle: 'Bí thư' },
    file: 'docx',
  }),
};
