import { sql } from 'kysely';
import type { TestApp } from '../../server/test/harness.js';
import type { TestClient } from '../../server/test/client.js';
import { addMonths, todayInTallinn } from '../../server/src/platform/calendar/working-days.js';
import { createFamily, person, setUpProvider, userOf, type ProviderSetup } from '../../server/src/modules/families/fixtures.js';
import { kovWorkers, newGroup, newTraining } from '../../server/src/modules/trainings/fixtures.js';
import { newProceeding, userId } from '../../server/src/modules/mediation/fixtures.js';

/**
 * Limits under load through a real HTTP listener (app.listen + fetch, not
 * inject): each scenario leaves `remaining` places/sessions, fires 50
 * requests at once and reports what was accepted and what is stored.
 */
export const CONCURRENT = 50;

export interface Http {
  base: string;
  post(client: TestClient, url: string, body: unknown, locale?: string): Promise<{ status: number; body: any }>;
}

export async function listen(t: TestApp): Promise<Http> {
  const base = await t.app.listen({ host: '127.0.0.1', port: 0 });
  return {
    base,
    async post(client, url, body, locale = 'en') {
      const csrf = client.cookie('tugi_csrf') ?? '';
      const response = await fetch(`${base}${url}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-language': locale, 'x-csrf-token': csrf, cookie: `tugi_session=${client.cookie('tugi_session')}; tugi_csrf=${csrf}` },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: await response.json() };
    },
  };
}

export interface LimitRun {
  rule: string;
  limit: number;
  remaining: number;
  /** Requests accepted (place/session/booking taken). */
  accepted: number;
  /** Refusals: status and code, with the message in the requested language. */
  refused: { status: number; code: string; message: string }[];
  /** Other answers (waitlisted for C-3). */
  other: number;
  /** What is stored afterwards, counted in the database. */
  stored: number;
  /** The refusal's message in Estonian, to show the others were in the requested language. */
  estonianMessage: string | null;
}

const providers = new WeakMap<TestApp, Promise<ProviderSetup>>();
/** Kasvulava with a contract and an approved supporter, set up once per app. */
function provider(t: TestApp): Promise<ProviderSetup> {
  if (!providers.has(t)) providers.set(t, setUpProvider(t));
  return providers.get(t)!;
}

const last = () => Number(todayInTallinn(new Date()).slice(0, 4)) - 1;

async function specialist(t: TestApp, p: ProviderSetup, email: string, name: string, roles: string[]) {
  await userOf(t, 'Perekeskus Kasvulava OÜ', 'provider_specialist', email, name);
  const candidates = (await p.admin.get('/api/families/specialists/candidates')).json().items as { id: string; email: string }[];
  const [firstName, lastName] = name.split(' ') as [string, string];
  const created = (await p.admin.post('/api/families/specialists', { userId: candidates.find((c) => c.email === email)!.id, person: person(firstName, lastName, '1975-01-01'), roles, languages: ['et'] })).json();
  const approved = await p.ska.post(`/api/families/specialists/${created.id}/approval`, { version: created.version, approved: true, approvedOn: `${last() - 2}-01-01`, reference: 'SKA kiri 7.1-2/9' });
  if (approved.statusCode !== 200) throw new Error(`approval: ${approved.statusCode} ${approved.body}`);
  return created.id as string;
}

async function servedFamily(t: TestApp, p: ProviderSetup, mentorId: string) {
  const tartu = (await sql<{ id: string }>`select id from organisations where name = 'Tartu linn'`.execute(t.database.db)).rows[0]!.id;
  const family = await createFamily(p.admin, { kovOrganisationId: tartu, children: [{ person: person('Laps', 'Piir', '2018-02-02'), arrivedOn: `${last() - 1}-01-10` }] });
  const referral = (await p.admin.post('/api/families/referrals', { familyId: family.id, kind: 'mentoring', source: 'family' })).json();
  const episode = (await p.admin.post(`/api/families/referrals/${referral.id}/episode`, { version: referral.version, specialistId: mentorId, startsOn: todayInTallinn(new Date()) })).json();
  await t.database.db.updateTable('family_episodes').set({ starts_on: `${last() - 1}-01-01` }).where('id', '=', episode.id).execute();
  return { familyId: family.id as string, episodeId: episode.id as string };
}

function tally(rule: string, limit: number, remaining: number, answers: { status: number; body: any }[], acceptedStatus: (a: { status: number; body: any }) => boolean, stored: number, estonianMessage: string | null): LimitRun {
  const accepted = answers.filter(acceptedStatus).length;
  const refused = answers.filter((a) => a.status >= 400).map((a) => ({ status: a.status, code: a.body?.error?.code, message: a.body?.error?.message }));
  return { rule, limit, remaining, accepted, refused, other: answers.length - accepted - refused.length, stored, estonianMessage };
}

/** Day `i` (0-based) of a quarter as an ISO date: 50 distinct days of Q1 of last year. */
const dayOfQ1 = (year: number, i: number) => new Date(Date.UTC(year, 0, 2 + i)).toISOString().slice(0, 10);

export type Scenario = (t: TestApp, http: Http) => Promise<LimitRun>;

export const LIMITS: Record<string, Scenario> = {
  /** B-MENT-2: at most 4 mentoring sessions per family per calendar quarter; 1 recorded, 3 remain. */
  'B-MENT-2 mentoring: 4 sessions per family per quarter': async (t, http) => {
    const p = await provider(t);
    const mentor = await specialist(t, p, 'piir.mentor@tugi.test', 'Malle Piirimentor', ['mentor']);
    const { familyId, episodeId } = await servedFamily(t, p, mentor);
    const body = (heldOn: string) => ({ service: 'mentoring', familyId, episodeId, specialistId: mentor, heldOn, minutes: 60, mode: 'in_person' });
    const first = await p.admin.post('/api/families/sessions', body(`${last()}-01-02`));
    if (first.statusCode !== 201) throw new Error(`first session: ${first.statusCode} ${first.body}`);
    const answers = await Promise.all(Array.from({ length: CONCURRENT }, (_, i) => http.post(p.admin, '/api/families/sessions', body(dayOfQ1(last(), 1 + i)))));
    const stored = (await sql<{ n: number }>`select count(*)::int as n from service_sessions where family_id = ${familyId} and service = 'mentoring' and status = 'held' and held_on between ${`${last()}-01-01`} and ${`${last()}-03-31`}`.execute(t.database.db)).rows[0]!.n;
    const et = await http.post(p.admin, '/api/families/sessions', body(`${last()}-03-30`), 'et');
    return tally('B-MENT-2', 4, 3, answers, (a) => a.status === 201, stored, et.body?.error?.message ?? null);
  },

  /** B-PSY-1: 5 counselling sessions per family per year, plus the extra SKA approved (2): 4 recorded, 3 remain of 7. */
  'B-PSY-1 counselling: 5 per family per year + 2 extra approved by SKA': async (t, http) => {
    const p = await provider(t);
    const mentor = await specialist(t, p, 'psy.mentor@tugi.test', 'Mati Mentor', ['mentor']);
    const psychologist = await specialist(t, p, 'psy.piir@tugi.test', 'Piia Psühholoog', ['psychologist']);
    const { familyId } = await servedFamily(t, p, mentor);
    const body = (heldOn: string) => ({ service: 'counselling', familyId, specialistId: psychologist, heldOn, minutes: 60, mode: 'in_person' });
    for (const day of ['01-05', '02-05', '03-05', '04-05']) {
      const r = await p.admin.post('/api/families/sessions', body(`${last()}-${day}`));
      if (r.statusCode !== 201) throw new Error(`session: ${r.statusCode} ${r.body}`);
    }
    const request = (await p.admin.post('/api/families/counselling-extras', { familyId, year: last(), requestedSessions: 2, justification: 'Lapse käitumisraskused vajavad jätkuvat nõustamist' })).json();
    const decided = await p.ska.post(`/api/families/counselling-extras/${request.id}/decision`, { version: request.version, approved: true, approvedSessions: 2 });
    if (decided.statusCode !== 200) throw new Error(`extra: ${decided.statusCode} ${decided.body}`);
    const answers = await Promise.all(Array.from({ length: CONCURRENT }, (_, i) => http.post(p.admin, '/api/families/sessions', body(new Date(Date.UTC(last(), 4, 1 + i)).toISOString().slice(0, 10)))));
    const stored = (await sql<{ n: number }>`select count(*)::int as n from service_sessions where family_id = ${familyId} and service in ('counselling', 'supervision') and status = 'held' and extract(year from held_on) = ${last()}`.execute(t.database.db)).rows[0]!.n;
    const et = await http.post(p.admin, '/api/families/sessions', body(`${last()}-12-01`), 'et');
    return tally('B-PSY-1', 7, 3, answers, (a) => a.status === 201, stored, et.body?.error?.message ?? null);
  },

  /** C-3: a group of 25 places with 22 taken: 50 KOV workers register at once, 3 get a place, the rest the waitlist. */
  'C-3 training group: 25 places': async (t, http) => {
    const manager = await t.loginAs('ska_manager');
    const kov = await t.loginAs('kov_worker');
    const training = await newTraining(t, manager, { title: 'Viimased kohad (koormustest)' });
    const group = await newGroup(t, manager, training.id, { capacityMax: 25 });
    for (const w of await kovWorkers(t, 'Tartu linn', 22, 'Varane')) {
      const r = await kov.post(`/api/trainings/groups/${group.id}/registrations`, { userId: w.id });
      if (r.statusCode !== 201) throw new Error(`registration: ${r.statusCode} ${r.body}`);
    }
    const crowd = await kovWorkers(t, 'Tartu linn', CONCURRENT, 'Koormus');
    const answers = await Promise.all(crowd.map((w) => http.post(kov, `/api/trainings/groups/${group.id}/registrations`, { userId: w.id })));
    const confirmed = (await sql<{ n: number }>`select count(*)::int as n from training_registrations where group_id = ${group.id} and status = 'confirmed'`.execute(t.database.db)).rows[0]!.n;
    const run = tally('C-3', 25, 3, answers, (a) => a.status === 201 && a.body?.status === 'confirmed', confirmed, null);
    // The waitlist must be numbered without duplicates.
    const queue = (await sql<{ n: number; d: number }>`select count(*)::int as n, count(distinct queue_no)::int as d from training_registrations where group_id = ${group.id}`.execute(t.database.db)).rows[0]!;
    if (queue.n !== queue.d) run.refused.push({ status: 0, code: 'DUPLICATE_QUEUE_NUMBER', message: `${queue.n} registrations, ${queue.d} queue numbers` });
    return run;
  },

  /** E-BOOK: one free slot of one mediator, 50 proceedings book it at once: exactly one booking. */
  'E-BOOK mediation: one slot': async (t, http) => {
    const ska = await t.loginAs('ska_contact');
    const olga = await t.loginAs('mediator');
    const olgaId = await userId(t, 'perelepitaja@tugi.demo');
    const proceedings: { id: string }[] = [];
    for (let i = 0; i < CONCURRENT; i++) proceedings.push(await newProceeding(t, ska, { preferredMediatorId: olgaId }));
    const slot = (await olga.get(`/api/mediation/proceedings/${proceedings[0]!.id}/slots`)).json().items[0].startsAt as string;
    const answers = await Promise.all(proceedings.map((p) => http.post(olga, `/api/mediation/proceedings/${p.id}/bookings`, { startsAt: slot })));
    const stored = (await sql<{ n: number }>`select count(*)::int as n from mediation_bookings where mediator_id = ${olgaId} and status = 'booked' and starts_at < ${new Date(new Date(slot).getTime() + 90 * 60_000)} and blocked_until > ${new Date(slot)}`.execute(t.database.db)).rows[0]!.n;
    const et = await http.post(olga, `/api/mediation/proceedings/${proceedings[1]!.id}/bookings`, { startsAt: slot }, 'et');
    return tally('E-BOOK', 1, 1, answers, (a) => a.status === 201, stored, et.body?.error?.message ?? null);
  },
};
