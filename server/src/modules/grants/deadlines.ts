import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { addWorkingDays, todayInTallinn } from '../../platform/calendar/working-days.js';
import type { DueItem, DueItemsProvider } from '../../platform/home/due-items.js';
import { tell } from '../../platform/notify/tell.js';
import { grantApplicationScope } from '../../platform/policy/policy.js';
import { AWAITING_DECISION } from './rules.js';
import { recordEvent } from './service.js';
import { messageParams } from './views.js';

/**
 * Module D on the home page and in the job queue:
 *  - D-GRANT-3: the ministry's officers see the applications waiting for a decision, warned
 *    5 working days before the 30-working-day deadline and when it has passed; the daily job
 *    tells them (in-app and by e-mail) once per application and step;
 *  - D-CONTRACT: a KOV worker sees the contract waiting for their signature with its last day.
 */

/** Working days before the decision deadline when the officers are warned. */
export const WARN_WORKING_DAYS = 5;

export const grantDueItems: DueItemsProvider = async (db, actor) => {
  const today = todayInTallinn(new Date());
  const items: DueItem[] = [];
  if (actor.role === 'ministry_officer') {
    const rows = await db
      .selectFrom('grant_applications')
      .select(['grant_applications.decision_due_on'])
      .where(grantApplicationScope(actor, 'approve'))
      .where('grant_applications.status', 'in', AWAITING_DECISION)
      .orderBy('grant_applications.decision_due_on')
      .execute();
    if (rows.length) {
      const first = rows[0]!.decision_due_on!;
      const overdue = rows.filter((r) => r.decision_due_on! < today).length;
      const soon = addWorkingDays(today, WARN_WORKING_DAYS);
      if (overdue) items.push({ id: 'grants.decisionOverdue', module: 'grants', titleKey: 'home.items.grantsDecisionOverdue', count: overdue, dueDate: first, severity: 'overdue', link: '/grants/applications?awaiting=true' });
      items.push({ id: 'grants.awaitingDecision', module: 'grants', titleKey: 'home.items.grantsAwaitingDecision', count: rows.length, dueDate: first, severity: first <= soon ? 'warning' : 'info', link: '/grants/applications?awaiting=true' });
    }
    const { n } = await db.selectFrom('grant_applications').select(sql<number>`count(*)::int`.as('n')).where(grantApplicationScope(actor, 'approve')).where('grant_applications.status', '=', 'granted').executeTakeFirstOrThrow();
    if (n) items.push({ id: 'grants.contractToSend', module: 'grants', titleKey: 'home.items.grantsContractToSend', count: n, severity: 'info', link: '/grants/applications?status=granted' });
  }
  if (actor.role === 'kov_worker') {
    const rows = await db
      .selectFrom('grant_applications')
      .select(['grant_applications.id', 'grant_applications.contract_sign_due_on'])
      .where(grantApplicationScope(actor))
      .where('grant_applications.status', '=', 'contract_sent')
      .orderBy('grant_applications.contract_sign_due_on')
      .execute();
    for (const r of rows) {
      items.push({ id: `grants.sign.${r.id}`, module: 'grants', titleKey: 'home.items.grantsContractToSign', dueDate: r.contract_sign_due_on!, severity: r.contract_sign_due_on! < today ? 'overdue' : 'warning', link: `/grants/applications/${r.id}` });
    }
  }
  return items;
};

/** D-GRANT-3 reminders: once per application when 5 working days are left, once more when the deadline has passed. */
export async function remindGrantDecisions(db: Kysely<DB>, now = new Date()): Promise<{ reminded: number }> {
  const today = todayInTallinn(now);
  const soon = addWorkingDays(today, WARN_WORKING_DAYS);
  const rows = await db
    .selectFrom('grant_applications as a')
    .innerJoin('organisations as o', 'o.id', 'a.kov_organisation_id')
    .select(['a.id', 'a.reference', 'a.decision_due_on', 'o.name as kov'])
    .where('a.status', 'in', AWAITING_DECISION)
    .where('a.decision_due_on', '<=', soon)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom('grant_application_events as e').select(sql`1`.as('one')).whereRef('e.application_id', '=', 'a.id')
            .where('e.kind', '=', sql<string>`case when a.decision_due_on < ${today}::date then 'deadline_missed' else 'deadline_reminder' end`),
        ),
      ),
    )
    .execute();
  if (!rows.length) return { reminded: 0 };
  const officers = await db.selectFrom('users').select(['id', 'locale']).where('role', '=', 'ministry_officer').where('active', '=', true).execute();
  for (const r of rows) {
    const missed = r.decision_due_on! < today;
    await db.transaction().execute(async (trx) => {
      await recordEvent(trx, { applicationId: r.id, kind: missed ? 'deadline_missed' : 'deadline_reminder', note: r.decision_due_on, actorId: null });
      for (const o of officers) {
        await tell(trx, [o], {
          kind: 'deadline', titleKey: missed ? 'notifications.grantDecisionOverdue' : 'notifications.grantDecisionDue', params: messageParams({ reference: r.reference, kov: r.kov, due: r.decision_due_on! }, o.locale) as Record<string, string>,
          link: `/grants/applications/${r.id}`, mailCode: missed ? 'MAIL_GRANT_DECISION_OVERDUE' : 'MAIL_GRANT_DECISION_DUE', dedupe: `grant-${missed ? 'missed' : 'due'}-${r.id}`,
        });
      }
    });
  }
  return { reminded: rows.length };
}
