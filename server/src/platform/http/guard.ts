import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { localeFromHeader } from '../i18n/locale.js';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { CSRF_COOKIE, deleteSession, extendSession, loadSession, SESSION_COOKIE, sessionIdOf } from '../auth/sessions.js';
import type { Access, AppDeps } from './context.js';
import { AppError } from './errors.js';
import { apiRateLimit } from './rate-limit.js';
import { MAX_UPLOAD_BYTES } from './limits.js';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Every /api route must say who may call it (`config.access`); a route that
 * says nothing stops the server from starting, so no endpoint is open by accident.
 */
export function requireGuards(app: FastifyInstance): void {
  const routes: ApiRoute[] = [];
  app.decorate('apiRoutes', routes);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    const access = (route.config as { access?: Access } | undefined)?.access;
    if (access === undefined) throw new Error(`Route ${route.method} ${route.url} declares no access guard`);
    for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push({ method, url: route.url, access, upload: route.bodyLimit === MAX_UPLOAD_BYTES });
  });
}

export interface ApiRoute {
  method: string;
  url: string;
  access: Access;
  /** Takes a file as raw bytes (application/octet-stream, bodyLimit MAX_UPLOAD_BYTES). */
  upload: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every /api route with its guard: for tests that must cover them all. */
    apiRoutes: ApiRoute[];
  }
}

/** Loads the session, applies the route's guard and checks CSRF, before any handler runs. */
export function installAuthentication(app: FastifyInstance, deps: AppDeps): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);
  app.decorateRequest('locale', 'et');
  const rateLimit = apiRateLimit(deps.config);
  app.addHook('onRequest', async (request, reply) => {
    request.locale = localeFromHeader(request.headers['accept-language']);
    const token = request.cookies[SESSION_COOKIE];
    if (token) await attachSession(request, reply, deps, token);
    rateLimit(request, reply);
    const access = request.routeOptions.config?.access;
    if (access === undefined || access === 'public') return checkOrigin(request, deps);
    if (!request.actor) throw new AppError(401, 'AUTH_REQUIRED');
    if (access !== 'authenticated' && !access.includes(request.actor.role)) throw new AppError(403, 'FORBIDDEN');
    checkCsrf(request);
  });
}

async function attachSession(request: FastifyRequest, reply: FastifyReply, deps: AppDeps, token: string) {
  const loaded = await loadSession(deps.db, token);
  if (!loaded) return;
  request.actor = loaded.actor;
  // An explicit Accept-Language from the web app (the switcher) wins; otherwise the user's saved language.
  if (!request.headers['accept-language']) request.locale = loaded.locale;
  const expiresAt = await extendSession(deps.db, loaded, deps.config.sessionMinutes);
  request.session = { id: loaded.id, csrfToken: loaded.csrfToken, expiresAt, createdAt: loaded.createdAt };
  reply.header('x-session-expires-at', expiresAt.toISOString());
}

/** Double-submit: the header must repeat the session's token, which only our own pages can read. */
function checkCsrf(request: FastifyRequest) {
  if (!STATE_CHANGING.has(request.method) || !request.session) return;
  const sent = request.headers['x-csrf-token'];
  const expected = request.session.csrfToken;
  if (typeof sent !== 'string' || sent.length !== expected.length || !timingSafeEqual(Buffer.from(sent), Buffer.from(expected))) {
    throw new AppError(403, 'CSRF_FAILED');
  }
}

/** Public state-changing calls (login) have no session token yet: a foreign Origin is refused instead. */
function checkOrigin(request: FastifyRequest, deps: AppDeps) {
  if (!STATE_CHANGING.has(request.method)) return;
  const origin = request.headers.origin;
  if (!origin) return;
  const allowed = new Set([new URL(deps.config.publicUrl).origin, `${request.protocol}://${request.host}`]);
  if (!allowed.has(origin)) throw new AppError(403, 'CSRF_FAILED');
}

/**
 * A login's new session takes over: the session the browser came with ends
 * (session fixation: a token planted before login must not become a logged-in
 * one), and the new token and CSRF token are set as cookies.
 */
export async function beginSession(db: Kysely<DB>, request: FastifyRequest, reply: FastifyReply, session: { token: string; csrfToken: string }) {
  const previous = request.cookies[SESSION_COOKIE];
  if (previous) await deleteSession(db, sessionIdOf(previous));
  setSessionCookies(request, reply, session.token, session.csrfToken);
}

function setSessionCookies(request: FastifyRequest, reply: FastifyReply, token: string, csrfToken: string) {
  const secure = request.protocol === 'https';
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure });
  reply.setCookie(CSRF_COOKIE, csrfToken, { path: '/', httpOnly: false, sameSite: 'lax', secure });
}

export function clearSessionCookies(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  reply.clearCookie(CSRF_COOKIE, { path: '/' });
}
