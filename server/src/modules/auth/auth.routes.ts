import { z } from 'zod';
import { loginRequest, me } from '@canbo/contract';
import type { App } from '../../http.ts';
import { actorOf } from '../../http.ts';
import { SESSION_COOKIE } from '../../auth/session.ts';
import { login, logout, meOf } from './auth.service.ts';

export async function authRoutes(app: App): Promise<void> {
  const cookieOptions = {
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: app.ctx.config.secureCookies,
    path: '/',
  };

  // Public, so no CSRF token exists yet: a JSON body is required, which a cross-site form cannot send.
  app.post(
    '/auth/login',
    { config: { public: true }, schema: { tags: ['auth'], body: loginRequest, response: { 200: me } } },
    async (req, reply) => {
      const { token, csrfToken, actor } = await login(app.ctx, { ...req.body, address: req.ip });
      reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions, maxAge: app.ctx.config.sessionHours * 3600 });
      return meOf(actor, csrfToken);
    },
  );

  app.post('/auth/logout', { schema: { tags: ['auth'], response: { 204: z.null() } } }, async (req, reply) => {
    await logout(app.ctx, req.cookies[SESSION_COOKIE]);
    reply.clearCookie(SESSION_COOKIE, cookieOptions);
    return reply.code(204).send(null);
  });

  app.get('/auth/me', { schema: { tags: ['auth'], response: { 200: me } } }, async (req) => {
    return meOf(actorOf(req), req.csrfToken ?? '');
  });
}
