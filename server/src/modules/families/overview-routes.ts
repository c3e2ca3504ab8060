import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import type { AppDeps } from '../../platform/http/index.js';
import { contextOf } from '../../platform/http/index.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { addCalendarDays, compareIsoDates, isoWeekday } from '../../platform/calendar/working-days.js';
import { EXPORT_ROW_LIMIT, exportQuery, sendExport } from '../../platform/export/send.js';
import type { ExportColumn } from '../../platform/export/export.js';
import { specialistScope } from '../../platform/policy/policy.js';
import { selectEpisodes, type EpisodeListRow } from './queries.js';
import { complianceOfRow, episodeListItem } from './views.js';
import { firstContactState, kovInvolved, nextKovOverviewDue } from './rules.js';
import { episodeListItem as episodeListItemSchema, FAMILY_ROLES } from './schemas.js';
import { today } from './shared.js';

const TAGS = ['families'];

/** The last day (Sunday) of the week `on` is in. */
/** Sunday of this week; on a weekend, of the coming week (on Sunday "this week" would be just today). */
export function endOfWeek(on: string): string {
  const weekday = isoWeekday(on);
  return addCalendarDays(on, 7 - weekday + (weekday >= 6 ? 7 : 0));
}

const dueItem = z.object({ kind: z.enum(['first_contact', 'contact', 'home_visit', 'kov_overview']), due: z.string(), overdue: z.boolean() });

/** Dashboards: "my families" with what is due this week, caseload per specialist, compliance across providers, continued support (B-CONT). */
export function registerOverviewRoutes(root: FastifyInstance, deps: AppDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get('/api/families/my-families', {
    config: { access: ['provider_specialist', 'provider_admin'] },
    schema: {
      tags: TAGS,
      summary: 'The current specialist’s running episodes with what is due (first contact B-START, contact and home visit B-FREQ, KOV overview B-KOV), most urgent first',
      response: { 200: z.object({ weekEnds: z.string(), items: z.array(episodeListItemSchema.extend({ due: z.array(dueItem), dueThisWeek: z.boolean() })) }) },
    },
    handler: async (request) => {
      const ctx = contextOf(request);
      const on = today();
      const weekEnds = endOfWeek(on);
      return deps.db.transaction().execute(async (trx) => {
        const rows = await selectEpisodes(trx, ctx.actor)
          .innerJoin('provider_specialists as mine', 'mine.id', 'family_episodes.specialist_id')
          .select(['families.type as ftype', 'families.kov_involvement_consent'])
          .select(sql<string | null>`(select max(sent_on)::text from kov_reports r where r.episode_id = family_episodes.id and r.kind = 'quarterly_overview')`.as('last_overview_on'))
          .where('mine.user_id', '=', ctx.actor.userId)
          .where('family_episodes.status', '!=', 'ended')
          .limit(500)
          .execute();
        const items = rows.map((row) => {
          const due: z.infer<typeof dueItem>[] = [];
          const push = (kind: z.infer<typeof dueItem>['kind'], date: string | null) => date && due.push({ kind, due: date, overdue: compareIsoDates(on, date) > 0 });
          const fc = firstContactState(row.first_contact_due, row.first_contact_on, on);
          if (fc === 'waiting' || fc === 'overdue') push('first_contact', row.first_contact_due);
          push('contact', row.next_contact_due);
          push('home_visit', row.next_home_visit_due);
          push('kov_overview', nextKovOverviewDue({ kovInvolved: kovInvolved({ type: row.ftype, kovInvolvementConsent: row.kov_involvement_consent }), agreementOn: row.agreement_on, lastOverviewOn: row.last_overview_on, ended: false }));
          due.sort((a, b) => a.due.localeCompare(b.due));
          return { ...episodeListItem(row, on), due, dueThisWeek: due.some((d) => compareIsoDates(d.due, weekEnds) <= 0) };
        });
        items.sort((a, b) => (a.due[0]?.due ?? '9999').localeCompare(b.due[0]?.due ?? '9999'));
        await appendAudit(trx, ctx, rows.map((r) => ({ action: 'list' as const, recordType: 'family_episode', recordId: r.id, personId: r.child_person_id })));
        return { weekEnds, items };
      });
    },
  });

  app.get('/api/families/caseload', {
    config: { access: ['provider_admin', 'ska_contact', 'ska_manager'] },
    schema: {
      tags: TAGS,
      summary: 'Caseload per specialist: running episodes by kind and B-FREQ colour (a provider: its own team)',
      querystring: z.object({ providerId: z.uuid().optional() }).strict(),
      response: {
        200: z.object({
          items: z.array(
            z.object({ specialistId: z.string(), name: z.string(), providerName: z.string(), approved: z.boolean(), running: z.number(), adaptation: z.number(), needsBased: z.number(), mentoring: z.number(), red: z.number(), amber: z.number(), notStarted: z.number() }),
          ),
        }),
      },
    },
    handler: async (request) => {
      const on = today();
      let query = deps.db
        .selectFrom('provider_specialists')
        .innerJoin('users', 'users.id', 'provider_specialists.user_id')
        .innerJoin('organisations as provider', 'provider.id', 'provider_specialists.provider_organisation_id')
        .leftJoin('family_episodes as e', (j) => j.onRef('e.specialist_id', '=', 'provider_specialists.id').on('e.status', '!=', 'ended'))
        .select([
          'provider_specialists.id',
          'users.name',
          'provider.name as provider_name',
          sql<boolean>`bool_or(provider_specialists.ska_approved_on <= ${on}::date)`.as('approved'),
          sql<number>`count(e.id)::int`.as('running'),
          sql<number>`count(e.id) filter (where e.kind = 'adaptation')::int`.as('adaptation'),
          sql<number>`count(e.id) filter (where e.kind = 'needs_based')::int`.as('needs_based'),
          sql<number>`count(e.id) filter (where e.kind = 'mentoring')::int`.as('mentoring'),
          sql<number>`count(e.id) filter (where e.status = 'active' and (e.next_contact_due < ${on}::date or e.next_home_visit_due < ${on}::date))::int`.as('red'),
          sql<number>`count(e.id) filter (where e.status = 'active' and e.next_contact_due >= ${on}::date and e.next_home_visit_due >= ${on}::date and (e.next_contact_due <= ${on}::date + 2 or e.next_home_visit_due <= ${on}::date + 7))::int`.as('amber'),
          sql<number>`count(e.id) filter (where e.status = 'pending')::int`.as('not_started'),
        ])
        .where(specialistScope(request.actor!))
        .groupBy(['provider_specialists.id', 'users.name', 'provider.name']);
      if (request.query.providerId) query = query.where('provider_specialists.provider_organisation_id', '=', request.query.providerId);
      const rows = await query.orderBy('provider.name').orderBy('users.name').execute();
      return {
        items: rows.map((r) => ({ specialistId: r.id, name: r.name, providerName: r.provider_name, approved: Boolean(r.approved), running: r.running, adaptation: r.adaptation, needsBased: r.needs_based, mentoring: r.mentoring, red: r.red, amber: r.amber, notStarted: r.not_started })),
      };
    },
  });

  app.get('/api/families/compliance', {
    config: { access: ['ska_contact', 'ska_manager'] },
    schema: {
      tags: TAGS,
      summary: 'Compliance across providers: referrals waiting, overdue first contacts (B-START), running episodes by B-FREQ colour',
      response: {
        200: z.object({
          items: z.array(
            z.object({ providerId: z.string(), providerName: z.string(), waitingReferrals: z.number(), overdueFirstContacts: z.number(), running: z.number(), green: z.number(), amber: z.number(), red: z.number(), notStarted: z.number() }),
          ),
          toCheck: z.number().describe('Referrals waiting for the SKA contact’s check (B-NEED-2)'),
        }),
      },
    },
    handler: async () => {
      const on = today();
      const { rows } = await sql<{ id: string; name: string; waiting: number; overdue: number; running: number; green: number; amber: number; red: number; not_started: number }>`
        select o.id, o.name,
          (select count(*)::int from family_referrals r where r.provider_organisation_id = o.id and r.status = 'forwarded') as waiting,
          (select count(*)::int from family_referrals r where r.provider_organisation_id = o.id and r.status in ('forwarded','started') and r.first_contact_on is null and r.first_contact_due < ${on}::date) as overdue,
          count(e.id)::int as running,
          count(e.id) filter (where e.status = 'active' and e.next_contact_due > ${on}::date + 2 and e.next_home_visit_due > ${on}::date + 7)::int as green,
          count(e.id) filter (where e.status = 'active' and e.next_contact_due >= ${on}::date and e.next_home_visit_due >= ${on}::date and (e.next_contact_due <= ${on}::date + 2 or e.next_home_visit_due <= ${on}::date + 7))::int as amber,
          count(e.id) filter (where e.status = 'active' and (e.next_contact_due < ${on}::date or e.next_home_visit_due < ${on}::date))::int as red,
          count(e.id) filter (where e.status = 'pending')::int as not_started
        from organisations o
        left join family_episodes e on e.provider_organisation_id = o.id and e.status <> 'ended' and e.kind <> 'mentoring'
        where o.kind = 'provider'
        group by o.id, o.name
        order by o.name`.execute(deps.db);
      const { n } = await deps.db.selectFrom('family_referrals').select(sql<number>`count(*)::int`.as('n')).where('status', '=', 'submitted').executeTakeFirstOrThrow();
      return {
        toCheck: n,
        items: rows.map((r) => ({ providerId: r.id, providerName: r.name, waitingReferrals: r.waiting, overdueFirstContacts: r.overdue, running: r.running, green: r.green, amber: r.amber, red: r.red, notStarted: r.not_started })),
      };
    },
  });

  const continuedQuery = async (actor: Parameters<typeof selectEpisodes>[1]) => {
    const rows = await selectEpisodes(deps.db, actor)
      .select(sql<string | null>`(select max(c.occurred_on)::text from family_contacts c where c.episode_id = family_episodes.id and c.kind = 'continued_support')`.as('last_continued_contact_on'))
      .where('family_episodes.status', '=', 'ended')
      .where('family_episodes.continued_support', '=', true)
      .where('family_episodes.kind', 'in', ['adaptation', 'needs_based'])
      .where((eb) => eb.not(eb.exists(eb.selectFrom('family_episodes as running').select(sql`1`.as('one')).whereRef('running.family_id', '=', 'family_episodes.family_id').where('running.status', '!=', 'ended'))))
      .orderBy('family_episodes.ends_on', 'desc')
      .limit(EXPORT_ROW_LIMIT)
      .execute();
    const seen = new Set<string>();
    return rows.filter((r) => (seen.has(r.family_id) ? false : (seen.add(r.family_id), true)));
  };

  const continuedItem = episodeListItemSchema.extend({ lastContinuedContactOn: z.string().nullable() });
  app.get('/api/families/continued-support', {
    config: { access: FAMILY_ROLES.filter((r) => r !== 'kov_worker') },
    schema: {
      tags: TAGS,
      summary: 'B-CONT: families whose support has ended and with whom the provider keeps contact (group invitations), with the last continued-support contact',
      response: { 200: z.object({ items: z.array(continuedItem) }) },
    },
    handler: async (request) => {
      const ctx = contextOf(request);
      const rows = await continuedQuery(ctx.actor);
      await appendAudit(deps.db, ctx, rows.map((r) => ({ action: 'list' as const, recordType: 'family_episode', recordId: r.id, personId: r.child_person_id })));
      return { items: rows.map((r) => ({ ...episodeListItem(r), lastContinuedContactOn: r.last_continued_contact_on })) };
    },
  });

  const continuedColumns: ExportColumn<EpisodeListRow & { last_continued_contact_on: string | null }>[] = [
    { key: 'family', header: 'Pere / Family', value: (r) => r.family_reference },
    { key: 'parents', header: 'Vanemad / Parents', value: (r) => r.parent_names },
    { key: 'provider', header: 'Teenuseosutaja / Provider', value: (r) => r.provider_name },
    { key: 'endsOn', header: 'Teenus lõppes / Ended', value: (r) => r.ends_on, kind: 'date' },
    { key: 'lastContact', header: 'Viimane jätkutoe kontakt / Last continued contact', value: (r) => r.last_continued_contact_on, kind: 'date' },
    { key: 'compliance', header: 'Olek / State', value: (r) => complianceOfRow(r) },
  ];

  app.get('/api/families/continued-support/export', {
    config: { access: FAMILY_ROLES.filter((r) => r !== 'kov_worker') },
    schema: { tags: TAGS, summary: 'B-CONT list as CSV or XLSX (X-EXPORT)', querystring: z.object(exportQuery).strict() },
    handler: async (request, reply) => {
      const ctx = contextOf(request);
      const rows = await continuedQuery(ctx.actor);
      await appendAudit(deps.db, ctx, rows.map((r) => ({ action: 'export' as const, recordType: 'family_episode', recordId: r.id, personId: r.child_person_id })));
      return sendExport(reply, request.query.format, 'jatkutugi', continuedColumns, rows);
    },
  });
}
