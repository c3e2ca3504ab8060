import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../platform/db/schema.js';
import { addWorkingDays, subtractWorkingDays, todayInTallinn } from '../../platform/calendar/working-days.js';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import type { TestClient } from '../../../test/client.js';
import { personalCodeCheckDigit } from '../people/personal-code.js';
import { firstContactDue } from './rules.js';

let t: TestApp;
let kov: TestClient;
let mari: TestClient;
let elvaKov: TestClient;
const code = (first10: string) => `${first10}${personalCodeCheckDigit(first10)}`;
const ALL_ASSESSMENTS = {
  measures_effective: 'Abimeetmed toimisid',
  kov_continues_independently: 'KOV jätkab iseseisvalt',
  network_functioning: 'Võrgustik toimib',
  kov_active: 'KOV on aktiivne',
  child_rights_ensured: 'Lapse õigused on tagatud',
};

beforeAll(async () => {
  t = await createTestApp();
  kov = await t.loginAs('kov_worker');
  mari = await t.loginAs('ska_specialist');
  const admin = await t.loginAs('admin');
  const elva = (await admin.get('/api/admin/organisations?q=Elva')).json().items[0];
  await admin.post('/api/admin/users', { email: 'elva@tugi.demo', name: 'Eha Elvast', role: 'kov_worker', organisationId: elva.id, password: 'Lastekaitse-2026!' });
  elvaKov = await t.login('elva@tugi.demo', 'Lastekaitse-2026!');
});
afterAll(() => t.close());

async function file(client: TestClient, body: Record<string, unknown>) {
  const response = await client.post('/api/cases', body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function move(client: TestClient, id: string, to: string, reason?: string) {
  const current = (await client.get(`/api/cases/${id}`)).json();
  return client.post(`/api/cases/${id}/transitions`, { version: current.version, to, ...(reason ? { reason } : {}) });
}

async function patch(client: TestClient, id: string, changes: Record<string, unknown>) {
  const current = (await client.get(`/api/cases/${id}`)).json();
  return client.patch(`/api/cases/${id}`, { version: current.version, ...changes });
}

describe('A-DOM a domestic case from application to closed', () => {
  let caseId: string;

  it('a KOV worker files an application; it goes to the regional chief specialist, receipt is confirmed in-app and by e-mail', async () => {
    const created = await file(kov, {
      type: 'domestic',
      child: { personalCode: code('5140605012'), firstName: 'Rasmus', lastName: 'Raud' },
      childResidence: 'Tartu, Riia 1',
      question: 'Laps puudub koolist, vanemad ei tee koostööd. Kuidas edasi?',
      starReference: 'STAR-2025-123',
    });
    caseId = created.id;
    expect(created).toMatchObject({ type: 'domestic', status: 'application', specialist: { name: 'Mari Maasikas' }, kov: { name: 'Tartu linn' } });
    expect(created.reference).toMatch(/^SN-\d{4}-\d{5}$/);
    const received = todayInTallinn(new Date());
    expect(created.firstContactDue).toBe(firstContactDue(received));
    const receipt = (await kov.get('/api/me/notifications')).json().items;
    expect(receipt[0]).toMatchObject({ kind: 'receipt', titleKey: 'notifications.caseReceived', params: { reference: created.reference } });
    const mails = await t.database.db.selectFrom('mail_outbox').select(['to_address', 'subject']).execute();
    expect(mails).toEqual(expect.arrayContaining([
      { to_address: 'kov@tugi.demo', subject: `Taotlus ${created.reference} on kätte saadud` },
      { to_address: 'spetsialist@tugi.demo', subject: `Teile on määratud juhtum ${created.reference}` },
    ]));
  });

  it('needs an action plan to leave first contact (409 naming it)', async () => {
    expect((await move(mari, caseId, 'first_contact')).statusCode).toBe(200);
    const refused = await move(mari, caseId, 'in_progress');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'ACTION_PLAN_REQUIRED', details: { missing: ['actionPlan'] } });
    expect((await patch(mari, caseId, { actionPlan: 'Juhtumiarutelu 2 nädala pärast; võrgustikukohtumine koolis.' })).statusCode).toBe(200);
    expect((await move(mari, caseId, 'in_progress')).statusCode).toBe(200);
  });

  it('records activities on one chronological timeline', async () => {
    for (const [kind, occurredOn] of [['network_meeting', '2025-03-10'], ['case_discussion', '2025-03-03'], ['star_monitoring', '2025-03-20']] as const) {
      expect((await mari.post(`/api/cases/${caseId}/activities`, { kind, occurredOn, participants: 'KOV, kool', notes: 'Kokkulepped' })).statusCode).toBe(201);
    }
    expect((await kov.post(`/api/cases/${caseId}/activities`, { kind: 'information_exchange', occurredOn: '2025-03-12', notes: 'Telefonikõne' })).statusCode).toBe(201);
    const items = (await kov.get(`/api/cases/${caseId}/timeline`)).json().items.filter((i: { source: string }) => i.source === 'activity');
    expect(items.map((i: { kind: string }) => i.kind)).toEqual(['case_discussion', 'network_meeting', 'information_exchange', 'star_monitoring']);
  });

  it('closes only with all five assessments and a written summary; the KOV then gives feedback', async () => {
    expect((await move(mari, caseId, 'closing')).statusCode).toBe(200);
    const noAssessments = await move(mari, caseId, 'closed');
    expect(noAssessments.statusCode).toBe(409);
    expect(noAssessments.json().error.code).toBe('CLOSING_ASSESSMENTS_REQUIRED');
    expect(noAssessments.json().error.details.missing).toHaveLength(5);
    await patch(mari, caseId, { assessments: { ...ALL_ASSESSMENTS, child_rights_ensured: undefined } });
    expect((await move(mari, caseId, 'closed')).json().error.details.missing).toEqual(['assessments.child_rights_ensured']);
    await patch(mari, caseId, { assessments: { child_rights_ensured: ALL_ASSESSMENTS.child_rights_ensured } });
    expect((await move(mari, caseId, 'closed')).json().error.code).toBe('SUMMARY_REQUIRED');
    await patch(mari, caseId, { summary: 'Koostöö paranes, laps käib koolis.', recommendations: 'Jätkata pereteenusega.' });
    const closed = await move(mari, caseId, 'closed');
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', closedOn: todayInTallinn(new Date()) });
    expect((await patch(kov, caseId, { kovFeedback: 'Nõustamine aitas.' })).json().kovFeedback).toBe('Nõustamine aitas.');
    expect((await patch(mari, caseId, { summary: 'Muudetud' })).json().error.code).toBe('CASE_FIELD_NOT_APPLICABLE');
  });

  it('keeps each side to its own fields, and a stale version loses nothing (X-CONC)', async () => {
    const c = await file(kov, { type: 'domestic', child: { firstName: 'Mia', lastName: 'Mets', birthDate: '2016-01-01' }, question: 'Küsimus' });
    const denied = await kov.patch(`/api/cases/${c.id}`, { version: c.version, actionPlan: 'KOV ei kirjuta SKA tegevuskava' });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error).toMatchObject({ code: 'CASE_FIELD_NOT_ALLOWED', details: { fields: ['actionPlan'] } });
    expect((await kov.patch(`/api/cases/${c.id}`, { version: c.version, starReference: 'STAR-1' })).statusCode).toBe(200);
    const stale = await kov.patch(`/api/cases/${c.id}`, { version: c.version, starReference: 'STAR-2' });
    expect(stale.statusCode).toBe(409);
    expect((await kov.get(`/api/cases/${c.id}`)).json().starReference).toBe('STAR-1');
  });
});

describe('A-KLAT opinion', () => {
  it('refuses a not-supporting opinion without alternative measures, issues it with them, and opens the linked consultation case', async () => {
    const c = await file(kov, { type: 'klat_opinion', child: { firstName: 'Kevin', lastName: 'Kask', birthDate: '2010-05-05' }, question: 'Kohus vajab arvamust', courtDate: '2031-03-03' });
    expect(c.opinionDue).not.toBeNull();
    await move(mari, c.id, 'drafting');
    await patch(mari, c.id, { opinion: 'not_supporting', opinionRecommendations: 'Pere toetamine ja teraapia' });
    const refused = await move(mari, c.id, 'opinion_issued');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'ALTERNATIVE_MEASURES_REQUIRED', details: { missing: ['alternativeMeasures'] } });
    expect(refused.json().error.message).toContain('vabadust piiramata');
    await patch(mari, c.id, { alternativeMeasures: 'Intensiivne pereteenus ja noorsootöö' });
    const issued = await move(mari, c.id, 'opinion_issued');
    expect(issued.json()).toMatchObject({ status: 'opinion_issued', opinion: 'not_supporting' });
    const linked = await kov.post(`/api/cases/${c.id}/linked-domestic`);
    expect(linked.statusCode).toBe(201);
    expect((await kov.get(`/api/cases/${c.id}`)).json().linkedDomesticCaseId).toBe(linked.json().id);
    // A finished case cannot be handed to someone else.
    const manager = await t.loginAs('ska_manager');
    const issuedCase = (await manager.get(`/api/cases/${c.id}`)).json();
    const rein = await t.database.db.selectFrom('users').select('id').where('email', '=', 'pohja@tugi.demo').executeTakeFirstOrThrow();
    expect((await manager.post(`/api/cases/${c.id}/assign`, { version: issuedCase.version, specialistId: rein.id, reason: 'x' })).json().error.code).toBe('CASE_FINISHED');
    expect(linked.json()).toMatchObject({ type: 'domestic', linkedCaseId: c.id, child: { firstName: 'Kevin' } });
    expect((await kov.post(`/api/cases/${c.id}/linked-domestic`)).json().error.code).toBe('LINKED_CASE_EXISTS');
  });

  it('moves the opinion deadline with the court date', async () => {
    const c = await file(kov, { type: 'klat_opinion', child: { firstName: 'Liisi', lastName: 'Lill', birthDate: '2011-02-02' }, question: 'Arvamus' });
    const normalDue = c.opinionDue;
    // A court date 4 working days away: the opinion is due 2 working days before it, earlier than usual.
    const courtDate = addWorkingDays(todayInTallinn(new Date()), 4);
    const withCourt = (await patch(kov, c.id, { courtDate })).json();
    expect(withCourt.opinionDue).toBe(subtractWorkingDays(courtDate, 2));
    expect(withCourt.opinionDue < normalDue).toBe(true);
    // A court date far away leaves the usual 10 working days.
    expect((await patch(kov, c.id, { courtDate: '2031-01-06' })).json().opinionDue).toBe(normalDue);
  });
});

describe('A-INT and A-ASSIGN', () => {
  it('an international case goes to the international team, records foreign correspondence, and the manager reassigns it with a reason', async () => {
    const c = await file(kov, { type: 'international', internationalSubtype: 'welfare_check_from_abroad', child: { firstName: 'Anna', lastName: 'Schmidt', birthDate: '2015-07-07' }, question: 'Saksamaa palub heaolu kontrolli' });
    expect(c.specialist.name).toBe('Piret Pihlakas');
    const piret = await t.login('rahvusvaheline@tugi.demo');
    expect((await piret.post(`/api/cases/${c.id}/activities`, { kind: 'foreign_correspondence', occurredOn: '2025-04-01', country: 'DE', authority: 'Jugendamt Berlin', foreignReference: 'JA-77/2025' })).statusCode).toBe(201);
    const timeline = (await kov.get(`/api/cases/${c.id}/timeline`)).json().items;
    expect(timeline.find((i: { kind: string }) => i.kind === 'foreign_correspondence')).toMatchObject({ country: 'DE', authority: 'Jugendamt Berlin', foreignReference: 'JA-77/2025' });
    // Mari is a regional specialist: international cases are not her team's.
    expect((await mari.get(`/api/cases/${c.id}`)).statusCode).toBe(404);
    const manager = await t.loginAs('ska_manager');
    const rein = await t.database.db.selectFrom('users').select('id').where('email', '=', 'pohja@tugi.demo').executeTakeFirstOrThrow();
    const current = (await manager.get(`/api/cases/${c.id}`)).json();
    const reassigned = await manager.post(`/api/cases/${c.id}/assign`, { version: current.version, specialistId: rein.id, reason: 'Piret on puhkusel' });
    expect(reassigned.json().specialist.name).toBe('Rein Rebane');
    const events = (await manager.get(`/api/cases/${c.id}/timeline`)).json().items.filter((i: { kind: string }) => i.kind === 'reassigned');
    expect(events[0]).toMatchObject({ fromUser: 'Piret Pihlakas', toUser: 'Rein Rebane', reason: 'Piret on puhkusel' });
    expect((await manager.post(`/api/cases/${c.id}/transitions`, { version: current.version + 1, to: 'in_progress' })).statusCode).toBe(403);
    expect((await manager.get('/api/cases?view=all&unassigned=true')).json().items).toEqual([]);
  });

  it('an international case needs its subtype', async () => {
    const response = await kov.post('/api/cases', { type: 'international', child: { firstName: 'A', lastName: 'B', birthDate: '2015-01-01' }, question: 'Q' });
    expect(response.json().error.code).toBe('SUBTYPE_REQUIRED');
  });
});

describe('A-RV Ringist välja', () => {
  it('refuses a youth under 12 without a note and an adult without consent', async () => {
    const young = await kov.post('/api/cases', { type: 'rv', child: { firstName: 'Noor', lastName: 'Laps', birthDate: '2020-01-01' }, question: 'Rakendustoe taotlus' });
    expect(young.json().error.code).toBe('RV_TOO_YOUNG_WITHOUT_NOTE');
    const adult = await kov.post('/api/cases', { type: 'rv', child: { firstName: 'Täis', lastName: 'Ealine', birthDate: '2000-01-01' }, question: 'Rakendustoe taotlus' });
    expect(adult.json().error.code).toBe('RV_ADULT_WITHOUT_CONSENT');
    const withConsent = await kov.post('/api/cases', { type: 'rv', child: { firstName: 'Täis', lastName: 'Ealine', birthDate: '2000-01-01' }, question: 'Rakendustoe taotlus', rvConsentOver18: true });
    expect(withConsent.statusCode).toBe(201);
  });

  it('goes to the RV team, needs a medium/high PACT to start, and refuses a re-assessment within 6 months', async () => {
    const c = await file(kov, { type: 'rv', child: { firstName: 'Sander', lastName: 'Saar', birthDate: '2010-09-09' }, question: 'Korduvad rikkumised, rakendustoe taotlus' });
    expect(c).toMatchObject({ status: 'preparatory', specialist: { name: 'Marko Mets' } });
    const marko = await t.login('rv@tugi.demo');
    const noPact = await move(marko, c.id, 'active');
    expect(noPact.json().error.code).toBe('RV_PACT_REQUIRED');
    expect((await kov.post(`/api/cases/${c.id}/risk-assessments`, { assessedOn: '2025-01-31', level: 'high' })).statusCode).toBe(201);
    const tooEarly = await kov.post(`/api/cases/${c.id}/risk-assessments`, { assessedOn: '2025-07-30', level: 'medium' });
    expect(tooEarly.statusCode).toBe(409);
    expect(tooEarly.json().error).toMatchObject({ code: 'RV_REASSESSMENT_TOO_EARLY' });
    expect(tooEarly.json().error.message).toContain('31.07.2025');
    expect(tooEarly.json().error.details.earliest).toBe('2025-07-31');
    expect((await kov.post(`/api/cases/${c.id}/risk-assessments`, { assessedOn: '2025-07-31', level: 'medium' })).statusCode).toBe(201);
    const active = await move(marko, c.id, 'active');
    expect(active.json()).toMatchObject({ status: 'active', rv: { activeStartedOn: todayInTallinn(new Date()), nextAssessmentFrom: '2026-01-31' } });
    const early = await move(marko, c.id, 'follow_up');
    expect(early.json().error.code).toBe('RV_ACTIVE_TOO_SHORT');
    const withReason = await move(marko, c.id, 'follow_up', 'Noor asus õppima teise linna');
    expect(withReason.json()).toMatchObject({ status: 'follow_up', rv: { earlyCloseReason: 'Noor asus õppima teise linna' } });
  });
});

describe('case access for every role (SPEC §1)', () => {
  let caseId: string;
  beforeAll(async () => {
    caseId = (await file(kov, { type: 'domestic', child: { firstName: 'Pille', lastName: 'Puu', birthDate: '2013-03-03' }, question: 'Q' })).id;
  });

  it('a KOV worker of another municipality gets 404 for the case and does not see it in lists', async () => {
    expect((await elvaKov.get(`/api/cases/${caseId}`)).statusCode).toBe(404);
    expect((await elvaKov.get(`/api/cases/${caseId}/timeline`)).statusCode).toBe(404);
    expect((await elvaKov.post(`/api/cases/${caseId}/activities`, { kind: 'other', occurredOn: '2025-01-01' })).statusCode).toBe(404);
    expect((await elvaKov.get(`/api/audit/access/case/${caseId}`)).statusCode).toBe(404);
    expect((await elvaKov.get('/api/cases?limit=200')).json().items).toEqual([]);
  });

  for (const role of ROLES) {
    it(`${role}: reads the case only if the policy allows`, async () => {
      const client = await t.loginAs(role);
      const expected = ['kov_worker', 'ska_specialist', 'ska_manager'].includes(role) ? 200 : ['ska_contact', 'provider_admin', 'provider_specialist', 'ministry_officer', 'trainer', 'mediator', 'client', 'admin', 'auditor'].includes(role) ? 403 : 404;
      expect((await client.get(`/api/cases/${caseId}`)).statusCode).toBe(expected);
      const list = await client.get('/api/cases');
      expect(list.statusCode).toBe(expected === 200 ? 200 : 403);
    });
  }

  it('the list filters by type, status, county, overdue and searches child names and references', async () => {
    const byName = (await mari.get('/api/cases?q=pille%20puu')).json().items;
    expect(byName.map((c: { childName: string }) => c.childName)).toContain('Pille Puu');
    const reference = byName[0].reference;
    expect((await mari.get(`/api/cases?q=${reference}`)).json().items[0].reference).toBe(reference);
    expect((await mari.get('/api/cases?type=rv')).json().items).toEqual([]);
    expect((await t.loginAs('ska_manager').then((m) => m.get('/api/cases?type=rv'))).json().items.length).toBeGreaterThan(0);
    const tartu = (await mari.get('/api/cases?county=Tartu&limit=200')).json().items;
    expect(tartu.every((c: { county: string }) => c.county === 'Tartu')).toBe(true);
    expect((await mari.get('/api/cases?overdue=true')).json().items).toEqual([]);
  });

  it('pages newest first with a keyset cursor that neither repeats nor skips', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string; receivedOn: string }[]; nextCursor: string | null } = (await kov.get(`/api/cases?view=team&limit=2${cursor ? `&cursor=${cursor}` : ''}`)).json();
      seen.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor;
    } while (cursor);
    const all = (await kov.get('/api/cases?view=team&limit=200')).json().items.map((c: { id: string }) => c.id);
    expect(seen).toEqual(all);
    expect(new Set(seen).size).toBeGreaterThan(3);
  });

  it('exports the filtered list as CSV and logs each exported case', async () => {
    const csv = await mari.get('/api/cases/export?format=csv&type=domestic');
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('Pille Puu');
    const logged = await t.database.db.selectFrom('audit_log').select('id').where('action', '=', 'export').where('record_type', '=', 'case').execute();
    expect(logged.length).toBe(csv.body.trim().split('\r\n').length - 1);
  });
});

describe('a transition to something that is no state (issue 10 fuzzing)', () => {
  it('answers 400, not a 500 from formatting "1800-02-29" into the refusal', async () => {
    const created = await file(kov, { type: 'klat_opinion', child: { firstName: 'Test', lastName: 'Laps', birthDate: '2015-05-05' }, question: 'Kas?', courtDate: '2031-03-03' });
    for (const to of ['1800-02-29', '2024-02-30', 'no_such_state']) {
      const response = await move(mari, created.id, to);
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().error.code).toBe('VALIDATION_FAILED');
    }
  });
});
