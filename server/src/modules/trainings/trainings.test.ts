import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDateEt } from '../../platform/calendar/working-days.js';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import type { TestClient } from '../../../test/client.js';
import { ok, orgId, refused } from '../../../test/responses.js';
import { actorOf, ctxOf, day, depsOf, kovWorkers, newGroup, newTraining, notificationsOf, today, trainerId } from './fixtures.js';
import { defaultCutoff } from './rules.js';
import { cancelRegistration, register } from './service.js';
import { notifyUnderfilledGroups } from './deadlines.js';

let t: TestApp;
let manager: TestClient;
let kov: TestClient;
let kovId: string;
let tartu: { id: string; name: string }[];

beforeAll(async () => {
  t = await createTestApp();
  manager = await t.loginAs('ska_manager');
  kov = await t.loginAs('kov_worker');
  kovId = (await actorOf(t, 'kov@tugi.demo')).userId;
  tartu = await kovWorkers(t, 'Tartu linn', 40, 'Tartu töötaja');
});
afterAll(() => t.close());

const registerColleague = (groupId: string, userId: string) => kov.post(`/api/trainings/groups/${groupId}/registrations`, { userId });

describe('C-1: the catalogue', () => {
  it('C-1: SKA adds a training as a draft (only SKA sees it) and publishes it into the KOV workers’ catalogue', async () => {
    const draft = await newTraining(t, manager, { status: 'draft', title: 'Mustand: lastega vestlemine' });
    expect(draft).toMatchObject({ reference: expect.stringMatching(/^KO-\d{4}-\d{2}$/), status: 'draft', academicHours: 8, days: 1, form: 'in_person', provider: { name: 'Koolituskeskus Kompass OÜ' }, topics: ['Perekond kui süsteem', 'Kiindumussuhte areng'] });
    await refused(kov.get(`/api/trainings/${draft.id}`), 404, 'NOT_FOUND');
    expect((await ok(kov.get('/api/trainings'))).items.some((i: { id: string }) => i.id === draft.id)).toBe(false);
    const { version, id, reference, provider, groupCount, myRegistration, eligibleOrganisations, ...fields } = draft;
    void reference; void groupCount; void myRegistration; void eligibleOrganisations;
    const published = await ok(manager.patch(`/api/trainings/${id}`, { ...fields, version, providerId: provider.id, status: 'published' }));
    expect(published).toMatchObject({ status: 'published', version: version + 1 });
    expect((await ok(kov.get(`/api/trainings/${id}`))).title).toBe('Mustand: lastega vestlemine');
    await refused(manager.patch(`/api/trainings/${id}`, { ...fields, version, providerId: provider.id }), 409, 'VERSION_CONFLICT');
  });

  it('C-1: bad input is a 4xx with the rule’s message in the user’s language, never a 500', async () => {
    const end = await refused(manager.post('/api/trainings', { title: 'X', curriculum: 'Y', topics: ['Z'], targetGroup: 'KOV', academicHours: 8, days: 1, form: 'in_person', providerId: await orgId(t, 'Koolituskeskus Kompass OÜ'), windowStart: '2026-05-15', windowEnd: '2026-05-14' }), 400, 'C_1_WINDOW_INVALID');
    expect(end.message).toBe('Koolituse toimumisaja lõpp ei saa olla enne selle algust.');
    manager.locale = 'en';
    const provider = await refused(manager.post('/api/trainings', { title: 'X', curriculum: 'Y', topics: ['Z'], targetGroup: 'KOV', academicHours: 8, days: 1, form: 'in_person', providerId: await orgId(t, 'Tartu linn'), windowStart: '2026-05-15', windowEnd: '2026-06-14' }), 400, 'C_1_PROVIDER_INVALID');
    expect(provider.message).toBe('The provider must be an active training organisation.');
    manager.locale = 'ru';
    const zod = await refused(manager.post('/api/trainings', { title: '', topics: [], academicHours: 0, days: 1, form: 'sometimes' }), 400, 'VALIDATION_FAILED');
    expect(zod.message).toBe('Данные некорректны. Пожалуйста, проверьте поля.');
    expect(zod.details.fields.map((f: { path: string }) => f.path)).toEqual(expect.arrayContaining(['title', 'topics', 'academicHours', 'form']));
    manager.locale = undefined;
    await refused(manager.post('/api/trainings', { title: 'X', curriculum: 'Y', topics: ['Z'], targetGroup: 'KOV', academicHours: 8, days: 1, form: 'in_person', providerId: await orgId(t, 'Koolituskeskus Kompass OÜ'), windowStart: '2026-02-30', windowEnd: '2026-06-14' }), 400, 'VALIDATION_FAILED');
  });
});

describe('C-2: groups', () => {
  it('C-2: a group’s days must be inside the window, one per training day, in a city; min ≤ max; the trainer one of the provider’s', async () => {
    const training = await newTraining(t, manager, { days: 2, academicHours: 16 });
    const two = [{ day: day(30), startsAt: '10:00', endsAt: '16:00' }, { day: day(31), startsAt: '10:00', endsAt: '16:00' }];
    const outside = await refused(newGroupRaw(training.id, { sessions: [{ day: day(30), startsAt: '10:00', endsAt: '16:00' }, { day: day(201), startsAt: '10:00', endsAt: '16:00' }] }), 422, 'C_2_DATE_OUTSIDE_WINDOW');
    expect(outside.message).toBe(`Grupi koolituspäevad peavad jääma koolituse toimumisaja sisse (${formatDateEt(day(-10))}–${formatDateEt(day(200))}).`);
    expect(outside.details.fields).toEqual([{ path: 'sessions.1.day', message: 'outside the window' }]);
    await refused(newGroupRaw(training.id, { sessions: two.slice(0, 1) }), 422, 'C_2_SESSION_COUNT');
    await refused(newGroupRaw(training.id, { sessions: two, city: null }), 422, 'C_2_CITY_REQUIRED');
    await refused(newGroupRaw(training.id, { sessions: two, capacityMin: 26, capacityMax: 25 }), 422, 'C_2_CAPACITY_INVALID');
    await refused(newGroupRaw(training.id, { sessions: two, registrationClosesOn: day(30) }), 422, 'C_2_CUTOFF_AFTER_START');
    await refused(newGroupRaw(training.id, { sessions: two, trainerId: await trainerId(t, 'krista.luik@tugi.demo') }), 400, 'C_2_TRAINER_INVALID');
    const created = await ok(newGroupRaw(training.id, { sessions: two }), 201);
    expect(created).toMatchObject({ number: 1, startsOn: day(30), endsOn: day(31), registrationClosesOn: defaultCutoff(day(30)), registrationState: 'open', freePlaces: 25, confirmed: 0, trainer: { name: 'Helen Org' } });
    expect(created.sessions).toHaveLength(2);
  });

  it('C-2: the maximum cannot drop below the confirmed places; more places move the waitlist up (C-3)', async () => {
    const training = await newTraining(t, manager);
    const g = await newGroup(t, manager, training.id, { capacityMin: 2, capacityMax: 2 });
    for (const w of tartu.slice(0, 3)) await ok(registerColleague(g.id, w.id), 201);
    const full = await ok(manager.get(`/api/trainings/groups/${g.id}`));
    expect(full).toMatchObject({ confirmed: 2, waitlisted: 1 });
    const body = { city: 'Tartu', venue: 'Uus saal', sessions: full.sessions.map((s: { day: string; startsAt: string; endsAt: string }) => ({ day: s.day, startsAt: s.startsAt, endsAt: s.endsAt })), capacityMin: 1, trainerId: full.trainer.id, registrationClosesOn: full.registrationClosesOn };
    await refused(manager.patch(`/api/trainings/groups/${g.id}`, { ...body, capacityMax: 1, version: full.version }), 409, 'C_2_CAPACITY_BELOW_CONFIRMED');
    const bigger = await ok(manager.patch(`/api/trainings/groups/${g.id}`, { ...body, capacityMax: 3, version: full.version }));
    expect(bigger).toMatchObject({ confirmed: 3, waitlisted: 0, venue: 'Uus saal' });
    const third = bigger.registrations.find((r: { participant: { id: string } }) => r.participant.id === tartu[2]!.id);
    expect(third.status).toBe('confirmed');
    expect((await notificationsOf(t, tartu[2]!.id)).map((n) => n.title_key)).toEqual(expect.arrayContaining(['trainings.notifications.promoted', 'trainings.notifications.groupChanged']));
  });
});

function newGroupRaw(trainingId: string, overrides: Record<string, unknown>) {
  return trainerId(t).then((trainer) =>
    manager.post(`/api/trainings/${trainingId}/groups`, { city: 'Tartu', venue: 'SKA koolitusruum', sessions: [{ day: day(30), startsAt: '10:00', endsAt: '16:00' }], capacityMin: 15, capacityMax: 25, trainerId: trainer, ...overrides }),
  );
}

describe('C-3: registration and the waitlist', () => {
  let training: { id: string };
  let group: { id: string };

  beforeAll(async () => {
    training = await newTraining(t, manager, { title: 'Lapse ja pere abivajaduse hindamine (test)' });
    group = await newGroup(t, manager, training.id);
  });

  it('C-3: in a 15–25 group the 25th registration takes the last place and the 26th goes to the waitlist; the colleague registered is told', async () => {
    for (const w of tartu.slice(0, 24)) expect((await ok(registerColleague(group.id, w.id), 201)).status).toBe('confirmed');
    const twentyFifth = await ok(registerColleague(group.id, tartu[24]!.id), 201);
    expect(twentyFifth).toMatchObject({ status: 'confirmed', waitlistPosition: null, registeredBy: 'Liis Lepik', participant: { id: tartu[24]!.id } });
    expect((await ok(kov.get(`/api/trainings/groups/${group.id}`))).freePlaces).toBe(0);
    const twentySixth = await ok(registerColleague(group.id, tartu[25]!.id), 201);
    expect(twentySixth).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    const twentySeventh = await ok(kov.post(`/api/trainings/groups/${group.id}/registrations`, {}), 201);
    expect(twentySeventh).toMatchObject({ status: 'waitlisted', waitlistPosition: 2, own: true, participant: { id: kovId } });
    const g = await ok(manager.get(`/api/trainings/groups/${group.id}`));
    expect(g).toMatchObject({ confirmed: 25, waitlisted: 2, freePlaces: 0, capacityMax: 25 });
    const told = await notificationsOf(t, tartu[25]!.id);
    expect(told).toEqual([expect.objectContaining({ title_key: 'trainings.notifications.waitlisted', link: '/trainings/registrations' })]);
    const mail = await t.database.db.selectFrom('mail_outbox').select(['subject']).where('to_address', '=', 'tartu.tootaja.26@test.tugi').execute();
    expect(mail).toEqual([{ subject: 'Sind lisati koolituse „Lapse ja pere abivajaduse hindamine (test)“ ootejärjekorda' }]);
  });

  it('C-3: one place per person per training — not a second group of the same training, not twice in one', async () => {
    const other = await newGroup(t, manager, training.id, { city: 'Tallinn' });
    const twice = await refused(registerColleague(other.id, tartu[0]!.id), 409, 'C_3_ALREADY_REGISTERED');
    expect(twice.message).toContain('1. grupp');
    await refused(registerColleague(group.id, tartu[25]!.id), 409, 'C_3_ALREADY_REGISTERED');
  });

  it('C-3: cancelling a confirmed place moves the first of the waitlist up at once, who is told in the app and by e-mail; the rest move along', async () => {
    const list = await ok(manager.get(`/api/trainings/groups/${group.id}`));
    const leaving = list.registrations.find((r: { participant: { id: string } }) => r.participant.id === tartu[3]!.id);
    const cancelled = await ok(kov.post(`/api/trainings/registrations/${leaving.id}/cancel`, { version: leaving.version, reason: 'Haigus' }));
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'Haigus', promoted: 1 });
    const after = await ok(manager.get(`/api/trainings/groups/${group.id}`));
    expect(after).toMatchObject({ confirmed: 25, waitlisted: 1 });
    const promoted = after.registrations.find((r: { participant: { id: string } }) => r.participant.id === tartu[25]!.id);
    const still = after.registrations.find((r: { participant: { id: string } }) => r.participant.id === kovId);
    expect(promoted).toMatchObject({ status: 'confirmed', waitlistPosition: null });
    expect(still).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect((await notificationsOf(t, tartu[25]!.id)).map((n) => n.title_key)).toEqual(['trainings.notifications.waitlisted', 'trainings.notifications.promoted']);
    // The registrant (the demo KOV worker) is told too.
    expect((await notificationsOf(t, kovId)).some((n) => n.title_key === 'trainings.notifications.promoted' && (n.params as Record<string, string>).participant === tartu[25]!.name)).toBe(true);
    const mails = await t.database.db.selectFrom('mail_outbox').select(['subject', 'body_text']).where('to_address', '=', 'tartu.tootaja.26@test.tugi').orderBy('created_at').execute();
    expect(mails[1]).toMatchObject({ subject: 'Vabanes koht koolitusel „Lapse ja pere abivajaduse hindamine (test)“' });
    expect(mails[1]!.body_text).toContain(formatDateEt(day(30)));
    // A second cancellation is refused; cancelling a waitlist place moves nobody.
    await refused(kov.post(`/api/trainings/registrations/${leaving.id}/cancel`, { version: cancelled.version }), 409, 'C_3_REGISTRATION_NOT_ACTIVE');
    const mine = await ok(kov.post(`/api/trainings/registrations/${still.id}/cancel`, { version: still.version }));
    expect(mine).toMatchObject({ status: 'cancelled', promoted: 0 });
  });

  it('C-3 cut-off: registering on the cut-off day itself is accepted, the day after it is refused with the date', async () => {
    const g = await newGroup(t, manager, training.id, { city: 'Pärnu', registrationClosesOn: day(5) });
    const ctx = ctxOf(await actorOf(t, 'kov@tugi.demo'));
    await register(depsOf(t), ctx, g.id, { userId: tartu[30]!.id }, day(5));
    await expect(register(depsOf(t), ctx, g.id, { userId: tartu[31]!.id }, day(6))).rejects.toMatchObject({ statusCode: 409, code: 'C_3_REGISTRATION_CLOSED', params: { cutoff: formatDateEt(day(5)) } });
    // Through the API on the real day: a group closing today takes registrations, one that closed yesterday does not.
    const closesToday = await newGroup(t, manager, training.id, { city: 'Viljandi', registrationClosesOn: today() });
    await ok(registerColleague(closesToday.id, tartu[32]!.id), 201);
    const closedYesterday = await newGroup(t, manager, training.id, { city: 'Võru', registrationClosesOn: day(-1) });
    const closed = await refused(registerColleague(closedYesterday.id, tartu[33]!.id), 409, 'C_3_REGISTRATION_CLOSED');
    expect(closed.message).toBe(`Registreerimine sellesse gruppi lõppes ${formatDateEt(day(-1))}.`);
  });

  it('C-3 eligibility: organisation and role decide; a KOV worker registers only themselves or colleagues of their municipality', async () => {
    const rv = (await t.database.db.selectFrom('rv_municipalities').select('organisation_id').execute()).map((r) => r.organisation_id);
    const restricted = await newTraining(t, manager, { title: 'Ringist välja (test)', eligibleOrganisationIds: rv });
    expect(restricted.eligibleOrganisations.map((o: { name: string }) => o.name)).toContain('Narva linn');
    const g = await newGroup(t, manager, restricted.id);
    const tartuRefused = await refused(kov.post(`/api/trainings/groups/${g.id}/registrations`, {}), 422, 'C_3_NOT_ELIGIBLE_ORGANISATION');
    expect(tartuRefused.message).toContain('Tartu linn');
    const [narva] = await kovWorkers(t, 'Narva linn', 1, 'Narva töötaja');
    await refused(registerColleague(g.id, narva!.id), 404, 'C_3_PARTICIPANT_NOT_FOUND');
    const skaUser = (await actorOf(t, 'spetsialist@tugi.demo')).userId;
    await refused(registerColleague(group.id, skaUser), 404, 'C_3_PARTICIPANT_NOT_FOUND');
    const [inactive] = await kovWorkers(t, 'Tartu linn', 1, 'Lahkunud töötaja');
    await t.database.db.updateTable('users').set({ active: false }).where('id', '=', inactive!.id).execute();
    const open = await newGroup(t, manager, training.id, { city: 'Rakvere' });
    await refused(registerColleague(open.id, inactive!.id), 422, 'C_3_PARTICIPANT_INACTIVE');
    // Only KOV workers register: SKA and trainers may not (403, the route's guard).
    await refused(manager.post(`/api/trainings/groups/${open.id}/registrations`, {}), 403, 'FORBIDDEN');
    await refused((await t.loginAs('trainer')).post(`/api/trainings/groups/${open.id}/registrations`, {}), 403, 'FORBIDDEN');
  });

  it('C-3: a place cannot be cancelled once the group has started', async () => {
    const g = await newGroup(t, manager, training.id, { city: 'Haapsalu' });
    const r = await ok(registerColleague(g.id, tartu[34]!.id), 201);
    const ctx = ctxOf(await actorOf(t, 'kov@tugi.demo'));
    await expect(cancelRegistration(depsOf(t), ctx, r.id, { version: r.version }, day(30))).rejects.toMatchObject({ statusCode: 409, code: 'C_3_GROUP_STARTED' });
    await expect(cancelRegistration(depsOf(t), ctx, r.id, { version: r.version }, day(29))).resolves.toEqual({ promoted: [] });
  });
});

describe('C-4: an under-filled group at its cut-off', () => {
  it('C-4: the SKA manager is warned the day after the cut-off (home and job, once), then merges the group: everyone moves and is told', async () => {
    const training = await newTraining(t, manager, { title: 'Lahenduskeskne lähenemine (test)' });
    const ctx = ctxOf(await actorOf(t, 'kov@tugi.demo'));
    const workers = await kovWorkers(t, 'Tartu linn', 30, 'Liidetav');
    // Target: 22 of 24 confirmed. Source: 4 confirmed (of 5–10), its cut-off yesterday — under its minimum.
    const target = await newGroup(t, manager, training.id, { capacityMax: 24 });
    for (const w of workers.slice(0, 22)) await register(depsOf(t), ctx, target.id, { userId: w.id }, day(-2));
    const source = await newGroup(t, manager, training.id, { city: 'Pärnu', capacityMin: 5, capacityMax: 10, registrationClosesOn: day(-1), sessions: [{ day: day(20), startsAt: '10:00', endsAt: '16:00' }] });
    for (const w of workers.slice(22, 26)) await register(depsOf(t), ctx, source.id, { userId: w.id }, day(-3));
    const before = await ok(manager.get(`/api/trainings/groups/${source.id}`));
    expect(before).toMatchObject({ confirmed: 4, registrationState: 'closed', underfilled: true });

    const home = await ok(manager.get('/api/home'));
    expect(home.items).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'trainings.underfilled', severity: 'warning', link: '/trainings/groups?underfilled=true' })]));
    expect((await ok(manager.get('/api/trainings/groups?underfilled=true'))).items.map((g: { id: string }) => g.id)).toContain(source.id);
    expect(await notifyUnderfilledGroups(t.database.db)).toBeGreaterThanOrEqual(1);
    expect(await notifyUnderfilledGroups(t.database.db)).toBe(0);
    expect((await notificationsOf(t, (await actorOf(t, 'juht@tugi.demo')).userId)).filter((n) => n.link === `/trainings/groups/${source.id}`)).toHaveLength(1);

    // Merge: the target has room for 2 of the 4 (first registered first); the other 2 join its waitlist in order.
    await refused(manager.post(`/api/trainings/groups/${source.id}/merge`, { version: before.version, intoGroupId: source.id }), 422, 'C_4_MERGE_SAME_GROUP');
    const elsewhere = await newGroup(t, manager, (await newTraining(t, manager)).id);
    await refused(manager.post(`/api/trainings/groups/${source.id}/merge`, { version: before.version, intoGroupId: elsewhere.id }), 422, 'C_4_MERGE_OTHER_TRAINING');
    await refused((await t.loginAs('ska_specialist')).post(`/api/trainings/groups/${source.id}/merge`, { version: before.version, intoGroupId: target.id }), 403, 'FORBIDDEN');
    const merged = await ok(manager.post(`/api/trainings/groups/${source.id}/merge`, { version: before.version, intoGroupId: target.id }));
    expect(merged).toMatchObject({ moved: 2, waitlisted: 2, promoted: 0 });
    expect(merged.group).toMatchObject({ id: target.id, confirmed: 24, waitlisted: 2 });
    const place = (w: { id: string }) => merged.group.registrations.find((r: { participant: { id: string } }) => r.participant.id === w.id);
    expect([22, 23, 24, 25].map((i) => [place(workers[i]!).status, place(workers[i]!).waitlistPosition])).toEqual([['confirmed', null], ['confirmed', null], ['waitlisted', 1], ['waitlisted', 2]]);
    expect((await notificationsOf(t, workers[22]!.id)).map((n) => n.title_key)).toEqual(['trainings.notifications.registered', 'trainings.notifications.moved']);
    expect((await notificationsOf(t, workers[25]!.id)).map((n) => n.title_key)).toEqual(['trainings.notifications.registered', 'trainings.notifications.movedWaitlist']);
    const mail = await t.database.db.selectFrom('mail_outbox').select(['body_text']).where('to_address', '=', 'liidetav.26@test.tugi').where('subject', 'like', '%liideti%').executeTakeFirstOrThrow();
    expect(mail.body_text).toContain('ootejärjekorras');
    const gone = await ok(manager.get(`/api/trainings/groups/${source.id}`));
    expect(gone).toMatchObject({ status: 'merged', mergedInto: { id: target.id, number: 1 }, registrationState: 'merged', underfilled: false, confirmed: 0 });
    const helen = await trainerId(t);
    expect((await notificationsOf(t, helen)).some((n) => n.title_key === 'trainings.notifications.trainerMerged')).toBe(true);
    await refused(manager.post(`/api/trainings/groups/${source.id}/merge`, { version: gone.version, intoGroupId: target.id }), 409, 'C_4_GROUP_CLOSED');
  });

  it('C-4 merge with room: the source’s participants keep their place in the target', async () => {
    const training = await newTraining(t, manager);
    const ctx = ctxOf(await actorOf(t, 'kov@tugi.demo'));
    const workers = await kovWorkers(t, 'Tartu linn', 5, 'Mahub');
    const target = await newGroup(t, manager, training.id);
    const source = await newGroup(t, manager, training.id, { city: 'Tallinn', registrationClosesOn: day(-1) });
    for (const w of workers) await register(depsOf(t), ctx, source.id, { userId: w.id }, day(-2));
    const merged = await ok(manager.post(`/api/trainings/groups/${source.id}/merge`, { version: 1, intoGroupId: target.id }));
    expect(merged).toMatchObject({ moved: 5, waitlisted: 0, group: { confirmed: 5, waitlisted: 0 } });
    expect((await notificationsOf(t, workers[0]!.id)).map((n) => n.title_key)).toEqual(['trainings.notifications.registered', 'trainings.notifications.moved']);
  });

  it('C-4: cancelling a group needs a reason; every registration is released and told', async () => {
    const training = await newTraining(t, manager);
    const g = await newGroup(t, manager, training.id, { city: 'Jõhvi' });
    const [a, b] = await kovWorkers(t, 'Tartu linn', 2, 'Tühistatav');
    await ok(registerColleague(g.id, a!.id), 201);
    await ok(registerColleague(g.id, b!.id), 201);
    await refused(manager.post(`/api/trainings/groups/${g.id}/cancel`, { version: 1, reason: '   ' }), 400, 'VALIDATION_FAILED');
    const cancelled = await ok(manager.post(`/api/trainings/groups/${g.id}/cancel`, { version: 1, reason: 'Liiga vähe osalejaid' }));
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'Liiga vähe osalejaid', confirmed: 0, registrationState: 'cancelled' });
    expect(cancelled.registrations.map((r: { status: string }) => r.status)).toEqual(['released', 'released']);
    expect((await notificationsOf(t, a!.id)).map((n) => n.title_key)).toEqual(['trainings.notifications.registered', 'trainings.notifications.groupCancelled']);
    await refused(registerColleague(g.id, a!.id), 409, 'C_3_GROUP_NOT_OPEN');
    await refused(manager.post(`/api/trainings/groups/${g.id}/cancel`, { version: cancelled.version, reason: 'Uuesti' }), 409, 'C_4_GROUP_CLOSED');
  });
});

describe('C-5: attendance, certificates, feedback', () => {
  let g: { id: string; sessions: { id: string; day: string }[] };
  let regs: { id: string; participant: { id: string } }[];
  let trainer: TestClient;

  beforeAll(async () => {
    // A two-day group that met yesterday and the day before; four registered earlier (the demo KOV worker among them).
    const training = await newTraining(t, manager, { title: 'Traumateadlik lähenemine (test)', days: 2, academicHours: 16 });
    g = await newGroup(t, manager, training.id, { sessions: [{ day: day(-2), startsAt: '10:00', endsAt: '16:00' }, { day: day(-1), startsAt: '10:00', endsAt: '16:00' }], registrationClosesOn: day(-20) });
    const ctx = ctxOf(await actorOf(t, 'kov@tugi.demo'));
    const [x, y, z] = await kovWorkers(t, 'Tartu linn', 3, 'Osaleja');
    for (const id of [kovId, x!.id, y!.id, z!.id]) await register(depsOf(t), ctx, g.id, { userId: id }, day(-25));
    trainer = await t.loginAs('trainer');
    regs = (await ok(trainer.get(`/api/trainings/groups/${g.id}`))).registrations;
  });

  it('C-5: the trainer marks attendance per day; a day not yet come and a non-participant are refused; marks may be corrected', async () => {
    const future = await newGroup(t, manager, (await newTraining(t, manager)).id);
    const ahead = await refused(trainer.put(`/api/trainings/groups/${future.id}/attendance`, { sessionId: future.sessions[0].id, marks: [] }), 422, 'C_5_SESSION_IN_FUTURE');
    expect(ahead.message).toContain(formatDateEt(day(30)));
    await refused(trainer.put(`/api/trainings/groups/${g.id}/attendance`, { sessionId: future.sessions[0].id, marks: [] }), 400, 'C_5_SESSION_UNKNOWN');
    const cancelled = await ok(manager.get(`/api/trainings/registrations?status=cancelled&limit=1`));
    await refused(trainer.put(`/api/trainings/groups/${g.id}/attendance`, { sessionId: g.sessions[0]!.id, marks: [{ registrationId: cancelled.items[0].id, status: 'present' }] }), 422, 'C_5_NOT_PARTICIPANT');
    const [first, second] = g.sessions;
    const all = (status: string, except?: [string, string]) => regs.map((r) => ({ registrationId: r.id, status: except && r.participant.id === except[0] ? except[1] : status }));
    await ok(trainer.put(`/api/trainings/groups/${g.id}/attendance`, { sessionId: first!.id, marks: all('present') }));
    const marked = await ok(trainer.put(`/api/trainings/groups/${g.id}/attendance`, { sessionId: second!.id, marks: all('present', [regs[2]!.participant.id, 'partial']) }));
    expect(marked.canTakeAttendance).toBe(true);
    const byUser = Object.fromEntries(marked.registrations.map((r: { participant: { id: string }; fullAttendance: boolean; attendance: Record<string, string> }) => [r.participant.id, r]));
    expect(byUser[kovId]).toMatchObject({ fullAttendance: true, certificateAvailable: true, attendance: { [first!.id]: 'present', [second!.id]: 'present' } });
    expect(byUser[regs[2]!.participant.id]).toMatchObject({ fullAttendance: false, certificateAvailable: false });
    // A correction is audited with the old and new mark.
    await ok(trainer.put(`/api/trainings/groups/${g.id}/attendance`, { sessionId: second!.id, marks: [{ registrationId: regs[3]!.id, status: 'absent' }] }));
    const audit = await t.database.db.selectFrom('audit_log').select(['changes']).where('record_id', '=', regs[3]!.id).where('action', '=', 'update').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(audit.changes).toEqual([{ field: `attendance ${second!.day}`, old: 'present', new: 'absent' }]);
  });

  it('C-5: a certificate (PDF) for full attendance only; its download is audited as an export', async () => {
    const mine = regs.find((r) => r.participant.id === kovId)!;
    const pdf = await kov.get(`/api/trainings/registrations/${mine.id}/certificate`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toMatch(/^attachment; filename="certificate-KO-\d{4}-\d{2}-1-\d{4}\.pdf"$/);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const exported = await t.database.db.selectFrom('audit_log').select(['action', 'changes']).where('record_id', '=', mine.id).where('action', '=', 'export').execute();
    expect(exported).toEqual([{ action: 'export', changes: [{ field: 'document', old: null, new: 'certificate' }] }]);
    const partial = regs[2]!;
    const refusedCert = await refused(kov.get(`/api/trainings/registrations/${partial.id}/certificate`), 409, 'C_5_NOT_FULL_ATTENDANCE');
    expect(refusedCert.message).toContain('täies mahus');
  });

  it('C-5: the participant answers the questionnaire once, from the last day; its summary has no names', async () => {
    const mine = regs.find((r) => r.participant.id === kovId)!;
    const answers = { overall: 5, content: 4, trainer: 5, usefulness: 4, organisation: 3, recommend: true, mostUseful: 'Juhtumianalüüsid', improve: null };
    const listed = (await ok(kov.get('/api/trainings/registrations?mine=true'))).items.find((r: { id: string }) => r.id === mine.id);
    expect(listed).toMatchObject({ feedbackOpen: true, feedbackGiven: false, own: true });
    await refused(kov.post(`/api/trainings/registrations/${regs[1]!.id}/feedback`, answers), 404, 'NOT_FOUND');
    await refused(kov.post(`/api/trainings/registrations/${mine.id}/feedback`, { ...answers, overall: 6 }), 400, 'VALIDATION_FAILED');
    await ok(kov.post(`/api/trainings/registrations/${mine.id}/feedback`, answers), 201);
    await refused(kov.post(`/api/trainings/registrations/${mine.id}/feedback`, answers), 409, 'C_5_FEEDBACK_GIVEN');
    const summary = await ok(trainer.get(`/api/trainings/groups/${g.id}/feedback`));
    expect(summary).toMatchObject({ responses: 1, participants: 4, recommendPercent: 100, mostUseful: ['Juhtumianalüüsid'], improve: [] });
    expect(summary.questions.find((q: { question: string }) => q.question === 'organisation')).toEqual({ question: 'organisation', average: 3, counts: [0, 0, 1, 0, 0] });
    expect(JSON.stringify(summary)).not.toContain('Liis');
    // The audit entry names the fields, not the answers.
    const entry = await t.database.db.selectFrom('audit_log').select(['changes']).where('record_type', '=', 'training_feedback').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(JSON.stringify(entry.changes)).not.toContain('Juhtumianalüüsid');
  });

  it('C-5: the questionnaire does not open before the last day', async () => {
    const training = await newTraining(t, manager, { days: 2, academicHours: 16 });
    const running = await newGroup(t, manager, training.id, { sessions: [{ day: day(-1), startsAt: '10:00', endsAt: '16:00' }, { day: day(1), startsAt: '10:00', endsAt: '16:00' }], registrationClosesOn: day(-10) });
    const id = await register(depsOf(t), ctxOf(await actorOf(t, 'kov@tugi.demo')), running.id, {}, day(-12));
    await ok(trainer.put(`/api/trainings/groups/${running.id}/attendance`, { sessionId: running.sessions[0].id, marks: [{ registrationId: id, status: 'present' }] }));
    const early = await refused(kov.post(`/api/trainings/registrations/${id}/feedback`, { overall: 5, content: 5, trainer: 5, usefulness: 5, organisation: 5, recommend: true }), 409, 'C_5_FEEDBACK_NOT_OPEN');
    expect(early.message).toContain(formatDateEt(day(1)));
  });
});

describe('X-EXPORT and the numbers per KOV', () => {
  it('exports the filtered participants as CSV and XLSX, by KOV, with formulas neutralised; each row is audited as exported', async () => {
    const training = await newTraining(t, manager, { title: 'Eksport (test)' });
    const g = await newGroup(t, manager, training.id);
    const [evil] = await kovWorkers(t, 'Tartu linn', 1, 'Valem');
    await t.database.db.updateTable('users').set({ name: '=HYPERLINK("http://evil")' }).where('id', '=', evil!.id).execute();
    await ok(registerColleague(g.id, evil!.id), 201);
    await ok(registerColleague(g.id, tartu[39]!.id), 201);
    const csv = await manager.get(`/api/trainings/registrations/export?format=csv&trainingId=${training.id}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.trim().split(/\r?\n/);
    expect(lines[0]).toContain('KOV');
    expect(lines).toHaveLength(3);
    expect(csv.body).toContain("'=HYPERLINK");
    const xlsx = await manager.get(`/api/trainings/registrations/export?format=xlsx&trainingId=${training.id}`);
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const audited = await t.database.db.selectFrom('audit_log').select(['record_id']).where('action', '=', 'export').where('record_type', '=', 'training_registration').where('actor_name', '=', 'Tiina Tamm').execute();
    expect(audited.length).toBe(4);
  });

  it('how many of a municipality’s workers are trained: SKA sees every KOV, a KOV worker only their own', async () => {
    const all = await ok(manager.get('/api/trainings/kov-summary?year=2024'));
    const tartuRow = all.items.find((i: { organisation: { name: string } }) => i.organisation.name === 'Tartu linn');
    expect(tartuRow.peopleTrained).toBeGreaterThan(0);
    expect(tartuRow.workers).toBeGreaterThan(40);
    expect(all.items.length).toBeGreaterThan(5);
    const own = await ok(kov.get('/api/trainings/kov-summary?year=2024'));
    expect(own.items.map((i: { organisation: { name: string } }) => i.organisation.name)).toEqual(['Tartu linn']);
    const csv = await kov.get('/api/trainings/kov-summary/export?format=csv&year=2024');
    expect(csv.body.split(/\r?\n/)[1]).toMatch(/^Tartu linn,Tartu,\d+,/);
  });
});

describe('X-AUDIT: reads', () => {
  it('a group page is logged as a read of the group and one list entry holding every registration shown', async () => {
    const training = await newTraining(t, manager);
    const g = await newGroup(t, manager, training.id);
    const [a, b] = await kovWorkers(t, 'Tartu linn', 2, 'Loetud');
    const ra = await ok(registerColleague(g.id, a!.id), 201);
    const rb = await ok(registerColleague(g.id, b!.id), 201);
    await ok(manager.get(`/api/trainings/groups/${g.id}`));
    const read = await t.database.db.selectFrom('audit_log').select(['action', 'record_type']).where('record_id', '=', g.id).where('actor_name', '=', 'Tiina Tamm').where('action', '=', 'read').execute();
    expect(read).toEqual([{ action: 'read', record_type: 'training_group' }]);
    const list = await t.database.db.selectFrom('audit_log').select(['record_ids']).where('record_type', '=', 'training_registration').where('action', '=', 'list').where('actor_name', '=', 'Tiina Tamm').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect([...(list.record_ids ?? [])].sort()).toEqual([ra.id, rb.id].sort());
  });
});

