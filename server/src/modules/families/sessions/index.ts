import type { FastifyInstance } from 'fastify';
import { sql, type Kysely } from 'kysely';
import type { AppDeps } from '../../../platform/http/index.js';
import type { DB } from '../../../platform/db/schema.js';
import type { Messages } from '../../../platform/i18n/messages.js';
import type { DueItemsProvider } from '../../../platform/home/due-items.js';
import type { JobDefinition } from '../../../platform/jobs/jobs.js';
import { extraRequestScope } from '../../../platform/policy/policy.js';
import { registerSessionApi } from './routes.js';
import { sessionMessageTexts } from './messages.js';

/** Module B part 2 — sessions: the one entry point modules/index.ts wires in. */
export function registerSessionRoutes(app: FastifyInstance, deps: AppDeps): void {
  registerSessionApi(app, deps);
}

export const sessionsMessages: Messages = sessionMessageTexts;

/** Home page: the SKA contact sees the extra-session requests awaiting a decision (B-PSY-1); a provider its own awaiting ones. */
const extraRequestsAwaiting: DueItemsProvider = async (db, actor) => {
  if (!['ska_contact', 'provider_admin'].includes(actor.role)) return [];
  const { n } = await db
    .selectFrom('counselling_extra_requests')
    .select(sql<number>`count(*)::int`.as('n'))
    .where(extraRequestScope(actor))
    .where('counselling_extra_requests.status', '=', 'requested')
    .executeTakeFirstOrThrow();
  if (!n) return [];
  const ska = actor.role === 'ska_contact';
  return [
    {
      id: ska ? 'sessions.extraRequestsAwaiting' : 'sessions.extraRequestsSent',
      module: 'families',
      titleKey: ska ? 'sessions.home.extraRequestsAwaiting' : 'sessions.home.extraRequestsSent',
      count: n,
      params: { count: n },
      severity: ska ? 'warning' : 'info',
      link: '/families/counselling-extras?status=requested',
    },
  ];
};

export const sessionsDueItems: DueItemsProvider[] = [extraRequestsAwaiting];

export function sessionsJobs(_db: Kysely<DB>): JobDefinition[] {
  return [];
}
