import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { loginRequest, me, passwordChange } from '@canbo/contract';
import type { App } from '../../http.ts';
import { actorOf, overHttps } from '../../http.ts';
import { SESSION_COOKIE } from '../../auth/session.ts';
import { DEVICE_COOKIE, LOGIN_LIMITS } from '../../auth/throttle.ts';

const DEVICE_DAYS = LOGIN_LIMITS.knownMs / (24 * 3600_000);
import { login, logout, meOf } from './auth.service.ts';
import { changeOwnPassword } from '../users/users.service.ts';
import { BODY_LIMITS } from '../../body.limits.ts';

export async function authRoutes(app: App): Promise<void> {
  // Secure whenever the request came over https, so the cookie never travels in clear text after.
  const cookieOptions = (req: FastifyRequest) => ({
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: overHttps(req),
    path: '/',
  });

  // Public, so no CSRF token exists yet: a JSON body is required, which a cross-site form cannot send.
  app.post(
    '/auth/login',
    {
      config: { public: true },
      bodyLimit: BODY_LIMITS.login,
      schema: { tags: ['auth'], body: loginRequest, response: { 200: me } },
    },
    async (req, reply) => {
      const { token, csrfToken, actor, device } = await login(app.ctx, {
        ...req.body,
        address: req.ip,
        device: req.cookies[DEVICE_COOKIE],
      });
      reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions(req), maxAge: app.ctx.config.sessionHours * 3600 });
      // Names this browser as one that signed in before: its owner is not throttled by others' guesses.
      reply.setCookie(DEVICE_COOKIE, device, { ...cookieOptions(req), maxAge: DEVICE_DAYS * 24 * 3600 });
      return meOf(actor, csrfToken);
    },
  );

  app.post('/auth/logout', { schema: { tags: ['auth'], response: { 204: z.null() } } }, async (req, reply) => {
    await logout(app.ctx, req.cookies[SESSION_COOKIE]);
    reply.clearCookie(SESSION_COOKIE, cookieOptions(req));
    return reply.code(204).send(null);
  });

  app.post(
    '/auth/password',
    { schema: { tags: ['auth'], body: passwordChange, response: { 204: z.null() } } },
    async (req, reply) => {
      await changeOwnPassword(app.ctx, actorOf(req), {
        ...req.body,
        address: req.ip,
        sessionToken: req.cookies[SESSION_COOKIE] ?? '',
      });
      return reply.code(204).send(null);
    },
  );

  app.get('/auth/me', { schema: { tags: ['auth'], response: { 200: me } } }, async (req) => {
    return meOf(actorOf(req), req.csrfToken ?? '');
  });
}
