import { sql, type Kysely } from 'kysely';

/**
 * Partial indexes on open deadlines, found by the benchmark (issue 6). The home page counts overdue and
 * approaching deadlines (and the case list filters on overdue) with `status <> 'opinion_issued'`,
 * which the (type, status, …) index cannot serve: every KLAT case ever opened was read, 21,000 rows
 * and 7,000 heap pages at factor 10, 15–25 ms per count, twice per home page. The open cases are a
 * few hundred, and these indexes hold only them. A KOV worker's home page also counts the closed
 * consultation cases still waiting for the municipality's feedback: 21.6 ms a call (all of a big
 * KOV's closed cases were read to find the few without feedback); the third index holds only those.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index cases_first_contact_open on cases (first_contact_due) where type = 'domestic' and status = 'application'`.execute(db);
  await sql`create index cases_opinion_open on cases (opinion_due) where type = 'klat_opinion' and status <> 'opinion_issued'`.execute(db);
  await sql`create index cases_feedback_due on cases (kov_organisation_id) where type = 'domestic' and status = 'closed' and kov_feedback is null`.execute(db);
}
