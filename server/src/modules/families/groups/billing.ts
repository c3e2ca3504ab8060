import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import type { IsoDate } from '../../../platform/calendar/working-days.js';
import { groupPriceCents, paidGroups, quarterOf } from '../service-limits.js';
import type { ParticipantSignature } from '../service-tables.js';
import { groupPayability, monthOf, quarterRange, type ExclusionCode } from './rules.js';

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
  const lines = await groupBillingForQuarter(db, providerId, quarterOf(`${month}-01`));
  return lines.filter((l) => monthOf(l.heldOn) === month);
}

/** The same lines for a whole quarter ('YYYY-Qn'). */
export async function groupBillingForQuarter(db: Db, providerId: string, quarter: string): Promise<GroupBillingLine[]> {
  const { from, to } = quarterRange(quarter);
  const groups = await db
    .selectFrom('support_groups')
    .select(['id', 'held_on', 'topic', 'online', 'island', 'actual_minutes', 'small_group_approved', 'leader_signed', 'attendance_file_id', 'screenshot_file_id'])
    .where('provider_organisation_id', '=', providerId)
    .where('status', '=', 'held')
    .where('held_on', '>=', from)
    .where('held_on', '<=', to)
    .execute();
  if (groups.length === 0) return [];
  const participants = await db.selectFrom('support_group_participants').select(['group_id', 'signature']).where('group_id', 'in', groups.map((g) => g.id)).execute();
  const contracts = await db
    .selectFrom('provider_contracts')
    .select(['starts_on', 'ends_on', 'support_group_meeting_cents'])
    .where('provider_organisation_id', '=', providerId)
    .where('starts_on', '<=', to)
    .where('ends_on', '>=', from)
    .orderBy('starts_on', 'desc')
    .execute();
  const signaturesOf = new Map<string, ParticipantSignature[]>();
  for (const p of participants) signaturesOf.set(p.group_id, [...(signaturesOf.get(p.group_id) ?? []), p.signature]);

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
