import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import { familyFacts } from '../queries.js';
import { episodeLimit } from '../volume.js';
import { groupBillingForMonth } from '../groups/billing.js';
import {
  composeReport,
  monthRange,
  type DraftLine,
  type FamilySessionFacts,
  type FamilySupportCandidate,
  type GroupBillingItem,
  type Month,
  type Prices,
  type ReportTotals,
  type SessionFact,
} from './monthly-rules.js';

type Db = Kysely<DB> | Transaction<DB>;

/** The provider contract in force in a month (the latest that overlaps it). */
export function contractForMonth(db: Db, providerId: string, month: Month) {
  const { from, to } = monthRange(month);
  return db
    .selectFrom('provider_contracts')
    .select(['id', 'reference', 'family_support_month_cents', 'mentoring_session_cents', 'counselling_session_cents', 'support_group_meeting_cents'])
    .where('provider_organisation_id', '=', providerId)
    .where('starts_on', '<=', to)
    .where('ends_on', '>=', from)
    .orderBy('starts_on', 'desc')
    .executeTakeFirst();
}

export type MonthContract = NonNullable<Awaited<ReturnType<typeof contractForMonth>>>;

export const pricesOf = (c: MonthContract | undefined): Prices => ({
  familySupportMonthCents: c?.family_support_month_cents ?? 0,
  mentoringSessionCents: c?.mentoring_session_cents ?? 0,
  counsellingSessionCents: c?.counselling_session_cents ?? 0,
  supportGroupMeetingCents: c?.support_group_meeting_cents ?? 0,
});

/** Family support episodes of the provider that ran in the month, with their volume limit (volume.ts). */
async function familySupportCandidates(db: Db, providerId: string, month: Month): Promise<FamilySupportCandidate[]> {
  const { from, to } = monthRange(month);
  const episodes = await db
    .selectFrom('family_episodes')
    .innerJoin('families', 'families.id', 'family_episodes.family_id')
    .select(['family_episodes.id', 'family_episodes.family_id', 'family_episodes.kind', 'family_episodes.specialist_id', 'family_episodes.agreement_on', 'family_episodes.ends_on', 'families.in_service_on_2022_10_31'])
    .where('family_episodes.provider_organisation_id', '=', providerId)
    .where('family_episodes.kind', 'in', ['adaptation', 'needs_based'])
    .where('family_episodes.agreement_on', 'is not', null)
    .where('family_episodes.agreement_on', '<=', to)
    .where((eb) => eb.or([eb('family_episodes.ends_on', 'is', null), eb('family_episodes.ends_on', '>=', from)]))
    .execute();
  const candidates: FamilySupportCandidate[] = [];
  const factsCache = new Map<string, Awaited<ReturnType<typeof familyFacts>>>();
  for (const e of episodes) {
    let facts = factsCache.get(e.family_id);
    if (!facts) {
      facts = await familyFacts(db as Kysely<DB>, { id: e.family_id, in_service_on_2022_10_31: e.in_service_on_2022_10_31 });
      factsCache.set(e.family_id, facts);
    }
    const episode = facts.episodes.find((x) => x.id === e.id)!;
    const limit = episodeLimit(facts, episode, from);
    candidates.push({
      episodeId: e.id,
      familyId: e.family_id,
      kind: e.kind as 'adaptation' | 'needs_based',
      specialistId: e.specialist_id,
      servedFrom: e.agreement_on!,
      servedTo: e.ends_on,
      lastAllowedDay: limit.lastAllowedDay,
      limitKind: limit.limitKind,
      endedOn: e.ends_on,
    });
  }
  return candidates;
}

/**
 * The families with a session of the provider in the month, each with all its
 * held sessions (of every provider, since the limits are per family) and what
 * the limits depend on. Cancelled sessions never count.
 */
async function sessionFamilies(db: Db, providerId: string, month: Month): Promise<{ facts: FamilySessionFacts; sessions: SessionFact[] }[]> {
  const { from, to } = monthRange(month);
  const familyIds = (
    await db
      .selectFrom('service_sessions')
      .select('family_id')
      .distinct()
      .where('provider_organisation_id', '=', providerId)
      .where('status', '=', 'held')
      .where('held_on', '>=', from)
      .where('held_on', '<=', to)
      .execute()
  ).map((r) => r.family_id);
  if (familyIds.length === 0) return [];
  const [families, placements, extras, sessions] = await Promise.all([
    db.selectFrom('families').select(['id', 'assessed']).where('id', 'in', familyIds).execute(),
    db.selectFrom('family_children').select(['family_id', 'arrived_on', 'left_on']).where('family_id', 'in', familyIds).execute(),
    db
      .selectFrom('counselling_extra_requests')
      .select(['family_id', 'year', (eb) => eb.fn.sum<number>('approved_sessions').as('sessions')])
      .where('family_id', 'in', familyIds)
      .where('status', '=', 'approved')
      .groupBy(['family_id', 'year'])
      .execute(),
    db
      .selectFrom('service_sessions')
      .select(['id', 'service', 'family_id', 'held_on', 'provider_organisation_id', 'specialist_id', 'minutes', 'created_at'])
      .where('family_id', 'in', familyIds)
      .where('status', '=', 'held')
      .where('held_on', '<=', to)
      .orderBy('held_on')
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
  ]);
  return families.map((f) => {
    const approvedExtraByYear: Record<number, number> = {};
    for (const x of extras.filter((x) => x.family_id === f.id)) approvedExtraByYear[x.year] = Number(x.sessions ?? 0);
    return {
      facts: {
        assessed: f.assessed,
        placements: placements.filter((p) => p.family_id === f.id).map((p) => ({ arrivedOn: p.arrived_on, leftOn: p.left_on })),
        approvedExtraByYear,
      },
      sessions: sessions
        .filter((s) => s.family_id === f.id)
        .map((s, i) => ({ id: s.id, service: s.service, familyId: s.family_id, heldOn: s.held_on, seq: i, providerId: s.provider_organisation_id, specialistId: s.specialist_id, minutes: s.minutes })),
    };
  });
}

/** Held support groups of the month as billed by the groups module (B-GRP-2..5), with their leader. */
async function groupItems(db: Db, providerId: string, month: Month): Promise<GroupBillingItem[]> {
  const billed = await groupBillingForMonth(db, providerId, month);
  if (billed.length === 0) return [];
  const leaders = await db.selectFrom('support_groups').select(['id', 'leader_specialist_id']).where('id', 'in', billed.map((b) => b.groupId)).execute();
  return billed.map((b) => ({
    groupId: b.groupId,
    heldOn: b.heldOn,
    topic: b.topic,
    leaderSpecialistId: leaders.find((l) => l.id === b.groupId)?.leader_specialist_id ?? null,
    minutes: b.actualMinutes,
    participants: b.participants,
    units: b.units,
    unitCents: b.unitCents > 0 ? b.unitCents : null,
    billable: b.billable,
    excludedReason: b.excludedReason,
  }));
}

export interface MonthlyDraft {
  contract: MonthContract | undefined;
  lines: DraftLine[];
  totals: ReportTotals;
}

/** B-REP-1: the provider's report of a month, built from the work recorded so far. */
export async function draftMonthlyReport(db: Db, providerId: string, month: Month): Promise<MonthlyDraft> {
  const contract = await contractForMonth(db, providerId, month);
  const [familySupport, families, groups] = await Promise.all([familySupportCandidates(db, providerId, month), sessionFamilies(db, providerId, month), groupItems(db, providerId, month)]);
  const { lines, totals } = composeReport({ month, providerId, prices: pricesOf(contract), familySupport, sessionFamilies: families, groups });
  return { contract, lines, totals };
}

/** B-END: the provider's episodes that ended in the month (reported, not billed separately). */
export function endedEpisodes(db: Db, providerId: string, month: Month) {
  const { from, to } = monthRange(month);
  return db
    .selectFrom('family_episodes')
    .innerJoin('families', 'families.id', 'family_episodes.family_id')
    .leftJoin('provider_specialists as s', 's.id', 'family_episodes.specialist_id')
    .leftJoin('users as su', 'su.id', 's.user_id')
    .select([
      'family_episodes.id',
      'family_episodes.kind',
      'family_episodes.ends_on',
      'family_episodes.end_reason',
      'family_episodes.termination_sent_to_kov_on',
      'families.id as family_id',
      'families.reference as family_reference',
      'families.adoption_secrecy',
      'su.name as specialist_name',
      sql<string | null>`(select string_agg(p.first_name || ' ' || p.last_name, ', ' order by p.last_name, p.first_name) from family_parents fp join people p on p.id = fp.person_id where fp.family_id = families.id)`.as('parent_names'),
    ])
    .where('family_episodes.provider_organisation_id', '=', providerId)
    .where('family_episodes.status', '=', 'ended')
    .where('family_episodes.ends_on', '>=', from)
    .where('family_episodes.ends_on', '<=', to)
    .orderBy('family_episodes.ends_on')
    .execute();
}

/** Writes a revision's lines (positions in report order). */
export async function insertLines(trx: Transaction<DB>, reportId: string, revision: number, lines: readonly DraftLine[]) {
  if (lines.length === 0) return;
  await trx
    .insertInto('monthly_report_lines')
    .values(
      lines.map((l, i) => ({
        report_id: reportId,
        revision,
        position: i + 1,
        service: l.service,
        family_id: l.familyId,
        episode_id: l.episodeId,
        session_id: l.sessionId,
        group_id: l.groupId,
        specialist_id: l.specialistId,
        occurred_on: l.occurredOn,
        description: l.description,
        quantity_milli: l.quantityMilli,
        unit_cents: l.unitCents,
        amount_cents: l.amountCents,
        billable: l.billable,
        excluded_reason: l.excludedReason,
        ska_comment: null,
      })),
    )
    .execute();
}
