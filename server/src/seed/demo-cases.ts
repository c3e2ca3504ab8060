import { sql, type Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import { addCalendarDays, addMonths, addWorkingDays, compareIsoDates, todayInTallinn, type IsoDate } from '../platform/calendar/working-days.js';
import { personalCodeCheckDigit } from '../modules/people/personal-code.js';
import { normaliseName, searchNameOf } from '../modules/people/rules.js';
import { caseReference, firstContactDue, klatOpinionDue } from '../modules/cases/rules.js';
import { INTERNATIONAL_SUBTYPES, type CaseType } from '../modules/cases/tables.js';
import { prng, type Random, pick } from './random.js';
import { progressOf } from './case-progress.js';

/**
 * Demo consultation cases that look like SKA's real years (seed 002, "2024 in
 * numbers": 202 applications, 413 cases handled, 164 international appeals,
 * 71 KLAT opinions), spread over the municipalities by population, from
 * January 2024 to today. Deterministic: the same data on every machine.
 */
const FIRST_NAMES = ['Mihkel', 'Sofia', 'Robin', 'Emma', 'Rasmus', 'Mia', 'Oliver', 'Eliise', 'Sebastian', 'Lenna', 'Kevin', 'Laura', 'Markus', 'Hanna', 'Artur', 'Grete', 'Karl', 'Liisa', 'Daniel', 'Marta', 'Maksim', 'Anastasia', 'Artjom', 'Viktoria', 'Nikita', 'Polina'];
const LAST_NAMES = ['Tamm', 'Saar', 'Sepp', 'Mägi', 'Kask', 'Kukk', 'Rebane', 'Ilves', 'Pärn', 'Koppel', 'Lepik', 'Kuusk', 'Põder', 'Oja', 'Lõhmus', 'Vaher', 'Ivanov', 'Smirnov', 'Kuznetsov', 'Popov', 'Petrova', 'Volkova'];
export const QUESTIONS = [
  'Laps puudub sageli koolist ja vanemad ei tee koostööd. Palume nõu edasiste sammude ja abimeetmete valikul.',
  'Perekonnas on korduv vägivald; kaalume lapse perest eraldamist. Palume juhendamist.',
  'Noor on korduvalt toime pannud õigusrikkumisi, senised meetmed ei ole aidanud.',
  'Lapsel on mitmekülgne abivajadus, vajame abi sobivate riiklike teenuste leidmisel.',
  'Vanemate hooldusõiguse vaidlus mõjutab last; palume nõu lapse huvide kaitsmisel.',
];
export const COUNTRIES = [
  ['FI', 'Helsingin kaupunki, lastensuojelu'],
  ['DE', 'Jugendamt Berlin-Mitte'],
  ['SE', 'Socialtjänsten Stockholm'],
  ['GB', 'Hackney Children’s Services'],
  ['NO', 'Barnevernet Oslo'],
] as const;



function personalCode(random: Random, birthDate: IsoDate, index: number): string {
  const year = Number(birthDate.slice(0, 4));
  const male = random() < 0.5;
  const century = year >= 2000 ? (male ? 5 : 6) : male ? 3 : 4;
  const serial = String(100 + (index % 899)).padStart(3, '0');
  const first10 = `${century}${birthDate.slice(2, 4)}${birthDate.slice(5, 7)}${birthDate.slice(8, 10)}${serial}`;
  return `${first10}${personalCodeCheckDigit(first10)}`;
}

/** Yearly volumes per type, from the 2024 numbers (cases received in the year). */
const PER_YEAR: Record<CaseType, number> = { domestic: 131, klat_opinion: 71, international: 120, rv: 16 };

interface Context {
  random: Random;
  today: IsoDate;
  municipalities: { id: string; county: string | null; population: number | null; regional: string | null; rv: boolean }[];
  kovWorkerOf: Map<string, string>;
  ska: string;
  teams: Record<'international' | 'rv', string | null>;
}

export async function seedDemoCases(db: Kysely<DB>, now = new Date()): Promise<number> {
  const existing = await db.selectFrom('cases').select('id').limit(1).executeTakeFirst();
  if (existing) return 0;
  const context = await loadContext(db, now);
  let sequence = 1;
  let created = 0;
  for (const year of [2024, 2025, 2026]) {
    for (const type of Object.keys(PER_YEAR) as CaseType[]) {
      const volume = year === 2026 ? Math.round((PER_YEAR[type] * (Number(context.today.slice(5, 7)) - 0.5)) / 12) : PER_YEAR[type];
      for (let i = 0; i < volume; i++) {
        const receivedOn = addCalendarDays(`${year}-01-02`, Math.floor(context.random() * 360));
        if (compareIsoDates(receivedOn, context.today) > 0) continue;
        await insertCase(db, context, type, receivedOn, sequence++);
        created++;
      }
    }
  }
  // New cases continue numbering after the demo ones.
  await sql`select setval('case_reference_seq', ${sequence})`.execute(db);
  return created;
}

async function loadContext(db: Kysely<DB>, now: Date): Promise<Context> {
  const kov = await db.selectFrom('organisations').select(['id', 'county', 'population', 'regional_specialist_id']).where('kind', '=', 'kov').orderBy('name').execute();
  const rv = new Set((await db.selectFrom('rv_municipalities').select('organisation_id').execute()).map((r) => r.organisation_id));
  const workers = await db.selectFrom('users').select(['id', 'organisation_id']).where('role', '=', 'kov_worker').where('active', '=', true).execute();
  const ska = await db.selectFrom('organisations').select('id').where('kind', '=', 'ska').executeTakeFirstOrThrow();
  const teams = await db.selectFrom('case_team_members').select(['case_type', 'user_id']).execute();
  return {
    random: prng(20240204),
    today: todayInTallinn(now),
    municipalities: kov.map((k) => ({ id: k.id, county: k.county, population: k.population, regional: k.regional_specialist_id, rv: rv.has(k.id) })),
    kovWorkerOf: new Map(workers.map((w) => [w.organisation_id, w.id])),
    ska: ska.id,
    teams: { international: teams.find((t) => t.case_type === 'international')?.user_id ?? null, rv: teams.find((t) => t.case_type === 'rv')?.user_id ?? null },
  };
}

/** A municipality drawn by population (Tallinn gets many, Ruhnu few); RV only where the model runs. */
function drawMunicipality(context: Context, type: CaseType) {
  const pool = type === 'rv' ? context.municipalities.filter((m) => m.rv) : context.municipalities;
  const total = pool.reduce((sum, m) => sum + Math.sqrt(m.population ?? 1000), 0);
  let at = context.random() * total;
  for (const m of pool) {
    at -= Math.sqrt(m.population ?? 1000);
    if (at <= 0) return m;
  }
  return pool[0]!;
}

async function ensureKovWorker(db: Kysely<DB>, context: Context, organisationId: string): Promise<string> {
  const known = context.kovWorkerOf.get(organisationId);
  if (known) return known;
  const org = await db.selectFrom('organisations').select('name').where('id', '=', organisationId).executeTakeFirstOrThrow();
  const slug = normaliseName(org.name).replace(/ /g, '.');
  const { id } = await db
    .insertInto('users')
    .values({ email: `lastekaitse.${slug}@tugi.demo`, name: `${pick(context.random, FIRST_NAMES)} ${pick(context.random, LAST_NAMES)}`, role: 'kov_worker', organisation_id: organisationId, password_hash: null, active: true })
    .returning('id')
    .executeTakeFirstOrThrow();
  context.kovWorkerOf.set(organisationId, id);
  return id;
}

async function insertCase(db: Kysely<DB>, context: Context, type: CaseType, receivedOn: IsoDate, sequence: number) {
  const { random, today } = context;
  const kov = drawMunicipality(context, type);
  const workerId = await ensureKovWorker(db, context, kov.id);
  const age = type === 'rv' ? 13 + Math.floor(random() * 5) : 1 + Math.floor(random() * 16);
  const birthDate = addCalendarDays(`${Number(receivedOn.slice(0, 4)) - age}-01-01`, Math.floor(random() * 360));
  const firstName = pick(random, FIRST_NAMES);
  const lastName = pick(random, LAST_NAMES);
  const code = personalCode(random, birthDate, sequence);
  const person = await db
    .insertInto('people')
    .values({ personal_code: code, first_name: firstName, last_name: lastName, search_name: searchNameOf(firstName, lastName), birth_date: birthDate, sex: Number(code[0]) % 2 ? 'male' : 'female' })
    .onConflict((oc) => oc.column('personal_code').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!person) return;
  await db.insertInto('person_links').values([
    { person_id: person.id, organisation_id: kov.id, user_id: null, reason: 'case' },
    { person_id: person.id, organisation_id: context.ska, user_id: null, reason: 'case' },
  ]).execute();
  const specialist = type === 'domestic' || type === 'klat_opinion' ? kov.regional : context.teams[type];
  const reference = caseReference(type, receivedOn, sequence);
  const progress = progressOf(type, receivedOn, today, random);
  const courtDate = type === 'klat_opinion' ? addWorkingDays(receivedOn, 8 + Math.floor(random() * 20)) : null;
  const { id } = await db
    .insertInto('cases')
    .values({
      reference,
      type,
      international_subtype: type === 'international' ? pick(random, INTERNATIONAL_SUBTYPES) : null,
      status: progress.status,
      language: kov.county === 'Ida-Viru' && random() < 0.6 ? 'ru' : 'et',
      child_person_id: person.id,
      child_residence: null,
      kov_organisation_id: kov.id,
      kov_worker_id: workerId,
      assigned_specialist_id: specialist,
      question: pick(random, QUESTIONS),
      star_reference: `STAR-${receivedOn.slice(0, 4)}-${1000 + sequence}`,
      received_on: receivedOn,
      first_contact_due: type === 'domestic' ? firstContactDue(receivedOn) : null,
      court_date: courtDate,
      opinion_due: type === 'klat_opinion' ? klatOpinionDue(receivedOn, courtDate) : null,
      ...progress.fields,
      search_text: `${searchNameOf(firstName, lastName)} ${normaliseName(reference)}`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('case_events').values({ case_id: id, kind: 'received', to_status: 'application', actor_id: workerId, at: new Date(`${receivedOn}T09:00:00+02:00`) }).execute();
  await insertActivities(db, context, id, type, receivedOn, progress.until, specialist ?? workerId);
  if (type === 'rv') await insertRiskAssessments(db, context, id, receivedOn, progress.until, workerId);
}

/** How far a case has come by today, from its age: old cases are closed, recent ones still open. */

async function insertActivities(db: Kysely<DB>, context: Context, caseId: string, type: CaseType, from: IsoDate, until: IsoDate, authorId: string) {
  const kinds = type === 'international' ? ['foreign_correspondence', 'information_exchange'] : type === 'rv' ? ['rv_network_meeting', 'rv_youth_family_meeting', 'rv_trusted_person_meeting'] : ['case_discussion', 'network_meeting', 'information_exchange', 'star_monitoring'];
  const span = Math.max(1, Math.round((Date.parse(until) - Date.parse(from)) / 86_400_000));
  const count = 1 + Math.floor(context.random() * 4);
  const rows = Array.from({ length: count }, () => {
    const kind = pick(context.random, kinds);
    const country = kind === 'foreign_correspondence' ? pick(context.random, COUNTRIES) : null;
    return {
      case_id: caseId,
      kind,
      occurred_on: addCalendarDays(from, Math.floor(context.random() * span)),
      participants: 'KOV lastekaitsetöötaja, SKA peaspetsialist',
      notes: 'Arutati lapse olukorda ja lepiti kokku järgmised sammud.',
      country: country?.[0] ?? null,
      authority: country?.[1] ?? null,
      foreign_reference: country ? `${country[0]}-${Math.floor(context.random() * 9000) + 1000}` : null,
      created_by: authorId,
    };
  });
  await db.insertInto('case_activities').values(rows).execute();
}

async function insertRiskAssessments(db: Kysely<DB>, context: Context, caseId: string, receivedOn: IsoDate, until: IsoDate, authorId: string) {
  const levels = ['high', 'medium', 'low'] as const;
  const rows = [];
  for (let i = 0, on = addCalendarDays(receivedOn, -7); i < 3 && compareIsoDates(on, until) <= 0; i++, on = addMonths(on, 6)) {
    rows.push({ case_id: caseId, assessed_on: on, level: levels[Math.min(i + (context.random() < 0.3 ? 1 : 0), 2)]!, notes: 'PACT riskihindamine', created_by: authorId });
  }
  if (rows.length) await db.insertInto('case_risk_assessments').values(rows).execute();
}
