import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Actor } from '../policy/actor.js';
import { auditScope } from '../policy/policy.js';
import { decodeCursor, toPage } from '../http/pagination.js';

export interface AuditFilter {
  actorId?: string | undefined;
  recordType?: string | undefined;
  recordId?: string | undefined;
  action?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** The log, newest first, for the auditor (keyset on id). */
export async function listAudit(db: Kysely<DB>, actor: Actor, filter: AuditFilter) {
  const after = decodeCursor(filter.cursor, ['number']);
  let query = db.selectFrom('audit_log').selectAll().where(auditScope(actor));
  if (filter.actorId) query = query.where('actor_id', '=', filter.actorId);
  if (filter.recordType) query = query.where('record_type', '=', filter.recordType);
  if (filter.recordId) query = query.where((eb) => concernsRecord(eb, filter.recordId!));
  if (filter.action) query = query.where('action', '=', filter.action);
  if (filter.from) query = query.where('at', '>=', sql<Date>`${filter.from}::date::timestamp at time zone 'Europe/Tallinn'`);
  if (filter.to) query = query.where('at', '<', sql<Date>`(${filter.to}::date + 1)::timestamp at time zone 'Europe/Tallinn'`);
  if (after) query = query.where('id', '<', after[0] as number);
  const rows = await query.orderBy('id', 'desc').limit(filter.limit + 1).execute();
  return toPage(rows, filter.limit, (r) => [Number(r.id)]);
}

/** Who read or changed one record: names, roles and organisations, newest first. */
export async function accessHistory(db: Kysely<DB>, recordType: string, recordId: string, limit = 200) {
  return db
    .selectFrom('audit_log')
    .leftJoin('organisations', 'organisations.id', 'audit_log.actor_organisation_id')
    .select(['audit_log.at', 'audit_log.actor_name', 'audit_log.actor_role', 'audit_log.action', 'organisations.name as organisation_name'])
    .where('audit_log.record_type', '=', recordType)
    .where((eb) => concernsRecord(eb, recordId))
    .orderBy('audit_log.id', 'desc')
    .limit(limit)
    .execute();
}

/** The data tracker: which organisations looked at a person's data (not the person themselves). */
export async function dataTracker(db: Kysely<DB>, personId: string, ownUserId: string, limit = 500) {
  return db
    .selectFrom('audit_log')
    .leftJoin('organisations', 'organisations.id', 'audit_log.actor_organisation_id')
    .select(['audit_log.at', 'audit_log.actor_role', 'audit_log.action', 'audit_log.record_type', 'organisations.name as organisation_name'])
    .where((eb) => eb.or([eb('audit_log.person_id', '=', personId), sql<boolean>`audit_log.person_ids @> array[${personId}]::uuid[]`]))
    .where((eb) => eb.or([eb('audit_log.actor_id', 'is', null), eb('audit_log.actor_id', '!=', ownUserId)]))
    .orderBy('audit_log.id', 'desc')
    .limit(limit)
    .execute();
}

/** An entry about this record: its own (record_id) or a list page that showed it (record_ids, GIN). */
function concernsRecord(eb: ExpressionBuilder<DB, 'audit_log'>, recordId: string) {
  return eb.or([eb('audit_log.record_id', '=', recordId), sql<boolean>`audit_log.record_ids @> array[${recordId}]::text[]`]);
}
