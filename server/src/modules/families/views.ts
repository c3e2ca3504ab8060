import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { Actor } from '../../platform/policy/actor.js';
import { compareIsoDates } from '../../platform/calendar/working-days.js';
import {
  agencyGapsOf,
  childrenOf,
  contactsOf,
  episodeParties,
  familyEventsOf,
  familyFacts,
  familyProviderIds,
  goalsOf,
  householdMembersOf,
  kovReportsOf,
  parentsOf,
  priorPeriodsOf,
  type EpisodeListRow,
  type EpisodeRecord,
  type FamilyListRow,
  type FamilyRecord,
  type ReferralListRow,
  type ReferralRecord,
} from './queries.js';
import {
  contactCompliance,
  daysBetween,
  firstContactState,
  kovInvolved,
  needsBasedEligibleFrom,
  nextKovOverviewDue,
  CONTACT_WARN_DAYS,
  HOME_VISIT_WARN_DAYS,
  type ComplianceStatus,
} from './rules.js';
import { canSeeOrigin, type ChildOrigin } from './secrecy.js';
import { decryptJson } from '../../platform/crypto/keys.js';
import { childrenAdaptation, episodeLimit, familyNeedsBasedVolume } from './volume.js';
import { today } from './shared.js';
import type { EpisodeStatus, SupportKind } from './tables.js';

type Db = Kysely<DB>;

/** B-FREQ from the stored due dates: the same colours as contactCompliance, for list rows. */
export function complianceOfRow(row: { kind: SupportKind; status: EpisodeStatus; agreement_on: string | null; next_contact_due: string | null; next_home_visit_due: string | null }, on = today()): ComplianceStatus {
  if (row.status === 'ended') return 'ended';
  if (row.kind === 'mentoring') return 'not_applicable';
  if (!row.agreement_on || !row.next_contact_due || !row.next_home_visit_due) return 'not_started';
  if (compareIsoDates(on, row.next_contact_due) > 0 || compareIsoDates(on, row.next_home_visit_due) > 0) return 'red';
  if (daysBetween(on, row.next_contact_due) <= CONTACT_WARN_DAYS || daysBetween(on, row.next_home_visit_due) <= HOME_VISIT_WARN_DAYS) return 'amber';
  return 'green';
}

/** Origin data that cannot be decrypted (a changed key) is shown as masked, not as an error page. */
function readOrigin(key: Buffer, stored: string): ChildOrigin | null {
  try {
    return decryptJson<ChildOrigin>(key, stored);
  } catch {
    return null;
  }
}

const minDate = (...dates: (string | null)[]) => dates.filter((d): d is string => Boolean(d)).sort()[0] ?? null;

export function familyListItem(row: FamilyListRow) {
  return {
    id: row.id,
    reference: row.reference,
    type: row.type,
    language: row.language,
    parentNames: row.parent_names ?? '',
    childrenInFamily: row.children_count,
    kovId: row.kov_organisation_id,
    kovName: row.kov_name,
    county: row.kov_county,
    district: row.district,
    assessed: row.assessed,
    adoptionSecrecy: row.adoption_secrecy,
    kovInvolved: kovInvolved({ type: row.type, kovInvolvementConsent: row.kov_involvement_consent }),
    runningEpisodes: row.running_episodes,
    createdAt: row.created_at.toISOString(),
  };
}

/**
 * The family page: parents, children with their adaptation windows and the
 * origin data (decrypted only for those X-SECRET allows, masked otherwise),
 * the remaining volume (B-NEED-1, B-CARRY), referrals, episodes and timeline.
 */
export async function familyDetail(db: Db, actor: Actor, f: FamilyRecord, key: Buffer) {
  const on = today();
  const [parents, children, members, prior, gaps, facts, providerIds, events, referrals, episodes] = await Promise.all([
    parentsOf(db, f.id),
    childrenOf(db, f.id),
    householdMembersOf(db, f.household_id),
    priorPeriodsOf(db, f.id),
    agencyGapsOf(db, f.id),
    familyFacts(db, f),
    familyProviderIds(db, f.id),
    familyEventsOf(db, f.id),
    db
      .selectFrom('family_referrals')
      .leftJoin('organisations as provider', 'provider.id', 'family_referrals.provider_organisation_id')
      .select(['family_referrals.id', 'family_referrals.reference', 'family_referrals.kind', 'family_referrals.status', 'family_referrals.submitted_on', 'family_referrals.child_person_id', 'provider.name as provider_name'])
      .where('family_referrals.family_id', '=', f.id)
      .orderBy('family_referrals.submitted_on', 'desc')
      .execute(),
    db
      .selectFrom('family_episodes')
      .innerJoin('organisations as provider', 'provider.id', 'family_episodes.provider_organisation_id')
      .leftJoin('provider_specialists as s', 's.id', 'family_episodes.specialist_id')
      .leftJoin('users as su', 'su.id', 's.user_id')
      .select([
        'family_episodes.id',
        'family_episodes.kind',
        'family_episodes.status',
        'family_episodes.starts_on',
        'family_episodes.ends_on',
        'family_episodes.child_person_id',
        'family_episodes.agreement_on',
        'family_episodes.next_contact_due',
        'family_episodes.next_home_visit_due',
        'provider.name as provider_name',
        'su.name as specialist_name',
      ])
      .where('family_episodes.family_id', '=', f.id)
      .orderBy('family_episodes.starts_on', 'desc')
      .execute(),
  ]);
  const orgs = await db
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where('id', 'in', [f.kov_organisation_id, ...(f.guardian_kov_organisation_id ? [f.guardian_kov_organisation_id] : []), ...(f.intake_provider_id ? [f.intake_provider_id] : []), ...providerIds])
    .execute();
  const orgName = (id: string | null) => (id ? (orgs.find((o) => o.id === id)?.name ?? '') : null);
  const showOrigin = canSeeOrigin(actor, { adoptionSecrecy: f.adoption_secrecy }, providerIds);
  const adaptation = childrenAdaptation(facts, on);
  const needsBased = familyNeedsBasedVolume(facts, on);
  return {
    id: f.id,
    reference: f.reference,
    type: f.type,
    version: f.version,
    kov: { id: f.kov_organisation_id, name: orgName(f.kov_organisation_id)! },
    guardianKov: f.guardian_kov_organisation_id ? { id: f.guardian_kov_organisation_id, name: orgName(f.guardian_kov_organisation_id)! } : null,
    district: f.district,
    language: f.language,
    assessed: f.assessed,
    kovInvolvementConsent: f.kov_involvement_consent,
    kovInvolved: kovInvolved({ type: f.type, kovInvolvementConsent: f.kov_involvement_consent }),
    adoptionSecrecy: f.adoption_secrecy,
    crisisOrSpecialFoster: f.crisis_or_special_foster,
    inServiceOn20221031: f.in_service_on_2022_10_31,
    intakeProvider: f.intake_provider_id ? { id: f.intake_provider_id, name: orgName(f.intake_provider_id)! } : null,
    providers: providerIds.map((id) => ({ id, name: orgName(id) ?? '' })),
    address: f.address,
    contactPhone: f.contact_phone,
    contactEmail: f.contact_email,
    notes: f.notes,
    parents: parents.map((p) => ({ personId: p.person_id, firstName: p.first_name, lastName: p.last_name, personalCode: p.personal_code, birthDate: p.birth_date, relation: p.relation })),
    children: children.map((c) => {
      const a = adaptation.find((x) => x.childPersonId === c.child_person_id && x.arrivedOn === c.arrived_on);
      const origin = showOrigin && c.origin_ciphertext ? readOrigin(key, c.origin_ciphertext) : null;
      return {
        placementId: c.id,
        personId: c.child_person_id,
        firstName: c.first_name,
        lastName: c.last_name,
        personalCode: c.personal_code,
        birthDate: c.birth_date,
        arrivedOn: c.arrived_on,
        leftOn: c.left_on,
        version: c.version,
        origin,
        originMasked: c.origin_ciphertext !== null && (!showOrigin || origin === null),
        adaptation: a
          ? { windowFrom: a.window.from, windowTo: a.window.to, regularEnd: a.window.regularEnd, leaveLimit: a.window.leaveLimit, usedDays: a.usedDays, daysLeft: a.daysLeft, open: a.open }
          : null,
        needsBasedEligibleFrom: needsBasedEligibleFrom(c.arrived_on),
      };
    }),
    householdMembers: members.map((m) => ({ personId: m.person_id, firstName: m.first_name, lastName: m.last_name, birthDate: m.birth_date })),
    volume: {
      needsBased: { ...needsBased, running: episodes.some((e) => e.kind === 'needs_based' && e.status !== 'ended') },
    },
    priorPeriods: prior.map((p) => ({ id: p.id, kind: p.kind, childPersonId: p.child_person_id, startsOn: p.starts_on, endsOn: p.ends_on, procurement: p.procurement, transitionalExtra: p.transitional_extra, note: p.note })),
    agencyGaps: gaps.map((g) => ({ id: g.id, kind: g.kind, childPersonId: g.child_person_id, startsOn: g.starts_on, endsOn: g.ends_on, reason: g.reason })),
    referrals: referrals.map((r) => ({ id: r.id, reference: r.reference, kind: r.kind, status: r.status, submittedOn: r.submitted_on, childPersonId: r.child_person_id, providerName: r.provider_name })),
    episodes: episodes.map((e) => ({
      id: e.id,
      kind: e.kind,
      status: e.status,
      startsOn: e.starts_on,
      endsOn: e.ends_on,
      childPersonId: e.child_person_id,
      providerName: e.provider_name,
      specialistName: e.specialist_name,
      compliance: complianceOfRow(e, on),
    })),
    timeline: events.map((e) => ({ id: String(e.id), kind: e.kind, episodeId: e.episode_id, referralId: e.referral_id, fromStatus: e.from_status, toStatus: e.to_status, reason: e.reason, at: e.at.toISOString(), author: e.author })),
  };
}

export function referralListItem(row: ReferralListRow, on = today()) {
  return {
    id: row.id,
    reference: row.reference,
    familyId: row.family_id,
    familyReference: row.family_reference,
    familyType: row.family_type,
    kind: row.kind,
    source: row.source,
    status: row.status,
    submittedOn: row.submitted_on,
    childName: row.child_first_name ? `${row.child_first_name} ${row.child_last_name}` : null,
    kovName: row.kov_name ?? row.family_kov_name,
    providerName: row.provider_name,
    preferredProviderName: row.preferred_provider_name,
    receivedOn: row.received_on,
    firstContactDue: row.first_contact_due,
    firstContactOn: row.first_contact_on,
    firstContactState: firstContactState(row.first_contact_due, row.first_contact_on, on),
  };
}

export async function referralDetail(db: Db, r: ReferralRecord) {
  const on = today();
  const [family, orgs, child, episode, submitter] = await Promise.all([
    db.selectFrom('families').select(['id', 'reference', 'type', 'language', 'kov_organisation_id']).where('id', '=', r.family_id).executeTakeFirstOrThrow(),
    db.selectFrom('organisations').select(['id', 'name']).where('id', 'in', [r.kov_organisation_id, r.provider_organisation_id, r.preferred_provider_id].filter((x): x is string => Boolean(x)).concat(['00000000-0000-0000-0000-000000000000'])).execute(),
    r.child_person_id ? db.selectFrom('people').select(['id', 'first_name', 'last_name', 'birth_date']).where('id', '=', r.child_person_id).executeTakeFirst() : Promise.resolve(undefined),
    db.selectFrom('family_episodes').select(['id', 'status']).where('referral_id', '=', r.id).executeTakeFirst(),
    db.selectFrom('users').select('name').where('id', '=', r.submitted_by).executeTakeFirst(),
  ]);
  const orgName = (id: string | null) => (id ? (orgs.find((o) => o.id === id)?.name ?? '') : null);
  return {
    id: r.id,
    reference: r.reference,
    version: r.version,
    family: { id: family.id, reference: family.reference, type: family.type, language: family.language },
    kind: r.kind,
    source: r.source,
    status: r.status,
    child: child ? { id: child.id, firstName: child.first_name, lastName: child.last_name, birthDate: child.birth_date } : null,
    kov: r.kov_organisation_id ? { id: r.kov_organisation_id, name: orgName(r.kov_organisation_id)! } : null,
    topics: r.topics,
    problems: r.problems,
    goals: r.goals,
    casePlanReference: r.case_plan_reference,
    preferredProvider: r.preferred_provider_id ? { id: r.preferred_provider_id, name: orgName(r.preferred_provider_id)! } : null,
    notes: r.request_notes,
    submittedOn: r.submitted_on,
    submittedBy: submitter?.name ?? null,
    checks: { targetGroup: r.check_target_group, earlierService: r.check_earlier_service, justificationAndGoals: r.check_justification, notes: r.check_notes, checkedOn: r.checked_on },
    rejectionReason: r.rejection_reason,
    provider: r.provider_organisation_id ? { id: r.provider_organisation_id, name: orgName(r.provider_organisation_id)! } : null,
    receivedOn: r.received_on,
    firstContactDue: r.first_contact_due,
    firstContactOn: r.first_contact_on,
    firstContactChannel: r.first_contact_channel,
    firstContactState: firstContactState(r.first_contact_due, r.first_contact_on, on),
    episode: episode ? { id: episode.id, status: episode.status } : null,
  };
}

export function episodeListItem(row: EpisodeListRow, on = today()) {
  return {
    id: row.id,
    familyId: row.family_id,
    familyReference: row.family_reference,
    familyType: row.family_type,
    parentNames: row.parent_names ?? '',
    childName: row.child_first_name ? `${row.child_first_name} ${row.child_last_name}` : null,
    kind: row.kind,
    status: row.status,
    startsOn: row.starts_on,
    agreementOn: row.agreement_on,
    endsOn: row.ends_on,
    endReason: row.end_reason,
    kovName: row.kov_name,
    providerName: row.provider_name,
    specialistId: row.specialist_id,
    specialistName: row.specialist_name,
    lastContactOn: row.last_contact_on,
    nextContactDue: row.next_contact_due,
    nextHomeVisitDue: row.next_home_visit_due,
    nextDue: row.status === 'ended' ? null : minDate(row.next_contact_due, row.next_home_visit_due),
    compliance: complianceOfRow(row, on),
    firstContactDue: row.first_contact_due,
    firstContactOn: row.first_contact_on,
    firstContactState: firstContactState(row.first_contact_due, row.first_contact_on, on),
    continuedSupport: row.continued_support,
  };
}

/**
 * The episode page: the agreement, B-FREQ compliance with the next due dates,
 * the limit and remaining volume, the support plan (B-PLAN), the contact log,
 * what went to the KOV (B-KOV) and the termination (B-END).
 */
export async function episodeDetail(db: Db, e: EpisodeRecord) {
  const on = today();
  const family = await db.selectFrom('families').selectAll().where('id', '=', e.family_id).executeTakeFirstOrThrow();
  const [facts, contacts, goals, reports, parties, referral, parents] = await Promise.all([
    familyFacts(db, family),
    contactsOf(db, e.id),
    goalsOf(db, e.id),
    kovReportsOf(db, e.id),
    episodeParties(db, e, family.kov_organisation_id),
    e.referral_id ? db.selectFrom('family_referrals').select(['id', 'reference', 'received_on', 'first_contact_due', 'first_contact_on']).where('id', '=', e.referral_id).executeTakeFirst() : Promise.resolve(undefined),
    parentsOf(db, family.id),
  ]);
  const compliance = contactCompliance({ kind: e.kind, agreementOn: e.agreement_on, contacts: contacts.map((c) => ({ on: c.occurred_on, kind: c.kind })), today: on, endedOn: e.ends_on });
  const limit = episodeLimit(facts, { id: e.id, kind: e.kind, childPersonId: e.child_person_id, status: e.status, startsOn: e.starts_on, endsOn: e.ends_on }, on);
  const isInvolved = kovInvolved({ type: family.type, kovInvolvementConsent: family.kov_involvement_consent });
  const lastOverview = reports.filter((r) => r.kind === 'quarterly_overview').map((r) => r.sent_on).sort().at(-1) ?? null;
  return {
    id: e.id,
    version: e.version,
    kind: e.kind,
    status: e.status,
    family: {
      id: family.id,
      reference: family.reference,
      type: family.type,
      language: family.language,
      kovName: parties.kov_name,
      kovInvolved: isInvolved,
      parentNames: parents.map((p) => `${p.first_name} ${p.last_name}`).join(', '),
    },
    child: e.child_person_id ? { id: e.child_person_id, firstName: parties.first_name ?? '', lastName: parties.last_name ?? '', birthDate: parties.birth_date ?? '' } : null,
    provider: { id: e.provider_organisation_id, name: parties.provider_name },
    specialist: e.specialist_id ? { id: e.specialist_id, name: parties.specialist_name } : null,
    referral: referral
      ? { id: referral.id, reference: referral.reference, receivedOn: referral.received_on, firstContactDue: referral.first_contact_due, firstContactOn: referral.first_contact_on, firstContactState: firstContactState(referral.first_contact_due, referral.first_contact_on, on) }
      : null,
    startsOn: e.starts_on,
    agreement: e.agreement_on ? { agreedOn: e.agreement_on, goals: e.agreement_goals, activities: e.agreement_activities, familyActivities: e.family_activities } : null,
    compliance,
    limit: { lastAllowedDay: limit.lastAllowedDay, limitKind: limit.limitKind, remainingDays: limit.remainingDays },
    familyNeedsBased: e.kind === 'needs_based' ? familyNeedsBasedVolume(facts, on) : null,
    kovReporting: { involved: isInvolved, lastOverviewOn: lastOverview, nextOverviewDue: nextKovOverviewDue({ kovInvolved: isInvolved, agreementOn: e.agreement_on, lastOverviewOn: lastOverview, ended: e.status === 'ended' }) },
    goals: goals.map((g) => ({ id: g.id, text: g.text, origin: g.origin, addedOn: g.added_on, status: g.status, version: g.version })),
    contacts: contacts.map((c) => ({ id: c.id, kind: c.kind, occurredOn: c.occurred_on, durationMinutes: c.duration_minutes, notes: c.notes, goalNotes: c.goal_notes, author: c.author, createdAt: c.created_at.toISOString() })),
    kovReports: reports.map((r) => ({ id: r.id, kind: r.kind, periodStart: r.period_start, periodEnd: r.period_end, progress: r.progress, difficulties: r.difficulties, includesPlan: r.includes_plan, sentOn: r.sent_on, kovName: r.kov_name, author: r.author })),
    termination:
      e.status === 'ended'
        ? {
            endsOn: e.ends_on!,
            reason: e.end_reason,
            activities: e.termination_activities,
            goalsReached: e.termination_goals_reached,
            furtherNeeds: e.termination_further_needs,
            kovRecommendations: e.termination_kov_recommendations,
            sentToKovOn: e.termination_sent_to_kov_on,
          }
        : null,
    continuedSupport: e.continued_support,
    switchedToEpisodeId: e.switched_to_episode_id,
  };
}
