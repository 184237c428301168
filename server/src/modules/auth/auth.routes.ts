import { routes } from '@canbo/contract';
import type { App } from '../../http.ts';
import { actorOf } from '../../http.ts';
import { register } from '../../route.ts';
import { SESSION_COOKIE } from '../../auth/session.ts';
import { login, logout, meOf } from './auth.service.ts';

export async function authRoutes(app: App): Promise<void> {
  const cookieOptions = {
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: app.ctx.config.secureCookies,
    path: '/',
  };

  register(app, routes.auth.login, async (req, reply) => {
    const { token, csrfToken, actor } = await login(app.ctx, { ...req.body, address: req.ip });
    reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions, maxAge: app.ctx.config.sessionHours * 3600 });
    return meOf(actor, csrfToken);
  });

  register(app, routes.auth.logout, async (req, reply) => {
    await logout(app.ctx, req.cookies[SESSION_COOKIE]);
    reply.clearCookie(SESSION_COOKIE, cookieOptions);
    return null;
  });

  register(app, routes.auth.me, async (req) => meOf(actorOf(req), req.csrfToken ?? ''));
}
