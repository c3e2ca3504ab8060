/**
 * X-AUTH brute-force protection, as pure decisions:
 *  - an account locks for 15 minutes after 5 wrong passwords in a row;
 *  - one address may fail at most 20 times in 15 minutes (many accounts, one attacker).
 */
export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;
export const IP_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_IP = 20;

export function isLocked(lockedUntil: Date | null, now: Date): boolean {
  return lockedUntil !== null && lockedUntil > now;
}

export function minutesLeft(lockedUntil: Date, now: Date): number {
  return Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 60_000));
}

/** After a wrong password: the new failure count, and the lock if this was one too many. */
export function afterFailure(failedLogins: number, now: Date): { failedLogins: number; lockedUntil: Date | null } {
  const failures = failedLogins + 1;
  if (failures >= MAX_FAILED_LOGINS) return { failedLogins: 0, lockedUntil: new Date(now.getTime() + LOCKOUT_MINUTES * 60_000) };
  return { failedLogins: failures, lockedUntil: null };
}

export function ipIsThrottled(recentFailures: number): boolean {
  return recentFailures >= MAX_FAILURES_PER_IP;
}
