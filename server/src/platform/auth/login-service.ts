import { sql } from 'kysely';
import type { AppDeps } from '../http/context.js';
import { AppError } from '../http/errors.js';
import { appendAudit } from '../audit/audit.js';
import { afterFailure, isLocked, minutesLeft } from './login-rules.js';
import { addressIsThrottled } from './throttle.js';
import { burnPasswordCheck, verifyPassword } from './passwords.js';
import { createSession, type CreatedSession } from './sessions.js';

export interface LoginInput {
  email: string;
  password: string;
  ip: string;
  userAgent: string | null;
}

type Outcome = { ok: true; session: CreatedSession; userId: string } | { ok: false; error: AppError };

/**
 * Password login. A failure is recorded (attempt, counter, audit) and committed
 * before the error is thrown, so a rejected login still counts toward the lock.
 */
export async function loginWithPassword(deps: AppDeps, input: LoginInput): Promise<{ session: CreatedSession; userId: string }> {
  const outcome = await deps.db.transaction().execute(async (trx): Promise<Outcome> => {
    const now = new Date();
    if (await addressIsThrottled(trx, input.ip, now)) return { ok: false, error: new AppError(429, 'AUTH_RATE_LIMITED') };

    const user = await trx
      .selectFrom('users')
      .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
      .select(['users.id', 'users.name', 'users.role', 'users.organisation_id', 'users.password_hash', 'users.active', 'users.failed_logins', 'users.locked_until', 'organisations.active as organisation_active'])
      .where(sql`lower(users.email)`, '=', input.email.trim().toLowerCase())
      .executeTakeFirst();
    const record = (success: boolean) =>
      trx.insertInto('login_attempts').values({ email: input.email.slice(0, 320), ip: input.ip, success }).execute();
    const source = {
      actor: user ? { userId: user.id, name: user.name, role: user.role, organisationId: user.organisation_id } : null,
      ip: input.ip,
    };
    const fail = async (error: AppError): Promise<Outcome> => {
      await record(false);
      await appendAudit(trx, source, [{ action: 'login_failed', recordType: 'user', recordId: user?.id ?? 'unknown' }]);
      return { ok: false, error };
    };

    if (!user || !user.active || !user.organisation_active || !user.password_hash) {
      await burnPasswordCheck(input.password);
      return fail(new AppError(401, 'AUTH_INVALID_CREDENTIALS'));
    }
    if (isLocked(user.locked_until, now)) {
      return fail(new AppError(423, 'AUTH_LOCKED', { minutes: minutesLeft(user.locked_until!, now) }, { retryAfterSeconds: Math.ceil((user.locked_until!.getTime() - now.getTime()) / 1000) }));
    }
    if (!(await verifyPassword(user.password_hash, input.password))) {
      const next = afterFailure(user.failed_logins, now);
      await trx.updateTable('users').set({ failed_logins: next.failedLogins, locked_until: next.lockedUntil }).where('id', '=', user.id).execute();
      if (next.lockedUntil) {
        return fail(new AppError(423, 'AUTH_LOCKED', { minutes: minutesLeft(next.lockedUntil, now) }, { retryAfterSeconds: Math.ceil((next.lockedUntil.getTime() - now.getTime()) / 1000) }));
      }
      return fail(new AppError(401, 'AUTH_INVALID_CREDENTIALS'));
    }

    await trx.updateTable('users').set({ failed_logins: 0, locked_until: null, last_login_at: now }).where('id', '=', user.id).execute();
    await record(true);
    const session = await createSession(trx, { userId: user.id, method: 'password', ip: input.ip, userAgent: input.userAgent, minutes: deps.config.sessionMinutes });
    await appendAudit(trx, source, [{ action: 'login', recordType: 'user', recordId: user.id }]);
    return { ok: true, session, userId: user.id };
  });
  if (!outcome.ok) throw outcome.error;
  return outcome;
}
