import { sql, type Transaction } from 'kysely';
import type { DB, OrganisationKind } from '../../platform/db/schema.js';
import type { AppDeps, RequestContext } from '../../platform/http/index.js';
import { AppError, badRequest, notFound, versionConflict } from '../../platform/http/index.js';
import { appendAudit, diffFields } from '../../platform/audit/audit.js';
import { organisationScope } from '../../platform/policy/policy.js';
import { findOrganisation, type OrganisationRow } from './organisations-queries.js';
import { isActiveSkaSpecialist } from './users-queries.js';

export interface OrganisationInput {
  name: string;
  kind: OrganisationKind;
  registryCode?: string | null | undefined;
  county?: string | null | undefined;
  population?: number | null | undefined;
  island?: boolean | undefined;
}

const AUDITED_FIELDS = ['name', 'kind', 'registry_code', 'county', 'population', 'island', 'active', 'regional_specialist_id'] as const;

function columnsOf(input: Partial<OrganisationInput>): Record<string, unknown> {
  return { name: input.name, kind: input.kind, registry_code: input.registryCode, county: input.county, population: input.population, island: input.island };
}

export async function createOrganisation(deps: AppDeps, ctx: RequestContext, input: OrganisationInput): Promise<OrganisationRow> {
  return deps.db.transaction().execute(async (trx) => {
    await assertNameFree(trx, input.kind, input.name, null);
    const values = columnsOf(input);
    const { id } = await trx
      .insertInto('organisations')
      .values({ name: input.name, kind: input.kind, registry_code: input.registryCode ?? null, county: input.county ?? null, population: input.population ?? null, island: input.island ?? false, regional_specialist_id: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, ctx, [{ action: 'create', recordType: 'organisation', recordId: id, changes: diffFields({}, values, AUDITED_FIELDS) }]);
    return (await findOrganisation(trx, ctx.actor, id))!;
  });
}

export async function updateOrganisation(deps: AppDeps, ctx: RequestContext, id: string, version: number, input: Partial<OrganisationInput>): Promise<OrganisationRow> {
  return deps.db.transaction().execute(async (trx) => {
    const before = await lock(trx, ctx, id, version);
    if (input.name !== undefined || input.kind !== undefined) await assertNameFree(trx, input.kind ?? before.kind, input.name ?? before.name, id);
    if (input.kind && input.kind !== 'kov' && before.regional_specialist_id) throw badRequest('NOT_A_MUNICIPALITY');
    return save(trx, ctx, before, columnsOf(input));
  });
}

export async function setOrganisationActive(deps: AppDeps, ctx: RequestContext, id: string, version: number, active: boolean): Promise<OrganisationRow> {
  return deps.db.transaction().execute(async (trx) => save(trx, ctx, await lock(trx, ctx, id, version), { active }));
}

/**
 * A-ASSIGN: every KOV has a regional SKA chief specialist, to whom its new
 * domestic and KLAT cases go.
 */
export async function setRegionalSpecialist(deps: AppDeps, ctx: RequestContext, id: string, version: number, userId: string | null): Promise<OrganisationRow> {
  return deps.db.transaction().execute(async (trx) => {
    const before = await lock(trx, ctx, id, version);
    if (before.kind !== 'kov') throw badRequest('NOT_A_MUNICIPALITY');
    if (userId && !(await isActiveSkaSpecialist(trx, userId))) throw badRequest('REGIONAL_SPECIALIST_INVALID');
    return save(trx, ctx, before, { regional_specialist_id: userId });
  });
}

async function lock(trx: Transaction<DB>, ctx: RequestContext, id: string, version: number) {
  const before = await trx.selectFrom('organisations').selectAll().where('id', '=', id).where(organisationScope(ctx.actor, 'update')).forUpdate().executeTakeFirst();
  if (!before) throw notFound();
  if (before.version !== version) throw versionConflict(before.version);
  return before;
}

async function save(trx: Transaction<DB>, ctx: RequestContext, before: { id: string; version: number } & Record<string, unknown>, values: Record<string, unknown>) {
  const set = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
  const changes = diffFields(before, set, AUDITED_FIELDS);
  await trx.updateTable('organisations').set({ ...set, version: before.version + 1, updated_at: new Date() }).where('id', '=', before.id).execute();
  if (changes.length) await appendAudit(trx, ctx, [{ action: 'update', recordType: 'organisation', recordId: before.id, changes }]);
  return (await findOrganisation(trx, ctx.actor, before.id))!;
}

async function assertNameFree(trx: Transaction<DB>, kind: OrganisationKind, name: string, exceptId: string | null) {
  const taken = await trx.selectFrom('organisations').select('id').where('kind', '=', kind).where(sql`lower(name)`, '=', name.toLowerCase()).executeTakeFirst();
  if (taken && taken.id !== exceptId) throw new AppError(409, 'ORGANISATION_NAME_TAKEN');
}
