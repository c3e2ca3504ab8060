import { sql, type Kysely } from 'kysely';
import type { AppConfig } from '../../../config.js';
import type { DB } from '../../../platform/db/schema.js';
import type { AppDeps, RequestContext } from '../../../platform/http/index.js';
import { todayInTallinn } from '../../../platform/calendar/working-days.js';
import { addParent } from '../families-service.js';
import { previousMonth, SIGNED_SERVICES } from './monthly-rules.js';

const PROVIDER = 'Perekeskus Kasvulava OÜ';

/**
 * Demo self-service (B-REP-1 recipient confirmation): the demo client's
 * person (Kati Karu) becomes a parent of one family Kasvulava serves whose
 * services are in last month's draft report, so her "/me/service-confirmations"
 * lists them. Never an adoptive family under secrecy; a one-parent family
 * first, then the one with the most kinds of service. Added by Kasvulava's
 * project manager through the families service (people links, audit,
 * version). Once: nothing when the person already is a parent somewhere.
 * Returns the family's id, or null.
 */
export async function seedDemoClientFamily(db: Kysely<DB>, now: Date): Promise<string | null> {
  const client = await db
    .selectFrom('users')
    .innerJoin('people', 'people.id', 'users.person_id')
    .select(['people.id', 'people.personal_code', 'people.first_name', 'people.last_name', 'people.birth_date'])
    .where('users.role', '=', 'client')
    .where('users.active', '=', true)
    .orderBy('users.created_at')
    .executeTakeFirst();
  if (!client) return null;
  if (await db.selectFrom('family_parents').select('family_id').where('person_id', '=', client.id).executeTakeFirst()) return null;
  const provider = await db.selectFrom('organisations').select('id').where('name', '=', PROVIDER).executeTakeFirst();
  const admin = provider && (await db.selectFrom('users').select(['id', 'name', 'role', 'organisation_id', 'person_id']).where('organisation_id', '=', provider.id).where('role', '=', 'provider_admin').where('active', '=', true).orderBy('created_at').executeTakeFirst());
  if (!provider || !admin) return null;
  const family = await db
    .selectFrom('monthly_report_lines as l')
    .innerJoin('monthly_reports as r', (j) => j.onRef('r.id', '=', 'l.report_id').onRef('r.revision', '=', 'l.revision'))
    .innerJoin('families as f', 'f.id', 'l.family_id')
    .select(['f.id', 'f.type', 'f.version'])
    .where('r.provider_organisation_id', '=', provider.id)
    .where('r.month', '=', previousMonth(todayInTallinn(now)))
    .where('r.status', '=', 'draft')
    .where('l.service', 'in', [...SIGNED_SERVICES])
    .where('f.adoption_secrecy', '=', false)
    .groupBy(['f.id', 'f.type', 'f.version', 'f.reference'])
    .orderBy(sql`(select count(*) from family_parents fp where fp.family_id = f.id)`)
    .orderBy(sql`count(distinct l.service)`, 'desc')
    .orderBy(sql`count(*)`, 'desc')
    .orderBy('f.reference')
    .executeTakeFirst();
  if (!family) return null;
  const deps: AppDeps = { db, config: { demo: true } as AppConfig, jobs: null };
  const ctx: RequestContext = { actor: { userId: admin.id, name: admin.name, role: admin.role, organisationId: admin.organisation_id, organisationKind: 'provider', personId: admin.person_id }, ip: null, locale: 'et' };
  await addParent(deps, ctx, family.id, family.version, {
    person: { personalCode: client.personal_code, firstName: client.first_name, lastName: client.last_name, birthDate: client.birth_date },
    relation: family.type === 'eestkoste' ? 'guardian' : 'parent',
  });
  return family.id;
}
