import type { Insertable, Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import type { ServiceSessionsTable } from '../service-tables.js';

type Row = Insertable<ServiceSessionsTable>;
import { appendAudit } from '../../../platform/audit/audit.js';
import { addCalendarDays, compareIsoDates, todayInTallinn, type IsoDate } from '../../../platform/calendar/working-days.js';

const PROVIDER = 'Perekeskus Kasvulava OÜ';

/**
 * Demo sessions (run after the demo families): Kasvulava's mentoring
 * sessions on its running mentoring episodes, and counselling/supervision by
 * its psychologist for three families — one at its yearly limit with an extra
 * request awaiting SKA, one with 2 extra sessions SKA approved, one with a
 * remote session by prior agreement. Idempotent: 0 when sessions exist.
 */
export async function seedDemoSessions(db: Kysely<DB>, now: Date): Promise<number> {
  if (await db.selectFrom('service_sessions').select('id').limit(1).executeTakeFirst()) return 0;
  const provider = await db.selectFrom('organisations').select('id').where('name', '=', PROVIDER).executeTakeFirst();
  if (!provider) return 0;
  const today = todayInTallinn(now);
  const yearStart = `${today.slice(0, 4)}-01-01`;
  const clamp = (d: IsoDate) => (compareIsoDates(d, yearStart) < 0 ? yearStart : d);
  const specialists = await db
    .selectFrom('provider_specialists')
    .select(['id', 'user_id', 'roles'])
    .where('provider_organisation_id', '=', provider.id)
    .where('active', '=', true)
    .where('ska_approved_on', 'is not', null)
    .execute();
  const psychologist = specialists.find((s) => (s.roles as string[]).includes('psychologist'));
  const supervisor = specialists.find((s) => (s.roles as string[]).includes('supervisor'));
  const admin = await db.selectFrom('users').select('id').where('organisation_id', '=', provider.id).where('role', '=', 'provider_admin').orderBy('created_at').executeTakeFirst();
  const skaContact = await db.selectFrom('users').select('id').where('role', '=', 'ska_contact').orderBy('created_at').executeTakeFirst();
  if (!admin || !skaContact) return 0;

  return db.transaction().execute(async (trx) => {
    const rows: Row[] = [];
    const mentoring = await trx
      .selectFrom('family_episodes')
      .select(['id', 'family_id', 'specialist_id', 'starts_on'])
      .where('provider_organisation_id', '=', provider.id)
      .where('kind', '=', 'mentoring')
      .where('status', '!=', 'ended')
      .where('specialist_id', 'is not', null)
      .execute();
    for (const e of mentoring) {
      for (const [i, offset] of [3, 10, 17].entries()) {
        const heldOn = addCalendarDays(e.starts_on, offset);
        if (compareIsoDates(heldOn, today) > 0) break;
        const remote = i === 1;
        rows.push({
          service: 'mentoring',
          family_id: e.family_id,
          episode_id: e.id,
          provider_organisation_id: provider.id,
          specialist_id: e.specialist_id!,
          held_on: heldOn,
          minutes: 60,
          mode: remote ? 'remote' : 'in_person',
          remote_agreed_on: remote ? e.starts_on : null,
          participants: 'Hooldusvanemad',
          summary: remote ? 'Videokõne: lapse koolivalmidus ja päevakava.' : 'Kohtumine pere kodus: kogemuste jagamine, piiride seadmine.',
          created_by: admin.id,
        });
      }
    }

    let requests = 0;
    if (psychologist) {
      const families = await trx
        .selectFrom('families')
        .innerJoin('family_episodes', 'family_episodes.family_id', 'families.id')
        .select('families.id')
        .distinct()
        .where('family_episodes.provider_organisation_id', '=', provider.id)
        .where('family_episodes.kind', 'in', ['adaptation', 'needs_based'])
        .where('families.assessed', '=', true)
        .orderBy('families.id')
        .limit(3)
        .execute();
      const year = Number(today.slice(0, 4));
      const plan = [
        { sessions: 5, extra: { requested: 2, approved: null as number | null } },
        { sessions: 6, extra: { requested: 2, approved: 2 as number | null } },
        { sessions: 2, extra: null },
      ];
      for (const [i, f] of families.entries()) {
        const p = plan[i]!;
        for (let k = 0; k < p.sessions; k++) {
          const supervision = Boolean(supervisor) && k % 3 === 2;
          const byRole = supervision ? supervisor! : psychologist;
          const heldOn = clamp(addCalendarDays(today, -(7 + k * 21)));
          const remote = i === 2 && k === 0;
          rows.push({
            service: supervision ? 'supervision' : 'counselling',
            family_id: f.id,
            episode_id: null,
            provider_organisation_id: provider.id,
            specialist_id: byRole.id,
            held_on: heldOn,
            minutes: 60,
            mode: remote ? 'remote' : 'in_person',
            remote_agreed_on: remote ? addCalendarDays(heldOn, -7) : null,
            participants: 'Hooldusema',
            summary: 'Psühholoogiline nõustamine: lapse kiindumus ja vanema toimetulek.',
            created_by: psychologist.user_id,
          });
        }
        if (p.extra) {
          await trx
            .insertInto('counselling_extra_requests')
            .values({
              family_id: f.id,
              provider_organisation_id: provider.id,
              year,
              requested_sessions: p.extra.requested,
              justification: 'Lapse käitumisraskused on süvenenud; pere vajab nõustamist ka pärast 5 korda.',
              status: p.extra.approved ? 'approved' : 'requested',
              approved_sessions: p.extra.approved,
              decision_reason: p.extra.approved ? 'Põhjendus on piisav' : null,
              requested_by: psychologist.user_id,
              requested_on: clamp(addCalendarDays(today, -5)),
              decided_by: p.extra.approved ? skaContact.id : null,
              decided_on: p.extra.approved ? clamp(addCalendarDays(today, -3)) : null,
            })
            .execute();
          requests++;
        }
      }
    }
    if (rows.length) await trx.insertInto('service_sessions').values(rows).execute();
    await appendAudit(trx, { actor: null, ip: null }, [{ action: 'create', recordType: 'seed', recordId: 'demo-sessions' }]);
    return rows.length + requests;
  });
}
