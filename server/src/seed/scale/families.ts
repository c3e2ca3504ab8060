import { addCalendarDays, addMonths, addWorkingDays, compareIsoDates, subtractWorkingDays, type IsoDate } from '../../platform/calendar/working-days.js';
import { normaliseName, searchNameOf } from '../../modules/people/rules.js';
import { familyReference, firstContactDue, kovInvolved, needsBasedEligibleFrom, referralReference } from '../../modules/families/rules.js';
import type { ContactKind, FamilyType, SupportKind } from '../../modules/families/tables.js';
import { pick, type Random } from '../random.js';
import type { Row } from './copy.js';
import { drawKov, type Kov, type Provider, type Specialist, type World } from './organisations.js';
import { entityRandom, makePerson, personRow, stamp, uuidFrom, type PersonalCodes } from './people.js';

/**
 * Module B at scale: foster, guardianship and adoptive families created over
 * ten years, with parents and placed children; per child an adaptation
 * episode starting near the arrival and ending within the year after it
 * (B-ADAPT), per family at most one needs-based episode of under 12 months for
 * a child in the family over a year (B-NEED), mentoring episodes for some;
 * each episode behind a started referral, with contacts dated inside it,
 * support-plan goals, KOV reports and the family timeline. Sessions: up to 4
 * mentoring sessions per quarter inside a mentoring episode (B-MENT-2), and at
 * most 5 counselling/supervision sessions per family and calendar year (B-PSY-1).
 *
 * Two passes over the same deterministic plan: `planFamily` (structure and
 * session counts, no people — the personal-code allocator is stateful) sizes
 * the contact density so contacts + sessions hit the target; `emitFamily`
 * then writes the rows.
 */
const STREAM_FAMILY = 31;
const STREAM_PEOPLE = 32;
const STREAM_CONTACTS = 33;
const STREAM_SESSIONS = 34;

interface Placement {
  arrivedOn: IsoDate;
  leftOn: IsoDate | null;
  age: number;
}

interface EpisodePlan {
  id: string;
  referralId: string;
  kind: SupportKind;
  child: number | null;
  specialist: Specialist;
  contractId: string | null;
  submittedOn: IsoDate;
  receivedOn: IsoDate;
  startsOn: IsoDate;
  agreementOn: IsoDate | null;
  endsOn: IsoDate | null;
  endReason: string | null;
  fromKov: boolean;
}

export interface FamilyPlan {
  index: number;
  id: string;
  householdId: string;
  kov: Kov;
  kovWorker: string | null;
  type: FamilyType;
  consent: boolean;
  createdOn: IsoDate;
  provider: Provider;
  parents: number;
  placements: Placement[];
  episodes: EpisodePlan[];
  extraReferral: { id: string; status: 'rejected' | 'submitted'; kind: SupportKind; submittedOn: IsoDate } | null;
  contactDays: number;
}

const minDate = (a: IsoDate, b: IsoDate) => (compareIsoDates(a, b) <= 0 ? a : b);
const days = (from: IsoDate, to: IsoDate) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

function contractAt(provider: Provider, on: IsoDate): string | null {
  return provider.contracts.find((c) => compareIsoDates(c.startsOn, on) <= 0 && compareIsoDates(on, c.endsOn) <= 0)?.id ?? null;
}

export function planFamily(world: World, index: number): FamilyPlan {
  const random = entityRandom(world.seed, STREAM_FAMILY, index);
  const { today } = world;
  const kov = drawKov(world, random);
  const workers = world.kovWorkers.get(kov.id) ?? [];
  const r = random();
  const type: FamilyType = r < 0.6 ? 'hooldus' : r < 0.9 ? 'eestkoste' : 'lapsendaja';
  const consent = !(type === 'lapsendaja' && random() < 0.2);
  const createdOn = addCalendarDays(today, -(20 + Math.floor(random() * 3630)));
  const provider = world.providers[(world.kovs.indexOf(kov) * 3 + Math.floor(random() * 3)) % world.providers.length]!;
  const parents = type === 'eestkoste' && random() < 0.5 ? 1 : 2;
  const childCount = random() < 0.6 ? 1 : random() < 0.75 ? 2 : 3;
  const placements: Placement[] = [];
  let arrival = addCalendarDays(createdOn, Math.floor(random() * 60));
  for (let c = 0; c < childCount && compareIsoDates(arrival, today) <= 0; c++) {
    const leaves = random() < 0.2 ? addCalendarDays(arrival, 365 + Math.floor(random() * 1800)) : null;
    placements.push({ arrivedOn: arrival, leftOn: leaves && compareIsoDates(leaves, today) < 0 ? leaves : null, age: Math.floor(random() * 14) });
    arrival = addCalendarDays(arrival, 365 + Math.floor(random() * 1100));
  }
  if (placements.length === 0) placements.push({ arrivedOn: createdOn, leftOn: null, age: 3 });

  const episodes: EpisodePlan[] = [];
  let contactDays = 0;
  const pickSpecialist = (list: Specialist[]) => (list.length ? pick(random, list) : provider.supporters[0] ?? provider.mentors[0] ?? provider.psychologists[0]!);
  const addEpisode = (kind: SupportKind, child: number | null, startsOn: IsoDate, endsOn: IsoDate | null, endReason: string | null) => {
    if (compareIsoDates(startsOn, today) >= 0) return;
    const ended = endsOn !== null && compareIsoDates(endsOn, today) < 0;
    const agreementOn = addCalendarDays(startsOn, 3 + Math.floor(random() * 5));
    const agreed = compareIsoDates(agreementOn, today) < 0 && (!ended || compareIsoDates(agreementOn, endsOn!) <= 0);
    const receivedOn = subtractWorkingDays(startsOn, 2);
    const episode: EpisodePlan = {
      id: uuidFrom(random),
      referralId: uuidFrom(random),
      kind,
      child,
      specialist: pickSpecialist(kind === 'mentoring' ? provider.mentors : provider.supporters),
      contractId: contractAt(provider, startsOn),
      submittedOn: addCalendarDays(receivedOn, -(1 + Math.floor(random() * 7))),
      receivedOn,
      startsOn,
      agreementOn: agreed ? agreementOn : null,
      endsOn: ended ? endsOn : null,
      endReason: ended ? endReason : null,
      fromKov: kovInvolved({ type, kovInvolvementConsent: consent }) && workers.length > 0 && random() < 0.7,
    };
    episodes.push(episode);
    if (episode.agreementOn && kind !== 'mentoring') contactDays += Math.max(0, days(episode.agreementOn, episode.endsOn ?? today));
  };

  placements.forEach((p, c) => {
    // B-ADAPT: from arrival (at most a month before) to the first anniversary.
    if (random() < 0.85) {
      const startsOn = addCalendarDays(p.arrivedOn, Math.floor(random() * 25));
      let endsOn = minDate(addCalendarDays(startsOn, 120 + Math.floor(random() * 210)), addMonths(p.arrivedOn, 12));
      let reason = random() < 0.7 ? 'goals_reached' : 'volume_used';
      if (p.leftOn && compareIsoDates(p.leftOn, endsOn) < 0) [endsOn, reason] = [p.leftOn, 'child_left'];
      addEpisode('adaptation', c, startsOn, endsOn, reason);
    }
  });
  // B-NEED: one episode per family, under 12 months, for a child in the family over a year.
  const first = placements[0]!;
  if (random() < 0.6) {
    const startsOn = addCalendarDays(needsBasedEligibleFrom(first.arrivedOn), Math.floor(random() * 400));
    if (!first.leftOn || compareIsoDates(startsOn, first.leftOn) < 0) {
      let endsOn = addCalendarDays(startsOn, 90 + Math.floor(random() * 270));
      let reason = random() < 0.5 ? 'goals_reached' : 'volume_used';
      if (first.leftOn && compareIsoDates(first.leftOn, endsOn) < 0) [endsOn, reason] = [first.leftOn, 'child_left'];
      addEpisode('needs_based', 0, startsOn, endsOn, reason);
    }
  }
  if (random() < 0.6) {
    const startsOn = addCalendarDays(first.arrivedOn, 30 + Math.floor(random() * 500));
    addEpisode('mentoring', null, startsOn, addCalendarDays(startsOn, 365 + Math.floor(random() * 1100)), random() < 0.5 ? 'goals_reached' : 'family_request');
  }
  const extra = random();
  const extraReferral =
    extra < 0.08
      ? { id: uuidFrom(random), status: 'rejected' as const, kind: 'needs_based' as const, submittedOn: addCalendarDays(createdOn, Math.floor(random() * 300)) }
      : extra < 0.1 && days(createdOn, today) < 90
        ? { id: uuidFrom(random), status: 'submitted' as const, kind: 'adaptation' as const, submittedOn: addCalendarDays(today, -Math.floor(random() * 5)) }
        : null;
  if (extraReferral && compareIsoDates(extraReferral.submittedOn, today) > 0) extraReferral.submittedOn = today;
  return {
    index,
    id: uuidFrom(random),
    householdId: uuidFrom(random),
    kov,
    kovWorker: workers.length ? pick(random, workers) : null,
    type,
    consent,
    createdOn,
    provider,
    parents,
    placements,
    episodes,
    extraReferral,
    contactDays,
  };
}

export interface SessionPlan {
  service: 'mentoring' | 'counselling' | 'supervision';
  episodeId: string | null;
  specialist: Specialist;
  heldOn: IsoDate;
  minutes: number;
  remote: IsoDate | null;
}

function quarterStart(date: IsoDate): IsoDate {
  const month = Math.floor((Number(date.slice(5, 7)) - 1) / 3) * 3 + 1;
  return `${date.slice(0, 4)}-${String(month).padStart(2, '0')}-01`;
}

/** Distinct sorted days in [from, to]. */
function daysIn(random: Random, from: IsoDate, to: IsoDate, n: number): IsoDate[] {
  const span = days(from, to) + 1;
  if (span <= 0) return [];
  const chosen = new Set<number>();
  const want = Math.min(n, span);
  while (chosen.size < want) chosen.add(Math.floor(random() * span));
  return [...chosen].sort((a, b) => a - b).map((d) => addCalendarDays(from, d));
}

/** Mentoring: 1–4 a quarter inside each mentoring episode; counselling/supervision: at most 5 a calendar year. */
export function sessionsOf(world: World, plan: FamilyPlan): SessionPlan[] {
  const random = entityRandom(world.seed, STREAM_SESSIONS, plan.index);
  const sessions: SessionPlan[] = [];
  for (const e of plan.episodes) {
    if (e.kind !== 'mentoring' || !e.agreementOn) continue;
    const last = e.endsOn ?? world.today;
    for (let q = quarterStart(e.agreementOn); compareIsoDates(q, last) <= 0; q = addMonths(q, 3)) {
      const from = compareIsoDates(q, e.agreementOn) < 0 ? e.agreementOn : q;
      const to = minDate(addCalendarDays(addMonths(q, 3), -1), last);
      const remote = random() < 0.15 ? e.agreementOn : null;
      for (const heldOn of daysIn(random, from, to, 1 + Math.floor(random() * 4))) {
        sessions.push({ service: 'mentoring', episodeId: e.id, specialist: e.specialist, heldOn, minutes: 60 + 15 * Math.floor(random() * 3), remote });
      }
    }
  }
  const psychologists = plan.provider.psychologists;
  if (psychologists.length) {
    const arrived = plan.placements[0]!.arrivedOn;
    for (let year = Number(arrived.slice(0, 4)); year <= Number(world.today.slice(0, 4)); year++) {
      if (random() >= 0.7) continue;
      const from = compareIsoDates(`${year}-01-01`, arrived) < 0 ? arrived : `${year}-01-01`;
      const to = minDate(`${year}-12-31`, world.today);
      const specialist = pick(random, psychologists);
      for (const heldOn of daysIn(random, from, to, 1 + Math.floor(random() * 5))) {
        sessions.push({ service: random() < 0.8 ? 'counselling' : 'supervision', episodeId: null, specialist, heldOn, minutes: 60, remote: null });
      }
    }
  }
  return sessions;
}

export const FAMILY_TABLES = {
  households: ['id', 'label', 'created_at'],
  people: ['id', 'personal_code', 'first_name', 'last_name', 'search_name', 'birth_date', 'sex', 'created_at', 'updated_at'],
  household_members: ['household_id', 'person_id', 'created_at'],
  families: ['id', 'reference', 'type', 'kov_organisation_id', 'language', 'assessed', 'kov_involvement_consent', 'adoption_secrecy', 'in_service_on_2022_10_31', 'household_id', 'contact_phone', 'search_text', 'created_by', 'created_at', 'updated_at'],
  family_parents: ['family_id', 'person_id', 'relation', 'created_at'],
  family_children: ['family_id', 'child_person_id', 'arrived_on', 'left_on', 'created_at', 'updated_at'],
  person_links: ['person_id', 'organisation_id', 'user_id', 'reason', 'created_at'],
  family_referrals: [
    'id', 'reference', 'family_id', 'kind', 'child_person_id', 'source', 'status', 'kov_organisation_id', 'kov_worker_id', 'topics', 'problems', 'goals', 'preferred_provider_id',
    'submitted_on', 'submitted_by', 'check_target_group', 'check_earlier_service', 'check_justification', 'check_notes', 'checked_by', 'checked_on', 'rejection_reason',
    'provider_organisation_id', 'received_on', 'first_contact_due', 'first_contact_on', 'first_contact_channel', 'created_at', 'updated_at',
  ],
  family_episodes: [
    'id', 'family_id', 'referral_id', 'kind', 'child_person_id', 'provider_organisation_id', 'contract_id', 'specialist_id', 'status', 'starts_on', 'agreement_on', 'agreement_goals',
    'agreement_activities', 'last_contact_on', 'last_home_visit_on', 'next_contact_due', 'next_home_visit_due', 'ends_on', 'end_reason', 'termination_activities', 'termination_goals_reached',
    'termination_sent_to_kov_on', 'created_by', 'created_at', 'updated_at',
  ],
  support_plan_goals: ['episode_id', 'text', 'origin', 'added_on', 'status', 'created_by', 'created_at', 'updated_at'],
  family_contacts: ['episode_id', 'kind', 'occurred_on', 'duration_minutes', 'notes', 'created_by', 'created_at'],
  kov_reports: ['episode_id', 'kind', 'kov_organisation_id', 'period_start', 'period_end', 'progress', 'sent_on', 'created_by', 'created_at'],
  family_events: ['family_id', 'episode_id', 'referral_id', 'kind', 'from_status', 'to_status', 'actor_id', 'at'],
  service_sessions: ['service', 'family_id', 'episode_id', 'provider_organisation_id', 'specialist_id', 'held_on', 'minutes', 'mode', 'remote_agreed_on', 'participants', 'summary', 'created_by', 'created_at', 'updated_at'],
} as const;

export type FamilyTable = keyof typeof FAMILY_TABLES;
export type FamilyRows = Record<FamilyTable, Row[]>;
export const emptyFamilyRows = (): FamilyRows => Object.fromEntries(Object.keys(FAMILY_TABLES).map((t) => [t, []])) as unknown as FamilyRows;

const NOTES: Record<ContactKind, string> = {
  call: 'Telefonikõne: pere käekäik ja nädala plaanid.',
  email: 'E-kiri: kokkulepped järgmiseks kohtumiseks.',
  message: 'Sõnum: meeldetuletus ja lühike tagasiside.',
  home_visit: 'Kodukülastus: arutasime nädala sündmusi ja lapse kohanemist.',
  meeting: 'Kohtumine: tugiplaani eesmärkide arutelu.',
  remote_meeting: 'Veebikohtumine: pere küsimused ja nõustamine.',
  continued_support: 'Jätkutugi',
};
const OTHER_KINDS: ContactKind[] = ['call', 'call', 'call', 'message', 'email', 'meeting', 'remote_meeting'];

export interface FamilySequences {
  family: number;
  referral: number;
}

/** Writes family `plan` into `out`; `density` is contacts per episode day; returns its session count. */
export function emitFamily(world: World, codes: PersonalCodes, plan: FamilyPlan, density: number, seq: FamilySequences, out: FamilyRows): void {
  const random = entityRandom(world.seed, STREAM_PEOPLE, plan.index);
  const { today } = world;
  const created = stamp(plan.createdOn);
  const reference = familyReference(plan.createdOn, seq.family++);
  const involved = kovInvolved({ type: plan.type, kovInvolvementConsent: plan.consent });
  const actor = plan.kovWorker ?? world.skaContact;
  out.households.push([plan.householdId, reference, created]);

  const lastName = pick(random, ['Tamm', 'Saar', 'Sepp', 'Mägi', 'Kask', 'Kukk', 'Rebane', 'Ilves', 'Pärn', 'Koppel', 'Lepik', 'Kuusk', 'Põder', 'Oja', 'Lõhmus', 'Vaher', 'Ivanov', 'Smirnov', 'Kallas', 'Kõiv']);
  const parents = Array.from({ length: plan.parents }, () => makePerson(random, codes, addCalendarDays(plan.createdOn, -(25 + Math.floor(random() * 30)) * 365), 365, plan.createdOn, lastName)).filter((p) => p.code);
  const children = plan.placements.map((p) => {
    const child = makePerson(random, codes, addCalendarDays(p.arrivedOn, -(p.age * 365 + 200)), 200, p.arrivedOn, lastName);
    return child;
  });
  const everyone = [...parents, ...children].filter((p) => p.code);
  for (const p of everyone) out.people.push(personRow(p));
  for (const p of everyone) out.household_members.push([plan.householdId, p.id, created]);
  const language = plan.kov.county === 'Ida-Viru' && random() < 0.6 ? 'ru' : 'et';
  const searchText = [...everyone.map((p) => searchNameOf(p.first, p.last)), normaliseName(reference)].join(' ');
  out.families.push([plan.id, reference, plan.type, plan.kov.id, language, true, plan.consent, plan.type === 'lapsendaja' && random() < 0.3, compareIsoDates(plan.createdOn, '2022-10-31') <= 0 && random() < 0.3, plan.householdId, `+372 5${String(1_000_000 + ((plan.index * 7919) % 8_999_999)).slice(0, 7)}`, searchText, actor || null, created, created]);
  parents.forEach((p) => out.family_parents.push([plan.id, p.id, plan.type === 'eestkoste' ? 'guardian' : 'parent', created]));
  plan.placements.forEach((p, c) => {
    if (children[c]!.code) out.family_children.push([plan.id, children[c]!.id, p.arrivedOn, p.leftOn, stamp(p.arrivedOn), stamp(p.leftOn ?? p.arrivedOn)]);
  });
  out.family_events.push([plan.id, null, null, 'family_created', null, null, actor || null, created]);

  const sessions = sessionsOf(world, plan);
  const personal = new Set<string>();
  const contactsRandom = entityRandom(world.seed, STREAM_CONTACTS, plan.index);
  for (const e of plan.episodes) {
    const childId = e.child === null || !children[e.child]!.code ? null : children[e.child]!.id;
    personal.add(e.specialist.userId);
    out.family_referrals.push([
      e.referralId, referralReference(e.submittedOn, seq.referral++), plan.id, e.kind, e.kind === 'mentoring' ? null : childId, e.fromKov ? 'kov' : 'family', 'started',
      e.fromKov ? plan.kov.id : null, e.fromKov ? plan.kovWorker : null, e.fromKov ? 'Kiindumussuhe, piiride seadmine' : null, e.fromKov ? 'Lapse käitumisraskused, pere väsimus' : null, e.fromKov ? 'Stabiilne päevarütm' : null, plan.provider.id,
      e.submittedOn, e.fromKov ? plan.kovWorker : world.skaContact, true, true, e.kind === 'needs_based' ? true : null, 'Sihtrühm; varasem teenus kontrollitud', world.skaContact, e.receivedOn, null,
      plan.provider.id, e.receivedOn, firstContactDue(e.receivedOn), addWorkingDays(e.receivedOn, 1), 'call', stamp(e.submittedOn), stamp(e.startsOn),
    ]);
    out.family_events.push(
      [plan.id, null, e.referralId, 'referral_submitted', null, 'submitted', e.fromKov ? plan.kovWorker : world.skaContact, stamp(e.submittedOn)],
      [plan.id, null, e.referralId, 'referral_forwarded', 'submitted', 'forwarded', world.skaContact, stamp(e.receivedOn)],
      [plan.id, e.id, e.referralId, 'episode_started', null, 'pending', e.specialist.userId, stamp(e.startsOn)],
    );

    // Contacts, inside the episode: from the day after the agreement to its end (or today).
    let lastContact: IsoDate | null = null;
    let lastHome: IsoDate | null = null;
    if (e.agreementOn && e.kind !== 'mentoring') {
      const from = addCalendarDays(e.agreementOn, 1);
      const to = e.endsOn ?? today;
      const span = days(from, to) + 1;
      if (span > 0) {
        const n = Math.max(1, Math.round(span * density * (0.8 + 0.4 * contactsRandom())));
        const offsets = Array.from({ length: n }, () => Math.floor(contactsRandom() * span)).sort((a, b) => a - b);
        const homeEvery = e.kind === 'adaptation' ? 75 : 26;
        let homeAt = -homeEvery;
        for (const offset of offsets) {
          const on = addCalendarDays(from, offset);
          const home = offset - homeAt >= homeEvery;
          if (home) {
            homeAt = offset;
            lastHome = on;
          }
          const kind = home ? 'home_visit' : OTHER_KINDS[Math.floor(contactsRandom() * OTHER_KINDS.length)]!;
          out.family_contacts.push([e.id, kind, on, home ? 90 : kind === 'meeting' || kind === 'remote_meeting' ? 60 : 15, NOTES[kind], e.specialist.userId, stamp(on, 8 + Math.floor(contactsRandom() * 10))]);
          lastContact = on;
        }
      }
    }
    const active = !e.endsOn && e.agreementOn !== null;
    const status = e.endsOn ? 'ended' : e.agreementOn ? 'active' : 'pending';
    const weekly = e.agreementOn && compareIsoDates(today, addMonths(e.agreementOn, 3)) < 0;
    const contactBase = lastContact ?? e.agreementOn;
    out.family_episodes.push([
      e.id, plan.id, e.referralId, e.kind, e.kind === 'mentoring' ? null : childId, plan.provider.id, e.contractId, e.specialist.id, status, e.startsOn, e.agreementOn,
      e.agreementOn ? 'Pere ja lapse sujuv kohanemine\nStabiilne igapäevane rütm' : null, e.agreementOn ? 'Regulaarsed kohtumised pere kodus, nõustamine telefoni teel' : null,
      lastContact, lastHome, active && e.kind !== 'mentoring' && contactBase ? addCalendarDays(contactBase, weekly ? 7 : 15) : null,
      active && e.kind !== 'mentoring' ? addMonths(lastHome ?? e.agreementOn!, e.kind === 'adaptation' ? 3 : 1) : null,
      e.endsOn, e.endReason, e.endsOn ? 'Kodukülastused, telefoninõustamine, tugigrupid' : null, e.endsOn ? 'Päevarütm on stabiilne' : null, e.endsOn && involved ? e.endsOn : null,
      e.specialist.userId, stamp(e.startsOn), stamp(e.endsOn ?? lastContact ?? e.startsOn),
    ]);
    if (e.agreementOn && e.kind === 'needs_based') {
      out.support_plan_goals.push(
        [e.id, 'Stabiilne päevarütm', 'start', e.agreementOn, e.endsOn ? 'reached' : 'open', e.specialist.userId, stamp(e.agreementOn), stamp(e.endsOn ?? e.agreementOn)],
        [e.id, 'Positiivne suhtlus kooliga', 'start', e.agreementOn, 'open', e.specialist.userId, stamp(e.agreementOn), stamp(e.agreementOn)],
      );
    }
    if (e.agreementOn && involved && e.kind !== 'mentoring') {
      out.kov_reports.push([e.id, 'start_notice', plan.kov.id, null, null, null, e.agreementOn, e.specialist.userId, stamp(e.agreementOn)]);
      if (e.kind === 'needs_based') {
        const last = e.endsOn ?? today;
        for (let q = addMonths(e.agreementOn, 3); compareIsoDates(q, last) <= 0; q = addMonths(q, 3)) {
          out.kov_reports.push([e.id, 'quarterly_overview', plan.kov.id, addMonths(q, -3), addCalendarDays(q, -1), 'Pere on eesmärkide suunas liikunud.', q, e.specialist.userId, stamp(q)]);
        }
      }
      if (e.endsOn) out.kov_reports.push([e.id, 'termination', plan.kov.id, e.startsOn, e.endsOn, 'Teenus lõpetati.', e.endsOn, e.specialist.userId, stamp(e.endsOn)]);
    }
    if (e.endsOn) out.family_events.push([plan.id, e.id, null, 'episode_ended', 'active', 'ended', e.specialist.userId, stamp(e.endsOn)]);
  }
  if (plan.extraReferral) {
    const x = plan.extraReferral;
    const rejected = x.status === 'rejected';
    out.family_referrals.push([
      x.id, referralReference(x.submittedOn, seq.referral++), plan.id, x.kind, children[0]!.code ? children[0]!.id : null, 'family', x.status, null, null, null, null, null, plan.provider.id,
      x.submittedOn, world.skaContact, rejected ? true : null, rejected ? true : null, rejected ? false : null, null, rejected ? world.skaContact : null, rejected ? addCalendarDays(x.submittedOn, 2) : null,
      rejected ? 'Juhtumiplaanis puuduvad teenuse eesmärgid; palume suunamist täiendada.' : null, null, null, null, null, null, stamp(x.submittedOn), stamp(x.submittedOn),
    ]);
    out.family_events.push([plan.id, null, x.id, 'referral_submitted', null, 'submitted', world.skaContact, stamp(x.submittedOn)]);
  }
  for (const s of sessions) {
    personal.add(s.specialist.userId);
    out.service_sessions.push([
      s.service, plan.id, s.episodeId, plan.provider.id, s.specialist.id, s.heldOn, s.minutes, s.remote ? 'remote' : 'in_person', s.remote, 'Hoolduspere vanemad',
      s.service === 'mentoring' ? 'Kogemuste jagamine ja igapäevased väljakutsed' : 'Psühholoogiline nõustamine', s.specialist.userId, stamp(s.heldOn, 16), stamp(s.heldOn, 16),
    ]);
  }
  // Who may see these people (X-FIND via person_links): SKA, the KOV (unless an adoptive family declined), the provider, and each specialist personally.
  const orgs = [world.ska, ...(involved ? [plan.kov.id] : []), plan.provider.id];
  for (const p of everyone) {
    for (const org of orgs) out.person_links.push([p.id, org, null, 'family', created]);
    for (const user of personal) out.person_links.push([p.id, plan.provider.id, user, 'family', created]);
  }
}
