import { timingSafeEqual } from 'node:crypto';
import type { App } from '../http.ts';
import { AppError } from '../errors.ts';
import { messages } from '../i18n/messages.ts';
import { SESSION_COOKIE } from './session.ts';
import { SessionCache } from './session.cache.ts';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Resolves the session cookie on every API request, refuses anonymous calls to non-public routes
 * (401), and requires the session's CSRF token in `x-csrf-token` on every state-changing call.
 */
export function authHook(app: App): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('csrfToken', null);
  const sessions = new SessionCache(app.ctx, app.ctx.config.sessionCacheMs);
  app.addHook('onRequest', async (req) => {
    // The OpenAPI description is public documentation of the API, like the code itself.
    if (!req.url.startsWith('/api/') || req.url.startsWith('/api/docs')) return;
    // Checks its caller itself, without the database (an import's progress during a commit).
    if (req.routeOptions.config.sessionless) return;
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      const session = await sessions.resolve(token);
      if (session) {
        req.actor = session.actor;
        req.csrfToken = session.csrfToken;
      }
    }
    if (req.routeOptions.config.public) return;
    if (!req.actor) throw new AppError('unauthenticated', messages.sessionEnded);
    if (!SAFE.has(req.method)) {
      const header = req.headers['x-csrf-token'];
      if (typeof header !== 'string' || !req.csrfToken || !sameToken(header, req.csrfToken)) {
        throw new AppError('csrf', messages.csrf);
      }
    }
  });
}
