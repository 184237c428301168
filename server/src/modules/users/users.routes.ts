import { z } from 'zod';
import {
  grantCreate,
  grantParams,
  idParams,
  passwordReset,
  user,
  userCreate,
  userListQuery,
  userPage,
  userUpdate,
} from '@canbo/contract';
import type { App } from '../../http.ts';
import { actorOf } from '../../http.ts';
import {
  addGrant,
  createUser,
  getUser,
  listUsersFor,
  removeGrant,
  resetPassword,
  updateUser,
} from './users.service.ts';

export async function usersRoutes(app: App): Promise<void> {
  const tags = ['users'];

  app.get('/users', { schema: { tags, querystring: userListQuery, response: { 200: userPage } } }, async (req) =>
    listUsersFor(app.ctx, actorOf(req), req.query),
  );

  app.get('/users/:id', { schema: { tags, params: idParams, response: { 200: user } } }, async (req) =>
    getUser(app.ctx, actorOf(req), req.params.id),
  );

  app.post('/users', { schema: { tags, body: userCreate, response: { 201: user } } }, async (req, reply) =>
    reply.code(201).send(await createUser(app.ctx, actorOf(req), req.body)),
  );

  app.patch(
    '/users/:id',
    { schema: { tags, params: idParams, body: userUpdate, response: { 200: user } } },
    async (req) => updateUser(app.ctx, actorOf(req), req.params.id, req.body),
  );

  app.post(
    '/users/:id/password',
    { schema: { tags, params: idParams, body: passwordReset, response: { 204: z.null() } } },
    async (req, reply) => {
      await resetPassword(app.ctx, actorOf(req), req.params.id, req.body.password);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/users/:id/grants',
    { schema: { tags, params: idParams, body: grantCreate, response: { 201: user } } },
    async (req, reply) => reply.code(201).send(await addGrant(app.ctx, actorOf(req), req.params.id, req.body)),
  );

  app.delete(
    '/users/:id/grants/:grantId',
    { schema: { tags, params: grantParams, response: { 200: user } } },
    async (req) => removeGrant(app.ctx, actorOf(req), req.params.id, req.params.grantId),
  );
}
