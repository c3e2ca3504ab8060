import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import type { TestClient } from '../../../test/client.js';
import { ok, refused } from '../../../test/responses.js';
import { clientLogin, newProceeding, personalCode, userId } from './fixtures.js';

/** A 204 answer (no body). */
async function noContent(response: Promise<{ statusCode: number; body: string }>) {
  const r = await response;
  expect(r.statusCode, r.body.slice(0, 300)).toBe(204);
}

let t: TestApp;
let kati: TestClient;
let mart: TestClient;
let olga: TestClient;
let ska: TestClient;
let katiProceeding: any;
let other: any; // a proceeding Kati has nothing to do with

beforeAll(async () => {
  t = await createTestApp();
  [kati, mart, olga, ska] = await Promise.all([t.loginAs('client'), t.login('mart.karu@tugi.demo'), t.loginAs('mediator'), t.loginAs('ska_contact')]);
  const list = await ok(kati.get('/api/mediation/proceedings'));
  katiProceeding = await ok(kati.get(`/api/mediation/proceedings/${list.items[0].id}`));
  other = await newProceeding(t, ska, { kov: 'Narva linn', language: 'ru' });
});
afterAll(() => t.close());

describe('E-PROFILE: the client profile, and a client sees only their own proceedings', () => {
  it('E-PROFILE: Kati sees her proceedings with general, proceedings, residence and contact data; of Mart only the name', async () => {
    const list = await ok(kati.get('/api/mediation/proceedings'));
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ status: 'in_mediation', parents: ['Kati Karu', 'Mart Karu'], children: ['Mia Karu', 'Rasmus Karu'] });
    const p = katiProceeding;
    expect(p).toMatchObject({ referredBy: 'court', referrerName: 'Tartu Maakohus', language: 'et', mediator: { name: 'Olga Ivanova' }, notes: null });
    const [me, him] = p.parents;
    expect(me).toMatchObject({ firstName: 'Kati', isMe: true, personalCode: expect.stringMatching(/^4850612025/) });
    expect(me.contact).toMatchObject({ kovName: 'Tartu linn', county: 'Tartu', email: 'kati.karu@example.ee' });
    expect(him).toMatchObject({ firstName: 'Mart', isMe: false, personalCode: null, contact: null, preferredMediatorId: null });
    expect(p.children.map((c: any) => c.firstName)).toEqual(['Mia', 'Rasmus']);
    expect(p.bookings.map((b: any) => b.status).sort()).toEqual(['booked', 'held']);
  });

  it('E-PROFILE: a client probing another client’s proceeding gets 404 everywhere; roles without mediation get 403', async () => {
    for (const path of [`/api/mediation/proceedings/${other.id}`, `/api/mediation/proceedings/${other.id}/slots`, `/api/mediation/proceedings/${other.id}/threads`]) {
      await refused(kati.get(path), 404, 'NOT_FOUND');
    }
    await refused(kati.post(`/api/mediation/proceedings/${other.id}/consent`, {}), 404, 'NOT_FOUND');
    await refused(kati.post(`/api/mediation/proceedings/${other.id}/bookings`, { startsAt: '2030-01-07T08:00:00Z' }), 404, 'NOT_FOUND');
    await refused(kati.patch(`/api/mediation/proceedings/${other.id}/parties/${other.parents[0].partyId}`, { version: 1, phone: '1' }), 404, 'NOT_FOUND');
    await refused(kati.post(`/api/mediation/proceedings/${other.id}/threads`, { subject: 'x', body: 'y' }), 404, 'NOT_FOUND');
    // Kati may not act for Mart either.
    await refused(kati.patch(`/api/mediation/proceedings/${katiProceeding.id}/parties/${katiProceeding.parents[1].partyId}`, { version: 1, phone: '1' }), 404, 'NOT_FOUND');
    const kov = await t.loginAs('kov_worker');
    await refused(kov.get('/api/mediation/proceedings'), 403, 'FORBIDDEN');
    await refused(kov.get(`/api/mediation/proceedings/${katiProceeding.id}`), 403, 'FORBIDDEN');
  });

  it('E-PROVIDER: the mediator sees the persons referred to them and the state of each; SKA sees all', async () => {
    const mine = await ok(olga.get('/api/mediation/proceedings?limit=100'));
    expect(mine.items.every((p: any) => p.mediator?.name === 'Olga Ivanova')).toBe(true);
    // The Russian-speaking proceedings registered above went to her too (E-ASSIGN), still "referred".
    expect(new Set(mine.items.map((p: any) => p.status))).toEqual(new Set(['referred', 'in_mediation', 'agreement', 'ended_without_agreement']));
    expect(mine.items.find((p: any) => p.id === katiProceeding.id)).toMatchObject({ parents: ['Kati Karu', 'Mart Karu'], children: ['Mia Karu', 'Rasmus Karu'], nextSessionAt: expect.any(String) });
    const all = await ok(ska.get('/api/mediation/proceedings?limit=100'));
    const jaanus = all.items.find((p: any) => p.mediator?.name === 'Jaanus Järv');
    expect(jaanus.status).toBe('first_meeting_booked');
    await refused(olga.get(`/api/mediation/proceedings/${jaanus.id}`), 404, 'NOT_FOUND');
    expect(all.items.length).toBeGreaterThan(mine.items.length);
    const open = await ok(ska.get('/api/mediation/proceedings?status=open&limit=100'));
    expect(open.items.every((p: any) => ['referred', 'first_meeting_booked', 'in_mediation'].includes(p.status))).toBe(true);
  });

  it('E-PROFILE: a client updates their own contact data (X-CONC: a stale version is 409, nothing lost); reads and writes are audited', async () => {
    const me = katiProceeding.parents[0];
    const updated = await ok(kati.patch(`/api/mediation/proceedings/${katiProceeding.id}/parties/${me.partyId}`, { version: me.version, phone: '+372 5123 4567', address: 'Tartu, Uus tn 5' }));
    expect(updated.parents[0].contact).toMatchObject({ phone: '+372 5123 4567', address: 'Tartu, Uus tn 5', email: 'kati.karu@example.ee' });
    await refused(kati.patch(`/api/mediation/proceedings/${katiProceeding.id}/parties/${me.partyId}`, { version: me.version, phone: '0' }), 409, 'VERSION_CONFLICT');
    const audit = await t.database.db.selectFrom('audit_log').select(['action', 'record_type', 'person_id', 'changes']).where('record_id', 'in', [katiProceeding.id, me.partyId]).execute();
    expect(audit.some((a) => a.action === 'read' && a.record_type === 'mediation_proceeding' && a.person_id === me.personId)).toBe(true);
    expect(audit.find((a) => a.action === 'update' && a.record_type === 'mediation_party')?.changes).toEqual(expect.arrayContaining([{ field: 'phone', old: '+372 510 1234', new: '+372 5123 4567' }]));
  });

  it('E-PROFILE bad input: one parent, the same person twice, a bad personal code, an unknown KOV — 400 with a localised message, never 500', async () => {
    const base = { referredBy: 'kov', referredOn: '2026-02-02', topics: ['contact'], description: 'x', language: 'et', children: [{ personalCode: personalCode('child'), firstName: 'L', lastName: 'T' }] };
    const parent = (c: string) => ({ person: { personalCode: c, firstName: 'A', lastName: 'B' } });
    await refused(ska.post('/api/mediation/proceedings', { ...base, parents: [parent(personalCode('mother'))] }), 400, 'VALIDATION_FAILED');
    const same = personalCode('mother');
    await refused(ska.post('/api/mediation/proceedings', { ...base, parents: [parent(same), parent(same)] }), 400, 'E_PROFILE_TWO_PARENTS');
    const e = await refused(ska.post('/api/mediation/proceedings', { ...base, parents: [parent('38001010000'), parent(personalCode('mother'))] }), 400, 'PERSONAL_CODE_INVALID');
    expect(e.message).toBeTruthy();
    const ru = await ska.request({ method: 'POST', url: '/api/mediation/proceedings', payload: { ...base, parents: [{ ...parent(personalCode('mother')), kovOrganisationId: katiProceeding.id }, parent(personalCode('father'))] }, headers: { 'accept-language': 'ru' } });
    expect(ru.statusCode).toBe(400);
    expect(ru.json().error).toMatchObject({ code: 'E_PROFILE_KOV_INVALID', message: expect.stringContaining('самоуправление') });
    await refused(ska.post('/api/mediation/proceedings', { ...base, topics: [], parents: [parent(personalCode('mother')), parent(personalCode('father'))] }), 400, 'VALIDATION_FAILED');
    await refused(kati.post('/api/mediation/proceedings', { ...base, parents: [] }), 403, 'FORBIDDEN');
  });
});

describe('E-ASSIGN: consent, preferred mediator, automatic assignment, refusal', () => {
  it('E-ASSIGN: both parents apply and consent in self-service; the preferred mediator is assigned and gets access to the people', async () => {
    const olgaId = await userId(t, 'perelepitaja@tugi.demo');
    const p = await newProceeding(t, ska, { consented: [false, false] });
    expect(p.mediator).toBeNull();
    const mother = await clientLogin(t, p.parents[0].personId, 'ema.assign@example.ee');
    const father = await clientLogin(t, p.parents[1].personId, 'isa.assign@example.ee');
    const afterMother = await ok(mother.post(`/api/mediation/proceedings/${p.id}/consent`, { preferredMediatorId: olgaId }));
    expect(afterMother.mediator).toBeNull();
    await refused(ska.post(`/api/mediation/proceedings/${p.id}/assign`, { version: afterMother.version }), 409, 'E_ASSIGN_NOT_CONSENTED');
    const afterFather = await ok(father.post(`/api/mediation/proceedings/${p.id}/consent`, {}));
    expect(afterFather).toMatchObject({ mediator: { id: olgaId }, assignmentReason: 'preferred' });
    await ok(olga.get(`/api/people/${p.parents[0].personId}`));
    const note = await t.database.db.selectFrom('notifications').select('title_key').where('user_id', '=', olgaId).where('title_key', '=', 'mediation.notifications.assigned').execute();
    expect(note.length).toBeGreaterThan(0);
  });

  it('E-ASSIGN: without a preference, by region and language: Russian in Narva goes to the mediator who speaks it; nobody for English in the west but Olga', async () => {
    const olgaId = await userId(t, 'perelepitaja@tugi.demo');
    const jaanusId = await userId(t, 'jaanus.jarv@tugi.demo');
    expect(other.mediator).toMatchObject({ id: olgaId }); // ru: only Olga speaks it
    expect(other.assignmentReason).toBe('automatic');
    const parnu = await newProceeding(t, ska, { kov: 'Pärnu linn' });
    expect(parnu.mediator).toMatchObject({ id: jaanusId }); // west: only Jaanus serves it
  });

  it('E-ASSIGN: a parent refuses a mediator they know: upcoming sessions are cancelled, the mediator loses access, another is assigned; with nobody left, SKA is told', async () => {
    const olgaId = await userId(t, 'perelepitaja@tugi.demo');
    const jaanusId = await userId(t, 'jaanus.jarv@tugi.demo');
    const p = await newProceeding(t, ska, { kov: 'Tartu linn', preferredMediatorId: olgaId });
    expect(p.mediator.id).toBe(olgaId);
    const mother = await clientLogin(t, p.parents[0].personId, 'ema.refuse@example.ee');
    const slots = await ok(mother.get(`/api/mediation/proceedings/${p.id}/slots`));
    const booked = await ok(mother.post(`/api/mediation/proceedings/${p.id}/bookings`, { startsAt: slots.items[0].startsAt }), 201);
    expect(booked.status).toBe('first_meeting_booked');
    const after = await ok(mother.post(`/api/mediation/proceedings/${p.id}/refuse-mediator`, { reason: 'Tunnen teda isiklikult' }));
    expect(after).toMatchObject({ mediator: { id: jaanusId }, status: 'referred', refusedMediators: 1 });
    expect(after.bookings.map((b: any) => b.status)).toEqual(['cancelled']);
    await refused(olga.get(`/api/mediation/proceedings/${p.id}`), 404, 'NOT_FOUND');
    await refused(olga.get(`/api/people/${p.parents[0].personId}`), 404, 'NOT_FOUND');
    await refused(ska.post(`/api/mediation/proceedings/${p.id}/assign`, { version: after.version, mediatorId: olgaId }), 409, 'E_ASSIGN_MEDIATOR_REFUSED');
    const last = await ok(mother.post(`/api/mediation/proceedings/${p.id}/refuse-mediator`, {}));
    expect(last.mediator).toBeNull();
    const home = await ok(ska.get('/api/home'));
    expect(home.items.some((i: any) => i.id === 'mediation.unassigned')).toBe(true);
  });
});

describe('E-BOOK: booking with the assigned mediator', () => {
  it('E-BOOK: Kati sees only her mediator’s free slots; one upcoming session at a time; cancel and book again; both parents and the mediator are told', async () => {
    const slots = await ok(kati.get(`/api/mediation/proceedings/${katiProceeding.id}/slots`));
    expect(slots.mediator).toMatchObject({ name: 'Olga Ivanova', sessionMinutes: 90 });
    expect(slots.items.length).toBeGreaterThan(5);
    expect(slots.items.every((s: any) => Date.parse(s.endsAt) - Date.parse(s.startsAt) === 90 * 60_000)).toBe(true);
    const upcoming = katiProceeding.bookings.find((b: any) => b.status === 'booked');
    expect(slots.items.some((s: any) => s.startsAt === upcoming.startsAt)).toBe(false);
    await refused(kati.post(`/api/mediation/proceedings/${katiProceeding.id}/bookings`, { startsAt: slots.items[0].startsAt }), 409, 'E_BOOK_ALREADY_BOOKED');
    await ok(kati.post(`/api/mediation/bookings/${upcoming.id}/cancel`, { version: upcoming.version, reason: 'Laps haige' }));
    const chosen = slots.items[2];
    const after = await ok(kati.post(`/api/mediation/proceedings/${katiProceeding.id}/bookings`, { startsAt: chosen.startsAt }), 201);
    const mine = after.bookings.find((b: any) => b.status === 'booked');
    expect(mine).toMatchObject({ startsAt: chosen.startsAt, endsAt: chosen.endsAt, changeable: true });
    expect(after.status).toBe('in_mediation');
    const mails = await t.database.db.selectFrom('mail_outbox').select(['to_address', 'subject']).where('dedupe_key', 'like', `mediation-booked-${mine.id}-%`).execute();
    expect(mails.map((m) => m.to_address).sort()).toEqual(['mart.karu@tugi.demo', 'perelepitaja@tugi.demo']);
    expect(mails[0]!.subject).toContain(katiProceeding.reference);
    // Mart sees the same booking; the slot is gone for everyone.
    const seen = await ok(mart.get(`/api/mediation/proceedings/${katiProceeding.id}`));
    expect(seen.bookings.find((b: any) => b.id === mine.id).status).toBe('booked');
    const again = await ok(kati.get(`/api/mediation/proceedings/${katiProceeding.id}/slots`));
    expect(again.items.some((s: any) => s.startsAt === chosen.startsAt)).toBe(false);
  });

  it('E-BOOK: reschedule moves the session; a time not offered, taken or inside the cut-off is refused', async () => {
    const p = await ok(kati.get(`/api/mediation/proceedings/${katiProceeding.id}`));
    const current = p.bookings.find((b: any) => b.status === 'booked');
    const slots = (await ok(kati.get(`/api/mediation/proceedings/${katiProceeding.id}/slots`))).items;
    const moved = await ok(kati.post(`/api/mediation/bookings/${current.id}/reschedule`, { version: current.version, startsAt: slots[3].startsAt }));
    expect(moved.bookings.find((b: any) => b.id === current.id).status).toBe('rescheduled');
    const now = moved.bookings.find((b: any) => b.status === 'booked');
    expect(now.startsAt).toBe(slots[3].startsAt);
    await refused(kati.post(`/api/mediation/bookings/${current.id}/reschedule`, { version: current.version + 1, startsAt: slots[4].startsAt }), 409, 'E_BOOK_NOT_BOOKED');
    const offGrid = new Date(Date.parse(slots[4].startsAt) + 5 * 60_000).toISOString();
    await refused(kati.post(`/api/mediation/bookings/${now.id}/reschedule`, { version: now.version, startsAt: offGrid }), 409, 'E_BOOK_SLOT_NOT_OFFERED');
    await refused(kati.post(`/api/mediation/bookings/${now.id}/reschedule`, { version: now.version, startsAt: new Date(Date.now() + 3_600_000).toISOString() }), 409, 'E_BOOK_CUTOFF_PASSED');
    // The slot of another proceeding of the same mediator is taken.
    const theirs = (await ok(ska.get(`/api/mediation/proceedings/${other.id}/slots`))).items;
    const jaanusless = theirs[0].startsAt;
    const otherParent = await clientLogin(t, other.parents[0].personId, 'ema.other@example.ee');
    await ok(otherParent.post(`/api/mediation/proceedings/${other.id}/bookings`, { startsAt: jaanusless }), 201);
    await refused(kati.post(`/api/mediation/bookings/${now.id}/reschedule`, { version: now.version, startsAt: jaanusless }), 409, 'E_BOOK_SLOT_TAKEN');
  });

  it('E-BOOK: cancellation after the cut-off is refused to the client; the mediator may still cancel', async () => {
    const olgaId = await userId(t, 'perelepitaja@tugi.demo');
    const katiUser = await userId(t, 'lapsevanem@tugi.demo');
    await t.database.db.updateTable('mediation_bookings').set({ status: 'cancelled' }).where('proceeding_id', '=', katiProceeding.id).where('status', '=', 'booked').execute();
    const soon = new Date(Math.ceil((Date.now() + 5 * 3_600_000) / 60_000) * 60_000);
    const row = await t.database.db
      .insertInto('mediation_bookings')
      .values({ proceeding_id: katiProceeding.id, mediator_id: olgaId, starts_at: soon, ends_at: new Date(soon.getTime() + 90 * 60_000), blocked_until: new Date(soon.getTime() + 105 * 60_000), booked_by: katiUser })
      .returning('id')
      .executeTakeFirstOrThrow();
    const e = await refused(kati.post(`/api/mediation/bookings/${row.id}/cancel`, { version: 1 }), 409, 'E_BOOK_CUTOFF_PASSED');
    expect(e.message).toContain('24');
    await refused(kati.post(`/api/mediation/bookings/${row.id}/reschedule`, { version: 1, startsAt: soon.toISOString() }), 409, 'E_BOOK_CUTOFF_PASSED');
    const p = await ok(kati.get(`/api/mediation/proceedings/${katiProceeding.id}`));
    expect(p.bookings.find((b: any) => b.id === row.id).changeable).toBe(false);
    await refused(olga.post(`/api/mediation/bookings/${row.id}/outcome`, { version: 1, outcome: 'held' }), 409, 'E_BOOK_NOT_STARTED');
    await ok(olga.post(`/api/mediation/bookings/${row.id}/cancel`, { version: 1, reason: 'Perelepitaja haige' }));
  });

  it('E-BOOK: the mediator publishes availability and leave; holidays and leave have no slots; the calendar shows sessions', async () => {
    const before = await ok(olga.get('/api/mediation/availability'));
    expect(before).toMatchObject({ sessionMinutes: 90, bufferMinutes: 15 });
    expect(before.windows).toHaveLength(5);
    await refused(olga.put('/api/mediation/availability', { sessionMinutes: 90, bufferMinutes: 15, windows: [{ weekday: 1, startsAt: '12:00', endsAt: '09:00' }] }), 400, 'E_BOOK_WINDOW_INVALID');
    await refused(olga.put('/api/mediation/availability', { sessionMinutes: 90, bufferMinutes: 15, windows: [{ weekday: 8, startsAt: '09:00', endsAt: '10:00' }] }), 400, 'VALIDATION_FAILED');
    await refused(olga.put('/api/mediation/availability', { sessionMinutes: 90, bufferMinutes: 15, windows: [{ weekday: 1, startsAt: '9:00', endsAt: '10:00' }] }), 400, 'VALIDATION_FAILED');
    await refused(kati.put('/api/mediation/availability', { sessionMinutes: 90, bufferMinutes: 15, windows: [] }), 403, 'FORBIDDEN');
    const calendar = await ok(olga.get('/api/mediation/calendar'));
    expect(calendar.sessions.every((s: any) => s.parents.length > 0)).toBe(true);
    const weeks = await ok(olga.get('/api/mediation/calendar?from=2026-06-22&to=2026-06-26'));
    expect(weeks.holidays).toEqual(['2026-06-23', '2026-06-24']);
    await refused(olga.get('/api/mediation/calendar?from=2026-01-01&to=2026-03-31'), 400, 'E_BOOK_RANGE_TOO_LONG');
    await refused(olga.get('/api/mediation/calendar?from=2026-02-30'), 400, 'VALIDATION_FAILED');
    // Real dates outside the calendar's century are refused, not computed on (fuzzing found 500s for year 1 and 9999).
    await refused(kati.get(`/api/mediation/proceedings/${katiProceeding.id}/slots?from=0001-01-01`), 400, 'VALIDATION_FAILED');
    await refused(kati.get(`/api/mediation/proceedings/${katiProceeding.id}/slots?from=9999-12-20`), 400, 'VALIDATION_FAILED');
    await refused(olga.get('/api/mediation/calendar?from=1999-12-31'), 400, 'VALIDATION_FAILED');
    await ok(olga.get('/api/mediation/calendar?from=2099-12-31'));
    // Leave on the days of the first free slot: its day is gone from the client's list.
    const slots = (await ok(kati.get(`/api/mediation/proceedings/${katiProceeding.id}/slots`))).items;
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Tallinn' }).format(new Date(slots[0].startsAt));
    const leave = await ok(olga.post('/api/mediation/leave', { startsOn: day, endsOn: day, note: 'Koolitus' }), 201);
    const after = (await ok(kati.get(`/api/mediation/proceedings/${katiProceeding.id}/slots`))).items;
    expect(after.some((s: any) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Tallinn' }).format(new Date(s.startsAt)) === day)).toBe(false);
    await noContent(olga.request({ method: 'DELETE', url: `/api/mediation/leave/${leave.id}` }));
    // Only Tuesdays 10:00–12:00 from now on: every slot is a Tuesday at 10:00, Tallinn time.
    await noContent(olga.put('/api/mediation/availability', { sessionMinutes: 60, bufferMinutes: 0, windows: [{ weekday: 2, startsAt: '10:00', endsAt: '12:00' }] }));
    const tuesdays = (await ok(kati.get(`/api/mediation/proceedings/${katiProceeding.id}/slots`))).items;
    const fmt = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Tallinn', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    expect(new Set(tuesdays.map((s: any) => fmt.format(new Date(s.startsAt))))).toEqual(new Set(['Tue 10:00', 'Tue 11:00']));
    await noContent(olga.put('/api/mediation/availability', { sessionMinutes: 90, bufferMinutes: 15, windows: before.windows.map((w: any) => ({ weekday: w.weekday, startsAt: w.startsAt, endsAt: w.endsAt })) }));
  });

  it('E-BOOK: reminders go out once through the job, to both parents and the mediator', async () => {
    const { sendBookingReminders } = await import('./deadlines.js');
    const olgaId = await userId(t, 'perelepitaja@tugi.demo');
    const katiUser = await userId(t, 'lapsevanem@tugi.demo');
    const start = new Date(Math.ceil((Date.now() + 30 * 3_600_000) / 60_000) * 60_000);
    const row = await t.database.db
      .insertInto('mediation_bookings')
      .values({ proceeding_id: katiProceeding.id, mediator_id: olgaId, starts_at: start, ends_at: new Date(start.getTime() + 90 * 60_000), blocked_until: new Date(start.getTime() + 105 * 60_000), booked_by: katiUser })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(await sendBookingReminders(t.database.db)).toBeGreaterThanOrEqual(1);
    expect(await sendBookingReminders(t.database.db)).toBe(0);
    const mails = await t.database.db.selectFrom('mail_outbox').select('to_address').where('dedupe_key', 'like', `mediation-reminder-${row.id}-%`).execute();
    expect(mails.map((m) => m.to_address).sort()).toEqual(['lapsevanem@tugi.demo', 'mart.karu@tugi.demo', 'perelepitaja@tugi.demo']);
  });
});

describe('E-PROVIDER: the state of each proceeding', () => {
  it('E-PROVIDER: referred → first meeting booked → in mediation → agreement; ending without agreement; bad outcomes refused', async () => {
    const p = await newProceeding(t, ska, { kov: 'Tartu linn' });
    expect(p.status).toBe('referred');
    const mediator = p.mediator.id === (await userId(t, 'perelepitaja@tugi.demo')) ? olga : await t.login('jaanus.jarv@tugi.demo');
    const slots = (await ok(mediator.get(`/api/mediation/proceedings/${p.id}/slots`))).items;
    const booked = await ok(mediator.post(`/api/mediation/proceedings/${p.id}/bookings`, { startsAt: slots[0].startsAt }), 201);
    expect(booked.status).toBe('first_meeting_booked');
    await refused(mediator.post(`/api/mediation/proceedings/${p.id}/agreement`, { concludedOn: '2026-03-01', custody: 'unchanged', childPersonIds: [p.children[0].personId], summary: 'x' }), 409, 'E_REG_NO_SESSION_HELD');
    // The session took place (moved into the past as time would).
    const b = booked.bookings[0];
    await t.database.db.updateTable('mediation_bookings').set({ starts_at: new Date(Date.now() - 3 * 3_600_000), ends_at: new Date(Date.now() - 90 * 60_000), blocked_until: new Date(Date.now() - 75 * 60_000) }).where('id', '=', b.id).execute();
    const held = await ok(mediator.post(`/api/mediation/bookings/${b.id}/outcome`, { version: b.version, outcome: 'held' }));
    expect(held.status).toBe('in_mediation');
    await refused(mediator.post(`/api/mediation/proceedings/${p.id}/agreement`, { concludedOn: '2026-03-01', custody: 'unchanged', childPersonIds: [other.children[0].personId], summary: 'x' }), 400, 'E_REG_CHILD_NOT_IN_PROCEEDINGS');
    await refused(mediator.post(`/api/mediation/proceedings/${p.id}/agreement`, { concludedOn: '2999-01-01', custody: 'unchanged', childPersonIds: [p.children[0].personId], summary: 'x' }), 400, 'DATE_IN_FUTURE');
    await refused(mediator.post(`/api/mediation/proceedings/${p.id}/agreement`, { concludedOn: '2026-02-30', custody: 'unchanged', childPersonIds: [p.children[0].personId], summary: 'x' }), 400, 'VALIDATION_FAILED');
    const done = await ok(mediator.post(`/api/mediation/proceedings/${p.id}/agreement`, { concludedOn: '2026-03-01', custody: 'unchanged', childPersonIds: [p.children[0].personId], summary: 'Suhtluskord kokku lepitud' }), 201);
    expect(done).toMatchObject({ status: 'agreement', endedOn: '2026-03-01', agreement: { custody: 'unchanged', delivery: null } });
    expect(await t.database.db.selectFrom('mediation_register_outbox').select('id').where('agreement_id', '=', done.agreement.id).execute()).toEqual([]);
    await refused(mediator.post(`/api/mediation/proceedings/${p.id}/end`, { version: done.version, reason: 'x' }), 409, 'E_PROFILE_PROCEEDING_CLOSED');

    const q = await newProceeding(t, ska, { kov: 'Tartu linn' });
    const ended = await ok(ska.post(`/api/mediation/proceedings/${q.id}/end`, { version: q.version, reason: 'Vanem loobus' }));
    expect(ended).toMatchObject({ status: 'ended_without_agreement', endReason: 'Vanem loobus' });
    await refused(kati.post(`/api/mediation/proceedings/${katiProceeding.id}/end`, { version: 1, reason: 'x' }), 403, 'FORBIDDEN');
  });
});
