import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../http/index.js';
import { AppError, idParams, notFound, trimmed } from '../http/index.js';

const listName = z.string().regex(/^[a-z][a-z0-9-]{1,40}$/, 'a list name such as people or admin-users');
const query = z.record(z.string().max(60), z.string().max(500)).refine((q) => Object.keys(q).length <= 20, 'at most 20 filter fields');
const savedFilter = z.object({ id: z.string(), list: z.string(), name: z.string(), query: z.record(z.string(), z.string()) });

const MAX_PER_LIST = 50;

/**
 * X-FIND: a user's saved filters for a list (the query string of its filter bar).
 * They are the user's own: every query is limited to the logged-in user.
 */
export function registerSavedFilterRoutes(root: FastifyInstance, deps: AppDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get('/api/me/saved-filters', {
    config: { access: 'authenticated' },
    schema: { tags: ['search'], summary: "The user's saved filters for a list", querystring: z.object({ list: listName }).strict(), response: { 200: z.object({ items: z.array(savedFilter) }) } },
    handler: async (request) => {
      const items = await deps.db
        .selectFrom('saved_filters')
        .select(['id', 'list', 'name', 'query'])
        .where('user_id', '=', request.actor!.userId)
        .where('list', '=', request.query.list)
        .orderBy('name')
        .execute();
      return { items };
    },
  });

  app.post('/api/me/saved-filters', {
    config: { access: 'authenticated' },
    schema: { tags: ['search'], summary: 'Save a filter', body: z.object({ list: listName, name: trimmed(80), query }).strict(), response: { 201: savedFilter } },
    handler: async (request, reply) => {
      const userId = request.actor!.userId;
      const saved = await deps.db.transaction().execute(async (trx) => {
        const existing = await trx.selectFrom('saved_filters').select(['id', 'name']).where('user_id', '=', userId).where('list', '=', request.body.list).execute();
        if (existing.some((f) => f.name.toLowerCase() === request.body.name.toLowerCase())) throw new AppError(409, 'SAVED_FILTER_NAME_TAKEN');
        if (existing.length >= MAX_PER_LIST) throw new AppError(400, 'SAVED_FILTER_LIMIT', { limit: MAX_PER_LIST });
        return trx
          .insertInto('saved_filters')
          .values({ user_id: userId, list: request.body.list, name: request.body.name, query: JSON.stringify(request.body.query) })
          .returning(['id', 'list', 'name', 'query'])
          .executeTakeFirstOrThrow();
      });
      return reply.status(201).send(saved);
    },
  });

  app.delete('/api/me/saved-filters/:id', {
    config: { access: 'authenticated' },
    schema: { tags: ['search'], summary: 'Delete a saved filter', params: idParams, response: { 204: z.null() } },
    handler: async (request, reply) => {
      const deleted = await deps.db.deleteFrom('saved_filters').where('id', '=', request.params.id).where('user_id', '=', request.actor!.userId).executeTakeFirst();
      if (!deleted.numDeletedRows) throw notFound();
      return reply.status(204).send(null);
    },
  });
}
