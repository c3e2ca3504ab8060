import { sql, type Kysely } from 'kysely';

/**
 * Indexes for lookups found by the benchmark (issue 6) at national scale × 10:
 * - a case page asks for the cases linked to it (`linked_case_id`): without an
 *   index it scanned all 100,000 cases (48 ms, the case page's p95 of 55 ms);
 * - an episode page lists its sessions and its timeline (600k sessions, 240k events).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index cases_linked on cases (linked_case_id) where linked_case_id is not null`.execute(db);
  await sql`create index service_sessions_episode on service_sessions (episode_id, held_on) where episode_id is not null`.execute(db);
  await sql`create index family_events_episode on family_events (episode_id) where episode_id is not null`.execute(db);
}
