import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { JobDefinition } from '../../platform/jobs/jobs.js';
import { grantDueItems, remindGrantDecisions } from './deadlines.js';
import { lapseUnsignedContracts } from './service.js';

/** Module D — grant rounds: what modules/index.ts wires in. */
export { registerGrantRoutes } from './routes.js';
export { grantMessages } from './messages.js';
export { grantDueItems };

/** D-CONTRACT lapses run just after midnight (the day after the 10th working day); D-GRANT-3 reminders in the morning. */
export const CONTRACT_LAPSE_JOB = 'grants-contract-lapse';

export function grantJobs(db: Kysely<DB>): JobDefinition[] {
  return [
    { name: CONTRACT_LAPSE_JOB, cron: '10 0 * * *', run: () => lapseUnsignedContracts(db) },
    { name: 'grants-decision-reminders', cron: '20 7 * * *', run: () => remindGrantDecisions(db) },
  ];
}
