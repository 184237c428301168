import type { FastifyReply, FastifyRequest, FastifySchema } from 'fastify';
import {
  successStatus,
  type BodyOut,
  type ParamsOut,
  type QueryOut,
  type ReplyIn,
  type ResponsesOf,
  type Route,
} from '@canbo/contract';
import type { App } from './http.ts';
import { languageOf } from './i18n/language.ts';

/** A request as the route's schemas have parsed it. */
export type RouteRequest<R extends Route> = FastifyRequest<{
  Params: ParamsOut<R>;
  Querystring: QueryOut<R>;
  Body: BodyOut<R>;
}>;

/** A JSON route's handler returns its answer; a download's sends the file and returns the reply. */
type Answer<R extends Route> = ResponsesOf<R> extends undefined ? FastifyReply : ReplyIn<R>;

export type RouteHandler<R extends Route> = (req: RouteRequest<R>, reply: FastifyReply) => Promise<Answer<R>>;

/**
 * Registers one entry of the contract's route table: its method and path, its schemas for
 * validation, the answer's serialisation and the OpenAPI description, its options (public, body
 * limit), and the success status it answers with.
 */
export function register<R extends Route>(app: App, route: R, handler: RouteHandler<R>): void {
  const status = successStatus(route);
  const schema: FastifySchema = {};
  if (route.tags) schema.tags = [...route.tags];
  if (route.params) schema.params = route.params;
  if (route.query) schema.querystring = route.query;
  if (route.body) schema.body = route.body;
  if (route.responses) schema.response = route.responses;
  if (route.upload) schema.consumes = ['multipart/form-data'];
  app.route({
    method: route.method,
    url: route.path,
    config: { public: route.public === true, sessionless: route.sessionless === true },
    ...(route.bodyLimit === undefined ? {} : { bodyLimit: route.bodyLimit }),
    schema,
    handler: async (req, reply) => {
      if (route.answerCache && route.method === 'GET' && req.actor) {
        const address = `${languageOf(req.headers['accept-language'])} ${req.url}`;
        // The route's serializer of a JSON answer gives its text.
        const text = await app.answers.answer(
          req.actor,
          address,
          async () => reply.serialize(await handler(req as unknown as RouteRequest<R>, reply)) as string,
        );
        return reply.code(status).type('application/json; charset=utf-8').send(text);
      }
      const answer = await handler(req as unknown as RouteRequest<R>, reply);
      if (!route.responses) return reply;
      return reply.code(status).send(answer);
    },
  });
}
