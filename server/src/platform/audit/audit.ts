import type { Kysely, Transaction } from 'kysely';
import type { DB, FieldChange } from '../db/schema.js';
import type { Actor } from '../policy/actor.js';
import { AUDIT_SCHEMA_VERSION, chainHash, type ChainedContent } from './chain.js';

export type AuditAction = 'read' | 'list' | 'create' | 'update' | 'delete' | 'login' | 'logout' | 'login_failed' | 'export' | 'link';

export interface AuditEntry {
  action: AuditAction;
  recordType: string;
  recordId: string;
  /** Whose personal data this is, for the person's own "who looked at my data". */
  personId?: string | null;
  /** A list page: the records it showed (recordId is then 'list'), and the people they concern. */
  recordIds?: readonly string[];
  personIds?: readonly string[];
  changes?: FieldChange[] | null;
}

/** Who acted and from where; `actor` is null for anonymous events (a failed login). */
export interface AuditSource {
  actor: Pick<Actor, 'userId' | 'name' | 'role' | 'organisationId'> | null;
  ip: string | null;
}

/**
 * Appends entries to the hash-chained audit log inside the caller's transaction:
 * the entry exists exactly when the change it describes does.
 *
 * One chain for the whole log: the head row is locked (FOR UPDATE) until the
 * transaction ends, so the previous hash read here is the one committed just
 * before, and ids follow chain order without gaps. Two statements in all.
 */
export async function appendAudit(trx: Transaction<DB> | Kysely<DB>, source: AuditSource, entries: AuditEntry[]): Promise<void> {
  await appendAuditBatch(trx, [{ source, entries }]);
}

export type AuditBatch = readonly { source: AuditSource; entries: readonly AuditEntry[] }[];

/** Entries of several sources (requests) in one append: one head lock, one insert. */
export async function appendAuditBatch(trx: Transaction<DB> | Kysely<DB>, batch: AuditBatch): Promise<void> {
  if (!batch.some((b) => b.entries.length > 0)) return;
  // Outside a transaction the row lock would end with the first statement.
  if (!trx.isTransaction) return trx.transaction().execute((t) => appendAuditBatch(t, batch));
  const chained = chainRows(await readChainHead(trx, { lock: true }), batch, new Date());
  await trx
    .with('appended', (db) => db.insertInto('audit_log').values(chained.rows as any).returning('id'))
    .updateTable('audit_head')
    .set({ last_id: chained.head.lastId, last_hash: chained.head.lastHash })
    .where('id', '=', 1)
    .execute();
}

export interface ChainHead {
  lastId: number;
  lastHash: string;
}

/** The chain's head; with `lock`, held (FOR UPDATE) until the transaction ends. */
export async function readChainHead(db: Transaction<DB> | Kysely<DB>, { lock }: { lock: boolean }): Promise<ChainHead> {
  const query = db.selectFrom('audit_head').select(['last_id', 'last_hash']).where('id', '=', 1);
  const row = await (lock ? query.forUpdate() : query).executeTakeFirstOrThrow();
  return { lastId: Number(row.last_id), lastHash: row.last_hash };
}

export type AuditRow = ReturnType<typeof chainRows>['rows'][number];

/** The log rows of a batch, numbered and hashed on from `head`, and the head after them. Pure. */
export function chainRows(head: ChainHead, batch: AuditBatch, at: Date) {
  let prevHash = head.lastHash;
  let id = head.lastId;
  const rows = batch.flatMap(({ source, entries }) =>
    entries.map((entry) => {
      id += 1;
      const content: ChainedContent = {
        id,
        at,
        actorId: source.actor?.userId ?? null,
        actorName: source.actor?.name ?? null,
        actorRole: source.actor?.role ?? null,
        actorOrganisationId: source.actor?.organisationId ?? null,
        action: entry.action,
        recordType: entry.recordType,
        recordId: entry.recordId,
        personId: entry.personId ?? null,
        recordIds: entry.recordIds ? [...entry.recordIds] : undefined,
        personIds: entry.personIds ? [...entry.personIds] : undefined,
        ip: source.ip,
        changes: entry.changes ? jsonSafe(entry.changes) : null,
        schemaVersion: AUDIT_SCHEMA_VERSION,
      };
      const hash = chainHash(prevHash, content);
      const row = {
        id,
        at,
        actor_id: content.actorId,
        actor_name: content.actorName,
        actor_role: content.actorRole,
        actor_organisation_id: content.actorOrganisationId,
        action: content.action,
        record_type: content.recordType,
        record_id: content.recordId,
        person_id: content.personId,
        record_ids: content.recordIds ?? null,
        person_ids: content.personIds ?? null,
        ip: content.ip,
        changes: content.changes ? JSON.stringify(content.changes) : null,
        schema_version: content.schemaVersion,
        prev_hash: prevHash,
        hash,
      };
      prevHash = hash;
      return row;
    }),
  );
  return { rows, head: { lastId: id, lastHash: prevHash } };
}

/**
 * A list page's entry (X-AUDIT): one, holding the ids of the records shown in page order and the
 * people they concern, each once; none for an empty page. "Who looked at this record" and the data
 * tracker search both arrays.
 */
export function listEntries(recordType: string, shown: readonly { id: string; personId?: string | null }[]): AuditEntry[] {
  if (shown.length === 0) return [];
  const people = new Set<string>();
  for (const row of shown) if (row.personId) people.add(row.personId);
  return [{ action: 'list', recordType, recordId: 'list', recordIds: shown.map((row) => row.id), personIds: [...people] }];
}

/** Dates become ISO strings, undefined becomes null: what jsonb will give back. */
function jsonSafe(changes: FieldChange[]): FieldChange[] {
  return JSON.parse(JSON.stringify(changes, (_k, v) => (v === undefined ? null : v))) as FieldChange[];
}

/** Field-level differences between a record before and after a write, for its change history. */
export function diffFields(before: object, after: object, fields: readonly string[]): FieldChange[] {
  const old = before as Record<string, unknown>;
  const next = after as Record<string, unknown>;
  const changes: FieldChange[] = [];
  for (const field of fields) {
    if (!(field in next) || next[field] === undefined) continue;
    const oldValue = normalise(old[field]);
    const newValue = normalise(next[field]);
    if (JSON.stringify(oldValue) !== JSON.stringify(newValue)) changes.push({ field, old: oldValue, new: newValue });
  }
  return changes;
}

function normalise(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  return value ?? null;
}
