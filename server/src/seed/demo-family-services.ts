import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import { seedDemoSessions } from '../modules/families/sessions/demo.js';
import { seedDemoGroups } from '../modules/families/groups/demo.js';
import { seedDemoReports } from '../modules/families/reporting/monthly-demo.js';
import { seedDemoReportHistory } from '../modules/families/reporting/history-demo.js';
import { seedDemoClientFamily } from '../modules/families/reporting/client-demo.js';

/**
 * Module B part 2 demo data on top of the demo families: mentoring and
 * counselling sessions, support-group plans with attendance, then last
 * month's monthly reports drafted from them (in that order, since the report
 * is built from the recorded work), the earlier months' reports signed,
 * submitted, approved and e-invoiced (one waiting for SKA), and the demo
 * client made a parent of a family in last month's draft, so she has
 * services to confirm. Each step does nothing when already seeded.
 */
export async function seedDemoFamilyServices(db: Kysely<DB>, key: Buffer, now = new Date()) {
  const sessions = await seedDemoSessions(db, now);
  const groups = await seedDemoGroups(db, now, key);
  const reports = await seedDemoReports(db, now);
  const history = await seedDemoReportHistory(db, key, now);
  const clientFamily = (await seedDemoClientFamily(db, now)) ? 1 : 0;
  return { sessions, groups, reports, history, clientFamily };
}
