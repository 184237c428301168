import { routes } from '@canbo/contract';
import type { App } from '../../http.ts';
import { actorOf } from '../../http.ts';
import { register } from '../../route.ts';
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
  const { users } = routes;
  register(app, users.list, async (req) => listUsersFor(app.ctx, actorOf(req), req.query));
  register(app, users.get, async (req) => getUser(app.ctx, actorOf(req), req.params.id));
  register(app, users.create, async (req) => createUser(app.ctx, actorOf(req), req.body));
  register(app, users.update, async (req) => updateUser(app.ctx, actorOf(req), req.params.id, req.body));
  register(app, users.resetPassword, async (req) => {
    await resetPassword(app.ctx, actorOf(req), req.params.id, req.body.password);
    return null;
  });
  register(app, users.addGrant, async (req) => addGrant(app.ctx, actorOf(req), req.params.id, req.body));
  register(app, users.removeGrant, async (req) =>
    removeGrant(app.ctx, actorOf(req), req.params.id, req.params.grantId),
  );
}
