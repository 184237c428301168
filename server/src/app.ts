import Fastify from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import compress from '@fastify/compress';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from './config.ts';
import type { Db } from './db/index.ts';
import { overHttps, type App, type RouteEntry } from './http.ts';
import { AnswerCache } from './answer.cache.ts';
import { authHook } from './auth/hook.ts';
import { errorBody } from './errors.body.ts';
import { languageOf } from './i18n/language.ts';
import { registerModules } from './modules/index.ts';
import { BODY_LIMITS } from './body.limits.ts';
import { HeavyPool } from './workers/pool.ts';
import { serveWeb } from './web.ts';

z.config(z.locales.vi());

export interface BuildOptions {
  config: Config;
  db: Db;
  logger?: boolean;
}

export async function buildApp({ config, db, logger = false }: BuildOptions): Promise<App> {
  const app = Fastify({
    logger: logger ? { level: config.logLevel } : false,
    // Only named proxies may say who the client is: otherwise X-Forwarded-For picks the address.
    trustProxy: config.trustProxy.length ? config.trustProxy : false,
    bodyLimit: BODY_LIMITS.json,
  }).withTypeProvider<ZodTypeProvider>() as unknown as App;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const heavy = new HeavyPool(config.heavy);
  app.decorate('ctx', { db, config, heavy });
  app.addHook('onClose', () => heavy.close());
  app.decorate('routeTable', []);
  app.decorate('answers', new AnswerCache(app.ctx, config.answerCacheMs));
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD' || !route.url.startsWith('/api/v1')) continue;
      const schema = route.schema as Pick<RouteEntry, 'params' | 'querystring' | 'body'> | undefined;
      app.routeTable.push({
        method,
        url: route.url,
        public: route.config?.public === true,
        params: schema?.params,
        querystring: schema?.querystring,
        body: schema?.body,
      });
    }
  });

  await app.register(helmet, {
    // Sent below only over https: over plain http it would tell nothing true.
    strictTransportSecurity: false,
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // antd writes its styles at run time
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
      },
    },
  });
  app.addHook('onRequest', async (req, reply) => {
    if (overHttps(req)) reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
  });
  // JSON answers above 1 KB in brotli or gzip (a page of 200 people: 144 KB plain), at brotli's
  // quality 4, quick enough per request; the web app's files come compressed from the build (web.ts).
  // Request bodies are read as sent: no decompression, so the body limits count what arrives.
  await app.register(compress, { encodings: ['br', 'gzip'], threshold: 1024, globalDecompression: false });
  await app.register(cookie);
  await app.register(swagger, {
    openapi: { info: { title: 'Canbo API', version: '1' } },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.setErrorHandler((err, req, reply) => {
    const { status, body } = errorBody(err, req.routeOptions.bodyLimit, languageOf(req.headers['accept-language']));
    if (status >= 500) req.log.error(err);
    const retryAfter = body.details?.retryAfter;
    if (status === 429 && typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
    return reply.code(status).send(body);
  });

  authHook(app);
  await app.register(registerModules, { prefix: '/api/v1' });

  await serveWeb(app, config.webDist);
  return app;
}
