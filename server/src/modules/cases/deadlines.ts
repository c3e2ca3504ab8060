import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { addWorkingDays, formatDateEt, todayInTallinn } from '../../platform/calendar/working-days.js';
import type { DueItem, DueItemsProvider } from '../../platform/home/due-items.js';
import { translate } from '../../platform/i18n/messages.js';
import { notify } from '../../platform/notify/notifications.js';
import { caseScope } from '../../platform/policy/policy.js';
import { overdueCondition } from './queries.js';
import { WARN_WORKING_DAYS } from './rules.js';

type CasesEb = ExpressionBuilder<DB, 'cases'>;

/** Open cases whose deadline falls within the warning window (not yet overdue). */
function approachingCondition(eb: CasesEb, today: string, horizon: string) {
  return eb.or([
    eb.and([eb('cases.type', '=', 'domestic'), eb('cases.status', '=', 'application'), eb('cases.first_contact_due', '>=', today), eb('cases.first_contact_due', '<=', horizon)]),
    eb.and([eb('cases.type', '=', 'klat_opinion'), eb('cases.status', '!=', 'opinion_issued'), eb('cases.opinion_due', '>=', today), eb('cases.opinion_due', '<=', horizon)]),
  ]);
}

async function count(db: Kysely<DB>, where: (eb: CasesEb) => ReturnType<CasesEb['and']> | ReturnType<typeof overdueCondition>) {
  const { n } = await db.selectFrom('cases').select(sql<number>`count(*)::int`.as('n')).where(where).executeTakeFirstOrThrow();
  return n;
}

/** Module A's part of the home page: overdue and approaching deadlines, unassigned cases, feedback due. */
export const caseDueItems: DueItemsProvider = async (db, actor) => {
  if (!['ska_specialist', 'ska_manager', 'kov_worker'].includes(actor.role)) return [];
  const today = todayInTallinn(new Date());
  const horizon = addWorkingDays(today, WARN_WORKING_DAYS);
  const scope = caseScope(actor);
  const mine = (eb: CasesEb) => (actor.role === 'ska_specialist' ? eb('cases.assigned_specialist_id', '=', actor.userId) : scope(eb));
  const none = async () => 0;
  // Independent counts, sent together (on PostgreSQL they run on separate connections).
  const [overdue, approaching, newCases, unassigned, feedback] = await Promise.all([
    count(db, (eb) => eb.and([mine(eb), overdueCondition(eb, today)])),
    count(db, (eb) => eb.and([mine(eb), approachingCondition(eb, today, horizon)])),
    actor.role === 'ska_specialist' ? count(db, (eb) => eb.and([mine(eb), eb('cases.status', 'in', ['application', 'preparatory'])])) : none(),
    actor.role === 'ska_manager' ? count(db, (eb) => eb.and([scope(eb), eb('cases.assigned_specialist_id', 'is', null)])) : none(),
    actor.role === 'kov_worker' ? count(db, (eb) => eb.and([scope(eb), eb('cases.status', '=', 'closed'), eb('cases.kov_feedback', 'is', null), eb('cases.type', '=', 'domestic')])) : none(),
  ]);
  const items: DueItem[] = [];
  const team = actor.role === 'ska_specialist' ? '/cases?view=mine' : '/cases?view=team';
  if (overdue) items.push({ id: 'cases.overdue', module: 'cases', titleKey: 'home.items.casesOverdue', count: overdue, severity: 'overdue', link: `${team}&overdue=true` });
  if (approaching) items.push({ id: 'cases.approaching', module: 'cases', titleKey: 'home.items.casesApproaching', count: approaching, severity: 'warning', link: team });
  if (newCases) items.push({ id: 'cases.new', module: 'cases', titleKey: 'home.items.casesNew', count: newCases, severity: 'info', link: '/cases?view=mine&status=application' });
  if (unassigned) items.push({ id: 'cases.unassigned', module: 'cases', titleKey: 'home.items.casesUnassigned', count: unassigned, severity: 'warning', link: '/cases?view=all&unassigned=true' });
  if (feedback) items.push({ id: 'cases.feedback', module: 'cases', titleKey: 'home.items.casesFeedback', count: feedback, severity: 'info', link: '/cases?view=team&type=domestic&status=closed' });
  return items;
};

/**
 * X-NOTIFY: once a deadline has passed, the assigned specialist is told (in-app
 * and by e-mail), once per case and deadline however often the job runs.
 */
export async function notifyOverdueCases(db: Kysely<DB>, now = new Date()): Promise<number> {
  const today = todayInTallinn(now);
  const overdue = await db
    .selectFrom('cases')
    .innerJoin('users', 'users.id', 'cases.assigned_specialist_id')
    .select(['cases.id', 'cases.reference', 'cases.type', 'cases.first_contact_due', 'cases.opinion_due', 'cases.assigned_specialist_id', 'users.locale'])
    .where((eb) => overdueCondition(eb as unknown as CasesEb, today))
    .where('users.active', '=', true)
    .limit(1000)
    .execute();
  let sent = 0;
  for (const c of overdue) {
    const due = (c.type === 'domestic' ? c.first_contact_due : c.opinion_due)!;
    const params = { reference: c.reference, due: formatDateEt(due) };
    const dedupeKey = `case-overdue-${c.id}-${due}`;
    await db.transaction().execute(async (trx) => {
      const known = await trx.selectFrom('mail_outbox').select('id').where('dedupe_key', '=', dedupeKey).executeTakeFirst();
      if (known) return;
      await notify(trx, {
        userId: c.assigned_specialist_id!,
        kind: 'deadline',
        titleKey: 'notifications.deadlineMissed',
        params,
        link: `/cases/${c.id}`,
        mail: { subject: translate(c.locale, 'MAIL_CASE_OVERDUE_SUBJECT', params), bodyText: translate(c.locale, 'MAIL_CASE_OVERDUE_BODY', params), dedupeKey },
      });
      sent++;
    });
  }
  return sent;
}
