import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import type { AppDeps } from '../../platform/http/index.js';
import { decodeCursor, idParams, notFound, pageOf, pageQuery, toPage } from '../../platform/http/index.js';
import { mailScope } from '../../platform/policy/policy.js';
import { RESET_MAIL_KEY_PREFIX, redactResetToken } from '../../platform/auth/password-reset.js';

const mailItem = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  status: z.enum(['pending', 'sent', 'failed']),
  attempts: z.number(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  lastError: z.string().nullable(),
});

type MailRow = { id: string; to_address: string; subject: string; status: 'pending' | 'sent' | 'failed'; attempts: number; created_at: Date; sent_at: Date | null; last_error: string | null };
const toItem = (r: MailRow) => ({ id: r.id, to: r.to_address, subject: r.subject, status: r.status, attempts: r.attempts, createdAt: r.created_at.toISOString(), sentAt: r.sent_at?.toISOString() ?? null, lastError: r.last_error });

/** The e-mail outbox as the administrator sees it (in demo mode, the mails themselves). */
export function registerMailRoutes(root: FastifyInstance, deps: AppDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const columns = ['id', 'to_address', 'subject', 'status', 'attempts', 'created_at', 'sent_at', 'last_error'] as const;

  app.get('/api/admin/mail', {
    config: { access: ['admin'] },
    schema: {
      tags: ['admin'],
      summary: 'Sent and queued e-mails, newest first',
      querystring: z.object({ status: z.enum(['pending', 'sent', 'failed']).optional(), ...pageQuery }).strict(),
      response: { 200: pageOf(mailItem) },
    },
    handler: async (request) => {
      const after = decodeCursor(request.query.cursor, ['string', 'string']);
      let query = deps.db.selectFrom('mail_outbox').select(columns).where(mailScope(request.actor!));
      if (request.query.status) query = query.where('status', '=', request.query.status);
      if (after) query = query.where(sql`(created_at, id)`, '<', sql`(${after[0]}::timestamptz, ${after[1]}::uuid)`);
      const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(request.query.limit + 1).execute();
      const page = toPage(rows, request.query.limit, (r) => [r.created_at.toISOString(), r.id]);
      return { items: page.items.map(toItem), nextCursor: page.nextCursor };
    },
  });

  app.get('/api/admin/mail/:id', {
    config: { access: ['admin'] },
    schema: { tags: ['admin'], summary: 'One e-mail with its text', params: idParams, response: { 200: mailItem.extend({ bodyText: z.string() }) } },
    handler: async (request) => {
      const row = await deps.db.selectFrom('mail_outbox').select([...columns, 'body_text', 'dedupe_key']).where('id', '=', request.params.id).where(mailScope(request.actor!)).executeTakeFirst();
      if (!row) throw notFound();
      // A reset link would let the admin set a user's password unseen; shown only in demo mode (no SMTP), where the outbox is the only way to read mails.
      const secret = deps.config.smtpUrl !== undefined && row.dedupe_key?.startsWith(RESET_MAIL_KEY_PREFIX);
      return { ...toItem(row), bodyText: secret ? redactResetToken(row.body_text) : row.body_text };
    },
  });
}
