import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import type { Actor } from '../../../platform/policy/actor.js';
import type { DueItem, DueItemsProvider } from '../../../platform/home/due-items.js';
import { clientFamilyScope, monthlyReportScope } from '../../../platform/policy/policy.js';
import { todayInTallinn, compareIsoDates } from '../../../platform/calendar/working-days.js';
import { SIGNED_SERVICES } from './monthly-rules.js';

/**
 * Home page (B-REP-1): a provider's report due by the 5th or returned; SKA's
 * reports awaiting approval; a specialist's lines awaiting their confirmation;
 * a parent's services awaiting confirmation.
 */
export const monthlyReportDueItems: DueItemsProvider = async (db: Kysely<DB>, actor: Actor): Promise<DueItem[]> => {
  const today = todayInTallinn(new Date());
  if (actor.role === 'provider_admin') {
    const rows = await db.selectFrom('monthly_reports').select(['id', 'reference', 'month', 'status', 'due_on']).where(monthlyReportScope(actor)).where('status', 'in', ['draft', 'returned']).orderBy('due_on').execute();
    return rows.map((r) => ({
      id: `monthly-report-${r.id}`,
      module: 'families',
      titleKey: r.status === 'returned' ? 'monthlyReports.home.returned' : 'monthlyReports.home.due',
      params: { reference: r.reference, month: r.month },
      dueDate: r.due_on,
      severity: compareIsoDates(today, r.due_on) > 0 ? 'overdue' : r.status === 'returned' ? 'warning' : 'info',
      link: `/families/monthly-reports/${r.id}`,
    }));
  }
  if (actor.role === 'ska_contact') {
    const { count } = await db.selectFrom('monthly_reports').select((eb) => eb.fn.countAll<number>().as('count')).where(monthlyReportScope(actor)).where('status', '=', 'submitted').executeTakeFirstOrThrow();
    return Number(count) ? [{ id: 'monthly-reports-awaiting', module: 'families', titleKey: 'monthlyReports.home.awaiting', count: Number(count), severity: 'warning', link: '/families/monthly-reports?status=submitted' }] : [];
  }
  if (actor.role === 'provider_specialist') {
    const rows = await db
      .selectFrom('monthly_reports as r')
      .innerJoin('monthly_report_lines as l', (j) => j.onRef('l.report_id', '=', 'r.id').onRef('l.revision', '=', 'r.revision'))
      .innerJoin('provider_specialists as s', 's.id', 'l.specialist_id')
      .select(['r.id', 'r.reference', 'r.month', 'r.due_on'])
      .distinct()
      .where('r.status', '=', 'draft')
      .where('s.user_id', '=', actor.userId)
      .where('l.service', 'in', [...SIGNED_SERVICES])
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('monthly_report_signatures as g').select(sql`1`.as('one')).whereRef('g.report_id', '=', 'r.id').whereRef('g.revision', '=', 'r.revision').whereRef('g.specialist_id', '=', 's.id').where('g.signer', '=', 'specialist'))),
      )
      .execute();
    return rows.map((r) => ({ id: `monthly-report-confirm-${r.id}`, module: 'families', titleKey: 'monthlyReports.home.confirmOwn', params: { reference: r.reference, month: r.month }, dueDate: r.due_on, severity: 'warning', link: `/families/monthly-reports/${r.id}` }));
  }
  if (actor.role === 'client') {
    const rows = await db
      .selectFrom('monthly_report_lines as l')
      .innerJoin('monthly_reports as r', (j) => j.onRef('r.id', '=', 'l.report_id').onRef('r.revision', '=', 'l.revision'))
      .innerJoin('families', 'families.id', 'l.family_id')
      .select(['r.id', 'l.specialist_id', 'l.family_id'])
      .distinct()
      .where(clientFamilyScope(actor))
      .where('r.status', '=', 'draft')
      .where('l.service', 'in', [...SIGNED_SERVICES])
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('monthly_report_signatures as g').select(sql`1`.as('one')).whereRef('g.report_id', '=', 'r.id').whereRef('g.revision', '=', 'r.revision').whereRef('g.specialist_id', '=', 'l.specialist_id').whereRef('g.family_id', '=', 'l.family_id').where('g.signer', '=', 'recipient'))),
      )
      .execute();
    return rows.length ? [{ id: 'service-confirmations', module: 'families', titleKey: 'monthlyReports.home.clientConfirm', count: rows.length, severity: 'warning', link: '/me/service-confirmations' }] : [];
  }
  return [];
};
