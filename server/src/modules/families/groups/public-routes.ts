import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../../platform/db/schema.js';
import type { AppDeps } from '../../../platform/http/index.js';
import { addMonths, compareIsoDates, type IsoDate } from '../../../platform/calendar/working-days.js';
import { serviceDate } from '../schemas.js';
import { today } from '../shared.js';
import { publicGroup } from './schemas.js';
import { renderWidget, WIDGET_LANGS, type PublicGroup } from './widget.js';

const TAGS = ['support groups'];
/** How far ahead the public list reaches, and how many groups it shows at most. */
const PUBLIC_MONTHS_AHEAD = 6;
const PUBLIC_LIMIT = 100;

/**
 * §2.8.2.2: the provider's website must show upcoming support groups and how
 * to join. Only approved groups from today on, and only what is meant for the
 * public: never participants, families or SKA's notes.
 */
export async function publicGroups(db: Kysely<DB>, filter: { providerId?: string | undefined; from?: IsoDate | undefined }): Promise<PublicGroup[]> {
  const on = today();
  const from = filter.from && compareIsoDates(filter.from, on) > 0 ? filter.from : on;
  let q = db
    .selectFrom('support_groups')
    .innerJoin('support_group_plans as plan', 'plan.id', 'support_groups.plan_id')
    .innerJoin('organisations as provider', 'provider.id', 'support_groups.provider_organisation_id')
    .leftJoin('organisations as kov', 'kov.id', 'support_groups.municipality_id')
    .select([
      'support_groups.id',
      'support_groups.planned_on',
      'support_groups.starts_at',
      'support_groups.planned_minutes',
      'support_groups.online',
      'support_groups.place',
      'kov.name as municipality',
      'support_groups.topic',
      'support_groups.family_type',
      'support_groups.leader_name',
      'support_groups.public_info',
      'provider.name as provider',
    ])
    .where('support_groups.status', '=', 'approved')
    .where('plan.status', '=', 'submitted')
    .where('provider.active', '=', true)
    .where('support_groups.planned_on', '>=', from)
    .where('support_groups.planned_on', '<=', addMonths(from, PUBLIC_MONTHS_AHEAD));
  if (filter.providerId) q = q.where('support_groups.provider_organisation_id', '=', filter.providerId);
  const rows = await q.orderBy('support_groups.planned_on').orderBy('support_groups.starts_at').orderBy('support_groups.id').limit(PUBLIC_LIMIT).execute();
  return rows.map((r) => ({
    id: r.id,
    date: r.planned_on,
    startsAt: r.starts_at,
    minutes: r.planned_minutes,
    online: r.online,
    place: r.online ? null : r.place,
    municipality: r.municipality,
    topic: r.topic,
    familyType: r.family_type,
    leaderName: r.leader_name,
    publicInfo: r.public_info,
    provider: r.provider,
  }));
}

/** A CSP for the widget alone: no scripts, inline styles, and any site may frame it. */
const WIDGET_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors *";

export function registerGroupPublicRoutes(root: FastifyInstance, deps: AppDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const query = { providerId: z.uuid().optional(), from: serviceDate.optional().describe('Groups from this day (default and earliest: today)') };

  app.get('/api/public/support-groups', {
    config: { access: 'public' },
    schema: {
      tags: TAGS,
      summary: '§2.8.2.2: upcoming approved support groups for providers’ websites (public fields only)',
      querystring: z.object(query).strict(),
      response: { 200: z.object({ items: z.array(publicGroup) }) },
    },
    handler: async (request) => ({ items: await publicGroups(deps.db, request.query) }),
  });

  app.get('/api/public/support-groups/widget', {
    config: { access: 'public' },
    schema: {
      tags: TAGS,
      summary: 'The same list as a small self-contained HTML page to embed in an <iframe> on the provider’s website (no scripts)',
      querystring: z.object({ ...query, lang: z.enum(WIDGET_LANGS).optional() }).strict(),
    },
    // Runs after the app-wide security headers: only this page may be framed by any site.
    onSend: async (_request, reply) => {
      reply.removeHeader('x-frame-options');
      reply.header('content-security-policy', WIDGET_CSP);
      reply.header('cache-control', 'public, max-age=300');
    },
    handler: async (request, reply) => {
      const { lang = 'et', ...filter } = request.query;
      const groups = await publicGroups(deps.db, filter);
      let providerName: string | null = null;
      if (filter.providerId) {
        providerName = (await deps.db.selectFrom('organisations').select('name').where('id', '=', filter.providerId).where('kind', '=', 'provider').executeTakeFirst())?.name ?? null;
      }
      return reply.header('content-type', 'text/html; charset=utf-8').send(renderWidget(groups, { lang, providerName }));
    },
  });
}
