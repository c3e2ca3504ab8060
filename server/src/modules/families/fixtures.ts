import { expect } from 'vitest';
import { ok, orgId } from '../../../test/responses.js';
import { addMonths, todayInTallinn } from '../../platform/calendar/working-days.js';
import type { TestApp } from '../../../test/harness.js';
import type { TestClient } from '../../../test/client.js';

/** Shared set-up of the families integration tests (not a test file itself). */

export const today = () => todayInTallinn(new Date());

export { ok, orgId, refused } from '../../../test/responses.js';

/** A user of an organisation, made by the administrator, logged in. */
export async function userOf(t: TestApp, organisation: string, role: string, email: string, name: string): Promise<{ client: TestClient; id: string }> {
  const admin = await t.loginAs('admin');
  const password = 'Peretugi-testi-2026!';
  const created = await admin.post('/api/admin/users', { email, name, role, organisationId: await orgId(t, organisation), password });
  expect(created.statusCode, created.body).toBe(201);
  return { client: await t.login(email, password), id: created.json().id };
}

export interface ProviderSetup {
  ska: TestClient;
  admin: TestClient;
  supporter: TestClient;
  providerId: string;
  specialistId: string;
}

/**
 * Kasvulava gets a contract in force, and its family supporter (Anne Ilves,
 * the demo provider_specialist) is registered and approved by SKA half a year ago.
 */
export async function setUpProvider(t: TestApp): Promise<ProviderSetup> {
  const ska = await t.loginAs('ska_contact');
  const admin = await t.loginAs('provider_admin');
  const supporter = await t.loginAs('provider_specialist');
  const providerId = await orgId(t, 'Perekeskus Kasvulava OÜ');
  await ok(
    ska.post('/api/families/contracts', {
      reference: `TL-${Math.random().toString(36).slice(2, 8)}`,
      providerId,
      startsOn: addMonths(today(), -24),
      endsOn: addMonths(today(), 24),
      prices: { familySupportMonthCents: 45_000, mentoringSessionCents: 6_000, supportGroupMeetingCents: 30_000, counsellingSessionCents: 7_000 },
    }),
    201,
  );
  const specialistId = await registerSpecialist(t, admin, ska, 'peretoetaja@tugi.demo', { firstName: 'Anne', lastName: 'Ilves', birthDate: '1980-04-04' }, { roles: ['family_supporter', 'mentor'], languages: ['et', 'ru'] });
  return { ska, admin, supporter, providerId, specialistId };
}

export async function registerSpecialist(
  _t: TestApp,
  admin: TestClient,
  ska: TestClient | null,
  email: string,
  person: { firstName: string; lastName: string; birthDate: string },
  extra: Record<string, unknown> = {},
): Promise<string> {
  const candidates = (await ok(admin.get('/api/families/specialists/candidates'))).items as { id: string; email: string }[];
  const user = candidates.find((c) => c.email === email);
  expect(user, `${email} is a candidate`).toBeTruthy();
  const created = await ok(admin.post('/api/families/specialists', { userId: user!.id, person, roles: ['family_supporter'], languages: ['et'], ...extra }), 201);
  if (ska) await ok(ska.post(`/api/families/specialists/${created.id}/approval`, { version: created.version, approved: true, approvedOn: addMonths(today(), -6), reference: 'SKA kiri 7.1-2/123' }));
  return created.id;
}

export function person(firstName: string, lastName: string, birthDate = '1985-05-05') {
  return { firstName, lastName, birthDate };
}

export async function createFamily(client: TestClient, body: Record<string, unknown>) {
  return ok(client.post('/api/families', { type: 'hooldus', parents: [{ person: person('Mari', 'Tamm') }], ...body }), 201);
}

/** KOV referral form → SKA check → forwarded to the provider. */
export async function forwardedReferral(kov: TestClient, ska: TestClient, providerId: string, body: Record<string, unknown>) {
  const form = body.kind === 'needs_based' ? { topics: 'Kiindumussuhe', problems: 'Unehäired, koolist puudumine', goals: 'Rahulik uneaeg\nKoolis käimine', casePlanReference: 'JP-2025-1' } : {};
  const referral = await ok(kov.post('/api/families/referrals', { ...form, preferredProviderId: providerId, ...body }), 201);
  return ok(ska.post(`/api/families/referrals/${referral.id}/forward`, { version: referral.version, providerId, checks: { targetGroup: true, earlierService: true, justificationAndGoals: true } }));
}
