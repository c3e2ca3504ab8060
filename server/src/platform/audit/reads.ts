import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { appendAuditBatch, chainRows, readChainHead, type AuditBatch, type AuditEntry, type AuditSource, type ChainHead } from './audit.js';

/**
 * X-AUDIT for reads, with group commit. A read changes nothing, so its entry
 * need not share the read's transaction; it must only be committed before the
 * data leaves the server. Reads that arrive while an append is committing are
 * appended together in the next one (one head lock, one insert, one commit for
 * all of them), and each caller's promise settles when its own batch has
 * committed: a response is never sent before its audit entry is durable, and
 * if the append fails the read fails with it.
 *
 * Without concurrency this is one append per read; under load the global
 * chain lock is taken once per batch instead of once per request.
 *
 * An append is one autocommitted statement (issue 6: the four round trips of
 * BEGIN, lock, insert, COMMIT were most of a read's audit cost). The batcher
 * remembers the head it wrote last and moves it only if it is still that head
 * (compare-and-set in the UPDATE's WHERE), inserting the rows in the same
 * statement only when the head moved. Another process or a write transaction
 * may have appended meanwhile; then nothing is written, the head is read
 * again and the rows are rechained from it.
 */
interface Pending {
  source: AuditSource;
  entries: readonly AuditEntry[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** At most this many requests in one append, so one transaction stays short. */
const MAX_BATCH = 200;

class ReadAuditBatcher {
  private queue: Pending[] = [];
  private flushing = false;

  constructor(private readonly db: Kysely<DB>) {}

  append(source: AuditSource, entries: readonly AuditEntry[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ source, entries, resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, MAX_BATCH);
        try {
          await this.appendChained(batch);
          for (const p of batch) p.resolve();
        } catch (error) {
          for (const p of batch) p.reject(error);
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  /** The head this batcher last wrote, or read; null until the first append. */
  private head: ChainHead | null = null;

  private async appendChained(batch: AuditBatch): Promise<void> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const expected = this.head ?? (await readChainHead(this.db, { lock: false }));
      const chained = chainRows(expected, batch, new Date());
      if (await appendIfHeadIs(this.db, expected, chained)) {
        this.head = chained.head;
        return;
      }
      this.head = await readChainHead(this.db, { lock: false });
    }
    // Appends elsewhere kept winning: take the lock and wait in line instead.
    this.head = null;
    await this.db.transaction().execute((trx) => appendAuditBatch(trx, batch));
  }
}

/** Compare-and-set attempts before falling back to the head lock. */
const MAX_ATTEMPTS = 3;

/** A PostgreSQL array literal of strings, every element quoted: {"a","b \"c\""}. */
export function arrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

/**
 * One statement, so one implicit transaction: the head moves from `expected` to the chain's new head
 * and the rows are inserted, or (the head was no longer `expected`) neither happens. Under READ
 * COMMITTED a concurrent appender's lock makes the UPDATE wait, then re-check its WHERE on the row
 * that appender committed. Columns travel as arrays (unnest), so the statement has the same 16
 * parameters however many rows it carries.
 */
async function appendIfHeadIs(db: Kysely<DB>, expected: ChainHead, chained: ReturnType<typeof chainRows>): Promise<boolean> {
  const { rows, head } = chained;
  const column = <K extends keyof (typeof rows)[number]>(key: K) => rows.map((row) => row[key]);
  // unnest flattens nested arrays, so each row's id list travels as one array literal, cast per row.
  const arrayLiterals = (key: 'record_ids' | 'person_ids') => rows.map((row) => (row[key] ? arrayLiteral(row[key]) : null));
  const result = await sql<{ id: string }>`
    with moved as (
      update audit_head set last_id = ${head.lastId}, last_hash = ${head.lastHash}
      where id = 1 and last_id = ${expected.lastId} and last_hash = ${expected.lastHash}
      returning 1
    )
    insert into audit_log (id, at, actor_id, actor_name, actor_role, actor_organisation_id, action, record_type, record_id, person_id, record_ids, person_ids, ip, changes, schema_version, prev_hash, hash)
    select r.id, ${rows[0]!.at}::timestamptz, r.actor_id, r.actor_name, r.actor_role, r.actor_organisation_id, r.action, r.record_type, r.record_id, r.person_id, r.record_ids::text[], r.person_ids::uuid[], r.ip, r.changes, ${rows[0]!.schema_version}::integer, r.prev_hash, r.hash
    from unnest(${column('id')}::bigint[], ${column('actor_id')}::uuid[], ${column('actor_name')}::text[], ${column('actor_role')}::text[], ${column('actor_organisation_id')}::uuid[],
                ${column('action')}::text[], ${column('record_type')}::text[], ${column('record_id')}::text[], ${column('person_id')}::uuid[], ${arrayLiterals('record_ids')}::text[], ${arrayLiterals('person_ids')}::text[], ${column('ip')}::text[], ${column('changes')}::jsonb[],
                ${column('prev_hash')}::text[], ${column('hash')}::text[])
      as r(id, actor_id, actor_name, actor_role, actor_organisation_id, action, record_type, record_id, person_id, record_ids, person_ids, ip, changes, prev_hash, hash)
    where exists (select 1 from moved)
    returning id`.execute(db);
  return result.rows.length === rows.length;
}

// One batcher per database handle (tests open several databases in one process).
const batchers = new WeakMap<Kysely<DB>, ReadAuditBatcher>();

/** Logs reads (actions `read`, `list`) and resolves once they are committed. */
export function auditReads(db: Kysely<DB>, source: AuditSource, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return Promise.resolve();
  if (entries.some((e) => e.action !== 'read' && e.action !== 'list')) throw new Error('auditReads logs reads only; changes are audited in their own transaction');
  let batcher = batchers.get(db);
  if (!batcher) {
    batcher = new ReadAuditBatcher(db);
    batchers.set(db, batcher);
  }
  return batcher.append(source, entries);
}
