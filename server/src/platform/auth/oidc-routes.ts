import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../http/context.js';
import { AppError } from '../http/errors.js';
import { beginSession } from '../http/guard.js';
import { localeSchema } from '../http/schemas.js';
import { createOidcClient, OIDC_STATE_COOKIE, OIDC_TRANSACTION_MINUTES, type OidcFailureCode } from './oidc.js';
import { OIDC_METHODS } from './oidc-rules.js';

/** The state cookie only travels to the callback, and only for as long as the login may take. */
const STATE_COOKIE_PATH = '/api/auth/oidc';

const loginError = (code: OidcFailureCode) => `/login?error=${code}`;

/**
 * X-AUTH login through TARA (or any compatible OpenID Connect provider).
 * The browser navigates here (no fetch), so answers are redirects: to the
 * provider, then to the app or back to the login page with an error code.
 */
export function registerOidcRoutes(root: FastifyInstance, deps: AppDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const oidc = createOidcClient(deps);

  app.get('/api/auth/oidc/config', {
    config: { access: 'public' },
    schema: {
      tags: ['auth'],
      summary: 'Whether login with ID card, Mobile-ID and Smart-ID (TARA) is configured (X-AUTH)',
      response: { 200: z.object({ enabled: z.boolean() }) },
    },
    handler: async () => ({ enabled: oidc !== null }),
  });

  app.get('/api/auth/oidc/start', {
    config: { access: 'public' },
    schema: {
      tags: ['auth'],
      summary: 'Start a TARA login: redirects to the provider (X-AUTH)',
      description: 'Answers 302 to the provider\'s authorization endpoint and sets the HttpOnly `tugi_oidc_state` cookie. `method` preselects the means of authentication; `locale` is the provider\'s interface language (default: the request\'s).',
      querystring: z
        .object({
          method: z.enum(OIDC_METHODS).optional(),
          locale: localeSchema.optional(),
        })
        .strict(),
    },
    handler: async (request, reply) => {
      if (!oidc) throw new AppError(404, 'OIDC_DISABLED');
      let started: { url: URL; state: string };
      try {
        started = await oidc.start({ method: request.query.method, locale: request.query.locale ?? request.locale });
      } catch (error) {
        request.log.error({ err: error }, 'OIDC login could not start');
        return reply.redirect(loginError('OIDC_FAILED'), 302);
      }
      reply.setCookie(OIDC_STATE_COOKIE, started.state, {
        path: STATE_COOKIE_PATH,
        httpOnly: true,
        sameSite: 'lax',
        secure: request.protocol === 'https',
        maxAge: OIDC_TRANSACTION_MINUTES * 60,
      });
      return reply.redirect(started.url.href, 302);
    },
  });

  app.get('/api/auth/oidc/callback', {
    config: { access: 'public' },
    // A malformed callback must still end on the login page, not in a JSON error.
    attachValidation: true,
    schema: {
      tags: ['auth'],
      summary: 'Return from the TARA login: starts the session and redirects to the app (X-AUTH)',
      description: 'Answers 302 to `/` with the session cookies, or to `/login?error=OIDC_FAILED|OIDC_NO_USER|OIDC_STATE_MISMATCH`. Other parameters the provider adds are ignored.',
      querystring: z.looseObject({
        code: z.string().optional(),
        state: z.string().optional(),
        error: z.string().optional(),
        error_description: z.string().optional(),
      }),
    },
    handler: async (request, reply) => {
      reply.clearCookie(OIDC_STATE_COOKIE, { path: STATE_COOKIE_PATH });
      if (!oidc) return reply.redirect(loginError('OIDC_FAILED'), 302);
      if (request.validationError) {
        request.log.warn({ 'error.code': 'OIDC_FAILED', 'oidc.reason': 'malformed callback parameters' }, 'OIDC login failed');
        return reply.redirect(loginError('OIDC_FAILED'), 302);
      }
      try {
        const rawQuery = request.raw.url?.split('?')[1] ?? '';
        const outcome = await oidc.callback({
          params: new URLSearchParams(rawQuery),
          stateCookie: request.cookies[OIDC_STATE_COOKIE],
          ip: request.ip,
          userAgent: request.headers['user-agent'] ?? null,
        });
        if (!outcome.ok) {
          request.log.warn({ 'error.code': outcome.code, 'oidc.reason': outcome.reason }, 'OIDC login failed');
          return reply.redirect(loginError(outcome.code), 302);
        }
        await beginSession(deps.db, request, reply, outcome.session);
        request.log.info({ 'user.id': outcome.userId }, 'OIDC login');
        return reply.redirect('/', 302);
      } catch (error) {
        request.log.error({ err: error }, 'OIDC callback failed');
        return reply.redirect(loginError('OIDC_FAILED'), 302);
      }
    },
  });
}
