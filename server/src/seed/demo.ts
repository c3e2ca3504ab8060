import type { Kysely } from 'kysely';
import type { DB, Role } from '../platform/db/schema.js';
import { hashPassword } from '../platform/auth/passwords.js';
import { appendAudit } from '../platform/audit/audit.js';
import { parsePersonalCode, personalCodeCheckDigit } from '../modules/people/personal-code.js';
import { searchNameOf } from '../modules/people/rules.js';
import { seedDemoTrainings } from './demo-trainings.js';
import { seedDemoMediation } from './demo-mediation.js';
import { seedDemoProgramme } from './demo-programme.js';
import { seedDemoGrants } from './demo-grants.js';

/** The demo password of every demo login; it satisfies the password policy. */
export const DEMO_PASSWORD = 'Tugi-demo-2026!';

export interface DemoLogin {
  role: Role;
  email: string;
  name: string;
  organisation: string;
}

/** One login per role of SPEC §1 (plus the other regional specialists). */
export const DEMO_LOGINS: DemoLogin[] = [
  { role: 'ska_specialist', email: 'spetsialist@tugi.demo', name: 'Mari Maasikas', organisation: 'Sotsiaalkindlustusamet' },
  { role: 'ska_contact', email: 'kontakt@tugi.demo', name: 'Kadri Kask', organisation: 'Sotsiaalkindlustusamet' },
  { role: 'ska_manager', email: 'juht@tugi.demo', name: 'Tiina Tamm', organisation: 'Sotsiaalkindlustusamet' },
  { role: 'kov_worker', email: 'kov@tugi.demo', name: 'Liis Lepik', organisation: 'Tartu linn' },
  { role: 'provider_admin', email: 'teenusepakkuja@tugi.demo', name: 'Peeter Pärn', organisation: 'Perekeskus Kasvulava OÜ' },
  { role: 'provider_specialist', email: 'peretoetaja@tugi.demo', name: 'Anne Ilves', organisation: 'Perekeskus Kasvulava OÜ' },
  { role: 'ministry_officer', email: 'ministeerium@tugi.demo', name: 'Jaan Saar', organisation: 'Sotsiaalministeerium' },
  { role: 'trainer', email: 'koolitaja@tugi.demo', name: 'Helen Org', organisation: 'Koolituskeskus Kompass OÜ' },
  { role: 'mediator', email: 'perelepitaja@tugi.demo', name: 'Olga Ivanova', organisation: 'Perelepituse Keskus MTÜ' },
  { role: 'client', email: 'lapsevanem@tugi.demo', name: 'Kati Karu', organisation: 'Iseteenindus' },
  { role: 'admin', email: 'admin@tugi.demo', name: 'Andres Admin', organisation: 'Sotsiaalkindlustusamet' },
  { role: 'auditor', email: 'audiitor@tugi.demo', name: 'Eva Andmekaitse', organisation: 'Sotsiaalkindlustusamet' },
];

/** The four regions of SKA's child welfare department and their counties (A-ASSIGN demo data). */
const REGIONS: { email: string; name: string; counties: string[] }[] = [
  { email: 'spetsialist@tugi.demo', name: 'Mari Maasikas', counties: ['Tartu', 'Jõgeva', 'Põlva', 'Valga', 'Võru', 'Viljandi'] },
  { email: 'pohja@tugi.demo', name: 'Rein Rebane', counties: ['Harju', 'Rapla'] },
  { email: 'ida@tugi.demo', name: 'Svetlana Petrova', counties: ['Ida-Viru', 'Lääne-Viru', 'Järva'] },
  { email: 'laane@tugi.demo', name: 'Toomas Tuul', counties: ['Pärnu', 'Lääne', 'Saare', 'Hiiu'] },
];

/** The international and RV teams of SKA (A-ASSIGN). */
const TEAMS: { email: string; name: string; caseType: 'international' | 'rv' }[] = [
  { email: 'rahvusvaheline@tugi.demo', name: 'Piret Pihlakas', caseType: 'international' },
  { email: 'rv@tugi.demo', name: 'Marko Mets', caseType: 'rv' },
];

const DEMO_ORGANISATIONS = [
  { name: 'Perekeskus Kasvulava OÜ', kind: 'provider' as const, registry_code: '12345678' },
  { name: 'Tugiperede Liit MTÜ', kind: 'provider' as const, registry_code: '80012345' },
  { name: 'Koolituskeskus Kompass OÜ', kind: 'training_provider' as const, registry_code: '14567890' },
  { name: 'Perelepituse Keskus MTÜ', kind: 'mediation' as const, registry_code: '80098765' },
];

function demoCode(firstTen: string): string {
  return `${firstTen}${personalCodeCheckDigit(firstTen)}`;
}

const DEMO_PEOPLE = [
  { first: 'Mihkel', last: 'Mägi', code: demoCode('5120314022') },
  { first: 'Sofia', last: 'Sepp', code: demoCode('6150722013') },
  { first: 'Kristjan', last: 'Kuusk', code: demoCode('5090101033') },
  { first: 'Maria', last: 'Smirnova', code: demoCode('6110930044') },
  { first: 'Kati', last: 'Karu', code: demoCode('4850612025') },
];

/**
 * Demo organisations, users and people, and the trainings (module C) around
 * `now`: loaded once, on the first start of an empty database.
 */
export async function seedDemoData(db: Kysely<DB>, now = new Date()): Promise<boolean> {
  const anyUser = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (anyUser) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('organisations').values(DEMO_ORGANISATIONS.map((o) => ({ ...o, county: null, population: null, regional_specialist_id: null }))).execute();
    const organisations = await trx.selectFrom('organisations').select(['id', 'name', 'kind', 'county']).execute();
    const orgId = (name: string) => organisations.find((o) => o.name === name)!.id;
    const ska = orgId('Sotsiaalkindlustusamet');

    const extraSpecialists = [...REGIONS.filter((r) => r.email !== 'spetsialist@tugi.demo'), ...TEAMS].map((r) => ({ role: 'ska_specialist' as const, email: r.email, name: r.name, organisation: 'Sotsiaalkindlustusamet' }));
    const users = await trx
      .insertInto('users')
      .values([...DEMO_LOGINS, ...extraSpecialists].map((u) => ({ email: u.email, name: u.name, role: u.role, organisation_id: orgId(u.organisation), password_hash: passwordHash })))
      .returning(['id', 'email'])
      .execute();
    const userId = (email: string) => users.find((u) => u.email === email)!.id;

    for (const region of REGIONS) {
      await trx.updateTable('organisations').set({ regional_specialist_id: userId(region.email) }).where('kind', '=', 'kov').where('county', 'in', region.counties).execute();
    }

    await trx.insertInto('case_team_members').values(TEAMS.map((t) => ({ case_type: t.caseType, user_id: userId(t.email) }))).execute();

    const people = await trx
      .insertInto('people')
      .values(DEMO_PEOPLE.map((p) => ({ personal_code: p.code, first_name: p.first, last_name: p.last, search_name: searchNameOf(p.first, p.last), birth_date: birthDateOf(p.code), sex: Number(p.code[0]) % 2 ? ('male' as const) : ('female' as const) })))
      .returning(['id', 'personal_code'])
      .execute();
    const tartu = orgId('Tartu linn');
    const provider = orgId('Perekeskus Kasvulava OÜ');
    const links = people.flatMap((p, i) => [
      { person_id: p.id, organisation_id: ska, user_id: null, reason: 'demo' },
      { person_id: p.id, organisation_id: tartu, user_id: null, reason: 'demo' },
      ...(i < 2 ? [{ person_id: p.id, organisation_id: provider, user_id: userId('peretoetaja@tugi.demo'), reason: 'demo' }] : []),
    ]);
    await trx.insertInto('person_links').values(links).execute();
    const parent = people.find((p) => p.personal_code === DEMO_PEOPLE[4]!.code)!;
    await trx.updateTable('users').set({ person_id: parent.id, personal_code: parent.personal_code }).where('email', '=', 'lapsevanem@tugi.demo').execute();
    await appendAudit(trx, { actor: null, ip: null }, [{ action: 'create', recordType: 'seed', recordId: 'demo' }]);
  });
  await seedDemoTrainings(db, { now, passwordHash });
  await seedDemoMediation(db, { now, passwordHash });
  await seedDemoProgramme(db);
  await seedDemoGrants(db, now);
  return true;
}

function birthDateOf(code: string): string {
  const parsed = parsePersonalCode(code);
  if (!parsed.ok) throw new Error(`demo personal code ${code} is invalid`);
  return parsed.birthDate;
}
