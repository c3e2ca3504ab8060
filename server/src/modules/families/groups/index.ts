import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { AppDeps } from '../../../platform/http/index.js';
import type { DB } from '../../../platform/db/schema.js';
import type { Messages } from '../../../platform/i18n/messages.js';
import type { DueItemsProvider } from '../../../platform/home/due-items.js';
import type { JobDefinition } from '../../../platform/jobs/jobs.js';
import { groupDueItems, remindGroupPlans } from './deadlines.js';
import { groupMessages } from './messages.js';
import { registerGroupPublicRoutes } from './public-routes.js';
import { registerGroupApiRoutes } from './routes.js';

export { groupBillingForMonth, type GroupBillingLine, type GroupExclusion } from './billing.js';

/** Module B part 2 — groups: the one entry point modules/index.ts wires in. */
export function registerGroupRoutes(app: FastifyInstance, deps: AppDeps): void {
  registerGroupApiRoutes(app, deps);
  registerGroupPublicRoutes(app, deps);
}

export const groupsMessages: Messages = groupMessages;

export const groupsDueItems: DueItemsProvider[] = [groupDueItems];

export function groupsJobs(db: Kysely<DB>): JobDefinition[] {
  return [{ name: 'groups-plan-reminder', cron: '0 8 10-15 * *', run: () => remindGroupPlans(db) }];
}
