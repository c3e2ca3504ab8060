import type { Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { AppDeps, RequestContext } from '../../platform/http/index.js';
import { AppError, badRequest, notFound, versionConflict } from '../../platform/http/index.js';
import { appendAudit, diffFields } from '../../platform/audit/audit.js';
import { compareIsoDates } from '../../platform/calendar/working-days.js';
import { registerPerson, type PersonInput } from '../people/service.js';
import { contractScope, specialistScope } from '../../platform/policy/policy.js';
import { tell, today, usersOf } from './shared.js';
import type { OfficialPost, SpecialistLanguage, SpecialistRole } from './tables.js';

type Trx = Transaction<DB>;

// --- Provider contracts --------------------------------------------------------------

export interface ContractInput {
  reference: string;
  providerId: string;
  startsOn: string;
  endsOn: string;
  prices: { familySupportMonthCents: number; mentoringSessionCents: number; supportGroupMeetingCents: number; counsellingSessionCents: number };
  notes?: string | null | undefined;
}

const CONTRACT_FIELDS = ['reference', 'provider_organisation_id', 'starts_on', 'ends_on', 'family_support_month_cents', 'mentoring_session_cents', 'support_group_meeting_cents', 'counselling_session_cents', 'notes'];

function contractValues(input: Partial<ContractInput>) {
  return {
    ...(input.reference !== undefined ? { reference: input.reference } : {}),
    ...(input.providerId !== undefined ? { provider_organisation_id: input.providerId } : {}),
    ...(input.startsOn !== undefined ? { starts_on: input.startsOn } : {}),
    ...(input.endsOn !== undefined ? { ends_on: input.endsOn } : {}),
    ...(input.prices
      ? {
          family_support_month_cents: input.prices.familySupportMonthCents,
          mentoring_session_cents: input.prices.mentoringSessionCents,
          support_group_meeting_cents: input.prices.supportGroupMeetingCents,
          counselling_session_cents: input.prices.counsellingSessionCents,
        }
      : {}),
    ...(input.notes !== undefined ? { notes: input.notes } : {}),
  };
}

async function checkContract(trx: Trx, c: { provider_organisation_id: string; starts_on: string; ends_on: string; reference: string }, exceptId: string | null) {
  if (compareIsoDates(c.ends_on, c.starts_on) < 0) throw badRequest('PERIOD_INVALID', { fields: [{ path: 'endsOn', message: 'before the start' }] });
  const provider = await trx.selectFrom('organisations').select('id').where('id', '=', c.provider_organisation_id).where('kind', '=', 'provider').executeTakeFirst();
  if (!provider) throw badRequest('PROVIDER_INVALID', { fields: [{ path: 'providerId', message: 'not a provider' }] });
  const taken = await trx.selectFrom('provider_contracts').select('id').where('reference', '=', c.reference).where('id', '!=', exceptId ?? '00000000-0000-0000-0000-000000000000').executeTakeFirst();
  if (taken) throw new AppError(409, 'CONTRACT_REFERENCE_TAKEN');
  const overlapping = await trx
    .selectFrom('provider_contracts')
    .select('reference')
    .where('provider_organisation_id', '=', c.provider_organisation_id)
    .where('starts_on', '<=', c.ends_on)
    .where('ends_on', '>=', c.starts_on)
    .where('id', '!=', exceptId ?? '00000000-0000-0000-0000-000000000000')
    .executeTakeFirst();
  if (overlapping) throw new AppError(409, 'CONTRACT_OVERLAPS', { reference: overlapping.reference });
}

/** The SKA contact records a provider's contract: its period and unit prices in cents. */
export async function createContract(deps: AppDeps, ctx: RequestContext, input: ContractInput) {
  return deps.db.transaction().execute(async (trx) => {
    const values = { ...contractValues(input), created_by: ctx.actor.userId } as Required<ReturnType<typeof contractValues>> & { created_by: string };
    await checkContract(trx, values, null);
    const row = await trx.insertInto('provider_contracts').values(values).returningAll().executeTakeFirstOrThrow();
    await appendAudit(trx, ctx, [{ action: 'create', recordType: 'provider_contract', recordId: row.id, changes: diffFields({}, row, CONTRACT_FIELDS) }]);
    return row;
  });
}

export async function updateContract(deps: AppDeps, ctx: RequestContext, id: string, input: Partial<ContractInput> & { version: number }) {
  return deps.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('provider_contracts').selectAll().where('id', '=', id).where(contractScope(ctx.actor, 'update')).forUpdate().executeTakeFirst();
    if (!before) throw notFound();
    if (before.version !== input.version) throw versionConflict(before.version);
    const values = contractValues(input);
    await checkContract(trx, { ...before, ...values }, id);
    const changes = diffFields(before, values, CONTRACT_FIELDS);
    const row = await trx.updateTable('provider_contracts').set({ ...values, version: before.version + 1, updated_at: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    if (changes.length) await appendAudit(trx, ctx, [{ action: 'update', recordType: 'provider_contract', recordId: id, changes }]);
    return row;
  });
}

// --- Specialists ----------------------------------------------------------------------------

export interface SpecialistInput {
  userId: string;
  person: PersonInput;
  roles: SpecialistRole[];
  languages: SpecialistLanguage[];
  officialPosts?: OfficialPost[] | undefined;
  notes?: string | null | undefined;
}

async function checkPosts(trx: Trx, posts: OfficialPost[] | undefined) {
  for (const [i, post] of (posts ?? []).entries()) {
    const kov = await trx.selectFrom('organisations').select('id').where('id', '=', post.kovOrganisationId).where('kind', '=', 'kov').executeTakeFirst();
    if (!kov) throw badRequest('KOV_INVALID', { fields: [{ path: `officialPosts.${i}.kovOrganisationId`, message: 'not a municipality' }] });
  }
}

const unique = <T>(list: T[]) => [...new Set(list)];

/**
 * A provider's project manager registers a member of their team as a
 * specialist: an active user of the organisation, the person (for the B-COI
 * household and needs-based checks), roles, languages and any posts as a KOV
 * official. SKA approves them before their first service (§2.8.6).
 */
export async function createSpecialist(deps: AppDeps, ctx: RequestContext, input: SpecialistInput) {
  return deps.db.transaction().execute(async (trx) => {
    const user = await trx.selectFrom('users').select(['id', 'organisation_id', 'role', 'active']).where('id', '=', input.userId).executeTakeFirst();
    if (!user || user.organisation_id !== ctx.actor.organisationId || !user.active || !['provider_specialist', 'provider_admin'].includes(user.role)) {
      throw badRequest('SPECIALIST_USER_INVALID', { fields: [{ path: 'userId', message: 'an active user of your organisation' }] });
    }
    const existing = await trx.selectFrom('provider_specialists').select('id').where('user_id', '=', input.userId).executeTakeFirst();
    if (existing) throw new AppError(409, 'SPECIALIST_EXISTS', {}, { specialistId: existing.id });
    await checkPosts(trx, input.officialPosts);
    const { id: personId } = await registerPerson(trx, ctx, input.person, 'specialist');
    const row = await trx
      .insertInto('provider_specialists')
      .values({
        user_id: input.userId,
        provider_organisation_id: ctx.actor.organisationId,
        person_id: personId,
        roles: JSON.stringify(unique(input.roles)),
        languages: JSON.stringify(unique(input.languages)),
        official_posts: JSON.stringify(input.officialPosts ?? []),
        notes: input.notes ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, ctx, [{ action: 'create', recordType: 'provider_specialist', recordId: row.id, personId, changes: [{ field: 'roles', old: null, new: row.roles }, { field: 'languages', old: null, new: row.languages }] }]);
    return row;
  });
}

async function lockSpecialist(trx: Trx, ctx: RequestContext, id: string, version: number, action: 'update' | 'approve') {
  const before = await trx.selectFrom('provider_specialists').selectAll().where('provider_specialists.id', '=', id).where(specialistScope(ctx.actor, action)).forUpdate().executeTakeFirst();
  if (!before) throw notFound();
  if (before.version !== version) throw versionConflict(before.version);
  return before;
}

export async function updateSpecialist(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  input: { version: number; roles?: SpecialistRole[] | undefined; languages?: SpecialistLanguage[] | undefined; officialPosts?: OfficialPost[] | undefined; active?: boolean | undefined; notes?: string | null | undefined },
) {
  return deps.db.transaction().execute(async (trx) => {
    const before = await lockSpecialist(trx, ctx, id, input.version, 'update');
    await checkPosts(trx, input.officialPosts);
    const values = {
      ...(input.roles ? { roles: unique(input.roles) } : {}),
      ...(input.languages ? { languages: unique(input.languages) } : {}),
      ...(input.officialPosts ? { official_posts: input.officialPosts } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
      ...(input.notes !== undefined ? { notes: input.notes } : {}),
    };
    const changes = diffFields(before, values, ['roles', 'languages', 'official_posts', 'active', 'notes']);
    const stored = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Array.isArray(v) ? JSON.stringify(v) : v]));
    const row = await trx.updateTable('provider_specialists').set({ ...stored, version: before.version + 1, updated_at: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    if (changes.length) await appendAudit(trx, ctx, [{ action: 'update', recordType: 'provider_specialist', recordId: id, personId: before.person_id, changes }]);
    return row;
  });
}

/**
 * §2.8.6: SKA's written approval (a reproducible record: date and reference)
 * that the specialist may start providing services; withdrawing it stops new
 * services from that day.
 */
export async function approveSpecialist(deps: AppDeps, ctx: RequestContext, id: string, input: { version: number; approved: boolean; approvedOn?: string | undefined; reference?: string | null | undefined }) {
  return deps.db.transaction().execute(async (trx) => {
    const before = await lockSpecialist(trx, ctx, id, input.version, 'approve');
    const approvedOn = input.approved ? (input.approvedOn ?? today()) : null;
    if (approvedOn && compareIsoDates(approvedOn, today()) > 0) throw badRequest('DATE_IN_FUTURE', { fields: [{ path: 'approvedOn', message: 'not after today' }] });
    if (input.approved && !input.reference?.trim()) throw badRequest('APPROVAL_REFERENCE_REQUIRED', { fields: [{ path: 'reference', message: 'the written confirmation' }] });
    const values = { ska_approved_on: approvedOn, ska_approval_reference: input.approved ? (input.reference ?? null) : null, ska_approved_by: input.approved ? ctx.actor.userId : null };
    const changes = diffFields(before, values, ['ska_approved_on', 'ska_approval_reference']);
    const row = await trx.updateTable('provider_specialists').set({ ...values, version: before.version + 1, updated_at: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    if (changes.length) await appendAudit(trx, ctx, [{ action: 'update', recordType: 'provider_specialist', recordId: id, personId: before.person_id, changes }]);
    const user = await trx.selectFrom('users').select('name').where('id', '=', before.user_id).executeTakeFirstOrThrow();
    await tell(trx, await usersOf(trx, before.provider_organisation_id, ['provider_admin']), {
      kind: input.approved ? 'approval' : 'rejection',
      titleKey: input.approved ? 'notifications.specialistApproved' : 'notifications.specialistApprovalWithdrawn',
      params: { name: user.name },
      link: `/families/specialists/${id}`,
    });
    return row;
  });
}

/** A qualification document: uploaded bytes, or a reference to where it is (a diploma number, a register entry). */
export async function addSpecialistDocument(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  doc: { title: string } & ({ kind: 'upload'; filename: string; bytes: Buffer } | { kind: 'reference'; reference: string }),
) {
  return deps.db.transaction().execute(async (trx) => {
    const specialist = await trx.selectFrom('provider_specialists').select(['id', 'person_id']).where('provider_specialists.id', '=', id).where(specialistScope(ctx.actor, 'update')).executeTakeFirst();
    if (!specialist) throw notFound();
    const row = await trx
      .insertInto('specialist_documents')
      .values({
        specialist_id: id,
        kind: doc.kind,
        title: doc.title,
        filename: doc.kind === 'upload' ? doc.filename : null,
        content_type: doc.kind === 'upload' ? 'application/octet-stream' : null,
        size: doc.kind === 'upload' ? doc.bytes.length : null,
        content: doc.kind === 'upload' ? doc.bytes : null,
        reference: doc.kind === 'reference' ? doc.reference : null,
        uploaded_by: ctx.actor.userId,
      })
      .returning(['id', 'kind', 'title'])
      .executeTakeFirstOrThrow();
    await appendAudit(trx, ctx, [{ action: 'create', recordType: 'specialist_document', recordId: row.id, personId: specialist.person_id, changes: [{ field: 'title', old: null, new: doc.title }] }]);
    return row;
  });
}

/**
 * B-COI §2.1.6.5: SKA clears (kooskõlastab) the KOV-official conflict of one
 * specialist with one family, with a recorded decision.
 */
export async function clearKovOfficialConflict(deps: AppDeps, ctx: RequestContext, input: { specialistId: string; familyId: string; decision: string; decidedOn?: string | undefined }) {
  const decidedOn = input.decidedOn ?? today();
  if (compareIsoDates(decidedOn, today()) > 0) throw badRequest('DATE_IN_FUTURE', { fields: [{ path: 'decidedOn', message: 'not after today' }] });
  return deps.db.transaction().execute(async (trx) => {
    const specialist = await trx.selectFrom('provider_specialists').select('id').where('id', '=', input.specialistId).executeTakeFirst();
    const family = await trx.selectFrom('families').select('id').where('id', '=', input.familyId).executeTakeFirst();
    if (!specialist || !family) throw badRequest('VALIDATION_FAILED', { fields: [{ path: specialist ? 'familyId' : 'specialistId', message: 'not found' }] });
    const row = await trx
      .insertInto('coi_clearances')
      .values({ specialist_id: input.specialistId, family_id: input.familyId, rule: 'kov_official', decision: input.decision, decided_on: decidedOn, decided_by: ctx.actor.userId })
      .onConflict((oc) => oc.columns(['specialist_id', 'family_id', 'rule']).doUpdateSet({ decision: input.decision, decided_on: decidedOn, decided_by: ctx.actor.userId }))
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, ctx, [{ action: 'create', recordType: 'coi_clearance', recordId: row.id, changes: [{ field: 'decision', old: null, new: input.decision }] }]);
    return row;
  });
}
