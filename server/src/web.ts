import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { errorBody } from './errors.body.ts';
import type { App } from './http.ts';
import { languageOf } from './i18n/language.ts';
import { SESSION_COOKIE } from './auth/session.ts';

/** Hashed file names change with their content: a browser may keep them for a year without asking. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** The page and the unhashed files (favicon) are checked on each visit, so a new build is seen at once. */
export const REVALIDATE = 'no-cache';

function notFound(req: FastifyRequest, reply: FastifyReply) {
  const { status, body } = errorBody(null, undefined, languageOf(req.headers['accept-language']));
  return reply.code(status).send(body);
}

/** Pages a visitor opens without signing in: the login page and a certificate's verification. */
const OPEN_PAGES = /^\/(login|verify)(\/|$)/;

/**
 * Where a browser without any session must go instead of the page it asked for: the login page,
 * noting the address to come back to. Answered here, the visitor downloads the login page's files
 * alone — the app's would only find no session and send them there. A browser holding a session
 * cookie gets the page (an expired one is sent to the login page by the app, as before). Files
 * (a dot in the last segment: the icons), the API and the assets are never redirected.
 */
function signInFirst(req: FastifyRequest): string | null {
  if (req.method !== 'GET' && req.method !== 'HEAD') return null;
  if (req.cookies[SESSION_COOKIE]) return null;
  const [path = '/', search] = req.url.split('?', 2);
  if (path.startsWith('/api/') || path.startsWith('/assets/') || OPEN_PAGES.test(path)) return null;
  if (/\.[^/]*$/.test(path)) return null;
  const back = search === undefined ? path : `${path}?${search}`;
  return back === '/' ? '/login' : `/login?redirect=${encodeURIComponent(back)}`;
}

/**
 * Serves the built web app from `webDist`: its files as the build left them, the brotli or gzip copy
 * the build wrote beside each (`.br`, `.gz`) chosen from the browser's Accept-Encoding — compressed
 * once at build time at the highest level, never per request. Any other GET outside the API gets
 * the app's page (client-side routes), except under `/assets/`, where a missing file is a 404: a
 * stale page asking for a chunk of an older build must fail as a script, not get HTML.
 */
export async function serveWeb(app: App, webDist: string | null): Promise<void> {
  if (!webDist || !existsSync(join(webDist, 'index.html'))) {
    app.setNotFoundHandler((req, reply) => notFound(req, reply));
    return;
  }
  const assets = join(webDist, 'assets') + sep;
  app.addHook('onRequest', (req, reply, done) => {
    const to = signInFirst(req);
    if (to) void reply.redirect(to, 302);
    done();
  });
  await app.register(fastifyStatic, {
    root: webDist,
    wildcard: false,
    preCompressed: true,
    setHeaders: (reply, path) => {
      reply.header('cache-control', path.startsWith(assets) ? IMMUTABLE : REVALIDATE);
    },
  });
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0]!;
    if (req.method !== 'GET' || path.startsWith('/api/') || path.startsWith('/assets/')) return notFound(req, reply);
    return reply.sendFile('index.html');
  });
}
