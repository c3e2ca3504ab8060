import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { addMonths } from '../../platform/calendar/working-days.js';
import { ROLES, type Role } from '../../platform/db/schema.js';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import type { TestClient } from '../../../test/client.js';
import { personalCodeCheckDigit } from '../people/personal-code.js';
import { createFamily, forwardedReferral, ok, orgId, person, refused, registerSpecialist, setUpProvider, today, userOf, type ProviderSetup } from './fixtures.js';

let t: TestApp;
let p: ProviderSetup;
let kov: TestClient;
let elvaKov: TestClient;
let otherProvider: TestClient;
let otherSupporter: TestClient;
let tartu: string;
const code = (first10: string) => `${first10}${personalCodeCheckDigit(first10)}`;

beforeAll(async () => {
  t = await createTestApp();
  p = await setUpProvider(t);
  kov = await t.loginAs('kov_worker');
  tartu = await orgId(t, 'Tartu linn');
  elvaKov = (await userOf(t, 'Elva vald', 'kov_worker', 'elva@tugi.demo', 'Eha Elvast')).client;
  otherProvider = (await userOf(t, 'Tugiperede Liit MTÜ', 'provider_admin', 'liit@tugi.demo', 'Lea Liit')).client;
  otherSupporter = (await userOf(t, 'Perekeskus Kasvulava OÜ', 'provider_specialist', 'teine@tugi.demo', 'Toomas Teine')).client;
});
afterAll(() => t.close());

/** A family with a running adaptation episode of Anne Ilves (Kasvulava). */
async function servedFamily(body: Record<string, unknown> = {}, creator: TestClient = kov) {
  const family = await createFamily(creator, { children: [{ person: person('Laps', 'Peres', '2020-02-02'), arrivedOn: addMonths(today(), -2) }], ...(creator === kov ? {} : { kovOrganisationId: tartu }), ...body });
  const referral = await forwardedReferral(creator === kov ? kov : p.ska, p.ska, p.providerId, { familyId: family.id, kind: 'adaptation', childPersonId: family.children[0].personId, ...(creator === kov ? {} : { source: 'family' }) });
  const episode = await ok(p.admin.post(`/api/families/referrals/${referral.id}/episode`, { version: referral.version, specialistId: p.specialistId, startsOn: today() }), 201);
  return { family, referral, episode };
}

describe('family access for every role (SPEC §1; denied records answer 404)', () => {
  let served: Awaited<ReturnType<typeof servedFamily>>;
  beforeAll(async () => {
    served = await servedFamily();
  });

  const expected: Record<Role, number> = {
    ska_contact: 200,
    ska_manager: 200,
    kov_worker: 200,
    provider_admin: 200,
    provider_specialist: 200,
    ska_specialist: 403,
    ministry_officer: 403,
    trainer: 403,
    mediator: 403,
    client: 403,
    admin: 403,
    auditor: 403,
  };
  for (const role of ROLES) {
    it(`${role}: family, referral and episode answer ${expected[role]}`, async () => {
      const client = await t.loginAs(role);
      expect((await client.get(`/api/families/${served.family.id}`)).statusCode).toBe(expected[role]);
      expect((await client.get(`/api/families/referrals/${served.referral.id}`)).statusCode).toBe(expected[role]);
      expect((await client.get(`/api/families/episodes/${served.episode.id}`)).statusCode).toBe(expected[role]);
      expect((await client.get('/api/families')).statusCode).toBe(expected[role] === 200 ? 200 : 403);
    });
  }

  it('another municipality, another provider and an unassigned supporter get 404 and see nothing in lists', async () => {
    for (const client of [elvaKov, otherProvider, otherSupporter]) {
      expect((await client.get(`/api/families/${served.family.id}`)).statusCode).toBe(404);
      expect((await client.get(`/api/families/episodes/${served.episode.id}`)).statusCode).toBe(404);
      expect((await client.get(`/api/families/episodes/${served.episode.id}/pdf/support_plan`)).statusCode).toBe(404);
      expect((await client.get(`/api/audit/access/family/${served.family.id}`)).statusCode).toBe(404);
      expect((await client.get('/api/families?limit=200')).json().items).toEqual([]);
      expect((await client.get('/api/families/episodes?limit=200')).json().items).toEqual([]);
    }
    expect((await elvaKov.get('/api/families/referrals?limit=200')).json().items).toEqual([]);
    expect((await otherProvider.post(`/api/families/episodes/${served.episode.id}/contacts`, { kind: 'call', occurredOn: today(), durationMinutes: 5 })).statusCode).toBe(404);
    expect((await elvaKov.patch(`/api/families/${served.family.id}`, { version: 1, notes: 'x' })).statusCode).toBe(404);
  });

  it('the SKA manager reads everything and changes nothing', async () => {
    const manager = await t.loginAs('ska_manager');
    expect((await manager.patch(`/api/families/${served.family.id}`, { version: 1, notes: 'x' })).statusCode).toBe(403);
    expect((await manager.post(`/api/families/referrals/${served.referral.id}/forward`, { version: 1, providerId: p.providerId, checks: {} })).statusCode).toBe(403);
    expect((await manager.get('/api/families/compliance')).statusCode).toBe(200);
  });

  it('a KOV worker keeps to the KOV’s own fields; a stale version answers 409 and loses nothing (X-CONC)', async () => {
    const family = await ok(kov.get(`/api/families/${served.family.id}`));
    await refused(kov.patch(`/api/families/${family.id}`, { version: family.version, crisisOrSpecialFoster: true }), 403, 'FAMILY_FIELD_NOT_ALLOWED');
    const saved = await ok(kov.patch(`/api/families/${family.id}`, { version: family.version, address: 'Tartu, Kase 1' }));
    await refused(p.admin.patch(`/api/families/${family.id}`, { version: family.version, address: 'Vale aadress' }), 409, 'VERSION_CONFLICT');
    expect((await ok(p.admin.get(`/api/families/${family.id}`))).address).toBe('Tartu, Kase 1');
    expect(saved.version).toBe(family.version + 1);
  });

  it('a provider specialist sees only "my families" and the episodes assigned to them', async () => {
    expect((await ok(otherSupporter.get('/api/families/my-families'))).items).toEqual([]);
    const mine = await ok(p.supporter.get('/api/families/episodes?view=mine'));
    expect(mine.items.map((e: { id: string }) => e.id)).toContain(served.episode.id);
    const caseload = await ok(p.admin.get('/api/families/caseload'));
    expect(caseload.items.find((c: { name: string }) => c.name === 'Anne Ilves')).toMatchObject({ running: expect.any(Number), approved: true });
    expect((await p.supporter.get('/api/families/caseload')).statusCode).toBe(403);
  });
});

describe('X-SECRET adoption secrecy', () => {
  let secret: Awaited<ReturnType<typeof servedFamily>>;
  const origin = { birthName: 'Salajane Sünninimi', birthParents: 'Ema: Varjatud Isik', previousPlacement: 'Asenduskodu' };
  beforeAll(async () => {
    const family = await createFamily(p.ska, {
      type: 'lapsendaja',
      kovOrganisationId: tartu,
      adoptionSecrecy: true,
      children: [{ person: person('Lapsendatud', 'Laps', '2021-01-01'), arrivedOn: addMonths(today(), -1), origin }],
    });
    expect(family.children[0].origin).toMatchObject(origin);
    const referral = await forwardedReferral(p.ska, p.ska, p.providerId, { familyId: family.id, kind: 'adaptation', source: 'family', childPersonId: family.children[0].personId });
    const episode = await ok(p.admin.post(`/api/families/referrals/${referral.id}/episode`, { version: referral.version, specialistId: p.specialistId, startsOn: today() }), 201);
    secret = { family, referral, episode };
  });

  it('X-SECRET: the SKA contact, the family’s provider and its supporter see the origin data', async () => {
    for (const client of [p.ska, p.admin, p.supporter]) {
      const family = await ok(client.get(`/api/families/${secret.family.id}`));
      expect(family.children[0]).toMatchObject({ origin, originMasked: false });
    }
  });

  it('X-SECRET: the KOV worker and the SKA manager get the family with the origin data masked; another provider gets 404', async () => {
    for (const client of [kov, await t.loginAs('ska_manager')]) {
      const family = await ok(client.get(`/api/families/${secret.family.id}`));
      expect(family.children[0]).toMatchObject({ origin: null, originMasked: true, firstName: 'Lapsendatud' });
      expect(JSON.stringify(family)).not.toContain('Salajane');
    }
    expect((await otherProvider.get(`/api/families/${secret.family.id}`)).statusCode).toBe(404);
  });

  it('X-SECRET: origin data is encrypted at rest (AES-256-GCM) and never exported', async () => {
    const row = await t.database.db.selectFrom('family_children').select('origin_ciphertext').where('family_id', '=', secret.family.id).executeTakeFirstOrThrow();
    expect(row.origin_ciphertext).toMatch(/^v2\.[0-9a-f]{8}\./); // names its key (key rotation)
    expect(row.origin_ciphertext).not.toContain('Salajane');
    const csv = await p.ska.get('/api/families/export');
    expect(csv.statusCode).toBe(200);
    expect(csv.body).not.toContain('Salajane');
    const audit = await t.database.db.selectFrom('audit_log').select('changes').where('record_type', '=', 'family_child').execute();
    expect(JSON.stringify(audit)).not.toContain('Salajane');
  });

  it('X-SECRET: the origin data can be corrected only with the current version', async () => {
    const family = await ok(p.ska.get(`/api/families/${secret.family.id}`));
    const child = family.children[0];
    const changed = await ok(p.ska.patch(`/api/families/${family.id}/children/${child.placementId}`, { version: child.version, origin: { ...origin, notes: 'Täpsustus' } }));
    expect(changed.children[0].origin.notes).toBe('Täpsustus');
    await refused(p.ska.patch(`/api/families/${family.id}/children/${child.placementId}`, { version: child.version, origin: null }), 409, 'VERSION_CONFLICT');
  });
});

describe('B-KOV an adoptive family that declines KOV involvement: nothing goes to the KOV', () => {
  let declined: Awaited<ReturnType<typeof servedFamily>>;
  beforeAll(async () => {
    declined = await servedFamily({ type: 'lapsendaja', kovInvolvementConsent: false }, p.ska);
  });

  it('B-KOV: the KOV cannot see the family, its referrals, episodes or people (404)', async () => {
    expect((await kov.get(`/api/families/${declined.family.id}`)).statusCode).toBe(404);
    expect((await kov.get(`/api/families/episodes/${declined.episode.id}`)).statusCode).toBe(404);
    expect((await kov.get(`/api/families/referrals/${declined.referral.id}`)).statusCode).toBe(404);
    expect((await kov.get(`/api/people/${declined.family.children[0].personId}`)).statusCode).toBe(404);
    const list = (await ok(kov.get('/api/families?limit=200'))).items;
    expect(list.map((f: { id: string }) => f.id)).not.toContain(declined.family.id);
  });

  it('B-KOV: no start notice, no quarterly overview (409), and the termination is not sent to the KOV', async () => {
    const agreed = await ok(p.supporter.post(`/api/families/episodes/${declined.episode.id}/agreement`, { version: declined.episode.version, agreedOn: today(), goals: 'Kohanemine', activities: 'Kohtumised' }));
    expect(agreed.kovReports).toEqual([]);
    expect(agreed.kovReporting).toEqual({ involved: false, lastOverviewOn: null, nextOverviewDue: null });
    await refused(p.supporter.post(`/api/families/episodes/${declined.episode.id}/kov-reports`, { periodStart: today(), periodEnd: today(), progress: 'x' }), 409, 'B_KOV_NOT_INVOLVED');
    const ended = await ok(p.supporter.post(`/api/families/episodes/${declined.episode.id}/end`, { version: agreed.version, endsOn: today(), reason: 'family_request', activities: 'Kohtumised', goalsReached: 'Kohanenud', furtherNeeds: 'Tugigrupp', kovRecommendations: 'ei lähe KOV-ile' }));
    expect(ended.termination).toMatchObject({ sentToKovOn: null, kovRecommendations: null });
    const reports = await t.database.db.selectFrom('kov_reports').select('id').where('episode_id', '=', declined.episode.id).execute();
    expect(reports).toEqual([]);
  });

  it('B-KOV: only an adoptive family can decline, and a KOV worker cannot record the refusal; secrecy is for adoptive families', async () => {
    await refused(p.ska.post('/api/families', { type: 'hooldus', kovOrganisationId: tartu, kovInvolvementConsent: false, parents: [{ person: person('A', 'B') }] }), 400, 'FAMILY_CONSENT_ADOPTIVE_ONLY');
    await refused(p.ska.post('/api/families', { type: 'eestkoste', kovOrganisationId: tartu, adoptionSecrecy: true, parents: [{ person: person('A', 'B') }] }), 400, 'FAMILY_SECRECY_ADOPTIVE_ONLY');
    await refused(kov.post('/api/families', { type: 'lapsendaja', kovInvolvementConsent: false, parents: [{ person: person('A', 'B') }] }), 403, 'FAMILY_FIELD_NOT_ALLOWED');
    await refused(kov.post('/api/families', { type: 'hooldus', kovOrganisationId: await orgId(t, 'Elva vald'), parents: [{ person: person('A', 'B') }] }), 403, 'FAMILY_KOV_NOT_OWN');
  });
});

describe('§2.8.6 approval and B-COI conflicts of interest on assignment', () => {
  async function specialist(email: string, name: string, personInput: Record<string, unknown>, extra: Record<string, unknown> = {}, approve = true) {
    await userOf(t, 'Perekeskus Kasvulava OÜ', 'provider_specialist', email, name);
    return registerSpecialist(t, p.admin, approve ? p.ska : null, email, personInput as never, extra);
  }

  it('§2.8.6: no service before SKA’s written approval; the approval needs its reference; then the assignment goes through', async () => {
    const id = await specialist('uus@tugi.demo', 'Uno Uus', person('Uno', 'Uus', '1990-01-01'), {}, false);
    const other = await createFamily(kov, { children: [{ person: person('Teine', 'Pere', '2020-02-02'), arrivedOn: addMonths(today(), -1) }] });
    const fresh = await forwardedReferral(kov, p.ska, p.providerId, { familyId: other.id, kind: 'adaptation', childPersonId: other.children[0].personId });
    await refused(p.admin.post(`/api/families/referrals/${fresh.id}/episode`, { version: fresh.version, specialistId: id, startsOn: today() }), 409, 'SPECIALIST_NOT_APPROVED');
    const current = await ok(p.ska.get(`/api/families/specialists/${id}`));
    await refused(p.ska.post(`/api/families/specialists/${id}/approval`, { version: current.version, approved: true }), 400, 'APPROVAL_REFERENCE_REQUIRED');
    await ok(p.ska.post(`/api/families/specialists/${id}/approval`, { version: current.version, approved: true, approvedOn: today(), reference: 'SKA 7.1-2/99' }));
    const episode = await ok(p.admin.post(`/api/families/referrals/${fresh.id}/episode`, { version: fresh.version, specialistId: id, startsOn: today() }), 201);
    expect(episode.specialist.name).toBe('Uno Uus');
  });

  it('§2.8.9: the specialist must speak the family’s language', async () => {
    const family = await createFamily(kov, { language: 'ru', children: [{ person: person('Vanja', 'Ivanov', '2020-02-02'), arrivedOn: addMonths(today(), -1) }] });
    const id = await specialist('eesti@tugi.demo', 'Eesti Keelne', person('Eesti', 'Keelne', '1979-01-01'), { languages: ['et'] });
    const referral = await forwardedReferral(kov, p.ska, p.providerId, { familyId: family.id, kind: 'adaptation', childPersonId: family.children[0].personId });
    await refused(p.admin.post(`/api/families/referrals/${referral.id}/episode`, { version: referral.version, specialistId: id, startsOn: today() }), 409, 'SPECIALIST_LANGUAGE_MISMATCH');
    expect((await ok(p.admin.post(`/api/families/referrals/${referral.id}/episode`, { version: referral.version, specialistId: p.specialistId, startsOn: today() }), 201)).specialist.name).toBe('Anne Ilves');
  });

  it('B-COI §2.1.6.5: an official of the family’s KOV is refused until SKA clears it with a recorded decision', async () => {
    const id = await specialist('ametnik@tugi.demo', 'Aino Ametnik', person('Aino', 'Ametnik', '1975-01-01'), { officialPosts: [{ kovOrganisationId: tartu, district: null }] });
    const family = await createFamily(kov, { children: [{ person: person('Laps', 'Tartust', '2020-02-02'), arrivedOn: addMonths(today(), -1) }] });
    const referral = await forwardedReferral(kov, p.ska, p.providerId, { familyId: family.id, kind: 'adaptation', childPersonId: family.children[0].personId });
    const error = await refused(p.admin.post(`/api/families/referrals/${referral.id}/episode`, { version: referral.version, specialistId: id, startsOn: today() }), 409, 'B_COI_KOV_OFFICIAL');
    expect(error.details).toEqual({ rule: 'B-COI', conflicts: [{ code: 'B_COI_KOV_OFFICIAL', clause: '§2.1.6.5' }] });
    expect(error.message).toContain('kooskõlastus');
    await refused(p.admin.post('/api/families/coi-clearances', { specialistId: id, familyId: family.id, decision: 'x' }), 403, 'FORBIDDEN');
    await ok(p.ska.post('/api/families/coi-clearances', { specialistId: id, familyId: family.id, decision: 'Ametnik ei tegele selle perega; rollikonflikti ei ole.' }), 201);
    expect((await ok(p.admin.post(`/api/families/referrals/${referral.id}/episode`, { version: referral.version, specialistId: id, startsOn: today() }), 201)).specialist.name).toBe('Aino Ametnik');
  });

  it('B-COI §2.1.6.4: a supporter who receives needs-based support themselves is refused', async () => {
    const parentCode = code('4850101123');
    const own = await createFamily(kov, { parents: [{ person: { personalCode: parentCode, firstName: 'Siiri', lastName: 'Saaja' } }], children: [{ person: person('Siiri', 'Laps', '2014-01-01'), arrivedOn: addMonths(today(), -30) }] });
    const nb = await forwardedReferral(kov, p.ska, p.providerId, { familyId: own.id, kind: 'needs_based', childPersonId: own.children[0].personId });
    await ok(p.admin.post(`/api/families/referrals/${nb.id}/episode`, { version: nb.version, specialistId: p.specialistId, startsOn: today() }), 201);
    const id = await specialist('siiri@tugi.demo', 'Siiri Saaja', { personalCode: parentCode, firstName: 'Siiri', lastName: 'Saaja' });
    const other = await createFamily(kov, { children: [{ person: person('Kolmas', 'Pere', '2020-02-02'), arrivedOn: addMonths(today(), -1) }] });
    const referral = await forwardedReferral(kov, p.ska, p.providerId, { familyId: other.id, kind: 'adaptation', childPersonId: other.children[0].personId });
    await refused(p.admin.post(`/api/families/referrals/${referral.id}/episode`, { version: referral.version, specialistId: id, startsOn: today() }), 409, 'B_COI_SELF_NEEDS_BASED');
  });

  it('B-COI §2.1.6.6: two people may not support each other’s households', async () => {
    const codeA = code('4860202123');
    const codeB = code('3870303123');
    const familyA = await createFamily(kov, { parents: [{ person: { personalCode: codeA, firstName: 'Aili', lastName: 'Esimene' } }] });
    const familyB = await createFamily(kov, { parents: [{ person: { personalCode: codeB, firstName: 'Bruno', lastName: 'Teine' } }], children: [{ person: person('Bruno', 'Laps', '2020-02-02'), arrivedOn: addMonths(today(), -1) }] });
    const a = await specialist('aili@tugi.demo', 'Aili Esimene', { personalCode: codeA, firstName: 'Aili', lastName: 'Esimene' });
    const b = await specialist('bruno@tugi.demo', 'Bruno Teine', { personalCode: codeB, firstName: 'Bruno', lastName: 'Teine' });
    const forB = await forwardedReferral(kov, p.ska, p.providerId, { familyId: familyB.id, kind: 'adaptation', childPersonId: familyB.children[0].personId });
    await ok(p.admin.post(`/api/families/referrals/${forB.id}/episode`, { version: forB.version, specialistId: a, startsOn: today() }), 201);
    const withChild = await ok(kov.post(`/api/families/${familyA.id}/children`, { version: familyA.version, person: person('Aili', 'Laps', '2020-03-03'), arrivedOn: addMonths(today(), -1) }));
    const forA = await forwardedReferral(kov, p.ska, p.providerId, { familyId: familyA.id, kind: 'adaptation', childPersonId: withChild.children[0].personId });
    await refused(p.admin.post(`/api/families/referrals/${forA.id}/episode`, { version: forA.version, specialistId: b, startsOn: today() }), 409, 'B_COI_MUTUAL_HOUSEHOLDS');
  });

  it('B-COI §2.1.6.7: one specialist may not give a family both mentoring and family support', async () => {
    const family = await createFamily(p.admin, { kovOrganisationId: tartu, children: [{ person: person('Mentor', 'Laps', '2020-02-02'), arrivedOn: addMonths(today(), -1) }] });
    const mentoring = await ok(p.admin.post('/api/families/referrals', { familyId: family.id, kind: 'mentoring', source: 'family' }), 201);
    expect(mentoring).toMatchObject({ status: 'forwarded', receivedOn: today(), provider: { name: 'Perekeskus Kasvulava OÜ' } });
    await ok(p.admin.post(`/api/families/referrals/${mentoring.id}/episode`, { version: mentoring.version, specialistId: p.specialistId, startsOn: today() }), 201);
    const adaptation = await ok(p.admin.post('/api/families/referrals', { familyId: family.id, kind: 'adaptation', source: 'family', childPersonId: family.children[0].personId }), 201);
    const error = await refused(p.admin.post(`/api/families/referrals/${adaptation.id}/episode`, { version: adaptation.version, specialistId: p.specialistId, startsOn: today() }), 409, 'B_COI_SUPPORT_AND_MENTORING');
    expect(error.details.conflicts).toEqual([{ code: 'B_COI_SUPPORT_AND_MENTORING', clause: '§2.1.6.7' }]);
    await refused(p.admin.post('/api/families/referrals', { familyId: family.id, kind: 'needs_based', source: 'family', childPersonId: family.children[0].personId }), 409, 'B_NEED_SKA_CHECK_REQUIRED');
  });

  it('B-COI §2.1.5.8: a family providing crisis or special foster care under SKA’s other contract gets no family support', async () => {
    const family = await createFamily(p.ska, { kovOrganisationId: tartu, crisisOrSpecialFoster: true, children: [{ person: person('Kriis', 'Laps', '2020-02-02'), arrivedOn: addMonths(today(), -1) }] });
    const error = await refused(kov.post('/api/families/referrals', { familyId: family.id, kind: 'adaptation', childPersonId: family.children[0].personId }), 409, 'B_COI_CRISIS_FOSTER');
    expect(error.details).toMatchObject({ rule: 'B-COI', clause: '§2.1.5.8' });
  });

  it('B-START: overdue first contacts show first for the SKA contact and the provider, and the provider is reminded', async () => {
    const family = await createFamily(kov, { children: [{ person: person('Hiline', 'Kontakt', '2020-02-02'), arrivedOn: addMonths(today(), -1) }] });
    const referral = await forwardedReferral(kov, p.ska, p.providerId, { familyId: family.id, kind: 'adaptation', childPersonId: family.children[0].personId });
    await t.database.db.updateTable('family_referrals').set({ received_on: '2025-06-19', first_contact_due: '2025-06-30' }).where('id', '=', referral.id).execute();
    const overdue = (await ok(p.ska.get('/api/families/referrals?overdueFirstContact=true'))).items;
    expect(overdue.map((r: { id: string }) => r.id)).toContain(referral.id);
    expect(overdue.find((r: { id: string }) => r.id === referral.id).firstContactState).toBe('overdue');
    expect((await ok(p.ska.get('/api/home'))).items.find((i: { id: string }) => i.id === 'families.firstContactOverdue')).toMatchObject({ severity: 'overdue' });
    const across = (await ok(p.ska.get('/api/families/compliance'))).items.find((r: { providerName: string }) => r.providerName === 'Perekeskus Kasvulava OÜ');
    expect(across.overdueFirstContacts).toBeGreaterThanOrEqual(1);
    const { remindFamilyContacts } = await import('./deadlines.js');
    await remindFamilyContacts(t.database.db);
    const mail = await t.database.db.selectFrom('mail_outbox').select('subject').where('to_address', '=', 'teenusepakkuja@tugi.demo').execute();
    expect(mail.map((m) => m.subject)).toContain(`Suunamine ${referral.reference}: esimene kontakt on hilinenud`);
  });
});

describe('contracts and specialists', () => {
  it('contracts: unit prices in cents, one contract of a provider at a time, 409 on a stale version; a provider sees its own', async () => {
    const liit = await orgId(t, 'Tugiperede Liit MTÜ');
    const prices = { familySupportMonthCents: 40_000, mentoringSessionCents: 5_500, supportGroupMeetingCents: 28_000, counsellingSessionCents: 6_500 };
    const contract = await ok(p.ska.post('/api/families/contracts', { reference: 'TL-LIIT-1', providerId: liit, startsOn: '2024-01-01', endsOn: '2025-12-31', prices }), 201);
    expect(contract).toMatchObject({ providerName: 'Tugiperede Liit MTÜ', prices });
    await refused(p.ska.post('/api/families/contracts', { reference: 'TL-LIIT-2', providerId: liit, startsOn: '2025-06-01', endsOn: '2026-12-31', prices }), 409, 'CONTRACT_OVERLAPS');
    await ok(p.ska.patch(`/api/families/contracts/${contract.id}`, { version: contract.version, endsOn: '2026-12-31' }));
    await refused(p.ska.patch(`/api/families/contracts/${contract.id}`, { version: contract.version, notes: 'x' }), 409, 'VERSION_CONFLICT');
    expect((await ok(otherProvider.get('/api/families/contracts'))).items.map((c: { reference: string }) => c.reference)).toEqual(['TL-LIIT-1']);
    expect((await p.admin.get(`/api/families/contracts?providerId=${liit}`)).json().items).toEqual([]);
    expect((await kov.get('/api/families/contracts')).statusCode).toBe(403);
    const providers = (await ok(kov.get('/api/families/providers'))).items;
    expect(providers.map((x: { name: string }) => x.name)).toEqual(['Perekeskus Kasvulava OÜ', 'Tugiperede Liit MTÜ']);
  });

  it('specialists: qualification documents as uploads or references; other providers see none of them', async () => {
    const upload = await p.admin.request({ method: 'POST', url: `/api/families/specialists/${p.specialistId}/documents?filename=diplom.pdf&title=Diplom`, payload: Buffer.from('%PDF-1.4 diplom'), headers: { 'content-type': 'application/octet-stream' } });
    expect(upload.statusCode, upload.body).toBe(201);
    await ok(p.admin.post(`/api/families/specialists/${p.specialistId}/document-references`, { title: 'Peretoetaja koolitus', reference: 'Tunnistus nr 123/2024' }), 201);
    const detail = await ok(p.ska.get(`/api/families/specialists/${p.specialistId}`));
    expect(detail.documents.map((d: { kind: string; title: string }) => [d.kind, d.title])).toEqual([['upload', 'Diplom'], ['reference', 'Peretoetaja koolitus']]);
    const download = await p.ska.get(`/api/families/specialists/${p.specialistId}/documents/${detail.documents[0].id}`);
    expect(download.body).toBe('%PDF-1.4 diplom');
    expect((await otherProvider.get(`/api/families/specialists/${p.specialistId}`)).statusCode).toBe(404);
    expect((await ok(otherProvider.get('/api/families/specialists'))).items).toEqual([]);
    expect((await ok(p.ska.get('/api/families/specialists?role=mentor&approved=true'))).items.map((s: { name: string }) => s.name)).toContain('Anne Ilves');
    const csv = await p.ska.get('/api/families/specialists/export');
    expect(csv.body).toContain('Anne Ilves');
  });
});

describe('family access arrays (migration 0013, issue 6): kept on every path, and they only narrow', () => {
  const drift = async () => {
    const { n } = await sql<{ n: number }>`
      select count(*)::int as n from families
      where access_org_ids is distinct from family_access_orgs(id, kov_organisation_id, guardian_kov_organisation_id, intake_provider_id)
         or access_user_ids is distinct from family_access_users(id)`
      .execute(t.database.db)
      .then((r) => r.rows[0]!);
    return n;
  };

  it('name the KOV, the provider and the supporter once a referral and an episode exist, for every family', async () => {
    const { family } = await servedFamily();
    const row = await t.database.db.selectFrom('families').select(['access_org_ids', 'access_user_ids']).where('id', '=', family.id).executeTakeFirstOrThrow();
    expect(row.access_org_ids).toEqual(expect.arrayContaining([tartu, p.providerId]));
    const supporterUser = await t.database.db.selectFrom('provider_specialists').select('user_id').where('id', '=', p.specialistId).executeTakeFirstOrThrow();
    expect(row.access_user_ids).toEqual([supporterUser.user_id]);
    expect(await drift()).toBe(0);
  });

  it('a stale array hides the family from the KOV (404) until refreshed; SKA is not affected', async () => {
    const { family } = await servedFamily();
    await sql`update families set access_org_ids = '{}', access_user_ids = '{}' where id = ${family.id}`.execute(t.database.db);
    expect((await kov.get(`/api/families/${family.id}`)).statusCode).toBe(404);
    expect((await kov.get('/api/families?limit=200')).json().items.map((f: { id: string }) => f.id)).not.toContain(family.id);
    expect((await p.supporter.get(`/api/families/${family.id}`)).statusCode).toBe(404);
    expect((await p.ska.get(`/api/families/${family.id}`)).statusCode).toBe(200);
    await sql`select family_access_refresh(${family.id}::uuid)`.execute(t.database.db);
    expect((await kov.get(`/api/families/${family.id}`)).statusCode).toBe(200);
    expect((await p.supporter.get(`/api/families/${family.id}`)).statusCode).toBe(200);
  });

  it('a wrong entry in the array shows nothing: the path condition still decides', async () => {
    const { family } = await servedFamily();
    const elva = await orgId(t, 'Elva vald');
    const liit = await orgId(t, 'Tugiperede Liit MTÜ');
    await sql`update families set access_org_ids = access_org_ids || array[${elva}::uuid, ${liit}::uuid] where id = ${family.id}`.execute(t.database.db);
    expect((await elvaKov.get(`/api/families/${family.id}`)).statusCode).toBe(404);
    expect((await otherProvider.get(`/api/families/${family.id}`)).statusCode).toBe(404);
    await sql`select family_access_refresh(${family.id}::uuid)`.execute(t.database.db);
    expect(await drift()).toBe(0);
  });
});
