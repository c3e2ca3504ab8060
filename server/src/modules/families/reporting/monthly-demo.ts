import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import { todayInTallinn } from '../../../platform/calendar/working-days.js';
import { ensureReport } from './monthly-service.js';
import { monthRange, previousMonth } from './monthly-rules.js';

/**
 * Demo: last month's report (B-REP-1) for each demo provider with a contract
 * in force then, drafted from the demo sessions, groups and episodes (run
 * after their seeds). Idempotent: a provider's existing report is left alone.
 */
export async function seedDemoReports(db: Kysely<DB>, now: Date): Promise<number> {
  const month = previousMonth(todayInTallinn(now));
  const { from, to } = monthRange(month);
  const providers = await db
    .selectFrom('organisations')
    .innerJoin('provider_contracts as c', 'c.provider_organisation_id', 'organisations.id')
    .select('organisations.id')
    .distinct()
    .where('organisations.kind', '=', 'provider')
    .where('c.starts_on', '<=', to)
    .where('c.ends_on', '>=', from)
    .execute();
  let created = 0;
  for (const provider of providers) {
    const result = await db.transaction().execute((trx) => ensureReport(trx, provider.id, month, null));
    if (result.created) created += 1;
  }
  return created;
}
