import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { translate } from '../i18n/messages.js';
import { localeFromHeader } from '../i18n/locale.js';
import { AppError } from './errors.js';

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/**
 * Bad input is a 4xx with a stable code and a message in the user's language;
 * only a fault of ours is a 500, and it shows a reference, never a stack trace.
 */
export function installErrorHandling(app: FastifyInstance, options: { spaFallback?: boolean } = {}): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    const { status, code, params, details } = classify(error);
    if (status >= 500) {
      const reference = String(request.id);
      request.log.error({ err: error, 'error.reference': reference }, 'request failed');
      return send(request, reply, 500, 'INTERNAL', { reference }, undefined);
    }
    request.log.info({ 'error.code': code, 'http.response.status_code': status }, 'request rejected');
    return send(request, reply, status, code, params, details);
  });
  app.setNotFoundHandler((request, reply) => {
    // Client-side routes of the web app get its index.html; unknown API paths a JSON 404.
    if (options.spaFallback && request.method === 'GET' && !request.url.startsWith('/api/') && request.url !== '/health') {
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    return send(request, reply, 404, 'NOT_FOUND', {}, undefined);
  });
}

/** Errors Fastify raises before routing (over-long URL, bad URL encoding): same shape, same codes. */
export function frameworkErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const status = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : 400;
  request.log.info({ 'error.code': error.code }, 'request rejected before routing');
  return send(request, reply, status, status === 414 ? 'URI_TOO_LONG' : 'VALIDATION_FAILED', {}, undefined);
}

function send(request: FastifyRequest, reply: FastifyReply, status: number, code: string, params: Record<string, string | number>, details: unknown) {
  const body: ErrorBody = { error: { code, message: translate(request.locale ?? localeFromHeader(request.headers['accept-language']), code, params) } };
  if (details !== undefined) body.error.details = details;
  const retryAfter = (details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  if (typeof retryAfter === 'number' && status === 429) reply.header('retry-after', String(Math.max(1, Math.ceil(retryAfter))));
  return reply.status(status).type('application/json; charset=utf-8').send(body);
}

function classify(error: FastifyError | AppError): { status: number; code: string; params: Record<string, string | number>; details?: unknown } {
  if (error instanceof AppError) return { status: error.statusCode, code: error.code, params: error.params, details: error.details };
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fields = error.validation.map((v) => ({
      path: `${v.instancePath}`.replace(/^\//, '').replace(/\//g, '.') || (error.validationContext ?? ''),
      message: v.message ?? 'invalid',
    }));
    return { status: 400, code: 'VALIDATION_FAILED', params: {}, details: { in: error.validationContext, fields } };
  }
  const fastifyCode = (error as FastifyError).code;
  if (fastifyCode === 'FST_ERR_CTP_INVALID_JSON_BODY' || fastifyCode === 'FST_ERR_CTP_EMPTY_JSON_BODY' || (error instanceof SyntaxError && (error as FastifyError).statusCode === 400)) {
    return { status: 400, code: 'MALFORMED_JSON', params: {} };
  }
  if (fastifyCode === 'FST_ERR_CTP_BODY_TOO_LARGE') return { status: 413, code: 'BODY_TOO_LARGE', params: {} };
  if (fastifyCode === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || fastifyCode === 'FST_ERR_CTP_INVALID_CONTENT_LENGTH') {
    return { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', params: {} };
  }
  const status = (error as FastifyError).statusCode;
  if (status && status >= 400 && status < 500) return { status, code: status === 404 ? 'NOT_FOUND' : 'VALIDATION_FAILED', params: {} };
  return { status: 500, code: 'INTERNAL', params: {} };
}
