import type { Kysely } from 'kysely';
import type { AppConfig } from '../../config.js';
import type { DB } from '../../platform/db/schema.js';
import type { JobDefinition } from '../../platform/jobs/jobs.js';
import { sendBookingReminders } from './deadlines.js';
import { deliverRegisterOutbox } from './register.js';
import { REGISTER_JOB } from './service.js';

/** Module E — family mediation: what modules/index.ts wires in. */
export { registerMediationRoutes } from './routes.js';
export { mediationMessages } from './messages.js';
export { mediationDueItems } from './deadlines.js';

/** E-BOOK reminders every quarter of an hour; E-REG deliveries every minute and when an agreement is recorded. */
export function mediationJobs(db: Kysely<DB>, config: AppConfig): JobDefinition[] {
  return [
    { name: 'mediation-reminders', cron: '*/15 * * * *', run: () => sendBookingReminders(db) },
    { name: REGISTER_JOB, cron: '* * * * *', run: () => deliverRegisterOutbox(db, { config: config.register }) },
  ];
}
