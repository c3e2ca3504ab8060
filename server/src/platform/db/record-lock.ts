import { sql, type Transaction } from 'kysely';
import { notFound, versionConflict } from '../http/errors.js';
import type { DB } from './schema.js';

type TableWithId = 'cases' | 'families' | 'family_referrals' | 'family_episodes' | 'support_group_plans' | 'monthly_reports' | 'grant_rounds' | 'programme_subactivities';

/**
 * X-CONC for every editable record: lock the row, then read it through the
 * caller's scoped finder, then compare versions. Reading before the lock
 * compared a version that a concurrent update may already have replaced (on
 * PostgreSQL two updates with the same version both won, issue 10). A record
 * outside the user's scope answers 404 as before; locking it first costs one
 * primary-key statement instead of a second scoped read.
 */
export async function lockRecord<T extends { version: number }>(
  trx: Transaction<DB>,
  table: TableWithId,
  id: string,
  read: () => Promise<T | undefined | null>,
  version: number | null,
): Promise<T> {
  await sql`select 1 from ${sql.table(table)} where id = ${id} for update`.execute(trx);
  const found = await read();
  if (!found) throw notFound();
  if (version !== null && found.version !== version) throw versionConflict(found.version);
  return found;
}
