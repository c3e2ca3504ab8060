import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import { formatDateEt, todayInTallinn } from '../../../platform/calendar/working-days.js';
import type { DueItem, DueItemsProvider } from '../../../platform/home/due-items.js';
import { translate } from '../../../platform/i18n/messages.js';
import { notify } from '../../../platform/notify/notifications.js';
import { groupPlanScope, supportGroupScope } from '../../../platform/policy/policy.js';
import { nextMonthOf, planDeadlineState, PLAN_REMINDER_DAY } from './rules.js';

/**
 * The home page (B-GRP-1, B-GRP-5): a provider's project manager sees next
 * month's plan due by the 15th (a warning in the last 5 days, overdue after);
 * providers and leaders see approved groups whose day has passed without
 * attendance; an SKA contact sees groups waiting for a decision.
 */
export const groupDueItems: DueItemsProvider = async (db, actor) => {
  if (!['ska_contact', 'provider_admin', 'provider_specialist'].includes(actor.role)) return [];
  const today = todayInTallinn(new Date());
  const items: DueItem[] = [];
  const groups = () => db.selectFrom('support_groups').select(sql<number>`count(*)::int`.as('n')).where(supportGroupScope(actor));

  if (actor.role === 'provider_admin') {
    const month = nextMonthOf(today);
    const plan = await db.selectFrom('support_group_plans').select(['status']).where(groupPlanScope(actor)).where('month', '=', month).executeTakeFirst();
    if (plan?.status !== 'submitted') {
      const { deadline, state } = planDeadlineState(month, today);
      items.push({
        id: 'groups.planDue',
        module: 'families',
        titleKey: state === 'late' ? 'groups.home.planLate' : 'groups.home.planDue',
        params: { month },
        dueDate: deadline,
        severity: state === 'late' ? 'overdue' : state === 'due_soon' ? 'warning' : 'info',
        link: `/families/groups?month=${month}`,
      });
    }
  }
  if (actor.role === 'provider_admin' || actor.role === 'provider_specialist') {
    const { n } = await groups().where('support_groups.status', '=', 'approved').where('support_groups.planned_on', '<', today).executeTakeFirstOrThrow();
    if (n) items.push({ id: 'groups.attendanceDue', module: 'families', titleKey: 'groups.home.attendanceDue', count: n, severity: 'warning', link: '/families/groups?attendance=due' });
  }
  if (actor.role === 'ska_contact') {
    const { n } = await groups().where('support_groups.status', '=', 'planned').executeTakeFirstOrThrow();
    if (n) items.push({ id: 'groups.toDecide', module: 'families', titleKey: 'groups.home.toDecide', count: n, severity: 'info', link: '/families/groups?status=planned' });
  }
  return items;
};

/**
 * X-NOTIFY, on the 10th: the project managers of providers with a contract in
 * force whose next month's plan is not submitted are reminded of the 15th.
 * Once per provider user and month (the mail's dedupe key).
 */
export async function remindGroupPlans(db: Kysely<DB>, now = new Date()): Promise<number> {
  const today = todayInTallinn(now);
  if (Number(today.slice(8, 10)) < PLAN_REMINDER_DAY) return 0;
  const month = nextMonthOf(today);
  const { deadline, state } = planDeadlineState(month, today);
  if (state === 'late') return 0;
  const users = await db
    .selectFrom('users')
    .innerJoin('provider_contracts as c', (j) => j.onRef('c.provider_organisation_id', '=', 'users.organisation_id').on('c.starts_on', '<=', today).on('c.ends_on', '>=', today))
    .select(['users.id', 'users.locale'])
    .distinct()
    .where('users.role', '=', 'provider_admin')
    .where('users.active', '=', true)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom('support_group_plans as p').select(sql`1`.as('one')).whereRef('p.provider_organisation_id', '=', 'users.organisation_id').where('p.month', '=', month).where('p.status', '=', 'submitted'),
        ),
      ),
    )
    .execute();
  let sent = 0;
  for (const u of users) {
    const dedupeKey = `group-plan-reminder-${month}-${u.id}`;
    const params = { month, deadline: formatDateEt(deadline) };
    const done = await db.transaction().execute(async (trx) => {
      if (await trx.selectFrom('mail_outbox').select('id').where('dedupe_key', '=', dedupeKey).executeTakeFirst()) return false;
      await notify(trx, {
        userId: u.id,
        kind: 'deadline',
        titleKey: 'groups.notifications.planReminder',
        params,
        link: `/families/groups?month=${month}`,
        mail: { subject: translate(u.locale, 'MAIL_GROUP_PLAN_REMINDER_SUBJECT', params), bodyText: translate(u.locale, 'MAIL_GROUP_PLAN_REMINDER_BODY', params), dedupeKey },
      });
      return true;
    });
    if (done) sent++;
  }
  return sent;
}
