import { sql, type Kysely } from 'kysely';

/**
 * X-AUTH password reset by e-mail: one row per link sent. Only the token's
 * SHA-256 is stored; a link is good for 30 minutes and once, and a newer link
 * replaces the older ones. Requests (also for unknown addresses) are counted
 * per address and per e-mail for the rate limit.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table password_reset_tokens (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users(id),
      token_hash text not null unique,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      used_at timestamptz
    )`.execute(db);
  await sql`create index password_reset_tokens_user on password_reset_tokens (user_id)`.execute(db);
  await sql`
    create table password_reset_requests (
      id bigserial primary key,
      email text not null,
      ip text not null,
      at timestamptz not null default now()
    )`.execute(db);
  await sql`create index password_reset_requests_ip_at on password_reset_requests (ip, at)`.execute(db);
  await sql`create index password_reset_requests_email_at on password_reset_requests (email, at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table password_reset_requests`.execute(db);
  await sql`drop table password_reset_tokens`.execute(db);
}
