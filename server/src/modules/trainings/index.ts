import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { JobDefinition } from '../../platform/jobs/jobs.js';
import { inviteFeedback, notifyUnderfilledGroups, trainingDueItems } from './deadlines.js';

/** Module C — trainings: what modules/index.ts wires in. */
export { registerTrainingRoutes } from './routes.js';
export { trainingMessages } from './messages.js';
export { trainingDueItems };

export function trainingJobs(db: Kysely<DB>): JobDefinition[] {
  return [
    { name: 'trainings-underfilled', cron: '30 7 * * *', run: () => notifyUnderfilledGroups(db) },
    { name: 'trainings-feedback-invitations', cron: '0 16 * * *', run: () => inviteFeedback(db) },
  ];
}
