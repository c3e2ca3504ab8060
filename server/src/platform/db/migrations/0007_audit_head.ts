import { sql, type Kysely } from 'kysely';

/**
 * X-AUDIT: the head of the hash chain (last id and hash) in a one-row table.
 * An append locks that row with SELECT … FOR UPDATE, which in READ COMMITTED
 * returns the latest committed head, so taking the lock and reading the
 * previous hash is one statement (before: an advisory lock, then a read of
 * the newest log row, then the sequence); the rows and the new head are then
 * written in one more. The benchmark (issue 6) showed appends serialising
 * behind the lock, so its hold time is the throughput limit of audited work.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table audit_head (
      id integer primary key check (id = 1),
      last_id bigint not null,
      last_hash text not null
    )`.execute(db);
  // Genesis is 64 zeros (platform/audit/chain.ts); an existing log continues from its newest row.
  await sql`
    insert into audit_head (id, last_id, last_hash)
    select 1, coalesce(max(id), 0), coalesce((select hash from audit_log order by id desc limit 1), repeat('0', 64))
    from audit_log`.execute(db);
}
