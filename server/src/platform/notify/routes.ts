import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import type { AppDeps } from '../http/index.js';
import { booleanQuery, decodeCursor, idParams, notFound, pageOf, pageQuery, toPage } from '../http/index.js';

const notificationItem = z.object({
  id: z.string(),
  kind: z.string(),
  titleKey: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  link: z.string().nullable(),
  read: z.boolean(),
  createdAt: z.string(),
});

/** X-NOTIFY: the user's own notifications, newest first. */
export function registerNotificationRoutes(root: FastifyInstance, deps: AppDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get('/api/me/notifications', {
    config: { access: 'authenticated' },
    schema: { tags: ['notifications'], summary: 'My notifications, newest first', querystring: z.object({ unread: booleanQuery.optional(), ...pageQuery }).strict(), response: { 200: pageOf(notificationItem).extend({ unreadCount: z.number() }) } },
    handler: async (request) => {
      const userId = request.actor!.userId;
      const after = decodeCursor(request.query.cursor, ['string', 'string']);
      let query = deps.db.selectFrom('notifications').selectAll().where('user_id', '=', userId);
      if (request.query.unread) query = query.where('read_at', 'is', null);
      if (after) query = query.where(sql`(created_at, id)`, '<', sql`(${after[0]}::timestamptz, ${after[1]}::uuid)`);
      const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(request.query.limit + 1).execute();
      const page = toPage(rows, request.query.limit, (r) => [r.created_at.toISOString(), r.id]);
      const { unread } = await deps.db.selectFrom('notifications').select(sql<number>`count(*)::int`.as('unread')).where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirstOrThrow();
      return {
        unreadCount: unread,
        nextCursor: page.nextCursor,
        items: page.items.map((r) => ({ id: r.id, kind: r.kind, titleKey: r.title_key, params: r.params as Record<string, string | number>, link: r.link, read: r.read_at !== null, createdAt: r.created_at.toISOString() })),
      };
    },
  });

  app.post('/api/me/notifications/:id/read', {
    config: { access: 'authenticated' },
    schema: { tags: ['notifications'], summary: 'Mark one notification read', params: idParams, response: { 204: z.null() } },
    handler: async (request, reply) => {
      const result = await deps.db.updateTable('notifications').set({ read_at: new Date() }).where('id', '=', request.params.id).where('user_id', '=', request.actor!.userId).where('read_at', 'is', null).executeTakeFirst();
      if (!result.numUpdatedRows) {
        const exists = await deps.db.selectFrom('notifications').select('id').where('id', '=', request.params.id).where('user_id', '=', request.actor!.userId).executeTakeFirst();
        if (!exists) throw notFound();
      }
      return reply.status(204).send(null);
    },
  });

  app.post('/api/me/notifications/read-all', {
    config: { access: 'authenticated' },
    schema: { tags: ['notifications'], summary: 'Mark all my notifications read', response: { 204: z.null() } },
    handler: async (request, reply) => {
      await deps.db.updateTable('notifications').set({ read_at: new Date() }).where('user_id', '=', request.actor!.userId).where('read_at', 'is', null).execute();
      return reply.status(204).send(null);
    },
  });
}
