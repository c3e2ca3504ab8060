import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import type { IsoDate } from '../../../platform/calendar/working-days.js';
import { groupPriceCents, paidGroups } from '../service-limits.js';
import type { ParticipantSignature } from '../service-tables.js';
import { groupPayability, monthOf, quarterOfMonth, quarterRange, type ExclusionCode } from './rules.js';

/**
 * Why a held group is not paid: a rule of the meeting itself (B-GRP-2/3/5),
 * no contract in force on the day, or over the 12 paid groups of the quarter
 * (B-GRP-4).
 */
export type GroupExclusion = ExclusionCode | 'PROVIDER_NO_CONTRACT' | 'B_GRP_OVER_QUARTER';

export interface GroupBillingLine {
  groupId: string;
  heldOn: IsoDate;
  topic: string;
  online: boolean;
  island: boolean;
  actualMinutes: number;
  /** Meeting units by duration and island (B-GRP-3): 1 = a 2-hour meeting; 0 when an in-person meeting was too short. */
  units: number;
  /** The contract's price of one meeting (support_group_meeting_cents) in force on heldOn; 0 without a contract. */
  unitCents: number;
  /** units × unitCents, rounded to the cent: what the meeting is worth, whether or not it is paid. */
  amountCents: number;
  /** What is paid: amountCents when billable, else 0. */
  paidCents: number;
  billable: boolean;
  /** The first reason it is not paid (a stable code with et/en/ru messages), null when billable. */
  excludedReason: GroupExclusion | null;
  /** Every reason it is not paid, the first being excludedReason. */
  problems: GroupExclusion[];
  /** Participants whose attendance is proven (B-GRP-2, B-GRP-5). */
  participants: number;
  /** 1-based position among the quarter's otherwise payable groups (by date, then id), for "n / 12"; null when excluded by a meeting rule. */
  quarterPosition: number | null;
}

type Db = Kysely<DB> | Transaction<DB>;

/**
 * The support groups a provider held in a month, as lines of the monthly report
 * (seed 003 §3.1.1, §3.1.3). Stable signature; the monthly report calls it.
 *
 * - Only groups with status 'held' and held_on in `month` ('YYYY-MM'), ordered by held_on, then id.
 * - Pay per B-GRP-3 (`groupPayUnits`): min(actual, 3 h) / 2 h; online under 2 h pro rata;
 *   in person under 2 h not paid (B_GRP_TOO_SHORT); × 1.5 on an island.
 * - B-GRP-2 / B-GRP-5: fewer than 6 proven participants needs SKA's prior small-group
 *   approval (4–5) and fewer than 4 is never paid; the leader's signature and the
 *   attendance list (in person) or screenshot / digital signatures (online) are required.
 * - B-GRP-4: of the quarter's otherwise payable groups, the first 12 by date are paid —
 *   earlier months of the same quarter count, so a month's lines depend on them.
 * - The price is the provider contract's support_group_meeting_cents in force on held_on.
 *
 * Reads without an access check: callers have checked that the user may see the provider's report.
 */
export async function groupBillingForMonth(db: Db, providerId: string, month: string): Promise<GroupBillingLine[]> {
  const lines = await groupBillingForQuarter(db, providerId, quarterOfMonth(month));
  return lines.filter((l) => monthOf(l.heldOn) === month);
}

/** The same lines for a whole quarter ('YYYY-Qn'). */
export async function groupBillingForQuarter(db: Db, providerId: string, quarter: string): Promise<GroupBillingLine[]> {
  return (await groupBillingOfProviders(db, [providerId], quarter)).get(providerId) ?? [];
}

/** The quarter's lines of several providers at once (three queries in all), by provider id; a provider without held groups has no entry. */
export async function groupBillingOfProviders(db: Db, providerIds: readonly string[], quarter: string): Promise<Map<string, GroupBillingLine[]>> {
  const byProvider = new Map<string, GroupBillingLine[]>();
  if (providerIds.length === 0) return byProvider;
  const { from, to } = quarterRange(quarter);
  const groups = await db
    .selectFrom('support_groups')
    .select(['id', 'provider_organisation_id', 'held_on', 'topic', 'online', 'island', 'actual_minutes', 'small_group_approved', 'leader_signed', 'attendance_file_id', 'screenshot_file_id'])
    .where('provider_organisation_id', 'in', [...providerIds])
    .where('status', '=', 'held')
    .where('held_on', '>=', from)
    .where('held_on', '<=', to)
    .execute();
  if (groups.length === 0) return byProvider;
  const participants = await db.selectFrom('support_group_participants').select(['group_id', 'signature']).where('group_id', 'in', groups.map((g) => g.id)).execute();
  const contracts = await db
    .selectFrom('provider_contracts')
    .select(['provider_organisation_id', 'starts_on', 'ends_on', 'support_group_meeting_cents'])
    .where('provider_organisation_id', 'in', [...new Set(groups.map((g) => g.provider_organisation_id))])
    .where('starts_on', '<=', to)
    .where('ends_on', '>=', from)
    .orderBy('starts_on', 'desc')
    .execute();
  const signaturesOf = new Map<string, ParticipantSignature[]>();
  for (const p of participants) signaturesOf.set(p.group_id, [...(signaturesOf.get(p.group_id) ?? []), p.signature]);
  for (const providerId of new Set(groups.map((g) => g.provider_organisation_id))) {
    byProvider.set(
      providerId,
      quarterLines(
        groups.filter((g) => g.provider_organisation_id === providerId),
        signaturesOf,
        contracts.filter((c) => c.provider_organisation_id === providerId),
      ),
    );
  }
  return byProvider;
}

type HeldGroup = {
  id: string;
  held_on: IsoDate | null;
  topic: string;
  online: boolean;
  island: boolean;
  actual_minutes: number | null;
  small_group_approved: boolean;
  leader_signed: boolean;
  attendance_file_id: string | null;
  screenshot_file_id: string | null;
};

/** One provider's held groups of a quarter as billing lines; `contracts` newest first. */
function quarterLines(
  groups: readonly HeldGroup[],
  signaturesOf: ReadonlyMap<string, ParticipantSignature[]>,
  contracts: readonly { starts_on: IsoDate; ends_on: IsoDate; support_group_meeting_cents: number }[],
): GroupBillingLine[] {
  const assessed = groups.map((g) => {
    const heldOn = g.held_on!;
    const pay = groupPayability({
      online: g.online,
      island: g.island,
      actualMinutes: g.actual_minutes ?? 0,
      smallGroupApproved: g.small_group_approved,
      leaderSigned: g.leader_signed,
      hasAttendanceList: g.attendance_file_id !== null,
      hasScreenshot: g.screenshot_file_id !== null,
      signatures: signaturesOf.get(g.id) ?? [],
    });
    const contract = contracts.find((c) => c.starts_on <= heldOn && c.ends_on >= heldOn);
    const unitCents = contract?.support_group_meeting_cents ?? 0;
    const excluded: GroupExclusion | null = pay.excludedReason ?? (contract ? null : 'PROVIDER_NO_CONTRACT');
    return { id: g.id, heldOn, g, pay, unitCents, excluded };
  });
  const { paid, unpaid } = paidGroups(assessed.filter((a) => a.excluded === null));
  const position = new Map<string, number>([...paid, ...unpaid].map((a, i) => [a.id, i + 1]));
  const overCap = new Set(unpaid.map((a) => a.id));

  return assessed
    .sort((a, b) => a.heldOn.localeCompare(b.heldOn) || a.id.localeCompare(b.id))
    .map((a) => {
      const excludedReason: GroupExclusion | null = a.excluded ?? (overCap.has(a.id) ? 'B_GRP_OVER_QUARTER' : null);
      const amountCents = groupPriceCents(a.pay.units, a.unitCents);
      return {
        groupId: a.id,
        heldOn: a.heldOn,
        topic: a.g.topic,
        online: a.g.online,
        island: a.g.island,
        actualMinutes: a.g.actual_minutes ?? 0,
        units: a.pay.units,
        unitCents: a.unitCents,
        amountCents,
        paidCents: excludedReason === null ? amountCents : 0,
        billable: excludedReason === null,
        excludedReason,
        problems: [...a.pay.problems, ...(a.excluded === 'PROVIDER_NO_CONTRACT' ? ['PROVIDER_NO_CONTRACT' as const] : []), ...(overCap.has(a.id) ? ['B_GRP_OVER_QUARTER' as const] : [])],
        participants: a.pay.participants,
        quarterPosition: position.get(a.id) ?? null,
      };
    });
}
