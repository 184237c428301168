import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { AnswerCache } from './answer.cache.ts';
import type { Actor } from './auth/actor.ts';
import type { Ctx } from './context.ts';
import { PassThrough } from 'node:stream';
import { XLSX, type DocumentFile } from './documents/file.ts';
import { feedXlsxTable } from './documents/xlsx/feed.ts';
import type { XlsxTable } from './documents/xlsx/table.ts';
import { todayIso } from './lib/dates.ts';
import { AppError } from './errors.ts';
import { messages } from './i18n/messages.ts';
import { languageOf, type Lang } from './i18n/language.ts';

/** The Fastify instance routes are written against: zod schemas type the request and reply. */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

declare module 'fastify' {
  interface FastifyInstance {
    ctx: Ctx;
    /** Every route registered under /api/v1, for the walks over the routes in tests. */
    routeTable: RouteEntry[];
    /** Answers of the lists marked `answerCache`, kept per account and address (answer.cache.ts). */
    answers: AnswerCache;
  }
  interface FastifyRequest {
    actor: Actor | null;
    csrfToken: string | null;
  }
  interface FastifyContextConfig {
    /** Reachable without a session (login, certificate verification, health). */
    public?: boolean;
    /** Public, and the session is not even read: the handler checks the caller (contract `sessionless`). */
    sessionless?: boolean;
  }
}

/** The language the request asks its answer in (the web app sends its own in Accept-Language). */
export const langOf = (req: FastifyRequest): Lang => languageOf(req.headers['accept-language']);

/** A registered route and the contract schemas of its input, so a walk can build requests for it. */
export interface RouteEntry {
  method: string;
  url: string;
  public: boolean;
  params?: z.ZodType;
  querystring?: z.ZodType;
  body?: z.ZodType;
}

/**
 * Aborted when the client goes away before the answer is sent (the connection closed: a cancelled
 * upload, a closed tab), so long work can stop and roll back instead of finishing for no one.
 */
export function closedSignal(reply: FastifyReply): AbortSignal {
  const gone = new AbortController();
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) gone.abort();
  });
  return gone.signal;
}

/** The signed-in actor; the auth hook has already refused anonymous requests to non-public routes. */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('unauthenticated', messages.signInNeeded);
  return req.actor;
}

/**
 * The request reached Canbo over https: the configured public address is https, or the connection
 * is TLS, or a trusted proxy says so in X-Forwarded-Proto (Fastify believes only trusted proxies).
 */
export function overHttps(req: FastifyRequest): boolean {
  return req.server.ctx.config.https || req.protocol === 'https';
}

function downloadHeaders(reply: FastifyReply, type: string, fileName: string): FastifyReply {
  return reply
    .header('content-type', type)
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .header('cache-control', 'no-store');
}

const rfc5987 = (name: string) =>
  encodeURIComponent(name).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * A file a user uploaded, sent back as an attachment with the type it was stored with (never
 * sniffed, never cached); its name, which may be Vietnamese, as RFC 6266 `filename*`.
 */
export function sendStoredFile(reply: FastifyReply, file: { name: string; type: string; bytes: Buffer }): FastifyReply {
  const ascii =
    file.name
      .normalize('NFD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/["\\]/g, '') || 'tep';
  return reply
    .header('content-type', file.type)
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${rfc5987(file.name)}`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'no-store')
    .send(file.bytes);
}

/** The document as a download, never cached (it carries personal data). */
export function sendFile(reply: FastifyReply, type: string, file: DocumentFile): FastifyReply {
  return downloadHeaders(reply, type, file.fileName).send(file.bytes);
}

/**
 * A table exported as .xlsx, streamed while its rows are read: `<baseName>-<today in Vietnam>.xlsx`,
 * never cached. Every export of a list goes through here. The workbook is written in the heavy
 * pool (feed.ts), so it counts against the user's heavy limit: past it, a 429 before any byte. The
 * response is under way when a batch fails, so the stream is cut and the log says why.
 */
export function sendXlsxTable<T>(
  req: FastifyRequest,
  reply: FastifyReply,
  baseName: string,
  table: XlsxTable<T>,
): FastifyReply {
  const out = new PassThrough();
  const { input, pump } = feedXlsxTable(table, out);
  let job: Promise<number>;
  try {
    job = req.server.ctx.heavy.run(actorOf(req).userId, 'xlsxTable', input, [input.port]);
  } catch (err) {
    input.port.close();
    throw err;
  }
  pump(job).catch((err: unknown) => req.log.error({ err, export: baseName }, 'xlsx export failed'));
  return downloadHeaders(reply, XLSX, `${baseName}-${todayIso()}.xlsx`).send(out);
}
