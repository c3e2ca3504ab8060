import { sql, type Kysely } from 'kysely';

/**
 * A grant application's events are shown in time order, but `now()` is the
 * transaction's start: events written by one use case (submitted, then the
 * receipt sent) got the same time and came back in any order. The statement
 * clock keeps them in the order they were written.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table grant_application_events alter column at set default clock_timestamp()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table grant_application_events alter column at set default now()`.execute(db);
}
