import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../http/context.js';
import { beginSession, clearSessionCookies } from '../http/guard.js';
import { localeSchema, roleSchema, organisationKindSchema } from '../http/schemas.js';
import { appendAudit } from '../audit/audit.js';
import { loginWithPassword } from './login-service.js';
import { deleteSession } from './sessions.js';
import { confirmPasswordReset, requestPasswordReset } from './password-reset.js';
import { AppError } from '../http/errors.js';

export const sessionResponse = z.object({
  user: z.object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: roleSchema,
    locale: localeSchema,
    organisation: z.object({ id: z.string(), name: z.string(), kind: organisationKindSchema }),
  }),
  expiresAt: z.string(),
  csrfToken: z.string(),
});

export function registerAuthRoutes(root: FastifyInstance, deps: AppDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const describeUser = async (userId: string) => {
    const row = await deps.db
      .selectFrom('users')
      .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
      .select(['users.id', 'users.email', 'users.name', 'users.role', 'users.locale', 'organisations.id as org_id', 'organisations.name as org_name', 'organisations.kind as org_kind'])
      .where('users.id', '=', userId)
      .executeTakeFirstOrThrow();
    return { id: row.id, email: row.email, name: row.name, role: row.role, locale: row.locale, organisation: { id: row.org_id, name: row.org_name, kind: row.org_kind } };
  };

  app.post('/api/auth/login', {
    config: { access: 'public' },
    schema: {
      tags: ['auth'],
      summary: 'Log in with e-mail and password (X-AUTH)',
      body: z.object({ email: z.string().trim().min(3).max(320), password: z.string().min(1).max(1024) }).strict(),
      response: { 200: sessionResponse },
    },
    handler: async (request, reply) => {
      const { session, userId } = await loginWithPassword(deps, {
        email: request.body.email,
        password: request.body.password,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
      });
      await beginSession(deps.db, request, reply, session);
      return { user: await describeUser(userId), expiresAt: session.expiresAt.toISOString(), csrfToken: session.csrfToken };
    },
  });

  app.get('/api/auth/session', {
    config: { access: 'authenticated' },
    schema: { tags: ['auth'], summary: 'The current session and user', response: { 200: sessionResponse } },
    handler: async (request) => ({
      user: await describeUser(request.actor!.userId),
      expiresAt: request.session!.expiresAt.toISOString(),
      csrfToken: request.session!.csrfToken,
    }),
  });

  app.post('/api/auth/refresh', {
    config: { access: 'authenticated' },
    schema: { tags: ['auth'], summary: 'Keep the session alive (answer to the expiry warning)', response: { 200: z.object({ expiresAt: z.string() }) } },
    handler: async (request) => ({ expiresAt: request.session!.expiresAt.toISOString() }),
  });

  app.post('/api/auth/logout', {
    config: { access: 'authenticated' },
    schema: { tags: ['auth'], summary: 'Log out', response: { 204: z.null() } },
    handler: async (request, reply) => {
      const actor = request.actor!;
      await deps.db.transaction().execute(async (trx) => {
        await deleteSession(trx, request.session!.id);
        await appendAudit(trx, { actor, ip: request.ip }, [{ action: 'logout', recordType: 'user', recordId: actor.userId }]);
      });
      clearSessionCookies(reply);
      return reply.status(204).send(null);
    },
  });

  app.post('/api/auth/password-reset', {
    config: { access: 'public' },
    schema: {
      tags: ['auth'],
      summary: 'Ask for a password reset link by e-mail (X-AUTH); the same 202 whether or not the address has an account',
      body: z.object({ email: z.string().trim().min(3).max(320) }).strict(),
      response: { 202: z.object({ accepted: z.literal(true) }) },
    },
    handler: async (request, reply) => {
      await requestPasswordReset(deps, { email: request.body.email, ip: request.ip });
      return reply.status(202).send({ accepted: true as const });
    },
  });

  app.post('/api/auth/password-reset/confirm', {
    config: { access: 'public' },
    schema: {
      tags: ['auth'],
      summary: 'Set a new password with the token from the reset e-mail; ends every session of the user',
      body: z.object({ token: z.string().min(1).max(200), password: z.string().min(1).max(4096) }).strict(),
      response: { 204: z.null() },
    },
    handler: async (request, reply) => {
      await confirmPasswordReset(deps, { token: request.body.token, password: request.body.password, ip: request.ip, locale: request.locale });
      clearSessionCookies(reply);
      return reply.status(204).send(null);
    },
  });

  app.put('/api/me/locale', {
    config: { access: 'authenticated' },
    schema: { tags: ['auth'], summary: 'Save the interface language', body: z.object({ locale: localeSchema }).strict(), response: { 204: z.null() } },
    handler: async (request, reply) => {
      const updated = await deps.db.updateTable('users').set({ locale: request.body.locale }).where('id', '=', request.actor!.userId).executeTakeFirst();
      if (!updated.numUpdatedRows) throw new AppError(404, 'NOT_FOUND');
      return reply.status(204).send(null);
    },
  });
}
