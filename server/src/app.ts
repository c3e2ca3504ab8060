import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import type { AppDeps } from './platform/http/context.js';
import { BODY_LIMIT, MAX_UPLOAD_BYTES } from './platform/http/limits.js';
import { AppError } from './platform/http/errors.js';
import { frameworkErrorHandler, installErrorHandling } from './platform/http/error-handler.js';
import { installAuthentication, requireGuards } from './platform/http/guard.js';
import { loggerOptions } from './platform/logging.js';
import { installSecurityHeaders } from './platform/http/security-headers.js';
import { installTextInputCheck } from './platform/http/text-input.js';
import { registerAuthRoutes } from './platform/auth/routes.js';
import { registerOidcRoutes } from './platform/auth/oidc-routes.js';
import { registerAuditRoutes } from './platform/audit/routes.js';
import { registerModuleRoutes } from './modules/index.js';
import { registerHomeRoutes } from './platform/home/routes.js';
import { registerNotificationRoutes } from './platform/notify/routes.js';
import { registerSavedFilterRoutes } from './platform/saved-filters/routes.js';

export const WEB_DIST = path.resolve(import.meta.dirname, '../../dist/web');

export interface BuildOptions {
  logger?: boolean;
  serveWeb?: boolean;
}

/** The HTTP application: platform hooks, every module's routes, API docs and the web app. */
export async function buildApp(deps: AppDeps, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger === false ? false : loggerOptions(deps.config.logLevel),
    bodyLimit: BODY_LIMIT,
    trustProxy: deps.config.trustProxy,
    // Our own ids only: a client-sent id must not end up in our logs as if it were ours.
    requestIdHeader: false,
    genReqId: () => randomUUID(),
    frameworkErrors: frameworkErrorHandler,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const serveWeb = options.serveWeb !== false && fs.existsSync(path.join(WEB_DIST, 'index.html'));
  installErrorHandling(app, { spaFallback: serveWeb });
  requireGuards(app);
  await app.register(cookie);
  // File uploads arrive as raw bytes, only on upload routes (bodyLimit MAX_UPLOAD_BYTES); elsewhere the JSON limit holds and the bytes are refused.
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: BODY_LIMIT }, (request, body, done) =>
    request.routeOptions.bodyLimit === MAX_UPLOAD_BYTES ? done(null, body) : done(new AppError(415, 'UPLOAD_NOT_ACCEPTED_HERE'), undefined),
  );
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Tugi API', version: '0.1.0', description: 'Case and service management for child welfare work.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'tugi_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  installAuthentication(app, deps);
  installSecurityHeaders(app);
  installTextInputCheck(app);

  app.get('/health', {
    config: { access: 'public' },
    schema: { tags: ['platform'], summary: 'Liveness and database check for load balancers', response: { 200: z.object({ status: z.literal('ok'), database: z.literal('ok') }) } },
    handler: async () => {
      await sql`select 1`.execute(deps.db);
      return { status: 'ok' as const, database: 'ok' as const };
    },
  });
  registerAuthRoutes(app, deps);
  registerOidcRoutes(app, deps);
  registerAuditRoutes(app, deps);
  registerHomeRoutes(app, deps);
  registerNotificationRoutes(app, deps);
  registerSavedFilterRoutes(app, deps);
  registerModuleRoutes(app, deps);
  if (serveWeb) await app.register(fastifyStatic, { root: WEB_DIST, index: ['index.html'] });
  return app;
}
