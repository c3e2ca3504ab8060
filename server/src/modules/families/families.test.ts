import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCalendarDays, addMonths } from '../../platform/calendar/working-days.js';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import type { TestClient } from '../../../test/client.js';
import { adaptationWindow, firstContactDue, needsBasedLimitDays } from './rules.js';
import { remindFamilyContacts } from './deadlines.js';
import { createFamily, forwardedReferral, ok, orgId, person, refused, setUpProvider, today, type ProviderSetup } from './fixtures.js';

let t: TestApp;
let p: ProviderSetup;
let kov: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  p = await setUpProvider(t);
  kov = await t.loginAs('kov_worker');
});
afterAll(() => t.close());

describe('needs-based family support from the KOV referral to the termination agreement', () => {
  let familyId: string;
  let childId: string;
  let referralId: string;
  let episodeId: string;

  it('a KOV worker records a foster family with a child who arrived two years ago', async () => {
    const family = await createFamily(kov, {
      type: 'hooldus',
      language: 'et',
      parents: [{ person: person('Mari', 'Tamm') }, { person: person('Jaan', 'Tamm', '1983-03-03') }],
      children: [{ person: person('Mia', 'Tamm', '2016-06-06'), arrivedOn: addMonths(today(), -24) }],
    });
    familyId = family.id;
    childId = family.children[0].personId;
    expect(family).toMatchObject({ type: 'hooldus', kov: { name: 'Tartu linn' }, kovInvolved: true, volume: { needsBased: { usedDays: 0, running: false } } });
    expect(family.reference).toMatch(/^PR-\d{4}-\d{5}$/);
    expect(family.children[0].needsBasedEligibleFrom).toBe(addCalendarDays(addMonths(addMonths(today(), -24), 12), 1));
  });

  it('B-NEED-1: the KOV referral form needs topics, problems and goals from the case plan', async () => {
    const error = await refused(kov.post('/api/families/referrals', { familyId, kind: 'needs_based', childPersonId: childId, topics: 'Kiindumus' }), 409, 'B_NEED_REFERRAL_FORM_INCOMPLETE');
    expect(error.details.missing).toEqual(['problems', 'goals']);
    const referral = await ok(
      kov.post('/api/families/referrals', { familyId, kind: 'needs_based', childPersonId: childId, topics: 'Kiindumussuhe', problems: 'Unehäired', goals: 'Rahulik uneaeg\nKoolis käimine', casePlanReference: 'JP-1', preferredProviderId: p.providerId }),
      201,
    );
    referralId = referral.id;
    expect(referral).toMatchObject({ status: 'submitted', source: 'kov', kov: { name: 'Tartu linn' }, preferredProvider: { name: 'Perekeskus Kasvulava OÜ' }, firstContactState: 'not_received' });
    expect(referral.reference).toMatch(/^SU-\d{4}-\d{5}$/);
    await refused(kov.post('/api/families/referrals', { familyId, kind: 'needs_based', childPersonId: childId, topics: 'a', problems: 'b', goals: 'c' }), 409, 'REFERRAL_ALREADY_OPEN');
  });

  it('B-NEED-2: the SKA contact must confirm the checks to forward, and a rejection needs a reason', async () => {
    const current = await ok(p.ska.get(`/api/families/referrals/${referralId}`));
    const incomplete = await refused(p.ska.post(`/api/families/referrals/${referralId}/forward`, { version: current.version, providerId: p.providerId, checks: { targetGroup: true } }), 409, 'B_NEED_CHECK_INCOMPLETE');
    expect(incomplete.details.missing).toEqual(['checks.earlierService', 'checks.justificationAndGoals']);
    await refused(p.ska.post(`/api/families/referrals/${referralId}/reject`, { version: current.version, reason: '  ' }), 409, 'B_NEED_REJECTION_REASON_REQUIRED');
    expect((await p.admin.get(`/api/families/referrals/${referralId}`)).statusCode).toBe(404);
  });

  it('B-START: forwarding is the provider’s receipt; first contact is due in 5 working days (X-CAL)', async () => {
    const current = await ok(p.ska.get(`/api/families/referrals/${referralId}`));
    const forwarded = await ok(p.ska.post(`/api/families/referrals/${referralId}/forward`, { version: current.version, providerId: p.providerId, checks: { targetGroup: true, earlierService: true, justificationAndGoals: true }, checkNotes: 'Sihtrühm, varem teenust ei saanud' }));
    expect(forwarded).toMatchObject({ status: 'forwarded', receivedOn: today(), firstContactDue: firstContactDue(today()), firstContactState: 'waiting', provider: { name: 'Perekeskus Kasvulava OÜ' } });
    const inbox = (await ok(p.admin.get('/api/me/notifications'))).items;
    expect(inbox[0]).toMatchObject({ titleKey: 'notifications.referralReceived', params: { reference: forwarded.reference } });
    const mail = await t.database.db.selectFrom('mail_outbox').select('subject').where('to_address', '=', 'teenusepakkuja@tugi.demo').execute();
    expect(mail.map((m) => m.subject)).toContain(`Uus peretoe suunamine ${forwarded.reference}`);
    const providerList = (await ok(p.admin.get('/api/families/referrals?status=forwarded'))).items;
    expect(providerList.map((r: { id: string }) => r.id)).toContain(referralId);
  });

  it('the provider starts the service with its approved supporter; the supporter sees the family', async () => {
    const referral = await ok(p.admin.get(`/api/families/referrals/${referralId}`));
    const episode = await ok(p.admin.post(`/api/families/referrals/${referralId}/episode`, { version: referral.version, specialistId: p.specialistId, startsOn: today() }), 201);
    episodeId = episode.id;
    expect(episode).toMatchObject({ kind: 'needs_based', status: 'pending', specialist: { name: 'Anne Ilves' }, compliance: { status: 'not_started' }, limit: { limitKind: 'needs_based_volume' } });
    expect(episode.limit.lastAllowedDay).toBe(addCalendarDays(today(), needsBasedLimitDays(today(), false) - 1));
    expect((await ok(p.ska.get(`/api/families/referrals/${referralId}`))).status).toBe('started');
    const mine = await ok(p.supporter.get('/api/families/my-families'));
    expect(mine.items.map((e: { id: string }) => e.id)).toEqual([episodeId]);
    expect(mine.items[0].due[0]).toMatchObject({ kind: 'first_contact', due: firstContactDue(today()) });
    expect((await ok(p.supporter.get(`/api/families/${familyId}`))).parents).toHaveLength(2);
  });

  it('B-START: the first call logged sets the first contact on the referral (one quick POST)', async () => {
    const logged = await ok(p.supporter.post(`/api/families/episodes/${episodeId}/contacts`, { kind: 'call', occurredOn: today(), durationMinutes: 15, notes: 'Leppisime kokku kohtumise' }), 201);
    expect(logged.compliance.status).toBe('not_started');
    expect(await ok(p.ska.get(`/api/families/referrals/${referralId}`))).toMatchObject({ firstContactOn: today(), firstContactChannel: 'call', firstContactState: 'in_time' });
  });

  it('the cooperation agreement starts B-FREQ (green), opens the support plan (B-PLAN) and informs the KOV (B-KOV)', async () => {
    const episode = await ok(p.supporter.get(`/api/families/episodes/${episodeId}`));
    const agreed = await ok(
      p.supporter.post(`/api/families/episodes/${episodeId}/agreement`, { version: episode.version, agreedOn: today(), goals: '1. Rahulik uneaeg\n2. Koolis käimine', activities: 'Iganädalased kohtumised', familyActivities: 'Peab unepäevikut' }),
    );
    expect(agreed).toMatchObject({ status: 'active', agreement: { agreedOn: today() }, compliance: { status: 'green', phase: 'weekly', nextContactDue: addCalendarDays(today(), 7), nextHomeVisitDue: addMonths(today(), 1) } });
    expect(agreed.goals.map((g: { text: string; origin: string }) => [g.text, g.origin])).toEqual([['Rahulik uneaeg', 'start'], ['Koolis käimine', 'start']]);
    expect(agreed.kovReports.map((r: { kind: string }) => r.kind)).toEqual(['start_notice']);
    expect(agreed.kovReporting).toMatchObject({ involved: true, nextOverviewDue: addMonths(today(), 3) });
    expect((await ok(kov.get('/api/me/notifications'))).items[0]).toMatchObject({ titleKey: 'notifications.kovReport.start_notice' });
    const pdf = await p.supporter.get(`/api/families/episodes/${episodeId}/pdf/cooperation_agreement`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('B-PLAN: each meeting’s content is recorded against the goals; goals can be added and reached', async () => {
    const episode = await ok(p.supporter.get(`/api/families/episodes/${episodeId}`));
    const [sleep] = episode.goals;
    await ok(p.supporter.post(`/api/families/episodes/${episodeId}/contacts`, { kind: 'home_visit', occurredOn: today(), durationMinutes: 90, notes: 'Kodukülastus', goalNotes: [{ goalId: sleep.id, note: 'Õhtune rutiin paika' }] }), 201);
    await refused(p.supporter.post(`/api/families/episodes/${episodeId}/contacts`, { kind: 'call', occurredOn: today(), durationMinutes: 5, goalNotes: [{ goalId: '00000000-0000-4000-8000-000000000000', note: 'x' }] }), 400, 'GOAL_NOT_IN_PLAN');
    const added = await ok(p.supporter.post(`/api/families/episodes/${episodeId}/goals`, { text: 'Suhtlus bioloogilise emaga' }), 201);
    expect(added.goals.at(-1)).toMatchObject({ text: 'Suhtlus bioloogilise emaga', origin: 'added', status: 'open' });
    const reached = await ok(p.supporter.patch(`/api/families/episodes/${episodeId}/goals/${sleep.id}`, { version: sleep.version, status: 'reached' }));
    expect(reached.goals[0].status).toBe('reached');
    await refused(p.supporter.patch(`/api/families/episodes/${episodeId}/goals/${sleep.id}`, { version: sleep.version, text: 'vana' }), 409, 'VERSION_CONFLICT');
    const plan = await p.supporter.get(`/api/families/episodes/${episodeId}/pdf/support_plan`);
    expect(plan.statusCode).toBe(200);
  });

  it('B-FREQ: a missed contact turns the episode red (list filter, home page, reminder job); logging a contact turns it green', async () => {
    await t.database.db.updateTable('family_episodes').set({ next_contact_due: addCalendarDays(today(), -1) }).where('id', '=', episodeId).execute();
    const red = (await ok(p.ska.get('/api/families/episodes?compliance=red'))).items;
    expect(red.map((e: { id: string }) => e.id)).toEqual([episodeId]);
    expect(red[0]).toMatchObject({ compliance: 'red', providerName: 'Perekeskus Kasvulava OÜ' });
    const home = (await ok(p.supporter.get('/api/home'))).items;
    expect(home.find((i: { id: string }) => i.id === 'families.contactOverdue')).toMatchObject({ count: 1, severity: 'overdue' });
    const across = (await ok(p.ska.get('/api/families/compliance'))).items.find((r: { providerName: string }) => r.providerName === 'Perekeskus Kasvulava OÜ');
    expect(across).toMatchObject({ running: 1, red: 1 });
    expect(await remindFamilyContacts(t.database.db)).toBeGreaterThanOrEqual(1);
    expect(await remindFamilyContacts(t.database.db)).toBe(0);
    const logged = await ok(p.supporter.post(`/api/families/episodes/${episodeId}/contacts`, { kind: 'message', occurredOn: today(), durationMinutes: 5 }), 201);
    expect(logged.compliance).toMatchObject({ status: 'green', nextContactDue: addCalendarDays(today(), 7) });
    expect((await ok(p.ska.get('/api/families/episodes?compliance=red'))).items).toEqual([]);
  });

  it('B-KOV: the quarterly overview goes to the KOV with the support plan; the KOV reads it as PDF', async () => {
    const overview = await ok(
      p.supporter.post(`/api/families/episodes/${episodeId}/kov-reports`, { periodStart: addMonths(today(), -3), periodEnd: today(), progress: 'Uni on paranenud', difficulties: 'Koolitee' }),
      201,
    );
    const report = overview.kovReports.find((r: { kind: string }) => r.kind === 'quarterly_overview');
    expect(report).toMatchObject({ includesPlan: true, kovName: 'Tartu linn', sentOn: today() });
    expect(overview.kovReporting.nextOverviewDue).toBe(addMonths(today(), 3));
    const asKov = await ok(kov.get(`/api/families/episodes/${episodeId}`));
    expect(asKov.kovReports).toHaveLength(2);
    const pdf = await kov.get(`/api/families/episodes/${episodeId}/kov-reports/${report.id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('X-CONC: ending with a stale version answers 409 and changes nothing', async () => {
    const episode = await ok(p.supporter.get(`/api/families/episodes/${episodeId}`));
    await refused(p.supporter.post(`/api/families/episodes/${episodeId}/end`, { version: episode.version - 1, endsOn: today(), reason: 'goals_reached', activities: 'a', goalsReached: 'b', furtherNeeds: 'c', kovRecommendations: 'd' }), 409, 'VERSION_CONFLICT');
    expect((await ok(p.supporter.get(`/api/families/episodes/${episodeId}`))).status).toBe('active');
  });

  it('B-END: the termination agreement needs every part; it goes to the KOV and the family moves to continued support (B-CONT)', async () => {
    const episode = await ok(p.supporter.get(`/api/families/episodes/${episodeId}`));
    const incomplete = await refused(p.supporter.post(`/api/families/episodes/${episodeId}/end`, { version: episode.version, endsOn: today(), reason: 'goals_reached', activities: 'Kohtumised', goalsReached: 'Uni korras', furtherNeeds: 'Tugigrupp' }), 409, 'B_END_TERMINATION_INCOMPLETE');
    expect(incomplete.details.missing).toEqual(['kovRecommendations']);
    const ended = await ok(
      p.supporter.post(`/api/families/episodes/${episodeId}/end`, { version: episode.version, endsOn: today(), reason: 'goals_reached', activities: 'Kohtumised', goalsReached: 'Uni korras', furtherNeeds: 'Tugigrupp', kovRecommendations: 'Külastada kord kvartalis' }),
    );
    expect(ended).toMatchObject({ status: 'ended', compliance: { status: 'ended' }, termination: { reason: 'goals_reached', sentToKovOn: today() }, continuedSupport: true });
    expect(ended.kovReports.map((r: { kind: string }) => r.kind)).toContain('termination');
    expect((await p.supporter.get(`/api/families/episodes/${episodeId}/pdf/termination_agreement`)).statusCode).toBe(200);
    await refused(p.supporter.post(`/api/families/episodes/${episodeId}/contacts`, { kind: 'call', occurredOn: today(), durationMinutes: 5 }), 409, 'EPISODE_ENDED');
    await ok(p.supporter.post(`/api/families/episodes/${episodeId}/contacts`, { kind: 'continued_support', occurredOn: today(), durationMinutes: 5, notes: 'Kutse tugigruppi' }), 201);
    const continued = (await ok(p.admin.get('/api/families/continued-support'))).items;
    expect(continued.find((e: { familyId: string }) => e.familyId === familyId)).toMatchObject({ lastContinuedContactOn: today() });
    await refused(p.supporter.post(`/api/families/episodes/${episodeId}/kov-need-notice`, { familyAgreed: false, text: 'Suurem abivajadus' }), 409, 'B_CONT_FAMILY_AGREEMENT_REQUIRED');
    await ok(p.supporter.post(`/api/families/episodes/${episodeId}/kov-need-notice`, { familyAgreed: true, text: 'Suurem abivajadus' }), 201);
    const ended2 = await ok(p.ska.get(`/api/families/episodes?endedFrom=${today()}&endedTo=${today()}`));
    expect(ended2.items.map((e: { id: string }) => e.id)).toContain(episodeId);
  });

  it('B-NEED-1: the family’s used volume stays visible after the end', async () => {
    const family = await ok(p.ska.get(`/api/families/${familyId}`));
    expect(family.volume.needsBased).toMatchObject({ usedDays: 1, remainingDays: needsBasedLimitDays(today(), false) - 1, firstStart: today(), running: false });
    expect(family.timeline.map((e: { kind: string }) => e.kind)).toEqual(expect.arrayContaining(['family_created', 'referral_submitted', 'referral_forwarded', 'episode_started', 'agreement_signed', 'episode_ended']));
  });

  it('X-AUDIT: a family read names every person in it; writes with field-level changes', async () => {
    await ok(p.ska.get(`/api/families/${familyId}`));
    const reads = await t.database.db.selectFrom('audit_log').select(['person_ids', 'actor_role']).where('record_type', '=', 'family').where('record_id', '=', familyId).where('action', '=', 'read').orderBy('id', 'desc').execute();
    const last = reads.find((r) => r.actor_role === 'ska_contact')!;
    expect(new Set(last.person_ids).size).toBe(3);
    const forward = await t.database.db.selectFrom('audit_log').select('changes').where('record_type', '=', 'family_referral').where('record_id', '=', referralId).where('action', '=', 'update').execute();
    expect(forward.flatMap((r) => r.changes ?? [])).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'status', old: 'submitted', new: 'forwarded' })]));
    const history = await ok(p.ska.get(`/api/audit/access/family/${familyId}`));
    expect(history.items.length).toBeGreaterThan(0);
  });

  it('X-EXPORT: families, referrals and episodes export as CSV and XLSX, each exported row audited', async () => {
    const csv = await p.ska.get('/api/families/export?format=csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('Jaan Tamm, Mari Tamm');
    const xlsx = await p.ska.get('/api/families/episodes/export?format=xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await p.ska.get('/api/families/referrals/export')).statusCode).toBe(200);
    const logged = await t.database.db.selectFrom('audit_log').select('id').where('action', '=', 'export').where('record_type', '=', 'family').execute();
    expect(logged.length).toBe(csv.body.trim().split('\r\n').length - 1);
  });
});

describe('adaptation support per child (B-ADAPT-1), switching (B-SWITCH), leaving (B-LEAVE), carry-over (B-CARRY)', () => {
  it('B-ADAPT-1: a child arriving in two months: service may start one month before arrival, not a day earlier', async () => {
    const arrivedOn = addMonths(today(), 2);
    const family = await createFamily(kov, { type: 'lapsendaja', children: [{ person: person('Uku', 'Uus', '2022-02-02'), arrivedOn }] });
    const childId = family.children[0].personId;
    const from = adaptationWindow({ arrivedOn }).from;
    expect(family.children[0].adaptation).toMatchObject({ windowFrom: from, windowTo: addMonths(arrivedOn, 12), open: true });
    const referral = await forwardedReferral(kov, p.ska, p.providerId, { familyId: family.id, kind: 'adaptation', childPersonId: childId });
    const early = await refused(p.admin.post(`/api/families/referrals/${referral.id}/episode`, { version: referral.version, specialistId: p.specialistId, startsOn: addCalendarDays(from, -1) }), 409, 'B_ADAPT_BEFORE_WINDOW');
    expect(early.details).toMatchObject({ rule: 'B-ADAPT-1', window: { from } });
    const episode = await ok(p.admin.post(`/api/families/referrals/${referral.id}/episode`, { version: referral.version, specialistId: p.specialistId, startsOn: from }), 201);
    expect(episode.limit).toMatchObject({ limitKind: 'adaptation_window', lastAllowedDay: addMonths(arrivedOn, 12) });
    await refused(p.supporter.post(`/api/families/episodes/${episode.id}/contacts`, { kind: 'call', occurredOn: today(), durationMinutes: 10 }), 409, 'EPISODE_NOT_STARTED');
  });

  it('B-ADAPT-1: a child who arrived more than a year ago gets no adaptation support; exactly a year ago still does', async () => {
    const family = await createFamily(kov, {
      children: [
        { person: person('Vana', 'Saabuja', '2015-01-01'), arrivedOn: addMonths(today(), -13) },
        { person: person('Aasta', 'Tagasi', '2015-01-01'), arrivedOn: addMonths(today(), -12) },
      ],
    });
    const [old, yearAgo] = family.children;
    const refusedError = await refused(kov.post('/api/families/referrals', { familyId: family.id, kind: 'adaptation', childPersonId: old.personId }), 409, 'B_ADAPT_AFTER_WINDOW');
    expect(refusedError.details.rule).toBe('B-ADAPT-1');
    const lastDay = adaptationWindow({ arrivedOn: yearAgo.arrivedOn }).to;
    const response = await kov.post('/api/families/referrals', { familyId: family.id, kind: 'adaptation', childPersonId: yearAgo.personId });
    expect(response.statusCode).toBe(lastDay >= today() ? 201 : 409);
  });

  it('B-NEED-1: needs-based support is refused for a child in the family for less than a year, and without a KOV referral (except adoptive families)', async () => {
    const foster = await createFamily(kov, { children: [{ person: person('Lühike', 'Aeg', '2018-01-01'), arrivedOn: addMonths(today(), -6) }] });
    await refused(kov.post('/api/families/referrals', { familyId: foster.id, kind: 'needs_based', childPersonId: foster.children[0].personId, topics: 'a', problems: 'b', goals: 'c' }), 409, 'B_NEED_CHILD_UNDER_ONE_YEAR');
    const older = await createFamily(kov, { children: [{ person: person('Pikk', 'Aeg', '2014-01-01'), arrivedOn: addMonths(today(), -30) }] });
    await refused(p.ska.post('/api/families/referrals', { familyId: older.id, kind: 'needs_based', source: 'family', childPersonId: older.children[0].personId }), 409, 'B_NEED_KOV_REFERRAL_REQUIRED');
    await refused(p.admin.post('/api/families/referrals', { familyId: older.id, kind: 'adaptation', childPersonId: older.children[0].personId }), 400, 'FAMILY_INVALID');
    const adoptive = await createFamily(p.ska, { type: 'lapsendaja', kovOrganisationId: await orgId(t, 'Tartu linn'), children: [{ person: person('Lap', 'Sendatud', '2014-01-01'), arrivedOn: addMonths(today(), -30) }] });
    const request = await ok(p.ska.post('/api/families/referrals', { familyId: adoptive.id, kind: 'needs_based', source: 'family', childPersonId: adoptive.children[0].personId }), 201);
    expect(request).toMatchObject({ source: 'family', status: 'submitted', kov: null });
  });

  it('B-SWITCH: a new child in a family in needs-based support: adaptation is refused beside it; the switch ends it in writing and keeps the unused volume', async () => {
    const family = await createFamily(kov, { children: [{ person: person('Esimene', 'Laps', '2014-01-01'), arrivedOn: addMonths(today(), -36) }] });
    const referral = await forwardedReferral(kov, p.ska, p.providerId, { familyId: family.id, kind: 'needs_based', childPersonId: family.children[0].personId });
    const nb = await ok(p.admin.post(`/api/families/referrals/${referral.id}/episode`, { version: referral.version, specialistId: p.specialistId, startsOn: today() }), 201);
    await ok(p.supporter.post(`/api/families/episodes/${nb.id}/agreement`, { version: nb.version, agreedOn: today(), goals: 'Eesmärk', activities: 'Tegevused' }));
    // The episode began 40 days ago (moved back here; the API only records today or later).
    const started = addCalendarDays(today(), -40);
    await t.database.db.updateTable('family_episodes').set({ starts_on: started, agreement_on: started }).where('id', '=', nb.id).execute();
    const withChild = await ok(kov.post(`/api/families/${family.id}/children`, { version: family.version, person: person('Teine', 'Laps', '2023-03-03'), arrivedOn: today() }));
    const newChild = withChild.children.find((c: { firstName: string }) => c.firstName === 'Teine').personId;
    const adaptation = await forwardedReferral(kov, p.ska, p.providerId, { familyId: family.id, kind: 'adaptation', childPersonId: newChild });
    await refused(p.admin.post(`/api/families/referrals/${adaptation.id}/episode`, { version: adaptation.version, specialistId: p.specialistId, startsOn: today() }), 409, 'B_SWITCH_NEEDS_BASED_ACTIVE');
    const current = await ok(p.admin.get(`/api/families/episodes/${nb.id}`));
    const switched = await ok(
      p.admin.post(`/api/families/episodes/${nb.id}/switch-to-adaptation`, { version: current.version, childPersonId: newChild, switchOn: today(), activities: 'Kohtumised', goalsReached: 'Osaliselt', furtherNeeds: 'Kohanemine', kovRecommendations: 'Toetada' }),
      201,
    );
    expect(switched.adaptation).toMatchObject({ kind: 'adaptation', status: 'pending', child: { firstName: 'Teine' }, startsOn: today(), specialist: { name: 'Anne Ilves' } });
    const ended = await ok(p.admin.get(`/api/families/episodes/${switched.endedEpisodeId}`));
    expect(ended).toMatchObject({ status: 'ended', termination: { reason: 'switch_to_adaptation', endsOn: addCalendarDays(today(), -1) }, switchedToEpisodeId: switched.adaptation.id });
    const volume = (await ok(p.ska.get(`/api/families/${family.id}`))).volume.needsBased;
    expect(volume).toMatchObject({ usedDays: 40, remainingDays: needsBasedLimitDays(started, false) - 40, running: false });
  });

  it('B-LEAVE: after the child leaves, support continues up to one month, not longer', async () => {
    const family = await createFamily(kov, { children: [{ person: person('Lahkuja', 'Laps', '2019-01-01'), arrivedOn: addMonths(today(), -3) }] });
    const referral = await forwardedReferral(kov, p.ska, p.providerId, { familyId: family.id, kind: 'adaptation', childPersonId: family.children[0].personId });
    const episode = await ok(p.admin.post(`/api/families/referrals/${referral.id}/episode`, { version: referral.version, specialistId: p.specialistId, startsOn: today() }), 201);
    await t.database.db.updateTable('family_episodes').set({ starts_on: addMonths(today(), -3) }).where('id', '=', episode.id).execute();
    const child = family.children[0];
    const leftRecently = await ok(kov.patch(`/api/families/${family.id}/children/${child.placementId}`, { version: child.version, leftOn: addCalendarDays(today(), -10) }));
    expect(leftRecently.children[0].adaptation).toMatchObject({ leaveLimit: addMonths(addCalendarDays(today(), -10), 1) });
    await ok(p.supporter.post(`/api/families/episodes/${episode.id}/contacts`, { kind: 'call', occurredOn: today(), durationMinutes: 20 }), 201);
    const leftLongAgo = addCalendarDays(addMonths(today(), -1), -1);
    await ok(kov.patch(`/api/families/${family.id}/children/${child.placementId}`, { version: child.version + 1, leftOn: leftLongAgo }));
    const over = await refused(p.supporter.post(`/api/families/episodes/${episode.id}/contacts`, { kind: 'call', occurredOn: today(), durationMinutes: 20 }), 409, 'B_LEAVE_CONTINUATION_OVER');
    expect(over.details.lastAllowedDay).toBe(addMonths(leftLongAgo, 1));
    expect((await ok(p.admin.get(`/api/families/episodes/${episode.id}`))).limit).toMatchObject({ limitKind: 'child_left', remainingDays: 0 });
  });

  it('B-CARRY: earlier procurements count, the agency’s gaps do not, and families in service on 31.10.2022 get 2 more months', async () => {
    const family = await createFamily(p.ska, { kovOrganisationId: await orgId(t, 'Tartu linn'), inServiceOn20221031: true, children: [{ person: person('Vana', 'Klient', '2012-01-01'), arrivedOn: '2019-01-01' }] });
    let current = await ok(p.ska.post(`/api/families/${family.id}/prior-periods`, { version: family.version, kind: 'needs_based', startsOn: '2023-01-01', endsOn: '2023-12-31', procurement: '2022–2023' }));
    current = await ok(p.ska.post(`/api/families/${family.id}/prior-periods`, { version: current.version, kind: 'needs_based', startsOn: '2022-11-01', endsOn: '2022-12-31', procurement: '2022 üleminek', transitionalExtra: true }));
    current = await ok(p.ska.post(`/api/families/${family.id}/agency-gaps`, { version: current.version, kind: 'needs_based', startsOn: '2023-07-01', endsOn: '2023-07-31', reason: 'Hanke vahe' }));
    // 12 + 2 months from 01.01.2023 run to 01.03.2024: 365 + 31 + 29 days.
    expect(needsBasedLimitDays('2023-01-01', true)).toBe(425);
    expect(current.volume.needsBased).toMatchObject({ firstStart: '2023-01-01', bonus: true, limitDays: 425, usedDays: 365 - 31, remainingDays: 425 - 334, excludedGapDays: 31 });
    await refused(p.admin.post(`/api/families/${family.id}/agency-gaps`, { version: current.version, kind: 'needs_based', startsOn: '2023-07-01', endsOn: '2023-07-31', reason: 'x' }), 403, 'FORBIDDEN');
    await refused(p.ska.post(`/api/families/${family.id}/prior-periods`, { version: current.version - 1, kind: 'needs_based', startsOn: '2021-01-01', endsOn: '2021-01-31', procurement: 'x' }), 409, 'VERSION_CONFLICT');
  });
});

describe('bad input on the families API never answers 5xx (SPEC §9)', () => {
  it('dates outside 1900–2100, impossible durations, unknown ids and wrong kinds answer 4xx with a code', async () => {
    const family = await createFamily(kov, { children: [{ person: person('Vale', 'Sisend', '2020-02-02'), arrivedOn: addMonths(today(), -1) }] });
    const far = await kov.post(`/api/families/${family.id}/children`, { version: family.version, person: person('Kauge', 'Tulevik', '2020-01-01'), arrivedOn: '9999-12-31' });
    expect(far.statusCode).toBe(400);
    expect(far.json().error.code).toBe('VALIDATION_FAILED');
    const referral = await forwardedReferral(kov, p.ska, p.providerId, { familyId: family.id, kind: 'adaptation', childPersonId: family.children[0].personId });
    const episode = await ok(p.admin.post(`/api/families/referrals/${referral.id}/episode`, { version: referral.version, specialistId: p.specialistId, startsOn: today() }), 201);
    for (const body of [
      { kind: 'call', occurredOn: today(), durationMinutes: 100_000 },
      { kind: 'telepathy', occurredOn: today(), durationMinutes: 5 },
      { kind: 'call', occurredOn: '0001-01-01', durationMinutes: 5 },
      { kind: 'call', occurredOn: addCalendarDays(today(), 1), durationMinutes: 5 },
    ]) {
      const response = await p.supporter.post(`/api/families/episodes/${episode.id}/contacts`, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
    }
    await refused(p.admin.post(`/api/families/episodes/${episode.id}/assign`, { version: episode.version, specialistId: '00000000-0000-4000-8000-000000000000', reason: 'x' }), 400, 'SPECIALIST_INVALID_FOR_PROVIDER');
    await refused(kov.post('/api/families/referrals', { familyId: family.id, kind: 'adaptation', childPersonId: '00000000-0000-4000-8000-000000000000' }), 400, 'CHILD_NOT_IN_FAMILY');
    await refused(p.ska.post(`/api/families/referrals/${referral.id}/forward`, { version: 1, providerId: await orgId(t, 'Tartu linn'), checks: {} }), 409, 'VERSION_CONFLICT');
    await refused(kov.post('/api/families', { type: 'hooldus', district: 'Lasnamäe', parents: [{ person: person('A', 'B') }] }), 400, 'FAMILY_DISTRICT_INVALID');
  });
});
