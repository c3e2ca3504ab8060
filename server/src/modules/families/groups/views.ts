import type { z } from 'zod';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import type { IsoDate } from '../../../platform/calendar/working-days.js';
import { quarterOf } from '../service-limits.js';
import { groupBillingOfProviders, type GroupBillingLine } from './billing.js';
import type { GroupRow, ParticipantRow, PlanRow } from './queries.js';
import { planDeadlineState } from './rules.js';
import type { groupDetail, groupView, planView } from './schemas.js';

type Db = Kysely<DB> | Transaction<DB>;
export type GroupView = z.infer<typeof groupView>;

/** The pay lines (B-GRP-2..5, with the B-GRP-4 cap) of the held groups among `rows`, by group id. */
export async function payLinesFor(db: Db, rows: readonly GroupRow[]): Promise<Map<string, GroupBillingLine>> {
  const providersOf = new Map<string, Set<string>>();
  for (const r of rows) {
    if (r.status !== 'held' || !r.held_on) continue;
    const quarter = quarterOf(r.held_on);
    providersOf.set(quarter, (providersOf.get(quarter) ?? new Set()).add(r.provider_organisation_id));
  }
  const lines = new Map<string, GroupBillingLine>();
  for (const [quarter, providerIds] of providersOf) {
    for (const providerLines of (await groupBillingOfProviders(db, [...providerIds], quarter)).values()) {
      for (const line of providerLines) lines.set(line.groupId, line);
    }
  }
  return lines;
}

export async function participantCounts(db: Db, groupIds: string[]): Promise<Map<string, number>> {
  if (groupIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('support_group_participants')
    .select(['group_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('group_id', 'in', groupIds)
    .groupBy('group_id')
    .execute();
  return new Map(rows.map((r) => [r.group_id, Number(r.n)]));
}

export function toGroupView(r: GroupRow, line: GroupBillingLine | undefined, participantCount: number): GroupView {
  return {
    id: r.id,
    planId: r.plan_id,
    month: r.plan_month,
    planStatus: r.plan_status,
    provider: { id: r.provider_organisation_id, name: r.provider_name },
    plannedOn: r.planned_on,
    startsAt: r.starts_at,
    plannedMinutes: r.planned_minutes,
    online: r.online,
    place: r.place,
    municipality: r.municipality_id ? { id: r.municipality_id, name: r.municipality_name ?? '' } : null,
    island: r.island,
    topic: r.topic,
    leaderName: r.leader_name,
    leaderSpecialistId: r.leader_specialist_id,
    familyType: r.family_type,
    publicInfo: r.public_info,
    status: r.status,
    decisionReason: r.decision_reason,
    decidedOn: r.decided_on,
    smallGroupApproved: r.small_group_approved,
    smallGroupReason: r.small_group_reason,
    smallGroupApprovedOn: r.small_group_approved_on,
    heldOn: r.held_on,
    actualMinutes: r.actual_minutes,
    leaderSigned: r.leader_signed,
    attendanceFile: r.attendance_file_id ? { id: r.attendance_file_id, filename: r.attendance_filename ?? '' } : null,
    screenshotFile: r.screenshot_file_id ? { id: r.screenshot_file_id, filename: r.screenshot_filename ?? '' } : null,
    participantCount,
    pay: line
      ? {
          units: line.units,
          unitCents: line.unitCents,
          amountCents: line.amountCents,
          paidCents: line.paidCents,
          billable: line.billable,
          excludedReason: line.excludedReason,
          problems: line.problems,
          participants: line.participants,
          quarterPosition: line.quarterPosition,
        }
      : null,
    version: r.version,
  };
}

export async function groupViews(db: Db, rows: readonly GroupRow[]): Promise<GroupView[]> {
  const [lines, counts] = await Promise.all([payLinesFor(db, rows), participantCounts(db, rows.map((r) => r.id))]);
  return rows.map((r) => toGroupView(r, lines.get(r.id), counts.get(r.id) ?? 0));
}

export async function groupDetailView(db: Db, row: GroupRow, participants: ParticipantRow[]): Promise<z.infer<typeof groupDetail>> {
  const [view] = await groupViews(db, [row]);
  return { ...view!, participants: participants.map((p) => ({ id: p.id, name: p.name, familyId: p.family_id, signature: p.signature })) };
}

export function toPlanView(p: PlanRow, groups: GroupView[], today: IsoDate): z.infer<typeof planView> {
  const deadline = planDeadlineState(p.month, today);
  return {
    id: p.id,
    provider: { id: p.provider_organisation_id, name: p.provider_name },
    month: p.month,
    status: p.status,
    deadline: deadline.deadline,
    deadlineState: deadline.state,
    daysLeft: deadline.daysLeft,
    submittedOn: p.submitted_on,
    late: p.late,
    version: p.version,
    groups,
  };
}
