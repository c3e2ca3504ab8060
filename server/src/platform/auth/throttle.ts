import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { IP_WINDOW_MINUTES, ipIsThrottled } from './login-rules.js';

/** Failed logins (password or OIDC) from one address within the window. */
export async function addressIsThrottled(db: Kysely<DB>, ip: string, now = new Date()): Promise<boolean> {
  const since = new Date(now.getTime() - IP_WINDOW_MINUTES * 60_000);
  const { failures } = await db
    .selectFrom('login_attempts')
    .select(sql<number>`count(*)::int`.as('failures'))
    .where('ip', '=', ip)
    .where('success', '=', false)
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  return ipIsThrottled(failures);
}
