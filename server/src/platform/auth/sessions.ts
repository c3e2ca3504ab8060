import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Actor } from '../policy/actor.js';

export const SESSION_COOKIE = 'tugi_session';
export const CSRF_COOKIE = 'tugi_csrf';
/** However active, a session ends after a working day; then the user logs in again. */
export const SESSION_ABSOLUTE_HOURS = 12;

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What is stored of a secret token (session, password reset): its SHA-256, so a copy of the database cannot be used to log in. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export const sessionIdOf = hashToken;

export interface CreatedSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function createSession(
  db: Kysely<DB>,
  input: { userId: string; method: 'password' | 'oidc'; ip: string | null; userAgent: string | null; minutes: number },
): Promise<CreatedSession> {
  const token = newToken();
  const csrfToken = newToken();
  const createdAt = new Date();
  const expiresAt = new Date(createdAt.getTime() + input.minutes * 60_000);
  await db
    .insertInto('sessions')
    .values({
      id: sessionIdOf(token),
      // The app's clock, like expires_at: both limits are checked against it, not the database's.
      created_at: createdAt,
      user_id: input.userId,
      csrf_token: csrfToken,
      auth_method: input.method,
      expires_at: expiresAt,
      ip: input.ip,
      user_agent: input.userAgent?.slice(0, 500) ?? null,
    })
    .execute();
  return { token, csrfToken, expiresAt };
}

export interface LoadedSession {
  id: string;
  csrfToken: string;
  expiresAt: Date;
  createdAt: Date;
  actor: Actor;
  locale: 'et' | 'en' | 'ru';
}

/** The session behind a cookie, with its user as an Actor; null when unknown, expired or deactivated. */
export async function loadSession(db: Kysely<DB>, token: string, now = new Date()): Promise<LoadedSession | null> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
    .select([
      'sessions.id',
      'sessions.csrf_token',
      'sessions.expires_at',
      'sessions.created_at',
      'users.id as user_id',
      'users.name',
      'users.role',
      'users.locale',
      'users.person_id',
      'users.active',
      'organisations.id as organisation_id',
      'organisations.kind as organisation_kind',
    ])
    .where('sessions.id', '=', sessionIdOf(token))
    .executeTakeFirst();
  if (!row || !row.active || row.expires_at <= now) return null;
  // The absolute limit holds whatever the stored expiry says.
  if (row.created_at.getTime() + SESSION_ABSOLUTE_HOURS * 3_600_000 <= now.getTime()) return null;
  return {
    id: row.id,
    csrfToken: row.csrf_token,
    expiresAt: row.expires_at,
    createdAt: row.created_at,
    locale: row.locale,
    actor: {
      userId: row.user_id,
      name: row.name,
      role: row.role,
      organisationId: row.organisation_id,
      organisationKind: row.organisation_kind,
      personId: row.person_id,
    },
  };
}

/**
 * Sliding idle timeout: activity pushes the expiry forward (at most once a
 * minute, to spare writes), never past the absolute limit.
 */
export async function extendSession(db: Kysely<DB>, session: { id: string; expiresAt: Date; createdAt: Date }, minutes: number, now = new Date()): Promise<Date> {
  const absolute = session.createdAt.getTime() + SESSION_ABSOLUTE_HOURS * 3_600_000;
  const wanted = Math.min(now.getTime() + minutes * 60_000, absolute);
  if (wanted - session.expiresAt.getTime() < 60_000) return session.expiresAt;
  const expiresAt = new Date(wanted);
  await db.updateTable('sessions').set({ expires_at: expiresAt }).where('id', '=', session.id).execute();
  return expiresAt;
}

export async function deleteSession(db: Kysely<DB>, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteUserSessions(db: Kysely<DB>, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}
