import type { FastifyRequest } from 'fastify';
import { routes } from '@canbo/contract';
import type { App } from '../../http.ts';
import { actorOf, overHttps } from '../../http.ts';
import { register } from '../../route.ts';
import { SESSION_COOKIE } from '../../auth/session.ts';
import { DEVICE_COOKIE, LOGIN_LIMITS } from '../../auth/throttle.ts';
import { login, logout, meOf } from './auth.service.ts';
import { changeOwnPassword } from '../users/users.service.ts';

const DEVICE_DAYS = LOGIN_LIMITS.knownMs / (24 * 3600_000);

export async function authRoutes(app: App): Promise<void> {
  // Secure whenever the request came over https, so the cookie never travels in clear text after.
  const cookieOptions = (req: FastifyRequest) => ({
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: overHttps(req),
    path: '/',
  });

  register(app, routes.auth.login, async (req, reply) => {
    const { token, csrfToken, actor, device } = await login(app.ctx, {
      ...req.body,
      address: req.ip,
      device: req.cookies[DEVICE_COOKIE],
    });
    reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions(req), maxAge: app.ctx.config.sessionHours * 3600 });
    // Names this browser as one that signed in before: its owner is not throttled by others' guesses.
    reply.setCookie(DEVICE_COOKIE, device, { ...cookieOptions(req), maxAge: DEVICE_DAYS * 24 * 3600 });
    return meOf(actor, csrfToken);
  });

  register(app, routes.auth.logout, async (req, reply) => {
    await logout(app.ctx, req.cookies[SESSION_COOKIE]);
    reply.clearCookie(SESSION_COOKIE, cookieOptions(req));
    return null;
  });

  register(app, routes.auth.password, async (req) => {
    await changeOwnPassword(app.ctx, actorOf(req), {
      ...req.body,
      address: req.ip,
      sessionToken: req.cookies[SESSION_COOKIE] ?? '',
    });
    return null;
  });

  register(app, routes.auth.me, async (req) => meOf(actorOf(req), req.csrfToken ?? ''));
}
