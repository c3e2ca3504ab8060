import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import type { Actor } from '../../../platform/policy/actor.js';
import { groupPlanScope, supportGroupScope, type Action } from '../../../platform/policy/policy.js';
import type { SupportGroupParticipantsTable, SupportGroupPlansTable, SupportGroupsTable } from '../service-tables.js';

/** Support-group reads, always through the policy's row scopes (a record outside them is 404). */

type Db = Kysely<DB> | Transaction<DB>;

export type PlanRow = Selectable<SupportGroupPlansTable> & { provider_name: string };
export type GroupRow = Selectable<SupportGroupsTable> & {
  provider_name: string;
  municipality_name: string | null;
  plan_month: string;
  plan_status: 'draft' | 'submitted';
  attendance_filename: string | null;
  screenshot_filename: string | null;
};
export type ParticipantRow = Selectable<SupportGroupParticipantsTable>;

function plans(db: Db) {
  return db
    .selectFrom('support_group_plans')
    .innerJoin('organisations as provider', 'provider.id', 'support_group_plans.provider_organisation_id')
    .selectAll('support_group_plans')
    .select('provider.name as provider_name');
}

export function groupsQuery(db: Db) {
  return db
    .selectFrom('support_groups')
    .innerJoin('support_group_plans as plan', 'plan.id', 'support_groups.plan_id')
    .innerJoin('organisations as provider', 'provider.id', 'support_groups.provider_organisation_id')
    .leftJoin('organisations as kov', 'kov.id', 'support_groups.municipality_id')
    .leftJoin('report_files as af', 'af.id', 'support_groups.attendance_file_id')
    .leftJoin('report_files as sf', 'sf.id', 'support_groups.screenshot_file_id')
    .selectAll('support_groups')
    .select(['provider.name as provider_name', 'kov.name as municipality_name', 'plan.month as plan_month', 'plan.status as plan_status', 'af.filename as attendance_filename', 'sf.filename as screenshot_filename']);
}

export async function findPlan(db: Db, actor: Actor, id: string, action: Action = 'read'): Promise<PlanRow | undefined> {
  return plans(db).where(groupPlanScope(actor, action)).where('support_group_plans.id', '=', id).executeTakeFirst();
}

export async function listPlans(db: Db, actor: Actor, filter: { month?: string | undefined; providerId?: string | undefined }): Promise<PlanRow[]> {
  let q = plans(db).where(groupPlanScope(actor));
  if (filter.month) q = q.where('support_group_plans.month', '=', filter.month);
  if (filter.providerId) q = q.where('support_group_plans.provider_organisation_id', '=', filter.providerId);
  return q.orderBy('support_group_plans.month', 'desc').orderBy('provider.name').limit(200).execute();
}

export async function groupsOfPlans(db: Db, actor: Actor, planIds: string[]): Promise<GroupRow[]> {
  if (planIds.length === 0) return [];
  return groupsQuery(db)
    .where(supportGroupScope(actor))
    .where('support_groups.plan_id', 'in', planIds)
    .orderBy('support_groups.planned_on')
    .orderBy('support_groups.starts_at')
    .execute();
}

/**
 * A provider's own plan is visible with its groups even when a group leader
 * only sees some of them; the plan's own groups, unscoped, for the provider's
 * project manager (scope already checked on the plan).
 */
export async function findGroup(db: Db, actor: Actor, id: string, action: Action = 'read'): Promise<GroupRow | undefined> {
  return groupsQuery(db).where(supportGroupScope(actor, action)).where('support_groups.id', '=', id).executeTakeFirst();
}

export interface GroupFilter {
  month?: string | undefined;
  providerId?: string | undefined;
  status?: string | undefined;
  planId?: string | undefined;
}

export async function listGroups(db: Db, actor: Actor, filter: GroupFilter, limit = 500): Promise<GroupRow[]> {
  let q = groupsQuery(db).where(supportGroupScope(actor));
  if (filter.month) q = q.where(sql<boolean>`to_char(coalesce(support_groups.held_on, support_groups.planned_on), 'YYYY-MM') = ${filter.month}`);
  if (filter.providerId) q = q.where('support_groups.provider_organisation_id', '=', filter.providerId);
  if (filter.status) q = q.where('support_groups.status', '=', filter.status as never);
  if (filter.planId) q = q.where('support_groups.plan_id', '=', filter.planId);
  return q.orderBy('support_groups.planned_on').orderBy('support_groups.starts_at').orderBy('support_groups.id').limit(limit).execute();
}

export async function participantsOf(db: Db, groupIds: string[]): Promise<ParticipantRow[]> {
  if (groupIds.length === 0) return [];
  return db.selectFrom('support_group_participants').selectAll().where('group_id', 'in', groupIds).orderBy('created_at').orderBy('id').execute();
}
