import type { Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { AppDeps, RequestContext } from '../../platform/http/index.js';
import { AppError, badRequest, notFound, versionConflict } from '../../platform/http/index.js';
import { appendAudit, diffFields } from '../../platform/audit/audit.js';
import { can, personScope } from '../../platform/policy/policy.js';
import { findPerson, possibleDuplicates, type PersonRow } from './queries.js';
import { resolveIdentity, searchNameOf } from './rules.js';
import { auditReads } from '../../platform/audit/reads.js';

export interface PersonInput {
  personalCode?: string | null | undefined;
  firstName: string;
  lastName: string;
  birthDate?: string | null | undefined;
}

export interface PersonChanges extends Partial<PersonInput> {
  version: number;
}

const AUDITED_FIELDS = ['personal_code', 'first_name', 'last_name', 'birth_date', 'sex'] as const;

/** Reads one person in scope and records the read (X-AUDIT). */
export async function readPerson(deps: AppDeps, ctx: RequestContext, id: string) {
  const person = await findPerson(deps.db, ctx.actor, id);
  if (!person) throw notFound();
  const duplicates = await possibleDuplicates(deps.db, ctx.actor, { id, birthDate: person.birth_date, searchName: searchNameOf(person.first_name, person.last_name) });
  await auditReads(deps.db, ctx, [{ action: 'read', recordType: 'person', recordId: id, personId: id }]);
  return { person, duplicates };
}

/**
 * Registers a person, or, when the personal code is already in the shared
 * registry, links that person to the user's organisation instead of making a
 * second record (one person, one page: X-PROFILE).
 */
export async function createPerson(deps: AppDeps, ctx: RequestContext, input: PersonInput) {
  if (!can(ctx.actor, 'person', 'create')) throw new AppError(403, 'FORBIDDEN');
  return deps.db.transaction().execute(async (trx) => {
    const { id, existing } = await registerPerson(trx, ctx, input, 'registered');
    const person = (await findPerson(trx, ctx.actor, id))!;
    const duplicates = existing ? [] : await possibleDuplicates(trx, ctx.actor, { id, birthDate: person.birth_date, searchName: searchNameOf(person.first_name, person.last_name) });
    return { person, duplicates, existing };
  });
}

/**
 * Registers a person inside the caller's transaction and links them to the
 * user's organisation; a personal code already in the registry links that
 * person instead of making a second record (one person, one page: X-PROFILE).
 */
export async function registerPerson(trx: Transaction<DB>, ctx: RequestContext, input: PersonInput, reason: string): Promise<{ id: string; existing: boolean }> {
  const identity = resolveIdentity(input);
  if (!identity.ok) throw badRequest(identity.problem, { fields: [{ path: identity.problem === 'BIRTH_DATE_REQUIRED' ? 'birthDate' : 'personalCode', message: identity.problem }] });
  const existing = identity.personalCode
    ? await trx.selectFrom('people').select('id').where('personal_code', '=', identity.personalCode).executeTakeFirst()
    : undefined;
  if (existing) {
    await link(trx, ctx, existing.id, reason);
    await appendAudit(trx, ctx, [{ action: 'link', recordType: 'person', recordId: existing.id, personId: existing.id }]);
    return { id: existing.id, existing: true };
  }
  const values = {
    personal_code: identity.personalCode,
    first_name: input.firstName,
    last_name: input.lastName,
    search_name: searchNameOf(input.firstName, input.lastName),
    birth_date: identity.birthDate,
    sex: identity.sex,
    created_by: ctx.actor.userId,
  };
  const { id } = await trx.insertInto('people').values(values).returning('id').executeTakeFirstOrThrow();
  await link(trx, ctx, id, reason);
  await appendAudit(trx, ctx, [{ action: 'create', recordType: 'person', recordId: id, personId: id, changes: diffFields({}, values, AUDITED_FIELDS) }]);
  return { id, existing: false };
}

export async function updatePerson(deps: AppDeps, ctx: RequestContext, id: string, input: PersonChanges): Promise<PersonRow> {
  return deps.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('people').selectAll().where('people.id', '=', id).where(personScope(ctx.actor, 'update')).forUpdate().executeTakeFirst();
    if (!before) throw notFound();
    if (before.version !== input.version) throw versionConflict(before.version);
    const codeChanged = input.personalCode !== undefined;
    const identity = resolveIdentity({
      personalCode: codeChanged ? input.personalCode : before.personal_code,
      birthDate: input.birthDate ?? (codeChanged && input.personalCode ? undefined : before.birth_date),
    });
    if (!identity.ok) throw badRequest(identity.problem);
    if (identity.personalCode && identity.personalCode !== before.personal_code) {
      const taken = await trx.selectFrom('people').select('id').where('personal_code', '=', identity.personalCode).executeTakeFirst();
      if (taken) throw new AppError(409, 'PERSONAL_CODE_TAKEN');
    }
    const firstName = input.firstName ?? before.first_name;
    const lastName = input.lastName ?? before.last_name;
    const next = { personal_code: identity.personalCode, first_name: firstName, last_name: lastName, search_name: searchNameOf(firstName, lastName), birth_date: identity.birthDate, sex: identity.sex };
    const changes = diffFields(before, next, AUDITED_FIELDS);
    await trx.updateTable('people').set({ ...next, version: before.version + 1, updated_at: new Date() }).where('id', '=', id).execute();
    if (changes.length) await appendAudit(trx, ctx, [{ action: 'update', recordType: 'person', recordId: id, personId: id, changes }]);
    return (await findPerson(trx, ctx.actor, id))!;
  });
}

/** Gives another organisation access to a person, e.g. SKA when a KOV files a case about them. */
export async function linkToOrganisation(trx: Transaction<DB>, personId: string, organisationId: string, reason: string) {
  await trx.insertInto('person_links').values({ person_id: personId, organisation_id: organisationId, user_id: null, reason }).onConflict((oc) => oc.doNothing()).execute();
}

/** Gives the user's organisation (and, for personal-scope roles, the user) access to a person. */
export async function link(trx: Transaction<DB>, ctx: RequestContext, personId: string, reason: string) {
  const personal = ctx.actor.role === 'provider_specialist' || ctx.actor.role === 'mediator';
  await trx
    .insertInto('person_links')
    .values({ person_id: personId, organisation_id: ctx.actor.organisationId, user_id: personal ? ctx.actor.userId : null, reason })
    .onConflict((oc) => oc.doNothing())
    .execute();
}
