import { sql } from 'kysely';
import type { TestApp } from '../../server/test/harness.js';
import type { TestClient } from '../../server/test/client.js';
import type { Role } from '../../server/src/platform/db/schema.js';
import { addCalendarDays, addMonths, todayInTallinn } from '../../server/src/platform/calendar/working-days.js';
import { draftBody, signedApplication } from '../../server/src/modules/grants/grants-test-helpers.js';

/**
 * Scenario builders for the stale-update check: one per editable-record route
 * (a PATCH/PUT/POST whose request body carries `version` in the OpenAPI
 * document). A builder finds or makes a record the route applies to and says
 * how to read its version and what to send. The test sends two updates with
 * the same version at once (exactly one may win), then the winner's old
 * version again (must answer 409 VERSION_CONFLICT and change nothing).
 *
 * `body(version, variant)`: 'a' and 'b' are the two racing updates, 'stale'
 * the late one; variants differ where the route allows it, so a stale update
 * that won would show in the stored data.
 */
export type Variant = 'a' | 'b' | 'stale';

export interface Target {
  client: TestClient;
  url: string;
  /** Where the version lives: the record's table and id. */
  table: string;
  id: string;
  body(version: number, variant: Variant): Record<string, unknown>;
}

export interface Ctx {
  t: TestApp;
  as(role: Role): Promise<TestClient>;
  /** A user made for the test, logged in (role, organisation name). */
  user(role: Role, organisation: string): Promise<{ client: TestClient; id: string }>;
  one<T = any>(query: ReturnType<typeof sql>): Promise<T>;
  today: string;
  n: number;
}

export type Builder = (c: Ctx) => Promise<Target>;

const text = (v: Variant, what: string) => `${what} (${v})`;

const today = () => todayInTallinn(new Date());

async function kovFamily(c: Ctx, childYearsAgo = 3) {
  const kov = await c.as('kov_worker');
  const r = await kov.post('/api/families', {
    type: 'hooldus',
    parents: [{ person: { firstName: 'Mari', lastName: `Tamm${c.n++}`, birthDate: '1985-05-05' } }],
    children: [{ person: { firstName: 'Laps', lastName: `Tamm${c.n}`, birthDate: '2014-01-01' }, arrivedOn: addMonths(today(), -12 * childYearsAgo) }],
  });
  if (r.statusCode !== 201) throw new Error(`family: ${r.statusCode} ${r.body}`);
  return r.json() as { id: string; version: number; children: { personId: string; placementId?: string; id?: string }[] };
}

async function providerId(c: Ctx) {
  return (await c.one<{ id: string }>(sql`select id from organisations where name = 'Perekeskus Kasvulava OÜ'`)).id;
}

async function kasvulavaSpecialists(c: Ctx) {
  const rows = await sql<{ id: string }>`select s.id from provider_specialists s join organisations o on o.id = s.provider_organisation_id
    where o.name = 'Perekeskus Kasvulava OÜ' and s.ska_approved_on is not null and s.active and s.roles::jsonb ? 'family_supporter' order by s.created_at`.execute(c.t.database.db);
  return rows.rows.map((r) => r.id);
}

async function submittedReferral(c: Ctx) {
  const family = await kovFamily(c);
  const kov = await c.as('kov_worker');
  const r = await kov.post('/api/families/referrals', {
    familyId: family.id, kind: 'needs_based', childPersonId: family.children[0]!.personId,
    topics: 'Kiindumussuhe', problems: 'Unehäired', goals: 'Rahulik uneaeg', casePlanReference: 'JP-1', preferredProviderId: await providerId(c),
  });
  if (r.statusCode !== 201) throw new Error(`referral: ${r.statusCode} ${r.body}`);
  return r.json() as { id: string; version: number };
}

async function forwardedReferral(c: Ctx) {
  const referral = await submittedReferral(c);
  const ska = await c.as('ska_contact');
  const r = await ska.post(`/api/families/referrals/${referral.id}/forward`, { version: referral.version, providerId: await providerId(c), checks: { targetGroup: true, earlierService: true, justificationAndGoals: true } });
  if (r.statusCode !== 200) throw new Error(`forward: ${r.statusCode} ${r.body}`);
  return r.json() as { id: string; version: number };
}

async function episode(c: Ctx, agreed: boolean) {
  const referral = await forwardedReferral(c);
  const admin = await c.as('provider_admin');
  const [specialist] = await kasvulavaSpecialists(c);
  const r = await admin.post(`/api/families/referrals/${referral.id}/episode`, { version: referral.version, specialistId: specialist, startsOn: today() });
  if (r.statusCode !== 201) throw new Error(`episode: ${r.statusCode} ${r.body}`);
  const e = r.json() as { id: string; version: number };
  if (!agreed) return e;
  const a = await admin.post(`/api/families/episodes/${e.id}/agreement`, { version: e.version, agreedOn: today(), goals: 'Eesmärk', activities: 'Tegevused', planGoals: ['Rahulik uneaeg'] });
  if (a.statusCode !== 200) throw new Error(`agreement: ${a.statusCode} ${a.body}`);
  return a.json() as { id: string; version: number };
}

async function newUser(c: Ctx, active = true) {
  const admin = await c.as('admin');
  const org = (await c.one<{ id: string }>(sql`select id from organisations where name = 'Tartu linn'`)).id;
  const r = await admin.post('/api/admin/users', { email: `conc${c.n++}@tugi.test`, name: `Samaaegne ${c.n}`, role: 'kov_worker', organisationId: org, password: 'Kindel-Salasona-2026!x' });
  if (r.statusCode !== 201) throw new Error(`user: ${r.statusCode} ${r.body}`);
  const u = r.json() as { id: string; version: number };
  if (!active) {
    const d = await admin.post(`/api/admin/users/${u.id}/deactivate`, { version: u.version });
    if (d.statusCode !== 200) throw new Error(`deactivate: ${d.statusCode} ${d.body}`);
  }
  return u;
}

async function newOrganisation(c: Ctx, active = true) {
  const admin = await c.as('admin');
  const r = await admin.post('/api/admin/organisations', { name: `Samaaegne MTÜ ${c.n++}`, kind: 'other' });
  if (r.statusCode !== 201) throw new Error(`organisation: ${r.statusCode} ${r.body}`);
  const o = r.json() as { id: string; version: number };
  if (!active) {
    const d = await admin.post(`/api/admin/organisations/${o.id}/deactivate`, { version: o.version });
    if (d.statusCode !== 200) throw new Error(`deactivate: ${d.statusCode} ${d.body}`);
  }
  return o;
}

async function skaSpecialists(c: Ctx) {
  const rows = await sql<{ id: string }>`select id from users where role = 'ska_specialist' and active order by email`.execute(c.t.database.db);
  return rows.rows.map((r) => r.id);
}

export const EDITABLE: Record<string, Builder> = {
  // ---- admin
  'PATCH /api/admin/users/{id}': async (c) => {
    const u = await newUser(c);
    return { client: await c.as('admin'), url: `/api/admin/users/${u.id}`, table: 'users', id: u.id, body: (version, v) => ({ version, name: text(v, 'Nimi') }) };
  },
  'POST /api/admin/users/{id}/deactivate': async (c) => {
    const u = await newUser(c);
    return { client: await c.as('admin'), url: `/api/admin/users/${u.id}/deactivate`, table: 'users', id: u.id, body: (version) => ({ version }) };
  },
  'POST /api/admin/users/{id}/activate': async (c) => {
    const u = await newUser(c, false);
    return { client: await c.as('admin'), url: `/api/admin/users/${u.id}/activate`, table: 'users', id: u.id, body: (version) => ({ version }) };
  },
  'POST /api/admin/users/{id}/password': async (c) => {
    const u = await newUser(c);
    return { client: await c.as('admin'), url: `/api/admin/users/${u.id}/password`, table: 'users', id: u.id, body: (version, v) => ({ version, password: `Uus-parool-2026-${v}!` }) };
  },
  'PATCH /api/admin/organisations/{id}': async (c) => {
    const o = await newOrganisation(c);
    return { client: await c.as('admin'), url: `/api/admin/organisations/${o.id}`, table: 'organisations', id: o.id, body: (version, v) => ({ version, name: text(v, `Samaaegne MTÜ ${o.id.slice(0, 6)}`) }) };
  },
  'POST /api/admin/organisations/{id}/deactivate': async (c) => {
    const o = await newOrganisation(c);
    return { client: await c.as('admin'), url: `/api/admin/organisations/${o.id}/deactivate`, table: 'organisations', id: o.id, body: (version) => ({ version }) };
  },
  'POST /api/admin/organisations/{id}/activate': async (c) => {
    const o = await newOrganisation(c, false);
    return { client: await c.as('admin'), url: `/api/admin/organisations/${o.id}/activate`, table: 'organisations', id: o.id, body: (version) => ({ version }) };
  },
  'PUT /api/admin/organisations/{id}/regional-specialist': async (c) => {
    const org = await c.one<{ id: string }>(sql`select id from organisations where name = 'Elva vald'`);
    const [a, b, s] = await skaSpecialists(c);
    const pick = { a, b, stale: s };
    return { client: await c.as('admin'), url: `/api/admin/organisations/${org.id}/regional-specialist`, table: 'organisations', id: org.id, body: (version, v) => ({ version, userId: pick[v] }) };
  },
  // ---- people
  'PATCH /api/people/{id}': async (c) => {
    const p = await c.one<{ id: string }>(sql`select p.id from people p join person_links l on l.person_id = p.id join organisations o on o.id = l.organisation_id
      where o.kind = 'ska' and p.personal_code is not null order by p.created_at limit 1 offset 5`);
    return { client: await c.as('ska_contact'), url: `/api/people/${p.id}`, table: 'people', id: p.id, body: (version, v) => ({ version, firstName: text(v, 'Eesnimi') }) };
  },
  // ---- cases (module A)
  'PATCH /api/cases/{id}': async (c) => {
    const k = await c.one<{ id: string }>(sql`select c.id from cases c join users u on u.id = c.assigned_specialist_id where u.email = 'spetsialist@tugi.demo' and c.status = 'in_progress' order by c.reference limit 1`);
    return { client: await c.as('ska_specialist'), url: `/api/cases/${k.id}`, table: 'cases', id: k.id, body: (version, v) => ({ version, actionPlan: text(v, 'Tegevuskava') }) };
  },
  'POST /api/cases/{id}/transitions': async (c) => {
    const k = await c.one<{ id: string; version: number }>(sql`select c.id, c.version from cases c join users u on u.id = c.assigned_specialist_id where u.email = 'spetsialist@tugi.demo' and c.status = 'first_contact' order by c.reference limit 1`);
    const mari = await c.as('ska_specialist');
    const plan = await mari.patch(`/api/cases/${k.id}`, { version: k.version, actionPlan: 'Kohtumised perega' });
    if (plan.statusCode !== 200) throw new Error(`action plan: ${plan.statusCode} ${plan.body}`);
    return { client: mari, url: `/api/cases/${k.id}/transitions`, table: 'cases', id: k.id, body: (version) => ({ version, to: 'in_progress' }) };
  },
  'POST /api/cases/{id}/assign': async (c) => {
    const k = await c.one<{ id: string }>(sql`select id from cases where status = 'in_progress' and type = 'domestic' order by reference desc limit 1`);
    const [a, b, s] = await skaSpecialists(c);
    const pick = { a, b, stale: s };
    return { client: await c.as('ska_manager'), url: `/api/cases/${k.id}/assign`, table: 'cases', id: k.id, body: (version, v) => ({ version, specialistId: pick[v], reason: text(v, 'Puhkus') }) };
  },
  // ---- families (module B)
  'PATCH /api/families/contracts/{id}': async (c) => {
    const k = await c.one<{ id: string }>(sql`select id from provider_contracts order by reference limit 1`);
    return { client: await c.as('ska_contact'), url: `/api/families/contracts/${k.id}`, table: 'provider_contracts', id: k.id, body: (version, v) => ({ version, notes: text(v, 'Märkus') }) };
  },
  'PATCH /api/families/specialists/{id}': async (c) => {
    const [id] = await kasvulavaSpecialists(c);
    return { client: await c.as('provider_admin'), url: `/api/families/specialists/${id}`, table: 'provider_specialists', id: id!, body: (version, v) => ({ version, notes: text(v, 'Märkus') }) };
  },
  'POST /api/families/specialists/{id}/approval': async (c) => {
    const s = await c.one<{ id: string }>(sql`select id from provider_specialists where ska_approved_on is null order by created_at limit 1`);
    return { client: await c.as('ska_contact'), url: `/api/families/specialists/${s.id}/approval`, table: 'provider_specialists', id: s.id, body: (version, v) => ({ version, approved: true, approvedOn: addCalendarDays(today(), v === 'a' ? -1 : -2), reference: text(v, 'SKA kiri') }) };
  },
  'POST /api/families/referrals/{id}/forward': async (c) => {
    const r = await submittedReferral(c);
    const pid = await providerId(c);
    return { client: await c.as('ska_contact'), url: `/api/families/referrals/${r.id}/forward`, table: 'family_referrals', id: r.id, body: (version, v) => ({ version, providerId: pid, checks: { targetGroup: true, earlierService: true, justificationAndGoals: true }, checkNotes: text(v, 'Kontroll') }) };
  },
  'POST /api/families/referrals/{id}/reject': async (c) => {
    const r = await submittedReferral(c);
    return { client: await c.as('ska_contact'), url: `/api/families/referrals/${r.id}/reject`, table: 'family_referrals', id: r.id, body: (version, v) => ({ version, reason: text(v, 'Ei vasta sihtrühmale') }) };
  },
  'POST /api/families/referrals/{id}/withdraw': async (c) => {
    const r = await submittedReferral(c);
    return { client: await c.as('kov_worker'), url: `/api/families/referrals/${r.id}/withdraw`, table: 'family_referrals', id: r.id, body: (version, v) => ({ version, reason: text(v, 'Pere kolis') }) };
  },
  'POST /api/families/referrals/{id}/first-contact': async (c) => {
    const r = await forwardedReferral(c);
    return { client: await c.as('provider_admin'), url: `/api/families/referrals/${r.id}/first-contact`, table: 'family_referrals', id: r.id, body: (version, v) => ({ version, contactedOn: today(), channel: v === 'a' ? 'call' : 'email', notes: text(v, 'Kõne') }) };
  },
  'POST /api/families/referrals/{id}/episode': async (c) => {
    const r = await forwardedReferral(c);
    const [a, b, s] = await kasvulavaSpecialists(c);
    const pick = { a, b, stale: s ?? a };
    return { client: await c.as('provider_admin'), url: `/api/families/referrals/${r.id}/episode`, table: 'family_referrals', id: r.id, body: (version, v) => ({ version, specialistId: pick[v], startsOn: today() }) };
  },
  'POST /api/families/episodes/{id}/assign': async (c) => {
    const e = await episode(c, true);
    const [a, b, s] = await kasvulavaSpecialists(c);
    const pick = { a: b, b: b, stale: a };
    return { client: await c.as('provider_admin'), url: `/api/families/episodes/${e.id}/assign`, table: 'family_episodes', id: e.id, body: (version, v) => ({ version, specialistId: pick[v], reason: text(v, 'Puhkus') }) };
  },
  'POST /api/families/episodes/{id}/agreement': async (c) => {
    const e = await episode(c, false);
    return { client: await c.as('provider_admin'), url: `/api/families/episodes/${e.id}/agreement`, table: 'family_episodes', id: e.id, body: (version, v) => ({ version, agreedOn: today(), goals: text(v, 'Eesmärk'), activities: text(v, 'Tegevused') }) };
  },
  'PATCH /api/families/episodes/{id}/goals/{goalId}': async (c) => {
    const e = await episode(c, true);
    const g = await c.one<{ id: string }>(sql`select id from support_plan_goals where episode_id = ${e.id} order by created_at limit 1`);
    return { client: await c.as('provider_admin'), url: `/api/families/episodes/${e.id}/goals/${g.id}`, table: 'support_plan_goals', id: g.id, body: (version, v) => ({ version, text: text(v, 'Eesmärk') }) };
  },
  'POST /api/families/episodes/{id}/end': async (c) => {
    const e = await episode(c, true);
    return { client: await c.as('provider_admin'), url: `/api/families/episodes/${e.id}/end`, table: 'family_episodes', id: e.id, body: (version, v) => ({ version, endsOn: today(), reason: v === 'a' ? 'family_request' : 'other', activities: text(v, 'Kohtumised'), goalsReached: 'Osaliselt', furtherNeeds: 'Ei', kovRecommendations: 'Ei' }) };
  },
  'POST /api/families/episodes/{id}/switch-to-adaptation': async (c) => {
    const e = await episode(c, true);
    const started = addCalendarDays(today(), -40);
    await sql`update family_episodes set starts_on = ${started}, agreement_on = ${started} where id = ${e.id}`.execute(c.t.database.db);
    const family = await c.one<{ id: string; version: number }>(sql`select f.id, f.version from families f join family_episodes e on e.family_id = f.id where e.id = ${e.id}`);
    const kov = await c.as('kov_worker');
    const r = await kov.post(`/api/families/${family.id}/children`, { version: family.version, person: { firstName: 'Teine', lastName: `Laps${c.n++}`, birthDate: '2023-03-03' }, arrivedOn: today() });
    if (r.statusCode !== 200) throw new Error(`child: ${r.statusCode} ${r.body}`);
    const child = (r.json().children as { firstName: string; personId: string }[]).find((x) => x.firstName === 'Teine')!.personId;
    return { client: await c.as('provider_admin'), url: `/api/families/episodes/${e.id}/switch-to-adaptation`, table: 'family_episodes', id: e.id, body: (version, v) => ({ version, childPersonId: child, switchOn: today(), activities: text(v, 'Kohtumised'), goalsReached: 'Osaliselt', furtherNeeds: 'Kohanemine', kovRecommendations: 'Toetada' }) };
  },
  'POST /api/families/episodes/{id}/continued-support': async (c) => {
    const e = await c.one<{ id: string }>(sql`select e.id from family_episodes e join organisations o on o.id = e.provider_organisation_id where o.name = 'Perekeskus Kasvulava OÜ' and e.status = 'ended' order by e.created_at limit 1`);
    return { client: await c.as('provider_admin'), url: `/api/families/episodes/${e.id}/continued-support`, table: 'family_episodes', id: e.id, body: (version, v) => ({ version, continuedSupport: v !== 'b' }) };
  },
  'PATCH /api/families/{id}': async (c) => {
    const f = await kovFamily(c);
    return { client: await c.as('kov_worker'), url: `/api/families/${f.id}`, table: 'families', id: f.id, body: (version, v) => ({ version, notes: text(v, 'Märkus') }) };
  },
  'POST /api/families/{id}/parents': async (c) => {
    const f = await kovFamily(c);
    return { client: await c.as('kov_worker'), url: `/api/families/${f.id}/parents`, table: 'families', id: f.id, body: (version, v) => ({ version, person: { firstName: 'Jaan', lastName: `Vanem ${v}`, birthDate: '1980-01-01' }, relation: 'isa' }) };
  },
  'POST /api/families/{id}/children': async (c) => {
    const f = await kovFamily(c);
    return { client: await c.as('kov_worker'), url: `/api/families/${f.id}/children`, table: 'families', id: f.id, body: (version, v) => ({ version, person: { firstName: 'Uus', lastName: `Laps ${v}`, birthDate: '2020-02-02' }, arrivedOn: today() }) };
  },
  'PATCH /api/families/{id}/children/{placementId}': async (c) => {
    const f = await kovFamily(c);
    const p = await c.one<{ id: string }>(sql`select id from family_children where family_id = ${f.id}`);
    return { client: await c.as('kov_worker'), url: `/api/families/${f.id}/children/${p.id}`, table: 'family_children', id: p.id, body: (version, v) => ({ version, origin: { notes: text(v, 'Päritolu') } }) };
  },
  'POST /api/families/{id}/household-members': async (c) => {
    const f = await kovFamily(c);
    return { client: await c.as('kov_worker'), url: `/api/families/${f.id}/household-members`, table: 'families', id: f.id, body: (version, v) => ({ version, person: { firstName: 'Vanaema', lastName: `Leibkond ${v}`, birthDate: '1950-01-01' } }) };
  },
  'POST /api/families/{id}/prior-periods': async (c) => {
    const f = await kovFamily(c);
    const starts = { a: '2023-01-01', b: '2022-01-01', stale: '2021-01-01' };
    return { client: await c.as('ska_contact'), url: `/api/families/${f.id}/prior-periods`, table: 'families', id: f.id, body: (version, v) => ({ version, kind: 'needs_based', startsOn: starts[v], endsOn: starts[v].replace('01-01', '06-30'), procurement: text(v, 'Hange') }) };
  },
  'POST /api/families/{id}/agency-gaps': async (c) => {
    const f = await kovFamily(c);
    const starts = { a: '2023-07-01', b: '2022-07-01', stale: '2021-07-01' };
    return { client: await c.as('ska_contact'), url: `/api/families/${f.id}/agency-gaps`, table: 'families', id: f.id, body: (version, v) => ({ version, kind: 'needs_based', startsOn: starts[v], endsOn: starts[v].replace('07-01', '07-31'), reason: text(v, 'Hanke vahe') }) };
  },
  'PATCH /api/families/sessions/{id}': async (c) => {
    const s = await c.one<{ id: string }>(sql`select s.id from service_sessions s join organisations o on o.id = s.provider_organisation_id where o.name = 'Perekeskus Kasvulava OÜ' and s.status = 'held' order by s.held_on desc limit 1`);
    return { client: await c.as('provider_admin'), url: `/api/families/sessions/${s.id}`, table: 'service_sessions', id: s.id, body: (version, v) => ({ version, summary: text(v, 'Kokkuvõte') }) };
  },
  'POST /api/families/sessions/{id}/cancel': async (c) => {
    const s = await c.one<{ id: string }>(sql`select s.id from service_sessions s join organisations o on o.id = s.provider_organisation_id where o.name = 'Perekeskus Kasvulava OÜ' and s.status = 'held' order by s.held_on desc limit 1 offset 1`);
    return { client: await c.as('provider_admin'), url: `/api/families/sessions/${s.id}/cancel`, table: 'service_sessions', id: s.id, body: (version, v) => ({ version, reason: text(v, 'Vigane kanne') }) };
  },
  'POST /api/families/counselling-extras/{id}/decision': async (c) => {
    const r = await c.one<{ id: string; requested_sessions: number }>(sql`select id, requested_sessions from counselling_extra_requests where status = 'requested' limit 1`);
    return { client: await c.as('ska_contact'), url: `/api/families/counselling-extras/${r.id}/decision`, table: 'counselling_extra_requests', id: r.id, body: (version, v) => (v === 'b' ? { version, approved: false, reason: 'Põhjendus puudub' } : { version, approved: true, approvedSessions: 1 }) };
  },
  'PATCH /api/families/groups/{id}': async (c) => groupEdit(c),
  'POST /api/families/group-plans/{id}/submit': async (c) => {
    const p = await c.one<{ id: string }>(sql`select id from support_group_plans where status = 'draft' limit 1`);
    return { client: await c.as('provider_admin'), url: `/api/families/group-plans/${p.id}/submit`, table: 'support_group_plans', id: p.id, body: (version) => ({ version }) };
  },
  'POST /api/families/groups/{id}/cancel': async (c) => {
    const g = await c.one<{ id: string }>(sql`select g.id from support_groups g join organisations o on o.id = g.provider_organisation_id where o.name = 'Perekeskus Kasvulava OÜ' and g.status in ('planned', 'approved') and g.planned_on >= current_date order by g.planned_on desc limit 1`);
    return { client: await c.as('provider_admin'), url: `/api/families/groups/${g.id}/cancel`, table: 'support_groups', id: g.id, body: (version) => ({ version }) };
  },
  'POST /api/families/groups/{id}/decision': async (c) => {
    const g = await c.one<{ id: string }>(sql`select g.id from support_groups g join support_group_plans p on p.id = g.plan_id where g.status = 'planned' and p.status = 'submitted' order by g.planned_on limit 1`);
    return { client: await c.as('ska_contact'), url: `/api/families/groups/${g.id}/decision`, table: 'support_groups', id: g.id, body: (version, v) => (v === 'b' ? { version, decision: 'reject', reason: 'Teema ei sobi' } : { version, decision: 'approve' }) };
  },
  'POST /api/families/groups/{id}/small-group-approval': async (c) => {
    const g = await c.one<{ id: string }>(sql`select g.id from support_groups g where g.status = 'approved' and g.planned_on > current_date order by g.planned_on limit 1`);
    return { client: await c.as('ska_contact'), url: `/api/families/groups/${g.id}/small-group-approval`, table: 'support_groups', id: g.id, body: (version, v) => ({ version, approved: v !== 'b', reason: text(v, 'Saarel on vähe peresid') }) };
  },
  'PUT /api/families/groups/{id}/attendance': async (c) => {
    const g = await c.one<{ id: string; planned_on: string; planned_minutes: number }>(sql`select g.id, g.planned_on::text as planned_on, g.planned_minutes from support_groups g join organisations o on o.id = g.provider_organisation_id
      where o.name = 'Perekeskus Kasvulava OÜ' and g.status in ('approved', 'held') and g.planned_on <= current_date order by g.planned_on desc limit 1`);
    return {
      client: await c.as('provider_admin'), url: `/api/families/groups/${g.id}/attendance`, table: 'support_groups', id: g.id,
      body: (version, v) => ({ version, heldOn: g.planned_on, actualMinutes: g.planned_minutes, leaderSigned: true, participants: ['Mari', 'Jüri', 'Kati', 'Peeter', 'Liis', v].map((name) => ({ name: `${name} ${v}`, signature: 'signed' })) }),
    };
  },
  'PATCH /api/families/monthly-reports/{id}': async (c) => {
    const r = await c.one<{ id: string }>(sql`select r.id from monthly_reports r join organisations o on o.id = r.provider_organisation_id where r.status = 'draft' and o.name = 'Perekeskus Kasvulava OÜ' limit 1`);
    const client = await providerAdminOf(c, r.id);
    return { client, url: `/api/families/monthly-reports/${r.id}`, table: 'monthly_reports', id: r.id, body: (version, v) => ({ version, note: text(v, 'Märkus') }) };
  },
  'POST /api/families/monthly-reports/{id}/redraft': async (c) => {
    const r = await c.one<{ id: string }>(sql`select r.id from monthly_reports r join organisations o on o.id = r.provider_organisation_id where r.status = 'draft' and o.name = 'Perekeskus Kasvulava OÜ' limit 1`);
    const client = await providerAdminOf(c, r.id);
    return { client, url: `/api/families/monthly-reports/${r.id}/redraft`, table: 'monthly_reports', id: r.id, body: (version) => ({ version }) };
  },
  'POST /api/families/monthly-reports/{id}/submit': async (c) => {
    const r = await c.one<{ id: string }>(sql`select r.id from monthly_reports r join organisations o on o.id = r.provider_organisation_id where r.status = 'draft' and o.name = 'Tugiperede Liit MTÜ' limit 1`);
    const client = await providerAdminOf(c, r.id);
    await signEverything(c, client, r.id);
    return { client, url: `/api/families/monthly-reports/${r.id}/submit`, table: 'monthly_reports', id: r.id, body: (version) => ({ version }) };
  },
  'POST /api/families/monthly-reports/{id}/decision': async (c) => {
    const r = await c.one<{ id: string }>(sql`select id from monthly_reports where status = 'submitted' limit 1`);
    return { client: await c.as('ska_contact'), url: `/api/families/monthly-reports/${r.id}/decision`, table: 'monthly_reports', id: r.id, body: (version, v) => (v === 'b' ? { version, decision: 'return', comment: 'Paranda' } : { version, decision: 'approve' }) };
  },
  'PATCH /api/families/provider-reports/{id}': async (c) => {
    const r = await providerReport(c);
    return { client: await c.as('provider_admin'), url: `/api/families/provider-reports/${r.id}`, table: 'provider_reports', id: r.id, body: (version, v) => ({ version, overview: text(v, 'Ülevaade') }) };
  },
  'POST /api/families/provider-reports/{id}/submit': async (c) => {
    const r = await providerReport(c);
    const admin = await c.as('provider_admin');
    const texts = await admin.patch(`/api/families/provider-reports/${r.id}`, { version: r.version, overview: 'Ülevaade tegevustest', assessment: 'Hinnang elluviimisele' });
    if (texts.statusCode !== 200) throw new Error(`report texts: ${texts.statusCode} ${texts.body}`);
    return { client: admin, url: `/api/families/provider-reports/${r.id}/submit`, table: 'provider_reports', id: r.id, body: (version) => ({ version }) };
  },
  // ---- trainings (module C)
  'PATCH /api/trainings/groups/{id}': async (c) => {
    const manager = await c.as('ska_manager');
    const g = await c.one<{ id: string }>(sql`select id from training_groups where status = 'scheduled' and starts_on > current_date order by starts_on desc limit 1`);
    const detail = (await manager.get(`/api/trainings/groups/${g.id}`)).json();
    return {
      client: manager, url: `/api/trainings/groups/${g.id}`, table: 'training_groups', id: g.id,
      body: (version, v) => ({ version, city: detail.city, venue: text(v, 'Saal'), sessions: detail.sessions.map((s: any) => ({ day: s.day, startsAt: s.startsAt, endsAt: s.endsAt })), capacityMin: detail.capacityMin, capacityMax: detail.capacityMax, trainerId: detail.trainerId ?? detail.trainer?.id ?? null, registrationClosesOn: detail.registrationClosesOn }),
    };
  },
  'POST /api/trainings/groups/{id}/cancel': async (c) => {
    const g = await c.one<{ id: string }>(sql`select id from training_groups where status = 'scheduled' and starts_on > current_date order by starts_on desc limit 1 offset 1`);
    return { client: await c.as('ska_manager'), url: `/api/trainings/groups/${g.id}/cancel`, table: 'training_groups', id: g.id, body: (version, v) => ({ version, reason: text(v, 'Koolitaja haige') }) };
  },
  'POST /api/trainings/groups/{id}/merge': async (c) => {
    const pair = await c.one<{ a: string; b: string }>(sql`select g1.id as a, g2.id as b from training_groups g1 join training_groups g2 on g2.training_id = g1.training_id and g2.id <> g1.id
      where g1.status = 'scheduled' and g2.status = 'scheduled' and g1.starts_on > current_date and g2.starts_on > current_date order by g1.starts_on limit 1`);
    return { client: await c.as('ska_manager'), url: `/api/trainings/groups/${pair.a}/merge`, table: 'training_groups', id: pair.a, body: (version) => ({ version, intoGroupId: pair.b }) };
  },
  'POST /api/trainings/registrations/{id}/cancel': async (c) => {
    const r = await c.one<{ id: string }>(sql`select r.id from training_registrations r join training_groups g on g.id = r.group_id where r.status = 'confirmed' and g.starts_on > current_date order by g.starts_on desc limit 1`);
    return { client: await c.as('ska_manager'), url: `/api/trainings/registrations/${r.id}/cancel`, table: 'training_registrations', id: r.id, body: (version, v) => ({ version, reason: text(v, 'Haigus') }) };
  },
  'PATCH /api/trainings/{id}': async (c) => {
    const manager = await c.as('ska_manager');
    const k = await c.one<{ id: string }>(sql`select id from trainings where status = 'published' order by reference limit 1`);
    const d = (await manager.get(`/api/trainings/${k.id}`)).json();
    return {
      client: manager, url: `/api/trainings/${k.id}`, table: 'trainings', id: k.id,
      body: (version, v) => ({ version, title: d.title, curriculum: text(v, 'Õppekava'), topics: d.topics, targetGroup: d.targetGroup, eligibleOrganisationIds: d.eligibleOrganisationIds ?? undefined, academicHours: d.academicHours, days: d.days, form: d.form, providerId: d.providerId ?? d.provider?.id, windowStart: d.windowStart, windowEnd: d.windowEnd, status: d.status }),
    };
  },
  // ---- mediation (module E)
  'PATCH /api/mediation/proceedings/{id}/parties/{partyId}': async (c) => {
    const p = await c.one<{ id: string; proceeding_id: string }>(sql`select p.id, p.proceeding_id from mediation_parties p join mediation_proceedings m on m.id = p.proceeding_id where m.status = 'in_mediation' order by p.position limit 1`);
    return { client: await c.as('ska_contact'), url: `/api/mediation/proceedings/${p.proceeding_id}/parties/${p.id}`, table: 'mediation_parties', id: p.id, body: (version, v) => ({ version, address: text(v, 'Tartu, Rüütli 1') }) };
  },
  'POST /api/mediation/proceedings/{id}/assign': async (c) => {
    const p = await c.one<{ id: string }>(sql`select id from mediation_proceedings where status = 'referred' limit 1`);
    const mediators = (await sql<{ user_id: string }>`select user_id from mediators order by user_id`.execute(c.t.database.db)).rows.map((r) => r.user_id);
    const pick = { a: mediators[0], b: mediators[1] ?? mediators[0], stale: mediators[0] };
    return { client: await c.as('ska_contact'), url: `/api/mediation/proceedings/${p.id}/assign`, table: 'mediation_proceedings', id: p.id, body: (version, v) => ({ version, mediatorId: pick[v] }) };
  },
  'POST /api/mediation/bookings/{id}/reschedule': async (c) => {
    const b = await c.one<{ id: string; proceeding_id: string }>(sql`select b.id, b.proceeding_id from mediation_bookings b join users u on u.id = b.mediator_id where u.email = 'perelepitaja@tugi.demo' and b.status = 'booked' and b.starts_at > now() order by b.starts_at limit 1`);
    const mediator = await c.as('mediator');
    const slots = (await mediator.get(`/api/mediation/proceedings/${b.proceeding_id}/slots`)).json();
    const list = (slots.items ?? slots.slots ?? slots) as { startsAt: string }[];
    const pick = { a: list[2]!.startsAt, b: list[4]!.startsAt, stale: list[6]!.startsAt };
    return { client: mediator, url: `/api/mediation/bookings/${b.id}/reschedule`, table: 'mediation_bookings', id: b.id, body: (version, v) => ({ version, startsAt: pick[v] }) };
  },
  'POST /api/mediation/bookings/{id}/cancel': async (c) => {
    const b = await c.one<{ id: string }>(sql`select b.id from mediation_bookings b join users u on u.id = b.mediator_id where u.email = 'perelepitaja@tugi.demo' and b.status = 'booked' and b.starts_at > now() order by b.starts_at desc limit 1`);
    return { client: await c.as('mediator'), url: `/api/mediation/bookings/${b.id}/cancel`, table: 'mediation_bookings', id: b.id, body: (version, v) => ({ version, reason: text(v, 'Haigus') }) };
  },
  'POST /api/mediation/bookings/{id}/outcome': async (c) => {
    // A booked session moved to yesterday (the API books only future slots): its outcome can now be recorded.
    const b = await c.one<{ id: string; email: string }>(sql`select b.id, u.email from mediation_bookings b join users u on u.id = b.mediator_id where b.status = 'booked' order by b.starts_at limit 1`);
    await sql`update mediation_bookings set starts_at = starts_at - interval '8 days', ends_at = ends_at - interval '8 days', blocked_until = blocked_until - interval '8 days' where id = ${b.id}`.execute(c.t.database.db);
    return { client: b.email === 'perelepitaja@tugi.demo' ? await c.as('mediator') : await c.t.login(b.email), url: `/api/mediation/bookings/${b.id}/outcome`, table: 'mediation_bookings', id: b.id, body: (version, v) => ({ version, outcome: v === 'a' ? 'no_show' : 'held' }) };
  },
  'POST /api/mediation/proceedings/{id}/end': async (c) => {
    const p = await c.one<{ id: string }>(sql`select id from mediation_proceedings where status = 'in_mediation' order by reference limit 1`);
    return { client: await c.as('ska_contact'), url: `/api/mediation/proceedings/${p.id}/end`, table: 'mediation_proceedings', id: p.id, body: (version, v) => ({ version, reason: text(v, 'Pooled ei jõudnud kokkuleppele') }) };
  },
  // ---- programme and grants (module D)
  'PATCH /api/programme/subactivities/{id}': async (c) => {
    const s = await c.one<{ id: string }>(sql`select id from programme_subactivities where status = 'in_progress' order by number limit 1`);
    const progress = { a: 60, b: 70, stale: 10 };
    return { client: await c.as('ministry_officer'), url: `/api/programme/subactivities/${s.id}`, table: 'programme_subactivities', id: s.id, body: (version, v) => ({ version, progress: progress[v], note: text(v, 'Seis') }) };
  },
  'PUT /api/grants/rounds/{id}': async (c) => {
    const ministry = await c.as('ministry_officer');
    const r = await c.one<{ id: string }>(sql`select id from grant_rounds order by reference desc limit 1`);
    const d = (await ministry.get(`/api/grants/rounds/${r.id}`)).json();
    const round = d.round ?? d;
    return {
      client: ministry, url: `/api/grants/rounds/${r.id}`, table: 'grant_rounds', id: r.id,
      body: (version, v) => ({ version, title: round.title, budgetCents: round.budgetCents, announcedOn: round.announcedOn, opensOn: round.opensOn, closesOn: round.closesOn, maxPerApplicationCents: round.maxPerApplicationCents, placesPerCategory: round.placesPerCategory ?? undefined, notes: text(v, 'Märkus') }),
    };
  },
  'PUT /api/grants/applications/{id}': async (c) => {
    const { id: a, client: kov } = await grantDraft(c);
    const d = (await kov.get(`/api/grants/applications/${a}`)).json();
    return {
      client: kov, url: `/api/grants/applications/${a}`, table: 'grant_applications', id: a,
      body: (version, v) => ({ version, contactName: d.contactName ?? 'Liis Lepik', contactEmail: d.contactEmail ?? 'kov@tugi.demo', summary: text(v, 'Kokkuvõte'), explanation: d.explanation ?? 'Selgitus', sustainability: d.sustainability ?? 'Jätkusuutlikkus', activity: d.activity ?? undefined, plannedStart: d.plannedStart ?? null, lines: (d.lines ?? []).map((l: any) => ({ costType: l.costType, projectYear: l.projectYear, description: l.description ?? undefined, ftePercent: l.ftePercent ?? null, months: l.months ?? null, grossMonthlyCents: l.grossMonthlyCents ?? null, employerMonthlyCents: l.employerMonthlyCents ?? null, amountCents: l.amountCents ?? null })) }),
    };
  },
  'POST /api/grants/applications/{id}/submit': async (c) => {
    const { id, client } = await grantDraft(c);
    const a = { id };
    // Complete the draft as a KOV does: budget, evidence, the signed application (D-GRANT-2).
    const current = (await client.get(`/api/grants/applications/${id}`)).json();
    const put = await client.put(`/api/grants/applications/${id}`, draftBody(current.version));
    if (put.statusCode !== 200) throw new Error(`draft: ${put.statusCode} ${put.body}`);
    const upload = (url: string, body: Buffer) => client.request({ method: 'POST', url, payload: body, headers: { 'content-type': 'application/octet-stream' } });
    const conditions = (await sql<{ condition_key: string }>`select distinct condition_key from grant_application_files where condition_key is not null and application_id in (select id from grant_applications where status = 'eligible')`.execute(c.t.database.db)).rows;
    for (const k of conditions) await upload(`/api/grants/applications/${id}/files?kind=evidence&condition=${k.condition_key}&filename=kiri.pdf`, Buffer.from('%PDF kiri'));
    const signed = await upload(`/api/grants/applications/${id}/files?kind=signed_application&filename=taotlus.asice`, signedApplication());
    if (signed.statusCode !== 201) throw new Error(`signed application: ${signed.statusCode} ${signed.body}`);
    return { client, url: `/api/grants/applications/${a.id}/submit`, table: 'grant_applications', id: a.id, body: (version) => ({ version }) };
  },
  'POST /api/grants/applications/{id}/eligibility': async (c) => {
    const a = await c.one<{ id: string }>(sql`select id from grant_applications where status = 'in_review' order by reference limit 1`);
    const ministry = await c.as('ministry_officer');
    const checks = (await sql<{ condition_key: string }>`select distinct condition_key from grant_application_checks where application_id in (select id from grant_applications where status = 'eligible')`.execute(c.t.database.db)).rows;
    for (const k of checks) await ministry.put(`/api/grants/applications/${a.id}/checks/${k.condition_key}`, { met: true });
    return { client: ministry, url: `/api/grants/applications/${a.id}/eligibility`, table: 'grant_applications', id: a.id, body: (version, v) => (v === 'b' ? { version, eligible: false, reason: 'Tingimus ei ole täidetud' } : { version, eligible: true }) };
  },
  'POST /api/grants/applications/{id}/decision': async (c) => {
    const a = await c.one<{ id: string; requested_cents: number }>(sql`select id, requested_cents from grant_applications where status = 'eligible' order by reference limit 1`);
    return { client: await c.as('ministry_officer'), url: `/api/grants/applications/${a.id}/decision`, table: 'grant_applications', id: a.id, body: (version, v) => (v === 'b' ? { version, outcome: 'not_funded', reason: 'Raha ei jätku' } : { version, outcome: 'granted', reason: text(v, 'Vastab tingimustele'), grantedCents: a.requested_cents }) };
  },
  'POST /api/grants/applications/{id}/contract': async (c) => {
    const a = await c.one<{ id: string; requested_cents: number; version: number }>(sql`select id, requested_cents, version from grant_applications where status = 'eligible' order by reference desc limit 1`);
    const ministry = await c.as('ministry_officer');
    // Granted in the data (the decision scenario above has used the round's budget up to this place in the ranking).
    await sql`update grant_applications set status = 'granted', granted_cents = requested_cents, decided_on = ${today()}, decision_reason = 'Vastab tingimustele', version = version + 1 where id = ${a.id}`.execute(c.t.database.db);
    return { client: ministry, url: `/api/grants/applications/${a.id}/contract`, table: 'grant_applications', id: a.id, body: (version) => ({ version }) };
  },
};

async function groupEdit(c: Ctx): Promise<Target> {
  const g = await c.one<any>(sql`select g.id, g.planned_on::text as planned_on, g.starts_at::text as starts_at, g.planned_minutes, g.online, g.place, g.municipality_id, g.topic, g.leader_name, g.leader_specialist_id, g.family_type, g.public_info
    from support_groups g join organisations o on o.id = g.provider_organisation_id join support_group_plans p on p.id = g.plan_id
    where o.name = 'Perekeskus Kasvulava OÜ' and g.status = 'planned' and p.status = 'draft' order by g.planned_on limit 1`);
  return {
    client: await c.as('provider_admin'), url: `/api/families/groups/${g.id}`, table: 'support_groups', id: g.id,
    body: (version, v) => ({ version, plannedOn: g.planned_on, startsAt: g.starts_at.slice(0, 5), plannedMinutes: g.planned_minutes, online: g.online, place: g.place, municipalityId: g.municipality_id, topic: text(v, 'Teema'), leaderName: g.leader_name, leaderSpecialistId: g.leader_specialist_id, familyType: g.family_type, publicInfo: g.public_info }),
  };
}

async function providerAdminOf(c: Ctx, reportId: string): Promise<TestClient> {
  const org = await c.one<{ name: string }>(sql`select o.name from monthly_reports r join organisations o on o.id = r.provider_organisation_id where r.id = ${reportId}`);
  if (org.name === 'Perekeskus Kasvulava OÜ') return c.as('provider_admin');
  return c.t.login('liit.juht@tugi.demo');
}

async function kovWorkerOf(c: Ctx, kov: string): Promise<TestClient> {
  if (kov === 'Tartu linn') return c.as('kov_worker');
  return (await c.user('kov_worker', kov)).client;
}

async function providerReport(c: Ctx) {
  const admin = await c.as('provider_admin');
  const contract = await c.one<{ id: string }>(sql`select k.id from provider_contracts k join organisations o on o.id = k.provider_organisation_id where o.name = 'Perekeskus Kasvulava OÜ' limit 1`);
  const periodEnd = [`${Number(today().slice(0, 4)) - 1}-05-31`, `${Number(today().slice(0, 4)) - 1}-12-31`][c.n++ % 2]!;
  const r = await admin.post('/api/families/provider-reports', { contractId: contract.id, kind: 'monitoring', periodEnd });
  if (r.statusCode !== 201) throw new Error(`provider report: ${r.statusCode} ${r.body}`);
  return r.json() as { id: string; version: number };
}

async function grantDraft(c: Ctx): Promise<{ id: string; client: TestClient }> {
  const a = await c.one<{ id: string; kov: string }>(sql`select a.id, o.name as kov from grant_applications a join organisations o on o.id = a.kov_organisation_id where a.status = 'draft' order by a.reference limit 1`);
  return { id: a.id, client: await kovWorkerOf(c, a.kov) };
}

/** B-REP-1: every signature the report still lacks, confirmed in the app (as the seed's earlier months are). */
async function signEverything(c: Ctx, client: TestClient, reportId: string) {
  const r = await client.post(`/api/families/monthly-reports/${reportId}/submit`, { version: (await c.one<{ version: number }>(sql`select version from monthly_reports where id = ${reportId}`)).version });
  if (r.statusCode !== 409) return;
  const missing = (r.json().error.details?.missing ?? []) as { signer: string; specialistId: string | null; familyId: string | null }[];
  const report = await c.one<{ revision: number; provider_organisation_id: string }>(sql`select revision, provider_organisation_id from monthly_reports where id = ${reportId}`);
  const signer = await c.one<{ id: string }>(sql`select id from users where organisation_id = ${report.provider_organisation_id} order by created_at limit 1`);
  for (const m of missing) {
    await sql`insert into monthly_report_signatures (report_id, revision, signer, specialist_id, family_id, method, confirmed_by, confirmed_at)
      values (${reportId}, ${report.revision}, ${m.signer}, ${m.specialistId}, ${m.familyId}, 'in_app', ${signer.id}, now())`.execute(c.t.database.db);
  }
}
