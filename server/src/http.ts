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
import type { Actor } from './auth/actor.ts';
import type { Ctx } from './context.ts';
import type { DocumentFile } from './documents/file.ts';
import { AppError } from './errors.ts';

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
    /** Every route registered, for the authorisation walk in tests. */
    routeTable: { method: string; url: string; public: boolean }[];
  }
  interface FastifyRequest {
    actor: Actor | null;
    csrfToken: string | null;
  }
  interface FastifyContextConfig {
    /** Reachable without a session (login, certificate verification, health). */
    public?: boolean;
  }
}

/** The signed-in actor; the auth hook has already refused anonymous requests to non-public routes. */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('unauthenticated', 'Bạn cần đăng nhập');
  return req.actor;
}

/** The document as a download, never cached (it carries personal data). */
export function sendFile(reply: FastifyReply, type: string, file: DocumentFile): FastifyReply {
  return reply
    .header('content-type', type)
    .header('content-disposition', `attachment; filename="${file.fileName}"`)
    .header('cache-control', 'no-store')
    .send(file.bytes);
}
