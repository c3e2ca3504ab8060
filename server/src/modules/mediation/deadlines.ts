import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { DueItem, DueItemsProvider } from '../../platform/home/due-items.js';
import { formatTallinnDateTimeEt } from '../../platform/calendar/tallinn-time.js';
import { mediationProceedingScope } from '../../platform/policy/policy.js';
import { tellProceeding } from './notices.js';
import { REMINDER_HOURS } from './rules.js';

const count = (rows: { n: number }[]) => rows[0]?.n ?? 0;

/**
 * Module E on the home page: SKA's proceedings waiting for a mediator and
 * failed register deliveries; a mediator's and a client's upcoming sessions
 * and unread messages.
 */
export const mediationDueItems: DueItemsProvider = async (db, actor) => {
  if (!['ska_contact', 'mediator', 'client'].includes(actor.role)) return [];
  const items: DueItem[] = [];
  if (actor.role === 'ska_contact') {
    const waiting = count(
      await db
        .selectFrom('mediation_proceedings')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('mediator_id', 'is', null)
        .where('status', 'in', ['referred', 'first_meeting_booked', 'in_mediation'])
        // Both parents have applied and consented (E-ASSIGN), yet nobody suitable was found.
        .where(({ not, exists, selectFrom }) =>
          not(exists(selectFrom('mediation_parties as w').select('w.id').whereRef('w.proceeding_id', '=', 'mediation_proceedings.id').where('w.role', '=', 'parent').where('w.consented_at', 'is', null))),
        )
        .execute(),
    );
    if (waiting) items.push({ id: 'mediation.unassigned', module: 'mediation', titleKey: 'mediation.home.unassigned', count: waiting, severity: 'warning', link: '/mediation?status=open' });
    const failed = count(await db.selectFrom('mediation_register_outbox').select(sql<number>`count(*)::int`.as('n')).where('status', '=', 'failed').execute());
    if (failed) items.push({ id: 'mediation.registerFailed', module: 'mediation', titleKey: 'mediation.home.registerFailed', count: failed, severity: 'overdue', link: '/mediation/register?status=failed' });
    return items;
  }
  const now = new Date();
  const week = new Date(now.getTime() + 7 * 86_400_000);
  const sessions = count(
    await db
      .selectFrom('mediation_bookings')
      .innerJoin('mediation_proceedings', 'mediation_proceedings.id', 'mediation_bookings.proceeding_id')
      .select(sql<number>`count(*)::int`.as('n'))
      .where(mediationProceedingScope(actor))
      .where('mediation_bookings.status', '=', 'booked')
      .where('mediation_bookings.starts_at', '>', now)
      .where('mediation_bookings.starts_at', '<=', week)
      .execute(),
  );
  if (sessions) items.push({ id: 'mediation.sessionsThisWeek', module: 'mediation', titleKey: 'mediation.home.sessions', count: sessions, severity: 'info', link: actor.role === 'mediator' ? '/mediation/calendar' : '/mediation' });
  const unread = count(
    await db
      .selectFrom('mediation_messages')
      .innerJoin('mediation_proceedings', 'mediation_proceedings.id', 'mediation_messages.proceeding_id')
      .select(sql<number>`count(*)::int`.as('n'))
      .where(mediationProceedingScope(actor))
      .where('mediation_messages.author_id', '!=', actor.userId)
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('mediation_message_reads as r').select('r.user_id').whereRef('r.message_id', '=', 'mediation_messages.id').where('r.user_id', '=', actor.userId))))
      .execute(),
  );
  if (unread) items.push({ id: 'mediation.unread', module: 'mediation', titleKey: 'mediation.home.unread', count: unread, severity: 'warning', link: '/mediation' });
  return items;
};

/**
 * E-BOOK reminders (job `mediation-reminders`): each booked session gets one
 * reminder, to both parents and the mediator, once it starts within 48 hours.
 * Claimed with SKIP LOCKED and marked in the same transaction, so two server
 * processes never send it twice.
 */
export async function sendBookingReminders(db: Kysely<DB>, now = new Date()): Promise<number> {
  let sent = 0;
  for (;;) {
    const done = await db.transaction().execute(async (trx) => {
      const booking = await trx
        .selectFrom('mediation_bookings')
        .innerJoin('mediation_proceedings as p', 'p.id', 'mediation_bookings.proceeding_id')
        .innerJoin('users as m', 'm.id', 'mediation_bookings.mediator_id')
        .select(['mediation_bookings.id', 'mediation_bookings.starts_at', 'p.id as proceeding_id', 'p.reference', 'p.language', 'p.mediator_id', 'm.name as mediator_name'])
        .where('mediation_bookings.status', '=', 'booked')
        .where('mediation_bookings.reminded_at', 'is', null)
        .where('mediation_bookings.starts_at', '>', now)
        .where('mediation_bookings.starts_at', '<=', new Date(now.getTime() + REMINDER_HOURS * 3_600_000))
        .orderBy('mediation_bookings.starts_at')
        .limit(1)
        .forUpdate('mediation_bookings')
        .skipLocked()
        .executeTakeFirst();
      if (!booking) return true;
      await trx.updateTable('mediation_bookings').set({ reminded_at: now }).where('id', '=', booking.id).execute();
      await tellProceeding(trx, { id: booking.proceeding_id, reference: booking.reference, language: booking.language, mediator_id: booking.mediator_id }, { parents: true, mediator: true }, {
        kind: 'reminder',
        titleKey: 'mediation.notifications.reminder',
        params: { when: formatTallinnDateTimeEt(booking.starts_at), mediator: booking.mediator_name },
        mailCode: 'MEDIATION_REMINDER',
        dedupe: `mediation-reminder-${booking.id}`,
      });
      return false;
    });
    if (done) break;
    sent += 1;
  }
  return sent;
}
