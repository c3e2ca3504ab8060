import { sql, type Transaction } from 'kysely';
import type { DB, Role } from '../../platform/db/schema.js';
import type { AppDeps, RequestContext } from '../../platform/http/index.js';
import { AppError, badRequest, notFound, versionConflict } from '../../platform/http/index.js';
import { appendAudit, diffFields } from '../../platform/audit/audit.js';
import { userScope } from '../../platform/policy/policy.js';
import { hashPassword } from '../../platform/auth/passwords.js';
import { checkPasswordPolicy } from '../../platform/auth/password-policy.js';
import { deleteUserSessions } from '../../platform/auth/sessions.js';
import { isValidPersonalCode, normalisePersonalCode } from '../people/personal-code.js';
import { roleFitsOrganisation } from './rules.js';
import { findUser, type UserRow } from './users-queries.js';

export interface NewUserInput {
  email: string;
  name: string;
  role: Role;
  organisationId: string;
  personalCode?: string | null | undefined;
  password: string;
}

export interface UserChanges {
  version: number;
  email?: string | undefined;
  name?: string | undefined;
  role?: Role | undefined;
  organisationId?: string | undefined;
  personalCode?: string | null | undefined;
}

const AUDITED_FIELDS = ['email', 'name', 'role', 'organisation_id', 'personal_code', 'active'] as const;

export async function createUser(deps: AppDeps, ctx: RequestContext, input: NewUserInput): Promise<UserRow> {
  const personalCode = checkedPersonalCode(input.personalCode);
  assertPassword(input.password, input.email, input.name);
  const passwordHash = await hashPassword(input.password);
  return deps.db.transaction().execute(async (trx) => {
    await assertRoleFits(trx, input.role, input.organisationId);
    await assertUnique(trx, input.email, personalCode, null);
    const { id } = await trx
      .insertInto('users')
      .values({ email: input.email, name: input.name, role: input.role, organisation_id: input.organisationId, personal_code: personalCode, password_hash: passwordHash })
      .returning('id')
      .executeTakeFirstOrThrow();
    const changes = diffFields({} as Record<string, unknown>, { email: input.email, name: input.name, role: input.role, organisation_id: input.organisationId, personal_code: personalCode }, AUDITED_FIELDS);
    await appendAudit(trx, ctx, [{ action: 'create', recordType: 'user', recordId: id, changes }]);
    return (await findUser(trx, ctx.actor, id))!;
  });
}

export async function updateUser(deps: AppDeps, ctx: RequestContext, id: string, input: UserChanges): Promise<UserRow> {
  const personalCode = input.personalCode === undefined ? undefined : checkedPersonalCode(input.personalCode);
  return deps.db.transaction().execute(async (trx) => {
    const before = await lockUser(trx, ctx, id, input.version);
    const role = input.role ?? before.role;
    const organisationId = input.organisationId ?? before.organisation_id;
    if (input.role !== undefined || input.organisationId !== undefined) await assertRoleFits(trx, role, organisationId);
    await assertUnique(trx, input.email ?? null, personalCode ?? null, id);
    const next = { email: input.email, name: input.name, role: input.role, organisation_id: input.organisationId, personal_code: personalCode };
    const changes = diffFields(before, next, AUDITED_FIELDS);
    return save(trx, ctx, before, next, changes);
  });
}

export async function setUserActive(deps: AppDeps, ctx: RequestContext, id: string, version: number, active: boolean): Promise<UserRow> {
  if (!active && id === ctx.actor.userId) throw badRequest('CANNOT_DEACTIVATE_SELF');
  return deps.db.transaction().execute(async (trx) => {
    const before = await lockUser(trx, ctx, id, version);
    const row = await save(trx, ctx, before, { active }, diffFields(before, { active }, AUDITED_FIELDS));
    // A deactivated account is logged out everywhere at once.
    if (!active) await deleteUserSessions(trx, id);
    return row;
  });
}

export async function setUserPassword(deps: AppDeps, ctx: RequestContext, id: string, version: number, password: string): Promise<UserRow> {
  return deps.db.transaction().execute(async (trx) => {
    const before = await lockUser(trx, ctx, id, version);
    assertPassword(password, before.email, before.name);
    const passwordHash = await hashPassword(password);
    const row = await save(trx, ctx, before, { password_hash: passwordHash, failed_logins: 0, locked_until: null }, [{ field: 'password', old: '***', new: '***' }]);
    await deleteUserSessions(trx, id);
    return row;
  });
}

async function lockUser(trx: Transaction<DB>, ctx: RequestContext, id: string, version: number) {
  const before = await trx.selectFrom('users').selectAll().where('id', '=', id).where(userScope(ctx.actor, 'update')).forUpdate().executeTakeFirst();
  if (!before) throw notFound();
  if (before.version !== version) throw versionConflict(before.version);
  return before;
}

async function save(trx: Transaction<DB>, ctx: RequestContext, before: { id: string; version: number }, values: Record<string, unknown>, changes: ReturnType<typeof diffFields>) {
  const set = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
  await trx
    .updateTable('users')
    .set({ ...set, version: before.version + 1, updated_at: new Date() })
    .where('id', '=', before.id)
    .execute();
  if (changes.length) await appendAudit(trx, ctx, [{ action: 'update', recordType: 'user', recordId: before.id, changes }]);
  return (await findUser(trx, ctx.actor, before.id))!;
}

function checkedPersonalCode(code: string | null | undefined): string | null {
  if (!code) return null;
  const normalised = normalisePersonalCode(code);
  if (!isValidPersonalCode(normalised)) throw badRequest('PERSONAL_CODE_INVALID', { fields: [{ path: 'personalCode', message: 'invalid' }] });
  return normalised;
}

function assertPassword(password: string, email: string, name: string) {
  const result = checkPasswordPolicy(password, { email, name });
  if (!result.ok) throw badRequest('PASSWORD_POLICY', { problems: result.problems });
}

async function assertRoleFits(trx: Transaction<DB>, role: Role, organisationId: string) {
  const organisation = await trx.selectFrom('organisations').select(['kind', 'active']).where('id', '=', organisationId).executeTakeFirst();
  if (!organisation || !organisation.active) throw badRequest('ORGANISATION_INVALID');
  if (!roleFitsOrganisation(role, organisation.kind)) throw badRequest('ROLE_ORGANISATION_MISMATCH');
}

async function assertUnique(trx: Transaction<DB>, email: string | null, personalCode: string | null, exceptId: string | null) {
  if (email) {
    const taken = await trx.selectFrom('users').select('id').where(sql`lower(email)`, '=', email.toLowerCase()).executeTakeFirst();
    if (taken && taken.id !== exceptId) throw new AppError(409, 'EMAIL_TAKEN');
  }
  if (personalCode) {
    const taken = await trx.selectFrom('users').select('id').where('personal_code', '=', personalCode).executeTakeFirst();
    if (taken && taken.id !== exceptId) throw new AppError(409, 'PERSONAL_CODE_TAKEN');
  }
}
