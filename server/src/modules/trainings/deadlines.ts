import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { addCalendarDays, formatDateEt, todayInTallinn } from '../../platform/calendar/working-days.js';
import type { DueItem, DueItemsProvider } from '../../platform/home/due-items.js';
import { tell } from '../../platform/notify/tell.js';
import { trainingAttendanceScope, trainingGroupScope } from '../../platform/policy/policy.js';
import { FEEDBACK_OPEN_DAYS } from './rules.js';

/**
 * Module C on the home page and in the job queue:
 *  - C-4: the SKA manager sees the groups whose cut-off passed under their
 *    minimum (merge or cancel them); the daily job tells them once per group;
 *  - C-5: a trainer sees session days without attendance; a KOV worker their
 *    trainings starting within two weeks and questionnaires waiting; the daily
 *    job invites those who attended to give feedback, once per registration.
 */

/** C-4 in SQL (rules.isUnderfilled): scheduled, cut-off passed, not started, fewer confirmed than the minimum. */
const underfilled = (today: string) => sql<boolean>`(training_groups.status = 'scheduled'
  and training_groups.registration_closes_on < ${today}::date and training_groups.starts_on > ${today}::date
  and (select count(*) from training_registrations ur where ur.group_id = training_groups.id and ur.status = 'confirmed') < training_groups.capacity_min)`;

const FEEDBACK_DAYS = FEEDBACK_OPEN_DAYS;

export const trainingDueItems: DueItemsProvider = async (db, actor) => {
  const today = todayInTallinn(new Date());
  const items: DueItem[] = [];
  if (actor.role === 'ska_manager') {
    // Due: the first day of the earliest such group (decide before it would start).
    const rows = await db.selectFrom('training_groups').select(['training_groups.starts_on']).where(trainingGroupScope(actor, 'approve')).where(underfilled(today)).orderBy('training_groups.starts_on').execute();
    if (rows.length) {
      items.push({ id: 'trainings.underfilled', module: 'trainings', titleKey: 'trainings.home.underfilled', count: rows.length, dueDate: rows[0]!.starts_on, severity: 'warning', link: '/trainings/groups?underfilled=true' });
    }
  }
  if (actor.role === 'trainer') {
    const { n } = await db
      .selectFrom('training_sessions')
      .innerJoin('training_groups', 'training_groups.id', 'training_sessions.group_id')
      .select(sql<number>`count(*)::int`.as('n'))
      .where(trainingAttendanceScope(actor, 'update'))
      .where('training_groups.status', '=', 'scheduled')
      .where('training_sessions.day', '<=', today)
      .where('training_sessions.day', '>=', addCalendarDays(today, -60))
      .where(
        sql<boolean>`exists (select 1 from training_registrations tr where tr.group_id = training_groups.id and tr.status = 'confirmed'
          and not exists (select 1 from training_attendance ta where ta.registration_id = tr.id and ta.session_id = training_sessions.id))`,
      )
      .executeTakeFirstOrThrow();
    if (n) items.push({ id: 'trainings.attendanceDue', module: 'trainings', titleKey: 'trainings.home.attendanceDue', count: n, severity: 'warning', link: '/trainings/groups?attendance=due' });
  }
  if (actor.role === 'kov_worker') {
    const own = () => db.selectFrom('training_registrations').innerJoin('training_groups', 'training_groups.id', 'training_registrations.group_id').where('training_registrations.user_id', '=', actor.userId);
    const upcoming = await own()
      .select(['training_groups.starts_on'])
      .where('training_registrations.status', '=', 'confirmed')
      .where('training_groups.status', '=', 'scheduled')
      .where('training_groups.starts_on', '>=', today)
      .where('training_groups.starts_on', '<=', addCalendarDays(today, 14))
      .orderBy('training_groups.starts_on')
      .execute();
    if (upcoming.length) items.push({ id: 'trainings.upcoming', module: 'trainings', titleKey: 'trainings.home.upcoming', count: upcoming.length, dueDate: upcoming[0]!.starts_on, severity: 'info', link: '/trainings/registrations?mine=true' });
    const { n } = await own()
      .select(sql<number>`count(*)::int`.as('n'))
      .where('training_registrations.status', '=', 'confirmed')
      .where('training_groups.status', '=', 'scheduled')
      .where('training_groups.ends_on', '<=', today)
      .where('training_groups.ends_on', '>=', addCalendarDays(today, -FEEDBACK_DAYS))
      .where(sql<boolean>`exists (select 1 from training_attendance fa where fa.registration_id = training_registrations.id and fa.status <> 'absent')`)
      .where(sql<boolean>`not exists (select 1 from training_feedback ff where ff.registration_id = training_registrations.id)`)
      .executeTakeFirstOrThrow();
    if (n) items.push({ id: 'trainings.feedbackDue', module: 'trainings', titleKey: 'trainings.home.feedbackDue', count: n, severity: 'info', link: '/trainings/registrations?mine=true' });
  }
  return items;
};

/**
 * C-4, X-NOTIFY: each group found under its minimum after its cut-off is
 * reported once to the SKA managers (in-app and mail), then marked, so a
 * second run says nothing new. One transaction per group.
 */
export async function notifyUnderfilledGroups(db: Kysely<DB>, now = new Date()): Promise<number> {
  const today = todayInTallinn(now);
  const groups = await db
    .selectFrom('training_groups')
    .innerJoin('trainings', 'trainings.id', 'training_groups.training_id')
    .select(['training_groups.id', 'training_groups.number', 'training_groups.city', 'training_groups.venue', 'training_groups.starts_on', 'training_groups.registration_closes_on', 'training_groups.capacity_min', 'trainings.title'])
    .select(sql<number>`(select count(*)::int from training_registrations cr where cr.group_id = training_groups.id and cr.status = 'confirmed')`.as('confirmed'))
    .where(underfilled(today))
    .where('training_groups.underfilled_notified_on', 'is', null)
    .execute();
  if (groups.length === 0) return 0;
  let told = 0;
  for (const g of groups) {
    await db.transaction().execute(async (trx) => {
      const claimed = await trx.updateTable('training_groups').set({ underfilled_notified_on: today }).where('id', '=', g.id).where('underfilled_notified_on', 'is', null).returning('id').executeTakeFirst();
      if (!claimed) return;
      const managers = await trx.selectFrom('users').innerJoin('organisations', 'organisations.id', 'users.organisation_id').select(['users.id', 'users.locale']).where('users.role', '=', 'ska_manager').where('users.active', '=', true).where('organisations.kind', '=', 'ska').execute();
      const params = { training: g.title, group: String(g.number), place: [g.venue, g.city].filter(Boolean).join(', ') || 'online', date: formatDateEt(g.starts_on), cutoff: formatDateEt(g.registration_closes_on), confirmed: String(g.confirmed), min: String(g.capacity_min) };
      await tell(trx, managers, { kind: 'deadline', titleKey: 'trainings.notifications.underfilled', params, link: `/trainings/groups/${g.id}`, mailCode: 'MAIL_TRAINING_UNDERFILLED', dedupe: `training-underfilled-${g.id}` });
      told += 1;
    });
  }
  return told;
}

/**
 * C-5: from a group's last day, those who attended and have not answered are
 * invited to the questionnaire, once (the mail's dedupe key), for groups that
 * ended in the last week.
 */
export async function inviteFeedback(db: Kysely<DB>, now = new Date()): Promise<number> {
  const today = todayInTallinn(now);
  const rows = await db
    .selectFrom('training_registrations')
    .innerJoin('training_groups', 'training_groups.id', 'training_registrations.group_id')
    .innerJoin('trainings', 'trainings.id', 'training_registrations.training_id')
    .innerJoin('users', 'users.id', 'training_registrations.user_id')
    .select(['training_registrations.id', 'users.id as user_id', 'users.locale', 'trainings.title', 'training_groups.ends_on'])
    .where('training_registrations.status', '=', 'confirmed')
    .where('training_groups.status', '=', 'scheduled')
    .where('training_groups.ends_on', '<=', today)
    .where('training_groups.ends_on', '>=', addCalendarDays(today, -7))
    .where('users.active', '=', true)
    .where(sql<boolean>`exists (select 1 from training_attendance fa where fa.registration_id = training_registrations.id and fa.status <> 'absent')`)
    .where(sql<boolean>`not exists (select 1 from training_feedback ff where ff.registration_id = training_registrations.id)`)
    .where(sql<boolean>`not exists (select 1 from mail_outbox mo where mo.dedupe_key = 'training-feedback-' || training_registrations.id::text || '-' || users.id::text)`)
    .execute();
  for (const r of rows) {
    await db.transaction().execute((trx) =>
      tell(trx, [{ id: r.user_id, locale: r.locale }], {
        kind: 'training',
        titleKey: 'trainings.notifications.feedback',
        params: { training: r.title, date: formatDateEt(r.ends_on) },
        link: '/trainings/registrations?mine=true',
        mailCode: 'MAIL_TRAINING_FEEDBACK',
        dedupe: `training-feedback-${r.id}`,
      }),
    );
  }
  return rows.length;
}
