import type { FastifyRequest } from 'fastify';
import type { RequestContext } from './context.js';
import { AppError } from './errors.js';

/** The use-case context of an authenticated request (the guard has already required a login). */
export function contextOf(request: FastifyRequest): RequestContext {
  if (!request.actor) throw new AppError(401, 'AUTH_REQUIRED');
  return { actor: request.actor, ip: request.ip, locale: request.locale };
}
