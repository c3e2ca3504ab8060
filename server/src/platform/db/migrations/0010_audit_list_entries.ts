import { sql, type Kysely } from 'kysely';

/**
 * X-AUDIT: a list page is logged as one entry holding every record id (and every person) it showed,
 * instead of one entry per row. The benchmark (issue 6) found a 50-row case list page writing 50 log
 * rows (3.3 ms, most of the list's cost) and the log growing by 50 rows per page viewed. The GIN
 * indexes keep "who looked at this record" and the data tracker one index lookup away.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table audit_log add column record_ids text[], add column person_ids uuid[]`.execute(db);
  await sql`create index audit_log_record_ids on audit_log using gin (record_ids) where record_ids is not null`.execute(db);
  await sql`create index audit_log_person_ids on audit_log using gin (person_ids) where person_ids is not null`.execute(db);
}
