import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { AppError } from '../../platform/http/index.js';
import { checkSpecialist, coiProblems, COI_CLAUSES, type CoiFacts } from './rules.js';
import type { OfficialPost, SpecialistLanguage, SpecialistRole, SupportKind } from './tables.js';

type Db = Kysely<DB> | Transaction<DB>;

export const TALLINN_NAME = 'Tallinna linn';

/** The households a person lives in: as a parent or a child still in a family, or a recorded household member. */
const householdsOfPerson = (personId: string) => sql`(
  select f.household_id from families f join family_parents fp on fp.family_id = f.id where fp.person_id = ${personId}
  union select f.household_id from families f join family_children fc on fc.family_id = f.id where fc.child_person_id = ${personId} and fc.left_on is null
  union select hm.household_id from household_members hm where hm.person_id = ${personId})`;

/** The people living in a household. */
const peopleOfHousehold = (householdId: string) => sql`(
  select fp.person_id from family_parents fp join families f on f.id = fp.family_id where f.household_id = ${householdId}
  union select fc.child_person_id from family_children fc join families f on f.id = fc.family_id where f.household_id = ${householdId} and fc.left_on is null
  union select hm.person_id from household_members hm where hm.household_id = ${householdId})`;

export interface AssignmentTarget {
  family: { id: string; household_id: string; kov_organisation_id: string; guardian_kov_organisation_id: string | null; district: string | null; crisis_or_special_foster: boolean; language: 'et' | 'ru' };
  referralKovId: string | null;
  kind: SupportKind;
  providerOrganisationId: string;
  /** The episode being reassigned (its own assignment is not a conflict with itself). */
  episodeId: string | null;
  on: string;
}

/** Reads what B-COI needs to know about a specialist and a family. */
export async function coiFacts(db: Db, specialist: { id: string; person_id: string; official_posts: OfficialPost[] }, target: AssignmentTarget): Promise<CoiFacts> {
  const tallinn = await db.selectFrom('organisations').select('id').where('kind', '=', 'kov').where('name', '=', TALLINN_NAME).executeTakeFirst();
  const exceptEpisode = target.episodeId ?? '00000000-0000-0000-0000-000000000000';
  const { rows } = await sql<{ self_needs: boolean; mutual: boolean; other_service: boolean; cleared: boolean }>`
    select
      exists (
        select 1 from family_episodes e join families f on f.id = e.family_id
        where e.kind = 'needs_based' and e.status <> 'ended' and f.household_id in ${householdsOfPerson(specialist.person_id)}
      ) as self_needs,
      exists (
        select 1 from family_episodes e join families f on f.id = e.family_id join provider_specialists s on s.id = e.specialist_id
        where e.kind in ('adaptation','needs_based') and e.status <> 'ended' and e.id <> ${exceptEpisode}
          and f.household_id in ${householdsOfPerson(specialist.person_id)}
          and s.person_id in ${peopleOfHousehold(target.family.household_id)}
      ) as mutual,
      exists (
        select 1 from family_episodes e
        where e.family_id = ${target.family.id} and e.specialist_id = ${specialist.id} and e.status <> 'ended' and e.id <> ${exceptEpisode}
          and (e.kind = 'mentoring') <> ${target.kind === 'mentoring'}
      ) as other_service,
      exists (
        select 1 from coi_clearances c where c.specialist_id = ${specialist.id} and c.family_id = ${target.family.id} and c.rule = 'kov_official'
      ) as cleared`.execute(db);
  const facts = rows[0]!;
  const kovs = [target.family.kov_organisation_id, target.family.guardian_kov_organisation_id, target.referralKovId].filter((k): k is string => Boolean(k));
  return {
    kind: target.kind,
    family: { crisisOrSpecialFoster: target.family.crisis_or_special_foster, kovOrganisationIds: [...new Set(kovs)], district: target.family.district },
    tallinnOrganisationId: tallinn?.id ?? null,
    officialPosts: specialist.official_posts,
    specialistReceivesNeedsBased: facts.self_needs,
    familySupportsSpecialistsHousehold: facts.mutual,
    specialistGivesOtherService: facts.other_service,
    kovOfficialCleared: facts.cleared,
  };
}

/**
 * Checks a specialist for an assignment (§2.8.6 approval, role, language) and
 * every B-COI rule; refuses with 409 naming the first rule broken (all of
 * them in the details).
 */
export async function assertAssignable(db: Db, specialistId: string, target: AssignmentTarget) {
  const specialist = await db.selectFrom('provider_specialists').selectAll().where('id', '=', specialistId).executeTakeFirst();
  if (!specialist || specialist.provider_organisation_id !== target.providerOrganisationId) throw new AppError(400, 'SPECIALIST_INVALID_FOR_PROVIDER', {}, { fields: [{ path: 'specialistId', message: 'not a specialist of this provider' }] });
  const problem = checkSpecialist(
    {
      active: specialist.active,
      providerOrganisationId: specialist.provider_organisation_id,
      roles: specialist.roles as SpecialistRole[],
      languages: specialist.languages as SpecialistLanguage[],
      skaApprovedOn: specialist.ska_approved_on,
    },
    { providerOrganisationId: target.providerOrganisationId, kind: target.kind, language: target.family.language, on: target.on },
  );
  if (problem) throw new AppError(409, problem, {}, { specialistId });
  const conflicts = coiProblems(await coiFacts(db, specialist, target));
  if (conflicts.length) {
    throw new AppError(409, conflicts[0]!, {}, { rule: 'B-COI', conflicts: conflicts.map((c) => ({ code: c, clause: COI_CLAUSES[c] })) });
  }
  return specialist;
}
