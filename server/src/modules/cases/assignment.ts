import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { CaseType } from './tables.js';

/**
 * A-ASSIGN: a new domestic or KLAT case goes to the municipality's regional
 * chief specialist; international and RV cases to the member of that team
 * with the fewest open cases. Null when nobody is set up (the manager assigns).
 */
export async function defaultSpecialist(trx: Transaction<DB>, type: CaseType, kovOrganisationId: string): Promise<string | null> {
  if (type === 'domestic' || type === 'klat_opinion') {
    const kov = await trx
      .selectFrom('organisations')
      .innerJoin('users', 'users.id', 'organisations.regional_specialist_id')
      .select('users.id')
      .where('organisations.id', '=', kovOrganisationId)
      .where('users.active', '=', true)
      .executeTakeFirst();
    return kov?.id ?? null;
  }
  const member = await trx
    .selectFrom('case_team_members')
    .innerJoin('users', 'users.id', 'case_team_members.user_id')
    .leftJoin('cases', (join) => join.onRef('cases.assigned_specialist_id', '=', 'users.id').on('cases.closed_on', 'is', null).on('cases.status', '!=', 'opinion_issued'))
    .select(['users.id', sql<number>`count(cases.id)::int`.as('open_cases')])
    .where('case_team_members.case_type', '=', type)
    .where('users.active', '=', true)
    .groupBy('users.id')
    .orderBy('open_cases')
    .orderBy('users.id')
    .executeTakeFirst();
  return member?.id ?? null;
}

export function activeSpecialists(db: Kysely<DB>) {
  return db
    .selectFrom('users')
    .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
    .select(['users.id', 'users.name'])
    .where('users.role', '=', 'ska_specialist')
    .where('users.active', '=', true)
    .where('organisations.kind', '=', 'ska')
    .orderBy('users.name')
    .execute();
}
