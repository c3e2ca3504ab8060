import type { Kysely } from 'kysely';
import type { DB, Role } from '../../platform/db/schema.js';
import { addCalendarDays, type IsoDate } from '../../platform/calendar/working-days.js';
import { hashPassword } from '../../platform/auth/passwords.js';
import { normaliseName } from '../../modules/people/rules.js';
import type { SpecialistLanguage, SpecialistRole } from '../../modules/families/tables.js';
import { DEMO_PASSWORD } from '../demo.js';
import { pick, type Random } from '../random.js';
import type { Loader, Row } from './copy.js';
import { entityRandom, FEMALE_FIRST, LAST, MALE_FIRST, makePerson, PEOPLE_COLUMNS, personRow, stamp, uuidFrom, type PersonalCodes } from './people.js';

/** Municipalities, providers and the ~3,000 users of SPEC §9 (at factor 10), spread over organisations and roles. */
export interface Kov {
  id: string;
  name: string;
  county: string;
  population: number;
  regional: string | null;
  rv: boolean;
}

export interface Specialist {
  id: string;
  userId: string;
  providerId: string;
  roles: SpecialistRole[];
  languages: SpecialistLanguage[];
}

export interface Provider {
  id: string;
  name: string;
  /** Contracts covering the ten years, one at a time. */
  contracts: { id: string; startsOn: IsoDate; endsOn: IsoDate }[];
  supporters: Specialist[];
  mentors: Specialist[];
  psychologists: Specialist[];
}

export interface World {
  seed: number;
  today: IsoDate;
  start: IsoDate;
  tag: string;
  ska: string;
  skaContact: string;
  kovs: Kov[];
  kovWeights: Float64Array;
  rvKovs: Kov[];
  kovWorkers: Map<string, string[]>;
  regionalSpecialists: string[];
  skaSpecialists: string[];
  teams: Record<'international' | 'rv', string[]>;
  providers: Provider[];
}

const STREAM_USERS = 11;

export async function loadWorld(db: Kysely<DB>, seed: number, today: IsoDate, tag: string): Promise<World> {
  const kov = await db.selectFrom('organisations').select(['id', 'name', 'county', 'population', 'regional_specialist_id']).where('kind', '=', 'kov').orderBy('name').execute();
  const rv = new Set((await db.selectFrom('rv_municipalities').select('organisation_id').execute()).map((r) => r.organisation_id));
  const ska = await db.selectFrom('organisations').select('id').where('kind', '=', 'ska').orderBy('created_at').executeTakeFirstOrThrow();
  const skaContact = await db.selectFrom('users').select('id').where('role', '=', 'ska_contact').orderBy('created_at').executeTakeFirst();
  const workers = await db.selectFrom('users').select(['id', 'organisation_id']).where('role', '=', 'kov_worker').where('active', '=', true).orderBy('created_at').execute();
  const teams = await db.selectFrom('case_team_members').select(['case_type', 'user_id']).execute();
  const kovs: Kov[] = kov.map((k) => ({ id: k.id, name: k.name, county: k.county ?? 'Harju', population: k.population ?? 1000, regional: k.regional_specialist_id, rv: rv.has(k.id) }));
  const kovWorkers = new Map<string, string[]>();
  for (const w of workers) kovWorkers.set(w.organisation_id, [...(kovWorkers.get(w.organisation_id) ?? []), w.id]);
  let total = 0;
  const kovWeights = new Float64Array(kovs.length);
  kovs.forEach((k, i) => (kovWeights[i] = total += Math.sqrt(k.population)));
  return {
    seed,
    today,
    start: addCalendarDays(today, -3652),
    tag,
    ska: ska.id,
    skaContact: skaContact?.id ?? '',
    kovs,
    kovWeights,
    rvKovs: kovs.filter((k) => k.rv),
    kovWorkers,
    regionalSpecialists: [...new Set(kovs.map((k) => k.regional).filter((r): r is string => Boolean(r)))],
    skaSpecialists: [],
    teams: { international: teams.filter((t) => t.case_type === 'international').map((t) => t.user_id), rv: teams.filter((t) => t.case_type === 'rv').map((t) => t.user_id) },
    providers: [],
  };
}

/** A municipality drawn by the square root of its population (Tallinn many, Ruhnu few). */
export function drawKov(world: World, random: Random): Kov {
  const total = world.kovWeights[world.kovWeights.length - 1]!;
  const at = random() * total;
  let lo = 0;
  let hi = world.kovWeights.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (world.kovWeights[mid]! < at) lo = mid + 1;
    else hi = mid;
  }
  return world.kovs[lo]!;
}

const USER_COLUMNS = ['id', 'email', 'name', 'role', 'organisation_id', 'password_hash', 'locale', 'created_at', 'updated_at'] as const;

/**
 * Providers (2 per unit of factor) with contracts over the ten years, and the
 * users: 300 per unit of factor, split over roles; provider specialists get a
 * person record and a specialist row (roles, languages, SKA approval).
 */
export async function seedOrganisationsAndUsers(db: Kysely<DB>, loader: Loader, world: World, factor: number, codes: PersonalCodes, count: (table: string, n: number) => void) {
  const random = entityRandom(world.seed, STREAM_USERS, 0);
  const hash = await hashPassword(DEMO_PASSWORD);
  const organisations = await db.selectFrom('organisations').select(['id', 'name', 'kind']).execute();
  const orgOf = (kind: string) => organisations.find((o) => o.kind === kind)?.id;
  const selfService = orgOf('other') ?? world.ska;
  const ministry = orgOf('ministry') ?? world.ska;

  const providerCount = Math.max(2, Math.round(2 * factor));
  const orgRows: Row[] = [];
  const providers: Provider[] = [];
  const otherOrgs: { id: string; kind: 'training_provider' | 'mediation' }[] = [];
  const since = world.start;
  for (let p = 0; p < providerCount; p++) {
    const id = uuidFrom(random);
    const name = `${pick(random, ['Perekeskus', 'Tugikeskus', 'Pereabi', 'Hoolekandekeskus'])} ${LAST[p % LAST.length]} ${p + 1} ${world.tag}`;
    orgRows.push([id, name, 'provider', String(10_000_000 + p), null, null, stamp(since), stamp(since)]);
    providers.push({ id, name, contracts: [], supporters: [], mentors: [], psychologists: [] });
  }
  for (let o = 0; o < Math.max(2, Math.round(factor)); o++) {
    const kind = o % 2 ? ('mediation' as const) : ('training_provider' as const);
    const id = uuidFrom(random);
    orgRows.push([id, `${kind === 'mediation' ? 'Perelepitus' : 'Koolitus'} ${LAST[(o * 7) % LAST.length]} ${o + 1} ${world.tag}`, kind, String(20_000_000 + o), null, null, stamp(since), stamp(since)]);
    otherOrgs.push({ id, kind });
  }
  count('organisations', await loader.load('organisations', ['id', 'name', 'kind', 'registry_code', 'county', 'population', 'created_at', 'updated_at'], orgRows));

  // Contracts: two-year periods from eleven years ago to two years ahead.
  const contractRows: Row[] = [];
  const firstYear = Number(world.start.slice(0, 4)) - 1;
  const lastYear = Number(world.today.slice(0, 4)) + 2;
  providers.forEach((provider, p) => {
    for (let year = firstYear, n = 1; year <= lastYear; year += 2, n++) {
      const c = { id: uuidFrom(random), startsOn: `${year}-01-01`, endsOn: `${year + 1}-12-31` };
      provider.contracts.push(c);
      contractRows.push([c.id, `SKA-TT-${world.tag}-${p + 1}/${n}`, provider.id, c.startsOn, c.endsOn, 38_000 + (p % 5) * 1000, 5_500 + (p % 4) * 200, 30_000, 7_000 + (p % 3) * 250, 'Tugiteenused perepõhise asendushoolduse pakkujatele', world.skaContact || null, stamp(c.startsOn), stamp(c.startsOn)]);
    }
  });
  count('provider_contracts', await loader.load('provider_contracts', ['id', 'reference', 'provider_organisation_id', 'starts_on', 'ends_on', 'family_support_month_cents', 'mentoring_session_cents', 'support_group_meeting_cents', 'counselling_session_cents', 'notes', 'created_by', 'created_at', 'updated_at'], contractRows));

  // Users per role.
  const total = Math.max(30, Math.round(300 * factor));
  const share = (fraction: number, min = 1) => Math.max(min, Math.round(total * fraction));
  const plan: { role: Role; n: number }[] = [
    { role: 'kov_worker', n: Math.max(world.kovs.length, share(0.4)) },
    { role: 'provider_specialist', n: Math.max(providerCount * 6, share(0.3)) },
    { role: 'provider_admin', n: providerCount * 2 },
    { role: 'ska_specialist', n: share(0.04, 4) },
    { role: 'ska_contact', n: share(0.01) },
    { role: 'ska_manager', n: share(0.003) },
    { role: 'mediator', n: share(0.03) },
    { role: 'trainer', n: share(0.02) },
    { role: 'ministry_officer', n: share(0.01) },
    { role: 'admin', n: share(0.003) },
    { role: 'auditor', n: share(0.002) },
  ];
  const used = plan.reduce((sum, p) => sum + p.n, 0);
  plan.push({ role: 'client', n: Math.max(1, total - used) });

  const userRows: Row[] = [];
  const people: Row[] = [];
  const links: Row[] = [];
  const specialistRows: Row[] = [];
  const teamRows: Row[] = [];
  let serial = 0;
  for (const { role, n } of plan) {
    for (let i = 0; i < n; i++, serial++) {
      const id = uuidFrom(random);
      const female = random() < 0.7;
      const name = `${pick(random, female ? FEMALE_FIRST : MALE_FIRST)} ${pick(random, LAST)}`;
      const slug = normaliseName(name).replace(/ /g, '.');
      let organisation = world.ska;
      if (role === 'kov_worker') {
        // Every municipality gets one, the rest by population.
        const kov = i < world.kovs.length ? world.kovs[i]! : drawKov(world, random);
        organisation = kov.id;
        world.kovWorkers.set(kov.id, [...(world.kovWorkers.get(kov.id) ?? []), id]);
      } else if (role === 'provider_admin') organisation = providers[i % providerCount]!.id;
      else if (role === 'provider_specialist') organisation = providers[i % providerCount]!.id;
      else if (role === 'mediator' || role === 'trainer') organisation = pick(random, otherOrgs.filter((o) => o.kind === (role === 'mediator' ? 'mediation' : 'training_provider'))).id;
      else if (role === 'ministry_officer') organisation = ministry;
      else if (role === 'client') organisation = selfService;
      const createdOn = addCalendarDays(world.start, Math.floor(random() * 3000));
      userRows.push([id, `${slug}.${serial}@${world.tag}.tugi.scale`, name, role, organisation, hash, random() < 0.15 ? 'ru' : 'et', stamp(createdOn), stamp(createdOn)]);
      if (role === 'ska_specialist') {
        world.skaSpecialists.push(id);
        if (i % 4 === 1) {
          world.teams.international.push(id);
          teamRows.push(['international', id]);
        } else if (i % 8 === 2) {
          world.teams.rv.push(id);
          teamRows.push(['rv', id]);
        }
      }
      if (role === 'provider_specialist') {
        const provider = providers[i % providerCount]!;
        const index = Math.floor(i / providerCount);
        const roles: SpecialistRole[] = index === 0 ? ['psychologist', 'supervisor'] : index === 1 ? ['family_supporter', 'mentor', 'group_leader'] : index % 5 === 0 ? ['psychologist'] : index % 3 === 0 ? ['family_supporter'] : ['family_supporter', 'mentor'];
        const languages: SpecialistLanguage[] = random() < 0.3 ? ['et', 'ru'] : ['et'];
        const person = makePerson(random, codes, '1960-01-01', 12_000, createdOn, name.split(' ')[1]);
        people.push(personRow({ ...person, first: name.split(' ')[0]! }));
        links.push([person.id, provider.id, null, 'specialist', stamp(createdOn)]);
        const specialist: Specialist = { id: uuidFrom(random), userId: id, providerId: provider.id, roles, languages };
        specialistRows.push([specialist.id, id, provider.id, person.id, JSON.stringify(roles), JSON.stringify(languages), '[]', world.start, `SKA 7.1-2/${serial}`, world.skaContact || null, stamp(world.start), stamp(world.start)]);
        if (roles.includes('family_supporter')) provider.supporters.push(specialist);
        if (roles.includes('mentor')) provider.mentors.push(specialist);
        if (roles.includes('psychologist')) provider.psychologists.push(specialist);
      }
    }
  }
  count('users', await loader.load('users', USER_COLUMNS, userRows));
  count('people', await loader.load('people', PEOPLE_COLUMNS, people));
  count('person_links', await loader.load('person_links', ['person_id', 'organisation_id', 'user_id', 'reason', 'created_at'], links));
  count('provider_specialists', await loader.load('provider_specialists', ['id', 'user_id', 'provider_organisation_id', 'person_id', 'roles', 'languages', 'official_posts', 'ska_approved_on', 'ska_approval_reference', 'ska_approved_by', 'created_at', 'updated_at'], specialistRows));
  count('case_team_members', await loader.load('case_team_members', ['case_type', 'user_id'], teamRows));
  if (!world.skaContact) world.skaContact = userRows.find((u) => u[3] === 'ska_contact')![0] as string;
  world.providers = providers;
}
