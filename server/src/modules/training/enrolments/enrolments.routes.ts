import {
  allocation,
  allocationCreate,
  allocationListQuery,
  allocationPage,
  allocationUpdate,
  bulkNominate,
  confirmEnrolments,
  confirmResult,
  enrolmentListQuery,
  enrolmentPage,
  idParams,
  nominate,
  nominationResult,
  summonsQuery,
  withdrawEnrolment,
  withdrawResult,
} from '@canbo/contract';
import { z } from 'zod';
import type { App } from '../../../http.ts';
import { actorOf } from '../../../http.ts';
import { DOCX, sendFile, sendXlsxTable } from '../../../documents/file.ts';
import { summonsDocx } from '../documents/summons.ts';
import { createAllocation, deleteAllocation, listAllocations, updateAllocation } from './allocations.service.ts';
import { confirmTrainees, listEnrolments, rosterOf, withdrawTrainee } from './enrolments.service.ts';
import { nominateByFilter, nominatePeople } from './nominate.service.ts';
import { rosterTable } from './roster.export.ts';

/** Seats, nominations, the waitlist, confirmation, withdrawal, the roster and the summons. */
export async function enrolmentRoutes(app: App): Promise<void> {
  const tags = ['training'];

  app.get(
    '/training/classes/:id/allocations',
    { schema: { tags, params: idParams, querystring: allocationListQuery, response: { 200: allocationPage } } },
    async (req) => listAllocations(app.ctx, actorOf(req), { ...req.query, id: req.params.id }),
  );

  app.post(
    '/training/classes/:id/allocations',
    { schema: { tags, params: idParams, body: allocationCreate, response: { 201: allocation } } },
    async (req, reply) =>
      reply.code(201).send(await createAllocation(app.ctx, actorOf(req), { ...req.body, classId: req.params.id })),
  );

  app.patch(
    '/training/allocations/:id',
    { schema: { tags, params: idParams, body: allocationUpdate, response: { 200: allocation } } },
    async (req) => updateAllocation(app.ctx, actorOf(req), { ...req.body, id: req.params.id }),
  );

  app.delete(
    '/training/allocations/:id',
    { schema: { tags, params: idParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await deleteAllocation(app.ctx, actorOf(req), req.params);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/training/classes/:id/enrolments',
    { schema: { tags, params: idParams, querystring: enrolmentListQuery, response: { 200: enrolmentPage } } },
    async (req) => listEnrolments(app.ctx, actorOf(req), { ...req.query, id: req.params.id }),
  );

  app.get(
    '/training/classes/:id/roster.xlsx',
    { schema: { tags, params: idParams, querystring: enrolmentListQuery } },
    async (req, reply) => {
      const roster = await rosterOf(app.ctx, actorOf(req), { ...req.query, id: req.params.id });
      return sendXlsxTable(req, reply, `danh-sach-hoc-vien-lop-${roster.classId}`, rosterTable(roster.rows));
    },
  );

  app.post(
    '/training/classes/:id/enrolments',
    { schema: { tags, params: idParams, body: nominate, response: { 201: nominationResult } } },
    async (req, reply) =>
      reply.code(201).send(await nominatePeople(app.ctx, actorOf(req), { ...req.body, classId: req.params.id })),
  );

  app.post(
    '/training/classes/:id/enrolments/bulk',
    { schema: { tags, params: idParams, body: bulkNominate, response: { 200: nominationResult } } },
    async (req) => nominateByFilter(app.ctx, actorOf(req), { ...req.body, classId: req.params.id }),
  );

  app.post(
    '/training/classes/:id/enrolments/confirm',
    { schema: { tags, params: idParams, body: confirmEnrolments, response: { 200: confirmResult } } },
    async (req) => confirmTrainees(app.ctx, actorOf(req), { ...req.body, classId: req.params.id }),
  );

  app.post(
    '/training/enrolments/:id/withdraw',
    { schema: { tags, params: idParams, body: withdrawEnrolment, response: { 200: withdrawResult } } },
    async (req) => withdrawTrainee(app.ctx, actorOf(req), { ...req.body, id: req.params.id }),
  );

  app.get(
    '/training/classes/:id/summons.docx',
    { schema: { tags, params: idParams, querystring: summonsQuery } },
    async (req, reply) =>
      sendFile(reply, DOCX, await summonsDocx(app.ctx, actorOf(req), { ...req.query, id: req.params.id })),
  );
}
