import { sql, type Kysely } from 'kysely';

/** X-FIND: saved filters per user and list. */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table saved_filters (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users(id),
      list text not null,
      name text not null,
      query jsonb not null,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create unique index saved_filters_name on saved_filters (user_id, list, lower(name))`.execute(db);
}
