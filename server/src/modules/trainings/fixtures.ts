import { addCalendarDays, todayInTallinn } from '../../platform/calendar/working-days.js';
import type { AppDeps, RequestContext } from '../../platform/http/index.js';
import type { Actor } from '../../platform/policy/actor.js';
import type { TestApp } from '../../../test/harness.js';
import type { TestClient } from '../../../test/client.js';
import { ok, orgId } from '../../../test/responses.js';
import { normaliseName } from '../people/rules.js';

/** Shared set-up of the trainings integration tests (not a test file itself). */

export const today = () => todayInTallinn(new Date());
/** `n` calendar days from today (Tallinn). */
export const day = (n: number) => addCalendarDays(today(), n);

export async function actorOf(t: TestApp, email: string): Promise<Actor> {
  const u = await t.database.db
    .selectFrom('users')
    .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
    .select(['users.id', 'users.name', 'users.role', 'users.organisation_id', 'organisations.kind'])
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
  return { userId: u.id, name: u.name, role: u.role, organisationId: u.organisation_id, organisationKind: u.kind, personId: null };
}

export const ctxOf = (actor: Actor): RequestContext => ({ actor, ip: null, locale: 'et' });
export const depsOf = (t: TestApp): AppDeps => ({ db: t.database.db, config: t.config, jobs: null });

/** `n` child protection workers of a municipality (no password: registered by a colleague or through the service). */
export async function kovWorkers(t: TestApp, organisation: string, n: number, tag: string): Promise<{ id: string; name: string }[]> {
  const organisationId = await orgId(t, organisation);
  return t.database.db
    .insertInto('users')
    .values(Array.from({ length: n }, (_, i) => ({ email: `${normaliseName(tag).replace(/ /g, '.')}.${i + 1}@test.tugi`, name: `${tag} ${String(i + 1).padStart(2, '0')}`, role: 'kov_worker' as const, organisation_id: organisationId })))
    .returning(['id', 'name'])
    .execute();
}

export async function providerId(t: TestApp): Promise<string> {
  return orgId(t, 'Koolituskeskus Kompass OÜ');
}

export async function trainerId(t: TestApp, email = 'koolitaja@tugi.demo'): Promise<string> {
  return (await t.database.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
}

/** A published one-day training of Kompass whose window runs from 10 days ago to 200 days ahead. */
export async function newTraining(t: TestApp, manager: TestClient, overrides: Record<string, unknown> = {}) {
  return ok(
    manager.post('/api/trainings', {
      title: 'Testkoolitus: kiindumussuhe',
      curriculum: 'Õppekava',
      topics: ['Perekond kui süsteem', 'Kiindumussuhte areng'],
      targetGroup: 'KOV lastekaitsetöötajad',
      academicHours: 8,
      days: 1,
      form: 'in_person',
      providerId: await providerId(t),
      windowStart: day(-10),
      windowEnd: day(200),
      status: 'published',
      ...overrides,
    }),
    201,
  );
}

/** A group of 15–25 in Tartu on day +30 (its cut-off 10 working days before), led by the demo trainer. */
export async function newGroup(t: TestApp, manager: TestClient, trainingId: string, overrides: Record<string, unknown> = {}) {
  return ok(
    manager.post(`/api/trainings/${trainingId}/groups`, {
      city: 'Tartu',
      venue: 'SKA koolitusruum',
      sessions: [{ day: day(30), startsAt: '10:00', endsAt: '16:00' }],
      capacityMin: 15,
      capacityMax: 25,
      trainerId: await trainerId(t),
      ...overrides,
    }),
    201,
  );
}

export async function notificationsOf(t: TestApp, userId: string) {
  return t.database.db.selectFrom('notifications').select(['title_key', 'params', 'link']).where('user_id', '=', userId).orderBy('created_at').execute();
}
