import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/harness.js';
import type { TestClient } from '../../../../test/client.js';
import { createFamily, ok, orgId, person, refused, setUpProvider, today, userOf, type ProviderSetup } from '../fixtures.js';

/**
 * Mentoring, counselling and supervision sessions against the real database:
 * every limit at its edge (B-MENT-2, B-PSY-1, B-PSY-2), who may hold a
 * session (B-MENT-3, B-PSY-3), remote by prior agreement (§2.8.11), SKA's
 * extra sessions, and access per role.
 */
let t: TestApp;
let p: ProviderSetup;
let kov: TestClient;
let tartu: string;
let mentor: Specialist;
let psychologist: Specialist;
let supervisor: Specialist;
let unapprovedMentor: Specialist;
let supporterOnly: Specialist;
const year = Number(today().slice(0, 4));
const last = year - 1;

interface Specialist {
  id: string;
  client: TestClient;
}

async function specialist(email: string, name: string, roles: string[], approvedOn: string | null): Promise<Specialist> {
  const { client } = await userOf(t, 'Perekeskus Kasvulava OÜ', 'provider_specialist', email, name);
  const candidates = (await ok(p.admin.get('/api/families/specialists/candidates'))).items as { id: string; email: string }[];
  const [firstName, lastName] = name.split(' ') as [string, string];
  const created = await ok(p.admin.post('/api/families/specialists', { userId: candidates.find((c) => c.email === email)!.id, person: person(firstName, lastName, '1975-01-01'), roles, languages: ['et', 'ru'] }), 201);
  if (approvedOn) await ok(p.ska.post(`/api/families/specialists/${created.id}/approval`, { version: created.version, approved: true, approvedOn, reference: 'SKA kiri 7.1-2/9' }));
  return { id: created.id, client };
}

/** A family Kasvulava serves, with a mentoring episode (started long ago) of the given mentor. */
async function mentoringFamily(body: Record<string, unknown> = {}, mentorId = mentor.id) {
  const family = await createFamily(p.admin, { kovOrganisationId: tartu, children: [{ person: person('Laps', 'Mentor', '2018-02-02'), arrivedOn: `${last - 1}-01-10` }], ...body });
  const referral = await ok(p.admin.post('/api/families/referrals', { familyId: family.id, kind: 'mentoring', source: 'family' }), 201);
  const episode = await ok(p.admin.post(`/api/families/referrals/${referral.id}/episode`, { version: referral.version, specialistId: mentorId, startsOn: today() }), 201);
  await t.database.db.updateTable('family_episodes').set({ starts_on: `${last - 1}-01-01` }).where('id', '=', episode.id).execute();
  return { family, episode };
}

const mentoring = (familyId: string, episodeId: string, heldOn: string, extra: Record<string, unknown> = {}) => ({
  service: 'mentoring',
  familyId,
  episodeId,
  specialistId: mentor.id,
  heldOn,
  minutes: 60,
  mode: 'in_person',
  ...extra,
});
const counselling = (familyId: string, heldOn: string, extra: Record<string, unknown> = {}) => ({ service: 'counselling', familyId, specialistId: psychologist.id, heldOn, minutes: 60, mode: 'in_person', ...extra });

beforeAll(async () => {
  t = await createTestApp();
  p = await setUpProvider(t);
  kov = await t.loginAs('kov_worker');
  tartu = await orgId(t, 'Tartu linn');
  mentor = await specialist('mentor@tugi.demo', 'Malle Mentor', ['mentor'], `${last - 2}-01-01`);
  psychologist = await specialist('psyh@tugi.demo', 'Peeter Psühholoog', ['psychologist'], `${last - 2}-01-01`);
  supervisor = await specialist('superviisor@tugi.demo', 'Sirje Superviisor', ['supervisor'], `${last - 2}-01-01`);
  unapprovedMentor = await specialist('uus.mentor@tugi.demo', 'Uno Uus', ['mentor'], null);
  supporterOnly = await specialist('toetaja@tugi.demo', 'Tiit Toetaja', ['family_supporter'], `${last - 2}-01-01`);
});
afterAll(() => t.close());

describe('mentoring (B-MENT-2, B-MENT-3)', () => {
  it('B-MENT-2: the 4th session of a quarter is allowed, the 5th refused with the quarter and remaining count; 01.04 starts a new quarter', async () => {
    const { family, episode } = await mentoringFamily();
    for (const day of ['01-10', '02-10', '03-10', '03-30']) await ok(p.admin.post('/api/families/sessions', mentoring(family.id, episode.id, `${last}-${day}`)), 201);
    const error = await refused(p.admin.post('/api/families/sessions', mentoring(family.id, episode.id, `${last}-03-31`)), 422, 'B_MENT_2_QUARTER_LIMIT');
    expect(error.details).toMatchObject({ rule: 'B-MENT-2', limits: { quarter: `${last}-Q1`, remaining: 0, usedThisQuarter: 4 } });
    expect(error.message).toContain(`${last}-Q1`);
    expect(error.message).toContain('(alles 0)');
    await ok(p.admin.post('/api/families/sessions', mentoring(family.id, episode.id, `${last}-04-01`)), 201);
    const limits = await ok(p.admin.get(`/api/families/${family.id}/service-limits?on=${last}-04-01`));
    expect(limits.mentoring).toMatchObject({ stage: 'with_child', quarter: `${last}-Q2`, limit: 4, usedThisQuarter: 1, remaining: 3 });
    expect(limits.runningMentoringEpisodeId).toBe(episode.id);
  });

  it('B-MENT-2: a correction that moves a session into a full quarter is refused; excluding itself, it may stay', async () => {
    const { family, episode } = await mentoringFamily();
    const sessions = [];
    for (const day of ['01-10', '02-10', '03-10', '03-30']) sessions.push(await ok(p.admin.post('/api/families/sessions', mentoring(family.id, episode.id, `${last}-${day}`)), 201));
    const april = await ok(p.admin.post('/api/families/sessions', mentoring(family.id, episode.id, `${last}-04-02`)), 201);
    await refused(p.admin.patch(`/api/families/sessions/${april.id}`, { version: april.version, heldOn: `${last}-03-31` }), 422, 'B_MENT_2_QUARTER_LIMIT');
    const moved = await ok(p.admin.patch(`/api/families/sessions/${sessions[3].id}`, { version: sessions[3].version, heldOn: `${last}-03-31`, minutes: 90 }));
    expect(moved).toMatchObject({ heldOn: `${last}-03-31`, minutes: 90, version: 2 });
    await refused(p.admin.patch(`/api/families/sessions/${sessions[3].id}`, { version: 1, minutes: 30 }), 409, 'VERSION_CONFLICT');
    const cancelled = await ok(p.admin.post(`/api/families/sessions/${sessions[0].id}/cancel`, { version: 1, reason: 'Ei toimunud' }));
    expect(cancelled.status).toBe('cancelled');
    await ok(p.admin.patch(`/api/families/sessions/${april.id}`, { version: april.version, heldOn: `${last}-03-20` }));
    await refused(p.admin.patch(`/api/families/sessions/${sessions[0].id}`, { version: 2, minutes: 30 }), 409, 'SESSION_CANCELLED');
  });

  it('B-MENT-2: a family not yet assessed has 2 mentoring sessions in total: the 3rd is refused, even in another quarter', async () => {
    const { family, episode } = await mentoringFamily({ assessed: false, children: [] });
    await ok(p.admin.post('/api/families/sessions', mentoring(family.id, episode.id, `${last}-02-01`)), 201);
    await ok(p.admin.post('/api/families/sessions', mentoring(family.id, episode.id, `${last}-08-01`)), 201);
    const error = await refused(p.admin.post('/api/families/sessions', mentoring(family.id, episode.id, `${last}-11-01`)), 422, 'B_MENT_2_BEFORE_CHILD_LIMIT');
    expect(error.details.limits).toMatchObject({ stage: 'not_assessed', limit: 2, usedTotal: 2, remaining: 0 });
  });

  it('B-MENT-3: a mentor without SKA approval is refused; a supporter without the mentor role is refused for a family they never supported', async () => {
    const { family, episode } = await mentoringFamily();
    const unapproved = await refused(p.admin.post('/api/families/sessions', mentoring(family.id, episode.id, `${last}-05-05`, { specialistId: unapprovedMentor.id })), 422, 'B_MENT_3_MENTOR_NOT_QUALIFIED');
    expect(unapproved.details).toMatchObject({ rule: 'B-MENT-3', reason: 'not_approved' });
    const noRole = await refused(p.admin.post('/api/families/sessions', mentoring(family.id, episode.id, `${last}-05-05`, { specialistId: supporterOnly.id })), 422, 'B_MENT_3_MENTOR_NOT_QUALIFIED');
    expect(noRole.details.reason).toBe('no_mentor_role');
  });

  it('B-MENT-3 §2.3.6.1: a specialist who gave this family family support before may mentor it without the mentor role', async () => {
    const family = await createFamily(p.admin, { kovOrganisationId: tartu, children: [{ person: person('Laps', 'Kohanev', '2019-03-03'), arrivedOn: addDays(today(), -40) }] });
    const adaptation = await ok(p.admin.post('/api/families/referrals', { familyId: family.id, kind: 'adaptation', source: 'family', childPersonId: family.children[0].personId }), 201);
    const support = await ok(p.admin.post(`/api/families/referrals/${adaptation.id}/episode`, { version: adaptation.version, specialistId: supporterOnly.id, startsOn: today() }), 201);
    await ok(p.admin.post(`/api/families/episodes/${support.id}/end`, { version: support.version, endsOn: today(), reason: 'goals_reached', activities: 'Kohtumised', goalsReached: 'Kohanenud', furtherNeeds: 'Mentorlus', kovRecommendations: 'Puuduvad' }));
    const referral = await ok(p.admin.post('/api/families/referrals', { familyId: family.id, kind: 'mentoring', source: 'family' }), 201);
    const episode = await ok(p.admin.post(`/api/families/referrals/${referral.id}/episode`, { version: referral.version, specialistId: mentor.id, startsOn: today() }), 201);
    const session = await ok(p.admin.post('/api/families/sessions', mentoring(family.id, episode.id, today(), { specialistId: supporterOnly.id })), 201);
    expect(session).toMatchObject({ service: 'mentoring', specialist: { id: supporterOnly.id, name: 'Tiit Toetaja' }, episodeId: episode.id });
  });

  it('B-MENT-1: a mentoring session needs the family’s mentoring episode, and remote needs a prior agreement', async () => {
    const { family, episode } = await mentoringFamily();
    await refused(p.admin.post('/api/families/sessions', mentoring(family.id, null as never, `${last}-05-05`, { episodeId: undefined })), 400, 'SESSION_EPISODE_REQUIRED');
    await refused(p.admin.post('/api/families/sessions', mentoring(family.id, episode.id, `${last}-05-05`, { mode: 'remote', remoteAgreedOn: `${last}-05-06` })), 422, 'B_MENT_1_REMOTE_NOT_AGREED');
    await ok(p.admin.post('/api/families/sessions', mentoring(family.id, episode.id, `${last}-05-05`, { mode: 'remote', remoteAgreedOn: `${last}-05-05` })), 201);
    await refused(p.admin.post('/api/families/sessions', mentoring(family.id, episode.id, `${last - 2}-05-05`)), 422, 'SESSION_OUTSIDE_EPISODE');
  });
});

describe('counselling and supervision (B-PSY-1, B-PSY-2, B-PSY-3)', () => {
  it('B-PSY-1: the 6th session of a year is refused until SKA approves 1 extra; counselling and supervision share the limit', async () => {
    const { family } = await mentoringFamily();
    for (const day of ['01-05', '02-05', '03-05']) await ok(p.admin.post('/api/families/sessions', counselling(family.id, `${last}-${day}`)), 201);
    for (const day of ['04-05', '05-05']) await ok(p.admin.post('/api/families/sessions', counselling(family.id, `${last}-${day}`, { service: 'supervision', specialistId: supervisor.id })), 201);
    const error = await refused(p.admin.post('/api/families/sessions', counselling(family.id, `${last}-06-05`)), 422, 'B_PSY_1_YEAR_LIMIT');
    expect(error.details).toMatchObject({ rule: 'B-PSY-1', limits: { year: last, limit: 5, used: 5, remaining: 0 } });

    const request = await ok(psychologist.client.post('/api/families/counselling-extras', { familyId: family.id, year: last, requestedSessions: 2, justification: 'Lapse käitumisraskused vajavad jätkuvat nõustamist' }), 201);
    expect(request).toMatchObject({ status: 'requested', requestedSessions: 2, provider: { name: 'Perekeskus Kasvulava OÜ' } });
    expect((await ok(p.ska.get('/api/me/notifications'))).items[0]).toMatchObject({ titleKey: 'sessions.notifications.extraRequested' });
    expect((await ok(p.ska.get('/api/home'))).items.find((i: { id: string }) => i.id === 'sessions.extraRequestsAwaiting')).toMatchObject({ count: expect.any(Number), severity: 'warning' });
    await refused(p.admin.post('/api/families/sessions', counselling(family.id, `${last}-06-05`)), 422, 'B_PSY_1_YEAR_LIMIT');
    expect((await ok(p.admin.get(`/api/families/${family.id}/service-limits?on=${last}-06-05`))).counselling).toMatchObject({ pendingExtra: { id: request.id, requestedSessions: 2 }, extraAvailable: 3 });

    await refused(p.ska.post(`/api/families/counselling-extras/${request.id}/decision`, { version: request.version, approved: true, approvedSessions: 3 }), 400, 'EXTRA_MORE_THAN_REQUESTED');
    const decided = await ok(p.ska.post(`/api/families/counselling-extras/${request.id}/decision`, { version: request.version, approved: true, approvedSessions: 1 }));
    expect(decided).toMatchObject({ status: 'approved', approvedSessions: 1, decidedBy: 'Kadri Kask' });
    await refused(p.ska.post(`/api/families/counselling-extras/${request.id}/decision`, { version: decided.version, approved: false, reason: 'x' }), 409, 'EXTRA_REQUEST_DECIDED');
    expect((await ok(p.admin.get('/api/me/notifications'))).items[0]).toMatchObject({ titleKey: 'sessions.notifications.extraApproved' });

    await ok(p.admin.post('/api/families/sessions', counselling(family.id, `${last}-06-05`)), 201);
    await refused(p.admin.post('/api/families/sessions', counselling(family.id, `${last}-07-05`)), 422, 'B_PSY_1_YEAR_LIMIT');
  });

  it('B-PSY-1: extra sessions are capped at 5 a year: a request for 6 is refused, and so is a second request beyond the rest', async () => {
    const { family } = await mentoringFamily();
    const six = await refused(p.admin.post('/api/families/counselling-extras', { familyId: family.id, year, requestedSessions: 6, justification: 'Vajadus' }), 422, 'B_PSY_1_EXTRA_CAP');
    expect(six.details).toMatchObject({ rule: 'B-PSY-1', rest: 5 });
    const first = await ok(p.admin.post('/api/families/counselling-extras', { familyId: family.id, year, requestedSessions: 3, justification: 'Vajadus' }), 201);
    await ok(p.ska.post(`/api/families/counselling-extras/${first.id}/decision`, { version: first.version, approved: true }));
    const second = await refused(p.admin.post('/api/families/counselling-extras', { familyId: family.id, year, requestedSessions: 3, justification: 'Veel' }), 422, 'B_PSY_1_EXTRA_CAP');
    expect(second.details.rest).toBe(2);
    const rest = await ok(p.admin.post('/api/families/counselling-extras', { familyId: family.id, year, requestedSessions: 2, justification: 'Veel' }), 201);
    await refused(p.ska.post(`/api/families/counselling-extras/${rest.id}/decision`, { version: rest.version, approved: false, reason: ' ' }), 422, 'EXTRA_REJECTION_REASON_REQUIRED');
    const rejected = await ok(p.ska.post(`/api/families/counselling-extras/${rest.id}/decision`, { version: rest.version, approved: false, reason: 'Põhjendus puudulik' }));
    expect(rejected).toMatchObject({ status: 'rejected', decisionReason: 'Põhjendus puudulik', approvedSessions: null });
    const list = (await ok(p.ska.get(`/api/families/counselling-extras?familyId=${family.id}`))).items;
    expect(list.map((r: { status: string }) => r.status).sort()).toEqual(['approved', 'rejected']);
    expect((await ok(p.admin.get(`/api/families/${family.id}/service-limits`))).counselling).toMatchObject({ approvedExtra: 3, limit: 8, extraAvailable: 2 });
  });

  it('B-PSY-2: a child who left gives 2 more (7 a year): the 6th and 7th only with the child left; the 8th needs 1 approved extra', async () => {
    const left = await mentoringFamily({ children: [{ person: person('Laps', 'Lahkunud', '2015-01-01'), arrivedOn: `${last - 2}-01-01`, leftOn: `${last}-01-15` }] });
    const stays = await mentoringFamily();
    for (const [i, family] of [left.family, stays.family].entries()) {
      for (let m = 2; m <= 6; m++) await ok(p.admin.post('/api/families/sessions', counselling(family.id, `${last}-0${m}-10`)), 201, );
      const sixth = p.admin.post('/api/families/sessions', counselling(family.id, `${last}-07-10`));
      if (i === 0) await ok(sixth, 201);
      else await refused(sixth, 422, 'B_PSY_1_YEAR_LIMIT');
    }
    await ok(p.admin.post('/api/families/sessions', counselling(left.family.id, `${last}-08-10`)), 201);
    const eighth = await refused(p.admin.post('/api/families/sessions', counselling(left.family.id, `${last}-09-10`)), 422, 'B_PSY_1_YEAR_LIMIT');
    expect(eighth.details.limits).toMatchObject({ limit: 7, used: 7, childLeft: true });
    // 5 + 2 (child left) + 1 approved extra = 8: the 8th now fits, the 9th does not.
    const extra = await ok(p.admin.post('/api/families/counselling-extras', { familyId: left.family.id, year: last, requestedSessions: 1, justification: 'Lein pärast lapse lahkumist' }), 201);
    await ok(p.ska.post(`/api/families/counselling-extras/${extra.id}/decision`, { version: extra.version, approved: true }));
    await ok(p.admin.post('/api/families/sessions', counselling(left.family.id, `${last}-09-10`)), 201);
    await refused(p.admin.post('/api/families/sessions', counselling(left.family.id, `${last}-10-10`)), 422, 'B_PSY_1_YEAR_LIMIT');
  });

  it('B-PSY-2: a family not yet assessed has 2 counselling sessions a year: the 3rd is refused', async () => {
    const family = await createFamily(p.admin, { kovOrganisationId: tartu, assessed: false });
    await ok(p.admin.post('/api/families/sessions', counselling(family.id, `${last}-03-01`)), 201);
    await ok(p.admin.post('/api/families/sessions', counselling(family.id, `${last}-04-01`)), 201);
    const error = await refused(p.admin.post('/api/families/sessions', counselling(family.id, `${last}-05-01`)), 422, 'B_PSY_2_NOT_ASSESSED_LIMIT');
    expect(error.details).toMatchObject({ rule: 'B-PSY-2', limits: { limit: 2, notAssessed: true } });
  });

  it('B-PSY-1: the yearly count resets on 01.01 (31.12 counts for the old year)', async () => {
    const { family } = await mentoringFamily();
    for (const day of ['08-01', '09-01', '10-01', '11-01', '12-31']) await ok(p.admin.post('/api/families/sessions', counselling(family.id, `${last - 1}-${day}`)), 201);
    await refused(p.admin.post('/api/families/sessions', counselling(family.id, `${last - 1}-12-31`)), 422, 'B_PSY_1_YEAR_LIMIT');
    await ok(p.admin.post('/api/families/sessions', counselling(family.id, `${last}-01-01`)), 201);
    expect((await ok(p.admin.get(`/api/families/${family.id}/service-limits?on=${last}-01-01`))).counselling).toMatchObject({ year: last, used: 1, remaining: 4 });
  });

  it('B-PSY-3: remote without agreement refused, agreed the day after refused, agreed the same day accepted', async () => {
    const { family } = await mentoringFamily();
    await refused(p.admin.post('/api/families/sessions', counselling(family.id, `${last}-03-03`, { mode: 'remote' })), 422, 'B_PSY_3_REMOTE_NOT_AGREED');
    await refused(p.admin.post('/api/families/sessions', counselling(family.id, `${last}-03-03`, { mode: 'remote', remoteAgreedOn: `${last}-03-04` })), 422, 'B_PSY_3_REMOTE_NOT_AGREED');
    const same = await ok(p.admin.post('/api/families/sessions', counselling(family.id, `${last}-03-03`, { mode: 'remote', remoteAgreedOn: `${last}-03-03` })), 201);
    expect(same).toMatchObject({ mode: 'remote', remoteAgreedOn: `${last}-03-03` });
    await refused(p.admin.patch(`/api/families/sessions/${same.id}`, { version: same.version, remoteAgreedOn: `${last}-03-05` }), 422, 'B_PSY_3_REMOTE_NOT_AGREED');
  });

  it('B-PSY-3: counselling by a psychologist, supervision by a supervisor; the specialist must be SKA-approved and of this provider', async () => {
    const { family } = await mentoringFamily();
    await refused(p.admin.post('/api/families/sessions', counselling(family.id, `${last}-03-03`, { specialistId: mentor.id })), 422, 'B_PSY_3_ROLE_MISMATCH');
    await refused(p.admin.post('/api/families/sessions', counselling(family.id, `${last}-03-03`, { service: 'supervision' })), 422, 'B_PSY_3_ROLE_MISMATCH');
    await refused(p.admin.post('/api/families/sessions', counselling(family.id, `${last - 3}-03-03`)), 422, 'SPECIALIST_NOT_APPROVED');
    await refused(p.admin.post('/api/families/sessions', counselling(family.id, addDays(today(), 1))), 400, 'DATE_IN_FUTURE');
    await refused(p.admin.post('/api/families/sessions', counselling(family.id, `${last}-03-03`, { episodeId: '00000000-0000-4000-8000-000000000000' })), 400, 'SESSION_EPISODE_NOT_ALLOWED');
  });
});

describe('access and bad input', () => {
  let familyId: string;
  let sessionId: string;
  let otherAdmin: TestClient;
  beforeAll(async () => {
    const { family } = await mentoringFamily();
    familyId = family.id;
    sessionId = (await ok(psychologist.client.post('/api/families/sessions', counselling(familyId, `${last}-02-02`)), 201)).id;
    otherAdmin = (await userOf(t, 'Tugiperede Liit MTÜ', 'provider_admin', 'liit.sessions@tugi.demo', 'Lea Liit')).client;
  });

  it('a psychologist records only as themselves and sees only their own sessions', async () => {
    await refused(psychologist.client.post('/api/families/sessions', counselling(familyId, `${last}-02-03`, { specialistId: supervisor.id, service: 'supervision' })), 403, 'SESSION_ONLY_AS_SELF');
    await ok(supervisor.client.post('/api/families/sessions', counselling(familyId, `${last}-02-04`, { specialistId: supervisor.id, service: 'supervision' })), 201);
    const own = (await ok(psychologist.client.get(`/api/families/sessions?familyId=${familyId}`))).items;
    expect(own.map((s: { id: string }) => s.id)).toEqual([sessionId]);
    expect((await ok(p.admin.get(`/api/families/sessions?familyId=${familyId}&month=${last}-02`))).items).toHaveLength(2);
    expect((await ok(p.admin.get(`/api/families/sessions?familyId=${familyId}&month=${last}-03`))).items).toHaveLength(0);
    const supervisorSession = (await ok(supervisor.client.get(`/api/families/sessions?familyId=${familyId}`))).items[0];
    expect((await psychologist.client.get(`/api/families/sessions/${supervisorSession.id}`)).statusCode).toBe(404);
    await refused(psychologist.client.patch(`/api/families/sessions/${supervisorSession.id}`, { version: 1, minutes: 10 }), 404, 'NOT_FOUND');
  });

  it('another provider gets 404 for the session, the family’s limits and the family itself; SKA reads all', async () => {
    expect((await otherAdmin.get(`/api/families/sessions/${sessionId}`)).statusCode).toBe(404);
    expect((await otherAdmin.get(`/api/families/${familyId}/service-limits`)).statusCode).toBe(404);
    await refused(otherAdmin.post('/api/families/sessions', counselling(familyId, `${last}-02-05`)), 404, 'NOT_FOUND');
    expect((await ok(otherAdmin.get('/api/families/sessions'))).items).toEqual([]);
    expect((await ok(p.ska.get(`/api/families/sessions/${sessionId}`))).family.id).toBe(familyId);
    expect((await ok((await t.loginAs('ska_manager')).get(`/api/families/${familyId}/service-limits`))).familyId).toBe(familyId);
    await refused(p.ska.post('/api/families/sessions', counselling(familyId, `${last}-02-05`)), 403, 'FORBIDDEN');
  });

  it('a KOV worker and a client are refused (403)', async () => {
    expect((await kov.get('/api/families/sessions')).statusCode).toBe(403);
    expect((await kov.get(`/api/families/${familyId}/service-limits`)).statusCode).toBe(403);
    const client = await t.loginAs('client');
    expect((await client.get('/api/families/sessions')).statusCode).toBe(403);
    expect((await client.get('/api/families/counselling-extras')).statusCode).toBe(403);
  });

  it('the provider’s limits per family list its families; SKA filters by provider', async () => {
    const mine = (await ok(p.admin.get('/api/families/service-limits?limit=100'))).items;
    expect(mine.map((f: { familyId: string }) => f.familyId)).toContain(familyId);
    expect(mine.find((f: { familyId: string }) => f.familyId === familyId)).toMatchObject({ counselling: { used: expect.any(Number) }, mentoring: { stage: 'with_child' } });
    expect((await ok(otherAdmin.get('/api/families/service-limits'))).items).toEqual([]);
    const ska = (await ok(p.ska.get(`/api/families/service-limits?providerId=${p.providerId}&limit=100`))).items;
    expect(ska.map((f: { familyId: string }) => f.familyId)).toContain(familyId);
  });

  it('bad input answers 400 with a message and saves nothing', async () => {
    const count = async () => (await t.database.db.selectFrom('service_sessions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
    const before = await count();
    for (const body of [
      { ...counselling(familyId, `${last}-02-30`) },
      { ...counselling(familyId, `${last}-02-10`), minutes: 0 },
      { ...counselling(familyId, `${last}-02-10`), mode: 'telepathy' },
      { ...counselling(familyId, `${last}-02-10`), service: 'group' },
      { ...counselling(familyId, `${last}-02-10`), extra: true },
    ]) {
      const error = await refused(p.admin.post('/api/families/sessions', body), 400, 'VALIDATION_FAILED');
      expect(error.message).toBeTruthy();
    }
    await refused(p.admin.get('/api/families/sessions?month=2025-13'), 400, 'VALIDATION_FAILED');
    await refused(p.admin.post('/api/families/sessions', counselling(familyId, `${last}-02-10`, { mode: 'in_person', remoteAgreedOn: `${last}-02-01` })), 400, 'SESSION_REMOTE_AGREEMENT_UNEXPECTED');
    expect(await count()).toBe(before);
  });
});

function addDays(date: string, n: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
