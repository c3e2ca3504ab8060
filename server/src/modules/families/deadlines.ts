import { sql, type Kysely } from 'kysely';
import type { DB, Locale } from '../../platform/db/schema.js';
import { addCalendarDays, formatDateEt, todayInTallinn } from '../../platform/calendar/working-days.js';
import type { DueItem, DueItemsProvider } from '../../platform/home/due-items.js';
import { episodeScope, referralScope } from '../../platform/policy/policy.js';
import { CONTACT_WARN_DAYS, HOME_VISIT_WARN_DAYS } from './rules.js';
import { endOfWeek } from './overview-routes.js';
import { tell } from './shared.js';

const count = (rows: { n: number }[]) => rows[0]?.n ?? 0;

/**
 * Module B's part of the home page: what is due for the user — overdue first
 * contacts (B-START), contacts and home visits due or missed (B-FREQ),
 * quarterly KOV overviews due (B-KOV), referrals to check (B-NEED-2) and
 * specialists waiting for approval (§2.8.6).
 */
export const familyDueItems: DueItemsProvider = async (db, actor) => {
  if (!['ska_contact', 'provider_admin', 'provider_specialist', 'kov_worker'].includes(actor.role)) return [];
  const today = todayInTallinn(new Date());
  const weekEnds = endOfWeek(today);
  const items: DueItem[] = [];
  const episodes = () => {
    let q = db.selectFrom('family_episodes').select(sql<number>`count(*)::int`.as('n')).where(episodeScope(actor)).where('family_episodes.status', '=', 'active');
    if (actor.role === 'provider_specialist') q = q.where('family_episodes.specialist_id', 'in', db.selectFrom('provider_specialists').select('id').where('user_id', '=', actor.userId));
    return q;
  };
  const referrals = () => db.selectFrom('family_referrals').select(sql<number>`count(*)::int`.as('n')).where(referralScope(actor));

  if (actor.role !== 'kov_worker') {
    const overdueFirst = count(await referrals().where('family_referrals.status', 'in', ['forwarded', 'started']).where('family_referrals.first_contact_on', 'is', null).where('family_referrals.first_contact_due', '<', today).execute());
    if (overdueFirst) items.push({ id: 'families.firstContactOverdue', module: 'families', titleKey: 'home.items.familiesFirstContactOverdue', count: overdueFirst, severity: 'overdue', link: '/families/referrals?overdueFirstContact=true' });
    const red = count(await episodes().where((eb) => eb.or([eb('family_episodes.next_contact_due', '<', today), eb('family_episodes.next_home_visit_due', '<', today)])).execute());
    if (red) items.push({ id: 'families.contactOverdue', module: 'families', titleKey: 'home.items.familiesContactOverdue', count: red, severity: actor.role === 'ska_contact' ? 'warning' : 'overdue', link: '/families/episodes?compliance=red' });
  }
  if (actor.role === 'provider_specialist' || actor.role === 'provider_admin') {
    const dueThisWeek = count(
      await episodes()
        .where('family_episodes.next_contact_due', '>=', today)
        .where('family_episodes.next_home_visit_due', '>=', today)
        .where((eb) => eb.or([eb('family_episodes.next_contact_due', '<=', weekEnds), eb('family_episodes.next_home_visit_due', '<=', weekEnds)]))
        .execute(),
    );
    if (dueThisWeek) items.push({ id: 'families.dueThisWeek', module: 'families', titleKey: 'home.items.familiesDueThisWeek', count: dueThisWeek, severity: 'warning', dueDate: weekEnds, link: actor.role === 'provider_admin' ? '/families/episodes?status=running' : '/families/my' });
    const overviews = count(
      await episodes()
        .innerJoin('families', 'families.id', 'family_episodes.family_id')
        .where((eb) => eb.or([eb('families.type', '!=', 'lapsendaja'), eb('families.kov_involvement_consent', '=', true)]))
        .where(sql<boolean>`coalesce((select max(r.sent_on) from kov_reports r where r.episode_id = family_episodes.id and r.kind = 'quarterly_overview'), family_episodes.agreement_on) + interval '3 months' <= ${weekEnds}::date`)
        .execute(),
    );
    if (overviews) items.push({ id: 'families.kovOverviewDue', module: 'families', titleKey: 'home.items.familiesKovOverviewDue', count: overviews, severity: 'warning', link: actor.role === 'provider_admin' ? '/families/episodes?status=running' : '/families/my' });
  }
  if (actor.role === 'provider_admin') {
    const toStart = count(await referrals().where('family_referrals.status', '=', 'forwarded').execute());
    if (toStart) items.push({ id: 'families.referralsToStart', module: 'families', titleKey: 'home.items.familiesReferralsToStart', count: toStart, severity: 'info', link: '/families/referrals?status=forwarded' });
  }
  if (actor.role === 'ska_contact') {
    const toCheck = count(await referrals().where('family_referrals.status', '=', 'submitted').execute());
    if (toCheck) items.push({ id: 'families.referralsToCheck', module: 'families', titleKey: 'home.items.familiesReferralsToCheck', count: toCheck, severity: 'info', link: '/families/referrals?status=submitted' });
    const { n: waiting } = await db.selectFrom('provider_specialists').select(sql<number>`count(*)::int`.as('n')).where('active', '=', true).where('ska_approved_on', 'is', null).executeTakeFirstOrThrow();
    if (waiting) items.push({ id: 'families.specialistsToApprove', module: 'families', titleKey: 'home.items.familiesSpecialistsToApprove', count: waiting, severity: 'info', link: '/families/specialists?approved=false' });
  }
  if (actor.role === 'kov_worker') {
    const waiting = count(await referrals().where('family_referrals.status', '=', 'submitted').where('family_referrals.kov_organisation_id', '=', actor.organisationId).execute());
    if (waiting) items.push({ id: 'families.referralsWaiting', module: 'families', titleKey: 'home.items.familiesReferralsWaiting', count: waiting, severity: 'info', link: '/families/referrals?status=submitted' });
  }
  return items;
};

/** One reminder per recipient and dedupe key however often the job runs (the key is the mail's, as `tell` builds it). */
async function remindOnce(db: Kysely<DB>, recipient: { id: string; locale: Locale }, n: Parameters<typeof tell>[2] & { dedupe: string }): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const known = await trx.selectFrom('mail_outbox').select('id').where('dedupe_key', '=', `${n.dedupe}-${recipient.id}`).executeTakeFirst();
    if (known) return false;
    await tell(trx, [recipient], n);
    return true;
  });
}

/**
 * X-NOTIFY reminders, daily: before a gap (B-FREQ), the assigned specialist
 * is told that a contact or home visit is due; when a first contact is late
 * (B-START), the provider's project managers are told. Once per due date.
 */
export async function remindFamilyContacts(db: Kysely<DB>, now = new Date()): Promise<number> {
  const today = todayInTallinn(now);
  const due = await db
    .selectFrom('family_episodes')
    .innerJoin('families', 'families.id', 'family_episodes.family_id')
    .innerJoin('provider_specialists', 'provider_specialists.id', 'family_episodes.specialist_id')
    .innerJoin('users', 'users.id', 'provider_specialists.user_id')
    .select(['family_episodes.id', 'family_episodes.next_contact_due', 'family_episodes.next_home_visit_due', 'families.reference', 'users.id as user_id', 'users.locale'])
    .where('family_episodes.status', '=', 'active')
    .where('users.active', '=', true)
    .where((eb) => eb.or([eb('family_episodes.next_contact_due', '<=', addCalendarDays(today, CONTACT_WARN_DAYS)), eb('family_episodes.next_home_visit_due', '<=', addCalendarDays(today, HOME_VISIT_WARN_DAYS))]))
    .limit(5000)
    .execute();
  let sent = 0;
  for (const e of due) {
    const date = [e.next_contact_due, e.next_home_visit_due].filter((d): d is string => Boolean(d)).sort()[0]!;
    const done = await remindOnce(db, { id: e.user_id, locale: e.locale }, {
      kind: 'deadline',
      titleKey: 'notifications.familyContactDue',
      params: { reference: e.reference, due: formatDateEt(date) },
      link: `/families/episodes/${e.id}`,
      mailCode: 'MAIL_FAMILY_CONTACT_DUE',
      dedupe: `family-contact-due-${e.id}-${date}`,
    });
    if (done) sent++;
  }
  const late = await db
    .selectFrom('family_referrals')
    .innerJoin('users', (j) => j.onRef('users.organisation_id', '=', 'family_referrals.provider_organisation_id').on('users.role', '=', 'provider_admin').on('users.active', '=', true))
    .select(['family_referrals.id', 'family_referrals.reference', 'family_referrals.first_contact_due', 'users.id as user_id', 'users.locale'])
    .where('family_referrals.status', 'in', ['forwarded', 'started'])
    .where('family_referrals.first_contact_on', 'is', null)
    .where('family_referrals.first_contact_due', '<', today)
    .limit(5000)
    .execute();
  for (const r of late) {
    const done = await remindOnce(db, { id: r.user_id, locale: r.locale }, {
      kind: 'deadline',
      titleKey: 'notifications.familyFirstContactOverdue',
      params: { reference: r.reference, due: formatDateEt(r.first_contact_due!) },
      link: `/families/referrals/${r.id}`,
      mailCode: 'MAIL_FIRST_CONTACT_OVERDUE',
      dedupe: `family-first-contact-overdue-${r.id}`,
    });
    if (done) sent++;
  }
  return sent;
}
