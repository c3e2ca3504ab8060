import { randomBytes } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB, Locale } from '../db/schema.js';
import type { AppDeps } from '../http/context.js';
import { AppError } from '../http/errors.js';
import { appendAudit } from '../audit/audit.js';
import { enqueueMail } from '../mail/outbox.js';
import { translate } from '../i18n/messages.js';
import { checkPasswordPolicy, PASSPHRASE_MIN_LENGTH, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password-policy.js';
import { hashPassword } from './passwords.js';
import { deleteUserSessions, hashToken, newToken } from './sessions.js';

/**
 * X-AUTH password reset by e-mail.
 *
 * - The request answers the same (202) whether or not the address has an
 *   account, and does the same work in the same order (count, record, look up,
 *   token, audit), so neither the answer nor its timing tells who has one.
 * - A 32-byte random token goes into the link; only its SHA-256 is stored. A
 *   link is good for 30 minutes and once; a new link replaces older ones.
 * - Active users of active organisations with a password login get a mail, in
 *   their own language; inactive ones and accounts without a password (eID
 *   only) get nothing.
 * - Rate limit: per address and per e-mail (counted for unknown e-mails too).
 * - Setting the password checks the policy, ends every session of the user,
 *   clears the lockout and is audited; the token never reaches the log.
 */
export const RESET_TOKEN_MINUTES = 30;
export const RESET_WINDOW_MINUTES = 15;
export const MAX_RESETS_PER_EMAIL = 3;
export const MAX_RESETS_PER_IP = 10;
/** The web app's page that takes the token (from the fragment, so it never reaches a server log). */
export const RESET_PAGE = '/reset-password';
/** Outbox mails of this kind carry a live token: redacted for the admin and after sending. */
export const RESET_MAIL_KEY_PREFIX = 'password-reset:';

export const resetTokenHash = hashToken;

export interface ResetRequest {
  email: string;
  ip: string;
}

export async function requestPasswordReset(deps: AppDeps, input: ResetRequest, now = new Date()): Promise<void> {
  const email = input.email.trim().toLowerCase().slice(0, 320);
  const token = newToken();
  const limited = await deps.db.transaction().execute(async (trx) => {
    const since = new Date(now.getTime() - RESET_WINDOW_MINUTES * 60_000);
    const recent = await trx
      .selectFrom('password_reset_requests')
      .select([
        sql<number>`count(*) filter (where ip = ${input.ip})::int`.as('by_ip'),
        sql<number>`count(*) filter (where email = ${email})::int`.as('by_email'),
        sql<Date | null>`min(at) filter (where ip = ${input.ip} or email = ${email})`.as('oldest'),
      ])
      .where('at', '>', since)
      .where((eb) => eb.or([eb('ip', '=', input.ip), eb('email', '=', email)]))
      .executeTakeFirstOrThrow();
    if (recent.by_ip >= MAX_RESETS_PER_IP || recent.by_email >= MAX_RESETS_PER_EMAIL) {
      const until = new Date(recent.oldest!).getTime() + RESET_WINDOW_MINUTES * 60_000;
      return Math.max(1, Math.ceil((until - now.getTime()) / 1000));
    }
    await trx.insertInto('password_reset_requests').values({ email, ip: input.ip, at: now }).execute();

    const user = await trx
      .selectFrom('users')
      .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
      .select(['users.id', 'users.email', 'users.name', 'users.role', 'users.organisation_id', 'users.locale', 'users.active', 'users.password_hash', 'organisations.active as organisation_active'])
      .where(sql`lower(users.email)`, '=', email)
      .executeTakeFirst();
    const eligible = user && user.active && user.organisation_active && user.password_hash !== null;
    if (!eligible) {
      await appendAudit(trx, { actor: null, ip: input.ip }, [{ action: 'create', recordType: 'password_reset', recordId: 'unknown' }]);
      return null;
    }
    // A new link replaces every older one of the user; the older mails' links are worthless now, and are blanked.
    await trx.deleteFrom('password_reset_tokens').where('user_id', '=', user.id).execute();
    await redactResetMails(trx, user.id);
    await trx
      .insertInto('password_reset_tokens')
      .values({ user_id: user.id, token_hash: resetTokenHash(token), created_at: now, expires_at: new Date(now.getTime() + RESET_TOKEN_MINUTES * 60_000) })
      .execute();
    await enqueueMail(trx, resetMail(deps, user, token, now));
    await appendAudit(trx, { actor: { userId: user.id, name: user.name, role: user.role, organisationId: user.organisation_id }, ip: input.ip }, [
      { action: 'create', recordType: 'password_reset', recordId: user.id },
    ]);
    return null;
  });
  if (limited !== null) throw new AppError(429, 'PASSWORD_RESET_RATE_LIMITED', { minutes: Math.ceil(limited / 60) }, { retryAfterSeconds: limited });
}

function resetMail(deps: AppDeps, user: { id: string; email: string; name: string; locale: Locale }, token: string, now: Date) {
  const link = `${deps.config.publicUrl.replace(/\/+$/, '')}${RESET_PAGE}#token=${token}`;
  const params = { name: user.name, link, minutes: RESET_TOKEN_MINUTES };
  return {
    to: user.email,
    subject: translate(user.locale, 'MAIL_PASSWORD_RESET_SUBJECT', params),
    bodyText: translate(user.locale, 'MAIL_PASSWORD_RESET_BODY', params),
    dedupeKey: `${RESET_MAIL_KEY_PREFIX}${user.id}:${now.getTime()}:${randomBytes(6).toString('hex')}`,
  };
}

/** The mail text with the link's token replaced: what the admin sees, and what is kept once sent. */
export function redactResetToken(body: string): string {
  return body.replace(/#token=[A-Za-z0-9_-]+/g, '#token=…');
}

export interface ResetConfirm {
  token: string;
  password: string;
  ip: string;
  locale: Locale;
}

export async function confirmPasswordReset(deps: AppDeps, input: ResetConfirm, now = new Date()): Promise<void> {
  const invalid = () => new AppError(400, 'PASSWORD_RESET_INVALID');
  // Over-long passwords are refused before any work (and before hashing).
  if ([...input.password.normalize('NFC')].length > PASSWORD_MAX_LENGTH) throw policyError(input.locale, ['too_long']);
  await deps.db.transaction().execute(async (trx) => {
    const found = await lockToken(trx, resetTokenHash(input.token));
    if (!found || found.used_at !== null || found.expires_at.getTime() <= now.getTime()) throw invalid();
    const user = await trx
      .selectFrom('users')
      .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
      .select(['users.id', 'users.email', 'users.name', 'users.role', 'users.organisation_id', 'users.active', 'users.version', 'organisations.active as organisation_active'])
      .where('users.id', '=', found.user_id)
      .executeTakeFirst();
    if (!user || !user.active || !user.organisation_active) throw invalid();
    const policy = checkPasswordPolicy(input.password, { email: user.email, name: user.name });
    // The link stays good for another try (nothing is written before this point).
    if (!policy.ok) throw policyError(input.locale, policy.problems);
    const passwordHash = await hashPassword(input.password);
    await trx.updateTable('password_reset_tokens').set({ used_at: now }).where('id', '=', found.id).execute();
    await trx
      .updateTable('users')
      .set({ password_hash: passwordHash, failed_logins: 0, locked_until: null, version: user.version + 1, updated_at: now })
      .where('id', '=', user.id)
      .execute();
    await deleteUserSessions(trx, user.id);
    await redactResetMails(trx, user.id);
    await appendAudit(trx, { actor: { userId: user.id, name: user.name, role: user.role, organisationId: user.organisation_id }, ip: input.ip }, [
      { action: 'update', recordType: 'user', recordId: user.id, changes: [{ field: 'password', old: '***', new: '***' }, { field: 'via', old: null, new: 'password_reset' }] },
    ]);
  });
}

/** Blanks the token in the user's reset mails in the outbox: a used or replaced link has no business in the database. */
async function redactResetMails(trx: Transaction<DB>, userId: string) {
  await trx
    .updateTable('mail_outbox')
    .set({ body_text: sql<string>`regexp_replace(body_text, '#token=[A-Za-z0-9_-]+', '#token=…', 'g')` })
    .where('dedupe_key', 'like', `${RESET_MAIL_KEY_PREFIX}${userId}:%`)
    .execute();
}

function lockToken(trx: Transaction<DB> | Kysely<DB>, tokenHash: string) {
  return trx.selectFrom('password_reset_tokens').select(['id', 'user_id', 'expires_at', 'used_at']).where('token_hash', '=', tokenHash).forUpdate().executeTakeFirst();
}

function policyError(locale: Locale, problems: string[]): AppError {
  const params = { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH, passphrase: PASSPHRASE_MIN_LENGTH };
  const rules = problems.map((p) => translate(locale, `PASSWORD_RULE_${p}`, params)).join(' ');
  return new AppError(400, 'PASSWORD_POLICY_UNMET', { rules }, { problems });
}
