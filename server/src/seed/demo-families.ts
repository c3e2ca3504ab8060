import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import { appendAudit } from '../platform/audit/audit.js';
import { hashPassword } from '../platform/auth/passwords.js';
import { addCalendarDays, addMonths, addWorkingDays, compareIsoDates, todayInTallinn, type IsoDate } from '../platform/calendar/working-days.js';
import { personalCodeCheckDigit } from '../modules/people/personal-code.js';
import { normaliseName, searchNameOf } from '../modules/people/rules.js';
import { contactCompliance, familyReference, firstContactDue, kovInvolved, referralReference } from '../modules/families/rules.js';
import { encryptJson } from '../platform/crypto/keys.js';
import type { ContactKind, FamilyType, SpecialistLanguage, SpecialistRole, SupportKind } from '../modules/families/tables.js';
import { DEMO_PASSWORD } from './demo.js';
import { prng, type Random, pick } from './random.js';

/**
 * Demo foster-family support (module B part 1): contracts of both demo
 * providers, their specialists (one still waiting for SKA's approval), and 40
 * foster, guardianship and adoptive families across municipalities, with
 * children, referrals in every state, running and ended episodes with their
 * contact logs, support plans and KOV reports. Deterministic for a given day.
 */
const FIRST = ['Mari', 'Kati', 'Liis', 'Anu', 'Tiina', 'Jaan', 'Toomas', 'Andres', 'Margus', 'Urve', 'Olga', 'Svetlana', 'Sergei', 'Irina'];
const LAST = ['Tamm', 'Saar', 'Sepp', 'Mägi', 'Kask', 'Kukk', 'Rebane', 'Pärn', 'Koppel', 'Lepik', 'Põder', 'Oja', 'Ivanova', 'Smirnova', 'Kuznetsova', 'Vaher'];
const CHILD_FIRST = ['Mihkel', 'Sofia', 'Robin', 'Emma', 'Rasmus', 'Mia', 'Oliver', 'Eliise', 'Artur', 'Grete', 'Maksim', 'Polina', 'Nikita', 'Viktoria'];
const KOVS: { name: string; count: number; russian?: boolean; districts?: string[] }[] = [
  { name: 'Tartu linn', count: 9 },
  { name: 'Tallinna linn', count: 8, districts: ['Lasnamäe', 'Mustamäe', 'Kesklinn', 'Nõmme', 'Põhja-Tallinn'] },
  { name: 'Narva linn', count: 4, russian: true },
  { name: 'Pärnu linn', count: 4 },
  { name: 'Elva vald', count: 3 },
  { name: 'Viljandi linn', count: 3 },
  { name: 'Rakvere linn', count: 2 },
  { name: 'Saaremaa vald', count: 3 },
  { name: 'Võru linn', count: 2 },
  { name: 'Kohtla-Järve linn', count: 2, russian: true },
];

type Scenario = 'submitted' | 'forwarded' | 'first_contact_overdue' | 'rejected' | 'pending' | 'adaptation_green' | 'adaptation_amber' | 'needs_green' | 'needs_red' | 'needs_plan' | 'ended' | 'mentoring' | 'none';
const SCENARIOS: Scenario[] = ['adaptation_green', 'needs_plan', 'submitted', 'forwarded', 'needs_red', 'ended', 'adaptation_amber', 'pending', 'rejected', 'needs_green', 'first_contact_overdue', 'mentoring', 'adaptation_green', 'ended', 'needs_green', 'none'];

const SPECIALISTS: { provider: string; email: string; name: string; birth: string; roles: SpecialistRole[]; languages: SpecialistLanguage[]; approved: boolean; existing?: boolean }[] = [
  { provider: 'Perekeskus Kasvulava OÜ', email: 'peretoetaja@tugi.demo', name: 'Anne Ilves', birth: '1979-04-12', roles: ['family_supporter', 'mentor'], languages: ['et', 'ru'], approved: true, existing: true },
  { provider: 'Perekeskus Kasvulava OÜ', email: 'kai.kuusk@tugi.demo', name: 'Kai Kuusk', birth: '1984-09-03', roles: ['family_supporter', 'group_leader'], languages: ['et'], approved: true },
  { provider: 'Perekeskus Kasvulava OÜ', email: 'maret.mand@tugi.demo', name: 'Maret Mänd', birth: '1971-02-20', roles: ['psychologist', 'supervisor'], languages: ['et', 'en'], approved: true },
  { provider: 'Tugiperede Liit MTÜ', email: 'olev.org@tugi.demo', name: 'Olev Org', birth: '1976-06-30', roles: ['family_supporter', 'mentor'], languages: ['et'], approved: true },
  { provider: 'Tugiperede Liit MTÜ', email: 'irina.petrova@tugi.demo', name: 'Irina Petrova', birth: '1982-11-11', roles: ['family_supporter'], languages: ['ru', 'et'], approved: true },
  { provider: 'Tugiperede Liit MTÜ', email: 'urmas.uus@tugi.demo', name: 'Urmas Uus', birth: '1990-01-15', roles: ['family_supporter'], languages: ['et'], approved: false },
];



interface Context {
  trx: Transaction<DB>;
  random: Random;
  today: IsoDate;
  key: Buffer;
  ska: string;
  skaContact: string;
  codes: Set<string>;
  serial: number;
  familySeq: number;
  referralSeq: number;
}

export async function seedDemoFamilies(db: Kysely<DB>, key: Buffer, now = new Date()): Promise<number> {
  const existing = await db.selectFrom('families').select('id').limit(1).executeTakeFirst();
  if (existing) return 0;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction().execute(async (trx) => {
    const today = todayInTallinn(now);
    const orgs = await trx.selectFrom('organisations').select(['id', 'name', 'kind']).execute();
    const org = (name: string) => orgs.find((o) => o.name === name)?.id;
    const ska = orgs.find((o) => o.kind === 'ska')!.id;
    const skaContact = (await trx.selectFrom('users').select('id').where('role', '=', 'ska_contact').orderBy('created_at').executeTakeFirst())?.id;
    if (!skaContact) return 0;
    const codes = new Set((await trx.selectFrom('people').select('personal_code').where('personal_code', 'is not', null).execute()).map((p) => p.personal_code!));
    const c: Context = { trx, random: prng(20221031), today, key, ska, skaContact, codes, serial: 900, familySeq: 1, referralSeq: 1 };

    const providers = ['Perekeskus Kasvulava OÜ', 'Tugiperede Liit MTÜ'].map((name) => ({ name, id: org(name)! })).filter((p) => p.id);
    const year = Number(today.slice(0, 4));
    const contracts = new Map<string, string>();
    for (const [i, provider] of providers.entries()) {
      const row = await trx
        .insertInto('provider_contracts')
        .values({
          reference: `SKA-TT-${year - 1}/${i + 1}`,
          provider_organisation_id: provider.id,
          starts_on: `${year - 1}-01-01`,
          ends_on: `${year + 1}-12-31`,
          family_support_month_cents: i === 0 ? 42_000 : 39_500,
          mentoring_session_cents: i === 0 ? 6_000 : 5_800,
          support_group_meeting_cents: i === 0 ? 32_000 : 30_000,
          counselling_session_cents: i === 0 ? 7_500 : 7_000,
          notes: 'Tugiteenused perepõhise asendushoolduse pakkujatele',
          created_by: skaContact,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      contracts.set(provider.id, row.id);
    }

    const specialists: { id: string; userId: string; providerId: string; roles: SpecialistRole[]; languages: SpecialistLanguage[]; approved: boolean }[] = [];
    for (const s of SPECIALISTS) {
      const providerId = org(s.provider);
      if (!providerId) continue;
      let user = await trx.selectFrom('users').select('id').where('email', '=', s.email).executeTakeFirst();
      if (!user && s.existing) continue;
      user ??= await trx.insertInto('users').values({ email: s.email, name: s.name, role: 'provider_specialist', organisation_id: providerId, password_hash: passwordHash }).returning('id').executeTakeFirstOrThrow();
      const [first, last] = s.name.split(' ') as [string, string];
      const personId = await insertPerson(c, first, last, s.birth, [{ org: providerId }]);
      const row = await trx
        .insertInto('provider_specialists')
        .values({
          user_id: user.id,
          provider_organisation_id: providerId,
          person_id: personId,
          roles: JSON.stringify(s.roles),
          languages: JSON.stringify(s.languages),
          official_posts: JSON.stringify([]),
          ska_approved_on: s.approved ? `${year - 1}-01-15` : null,
          ska_approval_reference: s.approved ? `SKA 7.1-2/${100 + specialists.length}` : null,
          ska_approved_by: s.approved ? skaContact : null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      specialists.push({ id: row.id, userId: user.id, providerId, roles: s.roles, languages: s.languages, approved: s.approved });
    }
    const liitAdmin = org('Tugiperede Liit MTÜ');
    if (liitAdmin && !(await trx.selectFrom('users').select('id').where('email', '=', 'liit.juht@tugi.demo').executeTakeFirst())) {
      await trx.insertInto('users').values({ email: 'liit.juht@tugi.demo', name: 'Lea Liit', role: 'provider_admin', organisation_id: liitAdmin, password_hash: passwordHash }).execute();
    }

    let index = 0;
    let families = 0;
    for (const kov of KOVS) {
      const kovId = org(kov.name);
      if (!kovId) continue;
      const worker = await trx.selectFrom('users').select('id').where('organisation_id', '=', kovId).where('role', '=', 'kov_worker').orderBy('created_at').executeTakeFirst();
      for (let n = 0; n < kov.count; n++, index++) {
        const scenario = SCENARIOS[index % SCENARIOS.length]!;
        const type: FamilyType = index % 5 === 3 ? 'lapsendaja' : index % 3 === 1 ? 'eestkoste' : 'hooldus';
        const provider = providers[(kov.name === 'Tartu linn' || kov.name === 'Elva vald' || kov.name === 'Võru linn' ? 0 : index % 2) % providers.length]!;
        await insertFamily(c, {
          index,
          scenario,
          type,
          kovId,
          kovWorkerId: worker?.id ?? null,
          district: kov.districts ? kov.districts[n % kov.districts.length]! : null,
          language: kov.russian || (kov.districts && n % 3 === 0) ? 'ru' : 'et',
          provider: { id: provider.id, contractId: contracts.get(provider.id)! },
          specialists: specialists.filter((s) => s.providerId === provider.id && s.approved),
        });
        families++;
      }
    }
    await appendAudit(trx, { actor: null, ip: null }, [{ action: 'create', recordType: 'seed', recordId: 'demo-families' }]);
    // New families and referrals continue numbering after the demo ones.
    await sql`select setval('family_reference_seq', ${c.familySeq})`.execute(trx);
    await sql`select setval('family_referral_reference_seq', ${c.referralSeq})`.execute(trx);
    return families;
  });
}

async function insertPerson(c: Context, first: string, last: string, birthDate: IsoDate, links: { org: string; user?: string }[]): Promise<string> {
  const year = Number(birthDate.slice(0, 4));
  const female = ['a', 'e', 'i'].includes(first.slice(-1)) && !['Mihkel', 'Nikita'].includes(first);
  const century = year >= 2000 ? (female ? 6 : 5) : female ? 4 : 3;
  let code = '';
  do {
    const first10 = `${century}${birthDate.slice(2, 4)}${birthDate.slice(5, 7)}${birthDate.slice(8, 10)}${String(c.serial++ % 1000).padStart(3, '0')}`;
    code = `${first10}${personalCodeCheckDigit(first10)}`;
  } while (c.codes.has(code));
  c.codes.add(code);
  const { id } = await c.trx
    .insertInto('people')
    .values({ personal_code: code, first_name: first, last_name: last, search_name: searchNameOf(first, last), birth_date: birthDate, sex: female ? 'female' : 'male' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await link(c, [id], links);
  return id;
}

async function link(c: Context, people: string[], links: { org: string; user?: string }[]) {
  const rows = people.flatMap((person) => links.map((l) => ({ person_id: person, organisation_id: l.org, user_id: l.user ?? null, reason: 'family' })));
  if (rows.length) await c.trx.insertInto('person_links').values(rows).onConflict((oc) => oc.doNothing()).execute();
}

interface FamilySpec {
  index: number;
  scenario: Scenario;
  type: FamilyType;
  kovId: string;
  kovWorkerId: string | null;
  district: string | null;
  language: 'et' | 'ru';
  provider: { id: string; contractId: string };
  specialists: { id: string; userId: string; roles: SpecialistRole[]; languages: SpecialistLanguage[] }[];
}

/** The kind of support each scenario is about. */
function kindOf(s: FamilySpec): SupportKind {
  if (s.scenario === 'mentoring') return 'mentoring';
  if (s.scenario.startsWith('adaptation')) return 'adaptation';
  if (s.scenario.startsWith('needs') || s.scenario === 'ended') return 'needs_based';
  return s.index % 2 ? 'needs_based' : 'adaptation';
}

async function insertFamily(c: Context, s: FamilySpec) {
  const { trx, random, today } = c;
  const kind = kindOf(s);
  const secret = s.type === 'lapsendaja' && s.index % 2 === 1;
  const consent = !(s.type === 'lapsendaja' && s.index % 4 === 3);
  const reference = familyReference(today, c.familySeq++);
  const household = await trx.insertInto('households').values({ label: reference }).returning('id').executeTakeFirstOrThrow();
  const lastName = pick(random, LAST);
  const links = [{ org: c.ska }, ...(kovInvolved({ type: s.type, kovInvolvementConsent: consent }) ? [{ org: s.kovId }] : [])];
  const parentCount = s.type === 'eestkoste' && random() < 0.5 ? 1 : 2;
  const parents: string[] = [];
  for (let p = 0; p < parentCount; p++) {
    const first = p === 0 ? pick(random, FIRST.slice(0, 5).concat(FIRST.slice(10, 12))) : pick(random, FIRST.slice(5, 9).concat(FIRST.slice(12)));
    parents.push(await insertPerson(c, first, lastName, addCalendarDays(`${1965 + Math.floor(random() * 20)}-01-01`, Math.floor(random() * 360)), links));
  }
  const arrivedOn =
    kind === 'adaptation' ? addCalendarDays(today, -(20 + Math.floor(random() * 150))) : kind === 'needs_based' ? addMonths(today, -(26 + Math.floor(random() * 40))) : addMonths(today, -(2 + Math.floor(random() * 30)));
  const childFirst = pick(random, CHILD_FIRST);
  const child = await insertPerson(c, childFirst, lastName, addCalendarDays(arrivedOn, -(365 * (1 + Math.floor(random() * 10)))), links);
  const family = await trx
    .insertInto('families')
    .values({
      reference,
      type: s.type,
      kov_organisation_id: s.kovId,
      guardian_kov_organisation_id: null,
      district: s.district,
      language: s.language,
      assessed: s.scenario !== 'mentoring',
      kov_involvement_consent: consent,
      adoption_secrecy: secret,
      crisis_or_special_foster: s.scenario === 'none' && s.index % 3 === 0,
      in_service_on_2022_10_31: s.index % 9 === 4,
      intake_provider_id: null,
      household_id: household.id,
      address: null,
      contact_phone: `+372 5${String(1000000 + s.index * 7919).slice(0, 7)}`,
      contact_email: null,
      notes: null,
      search_text: [...(await trx.selectFrom('people').select('search_name').where('id', 'in', [...parents, child]).execute()).map((p) => p.search_name), normaliseName(reference)].join(' '),
      created_by: s.kovWorkerId ?? c.skaContact,
    })
    .returning(['id'])
    .executeTakeFirstOrThrow();
  await trx.insertInto('family_parents').values(parents.map((person_id, i) => ({ family_id: family.id, person_id, relation: s.type === 'eestkoste' ? 'guardian' : i === 0 ? 'parent' : 'parent' }))).execute();
  await trx
    .insertInto('family_children')
    .values({
      family_id: family.id,
      child_person_id: child,
      arrived_on: arrivedOn,
      left_on: null,
      origin_ciphertext: s.type === 'lapsendaja' ? encryptJson(c.key, { birthName: `${childFirst} ${pick(random, LAST)}`, birthParents: 'Andmed lapsendamisotsuses', previousPlacement: 'Asenduskodu' }) : null,
    })
    .execute();
  await trx.insertInto('family_events').values({ family_id: family.id, kind: 'family_created', actor_id: s.kovWorkerId }).execute();
  if (s.index % 9 === 4) {
    await trx
      .insertInto('family_prior_periods')
      .values({ family_id: family.id, kind: 'needs_based', child_person_id: null, starts_on: '2022-10-01', ends_on: '2022-12-31', procurement: 'SKA hange 2022', transitional_extra: false, note: 'Varasema hanke alusel', created_by: c.skaContact })
      .execute();
  }
  if (s.scenario === 'none') return;
  await insertSupport(c, s, family.id, kind, child, arrivedOn, [...parents, child], consent);
}

async function insertSupport(c: Context, s: FamilySpec, familyId: string, kind: SupportKind, child: string, arrivedOn: IsoDate, people: string[], consent: boolean) {
  const { trx, random, today } = c;
  const involved = kovInvolved({ type: s.type, kovInvolvementConsent: consent });
  const specialist = s.specialists.find((x) => x.roles.includes(kind === 'mentoring' ? 'mentor' : 'family_supporter') && x.languages.includes(s.language)) ?? s.specialists[0];
  const fromKov = kind === 'needs_based' ? s.type !== 'lapsendaja' : kind === 'adaptation' && random() < 0.6;
  // When the provider received it: how long the service has been running decides the story.
  const runningDays: Record<Scenario, number> = { submitted: 0, forwarded: 2, first_contact_overdue: 12, rejected: 0, pending: 6, adaptation_green: 50, adaptation_amber: 30, needs_green: 150, needs_red: 120, needs_plan: 200, ended: 330, mentoring: 20, none: 0 };
  const receivedOn = kind === 'adaptation' ? maxDate(addCalendarDays(today, -runningDays[s.scenario]), addMonths(arrivedOn, -1)) : addCalendarDays(today, -runningDays[s.scenario]);
  const submittedOn = addCalendarDays(receivedOn, -3);
  const status = s.scenario === 'submitted' ? 'submitted' : s.scenario === 'rejected' ? 'rejected' : s.scenario === 'forwarded' || s.scenario === 'first_contact_overdue' ? 'forwarded' : 'started';
  const checked = status !== 'submitted';
  const referral = await trx
    .insertInto('family_referrals')
    .values({
      reference: referralReference(submittedOn, c.referralSeq++),
      family_id: familyId,
      kind,
      child_person_id: kind === 'mentoring' ? null : child,
      source: fromKov ? 'kov' : 'family',
      status,
      kov_organisation_id: fromKov ? s.kovId : null,
      kov_worker_id: fromKov ? s.kovWorkerId : null,
      topics: fromKov ? 'Kiindumussuhe, piiride seadmine' : null,
      problems: fromKov ? 'Lapse käitumisraskused koolis, pere väsimus' : null,
      goals: fromKov ? 'Stabiilne päevarütm\nPositiivne suhtlus kooliga' : null,
      case_plan_reference: fromKov ? `JP-${submittedOn.slice(0, 4)}-${100 + s.index}` : null,
      preferred_provider_id: s.provider.id,
      request_notes: null,
      submitted_on: submittedOn,
      submitted_by: s.kovWorkerId && fromKov ? s.kovWorkerId : c.skaContact,
      check_target_group: checked ? true : null,
      check_earlier_service: checked ? true : null,
      check_justification: checked && kind === 'needs_based' ? status !== 'rejected' : null,
      check_notes: status === 'rejected' ? null : checked ? 'Sihtrühm; varasem teenus kontrollitud' : null,
      checked_by: checked ? c.skaContact : null,
      checked_on: checked ? receivedOn : null,
      rejection_reason: status === 'rejected' ? 'Juhtumiplaanis puuduvad teenuse eesmärgid; palume suunamist täiendada.' : null,
      provider_organisation_id: status === 'forwarded' || status === 'started' ? s.provider.id : null,
      received_on: status === 'forwarded' || status === 'started' ? receivedOn : null,
      first_contact_due: status === 'forwarded' || status === 'started' ? firstContactDue(receivedOn) : null,
      first_contact_on: status === 'started' ? addWorkingDays(receivedOn, 2) : null,
      first_contact_channel: status === 'started' ? 'call' : null,
    })
    .returning(['id'])
    .executeTakeFirstOrThrow();
  await trx.insertInto('family_events').values({ family_id: familyId, referral_id: referral.id, kind: 'referral_submitted', to_status: 'submitted', actor_id: s.kovWorkerId }).execute();
  if (status === 'submitted' || status === 'rejected') return;
  await link(c, people, [{ org: s.provider.id }]);
  if (status === 'forwarded' || !specialist) return;

  const startsOn = addWorkingDays(receivedOn, 2);
  const agreementOn = s.scenario === 'pending' ? null : addCalendarDays(startsOn, 5);
  const endsOn = s.scenario === 'ended' ? addCalendarDays(today, -25) : null;
  const episode = await trx
    .insertInto('family_episodes')
    .values({
      family_id: familyId,
      referral_id: referral.id,
      kind,
      child_person_id: kind === 'mentoring' ? null : child,
      provider_organisation_id: s.provider.id,
      contract_id: s.provider.contractId,
      specialist_id: specialist.id,
      status: s.scenario === 'pending' ? 'pending' : endsOn ? 'ended' : 'active',
      starts_on: startsOn,
      agreement_on: agreementOn,
      agreement_goals: agreementOn ? 'Pere ja lapse sujuv kohanemine\nStabiilne igapäevane rütm' : null,
      agreement_activities: agreementOn ? 'Regulaarsed kohtumised pere kodus, nõustamine telefoni teel, tugigruppi kutsumine' : null,
      family_activities: agreementOn ? 'Hoiab peretoetajat kursis, osaleb tugigrupis' : null,
      ends_on: endsOn,
      end_reason: endsOn ? 'goals_reached' : null,
      termination_activities: endsOn ? 'Kodukülastused, telefoninõustamine, tugigrupid' : null,
      termination_goals_reached: endsOn ? 'Päevarütm on stabiilne, koostöö kooliga toimib' : null,
      termination_further_needs: endsOn ? 'Osalemine tugigrupis' : null,
      termination_kov_recommendations: endsOn && involved ? 'Jätkata lastekaitsetöötaja külastusi kord kvartalis' : null,
      termination_sent_to_kov_on: endsOn && involved ? endsOn : null,
      continued_support: Boolean(endsOn),
      created_by: specialist.userId,
    })
    .returning(['id'])
    .executeTakeFirstOrThrow();
  await link(c, people, [{ org: s.provider.id, user: specialist.userId }]);
  await trx.insertInto('family_events').values([
    { family_id: familyId, referral_id: referral.id, kind: 'referral_forwarded', from_status: 'submitted', to_status: 'forwarded', actor_id: c.skaContact },
    { family_id: familyId, episode_id: episode.id, kind: 'episode_started', to_status: 'pending', actor_id: specialist.userId },
  ]).execute();
  if (!agreementOn) return;

  const goalIds: string[] = [];
  if (kind === 'needs_based') {
    const goals = await trx
      .insertInto('support_plan_goals')
      .values(['Stabiilne päevarütm', 'Positiivne suhtlus kooliga', ...(s.scenario === 'needs_plan' ? ['Lapse ja bioloogilise ema kohtumiste ettevalmistus'] : [])].map((text, i) => ({ episode_id: episode.id, text, origin: i < 2 ? ('start' as const) : ('added' as const), added_on: i < 2 ? agreementOn : addMonths(agreementOn, 2), created_by: specialist.userId, status: i === 0 && s.scenario === 'ended' ? ('reached' as const) : ('open' as const) })))
      .returning('id')
      .execute();
    goalIds.push(...goals.map((g) => g.id));
  }
  const until = endsOn ?? today;
  const stopAt = s.scenario === 'needs_red' ? addCalendarDays(today, -19) : s.scenario === 'adaptation_amber' ? addCalendarDays(today, -6) : until;
  const contacts: { episode_id: string; kind: ContactKind; occurred_on: IsoDate; duration_minutes: number; notes: string; goal_notes: string; created_by: string }[] = [];
  const homeEvery = kind === 'adaptation' ? 75 : 26;
  let lastHome = agreementOn;
  for (let day = addCalendarDays(agreementOn, 4 + Math.floor(random() * 3)); compareIsoDates(day, stopAt) <= 0; ) {
    const home = kind !== 'mentoring' && compareIsoDates(day, addCalendarDays(lastHome, homeEvery)) >= 0;
    if (home) lastHome = day;
    const k: ContactKind = home ? 'home_visit' : pick(random, ['call', 'call', 'message', 'email', 'meeting'] as const);
    const goal = goalIds.length && (home || k === 'meeting') ? goalIds[Math.floor(random() * goalIds.length)]! : null;
    contacts.push({
      episode_id: episode.id,
      kind: k,
      occurred_on: day,
      duration_minutes: home ? 90 : k === 'meeting' ? 60 : 15,
      notes: home ? 'Kodukülastus: arutasime nädala sündmusi ja lapse kohanemist.' : 'Lühike vestlus pere käekäigust.',
      goal_notes: JSON.stringify(goal ? [{ goalId: goal, note: 'Liigume eesmärgi poole: rutiin on paranenud.' }] : []),
      created_by: specialist.userId,
    });
    const weekly = compareIsoDates(day, addMonths(agreementOn, 3)) < 0;
    day = addCalendarDays(day, weekly ? 5 + Math.floor(random() * 3) : 9 + Math.floor(random() * 5));
  }
  const last = contacts.at(-1)?.occurred_on ?? agreementOn;
  if (!endsOn && s.scenario !== 'needs_red' && compareIsoDates(last, stopAt) < 0) {
    contacts.push({ episode_id: episode.id, kind: 'call', occurred_on: stopAt, duration_minutes: 10, notes: 'Telefonikõne', goal_notes: '[]', created_by: specialist.userId });
  }
  if (contacts.length) await trx.insertInto('family_contacts').values(contacts).execute();
  if (endsOn) {
    await trx.insertInto('family_contacts').values({ episode_id: episode.id, kind: 'continued_support', occurred_on: addCalendarDays(endsOn, 14), duration_minutes: 10, notes: 'Kutse järgmisesse tugigruppi', goal_notes: '[]', created_by: specialist.userId }).execute();
  }
  const compliance = contactCompliance({ kind, agreementOn, contacts: contacts.map((x) => ({ on: x.occurred_on, kind: x.kind })), today, endedOn: endsOn });
  await trx
    .updateTable('family_episodes')
    .set({ last_contact_on: compliance.lastContactOn, last_home_visit_on: compliance.lastHomeVisitOn, next_contact_due: compliance.nextContactDue, next_home_visit_due: compliance.nextHomeVisitDue })
    .where('id', '=', episode.id)
    .execute();
  await trx.insertInto('family_events').values({ family_id: familyId, episode_id: episode.id, kind: 'agreement_signed', from_status: 'pending', to_status: 'active', actor_id: specialist.userId }).execute();
  if (!involved || kind === 'mentoring') return;
  const kovId = s.kovId;
  const reports: { episode_id: string; kind: 'start_notice' | 'quarterly_overview' | 'termination'; kov_organisation_id: string; period_start: IsoDate | null; period_end: IsoDate | null; progress: string | null; difficulties: string | null; includes_plan: boolean; sent_on: IsoDate; created_by: string }[] = [
    { episode_id: episode.id, kind: 'start_notice', kov_organisation_id: kovId, period_start: null, period_end: null, progress: null, difficulties: null, includes_plan: false, sent_on: agreementOn, created_by: specialist.userId },
  ];
  for (let from = agreementOn, to = addMonths(agreementOn, 3); compareIsoDates(to, until) <= 0; from = to, to = addMonths(to, 3)) {
    reports.push({ episode_id: episode.id, kind: 'quarterly_overview', kov_organisation_id: kovId, period_start: from, period_end: to, progress: 'Pere on kohanenud, päevarütm paraneb.', difficulties: 'Koolitee ja huviringide logistika.', includes_plan: kind === 'needs_based', sent_on: addCalendarDays(to, 3), created_by: specialist.userId });
  }
  if (endsOn) reports.push({ episode_id: episode.id, kind: 'termination', kov_organisation_id: kovId, period_start: null, period_end: null, progress: 'Päevarütm on stabiilne, koostöö kooliga toimib', difficulties: null, includes_plan: false, sent_on: endsOn, created_by: specialist.userId });
  await trx.insertInto('kov_reports').values(reports.filter((r) => compareIsoDates(r.sent_on, today) <= 0)).execute();
}

const maxDate = (a: IsoDate, b: IsoDate) => (compareIsoDates(a, b) >= 0 ? a : b);
