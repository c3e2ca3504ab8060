import { sql, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { AppDeps, RequestContext } from '../../platform/http/index.js';
import { AppError, badRequest, notFound, versionConflict } from '../../platform/http/index.js';
import { appendAudit, diffFields } from '../../platform/audit/audit.js';
import { compareIsoDates } from '../../platform/calendar/working-days.js';
import { registerPerson, type PersonInput } from '../people/service.js';
import { normaliseName } from '../people/rules.js';
import { findFamily, type FamilyRecord } from './queries.js';
import { familyReference, kovInvolved, TALLINN_DISTRICTS } from './rules.js';
import { type ChildOrigin } from './secrecy.js';
import { encryptJson } from '../../platform/crypto/keys.js';
import { linkFamilyPeople, recordEvent, today } from './shared.js';
import { TALLINN_NAME } from './coi.js';
import type { FamilyLanguage, FamilyType } from './tables.js';
import { lockRecord } from '../../platform/db/record-lock.js';

export interface ChildInput {
  person: PersonInput;
  arrivedOn: string;
  leftOn?: string | null | undefined;
  origin?: ChildOrigin | null | undefined;
}

export interface FamilyFields {
  kovOrganisationId?: string | undefined;
  guardianKovOrganisationId?: string | null | undefined;
  district?: string | null | undefined;
  language?: FamilyLanguage | undefined;
  assessed?: boolean | undefined;
  kovInvolvementConsent?: boolean | undefined;
  adoptionSecrecy?: boolean | undefined;
  crisisOrSpecialFoster?: boolean | undefined;
  inServiceOn20221031?: boolean | undefined;
  address?: string | null | undefined;
  contactPhone?: string | null | undefined;
  contactEmail?: string | null | undefined;
  notes?: string | null | undefined;
}

export interface FamilyInput extends FamilyFields {
  type: FamilyType;
  parents: { person: PersonInput; relation?: string | undefined }[];
  children?: ChildInput[] | undefined;
}

const COLUMN: Record<keyof FamilyFields, string> = {
  kovOrganisationId: 'kov_organisation_id',
  guardianKovOrganisationId: 'guardian_kov_organisation_id',
  district: 'district',
  language: 'language',
  assessed: 'assessed',
  kovInvolvementConsent: 'kov_involvement_consent',
  adoptionSecrecy: 'adoption_secrecy',
  crisisOrSpecialFoster: 'crisis_or_special_foster',
  inServiceOn20221031: 'in_service_on_2022_10_31',
  address: 'address',
  contactPhone: 'contact_phone',
  contactEmail: 'contact_email',
  notes: 'notes',
};

/** A KOV worker edits what the KOV knows; secrecy, consent and the contract flags are SKA's and the provider's. */
const KOV_FIELDS: readonly (keyof FamilyFields)[] = ['guardianKovOrganisationId', 'district', 'language', 'assessed', 'address', 'contactPhone', 'contactEmail', 'notes'];

const AUDITED = Object.values(COLUMN);

async function assertKov(trx: Transaction<DB>, id: string | null | undefined, path: string) {
  if (!id) return null;
  const org = await trx.selectFrom('organisations').select(['id', 'name']).where('id', '=', id).where('kind', '=', 'kov').executeTakeFirst();
  if (!org) throw badRequest('KOV_INVALID', { fields: [{ path, message: 'not a municipality' }] });
  return org;
}

/** X-SECRET and B-KOV flags belong to adoptive families; a district only to Tallinn (B-COI is by district there). */
function checkFlags(type: FamilyType, kovName: string, f: { district: string | null; adoption_secrecy: boolean; kov_involvement_consent: boolean }) {
  if (f.adoption_secrecy && type !== 'lapsendaja') throw badRequest('FAMILY_SECRECY_ADOPTIVE_ONLY', { fields: [{ path: 'adoptionSecrecy', message: 'adoptive families only' }] });
  if (!f.kov_involvement_consent && type !== 'lapsendaja') throw badRequest('FAMILY_CONSENT_ADOPTIVE_ONLY', { fields: [{ path: 'kovInvolvementConsent', message: 'adoptive families only' }] });
  if (f.district && (kovName !== TALLINN_NAME || !(TALLINN_DISTRICTS as readonly string[]).includes(f.district))) {
    throw badRequest('FAMILY_DISTRICT_INVALID', { fields: [{ path: 'district', message: `Tallinn only: ${TALLINN_DISTRICTS.join(', ')}` }] });
  }
}

function checkChildDates(child: { arrivedOn: string; leftOn?: string | null | undefined }, path: string) {
  if (child.leftOn && compareIsoDates(child.leftOn, child.arrivedOn) < 0) throw badRequest('PLACEMENT_DATES_INVALID', { fields: [{ path, message: 'left before arriving' }] });
}

async function searchTextOf(trx: Transaction<DB>, familyId: string, reference: string) {
  const { rows } = await sql<{ name: string }>`
    select p.search_name as name from family_parents fp join people p on p.id = fp.person_id where fp.family_id = ${familyId}
    union all select p.search_name from family_children fc join people p on p.id = fc.child_person_id where fc.family_id = ${familyId}`.execute(trx);
  return [...rows.map((r) => r.name), normaliseName(reference)].join(' ');
}

/**
 * Records a foster, guardianship or adoptive family with its parents and
 * children: a KOV worker for their municipality, the SKA contact, or a
 * provider the family turned to. People are registered (or linked by personal
 * code) and made visible to SKA, the KOV (unless an adoptive family declined
 * KOV involvement) and the recording provider.
 */
export async function createFamily(deps: AppDeps, ctx: RequestContext, input: FamilyInput, encryptionKey: Buffer): Promise<FamilyRecord> {
  const { actor } = ctx;
  return deps.db.transaction().execute(async (trx) => {
    const kovId = input.kovOrganisationId ?? (actor.role === 'kov_worker' ? actor.organisationId : undefined);
    if (!kovId) throw badRequest('VALIDATION_FAILED', { fields: [{ path: 'kovOrganisationId', message: 'required' }] });
    const kov = (await assertKov(trx, kovId, 'kovOrganisationId'))!;
    await assertKov(trx, input.guardianKovOrganisationId, 'guardianKovOrganisationId');
    if (actor.role === 'kov_worker' && kovId !== actor.organisationId && input.guardianKovOrganisationId !== actor.organisationId) throw new AppError(403, 'FAMILY_KOV_NOT_OWN');
    const flags = { district: input.district ?? null, adoption_secrecy: input.adoptionSecrecy ?? false, kov_involvement_consent: input.kovInvolvementConsent ?? true };
    if (actor.role === 'kov_worker' && !flags.kov_involvement_consent) throw new AppError(403, 'FAMILY_FIELD_NOT_ALLOWED', { fields: 'kovInvolvementConsent' });
    checkFlags(input.type, kov.name, flags);
    (input.children ?? []).forEach((c, i) => checkChildDates(c, `children.${i}.leftOn`));

    const { rows } = await sql<{ n: number }>`select nextval('family_reference_seq')::int8 as n`.execute(trx);
    const reference = familyReference(today(), Number(rows[0]!.n));
    const household = await trx.insertInto('households').values({ label: reference }).returning('id').executeTakeFirstOrThrow();
    const values = {
      reference,
      type: input.type,
      kov_organisation_id: kovId,
      guardian_kov_organisation_id: input.guardianKovOrganisationId ?? null,
      ...flags,
      language: input.language ?? 'et',
      assessed: input.assessed ?? true,
      crisis_or_special_foster: input.crisisOrSpecialFoster ?? false,
      in_service_on_2022_10_31: input.inServiceOn20221031 ?? false,
      intake_provider_id: actor.role === 'provider_admin' ? actor.organisationId : null,
      household_id: household.id,
      address: input.address ?? null,
      contact_phone: input.contactPhone ?? null,
      contact_email: input.contactEmail ?? null,
      notes: input.notes ?? null,
      search_text: normaliseName(reference),
      created_by: actor.userId,
    };
    const family = await trx.insertInto('families').values(values).returningAll().executeTakeFirstOrThrow();
    for (const parent of input.parents) await addParentIn(trx, ctx, family, parent);
    for (const child of input.children ?? []) await addChildIn(trx, ctx, family, child, encryptionKey);
    const saved = await trx.updateTable('families').set({ search_text: await searchTextOf(trx, family.id, reference) }).where('id', '=', family.id).returningAll().executeTakeFirstOrThrow();
    await linkToParties(trx, saved);
    await appendAudit(trx, ctx, [{ action: 'create', recordType: 'family', recordId: family.id, changes: diffFields({}, values, AUDITED) }]);
    await recordEvent(trx, { familyId: family.id, kind: 'family_created', actorId: actor.userId });
    return saved;
  });
}

/** SKA always; the KOVs unless the adoptive family declined KOV involvement (B-KOV); the provider the family turned to. */
async function linkToParties(trx: Transaction<DB>, family: FamilyRecord) {
  const ska = await trx.selectFrom('organisations').select('id').where('kind', '=', 'ska').orderBy('created_at').executeTakeFirst();
  if (ska) await linkFamilyPeople(trx, family.id, ska.id);
  if (kovInvolved({ type: family.type, kovInvolvementConsent: family.kov_involvement_consent })) {
    await linkFamilyPeople(trx, family.id, family.kov_organisation_id);
    if (family.guardian_kov_organisation_id) await linkFamilyPeople(trx, family.id, family.guardian_kov_organisation_id);
  }
  if (family.intake_provider_id) await linkFamilyPeople(trx, family.id, family.intake_provider_id);
}

async function addParentIn(trx: Transaction<DB>, ctx: RequestContext, family: FamilyRecord, parent: { person: PersonInput; relation?: string | undefined }) {
  const { id } = await registerPerson(trx, ctx, parent.person, 'family');
  await trx
    .insertInto('family_parents')
    .values({ family_id: family.id, person_id: id, relation: parent.relation ?? 'parent' })
    .onConflict((oc) => oc.doNothing())
    .execute();
  return id;
}

async function addChildIn(trx: Transaction<DB>, ctx: RequestContext, family: FamilyRecord, child: ChildInput, key: Buffer) {
  const { id } = await registerPerson(trx, ctx, child.person, 'family');
  const exists = await trx.selectFrom('family_children').select('id').where('family_id', '=', family.id).where('child_person_id', '=', id).where('arrived_on', '=', child.arrivedOn).executeTakeFirst();
  if (exists) throw new AppError(409, 'PLACEMENT_EXISTS');
  const row = await trx
    .insertInto('family_children')
    .values({
      family_id: family.id,
      child_person_id: id,
      arrived_on: child.arrivedOn,
      left_on: child.leftOn ?? null,
      origin_ciphertext: child.origin && Object.values(child.origin).some(Boolean) ? encryptJson(key, child.origin) : null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await appendAudit(trx, ctx, [
    { action: 'create', recordType: 'family_child', recordId: row.id, personId: id, changes: [{ field: 'arrived_on', old: null, new: row.arrived_on }, { field: 'left_on', old: null, new: row.left_on }, ...(row.origin_ciphertext ? [{ field: 'origin', old: null, new: '***' }] : [])] },
  ]);
  return row;
}

export async function lockFamily(trx: Transaction<DB>, ctx: RequestContext, id: string, version: number | null, action: 'update' | 'read' = 'update') {
  return lockRecord(trx, 'families', id, () => findFamily(trx, ctx.actor, id, action), version);
}

/** A write that changes the family's people or placements also moves its version (X-CONC). */
async function touch(trx: Transaction<DB>, family: FamilyRecord) {
  const searchText = await searchTextOf(trx, family.id, family.reference);
  return trx.updateTable('families').set({ version: family.version + 1, updated_at: new Date(), search_text: searchText }).where('id', '=', family.id).returningAll().executeTakeFirstOrThrow();
}

/** Edits the family record; 409 on a stale version (X-CONC). */
export async function updateFamily(deps: AppDeps, ctx: RequestContext, id: string, version: number, changes: FamilyFields): Promise<FamilyRecord> {
  return deps.db.transaction().execute(async (trx) => {
    const before = await lockFamily(trx, ctx, id, version);
    const present = (Object.keys(changes) as (keyof FamilyFields)[]).filter((k) => changes[k] !== undefined);
    if (ctx.actor.role === 'kov_worker') {
      const denied = present.filter((k) => !KOV_FIELDS.includes(k));
      if (denied.length) throw new AppError(403, 'FAMILY_FIELD_NOT_ALLOWED', { fields: denied.join(', ') }, { fields: denied });
    }
    if (ctx.actor.role === 'provider_specialist') {
      const denied = present.filter((k) => !['address', 'contactPhone', 'contactEmail', 'language'].includes(k));
      if (denied.length) throw new AppError(403, 'FAMILY_FIELD_NOT_ALLOWED', { fields: denied.join(', ') }, { fields: denied });
    }
    const values: Record<string, unknown> = {};
    for (const k of present) values[COLUMN[k]] = changes[k];
    const kov = await assertKov(trx, (values.kov_organisation_id as string | undefined) ?? before.kov_organisation_id, 'kovOrganisationId');
    if (changes.guardianKovOrganisationId) await assertKov(trx, changes.guardianKovOrganisationId, 'guardianKovOrganisationId');
    const next = { ...before, ...values } as FamilyRecord;
    checkFlags(next.type, kov!.name, next);
    const diff = diffFields(before, values, AUDITED);
    const saved = await trx
      .updateTable('families')
      .set({ ...values, version: before.version + 1, updated_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const wasInvolved = kovInvolved({ type: before.type, kovInvolvementConsent: before.kov_involvement_consent });
    const nowInvolved = kovInvolved({ type: saved.type, kovInvolvementConsent: saved.kov_involvement_consent });
    if (wasInvolved && !nowInvolved) {
      // B-KOV: a family that withdraws its consent is no longer visible to the KOV, its people neither.
      await trx.deleteFrom('person_links').where('reason', '=', 'family').where('organisation_id', 'in', [before.kov_organisation_id, before.guardian_kov_organisation_id ?? before.kov_organisation_id]).execute();
    }
    await linkToParties(trx, saved);
    if (diff.length) await appendAudit(trx, ctx, [{ action: 'update', recordType: 'family', recordId: id, changes: diff }]);
    return saved;
  });
}

export async function addParent(deps: AppDeps, ctx: RequestContext, id: string, version: number, parent: { person: PersonInput; relation?: string | undefined }) {
  return deps.db.transaction().execute(async (trx) => {
    const family = await lockFamily(trx, ctx, id, version);
    const personId = await addParentIn(trx, ctx, family, parent);
    await linkToParties(trx, family);
    await relinkProviders(trx, family.id, [personId]);
    await appendAudit(trx, ctx, [{ action: 'update', recordType: 'family', recordId: id, personId, changes: [{ field: 'parents', old: null, new: personId }] }]);
    return touch(trx, family);
  });
}

export async function addChild(deps: AppDeps, ctx: RequestContext, id: string, version: number, child: ChildInput, key: Buffer) {
  checkChildDates(child, 'leftOn');
  return deps.db.transaction().execute(async (trx) => {
    const family = await lockFamily(trx, ctx, id, version);
    const row = await addChildIn(trx, ctx, family, child, key);
    await linkToParties(trx, family);
    await relinkProviders(trx, family.id, [row.child_person_id]);
    await recordEvent(trx, { familyId: id, kind: 'child_arrived', reason: row.arrived_on, actorId: ctx.actor.userId });
    return touch(trx, family);
  });
}

/** Arrival, departure (B-LEAVE) and origin data of a placement; 409 on a stale version. */
export async function updatePlacement(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  placementId: string,
  input: { version: number; arrivedOn?: string | undefined; leftOn?: string | null | undefined; origin?: ChildOrigin | null | undefined },
  key: Buffer,
) {
  return deps.db.transaction().execute(async (trx) => {
    const family = await lockFamily(trx, ctx, id, null);
    const before = await trx.selectFrom('family_children').selectAll().where('id', '=', placementId).where('family_id', '=', id).forUpdate().executeTakeFirst();
    if (!before) throw notFound();
    if (before.version !== input.version) throw versionConflict(before.version);
    const arrivedOn = input.arrivedOn ?? before.arrived_on;
    const leftOn = input.leftOn === undefined ? before.left_on : input.leftOn;
    checkChildDates({ arrivedOn, leftOn }, 'leftOn');
    const values = {
      arrived_on: arrivedOn,
      left_on: leftOn,
      ...(input.origin !== undefined ? { origin_ciphertext: input.origin && Object.values(input.origin).some(Boolean) ? encryptJson(key, input.origin) : null } : {}),
    };
    const changes = diffFields(before, { arrived_on: arrivedOn, left_on: leftOn }, ['arrived_on', 'left_on']);
    if (input.origin !== undefined) changes.push({ field: 'origin', old: before.origin_ciphertext ? '***' : null, new: values.origin_ciphertext ? '***' : null });
    await trx.updateTable('family_children').set({ ...values, version: before.version + 1, updated_at: new Date() }).where('id', '=', placementId).execute();
    if (changes.length) await appendAudit(trx, ctx, [{ action: 'update', recordType: 'family_child', recordId: placementId, personId: before.child_person_id, changes }]);
    if (input.leftOn && input.leftOn !== before.left_on) await recordEvent(trx, { familyId: id, kind: 'child_left', reason: input.leftOn, actorId: ctx.actor.userId });
    return touch(trx, family);
  });
}

/** Another person living in the family's household (for B-COI's household rules). */
export async function addHouseholdMember(deps: AppDeps, ctx: RequestContext, id: string, version: number, person: PersonInput) {
  return deps.db.transaction().execute(async (trx) => {
    const family = await lockFamily(trx, ctx, id, version);
    const { id: personId } = await registerPerson(trx, ctx, person, 'family');
    await trx.insertInto('household_members').values({ household_id: family.household_id, person_id: personId }).onConflict((oc) => oc.doNothing()).execute();
    await linkToParties(trx, family);
    await appendAudit(trx, ctx, [{ action: 'update', recordType: 'family', recordId: id, personId, changes: [{ field: 'household_members', old: null, new: personId }] }]);
    return touch(trx, family);
  });
}

/** B-CARRY: service received under an earlier procurement (the SKA contact or the provider records it). */
export async function addPriorPeriod(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  input: { version: number; kind: 'adaptation' | 'needs_based'; childPersonId?: string | null | undefined; startsOn: string; endsOn: string; procurement: string; transitionalExtra?: boolean | undefined; note?: string | null | undefined },
) {
  return deps.db.transaction().execute(async (trx) => {
    const family = await lockFamily(trx, ctx, id, input.version);
    await checkPeriod(trx, family.id, input);
    const row = await trx
      .insertInto('family_prior_periods')
      .values({ family_id: id, kind: input.kind, child_person_id: input.childPersonId ?? null, starts_on: input.startsOn, ends_on: input.endsOn, procurement: input.procurement, transitional_extra: input.transitionalExtra ?? false, note: input.note ?? null, created_by: ctx.actor.userId })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, ctx, [{ action: 'create', recordType: 'family_prior_period', recordId: row.id, changes: [{ field: 'period', old: null, new: `${input.startsOn}..${input.endsOn}` }] }]);
    return touch(trx, family);
  });
}

/** B-CARRY: a gap in service caused by the agency, excluded from the volume (only SKA records these). */
export async function addAgencyGap(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  input: { version: number; kind: 'adaptation' | 'needs_based'; childPersonId?: string | null | undefined; startsOn: string; endsOn: string; reason: string },
) {
  return deps.db.transaction().execute(async (trx) => {
    const family = await lockFamily(trx, ctx, id, input.version);
    await checkPeriod(trx, family.id, input);
    const row = await trx
      .insertInto('family_agency_gaps')
      .values({ family_id: id, kind: input.kind, child_person_id: input.childPersonId ?? null, starts_on: input.startsOn, ends_on: input.endsOn, reason: input.reason, created_by: ctx.actor.userId })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, ctx, [{ action: 'create', recordType: 'family_agency_gap', recordId: row.id, changes: [{ field: 'period', old: null, new: `${input.startsOn}..${input.endsOn}` }, { field: 'reason', old: null, new: input.reason }] }]);
    return touch(trx, family);
  });
}

async function checkPeriod(trx: Transaction<DB>, familyId: string, p: { kind: string; childPersonId?: string | null | undefined; startsOn: string; endsOn: string }) {
  if (compareIsoDates(p.endsOn, p.startsOn) < 0) throw badRequest('PERIOD_INVALID', { fields: [{ path: 'endsOn', message: 'before the start' }] });
  if (p.kind === 'adaptation' && !p.childPersonId) throw badRequest('B_ADAPT_CHILD_REQUIRED', { fields: [{ path: 'childPersonId', message: 'required' }] });
  if (p.childPersonId) {
    const child = await trx.selectFrom('family_children').select('id').where('family_id', '=', familyId).where('child_person_id', '=', p.childPersonId).executeTakeFirst();
    if (!child) throw badRequest('CHILD_NOT_IN_FAMILY', { fields: [{ path: 'childPersonId', message: 'not a child of this family' }] });
  }
}

/** Newly added people become visible to the providers and supporters already serving the family. */
async function relinkProviders(trx: Transaction<DB>, familyId: string, people: string[]) {
  const serving = await trx
    .selectFrom('family_episodes')
    .leftJoin('provider_specialists', 'provider_specialists.id', 'family_episodes.specialist_id')
    .select(['family_episodes.provider_organisation_id', 'provider_specialists.user_id'])
    .where('family_episodes.family_id', '=', familyId)
    .execute();
  const forwarded = await trx.selectFrom('family_referrals').select('provider_organisation_id').where('family_id', '=', familyId).where('provider_organisation_id', 'is not', null).execute();
  for (const s of serving) {
    await linkFamilyPeople(trx, familyId, s.provider_organisation_id, null, people);
    if (s.user_id) await linkFamilyPeople(trx, familyId, s.provider_organisation_id, s.user_id, people);
  }
  for (const r of forwarded) await linkFamilyPeople(trx, familyId, r.provider_organisation_id!, null, people);
}
