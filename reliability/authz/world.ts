import { sql } from 'kysely';
import type { Role } from '../../server/src/platform/db/schema.js';
import { ROLES } from '../../server/src/platform/db/schema.js';
import { addCalendarDays, addMonths, todayInTallinn } from '../../server/src/platform/calendar/working-days.js';
import { notify } from '../../server/src/platform/notify/notifications.js';
import { personalCodeCheckDigit } from '../../server/src/modules/people/personal-code.js';
import { expectedReports } from '../../server/src/modules/families/reporting/provider-report-rules.js';
import { encryptionKeyFrom } from '../../server/src/platform/crypto/keys.js';
import { seedDemoCases } from '../../server/src/seed/demo-cases.js';
import { seedDemoFamilies } from '../../server/src/seed/demo-families.js';
import { seedDemoFamilyServices } from '../../server/src/seed/demo-family-services.js';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../../server/src/seed/demo.js';
import type { TestApp } from '../../server/test/harness.js';
import type { TestClient } from '../../server/test/client.js';

/**
 * The twin world of the authorisation matrix (issue 10): the whole demo
 * installation (`npm start`'s data: cases, families, services, trainings,
 * mediation, programme, grants) plus, for every kind of record a route
 * parameter can name, an OWN record (one the matrix's principal of a role is
 * related to) and a FOREIGN one (another KOV's, another provider's, another
 * client's, another trainer's or mediator's). Records with strings the leak
 * scan looks for (names, personal codes, adoption-secret origin data) are made
 * through the API by the users who would make them. Small functions, each
 * returning ids, so other suites can build only what they need.
 */

/** One login per role: the demo logins. */
export const PRINCIPAL_EMAILS: Record<Role, string> = Object.fromEntries(DEMO_LOGINS.map((l) => [l.role, l.email])) as Record<Role, string>;

export const OWN_PROVIDER = 'Perekeskus Kasvulava OÜ';
export const FOREIGN_PROVIDER = 'Tugiperede Liit MTÜ';
export const OWN_KOV = 'Tartu linn';
/** Another region as well (Ida-Viru, not the demo chief specialist's). */
export const FOREIGN_KOV = 'Narva linn';
const PASSWORD = 'Peegel-Kaksik-2026!';

export type Params = Record<string, string>;

/** A kind of record: the params of the own and the foreign record, per role where they differ, and the strings that identify the foreign one. */
export interface KindRecords {
  own: Params;
  foreign: Params;
  ownBy?: Partial<Record<Role, Params>>;
  foreignBy?: Partial<Record<Role, Params>>;
  /** Names, personal codes and person ids of the default foreign record (the leak scan's strings, beside its ids). */
  secrets?: string[];
}

export interface World {
  t: TestApp;
  today: string;
  clients: Map<Role | 'anonymous', TestClient>;
  records: Record<string, KindRecords>;
  /** Adoption-secret origin strings of the own secret family (visible only to the SKA contact and the family's provider). */
  originSecrets: string[];
  ids: Record<string, string>;
}

const code = (firstTen: string) => `${firstTen}${personalCodeCheckDigit(firstTen)}`;
let serial = 0;
/** A unique, valid personal code (born in the 1980s or 2010s). */
export function uniqueCode(kind: 'adult' | 'child', sexDigit?: number): string {
  serial += 1;
  const s = String(100 + (Math.floor(Math.random() * 800) + serial) % 899).padStart(3, '0');
  const day = String(10 + (serial % 18)).padStart(2, '0');
  return kind === 'adult' ? code(`${sexDigit ?? 4}8${String(1 + (serial % 9))}07${day}${s}`) : code(`${sexDigit ?? 6}1${String(1 + (serial % 8))}05${day}${s}`);
}

async function expectStatus(response: Promise<{ statusCode: number; body: string; json(): any }>, status: number, what: string): Promise<any> {
  const r = await response;
  if (r.statusCode !== status) throw new Error(`world: ${what} answered ${r.statusCode}, expected ${status}: ${r.body.slice(0, 400)}`);
  return r.body ? r.json() : null;
}

/** One value of a query that must find one. */
async function one(t: TestApp, what: string, query: ReturnType<typeof sql>): Promise<string> {
  const { rows } = await (query as any).execute(t.database.db);
  const value = rows[0] ? (Object.values(rows[0])[0] as string | null) : null;
  if (!value) throw new Error(`world: no ${what} in the demo data`);
  return String(value);
}
async function maybe(t: TestApp, query: ReturnType<typeof sql>): Promise<string | null> {
  const { rows } = await (query as any).execute(t.database.db);
  return rows[0] ? (Object.values(rows[0])[0] as string | null) : null;
}

export const orgIdOf = (t: TestApp, name: string) => one(t, `organisation ${name}`, sql`select id from organisations where name = ${name}`);
export const userIdOf = (t: TestApp, email: string) => one(t, `user ${email}`, sql`select id from users where email = ${email}`);

/** The demo installation's module A and B data (createTestApp loads the rest). */
export async function loadFullDemo(t: TestApp): Promise<void> {
  const key = encryptionKeyFrom(t.config);
  await seedDemoCases(t.database.db);
  await seedDemoFamilies(t.database.db, key);
  await seedDemoFamilyServices(t.database.db, key);
}

/** A user made by the administrator through the API, with a password; returns the id. */
export async function createUser(t: TestApp, admin: TestClient, o: { email: string; name: string; role: Role; organisation: string }): Promise<string> {
  const created = await expectStatus(admin.post('/api/admin/users', { email: o.email, name: o.name, role: o.role, organisationId: await orgIdOf(t, o.organisation), password: PASSWORD }), 201, `creating ${o.email}`);
  return created.id;
}

export const loginTwin = (t: TestApp, email: string) => t.login(email, PASSWORD);

/** A self-service client for a person (as the mediation fixtures do: an account bound to the person, the demo password). */
export async function createClientUser(t: TestApp, personId: string, email: string): Promise<string> {
  const kati = await t.database.db.selectFrom('users').select(['organisation_id', 'password_hash']).where('email', '=', 'lapsevanem@tugi.demo').executeTakeFirstOrThrow();
  const row = await t.database.db
    .insertInto('users')
    .values({ email, name: email, role: 'client', organisation_id: kati.organisation_id, person_id: personId, password_hash: kati.password_hash })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** An organisation made by the administrator; returns the id. */
export async function createOrganisation(admin: TestClient, name: string): Promise<string> {
  return (await expectStatus(admin.post('/api/admin/organisations', { name, kind: 'provider' }), 201, `creating organisation ${name}`)).id;
}

/** A consultation case filed by a KOV worker, with an uploaded attachment. */
export async function createCase(kov: TestClient, child: { firstName: string; lastName: string; personalCode: string }) {
  const created = await expectStatus(kov.post('/api/cases', { type: 'domestic', child: { ...child, birthDate: undefined }, question: 'Kuidas last toetada?' }), 201, 'filing a case');
  const document = await expectStatus(
    kov.request({ method: 'POST', url: `/api/cases/${created.id}/documents?filename=${encodeURIComponent('märkus.txt')}`, payload: Buffer.from('Kooli iseloomustus\n'), headers: { 'content-type': 'application/octet-stream' } }),
    201,
    'uploading a case document',
  );
  return { id: created.id as string, documentId: document.id as string, childPersonId: created.child.id as string };
}

export interface FamilyIds {
  id: string;
  placementId: string;
  referralId: string;
  episodeId: string;
  parentPersonId: string;
  childPersonId: string;
}

/**
 * A family registered by a KOV worker, referred, forwarded by SKA to a provider
 * and served by one of its specialists; optionally adoptive with secrecy and origin data.
 */
export async function createServedFamily(
  t: TestApp,
  o: { kov: TestClient; ska: TestClient; providerAdmin: TestClient; provider: string; specialistEmail: string; parent: { firstName: string; lastName: string; personalCode: string }; child: { firstName: string; lastName: string; personalCode: string }; origin?: Record<string, string> },
): Promise<FamilyIds> {
  const today = todayInTallinn(new Date());
  const adoptive = o.origin ? { type: 'lapsendaja', adoptionSecrecy: true, kovInvolvementConsent: true } : { type: 'hooldus' };
  const family = await expectStatus(
    o.kov.post('/api/families', { ...adoptive, parents: [{ person: o.parent }], children: [{ person: o.child, arrivedOn: addMonths(today, -3), ...(o.origin ? { origin: o.origin } : {}) }] }),
    201,
    'registering a family',
  );
  const providerId = await orgIdOf(t, o.provider);
  const childPersonId = family.children[0].personId as string;
  const referral = await expectStatus(o.kov.post('/api/families/referrals', { familyId: family.id, kind: 'adaptation', childPersonId, preferredProviderId: providerId }), 201, 'referring the family');
  const forwarded = await expectStatus(
    o.ska.post(`/api/families/referrals/${referral.id}/forward`, { version: referral.version, providerId, checks: { targetGroup: true, earlierService: true, justificationAndGoals: true } }),
    200,
    'forwarding the referral',
  );
  const specialistId = await one(t, `specialist ${o.specialistEmail}`, sql`select s.id from provider_specialists s join users u on u.id = s.user_id where u.email = ${o.specialistEmail}`);
  const episode = await expectStatus(o.providerAdmin.post(`/api/families/referrals/${referral.id}/episode`, { version: forwarded.version, specialistId, startsOn: today }), 201, 'starting the episode');
  return {
    id: family.id,
    placementId: await one(t, 'placement', sql`select id from family_children where family_id = ${family.id} limit 1`),
    referralId: referral.id,
    episodeId: episode.id,
    parentPersonId: family.parents[0].personId ?? family.parents[0].person?.id,
    childPersonId,
  };
}

/** A mediation proceeding registered by SKA for two parents and a child; returns ids. */
export async function createProceeding(t: TestApp, ska: TestClient, o: { mother: { firstName: string; lastName: string; personalCode: string }; father: { firstName: string; lastName: string; personalCode: string }; child: { firstName: string; lastName: string; personalCode: string } }) {
  const kov = await orgIdOf(t, OWN_KOV);
  const created = await expectStatus(
    ska.post('/api/mediation/proceedings', {
      referredBy: 'kov',
      referrerName: OWN_KOV,
      referredOn: '2026-02-02',
      topics: ['contact'],
      description: 'Suhtluskord',
      language: 'et',
      parents: [
        { person: o.mother, kovOrganisationId: kov, email: 'ema@example.ee', consented: true },
        { person: o.father, kovOrganisationId: kov, email: 'isa@example.ee', consented: true },
      ],
      children: [o.child],
    }),
    201,
    'registering a proceeding',
  );
  const { rows } = await sql<{ id: string; role: string; person_id: string }>`select id, role, person_id from mediation_parties where proceeding_id = ${created.id} order by role, created_at`.execute(t.database.db);
  return { id: created.id as string, parties: rows };
}

/** Builds the world on a fresh test app: demo data, twins, own and foreign records of every kind, and a logged-in client per principal. */
export async function buildWorld(t: TestApp): Promise<World> {
  const today = todayInTallinn(new Date());
  await loadFullDemo(t);
  const db = t.database.db;
  const admin = await t.login(PRINCIPAL_EMAILS.admin);
  const ska = await t.login(PRINCIPAL_EMAILS.ska_contact);
  const kov = await t.login(PRINCIPAL_EMAILS.kov_worker);
  const providerAdmin = await t.login(PRINCIPAL_EMAILS.provider_admin);
  const ids: Record<string, string> = {};
  const id = (name: string, value: string) => (ids[name] = value);

  // Twins: another KOV's worker (another region too), another provider's project manager.
  id('kovB', await createUser(t, admin, { email: 'authz.kov.b@tugi.demo', name: 'Võõra Valla Töötaja', role: 'kov_worker', organisation: FOREIGN_KOV }));
  const kovB = await loginTwin(t, 'authz.kov.b@tugi.demo');
  const providerAdminB = await t.login('liit.juht@tugi.demo');

  // Module A: a case of the own KOV (the demo chief specialist's region) and one of the foreign KOV.
  const caseA = await createCase(kov, { firstName: 'Omaõie', lastName: 'Kasekoor', personalCode: uniqueCode('child', 6) });
  const caseBChild = { firstName: 'Võõrvaldo', lastName: 'Zirkelmann', personalCode: uniqueCode('child', 5) };
  const caseB = await createCase(kovB, caseBChild);
  const mari = await userIdOf(t, PRINCIPAL_EMAILS.ska_specialist);
  const rvCase = await one(t, 'a case of the RV team', sql`select id from cases where type = 'rv' and assigned_specialist_id <> ${mari} order by received_on desc limit 1`);
  const rvTeam = await t.login('rv@tugi.demo');
  const rvDocument = (await expectStatus(rvTeam.request({ method: 'POST', url: `/api/cases/${rvCase}/documents?filename=rv.txt`, payload: Buffer.from('RV märkus\n'), headers: { 'content-type': 'application/octet-stream' } }), 201, 'an RV case document')).id as string;

  // Module B: the own family is adoptive with secrecy (Tartu, Kasvulava, Maret Mänd); the foreign one is Narva's, served by Tugiperede Liit.
  const origin = { birthName: 'Salasünninimi Authzberg', birthParents: 'Sünnivanemad Qwertyson ja Zxcvbova', previousPlacement: 'Varjupaik Ülisalajane', notes: 'Päritolu märkus Xylofonik' };
  const familyA = await createServedFamily(t, {
    kov,
    ska,
    providerAdmin,
    provider: OWN_PROVIDER,
    specialistEmail: PRINCIPAL_EMAILS.provider_specialist,
    parent: { firstName: 'Omavanem', lastName: 'Lapsendajasson', personalCode: uniqueCode('adult', 4) },
    child: { firstName: 'Omalaps', lastName: 'Lapsendajasson', personalCode: uniqueCode('child', 6) },
    origin,
  });
  const familyBParent = { firstName: 'Võõrvanem', lastName: 'Quintessenko', personalCode: uniqueCode('adult', 3) };
  const familyBChild = { firstName: 'Võõrlaps', lastName: 'Quintessenko', personalCode: uniqueCode('child', 5) };
  const familyB = await createServedFamily(t, { kov: kovB, ska, providerAdmin: providerAdminB, provider: FOREIGN_PROVIDER, specialistEmail: 'olev.org@tugi.demo', parent: familyBParent, child: familyBChild });

  // Episodes with goals and KOV reports come from the demo data (Tartu, Kasvulava, Maret Mänd / another KOV, Tugiperede Liit).
  const episodeWith = async (what: string, provider: string, specialist: string | null, ownKov: boolean) =>
    one(
      t,
      what,
      sql`select e.id from family_episodes e join families f on f.id = e.family_id join provider_specialists s on s.id = e.specialist_id join users u on u.id = s.user_id
          where e.provider_organisation_id = (select id from organisations where name = ${provider})
            and (${specialist}::text is null or u.email = ${specialist})
            and (f.kov_organisation_id = (select id from organisations where name = ${OWN_KOV})) = ${ownKov}
            and not exists (select 1 from family_referrals r where r.family_id = f.id and r.kov_organisation_id = (select id from organisations where name = ${OWN_KOV})) = ${ownKov === false}
            and (f.type <> 'lapsendaja' or f.kov_involvement_consent)
            and exists (select 1 from support_plan_goals g where g.episode_id = e.id) and exists (select 1 from kov_reports k where k.episode_id = e.id)
          order by e.created_at limit 1`,
    );
  const episodeA = await maybe(
    t,
    sql`select e.id from family_episodes e join families f on f.id = e.family_id join provider_specialists s on s.id = e.specialist_id join users u on u.id = s.user_id
        where u.email = ${PRINCIPAL_EMAILS.provider_specialist} and f.kov_organisation_id = (select id from organisations where name = ${OWN_KOV})
          and (f.type <> 'lapsendaja' or f.kov_involvement_consent)
          and exists (select 1 from support_plan_goals g where g.episode_id = e.id) and exists (select 1 from kov_reports k where k.episode_id = e.id) order by e.created_at limit 1`,
  ) ?? (await episodeWith('own episode', OWN_PROVIDER, null, true));
  const episodeB = await episodeWith('foreign episode', FOREIGN_PROVIDER, null, false);
  const episodeParams = async (episodeId: string) => ({
    id: episodeId,
    goalId: await one(t, 'goal', sql`select id from support_plan_goals where episode_id = ${episodeId} order by created_at limit 1`),
    reportId: await one(t, 'KOV report', sql`select id from kov_reports where episode_id = ${episodeId} order by created_at limit 1`),
    document: 'support_plan',
  });

  // Specialists and their documents (uploaded by each provider's project manager).
  const specialistA = await one(t, 'own specialist', sql`select s.id from provider_specialists s join users u on u.id = s.user_id where u.email = ${PRINCIPAL_EMAILS.provider_specialist}`);
  const specialistB = await one(t, 'foreign specialist', sql`select s.id from provider_specialists s join users u on u.id = s.user_id where u.email = 'olev.org@tugi.demo'`);
  const uploadSpecialistDocument = async (client: TestClient, specialistId: string) =>
    (await expectStatus(client.request({ method: 'POST', url: `/api/families/specialists/${specialistId}/documents?filename=diplom.pdf&title=Diplom`, payload: Buffer.from('%PDF-1.4 diplom'), headers: { 'content-type': 'application/octet-stream' } }), 201, 'uploading a specialist document')).id as string;
  const specialistDocA = await uploadSpecialistDocument(providerAdmin, specialistA);
  const specialistDocB = await uploadSpecialistDocument(providerAdminB, specialistB);

  const provider = (name: string) => sql`(select id from organisations where name = ${name})`;
  const contractA = await one(t, 'own contract', sql`select id from provider_contracts where provider_organisation_id = ${provider(OWN_PROVIDER)} limit 1`);
  const contractB = await one(t, 'foreign contract', sql`select id from provider_contracts where provider_organisation_id = ${provider(FOREIGN_PROVIDER)} limit 1`);

  const sessionA = await one(t, 'own session', sql`select ss.id from service_sessions ss join provider_specialists s on s.id = ss.specialist_id where s.id = ${specialistA} order by ss.held_on limit 1`);
  const sessionB = await one(t, 'another specialist’s session', sql`select ss.id from service_sessions ss where ss.specialist_id <> ${specialistA} order by ss.held_on limit 1`);
  // The demo data has no session or extra-counselling request of Tugiperede Liit: one of each is copied from Kasvulava's onto the foreign family (a shortcut through SQL: Liit has no psychologist to record one).
  await sql`insert into service_sessions (service, family_id, episode_id, provider_organisation_id, specialist_id, held_on, minutes, mode, remote_agreed_on, participants, summary, status, created_by)
            select service, ${familyB.id}, null, ${provider(FOREIGN_PROVIDER)}, ${specialistB}, held_on, minutes, mode, remote_agreed_on, participants, summary, status, created_by from service_sessions where id = ${sessionA}`.execute(db);
  const sessionForeignProvider = await maybe(t, sql`select id from service_sessions where provider_organisation_id = ${provider(FOREIGN_PROVIDER)} limit 1`);
  const extraA = await one(t, 'own counselling extra', sql`select id from counselling_extra_requests where provider_organisation_id = ${provider(OWN_PROVIDER)} limit 1`);
  await sql`insert into counselling_extra_requests (family_id, provider_organisation_id, year, requested_sessions, justification, status, approved_sessions, decision_reason, requested_by, requested_on, decided_by, decided_on)
            select ${familyB.id}, ${provider(FOREIGN_PROVIDER)}, year, requested_sessions, justification, status, approved_sessions, decision_reason, requested_by, requested_on, decided_by, decided_on from counselling_extra_requests where id = ${extraA}`.execute(db);
  const extraB = await maybe(t, sql`select id from counselling_extra_requests where provider_organisation_id = ${provider(FOREIGN_PROVIDER)} limit 1`);

  const planA = await one(t, 'own submitted plan', sql`select id from support_group_plans where provider_organisation_id = ${provider(OWN_PROVIDER)} and status = 'submitted' order by month desc limit 1`);
  const planB = await one(t, 'foreign submitted plan', sql`select id from support_group_plans where provider_organisation_id = ${provider(FOREIGN_PROVIDER)} and status = 'submitted' order by month desc limit 1`);
  const planDraft = await one(t, 'draft plan', sql`select id from support_group_plans where status = 'draft' limit 1`);
  // The demo family supporter leads no group: she becomes a group leader and takes over one of Kasvulava's groups in a submitted plan.
  const groupA = await one(t, 'own group', sql`select g.id from support_groups g join support_group_plans p on p.id = g.plan_id where g.provider_organisation_id = ${provider(OWN_PROVIDER)} and p.status = 'submitted' order by g.planned_on limit 1`);
  await sql`update provider_specialists set roles = roles || '["group_leader"]'::jsonb where id = ${specialistA} and not (roles @> '["group_leader"]'::jsonb)`.execute(db);
  await sql`update support_groups set leader_specialist_id = ${specialistA} where id = ${groupA}`.execute(db);
  const groupB = await one(t, 'foreign group', sql`select g.id from support_groups g join support_group_plans p on p.id = g.plan_id where g.provider_organisation_id = ${provider(FOREIGN_PROVIDER)} and p.status = 'submitted' limit 1`);
  const groupDraft = await maybe(t, sql`select g.id from support_groups g join support_group_plans p on p.id = g.plan_id where p.status = 'draft' limit 1`);

  const reportWithLines = (name: string) =>
    sql`select r.id from monthly_reports r where r.provider_organisation_id = ${provider(name)} and r.submitted_on is not null
        and exists (select 1 from monthly_report_lines l where l.report_id = r.id and (${name} <> ${OWN_PROVIDER} or l.specialist_id = ${specialistA}))
        order by (select count(*) from monthly_report_signatures sg where sg.report_id = r.id and sg.file_id is not null) desc, (select count(*) from e_invoices e where e.report_id = r.id) desc, r.month desc limit 1`;
  const reportA = await one(t, 'own monthly report', reportWithLines(OWN_PROVIDER));
  const reportB = await one(t, 'foreign monthly report', reportWithLines(FOREIGN_PROVIDER));
  const reportDraft = await one(t, 'draft monthly report', sql`select id from monthly_reports where submitted_on is null limit 1`);
  const reportParams = async (reportId: string) => ({
    id: reportId,
    fileId: (await maybe(t, sql`select file_id from monthly_report_signatures where report_id = ${reportId} and file_id is not null limit 1`)) ?? '00000000-0000-4000-8000-00000000f11e',
    specialistId: await one(t, 'report specialist', sql`select specialist_id from monthly_report_lines where report_id = ${reportId} and specialist_id is not null order by (specialist_id = ${specialistA}) desc limit 1`),
  });
  // Monitoring reports (B-REP-3) through the API: each provider's project manager writes one; Kasvulava's and Liit's are submitted, a second of Kasvulava's stays a draft.
  const providerReport = async (client: TestClient, contractId: string, nth: number, submit: boolean) => {
    const contract = (await sql<{ starts_on: string; ends_on: string }>`select starts_on::text, ends_on::text from provider_contracts where id = ${contractId}`.execute(db)).rows[0]!;
    const due = expectedReports(contract).filter((r) => r.kind === 'monitoring' && r.periodEnd <= today);
    const expected = due[due.length - 1 - nth] ?? due[0];
    if (!expected) throw new Error('world: no monitoring report is due for the contract');
    const created = await expectStatus(client.post('/api/families/provider-reports', { contractId, kind: 'monitoring', periodEnd: expected.periodEnd }), 201, 'writing a provider report');
    if (!submit) return created.id as string;
    const edited = await expectStatus(client.patch(`/api/families/provider-reports/${created.id}`, { version: created.version, overview: 'Ülevaade', assessment: 'Hinnang', bestPractices: null, problems: null, measures: null }), 200, 'editing a provider report');
    await expectStatus(client.post(`/api/families/provider-reports/${created.id}/submit`, { version: edited.version }), 200, 'submitting a provider report');
    return created.id as string;
  };
  const providerReportA = await providerReport(providerAdmin, contractA, 0, true);
  const providerReportB = await providerReport(providerAdminB, contractB, 0, true);
  const providerReportDraft: string | null = await providerReport(providerAdmin, contractA, 1, false);

  // Module C: the demo trainer's training, group and registrations; another trainer's.
  const trainerA = await userIdOf(t, PRINCIPAL_EMAILS.trainer);
  const trainingA = await one(t, 'own training', sql`select t.id from trainings t where t.status = 'published' and exists (select 1 from training_groups g where g.training_id = t.id and g.trainer_user_id = ${trainerA}) limit 1`);
  const trainingB = await one(t, 'foreign training', sql`select t.id from trainings t where t.status = 'published' and not exists (select 1 from training_groups g where g.training_id = t.id and g.trainer_user_id = ${trainerA}) limit 1`);
  const trainingDraft = await one(t, 'draft training', sql`select id from trainings where status <> 'published' limit 1`);
  const tGroupA = await one(t, 'own training group', sql`select id from training_groups where trainer_user_id = ${trainerA} and training_id = ${trainingA} order by starts_on limit 1`);
  const tGroupB = await one(t, 'foreign training group', sql`select id from training_groups where trainer_user_id <> ${trainerA} order by starts_on limit 1`);
  const manager = await t.login(PRINCIPAL_EMAILS.ska_manager);
  const tGroupDraft = (await expectStatus(
    manager.post(`/api/trainings/${trainingDraft}/groups`, { city: 'Tartu', venue: 'SKA koolitusruum', sessions: [{ day: await one(t, 'a Tuesday in the draft training’s window', sql`select (window_start + ((9 - extract(isodow from window_start)::int) % 7))::text from trainings where id = ${trainingDraft}`), startsAt: '10:00', endsAt: '16:00' }], capacityMin: 15, capacityMax: 25, trainerId: await userIdOf(t, 'krista.luik@tugi.demo') }),
    201,
    'a group of the draft training',
  )).id as string;
  const tartu = await orgIdOf(t, OWN_KOV);
  const registrationA = await one(t, 'own registration', sql`select r.id from training_registrations r join training_groups g on g.id = r.group_id where g.trainer_user_id = ${trainerA} and r.organisation_id = ${tartu} order by (r.status = 'attended') desc, r.queue_no limit 1`);
  const registrationB = await one(t, 'foreign registration', sql`select r.id from training_registrations r join training_groups g on g.id = r.group_id where g.trainer_user_id <> ${trainerA} and r.organisation_id <> ${tartu} order by r.queue_no limit 1`);

  // Module E: the demo client's proceeding (the demo mediator's) and a new one of two other parents, assigned to the other mediator.
  const client = await t.login(PRINCIPAL_EMAILS.client);
  const kati = await one(t, 'demo client person', sql`select person_id from users where email = ${PRINCIPAL_EMAILS.client}`);
  const mediatorA = await userIdOf(t, PRINCIPAL_EMAILS.mediator);
  const proceedingA = await one(t, 'own proceeding', sql`select p.id from mediation_proceedings p join mediation_parties pp on pp.proceeding_id = p.id where pp.person_id = ${kati} and p.mediator_id = ${mediatorA} limit 1`);
  const partyA = await one(t, 'own party', sql`select id from mediation_parties where proceeding_id = ${proceedingA} and person_id = ${kati}`);
  const bParents = {
    mother: { firstName: 'Võõrema', lastName: 'Mediatsionova', personalCode: uniqueCode('adult', 4) },
    father: { firstName: 'Võõrisa', lastName: 'Mediatsionov', personalCode: uniqueCode('adult', 3) },
    child: { firstName: 'Võõrlapsuke', lastName: 'Mediatsionova', personalCode: uniqueCode('child', 6) },
  };
  const proceedingB = await createProceeding(t, ska, bParents);
  const mediatorB = await userIdOf(t, 'jaanus.jarv@tugi.demo');
  const current = await expectStatus(ska.get(`/api/mediation/proceedings/${proceedingB.id}`), 200, 'reading the new proceeding');
  if (current.mediator?.id !== mediatorB) await expectStatus(ska.post(`/api/mediation/proceedings/${proceedingB.id}/assign`, { version: current.version, mediatorId: mediatorB }), 200, 'assigning the proceeding');
  const partyB = proceedingB.parties.find((p) => p.role === 'parent')!;
  const clientB = await createClientUser(t, partyB.person_id, 'authz.client.b@tugi.demo');
  id('clientB', clientB);
  const threadOf = async (proceedingId: string, as: TestClient) =>
    (await maybe(t, sql`select id from mediation_threads where proceeding_id = ${proceedingId} limit 1`)) ??
    (await expectStatus(as.post(`/api/mediation/proceedings/${proceedingId}/threads`, { subject: 'Kokkulepe', body: 'Tere' }), 201, 'starting a thread')).id;
  // A file is the proceeding's once it is attached to a message (before that only its uploader sees it).
  const fileOf = async (proceedingId: string, as: TestClient) => {
    const existing = await maybe(t, sql`select id from mediation_files where proceeding_id = ${proceedingId} and message_id is not null limit 1`);
    if (existing) return existing;
    const file = await expectStatus(as.request({ method: 'POST', url: `/api/mediation/proceedings/${proceedingId}/files?filename=kiri.pdf`, payload: Buffer.from('%PDF-1.4 kiri'), headers: { 'content-type': 'application/octet-stream' } }), 201, 'uploading a mediation file');
    await expectStatus(as.post(`/api/mediation/proceedings/${proceedingId}/threads`, { subject: 'Dokument', body: 'Lisatud', attachmentIds: [file.id] }), 201, 'sending the file');
    return file.id as string;
  };
  const bookingOf = (proceedingId: string) => maybe(t, sql`select id from mediation_bookings where proceeding_id = ${proceedingId} order by starts_at desc limit 1`);
  const bookingA = await one(t, 'own booking', sql`select id from mediation_bookings where mediator_id = ${mediatorA} and proceeding_id = ${proceedingA} order by starts_at desc limit 1`);
  const bookingB = (await bookingOf(proceedingB.id)) ?? (await one(t, 'foreign booking', sql`select id from mediation_bookings where mediator_id <> ${mediatorA} limit 1`));
  const leaveOf = async (email: string, startsOn: string) =>
    (await maybe(t, sql`select l.id from mediation_leave l join users u on u.id = l.mediator_id where u.email = ${email} limit 1`)) ??
    (await expectStatus((await t.login(email)).post('/api/mediation/leave', { startsOn, endsOn: startsOn, note: 'Puhkus' }), 201, `leave of ${email}`)).id;
  const deliveries = await sql<{ id: string }>`select id from mediation_register_outbox order by created_at`.execute(db);

  // Module D.
  const planYear = await one(t, 'programme plan', sql`select year::text from programme_plans order by year limit 1`);
  const subactivity = await one(t, 'subactivity', sql`select id from programme_subactivities order by number limit 1`);
  const roundA = await one(t, 'announced round', sql`select id from grant_rounds where announced_on <= ${today} order by announced_on desc limit 1`);
  // An unannounced round (the ministry's work in progress): copied from the announced one with later dates (SQL shortcut).
  await sql`insert into grant_rounds (reference, measure, title, budget_cents, max_per_application_cents, places_per_category, announced_on, opens_on, closes_on, notes, created_by)
            select 'AUTHZ-TULEV', measure, 'Tulevane voor', budget_cents, max_per_application_cents, places_per_category, ${addCalendarDays(today, 30)}, ${addCalendarDays(today, 40)}, ${addCalendarDays(today, 70)}, notes, created_by from grant_rounds where id = ${roundA}`.execute(db);
  const roundUnannounced = await maybe(t, sql`select id from grant_rounds where announced_on > ${today} limit 1`);
  const applicationA = await one(t, 'own application', sql`select id from grant_applications where kov_organisation_id = ${tartu} and status <> 'draft' order by (select count(*) from grant_application_files f where f.application_id = grant_applications.id) desc limit 1`);
  const applicationB = await one(t, 'foreign application', sql`select id from grant_applications where kov_organisation_id <> ${tartu} and status <> 'draft' order by (select count(*) from grant_application_files f where f.application_id = grant_applications.id) desc limit 1`);
  const applicationDraft = await one(t, 'draft application', sql`select id from grant_applications where status = 'draft' limit 1`);
  const applicationParams = async (applicationId: string) => ({
    id: applicationId,
    fileId: await one(t, 'application file', sql`select id from grant_application_files where application_id = ${applicationId} limit 1`),
    condition: (await maybe(t, sql`select condition_key from grant_application_checks where application_id = ${applicationId} limit 1`)) ?? 'eligible_applicant',
  });

  // Platform: users and organisations for the administrator, a notification and a saved filter for every principal, mail.
  const userA = await createUser(t, admin, { email: 'authz.victim.a@tugi.demo', name: 'Kasutaja Aaa', role: 'kov_worker', organisation: OWN_KOV });
  const userB = await createUser(t, admin, { email: 'authz.victim.b@tugi.demo', name: 'Kasutaja Bee', role: 'kov_worker', organisation: FOREIGN_KOV });
  const orgA = await createOrganisation(admin, 'Authz Omaorganisatsioon OÜ');
  const orgB = await createOrganisation(admin, 'Authz Teine Organisatsioon OÜ');
  const clients = new Map<Role | 'anonymous', TestClient>();
  clients.set('anonymous', t.client());
  const notificationBy: Partial<Record<Role, Params>> = {};
  const filterBy: Partial<Record<Role, Params>> = {};
  for (const role of ROLES) {
    const c = await t.login(PRINCIPAL_EMAILS[role]);
    clients.set(role, c);
    const userId = await userIdOf(t, PRINCIPAL_EMAILS[role]);
    await notify(db, { userId, kind: 'authz', titleKey: 'authz.own', link: '/' });
    notificationBy[role] = { id: await one(t, 'notification', sql`select id from notifications where user_id = ${userId} and kind = 'authz'`) };
    filterBy[role] = { id: (await expectStatus(c.post('/api/me/saved-filters', { list: 'people', name: `Authz ${role}`, query: { q: 'x' } }), 201, 'saving a filter')).id };
  }
  const twinUser = await userIdOf(t, 'authz.kov.b@tugi.demo');
  await notify(db, { userId: twinUser, kind: 'authz', titleKey: 'authz.foreign', link: '/', mail: { subject: 'Authz B', bodyText: 'Võõras kiri' } });
  await notify(db, { userId: userA, kind: 'authz', titleKey: 'authz.victim', link: '/', mail: { subject: 'Authz A', bodyText: 'Oma kiri' } });
  const notificationB = await one(t, 'foreign notification', sql`select id from notifications where user_id = ${twinUser}`);
  const filterB = (await expectStatus(kovB.post('/api/me/saved-filters', { list: 'people', name: 'Authz twin', query: { q: 'y' } }), 201, 'saving the twin’s filter')).id;
  const mailA = await one(t, 'mail A', sql`select id from mail_outbox where subject = 'Authz A'`);
  const mailB = await one(t, 'mail B', sql`select id from mail_outbox where subject = 'Authz B'`);

  const personCodes = async (...personIds: string[]) => {
    const { rows } = await sql<{ personal_code: string | null; id: string }>`select id, personal_code from people where id = any(${personIds}::uuid[])`.execute(db);
    return rows.flatMap((r) => [r.id, ...(r.personal_code ? [r.personal_code] : [])]);
  };
  const mediatorParty = await one(t, 'a party of the own proceeding', sql`select person_id from mediation_parties where proceeding_id = ${proceedingA} and role = 'parent' order by person_id limit 1`);
  const bPeople = await sql<{ person_id: string }>`select person_id from mediation_parties where proceeding_id = ${proceedingB.id}`.execute(db);

  const records: Record<string, KindRecords> = {
    notification: { own: notificationBy.admin!, ownBy: notificationBy, foreign: { id: notificationB }, foreignBy: { kov_worker: { id: notificationB } } },
    savedFilter: { own: filterBy.admin!, ownBy: filterBy, foreign: { id: filterB } },
    user: { own: { id: userA }, foreign: { id: userB } },
    organisation: { own: { id: orgA }, foreign: { id: orgB } },
    mail: { own: { id: mailA }, foreign: { id: mailB } },
    person: {
      own: { id: familyA.parentPersonId },
      ownBy: { ska_specialist: { id: caseA.childPersonId }, mediator: { id: mediatorParty }, client: { id: kati } },
      foreign: { id: familyB.parentPersonId },
      secrets: [familyBParent.firstName, familyBParent.lastName, familyBParent.personalCode],
    },
    auditFamily: { own: { recordType: 'family', recordId: familyA.id }, foreign: { recordType: 'family', recordId: familyB.id } },
    case: {
      own: { id: caseA.id, documentId: caseA.documentId, document: 'action_plan' },
      foreign: { id: caseB.id, documentId: caseB.documentId, document: 'action_plan' },
      foreignBy: { ska_specialist: { id: rvCase, documentId: rvDocument, document: 'action_plan' } },
      secrets: [caseBChild.firstName, caseBChild.lastName, caseBChild.personalCode] },
    contract: { own: { id: contractA }, foreign: { id: contractB } },
    specialist: { own: { id: specialistA, documentId: specialistDocA }, foreign: { id: specialistB, documentId: specialistDocB } },
    referral: { own: { id: familyA.referralId }, foreign: { id: familyB.referralId } },
    episode: { own: await episodeParams(episodeA), foreign: await episodeParams(episodeB) },
    family: {
      own: { id: familyA.id, placementId: familyA.placementId },
      foreign: { id: familyB.id, placementId: familyB.placementId },
      secrets: [familyB.referralId, familyB.episodeId, ...(await personCodes(familyB.parentPersonId, familyB.childPersonId)), familyBParent.firstName, familyBParent.lastName, familyBChild.firstName, familyBChild.personalCode],
    },
    session: { own: { id: sessionA }, foreign: { id: sessionB }, foreignBy: sessionForeignProvider ? { provider_admin: { id: sessionForeignProvider } } : {} },
    extraRequest: { own: { id: extraA }, foreign: { id: extraB ?? extraA } },
    groupPlan: { own: { id: planA }, foreign: { id: planB }, foreignBy: { ska_contact: { id: planDraft }, ska_manager: { id: planDraft } } },
    supportGroup: { own: { id: groupA, purpose: 'attendance-list' }, foreign: { id: groupB, purpose: 'attendance-list' }, foreignBy: groupDraft ? { ska_contact: { id: groupDraft, purpose: 'attendance-list' }, ska_manager: { id: groupDraft, purpose: 'attendance-list' } } : {} },
    monthlyReport: {
      own: await reportParams(reportA),
      foreign: await reportParams(reportB),
      foreignBy: { ska_contact: { ...(await reportParams(reportA)), id: reportDraft }, ska_manager: { ...(await reportParams(reportA)), id: reportDraft } },
    },
    providerReport: { own: { id: providerReportA }, foreign: { id: providerReportB }, foreignBy: providerReportDraft ? { ska_contact: { id: providerReportDraft }, ska_manager: { id: providerReportDraft } } : {} },
    training: { own: { id: trainingA }, foreign: { id: trainingB }, foreignBy: { kov_worker: { id: trainingDraft } } },
    trainingGroup: { own: { id: tGroupA }, foreign: { id: tGroupB }, foreignBy: tGroupDraft ? { kov_worker: { id: tGroupDraft } } : {} },
    registration: { own: { id: registrationA }, foreign: { id: registrationB } },
    proceeding: {
      own: { id: proceedingA, partyId: partyA },
      foreign: { id: proceedingB.id, partyId: partyB.id },
      secrets: [...bPeople.rows.map((r) => r.person_id), ...(await personCodes(...bPeople.rows.map((r) => r.person_id))), 'Mediatsionova', 'Mediatsionov'],
    },
    booking: { own: { id: bookingA }, foreign: { id: bookingB } },
    leave: { own: { id: await leaveOf(PRINCIPAL_EMAILS.mediator, addMonths(today, 2)) }, foreign: { id: await leaveOf('jaanus.jarv@tugi.demo', addMonths(today, 3)) } },
    thread: { own: { id: await threadOf(proceedingA, ska) }, foreign: { id: await threadOf(proceedingB.id, ska) } },
    mediationFile: { own: { id: await fileOf(proceedingA, ska) }, foreign: { id: await fileOf(proceedingB.id, ska) } },
    delivery: { own: { id: deliveries.rows[0]!.id }, foreign: { id: (deliveries.rows[1] ?? deliveries.rows[0])!.id } },
    plan: { own: { year: planYear }, foreign: { year: planYear } },
    subactivity: { own: { id: subactivity }, foreign: { id: subactivity } },
    round: { own: { id: roundA }, foreign: { id: roundUnannounced ?? roundA } },
    application: { own: await applicationParams(applicationA), foreign: await applicationParams(applicationB), foreignBy: { ministry_officer: { ...(await applicationParams(applicationA)), id: applicationDraft } } },
  };
  Object.assign(ids, { familyA: familyA.id, familyB: familyB.id, caseA: caseA.id, caseB: caseB.id, proceedingA, proceedingB: proceedingB.id, roundUnannounced: roundUnannounced ?? '' });
  void DEMO_PASSWORD;
  return { t, today, clients, records, originSecrets: Object.values(origin), ids };
}
